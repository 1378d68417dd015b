"""Closed-class German words as rule data: ``pipeline/rules/words.yaml``.

Determiners, pronouns, prepositions, particles, weekdays ... that the extractors test tokens
against live in one file, not in Python literals, so a fix to a word list is a data change that
incremental re-runs can trace like every other rule entry.

Schema (checked at load time, errors name the file and the entry)::

    <section>:            # the extractor that owns the lists: common, claims, roles, actors
      <list_name>:        # lower_snake_case
        - word            # non-empty strings, no duplicates; matched lower-cased unless the
                          # list name ends in ``_cased``

Extractor modules declare the lists they read with :func:`require` at import time; a missing or
unknown list is a load error, so a typo in the file never silently empties a list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, Callable

from pipeline.ruleset import RuleError, rule_file

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_REQUIRED: dict[str, set[str]] = {}


def require(section: str, *names: str) -> None:
    """Declare that ``words.yaml`` must have ``section.name`` for every name given."""
    _REQUIRED.setdefault(section, set()).update(names)


@dataclass(frozen=True)
class Words:
    lists: dict[str, dict[str, frozenset[str]]]
    order: dict[str, dict[str, tuple[str, ...]]]     # the lists in file order (for listings)

    def memo(self, key, build: Callable[["Words"], Any]) -> Any:
        """``build(self)``, built once per Words (per rules load) instead of once per Doc: for the bundles of
        lists an extractor reads (issue 16: claims' 102 lists and the roles' word bundle were gathered
        again for every article). The value is shared: treat it as read-only. Kept outside the dataclass
        fields, so equality and the incremental re-run's field-by-field comparison never see it."""
        memo = self.__dict__.setdefault("_memo", {})
        try:
            return memo[key]
        except KeyError:
            v = memo[key] = build(self)
            return v

    def namespace(self, section: str, names: tuple[str, ...]) -> SimpleNamespace:
        """The lists ``names`` of ``section`` as attributes (``ns.name``), built once (:meth:`memo`)."""
        return self.memo(("namespace", section, names),
                         lambda w: SimpleNamespace(**{n: w(section, n) for n in names}))

    def __call__(self, section: str, name: str) -> frozenset[str]:
        try:
            return self.lists[section][name]
        except KeyError:
            raise KeyError(f"words.yaml has no list {section}.{name}; declare it with "
                           f"pipeline.extract.words.require() and add it to the file") from None

    def entries(self) -> dict[str, frozenset[str]]:
        """``section.name`` -> words: the entries incremental re-runs compare."""
        return {f"{s}.{n}": ws for s, lists in self.lists.items() for n, ws in lists.items()}


@rule_file("words")
def parse_words(data: Any, file: str) -> Words:
    if not isinstance(data, dict):
        raise RuleError(file, None, f"expected a mapping of sections, got {type(data).__name__}")
    lists: dict[str, dict[str, frozenset[str]]] = {}
    order: dict[str, dict[str, tuple[str, ...]]] = {}
    for section, body in data.items():
        if not isinstance(section, str) or not _NAME.match(section):
            raise RuleError(file, str(section), "section names are lower_snake_case")
        if not isinstance(body, dict):
            raise RuleError(file, section, "a section is a mapping of list names to word lists")
        lists[section], order[section] = {}, {}
        for name, words in body.items():
            entry = f"{section}.{name}"
            if not isinstance(name, str) or not _NAME.match(name):
                raise RuleError(file, entry, "list names are lower_snake_case")
            if not isinstance(words, list) or not words:
                raise RuleError(file, entry, "expected a non-empty list of words")
            seen: list[str] = []
            for w in words:
                if not isinstance(w, str) or not w.strip() or w != w.strip():
                    raise RuleError(file, entry, f"{w!r}: words are non-empty strings without outer spaces")
                key = w if name.endswith("_cased") else w.lower()
                if key in seen:
                    raise RuleError(file, entry, f"{w!r} is listed twice")
                seen.append(key)
            lists[section][name] = frozenset(seen)
            order[section][name] = tuple(seen)
    for section, names in sorted(_REQUIRED.items()):
        missing = sorted(n for n in names if n not in lists.get(section, {}))
        if missing:
            raise RuleError(file, section, f"missing list(s) {missing}")
    return Words(lists, order)
