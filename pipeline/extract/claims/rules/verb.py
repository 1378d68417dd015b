"""Rules started by a speech or cognition verb: dass/ob clauses, Konjunktiv and zu-infinitive
clauses, inverted frames, "wie X berichtete" and speech acts."""
from __future__ import annotations

import re

from pipeline.extract import gates

from ..clauses import (
    apposition_comma, attach_aux, clause_end, clause_start, embedded_end, frame_words, in_parens, is_clause,
    halten_fuer, is_correlate, is_passive, is_relative, konj_end, msg_around, msg_without, next_comma, strip_end, _finite_ind,
    trim_addressee)
from ..context import Ctx, Found, Hit, PUNCT_END
from ..verb_gates import may_claim, stage_needs
from ..registry import rule
from ..speaker import (
    bad_speaker, coordinated_subject, disagrees_with_verb, find_subject, grab_np, has_actor, np_before, outer_frame_speaker, passive_agent,
    plausible_speaker, subject_after, with_name_apposition, subject_before_comma, subject_dep, conjunct_subject)


FINITE_TAGS = {"VVFIN", "VAFIN", "VMFIN"}
FRAME_PP_EXCLUDED = ("von", "vom", "über", "für", "zu", "zum", "zur", "als", "wie")   # topic/purpose: the PP may be the object
INFINITE_TAGS = {"VVPP", "VVINF", "VVIZU", "VAINF", "VAPP", "VMINF", "VMPP", "VBN", "VB"}
def _zu_form(c: Ctx, w: str) -> bool:
    """A zu-infinitive of a particle verb ("aufzuheben"; with words.yaml zu_particles and switch ``zu_particles`` also
    "niederzulegen", "zuzustimmen", "sicherzustellen", "offenzulegen")."""
    if ZU_INFINITIVE.fullmatch(w) is not None:
        return True
    return c.R.switch("zu_particles") and w.endswith("n") and any(
        w.startswith(p + "zu") and len(w) >= len(p) + 5 for p in c.w.zu_particles)


NOMINATIVE_PRONOUNS = ("er", "ich", "wir", "du")       # never an object or addressee
V2_MAX_FIELD = 6      # the finite verb of a verb-second clause follows within this many tokens

ZU_INFINITIVE = re.compile(r"(an|auf|aus|ein|mit|vor|zurück|ab|her|hin|bei|fest|zusammen|weiter|fort|nach|dar|durch|um|"
                          r"wieder|heraus|herbei|hinzu|bereit|frei|voran|vorbei|los|weg|bekannt|statt|teil)zu\w+e?n")


def speakerless_frame(c: Ctx, h: Hit) -> bool:
    """Im April wurde bekannt, dass Warrington an Krebs litt. / Wie gestern bekannt wurde, befindet sich … – a frame
    verb that names no one as its source (words.yaml speakerless_verbs: "bekannt werden"): the claim has no speaker,
    the subject found in its clause ("Im April") is none (switch ``speakerless_frame``)."""
    return c.R.switch("speakerless_frame") and h.entry.lemma in c.w.speakerless_verbs


def source_pp(c: Ctx, h: Hit, lo: int, hi: int) -> tuple[int, int] | None:
    """Wie aus einer Verlautbarung der ISAF hervorgeht, … / Aus der Mitteilung geht hervor, dass … – a verb whose source is
    an "aus" phrase in its clause (words.yaml aus_source_verbs: "hervorgehen"): the noun phrase after "aus" is the
    speaker, as the Wikinews annotation has it (the document); the subject ("das", "dies") is none (switch ``source_pp``)."""
    if not c.R.switch("source_pp") or h.entry.lemma not in c.w.aus_source_verbs:
        return None
    for k in range(lo, hi - 1):
        if c.low[k] == "aus" and c.in_quote[k] < 0 and k not in h.particle:
            sp = grab_np(c, k + 1, hi, allow_oblique=True)
            return sp if sp is not None and sp[0] == k + 1 else None
    return None


def _particle_name(c: Ctx, k: int, limit: int) -> tuple[int, int] | None:
    """von der Leyen / zu Guttenberg / van Gaal at k: a surname particle (words.yaml name_particles), "der"/"den" after
    it, then one or two capitalized words; None where no such run starts at k."""
    if k >= limit or c.low[k] not in c.w.name_particles or c.in_quote[k] >= 0:
        return None
    j = k + 1
    if j < limit and c.low[j] in ("der", "den") and c.low[k] in ("von", "van"):
        j += 1
    e = j
    while e < limit and e - j < 2 and c.toks[e].text[:1].isupper() and c.toks[e].text.replace("-", "").isalpha() \
            and c.low[e] not in c.w.time_nouns:
        e += 1
    return (k, e) if e > j else None


def particle_name_subject(c: Ctx, h: Hit, lo: int, hi: int) -> tuple[int, int] | None:
    """…, sagte von der Leyen. / Von der Leyen sagte, … – a surname opening with a particle ("von der Leyen", "zu
    Guttenberg") looks like a PP to the parse; a speech verb without any other subject that has such a run right after
    it, closing its clause (a punctuation mark or the clause end next), or right before it at the clause start, has it
    as its speaker (switch ``particle_name``)."""
    if not c.R.switch("particle_name"):
        return None
    last = max([h.i, *h.particle, *h.aux])
    after = _particle_name(c, h.i + 1, hi) if not h.particle or h.particle[0] > h.i + 1 else None
    if after is not None and (after[1] >= hi or c.low[after[1]] in (",", ".", ";", ":", "!", "?", "(", "–")
                              or c.low[after[1]] in c.w.skippable or c.low[after[1]] in c.w.time_nouns
                              or c.low[after[1]] in ("am", "im", "in", "gegenüber", "bei", "beim")
                              or [after[1]] == h.particle[:1]):
        return after
    first = h.aux[0] if h.aux and h.aux[0] < h.i else h.i
    before = _particle_name(c, lo, first)
    if before is not None and before[1] == first and last >= first:
        return before
    return None


