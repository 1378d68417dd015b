"""How a role's organisation is named (rorg19, issue 12): the fullest name the article's organisation actor has.

Rule ``org_actor_name``: a role's organisation that the entity layer merged into an organisation actor under a
fuller name (an acronym the article defines, a bare kind noun the article's name ends in) is named by that actor's
name: "Die Vereinigung Cockpit (VC) rief ... VC-Sprecher Niklas Bergmann" -> Vereinigung Cockpit, not "VC";
"Das Kultusministerium ... teilte das Ministerium mit" -> Kultusministerium. A name the organisation lexicon knows
("CDU", "SPD") keeps its lexicon name. The name is given in the nominative (:func:`nominative`): "der Deutschen
Polizeivereinigung (DPV)" -> Deutsche Polizeivereinigung, "des Verbands Ostschweizer Industrie" -> Verband
Ostschweizer Industrie.
Switches (roles.yaml, section rorg19): ``org_actor_name`` (false: the organisation as the title's phrase gives it),
``org_actor_acronym`` ("long": the long name alone; "both": "Vereinigung Cockpit (VC)").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Span

from pipeline.extract.view import doc_span
from pipeline.records import Actor, Role
from .context import _Ctx

_STRONG_NOM = {"Masc": "er", "Fem": "e", "Neut": "es", "Plur": "e"}


def name_orgs(ctx: _Ctx, rows: list[Role], actors: list[Actor]) -> list[Role]:
    """Rule ``org_actor_name`` over the article's role rows (see the module's docstring)."""
    if not ctx.p.org_actor_name or not rows:
        return rows
    names = _fuller_names(ctx, actors)
    both = ctx.p.org_actor_acronym == "both"
    out = []
    for r in rows:
        name = names.get(r.organization.casefold()) if r.organization else None
        if name and both and _acronym(r.organization) and r.organization not in name.split():
            name = f"{name} ({r.organization})"
        out.append(replace(r, organization=name) if name and name != r.organization else r)
    return out


def _fuller_names(ctx: _Ctx, actors: list[Actor]) -> dict[str, str]:
    """Casefolded name -> the name of the one organisation actor it belongs to, in the nominative: its shorter
    names (:func:`_shorter`) and its own name and inflected forms ("Bayerischen Mittelschulverband")."""
    table: dict[str, str | None] = {}
    for a in actors:
        if a.actor_type != "organization":
            continue
        full = None
        for x in {m.text for m in a.mentions} | {a.name}:
            if not (_variant(x, a.name) or _shorter(ctx, x, a.name)):
                continue
            if full is None:
                full = nominative(ctx, a)
            key = x.casefold()
            table[key] = full if table.get(key, full) == full else None
    return {k: v for k, v in table.items() if v}


def _variant(x: str, name: str) -> bool:
    """The same name in another case: word by word equal but for an ending of up to two letters."""
    a, b = x.split(), name.split()
    return len(a) == len(b) and all(p == q or p[:-2] == q[:-2] and abs(len(p) - len(q)) <= 2 and len(p) > 4
                                    for p, q in zip(a, b))


def _shorter(ctx: _Ctx, short: str, full: str) -> bool:
    """``short`` names ``full`` by less: an acronym of a name of several words ("VC" of "Vereinigung Cockpit"),
    or a kind noun the name's last word ends in ("Ministerium" of "Kultusministerium"); not a name the organisation
    lexicon knows for another organisation ("CDU" stays CDU; "BSW" defined as "Bergische Stadtwerke GmbH (BSW)" is
    the article's)."""
    if " " in short:
        return False
    known = ctx.orgs.by_name(short)
    if known is not None and (ctx.orgs.by_name(full) or known) == known:
        return False
    if _acronym(short):     # not "SPD-Stadträtin" or "IHK-Präsident" (a title compound tagged as an organisation)
        return " " in full and not any(w.startswith(short + "-") for w in full.split())
    last = full.split()[-1]
    return short[:1].isupper() and len(last) > len(short) and last.casefold().endswith(short.casefold())


def _acronym(word: str) -> bool:
    return 2 <= len(word) <= 8 and sum(c.isupper() for c in word) >= 2 and word.replace("-", "").isalpha()


_ISCH = re.compile(r".+isch(e|en|er|es|em)$")


def nominative(ctx: _Ctx, actor: Actor) -> str:
    """The actor's name in the nominative, for a name that opens with adjectives or its head noun: the adjectives
    with the strong ending of the noun's gender (told by the articles before the actor's mentions: "der Deutschen
    Polizeivereinigung", "Die Deutsche Polizeivereinigung" -> feminine), the head noun by its lemma where the parse
    reads another case ("des Verbands Ostschweizer Industrie" -> Verband Ostschweizer Industrie); the name as it
    is where the articles and the parse leave the gender open."""
    spans = [sp for m in actor.mentions if m.text == actor.name
             and (sp := doc_span(ctx.doc, m.start, m.end)) is not None and sp.text == actor.name]
    if not spans:
        return actor.name
    genders = Counter()
    for sp in spans:
        det = ctx.doc[sp.start - 1] if sp.start > 0 else None
        if det is not None and det.tag_ in ("ART", "APPR_ART", "APPRART"):
            genders.update(["Plur"] if det.morph.get("Number") == ["Plur"] else det.morph.get("Gender"))
    return _deinflect(spans[0], genders.most_common(1)[0][0] if genders else None) or actor.name


def _deinflect(sp: Span, gender: str | None) -> str | None:
    """Leading adjectives (ADJA, or a capitalised word in -isch- the tagger read as a noun: "Bayerischen") with the
    strong nominative ending of ``gender`` (their noun's gender, or Plur), the first noun after them in the
    nominative (its lemma where the parse reads another case); the rest as it is. None: nothing to change, or no
    gender for the adjectives."""
    k = sp.start
    while k < sp.end - 1 and (sp.doc[k].tag_ == "ADJA" or _ISCH.match(sp.doc[k].lower_)):
        k += 1
    if sp.doc[k].pos_ not in ("NOUN", "PROPN") or k > sp.start and gender is None:
        return None
    head = sp.doc[k]
    words = [_adjective(sp.doc[j], gender) for j in range(sp.start, k)]
    if None in words:
        return None
    case = head.morph.get("Case")
    noun = head.lemma_ if case and case != ["Nom"] and _noun_lemma(head) else head.text
    rest = sp.doc[k + 1:sp.end].text
    return " ".join([*words, noun, rest]).strip()


def _noun_lemma(head) -> bool:
    """The lemma is the word less an inflection ending ("Verbands" -> Verband, "Hochschulen" -> Hochschule)."""
    lem, w = head.lemma_, head.text
    return bool(lem) and lem[:1] == w[:1] and w.startswith(lem) and w[len(lem):] in ("s", "es", "n", "en", "e")


def _adjective(t, gender: str) -> str | None:
    """A capitalised adjective of a name with the strong nominative ending of its noun's gender ("Deutschen" ->
    Deutsche before a feminine noun)."""
    w = t.text
    if t.lemma_.casefold() == w.casefold():
        return w                     # "Stuttgarter", "Wiener": a place's adjective keeps its form
    for end in ("en", "em", "er", "es", "e"):
        if w.endswith(end) and len(w) > len(end) + 2:
            return w[: -len(end)] + _STRONG_NOM[gender]
    return None
