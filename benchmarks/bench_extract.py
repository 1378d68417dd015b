"""Extraction speed from parsed Docs: every extractor over the 150 Wikinews dev articles.

    python benchmarks/bench_extract.py [LABEL]

Parses the articles once (kept in /tmp/bench_docs.spacy for later runs), then times
`pipeline.extract.extract` over all of them, best of 5. To compare two code states, run the
script from each checkout in turn, alternating, on a quiet machine (results in benchmarks/README.md).
On a busy machine, compare the CPU time (``time.process_time``) more than the wall time.
"""
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path.cwd()))
SHARED = ROOT.parent / "shared"
CACHE = Path("/tmp/bench_docs.spacy")


def main() -> int:
    from spacy.tokens import DocBin

    from pipeline.extract import extract
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules
    nlp, _ = load_nlp(None)
    if not CACHE.exists():
        src = SHARED / "data" / "quotes" / "wikinews" / "dev.jsonl.gz"
        if not src.exists():
            print(f"{src} not found (../shared)", file=sys.stderr)
            return 2
        with gzip.open(src, "rt", encoding="utf-8") as f:
            texts = [json.loads(line)["originalText"] for line in f]
        db = DocBin()
        for d in nlp.pipe(texts):
            db.add(d)
        CACHE.write_bytes(db.to_bytes())
    docs = list(DocBin().from_bytes(CACHE.read_bytes()).get_docs(nlp.vocab))
    rules = load_rules()
    extract(docs[0], rules)
    best = cpu = float("inf")
    for _ in range(5):
        t, c = time.perf_counter(), time.process_time()
        for d in docs:
            extract(d, rules)
        best = min(best, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - c)
    label = sys.argv[1] if len(sys.argv) > 1 else "this checkout"
    print(f"{label}: {len(docs)} docs, best of 5: {best * 1000:.0f} ms ({best / len(docs) * 1000:.2f} ms/doc), "
          f"CPU time {cpu / len(docs) * 1000:.2f} ms/doc")
    return 0


if __name__ == "__main__":
    sys.exit(main())
