"""Web ingestion, round 7 (issue 15): page forms the dev pages show few of, as probe pages.

Live tickers, lists and tables as content, Q&A interviews, articles split into pages, teaser boxes and
"Lesen Sie auch" blocks inside the body, image galleries and captions without a credit, blog comments,
press-release footers, cookie walls, author notes, disclaimers, layout tables, side columns, short articles over
long lists of other stories. Each probe is a small page with a menu, a sidebar of most-read links and a
footer around the article, written for these tests with invented text (no third-party content); ``with`` text
must be in the body, ``without`` text must not (scored as the benchmark scores the gold snippets). Nothing here
needs ../shared.
"""
from __future__ import annotations

import re

import pytest

from pipeline.ingest import parse_html
from pipeline.web.html import (caption_box_texts, fill_gaps, is_author_note, is_layout_table, parse_tree,
                               without_author_note)

TITLE = "Stadtrat beschließt neuen Nahverkehrsplan"
P = [
    "Der Stadtrat hat am Dienstagabend nach langer Debatte einen neuen Nahverkehrsplan für die kommenden zehn Jahre beschlossen. Die Mehrheit stimmte für die Pläne der Verwaltung.",
    "Der Plan sieht vor, dass Busse in den Außenbezirken künftig alle zwanzig Minuten fahren. Bisher kam dort nur stündlich ein Bus, am Wochenende noch seltener.",
    "Kritik kam von der Opposition, die die Finanzierung für ungeklärt hält. Die Kosten von rund zwölf Millionen Euro sollen zum Teil aus Fördermitteln des Landes kommen.",
    "Die Verkehrsbetriebe wollen die ersten neuen Linien bereits im kommenden Frühjahr einrichten. Dafür werden zusätzliche Fahrerinnen und Fahrer gesucht.",
    "Oberbürgermeisterin Petra Lang sprach von einem guten Tag für die Stadt. Nun komme es darauf an, die Pläne schnell umzusetzen, sagte sie nach der Sitzung.",
]
def para(i): return f"<p>{P[i]}</p>"
NAV = ('<header class="site-header"><a href="/" class="logo"><img src="/logo.png" alt="Kreisbote"></a><nav><ul>'
       + "".join(f'<li><a href="/{x.lower()}">{x}</a></li>' for x in ["Startseite", "Lokales", "Politik", "Sport", "Kultur", "Wirtschaft"])
       + '</ul></nav></header>')
ASIDE = ('<aside class="sidebar"><h3>Meistgelesen</h3><ul>'
         + "".join(f'<li><a href="/m{i}">Feuerwehr rückt zu Großeinsatz in der Altstadt aus Nummer {i}</a></li>' for i in range(4))
         + '</ul></aside>')
FOOT = '<footer><ul><li><a href="/impressum">Impressum</a></li><li><a href="/ds">Datenschutz</a></li></ul><p>© 2023 Kreisbote Verlag GmbH</p></footer>'
def page(inner, head="", article=True, lead=True, before=""):
    h = f'<h1>{TITLE}</h1><p class="byline">Von Anna Maier</p><time datetime="2023-11-16T10:00:00+01:00">16.11.2023</time>'
    core = (f'<article class="article">{h}{inner}</article>' if article
            else f'<div class="content"><div class="text">{h}{inner}</div></div>')
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{TITLE} | Kreisbote</title>{head}</head>'
            f'<body>{before}{NAV}<main>{core}{ASIDE}</main>{FOOT}</body></html>')

PROBES: dict[str, tuple[str, list[str], list[str]]] = {}
def probe(name, inner, with_, without, **kw):
    PROBES[name] = (page(inner, **kw), with_, without)

# live ticker
tick = "".join(f'<div class="ticker-entry"><time class="ticker-time">{h}</time><h3>{t}</h3><p>{P[i]}</p></div>'
               for i, (h, t) in enumerate([("18:45 Uhr", "Abstimmung beginnt"), ("18:30 Uhr", "Opposition kritisiert Finanzierung"),
                                            ("18:10 Uhr", "Bürgermeisterin eröffnet Debatte"), ("17:55 Uhr", "Zuschauer drängen in den Saal")]))
probe("ticker", '<div class="liveblog">' + tick + '</div>', [P[0][:60], P[1][:60], P[2][:60], P[3][:60], "Opposition kritisiert Finanzierung"], ["Meistgelesen"])
probe("ticker_div", '<div class="liveblog">' + tick + '</div>', [P[0][:60], P[1][:60], P[2][:60], P[3][:60], "Opposition kritisiert Finanzierung"], ["Meistgelesen"], article=False)
# list as content
lst = "<p>Die wichtigsten Punkte des Plans im Überblick:</p><ul>" + "".join(
    f"<li>{x}</li>" for x in ["Busse in den Außenbezirken fahren alle zwanzig Minuten.", "Nachts gibt es am Wochenende zwei neue Linien.",
                              "Das Sozialticket kostet künftig nur noch 29 Euro im Monat.", "An zwölf Haltestellen entstehen neue Wartehäuschen."]) + "</ul>"
probe("list", para(0) + lst + para(1) + para(2), [P[0][:60], "Nachts gibt es am Wochenende zwei neue Linien", "Sozialticket kostet künftig", P[2][:60]], [])
probe("list_div", para(0) + lst + para(1) + para(2), [P[0][:60], "Nachts gibt es am Wochenende zwei neue Linien", "Sozialticket kostet künftig", P[2][:60]], [], article=False)
tbl = ("<table><thead><tr><th>Linie</th><th>Takt bisher</th><th>Takt neu</th></tr></thead><tbody>"
       "<tr><td>Linie 4 Nordstadt</td><td>60 Minuten</td><td>20 Minuten</td></tr><tr><td>Linie 7 Hafen</td><td>30 Minuten</td><td>15 Minuten</td></tr></tbody></table>")
probe("table", para(0) + para(1) + tbl + para(2), [P[0][:60], "Linie 7 Hafen", P[2][:60]], [])
# interview
qa = [("Frau Lang, warum braucht die Stadt einen neuen Nahverkehrsplan?", "Weil der alte Plan aus einer Zeit stammt, in der viel weniger Menschen in den Außenbezirken wohnten. Das hat sich grundlegend geändert."),
      ("Die Opposition sagt, die Finanzierung sei ungeklärt.", "Das sehe ich anders. Wir haben Zusagen des Landes, und den Rest tragen wir aus dem laufenden Haushalt."),
      ("Wann fahren die ersten Busse?", "Im Frühjahr, wenn alles klappt. Wir suchen dafür noch Fahrerinnen und Fahrer."),
      ("Und wenn es nicht klappt?", "Dann fahren sie im Sommer. Aber ich bin zuversichtlich.")]
