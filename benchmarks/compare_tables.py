"""Compare the extraction tables of two code states (the "no behaviour change" check of refactors).

    python benchmarks/compare_tables.py snapshot DIR [--wikinews N] [--train N]
    python benchmarks/compare_tables.py diff DIR_A DIR_B [--ignore-sentence] [--show 5]

`snapshot` runs the pipeline in this checkout (one process, the committed model unless
PIPELINE_MODEL says otherwise) on `corpus/` and on the 156-article benchmark corpus (the 150
Wikinews dev texts + corpus/, as `benchmarks/bench_rerun.py` builds it; with `--train N` also the
first N Wikinews train texts) and writes every table as sorted JSON lines, without the columns that
change from run to run (ingest time, rules/version hashes). `diff` compares two snapshots table by
table and prints the rows only in A or only in B. Exit code 0 when identical, 1 otherwise.

`--ignore-sentence` drops the `sentence` column before comparing (the column a shared sentence split
is allowed to change).
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
VOLATILE = {"ingested_at", "seen_at", "first_seen_at", "revised_at", "rules_version", "model_version"}
TABLES = ("articles", "mentions", "actors", "roles", "claims", "rejects")


def _wikinews_jsonl(split: str, n: int | None, dest: Path) -> Path | None:
    src = SHARED / "data" / "quotes" / "wikinews" / f"{split}.jsonl.gz"
    if not src.exists():
        return None
    with gzip.open(src, "rt", encoding="utf-8") as fh, dest.open("w", encoding="utf-8") as w:
        for i, line in enumerate(fh):
            if n is not None and i >= n:
                break
            d = json.loads(line)
            m = re.search(r"\((\d{4}-\d{2}-\d{2})\)\s*$", d["documentName"])
            w.write(json.dumps({"id": f"wikinews-{split}-{i}", "text": d["originalText"],
                                "published": m.group(1) if m else None}, ensure_ascii=False) + "\n")
    return dest


def _portable(v, tmp: str):
    """Paths that differ between checkouts and temporary folders only: made relative."""
    if isinstance(v, str):
        return v.replace(str(ROOT) + "/", "").replace(tmp + "/", "")
    return v


def _dump(out: Path, dest: Path) -> dict[str, int]:
    import pipeline
    t = pipeline.load(out)
    counts = {}
    dest.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        df = t[name]
        df = df[[c for c in df.columns if c not in VOLATILE]]
        tmp = str(out.parent)
        rows = sorted(json.dumps({k: _portable(_plain(v), tmp) for k, v in r.items()}, ensure_ascii=False,
                                 sort_keys=True)
                      for r in df.to_dict("records"))
        (dest / f"{name}.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
        counts[name] = len(rows)
    return counts


def _plain(v):
    if v is None:
        return None
    if hasattr(v, "tolist"):
        v = v.tolist()
    if isinstance(v, float) and v != v:
        return None
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def snapshot(dest: Path, wikinews: int | None, train: int, extra: list[str] = ()) -> None:
    from pipeline.runner import run
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sets = {"corpus": [ROOT / "corpus"]}
        dev = _wikinews_jsonl("dev", wikinews, tmp / "wikinews_dev.jsonl")
        if dev is not None:
            sets["bench156"] = [dev, ROOT / "corpus"]
        if train:
            tr = _wikinews_jsonl("train", train, tmp / "wikinews_train.jsonl")
            if tr is not None:
                sets["train"] = [tr]
        for item in extra:                      # NAME=PATH: another input set (e.g. bench_scale's mixed corpus)
            name, path = item.split("=", 1)
            sets[name] = [Path(path)]
        for name, inputs in sets.items():
            out = tmp / f"out_{name}"
            run([str(p) for p in inputs], str(out), progress=False)
            counts = _dump(out, dest / name)
            print(name, counts)


def diff(a: Path, b: Path, ignore_sentence: bool, show: int) -> int:
    bad = 0
    for set_dir in sorted(p for p in a.iterdir() if p.is_dir()):
        other = b / set_dir.name
        if not other.exists():
            print(f"{set_dir.name}: missing in {b}")
            bad += 1
            continue
        for name in TABLES:
            ra = _rows(set_dir / f"{name}.jsonl", ignore_sentence)
            rb = _rows(other / f"{name}.jsonl", ignore_sentence)
            only_a, only_b = sorted(set(ra) - set(rb)), sorted(set(rb) - set(ra))
            status = "identical" if not only_a and not only_b else f"{len(only_a)} only in A, {len(only_b)} only in B"
            print(f"{set_dir.name:9s} {name:9s} {len(ra):6d} rows  {status}")
            for r in only_a[:show]:
                print("   A:", r[:400])
            for r in only_b[:show]:
                print("   B:", r[:400])
            bad += bool(only_a or only_b)
    return 1 if bad else 0


def _rows(path: Path, ignore_sentence: bool) -> list[str]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            continue
        if ignore_sentence:
            d = json.loads(line)
            d.pop("sentence", None)
            line = json.dumps(d, ensure_ascii=False, sort_keys=True)
        rows.append(line)
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot")
    s.add_argument("dest", type=Path)
    s.add_argument("--wikinews", type=int, default=None, help="only the first N Wikinews dev texts")
    s.add_argument("--train", type=int, default=0, help="also the first N Wikinews train texts")
    s.add_argument("--extra", action="append", default=[], metavar="NAME=PATH",
                   help="also this input (file or folder) as set NAME; repeatable")
    d = sub.add_parser("diff")
    d.add_argument("a", type=Path)
    d.add_argument("b", type=Path)
    d.add_argument("--ignore-sentence", action="store_true")
    d.add_argument("--show", type=int, default=5)
    args = ap.parse_args(argv)
    if args.cmd == "snapshot":
        snapshot(args.dest, args.wikinews, args.train, args.extra)
        return 0
    return diff(args.a, args.b, args.ignore_sentence, args.show)


if __name__ == "__main__":
    sys.exit(main())
