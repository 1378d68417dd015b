"""Speaker resolution (``speaker`` stage), spk16: a definite person noun that refers back to the one person named in
the sentences right before it ("Kapitän Tomasz Wróbel gab sich kämpferisch. „…“, sagte der polnische Rückraumspieler").
The span keeps its text; the rule only chooses ``speaker_key``."""
from __future__ import annotations

from ..context import Ctx
from ..registry import rule
from .speaker import NO_ACTOR, SpeakerSite

BACK = 3            # sentences looked at before the span's own, within its paragraph


@rule("speaker_person_noun", "speaker")
def speaker_person_noun(s: SpeakerSite) -> str | None:
    """Grünwald sieht das anders. Die Richtlinien nennten die Weltrangliste als erstes Kriterium, argumentiert der
    Sportrechtler. – a speaker span of a definite article ("der", "die" with a feminine noun), at most two adjectives
    and a person noun (words.yaml person_noun_suffixes and anaphor_person_suffixes: "Rückraumspieler", "Ex-Profi",
    "Sportrechtler"; a demonym of organizations.yaml: "der Schwede", "die Dänin") that names no one refers to the
    person named in the nearest sentence before it (same paragraph, at most three back, outside quotations) that
    names a person of its gender or has a claim with one as speaker, when that sentence gives exactly one such person;
    otherwise no actor (the noun phrase speaks). Not the span's own sentence: a name in the reported content is
    what is said about."""
    c, sp = s.c, s.sp
    gender = _person_noun_gender(c, sp)
    if gender is None or s.mentions(("person", "organization", "location")):
        return None
    return _single_person_before(s, gender) or NO_ACTOR


def _person_noun_gender(c: Ctx, sp: tuple[int, int]) -> str | None:
    """"m" for "der [Adj] Rückraumspieler", "f" for "die [Adj] Krankenschwester"; None for any other span."""
    n = sp[1] - sp[0]
    if not 2 <= n <= 4 or c.low[sp[0]] not in ("der", "die"):
        return None
    h = sp[1] - 1
    if any(c.toks[t].pos_ != "ADJ" or not c.toks[t].text.islower() for t in range(sp[0] + 1, h)):
        return None
    w = c.toks[h].text
    if not w[:1].isupper() or len(w) < 4 or c.has_pos and c.toks[h].pos_ not in ("NOUN", "PROPN"):
        return None
    if c.has_morph and c.toks[h].morph.get("Number") == ["Plur"]:
        return None
    feminine = _person_noun(c, c.low[h], True)
    if c.low[sp[0]] == "die":
        return "f" if feminine else None
    return "m" if _person_noun(c, c.low[h], False) else None


def _person_noun(c: Ctx, low: str, feminine: bool) -> bool:
    """A person noun in its masculine (feminine: "-in", "-frau", "-schwester") form."""
    demonyms = getattr(getattr(c, "org_lexicon", None), "demonyms", {})
    if feminine:
        if low.endswith(("frau", "schwester")):
            return True
        if not low.endswith("in"):
            return False
        stem = low[:-2]
        return low.endswith(tuple(c.w.person_noun_suffixes)) or stem in demonyms or stem + "e" in demonyms \
            or _person_noun(c, stem, False)
    return low in demonyms or low.endswith(tuple(c.w.person_noun_suffixes) + tuple(c.w.anaphor_person_suffixes)) \
        and not low.endswith(("in", "frau", "schwester"))


def _single_person_before(s: SpeakerSite, gender: str) -> str | None:
    """The one person of this gender in the nearest sentence before the span's that names any (see the rule)."""
    from ..speaker import _gender_fits
    c, sp = s.c, s.sp
    si = c.sent_of[sp[0]]
    for j in range(si - 1, max(-1, si - 1 - BACK), -1):
        a, b = c.sents[j]
        if "\n\n" in c.text[c.toks[b - 1].idx:c.toks[c.sents[j + 1][0]].idx]:
            return None                 # a paragraph break between: the antecedent is not this close
        keys = {f.speaker_key for f in s.prev if f.sent == j and f.speaker_key}
        lo, hi = c.char_span(a, b)
        for ms, me, m, actor in c.mentions:
            if lo <= ms < hi and actor.actor_type == "person":
                span = c.doc.char_span(ms, me, alignment_mode="expand")
                if span is not None and c.in_quote[span.start] < 0:
                    keys.add(actor.key)
        persons = [a for a in c.actors if a.key in keys and a.actor_type == "person"]
        if persons:
            fits = [a.key for a in persons if _gender_fits(c, a, gender)]
            return fits[0] if len(fits) == 1 else None
    return None
