"""Agreement of ``claims.speaker_kind`` (:func:`pipeline.enrich.speaker_kind`) with the modern-news gold's
``speaker_kind`` (tests/gold/web, pages in ../shared/data/web/dev/html).

    python -m pipeline.speaker_kind_eval [--split dev|heldout|all] [-v] [--cache FILE]

Claims are paired with gold claims as in ``python -m pipeline eval web`` (:func:`pipeline.eval_web._half`,
one-to-one, greedy by overlap). The gold's ``none`` (no speaker) counts as the pipeline's ``unresolved``.
Two numbers: agreement on all paired claims, and on the pairs where the pipeline found a speaker (the
heuristic's own share: a claim without a speaker is ``unresolved`` whatever the word lists say).
``--cache`` keeps the extracted speakers (JSON) so that word-list edits are scored without parsing again.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from pipeline import enrich
from pipeline.eval_web import GOLD_DIR, SHARED, _half, _overlap, load_gold, page_body


def extract_speakers(split: str, gold_dir: Path = GOLD_DIR, shared: Path = SHARED) -> dict:
    """{page: [{"span": [s, e], "speaker_text", "speaker_actor_id", "actor_type"}]} for the split's pages."""
    from pipeline.extract import extract
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules
    nlp, _ = load_nlp(None)
    rules = load_rules(None)
    out = {}
    for g in load_gold(gold_dir):
        if split != "all" and g.split != split:
            continue
        body = page_body(g.file, shared)
        if body is None:
            continue
        ex = extract(nlp(body), rules)
        types = {a.key: a.actor_type for a in ex.actors}
        out[g.name] = {"body": body, "claims": [
            {"span": [c.claim_start, c.claim_end], "speaker_text": c.speaker_text,
             "speaker_actor_id": c.speaker_key, "actor_type": types.get(c.speaker_key)} for c in ex.claims]}
    return out


def score(preds: dict, split: str, gold_dir: Path = GOLD_DIR, verbose: bool = False) -> dict:
    pairs = []
    for g in load_gold(gold_dir):
        if g.name not in preds or split != "all" and g.split != split:
            continue
        body, ps = preds[g.name]["body"], preds[g.name]["claims"]
        used: set[int] = set()
        for gc in g.claims:
            i = body.find(gc.content)
            if i < 0:
                continue
            gs = (i, i + len(gc.content))
            cands = [(_overlap(tuple(p["span"]), gs), pi) for pi, p in enumerate(ps)
                     if pi not in used and _half(tuple(p["span"]), gs)]
            if not cands:
                continue
            pi = max(cands)[1]
            used.add(pi)
            p = ps[pi]
            kind = enrich.speaker_kind(p, p["actor_type"])
            want = "unresolved" if gc.speaker_kind == "none" else gc.speaker_kind
            pairs.append((want, kind, p["speaker_text"], gc.speaker, g.name))
    ok = sum(w == k for w, k, *_ in pairs)
    with_sp = [x for x in pairs if (x[2] or "").strip()]
    ok_sp = sum(w == k for w, k, *_ in with_sp)
    if verbose:
        for w, k, st, gsp, page in pairs:
            if w != k:
                print(f"  gold {w:12} pred {k:12} speaker_text [{st}] gold [{gsp}] ({page})")
    return {"pairs": len(pairs), "agree": ok, "with_speaker": len(with_sp), "agree_with_speaker": ok_sp,
            "confusion": Counter((w, k) for w, k, *_ in pairs)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.speaker_kind_eval", description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="dev")
    ap.add_argument("--cache", type=Path, default=None, help="JSON of extracted speakers (written if missing)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    if args.cache and args.cache.exists():
        preds = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        preds = extract_speakers(args.split)
        if args.cache:
            args.cache.write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")
    r = score(preds, args.split, verbose=args.verbose)
    if not r["pairs"]:
        print("no paired claims (is ../shared there?)")
        return 1
    print(f"speaker_kind on {args.split}: {r['agree']}/{r['pairs']} paired claims agree "
          f"({r['agree'] / r['pairs']:.1%}); with a speaker found: {r['agree_with_speaker']}/{r['with_speaker']}"
          f" ({r['agree_with_speaker'] / max(1, r['with_speaker']):.1%})")
    for (w, k), n in sorted(r["confusion"].items()):
        print(f"  gold {w:12} pred {k:12} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
