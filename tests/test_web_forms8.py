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

# the page forms of the brief: live tickers, interviews, pagers, fact boxes, "Mehr zum Thema", press-release
# footers, comment sections without a class, newsletter boxes, related-article lists inside <article>
B3 = para(0) + para(1) + para(2)
# --- live tickers
t1 = "".join(f'<p><strong>+++ {h} Uhr +++</strong></p><p>{P[i]}</p>' for i, h in enumerate(["18:45", "18:30", "18:10", "17:55"]))
probe("tick_plus", '<p>Wir berichten live aus der Ratssitzung. Aktualisieren Sie die Seite für neue Einträge.</p>' + t1, W[:4], ["Aktualisieren Sie die Seite"])
t2 = '<div class="live-entries">' + "".join(f'<div class="entry"><div class="entry-meta"><span>{h}</span> <span>Anna Maier</span></div><div class="entry-body"><p>{P[i]}</p></div><div class="entry-share"><a>Teilen</a> <a>Link kopieren</a></div></div>' for i, h in enumerate(["vor 5 Min.", "vor 20 Min.", "vor 1 Std.", "vor 2 Std."])) + '</div><button>Mehr Einträge laden</button>'
probe("tick_entries", t2, W[:4], ["Link kopieren", "Mehr Einträge laden", "vor 20 Min."])
t3 = '<ul class="timeline">' + "".join(f'<li><time>{h}</time><h3>{t}</h3><p>{P[i]}</p></li>' for i, (h, t) in enumerate([("18:45", "Abstimmung läuft"), ("18:30", "Kritik der Opposition"), ("18:10", "Debatte eröffnet"), ("17:55", "Saal voll besetzt")])) + '</ul>'
probe("tick_ul", t3, W[:4] + ["Kritik der Opposition"], [])
# --- interviews
qa = [("Frau Lang, warum braucht die Stadt einen neuen Nahverkehrsplan?", "Weil der alte Plan aus einer Zeit stammt, in der viel weniger Menschen in den Außenbezirken wohnten. Das hat sich grundlegend geändert."),
      ("Die Opposition sagt, die Finanzierung sei ungeklärt.", "Das sehe ich anders. Wir haben Zusagen des Landes, und den Rest tragen wir aus dem laufenden Haushalt."),
      ("Wann fahren die ersten Busse?", "Im Frühjahr, wenn alles klappt. Wir suchen dafür noch Fahrerinnen und Fahrer."),
      ("Und wenn es nicht klappt?", "Dann fahren sie im Sommer. Aber ich bin zuversichtlich.")]
