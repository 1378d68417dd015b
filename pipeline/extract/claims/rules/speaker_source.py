"""Speaker spans (spk16b): a role subject whose named apposition follows a prepositional phrase."""
from __future__ import annotations

from ..context import Ctx


def pp_name_apposition(c: Ctx, s: tuple[int, int], verb: int) -> tuple[int, int] | None:
    """Der Betriebsratsvorsitzende am Standort, Gernot Wallner, bestätigte, dass … / Dessen Referentin für
    Hochschulpolitik, Mira Kowalczyk, wies darauf hin, dass … – a subject before its verb that names no person, then a
    prepositional phrase of at most four words, a comma, a person's name and a comma right before the verb: the speaker
    span runs over the prepositional phrase to the end of the name (the name's actor speaks). None otherwise (switch
    ``pp_name_apposition``)."""
    from ..speaker import grab_np
    k = s[1]
    if not c.R.switch("pp_name_apposition") or not k < verb or _persons_in(c, s[0], k):
        return None
    if not (c.has_pos and c.toks[k].pos_ == "ADP"):
        return None
    comma = next((j for j in range(k + 2, min(verb, k + 6)) if c.is_punct(j)), None)
    if comma is None or c.low[comma] != ",":
        return None
    name = grab_np(c, comma + 1, verb, appos=False)
    if name is None or name[1] >= verb or c.low[name[1]] != "," or _next_word(c, name[1] + 1) != verb:
        return None
    return (s[0], name[1]) if _persons_in(c, *name) == [True] else None


def _persons_in(c: Ctx, a: int, b: int) -> list[bool]:
    """One entry per person mention inside tokens [a, b) (True when it fills them all)."""
    lo, hi = c.char_span(a, b)
    return [ms == lo and me == hi for ms, me, m, actor in c.mentions
            if lo <= ms and me <= hi and actor.actor_type == "person"]


def _next_word(c: Ctx, t: int) -> int:
    while t < len(c.toks) and c.toks[t].is_space:
        t += 1
    return t
