"""Speaker resolution (``speaker`` stage) and own-source subjects, spk16c: choosing the actor among the entities a speaker
span or its article gives. A policy area after "für" is no actor; an organisation-noun source speaks for the organisation
of that kind (introduced in a genitive, or named after it in its paragraph), never for a dateline's agency."""
from __future__ import annotations

from ..context import Ctx
from ..registry import rule
from .speaker import NO_ACTOR, SpeakerSite, _company_named, _media_addressee, org_by_noun, org_source_site

LINKING = ("s", "es")                  # genitive endings of an introducing noun: "des Tiefkühlkostherstellers Wattfrost"


@rule("speaker_policy_area", "speaker")
def speaker_policy_area(s: SpeakerSite) -> str | None:
    """Dessen Referentin für Hochschulpolitik, Mira Kowalczyk, wies darauf hin, dass Laborplätze fehlten. – a mention in
    the speaker span right after "für" (at most one lower-case adjective between) whose last word ends in a policy-area
    noun (words.yaml policy_area_endings: "Hochschulpolitik", "europäische Angelegenheiten") names the speaker's field,
    never the speaker: the span's first other person, else its first other organisation speaks; with none, no actor."""
    c = s.c
    found = s.mentions(("person", "organization", "location", "other"))
    areas = [m for m in found if _policy_area(c, m[0], m[1])]
    if not areas:
        return None
    rest = [m for m in found if m not in areas]
    for kind in ("person", "organization"):
        key = next((m[3].key for m in rest if m[3].actor_type == kind), None)
        if key:
            return key
    return NO_ACTOR


def _policy_area(c: Ctx, ms: int, me: int) -> bool:
    span = c.doc.char_span(ms, me, alignment_mode="expand")
    if span is None or not c.low[span.end - 1].endswith(tuple(c.w.policy_area_endings)):
        return False
    t = span.start - 1
    if t >= 0 and c.toks[t].text.islower() and c.low[t] != "für" and (not c.has_pos or c.toks[t].pos_ == "ADJ"):
        t -= 1                          # "für europäische Angelegenheiten"
    return t >= 0 and c.low[t] == "für"


@rule("speaker_org_source_kind", "speaker")
def speaker_org_source_kind(s: SpeakerSite) -> str | None:
    """Beschäftigte des Tiefkühlkostherstellers Wattfrost streiken. Nach Gewerkschaftsangaben legten 450 Beschäftigte die
    Arbeit nieder. Die Gewerkschaft NGG fordert zwölf Prozent. … Nach Angaben des Unternehmens verzögerten sich
    Lieferungen. – a source naming only an organisation noun (as speaker_org_source reads it) speaks for the organisation
    introduced with that noun before it, also after the noun in the genitive ("des Tiefkühlkostherstellers Wattfrost"),
    else for the one introduced with it later in the same paragraph ("Die Gewerkschaft NGG"); a news agency of the
    dateline ("Cuxhaven (dpa/lni) -") never speaks for it: with none of these, the organisation named last that is no
    such agency, else no actor. It decides every span speaker_org_source would (that rule runs when this one is off)."""
    site = org_source_site(s)
    if site is None:
        return None
    c, (noun, before, company) = s.c, site
    endings = tuple(c.w.company_noun_endings) if company else (noun,)
    key = org_by_noun(c, noun, before) or _introduced_as(c, endings, 0, before) or (
        _company_named(c, before) if company else None)
    if key and not _dateline_agency(c, key):
        return key
    return _introduced_as(c, endings, before, _paragraph_end(c, before), first=True) or _latest_non_agency(c, before)


def _latest_non_agency(c: Ctx, before: int) -> str:
    """The organisation named last before character ``before`` that is no dateline agency nor a medium named as an
    addressee ("sagte der SZ"), else no actor."""
    best = NO_ACTOR
    for ms, me, m, actor in c.mentions:
        if ms >= before:
            break
        if actor.actor_type == "organization" and not _dateline_agency(c, actor.key) and not _media_addressee(c, ms):
            best = actor.key
    return best


def _introduced_as(c: Ctx, endings: tuple[str, ...], lo: int, hi: int, first: bool = False) -> str | None:
    """The organisation mentioned in characters [lo, hi) right after a noun ending in one of ``endings`` or in its genitive
    (the last one; with ``first``, the first one)."""
    ends = tuple(e + x for e in endings for x in ("",) + LINKING)
    best = None
    for ms, me, m, actor in c.mentions:
        if ms < lo or actor.actor_type != "organization":
            continue
        if ms >= hi:
            break
        span = c.doc.char_span(ms, me, alignment_mode="expand")
        if span is None or _dateline_agency(c, actor.key):
            continue
        if span.start > 0 and c.low[span.start - 1].endswith(ends) or c.low[span.start].endswith(ends[:1]):
            best = actor.key
            if first:
                return best
    return best


def _paragraph_end(c: Ctx, pos: int) -> int:
    end = c.text.find("\n\n", pos)
    return len(c.text) if end < 0 else end


