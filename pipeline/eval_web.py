"""Score claims and roles on the modern-news gold (tests/gold/web/, pages in ../shared/data/web/dev/html).

    python -m pipeline eval web [--split dev|heldout|all] [--model SPEC] [--rules DIR] [-v] [--only PREFIX]

The gold was annotated by hand on the body text the pipeline ingests from each HTML page (see
tests/gold/web/README.md). Measures, as in issue 12:

- claims found: gold claims paired with a predicted claim (the predicted span covers at least half of
  the gold content, or the gold content covers at least half of the prediction), one-to-one, greedy by
  overlap;
- found with the right speaker: of those, the predicted speaker (the speaker actor's name, else the
  speaker text) names the gold speaker (same words up to order, genitive -s and case, or one name's
  words contained in the other's: "Merz" = "Friedrich Merz", "Siemens" = "Siemens AG"); a gold claim
  without a speaker (speaker_kind none) wants a prediction without one;
- claim precision: predictions that overlap some gold content (by the same half rule) / all predictions;
- roles found: gold (actor, role) pairs predicted; with the right organisation: (actor, role,
  organisation); role precision: predicted (actor, role) pairs in the gold. Actor names match as
  speakers do; roles and organisations after case folding (organisations also by contained words).

- person precision (:func:`person_precision`): of the person actors of the pages, the share that name a
  person, by the hand labels of ``persons.yaml`` (only labelled names are scored; unlabelled ones are listed).

Gold content that is no longer in the body (ingestion changed) counts as missed and is listed.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "gold" / "web"
SHARED = Path(os.environ.get("PIPELINE_SHARED", ROOT.parent / "shared"))
PAGES = Path("data") / "web" / "dev" / "html"
_WORD = re.compile(r"[\w\-]+")
NOT_PAGES = ("split.yaml", "persons.yaml")


# ----------------------------------------------------------------------------- gold
@dataclass
class GoldClaim:
    speaker: str | None
    speaker_kind: str
    cue: str | None
    content: str
    type: str


@dataclass
class GoldPage:
    name: str
    file: str
    split: str
    claims: list[GoldClaim]
    roles: list[tuple[str, str, str | None, str]]


def load_gold(gold_dir: Path = GOLD_DIR) -> list[GoldPage]:
    pages = []
    for p in sorted(gold_dir.glob("*.yaml")):
        if p.name in NOT_PAGES:
            continue
        d = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        src = str(d.get("source", ""))
        if not src.startswith("web:dev:"):
            raise ValueError(f"{p.name}: source must be web:dev:<file>, got {src!r}")
        pages.append(GoldPage(p.stem, src.split(":", 2)[2], d.get("split", "dev"), gold_claims(d),
                              gold_roles(p.name, d)))
    return pages


def gold_claims(d: dict) -> list[GoldClaim]:
    """The ``claims`` of one gold file (also tests/gold/synth, :mod:`pipeline.eval_synth`)."""
    return [GoldClaim(c.get("speaker"), c.get("speaker_kind", "person"), c.get("cue"), str(c["content"]),
                      c.get("type", "indirect")) for c in d.get("claims") or []]


def gold_roles(name: str, d: dict) -> list[tuple]:
    """The ``roles`` of one gold file; an entry that is not [actor, role, organization, status] raises."""
    roles = [tuple(r) if isinstance(r, (list, tuple)) else (r,) for r in d.get("roles") or []]
    for r in roles:
        if len(r) != 4:
            raise ValueError(f"{name}: a role is [actor, role, organization, status], got {list(r)!r}")
    return roles


# ----------------------------------------------------------------------------- matching
_ENDINGS = ("es", "en", "er", "em", "e", "s")


def _words(s: str | None) -> list[str]:
    """Lower-cased words with one inflection ending cut (genitive "Trumps" = "Trump", "südkoreanische(r)")."""
    out = []
    for w in _WORD.findall((s or "").replace("’", "'").casefold()):
        if len(w) > 4 and not w.endswith("ss"):
            for e in _ENDINGS:
                if w.endswith(e):
                    w = w[: -len(e)]
                    break
        out.append(w)
    return out


_DET = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"}


def names_match(pred: str | None, gold: str | None) -> bool:
    """Two names of the same actor: equal words, or the words of one contained in the other's."""
    p = [w for w in _words(pred) if w not in _DET]
    g = [w for w in _words(gold) if w not in _DET]
    if not p or not g:
        return False
    sp, sg = set(p), set(g)
    return sp <= sg or sg <= sp


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _half(pred: tuple[int, int], gold: tuple[int, int]) -> bool:
    o = _overlap(pred, gold)
    return o > 0 and (o * 2 >= gold[1] - gold[0] or o * 2 >= pred[1] - pred[0])


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    found: int = 0
    right_speaker: int = 0
    pred_ok: int = 0
    roles_gold: int = 0
    roles_pred: int = 0
    roles_found: int = 0
    roles_org: int = 0
    roles_pred_ok: int = 0
    persons: int = 0                 # labelled person actors
    persons_ok: int = 0              # ... labelled true
    orgs: int = 0                    # listed organisations (tests/gold/synth only)
    orgs_found: int = 0              # ... output as an organisation actor
    orgs_as_persons: int = 0         # ... output as a person actor
    unlabelled: list[str] = field(default_factory=list)
    missing_content: list[str] = field(default_factory=list)

    def add(self, o: "Counts") -> None:
        for k in ("gold", "pred", "found", "right_speaker", "pred_ok", "roles_gold", "roles_pred",
                  "roles_found", "roles_org", "roles_pred_ok", "persons", "persons_ok", "orgs", "orgs_found",
                  "orgs_as_persons"):
            setattr(self, k, getattr(self, k) + getattr(o, k))
        self.missing_content += o.missing_content
        self.unlabelled += o.unlabelled

    def measures(self) -> dict[str, float]:
        r = lambda a, b: a / b if b else 1.0  # noqa: E731
        orgs = {"orgs_found": r(self.orgs_found, self.orgs),
                "orgs_as_persons": self.orgs_as_persons / self.orgs} if self.orgs else {}
        return {"claims_found": r(self.found, self.gold),
                "claims_right_speaker": r(self.right_speaker, self.gold),
                "claim_precision": r(self.pred_ok, self.pred),
                "roles_found": r(self.roles_found, self.roles_gold),
                "roles_right_org": r(self.roles_org, self.roles_gold),
                "role_precision": r(self.roles_pred_ok, self.roles_pred),
                "person_precision": r(self.persons_ok, self.persons), **orgs}


