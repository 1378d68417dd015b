"""Score claim extraction on the German Wikinews quotation corpus.

    python -m pipeline.eval_claims [--split dev|train] [--limit N] [--show N]

Runs the real pipeline (model + all extractors) on each article's ``originalText``
and compares the claims with the gold annotations at token level (gold
tokenization):

- a predicted message is the claim's span without a source phrase inside it ("hat nach Angaben der Bahn
  Verspätung": its cue and speaker tokens, when the cue is a source marker; the gold leaves them out, see
  ``message_ids``);
- predicted and gold messages are paired one-to-one, greedily by token overlap;
- message: overlap tokens of the pairs / all predicted message tokens (P) and /
  all gold message tokens (R);
- speaker and cue: overlap of the paired claims' speaker (cue) tokens / all
  predicted (P) and all gold (R) speaker (cue) tokens. A cue's tokens are the
  words of its span that appear in ``cue_text`` (a split particle verb counts
  as its two words).

Results are printed overall and per gold quote type (Direct, Indirect,
FreeIndirect, IndirectFreeIndirect, Reported). A prediction counts towards the
type of the gold quote it is paired with; unpaired predictions count towards the
type of their own claim_type (direct -> Direct, indirect -> Indirect,
reported -> Reported).

The data lives in ``../shared/data/quotes/wikinews`` (CC BY-NC-SA 4.0, read in
place, never copied).
"""
from __future__ import annotations

import argparse
import bisect
import gzip
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "data" / "quotes" / "wikinews"
PROFILE = "wikinews"   # speech.yaml profiles: the Wikinews annotation counts claims by its own convention
TYPES = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")
OWN_TYPE = {"direct": "Direct", "indirect": "Indirect", "reported": "Reported"}
FIELDS = ("message", "speaker", "cue")


def load_split(split: str, data_dir: Path = DATA, what: str = "the Wikinews quotation corpus") -> list[dict]:
    path = data_dir / f"{split}.jsonl.gz"
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: {what} lives in ../shared "
                                f"(see shared/README.md); it is not part of the repository")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


class TokenIndex:
    def __init__(self, tokens: list[dict]):
        self.tokens = sorted(tokens, key=lambda t: t["charBegin"])
        self.begins = [t["charBegin"] for t in self.tokens]

    def ids(self, start: int | None, end: int | None, words: set[str] | None = None) -> frozenset[int]:
        if start is None or end is None or end <= start:
            return frozenset()
        out = set()
        i = max(0, bisect.bisect_right(self.begins, start) - 1)
        while i < len(self.tokens) and self.tokens[i]["charBegin"] < end:
            t = self.tokens[i]
            if t["charEnd"] > start and (words is None or t["text"] in words):
                out.add(t["id"])
            i += 1
        return frozenset(out)


def gold_items(doc: dict) -> list[dict]:
    out = []
    for a in doc["annotations"]:
        msg = frozenset(a["quote"]["tokenIds"])
        if not msg:
            continue
        out.append({"type": a["type"], "message": msg,
                    "speaker": frozenset(a["speaker"]["tokenIds"]),
                    "cue": frozenset(a["cue"]["tokenIds"])})
    return out


# Cues of a source phrase (speech.yaml prepositions and so_marker): "nach Angaben der Bahn", "laut ROG", "Schätzungen
# zufolge", ", so der Minister,". Inside a claim's span such a phrase is no part of what is said.
SOURCE_MARKERS = frozenset({"laut", "nach", "gemäß", "zufolge", "so"})


def pred_items(claims, index: TokenIndex) -> list[dict]:
    out = []
    for c in claims:
        msg = index.ids(c.claim_start, c.claim_end)
        if not msg:
            continue
        cue_words = set(c.cue_text.split()) if c.cue_text else None
        speaker = index.ids(c.speaker_start, c.speaker_end)
        cue = index.ids(c.cue_start, c.cue_end, cue_words) if cue_words else frozenset()
        out.append({"type": OWN_TYPE.get(c.claim_type, "Indirect"), "message": message_ids(c, msg, speaker, cue),
                    "speaker": speaker, "cue": cue, "claim": c})
    return out


