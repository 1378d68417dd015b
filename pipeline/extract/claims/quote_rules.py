"""Rules for quotations: the frame before or after a quote, colon frames, standalone quotes that
continue a speaker, and quotes inside other claims or verb sentences."""
from __future__ import annotations

from .clauses import _attach_aux, _clause_start, _crosses_quote, _frame_words, _looks_like_name, _passive, _quote_is_sentence
from .context import CLAUSE_BREAK, Ctx, DETS, Found, SKIPPABLE
from .speaker import _bad_speaker, _coordinated_subject, _has_actor, _latest_mention, _passive_agent, _person_actor, _prev_subject, find_subject, grab_np, resolve_speaker, subject_after, subject_dep


def _attribute_quote(c: Ctx, qi: int, qs: int, qe: int, si: int, prev: list[Found], used: set[int]) -> Found | None:
    n = len(c.toks)
    ntok = qe - qs - 2
    sa, sb = c.sents[si]
    sb_end = c.sents[c.sent_of[qe - 1]][1]          # the sentence where the quote ends
    # a. after: „…“, sagte X / „…“, so X / „…“, wie X sagte / „…“, heißt es
    k = qe
    if k < n and c.low[k] in (",", "–"):
        k += 1
    if k < sb_end and k != qe or (k < sb_end and c.toks[k].text[:1].islower()):
        lw = c.low[k]
        if lw == c.R.so_marker:
            sp = grab_np(c, k + 1, sb_end)
            if sp and not _bad_speaker(c, sp):
                if qs == sa or c.low[qs - 1] in (":",) or c.is_quote_mark(qs - 1):
                    used.update(range(k, sp[1]))   # else ", so X" frames the whole sentence too
                return Found((qs, qe), None, sp, [k], "direct", "quote_so", si)
            if k + 1 < sb_end and c.low[k + 1] in c.R.impersonal:
                used.update(range(k, k + 3))
                return Found((qs, qe), None, None, [k + 1, k + 2], "direct", "quote_heisst_es", si)
        if lw in c.R.impersonal and k + 1 < sb_end and c.low[k + 1] == "es":
            cue = [k, k + 1]
            sp = None
            if k + 2 < sb_end and c.low[k + 2] in c.R.impersonal_preps:
                sp = grab_np(c, k + 3, sb_end, allow_oblique=True)
                sp = (k + 2, sp[1]) if sp else None
            used.update(range(k, sp[1] if sp else k + 2))
            return Found((qs, qe), None, sp, cue, "direct", "quote_heisst_es", si)
        h = None
        kk = k
        if lw == "wie":
            # „…“, wie Trump erklärte / wie er einmal sagte
            for m in range(k + 1, min(sb_end, k + 12)):
                if c.low[m] in CLAUSE_BREAK:
                    break
                h = c.verb_hit(m, sb_end)
                if h:
                    break
            if h:
                _attach_aux(c, h, sb_end)
                sp = find_subject(c, h, k, sb_end)
                cue = sorted({k, h.i, *h.particle, *h.aux})
                used.update(range(k, max(cue) + 1))
                return Found((qs, qe), None, sp, cue, "direct", "quote_wie", si)
        if lw in c.R.auxiliaries and k + 1 < sb_end:
            kk = k
        for m in (k, k + 1) if lw in c.R.auxiliaries else (k,):
            if m < sb_end:
                h = c.verb_hit(m, sb_end)
                if h and ("speech" in h.classes or "cognition" in h.classes):
                    break
                h = None
        if h is None and lw in c.R.auxiliaries:
            # „…“, hatte er gesagt
            for m in range(k + 1, min(sb_end, k + 6)):
                if c.low[m] in CLAUSE_BREAK:
                    break
                hh = c.verb_hit(m, sb_end)
                if hh and hh.entry.participle:
                    hh.aux = [k]
                    sp = subject_after(c, k, sb_end)
                    cue = sorted({k, hh.i, *hh.particle})
                    used.update(range(k, max(cue) + 1))
                    return Found((qs, qe), None, sp, cue, "direct", "quote_after", si)
        if h is not None:
            _attach_aux(c, h, sb_end)
            sp = subject_dep(c, h.i) if c.has_dep else None
            if sp is None or _bad_speaker(c, sp) or c.is_punct(sp[0]) or c.in_quote[sp[0]] >= 0 \
                    or _crosses_quote(c, *sp):
                sp = subject_after(c, max([h.i] + [x for x in h.aux if x > h.i]), sb_end)
            if k == qe and not (c.low[qe - 2] in ("?", "!") and c.toks[k].text[:1].islower() and sp):
                h = None                # „Wozu …?“ fragen sich Experten
        if h is not None:
            cue = sorted({h.i, *h.particle, *h.aux})
            used.update(range(k, max(cue) + 1))
            if sp:
                used.update(range(sp[0], sp[1]))
            return Found((qs, qe), None, sp, cue, "direct", "quote_after", si)
    # b. before: X sagte: „…“  /  X sagte, „…“  /  previous sentence ends with ':'
    lo = sa
    frame_end = qs
    if qs == sa and si > 0 and c.low[qs - 1] == ":":
        lo, frame_end = c.sents[si - 1][0], qs - 1
    elif qs > sa and c.low[qs - 1] not in (":", ","):
        frame_end = None
    elif qe < sb_end and c.low[qe] not in CLAUSE_BREAK and not c.is_quote_mark(qe) and c.low[qs - 1] == ",":
        frame_end = None            # the quote opens a longer clause: a partial quote in indirect speech
    if frame_end is not None and frame_end > lo:
        for i in range(frame_end - 1, lo - 1, -1):
            if c.in_quote[i] >= 0 or i in used:
                continue
            h = c.verb_hit(i, frame_end)
            if h and ("speech" in h.classes or "cognition" in h.classes):
                _attach_aux(c, h, frame_end)
                clause_lo = _clause_start(c, h.i, lo)
                sp = find_subject(c, h, clause_lo, frame_end)
                if sp is None and h.i > lo and c.low[h.i - 1] in ("und", "sowie"):
                    sp = _coordinated_subject(c, lo, h.i - 1)      # "Er sagte, … und fügte hinzu: „…“"
                if sp is None:
                    continue
                cue = sorted({h.i, *h.particle, *h.aux, *_frame_words(c, max([h.i, *h.particle, *h.aux]) + 1,
                                                                        frame_end)})
                used.update(cue)
                c.inverted_ok.add(h.i)
                return Found((qs, qe), None, sp, cue, "direct", "quote_before", si)
        if c.low[qs - 1] == ":":
            f = _colon_frame(c, lo, qs - 1 if frame_end == qs else frame_end, qs, qe, si, used)
            if f is not None:
                return f
    # c. the quote lies inside a later indirect frame or continues a speaker: handled later
    if ntok >= 4 and _quote_is_sentence(c, qs, qe):
        # a standalone quotation continues the speaker of the previous claim
        for f in reversed(prev):
            if si - f.sent <= 2 and f.speaker is not None:
                return Found((qs, qe), None, _latest_mention(c, f, qs), list(f.cue), "direct", "quote_continued", si,
                             speaker_key=f.speaker_key)
            break
        if ntok >= 6:
            # the next sentence may name the speaker: „…“ Das sagte X.
            sp = _prev_subject(c, si) if qs == sa else None
            if sp is not None and not _person_actor(c, sp):
                sp = None               # "Sadiq Khan … verurteilte die Haltung der Regierung. „…“"
            return Found((qs, qe), None, sp, [], "direct", "quote_unattributed", si)
    return None


