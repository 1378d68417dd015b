"""Speaker chains of an impersonal frame, spk19: a bare "…, hieß es." (or "Darin hieß es, …") that names no source
reports the source the sentences right before it gave, in the same paragraph (switch ``impersonal_prev_source``)."""
from __future__ import annotations

from ..context import Ctx, Found


def impersonal_prev_source(c: Ctx, si: int, found: list[Found], a: int, i: int) -> tuple[int, int] | None:
    """Laut Landesbaudirektion wurden bisher 2,4 Millionen Euro investiert. Diese Mittel seien nicht verloren, hieß es. –
    a "hieß es" without a source of its own (where speech verb's subject in the sentence right before gave none:
    impersonal_prev_frame) reports, in the same paragraph: the speaker of a claim of the sentence right before ("Laut
    Landesbaudirektion", where it resolves to an actor); else that sentence's subject where it resolves to an organisation
    ("Für den Betrieb sucht der Verein noch Ehrenamtliche. …; gebraucht würden mindestens 60, hieß es."), after "Darin" to
    any actor ("Wimmer-Raab reagierte mit einer Aussendung. Darin hieß es, …"), not to a person the sentence is about
    ("Delmare soll verlegt werden. Eine Heilung sei ausgeschlossen, heißt es."); else the subject of a speech verb two sentences back when the sentence between names no actor ("Das
    teilte die Kaltenbach Küchen GmbH mit. Betroffen sind 640 Beschäftigte. Der Betrieb laufe weiter, hieß es."). None
    when none of these is found (switch ``impersonal_prev_source``)."""
    from ..speaker import has_actor, prev_frame_subject, resolve_speaker, subject_dep
    darin = i == a + 1 and c.low[a] == "darin"
    if not c.R.switch("impersonal_prev_source") or si == 0 or not (darin or i > a and c.low[i - 1] == ",") \
            or _break_before(c, si):
        return None                     # "…, hieß es" after its message, or "Darin hieß es, …"
    for f in reversed(found):
        if f.sent == si - 1 and f.speaker is not None and not f.dropped and resolve_speaker(c, f.speaker, []):
            return f.speaker            # "Laut Landesbaudirektion wurden … investiert."
        if f.sent < si - 1:
            break
    sa, sb = c.sents[si - 1]
    root = next((t for t in range(sa, sb) if c.toks[t].dep_ == "ROOT" and c.in_quote[t] < 0), None)
    sp = subject_dep(c, root) if root is not None and c.has_dep else None
    key = resolve_speaker(c, sp, []) if sp is not None and c.in_quote[sp[0]] < 0 else None
    if key and (darin or _actor_type(c, key) == "organization"):
        return sp                       # "sucht der Verein noch Ehrenamtliche", "Wimmer-Raab reagierte … Darin"
    if si >= 2 and not _break_before(c, si - 1) and not has_actor(c, (sa, sb)):
        return prev_frame_subject(c, si - 1)
    return None


def _break_before(c: Ctx, si: int) -> bool:
    """A paragraph break between sentence si - 1 and sentence si."""
    end = c.toks[c.sents[si - 1][1] - 1].idx
    return "\n\n" in c.text[end:c.toks[c.sents[si][0]].idx]


def _actor_type(c: Ctx, key: str) -> str | None:
    return next((a.actor_type for a in c.actors if a.key == key), None)
