"""Speaker resolution: the Actor a claim's speaker span refers to (``speaker`` stage). The span
itself (``speaker_text``) stays as written; these rules only choose ``speaker_key``. The first
rule that decides wins: it returns an actor key, ``NO_ACTOR`` (decided: no actor), or None."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.view import doc_span

from ..context import Ctx, Found
from ..registry import rule

NO_ACTOR = ""        # a decided "no actor" (falsy, unlike an actor key)


@dataclass
class SpeakerSite:
    """A speaker span ``sp`` (tokens, end exclusive) and the claims found before it."""
    c: Ctx
    sp: tuple[int, int]
    prev: list[Found]

    def mentions(self, types: tuple[str, ...]) -> list:
        """Actor mentions of these types that overlap the span, in text order."""
        a, b = self.c.char_span(*self.sp)
        return [(ms, me, m, actor) for ms, me, m, actor in self.c.mentions_to(b)
                if min(b, me) > max(a, ms) and actor.actor_type in types]


def _head(c: Ctx, sp: tuple[int, int]) -> int | None:
    """The head noun of the span: the last noun of its first run of nouns."""
    t = sp[0]
    while t < sp[1] and not c.is_nounish(t):
        t += 1
    if t >= sp[1]:
        return None
    while t + 1 < sp[1] and c.is_nounish(t + 1) and not c.is_punct(t + 1) and (t + 1) not in c.ent_at:
        t += 1
    return t


def _spokesperson_prefix(c: Ctx, t: int) -> str | None:
    """The word before the spokesperson ending of token t ("Siemens-Sprecher" -> "siemens",
    "Unternehmenssprecher" -> "unternehmens"), "" for a bare "Sprecher", None when t is no
    spokesperson noun."""
    lw = c.low[t]
    for suf in sorted(c.w.spokesperson_suffixes, key=len, reverse=True):
        if lw.endswith(suf):
            return lw[:-len(suf)].rstrip("-")
    return None


def _org_named(c: Ctx, word: str, before: int) -> str | None:
    """An organisation actor whose name (or a word of it) is ``word``."""
    for ms, me, m, actor in c.mentions:
        if actor.actor_type == "organization" and (
                c.text[ms:me].lower() == word or word in (w.lower() for w in actor.name.split())):
            return actor.key
    return None


def _latest_org(c: Ctx, before: int, no_addressee: bool = False) -> str | None:
    """The organisation named last before character ``before`` (with ``no_addressee``, not a medium named as the addressee
    of a speech verb: "sagte der SZ")."""
    best = None
    for ms, me, m, actor in c.mentions:
        if ms >= before:
            break
        if actor.actor_type == "organization" and not (no_addressee and _media_addressee(c, ms)) \
                and not (c.R.switch("media_reporting_not_company") and _media_reporting_at(c, ms)):
            best = actor.key
    return best


def _media_addressee(c: Ctx, ms: int) -> bool:
    """Whether the mention starting at character ms is a medium after "der"/"dem" ("sagte er der SZ", "dem Spiegel")."""
    from ..speaker import media_name_at
    span = doc_span(c.doc, ms, ms + 1, "expand")
    t = span.start if span is not None else None
    if t is not None and t > 1 and c.R.switch("org_noun_names") and c.low[t - 2] in ("der", "dem") \
            and c.low[t - 1].endswith(tuple(c.w.addressee_nouns)):
        return True                     # "sagte der Nachrichtenagentur Reuters" (spk20)
    return t is not None and t > 0 and c.low[t - 1] in ("der", "dem") and (
        media_name_at(c, t) or c.low[t].endswith(tuple(c.w.addressee_nouns)))


_REPORT_HEADS = ("-informationen", "-recherchen", "-recherche", "-anfrage")
_HOLD_VERBS = ("vorliegt", "vorliegen", "vorlag", "vorlagen", "vorliege", "einsehen")


def _media_reporting_at(c: Ctx, ms: int) -> bool:
    span = doc_span(c.doc, ms, ms + 1, "expand")
    return span is not None and _media_reporting(c, span.start)


def _media_reporting(c: Ctx, t: int) -> bool:
    """(ent21) the medium that reports, no company an article refers back to: "nach LZ-Informationen" (the name
    inside a compound of what a medium learned or asked), "in einem Schreiben, das dem Abendblatt vorliegt" (the
    name right before the verb of a paper lying before it; actors org_medium_document_holder)."""
    if c.low[t].endswith(_REPORT_HEADS):
        return True
    k = next((j for j in range(t + 1, min(t + 4, len(c.low))) if not c.toks[j].text[:1].isupper()
              and c.toks[j].text != "."), None)
    return k is not None and c.low[k] in _HOLD_VERBS


@rule("speaker_spokesperson", "speaker")
def speaker_spokesperson(s: SpeakerSite) -> str | None:
    """Die Produktion werde eingestellt, teilte der Konzern-Sprecher mit. – a spokesperson or
    press office without a name speaks for the organisation: one named in the noun phrase
    ("ein Sprecher von Siemens"), in the compound ("Siemens-Sprecher"), else, for a bare or
    generic one ("der Sprecher", "ein Sprecher des Konzerns"), the organisation named last."""
    c, sp = s.c, s.sp
    h = _head(c, sp)
    prefix = _spokesperson_prefix(c, h) if h is not None else None
    if prefix is None or s.mentions(("person",)):
        return None
    orgs = s.mentions(("organization",))
    if orgs:
        return orgs[0][3].key
    place = _municipal_place(s, h)
    if place is not None:
        return place
    others = [t for t in range(h + 1, sp[1]) if c.is_nounish(t) and not c.is_punct(t)]
    if c.R.switch("spokesperson_org_noun"):
        from .speaker_anaphor import spokesperson_org_noun
        key = spokesperson_org_noun(c, prefix, [c.low[t] for t in others], c.toks[sp[0]].idx)
        if key is not None:
            return key
    named = spokesperson_name_word(c, prefix, others, c.toks[sp[0]].idx)
    if named:
        return named
    if prefix and prefix not in c.w.generic_org_nouns:
        return _org_named(c, prefix, c.toks[sp[0]].idx) or NO_ACTOR
    authority = next((_latest_authority(c, c.low[t], c.toks[sp[0]].idx) for t in others
                      if c.low[t].startswith(("behörde", "gericht", "ministerium", "amt"))), None)
    if authority:
        return authority                # "eine Sprecherin der Behörde": the authority named before (auth12)
    named = _genitive_org(c, h, sp, c.toks[sp[0]].idx)
    if named:
        return named                    # "ein Sprecher der Stadtwerke": "Stadtwerke Hammtal GmbH" named before (spk15)
    if others and not any(c.low[t] in c.w.generic_org_nouns for t in others):
        return NO_ACTOR                 # "eine Sprecherin der Polizei": no actor, the text speaks
    return _latest_org(c, c.toks[sp[0]].idx) or NO_ACTOR


def spokesperson_name_word(c: Ctx, prefix: str | None, others: list[int], before: int) -> str | None:
    """Die Klinik, das St.-Annen-Krankenhaus Delmenhorst, weist das zurück. …, teilte ein Sprecher des Krankenhauses mit.
    – a spokesperson's compound prefix ("Fraktionssprecher") or one genitive noun after it ("ein Sprecher der EVK", "des
    Krankenhauses") names the organisation whose mention is that word (an acronym defined before), else the one named
    last before character ``before`` whose name's head ends in it ("CDU-Landtagsfraktion", "St.-Annen-Krankenhaus
    Delmenhorst"; rules/speaker_orgname.py org_by_name_word); None otherwise (switch ``spokesperson_name_word``, spk21)."""
    from .speaker_orgname import org_by_name_word
    if not c.R.switch("spokesperson_name_word"):
        return None
    words = [(prefix, False)] if prefix else []
    if len(others) == 1 and c.low[others[0] - 1] in ("der", "des"):
        words.append((c.low[others[0]], c.toks[others[0]].text.isupper()))
    for w, acronym in words:
        named = _org_named(c, w, before) if acronym else None
        if named:
            return named
        stems = {x for x in (w, _singular(w), *(w[:-len(e)] for e in ("s", "es", "n", "en") if w.endswith(e)))
                 if len(x) >= 5}
        named = org_by_name_word(c, stems, before) if stems else None
        if named:
            return named
    return None


