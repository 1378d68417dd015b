"""The library steps: ingest -> parse + extract -> commit.

Each step reads and writes files in a run's work directory and returns small
values (paths, counts, hashes), so the CLI calls them in a row and
``flows.py`` wraps each as a Prefect task without passing Docs around.

Parse and extract are one step (:func:`process_step`): articles stream through it in batches, on
every core (one worker process per core, the model loaded once per process); each worker parses
the articles of its batch that are not in the parse cache, writes their DocBins for later re-runs,
extracts from the Docs it just parsed (never reading back what it wrote) and hands back the batch's
rows as Arrow tables, which are appended to the work dir's Parquet files. Memory stays bounded by
the batch size, whatever the corpus size.
"""
from __future__ import annotations

import collections
import contextlib
import json
import logging
import os
import shutil
import traceback
import uuid
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import store
from pipeline.cache import DocCache
from pipeline.job.rows import _ACTOR_TYPES, _WORDS, EXTRACTED, RAW, actor_type_rows, rows_for_article
from pipeline.job.util import PARSE_BATCH, blank_vocab, gc_frozen, import_spacy_light, now_utc, sha256, short_id

INGEST_BATCH = 1000                       # article rows written at a time by the ingest step
PROCESS_BATCH = 16                        # articles a worker parses and extracts at a time
WRITE_GROUP_ROWS = 2048                   # rows of an extracted table written as one Parquet row group
from pipeline.schemas import TABLES, to_table

log = logging.getLogger(__name__)


@dataclass
class StepResult:
    work_dir: str
    n_articles: int = 0
    n_rejects: int = 0
    n_skipped: int = 0
    shas: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- ingest
def ingest_step(inputs: Iterable[str | Path], work_dir: str | Path, *, only_new_in: str | Path | None = None,
                forgotten_in: str | Path | None = None, include_forgotten: bool = False,
                out: str | Path | None = None) -> StepResult:
    """Read inputs into ``work/articles.parquet`` and ``work/rejects.parquet``.

    The same body text twice gives one article (the later copy becomes a
    ``duplicate`` reject). With ``only_new_in=OUT``, articles already in OUT's
    articles table (same content hash) are skipped, and a file unchanged since a
    run recorded it (``OUT/_cache/ingested.json``) is not read again at all
    (:mod:`pipeline.job.ingested`). ``out`` (default ``only_new_in``): the OUT
    whose record this run's files are written to. Articles forgotten in ``forgotten_in`` (default
    ``only_new_in``; none with ``include_forgotten``) become a ``forgotten`` reject, so that they are
    not parsed and a scheduled run over them stays a no-op.
    """
    from pipeline.ingest import Article, read_input_files
    from pipeline.job.ingested import IngestedState
    from pipeline.job.publish import article_key
    from pipeline.sources import location

    work = Path(work_dir)
    out = out if out is not None else only_new_in
    state = IngestedState(out) if out is not None else None
    take = _Intake(*_published(only_new_in), _tombstones(forgotten_in or only_new_in, include_forgotten))
    rows = _ArticleBatches(work / "articles.parquet")
    shas = []

    def scan(files: list[Path]) -> set[str]:
        state.scan(files)
        return state.done(take.done) if only_new_in is not None else set()

    for path, items in read_input_files(inputs, skip=scan if state is not None else None):
        if items is None:                   # unchanged, all its articles published: replayed from the record
            for e in state.items(str(path)):
                if e[0] == "r":
                    take.reject(*e[1:])
                else:
                    take.is_new(e[1], e[3], location(str(path), e[2]))
            continue
        got: list[list] = []
        for item in items:
            if not isinstance(item, Article):
                got.append(["r", item.source_path, item.reason, item.detail])
                take.reject(item.source_path, item.reason, item.detail)
                continue
            sha = sha256(item.body_text)
            key = article_key(item.url, item.source_format, item.source_id, item.source_path)
            got.append(["a", sha, item.line, key])
            if not take.is_new(sha, key, location(item.source_path, item.line)):
                continue
            row = _article_row(item)
            row.update(article_id=sha[:16], content_sha256=sha, n_tokens=0, ingested_at=now_utc())
            rows.add(row)
            shas.append(sha)
        if state is not None and path is not None:
            state.record(str(path), got)
    rows.close()
    with pq.ParquetWriter(work / "rejects.parquet", TABLES["rejects"]) as w:
        if take.rejects:                    # no table built when empty: pyarrow would import pandas (issue 16)
            w.write_table(to_table("rejects", take.rejects))
    if state is not None:
        state.save()
    return StepResult(str(work), rows.n, len(take.rejects), take.skipped, shas)


def _article_row(item) -> dict:
    """``dataclasses.asdict(item)`` without ``line``, for an Article, whose fields are plain values and lists of
    strings: a shallow copy (``asdict`` deep-copies every value, datetimes too: issue 16, 0.13 ms an article)."""
    row = {f.name: getattr(item, f.name) for f in fields(item) if f.name != "line"}
    for k, v in row.items():
        if isinstance(v, list):
            row[k] = list(v)
    return row


def _tombstones(out: str | Path | None, include_forgotten: bool) -> dict[str, dict]:
    return store.forgotten(out) if out is not None and not include_forgotten else {}


