"""Speaker errors on Wikinews train, counted before any rule is written (issue 12, "count first").

    python benchmarks/speaker_errors.py kinds                      # paired claims by rule x kind of speaker error
    python benchmarks/speaker_errors.py show [--kind K] [--rule R] [--n 40] [--seed 7]   # examples to classify
    python benchmarks/speaker_errors.py conventions                # gold vs predicted speaker span edges
    python benchmarks/speaker_errors.py resolution [--offset 0 --limit 350] [--form F]   # unnamed speakers, resolved
    python benchmarks/speaker_errors.py loss [--offset 0 --limit 350] [--show CLASS --n 40]   # speaker F1 loss by class
    python benchmarks/speaker_errors.py edges [--offset 0 --limit 700] [--n 40]   # span-edge errors by side and kind
    python benchmarks/speaker_errors.py synth [--only a_]            # synth tune claims with a wrong speaker, with context
    python benchmarks/speaker_errors.py fires --names R[,S] [--offset 350 --limit 200] [--n 40]   # speaker rule/switch
                                                                   # firings on unlabelled text (SmartData + Wikinews train)

Claims are paired with the gold as ``python -m pipeline eval claims`` pairs them. A paired claim's speaker error
is of one kind: ``pred none`` (the gold has a speaker, we have none), ``gold none``, ``disjoint`` (no token in
common: another person or another mention), ``pred subset`` / ``pred superset`` (span edges only), ``overlap``.
``show`` prints the text around each with the gold span in [G:…:G] and ours in [P:…:P], for sorting into classes
by hand. ``conventions`` counts, for every gold speaker span of the split and every predicted one, whether the
head's apposition, genitive, PP, conjunct and relative clause to its right and a preposition before it lie
inside or outside the span: where the gold's majority convention and ours differ, a span rule is worth writing.
``resolution`` lists every predicted claim whose speaker span names no entity of its own (a pronoun, role noun, age
noun, organisation noun, spokesperson, ...) by its form, with the actor it resolved to and the two sentences before
it, for judging the resolution by hand (the Wikinews gold marks spans only, not referents); it also lists paired
claims whose speaker span is disjoint from the gold or missing. ``loss`` splits the speaker F1's lost tokens (as the
scorer counts them: gold tokens not matched = recall loss, predicted tokens not matched = precision loss) into classes:
claim missed (gold claim unpaired), false claim (our claim unpaired), speaker none (paired, we have none), gold none,
edge (paired, spans overlap), unnamed (disjoint, one of the two spans is a pronoun or a noun phrase without a name),
wrong person (disjoint, both name someone); it prints message/speaker/cue P/R/F1 of the slice too. ``edges``
splits the paired claims whose speaker spans overlap but differ by the side (left/right of the common part), whose span
goes on (gold/ours) and how the extra part opens (comma: apposition or relative clause; preposition; other), wik20.
Wikinews modes run under the ``--profile`` the corpus is scored with (default ``wikinews``, as ``eval claims``). Parses are kept in /tmp (DocBin) between runs.
Wikinews train only (tuning text); never run it on the dev split. Reads ``../shared`` in place.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

KINDS = ("pred none", "gold none", "disjoint", "pred subset", "pred superset", "overlap")


def kind_of(p: frozenset, g: frozenset) -> str | None:
    if p == g:
        return None
    if not g:
        return "gold none"
    if not p:
        return "pred none"
    tp = p & g
    if not tp:
        return "disjoint"
    return "pred subset" if tp == p else "pred superset" if tp == g else "overlap"


def paired(docs, nlp, rules):
    """(article, pred, gold) for each paired claim of each article."""
    from pipeline.eval_claims import TokenIndex, gold_items, pair, pred_items
    from pipeline.extract import extract
    for d, doc in zip(docs, nlp.pipe([d["originalText"] for d in docs], batch_size=8)):
        preds = pred_items(extract(doc, rules).claims, TokenIndex(d["tokens"]))
        golds = gold_items(d)
        for i, j in pair(preds, golds):
            yield d, preds[i], golds[j]


def char_span(d: dict, ids: frozenset) -> tuple[int, int] | None:
    toks = {t["id"]: t for t in d["tokens"]}
    return (min(toks[i]["charBegin"] for i in ids), max(toks[i]["charEnd"] for i in ids)) if ids else None


def marked(d: dict, p: dict, g: dict, width: int = 420) -> str:
    """The text before and around the gold message, the gold speaker in [G:…:G], ours in [P:…:P]."""
    text, c = d["originalText"], p["claim"]
    ms = char_span(d, g["message"])
    lo, hi = max(0, ms[0] - 250), ms[1] + 120
    marks = []
    if (gs := char_span(d, g["speaker"])) is not None:
        marks += [(gs[0], "[G:"), (gs[1], ":G]")]
    if c.speaker_start is not None:
        marks += [(c.speaker_start, "[P:"), (c.speaker_end, ":P]")]
    s = text[lo:hi]
    for pos, m in sorted(marks, key=lambda x: -x[0]):
        if lo <= pos <= hi:
            s = s[:pos - lo] + m + s[pos - lo:]
    return s.replace("\n", " / ")[-width:]


def words(d: dict, ids: frozenset) -> str:
    toks = {t["id"]: t["text"] for t in d["tokens"]}
    return " ".join(toks[i] for i in sorted(ids))


def kinds(rows: list[tuple]) -> None:
    by_rule = Counter(p["claim"].rule_id for d, p, g in rows)
    table = Counter((p["claim"].rule_id, kind_of(p["speaker"], g["speaker"])) for d, p, g in rows)
    print(f"{'rule':24s} {'paired':>6s} " + " ".join(f"{k:>13s}" for k in KINDS))
    for rule, n in by_rule.most_common():
        print(f"{rule:24s} {n:6d} " + " ".join(f"{table[(rule, k)]:13d}" for k in KINDS))
    print(f"{'ALL':24s} {len(rows):6d} " + " ".join(f"{sum(v for (r, k), v in table.items() if k == kk):13d}"
                                                    for kk in KINDS))


def show(rows: list[tuple], kind: str | None, rule: str | None, n: int, seed: int) -> None:
    errs = [(d, p, g) for d, p, g in rows if (k := kind_of(p["speaker"], g["speaker"])) is not None
            and (kind is None or k == kind) and (rule is None or p["claim"].rule_id == rule)]
    random.Random(seed).shuffle(errs)
    print(f"{len(errs)} errors")
    for i, (d, p, g) in enumerate(errs[:n]):
        print(f"#{i} {kind_of(p['speaker'], g['speaker'])} rule={p['claim'].rule_id} key={p['claim'].speaker_key} "
              f"G={words(d, g['speaker'])!r} P={words(d, p['speaker'])!r} [{d['documentName'][:30]}]")
        print("   ", marked(d, p, g))


def edge_kind(ch) -> str | None:
    if ch.dep_ == "appos":
        return "apposition"
    if ch.dep_ == "nmod":
        return "PP" if any(x.dep_ == "case" for x in ch.children) else "genitive"
    if ch.dep_ == "conj":
        return "conjunct"
    return "relative/acl" if ch.dep_.startswith("acl") else None


def span_edges(doc, sp, out: Counter) -> None:
    """Count the right-hand dependents of the span's head (and a preposition before it) inside/outside the span."""
    heads = [t for t in sp if not (sp.start <= t.head.i < sp.end) or t.head.i == t.i]
    if len(heads) != 1:
        return
    h = heads[0]
    if sp.start > 0 and doc[sp.start - 1].pos_ == "ADP" and doc[sp.start - 1].head.i == h.i:
        out[("preposition before", "out")] += 1
    if sp[0].pos_ == "ADP" and sp[0].head.i == h.i:
        out[("preposition before", "in")] += 1
    for ch in h.children:
        k = edge_kind(ch) if ch.i > h.i else None
        if k is not None:
            sub = list(ch.subtree)
            a, b = sub[0].i, sub[-1].i + 1
            out[(k, "in" if a >= sp.start and b <= sp.end else "out" if a >= sp.end else "part")] += 1


