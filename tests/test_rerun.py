"""Incremental rules re-runs: real rule edits on corpus/, incremental result == full re-extraction."""
import shutil
from pathlib import Path

import pytest
import yaml

from pipeline import incremental, store
from pipeline.extract.lexicon import parse_roles
from pipeline.ruleset import RULES_DIR, load_rules
from pipeline.job.rerun import _IGNORED, diff_rows
from pipeline.review import rerun_report
from pipeline.runner import RowsStore, rerun_rules, run
from pipeline.schemas import TABLES

from conftest import CORPUS

N_ARTICLES = 6      # corpus/ (one JSONL line duplicates another article)


def _edit(rules: Path, stem: str, old: str, new: str) -> None:
    p = rules / f"{stem}.yaml"
    text = p.read_text(encoding="utf-8")
    assert old in text, (stem, old)
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def _tables(out: Path) -> dict:
    t = {n: store.read_table(out, n) for n in TABLES}
    t["rejects"] = t["rejects"].drop_columns(["seen_at"])      # when a reject was seen: a timing column
    return t


def _assert_same_tables(a: Path, b: Path) -> None:
    ta, tb = _tables(a), _tables(b)
    for name in TABLES:
        assert ta[name].equals(tb[name]), f"{name} differs: {ta[name].num_rows} vs {tb[name].num_rows} rows"


# The outputs are made with the shipped rules minus two titles, so that adding a title back is an
# edit with a visible effect on these articles.
@pytest.fixture(scope="module")
def base(tmp_path_factory):
    d = tmp_path_factory.mktemp("rerun")
    rules = d / "rules"
    shutil.copytree(RULES_DIR, rules)
    _edit(rules, "roles", "    - Regierungssprecher\n", "")
    _edit(rules, "roles", "    - {title: Vizepräsident, generic: true}\n", "")
    out = d / "out"
    run([CORPUS], out, rules_dir=rules, progress=False)
    return d, rules, out


def _rows_report(res: dict) -> str:
    return "\n".join(line for line in res["report"].splitlines()
                     if not line.startswith(("**Why these articles:**", "Rows in the review style:")))


def _both(base, tmp_path: Path, edit) -> tuple[dict, dict, Path, Path]:
    """Re-run ``base``'s outputs with edited rules, incrementally and fully; (inc, full, dirs)."""
    _, base_rules, out = base
    rules = tmp_path / "rules"
    shutil.copytree(base_rules, rules)
    edit(rules)
    inc, full = tmp_path / "inc", tmp_path / "full"
    shutil.copytree(out, inc, symlinks=True)
    shutil.copytree(out, full, symlinks=True)
    return rerun_rules(inc, rules_dir=rules), rerun_rules(full, rules_dir=rules, full=True), inc, full


def test_a_run_keeps_the_rows_of_its_version(base):
    _, rules, out = base
    man = store.manifest(out)
    kept = RowsStore.load(out, man["version"])
    assert kept is not None
    assert kept.meta["rules_version"] == man["rules_version"] == load_rules(rules).version
    assert kept.meta["code"] == incremental.code_hash()
    assert sorted(kept.words) == sorted(store.read_table(out, "articles").column("article_id").to_pylist())
    assert kept.tables["roles"].num_rows == store.read_table(out, "roles").num_rows
    assert "sagen" in kept.words["1488fdb67cc39653"].split("\n")        # lemmas of the seed article


def test_unchanged_rules_reextract_nothing_and_change_nothing(base, tmp_path):
    _, rules, out = base
    copy = tmp_path / "out"
    shutil.copytree(out, copy, symlinks=True)
    res = rerun_rules(copy, rules_dir=rules)
    assert (res["reextracted"], res["reused"], res["why"]) == (0, N_ARTICLES, "rules unchanged")
    assert res["report"].count("| (no change) | 0 | 0 | 0 |") == 2
    _assert_same_tables(out, copy)


