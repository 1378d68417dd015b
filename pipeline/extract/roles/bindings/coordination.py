"""Passes over all hits of a Doc (after the per-hit rules): coordinated titles and title chains share a holder."""
from __future__ import annotations

import dataclasses

from ..context import _Ctx
from ..hits import _RANK, Hit, _set_org
from ..organizations import _category
from ..titles import _analyze
from ..tokens import _clause_window
from .registry import binding


@binding("apposition_coordinated", per_hit=False)
def apposition_coordinated(ctx: _Ctx, hits: list[Hit]) -> None:
    """Elon Musk, Gründer und Geschäftsführer der Betreiberfirma SpaceX; ein Repräsentant aus Minnesota
    und Marineoberst außer Dienst. (rule_id ``apposition``)"""
    doc = ctx.doc
    ends = {h.end: h for h in hits}
    for h in hits:
        if not (h.binding in (None, "reference") and h.np_start > 0 and doc[h.np_start - 1].lower_ == "und"):
            continue
        before = ends.get(h.np_start - 1)
        if before is None:                  # "ein Repräsentant aus Minnesota und Marineoberst"
            before = next((ends[x] for x in range(h.np_start - 2, max(0, h.np_start - 5), -1) if x in ends
                           and all(doc[y].text not in ctx.w.punct_stop and doc[y].pos_ not in ("VERB", "AUX")
                                   for y in range(x, h.np_start - 1))), None)
        if before is not None and before.binding == "apposition" and before.name is not None:
            h.binding, h.name = "apposition", before.name
            s0, s1 = ctx.sent_range(h.head)
            if ctx.former_phrase_in(h.end, h.end + len(_clause_window(ctx, h.end, s1))):
                h.status = "former"               # "... und Marineoberst außer Dienst"


def _coordinated_with(ctx: _Ctx, hits: list[Hit], n: int) -> Hit | None:
    """The "als"/predicative hit that hit ``n`` is coordinated with by "und" or "/", if any."""
    doc, h = ctx.doc, hits[n]
    s0, _ = ctx.sent_range(h.head)
    und = next((x for x in range(h.np_start - 1, max(s0, h.np_start - 9) - 1, -1)
                if doc[x].lower_ == "und" or (doc[x].text == "/" and x == h.np_start - 1)), None)
    if und is None or any(doc[x].text in ctx.w.punct_stop or doc[x].pos_ in ("VERB", "AUX", "PROPN") or x in ctx.ent_of
                          or not (doc[x].is_lower or doc[x].like_num or doc[x].pos_ == "NOUN"
                                  or (not ctx.has_pos and doc[x].is_alpha and _analyze(ctx, doc[x]) is None))
                          for x in range(und + 1, h.np_start)):
        return None
    before = hits[n - 1]
    if before.binding not in ("als", "predicative") or before.sent != h.sent or before.head >= und \
            or und - before.end > 5 or any(doc[x].text in ctx.w.punct_stop or doc[x].pos_ in ("VERB", "AUX")
                                           for x in range(before.end, und)):
        return None
    return before


@binding("coordinated", per_hit=False)
def coordinated(ctx: _Ctx, hits: list[Hit]) -> None:
    """als Übersetzer und Sprengfallenexperte tätig; war 1990 Minister für X und von 1991 an Minister für Y.

    The second title takes the binding (rule_id) and the holder of the first."""
    for n, h in enumerate(hits):
        if h.binding is not None or h.det not in ("none", "indef") or n == 0:
            continue
        before = _coordinated_with(ctx, hits, n)
        if before is None:
            continue
        h.binding, h.name = before.binding, before.name
        h.extra["coord"] = before
        if before.status == "former":
            h.status = "former"


@binding("coordinated_organization", per_hit=False)
def coordinated_organization(ctx: _Ctx, hits: list[Hit]) -> None:
    """Elon Musk, Gründer und Geschäftsführer der Betreiberfirma SpaceX; Vorsitzender und Geschäftsführer des
    Vereins X: two bare titles of one holder joined by "und" share the genitive organisation of the last; also
    where one article stands before both (roles.yaml ``patterns.coordinated_org_dets``: "der frühere Vizepräsident
    und Leiter der Volkswagen AG", "Der Gründer und Chef von Flixbus, André Schwämmlein": the second title has no
    article of its own). (keeps the rule_id of the titles)"""
    doc = ctx.doc
    at = {h.np_start: h for h in hits}
    for a in hits:
        b = at.get(a.end + 1)
        if b is None or a.end >= len(doc) or doc[a.end].lower_ != "und" or a.org is not None \
                or a.det not in ctx.p.coordinated_org_dets or b.det != "none" or b.org_rank != _RANK["genitive"] \
                or a.binding is None or (a.binding, a.name) != (b.binding, b.name) and b.extra.get("coord") is not a \
                and not (a.binding == "title_chain" and a.name == b.name):
            continue
        if a.det != "none" and a.title.title in ctx.lex.professions:
            continue                      # "der Bankier und Vorstandssprecher der Deutschen Bank": a profession
        _set_org(a, b.org, "genitive")
        a.category = _category(ctx, a.title, a.org)