def conventions(docs, nlp, rules, parsed=None) -> None:
    from pipeline.extract import extract
    gold, pred = Counter(), Counter()
    for d, doc in zip(docs, parsed or nlp.pipe([d["originalText"] for d in docs], batch_size=8)):
        spans = {char_span(d, frozenset(a["speaker"]["tokenIds"])) for a in d["annotations"]} - {None}
        for s, e in spans:
            if (sp := doc.char_span(s, e, alignment_mode="expand")) is not None and len(sp):
                span_edges(doc, sp, gold)
        mine = {(c.speaker_start, c.speaker_end) for c in extract(doc, rules).claims if c.speaker_start is not None}
        for s, e in mine:
            if (sp := doc.char_span(s, e, alignment_mode="expand")) is not None and len(sp):
                span_edges(doc, sp, pred)
    print(f"{'edge':20s} {'gold in':>8s} {'gold out':>8s} {'ours in':>8s} {'ours out':>8s}")
    for k in ("apposition", "genitive", "PP", "conjunct", "relative/acl", "preposition before"):
        print(f"{k:20s} {gold[(k, 'in')]:8d} {gold[(k, 'out')]:8d} {pred[(k, 'in')]:8d} {pred[(k, 'out')]:8d}")


FORMS = ("pronoun", "demonstrative", "age noun", "spokesperson", "organisation noun", "role noun", "other noun")


