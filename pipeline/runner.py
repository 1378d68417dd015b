"""The main job as plain library steps: ingest -> parse -> extract -> commit.

Each step reads and writes files in a run's work directory and returns small
values (paths, counts, hashes), so the CLI calls them in a row and
``flows.py`` wraps each as a Prefect task without passing Docs around.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import shutil
import logging
import sys
import time
import traceback
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline import store
from pipeline.cache import DocCache
from pipeline.schemas import TABLES, to_table

log = logging.getLogger(__name__)

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


@dataclass
class StepResult:
    work_dir: str
    n_articles: int = 0
    n_rejects: int = 0
    n_skipped: int = 0
    shas: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- ingest
def new_work_dir(out: str | Path) -> Path:
    work = Path(out) / "_runs" / (time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6])
    work.mkdir(parents=True)
    return work


def ingest_step(inputs: Iterable[str | Path], work_dir: str | Path, *, only_new_in: str | Path | None = None
                ) -> StepResult:
    """Read inputs into ``work/articles.parquet`` and ``work/rejects.parquet``.

    The same body text twice gives one article (the later copy becomes a
    ``duplicate`` reject). With ``only_new_in=OUT``, articles already in OUT's
    articles table (same content hash) are skipped.
    """
    from pipeline.ingest import Article, read_inputs

    work = Path(work_dir)
    known: set[str] = set()
    known_rejects: set[tuple[str, str]] = set()
    if only_new_in is not None:
        known = set(store.read_table(only_new_in, "articles").column("article_id").to_pylist())
        old = store.read_table(only_new_in, "rejects")
        known_rejects = set(zip(old.column("source_path").to_pylist(),
                                map(str, old.column("reason").to_pylist())))
    rows, rejects, seen = [], [], {}
    skipped = 0

    def reject(path, reason, detail):
        if (path, reason) not in known_rejects:
            rejects.append({"source_path": path, "reason": reason, "detail": detail, "seen_at": now_utc()})

    for item in read_inputs(inputs):
        if not isinstance(item, Article):
            reject(item.source_path, item.reason, item.detail)
            continue
        sha = sha256(item.body_text)
        aid = sha[:16]
        if aid in known and aid not in seen:
            seen[aid] = item.source_path
            skipped += 1
            continue
        if aid in seen:
            reject(item.source_path, "duplicate", f"same body text as {seen[aid]}")
            continue
        seen[aid] = item.source_path
        row = asdict(item)
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

    nlp, info = load_nlp(model)
    cache = DocCache(cache_dir, info.key)
    arts = pq.read_table(Path(work_dir) / "articles.parquet", columns=["content_sha256", "body_text"])
    todo = [(s, t) for s, t in zip(arts.column("content_sha256").to_pylist(),
                                   arts.column("body_text").to_pylist()) if s not in cache]
    done = arts.num_rows - len(todo)
    if progress and done:
        progress(done)
    texts = (t for _, t in todo)
    for (sha, _), doc in zip(todo, nlp.pipe(texts, batch_size=PARSE_BATCH)):
        cache.put(sha, doc)
        if progress:
            progress(1)
    return {"name": info.name, "version": info.version, "key": info.key,
            "path": info.path, "source": info.source, "parsed": len(todo), "cached": done}


# --------------------------------------------------------------------------- extract
def _normalize_date(text: str | None, anchor: datetime | None):
    if not text or anchor is None:
        return None
    try:
        from pipeline.dates import normalize
    except ImportError:            # dates module not available
        return None
    try:
        return normalize(text, anchor)
    except Exception:              # a date we cannot read must not lose the claim
        log.warning("could not normalize date %r", text, exc_info=True)
        return None


def rows_for_article(article: dict, extraction, sent_of_offset: Callable[[int], int] | None = None
                     ) -> dict[str, list[dict]]:
    """Turn one article's Extraction into table rows (without provenance columns)."""
    aid = article["article_id"]
    by_key = {a.key: a for a in extraction.actors}
    ids = {a.key: actor_id(a.actor_type, a.name) for a in extraction.actors}

    def actor_cols(key):
        if key is None or key not in by_key:
            return None, None
        return ids[key], by_key[key].name

    mentions = []
    for m, key in extraction.mentions:
        a_id, a_name = actor_cols(key)
        mentions.append({"article_id": aid, "mention_id": short_id(aid, m.start, m.end, m.label),
                         "actor_id": a_id, "actor_name": a_name, "text": m.text, "label": m.label,
                         "start": m.start, "end": m.end, "sentence": m.sentence,
                         "_actor_type": by_key[key].actor_type if key in by_key else None})
    roles = []
    for r in extraction.roles:
        a_id, a_name = actor_cols(r.actor_key)
        roles.append({"article_id": aid, "role_id": short_id(aid, r.start, r.end, r.role, a_id),
                      "actor_id": a_id, "actor_name": a_name, "role_text": r.role_text, "role": r.role,
                      "role_category": r.role_category, "organization": r.organization,
                      "status": r.status, "start": r.start, "end": r.end, "sentence": r.sentence,
                      "rule_id": r.rule_id})
    claims = []
    anchor = article.get("published_at")
    for c in extraction.claims:
        a_id, a_name = actor_cols(c.speaker_key)
        dv = _normalize_date(c.date_text, anchor)
        if dv is not None and dv.start is None:      # "bis 2014", "vor 2014": no date of a statement
            dv = None
        claims.append({"article_id": aid,
                       "claim_id": short_id(aid, c.claim_start, c.claim_end, c.claim_type),
                       "speaker_actor_id": a_id, "speaker_name": a_name,
                       "speaker_text": c.speaker_text, "speaker_start": c.speaker_start,
                       "speaker_end": c.speaker_end, "cue_text": c.cue_text, "cue_start": c.cue_start,
                       "cue_end": c.cue_end, "claim_text": c.claim_text, "claim_start": c.claim_start,
                       "claim_end": c.claim_end, "claim_type": c.claim_type,
                       "claim_date": dv.start if dv is not None else None,
                       "claim_date_granularity": dv.granularity if dv is not None else None,
                       "claim_date_text": c.date_text if dv is not None else None, "rule_id": c.rule_id})
    return {"mentions": mentions, "roles": roles, "claims": claims}


