"""An HTML page to body text and metadata, offline (trafilatura and htmldate get a parsed tree, never a URL).

The body is trafilatura's text without page furniture: the headline (with its kicker), the teaser when it is
repeated, "Stand: …" and other date lines, the byline ("Von A, B und C, NDR"), skip links ("Hauptinhalt"),
photo credits; captions go to ``captions``. Metadata: :mod:`pipeline.web.htmlmeta`.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import datetime

from pipeline.web.htmlmeta import PageMeta, page_captions, page_meta, to_storage, visible_date, ws
from pipeline.web.profile import WebRules, web_rules

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def parse_tree(html: str):
    """The lxml tree of a page (None when it cannot be parsed)."""
    import lxml.html
    try:
        tree = lxml.html.document_fromstring(_XML_DECL.sub("", html, count=1) or "<html></html>")
    except Exception:  # noqa: BLE001 - broken markup
        return None
    return tree


def _trafilatura_text(tree) -> tuple[str, str | None]:
    """(body text, url) by trafilatura, on a copy of the tree (it changes the tree it gets)."""
    import trafilatura
    doc = trafilatura.bare_extraction(copy.deepcopy(tree), with_metadata=True, include_comments=False,
                                      favor_precision=False, include_tables=False, include_images=False)
    if doc is None:
        return "", None
    get = (lambda k: doc.get(k) if isinstance(doc, dict) else getattr(doc, k, None))  # noqa: E731
    return get("text") or "", get("url") or None


def _htmldate(tree) -> tuple[datetime, str] | None:
    """htmldate on the parsed tree (offline), as a last resort for the publication date."""
    try:
        from htmldate import find_date
        s = find_date(copy.deepcopy(tree), outputformat="%Y-%m-%d", original_date=True, extensive_search=False)
    except Exception:  # noqa: BLE001
        return None
    from pipeline.web.htmlmeta import parse_date_value
    return parse_date_value(s) if s else None


def _key(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().casefold()


@dataclass
class Furniture:
    """What the body must not contain: headline forms, teaser, author names, site profile lines."""
    heads: set[str] = field(default_factory=set)
    teaser: str | None = None
    authors: list[str] = field(default_factory=list)
    patterns: list[re.Pattern] = field(default_factory=list)
    standfirst: bool = False     # the page sets the teaser apart (a paragraph all in bold)


def is_byline(line: str, authors: list[str]) -> bool:
    """A byline: "Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR", "Autorin: Jil Schuller",
    or the author names alone."""
    if len(line.split()) > 25:
        return False
    low = line.casefold()
    if re.match(r"^(?:von|by|text|autor(?:in)?|autoren)\s*:?\s+\S", low) and not re.search(r"[.!?]\s+\S", line):
        return not re.search(r"[.!?]$", line) or len(line.split()) <= 12
    if authors:
        rest = low
        for a in authors:
            rest = rest.replace(a.casefold(), " ")
        if rest != low and not re.search(r"[a-zäöüß]{4,}", re.sub(r"\b(?:und|von|and|by|foto|text)\b", "", rest)):
            return True
    return False


def byline_authors(lines: list[str], rules: WebRules, sites: set[str]) -> list[str]:
    """Authors from a "Von A, B und C, NDR" line among the first lines of the body."""
    from pipeline.web.htmlmeta import clean_person, split_names
    for line in lines:
        s = ws(line)
        if re.match(r"^(?:von|by|text|autor(?:in)?|autoren)\s*:?\s+\S", s, re.I) and len(s.split()) <= 25 \
                and not re.search(r"[.!?]\s+\S", s):
            names = [n for n in (clean_person(p, rules, sites, None) for p in split_names(s)) if n]
            if names:
                return list(dict.fromkeys(names))
    return []


def is_date_line(line: str, rules: WebRules) -> bool:
    """A line that is only a date ("Stand: 28.04.2020 18:00 Uhr", "19.10.2019, 05:00 Uhr | Lesezeit 3 min")."""
    if len(line.split()) > 12:
        return False
    low = line.casefold()
    stripped = re.sub(r"^(?:" + "|".join(re.escape(p) for p in rules.updated_prefixes + rules.published_prefixes)
                      + r")\s*:?\s*", "", low)
    found = visible_date(stripped)
    if found is None:
        return False
    rest = re.sub(r"\d{1,2}[.:]\d{2}(?:\s*uhr)?|\d+|\b(?:uhr|um|am|von|montag|dienstag|mittwoch|donnerstag|"
                  r"freitag|samstag|sonntag|januar|februar|märz|april|mai|juni|juli|august|september|oktober|"
                  r"november|dezember|lesezeit|min|minuten|ca)\b|[\W_]+", " ", stripped)
    return len(rest.split()) <= 1


_URL = re.compile(r"https?://\S+|www\.\S+")


def _mostly_urls(line: str) -> bool:
    """Link and image-file residue of related-post widgets ("https://…/logo.pngCornelius Karow2022-12-02 …")."""
    urls = sum(len(m) for m in _URL.findall(line))
    rest = _URL.sub(" ", line)
    return urls > 0 and (urls >= 0.6 * len(line) or len(re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", rest)) <= 3
                         or (urls >= 0.3 * len(line) and not re.search(r"\s[a-zäöüß]+\s", rest)))


def _same_teaser(k: str, teaser_key: str) -> bool:
    """The line is the teaser (the page's description), maybe cut short with "…" on one side."""
    if k == teaser_key:
        return True
    short, long_ = sorted((k, teaser_key.rstrip(" .")), key=len)
    return len(short) > 40 and long_.startswith(short)


def strip_furniture(lines: list[str], f: Furniture, rules: WebRules) -> list[str]:
    """Drop the headline block and furniture lines; only the first lines can be headline/teaser/byline.

    A line equal to the page's description that the page sets apart as a standfirst (a paragraph all in
    bold, as tagesschau.de does) goes: it is the ``teaser`` field. Otherwise the lead paragraph is article
    text (the description repeats it) and stays, once; a second copy goes."""
    out: list[str] = []
    head_zone = True
    seen_text = 0
    teaser_key = _key(f.teaser) if f.teaser else None
    teaser_seen = False
    for line in lines:
        s = ws(line)
        if not s:
            out.append("")
            continue
        k = _key(s)
        if k in rules.skip_lines or s.casefold() in rules.skip_lines:
            continue
        if any(p.match(s) for p in f.patterns):
            continue
        if is_date_line(s, rules) or _mostly_urls(s):
            continue
        if head_zone and seen_text < 4:
            if k in f.heads:
                continue
            if teaser_key and k == teaser_key and f.standfirst:
                continue      # the standfirst, set apart on the page: it is the teaser field
            if teaser_key and _same_teaser(k, teaser_key):
                if teaser_seen:
                    continue  # the lead a second time
                teaser_seen = True
            if is_byline(s, f.authors):
                continue
        elif is_byline(s, f.authors) and len(s.split()) <= 8 and not re.search(r"[.!?]$", s):
            continue
        seen_text += 1
        if len(s.split()) > 30:
            head_zone = False
        out.append(s)
    return out


def _bold_standfirst(tree, teaser: str | None) -> bool:
    """The teaser stands on the page as a paragraph that is all bold."""
    if not teaser:
        return False
    key = _key(teaser)
    for b in tree.iter("strong", "b"):
        p = b.getparent()
        if p is not None and p.tag == "p" and _key(b.text_content()) == key and _key(p.text_content()) == key:
            return True
    return False


@dataclass
class HtmlPage:
    meta: PageMeta
    lines: list[str]
    captions: list[str]
    url: str | None


def read_html_page(html: str) -> HtmlPage:
    """Metadata and furniture-free body lines of a page (the caller runs the shared line clean-up)."""
    rules = web_rules()
    tree = parse_tree(html)
    if tree is None:
        return HtmlPage(PageMeta(), [], [], None)
    meta = page_meta(tree, rules)
    if meta.published_at is None:
        got = _htmldate(tree)
        if got:
            meta.published_at, meta.published_precision = got
            meta.published_source = "htmldate"
    meta.published_at = to_storage(meta.published_at, meta.published_precision)
    text, t_url = _trafilatura_text(tree)
    meta.url = meta.url or t_url
    if not meta.authors:
        meta.authors = byline_authors(text.split("\n")[:12], rules, meta.site_names)
    heads = set()
    for x in (meta.title, meta.kicker):
        if x:
            heads.add(_key(x))
    if meta.title and meta.kicker:
        heads.add(_key(f"{meta.kicker} {meta.title}"))
    for h in tree.iter("h1"):
        heads.add(_key(h.text_content()))
    heads.discard("")
    profile = rules.site(_host_of(meta.url))
    f = Furniture(heads=heads, teaser=meta.teaser, authors=meta.authors,
                  patterns=profile.drop_patterns() if profile else [], standfirst=_bold_standfirst(tree, meta.teaser))
    lines = strip_furniture(text.split("\n"), f, rules)
    lead = page_lead(tree)
    if lead and meta.teaser and _key(lead) == _key(meta.teaser):
        lead = None                     # the standfirst: it is the teaser field (as the page's description)
    if lead and not f.standfirst and not any(_key(lead) in _key(x) or _key(x) == _key(lead) for x in lines if x):
        lines = [lead, ""] + lines      # trafilatura drops intro/teaser-marked leads: they are article text
    return HtmlPage(meta, lines, page_captions(tree), meta.url)


_LEAD_CLASS = re.compile(r"(?:^|[\s_-])(?:intro|lead|leadtext|teaser-text|standfirst|vorspann|kurztext|"
                         r"article-intro|article-lead|summary|abstract|excerpt)(?=$|[\s_-])", re.I)


def page_lead(tree) -> str | None:
    """The article's lead paragraph when the page marks it (class intro/lead/teaser-text/…), inside the
    article or main content or after the headline, not in a link or a box of other content."""
    from pipeline.web.htmlmeta import _headline_elements, _outside_furniture
    heads = _headline_elements(tree)
    elems = list(tree.iter())          # keeps the element proxies alive, so their ids stay unique
    order = {id(e): i for i, e in enumerate(elems)}
    after = order.get(id(heads[0]), 10 ** 9) if heads else 10 ** 9
    for e in tree.iter("p", "div", "span", "section"):
        if not _LEAD_CLASS.search(e.get("class") or ""):
            continue
        in_article = any(a.tag in ("article", "main") for a in e.iterancestors()) or order.get(id(e), -1) > after
        if not in_article or any(a.tag == "a" for a in e.iterancestors()) or not _outside_furniture(e):
            continue
        t = ws(e.text_content())
        t = re.sub(r"^\d{1,2}\.\d{1,2}\.\d{2,4},?\s*(?:\d{1,2}[:.]\d{2}\s*(?:Uhr)?)?\s*", "", t)  # a date glued before it
        if 10 <= len(t.split()) <= 120:
            return t
    return None


def _host_of(url: str | None) -> str | None:
    from urllib.parse import urlparse
    try:
        return urlparse(url).hostname if url else None
    except ValueError:
        return None
