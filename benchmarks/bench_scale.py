"""Speed and scale of a whole run (issue 16): `pipeline run` against bare `nlp.pipe`, peak memory at
several corpus sizes, start-up time of `python -m pipeline info`, `--help` and of a run with nothing new
(`run corpus --out OUT --only-new` on an OUT that holds corpus/ already).

    python benchmarks/bench_scale.py [--articles 300] [--processes 2] [--repeat 3] [--sizes 100,300,600]
    python benchmarks/bench_scale.py --corpus mixed --scaling 1000,5000 --processes 2 [--scaling-repeat 1]

The corpus (``--corpus wikinews``, the default): the Wikinews texts of ../shared/data/quotes/wikinews
(dev, then train), one JSONL line an article, the first N (at most 850). ``--corpus mixed``: the
corpus of issue 16, any N: every 5th article a Wikinews text (cycled; a repeat gets one GermEval
sentence appended, so that no two articles share a content hash and the parse cache cannot help), the
others GermEval 2014 train sentences (../shared/data/ner/germeval2014/train.bio.tsv.gz) shuffled with a
fixed seed and regrouped into articles of 10-20 sentences in paragraphs of 5 (reshuffled with the next
seed when the 24,000 sentences run out). The same mix at every size, so per-article costs compare.

``--scaling SIZES``: the whole run (parse + extract + publish, fresh OUT) once per size
(``--scaling-repeat`` times; the median is reported) with a table of wall, CPU seconds of the process
tree per article and per 1,000 tokens (tokens counted by the tokenizer alone), and the peak RSS of the
largest process. Every measure runs in a fresh process (whole-process wall time, so model
loading and imports count), and the compared commands alternate, `--repeat` times; medians are
reported, with the CPU seconds of the whole process tree (user + sys: on a machine shared with
other jobs, CPU time compares the work done better than wall time). Peak RSS is that of the largest
process of a run (the parent or one worker), from ``getrusage(RUSAGE_CHILDREN)`` of a fresh wrapper
process per run.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
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

WRAP = r"""
import json, resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"cpu": r.ru_utime + r.ru_stime, "maxrss_mb": r.ru_maxrss / 1024}))
"""


CORPUS = "wikinews"


def corpus(n: int, dest: Path) -> Path:
    if CORPUS == "mixed":
        return mixed_corpus(n, dest)
    texts = _wikinews()
    if len(texts) < n:
        raise SystemExit(f"only {len(texts)} texts under {SHARED} (need {n})")
    with dest.open("w", encoding="utf-8") as w:
        for i, t in enumerate(texts[:n]):
            w.write(json.dumps({"id": f"wikinews-{i}", "text": t}, ensure_ascii=False) + "\n")
    return dest


def _detok(words: list[str]) -> str:
    text = " ".join(words)
    text = re.sub(r" ([.,;:!?)\]])", r"\1", text)
    return re.sub(r"([(\[]) ", r"\1", text)


def _wikinews() -> list[str]:
    texts = []
    for split in ("dev", "train"):
        src = SHARED / "data" / "quotes" / "wikinews" / f"{split}.jsonl.gz"
        if src.exists():
            with gzip.open(src, "rt", encoding="utf-8") as fh:
                texts += [json.loads(line)["originalText"] for line in fh]
    return texts


def mixed_corpus(n: int, dest: Path, seed: int = 16) -> Path:
    """Issue 16's corpus: Wikinews texts and GermEval 2014 sentences regrouped into articles (see the
    module doc); the same N gives the same file."""
    from pipeline.train import read_germeval
    wiki = _wikinews()
    src = SHARED / "data" / "ner" / "germeval2014" / "train.bio.tsv.gz"
    if not wiki or not src.exists():
        raise SystemExit(f"Wikinews or {src} missing under {SHARED}")
    sents = [_detok(w) for w, _ in read_germeval(src)]
    rng = random.Random(seed)
    pool: list[str] = []
    rounds = 0

    def take(k: int) -> list[str]:
        nonlocal pool, rounds
        if len(pool) < k:
            order = sents[:]
            random.Random(seed + rounds).shuffle(order)
            rounds += 1
            pool = pool + order
        out, pool = pool[:k], pool[k:]
        return out

    w_i = 0
    with dest.open("w", encoding="utf-8") as w:
        for i in range(n):
            if i % 5 == 0:
                text = wiki[w_i % len(wiki)]
                if w_i >= len(wiki):
                    text = text.rstrip() + "\n\n" + take(1)[0]
                w_i += 1
                aid = f"wikinews-{i}"
            else:
                ss = take(rng.randint(10, 20))
                text = "\n\n".join(" ".join(ss[j:j + 5]) for j in range(0, len(ss), 5))
                aid = f"germeval-{i}"
            w.write(json.dumps({"id": aid, "text": text}, ensure_ascii=False) + "\n")
    return dest


TOKENS = r"""
import json, sys
from pipeline.nlp import load_nlp
nlp, _ = load_nlp(None)
print(sum(len(nlp.make_doc(json.loads(l)["text"])) for l in open(sys.argv[1], encoding="utf-8")))
"""


TREE = ROOT                 # the checkout whose pipeline runs (--tree: another one, e.g. a baseline)


def timed(cmd: list[str], env=None) -> tuple[float, str]:
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=TREE, env=env)
    if p.returncode != 0:
        raise SystemExit(f"{cmd} failed:\n{p.stderr[-3000:]}")
    return time.perf_counter() - t, p.stdout


def measured(cmd: list[str], env=None) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of the whole process tree, peak RSS MB of its largest process)."""
    wall, out = timed([PY, "-c", WRAP, *cmd], env)
    d = json.loads(out.strip().splitlines()[-1])
    return wall, d["cpu"], d["maxrss_mb"]


