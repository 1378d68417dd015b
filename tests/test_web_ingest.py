"""Web pages and full-page text dumps (issue 15): metadata precedence, furniture-free bodies, page dumps,
site profiles, and no network access at run time (issue 14's ask, owned here).

The pages below are small hand-written pages in the markup of common German news sites (no third-party
text). Pages of ../shared/data/web/dev are scored by benchmarks/bench_web_ingest.py, not here, except one
smoke test marked ``shared``.
"""
from __future__ import annotations

import http.server
import json
import threading
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pipeline.ingest import Article, parse_html, parse_scraped_text, read_file, read_inputs
from pipeline.registry import RuleError
from pipeline.web import profile
from pipeline.web.dump import (article_text, crumb_section, is_page_dump, repeated_lines, site_key,
                                trail_headline)

BERLIN = ZoneInfo("Europe/Berlin")

BODY_PARAS = [
    "Die Landesregierung hat am Dienstag einen neuen Plan für den Ausbau der Windkraft vorgelegt. Bis zum "
    "Jahr 2030 sollen in dem Bundesland doppelt so viele Anlagen stehen wie heute, teilte das "
    "Wirtschaftsministerium in Hannover mit.",
    "Umweltverbände begrüßten den Schritt, forderten aber schnellere Genehmigungen. Die Verfahren dauerten "
    "derzeit oft mehr als fünf Jahre, sagte eine Sprecherin des Naturschutzbundes.",
    "Die Opposition im Landtag kritisierte, dass die Kommunen bei der Planung zu wenig mitreden dürften. "
    "Der Entwurf soll im Sommer im Parlament beraten werden.",
]
TEASER = "Das Land will die Zahl der Windräder bis 2030 verdoppeln. Naturschützer fordern schnellere Verfahren."


def tagesschau_like(ld: dict | None = None, extra_head: str = "") -> str:
    ld = ld if ld is not None else {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "Land will Windkraft-Ausbau verdoppeln",
        "datePublished": "2020-04-28T16:00:00+02:00", "dateModified": "2020-04-28T18:00:00+02:00",
        "author": {"@type": "Organization", "name": "tagesschau.de"},
        "publisher": {"@type": "Organization", "name": "tagesschau.de"}}
    paras = "\n".join(f'<p class="textabsatz">{p}</p>' for p in BODY_PARAS)
    return f"""<!DOCTYPE html>
<html lang="de"><head>
<meta charset="utf-8">
<title>Land will Windkraft-Ausbau verdoppeln | tagesschau.de</title>
<meta property="og:title" content="Land will Windkraft-Ausbau verdoppeln">
<meta property="og:site_name" content="tagesschau.de">
<meta name="description" content="{TEASER}">
<meta name="date" content="2020-04-30T09:12:00+02:00">
<meta name="author" content="Süddeutsche.de GmbH, Munich, Germany">
<link rel="canonical" href="https://www.tagesschau.de/inland/windkraft-ausbau-101.html">
<script type="application/ld+json">{json.dumps(ld)}</script>
{extra_head}
</head><body>
<a class="skiplink" href="#content">Hauptinhalt</a>
<nav class="navigation"><ul><li><a href="/">Startseite</a></li><li><a href="/inland/">Inland</a></li></ul></nav>
<nav class="breadcrumb" aria-label="Breadcrumb"><ul>
  <li><a href="/">tagesschau.de</a></li><li>&gt;</li><li><a href="/wirtschaft/">Wirtschaft</a></li><li>&gt;</li>
</ul></nav>
<main><article id="content">
<header>
 <span class="seitenkopf__topline">Energiewende</span>
 <h1 class="seitenkopf__headline">Land will Windkraft-Ausbau verdoppeln</h1>
 <p class="metatextline">Stand: 28.04.2020 18:00 Uhr</p>
</header>
<p class="textabsatz"><strong>{TEASER}</strong></p>
<p class="textabsatz">Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR</p>
<figure><img src="a.jpg" alt=""><figcaption>Windräder bei Cuxhaven. Bild: dpa</figcaption></figure>
{paras}
</article></main>
<aside class="teaser-list"><a href="/other.html"><figure><img src="b.jpg">
<figcaption>Warum die Strompreise steigen</figcaption></figure></a></aside>
<footer>Impressum Datenschutz</footer>
</body></html>"""