class _Intake:
    """The ingest step's decision per article: forgotten (a ``forgotten`` reject), published (skipped),
    a duplicate of an earlier one of this run (a ``duplicate`` reject), or new."""

    def __init__(self, known: set[str], known_rejects: set, tomb: dict[str, dict]):
        self.known, self.known_rejects, self.tomb = known, known_rejects, tomb
        self.by_sha = {t["sha256"]: k for k, t in tomb.items()}
        self.rejects: list[dict] = []
        self.seen: dict[str, str] = {}
        self.skipped = 0

    def reject(self, path: str, reason: str, detail: str) -> None:
        if (path, reason, detail) not in self.known_rejects:
            self.rejects.append({"source_path": path, "reason": reason, "detail": detail, "seen_at": now_utc()})

    def forgotten(self, sha: str, key: str) -> str | None:
        from pipeline.job.publish import forgotten_reason
        return forgotten_reason(key, sha, self.tomb, self.by_sha) if self.tomb else None

    def done(self, entry: list) -> bool:
        """A recorded article (``["a", sha, line, key]``) that needs no reading: published or forgotten."""
        return entry[1][:16] in self.known or self.forgotten(entry[1], entry[3]) is not None

    def is_new(self, sha: str, key: str, where: str) -> bool:
        why = self.forgotten(sha, key)
        if why is not None:
            self.reject(where, "forgotten", why)
            return False
        aid = sha[:16]
        if aid in self.known and aid not in self.seen:
            self.seen[aid] = where
            self.skipped += 1
            return False
        if aid in self.seen:
            self.reject(where, "duplicate", f"same body text as {self.seen[aid]}")
            return False
        self.seen[aid] = where
        return True


def _published(out: str | Path | None) -> tuple[set[str], set[tuple[str, str, str]]]:
    """The article ids and the rejects (place, reason, detail) published in ``out`` (none if None)."""
    if out is None:
        return set(), set()
    known = set(store.read_table(out, "articles").column("article_id").to_pylist())
    old = store.read_table(out, "rejects")
    # a reject already published for the same place, reason and detail is not repeated (JSONL
    # rejects carry their line in source_path, so a new bad line of a seen file is new)
    return known, set(zip(old.column("source_path").to_pylist(), map(str, old.column("reason").to_pylist()),
                          old.column("detail").to_pylist()))


class _ArticleBatches:
    """Article rows to one Parquet file in batches of INGEST_BATCH (bounded memory); the file is opened
    when the first batch is full (small inputs: at the end, after the inputs were walked)."""

    def __init__(self, path: Path):
        self.path = path
        self.writer = None
        self.rows: list[dict] = []
        self.n = 0

    def add(self, row: dict) -> None:
        self.rows.append(row)
        self.n += 1
        if len(self.rows) >= INGEST_BATCH:
            self.flush()

    def flush(self) -> None:
        self.writer = self.writer or pq.ParquetWriter(self.path, TABLES["articles"])
        if self.rows:                       # no table built when empty: pyarrow would import pandas (issue 16)
            self.writer.write_table(to_table("articles", self.rows))
        self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


# --------------------------------------------------------------------------- parse
def parse_step(work_dir: str | Path, cache_dir: str | Path, model: str | None = None,
               progress: Callable[[int], None] | None = None) -> dict:
    """Parse every article of the work dir that is not in the cache yet.

    Returns the model info as a dict (name, version, key, path, source).
    """
    from pipeline.nlp import load_nlp
    from pipeline.pieces import parse_isolated

    nlp, info = load_nlp(model)
    cache = DocCache(cache_dir, info.key)
    arts = pq.read_table(Path(work_dir) / "articles.parquet", columns=["content_sha256", "body_text"])
    todo = [(s, t) for s, t in zip(arts.column("content_sha256").to_pylist(),
                                   arts.column("body_text").to_pylist()) if s not in cache]
    done = arts.num_rows - len(todo)
    if progress and done:
        progress(done)
    # per text: long texts in pieces (bounded memory); a text spaCy fails on is left out of the cache
    # (extract then rejects that article) instead of stopping the run
    for (sha, _), doc in parse_isolated(nlp, todo, PARSE_BATCH):
        if not isinstance(doc, Exception):
            cache.put(sha, doc)
        if progress:
            progress(1)
    return {"name": info.name, "version": info.version, "key": info.key,
            "path": info.path, "source": info.source, "parsed": len(todo), "cached": done}


# --------------------------------------------------------------------------- parse + extract
def default_processes() -> int:
    """Worker processes for parse and extract: ``PIPELINE_PROCESSES`` if set, else the CPUs this
    process may run on."""
    env = os.environ.get("PIPELINE_PROCESSES")
    if env:
        return max(1, int(env))
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:                       # not Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class _Job:
    """What a worker needs to parse and extract a batch (small, picklable)."""
    cache_dir: str
    model_key: str
    model_spec: str | None                       # None: parse nothing, read every Doc from the cache
    rules_dir: str | None
    prov: tuple[tuple[str, str], ...]            # model_name, model_version, rules_version


