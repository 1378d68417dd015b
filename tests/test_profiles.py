"""Claims convention profiles (speech.yaml ``profiles``): the rule set under a profile, the exported rules copy,
and loud errors for bad profile entries. Real German text through the real pipeline."""
import pytest

from pipeline.ruleset import RuleError, load_rules, with_profile

DEMAND = "Die Gewerkschaft Verdi fordert eine Lohnerhöhung von acht Prozent."


def _claims(nlp, rules, text):
    from pipeline.extract import extract
    return [(c.rule_id, c.speaker_text) for c in extract(nlp(text), rules).claims]


def test_default_drops_a_plain_speech_act_the_wikinews_profile_keeps_it(de_news, all_rules_session):
    assert _claims(de_news, all_rules_session, DEMAND) == []
    assert _claims(de_news, with_profile(all_rules_session, "wikinews"), DEMAND) == \
        [("speech_act", "Die Gewerkschaft Verdi")]


def test_profile_version_and_settings(all_rules_session):
    wn = with_profile(all_rules_session, "wikinews")
    assert wn.version == all_rules_session.version + "+wikinews"
    assert wn["speech"].switch("konj_merge") is True and all_rules_session["speech"].switch("konj_merge") is False
    on = {n: o for pairs in wn["speech"].rules.values() for n, o in pairs}
    assert on["plain_speech_act"] is False and on["soll_hearsay"] is True
    assert with_profile(all_rules_session, "default") is all_rules_session
    with pytest.raises(RuleError, match="profiles.nope"):
        with_profile(all_rules_session, "nope")


def test_exported_copy_is_the_profile(tmp_path, all_rules_session):
    from pipeline.profile_export import export
    out = export("wikinews", tmp_path / "wn")
    got, want = load_rules(out), with_profile(all_rules_session, "wikinews")
    assert (got["speech"].rules, got["speech"].switches) == (want["speech"].rules, want["speech"].switches)
    assert got.version != all_rules_session.version           # its own content hash: provenance names the copy
    with pytest.raises(FileExistsError):
        export("wikinews", out)


def test_bad_profile_entry_names_file_and_entry(tmp_path):
    import shutil
    from pipeline.ruleset import RULES_DIR
    d = tmp_path / "rules"
    shutil.copytree(RULES_DIR, d)
    p = d / "speech.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("soll_hearsay: on, intention_source", "soll_hearsy: on, intention_source"),
                 encoding="utf-8")
    with pytest.raises(RuleError, match=r"speech.yaml, entry profiles.wikinews.rules: unknown name\(s\) \['soll_hearsy'\]"):
        load_rules(d)
