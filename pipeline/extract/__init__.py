"""Rule-based extraction over a parsed Doc: pure functions, no I/O.

``extract(doc, rules)`` runs every extractor in order and returns an
:class:`~pipeline.records.Extraction`. Offsets are character offsets into
``doc.text`` (the article's body_text).
"""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.records import Extraction
from pipeline.ruleset import RuleSet

from . import actors as _actors
from . import claims as _claims
from . import roles as _roles


def extract(doc: Doc, rules: RuleSet) -> Extraction:
    mentions = _actors.entity_mentions(doc, rules)
    actors, mention_keys = _actors.resolve(doc, mentions, rules)
    roles = _roles.roles(doc, rules, actors)
    claims = _claims.claims(doc, rules, actors)
    return Extraction(
        actors=actors,
        mentions=[(m, mention_keys.get(m)) for m in mentions],
        roles=roles,
        claims=claims,
    )


__all__ = ["extract"]
