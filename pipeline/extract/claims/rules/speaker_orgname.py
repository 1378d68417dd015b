"""Speaker resolution (``speaker`` stage), spk19: a definite common noun that names no one resolves through the names of
the article's organisations, without a list of organisation nouns. "Die Kammer", "Angaben des Kirchenkreises" refer
to the organisation named before whose name is headed by a word ending in that noun ("Handwerkskammer Mittelrhein-Eifel",
"Evangelischer Kirchenkreis Ravensberg-Süd"); a court's panel ("die Kammer", "der 3. Strafsenat") with no such name
speaks for the court named last."""
from __future__ import annotations

from ..context import Ctx
from ..registry import rule
from .speaker import INDEFINITE_ARTICLES, SpeakerSite, _singular

DEFINITE = ("der", "die", "das", "des", "dem", "den")
GENITIVE = ("der", "des")


@rule("speaker_org_name_noun", "speaker")
def speaker_org_name_noun(s: SpeakerSite) -> str | None:
    """Die Handwerkskammer Mittelrhein-Eifel meldet mehr Lehrlinge. Die Kammer fordert, die Meisterausbildung gebührenfrei
    zu stellen. – a speaker span that names no one and is a definite noun phrase of a common noun ("Die Kammer", "der
    Kirchenkreis"), or a source noun with such a genitive ("nach Angaben des Kirchenkreises", "nach Einschätzung der
    Kammer"), speaks for the organisation mentioned last before it whose name's head words (before "der", "für", "zu" …)
    hold a word ending in that noun, or a word the noun ends in ("Landesapothekerkammer" -> "Apothekerkammer
    Sachsen-Anhalt"), or whose legal form stands for it (words.yaml legal_form_kinds: "e.V." for "der Verein"); None when
    there is none."""
    c = s.c
    t = org_noun_token(s)
    if t is None:
        return None
    return org_by_name_word(c, _stems(c, t), c.toks[s.sp[0]].idx)


@rule("speaker_court_panel", "speaker")
def speaker_court_panel(s: SpeakerSite) -> str | None:
    """Das Landgericht Bochum hat zwei Angeklagte verurteilt. Die Kammer sah es als erwiesen an, dass die Angeklagten von
    dem Betrug wussten. – a court's panel as speaker_org_name_noun reads the span ("Die Kammer", "die 12. große
    Strafkammer", "nach den Feststellungen der Kammer", "der 3. Strafsenat"; a noun ending in words.yaml
    court_panel_endings) that no organisation's name resolves speaks for the court named last before it (a name holding
    "gericht" or a court's abbreviation of court_words: "BGH"); None when no court was named (switch ``court_panel``)."""
    c = s.c
    t = org_noun_token(s) if c.R.switch("court_panel") else None
    if t is None or not c.low[t].endswith(tuple(c.w.court_panel_endings)):
        return None
    before = c.toks[s.sp[0]].idx
    if org_by_name_word(c, _stems(c, t), before):
        return None                     # "Die Kammer" of the Handwerkskammer: speaker_org_name_noun's
    courts = {w for w in c.w.court_words if len(w) <= 5}
    best = None
    for ms, me, m, actor in c.mentions_to(before):
        if actor.actor_type == "organization" and ("gericht" in actor.name.lower()
                                                   or courts & set(actor.name.lower().split())):
            best = actor.key
    return best


def org_noun_token(s: SpeakerSite) -> int | None:
    """The common noun a speaker span refers by (see speaker_org_name_noun), or None: the span names no actor, is at most
    eight words ("nach" and a word after the noun phrase, "Schätzung der Kammer mehr", left aside), and is a definite
    noun phrase of ordinals and adjectives before a capitalised noun, or a source or document noun with such a noun in
    the genitive."""
    c, (a, b) = s.c, s.sp
    if s.mentions(("person", "organization", "location", "other")):
        return None
    if a < b and c.low[a] in c.w.org_noun_span_prepositions:
        a += 1
    while b - 1 > a and c.toks[b - 1].text.islower():
        b -= 1                          # a word the span ran into ("mehr")
    if not 1 <= b - a <= 8:
        return None
    last = b - 1
    if not _common_noun(c, last) or _plural(c, last) or c.low[last] in c.w.bare_organisation_nouns:
        return None                     # "der Organisationen" (several), "die Organisation" (any: speaker_generic_org's)
    k = _np_start(c, a, last)
    if k == a and c.low[a] in DEFINITE and k < last:
        return last                     # "Die Kammer", "die 12. große Strafkammer"
    if a < k < last and c.low[k] in GENITIVE and _holder_noun(c, k - 1) and _np_start(c, a, k - 1, True) == a:
        return last                     # "Angaben des Kirchenkreises", "den Feststellungen der Kammer"
    return None


