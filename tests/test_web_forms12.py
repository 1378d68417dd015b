"""Web ingestion, twelfth session (issue 15): markup forms of sites the dev pages lack (invented text, no ../shared).

Hidden elements, comment and newsletter forms, other stories' cards whose heading is a box, cookie-settings panels
the page did not mark, AMP tags: the forms the benchmark's stress variants ``--variant all|amp`` make of the dev
pages. Each rule is shown with a page where it must fire and one where it must not.
"""
from __future__ import annotations

from pipeline.ingest import parse_html
from pipeline.web.html import (_flat, _teaser_item, card_list_heads, drop_hidden_and_forms, form_box, is_hidden,
                               is_teaser_list, parse_tree, without_consent_runs)
from pipeline.web.profile import web_rules
from tests.test_web_forms import P, page


def para(i: int) -> str:
    return f"<p>{P[i]}</p>"


def _body(inner: str, **kw) -> str:
    return parse_html(page(inner, **kw), "x.html", "x").body_text


def test_hidden_box_short_hidden_texts_go_a_closed_faq_answer_stays() -> None:
    inner = (para(0) + "<span style='display:none'>18b7kz-1rt0ebt</span>" + para(1)
             + '<div hidden>Hier klicken, um das Antworten abzubrechen.</div>' + para(2) + para(3))
    body = _body(inner)
    assert all(p in body for p in P[:4]) and "18b7kz" not in body and "abzubrechen" not in body
    t = parse_tree(f'<div><p style="display: block">{P[0]}</p><p style="color:red; display : none !important">x</p>'
                   f'<div style="display:none">{P[1]} {P[2]}</div></div>')
    ps = list(t.iter("p"))
    assert not is_hidden(ps[0]) and is_hidden(ps[1])
    faq = [d for d in t.iter("div") if d.get("style")][0]
    assert not is_hidden(faq)       # 50 words: a closed answer the reader opens, article text


def test_form_box_a_comment_form_goes_with_its_label_a_page_wrapped_in_a_form_stays() -> None:
    form = ('<div><div>Was denkst du?</div><form action="/wp-comments-post.php" method="post"><div>'
            '<span>Deine E-Mail-Adresse wird nicht veröffentlicht.</span> Erforderliche Felder sind mit * markiert.'
            '</div><label>Name *</label><input type="text" name="author"><label>E-Mail *</label>'
            '<input type="email" name="email"><textarea name="comment"></textarea>'
            '<button>Kommentar abschicken</button></form></div>')
    body = _body("".join(para(i) for i in range(5)) + form)
    assert all(p in body for p in P) and "Was denkst du" not in body and "veröffentlicht" not in body
    assert "Name *" not in body
    # in the tree: the form's box with its label goes, not the article's container around it
    t = parse_tree(page("".join(para(i) for i in range(5)) + form))
    f = t.find(".//form")
    box = form_box(f, 400)
    assert box is f.getparent() and box.getparent().tag == "article"
    drop_hidden_and_forms(t, web_rules())
    assert t.find(".//form") is None and "Was denkst du" not in t.text_content() and P[4] in t.text_content()
    assert form_box(parse_tree(page(form)).find(".//form"), 60) is None    # a fifth of the page or more: kept
    # ASP.NET: the whole page in one form: the form holds the headline and the article
    html = page("".join(para(i) for i in range(5)))
    html = html.replace("<body>", '<body><form method="post" action="./artikel.aspx">').replace("</body>", "</form></body>")
    body = parse_html(html, "x.html", "x").body_text
    assert all(p in body for p in P)


def _cards(n: int, head_end: str = ".") -> str:
    heads = ["Fanta gibt es dank einer Notlage – und zwölf weitere Fakten zu Cola, Limo und Co",
             "Daytime Drinking mit Vermouth und Co – sieben Marken zum Ausprobieren",
             "Fertig Schnickschnack! Hier kommen vierzehn Cocktails mit nur zwei Zutaten",
             "Ich trinke ab sofort öfters Whiskey Sour und du solltest es auch tun"]
    return "<section>" + "".join(
        f'<div><div><div data-background-image="/img/{i}.jpg"></div><div><div>{heads[i]}{head_end}</div></div>'
        f'</div><a href="/drinks/{i}-artikel">Link zum Artikel</a></div>' for i in range(n)) + "</section>"


