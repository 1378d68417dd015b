"""dump18b: a dump's date, authors and section found by the form of their lines, for templates the other
dump rules never saw (issue 15). Each rule only fills a field the rules of :mod:`pipeline.web.dump` left empty
(the original date of a line holding both an update and a publication date replaces an update's date), and only
reads lines next to the headline or at the article's end, never a teaser's. Switch: ``web.yaml``
``dump_forms_on`` (false: the fields as the earlier rules found them).

Rules:

- ``dump_role_byline``: a name line followed by a role line under the headline or at the end ("Anna Maier" /
  "Redakteurin Politik").
- ``dump_name_by_date``: a line of names next to a date line after the lead ("Anna Maier" / "3. Januar 2023").
- ``dump_meta_line``: "04.02.2023 · Von Jan Ott und Petra Lehmann · 4 Min. Lesezeit" (parts set apart by "·").
- ``dump_end_byline``: a byline by its form among the article's last lines and the two lines after it ("Text:
  Jan Ott und Petra Lehmann", "Autor: …", "Ein Beitrag von …", "Anna Maier, dpa"), every name of it; the
  labelled forms also under the headline ("Autorinnen und Autoren: Anna Maier, Jan Ott").
- ``dump_end_date``: a labelled date line ("Stand: 04.02.2023", "Veröffentlicht am …") at the article's end, the
  date right after the label.
- ``dump_original_date``: of "aktualisiert am 14.02.2023, veröffentlicht am 13.02.2023" the publication.
- ``dump_reading_time_date``: "3. Januar 2023, 11:20 Uhr · Lesezeit 3 Min." after the lead is a date line.
- ``dump_line_trail``: a breadcrumb on one line just above the headline ("Sie sind hier: Home / Region /
  Hannover", "Home > Politik > <headline>", "Politik | Ausland" where "Politik" is a menu item of the page:
  "Wetter | Verkehr | Blitzer" is a menu row): the items between home and headline; also a trail printed one
  item a line ("Startseite" / ">" / "Politik") and a one-line trail anywhere whose last item is the headline.
- ``dump_author_note``: "Über die Autorin" / "Anna Maier ist Redakteurin …" after the article.
"""
from __future__ import annotations

import re

from pipeline.web.profile import web_rules

_SEP = re.compile(r"\s+(?:›|»|>|/|\||::)\s+")
_ITEM = re.compile(r"[A-ZÄÖÜ0-9][\w&+.'-]*(?:\s+[\w&+.'-]+){0,3}")
_LABELLED = re.compile(r"^(?:sie sind hier|you are here|pfad|navigation)\s*:\s*", re.I)
_ROLE = re.compile(r"^(?:(?:freie[rn]?|leitende[rn]?|stellvertretende[rn]?)\s+)?[a-zäöüß-]*?"
                   r"(?:redakteur|redakteurin|korrespondent|korrespondentin|reporter|reporterin|autor|autorin|"
                   r"volontär|volontärin|journalist|journalistin|ressortleiter|ressortleiterin|kolumnist|kolumnistin)"
                   r"(?:\s+[A-ZÄÖÜ&][\w&-]*){0,4}$", re.I)
_BYLINE = re.compile(r"^(?:(?:Text|Autor|Autorin|Autoren|Autor\*in|Autor\*innen|Autorinnen und Autoren|"
                     r"Autoren und Autorinnen|Verfasser|Verfasserin)\s*:\s*|"
                     r"(?:Ein\s+(?:Beitrag|Bericht|Artikel|Text|Kommentar|Gastbeitrag)\s+)?von\s+)(?P<names>.+)$", re.I)
_UPDATE = re.compile(r"\b(?:aktualisiert|geändert|update|stand)\b", re.I)
_ORIGINAL = re.compile(r"\b(?:veröffentlicht|erschienen|erstellt|publiziert|erstveröffentlichung|"
                       r"veröffentlichung)\b\W{0,3}(?:am\s+)?$", re.I)
