"""Metadata of a news web page from its parsed tree, by a fixed precedence (see README, "Web pages").

Per field, the first source that gives a usable value wins:

* **published_at**: JSON-LD ``datePublished`` of the article object (NewsArticle, Article, BlogPosting, …),
  then ``article:published_time`` / ``og:published_time`` / ``itemprop=datePublished``, then the visible date
  of the page (``<time>`` and date elements of the article header, "Veröffentlicht am …"), then the JSON-LD
  ``datePublished`` of the WebPage, then generic meta tags (``date``, ``dc.date``, ``dcterms.date``,
  ``pubdate`` …), then htmldate on the parsed tree (offline). A later update never replaces it: the last
  update (JSON-LD ``dateModified``, ``article:modified_time``, "Stand: …", "Aktualisiert …"; two labelled dates
  in one element each by its label) goes to ``updated_at``; a generic meta date on a later day than the only
  date the page shows ("Stand: …") is a later edit, and the shown day wins. Dates in the headline's article
  container come before those of teaser boxes. A value without a time of day has precision ``day`` and is stored as 00:00 UTC of that
  day, so its day never shifts.
* **title**: the visible headline (``<h1>``; of several, the one most like the structured titles; not the
  site's logo or name), with the kicker split off when the structured headline (JSON-LD, og:title) is its tail;
  without an h1, an h2/h3 the structured title starts with, JSON-LD ``headline``, og:title, ``<title>``. The site
  name (also the one the page shows in its home link, logo or copyright line), a section label before it and a
  date after the headline are cut; a title the page never shows gives way to its part a heading shows.
* **authors**: JSON-LD ``author`` persons of the article (``@id`` resolved in the graph), then
  ``article:author`` meta, then the visible byline (``rel=author``, ``itemprop=author``,
  ``.author``/``.byline`` elements, a "Von …"/"Geschrieben von …" line after the headline), then the generic
  ``author`` / ``dc.creator`` meta, then a name standing alone next to the header's date. Every name must look
  like a person: no site, publisher, desk, agency, party, company, city or country, no CMS account; job titles
  before a name are cut. A source counts with the names the page's text shows; names only the markup holds count
  from JSON-LD or ``article:author`` when no source names anyone the page shows, from generic meta tags never
  (the site owner or a CMS account as often as the writer).
* **section**: breadcrumbs (JSON-LD BreadcrumbList, else the visible breadcrumb navigation) without the home
  link, generic labels and the article's own title; else ``article:section`` or a single JSON-LD
  ``articleSection``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from urllib.parse import urlparse

from pipeline.web.profile import SiteProfile, WebRules

BERLIN_NAME = "Europe/Berlin"
_WS = re.compile(r"[\s\u00a0\u200b]+")
ARTICLE_TYPES = re.compile(r"(?:^|\b)(?:\w*Article|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting)$")
KICKER_CLASSES = re.compile(r"kicker|topline|dachzeile|spitzmarke|overline|roofline|headline-intro|"
                            r"superheadline|pre-?title|ueberschrift-?klein|subtitle--top|title__kicker|eyebrow|"
                            r"ueberzeile|überzeile|supertitle|super-title|rubrikzeile", re.I)
BREADCRUMB_HINT = re.compile(r"breadcrumb|brotkrume|brotkrumen|crumb|pfadnavigation", re.I)
DATE_CLASS = re.compile(r"(?:^|[\s_-])(?:date|datum|time|published|publish|pubdate|entry-date|"
                        r"publicationdate|article-date|post-date|meta-date|datetime)", re.I)
AUTHOR_CLASS = re.compile(r"(?:^|[\s_-])(?:author|autor|byline|writer|verfasser|createdby|created-by|posted-by)", re.I)


_INVISIBLE = re.compile(r"[\u200c\u200d\u2060\ufeff\u00ad]")   # zero-width marks and soft hyphens ("Bundes\xadtag")


def ws(s: str | None) -> str:
    return _WS.sub(" ", _INVISIBLE.sub("", s or "")).strip()


def _fold(s: str) -> str:
    return re.sub(r"[\W_]+", "", s.casefold())


@dataclass
class PageMeta:
    title: str | None = None
    kicker: str | None = None
    teaser: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    published_precision: str | None = None        # "day" | "time"
    published_source: str | None = None
    updated_at: datetime | None = None
    section: str | None = None
    url: str | None = None
    site_names: set[str] = field(default_factory=set)
    captions: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------- JSON-LD
def _ld_objects(tree) -> list[dict]:
    out: list[dict] = []

    def walk(x, depth=0):
        if depth > 6:
            return
        if isinstance(x, list):
            for y in x:
                walk(y, depth + 1)
        elif isinstance(x, dict):
            out.append(x)
            if "@graph" in x:
                walk(x["@graph"], depth + 1)
            for k in ("mainEntity", "mainEntityOfPage", "itemReviewed"):
                if isinstance(x.get(k), dict) and "@type" in x[k]:
                    walk(x[k], depth + 1)

    for s in tree.xpath('//script[@type]'):
        if (s.get("type") or "").strip().casefold() != "application/ld+json":
            continue
        data = parse_ld_json(s.text or "")
        if data is not None:
            walk(data)
    return out


_LD_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def parse_ld_json(raw: str):
    """A JSON-LD block as CMSs write it: also with a comment or CDATA wrapper, a trailing ";" or other text
    after the value, trailing commas, raw control characters. None when it is no JSON."""
    raw = _LD_WRAPPER.sub("", raw.strip()).strip()
    raw = _LD_WRAPPER.sub("", raw).strip()
    if not raw:
        return None
    dec = json.JSONDecoder(strict=False)
    for text in (raw, re.sub(r"[\x00-\x1f]", " ", raw), _TRAILING_COMMA.sub(r"\1", re.sub(r"[\x00-\x1f]", " ", raw))):
        try:
            return json.loads(text, strict=False)
        except ValueError:
            pass
        try:   # one value and something after it ("…];", a second object)
            value, end = dec.raw_decode(text)
        except ValueError:
            continue
        rest, values = text[end:].strip().lstrip(";").strip(), [value]
        while rest[:1] in ("{", "["):
            try:
                more, end = dec.raw_decode(rest)
            except ValueError:
                break
            values.append(more)
            rest = rest[end:].strip().lstrip(";,").strip()
        return values[0] if len(values) == 1 else values
    return None


def _types(o: dict) -> list[str]:
    t = o.get("@type")
    return [x for x in (t if isinstance(t, list) else [t]) if isinstance(x, str)]


def _is_article(o: dict) -> bool:
    return any(ARTICLE_TYPES.search(t) for t in _types(o))


def _unescape(s: str) -> str:
    import html
    return ws(html.unescape(s))


# ----------------------------------------------------------------------------- dates
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*"
                  r"(Z|[+-]\d{2}:?\d{2})?)?\s*$")


def parse_date_value(value: object) -> tuple[datetime, str] | None:
    """(datetime, precision) of a structured date value; date-only values are 00:00 UTC of that day."""
    from pipeline.ingest import BERLIN, parse_german_datetime
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    m = _ISO.match(s)
    try:
        if m:
            y, mo, d, hh, mi, ss, tz = m.groups()
            if hh is None:
                return datetime(int(y), int(mo), int(d), tzinfo=timezone.utc), "day"
            dt = datetime(int(y), int(mo), int(d), int(hh), int(mi), int(ss or 0))
            if tz:
                tz = "+00:00" if tz == "Z" else (tz if ":" in tz else tz[:3] + ":" + tz[3:])
                dt = datetime.fromisoformat(dt.isoformat() + tz)
            else:
                dt = dt.replace(tzinfo=BERLIN)
            return dt, "time"
    except ValueError:
        return None
    if re.fullmatch(r"\d{10}(?:\.\d+)?", s):       # epoch seconds
        return datetime.fromtimestamp(float(s), tz=timezone.utc), "time"
    return visible_date(s)


def visible_date(text: str) -> tuple[datetime, str] | None:
    """The first German date in a visible text ("19.10.19, 18:56", "1. November 2023", "Dienstag, 01. Februar
    2022 12:10"), as (datetime, precision)."""
    from pipeline.ingest import _find_date
    found = _find_date(text)
    if found is None:
        m = re.search(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                      r"December) (\d{1,2}), (\d{4})\b", text)
        if not m:
            return None
        months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december"]
        try:
            return datetime(int(m.group(3)), months.index(m.group(1).lower()) + 1, int(m.group(2)),
                            tzinfo=timezone.utc), "day"
        except ValueError:
            return None
    dt, m = found
    if m.groupdict().get("hour"):
        return dt, "time"
    return datetime(dt.year, dt.month, dt.day, tzinfo=timezone.utc), "day"


def not_publication(before: str, rules: WebRules) -> bool:
    """True when the text just before a date labels it as something else than the page's publication: a
    judgment ("Verkündet am:", "Urteil vom"), a deadline, an event, a birth (``not_published_labels``)."""
    tail = before[-40:]
    return any(p.search(tail) for p in rules.not_published_labels)


def sentence_with_date(line: str, date_start: int) -> bool:
    """A sentence that mentions a date ("Die Frist endet am 31.12.2023.", "Das Urteil fiel am 12.11.2009."):
    it ends with a full stop and three or more words, one of them in lower case, stand before the date."""
    words = line[:date_start].split()
    return line.rstrip().endswith(".") and len(words) >= 3 and any(w[:1].islower() for w in words)


def as_day(dt: datetime, precision: str) -> date:
    from pipeline.ingest import BERLIN
    return dt.astimezone(timezone.utc).date() if precision == "day" else dt.astimezone(BERLIN).date()


# ----------------------------------------------------------------------------- helpers
def _meta(tree, *names: str) -> list[str]:
    """Contents of meta tags by property/name/itemprop (case-insensitive), in document order."""
    want = {n.lower() for n in names}
    out = []
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        if key in want and (m.get("content") or "").strip():
            out.append(m.get("content").strip())
    return out


_FURNITURE_CLASS = re.compile(r"(?:^|[\s_-])(?:comments?|kommentare?|related|recommend\w*|sidebar|widget|"
                              r"meistgelesen|most-read|newsticker|navigation|menu|teaser-?list|more-articles)"
                              r"(?=$|[\s_-])", re.I)


def _outside_furniture(el) -> bool:
    """Not inside navigation, footers or boxes of other content (comments, related articles, widgets)."""
    for a in el.iterancestors():
        if a.tag == "article" and next(a.iter("h1"), None) is None and any(
                x.tag in ("nav", "footer", "aside") or _FURNITURE_CLASS.search((x.get("class") or "") + " " + (x.get("id") or ""))
                for x in a.iterancestors() if x.tag not in ("body", "html")):
            return False    # a teaser card (<article>) of another story in a box of related articles
        if a.tag in ("body", "html", "article", "main"):
            break  # reached the article or main container first: content
        if a.tag in ("nav", "footer", "form"):
            return False
        if _FURNITURE_CLASS.search((a.get("class") or "") + " " + (a.get("id") or "")):
            return False
    return True


def _host(url: str | None) -> str | None:
    try:
        return urlparse(url).hostname if url else None
    except ValueError:
        return None


def site_names(tree, ld: list[dict], url: str | None) -> set[str]:
    """Names of the site/publisher: og:site_name, application-name, JSON-LD publisher/WebSite/Organization
    names, the host and its labels."""
    names = set(_meta(tree, "og:site_name", "application-name", "apple-mobile-web-app-title", "publisher",
                      "twitter:site", "copyright"))
    for o in ld:
        ts = _types(o)
        if any(t in ("WebSite", "Organization", "NewsMediaOrganization", "Corporation") for t in ts):
            if isinstance(o.get("name"), str):
                names.add(o["name"])
        pub = o.get("publisher")
        for p in pub if isinstance(pub, list) else [pub]:
            if isinstance(p, dict) and isinstance(p.get("name"), str):
                names.add(p["name"])
    host = _host(url)
    if host:
        host = host.removeprefix("www.")
        names.add(host)
        names.add(host.rsplit(".", 1)[0])
    names = {ws(n).lstrip("@") for n in names if n and ws(n)}
    return {n for n in names if len(n) <= 80}


_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?"
                        r"((?-i:[A-ZÄÖÜ])[\w.&-]*(?:\s+(?-i:[A-ZÄÖÜ])[\w.&-]*){0,3})", re.I)


