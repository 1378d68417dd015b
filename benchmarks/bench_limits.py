"""Peak memory (RSS) at the input limits: the largest accepted article and a gzip bomb.

Each case runs in a fresh Python process (``ru_maxrss`` of that child), so the numbers do not mix.

    python benchmarks/bench_limits.py                 # all cases, prints a markdown table
    python benchmarks/bench_limits.py --write         # ... and writes it into benchmarks/README.md
    python benchmarks/bench_limits.py --case bomb     # one case
"""
from __future__ import annotations

import argparse
import json
import platform
import re
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def german_text(chars: int) -> str:
    """``chars`` characters of real German news text: the corpus bodies, repeated with numbered paragraphs."""
    from pipeline.ingest import read_inputs
    bodies = [a.body_text for a in read_inputs([ROOT / "corpus"]) if hasattr(a, "body_text")]
    paras = [p for b in bodies for p in b.split("\n\n") if p.strip()]
    out, n, i = [], 0, 0
    while n < chars:
        p = f"{paras[i % len(paras)]} ({i})"
        out.append(p)
        n += len(p) + 2
        i += 1
    return "\n\n".join(out)[:chars].rstrip()


def bomb(path: Path, gib: float) -> Path:
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1 << 24)
    with open(path, "wb") as f:
        for _ in range(int(gib * 64)):
            f.write(comp.compress(block))
        f.write(comp.flush())
    return path


def case_run_largest(tmp: Path) -> dict:
    """The whole run (ingest, parse in pieces, extract, publish) on one article of max_chars characters."""
    from pipeline.runner import run
    from pipeline.sources import limits
    n = limits().max_chars
    p = tmp / "gross.jsonl"
    p.write_text(json.dumps({"id": "gross", "text": german_text(n)}, ensure_ascii=False) + "\n", encoding="utf-8")
    t0 = time.perf_counter()
    s = run([p], tmp / "out", progress=False)
    return {"what": f"whole run, one article of {n:,} characters (the limit)", "seconds": time.perf_counter() - t0,
            "result": f"{s.articles_read} article, {s.mentions} mentions, {s.claims} claims"}


def case_parse_whole(tmp: Path) -> dict:
    """Before: the same article parsed in one piece (what the run did before)."""
    from pipeline.nlp import load_nlp
    from pipeline.sources import limits
    nlp, _ = load_nlp()
    text = german_text(limits().max_chars)
    t0 = time.perf_counter()
    doc = nlp(text)
    return {"what": f"parse only, {len(text):,} characters in one piece (before)",
            "seconds": time.perf_counter() - t0, "result": f"{len(doc)} tokens"}


def case_parse_pieces(tmp: Path) -> dict:
    from pipeline.nlp import load_nlp
    from pipeline.pieces import PIECE_CHARS, parse_long
    from pipeline.sources import limits
    nlp, _ = load_nlp()
    text = german_text(limits().max_chars)
    t0 = time.perf_counter()
    doc = parse_long(nlp, text)
    return {"what": f"parse only, {len(text):,} characters in pieces of {PIECE_CHARS:,} (after)",
            "seconds": time.perf_counter() - t0, "result": f"{len(doc)} tokens"}


def case_bomb(tmp: Path) -> dict:
    from pipeline.ingest import read_inputs
    out = {}
    for name in ("bombe.txt.gz", "bombe.jsonl.gz"):
        bomb(tmp / name, 2)
    size = (tmp / "bombe.txt.gz").stat().st_size
    t0 = time.perf_counter()
    items = list(read_inputs([tmp / "bombe.txt.gz", tmp / "bombe.jsonl.gz"]))
    out["seconds"] = time.perf_counter() - t0
    out["what"] = f"ingest two 2 GiB gzip bombs (.txt.gz, .jsonl.gz; {size / 1e6:.1f} MB each on disk)"
    out["result"] = "; ".join(f"{x.reason}" for x in items)
    return out


def case_html_largest(tmp: Path) -> dict:
    """Ingest one HTML page just under max_file_bytes: ~1M characters of text in heavy markup and scripts."""
    from pipeline.ingest import read_file
    from pipeline.sources import limits
    lim = limits()
    text = german_text(lim.max_chars - 100_000)
    paras = text.split("\n\n")
    junk = "<script>var x = '" + "a" * 4000 + "';</script>"
    html, i = ["<html><head><title>Gross</title></head><body><article><h1>Gross</h1>"], 0
    size = 0
    while size < lim.max_file_bytes - 200_000:
        piece = f"<div class='c{i}'><p>{paras[i % len(paras)]}</p></div>" if i < len(paras) else junk
        html.append(piece)
        size += len(piece.encode())
        i += 1
    html.append("</article></body></html>")
    p = tmp / "gross.html"
    p.write_text("".join(html), encoding="utf-8")
    t0 = time.perf_counter()
    items = list(read_file(p))
    x = items[0]
    return {"what": f"ingest one HTML file of {p.stat().st_size / 1e6:.0f} MB (max_file_bytes), "
                    f"{len(text):,} characters of text", "seconds": time.perf_counter() - t0,
            "result": f"{len(x.body_text):,} characters of body" if hasattr(x, "body_text") else x.reason}


CASES = {"html_largest": case_html_largest, "run_largest": case_run_largest, "parse_whole": case_parse_whole, "parse_pieces": case_parse_pieces,
         "bomb": case_bomb}


def child(name: str) -> None:
    import resource
    with tempfile.TemporaryDirectory() as d:
        res = CASES[name](Path(d))
    res["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("RESULT " + json.dumps(res))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--case", choices=sorted(CASES), action="append")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return 0
    rows = []
    for name in args.case or ["bomb", "html_largest", "parse_pieces", "parse_whole", "run_largest"]:
        proc = subprocess.run([sys.executable, __file__, "--child", name], capture_output=True, text=True, cwd=ROOT)
        line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
        if line is None:
            print(proc.stdout[-2000:], proc.stderr[-4000:], file=sys.stderr)
            rows.append((name, "failed", "", "", ""))
            continue
        r = json.loads(line[7:])
        rows.append((name, r["what"], f"{r['peak_rss_mb']:,.0f}", f"{r['seconds']:.1f}", r["result"]))
        print(rows[-1], flush=True)
    table = ["| case | what | peak RSS (MB) | seconds | result |", "|---|---|---:|---:|---|"]
    table += [f"| {' | '.join(r)} |" for r in rows]
    note = (f"Measured {time.strftime('%Y-%m-%d')}, Python {platform.python_version()} on {platform.machine()}, "
            "each case in a fresh process, on a shared 2-core machine (other jobs running). "
            "Run: `python benchmarks/bench_limits.py --write`.")
    text = "\n".join(table) + "\n\n" + note
    print(text)
    if args.write:
        readme = ROOT / "benchmarks" / "README.md"
        body = readme.read_text(encoding="utf-8")
        block = f"## Input limits (memory)\n\n<!-- bench_limits -->\n{text}\n<!-- /bench_limits -->\n"
        if "<!-- bench_limits -->" in body:
            body = re.sub(r"## Input limits \(memory\)\n\n<!-- bench_limits -->.*?<!-- /bench_limits -->\n", block,
                          body, flags=re.S)
        else:
            body = body.rstrip("\n") + "\n\n" + block
        readme.write_text(body, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
