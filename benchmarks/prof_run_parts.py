"""CPU of a whole `pipeline run` part by part, in every process (issue 16, tenth session): the parent, the
forked ingest process and each pool worker time their parts with ``time.process_time`` wrappers (no profiler:
cProfile multiplies the workers' CPU several times over) and write them as JSON; ``--show`` sums them.

    python benchmarks/prof_run_parts.py CORPUS.jsonl OUT DEST [--processes 2]
    python benchmarks/prof_run_parts.py --show DEST

It imports the pipeline of the current directory: run it from each checkout in turn, alternating. Worker
parts: ``docs_of`` (parse + parse-cache write), ``parse``, ``cache.put``, ``extract``, ``rows_for_article``,
``doc_words``, ``to_table``, ``pool_run`` (everything a batch costs; the worker's total minus it is fork, pool
start and result pickling), ``gc_cpu``; ``_user``/``_sys`` from ``getrusage``. Parent parts start with ``P``.
"""
from __future__ import annotations

import collections
import functools
import gc
import json
import os
import resource
import shutil
import sys
import time

sys.path.insert(0, os.getcwd())
T: collections.Counter = collections.Counter()
_GC: dict = {}
DEST = ""


def _timed(label, fn):
    @functools.wraps(fn)
    def w(*a, **k):
        t = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            T[label] += time.process_time() - t
    return w


def _dump(kind: str) -> None:
    r = resource.getrusage(resource.RUSAGE_SELF)
    with open(f"{DEST}/{kind}-{os.getpid()}.json", "w") as f:
        json.dump({**T, "_cpu_total": time.process_time(), "_user": r.ru_utime, "_sys": r.ru_stime}, f)


def _gc_cb(phase, info):
    if phase == "start":
        _GC["t"] = time.process_time()
    else:
        T["gc_cpu"] += time.process_time() - _GC["t"]


def _timed_gen(label, fn):
    def w(*a, **k):
        it = fn(*a, **k)
        while True:
            t = time.process_time()
            try:
                x = next(it)
            except StopIteration:
                T[label] += time.process_time() - t
                return
            T[label] += time.process_time() - t
            yield x
    return w


def _patch() -> None:
    import pipeline.cache as cache
    import pipeline.extract as ex
    import pipeline.incremental as inc
    import pipeline.pieces as pieces
    from pipeline.job import plan, steps
    pool_run, ingest = steps._pool_run, steps.ingest_step

    def worker(args):
        if _gc_cb not in gc.callbacks:
            gc.callbacks.append(_gc_cb)
            T.clear()                       # what the parent had counted before the fork
        t = time.process_time()
        try:
            return pool_run(args)
        finally:
            T["pool_run"] += time.process_time() - t
            _dump("worker")

    def ingest_step(*a, **k):
        T.clear()
        try:
            return _timed("ingest_step", ingest)(*a, **k)
        finally:
            _dump("ingest")
    ingest_step.__qualname__, ingest_step.__module__ = "ingest_step", "pipeline.job.steps"   # pickled by name
    worker.__qualname__, worker.__module__ = "_pool_run", "pipeline.job.steps"
    steps._pool_run, steps.ingest_step, plan.ingest_step = worker, ingest_step, ingest_step
    pieces.parse_isolated = _timed_gen("parse", pieces.parse_isolated)
    for obj, name, label in ((steps, "_docs_of", "docs_of"), (cache.DocCache, "put", "cache.put"),
                             (ex, "extract", "extract"), (steps, "rows_for_article", "rows_for_article"),
                             (inc, "doc_words", "doc_words"), (steps, "to_table", "to_table"),
                             (plan, "preflight", "P preflight"), (steps, "warm_for_workers", "P warm_for_workers"),
                             (plan.LocalSteps, "process", "P process"), (plan.LocalSteps, "commit", "P commit")):
        setattr(obj, name, _timed(label, getattr(obj, name)))


def show(dest: str) -> None:
    tot: collections.Counter = collections.Counter()
    for f in sorted(os.listdir(dest)):
        j = json.load(open(os.path.join(dest, f)))
        if f.startswith("worker-"):
            tot.update(j)
        else:
            print(f.split("-")[0], {k: round(v, 2) for k, v in sorted(j.items())})
    print("workers summed", {k: round(v, 2) for k, v in sorted(tot.items())})


def main(argv: list[str]) -> int:
    global DEST
    if argv[0] == "--show":
        show(argv[1])
        return 0
    corpus, out, DEST = argv[:3]
    processes = int(argv[argv.index("--processes") + 1]) if "--processes" in argv else 2
    shutil.rmtree(DEST, ignore_errors=True)
    os.makedirs(DEST)
    _patch()
    from pipeline.runner import run
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    run([corpus], out, processes=processes, progress=False)
    T["P wall"] = time.perf_counter() - t0
    rc = resource.getrusage(resource.RUSAGE_CHILDREN)
    T["P children_cpu"] = rc.ru_utime + rc.ru_stime
    _dump("parent")
    show(DEST)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
