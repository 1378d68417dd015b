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


RULE_SUFFIXES = (".yaml", ".jsonl")
IGNORED = {"__pycache__"}          # besides hidden entries (".name": editor and OS files)


def _rule_paths(directory: Path) -> list[Path]:
    return [p for p in directory.iterdir()
            if p.is_file() and p.suffix in (".yaml", ".yml", ".jsonl") and not p.name.startswith(".")]


def check_files(directory: Path) -> None:
    """Every entry of the rules folder is ``<stem>.yaml`` or ``<stem>.jsonl`` for a stem registered in
    :data:`pipeline.registry.PARSERS`, once: a stray ``speech.yml``, a ``speech.yaml.bak``, a second
    file for one stem or a file nobody reads is an error, not silently used or skipped."""
    stems: dict[str, str] = {}
    for p in sorted(directory.iterdir(), key=lambda p: p.name):
        if p.name.startswith(".") or p.name in IGNORED:
            continue
        stem, suffix = p.name.split(".", 1)[0], p.suffix
        if not p.is_file() or suffix not in RULE_SUFFIXES or stem not in _PARSERS or p.stem != stem:
            hint = f" (did you mean {stem}.yaml?)" if stem in _PARSERS else ""
            raise RuleError(p.name, None, f"unknown file in the rules folder{hint}; a rule file is <stem>.yaml or "
                                          f"<stem>.jsonl with a registered stem: {sorted(_PARSERS)}")
        if stem in stems:
            raise RuleError(p.name, None, f"a second file for {stem!r} beside {stems[stem]}")
        stems[stem] = p.name


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader (~7x faster than the pure-Python one) that refuses duplicate keys."""

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                continue                   # the base class reports unhashable keys
            if key in seen:
                raise RuleError(self._file, f"{key!r} (line {key_node.start_mark.line + 1})",
                                f"duplicate key; first given on line {seen[key]} (YAML would keep the last)")
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


def _strict_loader(file: str):
    return type("_Loader", (_StrictLoader,), {"_file": file})


def _no_duplicate_pairs(file: str, where: str):
    def hook(pairs):
        keys = [k for k, _ in pairs]
        dup = sorted({k for k in keys if keys.count(k) > 1})
        if dup:
            raise RuleError(file, where, f"duplicate key(s) {dup}")
        return dict(pairs)
    return hook


def check_values(data: Any, file: str, path: str = "") -> None:
    """No empty or blank string (value or key), no empty list item (``-`` alone) and no number or boolean in a list
    of words anywhere: such an entry (an alias "", a title "  ", the name marker ``1.`` that YAML reads as 1.0)
    would match everything or nothing."""
    if isinstance(data, dict):
        for k, v in data.items():
            if isinstance(k, str) and not k.strip():
                raise RuleError(file, path or "(top)", "empty or blank key")
            check_values(v, file, f"{path}.{k}" if path else str(k))
    elif isinstance(data, list):
        words = any(isinstance(v, str) for v in data)
        for i, v in enumerate(data):
            if v is None:
                raise RuleError(file, f"{path}[{i}]", "empty list item")
            if words and isinstance(v, (bool, int, float)):
                raise RuleError(file, f"{path}[{i}]", f"{v!r} in a list of words: YAML read it as a "
                                f"{type(v).__name__}; quote it (\"1.\", \"no\")")
            check_values(v, file, f"{path}[{i}]")
    elif isinstance(data, str) and not data.strip():
        raise RuleError(file, path or "(top)", f"empty or blank string {data!r}")


def _read(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        out = []
        for i, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line, object_pairs_hook=_no_duplicate_pairs(path.name, f"line {i}")))
            except json.JSONDecodeError as exc:
                raise RuleError(path.name, f"line {i}", f"invalid JSON: {exc}") from exc
            except RecursionError:
                raise RuleError(path.name, f"line {i}", "invalid JSON: nested too deeply") from None
        check_values(out, path.name)
        return out
    try:
        data = yaml.load(text, Loader=_strict_loader(path.name))
    except yaml.YAMLError as exc:
        raise RuleError(path.name, None, f"invalid YAML: {exc}") from exc
    check_values(data, path.name)
    return data


_CACHE: dict[tuple[str, str], RuleSet] = {}


def load_rules(directory: str | Path | None = None, cache: str | Path | None = None) -> RuleSet:
    """Load and validate every rule file in ``directory`` (default: the packaged rules).

    ``cache``: a folder for the compiled rule set (:mod:`pipeline.rulecache`): read from there when its key
    (the rule files' bytes, the pipeline's code, the library versions) is the current one, else compiled
    and written there."""
    for provider in PROVIDERS:            # their modules register the parsers (pipeline.registry)
        importlib.import_module(provider)

    directory = Path(directory) if directory else RULES_DIR
    if not directory.is_dir():
        raise RuleError(str(directory), None, "rules directory does not exist")
    version = rules_version(directory)
    key = (str(directory.resolve()), version)
    stored = None
    if cache is not None:
        from pipeline import rulecache
        stored = rulecache.Stored(Path(cache), sorted(_rule_paths(directory)))
    if key in _CACHE:                     # in memory already: still leave the file for later processes
        if stored is not None and not stored.path.exists():
            stored.write(_CACHE[key].compiled)
        return _CACHE[key]
    check_files(directory)
    if stored is not None:
        got = stored.read()
        if got is not None:
            rs = _CACHE[key] = RuleSet(directory=directory, version=version, compiled=got)
            return rs
    compiled = _compile(directory)
    if stored is not None:
        stored.write(compiled)
    rs = RuleSet(directory=directory, version=version, compiled=compiled)
    _CACHE[key] = rs
    return rs


def _compile(directory: Path) -> dict[str, Any]:
    """Every rule file of ``directory`` read and parsed (validated) by its stem's parser."""
    compiled: dict[str, Any] = {}
    errors: list[RuleError] = []
    for path in sorted(_rule_paths(directory)):
        try:                               # every file is checked: all their errors in one message
            compiled[path.stem] = _PARSERS[path.stem](_read(path), path.name)
        except RuleError as exc:
            errors.append(exc)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise RuleError(str(directory), None, f"{len(errors)} rule files have errors:\n  - "
                        + "\n  - ".join(str(e) for e in errors))
    missing = sorted(set(_PARSERS) - set(compiled))
    if missing:
        raise RuleError(str(directory), None, f"missing rule file(s): {missing}")
    return compiled