@pytest.fixture(scope="module")
def page() -> Article:
    return parse_html(tagesschau_like(), "x.html", "x")


# ---------------------------------------------------------------- HTML metadata
def test_title_kicker_and_site_suffix(page: Article) -> None:
    assert page.title == "Land will Windkraft-Ausbau verdoppeln"
    assert page.kicker == "Energiewende"
    assert page.teaser == TEASER


def test_publication_date_beats_later_meta_date_and_update_is_separate(page: Article) -> None:
    # JSON-LD datePublished wins over <meta name="date"> (a later edit) and over "Stand:" (the last update)
    assert page.published_at == datetime(2020, 4, 28, 14, 0, tzinfo=timezone.utc)
    assert page.published_precision == "time"
    assert page.updated_at == datetime(2020, 4, 28, 16, 0, tzinfo=timezone.utc)


def test_authors_are_people_not_site_city_or_country(page: Article) -> None:
    # JSON-LD names an organisation, <meta name=author> the publisher, city and country: the byline wins
    assert page.authors == ["Volkmar Kabisch", "Jan Lukas Strozyk", "Benedikt Strunz"]


def test_section_from_breadcrumbs_cleaned(page: Article) -> None:
    assert page.section == "Wirtschaft"


def test_body_has_no_furniture(page: Article) -> None:
    # the bold standfirst is the article's first paragraph, once (web.yaml standfirst_in_body); it is also
    # the teaser field
    paras = page.body_text.split("\n\n")
    assert paras == [TEASER] + BODY_PARAS
    assert page.body_text.count(TEASER[:30]) == 1
    for junk in ("Hauptinhalt", "Stand:", "Von Volkmar", "Energiewende", "Land will Windkraft",
                 "Warum die Strompreise"):
        assert junk not in page.body_text, junk


def test_standfirst_only_in_the_teaser_field_when_switched_off(tmp_path, monkeypatch) -> None:
    text = profile.RULES_FILE.read_text(encoding="utf-8").replace("standfirst_in_body: true",
                                                                  "standfirst_in_body: false")
    (tmp_path / "web.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("PIPELINE_WEB_RULES", str(tmp_path / "web.yaml"))
    a = parse_html(tagesschau_like(), "x.html", "x")
    assert a.body_text.split("\n\n") == BODY_PARAS
    assert a.teaser == TEASER


def test_captions_only_of_the_article(page: Article) -> None:
    assert page.captions == ["Windräder bei Cuxhaven. Bild: dpa"]


def test_date_only_value_keeps_its_day() -> None:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Land will Windkraft-Ausbau "
          "verdoppeln", "datePublished": "2019-10-19", "author": [{"@type": "Person", "name": "Claudia Riedler"}]}
    a = parse_html(tagesschau_like(ld), "x.html", "x")
    assert a.published_precision == "day"
    assert a.published_at == datetime(2019, 10, 19, tzinfo=timezone.utc)       # not 22:00 of the 18th
    assert a.published_at.astimezone(BERLIN).date() == date(2019, 10, 19)
    # the JSON-LD person is nowhere on the page, the byline is: the authors the page shows win (round 6)
    assert a.authors == ["Volkmar Kabisch", "Jan Lukas Strozyk", "Benedikt Strunz"]
    shown = tagesschau_like(ld).replace("Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR",
                                        "Von Claudia Riedler, NDR")
    assert parse_html(shown, "x.html", "x").authors == ["Claudia Riedler"]


def test_utc_instant_shown_on_the_german_day() -> None:
    # 22:04 UTC on the 18th is 00:04 on the 19th in Germany: the stored instant is exact, the day is German
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "2019-10-18T22:04:00Z"}
    a = parse_html(tagesschau_like(ld), "x.html", "x")
    assert a.published_at == datetime(2019, 10, 18, 22, 4, tzinfo=timezone.utc)
    assert a.published_at.astimezone(BERLIN).date() == date(2019, 10, 19)


