"""Speaker resolution (``speaker`` stage), spk17: a press spokesperson named in the speaker span speaks for the
organisation (every gold's convention: "a spokesperson speaks for the organisation", also when named). The span
(``speaker_text``) keeps the spokesperson's name; only the actor changes. Left alone: a person's spokesperson ("Ihr
Sprecher" after a person; the synth authors disagree), party and policy spokespeople ("gesundheitspolitischer
Sprecher", "Sprecher für Innenpolitik", "Landessprecher"), and any span whose organisation is not found."""
from __future__ import annotations

from ..context import Ctx
from ..registry import rule
from .speaker import NO_ACTOR, SpeakerSite, _media_addressee, _spokesperson_prefix, speaker_spokesperson
from .speaker_spokes import policy_compound, prefix_names

POSSESSIVES = ("dessen", "deren", "ihr", "ihre", "sein", "seine")


@rule("speaker_named_spokesperson", "speaker")
def speaker_named_spokesperson(s: SpeakerSite) -> str | None:
    """Man habe viel in die Anlage investiert, sagte Sprecherin Martina Gisler. / Die Initiative Wissenschaft ohne Frist
    fordert mehr Dauerstellen. Deren Sprecherin Lea Brandstetter sagte, … – a speaker span that names a person and holds a
    press spokesperson noun (words.yaml spokesperson_suffixes; not a leader's or policy spokesperson: named_spokesperson
    section) speaks for the organisation: after a possessive ("Deren Sprecherin", "Ihr Sprecher") the actor named last
    before the span when that is an organisation (a person's spokesperson is left to the person); else the organisation
    the unnamed spokesperson would speak for (speaker_spokesperson over the span without the name), when it is named in
    the span's paragraph. None (the person speaks) when no such organisation is found."""
    c, sp = s.c, s.sp
    persons = s.mentions(("person",))
    if len(persons) != 1 or persons[0][2].label == "ROLE":
        return None                     # "ein Sprecher der Senatorin": a person's spokesperson
    ps, pe = persons[0][0], persons[0][1]
    t = _spokesperson_token(c, sp, ps, pe)
    if t is None or _leader_or_policy(c, sp, t) or _owner_genitive(c, t, pe):
        return None
    lo = _paragraph_start(c, c.toks[sp[0]].idx)
    if t > sp[0] and c.low[t - 1] in POSSESSIVES:
        key = _last_actor(c, c.toks[sp[0]].idx, lo)
        return key or None
    rest = _span_without(c, sp, ps, pe)
    if rest is None:
        return None
    key = speaker_spokesperson(SpeakerSite(c, rest, s.prev))
    if not key or not _named_since(c, key, lo, c.toks[sp[0]].idx) and not s.mentions(("organization",)) \
            and not prefix_names(c, t, key):
        return None
    return key


def _spokesperson_token(c: Ctx, sp: tuple[int, int], ps: int, pe: int) -> int | None:
    """The first token of the span outside the person's name that is a spokesperson noun ("Sprecherin", "VC-Sprecher",
    "Polizeisprecher"), not a press office ("Pressestelle")."""
    for t in range(*sp):
        if ps <= c.toks[t].idx < pe:
            continue
        prefix = _spokesperson_prefix(c, t)
        if prefix is not None and "sprecher" in c.low[t]:
            return t
    return None


def _owner_genitive(c: Ctx, t: int, pe: int) -> bool:
    """"Hendersons Sprecher": the person's name, in the genitive, right before the spokesperson noun (a person's
    spokesperson: left to the person)."""
    return t > 0 and c.toks[t - 1].idx + len(c.toks[t - 1].text) == pe and c.low[t - 1].endswith(("s", "'"))


def _leader_or_policy(c: Ctx, sp: tuple[int, int], t: int) -> bool:
    """A party leader's or a policy spokesperson ("Landessprecher", "Vorstandssprecher", "gesundheitspolitischer
    Sprecher", "Sprecher für Innenpolitik", "Sprecher der Familienaktionäre"): words.yaml named_spokesperson."""
    w = c.w
    prefix = _spokesperson_prefix(c, t) or ""
    if prefix and prefix.rstrip("s").endswith(tuple(w.leader_spokesperson_prefixes)) or policy_compound(c, t):
        return True
    if any(c.low[k].endswith(tuple(w.policy_spokesperson_adjectives)) for k in range(sp[0], t)):
        return True
    after = [c.low[k] for k in range(t + 1, min(sp[1], t + 3))]
    return bool(after) and (after[0] == "für" or len(after) > 1 and after[0] in ("der", "des")
                            and after[1].rstrip("s").endswith(tuple(w.leader_spokesperson_prefixes)))


