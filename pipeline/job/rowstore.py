"""The rows as extracted, kept next to the outputs for incremental rules re-runs."""
from __future__ import annotations

import hashlib
import logging
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import pyarrow as pa
import pyarrow.compute as pc

from pipeline import store

from pipeline.job.publish import _drop_articles
from pipeline.job.rows import _ACTOR_TYPES, _WORDS, RAW

log = logging.getLogger(__name__)


_RULE_FILE = re.compile(r"[A-Za-z0-9_-]{1,64}\.(yaml|yml|jsonl)")


@dataclass
class RowsStore:
    """The rows of every published article as extracted, before corpus-level merges.

    Kept inside the version they belong to, ``OUT/_versions/<version>/_rows/`` (written before the
    version is switched to, so the store and the tables never disagree): ``mentions|roles|claims.arrow``,
    ``actor_types.arrow``, ``words.arrow`` (each article's distinct lemmas), ``rules/`` (a copy of the
    rule files the rows were made with: plain YAML/JSONL, compiled again when a re-run compares rule
    sets; nothing is unpickled) and ``meta.json`` (rules version, rule file hashes, extractor code hash,
    model key, and the sha256 of every file, checked on load). A rules re-run reuses the rows of
    articles that a rule change cannot affect; a store that fails its checks is ignored (everything is
    re-extracted, and the log says why).
    """
    dir: Path
    meta: dict
    tables: dict[str, pa.Table]
    types: dict[str, str]
    words: dict[str, str]

    @staticmethod
    def root(out: str | Path) -> Path:
        """Where older releases kept the stores (``cache prune`` removes it)."""
        return Path(out) / "_cache" / "rows"

    @classmethod
    def load(cls, out: str | Path, version: str | None) -> "RowsStore | None":
        if not version:
            return None
        try:
            d = store.rows_dir(out, version)
        except store.StoreError:
            log.warning("invalid version name %r; no kept rows", version)
            return None
        if not (d / "meta.json").exists():
            return None
        try:
            meta = store.read_json(d / "meta.json")
            if "parts" not in meta:
                _check_files(d, meta)
            from pipeline.incremental import code_hash
            if meta.get("code") != code_hash():        # made by other extractor code: only its meta matters
                return cls(d, meta, {}, {}, {})
            if "parts" in meta:
                tables = {n: _read_parts(d, meta, n) for n in (*RAW, "actor_types", "words")}
                t, w = tables.pop("actor_types"), tables.pop("words")
            else:                                       # a store of an older release: one file a table
                tables = {n: _read_arrow(d / f"{n}.arrow") for n in RAW}
                t = _read_arrow(d / "actor_types.arrow")
                w = _read_arrow(d / "words.arrow")
        except (OSError, ValueError, pa.ArrowException, store.StoreError) as exc:
            log.warning("rows store %s is unusable (%s); re-extracting instead", d, exc)
            return None
        return cls(d, meta, tables, dict(zip(t.column("actor_id").to_pylist(), t.column("actor_type").to_pylist())),
                   dict(zip(w.column("article_id").to_pylist(), w.column("words").to_pylist())))

    def matches(self, rules_version: str, model_key: str) -> bool:
        from pipeline.incremental import code_hash
        return (self.meta.get("rules_version"), self.meta.get("code"), self.meta.get("model_key")) == \
            (rules_version, code_hash(), model_key)

    def compiled_rules(self, stems: Iterable[str]) -> dict:
        """The rules the rows were made with, for ``stems``: compiled again from the kept rule files
        (each checked against its recorded hash; names validated before they become paths)."""
        from pipeline.registry import PARSERS
        from pipeline.ruleset import _read

        files = self.meta.get("rule_files") or {}
        names = self.meta.get("rule_names") or {}
        out = {}
        for s in stems:
            if s not in PARSERS or s not in names:
                raise store.StoreError(f"{self.dir}: no kept rule file for {s!r}")
            got = ""
            compiled = None
            for name in names[s]:
                if not _RULE_FILE.fullmatch(str(name)) or Path(name).stem != s:
                    raise store.StoreError(f"{self.dir}: invalid rule file name {name!r}")
                path = self.dir / "rules" / name
                got += _file_hash(path)
                compiled = PARSERS[s](_read(path), name)
            if got != files.get(s):
                raise store.StoreError(f"{self.dir / 'rules'}: {s} differs from its recorded hash")
            out[s] = compiled
        return out

    @staticmethod
    def write(d: Path, tables: dict[str, pa.Table], types: dict[str, str], words: "dict[str, str] | pa.Table", rules,
              model_key: str, prev: Path | None = None, append: bool = False) -> dict:
        """Write a store into the fresh directory ``d`` (inside a version being staged), as part files
        (``<table>/part-N.arrow``, one article's rows in one part; actor types by actor). ``prev``: the
        store of the current version, whose parts (and rule files) that come out identical are shared
        (hard links), so a run writes what changed."""
        from pipeline.incremental import code_hash

        d.mkdir(parents=True)
        (d / "rules").mkdir()
        pmeta = _prev_meta(prev)
        if append and pmeta is None:
            raise store.StoreError(f"{prev}: no store of part files to append to")
        if append:
            known = set(_read_parts(prev, pmeta, "actor_types").column("actor_id").to_pylist())
            types = {k: v for k, v in types.items() if k not in known}
        names: dict[str, list[str]] = {}
        rule_bytes = 0
        for p in sorted(Path(rules.directory).iterdir()):
            if p.is_file() and p.suffix in (".yaml", ".yml", ".jsonl"):
                old = prev / "rules" / p.name if pmeta is not None else None
                if old is not None and old.is_file() and old.read_bytes() == p.read_bytes():
                    store.link_or_copy(old, d / "rules" / p.name)
                else:
                    shutil.copyfile(p, d / "rules" / p.name)
                    rule_bytes += p.stat().st_size
                names.setdefault(p.stem, []).append(p.name)
        data = {n: tables[n] for n in RAW}
        data["actor_types"] = pa.table({"actor_id": list(types), "actor_type": list(types.values())}, schema=_ACTOR_TYPES)
        data["words"] = words_table(words)
        seq = store.PartSeq((pmeta or {}).get("part_seq"))
        parts, nfiles, nbytes = {}, 0, rule_bytes
        for n, t in data.items():
            key = "actor_id" if n == "actor_types" else "article_id"
            old = [(f, prev) for f in ((pmeta or {}).get("parts") or {}).get(n, [])]
            parts[n] = store.write_parts(d, f"_rows/{n}", t, key, old, _ARROW_IO, seq,
                                         store.PART_MAX_KEYS.get(key), subdir=n, append=append)
            f, b = store.written(parts[n])
            nfiles, nbytes = nfiles + f, nbytes + b
        meta = {"rules_version": rules.version, "rule_files": rule_file_hashes(rules.directory),
                "rule_names": names, "code": code_hash(), "model_key": model_key, "parts": parts,
                "part_seq": seq.next}
        store.write_json(d / "meta.json", meta)
        n_articles = sum(f.get("rows") or 0 for f in parts["words"])
        return {"rows_store": {"rules_version": rules.version, "articles": n_articles},
                "_written": {"files": nfiles, "bytes": nbytes}}

    @classmethod
    def clear(cls, out: str | Path, keep: str | None = None) -> None:
        """Remove the stores of older releases (``OUT/_cache/rows``)."""
        shutil.rmtree(cls.root(out), ignore_errors=True)