EXTRACTED = ("articles", "mentions", "roles", "claims", "actor_types", "extract_rejects", "words")
_ACTOR_TYPES = pa.schema([("actor_id", pa.string()), ("actor_type", pa.string())])
_WORDS = pa.schema([("article_id", pa.string()), ("words", pa.string())])


def blank_vocab():
    """A German vocab without a tokenizer or pipeline (all that reading a DocBin needs).

    The same vocab that ``spacy.blank("de")`` makes (lexical attributes, stop words,
    noun chunks), built in a millisecond instead of ~60 ms."""
    from spacy.lang.de import German
    from spacy.vocab import create_vocab

    return create_vocab("de", German.Defaults)


@dataclass
class Extracted:
    """Rows of a set of articles, in article order, before any corpus-level merge."""
    rows: dict[str, list[dict]]              # articles, mentions (with _actor_type), roles, claims
    rejects: list[dict]
    words: dict[str, str]                    # article_id -> distinct lemmas (incremental.doc_words)


def extract_articles(arts: list[dict], cache: DocCache, rules, prov: dict, vocab=None,
                     progress: Callable[[int], None] | None = None) -> Extracted:
    """Run the extractors over the cached parses of ``arts`` (article rows, updated in place)."""
    from pipeline.extract import extract
    from pipeline.incremental import doc_words

    vocab = vocab or blank_vocab()
    out: dict[str, list[dict]] = {"articles": [], "mentions": [], "roles": [], "claims": []}
    rejects, words = [], {}
    for art in arts:
        doc = cache.get(art["content_sha256"], vocab)
        try:
            if doc is None:
                raise RuntimeError(f"no cached parse for {art['content_sha256']} under {cache.dir}")
            rows = rows_for_article(art, extract(doc, rules))
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


def actor_type_rows(mentions: list[dict]) -> list[dict]:
    return [{"actor_id": r["actor_id"], "actor_type": r["_actor_type"]} for r in mentions if r["actor_id"]]


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


