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


def _not_longer(low: str, t: str) -> bool:
    """The lower line is not longer than the overline: fewer words, or as many (dump21: then longer in letters
    counts, "Tausende Reisende sassen fest" / "Defekter Güterzug blockiert Gotthard-Basistunnel")."""
    from pipeline.web import dump21
    if len(low.split()) != len(t.split()) or not dump21.on():
        return len(low.split()) <= len(t.split())
    return len(low) <= len(t) * dump21._cfg("stacked_same_words_chars", 1.3)


def stacked_headline(raw: list[str], h: int | None, start: int, repeated: set[str]) -> int | None:
    """Rule ``dump_stacked_kicker``: the headline found by the body's words (``h``) is a short overline
    (at most ``kicker_words`` words, no sentence or colon end) when the next line (one blank line between at
    most) is headline-like too, longer (``_not_longer``), and stands right over the header (a date or byline line, a teaser):
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
    if len(t.split()) > _cfg("kicker_words", 4) or re.search(r"[.!?:;,]$", t) or _not_longer(low, t):
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


_COMPILED: dict = {}


def _forms(name: str) -> list[re.Pattern]:
    pats = _cfg(name, ())
    if pats not in _COMPILED:
        _COMPILED[pats] = [re.compile(p) for p in pats]
    return _COMPILED[pats]


def _names(lines: list[str], forms: list[re.Pattern]) -> list[str]:
    from pipeline.web.dump import name_line
    for t in lines:
        for pat in forms:
            m = pat.match(t)
            names = name_line(m.group("names")) if m else []
            if names:
                return names
    return []


def authors(raw: list[str], top: int, start: int, end: int) -> list[str]:
    """Rule ``dump_byline_evidence``: where no other dump rule found an author, a byline by a form of
    ``dump20.head_forms`` in the header ("18.04.2024 um 11:45 Uhr - Jana Reimold - in Überwachung - 4
    Ergänzungen"; the header's first ``text_lines`` lines of text count, since a teaser may open the block), a
    name line right over a date line ("Claudia Rüegg" / "Publiziert: 19.10.2023, 14:12"), or of ``dump20.end_forms`` at the article's end ("Autorin Melanie Achterberg"; an author note
    "Claudia Rüegg ist Redaktorin im Ressort Zürich …" whose name the page also shows on a line of its own);
    every name passes the person check."""
    if not on():
        return []
    from pipeline.web.dump_evidence import _zone
    head = _zone(raw, top + 1, start, 8) + _zone(raw, start, end, _cfg("text_lines", 4))
    tail = _zone(raw, end - 4, end + 1, 8)[-2:] + _zone(raw, end + 1, end + 40, _cfg("end_lines", 8))
    found = _names(head, _forms("head_forms")) or _name_over_date(head, raw, top) or _names(tail, _forms("end_forms"))
    if found:
        return found
    alone = {x.strip() for x in raw}
    names = _names(tail, _forms("note_forms"))
    return names if names and all(n in alone for n in names) else []


def _date_line(t: str) -> bool:
    """A short line with a date (at most ``date_line_words`` words): "Publiziert: 19.10.2023, 14:12"."""
    from pipeline.ingest import _find_date
    return len(t.split()) <= _cfg("date_line_words", 12) and _find_date(t) is not None


def _name_over_date(head: list[str], raw: list[str], top: int) -> list[str]:
    """A line of nothing but a name right over a date line of the header ("Claudia Rüegg" / "Publiziert:
    19.10.2023, 14:12"); not a line the page also shows as a list item or above the headline (a desk's name:
    "Polizeiticker Bern")."""
    from pipeline.web.dump import _BULLET, name_line, norm
    listed = {norm(_BULLET.sub("", x)) for x in raw if _BULLET.match(x)} | {norm(x) for x in raw[:top + 1]}
    return next((name_line(t) for t, nxt in zip(head, head[1:])
                 if t not in listed and name_line(t) and _date_line(nxt)), [])


def clean_names(authors: list[str]) -> list[str]:
    """Rule ``dump_name_tail``: a reading-time or interface word the text browser glued to the last name of a
    byline ("Friederike Mahncke Lesedauer: 5 Minuten" → "Friederike Mahncke") is cut (``dump20.name_tail_words``)."""
    if not on():
        return authors
    tails = {w.casefold() for w in _cfg("name_tail_words", ())}
    out = []
    for a in authors:
        w = a.split()
        while len(w) > 2 and w[-1].casefold().strip(":") in tails:
            w = w[:-1]
        out.append(" ".join(w))
    return out


def relative_date_line(t: str) -> bool:
    """Rule ``dump_relative_date``: a header line that dates the article relative to now ("vor 3 Stunden",
    "vor 3 Stunden · Stefanie Gmelch", ``dump20.relative_dates``) is a date line: the headline stands over it.
    It gives no date (the page's day is not known from it)."""
    return on() and len(t.split()) <= 8 and any(p.match(t) for p in _forms("relative_dates"))


def section(raw: list[str], h: int, title: str) -> str | None:
    """Rule ``dump_menu_item_trail``: where no other rule found a section, a short trail line among the
    ``trail_lines`` lines above the headline (kicker lines skipped) whose first item is an item of the page's
    bullet menu and whose other items are not ("Chronik / Wien" under "• Chronik"): the items are the section.
    A line without separators ("Schweiz Luzern" under "• Schweiz") is not read: on a dev page such a line is a
    post's categories ("Aktuelles Allgemein")."""
    from pipeline.web.dump import _BULLET, norm
    from pipeline.web.dump_evidence import _SEP, _label, _lines_above
    if not on() or h is None:
        return None
    menu = {norm(_BULLET.sub("", x)).casefold() for x in raw if _BULLET.match(x)}
    home = web_rules().home_crumbs
    for k in _lines_above(raw, h, _cfg("trail_lines", 3)):
        t = norm(raw[k])
        if _BULLET.match(raw[k]) or t == title:
            continue
        parts = [x.strip() for x in _SEP.split(t)]
        if not 2 <= len(parts) <= _cfg("max_trail_items", 3) or not all(_label(x) for x in parts):
            continue
        if parts[0].casefold() in menu and not any(x.casefold() in menu or x.casefold() in home for x in parts[1:]):
            return " / ".join(parts)
    return None


def clean_section(section: str | None) -> str | None:
    """Rule ``dump_trail_home_glued``: a first trail item that ends in the home link, the text browser having
    glued header words to it ("Abo testen Home / Wirtschaft"), goes with everything before it."""
    if not on() or not section:
        return section
    items = section.split(" / ")
    home = web_rules().home_crumbs
    if len(items) >= 2 and len(items[0].split()) >= 2 and items[0].split()[-1].casefold() in home:
        return " / ".join(items[1:])
    return section


_SENT = re.compile(r"[.!?…][\"“”»«’']?(?:\s|$)")


def _short(t: str, words: int) -> bool:
    return 1 <= len(t.split()) <= words


def promo_box(paras, lo: int, hi: int) -> None:
    """Rule ``dump_promo_box``: a box that sells or asks inside or right after the article: a short blurb (at most
    ``blurb_words`` words, one or two sentences) right over a call to action (``cta_lines``: "Jetzt testen",
    "Abo abschließen", "Jetzt abonnieren", "Jetzt spenden") or right under a paywall label (a notice of ``boilerplate_lines`` that speaks of the paywall, ``paywall_patterns``:
    "Weiterlesen mit Abo"),
    with its label line above it (at most ``label_words`` words, no sentence end): "Weiterlesen mit kicker+" / "Alle
    Artikel, exklusive Hintergründe und Analysen. Jetzt 4 Wochen für 0,99 € testen." / "Jetzt testen …". The blurb,
    the label and the call to action leave the body (marked as a card)."""
    if not on():
        return
    from pipeline.web.html import is_notice
    cta = _forms("cta_lines")
    bw, lw = _cfg("blurb_words", 30), _cfg("label_words", 8)
    rules = web_rules()
    for i in range(max(lo, 0), min(hi + 1, len(paras))):
        t = paras[i].clean
        if not _short(t, bw) or not 1 <= len(_SENT.findall(t + " ")) <= 2 or not re.search(r"[.!?]$", t):
            continue
        nxt = paras[i + 1] if i + 1 < len(paras) and paras[i + 1].index - paras[i].index <= 2 else None
        prev = paras[i - 1] if i > 0 and paras[i].index - paras[i - 1].index <= 2 else None
        button = nxt is not None and _short(nxt.clean, 8) and any(p.match(nxt.clean.casefold()) for p in cta)
        label = prev is not None and _short(prev.clean, lw) and not re.search(r"[.!?:]$", prev.clean)
        low = prev.clean.casefold() if label else ""
        paywall = label and is_notice(low, rules) and any(p.search(low) for p in rules.paywall_patterns)
        if button or paywall:
            paras[i].card = True
            if button:
                nxt.card = True
            if label:
                prev.card = True


def _header_date(t: str, published=None) -> bool:
    """A header's date line: a short line whose date comes after at most two words ("Publiziert: 19.10.2023"),
    not a data line that names what the date is of ("Datum der Schwellenberührung 18.03.2016") nor a heading
    ("Samstag, 05. November 2005:"); with ``published`` (the article's date found), a line of that day only."""
    from pipeline.ingest import _find_date
    found = _find_date(t) if _date_line(t) and not t.endswith(":") else None
    if found is None or len(t[:found[1].start()].split()) > 2:
        return False
    return published is None or found[0].date() == published.date()


def header_lines_out(lines: list[str], authors: list[str], published=None) -> list[str]:
    """Rule ``dump_header_in_text``: a header line the seed reader left in the text, where a teaser opens it: among
    its first ``text_lines`` non-blank lines (not the first), the byline of the found authors ("Claudia Rüegg") and
    a short date line of the article's day (``published``: "Publiziert: 19.10.2023, 14:12 Aktualisiert vor 2 Stunden")
    leave the body. Runs after the seed reader, which reads such lines for the date and the teaser first."""
    if not on() or published is None and not authors:
        return lines
    from pipeline.web.dump import _is_date_or_byline, name_line
    n, seen, out = _cfg("text_lines", 4), 0, []
    for x in lines:
        t = x.strip()
        if t:
            seen += 1
            byline = bool(authors) and name_line(t) == authors
            dated = published is not None and _header_date(t, published) and _is_date_or_byline(t)
            if 1 < seen <= n and (byline or dated):
                continue
        out.append(x)
    return out


def author_box_out(body: str, authors: list[str]) -> str:
    """Rule ``dump_author_box_text``: an author box at the text's end (among its last ``end_paras`` paragraphs):
    a line of an author's name over a note on them, opening with a role ("Redakteurin im Ressort Wirtschaft, …") or
    with the name ("Claudia Rüegg ist Redaktorin im Ressort Zürich …"): both leave the body."""
    if not on() or not authors:
        return body
    from pipeline.web.dump import name_line
    roles = web_rules().dump_evidence.box_roles | {w.casefold() for w in _cfg("note_roles", ())}
    paras = body.split("\n\n")
    lo = max(1, len(paras) - _cfg("end_paras", 4))
    for k in range(lo, len(paras) - 1):
        names = name_line(paras[k])
        nxt = paras[k + 1]
        first = nxt.split()[0].casefold().strip(",:") if nxt.split() else ""
        if names and set(names) <= set(authors) and (first in roles or nxt.startswith(names[0] + " ")):
            return "\n\n".join(paras[:k] + paras[k + 2:])
    return body
