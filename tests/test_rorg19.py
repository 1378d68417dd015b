"""rorg19 (issue 12): the switches of rule org_actor_name (roles.yaml patterns.org_actor_name, org_actor_acronym),
on real text through the committed model."""
import shutil
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.ruleset import RULES_DIR, load_rules
from pipeline.registry import RuleError

ROOT = Path(__file__).resolve().parents[1]
needs_model = pytest.mark.skipif(not (ROOT / "pipeline" / "models" / "de_news" / "meta.json").exists(),
                                 reason="pipeline/models/de_news missing")
TEXT = ("Die Vereinigung Cockpit (VC) hat die Piloten zum Streik aufgerufen. VC-Sprecher Matthias Baier sagte, man "
        "sei gesprächsbereit.")


def _rules(tmp_path, old: str, new: str):
    d = tmp_path / "rules"
    shutil.copytree(RULES_DIR, d)
    y = d / "roles.yaml"
    src = y.read_text(encoding="utf-8")
    assert old in src
    y.write_text(src.replace(old, new), encoding="utf-8")
    return d


def _orgs(nlp, rules) -> list:
    ex = extract(nlp(TEXT), rules)
    return [r.organization for r in ex.roles]


@needs_model
@pytest.mark.parametrize("old,new,want", [
    ("  org_actor_acronym: both\n", "  org_actor_acronym: long\n", ["Vereinigung Cockpit"]),
    ("  org_actor_name: true\n", "  org_actor_name: false\n", ["VC"]),
])
def test_switches(de_news, tmp_path, old, new, want):
    assert _orgs(de_news, load_rules(_rules(tmp_path, old, new))) == want


def test_acronym_switch_checked(tmp_path):
    with pytest.raises(RuleError, match="org_actor_acronym"):
        load_rules(_rules(tmp_path, "  org_actor_acronym: both\n", "  org_actor_acronym: short\n"))
