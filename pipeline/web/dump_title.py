"""The headline of a full-page text dump from the page's own evidence (eighteenth session, dump18).

News templates print the kicker (Dachzeile) in the headline element, so a text browser glues it to the headline
("Kessler Antriebstechnik Autozulieferer streicht 1200 Stellen in Schweinfurt"), or they put date and byline above
the kicker and the headline (Ippen sites: "Stand: …" / "Von: …" / "Ortsumfahrung" / "Umgehung Holzkirchen: …").
The rules here decide by what the page itself shows: another line of the page that gives kicker and headline with
a separator (a breadcrumb's last item "Kessler Antriebstechnik: Autozulieferer …"), the kicker standing alone as
an item of the page's menus or topic lines, the headline's first words opening a sentence of the article, and
how much of the body's vocabulary a line shares. Switch: ``web.yaml`` ``dump_title.enabled``.
"""
from __future__ import annotations

import re

from pipeline.web.dump_furniture import credit_line
from pipeline.web.profile import web_rules

_SEPS = (": ", " – ", " - ", " | ")
_GLUES = (" ", "")
_ITEM_MARK = re.compile(r"^\s*(?:[•◦▪·*□■]\s+|\d{1,2}\.\s+)?[›»>/|]?\s*")
_WORDS = re.compile(r"[\wÄÖÜäöüß-]+")


def on() -> bool:
    return web_rules().dump_title_on


def _item(line: str) -> str:
    """A dump line without its list mark and a leading trail separator ("  4. ›Kessler …" -> "Kessler …")."""
    from pipeline.web.dump import norm
    return norm(_ITEM_MARK.sub("", line))


def _n(t: str) -> int:
    return len(t.split())


def split_by_page_line(raw: list[str], h: int, title: str) -> tuple[str, str] | None:
    """Rule ``dump_title_page_line``: (kicker, title) of a headline line that glues the kicker to the headline
    ("Kessler Antriebstechnik Autozulieferer streicht 1200 Stellen in Schweinfurt") when another line of the page
    (a breadcrumb's last item, a share text, a repeat of the headline: "4. ›Kessler Antriebstechnik: Autozulieferer
    streicht …") gives the same words with a separator between kicker and headline: kicker of 1-6 words, headline
    of 3+ words."""
    if not on():
        return None
    for k, ln in enumerate(raw):
        x = _item(ln)
        if k == h or len(x) <= len(title) or not x:
            continue
        for sep in _SEPS:
            if sep not in x:
                continue
            kick, rest = x.split(sep, 1)
            if 1 <= _n(kick) <= 6 and _n(rest) >= 3 and any(title == kick + g + rest for g in _GLUES):
                return kick.strip(), rest.strip()
    return None


def trail_adds_kicker(raw: list[str], trail_line: int, h: int) -> bool:
    """Rule ``dump_title_trail_kicker``: a breadcrumb trail's last item joins kicker and headline ("• Bundeswehr:
    Rechnungshof rügt Millionenauftrag für Funkgeräte") while the page shows them below as two lines ("Bundeswehr"
    / "Rechnungshof rügt …"): the headline line ``h`` is the headline, not the trail's item."""
    if not on() or h <= trail_line:
        return False
    from pipeline.web.dump import _prev_line, norm
    last, title = _item(raw[trail_line]), norm(raw[h])
    k = _prev_line(raw, h)
    kicker = norm(raw[k]) if k is not None else ""
    return bool(kicker) and _n(kicker) <= 6 and any(last == kicker + sep + title for sep in _SEPS)


def kicker_trail_section(raw: list[str], h: int, title: str) -> str | None:
    """The section from the breadcrumb trail of rule ``dump_title_trail_kicker`` ("• WELT" / "• Politik" / "•
    Deutschland" / "• Bundeswehr: Rechnungshof …" over "Bundeswehr" / "Rechnungshof …" -> "Politik / Deutschland"):
    its items between the first (the home link or the site's name, which the page's copyright line holds) and the
    last."""
    if not on():
        return None
    from pipeline.web.dump import _bullet_runs
    for i, j in reversed(_bullet_runs(raw, max(0, h - 12), h)):
        if trail_adds_kicker(raw, j - 1, h):
            items = [_item(raw[k]) for k in range(i, j - 1)]
            site = " ".join(x.casefold() for x in raw if "©" in x)
            if items and (items[0].casefold() in web_rules().home_crumbs or items[0].casefold() in site):
                items = items[1:]
            return " / ".join(x for x in items if x) or None
    return None


_TRAIL_LABEL = re.compile(r"^(?:sie sind hier|sie befinden sich hier|you are here|pfad|navigation)\s*:\s*", re.I)
_LINE_SEP = re.compile(r"\s+[›»>|]\s+")


