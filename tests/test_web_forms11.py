"""Web ingestion, eleventh session (issue 15): markup forms of sites the dev pages lack (invented text, no ../shared).

Prose as ``<br><br>``-separated text runs, price promotions between paragraphs, captions only the picture's
``alt`` names, menus and counters the page did not mark, box labels whose box held a form: the forms the
benchmark's stress variants ``--variant br|ads|all`` make of the dev pages. Each rule is shown with a page where it
must fire and one where it must not.
"""
from __future__ import annotations

import lxml.html

from pipeline.ingest import parse_html
from pipeline.web.html import (_gap_good, _stopword_share, br_paragraphs, without_label_runs, without_stray_labels,
                               parse_tree)
from tests.test_web_forms import P, page


def _paras(body: str) -> list[str]:
    return [x for x in body.split("\n\n") if x]


def test_br_paragraphs_reads_text_runs_split_by_blank_lines_as_paragraphs() -> None:
    # an old CMS: the whole article as text in one div, paragraphs split by <br><br>
    html = page('<div class="text">' + "<br><br>\n".join(P) + "</div>")
    body = parse_html(html, "x.html", "x").body_text
    assert _paras(body) == P
    # in the tree: one <p> a run, a single <br> stays inside its paragraph, a heading between runs stays a block
    t = lxml.html.fromstring(f"<div><div>{P[0]}<br>Zweite Zeile.<br><br><h2>Kritik</h2>{P[1]}<br><br>{P[2]}</div></div>")
    br_paragraphs(t)
    box = t[0]
    assert [c.tag for c in box] == ["p", "h2", "p", "p"]
    assert box[0].text_content() == f"{P[0]}Zweite Zeile." and box[0].find("br") is not None


def test_br_paragraphs_leaves_addresses_and_sidebars_alone() -> None:
    t = lxml.html.fromstring("<div><div>Stadtwerke Musterstadt<br><br>Hauptstraße 1<br><br>12345 Musterstadt</div></div>")
    br_paragraphs(t)
    assert t[0].find("p") is None       # no run of 8+ words, no two of 3+: an address
    side = "<br><br>".join(P[:3])
    t = lxml.html.fromstring(f"<div><aside><div>{side}</div></aside><h1>Titel</h1></div>")
    br_paragraphs(t)
    assert t.find(".//aside//p") is None    # a widget beside the post: its text does not become paragraphs
    t = lxml.html.fromstring(f"<div><aside><h1>Titel</h1><div>{side}</div></aside></div>")
    br_paragraphs(t)
    assert len(t.findall(".//aside//p")) == 3   # a theme that sets the article itself in an <aside>


def test_gap_stopwords_a_price_promotion_between_paragraphs_is_no_prose() -> None:
    promo = "Sky Ticket für 9,99 statt 29,99 Euro 1 Monat 1. & 2. Bundesliga mit 66 % Rabatt"
    assert _stopword_share(promo) < 0.15 and not _gap_good("div", promo, 0.0)
    prose = ("Die Verkehrsbetriebe wollen die ersten neuen Linien bereits im kommenden Frühjahr einrichten und "
             "dafür zusätzliche Fahrer suchen, die")
    assert _gap_good("div", prose, 0.0)     # 15+ words with stopwords: prose, even without a sentence end


def test_alt_caption_a_line_that_repeats_the_pictures_alt_text_is_its_caption() -> None:
    cap = "Die neue Buslinie 12 fährt ab dem Frühjahr auch in die Außenbezirke der Stadt und hält am Rathaus."
    inner = (para(0) + f'<div><div><img src="/bus.jpg" alt="{cap}"></div><div><div>{cap}</div></div></div>'
             + "".join(f"<p>{p}</p>" for p in P[1:]))
    a = parse_html(page(inner), "x.html", "x")
    assert cap not in a.body_text and cap in a.captions
    assert all(p in a.body_text for p in P)
    # an alt text of under 8 words is no caption ("Bus am Rathaus"): a line that says it stays
    inner = para(0) + '<img src="/bus.jpg" alt="Bus am Rathaus">' + "".join(f"<p>{p}</p>" for p in P[1:])
    assert _paras(parse_html(page(inner), "x.html", "x").body_text) == P


def para(i: int) -> str:
    return f"<p>{P[i]}</p>"


def test_short_line_run_a_menu_and_counters_in_the_text_go() -> None:
    menu = ["Startseite", "Baselbiet", "Politik", "Kultur", "Sport"]
    tree = parse_tree(page("".join(f'<a href="/{m}">{m}</a>' for m in menu) + "".join(f"<p>{p}</p>" for p in P)))
    lines = [P[0], *menu, "10", P[1]]
    assert without_label_runs(lines, tree) == [P[0], P[1]]
    # a recipe's ingredients are no links; three link labels in a row are too few
    recipe = ["1 Würfelzucker", "2 Spritzer Bitters", "5 cl Whiskey", "1 TL Absinth"]
    assert without_label_runs([P[0], *recipe, P[1]], tree) == [P[0], *recipe, P[1]]
    assert without_label_runs([P[0], *menu[:3], P[1]], tree) == [P[0], *menu[:3], P[1]]


def test_stray_label_a_newsletter_label_whose_form_is_gone_does_not_eat_the_next_subheading() -> None:
    sub = "Wie geht es weiter?"
    box = ('<div><h3>Newsletter</h3><p>Jeden Morgen die wichtigsten Nachrichten aus der Region direkt in Ihr '
           'Postfach.</p><form><input type="email"><button>Jetzt abonnieren</button></form></div>')
    inner = para(0) + para(1) + box + f"<h2>{sub}</h2>" + para(2) + para(3)
    body = parse_html(page(inner), "x.html", "x").body_text
    assert sub in body and "Newsletter" not in body and "Postfach" not in body
    # the label of a box of links stays in the lines, for the clean-up to drop with its links
    tree = parse_tree(page(para(0) + '<div><h3>Newsletter</h3><a href="/nl">Hier anmelden</a></div>' + para(1)))
    assert without_stray_labels([P[0], "Newsletter", P[1]], tree) == [P[0], "Newsletter", P[1]]


def test_js_hook_a_script_hook_class_names_no_ad_box() -> None:
    from pipeline.web.html import _outside_furniture_any
    t = lxml.html.fromstring('<div><div class="column article-text js-dynamic-advertorial"><p>Text</p></div>'
                             '<div class="advertorial-box"><p>Werbung</p></div></div>')
    assert _outside_furniture_any(t[0][0])          # where the page's script may insert an ad: the article's box
    assert not _outside_furniture_any(t[1][0])      # an advertorial box


def test_label_preposition_a_heading_ending_in_von_is_a_byline_label() -> None:
    for label in ("Geschrieben von", "Artikel von", "powered by"):
        assert not _gap_good("heading-box", label, 0.0)
    # a verb particle ends a real subheading
    assert _gap_good("h2", "Bestimmte Lebensmittel wirken sich positiv auf die Psyche aus", 0.0)


def test_stray_label_set_in_a_div() -> None:
    # the label element itself may be a div or p (only blocks inside it make it no label)
    tree = parse_tree(page(para(0) + '<div><div class="t">Newsletter</div><form><input type="email"></form></div>'
                           + para(1)))
    assert without_stray_labels([P[0], "Newsletter", P[1]], tree) == [P[0], P[1]]
