"""Issue 16's fast paths give what spaCy gives: ``TokenMatcher`` the matches of spaCy's ``Matcher``,
``cache.docbin_bytes`` the columns of ``DocBin.to_bytes`` that extraction reads, ``DocView`` (lazy) the same fields."""
import pytest
from spacy.matcher import Matcher
from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from pipeline.cache import DocCache, docbin_bytes
from pipeline.extract.tokmatch import TokenMatcher

TEXT = ("„Wir bleiben“, sagte Olaf Scholz am Montag in Berlin. Der Kanzler, der von 2021 bis 2025 "
        "regierte, betonte, dass die Regierung handeln werde. Nach Angaben der Polizei kamen 300 Menschen. "
        "Dort hieß es, der frühere Minister a. D. habe außer Dienst nichts gesagt, wonach er zurücktrete.\n\n"
        "Zwischen 2019 und 2020 war er damals Staatssekretär. Er erklärte: „Das ist falsch.“")

PATTERNS = [
    ("prep", [[{"LOWER": {"IN": ["nach", "laut", "zufolge"]}}]]),
    ("so", [[{"LOWER": ","}, {"LOWER": "wonach"}], [{"LOWER": ","}, {"LOWER": {"IN": ["dass", "daß"]}}]]),
    ("heisst", [[{"LOWER": {"IN": ["heißt", "hieß"]}}, {"LOWER": "es"}]]),
    ("verb", [[{"LEMMA": {"IN": ["sagen", "betonen", "erklären", "Sagen"]}}], [{"LOWER": "sagte"}]]),
    ("range", [[{"LOWER": "von"}, {"IS_DIGIT": True}, {"LOWER": "bis"}, {"IS_DIGIT": True}],
               [{"LOWER": "zwischen"}, {"IS_DIGIT": True}, {"LOWER": "und"}, {"IS_DIGIT": True}]]),
    ("former", [[{"LOWER": "a."}, {"LOWER": "d."}], [{"LOWER": "außer"}, {"LOWER": "dienst"}],
                [{"LOWER": "damals"}]]),
    ("prefix", [[{"LOWER": {"REGEX": "^staats"}}], [{"TEXT": "Der"}, {"LOWER": {"REGEX": "^kanz"}}]]),
    ("orth", [[{"ORTH": "Scholz"}], [{"NORM": "polizei"}]]),
]


@pytest.fixture(scope="module")
def doc(de_news):
    return de_news(TEXT)


def _both(vocab, patterns):
    a, b = Matcher(vocab, validate=True), TokenMatcher(vocab, validate=True)
    for key, ps in patterns:
        a.add(key, ps)
        b.add(key, ps)
    return a, b


def test_token_matcher_finds_what_the_matcher_finds(doc):
    a, b = _both(doc.vocab, PATTERNS)
    assert b.fast
    found = b(doc)
    assert sorted(found) == sorted(a(doc))
    keys = {doc.vocab.strings[k] for k, _, _ in found}
    assert keys == {key for key, _ in PATTERNS}                 # every kind of pattern matched something
    assert [doc[s:e].text for k, s, e in found if doc.vocab.strings[k] == "range"] == \
        ["von 2021 bis 2025", "Zwischen 2019 und 2020"]
    assert [doc[s:e].text for k, s, e in found if doc.vocab.strings[k] == "so"] == [", dass", ", wonach"]


def test_token_matcher_on_every_article_of_the_seed_corpus(de_news, all_rules_session):
    """The claims' triggers and the roles' former phrases, on real articles (committed corpus)."""
    import json
    from pathlib import Path

    from pipeline.extract.claims.triggers import trigger_patterns
    from pipeline.extract.roles.phrases import compile_phrases
    texts = []
    for f in sorted((Path(__file__).resolve().parents[1] / "corpus").iterdir()):
        if f.suffix == ".jsonl":
            texts += [json.loads(line).get("text") or "" for line in f.read_text(encoding="utf-8").splitlines()
                      if line.strip()]
        elif f.suffix == ".txt":
            texts.append(f.read_text(encoding="utf-8"))
    texts = [t for t in texts if isinstance(t, str) and t.strip()]
    assert len(texts) >= 3
    R, lex = all_rules_session.get("speech"), all_rules_session.get("roles")
    n = 0
    for patterns in ([(k, [p]) for k, p in trigger_patterns(R)],
                     [("former", compile_phrases(lex.patterns.former_phrases))]):
        a, b = _both(de_news.vocab, patterns)
        assert b.fast
        for d in de_news.pipe(texts):
            assert sorted(b(d)) == sorted(a(d))
            n += len(a(d))
    assert n > 50


