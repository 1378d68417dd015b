"""clm21 (issue 12: which claims exist): a Konjunktiv main clause that frames a quotation after a colon is reported
speech of its own, besides the quotation."""
from __future__ import annotations

from ..context import Sent
from ..registry import rule
from .continuation import continue_claim, konj_main_clause


@rule("konj_colon_frame", "sentence")
def konj_colon_frame(s: Sent) -> None:
    """„Jana ist die Idealbesetzung“, sagt Fuchs. Er habe sich den Zeitpunkt bewusst selbst ausgesucht: „Eine Agentur
    braucht alle paar Jahre frischen Wind.“ – the quotation after the colon is quote_colon's; the sentence's opening up
    to that colon, a main clause in the Konjunktiv as a continuation would need it, is a claim too: the speaker it
    continues (as konj_continuation's), no cue."""
    c = s.c
    for f in list(s.out):
        if f.rule != "quote_colon" or f.msg is None:
            continue
        k = f.msg[0] - 1
        if not (s.a + 2 < k and c.low[k] == ":" and c.in_quote[k] < 0 and c.in_quote[s.a] < 0):
            continue
        if any(g is not f and g.msg is not None and g.msg[0] < k and s.a < g.msg[1] for g in s.out):
            continue
        head = Sent(c, s.si, s.a, k, s.found, s.covered)
        if konj_main_clause(head):
            s.out[s.out.index(f):s.out.index(f)] = continue_claim(head, "konj_colon_frame")
