"""Issue 16, speed16: the cheaper forms of per-token work give what the token-by-token forms gave, on real text."""
import dataclasses
from datetime import datetime, timezone

from spacy.tokens import Doc

from pipeline.extract.actors.layer import _cap
from pipeline.extract.tags import full_map, normalise_tags
from pipeline.extract.view import doc_caps, forget_doc
from pipeline.ingest import Article
from pipeline.job.steps import _article_row

TEXT = ("„Die Lage ist ernst“, sagte Bundesinnenministerin Nancy Faeser am Montag in Berlin. Der ÖPNV-Verband "
        "und die iPhone-Händler der 3D-Drucker GmbH teilten mit, man prüfe die Vorwürfe. Laut Polizei Köln habe "
        "es keine Verletzten gegeben, die Ermittlungen dauerten an.")


def test_doc_caps_is_cap_of_every_token_and_follows_the_doc(de_news):
    doc = de_news(TEXT)
    forget_doc()
    caps = doc_caps(doc)
    assert caps == [_cap(t.text) for t in doc]
    assert caps[doc[0].i] is False and caps[1] is True          # "„", "Die"
    assert doc_caps(doc) is caps                                  # once per Doc
    other = de_news("die polizei ermittelt in Köln.")
    assert doc_caps(other) == [False, False, False, False, True, False]


def test_tags_written_at_once_as_token_by_token(de_news):
    tagmap = full_map()
    doc = de_news(TEXT)
    by_token = Doc(doc.vocab).from_bytes(doc.to_bytes())
    changed = 0
    for t in by_token:                      # what normalise_tags did before speed16
        if t.tag_ in tagmap.cases:
            new = tagmap.stts(t)
            if new is not None and new != t.tag_:
                t.tag_ = new
                changed += 1
    assert changed > 0
    assert normalise_tags(doc, tagmap) == changed
    assert [t.tag_ for t in doc] == [t.tag_ for t in by_token]
    assert normalise_tags(doc, tagmap) == 0                       # idempotent: only STTS tags are left


def test_switch_is_the_switches_own_lookup_also_after_replace(all_rules_session):
    R = all_rules_session.get("speech")
    name = "duplicate_claim"
    assert R.switch(name) is R.switches[name]
    flipped = dataclasses.replace(R, switches={**R.switches, name: not R.switches[name]})
    assert flipped.switch(name) is (not R.switch(name))
    assert R.switch(name) is R.switches[name]


def test_article_row_is_asdict_without_line():
    art = Article("in/a.jsonl", "jsonl", "7", "https://example.de/a", "Titel", None, None, ["A. Autor", "B. Autorin"],
                  datetime(2025, 2, 14, 12, 35, tzinfo=timezone.utc), "Politik", None, "Text.", ["Bild"], line=3)
    row = _article_row(art)
    expected = dataclasses.asdict(art)
    expected.pop("line")
    assert row == expected and list(row) == list(expected)
    assert row["authors"] is not art.authors                       # a copy, as asdict gave