class VerbSite:
    """A speech or cognition verb ``h`` in sentence ``si`` = [a, b): its clause [lo, hi), the last
    token of its verb group, its speaker ``sp`` and the cue words; ``out`` holds the sentence's
    claims so far, ``used`` its used tokens. ``only_inverted``: the verb frames a quotation
    already and may only frame an inverted clause too."""

    def __init__(self, c: Ctx, h: Hit, si: int, a: int, b: int, used: set[int], out: list[Found],
                 only_inverted: bool):
        self.c, self.h, self.si, self.a, self.b = c, h, si, a, b
        self.used, self.out, self.only_inverted = used, out, only_inverted
        attach_aux(c, h, b)
        self.classes = h.classes
        self.last = max([h.i, *h.particle, *h.aux])
        self.lo = clause_start(c, h.i, a)
        self.hi = next((m for m in range(h.i + 1, b) if c.low[m] in (",", ";", ":") and c.in_quote[m] < 0
                        and m > self.last), b)
        needs = stage_needs(c.stages["verb"]) if gates.on("verb_sites") else None
        self.dead = needs is not None and not may_claim(c, h, a, b, self.lo, self.hi, needs)
        if self.dead:                   # no verb rule can frame this site (verb_gates): no speaker search
            return
        self.passive = is_passive(c, h)
        self.coordinated_v1 = False     # set by _speaker: "…, fordern aber X" continues the clause before
        self.sp = self._speaker()
        if self.sp is not None and self.sp[0] < self.hi < self.sp[1] and c.R.switch("v2_finite_position") \
                and self.sp[0] > h.i:
            self.sp = (self.sp[0], self.hi)     # "meldeten die Nachrichten der Tagesschau, Feldmann rechne …": not across the comma
        self.subordinate = c.low[self.lo] in c.w.subordinators and self.lo < h.i \
            and not (c.R.switch("als_vorfeld") and als_vorfeld(c, self.lo, h.i, b))
        cue = sorted({h.i, *h.particle, *h.aux})
        if self.lo > a and c.low[self.lo - 1] == "," and c.low[self.lo] in ("wie",) and h.i > self.lo:
            cue = sorted({self.lo, *cue})
        first = cue[0]
        if c.R.switch("cue_frame_words") and first > a and c.low[first - 1] == "es" and self.sp is None \
                and first - 1 == self.lo and c.in_quote[first - 1] < 0:
            cue = [first - 1, *cue]     # "Es wird vermutet, dass …": the expletive subject joins the cue
        self.cue = cue
        self._segment: tuple | None = None

    def _speaker(self) -> tuple[int, int] | None:
        c, h, lo, hi = self.c, self.h, self.lo, self.hi
        if speakerless_frame(c, h):
            return None
        src = source_pp(c, h, lo, hi)
        if src is not None:
            return src
        sp = find_subject(c, h, lo, hi) if not self.passive else passive_agent(c, lo, hi)
        if sp and (sp[1] - sp[0] == 1 and c.low[sp[0]] in c.R.not_speakers or bad_speaker(c, sp)):
            sp = None
        if sp is None and not self.passive:
            sp = particle_name_subject(c, h, lo, hi)
        if c.R.switch("als_vorfeld_subject") and not self.passive:
            sp = _als_vorfeld_subject(c, h, sp, lo, hi, self.b)
        if c.R.switch("coordinated_v1") and (self._coordinated_v1(sp) if sp is not None else self._subjectless_v1()):
            self.coordinated_v1 = True
            sp = coordinated_subject(c, self.a, lo - 1)
            if sp is None:              # the subject opening the sentence: "Die Rothemden begrüßten …, fordern aber"
                first = grab_np(c, self.a, lo - 1)
                sp = first if first is not None and first[0] == self.a and plausible_speaker(c, first) \
                    and not bad_speaker(c, first) else None
        if sp is None and h.i > lo and c.low[h.i - 1] in ("und", "sowie") and not self.passive:
            sp = coordinated_subject(c, c.sents[self.si][0], h.i - 1)     # "… und teilte mit, dass …"
        if sp is None and c.R.switch("outer_frame") and self.passive:
            sp = outer_frame_speaker(c, self.last + 1, self.b)    # "Es könne nicht bestätigt werden, dass …, teilte X mit"
        first = h.aux[0] if h.aux and h.aux[0] < h.i else h.i
        if sp is not None and sp[1] < first and c.R.switch("final_apposition"):
            sp = with_name_apposition(c, sp, first)     # "Die Chefjuristin, Anabella Morfin verwies darauf"
        return sp

    def _coordinated_v1(self, sp: tuple[int, int]) -> bool:
        """Die Rothemden begrüßten die Ankündigung, fordern aber die Nennung eines Datums. – a finite
        verb right after a comma whose noun phrase after it cannot be its subject (number or
        accusative) opens a coordinated clause with the subject of the clause before; the noun
        phrase is its object and never speaks, and the verb is no inverted frame."""
        c, h, lo = self.c, self.h, self.lo
        return h.i == lo and lo > self.a and c.low[lo - 1] == "," and sp[0] > h.i and not self.passive \
            and disagrees_with_verb(c, h.i, sp)

    def _subjectless_v1(self) -> bool:
        """Internationale Wahlbeobachter monieren Unregelmäßigkeiten, sprechen aber davon, dass … – a
        finite verb right after the comma of a main clause, with no subject of its own, shares the
        subject of that clause (asyndetic coordination)."""
        c, h, lo, a = self.c, self.h, self.lo, self.a
        if not (h.i == lo and lo > a + 1 and c.low[lo - 1] == "," and not self.passive and c.has_pos) \
                or c.low[a] in c.w.subordinators or c.in_quote[lo] >= 0 or c.in_quote[a] >= 0 \
                or h.entry.participle or not c.toks[h.i].morph.get("Person"):
            return False
        np_ = grab_np(c, a, lo - 1)
        v2 = np_ is not None and np_[0] == a and np_[1] < lo - 1 and c.toks[np_[1]].text.isalpha() \
            and c.toks[np_[1]].text.islower() and not c.is_konj(np_[1])     # "Wahlbeobachter monieren …" (any tag)
        return (v2 or any(c.toks[t].pos_ in ("VERB", "AUX") and c.toks[t].morph.get("Person") and c.in_quote[t] < 0
                          and not c.is_konj(t) for t in range(a, lo - 1))) \
            and not any(c.low[t] in (",", ";", ":") or c.low[t] in c.w.subordinators for t in range(a, lo - 1))

    def found(self, msg: tuple[int, int], sp, cue: list[int], ctype: str, rule_id: str, **kw) -> Found:
        if sp is not None and self.c.R.switch("plausible_speaker") and not plausible_speaker(self.c, sp):
            sp = None                   # "Erstbegehungsgefahr bestehe, weil …": no one speaks
        return Found(msg, None, sp, cue, ctype, rule_id, self.si, **kw)

    def segment(self) -> tuple:
        """The clause after the verb's comma, once: ("konj", start) for a Konjunktiv clause,
        ("zu", start, end) for a zu-infinitive, ("none",) else. An apposition of the speaker on the
        way extends ``sp`` ("der Direktor der IAEO, Mohammed el-Baradei,")."""
        if self._segment is None:
            self._segment = self._walk_segments()
        return self._segment

    def _walk_segments(self) -> tuple:
        c, b, k = self.c, self.b, self.hi
        if self.only_inverted:
            b = colon_quote_bound(self)         # "sagte, die Belegschaft werde …: „…“" (clm21)
            if b is None:
                return ("none",)
        if not (k < b and c.low[k] == "," and (self.sp is not None or self.passive or self._main_speech_verb())):
            return ("none",)
        seg_start = k + 1
        if self._parenthetical(seg_start) or self._v1_coordinated(seg_start):
            return ("none",)            # "Die Regierung, sagte der Sprecher, werde …": verb_inverted frames the sentence
        msg_start = None                # set when a verbless segment opens the message
        for _ in range(4):
            seg_end = next_comma(c, seg_start, b)
            if self._skip_segment(seg_start, seg_end, msg_start):
                seg_start = seg_end + 1
                continue
            if msg_start is None and self._fronted_clause(seg_start, seg_end):
                msg_start, seg_start = seg_start, seg_end + 1      # "sagte, wenn …, werde …": the message opens with it
                continue
            if self._ends_walk(seg_start):
                break
            konj = any(c.is_konj(t) for t in range(seg_start, seg_end)) or _slot_konj(c, seg_start, seg_end)
            if self._apposition(seg_start, seg_end, konj):
                seg_start = seg_end + 1
                continue
            if konj and (self.sp is not None or self._main_speech_verb() or self._passive_main_frame()):
                return ("konj", msg_start if msg_start is not None else seg_start)
            if msg_start is None and self._v2_clause(seg_start, seg_end):
                return ("v2", seg_start)
            e = self._zu_end(seg_start, strip_end(c, seg_start, seg_end))
            if e is not None:
                return ("zu", msg_start if msg_start is not None else seg_start, e)
            if self._verbless(seg_start, seg_end):
                # a fronted phrase: "erklärte die Ministerin, in den Bundesländern, in denen …, sei …"
                msg_start = seg_start if msg_start is None else msg_start
                seg_start = seg_end + 1
                continue
            break
        return ("none",)

    def _skip_segment(self, s: int, e: int, msg_start: int | None) -> bool:
        """A segment the walk steps over: a relative clause ("beantragt, die Beklagten zu verurteilen" opens with an
        article, no relative clause), or, once the message has begun, a subordinate clause inside it ("den Tank an
        einer Zapfsäule, wie es sie … gibt, zu befüllen")."""
        c, b = self.c, self.b
        if s < b and is_relative(c, s) and not self._no_antecedent(s) and not self._zu_infinitive(s, strip_end(c, s, e)):
            return True
        return msg_start is not None and s < b and c.low[s] in c.w.subordinators - {"dass", "ob"} and e < b

    def _ends_walk(self, s: int) -> bool:
        """A segment opening with a subordinator (or um/und/weil) ends the walk, unless "damit"/"da" is followed by a
        Konjunktiv verb."""
        c, b = self.c, self.b
        return s < b and c.low[s] in c.w.subordinators | {"um", "und", "weil"} and not (
            s + 1 < b and c.low[s] in ("damit", "da") and c.is_konj(s + 1))

    def _fronted_clause(self, s: int, e: int) -> bool:
        """Bush befürchtet, sobald er sich der Meinung el-Baradeis anschließe, werde der Druck zunehmen. – a subordinate
        clause ("wenn", "sobald", "falls", "weil" …; not "dass", "ob", "wie") right after the verb's comma, closed by a
        comma before a finite Konjunktiv verb, is fronted in the reported main clause: the message starts with it.
        Switch ``fronted_clause_konj``."""
        c, b = self.c, self.b
        if not c.R.switch("fronted_clause_konj") or e + 1 >= b or s + 2 >= e or c.in_quote[s] >= 0:
            return False
        if c.low[s] not in (c.w.subordinators | c.w.clause_openers) - {"dass", "ob", "wie", "damit", "da", "als"}:
            return False
        f = e + 1
        return c.low[f] in c.w.konjunktiv2_reported or (c.is_konj(f) and c.toks[f].text.islower())

    def _verbless(self, s: int, e: int) -> bool:
        """A short segment (at most 8 tokens) without a verb, before another comma."""
        c = self.c
        return c.has_pos and e < self.b and e - s <= 8 and not any(c.toks[t].pos_ in ("VERB", "AUX") for t in range(s, e))

    def _parenthetical(self, k: int) -> bool:
        """Die Regierung, sagte der Sprecher, werde die Pläne prüfen. – a speech verb right after a comma, its subject
        after it, and a finite verb right after its own closing comma: the frame is inserted into the message (whose
        Vorfeld stands before it); the clause after the comma is no clause of its own but the rest of the message,
        and the noun phrase before the frame is no speaker. Switch ``parenthetical_frame``."""
        c, h, lo = self.c, self.h, self.lo
        so = c.low[lo] == c.R.so_marker and h.i == lo + 1      # "…, so vermutet die Zeitung, dürfte …"
        if not (c.R.switch("parenthetical_frame") and c.has_pos) or k >= self.b or (h.i != lo and not so) \
                or lo <= self.a or c.low[lo - 1] != "," or c.in_quote[lo - 1] >= 0 or c.in_quote[k] >= 0 \
                or self.passive:
            return False
        if subject_after(c, self.last, self.hi) is None:
            return False
        return self._v1_finite(k)

    def _v1_finite(self, k: int) -> bool:
        """A finite verb (or Konjunktiv) at k, right after a comma: the clause there opens with its verb."""
        c, tok = self.c, self.c.toks[k]
        return tok.text.islower() and tok.tag_ not in INFINITE_TAGS and c.in_quote[k] < 0 and (c.is_konj(k) or (
            tok.pos_ in ("VERB", "AUX") and (tok.tag_ in FINITE_TAGS or "Fin" in tok.morph.get("VerbForm"))))

    def _v1_coordinated(self, k: int) -> bool:
        """Die Sprecherin erklärte, man bedaure die Entscheidung, werde sie aber akzeptieren. – after a verb with an object
        before its comma ("bedaure die Entscheidung"), a clause opening with a finite verb that runs to the sentence end
        is a second predicate of the same subject (coordinated, "aber"), no clause the verb frames (a conditional
        "…, werde nichts getan, drohe …" has a main clause after its comma). Switch ``v1_coordinated``."""
        c = self.c
        if not (c.R.switch("v1_coordinated") and c.has_pos) or k >= self.b or not self._v1_finite(k) \
                or self.lo >= self.h.i or c.low[self.lo] == c.R.so_marker:
            return False                # the subject before the verb ("man bedaure"), no inverted frame
        rest = [t for t in range(self.last + 1, self.hi) if t not in self.h.particle
                and c.low[t] not in c.w.skippable and c.low[t] not in c.w.time_nouns and c.in_quote[t] < 0]
        return bool(rest) and strip_end(c, k, self.b) <= next_comma(c, k, self.b)     # the clause runs to the end

    def _no_antecedent(self, k: int) -> bool:
        """Der Minister sagte, die Schuldenbremse gelte. – "der/die/das" before a noun or adjective right after the
        comma that closes the speech verb's clause, with no noun or pronoun between the verb and the comma (its
        particle, auxiliary or an adverb only), has nothing to refer to: it is the article of the next clause's
        subject, no relative pronoun (our model tags it PRELS when the clause is short and its verb ends it). Switch
        ``no_antecedent_article``."""
        c = self.c
        if not c.R.switch("no_antecedent_article") or k != self.hi + 1 or c.low[k] not in ("der", "die", "das") \
                or not c.has_pos:
            return False
        if k + 1 >= self.b or (c.toks[k + 1].pos_ not in ("NOUN", "PROPN", "ADJ")
                               and c.toks[k + 1].tag_ not in ("NN", "NE", "ADJA")):
            return False                # "…, die von Konfliktparteien ausgeübt würden": a relative clause
        if any(c.toks[t].pos_ in ("NOUN", "PROPN", "PRON", "NUM") or c.in_quote[t] >= 0
               for t in range(self.h.i + 1, self.hi)):
            return False                # "wiesen auf die Gefahren hin, die …": an antecedent
        # a verb at the end of its clause ("hat … angekündigt", "…, weil er … nannte"): a relative clause extraposed
        # after it refers to a noun of that clause's middle field ("hat einen Plan vorgestellt, der …")
        first = min(self.h.aux) if self.h.aux and min(self.h.aux) < self.h.i else (
            self.lo if self.lo < self.h.i and c.low[self.lo] in c.w.subordinators else None)
        sp = self.sp or (self.hi, self.hi)
        return first is None or not any(c.toks[t].pos_ in ("NOUN", "PROPN", "NUM") and not sp[0] <= t < sp[1]
                                        for t in range(first + 1, self.h.i))

    def _main_speech_verb(self) -> bool:
        """A finite verb of saying that ends its main clause ("Die Zeitung … in Südkorea meldete, Kim habe …") frames
        the clause after its comma even where no subject was found (the parse may lose it)."""
        c, h = self.c, self.h
        ends = self.last + 1 == self.hi or (c.R.switch("main_verb_adverbs") and self.hi - self.last <= 4 and all(
            c.low[t] in c.w.skippable or c.low[t] in c.w.time_nouns or c.low[t] in ("am", "vom")
            for t in range(self.last + 1, self.hi)))      # "… sagte gestern, man erwäge …"
        return "speech" in self.classes and self.lo == self.a and not self.passive and not h.entry.participle \
            and ends and c.toks[h.i].text[:1].islower() and bool(c.toks[h.i].morph.get("Mood"))

    def _passive_main_frame(self) -> bool:
        """Als Begründung wurde angegeben, die Bürger nutzten kleinere Tonnen. – a passive speech verb ending the main
        clause ("wurde betont", "war erklärt worden") frames the clause after its comma like an active one; its speaker
        is the "von" agent where there is one, else none. Switch ``passive_frame_clause``."""
        c, h, a = self.c, self.h, self.a
        if not (c.R.switch("passive_frame_clause") and self.passive and "speech" in self.classes and self.lo == a
                and c.in_quote[h.i] < 0 and c.has_pos and h.entry.lemma not in c.w.question_cues):
            return False
        first = c.toks[a]
        als_noun = c.low[a] == "als" and a + 2 < len(c.toks) and c.toks[a + 1].pos_ == "NOUN" \
            and (a + 2 in h.aux or a + 2 == h.i)             # "Als Begründung wurde angegeben": no subordinate clause
        impersonal = als_noun or (c.low[a] not in c.w.subordinators and (
            first.pos_ in ("ADP", "ADV") or c.low[a] in c.w.skippable or c.low[a] in ("es", "daraus", "dazu", "hierzu")
            or c.low[a] in c.w.time_nouns or (a + 1 < len(c.toks) and c.low[a + 1] in c.w.time_nouns)))
        return impersonal and all(c.low[t] in c.w.skippable or t in h.aux or t in h.particle
                                  for t in range(self.last + 1, self.hi)) \
            and not _passive_subject(c, h, a)      # "Das Gesetz wurde beschlossen, …" / "Nach dem Urteil sind X erklärt worden"

    def _v2_clause(self, seg_start: int, seg_end: int) -> bool:
        """"Der Minister sagte, die Lage ist ernst": a main clause in the indicative (or Konjunktiv
        II) right after a speech verb that ends its clause (nothing but its subject after it)."""
        c = self.c
        if not self._v2_frame_ends(seg_start, seg_end):
            return False
        first = c.low[seg_start]
        if first in c.w.purpose_openers and "zu" not in c.low[seg_start:seg_end] \
                and not any(_zu_form(c, w) for w in c.low[seg_start:seg_end]):
            pass                        # "behaupten, ohne den ist es kein Sazerac": a preposition, no "ohne … zu"
        elif first in c.w.subordinators or first in c.w.question_words or first in c.w.v2_blockers \
                or c.in_quote[seg_start] >= 0:
            return False
        return self._v2_finite(seg_start, seg_end)

    def _v2_frame_ends(self, seg_start: int, seg_end: int) -> bool:
        """The speech verb ends its clause (nothing but its subject, particle, auxiliary or a frame PP after it):
        a V2 clause after the comma may be its message."""
        c = self.c
        if not c.has_pos or "speech" not in self.classes or (self.sp is None and not (
                self._passive_main_frame() and self.h.entry.lemma in c.w.colon_frame_verbs)) \
                or seg_start >= seg_end \
                or (self.h.entry.participle and not self.h.aux):
            return False                # "… Bitters genannt, wurden letztere …": an attribute, no frame
        sp = self.sp or (self.hi, self.hi)
        rest = [t for t in range(self.h.i + 1 if self.h.particle else self.last + 1, self.hi)
                if not (sp[0] <= t < sp[1]) and c.low[t] not in c.w.skippable | c.w.time_nouns
                and t not in self.h.particle and t not in self.h.aux and c.in_quote[t] < 0
                and c.low[t] not in c.w.pronominal_adverbs]
        if rest and not (c.R.switch("v2_frame_pp") and _frame_pps(c, rest, self.h)):
            return False                # "kritisierte die Medien, das Haus …" / "lud Trump nach Nordkorea ein, er …": an object
        return True

    def _v2_finite(self, seg_start: int, seg_end: int) -> bool:
        """A finite verb in the second position of the clause (also one the parse tagged an adjective or
        adverb), and no zu-infinitive."""
        c = self.c
        robust = c.R.switch("v2_finite_position")
        if robust and self._zu_infinitive(seg_start, strip_end(c, seg_start, seg_end)):
            return False                # "…, den Vorschlag prüfen zu lassen": a zu-infinitive (verb_zu)
        if robust and slot_mistag(c, seg_start, seg_end):
            return True                 # "sagte, viele Landwirte in der Region stünden …" (tagged an adjective)
        np_end = _v2_subject_end(c, seg_start, seg_end) if robust else None
        pp_end = _pp_vorfeld_end(c, seg_start, seg_end) if robust and c.R.switch("pp_vorfeld_slot") else None
        for t in range(seg_start + 1, min(seg_end, seg_start + V2_MAX_FIELD + 1)):
            tok = c.toks[t]
            if t == pp_end and tok.tag_ in ("ADJA", "ADJD") and _mistagged_finite(c, t):
                return True             # "Die Behörde warnte, bei Glätte drohten Unfälle." (tagged an adjective)
            if tok.pos_ in ("VERB", "AUX"):
                return tok.text.islower() and tok.tag_ not in INFINITE_TAGS and (
                    bool(tok.morph.get("Mood")) or (robust and tok.tag_ in FINITE_TAGS))
            if t == np_end and _mistagged_finite(c, t):
                return True             # "Die Tagesschau meldete, Feldmann rechne mit …" ("rechne" tagged an adverb)
        return False

    def _apposition(self, seg_start: int, seg_end: int, konj: bool) -> bool:
        sp = self.sp
        if sp is not None and sp[1] == seg_start - 1 and seg_end < self.b and not konj:
            ap = grab_np(self.c, seg_start, seg_end, appos=False)
            if ap and ap[1] == seg_end:
                self.sp = (sp[0], seg_end)
                return True
        return False

    def _zu_end(self, seg_start: int, e: int) -> int | None:
        """The end of a zu-infinitive clause [seg_start, e), or None; with switch ``zu_dash_apposition`` also one that a
        dash apposition follows ("…, ihre Häuser zu verlassen – die Hälfte davon in Hiroshima": the dash)."""
        if self._zu_infinitive(seg_start, e):
            return e
        c = self.c
        d = next((t for t in range(seg_start + 2, e) if c.low[t] in ("–", "—", "-") and c.in_quote[t] < 0), None)
        return d if d is not None and c.R.switch("zu_dash_apposition") and self._zu_infinitive(seg_start, d) else None

    def _zu_infinitive(self, seg_start: int, e: int) -> bool:
        c = self.c
        return "speech" in self.classes and e - seg_start >= 2 and c.in_quote[e - 1] < 0 and (
            c.low[e - 2] == "zu" or (c.has_pos and c.toks[e - 1].tag_ == "VVIZU")
            or _zu_form(c, c.low[e - 1]))


