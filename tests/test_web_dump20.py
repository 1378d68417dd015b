"""dump20: furniture boxes by class words (HTML), dump titles and bylines from the page's evidence
(pipeline/web/dump20.py, pipeline/web/html.py, web.yaml ``dump20``).

Pages of our own (not copied from any gold page), run through the real ingestion."""
import dataclasses

from pipeline.ingest import parse_html, parse_scraped_text
from pipeline.web.profile import web_rules
from tests.test_web_dump19 import BODY, TITLE, _page
from tests.test_web_forms import P, page


def _paras(body: str) -> list[str]:
    return [x for x in body.split("\n\n") if x]


def _off(monkeypatch) -> None:
    rules = web_rules()
    off = dataclasses.replace(rules, dump20=dataclasses.replace(rules.dump20, on=False))
    for mod in ("pipeline.web.dump20", "pipeline.web.html"):
        monkeypatch.setattr(f"{mod}.web_rules", lambda: off)


# ----------------------------------------------------------------------------- HTML

def test_inline_card_by_class_leaves_the_body(monkeypatch) -> None:
    """card_inline_link: a box named a teaser by its class, its headline a link set straight in it."""
    card = ('<div class="c-teaserInline"><span class="c-teaserInline__label">Weitere Informationen</span>'
            '<a href="/region/schwimmbad-100.html">Freibad öffnet zwei Wochen früher</a>'
            '<p class="c-teaserInline__text">Die Stadtwerke ziehen den Saisonstart wegen des warmen Wetters vor.</p></div>')
    html = page("".join(f"<p>{x}</p>" for x in P[:2]) + card + "".join(f"<p>{x}</p>" for x in P[2:]))
    assert _paras(parse_html(html, "a.html", "a").body_text) == P
    _off(monkeypatch)
    assert "Die Stadtwerke ziehen" in parse_html(html, "a.html", "a").body_text


def test_paywall_and_newsletter_boxes_by_class() -> None:
    """furniture_class_box: small boxes whose class names a paywall, a newsletter or comments; a paywall box
    holding a paragraph of the article stays."""
    offer = ('<div class="art__paywall-box"><p>Weiterlesen mit Plus</p><p>Alle Artikel und Hintergründe. '
             'Jetzt 4 Wochen für 0,99 € testen.</p><a href="/abo">Jetzt testen</a></div>')
    letter = ('<div class="Newsletterstyled__Box-sc-1x2y"><p>Der Newsletter am Morgen</p><p>Die wichtigsten '
              'Nachrichten aus der Region – jeden Morgen um 6 Uhr.</p></div>')
    hidden = f'<div class="paywall-fade"><p>{P[4]}</p></div>'
    html = page("".join(f"<p>{x}</p>" for x in P[:2]) + offer + "".join(f"<p>{x}</p>" for x in P[2:4]) + letter
                + hidden)
    assert _paras(parse_html(html, "a.html", "a").body_text) == P


def test_caption_credit_by_class() -> None:
    """credit_class: a picture box whose credit is marked only by its class: caption and credit leave the body."""
    fig = ('<div class="bildbox"><div class="bildbox__media"><img src="/img/rat.jpg" alt="Der Ratssaal"></div>'
           '<div class="bildbox__info"><p class="bildbox__info__text">Der Stadtrat tagte bis in die Nacht.</p>'
           '<p class="bildbox__info__copyright">| picture alliance / Franz Huber</p></div></div>')
    a = parse_html(page("".join(f"<p>{x}</p>" for x in P[:2]) + fig + "".join(f"<p>{x}</p>" for x in P[2:])),
                   "a.html", "a")
    assert _paras(a.body_text) == P


# ----------------------------------------------------------------------------- dumps

def test_stacked_overline_over_the_headline(monkeypatch) -> None:
    """dump_stacked_kicker: of a short overline and the line under it, right over the teaser, the lower one is
    the headline; not when the lower line is shorter or no header follows it."""
    from pipeline.web.dump20 import stacked_headline
    raw = ["Startseite › Region", "Fähre Lindenberg–Au", "", "Betreiber dünnt den Fahrplan aus", "",
           "Die Fähre zwischen Lindenberg und Au soll ab Januar seltener fahren. Pendler sind alarmiert.",
           "Anna Maier", "03.01.2023, 14:32 Uhr", "", BODY.split("\n\n")[0]]
    assert stacked_headline(raw, 1, 9, set()) == 3
    assert stacked_headline(raw[:5] + ["Mehr zum Thema"] + raw[6:], 1, 9, set()) == 1     # no header under it
    assert stacked_headline(["Fähre Lindenberg–Au fährt bald seltener"] + raw[2:], 0, 8, set()) == 0   # a long line
    _off(monkeypatch)
    assert stacked_headline(raw, 1, 9, set()) == 1


