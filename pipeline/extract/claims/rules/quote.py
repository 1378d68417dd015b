"""Rules for quotations: the frame before or after a quote, colon frames, standalone quotes that
continue a speaker, and quotes inside other claims or verb sentences."""
from __future__ import annotations

from dataclasses import dataclass

from ..clauses import impersonal_prep  # noqa: E402
from ..quoting import quoted_object  # noqa: E402
from ..clauses import FINITE_TAGS, NONFINITE_TAGS  # noqa: E402
from ..clauses import (
    attach_aux, clause_start, crosses_quote, frame_words, is_passive, looks_like_name, quote_is_sentence, trim_addressee)
from ..context import CLAUSE_BREAK, Ctx, Found, Hit
from ..registry import rule
from .verb import _particle_name, particle_name_subject
from ..speaker import (
    bad_speaker, coordinated_subject, plausible_head, find_subject, grab_np, has_actor, has_person_actor, latest_mention,
    main_frame, passive_agent, prev_frame_subject, prev_subject, quote_new_subject, resolve_speaker, subject_after, subject_dep,
    with_name_apposition)


@dataclass
class QuoteSite:
    """A top-level quotation at tokens [qs, qe) (marks included) that starts in sentence ``si``,
    with the claims so far (``prev``) and the sentence's used tokens. ``k`` is the first token
    after the quote (past a comma or dash); ``after`` tells whether a frame may follow there."""
    c: Ctx
    qi: int
    qs: int
    qe: int
    si: int
    prev: list[Found]
    used: set[int]

    def __post_init__(self) -> None:
        c = self.c
        self.sa, self.sb = c.sents[self.si]
        self.sb_end = c.sents[c.sent_of[self.qe - 1]][1]          # the sentence where the quote ends
        k = self.qe
        if k < len(c.toks) and c.low[k] in (",", "–"):
            k += 1
        self.k = k
        self.after = k < self.sb_end and (k != self.qe or c.toks[k].text[:1].islower())
        self.ntok = self.qe - self.qs - 2

    def found(self, sp: tuple[int, int] | None, cue: list[int], rule_id: str, **kw) -> Found:
        return Found((self.qs, self.qe), None, sp, cue, "direct", rule_id, self.si, **kw)

    def frame_before(self) -> tuple[int, int] | None:
        """[lo, frame_end) of a frame before the quote: "X sagte: „…“", "X sagte, „…“", or the
        previous sentence when it ends with ':'; None when the quote has no such frame."""
        c, qe, sa = self.c, self.qe, self.sa
        qs = self.blank_start()
        lo, frame_end = sa, qs
        if qs <= sa and self.si > 0 and c.low[qs - 1] == ":":
            lo, frame_end = c.sents[self.si - 1][0], qs - 1
        elif qs > sa and c.low[qs - 1] not in (":", ","):
            return None
        elif qe < self.sb_end and c.low[qe] not in CLAUSE_BREAK and not c.is_quote_mark(qe) and c.low[qs - 1] == ",":
            return None            # the quote opens a longer clause: a partial quote in indirect speech
        return (lo, frame_end) if frame_end > lo else None

    def blank_start(self) -> int:
        """Hartmann weist das von sich:\n\n„…“ – the first of the blank tokens (line breaks) right before the quotation,
        so that a colon before a blank line still frames it (switch ``colon_blank_quote``); else the quotation's start."""
        c, b = self.c, self.qs
        if c.R.switch("colon_blank_quote"):
            while b > 1 and c.toks[b - 1].is_space:
                b -= 1
        return b


def attribute_quote(c: Ctx, qi: int, qs: int, qe: int, si: int, prev: list[Found], used: set[int]) -> Found | None:
    """The claim of a quotation: the first ``quote`` rule that frames it."""
    site = QuoteSite(c, qi, qs, qe, si, prev, used)
    for fn in c.stages["quote"]:
        f = fn(site)
        if f is not None:
            return f
    return None


@rule("quote_so", "quote")
def quote_so(q: QuoteSite) -> Found | None:
    """„Wir bleiben“, so der Minister. – ", so X" after the quotation."""
    c, k = q.c, q.k
    if not q.after or c.low[k] != c.R.so_marker:
        return None
    sp = grab_np(c, k + 1, q.sb_end)
    if not sp and c.R.switch("particle_name"):
        sp = _particle_name(c, k + 1, q.sb_end)       # "„…“, so von der Leyen."
        if sp is not None and sp[1] < q.sb_end and not c.is_punct(sp[1]):
            sp = None
    if not sp or bad_speaker(c, sp):
        return None
    if q.qs == q.sa or c.low[q.qs - 1] in (":",) or c.is_quote_mark(q.qs - 1):
        q.used.update(range(k, sp[1]))   # else ", so X" frames the whole sentence too
    return q.found(sp, [k], "quote_so")