def shown_site_names(tree, rules: WebRules) -> set[str]:
    """Names the page shows for itself: the text or logo ``alt`` of links to its home page, the holder of the
    copyright line ("© 2023 Kreisbote Musterstadt"). Used to cut titles only (a blog's copyright holder is
    often its author)."""
    out: set[str] = set()
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        try:
            p = urlparse(href)
        except ValueError:
            continue
        if not href or p.path not in ("", "/") or p.query or p.fragment or href.startswith("#"):
            continue
        for t in [ws(a.text_content())] + [ws(i.get("alt")) for i in a.iter("img") if i.get("alt")]:
            if 1 <= len(t.split()) <= 5:
                out.add(t)
    body = tree.find(".//body")
    for el in (body.iter("footer") if body is not None else []):
        for m in _COPYRIGHT.finditer(ws(el.text_content())):
            out.add(re.sub(r"\s+(?:\d{4}|alle|all)\b.*$", "", m.group(1), flags=re.I))
    return {n for n in out if len(_fold(n)) >= 6 and n.casefold() not in rules.home_crumbs}


# ----------------------------------------------------------------------------- title
def cut_site_suffix(title: str, sites: set[str], rules: WebRules, profile: SiteProfile | None,
                    others: list[str] = ()) -> str:
    """Cut " | Site" (or a prefix "Site - ") when the part names the site, or repeats across title sources."""
    t = ws(title)
    folded_sites = {_fold(s) for s in sites} | {_fold(s) for s in (profile.title_suffixes if profile else ())}
    folded_sites.discard("")
    changed = True
    while changed:
        changed = False
        for sep in rules.title_separators:
            if sep not in t:
                continue
            head, tail = t.rsplit(sep, 1)
            ft = _fold(tail)
            if head and ft and (ft in folded_sites or any(ft in s or s in ft for s in folded_sites if len(s) >= 4)
                                or re.fullmatch(r"[\w.-]+\.(?:de|at|ch|com|net|org|info|eu)", tail.strip(), re.I)):
                t, changed = head.strip(), True
                break
            first, rest = t.split(sep, 1)
            ff = _fold(first)
            if rest and ff and ff in folded_sites:
                t, changed = rest.strip(), True
                break
        if not changed and ": " in t:      # "Kreisanzeiger: Headline": the site's name as a prefix
            first, rest = t.split(": ", 1)
            if rest and _fold(first) in folded_sites and len(rest.split()) >= 2:
                t, changed = rest.strip(), True
    if t != ws(title):      # the site name was cut: a section name before it goes too ("… - Lokales - Zeitung")
        for sep in rules.title_separators:
            head, _, tail = t.rpartition(sep)
            if head and tail.strip().casefold() in rules.section_labels and len(head.split()) >= 3:
                t = head.strip()
                break
    return t


def heading_text(el) -> str:
    """The text of a heading, a line break (``<br>``) read as a space ("Ampel einigt sich<br>auf Sparpaket")."""
    if next(el.iter("br"), None) is None:
        return ws(el.text_content())
    import copy
    el = copy.deepcopy(el)
    for br in el.iter("br"):
        br.tail = " " + (br.tail or "")
    return ws(el.text_content())


def _h1_text(h1) -> tuple[str, str | None]:
    """(headline text, kicker) of an h1; a kicker is an inner element marked as one."""
    kicker = None
    for e in h1.iter():
        if e is not h1 and KICKER_CLASSES.search(e.get("class") or ""):
            kicker = ws(e.text_content()) or None
            break
    if kicker is None:   # a kicker element just before the headline in the same header
        parent = h1.getparent()
        for holder in (parent, parent.getparent() if parent is not None else None):
            if holder is None or kicker:
                continue
            ancestors = list(h1.iterancestors())
            for e in holder.iter():
                if e is h1:
                    break
                if isinstance(e.tag, str) and KICKER_CLASSES.search(e.get("class") or "") \
                        and not any(e is a for a in ancestors) and 1 <= len(ws(e.text_content()).split()) <= 8:
                    kicker = ws(e.text_content())      # not a wrapper that holds the headline
                    break
        if kicker:
            return heading_text(h1), kicker
    full = heading_text(h1)
    if kicker and full.startswith(kicker):
        return full[len(kicker):].strip(" :–-|"), kicker
    return full, None


