"""Title hits: one role noun found in the text, and the organisation precedence of its sources."""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Title


@dataclass
class Hit:
    head: int                      # token index of the title noun
    start: int                     # first token of the role phrase (role_text), after the determiner
    end: int                       # token after the role phrase (incl. genitive complement)
    np_start: int                  # first token incl. determiner
    title: Title
    role: str
    category: str
    org: str | None
    org_rank: int                  # precedence of the source that gave org (higher wins)
    status: str
    det: str                       # def | indef | poss | posspers | none
    plural: bool
    sent: int
    binding: str | None = None     # rule id once the holder pattern is known
    name: tuple[int, int] | None = None   # token span of the holder's name
    holder: str | None = None      # actor key once resolved
    extra: dict = field(default_factory=dict)


_RANK = {"default": 1, "prefix": 2, "compound": 2, "possessive": 3, "adjective": 4, "post_name": 4,
         "prefix_org": 4.5, "genitive": 5}


def _set_org(h: Hit, org: str | None, source: str) -> None:
    if org and _RANK[source] > h.org_rank:
        h.org, h.org_rank = org, _RANK[source]