@rule("quote_heisst_es", "quote")
def quote_heisst_es(q: QuoteSite) -> Found | None:
    """„Die Lage ist ernst“, heißt es in dem Bericht. – an impersonal frame after the quotation
    (also ", so heißt es"); colon frames with "heißt es" come from ``quote_colon``."""
    c, k, sb_end = q.c, q.k, q.sb_end
    if not q.after:
        return None
    lw = c.low[k]
    if lw == c.R.so_marker and k + 1 < sb_end and c.low[k + 1] in c.R.impersonal:
        q.used.update(range(k, k + 3))
        return q.found(None, [k + 1, k + 2], "quote_heisst_es")
    if lw in c.R.impersonal and k + 1 < sb_end and c.low[k + 1] == "es":
        sp = None
        if k + 2 < sb_end and impersonal_prep(c, k + 2):
            sp = grab_np(c, k + 3, sb_end, allow_oblique=True)
            sp = (k + 2, sp[1]) if sp else None
        q.used.update(range(k, sp[1] if sp else k + 2))
        return q.found(sp, [k, k + 1], "quote_heisst_es")
    return None


@rule("quote_wie", "quote")
def quote_wie(q: QuoteSite) -> Found | None:
    """„…“, wie Trump erklärte. / „…“, wie er einmal sagte."""
    c, k, sb_end = q.c, q.k, q.sb_end
    if not q.after or c.low[k] != "wie":
        return None
    h = None
    for m in range(k + 1, min(sb_end, k + 12)):
        if c.low[m] in CLAUSE_BREAK:
            break
        h = c.verb_hit(m, sb_end)
        if h:
            break
    if not h:
        return None
    attach_aux(c, h, sb_end)
    sp = find_subject(c, h, k, sb_end)
    cue = sorted({k, h.i, *h.particle, *h.aux})
    q.used.update(range(k, max(cue) + 1))
    return q.found(sp, cue, "quote_wie")


def _after_aux(q: QuoteSite) -> Found | None:
    """„…“, hatte er gesagt: an auxiliary right after the quote, its participle later."""
    c, k, sb_end = q.c, q.k, q.sb_end
    if _quoted_name_before_aux(q):
        return None
    for m in range(k + 1, min(sb_end, k + 6)):
        if c.low[m] in CLAUSE_BREAK:
            break
        hh = c.verb_hit(m, sb_end)
        if hh and hh.entry.participle:
            hh.aux = [k]
            sp = subject_after(c, k, sb_end)
            cue = sorted({k, hh.i, *hh.particle})
            q.used.update(range(k, max(cue) + 1))
            return q.found(sp, cue, "quote_after")
    return None


def _quoted_name_before_aux(q: QuoteSite) -> bool:
    """Die „Süddeutsche Zeitung“ hatte gestern berichtet, 200 Mitarbeiter sollen entlassen werden. / Der so genannten
    „Tricolore“ wurde oft vorgeworfen, dass … – a quotation after an article or an attributive adjective, with an
    auxiliary right after it (no comma), is a name inside the clause's noun phrase, not a quotation the participle
    frames: the speech verb stays for the verb rules (switch ``quoted_name_aux``)."""
    c, qs = q.c, q.qs
    if not c.R.switch("quoted_name_aux") or q.k != q.qe or qs <= q.sa:
        return False
    before = qs - 1
    return c.low[before] in c.w.determiners or (c.has_pos and c.toks[before].tag_ in ("ART", "ADJA", "PPOSAT"))


def _after_verb(q: QuoteSite) -> Hit | None:
    """The speech or cognition verb right after the quote (or after an auxiliary there)."""
    c, k, sb_end = q.c, q.k, q.sb_end
    for m in (k, k + 1) if c.low[k] in c.R.auxiliaries else (k,):
        if m < sb_end:
            h = c.verb_hit(m, sb_end)
            if h and ("speech" in h.classes or "cognition" in h.classes):
                return h
    return None


@rule("quote_after", "quote")
def quote_after(q: QuoteSite) -> Found | None:
    """„Die Sicherheit Litauens ist auch unsere Sicherheit“, sagte der SPD-Politiker. – a speech
    verb right after the quotation, its subject the speaker."""
    c, k, qe, sb_end = q.c, q.k, q.qe, q.sb_end
    if not q.after:
        return None
    h = _after_verb(q)
    if h is None and c.R.switch("lassen_frame") and c.low[k] in LASSEN_FORMS:
        return _after_lassen(q)
    if h is None:
        return _after_aux(q) if c.low[k] in c.R.auxiliaries else None
    attach_aux(c, h, sb_end)
    sp = subject_dep(c, h.i) if c.has_dep else None
    if sp is None or bad_speaker(c, sp) or c.is_punct(sp[0]) or c.in_quote[sp[0]] >= 0 \
            or crosses_quote(c, *sp):
        sp = subject_after(c, max([h.i] + [x for x in h.aux if x > h.i]), sb_end)
    if sp is None:
        sp = _particle_name_after(c, h, k, sb_end)  # "„…“, sagte von der Leyen." (switch particle_name)
    sp = quoted_object(c, h, h.i, sb_end) or sp      # "„…“, zitierte die Agentur den Minister" (quoting.py)
    if sp and c.R.switch("final_apposition"):
        sp = with_name_apposition(c, sp, sb_end)     # "…“, sagte der General, George Casey heute"
    if sp and sp[0] > h.i:
        sp = trim_addressee(c, sp)                  # "„…“, sagte Habeck der Deutschen Presse-Agentur."
    if k == qe and not (c.low[qe - 2] in ("?", "!") and c.toks[k].text[:1].islower() and sp):
        return None                # „Wozu …?“ fragen sich Experten
    cue = sorted({h.i, *h.particle, *h.aux})
    q.used.update(range(k, max(cue) + 1))
    if sp:
        q.used.update(range(sp[0], sp[1]))
    f = q.found(sp, cue, "quote_after")
    lead = _lead_in(q) if c.R.switch("quote_lead_in") else None
    if lead is not None:
        f.msg = (lead, q.qe)            # the unquoted start of the clause belongs to the message
    return f