def _genitive_org(c: Ctx, h: int, sp: tuple[int, int], before: int) -> str | None:
    """Kunden der Stadtwerke Hammtal GmbH zahlen mehr, wie ein Sprecher der Stadtwerke bestätigte. – the genitive noun
    right after a spokesperson ("der Stadtwerke", "des Vereins") is the organisation named before that was introduced
    with it ("der Verein Energiehilfe Westfalen") or has it as a word of its name (switch ``spokesperson_genitive_org``)."""
    if not c.R.switch("spokesperson_genitive_org") or h + 2 >= sp[1] or c.low[h + 1] not in ("der", "des"):
        return None
    t = h + 2
    while t + 1 < sp[1] and c.toks[t].pos_ == "ADJ":
        t += 1
    if not c.is_nounish(t) or c.is_punct(t) or t in c.ent_at:
        return None
    return org_by_noun(c, _singular(c.low[t]), before)


def _singular(noun: str) -> str:
    """"vereins" -> "verein", "verbandes" -> "verband": a genitive singular without its ending (a noun of 5+ letters)."""
    for end in ("es", "s"):
        if noun.endswith(end) and len(noun) - len(end) >= 5 and not noun.endswith(("ss", "us")):
            return noun[:-len(end)]
    return noun


def org_by_noun(c: Ctx, noun: str, before: int) -> str | None:
    """The organisation named last before character ``before`` that was introduced with ``noun`` ("der Verein X", "die
    Stadtwerke X", "X-Verband") or whose name has a word ending in it ("Förderverein Heidebad", "Verein für Socialpolitik")."""
    best = _org_introduced_as(c, (noun,), before)
    for ms, me, m, actor in c.mentions:
        if ms >= before:
            break
        if actor.actor_type == "organization" and any(w.lower().endswith(noun) for w in actor.name.split()):
            if best is None or ms > _last_mention_start(c, best, before):
                best = actor.key
    return best


def _last_mention_start(c: Ctx, key: str, before: int) -> int:
    return max((ms for ms, me, m, actor in c.mentions if actor.key == key and ms < before), default=-1)


def _municipal_place(s: SpeakerSite, h: int) -> str | None:
    """Die Straße bleibe gesperrt, sagte ein Sprecher der Stadt Weimar. – a spokesperson of a place's administration
    ("der Stadt Weimar", "des Landkreises Harz", "der Gemeinde Kremmen"; words.yaml municipal_nouns) speaks for that
    place: the place named right after the noun (switch ``spokesperson_place``)."""
    c, sp = s.c, s.sp
    if not c.R.switch("spokesperson_place"):
        return None
    for t in range(h + 1, sp[1] - 1):
        if c.low[t] in c.w.municipal_nouns and t > 0 and c.low[t - 1] in ("der", "des"):
            ta = c.toks[t + 1].idx
            return next((actor.key for ms, me, m, actor in s.mentions(("location",)) if ms == ta), None)
    return None


def _latest_authority(c: Ctx, noun: str, before: int) -> str | None:
    """Die Bundesanwaltschaft … Die Behörde teilte mit / eine Sprecherin des Gerichts: the organisation named last
    before character ``before`` whose name holds the noun ("Gericht" -> "Landgericht Frankfurt"), or, for "Behörde",
    any authority (a name holding a words.yaml institution_nouns word: "Staatsanwaltschaft München")."""
    kinds = (noun.rstrip("s").removesuffix("e") if not noun.startswith("behörde") else "",)
    if not kinds[0]:
        kinds = tuple(c.w.institution_nouns) + ("anwaltschaft", "feuerwehr", "bundeswehr", "verwaltung")
    own = c.R.switch("org_noun_names") and noun.startswith("behörde")
    best = None
    for ms, me, m, actor in c.mentions:
        if ms >= before:
            break
        if actor.actor_type == "organization" and any(k in actor.name.lower() for k in kinds):
            best = actor.key
        if own and actor.actor_type == "organization" and "behörde" in c.text[ms:me].lower():
            best = actor.key            # "Die Internationale Atomenergiebehörde (IAEA)": a Behörde by its own name (spk20)
    return best


