"""Binding rules where a cue word says how the holder is found: "als", "zum ... ernannt", "das Amt des",
or none at all (a role noun standing alone refers back to a known actor)."""
from __future__ import annotations

from ..context import _Ctx
from ..hits import Hit
from ..tokens import _capitalized
from .registry import Site, binding


@binding("als")
def als(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """Der Vizepräsident hatte schon als US-Senator ...; als „Technischer Leiter“ der Firma.

    A designation quoted verbatim counts (a capitalized adjective first); a bare quoted title is a
    nickname ("nur „der Außenminister“ genannt"). Comparisons ("mehr als") and characterisations
    ("bezeichnete ihn als") end the search without a role."""
    doc, p, s0, s1 = ctx.doc, ctx.p, site.s0, site.s1
    prev, b = site.copula(ctx, h)
    if prev in ("„", "»", "\"") and b - 2 >= s0 and doc[b - 2].lower_ == "als" and h.det == "none" \
            and b < h.head and _capitalized(doc[b]) and doc[h.head + 1:h.head + 2].text in ("“", "«", "\"", "/"):
        prev, b = "als", b - 1
    if not (prev == "als" and h.det == "none"):
        return False
    before = [doc[k].lower_ for k in range(max(s0, b - 5), b - 1)]
    if b - 2 >= s0 and doc[b - 2].lower_ in p.comparatives:
        return True
    if any(w in p.characterization_verbs for w in before) or _characterized_after(ctx, h, site, b - 2):
        return True
    c0 = next((k + 1 for k in range(b - 2, s0 - 1, -1) if doc[k].text in ctx.w.punct_stop), s0)
    if any(doc[k].lower_ in ("ich", "wir", "du") or (doc[k].text == "Sie" and k > s0) for k in range(c0, b - 1)):
        return True                   # "Wie gehen Sie als Arzt damit um?": the addressee or the writer, unnamed
    clause = [doc[k].lower_ for k in range(s0, s1)]
    if (any(w in p.past_copulas for w in clause)
            or ctx.former_phrase_in(site.after_start, site.after_start + min(6, len(site.after)))
            or ctx.former_phrase_in(max(s0, b - 6), b)) \
            and not any(w in ("seit", "derzeit", "aktuell") for w in clause):
        h.status = "former"
    h.binding = "als"
    h.extra["cue"] = b - 1
    return True


def _characterized_after(ctx: _Ctx, h: Hit, site: Site, before_als: int) -> bool:
    """Rule ``als_characterization_after``: "Als Kanzlerkandidat gilt Friedrich Merz", "Merz, der als Favorit für
    das Amt des Parteichefs gilt": the first verb after the "als" phrase (same clause) is a characterization verb
    (roles.yaml patterns.characterization_verbs): a reputation, no office held. Not after an office noun ("war durch
    sein Amt als Geschäftsführer der Watex bekannt": the office is held). Off: patterns.als_characterization_after."""
    doc = ctx.doc
    if not ctx.p.als_characterization_after or (before_als >= site.s0
                                                 and doc[before_als].lower_ in ctx.p.office_nouns):
        return False
    for k in range(h.end, min(h.end + 8, site.s1)):
        if doc[k].text in ctx.w.punct_stop:
            return False
        if doc[k].pos_ in ("VERB", "AUX") or doc[k].lower_ in ctx.p.characterization_verbs:
            return doc[k].lower_ in ctx.p.characterization_verbs
    return False


@binding("appointment")
def appointment(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """ernannte ihn zum Gesandten für den Nahen Osten; zu seiner Vorsitzenden gewählt."""
    doc, p, s0, s1 = ctx.doc, ctx.p, site.s0, site.s1
    prev, b = site.copula(ctx, h)
    if h.det == "poss" and h.np_start - 1 >= s0 and doc[h.np_start - 1].lower_ == "zu":
        prev, b = "zum", h.np_start
    if prev in ("zum", "zur"):
        sent_words = [doc[k].lower_ for k in range(s0, s1)]
        if any(w in p.appointment_verbs for w in sent_words):
            h.binding = "appointment"
            h.extra["cue"] = b - 1
            return True
    return False


@binding("office")
def office(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """Das Amt des Bundespräsidenten übte er 2004 aus; in das Amt eines Bürgermeisters gewählt.

    rule_id ``office``, or ``appointment`` where the sentence has an appointment verb (and no
    verb of a former office)."""
    doc, p, s0, s1 = ctx.doc, ctx.p, site.s0, site.s1
    if not (h.det in ("def", "indef") and not h.plural and h.np_start - 1 >= s0
            and doc[h.np_start - 1].lower_ in p.office_holding_nouns):
        return False
    if _candidacy(ctx, h.np_start - 1, s0):
        return False
    words = [doc[k].lower_ for k in range(s0, s1)]
    former = any(w in p.office_verbs_former for w in words)
    if former or any(w in p.office_verbs_current or w in p.appointment_verbs for w in words):
        h.binding = "appointment" if any(w in p.appointment_verbs for w in words) and not former else "office"
        h.extra["cue"] = h.np_start - 1
        if former:
            h.status = "former"
        return True
    return False


def _candidacy(ctx: _Ctx, k: int, s0: int) -> bool:
    """Rule ``office_candidacy``: "zog seine Kandidatur für den Posten eines Beigeordneten zurück", "kandidiert
    für das Amt des Bürgermeisters": an office sought (a candidacy word of roles.yaml
    patterns.office_candidacy_words up to four words before the office noun) is no office held."""
    words = ctx.p.office_candidacy_words
    return bool(words) and any(ctx.doc[j].lower_ in words for j in range(max(s0, k - 4), k))


@binding("leadership_noun")
def leadership_noun(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """Aaron Bird, der die Leitung des Merchants Exchange übernommen hatte; Braun übernahm die Leitung des
    Evangelischen Presseverbandes. The hit of rule leadership_noun (roles/scan.py): its holder is the subject, as
    for an office noun (rule_id ``office``)."""
    if not h.extra.get("leadership"):
        return False
    h.binding = "office"
    h.extra["cue"] = h.head
    return True


@binding("reference")
def reference(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """der US-Präsident; Der Vizepräsident: a role noun standing alone, resolved to a known actor
    (not "den Posten des IWF-Chefs")."""
    doc, p, s0 = ctx.doc, ctx.p, site.s0
    if h.det in ("def", "poss", "posspers") and not h.plural and not (
            h.np_start - 1 >= s0 and doc[h.np_start - 1].lower_ in p.office_nouns):
        h.binding = "reference"
        return True
    return False