def _particle_name_after(c: Ctx, h: Hit, k: int, sb_end: int) -> tuple[int, int] | None:
    """„Wir müssen schneller werden“, sagte von der Leyen. – a surname opening with a particle right after the verb
    that frames the quotation, which the parse takes for a PP, is its speaker (switch ``particle_name``, as for the
    verb frames of rules/verb.py)."""
    if not c.R.switch("particle_name"):
        return None
    return particle_name_subject(c, h, k, sb_end)


def _lead_in(q: QuoteSite) -> int | None:
    """Nach einer Wahl könne die Politik die Bedingungen dafür schaffen, „dass mehr Wachstum entsteht“, erklärte X. – a
    quotation that ends the clause a frame after it reports, but does not open it: the unquoted words before it in the
    same sentence (no other quotation, frame verb, colon or claim among them) are part of what X said. Returns the
    message start, or None. Switch ``quote_lead_in``."""
    c, sa, qs = q.c, q.sa, q.qs
    if qs <= sa + 1 or q.k == q.qe or c.sent_of[q.qe - 1] != q.si:
        return None                     # the quotation opens the sentence, or no comma before the frame
    m0 = sa
    while m0 < qs and (c.toks[m0].is_space or c.low[m0] in ("–", "-", "(")):
        m0 += 1
    if qs - m0 < 2 or qs - m0 > 40:
        return None
    for t in range(m0, qs):
        if c.in_quote[t] >= 0 or c.low[t] in (":", ";", "(", ")", ".", "!", "?") or t in q.used \
                or any(f.msg and f.msg[0] <= t < f.msg[1] for f in q.prev) or c.verb_hit(t, qs) is not None:
            return None                 # another quotation, a frame or claim before it: "X sagte: … „…“"
    return m0


LASSEN_FORMS = ("ließ", "ließen", "lässt", "lassen", "lasse", "ließe")


def _after_lassen(q: QuoteSite) -> Found | None:
    """„Der IWF unterstützt Griechenland“, ließ ein IWF-Sprecher aus Washington kurz verlauten. – "lassen" right after
    the quotation with an infinitive of saying at the end of its clause ("verlauten", "wissen", "mitteilen",
    "ausrichten"): both are the cue, the subject after "lassen" the speaker. Switch ``lassen_frame``."""
    c, k, sb_end = q.c, q.k, q.sb_end
    end = next((m for m in range(k + 1, sb_end) if c.low[m] in CLAUSE_BREAK or c.in_quote[m] >= 0), sb_end)
    last = end - 1
    while last > k and c.is_punct(last):
        last -= 1
    if last <= k + 1 or last - k > 12:
        return None
    h = c.verb_hit(last, sb_end)
    if h is None or not ({"speech", "cognition"} & h.classes) or c.low[last] != h.entry.lemma.replace("_", ""):
        return None                     # only the infinitive: "ließ … verlauten", not "ließ … erklärte"
    sp = subject_after(c, k, last)
    if sp is None or bad_speaker(c, sp):
        return None
    cue = [k, last]
    q.used.update(range(k, last + 1))
    return q.found(sp, cue, "quote_after")


@rule("quote_before", "quote")
def quote_before(q: QuoteSite) -> Found | None:
    """Merz sagte: „Wir müssen reden.“ – a speech verb in the frame before the quotation (the frame
    may be the previous sentence ending with ':')."""
    bounds = q.frame_before()
    if bounds is None:
        return None
    c, used = q.c, q.used
    lo, frame_end = bounds
    for i in range(frame_end - 1, lo - 1, -1):
        if c.in_quote[i] >= 0 or i in used:
            continue
        h = c.verb_hit(i, frame_end)
        if not (h and ("speech" in h.classes or "cognition" in h.classes)):
            continue
        attach_aux(c, h, frame_end)
        clause_lo = clause_start(c, h.i, lo)
        sp = find_subject(c, h, clause_lo, frame_end)
        if sp is None and h.i > lo and c.low[h.i - 1] in ("und", "sowie"):
            sp = coordinated_subject(c, lo, h.i - 1)      # "Er sagte, … und fügte hinzu: „…“"
        if sp is None:
            continue
        if c.R.switch("reported_tail_quote") and _clause_before_quote(c, max([h.i, *h.particle, *h.aux]) + 1, q.qs):
            return None                 # "X sagte, Y werde helfen, „solange es nötig ist“": the quote ends indirect speech
        cue = sorted({h.i, *h.particle, *h.aux, *frame_words(c, max([h.i, *h.particle, *h.aux]) + 1,
                                                                frame_end)})
        used.update(cue)
        c.inverted_ok.add(h.i)
        return q.found(sp, cue, "quote_before")
    return None


