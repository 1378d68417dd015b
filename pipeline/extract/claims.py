"""Claim extraction (issue 5). Not implemented yet: returns no rows."""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from pipeline.records import Actor, Claim
from pipeline.ruleset import RuleError, RuleSet, rule_file


@rule_file("speech")
def parse_speech(data: Any, file: str) -> dict:
    if not isinstance(data, dict) or "version" not in data:
        raise RuleError(file, None, "expected a mapping with a 'version' key")
    return data


def claims(doc: Doc, rules: RuleSet, actors: list[Actor]) -> list[Claim]:
    return []
