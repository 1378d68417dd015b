"""Sentences without a cue that continue reported speech: Konjunktiv continuations and sollen-hearsay."""
from __future__ import annotations

from .clauses import HEARSAY, KONJ2, _hearsay, _konj1, _next_comma, _relative
from .context import Ctx, Found, SUBORDINATORS
from .speaker import _latest_mention, _prev_frame_subject, _prev_subject


CONT_WINDOW = 3          # a Konjunktiv sentence continues a speaker of the last N sentences


def _continuation(c: Ctx, si: int, a: int, b: int, found: list[Found], covered: set[int]) -> list[Found]:
    """A main clause in Konjunktiv I continues reported speech: "Auch seien eventuelle
    Sicherheitsgarantien … eine europäische Sache". The speaker is that of the latest claim
    within a few sentences; without one, the claim has no speaker."""
    if c.in_quote[a] >= 0:
        return []
    seg = a
    while seg < b and c.low[seg] in SUBORDINATORS | {"doch", "und", "aber"} and c.low[seg] != "dass":
        if c.low[seg] in ("doch", "und", "aber"):
            seg += 1
            continue
        seg = _next_comma(c, seg, b) + 1
    seg_end = _next_comma(c, seg, b)
    near = bool(found) and si - found[-1].sent == 1
    konj = False
    s0 = seg
    for _ in range(4):          # the main clause may follow fronted phrases and appositions
        e0 = _next_comma(c, s0, b)
        if s0 > seg and (c.low[s0] in SUBORDINATORS | {"um"} or _relative(c, s0)):
            break
        if any(_konj1(c, t) or (near and c.R.switch("konj2_continuation") and c.low[t] in KONJ2 and c.in_quote[t] < 0)
               for t in range(s0, e0)):
            konj = True
            break
        if not c.has_pos or any(c.toks[t].pos_ in ("VERB", "AUX") for t in range(s0, e0)) or e0 >= b:
            break
        s0 = e0 + 1
    konj = konj and not any(c.low[t] in ("ich", "wir") for t in range(a, min(b, a + 3)))
    rule = "konj_continuation"
    if not konj:
        near = bool(found) and si - found[-1].sent == 1 and c.R.switch("soll_continuation")
        if not (_hearsay(c, a, b) or (near and any(c.low[t] in HEARSAY and c.in_quote[t] < 0
                                                   for t in range(seg, seg_end)))):
            return []
        rule = "soll_hearsay"
    last = found[-1] if found else None
    if last is not None and si - last.sent > CONT_WINDOW:
        last = None
    if last is not None and last.rule == rule == "konj_continuation" and last.msg and last.sent == si - 1:
        gap = c.text[c.toks[c.sents[si - 1][1] - 1].idx:c.toks[a].idx]
        if "\n\n" not in gap:
            last.msg = (last.msg[0], b)          # one claim for consecutive Konjunktiv sentences
            last.sent = si
            return []
    if last is not None and last.rule == "source_adverb":
        last = None                     # "Demnach" names no speaker to continue
    if last is None or last.speaker is None:
        src = next((f for f in reversed(found) if f.speaker is not None and si - f.sent <= CONT_WINDOW
                    and f.rule != "source_adverb"), None)
        if src is None:
            sp = _prev_frame_subject(c, si)
            if sp is None and c.R.switch("prev_subject") and rule == "konj_continuation":
                sp = _prev_subject(c, si)
            return [Found((a, b), None, sp, [], "indirect", rule, si)]
        last = src
    if last.sent < si - 1:
        sp = _prev_frame_subject(c, si)      # a newer frame without a claim of its own
        if sp is not None:
            return [Found((a, b), None, sp, [], "indirect", rule, si)]
    f = Found((a, b), None, _latest_mention(c, last, a), [], "indirect", rule, si,
              speaker_key=last.speaker_key)
    return [f]