_DATE_LABEL = re.compile(r"^(?:stand|veröffentlicht|erschienen|erstellt|publiziert|datum)(?:\s+am)?\s*:?\s*", re.I)


def on() -> bool:
    return web_rules().dump_forms_on


def _norm(x: str) -> str:
    from pipeline.web.dump import _BULLET, norm
    return norm(_BULLET.sub("", x))


def _nonblank(raw: list[str], lo: int, hi: int) -> list[str]:
    return [t for t in (_norm(x) for x in raw[max(0, lo):max(0, hi)]) if t]


def role_byline(lines: list[str]) -> list[str]:
    """Rule ``dump_role_byline``: "Anna Maier" / "Redakteurin Politik" (a line of names, then a role line)."""
    from pipeline.web.dump import name_line
    for a, b in zip(lines, lines[1:]):
        if _ROLE.match(b) and len(b.split()) <= 5:
            got = name_line(a)
            if got:
                return got
    return []


def names_by_date(lines: list[str], labels: set[str]) -> list[str]:
    """Rule ``dump_name_by_date``: a line of names right over or under a date line after the lead ("Anna
    Maier" / "3. Januar 2023"), where the lead comes between headline and byline; not a line the page also
    shows above the headline or as a list item (``labels``: "Polizeiticker Bern" is a category)."""
    from pipeline.ingest import AUTHOR_PREFIX
    from pipeline.web.dump import _is_date_or_byline, name_line
    for k, t in enumerate(lines):
        if not _is_date_or_byline(t) or AUTHOR_PREFIX.match(t):
            continue
        for j in (k - 1, k + 1):
            got = name_line(lines[j]) if 0 <= j < len(lines) and lines[j] not in labels else []
            if got:
                return got
    return []


def _labels(raw: list[str], top: int) -> set[str]:
    """The lines above the headline and the list items of the page (menus, categories)."""
    from pipeline.web.dump import _BULLET
    return set(_nonblank(raw, 0, top)) | {_norm(x) for x in raw if _BULLET.match(x)}


def _head_window(raw: list[str], top: int) -> list[str]:
    """The non-blank lines under the headline up to the second long paragraph (15 at most)."""
    out, longs = [], 0
    for t in _nonblank(raw, top + 1, top + 40)[:15]:
        longs += len(t) >= 150
        if longs > 1:
            break
        out.append(t)
    return out


_PARTS = re.compile(r"\s+[·•|]\s+")


def meta_line(lines: list[str]) -> tuple[tuple | None, list[str]]:
    """Rule ``dump_meta_line``: a header line of parts set apart by "·", "•" or "|", one a date and one a
    byline ("04.02.2023 · Von Jan Ott und Petra Lehmann · 4 Min. Lesezeit"): (date, authors)."""
    from pipeline.ingest import _find_date
    from pipeline.web.dump import _date_of
    for t in lines:
        parts = _PARTS.split(t)
        if not 2 <= len(parts) <= 5 or len(t.split()) > 20:
            continue
        dates = [(x, f) for x in parts if (f := _find_date(x)) is not None and len(x.split()) <= 6]
        names = end_byline([x for x in parts if _BYLINE.match(x)])
        if dates and names:
            return _date_of(*dates[0]), names
    return None, []


def end_byline(lines: list[str]) -> list[str]:
    """Rule ``dump_end_byline``: "Text: Jan Ott und Petra Lehmann" / "Anna Maier, dpa" at the article's end."""
    from pipeline.web.dump import name_line
    from pipeline.web.htmlmeta import AGENCY_BYLINE
    for t in lines:
        if len(t.split()) > 12:
            continue
        m = _BYLINE.match(t) or AGENCY_BYLINE.match(t)
        names = m.group("names").strip(" ,.") if m else ""
        m2 = AGENCY_BYLINE.match(names)      # "Text: Anna Maier / dpa"
        got = name_line(m2.group("names") if m2 else names) if names else []
        if got:
            return got
    return []