def _similar(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w+", a.casefold())), set(re.findall(r"\w+", b.casefold()))
    return len(wa & wb) / max(1, min(len(wa), len(wb))) if wa and wb else 0.0


_HEADLINE_CLASS = re.compile(r"headline|article-?title|entry-title|post-title|title--article|story-title", re.I)


def _in_breadcrumb(el) -> bool:
    return any(BREADCRUMB_HINT.search((a.get("class") or "") + " " + (a.get("id") or "") + " " +
                                      (a.get("aria-label") or "")) for a in el.iterancestors()) \
        or bool(BREADCRUMB_HINT.search(el.get("class") or ""))


_LOGO_CLASS = re.compile(r"(?:^|[\s_-])(?:site-?title|site-?name|site-?logo|logo|branding|blog-?title|"
                         r"blog-?name|site-?branding)(?=$|[\s_-])", re.I)


def _is_logo(h, sites: set[str]) -> bool:
    """An h1 that is the site's logo or name ("<h1><a href="/"><img alt="Beispielblatt"></a></h1>",
    ``<h1 class="site-title">``, or the name that the page's <title> has after the headline)."""
    text = ws(h.text_content())
    if sites and _fold(text) in {_fold(x) for x in sites}:
        return True
    if any(_LOGO_CLASS.search((e.get("class") or "") + " " + (e.get("id") or ""))
           for e in [h, *list(h.iterancestors())[:2]] if e.tag not in ("body", "html", "article", "main")):
        return True
    tt = h.getroottree().find(".//title")
    if tt is not None and len(text.split()) <= 5:
        whole = ws(tt.text_content())
        for sep in (" | ", " - ", " – ", " — ", " :: ", " · "):
            if sep in whole:
                head, tail = whole.rsplit(sep, 1)
                if _fold(text) == _fold(tail) and len(head.split()) > len(text.split()):
                    return True
    return _is_home_link(h)


def _is_home_link(h) -> bool:
    links = h.xpath(".//a[@href]")
    return len(links) == 1 and urlparse(links[0].get("href")).path in ("", "/") \
        and ws(links[0].text_content()) == ws(h.text_content())


def _headline_elements(tree, sites: set[str] = frozenset()) -> list:
    """The h1 elements that are headlines (not inside breadcrumbs, navigation or boxes of other content, not
    the site's logo or name); without one, headings marked as the article headline (``<h2 class="…headline…">``
    in the article header)."""
    h1s = [h for h in tree.iter("h1") if _outside_furniture(h) and not _in_breadcrumb(h) and not _is_logo(h, sites)]
    if any(len(ws(h.text_content()).split()) >= 2 for h in h1s):
        return h1s
    marked = [h for h in tree.iter("h2", "h3", "div", "span", "p")
              if _HEADLINE_CLASS.search(h.get("class") or "") and _outside_furniture(h) and not _in_breadcrumb(h)
              and any(a.tag in ("article", "header", "main") for a in h.iterancestors())]
    return marked[:3]


def _structured_titles(tree, ld_art: dict | None, sites: set[str], rules: WebRules,
                       profile: SiteProfile | None) -> list[str]:
    """The titles the markup states (JSON-LD headline, og/twitter/dc titles, <title>), site suffix cut."""
    structured = []
    if ld_art and isinstance(ld_art.get("headline"), str):
        structured.append(_unescape(ld_art["headline"]))
    structured += [ws(x) for x in _meta(tree, "og:title", "twitter:title", "dc.title", "dcterms.title", "title")]
    tt = tree.find(".//title")
    if tt is not None and ws(tt.text_content()):
        structured.append(ws(tt.text_content()))
    out = [cut_site_suffix(s, sites, rules, profile) for s in structured if s]
    # a date the <title> adds at the end ("… (12.03.2021)", "… - 12.03.2021") is no part of the headline
    return [re.sub(r"\s*(?:\(\d{1,2}\.\d{1,2}\.\d{2,4}\)|[-–|]\s*\d{1,2}\.\d{1,2}\.\d{2,4})$", "", s) or s for s in out]


def _title_from_h1(h1s: list[tuple[str, str | None]], structured: list[str]) -> tuple[str, str | None]:
    """The first h1 a structured title agrees with (else the first); a structured title it ends with
    leaves its head as the kicker."""
    best = max(h1s, key=lambda tk: (max((_similar(tk[0], s) for s in structured), default=0.0) >= 0.5,
                                    -h1s.index(tk)))
    text, kicker = best
    if kicker is None:
        for s in sorted(structured, key=len, reverse=True):
            if s and text != s and text.endswith(s) and len(s) >= 0.3 * len(text) and len(s.split()) >= 2:
                return s, text[: -len(s)].strip(" :–-|") or None
    return text, kicker


_HIDDEN_CLASS = re.compile(r"visually-hidden|sr-only|screen-reader|visuallyhidden|hidden|offscreen", re.I)


def two_part_heading(h, structured: list[str]) -> tuple[str, str] | None:
    """(title, kicker) of a heading made of two parts, kicker and title (``<h1><span>Haushalt</span><span>Ampel
    einigt sich …</span></h1>``, whatever their classes), when the structured titles confirm it (one of them is
    the title, or kicker and title together) or the page shows the two parts as separate lines (glued in the
    text, "HaushaltAmpel …"). Hidden separators (``<span class="visually-hidden">:</span>``) are skipped."""
    parts = [x for x in h if isinstance(x.tag, str) and x.tag in ("span", "div", "em", "strong", "b", "small", "a",
                                                                   "p") and not _HIDDEN_CLASS.search(x.get("class") or "")
             and re.search(r"\w", x.text_content())]
    if len(parts) != 2:
        return None
    kicker, title = ws(parts[0].text_content()), ws(parts[1].text_content())
    if not 1 <= len(kicker.split()) <= 5 or len(title.split()) < 2 or re.search(r"[.!?]$", kicker):
        return None
    folded = {re.sub(r"\W+", "", x).casefold() for x in structured}
    confirmed = re.sub(r"\W+", "", title).casefold() in folded or \
        re.sub(r"\W+", "", kicker + title).casefold() in folded
    between = (parts[0].tail or "") + "".join(
        (x.text_content() + (x.tail or "")) for x in h if x not in parts and isinstance(x.tag, str)
        and h.index(x) < h.index(parts[1]))
    glued = not re.search(r"\s", between) and not re.search(r"\s$", parts[0].text_content()) \
        and not re.match(r"\s", parts[1].text_content()) and not re.search(r"[:–-]$", kicker)
    return (title, kicker.rstrip(" :–-|")) if confirmed or glued else None


def without_subtitle(h, text: str, structured: list[str]) -> str:
    """The headline without a subtitle element at its end (``<h1>Ampel einigt sich <small>Die Koalition spart
    …</small></h1>``) when a structured title is the headline alone."""
    folded = {re.sub(r"\W+", "", x).casefold() for x in structured}
    if re.sub(r"\W+", "", text).casefold() in folded:
        return text
    kids = [x for x in h if isinstance(x.tag, str) and re.search(r"\w", x.text_content())]
    if not kids:
        return text
    sub = heading_text(kids[-1])
    if text.endswith(sub) and len(sub) < len(text):
        head = text[: -len(sub)].strip(" :–-|")
        if len(head.split()) >= 2 and re.sub(r"\W+", "", head).casefold() in folded:
            return head
    return text


def _title_from_h2_spans(tree, structured: list[str]) -> tuple[str, str] | None:
    """No h1: an h2/h3 of two spans, kicker and title, that together make a structured title ("Haushalt" +
    "Ampel einigt sich …" for the JSON-LD headline "Haushalt: Ampel einigt sich …"), or whose title part is the
    structured title."""
    for h in tree.iter("h2", "h3"):
        if not _outside_furniture(h) or _in_breadcrumb(h):
            continue
        got = two_part_heading(h, structured)
        if got is not None:
            folded = {re.sub(r"\W+", "", x).casefold() for x in structured}
            if re.sub(r"\W+", "", got[1] + got[0]).casefold() in folded or re.sub(r"\W+", "", got[0]).casefold() in folded:
                return got
    return None


def _title_from_h2_prefix(tree, structured: list[str]) -> str | None:
    """No h1: a visible h2 that the structured title begins with ("Der historische Purzelbaum" for og:title
    "Der historische Purzelbaum (2021/5)": an issue number or a series label the page does not show)."""
    for h in tree.iter("h2", "h3"):
        text = ws(h.text_content())
        if len(text.split()) < 2 or len(text) > 300 or not _outside_furniture(h) or _in_breadcrumb(h):
            continue
        for s in structured:
            if s != text and s.startswith(text) and re.fullmatch(r"\s*(?:\([^()]{1,30}\)|[|–—-]\s*\S.{0,40})", s[len(text):]) \
                    and len(s[len(text):].split()) <= 7:
                return text
    return None


def _title_from_structured(structured: list[str]) -> tuple[str | None, str | None]:
    """The first structured title of two words or more; "Haushalt 2024: Ampel einigt sich …" beside the
    headline "Ampel einigt sich …" gives the kicker."""
    for s in structured:
        if len(s.split()) >= 2:
            kicker = next((o[: -len(s)].rstrip(" :") for o in structured if o != s and o.endswith(": " + s)
                           and 1 <= len(o[: -len(s)].rstrip(" :").split()) <= 4), None)
            return s, kicker
    return (structured[0], None) if structured else (None, None)


def _section_label(h1s: list[tuple[str, str | None]], structured: list[str]) -> bool:
    """The page's h1s are section labels, not the headline: each of at most three words, sharing no word with
    a structured title of four words or more ("Pressemitteilungen" over a page titled "Stadt saniert …")."""
    long_ = [s for s in structured if len(s.split()) >= 4]
    return bool(long_) and all(len(t.split()) <= 3 and max(_similar(t, s) for s in long_) == 0.0 for t, _ in h1s)


def _heading_in_structured(tree, structured: list[str]) -> str | None:
    """A visible h2/h3 of three words or more outside page furniture that a structured title contains."""
    folded = [re.sub(r"\W+", " ", s).casefold().strip() for s in structured]
    for h in tree.iter("h2", "h3"):
        t = heading_text(h)
        k = re.sub(r"\W+", " ", t).casefold().strip()
        if len(t.split()) >= 3 and _outside_furniture(h) and not _in_breadcrumb(h) and any(k in f for f in folded):
            return t
    return None


def _cut_label_tail(title: str) -> str:
    """A structured title without its last " - Label" part when that part is short (1-4 words) and the rest is
    a headline (3+ words): "Stadt saniert Schulen - Stadt Musterstadt" (a site name not known as one)."""
    for sep in (" | ", " - ", " – ", " — "):
        if sep in title:
            head, tail = title.rsplit(sep, 1)
            if 1 <= len(tail.split()) <= 4 and len(head.split()) >= 3:
                return head.strip()
    return title


def pick_title(tree, ld_art: dict | None, sites: set[str], rules: WebRules,
               profile: SiteProfile | None) -> tuple[str | None, str | None]:
    """(title, kicker): the visible h1 (checked against the structured titles), else an h2 of kicker and
    title spans, an h2 the structured title begins with, or the structured title itself; a structured title
    the page never shows gives way to the part of it that a heading of the page shows."""
    title, kicker = _pick_title(tree, ld_art, sites, rules, profile)
    if title and len(title.split()) >= 2:
        shown = page_text(tree)
        if ws(title).casefold() not in shown:
            part = shown_title_part(tree, title, rules)
            if part:
                return part, kicker
    return title, kicker


def shown_title_part(tree, title: str, rules: WebRules) -> str | None:
    """The part of a title the page does not show ("Kreisbote Musterstadt | Stadt saniert Schulen") that is the
    whole text of one of its headings (h1-h4 outside page furniture), two words or more."""
    parts = {title}
    for sep in rules.title_separators + (": ",):
        for piece in title.split(sep):
            parts.add(piece.strip())
        if sep in title:
            parts.add(title.rsplit(sep, 1)[0].strip())
            parts.add(title.split(sep, 1)[1].strip())
    folded = {ws(p).casefold(): p for p in parts if len(p.split()) >= 2}
    best = None
    for h in tree.iter("h1", "h2", "h3", "h4"):
        t = heading_text(h).casefold()
        if t in folded and t != ws(title).casefold() and _outside_furniture(h) and (best is None or len(t) > len(best)):
            best = t
    return folded[best] if best else None


def _pick_title(tree, ld_art: dict | None, sites: set[str], rules: WebRules,
                profile: SiteProfile | None) -> tuple[str | None, str | None]:
    structured = _structured_titles(tree, ld_art, sites, rules, profile)
    h1s = []
    for h in _headline_elements(tree, sites):
        text, kicker = _h1_text(h)
        if kicker is None:
            text, kicker = two_part_heading(h, structured) or (without_subtitle(h, text, structured), None)
        text = cut_site_suffix(text, sites, rules, profile)
        if len(text.split()) >= 2 and len(text) <= 300:
            h1s.append((text, kicker))
    if h1s and not _section_label(h1s, structured):
        return _title_from_h1(h1s, structured)
    if h1s:      # the h1 is a section label ("Aktuelle Meldungen"): a visible heading the <title> names, else it
        visible = _heading_in_structured(tree, structured)
        return (visible, None) if visible else (_cut_label_tail(structured[0]) if structured else h1s[0][0], None)
    spans = _title_from_h2_spans(tree, structured)
    if spans is not None:
        return spans
    prefix = _title_from_h2_prefix(tree, structured)
    if prefix is not None:
        return prefix, None
    tail = _title_from_h2_tail(tree, structured)
    if tail is not None:
        return tail
    return _title_from_structured(structured)


def _title_from_h2_tail(tree, structured: list[str]) -> tuple[str, str | None] | None:
    """No h1: a visible h2/h3 that is a structured title's tail after "Kicker: " ("Ampel einigt sich …" shown,
    og:title "Haushalt: Ampel einigt sich …"): the shown headline, the head its kicker."""
    heads = {}
    for st in structured:
        head, sep, rest = st.partition(": ")
        if sep and 1 <= len(head.split()) <= 4 and len(rest.split()) >= 3:
            heads[re.sub(r"\W+", "", rest).casefold()] = head
    if not heads:
        return None
    for h in tree.iter("h2", "h3"):
        t = heading_text(h)
        k = re.sub(r"\W+", "", t).casefold()
        if k in heads and _outside_furniture(h) and not _in_breadcrumb(h):
            return t, heads[k]
    return None


# ----------------------------------------------------------------------------- authors
_PARTICLES = {"von", "van", "de", "der", "zu", "la", "di", "dr.", "prof.", "med.", "rer.", "nat.", "phil.", "jur.",
              "dent.", "vet.", "h.c."}


def _strip_job_words(toks: list[str], rules: WebRules) -> list[str]:
    """Leading job words go: "FOCUS-Online-Experte Robin Tschöpe", "Rechtsanwalt Dennis Tölle"; academic
    titles ("Dr.", "Prof.") stay part of the name."""
    while toks:
        t = toks[0].casefold()
        if t.rstrip(".") in {"dr", "prof"}:
            break
        if t in rules.author_roles or any(t.endswith("-" + r) for r in rules.author_roles) \
                or t.rstrip(".") in {"dipl", "ing", "mag"}:
            toks = toks[1:]
            continue
        break
    return toks


def _names_no_person(n: str, rules: WebRules, sites: set[str], profile: SiteProfile | None) -> bool:
    """The site, publisher, a desk, agency, company or generic account."""
    f = n.casefold()
    extra = {x.casefold() for x in (profile.not_authors if profile else ())}
    if f in rules.not_authors or f in extra or _fold(n) in {_fold(s) for s in sites if len(_fold(s)) >= 3}:
        return True
    words = re.findall(r"[\w.]+", f)
    toks = n.split()
    if len(toks) >= 2 and not all(t.isupper() for t in toks) and any(re.fullmatch(r"[A-ZÄÖÜ]{3,}", t) for t in toks):
        return True         # an acronym beside other words: "NABU Musterstadt", "ADAC Hessen", "SPD Ortsverein"
    return any(w in rules.not_author_words for w in words) or any(
        w.endswith(x) and len(w) >= len(x) + 3 or w == x and x not in _SURNAME_LIKE
        for w in words for x in ("redaktion", "zeitung", "nachrichten") + rules.not_author_suffixes)


# Institution endings that are also surnames on their own ("Anna Kammer", "Jan Sender").
_SURNAME_LIKE = frozenset({"kammer", "sender", "amt", "gruppe", "rathaus", "blog"})


def _name_shape(toks: list[str]) -> bool:
    """2-5 words, the name words capitalised, not all in capitals ("AUTO ZEITUNG")."""
    name_toks = [t for t in toks if t.lower() not in _PARTICLES]
    if toks and toks[0].casefold() in ("der", "die", "das", "den", "dem", "des"):
        return False        # "Der Spiegel", "Die Welt": a title with its article, no person
    return 2 <= len(toks) <= 5 and bool(name_toks) and all(t[0].isupper() for t in name_toks) \
        and not all(t.isupper() and len(t) > 2 for t in name_toks)


def clean_person(name: str, rules: WebRules, sites: set[str], profile: SiteProfile | None) -> str | None:
    """The person's name in a byline part, or None when it names no person."""
    n = ws(re.sub(r"\([^)]*\)", " ", name))
    n = _BYLINE_DATE.sub("", n)
    n = re.sub(r"^(?:(?:eine?\s+)?(?:beitrag|kommentar|gastbeitrag|gastkommentar|interview|analyse|glosse|reportage|"
               r"kolumne|essay|bericht|einordnung|kritik)\s+von|eine?\s+\w+\s+von|(?:redaktion|interview|protokoll)(?=\s*:)|"
               r"(?:geschrieben|verfasst|posted|written)\s+(?:von|by)|von|by|"
               r"text(?:\s*(?:und|&|/|\+)\s*(?:fotos?|bilder?))?|autor(?:in)?|autoren|foto|fotos)\s*:?\s+", "", n,
               flags=re.I).strip(" ,;|–-:.")
    n = re.sub(r"^(?:unser(?:e[mnrs]?)?|ihr(?:e[mnrs]?)?)\s+", "", n, flags=re.I)   # "Von unserer Redakteurin …"
    if not n or "@" in n or "http" in n or re.search(r"\d", n):
        return None
    toks = _strip_job_words(n.split(), rules)
    cut = next((i for i, t in enumerate(toks) if i >= 2 and t.casefold().rstrip(",") in rules.author_roles
                and t[:1].isupper()), None)
    toks = toks[:cut] if cut is not None else toks      # "Anna Maier Redakteurin Politik": the name only
    n = " ".join(toks)
    if not n or _names_no_person(n, rules, sites, profile) or not _name_shape(toks):
        return None
    return n


# Credits that follow the author in a byline ("Text von A  Illustration von B", "Von A, Fotos: B"): not authors.
_OTHER_CREDITS = re.compile(r"[\s,;|/]+(?:Illustrations?|Illustriert|Fotos?|Fotografie|Bilder?|Grafik(?:en)?|"
                            r"Infografik|Kamera|Video|Schnitt|Übersetzung|Zeichnung(?:en)?)\s*(?:von\b|:).*$"
                            r"|\s+(?:mit|unter Verwendung von) (?:Material|Informationen|Agenturmaterial)\b.*$")

# The start of a byline: "Von", "Text:", "Autorin:", "Ein Kommentar von", "Eine Analyse von" …
BYLINE_START = re.compile(r"^(?:von|by|text(?:\s*(?:und|&|/|\+)\s*(?:fotos?|bilder?))?|autor(?:in)?|autoren|(?:redaktion|interview|protokoll)(?=\s*:)|"
                          r"(?:geschrieben|verfasst|posted|written)\s+(?:von|by)|"
                          r"eine?\s+(?:beitrag|kommentar|gastbeitrag|gastkommentar|interview|analyse|glosse|reportage|"
                          r"kolumne|essay|bericht|einordnung|kritik)\s+von|"
                          # without "Ein": only before a name ("Kommentar von Anna Maier", not "Kritik von Verbänden")
                          r"(?:kommentar|gastbeitrag|gastkommentar|analyse|glosse|kolumne|essay|einordnung)\s+von"
                          r"(?=\s+(?-i:[A-ZÄÖÜ][a-zäöüß]+\s+(?:(?:von|van|de|der|zu)\s+)?[A-ZÄÖÜ])))\s*:?\s+\S", re.I)
# A date after the names in a byline: "von Anna Maier am 16.11.2023 um 10:00 Uhr", "Anna Maier | 16.11.2023".
_BYLINE_DATE = re.compile(r"[\s,|·•–-]+(?:am\s+|vom\s+|on\s+)?(?:\d{1,2}\.\s*(?:\d{1,2}\.|[A-ZÄÖÜa-zäöü]{3,9}\.?\s)|"
                          r"\d{4}-\d{2}-\d{2}|(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
                          r"November|Dezember|January|February|March|May|June|July|October|December)\s+\d).*$")
# A byline without "Von": names, then the agency ("Anna Maier, dpa", "Anna Maier und Jan Ott (dpa/AFP)").
_AGENCY = r"(?:dpa|afp|ap|reuters|kna|epd|ddp|sid|apa|sda|dts|afx|dpa-afx)"
_PNAME = r"[A-ZÄÖÜ][\w.'-]+(?:\s+(?:(?:von|van|de|der|zu)\s+)?[A-ZÄÖÜ][\w.'-]+){1,3}"
AGENCY_BYLINE = re.compile(r"^(?P<names>" + _PNAME + r"(?:\s*(?:,|und|&)\s*" + _PNAME + r")*)"
                           r"\s*(?:,|/|\(|\||–|-)\s*(?i:" + _AGENCY + r"(?:\s*[/,]\s*" + _AGENCY + r")*)\)?\s*$")


def byline_text(line: str) -> str | None:
    """The names part of a byline line, or None when the line is no byline: "Von …" and its variants
    (also in capitals: "VON ANNA MAIER"), or names followed by an agency ("Anna Maier, dpa")."""
    s = ws(line)
    words = [w for w in re.findall(r"[^\W\d_]+", re.sub(r"^\w+\s", "", s)) if w.casefold() not in ("und", "and", "von")]
    if words and all(w.isupper() for w in words):    # "VON ANNA MAIER UND JAN OTT"
        s = re.sub(r"\b(?:Und|And|Mit)\b", lambda m: m.group(0).lower(), s.title())
    if BYLINE_START.match(s) and len(s.split()) <= 25:
        s = _BYLINE_DATE.sub("", s)
        if not re.search(r"(?<!\bDr)(?<!\bProf)(?<!\bDipl)(?<!\bmed)(?<!\brer)(?<!\bnat)(?<!\bphil)(?<!\bjur)[.!?]\s+\S", s):
            return s
        return None
    # "Anna Maier | 16.11.2023": names, a bar, the date and nothing else ("Bad Homburg, 16.11.2023" is a dateline)
    m = _BYLINE_DATE.search(s)
    if m and m.start() > 0 and re.match(r"\s*[|·•–]", s[m.start():]) \
            and re.fullmatch(_PNAME + r"(?:\s*(?:,|und|&)\s*" + _PNAME + r")*", s[:m.start()]):
        from pipeline.web.html import is_date_line
        from pipeline.web.profile import web_rules
        if is_date_line(re.sub(r"^[\s,|·•–-]+", "", s[m.start():]), web_rules()):
            return s[:m.start()]
    m = AGENCY_BYLINE.match(s)
    if m and not re.search(r"[.!?]\s", m.group("names").replace("Dr.", "").replace("Prof.", "")):
        return m.group("names")
    return None


def split_names(text: str) -> list[str]:
    text = re.sub(r"^\s*text\s*(?:und|&|/|\+)\s*(?:fotos?|bilder?)\s*:?\s*", "", text, flags=re.I)
    text = _OTHER_CREDITS.sub("", text)
    text = re.sub(r"\s*,\s*(?:[A-ZÄÖÜ][\w.-]*\s*)?(?:Online-)?Redaktion\b.*$", "", text)
    parts = [p for p in re.split(r"\s*(?:,|;|\bund\b|\band\b|&|/|\||\s[-–]\s)\s*", text) if p.strip()]
    return [p for p in parts if not _NOT_WRITER.search(p)]   # "Jan Ott (Fotos)": the photographer


_NOT_WRITER = re.compile(r"\((?:fotos?|bilder?|fotografie|video|videos|grafik(?:en)?|illustrations?|kamera|schnitt)\)",
                         re.I)


def _ld_author_names(art: dict, persons: dict[str, str]) -> list[str]:
    a = art.get("author") or art.get("creator")
    out = []
    for x in a if isinstance(a, list) else [a]:
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            if any(t in ("Organization", "NewsMediaOrganization", "Corporation") for t in _types(x)):
                continue
            name = x.get("name")
            if isinstance(name, list):
                name = ", ".join(n for n in name if isinstance(n, str))
            typed = "Person" in _types(x)
            if not name and isinstance(x.get("@id"), str):
                name = persons.get(x["@id"])
                typed = name is not None
            if isinstance(name, str):
                out.append(_SinglePerson(name) if typed else name)
    return out


class _SinglePerson(str):
    """A name of a JSON-LD object typed Person: one capitalised word is accepted as a name ("Stefanus")."""


def _single_name(raw: str, rules: WebRules, sites: set[str], profile: SiteProfile | None) -> str | None:
    n = ws(raw).strip(" ,;|–-:.")
    if re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]{2,}(?:-[A-ZÄÖÜ][a-zäöüß]+)?", n) and not _names_no_person(n, rules, sites, profile):
        return n
    return None


