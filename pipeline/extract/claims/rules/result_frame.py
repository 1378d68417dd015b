"""clm21 (issue 12: which claims exist): a sentence that names the finding before it as the result of a study, a survey
or a test ("Das ist das Ergebnis einer Umfrage der X.") frames that sentence as a reported claim of its source."""
from __future__ import annotations

from ..context import Ctx, Sent
from ..registry import rule
from ..speaker import bad_speaker, grab_np
from .sentence import _frame_previous


@rule("result_frame", "sentence")
def result_frame(s: Sent) -> None:
    """Jeder vierte Versicherte wartet länger als drei Monate auf einen Facharzttermin. Das ist das Ergebnis einer Umfrage
    der Nordwest Ersatzkasse. / … Zu diesem Ergebnis kommt eine Studie der Universität Greifswald. – the sentence before
    (same paragraph, no claim of its own) is what the named study, survey or test found: a reported claim whose speaker
    is that noun phrase, the frame's words its cue ("Das ist das Ergebnis", "Zu diesem Ergebnis kommt")."""
    c, a, b = s.c, s.a, s.b
    if s.si == 0 or b - a < 6 or c.in_quote[a] >= 0:
        return
    k = _result_frame_end(c, a)
    if k is None or k >= b:
        return
    sp = grab_np(c, k, b, allow_oblique=True)
    if sp is None or sp[0] != k or bad_speaker(c, sp) or not _document_head(c, sp):
        return
    kept = [f for f in s.found if not f.dropped]       # "… hält nicht, was sie verspricht": a dropped claim leaves it free
    f = _frame_previous(c, s.si, a, sp, list(range(a, k)), kept, s.used, s.covered)
    if f is not None:
        f.rule = "result_frame"
        s.out.append(f)


def _result_frame_end(c: Ctx, a: int) -> int | None:
    """Where the source's noun phrase starts after "Das/Dies ist/war das Ergebnis" or "Zu diesem/dem Ergebnis kommt", else None."""
    w = c.low
    if w[a] in ("das", "dies") and w[a + 1] in ("ist", "war") and w[a + 2] == "das" and w[a + 3] in c.w.result_nouns:
        return a + 4
    if w[a] == "zu" and w[a + 1] in ("diesem", "dem") and w[a + 2] in c.w.result_nouns and w[a + 3] in c.w.result_arrive_verbs:
        return a + 4
    return None


def _document_head(c: Ctx, sp: tuple[int, int]) -> bool:
    """The noun phrase's first noun names a study, survey or test (words.yaml result_source_nouns, also as the end of a
    compound: "Frühjahrsumfrage"), not a cause ("der schwachen Abwehr")."""
    head = next((t for t in range(*sp) if c.toks[t].text[:1].isupper() and c.low[t] not in c.w.determiners), None)
    if head is None:
        return False
    w = c.low[head]
    return any(w.endswith((n, n + "n", n + "en", n + "s", n + "e")) for n in c.w.result_source_nouns)
