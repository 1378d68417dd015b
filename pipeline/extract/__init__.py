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

from dataclasses import dataclass, field
from typing import Any, Callable

from spacy.tokens import Doc

from pipeline.records import Actor, Claim, Extraction, Mention, Role
from pipeline.ruleset import RuleSet

from . import actors as _actors
from . import claims as _claims
from . import roles as _roles
from . import tags as _tags
from . import words as _words  # noqa: F401  (registers words.yaml)
from .view import DocView, forget_doc


@dataclass
class ExtractContext:
    """Per-Doc state the extractors hand on to each other (one per article, dropped afterwards)."""
    doc: Doc
    rules: RuleSet
    view: DocView | None = None
    scan: Any = None                                 # the roles' title scan, shared with the actors
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    mention_keys: Any = ()                           # mentions that resolved to an actor
    roles: list[Role] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def extraction(self) -> Extraction:
        pairs = [(m, a.key) for a in self.actors for m in a.mentions]
        pairs += [(m, None) for m in self.mentions if m not in self.mention_keys]
        pairs.sort(key=lambda p: (p[0].start, p[0].end))
        return Extraction(actors=self.actors, mentions=pairs, roles=self.roles, claims=self.claims)


def _title_scan(c: ExtractContext) -> None:
    """The title scan is the same for the holder names NER missed and for the roles: done once."""
    if c.rules.get("roles") is not None and c.rules.get("organizations") is not None:
        c.scan = _roles.Scan(c.doc, c.rules)


def _entity_mentions(c: ExtractContext) -> None:
    c.mentions = _actors.entity_mentions(c.doc, c.rules, c.scan)


def _resolve_actors(c: ExtractContext) -> None:
    c.actors, c.mention_keys = _actors.resolve(c.doc, c.mentions, c.rules)


def _role_rows(c: ExtractContext) -> None:
    c.roles = _roles.roles(c.doc, c.rules, c.actors, c.scan)    # adds ROLE mentions to the actors


def _claim_rows(c: ExtractContext) -> None:
    c.claims = _claims.claims(c.doc, c.rules, c.actors)          # sees every mention, ROLE ones included


# The extractors in the order they run; each reads and fills the per-Doc context.
EXTRACTORS: tuple[tuple[str, Callable[[ExtractContext], None]], ...] = (
    ("title_scan", _title_scan),
    ("mentions", _entity_mentions),
    ("actors", _resolve_actors),
    ("roles", _role_rows),
    ("claims", _claim_rows),
)


def extract(doc: Doc, rules: RuleSet, view: DocView | None = None) -> Extraction:
    """Every extractor of :data:`EXTRACTORS` over ``doc``. ``view``: the article's
    :class:`DocView` when the caller built one (the runner does, for the rows' sentence numbers);
    extractors may read it from the context instead of recomputing tokens, sentences, quotes,
    entities or UD labels (none does yet: their signatures stay as they are, and a call without a
    view builds none)."""
    forget_doc()                                      # per-Doc entities and columns are read anew (view.py)
    _tags.normalise_tags(doc, rules.get("tags"))      # our model's non-STTS tags -> STTS (rules/tags.yaml)
    c = ExtractContext(doc, rules, view)
    for _name, run in EXTRACTORS:
        run(c)
    return c.extraction()


__all__ = ["DocView", "EXTRACTORS", "ExtractContext", "extract"]