def content_key(work_dir: str | Path) -> str:
    """Hash of the content hashes of the articles in a work dir."""
    shas = pq.read_table(Path(work_dir) / "articles.parquet", columns=["content_sha256"])
    return short_id(*sorted(shas.column("content_sha256").to_pylist()))


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
             for k in ("articles", "mentions", "roles", "claims", "extract_rejects", "actors")}
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
def build_actors(mentions: pa.Table, actor_types: dict[str, str]) -> pa.Table:
    """Aggregate the actors table from all mentions."""
    acc: dict[str, dict] = {}
    cols = mentions.select(["actor_id", "actor_name", "text", "article_id"]).to_pylist()
    for m in cols:
        if not m["actor_id"]:
            continue
        a = acc.setdefault(m["actor_id"], {"actor_id": m["actor_id"], "name": m["actor_name"],
                                            "aliases": set(), "articles": set(), "n_mentions": 0})
        a["aliases"].add(m["text"])
        a["articles"].add(m["article_id"])
        a["n_mentions"] += 1
    rows = [{"actor_id": k, "name": a["name"], "actor_type": actor_types.get(k, "other"),
             "aliases": sorted(a["aliases"]), "n_articles": len(a["articles"]),
             "n_mentions": a["n_mentions"]} for k, a in sorted(acc.items())]
    return to_table("actors", rows)


