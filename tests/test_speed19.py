"""Issue 16, speed19: the date gates as ``str.find`` scans and the lemma words from the shared columns give what
the patterns and ``to_array`` gave, on real text."""
import re
from pathlib import Path

import pipeline.dates as d
from pipeline.extract.view import doc_hashes, forget_doc
from pipeline.incremental import doc_words

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TEXT = ("Am 13. Februar 2025 um 14:30 Uhr sagte Bundesinnenministerin Nancy Faeser in Berlin, im dritten Quartal 2024 "
        "seien 1.234 Anträge und im Q3 zwischen 2014-2022 rund 12. 5 Prozent mehr eingegangen. Im Mai. Mainz, "
        "Sept., Jänner-Bericht, jung, Jan Müller; 3.\u00a04 und 12:00-Uhr-Termin; Uhrmacher; 1999-2000-3; _jan_")

OLD = {"iso": re.compile(r"\d{4}-\d"), "numeric": re.compile(r"\d\.\s?\d"),
       "day_month": re.compile("(?:" + "|".join(d._MON_FULL + d._MON_ABBR) + r")\.?(?!\w)"),
       "quarter": re.compile(r"quartal|vierteljahr|q[1-4]"), "time": re.compile(r"\d:\d|uhr")}


def _texts() -> list[str]:
    return [TEXT] + [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPUS.iterdir()) if p.is_file()]


def test_gate_scans_hold_every_hit_of_their_patterns():
    n = 0
    for text in _texts():
        low = text.lower()
        for name, rx in OLD.items():
            hits = d._GATES[name](low)
            for m in rx.finditer(low):
                n += 1
                assert any(s <= m.start() and m.end() <= e for s, e in hits), (name, m.group())
    assert n > 50


def test_find_expressions_with_the_scans_as_with_the_patterns(monkeypatch):
    texts = _texts()
    scanned = [d.find_expressions(t) for t in texts]
    monkeypatch.setitem(d._GATES, "month", OLD["day_month"])
    for name, rx in OLD.items():
        monkeypatch.setitem(d._GATES, name, rx)
    assert scanned == [d.find_expressions(t) for t in texts]
    assert ("Am 13. Februar 2025 um 14:30 Uhr" in [t for _, _, t in scanned[0]]) and sum(map(len, scanned)) > 20


def test_doc_words_from_the_shared_columns_as_from_to_array(de_news):
    from spacy.attrs import LEMMA

    def by_to_array(doc) -> str:
        strings = doc.vocab.strings
        return "\n".join(sorted({strings[h].lower() for h in set(doc.to_array([LEMMA]).ravel().tolist()) if h}))

    doc = de_news(TEXT)
    expected = by_to_array(doc)
    forget_doc()
    assert doc_words(doc) == expected                     # columns not read yet: read here
    assert doc_hashes(doc, ("LEMMA",)) is doc_hashes(doc, ())
    assert doc_words(doc) == expected                     # read from the memo
    assert "bundesinnenministerin" in expected.split("\n") and "sagen" in expected.split("\n")
    other = de_news("Die Polizei ermittelt in Köln.")
    assert doc_words(other) == by_to_array(other) and "polizei" in doc_words(other).split("\n")
    assert doc_words(doc) == expected                     # another Doc in between: read anew


def test_tags_in_a_new_string_store_are_added_there(all_rules_session):
    """normalise_tags keeps the ids of the tags it added per string store: a Doc of another vocab gets its tags
    added to its own store (",", "." and "DT" become "$,", "$." and "ART")."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from pipeline.extract.tags import normalise_tags

    tags = all_rules_session.get("tags")
    for _ in range(2):
        vocab = Vocab()
        doc = Doc(vocab, words=["Der", "Mann", ",", "sagte", "er", "."], tags=["DT", "NN", ",", "VVFIN", "PPER", "."],
                  pos=["DET", "NOUN", "PUNCT", "VERB", "PRON", "PUNCT"],
                  lemmas=["der", "Mann", ",", "sagen", "er", "."])
        assert normalise_tags(doc, tags) == 3
        assert [t.tag_ for t in doc] == ["ART", "NN", "$,", "VVFIN", "PPER", "$."]
        assert "$," in vocab.strings and "ART" in vocab.strings
