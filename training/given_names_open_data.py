"""First names from open NER data, for actors.yaml ``given_names_open_data`` (role21b, issue 12).

Sources (../shared/data/ner, see shared/README.md): GermEval 2014 train + dev (CC BY 4.0, Benikova et al. 2014) and
DFKI SmartData v3 dev + test (CC BY 4.0). A word is a first name when it is the first token of a multi-token PER
span at least ``--min`` times, never the last token of a PER span (no surname), at least ``--ratio`` of all its
capitalised occurrences in GermEval are such first tokens (so no title or common noun that opens a name), it is
never written lower-case in GermEval, and it is not yet in actors.yaml's first-name lists. No synth gold is read.

    python training/given_names_open_data.py            # prints the YAML list
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "ner"
ACTORS = ROOT / "pipeline" / "rules" / "actors.yaml"
WORD = re.compile(r"^[A-ZÄÖÜ][a-zäöüßàáâãçèéêëìíîïñòóôõúùûýćčěłńřśšźžğışăţ]+(-[A-ZÄÖÜ][a-zäöüßàáâçèéêëíîïñóôúûčěřšž]+)?$")
_ENTITY = re.compile(r'<Entity [^>]*type=\\?"person\\?"[^>]*surface=\\?"([^"\\]+)')


def germeval_sentences():
    """(tokens, tags) per sentence of GermEval train (BIO) and dev (4 columns, outer level)."""
    for name, cols in (("train.bio.tsv.gz", (0, 1)), ("dev.tsv.gz", (1, 2))):
        toks, tags = [], []
        with gzip.open(SHARED / "germeval2014" / name, "rt", encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if line.startswith("#") or len(parts) <= max(cols):
                    if toks:
                        yield toks, tags
                    toks, tags = [], []
                    continue
                toks.append(parts[cols[0]])
                tags.append(parts[cols[1]])
        if toks:
            yield toks, tags


def germeval_spans(toks, tags):
    span: list[str] = []
    for t, g in zip(toks, tags):
        if g == "B-PER" or (g == "I-PER" and not span):
            if span:
                yield span
            span = [t]
        elif g == "I-PER":
            span.append(t)
        else:
            if span:
                yield span
            span = []
    if span:
        yield span


def smartdata_spans():
    for name in ("v3_dev.json.gz", "v3_test.json.gz"):
        path = SHARED / "smartdata" / name
        if path.exists():
            raw = gzip.open(path, "rt", encoding="utf-8").read()
            for m in _ENTITY.finditer(raw):
                yield m.group(1).split()


def known_names() -> set[str]:
    data = yaml.safe_load(ACTORS.read_text(encoding="utf-8"))
    return {str(n) for k in ("given_names", "given_names_extra", "common_given_names") for n in data.get(k) or []}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min", type=int, default=2)
    ap.add_argument("--ratio", type=float, default=0.7)
    args = ap.parse_args(argv)
    if not SHARED.exists():
        print(f"{SHARED} is missing (the shared data folder next to the checkout)", file=sys.stderr)
        return 1
    first, last, caps, lower = (collections.Counter() for _ in range(4))
    for toks, tags in germeval_sentences():
        for t in toks:
            (lower if t[:1].islower() else caps)[t if t[:1].isupper() else t.capitalize()] += 1
        for span in germeval_spans(toks, tags):
            if len(span) > 1:
                first[span[0]] += 1
            last[span[-1]] += 1
    for span in smartdata_spans():
        if len(span) > 1:
            first[span[0]] += 1
        last[span[-1]] += 1
    known = known_names()
    out = {w for w, n in first.items()
           if n >= args.min and WORD.match(w) and not last[w] and not lower[w] and w not in known
           and n >= args.ratio * max(caps[w], 1) and not (w.endswith("s") and w[:-1] in known)}
    # a double first name whose two parts are first names ("Klaus-Dieter", "Jan-Erik"), once is enough
    out |= {w for w in first if "-" in w and WORD.match(w) and not last[w] and w not in known
            and all(p in known or p in out for p in w.split("-"))}
    out = sorted(out)
    print(f"# {len(out)} first names (GermEval 2014 train+dev, SmartData v3 dev+test; CC BY 4.0)", file=sys.stderr)
    print(yaml.safe_dump({"given_names_open_data": out}, allow_unicode=True, width=110, default_flow_style=None))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
