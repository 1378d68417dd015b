"""dump19: dump metadata from the evidence the page itself gives (issue 15).

- ``dump_page_signals``: a text is a whole page (read by the dump route) when it shows two kinds of page
  furniture: a skip link or consent notice among its first lines, a legal footer or copyright line among its last.
"""
from __future__ import annotations

import re

from pipeline.web.profile import web_rules


def page_signals(text: str) -> list[str]:
    """Rule ``dump_page_signals``: the kinds of page furniture a text shows where a whole page has them: a skip
    link or consent notice among its first lines, a legal footer ("Impressum | Datenschutz | Kontakt") or a
    copyright line ("© Kölner Stadt-Anzeiger 2024") among its last (``web.yaml`` ``dump_evidence.page_signals``)."""
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    found = []
    for name, pat, where, n in web_rules().dump_evidence.page_signals:
        zone = lines[:n] if where == "top" else lines[-n:]
        if any(pat.search(x) for x in zone):
            found.append(name)
    return found


def is_page(text: str) -> bool:
    """A whole page by its furniture: ``min_signals`` kinds of page signal or more."""
    ev = web_rules().dump_evidence
    return ev.on and bool(ev.page_signals) and len(page_signals(text)) >= ev.min_signals


_SEP = re.compile(r"\s+(?:›|»|>|/|\|)\s+")
_HOST = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,4}$", re.I)


def _label(x: str) -> bool:
    """A trail item: one to four words, no sentence punctuation."""
    return 1 <= len(x.split()) <= 4 and not re.search(r"[.!?:,;]$", x) and not _HOST.match(x)


def _lines_above(raw: list[str], h: int, n: int) -> list[int]:
    from pipeline.web.dump import norm
    out = []
    for k in range(h - 1, max(-1, h - 3 * n - 1), -1):
        if norm(raw[k]):
            out.append(k)
            if len(out) == n:
                break
    return out


def _menu_tail(raw: list[str], first: str) -> str | None:
    """The menu item a trail's first item ends with after one or two words of the header ("Abo Berlin" where
    "• Berlin" is in the menu: "Berlin")."""
    from pipeline.web.dump import _BULLET, norm
    words = first.split()
    menu = {norm(_BULLET.sub("", x)) for x in raw if _BULLET.match(x)}
    return next((" ".join(words[k:]) for k in (1, 2) if k < len(words) and " ".join(words[k:]) in menu), None)


def line_trail(raw: list[str], h: int, title: str) -> str | None:
    """Rule ``dump_home_trail``: a one-line trail among the ``trail_lines`` lines above the headline that opens
    with the home link or the site's host name ("hessenschau.de > Kultur", "Startseite / Landsberg"): its items
    after it, the headline and home links left out; or whose first item ends in an item of the page's menu after
    a word or two of the header ("Abo Berlin / Bezirke": "Berlin / Bezirke")."""
    from pipeline.web.dump import _BULLET, norm
    rules = web_rules()
    for k in _lines_above(raw, h, rules.dump_evidence.trail_lines):
        parts = [x.strip() for x in _SEP.split(norm(_BULLET.sub("", raw[k])))]
        if not 2 <= len(parts) <= 6:
            continue
        menu = _menu_tail(raw, parts[0])
        if not (parts[0].casefold() in rules.home_crumbs or _HOST.match(parts[0]) or menu):
            continue
        items = [x for x in ([menu] if menu else []) + parts[1:] if x.casefold() not in rules.home_crumbs and x != title]
        if items and all(_label(x) for x in items):
            return " / ".join(items)
    return None


def menu_trail(raw: list[str], h: int, title: str) -> str | None:
    """Rule ``dump_menu_trail``: a list of menu items ending just above the headline (a kicker between at most)
    or with the headline itself, in which the trail starts again: after the home link ("• Startseite" / "• Köln"
    / "• Innenstadt") or at the item the menu already showed ("• Politik" … "• Nord" … "• Wahrheit" / "• Nord" /
    "• Bremen"): the items from there, at most ``max_trail_items``. A list whose last item the menu showed too is
    the menu printed again."""
    from pipeline.web.dump import _BULLET, _bullet_runs, norm
    from pipeline.web.htmlmeta import _similar
    rules = web_rules()
    above = _lines_above(raw, h, rules.dump_evidence.trail_lines)
    for i, j in reversed(_bullet_runs(raw, max(0, h - 60), h)):
        if j - 1 not in above:
            continue
        items = [norm(_BULLET.sub("", raw[k])) for k in range(i, j)]
        if items and (_similar(items[-1], title) >= 0.8 or items[-1] == title):
            items = items[:-1]
        seen = {norm(_BULLET.sub("", x)).casefold() for x in raw[:i] if _BULLET.match(x)}
        at, home = None, False
        for n, x in enumerate(items):
            if x.casefold() in rules.home_crumbs:
                at, home = n + 1, True
            elif at is None and (x.casefold() in seen or x.casefold() in {y.casefold() for y in items[:n]}):
                at = n
        if not home and items and items[-1].casefold() in seen:
            return None     # the menu printed again: a trail goes deeper than the menu
        trail = [x for x in items[at:] if x.casefold() not in rules.home_crumbs] if at is not None else []
        if trail and len(trail) <= rules.dump_evidence.max_trail_items and all(_label(x) for x in trail):
            return " / ".join(trail)
        return None
    return None


