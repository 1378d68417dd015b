"""The whole job in this process (the CLI's `python -m pipeline run`)."""
from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Iterable

from pipeline import store
from pipeline.job.steps import commit_step, extract_step, ingest_step, parse_step
from pipeline.job.summary import Progress, RunSummary
from pipeline.job.util import DEFAULT_OUT, default_cache_dir, gc_frozen, new_work_dir
from pipeline.schemas import TABLES


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
