"""The accuracy gate: every measure of `python -m pipeline eval` at or above its pinned floor.

Needs ../shared (Wikinews and the web pages); skipped on a clone without it."""
from pathlib import Path

import pytest
import yaml

from pipeline import eval_all
from pipeline.eval_web import SHARED


@pytest.fixture(scope="module")
def values():
    if not (SHARED / "data" / "web" / "dev" / "html").exists():
        pytest.skip("../shared/data not available")
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules
    nlp, info = load_nlp(None)
    if info.source == "blank":
        pytest.skip("no trained model")
    return eval_all.measure(nlp, load_rules(), SHARED)


def test_every_gate_measured(values):
    assert {"roles", "wikinews_dev", "web_dev", "web_heldout"} <= set(values)


def test_floors_hold(values):
    floors = yaml.safe_load(eval_all.FLOORS.read_text(encoding="utf-8"))
    assert eval_all.check(values, floors) == []


def test_check_reports_a_measure_below_its_floor():
    bad = eval_all.check({"web_dev": {"claims_found": 0.5}}, {"web_dev": {"claims_found": 0.6}})
    assert bad == ["web_dev.claims_found 0.500 < floor 0.600"]
    assert eval_all.check({"web_dev": {"claims_found": 0.6}}, {"web_dev": {"claims_found": 0.6}}) == []
    assert Path(eval_all.FLOORS).name == "floors.yaml"
