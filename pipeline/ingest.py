"""Read raw articles (scraped text, HTML, JSONL) into :class:`Article` records.

Three kinds of input, told apart by extension and content:

* scraped plain text (``.txt``/``.text``): the page text as a browser copy or a
  scraper gives it, with breadcrumbs, a kicker glued to the title, a byline with
  a timestamp, photo captions, a dateline, teasers for other articles and a
  footer. :func:`parse_scraped_text` recovers the metadata and cleans the body.
* HTML (``.html``/``.htm``, or any text file whose content starts with
  ``<!doctype``/``<html``): :mod:`pipeline.web` (metadata by a fixed precedence,
  trafilatura's body without page furniture, offline). The text gets the same
  line-level junk filter. A full-page text dump is first cut to its article
  (:mod:`pipeline.web.dump`).
* JSONL (``.jsonl``/``.ndjson``, optionally ``.gz``): one article a line with
  ``id`` and ``text`` plus optional ``title``, ``published``, ``url``,
  ``authors``, ``source``. The text is taken verbatim, so offsets refer to it.

Every junk marker lives in the module-level lists and patterns below, not in the
code, so rules for another site are added there. Bad input never raises: it
becomes a :class:`Reject`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator
from zoneinfo import ZoneInfo

from pipeline import sources
from pipeline.sources import (STRING_FIELDS, BadInput, Limits, Reject, check_article, check_record, decode_bytes,
                              empty_body_reason, jsonl_records, limits, location, looks_binary, read_bytes,
                              repair_text, walk)

__all__ = ["Article", "Reject", "read_inputs", "read_input_files", "read_file", "parse_scraped_text", "parse_html",
           "parse_jsonl", "parse_german_datetime"]

BERLIN = ZoneInfo("Europe/Berlin")


@dataclass
class Article:
    source_path: str
    source_format: str                  # "text" | "html" | "jsonl"
    source_id: str | None
    url: str | None
    title: str | None
    kicker: str | None
    teaser: str | None
    authors: list[str]
    published_at: datetime | None       # tz-aware
    section: str | None
    dateline: str | None
    body_text: str                      # paragraphs separated by "\n\n"
    captions: list[str] = field(default_factory=list)
    language: str = "de"
    line: int | None = None             # JSONL: the record's line (not a table column)
    updated_at: datetime | None = None      # last update, when the page gives one after publication
    published_precision: str | None = None  # "day" (date only: stored 00:00 UTC of that day) | "time"


# --------------------------------------------------------------------------------------------
# Kinds of input
# --------------------------------------------------------------------------------------------
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)

# --------------------------------------------------------------------------------------------
# Junk markers for scraped text (German news sites). Matched case-insensitively against whole
# lines after whitespace normalisation. Add new sites' markers here.
# --------------------------------------------------------------------------------------------
# First breadcrumb item naming the home page (a domain like "tagesschau.de" counts too).
HOME_CRUMBS = {"startseite", "home", "homepage", "start", "nachrichten", "news", "übersicht", "aktuell"}
BREADCRUMB_SEPARATORS = r"\s+(?:>|›|»|/|\||→|»)\s+"

# Interface strings: a whole line that is one of these is dropped wherever it appears, and a
# byline line loses them at its end ("Annett Meiritz 14.02.2025 - 13:35 Uhr Artikel anhören").
UI_PHRASES = [
    r"artikel (?:anhören|vorlesen|teilen|verschenken|drucken|merken|empfehlen)",
    r"(?:jetzt )?anhören", r"vorlesen", r"audio(?: abspielen)?", r"abspielen", r"wiedergabe",
    r"teilen", r"drucken", r"merken", r"gemerkt", r"zur merkliste(?: hinzufügen)?", r"merkliste",
    r"kommentare?(?: öffnen| anzeigen| lesen)?(?: \(?\d+\)?)?", r"\d+ kommentare?", r"kommentieren",
    r"lesezeit:? ?(?:ca\. )?\d+ ?min(?:\.|uten)?", r"(?:ca\. )?\d+ ?min(?:\.|uten)? lesezeit",
    r"lesedauer:? ?(?:etwa |ca\. |rund )?\d+ ?min(?:\.|uten)?", r"teilen auf", r"(?:jetzt )?teilen:?",
    r"mehr lesen", r"weiterlesen", r"zum artikel", r"zur startseite", r"nach oben", r"zurück",
    r"link kopieren", r"e-?mail", r"facebook", r"whatsapp", r"x", r"twitter", r"linkedin", r"pinterest",
    r"newsletter(?: abonnieren| bestellen)?", r"jetzt abonnieren", r"abonnieren", r"feedback",
    r"bild vergrößern", r"bildergalerie", r"zur bildergalerie", r"vergrößern", r"schließen",
    r"exklusiv für abonnenten", r"(?:sz|faz|f|z|spiegel|welt)? ?\+|(?:sz |faz |spiegel |welt )?plus",
    r"z\+ \(abopflichtiger inhalt\)", r"abo", r"anzeige", r"werbung", r"gesponsert",
    r"©.{0,80}", r"\(c\) .{0,80}", r"copyright.{0,80}", r"alle rechte vorbehalten",
    r"quelle: ?(?:dpa|afp|reuters|kna|epd|ap|ddp|f\.a\.z\.|sz|zeit online|tagesschau\.de)(?:[,/ ].{0,40})?",
    r"mit material (?:von|der) .{1,60}", r"\((?:dpa|afp|reuters|kna|epd|ap|ddp)(?:[,/ ]\w+)*\)",
    r"video", r"audio", r"podcast", r"liveblog", r"galerie", r"\d+ bilder",
]
UI_LINE = re.compile(r"^(?:" + "|".join(UI_PHRASES) + r")[.:!]?$", re.I)
# Only the first few phrases are stripped from the end of a header line (the byline).
UI_TAIL = re.compile(r"(?:\s+(?:" + "|".join(UI_PHRASES[:14]) + r"))+\s*$", re.I)

# A line that is only one of these starts a block of links/topics/ads: the marker and the
# following short non-sentence lines of the same paragraph go. When nothing but such lines
# follows the marker up to the end, everything from the marker on goes (footer).
BLOCK_MARKERS = [
    r"verwandte themen", r"themen", r"mehr zu(?:m)? (?:diesem )?thema", r"zum thema", r"schlagworte?",
    r"schlagwörter", r"stichworte?", r"tags", r"mehr zum autor", r"unsere partner", r"partner",
    r"anzeige", r"werbung", r"das könnte sie (?:auch )?interessieren", r"auch interessant",
    r"(?:das )?könnte sie auch interessieren", r"lesen sie (?:auch|mehr|dazu|hier)", r"weitere artikel",
    r"weitere nachrichten", r"mehr nachrichten", r"mehr aus (?:dem|diesem) ressort", r"mehr aus .{1,30}",
    r"meistgelesen", r"meistgelesene artikel", r"top-?artikel", r"empfehlungen", r"empfohlene artikel",
    r"leserkommentare", r"kommentare", r"diskutieren sie mit", r"newsletter", r"mehr zum thema im überblick",
    r"alle artikel zu .{1,40}", r"weitere themen", r"ähnliche artikel", r"top-?themen", r"stellenmarkt",
    r"impressum", r"datenschutz", r"dieses thema im programm.{0,80}",
    # blog and CMS widgets (WordPress: related posts, share bars, comment forms)
    r"ähnliche beiträge", r"verwandte (?:artikel|beiträge)", r"weitere beiträge", r"neueste (?:beiträge|artikel)",
    r"beliebte (?:beiträge|artikel)", r"empfohlene beiträge", r"zum weiterlesen", r"passend zum thema",
    r"weitere meldungen", r"teilen mit", r"gefällt mir", r"(?:schreibe|hinterlasse|schreiben sie) einen kommentar",
    r"kommentar (?:verfassen|hinzufügen|schreiben)", r"antworten abbrechen",
]
BLOCK_MARKER_LINE = re.compile(r"^(?:" + "|".join(BLOCK_MARKERS) + r")\s*:?$", re.I)
# A line that opens with one of these and a colon points to another article:
# "Lesen Sie auch: Wie die Parteien …" / "Mehr zum Thema: …".
INLINE_PROMO = re.compile(
    r"^(?:lesen sie (?:auch|mehr|dazu|hier)|mehr zu(?:m)? (?:diesem )?thema|zum thema|auch interessant|"
    r"lesetipp|empfehlung|siehe auch|passend dazu|mehr dazu|video|audio|podcast|liveblog)"
    r"\s*:\s*\S.{0,160}$", re.I)

# Photo captions: a line that ends with a photo credit ("… Foto: IMAGO/UPI Photo",
# "… (Foto: Kay Nietfeld/dpa)", "… Bild: picture alliance"). They go to Article.captions.
CAPTION_CREDIT = re.compile(
    r"(?:^|[\s(\[|/])(?:Fotos?|Bild(?:er)?|Grafik|Illustration|Bildquelle|Foto\s*&\s*Grafik|Foto/Grafik|"
    r"Bildrechte|Quelle Bild|Credit)\s*:\s*[^\s].{0,120}?[)\]]?\s*$")
CREDIT_LINE = re.compile(r"^[(\[]?(?:Fotos?|Bild(?:er)?|Grafik|Bildquelle)\s*:\s*\S.{0,60}$")
CAPTION_COPYRIGHT = re.compile(r"\S.{10,}\s[(\[]?©\s*\S.{0,80}[)\]]?\s*$")

# Byline prefixes and words that are not author names.
AUTHOR_PREFIX = re.compile(r"^(?:von|by|text|autor(?:in)?|autoren|ein (?:kommentar|gastbeitrag|interview) von)\s*:?\s+", re.I)
DATE_PREFIX = re.compile(
    r"(?:stand|aktualisiert(?: am)?|veröffentlicht(?: am)?|erschienen(?: am)?|zuletzt aktualisiert(?: am)?|"
    r"erstellt(?: am)?|update|updated|datum)\s*:?\s*$", re.I)
NOT_AUTHOR_WORDS = {"dpa", "afp", "reuters", "kna", "epd", "ap", "ddp", "red", "redaktion", "agenturen"}
# A byline part naming a desk or place, not a person: "ARD-Hauptstadtstudio", "ARD-Studio Wien".
NOT_AUTHOR_PART = re.compile(r"studio|redaktion|korrespondent|büro\b|ressort|newsdesk|agentur|zeitung|"
                             r"online|\.de\b|tagesschau|nachrichten|ard\b|zdf\b|orf\b|srf\b", re.I)

# Datelines that open a body: "Washington.", "Berlin (dpa) –", "Frankfurt am Main –", "BERLIN/PARIS:".
DATELINE = re.compile(
    r"^(?P<place>[A-ZÄÖÜ][A-Za-zÄÖÜäöüß\-]{2,}(?:(?:/| |-)[A-ZÄÖÜ][A-Za-zÄÖÜäöüß\-]+){0,2}"
    r"(?: (?:am|an der|im|in|bei|ob der) [A-ZÄÖÜ][A-Za-zÄÖÜäöüß\-]+)?)"
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?"
    r"(?P<sep>\.|\s*[–—-]|\s*:)\s+(?=[A-ZÄÖÜ„\"»\d])")
# Sentence openers that look like a one-word dateline ("Ja. Das …"): never a place.
NOT_A_PLACE = {"ja", "nein", "doch", "aber", "also", "und", "oder", "dann", "damals", "heute", "gestern",
               "morgen", "jetzt", "nun", "so", "klar", "gut", "immerhin", "trotzdem", "stattdessen",
               "zunächst", "danach", "außerdem", "allerdings", "übrigens", "zudem", "erstens", "zweitens",
               "fazit", "update", "achtung", "hinweis", "korrektur", "anmerkung", "frage", "antwort"}

# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------
MONTHS = {"januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "maerz": 3, "mär": 3,
          "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
          "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
          "dezember": 12, "dez": 12}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_EN_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december"), 1)}
_TIME = r"(?:\s*(?:[-–,|/]|um)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.]\d{2})?\s*(?:Uhr|h)?)?"
DATE_PATTERNS = [
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.\s?(?P<year>\d{4}|\d{2})(?![\d])" + _TIME),
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.\s*(?P<mname>" + _MONTH_RE + r")\.?\s+(?P<year>\d{4})" + _TIME, re.I),
    # "16 Oktober 2011, 10:55" (some CMS print the day without its full stop): German month names only, and
    # not an English/RFC date ("14 Feb 2025 12:35:00 GMT")
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\s+(?P<mname>Januar|Jänner|Februar|März|Mai|Juni|Juli|Oktober|Dezember|"
               r"April|August|September|November)\s+(?P<year>\d{4})(?![^\n]*\b(?:GMT|UTC)\b)" + _TIME),
    # "November 6, 2023" (an English theme on a German page)
    re.compile(r"\b(?P<mname>January|February|March|April|May|June|July|August|September|October|November|"
               r"December)\s+(?P<day>\d{1,2}),\s+(?P<year>\d{4})\b" + _TIME),
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2}))?"),
]


def _find_date(text: str) -> tuple[datetime, re.Match] | None:
    """First German-style date (with optional time) in ``text``, as Europe/Berlin time."""
    best: tuple[datetime, re.Match] | None = None
    for pat in DATE_PATTERNS:
        for m in pat.finditer(text):
            g = m.groupdict()
            try:
                year = int(g["year"])
                year += 2000 if year < 100 else 0
                month = int(g["month"]) if g.get("month") else (
                    MONTHS.get(g["mname"].lower().rstrip(".")) or _EN_MONTHS[g["mname"].lower()])
                hour = int(g["hour"]) if g.get("hour") else 0
                minute = int(g["minute"]) if g.get("minute") else 0
                dt = datetime(year, month, int(g["day"]), hour, minute, tzinfo=BERLIN)
            except (ValueError, KeyError, TypeError):
                continue
            if best is None or m.start() < best[1].start():
                best = (dt, m)
            break
    return best


def parse_german_datetime(value: object) -> datetime | None:
    """Parse a date given as ISO text, German text or epoch seconds; naive results get Europe/Berlin."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, (int, float)):
        dt = datetime.fromtimestamp(value, tz=timezone.utc)
    else:
        s = str(value).strip()
        dt = None
        try:
            dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            found = _find_date(s)
            if found is not None:
                return found[0]
            import dateparser  # slow import, only when needed
            dt = dateparser.parse(s, languages=["de", "en"],
                                  settings={"TIMEZONE": "Europe/Berlin", "RETURN_AS_TIMEZONE_AWARE": False,
                                            # no "gestern"/"vor 2 Stunden": those depend on today
                                            "PARSERS": ["timestamp", "custom-formats", "absolute-time"]})
        if dt is None:
            return None
    # naive: local German time; explicit offsets keep their instant, shown in German time
    return dt.replace(tzinfo=BERLIN) if dt.tzinfo is None else dt.astimezone(BERLIN)