_MAKER = re.compile(r"\b(?:Theme|Template|Design|Webdesign|Designed|Powered|Umsetzung|Realisierung|Programmierung|"
                    r"Entwickelt|Gestaltung|Hosting)\s*(?:by|von|:)\s*:?\s*([A-ZÄÖÜ][\w.-]+(?:\s+[A-ZÄÖÜ][\w.-]+){1,3})")


def site_makers(tree) -> set[str]:
    """Names the page credits for its theme or web design ("Theme by Peter Amende", "Webdesign: …"), case-folded:
    a WordPress theme often sets its maker as <meta name="author">, who wrote none of the articles."""
    body = tree.find(".//body")
    text = ws(" ".join((body if body is not None else tree).itertext()))
    return {m.group(1).casefold() for m in _MAKER.finditer(text)}


def pick_authors(tree, ld_art: dict | None, persons: dict[str, str], sites: set[str], rules: WebRules,
                 profile: SiteProfile | None) -> list[str]:
    """The article's authors: the names of the first source (JSON-LD, article:author and the like, author
    markup, a byline under the headline, generic meta tags last) that the page's text shows; else a byline's
    names in the header, else the first source with names."""
    sources = _author_sources(tree, ld_art, persons)
    generic = _generic_meta_authors(tree)
    sources.append(_marked_author_names(tree))
    sources.append(header_bylines(tree))
    sources.append(generic)     # generic meta tags last: a CMS account or the site owner as often as the writer
    makers = site_makers(tree)
    shown = page_text(tree)
    content = page_text(tree, without=("footer", "nav", "aside"))   # a site owner's name stands in the footer
    first: list[str] = []
    for src in sources:
        names = _source_names(src, rules, sites, profile, makers)
        # the authors the page shows: names of the markup that the page's text never shows (a CMS account, the
        # site owner in <meta name="author">, an editor of the structured data only) give way to a later source
        # whose names it shows; of the structured sources (JSON-LD, article:author) they count when no source
        # names anyone the page shows, of the generic meta tags never
        visible = [n for n in names if _shows(shown if src is not generic else content, n)]
        if visible:
            return visible[:6]
        if src is not generic:
            first = first or names
    found = [n for n in header_names(tree) if n.casefold() not in makers]
    return found or first[:6]