def _colon_frame(c: Ctx, lo: int, e: int, qs: int, qe: int, si: int, used: set[int]) -> Found | None:
    """A frame ending in a colon without a known speech verb: "In dem Antrag heißt es wörtlich: „…“",
    "Das Fazit des Berichts lautete: „…“". The frame's subject (or the in-phrase of 'heißt es')
    is the speaker."""
    for i in range(lo, e - 1):
        if c.low[i] in c.R.impersonal and c.low[i + 1] == "es" and c.in_quote[i] < 0:
            sp = None
            for k in range(lo, e - 1):
                if c.low[k] in c.R.impersonal_preps and k not in (i, i + 1):
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
        if sp is not None and not _bad_speaker(c, sp) and c.in_quote[sp[0]] < 0 and lo <= sp[0] < e:
            return Found((qs, qe), None, sp, [], "direct", "quote_colon", si)
    k = lo
    while k < e and (c.low[k] in SKIPPABLE or c.is_punct(k)):
        k += 1
    sp = grab_np(c, k, e, pp=True) if k < e else None
    if sp is not None and (_has_actor(c, sp) or sp[1] == e):
        return Found((qs, qe), None, sp, [], "direct", "quote_colon", si)      # "Nina Hagen zur Heimat:"
    return None


def _nested_quotes(c: Ctx, found: list[Found], covered: set[int]) -> None:
    """Partial quotes inside an indirect or reported claim are direct claims of the same speaker."""
    extra = []
    for qi, (qs, qe, q) in enumerate(c.quote_tok):
        if qi in covered or q.depth != 0:
            continue
        for f in found:
            if f.ctype == "direct" or f.msg is None:
                continue
            if f.msg[0] <= qs and qe <= f.msg[1] + 1:
                if _looks_like_name(c, qs, qe) or (f.speaker and f.speaker[0] <= qs < f.speaker[1]):
                    break
                extra.append(Found((qs, qe), None, f.speaker, _quote_prep(c, qs, f.cue or f.frame_cue), "direct",
                                   "partial_quote", f.sent,
                                   speaker_key=f.speaker_key))
                covered.add(qi)
                break
        else:
            if not _looks_like_name(c, qs, qe):
                f = _quote_in_verb_sentence(c, qi, qs, qe, found)
                if f is not None:
                    f.speaker_key = f.speaker_key or resolve_speaker(c, f.speaker, found)
                    extra.append(f)
                    covered.add(qi)
    found.extend(extra)


