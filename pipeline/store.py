"""Writing and reading the output tables: one atomic switch per published version.

Layout of an output directory ``OUT``::

    OUT/current -> _versions/<version>                (THE pointer: one symlink, swapped atomically)
    OUT/_versions/<version>/_manifest.json            (the version: tables, files, sha256, rows, provenance)
    OUT/_versions/<version>/<table>/part-<n>.parquet  (Parquet with page checksums; several parts a table,
                                                       unchanged ones hard links shared with other versions)
    OUT/_versions/<version>/_rows/<table>/part-<n>.arrow  (the rows as extracted, for rules re-runs)
    OUT/<table>        -> current/<table>             (fixed convenience links, never re-pointed)
    OUT/_manifest.json -> current/_manifest.json

A publish writes a complete new version into ``_versions/.<version>.partial``, fsyncs every file and
directory, renames it to ``_versions/<version>`` and then swaps the one ``current`` link with
``os.replace``. A kill at any instant leaves ``current`` naming either the old or the new version,
never a mix. Everything that reads the outputs resolves ``current`` once and reads every table of
that one version (:func:`snapshot`, :func:`load`). The version's ``_manifest.json`` lists each
table's part files with their sha256; a version is "a manifest of parts" (:func:`write_parts`: parts whose
rows come out identical are shared with the version before as hard links, only changed parts and new rows
are written; a part file goes with the last version folder that links it).

Every writer holds ``OUT/.lock`` (:func:`locked`; steps inside it use :func:`writing`) and calls
:func:`prepare` first: it migrates the per-table-link layout of older versions (repairing a mix of
versions left by a kill during its swaps), removes what dead runs left behind and refuses a
``current`` or manifest it cannot read, naming the file.

Every name read from a manifest or link (version, table, part file) is validated before it becomes
a path; nothing under OUT is ever unpickled or executed.

The manifest's ``forgotten`` field holds the tombstones of forgotten articles ({article_key:
{sha256, article_id, source_path, forgotten_at}}, :func:`forgotten`); every publish carries them into
the new version (:func:`write_version`), so they change with the same one ``current`` switch.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import signal
import threading
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schemas import SCHEMA_VERSION, TABLES

if TYPE_CHECKING:                                   # pandas costs ~1 s to import: only `load` needs it
    import pandas as pd

log = logging.getLogger(__name__)

KEEP_VERSIONS = 2            # the current version and the one before it stay readable
VERSIONS = "_versions"
CURRENT = "current"
MANIFEST = "_manifest.json"
ROWS = "_rows"
_VERSION_RE = re.compile(r"\d{8}T\d{12}-[0-9a-f]{6}")
_PART_RE = re.compile(r"([a-z][a-z0-9_]*)/(part-[0-9]{1,9}[A-Za-z0-9_-]{0,40}\.parquet)")
_BUF = 1 << 20
_THREADED_READ_BYTES = 16 << 20          # part files larger than this are decoded on Arrow's thread pool


class StoreError(RuntimeError):
    pass


class LockedError(StoreError):
    pass


class CorruptError(StoreError):
    """A published file does not match its recorded checksum (or cannot be read)."""

    def __init__(self, path: Path, why: str, table: str | None = None):
        self.path, self.table = Path(path), table
        super().__init__(f"{path} is corrupt: {why}")


# ----------------------------------------------------------------------------- fault injection
FAULT_ENV = "PIPELINE_FAULT"


def fault(point: str) -> None:
    """A named point of publishing: with ``PIPELINE_FAULT=<point>`` the process SIGKILLs itself there
    (the crash-safety tests use it; costs one dict lookup otherwise)."""
    if os.environ.get(FAULT_ENV) == point:
        os.kill(os.getpid(), signal.SIGKILL)


# ----------------------------------------------------------------------------- names
def valid_version(name: object) -> str:
    if not isinstance(name, str) or not _VERSION_RE.fullmatch(name):
        raise StoreError(f"invalid version name {name!r} (expected e.g. 20250101T120000000000-abc123)")
    return name


def valid_part(table: str, rel: object) -> str:
    m = _PART_RE.fullmatch(rel) if isinstance(rel, str) else None
    if m is None or m.group(1) != table:
        raise StoreError(f"invalid part file name {rel!r} for table {table!r}")
    return rel


def version_dir(out: str | Path, version: str) -> Path:
    return Path(out) / VERSIONS / valid_version(version)


# ----------------------------------------------------------------------------- fsync
def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):            # some file systems cannot fsync a directory
        fsync_file(path)


def fsync_tree(root: Path) -> None:
    for d, _, files in os.walk(root):
        for f in files:
            fsync_file(Path(d) / f)
        fsync_dir(Path(d))


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_BUF):
            h.update(chunk)
    return h.hexdigest()


def write_json(path: Path, data: dict) -> None:
    """Write JSON atomically and durably (temp file, fsync, rename)."""
    tmp = path.parent / f".{path.name}.{uuid.uuid4().hex[:6]}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, ensure_ascii=False, default=str)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_json(path: Path) -> dict:
    """A JSON object from ``path``; a truncated or damaged file is a :class:`StoreError` naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise StoreError(f"{path} is damaged or truncated ({exc}); restore it or remove the output "
                         f"folder's {path.name} and its links to start over") from None
    if not isinstance(data, dict):
        raise StoreError(f"{path} is not a JSON object")
    return data


