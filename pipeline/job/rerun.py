"""Rules re-run: re-extract, from the parse cache, the articles a rule change can affect."""
from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline import store
from pipeline.cache import DocCache
from pipeline.job.publish import final_tables, heal, rules_provenance
from pipeline.job.rows import RAW, TABLE_SPECS
from pipeline.job.rowstore import RowsStore, rule_file_hashes
from pipeline.job.steps import extract_tables, parse_step
from pipeline.job.summary import _Laps
from pipeline.job.util import (DEFAULT_OUT, default_cache_dir, default_rules_cache, gc_frozen, import_spacy_light,
                               new_work_dir)
from pipeline.schemas import TABLES

log = logging.getLogger(__name__)

_ROW_KEYS = {s.name: s.span_cols for s in TABLE_SPECS if s.span_cols}     # tables with a rule_id
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


def count_table(table: str, per_rule: dict[str, dict[str, int]]) -> list[str]:
    """The Markdown lines of one table's added/removed/changed counts per rule_id."""
    lines = [f"## {table}", "", "| rule_id | added | removed | changed |", "|---|---:|---:|---:|"]
    if not per_rule:
        lines.append("| (no change) | 0 | 0 | 0 |")
    for rule, c in sorted(per_rule.items()):
        lines.append(f"| {rule} | {c['added']} | {c['removed']} | {c['changed']} |")
    return lines + [""]


def render_diff(diffs: dict[str, dict[str, dict[str, int]]], old_rules: str, new_rules: str) -> str:
    lines = [f"# Rules re-run: {old_rules} -> {new_rules}", ""]
    for table, per_rule in diffs.items():
        lines += count_table(table, per_rule)
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
    except Exception as exc:      # kept rule files unreadable or damaged: never guess
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


def _assemble(articles: pa.Table, todo: set[str], ex: dict[str, pa.Table], prev: RowsStore | None, prov: dict
              ) -> tuple[dict[str, pa.Table], dict[str, str], dict[str, str]]:
    """What a full extraction would give: fresh rows for ``todo`` (``ex``: the tables of
    :func:`pipeline.job.steps.extract_tables`), kept rows (new provenance) for the rest."""
    ids = articles.column("article_id").to_pylist()
    keep = [a for a in ids if a not in todo]
    fresh_words = dict(zip(ex["words"].column("article_id").to_pylist(), ex["words"].column("words").to_pylist()))
    failed = {a for a in todo if a not in fresh_words}
    arts = articles
    if failed:
        arts = arts.filter(pc.invert(pc.is_in(arts.column("article_id"), value_set=pa.array(sorted(failed)))))
    fresh_tokens = dict(zip(ex["articles"].column("article_id").to_pylist(),
                            ex["articles"].column("n_tokens").to_pylist()))
    if fresh_tokens:
        i = arts.schema.get_field_index("n_tokens")
        toks = [fresh_tokens.get(a, n) for a, n in zip(arts.column("article_id").to_pylist(),
                                                       arts.column("n_tokens").to_pylist())]
        arts = arts.set_column(i, arts.schema.field(i), pa.array(toks, type=pa.int32()))
    new = {"articles": _reencode(_set_prov(arts, prov), "articles")}
    types = dict(prev.types) if prev is not None and keep else {}
    t = ex["actor_types"]
    types.update(zip(t.column("actor_id").to_pylist(), t.column("actor_type").to_pylist()))
    words = {a: prev.words[a] for a in keep} if keep else {}
    words.update(fresh_words)
    order = {a: i for i, a in enumerate(ids)}
    for name in RAW:
        part = ex[name]
        if keep:
            old = prev.tables[name]
            old = old.filter(pc.is_in(old.column("article_id"), value_set=pa.array(keep)))
            part = _in_order(pa.concat_tables([_set_prov(old, prov), part]), order)
        new[name] = _reencode(part, name)        # one chunk, dictionaries as one to_table of all rows
    return new, types, words


class _OldOutputs:
    """What the re-run reads besides the extraction: the published rejects (all but the extraction errors,
    which the re-run makes anew), the tables the report compares with, the rules' provenance; and the
    report's module. :meth:`read` runs while the workers extract (issue 16: on two processes the parent
    waits for them; after them, this was serial)."""

    def __init__(self, out: Path, rules):
        self.out, self.rules = out, rules

    def read(self) -> None:
        from pipeline.review import rerun_report  # noqa: F401 - imported here, used after the extraction
        rej = store.read_table(self.out, "rejects")
        self.rejects = rej.filter(pc.not_equal(rej.column("reason").cast(pa.string()), "extract_error")) \
            if rej.num_rows else rej
        self.tables = {t: store.read_table(self.out, t) for t in _ROW_KEYS}
        self.provenance = rules_provenance(self.rules.directory)


def _rerun_rules(out_dir, rules_dir, cache_dir, full=False) -> dict:
    t0 = time.perf_counter()
    lap = _Laps()
    import_spacy_light()                 # before the rules import the extractors (and spaCy with them)
    from pipeline.ruleset import load_rules

    out = Path(out_dir)
    store.prepare(out)
    heal(out)
    man = store.manifest(out)
    if not man:
        raise FileNotFoundError(f"{out} holds no outputs yet: run the pipeline first")
    model = man["model"]
    cache_dir = cache_dir or default_cache_dir(out)
    rules = load_rules(rules_dir, cache=default_rules_cache(out))     # compiled once per rules and code
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
    old = _OldOutputs(out, rules)
    ex = extract_tables(todo_rows.to_pylist(), cache, rules, prov, during=old.read)
    lap("re-extract (parse cache + extractors)")
    new, types, words = _assemble(articles, todo, ex, prev if todo != set(articles.column("article_id").to_pylist())
                                  else None, prov)
    new["rejects"] = pa.concat_tables([old.rejects, ex["extract_rejects"]])
    tables = final_tables(out, new, types, replace_all=True)
    lap("assemble tables, person merges, actors")
    from pipeline.review import rerun_report          # the report with rows (Markdown + HTML)
    olds = old.tables                                 # for the report with rows
    # one diff for the counts and the rows (issue 16: the parent's serial part): the tables read and
    # indexed once; the counts are those of diff_rows, the rows those of rerun_report.row_diff
    both = {t: rerun_report.diff_once(olds[t], tables[t], t, _IGNORED) for t in _ROW_KEYS}
    diffs = {t: c for t, (c, _) in both.items()}
    lap("diff report")
    info = {"model": model, "rules_version": rules.version, "rules_dir": str(rules.directory), **old.provenance}

    def keep_rows(staging: Path) -> dict:
        return RowsStore.write(staging / store.ROWS, {n: new[n] for n in RAW}, types, words, rules, model["key"],
                               store.rows_dir(out, man["version"]))
    version = store.write_version(out, tables, info, keep_rows)
    lap("publish (with the kept rows)")
    # (the counts-only report of render_diff was written here first and then overwritten by this one)
    report, rpath, hpath = rerun_report.write(out, version, olds, tables, why, len(todo),
                                              man.get("rules_version", "?"), rules.version, diffs,
                                              {t: r for t, (_, r) in both.items()})
    lap("report")
    n_arts = new["articles"].num_rows
    return {"version": version, "report": report, "report_path": str(rpath), "report_html": str(hpath),
            "articles": n_arts, "reextracted": len(todo), "reused": articles.num_rows - len(todo),
            "why": why, "reparsed": reparsed, "seconds": time.perf_counter() - t0, "laps": lap.laps,
            "rules_version": rules.version, "diffs": diffs,
            "totals": {n: t.num_rows for n, t in tables.items()}}