@dataclass
class Extracted:
    """Rows of a set of articles, in article order, before any corpus-level merge."""
    rows: dict[str, list[dict]]              # articles, mentions (with _actor_type), roles, claims
    rejects: list[dict]
    words: dict[str, str]                    # article_id -> distinct lemmas (incremental.doc_words)
    parsed: int = 0                          # articles parsed here (not found in the parse cache)


_VOCAB: list = []                            # this process's vocab for reading DocBins


def _read_vocab():
    if not _VOCAB:
        _VOCAB.append(blank_vocab())
    return _VOCAB[0]


def _docs_of(job: _Job, arts: list[dict]) -> tuple[list, int]:
    """A Doc (or None) for every article: parsed now when not in the cache (and a model is given; the
    DocBin is written for later re-runs), else read from the cache. Returns (docs, number parsed)."""
    cache = DocCache(job.cache_dir, job.model_key)
    docs: list = [None] * len(arts)
    todo = []
    for i, art in enumerate(arts):
        if job.model_spec is not None and art["content_sha256"] not in cache:
            todo.append(i)
        else:
            docs[i] = cache.get(art["content_sha256"], _read_vocab())
    if todo:
        from pipeline.nlp import load_nlp

        from pipeline.pieces import parse_isolated

        nlp, info = load_nlp(job.model_spec or None)
        if info.key != job.model_key:
            raise RuntimeError(f"model {info.key} loaded, but the run is for {job.model_key}")
        at = {arts[i]["content_sha256"]: i for i in todo}
        # per text: long texts in pieces (bounded memory); a text spaCy fails on is left out of the
        # cache (its article becomes an extract_error reject) instead of stopping the run
        items = [(arts[i]["content_sha256"], arts[i]["body_text"]) for i in todo]
        for (sha, _), doc in parse_isolated(nlp, items, PARSE_BATCH):
            if not isinstance(doc, Exception):
                cache.put(sha, doc)
                docs[at[sha]] = doc          # extracted from as it is: never read back
    return docs, len(todo)


def _extract_batch(job: _Job, arts: list[dict]) -> Extracted:
    """Parse (what the cache lacks) and extract one batch of article rows (updated in place)."""
    from pipeline.extract import DocView, extract
    from pipeline.extract.view import known_text
    from pipeline.incremental import doc_words
    from pipeline.ruleset import load_rules

    rules = _job_rules(job, load_rules)
    prov = dict(job.prov)
    docs, parsed = _docs_of(job, arts)
    out: dict[str, list[dict]] = {"articles": [], **{name: [] for name in RAW}}
    rejects, words = [], {}
    for art, doc in zip(arts, docs):
        try:
            if doc is None:
                raise RuntimeError(f"no cached parse for {art['content_sha256']} under "
                                   f"{DocCache(job.cache_dir, job.model_key).dir} "
                                   "(spaCy failed on this text, see the run's log, or the cache was pruned)")
            known_text(doc, art["body_text"])      # doc.text is the body text: not joined again
            view = DocView.of(doc)
            rows = rows_for_article(art, extract(doc, rules, view), view.sentence_at)
        except Exception as exc:        # one bad article never sinks the run
            log.error("extraction failed for %s", art["source_path"], exc_info=True)
            rejects.append({"source_path": art["source_path"], "reason": "extract_error",
                            "detail": f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}",
                            "seen_at": now_utc()})
            continue
        art.update(prov, n_tokens=len(doc))
        out["articles"].append(art)
        for name, rs in rows.items():
            out[name].extend({**r, **prov} for r in rs)
        words[art["article_id"]] = doc_words(doc)
    return Extracted(out, rejects, words, parsed)


_JOB_RULES: dict = {}                        # the rules of this process's current job (one entry)


def _job_rules(job: _Job, load: Callable):
    """The job's rules, loaded once per process and job: ``load_rules`` hashes every rule file to find its
    memo (0.4 ms), once per batch before (issue 16: small batches at the end of a pool)."""
    rules = _JOB_RULES.get(job)
    if rules is None:
        _JOB_RULES.clear()
        rules = _JOB_RULES[job] = load(job.rules_dir)
    return rules


def _batch_tables(job: _Job, arts: list[dict]) -> tuple[dict[str, pa.Table], int]:
    """One batch as the Arrow tables of an extract step's files (what a worker sends back)."""
    ex = _extract_batch(job, arts)
    tables = {name: to_table(name, rs) for name, rs in ex.rows.items()}
    tables["actor_types"] = pa.Table.from_pylist(actor_type_rows(ex.rows["mentions"]), schema=_ACTOR_TYPES)
    tables["extract_rejects"] = to_table("rejects", ex.rejects)
    tables["words"] = pa.table({"article_id": list(ex.words), "words": list(ex.words.values())}, schema=_WORDS)
    return tables, ex.parsed


_POOL_JOB: list = []


def _pool_init(job: _Job) -> None:
    """A worker process: load the rules (and, when something is to be parsed, the model) once.

    A forked worker inherits the parent's signal handlers. Under a Prefect flow run that is the
    engine's SIGTERM handler, so the pool's ``terminate()`` at the end of the batches did not end an
    idle worker and the run hung in ``join`` (seen with a running Prefect server): workers take the
    default SIGTERM action again."""
    import signal

    from pipeline.ruleset import load_rules

    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    load_rules(job.rules_dir)
    _POOL_JOB[:] = [job]