# --------------------------------------------------------------------------------------------
# Line helpers
# --------------------------------------------------------------------------------------------
_WS = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_SENT_END = re.compile(r"[.!?…:;][\"“”'’»«)\]]*$|[\"“”»«][.!?…]?$")
_NUMBERED = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")


_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")   # zero-width marks and soft hyphens


def _norm(line: str) -> str:
    return _WS.sub(" ", _INVISIBLE.sub("", line)).strip()


def _words(line: str) -> int:
    return len(line.split())


def _ends_sentence(line: str) -> bool:
    return bool(re.search(r"[.!?…][\"“”'’»«)\]]*$", line))


def _is_prose(line: str) -> bool:
    """A body sentence line, as opposed to a link, topic, label or heading."""
    return (_words(line) >= 8 and _ends_sentence(line)) or _words(line) >= 25


def _is_caption(line: str) -> bool:
    """A photo caption: text ending in a short credit ("… Foto: IMAGO/UPI Photo")."""
    if _words(line) > 80:
        return False
    if CAPTION_COPYRIGHT.match(line):
        return True
    m = CAPTION_CREDIT.search(line)
    if not m or m.start() == 0:
        return False  # a bare "Foto: dpa" is a credit line, dropped as junk elsewhere
    credit = line[m.start():].split(":", 1)[1].strip().rstrip(")]").strip()
    # "sagte er der Bild: Wir werden …" is a sentence, not a credit
    return _words(credit) <= 10 and not credit.endswith(("!", "?")) and (
        not credit.endswith(".") or _words(credit) <= 3)


