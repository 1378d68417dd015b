"""Mentions and article-level actor resolution."""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.records import Actor, Mention
from pipeline.ruleset import RuleSet

ACTOR_TYPES = {"PER": "person", "ORG": "organization", "LOC": "location", "MISC": "other"}


def sentence_index(doc: Doc) -> list[int]:
    """Sentence number of every token (0 for all if the Doc has no sentence boundaries)."""
    out = [0] * len(doc)
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return out
    for i, sent in enumerate(doc.sents):
        for t in range(sent.start, sent.end):
            out[t] = i
    return out


def entity_mentions(doc: Doc, rules: RuleSet) -> list[Mention]:
    sent_of = sentence_index(doc)
    return [
        Mention(e.start_char, e.end_char, e.text, e.label_, sent_of[e.start])
        for e in doc.ents if e.label_ in ACTOR_TYPES
    ]


def _key(m: Mention) -> str:
    return f"{m.label}:{' '.join(m.text.split()).lower()}"


def resolve(doc: Doc, mentions: list[Mention], rules: RuleSet) -> tuple[list[Actor], dict[Mention, str]]:
    """Group mentions into actors. Baseline: identical normalized surface form."""
    actors: dict[str, Actor] = {}
    keys: dict[Mention, str] = {}
    for m in mentions:
        k = _key(m)
        a = actors.setdefault(k, Actor(key=k, name=" ".join(m.text.split()),
                                       actor_type=ACTOR_TYPES[m.label]))
        a.mentions.append(m)
        keys[m] = k
    return list(actors.values()), keys