def line_trail_section(raw: list[str], h: int, title: str) -> str | None:
    """Rule ``dump_title_line_trail``: the section from a breadcrumb trail on one line above the headline (within
    eight lines) that no other rule read: labelled ("Sie sind hier: MDR.DE > Nachrichten > Thüringen >
    Mitte-Thüringen" -> "Nachrichten / Thüringen / Mitte-Thüringen"), or of two to six items that are all items
    of the page's menus ("Panorama › Wien"). The home link, the site's address and the headline are no section."""
    if not on():
        return None
    from pipeline.web.dump import norm
    menu = _menu_items(raw)
    for ln in reversed(raw[max(0, h - 8):h]):
        t = norm(ln)
        label = bool(_TRAIL_LABEL.match(t))
        parts = [x.strip() for x in _LINE_SEP.split(_TRAIL_LABEL.sub("", t))]
        if not 2 <= len(parts) <= 7 or any(not x or _n(x) > 3 or re.search(r"[.!?:;,]$", x) for x in parts[:-1]):
            continue
        items = [x for x in parts if x.casefold() not in web_rules().home_crumbs and x != title
                 and not re.fullmatch(r"[\w.-]+\.[a-z]{2,}", x, re.I)]
        if items and all(_n(x) <= 3 for x in items) and (label or all(x.casefold() in menu for x in items)):
            return " / ".join(items)
    return None


def header_gap(raw: list[str], j: int, h: int) -> int:
    """Lines between a trail's end ``j`` and the headline ``h`` that are no date, byline, interface or kicker line
    (rule ``dump_title_below_byline``: "1. Merkur" … "4. Holzkirchen" / "Kommentare Teilen" / "Stand: …" / "Von:
    …" / "Ortsumfahrung" / headline)."""
    from pipeline.web.dump import _is_date_or_byline, norm
    lines = [norm(raw[k]) for k in range(j, h) if norm(raw[k])]
    if not on():
        return len(lines)
    return sum(1 for t in lines if not _is_date_or_byline(t))


def below_wins(lines: list[str], above: list[int], below: tuple) -> bool:
    """Rule ``dump_title_below_byline``: the header prints date and byline above kicker and headline ("Kommentare
    Teilen" / "Stand: 08.11.2023, 06:12 Uhr" / "Von: Katrin Hinterholzer" / "Ortsumfahrung" / "Umgehung
    Holzkirchen: …"): when every headline-like line of the eight above the byline (``above``) is an interface line
    (``ui_line``), a line of one sentence between the byline and the body that shares the body's vocabulary (topic
    score 2.0 or more) is the headline."""
    return on() and below[0] is not None and below[1] >= 2.0 and _one_line_title(lines[below[0]]) \
        and all(ui_line(lines[i]) for i in above)


def ui_line(line: str) -> bool:
    """An interface line of the header: share, comment and bookmark labels and numbers ("Kommentare Teilen",
    "Teilen Zur Merkliste", "3 Min.")."""
    from pipeline.web.dump import norm
    rules = web_rules()
    words = [w.casefold() for w in re.findall(r"[^\W\d_][\w-]*", norm(line))]
    return bool(words) and all(w in rules.share_words or w in rules.header_ui_words for w in words)


def _one_line_title(line: str) -> bool:
    """A headline, not the first paragraph: one sentence of at most 20 words."""
    from pipeline.web.dump import norm
    t = norm(line)
    return _n(t) <= 20 and not re.search(r"[.!?…][\"“”»«']?\s+\S", t)


