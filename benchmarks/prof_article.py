"""Profile the per-article path of a run (issue 16): from Docs parsed once (kept in the temp dir), the
CPU time per article of what a worker does after the parse: DocView, extract, rows, doc_words and the
parse-cache write (DocBin bytes + file); or a cProfile of it. Sample it with py-spy for a fair picture
(cProfile inflates every call into spaCy's Cython code)::

    python benchmarks/prof_article.py [--n 300] [--docs DOCBIN] [--repeat 3] [--profile OUT.prof]
    py-spy record -o prof.txt --format raw -- python benchmarks/prof_article.py --parts view,extract

The corpus: the first N Wikinews texts (dev, then train) of ../shared, as bench_scale.py builds it, or
the Docs of ``--docs``. To compare two checkouts, run it from each (it imports the pipeline of the
current directory), alternating.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path.cwd()))
SHARED = ROOT.parent / "shared"


def texts(n: int) -> list[str]:
    out = []
    for split in ("dev", "train"):
        with gzip.open(SHARED / "data" / "quotes" / "wikinews" / f"{split}.jsonl.gz", "rt", encoding="utf-8") as f:
            out += [json.loads(line)["originalText"] for line in f]
    return out[:n]


def mixed_texts(n: int) -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_scale
    dest = Path(tempfile.gettempdir()) / f"prof_article_mixed{n}.jsonl"
    bench_scale.mixed_corpus(n, dest)
    with dest.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--profile", default="")
    ap.add_argument("--docs", default="", help="a DocBin of parsed Docs to use (default: the first N Wikinews texts)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--parts", default="view,extract,rows,words,put,tables")
    ap.add_argument("--corpus", choices=("wikinews", "mixed"), default="wikinews",
                    help="mixed: issue 16's mixed corpus (bench_scale.py --corpus mixed)")
    args = ap.parse_args()
    from spacy.tokens import DocBin

    from pipeline.cache import DocCache
    from pipeline.extract import DocView, extract
    from pipeline.incremental import doc_words
    from pipeline.job.rows import rows_for_article
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules
    nlp, _ = load_nlp(None)
    suffix = "" if args.corpus == "wikinews" else "_mixed"
    cache = Path(args.docs or Path(tempfile.gettempdir()) / f"prof_article_docs{args.n}{suffix}.spacy")
    if not cache.exists():
        db = DocBin()
        for d in nlp.pipe(texts(args.n) if args.corpus == "wikinews" else mixed_texts(args.n), batch_size=16):
            db.add(d)
        cache.write_bytes(db.to_bytes())
    docs = list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
    rules = load_rules()
    parts = set(args.parts.split(","))
    dc = DocCache(tempfile.mkdtemp(prefix="prof_article_"), "x")

    bodies = [d.text for d in docs]          # the runner has each body text (known_text): not joined again
    try:
        from pipeline.extract.view import known_text
    except ImportError:                         # an older checkout
        known_text = None

    def one_pass():
        t = {k: 0.0 for k in ("view", "extract", "rows", "words", "put")}
        for i, d in enumerate(docs):
            if known_text is not None:
                known_text(d, bodies[i])
            c0 = time.process_time()
            view = DocView.of(d)
            c1 = time.process_time()
            ex = extract(d, rules, view)
            c2 = time.process_time()
            rows_for_article({"article_id": f"a{i}", "published_at": None}, ex, view.sentence_at)
            c3 = time.process_time()
            if "words" in parts:
                doc_words(d)
            c4 = time.process_time()
            if "put" in parts:
                dc.put(f"{i:064x}", d)
            c5 = time.process_time()
            for k, a, b in (("view", c0, c1), ("extract", c1, c2), ("rows", c2, c3), ("words", c3, c4), ("put", c4, c5)):
                t[k] += b - a
        return t

    one_pass()
    if args.profile:
        import cProfile
        cProfile.runctx("one_pass()", globals(), locals(), args.profile)
        return 0
    best = None
    for _ in range(args.repeat):
        t = one_pass()
        best = t if best is None else {k: min(best[k], t[k]) for k in t}
    total = sum(best.values())
    print(f"{len(docs)} docs, {sum(map(len, docs))} tokens; CPU ms/doc (best of {args.repeat}): " +
          ", ".join(f"{k} {v / len(docs) * 1000:.2f}" for k, v in best.items()) + f"; total {total / len(docs) * 1000:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
