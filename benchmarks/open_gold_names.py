"""Names the open NER gold tags as organisations or other things and never as persons (issue 12, ent13).

    python benchmarks/open_gold_names.py [--min 1] [--kinds ORG,OTH,LOC] [--out PATH]   # (re)write the committed list
    python benchmarks/open_gold_names.py --check                  # exit 1 when the committed list differs

Sources (read from ``../shared``, never copied): GermEval 2014 **train** (CC BY 4.0, Benikova et al. 2014; outer level:
ORG, OTH and PER spans, the ``part``/``deriv`` variants are no names of their own) and the **tune** half of the
SmartData v3 (dev+test, news) and MobIE test documents of ``benchmarks/unseen_roles.py`` (CC BY 4.0; gold
ORGANIZATION*/PERSON spans). The check half of those documents (``unseen_roles.py persons --half check``) and the
MobIE dev/train splits (``--half mobie-dev``) are not read, so both stay held out.

A name (the whole gold span as written) is listed when the gold tags it ORG, OTH or LOC at least ``--min`` times in
all and never PER, and no word of it is a word of any PER span of the sources ("Ford" of "Henry Ford" is out,
"Wagner" too). The label is the most frequent of those kinds (OTH: MISC). The layer's check
``per_open_gold_nonperson`` (pipeline.extract.actors.persons) reads the list.

Why once and not "several times": our NER model is trained on the same GermEval data, so it already tags the
names the gold has often (with ``--min 2 --kinds ORG,OTH`` the check changed no actor on 675 Wikinews train
articles, the 35 web dev pages and GermEval dev); the names the gold tags once or twice are the ones it still gets
wrong in new contexts ("Schalkes Trainer", "Maltesers Milchschokolade").
"""
from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from unseen_roles import SHARED, half_of, mobie_docs, smartdata_docs  # noqa: E402

OUT = ROOT / "pipeline" / "extract" / "actors" / "data" / "open_gold_nonpersons.tsv.gz"


def germeval_spans(path: Path):
    """(text, kind) of the outer-level spans of GermEval train; kind PER, ORG, OTH or LOC (no part/deriv)."""
    toks: list[tuple[str, str]] = []

    def spans():
        cur, kind = [], None
        for tok, tag in toks + [("", "O")]:
            if tag.startswith("I-") and cur and tag[2:] == kind:
                cur.append(tok)
                continue
            if cur and kind in ("PER", "ORG", "OTH", "LOC"):
                yield " ".join(cur), kind
            cur, kind = ([tok], tag[2:]) if tag.startswith("B-") else ([], None)

    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                tok, tag = line.rstrip("\n").split("\t")[:2]
                toks.append((tok, tag))
            else:
                yield from spans()
                toks.clear()
    yield from spans()


def news_spans(shared: Path):
    """(text, kind) of the gold spans of the SmartData/MobIE tune half; kind PER, ORG or LOC."""
    for d in smartdata_docs(shared) + mobie_docs(shared):
        if half_of(d["id"]) != "tune":
            continue
        for s, e, k in d["gold"]:
            yield " ".join(d["text"][s:e].split()), {"person": "PER", "org": "ORG", "loc": "LOC"}[k]


def build(shared: Path, minimum: int, kinds: tuple[str, ...] = ("ORG", "OTH", "LOC")) -> list[tuple[str, str, int]]:
    counts: dict[str, Counter] = {}
    per_words: set[str] = set()
    for text, kind in list(germeval_spans(shared / "data" / "ner" / "germeval2014" / "train.bio.tsv.gz")) \
            + list(news_spans(shared)):
        counts.setdefault(text, Counter())[kind] += 1
        if kind == "PER":
            per_words.update(text.split())
    out = []
    for name, c in counts.items():
        n = sum(c[k] for k in kinds)
        if n < minimum or c["PER"] or any(w in per_words for w in name.split()):
            continue
        if not name[:1].isupper() or len(name) < 2 or "\t" in name:
            continue
        best = max(kinds, key=lambda k: c[k])
        out.append((name, {"OTH": "MISC"}.get(best, best), n))
    return sorted(out)


def render(rows) -> bytes:
    head = "# name\tlabel\tORG+OTH+LOC count (GermEval 2014 train + SmartData/MobIE tune half); benchmarks/open_gold_names.py\n"
    return (head + "".join(f"{n}\t{lab}\t{k}\n" for n, lab, k in rows)).encode("utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min", type=int, default=1)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--kinds", default="ORG,OTH,LOC", help="gold kinds that count against a person (ORG, OTH, LOC)")
    args = ap.parse_args(argv)
    data = render(build(SHARED, args.min, tuple(args.kinds.split(","))))
    if args.check:
        same = args.out.exists() and gzip.decompress(args.out.read_bytes()) == data
        print("in step" if same else f"{args.out} differs from what the sources give")
        return 0 if same else 1
    args.out.write_bytes(gzip.compress(data, mtime=0))
    print(f"{len(data.splitlines()) - 1} names -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
