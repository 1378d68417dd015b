"""Actor-role extraction (issue 4). Not implemented yet: returns no rows."""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from pipeline.records import Actor, Role
from pipeline.ruleset import RuleError, RuleSet, rule_file


@rule_file("roles")
def parse_roles(data: Any, file: str) -> dict:
    if not isinstance(data, dict) or "version" not in data:
        raise RuleError(file, None, "expected a mapping with a 'version' key")
    return data


def roles(doc: Doc, rules: RuleSet, actors: list[Actor]) -> list[Role]:
    return []
