"""Filter rules of the claim conventions on which the two kinds of gold disagree (clm16).

The Wikinews quotation corpus counts some rows as claims that the modern-news golds (tests/gold/web, whose guide the
blind synth authors followed) do not. Each such class is one filter rule here, listed in ``speech.yaml`` under
``filter:``; ``on`` drops the rows (the modern-news convention, the default since the sixteenth round), ``off`` keeps
them (the Wikinews convention: speech.yaml's ``wikinews`` profile). README "Which claims count" gives the numbers of
both settings on every gold.
"""
from __future__ import annotations

from ..clauses import is_konj1
from ..context import Ctx, Found
from ..registry import rule

COURT_SUFFIX_MIN = 6        # a court word longer than this also ends a compound ("Landgericht"); "kammer", "olg" only alone


@rule("plain_speech_act", "filter")
def plain_speech_act(c: Ctx, f: Found) -> bool:
    """Die Gewerkschaft fordert eine Lohnerhöhung von zwölf Prozent. – a speech act whose object is a plain noun phrase
    reports an act, not a proposition: no claim under the modern-news convention. A speech act stays a claim where it
    carries one: a quotation in its sentence ("sprach von einem „Schlag ins Gesicht“"), an "als"-predicate of a naming
    verb ("Als Grund nannte der Vorstand die schwache Nachfrage"), a colon ("schloss Streiks nicht aus: …") or a
    Konjunktiv I cue (reported speech: "Ihr Verband fordere deshalb mehr Stunden")."""
    if f.rule != "speech_act" or f.msg is None:
        return False
    a, b = c.sents[f.sent]
    if any(c.in_quote[t] >= 0 or (c.low[t] == ":" and c.in_quote[t] < 0) for t in range(a, b)):
        return False
    cue = f.frame_cue or f.cue
    if any(is_konj1(c, t) for t in cue):
        return False
    return not _als_predicate(c, f, cue, a, b)


def _cue_lemmas(c: Ctx, cue: list[int]) -> set[str]:
    """The lexicon lemmas (without "_") of the cue words."""
    return {e.lemma.replace("_", "") for t in cue for e in c.R.forms.get(c.low[t], [])}


def _als_predicate(c: Ctx, f: Found, cue: list[int], a: int, b: int) -> bool:
    """The cue is a naming verb (``als_speech_acts``: nennen, bezeichnen) and its sentence predicates with "als"."""
    if not _cue_lemmas(c, cue) & {x.replace("_", "") for x in c.R.als_speech_acts}:
        return False
    return any(c.low[t] == "als" for t in range(a, b))


@rule("decision_frame", "filter")
def decision_frame(c: Ctx, f: Found) -> bool:
    """Der Gemeinderat hat beschlossen, den Preis für eine Einzelkarte anzuheben. / … . Das hat der Stadtrat beschlossen.
    – a decision (words.yaml ``decision_verbs``) is an act, not a proposition: no claim under the modern-news
    convention. A court's decision stays one ("Der Kassationsgerichtshof hatte entschieden, dass …", "das OLG Hamm
    entschied"; ``court_words`` in the speaker)."""
    if f.msg is None or f.ctype == "direct" or not f.cue:
        return False
    if not _cue_lemmas(c, f.frame_cue or f.cue) & set(c.w.decision_verbs):
        return False
    if f.speaker is None:
        return True
    words = [c.low[t] for t in range(*f.speaker)]
    return not any(w == k or (len(k) > COURT_SUFFIX_MIN and w.endswith(k)) for w in words for k in c.w.court_words)


@rule("offer_frame", "filter")
def offer_frame(c: Ctx, f: Found) -> bool:
    """Der Verein bot der Stadt an, das Gelände zu kaufen. – an offer (words.yaml ``offer_verbs``) with a zu-infinitive
    is an act, not a proposition: no claim under the modern-news convention (like a decision; Wikinews profile: off).
    A Konjunktiv I cue stays (reported in turn)."""
    if f.rule != "verb_zu" or f.msg is None or not f.cue:
        return False
    cue = f.frame_cue or f.cue
    return bool(_cue_lemmas(c, cue) & set(c.w.offer_verbs)) and not any(is_konj1(c, t) for t in cue)