def _clause_before_quote(c: Ctx, k: int, qs: int) -> bool:
    """Scholz sagte, Deutschland werde die Ukraine unterstützen, „solange es nötig ist“. – between the frame verb
    (its last word before k) and the comma right before the quotation at qs stands a clause of its own (a comma,
    then a finite verb): the quotation closes that clause, the verb frames it as a whole (verb_konj with a
    partial quote), not the quotation alone."""
    if qs < 1 or c.low[qs - 1] != ",":
        return False
    comma = next((t for t in range(k, qs - 1) if c.low[t] == "," and c.in_quote[t] < 0), None)
    return comma is not None and any(
        c.toks[t].tag_ in FINITE_TAGS and c.in_quote[t] < 0 for t in range(comma + 1, qs - 1))


@rule("quote_colon", "quote")
def quote_colon(q: QuoteSite) -> Found | None:
    """Das Fazit des Berichts lautete: „…“ / Nina Hagen zur Heimat: „…“ – a colon frame without a
    known speech verb; with "heißt es" in the frame the rule id is ``quote_heisst_es``."""
    bounds = q.frame_before()
    b = q.blank_start()
    if bounds is None or q.c.low[b - 1] != ":":
        return None
    lo, frame_end = bounds
    return _colon_frame(q.c, lo, b - 1 if frame_end == b else frame_end, q.qs, q.qe, q.si, q.used)


@rule("quote_frame_verb", "quote")
def quote_frame_verb(q: QuoteSite) -> Found | None:
    """„Das ist ein großer Tag für unser Land“, freute sich Merkel. – a quotation that opens its sentence, then a comma
    and a finite verb outside the speech lexicon with its subject after it ("lachte er", "winkte der Minister ab",
    "gab der 27-Jährige zu Protokoll", "ist sich Dana Mandic sicher"): the subject speaks when it can (a person or
    organisation, a pronoun, a role or group noun: ``plausible_head``). The comma may be missing after a quotation that
    ends with its own point ("„Hilfe!“ rief er"); else without it the quotation is a name or title ("„Boomtown“ heißt
    das erste Bild"). A quotation inside the sentence is no Vorfeld ("in der Straße „Großer Sand“, ist niemand …")."""
    c, k = q.c, q.k
    sb_end = q.sb_end
    if k == q.qe and k == sb_end < len(c.toks) and c.toks[k].text[:1].islower():
        sb_end = c.sents[c.sent_of[k]][1]       # the split "„Hilfe!“ | rief er." (a lower-case verb opens no sentence)
    end = _frame_end(c, k, sb_end)
    if (k == q.qe and c.low[q.qe - 2] not in (".", "!", "?")) or k >= end or not _opens_sentence(q) \
            or not _finite_verb(c, k):
        return None                     # "„Boomtown“ heißt das erste Bild": no comma, no sentence: a title
    sp = subject_dep(c, k) if c.has_dep else None
    if sp is None or not k < sp[0] < end or sp[1] > end or bad_speaker(c, sp) or c.in_quote[sp[0]] >= 0:
        sp = subject_after(c, k + 1 if k + 1 < end and c.low[k + 1] == "sich" else k, end)
    if sp is None or bad_speaker(c, sp) or c.in_quote[sp[0]] >= 0 or not plausible_head(c, sp):
        return None
    sp = trim_addressee(c, sp)
    cue = _frame_verb_cue(c, k, sp, end)
    q.used.update(range(k, max(cue[-1] + 1, sp[1])))
    return q.found(sp, cue, "quote_frame_verb")


def _finite_verb(c: Ctx, k: int) -> bool:
    """A lower-case finite verb at k; the model sometimes tags a preterite an adjective ("winkte" ADJD) but keeps VERB."""
    t = c.toks[k]
    return t.text[:1].islower() and (t.tag_ in FINITE_TAGS or (t.pos_ in ("VERB", "AUX") and t.tag_ not in NON_FINITE_VERB))


NON_FINITE_VERB = ("VVPP", "VAPP", "VMPP", "VVIZU", "VVINF", "VAINF", "VMINF", "VBN", "VB")


def _opens_sentence(q: QuoteSite) -> bool:
    """The quotation opens its sentence (after blank lines) or follows a colon: it fills the Vorfeld of the frame verb."""
    c = q.c
    return all(c.toks[t].is_space for t in range(q.sa, q.qs)) or c.low[q.qs - 1] == ":"