def _check_files(d: Path, meta: dict) -> None:
    sums = meta.get("sha256")
    if not isinstance(sums, dict):
        raise store.StoreError(f"{d / 'meta.json'} records no checksums")
    for n in (*RAW, "actor_types", "words"):
        f = d / f"{n}.arrow"
        if store.file_sha256(f) != sums.get(f.name):
            raise store.StoreError(f"{f}: sha256 differs from meta.json")


def _prev_meta(prev: Path | None) -> dict | None:
    """The meta of the store ``prev`` when it is one of part files (else nothing is shared)."""
    if prev is None or not (prev / "meta.json").is_file():
        return None
    try:
        meta = store.read_json(prev / "meta.json")
    except store.StoreError:
        return None
    return meta if isinstance(meta.get("parts"), dict) else None


def _parts_present(d: Path, meta: dict) -> bool:
    """Every part file the store lists is there with its recorded size (what appending to it without
    reading it needs; the sha256 is checked when a re-run reads the store)."""
    try:
        for name in (*RAW, "actor_types", "words"):
            entries = (meta.get("parts") or {}).get(name)
            if not isinstance(entries, list) or not entries:
                return False
            for f in entries:
                p = d / store._valid_rel(name, f.get("path"), ".arrow")
                if p.stat().st_size != f.get("bytes"):
                    return False
    except (OSError, store.StoreError):
        return False
    return True


def _read_parts(d: Path, meta: dict, name: str) -> pa.Table:
    """One table of a store of part files, each file checked against its sha256."""
    entries = (meta.get("parts") or {}).get(name)
    if not isinstance(entries, list):
        raise store.StoreError(f"{d / 'meta.json'} lists no parts of {name}")
    tables = [_ARROW_IO.read(d / store._valid_rel(name, f.get("path"), ".arrow"), f.get("sha256")) for f in entries]
    if not tables:
        raise store.StoreError(f"{d / 'meta.json'} lists no parts of {name}")
    return pa.concat_tables(tables) if len(tables) > 1 else tables[0]