iv1 = "<p>Oberbürgermeisterin Petra Lang über den Nahverkehr, die Kosten und die Kritik der Opposition.</p>" + "".join(f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in qa)
probe("interview_bold", iv1, [qa[0][0], qa[0][1][:50], qa[3][0], qa[3][1], qa[2][0]], [])
iv2 = "".join(f"<p><b>Kreisbote:</b> {q}</p><p><b>Lang:</b> {a}</p>" for q, a in qa)
probe("interview_names", iv2, [qa[0][0], qa[0][1][:50], qa[3][0], qa[3][1]], [])
iv3 = "".join(f"<h2>{q}</h2><p>{a}</p>" for q, a in qa)
probe("interview_h2", iv3, [qa[0][0], qa[0][1][:50], qa[3][0], qa[3][1], qa[2][0]], [])
# paginated
pager = '<div class="pagination"><span>Seite 1 von 3</span> <a href="?p=2">Nächste Seite</a> <a href="?p=3">3</a></div>'
probe("pages", para(0) + para(1) + para(2) + pager, [P[0][:60], P[2][:60]], ["Seite 1 von 3", "Nächste Seite"])
pager2 = '<nav class="article-pagination"><a href="?p=2">Weiter zu Seite 2: Was die Opposition kritisiert</a></nav>'
probe("pages2", para(0) + para(1) + para(2) + pager2, [P[0][:60], P[2][:60]], ["Was die Opposition kritisiert"])
# teaser boxes inside the body
tb = ('<div class="teaser-box"><a href="/x"><img src="x.jpg" alt=""><span class="kicker">Verkehr</span>'
      '<h3>Neue Radwege: Stadt baut an der Uferstraße</h3><p>Die Arbeiten beginnen im März und dauern voraussichtlich bis zum Herbst des kommenden Jahres.</p></a></div>')
probe("teaser_inline", para(0) + para(1) + tb + para(2) + para(3), [P[0][:60], P[2][:60], P[3][:60]], ["Neue Radwege: Stadt baut an der Uferstraße", "Die Arbeiten beginnen im März"])
tb2 = ('<div class="inline-teaser"><span>Auch interessant</span><h4><a href="/x">Neue Radwege: Stadt baut an der Uferstraße</a></h4>'
       '<p>Die Arbeiten beginnen im März und dauern voraussichtlich bis zum Herbst des kommenden Jahres, teilte das Bauamt mit.</p></div>')
probe("teaser_inline2", para(0) + para(1) + tb2 + para(2) + para(3), [P[0][:60], P[2][:60], P[3][:60]], ["Neue Radwege: Stadt baut an der Uferstraße", "Die Arbeiten beginnen im März", "Auch interessant"])
# Lesen Sie auch
ls1 = '<p><strong>Lesen Sie auch:</strong> <a href="/y">Neue Radwege: Stadt baut an der Uferstraße</a></p>'
probe("lesen_p", para(0) + para(1) + ls1 + para(2) + para(3), [P[0][:60], P[2][:60]], ["Neue Radwege: Stadt baut an der Uferstraße", "Lesen Sie auch"])
ls2 = ('<div class="related-inline"><p class="label">Mehr zum Thema</p><ul><li><a href="/a">Neue Radwege: Stadt baut an der Uferstraße</a></li>'
       '<li><a href="/b">Busfahrer streiken für mehr Lohn und bessere Arbeitszeiten</a></li></ul></div>')
probe("lesen_box", para(0) + para(1) + ls2 + para(2) + para(3), [P[0][:60], P[2][:60]], ["Neue Radwege: Stadt baut an der Uferstraße", "Busfahrer streiken für mehr Lohn", "Mehr zum Thema"])
ls3 = '<p>Lesen Sie auch: <a href="/y">Busfahrer streiken für mehr Lohn und bessere Arbeitszeiten</a></p>'
probe("lesen_plain", para(0) + para(1) + ls3 + para(2) + para(3), [P[0][:60], P[2][:60]], ["Busfahrer streiken für mehr Lohn"])
ls4 = '<p><a href="/y"><strong>Auch interessant: Busfahrer streiken für mehr Lohn und bessere Arbeitszeiten</strong></a></p>'
probe("lesen_link", para(0) + para(1) + ls4 + para(2) + para(3), [P[0][:60], P[2][:60]], ["Busfahrer streiken für mehr Lohn"])
# gallery
gal = ('<div class="gallery">' + "".join(
    f'<figure><img src="g{i}.jpg" alt=""><figcaption>{c} Foto: Anna Maier</figcaption></figure>'
    for i, c in enumerate(["Die neue Linie 4 fährt ab dem Frühjahr durch die Nordstadt.", "Am Hafen entsteht ein neuer Umsteigepunkt mit überdachten Wartehäuschen.", "Die Stadtratssitzung dauerte bis in den späten Abend."]))
    + '<div class="gallery-nav"><span>Bild 1 von 3</span><a>Zurück</a><a>Weiter</a></div></div>')
probe("gallery", para(0) + para(1) + gal + para(2) + para(3), [P[0][:60], P[2][:60], P[3][:60]], ["Am Hafen entsteht ein neuer Umsteigepunkt", "Bild 1 von 3", "Foto: Anna Maier"])
gal2 = ('<div class="image">' '<img src="g.jpg" alt=""><p class="text-small">Am Hafen entsteht ein neuer Umsteigepunkt mit überdachten Wartehäuschen. (Foto: Stadt)</p></div>')
probe("caption_p", para(0) + para(1) + gal2 + para(2) + para(3), [P[0][:60], P[2][:60], P[3][:60]], ["Am Hafen entsteht ein neuer Umsteigepunkt"])
# blog comments
cm = ('<div id="comments" class="comments-area"><h3 class="comments-title">3 Gedanken zu „' + TITLE + '“</h3><ol class="comment-list">'
      + "".join(f'<li class="comment"><div class="comment-author"><cite>Leser{i}</cite> sagt:</div><div class="comment-meta">17. November 2023 um 08:1{i} Uhr</div>'
                f'<p>Endlich tut sich etwas beim Nahverkehr, ich fahre seit Jahren mit dem Rad, weil der Bus nie kommt. Hoffentlich klappt das diesmal wirklich.</p></li>' for i in range(3))
      + '</ol><div id="respond"><h3>Schreibe einen Kommentar</h3><p>Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.</p></div></div>')
probe("comments", para(0) + para(1) + para(2) + cm, [P[0][:60], P[2][:60]], ["Endlich tut sich etwas beim Nahverkehr", "Schreibe einen Kommentar", "sagt:"])
cm2 = ('<section class="user-comments"><h2>Kommentare</h2>' + "".join(
    f'<div class="post"><span class="name">Leser{i}</span><p>Endlich tut sich etwas beim Nahverkehr, ich fahre seit Jahren mit dem Rad, weil der Bus nie kommt.</p><a href="#">Antworten</a></div>' for i in range(3)) + '</section>')
