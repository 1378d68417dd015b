"""A re-run that cannot be localised, on 1 and on 2 processes (issue 16: 2 processes >= 1.8x faster than 1).

    python benchmarks/bench_rerun_parallel.py [--articles 1000] [--corpus mixed] [--repeat 2] [--tree CHECKOUT]
    python benchmarks/bench_rerun_parallel.py --out OUT       # re-use a published OUT (with its parse cache)
    python benchmarks/bench_rerun_parallel.py --pyc ...       # the re-runs with .pyc files, as an installed package

Every article is re-extracted from the parse cache (``rerun --full``: the path of a change that cannot be
localised, e.g. a speech verb used everywhere or new extractor code; nothing is parsed). The OUT is made once
by ``python -m pipeline run`` (corpus as in ``bench_scale.py``); each measure is ``rerun_rules`` in a fresh
process on a fresh hard-link copy of it, with ``PIPELINE_PROCESSES`` 1 or 2, alternating. Reported: wall
seconds, CPU seconds of the process tree, and the re-run's phases (its ``laps``: wall seconds in the parent);
medians over ``--repeat``. Where ``PYTHONDONTWRITEBYTECODE`` is set (as in the helpers' environment), every fresh
process compiles the pipeline's sources (~0.3 s of the parent's serial start); ``--pyc`` runs the re-runs with
bytecode files under a temporary ``PYTHONPYCACHEPREFIX`` (written by one warm-up import first), as an installed
package runs.

Also reported (speed15), measures that a shared machine does not blur as much as wall times: the parent's CPU
seconds per phase; each worker's CPU per batch (a log the workers write), replayed on two free cores in the order
the workers took the batches, each to the first free worker: the idle tail at the pool's end and a schedule model
of the speed-up (1-process CPU over the parent's CPU + the replayed span + half the workers' CPU outside batches).

The child process calls ``pipeline.schemas.arrow_without_pandas`` first, as the command line's ``rerun`` does
(speed14: until then it imported pandas through pyarrow's first list conversion, 0.25-0.3 s of the parent's serial
part that ``python -m pipeline rerun`` never spends).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_scale  # noqa: E402

CHILD = r"""
import json, os, resource, sys, time
from pipeline.job import rerun as _rerun, steps as _steps
from pipeline.job.summary import _Laps
from pipeline.runner import rerun_rules
from pipeline.schemas import arrow_without_pandas
arrow_without_pandas()                       # as `python -m pipeline rerun` does (no pandas import: ~0.25 s)
CPU_LAPS = {"start-up and imports": time.process_time()}

class _CpuLaps(_Laps):                       # the re-run's laps, also as the parent's CPU seconds per phase
    def __init__(self):
        super().__init__()
        self.c = time.process_time()

    def __call__(self, name):
        super().__call__(name)
        now = time.process_time()
        CPU_LAPS[name] = CPU_LAPS.get(name, 0.0) + now - self.c
        self.c = now

_rerun._Laps = _CpuLaps
BATCHES = []                                 # per batch: (pid, worker CPU at its end, articles)
_run = _steps._pool_run

def _pool_run(args):                         # in a worker: each batch's start and end (wall, CPU), to a log file
    w, c = time.time(), time.process_time()
    res = _run(args)
    with open(os.environ["BENCH_BATCH_LOG"], "a") as fh:
        fh.write(f"{os.getpid()} {w:.4f} {time.time():.4f} {c:.4f} {time.process_time():.4f} {len(args[1])}\n")
    return res

_steps._pool_run = _pool_run
_preload = _steps._preload_tables

def _preload_tables():                       # the parent's CPU for the workers' word tables (inside re-extract)
    c = time.process_time()
    try:
        return _preload()
    finally:
        CPU_LAPS["(of re-extract: word tables before the fork)"] = time.process_time() - c

_steps._preload_tables = _preload_tables
res = rerun_rules(sys.argv[1], full=True)
me, ch = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"laps": res["laps"], "reextracted": res["reextracted"], "articles": res["articles"],
                  "cpu_laps": CPU_LAPS,
                  "cpu_parent": me.ru_utime + me.ru_stime, "cpu_workers": ch.ru_utime + ch.ru_stime}))
