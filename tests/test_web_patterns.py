"""Web ingestion, rounds 4 and 5 (issue 15): patterns of German news pages that the dev pages showed and the big
sites use (SZ, FAZ, SPIEGEL, WELT, tagesschau, MDR, stern, regional papers, press releases); round 5 adds the
markup of ZEIT, n-tv, t-online, FOCUS, RND papers, dpa portals, WordPress blogs and presseportal, and body rules
written for German news HTML in general (notices, captions, pull quotes, lists, dropped in-article blocks).

Every page and dump below is a small hand-written fixture in the markup or text-browser layout of such a
site, with invented text (no third-party content); nothing here needs ../shared.
"""
from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from pipeline.ingest import _find_date, parse_html, parse_scraped_text
from pipeline.registry import RuleError
from pipeline.web import profile
from pipeline.web.dump import article_text, name_line
from pipeline.web.html import byline_authors, is_byline
from pipeline.web.htmlmeta import parse_ld_json

BERLIN = ZoneInfo("Europe/Berlin")

PARAS = [
    "Die Bundesregierung hat sich nach langen Verhandlungen auf einen Haushalt für das kommende Jahr geeinigt. "
    "Das teilten Regierungssprecher am Donnerstag in Berlin mit.",
    "Der Entwurf sieht Einsparungen in mehreren Ressorts vor, vor allem beim Verkehr und bei der "
    "Entwicklungshilfe. Die Opposition kritisierte die Pläne als unsozial und kündigte Widerstand im Bundestag an.",
    "Der Haushaltsausschuss soll den Entwurf in der kommenden Woche beraten; die Abstimmung im Parlament ist für "
    "Dezember geplant.",
]
BODY = "\n".join(f"<p>{p}</p>" for p in PARAS)
TITLE = "Ampel einigt sich auf Sparpaket"


def ld(**kw) -> str:
    d = {"@context": "https://schema.org", "@type": "NewsArticle"}
    d.update(kw)
    return f'<script type="application/ld+json">{json.dumps(d, ensure_ascii=False)}</script>'


def page(head: str, body: str) -> str:
    return f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


# ----------------------------------------------------------------------------- HTML: headline block
SITE_PAGES = {
    # SPIEGEL: the headline is an <h2> of two spans (kicker, title) in the article's intro header
    "spiegel": page(
        f"<title>Haushalt 2024: {TITLE} - DER SPIEGEL</title>"
        f'<meta property="og:title" content="Haushalt 2024: {TITLE}"><meta name="author" content="DER SPIEGEL">'
        '<link rel="canonical" href="https://www.spiegel.de/politik/deutschland/haushalt-a-123.html">'
        + ld(headline=TITLE, datePublished="2023-11-16T05:12:00+01:00",
             author=[{"@type": "Person", "name": "Anna Maier"}, {"@type": "Person", "name": "Jan Ott"}],
             publisher={"@type": "Organization", "name": "DER SPIEGEL"}),
        f'<main><article><header data-area="intro"><h2><span class="text-primary-base">Haushalt 2024</span> '
        f'<span class="align-middle">{TITLE}</span></h2>'
        '<div class="authors">Von <a href="/a1">Anna Maier</a> und <a href="/a2">Jan Ott</a></div>'
        f'<time datetime="2023-11-16 05:12:00">16.11.2023, 05.12 Uhr</time></header>'
        f"<section>{BODY}</section></article></main>"),
    # FAZ: kicker and title spans in an <h2 class="header-title">, byline with the city
    "faz": page(
        f"<title>Haushalt: {TITLE} | FAZ</title>"
        '<link rel="canonical" href="https://www.faz.net/aktuell/politik/inland/haushalt-123.html">'
        + ld(headline=TITLE, datePublished="2023-11-16T06:00:00+01:00", author=[{"@type": "Person", "name": "Anna Maier"}]),
        f'<article><h2 class="header-title"><span class="header-label">Haushalt</span>'
        f'<span class="header-title__text">{TITLE}</span></h2>'
        '<span class="atc-MetaAuthor">Von Anna Maier, Berlin</span>'
        f'<time datetime="2023-11-16T06:00:00+01:00">16.11.2023 06:00</time>{BODY}</article>'),
    # WELT: a topic line over the h1 that is the head of "Haushalt: <title>"; a later <meta name="date">
    "welt": page(
        f'<title>Haushalt: {TITLE} - WELT</title><meta property="og:title" content="Haushalt: {TITLE} - WELT">'
        '<meta name="date" content="2023-11-18T10:00:00Z">'
        + ld(headline=TITLE, datePublished="2023-11-16T16:21:00Z",
             author=[{"@type": "Person", "name": "Anna Maier"}, {"@type": "Person", "name": "Jan Ott"}]),
        f'<article><header><div class="c-topic">Haushalt</div><h1 class="c-headline">{TITLE}</h1>'
        '<div class="c-author">Von Anna Maier, Jan Ott</div>'
        f'<div class="c-publish-date">Veröffentlicht am 16.11.2023</div></header>{BODY}</article>'),
    # tagesschau: kicker and title as spans of a header block, "Stand:" line, byline with the studio
    "tagesschau": page(
        f"<title>{TITLE} | tagesschau.de</title>"
        '<link rel="canonical" href="https://www.tagesschau.de/inland/haushalt-101.html">'
        + ld(headline=TITLE, datePublished="2023-11-16T17:52:00+01:00", author={"@type": "Organization", "name": "tagesschau"}),
        f'<article><div class="seitenkopf__data"><span class="seitenkopf__topline">Haushalt</span>'
        f'<span class="seitenkopf__headline--text">{TITLE}</span></div>'
        '<p class="metatextline">Stand: 16.11.2023 19:04 Uhr</p>'
        '<div class="authorline__author"><em>Von Anna Maier und Jan Ott, ARD-Hauptstadtstudio</em></div>'
        f"{BODY}</article>"),
}


@pytest.mark.parametrize("site", sorted(SITE_PAGES))
def test_headline_block_never_stays_in_the_body(site: str) -> None:
    a = parse_html(SITE_PAGES[site], f"{site}.html", site)
    assert a.title == TITLE
    assert a.body_text.split("\n\n") == PARAS
    assert a.published_at.astimezone(BERLIN).date() == date(2023, 11, 16)
    assert a.authors[0] == "Anna Maier"
    assert all(x not in ("DER SPIEGEL", "tagesschau", "Berlin") for x in a.authors)


def test_visible_h2_headline_without_h1_and_the_issue_number_of_og_title() -> None:
    html = page('<meta property="og:title" content="Der historische Purzelbaum (2021/5)">'
                "<title>Der historische Purzelbaum (2021/5): alacarte</title>",
                '<div class="content"><h2>Der historische Purzelbaum</h2>'
                '<p>Text von Christian Seiler     Illustration von Markus Roost</p>' + BODY + "</div>")
    a = parse_html(html, "x.html", "x")
    assert a.title == "Der historische Purzelbaum"
    assert a.authors == ["Christian Seiler"]           # the illustrator is no author
    assert "Illustration" not in a.body_text


# ----------------------------------------------------------------------------- HTML: metadata
def test_tolerant_json_ld() -> None:
    assert parse_ld_json('[{"@type": "BreadcrumbList", "itemListElement": []}];') == \
        [{"@type": "BreadcrumbList", "itemListElement": []}]
    assert parse_ld_json('<!--\n{"@type": "NewsArticle", "headline": "A",}\n-->') == {"@type": "NewsArticle", "headline": "A"}
    assert parse_ld_json('{"a": 1}\n{"b": 2}') == [{"a": 1}, {"b": 2}]
    assert parse_ld_json("kein json") is None
    crumbs = ('[{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":['
              '{"@type":"ListItem","position":1,"item":{"@id":"https://x.de/","name":"Home"}},'
              '{"@type":"ListItem","position":2,"item":{"@id":"https://x.de/presse","name":"Presse"}},'
              '{"@type":"ListItem","position":3,"item":{"@id":"https://x.de/pm","name":"Pressemitteilungen"}}]}];')
    html = page(f'<script type="application/ld+json">{crumbs}</script>',
                f'<ul class="menu breadcrumb-menu"><li><a href="/aktionen">Aktionen</a></li></ul><h1>{TITLE}</h1>{BODY}')
    assert parse_html(html, "x.html", "x").section == "Presse / Pressemitteilungen"


def test_visible_trail_beats_a_generic_json_ld_trail_when_the_article_section_names_it() -> None:
    ld_crumbs = json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Startseite", "item": "https://x.de/"},
            {"@type": "ListItem", "position": 2, "name": "Alle News", "item": "https://x.de/alle-news/"},
            {"@type": "ListItem", "position": 3, "name": TITLE}]},
        {"@type": "Article", "headline": TITLE, "articleSection": ["Werkstatt"]}]})
    html = page(f'<script type="application/ld+json">{ld_crumbs}</script>',
                '<ul class="breadcrumbs__list"><li><a href="/">Start</a></li><li><a href="/werkstatt/">Werkstatt</a>'
                f"</li></ul><h1>{TITLE}</h1>{BODY}")
    assert parse_html(html, "x.html", "x").section == "Werkstatt"


