"""Unseen check for roles and person actors on text the rules were never tuned on (issue 12).

    python benchmarks/unseen_roles.py persons [--half tune|check|all] [-v]
    python benchmarks/unseen_roles.py roles   [--half tune|check|all] [-v]
    python benchmarks/unseen_roles.py sample  [--n 100] [--seed S] [--source all|news]  # a fresh sample to label

Reads ``../shared`` only (never copies data into the repository):

* **persons** -- SmartData v3 (dev+test, news and RSS documents; German business/mobility news) and MobIE test
  (mobility news) carry gold PER/ORG/LOC spans. Every person actor the pipeline makes is judged by the gold
  spans its PER mentions overlap: ``person`` (a gold PERSON span), ``org``/``loc`` (only gold
  ORGANIZATION*/LOCATION* spans: a company or place made a person), ``none`` (no gold span: a common noun or a
  name the gold does not count). Person precision = person / all; "companies become persons" = gold ORG
  mentions inside a person actor's mention / gold ORG mentions.
* **roles** -- hand labels in ``benchmarks/unseen_roles_labels.yaml``: title hits sampled at random from
  Wikinews train articles that are not in tests/gold/roles and from SmartData news, each with its true holder,
  role, organisation and status (holder null: the title is no role held by a named person there). Measures as
  in ``eval web``: found, found with the right organisation, precision of the role rows at the sampled hits.
  A second sample (``set: check2``, ``--half check2``: 68 hits of other articles) was labelled from the text
  alone after the first rules were written (then tuned on); a third (``set: check3``, 51 hits) after all rules,
  never looked at with predictions before scoring. ``check4`` (56 hits, seed 41) likewise; ``check5`` (seed 53,
  ``--source news``: SmartData and MobIE only, no Wikinews) was labelled blind by role7 and scored once at the end;
  ``tune2`` (60 hits, seed 61) was labelled by role7 as a second tuning set; ``check6`` (seed 71, ``--source news``, 8 hits:
  the news pool is nearly used up) was labelled blind by role9 and scored once at the end; ``check7`` (seed 97, 60
  hits) and ``check8`` (seed 103, 60 hits) were labelled blind by roleorg9 and roleprec9 and scored once at the end;
  ``tune3`` (seed 101) and ``tune4`` (seed 107) were labelled by them as tuning sets. The four samples of that session
  overlap in 16 hits (check7/tune4 4, check8/tune3 5): ``--half blind9`` scores check7 and check8 without any hit of a
  tuning set. ``check9`` (seed 211, 60 hits) was labelled blind by roles10 and scored once at the end; ``tune5`` (seed
  223, 60 hits, documents of no earlier set) was labelled by roles10 as a tuning set.
``check10`` (seed 227, 60 hits) was labelled blind by roles11 and scored once at the end (found / right organisation /
precision 0.676 / 0.529 / 0.767 on main f98b530, 0.676 / 0.529 / 0.821 on roles11); ``tune6`` (seed 229, 60 hits,
documents of no earlier set) was labelled by roles11 as a tuning set. ``check11`` (seed 233, only 35 hits: the pool has
21 documents with a title hit left) was labelled blind by roles12 and scored once at the end (0.938 / 0.625 / 0.938
before and after); ``tune7`` (seed 239, ``--source germeval``: GermEval 2014 train sentences, 60 hits) was labelled by
roles12 as a tuning set. ``check12`` (seed 241, ``--source germeval``, 60 hits, 23 roles) was labelled blind by rorg13
before any rule of that session was written and scored once at its start and once at its end.
``check13`` (seed 251, ``--source germeval``, 60 hits, 26 roles) was labelled blind by rprec14 before any prediction on
them was run and scored once at its start and once at its end (0.885 / 0.731 / 0.920 both times, main 9835dde and
rprec14); ``tune8`` (seed 257, ``--source germeval``, 60 hits, 23
roles, documents of no earlier set, check13 included) was labelled by rprec14 as a tuning set.

Documents are split by a hash of their id into a ``tune`` half (looked at while writing rules) and a ``check``
half (only scored); ``persons --half mobie-dev`` scores the MobIE dev and train splits, never looked at. Parses are cached under ``--cache`` (default /tmp/unseen_roles_cache).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import sys
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("PIPELINE_SHARED", ROOT.parent / "shared"))
LABELS = ROOT / "benchmarks" / "unseen_roles_labels.yaml"


def half_of(doc_id: str) -> str:
    return "tune" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "check"


# --------------------------------------------------------------------------- data

def _json_stream(path: Path):
    """SmartData's stream of pretty-printed JSON objects (the reader the model training uses)."""
    from pipeline.train import _iter_json_stream
    return _iter_json_stream(path)