class WorkerError(RuntimeError):
    """A batch failed in a worker process (what it raised, with its traceback, as text: not every
    exception can be pickled back, and one that cannot would leave the pool waiting forever)."""


def _pool_run(args):
    fn, arts = args
    try:
        return fn(_POOL_JOB[0], arts)
    except Exception as exc:  # noqa: BLE001 - sent back as text, raised again in the parent
        raise WorkerError(f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}") from None


def _pool(processes: int, job: _Job):
    """A pool of ``processes`` workers (:func:`_pool_init`) that does not spin while results wait to be read:
    multiprocessing's worker-handler thread also wakes on the result pipe and, until the result thread has
    read a batch's tables, polls the workers in a loop (0.2 s of the parent's CPU in a re-run of 1,000
    articles, beside the workers on two cores: issue 16). It needs to wake only when a worker exits (their
    sentinels) or the pool changes (its notifier), and does."""
    from multiprocessing.pool import Pool

    class _Pool(Pool):
        def _get_sentinels(self):       # private CPython API (3.8+): fall back to the stock sentinels elsewhere
            notifier = getattr(self, "_change_notifier", None)
            return [notifier._reader] if notifier is not None else super()._get_sentinels()

    return _Pool(processes, initializer=_pool_init, initargs=(job,), context=_mp_context())


def _mp_context():
    """fork where there is one (workers start at once and share what the parent loaded), else spawn."""
    import multiprocessing as mp
    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


# What every worker would load on its first articles, by (module, function): the entity layer's word
# sets (committed, about 0.4 s CPU and 80 MB a process) and dateparser (the first date the rules of
# pipeline.dates cannot read). Not spaCy's German lemma table (``layer.lemma_table``: 0.3-0.6 s, 75 MB):
# `actors/mentions.py` read it for a one-word PER entity ending like a surname ("Löschmann") in every
# worker; it now reads the committed set ``lemma_changed_caps`` (the table only for a lower-case word).
_WORKER_TABLES = (
    ("pipeline.extract.actors.layer", ("german_words", "noun_lemmas", "_de_prob_sets", "lemma_changed_caps")),
    ("pipeline.extract.actors.persons", ("_english_vocab", "_english_sets", "_verb_forms")),
    ("pipeline.dates", ("warm",)),              # dateparser and its German patterns
)


def _preload_tables() -> list:
    """Load the extractors' word tables (:data:`_WORKER_TABLES`, memoized functions) in this process before
    the pool forks: the workers share them instead of each reading them again (about 0.4 s CPU and 80 MB
    a worker). Without fork, a no-op; a function that is not there (renamed) is skipped: this only moves
    work, it changes no result. Returns the memoized functions it filled, for :func:`_release_tables`."""
    if _mp_context().get_start_method() != "fork":
        return []
    import importlib
    filled = []
    for module, names in _WORKER_TABLES:
        mod = importlib.import_module(module)
        for name in names:
            fn = getattr(mod, name, None)
            if callable(fn) and hasattr(fn, "cache_info"):
                if not fn.cache_info().currsize:
                    filled.append(fn)
                fn()
            elif callable(fn) and name == "warm":
                fn()
    gc_frozen.more()
    return filled


def warm_for_workers(model: str | None) -> list:
    """Load the model and the extractors' tables in this process for workers forked later to inherit (what
    :func:`process_step` and :func:`run_batches` load before the pool starts, done earlier, e.g. while the
    ingest runs: :meth:`pipeline.job.plan.LocalSteps.ingest`). Returns what :func:`unwarm` drops again."""
    import_spacy_light()
    from pipeline import nlp
    loaded = not nlp._LOADED
    nlp.load_nlp(model)
    filled = _preload_tables()
    gc_frozen.more()
    return [loaded, filled]


def unwarm(warmed: list) -> None:
    """After the process step: drop what :func:`warm_for_workers` loaded (the commit needs none of it)."""
    loaded, filled = warmed
    _release_tables(filled)
    if loaded:
        _release_model(None)


def _release_tables(filled: list) -> None:
    """Drop the tables :func:`_preload_tables` loaded for the workers: the parent goes on to publish,
    which needs none of them (its peak memory stays what it was)."""
    for fn in filled:
        fn.cache_clear()


@contextlib.contextmanager
def _workers(job: _Job, processes: int):
    """A pool of ``processes`` workers forked after the extractors' word tables were loaded here (they inherit
    them). This process drops the tables as soon as the workers exist (it needs none of them, and freeing
    them while the workers run costs no time at the end: issue 16)."""
    filled = _preload_tables()          # the workers inherit the extractors' word tables
    try:
        with _pool(processes, job) as pool:
            _release_tables(filled)
            filled = []
            yield pool
    finally:
        _release_tables(filled)