probe("comments2", para(0) + para(1) + para(2) + cm2, [P[0][:60], P[2][:60]], ["Endlich tut sich etwas beim Nahverkehr"])
# press release footer
pr = ("<p><strong>Über die Verkehrsbetriebe Musterstadt</strong><br>Die Verkehrsbetriebe Musterstadt GmbH betreiben 24 Bus- und drei Straßenbahnlinien und befördern jährlich rund 40 Millionen Fahrgäste.</p>"
      "<p><strong>Pressekontakt:</strong><br>Verkehrsbetriebe Musterstadt GmbH<br>Max Muster<br>Telefon: 0123 456789<br>E-Mail: presse@vb-musterstadt.de</p>"
      "<p>Original-Content von: Verkehrsbetriebe Musterstadt, übermittelt durch news aktuell</p>")
probe("press", para(0) + para(1) + para(2) + pr, [P[0][:60], P[2][:60]], ["presse@vb-musterstadt.de", "Telefon: 0123 456789", "übermittelt durch news aktuell"])
# cookie wall
ck = ('<div id="cookie-consent" class="cmp-overlay"><h2>Wir respektieren Ihre Privatsphäre</h2><p>Wir und unsere Partner verwenden Cookies und ähnliche Technologien, um Inhalte und Anzeigen zu personalisieren, Funktionen für soziale Medien anbieten zu können und die Zugriffe auf unsere Website zu analysieren. Mit Klick auf „Alle akzeptieren“ willigen Sie ein.</p>'
      '<button>Alle akzeptieren</button><button>Einstellungen</button></div>')
probe("cookie", para(0) + para(1) + para(2), [P[0][:60], P[2][:60]], ["Wir respektieren Ihre Privatsphäre", "verwenden Cookies und ähnliche Technologien", "Alle akzeptieren"], before=ck)
# author bio box at the end
bio = ('<div class="author-info"><img src="a.jpg"><div><h4>Anna Maier</h4><p>Anna Maier ist seit 2015 Redakteurin im Lokalteil und schreibt über Verkehr, Stadtplanung und Kommunalpolitik.</p></div></div>')
probe("author_bio", para(0) + para(1) + para(2) + bio, [P[0][:60], P[2][:60]], ["ist seit 2015 Redakteurin im Lokalteil"])
bio2 = ('<div class="autor"><p>Anna Maier ist seit 2015 Redakteurin im Lokalteil und schreibt über Verkehr, Stadtplanung und Kommunalpolitik.</p></div>')
probe("author_bio2", para(0) + para(1) + para(2) + bio2, [P[0][:60], P[2][:60]], ["ist seit 2015 Redakteurin im Lokalteil"])
# disclaimer
probe("disclaimer", para(0) + para(1) + para(2) + "<p><em>Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.</em></p>",
      [P[0][:60], P[2][:60]], ["gibt die Meinung des Autors wieder"])
# ad/newsletter inside
nl = ('<div class="newsletter-box"><h3>Der Kreisbote-Newsletter</h3><p>Alles Wichtige aus der Region jeden Morgen kostenlos in Ihrem Postfach.</p><input type="email"><button>Jetzt anmelden</button></div>')
probe("newsletter", para(0) + para(1) + nl + para(2) + para(3), [P[0][:60], P[2][:60], P[3][:60]], ["Alles Wichtige aus der Region", "Jetzt anmelden"])
# info box as content
ib = ('<div class="infobox"><h3>Hintergrund: Der Nahverkehrsplan</h3><p>Der Nahverkehrsplan legt fest, welche Linien in welchem Takt fahren. Städte müssen ihn nach dem Landesgesetz alle fünf Jahre überprüfen und dem Rat vorlegen.</p></div>')
probe("infobox", para(0) + para(1) + ib + para(2) + para(3), [P[0][:60], P[2][:60], "Städte müssen ihn nach dem Landesgesetz"], [])
# subheadings
sh = para(0) + "<h2>Busse alle zwanzig Minuten</h2>" + para(1) + "<h2>Kritik an der Finanzierung</h2>" + para(2) + para(3)
probe("subheads", sh, [P[0][:60], "Busse alle zwanzig Minuten", "Kritik an der Finanzierung", P[3][:60]], [])
probe("subheads_div", sh, [P[0][:60], "Busse alle zwanzig Minuten", "Kritik an der Finanzierung", P[3][:60]], [], article=False)
# blockquote
bq = '<blockquote><p>„Das ist ein guter Tag für alle, die auf den Bus angewiesen sind“, sagte die Vorsitzende des Fahrgastverbands.</p></blockquote>'
probe("blockquote", para(0) + para(1) + bq + para(2), [P[0][:60], "ein guter Tag für alle, die auf den Bus", P[2][:60]], [])
# social embed
tw = ('<div class="embed embed-twitter"><p>Externer Inhalt</p><p>Um mit Inhalten aus Twitter und anderen sozialen Netzwerken zu interagieren oder diese darzustellen, brauchen wir Ihre Zustimmung.</p><button>Inhalt laden</button></div>')
probe("embed", para(0) + para(1) + tw + para(2), [P[0][:60], P[2][:60]], ["brauchen wir Ihre Zustimmung", "Externer Inhalt"])
# short article (2 paras) with big sidebar teasers
probe("short", para(0) + para(1), [P[0][:60], P[1][:60]], ["Meistgelesen", "Feuerwehr rückt zu Großeinsatz"])
# share / tags at end
sh2 = '<div class="tags"><span>Schlagworte:</span><a>Nahverkehr</a><a>Stadtrat</a></div><div class="share"><a>Facebook</a><a>Twitter</a><a>E-Mail</a></div>'
probe("tags", para(0) + para(1) + para(2) + sh2, [P[0][:60], P[2][:60]], ["Schlagworte", "Facebook"])
# related articles with excerpts after article in div-soup
rel = ('<div class="related-articles"><h3>Das könnte Sie auch interessieren</h3>' + "".join(
    f'<div class="card"><a href="/r{i}"><h4>Busfahrer streiken für mehr Lohn Teil {i}</h4></a><p>Die Gewerkschaft ruft für Donnerstag zum Warnstreik auf, Busse und Bahnen stehen still.</p></div>' for i in range(3)) + '</div>')
probe("related_div", para(0) + para(1) + para(2) + rel, [P[0][:60], P[2][:60]], ["Das könnte Sie auch interessieren", "Busfahrer streiken für mehr Lohn", "Die Gewerkschaft ruft"], article=False)
# paywall cut
pw = '<div class="paywall"><h3>Weiterlesen mit Kreisbote+</h3><p>Testen Sie jetzt 4 Wochen für 0,99 Euro alle Artikel auf kreisbote.de.</p><a>Jetzt testen</a></div>'
probe("paywall", para(0) + para(1) + pw, [P[0][:60], P[1][:60]], ["Weiterlesen mit Kreisbote+", "Testen Sie jetzt 4 Wochen"])
# quoted subheading
probe("quote_head", para(0) + "<h3>«Ein guter Tag»</h3>" + para(1) + para(2) + "<h3>»Wir sind zuversichtlich«</h3>" + para(3),
      [P[0][:60], "«Ein guter Tag»", "»Wir sind zuversichtlich«", P[3][:60]], [])