def _is_ui(line: str) -> bool:
    return bool(UI_LINE.match(line))


def _is_quoted_headline(line: str) -> bool:
    """„Trump verhält sich wie ein Mafia-Boss“: one quotation and nothing around it."""
    return bool(re.fullmatch(r"[„\"»«‚'][^„\"“”»«]{3,150}[“”\"«»‘'][?!]?", line))


def _is_headline_like(line: str) -> bool:
    return 0 < _words(line) <= 15 and (not _ends_sentence(line) or line.endswith("?") or _is_quoted_headline(line))


def _is_short_label(line: str) -> bool:
    """A name/kicker line of a teaser box: few words, no sentence punctuation, not numbered."""
    return (0 < _words(line) <= 6 and len(line) <= 60 and not re.search(r"[.!?:;,…]$", line)
            and not _NUMBERED.match(line) and not _is_quoted_headline(line))


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """Group normalised lines into paragraphs (runs of non-blank lines)."""
    out: list[list[str]] = []
    cur: list[str] = []
    for line in lines:
        if line:
            cur.append(line)
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


# --------------------------------------------------------------------------------------------
# Scraped text
# --------------------------------------------------------------------------------------------
def _split_breadcrumbs(lines: list[str]) -> tuple[list[str], int]:
    """Breadcrumb items at the top of the page and the index of the first line after them."""
    i = 0
    while i < len(lines) and not lines[i]:
        i += 1
    # "1. Startseite / 2. Politik / 3. International / 4. Title" (an ordered list, one per line)
    items: list[str] = []
    j = i
    while j < len(lines):
        m = _NUMBERED.match(lines[j])
        if not m or int(m.group(1)) != len(items) + 1:
            break
        items.append(m.group(2).strip())
        j += 1
    if len(items) >= 2:
        return items, j
    # "Startseite > Politik > Deutschland" (one line)
    if i < len(lines):
        parts = re.split(BREADCRUMB_SEPARATORS, lines[i])
        if len(parts) >= 2 and (parts[0].lower() in HOME_CRUMBS or re.fullmatch(r"[\w.-]+\.[a-z]{2,}", parts[0])):
            return [p.strip() for p in parts], i + 1
    return [], 0


