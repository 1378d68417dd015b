"""clm19 (issue 12: which claims exist): a Konjunktiv continuation that opens with a fronted clause the
subordinator list does not name: a free relative "wer" or a verb-first conditional ("Sollte …")."""
from __future__ import annotations

from ..context import Ctx

FINITE_TAGS = ("VVFIN", "VAFIN", "VMFIN", "VBC")


def fronted_clause_end(c: Ctx, seg: int, b: int) -> int:
    """Wer heute pflanze, schaffe Kühlung für die 2040er Jahre. / Wer vermisst, was im Garten stand, könne sich melden. /
    Sollte das Schiedsgericht anders entscheiden, werde man das respektieren. – a clause opened by the free relative
    "wer" or by a verb-first conditional (words.yaml claims.conditional_v1: "sollte", "sollten") is fronted before the
    main clause, as a "wenn"-clause is: the main clause starts after the comma that a lower-case finite verb follows
    (clauses embedded in the fronted one, "was im Garten stand", are passed over). ``seg`` where the fronted clause
    would open; returned unchanged when it opens none (switch ``fronted_free_relative``)."""
    if not (c.R.switch("fronted_free_relative") and c.has_pos and seg < b) or c.in_quote[seg] >= 0:
        return seg
    if not (c.low[seg] == "wer" or c.low[seg] in c.w.conditional_v1):
        return seg
    for k in range(seg + 2, b - 1):
        if c.low[k] != "," or c.in_quote[k] >= 0:
            continue
        nxt = c.toks[k + 1]
        if nxt.text.islower() and (nxt.tag_ in FINITE_TAGS or c.is_konj(k + 1)
                                   or "Fin" in c.feats[k + 1].get("VerbForm", ())):
            return k + 1
    return seg


def fronted_verb_e(c: Ctx, t: int, seg0: int, seg: int) -> bool:
    """Wer heute pflanze, schaffe Kühlung … – token t, a lower-case word in -e (no -te) right after the fronted clause
    [seg0, seg) of ``fronted_clause_end``, stands where the main clause's finite verb stands: its Konjunktiv I, whatever
    our model tags it; not a word of words.yaml not_konjunktiv_e, preterites_in_e, determiners or konjunktiv2."""
    if not t == seg > seg0:
        return False
    lw, tok = c.low[t], c.toks[t]
    return (tok.text.islower() and lw.isalpha() and len(lw) >= 4 and lw.endswith("e") and not lw.endswith("te")
            and lw not in c.w.not_konjunktiv_e and lw not in c.w.preterites_in_e and lw not in c.w.determiners
            and lw not in c.w.konjunktiv2 and not c.first_person_near(t))