def speaker_form(c, doc, a: int, b: int, w, pronouns) -> str:
    """The form of an unnamed speaker span (tokens a..b): by its first or head word."""
    toks = [t for t in doc[a:b] if not t.is_punct]
    if not toks:
        return "other noun"
    low = [t.lower_ for t in toks]
    if len(toks) == 1 and low[0] in pronouns:
        return "pronoun"
    if len(toks) == 1 and low[0] in ("dieser", "diese", "jener", "jene", "letzterer", "letztere"):
        return "demonstrative"
    if any(x.endswith(tuple(w.age_noun_suffixes)) and t.text[:1].isupper() for x, t in zip(low, toks)):
        return "age noun"
    nouns = [x for x, t in zip(low, toks) if t.pos_ in ("NOUN", "PROPN")]
    if any(x.endswith(tuple(w.spokesperson_suffixes)) for x in nouns):
        return "spokesperson"
    if any(x.endswith(tuple(w.company_noun_endings)) or x.endswith(tuple(w.institution_nouns))
           or x in w.generic_org_nouns for x in nouns[:1]):
        return "organisation noun"
    if any(x.endswith(tuple(w.role_resolution_suffixes)) for x in nouns[:1]):
        return "role noun"
    return "other noun"


def cached_docs(docs, nlp, tag: str):
    """The parsed docs of these articles, kept as a DocBin under /tmp between runs."""
    from spacy.tokens import DocBin
    path = Path(f"/tmp/speaker_errors_{tag}.spacy")
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    out = list(nlp.pipe([d["originalText"] for d in docs], batch_size=8))
    DocBin(store_user_data=True, docs=out).to_disk(path)
    return out


def resolution(docs, nlp, rules, tag: str, form: str | None) -> None:
    from pipeline.eval_claims import TokenIndex, gold_items, pair, pred_items
    from pipeline.extract import extract
    from pipeline.extract.claims.context import WORD_LISTS
    w = rules["words"].namespace("claims", WORD_LISTS)
    pronouns = set(rules["speech"].pronouns)
    counts, wrong = Counter(), Counter()
    for n, (d, doc) in enumerate(zip(docs, cached_docs(docs, nlp, tag))):
        ex = extract(doc, rules)
        names = {a.key: a.name for a in ex.actors}
        ents = [(e.start_char, e.end_char) for e in doc.ents]
        preds = pred_items(ex.claims, TokenIndex(d["tokens"]))
        golds = gold_items(d)
        gold_of = {i: golds[j] for i, j in pair(preds, golds)}
        for i, p in enumerate(preds):
            cl = p["claim"]
            g = gold_of.get(i)
            k = kind_of(p["speaker"], g["speaker"]) if g is not None else None
            if k in ("disjoint", "pred none"):
                wrong[k] += 1
                print(f"@{n} SPAN {k} rule={cl.rule_id} G={words(d, g['speaker'])!r} P={cl.speaker_text!r} "
                      f"-> {names.get(cl.speaker_key)!r}\n    {marked(d, p, g)}")
            if cl.speaker_start is None or any(s < cl.speaker_end and e > cl.speaker_start for s, e in ents):
                continue
            sp = doc.char_span(cl.speaker_start, cl.speaker_end, alignment_mode="expand")
            f = speaker_form(None, doc, sp.start, sp.end, w, pronouns)
            counts[f] += 1
            if form is not None and f != form:
                continue
            si = [s for s in doc.sents if s.start <= sp.start < s.end][0]
            ctx = doc[max(0, si.start - 60):si.end].text.replace("\n", " / ")
            print(f"@{n} FORM {f} rule={cl.rule_id} P={cl.speaker_text!r} -> {names.get(cl.speaker_key)!r}"
                  f"{'' if g is None else ' G=' + repr(words(d, g['speaker']))}\n    …{ctx[-400:]}")
    print("unnamed speakers by form:", dict(counts.most_common()), "span errors:", dict(wrong))