def _crumbs_to_section(items: list[str]) -> tuple[str | None, str | None]:
    """(section, title crumb) from breadcrumb items."""
    if items and (items[0].lower() in HOME_CRUMBS or re.fullmatch(r"[\w.-]+\.[a-z]{2,}", items[0])):
        items = items[1:]
    title_crumb = None
    if items and (_words(items[-1]) >= 4 or ": " in items[-1]):
        title_crumb = items[-1]
        items = items[:-1]
    return (" / ".join(items) or None), title_crumb


# (the kicker never ends in a hyphen: "Hamburg-Altona Diebe …" is a compound, dump18)
_GLUED_KICKER = re.compile(r"^([A-ZÄÖÜ][a-zäöüß\-]{3,}[a-zäöüß])([A-ZÄÖÜ](?![a-zäöüß]{0,2}[-\s])\S*\s.+)$")


def _split_title(line: str, title_crumb: str | None, next_line: str | None) -> tuple[str | None, str, bool]:
    """(kicker, title, used_next_line) for the headline line."""
    if title_crumb:
        if ": " in title_crumb:
            k, t = title_crumb.split(": ", 1)
            for glue in ("", " ", ": ", " - ", " – "):
                if line == k + glue + t:
                    return k.strip(), t.strip(), False
        if line != title_crumb and line.endswith(title_crumb) and len(line) > len(title_crumb):
            return line[: -len(title_crumb)].strip(" :–-") or None, title_crumb, False
        if line == title_crumb:
            return None, line, False
    # kicker on its own line above the title ("Haushaltsstreit" / "Lindner legt …")
    if (next_line and _words(line) <= 4 and not re.search(r"[.!?:,;]$", line)
            and _is_headline_like(next_line) and _find_date(next_line) is None
            and not AUTHOR_PREFIX.match(next_line) and _words(next_line) > _words(line)):
        return line, next_line, True
    # kicker glued to the title without a space ("FriedensverhandlungenVance, Waltz …")
    m = _GLUED_KICKER.match(line)
    if m and not title_crumb:
        return m.group(1), m.group(2), False
    return None, line, False


def _split_authors(text: str) -> list[str]:
    text = AUTHOR_PREFIX.sub("", text.strip()).strip(" ,;|–-")
    text = re.sub(r"\s*\((?:[^()]*)\)\s*", " ", text).strip()
    parts = re.split(r"\s*(?:,|;|\bund\b|&|/|\|)\s*", text)
    names = []
    for p in parts:
        p = p.strip(" .")
        if not p or p.lower() in NOT_AUTHOR_WORDS or NOT_AUTHOR_PART.search(p):
            continue
        toks = p.split()
        # a name: 2-5 words, starting upper-case; single tokens are places/desks ("Berlin", "ARD-Hauptstadtstudio")
        if 2 <= len(toks) <= 5 and all(t[0].isupper() or t in {"von", "van", "de", "der", "zu", "la", "di"}
                                        for t in toks) and not any(c.isdigit() for c in p):
            names.append(p)
    return names


def _split_byline(before_date: str) -> tuple[str, list[str]]:
    """Split the text before a byline date into (teaser part, authors).

    The authors are what follows the last sentence end: "…Vertrauten.Annett Meiritz" gives
    ("…Vertrauten.", ["Annett Meiritz"]). A full stop after a single capital is an initial
    ("J. D. Vance"), not a sentence end.
    """
    s = DATE_PREFIX.sub("", before_date.rstrip(" ,|–-")).rstrip(" ,|–-")
    cut = 0
    for m in re.finditer(r"[.!?…][\"“”'’»«)]*\s*", s):
        if s[m.start()] == "." and re.search(r"(?:^|[\s.])[A-ZÄÖÜ]$", s[: m.start()]):
            continue  # initial
        if m.end() >= len(s):
            continue
        cut = m.end()
    teaser, tail = s[:cut].strip(), s[cut:].strip()
    authors = _split_authors(tail) if tail else []
    if tail and not authors:
        teaser = s.strip()  # no name there: all of it is teaser
    return teaser, authors


@dataclass
class _Header:
    kicker: str | None = None
    title: str | None = None
    teaser: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    section: str | None = None
    body_start: int = 0
    captions: list[str] = field(default_factory=list)


def _parse_header(lines: list[str]) -> _Header:
    h = _Header()
    crumbs, i = _split_breadcrumbs(lines)
    h.section, title_crumb = _crumbs_to_section(crumbs)
    while i < len(lines) and (not lines[i] or _is_ui(lines[i])):
        i += 1
    if i >= len(lines):
        h.body_start = i
        return h
    title_end = _take_title(lines, i, title_crumb, h)
    _BylineScan(h, title_end).run(lines)
    return h


