"""Small helpers of the run: ids and hashes, work and cache directories, the German vocab, GC freezing."""
from __future__ import annotations

import atexit
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


def default_rules_cache(out: str | Path) -> Path:
    """Where a run or re-run of ``out`` keeps its compiled rule set (:mod:`pipeline.rulecache`)."""
    return Path(out) / "_cache" / "rules"


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


_SPACY_CLI_LINE = "from .cli.info import info  # noqa: F401"


def import_spacy_light() -> None:
    """Import spaCy without its command line. ``spacy/__init__.py`` imports ``spacy.cli`` (typer, click,
    weasel, the download and project commands: about 360 modules, 0.14 s CPU) only to offer ``spacy.info``;
    no run or re-run needs it, and in a re-run on two processes it was serial start-up before the fork
    (issue 16). ``spacy.cli`` and ``spacy.cli.info`` are stand-ins during ``import spacy`` and removed
    right after it, so that a later ``import spacy.cli`` gets the real one; ``spacy.info`` imports it
    when called. Does nothing when spaCy is imported already, or when its ``__init__`` does not
    import the command line in the one line this expects (another spaCy release)."""
    import importlib.util
    import sys
    import types

    if "spacy" in sys.modules:
        return
    spec = importlib.util.find_spec("spacy")
    try:
        src = Path(spec.origin).read_text(encoding="utf-8") if spec is not None and spec.origin else ""
    except OSError:
        return
    if src.count(_SPACY_CLI_LINE) != 1 or src.count(".cli") != 1:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _spacy_info
    stubs = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stubs)
    try:
        import spacy
    finally:
        for name, mod in stubs.items():
            if sys.modules.get(name) is mod:
                del sys.modules[name]
        if "spacy" in sys.modules and sys.modules["spacy"].__dict__.get("cli") is cli:
            del sys.modules["spacy"].cli
    spacy.info = _spacy_info


def _spacy_info(*args, **kwargs):
    """``spacy.info`` after :func:`import_spacy_light`: the real one, imported when called."""
    from spacy.cli.info import info
    return info(*args, **kwargs)


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
        self.at_exit = False

    @contextlib.contextmanager
    def __call__(self):
        if not self.at_exit:
            # At interpreter exit, what is alive then (modules, rules, tables, the model) is frozen too, out of
            # the shutdown's final full collection, which walked all of it once more: 0.17 s CPU of a re-run's
            # serial end on 2 processes, on 1 as well (issue 16). The memory goes back with the process.
            atexit.register(gc.freeze)
            self.at_exit = True
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
