"""Web ingestion, issue 15 (ingest17): article templates of German news sites that the dev pages show few of.

The fragments follow the markup of common news CMSs (as ``benchmarks/bench_web_ingest.py --variant
header|credits|tail|keep`` injects them into the dev pages): ``author_box`` ("Über die Autorin" over a note on the
writer and "Mehr von …" after the article, HTML and page dumps), ``subheading_pair`` (two of the article's own
subheadings in a row are no teaser box of another story), ``lead_block`` (a lead box that also holds the date
line and byline gives its lead paragraph, not all its lines glued), the read-aloud player's label and clock
("Artikel anhören00:00 / 04:12"). Invented text (no ../shared); each rule is shown where it must fire and where it
must not, and its switch turns it off.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.ingest import parse_html, parse_scraped_text
from tests.test_web_forms import P, page
from tests.test_web_forms16 import _run_off
from tests.test_web_ingest import BODY_PARAS, dump_text

BIO = "Katrin Feldhaus ist Redakteurin im Ressort Politik und berichtet seit 2019 aus dem Landtag."
BOX = (f'<div><h3>Über die Autorin</h3><img src="/autoren/feldhaus.jpg" alt=""><p>{BIO}</p>'
       '<a href="/autor/katrin-feldhaus">Mehr von Katrin Feldhaus</a></div>')


def _paras(body: str) -> list[str]:
    return [x for x in body.split("\n\n") if x]


# ----------------------------------------------------------------------------- author_box

def test_author_box_after_the_article_leaves_the_html_body() -> None:
    body = parse_html(page("".join(f"<p>{x}</p>" for x in P) + BOX), "a.html", "a").body_text
    assert _paras(body) == P
    # the same box with the label as a bold line and "Zum Autor"
    box = BOX.replace("<h3>Über die Autorin</h3>", "<p><strong>Zum Autor:</strong></p>")
    body = parse_html(page("".join(f"<p>{x}</p>" for x in P) + box), "a.html", "a").body_text
    assert _paras(body) == P


def test_author_box_needs_the_label_and_a_note_on_a_person() -> None:
    # "Zur Person" over a note on the man the article is about: article text
    person = ('<h3>Zur Person</h3><p>Stefan Krüger ist seit 2014 Bürgermeister der Stadt und gehört der SPD an. '
              'Vorher leitete er das Ordnungsamt.</p>')
    body = parse_html(page("".join(f"<p>{x}</p>" for x in P) + person), "a.html", "a").body_text
    assert "Stefan Krüger ist seit 2014 Bürgermeister" in body
    # the label over prose that is no note on a person (a book review's section on its author): stays
    review = ('<h3>Der Autor</h3><p>Wie schon in seinem ersten Roman erzählt er von einer Kindheit auf dem Land, '
              'diesmal aus der Sicht der Mutter.</p>')
    body = parse_html(page("".join(f"<p>{x}</p>" for x in P) + review), "a.html", "a").body_text
    assert "Wie schon in seinem ersten Roman" in body


def test_author_box_in_a_page_dump() -> None:
    last = BODY_PARAS[-1]
    text = dump_text().replace(last + "\n", last + "\n\nÜber die Autorin\n\n[feldhaus]\n" + BIO
                               + "\n\nMehr von Katrin Feldhaus\n", 1)
    a = parse_scraped_text(text, "dump.txt", "dump")
    assert _paras(a.body_text) == BODY_PARAS


# ----------------------------------------------------------------------------- subheading_pair

SUB1, SUB2 = "Keine Entwarnung beim Verkehr", "Was die neuen Regeln für die Anwohner bedeuten"


def test_subheading_pair_two_subheadings_in_a_row_stay() -> None:
    inner = f"<p>{P[0]}</p><p>{P[1]}</p><h2>{SUB1}</h2><h2>{SUB2}</h2><p>{P[2]}</p><p>{P[3]}</p><p>{P[4]}</p>"
    body = parse_html(page(inner), "a.html", "a").body_text
    assert _paras(body) == [P[0], P[1], SUB1, SUB2, *P[2:]]
    # one over a picture with its caption and one under it
    fig = ('<figure><img src="/b.jpg" alt=""><figcaption>Die Haltestelle am Markt. <span>Foto: Anna Beispiel'
           '</span></figcaption></figure>')
    inner = f"<p>{P[0]}</p><p>{P[1]}</p><h2>{SUB1}</h2>{fig}<h2>{SUB2}</h2><p>{P[2]}</p><p>{P[3]}</p><p>{P[4]}</p>"
    body = parse_html(page(inner), "a.html", "a").body_text
    assert SUB1 in body and SUB2 in body and "Die Haltestelle am Markt" not in body


def test_subheading_pair_a_linked_teaser_of_another_story_still_goes() -> None:
    teaser = ('<p><a href="/sport/a1.html">Handball</a></p><p><a href="/sport/a1.html">Heimsieg gegen den '
              'Tabellenführer aus Kiel</a></p>')
    inner = f"<p>{P[0]}</p><p>{P[1]}</p>{teaser}<p>{P[2]}</p><p>{P[3]}</p><p>{P[4]}</p>"
    body = parse_html(page(inner), "a.html", "a").body_text
    assert "Tabellenführer aus Kiel" not in body and _paras(body) == P


def _kept_with_switch_off(tmp_path: Path, key: str, inner: str, needle: str, article: bool = True) -> bool:
    """Whether ``needle`` is in the body of ``page(<inner>)`` (``inner``: an expression over this module's names)
    read with the switch ``key`` off (in a fresh process with a rules copy)."""
    code = ("from tests.test_web_forms17 import *\nfrom pipeline.ingest import parse_html\n"
            f"print({needle!r} in parse_html(page({inner}, article={article}), 'a.html', 'a').body_text)\n")
    return _run_off(tmp_path, key, code) == "True"


def test_switches_off(tmp_path: Path) -> None:
    assert _kept_with_switch_off(tmp_path, "author_boxes", "''.join(f'<p>{x}</p>' for x in P) + BOX", "Über die Autorin")
    pair = "f'<p>{P[0]}</p><p>{P[1]}</p><h2>{SUB1}</h2><h2>{SUB2}</h2>' + ''.join(f'<p>{x}</p>' for x in P[2:])"
    assert not _kept_with_switch_off(tmp_path, "subheading_pairs", pair, SUB2)


# ----------------------------------------------------------------------------- lead_block, read-aloud player

def test_lead_block_a_lead_box_with_date_and_byline_gives_its_paragraph() -> None:
    lead = ('<div class="article-intro"><p>Aktualisiert am 16.11.2023 – 10:45 Uhr<span>Lesedauer: 3 Min.</span>'
            f'</p><p>Von Anna Maier</p><p>{P[0]}</p></div>')
    body = parse_html(page(lead + "".join(f"<p>{x}</p>" for x in P[1:]), lead=False), "a.html", "a").body_text
    assert _paras(body)[0] == P[0]
    assert "Lesedauer" not in body and "Aktualisiert am" not in body


def test_read_aloud_player_label_and_clock_go_a_sentence_about_it_stays() -> None:
    player = '<div><button>Artikel anhören</button><span>00:00 / 04:12</span></div>'
    body = parse_html(page(f"<p>{P[0]}</p>{player}" + "".join(f"<p>{x}</p>" for x in P[1:])), "a.html", "a").body_text
    assert _paras(body) == P
    said = "Vorlesen lassen sich die Mitteilungen der Stadt bald auch in der App der Stadtwerke."
    body = parse_html(page(f"<p>{P[0]}</p><p>{said}</p>" + "".join(f"<p>{x}</p>" for x in P[1:])),
                      "a.html", "a").body_text
    assert said in body


# ----------------------------------------------------------------------------- page dumps: comments, head lines

def test_comment_section_under_the_article_leaves_the_dump_body() -> None:
    last = BODY_PARAS[-1]
    comments = ("\n\nKommentare (3)\n\nBergfreund77 vor 2 Stunden\nDas hätte man schon vor Jahren so machen müssen, "
                "jetzt ist es zu spät für die Bürger.\nAntworten\n\nM. Schulze vor 3 Stunden\nWieder einmal zahlen "
                "die kleinen Leute die Zeche für die Fehler der Politik.\nAntworten\n")
    a = parse_scraped_text(dump_text().replace(last + "\n", last + comments, 1), "dump.txt", "dump")
    assert _paras(a.body_text) == BODY_PARAS


def test_dump_head_lines_date_and_byline_over_the_text_go() -> None:
    first = BODY_PARAS[0]
    for block in ("Erstellt: 28.04.2020, 18:00 Uhr\nVon: Anna Beispiel\n",
                  "Aktualisiert am 28.04.2020 – 18:00 UhrLesedauer: 3 Min.\n",
                  "Von Katrin Feldhaus\n7. Dezember 2026, 10:45 Uhr\n"):
        a = parse_scraped_text(dump_text().replace(first + "\n", block + "\n" + first + "\n", 1), "dump.txt", "dump")
        assert _paras(a.body_text) == BODY_PARAS, block
    # a date inside the text further down is article text
    said = "Am 12. Mai 2020 will der Landtag darüber entscheiden."
    a = parse_scraped_text(dump_text().replace(BODY_PARAS[1] + "\n", BODY_PARAS[1] + "\n\n" + said + "\n", 1),
                           "dump.txt", "dump")
    assert said in a.body_text


# ----------------------------------------------------------------------------- single_card

CARD_HEAD, CARD_TEASE = "Stadt plant autofreie Innenstadt bis 2030", "Die Pläne stoßen bei Händlern auf Widerstand."
CARDS17 = (
    f'<aside><a href="/politik/autofrei.html"><img src="/t.jpg" alt=""><span>Verkehrswende</span><h3>{CARD_HEAD}'
    f'</h3><p>{CARD_TEASE}</p></a></aside>',
    f'<div><h4>Auch interessant</h4><article><a href="/politik/autofrei.html"><h3>{CARD_HEAD}</h3></a>'
    f'<p>{CARD_TEASE}</p><a href="/politik/autofrei.html">Weiterlesen</a></article></div>',
    f'<div><div><span>Verkehrswende</span></div><div><a href="/politik/autofrei.html">{CARD_HEAD}</a></div>'
    f'<div><p>{CARD_TEASE}</p></div></div>',
)


def test_single_card_of_another_story_inside_the_text_goes() -> None:
    for card in CARDS17:
        inner = f"<p>{P[0]}</p><p>{P[1]}</p>{card}<h2>{SUB1}</h2><p>{P[2]}</p><p>{P[3]}</p><p>{P[4]}</p>"
        for art in (True, False):       # in an <article>, and in a layout of divs (there only this rule takes it)
            body = parse_html(page(inner, article=art), "a.html", "a").body_text
            assert _paras(body) == [P[0], P[1], SUB1, *P[2:]], card


def test_single_card_a_section_with_its_own_links_stays() -> None:
    # a linked subheading over a paragraph that links elsewhere too: article text, no card
    sec = ('<div><h3><a href="/verkehr/plan.html">Der neue Nahverkehrsplan im Überblick</a></h3><p>Die Stadt hat die '
           'Fahrpläne <a href="/fahrplan.pdf">online gestellt</a>, Einwände sind bis Ende März möglich.</p></div>')
    inner = f"<p>{P[0]}</p><p>{P[1]}</p>{sec}<p>{P[2]}</p><p>{P[3]}</p><p>{P[4]}</p>"
    body = parse_html(page(inner), "a.html", "a").body_text
    assert "Einwände sind bis Ende März möglich" in body


def test_single_card_switch_off_keeps_the_card(tmp_path: Path) -> None:
    inner = "f'<p>{P[0]}</p><p>{P[1]}</p>{CARDS17[1]}' + ''.join(f'<p>{x}</p>' for x in P[2:])"
    assert _kept_with_switch_off(tmp_path, "single_cards", inner, CARD_TEASE, article=False)


# ----------------------------------------------------------------------------- notes of news sites (boilerplate_lines)

NOTES17 = ("Über dieses Thema berichtete Bayern 2 am 07.12.2026 um 10:00 Uhr.", "Quelle: ntv.de, dpa, AFP",
           "Hier können Sie die Rechte an diesem Artikel erwerben.", "*Merkur.de ist ein Angebot von IPPEN.MEDIA.",
           "Dieser Artikel wurde mit maschineller Unterstützung erstellt und von der Redaktion geprüft.",
           "Hinweis: Dieser Artikel erschien zuerst auf kreiszeitung.de.",
           "Sie wollen mehr solcher Nachrichten? Abonnieren Sie unseren kostenlosen Newsletter.",
           "Rubriklistenbild: © KCNA/dpa")


def test_notes_of_news_sites_leave_the_body_inside_and_after_the_text() -> None:
    for note in NOTES17:
        inner = f"<p>{P[0]}</p><p>{P[1]}</p><p>{note}</p>" + "".join(f"<p>{x}</p>" for x in P[2:]) + f"<p>{note}</p>"
        assert _paras(parse_html(page(inner), "a.html", "a").body_text) == P, note


def test_notes_sentences_of_the_article_stay() -> None:
    said = ("Über dieses Thema wird im Stadtrat seit Jahren gestritten, sagte Lang.",
            "Quelle des Streits ist ein Gutachten der Verwaltung aus dem Jahr 2019.",
            "Wer die Rechte an dem Grundstück erwirbt, muss den Spielplatz erhalten.")
    inner = f"<p>{P[0]}</p>" + "".join(f"<p>{x}</p>" for x in said) + "".join(f"<p>{x}</p>" for x in P[1:])
    body = parse_html(page(inner), "a.html", "a").body_text
    assert all(x in body for x in said)


def test_dump_head_lines_a_first_line_starting_with_von_is_no_byline() -> None:
    first = BODY_PARAS[0]
    for line in ("Von Montag an gilt die neue Regel für Windräder im Wald.", "Von der Leyen: Europa muss handeln"):
        a = parse_scraped_text(dump_text().replace(first + "\n", line + "\n\n" + first + "\n", 1), "dump.txt", "dump")
        assert line in a.body_text, line
