"""clm18 (issue 12: which claims exist): the switches' case files give other claims with the switch off, and the
form test of konj2_plural_past (a plural past form that is also the Konjunktiv II) on real verb forms."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.extract.claims.rules.past_konj2 import same_as_konj2

CASES = Path(__file__).parent / "cases" / "claims"


@pytest.mark.parametrize("form, lemma, same", [
    ("fehlten", "fehlen", True), ("arbeiteten", "arbeiten", True), ("reichten", "ausreichen", True),
    ("fühlten", "fühlen", True), ("liefen", "laufen", True), ("verließen", "verlassen", True), ("blieben", "bleiben", True),
    ("gingen", "gehen", True), ("sollten", "sollen", True),
    ("kamen", "kommen", False),          # Konjunktiv II "kämen"
    ("wussten", "wissen", False),        # "wüssten"
    ("wären", "sein", False), ("stehen", "ausstehen", False), ("arbeiten", "arbeiten", False),
    ("ausgeschrieben", "ausschreiben", False), ("geblieben", "bleiben", False),
])
def test_same_as_konj2(form, lemma, same):
    assert same_as_konj2(form, lemma) is same


def _rows(nlp, rules, text):
    from pipeline.extract import extract
    return [(c.rule_id, c.claim_text) for c in extract(nlp(text), rules).claims]


@pytest.mark.parametrize("switch", ["konj2_plural_past", "capitalized_bound", "capitalized_not_konj"])
def test_switch_off_changes_case(switch, de_news, all_rules_session):
    from pipeline.ruleset import with_claims
    case = yaml.safe_load((CASES / f"clm18_{switch}.yaml").read_text(encoding="utf-8"))
    on = _rows(de_news, all_rules_session, case["text"])
    off = _rows(de_news, with_claims(all_rules_session, switch_on={switch: False}), case["text"])
    assert on == [(c["rule_id"], c["claim"]) for c in case["claims"]]
    assert len(off) == len(on) - 1