def test_visible_date_beats_generic_meta_date() -> None:
    html = tagesschau_like(ld={}).replace('<p class="metatextline">Stand: 28.04.2020 18:00 Uhr</p>',
                                          '<time class="article-date">12.10.2015, 19:16 Uhr</time>')
    a = parse_html(html, "x.html", "x")
    assert a.published_at == datetime(2015, 10, 12, 19, 16, tzinfo=BERLIN)
    assert a.published_at.astimezone(BERLIN).date() == date(2015, 10, 12)


def test_source_id_keeps_the_whole_stem(tmp_path: Path) -> None:
    p = tmp_path / "taz.de.siemens.html"
    p.write_text(tagesschau_like(), encoding="utf-8")
    (a,) = list(read_file(p))
    assert a.source_id == "taz.de.siemens"


# ---------------------------------------------------------------- full-page text dumps
MENU = ["  • Startseite", "  • Politik", "  • Wirtschaft", "  • Sport", "  • Kultur", "  • Regional",
        "[logo]", "Suche [                    ] [Suchen]"]
COOKIE = ("Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren und die Zugriffe auf "
          "unsere Website zu analysieren. Mit Ihrer Einwilligung stimmen Sie der Datenschutzerklärung zu.")
OTHER_TEASER = ("Nach dem Sturm am Wochenende sind in der Region noch immer viele Straßen gesperrt, die Feuerwehr "
                "war mit mehreren hundert Kräften im Einsatz und räumt weiter auf.")


def dump_text() -> str:
    lines = MENU + ["", COOKIE, "", "[Akzeptieren]", "", " 1. Beispiel-Zeitung Startseite", " 2. Politik",
                    " 3. Niedersachsen", " 4. Land will Windkraft-Ausbau verdoppeln", "", "Energiewende", "",
                    "Land will Windkraft-Ausbau verdoppeln", "", "Von Anna Beispiel", "28.04.2020, 18:00 Uhr",
                    "", "  • Teilen", "  • Drucken", ""]
    for p in BODY_PARAS:
        lines += [p, ""]
    lines += ["Mehr zum Thema", "", "  • Sturm: Straßen weiter gesperrt", "",
              "Sturmschäden in der Region", "12 Kommentare", "", OTHER_TEASER, "",
              "━━━━━━━━━━━━━━━━━━━━", "Impressum", "Datenschutz", "© 2020 Beispielverlag"]
    return "\n".join(lines)


def test_page_dump_is_told_from_a_seed_text() -> None:
    assert is_page_dump(dump_text())
    assert not is_page_dump("Titel\n\nVon Anna Beispiel 28.04.2020\n\n" + "\n\n".join(BODY_PARAS))


def test_page_dump_article_and_metadata() -> None:
    a = parse_scraped_text(dump_text(), "dump.txt", "dump")
    assert a.title == "Land will Windkraft-Ausbau verdoppeln"
    assert a.kicker == "Energiewende"
    assert a.authors == ["Anna Beispiel"]
    assert a.section == "Politik / Niedersachsen"
    assert a.published_at.astimezone(BERLIN) == datetime(2020, 4, 28, 18, 0, tzinfo=BERLIN)
    assert a.body_text.split("\n\n") == BODY_PARAS
    for junk in ("Cookies", "Startseite", "Teilen", "Sturm", "Impressum", "Kommentare", "©"):
        assert junk not in a.body_text, junk


def test_lines_repeated_across_a_sites_pages_are_boilerplate(tmp_path: Path) -> None:
    shared_box = "Unsere Zeitung wird seit 1946 von einer unabhängigen Stiftung herausgegeben, die den Journalismus " \
                 "in der Region fördert und jedes Jahr einen Preis für junge Reporterinnen und Reporter vergibt."
    texts = [dump_text().replace("Mehr zum Thema", shared_box + "\n\nMehr zum Thema") for _ in range(4)]
    rep = repeated_lines({"beispiel.de": texts}, 2)["beispiel.de"]
    assert shared_box in rep and BODY_PARAS[0] in rep   # identical pages: everything repeats
    for i, t in enumerate(texts):     # four articles of one site: own paragraphs, the same page furniture
        for p in BODY_PARAS:
            t = t.replace(p, p.replace("Die", f"Die {i}.", 1))
        (tmp_path / f"beispiel.de-{i}.txt").write_text(t, encoding="utf-8")
    assert site_key(tmp_path / "beispiel.de-1.txt") == "beispiel.de"
    arts = [a for a in read_inputs([tmp_path]) if isinstance(a, Article)]
    assert len(arts) == 4
    for a in arts:
        assert shared_box not in a.body_text
        assert "Opposition im Landtag kritisierte" in a.body_text


