"""Writing and reading the output tables.

Layout of an output directory ``OUT``::

    OUT/articles -> _versions/<version>/articles     (a symlink per table)
    OUT/_versions/<version>/<table>/part-0.parquet
    OUT/_manifest.json                                (current version, counts, provenance)

A run writes a complete new version next to the current one, then swaps each
table's symlink with an atomic ``os.replace``. Readers of ``OUT/<table>`` see
either the old or the new table, never half of one, and the previous version
stays readable until the new one is complete. Older versions are removed
afterwards (the last ``KEEP_VERSIONS`` are kept).
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schemas import SCHEMA_VERSION, TABLES

KEEP_VERSIONS = 2
VERSIONS = "_versions"
MANIFEST = "_manifest.json"


class StoreError(RuntimeError):
    pass


class LockedError(StoreError):
    pass


@contextlib.contextmanager
def locked(out: str | Path, timeout: float = 600.0, poll: float = 0.5):
    """Hold OUT's run lock: two runs never write the same outputs at once.

    A second run waits up to ``timeout`` seconds, then fails with a clear message.
    """
    import fcntl

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / ".lock"
    fh = open(path, "a+")
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().strip() or "another run"
                    raise LockedError(f"{out} is being written by {holder}; gave up after {timeout:.0f} s "
                                      f"(lock file {path})") from None
                time.sleep(poll)
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}")
        fh.flush()
        yield path
    finally:
        with contextlib.suppress(OSError):
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


def table_path(out: str | Path, name: str) -> Path:
    return Path(out) / name


def read_table(out: str | Path, name: str) -> pa.Table:
    """The current table ``name`` (an empty table with the schema if none yet)."""
    path = table_path(out, name)
    schema = TABLES[name]
    if not path.exists():
        return schema.empty_table()
    files = sorted(path.glob("*.parquet"))
    if not files:
        return schema.empty_table()
    tables = [pq.read_table(f, schema=schema) for f in files]
    return pa.concat_tables(tables).combine_chunks() if len(tables) > 1 else tables[0]


def manifest(out: str | Path) -> dict:
    p = Path(out) / MANIFEST
    return json.loads(p.read_text()) if p.exists() else {}


def write_version(out: str | Path, tables: dict[str, pa.Table], info: dict) -> str:
    """Write a complete set of tables as a new version and make it current.

    Every table in ``TABLES`` must be given. Returns the version id.
    """
    out = Path(out)
    missing = set(TABLES) - set(tables)
    if missing:
        raise StoreError(f"write_version needs every table; missing {sorted(missing)}")
    version = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f") + "-" + uuid.uuid4().hex[:6]
    vdir = out / VERSIONS / version
    staging = out / VERSIONS / f".{version}.partial"
    staging.mkdir(parents=True)
    try:
        for name, schema in TABLES.items():
            table = tables[name]
            if not table.schema.equals(schema, check_metadata=False):
                table = table.cast(schema)
            table = table.replace_schema_metadata(schema.metadata)
            (staging / name).mkdir()
            pq.write_table(table, staging / name / "part-0.parquet", compression="zstd")
        os.replace(staging, vdir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    # Swap the per-table links. Each swap is atomic.
    for name in TABLES:
        link = out / name
        if link.exists() and not link.is_symlink():
            raise StoreError(f"{link} is a real directory, not a table link; refusing to replace it")
        tmp = out / f".{name}.{version}.lnk"
        os.symlink(Path(VERSIONS) / version / name, tmp, target_is_directory=True)
        os.replace(tmp, link)
    man = {"version": version, "schema_version": SCHEMA_VERSION,
           "rows": {n: tables[n].num_rows for n in TABLES}, **info}
    tmp = out / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(man, indent=2, ensure_ascii=False, default=str))
    os.replace(tmp, out / MANIFEST)
    _cleanup(out, keep=version)
    return version


def _cleanup(out: Path, keep: str) -> None:
    vroot = out / VERSIONS
    versions = sorted(p for p in vroot.iterdir() if p.is_dir() and not p.name.startswith("."))
    for old in versions[:-KEEP_VERSIONS]:
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)
    for partial in vroot.glob(".*.partial"):      # left by a crashed run
        if time.time() - partial.stat().st_mtime > 3600:
            shutil.rmtree(partial, ignore_errors=True)


def load(out: str | Path = "outputs", tables: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """Load the tables of an output directory as pandas DataFrames.

    Dictionary columns come back as ``category``, lists as object columns of
    arrays, timestamps as tz-aware ``datetime64[us, UTC]``.
    """
    names = tables or list(TABLES)
    return {n: read_table(out, n).to_pandas() for n in names}