def _frame_end(c: Ctx, k: int, sb_end: int) -> int:
    """The end of the clause that opens at k: the first comma, colon, dash or quotation after it, else the sentence end."""
    return next((m for m in range(k + 1, sb_end) if c.low[m] in CLAUSE_BREAK or c.is_quote_mark(m)), sb_end)


def _frame_verb_cue(c: Ctx, k: int, sp: tuple[int, int], end: int) -> list[int]:
    """The cue of a frame verb at k: the verb, "sich" right after it, a separated particle ("winkte ab") and, after an
    auxiliary or modal, the participle or infinitive that closes the clause ("hat … gesagt", "wurde … zitiert")."""
    cue = [k]
    if k + 1 < end and c.low[k + 1] == "sich":
        cue.append(k + 1)
    for t in range(k + 1, end):
        if c.low[t] in ("und", "oder", "sowie", "aber"):
            break                       # "hatte X versprochen und sollte Recht behalten"
        tag = c.toks[t].tag_
        if sp[0] <= t < sp[1]:
            continue
        if tag == "PTKVZ" or (c.has_dep and c.toks[t].dep_ in ("svp", "compound:prt") and c.toks[t].head.i == k):
            cue.append(t)
        elif tag in NONFINITE_TAGS and c.toks[t].pos_ in ("VERB", "AUX"):
            cue.append(t)
            break
    return sorted(cue)


@rule("quote_continued", "quote")
def quote_continued(q: QuoteSite) -> Found | None:
    """Merz sagte: „…“ „Wir haben keine Zeit.“ – a standalone quotation continues the speaker of the
    previous claim (within two sentences)."""
    if q.ntok < 4 or not quote_is_sentence(q.c, q.qs, q.qe) or not q.prev:
        return None
    f = q.prev[-1]
    if q.c.R.switch("main_frame_continues") and q.qs == q.sa and f.sent == q.si - 1:
        mf = main_frame(q.c, q.si - 1)
        if mf is not None and mf[0].i not in f.cue and not (f.speaker and f.speaker[0] < mf[1][1] and mf[1][0] < f.speaker[1]) \
                and not _reported_frame(q.c, f, mf[0].i):
            h, sp = mf                  # "…, wie es Söder angekündigt hat, lehnt der BN klar ab. „…“": the main
            return q.found(sp, sorted({h.i, *h.particle}), "quote_continued")   # clause's speaker goes on
    if q.si - f.sent <= 2 and f.speaker is not None:
        sp = quote_new_subject(q.c, q.si, f) if q.qs == q.sa else None      # speaker.py, switch quote_new_subject
        if sp is not None:
            return q.found(sp, [], "quote_continued")
        return q.found(latest_mention(q.c, f, q.qs), list(f.cue), "quote_continued", speaker_key=f.speaker_key)
    return None


def _reported_frame(c, f: Found, verb: int) -> bool:
    """Der Vorsitzende, Bernd Pöhlmann, wies das zurück. Man habe Gebhardt persönlich informiert. „Von Spannungen weiß ich
    nichts.“ – a speech verb at the root of the sentence before that lies inside the message of that sentence's own
    Konjunktiv continuation is what the speaker reported ("informiert"), no frame whose subject goes on speaking (switch
    ``reported_main_frame``, spk18)."""
    return c.R.switch("reported_main_frame") and f.rule == "konj_continuation" and f.msg is not None \
        and f.msg[0] <= verb < f.msg[1]


@rule("quote_clause", "quote")
def quote_clause(q: QuoteSite) -> Found | None:
    """Die Zahl der Straftaten habe einen Höchststand erreicht. „Extremismus und Terrorismus“ erlaubten dem BKA keine
    Atempause. – a quotation that opens its sentence and whose clause goes on unquoted after it (a lower-case tail
    with a verb, no frame of saying, no other quotation) continues the speaker of the claim just before (within two
    sentences): the whole clause is the message. A short quotation ("„Daily NK“ beruft sich auf …") is a name."""
    c = q.c
    if q.ntok < 4 or q.qs != q.sa or q.k != q.qe or not q.prev or q.qe >= q.sb or c.sent_of[q.qe - 1] != q.si \
            or not c.toks[q.qe].text[:1].islower() or not c.has_pos:
        return None
    e = q.sb
    while e > q.qe and c.low[e - 1] in (".", "!", "?", ";", ","):
        e -= 1
    tail = range(q.qe, e)
    if not 2 <= e - q.qe <= 25 or any(c.in_quote[t] >= 0 or c.low[t] in (":", ";", ",") or c.verb_hit(t, q.sb) is not None
                                       for t in tail) \
            or not any(c.toks[t].pos_ in ("VERB", "AUX") and c.toks[t].text.islower() for t in tail) \
            or c.low[q.sb - 1] == "?":
        return None                     # "„…“ fragen sich Experten": a frame; a question
    f = q.prev[-1]
    if f.dropped or f.speaker is None or q.si - f.sent > 2:
        return None
    out = q.found(latest_mention(c, f, q.qs), list(f.cue), "quote_clause", speaker_key=f.speaker_key)
    out.msg = (q.qs, e)
    return out


