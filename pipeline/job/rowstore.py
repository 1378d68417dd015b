"""The rows as extracted, kept next to the outputs for incremental rules re-runs."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pyarrow as pa

from pipeline.job.publish import _drop_articles
from pipeline.job.rows import _ACTOR_TYPES, _WORDS, RAW

log = logging.getLogger(__name__)


@dataclass
class RowsStore:
    """The rows of every published article as extracted, before corpus-level merges.

    ``OUT/_cache/rows/<published version>/``: ``mentions|roles|claims.arrow``,
    ``actor_types.arrow``, ``words.arrow`` (each article's distinct lemmas) and
    ``meta.json`` (rules version and rule file hashes, extractor code hash, model
    key); ``OUT/_cache/rows/rules/`` holds the compiled rules of each rule file
    content (pickles) for comparing rule sets. A rules re-run reuses the rows of
    articles that a rule change cannot affect. A store belongs to one published
    version: after a run that could not maintain it, the next re-run is a full one.
    """
    dir: Path
    meta: dict
    tables: dict[str, pa.Table]
    types: dict[str, str]
    words: dict[str, str]

    @staticmethod
    def root(out: str | Path) -> Path:
        return Path(out) / "_cache" / "rows"

    @classmethod
    def load(cls, out: str | Path, version: str | None) -> "RowsStore | None":
        d = cls.root(out) / str(version)
        if not version or not (d / "meta.json").exists():
            return None
        try:
            meta = json.loads((d / "meta.json").read_text())
            from pipeline.incremental import code_hash
            if meta.get("code") != code_hash():        # made by other extractor code: only its meta matters
                return cls(d, meta, {}, {}, {})
            tables = {n: _read_arrow(d / f"{n}.arrow") for n in RAW}
            t = _read_arrow(d / "actor_types.arrow")
            w = _read_arrow(d / "words.arrow")
        except (OSError, ValueError, pa.ArrowException):
            log.warning("unreadable rows store %s; re-extracting everything", d, exc_info=True)
            return None
        return cls(d, meta, tables, dict(zip(t.column("actor_id").to_pylist(), t.column("actor_type").to_pylist())),
                   dict(zip(w.column("article_id").to_pylist(), w.column("words").to_pylist())))

    def matches(self, rules_version: str, model_key: str) -> bool:
        from pipeline.incremental import code_hash
        return (self.meta.get("rules_version"), self.meta.get("code"), self.meta.get("model_key")) == \
            (rules_version, code_hash(), model_key)

    def compiled_rules(self, stems: Iterable[str]) -> dict:
        """The compiled rules the rows were made with, for ``stems`` (valid under the same code hash)."""
        import pickle
        files = self.meta.get("rule_files") or {}
        return {s: pickle.loads((self.rules_dir(self.dir.parent) / _rules_pickle(s, files[s], self.meta["code"]))
                                .read_bytes()) for s in stems}

    @staticmethod
    def rules_dir(root: Path) -> Path:
        return root / "rules"

    @classmethod
    def save(cls, out: str | Path, version: str, tables: dict[str, pa.Table], types: dict[str, str],
             words: dict[str, str], rules, model_key: str) -> None:
        import pickle

        from pipeline.incremental import code_hash

        root = cls.root(out)
        code = code_hash()
        files = rule_file_hashes(rules.directory)
        rdir = cls.rules_dir(root)
        rdir.mkdir(parents=True, exist_ok=True)
        for stem, compiled in rules.compiled.items():   # one pickle per rule file content, written once
            target = rdir / _rules_pickle(stem, files.get(stem, "-"), code)
            if not target.exists():
                tmp = rdir / f".{target.name}.{uuid.uuid4().hex[:6]}"
                tmp.write_bytes(pickle.dumps(_without_caches(compiled), protocol=pickle.HIGHEST_PROTOCOL))
                os.replace(tmp, target)
        tmp = root / f".{version}.{uuid.uuid4().hex[:6]}"
        tmp.mkdir(parents=True)
        try:
            for n in RAW:
                _write_arrow(tables[n], tmp / f"{n}.arrow")
            _write_arrow(pa.table({"actor_id": list(types), "actor_type": list(types.values())},
                                  schema=_ACTOR_TYPES), tmp / "actor_types.arrow")
            _write_arrow(pa.table({"article_id": list(words), "words": list(words.values())}, schema=_WORDS),
                         tmp / "words.arrow")
            (tmp / "meta.json").write_text(json.dumps({"version": version, "rules_version": rules.version,
                                                       "rule_files": files, "code": code,
                                                       "model_key": model_key}))
            os.replace(tmp, root / version)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        cls.clear(out, keep=version)
        keep = {_rules_pickle(s, h, code) for s, h in files.items()}
        for f in rdir.iterdir():
            if f.name not in keep and not f.name.startswith("."):
                f.unlink(missing_ok=True)

    @classmethod
    def clear(cls, out: str | Path, keep: str | None = None) -> None:
        root = cls.root(out)
        if root.is_dir():
            for d in root.iterdir():
                if d.name not in (keep, "rules"):
                    shutil.rmtree(d, ignore_errors=True)


def _write_arrow(table: pa.Table, path: Path) -> None:
    """Arrow IPC file, uncompressed: the kept rows are read back whole, and this is the fastest way."""
    table = table.unify_dictionaries().combine_chunks()      # one dictionary per column in a file
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as w:
        w.write_table(table)


def _read_arrow(path: Path) -> pa.Table:
    with pa.OSFile(str(path), "rb") as src:
        return pa.ipc.open_file(src).read_all()


def rule_file_hashes(directory: str | Path) -> dict[str, str]:
    """Content hash of each rule file, by stem (what one compiled rule object depends on)."""
    out: dict[str, str] = {}
    for p in sorted(Path(directory).iterdir()):
        if p.is_file() and p.suffix in (".yaml", ".yml", ".jsonl"):
            h = hashlib.sha256(p.name.encode() + b"\0" + p.read_bytes()).hexdigest()[:16]
            out[p.stem] = out.get(p.stem, "") + h
    return out


def _rules_pickle(stem: str, file_hash: str, code: str) -> str:
    return f"{stem}-{file_hash[:32]}-{code}.pkl"


def _without_caches(obj):
    """A shallow copy without the private memo attributes extractors hang on rule objects."""
    import copy
    d = getattr(obj, "__dict__", None)
    if not d or not any(k.startswith("_") for k in d):
        return obj
    obj = copy.copy(obj)
    for k in [k for k in vars(obj) if k.startswith("_")]:
        object.__delattr__(obj, k)
    return obj


def _keep_rows(out: Path, version: str, prev_version: str | None, new: dict[str, pa.Table],
               new_types: dict[str, str], words: dict[str, str] | None, info: dict, replace_all: bool) -> None:
    """After a commit: the rows store of the new version (or none, when it cannot be kept exactly)."""
    from pipeline.ruleset import RuleError, load_rules

    try:
        rules = load_rules(info.get("rules_dir")) if info.get("rules_dir") else None
    except (RuleError, OSError):
        rules = None
    model_key = (info.get("model") or {}).get("key")
    if words is None or rules is None or rules.version != info.get("rules_version") or not model_key:
        RowsStore.clear(out)
        return
    ids = set(new["articles"].column("article_id").to_pylist())
    words = {a: w for a, w in words.items() if a in ids}
    tables = {n: new[n] for n in RAW}
    types = dict(new_types)
    prev = None if replace_all else RowsStore.load(out, prev_version)
    if prev is not None and prev.matches(rules.version, model_key):
        tables = {n: pa.concat_tables([_drop_articles(prev.tables[n], ids), tables[n]]) for n in RAW}
        words = {**{a: w for a, w in prev.words.items() if a not in ids}, **words}
        types = {**prev.types, **types}
    RowsStore.save(out, version, tables, types, words, rules, model_key)