def _author_sources(tree, ld_art: dict | None, persons: dict[str, str]) -> list[list[str]]:
    """The structured author sources, most trusted first: the JSON-LD article's author (or the one Person of a
    graph without an article object), then <meta property="article:author">, "parsely-author", "sailthru.author",
    "byl" (no profile URLs)."""
    sources: list[list[str]] = []
    if ld_art:
        sources.append(_ld_author_names(ld_art, persons))
    elif len(persons) == 1:
        sources.append(list(persons.values()))  # a graph without article object: its one person is the author
    sources.append([m for m in _meta(tree, "article:author", "parsely-author", "sailthru.author", "byl")
                    if "://" not in m])
    return sources


def _generic_meta_authors(tree) -> list[str]:
    """<meta name="author">, "dc.creator", "dcterms.creator" (no profile URLs): a CMS account or the site owner as
    often as the writer."""
    return [m for m in _meta(tree, "author", "dc.creator", "dcterms.creator") if "://" not in m]


def _marked_author_names(tree) -> list[str]:
    """The texts of author markup outside page furniture and comments: rel="author", itemprop="author" and author
    classes (``AUTHOR_CLASS``): <a rel="author">Jil Schuller</a>, <div class="byline">Von Anna Maier | 16.11.2023
    </div>."""
    visible = []
    for e in tree.xpath('//*[@rel="author" or @itemprop="author"]') + [
            e for e in tree.iter() if isinstance(e.tag, str) and AUTHOR_CLASS.search(e.get("class") or "")]:
        if not _outside_furniture(e) or re.search(r"comment", e.get("class") or "", re.I):
            continue
        visible.extend(_marked_author_pieces(e))
    return visible


