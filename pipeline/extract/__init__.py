"""Rule-based extraction over a parsed Doc: pure functions, no I/O.

``extract(doc, rules)`` runs every extractor in order and returns an
:class:`~pipeline.records.Extraction`. Offsets are character offsets into
``doc.text`` (the article's body_text).

Order: entity mentions (plus holder names next to role titles that NER missed)
-> actor resolution -> roles (which adds ROLE mentions for role nouns that refer
back to an actor, e.g. "der US-Präsident") -> claims (which see every mention,
ROLE mentions included, to resolve speakers).
"""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.records import Extraction
from pipeline.ruleset import RuleSet

from . import actors as _actors
from . import claims as _claims
from . import roles as _roles
from . import words as _words  # noqa: F401  (registers words.yaml)
from .view import DocView


def extract(doc: Doc, rules: RuleSet, view: DocView | None = None) -> Extraction:
    """Every extractor over ``doc``. ``view``: the article's :class:`DocView` when the caller built
    one (the runner does, for the rows' sentence numbers); extractors may read it instead of
    recomputing tokens, sentences, quotes, entities or UD labels (none does yet: their
    signatures stay as they are, and a call without a view builds none)."""
    # the title scan is the same for the holder names NER missed and for the roles: do it once
    scan = _roles.Scan(doc, rules) if rules.get("roles") is not None and rules.get("organizations") is not None \
        else None
    mentions = _actors.entity_mentions(doc, rules, scan)
    actors, mention_keys = _actors.resolve(doc, mentions, rules)
    roles = _roles.roles(doc, rules, actors, scan)    # adds ROLE mentions to `actors`
    claims = _claims.claims(doc, rules, actors)
    pairs = [(m, a.key) for a in actors for m in a.mentions]
    pairs += [(m, None) for m in mentions if m not in mention_keys]
    pairs.sort(key=lambda p: (p[0].start, p[0].end))
    return Extraction(actors=actors, mentions=pairs, roles=roles, claims=claims)


__all__ = ["DocView", "extract"]
