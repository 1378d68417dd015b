"""Speaker of source phrases (spk16b): "nach eigenen Angaben" after the subject in the middle field of its clause."""
from __future__ import annotations

from ..context import Ctx

NOMINATIVE_ARTICLES = ("der", "das")    # "die" is as often an accusative object ("will die Preise nach eigenen …")


def mittelfeld_own_subject(c: Ctx, i: int, a: int) -> tuple[int, int] | None:
    """Betriebsbedingte Kündigungen will der Konzern nach eigenen Angaben vermeiden. – "nach eigenen Angaben" (token i:
    "nach") right after the finite verb and one noun phrase opened by "der"/"das" or naming an actor: that noun phrase
    is the subject the phrase refers to, whatever the parse made the subject (here the fronted object). None when
    anything else stands between the verb and the phrase, or when the verb opens the sentence (switch
    ``own_source_mittelfeld``)."""
    from ..speaker import bad_speaker, grab_np, has_actor
    if not c.R.switch("own_source_mittelfeld") or c.low[i] != "nach" or c.in_quote[i] >= 0:
        return None
    for v in range(i - 2, max(a, i - 6), -1):
        if c.toks[v].pos_ in ("VERB", "AUX") and c.toks[v].text.islower():
            sp = grab_np(c, v + 1, i)
            if sp != (v + 1, i) or bad_speaker(c, sp):
                return None
            return sp if c.low[v + 1] in NOMINATIVE_ARTICLES or has_actor(c, sp) else None
        if c.is_punct(v):
            return None
    return None


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


def bracketed_source(c: Ctx, sp: tuple[int, int], i: int) -> tuple[int, int] | None:
    """Beim Arbeitsmarktservice (AMS) Steiermark hieß es, … / Bei der Bundesagentur für Arbeit (BA) hieß es, … – the
    noun phrase of a fronted "heißt es" source that a bracket (an abbreviation of at most three words) ends early: the
    source runs over the bracket and at most three capitalised words after it up to "heißt es" at i, when the whole
    names an organisation (switch ``impersonal_source_bracket``). None otherwise."""
    e = next((t for t in range(sp[0] + 1, i) if c.low[t] == "("), None)      # the noun phrase may end before or after it
    if not c.R.switch("impersonal_source_bracket") or e is None:
        return None
    close = next((t for t in range(e + 1, min(i, e + 5)) if c.low[t] == ")"), None)
    if close is None or close == e + 1 or i - close - 1 > 3 or sp[1] not in (e, close + 1):
        return None
    if not all(c.toks[t].text[:1].isupper() for t in range(e + 1, close)) \
            or not all(c.toks[t].text[:1].isupper() and c.toks[t].is_alpha for t in range(close + 1, i)):
        return None
    lo, hi = c.char_span(sp[0], i)
    orgs = [actor for ms, me, m, actor in c.mentions if lo <= ms < hi and actor.actor_type == "organization"]
    return (sp[0], i) if orgs else None
