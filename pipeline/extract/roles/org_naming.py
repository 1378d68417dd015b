"""How a role's organisation is named (rorg19, issue 12): the fullest name the article's organisation actor has.

Rule ``org_actor_name``: a role's organisation that the entity layer merged into an organisation actor under a
fuller name (an acronym the article defines) is named by that actor's name: "Die Vereinigung Cockpit (VC) rief ...
VC-Sprecher Niklas Bergmann" -> Vereinigung Cockpit, not "VC" (rorg19 dropped a bare kind noun the name ends in,
"Ministerium" -> Kultusministerium: no gain on synth tune). A name the organisation lexicon knows by the long name
too ("CDU") keeps its lexicon name. The name is given in the nominative (:func:`nominative`): "der Deutschen
Polizeivereinigung (DPV)" -> Deutsche Polizeivereinigung, "des Verbands Ostschweizer Industrie" -> Verband
Ostschweizer Industrie.
Switches (roles.yaml, section rorg19): ``org_actor_name`` (false: the organisation as the title's phrase gives it),
``org_actor_acronym`` ("long": the long name alone; "both": "Vereinigung Cockpit (VC)").
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from pipeline.extract.actors.orgs import _acronym, acronym_aliases
from pipeline.extract.view import doc_span
from pipeline.records import Actor, Role
from .context import _Ctx
from .organizations import (_adj_nominative, _adjectival, _entity_org_nominative, _gender, _is_adj_cap,
                            _lemma_noun, _strip_genitive)


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
        same = name is None or name.casefold() == r.organization.casefold()      # ("WikiLeaks", "Wikileaks")
        out.append(r if same else replace(r, organization=name))
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
    _defined_acronyms(ctx, actors, table)
    return {k: v for k, v in table.items() if v}


def _defined_acronyms(ctx: _Ctx, actors: list[Actor], table: dict[str, str | None]) -> None:
    """"beim Arbeitsmarktservice (AMS) ... AMS-Vorständin X": an acronym defined in parentheses right after an
    organisation actor's name (:func:`pipeline.extract.actors.orgs.acronym_aliases`) that the text uses only inside
    compounds, so that no mention of it joined the actor, names that actor too."""
    owner = {m: a for a in actors if a.actor_type == "organization" for m in a.mentions}
    for acr, m in acronym_aliases(ctx.doc, list(owner)).items():
        a = owner.get(m)
        if a is not None and acr.casefold() not in table and _shorter(ctx, acr, a.name, defined=True):
            table[acr.casefold()] = nominative(ctx, a)


def _variant(x: str, name: str) -> bool:
    """The same name in another case: word by word equal but for an ending of up to two letters."""
    a, b = x.split(), name.split()
    return len(a) == len(b) and all(p == q or p[:-2] == q[:-2] and abs(len(p) - len(q)) <= 2 and len(p) > 4
                                    for p, q in zip(a, b))


def _shorter(ctx: _Ctx, short: str, full: str, defined: bool = False) -> bool:
    """``short`` names ``full`` by less: an acronym of a name of several words ("VC" of "Vereinigung Cockpit"), or of
    any name where the article ``defined`` it in parentheses after the name ("Arbeitsmarktservice (AMS)"); not
    a name the organisation lexicon knows by the long name too ("CDU" stays CDU; "BSW" defined as "Bergische Stadtwerke GmbH (BSW)" is
    the article's)."""
    if " " in short:
        return False
    known = ctx.orgs.by_name(short)
    if known is not None and ctx.orgs.by_name(full) == known:
        return False
    # not "SPD-Stadträtin" or "IHK-Präsident" (a title compound tagged as an organisation)
    return _acronym(short) and (defined or " " in full) and not any(w.startswith(short + "-") for w in full.split())


_MASC_NEUT_DETS = ("des", "dem", "vom", "beim", "zum", "im", "am")


def nominative(ctx: _Ctx, actor: Actor) -> str:
    """The actor's name in the nominative, read at a mention whose text is the name and the article before it:
    after "des"/"dem"/"vom" ... and after "der"/"zur" the rule ``genitive_name_nominative`` ("der Deutschen
    Polizeivereinigung" -> Deutsche Polizeivereinigung); a name that opens with its head noun in another case
    takes the noun's lemma ("des Verbands Ostschweizer Industrie" -> Verband Ostschweizer Industrie); else the name
    as it is."""
    for m in actor.mentions:
        sp = doc_span(ctx.doc, m.start, m.end) if m.text == actor.name else None
        if sp is None or sp.text != actor.name or sp.start == 0:
            continue
        det = ctx.doc[sp.start - 1].lower_
        det = "des" if det in _MASC_NEUT_DETS else "der" if det in ("der", "zur") else None
        if det is None:
            continue
        name = _entity_org_nominative(ctx, sp, det)
        if name == actor.name or name == _strip_genitive(actor.name):
            name = _head_first(sp, det) or name
        return name if _parse_agrees(sp, name) else actor.name
    return actor.name


def _parse_agrees(sp: Span, name: str) -> bool:
    """Every word the nominative changed is an adjective of the parse (ADJA) or became its word's lemma: not
    "Volkswagen AG" -> "Volkswage AG", "Diabetiker Bundes" -> "Diabetiker Bunde"."""
    words = name.split()
    if len(words) != len(sp):
        return name == sp.text
    return all(w == t.text or t.tag_ == "ADJA" or w == t.lemma_ for w, t in zip(words, sp))


def _head_first(sp: Span, det: str) -> str | None:
    """A name whose head noun has words after it: "(des) Verbands Ostschweizer Industrie" -> Verband Ostschweizer
    Industrie, "(des) Deutschen Instituts für Wirtschaftsforschung" -> Deutsches Institut für Wirtschaftsforschung:
    leading capitalised adjectives in -en take the nominative ending of the head noun's gender, the head noun its
    lemma where the parse reads another case than the nominative (after "der" a feminine head stays); the words
    after the head as they are."""
    k = 0
    while k < len(sp) - 1 and sp[k].text[:1].isupper() and sp[k].lower_.endswith("en") \
            and (_is_adj_cap(sp[k]) or _adjectival(sp[k])):
        k += 1
    head = sp[k]
    if k + 1 >= len(sp) or head.pos_ not in ("NOUN", "PROPN") or head.morph.get("Case") in ([], ["Nom"]):
        return None
    gender = _gender(head)
    if det == "der" and gender != "f" or det == "des" and gender == "f":
        return None
    noun = _lemma_noun(head, det) if det == "des" else head.text
    return " ".join([_adj_nominative(t.text, gender) for t in sp[:k]] + [noun, sp[k + 1:].text])