def message_ids(c, msg: frozenset[int], speaker: frozenset[int], cue: frozenset[int]) -> frozenset[int]:
    """The message's tokens: the claim span without a source phrase inside it ("Der Zug hat nach Angaben der Bahn
    Verspätung": cue "nach" and speaker "Angaben der Bahn" lie between words of the span). The Wikinews gold leaves
    such a phrase out of the message, as the ``content`` column does (pipeline/enrich.py); a claim span is one
    contiguous character span, so the scorer takes the phrase out. Only a phrase whose cue is a source marker: a
    speech act's speaker and verb are part of its message (Wikinews "Reported")."""
    if (c.cue_text or "").lower() not in SOURCE_MARKERS:
        return msg
    src = (speaker | cue) & msg
    rest = msg - src
    if not src or not rest or not (min(rest) < min(src) and max(src) < max(rest)):
        return msg
    return rest


def pair(preds: list[dict], golds: list[dict]) -> list[tuple[int, int]]:
    cand = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            ov = len(p["message"] & g["message"])
            if ov:
                cand.append((ov, -abs(len(p["message"]) - len(g["message"])), i, j))
    cand.sort(reverse=True)
    used_p, used_g, out = set(), set(), []
    for _, _, i, j in cand:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


class Scores:
    def __init__(self, types: tuple[str, ...] = TYPES):
        self.types = types                           # the gold types the table and prf(None, …) sum over
        # [type][field] -> [tp, pred, gold]
        self.c = defaultdict(lambda: {f: [0, 0, 0] for f in FIELDS})
        self.n = defaultdict(lambda: [0, 0, 0])      # [type] -> [pred claims, gold claims, paired]
        self.by_rule = defaultdict(lambda: [0, 0, 0, 0])  # rule -> [claims, paired, msg tp, msg pred]

    def add(self, preds: list[dict], golds: list[dict]) -> None:
        pairs = pair(preds, golds)
        paired_p = {i: j for i, j in pairs}
        for j, g in enumerate(golds):
            self.n[g["type"]][1] += 1
            for f in FIELDS:
                self.c[g["type"]][f][2] += len(g[f])
        for i, p in enumerate(preds):
            t = golds[paired_p[i]]["type"] if i in paired_p else p["type"]
            self.n[t][0] += 1
            for f in FIELDS:
                self.c[t][f][1] += len(p[f])
        for i, p in enumerate(preds):
            r = self.by_rule[p["claim"].rule_id]
            r[0] += 1
            r[3] += len(p["message"])
            if i in paired_p:
                r[1] += 1
                r[2] += len(p["message"] & golds[paired_p[i]]["message"])
        for i, j in pairs:
            t = golds[j]["type"]
            self.n[t][2] += 1
            for f in FIELDS:
                self.c[t][f][0] += len(preds[i][f] & golds[j][f])

    def prf(self, t: str | None, f: str) -> tuple[float, float, float]:
        types = self.types if t is None else (t,)
        tp = sum(self.c[x][f][0] for x in types)
        pr = sum(self.c[x][f][1] for x in types)
        go = sum(self.c[x][f][2] for x in types)
        p = tp / pr if pr else 0.0
        r = tp / go if go else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self) -> str:
        lines = [f"{'type':22s} {'pred':>5s} {'gold':>5s} {'pair':>5s}  " +
                 "  ".join(f"{f + ' P/R/F1':>20s}" for f in FIELDS)]
        for t in (*self.types, None):
            n = [sum(self.n[x][k] for x in (self.types if t is None else (t,))) for k in range(3)]
            cells = []
            for f in FIELDS:
                p, r, f1 = self.prf(t, f)
                cells.append(f"{p:6.3f} {r:6.3f} {f1:6.3f}")
            lines.append(f"{(t or 'ALL'):22s} {n[0]:5d} {n[1]:5d} {n[2]:5d}  " + "  ".join(f"{c:>20s}" for c in cells))
        return "\n".join(lines)


def evaluate(docs: list[dict], nlp, rules, show: int = 0, out=sys.stdout,
             missed: frozenset[str] = frozenset()) -> Scores:
    from pipeline.extract import extract

    scores = Scores()
    shown = 0
    texts = [d["originalText"] for d in docs]
    for d, doc in zip(docs, nlp.pipe(texts, batch_size=8)):
        ex = extract(doc, rules)
        index = TokenIndex(d["tokens"])
        preds = pred_items(ex.claims, index)
        golds = gold_items(d)
        scores.add(preds, golds)
        if shown < show:
            shown += 1
            _show(d, preds, golds, out)
        for line in missed_lines(d, preds, golds, missed):
            print(line, file=out)
    return scores


