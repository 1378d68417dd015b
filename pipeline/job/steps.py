"""The library steps: ingest -> parse -> extract -> commit.

Each step reads and writes files in a run's work directory and returns small
values (paths, counts, hashes), so the CLI calls them in a row and
``flows.py`` wraps each as a Prefect task without passing Docs around.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import traceback
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import store
from pipeline.cache import DocCache
from pipeline.job.rows import _ACTOR_TYPES, _WORDS, EXTRACTED, RAW, actor_type_rows, rows_for_article
from pipeline.job.util import PARSE_BATCH, blank_vocab, now_utc, sha256, short_id
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
def ingest_step(inputs: Iterable[str | Path], work_dir: str | Path, *, only_new_in: str | Path | None = None
                ) -> StepResult:
    """Read inputs into ``work/articles.parquet`` and ``work/rejects.parquet``.

    The same body text twice gives one article (the later copy becomes a
    ``duplicate`` reject). With ``only_new_in=OUT``, articles already in OUT's
    articles table (same content hash) are skipped.
    """
    from pipeline.ingest import Article, read_inputs
    from pipeline.sources import location

    work = Path(work_dir)
    known: set[str] = set()
    known_rejects: set[tuple[str, str]] = set()
    if only_new_in is not None:
        known = set(store.read_table(only_new_in, "articles").column("article_id").to_pylist())
        old = store.read_table(only_new_in, "rejects")
        # a reject already published for the same place, reason and detail is not repeated (JSONL
        # rejects carry their line in source_path, so a new bad line of a seen file is new)
        known_rejects = set(zip(old.column("source_path").to_pylist(), map(str, old.column("reason").to_pylist()),
                                old.column("detail").to_pylist()))
    rows, rejects, seen = [], [], {}
    skipped = 0

    def reject(path, reason, detail):
        if (path, reason, detail) not in known_rejects:
            rejects.append({"source_path": path, "reason": reason, "detail": detail, "seen_at": now_utc()})

    for item in read_inputs(inputs):
        if not isinstance(item, Article):
            reject(item.source_path, item.reason, item.detail)
            continue
        sha = sha256(item.body_text)
        aid = sha[:16]
        where = location(item.source_path, item.line)
        if aid in known and aid not in seen:
            seen[aid] = where
            skipped += 1
            continue
        if aid in seen:
            reject(where, "duplicate", f"same body text as {seen[aid]}")
            continue
        seen[aid] = where
        row = asdict(item)
        row.pop("line", None)
        row.update(article_id=aid, content_sha256=sha, n_tokens=0, ingested_at=now_utc())
        rows.append(row)
    pq.write_table(to_table("articles", rows), work / "articles.parquet")
    pq.write_table(to_table("rejects", rejects), work / "rejects.parquet")
    return StepResult(str(work), len(rows), len(rejects), skipped, [r["content_sha256"] for r in rows])


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


# --------------------------------------------------------------------------- extract
@dataclass
class Extracted:
    """Rows of a set of articles, in article order, before any corpus-level merge."""
    rows: dict[str, list[dict]]              # articles, mentions (with _actor_type), roles, claims
    rejects: list[dict]
    words: dict[str, str]                    # article_id -> distinct lemmas (incremental.doc_words)


def extract_articles(arts: list[dict], cache: DocCache, rules, prov: dict, vocab=None,
                     progress: Callable[[int], None] | None = None) -> Extracted:
    """Run the extractors over the cached parses of ``arts`` (article rows, updated in place)."""
    from pipeline.extract import DocView, extract
    from pipeline.incremental import doc_words

    vocab = vocab or blank_vocab()
    out: dict[str, list[dict]] = {"articles": [], **{name: [] for name in RAW}}
    rejects, words = [], {}
    for art in arts:
        doc = cache.get(art["content_sha256"], vocab)
        try:
            if doc is None:
                raise RuntimeError(f"no cached parse for {art['content_sha256']} under {cache.dir} "
                                   "(spaCy failed on this text, see the run's log, or the cache was pruned)")
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
        if progress:
            progress(1)
    return Extracted(out, rejects, words)


def extract_step(work_dir: str | Path, cache_dir: str | Path, model: dict, rules_dir: str | Path | None = None,
                 dest: str | Path | None = None, progress: Callable[[int], None] | None = None,
                 vocab=None) -> dict:
    """Run the rule-based extractors over cached parses of ``work/articles.parquet``.

    Writes ``<dest or work>/<table>.parquet`` for the tables in ``EXTRACTED``.
    Needs no model: Docs are read from the cache with a blank German vocab (or
    ``vocab``). An article whose extraction fails becomes a reject row.
    """
    from pipeline.ruleset import load_rules

    work = Path(work_dir)
    rules = load_rules(rules_dir)
    cache = DocCache(cache_dir, model["key"])
    dest = Path(dest) if dest else work
    arts = pq.read_table(work / "articles.parquet").to_pylist()
    prov = {"model_name": model["name"], "model_version": model["version"], "rules_version": rules.version}
    ex = extract_articles(arts, cache, rules, prov, vocab, progress)
    out = ex.rows
    dest.mkdir(parents=True, exist_ok=True)
    for name, rs in out.items():
        pq.write_table(to_table(name, rs), dest / f"{name}.parquet")
    # mentions carry the actor type only for building the actors table
    types = actor_type_rows(out["mentions"])
    pq.write_table(pa.Table.from_pylist(types, schema=_ACTOR_TYPES), dest / "actor_types.parquet")
    pq.write_table(to_table("rejects", ex.rejects), dest / "extract_rejects.parquet")
    pq.write_table(pa.table({"article_id": list(ex.words), "words": list(ex.words.values())}, schema=_WORDS),
                   dest / "words.parquet")
    return {"rules_version": rules.version, "rules_dir": str(rules.directory),
            **{n: len(v) for n, v in out.items()}, "extract_rejects": len(ex.rejects),
            "actors": len({t["actor_id"] for t in types})}


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
        parts = [pq.read_table(Path(d) / f"{name}.parquet") for d in chunk_dirs]
        pq.write_table(pa.concat_tables(parts) if parts else pq.read_table(work / f"{name}.parquet"),
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
    (tmp / "stats.json").write_text(json.dumps(stats))
    try:
        os.replace(tmp, dest)
    except OSError:                 # another worker finished the same key first
        shutil.rmtree(tmp, ignore_errors=True)
    return {**stats, "dir": str(dest), "reused": False}


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