# ----------------------------------------------------------------------------- the lock
_HELD: dict[str, int] = {}
_HELD_MUTEX = threading.Lock()
_PART_CACHE: dict[tuple[str, str], pa.Table] = {}      # (table, sha256) -> table, only while a lock is held


@contextlib.contextmanager
def locked(out: str | Path, timeout: float = 600.0, poll: float = 0.5, what: str = "run"):
    """Hold OUT's lock: two writers (runs, re-runs, forget, cache prune) never touch OUT at once.

    A second holder (another process, thread, or a second ``locked`` in the same thread) says that
    it waits and for whom, waits up to ``timeout`` seconds, then fails with a clear message.
    Entering cleans what dead runs left (:func:`cleanup_dead`). Steps inside a holder use
    :func:`writing`, which re-uses the lock the process holds.
    """
    import fcntl

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / ".lock"
    key = _key(out)
    fh = open(path, "a+")
    deadline = time.monotonic() + timeout
    told = False
    acquired = False
    try:
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                acquired = True
                break
            except BlockingIOError:
                fh.seek(0)
                holder = fh.read().strip() or "another process"
                if time.monotonic() >= deadline:
                    raise LockedError(f"{out} is being written by {holder}; gave up after {timeout:.0f} s "
                                      f"(lock file {path})") from None
                if not told:
                    log.warning("waiting for %s: it is being written by %s (up to %.0f s)", out, holder, timeout)
                    told = True
                time.sleep(poll)
        fh.seek(0)
        fh.truncate()
        fh.write(f"{what} pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}")
        fh.flush()
        with _HELD_MUTEX:
            _HELD[key] = _HELD.get(key, 0) + 1
        try:
            cleanup_dead(out)
            yield path
        finally:
            with _HELD_MUTEX:
                _HELD[key] -= 1
                if not _HELD[key]:
                    del _HELD[key]
                if not _HELD:
                    _PART_CACHE.clear()
    finally:
        if acquired:
            with contextlib.suppress(OSError):
                fh.seek(0)
                fh.truncate()
                fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


@contextlib.contextmanager
def writing(out: str | Path, timeout: float = 600.0, what: str = "publish"):
    """The lock for a step that writes OUT: the one this process holds already (a flow's task may run in
    another thread than the flow that took it), else :func:`locked`."""
    if holds_lock(out):
        yield Path(out) / ".lock"
        return
    with locked(out, timeout, what=what) as p:
        yield p


def _key(out: str | Path) -> str:
    return f"{(Path(out) / '.lock').resolve()}|{os.getpid()}"


def holds_lock(out: str | Path) -> bool:
    """Does this process hold OUT's lock?"""
    return bool(_HELD.get(_key(out)))


def cleanup_dead(out: Path) -> None:
    """Under the lock nobody else writes: work dirs, partial versions and temp links are from dead runs."""
    for d in (out / "_runs").glob("*") if (out / "_runs").is_dir() else ():
        log.info("removing %s, left by a run that died", d)
        shutil.rmtree(d, ignore_errors=True)
    vroot = out / VERSIONS
    if vroot.is_dir():
        for p in vroot.glob(".*.partial"):
            shutil.rmtree(p, ignore_errors=True)
    for p in out.glob(".*.lnk"):
        with contextlib.suppress(OSError):
            p.unlink()
    for p in out.glob(f".{MANIFEST}*.tmp"):
        with contextlib.suppress(OSError):
            p.unlink()


# ----------------------------------------------------------------------------- reading
def current_version(out: str | Path) -> str | None:
    """The version ``OUT/current`` names (validated), or None when nothing is published yet."""
    link = Path(out) / CURRENT
    try:
        target = os.readlink(link)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"{link} should be a link to {VERSIONS}/<version> ({exc})") from None
    parts = Path(target).parts
    if len(parts) != 2 or parts[0] != VERSIONS:
        raise StoreError(f"{link} points to {target!r}, not to {VERSIONS}/<version>")
    return valid_version(parts[1])


def snapshot(out: str | Path = "outputs") -> Path | None:
    """The folder of the current version: every table under it belongs to the same version.

    Read through it for a consistent snapshot (DuckDB: ``read_parquet('<snapshot>/claims/*.parquet')``);
    it stays on disk until ``KEEP_VERSIONS`` newer versions have been published."""
    v = current_version(out)
    if v is None:
        return None
    return (Path(out) / VERSIONS / v).absolute()


def version_manifest(vdir: Path) -> dict:
    p = vdir / MANIFEST
    if not p.exists():
        raise StoreError(f"{p} is missing: {vdir} is no complete version")
    man = read_json(p)
    if man.get("version") != vdir.name:
        raise StoreError(f"{p} names version {man.get('version')!r}, not {vdir.name!r}")
    return man