probe("iv_frage", "".join(f"<p>Frage: {q}</p><p>Antwort: {a}</p>" for q, a in qa), [qa[0][0], qa[3][0], qa[3][1], qa[2][1]], [])
probe("iv_em", "".join(f"<p><em>{q}</em></p><p>{a}</p>" for q, a in qa), [qa[0][0], qa[3][0], qa[3][1], qa[2][0]], [])
probe("iv_dl", "<dl>" + "".join(f"<dt>{q}</dt><dd>{a}</dd>" for q, a in qa) + "</dl>", [qa[0][0], qa[3][0], qa[3][1], qa[2][0]], [])
probe("iv_div", "".join(f'<div class="question">{q}</div><div class="answer">{a}</div>' for q, a in qa), [qa[0][0], qa[3][0], qa[3][1], qa[2][0]], [])
probe("iv_short_q", "".join(f"<p><b>{q}</b> {a}</p>" for q, a in qa), [qa[0][0], qa[3][0], qa[3][1]], [])
probe("iv_intro_end", "<p><i>Das Gespräch führte Anna Maier.</i></p>" + "".join(f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in qa) + '<p><em>Zur Person: Petra Lang (52) ist seit 2019 Oberbürgermeisterin von Musterstadt.</em></p>', [qa[0][0], qa[3][1]], ["Das Gespräch führte"])
# --- paginated
probe("pag_select", B3 + '<div class="pager"><label>Seite</label><select><option>1: Der Beschluss</option><option>2: Die Kritik</option></select><a href="?p=2">Weiter</a></div>', W[:3], ["Der Beschluss", "Die Kritik"])
probe("pag_onepage", '<p><a href="?single=1">Artikel auf einer Seite lesen</a></p>' + B3 + '<p>Seite 1 / 2</p>', W[:3], ["auf einer Seite lesen", "Seite 1 / 2"])
probe("pag_nums", B3 + '<div class="paging"><a href="?p=1">1</a> <a href="?p=2">2</a> <a href="?p=3">3</a> <a href="?p=2">vor</a></div><p>Lesen Sie auf Seite 2: Was die Opposition an dem Plan kritisiert</p>', W[:3], ["Lesen Sie auf Seite 2", "Was die Opposition an dem Plan"])
probe("pag_toc", '<div class="toc"><p>Inhaltsverzeichnis</p><ol><li><a href="#a">Der Beschluss</a></li><li><a href="#b">Die Kritik</a></li></ol></div>' + B3, W[:3], ["Inhaltsverzeichnis"])
# --- fact boxes
fb = '<div class="box"><h3>Info</h3><p>Der Nahverkehrsplan legt fest, wie oft Busse und Bahnen fahren. Städte müssen ihn nach dem Landesgesetz alle fünf Jahre erneuern.</p></div>'
probe("fact_box", para(0) + para(1) + fb + para(2), W[:3] + ["Städte müssen ihn nach dem Landesgesetz"], [])
# --- Mehr zum Thema inside the body
probe("mzt_inline", para(0) + '<p><strong>Mehr zum Thema:</strong> <a href="/x">Busfahrer streiken für mehr Lohn</a></p>' + para(1) + para(2), W[:3], ["Busfahrer streiken", "Mehr zum Thema"])
probe("mzt_h_ul", para(0) + para(1) + '<h3>Mehr zum Thema</h3><ul><li><a href="/a">Busfahrer streiken für mehr Lohn und bessere Bedingungen</a></li><li><a href="/b">Neue Radwege an der Uferstraße sollen im Frühjahr fertig werden</a></li></ul>' + para(2) + para(3), W[:4], ["Busfahrer streiken", "Neue Radwege", "Mehr zum Thema"])
probe("mzt_card", para(0) + para(1) + '<div class="embed"><a href="/x"><img src="x.jpg"><div><span>Nahverkehr</span><h3>Busfahrer streiken für mehr Lohn</h3><p>Die Gewerkschaft ruft für Donnerstag zum Warnstreik auf. Betroffen sind alle Linien.</p></div></a></div>' + para(2) + para(3), W[:4], ["Busfahrer streiken", "Die Gewerkschaft ruft"])
probe("auch_lesen_arrow", para(0) + '<p>→ <a href="/x">Auch interessant: Busfahrer streiken für mehr Lohn</a></p>' + para(1) + para(2), W[:3], ["Busfahrer streiken"])
# --- press release footers
probe("pr_about", B3 + '<p><strong>Über die Verkehrsbetriebe Musterstadt</strong></p><p>Die Verkehrsbetriebe Musterstadt GmbH befördern jährlich rund 40 Millionen Fahrgäste und beschäftigen 1.200 Mitarbeiterinnen und Mitarbeiter.</p><p>Pressekontakt:<br>Max Muster<br>Tel. 0123 456789<br>presse@vb-musterstadt.de</p>', W[:3], ["presse@vb-musterstadt.de", "Tel. 0123"])
probe("pr_medien", B3 + '<p>Medienkontakt: Max Muster, Telefon 0123 456789, E-Mail presse@vb-musterstadt.de</p><p>V.i.S.d.P.: Petra Lang</p>', W[:3], ["Medienkontakt", "V.i.S.d.P"])
probe("pr_download", B3 + '<p>Download: <a href="/p.pdf">Pressemitteilung als PDF (120 KB)</a></p><p>Bildmaterial: <a href="/b.zip">Fotos zum Download</a></p>', W[:3], ["als PDF", "Fotos zum Download"])
probe("pr_ende", B3 + '<p>Ende der Pressemitteilung</p><p>Emittent/Herausgeber: Verkehrsbetriebe Musterstadt GmbH</p>', W[:3], ["Ende der Pressemitteilung", "Emittent/Herausgeber"])
# --- comment sections
cmt = ''.join(f'<div class="c-item"><p class="c-author">Leser{i} schrieb am 16.11.2023 um 12:0{i}:</p><p>Endlich tut sich etwas beim Nahverkehr, das wurde auch Zeit, ich fahre jeden Tag mit dem Bus zur Arbeit und warte ewig.</p><a>Antworten</a> <a>Melden</a></div>' for i in range(3))
probe("cmt_plain", B3 + '<h3>3 Kommentare</h3>' + cmt, W[:3], ["Endlich tut sich etwas", "schrieb am"])
probe("cmt_div", B3 + '<div><h2>Kommentare</h2>' + cmt + '<p>Um zu kommentieren, melden Sie sich bitte an.</p></div>', W[:3], ["Endlich tut sich etwas", "melden Sie sich bitte an"])
probe("cmt_closed", B3 + '<p>Die Kommentarfunktion wurde geschlossen.</p>', W[:3], ["Kommentarfunktion"])
probe("cmt_count", B3 + '<p>Kommentare (12)</p><p>Diskutieren Sie mit! Die Regeln für Kommentare finden Sie in unserer Netiquette.</p>', W[:3], ["Kommentare (12)", "Netiquette"])
# --- newsletter boxes
probe("nl_box_noclass", para(0) + para(1) + '<div><h3>Newsletter</h3><p>Die wichtigsten Nachrichten aus Musterstadt jeden Morgen kostenlos in Ihr Postfach.</p><input type="email" placeholder="E-Mail-Adresse"><button>Anmelden</button></div>' + para(2) + para(3), W[:4], ["wichtigsten Nachrichten aus Musterstadt jeden Morgen", "Anmelden"])
probe("nl_box_form", para(0) + para(1) + '<form action="/nl"><p><strong>Bleiben Sie informiert!</strong></p><p>Mit unserem Newsletter erhalten Sie alle wichtigen Meldungen aus der Region.</p><input><button>Abonnieren</button></form>' + para(2) + para(3), W[:4], ["Bleiben Sie informiert", "Mit unserem Newsletter"])
probe("nl_end", B3 + '<p>Sie wollen keine Nachricht aus Musterstadt verpassen? Dann melden Sie sich für unseren Newsletter an.</p>', W[:3], ["keine Nachricht aus Musterstadt verpassen"])
# --- related-article lists inside <article>
rel1 = '<section><h2>Das könnte Sie auch interessieren</h2>' + ''.join(f'<article class="card"><a href="/r{i}"><h3>Andere Meldung Nummer {i} aus der Region Musterstadt</h3></a><p>Kurzer Anriss der anderen Meldung mit einigen Worten Text {i}.</p></article>' for i in range(3)) + '</section>'
probe("rel_cards", B3 + rel1, W[:3], ["Das könnte Sie auch interessieren", "Andere Meldung Nummer 1", "Kurzer Anriss"])
rel2 = '<div><p><strong>Weitere Artikel:</strong></p><ul>' + ''.join(f'<li><a href="/r{i}">Andere Meldung Nummer {i} aus der Region Musterstadt</a> <span>16.11.2023</span></li>' for i in range(3)) + '</ul></div>'
probe("rel_list_dates", B3 + rel2, W[:3], ["Weitere Artikel", "Andere Meldung Nummer 1"])
rel3 = ''.join(f'<div><a href="/r{i}"><img src="r{i}.jpg"></a><a href="/r{i}">Andere Meldung Nummer {i} aus der Region Musterstadt</a></div>' for i in range(3))
probe("rel_imgs_mid", para(0) + para(1) + rel3 + para(2) + para(3), W[:4], ["Andere Meldung Nummer 1"])

