"""Speaker resolution (``speaker`` stage), spk16: a definite person noun that refers back to the one person named in
the sentences right before it ("Kapitän Tomasz Wróbel gab sich kämpferisch. „…“, sagte der polnische Rückraumspieler").
The span keeps its text; the rule only chooses ``speaker_key``."""
from __future__ import annotations

from pipeline.extract.view import doc_span

from ..context import Ctx
from ..registry import rule
from .speaker import NO_ACTOR, SpeakerSite, _company_named, _latest_authority, _latest_org, org_by_noun

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
    return subject_before_person(s, gender) or _single_person_before(s, gender) or NO_ACTOR


def pronoun_single_person(s: SpeakerSite, gender: str | None) -> str | None:
    """Geschäftsführer Alois Zankl, der als Zuhörer in der Sitzung saß, zeigte sich verärgert. Sein Unternehmen habe
    200.000 Euro investiert, sagte er. – "er"/"sie" whose antecedent the subject of the sentence before did not give
    (switch ``pronoun_prev_subject``: no subject parsed, or not one actor) is the one person of its gender named in that
    sentence (same paragraph, outside quotations, or the speaker of a claim there), before the speaker of an earlier
    claim; None when that sentence names none or several, or when the pronoun's own sentence names a person before it
    ("Sarkozy bestritt das, indem er sagte, …": the existing choice stands) (switch ``pronoun_single_person``)."""
    c, t = s.c, s.sp[0]
    if gender is None or c.in_quote[t] >= 0 or c.sent_of[t] == 0 or _person_before_in_sentence(c, t):
        return None
    return _single_person_before(s, gender, back=1)


def _person_before_in_sentence(c: Ctx, t: int) -> bool:
    lo, pos = c.toks[c.sents[c.sent_of[t]][0]].idx, c.toks[t].idx
    return any(lo <= ms < pos and actor.actor_type == "person" for ms, me, m, actor in c.mentions)


def _person_noun_gender(c: Ctx, sp: tuple[int, int]) -> str | None:
    """"m" for "der [Adj] Rückraumspieler", "f" for "die [Adj] Krankenschwester"; None for any other span."""
    n = sp[1] - sp[0]
    if not 2 <= n <= 4 or c.low[sp[0]] not in ("der", "die"):
        return None
    h = sp[1] - 1
    if any(c.toks[t].pos_ != "ADJ" or not c.toks[t].text.islower() for t in range(sp[0] + 1, h)):
        return None
    w = c.toks[h].text
    if not w[:1].isupper() or len(w) < 4 or c.has_pos and c.toks[h].pos_ not in ("NOUN", "PROPN") \
            and not _listed_noun_any_tag(c, h):
        return None
    if c.has_morph and c.toks[h].morph.get("Number") == ["Plur"] and not (
            c.R.switch("der_singular_subject") and c.low[sp[0]] == "der"):
        return None                     # "die Spieler"; "der Innenverteidiger" as a subject is singular (spk17)
    feminine = _person_noun(c, c.low[h], True)
    if c.low[sp[0]] == "die":
        return "f" if feminine else None
    return "m" if _person_noun(c, c.low[h], False) else None


def _listed_noun_any_tag(c: Ctx, h: int) -> bool:
    """Die Kerninflation liege zu hoch, warnte der Ökonom. – a capitalised word of the person-noun lists after the span's
    article is that noun although the parse tags it otherwise ("Ökonom" as VERB) (switch ``person_noun_any_tag``, spk21)."""
    return c.R.switch("person_noun_any_tag") and c.toks[h].text.isalpha() and (
        _person_noun(c, c.low[h], False) or _person_noun(c, c.low[h], True))


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