def _dateline_agency(c: Ctx, key: str) -> bool:
    """Whether every mention of actor ``key`` is in the dateline's parenthesis ("Cuxhaven (dpa/lni) -", in the first 60
    characters, a dash right after the parenthesis)."""
    spans = [(ms, me) for ms, me, m, actor in c.mentions if actor.key == key]
    return bool(spans) and all(_in_dateline(c.text, ms, me) for ms, me in spans)


def _in_dateline(text: str, ms: int, me: int) -> bool:
    if ms > 60:
        return False
    open_ = text.rfind("(", 0, ms)
    close = text.find(")", me)
    return open_ >= 0 and "\n" not in text[open_:ms] and 0 <= close < me + 12 \
        and text[close + 1:close + 4].strip()[:1] in ("-", "–", "—")


def own_source_antecedent(c: Ctx, sp: tuple[int, int], i: int, b: int) -> tuple[int, int]:
    """Gegen die Pläne hatte sich die Bürgerinitiative „Gegenwind Hochberg“ formiert, die nach eigenen Angaben 820
    Unterschriften gesammelt hat. / Betriebsbedingte Kündigungen will der Konzern nach eigenen Angaben vermeiden. – the
    subject the parse gives "nach eigenen Angaben" (at i) is a relative pronoun: its antecedent is the source (a relative
    clause after the verb: the last organisation or person named before the verb); it is a noun phrase before the finite
    verb that cannot speak (no actor, no plausible speaker) while one that can follows that verb: that one (switch
    ``own_source_antecedent``)."""
    from ..speaker import _relative_antecedent, has_actor, plausible_speaker, subject_after
    if not c.R.switch("own_source_antecedent"):
        return sp
    if sp[1] - sp[0] == 1 and sp[0] > 0 and c.low[sp[0] - 1] == "," and c.low[sp[0]] in ("der", "die", "das"):
        return _relative_antecedent(c, sp) or _extraposed_antecedent(c, sp[0] - 1) or sp
    finite = next((t for t in range(sp[1], i) if c.toks[t].pos_ in ("VERB", "AUX")), None)
    if finite is not None and not has_actor(c, sp) and not plausible_speaker(c, sp):
        after = subject_after(c, finite, b)
        if after is not None and after != sp and (has_actor(c, after) or plausible_speaker(c, after)):
            return after
    return sp


def _extraposed_antecedent(c: Ctx, comma: int) -> tuple[int, int] | None:
    """"…, hatte sich die Bürgerinitiative „X“ formiert, die …": a verb right before the comma; the antecedent is the
    organisation or person named last before that verb in the sentence (at most eight tokens back)."""
    v = comma - 1
    if v < 0 or c.toks[v].pos_ not in ("VERB", "AUX"):
        return None
    lo = max(c.sents[c.sent_of[v]][0], v - 8)
    best = None
    for ms, me, m, actor in c.mentions:
        span = c.doc.char_span(ms, me, alignment_mode="expand")
        if span is not None and lo <= span.start and span.end <= v and actor.actor_type in ("person", "organization"):
            best = (span.start, span.end)
    return best


@rule("speaker_court_body", "speaker")
def speaker_court_body(s: SpeakerSite) -> str | None:
    """Der Bundesgerichtshof hat die Klausel gekippt. Die Bank habe ihre Kunden nicht ausreichend informiert, urteilten die
    Karlsruher Richter. – a speaker span that names no one and is the judges of a court ("die Richter", "die Karlsruher
    Richter", "die Verfassungsrichter": "die", at most one adjective, a plural judge noun of words.yaml court_body_nouns) or
    one of its panels with its number ("der VIII. Zivilsenat", "der 3. Strafsenat") speaks for the court named last
    before it (an organisation whose name holds "gericht" or a court's abbreviation of words.yaml court_words: "BGH");
    None when none was named."""
    c, sp = s.c, s.sp
    if s.mentions(("person", "organization", "location", "other")) or not _court_body(c, sp):
        return None
    before = c.toks[sp[0]].idx
    courts = {w for w in c.w.court_words if len(w) <= 5}
    best = None
    for ms, me, m, actor in c.mentions:
        if ms >= before:
            break
        words = actor.name.lower().split()
        if actor.actor_type == "organization" and ("gericht" in actor.name.lower() or courts & set(words)):
            best = actor.key
    return best


def _court_body(c: Ctx, sp: tuple[int, int]) -> bool:
    """"die [Karlsruher] Richter", "der VIII. Zivilsenat" (see speaker_court_body)."""
    n, h = sp[1] - sp[0], sp[1] - 1
    if not 2 <= n <= 3:
        return False
    if c.low[sp[0]] == "die" and c.low[h] in c.w.court_body_nouns:
        return n == 2 or c.toks[h - 1].text.endswith("er") and c.toks[h - 1].text[:1].isupper() \
            or c.has_pos and c.toks[h - 1].pos_ == "ADJ"
    return n == 3 and c.low[sp[0]] == "der" and c.low[h].endswith("senat") and c.low[h] != "senat" \
        and (c.toks[h - 1].like_num or c.toks[h - 1].text.rstrip(".").isupper() and c.toks[h - 1].text.endswith("."))
