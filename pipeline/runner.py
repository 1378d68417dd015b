"""The main job as plain library steps: ingest -> parse -> extract -> commit.

Each step reads and writes files in a run's work directory and returns small
values (paths, counts, hashes), so the CLI calls them in a row and
``flows.py`` wraps each as a Prefect task without passing Docs around.
"""
from __future__ import annotations

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


EXTRACTED = ("articles", "mentions", "roles", "claims", "actor_types", "extract_rejects")
_ACTOR_TYPES = pa.schema([("actor_id", pa.string()), ("actor_type", pa.string())])


def extract_step(work_dir: str | Path, cache_dir: str | Path, model: dict, rules_dir: str | Path | None = None,
                 dest: str | Path | None = None, progress: Callable[[int], None] | None = None,
                 vocab=None) -> dict:
    """Run the rule-based extractors over cached parses of ``work/articles.parquet``.

    Writes ``<dest or work>/<table>.parquet`` for the tables in ``EXTRACTED``.
    Needs no model: Docs are read from the cache with a blank German vocab (or
    ``vocab``). An article whose extraction fails becomes a reject row.
    """
    import spacy

    from pipeline.extract import extract
    from pipeline.ruleset import load_rules

    work = Path(work_dir)
    rules = load_rules(rules_dir)
    vocab = vocab or spacy.blank("de").vocab
    cache = DocCache(cache_dir, model["key"])
    dest = Path(dest) if dest else work
    arts = pq.read_table(work / "articles.parquet").to_pylist()
    prov = {"model_name": model["name"], "model_version": model["version"], "rules_version": rules.version}
    out: dict[str, list[dict]] = {"articles": [], "mentions": [], "roles": [], "claims": []}
    rejects = []
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
        if progress:
            progress(1)
    dest.mkdir(parents=True, exist_ok=True)
    for name, rs in out.items():
        pq.write_table(to_table(name, rs), dest / f"{name}.parquet")
    # mentions carry the actor type only for building the actors table
    types = [{"actor_id": r["actor_id"], "actor_type": r["_actor_type"]}
             for r in out["mentions"] if r["actor_id"]]
    pq.write_table(pa.Table.from_pylist(types, schema=_ACTOR_TYPES), dest / "actor_types.parquet")
    pq.write_table(to_table("rejects", rejects), dest / "extract_rejects.parquet")
    return {"rules_version": rules.version, "rules_dir": str(rules.directory),
            **{n: len(v) for n, v in out.items()}, "extract_rejects": len(rejects),
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
    """What an extraction result depends on: the articles' content, the model, the rules, the code."""
    from pipeline import __version__
    shas = pq.read_table(Path(work_dir) / "articles.parquet", columns=["content_sha256"])
    return short_id(*sorted(shas.column("content_sha256").to_pylist()), model["key"], rules_version,
                    __version__)


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
    the work dir's tables replace the outputs entirely (a rules re-run).
    """
    work, out = Path(work_dir), Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    new = {n: pq.read_table(work / f"{n}.parquet", schema=TABLES[n])
           for n in ("articles", "mentions", "roles", "claims", "rejects")}
    if (work / "extract_rejects.parquet").exists():
        new["rejects"] = pa.concat_tables(
            [new["rejects"], pq.read_table(work / "extract_rejects.parquet", schema=TABLES["rejects"])])
    ids = set(new["articles"].column("article_id").to_pylist())
    types = {} if replace_all else _types_from_old_actors(out)
    types.update({r["actor_id"]: r["actor_type"]
                  for r in pq.read_table(work / "actor_types.parquet").to_pylist()})
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
    version = store.write_version(out, tables, info or {})
    return {"version": version, **{n: t.num_rows for n, t in tables.items()}}


# --------------------------------------------------------------------------- whole run
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
    with store.locked(out_dir, lock_timeout):
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
        return {(r["article_id"], r[a], r[b]): r for r in t.to_pylist()}

    o, n = index(old), index(new)
    out: dict[str, dict[str, int]] = {}

    def bump(rule, what):
        out.setdefault(str(rule), {"added": 0, "removed": 0, "changed": 0})[what] += 1

    for k, r in n.items():
        if k not in o:
            bump(r["rule_id"], "added")
        elif {c: v for c, v in r.items() if c not in _IGNORED} != \
                {c: v for c, v in o[k].items() if c not in _IGNORED}:
            bump(r["rule_id"], "changed")
    for k, r in o.items():
        if k not in n:
            bump(r["rule_id"], "removed")
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
                lock_timeout: float = 600.0) -> dict:
    """Re-extract every article in OUT from the parse cache with (new) rules.

    No parsing happens as long as the cache holds every article. The tables are
    republished atomically; a markdown report of what changed per rule is kept
    under ``OUT/_reports/``.
    """
    with store.locked(out_dir, lock_timeout):
        return _rerun_rules(out_dir, rules_dir, cache_dir)


def _rerun_rules(out_dir, rules_dir, cache_dir) -> dict:
    t0 = time.perf_counter()
    out = Path(out_dir)
    man = store.manifest(out)
    if not man:
        raise FileNotFoundError(f"{out} holds no outputs yet: run the pipeline first")
    model = man["model"]
    cache_dir = cache_dir or default_cache_dir(out)
    work = new_work_dir(out)
    try:
        articles = store.read_table(out, "articles")
        pq.write_table(articles, work / "articles.parquet")
        old_rej = store.read_table(out, "rejects")
        old_rej = old_rej.filter(pc.not_equal(old_rej.column("reason").cast(pa.string()), "extract_error")) \
            if old_rej.num_rows else old_rej
        pq.write_table(old_rej, work / "rejects.parquet")
        cache = DocCache(cache_dir, model["key"])
        missing = [s for s in articles.column("content_sha256").to_pylist() if s not in cache]
        reparsed = 0
        if missing:
            m = parse_step(work, cache_dir, None)
            if m["key"] != model["key"]:
                raise RuntimeError(
                    f"{len(missing)} parses missing from {cache.dir} and the model in use ({m['key']}) "
                    f"differs from the one that made the outputs ({model['key']}); run `pipeline run` again")
            reparsed = m["parsed"]
        ex = extract_step(work, cache_dir, model, rules_dir)
        diffs = {t: diff_rows(store.read_table(out, t), pq.read_table(work / f"{t}.parquet"), t)
                 for t in ("roles", "claims")}
        info = {"model": model, "rules_version": ex["rules_version"], "rules_dir": ex["rules_dir"]}
        com = commit_step(work, out, info, replace_all=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report = render_diff(diffs, man.get("rules_version", "?"), ex["rules_version"])
    rdir = out / "_reports"
    rdir.mkdir(exist_ok=True)
    rpath = rdir / f"rerun-{com['version']}.md"
    rpath.write_text(report, encoding="utf-8")
    return {"version": com["version"], "report": report, "report_path": str(rpath),
            "articles": ex["articles"], "reparsed": reparsed, "seconds": time.perf_counter() - t0,
            "rules_version": ex["rules_version"], "diffs": diffs,
            "totals": {n: com[n] for n in TABLES}}
