"""Which verb sites a ``verb`` rule can frame (issue 16, speed20): a gate in front of the speaker search.

Every speech or cognition verb of a sentence becomes a :class:`~.rules.verb.VerbSite`, whose speaker search
(``find_subject`` and the rest of ``VerbSite._speaker``) is the largest single cost of the claims extractor; two
sites in three make no claim. Each ``verb`` rule returns None before it reads anything else unless its site shows
one cheap sign (:data:`VERB_RULE_NEEDS`), read from the site's verb group and clause bounds alone:

- ``after``: a comma, semicolon or colon outside quotations after the verb group in the sentence (``hi < b``):
  verb_dass needs a complementizer comma there, the segment rules (verb_konj, verb_v2, verb_zu) the comma at ``hi``,
  verb_colon the colon at ``hi``;
- ``comma_before``: the verb's clause opens after a comma (``lo > a`` and a comma at ``lo - 1``): the inverted
  frames and "…, wie es X sagte";
- ``wie_before``: a "wie" in the sentence before the verb (wie_verb's clause start, also behind an apposition);
- ``advice``: the verb is an advice verb (words.yaml claims advice_verbs: verb_zu_bare);
- ``act``: the verb is of class "reported" or an "als" speech act (speech.yaml als_speech_acts: speech_act).

A site that shows none of the signs of the rules switched on is not searched for its speaker and makes no claim, as
without the gate (``gates.ungated("verb_sites")``; ``tests/test_speed20.py`` checks both on real text). A verb rule
not listed here disables the gate (it may need anything)."""
from __future__ import annotations

VERB_RULE_NEEDS: dict[str, str] = {
    "verb_dass": "after",
    "verb_konj": "after",
    "verb_v2": "after",
    "verb_zu": "after",
    "verb_colon": "after",
    "verb_inverted": "comma_before",
    "verb_inverted_perfect": "comma_before",
    "wie_es_verb": "comma_before",
    "wie_verb": "wie_before",
    "verb_zu_bare": "advice",
    "speech_act": "act",
}

_NEEDS: dict = {}


def stage_needs(fns) -> frozenset[str] | None:
    """The signs the active verb rules ``fns`` need (None: a rule without an entry, no gate). Kept per list."""
    key = tuple(fns)
    got = _NEEDS.get(key, False)
    if got is False:
        from .registry import REGISTRY
        names = {r.fn: r.name for r in REGISTRY.values() if r.stage == "verb"}
        needs = [VERB_RULE_NEEDS.get(names.get(fn, "")) for fn in key]
        got = _NEEDS[key] = None if None in needs else frozenset(needs)
    return got


def may_claim(c, h, a: int, b: int, lo: int, hi: int, needs: frozenset[str]) -> bool:
    """The site of verb ``h`` in sentence [a, b), its clause starting at ``lo``, its first , ; : after the verb group
    at ``hi`` (``b``: none), shows a sign one of the rules needs."""
    if "after" in needs and hi < b:
        return True
    if "comma_before" in needs and lo > a and c.low[lo - 1] == ",":
        return True
    if "wie_before" in needs and "wie" in c.low[a:h.i]:
        return True
    if "advice" in needs and h.entry.lemma in c.w.advice_verbs:
        return True
    return "act" in needs and ("reported" in h.classes or h.entry.lemma in c.R.als_speech_acts)
