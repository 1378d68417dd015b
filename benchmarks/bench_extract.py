"""Extraction speed from parsed Docs: every extractor over the 150 Wikinews dev articles.

    python benchmarks/bench_extract.py [LABEL]
    python benchmarks/bench_extract.py --stages [--repeat 5] [--docs DOCBIN] [LABEL]

``--stages``: the CPU time (``time.process_time``) of each extractor of ``pipeline.extract.EXTRACTORS``
(title_scan, mentions, actors, roles, claims) per Doc, best of ``--repeat`` passes for each stage; the
stage times of the entity layer (mentions + actors) are what issue 16's "spd10" round compared.
``--docs DOCBIN``: time these parsed Docs instead (e.g. the 300 mixed articles of
``prof_article.py --corpus mixed``, cached as /tmp/prof_article_docs300_mixed.spacy).

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
    args = sys.argv[1:]
    cache = CACHE
    if "--docs" in args:
        k = args.index("--docs")
        cache = Path(args[k + 1])
        del args[k:k + 2]
    if not cache.exists():
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
    docs = list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
    rules = load_rules()
    extract(docs[0], rules)
    if "--stages" in args:
        args.remove("--stages")
        repeat = 5
        if "--repeat" in args:
            k = args.index("--repeat")
            repeat = int(args[k + 1])
            del args[k:k + 2]
        return stages(docs, rules, repeat, args[0] if args else "this checkout")
    best = cpu = float("inf")
    for _ in range(5):
        t, c = time.perf_counter(), time.process_time()
        for d in docs:
            extract(d, rules)
        best = min(best, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - c)
    label = args[0] if args else "this checkout"
    print(f"{label}: {len(docs)} docs, best of 5: {best * 1000:.0f} ms ({best / len(docs) * 1000:.2f} ms/doc), "
          f"CPU time {cpu / len(docs) * 1000:.2f} ms/doc")
    return 0


def stages(docs, rules, repeat: int, label: str) -> int:
    """CPU ms per Doc of each extractor, best of ``repeat`` passes (a pass runs every extractor over every Doc,
    as :func:`pipeline.extract.extract` does, timing each one)."""
    from pipeline.extract import EXTRACTORS, ExtractContext
    from pipeline.extract import tags as _tags
    from pipeline.extract.view import forget_doc
    best: dict[str, float] = {}
    for _ in range(repeat):
        t = {name: 0.0 for name, _ in EXTRACTORS}
        for d in docs:
            forget_doc()                                  # as extract() does
            _tags.normalise_tags(d, rules.get("tags"))
            c = ExtractContext(d, rules, None)
            for name, run in EXTRACTORS:
                c0 = time.process_time()
                run(c)
                t[name] += time.process_time() - c0
        best = t if not best else {k: min(best[k], t[k]) for k in t}
    n = len(docs)
    print(f"{label}: {n} docs, CPU ms/doc (best of {repeat} per stage): " +
          ", ".join(f"{k} {v / n * 1000:.2f}" for k, v in best.items()) +
          f"; mentions+actors {(best['mentions'] + best['actors']) / n * 1000:.2f}"
          f"; total {sum(best.values()) / n * 1000:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