LOSS = ("claim missed", "false claim", "speaker none", "gold none", "edge", "unnamed", "wrong person")


def _named(doc, d: dict, ids: frozenset) -> bool:
    """Whether the gold-token span ``ids`` contains a proper noun or an entity (a name)."""
    if not ids:
        return False
    s, e = char_span(d, ids)
    sp = doc.char_span(s, e, alignment_mode="expand")
    return sp is not None and any(t.pos_ == "PROPN" or t.ent_type_ for t in sp)


def loss_rows(d: dict, doc, preds: list[dict], golds: list[dict]):
    """(class, recall loss, precision loss, pred, gold) for every claim whose speaker loses tokens."""
    from pipeline.eval_claims import pair
    pairs = pair(preds, golds)
    pi, gj = {i for i, _ in pairs}, {j for _, j in pairs}
    for j, g in enumerate(golds):
        if j not in gj and g["speaker"]:
            yield "claim missed", len(g["speaker"]), 0, None, g
    for i, p in enumerate(preds):
        if i not in pi and p["speaker"]:
            yield "false claim", 0, len(p["speaker"]), p, None
    for i, j in pairs:
        p, g = preds[i], golds[j]
        k = kind_of(p["speaker"], g["speaker"])
        if k is None:
            continue
        cls = {"pred none": "speaker none", "gold none": "gold none", "disjoint": None}.get(k, "edge")
        if cls is None:
            cls = "wrong person" if _named(doc, d, p["speaker"]) and _named(doc, d, g["speaker"]) else "unnamed"
        tp = len(p["speaker"] & g["speaker"])
        yield cls, len(g["speaker"]) - tp, len(p["speaker"]) - tp, p, g


def loss(docs, nlp, rules, tag: str, show_cls: str | None, n: int, seed: int) -> None:
    from pipeline.eval_claims import Scores, TokenIndex, gold_items, pred_items
    from pipeline.extract import extract
    scores, rl, pl, cnt, ex_rows, by = Scores(), Counter(), Counter(), Counter(), [], Counter()
    for d, doc in zip(docs, cached_docs(docs, nlp, tag)):
        preds = pred_items(extract(doc, rules).claims, TokenIndex(d["tokens"]))
        golds = gold_items(d)
        scores.add(preds, golds)
        for cls, r, p_, p, g in loss_rows(d, doc, preds, golds):
            rl[cls] += r
            pl[cls] += p_
            cnt[cls] += 1
            by[(cls, p["claim"].rule_id if p is not None else g["type"])] += r + p_
            if cls == show_cls:
                ex_rows.append((d, p, g))
    for f in ("message", "speaker", "cue"):
        print(f"{f:8s} P/R/F1 " + " ".join(f"{x:.3f}" for x in scores.prf(None, f)))
    tot = [sum(scores.c[t]["speaker"][k] for t in scores.types) for k in range(3)]
    print(f"speaker tokens: tp {tot[0]}  pred {tot[1]}  gold {tot[2]}")
    print(f"{'class':14s} {'claims':>6s} {'R loss':>7s} {'P loss':>7s}  top rules (gold type if missed), tokens lost")
    for cls in LOSS:
        top = sorted(((v, r) for (k, r), v in by.items() if k == cls), reverse=True)[:4]
        print(f"{cls:14s} {cnt[cls]:6d} {rl[cls]:7d} {pl[cls]:7d}  " + ", ".join(f"{r} {v}" for v, r in top))
    random.Random(seed).shuffle(ex_rows)
    for i, (d, p, g) in enumerate(ex_rows[:n]):
        if p is None:
            ms = char_span(d, g["message"])
            print(f"#{i} G={words(d, g['speaker'])!r} [{d['documentName'][:30]}]\n    "
                  + d["originalText"][max(0, ms[0] - 200):ms[1]][:420].replace("\n", " / "))
        elif g is None:
            c = p["claim"]
            print(f"#{i} rule={c.rule_id} P={c.speaker_text!r} [{d['documentName'][:30]}]\n    "
                  + d["originalText"][max(0, c.claim_start - 200):c.claim_end][:420].replace("\n", " / "))
        else:
            print(f"#{i} rule={p['claim'].rule_id} G={words(d, g['speaker'])!r} P={words(d, p['speaker'])!r} "
                  f"[{d['documentName'][:30]}]\n    {marked(d, p, g)}")


