"""Evaluate the NER of a spaCy pipeline on a GermEval-2014-format file.

    python -m pipeline.eval_ner ../shared/data/ner/germeval2014/dev.tsv.gz [--model PATH_OR_NAME]

Scoring follows the GermEval 2014 "outer" metric with spaCy labels: outer level only, strict spans
(label and both boundaries must match), OTH -> MISC, and ``*deriv`` / ``*part`` are NOT entities
(neither in gold nor counted against predictions). The gold tokenization is used, so boundaries
are comparable. Accepts the 4-column format (``idx TOKEN OUTER INNER``) and the 2-column BIO format.

``--layer`` scores the entity layer around the NER instead of the bare model: the name mentions that
:func:`pipeline.extract.actors.entity_mentions` makes of each sentence (noise dropped, labels decided by
evidence, gazetteer and consistency, missed names added), with the full pipeline (tagger, lemmas, parser)
run. Mentions inside a token ("Rheinmetall" of "Rheinmetall-Sprecher") are no GermEval entities (``*part``)
and are not scored; ROLE mentions are not entities either.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from pipeline.train import read_germeval

LABELS = ("PER", "LOC", "ORG", "MISC")


def bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Strict (start, end, label) spans from BIO tags (an I- without matching B- starts a span)."""
    spans, start, label = set(), None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        if tag.startswith("I-") and label == tag[2:]:
            continue
        if start is not None:
            spans.add((start, i, label))
            start, label = None, None
        if tag != "O":
            start, label = i, tag[2:]
    return spans


def score(gold: list[set], pred: list[set]) -> dict[str, dict[str, float]]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        for s in p:
            (tp if s in g else fp)[s[2]] += 1
        for s in g:
            if s not in p:
                fn[s[2]] += 1
    out = {}
    labels = sorted(set(tp) | set(fp) | set(fn), key=lambda x: (LABELS + (x,)).index(x))
    for lab in labels + ["ALL"]:
        if lab == "ALL":
            t, f_p, f_n = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            t, f_p, f_n = tp[lab], fp[lab], fn[lab]
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[lab] = {"p": p, "r": r, "f": f, "support": t + f_n}
    return out


def layer_spans(doc, rules) -> set[tuple[int, int, str]]:
    """(start, end, label) token spans of the entity layer's name mentions of one Doc."""
    from pipeline.extract.actors import entity_mentions
    out = set()
    for m in entity_mentions(doc, rules):
        sp = doc.char_span(m.start, m.end) if m.label in LABELS else None
        if sp is not None:
            out.add((sp.start, sp.end, m.label))
    return out


def evaluate(nlp, path: Path, rules=None) -> tuple[dict[str, dict[str, float]], int, float]:
    from spacy.tokens import Doc
    sents = read_germeval(path)
    docs = [Doc(nlp.vocab, words=w) for w, _ in sents]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(docs, batch_size=256))
    dt = time.perf_counter() - t0
    gold = [bio_spans(tags) for _, tags in sents]
    if rules is None:
        pred = [{(e.start, e.end, e.label_) for e in d.ents} for d in docs]
    else:
        pred = [layer_spans(d, rules) for d in docs]
    return score(gold, pred), sum(len(d) for d in docs), dt


def format_table(res: dict[str, dict[str, float]]) -> str:
    lines = [f"{'label':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for lab, m in res.items():
        lines.append(f"{lab:<6} {m['p']:6.3f} {m['r']:6.3f} {m['f']:6.3f} {m['support']:6d}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.eval_ner", description=__doc__.split("\n")[0])
    ap.add_argument("file", help="GermEval-format file (.tsv or .tsv.gz)")
    ap.add_argument("--model", default=None, help="pipeline name or path (default: the loader's choice)")
    ap.add_argument("--layer", action="store_true",
                    help="score the entity layer around the NER (pipeline.extract.actors) instead of the bare NER")
    ap.add_argument("--rules", default=None, help="rules directory for --layer (default: pipeline/rules)")
    args = ap.parse_args(argv)
    path = Path(args.file)
    if not path.exists():
        print(f"error: {path} not found", file=sys.stderr)
        return 2
    from pipeline.nlp import load_nlp
    nlp, info = load_nlp(args.model)
    if "ner" not in nlp.pipe_names:
        print(f"error: pipeline {info.name} has no ner component", file=sys.stderr)
        return 2
    if args.layer:
        from pipeline.ruleset import load_rules
        res, n_tok, dt = evaluate(nlp, path, load_rules(args.rules))
    else:
        keep = [n for n in nlp.pipe_names if n in ("ner",) or n.startswith("tok2vec")]
        with nlp.select_pipes(enable=keep):
            res, n_tok, dt = evaluate(nlp, path)
    print(f"model {info.name} {info.version} ({info.path}){' + entity layer' if args.layer else ''} on "
          f"{path.name}: {n_tok} tokens, outer level, strict spans, OTH->MISC, deriv/part not entities")
    print(format_table(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