@rule("speaker_mention", "speaker")
def speaker_mention(s: SpeakerSite) -> str | None:
    """Bundeskanzler Friedrich Merz sagte, … – an actor named in the span; a person named there
    is the speaker. A place speaks only as the head of the span ("Berlin kritisierte"), not as a
    modifier of a described person ("Ein BMW-Händler in Weimar erklärte")."""
    c, sp = s.c, s.sp
    a, b = c.char_span(*sp)
    best, best_ov = None, 0
    head = _head(c, sp)
    found = s.mentions(("person", "organization", "location", "other"))
    if found and all(m.label == "ROLE" for _, _, m, _ in found) and head is not None and _is_role_noun(c, head):
        titled = _titled_person(c, c.low[head], a)
        if titled is not None:
            return titled               # "Außenminister Heiko Maas … Der Minister sagte": the titled person
    if found and head is not None and _is_role_noun(c, head) and _only_in_compound(c, found, head):
        return None                     # "Die frühere SPD-Chefin sagte": the role holder (speaker_role), not the SPD
    for ms, me, m, actor in s.mentions(("person", "organization", "location", "other")):
        if actor.actor_type not in ("person", "organization") and not _at_head(c, sp, head, ms):
            continue
        ov = min(b, me) - max(a, ms) + (10_000 if actor.actor_type == "person" else 0)
        if ov > best_ov:
            best, best_ov = actor, ov
    return best.key if best is not None else None


def _only_in_compound(c: Ctx, found: list, head: int) -> bool:
    """Andrea Nahles … Die frühere SPD-Chefin sagte, … – every mention found lies inside the role noun heading the span, as
    the first part of a compound ("SPD-Chefin", "Verdi-Chef"): the span names the role's holder, not that organisation
    (switch ``compound_role_holder``; not for a person's name, which ``speaker_mention`` keeps)."""
    if not c.R.switch("compound_role_holder") or "-" not in c.toks[head].text:
        return False
    ha, hb = c.toks[head].idx, c.toks[head].idx + len(c.toks[head].text)
    return all(ha <= ms and me < hb and actor.actor_type != "person" for ms, me, m, actor in found)


def _at_head(c: Ctx, sp: tuple[int, int], head: int | None, ms: int) -> bool:
    """Whether a mention starting at character ms is the head of the span (nothing but a
    determiner or adjectives before it)."""
    if head is None:
        return True
    return c.toks[head].idx + len(c.toks[head].text) > ms


@rule("speaker_generic_org", "speaker")
def speaker_generic_org(s: SpeakerSite) -> str | None:
    """Dolce&Gabbana verzichtet auf Pelz. Das Unternehmen kündigte an, … – "das Unternehmen", "der
    Konzern" alone (a definite article and a company noun) is the organisation named last (not
    "die Regierung", "das Ministerium": the last organisation is rarely that one)."""
    c, sp = s.c, s.sp
    if sp[1] - sp[0] == 2 and c.low[sp[0]] in ("der", "die", "das") and c.low[sp[0] + 1] in c.w.company_nouns:
        before = c.toks[sp[0]].idx
        guard = c.R.switch("org_noun_names")        # not a medium spoken to ("sagte der Nachrichtenagentur Reuters", spk20)
        if c.R.switch("generic_org_compound"):
            return _org_introduced_as(c, c.w.company_noun_endings, before) or _latest_org(c, before, guard)
        return _latest_org(c, before, guard)
    if c.R.switch("generic_org_compound"):
        return _company_reference(s)
    return None


def _company_reference(s: SpeakerSite) -> str | None:
    """Ikea erhöht die Preise. Der schwedische Möbelkonzern teilte mit, … / Der Münchner Konzern erklärte, … / Die
    Fluggesellschaft teilte mit, … – a definite noun phrase of a company noun or a compound of one (words.yaml
    company_noun_endings), with at most one adjective before it and nothing after it, that names nothing itself, is the
    organisation the article introduced with that noun ("Der Energieversorger Eon", "die Ratingagentur Moody's"), else the
    organisation named last before it (switch ``generic_org_compound``)."""
    c, sp = s.c, s.sp
    n = sp[1] - sp[0]
    if n not in (2, 3) or c.low[sp[0]] not in ("der", "die", "das") or s.mentions(("person", "organization", "location")):
        return None
    h = sp[1] - 1
    if n == 3 and not (c.toks[h - 1].pos_ == "ADJ" or c.toks[h - 1].text.endswith("er") and c.toks[h - 1].text[:1].isupper()):
        return None
    ending = next((e for e in sorted(_org_noun_endings(c), key=len, reverse=True) if c.low[h].endswith(e)), None)
    if ending is None or not c.toks[h].text[:1].isupper():
        return None
    before = c.toks[sp[0]].idx
    if ending not in c.w.company_noun_endings:          # "die Umweltschutzorganisation", "der Verband" (spk13)
        if n == 2 and c.low[h] in c.w.bare_organisation_nouns:    # "die Organisation": the one named last, not a
            return _latest_org(c, before, c.R.switch("org_noun_names"))     # medium spoken to ("sagte Reuters", spk20)
        return _org_introduced_as(c, (ending,), before)
    generic = c.low[h] in c.w.company_nouns or c.low[h].endswith(("konzern", "unternehmen", "firma"))
    return _org_introduced_as(c, (ending,), before) or (
        _org_introduced_as(c, c.w.company_noun_endings, before) if generic else None) or _latest_org(c, before)


def _org_noun_endings(c: Ctx) -> frozenset:
    """WWF … Die Umweltschutzorganisation fordert, … / Die FIFA … wie der Verband mitteilte – the company noun endings,
    and with switch ``organisation_noun_reference`` those of other organisations (words.yaml organisation_noun_endings:
    "Organisation", "Verband", "Gewerkschaft"), which refer back to the organisation introduced with a noun of the same
    ending ("Die Umweltschutzorganisation WWF", "Die Flugbegleitergewerkschaft UFO"); the bare nouns of words.yaml
    bare_organisation_nouns ("die Organisation", "der Verband") to the organisation named last."""
    if c.R.switch("organisation_noun_reference"):
        return c.w.company_noun_endings | c.w.organisation_noun_endings
    return c.w.company_noun_endings