def run_cmd(inp: Path, out: Path, processes: int) -> list[str]:
    """``processes`` 0: a checkout without the option (one process)."""
    return [PY, "-m", "pipeline", "run", str(inp), "--out", str(out), "--no-progress",
            *(["--processes", str(processes)] if processes else [])]


def in_tree(tree: Path, fn, *args):
    """``fn(*args)`` with the pipeline of checkout ``tree`` (cwd and PYTHONPATH)."""
    global TREE
    old, TREE = TREE, tree
    try:
        return fn(*args, {**os.environ, "PYTHONPATH": str(tree)})
    finally:
        TREE = old


HEAVY = ("pandas", "trafilatura", "ftfy", "dateparser", "spacy", "prefect")
LOADED = "import runpy, sys\nsys.argv = sys.argv[1:]\ntry:\n    runpy.run_module('pipeline', run_name='__main__')\n" \
         "finally:\n    print('loaded:', [m for m in %r if m in sys.modules], file=sys.stderr)\n" % (HEAVY,)


def import_ms(cmd: list[str], env) -> float:
    """Milliseconds of imports of one fresh process (``-X importtime``: the top-level entries summed)."""
    p = subprocess.run([PY, "-X", "importtime", *cmd[1:]], capture_output=True, text=True, cwd=TREE, env=env)
    return sum(int(ln.split("|")[1]) for ln in p.stderr.splitlines()
               if ln.startswith("import time:") and not ln.split("|")[2][1:].startswith(" ") and "cumulative" not in ln) / 1000


def noop(out: Path, env) -> None:
    """A run with nothing new: corpus/ into an OUT that holds it already (median of 5 fresh processes)."""
    corpus_dir = TREE / "corpus"
    timed([PY, "-m", "pipeline", "run", str(corpus_dir), "--out", str(out), "--no-progress"], env)
    cmd = [PY, "-m", "pipeline", "run", str(corpus_dir), "--out", str(out), "--only-new", "--no-progress"]
    ts = [timed(cmd, env)[0] for _ in range(5)]
    p = subprocess.run([PY, "-c", LOADED, *cmd[2:]], capture_output=True, text=True, cwd=TREE, env=env)
    loaded = [ln for ln in p.stderr.splitlines() if ln.startswith("loaded:")]
    print(f"run corpus --only-new, nothing new: median {statistics.median(ts):.2f} s (min {min(ts):.2f}); "
          f"imports {import_ms(cmd, env):.0f} ms; heavy modules {loaded[-1] if loaded else p.stderr[-500:]}")


