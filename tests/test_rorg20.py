"""rorg20 (issue 12): rule topic_club_title (roles.yaml patterns.topic_club, on since the twentieth session's merge),
its cases in tests/cases/rorg20/topic_club_title.yaml run through the committed model with the committed rules (switch
on); with the switch off the titles of the first three stay without organisation."""
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from pipeline.extract import extract
from pipeline.ruleset import RULES_DIR, load_rules

ROOT = Path(__file__).resolve().parents[1]
CASES = yaml.safe_load((ROOT / "tests" / "cases" / "rorg20" / "topic_club_title.yaml").read_text(encoding="utf-8"))
needs_model = pytest.mark.skipif(not (ROOT / "pipeline" / "models" / "de_news" / "meta.json").exists(),
                                 reason="pipeline/models/de_news missing")


@pytest.fixture(scope="module")
def rules_off(tmp_path_factory):
    d = tmp_path_factory.mktemp("rorg20") / "rules"
    shutil.copytree(RULES_DIR, d)
    y = d / "roles.yaml"
    src = y.read_text(encoding="utf-8")
    assert "  topic_club: true\n" in src
    y.write_text(src.replace("  topic_club: true\n", "  topic_club: false\n"), encoding="utf-8")
    return load_rules(d)


def _rows(nlp, rules, text) -> Counter:
    ex = extract(nlp(text), rules)
    names = {a.key: a.name for a in ex.actors}
    return Counter((names.get(r.actor_key), r.role, r.organization, r.status) for r in ex.roles)


@needs_model
@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: c["text"][:40])
def test_topic_club_title_on(de_news, all_rules_session, case):
    want = Counter((r["actor"], r["role"], r["organization"], r["status"]) for r in case["rows"])
    assert _rows(de_news, all_rules_session, case["text"]) == want


@needs_model
@pytest.mark.parametrize("case", CASES["cases"][:3], ids=lambda c: c["rows"][0]["role"])
def test_topic_club_title_off(de_news, rules_off, case):
    want = Counter((r["actor"], r["role"], None, r["status"]) for r in case["rows"])
    assert _rows(de_news, rules_off, case["text"]) == want
