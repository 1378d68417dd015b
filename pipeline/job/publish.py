"""Corpus-level assembly of the tables to publish: merging new rows into the outputs, article
revisions, person merges, actors; publishing a run's work dir; forgetting articles; healing a
damaged published table."""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline import store
from pipeline.job.rows import RAW, TABLE_SPECS
from pipeline.schemas import TABLES, to_table

log = logging.getLogger(__name__)

def build_actors(mentions: pa.Table, actor_types: dict[str, str]) -> pa.Table:
    """Aggregate the actors table from all mentions (one row per actor id, sorted by id: the name of its
    first mention, its surface forms sorted, its articles and mentions counted). Columnar: a grouping
    over the mentions, a Python loop over the actors only."""
    t = mentions.select(["actor_id", "actor_name", "text", "article_id"])
    if t.num_rows:
        t = t.filter(pc.fill_null(pc.not_equal(t.column("actor_id"), ""), False))
    if t.num_rows == 0:
        return to_table("actors", [])
    first = t.group_by("actor_id", use_threads=False).aggregate(
        [("actor_name", "first", pc.ScalarAggregateOptions(skip_nulls=False)), ("article_id", "count_distinct"),
         ("actor_id", "count")])
    # aliases: the distinct (actor, text) pairs in code point order (what ``sorted`` gives), listed by actor
    pairs = t.select(["actor_id", "text"]).group_by(["actor_id", "text"], use_threads=False).aggregate([])
    pairs = pairs.take(pc.sort_indices(pairs, sort_keys=[("actor_id", "ascending"), ("text", "ascending")]))
    aliases = pairs.group_by("actor_id", use_threads=False).aggregate([("text", "list")])
    aliases = aliases.take(pc.sort_indices(aliases, sort_keys=[("actor_id", "ascending")]))
    first = first.take(pc.sort_indices(first, sort_keys=[("actor_id", "ascending")]))
    ids = first.column("actor_id").to_pylist()
    if aliases.column("actor_id").to_pylist() != ids:
        raise AssertionError("actor aliases out of order")
    alias_lists = aliases.column("text_list")
    types = [actor_types.get(k, "other") for k in ids]
    cols = {"actor_id": first.column("actor_id"), "name": first.column("actor_name_first"),
            "actor_type": pa.array(types, pa.string()).dictionary_encode(),
            "aliases": alias_lists,
            "n_articles": first.column("article_id_count_distinct"), "n_mentions": first.column("actor_id_count")}
    schema = TABLES["actors"]
    return pa.Table.from_arrays([cols[f.name].cast(f.type) for f in schema], schema=schema)


def _actor_names(mentions: pa.Table) -> dict[str, str]:
    """actor id -> the actor name of its last mention that has both (as the loop over rows gave)."""
    t = mentions.select(["actor_id", "actor_name"])
    if t.num_rows == 0:
        return {}
    ok = pc.and_(pc.fill_null(pc.not_equal(t.column("actor_id"), ""), False),
                 pc.fill_null(pc.not_equal(t.column("actor_name"), ""), False))
    t = t.filter(ok)
    if t.num_rows == 0:
        return {}
    g = t.group_by("actor_id", use_threads=False).aggregate([("actor_name", "last")])
    return dict(zip(g.column("actor_id").to_pylist(), g.column("actor_name_last").to_pylist()))


def _actor_evidence(mentions: pa.Table, only: set[str] | None = None) -> tuple[dict[str, str], dict[str, set[str]]]:
    """(actor id -> name, actor id -> evidence): the labels and surface forms of the actor's mentions and of
    the mentions of its articles that contain its name as a word ("Merkel Jagd- und Sportwaffen" for
    "Merkel"). ``only``: the evidence of these actors is all that is needed (the mentions of the articles
    they are mentioned in are read, not all)."""
    if only is not None:
        if not only or mentions.num_rows == 0:
            return {}, {}
        hit = pc.is_in(mentions.column("actor_id"), value_set=pa.array(sorted(only), pa.string()))
        arts = pc.unique(mentions.column("article_id").filter(pc.fill_null(hit, False)))
        mentions = mentions.filter(pc.is_in(mentions.column("article_id"), value_set=arts))
    rows = mentions.select(["article_id", "actor_id", "actor_name", "text", "label"]).to_pylist()
    names: dict[str, str] = {}
    evidence: dict[str, set[str]] = {}
    by_article: dict[str, list[dict]] = {}
    for r in rows:
        by_article.setdefault(r["article_id"], []).append(r)
        if r["actor_id"] and r["actor_name"]:
            names[r["actor_id"]] = r["actor_name"]
            evidence.setdefault(r["actor_id"], set()).update(x for x in (r["label"], r["text"]) if x)
    for arows in by_article.values():
        for aid in {r["actor_id"] for r in arows if r["actor_id"] in names}:
            word = names[aid]
            for r in arows:
                if r["actor_id"] != aid and r["text"] and word in r["text"].split():
                    evidence[aid].update(x for x in (r["label"], r["text"]) if x)
    return names, evidence