EDGE_PREPOSITIONS = ("von", "vom", "in", "im", "auf", "aus", "für", "zu", "bei", "nach", "mit", "am", "an", "laut")


def edge_parts(toks: dict, p: frozenset, g: frozenset):
    """(side, whose, kind, words) for each side on which two overlapping speaker spans differ."""
    common = p & g
    for side, part in (("left", [i for i in sorted(p | g) if i < min(common)]),
                       ("right", [i for i in sorted(p | g) if i > max(common)])):
        if not part:
            continue
        w = [toks[i] for i in part]
        kind = "comma" if "," in (w[0], w[-1]) else "preposition" if (
            w[0].lower() in EDGE_PREPOSITIONS or w[-1].lower() in EDGE_PREPOSITIONS) else "other"
        yield side, "gold" if part[0] in g else "ours", kind, " ".join(w)


def edges(docs, nlp, rules, tag: str, n: int) -> None:
    """Speaker span-edge errors (paired claims, spans overlap but differ) by side, whose span goes on, and kind."""
    from pipeline.eval_claims import TokenIndex, gold_items, pair, pred_items
    from pipeline.extract import extract
    cnt, tok, ex = Counter(), Counter(), []
    for d, doc in zip(docs, cached_docs(docs, nlp, tag)):
        preds = pred_items(extract(doc, rules).claims, TokenIndex(d["tokens"]))
        golds = gold_items(d)
        toks = {t["id"]: t["text"] for t in d["tokens"]}
        for i, j in pair(preds, golds):
            p, g = preds[i]["speaker"], golds[j]["speaker"]
            if p == g or not (p & g):
                continue
            for side, whose, kind, w in edge_parts(toks, p, g):
                cnt[(side, whose, kind)] += 1
                tok[(side, whose, kind)] += len(w.split())
                ex.append(f"{side} {whose} {kind}: +{w!r}  G={words(d, g)!r} P={words(d, p)!r}")
    print(f"{'side':6s} {'longer':6s} {'kind':12s} {'pairs':>5s} {'tokens':>6s}")
    for k in sorted(cnt):
        print(f"{k[0]:6s} {k[1]:6s} {k[2]:12s} {cnt[k]:5d} {tok[k]:6d}")
    for line in sorted(ex)[:n]:
        print("   ", line)


def synth_wrong(nlp, rules, only: str | None = None) -> None:
    """Every claim of the synth ``tune`` half found with a wrong or missing speaker, paired as ``eval synth`` pairs them,
    with the text before it, for sorting into classes by hand (never the ``check`` half)."""
    from pipeline.eval_synth import load_gold
    from pipeline.eval_web import Counts, predict, score_claims
    for art in load_gold():
        if art.split != "tune" or (only and not art.name.startswith(only)):
            continue
        preds, _ = predict(art.text, nlp, rules)
        log: list[str] = []
        score_claims(art.text, art.claims, preds, Counts(), log)
        for line in (x for x in log if x.lstrip().startswith("SPKR")):
            content = line.split("): ", 1)[1].rstrip()
            at = art.text.find(content)
            print(f"{art.name} {line.strip()}\n    …{art.text[max(0, at - 300):at + len(content) + 60]}".replace("\n\n", " | "))


def unlabelled_texts(offset: int, limit: int, germeval: int) -> list[str]:
    """SmartData v3 news documents (over 300 characters), MobIE documents (all splits), Wikinews train articles
    [offset:offset+limit] and the first ``germeval`` GermEval train sentences with a reporting word: text whose speaker
    actors nobody labelled (the Wikinews gold marks spans, not referents)."""
    from pipeline.eval_claims import load_split
    from unseen_roles import mobie_docs, smartdata_docs
    wiki = [d["originalText"] for d in load_split("train")]
    mobie = [d["text"] for sp in ("train", "dev", "test") for d in mobie_docs(split=sp)]
    from switch_fires import germeval_sentences
    return [d["text"] for d in smartdata_docs() if len(d["text"]) > 300] + mobie + wiki[offset:offset + limit] \
        + germeval_sentences(germeval)


