"""pipeline.extract.view: one view of a Doc (tokens, one sentence split, quotes, entities, UD labels)."""
import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.extract.view import DocView, quotation_spans, ud_label


@pytest.fixture(scope="module")
def nlp(de_news):
    return de_news


def test_view_of_a_parsed_article(nlp):
    text = "„Wir bleiben“, sagte Olaf Scholz am Montag.  Der Kanzler reiste ab.\n\nMerz schwieg."
    doc = nlp(text)
    v = DocView.of(doc)
    assert v.words[:3] == ["„", "wir", "bleiben"]
    assert len(v.sents) == len(list(doc.sents)) >= 3
    assert v.quotes == [(0, 13)]
    assert v.sentence_at(0) == 0
    assert v.sentence_at(text.index("Der Kanzler")) == 1
    assert v.sentence_at(text.index("Montag.") + 6) == 0          # the full stop ends sentence 0
    assert v.sentence_at(text.index("Merz")) == v.sent_of[doc.char_span(text.index("Merz"), text.index("Merz") + 4)[0].i]
    scholz = text.index("Olaf")
    assert any(e.text == "Olaf Scholz" for e in v.ents.values())
    assert v.ents[doc.char_span(scholz, scholz + 4)[0].i].label_ == "PER"
    assert not v.tiger and v.deps == [t.dep_ for t in doc]         # our model parses with UD labels


def test_tiger_labels_map_to_ud():
    """de_core_news_lg labels: a hand-built Doc with a fixed TIGER parse."""
    words = ["Der", "Kanzler", "gab", "dem", "Minister", "das", "Buch", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 2, 2, 4, 2, 6, 2, 2],
              deps=["nk", "sb", "ROOT", "nk", "da", "nk", "oa", "punct"],
              pos=["DET", "NOUN", "VERB", "DET", "NOUN", "DET", "NOUN", "PUNCT"])
    v = DocView.of(doc)
    assert v.tiger
    assert v.deps == ["det", "nsubj", "ROOT", "det", "iobj", "det", "obj", "punct"]
    assert len(v.sents) == 1 and v.sentence_at(30) == 0


def test_ud_label_of_clausal_objects_and_conjuncts():
    words = ["Er", "versprach", "zu", "helfen", "und", "ging"]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 3, 1, 5, 1], deps=["sb", "ROOT", "pm", "oc", "cd", "cj"],
              pos=["PRON", "VERB", "PART", "VERB", "CCONJ", "VERB"],
              morphs=["", "VerbForm=Fin", "", "VerbForm=Inf", "", "VerbForm=Fin"])
    assert [ud_label(t) for t in doc] == ["nsubj", "ROOT", "mark", "xcomp", "cc", "conj"]


def test_doc_without_sentences_is_one_sentence():
    doc = Doc(Vocab(), words=["Merz", "sagte", "nichts"])
    doc.ents = [Span(doc, 0, 1, label="PER")]
    v = DocView.of(doc)
    assert v.sents == [(0, 3)] and v.sent_of == [0, 0, 0]
    assert v.ents[0].text == "Merz" and 1 not in v.ents


def test_quotation_spans():
    assert quotation_spans("Er sagte: »Nein.« Dann „ja“ und \"vielleicht\".") == [(10, 17), (23, 27), (32, 44)]
    assert quotation_spans("Ein „offenes Zitat ohne Ende.") == []
