"""Prefect flows for the pipeline. The only module that imports prefect.

    python flows.py                          # process corpus/ into outputs/ (local, nothing to start)
    python flows.py run INPUT --out DIR      # same, for other inputs
    python flows.py run --workers 2          # parse and extract on a local 2-worker Dask cluster
    python flows.py run --dask-address tcp://host:8786
    python flows.py rerun [--rules DIR]      # re-extract everything from the parse cache
    python flows.py forget KEY...            # remove articles (URL, id:ID, path:PATH or article_id) and their rows
    python flows.py forget --undo KEY...     # ... and bring them back with the next run
    python flows.py serve [--cron "0 * * * *" | --interval 300]   # scheduled runs (needs a Prefect server)

Tasks wrap the steps of the run plan (:mod:`pipeline.job.plan`, the same plan as
`python -m pipeline run`) and pass paths, hashes and small dicts between them, never spaCy Docs.
A run is three coarse task runs (ingest, parse_extract, commit), whatever the number of articles;
parse_extract runs on every core (worker processes) or, with Dask, one chunk per Dask task. The
flow's cost over `python -m pipeline run` is a fixed start-up (see README, "Local mode and its cost").
"""
from __future__ import annotations

import contextlib
import os
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent

# Project defaults: nothing reaches for the network, Prefect state stays in the project.
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_HOME", str(ROOT / ".prefect"))
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from prefect import flow, task, unmapped  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NONE as NO_CACHE  # noqa: E402

from pipeline import runner, store  # noqa: E402
from pipeline.job import plan, steps  # noqa: E402

DEFAULT_CRON = "0 * * * *"      # hourly