EDITS = {
    # a role title: "Regierungssprecher Steffen Hebestreit" becomes a minister
    # (without it the compound "Regierungs-" + "Sprecher" takes the category of Sprecher)
    "add_role_title": (lambda r: _edit(r, "roles", "    - Vizeregierungssprecher\n",
                                       "    - Regierungssprecher\n    - Vizeregierungssprecher\n"),
                       "roles", "changed"),
    # "Vize" + title is looked up as a title of its own: "US-Vizepräsident" J. D. Vance
    "add_vize_title": (lambda r: _edit(r, "roles", "    - Staatspräsident\n",
                                       "    - Staatspräsident\n    - {title: Vizepräsident, generic: true}\n"),
                       "roles", "changed"),
    # "betonte" no longer frames a claim
    "remove_speech_verb": (lambda r: _edit(r, "speech", "    - betonen\n", ""), "claims", "removed"),
    # "Direktor des Nationalen Nachrichtendienstes" -> organisation DNI
    "add_org_alias": (lambda r: _edit(r, "organizations", "aliases: [Director of National Intelligence]",
                                      "aliases: [Director of National Intelligence, Nationaler Nachrichtendienst]"),
                      "roles", "changed"),
    # a role pattern's word list: without "pensioniert" the reference "der pensionierte General" (Kellogg) is gone
    "pattern_word": (lambda r: _edit(r, "roles", "vormalig, pensioniert, ", "vormalig, "), "roles", "removed"),
    # generic titles of the SPD ("SPD-Vorsitzende") take the category of a company
    "org_type": (lambda r: _edit(r, "organizations", "{name: SPD, type: party", "{name: SPD, type: company"),
                 "roles", "changed"),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_local_edit_reextracts_few_articles_and_equals_a_full_rerun(base, tmp_path, name):
    edit, table, kind = EDITS[name]
    inc, full, inc_dir, full_dir = _both(base, tmp_path, edit)
    assert 0 < inc["reextracted"] < N_ARTICLES, inc["why"]
    assert full["reextracted"] == N_ARTICLES and full["why"] == "full re-extraction requested"
    assert sum(c[kind] for c in full["diffs"][table].values()) >= 1, full["report"]   # the edit does something
    _assert_same_tables(inc_dir, full_dir)
    assert _rows_report(inc) == _rows_report(full)       # the same rows; only the why line and the link differ
    assert inc["rules_version"] == full["rules_version"] != store.manifest(base[2])["rules_version"]
    # the re-run's one diff (issue 16) gives the counts of diff_rows and the rows of row_diff
    for t in ("roles", "claims"):
        old_t, new_t = store.read_table(base[2], t), store.read_table(full_dir, t)
        counts, rows = rerun_report.diff_once(old_t, new_t, t, _IGNORED)
        assert counts == diff_rows(old_t, new_t, t) == full["diffs"][t]
        assert rows == rerun_report.row_diff(old_t, new_t, t)


def test_a_pattern_category_change_cannot_be_localised(base, tmp_path):
    inc, full, inc_dir, full_dir = _both(base, tmp_path, lambda r: _edit(
        r, "roles", "descriptor_categories: [party]", "descriptor_categories: [party, media]"))
    assert inc["reextracted"] == N_ARTICLES
    assert inc["why"] == "not localisable: roles: patterns.descriptor_categories changed"
    _assert_same_tables(inc_dir, full_dir)


def test_pattern_word_needles(tmp_path):
    new = _compiled(lambda r: (_edit(r, "roles", "former_adjectives: [ehemalig,", "former_adjectives: [ehemalig, langjährig,"),
                               _edit(r, "roles", '"vor seinem rücktritt",', '"vor seinem rücktritt", "bis zur abwahl #",')),
                    tmp_path)
    assert incremental.localise(_compiled(), new) == {"langjährig", "abwahl"}


def test_chained_incremental_reruns_equal_one_full_rerun(base, tmp_path):
    """Each incremental re-run keeps the rows the next one starts from."""
    _, base_rules, out = base
    rules = tmp_path / "rules"
    shutil.copytree(base_rules, rules)
    inc, full = tmp_path / "inc", tmp_path / "full"
    shutil.copytree(out, inc, symlinks=True)
    shutil.copytree(out, full, symlinks=True)
    for name in ("add_role_title", "remove_speech_verb", "org_type", "add_vize_title"):
        EDITS[name][0](rules)
        res = rerun_rules(inc, rules_dir=rules)
        assert res["reextracted"] < N_ARTICLES, (name, res["why"])
    rerun_rules(full, rules_dir=rules, full=True)
    _assert_same_tables(inc, full)


def test_a_code_change_or_full_flag_reextracts_everything(base, tmp_path, monkeypatch):
    _, rules, out = base
    copy = tmp_path / "out"
    shutil.copytree(out, copy, symlinks=True)
    assert rerun_rules(copy, rules_dir=rules, full=True)["reextracted"] == N_ARTICLES
    monkeypatch.setattr(incremental, "_CODE", "another-extractor")      # what an edit of extract/*.py does
    res = rerun_rules(copy, rules_dir=rules)
    assert (res["reextracted"], res["why"]) == (N_ARTICLES, "extractor code changed")
    _assert_same_tables(out, copy)


def test_only_new_runs_extend_the_kept_rows(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    files = sorted(CORPUS.iterdir())
    shutil.copy(files[0], src / files[0].name)
    out = tmp_path / "out"
    run([src], out, progress=False)
    for f in files[1:]:
        shutil.copy(f, src / f.name)
    run([src], out, progress=False, only_new=True)
    kept = RowsStore.load(out, store.manifest(out)["version"])
    assert len(kept.words) == N_ARTICLES
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    EDITS["remove_speech_verb"][0](rules)
    full = tmp_path / "full"
    shutil.copytree(out, full, symlinks=True)
    res = rerun_rules(out, rules_dir=rules)
    assert 0 < res["reextracted"] < N_ARTICLES
    rerun_rules(full, rules_dir=rules, full=True)
    _assert_same_tables(out, full)


# ----------------------------------------------------------------------------- localising
def _compiled(edit=None, tmp_path=None) -> dict:
    if edit is None:
        return load_rules().compiled
    rules = tmp_path / "r"
    shutil.copytree(RULES_DIR, rules)
    edit(rules)
    return load_rules(rules).compiled


def test_needles_of_a_new_title_cover_its_forms(tmp_path):
    old = _compiled(lambda r: _edit(r, "roles", "    - Regierungssprecher\n", ""), tmp_path)
    needles = incremental.minimal(incremental.localise(old, _compiled()))
    hit = incremental.Matcher(needles)
    for text in ("Regierungssprecher Steffen Hebestreit", "die Regierungssprecherin", "des Regierungssprechers",
                 "Vize-Regierungssprecher", "der Regierungsprecher sagte"):       # the last one misspelt
        assert hit(incremental.haystack(text, "")), text
    assert not hit(incremental.haystack("Der Kanzler sagte am Montag in Berlin", "sagen"))


def test_an_organisation_change_reaches_titles_that_imply_it(tmp_path):
    new = _compiled(lambda r: _edit(r, "organizations", "{name: Deutschland, type: country",
                                    "{name: Deutschland, type: international"), tmp_path)
    needles = incremental.localise(_compiled(), new)
    # "Bundeskanzler" implies Deutschland; "bundes" is Deutschland's prefix and a compound prefix
    assert {"deutschland", "bundeskanzler", "bundes", "deutsch"} <= needles


def test_structural_changes_raise(tmp_path):
    new = _compiled(lambda r: _edit(r, "actors", "min_fuzzy_length: 7", "min_fuzzy_length: 8"), tmp_path)
    with pytest.raises(incremental.NotLocal, match="min_fuzzy_length"):
        incremental.localise(_compiled(), new)


def test_a_speech_verb_needle_matches_its_lemma_as_well():
    """Verbs also match through the parser's lemma ("gab ... an" -> geben): the haystack holds the lemmas."""
    hit = incremental.Matcher(incremental.minimal({"angeben", "geben"}))
    assert hit(incremental.haystack("Er gäbe dem nach.", "er\ngeben\nnach"))
    assert not hit(incremental.haystack("Er gäbe dem nach.", "er\ngäbe\nnach"))


ALPHABET = "abcdefghijklmnopqrstuvwxyzäöüß-"


def _edits1(word: str) -> set[str]:
    out = set()
    for i in range(len(word) + 1):
        for c in ALPHABET:
            out.add(word[:i] + c + word[i:])
            if i < len(word):
                out.add(word[:i] + c + word[i + 1:])
        if i < len(word):
            out.add(word[:i] + word[i + 1:])
    return out


@pytest.mark.parametrize("form", ["ministerpräsident", "sondergesandten", "außenministerin", "vize-kanzler",
                                  "staatschef", "gouverneur"])
def test_fuzzy_patterns_match_every_word_one_letter_off(form):
    """RoleLexicon.lookup_misspelt: a hyphen-free word of >= 10 letters, same first four letters."""
    hit = incremental.Matcher(incremental.fuzzy_needles(form))
    variants = [v for v in _edits1(form) if len(v) >= 10 and "-" not in v and v[:4] == form[:4]]
    assert variants or len(form) < 9
    for v in variants:
        assert hit(incremental.haystack(f"Der {v.capitalize()}, sagte er.", "")), v


def test_yaml_fast_loader_reads_the_same_rules():
    for path in sorted(RULES_DIR.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader) \
            == yaml.safe_load(text), path.name


# ----------------------------------------------------------------------------- no code from data
class _Evil:
    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        import os
        return (os.system, (f"touch {self.marker}",))


def test_pickles_placed_in_the_output_folder_never_run(base, tmp_path):
    """Older releases unpickled OUT/_cache/rows/rules/*.pkl in a re-run. Nothing under OUT is unpickled now:
    the kept rules are YAML files, compiled again (and checked against their hashes)."""
    import json
    import pickle
    _, base_rules, out = base
    copy = tmp_path / "out"
    shutil.copytree(out, copy, symlinks=True)
    marker = tmp_path / "pwned"
    evil = pickle.dumps(_Evil(marker))
    v = store.current_version(copy)
    rows = store.rows_dir(copy, v)
    legacy = RowsStore.root(copy) / "rules"
    legacy.mkdir(parents=True)
    for name in ("roles-0-1.pkl", "speech-0-1.pkl"):
        (legacy / name).write_bytes(evil)
    for name in ("roles.pkl", "roles.yaml.pkl", "speech.pkl"):
        (rows / "rules" / name).write_bytes(evil)
    rules = tmp_path / "rules"
    shutil.copytree(base_rules, rules)
    EDITS["add_role_title"][0](rules)
    res = rerun_rules(copy, rules_dir=rules)
    assert 0 < res["reextracted"] < N_ARTICLES, res["why"]      # the kept rules were compiled from YAML
    assert not marker.exists()
    # a kept rule file name that leaves the store is refused, and the re-run falls back to a full one
    v = store.current_version(copy)
    meta_path = store.rows_dir(copy, v) / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta["rule_names"]["speech"] = ["../../../../speech.yaml"]
    meta_path.write_text(json.dumps(meta))
    EDITS["remove_speech_verb"][0](rules)
    res = rerun_rules(copy, rules_dir=rules)
    assert res["reextracted"] == N_ARTICLES and res["why"].startswith("previous rules unreadable (StoreError)")
    assert not marker.exists()
