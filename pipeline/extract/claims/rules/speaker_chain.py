"""Speaker chains of an impersonal frame, spk19: a bare "…, hieß es." (or "Darin hieß es, …") that names no source
reports the source the sentences right before it gave, in the same paragraph (switch ``impersonal_prev_source``)."""
from __future__ import annotations

from ..context import Ctx, Found


def impersonal_prev_source(c: Ctx, si: int, found: list[Found]) -> tuple[int, int] | None:
    """Laut Landesbaudirektion wurden bisher 2,4 Millionen Euro investiert. Diese Mittel seien nicht verloren, hieß es. –
    a "hieß es" without a source of its own (where speech verb's subject in the sentence right before gave none:
    impersonal_prev_frame) reports, in the same paragraph: the speaker of a claim of the sentence right before ("Laut
    Landesbaudirektion"); else that sentence's subject where it resolves to an actor ("Für den Betrieb sucht der Verein
    noch Ehrenamtliche. …; gebraucht würden mindestens 60, hieß es."; "Wimmer-Raab reagierte mit einer Aussendung. Darin
    hieß es, …"); else the subject of a speech verb two sentences back when the sentence between names no actor ("Das
    teilte die Kaltenbach Küchen GmbH mit. Betroffen sind 640 Beschäftigte. Der Betrieb laufe weiter, hieß es."). None
    when none of these is found (switch ``impersonal_prev_source``)."""
    from ..speaker import has_actor, prev_frame_subject, resolve_speaker, subject_dep
    if not c.R.switch("impersonal_prev_source") or si == 0 or _break_before(c, si):
        return None
    for f in reversed(found):
        if f.sent == si - 1 and f.speaker is not None and not f.dropped:
            return f.speaker            # "Laut Landesbaudirektion wurden … investiert."
        if f.sent < si - 1:
            break
    sa, sb = c.sents[si - 1]
    root = next((t for t in range(sa, sb) if c.toks[t].dep_ == "ROOT" and c.in_quote[t] < 0), None)
    sp = subject_dep(c, root) if root is not None and c.has_dep else None
    if sp is not None and c.in_quote[sp[0]] < 0 and resolve_speaker(c, sp, []) is not None:
        return sp                       # "sucht der Verein noch Ehrenamtliche", "Wimmer-Raab reagierte"
    if si >= 2 and not _break_before(c, si - 1) and not has_actor(c, (sa, sb)):
        return prev_frame_subject(c, si - 1)
    return None


def _break_before(c: Ctx, si: int) -> bool:
    """A paragraph break between sentence si - 1 and sentence si."""
    end = c.toks[c.sents[si - 1][1] - 1].idx
    return "\n\n" in c.text[end:c.toks[c.sents[si][0]].idx]