def _quote_in_verb_sentence(c: Ctx, qi: int, qs: int, qe: int, found: list[Found]) -> Found | None:
    """A quotation inside a sentence whose speech verb frames it: 'X nannte die Zahlen „aus der
    Luft gegriffen“', 'Die Menge skandierte „…“'. The verb is the cue, its subject the speaker."""
    si = c.sent_of[qs]
    a, b = c.sents[si]
    if c.sent_of[min(qe, len(c.toks)) - 1] != si:
        return None
    best = None
    for i in range(a, b):
        if c.in_quote[i] >= 0:
            continue
        h = c.verb_hit(i, b)
        if h is None or not (h.classes & {"speech", "cognition", "reported"}):
            continue
        if best is None or abs(i - qs) < abs(best.i - qs):
            best = h
    if best is None or not (best.classes & QUOTE_FRAME_CLASSES):
        return None
    if any(f.speaker and f.speaker[0] <= qs < f.speaker[1] for f in found):
        return None                     # part of a speaker's name: das „Wall Street Journal“
    h = best
    inner = [t for t in range(qs + 1, qe - 1) if c.toks[t].is_alpha]
    if not inner or any(t in c.ent_at for t in inner):
        return None                     # a quoted name or title: „Die Zeit“, „Golem“
    if qs > a and (c.is_nounish(qs - 1) and not c.is_punct(qs - 1)):
        return None                     # apposition: die Zeitung „…“
    if qe < b and c.is_nounish(qe) and not c.is_punct(qe) and c.toks[qe].text[:1].isupper():
        return None                     # „…“-Titel as a modifier
    for f in found:                     # the verb already frames a claim: share its speaker
        if f.cue and h.i in f.cue and f.sent == si:
            return Found((qs, qe), None, f.speaker, list(f.cue), "direct", "quote_in_frame", si,
                         speaker_key=f.speaker_key)
    _attach_aux(c, h, b)
    lo = _clause_start(c, h.i, a)
    hi = b
    last = max([h.i, *h.particle, *h.aux])
    for m in range(last + 1, b):
        if c.low[m] in (",", ";", ":") and c.in_quote[m] < 0:
            hi = m
            break
    sp = find_subject(c, h, lo, hi) if not _passive(c, h) else _passive_agent(c, lo, hi)
    if sp and (c.in_quote[sp[0]] >= 0 or (sp[1] - sp[0] == 1 and c.low[sp[0]] in c.R.not_speakers)):
        sp = None
    if sp is not None and sp[0] <= qs < sp[1]:
        return None
    return Found((qs, qe), None, sp, _quote_prep(c, qs, sorted({h.i, *h.particle, *h.aux})), "direct",
                 "quote_in_frame", si)


QUOTE_FRAME_CLASSES = {"speech", "cognition"}


QUOTE_PREPS = {"als", "von", "vom", "mit", "zu", "zum", "zur"}


def _quote_prep(c: Ctx, qs: int, cue: list[int]) -> list[int]:
    """'bezeichnete X als „…“', 'sprach von „…“': the preposition before a partial quote joins
    the cue of its verb in the same sentence."""
    cue = list(cue)
    p = qs - 1
    while p > 0 and qs - p <= 3 and (c.low[p] in DETS or (c.is_adjish(p) and not c.is_nounish(p))):
        p -= 1
    if cue and p >= 0 and c.low[p] in QUOTE_PREPS and c.sent_of[cue[0]] == c.sent_of[qs] \
            and cue[0] < p and p - cue[-1] <= 12:
        cue = sorted({*cue, p})
    return cue