def _take_title(lines: list[str], i: int, title_crumb: str | None, h: _Header) -> int:
    """Kicker and title from line ``i`` (and the next one, when it continues the title); returns
    the index of the line after the title."""
    nxt = next((ln for ln in lines[i + 1:i + 3] if ln), None)
    h.kicker, h.title, used_next = _split_title(lines[i], title_crumb, nxt)
    i += 1
    if used_next:
        while not lines[i]:
            i += 1
        i += 1
    return i


class _BylineScan:
    """Look for the byline/date within the next few non-blank lines after the title. Before it:
    the teaser (maybe with the author glued to its end). After it, a "Von …" line may follow the
    teaser (tagesschau: title, "Stand: …", teaser, "Von …")."""

    def __init__(self, h: _Header, title_end: int):
        self.h, self.title_end, self.i = h, title_end, title_end
        self.teaser_parts: list[str] = []
        self.pending: list[str] = []
        self.captions: list[tuple[int, str]] = []
        self.found = False

    def run(self, lines: list[str]) -> None:
        seen = 0
        j = self.i
        while j < len(lines) and seen < 8:
            line = lines[j]
            j += 1
            if not line:
                continue
            seen += 1
            if not self._line(line, j):
                break
        self._finish()

    def _line(self, line: str, j: int) -> bool:
        """Take non-blank line ``j - 1``; False ends the header."""
        if _is_ui(line) or _is_caption(line):
            if _is_caption(line):
                self.captions.append((j - 1, line))
            if self.found and not self.pending:
                self.i = j
            return True
        stripped = UI_TAIL.sub("", line).strip()
        date = _find_date(stripped)
        if date is not None and date[1].start() <= 1000 and _words(stripped[date[1].end():]) <= 3:
            self._date_line(stripped, *date)
            self._byline_found(j)
            return True
        if AUTHOR_PREFIX.match(line) and _words(line) <= 12 and _split_authors(line):
            self.h.authors = self.h.authors or _split_authors(line)
            self._byline_found(j)
            return True
        if self.found:
            if self.pending or _words(line) > 60 or split_dateline(line)[0]:
                return False
            self.pending.append(line)  # teaser only if an author line follows
            return True
        if _is_prose(line) and _words(line) > 70:
            return False
        self.teaser_parts.append(line)
        return True

    def _date_line(self, stripped: str, dt: datetime, m: re.Match) -> None:
        self.h.published_at = dt
        lead, authors = _split_byline(stripped[: m.start()])
        if authors:
            self.h.authors = authors
        if lead and not DATE_PREFIX.fullmatch(lead) and not AUTHOR_PREFIX.match(lead):
            self.teaser_parts.append(lead)

    def _byline_found(self, j: int) -> None:
        self.teaser_parts.extend(self.pending)
        self.pending = []
        self.found = True
        self.i = j

    def _finish(self) -> None:
        h = self.h
        if self.found:
            teaser = " ".join(p for p in self.teaser_parts if p).strip()
            h.teaser = teaser or None
            h.body_start = self.i
            h.captions = [c for k, c in self.captions if k < self.i]
        else:
            h.body_start = self.title_end


_LIST_LINE = re.compile(r"^(?:[-•*–]\s+|\d{1,2}[.)]\s+)\S")
_INFO_POINTER = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:de|at|ch|com|org|net|eu|info)(?:/\S*)?\b", re.I)


def _in_short_run(lines: list[str], i: int) -> bool:
    """The line at ``i`` continues a run of short lines (a list, a recipe, an address): the line before it is
    short text too, with no sentence end."""
    j = i - 1
    own = re.sub(r"^[-•*–]\s+", "", lines[i])
    return j >= 0 and bool(lines[j]) and _words(lines[j]) <= 12 and not _ends_sentence(lines[j]) \
        and not _is_ui(re.sub(r"^[-•*–]\s+", "", lines[j])) and _words(own) >= 2


def _kept_trailer(line: str) -> bool:
    """HTML route: a short last line that is article text, not a label or credit: a list item of three words
    or more ("- Reifen aufpumpen und Dichtmilch verteilen") or a pointer to more information with its address
    ("Weitere Informationen unter www.beispiel.de")."""
    if _LIST_LINE.match(line) and _words(line) >= 3 and not _is_ui(re.sub(r"^\S+\s+", "", line)):
        return True
    return _words(line) >= 3 and bool(_INFO_POINTER.search(line)) and bool(re.search(r"\s[a-zäöüß]{3,}\s", line))


def _is_notice(line: str) -> bool:
    """A consent, paywall, newsletter or follow notice (``boilerplate_lines`` in rules/web.yaml)."""
    from pipeline.web.html import is_notice
    from pipeline.web.profile import web_rules
    return is_notice(line, web_rules())


def _menu_list_item(lines: list[str], i: int) -> bool:
    """HTML route: a list item that is a meta bar ("- 0 Kommentare", "- Lesedauer etwa 2 Min") or a lone
    one-word item ("- Weitere") with no list item around it."""
    line, n = lines[i], len(lines)
    if not _LIST_LINE.match(line):
        return False
    if _is_ui(re.sub(r"^\S+\s+", "", line)):
        return True
    return _words(line) == 2 and not (i > 0 and _LIST_LINE.match(lines[i - 1])
                                      or i + 1 < n and _LIST_LINE.match(lines[i + 1]))


# rule ``source_line``: "Aus: Das Brandenbuch. Ein Land in Stichworten. …, Potsdam 2015" under the author's name cites
# where the text was first printed: the article's end, never a headline of a teaser box
_SOURCE_LINE = re.compile(r"^(?:Aus|Quelle|Auszug aus|Erstveröffentlichung|Zuerst erschienen in)\s*:\s*\S", re.I)


