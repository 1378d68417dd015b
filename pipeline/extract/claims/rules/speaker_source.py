"""Speaker of source phrases (spk16b): "nach eigenen Angaben" after the subject in the middle field of its clause."""
from __future__ import annotations

from ..context import Ctx

NOMINATIVE_ARTICLES = ("der", "das")    # "die" is as often an accusative object ("will die Preise nach eigenen …")


def mittelfeld_own_subject(c: Ctx, i: int, a: int) -> tuple[int, int] | None:
    """Betriebsbedingte Kündigungen will der Konzern nach eigenen Angaben vermeiden. – "nach eigenen Angaben" (token i:
    "nach") right after the finite verb and one noun phrase opened by "der"/"das" or naming an actor: that noun phrase
    is the subject the phrase refers to, whatever the parse made the subject (here the fronted object). None when
    anything else stands between the verb and the phrase, or when the verb opens the sentence (switch
    ``own_source_mittelfeld``)."""
    from ..speaker import bad_speaker, grab_np, has_actor
    if not c.R.switch("own_source_mittelfeld") or c.low[i] != "nach" or c.in_quote[i] >= 0:
        return None
    for v in range(i - 2, max(a, i - 6), -1):
        if c.toks[v].pos_ in ("VERB", "AUX") and c.toks[v].text.islower():
            sp = grab_np(c, v + 1, i)
            if sp != (v + 1, i) or bad_speaker(c, sp):
                return None
            return sp if c.low[v + 1] in NOMINATIVE_ARTICLES or has_actor(c, sp) else None
        if c.is_punct(v):
            return None
    return None
