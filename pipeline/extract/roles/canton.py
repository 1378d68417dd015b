"""The canton of a Swiss cantonal office (rorg21, issue 12): "Der Thurgauer Volkswirtschaftsdirektor, Regierungsrat
Marcel Huggenberger" -> Thurgau. Switched in roles.yaml ``patterns`` (rorg21 section); called from
``organizations._article_context_org`` beside ``land_office_state``.
"""
from __future__ import annotations

from .article_context import _bare_title, _title_word
from .context import _Ctx
from .hits import Hit


def _cantons(ctx: _Ctx) -> list[tuple[str, str]]:
    """(canton, adjective) of each ``patterns.canton_office_cantons`` entry ("Thurgau: thurgauer")."""
    return [(c.strip(), adj.strip()) for c, _, adj in (x.partition(":") for x in ctx.p.canton_office_cantons)]


def _adjectives(ctx: _Ctx) -> dict[str, str]:
    """Canton adjective -> its canton, for adjectives of exactly one canton."""
    by_adj: dict[str, list[str]] = {}
    for c, adj in _cantons(ctx):
        by_adj.setdefault(adj, []).append(c)
    return {adj: cs[0] for adj, cs in by_adj.items() if len(cs) == 1}


def _canton_of_adjective(ctx: _Ctx, i: int, adjectives: dict[str, str] | None = None) -> str | None:
    """The canton whose adjective is token ``i`` ("Thurgauer", "Berner"), if any."""
    if i < 0:
        return None
    return (adjectives if adjectives is not None else _adjectives(ctx)).get(ctx.doc[i].lower_)


def _adjective_before(ctx: _Ctx, h: Hit) -> str | None:
    """The canton of an adjective right before the title, or before the title an apposition follows ("Der Berner
    Gesundheitsdirektor, Regierungsrat Hans-Ulrich Zaugg": both titles)."""
    doc = ctx.doc
    near = _canton_of_adjective(ctx, h.head - 1)
    if near is None and h.head >= 3 and doc[h.head - 1].text == "," and doc[h.head - 2].text[:1].isupper() \
            and _title_word_at(ctx, h.head - 2):
        near = _canton_of_adjective(ctx, h.head - 3)
    return near


def _title_word_at(ctx: _Ctx, i: int) -> bool:
    """Token ``i`` is a cantonal office title word (``canton_office_titles``, feminine -in dropped)."""
    word = ctx.doc[i].lower_
    word = word[:-2] if word.endswith("in") else word
    return word.endswith(ctx.p.canton_office_titles)


def _article_canton(ctx: _Ctx) -> str | None:
    """The one canton the article names as a canton: "Kanton Aargau", or an adjective before a word of
    "Kanton…" ("im Zürcher Kantonsrat") or before a cantonal office title."""
    doc, found = ctx.doc, set()
    names, adjectives = {c for c, _ in _cantons(ctx)}, _adjectives(ctx)
    for t in doc[:-1]:
        nxt = doc[t.i + 1]
        if t.lower_ in ("kanton", "kantons") and nxt.text in names:
            found.add(nxt.text)
        elif (c := _canton_of_adjective(ctx, t.i, adjectives)) is not None and (
                nxt.lower_.startswith("kanton") or _title_word_at(ctx, nxt.i)):
            found.add(c)
    return found.pop() if len(found) == 1 else None


def canton_office(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``canton_office`` (rorg21): "Der Thurgauer Volkswirtschaftsdirektor, Regierungsrat Marcel Huggenberger
    (FDP), sagte" -> Thurgau (both titles); "Gesundheitsdirektor Beat Hunziker (FDP) begrüsste den Entscheid. Der
    Kanton Aargau sei bereit ..." -> Aargau. A cantonal government office (roles.yaml
    ``patterns.canton_office_titles``: the title word, feminine -in dropped, ends with one of these) with a named
    holder, no organisation and no complement is the office of the canton a canton adjective right before it (or
    before the title it stands in apposition to) names, else of the one canton the article names as a canton
    ("Kanton Aargau", "im Zürcher Kantonsrat", "der Berner Gesundheitsdirektor"; ``canton_office_cantons``,
    "Canton: adjective"). Off: ``canton_office_titles: []``."""
    stems = ctx.p.canton_office_titles
    if not stems or h.holder is None or not _title_word(ctx, h).endswith(stems) or not _bare_title(
            ctx, h, (_title_word(ctx, h),)):
        return None
    return _adjective_before(ctx, h) or _article_canton(ctx)
