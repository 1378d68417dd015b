"""Web ingestion, eighth session (issue 15): more page forms as probe pages (invented text, no ../shared).

A lead the extractor drops right after the headline (no lead class), ads without a class ("Anzeige" over a
promotion), old layout tables whose cells hold ``<br>``-lined text, and the page forms of the session's brief:
live tickers, Q&A interviews, paginated articles, fact boxes, "Mehr zum Thema" inside the body, press-release
footers, comment sections, newsletter boxes and related-article lists inside ``<article>``. ``with`` text must be
in the body, ``without`` text must not (scored as the benchmark scores the gold snippets).
"""
from __future__ import annotations

import re

import pytest

from pipeline.ingest import parse_html
from tests.test_web_forms import ASIDE, FOOT, NAV, P, TITLE, page, para

PROBES: dict[str, tuple[str, list[str], list[str]]] = {}
W = [x[:60] for x in P]


def probe(name, inner, with_, without, **kw):
    PROBES[name] = (page(inner, **kw), with_, without)


def raw(name, body, with_, without, head=""):
    PROBES[name] = (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{TITLE} | Kreisbote</title>'
                    f'{head}</head><body>{NAV}{body}{FOOT}</body></html>', with_, without)


def body_of(html: str) -> str:
    return re.sub(r"\s+", " ", parse_html(html, "x.html", "x").body_text).strip()


# a lead right after the headline that the extractor drops (no lead class): put back
LEAD = "Mehr Busse, mehr Linien, dichterer Takt: Nach monatelangem Streit hat der Stadtrat den neuen Nahverkehrsplan beschlossen."
BODY5 = "".join(para(i) for i in range(5))
raw("lead_plain", f'<article><h1>{TITLE}</h1><p>{LEAD}</p><div class="article-body">{BODY5}</div></article>{ASIDE}', [LEAD[:60]] + W, ["Meistgelesen"])
raw("lead_after_meta", f'<article><h1>{TITLE}</h1><p class="meta">16.11.2023 | Von Anna Maier</p><p>{LEAD}</p><div class="article-body">{BODY5}</div></article>{ASIDE}',
    [LEAD[:60]] + W, ["Meistgelesen", "Von Anna Maier"])
raw("lead_strong", f'<div class="story"><h1>{TITLE}</h1><p><strong>{LEAD}</strong></p><div class="text">{BODY5}</div></div>{ASIDE}', [LEAD[:60]] + W, ["Meistgelesen"])
raw("lead_in_header", f'<article><header><h1>{TITLE}</h1><div class="sub">{LEAD}</div></header><div class="content">{BODY5}</div></article>{ASIDE}', [LEAD[:60]] + W, ["Meistgelesen"])
raw("lead_h2", f'<article><h1>{TITLE}</h1><h2>{LEAD}</h2><div class="content">{BODY5}</div></article>{ASIDE}', [LEAD[:60]] + W, ["Meistgelesen"])
# ... but not the page's header text or a teaser far above the article
raw("no_lead_page_header", f'<header class="top"><p>Nachrichten aus dem Landkreis, jeden Tag neu und für alle Leserinnen und Leser kostenlos im Netz.</p></header>'
    f'<article><h1>{TITLE}</h1><div class="article-body">{BODY5}</div></article>{ASIDE}', W, ["Nachrichten aus dem Landkreis"])

# ads without a class: the label and its promotion go, the article's text after a bare label stays
PROMO = "Jetzt den neuen Stromtarif sichern und 100 Euro Neukundenbonus kassieren – nur noch bis Sonntag!"
W4 = [W[0], W[2], W[3]]
probe("ad_p", para(0) + para(1) + f"<p>Anzeige</p><p>{PROMO}</p>" + para(2) + para(3), W4, ["Anzeige", PROMO[:40]])
probe("ad_div_link", para(0) + para(1) + f"<div><span>Anzeige</span><p><a href='https://x.de'>{PROMO}</a></p></div>" + para(2) + para(3), W4, ["Anzeige", PROMO[:40]])
probe("ad_inline", para(0) + para(1) + f"<p>Anzeige: {PROMO}</p>" + para(2) + para(3), W4, ["Anzeige", PROMO[:40]])
probe("ad_end", para(0) + para(1) + para(2) + f"<p>ANZEIGE</p><p>{PROMO}</p>", [W[0], W[2]], ["ANZEIGE", PROMO[:40]])
probe("ad_button", para(0) + para(1) + f"<p>Werbung</p><p>Die besten Angebote für Ihre Reise: Hotels, Flüge und Mietwagen günstig buchen.</p><p>Jetzt vergleichen!</p>" + para(2) + para(3),
      W4, ["Die besten Angebote", "Jetzt vergleichen"])
