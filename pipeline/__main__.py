"""Command line: ``python -m pipeline <command>``."""
from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
from pathlib import Path

from pipeline import __version__


def _cmd_run(args) -> int:
    import os

    from pipeline.envcheck import EnvironmentProblem
    from pipeline.runner import run
    from pipeline.ruleset import RuleError
    from pipeline.schemas import arrow_without_pandas
    from pipeline.store import StoreError

    arrow_without_pandas()

    if args.max_chars:
        os.environ["PIPELINE_MAX_CHARS"] = str(args.max_chars)
    try:
        summary = run(args.inputs, args.out, rules_dir=args.rules, model=args.model,
                      only_new=args.only_new, progress=None if args.progress is None else args.progress,
                      reextract=args.reextract, processes=args.processes,
                      include_forgotten=args.include_forgotten)
    except RuleError as exc:
        print(f"error: rule file problem: {exc}", file=sys.stderr)
        return 2
    except (EnvironmentProblem, StoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(summary.render())
    return 0


def _cmd_rerun(args) -> int:
    from pipeline.runner import rerun_rules
    from pipeline.ruleset import RuleError
    from pipeline.schemas import arrow_without_pandas

    arrow_without_pandas()

    if args.processes:                  # extract_articles reads it (the re-run's worker processes)
        os.environ["PIPELINE_PROCESSES"] = str(args.processes)
    try:
        res = rerun_rules(args.out, rules_dir=args.rules, full=args.full)
    except (RuleError, FileNotFoundError, RuntimeError) as exc:      # StoreError is a RuntimeError
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from pipeline.review.rerun_report import summarize
    print(summarize(res["report"], args.rows, res["report_path"], res.get("report_html")))
    print(f"{res['articles']} articles: {res['reextracted']} re-extracted, {res['reused']} kept "
          f"in {res['seconds']:.2f} s (re-parsed {res['reparsed']}); "
          f"rules {res['rules_version']}")
    return 0


def _cmd_info(args) -> int:
    from pipeline.nlp import describe_model, spacy_version
    from pipeline.ruleset import RULES_DIR, rules_version

    info = describe_model(args.model)          # from the model's meta.json: nothing is loaded
    rules_dir = Path(args.rules) if args.rules else RULES_DIR
    data = {"pipeline_version": __version__, "model": info.name, "model_version": info.version,
            "model_path": info.path, "model_source": info.source, "components": list(info.components),
            "spacy": spacy_version(), "rules_dir": str(rules_dir),
            "rules_version": rules_version(rules_dir)}
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        for k, v in data.items():
            print(f"{k:<17} {', '.join(v) if isinstance(v, list) else v}")
    return 0


def _cmd_cache(args) -> int:
    from pipeline import cache, store
    from pipeline.job.rowstore import RowsStore
    from pipeline.runner import default_cache_dir, default_results_dir

    out = Path(args.out)
    root = Path(args.cache) if args.cache else default_cache_dir(out)
    extract = default_results_dir(out)
    if args.action == "prune":          # a writer: under the output lock, never during a run
        try:
            with store.locked(out, args.lock_timeout, what="cache prune"):
                store.prepare(out)
                m = store.manifest(out).get("model", {})
                keep = set(store.read_table(out, "articles").column("content_sha256").to_pylist())
                n, b = cache.prune(root, keep_model_key=m.get("key"), keep_shas=keep)
                print(f"parse cache: removed {n} parses, freed {b / 1e6:.1f} MB")
                n, b = cache.prune_tree(extract)
                print(f"extraction results: removed {n} files, freed {b / 1e6:.1f} MB")
                n, b = cache.tree_size(RowsStore.root(out))
                RowsStore.clear(out)
                if n:
                    print(f"rows stores of an older release: removed {n} files, freed {b / 1e6:.1f} MB")
        except store.StoreError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    entries = cache.report(root)
    print(f"parse cache {root}")
    for e in entries:
        print(f"  {e.model_key:<50} {e.files:>7} docs {e.bytes / 1e6:>9.1f} MB")
    if not entries:
        print("  (empty)")
    for label, path in [("extraction results", extract), ("versions (tables + rows stores)", out / store.VERSIONS),
                        ("rows stores of an older release", RowsStore.root(out)),
                        ("work dirs of runs", out / "_runs"), ("rules re-run reports", out / "_reports"),
                        ("compiled rules", out / "_cache" / "rules")]:
        n, b = cache.tree_size(path)
        print(f"{label:<34} {path}: {n} files, {b / 1e6:.1f} MB")
    return 0


def _forget_list(args) -> int:
    from pipeline.store import StoreError, forgotten
    try:
        tomb = forgotten(args.out)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for k, t in sorted(tomb.items()):
        print(f"{k}\t{t['article_id']}\tsha256 {t['sha256'][:16]}\tforgotten {t['forgotten_at']}\t"
              f"{t['source_path']}")
    if not tomb:
        print("no forgotten articles")
    return 0


def _forget_undo(args) -> int:
    from pipeline.job.publish import undo_forget
    from pipeline.store import StoreError
    try:
        res = undo_forget(args.out, args.keys, args.lock_timeout)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for k in res["unknown"]:
        print(f"not forgotten: {k}", file=sys.stderr)
    if not res["undone"]:
        print("nothing undone; outputs unchanged")
        return 1
    print(f"no longer forgotten: {', '.join(res['undone'])}; version {res['version']}. "
          f"The next run that reads their files brings them back")
    return 0


def _cmd_forget(args) -> int:
    from pipeline.job.publish import forget
    from pipeline.store import StoreError

    if args.list:
        return _forget_list(args)
    if not args.keys:
        print("error: forget needs KEY… (or --list)", file=sys.stderr)
        return 2
    if args.undo:
        return _forget_undo(args)
    try:
        res = forget(args.out, args.keys, args.lock_timeout)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for k in res["unknown"]:
        print(f"not found: {k}", file=sys.stderr)
    if not res["forgotten"]:
        print("nothing forgotten; outputs unchanged")
        return 1
    print(f"forgot {len(res['forgotten'])} article(s): {', '.join(res['forgotten'])}; version {res['version']}")
    print("Tables now    " + ", ".join(f"{n} {c}" for n, c in res["totals"].items()))
    return 0


def _delegate(module: str):
    def call(args) -> int:
        mod = importlib.import_module(module)
        return int(mod.main(args.rest) or 0)
    return call


# views and pages for the people who read the tables: the module's own main() parses the arguments
_READERS = {
    "sql": ("pipeline.views", 'query the tables and views: sql "SELECT ..." [--out OUT] [--csv]'),
    "show": ("pipeline.review.show", "review pages: show [ARTICLE...] [--out OUT] [--dest DIR]"),
    "overview": ("pipeline.review.overview", "corpus overview page with plots: overview [--out OUT] [--dest DIR]"),
}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipeline",
                                description="German news extraction pipeline")
    p.add_argument("--version", action="version", version=__version__)
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("run", help="process articles (files or folders) into Parquet tables")
    r.add_argument("inputs", nargs="+", help="article files or folders (.txt, .html, .jsonl)")
    r.add_argument("--out", default="outputs", help="output directory (default: outputs)")
    r.add_argument("--rules", default=None, help="rules directory (default: pipeline/rules)")
    r.add_argument("--model", default=None, help="spaCy model name or path (overrides PIPELINE_MODEL)")
    r.add_argument("--only-new", action="store_true", help="skip articles already in the outputs")
    r.add_argument("--processes", type=int, default=None,
                   help="parse/extract worker processes (default: every CPU; outputs do not depend on it)")
    r.add_argument("--reextract", action="store_true",
                   help="if the outputs were made with other rules, re-extract them with these first")
    r.add_argument("--max-chars", type=int, default=None,
                   help="longest article body accepted, in characters (default 1000000; PIPELINE_MAX_CHARS)")
    r.add_argument("--progress", dest="progress", action="store_true", default=None,
                   help="force the progress bar")
    r.add_argument("--no-progress", dest="progress", action="store_false")
    r.add_argument("--include-forgotten", action="store_true",
                   help="let forgotten articles (python -m pipeline forget) back in; their tombstones go")
    r.set_defaults(func=_cmd_run)

    rr = sub.add_parser("rerun", help="re-run extraction from the parse cache after a rules change")
    rr.add_argument("--out", default="outputs")
    rr.add_argument("--rules", default=None, help="rules directory (default: pipeline/rules)")
    rr.add_argument("--full", action="store_true",
                    help="re-extract every article (default: only those the rule change can affect)")
    rr.add_argument("--processes", type=int, default=None,
                    help="extraction worker processes (default: every CPU)")
    rr.add_argument("--rows", type=int, default=20, metavar="N",
                    help="rows of the report printed per table (default 20; -1: all; the full report is "
                         "written under OUT/_reports/)")
    rr.set_defaults(func=_cmd_rerun)

    i = sub.add_parser("info", help="show the model and rules in use")
    i.add_argument("--model", default=None)
    i.add_argument("--rules", default=None)
    i.add_argument("--json", action="store_true")
    i.set_defaults(func=_cmd_info)

    sc = sub.add_parser("schema", help="print every table's columns as markdown")
    sc.set_defaults(func=lambda a: print(__import__("pipeline.schemas").schemas.markdown()) or 0)

    c = sub.add_parser("cache", help="caches (parses, extraction results, versions): size report or prune")
    c.add_argument("action", choices=["report", "prune"])
    c.add_argument("--out", default="outputs")
    c.add_argument("--cache", default=None, help="cache directory (default: OUT/_cache/docs)")
    c.add_argument("--lock-timeout", type=float, default=600.0, help="seconds to wait for a running writer")
    c.set_defaults(func=_cmd_cache)

    fg = sub.add_parser("forget", help="remove articles (by article_key, article_id or source_path) and their rows")
    fg.add_argument("keys", nargs="*")
    fg.add_argument("--out", default="outputs")
    fg.add_argument("--lock-timeout", type=float, default=600.0)
    fg.add_argument("--undo", action="store_true",
                    help="remove the tombstones of KEY…: the next run that reads their files brings them back")
    fg.add_argument("--list", action="store_true", help="list the forgotten articles (tombstones)")
    fg.set_defaults(func=_cmd_forget)

    for name, module, helptext in [
        ("dates", "pipeline.dates", "normalize a German date expression: dates TEXT --anchor DATE"),
        ("profile", "pipeline.profile_export", "copy the rules with a claims convention profile: profile NAME DIR"),
    ]:
        d = sub.add_parser(name, help=helptext, add_help=False)
        d.add_argument("rest", nargs=argparse.REMAINDER)
        d.set_defaults(func=_delegate(module))

    e = sub.add_parser("eval", help="accuracy: eval (all gates with pinned floors) | eval ner|roles|claims|web|synth|spkatt ...")
    e.add_argument("what", nargs="?", choices=["all", "ner", "roles", "claims", "web", "synth", "spkatt"], default="all")
    e.add_argument("rest", nargs=argparse.REMAINDER)
    e.set_defaults(func=lambda a: _delegate(f"pipeline.eval_{a.what}")(a))

    for name, (module, helptext) in _READERS.items():
        d = sub.add_parser(name, help=helptext, add_help=False)
        d.add_argument("rest", nargs=argparse.REMAINDER)
        d.set_defaults(func=_delegate(module))
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in _READERS:          # options may come first ("show --out X"): no REMAINDER parsing
        return int(importlib.import_module(_READERS[argv[0]][0]).main(argv[1:]) or 0)
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
