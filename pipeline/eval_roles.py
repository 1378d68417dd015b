"""Evaluate actor-role extraction against the gold in tests/gold/roles/.

    python -m pipeline.eval_roles [--gold DIR] [--shared DIR] [--model SPEC] [-v]

Prints precision and recall of (actor, role, organization, status) tuples per
article and over all articles (micro average). Gold whose source is a Wikinews
article needs ``../shared`` (skipped with a message when it is missing).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "gold" / "roles"
SHARED = Path(os.environ.get("PIPELINE_SHARED", ROOT.parent / "shared"))

Tuple4 = tuple[str, str, str | None, str]


def norm_tuple(actor: str, role: str, org: str | None, status: str) -> Tuple4:
    n = lambda s: " ".join(str(s).replace("’", "'").split()).casefold()  # noqa: E731
    return (n(actor), n(role), n(org) if org not in (None, "", "null") else None, n(status))


@dataclass
class GoldDoc:
    name: str
    source: str
    roles: set[Tuple4]


def load_gold(gold_dir: Path = GOLD_DIR) -> list[GoldDoc]:
    out = []
    for p in sorted(Path(gold_dir).glob("*.yaml")):
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
        roles = {norm_tuple(*r) for r in data.get("roles") or []}
        out.append(GoldDoc(p.stem, data["source"], roles))
    return out


_WIKINEWS: dict[str, dict[str, str]] = {}


def source_text(source: str, shared: Path = SHARED) -> str | None:
    """Body text for a gold source, or None if the data is not available."""
    if source.startswith("wikinews:"):
        _, split, doc_id = source.split(":", 2)
        path = shared / "data" / "quotes" / "wikinews" / f"{split}.jsonl.gz"
        if not path.exists():
            return None
        if split not in _WIKINEWS:
            docs = {}
            with gzip.open(path, "rt", encoding="utf-8") as f:
                for line in f:
                    d = json.loads(line)
                    docs[d["documentName"].split(" - ", 1)[0].strip()] = d["originalText"]
            _WIKINEWS[split] = docs
        return _WIKINEWS[split].get(doc_id)
    rel, _, index = source.partition("#")
    path = ROOT / rel
    if not path.exists():
        return None
    from pipeline.ingest import read_file
    articles = [a for a in read_file(path) if hasattr(a, "body_text")]
    n = int(index or 0)
    return articles[n].body_text if n < len(articles) else None


def predicted_tuples(text: str, nlp, rules) -> set[Tuple4]:
    from pipeline.extract import extract
    ex = extract(nlp(text), rules)
    names = {a.key: a.name for a in ex.actors}
    return {norm_tuple(names[r.actor_key], r.role, r.organization, r.status)
            for r in ex.roles if r.actor_key in names}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(nlp, rules, gold_dir: Path = GOLD_DIR, shared: Path = SHARED,
             verbose: bool = False, out=sys.stdout, loose: Score | None = None
             ) -> tuple[Score, dict[str, Score], list[str]]:
    """Micro P/R over all gold articles. ``loose`` (if given) collects (actor, role) pairs only."""
    total = Score()
    per: dict[str, Score] = {}
    skipped: list[str] = []
    for g in load_gold(gold_dir):
        text = source_text(g.source, shared)
        if text is None:
            skipped.append(g.name)
            continue
        pred = predicted_tuples(text, nlp, rules)
        s = Score(len(pred & g.roles), len(pred - g.roles), len(g.roles - pred))
        per[g.name] = s
        total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
        if loose is not None:
            lp, lg = {t[:2] for t in pred}, {t[:2] for t in g.roles}
            loose.tp, loose.fp, loose.fn = loose.tp + len(lp & lg), loose.fp + len(lp - lg), loose.fn + len(lg - lp)
        if verbose:
            for t in sorted(pred - g.roles, key=str):
                print(f"  {g.name}  FP {t}", file=out)
            for t in sorted(g.roles - pred, key=str):
                print(f"  {g.name}  FN {t}", file=out)
    return total, per, skipped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.eval_roles", description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD_DIR, help="gold directory (default: tests/gold/roles)")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder (default: ../shared)")
    ap.add_argument("--model", default=None, help="spaCy pipeline name or path (default: pipeline.nlp search order)")
    ap.add_argument("--rules", type=Path, default=None, help="rules directory (default: pipeline/rules)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list false positives and negatives")
    ap.add_argument("--only", default=None, help="evaluate only gold files whose name starts with this")
    args = ap.parse_args(argv)
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules
    nlp, info = load_nlp(args.model)
    rules = load_rules(args.rules)
    gold_dir = args.gold
    if args.only:
        import shutil
        import tempfile
        tmp = Path(tempfile.mkdtemp(prefix="gold_"))
        for p in Path(args.gold).glob(f"{args.only}*.yaml"):
            shutil.copy(p, tmp / p.name)
        gold_dir = tmp
    loose = Score()
    total, per, skipped = evaluate(nlp, rules, gold_dir, args.shared, args.verbose, loose=loose)
    print(f"model {info.name} {info.version}  rules {rules.version}")
    print(f"{'article':<24} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6}")
    for name, s in per.items():
        print(f"{name:<24} {s.tp + s.fn:>5} {s.tp + s.fp:>5} {s.precision:>6.3f} {s.recall:>6.3f}")
    print(f"{'ALL (micro)':<24} {total.tp + total.fn:>5} {total.tp + total.fp:>5} "
          f"{total.precision:>6.3f} {total.recall:>6.3f}  F1 {total.f1:.3f}")
    print(f"{'loose (actor, role)':<24} {loose.tp + loose.fn:>5} {loose.tp + loose.fp:>5} "
          f"{loose.precision:>6.3f} {loose.recall:>6.3f}  F1 {loose.f1:.3f}")
    if skipped:
        print(f"skipped (source data not found, e.g. {args.shared} missing): {', '.join(skipped)}")
    if not per:
        print("no gold article could be evaluated", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
