"""Role rows that change when roles.yaml pattern switches are off, on text the rules were not tuned on (issue 12).

    python benchmarks/role_pattern_fires.py SWITCH[,SWITCH…] [--on]
                                            [--source germeval|wikinews|news|webdev|spkatt|mobie-train]
                                            [--half tune|check|all] [--all-docs] [--grep REGEX]

For the boolean switches (and lists whose ``[]`` is off) of ``roles.yaml patterns`` named (e.g.
``person_genitive,prenominal_genitive_holder``, brole13): every role row (actor, role text, organisation) present
with the rules as committed and not with those switches off (``+``), and the reverse (``-``), with the sentence for
judging by hand. Only documents with a title word right before a capitalised word in -s are parsed unless
``--all-docs``, or those matching ``--grep REGEX`` (rorg14). Sources as in genitive_after_title.py
(Wikinews: train articles not in tests/gold/roles). Reads ``../shared`` only; parses cached as unseen_roles.py does.
"""
from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from genitive_after_title import _docs  # noqa: E402
from unseen_roles import Parser, half_of  # noqa: E402

TITLE_GENITIVE = re.compile(r"(\S+) ([A-ZÄÖÜ][a-zäöüß]+s)\b")


def _rows(doc, rules) -> set[tuple]:
    from pipeline.extract import extract
    ex = extract(doc, rules)
    names = {a.key: a.name for a in ex.actors}
    return {(names.get(r.actor_key), r.role_text, r.organization, r.sentence) for r in ex.roles}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("switches")
    ap.add_argument("--source", default="germeval",
                    choices=("germeval", "germeval-dev", "wikinews", "news", "webdev", "spkatt", "mobie-train"))
    ap.add_argument("--half", choices=("tune", "check", "all"), default="all")
    ap.add_argument("--all-docs", action="store_true", help="parse every document, not only candidates")
    ap.add_argument("--grep", help="candidates: the documents this regular expression matches (instead of the "
                                   "title-genitive filter; rorg14)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/unseen_roles_cache"))
    ap.add_argument("--on", action="store_true", help="switch the named boolean switches on and compare with the "
                                                     "committed rules (a rule committed off; rorg20)")
    args = ap.parse_args(argv)
    from pipeline.extract.roles.titles import _analyze_text
    parser = Parser(args.cache)
    lex = parser.rules["roles"]
    off = dataclasses.replace(lex.patterns, **{s: () if isinstance(getattr(lex.patterns, s), tuple) else args.on
                                               for s in args.switches.split(",")})     # a list switch: [] is off
    rules_off = dataclasses.replace(parser.rules, compiled={**parser.rules.compiled,
                                                            "roles": dataclasses.replace(lex, patterns=off)})
    rules_on = parser.rules
    if args.on:                           # (--on: "+" rows are those the switches add to the committed rules)
        rules_on, rules_off = rules_off, parser.rules
    docs = [d for d in _docs(args.source) if args.half == "all" or half_of(d["id"]) == args.half]
    if args.grep:
        docs = [d for d in docs if re.search(args.grep, d["text"])]
    elif not args.all_docs:
        docs = [d for d in docs if any(_analyze_text(lex, m.group(1).strip("„“\"(")) is not None
                                       for m in TITLE_GENITIVE.finditer(d["text"]))]
    changed = sum(_print_changes(parser, d, rules_off, rules_on) for d in docs)
    print(f"# {changed} changed rows in {len(docs)} documents ({args.source}, {args.half})", file=sys.stderr)
    return 0


def _print_changes(parser, d: dict, rules_off, rules_on) -> int:
    """Print the rows of document ``d`` added (+) or lost (-) by the switches; return how many."""
    doc = parser.doc(d["text"])
    on, out = _rows(doc, rules_on), _rows(doc, rules_off)
    sents = list(doc.sents)
    changes = [("+", r) for r in sorted(on - out, key=str)] + [("-", r) for r in sorted(out - on, key=str)]
    for sign, r in changes:
        print(f"{d['id']}\t{sign}\t{r[:3]}\t{sents[r[3]].text[:250] if r[3] < len(sents) else ''}")
    return len(changes)


if __name__ == "__main__":
    sys.exit(main())
