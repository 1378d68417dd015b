"""Where Wikinews message F1 is lost, by gold type (issue 12, "count first"; wmsg14).

    python benchmarks/message_loss.py [--split train] [--offset 0] [--limit 350] [--profile wikinews] [--by-rule]

Runs the pipeline like ``python -m pipeline eval claims`` and splits the message tokens the scorer counts as lost into:
gold claims no prediction is paired with (``missed``; ``covered`` of their tokens lie in some other prediction), predictions
paired with no gold claim (``false``; ``in gold`` of their tokens lie in some other gold claim), and, for the pairs, the
gold tokens left out at the left edge, right edge and inside (``gold L/R/in``) and the predicted tokens outside the gold
span (``extra L/R/in``). Tuning text only (train); held-out splits are scored, never listed. The rules run under the
convention profile the corpus is scored under (``--profile``, default ``wikinews`` as in ``eval claims``; wik18).
``--by-rule`` adds the pairs' edges and the false claims by the predicting rule, and the gold tokens of a pair that lie in
sentences (gold sentence ids) the prediction never reaches (``gold sent``: the gold spans more sentences) and the
predicted tokens in sentences the gold never reaches (``extra sent``: the prediction runs over a sentence end).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

COLS = ("missed", "miss tok", "covered", "false", "false tok", "in gold",
        "gold L", "gold R", "gold in", "extra L", "extra R", "extra in")
RULE_COLS = ("pairs", "gold L", "gold R", "gold in", "extra L", "extra R", "extra in", "gold sent", "extra sent",
             "false", "false tok")


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


def add_rules(table: dict, preds: list[dict], golds: list[dict], sentence: dict[int, int]) -> None:
    """Per predicting rule (``claim`` of each prediction): the pairs' edge tokens as in ``add_doc``, the tokens on the
    other side of a sentence end (``sentence``: token id -> gold sentence id), and the false claims."""
    from pipeline.eval_claims import pair

    pairs = pair(preds, golds)
    for i, j in pairs:
        p, g = preds[i]["message"], golds[j]["message"]
        row = table[preds[i]["claim"].rule_id]
        row["pairs"] += 1
        for name, n in zip(("gold L", "gold R", "gold in"), edges(p, g)):
            row[name] += n
        for name, n in zip(("extra L", "extra R", "extra in"), edges(g, p)):
            row[name] += n
        ps, gs = {sentence[t] for t in p}, {sentence[t] for t in g}
        row["gold sent"] += sum(1 for t in g - p if sentence[t] not in ps)
        row["extra sent"] += sum(1 for t in p - g if sentence[t] not in gs)
    paired = {i for i, _ in pairs}
    for i, p in enumerate(preds):
        if i not in paired:
            row = table[p["claim"].rule_id]
            row["false"] += 1
            row["false tok"] += len(p["message"])


def print_rules(table: dict) -> None:
    print(f"\n{'rule':24s}" + "".join(f"{c:>10s}" for c in RULE_COLS))
    key = lambda r: -sum(table[r][c] for c in RULE_COLS[1:9] + ("false tok",))  # noqa: E731
    for r in sorted(table, key=key):
        print(f"{r:24s}" + "".join(f"{table[r][c]:10d}" for c in RULE_COLS))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="train", choices=("train",))
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--limit", type=int, default=350)
    ap.add_argument("--profile", default="wikinews", help="claims convention profile of speech.yaml ('default': none)")
    ap.add_argument("--by-rule", action="store_true", help="also the edges, sentence overruns and false claims by rule")
    args = ap.parse_args(argv)
    from pipeline.eval_claims import TYPES, TokenIndex, gold_items, load_split, pred_items
    from pipeline.extract import extract
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules, with_profile

    docs = load_split(args.split)[args.offset:args.offset + args.limit]
    nlp, _ = load_nlp(None)
    rules = with_profile(load_rules(), args.profile)
    table: dict[str, Counter] = defaultdict(Counter)
    by_rule: dict[str, Counter] = defaultdict(Counter)
    for d, doc in zip(docs, nlp.pipe([d["originalText"] for d in docs], batch_size=8)):
        preds, golds = pred_items(extract(doc, rules).claims, TokenIndex(d["tokens"])), gold_items(d)
        add_doc(table, preds, golds)
        if args.by_rule:
            add_rules(by_rule, preds, golds, {t["id"]: t["sentence"] for t in d["tokens"]})
    print(f"Wikinews {args.split}[{args.offset}:{args.offset + len(docs)}], rules {rules.version}: message tokens lost")
    print(f"{'type':21s}" + "".join(f"{c:>10s}" for c in COLS))
    for t in (*TYPES, None):
        row = Counter() if t else sum(table.values(), Counter())
        row.update(table[t] if t else {})
        print(f"{(t or 'ALL'):21s}" + "".join(f"{row[c]:10d}" for c in COLS))
    if args.by_rule:
        print_rules(by_rule)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