def _org_introduced_as(c: Ctx, endings, before: int) -> str | None:
    """The organisation named last before character ``before`` right after a noun with one of these endings ("der
    Energieversorger Eon", "Die Ratingagentur Moody's") or with one as a compound part after it ("Volkswagen-Konzern")."""
    endings = tuple(endings)
    best = None
    for ms, me, m, actor in c.mentions:
        if ms >= before:
            break
        if actor.actor_type != "organization":
            continue
        span = doc_span(c.doc, ms, me, "expand")
        if span is None:
            continue
        prev = span.start - 1
        last = c.low[span.end - 1]
        if prev >= 0 and c.low[prev].endswith(endings) or "-" in last and last.endswith(endings):
            best = actor.key
    return best


def is_source_noun_before(c: Ctx, sp: tuple[int, int]) -> bool:
    """The span holds a source noun before its genitive ("einer Erklärung des …")."""
    from ..clauses import is_source_noun
    return any(is_source_noun(c, t) for t in range(sp[0], sp[1] - 2))


@rule("speaker_institution", "speaker")
def speaker_institution(s: SpeakerSite) -> str | None:
    """Das Urteil des Hanseatischen Oberlandesgerichts Hamburg … Das Berufungsgericht hat ausgeführt, … –
    a definite noun phrase whose head is an institution noun ("das Gericht", "das Berufungsgericht",
    "das Ministerium", "die Behörde") and that names nothing itself, or a source noun with such a
    genitive ("in einer Erklärung des Ministeriums"), is the organisation named last before it whose
    name holds the same institution word ("Oberlandesgericht", "Vereinigungsministerium")."""
    c, sp = s.c, s.sp
    if s.mentions(("person", "organization", "location", "other")):
        return None
    last = sp[1] - 1
    if sp[1] - sp[0] <= 3 and c.low[sp[0]] in ("der", "die", "das", "des", "dem", "den"):
        h = _head(c, sp)
        if h is None or h != last:
            return None
    elif sp[1] - sp[0] <= 6 and last > sp[0] and c.low[last - 1] in ("des", "der") and is_source_noun_before(c, sp):
        h = last                        # "in einer Erklärung des Ministeriums": the document's author
    else:
        return None
    head = c.low[h]
    if head in ("behörde", "behörden"):
        return _latest_authority(c, head, c.toks[sp[0]].idx)    # "Die Behörde teilte mit" (auth12)
    kind = next((k for k in sorted(c.w.institution_nouns, key=len, reverse=True)
                 if head.endswith((k, k + "s", k + "es"))), None)
    if kind is None:
        return None
    before = c.toks[sp[0]].idx
    best = None
    for ms, me, m, actor in c.mentions:
        if ms >= before:
            break
        if actor.actor_type == "organization" and kind in actor.name.lower():
            best = actor.key
    return best


@rule("speaker_org_source", "speaker")
def speaker_org_source(s: SpeakerSite) -> str | None:
    """Die Stadtwerke Rheinaue GmbH bauen einen Elektrolyseur. Die Investition beläuft sich nach Unternehmensangaben auf
    140 Millionen Euro. – a source that names no one but an organisation noun, as the first part of a compound
    ("Unternehmensangaben", "aus der Konzernzentrale"; words.yaml org_source_prefixes, org_source_heads) or as the
    genitive of a source noun ("nach Angaben des Vereins", "in einer Stellungnahme des Verbands"), or alone ("laut
    Hersteller", switch ``bare_org_source``), is the organisation introduced with that noun ("der Verein Energiehilfe
    Westfalen"), for a company noun the company named last, else the organisation named last before it."""
    site = org_source_site(s)
    if site is None:
        return None
    c, (noun, before, company) = s.c, site
    return org_by_noun(c, noun, before) or (_company_named(c, before) if company else None) or _latest_org(c, before, True)


def org_source_site(s: SpeakerSite) -> tuple[str, int, bool] | None:
    """For a source span that names no one but an organisation noun: the noun, the span's first character and whether
    the noun is a company noun; else None."""
    c, sp = s.c, s.sp
    if s.mentions(("person", "organization", "location", "other")):
        return None
    noun = _org_source_noun(c, sp)
    if noun is None:
        return None
    return noun, c.toks[sp[0]].idx, noun in c.w.company_nouns or noun == "firmen"


def _company_named(c: Ctx, before: int) -> str | None:
    """Der Autozulieferer Kessler Automotive SE … / Nach Angaben der Nordflug AG … – the company named last before character
    ``before``: introduced with a company noun, or a name with a company noun or a legal form (words.yaml company_legal_forms_cased)."""
    best = _org_introduced_as(c, c.w.company_noun_endings, before)
    forms = set(c.w.company_legal_forms_cased)
    for ms, me, m, actor in c.mentions:
        if ms >= before:
            break
        words = c.text[ms:me].split() + actor.name.split()
        if actor.actor_type == "organization" and any(w in forms or w.lower().endswith(tuple(c.w.company_noun_endings))
                                                      for w in words):
            if best is None or ms > _last_mention_start(c, best, before):
                best = actor.key
    return best


def _org_source_noun(c: Ctx, sp: tuple[int, int]) -> str | None:
    """The organisation noun of a source span: "unternehmen" for "Unternehmensangaben" and "nach Angaben des
    Unternehmens", "verein" for "einer Stellungnahme des Vereins"; None for any other span."""
    from ..clauses import is_source_noun
    last = sp[1] - 1
    if last == sp[0] and c.R.switch("bare_org_source") and c.toks[last].text[:1].isupper() and (
            c.low[last] in c.w.org_source_prefixes or c.low[last] in c.w.company_nouns):
        return c.low[last]              # "laut Hersteller", "laut Verein" (spk15)
    if last - 2 >= sp[0] and c.low[last - 1] in ("des", "der") and is_source_noun(c, last - 2):
        noun = _singular(c.low[last])
        return noun if noun in c.w.org_source_prefixes else None
    for t in range(sp[0], sp[1]):
        lw = c.low[t]
        for p in c.w.org_source_prefixes:
            rest = lw[len(p):].removeprefix("s").lstrip("-")
            if lw.startswith(p) and (rest in c.w.org_source_heads or rest.endswith(tuple(c.R.noun_suffixes))
                                     or rest.capitalize() in c.R.nouns) and rest not in c.w.anonymous_source_heads:
                return p
    return None


