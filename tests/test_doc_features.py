"""Issue 16 (fifth session): per-Doc shortcuts give what the slow path gives, on real German text.

``view.morph_features`` is ``token.morph.get``, ``tags.normalise_tags`` rewrites the tags the per-token loop
rewrote, ``layer.own_lemma`` answers as the whole lemma table, ``dates._readable`` as ``normalize``."""
from datetime import date

import pytest

from pipeline import dates
from pipeline.extract.actors import layer
from pipeline.extract.tags import normalise_tags
from pipeline.extract.view import morph_features

TEXT = ("Der Minister erklärte am Montag, er sei bereit, die Verhandlungen fortzusetzen. „Wir werden "
        "handeln“, sagte Olaf Scholz in Berlin. Die Polizei teilte mit, der Fahrer sei geflohen; die Männer "
        "hätten nichts gesehen. Zwischen 2019 und 2020 war Löschmann Staatssekretär, vom 14. bis 16. Februar "
        "2025 tagte der Ausschuss.")


@pytest.fixture(scope="module")
def doc(de_news):
    return de_news(TEXT)


def test_morph_features_are_spacys(doc):
    feats = morph_features(doc)
    assert len(feats) == len(doc)
    fields = {f for t in doc for f in t.morph.to_dict()} | {"Mood", "VerbForm", "Nothing"}
    for t, f in zip(doc, feats):
        for field in fields:
            assert list(f.get(field, ())) == t.morph.get(field), (t.text, field)
    sei = next(i for i, t in enumerate(doc) if t.text == "sei")
    assert "Sub" in feats[sei].get("Mood", ()) or doc[sei].morph.get("Mood") == []
    assert morph_features(doc) is feats                  # made once per Doc


def _loop_reference(doc, tags):
    n = 0
    for t in doc:
        if t.tag_ in tags.cases:
            new = tags.stts(t)
            if new is not None and new != t.tag_:
                t.tag_ = new
                n += 1
    return n


def test_normalise_tags_rewrites_what_the_token_loop_rewrote(de_news, all_rules_session):
    tags = all_rules_session.get("tags")
    if tags is None or not tags.on:
        pytest.skip("tags.yaml mapping switched off")
    a, b = de_news(TEXT), de_news(TEXT)
    before = [t.tag_ for t in a]
    n = normalise_tags(a, tags)
    assert n == _loop_reference(b, tags) and n > 0
    assert [t.tag_ for t in a] == [t.tag_ for t in b] != before
    assert normalise_tags(a, tags) == 0                  # idempotent


def test_own_lemma_answers_as_the_lemma_table():
    table = layer.lemma_table()
    if not table:
        pytest.skip("spacy-lookups-data not installed")
    words = ["Löschmann", "Männer", "Mann", "Ehemänner", "Häuser", "Merkel", "Hubers", "sagte", "Xyzzy", ""]
    words += [k for k in list(table)[:2000:7]]
    for w in words:
        assert layer.own_lemma(w) == (table.get(w, w) == w), w
    assert not layer.own_lemma("Männer") and layer.own_lemma("Löschmann")


def test_readable_is_normalize():
    for s in ("2014 bis 2022", "vom 14. bis 16. Februar", "14. bis 16. Februar 2025", "zwischen 2019 und 2020",
              "Montag bis Dienstag", "bis", "3. März", "im Mai"):
        assert dates._readable(s) == (dates.normalize(s, date(2000, 1, 1)) is not None), s
    assert dates.find_expressions("Vom 14. bis 16. Februar 2025 und zwischen 2019 und 2020.") == [
        (0, 28, "Vom 14. bis 16. Februar 2025"), (33, 55, "zwischen 2019 und 2020")]


def test_enrich_cut_is_the_character_loop():
    """``enrich._cut`` by slices gives what the character-by-character loop gave (random spans, bounds, overlaps)."""
    import random

    from pipeline.enrich import _CUT, _cut

    def loop(text, base, spans):
        keep = [True] * len(text)
        for s, e in spans:
            if s is None or e is None or s < base or e > base + len(text):
                continue
            for i in range(s - base, e - base):
                keep[i] = False
        out, prev = [], True
        for ch, k in zip(text, keep):
            if k:
                out.append(ch)
            elif prev:
                out.append(_CUT)
            prev = k
        return "".join(out)

    r = random.Random(16)
    for _ in range(20000):
        text = "".join(r.choice("ab c,") for _ in range(r.randint(0, 12)))
        base = r.randint(0, 5)
        spans = [(r.choice([None, r.randint(0, 20)]), r.choice([None, r.randint(0, 20)])) for _ in range(r.randint(0, 4))]
        assert _cut(text, base, spans) == loop(text, base, spans), (text, base, spans)
    assert _cut("Er sagte, es sei gut.", 100, [(100, 102), (103, 108)]) == _CUT + " " + _CUT + ", es sei gut."
