"""The committed word tables of the entity layer (pipeline/extract/actors/data, issue 16: start-up) hold
exactly what the layer used to derive from spacy-lookups-data at first use, and the layer decides the same
with them as without them."""
from __future__ import annotations

import importlib.util

import pytest

from pipeline.extract import extract
from pipeline.extract.actors import layer, persons, wordtables

needs_lookups = pytest.mark.skipif(importlib.util.find_spec("spacy_lookups_data") is None,
                                   reason="spacy-lookups-data is not installed: nothing to derive the tables from")

CACHED = (layer.german_words, layer.lemma_table, layer.noun_lemmas, layer._de_prob_sets,
          persons._english, persons._english_vocab, persons._english_sets, persons._verb_forms)

TEXT = ("Der Projektleiter zog Bilanz. Das Werk bleibt offen, so Löschmann. Die Produktion werde steigen, sagte "
        "Huber am Montag in Berlin. Den Cocktail mit Whiskey verrühren. Die Polizei verdächtigt Walker der "
        "Mittäterschaft. Der Sazerac wird mit Rye Whiskey, Zucker und Bitters aus New Orleans gemixt. Für Erika "
        "Ziltener besteht angesichts dieser Lage kein Anlass zur Sorge. Das Feingebäck stammt von der "
        "Handwerksbäckerei Kleinert. Kleinert liefert seit 1950. Laut Gutachtern entwickelte Schmidt das Caching "
        "neu.")


def _clear():
    for f in CACHED:
        f.cache_clear()


def test_every_table_is_committed():
    for name in wordtables.SETS:
        assert (wordtables.DATA_DIR / f"{name}.txt.gz").is_file(), name
    assert "spacy-lookups-data" in (wordtables.DATA_DIR / "README.md").read_text(encoding="utf-8")


@needs_lookups
def test_committed_tables_equal_what_the_build_derives():
    """`python -m pipeline.extract.actors.wordtables --check`: rebuild the tables when this fails."""
    assert wordtables.check() == []


def test_tables_hold_the_known_words():
    _clear()
    caps, lows = layer.german_words()
    assert {"Haus", "Laterne"} <= caps and {"freier", "jene", "gefriert"} <= lows and "merkel" not in lows
    assert {"Pelz", "Laterne"} <= layer.noun_lemmas() and "Merkel" not in layer.noun_lemmas()
    assert persons._verb_form("entwickelte") and persons._verb_form("töteten") and not persons._verb_form("freier")
    assert persons.english_word("Whiskey") and persons.english_mostly_lower("whiskey")
    assert not persons.english_mostly_lower("Walker") and persons.english_inflected("Caching")


def _layer_result(nlp, rules):
    ex = extract(nlp(TEXT), rules)
    return (sorted((a.name, a.actor_type) for a in ex.actors),
            [(m.text, m.label, m.start, m.end) for m, _ in ex.mentions])


@needs_lookups
def test_entity_layer_decides_the_same_without_the_tables(de_news, all_rules_session, tmp_path, monkeypatch):
    """With the committed files and with none (derived from spacy-lookups-data at first use, as before)."""
    _clear()
    with_tables = _layer_result(de_news, all_rules_session)
    monkeypatch.setattr(wordtables, "DATA_DIR", tmp_path)          # no files: the fallback derivation
    _clear()
    try:
        assert wordtables.load("de_lemma_caps") is None
        derived = _layer_result(de_news, all_rules_session)
    finally:
        _clear()
    assert with_tables == derived
    types = dict(with_tables[0])
    assert types.get("Löschmann") == "person" and types.get("Huber") == "person"
    assert types.get("Walker") == "person" and types.get("Erika Ziltener") == "person"
    assert types.get("Kleinert") == "organization"
    assert "Rye Whiskey" not in types and "Whiskey" not in types and types.get("Caching") != "person"