@rule("speaker_document", "speaker")
def speaker_document(s: SpeakerSite) -> str | None:
    """Die Inklusion sei nie vollständig möglich, so der Autor. „Das System ist übergeordnet“, heißt es in
    diesem Werk. – the text the words stand in ("in diesem Werk", "im Buch", "in einer Bildunterschrift";
    words.yaml document_nouns) that names no author of its own speaks for the speaker of the claim just
    before it (within two sentences): its author, not the document ("Dem Bericht zufolge" names a
    source of its own: not this rule). Where the sentence right before has no claim, the actor that is its subject
    comes first (switch ``document_new_subject``, spk18: "Auch der Arbeitgeberverband kritisierte den Zeitpunkt.")."""
    c, sp = s.c, s.sp
    if s.mentions(("person", "organization", "location", "other")):
        return None
    h = _head(c, sp)
    if h is None or not c.low[h].endswith(tuple(c.w.document_nouns)):
        return None
    if not (c.low[sp[0]] in c.R.impersonal_preps or (sp[0] > 0 and c.low[sp[0] - 1] in c.R.impersonal_preps)):
        return None                     # only the place of the words ("in diesem Werk"), not "Dem Bericht zufolge"
    if any(c.is_nounish(t) and not c.is_punct(t) for t in range(h + 1, sp[1])):
        return None                     # "in einem Bericht der Zeitung": the genitive names the source
    si = c.sent_of[sp[0]]
    if c.R.switch("document_new_subject") and not any(f.sent == si - 1 for f in s.prev):
        key = _document_author_before(c, si) or _frame_subject_before(c, si)   # "Auch der Arbeitgeberverband kritisierte
        if key:                                 # den Zeitpunkt. …, hieß es in einer Mitteilung.": the subject just introduced
            return key
    for f in reversed(s.prev):
        if si - f.sent > 2:
            break
        if f.speaker_key:
            return f.speaker_key
    return _document_author_before(c, si)


def _frame_subject_before(c: Ctx, si: int) -> str | None:
    """The actor that is the subject of a speech verb in the sentence before si ("kritisierte den Zeitpunkt"), or None."""
    from ..speaker import prev_frame_subject, resolve_speaker
    sp = prev_frame_subject(c, si) if si > 0 else None
    return resolve_speaker(c, sp, []) or None if sp is not None and c.in_quote[sp[0]] < 0 else None


def _document_author_before(c: Ctx, si: int) -> str | None:
    """Der Konzern hat seine Zahlen vorgelegt. „Wir sind zufrieden“, heißt es in der Mitteilung. – without a claim
    before it, the document speaks for the actor that is the subject of the sentence before (also across a paragraph
    break), the one whose text it is (switch ``document_subject``)."""
    from ..speaker import resolve_speaker, subject_dep
    if not c.R.switch("document_subject") or si == 0 or not c.has_dep:
        return None
    sa, sb = c.sents[si - 1]
    root = next((t for t in range(sa, sb) if c.toks[t].dep_ == "ROOT" and c.in_quote[t] < 0
                 and c.toks[t].pos_ in ("VERB", "AUX")), None)
    sp = subject_dep(c, root) if root is not None else None
    if sp is not None and c.in_quote[sp[0]] < 0:
        return resolve_speaker(c, sp, []) or None
    a, b = c.char_span(sa, sb)          # no subject parsed ("denkt das WEF" as an object): the one actor named there
    keys = set()
    for ms, me, m, actor in c.mentions:
        span = doc_span(c.doc, ms, me, "expand") if a <= ms < b else None
        if span is not None and actor.actor_type in ("person", "organization") and c.in_quote[span.start] < 0:
            keys.add(actor.key)
    return keys.pop() if len(keys) == 1 else None


@rule("speaker_pronoun", "speaker")
def speaker_pronoun(s: SpeakerSite) -> str | None:
    """Er sagte, … – a pronoun resolves to the speaker of a recent claim, else the nearest
    compatible actor named before; "er" never to a person the article titled as a woman
    ("Bundeskanzlerin Angela Merkel"), "sie" never to one titled as a man (switch ``pronoun_gender``)."""
    from ..speaker import nearest_actor
    c, sp = s.c, s.sp
    first = c.low[sp[0]]
    if sp[1] - sp[0] == 1 and first in c.R.pronouns:
        if first == "sie" and c.R.switch("plural_sie") and _plural_pronoun(c, sp[0]):
            return _plural_antecedent(c, sp[0])
        gender = PRONOUN_GENDER.get(first) if c.R.switch("pronoun_gender") else None
        if first in PRONOUN_GENDER and c.R.switch("pronoun_prev_subject"):
            key = _prev_subject_actor(c, sp[0], c.R.pronouns[first], gender)
            if key is not None:
                return key
        if c.R.switch("pronoun_single_person"):
            from .speaker_anaphor import pronoun_single_person
            key = pronoun_single_person(s, gender)
            if key is not None:
                return key
        return nearest_actor(c, sp[0], c.R.pronouns[first], s.prev, gender=gender)
    if c.R.switch("possessive_source") and _possessive_source(s):
        word = "er" if first.startswith("sein") else "sie"
        gender = PRONOUN_GENDER[word] if c.R.switch("pronoun_gender") else None
        key = _prev_subject_actor(c, sp[0], c.R.pronouns[word], gender) if c.R.switch("pronoun_prev_subject") else None
        return key or nearest_actor(c, sp[0], c.R.pronouns[word], s.prev, gender=gender)
    return None


POSSESSIVES = ("sein", "seine", "seiner", "seines", "seinem", "seinen", "ihr", "ihre", "ihrer", "ihres", "ihrem", "ihren")


def _possessive_source(s: SpeakerSite) -> bool:
    """Air-France-Chef Jean-Cyril Spinetta weist die Vorwürfe zurück. Seiner Meinung nach hätte … / Laut ihren Aussagen
    schließt sie … aus. – a source noun phrase opened by a possessive ("seiner Meinung", "ihren Angaben", "seiner
    Aussage") that names no one: its owner, resolved as "er" (sein-) or "sie" (ihr-) would be, is the source (switch
    ``possessive_source``)."""
    from ..clauses import is_source_noun
    c, sp = s.c, s.sp
    if sp[1] - sp[0] < 2 or c.low[sp[0]] not in POSSESSIVES or s.mentions(("person", "organization", "location", "other")):
        return False
    return all(c.toks[k].pos_ in ("ADJ", "NOUN") for k in range(sp[0] + 1, sp[1])) and is_source_noun(c, sp[1] - 1)


