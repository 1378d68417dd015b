"""Parsing inside a Dask worker vs a plain process: the MALLOC_TRIM_THRESHOLD_ page faults (issue 16).

    python benchmarks/bench_dask_malloc.py [--articles 60] [--repeat 2]

Dask's nanny starts every worker with ``MALLOC_TRIM_THRESHOLD_=65536`` (its config
``distributed.nanny.pre-spawn-environ``). Setting any of glibc's malloc thresholds also switches off
glibc's *dynamic* mmap threshold, so every buffer of 128 KiB or more (thinc's activations for a
batch) is a fresh ``mmap`` that is unmapped again on ``free``, and touching it page-faults. The
flow's own LocalCluster therefore starts its workers without that variable
(``flows.py``: ``_dask_worker_env``). This script parses the same articles with the same model in a
1-worker LocalCluster with Dask's default environment, in one with the flow's, and in a plain
subprocess, alternating; it reports wall time and minor page faults of the parse inside the worker.
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def parse_texts(texts: list[str]) -> dict:
    import os
    import resource
    import time

    from pipeline.nlp import load_nlp
    nlp, _ = load_nlp(None)
    list(nlp.pipe(texts[:4]))                      # warm up
    r0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    n = sum(len(d) for d in nlp.pipe(texts, batch_size=16))
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    return {"seconds": time.perf_counter() - t0, "minflt": r1.ru_minflt - r0.ru_minflt, "tokens": n,
            "trim": os.environ.get("MALLOC_TRIM_THRESHOLD_")}


def in_dask(texts: list[str], drop_trim: bool) -> dict:
    import dask
    from distributed import Client, LocalCluster

    cfg = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None} if drop_trim else {}
    with dask.config.set(cfg), LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=40) as cl, Client(cl) as c:
        return c.submit(parse_texts, texts, pure=False).result()


def fresh(kind: str, texts: list[str]) -> dict:
    """One measure in a fresh process whose environment has no MALLOC_TRIM_THRESHOLD_ (the nanny
    leaves it set in its parent, so measures in one process would leak into each other)."""
    import os
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    p = subprocess.run([sys.executable, __file__, "--one", kind], input=json.dumps(texts), capture_output=True,
                       text=True, cwd=ROOT, env=env, check=True)
    return json.loads(p.stdout.strip().splitlines()[-1])


def one(kind: str) -> int:
    texts = json.load(sys.stdin)
    if kind == "plain":
        r = parse_texts(texts)
    elif kind == "flow":
        import flows
        with flows._dask_worker_env():
            r = in_dask(texts, True)
    else:
        r = in_dask(texts, False)
    print(json.dumps(r))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--one", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        return one(args.one)
    src = SHARED / "data" / "quotes" / "wikinews" / "dev.jsonl.gz"
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["originalText"] for line in fh][:args.articles]
    res: dict[str, list[dict]] = {"dask default env": [], "dask, flow's env": [], "plain process": []}
    for _ in range(args.repeat):
        res["dask default env"].append(fresh("default", texts))
        res["dask, flow's env"].append(fresh("flow", texts))
        res["plain process"].append(fresh("plain", texts))
    print(f"{args.articles} Wikinews articles, {res['plain process'][0]['tokens']} tokens, medians of {args.repeat}")
    for k, rs in res.items():
        print(f"{k:18s} parse {statistics.median(r['seconds'] for r in rs):6.2f} s   minor page faults "
              f"{statistics.median(r['minflt'] for r in rs):>10,.0f}   MALLOC_TRIM_THRESHOLD_={rs[0]['trim']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
