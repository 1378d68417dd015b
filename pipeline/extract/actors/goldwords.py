"""Common nouns of the open NER gold (per14, issue 12): ``data/open_gold_common_nouns.txt.gz``.

Capitalised words that GermEval 2014 **train** (NoSta-D, Benikova et al., LREC 2014; CC BY 4.0) has at least
``MIN_COUNT`` times outside every entity and not first in a sentence, never inside a gold person's name, that are
among the frequent capitalised words of the vocabulary (:func:`layer.frequent_capitalised`) and are no noun lemma of
:func:`layer.noun_lemmas` (those are known already), no first name and no one-word known person of ``actors.yaml``:
nouns the lemma table misses ("Dauer", "Schock", "Menü"). Only the words are kept, no text. Read by
``persons.per_frequent_noun``::

    python -m pipeline.extract.actors.goldwords           # (re)write the file from ../shared
    python -m pipeline.extract.actors.goldwords --check   # exit 1 when the file differs from what it derives
"""
from __future__ import annotations

import collections
import gzip
import os
import sys
from functools import lru_cache
from pathlib import Path

NAME = "open_gold_common_nouns"
PATH = Path(__file__).resolve().parent / "data" / f"{NAME}.txt.gz"
MIN_COUNT = 3
SHARED = Path(os.environ.get("PIPELINE_SHARED", Path(__file__).resolve().parents[3].parent / "shared"))


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """The committed set (empty where the file is missing)."""
    try:
        with gzip.open(PATH, "rt", encoding="utf-8") as f:
            return frozenset(w for w in f.read().split("\n") if w)
    except FileNotFoundError:
        return frozenset()


def _germeval_counts(path: Path) -> tuple[collections.Counter, set[str]]:
    outside, person = collections.Counter(), set()
    first = True
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                first = True
                continue
            tok, tag = parts[0], parts[-1]
            if tag == "O" and not first:
                outside[tok] += 1
            elif tag.endswith("PER"):
                person.add(tok)
            first = False
    return outside, person


def derive(shared: Path = SHARED) -> frozenset[str]:
    from pipeline.ruleset import load_rules

    from .layer import frequent_capitalised, noun_lemmas
    outside, person = _germeval_counts(shared / "data" / "ner" / "germeval2014" / "train.bio.tsv.gz")
    ar = load_rules().get("actors")
    known = noun_lemmas() | ar.evidence_given | ar.known_persons | person
    freq = frequent_capitalised()
    return frozenset(w for w, c in outside.items() if c >= MIN_COUNT and w.isalpha() and w[:1].isupper()
                     and w[1:].islower() and w in freq and w not in known)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    words = derive()
    if "--check" in argv:
        same = words == common_nouns()
        print("in step" if same else f"{PATH} differs from what ../shared derives")
        return 0 if same else 1
    PATH.write_bytes(gzip.compress("\n".join(sorted(words)).encode("utf-8"), mtime=0))
    print(f"{PATH}: {len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
