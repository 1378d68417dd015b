"""All accuracy gates in one report, with pinned floors: ``python -m pipeline eval``.

    python -m pipeline eval [--floors FILE] [--model SPEC] [--rules DIR]

Runs, with the model and rules in use:
- roles gold (tests/gold/roles: seed, corpus and Wikinews articles): P/R/F1 of (actor, role, org, status);
- Wikinews quotation corpus, dev split: message / speaker / cue F1;
- the modern-news gold (tests/gold/web), dev and held-out pages separately: claims found, found with the
  right speaker, claim precision, roles found, with the right organisation, role precision;
- the hand-written check set (tests/gold/synth, ``eval synth``), tune and check articles separately: the same
  measures with person precision, organisations found and organisations taken for persons. Until the set has
  floors its numbers are reported and never fail; without any tests/gold/synth/*.yaml the gate says so and passes.

Every number has a floor in ``tests/gold/floors.yaml`` (measured values, rounded down; raise them when the
rules improve, never lower them to make a change pass). Exit code 1 when a measure is below its floor, 2
when ../shared is missing (the Wikinews and web data live there).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "tests" / "gold" / "floors.yaml"


def measure(nlp, rules, shared: Path, synth_dir: Path | None = None) -> dict[str, dict[str, float]]:
    """{gate: {measure: value}} for every gate whose data is available."""
    from pipeline import eval_claims, eval_roles, eval_synth, eval_web
    out: dict[str, dict[str, float]] = {}
    loose = eval_roles.Score()
    total, _, skipped = eval_roles.evaluate(nlp, rules, shared=shared, loose=loose)
    out["roles"] = {"precision": total.precision, "recall": total.recall, "f1": total.f1,
                    "loose_f1": loose.f1}
    try:
        docs = eval_claims.load_split("dev", shared / "data" / "quotes" / "wikinews")
    except FileNotFoundError:
        docs = []
    if docs:
        from pipeline.ruleset import with_profile
        s = eval_claims.evaluate(docs, nlp, with_profile(rules, eval_claims.PROFILE))
        out["wikinews_dev"] = {f: s.prf(None, f)[2] for f in ("message", "speaker", "cue")}
    totals, logs, _ = eval_web.evaluate(nlp, rules, shared=shared)
    if logs:
        for split in ("dev", "heldout"):
            if totals.get(split) is not None and totals[split].gold:
                out[f"web_{split}"] = totals[split].measures()
    totals, _ = eval_synth.evaluate(nlp, rules, synth_dir or eval_synth.GOLD_DIR)
    for split in eval_synth.SPLITS:
        if totals[split].gold or totals[split].roles_gold or totals[split].orgs:
            out[f"synth_{split}"] = totals[split].measures()
    return out


# Shares where lower is better: their number in floors.yaml is a ceiling.
CEILINGS = {"orgs_as_persons"}


def below(m: str, v: float, floor: float) -> bool:
    return v - 1e-9 > floor if m in CEILINGS else v + 1e-9 < floor


def check(values: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> list[str]:
    """Lines 'gate.measure value < floor' for every measure below its floor ('> ceiling' for a share where lower
    is better, :data:`CEILINGS`); missing gates are skipped."""
    bad = []
    for gate, fl in floors.items():
        for m, floor in fl.items():
            v = values.get(gate, {}).get(m)
            if v is not None and below(m, v, floor):
                bad.append(f"{gate}.{m} {v:.3f} {'> ceiling' if m in CEILINGS else '< floor'} {floor:.3f}")
    return bad


def synth_notes(values: dict[str, dict[str, float]], floors: dict, synth_dir: Path | None) -> list[str]:
    """What the synth gates say besides their numbers: no gold files yet, or no floors yet (reported only)."""
    from pipeline import eval_synth
    d = synth_dir or eval_synth.GOLD_DIR
    if not any(d.glob("*.yaml")):
        return [f"synth: no gold files in {d} (*.yaml): nothing to score, the gate passes"]
    return [f"{g}: no floors in {FLOORS.name} yet: reported, not checked"
            for g in (f"synth_{s}" for s in eval_synth.SPLITS) if g in values and not floors.get(g)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline eval", description=__doc__.split("\n")[0])
    ap.add_argument("--floors", type=Path, default=FLOORS)
    ap.add_argument("--model", default=None)
    ap.add_argument("--rules", type=Path, default=None)
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--synth", type=Path, default=None, help="the synth gold folder (default tests/gold/synth)")
    args = ap.parse_args(argv)
    from pipeline.eval_web import SHARED
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules
    shared = args.shared or SHARED
    if not shared.exists():
        print(f"{shared} not found: the evaluation data lives in ../shared (see README)", file=sys.stderr)
        return 2
    nlp, info = load_nlp(args.model)
    rules = load_rules(args.rules)
    values = measure(nlp, rules, shared, args.synth)
    floors = yaml.safe_load(args.floors.read_text(encoding="utf-8")) or {}
    print(f"model {info.name} {info.version} ({info.source})  rules {rules.version}")
    print(f"{'gate':<14} {'measure':<22} {'value':>7} {'floor':>7}")
    for gate, ms in values.items():
        for m, v in ms.items():
            f = floors.get(gate, {}).get(m)
            flag = "  BELOW" if f is not None and below(m, v, f) else ""
            print(f"{gate:<14} {m:<22} {v:>7.3f} {'' if f is None else f'{f:.3f}':>7}{flag}")
    for line in synth_notes(values, floors, args.synth):
        print(line)
    bad = check(values, floors)
    for line in bad:
        print("below floor:", line, file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
