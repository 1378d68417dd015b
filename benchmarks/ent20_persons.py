"""List every person actor of unlabelled real-looking text, with the context of its first mention (ent20, issue 12).

    python benchmarks/ent20_persons.py blind            # tests/gold/web_blind, web_blind2, web_blind3, web_blind4 (tune pages)
    python benchmarks/ent20_persons.py webdev            # the web dev pages (split.yaml dev only: never held-out pages)
    python benchmarks/ent20_persons.py wikinews --offset 0 --limit 100   # Wikinews train articles
    python benchmarks/ent20_persons.py germeval --offset 0 --limit 2000  # GermEval train sentences (one text each)
    python benchmarks/ent20_persons.py news --limit 400                  # SmartData news and MobIE test documents

One line per person actor: source, name, number of mentions, their NER labels, and the first mention in context, for
judging by hand. Parses are cached under /tmp/ent20_cache (key: text hash). Reads ../shared, copies nothing.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
CACHE = Path("/tmp/ent20_cache")


def blind_texts() -> list[tuple[str, str]]:
    from pipeline.ingest import read_file
    out = []
    for d in ("web_blind", "web_blind2", "web_blind3", "web_blind4"):
        for p in sorted((ROOT / "tests" / "gold" / d / "html").glob("*.html")):
            arts = [a for a in read_file(p) if hasattr(a, "body_text")]
            if arts:
                out.append((f"{d}/{p.stem}", arts[0].body_text))
    return out


def webdev_texts() -> list[tuple[str, str]]:
    import yaml
    from pipeline.eval_web import page_body
    dev = yaml.safe_load((ROOT / "tests" / "gold" / "web" / "split.yaml").read_text())["dev"]
    return [(f"webdev/{f}", b) for f in dev if (b := page_body(f))]


def wikinews_texts(offset: int, limit: int) -> list[tuple[str, str]]:
    from pipeline.eval_claims import load_split
    docs = load_split("train")[offset:offset + limit]
    return [(f"wn/{offset + i}", d["originalText"]) for i, d in enumerate(docs)]


def germeval_texts(offset: int, limit: int) -> list[tuple[str, str]]:
    """GermEval 2014 train sentences of 8 tokens or more (one text each)."""
    from benchmarks.unseen_roles import germeval_docs
    docs = germeval_docs()[offset:offset + limit]
    return [(f"ge/{offset + i}", d["text"]) for i, d in enumerate(docs)]


def news_texts(offset: int, limit: int) -> list[tuple[str, str]]:
    """SmartData (dev+test news, no tweets) and MobIE test documents."""
    from benchmarks.unseen_roles import mobie_docs, smartdata_docs
    docs = smartdata_docs() + mobie_docs()
    return [(d["id"], d["text"]) for d in docs[offset:offset + limit]]


def parse(nlp, info, text: str):
    from pipeline.cache import DocCache
    cache = DocCache(CACHE, info.key)
    sha = hashlib.sha256(text.encode()).hexdigest()
    doc = cache.get(sha, nlp.vocab)
    if doc is None:
        doc = nlp(text)
        cache.put(sha, doc)
    return doc


def persons(doc, rules) -> dict[str, str]:
    """Person actor name -> a description line (mentions, labels, first context)."""
    from pipeline.extract import extract
    ex = extract(doc, rules)
    out = {}
    text = doc.text
    for a in ex.actors:
        if a.actor_type != "person":
            continue
        ms = sorted(a.mentions, key=lambda m: m.start)
        labels = "".join(sorted({m.label[0] for m in ms}))
        m = ms[0] if ms else None
        ctx = text[max(0, m.start - 70):m.end + 50].replace("\n", " | ") if m else ""
        out[a.name] = f"{len(ms)} {labels} …{ctx}…"
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("source", choices=["blind", "webdev", "wikinews", "germeval", "news"])
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--grep", default=None, help="only texts containing this string")
    args = ap.parse_args(argv)
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules
    nlp, info = load_nlp(None)
    rules = load_rules(None)
    texts = {"blind": blind_texts, "webdev": webdev_texts}.get(args.source)
    sized = {"wikinews": wikinews_texts, "germeval": germeval_texts, "news": news_texts}
    items = texts() if texts else sized[args.source](args.offset, args.limit)
    for name, text in items:
        if args.grep and args.grep not in text:
            continue
        for pname, line in persons(parse(nlp, info, text), rules).items():
            print(f"{name}\t{pname}\t{line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
