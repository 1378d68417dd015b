"""Binding rules around a copula: the holder is the subject (or the name) on the other side of "ist/war/wird"."""
from __future__ import annotations

from ..context import _Ctx
from ..hits import Hit
from ..names import _name_at, _name_ending_at, _propn_run_ending_at
from ..tokens import _clause_window
from .registry import Site, binding, org_possessive


@binding("predicative_reverse")
def predicative_reverse(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """Neuer Innenminister wird der Schiit Dschauad al-Bolani; Der letzte Premierminister einer
    Cohabitation war der Sozialist Lionel Jospin. (rule_id ``predicative``)"""
    doc, p, s1 = ctx.doc, ctx.p, site.s1
    if not (h.det in ("def", "none") and site.prev not in p.copulas):
        return False
    cop = next((k for k in range(h.end, min(h.end + 4, s1)) if doc[k].lower_ in p.copulas), None)
    if cop is None or not all(doc[k].text not in ctx.w.punct_stop for k in range(h.end, cop)):
        return False
    for j in range(cop + 1, min(cop + 6, s1)):
        if doc[j].text in (".", ";", ":", "„", "(") or doc[j].pos_ in ("VERB", "AUX", "ADP") \
                or doc[j].lower_ in ctx.w.prepositions or doc[j].text == "," and (
                    j + 1 >= s1 or doc[j + 1].text[:1].islower()):
            break                     # "Der Präsident sei, so Gamkrelids, schuld": a source, no holder
        n_end = _name_at(ctx, j, s1)
        if n_end is not None:
            h.binding, h.name = "predicative", (j, n_end)
            if doc[cop].lower_ in ctx.w.former_copulas:
                h.status = "former"
            break
    return bool(h.binding)


@binding("predicative_pronoun")
def predicative_pronoun(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """2008 wurde er Fraktionschef der Grünen. (rule_id ``predicative``; the holder: what "er" refers to)"""
    doc, p = ctx.doc, ctx.p
    b = h.np_start
    if site.prev in p.pronouns_subject and b - 2 >= site.s0 and doc[b - 2].lower_ in p.copulas \
            and h.det in ("none", "indef"):
        h.binding = "predicative"
        h.extra["pronoun"] = b - 1
        if doc[b - 2].lower_ in ctx.w.former_copulas:
            h.status = "former"
        return True
    return False


def _apposition_before(ctx: _Ctx, site: Site, b: int) -> tuple[int, int] | None:
    """The name of an apposition that ends the subject: "Fritz Kuhn, Bundestagsabgeordneter ..., wird"."""
    app = None
    for x in range(b - 2, max(site.s0, b - 12), -1):
        if x in site.ends_before:
            app = site.ends_before[x]
            break
        if x < b - 2 and ctx.doc[x].text in ctx.w.punct_stop:
            break
    return app.name if app is not None and app.binding == "apposition" else None


@binding("predicative_definite")
def predicative_definite(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """Fritz Kuhn, Bundestagsabgeordneter ..., wird der neue Oberbürgermeister. (rule_id ``predicative``)"""
    doc = ctx.doc
    prev, b = site.copula(ctx, h)
    if not (prev in ("ist", "war", "wird", "wurde", "bleibt") and h.det == "def" and b - 2 >= site.s0):
        return False
    nm = _name_ending_at(ctx, b - 1)
    if nm is None and doc[b - 2].text == ",":
        nm = _apposition_before(ctx, site, b)
    if nm is not None:
        h.binding, h.name = "predicative", nm
        if prev in ctx.w.former_copulas:
            h.status = "former"
        return True
    return False


def _subject_name(ctx: _Ctx, b: int, s0: int) -> tuple[int, int] | None:
    """The name right before the copula at ``b - 1``, if any."""
    doc = ctx.doc
    nm = _name_ending_at(ctx, b - 1) or _propn_run_ending_at(ctx, b - 1, s0)
    if nm is None and b - 2 >= s0 and doc[b - 2].text == ")":      # "Günther Krause (CDU) war ..."
        op = next((x for x in range(b - 3, max(s0, b - 7) - 1, -1) if doc[x].text == "("), None)
        if op is not None:               # ("[Belit]NOUN Onay (Grüne) ist ...": a name NER left untagged)
            nm = _name_ending_at(ctx, op) or _propn_run_ending_at(ctx, op, s0)
    if nm is None and b - 2 >= s0 and doc[b - 2].text in ctx.person_words:
        pe = ctx.ent_of.get(b - 3) if b - 3 >= s0 else None
        if pe is not None and pe.label_ == "PER" and pe.end == b - 2:
            nm = (pe.start, b - 1)    # "[Meles]PER Zenawi ist ..."
        elif b - 3 < s0 or doc[b - 3].text in ctx.w.punct_stop or doc[b - 3].is_space:
            nm = (b - 2, b - 1)       # "Grupp ist ...": a known surname NER missed here
    if nm is None:
        nm = _name_before_origin(ctx, b, s0)
    return nm


def _name_before_origin(ctx: _Ctx, b: int, s0: int) -> tuple[int, int] | None:
    """Rule ``subject_origin_pp``: "Tom Koenigs vom Bündnis90/Die Grünen wird neuer UN-Sondergesandter", "Anna
    Lührmann aus Hessen war jüngste Abgeordnete": the subject's name, then a "von/vom/aus" phrase of a party or a
    place (capitalised words, articles, "/"), right before the copula at ``b - 1``."""
    doc = ctx.doc
    for x in range(b - 2, max(s0, b - 8) - 1, -1):
        t = doc[x]
        if t.lower_ in ("von", "vom", "aus") and x < b - 2:
            return _name_ending_at(ctx, x) if x - 1 >= s0 else None
        if not (t.text[:1].isupper() or t.text in ("/", "-") or t.lower_ in ctx.w.determiners or t.like_num) \
                or t.pos_ in ("VERB", "AUX") or t.text in ctx.w.punct_stop:
            return None
    return None


@binding("predicative")
def predicative(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """Steve Witkoff ist ein Immobilienentwickler; X war lange ÖTV-Chef; ist seit 2019 Kommissionspräsidentin."""
    prev, b = site.copula(ctx, h)
    if not (prev in ctx.p.copulas and (h.det in ("indef", "none") or org_possessive(h))):
        return False
    if prev in ctx.w.former_copulas:
        h.status = "former"
    nm = _subject_name(ctx, b, site.s0)
    h.binding = "predicative"
    if site.former_after:
        h.status = "former"
    h.extra["subject_before"] = b - 1
    if nm is not None:
        h.name = nm
    return True


@binding("predicative_relative")
def predicative_relative(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """Carl Bergengruen, der ab Februar Vorsitzender der Geschäftsführung sein wird. (rule_id ``predicative``)"""
    doc, s0, s1 = ctx.doc, site.s0, site.s1
    if not (h.det == "none" and not h.plural):
        return False
    r = next((x for x in range(h.np_start - 1, max(s0, h.np_start - 8) - 1, -1)
              if doc[x].text in ctx.w.punct_stop or doc[x].lower_ in ("der", "die")
              and x - 1 >= s0 and doc[x - 1].text == ","), None)
    if r is None or doc[r].lower_ not in ("der", "die") or r >= h.np_start:
        return False
    nm = _name_ending_at(ctx, r - 1)
    if nm is None and r - 2 >= s0 and doc[r - 2].is_lower and doc[r - 2].is_alpha:
        nm = _name_ending_at(ctx, r - 2)      # "Carl Bergengruen beerben, der ..."
    if nm is None:
        nm = _name_before_parenthesis(ctx, r - 1, s0)
    tail = _clause_window(ctx, h.end, s1)[:14]
    cop = next((w for w in tail if w in ctx.w.relative_copulas), None)
    if nm is not None and cop is not None and not any(doc[x].pos_ == "VERB" for x in range(r + 1, h.np_start)):
        h.binding, h.name = "predicative", nm
        if cop in ctx.w.former_copulas or ctx.former_phrase_in(h.end, h.end + len(tail)):
            h.status = "former"
        return True
    return False


def _name_before_parenthesis(ctx: _Ctx, e: int, s0: int) -> tuple[int, int] | None:
    """Rule ``relative_after_parenthesis`` (role21): "Landrat Mario Glaser (CDU), der zugleich Aufsichtsratsvorsitzender
    des Verbunds ist, verteidigte den Beschluss": the name before a short parenthesis (a party, an age) that ends at
    ``e`` (exclusive: the comma of predicative_relative). Off: roles.yaml ``patterns.relative_after_parenthesis:
    false``."""
    doc = ctx.doc
    if not ctx.p.relative_after_parenthesis or e - 3 < s0 or doc[e - 1].text != ")":
        return None
    op = next((x for x in range(e - 2, max(s0, e - 6) - 1, -1) if doc[x].text == "("), None)
    return _name_ending_at(ctx, op) if op is not None and op - 1 >= s0 else None


@binding("predicative_inverted")
def predicative_inverted(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """Seit 2021 ist Manfred Knof Chef der Commerzbank; 2005 wurde Angela Merkel Bundeskanzlerin.
    (rule_id ``predicative``: the subject after the copula, the title after the subject)"""
    doc = ctx.doc
    if h.det not in ("none", "indef") and not org_possessive(h):
        return False
    nm = _name_ending_at(ctx, h.np_start)
    if nm is None or nm[0] - 1 < site.s0 or doc[nm[0] - 1].lower_ not in ctx.p.copulas:
        return False
    h.binding, h.name = "predicative", nm
    if doc[nm[0] - 1].lower_ in ctx.w.former_copulas or site.former_after:
        h.status = "former"
    return True


@binding("predicative_final")
def predicative_final(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """..., bis Thomas Handy um 1870 Chef wurde; dass Peter Müller seit Jahren Vorsitzender ist. (rule_id
    ``predicative``: a subordinate clause, the copula after the title at its end, the subject named before)"""
    doc, s0, s1 = ctx.doc, site.s0, site.s1
    if h.det not in ("none", "indef") or h.plural:
        return False
    k = h.end
    cop = []
    while k < s1 and doc[k].lower_ in ctx.w.relative_copulas:
        cop.append(doc[k].lower_)
        k += 1
    if not cop or (k < s1 and doc[k].text not in ctx.w.punct_stop and doc[k].lower_ not in ("und", "oder")):
        return False
    for x in range(h.np_start - 1, max(s0, h.np_start - 7) - 1, -1):
        if doc[x].text in ctx.w.punct_stop or doc[x].pos_ in ("VERB", "AUX"):
            return False
        nm = _name_ending_at(ctx, x + 1)
        if nm is not None:
            h.binding, h.name = "predicative", nm
            if any(c in ctx.w.former_copulas for c in cop) and "geworden" not in cop:
                h.status = "former"
            return True
    return False