@rule("quote_unattributed", "quote")
def quote_unattributed(q: QuoteSite) -> Found | None:
    """„Wir werden das nicht hinnehmen.“ Das sagte X. – a standalone quotation without a frame (the
    next sentence may name the speaker: ``quote_anaphoric``); a named person as the subject of
    the sentence before is its speaker, else a named actor as the subject of a speech verb there
    ("… lehnt der BN klar ab. „Das Potential ist erschöpft.“", "… rät Experte X davon ab, … Denn: „…“")."""
    c = q.c
    if q.ntok < 6 or not quote_is_sentence(c, q.qs, q.qe):
        return None
    lead_in = q.qs == q.sa or (q.qs - q.sa <= 3 and c.low[q.qs - 1] == ":")      # "Denn: „…“"
    sp = prev_subject(c, q.si) if lead_in else None
    if sp is not None and not has_person_actor(c, sp):
        sp = None               # "Sadiq Khan … verurteilte die Haltung der Regierung. „…“"
    if sp is None and lead_in and c.R.switch("unattributed_prev_frame"):
        sp = prev_frame_subject(c, q.si)
        if sp is not None and not has_actor(c, sp):
            sp = None
    return q.found(sp, [], "quote_unattributed")


def _colon_verb_cue(c: Ctx, root: int, e: int) -> list[int]:
    """Der Minister griff die Opposition an: „…“ – the finite verb of a colon frame whose subject speaks is
    the cue, with its separated particle, a reflexive right after it ("äußerte sich") and "mit den Worten"."""
    tok = c.toks[root]
    if tok.pos_ not in ("VERB", "AUX") or c.in_quote[root] >= 0 or root >= e:
        return []
    if tok.pos_ == "AUX" or tok.tag_ in ("VVPP", "VAPP", "VMPP", "VBN", "VVINF", "VAINF", "VMINF", "VB"):
        return []                       # "ist gewesen", "hat gesagt": a verb group, not a simple frame verb
    cue = [root]
    if root + 1 < e and c.low[root + 1] == "sich":
        cue.append(root + 1)
    for t in range(root + 1, e):
        if c.toks[t].tag_ == "PTKVZ" or (c.has_dep and c.toks[t].dep_ == "svp" and c.toks[t].head.i == root):
            cue.append(t)
    for t in range(root + 1, e - 2):
        if c.low[t:t + 3] == ["mit", "den", "worten"]:
            cue += [t, t + 1, t + 2]
    return sorted(set(cue))


def _colon_frame(c: Ctx, lo: int, e: int, qs: int, qe: int, si: int, used: set[int]) -> Found | None:
    """A frame ending in a colon without a known speech verb: "In dem Antrag heißt es wörtlich: „…“",
    "Das Fazit des Berichts lautete: „…“". The frame's subject (or the in-phrase of 'heißt es')
    is the speaker."""
    for i in range(lo, e - 1):
        if c.low[i] in c.R.impersonal and c.low[i + 1] == "es" and c.in_quote[i] < 0:
            sp = None
            for k in range(lo, e - 1):
                if impersonal_prep(c, k) and k not in (i, i + 1):
                    sp = grab_np(c, k + 1, e, allow_oblique=True)
                    if sp:
                        break
            used.update((i, i + 1))
            return Found((qs, qe), None, sp, [i, i + 1], "direct", "quote_heisst_es", si)
    heads = [t for t in range(lo, e) if c.toks[t].dep_ == "ROOT" and c.in_quote[t] < 0] if c.has_dep else []
    heads += [t for t in range(lo, e) if c.toks[t].pos_ in ("VERB", "AUX") and c.in_quote[t] < 0] \
        if c.has_dep else []
    for root in heads:
        sp = subject_dep(c, root)
        if sp is not None and not bad_speaker(c, sp) and c.in_quote[sp[0]] < 0 and lo <= sp[0] < e:
            cue = _colon_verb_cue(c, root, e) if c.R.switch("colon_frame_cue") else []
            return Found((qs, qe), None, sp, cue, "direct", "quote_colon", si)
    k = lo
    while k < e and (c.low[k] in c.w.skippable or c.is_punct(k)):
        k += 1
    sp = grab_np(c, k, e, pp=True) if k < e else None
    if sp is not None and (has_actor(c, sp) or sp[1] == e):
        return Found((qs, qe), None, sp, [], "direct", "quote_colon", si)      # "Nina Hagen zur Heimat:"
    return None


NO_CLAIM = Found(None, None, None, [], "direct", "no_claim", -1)     # a document rule's "this quote is none"