def _single_person_before(s: SpeakerSite, gender: str, back: int = BACK) -> str | None:
    """The one person of this gender in the nearest sentence before the span's that names any, at most ``back``
    sentences back (see the rule)."""
    from ..speaker import _gender_fits
    c, sp = s.c, s.sp
    si = c.sent_of[sp[0]]
    for j in range(si - 1, max(-1, si - 1 - back), -1):
        a, b = c.sents[j]
        if "\n\n" in c.text[c.toks[b - 1].idx:c.toks[c.sents[j + 1][0]].idx]:
            return None                 # a paragraph break between: the antecedent is not this close
        keys = {f.speaker_key for f in s.prev if f.sent == j and f.speaker_key}
        lo, hi = c.char_span(a, b)
        for ms, me, m, actor in c.mentions:
            if lo <= ms < hi and actor.actor_type == "person":
                span = doc_span(c.doc, ms, me, "expand")
                if span is not None and c.in_quote[span.start] < 0:
                    keys.add(actor.key)
        persons = [a for a in c.actors if a.key in keys and a.actor_type == "person"]
        if persons:
            fits = [a.key for a in persons if _gender_fits(c, a, gender)]
            return fits[0] if len(fits) == 1 else None
    return None


def subject_before_person(s: SpeakerSite, gender: str | None) -> str | None:
    """Kapitän Marcel Hoyer sah es ähnlich. Man habe „zu brav“ gespielt, sagte der 31-Jährige. / Sportdirektor Holger
    Brandt hatte Lindner den Rücken gestärkt. Der Ex-Profi betonte, … – an age, person or role noun without a name
    refers to the subject of the sentence right before it (same paragraph, outside quotations) when that subject names
    exactly one person, of the noun's gender: the person the narration just introduced, before the speaker of an earlier
    claim or another name of that sentence (switch ``anaphor_prev_subject``, spk18). None where the noun's own sentence
    names a person before it."""
    from ..speaker import _gender_fits, prev_subject
    c, sp = s.c, s.sp
    t = sp[0]
    if not c.R.switch("anaphor_prev_subject") or c.in_quote[t] >= 0 or _person_before_in_sentence(c, t):
        return None
    subj = prev_subject(c, c.sent_of[t])
    if subj is None:
        return None
    a, b = c.char_span(*subj)
    persons = {actor.key: actor for ms, me, m, actor in c.mentions
               if min(b, me) > max(a, ms) and actor.actor_type == "person"}
    if len(persons) != 1:
        return None
    actor = next(iter(persons.values()))
    return actor.key if _gender_fits(c, actor, gender) else None


LINKING = ("s", "es", "n", "en")     # Fugen and genitive endings: "Firmen|sprecher", "des Familienunternehmens"


def spokesperson_org_noun(c: Ctx, prefix: str | None, others: list[str], before: int) -> str | None:
    """Die Gespräche liefen, sagte ein Firmensprecher. / …, teilte ein Sprecher des Familienunternehmens mit. / …, sagte ein
    Behördensprecher. – a spokesperson whose compound prefix, or the one genitive noun after it, is (or ends in) an
    organisation noun of words.yaml company_noun_endings, organisation_noun_endings or org_source_prefixes, with or
    without its linking "s"/"n", speaks for the organisation of that kind named last before character ``before``: a
    company (the one introduced with a company noun or carrying a legal form, else the organisation named last), an
    authority ("Behörde": the authority named last), or an organisation introduced with or named by that noun
    ("Verband", "Verein"); None when neither names such a noun or none is found (switch ``spokesperson_org_noun``)."""
    words = ([prefix] if prefix else []) + (others[-1:] if len(others) == 1 else [])
    for w in words:
        noun = _org_noun(c, w)
        if noun is None:
            continue
        if noun.startswith("behörde"):
            return _latest_authority(c, noun, before)
        if noun in c.w.company_noun_endings or noun in ("firma", "firmen"):
            return _company_named(c, before) or _latest_org(c, before, True)
        return org_by_noun(c, noun, before)
    return None


def _org_noun(c: Ctx, w: str) -> str | None:
    """The organisation noun a word ends in, without its linking or genitive ending ("familienunternehmens" ->
    "unternehmen", "firmen" -> "firmen", "behörden" -> "behörde", "ligaverbands" -> "verband"), else None."""
    nouns = tuple(c.w.company_noun_endings) + tuple(c.w.organisation_noun_endings) + tuple(c.w.org_source_prefixes) \
        + ("behörde",)
    for stem in [w] + [w[:-len(e)] for e in LINKING if w.endswith(e)]:
        hit = next((n for n in sorted(nouns, key=len, reverse=True) if stem.endswith(n)), None)
        if hit:
            return hit
    return None