def test_trail_held_in_one_list_item() -> None:
    html = page("", '<div class="breadcrumbs"><ul><li class="path"><a href="/">Beispielblatt</a> › '
                    '<a href="/reisen/">Reisen</a> › <a href="/reisen/x/">Der historische Purzelbaum (2021/5)</a></li>'
                    f'<li class="back"><a href="/reisen/">‹ Zurück</a></li></ul></div><h1>Der historische Purzelbaum</h1>{BODY}')
    assert parse_html(html, "x.html", "x").section == "Reisen"


def test_theme_maker_is_no_author_and_a_one_word_json_ld_person_is() -> None:
    html = page('<meta name="author" content="Peter Beispiel">', f"<h1>{TITLE}</h1>{BODY}"
                "<footer>Theme by Peter Beispiel</footer>")
    assert parse_html(html, "x.html", "x").authors == []
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Person", "@id": "https://x.de/#p1", "name": "Stefanus"},
        {"@type": "Article", "headline": TITLE, "author": {"@id": "https://x.de/#p1"}}]}
    html = page(f'<script type="application/ld+json">{json.dumps(graph)}</script>', f"<h1>{TITLE}</h1>{BODY}")
    assert parse_html(html, "x.html", "x").authors == ["Stefanus"]
    # an organisation's one word, or a city, is still no author
    graph["@graph"][0]["name"] = "Redaktion"
    html = page(f'<script type="application/ld+json">{json.dumps(graph)}</script>', f"<h1>{TITLE}</h1>{BODY}")
    assert parse_html(html, "x.html", "x").authors == []


def test_name_alone_next_to_the_date_under_the_headline() -> None:
    html = page("", f'<div class="section"><h3>Auto</h3><h1 class="section_title">{TITLE}</h1>'
                    '<div class="event_date">5. November 2021, 10:39 Uhr</div>'
                    '<div class="event_info"><i class="fa fa-pencil"></i> <span>Solveig Beispiel</span></div>'
                    f"{BODY}</div>")
    a = parse_html(html, "x.html", "x")
    assert a.authors == ["Solveig Beispiel"]
    assert "Solveig" not in a.body_text


def test_press_release_date_line_and_a_validity_date_is_none() -> None:
    html = page("<title>Land fördert Radwege | Ministerium</title>",
                "<main><h1>Land fördert Radwege</h1><p>Pressemitteilung Nr. 123/2023 vom 16.11.2023</p>"
                f"{BODY}</main>")
    a = parse_html(html, "x.html", "x")
    assert a.published_at.date() == date(2023, 11, 16) and a.published_precision == "day"
    assert a.body_text.split("\n\n") == PARAS
    html = page("", f"<main><h1>Land fördert Radwege</h1><p>Gültig bis 31.12.2024</p>{BODY}</main>")
    assert parse_html(html, "x.html", "x").published_at is None


@pytest.mark.parametrize("line, authors", [
    ("Anna Maier, dpa", ["Anna Maier"]),
    ("Anna Maier und Jan Ott (dpa/AFP)", ["Anna Maier", "Jan Ott"]),
    ("Von unserer Redakteurin Anna Maier", ["Anna Maier"]),
    ("Von unserem Korrespondenten Jan Ott, Brüssel", ["Jan Ott"]),
    ("Ein Kommentar von Anna Maier", ["Anna Maier"]),
    ("Text: Anna Maier, Fotos: Jan Ott", ["Anna Maier"]),
    ("VON ANNA MAIER UND JAN OTT", ["Anna Maier", "Jan Ott"]),
    ("von Dr. Anna Maier", ["Dr. Anna Maier"]),
    ("Von Anna Maier mit Material von dpa", ["Anna Maier"]),
    ("Die Polizei sucht Zeugen, dpa", []),
    ("Berlin, dpa", []),
])
def test_byline_forms(line: str, authors: list[str]) -> None:
    assert byline_authors([line], profile.web_rules(), set()) == authors
    assert is_byline(line, []) == bool(authors)


# ----------------------------------------------------------------------------- dates
def test_german_and_english_date_forms() -> None:
    assert _find_date("16 Oktober 2011, 10:55")[0] == datetime(2011, 10, 16, 10, 55, tzinfo=BERLIN)
    assert _find_date("November 6, 2023")[0] == datetime(2023, 11, 6, tzinfo=BERLIN)
    assert _find_date("Fri, 14 Feb 2025 12:35:00 GMT") is None     # RFC dates are parsed elsewhere, as UTC


def test_not_published_labels_are_validated() -> None:
    data = profile.yaml.safe_load(profile.RULES_FILE.read_text(encoding="utf-8"))
    data["not_published_labels"] = ["(unclosed"]
    with pytest.raises(RuleError, match="not_published_labels"):
        profile.parse(data)
    del data["not_published_labels"]
    del data["share_words"]
    assert profile.parse(data).not_published_labels == ()     # optional: an older web.yaml stays valid


# ----------------------------------------------------------------------------- page dumps
MENU = ["  • Startseite", "  • Politik", "  • Wirtschaft", "  • Sport", "  • Kultur", "[logo]",
        "Suche [                    ] [Suchen]", ""]
FOOT = ["", "Mehr zum Thema", "", "  • Sturm: Straßen weiter gesperrt", "", "━━━━━━━━━━━━━━━━━━━━", "Impressum",
        "© 2023 Beispielverlag"]


def dump(*header: str, paras: list[str] = PARAS) -> str:
    lines = list(MENU) + list(header) + [""]
    for p in paras:
        lines += [p, ""]
    return "\n".join(lines + FOOT)


def test_dump_judgment_date_is_no_publication_date() -> None:
    t = dump("You are here:", "", "  • Home", "  • Urteile", "  • BGH: Rezeptportal haftet", "", "Urteil", "",
             "BGH: Rezeptportal haftet", "", "16 Oktober 2011, 10:55", "", "Rechtsanwalt Dennis Beispiel", "",
             "  • Urteile", "", "BUNDESGERICHTSHOF", "", "Aktenzeichen: I ZR 1/07", "", "Verkündet am: 12.11.2009",
             "", "Leitsätze des Gerichts:")
    a = parse_scraped_text(t, "x.txt", "x")
    assert a.title == "BGH: Rezeptportal haftet"
    assert a.published_at.astimezone(BERLIN) == datetime(2011, 10, 16, 10, 55, tzinfo=BERLIN)
    assert a.authors == ["Dennis Beispiel"]


def test_dump_sentence_ending_in_a_date_is_no_date_line() -> None:
    t = dump(TITLE, "", "Die Frist für Einwände endet am 31.12.2023.")
    art = article_text(t)
    assert art.published is None


def test_dump_date_line_with_place_tags_anchors_the_headline() -> None:
    t = dump("BockenemPolizei", "", "Hund vertreibt Einbrecher – Zeugenaufruf", "",
             "Beispielpresse 1. November 2023 Bockenem, Nordstraße, Polizei",
             paras=["Am 31.10.2023, gegen 23:40 Uhr, kam es in der Nordstraße zu einem versuchten Einbruch in ein "
                    "Wohnhaus, bei dem die Täter vom Hund des Bewohners vertrieben wurden."] + PARAS[1:])
    a = parse_scraped_text(t, "x.txt", "x")
    assert a.title == "Hund vertreibt Einbrecher – Zeugenaufruf"
    assert a.published_at.date() == date(2023, 11, 1)


def test_dump_name_line_next_to_the_date_is_the_byline() -> None:
    a = parse_scraped_text(dump(TITLE, "", "16.11.2023, 18:56", "Oliver Beispiel", "Oliver Beispiel"), "x.txt", "x")
    assert a.authors == ["Oliver Beispiel"]
    assert "Oliver" not in a.body_text
    # a byline that names no person wins over a name line (a tag next to the date)
    art = article_text(dump(TITLE, "", "Ultium Cells", "Autor: Die Redaktion", "Veröffentlicht am 06.12.2022"))
    assert art.authors == []
    assert name_line("Rechtsanwalt Dennis Beispiel") == ["Dennis Beispiel"]
    assert name_line("Die Opposition kritisiert den Plan.") == []
    assert name_line("Von Anna Maier") == []       # a "Von" byline is read as one


def test_dump_trail_list_without_home_link_ends_in_the_headline() -> None:
    t = "\n".join(MENU + ["  • Leben", "  • Drinks", "  • Der Sazerac ist der Klassiker aus New Orleans", "", "  • ",
                          "", "Heute lernen wir einen Cocktail", "", "Bild: Agentur", "", "19.10.19, 18:56",
                          "Oliver Beispiel", "", "Mehr «Leben»", "", "Neun Gins, die du kennen solltest", "",
                          "Link zum Artikel", ""]
                  + sum(([p.replace("Bundesregierung", "Sazerac-Runde"), ""] for p in PARAS), [])
                  + ["Der Sazerac wird mit Rye Whiskey, Zucker und Bitters aus New Orleans gemixt und im Glas mit "
                     "Absinth serviert, wie es der Klassiker verlangt.", ""] + FOOT)
    a = parse_scraped_text(t, "x.txt", "x")
    assert a.title == "Der Sazerac ist der Klassiker aus New Orleans"
    assert a.section == "Leben / Drinks"
    assert a.authors == ["Oliver Beispiel"]
    assert a.published_at.astimezone(BERLIN) == datetime(2019, 10, 19, 18, 56, tzinfo=BERLIN)