def section(raw: list[str], h: int, title: str) -> str | None:
    """The section from page evidence, where the other dump rules found none."""
    if not web_rules().dump_evidence.on:
        return None
    return line_trail(raw, h, title) or menu_trail(raw, h, title)


def _zone(raw: list[str], lo: int, hi: int, n: int) -> list[str]:
    from pipeline.web.dump import _BULLET, norm
    out = [t for t in (norm(_BULLET.sub("", x)) for x in raw[max(0, lo):max(0, hi)]) if t]
    return out[:n]


def _form_names(lines: list[str], forms: tuple, zone: str) -> list[str]:
    """The people of the first line a byline form of ``zone`` matches whose names pass the person check."""
    from pipeline.web.dump import name_line
    for t in lines:
        for where, pat in forms:
            m = pat.match(t) if where in (zone, "both") else None
            names = name_line(m.group("names")) if m else []
            if names:
                return names
    return []


def _author_box(lines: list[str]) -> list[str]:
    """An author box: a line of nothing but a name over a line that opens with a role word ("Friederike
    Oltmanns" / "Redakteurin taz nord in Bremen, schreibt über …")."""
    from pipeline.web.dump import name_line
    roles = web_rules().dump_evidence.box_roles
    for t, nxt in zip(lines, lines[1:]):
        words = nxt.split()
        if words and words[0].casefold().strip(",:") in roles and name_line(t):
            return name_line(t)
    return []


def authors(raw: list[str], top: int, start: int, end: int) -> list[str]:
    """Rule ``dump_byline_forms``: the authors by a byline form of ``web.yaml`` ``dump_evidence.author_forms``
    in the header (headline to text) or at the article's end (its last lines and the few after it), a name that
    passes the person check ("Lisa Marie Kettern SWR-Studio Koblenz", "Beitrag von Jannik Rößler", "Anja
    Beilharz, Pressestelle"); else an author box at the end."""
    ev = web_rules().dump_evidence
    if not ev.on:
        return []
    head = _zone(raw, top + 1, start, 8)
    tail = _zone(raw, end - 4, end + 1, 8)[-2:] + _zone(raw, end + 1, end + 40, ev.end_lines)
    return _form_names(head, ev.author_forms, "head") or _form_names(tail, ev.author_forms, "end") \
        or _author_box(tail)


def end_published(raw: list[str], end: int) -> tuple | None:
    """Rule ``dump_end_published``: where no other dump rule found a date, a labelled date line at the article's
    end or in the `end_lines` lines after it ("Publiziert am 27.02.2024 08.05 Uhr"; the form of dump18b's
    ``dump_end_date``)."""
    ev = web_rules().dump_evidence
    if not ev.on:
        return None
    from pipeline.web.dump_forms import end_date
    return end_date(_zone(raw, end - 4, end + 1, 8)[-2:] + _zone(raw, end + 1, end + 40, ev.end_lines))


def not_title(lines: list[str], i: int) -> bool:
    """Rule ``dump_not_title``: a dateline ("Karlsruhe (ots)") or a picture's alt text right over its credit
    line ("Die Arlbergstraße ist seit Montagabend gesperrt" / "APA/Expa/Johann Groder") is no headline
    (``web.yaml`` ``dump_evidence.datelines`` and ``picture_credits``)."""
    from pipeline.web.dump import norm
    ev = web_rules().dump_evidence
    if not ev.on:
        return False
    t = norm(lines[i])
    nxt = next((norm(x) for x in lines[i + 1:i + 3] if norm(x)), "")      # one blank line between at most
    return bool(ev.datelines.match(t) or ev.picture_credits.match(t) or nxt and ev.picture_credits.match(nxt))


