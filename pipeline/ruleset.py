"""Loading the rule files under ``pipeline/rules/`` (or a user's ``--rules DIR``).

Rules are data. Each file ``<stem>.yaml`` (or ``<stem>.jsonl``) is parsed by the
function registered for its stem with :func:`rule_file` (in :mod:`pipeline.registry`, which the
extractors and this loader both import; the names stay importable from here). Parsers validate
strictly: a bad entry raises :class:`RuleError` naming the file and the entry.
The content hash of all rule files is the ``rules_version`` written into every
output row.
"""
from __future__ import annotations

import hashlib
import importlib
import json
from pathlib import Path
from typing import Any

import yaml

from pipeline.registry import PARSERS as _PARSERS
from pipeline.registry import PROVIDERS, Parser, RuleError, RuleSet, rule_file, strict  # noqa: F401

RULES_DIR = Path(__file__).parent / "rules"


def rules_version(directory: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(_rule_paths(directory)):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:12]


def _rule_paths(directory: Path) -> list[Path]:
    return [p for p in directory.iterdir()
            if p.is_file() and p.suffix in (".yaml", ".yml", ".jsonl")]


# libyaml's safe loader when PyYAML was built with it: the same data, ~7x faster than the pure-Python one
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        out = []
        for i, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise RuleError(path.name, f"line {i}", f"invalid JSON: {exc}") from exc
        return out
    try:
        return yaml.load(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise RuleError(path.name, None, f"invalid YAML: {exc}") from exc


_CACHE: dict[tuple[str, str], RuleSet] = {}


def load_rules(directory: str | Path | None = None) -> RuleSet:
    """Load and validate every rule file in ``directory`` (default: the packaged rules)."""
    for provider in PROVIDERS:            # their modules register the parsers (pipeline.registry)
        importlib.import_module(provider)

    directory = Path(directory) if directory else RULES_DIR
    if not directory.is_dir():
        raise RuleError(str(directory), None, "rules directory does not exist")
    version = rules_version(directory)
    key = (str(directory.resolve()), version)
    if key in _CACHE:
        return _CACHE[key]
    compiled: dict[str, Any] = {}
    for path in sorted(_rule_paths(directory)):
        stem = path.stem
        if stem not in _PARSERS:
            raise RuleError(path.name, None,
                            f"unknown rule file; known stems: {sorted(_PARSERS)}")
        compiled[stem] = _PARSERS[stem](_read(path), path.name)
    missing = sorted(set(_PARSERS) - set(compiled))
    if missing:
        raise RuleError(str(directory), None, f"missing rule file(s): {missing}")
    rs = RuleSet(directory=directory, version=version, compiled=compiled)
    _CACHE[key] = rs
    return rs