@binding("title_chain", per_hit=False)
def title_chain(ctx: _Ctx, hits: list[Hit]) -> None:
    """Der Vizekanzler und Arbeitsminister Franz Müntefering; der Oberkommandierende General der
    US-Streitkräfte im Irak, General George Casey: a title before a named title shares its name."""
    doc = ctx.doc
    at = {h.start: h for h in hits}
    for h in hits:
        if h.binding not in (None, "reference"):
            continue
        s0, s1 = ctx.sent_range(h.head)
        c = h.end
        if c < s1 and doc[c].lower_ in ("in", "im", "bei", "beim", "aus"):
            c2 = next((k for k in range(c + 1, min(c + 5, s1)) if doc[k].text in ctx.w.punct_stop), None)
            if c2 is not None and doc[c2].text == ",":
                c = c2
        nxt = at.get(c + 1) if c < s1 and doc[c].lower_ in (",", "und") else _adjacent_title(ctx, h, at)
        if nxt is not None and doc[c].lower_ == "und" and nxt.det == "poss" and h.org and nxt.org and h.org != nxt.org:
            continue                      # "Der Präsident der USA und Frankreichs Staatschef Macron": two people
        if nxt is not None and nxt.name is not None and nxt.binding in ("title_name", "title_comma_name"):
            h.binding, h.name = "title_chain", nxt.name
            if doc[c].lower_ == "und" and h.status == "former":
                nxt.status = "former"     # "Der frühere Bürgermeister und Justizsenator, Henning Scherf"


def _adjacent_title(ctx: _Ctx, h: Hit, at: dict[int, Hit]) -> Hit | None:
    """Rule ``adjacent_title_chain`` (role16): "Aufsichtsratsvorsitzender Landrat Erwin Schneidhuber (CSU) sprach":
    a bare title right before another bare singular title that names its holder (no comma, no "und") is that
    person's too, whatever number the tagger gave the first (the strong "Vorsitzender" is also a genitive plural).
    Off: roles.yaml patterns.adjacent_title_chain: false."""
    nxt = at.get(h.end)
    if not ctx.p.adjacent_title_chain or nxt is None or h.det != "none" or nxt.det != "none" \
            or h.end != h.head + 1 or nxt.plural:
        return None
    h.plural = False
    return nxt


@binding("coordinated_names", per_hit=False)
def coordinated_names(ctx: _Ctx, hits: list[Hit]) -> None:
    """Die SPD-Vorsitzenden Saskia Esken und Lars Klingbeil; die Sprecher der Grünen, Omid Nouripour und
    Ricarda Lang. (rule_id of the title: ``title_name`` / ``title_comma_name``)

    A plural title bound to a name also holds for the names coordinated with it by "und", "sowie" or a
    comma (a party in parentheses between them is skipped): one more hit per name."""
    from ..names import _name_at
    doc = ctx.doc
    for h in list(hits):
        if h.name is not None and h.binding == "apposition" and _plural(ctx, h):
            _names_before_apposition(ctx, h, hits)
            continue
        if not (h.name is not None and h.binding in ("title_name", "title_comma_name") and _plural(ctx, h)):
            continue
        s0, s1 = ctx.sent_range(h.head)
        k = h.name[1]
        org = h.org
        if k + 2 < s1 and doc[k].text == "(" and doc[k + 2].text == ")" and h.org_rank == _RANK["post_name"]:
            org = None                            # the party of the first name only
        for _ in range(3):
            if k + 2 < s1 and doc[k].text == "(" and doc[k + 2].text == ")":
                k += 3                            # "Kevin Kühnert (SPD) und ..."
            if not (k + 1 < s1 and doc[k].lower_ in ("und", "sowie", ",")):
                break
            n_end = _name_at(ctx, k + 1, s1)
            if n_end is None:
                break
            extra = {x: y for x, y in h.extra.items() if x != "bound_by"}
            extra["bound_by"] = "coordinated_names"
            x = dataclasses.replace(h, name=(k + 1, n_end), holder=None, extra=extra, org=org,
                                    org_rank=h.org_rank if org else 0)
            if org is None and n_end + 2 < s1 and doc[n_end].text == "(" and doc[n_end + 2].text == ")":
                o = ctx.orgs.by_name_or_genitive(doc[n_end + 1].text)
                _set_org(x, o.name if o else None, "post_name")
            hits.append(x)
            k = n_end