def test_dump_headline_right_above_the_date_line_when_the_body_has_not_its_words() -> None:
    t = dump("«Gute Löhne alleine reichen nicht»", "", "  07.11.2023 Ormalingen, Baselbiet", "",
             "So bleibt man als Arbeitgeber attraktiv",
             paras=["Das Zentrum lud zur Gesprächsrunde ein. Die Teilnehmenden sprachen darüber, wie Arbeitgeber in "
                    "Zeiten des Fachkräftemangels genügend Personal finden und halten, und was Arbeitgeber dafür tun. "
                    "Mit dabei waren die Personalchefin des Zentrums und zwei Pflegefachleute aus der Region."])
    assert parse_scraped_text(t, "x.txt", "x").title == "«Gute Löhne alleine reichen nicht»"


def test_dump_kicker_is_not_split_off_a_headline_that_goes_on_in_lower_case() -> None:
    t = dump("Ultium Cells erhöht Kapazität in Tennessee", "[bild]", "Ultium Cells", "Veröffentlicht am 06.12.2022",
             paras=["Ultium Cells investiert weitere 275 Millionen Dollar in seine Fabrik in Tennessee. Damit soll "
                    "die Kapazität des Werks von Ultium Cells deutlich wachsen, teilte das Unternehmen mit."] + PARAS)
    a = parse_scraped_text(t, "x.txt", "x")
    assert a.title == "Ultium Cells erhöht Kapazität in Tennessee"


def test_dump_one_line_and_numbered_trails_name_the_headline() -> None:
    t = dump("Sie sind hier: > Eine private Auffangstation für Wildvögel", "[bild]", "Wildvogelstation in Dortmund",
             "", "Eine private Auffangstation für Wildvögel", "", "Ewald Beispiel und sein Leben für die Vögel",
             paras=["Der 67-Jährige betreibt seit über 40 Jahren eine private Auffangstation für Wildvögel und ist "
                    "damit einer der wenigen, die verletzte Vögel in der Region aufnehmen und pflegen."] + PARAS)
    assert parse_scraped_text(t, "x.txt", "x").title == "Eine private Auffangstation für Wildvögel"
    t = dump("Pfadnavigation", "", " 1. Startseite", " 2. Die Menschen", " 3. Homo Beispielensis", "",
             "Homo Beispielensis", "", "Menschen im Land", "",
             paras=["Sich kurz zu fassen ist ein wesentliches Prinzip eines Gesprächs unter Menschen im Land, die "
                    "lieber anpacken als reden, wie es hier heißt."] + PARAS)
    a = parse_scraped_text(t, "x.txt", "x")
    assert a.title == "Homo Beispielensis"
    assert a.section == "Die Menschen"


def test_dump_share_bar_is_no_kicker() -> None:
    t = dump("Feed Twitter Facebook Youtube", "", "Grundeinkommen ist ein Menschenrecht!", "", "bgedemo", "",
             paras=["Unter diesem Motto findet am Samstag eine Demonstration für das Grundeinkommen in Berlin statt, "
                    "die wir unterstützen und zu der wir aufrufen."] + PARAS[1:] + [
                    "12. September 2013 getaggt mit:Grundeinkommen Berlin Nächste Vorherige"])
    a = parse_scraped_text(t, "x.txt", "x")
    assert a.title == "Grundeinkommen ist ein Menschenrecht!"
    assert a.kicker is None
    assert a.published_at.date() == date(2013, 9, 12)


def test_dump_numbered_steps_do_not_split_the_article() -> None:
    steps = [f" {i}. Schritt {i}: den Reifen prüfen und die Dichtmilch gut schütteln" for i in range(1, 12)]
    intro = ("Schritt für Schritt: Reifen schlauchlos montieren ist leicht, wenn man weiß, wie es geht. Wir zeigen "
             "dir, was du brauchst, welche Felgen passen, wie du das Ventil setzt, die Milch einfüllst und den Reifen "
             "aufpumpst, bis er sauber im Felgenhorn sitzt und dicht ist, ohne dass Luft entweicht.")
    part1 = [p.replace("Bundesregierung", "Werkstatt") for p in PARAS]
    part2 = ["Nach der Montage das Laufrad gründlich schütteln, damit sich die Milch in der Karkasse verteilt und "
             "kleine Löcher verschließt, bevor du losfährst.",
             "Die Milch trocknet mit der Zeit aus und sollte alle paar Monate erneuert werden, damit der Reifen "
             "dicht bleibt und Pannen selten werden.",
             "Tubeless-Reifen fahren sich mit weniger Druck, rollen leichter und haften besser, was auf dem Trail "
             "sofort zu spüren ist und viel Spaß macht."]
    lines = MENU + ["Reifen schlauchlos montieren: so geht es", "", "26. Januar 2022", "Stefan Beispiel", "", intro,
                    "", "Inhalt"] + [f"  • Kapitel {i}" for i in range(1, 12)] + [""]
    for p in part1:
        lines += [p, ""]
    lines += ["Tubeless-Montage: Schritt für Schritt"] + steps + [""]
    for p in part2:
        lines += [p, ""]
    a = parse_scraped_text("\n".join(lines + FOOT), "x.txt", "x")
    assert intro in a.body_text and part1[0] in a.body_text and part2[-1] in a.body_text
    assert a.title == "Reifen schlauchlos montieren: so geht es"
    assert a.published_at.date() == date(2022, 1, 26)


def test_logo_h1_is_no_headline_and_a_paper_is_no_author() -> None:
    html = page(f'<meta property="og:site_name" content="Beispieler Tageblatt"><meta property="og:title" content="{TITLE}">'
                '<meta name="author" content="Der Beispielbote">',
                '<header><h1><a href="/">Beispieler Tageblatt</a></h1></header>'
                f'<article><h2 class="article-title">{TITLE}</h2>{BODY}</article>')
    a = parse_html(html, "x.html", "x")
    assert a.title == TITLE
    assert a.authors == []
    assert a.body_text.split("\n\n") == PARAS


TEASER = "Die Koalition hat sich nach langem Streit auf einen Haushalt geeinigt. Gespart wird vor allem beim Verkehr."
SITE_DUMPS = {
    "tagesschau": (["Hauptinhalt", "", "Haushalt", "", TITLE, "", "Stand: 16.11.2023 19:04 Uhr", "", TEASER, "",
                    "Von Anna Maier und Jan Ott, ARD-Hauptstadtstudio", ""], ["Anna Maier", "Jan Ott"], None),
    "spiegel": (["Haushalt 2024", "", TITLE, "", TEASER, "", "Von Anna Maier und Jan Ott", "", "16.11.2023, 05.12 Uhr",
                 "", "  • aus DER SPIEGEL 47/2023", ""], ["Anna Maier", "Jan Ott"], None),
    "sz": (["  1. SZ.de", "  2. Politik", "  3. Haushalt", "", "Haushalt", "", TITLE, "", "16. November 2023, 18:30 Uhr",
            "", "Lesezeit: 3 Min.", "", TEASER, "", "Von Anna Maier, Berlin", ""], ["Anna Maier"], "Politik / Haushalt"),
    "regional": (["Politik", "", TITLE, "", "16.11.2023 - 18:30 Uhr", "", "Anna Maier, dpa", ""], ["Anna Maier"], None),
    "welt": (["Haushalt", "", TITLE, "", "Veröffentlicht am 16.11.2023 | Lesedauer: 3 Minuten", "",
              "Von Anna Maier, Jan Ott", ""], ["Anna Maier", "Jan Ott"], None),
    "mdr": (["Haushalt", "", TITLE, "", "16. November 2023, 05:00 Uhr", "", "von Anna Maier, MDR AKTUELL", ""],
            ["Anna Maier"], None),
}


@pytest.mark.parametrize("site", sorted(SITE_DUMPS))
def test_page_dumps_in_the_layout_of_big_sites(site: str) -> None:
    header, authors, section = SITE_DUMPS[site]
    lines = MENU + header
    for p in PARAS:
        lines += [p, ""]
    a = parse_scraped_text("\n".join(lines + FOOT), "x.txt", "x")
    assert a.title == TITLE
    assert a.authors == authors
    assert a.published_at.astimezone(BERLIN).date() == date(2023, 11, 16)
    assert a.body_text.split("\n\n")[-3:] == PARAS
    assert a.body_text.split("\n\n")[0] in (PARAS[0], TEASER)
    assert a.teaser in (None, TEASER)
    if section:
        assert a.section == section


@pytest.mark.parametrize("byline", ["Geschrieben von Anna Maier", "Posted by Anna Maier", "Ein Beitrag von Anna Maier",
                                    "Anna Maier | 16.11.2023", "von Anna Maier am 16.11.2023 um 10:00 Uhr",
                                    "Autor: Anna Maier | Redakteurin", "Anna Maier Redakteurin Politik"])