def _kind(label: str) -> str | None:
    label = label.upper()
    if label.startswith("PER"):
        return "person"
    if label.startswith("ORG") and "POSITION" not in label:
        return "org"
    if label.startswith("LOC"):
        return "loc"
    return None


def smartdata_docs(shared: Path = SHARED) -> list[dict]:
    """{'id', 'text', 'gold': [(start, end, kind)]} for SmartData news/RSS documents."""
    out = []
    for split in ("v3_dev", "v3_test"):
        path = shared / "data" / "ner" / "smartdata" / f"{split}.json.gz"
        if not path.exists():
            continue
        for d in _json_stream(path):
            if ((d.get("refids") or {}).get("map") or {}).get("source") == "tweet":
                continue
            gold = [(m["span"]["start"], m["span"]["end"], _kind(m["type"]))
                    for m in (d.get("conceptMentions") or {}).get("array") or []]
            out.append({"id": f"smartdata:{d['id']}", "text": d["text"]["string"],
                        "gold": [g for g in gold if g[2]]})
    return out


def mobie_docs(shared: Path = SHARED, min_tokens: int = 60, split: str = "test") -> list[dict]:
    """MobIE documents of one split (CoNLL tokens joined by spaces, gold spans from the BIO tags)."""
    path = shared / "data" / "ner" / "mobie" / "ner_conll03_formatted.zip"
    if not path.exists():
        return []
    out, cur = [], None
    lines = zipfile.ZipFile(path).read(f"{split}.conll2003").decode("utf-8").splitlines()

    def flush():
        if cur and len(cur["toks"]) >= min_tokens:
            text, gold, open_ = "", [], None
            for tok, tag in cur["toks"]:
                if text:
                    text += " "
                s = len(text)
                text += tok
                if tag.startswith("B-") or tag == "O" or (open_ and tag[2:] != open_[2]):
                    if open_:
                        gold.append(tuple(open_))
                    open_ = [s, len(text), _kind(tag[2:])] if tag != "O" else None
                else:
                    open_[1] = len(text)
            if open_:
                gold.append(tuple(open_))
            out.append({"id": f"mobie-{split}:{cur['id']}" if split != "test" else f"mobie:{cur['id']}", "text": text,
                        "gold": [g for g in gold if g[2]]})

    for line in lines:
        if line.startswith("-DOCSTART-"):
            flush()
            cur = {"id": line.split()[1].strip("-"), "toks": []}
        elif line.strip() and cur is not None:
            parts = line.split("\t")
            cur["toks"].append((parts[0], parts[-1]))
    flush()
    return out


def wikinews_docs(shared: Path = SHARED) -> list[dict]:
    """Wikinews train articles that are not a source of tests/gold/roles (those were tuned on)."""
    path = shared / "data" / "quotes" / "wikinews" / "train.jsonl.gz"
    if not path.exists():
        return []
    used = set()
    for p in (ROOT / "tests" / "gold" / "roles").glob("*.yaml"):
        src = (yaml.safe_load(p.read_text(encoding="utf-8")) or {}).get("source", "")
        if src.startswith("wikinews:train:"):
            used.add(src.rsplit(":", 1)[1])
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            doc_id = d["documentName"].split(" - ", 1)[0].strip()
            if doc_id not in used:
                out.append({"id": f"wikinews:{doc_id}", "text": d["originalText"], "gold": []})
    return out


