"""Speakers by subject-verb agreement (spk18b, issue 12): the subject of a speech verb agrees with its finite verb in
number. A noun phrase the parse or the subject search took for the speaker that is plural where the finite verb is
singular ("Die Äußerungen des Ministers bezeichnete Anna Berger als „Skandal“"), or singular where it is plural ("Die
Entscheidung kritisierten die Grünen scharf"), is the verb's fronted object (or an object after the verb); the noun
phrase on the other side of the verb that agrees is the speaker. Switch ``agreement_subject`` (speech.yaml, section
spk18b); words.yaml claims.same_form_plural_endings."""
from __future__ import annotations

from ..context import Ctx, Hit
from ..clauses import is_source_noun

COORDINATORS = ("und", "sowie", "oder", "&")


def agreement_subject(c: Ctx, h: Hit, lo: int, hi: int, s: tuple[int, int] | None) -> tuple[int, int] | None:
    """Die Äußerungen Hassemers und Papiers bezeichnete Wiefelspütz als „Knaller aus Karlsruhe“. / Der NDR, der für
    den Vertrag verantwortlich ist, begründete die Einblendungen damit, dass … – a speaker ``s`` of cue verb ``h`` whose
    number disagrees with the finite verb's (a plural head noun in a form unlike its lemma before a singular verb; a
    singular noun phrase with a definite or indefinite singular article before a plural verb) is no subject: the noun
    phrase on the other side of the verb (after it, or opening the clause) that does not disagree and can speak takes its
    place. ``s`` unchanged where the verb's or the phrase's number is unclear, where the phrase's head names someone who
    can speak (speaker._speaking_token), or where no other phrase is found."""
    if s is None or not c.R.switch("agreement_subject") or not c.has_morph or not c.has_pos:
        return s
    verb = _finite_number(c, h)
    if verb is None or _np_number(c, s) not in ({"Sing", "Plur"} - {verb}):
        return s
    from ..speaker import _speaking_token, bad_speaker, has_actor, plausible_speaker
    head = _head_noun(c, s)
    if has_actor(c, (s[0], head + 1)) or any(_speaking_token(c, t) and not is_source_noun(c, t)
                                              for t in range(s[0], head + 1) if c.low[t] not in c.w.determiners):
        return s                        # a head that can speak ("die Ärzte", "der Verband …") keeps the verb's subject
    first = h.aux[0] if h.aux and h.aux[0] < h.i else h.i
    alt = _other_side(c, s, first, lo, hi)
    if alt is None or alt == s or _np_number(c, alt) not in (verb, None):
        return s
    if bad_speaker(c, alt) or c.in_quote[alt[0]] >= 0 or not (has_actor(c, alt) or plausible_speaker(c, alt)):
        return s
    return alt