probe("ad_label_then_text", para(0) + para(1) + "<p>Anzeige</p>" + para(2) + para(3), W4, ["Anzeige"])
probe("ad_label_then_text2", para(0) + para(1) + "<p>Anzeige</p>" + para(3) + para(4) + para(2), W4 + [W[4]], ["Anzeige"])

# old layout tables: the article's cell holds <br>-lined text (with or without an h1), the side cell a teaser
TEAS = "Die Gewerkschaft ruft für Donnerstag zum Warnstreik auf, Busse und Bahnen stehen in der ganzen Region still."
NAVTD = '<td valign="top">' + "<br>".join(f'<a href="/{i}">Menüpunkt {i}</a>' for i in range(8)) + '</td>'
RIGHTTD = f'<td valign="top"><b>Aktuell</b><br><a href="/w">Warnstreik im Nahverkehr</a><br>{TEAS}<br><a href="/w">mehr</a></td>'
raw("br_layout", f'<table width="100%"><tr>{NAVTD}<td valign="top"><h1>{TITLE}</h1>' + "<br><br>".join(P) + f'</td>{RIGHTTD}</tr></table>',
    W, ["Menüpunkt 3", "Warnstreik im Nahverkehr", TEAS[:50]])
raw("br_layout_font", f'<table width="100%"><tr>{NAVTD}<td valign="top"><font size="4"><b>{TITLE}</b></font><br><br><font size="2">'
    + "<br><br>".join(P) + f'</font></td>{RIGHTTD}</tr></table>', W, ["Menüpunkt 3", "Warnstreik im Nahverkehr", TEAS[:50]])


def _check(name: str) -> None:
    html, with_, without = PROBES[name]
    body = body_of(html)
    assert [x for x in with_ if re.sub(r"\s+", " ", x) not in body] == []
    assert [x for x in without if re.sub(r"\s+", " ", x) in body] == []


@pytest.mark.parametrize("name", sorted(PROBES))
def test_session8_page_forms(name: str) -> None:
    _check(name)


def test_session8_a_date_glued_to_the_lead_goes_a_headline_on_two_lines_goes() -> None:
    html = page("<p>19.10.2019, 15:30 UhrAm Dienstagabend hat der Stadtrat nach langer Debatte einen neuen Nahverkehrsplan beschlossen.</p>"
                + para(1) + para(2))
    body = body_of(html)
    assert body.startswith("Am Dienstagabend hat der Stadtrat")
    two = page(para(0) + para(1) + para(2)).replace(f"<h1>{TITLE}</h1>", "<h1><span>Nahverkehr in Musterstadt:</span> <span>Stadtrat beschließt neuen Plan</span></h1>")
    two = two.replace(f"<title>{TITLE} | Kreisbote</title>", "<title>Nahverkehr in Musterstadt: Stadtrat beschließt neuen Plan | Kreisbote</title>")
    b2 = body_of(two.replace("</span> <span>", "</span><br><span>"))
    assert "Nahverkehr in Musterstadt" not in b2 and "Stadtrat beschließt neuen Plan" not in b2 and P[0][:50] in b2


def test_session8_a_short_text_beside_an_image_in_a_plain_box_is_its_caption() -> None:
    cap = "mid Musterstadt - Am Hafen entsteht ein neuer Umsteigepunkt mit überdachten Wartehäuschen. Stadtwerke"
    html = page(para(0) + f'<div><div><img src="a.jpg" alt=""><div>{cap}</div></div></div>' + para(1) + para(2) + para(3))
    a = parse_html(html, "x.html", "x")
    assert "Umsteigepunkt" not in a.body_text and P[1][:50] in a.body_text
    assert any("Umsteigepunkt" in c for c in a.captions)