def test_byline_element_and_line_forms(byline: str) -> None:
    el = parse_html(page("", f'<article><h1>{TITLE}</h1><div class="author">{byline}</div>{BODY}</article>'), "x", "x")
    assert el.authors == ["Anna Maier"]
    line = parse_html(page("", f"<article><h1>{TITLE}</h1><p>{byline}</p>{BODY}</article>"), "x", "x")
    if byline != "Anna Maier Redakteurin Politik":       # a bare name with a job: only as a marked element
        assert line.authors == ["Anna Maier"]
        assert line.body_text.split("\n\n") == PARAS
    # a dateline is no byline
    assert parse_html(page("", f"<article><h1>{TITLE}</h1><p>Bad Homburg, 16.11.2023</p>{BODY}</article>"),
                      "x", "x").authors == []


def test_kicker_and_title_from_an_h2_of_two_spans_or_a_structured_title() -> None:
    # SZ: no h1; the JSON-LD headline holds "Kicker: Title", the page shows both as spans of an h2
    sz = page(f'<title>Haushalt: {TITLE} - Politik - SZ.de</title><meta property="og:title" content="Haushalt: {TITLE}">'
              '<meta name="author" content="Süddeutsche.de GmbH, Munich, Germany">'
              '<link rel="canonical" href="https://www.sueddeutsche.de/politik/haushalt-1.123">'
              + ld(headline=f"Haushalt: {TITLE}", datePublished="2023-11-16T18:30:00+01:00",
                   author=[{"@type": "Person", "name": "Anna Maier"}, {"@type": "Organization", "name": "Süddeutsche Zeitung"}]),
              f'<article><header><h2><span data-manual="kicker">Haushalt</span><span data-manual="title">{TITLE}</span>'
              '</h2><time datetime="2023-11-16 18:30:00">16. November 2023, 18:30 Uhr</time></header>'
              f"{BODY}</article>")
    a = parse_html(sz, "sz.html", "sz")
    assert (a.title, a.kicker, a.authors) == (TITLE, "Haushalt", ["Anna Maier"])
    assert a.body_text.split("\n\n") == PARAS
    a = parse_html(SITE_PAGES["spiegel"], "spiegel.html", "spiegel")
    assert a.kicker == "Haushalt 2024"


# ----------------------------------------------------------------------------- round 5: more sites' markup
# Title, kicker and authors as the big German sites and common CMSs write them (issue 15, generalisation):
# each fixture is the markup convention of a site family, with invented text.
def _body_with_lead(lead: str = "") -> str:
    return (f"<p>{lead}</p>" if lead else "") + BODY


MORE_SITES = {
    # ZEIT ONLINE: h1 of kicker and title spans with a hidden colon; "Eine Analyse von" byline; " | ZEIT ONLINE"
    "zeit": (page(
        f"<title>Haushalt: {TITLE} | ZEIT ONLINE</title><meta property=\"og:title\" content=\"Haushalt: {TITLE}\">"
        '<meta property="og:site_name" content="ZEIT ONLINE">'
        '<link rel="canonical" href="https://www.zeit.de/politik/deutschland/2023-11/haushalt-ampel">'
        + ld(headline=f"Haushalt: {TITLE}", datePublished="2023-11-16T10:00:00+01:00",
             author=[{"@type": "Person", "name": "Anna Maier", "url": "https://www.zeit.de/autoren/M/Anna_Maier"}],
             publisher={"@type": "Organization", "name": "ZEIT ONLINE"}),
        '<main><article><header class="article-header"><h1 class="article-heading">'
        '<span class="article-heading__kicker">Haushalt</span><span class="visually-hidden">:</span> '
        f'<span class="article-heading__title">{TITLE}</span></h1>'
        '<div class="summary">Die Koalition spart vor allem beim Verkehr. Die Opposition kündigt Widerstand an.</div>'
        '<div class="byline">Eine Analyse von <a href="/autoren/M/Anna_Maier" rel="author">Anna Maier</a></div>'
        '<time datetime="2023-11-16T10:00:00+01:00">16. November 2023, 10:00 Uhr</time></header>'
        f"{BODY}</article></main>"), "Haushalt", ["Anna Maier"]),
    # n-tv: " - n-tv.de" suffix, kicker and headline spans in an h2, the byline and a source line after the text
    "ntv": (page(
        f"<title>Haushalt: {TITLE} - n-tv.de</title><meta property=\"og:title\" content=\"{TITLE}\">"
        '<meta name="author" content="n-tv NACHRICHTEN">'
        '<link rel="canonical" href="https://www.n-tv.de/politik/Ampel-einigt-sich-article123.html">'
        + ld(headline=TITLE, datePublished="2023-11-16T10:00:00+01:00",
             author={"@type": "Organization", "name": "n-tv NACHRICHTEN"}),
        '<article class="article"><div class="article__header"><h2><span class="article__kicker">Haushalt</span>'
        f'<span class="article__headline">{TITLE}</span></h2>'
        '<span class="article__date">16.11.2023, 10:00 Uhr</span></div>'
        '<div class="article__text">' + BODY + '<p class="article__source">Quelle: ntv.de, Anna Maier, dpa</p>'
        "</div></article>"), "Haushalt", []),
    # t-online: "Aktualisiert am" line, "Lesedauer" label, JSON-LD persons, " | t-online" suffix
    "t-online": (page(
        f"<title>Haushalt: {TITLE} | t-online</title><meta property=\"og:title\" content=\"Haushalt: {TITLE}\">"
        '<link rel="canonical" href="https://www.t-online.de/nachrichten/deutschland/id_100.html">'
        + ld(headline=f"Haushalt: {TITLE}", datePublished="2023-11-16T10:00:00+01:00",
             author=[{"@type": "Person", "name": "Anna Maier"}, {"@type": "Person", "name": "Jan Ott"}],
             publisher={"@type": "Organization", "name": "t-online"}),
        '<article><header><h1><span class="css-1x2y3">Haushalt</span><span class="css-4z5w6">'
        f'{TITLE}</span></h1><div class="css-author">Von Anna Maier, Jan Ott</div>'
        '<span>Aktualisiert am 16.11.2023 - 12:34 Uhr</span><span>Lesedauer: 3 Min.</span></header>'
        f"{BODY}</article>"), "Haushalt", ["Anna Maier", "Jan Ott"]),
    # FOCUS online: the publisher as <meta name="author">, "FOCUS-online-Redakteurin" before the name
    "focus": (page(
        f"<title>{TITLE} - FOCUS online</title><meta property=\"og:title\" content=\"{TITLE}\">"
        '<meta name="author" content="FOCUS online">'
        '<link rel="canonical" href="https://www.focus.de/politik/deutschland/haushalt_id_123.html">'
        + ld(headline=TITLE, datePublished="2023-11-16T10:00:00+01:00",
             author=[{"@type": "Person", "name": "FOCUS-online-Redakteurin Anna Maier"}]),
        f'<article><div class="articleIdentH1"><h1><span class="overhead">Haushalt</span> <span class="headline">'
        f'{TITLE}</span></h1></div><div class="authorMeta">FOCUS-online-Redakteurin Anna Maier</div>'
        f"{BODY}</article>"), "Haushalt", ["Anna Maier"]),
    # stern: h2 of kicker and title spans, " | STERN.de", author links
    "stern": (page(
        f"<title>Haushalt: {TITLE} | STERN.de</title><meta property=\"og:title\" content=\"Haushalt: {TITLE}\">"
        '<link rel="canonical" href="https://www.stern.de/politik/deutschland/haushalt-123.html">'
        + ld(headline=f"Haushalt: {TITLE}", datePublished="2023-11-16T10:00:00+01:00",
             author=[{"@type": "Person", "name": "Anna Maier"}]),
        f'<article><header><h2 class="title"><span class="title__kicker">Haushalt</span>'
        f'<span class="title__headline">{TITLE}</span></h2>'
        '<div class="authors__list">Von <a class="authors__name" href="/a">Anna Maier</a></div></header>'
        f"{BODY}</article>"), "Haushalt", ["Anna Maier"]),
    # RND / Madsack regional paper: " – Hannoversche Allgemeine" suffix, RND/dpa agency byline
    "rnd": (page(
        f"<title>{TITLE} – Hannoversche Allgemeine</title><meta property=\"og:title\" content=\"{TITLE}\">"
        '<meta property="og:site_name" content="Hannoversche Allgemeine">'
        '<link rel="canonical" href="https://www.haz.de/politik/ampel-einigt-sich-ABC.html">'
        + ld(headline=TITLE, datePublished="2023-11-16T10:00:00+01:00",
             author=[{"@type": "Organization", "name": "RND/dpa"}]),
        f'<article><h1>{TITLE}</h1><div class="Authorstyled__AuthorName">RND/dpa</div>{BODY}</article>'),
        None, []),
    # a dpa ticker portal: the agency as JSON-LD Person and as meta author, "(dpa)" dateline
    "dpa-portal": (page(
        f"<title>{TITLE} | Nachrichten aus aller Welt</title><meta property=\"og:title\" content=\"{TITLE}\">"
        '<meta name="author" content="dpa">'
        + ld(headline=TITLE, datePublished="2023-11-16T10:00:00+01:00",
             author=[{"@type": "Person", "name": "dpa"}]),
        f'<div class="article"><h1>{TITLE}</h1><p class="meta">16.11.2023, 10:00 Uhr</p>{BODY}</div>'),
        None, []),
    # WordPress: entry-title h1, "author vcard" byline, the blog name after " – "
    "wordpress": (page(
        f"<title>{TITLE} – Mein Politikblog</title><meta property=\"og:site_name\" content=\"Mein Politikblog\">"
        f'<meta property="og:title" content="{TITLE} – Mein Politikblog"><meta name="author" content="Anna Maier">',
        '<article class="post type-post"><header class="entry-header">'
        f'<h1 class="entry-title">{TITLE}</h1><div class="entry-meta"><span class="posted-on">'
        '<time class="entry-date published" datetime="2023-11-16T10:00:00+01:00">16. November 2023</time>'
        '<time class="updated" datetime="2023-11-18T09:00:00+01:00">18. November 2023</time></span> '
        '<span class="byline"> von <span class="author vcard"><a class="url fn n" href="https://blog.de/author/anna/">'
        'Anna Maier</a></span></span></div></header>'
        f'<div class="entry-content">{BODY}</div></article>'), None, ["Anna Maier"]),
    # WordPress with its admin account as the author: no person
    "wordpress-admin": (page(
        f"<title>{TITLE} | Ortsverein Musterstadt</title><meta name=\"author\" content=\"admin\">",
        f'<article><h1 class="entry-title">{TITLE}</h1><time class="entry-date published" '
        'datetime="2023-11-16T10:00:00+01:00">16. November 2023</time><span class="byline">von <span class="author vcard">'
        '<a class="url fn n" href="/author/admin/">admin</a></span></span>'
        f'<div class="entry-content">{BODY}</div></article>'), None, []),
    # a press release portal: the police station is the author; "POL-XY:" is part of the headline
    "presseportal": (page(
        f"<title>POL-HI: {TITLE} | Presseportal</title><meta property=\"og:title\" content=\"POL-HI: {TITLE}\">"
        '<meta name="author" content="Polizeiinspektion Hildesheim">',
        f'<article><h1>POL-HI: {TITLE}</h1><p class="date">16.11.2023 – 10:00</p><p>Hildesheim (ots)</p>{BODY}'
        '<p>Rückfragen bitte an: Polizeiinspektion Hildesheim, Pressestelle</p></article>'), None, []),
    # JSON-LD author as one string of two names
    "ld-string": (page(
        f"<title>{TITLE}</title>" + ld(headline=TITLE, datePublished="2023-11-16", author="Anna Maier und Jan Ott"),
        f"<article><h1>{TITLE}</h1>{BODY}</article>"), None, ["Anna Maier", "Jan Ott"]),
    # SZ: the publisher company, city and country as meta author; the persons in JSON-LD
    "sz": (page(
        f"<title>Haushalt: {TITLE} - Politik - SZ.de</title>"
        '<meta name="author" content="Süddeutsche Zeitung, Munich, Germany">'
        '<link rel="canonical" href="https://www.sueddeutsche.de/politik/haushalt-1.123">'
        + ld(headline=TITLE, datePublished="2023-11-16T10:00:00+01:00",
             author=[{"@type": "Person", "name": "Anna Maier"}, {"@type": "Person", "name": "Dr. Jan Ott"}]),
        '<article><header><h2><span data-manual="kicker">Haushalt</span>'
        f'<span data-manual="title">{TITLE}</span></h2></header>{BODY}</article>'), "Haushalt",
        ["Anna Maier", "Dr. Jan Ott"]),
}


