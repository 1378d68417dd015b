"""The registry of rule-file parsers: what the extractors and the rules loader both import.

An extractor module registers ``parse(data, filename) -> compiled`` for ``rules/<stem>.yaml`` with
:func:`rule_file`; :func:`pipeline.ruleset.load_rules` reads every rule file and calls the parser
registered for its stem. The loader imports no extractor: it imports the packages named in
:data:`PROVIDERS`, whose modules register their parsers (so this module, the loader and the
extractors form no import cycle).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, TypeVar

PROVIDERS = ("pipeline.extract", "pipeline.web.profile")  # packages whose import registers every rule-file parser

T = TypeVar("T")
Parser = Callable[[Any, str], Any]
PARSERS: dict[str, Parser] = {}


class RuleError(ValueError):
    """A rule file is malformed. The message names the file and the entry."""

    def __init__(self, file: str, entry: str | None, message: str):
        self.file, self.entry = file, entry
        where = f"{file}" + (f", entry {entry}" if entry is not None else "")
        super().__init__(f"{where}: {message}")


def rule_file(stem: str) -> Callable[[Parser], Parser]:
    """Register ``parse(data, filename) -> compiled`` for ``rules/<stem>.yaml``."""
    def register(fn: Parser) -> Parser:
        PARSERS[stem] = fn
        return fn
    return register


def strict(cls: type[T], mapping: Any, file: str, entry: str) -> T:
    """Build dataclass ``cls`` from ``mapping``; unknown or missing keys raise RuleError."""
    if not isinstance(mapping, dict):
        raise RuleError(file, entry, f"expected a mapping, got {type(mapping).__name__}")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(mapping) - set(fields))
    if unknown:
        raise RuleError(file, entry, f"unknown key(s) {unknown}; allowed: {sorted(fields)}")
    missing = [n for n, f in fields.items()
               if n not in mapping and f.default is dataclasses.MISSING
               and f.default_factory is dataclasses.MISSING]
    if missing:
        raise RuleError(file, entry, f"missing key(s) {missing}")
    try:
        return cls(**mapping)
    except (TypeError, ValueError) as exc:
        raise RuleError(file, entry, str(exc)) from exc


@dataclass(frozen=True)
class RuleSet:
    directory: Path
    version: str                      # content hash of all rule files
    compiled: dict[str, Any]          # stem -> whatever the stem's parser returned

    def __getitem__(self, stem: str) -> Any:
        return self.compiled[stem]

    def get(self, stem: str, default: Any = None) -> Any:
        return self.compiled.get(stem, default)