@dataclass
class Pred:
    span: tuple[int, int]
    speaker: str | None
    text: str
    rule: str


def score_claims(body: str, gold: list[GoldClaim], preds: list[Pred], c: Counts, log: list[str]) -> None:
    spans = []
    for g in gold:
        i = body.find(g.content)
        if i < 0:
            c.missing_content.append(g.content[:60])
        spans.append((i, i + len(g.content)) if i >= 0 else None)
    c.gold += len(gold)
    c.pred += len(preds)
    used: set[int] = set()
    for gi, (g, gs) in enumerate(zip(gold, spans)):
        cands = [(_overlap(p.span, gs), pi) for pi, p in enumerate(preds)
                 if gs is not None and pi not in used and _half(p.span, gs)]
        if not cands:
            log.append(f"  MISS  [{g.speaker}] {g.cue}: {g.content[:90]}")
            continue
        pi = max(cands)[1]
        used.add(pi)
        c.found += 1
        p = preds[pi]
        ok = (p.speaker is None) if g.speaker_kind == "none" or not g.speaker else names_match(p.speaker, g.speaker)
        c.right_speaker += ok
        if not ok:
            log.append(f"  SPKR  gold [{g.speaker}] pred [{p.speaker}] ({p.rule}): {g.content[:70]}")
    for pi, p in enumerate(preds):
        hit = any(gs is not None and _half(p.span, gs) for gs in spans)
        c.pred_ok += hit
        if not hit:
            log.append(f"  FP    [{p.speaker}] ({p.rule}): {p.text[:90]}")


def _role_key_match(pred: tuple, gold: tuple, with_org: bool) -> bool:
    if not names_match(pred[0], gold[0]) or pred[1].casefold() != str(gold[1]).casefold():
        return False
    if not with_org:
        return True
    po, go = pred[2], gold[2]
    if go in (None, "", "null"):
        return po in (None, "")
    return po is not None and (po.casefold() == str(go).casefold() or names_match(po, str(go)))


