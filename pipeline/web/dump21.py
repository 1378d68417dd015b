"""dump21: dump titles whose kicker the text browser glued to the headline with a space (issue 15).

- ``dump_clause_kicker``: a headline line that opens with a noun phrase and then holds a clause of its own,
  subject first ("Neue Radwege in Pankow Bezirk stoppt Umbau …", "Basler Rheinufer Kanton will …"): a German
  main clause puts its verb second, so a noun phrase before "subject verb" is a kicker.
Data and switch: ``web.yaml`` section ``dump21``.
"""
from __future__ import annotations

import re

from pipeline.web.profile import web_rules

_WORD = re.compile(r"[\wÄÖÜäöüß-]+")
_CAP = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*$")


def _cfg(name: str, default):
    return web_rules().dump21.params.get(name, default)


def on() -> bool:
    return web_rules().dump21.on


def _noun_phrase(words: list[str], glue: set[str]) -> bool:
    """A kicker of capitalised words and linking words only ("Neue Radwege in Pankow"), ending in a
    capitalised word: no verb in it."""
    return bool(words) and all(_CAP.match(w) or w in glue for w in words) \
        and _CAP.match(words[0]) is not None and _CAP.match(words[-1]) is not None


def _common_noun(word: str, text: str, determiners: set[str]) -> bool:
    """The clause's subject is a common noun: the text puts a determiner before it ("der Kanton", "dem Bezirk"),
    or it is not in the text at all; a name (shown without a determiner) is not."""
    seen = [m.start() for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text)]
    if not seen:
        return True
    return any((text[:i].split() or [""])[-1].casefold() in determiners for i in seen)


def _kicker_end(word: str, text: str) -> bool:
    """The kicker's last word is a noun or name the text uses ("in Hamburg-Altona eingebrochen"), never right
    before a capitalised word (an adjective or a name's first part: "Berliner Senat", "Deutsche Bahn"; an
    adjective the text does not use: "Finnische Hunde jagen Bären"), and no genitive of a word the text uses
    ("Thailands Militärjunta will …": "Thailand")."""
    def at(w: str) -> str:
        return r"(?<![\w-])" + re.escape(w) + r"(?![\w-])"
    if not re.search(at(word), text) or re.search(at(word) + r" [A-ZÄÖÜ]", text):
        return False
    return not (word.endswith("s") and re.search(at(word[:-1]), text))


def clause_kicker(title: str, text: str) -> tuple[str, str] | None:
    """Rule ``dump_clause_kicker``: (kicker, title) of a headline line "noun phrase + subject + verb …" ("Neue
    Radwege in Pankow Bezirk stoppt Umbau der Schönhauser Allee vorerst" → "Neue Radwege in Pankow" / "Bezirk
    stoppt …"): the kicker (one to four words) is capitalised and linking words only, the rest opens with a
    capitalised word and a lower-case word that is no linking word (its verb: "stoppt", "will"), the rest's
    first word is a common noun (``_common_noun``), the kicker's last word ends a noun phrase (``_kicker_end``)
    and the two words across the boundary never stand together in
    ``text`` (the page's header and body, case-folded)."""
    if not on():
        return None
    w = title.split()
    glue = set(_cfg("kicker_glue", ()))
    not_verbs = glue | set(_cfg("not_verbs", ()))
    determiners = set(_cfg("determiners", ()))
    low = re.sub(r"\s+", " ", text.casefold())
    for k in range(1, min(5, len(w) - 2)):
        kick, rest = w[:k], w[k:]
        if not (_noun_phrase(kick, glue) and _CAP.match(rest[0]) and re.fullmatch(r"[a-zäöüß]{2,}", rest[1])):
            continue
        if rest[1] in not_verbs or f"{kick[-1]} {rest[0]}".casefold() in low or rest[0] in kick \
                or {kick[0].casefold(), kick[-1].casefold()} & determiners \
                or kick[0].casefold() in not_verbs or not _kicker_end(kick[-1], text):
            continue
        if _common_noun(rest[0], text, determiners):
            return " ".join(kick), " ".join(rest)
    return None


