"""Throughput of the whole spaCy pipeline on ONE CPU core (tokens/s).

    python benchmarks/bench_model.py [--model PATH] [--repeat 3] [--write]

Text: the sample articles in corpus/*.txt plus, when ../shared is present, GermEval 2014 dev sentences
(joined into paragraphs of 20 sentences), about 60k tokens. Each configuration is run ``--repeat`` times
and the best run is reported. ``--write`` puts the table into benchmarks/README.md, section
"Model throughput".
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
README = ROOT / "benchmarks" / "README.md"
SECTION = "## Model throughput"


def texts() -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    from pipeline.train import GERMEVAL, read_germeval
    dev = GERMEVAL / "dev.tsv.gz"
    if dev.exists():
        sents = [" ".join(w) for w, _ in read_germeval(dev)]
        out += [" ".join(sents[i:i + 20]) for i in range(0, len(sents), 20)]
    return out


def run(nlp, docs_text: list[str], repeat: int) -> tuple[int, float]:
    best = float("inf")
    n_tok = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n_tok = sum(len(d) for d in nlp.pipe(docs_text, batch_size=64))
        best = min(best, time.perf_counter() - t0)
    return n_tok, best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    try:
        import torch  # noqa: F401
        torch.set_num_threads(1)
    except ImportError:
        pass
    from pipeline.nlp import load_nlp
    nlp, info = load_nlp(args.model)
    data = texts()
    list(nlp.pipe(data[:5]))  # warm-up
    rows = []
    configs = [("whole pipeline (as shipped)", [])]
    if "parser" in nlp.pipe_names:
        configs.append(("without parser", ["parser"]))
    elif "parser" in nlp.disabled:
        configs.append(("with the disabled parser enabled", None))
    configs.append(("ner only", [p for p in nlp.pipe_names if p != "ner"]))
    for label, disable in configs:
        if disable is None:
            nlp.enable_pipe("parser")
            n_tok, dt = run(nlp, data, args.repeat)
            rows.append((label, ", ".join(nlp.pipe_names), n_tok, dt, n_tok / dt))
            nlp.disable_pipe("parser")
            continue
        with nlp.select_pipes(disable=disable):
            n_tok, dt = run(nlp, data, args.repeat)
            rows.append((label, ", ".join(nlp.pipe_names), n_tok, dt, n_tok / dt))
    table = ["| configuration | components | tokens | seconds | tokens/s |", "|---|---|---:|---:|---:|"]
    for label, pipes, n_tok, dt, tps in rows:
        table.append(f"| {label} | {pipes} | {n_tok} | {dt:.2f} | {tps:,.0f} |")
    head = (f"Model `{info.name}` {info.version} ({info.source}), spaCy pipe, batch_size=64, 1 thread, "
            f"best of {args.repeat}; CPU: {platform.processor() or platform.machine()}, "
            f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f} (shared machine), "
            f"{time.strftime('%Y-%m-%d')}. Text: corpus/*.txt + GermEval dev ({len(data)} texts). "
            "Reproduce: `python benchmarks/bench_model.py --write`.")
    text = "\n".join([head, "", *table])
    print(text)
    if args.write:
        body = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
        block = f"{SECTION}\n\n{text}\n"
        if SECTION in body:
            body = re.sub(rf"{re.escape(SECTION)}\n.*?(?=\n## |\Z)", block.rstrip("\n") + "\n", body,
                          flags=re.S)
        else:
            body = body.rstrip("\n") + "\n\n" + block
        README.write_text(body, encoding="utf-8")
        print(f"wrote {README}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