def test_other_patterns_and_docs_go_to_spacys_matcher(doc):
    a, b = _both(doc.vocab, [("opt", [[{"LOWER": "der"}, {"IS_ALPHA": True, "OP": "?"}]])])
    assert not b.fast and sorted(b(doc)) == sorted(a(doc))
    # a Doc without lemmas: spaCy's answer (E155 for a plain LEMMA value, no match for IN)
    bare = Doc(Vocab(), words=["Er", "sagte", "nichts"])
    a, b = _both(bare.vocab, [("verb", [[{"LEMMA": "sagen"}]])])
    with pytest.raises(ValueError, match="E155"):
        a(bare)
    with pytest.raises(ValueError, match="E155"):
        b(bare)
    a, b = _both(bare.vocab, [("verb", [[{"LEMMA": {"IN": ["sagen"]}}]])])
    assert b(bare) == a(bare) == []
    words = Doc(doc.vocab, words=["Er", "Sagte", "nichts"])         # a vocab with lower-case forms
    a, b = _both(doc.vocab, [("w", [[{"LOWER": "sagte"}, {"LOWER": "nichts"}]])])
    assert b(words) == a(words) == [(doc.vocab.strings["w"], 1, 3)]
    empty = Doc(bare.vocab, words=[])
    assert b(empty) == a(empty) == []


def test_docbin_bytes_keep_every_column_extraction_reads(de_news, doc, tmp_path):
    """The cache's DocBin is spaCy's format without NORM, ENT_KB_ID and ENT_ID (no extractor reads them), at
    zlib level 1: read back into a fresh vocab (every string comes from the file), each kept column is what
    spaCy's own DocBin gives; a Doc with span groups is spaCy's DocBin byte for byte."""
    import zlib

    import numpy
    from spacy.attrs import IDS

    from pipeline.cache import DROPPED, LEVEL
    docs = [doc, de_news(""), de_news("Hallo."), Doc(Vocab(), words=["Merz", "sagte", "nichts"])]
    docs[3].ents = [Span(docs[3], 0, 1, label="PER")]
    kept = [a for a in DocBin().attrs if a not in {IDS[n] for n in DROPPED}]
    assert len(kept) == len(DocBin().attrs) - 3
    for d in docs:
        data = docbin_bytes(d)
        assert zlib.compress(zlib.decompress(data), LEVEL) == data
        back = next(DocBin().from_bytes(data).get_docs(Vocab()))
        spacys = next(DocBin().from_bytes(DocBin(docs=[d], store_user_data=False).to_bytes()).get_docs(Vocab()))
        assert back.text == d.text and [t.whitespace_ for t in back] == [t.whitespace_ for t in d]
        assert numpy.array_equal(back.to_array(kept), spacys.to_array(kept))
        for attr in ("lemma_", "tag_", "pos_", "dep_", "ent_type_", "ent_iob_", "is_sent_start"):
            assert [getattr(t, attr) for t in back] == [getattr(t, attr) for t in spacys], attr
        assert [str(t.morph) for t in back] == [str(t.morph) for t in d]
        assert [t.head.i for t in back] == [t.head.i for t in d]
    with_group = de_news("Olaf Scholz sprach.")
    with_group.spans["sc"] = [Span(with_group, 0, 2, label="PERSON")]
    assert docbin_bytes(with_group) == DocBin(docs=[with_group], store_user_data=False).to_bytes()
    cache = DocCache(tmp_path, "k")
    cache.put("ab" * 32, doc)
    back = cache.get("ab" * 32, de_news.vocab)
    assert back.text == doc.text and [t.dep_ for t in back] == [t.dep_ for t in doc]
    assert [(e.text, e.label_) for e in back.ents] == [(e.text, e.label_) for e in doc.ents]
    (tmp_path / "old").mkdir()                     # a file of all columns (written before): read as before
    old = DocCache(tmp_path / "old", "k")
    old.put("cd" * 32, with_group)
    assert [t.norm_ for t in old.get("cd" * 32, de_news.vocab)] == [t.norm_ for t in with_group]


def test_value_index_and_column_passes_agree(doc, monkeypatch):
    """A value's positions from the per-Doc index (many patterns on one attribute) or by passes over the
    column (a few): the same matches either way."""
    from pipeline.extract import tokmatch
    a, b = _both(doc.vocab, PATTERNS)
    assert not b.index_attrs                     # few "==" first tests: no index
    monkeypatch.setattr(tokmatch, "_INDEX_MIN", 1)
    a2, c = _both(doc.vocab, PATTERNS)
    assert c.index_attrs == {"LOWER", "ORTH", "NORM"}
    assert sorted(c(doc)) == sorted(b(doc)) == sorted(a(doc))
