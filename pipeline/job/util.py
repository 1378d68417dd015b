"""Small helpers of the run: ids and hashes, work and cache directories, the German vocab, GC freezing."""
from __future__ import annotations

import contextlib
import gc
import hashlib
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pyarrow.parquet as pq

DEFAULT_OUT = Path("outputs")
PARSE_BATCH = 16


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def short_id(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def actor_id(actor_type: str, name: str) -> str:
    return short_id(actor_type, " ".join(name.split()).casefold())


def default_cache_dir(out: str | Path) -> Path:
    return Path(out) / "_cache" / "docs"


def default_results_dir(out: str | Path) -> Path:
    return Path(out) / "_cache" / "extract"


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


# --------------------------------------------------------------------------- ingest
def new_work_dir(out: str | Path) -> Path:
    work = Path(out) / "_runs" / (time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6])
    work.mkdir(parents=True)
    return work


def blank_vocab():
    """A German vocab without a tokenizer or pipeline (all that reading a DocBin needs).

    The same vocab that ``spacy.blank("de")`` makes (lexical attributes, stop words,
    noun chunks), built in a millisecond instead of ~60 ms."""
    from spacy.lang.de import German
    from spacy.vocab import create_vocab

    return create_vocab("de", German.Defaults)


def content_key(work_dir: str | Path) -> str:
    """Hash of the content hashes of the articles in a work dir."""
    shas = pq.read_table(Path(work_dir) / "articles.parquet", columns=["content_sha256"])
    return short_id(*sorted(shas.column("content_sha256").to_pylist()))


class _GcFrozen:
    """``with gc_frozen():`` moves the objects alive on entry (modules, loaded rules, vocab,
    caches: long-lived) out of the cyclic garbage collector's passes until exit. Loading
    rules and extracting allocate many containers, and every full collection would walk
    all of those old objects again (tens of ms each). Nothing is leaked: on exit the
    objects are collectable again. A no-op when something else froze objects already."""

    def __init__(self):
        self.depth = 0
        self.owner = False

    @contextlib.contextmanager
    def __call__(self):
        if self.depth == 0:
            self.owner = gc.get_freeze_count() == 0
            if self.owner:
                gc.freeze()
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
            if self.depth == 0 and self.owner:
                gc.unfreeze()
                self.owner = False

    def more(self) -> None:
        """Freeze what was allocated since (inside an owned scope only)."""
        if self.depth and self.owner:
            gc.freeze()


gc_frozen = _GcFrozen()
