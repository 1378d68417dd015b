"""Issue 16, speed16b: the per-Doc memo of ``Doc.char_span`` gives what spaCy gives, on real text."""
from pipeline.extract.view import doc_span, forget_doc

TEXT = ("„Die Lage ist ernst“, sagte Bundesinnenministerin Nancy Faeser am Montag in Berlin. Der ÖPNV-Verband "
        "und die iPhone-Händler der 3D-Drucker GmbH teilten mit, man prüfe die Vorwürfe.")


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return (a.start, a.end, a.start_char, a.end_char, a.text) == (b.start, b.end, b.start_char, b.end_char, b.text)


def test_doc_span_is_char_span_for_every_range_and_mode(de_news):
    doc = de_news(TEXT)
    forget_doc()
    n = len(doc.text)
    for a in range(0, n, 3):
        for b in range(a + 1, min(n, a + 40) + 1, 2):
            for mode in ("strict", "expand", "contract"):
                assert _same(doc_span(doc, a, b, mode), doc.char_span(a, b, alignment_mode=mode)), (a, b, mode)
    faeser = doc_span(doc, TEXT.index("Nancy"), TEXT.index(" am Montag"))
    assert faeser.text == "Nancy Faeser"
    assert doc_span(doc, 1, 4) is doc_span(doc, 1, 4)                     # once per Doc and range
    assert doc_span(doc, 2, 4) is None and doc_span(doc, 2, 4, "expand").text == "Die"


def test_doc_span_follows_the_doc(de_news):
    doc = de_news(TEXT)
    first = doc_span(doc, 1, 4)
    other = de_news("Die Polizei ermittelt in Köln.")
    assert doc_span(other, 0, 3).text == "Die" and doc_span(other, 0, 3).doc is other
    forget_doc()
    again = doc_span(doc, 1, 4)
    assert again is not first and _same(again, first)
    with doc.retokenize() as retok:                                       # a Doc of a new length is read anew
        retok.merge(doc[1:3])
    assert doc_span(doc, 1, 4) is None and doc_span(doc, 1, 9).text == "Die Lage"