_GLUED_WORD = re.compile(r"^(\S*[a-zäöüß0-9])([A-ZÄÖÜ][a-zäöüß]{2,}\S*)$")


def glued_word_kicker(title: str, body: str) -> tuple[str, str] | None:
    """Rule ``dump_glued_word_kicker``: (kicker, title) of a headline line whose kicker the text browser glued to
    it without a space ("Drama auf der A7Lkw-Fahrer rettet Familie …"): the word across the seam ("A7Lkw-Fahrer")
    is not in the text, its second part ("Lkw-Fahrer") is, and the kicker has at most five words."""
    if not web_rules().dump_evidence.on:
        return None
    words = title.split()
    text = {w.casefold() for w in re.findall(r"[\w-]+", body)}
    for k, w in enumerate(words[:5]):
        m = _GLUED_WORD.match(w)
        if not m:
            continue
        right = m.group(2).strip("„“\"',;:!?()").casefold()
        if right in text and w.strip("„“\"',;:!?()").casefold() not in text and len(words) - k >= 3:
            return " ".join(words[:k] + [m.group(1)]), " ".join([m.group(2)] + words[k + 1:])
        return None
    return None


def byline_of(t: str, authors: list[str]) -> bool:
    """A header line that is the byline of ``authors`` by a form of ``dump_byline_forms`` ("Lisa Marie Kettern
    SWR-Studio Koblenz"): it leaves the header with the rest of the byline."""
    ev = web_rules().dump_evidence
    return ev.on and bool(authors) and _form_names([t], ev.author_forms, "head") == authors


def interviewers(authors: list[str], body: str) -> list[str]:
    """Rule ``dump_interviewer``: of two names of a byline that both speak in the text's question-and-answer
    turns ("Aurich: Was fragen die Leute am häufigsten?" / "Kremp: Ob sich …"), the one who asks (two or more
    turns, questions) is the author; the one who only answers is the guest ("Dorothea Kremp im Gespräch mit Philipp
    Aurich")."""
    if not web_rules().dump_evidence.on or len(authors) != 2:
        return authors
    turns = {}
    for a in authors:
        heads = {a, a.split()[-1]}
        lines = [x for x in body.split("\n") if x.split(":", 1)[0].strip() in heads and ":" in x[:60]]
        turns[a] = (len(lines), sum("?" in x for x in lines))
    askers = [a for a in authors if turns[a][0] >= 2 and turns[a][1] >= turns[a][0] / 2]
    guests = [a for a in authors if turns[a][0] >= 2 and turns[a][1] == 0]
    return askers if len(askers) == 1 and len(guests) == 1 else authors


def menu_section(raw: list[str], item: str) -> bool:
    """Rule ``dump_trail_menu_item``: a one-line trail's first item that is an item of the page's menu ("•
    Blaulicht" in the menu, "Blaulicht › Baden-Württemberg › Polizeipräsidium Karlsruhe") is a section, not the
    site's name; a home link never is."""
    from pipeline.web.dump import _BULLET, norm
    rules = web_rules()
    if not rules.dump_evidence.on or item.casefold() in rules.home_crumbs:
        return False
    return any(_BULLET.match(x) and norm(_BULLET.sub("", x)) == item for x in raw)


_PROSE_END = re.compile(r"[.!?…][\"“”»«']?$")


def prose_between(paras, lo: int, hi: int) -> None:
    """Rule ``dump_prose_between``: a long paragraph of prose classified bad only for its few stopwords (names,
    compounds: "Hessens Kunstminister Timon Gremmels (SPD) sprach von einem wichtigen Signal …") between two good
    paragraphs of the article's block (short lines between do not count) is article text."""
    from pipeline.web.dump import _CONSENT, _CREDIT
    ev = web_rules().dump_evidence
    if not ev.on:
        return
    for k in range(max(lo, 1), min(hi, len(paras) - 1)):
        x = paras[k]
        if x.cls != "bad" or x.first != "bad" or x.bullet or len(x.clean) < ev.prose_chars \
                or not _PROSE_END.search(x.clean) or _CONSENT.search(x.clean) or "©" in x.clean:
            continue
        if _CREDIT.search(paras[k + 1].clean) and len(paras[k + 1].clean.split()) <= 8:
            continue        # a caption over its credit
        before = next((y for y in reversed(paras[lo:k]) if y.cls != "short" and len(y.clean) >= 70), None)
        after = next((y for y in paras[k + 1:hi + 1] if y.cls != "short" and len(y.clean) >= 70), None)
        if before is not None and after is not None and before.cls == after.cls == "good":
            x.cls = "good"