def manifest(out: str | Path) -> dict:
    """The current version's manifest ({} when nothing is published)."""
    snap = snapshot(out)
    if snap is not None:
        return version_manifest(snap)
    legacy = Path(out) / MANIFEST
    if legacy.is_file() and not legacy.is_symlink():       # an output folder of an older release
        return read_json(legacy)
    return {}


def _conform(table: pa.Table, name: str) -> pa.Table:
    """A table read from an older version: missing columns added as nulls, cast to today's schema."""
    schema = TABLES[name]
    if table.schema.equals(schema, check_metadata=False):
        return table.replace_schema_metadata(schema.metadata)
    cols = []
    for f in schema:
        if f.name in table.column_names:
            col = table.column(f.name)
            cols.append(col if col.type == f.type else col.cast(f.type))
        else:
            cols.append(pa.nulls(table.num_rows, f.type))
    return pa.Table.from_arrays(cols, schema=schema)


def _read_part(path: Path, expected_sha: str | None, table: str) -> pa.Table:
    """One part file, its sha256 checked (memory-mapped: hashed and read without a copy in memory).

    While this process holds an output lock, parts read are kept by sha256 (content-addressed) until
    the lock is released: a publish reads the current tables, then compares its new tables with the
    same parts (:func:`write_parts`) without reading them twice."""
    if expected_sha is not None and _HELD:
        hit = _PART_CACHE.get((table, expected_sha))
        if hit is not None:
            return hit
    t = _read_part_file(path, expected_sha, table)
    if expected_sha is not None and _HELD:
        _PART_CACHE[(table, expected_sha)] = t
    return t


def _read_part_file(path: Path, expected_sha: str | None, table: str) -> pa.Table:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FileNotFoundError(2, "No such file or directory", str(path)) from None
    if size == 0:
        raise CorruptError(path, "empty file", table)
    with pa.memory_map(str(path)) as mm:
        buf = mm.read_buffer()
        if expected_sha is not None and hashlib.sha256(buf).hexdigest() != expected_sha:
            raise CorruptError(path, "sha256 differs from the version's manifest", table)
        try:
            # ParquetFile, not pq.read_table: that imports pyarrow.dataset and so pandas (~1 s; issue 16)
            # one thread for a small file: Arrow's pool cost 2-6x the CPU of decoding a part of 1,000 articles'
            # rows in one thread (0.024 vs 0.004 s for claims), serial CPU of a re-run's parent (issue 16)
            return pq.ParquetFile(pa.BufferReader(buf), page_checksum_verification=True).read(
                use_threads=size > _THREADED_READ_BYTES)
        except (pa.ArrowException, OSError) as exc:
            raise CorruptError(path, f"{type(exc).__name__}: {exc}", table) from None


def parts(vdir: Path, man: dict, name: str) -> list[tuple[Path, str | None]]:
    """(path, sha256) of each part file of table ``name`` in a version, names validated."""
    if name not in TABLES:
        raise StoreError(f"unknown table {name!r}; tables: {sorted(TABLES)}")
    entry = (man.get("tables") or {}).get(name)
    if entry is None:
        return []
    out = []
    for f in entry.get("files", []):
        rel = valid_part(name, f.get("path"))
        out.append((vdir / rel, f.get("sha256")))
    return out


def read_version_table(vdir: Path, man: dict, name: str, verify: bool = True) -> pa.Table:
    files = parts(vdir, man, name)
    if not files:
        return TABLES[name].empty_table()
    tables = [_conform(_read_part(p, sha if verify else None, name), name) for p, sha in files]
    if len(tables) == 1:
        return tables[0]
    t = pa.concat_tables(tables)          # one chunk a part: no copy of the data
    if name in SORTED_BY:            # one sorted table, as one file had it (parts are sorted each)
        import pyarrow.compute as pc
        t = t.take(pc.sort_indices(t, sort_keys=[(SORTED_BY[name], "ascending")]))
    return t


def table_path(out: str | Path, name: str) -> Path:
    return Path(out) / name


def read_table(out: str | Path, name: str, verify: bool = True) -> pa.Table:
    """The current table ``name`` (an empty table with the schema if none yet), checksums verified."""
    return load_arrow(out, [name], verify)[1][name]


def _read_legacy(out, name: str) -> pa.Table:
    path = table_path(out, name)
    schema = TABLES[name]
    files = sorted(path.glob("*.parquet")) if path.exists() else []
    if not files:
        return schema.empty_table()
    tables = [_conform(pq.read_table(f), name) for f in files]
    return pa.concat_tables(tables).combine_chunks() if len(tables) > 1 else tables[0]


def load_arrow(out: str | Path = "outputs", tables: list[str] | None = None,
               verify: bool = True) -> tuple[str | None, dict[str, pa.Table]]:
    """(version, tables): every table of one version, read through the version folder that
    ``current`` named when the read began. Retries when that version is removed meanwhile; a file
    missing from the version that is still current is a :class:`CorruptError`."""
    names = list(tables or TABLES)
    for attempt in range(10):
        snap = snapshot(out)
        if snap is None:
            return None, {n: _read_legacy(out, n) for n in names}
        try:
            man = version_manifest(snap)
            return snap.name, {n: read_version_table(snap, man, n, verify) for n in names}
        except (FileNotFoundError, StoreError) as exc:
            if isinstance(exc, CorruptError):
                raise
            if snapshot(out) == snap or attempt == 9:        # not a publish that removed it meanwhile
                if isinstance(exc, FileNotFoundError):
                    raise CorruptError(Path(exc.filename or snap), "missing") from None
                raise
    raise AssertionError("unreachable")