def _span_without(c: Ctx, sp: tuple[int, int], ps: int, pe: int) -> tuple[int, int] | None:
    """The tokens of the span before the person's name ("Sprecherin", "ein Sprecher der Vereinigung Cockpit,"), or, with
    the name first ("Martina Gisler, Sprecherin der Helvetia"), after it; the comma at the edge dropped."""
    inside = [t for t in range(*sp) if ps <= c.toks[t].idx < pe]
    if not inside:
        return None
    if inside[0] > sp[0]:
        a, b = sp[0], inside[0]
    else:
        a, b = inside[-1] + 1, sp[1]
    while a < b and c.is_punct(a):
        a += 1
    while b > a and c.is_punct(b - 1):
        b -= 1
    return (a, b) if b > a else None


def _last_actor(c: Ctx, before: int, lo: int) -> str:
    """The organisation that is the actor named last in characters [lo, before), not a medium named as an addressee;
    NO_ACTOR when that actor is a person or there is none."""
    best = None
    for ms, me, m, actor in c.mentions:
        if ms >= before:
            break
        if ms >= lo and actor.actor_type in ("person", "organization") and not _media_addressee(c, ms):
            best = actor
    return best.key if best is not None and best.actor_type == "organization" else NO_ACTOR


def _named_since(c: Ctx, key: str, lo: int, before: int) -> bool:
    return any(actor.key == key and lo <= ms < before for ms, me, m, actor in c.mentions)


def _paragraph_start(c: Ctx, pos: int) -> int:
    start = c.text.rfind("\n\n", 0, pos)
    return 0 if start < 0 else start





def naming_vorfeld_subject(c: Ctx, verb: int, lemma: str, sp: tuple[int, int] | None, qs: int, a: int) -> tuple[int, int] | None:
    """Der Hauptgeschäftsführer des Arbeitgeberverbands, Dirk Hellwege, nannte die Forderungen »realitätsfern«. / Der
    Toxikologe Bernd Achterberg, der nicht an der Studie beteiligt war, nennt die Arbeit „methodisch sauber“. – a naming
    verb (words.yaml naming_object_verbs) right after the comma that closes an apposition or relative clause of the
    sentence's opening noun phrase: the noun phrase between the verb and the quotation is its object, the opening noun
    phrase (with a named apposition) its subject. Returns that subject when it names an actor, else ``sp`` unchanged
    (switch ``naming_vorfeld_subject``)."""
    from ..speaker import bad_speaker, grab_np, has_actor, with_name_apposition
    if not c.R.switch("naming_vorfeld_subject") or sp is None or not (verb < sp[0] and sp[1] <= qs):
        return sp
    if verb - 1 <= a or c.low[verb - 1] != "," or lemma not in c.w.naming_object_verbs:
        return sp
    k = a
    while k < verb and (c.low[k] in c.w.skippable or c.is_punct(k)):
        k += 1
    first = grab_np(c, k, verb - 1) if k < verb - 1 else None
    if first is None or first[0] != k or bad_speaker(c, first):
        return sp
    first = with_name_apposition(c, first, verb)
    return first if has_actor(c, first) else sp


def anaphor_circumstance_cut(c: Ctx, sp: tuple[int, int] | None) -> tuple[int, int] | None:
    """„Wir haben zu lange an Produkten festgehalten“, sagte der 54-Jährige in Stuttgart. / …, sagte der Innenverteidiger
    nach dem Training. – a speaker span of a definite article, at most one adjective and an age, person or role noun,
    followed by a prepositional phrase of place or occasion (words.yaml circumstance_after_anaphor: "in Stuttgart", "nach
    dem Training", "am Rande") that names no person or organisation, ends at the noun: the phrase tells where or when the
    speech was made, and the noun refers back to a person named before (switch ``anaphor_circumstance_cut``; "der
    50-Jährige aus Köln" keeps its origin)."""
    from ..speaker import _person_noun
    from .speaker import _is_role_noun
    from .speaker_anaphor import _person_noun as anaphor_noun
    if sp is None or not c.R.switch("anaphor_circumstance_cut") or not c.has_pos or c.low[sp[0]] not in ("der", "die"):
        return sp
    h = sp[0] + 1
    if h < sp[1] and c.toks[h].pos_ == "ADJ" and c.toks[h].text.islower():
        h += 1
    k = h + 1
    if k + 1 >= sp[1] or c.low[k] not in c.w.circumstance_after_anaphor or c.toks[k].pos_ != "ADP" or c.in_quote[k] >= 0:
        return sp
    last = c.toks[h].text.rsplit("-", 1)[-1]
    age = last[:1].isupper() and c.low[h].endswith(tuple(c.w.age_noun_suffixes))
    if not (age or _person_noun(c, h) or _is_role_noun(c, h) or anaphor_noun(c, c.low[h], c.low[sp[0]] == "die")):
        return sp
    a, b = c.char_span(*sp)
    if any(a <= ms < b and actor.actor_type in ("person", "organization") for ms, me, m, actor in c.mentions):
        return sp
    return (sp[0], h + 1)