@pytest.mark.parametrize("site", sorted(MORE_SITES))
def test_title_kicker_and_authors_in_the_markup_of_more_sites(site: str) -> None:
    html, kicker, authors = MORE_SITES[site]
    a = parse_html(html, f"{site}.html", site)
    want_title = f"POL-HI: {TITLE}" if site == "presseportal" else TITLE
    assert a.title == want_title
    assert a.kicker == kicker
    assert a.authors == authors
    assert a.published_at.astimezone(BERLIN).date() == date(2023, 11, 16)
    body = a.body_text.split("\n\n")
    assert body[-3:] == PARAS or body[-4:-1] == PARAS, body
    for junk in (TITLE, "Lesedauer", "Aktualisiert", "Eine Analyse", "FOCUS-online", "RND/dpa", "Quelle: ntv"):
        assert junk not in a.body_text, junk


TITLE_AUTHOR_FORMS = [
    # a section label as the only h1; the headline is an h2/h3 the <title> names, or only the <title>
    (page(f'<title>{TITLE} - Stadt Musterstadt</title><meta property="og:title" content="{TITLE}">',
          f'<h1>Pressemitteilungen</h1><div class="content"><h2>{TITLE}</h2><p>16.11.2023</p>{BODY}</div>'), []),
    (page(f"<title>{TITLE} - Stadt Musterstadt</title>",
          f'<h1>Aktuelle Meldungen</h1><div class="content"><p>16.11.2023</p>{BODY}</div>'), []),
    (page(f"<title>Musterstadt: {TITLE}</title>", f'<h1>Aktuelle Meldungen</h1><div class="content"><h3>{TITLE}</h3>'
          f"{BODY}</div>"), []),
    # the site's name as a logo h1, the headline an h2 entry-title
    (page(f'<title>{TITLE} | Kreisanzeiger</title><meta property="og:site_name" content="Kreisanzeiger">',
          f'<header><h1 class="logo">Kreisanzeiger</h1></header><article><h2 class="entry-title">{TITLE}</h2>'
          f"{BODY}</article>"), []),
    # a line break inside the h1
    (page(f"<title>{TITLE}</title>", f"<article><h1>Ampel einigt sich<br>auf Sparpaket</h1>{BODY}</article>"), []),
    # JSON-LD persons with an agency in brackets and a "Von"
    (page("<title>x</title>" + ld(headline=TITLE, author=[{"@type": "Person", "name": "Anna Maier (dpa)"},
                                                          {"@type": "Person", "name": "Von Jan Ott"}]),
          f"<article><h1>{TITLE}</h1>{BODY}</article>"), ["Anna Maier", "Jan Ott"]),
    # a JSON-LD "Person" that is the desk: the visible byline wins
    (page("<title>x</title>" + ld(headline=TITLE, author=[{"@type": "Person", "name": "Redaktion"}]),
          f'<article><h1>{TITLE}</h1><span class="author">Von Anna Maier</span>{BODY}</article>'), ["Anna Maier"]),
    # a JSON-LD "Person" that is the site
    (page('<title>x</title><meta property="og:site_name" content="Kreisbote">'
          + ld(headline=TITLE, author=[{"@type": "Person", "name": "Kreisbote"}]),
          f"<article><h1>{TITLE}</h1>{BODY}</article>"), []),
    # schema.org microdata, rel=author links, an e-mail address after the name
    (page("<title>x</title>", f'<article><h1>{TITLE}</h1><div itemprop="author" itemscope '
          'itemtype="https://schema.org/Person"><span itemprop="name">Anna Maier</span></div>' + BODY + "</article>"),
     ["Anna Maier"]),
    (page("<title>x</title>", f'<article><h1>{TITLE}</h1><div class="meta">Von <a rel="author" href="/a">Anna Maier</a> '
          f'und <a rel="author" href="/b">Jan Ott</a></div>{BODY}</article>'), ["Anna Maier", "Jan Ott"]),
    (page('<title>x</title><meta name="author" content="Anna Maier (anna.maier@zeitung.de)">',
          f'<header><span class="info">Anna Maier</span></header><article><h1>{TITLE}</h1>{BODY}</article>'),
     ["Anna Maier"]),
    # the author's name after the text ("Text: Anna Maier")
    (page("<title>x</title>", f"<article><h1>{TITLE}</h1>{BODY}<p>Text: Anna Maier</p></article>"), ["Anna Maier"]),
]


@pytest.mark.parametrize("i", range(len(TITLE_AUTHOR_FORMS)))
def test_title_and_author_forms(i: int) -> None:
    html, authors = TITLE_AUTHOR_FORMS[i]
    a = parse_html(html, "x.html", "x")
    assert a.title == TITLE
    assert a.authors == authors
    assert a.body_text.split("\n\n")[-3:] == PARAS
    assert TITLE not in a.body_text and "Anna Maier" not in a.body_text


def test_fill_gaps_puts_back_what_the_extractor_dropped_inside_the_article_only() -> None:
    from pipeline.web.html import fill_gaps, parse_tree
    q = "Wie geht es nach dem Beschluss im Bundestag weiter?"
    p4 = ("Die Länder müssen dem Haushalt im Bundesrat noch zustimmen, dort gilt eine Mehrheit aber als sicher, "
          "sagte ein Sprecher der Regierung.")
    tree = parse_tree(page(
        f"<title>{TITLE}</title>",
        '<div class="intro"><p>Willkommen auf unserer Seite, hier finden Sie alle Nachrichten aus der Region und '
        'mehr.</p></div>'
        f"<article><h1>{TITLE}</h1><p>{PARAS[0]}</p>"
        '<div class="widget commercial"><script>ad.init({"slot": 1});</script></div>'
        f'<h4 class="kongtitle"><em><span>{q}</span></em></h4><p>{p4}</p>'
        f'<h2>Das Spiel in der Statistik (1 Einträge)</h2><table><tr><td>1:0</td></tr></table>'
        f'<p>{PARAS[1]}</p>'
        '<p><a href="/a">Alle Meldungen aus dem Bundestag</a> und <a href="/b">alle Meldungen aus dem Bundesrat '
        'im Überblick</a>.</p>'
        f"<p>{PARAS[2]}</p></article>"
        '<p>Diese Seite verwendet Cookies, damit wir Ihnen das beste Erlebnis auf unserer Website bieten können.</p>'))
    # the extractor kept the first and the last paragraphs, and dropped the subheading and the paragraph after
    # the ad slot
    kept = "\n".join([PARAS[0], p4, PARAS[1], PARAS[2]])
    assert fill_gaps(tree, kept).split("\n") == [PARAS[0], q, p4, PARAS[1], PARAS[2]]
    # nothing is added before the first or after the last kept block, and no link list, no widget heading
    kept = "\n".join([PARAS[0], PARAS[1], PARAS[2]])
    assert fill_gaps(tree, kept).split("\n") == [PARAS[0], p4, PARAS[1], PARAS[2]]