def _teaser_box_end(lines: list[str], i: int, html: bool, headings: frozenset[str] = frozenset()) -> int | None:
    """The index after a teaser box for another article that starts at ``i``: a short name/kicker line
    followed by a short headline ("George Packer" / „Trump verhält sich wie ein Mafia-Boss“), each maybe its
    own paragraph; None when none starts there. In HTML text a run of short lines is a list, no teaser box, and
    a line that is one of the article's ``headings`` (an unlinked subheading) starts none."""
    n = len(lines)
    if not _is_short_label(lines[i]) or html and (_LIST_LINE.match(lines[i]) and _words(lines[i]) >= 4
                                                  or _in_short_run(lines, i)) \
            or headings and _same_key(lines[i]) in headings:
        return None
    k = i + 1
    while k < n and not lines[k]:
        k += 1
    if k < n and k - i <= 2 and _is_headline_like(lines[k]) and not _NUMBERED.match(lines[k]) \
            and not lines[k].endswith(":") and not _SOURCE_LINE.match(lines[k]) \
            and (_is_quoted_headline(lines[k]) or not _ends_sentence(lines[k])):
        after = k + 1
        while after < n and not lines[after]:
            after += 1
        if after >= n or _is_prose(lines[after]) or not _is_headline_like(lines[after]):
            return k + 1
    return None


def _trim_trailing(out: list[str], html: bool) -> list[str]:
    """Trailing short lines that are not sentences (credits, leftover labels) go; in HTML text list items and
    pointers to more information stay (:func:`_kept_trailer`); in scraped text a trailing run of other stories'
    headlines goes too (:func:`_trailing_headlines`)."""
    while True:
        while out and (not out[-1] or (not _ends_sentence(out[-1]) and _words(out[-1]) < 12)):
            if html and out[-1] and _kept_trailer(out[-1]):
                return out
            out.pop()
        cut = 0 if html else _trailing_headlines(out)
        if not cut:
            return out
        del out[-cut:]


def _trailing_headlines(out: list[str]) -> int:
    """Rule ``trailing_headlines``: the number of lines at the end of scraped text that are a run of three or
    more other stories' headlines (each under 12 words, none ending in a full stop or an exclamation mark, a
    question allowed: "Best of Test: Die besten Bikes 2022" / "Best of Test: Die Test-Highlights aus 2021" /
    "Orbea Occam LT im Test: Mit Enduro-Genen auf den Trail?"); 0 where there is none. Blank lines between
    them count with the run."""
    k, n = len(out), 0
    while k > 0 and (not out[k - 1] or _words(out[k - 1]) < 12 and not re.search(r"[.!:;,…][\"“”'’»«)\]]*$", out[k - 1])):
        n += bool(out[k - 1])
        k -= 1
    return len(out) - k if n >= 3 else 0


def _clean_body_lines(lines: list[str], captions: list[str], html: bool = False,
                      headings: frozenset[str] = frozenset()) -> list[str]:
    """Drop UI strings, captions, promo boxes and footer blocks; keep paragraph breaks as ''.

    ``html``: the lines are an HTML extractor's article text (its paragraphs, lists and ``<br>`` lines), not a
    whole scraped page: a run of short lines is a list (ingredients, steps), never a teaser box, and the last
    lines keep list items and pointers to more information."""
    out: list[str] = []
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        if not line:
            out.append("")
            i += 1
            continue
        if BLOCK_MARKER_LINE.match(line):
            rest = [ln for ln in lines[i + 1:] if ln]
            if all(not _is_prose(ln) for ln in rest):
                break  # footer: nothing but links, topics and ads to the end
            i += 1
            while i < n and lines[i] and not _is_prose(lines[i]):
                i += 1  # the block's links/topics in the same paragraph
            continue
        if _is_ui(line) or INLINE_PROMO.match(line) or CREDIT_LINE.match(line) or _is_notice(line) \
                or html and _menu_list_item(lines, i):
            i += 1
            continue
        if _is_caption(line):
            captions.append(line)
            i += 1
            continue
        end = _teaser_box_end(lines, i, html, headings)
        if end is not None:
            i = end
            continue
        out.append(line)
        i += 1
    return _trim_trailing(out, html)


def _lines_to_paragraphs(lines: list[str]) -> list[str]:
    """Every line is a paragraph, except hard-wrapped lines (no sentence end, next starts lower-case)."""
    paras: list[str] = []
    cur = ""
    for line in lines:
        if not line:
            if cur:
                paras.append(cur)
                cur = ""
            continue
        if cur and not re.search(r"[.!?…:;\"“”»«)]$", cur) and re.match(r"[a-zäöüß(„\"]", line):
            cur += " " + line
        else:
            if cur:
                paras.append(cur)
            cur = line
    if cur:
        paras.append(cur)
    return paras


def split_dateline(body: str) -> tuple[str | None, str]:
    """("Washington", rest) when the body opens with a dateline, else (None, body)."""
    m = DATELINE.match(body)
    if not m:
        return None, body
    place = m.group("place")
    if place.lower() in NOT_A_PLACE:
        return None, body
    if m.group("sep").strip() == ":" and not m.group("agency"):
        return None, body  # "Merz: …" is a speaker, not a place
    if m.group("sep") == "." and " " in place and not m.group("agency"):
        return None, body
    return place, body[m.end():]


def _signed_off(paras: list[str]) -> list[str]:
    """The body's paragraphs without the author's closing sign-off (:mod:`pipeline.web.signoff`, dump18)."""
    from pipeline.web.signoff import strip_sign_off
    return strip_sign_off(paras)


def _teaser_author(name: str, text: str) -> bool:
    """dump18b: a name the seed header took from a byline after the article's second long paragraph (a teaser's
    "Von Karl Huber" under a short article) is no author of the dump's article."""
    from pipeline.web.dump_forms import teaser_byline
    return teaser_byline(name, text)