# a subheading like a comment heading, followed by the article's prose: stays
probe("reactions_subhead", para(0) + para(1) + para(2) + para(3) + "<h2>Reaktionen</h2>" + para(4)
      + "<p>Die Fraktionen meldeten sich am Mittwoch zu Wort: Die Grünen begrüßten den Plan, die FDP schrieb von einem teuren Wunschzettel.</p>",
      W + ["Reaktionen", "Die Fraktionen meldeten sich"], [])

# more forms that already work and must keep working: summaries, <br> text in articleBody, updates, gallery counters,
# author boxes, source lists, a lead beside an ad slot or under a picture, inline related links, video embeds, FAQs,
# ratings, print footers, image credits
summ = '<div class="summary"><h2>Das Wichtigste in Kürze</h2><ul><li>Busse fahren in den Außenbezirken künftig alle zwanzig Minuten.</li><li>Die Kosten liegen bei rund zwölf Millionen Euro.</li><li>Die ersten neuen Linien starten im Frühjahr.</li></ul></div>'
probe("summary_top", summ + BODY5, W + ["Die Kosten liegen bei rund zwölf Millionen Euro."], [])
raw("br_itemprop", f'<div class="page"><h1>{TITLE}</h1><div itemprop="articleBody">' + "<br><br>".join(P[:2]) + '<br><br><div class="ad"><span>Anzeige</span></div>' + "<br><br>".join(P[2:]) + '</div></div>' + ASIDE, W, ["Anzeige"])
probe("update_top", '<p><strong>Update, 18:30 Uhr:</strong> Die Abstimmung ist beendet, der Plan wurde mit 32 zu 12 Stimmen angenommen.</p>' + BODY5, W + ["Die Abstimmung ist beendet"], [])
probe("gallery_counter", para(0) + para(1) + '<div class="gallery"><div class="slide"><img src="a.jpg"><p class="count">1/12</p><p>Am Hafen entsteht ein neuer Umsteigepunkt mit überdachten Wartehäuschen.</p></div></div>' + para(2) + para(3), W[:4], ["1/12", "Am Hafen entsteht"])
probe("author_box_end", BODY5 + '<div class="author"><img src="am.jpg"><p><strong>Anna Maier</strong></p><p>Redakteurin Lokales</p><p><a href="mailto:am@kreisbote.de">E-Mail an die Autorin</a></p></div>', W, ["Redakteurin Lokales", "E-Mail an die Autorin"])
probe("sources", BODY5 + '<div class="sources"><p><strong>Quellen</strong></p><ul><li>Stadt Musterstadt: Nahverkehrsplan 2024–2034, Beschlussvorlage 123/2023</li><li>Verkehrsbetriebe Musterstadt, Geschäftsbericht 2022</li></ul><button>Quellen ausblenden</button></div>', W, ["Quellen ausblenden"])
probe("lead_same_box", f'<p>{LEAD}</p>' + '<div class="ad"><span>Anzeige</span></div>' + BODY5, [LEAD[:60]] + W, ["Anzeige"])
probe("lead_after_img", f'<figure><img src="a.jpg"><figcaption>Ein Bus am Hafen. Foto: Anna Maier</figcaption></figure><p>{LEAD}</p>' + BODY5, [LEAD[:60]] + W, ["Foto: Anna Maier"])
probe("inline_related_p", para(0) + para(1) + '<p class="related"><a href="/x">Busfahrer streiken für mehr Lohn und bessere Arbeitsbedingungen in der ganzen Region</a></p>' + para(2), W[:3], ["Busfahrer streiken"])
probe("video_embed", para(0) + '<div class="video-container"><iframe src="https://youtube.com/embed/x"></iframe><p>Video: Der neue Busbahnhof im Zeitraffer (1:32 Min.)</p></div>' + para(1) + para(2), W[:3], ["im Zeitraffer"])
probe("date_line_mid", para(0) + para(1) + '<p>16.11.2023, 10:00 Uhr</p>' + para(2), W[:3], ["16.11.2023, 10:00"])
probe("byline_bottom", BODY5 + '<p>Anna Maier</p>', W, [])
probe("kicker_label_top", '<p class="dachzeile">Nahverkehr</p>' + BODY5, W, [])
probe("faq", BODY5 + '<h2>Häufige Fragen</h2><h3>Wann fahren die ersten Busse?</h3><p>Die ersten neuen Linien starten im Frühjahr, wenn genug Personal gefunden ist.</p><h3>Was kostet das Ticket?</h3><p>Die Preise bleiben nach Angaben der Verkehrsbetriebe zunächst unverändert.</p>', W + ["Wann fahren die ersten Busse?", "Die Preise bleiben nach Angaben"], [])
probe("rating_stars", BODY5 + '<div class="rating"><span>★★★★☆</span><span>4,2 von 5 (128 Bewertungen)</span></div>', W, ["128 Bewertungen"])
probe("print_footer", BODY5 + '<p class="print-only">Dieser Artikel wurde ausgedruckt unter der Adresse: https://www.kreisbote.de/lokales/nahverkehr</p>', W, ["ausgedruckt unter der Adresse"])
probe("copyright_img", BODY5 + '<p>Titelbild: Anna Maier / Kreisbote</p>', W, ["Titelbild: Anna Maier"])