def run_batches(fn: Callable, job: _Job, batches: Iterable[list[dict]], processes: int,
                parallel: bool = True) -> Iterator:
    """``fn(job, batch)`` for every batch, results in batch order: in this process, or on a pool of
    ``processes`` workers with at most two batches per worker in flight (bounded memory)."""
    if processes <= 1 or not parallel:
        for b in batches:
            yield fn(job, b)
        return
    with _workers(job, processes) as pool:
        pending: collections.deque = collections.deque()
        try:
            for b in batches:
                pending.append(pool.apply_async(_pool_run, ((fn, b),)))
                if len(pending) >= 2 * processes:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()
        except Exception:
            _wind_down(pool, pending)
            raise


def run_all(fn: Callable, job: _Job, batches: list[list[dict]], processes: int,
            order: Iterable[int] | None = None, during: Callable[[], object] | None = None) -> list:
    """``fn(job, batch)`` for every batch, on a pool of ``processes`` workers, every batch handed out at once
    in ``order`` (indexes into ``batches``: largest first, small ones last, so that the workers finish
    together, see :func:`guided_batches`); the results in batch order. ``during()`` runs in this process
    while the workers extract (work of its own that does not need their results). Holds every result: for
    callers that keep them all anyway (:func:`extract_tables`)."""
    order = list(range(len(batches)) if order is None else order)
    with _workers(job, processes) as pool:
        pending = {i: pool.apply_async(_pool_run, ((fn, batches[i]),)) for i in order}
        try:
            if during is not None:
                during()
            return [pending[i].get() for i in range(len(batches))]
        except Exception:
            _wind_down(pool, list(pending.values()))
            raise


