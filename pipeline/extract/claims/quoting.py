"""The person a medium quotes: "Die Zeitung zitiert den Minister mit den Worten, …" (switch ``quoted_person``)."""
from __future__ import annotations

from .context import Ctx, Hit


def quoted_object(c: Ctx, h: Hit, lo: int, hi: int) -> tuple[int, int] | None:
    """Die Zeitung zitiert den Minister mit den Worten, die Lage sei ernst. / „…“, zitierte die Agentur den Minister. –
    with an active verb of quoting (words.yaml quoting_verbs) the words are those of its accusative object, the person
    quoted, not of the medium that quotes (its subject): the object's noun phrase in [lo, hi) is the speaker; None
    without one ("Die Zeitung zitierte aus einem Bericht": the subject stays)."""
    from .clauses import is_passive
    from .speaker import bad_speaker, grab_np
    if not c.R.switch("quoted_person") or not c.has_dep or h.entry.lemma not in c.w.quoting_verbs or is_passive(c, h):
        return None
    for t in range(max(lo, 0), min(hi, len(c.toks))):
        tok = c.toks[t]
        if tok.dep_ != "obj" or tok.head.i != h.i or c.in_quote[t] >= 0:
            continue
        start = max(lo, tok.left_edge.i)
        sp = grab_np(c, start, hi, allow_oblique=True)
        if sp is not None and sp[0] <= t < sp[1] and not bad_speaker(c, sp):
            return sp
    return None