NOTICES = [
    "Empfohlener externer Inhalt",
    "An dieser Stelle finden Sie einen externen Inhalt von X, der den Artikel ergänzt. Sie können ihn sich mit "
    "einem Klick anzeigen lassen.",
    "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Damit können personenbezogene Daten an "
    "Drittplattformen übermittelt werden.",
    "Wir benötigen Ihre Zustimmung, um den von unserer Redaktion eingebundenen Inhalt von Youtube anzuzeigen.",
    "Mit einem Klick auf „Alle akzeptieren“ stimmen Sie der Verarbeitung Ihrer Daten zu.",
    "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
    "Dieser Artikel ist exklusiv für Abonnenten.",
    "Jetzt weiterlesen mit SZ Plus",
    "Sie haben bereits ein Abo? Hier anmelden.",
    "Melden Sie sich hier für unseren Newsletter an.",
    "Folgen Sie uns auf Facebook und Instagram.",
    "Haben Sie einen Fehler entdeckt? Schreiben Sie uns.",
    "dpa-infocom, dpa:231116-99-123456/3",
]


def test_consent_paywall_and_newsletter_notices_leave_the_body_but_articles_about_cookies_stay() -> None:
    about = ("Die EU-Kommission will Cookie-Banner vereinfachen: Nutzer sollen nicht mehr auf jeder Website "
             "der Verwendung von Cookies zustimmen müssen, teilte die Behörde mit. Personenbezogene Daten werden "
             "künftig strenger geschützt, ohne Einwilligung der Eltern dürfen Inhalte nicht angezeigt werden. Wer "
             "will, kann den Newsletter der Behörde abonnieren.")
    html = page(f"<title>{TITLE}</title>", f"<article><h1>{TITLE}</h1><p>{PARAS[0]}</p>"
                + "".join(f"<p>{n}</p>" for n in NOTICES[:7]) + f"<p>{about}</p><p>{PARAS[1]}</p>"
                + "".join(f"<p>{n}</p>" for n in NOTICES[7:]) + f"<p>{PARAS[2]}</p></article>")
    a = parse_html(html, "x.html", "x")
    assert a.body_text.split("\n\n") == [PARAS[0], about, PARAS[1], PARAS[2]]
    # the same notices in a scraped text
    t = parse_scraped_text("\n\n".join([TITLE, PARAS[0], *NOTICES, PARAS[1], PARAS[2]]), "x.txt", "x")
    assert all(n not in t.body_text for n in NOTICES)


def test_visible_byline_beats_a_generic_meta_author() -> None:
    # <meta name="author"> is the site owner's CMS account; the byline names the writer
    html = page(f'<title>{TITLE}</title><meta name="author" content="Peter Webmann">',
                f'<article><h1>{TITLE}</h1><p class="byline">Von Anna Maier</p>{BODY}</article>')
    assert parse_html(html, "x.html", "x").authors == ["Anna Maier"]
    # round 6: a generic meta author counts only when the page shows the name outside its footer and menus (the
    # metadata gold and the text-dump route take what the page shows)
    html = page(f'<title>{TITLE}</title><meta name="author" content="Peter Webmann">',
                f"<article><h1>{TITLE}</h1>{BODY}</article><footer>Impressum: Peter Webmann</footer>")
    assert parse_html(html, "x.html", "x").authors == []
    html = page(f'<title>{TITLE}</title><meta name="author" content="Peter Webmann">',
                f"<article><h1>{TITLE}</h1><div class=\"info\">Peter Webmann</div>{BODY}</article>")
    assert parse_html(html, "x.html", "x").authors == ["Peter Webmann"]


def test_soft_hyphens_and_zero_width_marks_leave_title_and_body() -> None:
    html = page("<title>x</title>", "<article><h1>Ampel einigt sich auf Spar\u00adpaket</h1>"
                + BODY.replace("Bundesregierung", "Bundes\u00adregierung").replace("Opposition", "Oppo\u2060sition")
                + "</article>")
    a = parse_html(html, "x.html", "x")
    assert a.title == TITLE
    assert a.body_text.split("\n\n") == PARAS
    t = parse_scraped_text(f"{TITLE}\n\n" + "\n\n".join(PARAS).replace("Bundesregierung", "Bundes\u00adregierung"),
                           "x.txt", "x")
    assert "\u00ad" not in t.body_text and "Bundesregierung" in t.body_text


def test_steps_and_info_lines_at_the_end_stay_a_list_of_article_links_goes() -> None:
    steps = ["- Den Antrag beim Bürgeramt ausfüllen", "- Die Unterlagen per Post schicken",
             "- Den Bescheid nach vier Wochen prüfen"]
    info = "Weitere Informationen unter www.musterstadt.de/antrag"
    html = page(f"<title>{TITLE}</title>", f"<article><h1>{TITLE}</h1>{BODY}<p>So geht es:</p><ul>"
                + "".join(f"<li>{s[2:]}</li>" for s in steps) + f"</ul><p>{info}</p>"
                + '<ul class="x"><li><a href="/a">Ampel streitet über den Etat der Bahn</a></li>'
                  '<li><a href="/b">Länder fordern mehr Geld vom Bund</a></li></ul></article>')
    a = parse_html(html, "x.html", "x")
    assert a.body_text.split("\n\n")[-5:] == ["So geht es:", *steps, info]
    # a recipe's ingredients (short lines) in the middle are no teaser boxes
    recipe = ["1 Würfelzucker", "2 Spritzer Bitters", "5 cl Whiskey", "1 TL Absinth", "etwas Zitronenzeste"]
    html = page(f"<title>{TITLE}</title>", f"<article><h1>{TITLE}</h1><p>{PARAS[0]}</p><p>"
                + "<br>".join(recipe) + f"</p><p>{PARAS[1]}</p><p>{PARAS[2]}</p></article>")
    body = parse_html(html, "x.html", "x").body_text
    assert all(r in body for r in recipe)


def test_subtitle_inside_the_h1_and_an_eyebrow_kicker() -> None:
    html = page(f'<title>{TITLE} | Kreisbote</title><meta property="og:title" content="{TITLE}">',
                f'<article><h1 class="title">{TITLE} <small class="sub">Die Koalition spart vor allem beim Verkehr'
                f"</small></h1>{BODY}</article>")
    a = parse_html(html, "x.html", "x")
    assert a.title == TITLE
    assert a.body_text.split("\n\n")[-3:] == PARAS
    html = page(f"<title>{TITLE}</title>", f'<article><header><p class="article-eyebrow">Haushalt</p><h1>{TITLE}</h1>'
                f"</header>{BODY}</article>")
    a = parse_html(html, "x.html", "x")
    assert (a.title, a.kicker) == (TITLE, "Haushalt")
    assert "Haushalt\n" not in a.body_text
    # a wrapper with a kicker-like class that holds the headline is no kicker
    html = page(f"<title>{TITLE}</title>", f'<article><header class="intro"><div class="super-title-wrapper">'
                f'<div class="rate">4 Sterne</div><h1>{TITLE}</h1></div></header>{BODY}</article>')
    a = parse_html(html, "x.html", "x")
    assert (a.title, a.kicker) == (TITLE, None)


def test_caption_in_an_image_box_with_its_credit_goes_to_captions() -> None:
    cap = "Vorentscheidung: Die Abgeordneten stimmen im Plenum über den Etat ab."
    html = page(f"<title>{TITLE}</title>", f'<article><h1>{TITLE}</h1><div class="image"><img src="a.jpg">'
                f'<div class="hyph"><p>{cap}<br>Foto: Anna Maier</p></div></div>{BODY}'
                '<p>Die Polizei hat die Ermittlungen in der Sache aufgenommen.</p>'
                '<div class="img"><img src="b.jpg"><span>Foto: Pixabay</span></div></article>')
    a = parse_html(html, "x.html", "x")
    assert cap in a.captions
    assert a.body_text.split("\n\n") == PARAS + ["Die Polizei hat die Ermittlungen in der Sache aufgenommen."]