def unclaimed_quotes(c: Ctx, found: list[Found], covered: set[int]) -> None:
    """The quotations no sentence rule has claimed: the first ``document`` rule that decides on
    one (a claim, or NO_CLAIM) wins."""
    extra = []
    for qi, (qs, qe, q) in enumerate(c.quote_tok):
        if qi in covered or q.depth != 0:
            continue
        for fn in c.stages["document"]:
            f = fn(c, qi, qs, qe, found)
            if f is NO_CLAIM:
                break
            if f is not None:
                extra.append(f)
                covered.add(qi)
                break
    found.extend(extra)


@rule("partial_quote", "document")
def partial_quote(c: Ctx, qi: int, qs: int, qe: int, found: list[Found]) -> Found | None:
    """Er sagte, er „vertraue“ Putin. – a quotation inside an indirect or reported claim is a
    direct claim of the same speaker and cue (a quoted name there is no claim)."""
    for f in found:
        if f.ctype == "direct" or f.msg is None or f.dropped:
            continue
        if f.msg[0] <= qs and qe <= f.msg[1] + 1:
            if looks_like_name(c, qs, qe) or (f.speaker and f.speaker[0] <= qs < f.speaker[1]):
                return NO_CLAIM
            return Found((qs, qe), None, f.speaker, _quote_prep(c, qs, f.cue or f.frame_cue, f.msg[0]), "direct",
                         "partial_quote", f.sent, speaker_key=f.speaker_key)
    return None


@rule("quote_in_frame", "document")
def quote_in_frame(c: Ctx, qi: int, qs: int, qe: int, found: list[Found]) -> Found | None:
    """X nannte die Zahlen „aus der Luft gegriffen“. / Die Menge skandierte „…“. – a quotation in
    a sentence whose speech verb frames it: the verb is the cue, its subject the speaker."""
    if looks_like_name(c, qs, qe):
        return None
    f = _quote_in_verb_sentence(c, qi, qs, qe, found)
    if f is not None:
        f.speaker_key = f.speaker_key or resolve_speaker(c, f.speaker, found)
    return f


def _nearest_cue_verb(c: Ctx, qs: int, a: int, b: int) -> Hit | None:
    """The cue verb of sentence [a, b) nearest to the quote at qs."""
    best = None
    for i in range(a, b):
        if c.in_quote[i] >= 0:
            continue
        h = c.verb_hit(i, b)
        if h is None or not (h.classes & {"speech", "cognition", "reported"}):
            continue
        if best is None or abs(i - qs) < abs(best.i - qs):
            best = h
    return best


def _quoted_name(c: Ctx, qs: int, qe: int, a: int, b: int, found: list[Found]) -> bool:
    """The quotation names something rather than quoting words."""
    if any(f.speaker and f.speaker[0] <= qs < f.speaker[1] for f in found):
        return True                     # part of a speaker's name: das „Wall Street Journal“
    inner = [t for t in range(qs + 1, qe - 1) if c.toks[t].is_alpha]
    if not inner or (any(t in c.ent_at for t in inner) and not _clause_quote(c, inner)
                     and not _als_predicate(c, qs, inner)):
        return True                     # a quoted name or title: „Die Zeit“, „Golem“
    if qs > a and (c.is_nounish(qs - 1) and not c.is_punct(qs - 1)) and not _speech_noun_frame(c, qs) \
            and not (c.R.switch("lowercase_quote_not_name") and c.toks[inner[0]].text[:1].islower()
                     and c.toks[inner[0]].text.isalpha()):
        return True                     # apposition: die Zeitung „…“ (not a predicate: "nannte den Platzverweis „überzogen“")
    if qe < b and c.is_nounish(qe) and not c.is_punct(qe) and c.toks[qe].text[:1].isupper():
        return True                     # „…“-Titel as a modifier
    if c.R.switch("lowercase_quote_not_name") and (
            any(m + "-" in c.toks[qe - 1].text for m in ("»", "“", "«", '"', "”"))
            or (qe < b and c.toks[qe - 1].whitespace_ == "" and c.toks[qe].text[:1] in ("-", "–"))):
        return True                     # «men only»-Regelung: the first part of a compound
    return False


def _clause_quote(c: Ctx, inner: list[int]) -> bool:
    """„Wir Moslems hatten einst die Welt beherrscht …“ – a quotation of five words or more with a finite verb is
    said, not a name, even with a name inside. Switch ``clause_quote_not_name``."""
    return c.R.switch("clause_quote_not_name") and len(inner) >= 5 and c.has_pos and any(
        c.toks[t].pos_ in ("VERB", "AUX") and c.toks[t].text.islower() and c.toks[t].tag_ not in (
            "VVPP", "VVINF", "VAINF", "VMINF", "VVIZU", "VBN", "VB") for t in inner)


def _als_predicate(c: Ctx, qs: int, inner: list[int]) -> bool:
    """Die Äußerungen bezeichnete Wiefelspütz als „Knaller aus Karlsruhe“. – a quotation right after "als" that does not
    open with a name is the predicate the speaker gives, not a name, even with a name inside (switch
    ``als_predicate_quote``; a quotation that opens with a name, „Die Zeit“, stays a name)."""
    return c.R.switch("als_predicate_quote") and qs > 0 and c.low[qs - 1] == "als" and inner[0] not in c.ent_at


