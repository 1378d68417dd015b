"""Persons NER misses or mislabels (pipeline.extract.actors.recover, actors.yaml person_recover_rules): every rule
has its case file in tests/cases/actors/ (run by tests/test_entity_layer.py::test_person_rule_case)."""
from pathlib import Path

import pytest

from pipeline.ruleset import RuleError, load_rules

CASES = Path(__file__).parent / "cases" / "actors"


def test_every_recover_rule_is_listed_and_has_a_case():
    from pipeline.extract.actors import recover
    ids = load_rules().get("actors").person_recover_rules
    assert set(ids) == set(recover.RECOVER_RULES)
    assert set(ids) <= {p.stem for p in CASES.glob("*.yaml")}


def test_unknown_recover_rule_is_an_error_of_the_rule_file():
    from pipeline.extract.actors.rules import parse_actors
    with pytest.raises(RuleError):
        parse_actors({"version": 1, "person_recover_rules": ["no_such_rule"]}, "actors.yaml")