# ---------------------------------------------------------------- the rule file
def test_web_rules_load_and_validate(tmp_path: Path) -> None:
    rules = profile.web_rules()
    assert rules.site("www.tagesschau.de").domain == "tagesschau.de"
    assert rules.site("example.org") is None
    import yaml
    data = yaml.safe_load(profile.RULES_FILE.read_text(encoding="utf-8"))
    bad = dict(data, sites=[{"domain": "mdr.de", "drop_lines": ["(unclosed"]}])
    with pytest.raises(RuleError, match=r"web.yaml.*sites\[0\] \(mdr.de\).*bad regular expression"):
        profile.parse(bad, "web.yaml")
    with pytest.raises(RuleError, match=r"unknown key"):
        profile.parse(dict(data, sites=[{"domain": "mdr.de", "colour": "red"}]), "web.yaml")
    with pytest.raises(RuleError, match=r"dump.stopwords_low"):
        profile.parse(dict(data, dump=dict(data["dump"], stopwords_low=3)), "web.yaml")


# ---------------------------------------------------------------- no network at run time (issue 14)
class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html><body><p>served</p></body></html>")

    def log_message(self, *args):
        pass


def test_ingestion_never_fetches(tmp_path: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/artikel.html"
    try:
        links = (f'<link rel="canonical" href="{url}"><meta property="og:url" content="{url}">'
                 f'<link rel="amphtml" href="{url}?amp"><meta http-equiv="refresh" content="0; url={url}">')
        (tmp_path / "page.html").write_text(tagesschau_like(extra_head=links), encoding="utf-8")
        (tmp_path / "url_only.html").write_text(url, encoding="utf-8")
        (tmp_path / "url_only.txt").write_text(url + "\n", encoding="utf-8")
        (tmp_path / "x.jsonl").write_text(json.dumps({"id": "1", "text": "Ein Text.", "url": url}) + "\n",
                                          encoding="utf-8")
        items = list(read_inputs([tmp_path]))
        assert any(isinstance(a, Article) and a.url == url for a in items)
    finally:
        server.shutdown()
    assert _Counter.hits == []


# ---------------------------------------------------------------- a real page (needs ../shared)
@pytest.mark.shared
def test_real_page_metadata(shared_dir: Path) -> None:
    (a,) = list(read_file(shared_dir / "data/web/dev/html/0a29620f9c4347758c146ed06dab6f3e.html"))
    assert a.title == "Tanz in der St. Galler Lokremise: Mit allen Wassern gewaschen"
    assert a.published_at.astimezone(BERLIN).date() == date(2019, 10, 19)    # meta date is the 18th's edit
    assert a.authors == ["Bettina Kugler"]
    assert a.section == "Kultur"


# ---------------------------------------------------------------- furniture trafilatura keeps (issue 15, round 2)
def furniture_page(lead_class: str = "article-lead") -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in BODY_PARAS)
    return f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Land will Windkraft-Ausbau verdoppeln</title>