def weather_line(t: str) -> bool:
    """Rule ``dump_weather_line``: the header's weather widget ("Osnabrück 17°", "Bremen 9°C bedeckt",
    "Salzburg, 14 °C, bewölkt", "freundlich 14°") is never the headline (``web.yaml`` ``dump21.weather``)."""
    return on() and any(re.match(p, t) for p in _cfg("weather", ()))


def home_words_line(t: str) -> bool:
    """A trail printed without separators that opens with the home link ("Startseite Lokales Ulm", "Home
    Schweiz Tessin"; ``web.yaml`` ``dump21.home_words``): never the headline."""
    return on() and any(re.match(p, t) for p in _cfg("home_words", ()))


def word_trail(raw: list[str], h: int | None) -> str | None:
    """Rule ``dump_home_word_trail``: where no other rule found a section, a trail line without separators that
    opens with the home link, among the ``trail_lines`` non-blank lines over the headline: its other words, one
    item each ("Startseite Lokales Ulm" → "Lokales / Ulm")."""
    from pipeline.web.dump import norm
    if not on() or h is None:
        return None
    above = [norm(x) for x in raw[max(0, h - 12):h] if norm(x)][-_cfg("trail_lines", 3):]
    line = next((x for x in reversed(above) if home_words_line(x)), None)
    return " / ".join(line.split()[1:]) if line else None


def overline_out(head, raw: list[str], over: int | None, h: int | None):
    """The overline that dump20's ``dump_stacked_kicker`` passed over leaves the header when it has as many words
    as the headline: the seed header would read it as the title ("Tausende Reisende sassen fest" / "Defekter
    Güterzug blockiert Gotthard-Basistunnel")."""
    from pipeline.web.dump import norm
    if not on() or over is None or h is None or over == h or not head.lines:
        return head
    t = norm(raw[over])
    if head.lines[0] == t and len(t.split()) == len(norm(raw[h]).split()):
        head.lines = head.lines[1:]
    return head


_ARROWS = re.compile(r"\s+[›>»]\s+")
_SLASHES = re.compile(r"\s+/\s+")


def _trail_items(t: str) -> list[str] | None:
    """The items of a one-line trail: two or more parted by "›", ">" or "»", or three or more by " / "."""
    parts = [x.strip() for x in _ARROWS.split(t)]
    if len(parts) < 2:
        parts = [x.strip() for x in _SLASHES.split(t)]
        if len(parts) < 3:
            return None
    return parts if len(parts) <= 6 else None


def _shown_above(item: str, lines: list[str]) -> bool:
    """The page shows the item above the trail (its menu: "SN.at  Salzburg Politik Wirtschaft …")."""
    return any(re.search(r"(?<![\w-])" + re.escape(item) + r"(?![\w-])", x) for x in lines)


def plain_trail(raw: list[str], h: int | None, title: str | None) -> str | None:
    """Rule ``dump_plain_trail``: where no other rule found a section, a one-line trail among the ``trail_lines``
    non-blank lines over the headline ("Salzburg > Politik", "HAZ / Lokales / Hannover"): its items of one to
    three words opening with a letter or digit (no list item: "• › Drucken"; a trail of two items only where the
    page shows its first item above it, in its menu), without the home link, the site's short name in capitals ("HAZ") and the headline."""
    from pipeline.web.dump import norm
    from pipeline.web.dump_evidence import _label
    if not on() or h is None:
        return None
    home = web_rules().home_crumbs
    above = [(k, norm(raw[k])) for k in range(max(0, h - 12), h) if norm(raw[k])][-_cfg("trail_lines", 3):]
    for k, t in reversed(above):
        parts = _trail_items(t)
        if not parts or not all(_label(x) and len(x.split()) <= 3 and re.match(r"\w", x) for x in parts):
            continue
        if len(parts) == 2 and not _shown_above(parts[0], raw[:k]):
            continue
        if re.fullmatch(r"[A-ZÄÖÜ]{2,6}\+?", parts[0]) or parts[0].casefold() in home:
            parts = parts[1:]
        items = [x for x in parts if x != title and x.casefold() not in home]
        if items:
            return " / ".join(items)
    return None
