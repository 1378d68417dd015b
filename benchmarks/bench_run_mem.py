"""Where a whole run's memory goes, step by step (issue 16: peak RSS <= 1 GB at every corpus size).

    python benchmarks/bench_run_mem.py CORPUS.jsonl [--processes 2] [--cache-dir DIR]

Runs ``pipeline.job.plan.run`` (what ``python -m pipeline run`` does) in this process into a fresh OUT,
with a thread that samples every 50 ms the VmRSS of this process (the parent) and of its child
processes (the parse/extract workers), and notes the step (ingest, process, commit). Prints the peak
RSS of the parent and of the largest worker per step, and ``ru_maxrss`` of the parent and of the
children. CORPUS: e.g. ``bench_scale.py --corpus mixed --keep-corpus DIR`` writes one.
``--cache-dir``: a parse cache to use (a warm one: nothing parsed, the workers only extract).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path


def _rss_mb(pid: str = "self") -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children() -> list[str]:
    out = []
    for t in os.listdir("/proc/self/task"):
        try:
            out += open(f"/proc/self/task/{t}/children").read().split()
        except OSError:
            pass
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--cache-dir", type=Path, default=None)
    args = ap.parse_args(argv)
    from pipeline.job import plan

    where = ["start"]
    peaks: dict[str, list[float]] = {}
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            p = peaks.setdefault(where[0], [0.0, 0.0])
            p[0] = max(p[0], _rss_mb())
            p[1] = max([p[1], *(_rss_mb(c) for c in _children())])
            time.sleep(0.05)

    for name in ("ingest", "process", "commit"):
        fn = getattr(plan.LocalSteps, name)

        def wrapped(self, *a, _fn=fn, _name=name, **k):
            where[0] = _name
            try:
                return _fn(self, *a, **k)
            finally:
                where[0] = f"after {_name}"
        setattr(plan.LocalSteps, name, wrapped)
    th = threading.Thread(target=sample, daemon=True)
    th.start()
    t0, c0 = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory() as tmp:
        res = plan.run([str(args.corpus)], Path(tmp) / "out", processes=args.processes, progress=False,
                       cache_dir=str(args.cache_dir) if args.cache_dir else None)
    wall = time.perf_counter() - t0
    stop.set()
    th.join()
    me = resource.getrusage(resource.RUSAGE_SELF)
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"articles": res.articles_read, "parsed": res.parsed, "wall": round(wall, 1),
                      "cpu_parent": round(me.ru_utime + me.ru_stime, 1), "cpu_children": round(ch.ru_utime + ch.ru_stime, 1),
                      "maxrss_parent_mb": round(me.ru_maxrss / 1024), "maxrss_children_mb": round(ch.ru_maxrss / 1024),
                      "load": os.getloadavg()[0],
                      "peak_mb_by_step (parent, largest child)": {k: [round(x) for x in v] for k, v in peaks.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
