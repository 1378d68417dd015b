"""Speed and scale of a whole run (issue 16): `pipeline run` against bare `nlp.pipe`, peak memory at
several corpus sizes, start-up time of `python -m pipeline info`.

    python benchmarks/bench_scale.py [--articles 300] [--processes 2] [--repeat 3] [--sizes 100,300,600]

The corpus: the Wikinews texts of ../shared/data/quotes/wikinews (dev, then train), one JSONL line
an article, the first N. Every measure runs in a fresh process (whole-process wall time, so model
loading and imports count), and the compared commands alternate, `--repeat` times; medians are
reported. Peak RSS is that of the largest process of a run (the parent or one worker), from
``getrusage(RUSAGE_CHILDREN)`` of a fresh wrapper process per run.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PY = sys.executable

BARE = r"""
import json, sys, time
from pipeline.nlp import load_nlp
nlp, _ = load_nlp(None)
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
n = int(sys.argv[2])
tokens = 0
for doc in nlp.pipe(texts, batch_size=16, n_process=n):
    tokens += len(doc)
print(tokens)
"""

PEAK = r"""
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def corpus(n: int, dest: Path) -> Path:
    texts = []
    for split in ("dev", "train"):
        src = SHARED / "data" / "quotes" / "wikinews" / f"{split}.jsonl.gz"
        if src.exists():
            with gzip.open(src, "rt", encoding="utf-8") as fh:
                texts += [json.loads(line)["originalText"] for line in fh]
    if len(texts) < n:
        raise SystemExit(f"only {len(texts)} texts under {SHARED} (need {n})")
    with dest.open("w", encoding="utf-8") as w:
        for i, t in enumerate(texts[:n]):
            w.write(json.dumps({"id": f"wikinews-{i}", "text": t}, ensure_ascii=False) + "\n")
    return dest


TREE = ROOT                 # the checkout whose pipeline runs (--tree: another one, e.g. a baseline)


def timed(cmd: list[str], env=None) -> tuple[float, str]:
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=TREE, env=env)
    if p.returncode != 0:
        raise SystemExit(f"{cmd} failed:\n{p.stderr[-3000:]}")
    return time.perf_counter() - t, p.stdout


def run_cmd(inp: Path, out: Path, processes: int) -> list[str]:
    """``processes`` 0: a checkout without the option (one process)."""
    return [PY, "-m", "pipeline", "run", str(inp), "--out", str(out), "--no-progress",
            *(["--processes", str(processes)] if processes else [])]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sizes", default="100,300,600", help="corpus sizes for peak RSS")
    ap.add_argument("--skip", default="", help="comma list of parts to skip: ratio,rss,info")
    ap.add_argument("--tree", type=Path, default=None, help="run the pipeline of this checkout instead")
    args = ap.parse_args(argv)
    global TREE
    TREE = (args.tree or ROOT).resolve()
    skip = set(filter(None, args.skip.split(",")))
    env = {**os.environ, "PYTHONPATH": str(TREE)}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if "ratio" not in skip:
            inp = corpus(args.articles, tmp / "corpus.jsonl")
            bare, full, one = [], [], []
            tokens = 0
            for i in range(args.repeat):
                s, outp = timed([PY, "-c", BARE, str(inp), str(args.processes)], env)
                bare.append(s)
                tokens = int(outp.strip())
                s, outp = timed(run_cmd(inp, tmp / f"out{i}", args.processes), env)   # fresh OUT: parses all
                full.append(s)
                s, outp = timed(run_cmd(inp, tmp / f"one{i}", 1), env)
                one.append(s)
            b, f, o = statistics.median(bare), statistics.median(full), statistics.median(one)
            print(f"corpus: {args.articles} articles, {tokens} tokens; processes {args.processes}; "
                  f"medians of {args.repeat}, alternating")
            print(f"bare nlp.pipe (n_process={args.processes}): {b:.1f} s ({tokens / b:,.0f} tokens/s)")
            print(f"pipeline run --processes {args.processes}: {f:.1f} s ({tokens / f:,.0f} tokens/s); "
                  f"ratio bare/run = {b / f:.2f}")
            print(f"pipeline run --processes 1: {o:.1f} s; speed-up of {args.processes} processes: {o / f:.2f}x")
            print("runs:", [round(x, 1) for x in bare], [round(x, 1) for x in full], [round(x, 1) for x in one])
        if "rss" not in skip:
            for n in [int(x) for x in args.sizes.split(",")]:
                inp = corpus(n, tmp / f"rss{n}.jsonl")
                t0 = time.perf_counter()
                s, outp = timed([PY, "-c", PEAK, *run_cmd(inp, tmp / f"rss_out{n}", args.processes)], env)
                print(f"peak RSS, {n} articles, {args.processes} processes: {int(outp.strip()) / 1024:.0f} MB "
                      f"(largest process); {time.perf_counter() - t0:.1f} s")
        if "info" not in skip:
            ts = [timed([PY, "-m", "pipeline", "info"], env)[0] for _ in range(5)]
            hs = [timed([PY, "-m", "pipeline", "--help"], env)[0] for _ in range(5)]
            print(f"python -m pipeline info: median {statistics.median(ts):.2f} s (min {min(ts):.2f}); "
                  f"--help: median {statistics.median(hs):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
