"""The named rules of the claims extractor.

Every rule is a function registered with ``@rule(rule_id, stage)``; its docstring starts with the
example sentence that motivates it. ``rules/speech.yaml`` (``rules:``) lists the rule ids of each
stage in the order they run, each switched on or off; the loader checks that list against this
registry (an unknown or a missing id is a load error). Stages, in the order the extractor runs them:

- ``quote``: per quotation that starts in a sentence; the first rule that frames it wins
  (a rule gets a :class:`~.quote_rules.QuoteSite`, returns a Found or None);
- ``sentence``: per sentence, every rule in order (gets a :class:`~.context.Sent`, appends to
  ``Sent.out``); ``each_quote`` and ``each_verb`` run the ``quote`` and ``verb`` stages;
- ``verb``: per speech or cognition verb of a sentence; the first rule that builds a claim wins
  (gets a :class:`~.verb_rules.VerbSite`);
- ``continuation``: for a sentence without a claim; the first rule that matches wins (returns a
  list of new claims, possibly empty when it extends the previous one, or None);
- ``document``: after all sentences, over the quotations no rule has claimed;
- ``speaker``: per claim whose speaker span has no actor yet, the Actor it refers to; the first
  rule that decides wins (gets a :class:`~.rules.speaker.SpeakerSite`, returns an actor key,
  ``NO_ACTOR`` for a decided "none", or None to pass).
- ``filter``: per claim found (as soon as it is found), the things that look like claims but are
  not (a heading, a reported question, a scare quote, the author's own first person); a rule gets
  the :class:`~.context.Ctx` and the :class:`~.context.Found` and returns True to drop it. A
  dropped claim makes no record but stays context for the later rules (a quotation continues its
  speaker; a sentence whose claims are all dropped gets no continuation claim).

The registry is module data filled at import time; nothing per Doc is stored on it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

STAGES = ("quote", "sentence", "verb", "continuation", "document", "speaker", "filter")


@dataclass(frozen=True)
class Rule:
    name: str
    stage: str
    fn: Callable
    example: str


REGISTRY: dict[str, Rule] = {}


def rule(name: str, stage: str):
    """Register the decorated function as rule ``name`` of ``stage``."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}")

    def deco(fn):
        if name in REGISTRY:
            raise ValueError(f"rule {name!r} registered twice")
        REGISTRY[name] = Rule(name, stage, fn, (fn.__doc__ or "").strip().split("\n\n")[0])
        return fn
    return deco


_ACTIVE: dict = {}


def active(order: dict[str, tuple[tuple[str, bool], ...]], stage: str) -> tuple[Callable, ...]:
    """The functions of the rules of ``stage`` that are switched on, in rule-data order (read-only). Made once per
    rule order (the compiled ``speech.yaml``) and stage, not once per Doc (issue 16, speed20); a registry that
    gained rules since is read again."""
    key = (id(order), stage)
    got = _ACTIVE.get(key)
    if got is None or got[0] is not order or got[1] != len(REGISTRY):
        if len(_ACTIVE) > 1000:
            _ACTIVE.clear()
        got = _ACTIVE[key] = (order, len(REGISTRY), tuple(REGISTRY[name].fn for name, on in order.get(stage, ()) if on))
    return got[2]
