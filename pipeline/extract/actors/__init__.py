"""Mentions and article-level actor resolution.

One actor per person or organisation per article, merged across surface forms:

* persons: full name, surname only ("Vance" -> "J. D. Vance"), genitive ("Trumps"),
  compatible first names ("Steve"/"Steven", "Mike"/"Michael" via ``rules/actors.yaml``),
  and a misspelt long surname (edit distance 1, e.g. "Kellog" vs "Kellogg");
* organisations and places: normalized through ``rules/organizations.yaml``
  ("Central Intelligence Agency" -> "CIA", "Russlands" -> "Russland").

The canonical name is the most frequent full form (ties: the first), so it is
stable across articles ("Donald Trump", never "Trumps"). Role nouns that refer
back to an actor ("der US-Präsident") are added by :mod:`pipeline.extract.roles`
as ``ROLE`` mentions.

Where a change goes:

* ``rules.py``     the ``actors.yaml`` schema (:class:`ActorRules`)
* ``mentions.py``  NER entities -> mentions (noise filters, span repairs, surnames NER missed)
* ``names.py``     person names: splitting, surname/first-name matching, grouping, canonical name
* ``resolve.py``   mentions -> actors of one article
"""
from __future__ import annotations

from . import gazetteer as _gazetteer  # noqa: F401  (registers gazetteer.yaml)
from . import orgs_media as _orgs_media  # noqa: F401  (registers ent19's org rules)
from . import orgs_named as _orgs_named  # noqa: F401  (registers ent18's org rules; a rule set read from the
#   compiled-rules cache (pipeline.rulecache) skips actors.yaml's parser, whose rule-id check imported it before)
from .mentions import entity_mentions, sentence_index
from .merge import may_merge
from .names import _edit1
from .resolve import resolve
from .rules import ACTOR_TYPES, KEY_PREFIX, ActorRules, parse_actors

__all__ = ["ACTOR_TYPES", "KEY_PREFIX", "ActorRules", "parse_actors", "entity_mentions", "sentence_index",
           "resolve", "may_merge", "_edit1"]