def guided_batches(arts: list[dict], size: int, processes: int) -> tuple[list[list[dict]], list[int]]:
    """Batches of consecutive articles and the order to hand them to ``processes`` workers so that they end
    within a few milliseconds of each other (issue 16: with batches of ``size`` in article order, one core
    idled 0.01-0.1 s at the pool's end while the other finished its last batch; a small share of the
    1.8x target, see benchmarks/README.md, speed15).

    The articles are cut into batches of ``size``, except the last ``2 * processes * size`` or a few more
    (up to the next multiple of ``size``), which are cut into ever smaller batches (guided scheduling:
    each a ``1 / (2 * processes)`` share of what is left, at least one article). The batches of ``size`` go
    first, costliest first (cost: the body's length plus a fixed share per article), then the small ones,
    largest first. The batches stay runs of consecutive articles, so their results, put back in batch
    order, are those of batches in article order."""
    n = len(arts)
    head = max(0, n - 2 * processes * size) // size * size
    cuts = list(range(0, head, size))
    at = head
    while at < n:
        cuts.append(at)
        at += min(size, max(1, -(-(n - at) // (2 * processes))))
    batches = [arts[a:b] for a, b in zip(cuts, cuts[1:] + [n])]

    def cost(batch: list[dict]) -> int:
        return sum(len(a.get("body_text") or "") + _ARTICLE_COST for a in batch)
    n_head = head // size
    first = sorted(range(n_head), key=lambda i: -cost(batches[i]))
    return batches, first + sorted(range(n_head, len(batches)), key=lambda i: -cost(batches[i]))


_ARTICLE_COST = 400                         # per-article extraction cost beyond its text, in characters of text


def _wind_down(pool, pending, wait_s: float = 120.0) -> None:
    """After a worker's error: hand the pool no more work, let the batches in flight finish (their results
    are dropped) and the workers exit, before the pool's ``terminate()``. Terminating while the task thread
    still hands batches to workers that are being killed can hang the parent for good (seen once in CI,
    2026-12-06: ``Pool._terminate_pool`` joining ``_handle_tasks``, which waited on the task queue's lock).
    A worker that does not finish in ``wait_s`` is left to ``terminate()``."""
    pool.close()
    for r in pending:
        r.wait(wait_s)
    if all(r.ready() for r in pending):
        pool.join()


def _batches(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for r in rows:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Writers:
    """One Parquet file per extracted table, appended batch by batch; a batch's rows are held until a table
    has ``group_rows`` of them, then written as one row group. (A row group per batch of 16 articles made
    footers of 1,250 row groups at 20,000 articles: ~16 MB of metadata, with every group's min and max body
    text, kept by the writers and read back by the commit: issue 16, memory.)"""

    def __init__(self, dest: Path, group_rows: int | None = None):
        self.dest, self.w, self.n = dest, {}, collections.Counter()
        self.group_rows = group_rows or WRITE_GROUP_ROWS
        self.held: dict[str, list[pa.Table]] = collections.defaultdict(list)
        self.held_rows: collections.Counter = collections.Counter()

    def write(self, tables: dict[str, pa.Table]) -> None:
        for name, t in tables.items():
            if name not in self.w:
                self.w[name] = pq.ParquetWriter(self.dest / f"{name}.parquet", t.schema)
            if t.num_rows:
                self.held[name].append(t)
                self.held_rows[name] += t.num_rows
                self.n[name] += t.num_rows
                if self.held_rows[name] >= self.group_rows:
                    self._flush(name)

    def _flush(self, name: str) -> None:
        if self.held[name]:
            self.w[name].write_table(pa.concat_tables(self.held[name]), row_group_size=max(self.held_rows[name], 1))
        self.held[name], self.held_rows[name] = [], 0

    def close(self, schemas: dict[str, pa.Schema]) -> None:
        for name, schema in schemas.items():
            if name not in self.w:
                self.w[name] = pq.ParquetWriter(self.dest / f"{name}.parquet", schema)
        for name, w in self.w.items():
            self._flush(name)
            w.close()


def _extracted_schemas() -> dict[str, pa.Schema]:
    return {**{n: TABLES[n] for n in ("articles", *RAW)}, "actor_types": _ACTOR_TYPES,
            "extract_rejects": TABLES["rejects"], "words": _WORDS}


def process_step(work_dir: str | Path, cache_dir: str | Path, model: str | dict | None = None,
                 rules_dir: str | Path | None = None, dest: str | Path | None = None,
                 processes: int | None = None, progress: Callable[[int], None] | None = None,
                 batch_size: int | None = None, parse: bool = True) -> dict:
    """Parse (what the parse cache lacks) and extract every article of ``work/articles.parquet``.

    Articles stream through in batches of ``batch_size`` (default ``PROCESS_BATCH``), on ``processes`` worker processes
    (default :func:`default_processes`; one process when there are fewer than two batches);
    the outputs are the same, row for row and in the same order, for any number of processes.
    Writes ``<dest or work>/<table>.parquet`` for the tables in ``EXTRACTED``. ``model``: a model
    name or path (``None``: the default model), or the model dict of an earlier parse; with
    ``parse=False`` nothing is parsed (an article without a cached parse becomes a reject) and the
    model is never loaded. Returns the model info (name, version, key, path, source), ``parsed``,
    ``cached`` and the extraction counts.
    """
    import_spacy_light()
    from pipeline.nlp import describe_model
    from pipeline.ruleset import load_rules

    work = Path(work_dir)
    dest = Path(dest) if dest else work
    dest.mkdir(parents=True, exist_ok=True)
    batch_size = batch_size or PROCESS_BATCH
    rules = load_rules(rules_dir)
    info = dict(model) if isinstance(model, dict) else describe_model(model).as_dict()
    spec = model.get("path") if isinstance(model, dict) else model
    job = _Job(str(cache_dir), info["key"], (spec or "") if parse else None,
               str(rules_dir) if rules_dir else None,
               (("model_name", info["name"]), ("model_version", info["version"]),
                ("rules_version", rules.version)))
    src = pq.ParquetFile(work / "articles.parquet")
    n_arts = src.metadata.num_rows
    processes = max(1, processes or default_processes())
    preloaded = parse and processes > 1 and n_arts > batch_size and _any_unparsed(work, job) and \
        _preload_model(job)             # loaded once here; the forked workers share it
    rows = (r for b in src.iter_batches(batch_size=max(batch_size, 64)) for r in b.to_pylist())
    writers = _Writers(dest)
    parsed = 0
    actors: set[str] = set()
    try:
        for tables, n_parsed in run_batches(_batch_tables, job, _batches(rows, batch_size), processes,
                                            parallel=n_arts > batch_size):
            writers.write(tables)
            parsed += n_parsed
            actors.update(tables["actor_types"].column("actor_id").to_pylist())
            if progress:
                progress(tables["articles"].num_rows + tables["extract_rejects"].num_rows)
    finally:
        writers.close(_extracted_schemas())
        if preloaded:
            _release_model(job)
    n = writers.n
    return {**{k: info[k] for k in ("name", "version", "key", "path", "source")},
            "parsed": parsed, "cached": n_arts - parsed,
            "rules_version": rules.version, "rules_dir": str(rules.directory),
            "articles": n["articles"], **{name: n[name] for name in RAW},
            "extract_rejects": n["extract_rejects"], "actors": len(actors)}


def _any_unparsed(work: Path, job: _Job) -> bool:
    cache = DocCache(job.cache_dir, job.model_key)
    shas = pq.read_table(work / "articles.parquet", columns=["content_sha256"]).column("content_sha256")
    return any(s not in cache for s in shas.to_pylist())


def _preload_model(job: _Job) -> bool:
    """Load the model in this process before the pool starts: forked workers inherit it (memory
    pages shared, copy-on-write) instead of each loading it again. Without fork, a no-op. True when
    this call loaded it (it was not loaded before)."""
    if _mp_context().get_start_method() == "fork":
        from pipeline import nlp
        loaded = bool(nlp._LOADED)
        nlp.load_nlp(job.model_spec or None)
        gc_frozen.more()                # out of the GC's passes: the workers' pages stay shared
        return not loaded
    return False


def _release_model(job: _Job) -> None:
    """Drop the model that :func:`_preload_model` loaded only for the workers to inherit, before the commit:
    this process never parses, and the commit then runs without the model's ~170 MB (issue 16: peak RSS of
    the parent). The model is a graph with cycles, frozen out of the GC's passes: it is unfrozen, collected
    and the freed heap handed back to the system."""
    import gc

    from pipeline import nlp
    nlp._LOADED.clear()
    frozen = gc.get_freeze_count() > 0
    gc.unfreeze()
    gc.collect()
    if frozen:
        gc.freeze()
    _trim_heap()


def _trim_heap() -> None:
    """Give free heap memory back to the system (glibc ``malloc_trim``; elsewhere a no-op)."""
    import ctypes
    import ctypes.util
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def extract_articles(arts: list[dict], cache: DocCache, rules, prov: dict, vocab=None,
                     progress: Callable[[int], None] | None = None, processes: int | None = None,
                     batch_size: int | None = None) -> Extracted:
    """Run the extractors over the cached parses of ``arts`` (article rows), on ``processes`` worker
    processes (default :func:`default_processes`) when there are more than ``batch_size`` articles;
    the rows come back in article order either way (``rows["articles"]``: the article rows with
    provenance and ``n_tokens``; ``arts`` itself is only updated in place without workers)."""
    job = _Job(str(cache.root), cache.model_key, None, str(rules.directory),
               tuple(prov.items()))
    processes = max(1, processes or default_processes())
    batch_size = batch_size or PROCESS_BATCH
    out: dict[str, list[dict]] = {"articles": [], **{name: [] for name in RAW}}
    rejects, words = [], {}
    parallel = len(arts) > batch_size
    for ex in run_batches(_extract_batch, job, _batches(arts, batch_size), processes, parallel):
        for name, rs in ex.rows.items():
            out[name].extend(rs)
        rejects.extend(ex.rejects)
        words.update(ex.words)
        if progress:
            progress(len(ex.rows["articles"]) + len(ex.rejects))
    return Extracted(out, rejects, words)


def extract_tables(arts: list[dict], cache: DocCache, rules, prov: dict, processes: int | None = None,
                   batch_size: int | None = None, during: Callable[[], object] | None = None
                   ) -> dict[str, pa.Table]:
    """As :func:`extract_articles`, as Arrow tables (the tables of :func:`_extracted_schemas`, in article
    order): each batch's rows become tables in the worker that extracted them, so the parent only
    concatenates (with Python rows, converting and unpickling them was serial work in the parent that kept a
    re-run on 2 processes far from twice as fast as on 1: issue 16). On several processes the batches are
    handed out largest first and end small (:func:`guided_batches`), and ``during()`` (the caller's own
    work that needs no extraction result) runs while the workers extract; on one process after them."""
    job = _Job(str(cache.root), cache.model_key, None, str(rules.directory), tuple(prov.items()))
    processes = max(1, processes or default_processes())
    batch_size = batch_size or PROCESS_BATCH
    if processes > 1 and len(arts) > batch_size:
        batches, order = guided_batches(arts, batch_size, processes)
        results = run_all(_batch_tables, job, batches, processes, order, during)
    else:
        results = run_batches(_batch_tables, job, _batches(arts, batch_size), 1)
    got: dict[str, list[pa.Table]] = collections.defaultdict(list)
    for tables, _ in results:
        for name, t in tables.items():
            if t.num_rows:
                got[name].append(t)
    if processes <= 1 or len(arts) <= batch_size:
        if during is not None:
            during()
    return {name: pa.concat_tables(got[name]) if got[name] else schema.empty_table()
            for name, schema in _extracted_schemas().items()}


def extract_step(work_dir: str | Path, cache_dir: str | Path, model: dict, rules_dir: str | Path | None = None,
                 dest: str | Path | None = None, progress: Callable[[int], None] | None = None,
                 vocab=None, processes: int | None = None) -> dict:
    """Run the rule-based extractors over cached parses of ``work/articles.parquet``.

    Writes ``<dest or work>/<table>.parquet`` for the tables in ``EXTRACTED``.
    Needs no model: Docs are read from the cache with a blank German vocab. An article
    whose extraction fails (or has no cached parse) becomes a reject row.
    """
    r = process_step(work_dir, cache_dir, model, rules_dir, dest, processes, progress, parse=False)
    return {k: r[k] for k in ("rules_version", "rules_dir", "articles", *RAW, "extract_rejects", "actors")}


def split_work(work_dir: str | Path, n_chunks: int) -> list[str]:
    """Split ``work/articles.parquet`` into up to ``n_chunks`` chunk dirs (for parallel parse/extract)."""
    work = Path(work_dir)
    arts = pq.read_table(work / "articles.parquet")
    n = max(1, min(n_chunks, arts.num_rows))
    size = -(-arts.num_rows // n) if arts.num_rows else 0
    dirs = []
    for i in range(n):
        d = work / f"chunk-{i:04d}"
        d.mkdir(exist_ok=True)
        pq.write_table(arts.slice(i * size, size), d / "articles.parquet")
        dirs.append(str(d))
    return dirs


def merge_chunks(work_dir: str | Path, chunk_dirs: list[str]) -> None:
    """Concatenate the chunks' extracted tables, in chunk order, into the work dir."""
    work = Path(work_dir)
    for name in EXTRACTED:
        if name == "words" and not all((Path(d) / "words.parquet").exists() for d in chunk_dirs):
            (work / "words.parquet").unlink(missing_ok=True)   # an older cached result: no rows store
            continue
        if len(chunk_dirs) == 1:         # one chunk (the flow's default): its file as it is, not read
            if Path(chunk_dirs[0]).resolve() != work.resolve():
                shutil.copyfile(Path(chunk_dirs[0]) / f"{name}.parquet", work / f"{name}.parquet")
            continue
        # ParquetFile, not pq.read_table: the dataset scanner took ~5x a table's size in RSS for files of one
        # row group per batch (issue 16)
        parts = [pq.ParquetFile(Path(d) / f"{name}.parquet").read() for d in chunk_dirs]
        pq.write_table(pa.concat_tables(parts) if parts else pq.ParquetFile(work / f"{name}.parquet").read(),
                       work / f"{name}.parquet")


def ensure_parsed(result: dict, work_dir, cache_dir, model: str | None) -> dict:
    """A cached parse-task result is trusted only while its DocBins are still on disk."""
    cache = DocCache(cache_dir, result["key"])
    shas = pq.read_table(Path(work_dir) / "articles.parquet", columns=["content_sha256"])
    if all(s in cache for s in shas.column("content_sha256").to_pylist()):
        return result
    return parse_step(work_dir, cache_dir, model)


def sum_parse(results: list[dict]) -> dict:
    """Combine the parse results of several chunks (same model) into one."""
    m = dict(results[0])
    m["parsed"] = sum(r["parsed"] for r in results)
    m["cached"] = sum(r["cached"] for r in results)
    return m


def process_cached(work_dir: str | Path, cache_dir: str | Path, model: str | None, rules_dir,
                   results_dir: str | Path, processes: int | None = None) -> dict:
    """:func:`process_step` into ``results_dir/<extraction key>/``, reusing a complete earlier result
    (then nothing is parsed or extracted: a retried or repeated flow run costs a directory lookup)."""
    from pipeline.nlp import describe_model
    from pipeline.ruleset import load_rules

    rules = load_rules(rules_dir)
    key = extract_key(work_dir, describe_model(model).as_dict(), rules.version)
    dest = Path(results_dir) / key
    done = dest / "stats.json"
    if done.exists():
        stats = json.loads(done.read_text())
        return {**stats, "parsed": 0, "cached": stats["parsed"] + stats["cached"], "dir": str(dest),
                "reused": True}
    tmp = Path(results_dir) / f".{key}.{uuid.uuid4().hex[:6]}"
    stats = process_step(work_dir, cache_dir, model, rules_dir, dest=tmp, processes=processes)
    return _keep_result(tmp, dest, stats)


def _keep_result(tmp: Path, dest: Path, stats: dict) -> dict:
    """Move a finished result folder into place (first writer wins) and say where it is."""
    (tmp / "stats.json").write_text(json.dumps(stats))
    try:
        os.replace(tmp, dest)
    except OSError:                 # another worker finished the same key first
        shutil.rmtree(tmp, ignore_errors=True)
    return {**stats, "dir": str(dest), "reused": False}


def extract_cached(work_dir: str | Path, cache_dir: str | Path, model: dict, rules_dir,
                   results_dir: str | Path) -> dict:
    """extract_step into ``results_dir/<extraction key>/``, reusing a complete earlier result."""
    from pipeline.ruleset import load_rules

    rules = load_rules(rules_dir)
    key = extract_key(work_dir, model, rules.version)
    dest = Path(results_dir) / key
    done = dest / "stats.json"
    if done.exists():
        return {**json.loads(done.read_text()), "dir": str(dest), "reused": True}
    tmp = Path(results_dir) / f".{key}.{uuid.uuid4().hex[:6]}"
    stats = extract_step(work_dir, cache_dir, model, rules_dir, dest=tmp)
    return _keep_result(tmp, dest, stats)


def ensure_extracted(result: dict, work_dir, cache_dir, model, rules_dir, results_dir) -> dict:
    """A cached task result whose directory was pruned is recomputed."""
    if (Path(result["dir"]) / "stats.json").exists():
        return result
    return extract_cached(work_dir, cache_dir, model, rules_dir, results_dir)


def merge_extracted(work_dir: str | Path, results: list[dict]) -> dict:
    """Gather the chunks' extraction results into the work dir; return the summed stats."""
    merge_chunks(work_dir, [r["dir"] for r in results])
    total = {k: sum(r[k] for r in results)
             for k in ("articles", *RAW, "extract_rejects", "actors")}
    return {**total, "rules_version": results[0]["rules_version"], "rules_dir": results[0]["rules_dir"]}


def extract_key(work_dir: str | Path, model: dict, rules_version: str) -> str:
    """What an extraction result depends on: the articles' content, the model, the rules, the code
    (the extractors' source, not only the package version)."""
    from pipeline import __version__
    from pipeline.incremental import code_hash
    shas = pq.read_table(Path(work_dir) / "articles.parquet", columns=["content_sha256"])
    return short_id(*sorted(shas.column("content_sha256").to_pylist()), model["key"], rules_version,
                    __version__, code_hash())


# --------------------------------------------------------------------------- commit
def commit_step(work_dir: str | Path, out_dir: str | Path, info: dict | None = None,
                replace_all: bool = False) -> dict:
    """Merge the work dir's rows into OUT and publish a new version atomically.

    Rows of re-processed articles replace the old ones. With ``replace_all``
    the work dir's tables replace the outputs entirely (a rules re-run). The
    rows as extracted (before corpus-level merges) are kept for incremental
    rules re-runs (:class:`RowsStore`).
    """
    from pipeline.job.publish import publish_work
    return publish_work(Path(work_dir), Path(out_dir), info or {}, replace_all)
