"""Role rules of the fifteenth session that a switch in roles.yaml turns on or off (role15): each run through the
committed model with the switch set both ways, on real German text, with the rows it must give."""
import dataclasses
from pathlib import Path

import pytest

from pipeline.extract import extract

ROOT = Path(__file__).resolve().parents[1]
MODEL_DIR = ROOT / "pipeline" / "models" / "de_news"
needs_model = pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="pipeline/models/de_news missing")


@pytest.fixture(scope="module")
def model_nlp(de_news):
    return de_news


def _with_patterns(rules, **kw):
    lex = rules["roles"]
    return dataclasses.replace(rules, compiled={**rules.compiled, "roles": dataclasses.replace(
        lex, patterns=dataclasses.replace(lex.patterns, **kw))})


def _rows(nlp, rules, text):
    ex = extract(nlp(text), rules)
    names = {a.key: a.name for a in ex.actors}
    return sorted((names.get(r.actor_key), r.role, r.organization) for r in ex.roles)


POLICY = [
    ("Die gesundheitspolitische Sprecherin der SPD-Fraktion, Heike Baehrens, sagte, man brauche mehr Zeit.",
     ("Heike Baehrens", "gesundheitspolitischer Sprecher", "SPD-Fraktion")),
    ("Der außenpolitische Sprecher der Unionsfraktion, Jürgen Hardt, warnte vor einem Alleingang.",
     ("Jürgen Hardt", "außenpolitischer Sprecher", "Unionsfraktion")),
]


@needs_model
@pytest.mark.parametrize("text,row", POLICY)
def test_policy_area_title_on(model_nlp, all_rules_session, text, row):
    rules = _with_patterns(all_rules_session, policy_area_titles=("Sprecher",))
    assert _rows(model_nlp, rules, text) == [row]


@needs_model
def test_policy_area_title_plain_sprecher_unchanged(model_nlp, all_rules_session):
    rules = _with_patterns(all_rules_session, policy_area_titles=("Sprecher",))
    text = "Der Sprecher des Bundesamts, Tim Werner, sagte, es gebe keine Änderungen."
    assert _rows(model_nlp, rules, text) == [("Tim Werner", "Sprecher", "Bundesamt")]


@needs_model
def test_place_genitive_named_off(model_nlp, all_rules_session):
    text = "Feuerwehren aus Eberhardzell und Biberach rückten aus. Eberhardzells Gesamtkommandant Stefan Riedmüller " \
           "sprach von Glück."
    assert _rows(model_nlp, all_rules_session, text) == [("Stefan Riedmüller", "Gesamtkommandant", "Eberhardzell")]
    off = _with_patterns(all_rules_session, place_genitive_named=False)
    assert _rows(model_nlp, off, text) == [("Stefan Riedmüller", "Gesamtkommandant", None)]


@needs_model
def test_name_only_title_off_binds_by_reference(model_nlp, all_rules_session):
    text = "Hans Kurz ist seit 2019 Mitglied des Stadtrats. Der Stadtrat beschloss am Montag den Haushalt."
    assert ("Hans Kurz", "Stadtrat", None) not in _rows(model_nlp, all_rules_session, text)



@needs_model
def test_name_only_title_switched_off(model_nlp, all_rules_session):
    """Without the limit, "Der Stadtrat beschloss" (the council) is taken for the last-named person's office."""
    off = _with_patterns(all_rules_session, name_only_titles=())
    text = "Hans Kurz ist seit 2019 Mitglied des Stadtrats. Der Stadtrat beschloss am Montag den Haushalt."
    assert ("Hans Kurz", "Stadtrat", None) in _rows(model_nlp, off, text)
