"""Where Wikinews message F1 is lost, by gold type (issue 12, "count first"; wmsg14).

    python benchmarks/message_loss.py [--split train] [--offset 0] [--limit 350]

Runs the pipeline like ``python -m pipeline eval claims`` and splits the message tokens the scorer counts as lost into:
gold claims no prediction is paired with (``missed``; ``covered`` of their tokens lie in some other prediction), predictions
paired with no gold claim (``false``; ``in gold`` of their tokens lie in some other gold claim), and, for the pairs, the
gold tokens left out at the left edge, right edge and inside (``gold L/R/in``) and the predicted tokens outside the gold
span (``extra L/R/in``). Tuning text only (train); held-out splits are scored, never listed.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

COLS = ("missed", "miss tok", "covered", "false", "false tok", "in gold",
        "gold L", "gold R", "gold in", "extra L", "extra R", "extra in")


def edges(inner: frozenset[int], outer: frozenset[int]) -> tuple[int, int, int]:
    """Tokens of ``outer`` not in ``inner``: before inner's first token, after its last, between."""
    rest = outer - inner
    lo, hi = min(inner), max(inner)
    left = sum(1 for t in rest if t < lo)
    right = sum(1 for t in rest if t > hi)
    return left, right, len(rest) - left - right


def add_doc(table: dict, preds: list[dict], golds: list[dict]) -> None:
    from pipeline.eval_claims import pair

    pairs = pair(preds, golds)
    paired_p, paired_g = {i for i, _ in pairs}, {j for _, j in pairs}
    all_pred = frozenset().union(*(p["message"] for p in preds)) if preds else frozenset()
    all_gold = frozenset().union(*(g["message"] for g in golds)) if golds else frozenset()
    for j, g in enumerate(golds):
        if j not in paired_g:
            row = table[g["type"]]
            row["missed"] += 1
            row["miss tok"] += len(g["message"])
            row["covered"] += len(g["message"] & all_pred)
    for i, p in enumerate(preds):
        if i not in paired_p:
            row = table[p["type"]]
            row["false"] += 1
            row["false tok"] += len(p["message"])
            row["in gold"] += len(p["message"] & all_gold)
    for i, j in pairs:
        p, g = preds[i]["message"], golds[j]["message"]
        row = table[golds[j]["type"]]
        for name, n in zip(("gold L", "gold R", "gold in"), edges(p, g)):
            row[name] += n
        for name, n in zip(("extra L", "extra R", "extra in"), edges(g, p)):
            row[name] += n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="train", choices=("train",))
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--limit", type=int, default=350)
    args = ap.parse_args(argv)
    from pipeline.eval_claims import TYPES, TokenIndex, gold_items, load_split, pred_items
    from pipeline.extract import extract
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules

    docs = load_split(args.split)[args.offset:args.offset + args.limit]
    nlp, _ = load_nlp(None)
    rules = load_rules()
    table: dict[str, Counter] = defaultdict(Counter)
    for d, doc in zip(docs, nlp.pipe([d["originalText"] for d in docs], batch_size=8)):
        add_doc(table, pred_items(extract(doc, rules).claims, TokenIndex(d["tokens"])), gold_items(d))
    print(f"Wikinews {args.split}[{args.offset}:{args.offset + len(docs)}]: message tokens lost")
    print(f"{'type':21s}" + "".join(f"{c:>10s}" for c in COLS))
    for t in (*TYPES, None):
        row = Counter() if t else sum(table.values(), Counter())
        row.update(table[t] if t else {})
        print(f"{(t or 'ALL'):21s}" + "".join(f"{row[c]:10d}" for c in COLS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
