"""A sampling profile of the extraction (issue 16), for machines without py-spy or pyinstrument.

    python benchmarks/prof_sample.py [--docs DOCBIN] [--passes 6] [--top 40] [--freeze]

Every 0.5 ms of CPU time (``ITIMER_PROF``; the kernel rounds it to its tick, 4 ms here) the stack of the running extraction is read: the innermost
frame of ``pipeline`` code gets one "self" sample (by function and by line), every distinct ``pipeline``
function on the stack one "cumulative" sample. Unlike cProfile, nothing is added per call, so spaCy's
Cython attribute reads (``Token.text``, ``pos_``: 0.3-0.7 µs each) count in the line that makes them,
and call-heavy Python code is not inflated (cProfile ran 6.5x slower and made ``Doc.__getitem__`` and
``Token`` creation its top two entries by self time; spaCy's Cython code has no Python frame, so here its
cost shows in the pipeline line that calls it). Docs: ``--docs`` (a DocBin, e.g. the 300 ``mixed`` Docs of
``prof_article.py``) or bench_extract.py's 150 Wikinews dev Docs (``/tmp/bench_docs.spacy``).
``--freeze``: ``gc.freeze()`` after loading, as the runner's workers have it (``job.util.gc_frozen``);
without it the cyclic GC's passes over the loaded rules and model add about a tenth to the extraction.
"""
from __future__ import annotations

import argparse
import collections
import gc
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))


def _short(path: str) -> str:
    return path.split("pipeline/")[-1]


class Sampler:
    def __init__(self):
        self.n = 0
        self.self_fn: collections.Counter = collections.Counter()
        self.self_line: collections.Counter = collections.Counter()
        self.cum_fn: collections.Counter = collections.Counter()

    def __call__(self, _sig, frame) -> None:
        self.n += 1
        inner, seen = True, set()
        while frame is not None:
            code = frame.f_code
            if "pipeline" in code.co_filename:
                key = f"{_short(code.co_filename)}:{code.co_name}"
                if inner:
                    self.self_fn[key] += 1
                    self.self_line[f"{_short(code.co_filename)}:{frame.f_lineno} {code.co_name}"] += 1
                    inner = False
                if key not in seen:
                    self.cum_fn[key] += 1
                    seen.add(key)
            frame = frame.f_back

    def report(self, top: int) -> None:
        print(f"{self.n} samples")
        for title, counter in (("self, by function", self.self_fn), ("self, by line", self.self_line),
                               ("cumulative, by function", self.cum_fn)):
            print(f"--- {title}")
            for key, k in counter.most_common(top):
                print(f"{100 * k / max(self.n, 1):5.1f} %  {key}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", default="/tmp/bench_docs.spacy")
    ap.add_argument("--passes", type=int, default=6)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--freeze", action="store_true")
    args = ap.parse_args()
    import spacy
    from spacy.tokens import DocBin

    from pipeline.extract import extract
    from pipeline.ruleset import load_rules
    if not Path(args.docs).exists():
        print(f"{args.docs} not found (run benchmarks/bench_extract.py once)", file=sys.stderr)
        return 2
    docs = list(DocBin().from_bytes(Path(args.docs).read_bytes()).get_docs(spacy.blank("de").vocab))
    rules = load_rules()
    try:
        from pipeline.extract.view import known_text
    except ImportError:                     # an older checkout
        def known_text(_doc, _text):
            return None
    bodies = [d.text for d in docs]         # the runner has each body text (known_text): not joined again

    def one(d, body):
        known_text(d, body)
        extract(d, rules)
    for d, body in zip(docs, bodies):
        one(d, body)                        # memos and word tables filled, as in a worker after its first batch
    if args.freeze:
        gc.freeze()
    sampler = Sampler()
    signal.signal(signal.SIGPROF, sampler)
    signal.setitimer(signal.ITIMER_PROF, 0.0005, 0.0005)
    cpu = time.process_time()
    for _ in range(args.passes):
        for d, body in zip(docs, bodies):
            one(d, body)
    cpu = time.process_time() - cpu
    signal.setitimer(signal.ITIMER_PROF, 0, 0)
    print(f"{len(docs)} docs x {args.passes} passes, {cpu / len(docs) / args.passes * 1000:.2f} ms CPU a doc")
    sampler.report(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