def parse_scraped_text(text: str, source_path: str = "", source_id: str | None = None,
                       repeated: set[str] | None = None) -> Article:
    """Parse a scraped page text into an Article (body may be empty; the caller rejects that).

    A dump of a whole page (menus, teasers, footers: :func:`pipeline.web.dump.is_page_dump`) is first cut
    to its article (:func:`pipeline.web.dump.article_text`; ``repeated``: lines seen on other pages of the
    same site)."""
    from pipeline.web.dump import article_text, is_page_dump

    dump = article_text(text, repeated) if is_page_dump(text) else None
    if dump is not None:
        text = dump.text
    raw = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_norm(ln) for ln in raw.split("\n")]
    h = _parse_header(lines) if dump is None or dump.headline else _Header()
    captions = list(h.captions)
    body_lines = lines[h.body_start:]
    if dump is not None:     # boxes whose labels the clean-up would drop first (pipeline/web/html.py)
        from pipeline.web.html import dump_boxes_out
        body_lines = dump_boxes_out(body_lines)
    body_lines = _clean_body_lines(body_lines, captions)
    if dump is not None:     # a whole page's text: the paywall box under the article, lines printed twice
        from pipeline.web.html import dump_body_tail    # (pipeline/web/html.py)
        body_lines = dump_body_tail(body_lines, h.title)
        from pipeline.web.dump20 import header_lines_out    # dump20: byline and date line left in the text
        body_lines = header_lines_out(body_lines, dump.authors or [], dump.published[0] if dump.published else None)
    paras = _signed_off(_lines_to_paragraphs(body_lines))
    dateline = None
    if paras:
        dateline, first = split_dateline(paras[0])
        paras[0] = first
    published, precision = h.published_at, ("time" if h.published_at else None)
    if dump is not None and dump.published and (published is None or dump.published[0] is not None):
        from pipeline.web.htmlmeta import to_storage
        published, precision = to_storage(*dump.published), dump.published[1]
    authors = h.authors or []
    if dump is not None:   # a page dump: the web rules' authors (persons only: no desk, site or agency) win
        from pipeline.web.htmlmeta import clean_person
        from pipeline.web.profile import web_rules
        authors = dump.authors or [p for p in (clean_person(x, web_rules(), set(), None) for x in authors) if p
                                   and not _teaser_author(p, dump.text)]
    return Article(
        source_path=source_path, source_format="text", source_id=source_id, url=None,
        title=h.title, kicker=h.kicker, teaser=h.teaser, authors=authors, published_at=published,
        section=h.section or (dump.section if dump is not None else None), dateline=dateline,
        body_text="\n\n".join(p for p in paras if p), captions=captions, published_precision=precision,
    )


# --------------------------------------------------------------------------------------------
# HTML (metadata precedence and furniture: pipeline/web/)
# --------------------------------------------------------------------------------------------
def parse_html(html: str, source_path: str = "", source_id: str | None = None) -> Article:
    from pipeline.web.html import paywall_tail, read_html_page

    page = read_html_page(html)
    m = page.meta
    captions = list(page.captions)
    caps: list[str] = []
    body_lines = paywall_tail(_clean_body_lines([_norm(ln) for ln in page.lines], caps, html=True,
                                                headings=page.headings))
    cap_keys = {_same_key(c) for c in captions}
    body_lines = [ln for ln in body_lines if not ln or _same_key(ln) not in cap_keys]
    paras = _signed_off(_lines_to_paragraphs(body_lines))
    dateline = None
    if paras:
        dateline, paras[0] = split_dateline(paras[0])
    return Article(
        source_path=source_path, source_format="html", source_id=source_id, url=page.url, title=m.title,
        kicker=m.kicker, teaser=m.teaser, authors=m.authors, published_at=m.published_at, section=m.section,
        dateline=dateline, body_text="\n\n".join(p for p in paras if p),
        captions=list(dict.fromkeys(captions + caps)), updated_at=m.updated_at,
        published_precision=m.published_precision if m.published_at else None,
    )


