"""Which sentences a ``sentence`` rule can find a claim in (issue 16, speed20): a gate per sentence in front of
the rules that scan every comma or every word of every sentence for a cue that only few sentences hold.

:data:`SENTENCE_RULE_NEEDS`: per rule, the words one of which the sentence must hold for the rule to give a claim
(its cue word, which the rule looks for only after costlier tests on every comma: Konjunktiv forms, zu-infinitives):

- ``claim_cue``: a claim noun (speech.yaml claim_nouns, as written) or a claim adjective (words.yaml claims
  claim_adjectives, lower case): noun_dass and noun_konj take their cue through ``_noun_cue`` -> ``_cue_word_before``,
  which returns only such a word of the sentence;
- ``demand_noun``: a demand noun (speech.yaml demand_nouns, as written): noun_zu's cue;
- ``source_adverb``: a source adverb or a context source adverb (speech.yaml source_adverbs,
  context_source_adverbs, lower case): source_adverb's cue;
- ``trigger:source_prep``: a start of the rule's own trigger pattern (laut, gemäß, nach, zufolge): source_prep looks
  at nothing else;
- ``quote_start``: a top-level quotation that starts in the sentence: each_quote runs the quote rules on those only.

The rule is not called for a sentence without such a word, as it would find nothing there (``gates.ungated(
"sentence_rules")``; ``tests/test_speed20.py`` checks both on real text). A rule not listed runs on every sentence."""
from __future__ import annotations

from bisect import bisect_left

from pipeline.extract import gates
from pipeline.extract.view import doc_columns

SENTENCE_RULE_NEEDS: dict[str, str] = {
    "noun_dass": "claim_cue",
    "noun_konj": "claim_cue",
    "noun_zu": "demand_noun",
    "source_adverb": "source_adverb",
    "source_prep": "trigger:source_prep",
    "each_quote": "quote_start",
}

_PLANS: dict = {}


def sentence_plan(fns) -> tuple:
    """((rule function, its need or None), ...) of the active sentence rules ``fns``, kept per list."""
    got = _PLANS.get(fns)
    if got is None:
        from .registry import REGISTRY
        names = {r.fn: r.name for r in REGISTRY.values() if r.stage == "sentence"}
        got = _PLANS[fns] = tuple((fn, SENTENCE_RULE_NEEDS.get(names.get(fn, ""))) for fn in fns)
    return got


def _positions(c, need: str) -> list[int]:
    """The tokens of the Doc that hold a word of ``need``, in order (made once per Doc and need)."""
    memo = c.__dict__.setdefault("_gate_positions", {})
    got = memo.get(need)
    if got is None:
        if need == "claim_cue":
            nouns, adjs = c.R.claim_nouns, c.w.claim_adjectives
            got = [i for i, (w, lw) in enumerate(zip(doc_columns(c.doc).text, c.low)) if w in nouns or lw in adjs]
        elif need.startswith("trigger:"):
            got = c.triggers[need[len("trigger:"):]]          # (sorted starts, as Ctx.triggered reads them)
        elif need == "quote_start":
            got = sorted(qs for qs, _qe, q in c.quote_tok if q.depth == 0)
        elif need == "demand_noun":
            nouns = c.R.demand_nouns
            got = [i for i, w in enumerate(doc_columns(c.doc).text) if w in nouns]
        else:
            words = c.R.source_adverbs | c.R.context_source_adverbs
            got = [i for i, lw in enumerate(c.low) if lw in words]
        memo[need] = got
    return got


def sentence_may_hold(c, need: str | None, a: int, b: int) -> bool:
    """Sentence [a, b) holds a word of ``need`` (always True for None or with the gate off)."""
    if need is None or not gates.on("sentence_rules"):
        return True
    pos = _positions(c, need)
    k = bisect_left(pos, a)
    return k < len(pos) and pos[k] < b