_NOTE_LABEL = re.compile(r"^(?:Über (?:den Autor|die Autorin|die Autor\*in|die Autorinnen|die Autoren)|"
                         r"Zur Person|Die Autorin|Der Autor)\s*:?$", re.I)
_NOTE_VERB = re.compile(r"\s+(?:ist|war|arbeitet|schreibt|leitet|berichtet|lebt)\b")


def author_note(lines: list[str]) -> list[str]:
    """Rule ``dump_author_note``: "Über die Autorin" over "Anna Maier ist Redakteurin im Ressort Politik.": the
    name that opens the note's sentence."""
    from pipeline.web.dump import name_line
    for a, b in zip(lines, lines[1:]):
        m = _NOTE_VERB.search(b) if _NOTE_LABEL.match(a) else None
        got = name_line(b[:m.start()]) if m and len(b[:m.start()].split()) <= 4 else []
        if got:
            return got
    return []


def original_date(lines: list[str]) -> tuple | None:
    """Rule ``dump_original_date``: the publication date of a line that also holds the update's
    ("aktualisiert am 14.02.2023, veröffentlicht am 13.02.2023")."""
    from pipeline.ingest import _find_date
    from pipeline.web.dump import _date_of
    for t in lines:
        if len(t.split()) > 16 or not _UPDATE.search(t):
            continue
        found, pos = [], 0
        while pos < len(t):
            f = _find_date(t[pos:])
            if f is None:
                break
            found.append((pos, f))
            pos += f[1].end()
        if len(found) < 2:
            continue
        for off, f in found:
            if _ORIGINAL.search(t[max(0, off - 40):off + f[1].start()]):
                return _date_of(t[off:], f)
    return None


def end_date(lines: list[str]) -> tuple | None:
    """Rule ``dump_end_date``: a short labelled date line at the article's end ("Stand: 04.02.2023")."""
    from pipeline.ingest import _find_date
    from pipeline.web.dump import _date_of
    for t in lines:
        m = _DATE_LABEL.match(t)
        f = _find_date(t) if m and len(t.split()) <= 10 else None
        if f is not None and f[1].start() == m.end():     # the label, then the date: "Stand: 04.02.2023"
            return _date_of(t, f)
    return None


_READING_REST = re.compile(r"^(?:[\s,|•·–-]|\b(?:um|Uhr|Lesezeit|Lesedauer|Min|Minuten|ca)\b\.?|:|"
                           r"\d{1,2}[:.]\d{2}|\b\d{1,3}\b)*$")


def reading_time_date(t: str) -> str:
    """Rule ``dump_reading_time_date``: a date line with nothing but a reading time besides the date ("3. Januar
    2023, 11:20 Uhr · Lesezeit 3 Min.") as the plain date, so it is read as a date and not as a sentence."""
    from pipeline.ingest import _find_date
    from pipeline.web.dump import _plain_date
    found = _find_date(t) if re.search(r"\b(?:Lesezeit|Lesedauer)\b", t) else None
    if found is None or not _READING_REST.match(t[:found[1].start()] + " " + t[found[1].end():]):
        return t
    return _plain_date(t)


def line_trail(raw: list[str], h: int | None, title: str | None) -> str | None:
    """Rule ``dump_line_trail``: a one-line breadcrumb within four lines above the headline, its items
    between the home link and the headline (at least two items, or one after a home link or label)."""
    if not on() or h is None:
        return None
    rules = web_rules()
    home = {x.casefold().rstrip(":") for x in rules.home_crumbs}
    h = next((i for i in range(h, min(len(raw), h + 4)) if title and _norm(raw[i]) == title), h)  # under a kicker
    above = _nonblank(raw, h - 12, h)
    stacked = _stacked(above)
    for t in [*reversed(above[-3:]), *([stacked] if stacked else []), *_trails_to(raw, title)]:
        labelled = bool(_LABELLED.match(t))
        items = [x.strip() for x in _SEP.split(_LABELLED.sub("", t)) if x.strip()]
        if len(items) < 2 and not labelled:
            continue
        had_home = bool(items) and items[0].casefold() in home
        items = items[1:] if had_home else items
        if items and title and items[-1] == title:
            items = items[:-1]
        if not items or not all(_ITEM.fullmatch(x) and not re.search(r"[.!?:]$", x) for x in items):
            continue
        bare = not (had_home or labelled) and not re.search(r"\s(?:›|»|>|/|::)\s", t)
        if bare and items[0] not in _labels(raw, 0):   # "Wetter | Verkehr | Blitzer": a menu row, no trail
            continue
        if len(items) >= 2 or had_home or labelled:
            return " / ".join(items)
    return None