def germeval_docs(shared: Path = SHARED, min_tokens: int = 8) -> list[dict]:
    """GermEval 2014 train sentences (Wikipedia and news, one sentence a document; tokens joined by spaces, none
    before closing punctuation): a fresh pool for ``sample --source germeval`` once Wikinews train is used up."""
    path = shared / "data" / "ner" / "germeval2014" / "train.bio.tsv.gz"
    if not path.exists():
        return []
    out, toks = [], []

    def flush():
        if len(toks) >= min_tokens:
            text = ""
            for tok in toks:
                text += ("" if not text or tok in _NO_SPACE_BEFORE or text.endswith("(") else " ") + tok
            out.append({"id": f"germeval:{len(out) + 1}-{hashlib.sha1(text.encode()).hexdigest()[:8]}",
                        "text": text, "gold": []})
        toks.clear()

    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                toks.append(line.split("\t")[0])
            else:
                flush()
    flush()
    return out


_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")"}


# --------------------------------------------------------------------------- parsing

class Parser:
    def __init__(self, cache: Path):
        from pipeline.nlp import load_nlp
        from pipeline.ruleset import load_rules
        self.nlp, self.info = load_nlp(None)
        self.rules = load_rules()
        self.cache = cache / f"{self.info.name}-{self.info.version}"
        self.cache.mkdir(parents=True, exist_ok=True)

    def doc(self, text: str):
        from spacy.tokens import DocBin
        sha = hashlib.sha1(text.encode()).hexdigest()
        p = self.cache / f"{sha}.spacy"
        if p.exists():
            return list(DocBin().from_bytes(p.read_bytes()).get_docs(self.nlp.vocab))[0]
        doc = self.nlp(text)
        db = DocBin(store_user_data=True)
        db.add(doc)
        p.write_bytes(db.to_bytes())
        return doc

    def extract(self, text: str):
        from pipeline.extract import extract
        doc = self.doc(text)
        return doc, extract(doc, self.rules)


# --------------------------------------------------------------------------- persons

def _overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def judge_actor(actor, gold) -> str:
    kinds = set()
    for m in actor.mentions:
        if m.label == "ROLE":
            continue
        kinds |= {g[2] for g in gold if _overlaps((m.start, m.end), g)}
    for k in ("person", "org", "loc"):
        if k in kinds:
            return k
    return "none"


def persons(parser: Parser, docs: list[dict], verbose: bool) -> dict:
    c = {"person": 0, "org": 0, "loc": 0, "none": 0, "gold_org": 0, "org_as_person": 0,
         "gold_per": 0, "per_found": 0}
    for d in docs:
        _, ex = parser.extract(d["text"])
        pmentions = [(m.start, m.end) for a in ex.actors if a.actor_type == "person"
                     for m in a.mentions if m.label != "ROLE"]
        for a in ex.actors:
            if a.actor_type != "person":
                continue
            v = judge_actor(a, d["gold"])
            c[v] += 1
            if verbose and v != "person":
                print(f"  PFP-{v:<4} {d['id'][:40]:<40} {a.name}")
        for g in d["gold"]:
            hit = any(_overlaps(g, m) for m in pmentions)
            if g[2] == "org":
                c["gold_org"] += 1
                c["org_as_person"] += hit
            elif g[2] == "person":
                c["gold_per"] += 1
                c["per_found"] += hit
    n = c["person"] + c["org"] + c["loc"] + c["none"]
    c["person_precision"] = round(c["person"] / n, 3) if n else 1.0
    c["person_precision_labelled"] = round(c["person"] / (n - c["none"]), 3) if n - c["none"] else 1.0
    c["companies_as_persons"] = round(c["org_as_person"] / c["gold_org"], 3) if c["gold_org"] else 0.0
    c["gold_persons_found"] = round(c["per_found"] / c["gold_per"], 3) if c["gold_per"] else 1.0
    return c


