"""Rule ``former_by_departure`` (role18): a named title holder whose clause says the office ended is ``former``.

"Die SpVgg Bayreuth-Nord hat sich von Trainer Uwe Gebhardt getrennt", "Der Aufsichtsrat hat Geschäftsführer Ralf
Kinzig mit sofortiger Wirkung abberufen", "Gesundheitsministerin Marta Nogueira war bereits vergangene Woche
zurückgetreten", "Nach dem Rücktritt von Bürgermeister Klaus-Peter Lenz im Frühjahr führt ...". The words are
roles.yaml ``patterns.departure_nouns`` / ``departure_separation`` / ``departure_subject`` / ``departure_object``
([] switches a kind off)."""
from __future__ import annotations

from .context import _Ctx
from .hits import Hit
from .titles import _analyze

_NAMED = ("title_name", "apposition", "title_comma_name")
_PASSIVE = ("wurde", "wurden", "worden", "wird", "werden")


def departure_status(ctx: _Ctx, hits: list[Hit]) -> None:
    """Set ``former`` on the current named hits of a departure (see the module docstring)."""
    p = ctx.p
    if not (p.departure_nouns or p.departure_separation or p.departure_subject or p.departure_object):
        return
    for h in hits:
        if h.holder is None or h.status != "current" or h.binding not in _NAMED or h.plural:
            continue
        if _blocked(ctx, h):
            continue
        if _departure_noun_before(ctx, h) or _departure_in_clause(ctx, h, hits):
            h.status = "former"
            h.extra["departure"] = True


def _blocked(ctx: _Ctx, h: Hit) -> bool:
    """A departure demanded, planned or weighed, not done ("forderte den Rücktritt des Präsidenten X", "soll X
    entlassen"): a word of the clause begins with one of ``patterns.departure_blockers``."""
    doc, stems = ctx.doc, ctx.p.departure_blockers
    a, b = _clause(ctx, h)
    return bool(stems) and any(doc[k].lower_.startswith(stems) and not doc[k].ent_type_ and doc[k].pos_ != "PROPN"
                               for k in range(a, b))          # (not a name: "Juan Williams")


def _departure_noun_before(ctx: _Ctx, h: Hit) -> bool:
    """"nach dem Rücktritt von Bürgermeister X", "die Abberufung des Geschäftsführers X"."""
    doc, (s0, _) = ctx.doc, ctx.sent_range(h.head)
    k = h.np_start - 1
    if k >= s0 and doc[k].lower_ in ("von", "vom"):
        k -= 1
    return k >= s0 and doc[k].lower_ in ctx.p.departure_nouns


def _clause(ctx: _Ctx, h: Hit) -> tuple[int, int]:
    """The clause of the hit: from the punctuation before its phrase to the punctuation after it, past a relative
    clause right after the name ("Finanzminister X, der den Entwurf vorgelegt hatte, trat zurück")."""
    doc, (s0, s1) = ctx.doc, ctx.sent_range(h.head)
    stop = ctx.w.punct_stop
    a = next((k + 1 for k in range(h.np_start - 1, s0 - 1, -1) if doc[k].text in stop), s0)
    while a < h.np_start and doc[a].is_space:
        a += 1                        # (a paragraph break opens the sentence)
    end = h.name[1] if h.name else h.end
    b = next((k for k in range(end, s1) if doc[k].text in stop), s1)
    if b + 1 < s1 and doc[b].text == "," and doc[b + 1].lower_ in ctx.p.departure_relative_pronouns:
        close = next((k for k in range(b + 1, s1) if doc[k].text in stop), s1)
        b = next((k for k in range(close + 1, s1) if doc[k].text in stop), s1) if close < s1 else s1
    return a, b


def _departure_in_clause(ctx: _Ctx, h: Hit, hits: list[Hit]) -> bool:
    """"hat sich von Trainer X getrennt" (sich ... von + the title); "Ministerin X war zurückgetreten" (the holder
    opens the clause of an intransitive departure); "hat Geschäftsführer X abberufen" (the holder after the finite
    verb of a transitive one, or opening a passive clause; not a named holder before another one: "entließ der
    Vereinsvorsitzende Gunnar Gislason Trainer Thordarson" -- the subject comes first)."""
    doc, p = ctx.doc, ctx.p
    a, b = _clause(ctx, h)
    words = [doc[k].lower_ for k in range(a, b)]
    hit_span = set(range(h.np_start - a, (h.name[1] if h.name else h.end) - a))
    rest = [w for i, w in enumerate(words) if i not in hit_span]
    first = h.np_start == a
    if p.departure_separation and any(w in p.departure_separation for w in rest) \
            and h.np_start - 1 >= a and doc[h.np_start - 1].lower_ in ("von", "vom") and "sich" in rest:
        return True
    if "als" in rest:
        return False                  # "trat als Kreisvorsitzender zurück": the clause names the office that ended
    if first and _has_phrase(rest, p.departure_subject):
        return not any(_analyze(ctx, doc[k]) is not None for k in range(a, b) if k - a not in hit_span)
    if not _has_phrase(rest, p.departure_object):
        return False
    if any(w in _PASSIVE for w in rest):
        return first
    return not first and not any(o is not h and o.name and o.sent == h.sent and h.end <= o.np_start < b for o in hits)


def _has_phrase(words: list[str], phrases: tuple[str, ...]) -> bool:
    """One of ``phrases`` in ``words``: a word, or "a b" (a before b: "trat zurück")."""
    for ph in phrases:
        parts = ph.split()
        if len(parts) == 1:
            if parts[0] in words:
                return True
        elif parts[0] in words and parts[1] in words[words.index(parts[0]) + 1:]:
            return True
    return False
