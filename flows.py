"""Prefect flows for the pipeline. The only module that imports prefect.

    python flows.py                      # process corpus/ into outputs/ (local, nothing to start)
    python flows.py run INPUT --out DIR  # same, for other inputs

Tasks wrap the library steps of :mod:`pipeline.runner` and pass paths, hashes
and small dicts between them, never spaCy Docs.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent

# Project defaults: nothing reaches for the network, Prefect state stays in the project.
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_HOME", str(ROOT / ".prefect"))
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from prefect import flow, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NONE as NO_CACHE  # noqa: E402

from pipeline import runner, store  # noqa: E402


@task(name="ingest", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def ingest_task(inputs: list[str], work_dir: str, only_new_in: str | None) -> dict:
    r = runner.ingest_step(inputs, work_dir, only_new_in=only_new_in)
    return {"work_dir": r.work_dir, "n_articles": r.n_articles, "n_rejects": r.n_rejects,
            "n_skipped": r.n_skipped, "shas": r.shas}


@task(name="parse", cache_policy=NO_CACHE)
def parse_task(work_dir: str, cache_dir: str, model: str | None) -> dict:
    return runner.parse_step(work_dir, cache_dir, model)


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(work_dir: str, cache_dir: str, model: dict, rules_dir: str | None) -> dict:
    return runner.extract_step(work_dir, cache_dir, model, rules_dir)


@task(name="commit", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def commit_task(work_dir: str, out_dir: str, info: dict) -> dict:
    return runner.commit_step(work_dir, out_dir, info)


def _summary_markdown(title: str, ing: dict, model: dict, ex: dict, com: dict) -> str:
    rows = "\n".join(f"| {k} | {v} |" for k, v in com.items() if k != "version")
    return (f"# {title}\n\n"
            f"- articles processed: {ex['articles']}, already done: {ing['n_skipped']}, "
            f"rejected: {ing['n_rejects'] + ex['extract_rejects']}\n"
            f"- parsed: {model['parsed']}, from cache: {model['cached']}\n"
            f"- this run: {ex['mentions']} mentions, {ex['actors']} actors, {ex['roles']} roles, "
            f"{ex['claims']} claims\n"
            f"- model: {model['name']} {model['version']}; rules: {ex['rules_version']}\n"
            f"- output version: {com['version']}\n\n| table | rows |\n|---|---|\n{rows}\n")


@flow(name="process_corpus", log_prints=True)
def process_corpus(input_dir: str = "corpus", out_dir: str = "outputs", rules_dir: str | None = None,
                   model: str | None = None, only_new: bool = False) -> dict:
    """Ingest -> parse -> extract -> commit, from ``input_dir`` to ``out_dir``."""
    out = Path(out_dir)
    with store.locked(out):
        return _process(input_dir, out, rules_dir, model, only_new)


def _process(input_dir, out: Path, rules_dir, model, only_new) -> dict:
    out_dir = str(out)
    cache_dir = str(runner.default_cache_dir(out))
    work = runner.new_work_dir(out)
    try:
        ing = ingest_task([str(input_dir)], str(work), str(out) if only_new else None)
        if only_new and ing["n_articles"] == 0 and ing["n_rejects"] == 0:
            return {"version": None, "articles": 0, "skipped": ing["n_skipped"],
                    "summary": f"No new articles in {input_dir}; nothing written."}
        m = parse_task(str(work), cache_dir, model)
        ex = extract_task(str(work), cache_dir, m, rules_dir)
        info = {"model": {k: m[k] for k in ("name", "version", "key", "path", "source")},
                "rules_version": ex["rules_version"], "rules_dir": ex["rules_dir"]}
        com = commit_task(str(work), str(out), info)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    md = _summary_markdown(f"process_corpus: {input_dir} -> {out_dir}", ing, m, ex, com)
    create_markdown_artifact(key="process-corpus-summary", markdown=md,
                             description="Summary of the last process_corpus run")
    return {**com, "articles": ex["articles"], "claims_new": ex["claims"], "roles_new": ex["roles"],
            "summary": md}


@flow(name="rerun_rules", log_prints=True)
def rerun_rules(out_dir: str = "outputs", rules_dir: str | None = None) -> dict:
    """Re-extract every processed article from the parse cache with the current (or given) rules."""
    res = runner.rerun_rules(out_dir, rules_dir)
    create_markdown_artifact(key="rerun-rules-report", markdown=res["report"],
                             description="What changed per rule in the last rules re-run")
    return {k: v for k, v in res.items() if k != "diffs"}


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
    rr = sub.add_parser("rerun", help="run the rerun_rules flow")
    rr.add_argument("--out", default=str(ROOT / "outputs"))
    rr.add_argument("--rules", default=None)
    args = p.parse_args(argv)
    if args.command == "rerun":
        print(rerun_rules(args.out, args.rules)["report"])
        return 0
    if args.command in (None, "run"):
        if args.command is None:
            args = r.parse_args([])
        res = process_corpus(args.input_dir, args.out, args.rules, args.model, args.only_new)
        print(res["summary"])
        return 0
    p.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