# --------------------------------------------------------------------------- roles

def _words(s):
    return [w for w in str(s or "").replace("-", " ").casefold().split() if w]


def names_match(pred, gold) -> bool:
    p, g = _words(pred), _words(gold)
    return bool(p and g) and (p[-1] == g[-1] or set(p) <= set(g) or set(g) <= set(p))


def _norm(s):
    return " ".join(str(s).split()).casefold() if s not in (None, "", "null") else None


def _org_loose(pred, gold) -> bool:
    """Organisations matched as ``eval web`` does (case-folded, or by the words one name contains: "Kongo" for
    "Demokratische Republik Kongo"); the strict measure above compares the normalised strings."""
    if _norm(gold) is None:
        return _norm(pred) is None
    return _norm(pred) is not None and (_norm(pred) == _norm(gold) or names_match(pred, gold))


def score_roles(parser: Parser, docs: dict[str, dict], labels: list[dict], verbose: bool) -> dict:
    c = {"hits": 0, "gold_roles": 0, "found": 0, "right_org": 0, "right_org_loose": 0, "right_status": 0, "pred": 0,
         "pred_ok": 0}
    by_doc: dict[str, list[dict]] = {}
    for lab in labels:
        by_doc.setdefault(lab["doc"], []).append(lab)
    for doc_id, labs in sorted(by_doc.items()):
        if doc_id not in docs:
            continue
        doc, ex = parser.extract(docs[doc_id]["text"])
        names = {a.key: a.name for a in ex.actors}
        for lab in labs:
            c["hits"] += 1
            at = (lab["at"], lab["at"] + len(lab["title"]))
            preds = [r for r in ex.roles if _overlaps((r.start, r.end), at) and r.actor_key in names]
            holders = lab.get("holder") or []
            holders = holders if isinstance(holders, list) else [holders]
            right = lambda r, h: names_match(names[r.actor_key], h) and _norm(r.role) == _norm(lab["role"])  # noqa
            c["pred"] += len(preds)
            c["pred_ok"] += sum(any(right(r, h) for h in holders) for r in preds)
            bad = len(preds) > sum(any(right(r, h) for h in holders) for r in preds)
            for h in holders:
                ok = [r for r in preds if right(r, h)]
                c["gold_roles"] += 1
                org_ok = any(_norm(r.organization) == _norm(lab.get("org")) for r in ok)
                c["found"] += bool(ok)
                c["right_org"] += org_ok
                c["right_org_loose"] += any(_org_loose(r.organization, lab.get("org")) for r in ok)
                c["right_status"] += any(r.status == lab.get("status", "current") for r in ok)
                bad = bad or not org_ok
            if verbose and bad:
                got = [(names[r.actor_key], r.role, r.organization, r.status) for r in preds]
                want = (lab.get("holder"), lab.get("role"), lab.get("org"), lab.get("status")) if holders else None
                print(f"  {doc_id[:30]:<30} @{lab['at']:<5} {lab['title']!r}: gold {want} pred {got}"
                      f"  [{lab.get('pattern', '')}]")
    r = lambda a, b: round(a / b, 3) if b else 1.0  # noqa: E731
    c.update(roles_found=r(c["found"], c["gold_roles"]), roles_right_org=r(c["right_org"], c["gold_roles"]),
             role_precision=r(c["pred_ok"], c["pred"]),
             roles_right_org_loose=r(c["right_org_loose"], c["gold_roles"]))
    return c