def fires(nlp, rules, names: list[str], texts: list[str], n: int) -> None:
    """Per speaker rule or switch of speech.yaml: the claims whose speaker actor (or speaker text) changes when it alone is
    off, with the text before the claim, for judging by hand whether the change is right; a name that is a folder of rule
    files (a copy of another branch's pipeline/rules) compares with those rules instead (word-list changes)."""
    import dataclasses
    from pipeline.extract import extract
    from pipeline.ruleset import load_rules
    R = rules["speech"]

    def off(name):
        if name in R.switches:
            sp = dataclasses.replace(R, switches={**R.switches, name: False})
        else:
            sp = dataclasses.replace(R, rules={st: tuple((k, on and k != name) for k, on in pairs)
                                               for st, pairs in R.rules.items()})
        return dataclasses.replace(rules, compiled={**rules.compiled, "speech": sp})

    def speakers(doc, rs):
        ex = extract(doc, rs)
        names_ = {a.key: a.name for a in ex.actors}
        return {(c.claim_start, c.rule_id): (c.speaker_text, names_.get(c.speaker_key)) for c in ex.claims}

    offs = {k: off(k) if not Path(k).is_dir() else load_rules(Path(k)) for k in names}
    found = {k: [] for k in names}
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=16)):
        on = speakers(doc, rules)
        for k, rs in offs.items():
            other = speakers(doc, rs)
            for key in sorted(set(on) | set(other)):
                if on.get(key) != other.get(key):
                    found[k].append(f"[{key[1]}] on={on.get(key)} off={other.get(key)}\n      "
                                    f"{text[max(0, key[0] - 300):key[0] + 80]!r}")
    print(f"{len(texts)} texts")
    for k in names:
        print(f"=== {k}: {len(found[k])} changed claims")
        for line in found[k][:n]:
            print("   ", line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=("kinds", "show", "conventions", "resolution", "loss", "edges", "synth", "fires"))
    ap.add_argument("--names", default="", help="fires: speaker rules or switches of speech.yaml (or a rules folder to "
                    "compare with), comma-separated")
    ap.add_argument("--germeval", type=int, default=0, help="fires: also the first N GermEval train sentences")
    ap.add_argument("--only", default=None, help="synth: only files starting with this prefix")
    ap.add_argument("--offset", type=int, default=0, help="resolution: skip the first N articles")
    ap.add_argument("--limit", type=int, default=0, help="resolution: only N articles")
    ap.add_argument("--form", choices=FORMS, default=None, help="resolution: only speakers of this form")
    ap.add_argument("--show", choices=LOSS, default=None, help="loss: print examples of this class")
    ap.add_argument("--kind", choices=KINDS, default=None)
    ap.add_argument("--rule", default=None, help="only claims of this rule id")
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--profile", default="wikinews", help="claims convention profile of speech.yaml, as `eval claims` "
                    "scores Wikinews ('default': none; synth and fires use the default rules)")
    args = ap.parse_args(argv)
    from pipeline.eval_claims import load_split
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules, with_profile
    try:
        docs = load_split("train")
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    nlp, _ = load_nlp(None)
    rules = load_rules()
    if args.mode == "synth":
        synth_wrong(nlp, rules, args.only)
        return 0
    if args.mode == "fires":
        fires(nlp, rules, [x for x in args.names.split(",") if x], unlabelled_texts(args.offset, args.limit, args.germeval), args.n)
        return 0
    rules = with_profile(rules, args.profile)
    if args.mode in ("resolution", "loss", "edges") or (args.mode == "conventions" and args.limit):
        docs = docs[args.offset:args.offset + args.limit] if args.limit else docs[args.offset:]
        if args.mode == "edges":
            edges(docs, nlp, rules, f"train_{args.offset}_{len(docs)}", args.n)
        elif args.mode == "conventions":
            conventions(docs, nlp, rules, cached_docs(docs, nlp, f"train_{args.offset}_{len(docs)}"))
        elif args.mode == "loss":
            loss(docs, nlp, rules, f"train_{args.offset}_{len(docs)}", args.show, args.n, args.seed)
        else:
            resolution(docs, nlp, rules, f"train_{args.offset}_{len(docs)}", args.form)
        return 0
    if args.mode == "conventions":
        conventions(docs, nlp, rules)
        return 0
    rows = list(paired(docs, nlp, rules))
    if args.mode == "kinds":
        kinds(rows)
    else:
        show(rows, args.kind, args.rule, args.n, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