def test_related_posts_share_and_author_boxes_leave_the_body() -> None:
    related = ("Im vergangenen Jahr hatte die Stadt bereits einen Nachtragshaushalt beschlossen, der vor allem "
               "die Schulen betraf und im Rat lange umstritten war.")
    bio = ("Anna Maier schreibt seit 2015 für unseren Blog über Kommunalpolitik und lebt mit ihrer Familie "
           "in Musterstadt.")
    html = page(f"<title>{TITLE} – Mein Politikblog</title>",
                f'<article class="post"><h1 class="entry-title">{TITLE}</h1><div class="entry-content">{BODY}'
                '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Teilen mit:</h3><ul>'
                '<li><a href="/s?f">Facebook</a></li></ul></div>'
                f'<div class="weitere-artikel"><p>{related}</p></div>'
                f'</div><div class="autorenbox"><p>{bio}</p></div></article>')
    a = parse_html(html, "x.html", "x")
    assert a.body_text.split("\n\n") == PARAS


def test_blog_widget_headings_end_the_article_text() -> None:
    text = "\n\n".join([TITLE, *PARAS, "Ähnliche Beiträge", "Stadt saniert drei Grundschulen",
                        "Neuer Radweg an der Bundesstraße", "Schreibe einen Kommentar", "Name", "E-Mail", "Website"])
    a = parse_scraped_text(text, "x.txt", "x")
    assert a.body_text.split("\n\n") == PARAS


def test_caption_of_a_caption_class_leaves_the_body() -> None:
    cap = "Der Aktionsplan schützt auch lichte Wälder, die durch Beweidung entstanden sind."
    html = page(f"<title>{TITLE}</title>", f"<article><h1>{TITLE}</h1><p>{PARAS[0]}</p>"
                f'<div class="picture"><a href="big.jpg"><img src="a.jpg"></a></div><div class="legend">'
                f'<div class="content">{cap}</div></div><p>{PARAS[1]}</p><p>{PARAS[2]}</p></article>')
    a = parse_html(html, "x.html", "x")
    assert a.captions == [cap]
    assert a.body_text.split("\n\n") == PARAS


def test_a_pull_quote_repeating_the_text_is_not_counted_twice() -> None:
    quote = "Die Opposition kritisierte die Pläne als unsozial und kündigte Widerstand im Bundestag an."
    html = page(f"<title>{TITLE}</title>", f"<article><h1>{TITLE}</h1><p>{PARAS[0]}</p>"
                f'<blockquote class="pullquote">„{quote}“</blockquote><h2>Widerstand im Bundestag</h2>'
                f"<p>{PARAS[1]}</p><p>{PARAS[2]}</p></article>")
    a = parse_html(html, "x.html", "x")
    assert a.body_text.split("\n\n") == [PARAS[0], "Widerstand im Bundestag", PARAS[1], PARAS[2]]


def test_no_h1_the_h2_shown_is_the_tail_of_a_kicker_title() -> None:
    html = page(f'<title>Haushalt: {TITLE} | Kreisbote</title><meta property="og:title" content="Haushalt: {TITLE}">',
                f'<div class="content"><div class="box"><h2>{TITLE}</h2><p class="date">16.11.2023</p>{BODY}</div></div>')
    a = parse_html(html, "x.html", "x")
    assert (a.title, a.kicker) == (TITLE, "Haushalt")
    assert a.body_text.split("\n\n") == PARAS


def test_round_5_rule_entries_are_validated_and_optional() -> None:
    base = profile.yaml.safe_load(profile.RULES_FILE.read_text(encoding="utf-8"))
    for key, bad, match in (("boilerplate_lines", ["(unclosed"], "boilerplate_lines"),
                            ("standfirst_in_body", "yes", "standfirst_in_body"),
                            ("fill_gaps", 1, "fill_gaps"),
                            ("agencies", [""], "agencies"),
                            ("not_author_suffixes", "amt", "not_author_suffixes"),
                            ("furniture_blocks", [3], "furniture_blocks")):
        data = dict(base, **{key: bad})
        with pytest.raises(RuleError, match=match):
            profile.parse(data)
    data = {k: v for k, v in base.items() if k not in ("boilerplate_lines", "standfirst_in_body", "fill_gaps",
                                                         "agencies", "not_author_suffixes", "furniture_blocks")}
    r = profile.parse(data)           # a web.yaml written before round 5 stays valid
    assert (r.standfirst_in_body, r.fill_gaps, r.boilerplate_lines, r.agencies) == (True, True, (), frozenset())


# ----------------------------------------------------------------------------- round 6: general forms (web5)
# Bylines, titles, dates and body furniture in the forms small German news sites, blogs, party and press pages
# use (WordPress, Joomla, TYPO3 templates), written as fixtures with invented text before any rule was changed;
# the rules they check are general (web.yaml data or the precedence code), none names a site.
def _art(inner: str, head: str = "") -> str:
    return page(f"<title>{TITLE}</title>{head}", f"<article><h1>{TITLE}</h1>{inner}</article>")


ROUND6_AUTHORS = [
    # a byline in the header that no author class marks (post meta of a blog theme), with its date
    (_art(f'<div class="post-meta">Geschrieben von Anna Maier am 16. November 2023</div>{BODY}'), ["Anna Maier"]),
    (_art(f'<div class="entry-meta">Posted by Anna Maier on November 16, 2023</div>{BODY}'), ["Anna Maier"]),
    (_art(f"<p>Text und Foto: Anna Maier</p>{BODY}"), ["Anna Maier"]),
    (_art(f'<p class="byline">VON ANNA MAIER</p>{BODY}'), ["Anna Maier"]),
    (_art(f"<p>Redaktion: Anna Maier</p>{BODY}"), ["Anna Maier"]),
    (_art(f"<p>Interview: Anna Maier</p>{BODY}"), ["Anna Maier"]),
    (_art(f'<p class="byline">Kommentar von Anna Maier</p>{BODY}'), ["Anna Maier"]),
    (_art(f'<p class="byline">Von Dr. med. Anna Maier</p>{BODY}'), ["Dr. med. Anna Maier"]),
    # the photographer named in brackets is no author
    (_art(f'<p class="byline">Von Anna Maier (Text) und Jan Ott (Fotos)</p>{BODY}'), ["Anna Maier"]),
    # Joomla: no h1, the headline an h2, "Geschrieben von" in a createdby field
    (page(f"<title>{TITLE} - Ortsverein Musterstadt</title>",
          f'<div class="item-page"><div class="page-header"><h2 itemprop="headline">{TITLE}</h2></div>'
          '<dl class="article-info"><dd class="createdby">Geschrieben von Anna Maier</dd></dl>'
          f'<div itemprop="articleBody">{BODY}</div></div>'), ["Anna Maier"]),
    # organisations as the author: a party group, an acronym beside a place, a party in the meta author
    (page(f"<title>{TITLE}</title>" + ld(headline=TITLE, author={"@type": "Person", "name": "Piraten Musterstadt"}),
          f"<article><h1>{TITLE}</h1>{BODY}</article>"), []),
    (page(f"<title>{TITLE}</title>" + ld(headline=TITLE, author={"@type": "Person", "name": "NABU Musterstadt"}),
          f"<article><h1>{TITLE}</h1>{BODY}</article>"), []),
    (page(f'<title>{TITLE}</title><meta name="author" content="Piratenpartei Hessen">',
          f"<article><h1>{TITLE}</h1>{BODY}</article>"), []),
    # the author of a teaser card in a box of related articles is not the page's author
    (page(f"<title>{TITLE}</title>", f"<article><h1>{TITLE}</h1>{BODY}</article><section class=\"related\"><article>"
          '<h3>Andere Geschichte</h3><span class="author">Von Jan Ott</span></article></section>'), []),
]


@pytest.mark.parametrize("i", range(len(ROUND6_AUTHORS)))
def test_round6_byline_forms_and_organisations(i: int) -> None:
    html, authors = ROUND6_AUTHORS[i]
    a = parse_html(html, "x.html", "x")
    assert a.authors == authors
    assert a.title == TITLE
    assert a.body_text.split("\n\n") == PARAS


ROUND6_TITLES = [
    # the blog's name as an h1 (by its class, or as the name the <title> ends with), the headline an h2
    page(f"<title>{TITLE} | Kreisblatt Musterstadt</title>", '<header><h1 class="site-title">Kreisblatt Musterstadt</h1>'
         f'</header><article><h2 class="entry-title">{TITLE}</h2>{BODY}</article>'),
    page(f"<title>{TITLE} | Freie Wähler Musterstadt e.V.</title>", "<header><h1>Freie Wähler Musterstadt e.V.</h1>"
         f"</header><main><h2>{TITLE}</h2>{BODY}</main>"),
    # the site's name as a prefix "Site: ", a section name between headline and site
    page(f"<title>Kreisanzeiger: {TITLE}</title><meta property=\"og:site_name\" content=\"Kreisanzeiger\">",
         f"<div>{BODY}</div>"),
    page(f"<title>{TITLE} - Lokales - Kreisanzeiger</title><meta property=\"og:site_name\" content=\"Kreisanzeiger\">",
         f"<div>{BODY}</div>"),
    # a one-word label as the h1, the headline an h2/h3 the <title> starts with before " - Label"
    page(f"<title>{TITLE} - Stadt Musterstadt</title>", f"<main><h1>Pressemitteilung</h1><h2>{TITLE}</h2>{BODY}</main>"),
    page(f"<title>{TITLE} - Gemeinde Musterdorf</title>", f'<div id="content"><h3>{TITLE}</h3>{BODY}</div>'),
    # the site's name shown by the page itself: its logo link to the home page, its footer's copyright line
    page(f"<title>Kreisbote Musterstadt | {TITLE}</title>",
         f'<header><a href="/"><img src="logo.png" alt="Kreisbote Musterstadt"></a></header><div>{BODY}</div>'),
    page(f"<title>{TITLE} - Kreisbote Musterstadt</title>",
         f"<div>{BODY}</div><footer>© 2023 Kreisbote Musterstadt. Alle Rechte vorbehalten.</footer>"),
    # a date the <title> adds
    page(f"<title>{TITLE} (16.11.2023)</title>", f"<div>{BODY}</div>"),
]


