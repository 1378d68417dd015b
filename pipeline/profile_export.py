"""Write a copy of the rules folder with a claims convention profile's settings (speech.yaml ``profiles``).

    python -m pipeline profile wikinews my_rules
    python -m pipeline run corpus --rules my_rules --out outputs_wikinews

The copy is an ordinary rules folder: ``run``, ``rerun`` and ``info`` take it with ``--rules``, its content hash is the
rules version in every output row, and a ``rerun`` from the same parse cache switches existing outputs to it without
parsing again. The copy is checked: its claims rules and switches must equal ``ruleset.with_profile(rules, NAME)``.
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

from pipeline.ruleset import RULES_DIR, RuleError, load_rules, with_profile


def _set(text: str, name: str, on: bool) -> str:
    """``text`` with the one setting ``name: on|off`` (a ``- rule_id:`` list item or a switch) set to ``on``."""
    pat = re.compile(rf"^(\s*(?:- )?{re.escape(name)}:[ \t]*)(on|off)\b", re.M)
    found = pat.findall(text)
    if len(found) != 1:
        raise RuleError("speech.yaml", name, f"expected one '{name}: on|off' line to set, found {len(found)}")
    return pat.sub(lambda m: m.group(1) + ("on" if on else "off"), text)


def export(name: str, dest: str | Path, source: str | Path | None = None) -> Path:
    """Copy the rules folder ``source`` (default: the packaged rules) to ``dest`` with profile ``name`` applied."""
    src = Path(source) if source else RULES_DIR
    rules = load_rules(src)
    profiled = with_profile(rules, name)              # raises RuleError for an unknown profile
    dest = Path(dest)
    if dest.exists():
        raise FileExistsError(f"{dest} exists: choose a new folder")
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("__pycache__"))
    rule_on, switch_on = rules["speech"].profiles[name]
    path = dest / "speech.yaml"
    text = path.read_text(encoding="utf-8")
    for key, on in {**rule_on, **switch_on}.items():
        text = _set(text, key, on)
    path.write_text(text, encoding="utf-8")
    got, want = load_rules(dest)["speech"], profiled["speech"]
    if (got.rules, got.switches) != (want.rules, want.switches):
        shutil.rmtree(dest)
        raise RuleError("speech.yaml", f"profiles.{name}", "the written copy does not match the profile")
    return dest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline profile", description=__doc__.split("\n\n")[0])
    ap.add_argument("name", help="profile name in speech.yaml (e.g. wikinews)")
    ap.add_argument("dest", help="new folder for the rules copy")
    ap.add_argument("--rules", default=None, help="rules folder to copy (default: pipeline/rules)")
    args = ap.parse_args(argv)
    try:
        out = export(args.name, args.dest, args.rules)
    except (RuleError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {out} (profile {args.name}); use it with --rules {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
