"""Prefect flows for the pipeline. The only module that imports prefect.

    python flows.py                          # process corpus/ into outputs/ (local, nothing to start)
    python flows.py run INPUT --out DIR      # same, for other inputs
    python flows.py run --workers 2          # parse and extract on a local 2-worker Dask cluster
    python flows.py run --dask-address tcp://host:8786
    python flows.py rerun [--rules DIR]      # re-extract everything from the parse cache
    python flows.py forget KEY...            # remove articles (URL, id:ID, path:PATH or article_id) and their rows
    python flows.py serve [--cron "0 * * * *" | --interval 300]   # scheduled runs (needs a Prefect server)

Tasks wrap the steps of the run plan (:mod:`pipeline.job.plan`, the same plan as
`python -m pipeline run`) and pass paths, hashes and small dicts between them, never spaCy Docs.
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
from pipeline.job import plan  # noqa: E402
from pipeline.nlp import model_key  # noqa: E402
from pipeline.ruleset import rules_version, RULES_DIR  # noqa: E402

DEFAULT_CRON = "0 * * * *"      # hourly


# ----------------------------------------------------------------------------- cache keys
# Prefect's default cache policy hashes task inputs and source code; our inputs are
# paths, and rule files are no source code. These keys name what a result depends on.
def _parse_key(context, params) -> str:
    return "parse-" + runner.short_id(runner.content_key(params["work_dir"]), model_key(params["model"]),
                                      str(Path(params["cache_dir"]).resolve()))


def _extract_key(context, params) -> str:
    rv = rules_version(Path(params["rules_dir"]) if params["rules_dir"] else RULES_DIR)
    return "extract-" + runner.short_id(runner.extract_key(params["work_dir"], params["model"], rv),
                                        str(Path(params["results_dir"]).resolve()))


# ----------------------------------------------------------------------------- tasks
@task(name="ingest", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def ingest_task(inputs: list[str], work_dir: str, only_new_in: str | None) -> dict:
    r = runner.ingest_step(inputs, work_dir, only_new_in=only_new_in)
    return {"work_dir": r.work_dir, "n_articles": r.n_articles, "n_rejects": r.n_rejects,
            "n_skipped": r.n_skipped}


@task(name="parse", cache_key_fn=_parse_key, persist_result=True, cache_expiration=timedelta(days=30))
def parse_task(work_dir: str, cache_dir: str, model: str | None) -> dict:
    """Parse the articles not yet in the parse cache (the model loads once per worker process)."""
    return runner.parse_step(work_dir, cache_dir, model)


@task(name="extract", cache_key_fn=_extract_key, persist_result=True, cache_expiration=timedelta(days=30))
def extract_task(work_dir: str, cache_dir: str, model: dict, rules_dir: str | None, results_dir: str) -> dict:
    """Run the rules; the result lands in a directory named by the extraction key."""
    return runner.extract_cached(work_dir, cache_dir, model, rules_dir, results_dir)


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
    """The run plan's steps as Prefect tasks; parse and extract mapped over ``chunks`` parts of the
    work dir (a Dask task runner spreads them over its workers)."""

    def __init__(self):
        self.parts: list[str] = []

    def ingest(self, req, work):
        r = ingest_task(list(req.inputs), str(work), str(req.out) if req.only_new else None)
        return plan.Ingested(r["work_dir"], r["n_articles"], r["n_rejects"], r["n_skipped"])

    def parse(self, req, work, ing):
        cache_dir = str(req.cache_dir)
        self.parts = runner.split_work(work, req.chunks)
        parsed = [runner.ensure_parsed(f.result(), p, cache_dir, req.model)
                  for f, p in zip(parse_task.map(self.parts, unmapped(cache_dir), unmapped(req.model)), self.parts)]
        return plan.Parsed.of(runner.sum_parse(parsed))

    def extract(self, req, work, parsed):
        cache_dir, results_dir, m = str(req.cache_dir), str(req.results_dir), parsed.as_dict()
        futs = extract_task.map(self.parts, unmapped(cache_dir), unmapped(m), unmapped(req.rules_dir),
                                unmapped(results_dir))
        exs = [runner.ensure_extracted(f.result(), p, cache_dir, m, req.rules_dir, results_dir)
               for f, p in zip(futs, self.parts)]
        return plan.ExtractStats.of(runner.merge_extracted(work, exs))

    def commit(self, req, work, info):
        return plan.Committed.of(commit_task(str(work), str(req.out), info))


@flow(name="process_corpus", log_prints=True)
def process_corpus(input_dir: str = "corpus", out_dir: str = "outputs", rules_dir: str | None = None,
                   model: str | None = None, only_new: bool = False, chunks: int = 1) -> dict:
    """Ingest -> parse -> extract -> commit, from ``input_dir`` to ``out_dir`` (the run plan of
    :mod:`pipeline.job.plan`, each step a task).

    ``chunks`` > 1 splits parsing and extraction into that many tasks, which a
    Dask task runner spreads over its workers.
    """
    req = plan.RunRequest.of([str(input_dir)], out_dir, rules_dir=rules_dir, model=model, only_new=only_new,
                             chunks=chunks)
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
def forget_articles(keys: list[str], out_dir: str = "outputs") -> dict:
    """Remove articles (by article_key, article_id or source_path) and all their rows from the outputs,
    publishing a new version (:func:`pipeline.job.publish.forget`)."""
    from pipeline.job.publish import forget
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
                       workers: int | None = None, dask_address: str | None = None) -> dict:
    """Run process_corpus locally, or on Dask (a LocalCluster of ``workers`` or ``dask_address``)."""
    if not workers and not dask_address:
        return process_corpus(str(input_dir), str(out_dir), rules_dir, model, only_new, 1)
    from prefect_dask import DaskTaskRunner

    if dask_address:
        task_runner, n = DaskTaskRunner(address=dask_address), 2 * (workers or 2)
    else:
        task_runner = DaskTaskRunner(cluster_kwargs={
            "n_workers": workers, "threads_per_worker": 1, "processes": True,
            "dashboard_address": None, "silence_logs": 40})
        n = 2 * workers
    with _shared_api_server():
        return process_corpus.with_options(task_runner=task_runner)(
            str(input_dir), str(out_dir), rules_dir, model, only_new, n)


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
    r.add_argument("--workers", type=int, default=None, help="local Dask cluster with N worker processes")
    r.add_argument("--dask-address", default=None, help="existing Dask scheduler, e.g. tcp://host:8786")
    rr = sub.add_parser("rerun", help="run the rerun_rules flow")
    rr.add_argument("--out", default=str(ROOT / "outputs"))
    rr.add_argument("--rules", default=None)
    rr.add_argument("--full", action="store_true", help="re-extract every article")
    fg = sub.add_parser("forget", help="run the forget_articles flow: remove articles and their rows")
    fg.add_argument("keys", nargs="+")
    fg.add_argument("--out", default=str(ROOT / "outputs"))
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
        print(rerun_rules(args.out, args.rules, args.full)["report"])
        return 0
    if args.command == "forget":
        res = forget_articles(args.keys, args.out)
        return 0 if res["forgotten"] else 1
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
                             args.workers, args.dask_address)
    print(res["summary"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