@pytest.mark.parametrize("i", range(len(ROUND6_TITLES)))
def test_round6_title_without_site_section_label_or_date(i: int) -> None:
    a = parse_html(ROUND6_TITLES[i], "x.html", "x")
    assert a.title == TITLE
    assert a.body_text.split("\n\n") == PARAS


ROUND6_DATES = [
    # "Stand:" is all the page shows; a later <meta name="date"> (an edit) does not beat it
    (page(f'<title>{TITLE}</title><meta name="date" content="2023-11-18">',
          f'<article><h1>{TITLE}</h1><p class="metatextline">Stand: 16.11.2023 18:00 Uhr</p>{BODY}</article>'),
     date(2023, 11, 16)),
    # two labelled dates in one element, the update first
    (_art(f'<div class="dates"><span>Aktualisiert: 18.11.2023</span><span>Erstellt: 16.11.2023</span></div>{BODY}'),
     date(2023, 11, 16)),
    (_art(f'<p class="meta">Veröffentlicht am 16. November 2023 | Aktualisiert am 18. November 2023</p>{BODY}'),
     date(2023, 11, 16)),
    # a teaser box's date before the article does not count first
    (page(f"<title>{TITLE}</title>", '<div class="teaser"><time datetime="2023-01-01">01.01.2023</time><a href="/x">'
          f'Anderes</a></div><article><h1>{TITLE}</h1><time datetime="2023-11-16">16.11.2023</time>{BODY}</article>'),
     date(2023, 11, 16)),
    # the date of a byline line
    (_art(f"<p>Von Anna Maier | 16.11.2023, 10:15 Uhr</p>{BODY}"), date(2023, 11, 16)),
]


@pytest.mark.parametrize("i", range(len(ROUND6_DATES)))
def test_round6_publication_day(i: int) -> None:
    html, day = ROUND6_DATES[i]
    a = parse_html(html, "x.html", "x")
    assert a.published_at.astimezone(BERLIN).date() == day
    assert a.body_text.split("\n\n") == PARAS


def test_round6_furniture_lines_and_boxes_leave_the_body() -> None:
    p0, p1, p2 = PARAS
    junk = ["» Zum Thema: Schulbus fährt bald öfter",
            "Um diesen Inhalt zu sehen, müssen Sie der Nutzung von Drittanbieter-Cookies zustimmen.",
            "Bitte aktivieren Sie JavaScript, um dieses Video anzusehen.", "00:00 / 03:12", "Seite drucken",
            "Kategorie: Allgemein", "Tags: Haushalt, Bundestag", "Abgelegt unter: Politik", "3 Kommentare",
            "Bildnachweis: Stadt Musterstadt", "← Vorheriger Beitrag", "Seite 1 von 2", "(Symbolbild)",
            "Jetzt Mitglied werden!", "Dieser Artikel steht unter der Lizenz CC BY-SA 4.0."]
    html = _art(f"<p>{p0}</p>" + "".join(f"<p>{j}</p>" for j in junk[:6])
                + '<div class="ad"><span>Anzeige</span><p>Jetzt günstig Schulranzen kaufen bei Muster-Shop.</p></div>'
                + f"<p>{p1}</p>" + "".join(f"<p>{j}</p>" for j in junk[6:]) + f"<p>{p2}</p>")
    a = parse_html(html, "x.html", "x")
    assert a.body_text.split("\n\n") == PARAS
    # an article's sentences about cookies and scripts are no notice (the notices speak to the reader)
    news = ("Die Datenschutzbehörde fordert, dass Nutzer Drittanbieter-Cookies aktiv zustimmen müssen, sagte sie am "
            "Montag in Bonn.")
    assert news in parse_html(_art(f"<p>{p0}</p><p>{news}</p><p>{p1}</p><p>{p2}</p>"), "x.html", "x").body_text
    # a table of figures is article text (trafilatura's default include_tables)
    html = _art(f"<p>{p0}</p><table><tr><td>Verkehr</td><td>2,1 Milliarden Euro</td></tr><tr><td>Entwicklungshilfe</td>"
                f"<td>1,4 Milliarden Euro</td></tr></table><p>{p1}</p><p>{p2}</p>")
    assert "Entwicklungshilfe" in parse_html(html, "x.html", "x").body_text


def test_round6_an_organisation_line_is_no_dump_headline() -> None:
    from pipeline.web.dump import org_line
    assert org_line("Piratenpartei Mecklenburg-Vorpommern") and org_line("Polizeiinspektion Hildesheim")
    assert not org_line(TITLE) and not org_line("Anna Maier")


def test_round6_section_labels_are_validated_and_optional() -> None:
    base = profile.yaml.safe_load(profile.RULES_FILE.read_text(encoding="utf-8"))
    with pytest.raises(RuleError, match="section_labels"):
        profile.parse(dict(base, section_labels=["ok", 3]))
    r = profile.parse({k: v for k, v in base.items() if k != "section_labels"})
    assert r.section_labels == frozenset()
    assert "lokales" in profile.web_rules().section_labels


def test_round6_what_the_page_shows_wins_over_names_and_titles_it_never_shows() -> None:
    # a JSON-LD person the page never shows (the CMS account that filed it) against the byline it shows
    html = page(f"<title>{TITLE}</title>" + ld(headline=TITLE, author={"@type": "Person", "name": "Peter Schmitz"}),
                f'<article><h1>{TITLE}</h1><p class="byline">Von Anna Maier</p>{BODY}</article>')
    assert parse_html(html, "x.html", "x").authors == ["Anna Maier"]
    # no source the page shows: the article's structured author counts, the generic meta author never (the site
    # owner or CMS account)
    html = page(f"<title>{TITLE}</title>" + ld(headline=TITLE, author={"@type": "Person", "name": "Peter Schmitz"}),
                f"<article><h1>{TITLE}</h1>{BODY}</article>")
    assert parse_html(html, "x.html", "x").authors == ["Peter Schmitz"]
    html = page(f'<title>{TITLE}</title><meta name="author" content="Peter Schmitz">',
                f"<article><h1>{TITLE}</h1>{BODY}</article>")
    assert parse_html(html, "x.html", "x").authors == []
    # a <title> of an unknown site's name and the headline: the part a heading shows
    html = page(f"<title>Kreisbote Musterstadt | {TITLE}</title>",
                f'<div class="top">Kreisbote Musterstadt</div><div class="content"><h2>{TITLE}</h2>{BODY}</div>')
    a = parse_html(html, "x.html", "x")
    assert a.title == TITLE
    assert a.body_text.split("\n\n") == PARAS


def test_round6_author_box_and_author_note_as_in_page_dumps() -> None:
    # no byline in the header: an author box under the article ("Autor" over the name, "Name Autor") or an author
    # note ("Autorin: Dr. Name ist …"), as the text-dump route finds them; a box in an aside is not the article's
    for inner, authors in ((f"{BODY}<div class='box'><div>Autor</div><div>Anna Maier</div></div>", ["Anna Maier"]),
                           (f"{BODY}<div class='box'><span>Anna Maier</span> <span>Autor</span></div>", ["Anna Maier"]),
                           (f"{BODY}<p><em>Autorin: Dr. Anna Maier ist Haushaltsexpertin.</em></p>", ["Anna Maier"])):
        assert parse_html(_art(inner), "x.html", "x").authors == authors
    html = page(f"<title>{TITLE}</title>", f"<article><h1>{TITLE}</h1>{BODY}</article><aside><div>Autor</div>"
                "<div>Jan Ott</div></aside>")
    assert parse_html(html, "x.html", "x").authors == []


def test_round6_a_list_of_story_cards_inside_the_article_leaves_the_body() -> None:
    # cards of other stories (date, linked heading, excerpt) inside the article container, with or without a
    # heading over them; a single card with its excerpt and the article's own linked subheadings stay as they were
    excerpt = ("Der Kreistag hat am Dienstag über den neuen Nahverkehrsplan beraten, der mehr Busse auf dem Land "
               "und dichtere Takte in der Stadt vorsieht.")
    cards = "".join(f"<div class='item'><span class='date'>0{i}.03.2021</span><h3><a href='/n{i}'>Andere Nachricht "
                    f"Nummer {i}</a></h3><p>{excerpt}</p></div>" for i in range(1, 4))
    for box in (f"<div class='news-list'>{cards}</div>", f"<div class='more'><h2>Aktuelle Meldungen</h2>{cards}</div>"):
        a = parse_html(_art(BODY + box), "x.html", "x")
        assert a.body_text.split("\n\n") == PARAS