# notices spoken to the reader at the end of the article: affiliate disclosures, app and follow prompts, calls for
# tips and feedback, AI notes, polls, series pointers (a transparency note, a source line, "ohne Gewähr" stay)
def mid(name, junk, wo): probe(name, para(0) + junk + para(1) + para(2), W[:3], wo)


def end(name, junk, wo): probe(name, B3 + junk, W[:3], wo)


end("affiliate", '<p><em>Hinweis: Dieser Artikel enthält Affiliate-Links. Wenn Sie über diese Links einkaufen, erhalten wir eine Provision. Für Sie ändert sich am Preis nichts.</em></p>', ["Affiliate-Links", "erhalten wir eine Provision"])
end("affiliate2", '<p>*Bei den mit Sternchen gekennzeichneten Links handelt es sich um Affiliate-Links.</p>', ["Affiliate-Links"])
end("hinweis_tipp", '<p>Sie haben einen Hinweis für uns? Schreiben Sie uns an redaktion@kreisbote.de oder per WhatsApp.</p>', ["Sie haben einen Hinweis für uns"])
end("mehr_nachrichten", '<p>Mehr Nachrichten aus Musterstadt finden Sie hier.</p>', ["Mehr Nachrichten aus Musterstadt"])
mid("lesen_br", '<p><strong>Lesen Sie auch:</strong><br><a href="/a">Busfahrer streiken für mehr Lohn</a><br><a href="/b">Neue Radwege an der Uferstraße</a></p>', ["Busfahrer streiken", "Neue Radwege"])
end("transparenz", '<p>Transparenzhinweis: Die Reise wurde von der Tourismuszentrale Musterstadt unterstützt.</p>', [])
end("ki_hinweis", '<p>Dieser Text wurde mit Unterstützung von KI erstellt und von der Redaktion geprüft.</p>', ["mit Unterstützung von KI"])
end("app_promo", '<p>Laden Sie sich jetzt die kostenlose App des Kreisboten herunter und verpassen Sie keine Nachricht mehr.</p>', ["kostenlose App des Kreisboten"])
end("google_news", '<p>Folgen Sie dem Kreisboten auch auf Google News.</p>', ["Google News"])
end("feedback", '<p>Haben Sie Anregungen oder Kritik? Schreiben Sie uns eine E-Mail.</p>', ["Anregungen oder Kritik"])
mid("leserfrage", '<p><strong>Ihre Meinung ist gefragt:</strong> Was halten Sie vom neuen Nahverkehrsplan? Stimmen Sie ab!</p>', ["Stimmen Sie ab"])
end("serie", '<p><em>Alle Folgen unserer Serie „Mobil in Musterstadt“ finden Sie unter kreisbote.de/mobil.</em></p>', ["Alle Folgen unserer Serie"])
end("redaktion_stand", '<p>Redaktionsschluss: 16.11.2023, 18:00 Uhr</p>', ["Redaktionsschluss"])
end("angaben_ohne", '<p>Alle Angaben ohne Gewähr.</p>', [])
end("foto_credit_end", '<p>Fotos: Anna Maier, Stadt Musterstadt</p>', ["Fotos: Anna Maier"])
end("quelle_line", '<p>Quelle: Stadt Musterstadt, Pressemitteilung vom 16.11.2023</p>', [])