def _same_key(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def _same(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return _same_key(a) == _same_key(b)


# --------------------------------------------------------------------------------------------
# JSONL
# --------------------------------------------------------------------------------------------
def _authors_field(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [a for a in (x.strip() for x in re.split(r"\s*(?:,|;|\bund\b|&)\s*", value)) if a]
    if isinstance(value, (list, tuple)):
        out = []
        for v in value:
            name = v.get("name") if isinstance(v, dict) else v
            if isinstance(name, str) and name.strip():
                out.append(repair_text(name.strip()))
        return out
    return []


def _jsonl_article(rec: dict, source_path: str, lineno: int) -> Article | Reject:
    """One JSONL record as an Article, or a Reject (``file:line``) naming the field at fault."""
    where = location(source_path, lineno)
    try:
        rid, body = check_record(rec)
    except BadInput as e:
        return Reject(where, e.reason, f"line {lineno}: {e.detail}")
    if not body.strip():
        return Reject(where, "empty_body", f"line {lineno}: id {rid!r} has no text")
    body = repair_text(body)
    try:
        published = parse_german_datetime(rec.get("published"))
    except (ValueError, TypeError, OverflowError, OSError):
        published = None
    dateline, _ = split_dateline(body)  # reported, but the text stays verbatim
    meta = {k: repair_text(rec[k]) if isinstance(rec.get(k), str) else None for k in STRING_FIELDS}
    return Article(
        source_path=source_path, source_format="jsonl", source_id=repair_text(rid),
        url=meta["url"] or None, title=meta["title"] or None, kicker=meta["kicker"] or None,
        teaser=meta["teaser"] or None, authors=_authors_field(rec.get("authors")),
        published_at=published, section=meta["section"] or None, dateline=dateline,
        body_text=body, captions=[], language=meta["language"] or meta["lang"] or "de", line=lineno,
    )


def parse_jsonl(text: str, source_path: str = "") -> Iterator[Article | Reject]:
    """Articles and Rejects from JSONL text (only "\\n" ends a record; U+2028 etc. may sit in strings)."""
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        rec, problem = sources._record(line.encode("utf-8", "surrogatepass"), lineno == 1)
        if problem is not None:
            yield Reject(location(source_path, lineno), problem.reason, f"line {lineno}: {problem.detail}")
        elif rec is not None:
            yield _jsonl_article(rec, source_path, lineno)


def _read_jsonl(p: Path, sp: str, lim: Limits) -> Iterator[Article | Reject]:
    lineno = -1
    for lineno, rec, problem in jsonl_records(p, lim):
        if problem is not None:
            where = location(sp, lineno)
            yield Reject(where, problem.reason, f"line {lineno}: {problem.detail}" if lineno else problem.detail)
            continue
        try:
            item = _jsonl_article(rec, sp, lineno)
        except ImportError:
            raise
        except Exception as e:  # noqa: BLE001 - one bad record never costs the others
            item = Reject(location(sp, lineno), "parse_error", f"line {lineno}: {type(e).__name__}: {e}")
        yield item if isinstance(item, Reject) else check_article(item, lim, location(sp, lineno))
    if lineno == -1:
        yield Reject(sp, "empty_body", "JSONL file without a record (empty or blank lines only)")


# --------------------------------------------------------------------------------------------
# Files and folders (the bytes: pipeline.sources)
# --------------------------------------------------------------------------------------------
def _kind(path: Path, text: str) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES or _HTML_START.match(text[:2000]):
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def source_stem(p: Path) -> str:
    """The whole file name without its format suffix(es): "taz.de.siemens.html" -> "taz.de.siemens"."""
    name = p.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    suffix = Path(name).suffix
    if suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
        name = name[: -len(suffix)]
    return name


def _is_jsonl(p: Path) -> bool:
    return _kind(p, "") == "jsonl"


def read_file(path: str | Path, lim: Limits | None = None,
              repeated: set[str] | None = None) -> Iterator[Article | Reject]:
    """Articles (or Rejects) from one file. Never raises on bad input (an ImportError is re-raised:
    a broken installation is not bad input). ``repeated``: lines seen on other pages of the same site
    (boilerplate in full-page text dumps)."""
    p = Path(path)
    sp = str(p)
    lim = lim or limits()
    if _is_jsonl(p):
        yield from _read_jsonl(p, sp, lim)
        return
    try:
        data = read_bytes(p, lim)
    except BadInput as e:
        yield Reject(sp, e.reason, e.detail)
        return
    text, _enc = decode_bytes(data)
    del data
    if looks_binary(text):
        yield Reject(sp, "unreadable", "binary content, not text")
        return
    kind = _kind(p, text)
    if kind is None:
        yield Reject(sp, "unsupported_format", f"unknown file type {''.join(p.suffixes) or '(no extension)'}")
        return
    if kind == "text" and len(text) > 2 * lim.max_chars + 100_000:
        yield Reject(sp, "too_large", f"text file of {len(text)} characters, over twice the article limit of "
                                      f"{lim.max_chars} (max_chars)")
        return
    stem = source_stem(p)
    try:
        art = parse_html(text, sp, stem) if kind == "html" else parse_scraped_text(text, sp, stem, repeated)
    except ImportError:
        raise
    except RecursionError:
        yield Reject(sp, "parse_error", f"{kind} input nested too deeply to parse")
        return
    except Exception as e:  # noqa: BLE001 - one bad file must not stop a corpus run
        yield Reject(sp, "parse_error", f"{type(e).__name__}: {e}")
        return
    if not art.body_text.strip():
        yield Reject(sp, *empty_body_reason(text, lim, kind))
        return
    yield check_article(art, lim, sp)


def read_inputs(paths: Iterable[str | Path], lim: Limits | None = None) -> Iterator[Article | Reject]:
    """Articles and Rejects from files and folders (folders recursively, sorted by name; see
    :func:`pipeline.sources.walk` for links, loops, FIFOs and hidden entries). Text files of one site
    are first read together for the lines their pages repeat (:func:`pipeline.web.dump.repeated_for_files`)."""
    for _path, items in read_input_files(paths, lim):
        yield from items


def read_input_files(paths: Iterable[str | Path], lim: Limits | None = None, skip=None
                     ) -> Iterator[tuple[Path | None, Iterator[Article | Reject] | None]]:
    """:func:`read_inputs` file by file: ``(file, its Articles and Rejects)``, a reject of the folder walk as
    ``(None, [reject])``. ``skip(files) -> set of str(file)``, called with every file before any is read,
    names files not to read (already ingested, :mod:`pipeline.job.ingested`): they come as ``(file, None)``.
    The repeated lines are read only for sites with a file to read (they are per site)."""
    from pipeline.web.dump import repeated_for_files, site_key
    lim = lim or limits()
    items = list(walk(paths))
    files = [i for i in items if not isinstance(i, Reject)]
    skipped = skip(files) if skip else set()
    sites = {site_key(f) for f in files if str(f) not in skipped}
    rep = repeated_for_files([f for f in files if site_key(f) in sites],
                             reader=lambda f: decode_bytes(read_bytes(f, lim))[0]) if sites else {}
    for item in items:
        if isinstance(item, Reject):
            yield None, iter([item])
        elif str(item) in skipped:
            yield item, None
        else:
            yield item, read_file(item, lim, rep.get(str(item)))


def main(argv: list[str] | None = None) -> int:
    """Print what ingestion makes of the inputs (debugging aid)."""
    import argparse
    ap = argparse.ArgumentParser(prog="python -m pipeline.ingest", description=main.__doc__)
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--body", action="store_true", help="print the body text too")
    args = ap.parse_args(argv)
    for item in read_inputs(args.inputs):
        if isinstance(item, Reject):
            print(f"REJECT {item.source_path}: {item.reason} ({item.detail})")
            continue
        print(f"== {item.source_path} [{item.source_format}] id={item.source_id}")
        for k in ("url", "kicker", "title", "teaser", "authors", "published_at", "published_precision", "updated_at",
                  "section", "dateline", "captions"):
            print(f"   {k}: {getattr(item, k)!r}")
        print(f"   body: {len(item.body_text)} chars, {item.body_text.count(chr(10) * 2) + 1} paragraphs")
        if args.body:
            print(item.body_text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
