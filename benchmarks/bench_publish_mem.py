"""Memory of the commit step of a full run (issue 16: peak RSS <= 1 GB at every corpus size).

    python benchmarks/bench_publish_mem.py --seed-out SEED [--sizes 1000,5000,20000] [--tree CHECKOUT]

The commit (``pipeline.job.publish.publish_work``) of a run whose N articles are all new (a first run into
a fresh OUT: the largest commit a run makes). The work dir is the one an extract step leaves, built from the
synthetic corpus of ``bench_publish_scale.py`` (SEED: a real output of 200 Wikinews articles, duplicated
with new ids and changed surnames; no parsing) in one process; the commit runs in a fresh process, which
samples its own RSS (``/proc/self/status`` VmRSS) and the Arrow memory pool's allocation every 20 ms and
notes the phases of the commit. Reported: RSS before the commit (imports done), peak RSS during it, the
growth per article, the Arrow pool's peak, and the peak RSS per phase. ``--tree``: the ``pipeline`` of
another checkout (the baseline).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _rss_mb(field: str = "VmRSS") -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


class Sampler:
    """RSS and Arrow pool bytes every ``dt`` seconds in a thread; ``phase(name)`` marks where the commit is."""

    def __init__(self, dt: float = 0.02):
        import pyarrow as pa
        self.pa, self.dt = pa, dt
        self.samples: list[tuple[str, float, float]] = []
        self.where = "start"
        self.stop = threading.Event()
        self.t = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self.stop.is_set():
            self.samples.append((self.where, _rss_mb(), self.pa.total_allocated_bytes() / 2**20))
            self.file_mb = max(getattr(self, "file_mb", 0.0), _rss_mb("RssFile"))
            time.sleep(self.dt)

    def phases(self) -> dict[str, tuple[float, float]]:
        out: dict[str, tuple[float, float]] = {}
        for w, r, a in self.samples:
            o = out.get(w, (0.0, 0.0))
            out[w] = (max(o[0], r), max(o[1], a))
        return out


def _wrap(sampler: Sampler, mod, name: str, label: str | None = None) -> None:
    fn = getattr(mod, name, None)
    if fn is None:
        return

    def wrapped(*a, **k):
        prev = sampler.where
        sampler.where = label or name
        try:
            return fn(*a, **k)
        finally:
            sampler.where = prev
    setattr(mod, name, wrapped)


def _py_peak() -> float | None:
    import tracemalloc
    return tracemalloc.get_traced_memory()[1] / 2**20 if tracemalloc.is_tracing() else None


def commit_child(work: Path, out: Path, info: dict) -> dict:
    import pyarrow as pa  # noqa: F401  (imported before the baseline is taken)
    from pipeline import store
    from pipeline.job import publish, rowstore
    s = Sampler()
    for mod, names in ((publish, ("with_revisions", "final_tables", "corpus_person_merges", "build_actors",
                                  "drop_forgotten", "publish_parts")),
                       (store, ("write_version", "write_parts")),
                       (rowstore.RowsStore, ("write",))):
        for n in names:
            _wrap(s, mod, n, f"RowsStore.{n}" if mod is rowstore.RowsStore else n)
    import pipeline.views as views
    _wrap(s, views, "with_organization_actor_ids")
    base = _rss_mb()
    if os.environ.get("BENCH_TRACEMALLOC"):
        import tracemalloc
        tracemalloc.start()
    s.t.start()
    t0, c0 = time.perf_counter(), time.process_time()
    s.where = "publish_work"
    res = publish.publish_work(work, out, info)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    s.stop.set()
    s.t.join()
    ph = s.phases()
    return {"base_mb": base, "peak_mb": max(r for _, r, _ in s.samples), "arrow_peak_mb": max(a for _, _, a in s.samples),
            "file_peak_mb": s.file_mb, "py_peak_mb": _py_peak(),
            "wall": wall, "cpu": cpu, "articles": res["articles"], "mentions": res["mentions"],
            "phases": {k: [round(v[0]), round(v[1])] for k, v in ph.items()}}


def as_batches(work: Path, size: int = 16) -> None:
    """Rewrite the work dir's tables as the extract step writes them: one row group per batch of ``size``
    articles (the rows of each batch appended in turn, with a dictionary per batch)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq
    ids = pq.read_table(work / "articles.parquet", columns=["article_id"]).column("article_id").combine_chunks()
    for f in sorted(work.glob("*.parquet")):
        t = pq.read_table(f)
        if "article_id" not in t.column_names or t.num_rows == 0:
            continue
        batch = pc.divide(pc.index_in(t.column("article_id"), value_set=ids), pa.scalar(size, pa.int32()))
        counts = pc.value_counts(batch).to_pylist()            # rows are in article order: runs of a batch
        with pq.ParquetWriter(f, t.schema) as w:
            at = 0
            for c in counts:
                w.write_table(t.slice(at, c["counts"]).combine_chunks())
                at += c["counts"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed-out", required=True)
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--tree", type=Path, default=None)
    ap.add_argument("--work-dir", type=Path, default=None, help="keep the work dirs here (reused when present)")
    ap.add_argument("--child", nargs=3, metavar=("WORK", "OUT", "INFO"), help=argparse.SUPPRESS)
    ap.add_argument("--make-work", nargs=2, metavar=("WORK", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(commit_child(Path(args.child[0]), Path(args.child[1]), json.loads(args.child[2]))))
        return 0
    from bench_publish_scale import seed_rows, synth, write_work
    if args.make_work:
        from pipeline.ruleset import load_rules
        seed = seed_rows(Path(args.seed_out))
        rules = load_rules(None)
        write_work(synth(seed, 0, int(args.make_work[1])), Path(args.make_work[0]))
        as_batches(Path(args.make_work[0]))
        print(json.dumps({"model": seed["model"], "rules_version": rules.version, "rules_dir": str(rules.directory)}))
        return 0
    tree = (args.tree or ROOT).resolve()
    env = {**os.environ, "PYTHONPATH": str(tree)}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in [int(x) for x in args.sizes.split(",")]:
            work = (args.work_dir or tmp) / f"work{n}"
            info_f = (args.work_dir or tmp) / f"work{n}.info.json"
            if not info_f.exists():
                p = subprocess.run([sys.executable, __file__, "--seed-out", args.seed_out, "--make-work", str(work),
                                    str(n)], capture_output=True, text=True, cwd=tree, env=env, check=True)
                info_f.write_text(p.stdout.strip().splitlines()[-1])
            p = subprocess.run([sys.executable, __file__, "--seed-out", args.seed_out, "--child", str(work),
                                str(tmp / f"out{n}"), info_f.read_text()], capture_output=True, text=True, cwd=tree,
                               env=env)
            if p.returncode != 0:
                raise SystemExit(p.stderr[-4000:])
            r = json.loads(p.stdout.strip().splitlines()[-1])
            print(f"N={n} ({r['mentions']} mentions): RSS before {r['base_mb']:.0f} MB, peak {r['peak_mb']:.0f} MB "
                  f"(+{r['peak_mb'] - r['base_mb']:.0f} MB, {(r['peak_mb'] - r['base_mb']) * 1024 / n:.1f} KB/article), "
                  f"Arrow pool peak {r['arrow_peak_mb']:.0f} MB, file-backed RSS peak {r['file_peak_mb']:.0f} MB"
                  + (f", Python (tracemalloc) peak {r['py_peak_mb']:.0f} MB" if r["py_peak_mb"] else "") + "; "
                  f"{r['wall']:.1f} s wall / {r['cpu']:.1f} s CPU; "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)
            print("   peak RSS / Arrow MB by phase:", r["phases"], flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