def sample_hits(parser: Parser, docs: list[dict], n: int, seed: int = 12) -> list[dict]:
    """A random sample of singular title hits (the title scan of roles.yaml), with their sentence."""
    from pipeline.extract.roles import Scan
    from pipeline.extract import tags as _tags
    rng = random.Random(seed)
    docs = list(docs)
    rng.shuffle(docs)
    out = []
    for d in docs:
        if len(out) >= n:
            break
        doc = parser.doc(d["text"])
        _tags.normalise_tags(doc, parser.rules.get("tags"))
        hits = [h for h in Scan(doc, parser.rules).hits if not h.plural]
        for h in rng.sample(hits, min(2, len(hits))):
            tok = doc[h.head]
            out.append({"doc": d["id"], "at": tok.idx, "title": tok.text, "sent": tok.sent.text.strip()})
    return out[:n]


# --------------------------------------------------------------------------- main

BLIND9 = ("check7", "check8")      # the ninth session's blind samples, scored without the hits its tuning sets share


def select_labels(hits: list[dict], half: str) -> list[dict]:
    """The labelled hits of one set (``tune``/``check``: the hash halves of the first, unnamed sample; ``blind9``:
    check7 and check8 less every hit that is also in a tuning set)."""
    if half == "all":
        return hits
    if half == "blind9":
        tuned = {(h["doc"], h["at"]) for h in hits if str(h.get("set") or "").startswith("tune")}
        return [h for h in hits if h.get("set") in BLIND9 and (h["doc"], h["at"]) not in tuned]
    if half in ("tune", "check"):
        return [h for h in hits if not h.get("set") and half_of(h["doc"]) == half]
    return [h for h in hits if h.get("set") == half]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=("persons", "roles", "sample"))
    ap.add_argument("--half", choices=("tune", "tune2", "check", "check2", "check3", "check4", "check5", "check6", "check7", "tune3", "check8", "tune4", "check9", "tune5", "check10", "tune6", "check11", "tune7", "check12", "check13", "tune8", "blind9", "mobie-dev", "all"),
                    default="check",
                    help="tune/check: the hash halves of the first sample; check2..check5, tune2: later samples (roles only)")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--source", choices=("all", "news", "germeval"), default="all",
                    help="sample: all = Wikinews train + SmartData; news = SmartData + MobIE test (modern business news); "
                         "germeval = GermEval 2014 train sentences")
    ap.add_argument("--seed", type=int, default=12, help="sample: the random seed (12, 99, 7, 41 were used)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/unseen_roles_cache"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    if not (SHARED / "data").exists():
        print(f"no shared data at {SHARED}: nothing to check", file=sys.stderr)
        return 2
    parser = Parser(args.cache)
    keep = lambda d: args.half == "all" or half_of(d["id"]) == args.half  # noqa: E731
    if args.what == "persons":
        docs = mobie_docs(split="dev") + mobie_docs(split="train") if args.half == "mobie-dev" else [d for d in smartdata_docs() + mobie_docs()
                                                                         if keep(d)]
        c = persons(parser, docs, args.verbose)
        print(f"persons, {args.half} half ({len(docs)} documents, rules {parser.rules.version[:12]}):")
    elif args.what == "sample":
        used = {lab["doc"] for lab in yaml.safe_load(LABELS.read_text(encoding="utf-8"))["hits"]}
        pool = {"news": smartdata_docs() + mobie_docs(), "germeval": germeval_docs()}.get(
            args.source, wikinews_docs() + smartdata_docs())
        docs = [d for d in pool if d["id"] not in used]
        for h in sample_hits(parser, docs, args.n, seed=args.seed):
            print(yaml.safe_dump([h], allow_unicode=True, sort_keys=False, width=200).rstrip())
        return 0
    else:
        labels = select_labels(yaml.safe_load(LABELS.read_text(encoding="utf-8"))["hits"], args.half)
        germeval = germeval_docs() if any(str(h["doc"]).startswith("germeval:") for h in labels) else []
        docs = {d["id"]: d for d in wikinews_docs() + smartdata_docs() + mobie_docs() + germeval}
        c = score_roles(parser, docs, labels, args.verbose)
        print(f"roles, {args.half} half ({len(labels)} labelled hits, rules {parser.rules.version[:12]}):")
    for k, v in c.items():
        print(f"  {k:<26} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
