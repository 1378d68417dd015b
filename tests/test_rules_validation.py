"""Rule files are validated loudly and all before any input is read (issue 14)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline import registry
from pipeline.ruleset import RULES_DIR, RuleError, load_rules

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "000_1dcbb7a54b18fb12.txt"


@pytest.fixture()
def rules(tmp_path) -> Path:
    d = tmp_path / "rules"
    shutil.copytree(RULES_DIR, d)
    return d


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_packaged_rules_pass():
    assert set(load_rules().compiled) == set(registry.PARSERS)


def test_duplicate_yaml_key_is_an_error(rules):
    # the example: "organization: Deutschland" then "organization: USA" - the last won silently
    edit(rules / "speech.yaml", "\nrules:", "\nrules: []\nrules:")
    with pytest.raises(RuleError, match=r"speech\.yaml, entry 'rules' \(line \d+\): duplicate key; first given on line"):
        load_rules(rules)


def test_duplicate_key_in_a_nested_mapping(rules):
    edit(rules / "organizations.yaml", "{name: Deutschland, type: country", "{name: Deutschland, name: USA, type: country")
    with pytest.raises(RuleError, match=r"organizations\.yaml, entry 'name' \(line 19\): duplicate key"):
        load_rules(rules)


def test_stray_yml_beside_yaml_is_an_error(rules):
    shutil.copy(rules / "speech.yaml", rules / "speech.yml")
    with pytest.raises(RuleError, match=r"speech\.yml: unknown file in the rules folder \(did you mean speech\.yaml\?\)"):
        load_rules(rules)


@pytest.mark.parametrize("name", ["speech.yaml.bak", "notes.txt", "README.md", "extra.yaml", "speech.v2.yaml"])
def test_unknown_files_in_the_rules_folder(rules, name):
    (rules / name).write_text("x: 1\n", encoding="utf-8")
    with pytest.raises(RuleError, match="unknown file in the rules folder"):
        load_rules(rules)


def test_hidden_files_are_ignored(rules):
    (rules / ".speech.yaml.swp").write_text("editor junk", encoding="utf-8")
    assert load_rules(rules).version == load_rules().version


def test_a_registered_rule_file_is_known(rules, monkeypatch):
    """Known files come from the parser registry: a newly registered stem (e.g. sites.yaml) is accepted."""
    monkeypatch.setitem(registry.PARSERS, "sitesx", lambda data, name: data)
    (rules / "sitesx.yaml").write_text("profiles:\n  - host: example.de\n", encoding="utf-8")
    assert load_rules(rules)["sitesx"] == {"profiles": [{"host": "example.de"}]}


@pytest.mark.parametrize("file, old, new, entry", [
    ("organizations.yaml", "aliases: [", 'aliases: ["", ', "aliases"),
    ("organizations.yaml", "aliases: [", 'aliases: ["   ", ', "aliases"),
    ("speech.yaml", "\n    - quote_so: on", "\n    -\n    - quote_so: on", r"rules\.quote\[0\]"),
])
def test_empty_or_blank_strings_and_items_are_errors(rules, file, old, new, entry):
    edit(rules / file, old, new)
    with pytest.raises(RuleError, match=rf"{file}, entry .*{entry}.*: empty"):
        load_rules(rules)


@pytest.mark.parametrize("old, new, item", [
    ('Hamburger, "1.", FSV', "Hamburger, 1., FSV", "1.0"),       # a club's ordinal, read as a float
    ('Hamburger, "1.", FSV', "Hamburger, no, FSV", "False"),     # YAML 1.1's "no"
])
def test_a_number_or_boolean_in_a_list_of_words_is_an_error(rules, old, new, item):
    """The trainer row's name marker ``1.`` ("1. FC Köln") was read as 1.0 and never matched (rorg20)."""
    edit(rules / "roles.yaml", old, new)
    with pytest.raises(RuleError, match=rf"roles\.yaml, entry context_organizations\.kinds\[\d+\]\.name_markers\[18\]: "
                                        rf"{item} in a list of words"):
        load_rules(rules)


def test_all_files_are_checked_and_all_errors_reported(rules):
    edit(rules / "organizations.yaml", "aliases: [", 'aliases: ["", ')
    edit(rules / "speech.yaml", "\nrules:", "\nrules: []\nrules:")
    with pytest.raises(RuleError, match=r"2 rule files have errors:(?s:.*)organizations\.yaml(?s:.*)speech\.yaml"):
        load_rules(rules)


def test_rule_errors_stop_the_run_before_any_input_is_read(rules, tmp_path, monkeypatch):
    import pipeline.ingest as ingest
    from pipeline.runner import run

    edit(rules / "speech.yaml", "\nrules:", "\nrules: []\nrules:")
    read = []
    monkeypatch.setattr(ingest, "read_file", lambda *a, **k: read.append(a) or iter(()))
    with pytest.raises(RuleError, match="duplicate key"):
        run([SEED], tmp_path / "out", rules_dir=rules, progress=False)
    assert read == [] and not (tmp_path / "out" / "articles").exists()


@pytest.mark.parametrize("title", [r"Minister(in)?", "Chef.*", "[Vv]orsitzender"])
def test_regex_looking_title_is_an_error(rules, title):
    """A title is a literal word; 'Minister(in)?' used to be taken as the literal string and never matched."""
    edit(rules / "roles.yaml", "    - Gründer\n", f"    - Gründer\n    - '{title}'\n")
    with pytest.raises(RuleError, match=r"roles\.yaml, entry titles\.business\[\d+\]: title .*: titles are literal words"):
        load_rules(rules)


@pytest.mark.parametrize("old, new, entry", [
    ("  max_sentences_back: 2\n", "  max_sentences_back: -1\n", r"context_organizations\.max_sentences_back"),
    ("      name: kind_and_name\n", "      name: both\n", r"context_organizations\.kinds\[0\]\.name"),
    ("      kinds: [Staatsanwaltschaft, Generalstaatsanwaltschaft]\n",
     "      kinds: [Staatsanwaltschaft, Generalstaatsanwaltschaft]\n      place: x\n", r"context_organizations\.kinds\[0\]"),
])
def test_bad_context_organizations_name_file_and_entry(rules, old, new, entry):
    # rule org_from_context: its title -> organisation-kind table in roles.yaml is checked loudly
    edit(rules / "roles.yaml", old, new)
    with pytest.raises(RuleError, match=r"roles\.yaml, entry " + entry):
        load_rules(rules)