def score_roles(gold: list[tuple], preds: list[tuple], c: Counts, log: list[str]) -> None:
    pairs_pred = list(dict.fromkeys((p[0], p[1]) for p in preds))
    c.roles_gold += len(gold)
    c.roles_pred += len(pairs_pred)
    for g in gold:
        loose = [p for p in preds if _role_key_match(p, g, False)]
        if loose:
            c.roles_found += 1
        if any(_role_key_match(p, g, True) for p in loose):
            c.roles_org += 1
        elif loose:
            log.append(f"  ORG   gold {list(g)} pred orgs {[p[2] for p in loose]}")
        else:
            log.append(f"  RMISS {list(g)}")
    for a, r in pairs_pred:
        ok = any(_role_key_match((a, r, None, None), g, False) for g in gold)
        c.roles_pred_ok += ok
        if not ok:
            log.append(f"  RFP   [{a}, {r}]")


def load_person_labels(gold_dir: Path = GOLD_DIR) -> dict[str, dict[str, bool]]:
    """``persons.yaml``: page file -> {person actor name: is a person}, dev and heldout together."""
    p = gold_dir / "persons.yaml"
    if not p.exists():
        return {}
    d = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    return {page: {str(n): bool(v) for n, v in (names or {}).items()}
            for split in ("dev", "heldout") for page, names in (d.get(split) or {}).items()}


def person_precision(page: str, names: list[str], labels: dict[str, dict[str, bool]], c: Counts,
                     log: list[str]) -> None:
    """Score the person actors of one page against the hand labels: labelled names count (a false one is
    logged as PFP), unlabelled ones are listed in ``c.unlabelled``."""
    known = labels.get(page, {})
    for n in sorted(set(names)):
        if n not in known:
            c.unlabelled.append(f"{page}: {n}")
            continue
        c.persons += 1
        c.persons_ok += known[n]
        if not known[n]:
            log.append(f"  PFP   {n}")


# ----------------------------------------------------------------------------- running
def page_body(file: str, shared: Path = SHARED) -> str | None:
    path = shared / PAGES / file
    if not path.exists():
        return None
    from pipeline.ingest import read_file
    arts = [a for a in read_file(path) if hasattr(a, "body_text")]
    return arts[0].body_text if arts else None


def predict(body: str, nlp, rules, persons: list[str] | None = None, orgs: list[str] | None = None,
            org_aliases: list[str] | None = None) -> tuple[list[Pred], list[tuple]]:
    """Claims and roles of one page; the names of its person (organisation) actors are appended to
    ``persons`` (``orgs``), the other names of its organisation actors to ``org_aliases``, if given."""
    from pipeline.extract import extract
    ex = extract(nlp(body), rules)
    names = {a.key: a.name for a in ex.actors}
    for out, kind in ((persons, "person"), (orgs, "organization")):
        if out is not None:
            out.extend(a.name for a in ex.actors if a.actor_type == kind)
    if org_aliases is not None:         # the other names an organisation is mentioned by ("BGH" of "Bundesgerichtshof")
        org_aliases.extend(n for a in ex.actors if a.actor_type == "organization" for n in a.aliases if n != a.name)
    preds = [Pred((cl.claim_start, cl.claim_end), names.get(cl.speaker_key) or cl.speaker_text,
                  cl.claim_text, cl.rule_id) for cl in ex.claims]
    roles = [(names[r.actor_key], r.role, r.organization, r.status) for r in ex.roles if r.actor_key in names]
    return preds, roles


def evaluate(nlp, rules, gold_dir: Path = GOLD_DIR, shared: Path = SHARED, split: str = "all",
             only: str | None = None) -> tuple[dict[str, Counts], dict[str, list[str]], list[str]]:
    """Counts per split ('dev', 'heldout', 'all'), a log per page, and pages skipped (no data)."""
    totals = {"dev": Counts(), "heldout": Counts(), "all": Counts()}
    logs: dict[str, list[str]] = {}
    skipped = []
    labels = load_person_labels(gold_dir)
    for g in load_gold(gold_dir):
        if split != "all" and g.split != split or only and not g.name.startswith(only):
            continue
        body = page_body(g.file, shared)
        if body is None:
            skipped.append(g.name)
            continue
        persons: list[str] = []
        preds, roles = predict(body, nlp, rules, persons)
        c, log = Counts(), []
        score_claims(body, g.claims, preds, c, log)
        score_roles(g.roles, roles, c, log)
        person_precision(g.file, persons, labels, c, log)
        logs[g.name] = log
        totals.setdefault(g.split, Counts()).add(c)
        totals["all"].add(c)
    return totals, logs, skipped