def _prev_subject_actor(c: Ctx, t: int, types, gender: str | None) -> str | None:
    """„…“, sagte Merkel. Frankreichs Präsident Emmanuel Macron widersprach ihr. Er sagte, … – "er"/"sie" refers to the
    subject of the sentence right before it (same paragraph, outside quotations) when that subject names one actor of
    a fitting type and gender, before the speaker of an earlier claim (switch ``pronoun_prev_subject``); a subject that
    names one person besides organisations ("Der Bürgermeister Christoph Lamertz (CDU)") names that person (switch
    ``subject_one_person``)."""
    from ..speaker import _gender_fits, prev_subject
    si = c.sent_of[t]
    if c.in_quote[t] >= 0:
        return None
    if c.R.switch("pronoun_unnamed_subject") and not _named_before_in_sentence(c, t):
        key = _unnamed_prev_subject(c, si, gender)
        if key is not None:
            return key
    sp = prev_subject(c, si)
    if sp is None:
        return None
    a, b = c.char_span(*sp)
    keys = {actor.key: actor for ms, me, m, actor in c.mentions if min(b, me) > max(a, ms)}
    if len(keys) > 1 and c.R.switch("subject_one_person"):
        keys = {k: x for k, x in keys.items() if x.actor_type == "person"}     # "Bürgermeister X (CDU)": the person
    if len(keys) != 1:
        return None
    actor = next(iter(keys.values()))
    if actor.actor_type not in types or not _gender_fits(c, actor, gender):
        return None
    return actor.key


def _attribute_mention(c: Ctx, sp: tuple[int, int], ms: int, me: int, actor) -> bool:
    """Der behandelnde Arzt Lahms … / Einer der größten Kritiker des Ministerpräsidenten, Sondhi Limthongkul, … / Die
    Ministerin Renate Künast von den Grünen … – a name inside the subject that is an attribute of its head, not the head:
    after a genitive article or a preposition of the noun phrase ("des Ministerpräsidenten", "von den Grünen"), or a
    genitive form of the name ("Lahms" of Philipp Lahm). A pronoun in the next sentence does not refer to it (switch
    ``pronoun_unnamed_subject``)."""
    span = doc_span(c.doc, ms, me, "expand")
    if span is None or span.start <= sp[0]:
        return False
    before = {c.low[k] for k in range(max(sp[0] + 1, span.start - 2), span.start)}
    if before & (c.w.genitive_determiners | c.w.np_prepositions):
        return True
    last = c.toks[span.end - 1].text
    return last.endswith("s") and not actor.name.endswith(last)


def _unnamed_prev_subject(c: Ctx, si: int, gender: str | None) -> str | None:
    """Ein Sprecher der Armee wollte nichts bestätigen. Er sagte aber, … / Der Trainer des FC Bayern war enttäuscht. Er
    sagte, … – "er"/"sie" after a sentence (same paragraph) whose subject is a person noun phrase of the pronoun's gender
    and number that names no actor as its head (a name in it is only an attribute: "Lahms", "des Ministers") refers to
    that unnamed one, not to a name nearby: no actor, or for a spokesperson ("Ein Sprecher der US-Armee … Er sagte")
    the organisation it speaks for (switch ``pronoun_unnamed_subject``)."""
    from ..speaker import copula_root, subject_dep
    if gender is None or si == 0 or not c.has_dep or not c.has_morph:
        return None
    sa, sb = c.sents[si - 1]
    if "\n\n" in c.text[c.toks[sb - 1].idx:c.toks[c.sents[si][0]].idx]:
        return None
    root = next((k for k in range(sa, sb) if c.toks[k].dep_ == "ROOT" and c.in_quote[k] < 0
                 and (c.toks[k].pos_ in ("VERB", "AUX") or copula_root(c, k))), None)
    sp = subject_dep(c, root) if root is not None else None
    if sp is None or c.in_quote[sp[0]] >= 0 or c.low[sp[0]] not in c.w.determiners:
        return None
    h = _head(c, sp)
    if h is None or c.toks[h].pos_ != "NOUN" or not _agrees(c, h, gender) or not _person_head(c, h):
        return None
    a, b = c.char_span(*sp)
    if sp[1] + 1 < sb and c.low[sp[1]] == ",":
        b = c.toks[sp[1] + 1].idx + 1   # "der Vorsitzende der Initiative, Wolfgang Grader,": the name in apposition
    if any(min(b, me) > max(a, ms) and not _attribute_mention(c, sp, ms, me, actor) for ms, me, m, actor in c.mentions):
        return None                     # a name heads the subject: speaker_pronoun's own choice
    if _spokesperson_prefix(c, h) is not None:
        return speaker_spokesperson(SpeakerSite(c, sp, [])) or NO_ACTOR
    return NO_ACTOR


def _named_before_in_sentence(c: Ctx, t: int) -> bool:
    """A person or organisation is named in the pronoun's own sentence before it ("…, Wolfgang Grader, …: „…“, sagte er")."""
    lo, pos = c.toks[c.sents[c.sent_of[t]][0]].idx, c.toks[t].idx
    return any(lo <= ms < pos and actor.actor_type in ("person", "organization") for ms, me, m, actor in c.mentions)


def _person_head(c: Ctx, h: int) -> bool:
    """A noun that names a person: a role noun, a spokesperson, a person noun (words.yaml person_noun_suffixes), not a
    thing ("Der Zustand des Flugzeugs") nor a group ("Der Fraktion der Grünen")."""
    from ..speaker import _person_noun
    return _is_role_noun(c, h) or _spokesperson_prefix(c, h) is not None or _person_noun(c, h)


def _agrees(c: Ctx, h: int, gender: str) -> bool:
    """Token h is singular and of the pronoun's grammatical gender ("Der Arzt" for "er", "Die Verteidigung" for "sie")."""
    m = c.toks[h].morph
    return m.get("Number") != ["Plur"] and m.get("Gender") == (["Masc"] if gender == "m" else ["Fem"])


def _plural_pronoun(c, t: int) -> bool:
    """"sie" as the subject of a plural finite verb ("Sie werfen dem Konzern vor", "Sie zeigten"), by the verb's number,
    else by the pronoun's own."""
    tok = c.toks[t]
    if not c.has_morph:
        return False
    head = tok.head
    if tok.dep_ in ("nsubj", "sb") and head.pos_ in ("VERB", "AUX") and head.morph.get("Number"):
        return head.morph.get("Number") == ["Plur"]
    return tok.morph.get("Number") == ["Plur"]