def load(out: str | Path = "outputs", tables: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """Load the tables of an output directory as pandas DataFrames, all of the same version.

    Dictionary columns come back as ``category``, lists as object columns of
    arrays, timestamps as tz-aware ``datetime64[us, UTC]``.
    """
    _, data = load_arrow(out, tables)
    return {n: t.to_pandas() for n, t in data.items()}


def verify(out: str | Path) -> list[CorruptError]:
    """Every part file of the current version checked against its sha256 (a read of each file; the
    Parquet page checksums are checked whenever a table is read)."""
    snap = snapshot(out)
    if snap is None:
        return []
    man = version_manifest(snap)
    bad = []
    for name in TABLES:
        for p, sha in parts(snap, man, name):
            try:
                if sha is not None and file_sha256(p) != sha:
                    bad.append(CorruptError(p, "sha256 differs from the version's manifest", name))
            except FileNotFoundError:
                bad.append(CorruptError(p, "missing", name))
    return bad


# ----------------------------------------------------------------------------- tombstones
FORGOTTEN = "forgotten"          # manifest field: {article_key: tombstone} of forgotten articles
_SHA_RE = re.compile(r"[0-9a-f]{64}")
_TOMBSTONE_FIELDS = {"sha256": str, "article_id": str, "source_path": str, "forgotten_at": str}


def valid_tombstones(data: object, where: str | Path = "manifest") -> dict[str, dict]:
    """The ``forgotten`` field of a manifest, checked: {article_key: {"sha256": 64 hex chars,
    "article_id", "source_path", "forgotten_at": strings}}. Anything else is a :class:`StoreError`
    naming ``where`` (the keys are compared with article keys only; they never become paths)."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise StoreError(f"{where}: '{FORGOTTEN}' is not a JSON object")
    out = {}
    for key, t in data.items():
        if not isinstance(key, str) or not key or len(key) > 4096 or not isinstance(t, dict):
            raise StoreError(f"{where}: invalid tombstone {key!r}")
        if not isinstance(t.get("sha256"), str) or not _SHA_RE.fullmatch(t["sha256"]):
            raise StoreError(f"{where}: tombstone {key!r} has no valid sha256")
        for f, typ in _TOMBSTONE_FIELDS.items():
            if t.get(f) is not None and not isinstance(t[f], typ):
                raise StoreError(f"{where}: tombstone {key!r}: {f} is not a {typ.__name__}")
        out[key] = {f: t.get(f) for f in _TOMBSTONE_FIELDS}
    return out


def forgotten(out: str | Path) -> dict[str, dict]:
    """The tombstones of the current version: {article_key: {"sha256", "article_id", "source_path",
    "forgotten_at"}} of every article ``forget`` removed (and no undo or run brought back)."""
    man = manifest(out)
    return valid_tombstones(man.get(FORGOTTEN), Path(out) / MANIFEST)


def _carry_tombstones(out: Path, prev: str | None, info: dict, articles: pa.Table) -> dict:
    """The tombstones of a new version: those ``info`` gives, else the previous version's; minus those whose
    key or body the new version publishes again (``run --include-forgotten`` brought them back)."""
    if FORGOTTEN in info:
        tomb = valid_tombstones(info[FORGOTTEN], "new version")
    elif prev is not None:
        tomb = valid_tombstones(version_manifest(out / VERSIONS / prev).get(FORGOTTEN),
                                out / VERSIONS / prev / MANIFEST)
    else:
        tomb = {}
    if tomb and articles.num_rows:
        keys, shas = set(articles.column("article_key").to_pylist()), set(articles.column("content_sha256").to_pylist())
        tomb = {k: t for k, t in tomb.items() if k not in keys and t["sha256"] not in shas}
    return tomb


# ----------------------------------------------------------------------------- writing
def new_version_name() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f") + "-" + uuid.uuid4().hex[:6]


def write_version(out: str | Path, tables: dict[str, pa.Table], info: dict,
                  extra: Callable[[Path], dict] | None = None) -> str:
    """Write a complete set of tables as a new version and make it current with one atomic switch.

    Every table in ``TABLES`` must be given. Each table is stored as part files (:func:`write_parts`):
    the rows of a part file of the current version that come out identical share that file (a hard
    link, not a copy); only changed parts and new rows are written. ``extra(staging_dir)`` may write
    more files into the version before it is sealed (the rows store) and returns what the manifest
    records about them. Returns the version id.
    """
    out = Path(out)
    missing = set(TABLES) - set(tables)
    if missing:
        raise StoreError(f"write_version needs every table; missing {sorted(missing)}")
    with writing(out, what="publish"):
        prepare(out)
        prev = current_version(out)
        prev_dir = out / VERSIONS / prev if prev else None
        prev_man = version_manifest(prev_dir) if prev_dir is not None else {}
        version = new_version_name()
        vdir = out / VERSIONS / version
        staging = out / VERSIONS / f".{version}.partial"
        staging.mkdir(parents=True)
        try:
            files = {}
            seq = PartSeq(prev_man.get("part_seq"), [f.get("path") for e in (prev_man.get("tables") or {}).values()
                                                     for f in e.get("files", [])])
            for name, schema in TABLES.items():
                table = tables[name]
                if not table.schema.equals(schema, check_metadata=False):
                    table = table.cast(schema)
                table = table.replace_schema_metadata(schema.metadata)
                old = [(f, prev_dir) for f in (prev_man.get("tables") or {}).get(name, {}).get("files", [])] \
                    if prev_dir is not None else []
                files[name] = {"files": write_parts(staging, name, table, PART_KEY[name], old,
                                                    _parquet_part_io(name), seq, hot=PART_HOT.get(name))}
                fault(f"table:{name}")
            nb = [written(f["files"]) for f in files.values()]
            more = dict(extra(staging) if extra is not None else {})
            extra_written = more.pop("_written", None) or {}
            tomb = _carry_tombstones(out, prev, info, tables["articles"])
            man = {**info, **more, FORGOTTEN: tomb, "version": version, "previous": prev, "schema_version": SCHEMA_VERSION,
                   "created_at": datetime.now(timezone.utc).isoformat(),
                   "rows": {n: tables[n].num_rows for n in TABLES}, "tables": files, "part_seq": seq.next,
                   "written": {"files": sum(x[0] for x in nb), "bytes": sum(x[1] for x in nb),
                               "rows_store": extra_written}}
            write_json(staging / MANIFEST, man)
            fsync_written(staging)
            fault("staged")
            os.replace(staging, vdir)
            fsync_dir(out / VERSIONS)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        fault("sealed")
        switch(out, version)
        fault("switched")
        _cleanup(out, version, prev)
        fault("cleaned")
    return version


# ----------------------------------------------------------------------------- part files
# A table is a list of part files; every row of a key (the article, the actor, the input file) lives in one
# part. A publish keeps a part of the current version whose rows come out identical (a hard link to the
# same file: no bytes written), rewrites a part whose rows changed (or drops it when none are left) and
# puts rows of new keys into new parts; small parts at the end are merged, 8 of similar size at a time.
PART_KEY = {"articles": "article_id", "mentions": "article_id", "roles": "article_id", "claims": "article_id",
            "actors": "actor_id", "rejects": "source_path"}
PART_MAX_KEYS = {"article_id": 1000, "actor_id": 10000, "source_path": 10000}     # keys in a new part
def _hot_actors(t: pa.Table) -> pa.Array:
    import pyarrow.compute as pc
    return pc.greater(t.column("n_articles"), 1)


PART_HOT = {"actors": _hot_actors}          # rows apt to change again: actors of several articles
MERGE_FANOUT = 8
SORTED_BY = {"actors": "actor_id"}          # read back in this order whatever the parts


class PartSeq:
    """Numbers for new part files, per folder (``claims``, ``_rows/mentions``), never re-used within an
    output folder (so a file name in two versions is the same file)."""

    def __init__(self, start: object, files: list[str] = ()):
        self.next: dict[str, int] = {k: v for k, v in start.items() if isinstance(k, str) and isinstance(v, int)} \
            if isinstance(start, dict) else {}
        for rel in files:                            # outputs of older releases: after the highest number
            m = re.fullmatch(r"(.+)/part-([0-9]{1,9})[^/]*", str(rel))
            if m:
                self.next[m.group(1)] = max(self.next.get(m.group(1), 0), int(m.group(2)) + 1)

    def take(self, sub: str) -> int:
        n = self.next.get(sub, 0)
        self.next[sub] = n + 1
        return n


class PartIO:
    """How parts of one kind are named, written and read (Parquet tables, Arrow files of the rows store)."""

    def __init__(self, kind: str, suffix: str, write: Callable[[pa.Table, Path], None],
                 read: Callable[[Path, str], pa.Table]):
        self.kind, self.suffix, self.write, self.read = kind, suffix, write, read


def _parquet_part_io(name: str) -> PartIO:
    def write(table: pa.Table, path: Path) -> None:
        pq.write_table(table, path, compression="zstd", write_page_checksum=True)

    def read(path: Path, sha: str) -> pa.Table:
        return _conform(_read_part(path, sha, name), name)
    return PartIO(name, ".parquet", write, read)


def link_or_copy(src: Path, dst: Path) -> bool:
    """Share ``src`` as ``dst`` (a hard link: the same file, no bytes written); a copy where the file system
    has no hard links. True when linked."""
    try:
        os.link(src, dst)
        return True
    except OSError as exc:
        log.warning("cannot hard-link %s (%s); copying it", src, exc)
        shutil.copyfile(src, dst)
        return False


def link_tree(src: Path, dst: Path) -> None:
    """``dst`` as a tree of hard links to the files under ``src`` (copies where links are impossible)."""
    shutil.copytree(src, dst, copy_function=lambda a, b: link_or_copy(Path(a), Path(b)))


def _logically_equal(a: pa.Table, b: pa.Table) -> bool:
    if a.num_rows != b.num_rows or a.column_names != b.column_names:
        return False
    if a.equals(b):
        return True
    for name in a.column_names:                  # dictionaries of different order or chunking
        x, y = a.column(name), b.column(name)
        if pa.types.is_dictionary(x.type):
            x = x.cast(x.type.value_type)
        if pa.types.is_dictionary(y.type):
            y = y.cast(y.type.value_type)
        if not x.equals(y):
            return False
    return True


def _split_by(table: pa.Table, group: pa.Array, n: int) -> list[pa.Table]:
    """``table`` rows by ``group`` (0..n-1; null: none), each group in table order."""
    return [f() for f in _split_lazy(table, group, n)]


def _split_lazy(table: pa.Table, group: pa.Array, n: int) -> list[Callable[[], pa.Table]]:
    """As :func:`_split_by`, each group a function that makes its table when called (a copy of one group at a
    time instead of the whole table at once: issue 16, memory)."""
    import pyarrow.compute as pc
    if n == 0:
        return []
    filled = pc.fill_null(group, n)
    order = pc.sort_indices(filled)                       # stable: table order within a group
    g = filled.take(order)
    counts = {r["values"]: r["counts"] for r in pc.value_counts(g).to_pylist() if r["values"] is not None}
    out, at = [], 0
    for i in range(n):
        k = counts.get(i, 0)
        idx = order.slice(at, k)
        first, last = (idx[0].as_py(), idx[k - 1].as_py()) if k else (0, -1)
        # a group of consecutive rows (an unchanged part within the whole table): a slice, not a copy
        if last - first + 1 == k:
            out.append(lambda first=first, k=k: table.slice(first, k))
        else:
            out.append(lambda idx=idx: table.take(idx))
        at += k
    return out


def write_parts(root: Path, name: str, table: pa.Table, key: str, old: list[tuple[dict, Path]], io: PartIO,
                seq: PartSeq, max_keys: int | None = None, subdir: str | None = None,
                hot: Callable[[pa.Table], pa.Array] | None = None, append: bool = False) -> list[dict]:
    """Store ``table`` (all its rows) as part files under ``root/<subdir or name>/``, sharing what it can
    with the parts ``old`` ([(manifest entry, the folder its path is relative to)]). Returns the entries
    ({path, rows, keys, bytes, sha256}) in reading order: the old parts in their order, then new ones.
    ``hot(rows)``: a mask of the new rows likely to change again (actors of several articles); they go
    into parts of their own, so that a later change rewrites a small part. ``append``: ``table`` holds
    only rows of new keys, and every old part stays as it is (shared without being read)."""
    import pyarrow.compute as pc

    sub = subdir or name
    (root / sub).mkdir(parents=True, exist_ok=True)
    max_keys = max_keys or PART_MAX_KEYS.get(key, 1000)

    def load(f: dict, base: Path) -> pa.Table:
        return io.read(base / _valid_rel(sub, f.get("path"), io.suffix), f.get("sha256"))

    olds = _old_parts(name, sub, old, io, load, append)
    if append:
        plan = [_Planned(None, (f, base), int(f.get("keys", f.get("rows", 0)) or 0)) for f, base, _ in olds
                if f.get("rows")]
        rest = table
    else:
        plan, rest = _plan_old(table, key, olds)
    news = [rest]
    if hot is not None and rest.num_rows:
        mask = pc.fill_null(hot(rest), False)
        news = [rest.filter(mask), rest.filter(pc.invert(mask))]
    for rest in news:
        plan += _plan_new(rest, key, max_keys)
    plan = _compact(plan, key, max_keys, load)
    if not plan:                                 # an empty table keeps one file: readers find its schema
        empty = [(f, base) for f, base, t in olds if not f.get("rows") and (t is None or t.num_rows == 0)]
        plan = [_Planned(table.slice(0, 0), empty[0] if empty else None, 0)]
    out = []
    while plan:                                  # a written part's rows are freed before the next is made
        out.append(_materialize(plan.pop(0), root, sub, io, seq))
    return out


def _old_parts(name: str, sub: str, old: list[tuple[dict, Path]], io: PartIO, load: Callable, append: bool
               ) -> list[tuple[dict, Path, pa.Table | None]]:
    """The old parts of ``sub`` with their rows (not read when appending; an unreadable one is left out)."""
    olds = []
    for f, base in old:
        rel = f.get("path")
        if not isinstance(rel, str) or not rel.startswith(sub + "/"):
            continue
        if append:
            _valid_rel(sub, rel, io.suffix)
            olds.append((f, base, None))
            continue
        try:
            olds.append((f, base, load(f, base)))
        except (FileNotFoundError, CorruptError, StoreError) as exc:
            log.warning("%s: part %s not shared (%s); its rows are written again", name, rel, exc)
    return olds


def _plan_old(table: pa.Table, key: str, olds: list) -> tuple[list["_Planned"], pa.Table]:
    """(a planned part per old part that keeps rows: shared when they are identical; the rows of new keys)."""
    import pyarrow.compute as pc
    if not olds or not table.num_rows:
        return [], table
    keys = table.column(key).combine_chunks()
    uniq = [pc.unique(t.column(key)) for _, _, t in olds]
    value_set = pa.chunked_array(uniq, type=keys.type).combine_chunks()
    owner = pa.array([i for i, u in enumerate(uniq) for _ in range(len(u))], pa.int32())
    group = owner.take(pc.index_in(keys, value_set=value_set))
    plan = []
    for (f, base, t), rows in zip(olds, _split_by(table, group, len(olds))):
        if rows.num_rows:
            plan.append(_Planned(rows, (f, base) if _logically_equal(rows, t) else None, _nkeys(rows, key)))
    return plan, table.filter(pc.is_null(group))


def _plan_new(rest: pa.Table, key: str, max_keys: int) -> list["_Planned"]:
    """New parts of at most ``max_keys`` keys each for the rows ``rest``."""
    import pyarrow.compute as pc
    if not rest.num_rows:
        return []
    rk = rest.column(key).combine_chunks()
    uk = pc.unique(rk)
    if len(uk) <= max_keys:
        return [_Planned(rest, None, len(uk))]
    n = (len(uk) + max_keys - 1) // max_keys
    chunk = pc.divide(pc.index_in(rk, value_set=uk), pa.scalar(max_keys, pa.int32())).cast(pa.int32())
    # chunk i holds the keys i * max_keys .. (i + 1) * max_keys - 1 of the unique keys; its rows are taken
    # when the part is written (one part's copy at a time)
    return [_Planned(None, None, min(max_keys, len(uk) - i * max_keys), lazy=f)
            for i, f in enumerate(_split_lazy(rest, chunk, n))]


def _materialize(p: "_Planned", root: Path, sub: str, io: PartIO, seq: PartSeq) -> dict:
    """Link a shared part or write a new one; its manifest entry (``new`` marks a written file)."""
    if p.shared is not None:
        f, base = p.shared
        rel = f["path"]
        link_or_copy(base / rel, root / rel)
        return {"path": rel, "rows": p.t.num_rows if p.t is not None else f.get("rows"), "keys": p.keys,
                "bytes": (root / rel).stat().st_size, "sha256": f["sha256"]}
    rel = f"{sub}/part-{seq.take(sub)}{io.suffix}"
    t = p.t
    io.write(t, root / rel)
    fault("part")
    return {"path": rel, "rows": t.num_rows, "keys": p.keys, "bytes": (root / rel).stat().st_size,
            "sha256": file_sha256(root / rel), "new": True}


class _Planned:
    """A part of the new version: its rows (None: an old part not read), the old part it shares, its keys.
    ``lazy``: a function that makes the rows when they are needed (they are not kept)."""

    def __init__(self, t: pa.Table | None, shared: tuple[dict, Path] | None, keys: int,
                 lazy: Callable[[], pa.Table] | None = None):
        self._t, self.shared, self.keys, self.lazy = t, shared, keys, lazy

    @property
    def t(self) -> pa.Table | None:
        return self.lazy() if self.lazy is not None else self._t


def _nkeys(t: pa.Table, key: str) -> int:
    import pyarrow.compute as pc
    return pc.count_distinct(t.column(key)).as_py() if t.num_rows else 0


def _compact(plan: list, key: str, max_keys: int, load: Callable[[dict, Path], pa.Table]) -> list:
    """Merge the last ``MERGE_FANOUT`` parts into one while together they hold at most ``max_keys`` keys and
    are of similar size (the largest at most ``MERGE_FANOUT`` times the smallest), or while at least twice
    that many small parts (under ``max_keys / MERGE_FANOUT`` keys) end the table. Tiered: a row is rewritten
    about log8(max_keys / rows of a run) times."""
    plan = list(plan)
    small = max_keys // MERGE_FANOUT
    while len(plan) >= MERGE_FANOUT:
        tail = plan[-MERGE_FANOUT:]
        n = [p.keys for p in tail]
        trailing_small = 0
        for p in reversed(plan):
            if p.keys >= small:
                break
            trailing_small += 1
        similar = max(n) <= MERGE_FANOUT * max(1, min(n))
        if sum(n) > max_keys or not (similar or trailing_small >= 2 * MERGE_FANOUT):
            break
        merged = pa.concat_tables([t if (t := p.t) is not None else load(*p.shared) for p in tail])
        plan = plan[:-MERGE_FANOUT] + [_Planned(merged, None, sum(n))]
    return plan


def _valid_rel(sub: str, rel: str, suffix: str) -> str:
    if suffix == ".parquet":
        return valid_part(sub, rel)
    if not re.fullmatch(re.escape(sub) + r"/part-[0-9]{1,9}" + re.escape(suffix), rel):
        raise StoreError(f"invalid part file name {rel!r} for {sub!r}")
    return rel


def fsync_written(staging: Path) -> None:
    """fsync what this publish wrote into ``staging`` (files with one link: shared parts, linked from a
    version sealed earlier, are durable already) and every directory."""
    for d, _, files in os.walk(staging):
        for f in files:
            p = Path(d) / f
            if os.stat(p).st_nlink == 1:
                fsync_file(p)
        fsync_dir(Path(d))


def written(entries: list[dict]) -> tuple[int, int]:
    """(files, bytes) newly written among part entries (the ``new`` marks are removed)."""
    n = b = 0
    for e in entries:
        if e.pop("new", False):
            n += 1
            b += e["bytes"]
    return n, b


def switch(out: Path, version: str) -> None:
    """Make ``version`` current: the one atomic step of a publish."""
    valid_version(version)
    tmp = out / f".{CURRENT}.{uuid.uuid4().hex[:6]}.lnk"
    os.symlink(Path(VERSIONS) / version, tmp, target_is_directory=True)
    os.replace(tmp, out / CURRENT)
    fsync_dir(out)
    _ensure_links(out)


def _ensure_links(out: Path) -> None:
    """The fixed links ``OUT/<table> -> current/<table>`` and ``OUT/_manifest.json``."""
    want = {name: Path(CURRENT) / name for name in TABLES}
    want[MANIFEST] = Path(CURRENT) / MANIFEST
    for name, target in want.items():
        link = out / name
        if link.is_symlink() and Path(os.readlink(link)) == target:
            continue
        if link.exists() and not link.is_symlink() and link.is_dir():
            raise StoreError(f"{link} is a real directory, not a table link; refusing to replace it")
        tmp = out / f".{name}.{uuid.uuid4().hex[:6]}.lnk"
        os.symlink(target, tmp, target_is_directory=name != MANIFEST)
        os.replace(tmp, link)
        fault(f"link:{name}")
    fsync_dir(out)


def _cleanup(out: Path, current: str, previous: str | None) -> None:
    """Keep the current version and the ``KEEP_VERSIONS - 1`` published before it; remove the rest
    (older ones, and versions sealed by a run that died before its switch)."""
    vroot = out / VERSIONS
    names = sorted(p.name for p in vroot.iterdir() if p.is_dir() and _VERSION_RE.fullmatch(p.name))
    older = [n for n in names if n < current]
    keep = {current, *older[len(older) - (KEEP_VERSIONS - 1):]} if KEEP_VERSIONS > 1 else {current}
    if previous:
        keep.add(previous)
    for n in names:
        if n not in keep:
            shutil.rmtree(vroot / n, ignore_errors=True)


def prepare(out: str | Path) -> str | None:
    """Check (and where needed repair) the published state before a writer changes it.

    - the layout of older releases (one link per table, ``_manifest.json`` written last) is
      migrated; a mix of versions left by a kill during its link swaps is repaired to the version
      the manifest names (the last complete one);
    - a ``current`` that is not a valid link, or a version without a readable manifest, stops the
      writer with a :class:`StoreError` naming the file;
    - the fixed links are restored.
    Returns the current version. Call it under :func:`locked`.
    """
    out = Path(out)
    if not out.is_dir():
        return None
    v = current_version(out)
    if v is None:
        v = _migrate_legacy(out)
        if v is None:
            return None
    vdir = out / VERSIONS / v
    if not vdir.is_dir():
        raise StoreError(f"{out / CURRENT} names version {v}, but {vdir} does not exist")
    man = version_manifest(vdir)
    valid_tombstones(man.get(FORGOTTEN), vdir / MANIFEST)
    _ensure_links(out)
    return v


def _migrate_legacy(out: Path) -> str | None:
    legacy = out / MANIFEST
    links = {n: out / n for n in TABLES if (out / n).is_symlink()}
    if not (legacy.is_file() and not legacy.is_symlink()):
        if links:               # the first publish of an older release died during its swaps
            log.warning("%s: table links without a manifest (a first run died while publishing); removing them", out)
            for link in links.values():
                link.unlink()
        return None
    man = read_json(legacy)
    v = valid_version(man.get("version"))
    vdir = out / VERSIONS / v
    if not all((vdir / n).is_dir() for n in TABLES):
        raise StoreError(f"{legacy} names version {v}, but {vdir} is incomplete; cannot repair")
    mixed = sorted(n for n, link in links.items() if Path(os.readlink(link)) != Path(VERSIONS) / v / n)
    if mixed:
        log.warning("%s: tables %s pointed to another version than %s names (a run died between its "
                    "table swaps); restoring version %s", out, mixed, MANIFEST, v)
    files = {}
    for name in TABLES:
        rels = sorted(f"{name}/{p.name}" for p in (vdir / name).glob("*.parquet"))
        files[name] = {"files": [{"path": valid_part(name, r), "rows": pq.read_metadata(vdir / r).num_rows,
                                  "bytes": (vdir / r).stat().st_size, "sha256": file_sha256(vdir / r)}
                                 for r in rels]}
    if not (vdir / MANIFEST).exists():
        write_json(vdir / MANIFEST, {**man, "previous": None, "tables": files, "migrated_from_links": True})
    fsync_dir(vdir)
    switch(out, v)
    return v


def rows_dir(out: str | Path, version: str) -> Path:
    """Where a version keeps its rows store."""
    return version_dir(out, version) / ROWS