# a ticker's "Reaktionen" section with time stamps is no comment section
probe("ticker_reactions", para(0) + para(1) + para(2) + "<h2>Reaktionen</h2><p>16.11.2023, 18:30 Uhr</p>" + para(3)
      + "<p>16.11.2023, 18:45 Uhr</p>" + para(4), W, [])


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


def test_session8_wordpress_state_classes_are_no_furniture_boxes() -> None:
    # WordPress puts the post's tags and categories on <article> ("tag-…", "category-…") and its state on <body>
    # ("cookies-not-set"): the blocks inside are article text, so dropped ones are put back as anywhere else
    from pipeline.web.html import fill_gaps, parse_tree
    html = page("".join(f"<p>{p}</p>" for p in P) + "<p>Mehr lesen</p>")
    for a, b in (('<article class="article">', '<article class="post tag-nahverkehr tag-stadtrat category-lokales">'),
                 ("<body>", '<body class="single-post cookies-not-set">')):
        html = html.replace(a, b)
    assert fill_gaps(parse_tree(html), "\n".join(P[:3])).split("\n") == P
    # a card of another story marked as such stays a teaser
    card = page("".join(f"<p>{p}</p>" for p in P)).replace('<article class="article">', '<article class="teaser">')
    assert fill_gaps(parse_tree(card), "\n".join(P[:3])).split("\n") == P[:3]


