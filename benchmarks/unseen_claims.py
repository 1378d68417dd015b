"""Unseen claims check: every claim row on modern news without claim gold, judged by hand (issue 12).

    python benchmarks/unseen_claims.py sample --seed S [--n 60] [--exclude SET,...]   # rows to judge
    python benchmarks/unseen_claims.py score [--set NAME] [--strict] [-v]               # re-score the labels

Text: the ``tune`` half (``unseen_roles.half_of``) of SmartData v3 news/RSS documents over 300 characters and of the
MobIE test documents; the ``check`` halves stay blind for the persons check of ``unseen_roles.py``. A sample is a
seeded random draw of documents; every claim row the pipeline makes on them is listed for judging.

Labels (``benchmarks/unseen_claims_labels.yaml``, labels only: document ids, character offsets, short snippets):
each judged row has ``doc``, ``at``/``end`` (the claim span when judged), ``rule`` (rule_id then), ``got`` (the
speaker then: actor name, else speaker text), ``claim`` (``yes``
or the class of a false claim: narration, question, heading, knowledge, hypothetical, title, fragment, ...),
``speaker`` (the right speaker's name or noun phrase, null where the claim has none or is no claim) and ``spk``
(``ok`` or the class of the wrong speaker then). Scoring re-runs the pipeline on the set's documents and pairs each
row with the judged row of its document whose span it overlaps by half (as ``eval web``): precision = rows paired
with a judged claim / rows paired; right speaker = claims whose speaker is the
one judged and was judged right, or, where it changed, whose speaker (actor name, else speaker text) names the
judged speaker (``eval_web.names_match``) / claims. Rows that pair with no judged row are listed as unjudged.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from unseen_roles import Parser, half_of, mobie_docs, smartdata_docs  # noqa: E402

LABELS = ROOT / "benchmarks" / "unseen_claims_labels.yaml"


def pool() -> list[dict]:
    """The tune half of SmartData news (> 300 characters) and MobIE test documents, in a fixed order."""
    docs = [d for d in smartdata_docs() if len(d["text"]) > 300] + mobie_docs()
    return sorted((d for d in docs if half_of(d["id"]) == "tune"), key=lambda d: d["id"])


def load_labels(path: Path = LABELS) -> dict:
    if not path.exists():
        return {"sets": {}, "rows": []}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {"sets": data.get("sets") or {}, "rows": data.get("rows") or []}


def rows_of(parser: Parser, text: str) -> list[dict]:
    _, ex = parser.extract(text)
    names = {a.key: a.name for a in ex.actors}
    return [{"at": c.claim_start, "end": c.claim_end, "rule": c.rule_id, "cue": c.cue_text,
             "speaker_text": c.speaker_text, "speaker": names.get(c.speaker_key) or c.speaker_text,
             "actor": names.get(c.speaker_key)} for c in ex.claims]


def sample(parser: Parser, seed: int, n: int, exclude: set[str]) -> None:
    labels = load_labels()
    used = {d for name, s in labels["sets"].items() if name in exclude for d in s.get("docs", [])}
    docs = [d for d in pool() if d["id"] not in used]
    pick = random.Random(seed).sample(docs, min(n, len(docs)))
    print(f"# seed {seed}: {len(pick)} of {len(docs)} documents")
    print("docs:", yaml.safe_dump([d["id"] for d in pick], allow_unicode=True, width=10_000))
    for d in pick:
        text = d["text"]
        print(f"=== {d['id']} ({len(text)} chars)")
        for r in rows_of(parser, text):
            print(f"- doc: {d['id']}\n  at: {r['at']}\n  end: {r['end']}\n  rule: {r['rule']}\n"
                  f"  # speaker [{r['speaker_text']}] actor [{r['actor']}] cue [{r['cue']}]\n"
                  f"  # ctx: {text[max(0, r['at'] - 120):r['at']]!r}\n  # CLAIM: {text[r['at']:r['end']][:300]!r}")


def _half(a: tuple[int, int], b: tuple[int, int]) -> bool:
    o = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return o > 0 and (o * 2 >= b[1] - b[0] or o * 2 >= a[1] - a[0])


def _right_speaker(pred: dict, judged: dict) -> bool:
    """The hand judgment where the speaker is the one judged, else ``eval web``'s name match against the right one."""
    from pipeline.eval_web import names_match
    if pred["speaker"] == judged.get("got"):
        return judged.get("spk") == "ok"
    want = judged.get("speaker")
    return not pred["speaker"] if not want else names_match(pred["speaker"], want)


def pred_same(pred: dict, judged: dict) -> bool:
    return pred["speaker"] == judged.get("got")


STRICT_DROP = ("speech_act", "soll_hearsay")     # README "Which claims count": the strict definition's filter


def score(parser: Parser, set_name: str | None, verbose: bool, strict: bool = False) -> dict:
    labels = load_labels()
    texts = {d["id"]: d["text"] for d in pool()}
    c = Counter()
    classes, spk_classes = Counter(), Counter()
    for name, s in labels["sets"].items():
        if set_name and name != set_name:
            continue
        judged = [r for r in labels["rows"] if r.get("set") == name]
        for doc in s["docs"]:
            mine = [r for r in judged if r["doc"] == doc]
            for p in rows_of(parser, texts[doc]):
                if strict and p["rule"] in STRICT_DROP:
                    continue
                j = max((r for r in mine if _half((p["at"], p["end"]), (r["at"], r["end"]))),
                        key=lambda r: (r["at"] == p["at"] and r["end"] == p["end"],
                                       min(p["end"], r["end"]) - max(p["at"], r["at"])), default=None)
                c["rows"] += 1
                if j is None:
                    c["unjudged"] += 1
                    if verbose:
                        print(f"  UNJUDGED {doc[:60]} {p['at']}-{p['end']} {p['rule']} [{p['speaker']}]")
                    continue
                c["judged"] += 1
                if j["claim"] != "yes":
                    classes[j["claim"]] += 1
                    if verbose:
                        print(f"  FP-{j['claim']:<12} {doc[:50]} {p['at']} {p['rule']}")
                    continue
                c["claims"] += 1
                if _right_speaker(p, j):
                    c["right_speaker"] += 1
                else:
                    spk_classes[j.get("spk") if pred_same(p, j) else "changed"] += 1
                    if verbose:
                        print(f"  SPKR {doc[:50]} {p['at']} want [{j.get('speaker')}] got [{p['speaker']}]")
    out = dict(c)
    out["precision"] = round(c["claims"] / c["judged"], 3) if c["judged"] else None
    out["right_speaker_share"] = round(c["right_speaker"] / c["claims"], 3) if c["claims"] else None
    out["false_by_class"] = dict(classes.most_common())
    out["wrong_speaker_by_class"] = dict(spk_classes.most_common())
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cmd", choices=("sample", "score"))
    ap.add_argument("--seed", type=int, default=1401)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--exclude", default="", help="label sets whose documents are left out of the draw")
    ap.add_argument("--set", default=None)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/unseen_roles_cache"))
    ap.add_argument("--strict", action="store_true", help="leave out speech_act and soll_hearsay rows (README filter)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    parser = Parser(args.cache)
    if args.cmd == "sample":
        sample(parser, args.seed, args.n, {s for s in args.exclude.split(",") if s})
    else:
        print(yaml.safe_dump(score(parser, args.set, args.verbose, args.strict), allow_unicode=True, sort_keys=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
