"""Switch duplicate_claim (dup14, issues 12 and 15): a claim that repeats an earlier one of the article is dropped.

The cases are tests/cases/claims/duplicate_claim_*.yaml (run with the switch on by ``test_claims.test_rule_case``):
here the same texts with the switch off give the case's ``claims`` plus its ``duplicates``.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

CASES = sorted((Path(__file__).parent / "cases" / "claims").glob("duplicate_claim_*.yaml"))


def _rows(nlp, rules, text):
    from pipeline.extract import extract
    return [{"rule_id": c.rule_id, "claim_type": c.claim_type, "claim": c.claim_text, "speaker": c.speaker_text,
             "cue": c.cue_text} for c in extract(nlp(text), rules).claims]


def _switch(rules, on: bool):
    from pipeline.ruleset import with_claims
    return with_claims(rules, switch_on={"duplicate_claim": on})


def _key(rows):
    return Counter(yaml.safe_dump(r, allow_unicode=True, sort_keys=True) for r in rows)


def test_cases_exist():
    assert len(CASES) == 3


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_switch_off_keeps_the_copies(path, de_news, all_rules_session):
    from pipeline.ruleset import with_profile
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = with_profile(all_rules_session, case.get("profile"))   # a case written in a convention profile's terms
    assert _rows(de_news, _switch(rules, True), case["text"]) == case["claims"]
    off = _rows(de_news, _switch(rules, False), case["text"])
    assert _key(off) == _key(case["claims"] + case["duplicates"])


def test_short_and_nested_contents_are_no_duplicates():
    from pipeline.extract.claims.records import drop_duplicates
    from pipeline.records import Claim

    def claim(text, start, speaker=None):
        return Claim(speaker_key=None, speaker_text=speaker, speaker_start=None, speaker_end=None, cue_text=None,
                     cue_start=None, cue_end=None, claim_text=text, claim_start=start, claim_end=start + len(text),
                     claim_type="direct", rule_id="quote_in_frame")

    short = [claim("„Kindergeld“", 10, "Kollege Schrodi"), claim("„Kindergeld“", 400)]
    assert drop_duplicates(short) == short                     # "Kindergeld" twice: fewer than four words
    nested = [claim("dass „Europa ist jetzt dran“", 10, "Zwanziger"), claim("„Europa ist jetzt dran“", 15)]
    assert drop_duplicates(nested) == nested                   # a partial quote inside its claim
    later = [claim("„Wir schaffen das hier schon“", 10), claim("„Wir schaffen das hier schon“", 90, "Merkel")]
    assert drop_duplicates(later) == later[1:]                 # the copy with the speaker stays
