"""`python -m pipeline eval synth`: the validator of tests/gold/synth files and one article through the real pipeline.

Needs no ../shared: the articles are their own text."""
import pytest

from pipeline import eval_all, eval_synth
from pipeline.eval_synth import GoldError, SynthArticle

GOOD = """\
source: synth:t_01
split: tune
outlet_style: "Lokalzeitung"
title: "Neues Hallenbad"
text: |
  Bürgermeisterin Anke Vogler sagte, das alte Bad sei nicht mehr zu retten.
claims:
  - {speaker: Anke Vogler, speaker_kind: person, cue: sagte, content: "das alte Bad sei nicht mehr zu retten", type: indirect}
roles:
  - [Anke Vogler, Bürgermeister, null, current]
persons: ["Anke Vogler"]
organizations: []
"""


def _load(tmp_path, text, name="t_01.yaml"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return eval_synth.load_gold(tmp_path)


def test_a_good_file_loads(tmp_path):
    [art] = _load(tmp_path, GOOD)
    assert (art.name, art.split, art.persons, art.organizations) == ("t_01", "tune", ["Anke Vogler"], [])
    assert art.roles == [("Anke Vogler", "Bürgermeister", None, "current")]
    assert [(c.speaker, c.cue, c.type) for c in art.claims] == [("Anke Vogler", "sagte", "indirect")]


@pytest.mark.parametrize("old, new, message", [
    ("outlet_style:", "outlet:", "t_01.yaml: unknown keys ['outlet']"),
    ("cue: sagte,", "cue: sagte, verb: sagen,", "t_01.yaml: claims[0]: unknown keys ['verb']"),
    ('content: "das alte Bad', 'content: "das neue Bad', "t_01.yaml: claims[0]: content is not a substring of text"),
    ("[Anke Vogler, Bürgermeister, null, current]", "[Anke Vogler, Bürgermeister, current]",
     "t_01.yaml: a role is [actor, role, organization, status], got ['Anke Vogler', 'Bürgermeister', 'current']"),
    ("split: tune", "split: dev", "t_01.yaml: split must be tune or check, got 'dev'"),
    ("text: |\n  Bürgermeisterin", "txt: |\n  Bürgermeisterin", "t_01.yaml: unknown keys ['txt']"),
    ("speaker_kind: person", "speaker_kind: human", "t_01.yaml: claims[0]: speaker_kind 'human'"),
    ('persons: ["Anke Vogler"]', "persons: Anke Vogler", "t_01.yaml: persons is a list of names"),
])
def test_the_validator_names_file_and_entry(tmp_path, old, new, message):
    assert old in GOOD
    with pytest.raises(GoldError) as e:
        _load(tmp_path, GOOD.replace(old, new))
    assert str(e.value).startswith(message)


def test_a_missing_text_fails(tmp_path):
    bad = GOOD.split("text:")[0] + "persons: []\n"
    with pytest.raises(GoldError, match=r"^t_02\.yaml: text is missing$"):
        _load(tmp_path, bad, "t_02.yaml")


def test_broken_yaml_names_the_file(tmp_path):
    with pytest.raises(GoldError, match=r"^t_04\.yaml: not valid YAML"):
        _load(tmp_path, GOOD.replace("claims:\n", "claims: [\n"), "t_04.yaml")


def test_persons_and_organisations_against_the_lists():
    art = SynthArticle("x", "tune", "", [], [], ["Jutta Fromm", "Anke Vogler"], ["Krämer Bau GmbH", "Stadtwerke"])
    c, log = eval_synth.Counts(), []
    eval_synth.score_entities(art, ["Jutta", "Fromm", "Vogler", "Krämer", "Rathaus"], ["Stadtwerke"], c, log)
    assert (c.persons, c.persons_ok, c.orgs, c.orgs_found, c.orgs_as_persons) == (5, 3, 2, 1, 1)
    assert log == ["  PFP   Krämer (a listed organisation)", "  PFP   Rathaus (not listed)",
                   "  OMISS Krämer Bau GmbH", "  OPERS Krämer Bau GmbH"]
    m = c.measures()
    assert (m["person_precision"], m["orgs_found"], m["orgs_as_persons"]) == (0.6, 0.5, 0.5)


def test_an_organisation_found_by_its_other_name():
    """(ent16) "BGH" listed beside "Bundesgerichtshof" is found when the actor's other names hold it word for word;
    a shorter other name ("Nordflug" of "Nordflug AG") does not find a longer listed one ("Nordflug Express")."""
    art = SynthArticle("x", "tune", "", [], [], [], ["Bundesgerichtshof", "BGH", "Nordflug Express", "Nordflug AG"])
    c, log = eval_synth.Counts(), []
    eval_synth.score_entities(art, [], ["Bundesgerichtshof", "Nordflug AG"], c, log, ["BGH", "Nordflug"])
    assert (c.orgs, c.orgs_found) == (4, 3)
    assert log == ["  OMISS Nordflug Express"]


ARTICLE = """\
source: synth:t_03
split: check
title: "Neues Hallenbad in Bad Hersfeld"
text: |
  Die Stadt Bad Hersfeld will bis 2028 ein neues Hallenbad bauen. Bürgermeisterin Anke Vogler stellte die Pläne am Montag im Rathaus vor. Sie sagte, das alte Bad sei nicht mehr zu retten. Den Auftrag erhält die Krämer Bau GmbH aus Fulda. Die Anwohnerin Jutta Fromm hält den Zeitplan für ehrgeizig. „Zwei Jahre Bauzeit sind sehr knapp“, sagte Fromm.
claims:
  - {speaker: Anke Vogler, speaker_kind: person, cue: sagte, content: "das alte Bad sei nicht mehr zu retten", type: indirect}
  - {speaker: Jutta Fromm, speaker_kind: person, cue: sagte, content: "Zwei Jahre Bauzeit sind sehr knapp", type: direct}
roles:
  - [Anke Vogler, Bürgermeister, Bad Hersfeld, current]
persons: ["Anke Vogler", "Jutta Fromm"]
organizations: ["Stadt Bad Hersfeld", "Krämer Bau GmbH"]
"""


def test_one_article_through_the_real_pipeline(tmp_path, de_news, all_rules_session):
    # (the mayor's town from "Die Stadt Bad Hersfeld": rule article_town, rorg16; the organisation is scored)
    (tmp_path / "t_01.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "t_03.yaml").write_text(ARTICLE, encoding="utf-8")
    totals, logs = eval_synth.evaluate(de_news, all_rules_session, tmp_path, split="check")
    c = totals["check"]
    assert list(logs) == ["t_03"] and totals["tune"].gold == 0
    assert (c.gold, c.pred, c.found, c.right_speaker, c.pred_ok) == (2, 2, 2, 2, 2)
    assert (c.roles_gold, c.roles_pred, c.roles_found, c.roles_org, c.roles_pred_ok) == (1, 1, 1, 1, 1)
    # the model splits "Jutta Fromm" into two person actors: a first name and a surname both count as right
    assert (c.persons, c.persons_ok) == (3, 3)
    assert (c.orgs, c.orgs_found, c.orgs_as_persons) == (2, 2, 0)
    assert logs["t_03"] == []
    assert totals["all"].measures()["claims_right_speaker"] == 1.0


def test_the_gate_passes_without_files_and_without_floors(tmp_path):
    assert eval_all.synth_notes({}, {}, tmp_path) == [
        f"synth: no gold files in {tmp_path} (*.yaml): nothing to score, the gate passes"]
    (tmp_path / "t_01.yaml").write_text(GOOD, encoding="utf-8")
    values = {"synth_tune": {"claims_found": 0.1, "orgs_as_persons": 0.2}}
    assert eval_all.synth_notes(values, {"web_dev": {"claims_found": 0.8}}, tmp_path) == [
        "synth_tune: no floors in floors.yaml yet: reported, not checked"]
    assert eval_all.check(values, {"web_dev": {"claims_found": 0.8}}) == []
    assert eval_all.check(values, {"synth_tune": {"claims_found": 0.5, "orgs_as_persons": 0.1}}) == [
        "synth_tune.claims_found 0.100 < floor 0.500", "synth_tune.orgs_as_persons 0.200 > ceiling 0.100"]
    assert eval_all.check(values, {"synth_tune": {"orgs_as_persons": 0.2}}) == []