def _names_before_apposition(ctx: _Ctx, h: Hit, hits: list[Hit]) -> None:
    """Rule ``coordinated_apposition``: "Saskia Esken und Lars Klingbeil, die Vorsitzenden der SPD, ...": a plural
    apposition holds for every name coordinated before the one it is bound to (one more hit per name)."""
    from ..names import _name_ending_at
    doc = ctx.doc
    s0, _ = ctx.sent_range(h.head)
    k = h.name[0]
    for _ in range(3):
        if not (k - 2 >= s0 and doc[k - 1].lower_ in ("und", "sowie", ",")):
            break
        nm = _name_ending_at(ctx, k - 1)
        if nm is None or nm[0] < s0:
            break
        extra = {x: y for x, y in h.extra.items() if x != "bound_by"}
        extra["bound_by"] = "coordinated_names"
        hits.append(dataclasses.replace(h, name=nm, holder=None, extra=extra))
        k = nm[0]


def _plural(ctx: _Ctx, h: Hit) -> bool:
    """A plural title: the tagger says so, "die" before a form that is no feminine singular ("die Minister",
    "die SPD-Vorsitzenden"; not "die Ministerin", "die Abgeordnete"), or "den" after a dative preposition (words.yaml
    roles.dative_prepositions: "mit den ehemaligen Parteivorsitzenden"; "den" alone is an accusative singular too)."""
    doc = ctx.doc
    head = doc[h.head].text
    if doc[h.np_start].lower_ == "die":                # (the tagger's Number errs on "die Abgeordnete")
        return not head.endswith(("in", "e"))
    if doc[h.np_start].lower_ == "den" and h.np_start > 0 and doc[h.np_start - 1].lower_ in ctx.w.dative_prepositions:
        return True                                    # "mit den Parteivorsitzenden X und Y": a dative plural
    return h.plural


@binding("coordinated_prefix_org", per_hit=False)
def coordinated_prefix_org(ctx: _Ctx, hits: list[Hit]) -> None:
    """Porsche- und VW-Chef Oliver Blume; CDU- und CSU-Politiker. (rule_id of the title: ``title_name`` ...)

    A named title whose hyphen prefix is coordinated with a truncated prefix before it ("Porsche- und VW-Chef": the
    hyphen stands for "Chef") holds the title for the organisation of that prefix too, where the lexicons know it as an
    organisation (organizations.yaml, the gazetteer's companies; "Innen- und Heimatminister" is one title): one more
    hit with that organisation."""
    doc = ctx.doc
    for h in list(hits):
        if h.name is None or h.holder is not None or h.org is None or h.head - h.start != 2 \
                or not doc[h.start].text.endswith("-") or doc[h.start + 1].lower_ not in ("und", "sowie", "oder"):
            continue
        org = _prefix_organization(ctx, doc[h.start].text[:-1])
        if org is None or org == h.org or _party(ctx, org) and _party(ctx, h.org):
            continue                      # (one person, one party: "CDU- und CSU-Politiker" are several)
        extra = {x: y for x, y in h.extra.items() if x != "bound_by"}
        extra["bound_by"] = "coordinated_prefix_org"
        hits.append(dataclasses.replace(h, org=org, org_rank=_RANK["prefix_org"], holder=None, extra=extra,
                                        category=_category(ctx, h.title, org)))


def _party(ctx: _Ctx, name: str) -> bool:
    o = ctx.orgs.by_name(name)
    return o is not None and o.type == "party"


def _prefix_organization(ctx: _Ctx, word: str) -> str | None:
    """The organisation a truncated prefix names ("Porsche", "CDU"), not a place, a topic or an unknown word."""
    o = ctx.orgs.by_name(word) or ctx.orgs.prefixes.get(word.lower())
    if o is not None:
        return o.name if o.actor_type != "location" else None
    if ctx.gazetteer is not None and ctx.gazetteer.names.get(word) not in (None, "city", "country", "region", "state"):
        return word
    return None
