"""The word sets of the entity layer, derived once from spacy-lookups-data and committed (issue 16: start-up).

The layer's vocabularies (:func:`layer.german_words`, :func:`layer.noun_lemmas`, the lexeme-probability sets,
the verb forms of the lemma table, the English sets of :mod:`persons`) used to be derived from
spacy-lookups-data's big JSON tables at first use: about 3 s of CPU and 300 MB in every process that
extracts. This module writes exactly those sets into ``data/`` (sorted, one word a line, gzip) and reads
them back lazily (about 0.1 s for all)::

    python -m pipeline.extract.actors.wordtables          # (re)build data/ from the installed spacy-lookups-data
    python -m pipeline.extract.actors.wordtables --check  # exit 1 when data/ differs from what it derives

Where a file is missing, :func:`load` returns None and the callers derive the set from spacy-lookups-data as
before (empty where that is missing too). The derivations are the callers' own ``_derive_*`` functions, so
the files hold what the code would compute; ``tests/test_wordtables.py`` checks they are in step.
"""
from __future__ import annotations

import gzip
import sys
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# file names (without .txt.gz) and what they hold; the derivations are in derive()
SETS = (
    "de_lemma_caps",          # layer.german_words()[0]
    "de_lemma_lower",         # layer.german_words()[1]
    "de_noun_lemmas",         # layer.noun_lemmas()
    "de_lemma_changed_caps",  # layer.own_lemma (capitalised forms with another lemma)
    "de_verb_forms",          # persons._verb_form
    "de_prob_lower",          # layer._de_prob_sets()[0]
    "de_prob_caps_frequent",  # layer._de_prob_sets()[1]
    "de_prob_caps_known",     # layer._de_prob_sets()[2]
    "en_lemma_words",         # persons._english(): words and table keys (english_word)
    "en_inflected",           # persons._english(): forms english_inflected accepts
    "en_prob_lower",          # persons._english_sets()[0]
    "en_prob_mostly_lower",   # persons._english_sets()[1]
)


def _path(name: str) -> Path:
    return DATA_DIR / f"{name}.txt.gz"


def _read(name: str) -> list[str] | None:
    path = _path(name)
    try:
        with gzip.open(path, "rb") as f:
            text = f.read().decode("utf-8")
    except FileNotFoundError:
        return None
    return text.split("\n") if text else []


def load(name: str) -> frozenset[str] | None:
    """The committed word set ``name`` (None where its file is missing)."""
    lines = _read(name)
    return None if lines is None else frozenset(lines)


# ----------------------------------------------------------------------------- build
def derive() -> dict[str, frozenset[str]]:
    """Every table from the installed spacy-lookups-data, by the callers' own derivations."""
    from . import layer, persons
    prob_lower, prob_freq, prob_known = layer._derive_de_prob_sets()
    caps, lows = layer._derive_german_words(prob_lower)
    en_lower, en_mostly = persons._derive_english_sets()
    en_known, en_inflected = persons._derive_english_vocab()
    table = layer.lemma_table()
    return {
        "de_lemma_caps": caps, "de_lemma_lower": lows,
        "de_noun_lemmas": layer._derive_noun_lemmas(table),
        "de_lemma_changed_caps": layer._derive_lemma_changed_caps(table), "de_verb_forms": persons._derive_verb_forms(table),
        "de_prob_lower": prob_lower, "de_prob_caps_frequent": prob_freq, "de_prob_caps_known": prob_known,
        "en_lemma_words": en_known, "en_inflected": en_inflected,
        "en_prob_lower": en_lower, "en_prob_mostly_lower": en_mostly,
    }


def _lines(value: frozenset[str]) -> list[str]:
    bad = [w for w in value if "\n" in w or w == ""]
    lines = sorted(value)
    if bad:
        raise ValueError(f"words a line-per-word file cannot hold: {bad[:5]}")
    return lines


def _lookups_version() -> str:
    from importlib.metadata import version
    return version("spacy-lookups-data")


README = """\
# Word tables of the entity layer

Derived from spacy-lookups-data {version} (MIT licence, (c) ExplosionAI GmbH,
https://github.com/explosion/spacy-lookups-data) by `python -m pipeline.extract.actors.wordtables`;
do not edit by hand. Sorted, one word a line, gzip. Where a file
is missing the code derives the set from spacy-lookups-data at first use, as before.
"""


def build(data_dir: Path | None = None) -> list[Path]:
    try:
        import spacy_lookups_data  # noqa: F401
    except ImportError:
        raise SystemExit("spacy-lookups-data is not installed: nothing to derive the word tables from")
    data_dir = data_dir or DATA_DIR
    data_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, value in derive().items():
        path = data_dir / f"{name}.txt.gz"
        raw = "\n".join(_lines(value)).encode("utf-8")
        with open(path, "wb") as fh, gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0,
                                                   compresslevel=9) as f:
            f.write(raw)
        written.append(path)
    (data_dir / "README.md").write_text(README.format(version=_lookups_version()), encoding="utf-8")
    return written


def check() -> list[str]:
    """Names of the committed tables that differ from what the installed spacy-lookups-data gives."""
    out = []
    for name, value in derive().items():
        if load(name) != value:
            out.append(name)
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse
    ap = argparse.ArgumentParser(prog="python -m pipeline.extract.actors.wordtables", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare data/ with the derivation; exit 1 if not equal")
    args = ap.parse_args(argv)
    if args.check:
        diff = check()
        print("word tables up to date" if not diff else f"word tables differ: {', '.join(diff)}")
        return 1 if diff else 0
    for path in build():
        print(f"{path.relative_to(DATA_DIR.parents[3])}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
