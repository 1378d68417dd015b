"""clm19 (issue 12: which claims exist): the switch fronted_free_relative (off by default) gives the case file's claims
when on and one claim fewer when off; an indicative main clause after the fronted clause stays narration."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES = Path(__file__).parent / "cases" / "claims"


def _rows(nlp, rules, text):
    from pipeline.extract import extract
    return [(c.rule_id, c.claim_text) for c in extract(nlp(text), rules).claims]


def test_fronted_free_relative_off(de_news, all_rules_session):
    from pipeline.ruleset import with_claims
    case = yaml.safe_load((CASES / "clm19_fronted_free_relative.yaml").read_text(encoding="utf-8"))
    on = _rows(de_news, with_claims(all_rules_session, switch_on={"fronted_free_relative": True}), case["text"])
    off = _rows(de_news, all_rules_session, case["text"])         # the default: off
    assert on == [(c["rule_id"], c["claim"]) for c in case["claims"]]
    assert off == on[:1]


@pytest.mark.parametrize("second", [
    "Wer jetzt einen Vertrag abschließt, spart bis zu zehn Prozent.",      # indicative: the author's advice
    "Sollte der Verband anders entscheiden, wird der Verein klagen.",
])
def test_fronted_indicative_is_no_claim(second, de_news, all_rules_session):
    from pipeline.ruleset import with_claims
    text = f"Der Sprecher der Stadtwerke, Jonas Albrecht, sagte, die Preise würden im Herbst steigen. {second}"
    rules = with_claims(all_rules_session, switch_on={"fronted_free_relative": True})
    assert _rows(de_news, rules, text) == [("verb_konj", "die Preise würden im Herbst steigen")]