def _als_vorfeld_subject(c: Ctx, h: Hit, sp: tuple[int, int] | None, lo: int, hi: int,
                         b: int) -> tuple[int, int] | None:
    """Als Begründung gaben die USA an, … / Als wichtige Aufgabe sah es Köhler an, … zu … – in a main clause whose
    Vorfeld is an "als" predicate (as ``als_vorfeld``, also with a noun tagged a name), the noun phrase of that predicate never speaks: the subject is the
    one after the finite verb (past "es"). Switch ``als_vorfeld_subject``."""
    if c.low[lo] != "als" or not lo + 1 < h.i <= lo + 6 or h.i + 1 >= b or (sp is not None and sp[0] > h.i):
        return sp
    if c.low[h.i + 1] in PUNCT_END | {",", ";", ":", "und", "oder", "sowie"} or not all(
            c.toks[t].pos_ in ("DET", "ADJ", "NOUN", "PROPN") for t in range(lo + 1, h.i)) \
            or c.toks[h.i - 1].pos_ not in ("NOUN", "PROPN"):
        return sp                       # "Als die NASA die Zahlen nannte, …": a temporal clause
    after = subject_after(c, h.i, hi)
    if after is None:                   # "sieht es der 53-jährige Uribe an" (the parse reads a dative: no addressee here)
        k = h.i + 1 + (c.low[h.i + 1] == "es")
        after = grab_np(c, k, hi) if k < hi and c.low[k] in c.w.determiners else None
        after = after if after is not None and after[0] == k and plausible_speaker(c, after) else None
    return after if after is not None and not bad_speaker(c, after) else None


def _passive_subject(c: Ctx, h: Hit, a: int) -> bool:
    """A noun phrase between the finite auxiliary and the participle of a passive speech verb that no preposition or
    dative article opens: the passive's subject (a personal passive, "sind Online-Durchsuchungen … erklärt worden"),
    no impersonal frame."""
    fin = next((t for t in range(a, h.i) if (c.low[t] in c.R.auxiliaries or c.toks[t].pos_ == "AUX") and c.in_quote[t] < 0),
               min([h.i, *h.aux]))
    for t in range(fin + 1, h.i):
        if c.toks[t].pos_ not in ("NOUN", "PROPN", "NUM"):
            continue
        k = t
        while k > fin + 1 and c.toks[k].pos_ != "DET" and c.toks[k - 1].pos_ in ("DET", "ADJ", "NUM", "NOUN", "PROPN"):
            k -= 1                      # back to the article opening the noun phrase
        if not (c.toks[k - 1].pos_ == "ADP" or c.toks[k].pos_ == "ADP"
                or c.low[k] in ("dem", "einem", "ihm", "ihr", "ihnen", "allen", "des", "eines")):
            return True                 # (a dative addressee, a genitive attribute or a PP is no subject)
    return False