def _plural_antecedent(c, t: int) -> str:
    """Die Lokführer streiten mit der Bahn. Sie werfen dem Konzern vor, … – plural "sie" names no single person and no
    organisation named in the singular ("die Bahn"): the nearest organisation before it (this sentence or the two before,
    outside quotations) whose name ends in a plural word ("die Grünen", "die Vereinten Nationen"; not an acronym), else
    no actor (switch
    ``plural_sie``)."""
    lo = c.toks[c.sents[max(0, c.sent_of[t] - 2)][0]].idx
    pos, best = c.toks[t].idx, NO_ACTOR
    for ms, me, m, actor in c.mentions:
        if ms < lo or me > pos or actor.actor_type != "organization":
            continue
        span = doc_span(c.doc, ms, me, "expand")
        if span is not None and c.in_quote[span.start] < 0 and span[-1].morph.get("Number") == ["Plur"] \
                and not span[-1].text.isupper():         # "die IADB": an acronym's number is a guess
            best = actor.key
    return best


PRONOUN_GENDER = {"er": "m", "sie": "f"}      # "sie" as a plural never names one person of the other gender either


DEMONSTRATIVE_SPEAKERS = ("dieser", "diese", "jener", "jene", "letzterer", "letztere")


@rule("speaker_demonstrative", "speaker")
def speaker_demonstrative(s: SpeakerSite) -> str | None:
    """Die Staatsanwaltschaft stützt sich auf den Berater Hans Meier. Dieser sagte, die Lage sei ernst. – a
    demonstrative pronoun as the speaker refers to the noun named last before it (in its sentence or the one before,
    outside quotations; for "dieser"/"jener" a masculine one): its actor when an actor is named there, else none;
    not the speaker of the claims before it, as "er" would."""
    c, sp = s.c, s.sp
    if sp[1] - sp[0] != 1 or c.low[sp[0]] not in DEMONSTRATIVE_SPEAKERS:
        return None
    si = c.sent_of[sp[0]]
    lo = c.sents[max(0, si - 1)][0]
    masc = c.low[sp[0]] in ("dieser", "jener", "letzterer")
    for t in range(sp[0] - 1, lo - 1, -1):
        tok = c.toks[t]
        if c.in_quote[t] >= 0 or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if masc and c.has_morph and tok.pos_ == "NOUN" and tok.morph.get("Gender") == ["Fem"]:
            continue
        a, b = tok.idx, tok.idx + len(tok.text)
        for ms, me, m, actor in c.mentions:
            if ms < b and me > a and actor.actor_type in ("person", "organization"):
                return actor.key
        return NO_ACTOR
    return NO_ACTOR


@rule("speaker_role", "speaker")
def speaker_role(s: SpeakerSite) -> str | None:
    """Der Minister sagte, … – a role noun heading the span, without a name, resolves to the person
    the article gave that role ("Außenminister Heiko Maas … Der Minister sagte"), else to the
    nearest person named before; not when the span names another actor or place ("Der
    Bürgermeister von New Orleans") and not when it describes its holder by a complement ("der
    Sicherheitsberater der südkoreanischen Regierung": an unnamed person, not the last-named one)."""
    from ..speaker import nearest_actor
    c, sp = s.c, s.sp
    h = _head(c, sp)
    if h is not None and h + 1 < sp[1] and c.R.switch("role_place_adjective") and c.toks[h].pos_ == "ADJ" \
            and not _is_role_noun(c, h) and _is_role_noun(c, h + 1):
        h += 1                          # "Der Berliner Virologe": the capitalised place adjective is no head
    ah = _age_head(c, sp) if c.R.switch("age_noun_speaker") else None
    if ah is not None:
        return _age_noun_person(s, ah)
    if h is not None and not _is_role_noun(c, h) and (g := _definite_person_noun(c, sp, h)) is not None:
        from .speaker_anaphor import subject_before_person
        return subject_before_person(s, g) or nearest_actor(c, sp[0], ("person",), s.prev, role=True, gender=g) or NO_ACTOR
    if h is None or not _is_role_noun(c, h):
        return None
    found = s.mentions(("person", "organization", "location", "other"))
    if found and _only_in_compound(c, found, h):
        pass                            # "Die frühere SPD-Chefin": the organisation only qualifies the role
    elif s.mentions(("person", "organization")) or (s.mentions(("location", "other")) and not (
            c.R.switch("role_place_adjective") and _places_before_head(c, s, h))):
        return None
    if c.R.switch("indefinite_role") and c.low[sp[0]] in INDEFINITE_ARTICLES:
        return NO_ACTOR                 # "ein Talibanführer", "eine Politikerin der Grünen": someone not named before
    titled = _titled_person(c, c.low[h], c.toks[sp[0]].idx)
    if titled is not None:
        return titled
    if any(c.low[t] in c.w.genitive_determiners | c.w.np_prepositions for t in range(h + 1, sp[1])):
        return NO_ACTOR                 # "der Sicherheitsberater der südkoreanischen Regierung"
    from .speaker_anaphor import subject_before_person
    return subject_before_person(s, _definite_role_gender(c, sp, h)) or nearest_actor(c, sp[0], ("person",), s.prev, role=True)


def _definite_role_gender(c: Ctx, sp: tuple[int, int], h: int) -> str | None:
    """"m" for "der Trainer", "f" for "die Trainerin"; None for any other article."""
    if c.low[sp[0]] == "der":
        return "m"
    return "f" if c.low[sp[0]] == "die" and c.low[h].endswith("in") else None


def _definite_person_noun(c: Ctx, sp: tuple[int, int], h: int) -> str | None:
    """Auch Kapitän Jannik Brüggemann bedauerte die Trennung. Man habe zu wenig geliefert, räumte der Rückraumspieler ein.
    – a speaker span of only a definite article, at most one adjective and a person noun (words.yaml person_noun_suffixes:
    "der Rückraumspieler", "die Krankenschwester", "der Dachdeckermeister") refers to the person named before, as a role
    noun does: its gender ("m" after "der", "f" after "die" with a feminine noun; plural "die Spieler" is none) for
    nearest_actor (switch ``definite_person_noun``); None for any other span."""
    from ..speaker import _person_noun
    if not c.R.switch("definite_person_noun") or h != sp[1] - 1 or sp[1] - sp[0] not in (2, 3) \
            or c.low[sp[0]] not in ("der", "die") or not _person_noun(c, h) or _names_any(c, sp):
        return None
    if sp[1] - sp[0] == 3 and c.toks[sp[0] + 1].pos_ != "ADJ":
        return None
    if c.low[sp[0]] == "der":
        return "m"
    return "f" if c.low[h].endswith(("in", "schwester", "frau")) else None