def with_claims(rules: RuleSet, rule_on: dict[str, bool] | None = None, switch_on: dict[str, bool] | None = None,
                tag: str | None = None) -> RuleSet:
    """``rules`` with claims rules (rule id -> on) and claims switches (name -> on) of speech.yaml set; ``tag``, if
    given, is added to the version ("+tag") so that provenance tells the variant from the committed rules."""
    import dataclasses
    R = rules["speech"]
    rule_on, switch_on = rule_on or {}, switch_on or {}
    order = {st: tuple((n, rule_on.get(n, on)) for n, on in pairs) for st, pairs in R.rules.items()}
    speech = dataclasses.replace(R, rules=order, switches={**R.switches, **switch_on})
    version = f"{rules.version}+{tag}" if tag else rules.version
    return dataclasses.replace(rules, version=version, compiled={**rules.compiled, "speech": speech})


def with_profile(rules: RuleSet, name: str | None) -> RuleSet:
    """``rules`` under the claims convention profile ``name`` (speech.yaml ``profiles``: rule and switch
    overrides for a corpus that counts claims differently, e.g. ``wikinews``). The version gets ``+name``, so
    every output row's provenance names the profile. ``None`` or ``"default"`` returns ``rules`` itself."""
    if not name or name == "default":
        return rules
    profiles = rules["speech"].profiles
    if name not in profiles:
        raise RuleError("speech.yaml", f"profiles.{name}", f"no such profile (known: {sorted(profiles)})")
    return with_claims(rules, *profiles[name], tag=name)