def _frame_pps(c: Ctx, rest: list[int], h: Hit) -> bool:
    """Der Innenminister sagte am Montag in Berlin, die Grenzkontrollen zeigten Wirkung. – the words left between a
    speech verb and its comma are prepositional phrases of place, time or occasion ("in Berlin", "vor Journalisten",
    "nach dem Treffen"), no object: each run of them opens with a preposition and holds no verb, quotation or
    particle of another verb. Switch ``v2_frame_pp``; switch ``skipped_preposition``: "im"/"am" (words.yaml skippable,
    left out of ``rest``) before the first word opens its PP ("sagte im Interview: …", "sagte gegenüber der dpa, …");
    switch ``dative_addressee_frame``: a dative addressee right after the verb ("sagte der Nachrichtenagentur Reuters, …")."""
    if not c.has_pos:
        return False
    t0 = rest[0]
    skipped = c.R.switch("skipped_preposition") and t0 > 0 and c.low[t0 - 1] in c.w.skippable \
        and c.toks[t0 - 1].pos_ == "ADP" and c.in_quote[t0 - 1] < 0 and c.low[t0 - 1] not in FRAME_PP_EXCLUDED
    if skipped:
        pass                            # "sagte im Interview, …", "sagte gegenüber der dpa, …": the left-out word opens the PP
    elif c.R.switch("dative_addressee_frame") and _dative_addressee(c, t0, h):
        pass                            # "sagte der Nachrichtenagentur Reuters, …": the addressee, no object
    elif c.low[t0] not in c.w.function_words or c.low[t0] in FRAME_PP_EXCLUDED \
            or not (c.toks[t0].pos_ == "ADP" or c.toks[t0].tag_ in ("APPR", "APPRART")):
        return False
    return all(c.toks[t].pos_ not in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ") and c.low[t] not in (":", ";", "(")
               and c.low[t] not in FRAME_PP_EXCLUDED
               and c.low[t] not in c.w.separable_particles - c.w.function_words for t in rest)


DATIVE_OPENERS = ("der", "einer", "ihrer", "seiner", "unserer", "meiner", "dieser")   # with words.yaml dative_words but "den"


def _dative_addressee(c: Ctx, t0: int, h: Hit) -> bool:
    """Der Minister sagte der Nachrichtenagentur Reuters, die Lage ist ernst. / …, sagte dem „Spiegel“: … – a noun phrase
    right after the verb that opens with a dative article or pronoun ("dem", "der", "einem", "ihm"; not the accusative
    "den", "die") is the addressee of a verb of saying (not of one that takes an accusative person, words.yaml
    object_control_verbs): no object that would take the clause after the comma."""
    w = c.low[t0]
    return t0 == h.i + 1 + len([p for p in h.particle if p == h.i + 1]) and c.in_quote[t0] < 0 \
        and (w in c.w.dative_words and w != "den" or w in DATIVE_OPENERS) \
        and h.entry.lemma not in c.w.object_control_verbs and c.toks[t0].pos_ in ("DET", "PRON")


def _v2_subject_end(c: Ctx, seg_start: int, seg_end: int) -> int | None:
    """The token after the noun phrase that opens a clause (its subject in verb-second order), or None."""
    np_ = grab_np(c, seg_start, seg_end)
    if np_ is None or np_[0] != seg_start or np_[1] >= seg_end or np_[1] - seg_start > V2_MAX_FIELD:
        return None
    return np_[1]


def _pp_vorfeld_end(c: Ctx, k: int, e: int) -> int | None:
    """Die Behörde warnte, bei Glätte drohten Unfälle. – the token after a prepositional phrase that opens a clause
    [k, e) and ends in a noun (its first constituent; the finite verb's place in verb-second order), or None; a word
    there that our model tags an adjective is the finite verb (no adjective follows the noun closing a phrase).
    Switch ``pp_vorfeld_slot``."""
    if k + 1 >= e or c.toks[k].pos_ != "ADP" or c.in_quote[k] >= 0 or not c.toks[k].text.islower():
        return None
    np_ = grab_np(c, k + 1, e, appos=False)
    if np_ is None or np_[0] != k + 1 or np_[1] >= e or np_[1] - k > V2_MAX_FIELD \
            or c.toks[np_[1] - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    return np_[1]


def _slot_konj(c: Ctx, k: int, e: int) -> bool:
    """The finite verb in the verb-second slot of clause [k, e) is a Konjunktiv I our model mistagged (``_slot_e``,
    ``slot_mistag`` in -e)."""
    return _slot_e(c, k, e) or slot_mistag(c, k, e, konj=True)


def _slot_e(c: Ctx, k: int, e: int) -> bool:
    """Er sagte, die Regierung versage. / Das Unternehmen wachse, sagte der Vorstandschef. – the word right after the
    noun phrase that opens a clause [k, e) stands where its finite verb must be (verb second); a lower-case word in -e
    there that our model tags a noun, adjective, adverb, article or participle but lemmatizes to the infinitive ("versage" ->
    "versagen", "wachse" -> "wachsen") is the verb's Konjunktiv I, unless a noun or adjective follows it (attributive:
    "die anhaltende Krise"). Switch ``finite_slot_e``."""
    if not (c.R.switch("finite_slot_e") and c.has_pos) or k >= e:
        return False
    t = _v2_subject_end(c, k, e)
    if t is None and c.R.switch("pp_vorfeld_slot"):
        t = _pp_vorfeld_end(c, k, e)    # "Er sagte, bei Glätte versage die Technik."
    if t is None or t >= e or t <= k:
        return False
    w, tok = c.low[t], c.toks[t]
    if not (tok.text.isalpha() and tok.text.islower()) or c.in_quote[t] >= 0 or len(w) < 4 \
            or not w.endswith("e") or w.endswith("te") or tok.lemma_.lower() != w + "n" \
            or tok.pos_ in ("PROPN", "PUNCT", "NUM"):
        return False
    if w in c.w.function_words or w in c.w.skippable or w in c.w.not_konjunktiv_e or w in c.w.determiners \
            or w in c.w.subordinators or w in c.w.v2_blockers or c.first_person_near(t):
        return False
    nxt = c.toks[t + 1] if t + 1 < len(c.toks) else None
    return nxt is None or not (nxt.pos_ in ("NOUN", "PROPN", "ADJ") or nxt.tag_ == "ADJA")


SLOT_NOT = ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "NUM", "PROPN", "X", "SPACE")   # a verb tag: no mistag


def _noun_vorfeld_end(c: Ctx, k: int, e: int) -> int | None:
    """The token after the first constituent of a clause [k, e) that ends in a noun: a noun phrase, with one
    prepositional phrase after it ("viele Landwirte in der Region"), or a prepositional phrase (its preposition
    capitalized at the sentence start: "Über die künftige Struktur der Kliniklandschaft"); a subject pronoun
    (er, sie, es, man) or a pronominal adverb ("damit") alone. None when the clause opens otherwise."""
    if c.low[k] in c.w.sentence_pronouns or (c.toks[k].tag_ in ("PAV", "PROAV") and c.low[k] not in c.w.v2_blockers):
        return k + 1
    pp = c.toks[k].pos_ == "ADP" and c.in_quote[k] < 0 and (c.toks[k].text.islower() or k == c.sents[c.sent_of[k]][0])
    np_ = grab_np(c, k + 1 if pp else k, e, appos=False)
    if np_ is None or np_[0] != (k + 1 if pp else k) or np_[1] >= e or c.toks[np_[1] - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    t = np_[1]
    if not pp and c.toks[t].pos_ == "ADP" and c.toks[t].text.islower() and c.low[t] not in c.w.v2_blockers:
        pp2 = grab_np(c, t + 1, e, appos=False)     # "viele Landwirte in der Region stünden …"
        if pp2 is not None and pp2[0] == t + 1 and pp2[1] < e and c.toks[pp2[1] - 1].pos_ in ("NOUN", "PROPN"):
            t = pp2[1]
    return t if t - k <= V2_MAX_FIELD + 2 else None


def slot_mistag(c: Ctx, k: int, e: int, konj: bool = False) -> bool:
    """Die Erweiterung sichere rund 300 Arbeitsplätze, sagte Pichler. / Er sagte, man spare zwölf Prozent Diesel. /
    Über die Struktur entscheide die Landesplanung, teilte ein Sprecher mit. – right after the first constituent of a
    clause that ends in a noun, a subject pronoun or a pronominal adverb (``_noun_vorfeld_end``), where verb-second
    order puts the finite verb, a lower-case word in -e or -en that our model tags an adjective, noun, article or
    adverb is that verb whatever its lemma ("sichere" -> "sicher"), also before a noun when the lemma is a verb's
    ("verteile Geld"). Not a closed-class word (an article, adverb or particle of the word lists), nor where the clause
    is no verb-second one (``slot_token``). ``konj``: only a form in -e (a Konjunktiv I; "stünden", "drohten" make a
    verb-second clause of any mood). Switch ``slot_mistag`` (clm17)."""
    if not c.R.switch("slot_mistag"):
        return False
    t = slot_token(c, k, e)
    return t is not None and not (konj and c.low[t].endswith("en"))


def slot_token(c: Ctx, k: int, e: int) -> int | None:
    """The mistagged finite verb of ``slot_mistag`` in clause [k, e), or None (``_slot_form``, ``_not_verb_second``)."""
    if not c.has_pos or k >= e:
        return None
    t = _noun_vorfeld_end(c, k, e)
    if t is None or t >= e or t <= k or not _slot_form(c, t) or _not_verb_second(c, t, e):
        return None
    return t


def _slot_form(c: Ctx, t: int) -> bool:
    """Token t could be a finite verb our model mistagged: a lower-case word in -e/-en outside quotations, tagged no verb,
    no infinitive, no adverb in -en or -weise, no closed-class word of the word lists, no 1st person near it."""
    w, tok = c.low[t], c.toks[t]
    if not (tok.text.isalpha() and tok.text.islower()) or c.in_quote[t] >= 0 or len(w) < 4 \
            or not w.endswith(("e", "en")) or w.endswith("weise") or tok.pos_ in SLOT_NOT \
            or tok.tag_ in INFINITE_TAGS or (tok.pos_ == "ADV" and w.endswith("en")):
        return False                    # "Rye Whiskey hinzufügen, mit Eiswürfel auffüllen": an infinitive (VVINF)
    closed = w in c.w.function_words or w in c.w.skippable or w in c.w.not_konjunktiv_e or w in c.w.determiners \
        or w in c.w.subordinators or w in c.w.v2_blockers or w in c.w.relative_pronouns
    return not closed and not c.first_person_near(t)


def _not_verb_second(c: Ctx, t: int, e: int) -> bool:
    """The clause is no verb-second one, so token t is no finite verb: a zu-infinitive clause ("…, zur Rückgabe außerstande
    zu sein"), an adjective before its noun ("angesichts der Krise gemeinsame Schulden … aufzunehmen", "eine Gesellschaft
    europäischen Rechts"), an infinitive in -en ("eine Unterstützung zukommen lassen")."""
    if any(c.toks[j].tag_ in ("PTKZU", "VVIZU") for j in range(t, e)):
        return True
    w, lemma = c.low[t], c.toks[t].lemma_.lower()
    nxt = c.toks[t + 1] if t + 1 < len(c.toks) else None
    if lemma in (w[:-1], w[:-2]) and nxt is not None and (
            nxt.pos_ in ("NOUN", "PROPN") or w.endswith("en") and nxt.pos_ == "ADJ"):
        return True
    return w.endswith("en") and (lemma == w or nxt is not None and (nxt.pos_ in ("VERB", "AUX") or c.low[t + 1] == "zu"))


def _mistagged_finite(c: Ctx, t: int) -> bool:
    """Token t, right after the opening noun phrase of a clause, is its finite verb although our model tags it an
    adverb or adjective ("Feldmann rechne mit …"): a lower-case word with a verb ending that is no closed-class
    word. Switch ``v2_finite_position``."""
    w, tok = c.low[t], c.toks[t]
    if not (tok.text.isalpha() and tok.text.islower()) or c.in_quote[t] >= 0 or tok.pos_ in (
            "ADP", "DET", "PRON", "CCONJ", "SCONJ", "NUM", "PART", "PUNCT", "NOUN", "PROPN"):
        return False
    if w in c.w.function_words or w in c.w.skippable or w in c.w.not_konjunktiv_e or w in c.w.determiners \
            or w in c.w.subordinators or w in c.w.v2_blockers or w in c.w.relative_pronouns:
        return False
    return w.endswith(("e", "t", "en")) and len(w) > 3


def verb_claim(c: Ctx, h: Hit, si: int, a: int, b: int, used: set[int], out: list[Found],
                only_inverted: bool = False) -> Found | None:
    """The claim a cue verb frames: the first ``verb`` rule that builds one."""
    v = VerbSite(c, h, si, a, b, used, out, only_inverted)
    if v.dead:
        return None
    # skip frames already inside another claim's message
    for f in out:
        if f.msg and f.msg[0] <= h.i < f.msg[1] and f.ctype == "direct":
            return None
    for fn in c.stages["verb"]:
        f = fn(v)
        if f is not None:
            return f
    return None


def _dass_clause(v: VerbSite) -> int | None:
    """The comma before a dass/ob clause after the verb, or None."""
    c, last = v.c, v.last
    k = last + 1
    opened = False                      # a clause opened by the comma right after the verb
    while k < v.b:
        if _complementizer_comma(c, k, v.b):
            return _dass_comma_kept(v, k, opened)
        if _clause_end(c, k):
            return None
        if k == last + 1 and _opening_comma(c, k):
            opened = True               # (verb_konj, verb_zu take the clause; its own "was"/"dass" is no message start)
        if _later_verb_frames(v, k):
            return None
        if c.low[k] == "," and k > last + 1 and not apposition_comma(c, k, v.sp):
            k = _past_speaker_insertions(v, k)
            if k is None:
                return None             # another clause starts: maybe a Konjunktiv clause
            continue
        if _other_finite_verb(v, k):
            return None             # "informiert über all dies (es könnte auch sein, dass …)": that verb frames it
        k += 1
    return None


def _complementizer_comma(c: Ctx, k: int, b: int) -> bool:
    """Token k is a comma outside quotes before a complementizer (", dass", ", ob", ", wie")."""
    return c.low[k] == "," and k + 1 < b and c.low[k + 1] in c.R.complementizers and c.in_quote[k] < 0


def _dass_comma_kept(v: VerbSite, k: int, opened: bool) -> int | None:
    """The comma k before the complementizer after the verb: k where the clause it opens is the verb's message,
    None where it is not (the clause before it is taken by verb_konj/verb_v2/verb_zu or is no Konjunktiv clause;
    "wie es …" after no cognition verb; "ob"/"wie" after no speech verb or a passive: "entscheiden, ob …",
    "wird geprüft, wie …")."""
    c = v.c
    if opened and (_clause_taken(v) or not any(c.is_konj(t) for t in range(v.last + 1, k))):
        return None             # "warf ihm vor, … verübt zu haben, was dieser zurückweist": that clause's
    if c.low[k + 1] == "wie" and "cognition" not in v.classes and c.low[k + 2:k + 3] == ["es"]:
        return None
    if c.low[k + 1] not in ("dass", "daß") and ("speech" not in v.classes or v.passive):
        return None         # "entscheiden, ob …", "wird geprüft, wie …": no claim
    return k


def _clause_end(c: Ctx, k: int) -> bool:
    """Token k ends the verb's sentence part: a semicolon or colon, or sentence punctuation outside quotes."""
    return c.low[k] in (";", ":") or (c.low[k] in PUNCT_END and c.in_quote[k] < 0)


def _opening_comma(c: Ctx, k: int) -> bool:
    """Switch ``complementizer_after_clause``: the comma k (right after the verb, outside quotes) opens a clause
    whose own "was"/"dass" starts no message of the verb."""
    return c.low[k] == "," and c.in_quote[k] < 0 and c.R.switch("complementizer_after_clause")


def _later_verb_frames(v: VerbSite, k: int) -> bool:
    """Switch ``later_verb_frames``: "X, die … korrigiert hatte, sagte, dass …" – a lower-case speech verb right
    after a comma or parenthesis between the verb and the dass-clause frames that clause, not the verb."""
    c = v.c
    return c.R.switch("later_verb_frames") and k > v.last + 1 and c.in_quote[k] < 0 and c.low[k - 1] in (",", ")") \
        and k not in v.h.particle and c.toks[k].text[:1].islower() and c.verb_hit(k, v.b) is not None


def _past_speaker_insertions(v: VerbSite, k: int) -> int | None:
    """The comma k after the speaker behind the verb: where the speaker's apposition ("meldete der Radiosender,
    Radio Vatikan, dass …", switch ``dass_after_apposition``) or verbless insertions ("sagte X, Y, gegenüber der
    BBC, dass …", switch ``dass_after_verbless``) follow, the walk goes on at their closing comma and ``v.sp``
    takes the apposition; None where another clause starts."""
    ap = _speaker_apposition(v, k) if v.c.R.switch("dass_after_apposition") else None
    if ap is not None:
        v.sp = ap
        return ap[1]
    ins = _verbless_insertions(v, k)
    if ins is None:
        return None
    v.sp, k = ins
    return k


def _speaker_apposition(v: VerbSite, k: int) -> tuple[int, int] | None:
    """Bereits gestern meldete der vatikaneigene Radiosender, Radio Vatikan, dass … – the comma at k closes the speaker
    after the verb and opens a noun phrase (no verb) that a second comma closes right before "dass"/"ob": that noun
    phrase is the speaker's apposition. Returns the speaker with it (ending at the second comma), or None. Switch
    ``dass_after_apposition``."""
    c, sp, b = v.c, v.sp, v.b
    if sp is None:                      # the parse lost the subject after the verb: the noun phrase right after it
        m = v.last + 1
        while m < k and c.low[m] in c.w.skippable:
            m += 1
        sp = grab_np(c, m, k) if m < k else None
        if sp is None or sp[0] != m or bad_speaker(c, sp) or not plausible_speaker(c, sp):
            return None
    if sp[1] != k or sp[0] <= v.h.i or k + 1 >= b:
        return None
    ap = grab_np(c, k + 1, b, appos=False)
    if ap is None or ap[0] != k + 1 or ap[1] + 1 >= b or c.low[ap[1]] != "," \
            or c.low[ap[1] + 1] not in ("dass", "daß", "ob") or ap[1] - ap[0] > 8:
        return None
    if any(c.in_quote[t] >= 0 or (c.has_pos and c.toks[t].pos_ in ("VERB", "AUX")) for t in range(*ap)):
        return None
    return (sp[0], ap[1])


VERBLESS_MAX = 12          # tokens of one verbless insertion between a speech verb and its dass-clause


def _verbless_insertions(v: VerbSite, k: int) -> tuple[tuple[int, int], int] | None:
    """So sagte der Koordinator für Naturkatastrophen, Deftalgne Tessema, gegenüber der BBC, dass … / erklärte der
    Eigentümer, das auch die „Ruhr Nachrichten“ verlegende Medienhaus Lensing, dass … – after the speaker behind the
    verb, up to two comma-closed segments with a noun and without any verb (no clause: an apposition or a
    prepositional phrase, each at most ``VERBLESS_MAX`` tokens) stand before ", dass"/", ob": the dass-clause is still the verb's. A first
    segment that opens with no preposition is the speaker's apposition and joins it. Returns (the speaker, the comma
    before "dass"), or None. Switch ``dass_after_verbless``."""
    c, b, sp = v.c, v.b, v.sp
    if not c.R.switch("dass_after_verbless") or sp is None or sp[0] <= v.h.i or sp[1] != k or not c.has_pos:
        return None
    s, new_sp = k + 1, sp
    for n in range(2):
        e = next_comma(c, s, b)
        if e == s or e + 1 >= b or e - s > VERBLESS_MAX or c.low[s] in c.w.subordinators:
            return None
        if any(c.in_quote[t] < 0 and (c.toks[t].pos_ in ("VERB", "AUX") or c.low[t] in (";", ":") or c.low[t] in PUNCT_END)
               for t in range(s, e)):
            return None             # a clause, or the sentence goes on past a colon
        if not any(c.toks[t].pos_ in ("NOUN", "PROPN") for t in range(s, e)):
            return None             # "ist es, glaube ich, ganz wichtig, dass …": a predicate, no insertion
        if n == 0 and c.toks[s].pos_ != "ADP":
            new_sp = (sp[0], e)     # "…, Deftalgne Tessema,": the apposition joins the speaker
        if c.low[e + 1] in ("dass", "daß", "ob"):
            return new_sp, e
        s = e + 1
    return None


def _clause_taken(v: VerbSite) -> bool:
    """The clause after the verb's comma is one that verb_konj, verb_v2 or verb_zu take (only asked: the speaker
    apposition the walk may add is theirs to take)."""
    sp = v.sp
    seg = v.segment()
    v.sp = sp
    return seg[0] != "none"


def _reported_clause_before(v: VerbSite, k: int) -> bool:
    """Der Präsident sagte, er werde dafür sorgen, dass … – the clause after the verb's comma is reported
    speech itself (Konjunktiv or verb second) and the dass/ob clause at k belongs to it: the message is
    that whole clause, not the dass-clause alone."""
    sp = v.sp
    seg = v.segment()
    v.sp = sp                           # only asked: the apposition the walk may add is verb_konj's to take
    return seg[0] in ("konj", "v2") and seg[1] < k


def _other_finite_verb(v: VerbSite, k: int) -> bool:
    """Token k, between a cue verb and its dass-clause, is the finite verb of another clause that opens
    with a parenthesis."""
    c, h = v.c, v.h
    tok = c.toks[k]
    if not c.has_pos or c.in_quote[k] >= 0 or k in h.aux or k in h.particle or tok.pos_ not in ("VERB", "AUX") \
            or (v.sp is not None and v.sp[0] <= k < v.sp[1]) or "(" not in c.low[v.last + 1:k]:
        return False                # only a clause in a parenthesis: "(es könnte auch sein, dass …)"
    return tok.tag_ in ("VVFIN", "VAFIN", "VMFIN", "VBC") or "Fin" in tok.morph.get("VerbForm")


def _colon_quote_after(v: VerbSite) -> int | None:
    """Er glaubt weiterhin, dass das Team gestärkt aus der Saison hervorgegangen sei: „Wir haben gelernt …“ – a verb
    that frames the quotation after a colon (quote_before) frames a dass-clause between it and that colon too: the
    colon before the quotation, where that clause ends; None where there is no such colon. Switch
    ``dass_before_colon_quote``."""
    c = v.c
    if not c.R.switch("dass_before_colon_quote"):
        return None
    colon = next((t for t in range(v.last + 1, v.b) if c.low[t] == ":" and c.in_quote[t] < 0), None)
    if colon is None or colon + 1 >= len(c.toks) or not c.is_quote_mark(colon + 1) or c.in_quote[colon + 1] < 0:
        return None
    return colon if any(c.low[t] == "," and c.low[t + 1] in ("dass", "daß") for t in range(v.last + 1, colon - 1)) else None


def colon_quote_bound(v: VerbSite) -> int | None:
    """Betriebsratschef Mehmet Kaya sagte dem Handelsblatt, die Belegschaft werde sich an den Warnstreiks beteiligen: „Unsere
    Leute wissen, dass …“ – a verb that frames the quotation after a colon (quote_before) frames the clause between its comma
    and that colon too (a Konjunktiv, verb-second or zu-infinitive clause, as without the quotation): the colon, where the
    walk over the verb's clauses ends; None where there is no such colon (switch ``konj_before_colon_quote``)."""
    c = v.c
    if not c.R.switch("konj_before_colon_quote"):
        return None
    colon = next((t for t in range(v.last + 1, v.b) if c.low[t] == ":" and c.in_quote[t] < 0), None)
    if colon is None or colon + 1 >= len(c.toks) or not c.is_quote_mark(colon + 1) or c.in_quote[colon + 1] < 0:
        return None
    if any(c.in_quote[t] >= 0 for t in range(v.last + 1, colon)):
        return None                     # "gratulierten Obama, so …, ElBaradei („…“), und …: „…“": no clause of its own
    return colon


def _before_frame(c: Ctx, k: int, end: int) -> int:
    """The end of a dass-clause [k, end) before a comma that a speech verb follows ("…, dass X es ihm nachmacht, sagte der
    MOPO: „…“": the frame of the quotation is no part of the message)."""
    return next((t for t in range(k, end) if c.low[t] == "," and t + 1 < end and c.in_quote[t] < 0
                 and c.verb_hit(t + 1, end) is not None), end)


@rule("verb_dass", "verb")
def verb_dass(v: VerbSite) -> Found | None:
    """Team-Manager Andreas Müller sagte, dass ihn diese Möglichkeit beschäftigt habe. – a dass/ob
    clause after the verb."""
    colon = _colon_quote_after(v) if v.only_inverted else None
    if v.only_inverted and colon is None:
        return None
    k = _dass_clause(v)
    if k is None or (v.sp is None and v.c.low[v.lo] in ("wie",)):
        return None
    c = v.c
    if c.R.switch("reported_frame_clause") and _reported_clause_before(v, k):
        return None                     # "sagte, er werde dafür sorgen, dass …": verb_konj takes the whole clause
    if k - 1 > v.last and c.low[k - 1] in c.w.claim_adjectives and v.h.entry.lemma in c.w.evidence_verbs:
        return None                     # "zeigte sich optimistisch, dass …": the adjective frames it (noun_dass)
    end = embedded_end(c, k + 1, v.b) if colon is None else _before_frame(c, k + 1, min(colon, embedded_end(c, k + 1, v.b)))
    # "verweist darauf, dass", "zeigte sich darüber besorgt, dass": the correlate joins the cue
    cue = sorted({*v.cue, *(t for t in range(v.last + 1, k) if is_correlate(c, t))})
    if c.R.switch("cue_frame_words"):
        cue = sorted({*cue, *halten_fuer(c, v.h, v.last + 1, k)})
    v.used.update(cue)
    return v.found((k + 1, end), v.sp, cue, "indirect", "verb_dass")


@rule("verb_konj", "verb")
def verb_konj(v: VerbSite) -> Found | None:
    """Trump betonte, er vertraue Putin. – a Konjunktiv clause after the verb's comma."""
    seg = v.segment()
    if seg[0] != "konj":
        return None
    cue = sorted({*v.cue, *frame_words(v.c, v.last + 1, v.hi)})
    v.used.update(cue)
    m0 = seg[1]
    return v.found((m0, konj_end(v.c, m0, v.b)), v.sp, cue, "indirect", "verb_konj")


@rule("verb_v2", "verb")
def verb_v2(v: VerbSite) -> Found | None:
    """Der Minister sagte, die Lage ist ernst. – a main clause (verb second, indicative or
    Konjunktiv II) after a speech verb's comma."""
    seg = v.segment()
    if seg[0] != "v2":
        return None
    cue = sorted({*v.cue, *frame_words(v.c, v.last + 1, v.hi)})
    v.used.update(cue)
    return v.found((seg[1], konj_end(v.c, seg[1], v.b)), v.sp, cue, "indirect", "verb_v2")


@rule("verb_zu", "verb")
def verb_zu(v: VerbSite) -> Found | None:
    """Die UNICEF rief Russland auf, die Angriffe einzustellen. – a zu-infinitive after a speech
    verb; after an object-control verb the noun phrase after the verb is the addressee."""
    seg = v.segment()
    if seg[0] != "zu":
        return None
    c, h, lo, sp = v.c, v.h, v.lo, v.sp
    v.used.update(v.cue)
    nominative = sp is not None and sp[1] - sp[0] == 1 and c.low[sp[0]] in NOMINATIVE_PRONOUNS \
        and c.R.switch("nominative_pronoun")  # "Die Bürger forderte er auf, …": "er" is the subject, the NP before the object
    fin = h.aux[0] if h.aux and h.aux[0] < h.i else h.i
    if c.R.switch("perfect_addressee") and sp is not None and h.aux and h.aux[0] < sp[0] < h.i and lo < h.aux[0] \
            and h.entry.lemma in c.w.object_control_verbs and not nominative:
        before = np_before(c, fin, lo)  # "Die Behörden haben die Einwohner aufgefordert, …": the object after the auxiliary
        sp = before if before is not None and not bad_speaker(c, before) else sp
    elif sp is not None and sp[0] > h.i and h.entry.lemma in c.w.object_control_verbs and not nominative:
        before = np_before(c, fin, lo) if lo < h.i else subject_before_comma(c, lo)
        sp = before if before is not None and not bad_speaker(c, before) else sp
    end = seg[2]
    if c.R.switch("zu_trailing_clause"):
        end = _zu_trailing_clause(c, seg[1], end, v.b)
    return v.found((seg[1], end), sp, v.cue, "indirect", "verb_zu")


@rule("verb_zu_bare", "verb")
def verb_zu_bare(v: VerbSite) -> Found | None:
    """Expert:innen des ADAC empfehlen Vielfahrenden sich Adblue-Vorräte anzulegen. – a verb of advice or request
    whose clause ends in a zu-infinitive without a comma before it: the message runs from after the verb (its
    particle, its inverted subject and a dative addressee) to the infinitive."""
    c, h = v.c, v.h
    if h.entry.lemma not in c.w.advice_verbs or v.only_inverted or v.passive or not c.has_pos:
        return None
    e = strip_end(c, v.last + 1, v.hi)
    if e - v.last < 3 or c.in_quote[e - 1] >= 0 or not (v.hi >= v.b or c.low[v.hi] in (",", ";")):
        return None
    if not (c.low[e - 2] == "zu" or c.toks[e - 1].tag_ == "VVIZU" or _zu_form(c, c.low[e - 1])):
        return None
    m0 = v.last + 1
    if v.sp is not None and v.sp[0] == m0:
        m0 = v.sp[1]                    # "empfiehlt der ADAC Autofahrern …": the subject after the verb
    np_ = grab_np(c, m0, e)
    if np_ is not None and np_[0] == m0 and np_[1] < e - 1 and (
            c.low[m0] in c.w.dative_words or (np_[1] - m0 == 1 and c.low[m0].endswith("n") and c.toks[m0].text[:1].isupper())):
        m0 = np_[1]                     # the addressee: "Vielfahrenden", "den Anwohnern"
    if e - m0 < 2 or any(c.in_quote[t] >= 0 or c.low[t] in (":", "(") for t in range(m0, e)):
        return None
    v.used.update(v.cue)
    return v.found((m0, e), v.sp, v.cue, "indirect", "verb_zu_bare")


@rule("verb_colon", "verb")
def verb_colon(v: VerbSite) -> Found | None:
    """Eck seufzte: Das Falco kenne ich schon, außerdem sei er nicht schwindelfrei. – a main-clause speech verb whose
    clause ends in a colon (nothing but its subject, adverbs or frame PPs between) frames the unquoted rest of the
    sentence (where the parse did not split the sentence at the colon; ``colon_content`` takes the sentence after
    a colon that ends one)."""
    c, h, b = v.c, v.h, v.b
    k = v.hi
    if v.only_inverted or v.subordinate or v.passive or v.sp is None or k >= b or c.low[k] != ":" \
            or c.in_quote[k] >= 0 or "speech" not in v.classes or h.entry.lemma in c.w.conversation_verbs \
            or v.lo != v.a or (h.entry.participle and not h.aux) or not c.has_pos or c.low[h.i - 1] == "zu":
        return None                     # "Auch Positives ist zu berichten:": no speaker's frame
    rest = [t for t in range(v.last + 1, k) if not (v.sp[0] <= t < v.sp[1]) and t not in h.particle and t not in h.aux
            and c.low[t] not in c.w.skippable | c.w.time_nouns | c.w.pronominal_adverbs]
    if rest and not _frame_pps(c, rest, h):
        return None                     # "Die Richterin ließ sich auf keinen Kompromiss ein:": no frame of saying
    m0, e = k + 1, strip_end(c, k + 1, b)
    if e - m0 < 3 or any(c.in_quote[t] >= 0 for t in (m0, e - 1)) or c.low[m0] in c.w.question_words \
            or not any(c.toks[t].pos_ in ("VERB", "AUX") for t in range(m0, e)):
        return None                     # a quotation (quote_before), a question or a list of nouns
    v.used.update(v.cue)
    return v.found((m0, e), v.sp, v.cue, "indirect", "verb_colon")


def _zu_trailing_clause(c, m0: int, e: int, b: int) -> int:
    """Die Kommission forderte die Regierung auf, eine Kommission zu gründen, die die Lage prüfen soll. – a
    relative or adverbial clause ("…, die …", "…, um … zu", "…, da …", "…, indem …") after the zu-infinitive
    belongs to what was asked for; the message runs on to the sentence end or to where the matrix clause takes
    over again (", und kündigte an")."""
    if e + 1 >= b or c.low[e] != "," or c.in_quote[e] >= 0:
        return e
    k = e + 1
    openers = c.w.subordinators | {"um", "weil", "wo", "was", "wobei", "womit"}
    if c.R.switch("zu_infinitive_chain"):
        openers = openers | {"falls", "sofern", "sobald", "solange", "ehe"}
    if c.R.switch("zu_infinitive_chain") and c.low[k] == "was" and _narrator_was(c, k, b):
        return e
    closed = {"wie", "als"} if c.R.switch("complementizer_after_clause") else {"dass", "ob", "wie", "als"}
    if not (is_relative(c, k) or c.low[k] in openers - closed):   # "dafür zu sorgen, dass …", "zu prüfen, ob …"
        if c.R.switch("zu_infinitive_chain"):
            nxt = _zu_chain(c, k, b)
            if nxt is not None:
                return _zu_trailing_clause(c, m0, nxt, b)
        return e
    end = konj_end(c, m0, b)
    return end if end > e else e


def _narrator_was(c, k: int, b: int) -> bool:
    """Er warf ihm vor, die Anschläge verübt zu haben, was dieser jedoch zurückweist. – a "was" clause in the indicative
    after the zu-infinitive comments on what was said (the speaker's or the writer's words about it), it is no part of
    it; "alles zu tun, was nötig sei" (Konjunktiv) stays in the message."""
    seg = range(k + 1, next_comma(c, k + 1, b))
    return not any(c.is_konj(t) for t in seg) and any(_finite_ind(c, t) for t in seg)


def _zu_chain(c, k: int, b: int) -> int | None:
    """Merkel forderte die Hersteller auf, sich darauf zu konzentrieren, diese Autos sparsam zu gestalten. – a further
    zu-infinitive after the comma (no finite verb, no quotation; also after "sondern", "bzw.", "oder", "und") depends on
    the one before or is coordinated with it: it belongs to the message. Returns its end (before the next comma or the
    sentence end), or None. Switch ``zu_infinitive_chain``."""
    seg_end = next_comma(c, k, b)
    e = strip_end(c, k, seg_end)
    if e - k < 2 or not c.has_pos or c.low[k] in c.w.subordinators | {"ohne", "statt", "anstatt"}:
        return None
    if not (c.low[e - 2] == "zu" or c.toks[e - 1].tag_ == "VVIZU" or _zu_form(c, c.low[e - 1])):
        return None
    if any(c.in_quote[t] >= 0 or c.low[t] in (":", ";", "(") or (c.toks[t].tag_ in ("VVFIN", "VAFIN", "VMFIN")
                                                                  and t != e - 1) for t in range(k, e)):
        return None
    return e


@rule("verb_inverted", "verb")
def verb_inverted(v: VerbSite) -> Found | None:
    """Man könne über eine Lockerung reden, sagte Merz am Freitag. – an inverted frame after the
    message (also "…, machte er klar")."""
    c, h, a, b, lo = v.c, v.h, v.a, v.b, v.lo
    v.segment()                         # an apposition after the verb extends the speaker
    so_frame = _so_frame(v)
    das_frame = _das_frame(v)               # "…, das teilte das Institut mit." (the pronoun takes up the clause)
    if not (lo > a and c.low[lo - 1] == "," and (h.i == lo or so_frame or das_frame) and "speech" in v.classes | {"cognition"}
            and not (h.entry.participle and c.has_pos and c.toks[h.i].tag_ in ("VVPP", "VAPP", "VMPP", "VBN")
                     and not (so_frame and c.R.switch("parenthetical_frame")))):   # "…, so vermutet die Zeitung, …"
        return None
    after = subject_after(c, max([h.i, *h.aux]), v.hi)
    if v.coordinated_v1 or (after is not None and c.R.switch("coordinated_v1") and v._coordinated_v1(after)):
        return None                     # "…, fordern aber die Nennung …": a coordinated clause, no frame
    if after is None and c.R.switch("wie_apposition"):
        w = _wie_before_apposition(c, a, lo)
        if w is not None:               # "…, wie Burt Rutan, Chef der Firma, mitteilte.": a verb-final wie-clause
            return _wie_frame(v, w)
    sp2 = after or v.sp
    if sp2 is None:
        return None
    if c.R.switch("final_apposition"):
        sp2 = with_name_apposition(c, sp2, b)
    sp2 = trim_addressee(c, sp2) if after is not None else sp2     # "…, sagte Habeck der Deutschen Presse-Agentur."
    msg = msg_around(c, a, b, lo - 1, clause_end(c, sp2[1], b))
    inner = _inner_frames(v, msg, sp2)
    if msg[1] > msg[0] and c.in_quote[msg[0]] < 0 and _unused(v, msg, inner) \
            and (is_clause(c, msg[0], msg[1], lo - 1) or _slot_konj(c, msg[0], next_comma(c, msg[0], msg[1]))
                 or slot_mistag(c, msg[0], next_comma(c, msg[0], msg[1]))
                 or v._parenthetical(v.hi + 1)):
        cue = sorted({lo, *v.cue}) if so_frame else v.cue
        v.used.update(cue)
        v.out[:] = [f for f in v.out if f not in inner]
        return v.found(msg, sp2, cue, "indirect", "verb_inverted")
    return None


INNER_FRAMES = ("verb_dass", "verb_konj", "verb_zu")


def _unused(v: VerbSite, msg: tuple[int, int], inner: list[Found]) -> bool:
    """No token of the message is used by another claim, but for the cues of the ``inner`` frames it takes up."""
    return not any(t in v.used and not any(t in f.cue for f in inner) for t in range(*msg))


def _inner_frames(v: VerbSite, msg: tuple[int, int], sp: tuple[int, int]) -> list[Found]:
    """Europa zeige, dass Klimaschutz und Versorgungssicherheit kein Widerspruch seien, sagte er. – the claims of
    the sentence whose cue and message lie inside the message of an inverted frame after them: that frame reports
    them, one claim, the outer one (as ``nested_frame`` for a frame before its message; switch
    ``inverted_outer_frame``). Only a frame whose subject can speak does ("…, dass ich erkläre, warum …, erzählt
    einiges über …": no one speaks), and not under a question word ("Warum …": a topic, no message)."""
    if not v.c.R.switch("inverted_outer_frame") or msg[1] <= msg[0] or not plausible_speaker(v.c, sp) \
            or v.c.low[msg[0]] in v.c.w.question_words:
        return []                       # "Warum die Universität nicht erkannte, dass …, erklärte sie so: „…“": a topic
    return [f for f in v.out if f.rule in INNER_FRAMES and f.ctype != "direct" and f.msg is not None and f.cue
            and msg[0] <= min(f.msg[0], *f.cue) and max(f.msg[1], max(f.cue) + 1) <= msg[1]]


@rule("verb_inverted_perfect", "verb")
def verb_inverted_perfect(v: VerbSite) -> Found | None:
    """Ideen habe er jeden Tag, hat Shoppingcenterspezialist Harald Huth einmal gesagt. – an inverted frame in the
    perfect after the message: a form of "haben" right after the comma, the subject after it, the speech verb's
    participle closing the sentence, a Konjunktiv in the message (``verb_inverted`` takes only a finite speech verb
    right after the comma)."""
    c, h, a, b, lo = v.c, v.h, v.a, v.b, v.lo
    if not (lo > a and c.low[lo - 1] == "," and h.aux and h.aux[0] == lo and c.low[lo] in PERFECT_HABEN
            and h.entry.participle and h.i > lo + 1 and "speech" in v.classes and strip_end(c, h.i, b) == h.i + 1
            and c.in_quote[lo - 1] < 0):
        return None
    sp = subject_after(c, lo, h.i)
    if sp is None or sp[1] > h.i:
        return None
    msg = (a, lo - 1)
    if any(t in v.used for t in range(*msg)) or c.in_quote[a] >= 0 or not (
            any(c.is_konj(t) for t in range(*msg)) or _slot_konj(c, msg[0], next_comma(c, msg[0], msg[1]))):
        return None                     # "…, hatte das Wahlergebnis nicht anerkannt": a coordinated clause, no frame
    v.used.update(v.cue)
    return v.found(msg, sp, v.cue, "indirect", "verb_inverted_perfect")


PERFECT_HABEN = ("hat", "hatte", "haben", "hatten")


def _so_frame(v: VerbSite) -> bool:
    """…, so sagte der Minister. – "so" right after the comma and right before the speech verb (not "so empfiehlt
    sich", not after a conditional opening; switch ``so_inverted``)."""
    c, h, a, b, lo = v.c, v.h, v.a, v.b, v.lo
    return c.R.switch("so_inverted") and lo > a and c.low[lo - 1] == "," and c.low[lo] == c.R.so_marker \
        and h.i == lo + 1 and c.in_quote[lo] < 0 and not _conditional_opening(c, a) \
        and c.low[min(h.i + 1, b - 1)] != "sich"


def _wie_frame(v: VerbSite, w: tuple) -> Found | None:
    """…, wie Burt Rutan, Chef der Firma, mitteilte. – the claim of a verb-final wie-clause after the message
    (:func:`_wie_before_apposition` found the "wie" and its speaker)."""
    c, h, a, b = v.c, v.h, v.a, v.b
    wi, sp_w = w
    msg = msg_without(c, a, b, (wi - 1, strip_end(c, a, b)))
    if msg is None or any(t in v.used for t in range(*msg)):
        return None
    v.used.update(range(wi, h.i + 1))
    return v.found(msg, sp_w, sorted({wi, *v.cue}), "reported", "wie_verb")


def _das_frame(v: VerbSite) -> bool:
    """Seit Juni ist die Kamera ausgefallen, das teilte das Institut mit. – "das"/"dies" right after the comma and right
    before a speech verb takes up the clause before: an inverted frame (switch ``das_inverted``)."""
    c, h, a, lo = v.c, v.h, v.a, v.lo
    return c.R.switch("das_inverted") and lo > a and c.low[lo - 1] == "," and c.low[lo] in ("das", "dies") \
        and h.i == lo + 1 and c.in_quote[lo] < 0 and "speech" in v.classes and not h.entry.participle \
        and not _conditional_opening(c, a)


def _conditional_opening(c: Ctx, a: int) -> bool:
    """Sollten die Temperaturen tief sein, so empfiehlt sich eine Garage. / Wenn …, so … – a sentence opening with a
    subordinate clause or a verb-first condition: its ", so" is the correlative of the condition, no frame."""
    t = c.toks[a]
    return c.low[a] in c.w.subordinators or c.low[a] in ("falls", "sofern", "soweit", "obgleich") \
        or c.low[a] in c.R.konjunktiv or (c.has_pos and t.pos_ in ("VERB", "AUX") and not t.text[:1].islower())


def _wie_before_apposition(c, a: int, lo: int):
    """(index of "wie", speaker NP) when the verb at ``lo`` ends a clause "…, wie X, <apposition>, <verb>"
    whose subject and apposition stand between "wie" and the comma before the verb, else None."""
    for w in range(lo - 2, max(a, lo - 25) - 1, -1):
        if c.in_quote[w] >= 0:
            return None
        if c.low[w] != "wie" or w == a or c.low[w - 1] != ",":
            continue
        sp = grab_np(c, w + 1, lo)
        if sp is not None and sp[1] == lo - 1 and sp[1] - sp[0] >= 3:
            return w, sp
        return None
    return None


@rule("wie_verb", "verb")
def wie_verb(v: VerbSite) -> Found | None:
    """Wie die Polizei mitteilte, wurde niemand verletzt. – "wie X berichtete" with the message in
    the main clause."""
    c, a, b, hi = v.c, v.a, v.b, v.hi
    lo = _wie_clause_start(v) if c.R.switch("wie_apposition_clause") else v.lo
    if v.sp is None and c.R.switch("wie_first_np") and lo + 1 < v.h.i and c.low[lo] == "wie" and not v.passive:
        v.sp = _wie_first_np(c, lo, v.h.i)
    if v.only_inverted or not (lo < v.h.i and c.low[lo] == "wie" and (v.sp is not None or speakerless_frame(c, v.h))
                               and "speech" in v.classes):
        return None
    if c.R.switch("wie_naming") and v.h.entry.lemma in c.w.naming_verbs:
        return None                     # "Trump, wie er sich selbst gerne nannte, …": a name, not a claim
    phrase = (lo - 1 if lo > a and c.low[lo - 1] == "," else lo, hi + (1 if hi < b and c.low[hi] == "," else 0))
    msg = msg_without(c, a, b, phrase)
    if not msg:
        return None
    v.used.update(range(lo, hi))
    return v.found(msg, v.sp, sorted({lo, *v.cue}), "reported", "wie_verb")


def _wie_clause_start(v: VerbSite) -> int:
    """The start of the verb's wie-clause behind an apposition's commas or a sentence-opening "Denn" (``_wie_opening``),
    setting the speaker found there; a trailing wie-clause's own subject replaces a subject found outside it."""
    c, a, lo = v.c, v.a, v.lo
    if c.low[lo] != "wie" and not v.only_inverted and not v.passive:
        w = _wie_opening(c, v.h, a, lo)
        if w is not None:               # "Wie X, Sprecher der Y, in Bangkok mitteilte, …" / "Denn wie X berichtete, …"
            sp = _wie_first_np(c, w, v.h.i)
            if sp is None and c.low[lo - 1] == "," and lo - 1 > w + 1:
                sp = grab_np(c, w + 1, lo - 1)
                sp = sp if sp is not None and sp[0] == w + 1 and not bad_speaker(c, sp) else None
                if sp is not None and plausible_speaker(c, sp):
                    sp = (sp[0], lo - 1)     # the name with its apposition
            if sp is not None and (sp[1] <= lo - 1 or lo == w + 1 or c.low[lo - 1] != ","):
                v.sp, lo = sp, w
            elif v.sp is not None and c.low[lo - 1] != ",":
                lo = w
    if v.sp is not None and c.low[lo] == "wie" and not v.passive and not (lo < v.sp[0] < v.h.i) and lo + 1 < v.h.i:
        v.sp = _wie_first_np(c, lo, v.h.i) or v.sp     # "…, wie der Verband bekannt gab": the subject is inside the clause
    return lo


def _wie_opening(c: Ctx, h: Hit, a: int, lo: int) -> int | None:
    """Wie Steve Marshall, Sprecher der UN-Büros in Birma, in Bangkok mitteilte, hat … / Denn wie die Zeitung
    berichtete, leidet … – the "wie" that opens the verb-final clause of the verb at h.i when the clause start found
    by commas (an apposition of the speaker) or a conjunction before "wie" hides it: at the sentence start, after a
    comma or after "denn"/"und"/"doch"/"aber" opening the sentence; no other verb between. Switch
    ``wie_apposition_clause``."""
    if not c.has_pos or c.in_quote[h.i] >= 0:
        return None
    for k in range(h.i - 1, max(a - 1, h.i - 18), -1):
        if c.low[k] in (";", ":") or c.low[k] in PUNCT_END:
            return None
        if c.low[k] == "wie" and c.in_quote[k] < 0 and (k == a or c.low[k - 1] == ","
                                                       or (k - 1 == a and c.low[a] in ("denn", "und", "doch", "aber"))):
            if k < lo - 1 and sum(c.low[t] == "," for t in range(k, lo)) > 2:
                return None
            if any(c.toks[t].pos_ in ("VERB", "AUX") and t not in h.aux and t not in h.particle and c.in_quote[t] < 0
                   for t in range(k + 1, h.i)):
                return None             # "wie sie sagte, X habe …, teilte er mit": another clause between
            return k
    return None


def _wie_first_np(c: Ctx, lo: int, hi: int) -> tuple[int, int] | None:
    """…, wie die ausländische Presse nach einer bekannt gewordenen Geldspende des Königs lobend bemerkte. – in a
    verb-final wie-clause of saying, the noun phrase right after "wie" is its subject where the parse found none (a
    long adjunct before the verb loses it); after an object pronoun the one after it ("wie ihm ein Vertreter der
    Gewerkschaft … sagte"); never "es". Switch ``wie_first_np``."""
    k = lo + 1
    if c.low[k] in ("ihm", "ihr", "ihn", "mir", "mich", "uns", "euch", "ihnen", "dir", "dich"):
        k += 1                          # "wie ihm X sagte": the addressee comes first
    if k >= hi or c.low[k] in c.R.not_speakers:
        return None
    sp = grab_np(c, k, hi)
    quoted_name = c.R.switch("wie_apposition_clause") and sp is not None \
        and sum(c.in_quote[t] >= 0 for t in range(*sp)) <= 5      # "wie die „Bild“-Zeitung berichtete"
    if sp is None or sp[0] != k or sp[1] >= hi or bad_speaker(c, sp) or not plausible_speaker(c, sp) \
            or any((c.in_quote[t] >= 0 and not quoted_name) or c.low[t] in (",", ";", ":") for t in range(*sp)):
        return None
    return sp


@rule("wie_es_verb", "verb")
def wie_es_verb(v: VerbSite) -> Found | None:
    """Die Steuern sollen sinken, wie es die Koalition angekündigt hat. / Den Ausbau in die Staatsforsten zu verlagern,
    wie es Söder angekündigt hat, lehnt der BN ab. – "wie es X <verb>" after a comma points back to the clause
    before it: that clause (from the sentence start, without an opening "dass") is X's claim."""
    c, a, lo, h = v.c, v.a, v.lo, v.h
    if v.only_inverted or v.passive or not (a < lo - 1 and c.low[lo - 1] == "," and c.low[lo] == "wie"
                                            and lo + 2 < h.i and c.low[lo + 1] == "es") or c.in_quote[lo] >= 0 \
            or h.entry.lemma in c.w.conversation_verbs:
        return None                     # "…, wie es die Festlandschinesen sprechen": a language, no claim
    sp = grab_np(c, lo + 2, h.i)
    if sp is None or sp[0] != lo + 2 or bad_speaker(c, sp):
        return None
    m0 = a + 1 if c.low[a] in ("dass", "daß") else a
    if any(c.low[t] in (";", ":") or c.in_quote[t] >= 0 for t in range(m0, lo - 1)) or lo - 1 - m0 < 3:
        return None
    v.used.update(range(lo, v.hi))
    return v.found((m0, lo - 1), sp, sorted({lo, *v.cue}), "reported", "wie_es_verb")


@rule("speech_act", "verb")
def speech_act(v: VerbSite) -> Found | None:
    """Hegseth schloss einen Nato-Beitritt aus. – a speech act with an object: the whole sentence
    is the reported claim."""
    c, h, a, b, sp = v.c, v.h, v.a, v.b, v.sp
    if v.only_inverted or sp is None or v.subordinate or any(f.ctype != "direct" for f in v.out):
        return None
    if not ("reported" in v.classes or _als_act(c, h, v.lo, v.hi, a, b)):
        return None
    if h.entry.participle and not h.aux \
            and not (c.R.switch("finite_participle_form") and _finite_v2(c, h, sp, v.lo, b)):
        return None
    if c.in_quote[a] < 0 and (v.coordinated_v1 or _speech_act_ok(c, h, sp, v.lo, a)):
        v.used.update(v.cue)
        return v.found((a, b), sp, v.cue, "reported", "speech_act", frame_cue=v.cue)
    return None


def _vorfeld_group(c: Ctx, sp: tuple[int, int], lo: int, first: int) -> bool:
    """Andere Quellen berichten von rund 25 verletzten Personen. – without a parse subject, a noun phrase that fills the
    whole Vorfeld right before the finite verb and names a group or source that can speak ("Quellen", "Medien",
    speaker.plausible_speaker) is the speech act's subject, as a named one is (switch ``vorfeld_act_subject``)."""
    return c.R.switch("vorfeld_act_subject") and sp[0] == lo and sp[1] == first and c.low[sp[0]] not in ("den", "dem") \
        and plausible_speaker(c, sp)


def _finite_v2(c: Ctx, h: Hit, sp: tuple[int, int], lo: int, b: int) -> bool:
    """'Spiegel Online berichtet vom Einsturz von zehn Häusern.' – a verb form that is also its participle (berichtet,
    bemängelt, appelliert) and has no auxiliary is the finite verb when it stands second, right after the subject that
    opens the clause, and something follows it (no participle clause "…, berichtet X")."""
    return sp[0] == lo and sp[1] == h.i and h.i + 1 < b \
        and c.low[h.i + 1] not in PUNCT_END | {",", ";", ":", "und", "oder"}


def als_vorfeld(c: Ctx, lo: int, i: int, b: int) -> bool:
    """'Als Beispiel nannte die NASA die Ausbeutung von Gasen.' – "als" with a noun phrase and no verb before the
    finite verb, which something other than a comma or a conjunction follows, is a predicate in the Vorfeld of a main
    clause, no temporal clause ("Als die NASA die Zahlen nannte, …")."""
    if c.low[lo] != "als" or not lo + 1 < i <= lo + 5 or i + 1 >= b:
        return False
    if c.low[i + 1] in PUNCT_END | {",", ";", ":", "und", "oder", "sowie"}:
        return False
    words = range(lo + 1, i)
    return c.toks[i - 1].pos_ == "NOUN" and all(c.toks[t].pos_ in ("DET", "ADJ", "NOUN", "PRON") and
                                                 c.low[t] not in c.w.person_pronouns | {"sie", "es", "man"}
                                                 for t in words)


def _als_act(c: Ctx, h: Hit, lo: int, hi: int, a: int, b: int) -> bool:
    """'Die Hamas bezeichnete die Anschläge als Selbstverteidigung': a verb of the
    ``als_speech_acts`` list is a speech act when its clause predicates something with "als" and
    the sentence quotes nothing (a quoted predicate is a partial quote)."""
    if h.entry.lemma not in c.R.als_speech_acts:
        return False
    if any(c.in_quote[t] >= 0 for t in range(a, b)):
        return False
    return any(c.low[t] == "als" for t in range(lo, hi) if t != h.i)


def _speech_act_ok(c: Ctx, h: Hit, sp: tuple[int, int], lo: int, a: int) -> bool:
    """A speech act frames the whole sentence only from the main clause, with a real subject
    (the dependency subject where there is a parse), never from a relative clause or a
    parenthesis."""
    if in_parens(c, h.i, a, c.sents[c.sent_of[h.i]][1]):
        return False
    if h.entry.participle and h.aux and all(c.low[x] in c.w.stative_auxiliaries for x in h.aux):
        return False                    # "Ein Fremdverschulden ist ausgeschlossen": a state, no act
    if sp[1] - sp[0] == 1 and c.low[sp[0]] in c.w.relative_pronouns:
        return False
    if lo > a and c.low[lo] in c.w.relative_pronouns:
        return False
    if c.has_dep:
        s = subject_dep(c, h.i)
        if c.R.switch("als_vorfeld_subject") and s is not None and c.low[lo] == "als" and lo < s[0] and s[1] <= h.i \
                and sp[0] > h.i:
            return plausible_speaker(c, sp)     # "Als Beispiel nannte der Berliner …": the parse's subject is the predicate
        if c.R.switch("conjunct_object") and s is not None and conjunct_subject(c, h, s) == sp:
            return True                 # "… und warfen der Regierung „Wortbruch“ vor": the parse's subject is the object
        if s is None:
            first = h.aux[0] if h.aux and h.aux[0] < h.i else h.i
            # no parse subject: accept a named subject or a pronoun right before the verb
            inverted = sp[0] == h.i + 1 and c.R.switch("als_vorfeld") and als_vorfeld(c, lo, h.i, len(c.low))
            return (sp[1] == first or inverted) and (has_actor(c, sp) or c.low[sp[0]] in c.w.person_pronouns | {"sie"}
                                                     or _vorfeld_group(c, sp, lo, first))
        if bad_speaker(c, s) and sp[0] > h.i and has_actor(c, sp):
            return True                 # "Gegenwärtig wirft X …": the parse took the adverb for the subject
        if not (s[0] <= sp[0] < s[1] or sp[0] <= s[0] < sp[1]):
            return False
    return True
