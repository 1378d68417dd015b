"""The binding-rule registry: ``@binding(name)`` and the loop that tries the rules in order.

A binding rule decides how the holder of a title hit is found and sets ``h.binding`` (the
``rule_id`` of the role row). The rules run in the order that ``pipeline/rules/roles.yaml``
(``bindings:``) lists them; a rule listed with ``enabled: false`` is skipped.

* per-hit rules (``@binding(name)``) get ``(ctx, h, site)`` and return True when the hit is done
  (bound, or ruled out), which ends the search for that hit;
* passes (``@binding(name, per_hit=False)``) get ``(ctx, hits)`` and run after every hit has had
  its per-hit rules, in order, to link hits to each other (coordination, title chains).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..lexicon import declare_binding
from ..context import _Ctx
from ..hits import Hit, _RANK
from ..titles import _analyze
from ..tokens import _clause_window


@dataclass(frozen=True)
class Binding:
    name: str
    fn: Callable
    per_hit: bool


BINDINGS: dict[str, Binding] = {}


def binding(name: str, per_hit: bool = True):
    """Register the decorated function as the binding rule ``name`` (its docstring: the motivating example)."""
    def deco(fn):
        if name in BINDINGS:
            raise ValueError(f"binding rule {name!r} registered twice")
        BINDINGS[name] = Binding(name, fn, per_hit)
        declare_binding(name)
        return fn
    return deco


class Site:
    """Where one hit stands in its sentence, as the per-hit rules read it (one per hit, per Doc)."""

    def __init__(self, ctx: _Ctx, h: Hit, ends_before: dict[int, Hit]):
        doc = ctx.doc
        self.s0, self.s1 = s0, s1 = ctx.sent_range(h.head)
        after = _clause_window(ctx, h.end, s1)
        if "und" in after:
            after = after[:after.index("und")]        # "Repräsentant aus Minnesota und Marineoberst außer Dienst"
        self.after = after
        self.after_start = h.end                      # (h.end as the rules found it)
        self.former_after = ctx.former_phrase_in(h.end, h.end + len(after))
        self.ends_before = ends_before                # hit ends before any rule ran
        self.prev = doc[h.np_start - 1].lower_ if h.np_start - 1 >= s0 else ""
        self._copula: tuple[str, int] | None = None

    def copula(self, ctx: _Ctx, h: Hit) -> tuple[str, int]:
        """(word before the noun phrase, its start), looking back over adverbs, times and a PP to a
        copula: "ist seit 2019 Kommissionspräsidentin", "war lange ÖTV-Chef"."""
        if self._copula is None:
            self._copula = _copula_back(ctx, h, self.s0, self.prev)
        return self._copula


def org_possessive(h: Hit) -> bool:
    """The title follows an organisation's genitive, no article: "Thüringens Staatssekretärin"."""
    return h.det == "poss" and h.org is not None and h.org_rank == _RANK["possessive"]


def _copula_back(ctx: _Ctx, h: Hit, s0: int, prev: str) -> tuple[str, int]:
    doc, p = ctx.doc, ctx.p
    b = h.np_start
    if _pp_object(ctx, prev) and not org_possessive(h):
        return prev, b                # "wurde von einem Polizisten angehalten" (not "war im Repräsentantenhaus Mitglied")
    cb = b - 1
    while cb - 1 >= s0 and cb > b - 7 and (doc[cb].pos_ == "ADV" or doc[cb].lower_ in ctx.w.adverbs or doc[cb].is_space
                                           or doc[cb].like_num or doc[cb].lower_ in ctx.w.time_words) \
            and doc[cb].lower_ not in p.copulas:
        cb -= 1                       # "ist seit 2019 Kommissionspräsidentin", "war lange ÖTV-Chef"
    if not (cb != b - 1 and doc[cb].lower_ in p.copulas) and h.det in ("indef", "none") \
            and prev not in p.copulas and prev not in ("als", "zum", "zur", "wie"):
        # "war nach der deutschen Wiedervereinigung von 1990 bis 1991 Bundesminister": a PP between
        x = b - 1
        while x > s0 and x > b - 15 and doc[x].lower_ not in p.copulas and doc[x].text not in ctx.w.punct_stop \
                and doc[x].pos_ not in ("VERB", "AUX", "PROPN") and x not in ctx.ent_of \
                and _analyze(ctx, doc[x]) is None:
            x -= 1
        if x < b - 1 and doc[x].lower_ in p.copulas and (doc[x + 1].lower_ in ctx.w.prepositions
                                                          or doc[x + 1].pos_ == "ADV" or doc[x + 1].like_num):
            cb = x
    if cb != b - 1 and doc[cb].lower_ in p.copulas and (h.det in ("indef", "none") or org_possessive(h)):
        return doc[cb].lower_, cb + 1
    return prev, b


def _pp_object(ctx: _Ctx, prev: str) -> bool:
    """Rule ``copula_pp_object``: "Thomas Müller wurde von einem Polizisten angehalten": a title right after a
    preposition is that preposition's object, not a predicate of the copula before it (the PP skip of
    :func:`_copula_back` is for a PP *before* the title: "war nach der Wende Bundesminister").
    Off: roles.yaml patterns.copula_pp_object: false."""
    return ctx.p.copula_pp_object and prev in ctx.w.prepositions and prev not in ("als", "wie", "zu", "zum", "zur")


def bind_patterns(ctx: _Ctx, hits: list[Hit]) -> None:
    """Decide for each hit how its holder is found (name, pronoun, subject, or reference)."""
    rules = [BINDINGS[n] for n in (ctx.lex.bindings or tuple(BINDINGS))]
    per_hit = [r for r in rules if r.per_hit]
    passes = [r for r in rules if not r.per_hit]
    ends_before = {x.end: x for x in hits}
    for h in hits:
        site = Site(ctx, h, ends_before)
        for r in _per_hit_rules(ctx, h, per_hit):
            if r.fn(ctx, h, site):
                h.extra["bound_by"] = r.name          # the named rule that decided (for tests and debugging)
                break
    for r in passes:
        before = [(h.binding, h.name, h.org) for h in hits]
        r.fn(ctx, hits)
        for h, b in zip(hits, before):
            if (h.binding, h.name, h.org) != b:       # (a pass may only share an organisation)
                h.extra["bound_by"] = r.name


def _per_hit_rules(ctx: _Ctx, h: Hit, per_hit: list[Binding]) -> list[Binding]:
    """Rule ``name_only_title`` (role15): "Gemeinderat Sascha Jabali-Adeh" is a councillor, "Der Gemeinderat
    beschloss" the council: a title of roles.yaml ``patterns.name_only_titles`` is tried only by the binding rules of
    ``patterns.name_only_bindings`` (title_name: a name right after it). Off: ``name_only_titles: []``.
    Rule ``name_only_feminine_person`` (role21): "Ganz anders sieht das Annegret Pfeiffer (Linke). Die Stadträtin
    erinnerte daran, …", "sagte die Bundesrätin vor den Medien": the feminine singular form names a person, never the
    body (der Stadtrat, der Bundesrat), so every binding rule may try it. Off: ``patterns.name_only_feminine_person:
    false``."""
    if h.title.title not in ctx.p.name_only_titles or (
            ctx.p.name_only_feminine_person and h.extra.get("gender") == "f" and not h.plural):
        return per_hit
    return [r for r in per_hit if r.name in ctx.p.name_only_bindings]