def _read_arrow_checked(path: Path, sha: str | None) -> pa.Table:
    if not isinstance(sha, str):
        raise store.StoreError(f"{path}: no sha256 recorded")
    key = ("_rows", sha)
    if store._HELD and key in store._PART_CACHE:
        return store._PART_CACHE[key]
    if store.file_sha256(path) != sha:
        raise store.CorruptError(path, "sha256 differs from meta.json")
    t = _read_arrow(path)
    if store._HELD:
        store._PART_CACHE[key] = t
    return t


def _file_hash(p: Path) -> str:
    return hashlib.sha256(p.name.encode() + b"\0" + p.read_bytes()).hexdigest()[:16]


def _write_arrow(table: pa.Table, path: Path) -> None:
    """Arrow IPC file (zstd-compressed buffers: a third of the bytes, read back whole at little cost)."""
    table = table.unify_dictionaries().combine_chunks()      # one dictionary per column in a file
    opts = pa.ipc.IpcWriteOptions(compression="zstd")
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema, options=opts) as w:
        w.write_table(table)


def _read_arrow(path: Path) -> pa.Table:
    with pa.OSFile(str(path), "rb") as src:
        return pa.ipc.open_file(src).read_all()


_ARROW_IO = store.PartIO("_rows", ".arrow", _write_arrow, _read_arrow_checked)


def words_table(words: "dict[str, str] | pa.Table") -> pa.Table:
    """Each article's lemmas as the store's ``words`` table, from a dict (article id -> lemmas) or a table of
    the two columns (as the extract step writes it; kept as Arrow, no Python string per article)."""
    if isinstance(words, pa.Table):
        return words.select(["article_id", "words"]).cast(_WORDS)
    return pa.table({"article_id": list(words), "words": list(words.values())}, schema=_WORDS)


def rule_file_hashes(directory: str | Path) -> dict[str, str]:
    """Content hash of each rule file, by stem (what one compiled rule object depends on)."""
    out: dict[str, str] = {}
    for p in sorted(Path(directory).iterdir()):
        if p.is_file() and p.suffix in (".yaml", ".yml", ".jsonl"):
            out[p.stem] = out.get(p.stem, "") + _file_hash(p)
    return out


def rows_writer(out: Path, prev_version: str | None, new: dict[str, pa.Table], new_types: dict[str, str],
                words: "pa.Table | dict[str, str] | None", info: dict, replace_all: bool, drop: Iterable[str] = (),
                published: set[str] | None = None) -> Callable[[Path], dict] | None:
    """What writes the new version's rows store into the staged version (``store.write_version``'s
    ``extra``), or None when the store cannot be kept exactly (the next re-run is then a full one).
    ``drop``: ids of articles that leave the outputs (replaced by a new revision, forgotten)."""
    from pipeline.ruleset import RuleError, load_rules

    try:
        rules = load_rules(info.get("rules_dir")) if info.get("rules_dir") else None
    except (RuleError, OSError):
        rules = None
    model_key = (info.get("model") or {}).get("key")
    if words is None or rules is None or rules.version != info.get("rules_version") or not model_key:
        return None
    ids = set(new["articles"].column("article_id").to_pylist())
    gone = ids | set(drop)
    words = words_table(words)
    words = words.filter(pc.is_in(words.column("article_id"), value_set=pa.array(sorted(ids), pa.string())))
    tables = {n: new[n] for n in RAW}
    types = dict(new_types)
    prev_dir = store.rows_dir(out, prev_version) if prev_version else None
    if not replace_all and published is not None and not (gone & published) and prev_dir is not None:
        pmeta = _prev_meta(prev_dir)
        from pipeline.incremental import code_hash
        if pmeta is not None and (pmeta.get("rules_version"), pmeta.get("code"), pmeta.get("model_key")) == \
                (rules.version, code_hash(), model_key) and _parts_present(prev_dir, pmeta):
            # only new articles (no revision, nothing forgotten): the kept parts stay as they are, unread
            def append(staging: Path) -> dict:
                return RowsStore.write(staging / store.ROWS, tables, types, words, rules, model_key, prev_dir,
                                       append=True)
            return append
    prev = None if replace_all else RowsStore.load(out, prev_version)
    if prev is not None and prev.matches(rules.version, model_key):
        tables = {n: pa.concat_tables([_drop_articles(prev.tables[n], gone), tables[n]]) for n in RAW}
        kept = {a: w for a, w in prev.words.items() if a not in gone}
        words = pa.concat_tables([words_table(kept), words])
        types = {**prev.types, **types}


    def write(staging: Path) -> dict:
        return RowsStore.write(staging / store.ROWS, tables, types, words, rules, model_key, prev_dir)
    return write