def _marked_author_pieces(e) -> list[str]:
    """The pieces of one short author element (160 characters at most) as bylines' names: "Von Anna Maier |
    16.11.2023", "VON ANNA MAIER" -> the byline's names; "Autor" / "Jil Schuller" / "Alle Artikel" piece by piece."""
    pieces = [ws(x) for x in e.itertext()]
    pieces = [x for x in pieces if x]
    if not 0 < sum(map(len, pieces)) <= 160:
        return []
    whole = byline_text(ws(e.text_content()))
    if whole and whole.casefold() != ws(e.text_content()).casefold():
        pieces = [whole]        # "Von Anna Maier | 16.11.2023", "VON ANNA MAIER": the byline's names
    return [byline_text(x) or x for x in pieces]   # "Autor" / "Jil Schuller" / "Alle Artikel"


def _source_names(src: list[str], rules: WebRules, sites: set[str], profile: SiteProfile | None,
                  makers: set[str]) -> list[str]:
    """The persons' names of one author source, each once, without the site's theme makers: "Anna Maier und Jan
    Ott" -> ["Anna Maier", "Jan Ott"]; one capitalised word of a JSON-LD Person ("Stefanus") counts too."""
    names: list[str] = []
    for raw in src:
        parts = split_names(_unescape(raw))
        for part in parts:
            p = clean_person(part, rules, sites, profile)
            if p is None and isinstance(raw, _SinglePerson) and len(parts) == 1:
                p = _single_name(part, rules, sites, profile)
            if p and p.casefold() not in {x.casefold() for x in names} and p.casefold() not in makers:
                names.append(p)
    return names


def page_text(tree, without: tuple[str, ...] = ()) -> str:
    """The text of the page's body as a reader sees it (no scripts, styles or templates; nor the elements named
    in ``without``), whitespace and soft hyphens normalised, case-folded."""
    import copy

    from pipeline.web.html import visible_text
    body = tree.find(".//body")
    body = body if body is not None else tree
    if without and next(body.iter(*without), None) is not None:
        body = copy.deepcopy(body)
        for el in list(body.iter(*without)):
            if el.getparent() is not None:
                el.getparent().remove(el)
    return ws(visible_text(body)).casefold()


def _shows(text: str, name: str) -> bool:
    """The page's text shows the name (academic titles and initials aside: "Dr. Jan Ott" shown as "Jan Ott")."""
    n = ws(name).casefold()
    if n in text:
        return True
    core = re.sub(r"^(?:(?:dr|prof|dipl|med|rer|nat|phil|jur)\.\s*)+", "", n)
    return len(core) >= 5 and core in text


def _headline(tree):
    """The article's headline: the first h1 outside page furniture and breadcrumbs (None if there is none)."""
    return next((h for h in tree.iter("h1") if _outside_furniture(h) and not _in_breadcrumb(h)), None)


def _after_headline(tree, h1):
    """The elements after the headline ``h1`` in document order, without its own descendants and without
    script/style/noscript/template elements."""
    started = False
    for el in tree.iter():
        if el is h1:
            started = True
            continue
        if not started or not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript", "template"):
            continue
        if any(a is h1 for a in el.iterancestors()):
            continue
        yield el