def test_compound_kicker_of_menu_items() -> None:
    """dump_compound_kicker: "Region-Lindenberg" is the menu item "Region" and the trail's last item."""
    head = f"Startseite > Region > Lindenberg\n\nRegion-Lindenberg {TITLE}\n\n03.01.2023, 14:32 Uhr"
    assert parse_scraped_text(_page(head)).title == TITLE


def test_byline_evidence_forms() -> None:
    """dump_byline_evidence: a meta line "date - Name - in Section", a name over a date line, "Autorin X" at the
    end, an author note whose name stands on its own line; dump_name_tail: "Lesedauer" glued to the name."""
    meta = f"{TITLE}\n\n03.01.2023 um 14:32 Uhr - Jana Lorenz - in Politik - 4 Kommentare"
    assert parse_scraped_text(_page(meta)).authors == ["Jana Lorenz"]
    over = f"{TITLE}\n\nJana Lorenz\nPubliziert: 03.01.2023, 14:32"
    assert parse_scraped_text(_page(over)).authors == ["Jana Lorenz"]
    label = parse_scraped_text(_page(f"{TITLE}\n\n03.01.2023", "[jl]\nAutorin Jana Lorenz\n"))
    assert label.authors == ["Jana Lorenz"]
    note = _page(f"{TITLE}\n\n03.01.2023", "Jana Lorenz\n\nJana Lorenz ist Redakteurin im Ressort Region.\n")
    assert parse_scraped_text(note).authors == ["Jana Lorenz"]
    glued = f"{TITLE}\n\nJana Lorenz und Tim Berger 03.01.2023, 14:32 Uhr Lesedauer: 5 Minuten"
    assert parse_scraped_text(_page(glued)).authors == ["Jana Lorenz", "Tim Berger"]


def test_menu_row_signal() -> None:
    """A menu row on one line at the top and a legal footer make a page without bullets a page dump (two kinds
    of page furniture); the footer alone does not."""
    from pipeline.web.dump import is_page_dump
    from pipeline.web.dump_evidence import page_signals
    top = "Lindenberger Tagblatt\nNachrichten | Termine | Sport | Login | English\n03.01.2023 14:32\n\n"
    text = top + TITLE + "\n\n" + BODY + "\n\nImpressum · Datenschutz · Kontakt\n"
    assert page_signals(text) == ["legal_footer", "menu_row"] and is_page_dump(text)
    assert not is_page_dump(text.replace("Nachrichten | Termine | Sport | Login | English\n", ""))


def test_relative_date_line_anchors_the_headline() -> None:
    """dump_relative_date: "vor 3 Stunden · Jana Lorenz" under the headline: the headline over it, the name the
    author, the line out of the text (it gives no date)."""
    head = (f"{TITLE}\n\nvor 3 Stunden · Jana Lorenz\n"
            "Der Rat entscheidet sich gegen einen Neubau.\nBildergalerie: So sah das Bad früher aus\n[bad-1]\n")
    a = parse_scraped_text(_page(head))
    assert (a.title, a.authors, a.published_at) == (TITLE, ["Jana Lorenz"], None)
    assert "vor 3 Stunden" not in a.body_text


def test_menu_item_trail_and_glued_home() -> None:
    """dump_menu_item_trail: "Region / Lindenberg" whose first item is a menu item; dump_trail_home_glued: a
    trail whose first item glues header words to the home link."""
    assert parse_scraped_text(_page(f"Region / Lindenberg\n\n{TITLE}\n\n03.01.2023")).section == "Region / Lindenberg"
    glued = parse_scraped_text(_page(f"Abo testen Home / Region / {TITLE}\n\n{TITLE}\n\n03.01.2023"))
    assert glued.section == "Region"


def test_promo_box_leaves_the_dump_body() -> None:
    """dump_promo_box: label, blurb and call to action inside the article; dump_header_in_text and
    dump_author_box_text: byline and date line under a teaser in the text, the author box at its end."""
    paras = BODY.split("\n\n")
    promo = "Weiterlesen mit Tagblatt+\n\nAlle Artikel und Hintergründe. Jetzt 4 Wochen für 0,99 € testen.\n\nJetzt testen\n\n"
    box = "\n\nJana Lorenz\n\nJana Lorenz ist Redakteurin im Ressort Region.\n"
    teaser = "Der Rat entscheidet sich gegen einen Neubau und für die Sanierung des alten Bades an der Lindenstraße."
    text = _page(f"{TITLE}\n\n{teaser}\n\nJana Lorenz\nPubliziert: 03.01.2023, 14:32").replace(
        paras[2], promo + paras[2]).replace(paras[3], paras[3] + box)
    a = parse_scraped_text(text)
    assert a.authors == ["Jana Lorenz"] and a.published_at.strftime("%Y-%m-%d") == "2023-01-03"
    body = _paras(a.body_text)
    assert body[-4:] == paras and all("Jana Lorenz" not in x and "0,99" not in x for x in body)
    assert not any("Publiziert" in x or "Tagblatt+" in x or "Jetzt testen" in x for x in body)