def scaling(sizes: list[int], args, tmp: Path, env) -> None:
    rows = []
    for n in sizes:
        inp = corpus(n, tmp / f"scale{n}.jsonl")
        if args.keep_corpus:
            args.keep_corpus.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(inp, args.keep_corpus / inp.name)
        tokens = int(timed([PY, "-c", TOKENS, str(inp)], env)[1].strip().splitlines()[-1])
        runs = []
        for r in range(args.scaling_repeat):
            runs.append(measured(run_cmd(inp, tmp / f"scale_out{n}_{r}", args.processes), env))   # fresh OUT
            print(f"  {n} articles ({tokens} tokens), run {r + 1}: {runs[-1][0]:.1f} s wall, {runs[-1][1]:.1f} s CPU, "
                  f"{runs[-1][2]:.0f} MB; load {os.getloadavg()[0]:.1f}", flush=True)
        wall, cpu, rss = (statistics.median(x[k] for x in runs) for k in range(3))
        rows.append((n, tokens, wall, cpu, rss, len(runs)))
    print(f"corpus {args.corpus}; --processes {args.processes}; whole `pipeline run`, fresh OUT; "
          f"load at the end {os.getloadavg()}")
    print("| articles | tokens | runs | wall | CPU (process tree) | CPU ms / article | CPU s / 1,000 tokens "
          "| peak RSS (largest process) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, tokens, wall, cpu, rss, k in rows:
        print(f"| {n:,} | {tokens:,} | {k} | {wall:.1f} s | {cpu:.1f} s | {cpu / n * 1000:.1f} | "
              f"{cpu / tokens * 1000:.3f} | {rss:.0f} MB |")
    base = rows[0]
    for n, tokens, wall, cpu, rss, k in rows[1:]:
        print(f"{n:,} vs {base[0]:,}: CPU per article {(cpu / n) / (base[3] / base[0]) - 1:+.1%}, "
              f"per token {(cpu / tokens) / (base[3] / base[1]) - 1:+.1%}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sizes", default="100,300,600", help="corpus sizes for peak RSS")
    ap.add_argument("--skip", default="", help="comma list of parts to skip: ratio,one,rss,info,noop "
                    "(one: the 1-process run of the ratio part)")
    ap.add_argument("--baseline-tree", type=Path, default=None, help="ratio part: also run the pipeline of "
                    "this checkout, alternating with the others (before/after under the same load)")
    ap.add_argument("--corpus", choices=("wikinews", "mixed"), default="wikinews")
    ap.add_argument("--scaling", default="", help="comma list of corpus sizes for the scaling table "
                    "(whole run per size; then only this is measured)")
    ap.add_argument("--scaling-repeat", type=int, default=1)
    ap.add_argument("--keep-corpus", type=Path, default=None, help="also write each corpus here")
    ap.add_argument("--tree", type=Path, default=None, help="run the pipeline of this checkout instead")
    args = ap.parse_args(argv)
    global TREE, CORPUS
    TREE = (args.tree or ROOT).resolve()
    CORPUS = args.corpus
    skip = set(filter(None, args.skip.split(",")))
    env = {**os.environ, "PYTHONPATH": str(TREE)}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.scaling:
            scaling([int(x) for x in args.scaling.split(",")], args, tmp, env)
            return 0
        if "ratio" not in skip:
            inp = corpus(args.articles, tmp / "corpus.jsonl")
            bare, full, one, base = [], [], [], []
            tokens = int(timed([PY, "-c", TOKENS, str(inp)], env)[1].strip().splitlines()[-1])
            for i in range(args.repeat):
                bare.append(measured([PY, "-c", BARE, str(inp), str(args.processes)], env))
                print(f"  {i + 1}: bare {bare[-1][0]:.1f} s wall / {bare[-1][1]:.1f} s CPU; "
                      f"load {os.getloadavg()[0]:.1f}", flush=True)
                full.append(measured(run_cmd(inp, tmp / f"out{i}", args.processes), env))   # fresh OUT
                print(f"  {i + 1}: run {full[-1][0]:.1f} s wall / {full[-1][1]:.1f} s CPU", flush=True)
                if args.baseline_tree:
                    base.append(in_tree(args.baseline_tree.resolve(), measured,
                                        run_cmd(inp, tmp / f"base{i}", args.processes)))
                    print(f"  {i + 1}: baseline run {base[-1][0]:.1f} s wall / {base[-1][1]:.1f} s CPU", flush=True)
                if "one" not in skip:
                    one.append(measured(run_cmd(inp, tmp / f"one{i}", 1), env))

            def med(rs, k):
                return statistics.median(r[k] for r in rs)
            print(f"corpus: {args.articles} articles, {tokens} tokens; processes {args.processes}; "
                  f"medians of {args.repeat}, alternating; wall s / CPU s of the process tree / peak RSS")
            rows = [(f"bare nlp.pipe (n_process={args.processes})", bare),
                    (f"pipeline run --processes {args.processes}", full),
                    (f"baseline {args.baseline_tree}: run --processes {args.processes}", base),
                    ("pipeline run --processes 1", one)]
            for label, rs in rows:
                if rs:
                    print(f"{label:34s} {med(rs, 0):7.1f} s wall ({tokens / med(rs, 0):7,.0f} tokens/s)  "
                          f"{med(rs, 1):7.1f} s CPU  {med(rs, 2):5.0f} MB")
            print(f"ratio bare/run: wall {med(bare, 0) / med(full, 0):.2f}, CPU {med(bare, 1) / med(full, 1):.2f}"
                  + (f"; speed-up of {args.processes} processes over 1: {med(one, 0) / med(full, 0):.2f}x" if one else ""))
            if base:
                print(f"ratio bare/baseline run: wall {med(bare, 0) / med(base, 0):.2f}, "
                      f"CPU {med(bare, 1) / med(base, 1):.2f}")
            print("wall runs:", [[round(r[0], 1) for r in rs] for _, rs in rows])
            print("CPU runs:", [[round(r[1], 1) for r in rs] for _, rs in rows])
        if "rss" not in skip:
            for n in [int(x) for x in args.sizes.split(",")]:
                inp = corpus(n, tmp / f"rss{n}.jsonl")
                wall, cpu, rss = measured(run_cmd(inp, tmp / f"rss_out{n}", args.processes), env)
                print(f"peak RSS, {n} articles, {args.processes or 1} processes: {rss:.0f} MB (largest process); "
                      f"{wall:.1f} s wall, {cpu:.1f} s CPU ({cpu / n * 1000:.0f} ms CPU/article)")
        if "info" not in skip:
            ts = [timed([PY, "-m", "pipeline", "info"], env)[0] for _ in range(5)]
            hs = [timed([PY, "-m", "pipeline", "--help"], env)[0] for _ in range(5)]
            print(f"python -m pipeline info: median {statistics.median(ts):.2f} s (min {min(ts):.2f}); "
                  f"--help: median {statistics.median(hs):.2f} s")
        if "noop" not in skip:
            noop(tmp / "noop_out", env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