def _body_phrases(body: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """The body's word pairs (case-folded) and the pairs that open its sentences (a colon ends one)."""
    pairs, openers = set(), set()
    for sent in re.split(r"(?<=[.!?:])\s+|\n+", body):
        w = [x.casefold() for x in _WORDS.findall(sent)]
        pairs.update(zip(w, w[1:]))
        if len(w) >= 2:
            openers.add((w[0], w[1]))
    return pairs, openers


def _menu_items(raw: list[str]) -> set[str]:
    """Short lines the page shows on their own: menu and topic items ("• Verkehr", "Themen Verdi Streiks")."""
    from pipeline.web.dump import _BULLET, norm
    items = {norm(_BULLET.sub("", x)).casefold() for x in raw if _BULLET.match(x) and _n(x) <= 4}
    for x in raw:
        t = norm(x)
        if t.casefold().startswith(("themen ", "thema ", "schlagworte ", "tags ")) and _n(t) <= 8:
            items.update(w.casefold() for w in t.split()[1:])
    return items


def _clause(words: list[str]) -> bool:
    """A kicker that is a clause of its own: three or more words, one of them a lower-case word that is no
    stopword (its verb: "Hunderte Flüge fallen aus")."""
    from pipeline.web.dump import stopwords
    sw = stopwords()
    return len(words) >= 3 and any(x[:1].islower() and x.casefold() not in sw for x in words)


def glued_kicker(title: str, raw: list[str], body: str) -> tuple[str, str] | None:
    """Rule ``dump_title_glued_kicker``: (kicker, title) of a headline line that opens with a kicker of one to five
    words glued to it, where the page gives evidence for the boundary and none against it: the two words across
    the boundary never stand together in the body (case-folded), the title opens with a capital letter and has 3+
    words, and either the kicker is an item of the page's menus or topic lines ("Verkehr" / "Erfurt: Neue
    Straßenbahnlinie …"; a kicker of one word), or the title's first two words open a sentence of the body
    ("Hunderte Flüge fallen aus" / "Verdi ruft zu Warnstreik an fünf Flughäfen auf": "… Verdi ruft das
    Bodenpersonal …"; a colon before the sentence counts as its start) and the kicker is a clause of its own
    (``_clause``)."""
    if not on():
        return None
    w = title.split()
    if len(w) < 5 or re.search(r"[.!?]$", title) and not title.endswith("?"):
        return None
    pairs, openers = _body_phrases(body)
    menu = _menu_items(raw)
    from pipeline.web.dump20 import compound_item      # dump20: "Handball-Champions-League" of menu items
    low = lambda x: x.casefold().strip("„\"“”,;:!?()")  # noqa: E731
    for k in range(1, min(6, len(w) - 2)):
        kick, rest = " ".join(w[:k]), w[k:]
        if not re.match(r"[A-ZÄÖÜ„\"»]", rest[0]) or re.search(r"[:;,.!?–-]$", w[k - 1]) \
                or (low(w[k - 1]), low(rest[0])) in pairs:
            continue
        if k == 1 and (kick.casefold() in menu or compound_item(kick, raw, menu)) or (low(rest[0]), low(rest[1])) in openers and _clause(w[:k]):
            return kick, " ".join(rest)
    return None


def split_head(head: list[str], raw: list[str], h: int | None, body: str) -> list[str]:
    """The header with a kicker glued to the headline line set on its own line above it (rules
    ``dump_title_page_line`` and ``dump_title_glued_kicker``); a header whose first line already is a kicker, or
    whose headline is not the raw line ``h``, stays."""
    from pipeline.web.dump import norm
    title = norm(raw[h]) if h is not None else None
    at = next((i for i in (0, 1) if i < len(head) and head[i] == title), None)
    if not on() or at is None or at == 1 and not _no_kicker(head[0]):
        return head
    from pipeline.web.dump_evidence import glued_word_kicker     # dump19
    split = split_by_page_line(raw, h, title) or glued_kicker(title, raw, body) or glued_word_kicker(title, body)
    if split is None:       # dump21: a noun phrase before the headline's clause
        from pipeline.web.dump21 import clause_kicker
        split = clause_kicker(title, "\n".join(x for x in head if x != title) + "\n" + body)
    if split is None or _n(split[0]) > 4 or _n(split[1]) <= _n(split[0]):
        return head     # a kicker the seed header would read as the title: left out
    trail = [head[0]] if at == 1 and not credit_line(head[0]) else []    # a trail line stays for the seed header
    return trail + [split[0], split[1]] + head[at + 1:]


def _no_kicker(t: str) -> bool:
    """A line the header took for a kicker that is none: a photo credit ("Bildrechte: MDR/Daniel Wolf"), a
    breadcrumb trail ("Startseite > Wirtschaft")."""
    return credit_line(t) or bool(re.search(r"\s[›»>|/]\s", t))


_PRINT_EDITION = re.compile(r"^\W*aus (?:der |dem |den )?[A-ZÄÖÜ][\w.+&-]*(?: [A-ZÄÖÜ][\w.+&-]*){0,3},? (?:Nr\. ?)?\d{1,2}/\d{4}\W*$")


def edition_date(t: str) -> str:
    """Rule ``dump_title_print_edition``: a date line whose rest is the print edition ("09.03.2023, 18.12 Uhr •aus DER
    SPIEGEL 11/2023") as the date alone, which the seed header reads as the date line (the note leaves the body);
    any other line as it is."""
    if not on() or "aus" not in t:
        return t
    from pipeline.ingest import _find_date
    found = _find_date(t)
    if found is None or found[1].start() > 0 or not _PRINT_EDITION.match(t[found[1].end():].strip()):
        return t
    return t[:found[1].end()].strip()