def _other_side(c: Ctx, s: tuple[int, int], first: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase right after the finite verb where ``s`` stands before it; the one opening the clause where ``s``
    stands after it."""
    from ..speaker import _sentence_start_subject, grab_np, subject_after
    if s[1] <= first:
        return subject_after(c, first, hi)
    if first <= lo:
        return _sentence_start_subject(c, first)    # "Der NDR, der …, begründete die Einblendungen damit"
    k = lo
    while k < first and (c.low[k] in c.w.skippable or c.is_punct(k) or c.is_quote_mark(k)):
        k += 1
    np_ = grab_np(c, k, first) if k < first else None
    if np_ is not None and np_[0] == k:
        return np_
    return _sentence_start_subject(c, first)


def _finite_number(c: Ctx, h: Hit) -> str | None:
    """"Sing" or "Plur": the number of the finite verb of the cue (the verb or an auxiliary tagged finite), in the third
    person; None where no token of the verb group is finite or its number is not given."""
    for t in sorted({h.i, *h.aux}):
        f = c.feats[t]
        if "Fin" in f.get("VerbForm", ()) or c.toks[t].tag_ in ("VVFIN", "VAFIN", "VMFIN"):
            num = tuple(f.get("Number", ()))
            if len(num) == 1 and tuple(f.get("Person", ("3",))) == ("3",):
                return num[0]
            return None
    return None


def _np_number(c: Ctx, sp: tuple[int, int]) -> str | None:
    """"Plur" for a noun phrase headed by a plural common noun whose form differs from its lemma (or ends in a plural-only
    ending, words.yaml plural_only_endings: "Einblendungen" where the lemmatizer kept the form) and whose article, if
    any, is plural too ("Die Äußerungen des Ministers", "die Einblendungen"); "Sing" for one that opens with a singular
    article ("der", "das", "ein", "eine", "einen") and a singular common noun whose plural differs in form ("Die
    Entscheidung" is left out: "die" may be plural); None otherwise (names, pronouns, coordinated phrases)."""
    head = _head_noun(c, sp)
    if head is None or any(c.low[t] in COORDINATORS for t in range(sp[0], min(head + 2, sp[1]))):
        return None                     # "die Äußerungen und Forderungen" (not "Die Äußerungen Hassemers und Papiers")
    num = tuple(c.feats[head].get("Number", ()))
    lemma = c.toks[head].lemma_.lower()
    if num == ("Plur",) and (lemma and lemma != c.low[head] or c.low[head].endswith(tuple(c.w.plural_only_endings))):
        if all("Sing" not in c.feats[t].get("Number", ("Plur",)) for t in range(sp[0], head) if c.toks[t].pos_ == "DET"):
            return "Plur"
        return None
    if num == ("Sing",) and c.low[sp[0]] in c.w.singular_articles and not _same_form(c, head):
        return "Sing"
    return None


def _head_noun(c: Ctx, sp: tuple[int, int]) -> int | None:
    """The head of the phrase: its first noun, when that is a common noun (tag NN) ("Die Äußerungen Hassemers" ->
    "Äußerungen"); None where a name, a pronoun or a prenominal genitive comes first ("New Yorks Bürgermeister")."""
    for t in range(sp[0], sp[1]):
        pos = c.toks[t].pos_
        if pos in ("NOUN", "PROPN"):
            return t if pos == "NOUN" and c.toks[t].tag_ == "NN" else None
        if pos in ("PRON", "ADP", "PUNCT", "NUM", "X"):
            return None
    return None


def _same_form(c: Ctx, t: int) -> bool:
    """A noun whose plural may have the form of its singular ("der Lehrer", "die Mitarbeiter", "das Mädchen")."""
    return c.low[t].endswith(tuple(c.w.same_form_plural_endings))


POSSESSIVE_DETERMINERS = ("seinen", "ihren", "seiner", "ihrer", "unseren", "unserer")
HOLDER_ADJECTIVE_ENDINGS = ("ische", "ischen", "ischer", "ischem")     # "palästinensischen Angaben": the people's
SOURCE_RULES = ("source_nach", "source_laut", "source_zufolge", "source_prep")


def bare_source_noun(c: Ctx, f) -> bool:
    """Nach den getroffenen Feststellungen ist der Kläger Schöpfer der Lichtbilder. / Nach Hinweisen werden die Rezepte
    erst freigeschaltet. – whether claim ``f`` of a source preposition has a speaker span of a source noun alone (with
    article and adjectives; speech.yaml nouns), with no holder (no genitive, "von" or name) and no actor: the source is
    unnamed, the claim has no speaker (switch ``bare_source_speaker``; profile wikinews off: its gold marks the noun).
    Not a noun of people or groups ("Medien") nor after an adjective in -isch ("palästinensischen Angaben")."""
    sp = f.speaker
    if sp is None or f.speaker_key is not None or f.rule not in SOURCE_RULES or not c.R.switch("bare_source_speaker"):
        return False
    from ..speaker import has_actor
    last = sp[1] - 1
    if c.toks[last].text not in c.R.nouns or has_actor(c, sp) or any(c.low[t] in c.w.own_source_words for t in range(*sp)):
        return False                    # "nach eigenen Angaben": its holder speaks (own_source_subject)
    if any(c.low[last].endswith((d, d + "e", d + "en", d + "n", d + "s", d + "es")) for d in c.w.document_nouns):
        return False                    # "laut Studie", "Medienberichten zufolge": a document or report speaks
    if c.low[last] in c.w.speaker_head_nouns or any(c.low[t].endswith(HOLDER_ADJECTIVE_ENDINGS) for t in range(sp[0], last)):
        return False                    # "israelischen Medien", "palästinensischen Angaben": a group or a people speaks
    return all(c.low[t] in c.w.determiners and c.low[t] not in POSSESSIVE_DETERMINERS or (c.has_pos and c.toks[t].pos_ == "ADJ" and c.toks[t].text.islower())
               for t in range(sp[0], last))
