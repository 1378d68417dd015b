"""A never-tuned check of claims: the SpkAtt-2023 gold (German Bundestag speeches).

    python -m pipeline eval spkatt [--split dev|train] [--show N] [--rules] [--no-cache]

SpkAtt-2023 Task 1 (``../shared/data/quotes/spkatt2023``, CC BY-SA 4.0, read in place, never copied)
gives each speech as tokenised sentences and its annotations as ``"sentence:token"`` ids: a ``Cue`` (a
word of speech, thought, writing or perception), its ``Source``, ``Message``, ``Addr``, ``Topic``,
``Medium``, ``Evidence`` and ``PTC`` (the particle of a split cue: "lehnen … ab").

The text is rebuilt from the tokens (:func:`detokenise`, with a token -> character offset map), run
through the real pipeline (``extract(doc, rules).claims``; parses cached under ``.cache/spkatt``) and
scored with the Wikinews scorer of :mod:`pipeline.eval_claims` (same pairing and P/R/F1 definitions):
message = ``Message``, speaker = ``Source``, cue = ``Cue`` + ``PTC`` (a split particle verb counts as its
two words, as in the Wikinews cue). Annotations without a ``Message`` are left out of the scores, as the
Wikinews scorer leaves out quotes without tokens; they are counted.

Each scored gold annotation gets one kind (the first that applies; the ``any`` column counts every
annotation a kind applies to), so the table shows where the gold counts things the pipeline does not set
out to find:

- ``question``: the message is a question (ends in "?", or the cue is "fragen"/"Frage");
- ``noun_cue``: the cue is a noun ("die Idee, …", "der Hinweis, …");
- ``other_cue``: the cue verb is none of the pipeline's speech/cognition verbs (rules/speech.yaml):
  "begrüßen", "zustimmen", "vorlegen", "verhandeln", "sich freuen" …;
- ``np_message``: the message has no verb ("Sie nennen das *einen Fehler*", "das", "es");
- ``no_source``: no Source ("Es wurde gesagt, …", imperatives, infinitives);
- ``first_person``: the Source is "ich"/"wir"/… (the speaker of the speech);
- ``second_person``: the Source is the addressed "Sie"/"Ihr…" (capitalised, not at a sentence start);
- ``core``: the rest (a named or third-person source, a speech or cognition verb of ours, a clause).

Unpaired predictions count as ``unpaired`` (they have no gold kind).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from pipeline import eval_claims
from pipeline.eval_claims import FIELDS, Scores, TokenIndex, _show, pred_items

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "quotes" / "spkatt2023"
CACHE = ROOT / ".cache" / "spkatt"
KINDS = ("question", "noun_cue", "other_cue", "np_message", "no_source", "first_person", "second_person",
         "core", "unpaired")

NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "?", "!", ")", "“"})
NO_SPACE_AFTER = frozenset({"„", "("})
FIRST_PERSON = frozenset({"ich", "wir", "mir", "mich", "uns", "mein", "meine", "meiner", "meinen", "unser",
                          "unsere", "unserer", "unseren", "unseres"})
SECOND_PERSON = frozenset({"Sie", "Ihnen", "Ihr", "Ihre", "Ihrer", "Ihren", "Ihres", "du", "dir", "dich", "ihr",
                           "euch", "dein", "deine", "euer", "eure"})


def load_split(split: str, data_dir: Path = DATA) -> list[dict]:
    return eval_claims.load_split(split, data_dir, what="the SpkAtt-2023 data")


def detokenise(sentences: list[list[str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """(text, {"s:t": (start, end)}): tokens joined by one space, except none before , . : ; ? ! ) “ and
    none after „ (; sentences joined by one space."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos = 0
    prev = None
    for s, tokens in enumerate(sentences):
        for t, tok in enumerate(tokens):
            if prev is not None and tok not in NO_SPACE_BEFORE and prev not in NO_SPACE_AFTER:
                parts.append(" ")
                pos += 1
            offsets[f"{s}:{t}"] = (pos, pos + len(tok))
            parts.append(tok)
            pos += len(tok)
            prev = tok
    return "".join(parts), offsets


def record_tokens(record: dict) -> tuple[str, list[dict], dict[str, int]]:
    """(text, tokens in the Wikinews format {id, text, charBegin, charEnd}, {"s:t": id})."""
    sentences = [s["Tokens"] for s in sorted(record["Sentences"], key=lambda s: s["SentenceId"])]
    text, offsets = detokenise(sentences)
    tokens, ids = [], {}
    for key, (b, e) in offsets.items():
        ids[key] = len(tokens)
        tokens.append({"id": len(tokens), "text": text[b:e], "charBegin": b, "charEnd": e,
                       "first": key.endswith(":0")})
    return text, tokens, ids


def _cue_known(words: list[str], particles: list[str], speech) -> bool:
    """Is one cue word a form of a speech/cognition verb of rules/speech.yaml (with its particle, if split)?"""
    ptc = {p.lower() for p in particles}
    for w in words:
        for e in speech.forms.get(w.lower(), ()):
            if not e.split or e.particle in ptc:
                return True
    return False


def kinds_of(ann: dict, tokens: list[dict], ids: dict[str, int], speech=None, pos=None) -> list[str]:
    """Every kind that applies to a gold annotation with a message, in the order of :data:`KINDS`
    (["core"] when none does; see the module docstring). ``speech``: the compiled speech rules (for
    ``other_cue``); ``pos``: {token id: UD POS} from the parse (for ``noun_cue`` and ``np_message``); a
    check whose input is missing is skipped."""
    def tok(key):
        return tokens[ids[key]]
    out = []
    msg = sorted(ids[k] for k in ann["Message"])
    cue = [tok(k)["text"] for k in ann["Cue"]]
    after = tokens[msg[-1] + 1]["text"] if msg[-1] + 1 < len(tokens) else ""
    if tokens[msg[-1]]["text"] == "?" or after == "?" or any(w.lower().startswith("frag") for w in cue):
        out.append("question")
    cue_pos = [pos.get(ids[k]) for k in ann["Cue"]] if pos else []
    noun = bool(cue_pos) and cue_pos[0] in ("NOUN", "PROPN")
    if noun:
        out.append("noun_cue")
    if not noun and speech is not None and not _cue_known(cue, [tok(k)["text"] for k in ann["PTC"]], speech):
        out.append("other_cue")
    if pos and not any(pos.get(i) in ("VERB", "AUX") for i in msg):
        out.append("np_message")
    if not ann["Source"]:
        out.append("no_source")
    else:
        src = tok(sorted(ann["Source"], key=ids.get)[0])
        if src["text"].lower() in FIRST_PERSON:
            out.append("first_person")
        elif src["text"] in SECOND_PERSON and not (src["first"] and src["text"] in ("Sie", "Ihr", "Ihre")):
            out.append("second_person")
    return out or ["core"]


def kind_of(ann: dict, tokens: list[dict], ids: dict[str, int], speech=None, pos=None) -> str:
    """The kind of a gold annotation: the first of :func:`kinds_of`."""
    return kinds_of(ann, tokens, ids, speech, pos)[0]


def gold_items(record: dict, tokens: list[dict], ids: dict[str, int], speech=None, pos=None) -> tuple[list[dict], int]:
    """(scored gold items as :func:`pipeline.eval_claims.gold_items` makes them, with the kind as
    ``type``; the number of annotations without a message, which are not scored)."""
    out, no_msg = [], 0
    for a in record["Annotations"]:
        if not a.get("Message"):
            no_msg += 1
            continue
        kinds = kinds_of(a, tokens, ids, speech, pos)
        out.append({"type": kinds[0], "kinds": kinds,
                    "message": frozenset(ids[k] for k in a["Message"]),
                    "speaker": frozenset(ids[k] for k in a.get("Source", ())),
                    "cue": frozenset(ids[k] for k in (*a.get("Cue", ()), *a.get("PTC", ())))})
    return out, no_msg


def _pos_map(doc, tokens: list[dict]) -> dict[int, str]:
    by_start = {t.idx: t.pos_ for t in doc}
    return {t["id"]: by_start[t["charBegin"]] for t in tokens if t["charBegin"] in by_start}


def parse(texts: list[str], nlp, info, cache_dir: Path | None):
    """The parses of ``texts`` in order, from the parse cache where they are there."""
    from pipeline.cache import DocCache
    from pipeline.job.util import sha256
    cache = DocCache(cache_dir, info.key) if cache_dir is not None else None
    shas = [sha256(t) for t in texts]
    docs = [cache.get(s, nlp.vocab) if cache is not None else None for s in shas]
    todo = [i for i, d in enumerate(docs) if d is None]
    for i, doc in zip(todo, nlp.pipe([texts[i] for i in todo], batch_size=4)):
        docs[i] = doc
        if cache is not None:
            cache.put(shas[i], doc)
    return docs, len(todo)


class Result:
    def __init__(self):
        self.scores = Scores(KINDS)
        self.annotations = 0
        self.no_message = 0
        self.speeches = 0
        self.parsed = 0
        self.any_kind: Counter = Counter()   # kind -> scored gold annotations it applies to (not exclusive)


def evaluate(records: list[dict], nlp, info, rules, show: int = 0, cache_dir: Path | None = CACHE,
             out=sys.stdout) -> Result:
    from pipeline.extract import extract

    res = Result()
    speech = rules.get("speech")
    prepared = [record_tokens(r) for r in records]
    docs, res.parsed = parse([p[0] for p in prepared], nlp, info, cache_dir)
    for n, (r, (text, tokens, ids), doc) in enumerate(zip(records, prepared, docs)):
        index = TokenIndex(tokens)
        preds = pred_items(extract(doc, rules).claims, index)
        for p in preds:
            p["type"] = "unpaired"          # an unpaired prediction has no gold kind
        golds, no_msg = gold_items(r, tokens, ids, speech, _pos_map(doc, tokens))
        res.scores.add(preds, golds)
        res.any_kind.update(k for g in golds for k in g["kinds"])
        res.speeches += 1
        res.annotations += len(r["Annotations"])
        res.no_message += no_msg
        if n < show:
            _show({"documentName": r.get("_file", str(n)), "tokens": tokens}, preds, golds, out)
    return res


def report(res: Result, split: str) -> str:
    s = res.scores
    scored = sum(s.n[k][1] for k in KINDS)
    f1 = {f: s.prf(None, f)[2] for f in FIELDS}
    lines = [f"SpkAtt-2023 {split}: {res.speeches} speeches, {res.annotations} annotations, "
             f"{res.no_message} without a message (not scored), {scored} scored",
             "F1 message / speaker / cue: " + " / ".join(f"{f1[f]:.3f}" for f in FIELDS),
             "", s.table(),
             "", f"{'kind':14s} {'gold':>5s} {'paired':>6s} {'found':>6s} {'any':>5s}   (gold/paired/found: the "
             f"first kind that applies; any: all annotations it applies to)"]
    for k in KINDS[:-1]:
        g, p = s.n[k][1], s.n[k][2]
        lines.append(f"{k:14s} {g:5d} {p:6d} {p / g if g else 0:6.3f} {res.any_kind[k]:5d}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline eval spkatt", description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=("train", "dev"))
    ap.add_argument("--show", type=int, default=0, help="print gold vs. predicted claims for N speeches (dev only)")
    ap.add_argument("--rules", action="store_true", help="print counts and message precision per rule")
    ap.add_argument("--model", default=None, help="spaCy model name or path (default: pipeline.nlp's choice)")
    ap.add_argument("--data", default=str(DATA), help="folder with train/dev.jsonl.gz")
    ap.add_argument("--no-cache", action="store_true", help=f"parse again, do not read or write {CACHE}")
    ap.add_argument("--profile", default="default", help="claims convention profile of speech.yaml (SpkAtt, like "
                    "Wikinews, counts speech acts with a noun-phrase message: try --profile wikinews)")
    args = ap.parse_args(argv)
    if args.show and args.split != "dev":
        print("error: --show is for dev only: train is reported as numbers, never read case by case",
              file=sys.stderr)
        return 2
    try:
        records = load_split(args.split, Path(args.data))
    except FileNotFoundError as exc:
        print(f"spkatt: skipped: {exc}", file=sys.stderr)
        return 0

    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules, with_profile

    nlp, info = load_nlp(args.model)
    rules = with_profile(load_rules(), args.profile)
    print(f"model {info.name} {info.version} ({info.source}), rules {rules.version}")
    t0 = time.time()
    res = evaluate(records, nlp, info, rules, show=args.show, cache_dir=None if args.no_cache else CACHE)
    print(f"{time.time() - t0:.1f}s ({res.parsed} speeches parsed, the rest from the parse cache)")
    print(report(res, args.split))
    if args.rules:
        print(f"\n{'rule':24s} {'claims':>6s} {'paired':>6s} {'msgP':>6s}")
        for r, (n, pr, tp, pd) in sorted(res.scores.by_rule.items(), key=lambda x: -x[1][0]):
            print(f"{r:24s} {n:6d} {pr:6d} {tp / pd if pd else 0:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
