"""German temporal expressions, normalized relative to an article's publication date.

``normalize(text, anchor)`` turns one expression ("am Donnerstag", "im Oktober 2024",
"seit Ende 2022") into a :class:`DateValue`; ``find_expressions(text)`` finds such
expressions in running text (for dating claims); ``parse_byline_datetime`` reads the
timestamp of a byline ("14.02.2025 - 13:35 Uhr") as a tz-aware datetime.

Rules come first: regular expressions over German weekday and month names and the
relative forms news uses. dateparser (always ``languages=['de']``, ``RELATIVE_BASE`` =
anchor) is only a fallback for digit/month/weekday expressions the rules do not cover,
and its result is cut back to the precision it reports (a month-only expression never
gets an invented day). Expressions without a calendar reference ("in Trumps erster
Amtszeit", "vor wenigen Tagen", "in den vergangenen Wochen") give ``None``.

Choices (anchor = the article's publication date; examples use Friday 2025-02-14):

* ``start``/``end`` are the first and last day the expression covers; ``granularity``
  says how precise it is: day, week, month, quarter, year, or season (Frühjahr, Sommer,
  Herbst, Winter: three-month spans that cross quarter borders). A point inside a
  coarser unit keeps the coarser granularity: "Mitte der Woche" -> 2025-02-12..2025-02-12
  week; "vor zwei Wochen" -> 2025-01-31 week; "vor einem Jahr" -> 2024-02-14 year.
* Bare weekday ("am Donnerstag", "Donnerstagabend"): the most recent such day on or
  before the anchor (0-6 days back; news is past tense): "am Donnerstag" -> 2025-02-13,
  "am Freitag" -> 2025-02-14. "vergangenen/letzten/vorigen X": strictly before the
  anchor (1-7 days). "kommenden/nächsten X": strictly after (1-7 days). "diesen X",
  "an diesem X": X of the anchor's ISO week (Mon-Sun). "X vergangener Woche": X of
  that week. "am gestrigen/heutigen/morgigen X": anchor -1/0/+1. "in der Nacht zum X":
  the day X (the night ends on it).
* Weeks are ISO weeks (Mon-Sun). "vergangene Woche" = the previous week.
  Anfang/Mitte/Ende der Woche = Mon-Tue / Wed / Fri-Sun of that week (granularity week).
* "am Wochenende": the current weekend when the anchor is Sat/Sun, otherwise the one
  before (past tense); "kommendes Wochenende": the next Sat-Sun after the anchor;
  "dieses Wochenende": the one of the anchor's week. Granularity week.
* Month (or day and month) without a year: the occurrence from ten months before to two
  months after the anchor's month ("im Oktober" -> 2024-10, "am 3. März" -> 2025-03-03,
  "im Juni" -> 2024-06). "vergangenen Oktober" is strictly before the anchor's month,
  "kommenden März" strictly after. A quarter or half-year without a year is the most
  recent one that started on or before the anchor.
* Anfang/Mitte/Ende of a month = days 1-10 / 11-20 / 21-last (granularity month). Of a
  year: January / June-July / December (granularity month): "Ende 2022" -> 2022-12.
  "Ende des Monats" / "Ende des Jahres" refer to the anchor's month / year.
* Seasons: Frühjahr Mar-May, Sommer Jun-Aug, Herbst Sep-Nov, Winter Dec-Feb;
  "Winter 2023" = Dec 2023-Feb 2024, "Winter 2022/23" = Dec 2022-Feb 2023. Without a year:
  the season containing the anchor, else the next one if it starts within two months,
  else the most recent past one.
* Half-years ("im ersten Halbjahr 2024") span six months with granularity year.
* Open ranges: "seit X"/"ab X" -> start = X.start, end None; "bis X" -> start None,
  end = X.end; "vor 2014" -> end 2013-12-31; "nach 2014" -> start 2015-01-01. "seit zwei
  Wochen" -> start 2025-01-31, end None. Ranges: "vom 14. bis 16. Februar 2025",
  "2014 bis 2022", "zwischen 2014 und 2022" -> closed ranges with the left side's
  granularity.
* "vor N Tagen/Wochen/Monaten/Jahren" and "in N ..." count from the anchor date.
* A time of day ("13:35 Uhr", "um 13 Uhr") goes into ``time``; ``tz`` is the zone given
  (MEZ/MESZ -> Europe/Berlin, UTC/GMT -> UTC, "Ortszeit" -> None) or the anchor's zone
  (Europe/Berlin when the anchor is naive or UTC). A time alone refers to the anchor day.
  Dates without a time have ``tz`` None.
* Tz-aware anchors in UTC are converted to Europe/Berlin before taking the date (German
  news count days locally); other named zones are kept.
* find_expressions never matches weekday abbreviations ("So", "Mo", "Di" only count as
  "So., 16.02.2025"), requires nouns (weekdays, months, Woche, Jahr ...) to be
  capitalized, skips bare month names without a preposition or number ("August Bebel"),
  and skips bare four-digit numbers that look like quantities ("rund 2000 Soldaten",
  "2000 Menschen").
"""

from __future__ import annotations

import argparse
import calendar
import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Callable, Union
from zoneinfo import ZoneInfo

__all__ = ["DateValue", "normalize", "find_expressions", "parse_byline_datetime", "main"]

DEFAULT_TZ = "Europe/Berlin"
GRANULARITIES = ("day", "week", "month", "quarter", "season", "year")


@dataclass(frozen=True)
class DateValue:
    start: date | None          # first day covered (None for an open start)
    end: date | None            # last day covered (None for an open end); == start for a single day
    granularity: str            # day | week | month | quarter | season | year
    text: str                   # the input expression
    time: time | None = None    # time of day when given ("13:35 Uhr")
    tz: str | None = None       # tz name when given or defaulted

    def to_json(self) -> dict:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "granularity": self.granularity,
            "text": self.text,
            "time": self.time.isoformat(timespec="minutes") if self.time else None,
            "tz": self.tz,
        }


# --------------------------------------------------------------------------- vocabulary

WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
            "samstag": 5, "sonnabend": 5, "sonntag": 6}
