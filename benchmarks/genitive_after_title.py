"""Role rows whose holder is a name in the genitive right after its title (issue 12, rule genitive_principal).

    python benchmarks/genitive_after_title.py [--half tune|check|all]
                                             [--source germeval|germeval-dev|wikinews|news|mobie-train|spkatt|webdev]
                                             [--limit N]

"der Sprecher Putins", "zum Statthalter Böhmens": a proper name in the genitive (-s, -') directly after a title
names whose office it is, not its holder. This lists every title hit whose bound holder name starts right after the
title phrase and has a word in -s/-' at its end or before a noun (or follows "von"), with the sentence, so that the
rows can be judged by hand (most are names that end in -s: "Klaus", "Thomas Haas"). The rule built on it
(``genitive_principal``, commit 4918b33) changed no row on any of these sources and was dropped. Documents are split by
``unseen_roles.half_of`` (tune: looked at while writing the rule; check: only counted and judged afterwards).
Reads ``../shared`` only.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from unseen_roles import (SHARED, Parser, germeval_docs, half_of, mobie_docs, smartdata_docs,  # noqa: E402
                          wikinews_docs, _NO_SPACE_BEFORE)

GENITIVE_NAME = re.compile(r"\b[A-ZÄÖÜ][\w-]+(s|')(?=[\s,.;:)])")


def germeval_dev_docs(shared: Path = SHARED) -> list[dict]:
    path = shared / "data" / "ner" / "germeval2014" / "dev.tsv.gz"
    out, toks = [], []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in list(f) + [""]:
            if line.startswith("#"):
                continue
            if line.strip():
                toks.append(line.split("\t")[1])
            elif toks:
                text = ""
                for tok in toks:
                    text += ("" if not text or tok in _NO_SPACE_BEFORE else " ") + tok
                out.append({"id": f"germeval-dev:{hashlib.sha1(text.encode()).hexdigest()[:10]}", "text": text})
                toks = []
    return out


def _docs(source: str) -> list[dict]:
    if source == "germeval":
        return germeval_docs()
    if source == "germeval-dev":
        return germeval_dev_docs()
    if source == "wikinews":
        return wikinews_docs()
    if source == "mobie-train":
        return mobie_docs(split="train") + mobie_docs(split="dev")
    if source == "webdev":
        return [{"id": f"webdev:{f.stem}", "text": f.read_text(encoding="utf-8", errors="replace")}
                for f in sorted((SHARED / "data" / "web" / "dev" / "txt").glob("*.txt"))]
    if source == "spkatt":
        from title_types import _spkatt_docs
        return _spkatt_docs()
    return smartdata_docs() + mobie_docs()


def genitive_rows(doc, scan_hits) -> list[tuple[str, str, str]]:
    """(title, holder name, sentence) for each bound hit whose name starts right after the title phrase and is a
    genitive form."""
    out = []
    for h in scan_hits:
        if h.name is None:
            continue
        n0, n1 = h.name
        after_von = n0 - 1 >= 0 and doc[n0 - 1].lower_ in ("von", "vom") and n0 - 1 == h.end
        if not (n0 == h.end or after_von):
            continue
        if not (after_von or any(t.text.endswith(("s", "'", "’")) and (t.i == n1 - 1 or doc[t.i + 1].pos_ == "NOUN")
                                 for t in doc[n0:n1])):
            continue
        sent = doc[h.head].sent
        out.append((doc[h.start:h.end].text, doc[n0:n1].text, h.binding or "", sent.text.replace("\n", " ")))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=("tune", "check", "all"), default="tune")
    ap.add_argument("--source", default="germeval",
                    choices=("germeval", "germeval-dev", "wikinews", "news", "mobie-train", "spkatt", "webdev"))
    ap.add_argument("--limit", type=int, default=0, help="at most N documents of the half (0: all)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/unseen_roles_cache"))
    args = ap.parse_args(argv)
    from pipeline.extract.roles import Scan
    parser = Parser(args.cache)
    docs = [d for d in _docs(args.source) if args.half == "all" or half_of(d["id"]) == args.half]
    docs = [d for d in docs if GENITIVE_NAME.search(d["text"])]
    if args.limit:
        docs = docs[:args.limit]
    n = 0
    for d in docs:
        doc = parser.doc(d["text"])
        for title, name, binding, sent in genitive_rows(doc, Scan(doc, parser.rules).hits):
            n += 1
            print(f"{d['id']}\t{binding}\t{title}\t{name}\t{sent[:300]}")
    print(f"# {n} genitive names after a title in {len(docs)} documents ({args.source}, {args.half})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