CLUB_NOUNS = ("verein", "vereins", "klub", "klubs", "club", "clubs")


@rule("speaker_club", "speaker")
def speaker_club(s: SpeakerSite) -> str | None:
    """Der Handball-Zweitligist HSG Weserbergland hat sich von Trainer Lasse Olsen getrennt. … Ein Nachfolger soll nach
    Angaben des Vereins bis Januar feststehen. – "der Verein", "der Klub" alone, or a source noun with their genitive
    ("Angaben des Vereins"), is the organisation introduced with that noun or named by it ("Energiesparverein Ruhr e.V."),
    else the sports club the article opens with (its first sentence, before any verb: "Die Fußballerinnen des 1. FFC
    Rheinaue haben …"), else the club named last before it; a club by a name marker or kind noun of the roles.yaml
    context_organizations row of "trainer" ("SV", "FC", "1.", "Zweitligist", "Verein"). None when there is none
    (switch ``club_reference``)."""
    c, sp = s.c, s.sp
    if not c.R.switch("club_reference") or s.mentions(("person", "organization", "location", "other")) or not _club_span(c, sp):
        return None
    before = c.toks[sp[0]].idx
    return org_by_noun(c, "verein", before) or org_by_noun(c, "klub", before) or _opening_club(c, before) \
        or _latest_club(c, before)


def _club_span(c: Ctx, sp: tuple[int, int]) -> bool:
    """"der Verein", "der Klub" (two tokens), or "… des Vereins" ending a source span ("Angaben des Vereins")."""
    from ..clauses import is_source_noun
    last = c.low[sp[1] - 1]
    if sp[1] - sp[0] == 2:
        return c.low[sp[0]] == "der" and last in CLUB_NOUNS[::2]
    return sp[1] - sp[0] in (3, 4) and c.low[sp[1] - 2] == "des" and last in CLUB_NOUNS[1::2] \
        and is_source_noun(c, sp[1] - 3)


def _club_row(c: Ctx):
    lex = getattr(c, "role_lexicon", None)
    rows = getattr(getattr(lex, "context_organizations", None), "kinds", ())
    return next((r for r in rows if "trainer" in r.titles), None)


def _is_club(c: Ctx, ms: int, me: int, actor) -> bool:
    """An organisation mention that names a club: a name marker opens it ("SV Würzburg 05", "1. FFC Rheinaue"), a kind
    noun stands right before it ("Handball-Zweitligist HSG Weserbergland") or a word of its name is a club noun."""
    row = _club_row(c)
    span = doc_span(c.doc, ms, me, "expand")
    if row is None or span is None or actor.actor_type != "organization":
        return False
    if span[0].text in row.name_markers or any(w.lower().endswith(CLUB_NOUNS[::2]) for w in actor.name.split()):
        return True
    kinds = tuple(k.lower() for k in row.kinds)
    return span.start > 0 and c.low[span.start - 1].endswith(kinds)


def _opening_club(c: Ctx, before: int) -> str | None:
    """The club named first in the article's first sentence, with no verb before it."""
    a, b = c.sents[0] if c.sents else (0, 0)
    lo, hi = c.char_span(a, b) if b > a else (0, 0)
    for ms, me, m, actor in c.mentions:
        if ms >= min(hi, before):
            return None
        if lo <= ms and actor.actor_type == "organization":
            span = doc_span(c.doc, ms, me, "expand")
            if span is None or any(c.toks[t].pos_ in ("VERB", "AUX") for t in range(a, span.start)):
                return None
            if _is_club(c, ms, me, actor):
                return actor.key
    return None


def _latest_club(c: Ctx, before: int) -> str | None:
    best = None
    for ms, me, m, actor in c.mentions:
        if ms >= before:
            break
        if _is_club(c, ms, me, actor):
            best = actor.key
    return best