def missed_lines(d: dict, preds: list[dict], golds: list[dict], types: frozenset[str], short: int = 3) -> list[str]:
    """Gold claims of ``types`` that no prediction covers to half ("MISS"), or whose paired prediction lacks
    ``short`` or more of their message tokens ("SHORT"), each with the 120 characters before it and what the rules
    gave (``--missed FreeIndirect,IndirectFreeIndirect``: continued reported speech)."""
    if not types:
        return []
    toks = {t["id"]: t for t in d["tokens"]}
    text = d["originalText"]
    pairs = {j: i for i, j in pair(preds, golds)}
    out = []
    for j, g in enumerate(golds):
        if g["type"] not in types:
            continue
        covered = set().union(*(p["message"] & g["message"] for p in preds)) if preds else set()
        p = preds[pairs[j]] if j in pairs else None
        lack = len(g["message"] - p["message"]) if p else len(g["message"])
        if len(covered) * 2 < len(g["message"]):
            mark = "MISS "
        elif lack >= short:
            mark = "SHORT"
        else:
            continue
        gs = min(toks[i]["charBegin"] for i in g["message"])
        ge = max(toks[i]["charEnd"] for i in g["message"])
        spk = " ".join(toks[i]["text"] for i in sorted(g["speaker"]))
        got = f"{p['claim'].rule_id}: {text[p['claim'].claim_start:p['claim'].claim_end][:80]!r}" if p else "-"
        out.append(f"{mark} [{g['type']}] {d['documentName'][:40]} | S={spk!r} | lacks {lack}/{len(g['message'])}\n"
                   f"      before: {text[max(0, gs - 120):gs]!r}\n      gold:   {text[gs:ge][:160]!r}\n      rules:  {got}")
    return out


def _show(d, preds, golds, out) -> None:
    toks = {t["id"]: t["text"] for t in d["tokens"]}

    def txt(ids):
        return " ".join(toks[i] for i in sorted(ids))[:160]

    pairs = dict((j, i) for i, j in pair(preds, golds))
    print(f"\n=== {d['documentName']}", file=out)
    for j, g in enumerate(golds):
        p = preds[pairs[j]] if j in pairs else None
        mark = "OK " if p else "MISS"
        print(f"{mark} [{g['type']}] {txt(g['message'])!r}\n     gold S={txt(g['speaker'])!r} C={txt(g['cue'])!r}",
              file=out)
        if p:
            print(f"     pred S={txt(p['speaker'])!r} C={txt(p['cue'])!r} rule={p['claim'].rule_id}"
                  f" msg={txt(p['message'])[:80]!r}", file=out)
    paired = set(pairs.values())
    for i, p in enumerate(preds):
        if i not in paired:
            print(f"FP  [{p['claim'].claim_type}/{p['claim'].rule_id}] {txt(p['message'])!r} "
                  f"S={txt(p['speaker'])!r} C={txt(p['cue'])!r}", file=out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.eval_claims", description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=("train", "dev"))
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--offset", type=int, default=0, help="skip the first N articles")
    ap.add_argument("--show", type=int, default=0, help="print gold vs. predicted claims for N articles")
    ap.add_argument("--rules", action="store_true", help="print counts and message precision per rule")
    ap.add_argument("--missed", default="", help="comma-separated gold types (FreeIndirect,IndirectFreeIndirect): list "
                    "their claims that the rules miss or cut short")
    ap.add_argument("--model", default=None, help="spaCy model name or path (default: pipeline.nlp's choice)")
    ap.add_argument("--data", default=str(DATA), help="folder with train/dev.jsonl.gz")
    ap.add_argument("--profile", default=PROFILE, help=f"claims convention profile of speech.yaml (default {PROFILE}: "
                    "the corpus's own convention; 'default' scores the pipeline's default rules)")
    args = ap.parse_args(argv)

    try:
        docs = load_split(args.split, Path(args.data))
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    docs = docs[args.offset:]
    if args.limit:
        docs = docs[:args.limit]

    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules, with_profile

    nlp, info = load_nlp(args.model)
    rules = with_profile(load_rules(), args.profile)
    t0 = time.time()
    scores = evaluate(docs, nlp, rules, show=args.show,
                      missed=frozenset(t for t in args.missed.split(",") if t))
    dt = time.time() - t0
    print(f"Wikinews {args.split}: {len(docs)} articles, model {info.name} {info.version} ({info.source}), "
          f"rules {rules.version}, {dt:.1f}s")
    print(scores.table())
    if args.rules:
        print(f"\n{'rule':24s} {'claims':>6s} {'paired':>6s} {'msgP':>6s}")
        for r, (n, pr, tp, pd) in sorted(scores.by_rule.items(), key=lambda x: -x[1][0]):
            print(f"{r:24s} {n:6d} {pr:6d} {tp / pd if pd else 0:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
