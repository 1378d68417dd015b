"""dump20: dump titles and bylines of templates the rules never saw, from the page's own evidence (issue 15).

- ``dump_stacked_kicker``: of two headline-like lines stacked over the teaser or byline, the upper a short
  overline, the lower one is the headline.
- ``dump_compound_kicker``: a one-word kicker glued to the headline that is made of items of the page's menus
  and trail ("Handball-Champions-League Magdeburg löst …" under "• Handball" and "Sportschau > Handball >
  Champions League").
Data and switch: ``web.yaml`` section ``dump20``.
"""
from __future__ import annotations

import re

from pipeline.web.profile import web_rules


def _cfg(name: str, default):
    return web_rules().dump20.params.get(name, default)


def on() -> bool:
    return web_rules().dump20.on


def _next(raw: list[str], i: int, gap: int = 2) -> int | None:
    from pipeline.web.dump import norm
    for j in range(i + 1, min(len(raw), i + gap + 1)):
        if norm(raw[j]):
            return j
    return None


def _opens_header(t: str) -> bool:
    """A line that starts an article's header under its headline: a date or byline line, or a teaser (a
    sentence of ``teaser_words`` or more ending in a full stop)."""
    from pipeline.web.dump import _is_date_or_byline, name_line
    from pipeline.ingest import _find_date
    t = re.sub(r"^\[[^\]]{1,40}\]\s*", "", t)        # an author picture's mark: "[czuend] Corinne Zünd"
    return _is_date_or_byline(t) or bool(name_line(t)) or _find_date(t) is not None \
        or len(t.split()) >= _cfg("teaser_words", 10) and t.endswith(".")


def stacked_headline(raw: list[str], h: int | None, start: int, repeated: set[str]) -> int | None:
    """Rule ``dump_stacked_kicker``: the headline found by the body's words (``h``) is a short overline
    (at most ``kicker_words`` words, no sentence or colon end) when the next line (one blank line between at
    most) is headline-like too, longer, and stands right over the header (a date or byline line, a teaser):
    "Fähre Vegesack–Lemwerder" / "Betreiber kündigt Fahrplan-Einschnitte an" / "Die Weserfähre … alarmiert.";
    "Gewitter am Hausberg" / "Lama-Wanderung am Pilatus endet mit Rega-Einsatz" / "[czuend] Corinne Zünd".
    The index of the lower line, else ``h``."""
    from pipeline.web.dump import _candidate, norm
    if not on() or h is None:
        return h
    t = norm(raw[h])
    j = _next(raw, h)
    if j is None or j >= start and start > h + 1 or not _candidate(raw, j, repeated):
        return h
    low = norm(raw[j])
    if len(t.split()) > _cfg("kicker_words", 4) or re.search(r"[.!?:;,]$", t) or len(low.split()) <= len(t.split()):
        return h
    k = _next(raw, j)
    return j if k is not None and _opens_header(norm(raw[k])) else h


def _trail_items(raw: list[str]) -> set[str]:
    """Items of the page's one-line trails ("Sportschau > Handball > Champions League"), case-folded."""
    from pipeline.web.dump import norm
    out = set()
    for x in raw:
        parts = [p.strip() for p in re.split(r"\s+[›»>/|]\s+", norm(x))]
        if 2 <= len(parts) <= 6 and all(1 <= len(p.split()) <= 3 for p in parts):
            out.update(p.casefold() for p in parts)
    return out


def compound_item(kick: str, raw: list[str], menu: set[str]) -> bool:
    """Rule ``dump_compound_kicker``: a one-word kicker made of two or more items of the page's menus and trails
    joined by hyphens ("Handball-Champions-League": "Handball" + "Champions League")."""
    if not on() or "-" not in kick or " " in kick:
        return False
    items = {x.replace(" ", "-") for x in menu | _trail_items(raw)}
    parts = kick.casefold().split("-")

    def seg(i: int, n: int) -> bool:
        if i == len(parts):
            return n >= 2
        return any("-".join(parts[i:j]) in items and seg(j, n + 1) for j in range(i + 1, len(parts) + 1))
    return seg(0, 0)