def _stacked(lines: list[str]) -> str | None:
    """A trail printed one item a line with the separators on lines of their own ("Startseite" / ">" /
    "Politik" / ">" / "Ausland" just above the headline), joined back into one line."""
    run: list[str] = []
    for t in reversed(lines):
        if len(t.split()) > 4:
            break
        run.insert(0, t)
    while run and not _SEP.fullmatch(" " + run[0] + " ") and run[1:2] and not _SEP.fullmatch(" " + run[1] + " "):
        run.pop(0)
    seps = [t for t in run if _SEP.fullmatch(" " + t + " ")]
    if len(seps) < 1 or len(run) != 2 * len(seps) + 1 or any(_SEP.fullmatch(" " + t + " ") for t in run[::2]):
        return None
    return " ".join(run)


def _trails_to(raw: list[str], title: str | None) -> list[str]:
    """One-line trails anywhere on the page whose last item is the headline ("Sie sind hier: Startseite ›
    Politik › Ausland › <headline>" under the article)."""
    if not title:
        return []
    return [t for t in _nonblank(raw, 0, len(raw)) if t != title and t.endswith(title)
            and len(_SEP.split(t[:-len(title)] + "x")) >= 2 and _SEP.search(t[:-len(title)].rstrip() + " ")]


def fill(raw: list[str], head: list[str], top: int, end: int, published, authors):
    """(published, authors) with the fields the form rules find where the earlier rules found none; ``top``:
    the headline's raw line, ``end``: the article's last raw line."""
    if not on():
        return published, authors
    header, last, after = _head_window(raw, top), _nonblank(raw, end - 3, end + 1), _nonblank(raw, end + 1, end + 40)
    tail = last + after[:3]
    orig = original_date(header[:8])
    if orig is not None:
        published = orig
    line_date, line_names = meta_line(header)
    published = published or line_date
    authors = authors or line_names
    if published is None:
        published = end_date(tail)
    if not authors:
        authors = role_byline(head[1:] + header) or role_byline(tail) or names_by_date(header, _labels(raw, top))
    if not authors:     # a byline by its form under the headline ("Autorinnen und Autoren: A, B"), an author note
        authors = end_byline(header) or author_note(last + after[:6])
    more = end_byline(tail)
    if more and set(authors) < set(more):     # every name of the end's byline (an author note took one)
        authors = more
    return published, authors


def text_end(paras, chosen: list[int], start: int) -> int:
    """The raw line of the article's last paragraph of text: before the first teaser card in the block after
    the body's first long paragraph."""
    last, prose = paras[chosen[0]].index, False
    for i in chosen:
        if paras[i].card and prose:
            break
        if paras[i].cls == "good":
            last = paras[i].index
            prose = prose or paras[i].index >= start and len(paras[i].clean) >= 150
    return last


def teaser_byline(name: str, text: str) -> bool:
    """Whether ``name`` stands in the dump's article text only in a byline line after its second long paragraph
    (a teaser's "Von Karl Huber"); the seed header's byline search reaches that far under a short article."""
    if not on():
        return False
    lines = [t for t in (x.strip() for x in text.split("\n")) if t]
    longs = [k for k, t in enumerate(lines) if len(t) >= 150]
    cut = longs[1] if len(longs) > 1 else len(lines)
    return not any(name in t for t in lines[:cut]) and any(name in t for t in lines[cut:])
