"""Issue 16, speed17: the cheap indexes in front of rule families give what the full tests give, on real text."""
from pipeline.extract import extract
from pipeline.extract.actors.persons import _kind_match
from pipeline.extract.actors.rules import set_tuple, word_list
from pipeline.extract.claims.context import Ctx
from pipeline.ruleset import load_rules

TEXT = ("Das Europäische Parlament hat strengere Regeln beschlossen. Ein Sprecher des Auswärtigen Amts sagte, man "
        "prüfe den Vorschlag. Laut Polizei Köln wurde niemand verletzt. Die Deutsche Bank und General Motors "
        "äußerten sich nicht. Dr. Anna Weber, Sprecherin der Kreisklinik Mühldorf, sagte, die Lage sei ernst. "
        "Sie übernahm im Mai die Leitung des Landestheaters.")


def test_org_name_first_words_cover_every_name_of_several_words():
    lex = load_rules()["organizations"]
    firsts = lex.name_first_words()
    multi = [k for k in lex.names if " " in k]
    assert multi and all(k.split(" ", 1)[0] in firsts for k in multi)
    assert "europäische" in firsts and lex.name_first_words() is firsts       # built once per lexicon


def test_mentions_to_is_the_mentions_that_start_before(de_news):
    rules = load_rules()
    doc = de_news(TEXT)
    ex = extract(doc, rules)
    c = Ctx(doc, rules["speech"], ex.actors, rules["words"])
    assert len(c.mentions) >= 5
    for end in range(0, len(TEXT) + 2):
        assert c.mentions_to(end) == [x for x in c.mentions if x[0] < end], end


def test_set_tuple_and_kind_match_suffixes():
    rules = load_rules()
    kinds = word_list(rules, "place_kind_nouns")
    assert set_tuple(kinds) == tuple(kinds) and set_tuple(kinds) is set_tuple(kinds)
    words = [w.lower() for w in TEXT.replace(",", " ").replace(".", " ").split()] + ["taucherinsel", "präfekturen"]
    for w in words:
        forms = [w] + [w[:-len(e)] for e in ("es", "en", "s", "n", "e") if w.endswith(e) and len(w) - len(e) >= 3]
        assert _kind_match(w, kinds, suffix=True) == any(f.endswith(k) for f in forms for k in kinds), w