# ----------------------------------------------------------------------------- tasks
# No Prefect result persistence or cache keys: the parse cache (DocBins) and the extraction
# results directory (keyed by articles, model, rules and code) already make a repeated or retried
# run cheap, and persisting results costs writes per task run.
@task(name="ingest", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def ingest_task(inputs: list[str], work_dir: str, only_new_in: str | None) -> dict:
    r = runner.ingest_step(inputs, work_dir, only_new_in=only_new_in)
    return {"work_dir": r.work_dir, "n_articles": r.n_articles, "n_rejects": r.n_rejects,
            "n_skipped": r.n_skipped}


@task(name="parse_extract", cache_policy=NO_CACHE)
def process_task(work_dir: str, cache_dir: str, model: str | None, rules_dir: str | None, results_dir: str,
                 processes: int | None) -> dict:
    """Parse what the parse cache lacks and extract, on ``processes`` worker processes (the model
    loads once per process); the result lands in a directory named by the extraction key and is
    reused as it is when the same articles, model, rules and code come again."""
    return steps.process_cached(work_dir, cache_dir, model, rules_dir, results_dir, processes)


@task(name="commit", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def commit_task(work_dir: str, out_dir: str, info: dict) -> dict:
    return runner.commit_step(work_dir, out_dir, info)


# ----------------------------------------------------------------------------- flows
def _summary_markdown(title: str, res: plan.RunResult) -> str:
    ing, parsed, ex, com = res.ingested, res.parsed, res.extracted, res.committed
    rows = "\n".join(f"| {k} | {v} |" for k, v in com.totals.items())
    return (f"# {title}\n\n"
            f"- articles processed: {ex.articles}, already done: {ing.n_skipped}, "
            f"rejected: {ing.n_rejects + ex.extract_rejects}\n"
            f"- parsed: {parsed.parsed}, from cache: {parsed.cached}\n"
            f"- this run: {ex.mentions} mentions, {ex.actors} actors, {ex.roles} roles, "
            f"{ex.claims} claims\n"
            f"- model: {parsed.name} {parsed.version}; rules: {ex.rules_version}\n"
            f"- output version: {com.version}\n\n| table | rows |\n|---|---|\n{rows}\n")


class PrefectSteps(plan.LocalSteps):
    """The run plan's steps as Prefect tasks. Parse + extract is one task over the whole work dir
    (on every core of this machine), or, with ``chunks`` > 1, one task per chunk that a Dask task
    runner spreads over its workers (one process per Dask worker)."""

    def ingest(self, req, work):
        r = ingest_task(list(req.inputs), str(work), str(req.out) if req.only_new else None)
        return plan.Ingested(r["work_dir"], r["n_articles"], r["n_rejects"], r["n_skipped"])

    def process(self, req, work, ing):
        cache_dir, results_dir = str(req.cache_dir), str(req.results_dir)
        if req.chunks > 1:
            parts, processes = steps.split_work(work, req.chunks), 1
        else:
            parts, processes = [str(work)], req.processes
        futs = process_task.map(parts, unmapped(cache_dir), unmapped(req.model), unmapped(req.rules_dir),
                                unmapped(results_dir), unmapped(processes))
        results = [f.result() for f in futs]
        merged = steps.merge_extracted(work, results)
        return plan.Parsed.of(steps.sum_parse(results)), plan.ExtractStats.of(merged)

    def commit(self, req, work, info):
        return plan.Committed.of(commit_task(str(work), str(req.out), info))


@flow(name="process_corpus", log_prints=True)
def process_corpus(input_dir: str = "corpus", out_dir: str = "outputs", rules_dir: str | None = None,
                   model: str | None = None, only_new: bool = False, chunks: int = 1,
                   processes: int | None = None) -> dict:
    """Ingest -> parse + extract -> commit, from ``input_dir`` to ``out_dir`` (the run plan of
    :mod:`pipeline.job.plan`, each step one task).

    Parse + extract runs on ``processes`` worker processes (default: every CPU). ``chunks`` > 1
    splits it into that many tasks instead, which a Dask task runner spreads over its workers.
    """
    req = plan.RunRequest.of([str(input_dir)], out_dir, rules_dir=rules_dir, model=model, only_new=only_new,
                             chunks=chunks, processes=processes)
    with store.locked(req.out):
        res = plan.execute(req, PrefectSteps())
        if res.nothing_new:
            return {"version": None, "articles": 0, "skipped": res.ingested.n_skipped,
                    "summary": f"No new articles in {input_dir}; nothing written."}
        md = _summary_markdown(f"process_corpus: {input_dir} -> {req.out}", res)
        create_markdown_artifact(key="process-corpus-summary", markdown=md,
                                 description="Summary of the last process_corpus run")
    ex = res.extracted
    return {**res.committed.as_dict(), "articles": ex.articles, "claims_new": ex.claims, "roles_new": ex.roles,
            "skipped": res.ingested.n_skipped, "summary": md}


@flow(name="rerun_rules", log_prints=True)
def rerun_rules(out_dir: str = "outputs", rules_dir: str | None = None, full: bool = False) -> dict:
    """Re-extract the processed articles a rule change can affect (``full``: all of them) from the
    parse cache with the current (or given) rules."""
    res = runner.rerun_rules(out_dir, rules_dir, full=full)
    create_markdown_artifact(key="rerun-rules-report", markdown=res["report"],
                             description="What changed per rule in the last rules re-run")
    return {k: v for k, v in res.items() if k != "diffs"}


@flow(name="forget_articles", log_prints=True)
def forget_articles(keys: list[str], out_dir: str = "outputs", undo: bool = False) -> dict:
    """Remove articles (by article_key, article_id or source_path) and all their rows from the outputs,
    publishing a new version with their tombstones: later runs leave them out
    (:func:`pipeline.job.publish.forget`). ``undo``: remove the tombstones instead; the next run that
    reads their files brings them back (:func:`pipeline.job.publish.undo_forget`)."""
    from pipeline.job.publish import forget, undo_forget
    if undo:
        res = undo_forget(out_dir, list(keys))
        print(f"no longer forgotten: {res['undone'] or 'none'}; not forgotten: {res['unknown'] or 'none'}")
        return res
    res = forget(out_dir, list(keys))
    print(f"forgot {len(res['forgotten'])} article(s); not found: {res['unknown'] or 'none'}")
    return res


# ----------------------------------------------------------------------------- Dask
@contextlib.contextmanager
def _shared_api_server():
    """Without PREFECT_API_URL, every Dask worker process would start its own temporary
    Prefect server (4-7 s each). Start one here and point the workers at it."""
    if os.environ.get("PREFECT_API_URL"):
        yield os.environ["PREFECT_API_URL"]
        return
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    server = SubprocessASGIServer()
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url        # inherited by worker processes
    try:
        with temporary_settings({PREFECT_API_URL: server.api_url}):
            yield server.api_url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()


def run_process_corpus(input_dir, out_dir, rules_dir=None, model=None, only_new=False,
                       workers: int | None = None, dask_address: str | None = None,
                       processes: int | None = None) -> dict:
    """Run process_corpus locally (parse + extract on ``processes`` worker processes), or on Dask
    (a LocalCluster of ``workers`` or ``dask_address``)."""
    if not workers and not dask_address:
        return process_corpus(str(input_dir), str(out_dir), rules_dir, model, only_new, 1, processes)
    from prefect_dask import DaskTaskRunner

    if dask_address:
        task_runner, n = DaskTaskRunner(address=dask_address), 2 * (workers or 2)
    else:
        task_runner = DaskTaskRunner(cluster_kwargs={
            "n_workers": workers, "threads_per_worker": 1, "processes": True,
            "dashboard_address": None, "silence_logs": 40})
        n = 2 * workers
    with _shared_api_server(), _dask_worker_env():
        return process_corpus.with_options(task_runner=task_runner)(
            str(input_dir), str(out_dir), rules_dir, model, only_new, n)


@contextlib.contextmanager
def _dask_worker_env():
    """Dask's nanny starts workers with ``MALLOC_TRIM_THRESHOLD_=65536`` (and leaves it set in the
    parent's environment too); setting any glibc malloc threshold also turns off glibc's dynamic mmap
    threshold, so every buffer >= 128 KiB of the parse is a fresh mmap that page-faults. Workers of
    the clusters this flow starts get glibc's defaults (benchmarks/bench_dask_malloc.py). Workers of
    a cluster you start yourself: set ``distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_``
    to null and do not export the variable."""
    import dask
    saved = os.environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    try:
        with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):
            yield
    finally:
        os.environ.pop("MALLOC_TRIM_THRESHOLD_", None)
        if saved is not None:
            os.environ["MALLOC_TRIM_THRESHOLD_"] = saved


# ----------------------------------------------------------------------------- CLI
def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python flows.py", description="Prefect flows of the pipeline")
    sub = p.add_subparsers(dest="command")
    r = sub.add_parser("run", help="run process_corpus once (the default)")
    r.add_argument("input_dir", nargs="?", default=str(ROOT / "corpus"))
    r.add_argument("--out", default=str(ROOT / "outputs"))
    r.add_argument("--rules", default=None)
    r.add_argument("--model", default=None)
    r.add_argument("--only-new", action="store_true")
    r.add_argument("--processes", type=int, default=None,
                   help="parse/extract worker processes without Dask (default: every CPU)")
    r.add_argument("--workers", type=int, default=None, help="local Dask cluster with N worker processes")
    r.add_argument("--dask-address", default=None, help="existing Dask scheduler, e.g. tcp://host:8786")
    rr = sub.add_parser("rerun", help="run the rerun_rules flow")
    rr.add_argument("--out", default=str(ROOT / "outputs"))
    rr.add_argument("--rules", default=None)
    rr.add_argument("--full", action="store_true", help="re-extract every article")
    rr.add_argument("--rows", type=int, default=20, help="report rows printed per table (-1: all)")
    fg = sub.add_parser("forget", help="run the forget_articles flow: remove articles and their rows")
    fg.add_argument("keys", nargs="+")
    fg.add_argument("--out", default=str(ROOT / "outputs"))
    fg.add_argument("--undo", action="store_true", help="remove the tombstones: later runs bring them back")
    s = sub.add_parser("serve", help="serve process_corpus on a schedule (needs `prefect server start`)")
    s.add_argument("--input", default=str(ROOT / "corpus"))
    s.add_argument("--out", default=str(ROOT / "outputs"))
    s.add_argument("--rules", default=None)
    s.add_argument("--name", default="scheduled-corpus")
    g = s.add_mutually_exclusive_group()
    g.add_argument("--cron", default=None, help=f"cron schedule (default {DEFAULT_CRON!r}, hourly)")
    g.add_argument("--interval", type=float, default=None, help="schedule every N seconds instead")
    args = p.parse_args(argv)

    if args.command == "rerun":
        from pipeline.review.rerun_report import summarize
        res = rerun_rules(args.out, args.rules, args.full)
        print(summarize(res["report"], args.rows, res["report_path"], res.get("report_html")))
        return 0
    if args.command == "forget":
        res = forget_articles(args.keys, args.out, args.undo)
        return 0 if res.get("undone" if args.undo else "forgotten") else 1
    if args.command == "serve":
        if not os.environ.get("PREFECT_API_URL"):
            print("serve needs a Prefect server: run `prefect server start` and set "
                  "PREFECT_API_URL=http://127.0.0.1:4200/api (see README)", file=sys.stderr)
            return 2
        schedule = ({"interval": timedelta(seconds=args.interval)} if args.interval
                    else {"cron": args.cron or DEFAULT_CRON})
        process_corpus.serve(name=args.name, parameters={
            "input_dir": args.input, "out_dir": args.out, "rules_dir": args.rules, "only_new": True},
            **schedule)
        return 0
    if args.command is None:
        args = r.parse_args([])
    res = run_process_corpus(args.input_dir, args.out, args.rules, args.model, args.only_new,
                             args.workers, args.dask_address, args.processes)
    print(res["summary"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