def corpus_person_merges(mentions: pa.Table, actor_types: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Across articles: a person known only by surname in one article ("Trump") is the
    person with that surname's full name elsewhere ("Donald Trump"), when exactly one
    full-name person in the outputs has that surname and
    :func:`pipeline.extract.actors.may_merge` allows it (both persons, no organisation evidence such as
    "Merkel Jagd- und Sportwaffen" on either side). Returns {old id: (new id, name)}.
    The candidates come from the actors' names; the evidence is gathered for the candidates only."""
    from pipeline.extract.actors import may_merge
    names = {aid: n for aid, n in _actor_names(mentions).items() if actor_types.get(aid) == "person"}
    by_surname: dict[str, set[str]] = {}
    for aid, name in names.items():
        parts = name.split()
        if len(parts) > 1:
            by_surname.setdefault(parts[-1].casefold(), set()).add(aid)
    pairs = {}
    for aid, name in names.items():
        if len(name.split()) == 1:
            cands = by_surname.get(name.casefold(), set())
            if len(cands) == 1:
                (pairs[aid],) = cands
    if not pairs:
        return {}
    _, evidence = _actor_evidence(mentions, set(pairs) | set(pairs.values()))
    merges = {}
    for aid, target in pairs.items():
        if may_merge(names[aid], "person", evidence.get(aid, ()), names[target], "person", evidence.get(target, ())):
            merges[aid] = (target, names[target])
    return merges


def _apply_merges(table: pa.Table, id_col: str, name_col: str, merges: dict[str, tuple[str, str]]) -> pa.Table:
    """``table`` with the merged actors' ids and names replaced (columnar: no Python object per row)."""
    if not merges or table.num_rows == 0:
        return table
    old = pa.array(list(merges), pa.string())
    ids = table.column(id_col).combine_chunks()
    hit = pc.fill_null(pc.is_in(ids, value_set=old), False)
    if not pc.any(hit).as_py():
        return table
    at = pc.index_in(ids, value_set=old)
    new_ids = pc.if_else(hit, pa.array([m[0] for m in merges.values()], pa.string()).take(at), ids)
    new_names = pc.if_else(hit, pa.array([m[1] for m in merges.values()], pa.string()).take(at),
                           table.column(name_col).combine_chunks())
    table = table.set_column(table.schema.get_field_index(id_col), table.schema.field(id_col), new_ids)
    return table.set_column(table.schema.get_field_index(name_col), table.schema.field(name_col), new_names)


def _drop_articles(table: pa.Table, ids: set[str]) -> pa.Table:
    if not ids or table.num_rows == 0:
        return table
    hit = pc.is_in(table.column("article_id"), value_set=pa.array(sorted(ids), pa.string()))
    if not pc.any(hit).as_py():
        return table                 # nothing to drop: the same table, no copy
    return table.filter(pc.invert(hit))


def _types_from_old_actors(out: Path) -> dict[str, str]:
    old = store.read_table(out, "actors")
    return dict(zip(old.column("actor_id").to_pylist(), old.column("actor_type").cast(pa.string()).to_pylist()))


def _old_rejects_kept(out: Path, new: dict[str, pa.Table], replace_all: bool) -> pa.Table:
    """The published rejects that stay beside the run's own: those of places this run did not judge again. A
    place rejected again has new rows. A whole file (not a JSONL line) that this run read as an article again
    was fixed since (it was empty, unreadable or failed extraction): its old reject would contradict its
    article, so it goes too. A JSONL line's reject (``file:line``) goes only when that line is rejected again:
    articles do not record their line, and ``--only-new`` reads only a file's new lines. Where the run
    replaces all tables (a rules re-run, a rebuild) it read no file: only rejects of the same place go."""
    old_rej = store.read_table(out, "rejects")
    if not old_rej.num_rows:
        return old_rej
    again = set(new["rejects"].column("source_path").to_pylist())
    if not replace_all:
        again |= set(new["articles"].column("source_path").to_pylist())
    if not again:
        return old_rej
    return old_rej.filter(pc.invert(pc.is_in(old_rej.column("source_path"), value_set=pa.array(sorted(again)))))


def final_tables(out: Path, new: dict[str, pa.Table], new_types: dict[str, str], replace_all: bool,
                 drop: set[str] | frozenset = frozenset()) -> dict[str, pa.Table]:
    """The tables to publish: ``new`` rows (articles, mentions, roles, claims, rejects) merged
    into OUT's current ones (or replacing them), corpus-level person merges applied, actors built.
    ``drop``: ids of published articles that leave (replaced by a new revision)."""
    ids = set(new["articles"].column("article_id").to_pylist()) | set(drop)
    types = {} if replace_all else _types_from_old_actors(out)
    types.update(new_types)
    tables = {}
    for name in ("articles", *RAW):
        if replace_all:
            tables[name] = new[name]
        else:
            old = _drop_articles(store.read_table(out, name), ids)
            tables[name] = pa.concat_tables([old, new[name]])
    tables["rejects"] = pa.concat_tables([_old_rejects_kept(out, new, replace_all), new["rejects"]])
    merges = corpus_person_merges(tables["mentions"], types)
    for spec in TABLE_SPECS:
        tables[spec.name] = _apply_merges(tables[spec.name], *spec.actor_cols, merges)
    tables["actors"] = build_actors(tables["mentions"], types)
    from pipeline.views import with_organization_actor_ids
    tables["roles"] = with_organization_actor_ids(tables)     # organisation strings -> actor ids
    return tables


# --------------------------------------------------------------------------- article identity
def article_key(url: str | None, source_format: str | None, source_id: str | None, source_path: str) -> str:
    """An article's stable identity: its URL when known, else the input's own id (JSONL ``id``),
    else its source path (absolute)."""
    if url and url.strip():
        return url.strip()
    if str(source_format) == "jsonl" and source_id:
        return f"id:{source_id}"
    return "path:" + os.path.abspath(source_path)


def _keys(arts: pa.Table) -> list[str]:
    d = arts.select(["article_key", "url", "source_format", "source_id", "source_path"]).to_pydict()
    return [k or article_key(u, f, i, p) for k, u, f, i, p in
            zip(d["article_key"], d["url"], d["source_format"], d["source_id"], d["source_path"])]


def _set_col(t: pa.Table, name: str, values: list) -> pa.Table:
    i = t.schema.get_field_index(name)
    f = t.schema.field(i)
    return t.set_column(i, f, pa.array(values, type=f.type))


def with_revisions(old: pa.Table, new: dict[str, pa.Table]) -> tuple[dict[str, pa.Table], set[str]]:
    """Give the run's articles their identity and revision; (new tables, ids of published articles
    they replace).

    A body under a key that is published with another body is the next revision of that article:
    it replaces the published one and all its rows. Within one run, a later body under the same
    key replaces an earlier one. The same body keeps its revision (also under a new key: a moved
    file; the article then takes the new key).
    """
    arts = new["articles"]
    if arts.num_rows == 0:
        return new, set()
    published, by_id = {}, {}
    rows = arts.select(["article_id", "content_sha256", "ingested_at"]).to_pylist()
    keys = _keys(arts)
    if old.num_rows:
        sel = old
        if old.column("article_key").null_count == 0:      # only the published rows this run can meet
            sel = old.filter(pc.or_(
                pc.is_in(old.column("article_key"), value_set=pa.array(sorted(set(keys)), pa.string())),
                pc.is_in(old.column("article_id"), value_set=pa.array(sorted({r["article_id"] for r in rows}),
                                                                      pa.string()))))
        o = sel.select(["article_id", "content_sha256", "revision", "first_seen_at", "revised_at",
                        "previous_sha256", "ingested_at"]).to_pylist()
        for k, r in zip(_keys(sel), o):
            published[k] = r
            by_id[r["article_id"]] = r
    seen: dict[str, int] = {}                    # key -> index of its row in this run
    state = dict(published)
    replaced: set[str] = set()
    superseded: set[int] = set()
    cols = {"revision": [], "first_seen_at": [], "revised_at": [], "previous_sha256": []}
    for i, (k, r) in enumerate(zip(keys, rows)):
        if k in seen:
            superseded.add(seen[k])
        prev = state.get(k) or by_id.get(r["article_id"])     # a moved file: the same body, another path
        if prev is None:
            rev, first, upd, psha = 1, r["ingested_at"], r["ingested_at"], None
        elif prev["content_sha256"] == r["content_sha256"]:
            rev, first = prev["revision"] or 1, prev["first_seen_at"] or prev["ingested_at"]
            upd, psha = prev["revised_at"] or prev["ingested_at"], prev["previous_sha256"]
        else:
            rev, first = (prev["revision"] or 1) + 1, prev["first_seen_at"] or prev["ingested_at"]
            upd, psha = r["ingested_at"], prev["content_sha256"]
            if k in published and published[k]["article_id"] != r["article_id"]:
                replaced.add(published[k]["article_id"])
                _warn_if_unrelated(k, old, published[k]["article_id"], arts, i)
        for c, v in zip(cols, (rev, first, upd, psha)):
            cols[c].append(v)
        seen[k] = i
        state[k] = {"article_id": r["article_id"], "content_sha256": r["content_sha256"], "revision": rev,
                    "first_seen_at": first, "revised_at": upd, "previous_sha256": psha,
                    "ingested_at": r["ingested_at"]}
    arts = _set_col(arts, "article_key", keys)
    for c, v in cols.items():
        arts = _set_col(arts, c, v)
    out = dict(new)
    out["articles"] = arts
    if superseded:
        gone = {rows[i]["article_id"] for i in superseded}
        keep = pa.array([i not in superseded for i in range(len(rows))])
        out["articles"] = arts.filter(keep)
        for name in RAW:
            out[name] = _drop_articles(out[name], gone)
    return out, replaced - set(out["articles"].column("article_id").to_pylist())


def _warn_if_unrelated(key: str, old: pa.Table, old_id: str, arts: pa.Table, i: int) -> None:
    """A revision normally keeps most of its words; one that shares few with the body it replaces
    may be another article under a wrong key (a site's canonical URL pointing to its home page)."""
    prev = old.filter(pc.equal(old.column("article_id"), old_id)).column("body_text")[0].as_py() or ""
    new = arts.column("body_text")[i].as_py() or ""
    a, b = set(prev.lower().split()), set(new.lower().split())
    share = len(a & b) / max(1, len(a | b))
    if share < 0.3:
        log.warning("%s: the new body shares only %.0f %% of its words with the one it replaces (%s); it is "
                    "published as the next revision. If these are two articles, their key (URL) is wrong",
                    key, 100 * share, old_id)


# --------------------------------------------------------------------------- publishing a run
def read_work(path: Path, name: str | None = None) -> pa.Table:
    """A table of a run's work dir (one column chunk each, conformed to the schema of table ``name``).

    ``pq.ParquetFile.read``, not ``pq.read_table``: the extract step writes a row group per batch of 16
    articles, and ``read_table`` (the dataset scanner, which also imports pandas) took about 5x the table's
    size in RSS for such files (20,000 articles: 549 MB for 106 MB of rows; ``ParquetFile``: 286 MB;
    issue 16)."""
    t = pq.ParquetFile(path).read()
    return store._conform(t, name) if name is not None else t


def publish_work(work: Path, out: Path, info: dict, replace_all: bool = False) -> dict:
    """Merge a work dir's rows into OUT and publish a new version (rows store inside it), atomically."""
    from pipeline.job.rowstore import rows_writer

    with store.writing(out, what="publish"):
        store.prepare(out)
        new = {n: read_work(work / f"{n}.parquet", n) for n in ("articles", *RAW, "rejects")}
        if (work / "extract_rejects.parquet").exists():
            new["rejects"] = pa.concat_tables([new["rejects"], read_work(work / "extract_rejects.parquet", "rejects")])
        t = read_work(work / "actor_types.parquet")
        new_types = dict(zip(t.column("actor_id").to_pylist(), t.column("actor_type").to_pylist()))
        del t
        # each article's lemmas stay an Arrow table (no Python string per article: issue 16, memory)
        words = read_work(work / "words.parquet") if (work / "words.parquet").exists() else None
        prev_version = store.current_version(out)
        drop: set[str] = set()
        if not info.get("include_forgotten"):
            new = drop_forgotten(out, new)
        info = {k: v for k, v in info.items() if k != "include_forgotten"}
        if not replace_all:
            new, drop = with_revisions(store.read_table(out, "articles"), new)
        tables = final_tables(out, new, new_types, replace_all, drop)
        lifted = lifted_tombstones(store.forgotten(out), tables["articles"])
        tables["rejects"] = _without_forgotten_rejects(tables["rejects"], lifted)
        info = {**info, **rules_provenance(info.get("rules_dir"))}
        published = None if replace_all else \
            set(store.read_table(out, "articles").column("article_id").to_pylist())
        writer = rows_writer(out, prev_version, new, new_types, words, info, replace_all, drop, published)
        version = store.write_version(out, tables, info, writer)
    return {"version": version, **{n: t.num_rows for n, t in tables.items()}}


def rules_provenance(rules_dir) -> dict:
    """What the manifest records about the rules: the content hash of each rule file."""
    from pipeline.job.rowstore import rule_file_hashes
    from pipeline.ruleset import RULES_DIR
    try:
        return {"rule_files": rule_file_hashes(rules_dir or RULES_DIR)}
    except OSError:
        return {}


# --------------------------------------------------------------------------- forgetting
def forget(out: str | Path, keys: list[str], lock_timeout: float = 600.0) -> dict:
    """Remove articles (by article_key, article_id or source_path) and all their rows; publish a
    new version. Unknown keys are reported and nothing is written when none matched."""
    from pipeline.job.rowstore import RowsStore

    out = Path(out)
    with store.writing(out, lock_timeout, what="forget"):
        store.prepare(out)
        heal(out)
        man = store.manifest(out)
        if not man:
            raise store.StoreError(f"{out} holds no outputs")
        version, cur = store.load_arrow(out)
        arts = cur["articles"]
        d = arts.select(["article_id", "source_path"]).to_pydict()
        ak = _keys(arts) if arts.num_rows else []
        wanted = set(keys) | {"path:" + os.path.abspath(k) for k in keys if not k.startswith(("path:", "id:"))
                              and "://" not in k}
        ids = {a for a, k, p in zip(d["article_id"], ak, d["source_path"]) if wanted & {a, k, p}}
        found = {x for a, k, p in zip(d["article_id"], ak, d["source_path"]) for x in (a, k, p)
                 if a in ids and x in wanted}
        unknown = sorted(k for k in keys if k not in found and "path:" + os.path.abspath(k) not in found)
        if not ids:
            return {"version": version, "forgotten": [], "unknown": unknown}
        keep_arts = arts.filter(pc.invert(pc.is_in(arts.column("article_id"), value_set=pa.array(sorted(ids)))))
        rs = RowsStore.load(out, version)
        complete = rs is not None and rs.tables and set(rs.words) >= set(arts.column("article_id").to_pylist())
        if complete:            # re-merge the kept raw rows: merges that only the forgotten articles made go too
            raw = {n: _drop_articles(rs.tables[n], ids) for n in RAW}
            types = rs.types
        else:
            raw = {n: _drop_articles(cur[n], ids) for n in RAW}
            types = dict(zip(cur["actors"].column("actor_id").to_pylist(),
                             [str(t) for t in cur["actors"].column("actor_type").to_pylist()]))
        new = {"articles": keep_arts, **raw, "rejects": cur["rejects"]}
        tables = final_tables(out, new, types, replace_all=True)
        writer = None
        if complete:
            from pipeline.ruleset import load_rules
            try:
                rules = load_rules(man.get("rules_dir"))
            except Exception:        # noqa: BLE001 - the rules moved: no rows store, the next re-run is full
                rules = None
            if rules is not None and rules.version == man.get("rules_version"):
                words = {a: w for a, w in rs.words.items() if a not in ids}
                def writer(staging: Path, raw=raw, types=types, words=words, rules=rules):
                    return RowsStore.write(staging / store.ROWS, raw, types, words, rules, rs.meta["model_key"],
                                          store.rows_dir(out, version))
        info = {k: man[k] for k in ("model", "rules_version", "rules_dir", "rule_files") if k in man}
        info[store.FORGOTTEN] = {**store.valid_tombstones(man.get(store.FORGOTTEN)), **_tombstones(arts, ids)}
        new_version = store.write_version(out, tables, {**info, "forgot": sorted(ids)}, writer)
    return {"version": new_version, "forgotten": sorted(ids), "unknown": unknown,
            "totals": {n: t.num_rows for n, t in tables.items()}}


def _tombstones(arts: pa.Table, ids: set[str]) -> dict[str, dict]:
    """{article_key: tombstone} of the forgotten articles ``ids`` (their body's sha256: the body a later
    run recognises)."""
    from pipeline.job.util import now_utc
    when = now_utc().isoformat()
    d = arts.select(["article_id", "content_sha256", "source_path"]).to_pydict()
    return {k: {"sha256": s, "article_id": a, "source_path": p, "forgotten_at": when}
            for k, a, s, p in zip(_keys(arts), d["article_id"], d["content_sha256"], d["source_path"]) if a in ids}


def forgotten_reason(key: str, sha: str, tombstones: dict[str, dict], by_sha: dict[str, str]) -> str | None:
    """Why an input stays out (the ``forgotten`` reject's detail), or None when it is not forgotten: its
    key was forgotten (whatever its body now), or its body is one that was forgotten (a moved file)."""
    t = tombstones.get(key)
    if t is not None:
        why = "same body" if t["sha256"] == sha else "changed body, still forgotten"
        return f"{key} was forgotten ({why}); bring it back with: python -m pipeline forget --undo KEY"
    if sha in by_sha:
        return (f"{by_sha[sha]} was forgotten (same body under {key}); bring it back with: "
                f"python -m pipeline forget --undo KEY")
    return None


def drop_forgotten(out: Path, new: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """The run's tables without the articles that were forgotten (checked under the lock, so a
    ``forget`` during the run holds too); each one becomes a ``forgotten`` reject naming its file."""
    from pipeline.job.util import now_utc
    tomb = store.forgotten(out)
    arts = new["articles"]
    if not tomb or arts.num_rows == 0:
        return new
    by_sha = {t["sha256"]: k for k, t in tomb.items()}
    d = arts.select(["article_id", "content_sha256", "source_path"]).to_pydict()
    gone, rejects = set(), []
    for k, a, s, p in zip(_keys(arts), d["article_id"], d["content_sha256"], d["source_path"]):
        why = forgotten_reason(k, s, tomb, by_sha)
        if why is not None:
            gone.add(a)
            rejects.append({"source_path": p, "reason": "forgotten", "detail": why, "seen_at": now_utc()})
    if not gone:
        return new
    log.info("%d forgotten article(s) stay out", len(gone))
    out_t = {n: _drop_articles(t, gone) if n in ("articles", *RAW) else t for n, t in new.items()}
    out_t["rejects"] = pa.concat_tables([new["rejects"], to_table("rejects", rejects)])
    return out_t


def _without_forgotten_rejects(rej: pa.Table, keys: Iterable[str]) -> pa.Table:
    """``rejects`` without the ``forgotten`` rows of these keys (their tombstones went)."""
    heads = tuple(f"{k} was forgotten" for k in keys)
    if not heads or rej.num_rows == 0:
        return rej
    reasons = rej.column("reason").cast(pa.string()).to_pylist()
    keep = [not (r == "forgotten" and (d or "").startswith(heads))
            for r, d in zip(reasons, rej.column("detail").to_pylist())]
    return rej.filter(pa.array(keep))


def lifted_tombstones(tomb: dict[str, dict], arts: pa.Table) -> list[str]:
    """The forgotten keys whose key or body ``arts`` publishes again (``run --include-forgotten``)."""
    if not tomb or arts.num_rows == 0:
        return []
    keys, shas = set(arts.column("article_key").to_pylist()), set(arts.column("content_sha256").to_pylist())
    return sorted(k for k, t in tomb.items() if k in keys or t["sha256"] in shas)


def undo_forget(out: str | Path, keys: list[str], lock_timeout: float = 600.0) -> dict:
    """Remove tombstones (by article_key, article_id or source_path) and their ``forgotten`` rejects; the
    tables stay as they are, the articles come back with the next run that reads their files."""
    out = Path(out)
    with store.writing(out, lock_timeout, what="forget --undo"):
        store.prepare(out)
        heal(out)
        man = store.manifest(out)
        tomb = store.valid_tombstones(man.get(store.FORGOTTEN))
        wanted = set(keys) | {"path:" + os.path.abspath(k) for k in keys if "://" not in k
                              and not k.startswith(("path:", "id:"))}
        undone = sorted(k for k, t in tomb.items() if wanted & {k, t["article_id"], t["source_path"]})
        matched = {x for k in undone for x in (k, tomb[k]["article_id"], tomb[k]["source_path"])}
        unknown = sorted(k for k in keys if k not in matched and "path:" + os.path.abspath(k) not in matched)
        if not undone:
            return {"version": store.current_version(out), "undone": [], "unknown": unknown}
        version, tables = store.load_arrow(out)
        tables["rejects"] = _without_forgotten_rejects(tables["rejects"], undone)
        info = {k: man[k] for k in man if k not in ("version", "previous", "schema_version", "created_at", "rows",
                                                     "tables", "rows_store", "forgot", "healed")}
        info[store.FORGOTTEN] = {k: t for k, t in tomb.items() if k not in undone}
        src = store.rows_dir(out, version)

        def copy_rows(staging: Path) -> dict:
            if not src.is_dir():
                return {}
            store.link_tree(src, staging / store.ROWS)
            return {"rows_store": man.get("rows_store")}
        new_version = store.write_version(out, tables, {**info, "unforgot": undone}, copy_rows)
    return {"version": new_version, "undone": undone, "unknown": unknown}


# --------------------------------------------------------------------------- healing
def heal(out: str | Path) -> list[str]:
    """Check the current version's files; rebuild damaged derived tables (mentions, roles, claims,
    actors) from the version's rows store and publish the result. Raises :class:`store.StoreError`
    naming the files when that is not possible. Returns what was rebuilt. Call under the lock."""
    from pipeline.job.rowstore import RowsStore

    out = Path(out)
    bad = store.verify(out)
    if not bad:
        return []
    names = sorted({b.table for b in bad})
    listing = "; ".join(str(b) for b in bad)
    version = store.current_version(out)
    rs = RowsStore.load(out, version)
    rebuildable = set(RAW) | {"actors"}
    if not set(names) <= rebuildable or rs is None or not rs.tables:
        raise store.StoreError(f"published table(s) damaged and not rebuildable: {listing}. Restore the "
                               f"file(s) or remove {out} and run again")
    man = store.manifest(out)
    arts = store.read_table(out, "articles")
    if not set(rs.words) >= set(arts.column("article_id").to_pylist()):
        raise store.StoreError(f"published table(s) damaged: {listing}; the rows store does not cover every "
                               f"article, so they cannot be rebuilt. Restore the file(s) or run again from scratch")
    log.warning("damaged published table(s) %s: %s; rebuilding them from the rows store", names, listing)
    new = {"articles": arts, **rs.tables, "rejects": store.read_table(out, "rejects")}
    tables = final_tables(out, new, rs.types, replace_all=True)
    snap = store.snapshot(out)
    for n in TABLES:             # the undamaged tables stay exactly as published
        if n not in names:
            tables[n] = store.read_version_table(snap, man, n)
    keep = {k: man[k] for k in man if k not in ("version", "previous", "schema_version", "created_at", "rows",
                                                 "tables", "rows_store")}
    src = store.rows_dir(out, version)

    def copy_rows(staging: Path) -> dict:
        store.link_tree(src, staging / store.ROWS)
        return {"rows_store": man.get("rows_store"), "healed": names}
    store.write_version(out, tables, keep, copy_rows)
    return names
