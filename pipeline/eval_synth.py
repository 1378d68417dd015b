"""Score claims, roles, persons and organisations on the hand-written check set (tests/gold/synth/, issue 12).

    python -m pipeline eval synth [--split tune|check|all] [--model SPEC] [--rules DIR] [-v] [--only PREFIX]

Each file holds one fictional German news article (``text``, scored as it is: no ingestion) with its hand
gold (see tests/gold/synth/README.md). Claims and roles are predicted by :func:`pipeline.eval_web.predict`
and scored exactly as ``eval web`` scores them (:func:`pipeline.eval_web.score_claims`, ``score_roles``).
Persons and organisations come from the file's own lists instead of after-the-fact labels:

- person precision: a predicted person actor is right when its name matches a listed person
  (:func:`pipeline.eval_web.names_match`: the same words, or one name's words within the other's, so a
  surname or a first name alone matches), wrong when it matches only a listed organisation or nothing;
- orgs found: listed organisations that are output as an organisation actor, over all listed ones;
- orgs as persons: listed organisations that a wrong person actor (one matching no listed person) names,
  over all listed ones (lower is better).

The ``check`` split is held out: its totals are printed, its per-file log only with ``--split check -v``.
The default split is ``tune``. A malformed file raises :class:`GoldError` naming the file and the entry.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline.eval_web import (_DET, Counts, GoldClaim, _words, gold_claims, gold_roles, load_run, names_match,
                               predict, print_logs, run_args, score_claims, score_roles, table)

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "gold" / "synth"
SPLITS = ("tune", "check")
KEYS = {"source", "split", "outlet_style", "title", "text", "claims", "roles", "persons", "organizations"}
CLAIM_KEYS = {"speaker", "speaker_kind", "cue", "content", "type"}
SPEAKER_KINDS = {"person", "organization", "anonymous", "none"}
CLAIM_TYPES = {"direct", "indirect", "reported"}


class GoldError(ValueError):
    """A synth gold file that does not follow tests/gold/synth/README.md."""


@dataclass
class SynthArticle:
    name: str
    split: str
    text: str
    claims: list[GoldClaim]
    roles: list[tuple]
    persons: list[str]
    organizations: list[str]


# ----------------------------------------------------------------------------- gold
def _mapping(where: str, d, allowed: set[str]) -> None:
    if not isinstance(d, dict):
        raise GoldError(f"{where}: not a mapping: {str(d)[:80]!r}")
    unknown = sorted(set(d) - allowed)
    if unknown:
        raise GoldError(f"{where}: unknown keys {unknown} (allowed: {sorted(allowed)})")


def _check_claim(name: str, i: int, c, text: str) -> None:
    where = f"{name}: claims[{i}]"
    _mapping(where, c, CLAIM_KEYS)
    content = c.get("content")
    if not isinstance(content, str) or not content or content not in text:
        raise GoldError(f"{where}: content is not a substring of text: {str(content)[:80]!r}")
    if c.get("speaker_kind", "person") not in SPEAKER_KINDS:
        raise GoldError(f"{where}: speaker_kind {c.get('speaker_kind')!r} not in {sorted(SPEAKER_KINDS)}")
    if c.get("type", "indirect") not in CLAIM_TYPES:
        raise GoldError(f"{where}: type {c.get('type')!r} not in {sorted(CLAIM_TYPES)}")


def _names(name: str, d: dict, key: str) -> list[str]:
    vals = d.get(key) or []
    if not isinstance(vals, list) or not all(isinstance(v, str) and v.strip() for v in vals):
        raise GoldError(f"{name}: {key} is a list of names, got {vals!r}")
    return vals


def parse_article(name: str, d) -> SynthArticle:
    """One gold file's mapping, checked: unknown keys, a missing text, a split other than tune/check, a claim
    whose content is not in the text, a role that is not [actor, role, organization, status] raise."""
    _mapping(name, d, KEYS)
    text = d.get("text")
    if not isinstance(text, str) or not text.strip():
        raise GoldError(f"{name}: text is missing")
    if d.get("split") not in SPLITS:
        raise GoldError(f"{name}: split must be tune or check, got {d.get('split')!r}")
    for i, c in enumerate(d.get("claims") or []):
        _check_claim(name, i, c, text)
    try:
        roles = gold_roles(name, d)
    except ValueError as e:
        raise GoldError(str(e)) from None
    return SynthArticle(Path(name).stem, d["split"], text, gold_claims(d), roles,
                        _names(name, d, "persons"), _names(name, d, "organizations"))


def _read(p: Path):
    try:
        return yaml.safe_load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise GoldError(f"{p.name}: not valid YAML: {e}") from None


def load_gold(gold_dir: Path = GOLD_DIR) -> list[SynthArticle]:
    """Every ``*.yaml`` of the folder, checked (:func:`parse_article`), in file-name order."""
    return [parse_article(p.name, _read(p)) for p in sorted(gold_dir.glob("*.yaml"))]


# ----------------------------------------------------------------------------- persons and organisations
def score_entities(art: SynthArticle, persons: list[str], orgs: list[str], c: Counts, log: list[str],
                   aliases: list[str] = ()) -> None:
    """Person precision against ``art.persons``, organisations found and organisations taken for persons. A listed
    organisation is found when an organisation actor's name matches it (:func:`names_match`) or one of its other
    names is the listed name word for word ("BGH" listed beside "Bundesgerichtshof")."""
    alias_words = {frozenset(_name_words(a)) for a in aliases}
    wrong = []
    for n in sorted(set(persons)):
        c.persons += 1
        if any(names_match(n, p) for p in art.persons):
            c.persons_ok += 1
        else:
            wrong.append(n)
            what = "a listed organisation" if any(names_match(n, o) for o in art.organizations) else "not listed"
            log.append(f"  PFP   {n} ({what})")
    for o in art.organizations:
        c.orgs += 1
        if any(names_match(n, o) for n in orgs) or frozenset(_name_words(o)) in alias_words:
            c.orgs_found += 1
        else:
            log.append(f"  OMISS {o}")
        if any(names_match(n, o) for n in wrong):
            c.orgs_as_persons += 1
            log.append(f"  OPERS {o}")


def _name_words(name: str) -> list[str]:
    return [w for w in _words(name) if w not in _DET]


# ----------------------------------------------------------------------------- running
def score_article(art: SynthArticle, nlp, rules) -> tuple[Counts, list[str]]:
    persons: list[str] = []
    orgs: list[str] = []
    aliases: list[str] = []
    preds, roles = predict(art.text, nlp, rules, persons, orgs, aliases)
    c, log = Counts(), []
    score_claims(art.text, art.claims, preds, c, log)
    score_roles(art.roles, roles, c, log)
    score_entities(art, persons, orgs, c, log, aliases)
    return c, log


def evaluate(nlp, rules, gold_dir: Path = GOLD_DIR, split: str = "all",
             only: str | None = None) -> tuple[dict[str, Counts], dict[str, list[str]]]:
    """Counts per split ('tune', 'check', 'all') and a log per file."""
    totals = {s: Counts() for s in (*SPLITS, "all")}
    logs: dict[str, list[str]] = {}
    for art in load_gold(gold_dir):
        if split != "all" and art.split != split or only and not art.name.startswith(only):
            continue
        c, logs[art.name] = score_article(art, nlp, rules)
        totals[art.split].add(c)
        totals["all"].add(c)
    return totals, logs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline eval synth", description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=[*SPLITS, "all"], default="tune")
    ap.add_argument("--gold", type=Path, default=GOLD_DIR)
    args = run_args(ap).parse_args(argv)
    try:
        arts = load_gold(args.gold)      # checked before the model loads
    except GoldError as e:
        print(f"{args.gold}/{e}", file=sys.stderr)
        return 2
    if not arts:
        print(f"no gold files in {args.gold} (tests/gold/synth/*.yaml)", file=sys.stderr)
        return 1
    nlp, info, rules = load_run(args)
    totals, logs = evaluate(nlp, rules, args.gold, args.split, args.only)
    if not logs:
        print(f"no gold article with --split {args.split} --only {args.only}", file=sys.stderr)
        return 1
    # check articles are scored, never read while tuning: their details only with an explicit --split check.
    hidden = set() if args.split == "check" else {a.name for a in arts if a.split == "check"}
    if args.verbose:
        print_logs(logs, hidden)
    print(f"synth gold: {len(logs)} articles, model {info.name} {info.version}, rules {rules.version}")
    print(table(totals, "persons ok/predicted"))
    if args.split == "all":
        print("check articles: numbers only (their errors: --split check -v, not while tuning rules)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