<meta name="description" content="{TEASER}">
</head><body>
<main><div class="container"><ul>
<li class="inline"><a href="/">Home</a> &nbsp;›&nbsp; </li><li class="inline"><a href="/presse">Presse+Aktuelles</a> &nbsp;›&nbsp; </li>
<li class="inline"><a href="/pm">Pressemitteilungen</a></li></ul>
<article>
<h1>Land will Windkraft-Ausbau verdoppeln</h1>
<ul class="userOptions"><li><a href="#"><i class="material-icons">bookmark_border</i> Auf die Merkliste</a></li>
<li><a href="#"><i class="material-icons">headset</i> <span>Vorlesen</span></a></li></ul>
<section class="{lead_class}"><script>var view_config = {{'desktop': 2}}; pushAdTag(view_config, 'hor');</script></section>
<p class="intro">{TEASER}</p>
{paras}
<p>Das Gerät gibt es auch im Handel. <a href="https://partner.example/amzn?tag=x">Den Beef Maker bei Amazon ansehen</a></p>
<div class="insert full"><div class="widget story_fake"><h2 class="maintitle">Neun Frauen aus den Anfängen des Rock'n'Roll</h2>
<p class="lead">Von der gängigen Musikgeschichtsschreibung meist ausgeblendet, waren bei der Entstehung des Rock'n'Roll
etliche mutige und exzentrische Frauen an vorderster Front dabei, die nun ein neues Projekt würdigt.</p>
<p>Geht man auf die Anfänge des Rock'n'Roll in den Fünfzigerjahren zurück, erscheint es, als wäre dies eine einzige
Männerdomäne gewesen, in der Frauen keine Rolle spielten und nur selten auf einer Bühne standen …</p>
<div class="read_all">Artikel lesen</div><a class="btn_story_fake" href="/story/2">Link zum Artikel</a></div></div>
</article>
<div class="kommentare"><div class="rubrik"><i class="fa fa-comment-alt"></i> Kommentare</div>
<div class="kommentar-item"><div class="benutzer">Harzer66</div><h5>Ach ja...</h5>
<div class="kommentar-text">Es gab dieses Jahr echt viel Regen. Schön so. Jetzt gleicht sich die Natur wieder aus.</div>
<i class="fa fa-thumbs-up" title="like">4</i></div>
<div class="fussnote">Es gibt kein Recht auf Veröffentlichung.<br/>Beachten Sie, dass die Redaktion unpassende, inhaltlose
oder beleidigende Kommentare entfernen kann und wird.</div></div>
</div></main></body></html>"""


def test_body_without_icons_comments_crumbs_shop_links_scripts_or_other_stories() -> None:
    a = parse_html(furniture_page(), "x.html", "x")
    for junk in ("bookmark_border", "Merkliste", "headset", "Vorlesen", "view_config", "pushAdTag", "Home",
                 "Presse+Aktuelles", "bei Amazon ansehen", "Rock'n'Roll", "Artikel lesen", "Harzer66",
                 "echt viel Regen", "Recht auf Veröffentlichung", "Kommentare entfernen"):
        assert junk not in a.body_text, junk
    paras = a.body_text.split("\n\n")
    # the marked lead that the description repeats is not set apart (not bold): it is article text, once
    assert paras[0] == TEASER
    assert paras[1:4] == BODY_PARAS
    assert paras[-1] == "Das Gerät gibt es auch im Handel."
    assert a.title == "Land will Windkraft-Ausbau verdoppeln"


@pytest.mark.parametrize("depth", [300, 3000])
def test_deeply_nested_html_keeps_its_text(depth: int) -> None:
    # libxml2 drops what lies deeper than 256 levels: the page is re-read without its wrapper tags
    inner = "<h1>Land will Windkraft-Ausbau verdoppeln</h1>" + "".join(f"<p>{p}</p>" for p in BODY_PARAS)
    html = ("<html><head><title>Land will Windkraft-Ausbau verdoppeln</title></head><body>"
            + "<div>" * depth + inner + "</div>" * depth + "</body></html>")
    a = parse_html(html, "deep.html", "deep")
    assert a.body_text.split("\n\n") == BODY_PARAS
    assert a.title == "Land will Windkraft-Ausbau verdoppeln"


def test_lxml_paragraphs_when_trafilatura_finds_nothing() -> None:
    from pipeline.web.html import fallback_text, parse_tree
    tree = parse_tree("<html><body><nav><p>Startseite</p></nav><div><p>Erster Absatz.</p><ul><li>Punkt eins</li>"
                      "</ul><script>var x = 1;</script></div></body></html>")
    assert fallback_text(tree) == "Erster Absatz.\nPunkt eins"
    # labels and links only: still no article
    a = parse_html("<html><body><div><ul><li>Startseite</li><li>Politik</li></ul><p>Anmelden</p></div>"
                   "</body></html>", "menu.html", "menu")
    assert a.body_text == ""


# ---------------------------------------------------------------- text dumps: breadcrumb trails set as lists
def test_page_dump_section_from_a_bulleted_trail() -> None:
    trail = "\n".join(["  • Startseite", "  • >", "  • Energie", "  • >", "  • Niedersachsen", "  • >",
                       "  • Land will Windkraft-Ausbau verdoppeln"])
    text = dump_text().replace(" 1. Beispiel-Zeitung Startseite\n 2. Politik\n 3. Niedersachsen\n"
                               " 4. Land will Windkraft-Ausbau verdoppeln", trail)
    a = parse_scraped_text(text, "dump.txt", "dump")
    assert a.section == "Energie / Niedersachsen"
    assert a.title == "Land will Windkraft-Ausbau verdoppeln"
    assert a.body_text.split("\n\n") == BODY_PARAS
    # a slash-led trail that does not end with the title, and a numbered one just above the headline
    raw = ["  • Startseite", "  •  / Meine Welt", "  •  / Gesundheit", "", "Was hilft bei Krebs?", ""]
    assert crumb_section(raw, 4, "Was hilft bei Krebs?") == "Meine Welt / Gesundheit"
    raw = [" 1. ComputerBase", " 2. Internet", "", "HTC Touch: Bald bei o2 als Xda Nova", ""]
    assert crumb_section(raw, 3, "HTC Touch: Bald bei o2 als Xda Nova") == "Internet"
    # a plain menu is no trail
    raw = ["  • Startseite", "  • Politik", "  • Sport", "", "Land will Windkraft-Ausbau verdoppeln", ""]
    assert crumb_section(raw, 4, "Land will Windkraft-Ausbau verdoppeln") is None


def test_page_dump_headline_named_by_the_trail() -> None:
    raw = ["You are here:", "", "  • Home", "  • Urteilsdatenbank", "  • BGH: Rezeptfotos im Portal", "",
           "Urteil", "", "BGH: Rezeptfotos im Portal", "", "Aktenzeichen: I ZR 166/07", ""]
    assert trail_headline(raw, 10) == 8
    assert crumb_section(raw, 8, "BGH: Rezeptfotos im Portal") == "Urteilsdatenbank"
    assert trail_headline(["  • Startseite", "  • Politik", "", "Politik", ""], 3) is None


def test_page_dump_kicker_glued_to_the_headline_split_by_its_repeat() -> None:
    text = dump_text().replace("Energiewende\n\nLand will Windkraft-Ausbau verdoppeln",
                               "Energie im Norden Land will Windkraft-Ausbau verdoppeln")
    text = text.replace("[Akzeptieren]", "[Akzeptieren]\n\n  • Wetter\nEnergie im Norden\n[bild]")
    a = parse_scraped_text(text, "dump.txt", "dump")
    assert a.title == "Land will Windkraft-Ausbau verdoppeln"
    assert a.kicker == "Energie im Norden"
    assert a.body_text.split("\n\n") == BODY_PARAS


def test_page_dump_section_from_a_spaced_trail_or_a_menu_label_over_the_headline() -> None:
    title = "Verkehrsverbund erhöht die Preise deutlich"
    raw = ["  • Thema", "", f"Start Thema Wirtschaft {title}", "", "  • Region", "", title, ""]
    assert crumb_section(raw, 6, title) == "Wirtschaft"
    raw = ["  • Aktuell", "  • Termine", "  • Kontakt", "", "[bild-800x445]", "Aktuell ", "", title, ""]
    assert crumb_section(raw, 7, title) == "Aktuell"
    raw = ["  • Aktuell", "  • Termine", "", "Leserbriefe", "", title, ""]     # not a menu item: no section
    assert crumb_section(raw, 5, title) is None


def test_page_dump_author_box_as_a_bare_von_over_a_list_or_a_name_then_its_label() -> None:
    # "Von" alone over a bulleted list with the photo's file name before the name (the header keeps no date)
    t = dump_text().replace("Von Anna Beispiel\n28.04.2020, 18:00 Uhr",
                            "  • Von\n\n  • annaIMG_0450 (1)\n    Anna Beispiel\n  • 28.04.20, 18:00 Uhr")
    a = parse_scraped_text(t, "dump.txt", "dump")
    assert a.authors == ["Anna Beispiel"]
    assert a.body_text.split("\n\n") == BODY_PARAS
    # the author box after the article flattened to one line, 30 non-blank lines below the body at most
    t = dump_text().replace("Von Anna Beispiel\n", "").replace(
        "Mehr zum Thema", "\n\n\n".join(["[        ]"] * 12) + "\n\nAnna Beispiel Autorin\n\nMehr zum Thema")
    a = parse_scraped_text(t, "dump.txt", "dump")
    assert a.authors == ["Anna Beispiel"]
    assert a.body_text.split("\n\n") == BODY_PARAS
    # a section label is no name: "Politik Autor" gives nothing
    t = dump_text().replace("Von Anna Beispiel\n", "").replace("Mehr zum Thema", "Politik Autor\n\nMehr zum Thema")
    assert parse_scraped_text(t, "dump.txt", "dump").authors == []


def test_page_dump_date_line_glued_to_the_teaser() -> None:
    # a text browser lost the break between the date line and the teaser: "… 18:00 UhrDas Land will …"
    t = dump_text().replace("28.04.2020, 18:00 Uhr\n", "28.04.2020, 18:00 Uhr" + TEASER + "\n")
    a = parse_scraped_text(t, "dump.txt", "dump")
    assert a.published_at.astimezone(BERLIN) == datetime(2020, 4, 28, 18, 0, tzinfo=BERLIN)
    assert a.authors == ["Anna Beispiel"]
    assert a.body_text.split("\n\n")[-3:] == BODY_PARAS   # the teaser may open the body, the date line not
    assert "Uhr" not in a.body_text


def test_page_dump_bare_date_line_under_the_article_when_the_header_has_none() -> None:
    # the header has no date; under the article the page shows "20:34 28.04.2020" alone on a line, and a
    # later comment's time stamp is not taken
    t = dump_text().replace("28.04.2020, 18:00 Uhr\n", "").replace(
        "Mehr zum Thema", "  • Teilen:\n\n20:34 28.04.2020\n\n  • Windkraft\n\n2020-05-02 07:33:47\n\nMehr zum Thema")
    a = parse_scraped_text(t, "dump.txt", "dump")
    assert a.published_at.astimezone(BERLIN) == datetime(2020, 4, 28, 20, 34, tzinfo=BERLIN)
    assert a.authors == ["Anna Beispiel"]
    assert a.body_text.split("\n\n") == BODY_PARAS
    # a date inside a sentence under the article is no date line
    t = dump_text().replace("28.04.2020, 18:00 Uhr\n", "").replace(
        "Mehr zum Thema", "Der Landtag wird den Plan nach der Anhörung der Verbände in erster Lesung am 12.05.2020 beraten."
        "\n\nMehr zum Thema")
    assert parse_scraped_text(t, "dump.txt", "dump").published_at is None


def test_page_dump_author_note_at_the_articles_end() -> None:
    # no byline in the header; the article ends with an author note "Autor*in: Prof. Dr. Name ist …"
    note = ("Autor*in: Prof. Dr. Anna-Lena Beispiel ist seit 2014 Professorin für Energierecht an der "
            "Universität Hannover und berät die Landesregierung.")
    t = dump_text().replace("Von Anna Beispiel\n", "").replace(BODY_PARAS[-1], BODY_PARAS[-1] + "\n\n" + note)
    a = parse_scraped_text(t, "dump.txt", "dump")
    assert a.authors == ["Anna-Lena Beispiel"]
    assert a.body_text.split("\n\n")[:3] == BODY_PARAS
    # a sentence naming an author is no note
    t = dump_text().replace("Von Anna Beispiel\n", "").replace(
        BODY_PARAS[-1], BODY_PARAS[-1] + "\n\nDer Autor des Entwurfs, Karl Muster, war früher Landrat im Kreis.")
    assert parse_scraped_text(t, "dump.txt", "dump").authors == []


def test_page_dump_date_from_a_blog_posts_meta_line_under_the_article() -> None:
    t = dump_text().replace("28.04.2020, 18:00 Uhr\n", "").replace(
        "Mehr zum Thema", "Nächste Vorherige 28.04.20 Abgelegt in: Energie, Niedersachsen Getaggt mit: Windkraft, "
        "Landtag\n\nMehr zum Thema")
    a = parse_scraped_text(t, "dump.txt", "dump")
    assert a.published_at.astimezone(BERLIN).date() == date(2020, 4, 28)
    assert a.published_precision == "day"
    assert a.body_text.split("\n\n") == BODY_PARAS