def _names_any(c: Ctx, sp: tuple[int, int]) -> bool:
    """Whether an actor mention overlaps the token span."""
    a, b = c.char_span(*sp)
    return any(min(b, me) > max(a, ms) for ms, me, m, actor in c.mentions)


def _age_head(c: Ctx, sp: tuple[int, int]) -> int | None:
    """The age noun heading the span after its determiner: "Der 50-Jährige", "Die Fünfzigjährige" (capitalised; words.yaml
    age_noun_suffixes; the parse often tags it as a particle), not the adjective of "der 81-jährige Besitzer"."""
    t = sp[0] + 1 if c.low[sp[0]] in c.w.determiners else sp[0]
    if t >= sp[1]:
        return None
    last = c.toks[t].text.rsplit("-", 1)[-1]
    return t if last[:1].isupper() and c.low[t].endswith(tuple(c.w.age_noun_suffixes)) else None


def _age_noun_person(s: SpeakerSite, h: int) -> str | None:
    """Bayern-Trainer Thomas Tuchel war enttäuscht. Der 50-Jährige sagte, die Mannschaft sei müde. – an age noun heading
    a speaker span without a name (German news refer to a person named before by age) is that person: the speaker of
    a recent claim or the nearest person named before (as for a role noun); no actor when the span names something
    else ("der 50-Jährige aus Köln") or when an unnamed person of that age came before ("Ein 34-jähriger Mann wurde
    festgenommen. Der 34-Jährige sagte, …": the noun phrase is the speaker) (switch ``age_noun_speaker``)."""
    from ..speaker import nearest_actor
    c, sp = s.c, s.sp
    if s.mentions(("person", "organization", "location", "other")):
        return None
    if any(c.is_nounish(t) and not c.is_punct(t) for t in range(h + 1, sp[1])):
        return NO_ACTOR
    age = c.low[h].split("-")[0] if "-" in c.low[h] else None
    if age and _unnamed_of_age(c, age, sp[0]):
        return NO_ACTOR
    from .speaker_anaphor import subject_before_person
    g = _age_noun_gender(c, sp, h)
    return subject_before_person(s, g) or nearest_actor(c, sp[0], ("person",), s.prev, gender=g) or NO_ACTOR


def _age_noun_gender(c: Ctx, sp: tuple[int, int], h: int) -> str | None:
    """Richter Thomas Brüggemann … Die 45-Jährige berichtete, … – "f" for "die/eine 45-Jährige", "m" for "der 45-Jährige",
    "ein 45-Jähriger": the age noun's gender, which a person titled or named as the other one cannot have (switch
    ``age_noun_gender``)."""
    if not c.R.switch("age_noun_gender") or h == sp[0]:
        return None
    art, noun = c.low[h - 1], c.low[h]
    if noun.endswith("jähriger") or art == "der":
        return "m"
    return "f" if art in ("die", "eine") and noun.endswith("jährige") else None


def _unnamed_of_age(c: Ctx, age: str, before: int) -> bool:
    """An indefinite noun phrase of that age before token ``before``: "ein 34-jähriger Mann", "Eine 34-Jährige"."""
    for t in range(before - 1, 0, -1):
        if c.low[t].startswith(age + "-") and c.low[t].endswith(tuple(c.w.age_noun_suffixes)) \
                and c.low[t - 1] in ("ein", "eine", "einen", "einem", "einer", "eines"):
            return True
    return False


INDEFINITE_ARTICLES = ("ein", "eine", "einer", "einem", "einen", "eines")


def _places_before_head(c: Ctx, s: SpeakerSite, h: int) -> bool:
    """Der Bonner Virologe sagte, … – every place named in the span stands before its role noun, as an adjective
    ("Bonner", "Berliner"), not after it as a complement ("Der Bürgermeister von New Orleans"): the role noun still
    resolves to the person who holds it (switch ``role_place_adjective``)."""
    end = c.toks[h].idx
    return all(ms < end for ms, me, m, actor in s.mentions(("location", "other")))


def _is_role_noun(c: Ctx, h: int) -> bool:
    return c.toks[h].text in c.R.role_heads or c.low[h].endswith(tuple(c.w.role_resolution_suffixes))


def _titled_person(c: Ctx, role: str, before: int) -> str | None:
    """The person named last before character ``before`` right after (or before) a title ending in
    ``role``: "Außenminister Heiko Maas", "Heiko Maas, der Außenminister" for "der Minister". Rule
    ``titled_person_gender``: a holder of the title in the role noun's own form comes first ("die Kanzlerin" is
    "Bundeskanzlerin Angela Merkel", not "Bundeskanzler Olaf Scholz" named later); the stem matches only without one."""
    stem = role[:-2] if role.endswith(("in", "en")) and not role.endswith(("berin", "terin")) else role
    best = exact = None
    for ms, me, m, actor in c.mentions:
        if ms >= before:
            break
        if actor.actor_type != "person" or m.label == "ROLE":
            continue
        span = doc_span(c.doc, ms, me, "expand")
        if span is None:
            continue
        near = []
        for t in range(span.start - 1, max(-1, span.start - 3), -1):      # "Außenminister Heiko Maas"
            if c.is_punct(t) or c.sent_of[t] != c.sent_of[span.start]:
                break
            near.append(t)
        if span.end < len(c.toks) and c.low[span.end] == ",":            # "Heiko Maas, der Außenminister,"
            for t in range(span.end + 1, min(len(c.toks), span.end + 5)):
                if c.is_punct(t):
                    break
                near.append(t)
        if any(c.low[t].endswith(stem) and c.in_quote[t] < 0 for t in near):
            best = actor.key
        if any(c.low[t].endswith(role) and c.in_quote[t] < 0 for t in near):
            exact = actor.key
    return exact if exact is not None and c.R.switch("titled_person_gender") else best
