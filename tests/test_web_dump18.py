"""Web ingestion, issue 15 (dump18): headlines, sections and article ends of templates the rules never saw.

Page dumps (``w3m -dump``) of news templates print the kicker in the headline's line, the date and byline above
kicker and headline, trails on one line, teaser sections and newsletter boxes after the article; HTML pages set
the text in several containers around a box, close with the author's sign-off, or put newsletter blurbs and a
player's credit between the paragraphs. Each rule is shown where it must fire and where it must not (invented
text in the forms of ``tests/gold/web_blind``; no ../shared), and its switch turns it off.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.ingest import parse_html, parse_scraped_text
from tests.test_web_forms import P, page
from tests.test_web_forms16 import _run_off
from tests.test_web_ingest import BODY_PARAS, dump_text

TITLE = "Land will Windkraft-Ausbau verdoppeln"
TRAIL = (" 1. Beispiel-Zeitung Startseite\n 2. Politik\n 3. Niedersachsen\n 4. Land will Windkraft-Ausbau "
         "verdoppeln\n\nEnergiewende\n\nLand will Windkraft-Ausbau verdoppeln\n")


def _dump(head: str, body: str | None = None) -> str:
    """The test dump with its trail, kicker and headline lines replaced by ``head`` (and its first body
    paragraph by ``body``)."""
    text = dump_text()
    assert TRAIL in text
    text = text.replace(TRAIL, head)
    return text.replace(BODY_PARAS[0], body) if body else text


def _paras(body: str) -> list[str]:
    return [x for x in body.split("\n\n") if x]


# ----------------------------------------------------------------------------- dump_title_page_line

def test_page_line_a_trail_item_splits_the_glued_kicker() -> None:
    head = (" 1. Beispiel-Zeitung\n 2. ›Politik\n 3. ›Niedersachsen\n 4. ›Energiewende: Land will Windkraft-Ausbau "
            "verdoppeln\n\nEnergiewende Land will Windkraft-Ausbau verdoppeln\n")
    a = parse_scraped_text(_dump(head), "d.txt", "d")
    assert (a.kicker, a.title, a.section) == ("Energiewende", TITLE, "Politik / Niedersachsen")


def test_page_line_a_trail_item_equal_to_the_headline_splits_nothing() -> None:
    head = (" 1. Beispiel-Zeitung\n 2. Politik\n 3. Energiewende Land will Windkraft-Ausbau verdoppeln\n\n"
            "Energiewende Land will Windkraft-Ausbau verdoppeln\n")
    a = parse_scraped_text(_dump(head), "d.txt", "d")
    assert a.title == "Energiewende Land will Windkraft-Ausbau verdoppeln"


# ----------------------------------------------------------------------------- dump_title_trail_kicker

def test_trail_kicker_a_trail_ending_in_kicker_and_headline_over_both_lines() -> None:
    head = ("  • Startseite\n  • Politik\n  • Niedersachsen\n  • Energiewende: Land will Windkraft-Ausbau "
            "verdoppeln\n\nEnergiewende\n\nLand will Windkraft-Ausbau verdoppeln\n")
    a = parse_scraped_text(_dump(head), "d.txt", "d")
    assert (a.kicker, a.title, a.section) == ("Energiewende", TITLE, "Politik / Niedersachsen")


# ----------------------------------------------------------------------------- dump_title_below_byline

def test_below_byline_date_and_byline_over_kicker_and_headline() -> None:
    title = "Landesregierung legt Plan für den Ausbau der Windkraft vor"
    text = dump_text().replace(TRAIL, " 1. Beispiel-Zeitung\n 2. Politik\n 3. Niedersachsen\n\nKommentare Teilen\n"
                                      f"Stand: 28.04.2020, 18:00 Uhr\nVon: Anna Beispiel\n\nEnergiewende\n\n{title}\n")
    text = text.replace("Von Anna Beispiel\n28.04.2020, 18:00 Uhr\n", "")
    a = parse_scraped_text(text, "d.txt", "d")
    assert (a.kicker, a.title, a.authors, a.section) == ("Energiewende", title, ["Anna Beispiel"],
                                                         "Politik / Niedersachsen")
    assert _paras(a.body_text) == BODY_PARAS


def test_below_byline_a_headline_above_the_byline_stays() -> None:
    # a blog post: headline, byline and date, then a subheading that repeats the body's words
    sub = "Landesregierung will den Ausbau der Windkraft in dem Bundesland bis 2030 verdoppeln"
    text = dump_text().replace("Von Anna Beispiel\n28.04.2020, 18:00 Uhr\n", f"Von Anna Beispiel\n28.04.2020, "
                               f"18:00 Uhr\n\n{sub}\n")
    a = parse_scraped_text(text, "d.txt", "d")
    assert a.title == TITLE


# ----------------------------------------------------------------------------- dump_title_glued_kicker

def test_glued_kicker_a_menu_item_before_the_headline() -> None:
    text = dump_text().replace("  • Regional\n", "  • Regional\n  • Energie\n") \
        .replace(TRAIL, "Energie Land will Windkraft-Ausbau verdoppeln\n")
    a = parse_scraped_text(text, "d.txt", "d")
    assert (a.kicker, a.title) == ("Energie", TITLE)


def test_glued_kicker_a_clause_whose_headline_opens_a_sentence_of_the_body() -> None:
    lead = ("Naturschützer sind skeptisch: Land will den Ausbau der Windkraft bis 2030 verdoppeln. Bis dahin "
            "sollen in dem Bundesland doppelt so viele Anlagen stehen wie heute, teilte das Wirtschaftsministerium "
            "in Hannover am Dienstag mit.")
    a = parse_scraped_text(_dump("Mehr Windräder sollen kommen Land will den Windkraft-Ausbau bis 2030 verdoppeln\n",
                                 lead), "d.txt", "d")
    assert (a.kicker, a.title) == ("Mehr Windräder sollen kommen", "Land will den Windkraft-Ausbau bis 2030 verdoppeln")


def test_glued_kicker_needs_evidence_a_title_and_a_name_stay_together() -> None:
    # "Ministerpräsident Weil …": the body names him with his first name; no menu item, no clause kicker
    title = "Ministerpräsident Weil will Windkraft-Ausbau verdoppeln"
    lead = ("Ministerpräsident Stephan Weil hat am Dienstag einen neuen Plan für den Ausbau der Windkraft "
            "vorgelegt. Weil will die Zahl der Anlagen in dem Bundesland bis zum Jahr 2030 verdoppeln, teilte das "
            "Wirtschaftsministerium in Hannover mit.")
    a = parse_scraped_text(_dump(title + "\n", lead), "d.txt", "d")
    assert a.title == title


def test_a_hyphenated_place_is_no_glued_kicker() -> None:
    a = parse_scraped_text(_dump("Hamburg-Altona Diebe stehlen Gemälde aus einer Galerie\n"), "d.txt", "d")
    assert a.title == "Hamburg-Altona Diebe stehlen Gemälde aus einer Galerie"


# ----------------------------------------------------------------------------- dump_title_line_trail

def test_line_trail_labelled_or_of_menu_items_gives_the_section() -> None:
    head = "Sie sind hier: beispiel.de > Politik > Niedersachsen\n\nLand will Windkraft-Ausbau verdoppeln\n"
    assert parse_scraped_text(_dump(head), "d.txt", "d").section == "Politik / Niedersachsen"
    head = "Politik › Regional\n\nLand will Windkraft-Ausbau verdoppeln\n"
    assert parse_scraped_text(_dump(head), "d.txt", "d").section == "Politik / Regional"
    # two items that are no menu items and no label: no section
    head = "Windkraft › Niedersachsen\n\nLand will Windkraft-Ausbau verdoppeln\n"
    assert parse_scraped_text(_dump(head), "d.txt", "d").section is None


# ----------------------------------------------------------------------------- dump_teaser_section, newsletter box

TEASERS = ("Mehr aus Niedersachsen\n\nNahverkehr Busse fahren seltener\n\nAuf 14 Linien fahren die Busse von "
           "Dezember an seltener. Die Verkehrsgesellschaft findet nicht genug Personal.\n\nMietspiegel Wohnen wird "
           "noch teurer\n\nDie durchschnittliche Miete ist auf mehr als 14 Euro gestiegen. Besonders stark zogen die "
           "Preise in der Innenstadt an. Ein Ende ist nicht in Sicht.\n\n")


def test_teaser_section_after_the_article_leaves_the_body() -> None:
    last = BODY_PARAS[-1]
    text = dump_text().replace(last + "\n", last + "\n\n" + TEASERS, 1)
    assert _paras(parse_scraped_text(text, "d.txt", "d").body_text) == BODY_PARAS


def test_teaser_section_a_label_over_more_prose_stays() -> None:
    more = ("Der Entwurf sieht außerdem vor, dass Gemeinden an den Einnahmen der Anlagen beteiligt werden. Pro "
            "Windrad sollen sie jedes Jahr bis zu 20.000 Euro erhalten, wenn die Anlage in ihrem Gebiet steht, und "
            "die Bürger sollen günstigeren Strom bekommen.")
    last = BODY_PARAS[-1]
    text = dump_text().replace(last + "\n", last + "\n\nMehr zum Thema\n\nWindkraft an Land\n\n" + more + "\n", 1)
    assert more in parse_scraped_text(text, "d.txt", "d").body_text


def test_newsletter_box_name_and_description_leave_the_body() -> None:
    box = ("Der Politik-Newsletter\n\nEinmal am Tag die wichtigsten politischen Nachrichten und Analysen der "
           "Redaktion.\n\n")
    text = dump_text().replace(BODY_PARAS[1] + "\n", BODY_PARAS[1] + "\n\n" + box, 1)
    assert _paras(parse_scraped_text(text, "d.txt", "d").body_text) == BODY_PARAS


# ----------------------------------------------------------------------------- sign_off

def test_sign_off_closing_the_article_goes_html_and_dump() -> None:
    last = P[-1] + " (Stefanie Moser, 18.9.2023)"
    body = parse_html(page("".join(f"<p>{x}</p>" for x in P[:-1]) + f"<p>{last}</p>"), "a.html", "a").body_text
    assert _paras(body) == P
    text = dump_text().replace(BODY_PARAS[-1] + "\n", BODY_PARAS[-1] + " (red, 18.9.2023)\n\nForum\n\n"
                               "Diskutieren Sie respektvoll und beachten Sie unsere Community-Richtlinien.\n", 1)
    assert _paras(parse_scraped_text(text, "d.txt", "d").body_text) == BODY_PARAS


def test_sign_off_parentheses_inside_the_text_stay() -> None:
    mid = P[1] + " (Stand: 18.9.2023)"
    body = parse_html(page(f"<p>{P[0]}</p><p>{mid}</p>" + "".join(f"<p>{x}</p>" for x in P[2:])), "a.html", "a")
    assert mid in body.body_text


# ----------------------------------------------------------------------------- continued_text (HTML)

def test_continued_text_after_a_box_between_two_text_containers() -> None:
    box = ('<div class="related"><span>Mehr zum Thema</span><ul><li><a href="/a">Zulieferer in der Krise: Warum '
           'Jobs wegfallen</a></li><li><a href="/b">Tarifrunde: Gewerkschaft droht mit Streiks</a></li></ul></div>')
    inner = (f'<div data-area="text"><div class="RichText">{"".join(f"<p>{x}</p>" for x in P[:2])}</div></div>'
             f'{box}<div data-area="text"><div class="RichText"><h3>Kritik aus der Opposition</h3>'
             f'{"".join(f"<p>{x}</p>" for x in P[2:])}</div></div>')
    body = parse_html(page(f'<section class="body">{inner}</section>'), "a.html", "a").body_text
    for x in P:
        assert x in body
    assert "Zulieferer in der Krise" not in body


# ----------------------------------------------------------------------------- notices (HTML and text)

def test_newsletter_blurbs_player_credit_and_agency_credit_are_notices() -> None:
    inner = (f"<p>{P[0]}</p><p><em>Unser Miesbach-Newsletter informiert Sie regelmäßig über alle wichtigen "
             f"Geschichten aus Ihrer Region.</em></p><p>{P[1]}</p><p>Das Nachrichtenbriefing aus dem "
             f"Hauptstadtbüro – jeden Morgen um 7 Uhr.</p><p>{P[2]}</p>"
             '<div class="player"><div>Video | Starkregen flutet Straßen</div><div>Quelle: t-online</div></div>'
             f"<h2>Die Opposition hält die Finanzierung für ungeklärt</h2><p>{P[3]}</p><p>{P[4]}</p>"
             "<p><em>tis / mit Material von dpa</em></p>")
    body = parse_html(page(inner), "a.html", "a").body_text
    assert "Die Opposition hält die Finanzierung für ungeklärt" in body
    for x in ("Newsletter informiert", "Nachrichtenbriefing", "Quelle: t-online", "mit Material"):
        assert x not in body


def test_audio_player_box_named_by_its_class() -> None:
    box = ('<div class="audioplayer"><span class="title">Windkraft: Mehr Anlagen geplant</span><span>1 Min</span>'
           '<span>Radio Niedersachsen - Nachrichten</span></div>')
    body = parse_html(page(f"<p>{P[0]}</p>{box}" + "".join(f"<p>{x}</p>" for x in P[1:])), "a.html", "a").body_text
    assert _paras(body) == P


# ----------------------------------------------------------------------------- switches

def test_switches_off(tmp_path: Path) -> None:
    code = ("from tests.test_web_dump18 import _dump\nfrom pipeline.ingest import parse_scraped_text\n"
            "head = ' 1. Beispiel-Zeitung\\n 2. Politik\\n 3. Energiewende: Land will Windkraft-Ausbau verdoppeln\\n\\n"
            "Energiewende Land will Windkraft-Ausbau verdoppeln\\n'\n"
            "print(parse_scraped_text(_dump(head), 'd.txt', 'd').title)\n")
    assert _run_off(tmp_path, "dump_title_on", code) == "Energiewende Land will Windkraft-Ausbau verdoppeln"
    code = ("from tests.test_web_forms import P, page\nfrom pipeline.ingest import parse_html\n"
            "print('Moser' in parse_html(page(''.join(f'<p>{x}</p>' for x in P) + '<p>' + P[0] + ' (Anna Moser, 1.2.2023)</p>'),"
            " 'a.html', 'a').body_text)\n")
    assert _run_off(tmp_path, "sign_offs", code) == "True"


# ----------------------------------------------------------------------------- dump_title_print_edition, credits

def test_print_edition_beside_the_date_leaves_the_body() -> None:
    text = dump_text().replace("28.04.2020, 18:00 Uhr\n", "28.04.2020, 18.00 Uhr •aus DER SPIEGEL 18/2020\n", 1)
    a = parse_scraped_text(text, "d.txt", "d")
    assert _paras(a.body_text) == BODY_PARAS
    assert a.published_at.date().isoformat() == "2020-04-28"


def test_credit_in_parentheses_takes_the_caption_not_the_byline() -> None:
    cap = "Schon beim letzten Sturm standen die Windräder in der Region still."
    text = dump_text().replace(BODY_PARAS[0] + "\n", BODY_PARAS[0] + f"\n\nWindräder\n\n{cap}\n\n(Foto: "
                               "picture alliance/dpa)\n", 1)
    a = parse_scraped_text(text, "d.txt", "d")
    assert _paras(a.body_text) == BODY_PARAS
    # right under the byline: the picture's alt line goes with the caption, the byline stays
    text = dump_text().replace("28.04.2020, 18:00 Uhr\n", "28.04.2020, 18:00 Uhr\nWindräder_Beispielfoto\n"
                               "(Foto: Anna Beispiel)\n", 1)
    a = parse_scraped_text(text, "d.txt", "d")
    assert a.authors == ["Anna Beispiel"] and a.published_at.date().isoformat() == "2020-04-28"