_WD_ABBR = {"mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4, "sa": 5, "so": 6}
MONTHS = {"januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "febr": 2, "märz": 3,
          "maerz": 3, "mär": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6,
          "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
          "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12}
_MON_FULL = ["januar", "jänner", "februar", "märz", "maerz", "april", "mai", "juni", "juli",
             "august", "september", "oktober", "november", "dezember"]
_MON_ABBR = ["febr", "sept", "jan", "feb", "mär", "mrz", "apr", "jun", "jul", "aug", "sep",
             "okt", "nov", "dez"]
NUMBERS = {"ein": 1, "eine": 1, "einem": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3,
           "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
           "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30}
_ORD = {"erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_WD = "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
_DP = "(?:morgen|vormittag|mittag|nachmittag|abend|nacht)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_PAST = "vergangene[nmrs]?|letzte[nmrs]?|vorige[nmrs]?"
_NEXT = "kommende[nmrs]?|nächste[nmrs]?"
_THIS = "diese[nmrs]?|laufende[nmrs]?"
_REL = f"(?:{_PAST}|{_NEXT}|{_THIS})"
_NUM = r"(?:\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
_ORDW = r"(?:erste[nmrs]?|zweite[nmrs]?|dritte[nmrs]?|vierte[nmrs]?|[1-4]\.)"
_SEASON = r"(?:frühjahrs?|frühlings?|sommers?|herbst(?:e?s)?|winters?)"
_PART = "(?:anfang|mitte|ende|beginn)"


def _mon(name: str = "mon") -> str:
    return (f"(?P<{name}>(?:" + "|".join(_MON_FULL) + "|(?:" + "|".join(_MON_ABBR)
            + r")\.?)(?![\w]))")


def _yspec(slash: bool = False) -> str:
    """Optional year after a month/quarter/season: ' 2024', ' des Jahres 2024', ' vergangenen Jahres'."""
    y2 = r"(?:/(?P<y2>\d\d(?:\d\d)?))?" if slash else ""
    return (r"(?:(?:,? (?:(?:des |im )?jahr(?:es|e)? )?|/)(?P<y>" + _YEAR + ")" + y2
            + r"| (?:des |im )?(?P<yref>" + _REL + r" jahres|vorjahres|vorjahrs))?")


def _p(s: str) -> str:
    """Pattern mini-language: a literal space stands for one or more whitespace characters."""
    return s.replace(" ", r"\s+")


_OPEN_ABS = r"(?:(?P<open>seit|ab|bis|vor|nach) (?:(?:dem|den|der|zum|zur) )?)?"
_OPEN_REL = r"(?:(?P<open>seit|ab|bis) (?:(?:dem|den|der|zum|zur) )?)?"
_TIME = (r"(?P<hh>[01]?\d|2[0-3])(?::(?P<mm>[0-5]\d)(?:\s*uhr)?|(?:\.(?P<mm2>[0-5]\d))?\s*uhr)"
         r"(?:\s*(?P<tz>mesz|mez|cest|cet|utc|gmt|ortszeit|\((?:mesz|mez|cest|cet|utc|gmt)\)"
         r"|deutscher\s+zeit))?")
_TSUF = r"(?:\s*,?\s*(?:(?:-|–|—|um|gegen|ab)\s*)?" + _TIME + ")?"
_WD_OPT = (r"(?:(?:am |vom )?(?:" + _WD + r"|(?:mo|di|mi|do|fr|sa|so)\.),? (?:den )?)?")

Span = tuple  # (start: date | None, end: date | None, granularity: str)


@dataclass(frozen=True)
class _Rule:
    name: str
    rx: re.Pattern
    fn: Callable
    prefix: str


_RULES: list[_Rule] = []


def _rule(name: str, core: str, prefix: str = "rel", time_suffix: bool = True):
    pre = {"abs": _OPEN_ABS, "rel": _OPEN_REL, "": ""}[prefix]
    src = r"(?<!\w)" + _p(pre + core) + (_TSUF if time_suffix else "") + r"(?!\w)"

    def deco(fn):
        _RULES.append(_Rule(name, re.compile(src, re.I), fn, prefix))
        return fn
    return deco


# --------------------------------------------------------------------------- date helpers

def _last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _day(y: int, m: int, d: int) -> Span | None:
    try:
        x = date(y, m, d)
    except ValueError:
        return None
    return (x, x, "day")


def _month_span(y: int, m: int) -> Span:
    return (date(y, m, 1), date(y, m, _last(y, m)), "month")


def _year_span(y: int) -> Span:
    return (date(y, 1, 1), date(y, 12, 31), "year")


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _week_span(monday: date) -> Span:
    return (monday, monday + timedelta(days=6), "week")


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m + 1, min(d.day, _last(y, m + 1)))


def _part(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower()
    return "anfang" if w in ("beginn", "start", "anfang") else w


def _month_part(y: int, m: int, part: str) -> Span:
    lo, hi = {"anfang": (1, 10), "mitte": (11, 20), "ende": (21, _last(y, m))}[part]
    return (date(y, m, lo), date(y, m, hi), "month")


def _year_part(y: int, part: str) -> Span:
    if part == "anfang":
        return _month_span(y, 1)
    if part == "ende":
        return _month_span(y, 12)
    return (date(y, 6, 1), date(y, 7, 31), "month")


def _week_part(monday: date, part: str) -> Span:
    lo, hi = {"anfang": (0, 1), "mitte": (2, 2), "ende": (4, 6)}[part]
    return (monday + timedelta(days=lo), monday + timedelta(days=hi), "week")


def _rel(word: str | None) -> int | None:
    """-1 past, 0 this, +1 next for a relative adjective; None otherwise."""
    if not word:
        return None
    w = word.lower()
    if w.startswith(("vergangen", "letzt", "vorig", "vorjahr", "vorwoche", "vormonat", "vorquartal")):
        return -1
    if w.startswith(("kommend", "nächst")):
        return 1
    if w.startswith(("dies", "laufend")):
        return 0
    return None


def _rel_in(phrase: str | None) -> int | None:
    if not phrase:
        return None
    for w in phrase.split():
        r = _rel(w)
        if r is not None:
            return r
    return None


def _month_no(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _infer_year(month: int, a: date) -> int:
    diff = (month - a.month) % 12
    if diff == 0:
        return a.year
    if diff <= 2:
        return a.year + (1 if month < a.month else 0)
    return a.year if month < a.month else a.year - 1


def _year_of(m: re.Match, a: date) -> int | None:
    g = m.groupdict()
    if g.get("y"):
        return int(g["y"])
    if g.get("yref"):
        return a.year + _rel_in(g["yref"])
    return None


def _num(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else NUMBERS[w]


def _ord(word: str) -> int:
    w = word.lower().rstrip(".")
    for k, v in _ORD.items():
        if w.startswith(k):
            return v
    raise KeyError(word)


# --------------------------------------------------------------------------- rules
# Each handler gets (match, anchor_date, anchor_datetime) and returns a Span or None.

@_rule("iso", r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})", prefix="abs")
def _h_iso(m, a, adt):
    return _day(int(m["y"]), int(m["m"]), int(m["d"]))


@_rule("numeric", _WD_OPT + r"(?:(?:am|vom|den) )?(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.(?:\s?(?P<y>\d{4}|\d\d)(?!\d))?",
       prefix="abs")
def _h_numeric(m, a, adt):
    mo = int(m["m"])
    if m["y"]:
        y = int(m["y"])
        y = y + 2000 if y < 100 else y
    elif 1 <= mo <= 12:
        y = _infer_year(mo, a)
    else:
        return None
    return _day(y, mo, int(m["d"]))


@_rule("day_month", _WD_OPT + r"(?:(?:am|vom|den|zum) )?(?P<d>\d{1,2})\.? " + _mon() + _yspec(), prefix="abs")
def _h_day_month(m, a, adt):
    mo = _month_no(m["mon"])
    y = _year_of(m, a) or _infer_year(mo, a)
    return _day(y, mo, int(m["d"]))


@_rule("month", r"(?:(?:im|in|vom|zum|den|des|der) )?(?:(?P<part>" + _PART + r") )?(?:(?P<rel>" + _REL + r") )?"
       + _mon() + _yspec(), prefix="abs")
def _h_month(m, a, adt):
    mo = _month_no(m["mon"])
    y = _year_of(m, a)
    r = _rel(m["rel"])
    if y is None:
        if r == -1:
            y = a.year if mo < a.month else a.year - 1
        elif r == 1:
            y = a.year if mo > a.month else a.year + 1
        elif r == 0:
            y = a.year
        else:
            y = _infer_year(mo, a)
    part = _part(m["part"])
    return _month_part(y, mo, part) if part else _month_span(y, mo)


@_rule("year", r"(?:(?:im|in|des|dem|das|vom) )?(?:jahr(?:es|e)? )?(?P<y>" + _YEAR + r")(?![/\w])", prefix="abs")
def _h_year(m, a, adt):
    return _year_span(int(m["y"]))


@_rule("year_part", r"(?:(?:im|in|zum|zu|am) )?(?P<part>" + _PART + r"|start) (?:des jahres )?(?P<y>" + _YEAR + ")",
       prefix="abs")
def _h_year_part(m, a, adt):
    return _year_part(int(m["y"]), _part(m["part"]))


@_rule("year_rel", r"(?:(?:im|in|dem|das) )?(?:(?P<rel>" + _REL + r") jahr(?:e)?|(?P<vj>vorjahr)|(?P<heuer>heuer))")
def _h_year_rel(m, a, adt):
    off = -1 if m["vj"] else 0 if m["heuer"] else _rel(m["rel"])
    return _year_span(a.year + off)


@_rule("year_rel_part", r"(?:(?:zum|am|zu|im) )?(?:(?P<part>" + _PART + r") (?:des (?:(?P<rel>" + _REL
       + r") )?jahres|(?P<rel2>" + _REL + r") jahres|des (?P<vj>vorjahres))|jahres(?P<ypart>ende|anfang|beginn|start|mitte))")
def _h_year_rel_part(m, a, adt):
    off = -1 if m["vj"] else (_rel(m["rel"] or m["rel2"]) or 0)
    return _year_part(a.year + off, _part(m["part"] or m["ypart"]))


@_rule("season", r"(?:(?:im|in|den|des|diesen) )?(?:(?P<rel>" + _REL + r") )?(?P<s>" + _SEASON + ")" + _yspec(slash=True),
       prefix="abs")
def _h_season(m, a, adt):
    s = m["s"].lower()
    kind = "spring" if s.startswith("früh") else "summer" if s.startswith("sommer") else \
        "autumn" if s.startswith("herbst") else "winter"

    def span(y):
        if kind == "winter":
            return (date(y, 12, 1), date(y + 1, 2, _last(y + 1, 2)), "season")
        lo = {"spring": 3, "summer": 6, "autumn": 9}[kind]
        return (date(y, lo, 1), date(y, lo + 2, _last(y, lo + 2)), "season")

    y = _year_of(m, a)
    if m["y2"]:
        y2 = int(m["y2"])
        y2 = y2 + (y // 100) * 100 if y2 < 100 else y2
        if kind != "winter" or y2 != y + 1:
            return None
    if y is not None:
        return span(y)
    cands = [span(y) for y in (a.year - 2, a.year - 1, a.year, a.year + 1)]
    r = _rel(m["rel"])
    if r == -1:
        return [c for c in cands if c[1] < a][-1]
    if r == 1:
        return [c for c in cands if c[0] > a][0]
    for c in cands:
        if c[0] <= a <= c[1]:
            return c
    if r == 0:
        return [c for c in cands if c[0].year == a.year][0]
    nxt = [c for c in cands if c[0] > a][0]
    if (nxt[0] - a).days <= 62:
        return nxt
    return [c for c in cands if c[1] < a][-1]


@_rule("quarter", r"(?:(?:im|in|das|des|dem|vom) )?(?:(?P<ord>" + _ORDW + r") (?:quartal|vierteljahr)|(?P<q>q[1-4])"
       r"|(?P<sq>schlussquartal|jahresschlussquartal|auftaktquartal))" + _yspec(), prefix="abs")
def _h_quarter(m, a, adt):
    q = _ord(m["ord"]) if m["ord"] else int(m["q"][1]) if m["q"] else (1 if "auftakt" in m["sq"].lower() else 4)
    y = _year_of(m, a)
    if y is None:
        y = a.year if 3 * q - 2 <= a.month else a.year - 1
    return (date(y, 3 * q - 2, 1), date(y, 3 * q, _last(y, 3 * q)), "quarter")


@_rule("quarter_rel", r"(?:(?:im|in|das|dem) )?(?:(?P<rel>" + _REL + r") (?:quartal|vierteljahr)|(?P<vq>vorquartal))")
def _h_quarter_rel(m, a, adt):
    off = -1 if m["vq"] else _rel(m["rel"])
    q0 = (a.month - 1) // 3 + a.year * 4 + off
    y, q = divmod(q0, 4)
    return (date(y, 3 * q + 1, 1), date(y, 3 * q + 3, _last(y, 3 * q + 3)), "quarter")


@_rule("half", r"(?:(?:im|in der|in) )?(?P<ord>erste[nmrs]?|zweite[nmrs]?|[12]\.) (?:halbjahr|jahreshälfte)" + _yspec(),
       prefix="abs")
def _h_half(m, a, adt):
    h = _ord(m["ord"])
    y = _year_of(m, a)
    if y is None:
        y = a.year if h == 1 or a.month >= 7 else a.year - 1
    lo = 1 if h == 1 else 7
    return (date(y, lo, 1), date(y, lo + 5, _last(y, lo + 5)), "year")


_WREF = (r"(?P<wref>(?:(?:der|in der) )?" + _REL + r" woche|(?:(?:der|in der) )?vorwoche)")


@_rule("weekday", r"(?:(?:am|an|den|vom|zum|bis) )?(?:(?P<rel>" + _REL + r"|gestrigen|heutigen|morgigen) )?"
       r"(?:(?:frühen|späten) )?(?P<wd>" + _WD + r")(?:" + _DP + r")?(?: (?:" + _DP + r"|früh))?(?: " + _WREF + ")?")
def _h_weekday(m, a, adt):
    wd = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    if rel in ("gestrigen", "heutigen", "morgigen"):
        x = a + timedelta(days={"gestrigen": -1, "heutigen": 0, "morgigen": 1}[rel])
        return (x, x, "day")
    wref = m.groupdict().get("wref")
    if wref:
        off = _rel_in(wref)
        x = _monday(a) + timedelta(days=7 * off + wd)
        return (x, x, "day")
    r = _rel(rel)
    if r == -1:
        back = (a.weekday() - wd) % 7 or 7
        x = a - timedelta(days=back)
    elif r == 1:
        x = a + timedelta(days=(wd - a.weekday()) % 7 or 7)
    elif r == 0:
        x = _monday(a) + timedelta(days=wd)
    else:
        x = a - timedelta(days=(a.weekday() - wd) % 7)
    return (x, x, "day")


@_rule("night", r"(?:in der )?nacht (?:von " + _WD + r" )?(?:zum|zu|auf) (?:(?P<rel>" + _REL + r") )?(?P<wd>" + _WD + ")")
def _h_night(m, a, adt):
    return _h_weekday(m, a, adt)


@_rule("dayword", r"(?P<dw>vorgestern|gestern|heute|übermorgen|morgen)(?: (?:früh|" + _DP + r"))?"
       r"|am (?P<adj>gestrigen|heutigen|morgigen) tage?")
def _h_dayword(m, a, adt):
    w = (m["dw"] or m["adj"]).lower()
    off = {"vorgestern": -2, "gestern": -1, "gestrigen": -1, "heute": 0, "heutigen": 0,
           "morgen": 1, "morgigen": 1, "übermorgen": 2}[w]
    x = a + timedelta(days=off)
    return (x, x, "day")


@_rule("week", r"(?:(?:in der|in|an der|die|der|diese) )?(?:(?P<rel>" + _REL + r") woche|(?P<vw>vorwoche))")
def _h_week(m, a, adt):
    off = -1 if m["vw"] else _rel(m["rel"])
    return _week_span(_monday(a) + timedelta(days=7 * off))


@_rule("week_part", r"(?:(?:zu|zum|zur|am|in der) )?(?:(?P<part>" + _PART + r") (?:der (?:(?P<rel>" + _REL
       + r") )?woche|(?P<rel2>" + _REL + r") woche)|wochen(?P<wpart>beginn|anfang|start|mitte))")
def _h_week_part(m, a, adt):
    off = _rel(m["rel"] or m["rel2"]) or 0
    return _week_part(_monday(a) + timedelta(days=7 * off), _part(m["part"] or m["wpart"]))


@_rule("weekend", r"(?:(?:am|an|übers|über das|zum|das|dem) )?(?:(?P<rel>" + _REL + r") )?wochenende")
def _h_weekend(m, a, adt):
    r = _rel(m["rel"])
    mon = _monday(a)
    if r == -1:
        sat = mon - timedelta(days=2)
    elif r == 1:
        sat = a + timedelta(days=(5 - a.weekday()) % 7 or 7)
    elif r == 0 or a.weekday() >= 5:
        sat = mon + timedelta(days=5)
    else:
        sat = mon - timedelta(days=2)
    return (sat, sat + timedelta(days=1), "week")


@_rule("month_rel", r"(?:(?:im|in|diesen|den|dem) )?(?:(?P<rel>" + _REL + r") monat|(?P<vm>vormonat))")
def _h_month_rel(m, a, adt):
    off = -1 if m["vm"] else _rel(m["rel"])
    x = _add_months(a.replace(day=1), off)
    return _month_span(x.year, x.month)


@_rule("month_rel_part", r"(?:(?:zum|am|zu|im) )?(?:(?P<part>" + _PART + r") (?:des (?:(?P<rel>" + _REL
       + r") )?monats|(?P<rel2>" + _REL + r") monats)|monats(?P<mpart>ende|anfang|beginn|start|mitte))")
def _h_month_rel_part(m, a, adt):
    off = _rel(m["rel"] or m["rel2"]) or 0
    x = _add_months(a.replace(day=1), off)
    return _month_part(x.year, x.month, _part(m["part"] or m["mpart"]))


@_rule("ago", r"(?P<dir>vor|in|seit) (?:(?:gut|knapp|rund|etwa|fast|genau|mehr als|über) )?"
       r"(?:(?P<n>" + _NUM + r") (?P<u>tag(?:en|e)?|wochen?|monat(?:en|e)?|jahr(?:en|e)?|stunden?|minuten?)"
       r"|(?P<half>einem halben jahr|einem halben monat))")
def _h_ago(m, a, adt):
    sign = 1 if m["dir"].lower() == "in" else -1
    if m["half"]:
        n, u = (6, "monat") if "jahr" in m["half"].lower() else (15, "tag")
    else:
        n, u = _num(m["n"]), m["u"].lower()
    if u.startswith("tag"):
        x, g = a + timedelta(days=sign * n), "day"
    elif u.startswith("woche"):
        x, g = a + timedelta(days=sign * 7 * n), "week"
    elif u.startswith("monat"):
        x, g = _add_months(a, sign * n), "month"
    elif u.startswith("jahr"):
        x, g = _add_months(a, sign * 12 * n), "year"
    else:
        delta = timedelta(hours=n) if u.startswith("stunde") else timedelta(minutes=n)
        x, g = (adt + sign * delta).date(), "day"
    if m["dir"].lower() == "seit":
        return (x, None, g)
    return (x, x, g)


@_rule("time", r"(?:(?:um|gegen|ab|bis) )?" + _TIME, prefix="", time_suffix=False)
def _h_time(m, a, adt):
    return (a, a, "day")


_RANGE = re.compile(r"^(?:(?P<z>zwischen)\s+|(?:vom|von)\s+)?(?P<l>.+?)"
                    r"(?:\s*(?:–|—|-)\s*|\s+(?:bis(?:\s+zum|\s+zur)?|und)\s+)(?P<r>.+)$", re.I)
_CLEAN_STRIP = " \t\r\n,;:!?\"'„“”‚‘’«»()[]"
_LEAD = re.compile(r"^(?:bereits|schon|erst|noch|zuletzt|spätestens|frühestens|etwa|ungefähr|genau|wohl)\s+", re.I)
_TZ_NAMES = {"mez": DEFAULT_TZ, "mesz": DEFAULT_TZ, "cet": DEFAULT_TZ, "cest": DEFAULT_TZ,
             "utc": "UTC", "gmt": "UTC", "ortszeit": None}


# --------------------------------------------------------------------------- normalize

def _anchor(anchor: datetime | date) -> tuple[date, datetime, str]:
    if isinstance(anchor, datetime):
        tzi = anchor.tzinfo
        if tzi is not None:
            key = getattr(tzi, "key", None)
            if key in (None, "UTC", "Etc/UTC") and anchor.utcoffset() == timedelta(0):
                anchor = anchor.astimezone(ZoneInfo(DEFAULT_TZ))
                key = DEFAULT_TZ
            return anchor.date(), anchor, key or DEFAULT_TZ
        return anchor.date(), anchor, DEFAULT_TZ
    if isinstance(anchor, date):
        return anchor, datetime.combine(anchor, time(12, 0)), DEFAULT_TZ
    raise TypeError(f"anchor must be a date or datetime, not {type(anchor).__name__}")


_SHORT_YEAR = re.compile(r"(?<!\w)['’](\d\d)(?!\d)")


def _clean(text: str) -> str:
    s = " ".join(text.split()).strip(_CLEAN_STRIP)
    s = _SHORT_YEAR.sub(r"20\1", s)          # "Feb. '25" -> "Feb. 2025"
    return _LEAD.sub("", s)


def _apply(rule: _Rule, m: re.Match, a: date, adt: datetime, tzname: str, text: str) -> DateValue | None:
    span = rule.fn(m, a, adt)
    if span is None:
        return None
    start, end, gran = span
    g = m.groupdict()
    op = (g.get("open") or "").lower()
    if op in ("seit", "ab"):
        end = None
    elif op == "bis":
        start = None
    elif op == "vor":
        if rule.name in ("time",) or start is None:
            return None
        start, end = None, start - timedelta(days=1)
    elif op == "nach":
        if end is None:
            return None
        start, end = end + timedelta(days=1), None
    t = tz = None
    if g.get("hh") is not None:
        mm = g.get("mm") or g.get("mm2") or "0"
        t = time(int(g["hh"]), int(mm))
        z = (g.get("tz") or "").lower().strip("()")
        z = "deutscher zeit" if z.startswith("deutscher") else z
        tz = tzname if not z else (DEFAULT_TZ if z == "deutscher zeit" else _TZ_NAMES[z])
    return DateValue(start, end, gran, text, t, tz)


def _single(s: str, a: date, adt: datetime, tzname: str, text: str) -> DateValue | None:
    for rule in _RULES:
        m = rule.rx.fullmatch(s)
        if m:
            v = _apply(rule, m, a, adt, tzname, text)
            if v is not None:
                return v
    return None


def _range(s: str, a: date, adt: datetime, tzname: str, text: str) -> DateValue | None:
    m = _RANGE.match(s)
    if not m:
        return None
    left, right = m["l"], m["r"]
    if m["r"] and re.match(r"und\b", s[m.end("l"):].strip(), re.I) and not m["z"]:
        return None
    R = _single(right, a, adt, tzname, right)
    if R is None or R.start is None or R.end is None:
        return None
    L = None
    if re.fullmatch(r"\d{1,2}\.?", left) and R.granularity == "day":
        L = _day(R.start.year, R.start.month, int(left.rstrip(".")))
        L = DateValue(L[0], L[1], "day", left) if L else None
    elif re.fullmatch(_mon(), left, re.I) and R.granularity == "month":
        mo = _month_no(left)
        L = DateValue(*_month_span(R.start.year, mo), left)
    else:
        has_year = re.search(r"\d{4}", left)
        if not has_year and re.search(r"\d{4}", right) and re.search(_mon(), left, re.I):
            L = _single(f"{left} {R.start.year}", a, adt, tzname, left)
        if L is None:
            L = _single(left, a, adt, tzname, left)
    if L is None or L.start is None or L.start > R.end:
        return None
    return DateValue(L.start, R.end, L.granularity, text)


_FALLBACK_CUE = re.compile(r"\d\s?[./-]\s?\d|(?<!\w)(?:" + "|".join(_MON_FULL) + "|" + _WD + r")", re.I)
_DAY_CUE = re.compile(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)|" + _WD + "|gestern|heute|morgen", re.I)


@lru_cache(maxsize=32)
def _dp_parser(base: datetime):
    from dateparser.date import DateDataParser
    return DateDataParser(languages=["de"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True})


def _fallback(s: str, a: date, adt: datetime, tzname: str, text: str) -> DateValue | None:
    if not _FALLBACK_CUE.search(s):
        return None
    base = adt.replace(tzinfo=None)
    try:
        data = _dp_parser(base).get_date_data(s)
    except Exception:  # dateparser raises on some odd inputs; a fallback must not
        return None
    d = data.date_obj
    if d is None:
        return None
    period = data.period or "day"
    x = d.date()
    if period in ("day", "time") and not _DAY_CUE.search(s):
        period = "month" if re.search("|".join(_MON_FULL + _MON_ABBR), s, re.I) else None
    if period is None:
        return None
    if period == "time":
        return DateValue(x, x, "day", text, d.time().replace(second=0, microsecond=0), tzname)
    if period == "day":
        return DateValue(x, x, "day", text)
    if period == "week":
        return DateValue(*_week_span(_monday(x)), text)
    if period == "month":
        return DateValue(*_month_span(x.year, x.month), text)
    if period == "year":
        return DateValue(*_year_span(x.year), text)
    return None


def warm() -> None:
    """Load what the first date that needs dateparser would load (dateparser, its German locale and
    patterns, the parser for :func:`find_expressions`' reference date): called by a run's parent process
    before its worker pool forks (issue 16), so that the workers share it."""
    normalize("von 1990 bis 3.5", date(2000, 1, 1))


def normalize(text: str, anchor: datetime | date) -> DateValue | None:
    """Normalize one German temporal expression relative to ``anchor`` (publication date).

    Returns None for expressions without a calendar reference.
    """
    a, adt, tzname = _anchor(anchor)
    s = _clean(text)
    if not s:
        return None
    v = _single(s, a, adt, tzname, text)
    if v is None and s.endswith("."):
        v = _single(s[:-1], a, adt, tzname, text)
    if v is None:
        v = _range(s, a, adt, tzname, text)
    if v is None:
        v = _fallback(s, a, adt, tzname, text)
    return v


# --------------------------------------------------------------------------- find in running text

_NOUNS = {"woche", "wochen", "wochenende", "monat", "monats", "monaten", "jahr", "jahre", "jahres", "jahren",
          "quartal", "vierteljahr", "halbjahr", "jahreshälfte", "frühjahr", "frühjahrs", "frühling",
          "frühlings", "sommer", "sommers", "herbst", "herbstes", "herbsts", "winter", "winters", "anfang",
          "mitte", "ende", "beginn", "nacht", "abend", "vormittag", "nachmittag", "mittag", "vorjahr",
          "vorjahres", "vorwoche", "vormonat", "vorquartal", "tag", "tage", "tagen", "stunde", "stunden",
          "minute", "minuten", "uhr", "schlussquartal", "auftaktquartal"} | set(_MON_FULL)
_NOUN_PREFIX = tuple(WEEKDAYS) + ("monats", "jahres", "wochen")
_WORD = re.compile(r"\w+")
_QUANT = {"rund", "etwa", "über", "mehr", "fast", "knapp", "insgesamt", "ca", "circa", "rd", "nur", "weitere",
          "weiteren", "zu", "nr", "nummer", "artikel", "paragraf", "paragraph", "seite", "band", "tel", "mindestens",
          "höchstens", "als", "jeweils", "die", "der", "den", "dem", "mit", "zwischen"}
_UNIT_AFTER = re.compile(r"\s*(?:%|€|\$|prozent\b|km\b|kg\b|mio\b|mrd\b|[.,]\d)", re.I)
_SENT_START = re.compile(r"(?:^|[.!?:]\s*|[\n\r]\s*|[„\"»]\s*)$")


def _plausible(text: str, s: int, e: int, rule: _Rule) -> bool:
    span = text[s:e]
    words = _WORD.findall(span)
    for w in words:
        lw = w.lower()
        if lw in _NOUNS or lw.startswith(_NOUN_PREFIX):
            if not w[0].isupper():
                return False
    if len(words) == 1:
        lw = words[0].lower()
        if rule.name in ("month", "season"):
            return False
        if lw == "morgen" and words[0][0].isupper() and not _SENT_START.search(text[max(0, s - 4):s]):
            return False
        if rule.name == "year":
            prev = _WORD.findall(text[max(0, s - 25):s])
            if prev and prev[-1].lower() in _QUANT:
                return False
            if s > 0 and text[s - 1] in ".,/-":
                return False
            nxt = text[e:e + 12]
            if re.match(r"\s+[A-ZÄÖÜ]", nxt) or _UNIT_AFTER.match(nxt):
                return False
    if rule.name == "time" and "uhr" not in span.lower():
        return False
    if rule.name == "dayword" and words and words[0] == "Morgen" and len(words) == 1:
        return _SENT_START.search(text[max(0, s - 4):s]) is not None
    return True


_RANGE_GAP = re.compile(r"^\s*(?:–|—|-|bis(?:\s+zum|\s+zur)?|und)?\s*$", re.I)
_RANGE_LEFT = re.compile(r"(?:(?:(?:vom|von)\s+)?(?<![\w.])\d{1,2}\.\s*(?:(?:–|—|-|bis(?:\s+zum)?)\s*)?"
                         r"|zwischen\s+" + _YEAR + r"\s+und\s+)$", re.I)
_RANGE_PRE = re.compile(r"(?:vom|von|zwischen)\s+$", re.I)


_ABSOLUTE = {"iso", "numeric", "day_month", "month", "year", "year_part", "season", "quarter", "half"}


# Speed: a rule's pattern is tried only where it can match. Every match of a rule contains a hit of
# its gate (a month name, a year, "woche", "uhr", ...) and starts at the start of a word run (``\w+``)
# at most _BACK runs before that hit (the optional words before a rule's keyword are fewer). So the
# rule is tried at those run starts only, in order, as ``finditer`` would meet them: the same
# matches, without trying every position of the text (a gate may hit more than the rule needs: that
# only costs a try). tests/test_dates.py checks it against plain finditer.
_BACK = 10
_RUN = re.compile(r"\w+")
_YEAR_GATE = re.compile(_YEAR)


# Gates as ``str.find`` scans (speed19, issue 16): each returns a superset of the hits of the pattern named in its
# docstring, every hit of the pattern lying inside one of them, so the same run starts are tried (and more only
# where the scan is coarser: a try each). ``\d`` is ``str.isdecimal``, ``\s`` ``str.isspace`` and ``\w``
# ``str.isalnum`` or "_", as in ``re``. The patterns ran over the whole text at every position (a third of
# find_expressions' time); tests/test_speed19.py checks the scans against them.
def _finds(low: str, word: str) -> list[int]:
    out, i = [], low.find(word)
    while i >= 0:
        out.append(i)
        i = low.find(word, i + 1)
    return out


def _iso_gate(low: str) -> list[tuple[int, int]]:
    r"""``\d{4}-\d``"""
    return [(max(0, k - 4), k + 2) for k in _finds(low, "-")
            if low[k - 1:k].isdecimal() and low[k + 1:k + 2].isdecimal()]


def _numeric_gate(low: str) -> list[tuple[int, int]]:
    r"""``\d\.\s?\d``"""
    out = []
    for k in _finds(low, "."):
        nxt = low[k + 1:k + 2]
        if low[k - 1:k].isdecimal() and (nxt.isdecimal() or (nxt.isspace() and low[k + 2:k + 3].isdecimal())):
            out.append((k - 1, min(len(low), k + 3)))
    return out


def _month_gate(low: str) -> list[tuple[int, int]]:
    r"""``(?:<a month name or abbreviation>)\.?(?!\w)`` (:data:`_MON_FULL`, :data:`_MON_ABBR`)"""
    out = []
    for name in _MON_FULL + _MON_ABBR:
        n = len(name)
        for i in _finds(low, name):
            nxt = low[i + n:i + n + 1]
            if not (nxt.isalnum() or nxt == "_"):
                out.append((i, min(len(low), i + n + 1)))
    return out


def _quarter_gate(low: str) -> list[tuple[int, int]]:
    r"""``quartal|vierteljahr|q[1-4]``"""
    out = [(i, i + 7) for i in _finds(low, "quartal")] + [(i, i + 11) for i in _finds(low, "vierteljahr")]
    return out + [(k, k + 2) for k in _finds(low, "q") if low[k + 1:k + 2] in ("1", "2", "3", "4")]


def _time_gate(low: str) -> list[tuple[int, int]]:
    r"""``\d:\d|uhr``"""
    out = [(k - 1, k + 2) for k in _finds(low, ":") if low[k - 1:k].isdecimal() and low[k + 1:k + 2].isdecimal()]
    return out + [(i, i + 3) for i in _finds(low, "uhr")]


_Gate = Union[tuple[str, ...], re.Pattern, Callable[[str], list[tuple[int, int]]]]
_GATES: dict[str, _Gate] = {     # words, a pattern or a scan, over the lower-cased text
    "iso": _iso_gate,
    "numeric": _numeric_gate,
    "day_month": _month_gate,
    "month": _month_gate,
    "year": _YEAR_GATE,
    "year_part": _YEAR_GATE,
    "year_rel": ("jahr", "heuer"),
    "year_rel_part": ("jahres",),
    "season": ("frühjahr", "frühling", "sommer", "herbst", "winter"),
    "quarter": _quarter_gate,
    "quarter_rel": ("quartal", "vierteljahr"),
    "half": ("halbjahr", "jahreshälfte"),
    "weekday": tuple(WEEKDAYS),
    "night": ("nacht",),
    "dayword": ("gestern", "heute", "morgen", "gestrig", "heutig", "morgig"),
    "week": ("woche",),
    "week_part": ("woche",),
    "weekend": ("wochenende",),
    "month_rel": ("monat",),
    "month_rel_part": ("monat",),
    "ago": ("tag", "woche", "monat", "jahr", "stunde", "minute", "halben"),
    "time": _time_gate,
}
# letters that re.IGNORECASE folds onto a gate's letters but str.lower() does not (and the one
# whose lower case is longer, which would shift offsets): no gates for such a text
_ODD_CASE = re.compile("[\u017f\u0130\u0131\u212a]")


def _gate_hits(gate: _Gate, text: str, low: str) -> list[tuple[int, int]]:
    """(start, end) of every hit of a gate; overlapping hits of a pattern lie inside an earlier hit."""
    if isinstance(gate, re.Pattern):
        return [m.span() for m in gate.finditer(low)]
    if not isinstance(gate, tuple):
        return gate(low)
    out = []
    for w in gate:
        i = low.find(w)
        while i >= 0:
            out.append((i, i + len(w)))
            i = low.find(w, i + 1)
    return out


def _rule_matches(rule: _Rule, text: str, low: str, runs: list[int] | None, memo: dict) -> list[re.Match]:
    """``list(rule.rx.finditer(text))``, trying the pattern only where its gate allows a match."""
    gate = _GATES.get(rule.name)
    if gate is None or runs is None:
        return list(rule.rx.finditer(text))
    starts = memo.get(id(gate))
    if starts is None:
        found: set[int] = set()
        for s, e in _gate_hits(gate, text, low):
            i = bisect_right(runs, s) - 1
            j = bisect_right(runs, max(s, e - 1)) - 1
            found.update(runs[max(0, i - _BACK):j + 1])
        starts = memo[id(gate)] = sorted(found)
    out, last = [], 0
    for p in starts:
        if p < last:
            continue
        m = rule.rx.match(text, p)
        if m is None:
            continue
        if m.end() == p:                       # an empty match: finditer's own stepping decides
            return list(rule.rx.finditer(text))
        out.append(m)
        last = m.end()
    return out


@lru_cache(maxsize=8192)
def _readable(s: str) -> bool:
    """``normalize(s, 2000-01-01) is not None``, memoized: the same range texts ("2014 bis 2022", "vom 14. bis
    16. Februar") come back in many articles, and a text the rules cannot read goes to dateparser (issue 16)."""
    return normalize(s, _RANGE_REF) is not None


_RANGE_REF = date(2000, 1, 1)


def find_expressions(text: str) -> list[tuple[int, int, str]]:
    """Character spans (start, end, text) of temporal expressions in running text, in order.

    Every span found is one that ``normalize`` accepts. Ranges ("vom 14. bis 16. Februar 2025",
    "2014 bis 2022") come as one span; only absolute expressions are joined into ranges.
    """
    cands = []
    low = text.lower()
    runs = None if _ODD_CASE.search(text) else [m.start() for m in _RUN.finditer(text)]
    memo: dict = {}
    for rule in _RULES:
        for m in _rule_matches(rule, text, low, runs, memo):
            s, e = m.span()
            if e > s and _plausible(text, s, e, rule):
                cands.append((s, e, rule.name))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    chosen: list[tuple[int, int, str]] = []
    for s, e, name in cands:
        if all(e <= cs or s >= ce for cs, ce, _ in chosen):
            chosen.append((s, e, name))
    chosen.sort()
    # merge ranges: "vom 14. bis 16. Februar", "2014 bis 2022", "zwischen 2014 und 2022"
    merged: list[tuple[int, int, str]] = []
    for s, e, name in chosen:
        if name not in _ABSOLUTE:
            merged.append((s, e, name))
            continue
        lm = _RANGE_LEFT.search(text, max(0, s - 20), s)
        if lm and _readable(text[lm.start():e]):
            s = lm.start()
        if merged and merged[-1][2] in _ABSOLUTE:
            ps, pe, _ = merged[-1]
            gap = text[pe:s]
            if _RANGE_GAP.match(gap) and "\n" not in gap:
                pre = _RANGE_PRE.search(text, max(0, ps - 10), ps)
                ns = pre.start() if pre else ps
                if (gap.strip().lower() != "und" or (pre and pre.group().lower().startswith("zwischen"))) \
                        and _readable(text[ns:e]):
                    merged[-1] = (ns, e, name)
                    continue
        merged.append((s, e, name))
    return [(s, e, text[s:e]) for s, e, _ in merged]


# --------------------------------------------------------------------------- bylines

_BYLINE_NUM = re.compile(r"(?<!\d)(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4}|\d\d)(?!\d)")
_BYLINE_NAME = re.compile(r"(?<!\d)(?P<d>\d{1,2})\.?\s+" + _mon() + r"\s+(?P<y>\d{4})", re.I)
_BYLINE_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ](?P<hh>\d\d):(?P<mm>\d\d)(?::(?P<ss>\d\d))?"
                         r"(?:\.\d+)?(?P<off>Z|[+-]\d\d:?\d\d)?)?")
_BYLINE_TIME = re.compile(r"\s*,?\s*(?:[-–—|/]|um)?\s*(?P<hh>[01]?\d|2[0-3])[:.](?P<mm>[0-5]\d)(?:\s*Uhr)?"
                          r"(?:\s*(?P<tz>MESZ|MEZ|CEST|CET|UTC|GMT))?", re.I)


def parse_byline_datetime(text: str, tz: str = DEFAULT_TZ) -> datetime | None:
    """First date (and time) in a byline as a tz-aware datetime.

    "Annett Meiritz 14.02.2025 - 13:35 Uhr" -> 2025-02-14 13:35+01:00 (Europe/Berlin: CET in
    winter, CEST in summer). An explicit UTC/GMT marker or ISO offset wins over ``tz``. A date
    without a time gives local midnight.
    """
    zone = ZoneInfo(tz)
    found = []
    for rx in (_BYLINE_ISO, _BYLINE_NUM, _BYLINE_NAME):
        m = rx.search(text)
        if m:
            found.append((m.start(), rx, m))
    for _, rx, m in sorted(found, key=lambda f: f[0]):
        y = int(m["y"])
        y = y + 2000 if y < 100 else y
        mo = int(m["m"]) if rx is not _BYLINE_NAME else _month_no(m["mon"])
        try:
            d = date(y, mo, int(m["d"]))
        except ValueError:
            continue
        if rx is _BYLINE_ISO:
            if m["hh"] is None:
                return datetime.combine(d, time(0), zone)
            t = time(int(m["hh"]), int(m["mm"]), int(m["ss"] or 0))
            off = m["off"]
            if off:
                if off == "Z":
                    return datetime.combine(d, t, timezone.utc)
                sign = 1 if off[0] == "+" else -1
                hh, mm = int(off[1:3]), int(off[-2:])
                return datetime.combine(d, t, timezone(sign * timedelta(hours=hh, minutes=mm)))
            return datetime.combine(d, t, zone)
        tm = _BYLINE_TIME.match(text, m.end())
        if not tm:
            return datetime.combine(d, time(0), zone)
        t = time(int(tm["hh"]), int(tm["mm"]))
        z = (tm["tz"] or "").upper()
        return datetime.combine(d, t, timezone.utc if z in ("UTC", "GMT") else zone)
    return None


# --------------------------------------------------------------------------- CLI

def _parse_anchor(s: str | None) -> datetime | date:
    if not s:
        return date.today()
    return date.fromisoformat(s) if len(s) == 10 else datetime.fromisoformat(s)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m pipeline dates",
                                description="Normalize a German temporal expression relative to an anchor date; "
                                            "prints JSON (null when it is no calendar expression, exit code 1).")
    p.add_argument("text", help='expression, e.g. "am Donnerstag" (or running text with --find)')
    p.add_argument("--anchor", help="publication date or datetime, ISO (default: today)")
    p.add_argument("--find", action="store_true", help="find expressions in running text and normalize each")
    p.add_argument("--byline", action="store_true", help="parse TEXT as a byline timestamp")
    p.add_argument("--tz", default=DEFAULT_TZ, help="time zone for --byline (default Europe/Berlin)")
    args = p.parse_args(argv)
    try:
        anchor = _parse_anchor(args.anchor)
    except ValueError:
        p.error(f"--anchor: not an ISO date or datetime: {args.anchor!r}")
    if args.byline:
        dt = parse_byline_datetime(args.text, args.tz)
        out = None if dt is None else {"datetime": dt.isoformat(),
                                       "utc": dt.astimezone(timezone.utc).isoformat()}
        print(json.dumps(out, ensure_ascii=False))
        return 0 if out else 1
    if args.find:
        out = []
        for s, e, t in find_expressions(args.text):
            v = normalize(t, anchor)
            out.append({"start_char": s, "end_char": e, "text": t, "value": v.to_json() if v else None})
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    v = normalize(args.text, anchor)
    print(json.dumps(v.to_json() if v else None, ensure_ascii=False))
    return 0 if v else 1


if __name__ == "__main__":
    raise SystemExit(main())