"""


def worker_cpu(log: Path) -> dict:
    """From the batch log of one 2-process re-run: per worker its CPU at the end of its last batch and its
    batches; ``imbalance``: the largest minus the smallest (on a loaded machine this also shows which worker
    got less of the shared cores, so read ``tail``); ``tail``: the schedule replayed on two free cores (each
    batch's CPU, handed out in the order the workers started them, each to the first free worker), the CPU
    seconds one core idles at the end while the other finishes (``span``: when the last one ends)."""
    rows = [line.split() for line in log.read_text().splitlines()] if log.exists() else []
    last: dict[str, float] = {}
    n: dict[str, int] = {}
    for pid, _, _, _, cpu, _ in rows:
        last[pid] = max(last.get(pid, 0.0), float(cpu))
        n[pid] = n.get(pid, 0) + 1
    cpus = sorted(last.values())
    costs = [float(r[4]) - float(r[3]) for r in sorted(rows, key=lambda r: float(r[1]))]
    free = [0.0, 0.0]
    for c in costs:
        free[free.index(min(free))] += c
    return {"cpu": cpus, "batches": [n[p] for p in sorted(last, key=last.get)],
            "imbalance": (cpus[-1] - cpus[0]) if len(cpus) > 1 else 0.0,
            "tail": max(free) - min(free), "span": max(free), "batch_cpu": sum(costs)}


def link_copy(src: Path, dst: Path) -> None:
    """A copy of an output folder whose files are hard links (a publish writes new files, never in place); not
    the lock file (a shared inode would make the copies wait for each other)."""
    shutil.copytree(src, dst, symlinks=True, copy_function=os.link, ignore=shutil.ignore_patterns(".lock"))


def seed_rules_cache(out: Path, tree: Path) -> None:
    """The compiled rule set in ``out``'s cache as a run of ``tree`` leaves it there (speed18: a run or re-run
    keeps it in ``OUT/_cache/rules``; the copies re-run here start from ``out``). A tree without it: nothing."""
    code = ("import sys; from pipeline.job import util; from pipeline.ruleset import load_rules\n"
            "if hasattr(util, 'default_rules_cache'): load_rules(None, cache=util.default_rules_cache(sys.argv[1]))")
    subprocess.run([bench_scale.PY, "-c", code, str(out)], cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)},
                   check=True)


PYC_ENV: dict[str, str] = {}          # --pyc: the environment that lets the re-runs use bytecode files


def rerun_once(out: Path, processes: int, tree: Path) -> dict:
    log = out.with_name(out.name + ".batches")
    log.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(tree), "PIPELINE_PROCESSES": str(processes), **PYC_ENV,
           "BENCH_BATCH_LOG": str(log)}
    if PYC_ENV:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run([bench_scale.PY, "-c", CHILD, str(out)], capture_output=True, text=True, cwd=tree, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        raise SystemExit(p.stderr[-3000:])
    d = json.loads(p.stdout.strip().splitlines()[-1])
    d.update(wall=wall, cpu=(after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
             workers=worker_cpu(log))
    log.unlink(missing_ok=True)
    return d


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--corpus", choices=("wikinews", "mixed"), default="mixed")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--out", type=Path, default=None, help="a published OUT to re-run (default: made here)")
    ap.add_argument("--tree", type=Path, default=None, help="run the pipeline of this checkout instead")
    ap.add_argument("--pyc", action="store_true", help="re-runs with .pyc files (a temporary PYTHONPYCACHEPREFIX)")
    args = ap.parse_args(argv)
    tree = (args.tree or bench_scale.ROOT).resolve()
    bench_scale.CORPUS, bench_scale.TREE = args.corpus, tree
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        out = args.out
        if out is None:
            inp = bench_scale.corpus(args.articles, tmp / "corpus.jsonl")
            out = tmp / "out"
            env = {**os.environ, "PYTHONPATH": str(tree)}
            w, c, _ = bench_scale.measured(bench_scale.run_cmd(inp, out, 2), env)
            print(f"pipeline run --processes 2, {args.articles} {args.corpus} articles: {w:.1f} s wall, {c:.1f} s CPU",
                  flush=True)
        if args.pyc:
            PYC_ENV["PYTHONPYCACHEPREFIX"] = str(tmp / "pyc")
            env = {**os.environ, "PYTHONPATH": str(tree), **PYC_ENV}
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            subprocess.run([bench_scale.PY, "-c", "import pipeline.runner, pipeline.job.steps, pipeline.review."
                            "rerun_report; from pipeline.ruleset import load_rules; load_rules(None); "
                            "from pipeline.job.steps import _preload_tables; _preload_tables()"],
                           cwd=tree, env=env, check=True)
        seed_rules_cache(out, tree)
        res: dict[int, list[dict]] = {1: [], 2: []}
        for r in range(args.repeat):
            for n in (1, 2):
                copy = tmp / f"copy_{r}_{n}"
                link_copy(out, copy)
                res[n].append(rerun_once(copy, n, tree))
                d = res[n][-1]
                print(f"  run {r + 1}, {n} process(es): {d['wall']:.1f} s wall, {d['cpu']:.1f} s CPU (parent "
                      f"{d['cpu_parent']:.1f} s, workers {d['cpu_workers']:.1f} s), "
                      f"{d['reextracted']} of {d['articles']} re-extracted; load {os.getloadavg()[0]:.1f}; laps "
                      + ", ".join(f"{k} {v:.2f}" for k, v in d["laps"].items()), flush=True)
                print("    parent CPU per phase: " + ", ".join(f"{k} {v:.3f}" for k, v in d["cpu_laps"].items())
                      + (f"; workers' CPU {d['workers']['cpu']} in {d['workers']['batches']} batches, imbalance "
                         f"{d['workers']['imbalance']:.3f} s, replayed tail {d['workers']['tail']:.3f} s"
                         if n > 1 else ""), flush=True)
                shutil.rmtree(copy, ignore_errors=True)
        med = {n: (statistics.median(d["wall"] for d in v), statistics.median(d["cpu"] for d in v))
               for n, v in res.items()}
        print(f"\nmedians of {args.repeat}: 1 process {med[1][0]:.1f} s wall / {med[1][1]:.1f} s CPU; "
              f"2 processes {med[2][0]:.1f} s wall / {med[2][1]:.1f} s CPU; speed-up {med[1][0] / med[2][0]:.2f}x "
              f"(load at the end {os.getloadavg()})")
        # on a shared machine the wall speed-up shows the other jobs as much as the code; what the code allows
        # on two free cores: the 1-process CPU over (the parent's CPU + half the workers' CPU) of the 2-process run
        one = statistics.median(d["cpu"] for d in res[1])
        two = statistics.median(d["cpu_parent"] + d["cpu_workers"] / 2 for d in res[2])
        print(f"speed-up on two free cores, from CPU seconds: {one:.1f} / ({two:.1f}) = {one / two:.2f}x "
              f"(parent CPU with 2 processes: {statistics.median(d['cpu_parent'] for d in res[2]):.1f} s)")
        # the schedule on two free cores: the parent's CPU with its exit (all of it serial: a little pessimistic,
        # its ~0.3 s during the pool share the cores), the replayed batches' span, half the workers' CPU outside
        # batches (the 1-process CPU includes its exit too)
        model = statistics.median(d["cpu"] - d["cpu_workers"] + d["workers"]["span"]
                                  + (d["cpu_workers"] - d["workers"]["batch_cpu"]) / 2 for d in res[2])
        print(f"speed-up from the schedule (1-process CPU / (parent CPU + replayed span of the batches + half the "
              f"workers' CPU outside them)): {one:.1f} / {model:.2f} = {one / model:.3f}x; replayed idle tail "
              f"(median) {statistics.median(d['workers']['tail'] for d in res[2]):.3f} s CPU")
        cpu_laps = {k: statistics.median(d["cpu_laps"].get(k, 0.0) for d in res[2]) for k in res[2][0]["cpu_laps"]}
        print("parent CPU per phase with 2 processes (median s):",
              json.dumps({k: round(v, 3) for k, v in cpu_laps.items()}))
        laps = {k: statistics.median(d["laps"].get(k, 0.0) for d in res[2]) for k in res[2][0]["laps"]}
        print("phases with 2 processes (median wall s, parent):", json.dumps({k: round(v, 2) for k, v in laps.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