SPEECH_NOUN_FRAMES = ("Worten", "Worte", "Satz", "Sätzen", "Zitat", "Äußerung", "Bemerkung", "Ausruf")


def _speech_noun_frame(c: Ctx, qs: int) -> bool:
    """Der Spiegel zitiert den Prediger mit den Worten „Wir warnen das Abendland …“ – a noun of speech right before
    the quotation ("mit den Worten", "mit dem Satz", "die Forderung"; speech.yaml claim_nouns) frames what is quoted:
    the quotation is no name in apposition. Switch ``speech_noun_quote``."""
    w = c.toks[qs - 1].text
    return c.R.switch("speech_noun_quote") and (w in SPEECH_NOUN_FRAMES or w in c.R.claim_nouns)


def _verb_speaker(c: Ctx, h: Hit, a: int, b: int) -> tuple[int, int] | None:
    """The speaker of cue verb h in sentence [a, b) (not inside a quotation)."""
    attach_aux(c, h, b)
    lo = clause_start(c, h.i, a)
    last = max([h.i, *h.particle, *h.aux])
    hi = next((m for m in range(last + 1, b) if c.low[m] in (",", ";", ":") and c.in_quote[m] < 0), b)
    sp = find_subject(c, h, lo, hi) if not is_passive(c, h) else passive_agent(c, lo, hi)
    if sp and (c.in_quote[sp[0]] >= 0 or (sp[1] - sp[0] == 1 and c.low[sp[0]] in c.R.not_speakers)):
        sp = None
    return sp


def _quote_in_verb_sentence(c: Ctx, qi: int, qs: int, qe: int, found: list[Found]) -> Found | None:
    si = c.sent_of[qs]
    a, b = c.sents[si]
    last = min(qe, len(c.toks)) - 1
    if c.sent_of[last] != si and not (c.R.switch("speech_noun_quote") and c.sent_of[last] == si + 1 and all(
            c.is_quote_mark(t) or c.is_punct(t) for t in range(c.sents[si + 1][0], last + 1))):
        return None                     # (the closing mark after the quotation's own point may stand alone)
    h = _nearest_cue_verb(c, qs, a, b)
    if h is None or not (h.classes & QUOTE_FRAME_CLASSES) or _quoted_name(c, qs, qe, a, b, found):
        return None
    for f in found:                     # the verb already frames a claim: share its speaker
        if f.cue and h.i in f.cue and f.sent == si:
            return Found((qs, qe), None, f.speaker, list(f.cue), "direct", "quote_in_frame", si,
                         speaker_key=f.speaker_key)
    sp = _verb_speaker(c, h, a, b)
    if sp is not None and sp[0] <= qs < sp[1]:
        return None
    from .speaker_named import naming_vorfeld_subject
    sp = naming_vorfeld_subject(c, h.i, h.entry.lemma, sp, qs, a)     # "X, Y, nannte die Forderungen „…“" (spk17)
    return Found((qs, qe), None, sp, _quote_prep(c, qs, sorted({h.i, *h.particle, *h.aux})), "direct",
                 "quote_in_frame", si)


QUOTE_FRAME_CLASSES = {"speech", "cognition"}


def _quote_prep(c: Ctx, qs: int, cue: list[int], msg_start: int | None = None) -> list[int]:
    """'bezeichnete X als „…“', 'sprach von „…“': the preposition before a partial quote joins
    the cue of its verb in the same sentence. In a partial quote (``msg_start``: the message of the claim that
    holds it) a preposition inside that message joins only a verb cue of its own clause ("sprach deshalb von
    einem „…“"), not one over a comma ("Künast sagte, es müsse Schluss sein mit „…“": the cue "sagte") nor a
    source ("nach Aussagen des Amtes als die „…“": the cue "nach")."""
    cue = list(cue)
    p = qs - 1
    while p > 0 and qs - p <= 3 and (c.low[p] in c.w.determiners or (c.is_adjish(p) and not c.is_nounish(p))):
        p -= 1
    if cue and p >= 0 and c.low[p] in c.w.quote_prepositions and c.sent_of[cue[0]] == c.sent_of[qs] \
            and cue[0] < p and p - cue[-1] <= 12 and (msg_start is None or p < msg_start or _verb_object_message(c, cue, msg_start)):
        cue = sorted({*cue, p})
    return cue


def _verb_object_message(c: Ctx, cue: list[int], msg_start: int) -> bool:
    """Whether the verb of the cue governs the message that starts at msg_start: a reported sentence around it
    ("X sprach deshalb von einem „…“") or its object ("bezeichnete die Worte als „…“"), not a clause after a comma
    or colon ("sagte, es müsse …"); a cue without a verb (a source: "nach Aussagen X") governs nothing."""
    v = next((t for t in cue if c.has_pos and c.toks[t].pos_ in ("VERB", "AUX") and c.toks[t].text[:1].islower()), None)
    return v is not None and not any(c.low[t] in (",", "–", ";", ":") for t in range(v + 1, msg_start))