def header_bylines(tree) -> list[str]:
    """A byline among the short elements right after the headline (h1) that no author class marks: "Geschrieben
    von Anna Maier am 12. März 2021", "Posted by Anna Maier on March 12, 2021", "Text und Fotos: Anna Maier";
    searched up to the first paragraph of 20+ words."""
    h1 = _headline(tree)
    if h1 is None:
        return []
    seen, walked = 0, 0
    for el in _after_headline(tree, h1):
        walked += 1
        if walked > 300:
            break
        text = ws(el.text_content())
        if el.tag in ("p", "div", "section", "article") and len(text.split()) >= 20 and \
                len(ws(el.text or "").split()) >= 20:
            break
        if not text or len(text) > 200 or not _outside_furniture(el):
            continue
        seen += 1
        if seen > 40:
            break
        got = byline_text(text)
        if got:
            return [got]
    return []


def header_names(tree) -> list[str]:
    """A name standing alone next to the date in the article's header: the text pieces after the first
    headline (h1) up to the first paragraph of 20+ words; the piece right after or before the date that is
    nothing but a person's name ("5. November 2021, 10:39 Uhr" / "Solveig Grewe")."""
    from pipeline.web.dump import name_line
    h1 = _headline(tree)
    if h1 is None:
        return []
    title = ws(h1.text_content())
    pieces: list[str] = []
    for el in _after_headline(tree, h1):
        for t in (el.text, ):
            t = ws(t)
            if t:
                pieces.append(t)
        if len(pieces) > 15 or pieces and len(pieces[-1].split()) >= 20:
            break
    for i, t in enumerate(pieces):
        if len(t.split()) <= 8 and visible_date(t) is not None:
            for k in (i + 1, i - 1, i + 2):
                if 0 <= k < len(pieces):
                    got = name_line(pieces[k], title)
                    if got:
                        return got
            return []
    return []


# ----------------------------------------------------------------------------- section
def _crumb_items_ld(ld: list[dict]) -> list[tuple[str, str | None]]:
    for o in ld:
        if "BreadcrumbList" in _types(o) and isinstance(o.get("itemListElement"), list):
            items = []
            for it in sorted((i for i in o["itemListElement"] if isinstance(i, dict)),
                             key=lambda i: i.get("position") if isinstance(i.get("position"), int) else 0):
                item = it.get("item")
                name = it.get("name") or (item.get("name") if isinstance(item, dict) else None)
                url = item.get("@id") if isinstance(item, dict) else item if isinstance(item, str) else None
                if isinstance(name, str) and ws(name):
                    items.append((_unescape(name), url if isinstance(url, str) else None))
            if items:
                return items
    return []


def _crumb_items_html(tree) -> list[tuple[str, str | None]]:
    for nav in tree.xpath("//*[@class or @aria-label or @id]"):
        hint = " ".join(nav.get(a) or "" for a in ("class", "aria-label", "id"))
        if not BREADCRUMB_HINT.search(hint) or nav.tag in ("span", "a"):
            continue
        items = []
        lis = nav.xpath(".//li")
        for el in (lis if lis else nav.xpath(".//a")):
            links = el.xpath(".//a") if el.tag != "a" else [el]
            if len(links) > 1 and not el.xpath(".//li"):   # one item holding the whole trail: its links
                items.extend((ws(a.text_content()), a.get("href")) for a in links)
                continue
            a = links[0] if links else None
            items.append((ws(el.text_content()), a.get("href") if a is not None else None))
        if not lis:
            tail = ws(nav.text_content())
            last = items[-1][0] if items else ""
            rest = tail.rsplit(last, 1)[-1].strip(" >›»/|") if last else ""
            if rest:
                items.append((rest, None))
        items = [(t, h) for t, h in items if t and re.search(r"\w", t)]
        if len(items) >= 1:
            return items
    return []


def _crumb_items_form(tree, rules: WebRules) -> list[tuple[str, str | None]]:
    """Rule ``crumb_form`` (dump20; switch ``dump20.enabled``): a breadcrumb trail known by its form where no
    class names it: a short block (``div``, ``nav``, ``p``) of two to six links (none to an anchor) and one
    separator between each two (">", "›", "»", "/", "|"), the first link the home link ("<div class=bc><a href=/>Startseite</a>
    &gt; <a href=/region>Region</a> &gt; <a href=/esslingen>Esslingen</a></div>")."""
    if not rules.dump20.on:
        return []
    for el in tree.iter("div", "nav", "p"):
        links = el.xpath("./a[@href]")
        if not 2 <= len(links) <= 6 or len(el) != len(links):
            continue
        gaps = [a.tail or "" for a in links[:-1]]
        if (links[-1].tail or "").strip() or (el.text or "").strip() or not all(
                re.fullmatch(r"\s*[>›»/|]\s*", g) for g in gaps) or any("#" in (a.get("href") or "") for a in links):
            continue
        first = ws(links[0].text_content())
        if (links[0].get("href") or "").strip() == "/" or first.casefold() in rules.home_crumbs:
            return [(ws(a.text_content()), a.get("href")) for a in links]
    return []


def _is_home(name: str, href: str | None, sites: set[str], rules: WebRules, url: str | None) -> bool:
    if name.casefold().strip(" :") in rules.home_crumbs or name.casefold() in rules.home_crumbs:
        return True
    if _fold(name) in {_fold(s) for s in sites}:
        return True
    if href:
        p = urlparse(href)
        if p.path in ("", "/") and not p.query:
            return True
    return False


def clean_crumbs(items: list[tuple[str, str | None]], title: str | None, sites: set[str], rules: WebRules,
                 url: str | None) -> str | None:
    names: list[str] = []
    for i, (name, href) in enumerate(items):
        name = ws(re.sub(r"^(?:sie sind hier|you are here|navigation|pfadnavigation)\s*:?\s*", "", name, flags=re.I))
        name = name.strip(" >›»/|‹")
        if not name or not re.search(r"\w", name):
            continue
        if i == 0 and _is_home(name, href, sites, rules, url):
            continue
        if name.casefold() in rules.home_crumbs or _fold(name) in {_fold(s) for s in sites}:
            continue
        if title and (name == title or len(name.split()) >= 3 and (_similar(name, title) >= 0.6 or name in title)):
            continue
        names.append(name)
    if names and len(names[-1].split()) >= 5:
        names = names[:-1]  # the article's own (other) title
    return " / ".join(names) or None


def pick_section(tree, ld: list[dict], ld_art: dict | None, title: str | None, sites: set[str],
                 rules: WebRules, url: str | None) -> str | None:
    cands = _meta(tree, "article:section")
    if ld_art and isinstance(ld_art.get("articleSection"), str):
        cands.append(ld_art["articleSection"])
    if ld_art and isinstance(ld_art.get("articleSection"), list) and len(ld_art["articleSection"]) == 1:
        cands.append(str(ld_art["articleSection"][0]))
    cands = [_unescape(c) for c in cands]
    cands = [c for c in cands if c and "," not in c and not c.startswith("#")
             and c.casefold() not in rules.home_crumbs | {"uncategorized", "allgemein"}]
    secs = [clean_crumbs(items, title, sites, rules, url) if items else None
            for items in (_crumb_items_ld(ld), _crumb_items_html(tree) or _crumb_items_form(tree, rules))]
    if secs[0] and secs[1] and secs[0] != secs[1] and cands:
        # the structured trail and the visible one differ (a CMS plugin's generic "Alle News" against
        # "Werkstatt"): the one the article's own section names wins
        named = [sec for sec in secs if any(c.casefold() in sec.casefold().split(" / ") for c in cands)]
        if len(named) == 1:
            return named[0]
    for sec in secs:
        if sec:
            return sec
    return cands[0] if cands else None


