"""Repeated claims and roles within one article (issues 12 and 15: "a teaser repeated in the body doubles its roles").

    python benchmarks/duplicate_rows.py count [--source all|smartdata|mobie|webhtml|webtxt|wikinews] [--limit N]
                                              [--show N] [--seed S]

Counts, per source of unlabelled text, the articles with

- two claim rows of the same content (``enrich.claim_content``, whitespace and quotation marks normalised, case
  folded) and the same speaker (actor name, else speaker text), or one of the two without a speaker;
- two role rows with the same holder, role, organisation and status at different places.

Sources: SmartData v3 news/RSS documents (> 300 characters) and MobIE test documents, the web dev pages of the
``dev`` split (tests/gold/web/split.yaml) as HTML and as text dumps, Wikinews train. ``--show N`` prints N seeded
pairs of each kind with the sentence of each copy, for judging (teaser/lead repeated, or said twice).
Parses of SmartData/MobIE come from the ``unseen_roles`` cache (/tmp/unseen_roles_cache) where present.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from unseen_roles import SHARED, Parser, mobie_docs, smartdata_docs  # noqa: E402

_WS = re.compile(r"\s+")


def web_docs(kind: str) -> list[dict]:
    from pipeline.ingest import read_file
    split = yaml.safe_load((ROOT / "tests" / "gold" / "web" / "split.yaml").read_text(encoding="utf-8"))
    out = []
    for f in split["dev"]:
        p = SHARED / "data" / "web" / "dev" / ("html" if kind == "html" else "txt") / \
            (f if kind == "html" else f.rsplit(".", 1)[0] + ".txt")
        arts = [a for a in read_file(p) if hasattr(a, "body_text")] if p.exists() else []
        if arts:
            out.append({"id": f"web{kind}:{f}", "text": arts[0].body_text})
    return out


def wikinews_train() -> list[dict]:
    path = SHARED / "data" / "quotes" / "wikinews" / "train.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [{"id": "wikinews:" + json.loads(line)["documentName"].split(" - ", 1)[0].strip(),
                 "text": json.loads(line)["originalText"]} for line in f]


def spkatt_train() -> list[dict]:
    """SpkAtt-2023 train speeches (Bundestag): speakers who repeat themselves (a check for false duplicates)."""
    from pipeline.eval_spkatt import load_split, record_tokens
    return [{"id": f"spkatt:{i}", "text": record_tokens(r)[0]} for i, r in enumerate(load_split("train"))]


SOURCES = {
    "smartdata": lambda: [d for d in smartdata_docs() if len(d["text"]) > 300],
    "mobie": mobie_docs,
    "webhtml": lambda: web_docs("html"),
    "webtxt": lambda: web_docs("txt"),
    "wikinews": wikinews_train,
    "spkatt": spkatt_train,
}


def norm(s: str | None) -> str:
    return _WS.sub(" ", s or "").strip().casefold()


def claim_keys(text: str, ex) -> list[tuple]:
    """(content, speaker, start, end, rule) per claim row."""
    from pipeline.enrich import claim_content
    names = {a.key: a.name for a in ex.actors}
    out = []
    for c in ex.claims:
        row = {"claim_text": c.claim_text, "claim_start": c.claim_start, "speaker_start": c.speaker_start,
               "speaker_end": c.speaker_end, "cue_text": c.cue_text, "cue_start": c.cue_start, "cue_end": c.cue_end}
        spk = names.get(c.speaker_key) or c.speaker_text
        out.append((norm(claim_content(row)), norm(spk) or None, c.claim_start, c.claim_end, c.rule_id))
    return out


def claim_pairs(keys: list[tuple], contained: bool = True) -> list[tuple[tuple, tuple, str]]:
    """(earlier, later, how) for each later claim whose content equals an earlier one's: how = same speaker or
    which of the two has none; with ``contained``, also a content of 40+ characters inside the other's
    ("contained_…")."""
    out = []
    for i, b in enumerate(keys):
        for a in keys[:i]:
            if a[2] < b[3] and b[2] < a[3]:
                continue                 # overlapping spans: a partial quote inside its claim (parent_claim_id)
            if a[0] == b[0]:
                kind = ""
            elif contained and min(len(a[0]), len(b[0])) >= 40 and (a[0] in b[0] or b[0] in a[0]):
                kind = "contained_"      # a shortened teaser, or the lead sentence and more
            else:
                continue
            how = "same" if a[1] == b[1] else "later_none" if b[1] is None else "earlier_none" if a[1] is None \
                else None
            if how:
                out.append((a, b, kind + how))
                break
    return out


def role_pairs(ex) -> list[tuple]:
    names = {a.key: a.name for a in ex.actors}
    seen: dict[tuple, object] = {}
    out = []
    for r in sorted(ex.roles, key=lambda r: r.start):
        if r.actor_key not in names:
            continue
        k = (names[r.actor_key], r.role, r.organization, r.status)
        if k in seen and seen[k].start != r.start:
            out.append((seen[k], r, k))
        seen.setdefault(k, r)
    return out


def sentence(text: str, at: int) -> str:
    """The sentence (or line) around offset ``at``, at most 220 characters."""
    head = text[:at]
    a = max(head.rfind("\n"), head.rstrip(". ").rfind(". ")) + 1
    b = min(x for x in (text.find("\n", at), text.find(". ", at), len(text)) if x >= 0)
    return _WS.sub(" ", text[a:b + 1]).strip()[:220]


def repeated_context(text: str, a: int, b: int, width: int = 40) -> bool:
    """The words before or after the second copy (offset ``b``) repeat those around the first (``a``): a repeated
    passage (teaser, lead, caption), not a second mention in a new sentence."""
    def w(s: str) -> list[str]:
        return re.findall(r"\w+", s.casefold())
    before = w(text[max(0, a - width):a])[-4:], w(text[max(0, b - width):b])[-4:]
    after = w(text[a:a + width * 3])[:10], w(text[b:b + width * 3])[:10]
    return (len(before[0]) >= 3 and before[0] == before[1]) or (len(after[0]) >= 8 and after[0] == after[1])


def count(parser: Parser, docs: list[dict], show: int, seed: int) -> dict:
    c = Counter()
    cl_ex, ro_ex = [], []
    for d in docs:
        _, ex = parser.extract(d["text"])
        c["articles"] += 1
        c["claims"] += len(ex.claims)
        c["roles"] += len(ex.roles)
        cp, rp = claim_pairs(claim_keys(d["text"], ex)), role_pairs(ex)
        for a, b, how in cp:
            c[f"claim_dup_{how}"] += 1
            c["claim_dup_repeated_passage"] += repeated_context(d["text"], a[2], b[2])
        c["articles_claim_dup"] += bool(cp)
        c["role_dup_rows"] += len(rp)
        c["role_dup_repeated_passage"] += sum(repeated_context(d["text"], a.start, b.start) for a, b, _ in rp)
        c["articles_role_dup_repeated_passage"] += any(repeated_context(d["text"], a.start, b.start) for a, b, _ in rp)
        c["articles_role_dup"] += bool(rp)
        cl_ex += [(d, x) for x in cp]
        ro_ex += [(d, x) for x in rp]
    rnd = random.Random(seed)
    for d, (a, b, how) in rnd.sample(cl_ex, min(show, len(cl_ex))):
        t = d["text"]
        print(f"CLAIM {d['id'][:60]} {how} {a[4]}/{b[4]} spk [{a[1]}]/[{b[1]}] gap {b[2] - a[3]}\n"
              f"   1@{a[2]}: {sentence(t, a[2])}\n   2@{b[2]}: {sentence(t, b[2])}")
    for d, (a, b, k) in rnd.sample(ro_ex, min(show, len(ro_ex))):
        t = d["text"]
        print(f"ROLE  {d['id'][:60]} {list(k)} {a.rule_id}/{b.rule_id} rep={repeated_context(t, a.start, b.start)}\n"
              f"   1@{a.start}: {sentence(t, a.start)}\n   2@{b.start}: {sentence(t, b.start)}")
    return dict(c)


class TwoCacheParser(Parser):
    """Reads a parse from the shared ``unseen_roles`` cache where it is there; writes new parses to its own."""
    def __init__(self, cache: Path, shared_cache: Path):
        super().__init__(cache)
        self.shared = shared_cache / self.cache.name

    def doc(self, text: str):
        import hashlib

        from spacy.tokens import DocBin
        p = self.shared / f"{hashlib.sha1(text.encode()).hexdigest()}.spacy"
        if p.exists():
            return list(DocBin().from_bytes(p.read_bytes()).get_docs(self.nlp.vocab))[0]
        return super().doc(text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cmd", choices=("count",))
    ap.add_argument("--source", default="all")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1414)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/dup14_cache"))
    args = ap.parse_args(argv)
    parser = TwoCacheParser(args.cache, Path("/tmp/unseen_roles_cache"))
    for name in (SOURCES if args.source == "all" else args.source.split(",")):
        docs = SOURCES[name]()
        if args.limit:
            docs = docs[:args.limit]
        print(f"== {name}")
        print(yaml.safe_dump(count(parser, docs, args.show, args.seed), sort_keys=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