MEASURES = ("claims_found", "claims_right_speaker", "claim_precision", "roles_found", "roles_right_org",
            "role_precision", "person_precision")


ORG_MEASURES = ("orgs_found", "orgs_as_persons")


def table(totals: dict[str, Counts], persons_line: str = "persons ok/labelled") -> str:
    """One column per split with anything to score; the organisation measures where organisations are listed."""
    totals = {k: c for k, c in totals.items() if c.gold or c.pred or c.roles_gold or c.roles_pred or c.orgs}
    lines = [f"{'measure':<22} " + " ".join(f"{k:>16}" for k in totals)]
    orgs = ORG_MEASURES if any(c.orgs for c in totals.values()) else ()
    for m in MEASURES + orgs:
        lines.append(f"{m:<22} " + " ".join(f"{totals[k].measures().get(m, float('nan')):>16.3f}"
                                             for k in totals))
    lines.append(f"{'claims gold/pred':<22} " + " ".join(f"{f'{c.gold}/{c.pred}':>16}" for c in totals.values()))
    lines.append(f"{'roles gold/pred':<22} " + " ".join(f"{f'{c.roles_gold}/{c.roles_pred}':>16}"
                                                        for c in totals.values()))
    lines.append(f"{persons_line:<22} " + " ".join(f"{f'{c.persons_ok}/{c.persons}':>16}"
                                                   for c in totals.values()))
    if orgs:
        lines.append(f"{'orgs found/pers/listed':<22} " + " ".join(
            f"{f'{c.orgs_found}/{c.orgs_as_persons}/{c.orgs}':>16}" for c in totals.values()))
    return "\n".join(lines)


def run_args(ap: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options ``eval web`` and ``eval synth`` share: model, rules, --only, -v."""
    ap.add_argument("--model", default=None)
    ap.add_argument("--rules", type=Path, default=None)
    ap.add_argument("--only", default=None, help="only gold files whose name starts with this")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, wrong speakers, false positives")
    return ap


def load_run(args: argparse.Namespace):
    """(nlp, model info, rules) for ``--model`` and ``--rules``."""
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules
    nlp, info = load_nlp(args.model)
    return nlp, info, load_rules(args.rules)


def print_logs(logs: dict[str, list[str]], hidden: set[str]) -> None:
    """The per-file error log of ``-v``, held-out files left out."""
    for name, log in logs.items():
        if log and name not in hidden:
            print(name)
            print("\n".join(log))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline eval web", description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    ap.add_argument("--gold", type=Path, default=GOLD_DIR)
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = run_args(ap).parse_args(argv)
    nlp, info, rules = load_run(args)
    totals, logs, skipped = evaluate(nlp, rules, args.gold, args.shared, args.split, args.only)
    # Held-out pages are scored, never read while tuning: their details only with an explicit --split heldout.
    hidden = set() if args.split == "heldout" else {g.name for g in load_gold(args.gold) if g.split == "heldout"}
    shown = totals["dev"] if args.split == "all" and "dev" in totals else totals["all"]
    if args.verbose:
        print_logs(logs, hidden)
    print(f"modern-news gold: {len(logs)} pages, model {info.name} {info.version}, rules {rules.version}")
    print(table(totals))
    if shown.missing_content:
        print(f"gold content not found in the body ({len(shown.missing_content)}): "
              + "; ".join(shown.missing_content[:5]))
    if shown.unlabelled:
        print(f"person actors without a label in persons.yaml ({len(shown.unlabelled)}): "
              + "; ".join(shown.unlabelled))
    if hidden and args.split == "all":
        print("held-out pages: numbers only (their errors: --split heldout -v, not while tuning rules)")
    if skipped:
        print(f"skipped (page not found, is {args.shared} there?): {', '.join(skipped)}")
    if not logs:
        print("no gold page could be evaluated", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
