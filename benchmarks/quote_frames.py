"""Quotation frames on unlabelled text (issue 12, qframe14): where do the quote rules that read a frame without a speech
verb fire, and with which speaker?

    python benchmarks/quote_frames.py [--pool germeval|germeval-dev|news|ud|all] [--rules quote_frame_verb,quote_colon] [-v]

Pools (no claim gold; read in place from ../shared): GermEval 2014 train sentences (``germeval``, where quote_frame_verb
was built), GermEval 2014 dev sentences (``germeval-dev``), SmartData v3 news and MobIE documents over 300 characters
(``news``), the sentences of UD German GSD dev/test and PUD (``ud``). Only texts with a closing quotation mark before a
comma or a colon before an opening mark are parsed. GermEval and UD write straight quotation marks apart from the words
(`" Das ist gut " , lachte er`); they are turned into „…“ first, as a news page writes them, or no quote rule sees a
quotation. Prints the count per rule and pool; with -v each claim with its speaker, cue and the text around it, for judging
by hand.
"""
from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from genitive_after_title import germeval_dev_docs  # noqa: E402
from unseen_roles import SHARED, Parser, germeval_docs, mobie_docs, smartdata_docs  # noqa: E402

CANDIDATE = re.compile(r'[“"«»]\s*,\s*[a-zäöü]|:\s*[„"»«]')


def curly(text: str) -> str:
    """`" Das ist gut "` and `« … »` (quotation marks set apart from the words) as „Das ist gut“."""
    text = re.sub(r'"\s+([^"]*?)\s+"', r"„\1“", text)
    text = re.sub(r"«\s+([^«»]*?)\s+»", r"„\1“", text)
    return re.sub(r"»\s+([^«»]*?)\s+«", r"„\1“", text)


def ud_sentences() -> list[dict]:
    out = []
    for name in ("de_gsd-ud-dev", "de_gsd-ud-test", "de_pud-ud-test"):
        with gzip.open(SHARED / "data" / "syntax" / "ud_german" / f"{name}.conllu.gz", "rt", encoding="utf-8") as f:
            out += [{"id": f"{name}:{i}", "text": line[9:].strip()} for i, line in enumerate(f) if line.startswith("# text = ")]
    return out


POOLS = {
    "germeval": lambda: germeval_docs(),
    "germeval-dev": germeval_dev_docs,
    "news": lambda: [d for d in smartdata_docs() + mobie_docs() if len(d["text"]) > 300],
    "ud": ud_sentences,
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pool", choices=(*POOLS, "all"), default="all")
    ap.add_argument("--rules", default="quote_frame_verb,quote_colon")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/unseen_roles_cache"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    wanted = set(args.rules.split(","))
    if not (SHARED / "data").exists():
        print(f"no shared data at {SHARED}: nothing to count", file=sys.stderr)
        return 2
    parser = Parser(args.cache)
    for pool in POOLS if args.pool == "all" else (args.pool,):
        docs = [{"id": d["id"], "text": curly(d["text"])} for d in POOLS[pool]()]
        docs = [d for d in docs if CANDIDATE.search(d["text"])]
        counts = Counter()
        for d in docs:
            text = d["text"]
            for c in parser.extract(text)[1].claims:
                if c.rule_id not in wanted:
                    continue
                counts[c.rule_id] += 1
                if args.verbose:
                    sp = text[c.speaker_start:c.speaker_end] if c.speaker_start is not None else None
                    ctx = text[max(0, c.claim_start - 120):c.claim_end + 80].replace("\n", "/")
                    print(f"  {c.rule_id} | speaker {sp!r} | cue {c.cue_text!r} | {d['id']}\n      {ctx}")
        print(f"{pool}: {len(docs)} texts with a candidate frame; " + ", ".join(f"{r} {counts[r]}" for r in sorted(wanted)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
