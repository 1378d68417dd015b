"""Never-tuned check of claims on SpkAtt-2023 (German Bundestag speeches), both splits, as README rows.

    python benchmarks/spkatt_check.py [--splits dev,train]

The scoring is :mod:`pipeline.eval_spkatt` (``python -m pipeline eval spkatt``; the Wikinews scorer of
:mod:`pipeline.eval_claims`); this script runs it on every split and prints the markdown rows of the README
table: message / speaker / cue F1 over all scored annotations and over the ``core`` kind (the annotations of
the kind the pipeline sets out to find, comparable with the Wikinews numbers), and per gold kind the count and
the share found. Only numbers are printed: no case is shown, nothing here is for tuning rules. Parses are
cached under ``.cache/spkatt``. Exit 0 without output when ../shared is missing.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline import eval_spkatt as E  # noqa: E402
from pipeline.eval_claims import FIELDS  # noqa: E402


def rows(split: str, res: E.Result, seconds: float) -> list[str]:
    s = res.scores
    scored = sum(s.n[k][1] for k in E.KINDS)
    preds = sum(s.n[k][0] for k in E.KINDS)
    paired = sum(s.n[k][2] for k in E.KINDS)
    f1 = " / ".join(f"{s.prf(None, f)[2]:.3f}" for f in FIELDS)
    core = " / ".join(f"{s.prf('core', f)[2]:.3f}" for f in FIELDS)
    kinds = ", ".join(f"{k} {s.n[k][1]}/{res.any_kind[k]} ({s.n[k][2] / s.n[k][1]:.2f})" for k in E.KINDS[:-1] if s.n[k][1])
    return [f"| {split} | {res.speeches} | {res.annotations} | {res.no_message} | {scored} | {preds} | {paired} "
            f"| {f1} | {core} | {seconds:.0f} s |",
            f"| {split} kinds: gold as first kind / any (share of the first found) | {kinds} |"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--splits", default="dev,train")
    args = ap.parse_args(argv)
    try:
        data = {sp: E.load_split(sp) for sp in args.splits.split(",")}
    except FileNotFoundError as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return 0
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules
    nlp, info = load_nlp()
    rules = load_rules()
    print(f"model {info.name} {info.version} ({info.source}), rules {rules.version}")
    print("| split | speeches | annotations | no message | scored | claims | paired "
          "| message / speaker / cue F1 | core kind F1 | time |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    kinds = []
    for sp, records in data.items():
        t0 = time.time()
        res = E.evaluate(records, nlp, info, rules)
        r = rows(sp, res, time.time() - t0)
        print(r[0])
        kinds.append(r[1])
    print()
    print("\n".join(kinds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