def test_session8_a_subheading_after_a_picture_is_put_back() -> None:
    sub = "Busse alle zwanzig Minuten"
    html = page(f"<p>{P[0]}</p><p>{P[1]}</p><div class='zw'>{sub}</div><figure><img src='a.jpg'></figure>"
                + "".join(f"<p>{p}</p>" for p in P[2:]))
    body = parse_html(html, "x.html", "x").body_text.split("\n\n")
    assert body == [P[0], P[1], sub, *P[2:]]


def test_session8_page_dump_trail_with_separators_after_its_items() -> None:
    from pipeline.web.dump import crumb_section
    raw = ["Menü schließen", "", "  • Home  › ", "  • Presse+Aktuelles  › ", "  • Pressemitteilungen", "",
           "Minister besucht Windpark im Landkreis", ""]
    assert crumb_section(raw, 6, "Minister besucht Windpark im Landkreis") == "Presse+Aktuelles / Pressemitteilungen"
    # a plain menu (no separators) is still no trail
    raw = ["  • Home", "  • Presse", "  • Kontakt", "", "Minister besucht Windpark im Landkreis", ""]
    assert crumb_section(raw, 4, "Minister besucht Windpark im Landkreis") is None


def test_session8_page_dump_glued_trail_and_a_menu_label_under_the_headline() -> None:
    from pipeline.web.dump import crumb_section
    raw = ["  • Politik", "", "Home›Lokales›Verkehr", "", "Spezial: Nahverkehr in der Region", "",
           "Stadtrat beschließt neuen Nahverkehrsplan", ""]
    assert crumb_section(raw, 6, "Stadtrat beschließt neuen Nahverkehrsplan") == "Lokales / Verkehr"
    menu = ["  • Startseite", "  • Lokales", "  • Verkehr", "  • Sport", ""]
    raw = menu + ["Stadtrat beschließt neuen Nahverkehrsplan", "", "Anna Maier", "16. November 2023", "Verkehr", "12", ""]
    assert crumb_section(raw, 5, "Stadtrat beschließt neuen Nahverkehrsplan") == "Verkehr"
    # a label that is no menu item, or a sentence after the date, is no section
    raw = menu + ["Stadtrat beschließt neuen Nahverkehrsplan", "", "16. November 2023", "Kommentare", ""]
    assert crumb_section(raw, 5, "Stadtrat beschließt neuen Nahverkehrsplan") is None
