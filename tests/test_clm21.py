"""clm21 (issue 12: which claims exist): the switches konj_before_colon_quote, konj2_after_quote, pronoun_verb_kept and
the rules konj_colon_frame, result_frame give their case files' claims when on and none of the new ones when off;
narration stays narration (the filter addressee_medium_quote is run by test_claims.test_rule_case)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES = Path(__file__).parent / "cases" / "claims"


def _rows(nlp, rules, text):
    from pipeline.extract import extract
    return [(c.rule_id, c.claim_text) for c in extract(nlp(text), rules).claims]


@pytest.mark.parametrize("case_file,switch,rule_id", [
    ("clm21_konj_before_colon_quote", "konj_before_colon_quote", "verb_konj"),
    ("clm21_konj2_after_quote", "konj2_after_quote", "konj_continuation"),
    ("konj_colon_frame", None, "konj_colon_frame"),
    ("clm21_pronoun_verb_kept", "pronoun_verb_kept", "konj_continuation"),
    ("result_frame", None, "result_frame"),
])
def test_off_drops_the_new_claim(case_file, switch, rule_id, de_news, all_rules_session):
    _off_drops(case_file, switch, rule_id, de_news, all_rules_session)


def test_condition_konj_e_off(de_news, all_rules_session):
    """Off, the filter hypothetical_condition drops the last continuation of the case (its first one stays)."""
    _off_drops("clm21_condition_konj_e", "condition_konj_e", None, de_news, all_rules_session, last=True)


def _off_drops(case_file, switch, rule_id, de_news, all_rules_session, last=False):
    from pipeline.ruleset import with_claims
    case = yaml.safe_load((CASES / f"{case_file}.yaml").read_text(encoding="utf-8"))
    off_rules = with_claims(all_rules_session, switch_on={switch: False}) if switch else \
        with_claims(all_rules_session, {rule_id: False})
    on = _rows(de_news, all_rules_session, case["text"])
    off = _rows(de_news, off_rules, case["text"])
    assert on == [(c["rule_id"], c["claim"]) for c in case["claims"]]
    assert off == (on[:-1] if last else [r for r in on if r[0] != rule_id])


@pytest.mark.parametrize("text", [
    # an indicative clause before the colon quotation is the frame's narration, no claim of its own
    "„Das Haus ist alt“, sagt Architekt Lukas Berger. Er zeigt auf das Dach: „Hier regnet es durch.“",
    # a past-time word: the plural past after the quotation narrates
    "„Wir bekommen jeden Tag neue Anfragen“, sagt Vereinschefin Monika Seidel. Viele Familien meldeten ihre Kinder "
    "im vergangenen Jahr an.",
    # a frame in the past: the plural past after the quotation narrates what happened next
    "„Wir bekommen jeden Tag neue Anfragen“, sagte Vereinschefin Monika Seidel. Viele Familien meldeten ihre Kinder ein "
    "Jahr im Voraus an.",
    # a quoted word is no statement: the plural past after it narrates
    "Generalsekretär Fabian Stöckle sprach von einem „Aufbruchssignal“. Die Delegierten verabschiedeten einen Leitantrag.",
])
def test_narration_stays(text, de_news, all_rules_session):
    rows = _rows(de_news, all_rules_session, text)
    assert all(r[0] not in ("konj_colon_frame", "konj_continuation", "verb_konj") for r in rows), rows