# ----------------------------------------------------------------------------- dates from the page
def _visible_dates(tree, rules: WebRules) -> tuple[list[tuple[datetime, str]], list[tuple[datetime, str]]]:
    """(publication candidates, update candidates) from <time> and date elements outside page furniture,
    in document order; "Stand:"/"Aktualisiert" texts are updates."""
    pub, upd = [], []
    seen: set[int] = set()
    keep: list = []          # element proxies stay alive, so their ids stay unique
    els = [e for e in tree.iter() if isinstance(e.tag, str) and (
        e.tag == "time" or DATE_CLASS.search(e.get("class") or "") or e.get("itemprop") in ("datePublished",)
        or e.tag in ("p", "span", "div", "li", "small", "em") and _date_label_line(e, rules))]
    heads = _headline_elements(tree)
    box = next((a for a in heads[0].iterancestors() if a.tag in ("article", "main")), None) if heads else None
    if box is not None:     # the dates in the headline's article (or main) container first, teaser boxes after
        inside = {id(x) for x in box.iter()}
        keep.append(list(box.iter()))
        els = [e for e in els if id(e) in inside] + [e for e in els if id(e) not in inside]
    for e in els:
        if id(e) in seen or not _outside_furniture(e):
            continue
        for d in e.iterdescendants():
            keep.append(d)
            seen.add(id(d))
        text = ws(e.text_content())
        if len(text) > 160:
            continue
        both = _labelled_dates(text, rules)
        if both:            # "Aktualisiert: 14.03.2021 Erstellt: 12.03.2021": each date by its own label
            for val, is_upd in both:
                (upd if is_upd else pub).append(val)
            continue
        low = text.casefold()
        is_upd = any(low.startswith(p) for p in rules.updated_prefixes) or re.search(
            r"updated|modified|aktualisiert", e.get("class") or "", re.I) and "published" not in (e.get("class") or "")
        val = None
        if e.get("datetime"):
            val = parse_date_value(e.get("datetime"))
        if val is None and text:
            from pipeline.ingest import _find_date
            found = _find_date(text)
            if found is not None and not_publication(text[:found[1].start()], rules):
                continue
            val = visible_date(text)
        if val is None and e.get("content"):
            val = parse_date_value(e.get("content"))
        if val is None:
            continue
        (upd if is_upd else pub).append(val)
    return pub, upd


def _date_label_line(e, rules: WebRules) -> bool:
    """A short element whose text is a labelled date ("Stand: 28.04.2020 18:00 Uhr", "Veröffentlicht am
    12. März 2021") whatever its class."""
    own = ws(e.text).casefold()        # the label opens the element's own text: cheap to test on every element
    if not own or not any(own.startswith(p) and not own[len(p):len(p) + 1].isalpha()
                          for p in rules.updated_prefixes + rules.published_prefixes):
        return False
    text = ws(e.text_content())
    return 8 <= len(text) <= 100 and visible_date(text) is not None


def _labelled_dates(text: str, rules: WebRules) -> list[tuple[tuple[datetime, str], bool]]:
    """The dates of a text that labels two or more of them ("Veröffentlicht am 12.03.2021 | Aktualisiert am
    14.03.2021", "Aktualisiert: 14.03.2021 Erstellt: 12.03.2021") as [((datetime, precision), is_update)];
    [] when the text has fewer than two labelled dates."""
    labels = sorted(rules.updated_prefixes + rules.published_prefixes, key=len, reverse=True)
    rx = re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(x) for x in labels) + r")(?!\w)", re.I)
    starts = [m for m in rx.finditer(text)]
    out = []
    for i, m in enumerate(starts):
        seg = text[m.end(): starts[i + 1].start() if i + 1 < len(starts) else len(text)]
        val = visible_date(seg)
        if val is not None:
            out.append((val, m.group(0).casefold() in rules.updated_prefixes))
    return out if len(out) >= 2 else []


_PUBLISHED_META = ("article:published_time", "og:published_time", "og:article:published_time", "datepublished",
                   "published_time", "parsely-pub-date", "sailthru.date")
_GENERIC_DATE_META = ("date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "pubdate",
                      "publishdate", "publish-date", "publication_date", "datecreated", "creation_date",
                      "last-modified")
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified")


def _first_date(values: list) -> tuple[datetime, str] | None:
    """The first value that is a date: parsed (datetime, precision) pairs pass, strings are parsed."""
    for v in values:
        got = v if isinstance(v, tuple) else parse_date_value(v) if isinstance(v, str) else None
        if got:
            return got
    return None


def earlier_shown(meta_date: tuple[datetime, str], shown: tuple[datetime, str]) -> tuple[datetime, str]:
    """A generic meta date (``<meta name="date">``) against the only date the page shows, a "Stand: …" line:
    a meta date on a later day is a later edit, and the page's day wins."""
    return shown if as_day(*shown) < as_day(*meta_date) else meta_date


def pick_dates(tree, ld: list[dict], ld_art: dict | None, rules: WebRules
               ) -> tuple[tuple[datetime, str] | None, str | None, datetime | None]:
    """((published, precision), source name, updated_at), by the precedence in the module docstring."""
    pub_vis, upd_vis = _visible_dates(tree, rules)
    pages = [o for o in ld if any(t in ("WebPage", "ItemPage") for t in _types(o))]
    chain = [("json-ld", [ld_art.get("datePublished"), ld_art.get("dateCreated")] if ld_art else []),
             ("article:published_time", _meta(tree, *_PUBLISHED_META)),
             ("visible", pub_vis[:1]),
             ("json-ld webpage", [o.get("datePublished") for o in pages]),
             ("meta", _meta(tree, *_GENERIC_DATE_META))]
    published, source = None, None
    for name, values in chain:
        published = _first_date(values)
        if published:
            source = name
            break
    if source == "meta" and upd_vis:
        published, source = earlier_shown(published, upd_vis[0]), source
    upd = _first_date(([ld_art.get("dateModified")] if ld_art else []) + _meta(tree, *_MODIFIED_META)
                      + upd_vis[:1])
    updated = upd[0] if upd else None
    if published and updated and updated <= published[0]:
        updated = None
    return published, source, updated


# ----------------------------------------------------------------------------- entry point
def page_meta(tree, rules: WebRules, url: str | None = None) -> PageMeta:
    ld = _ld_objects(tree)
    arts = [o for o in ld if _is_article(o)]
    ld_art = max(arts, key=lambda o: ("headline" in o) + ("datePublished" in o) + ("author" in o)) if arts else None
    persons = {o["@id"]: o["name"] for o in ld if "Person" in _types(o) and isinstance(o.get("@id"), str)
               and isinstance(o.get("name"), str)}
    canon = tree.xpath('//link[@rel="canonical"]/@href') or _meta(tree, "og:url")
    url = url or (canon[0].strip() if canon else None) or (ld_art.get("url") if ld_art and
                                                           isinstance(ld_art.get("url"), str) else None)
    profile = rules.site(_host(url))
    m = PageMeta(url=url)
    m.site_names = site_names(tree, ld, url)
    m.title, m.kicker = pick_title(tree, ld_art, m.site_names | shown_site_names(tree, rules), rules, profile)
    m.authors = pick_authors(tree, ld_art, persons, m.site_names, rules, profile)
    m.section = pick_section(tree, ld, ld_art, m.title, m.site_names, rules, url)
    pub, m.published_source, updated = pick_dates(tree, ld, ld_art, rules)
    m.updated_at = to_storage(updated, "time")
    if pub:
        m.published_at, m.published_precision = pub
    desc = [d for d in ([ld_art.get("description")] if ld_art and isinstance(ld_art.get("description"), str)
                        else []) + _meta(tree, "og:description", "description") if ws(d)]
    m.teaser = _unescape(desc[0]) if desc else None
    return m


CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:caption|legend|legende|bildunterschrift|bildtext|image-?caption|"
                           r"img-?caption|photo-?caption|media-?caption|wp-caption-text)(?=$|[\s_-])", re.I)


def page_captions(tree) -> list[str]:
    """Figure captions of the article (``figcaption``, elements of a caption class: "legend",
    "bildunterschrift", "wp-caption-text" …): not inside links, navigation, teasers or asides."""
    out = []
    marked = [e for e in tree.iter("div", "p", "span", "small", "dd") if CAPTION_CLASS.search(e.get("class") or "")
              and not any(CAPTION_CLASS.search(a.get("class") or "") for a in e.iterancestors())
              and 3 <= len(ws(e.text_content()).split()) <= 80]
    for fc in list(tree.iter("figcaption")) + marked:
        if any(a.tag == "a" for a in fc.iterancestors()) or not _outside_furniture(fc):
            continue
        t = ws(fc.text_content())
        if t and t not in out:
            out.append(t)
    return out


def to_storage(dt: datetime | None, precision: str | None) -> datetime | None:
    """A date-only value is kept at 00:00 UTC of its day (never 22:00 of the day before); an instant keeps its
    instant, in Europe/Berlin."""
    if dt is None:
        return None
    if precision == "day":
        return datetime.combine(dt.date(), time(0, 0), tzinfo=timezone.utc)
    from pipeline.ingest import BERLIN
    return dt.astimezone(BERLIN)      # the same instant, shown in German time (as for scraped text)