def test_card_box_head_cards_with_a_box_heading_and_a_link_label_go() -> None:
    body = _body("".join(para(i) for i in range(5)) + _cards(4), article=False)
    assert all(p in body for p in P)
    assert "Vermouth" not in body and "Whiskey Sour" not in body and "Link zum Artikel" not in body
    # the cards' headings (one ends in "Co.") are taken out of the lines whatever the extractor keeps
    heads = card_list_heads(parse_tree(page("".join(para(i) for i in range(5)) + _cards(4))))
    assert _flat("Fanta gibt es dank einer Notlage – und zwölf weitere Fakten zu Cola, Limo und Co.") in heads
    assert _flat("Ich trinke ab sofort öfters Whiskey Sour und du solltest es auch tun.") in heads


def test_card_box_head_a_box_with_two_links_is_no_card() -> None:
    box = ('<div><div><div>Weitere Informationen zum Nahverkehrsplan der Stadt und zu den Fahrplänen.</div>'
           '<a href="/plan.pdf">Plan</a> <a href="/fahrplan">Fahrplan</a></div>'
           '<div><div>Alle Beschlüsse des Stadtrats aus der Sitzung vom Dienstag im Überblick.</div>'
           '<a href="/beschluesse.pdf">Beschlüsse</a> <a href="/sitzung">Sitzung</a></div></div>')
    t = parse_tree(f"<html><body>{box}</body></html>")
    outer = t.find(".//body/div")
    assert not any(_teaser_item(k, labelled=True) for k in outer) and not is_teaser_list(outer, labelled=True)
    cards = parse_tree(f"<html><body>{_cards(4)}</body></html>").find(".//section")
    assert all(_teaser_item(k, labelled=True) for k in cards) and is_teaser_list(cards, labelled=True)
    assert not is_teaser_list(cards)    # unlabelled (the tree pruning): h2-h4 headings only, as before


PANEL = ["Cookie- und Datenschutzeinstellungen",
         "Wir verwenden Cookies, um Ihnen die auf unserer Webseite verfügbaren Dienste zur Verfügung zu stellen.",
         "Notwendige Website Cookies",
         "Diese Cookies sind unbedingt erforderlich, damit Sie unsere Webseite nutzen können.",
         "Hier klicken, um Google Maps zu aktivieren/deaktivieren.",
         "Cookie", "Dauer", "_ga",
         "Analytische Cookies helfen uns zu verstehen, wie Besucher mit der Website interagieren."]


def test_consent_run_a_cookie_settings_panel_goes() -> None:
    lines = [P[0], "", P[1], "", "Kontakt", *PANEL, P[2]]
    assert without_consent_runs(lines) == [P[0], "", P[1], "", "Kontakt", P[2]]


def test_consent_run_an_article_about_cookie_banners_stays() -> None:
    art = ["Die Datenschutzbehörden haben die Cookie-Banner großer Nachrichtenseiten geprüft und zahlreiche Mängel "
           "gefunden, wie die Behörde am Montag mitteilte.",
           "Viele Seiten machten es den Nutzern schwer, Cookies abzulehnen, heißt es in dem Bericht der Behörde.",
           "Nach Ansicht der Prüfer müssen Cookies, die nicht notwendig sind, mit einem Klick abgelehnt werden "
           "können. Die Betreiber haben nun drei Monate Zeit.",
           "Ein Sprecher des Verbands der Verleger sagte, man werde die Einstellungen der Seiten überarbeiten."]
    assert without_consent_runs(art) == art       # no line in the site's voice: a report, not a panel
    # a line of prose ends a run: the panel's first three lines go, the prose stays, the two after it are too few
    assert without_consent_runs(PANEL[:3] + [P[0]] + PANEL[3:5]) == [P[0]] + PANEL[3:5]


def test_amp_tags_ads_go_pictures_are_images() -> None:
    ad = ('<amp-ad width="300" height="250" type="doubleclick" data-slot="/41/banner"><div placeholder>Anzeige wird '
          'geladen</div><div fallback>Werbung: Jetzt Angebote vergleichen und sparen</div></amp-ad>')
    cap = "Der neue Bus der Linie zwölf an der Haltestelle Rathaus."
    fig = f'<figure><amp-img src="/bus.jpg" width="800" height="600" layout="responsive" alt=""></amp-img><figcaption>{cap}</figcaption></figure>'
    a = parse_html(page(para(0) + ad + para(1) + fig + para(2) + ad + para(3) + para(4)), "x.html", "x")
    assert all(p in a.body_text for p in P)
    assert "Anzeige wird geladen" not in a.body_text and "Angebote vergleichen" not in a.body_text
    assert cap not in a.body_text
    t = parse_tree('<html><body><amp-img src="/a.jpg"></amp-img><amp-analytics><script type="application/json">{}'
                   '</script></amp-analytics><amp-list src="/x.json"><p>Text</p></amp-list></body></html>')
    assert t.find(".//img") is not None and t.find(".//amp-analytics") is None
    assert t.find(".//amp-list") is not None      # not in the list: left as it is
