"""ent20 (issue 12): person evidence that real pages misread. Real German text through the committed model."""
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.ruleset import load_rules

ROOT = Path(__file__).resolve().parents[1]
MODEL_DIR = ROOT / "pipeline" / "models" / "de_news"
needs_model = pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="pipeline/models/de_news missing")


@pytest.fixture(scope="module")
def persons_of():
    from pipeline.nlp import load_nlp
    nlp, _ = load_nlp(str(MODEL_DIR))
    rules = load_rules()

    def go(text):
        return {a.name for a in extract(nlp(text), rules).actors if a.actor_type == "person"}
    return go


@needs_model
def test_relative_possessive_is_no_title_apposition(persons_of):
    """persons._title_apposition_after: "Für Akkus, deren Besitzer die App nicht nutzen": "deren Besitzer" names the
    owner of the thing before the comma; it is no title in apposition, so no person evidence for "Akkus"."""
    text = ("Der Hersteller hat ein Update angekündigt. Es soll ab April über die App verteilt werden. Für Akkus, "
            "deren Besitzer die App nicht nutzen, will der Hersteller eine Lösung über die Händler anbieten.")
    assert "Akkus" not in persons_of(text)


@needs_model
def test_article_genitive_is_no_name_owning_the_next_word(persons_of):
    """persons.prenominal_genitive: "des Kaiserslauterer Nähmaschinenherstellers Pfaff": a genitive after an article
    and an adjective is a common noun's, no name's that owns the word after it."""
    text = ("Der Betriebsrat und die Geschäftsleitung des Kaiserslauterer Nähmaschinenherstellers Pfaff haben sich "
            "geeinigt, bis zu 130 der noch übrigen Stellen abzubauen.")
    assert "Nähmaschinenherstellers" not in persons_of(text)


@needs_model
def test_surname_subject_is_no_fronted_adjective():
    """persons_article.per_fronted_adjective: "Klein wurde stattdessen am 28. September 2009 ... geehrt" (GermEval
    train): no subject of its own follows the verb, so the check leaves "Klein" (the subject, a surname) alone, while
    "Stabil entwickelte sich dagegen der Umschlag" has one ("der Umschlag") and the check drops "Stabil"."""
    from pipeline.extract.actors import layer, persons
    from pipeline.nlp import load_nlp
    nlp, _ = load_nlp(str(MODEL_DIR))
    rules = load_rules()
    ctx = layer._person_ctx(rules, [], lambda w: False)
    check = persons.CHECKS["per_fronted_adjective"]
    klein = nlp("Klein wurde stattdessen am 28. September 2009 im Rahmen einer Feier geehrt.")
    stabil = nlp("Mehrere Kunden hätten ihre Lagerbestände abgebaut und Importe aus Skandinavien und Südamerika "
                 "gestreckt. Stabil entwickelte sich dagegen der Umschlag von Agrarprodukten und Futtermitteln.")
    k = next(t.i for t in stabil if t.text == "Stabil")
    assert check(klein, klein[0:1], ctx) is None
    assert check(stabil, stabil[k:k + 1], ctx) == "drop"
