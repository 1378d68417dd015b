"""Speaker resolution (``speaker`` stage), spk20: a definite noun phrase that names no one, followed by phrases of place
or time ("teilte die Behörde in Wien mit", "teilte das Unternehmen aus Cuxhaven am Mittwoch mit", "in einer Mitteilung
des Unternehmens aus Kopenhagen"), refers back as the noun phrase alone would: the phrases tell where the organisation
or person sits or spoke, not who it is. The span (``speaker_text``) keeps the phrases; only the actor is resolved by the
other speaker rules over the noun phrase without them."""
from __future__ import annotations

from ..context import Ctx
from ..registry import rule
from .speaker import SpeakerSite

DEFINITE = ("der", "die", "das", "des", "dem", "den")
PLACE_PREPOSITIONS = ("in", "im", "aus", "am", "an", "bei", "nahe")
REST_POS = ("ADP", "DET", "ADJ", "PROPN", "NUM", "NOUN", "PUNCT")


@rule("speaker_np_place", "speaker")
def speaker_np_place(s: SpeakerSite) -> str | None:
    """Die Internationale Atomenergiebehörde (IAEA) hat erneut gewarnt. In der Nacht sei die Stromversorgung ausgefallen,
    teilte die Behörde in Wien mit. – a speaker span that names no person or organisation, opens (after a source
    preposition: "in einer Mitteilung des …", "aus dem Ministerium in Rom") with a definite article or a source noun's
    article, and ends in phrases of place or time after a common noun ("in Wien", "aus Cuxhaven", "am Mittwoch in
    Brüssel": prepositions, articles, adjectives, numbers, place names and time nouns only) is resolved by the other
    speaker rules over the span without those phrases; None where they find no actor (switch ``np_place_cut``)."""
    c, sp = s.c, s.sp
    if not c.R.switch("np_place_cut") or not c.has_pos or s.mentions(("person", "organization")):
        return None
    cut = place_cut(c, sp)
    if cut is None:
        return None
    site = SpeakerSite(c, cut, s.prev)
    for fn in c.stages["speaker"]:
        if fn is speaker_np_place:
            continue
        key = fn(site)
        if key is not None:
            return key or None
    return None


def place_cut(c: Ctx, sp: tuple[int, int]) -> tuple[int, int] | None:
    """The span without its trailing phrases of place or time (see speaker_np_place), or None."""
    a, b = sp
    if a < b and c.low[a] in c.w.org_noun_span_prepositions:
        a += 1
    if a >= b or c.low[a] not in DEFINITE and not c.low[a].startswith(("ein", "sein", "ihr")):
        return None
    k = next((t for t in range(a + 1, b - 1) if c.low[t] in PLACE_PREPOSITIONS and c.toks[t].pos_ == "ADP"
              and _common_noun(c, t - 1)), None)
    if k is None or c.low[a] not in DEFINITE and not any(c.low[t] in DEFINITE for t in range(a + 1, k)):
        return None                     # "ein Landwirt aus Bayern": someone new, not a reference back
    if not all(_circumstance_word(c, t) for t in range(k, b)):
        return None
    return (sp[0], k)


def _common_noun(c: Ctx, t: int) -> bool:
    tok = c.toks[t]
    return tok.pos_ == "NOUN" and not tok.text[:1].islower() and t not in c.ent_at and c.in_quote[t] < 0


def _circumstance_word(c: Ctx, t: int) -> bool:
    """A word of a phrase of place or time: a preposition, article, adjective or number, a place name (an entity), a
    time noun ("Mittwoch", "Abend")."""
    tok = c.toks[t]
    if c.in_quote[t] >= 0 or tok.pos_ not in REST_POS or tok.pos_ == "PUNCT" and tok.text not in ("-",):
        return False
    if tok.pos_ in ("NOUN", "PROPN"):
        return t in c.ent_at or c.low[t] in c.w.time_nouns
    return True
