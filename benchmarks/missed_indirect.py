"""Gold Indirect claims of Wikinews train that no prediction is paired with, and what the rules did there (miss14).

    python benchmarks/missed_indirect.py [--offset 0] [--limit 350] [--all]

Runs the pipeline like ``python -m pipeline eval claims`` and lists each missed Indirect gold claim (no prediction paired
with it, as ``benchmarks/message_loss.py`` counts "missed") whose cue has a word of the speech lexicon (``--all``: every
missed one), marked ``DASS`` when its message opens with dass/ob; with its context, the predictions that overlap it
(paired elsewhere) and the claims a ``filter`` rule dropped there. Tuning text only (train); the causes found on
train 0-350 are in benchmarks/README.md ("Missed Indirect claims").
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def dropped_claims(log: list):
    """Replace the claims extractor's filter call by one that records (Found, filter rule) in ``log``."""
    import pipeline.extract.claims as claims_pkg

    def not_a_claim(c, f) -> bool:
        for fn in c.stages["filter"]:
            if fn(c, f):
                log.append((f, fn.__name__))
                return True
        return False
    claims_pkg.not_a_claim = not_a_claim


def missed(d: dict, preds: list[dict], golds: list[dict], forms: dict, log: list, every: bool) -> list[str]:
    from pipeline.eval_claims import pair

    paired = {j for _, j in pair(preds, golds)}
    toks = {t["id"]: t for t in d["tokens"]}
    text = d["originalText"]
    out = []
    for j, g in enumerate(golds):
        if j in paired or g["type"] != "Indirect":
            continue
        cue = [toks[i]["text"] for i in sorted(g["cue"])]
        if not every and not any(w.lower() in forms for w in cue):
            continue
        msg = [toks[i]["text"] for i in sorted(g["message"])]
        ids = g["message"] | g["cue"] | g["speaker"]
        s, e = min(toks[i]["charBegin"] for i in ids), max(toks[i]["charEnd"] for i in ids)
        mark = "DASS" if msg and msg[0].lower() in ("dass", "daß", "ob") else "v"
        out.append(f"{mark} | {d['documentName'][:40]} | cue={' '.join(cue)!r}\n"
                   f"    {text[max(0, s - 60):e + 30]!r}")
        out += [f"    overlaps {p['claim'].rule_id}: {text[p['claim'].claim_start:p['claim'].claim_end][:70]!r}"
                for p in preds if p["message"] & g["message"]]
        out += [f"    dropped by {name}: {f.rule}" for f, name in log
                if f.msg_chars and f.msg_chars[0] < e and f.msg_chars[1] > s]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--limit", type=int, default=350)
    ap.add_argument("--all", action="store_true", help="also the missed claims whose cue has no lexicon word")
    args = ap.parse_args(argv)
    from pipeline.eval_claims import TokenIndex, gold_items, load_split, pred_items
    from pipeline.extract import extract
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules

    docs = load_split("train")[args.offset:args.offset + args.limit]
    nlp, _ = load_nlp(None)
    rules = load_rules()
    log: list = []
    dropped_claims(log)
    lines = []
    for d, doc in zip(docs, nlp.pipe([d["originalText"] for d in docs], batch_size=8)):
        log.clear()
        preds = pred_items(extract(doc, rules).claims, TokenIndex(d["tokens"]))
        lines += missed(d, preds, gold_items(d), rules["speech"].forms, log, args.all)
    print("\n".join(lines))
    n = sum(1 for x in lines if not x.startswith(" "))
    print(f"{n} missed Indirect claims (dass/ob: {sum(1 for x in lines if x.startswith('DASS'))})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