def _np_start(c: Ctx, a: int, last: int, holder: bool = False) -> int:
    """The first token of the determiner, ordinals and adjectives before the noun at ``last`` (not before ``a``); for a
    ``holder`` noun also an indefinite article ("in einem vertraulichen Bericht der Behörde", switch
    ``holder_indefinite``, spk21)."""
    k = last
    while k - 1 >= a and (c.toks[k - 1].pos_ == "ADJ" or c.toks[k - 1].like_num or c.toks[k - 1].text[:-1].isdigit()
                          or c.toks[k - 1].text.islower() and c.low[k - 1].endswith(("e", "en", "er", "es"))
                          and c.low[k - 1] not in DEFINITE):
        k -= 1
    if k - 1 >= a and (c.low[k - 1] in DEFINITE or holder and c.R.switch("holder_indefinite")
                       and c.low[k - 1] in INDEFINITE_ARTICLES):
        k -= 1
    return k


def _common_noun(c: Ctx, t: int) -> bool:
    """A capitalised common noun that no entity covers (not a name, not a number)."""
    w = c.toks[t].text
    return len(w) >= 5 and w[:1].isupper() and not w.isupper() and t not in c.ent_at and c.is_nounish(t) \
        and (not c.has_pos or c.toks[t].pos_ == "NOUN")


def _plural(c: Ctx, t: int) -> bool:
    """A plural noun: by the parse's morphology, else by a lemma that differs other than by a genitive -s."""
    num = c.toks[t].morph.get("Number") if c.has_pos else []
    if num:
        return num == ["Plur"]
    lemma = c.toks[t].lemma_.lower()
    return bool(lemma) and lemma != c.low[t] and not c.low[t].endswith("s")


def _holder_noun(c: Ctx, t: int) -> bool:
    """A source or document noun whose genitive names the holder ("Angaben", "Feststellungen", "Ausbildungsbilanz")."""
    from ..clauses import is_source_noun
    return t >= 0 and c.toks[t].text[:1].isupper() and (
        is_source_noun(c, t) or c.low[t].endswith(tuple(c.w.document_nouns) + tuple(c.w.holder_nouns)))


def _stems(c: Ctx, t: int) -> set[str]:
    low = c.low[t]
    lemma = c.toks[t].lemma_.lower() if c.has_pos else low
    return {x for x in (low, _singular(low), lemma) if len(x) >= 5}


def org_by_name_word(c: Ctx, stems: set[str], before: int) -> str | None:
    """The organisation mentioned last before character ``before`` whose mention's head words hold a word ending in
    one of ``stems`` or one that a stem ends in (six letters at least), or a legal form standing for a stem."""
    kinds = dict(x.split("=", 1) for x in c.w.legal_form_kinds)
    best = None
    for ms, me, m, actor in c.mentions_to(before):
        if actor.actor_type != "organization":
            continue
        words = _head_words(c.text[ms:me])
        if any(w.endswith(x) or len(w) >= 6 and x.endswith(w) for w in words for x in stems) \
                or any(kinds.get(w.lower()) in stems for w in (c.text[ms:me] + " " + actor.name).split()):
            best = actor.key
    return best


def _head_words(name: str) -> list[str]:
    """The lower-cased words of a name before its first lower-case word ("Verband der Deutschen Möbelindustrie" ->
    "verband"); "und" after a truncated word goes on ("Industrie- und Handelskammer Ostwestfalen")."""
    out: list[str] = []
    parts = name.split()
    for i, w in enumerate(parts):
        if w[:1].islower() and not (w == "und" and i and parts[i - 1].endswith("-")):
            break
        if not w.isupper():             # not an acronym ("IHK")
            out.append(w.lower().strip(".,()"))
    return out