def raw(name, body, w, wo, head=""):
    PROBES[name] = (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{TITLE} | Kreisbote</title>{head}</head><body>{NAV}{body}{FOOT}</body></html>', w, wo)
W = [x[:60] for x in P]
# 1 br-separated text in a div
raw("br_div", f'<div id="content"><h1>{TITLE}</h1><div class="text">' + "<br><br>".join(P) + '</div></div>' + ASIDE, W, ["Meistgelesen"])
raw("br_td", f'<table><tr><td class="nav"><a href="/">Start</a><br><a href="/l">Lokales</a></td><td class="main"><h1>{TITLE}</h1>' + "<br><br>".join(P) + '</td></tr></table>', W, ["Meistgelesen"])
# 2 article split by an ad
raw("split_ad", f'<main><h1>{TITLE}</h1><div class="article-body">{para(0)}{para(1)}</div><div class="ad-slot"><span>Anzeige</span></div><div class="article-body">{para(2)}{para(3)}{para(4)}</div></main>' + ASIDE, W, ["Anzeige"])
raw("split_div", f'<div class="col"><h1>{TITLE}</h1><div class="txt">{para(0)}{para(1)}</div><div class="img"><img src="a.jpg"><span>Foto: dpa</span></div><div class="txt2">{para(2)}</div><div>{para(3)}</div><div><div>{para(4)}</div></div></div>' + ASIDE, W, ["Foto: dpa"])
# 3 spans
raw("spans", f'<div class="story"><h1>{TITLE}</h1>' + "".join(f'<div class="para"><span>{p}</span></div>' for p in P) + '</div>' + ASIDE, W, ["Meistgelesen"])
raw("divs", f'<div class="story"><h1>{TITLE}</h1>' + "".join(f'<div>{p}</div>' for p in P) + '</div>' + ASIDE, W, ["Meistgelesen"])
# 7 short lines
short = ["Es ist vorbei.", "Der Bus kommt.", "Endlich.", "Zwanzig Minuten Takt.", "Wer hätte das gedacht?"]
raw("short_lines", f'<article><h1>{TITLE}</h1>{para(0)}' + "".join(f"<p>{s}</p>" for s in short) + f'{para(1)}{para(2)}</article>' + ASIDE, [W[0], "Der Bus kommt.", "Zwanzig Minuten Takt.", "Wer hätte das gedacht?", W[2]], ["Meistgelesen"])
# 10 long comments / related vs short article
longrel = '<div class="more">' + "".join(f'<div class="teaser"><h3><a href="/t{i}">Andere Meldung {i} aus der Region</a></h3><p>{P[(i+1)%5]}</p></div>' for i in range(8)) + '</div>'
raw("short_vs_long_related", f'<div class="page"><div class="art"><h1>{TITLE}</h1><p>Die Polizei sucht Zeugen eines Unfalls an der Kreuzung Hauptstraße und Bahnhofstraße am Montagmorgen. Ein Radfahrer wurde leicht verletzt.</p><p>Hinweise nimmt die Polizeiinspektion unter der Telefonnummer 0123 4567 entgegen.</p></div>{longrel}</div>',
    ["Die Polizei sucht Zeugen eines Unfalls", "Hinweise nimmt die Polizeiinspektion"], ["Andere Meldung 3 aus der Region", P[3][:50]])
# lead outside body container
raw("lead_outside", f'<div class="head"><h1>{TITLE}</h1><p class="intro">Die Busse sollen künftig öfter fahren: Der Stadtrat hat mit großer Mehrheit einen neuen Nahverkehrsplan beschlossen, der auch neue Linien vorsieht.</p></div><div class="body">{para(0)}{para(1)}{para(2)}</div>' + ASIDE,
    ["Die Busse sollen künftig öfter fahren", W[0], W[2]], ["Meistgelesen"])
# last para in separate element + signature
raw("tail_sep", f'<article><h1>{TITLE}</h1><div class="body">{para(0)}{para(1)}{para(2)}</div><div class="body-end"><p>{P[3]}</p></div></article>' + ASIDE, [W[0], W[3]], ["Meistgelesen"])
# section blocks
raw("sections", f'<article><h1>{TITLE}</h1>' + "".join(f'<section class="block"><h2>Abschnitt Nummer {i} des Plans</h2><p>{P[i]}</p></section>' for i in range(5)) + '</article>' + ASIDE, W + ["Abschnitt Nummer 2 des Plans"], ["Meistgelesen"])
# text with inline links dense
linky = "<p>Der <a href='/a'>Stadtrat</a> hat am <a href='/b'>Dienstagabend</a> den <a href='/c'>Nahverkehrsplan</a> der <a href='/d'>Verwaltung</a> beschlossen.</p>"
raw("linky", f'<article><h1>{TITLE}</h1>{para(0)}{linky}{para(1)}{para(2)}</article>' + ASIDE, [W[0], "Der Stadtrat hat am Dienstagabend den Nahverkehrsplan der Verwaltung beschlossen.", W[2]], ["Meistgelesen"])
# list of short items (bullets without sentence ends)
items = ["Linie 4: Nordstadt – Hauptbahnhof", "Linie 7: Hafen – Universität", "Linie 9: Südstadt – Klinikum"]
raw("short_list", f'<article><h1>{TITLE}</h1>{para(0)}<p>Neu sind diese Linien:</p><ul>' + "".join(f"<li>{x}</li>" for x in items) + f'</ul>{para(1)}{para(2)}</article>' + ASIDE, [W[0], items[1], "Neu sind diese Linien:", W[2]], ["Meistgelesen"])
# ordered list with links inside (sources)
raw("dl", f'<article><h1>{TITLE}</h1>{para(0)}<dl><dt>Kosten</dt><dd>rund zwölf Millionen Euro, zum Teil aus Landesmitteln</dd><dt>Start</dt><dd>im Frühjahr 2024</dd></dl>{para(1)}{para(2)}</article>' + ASIDE, [W[0], "rund zwölf Millionen Euro, zum Teil aus Landesmitteln", W[2]], ["Meistgelesen"])
# pre / code? skip. Headings h5 + strong pseudo headings
raw("strong_head", f'<article><h1>{TITLE}</h1>{para(0)}<p><strong>Was sich ändert</strong></p>{para(1)}<p><b>Was es kostet</b></p>{para(2)}</article>' + ASIDE, [W[0], "Was sich ändert", "Was es kostet", W[2]], ["Meistgelesen"])

CAP = "Am Hafen entsteht ein neuer Umsteigepunkt mit überdachten Wartehäuschen"
W3 = [P[0][:60], P[2][:60], P[3][:60]]
def capprobe(name, box, article=True, extra_wo=()):
    probe(name, para(0) + para(1) + box + para(2) + para(3), W3, [CAP] + list(extra_wo), article=article)
capprobe("cap_div_p", f'<div class="image"><img src="a.jpg" alt=""><p>{CAP}.</p></div>')
capprobe("cap_div_p_div", f'<div class="image"><img src="a.jpg" alt=""><p>{CAP}.</p></div>', article=False)
capprobe("cap_p_img_em", f'<p><img src="a.jpg" alt=""><br><em>{CAP}.</em></p>')
capprobe("cap_table", f'<table class="img"><tr><td><img src="a.jpg"></td></tr><tr><td>{CAP}. Foto: Stadt</td></tr></table>', extra_wo=["Foto: Stadt"])
capprobe("cap_bu", f'<div class="img"><img src="a.jpg"><span class="bu">{CAP}.</span></div>')
capprobe("cap_imgtext", f'<div class="img"><img src="a.jpg"><div class="image-text">{CAP}.</div></div>')
capprobe("cap_desc", f'<div class="img"><img src="a.jpg"><div class="image-description">{CAP}.</div><div class="image-copyright">© Stadt Musterstadt</div></div>', extra_wo=["© Stadt Musterstadt"])
capprobe("cap_alt", f'<div><img src="a.jpg" alt="{CAP}"></div><p>{CAP}</p>')
capprobe("cap_credit_sep", f'<figure><img src="a.jpg"><figcaption>{CAP}.</figcaption></figure><p class="credit">Foto: Anna Maier</p>', extra_wo=["Foto: Anna Maier"])
capprobe("credit_alone", f'<div class="img"><img src="a.jpg"></div><p>Foto: Anna Maier / Kreisbote</p>', extra_wo=["Foto: Anna Maier"])
capprobe("credit_alone2", f'<div class="img"><img src="a.jpg"></div><p>(Foto: Anna Maier)</p>', extra_wo=["Foto: Anna Maier"])
capprobe("cap_with_credit_p", f'<p><img src="a.jpg"></p><p>{CAP}. Foto: Anna Maier</p>', extra_wo=["Foto: Anna Maier"])
capprobe("cap_strong", f'<div class="pic"><a href="a.jpg"><img src="a.jpg"></a><p><small>{CAP}. (Foto: Stadt)</small></p></div>')
capprobe("cap_wpblock", f'<div class="wp-block-image"><figure class="aligncenter"><img src="a.jpg"><figcaption class="wp-element-caption">{CAP}.</figcaption></figure></div>')
capprobe("cap_gallery_ul", '<ul class="gallery">' + f'<li><img src="a.jpg"><span>{CAP}.</span></li><li><img src="b.jpg"><span>Die Stadtratssitzung dauerte bis in den späten Abend.</span></li></ul>', extra_wo=["Die Stadtratssitzung dauerte bis in den späten Abend"])
# a paragraph that just has an inline image at its start is article text
probe("img_in_para", para(0) + f'<p><img src="icon.png" alt="">{P[1]}</p>' + para(2), [P[0][:60], P[1][:60], P[2][:60]], [])
probe("img_div_para", para(0) + f'<div class="textimg"><img src="a.jpg" alt=""><p>{P[1]}</p><p>{P[4]}</p></div>' + para(2) + para(3), [P[0][:60], P[1][:60], P[4][:60], P[2][:60]], [])

W = [x[:60] for x in P]
TEAS = "Die Gewerkschaft ruft für Donnerstag zum Warnstreik auf, Busse und Bahnen stehen in der ganzen Region still."
navtd = '<td class="left" valign="top">' + "<br>".join(f'<a href="/{i}">Menüpunkt {i}</a>' for i in range(8)) + '</td>'
righttd = f'<td class="right" valign="top"><b>Aktuell</b><br><a href="/w">Warnstreik im Nahverkehr</a><br>{TEAS}<br><a href="/w">mehr</a></td>'
raw("layout_table", f'<table width="100%"><tr>{navtd}<td class="center" valign="top"><h1>{TITLE}</h1>' + "".join(f"<p>{p}</p>" for p in P) + f'</td>{righttd}</tr></table>',
    W, ["Menüpunkt 3", "Warnstreik im Nahverkehr", TEAS[:50]])
# nested layout tables (old CMS)
raw("layout_table2", f'<table><tr><td><table><tr>{navtd}</tr></table></td><td><table><tr><td><h1>{TITLE}</h1></td></tr><tr><td>' + "".join(f"<p>{p}</p>" for p in P) + f'</td></tr></table></td><td><table><tr>{righttd}</tr></table></td></tr></table>',
    W, ["Menüpunkt 3", "Warnstreik im Nahverkehr", TEAS[:50]])
# right column teaser box with prose, divs
raw("sidebar_prose", f'<div class="row"><div class="col-8"><h1>{TITLE}</h1>' + "".join(f"<p>{p}</p>" for p in P[:3]) + f'</div><div class="col-4"><div class="box"><h4>Aktuell</h4><p>{TEAS}</p><p>{TEAS.replace("Donnerstag","Freitag")}</p></div></div></div>',
    W[:3], [TEAS[:50]])
# article then a "more from this author" with excerpt paragraphs without headings
raw("more_excerpts", f'<main><article><h1>{TITLE}</h1>' + "".join(f"<p>{p}</p>" for p in P[:3]) + f'</article><section><h2>Weitere Nachrichten</h2><p>{TEAS} <a href="/x">mehr</a></p><p>{TEAS.replace("Donnerstag","Freitag")} <a href="/y">mehr</a></p></section></main>',
    W[:3], [TEAS[:50], "Weitere Nachrichten"])
# press release portal: body then boilerplate boxes
raw("presseportal", f'<div class="story"><h1>{TITLE}</h1><p class="date">16.11.2023 – 10:00</p><p>Musterstadt (ots)</p>' + "".join(f"<p>{p}</p>" for p in P[:3])
    + '<p>Rückfragen bitte an:</p><p>Stadt Musterstadt<br>Pressestelle<br>Max Muster<br>Telefon: 0123 456789<br>E-Mail: presse@musterstadt.de<br>http://www.musterstadt.de</p>'
    + '<p>Original-Content von: Stadt Musterstadt, übermittelt durch news aktuell</p></div>', W[:3], ["presse@musterstadt.de", "übermittelt durch news aktuell", "Telefon: 0123 456789", "Rückfragen bitte an"])
# forms
raw("form_labels", f'<article><h1>{TITLE}</h1>' + "".join(f"<p>{p}</p>" for p in P[:3]) + '<div class="comment-form"><p>Ihre E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.</p><p><label>Name *</label><input></p><p><label>Kommentar</label><textarea></textarea></p><p><input type="checkbox"> Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser speichern, bis ich wieder kommentiere.</p></div></article>',
    W[:3], ["wird nicht veröffentlicht", "in diesem Browser speichern"])
# reader prompts
raw("prompts", f'<article><h1>{TITLE}</h1>' + "".join(f"<p>{p}</p>" for p in P[:3]) + '<p>Gefällt Ihnen dieser Artikel?</p><p>Teilen Sie ihn mit Ihren Freunden!</p></article>', W[:3], ["Gefällt Ihnen dieser Artikel", "Teilen Sie ihn"])
raw("mid_prompts", f'<article><h1>{TITLE}</h1>{para(0)}<p>Wie gefällt Ihnen dieser Beitrag? Schreiben Sie uns Ihre Meinung an leserbriefe@kreisbote.de!</p>{para(1)}{para(2)}</article>', [W[0], W[2]], ["Wie gefällt Ihnen dieser Beitrag"])
# print-edition / source lines
raw("source_line", f'<article><h1>{TITLE}</h1>' + "".join(f"<p>{p}</p>" for p in P[:3]) + '<p>Dieser Artikel erschien zuerst in der Printausgabe des Kreisboten vom 16. November 2023.</p><p>Quelle: Stadt Musterstadt</p></article>', W[:3], ["erschien zuerst in der Printausgabe"])
# copyright footer inside article
raw("copyright", f'<article><h1>{TITLE}</h1>' + "".join(f"<p>{p}</p>" for p in P[:3]) + '<p>© Kreisbote 2023 - Alle Rechte vorbehalten. Vervielfältigung nur mit Genehmigung des Verlags.</p></article>', W[:3], ["Alle Rechte vorbehalten"])

# one-line furniture inside and at the end of the article: read-aloud players, reading times, bookmark and share
# bars, gallery and video pointers, polls, "Zum Thema" boxes, newsletter and messenger prompts, ratings, CMS
# footers (TYPO3 related news, Drupal tags, Joomla pagers, WordPress share/like/related), press contacts
W_ONE_LINE = [P[0][:60], P[1][:60], P[2][:60]]
def mid(name, junk_html, junk_texts, article=True):
    probe(name, para(0) + junk_html + para(1) + para(2), W_ONE_LINE, junk_texts, article=article)
def end(name, junk_html, junk_texts, article=True):
    probe(name, para(0) + para(1) + para(2) + junk_html, W_ONE_LINE, junk_texts, article=article)
mid("audio", '<div class="audio-player"><button>Artikel vorlesen lassen</button><span>00:00</span></div>', ["Artikel vorlesen lassen"])
mid("audio2", '<p>Hören Sie hier den Artikel als Audio-Version.</p>', ["Hören Sie hier den Artikel"])
mid("readtime", '<p>Lesezeit: 3 Minuten</p>', ["Lesezeit"])
mid("readtime2", '<span class="reading-time">3 Min. Lesezeit</span>', ["Lesezeit"])
mid("bookmark", '<div class="actions"><a>Merken</a> <a>Drucken</a> <a>Versenden</a></div>', ["Merken", "Versenden"])
mid("gallery_link", '<p><a href="/g">Zur Bildergalerie: So sieht der neue Busbahnhof aus (12 Bilder)</a></p>', ["Zur Bildergalerie"])
mid("video_label", '<div class="video"><p>Video: So sieht der neue Busbahnhof aus</p><p>Dauer: 02:13</p><button>Video abspielen</button></div>', ["So sieht der neue Busbahnhof aus", "Video abspielen"])
mid("poll", '<div class="poll"><p>Umfrage: Fahren Sie mit dem Bus zur Arbeit?</p><label>Ja</label><label>Nein</label><button>Abstimmen</button></div>', ["Fahren Sie mit dem Bus zur Arbeit", "Abstimmen"])
mid("zum_thema", '<aside class="inline-related"><h3>Zum Thema</h3><ul><li><a href="/a">Busfahrer streiken für mehr Lohn</a></li><li><a href="/b">Neue Radwege an der Uferstraße</a></li></ul></aside>', ["Busfahrer streiken", "Zum Thema"])
mid("zum_thema_p", '<p><strong>Zum Thema:</strong></p><p><a href="/a">Busfahrer streiken für mehr Lohn und bessere Arbeitszeiten in der Region</a></p>', ["Busfahrer streiken"])
mid("newsletter_text", '<p>Abonnieren Sie unseren kostenlosen Newsletter: Jeden Morgen die wichtigsten Nachrichten aus der Region in Ihrem Postfach.</p>', ["Abonnieren Sie unseren kostenlosen Newsletter"])
mid("whatsapp", '<p>Mehr Nachrichten aus Musterstadt gibt es in unserem WhatsApp-Kanal. Jetzt abonnieren!</p>', ["WhatsApp-Kanal"])
end("rating", '<div class="rating"><p>Wie hilfreich war dieser Artikel?</p><span>(4,5 von 5 Sternen)</span></div>', ["Wie hilfreich war dieser Artikel"])
end("typo3_related", '<div class="news-related-wrap"><h4>Ähnliche Nachrichten</h4><ul><li><a href="/a">Busfahrer streiken für mehr Lohn</a></li></ul></div>', ["Ähnliche Nachrichten", "Busfahrer streiken"])
end("drupal_tags", '<div class="field field-name-field-tags"><div class="field-label">Schlagworte:&nbsp;</div><div class="field-items"><a>Nahverkehr</a> <a>Stadtrat</a></div></div>', ["Schlagworte"])
end("joomla_pager", '<ul class="pager pagenav"><li class="previous"><a href="/p">« Zurück</a></li><li class="next"><a href="/n">Weiter »</a></li></ul>', ["Zurück", "Weiter »"])
end("wp_like", '<div class="sharedaddy"><h3>Teilen mit:</h3><ul><li><a>Facebook</a></li><li><a>Twitter</a></li></ul></div><div class="jp-relatedposts"><h3>Ähnliche Beiträge</h3></div><p>Gefällt mir Wird geladen …</p>', ["Teilen mit", "Ähnliche Beiträge", "Gefällt mir"])
end("hinweis_red", '<p><em>Hinweis der Redaktion: In einer früheren Version dieses Artikels hieß es, die Kosten lägen bei zehn Millionen Euro. Wir haben den Fehler korrigiert.</em></p>', [])
end("mitarbeit", '<p>Mitarbeit: Jan Ott</p>', ["Mitarbeit: Jan Ott"])
end("quelle_dpa", '<p>Mit Material der dpa</p>', ["Mit Material der dpa"])
end("ots_footer", '<p>Pressekontakt:</p><p>Stadt Musterstadt, Pressestelle, Rathausplatz 1, 12345 Musterstadt</p><p>Tel.: 0123 456789</p>', ["Rathausplatz 1", "Tel.: 0123"])
end("signature", '<p>(am)</p>', ["(am)"])
end("kontakt_box", '<div class="contact"><h4>Kontakt</h4><p>Verkehrsbetriebe Musterstadt<br>Hafenstraße 2<br>12345 Musterstadt</p></div>', ["Hafenstraße 2"])
end("more_button", '<p><a href="/lokales" class="btn">Weitere Nachrichten aus Musterstadt</a></p>', ["Weitere Nachrichten aus Musterstadt"])

# linked headlines of other stories inside the body, paywall prompts, a site slogan, a publisher line
H = "Warum der Busfahrplan im Winter schon wieder ausgedünnt wird"
mid("link_p", f'<p><a href="/x">{H}</a></p>', [H])
mid("link_h3", f'<h3><a href="/x">{H}</a></h3>', [H])
mid("link_div", f'<div class="title"><a href="/x">{H}</a></div>', [H])
mid("link_strong", f'<p><strong><a href="/x">{H}</a></strong></p>', [H])
mid("link_arrow", f'<p>&gt;&gt; <a href="/x">{H}</a></p>', [H])
end("link_end", f'<p><a href="/x">{H}</a></p><p><a href="/y">Neue Radwege an der Uferstraße sollen im Frühjahr fertig werden</a></p>', [H, "Neue Radwege an der Uferstraße"])
end("pw1", '<div class="offer"><p>Möchten Sie weiterlesen?</p><p>Ja. Ich bin Abonnent.</p><p>Ja. Ich benötige ein Abo.</p></div>', ["Möchten Sie weiterlesen", "Ich bin Abonnent", "Ich benötige ein Abo"])
end("pw2", '<p>Sie möchten den ganzen Artikel lesen?</p><p>Jetzt Abo abschließen und alle Artikel lesen.</p><p>Bereits Abonnent? Hier einloggen</p>', ["den ganzen Artikel lesen", "Abo abschließen", "Bereits Abonnent"])
end("pw3", '<p>Exklusiv für Abonnenten</p><p>Kein Abo? Jetzt 30 Tage kostenlos testen.</p><p>Registrieren Sie sich kostenlos und lesen Sie weiter.</p>', ["Exklusiv für Abonnenten", "Kein Abo", "Registrieren Sie sich kostenlos"])
probe("slogan_top", para(0) + para(1) + para(2), W_ONE_LINE, ["regional, schnell, kostenlos"], before='<div class="claim">Nachrichten aus dem Landkreis - regional, schnell, kostenlos, super digital</div>')
end("org_footer", '<p>Verein „Kreisbote – Die Bürgerzeitung“ · Vereinsregister 1234 · Sitz Musterstadt</p>', ["Vereinsregister"])
mid("subhead_link_own", f'<h2><a href="#abschnitt2">Busse alle zwanzig Minuten</a></h2>', [])

# a short report beside a longer column of other text (a box about the site, excerpts of other stories): the
# extractor keeps the row, the other column goes
OTHER = ['Die Feuerwehr musste am Sonntag zu einem Brand in einer Lagerhalle im Gewerbegebiet ausrücken, verletzt wurde niemand.', 'Beim Sommerfest des Schützenvereins feierten mehr als tausend Gäste bis in die Nacht, die Kapelle spielte bis Mitternacht.', 'Die Handballerinnen des Turnvereins gewinnen das Derby gegen den Nachbarort deutlich und stehen nun an der Tabellenspitze.']
LONG = " ".join(["Unser Verein setzt sich seit über dreißig Jahren für einen besseren Nahverkehr in der Region ein und vertritt die Interessen der Fahrgäste gegenüber Politik und Verkehrsunternehmen."] * 1) 
LONG2 = "Wer Mitglied wird, unterstützt unsere Arbeit und erhält viermal im Jahr unser Mitgliedermagazin mit Berichten, Terminen und Hintergründen zum Verkehr in der Region."
short_art = f'<h1>{TITLE}</h1><p>{P[0]}</p><p>{P[1]}</p><p>{P[3]}</p><p>{P[4]}</p>'
raw("short_vs_about", f'<div class="wrap"><div class="main">{short_art}</div><div class="side"><h3>Über uns</h3><p>{LONG}</p><p>{LONG2}</p><p>{LONG} {LONG2}</p></div></div>', [P[0][:60], P[1][:60]], ["Unser Verein setzt sich", "Wer Mitglied wird"])
raw("short_vs_about_before", f'<div class="wrap"><div class="side"><h3>Über uns</h3><p>{LONG}</p><p>{LONG2}</p><p>{LONG} {LONG2}</p></div><div class="main">{short_art}</div></div>', [P[0][:60], P[1][:60]], ["Unser Verein setzt sich", "Wer Mitglied wird"])
cards = "".join(f'<div class="c"><span class="kicker">Region</span><p>{OTHER[i % 3]} {LONG2}</p><a href="/r{i}">mehr</a></div>' for i in range(6))
raw("short_vs_cards_noheading", f'<div class="wrap"><article>{short_art}</article><div class="list">{cards}</div></div>', [P[0][:60], P[1][:60]], ["Die Feuerwehr musste", "Beim Sommerfest", "Wer Mitglied wird"])
raw("short_in_table_vs_teasers", f'<table><tr><td>{short_art}</td></tr><tr><td>' + "".join(f'<p><b>Region</b> {OTHER[i % 3]} <a href="/r{i}">mehr</a></p>' for i in range(6)) + '</td></tr></table>', [P[0][:60], P[1][:60]], ["Die Feuerwehr musste", "Beim Sommerfest"])

# more caption forms: a styled line under the picture's block, a <p> in a figure, a picture box
capprobe("small_after", f'<div><img src="a.jpg"></div><p><small>{CAP}.</small></p>')
capprobe("figure_p", f'<figure><img src="a.jpg"><p>{CAP}.</p></figure>')
capprobe("picture", f'<div class="picture"><picture><source srcset="a.webp"><img src="a.jpg"></picture><span>{CAP}.</span></div>')
capprobe("em_after", f'<p><img src="a.jpg"></p><p><em>{CAP}.</em></p>')
capprobe("i_after_credit", f'<p><img src="a.jpg"></p><p><i>{CAP}. Bild: Stadt</i></p>')
capprobe("span_desc", f'<div class="article-image"><img src="a.jpg"><div class="description"><span>{CAP}.</span><span class="copyright">Stadt Musterstadt</span></div></div>', extra_wo=["Stadt Musterstadt"])


def _ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.mark.parametrize("name", sorted(PROBES))
def test_round7_page_forms(name: str) -> None:
    html, with_, without = PROBES[name]
    body = _ws(parse_html(html, "x.html", "x").body_text)
    assert [x for x in with_ if _ws(x) not in body] == []
    assert [x for x in without if _ws(x) in body] == []


def test_round7_captions_without_a_credit_go_to_captions_an_inline_image_paragraph_stays() -> None:
    html, _, _ = PROBES["cap_div_p"]
    a = parse_html(html, "x.html", "x")
    assert "Am Hafen entsteht ein neuer Umsteigepunkt mit überdachten Wartehäuschen." in a.captions
    keys = caption_box_texts(parse_tree(PROBES["img_in_para"][0]))
    assert not any("derplansiehtvor" in k for k in keys)


def test_round7_author_notes_and_a_book_authors_line() -> None:
    assert is_author_note("Anna Maier ist seit 2015 Redakteurin im Lokalteil.", ["Anna Maier"])
    assert is_author_note("Die Autorin ist freie Journalistin in Berlin.", [])
    assert is_author_note("Über den Autor: Jan Ott arbeitet als Korrespondent in Wien.", ["Jan Ott"])
    # a review's last line on the book's author, and the article's subject, are article text
    assert not is_author_note("Der Autor ist 1970 in Dresden geboren und lebt heute in Leipzig.", ["Anna Maier"])
    assert not is_author_note("Petra Lang ist seit 2019 Oberbürgermeisterin.", ["Anna Maier"])
    lines = [P[0], P[1], "Anna Maier ist seit 2015 Redakteurin im Lokalteil."]
    assert without_author_note(lines, ["Anna Maier"]) == [P[0], P[1]]
    assert without_author_note(["Anna Maier ist Redakteurin."], ["Anna Maier"]) == ["Anna Maier ist Redakteurin."]


def test_round7_layout_tables_and_data_tables() -> None:
    layout = parse_tree(PROBES["layout_table"][0])
    assert [is_layout_table(t) for t in layout.iter("table")] == [True]
    data = parse_tree(PROBES["table"][0])
    assert [is_layout_table(t) for t in data.iter("table")] == [False]


def test_round7_fill_gaps_puts_back_an_article_cut_off_at_its_end_not_what_follows_it() -> None:
    tree = parse_tree(page("".join(f"<p>{p}</p>" for p in P) + "<p>Mehr lesen</p>"))
    assert fill_gaps(tree, "\n".join(P[:3])).split("\n") == P
    # the article's container is the whole page (no wrapper below <body>): nothing is added
    tree = parse_tree(f"<html><body><h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in P) + "</body></html>")
    assert fill_gaps(tree, "\n".join(P[:3])).split("\n") == P[:3]


def test_round7_a_lead_marked_teaser_is_article_text_a_card_teaser_is_not() -> None:
    for cls in ("teaser", "article-teaser", "text-teaser"):
        html = page(f'<p class="{cls}">{P[0]}</p>' + "".join(f"<p>{p}</p>" for p in P[1:]))
        assert parse_html(html, "x.html", "x").body_text.split("\n\n") == P
    # an excerpt of another story marked "teaser" after the article's own prose is no lead
    card = ('<div class="more"><h3><a href="/w">Warnstreik im Nahverkehr</a></h3><p class="teaser">Die Gewerkschaft '
            'ruft für Donnerstag zum Warnstreik auf, Busse und Bahnen stehen in der ganzen Region still.</p></div>')
    body = parse_html(page("".join(f"<p>{p}</p>" for p in P) + card), "x.html", "x").body_text
    assert body.split("\n\n")[0] == P[0] and "Warnstreik" not in body


@pytest.mark.parametrize("box", ["<section>{}</section>", "<center>{}</center>"])
def test_round7_prose_straight_in_a_section_or_center_box_is_put_back(box: str) -> None:
    # the extractor drops text that stands in such a box without a paragraph of its own
    html = page("".join(f"<p>{p}</p>" for p in P[:2]) + box.format(P[2]) + "".join(f"<p>{p}</p>" for p in P[3:]))
    assert parse_html(html, "x.html", "x").body_text.split("\n\n") == P


def test_round7_the_article_going_on_in_a_second_column_stays() -> None:
    # the headline's column holds the lead, the next column the rest of the article: it shares its nouns
    rest = [P[2], P[3], P[4]]
    html = ('<html><body><div class="wrap"><div class="col-12">' + f"<h1>{TITLE}</h1><p>{P[0]}</p><p>{P[1]}</p>"
            + '</div><div class="col-8"><h2>Kritik an der Finanzierung</h2>' + "".join(f"<p>{p}</p>" for p in rest)
            + "</div></div></body></html>")
    body = parse_html(html, "x.html", "x").body_text
    assert all(p in body for p in P)


def test_round7_a_paragraph_after_an_image_and_a_line_break_is_article_text() -> None:
    short = "Der Stadtrat tagt am Dienstag erneut und berät über die Kosten des Plans."
    html = page(f'<p>{P[0]}</p><p><img src="a.jpg"><br>{short}</p>' + "".join(f"<p>{p}</p>" for p in P[1:]))
    assert short in parse_html(html, "x.html", "x").body_text


def test_round7_a_text_with_image_block_keeps_its_text() -> None:
    html = page(f'<p>{P[0]}</p><div class="text-image"><img src="a.jpg"><p>{P[1]}</p></div>'
                + "".join(f"<p>{p}</p>" for p in P[2:]))
    assert parse_html(html, "x.html", "x").body_text.split("\n\n") == P


def test_round7_a_bold_subheading_after_a_picture_stays() -> None:
    html = page(f'<p>{P[0]}</p><p><img src="a.jpg"></p><p><strong>Busse alle zwanzig Minuten</strong></p>'
                + "".join(f"<p>{p}</p>" for p in P[1:]))
    assert "Busse alle zwanzig Minuten" in parse_html(html, "x.html", "x").body_text


@pytest.mark.parametrize("head", ['<div class="zwischentitel">{}</div>', "<p><strong>{}</strong></p>"])
def test_round7_a_subheading_set_as_a_styled_box_or_bold_paragraph_is_put_back(head: str) -> None:
    # the extractor drops short boxes; one right before kept text is a subheading
    sub = "Busse alle zwanzig Minuten"
    html = page(f"<p>{P[0]}</p><p>{P[1]}</p>" + head.format(sub) + "".join(f"<p>{p}</p>" for p in P[2:])
                + '<div class="credit">Foto: Anna Maier</div>')
    body = parse_html(html, "x.html", "x").body_text.split("\n\n")
    assert body == [P[0], P[1], sub, *P[2:]]


@pytest.mark.parametrize("label", ["Weiterlesen nach der Anzeige", "Artikel wird unterhalb fortgesetzt",
                                   "Lesen Sie nach der Werbung weiter", "Bild 1 von 5", "Artikel teilen per E-Mail"])
@pytest.mark.parametrize("wrap", ['<div class="x">{}</div>', "<p><strong>{}</strong></p>"])
def test_round7_ad_break_gallery_and_share_labels_are_no_subheadings(label: str, wrap: str) -> None:
    html = page(f"<p>{P[0]}</p>" + wrap.format(label) + "".join(f"<p>{p}</p>" for p in P[1:]))
    assert parse_html(html, "x.html", "x").body_text.split("\n\n") == P


def test_round7_a_notice_over_the_article_is_no_subheading() -> None:
    # a short unstyled box between the headline and the first paragraph is a notice or label, not a subheading
    note = "Bei diesem Beitrag handelt es sich um ein Blog aus der Community"
    label = "Ein Beitrag aus unserer Reihe Stadtgespräche"
    html = page(f'<div>{label}</div><p>{P[0]}</p>' + "".join(f"<p>{p}</p>" for p in P[1:]), before=f"<div>{note}</div>")
    body = parse_html(html, "x.html", "x").body_text
    assert note not in body and label not in body and body.split("\n\n") == P
