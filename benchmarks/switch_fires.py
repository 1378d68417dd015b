"""How often claim switches change anything on text the rules were never tuned on (issue 12, "count first").

    python benchmarks/switch_fires.py SWITCH[,SWITCH…] [--germeval N] [--wikinews] [--examples K]

For each switch of ``pipeline/rules/speech.yaml`` (or rule id of its ``rules:``, clm21): the claims whose speaker (span text, actor) or presence differs
when that one switch is off, everything else as in the rules. Text: SmartData v3 documents (dev+test, news and
RSS, over 300 characters) and the first N GermEval 2014 train sentences that contain a word of reporting ("sagte",
"laut", "zufolge", "sei", "soll", …), detokenised; with ``--wikinews`` the Wikinews train articles instead (tuning
text). A switch that changes nothing there fires on nothing new; the examples are for judging by hand whether the
changes are right. Each text is parsed once; the extraction runs once per switch. Reads ``../shared`` only.
"""
from __future__ import annotations

import argparse
import dataclasses
import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from unseen_roles import SHARED, smartdata_docs  # noqa: E402

REPORTING = re.compile(r"\b(sagte|sagt|erklärte|erklärt|teilte|betonte|so|laut|zufolge|Angaben|berichtete|meinte|"
                       r"kritisierte|forderte|warnte|sei|habe|soll)\b")


def germeval_sentences(n: int, shared: Path = SHARED) -> list[str]:
    """The first n GermEval 2014 train sentences with a word of reporting, tokens joined as written."""
    path = shared / "data" / "ner" / "germeval2014" / "train.bio.tsv.gz"
    if not path.exists() or n <= 0:
        return []
    out, cur = [], []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if line:
                cur.append(line.split("\t")[0])
                continue
            text = detok(cur)
            cur = []
            if text and REPORTING.search(text):
                out.append(text)
                if len(out) >= n:
                    break
    return out


def detok(toks: list[str]) -> str:
    """Tokens joined by spaces, none before closing punctuation or after an opening bracket or quotation mark."""
    out, open_quote = "", False
    for t in toks:
        glue = t in ".,;:!?)“" or out.endswith(("(", "„")) or (t == '"' and open_quote)
        out += ("" if not out or glue else " ") + t
        if t == '"':
            open_quote = not open_quote
    return out


def switched_off(rules, name: str):
    """The rules with switch ``name`` off, or, where ``name`` is a rule id of ``rules:``, that rule off."""
    R = rules["speech"]
    if name not in R.switches:
        order = {st: tuple((n, on and n != name) for n, on in pairs) for st, pairs in R.rules.items()}
        return dataclasses.replace(rules, compiled={**rules.compiled, "speech": dataclasses.replace(R, rules=order)})
    speech = dataclasses.replace(R, switches={**R.switches, name: False})
    return dataclasses.replace(rules, compiled={**rules.compiled, "speech": speech})


def speakers(doc, rules) -> dict:
    from pipeline.extract import extract
    return {(c.claim_start, c.rule_id): c for c in extract(doc, rules).claims}


def changes(text: str, on: dict, off: dict) -> list[str]:
    out = []
    for k in sorted(set(on) | set(off)):
        a, b = on.get(k), off.get(k)
        sa = (a.speaker_text, a.speaker_key) if a else "-"
        sb = (b.speaker_text, b.speaker_key) if b else "-"
        if sa != sb:
            c = a or b
            out.append(f"[{k[1]}] on={sa} off={sb}\n      {text[max(0, c.claim_start - 160):c.claim_start + 90]!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("switches", help="comma-separated switch names (or rule ids) of speech.yaml")
    ap.add_argument("--germeval", type=int, default=2000, help="GermEval train sentences with a reporting word")
    ap.add_argument("--wikinews", action="store_true", help="Wikinews train articles (tuning text) instead")
    ap.add_argument("--examples", type=int, default=20, help="changes printed per switch")
    args = ap.parse_args(argv)
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules

    nlp, _ = load_nlp(None)
    rules = load_rules()
    names = [s for s in args.switches.split(",") if s]
    rule_ids = {n for pairs in rules["speech"].rules.values() for n, _ in pairs}
    unknown = [s for s in names if s not in rules["speech"].switches and s not in rule_ids]
    if unknown:
        print(f"error: no such switch: {', '.join(unknown)}", file=sys.stderr)
        return 2
    if args.wikinews:
        from pipeline.eval_claims import load_split
        texts = [d["originalText"] for d in load_split("train")]
    else:
        texts = [d["text"] for d in smartdata_docs() if len(d["text"]) > 300] + germeval_sentences(args.germeval)
    offs = {s: switched_off(rules, s) for s in names}
    found = defaultdict(list)
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=16)):
        on = speakers(doc, rules)
        for s, off in offs.items():
            found[s] += changes(text, on, speakers(doc, off))
    print(f"{len(texts)} texts")
    for s in names:
        print(f"=== {s}: {len(found[s])} changed claims")
        for line in found[s][:args.examples]:
            print("   ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
