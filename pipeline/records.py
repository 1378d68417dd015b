"""Plain records that extractors return.

Extractors are pure functions over a spaCy ``Doc`` (whose text is the article's
``body_text``), so every offset here is a character offset into that text.
They know nothing of article ids, paths or Parquet: ``pipeline.runner`` adds
those when it turns records into table rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mention:
    """A reference to an actor in the text: a named entity or a role noun."""
    start: int
    end: int
    text: str
    label: str           # PER, ORG, LOC, MISC, or ROLE
    sentence: int        # 0-based sentence index


@dataclass
class Actor:
    """An actor of one article: the mentions that refer to the same person/organisation."""
    key: str                    # article-local key, e.g. "PER:donald trump"
    name: str                   # canonical name, e.g. "Donald Trump"
    actor_type: str             # person, organization, location, other
    mentions: list[Mention] = field(default_factory=list)

    @property
    def aliases(self) -> list[str]:
        return sorted({m.text for m in self.mentions})


@dataclass(frozen=True)
class Role:
    actor_key: str | None       # Actor.key of the holder (None if unresolved)
    role_text: str
    role: str                   # normalized title
    role_category: str
    organization: str | None
    status: str                 # current | former
    start: int
    end: int
    sentence: int
    rule_id: str


@dataclass(frozen=True)
class Claim:
    speaker_key: str | None     # Actor.key the speaker resolves to
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue_text: str | None
    cue_start: int | None
    cue_end: int | None
    claim_text: str
    claim_start: int
    claim_end: int
    claim_type: str             # direct | indirect | reported
    rule_id: str
    date_text: str | None = None      # temporal expression governing the claim, if any
    date_start: int | None = None
    date_end: int | None = None


@dataclass
class Extraction:
    """Everything extracted from one article."""
    actors: list[Actor]
    mentions: list[tuple[Mention, str | None]]   # (mention, Actor.key or None)
    roles: list[Role]
    claims: list[Claim]