def corpus_person_merges(mentions: pa.Table, actor_types: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Across articles: a person known only by surname in one article ("Trump") is the
    person with that surname's full name elsewhere ("Donald Trump"), when exactly one
    full-name person in the outputs has that surname. Returns {old id: (new id, name)}."""
    names: dict[str, str] = {}
    for aid, name in zip(mentions.column("actor_id").to_pylist(), mentions.column("actor_name").to_pylist()):
        if aid and name and actor_types.get(aid) == "person":
            names[aid] = name
    by_surname: dict[str, set[str]] = {}
    for aid, name in names.items():
        parts = name.split()
        if len(parts) > 1:
            by_surname.setdefault(parts[-1].casefold(), set()).add(aid)
    merges = {}
    for aid, name in names.items():
        if len(name.split()) == 1:
            cands = by_surname.get(name.casefold(), set())
            if len(cands) == 1:
                (target,) = cands
                merges[aid] = (target, names[target])
    return merges


def _apply_merges(table: pa.Table, id_col: str, name_col: str, merges: dict[str, tuple[str, str]]) -> pa.Table:
    if not merges or table.num_rows == 0:
        return table
    ids = table.column(id_col).to_pylist()
    if not any(i in merges for i in ids):
        return table
    names = table.column(name_col).to_pylist()
    new_ids = [merges[i][0] if i in merges else i for i in ids]
    new_names = [merges[i][1] if i in merges else n for i, n in zip(ids, names)]
    table = table.set_column(table.schema.get_field_index(id_col), table.schema.field(id_col),
                             pa.array(new_ids, type=pa.string()))
    return table.set_column(table.schema.get_field_index(name_col), table.schema.field(name_col),
                            pa.array(new_names, type=pa.string()))


def _drop_articles(table: pa.Table, ids: set[str]) -> pa.Table:
    if not ids or table.num_rows == 0:
        return table
    mask = pc.invert(pc.is_in(table.column("article_id"), value_set=pa.array(sorted(ids))))
    return table.filter(mask)


def _types_from_old_actors(out: Path) -> dict[str, str]:
    old = store.read_table(out, "actors")
    return dict(zip(old.column("actor_id").to_pylist(),
                    [str(t) for t in old.column("actor_type").to_pylist()]))


def commit_step(work_dir: str | Path, out_dir: str | Path, info: dict | None = None,
                replace_all: bool = False) -> dict:
    """Merge the work dir's rows into OUT and publish a new version atomically.

    Rows of re-processed articles replace the old ones. With ``replace_all``
    the work dir's tables replace the outputs entirely (a rules re-run). The
    rows as extracted (before corpus-level merges) are kept for incremental
    rules re-runs (:class:`RowsStore`).
    """
    work, out = Path(work_dir), Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    new = {n: pq.read_table(work / f"{n}.parquet", schema=TABLES[n])
           for n in ("articles", "mentions", "roles", "claims", "rejects")}
    if (work / "extract_rejects.parquet").exists():
        new["rejects"] = pa.concat_tables(
            [new["rejects"], pq.read_table(work / "extract_rejects.parquet", schema=TABLES["rejects"])])
    new_types = {r["actor_id"]: r["actor_type"]
                 for r in pq.read_table(work / "actor_types.parquet").to_pylist()}
    words = None
    if (work / "words.parquet").exists():
        w = pq.read_table(work / "words.parquet")
        words = dict(zip(w.column("article_id").to_pylist(), w.column("words").to_pylist()))
    prev_version = store.manifest(out).get("version")
    tables = final_tables(out, new, new_types, replace_all)
    version = store.write_version(out, tables, info or {})
    _keep_rows(out, version, prev_version, new, new_types, words, info or {}, replace_all)
    return {"version": version, **{n: t.num_rows for n, t in tables.items()}}


def final_tables(out: Path, new: dict[str, pa.Table], new_types: dict[str, str], replace_all: bool
                 ) -> dict[str, pa.Table]:
    """The tables to publish: ``new`` rows (articles, mentions, roles, claims, rejects) merged
    into OUT's current ones (or replacing them), corpus-level person merges applied, actors built."""
    ids = set(new["articles"].column("article_id").to_pylist())
    types = {} if replace_all else _types_from_old_actors(out)
    types.update(new_types)
    tables = {}
    for name in ("articles", "mentions", "roles", "claims"):
        if replace_all:
            tables[name] = new[name]
        else:
            old = _drop_articles(store.read_table(out, name), ids)
            tables[name] = pa.concat_tables([old, new[name]])
    old_rej = store.read_table(out, "rejects")
    if old_rej.num_rows and new["rejects"].num_rows:
        again = set(new["rejects"].column("source_path").to_pylist())
        old_rej = old_rej.filter(pc.invert(pc.is_in(old_rej.column("source_path"),
                                                    value_set=pa.array(sorted(again)))))
    tables["rejects"] = pa.concat_tables([old_rej, new["rejects"]])
    merges = corpus_person_merges(tables["mentions"], types)
    for name, id_col, name_col in (("mentions", "actor_id", "actor_name"), ("roles", "actor_id", "actor_name"),
                                   ("claims", "speaker_actor_id", "speaker_name")):
        tables[name] = _apply_merges(tables[name], id_col, name_col, merges)
    tables["actors"] = build_actors(tables["mentions"], types)
    return tables


# --------------------------------------------------------------------------- rows store
RAW = ("mentions", "roles", "claims")


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


# --------------------------------------------------------------------------- whole run
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



@dataclass
class RunSummary:
    out_dir: str
    version: str | None
    articles_read: int
    articles_skipped: int
    rejected: int
    parsed: int
    cached: int
    actors: int
    mentions: int
    roles: int
    claims: int
    seconds: float
    model: str
    rules_version: str
    totals: dict

    def render(self) -> str:
        t = self.totals
        lines = [
            f"Output        {self.out_dir}  (version {self.version or '-'})",
            f"Model         {self.model}    rules {self.rules_version}",
            f"Articles      {self.articles_read} processed, {self.articles_skipped} already done, "
            f"{self.rejected} rejected   (parsed {self.parsed}, from cache {self.cached})",
            f"This run      {self.mentions} mentions, {self.actors} actors, {self.roles} roles, "
            f"{self.claims} claims",
            "Tables now    " + ", ".join(f"{n} {t.get(n, 0)}" for n in TABLES),
            f"Time          {self.seconds:.1f} s"
            + (f"  ({self.articles_read / self.seconds:.1f} articles/s)" if self.seconds > 0 else ""),
        ]
        return "\n".join(lines)


class Progress:
    """A one-line progress bar on a terminal; silent otherwise."""

    def __init__(self, total: int, label: str, stream=sys.stderr, enabled: bool | None = None):
        self.total, self.label, self.stream = total, label, stream
        self.enabled = stream.isatty() if enabled is None else enabled
        self.n, self.t0 = 0, time.perf_counter()

    def __call__(self, k: int = 1) -> None:
        self.n += k
        if not self.enabled:
            return
        rate = self.n / max(time.perf_counter() - self.t0, 1e-9)
        width = 30
        fill = int(width * self.n / max(self.total, 1))
        self.stream.write(f"\r{self.label:<8} [{'#' * fill}{'.' * (width - fill)}] "
                          f"{self.n}/{self.total}  {rate:.1f} articles/s")
        if self.n >= self.total:
            self.stream.write("\n")
        self.stream.flush()


def run(inputs: Iterable[str | Path], out_dir: str | Path = DEFAULT_OUT, *, rules_dir=None, model=None,
        cache_dir=None, only_new: bool = False, progress: bool | None = None,
        lock_timeout: float = 600.0) -> RunSummary:
    """Ingest, parse, extract and publish: the whole job, in this process."""
    with store.locked(out_dir, lock_timeout), gc_frozen():
        return _run(inputs, out_dir, rules_dir=rules_dir, model=model, cache_dir=cache_dir,
                    only_new=only_new, progress=progress)


def _run(inputs, out_dir, *, rules_dir, model, cache_dir, only_new, progress) -> RunSummary:
    t0 = time.perf_counter()
    out = Path(out_dir)
    cache_dir = cache_dir or default_cache_dir(out)
    work = new_work_dir(out)
    try:
        ing = ingest_step(inputs, work, only_new_in=out if only_new else None)
        if only_new and ing.n_articles == 0 and ing.n_rejects == 0:
            from pipeline.ruleset import load_rules
            return RunSummary(str(out), None, 0, ing.n_skipped, 0, 0, 0, 0, 0, 0, 0,
                              time.perf_counter() - t0, "-", load_rules(rules_dir).version,
                              store.manifest(out).get("rows", {}))
        m = parse_step(work, cache_dir, model, progress=Progress(ing.n_articles, "parse", enabled=progress))
        ex = extract_step(work, cache_dir, m, rules_dir)
        info = {"model": {k: m[k] for k in ("name", "version", "key", "path", "source")},
                "rules_version": ex["rules_version"], "rules_dir": ex["rules_dir"]}
        com = commit_step(work, out, info)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return RunSummary(
        out_dir=str(out), version=com["version"], articles_read=ex["articles"],
        articles_skipped=ing.n_skipped, rejected=ing.n_rejects + ex["extract_rejects"],
        parsed=m["parsed"], cached=m["cached"],
        actors=ex["actors"],
        mentions=ex["mentions"], roles=ex["roles"], claims=ex["claims"],
        seconds=time.perf_counter() - t0, model=f"{m['name']} {m['version']}",
        rules_version=ex["rules_version"], totals={n: com[n] for n in TABLES},
    )


# --------------------------------------------------------------------------- rules re-run
_ROW_KEYS = {"roles": ("start", "end"), "claims": ("claim_start", "claim_end")}
_IGNORED = {"role_id", "claim_id", "rules_version", "model_name", "model_version"}


def diff_rows(old: pa.Table, new: pa.Table, table: str) -> dict[str, dict[str, int]]:
    """Per rule_id: rows added, removed and changed between two versions of a table.

    Rows are matched by article and span; a matched row whose other columns
    differ counts as changed (under its new rule_id).
    """
    a, b = _ROW_KEYS[table]

    def index(t):
        cols = [c for c in t.column_names if c not in _IGNORED]
        d = t.select(cols).to_pydict()
        return dict(zip(zip(d["article_id"], d[a], d[b]), zip(zip(*(d[c] for c in cols)), d["rule_id"])))

    o, n = index(old), index(new)
    out: dict[str, dict[str, int]] = {}

    def bump(rule, what):
        out.setdefault(str(rule), {"added": 0, "removed": 0, "changed": 0})[what] += 1

    for k, (r, rule) in n.items():
        if k not in o:
            bump(rule, "added")
        elif r != o[k][0]:
            bump(rule, "changed")
    for k, (r, rule) in o.items():
        if k not in n:
            bump(rule, "removed")
    return out


def render_diff(diffs: dict[str, dict[str, dict[str, int]]], old_rules: str, new_rules: str) -> str:
    lines = [f"# Rules re-run: {old_rules} -> {new_rules}", ""]
    for table, per_rule in diffs.items():
        lines += [f"## {table}", "", "| rule_id | added | removed | changed |", "|---|---:|---:|---:|"]
        if not per_rule:
            lines.append("| (no change) | 0 | 0 | 0 |")
        for rule, c in sorted(per_rule.items()):
            lines.append(f"| {rule} | {c['added']} | {c['removed']} | {c['changed']} |")
        lines.append("")
    return "\n".join(lines)


def rerun_rules(out_dir: str | Path = DEFAULT_OUT, rules_dir=None, cache_dir=None,
                lock_timeout: float = 600.0, full: bool = False) -> dict:
    """Re-extract the articles in OUT from the parse cache with (new) rules.

    Only the articles that the rule change can affect are re-extracted (see
    :mod:`pipeline.incremental`); the others keep their rows. A change that cannot be
    localised, a change of extractor code, a missing rows store or ``full=True``
    re-extracts every article. No parsing happens as long as the cache holds every
    article. The tables are republished atomically; a markdown report of what changed
    per rule is kept under ``OUT/_reports/``.
    """
    with store.locked(out_dir, lock_timeout), gc_frozen():
        return _rerun_rules(out_dir, rules_dir, cache_dir, full)


def plan_rerun(prev: RowsStore | None, rules, model_key: str, articles: pa.Table, full: bool = False
               ) -> tuple[set[str], str]:
    """(ids of the articles to re-extract, why) for a re-run of ``articles`` with ``rules``."""
    from pipeline import incremental

    ids = articles.column("article_id").to_pylist()
    if full:
        return set(ids), "full re-extraction requested"
    if prev is None:
        return set(ids), "no rows kept from the last run"
    code = incremental.code_hash()
    if prev.meta.get("code") != code:
        return set(ids), "extractor code changed"
    if prev.meta.get("model_key") != model_key:
        return set(ids), "model changed"
    todo = {a for a in ids if a not in prev.words}
    if prev.meta.get("rules_version") == rules.version:
        return todo, "rules unchanged"
    old_files, new_files = prev.meta.get("rule_files") or {}, rule_file_hashes(rules.directory)
    if set(old_files) != set(new_files) or set(new_files) != set(rules.compiled):
        return set(ids), "rule files added or removed"
    changed = [s for s in new_files if new_files[s] != old_files[s]]
    try:
        old = {**rules.compiled, **prev.compiled_rules(changed)}     # unchanged files: the same objects
        needles = incremental.minimal(incremental.localise(old, rules.compiled))
    except incremental.NotLocal as exc:
        return set(ids), f"not localisable: {exc}"
    except Exception as exc:      # an unreadable rules.pkl: never guess
        log.warning("could not compare with the previous rules", exc_info=True)
        return set(ids), f"previous rules unreadable ({type(exc).__name__})"
    if needles:
        hit = incremental.Matcher(needles)
        bodies = articles.column("body_text").to_pylist()
        for aid, body in zip(ids, bodies):
            if aid not in todo and hit(incremental.haystack(body, prev.words[aid])):
                todo.add(aid)
    shown = ", ".join(needles[:8]) + (", ..." if len(needles) > 8 else "")
    return todo, f"{len(needles)} changed surface strings ({shown})"


def _reencode(table: pa.Table, name: str) -> pa.Table:
    """Dictionary columns encoded in first-occurrence order, one chunk (as ``to_table`` builds them)."""
    schema = TABLES[name]
    cols = []
    for f in schema:
        col = table.column(f.name)
        if pa.types.is_dictionary(f.type):
            col = col.cast(f.type.value_type).combine_chunks().dictionary_encode().cast(f.type)
        else:
            col = col.combine_chunks()
        cols.append(col)
    return pa.Table.from_arrays(cols, schema=schema)


def _set_prov(table: pa.Table, prov: dict) -> pa.Table:
    for k, v in prov.items():
        i = table.schema.get_field_index(k)
        table = table.set_column(i, table.schema.field(i),
                                 pa.array([v] * table.num_rows, type=pa.string()).dictionary_encode()
                                 .cast(table.schema.field(i).type))
    return table


def _in_order(table: pa.Table, order: dict[str, int]) -> pa.Table:
    """Rows grouped by article in ``order`` (stable within an article)."""
    if table.num_rows == 0:
        return table
    pos = pa.array([order[a] for a in table.column("article_id").to_pylist()], type=pa.int32())
    return table.take(pc.sort_indices(pos))


def _assemble(articles: pa.Table, todo: set[str], ex: Extracted, prev: RowsStore | None, prov: dict
              ) -> tuple[dict[str, pa.Table], dict[str, str], dict[str, str]]:
    """What a full extraction would give: fresh rows for ``todo``, kept rows (new provenance) for the rest."""
    ids = articles.column("article_id").to_pylist()
    keep = [a for a in ids if a not in todo]
    failed = {a for a in todo if a not in ex.words}
    arts = articles
    if failed:
        arts = arts.filter(pc.invert(pc.is_in(arts.column("article_id"), value_set=pa.array(sorted(failed)))))
    fresh_tokens = {r["article_id"]: r["n_tokens"] for r in ex.rows["articles"]}
    if fresh_tokens:
        i = arts.schema.get_field_index("n_tokens")
        toks = [fresh_tokens.get(a, n) for a, n in zip(arts.column("article_id").to_pylist(),
                                                       arts.column("n_tokens").to_pylist())]
        arts = arts.set_column(i, arts.schema.field(i), pa.array(toks, type=pa.int32()))
    new = {"articles": _reencode(_set_prov(arts, prov), "articles")}
    types = dict(prev.types) if prev is not None and keep else {}
    types.update({r["actor_id"]: r["actor_type"] for r in actor_type_rows(ex.rows["mentions"])})
    words = {a: prev.words[a] for a in keep} if keep else {}
    words.update(ex.words)
    order = {a: i for i, a in enumerate(ids)}
    for name in RAW:
        part = to_table(name, ex.rows[name])
        if keep:
            old = prev.tables[name]
            old = old.filter(pc.is_in(old.column("article_id"), value_set=pa.array(keep)))
            part = _in_order(pa.concat_tables([_set_prov(old, prov), part]), order)
            part = _reencode(part, name)
        new[name] = part
    return new, types, words


def _rerun_rules(out_dir, rules_dir, cache_dir, full=False) -> dict:
    from pipeline.ruleset import load_rules

    t0 = time.perf_counter()
    lap = _Laps()
    out = Path(out_dir)
    man = store.manifest(out)
    if not man:
        raise FileNotFoundError(f"{out} holds no outputs yet: run the pipeline first")
    model = man["model"]
    cache_dir = cache_dir or default_cache_dir(out)
    rules = load_rules(rules_dir)
    gc_frozen.more()                     # the rules live as long as the re-run: keep them out of GC passes
    lap("load rules")
    articles = store.read_table(out, "articles")
    prev = None if full else RowsStore.load(out, man["version"])
    lap("read outputs and kept rows")
    todo, why = plan_rerun(prev, rules, model["key"], articles, full)
    lap("compare rules, find affected articles")
    todo_rows = articles.filter(pc.is_in(articles.column("article_id"), value_set=pa.array(sorted(todo),
                                                                                       type=pa.string())))
    cache = DocCache(cache_dir, model["key"])
    missing = [s for s in todo_rows.column("content_sha256").to_pylist() if s not in cache]
    reparsed = 0
    if missing:
        work = new_work_dir(out)
        try:
            pq.write_table(todo_rows, work / "articles.parquet")
            m = parse_step(work, cache_dir, None)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if m["key"] != model["key"]:
            raise RuntimeError(
                f"{len(missing)} parses missing from {cache.dir} and the model in use ({m['key']}) "
                f"differs from the one that made the outputs ({model['key']}); run `pipeline run` again")
        reparsed = m["parsed"]
    prov = {"model_name": model["name"], "model_version": model["version"], "rules_version": rules.version}
    ex = extract_articles(todo_rows.to_pylist(), cache, rules, prov)
    lap("re-extract (parse cache + extractors)")
    new, types, words = _assemble(articles, todo, ex, prev if todo != set(articles.column("article_id").to_pylist())
                                  else None, prov)
    old_rej = store.read_table(out, "rejects")
    old_rej = old_rej.filter(pc.not_equal(old_rej.column("reason").cast(pa.string()), "extract_error")) \
        if old_rej.num_rows else old_rej
    new["rejects"] = pa.concat_tables([old_rej, to_table("rejects", ex.rejects)])
    tables = final_tables(out, new, types, replace_all=True)
    lap("assemble tables, person merges, actors")
    diffs = {t: diff_rows(store.read_table(out, t), tables[t], t) for t in ("roles", "claims")}
    lap("diff report")
    info = {"model": model, "rules_version": rules.version, "rules_dir": str(rules.directory)}
    version = store.write_version(out, tables, info)
    lap("publish")
    RowsStore.save(out, version, {n: new[n] for n in RAW}, types, words, rules, model["key"])
    lap("keep rows")
    report = render_diff(diffs, man.get("rules_version", "?"), rules.version)
    rdir = out / "_reports"
    rdir.mkdir(exist_ok=True)
    rpath = rdir / f"rerun-{version}.md"
    rpath.write_text(report, encoding="utf-8")
    n_arts = new["articles"].num_rows
    return {"version": version, "report": report, "report_path": str(rpath),
            "articles": n_arts, "reextracted": len(todo), "reused": articles.num_rows - len(todo),
            "why": why, "reparsed": reparsed, "seconds": time.perf_counter() - t0, "laps": lap.laps,
            "rules_version": rules.version, "diffs": diffs,
            "totals": {n: t.num_rows for n, t in tables.items()}}


class _Laps:
    """Seconds spent per phase (for the benchmark's breakdown)."""

    def __init__(self):
        self.laps: dict[str, float] = {}
        self.t = time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = self.laps.get(name, 0.0) + now - self.t
        self.t = now
