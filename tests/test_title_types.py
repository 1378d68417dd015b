"""benchmarks/title_types.py (lex13): the places it mines next to a person name and how it folds types."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import title_coverage as tc  # noqa: E402
import title_types as tt  # noqa: E402


def _doc(text: str, *names: str) -> dict:
    return {"id": "t", "text": text, "gold": [(text.index(n), text.index(n) + len(n), "person") for n in names]}


def test_places_before_name_apposition_and_als():
    stop = tc._stopwords()
    d = _doc("Dabei setzte sich Marc Nissen gegen Manfred Tank durch, der künftig als Beisitzer fungiert.",
             "Marc Nissen", "Manfred Tank")
    assert ("als", "Beisitzer") in {(p, w) for p, w, _ in tt.places(d, stop)}
    d = _doc("Das sagte Wirtschaftsförderer Klaus-Jochen Weidner am Montag.", "Klaus-Jochen Weidner")
    assert [(p, w) for p, w, _ in tt.places(d, stop)] == [("noun_per", "Wirtschaftsförderer")]
    d = _doc("Hoffmann, der Stadtbaurat der Stadt Berlin, trat zurück.", "Hoffmann")
    assert ("apposition", "Stadtbaurat") in {(p, w) for p, w, _ in tt.places(d, stop)}


def test_fold_inflection_onto_stem_and_name_compound_head():
    stem, head = tt._fold({"vorsteher": {1}, "vorsteherin": {2}, "ortsvorsteher": {3}, "freund": {4}})
    assert stem == {"vorsteher": "vorsteher", "vorsteherin": "vorsteher", "ortsvorsteher": "ortsvorsteher",
                    "freund": "freund"}
    assert head == {"ortsvorsteher": "vorsteher"}


def test_known_words_are_lexicon_titles_compounds_and_blocked():
    from pipeline.ruleset import load_rules
    lex = load_rules()["roles"]
    assert tt._known(lex, "Pressesprecher") and tt._known(lex, "Barkeeper")
    assert not tt._known(lex, "Beisitzer") and not tt._known(lex, "Freund")
