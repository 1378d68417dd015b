"""Rules started by a speech or cognition verb: dass/ob clauses, Konjunktiv and zu-infinitive
clauses, inverted frames, "wie X berichtete" and speech acts."""
from __future__ import annotations

import re

from .clauses import PRON_ADVERBS, STATIVE_AUX, _apposition_comma, _attach_aux, _clause_end, _clause_start, _embedded_end, _frame_words, _in_parens, _is_clause, _konj_end, _msg_around, _msg_without, _next_comma, _passive, _relative, _strip_end
from .context import Ctx, Found, Hit, OBJECT_CONTROL, PERSON_PRON, PUNCT_END, REL_PRONOUNS, SUBORDINATORS
from .speaker import _bad_speaker, _coordinated_subject, _has_actor, _passive_agent, _subject_before_comma, find_subject, grab_np, np_before, subject_after, subject_dep




SPEECH_ACTS = True      # speech acts with an object ("schloss ... aus") become reported claims


def _verb_claim(c: Ctx, h: Hit, si: int, a: int, b: int, used: set[int], out: list[Found],
                only_inverted: bool = False) -> Found | None:
    _attach_aux(c, h, b)
    classes = h.classes
    last = max([h.i, *h.particle, *h.aux])
    # clause bounds around the verb
    lo = _clause_start(c, h.i, a)
    hi = b
    for m in range(h.i + 1, b):
        if c.low[m] in (",", ";", ":") and c.in_quote[m] < 0 and m > last:
            hi = m
            break
    sp = find_subject(c, h, lo, hi) if not _passive(c, h) else _passive_agent(c, lo, hi)
    if sp and (sp[1] - sp[0] == 1 and c.low[sp[0]] in c.R.not_speakers or _bad_speaker(c, sp)):
        sp = None
    if sp is None and h.i > lo and c.low[h.i - 1] in ("und", "sowie") and not _passive(c, h):
        sp = _coordinated_subject(c, c.sents[si][0], h.i - 1)     # "… und teilte mit, dass …"
    subordinate = c.low[lo] in SUBORDINATORS and lo < h.i
    cue = sorted({h.i, *h.particle, *h.aux})
    if lo > a and c.low[lo - 1] == "," and c.low[lo] in ("wie",) and h.i > lo:
        cue = sorted({lo, *cue})
    # skip frames already inside another claim's message
    for f in out:
        if f.msg and f.msg[0] <= h.i < f.msg[1] and f.ctype == "direct":
            return None
    # A. dass/ob clause after the verb
    k = last + 1
    while k < b and not only_inverted:
        if c.low[k] == "," and k + 1 < b and c.low[k + 1] in c.R.complementizers and c.in_quote[k] < 0:
            if c.low[k + 1] == "wie" and "cognition" not in classes and c.low[k + 2:k + 3] == ["es"]:
                break
            if c.low[k + 1] not in ("dass", "daß") and ("speech" not in classes or _passive(c, h)):
                break           # "entscheiden, ob …", "wird geprüft, wie …": no claim
            end = _embedded_end(c, k + 1, b)
            if sp is None and c.low[lo] in ("wie",):
                break
            # "verweist darauf, dass", "zeigte sich darüber besorgt, dass": the correlate joins the cue
            cue = sorted({*cue, *(t for t in range(last + 1, k) if c.low[t] in PRON_ADVERBS)})
            used.update(cue)
            return Found((k + 1, end), None, sp, cue, "indirect", "verb_dass", si)
        if c.low[k] in (";", ":") or (c.low[k] in PUNCT_END and c.in_quote[k] < 0):
            break
        if c.R.switch("later_verb_frames") and k > last + 1 and c.in_quote[k] < 0 and c.low[k - 1] in (",", ")") \
                and k not in h.particle and c.toks[k].text[:1].islower() and c.verb_hit(k, b) is not None:
            break               # "X, die … korrigiert hatte, sagte, dass …": the later verb frames it
        if c.low[k] == "," and k > last + 1 and not _apposition_comma(c, k, sp):
            # another clause starts: check for a Konjunktiv clause
            break
        k += 1
    # colon after the verb: "Er sagte: Das sei ..." (no quote)
    # B. Konjunktiv clause after the verb: "betonte Trump, er vertraue Putin"
    k = hi
    if k < b and c.low[k] == "," and (sp is not None or _passive(c, h)) and not only_inverted:
        seg_start = k + 1
        msg_start = None                # set when a verbless segment opens the message
        for _ in range(4):
            seg_end = _next_comma(c, seg_start, b)
            if seg_start < b and _relative(c, seg_start):
                seg_start = seg_end + 1
                continue
            if seg_start < b and c.low[seg_start] in SUBORDINATORS | {"um", "und", "weil"} and not (
                    seg_start + 1 < b and c.low[seg_start] in ("damit", "da") and c.is_konj(seg_start + 1)):
                break
            if sp is not None and sp[1] == seg_start - 1 and seg_end < b and \
                    not any(c.is_konj(t) for t in range(seg_start, seg_end)):
                ap = grab_np(c, seg_start, seg_end, appos=False)
                if ap and ap[1] == seg_end:          # apposition: "der Direktor der IAEO, Mohammed el-Baradei,"
                    sp = (sp[0], seg_end)
                    seg_start = seg_end + 1
                    continue
            if any(c.is_konj(t) for t in range(seg_start, seg_end)) and sp is not None:
                cue = sorted({*cue, *_frame_words(c, last + 1, k)})
                used.update(cue)
                m0 = msg_start if msg_start is not None else seg_start
                return Found((m0, _konj_end(c, m0, b)), None, sp, cue, "indirect", "verb_konj", si)
            e = _strip_end(c, seg_start, seg_end)
            if "speech" in classes and e - seg_start >= 2 and c.in_quote[e - 1] < 0 and (
                    c.low[e - 2] == "zu" or (c.has_pos and c.toks[e - 1].tag_ == "VVIZU")
                    or re.fullmatch(r"(an|auf|aus|ein|mit|vor|zurück|ab|her|hin|bei|fest|zusammen|weiter|fort|nach|dar|durch|um|"
                                 r"wieder|heraus|herbei|hinzu|bereit|frei|voran|vorbei|los|weg|bekannt|statt|teil)zu\w+e?n",
                                    c.low[e - 1])):
                used.update(cue)
                if sp is not None and sp[0] > h.i and h.entry.lemma in OBJECT_CONTROL:
                    # "forderte die Junta auf, …": the NP after the verb is the addressee
                    before = np_before(c, h.aux[0] if h.aux and h.aux[0] < h.i else h.i, lo) if lo < h.i else \
                        _subject_before_comma(c, lo)
                    sp = before if before is not None and not _bad_speaker(c, before) else sp
                return Found((seg_start, e), None, sp, cue, "indirect", "verb_zu", si)
            if c.has_pos and seg_end < b and seg_end - seg_start <= 8 and not any(
                    c.toks[t].pos_ in ("VERB", "AUX") for t in range(seg_start, seg_end)):
                # a fronted phrase: "erklärte die Ministerin, in den Bundesländern, in denen …, sei …"
                msg_start = seg_start if msg_start is None else msg_start
                seg_start = seg_end + 1
                continue
            break
    # C. inverted: "X sei Y, sagte Z." / "…, machte er klar."
    if lo > a and c.low[lo - 1] == "," and h.i == lo and "speech" in classes | {"cognition"} \
            and not (h.entry.participle and c.has_pos and c.toks[h.i].tag_ in ("VVPP", "VAPP", "VMPP")):
        sp2 = subject_after(c, max([h.i, *h.aux]), hi) or sp
        if sp2 is not None:
            msg = _msg_around(c, a, b, lo - 1, _clause_end(c, sp2[1], b))
            if msg[1] > msg[0] and c.in_quote[msg[0]] < 0 and not any(t in used for t in range(*msg)) \
                    and _is_clause(c, msg[0], msg[1]):
                used.update(cue)
                return Found(msg, None, sp2, cue, "indirect", "verb_inverted", si)
    if only_inverted:
        return None
    # D. "wie X berichtete" with the message in the main clause
    if lo < h.i and c.low[lo] == "wie" and sp is not None and "speech" in classes:
        phrase = (lo - 1 if lo > a and c.low[lo - 1] == "," else lo, hi + (1 if hi < b and c.low[hi] == "," else 0))
        msg = _msg_without(c, a, b, phrase)
        if msg:
            used.update(range(lo, hi))
            return Found(msg, None, sp, sorted({lo, *cue}), "reported", "wie_verb", si)
    # E. speech act with an object: the whole sentence is the reported claim
    if SPEECH_ACTS and ("reported" in classes or _als_act(c, h, lo, hi, a, b)) and sp is not None and not subordinate and not any(f.ctype != "direct" for f in out) \
            and (not h.entry.participle or h.aux):
        if c.in_quote[a] < 0 and _speech_act_ok(c, h, sp, lo, a):
            used.update(cue)
            return Found((a, b), None, sp, cue, "reported", "speech_act", si, frame_cue=cue)
    return None


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
    if _in_parens(c, h.i, a, c.sents[c.sent_of[h.i]][1]):
        return False
    if h.entry.participle and h.aux and all(c.low[x] in STATIVE_AUX for x in h.aux):
        return False                    # "Ein Fremdverschulden ist ausgeschlossen": a state, no act
    if sp[1] - sp[0] == 1 and c.low[sp[0]] in REL_PRONOUNS:
        return False
    if lo > a and c.low[lo] in REL_PRONOUNS:
        return False
    if c.has_dep:
        s = subject_dep(c, h.i)
        if s is None:
            first = h.aux[0] if h.aux and h.aux[0] < h.i else h.i
            # no parse subject: accept a named subject or a pronoun right before the verb
            return sp[1] == first and (_has_actor(c, sp) or c.low[sp[0]] in PERSON_PRON | {"sie"})
        if not (s[0] <= sp[0] < s[1] or sp[0] <= s[0] < sp[1]):
            return False
    return True
