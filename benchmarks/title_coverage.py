"""Which role titles does the lexicon miss? (issue 12, thirteenth session, rtitle13)

    python benchmarks/title_coverage.py sample [--n 300] [--seed 1301]   # candidates to label (YAML on stdout)
    python benchmarks/title_coverage.py score [--half tune|check|all] [-v]
    python benchmarks/title_coverage.py fires --base OLD/roles.yaml     # rows of titles OLD did not know

Every earlier labelled role sample (benchmarks/unseen_roles.py) was drawn from **hits of our own title lexicon**, so
no measure showed the titles the lexicon lacks. This sample is drawn without the lexicon: places where a **gold
person name** (GermEval 2014 train, SmartData v3, MobIE test: their PER spans) or, for Wikinews train articles not
in tests/gold/roles, a PER entity of our own pipeline stands next to a capitalised word that could be an office or
function:

* ``noun_per``: the capitalised word right before the name ("Trainer Klopp", "Ex-Bundeskanzler Schröder",
  "SPD-Fraktionschefin Andrea Nahles");
* ``apposition``: "NAME, (der|die|...) ... NOUN (des|der|von|vom|bei|beim) ..." ("Jürgen Klopp, Trainer des FC
  Liverpool").

The candidates are labelled by hand in ``benchmarks/title_coverage_labels.yaml`` (role: the normalised title as in
tests/gold/roles/README.md, or null where the word is no role a newsroom would list: "Herr", "Sonntag", a bare
profession). ``score`` runs the pipeline and reports, of the true roles, how many it extracts (``found``: a role row
at the title word with the labelled holder and title) and splits the misses into ``not_in_lexicon`` (the title word
is no lexicon form, nor a compound of one), ``not_bound`` (a lexicon title, no row there) and ``other_row`` (a row
at the word with another holder or title); ``found_loose`` counts a row at the word with the labelled holder whatever
its normalised title ("Aufsichtsrats-Vorsitzende" -> Vorsitzender). Documents already labelled in benchmarks/unseen_roles_labels.yaml are
left out. Halves by document hash as in unseen_roles.py: ``tune`` (looked at while adding titles) and ``check``
(held back, scored once at the end).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import random
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import unseen_roles as ur  # noqa: E402

LABELS = ROOT / "benchmarks" / "title_coverage_labels.yaml"
_WORD = r"[A-ZÄÖÜ][\wÄÖÜäöüß\-]*[\wäöüß]"
_BEFORE = re.compile(rf"(?:^|[\s(\"„»])({_WORD})\s+$")
_APPOS = re.compile(rf"^\s*,\s*(?:(?:der|die|das|des|dem|den|ein|eine|einer|eines)\s+)?"
                    rf"(?:[\wÄÖÜäöüß\-\.]+\s+){{0,3}}?({_WORD})\s+(?:des|der|von|vom|bei|beim)\s")
_SOURCES = {"smartdata": 30, "mobie": 20, "wikinews": 60}     # at most; GermEval train fills the rest


def _stopwords() -> frozenset[str]:
    """Closed-class words (pipeline/rules/words.yaml, every list) and a few sentence-initial words: no titles."""
    data = yaml.safe_load((ROOT / "pipeline" / "rules" / "words.yaml").read_text(encoding="utf-8"))
    out: set[str] = set()

    def walk(x):
        if isinstance(x, str):
            out.update(w.casefold() for w in x.split())
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(data)
    out |= {"laut", "als", "dass", "wie", "wenn", "weil", "auch", "doch", "aber", "und", "oder", "so", "nach", "mit",
            "von", "für", "bei", "am", "im", "vom", "zum", "zur", "seit", "gegen", "ohne", "während", "trotz", "wo",
            "da", "dann", "nun", "jetzt", "heute", "gestern", "morgen", "hier", "dort", "denn", "nur", "noch",
            "schon", "selbst", "sogar", "zudem", "außerdem", "dabei", "damit", "darauf", "dazu", "deshalb"}
    return frozenset(out)


def germeval_gold(shared: Path = ur.SHARED, min_tokens: int = 8) -> list[dict]:
    """GermEval 2014 train sentences with their gold PER spans; text and ids as ``unseen_roles.germeval_docs``."""
    path = shared / "data" / "ner" / "germeval2014" / "train.bio.tsv.gz"
    out, toks = [], []

    def flush():
        if len(toks) >= min_tokens:
            text, gold, open_ = "", [], None
            for tok, tag in toks:
                text += ("" if not text or tok in ur._NO_SPACE_BEFORE or text.endswith("(") else " ")
                s = len(text)
                text += tok
                if tag == "B-PER":
                    if open_:
                        gold.append(tuple(open_))
                    open_ = [s, len(text), "person"]
                elif tag == "I-PER" and open_:
                    open_[1] = len(text)
                else:
                    if open_:
                        gold.append(tuple(open_))
                    open_ = None
                    if tag != "O":
                        gold.append((s, len(text), "other"))
            if open_:
                gold.append(tuple(open_))
            out.append({"id": f"germeval:{len(out) + 1}-{hashlib.sha1(text.encode()).hexdigest()[:8]}",
                        "text": text, "gold": gold})
        toks.clear()

    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                parts = line.rstrip("\n").split("\t")
                toks.append((parts[0], parts[1] if len(parts) > 1 else "O"))
            else:
                flush()
    flush()
    return out


def _in_entity(gold, s: int, e: int) -> bool:
    return any(g[0] < e and s < g[1] for g in gold)


def candidates(d: dict, stop: frozenset[str]) -> list[dict]:
    """The noun_per and apposition places of one document (gold person spans in d['gold'])."""
    text, out = d["text"], []
    for s, e, kind in d["gold"]:
        if kind != "person":
            continue
        m = _BEFORE.search(text[max(0, s - 60):s])
        if m:
            at = max(0, s - 60) + m.start(1)
            out.append(("noun_per", at, m.group(1), s, e))
        m = _APPOS.match(text[e:e + 120])
        if m:
            out.append(("apposition", e + m.start(1), m.group(1), s, e))
    keep = []
    for pattern, at, word, s, e in out:
        w = word.casefold()
        if len(word) < 3 or w in stop or _in_entity(d["gold"], at, at + len(word)):
            continue
        sent_s = max(text.rfind(". ", 0, at) + 2, 0) if text.rfind(". ", 0, at) >= 0 else 0
        sent_e = text.find(". ", max(e, at))
        keep.append({"doc": d["id"], "at": at, "title": word, "per": text[s:e], "pattern": pattern,
                     "sent": text[sent_s:sent_e + 1 if sent_e >= 0 else len(text)].strip()})
    return keep


def _wikinews_with_per(parser, docs: list[dict], n_docs: int) -> list[dict]:
    """Wikinews has no gold names: the PER entities of our own parse stand in for them."""
    out = []
    for d in docs[:n_docs]:
        doc = parser.doc(d["text"])
        out.append({**d, "gold": [(x.start_char, x.end_char, "person" if x.label_ == "PER" else "other")
                                  for x in doc.ents]})
    return out


def pools() -> dict[str, list[dict]]:
    used = {lab["doc"] for lab in yaml.safe_load(ur.LABELS.read_text(encoding="utf-8"))["hits"]}
    p = {"germeval": germeval_gold(), "smartdata": ur.smartdata_docs(), "mobie": ur.mobie_docs(),
         "wikinews": ur.wikinews_docs()}
    return {k: [d for d in v if d["id"] not in used] for k, v in p.items()}


def sample(parser, n: int, seed: int) -> list[dict]:
    rng, stop, out = random.Random(seed), _stopwords(), []
    p = pools()
    for src in (*_SOURCES, "germeval"):
        quota = _SOURCES.get(src, n - len(out))
        docs = list(p[src])
        rng.shuffle(docs)
        if src == "wikinews":
            docs = _wikinews_with_per(parser, docs, 150)
        got: list[dict] = []
        for d in docs:
            if len(got) >= quota:
                break
            cands = candidates(d, stop)
            got += rng.sample(cands, min(2, len(cands)))       # at most two places a document
        out += got[:quota]
    return out


def _labels(half: str) -> list[dict]:
    labs = yaml.safe_load(LABELS.read_text(encoding="utf-8"))["places"]
    return [lab for lab in labs if half == "all" or ur.half_of(lab["doc"]) == half]


def score(parser, half: str, verbose: bool) -> dict:
    from pipeline.extract.roles.titles import _analyze_text
    labs = _labels(half)
    docs = {d["id"]: d for ds in pools().values() for d in ds}
    hits = [{**lab, "holder": lab["per"] if lab.get("role") else None} for lab in labs]
    c = ur.score_roles(parser, docs, hits, False)
    lex = parser.rules["roles"]
    miss = {"found_loose": 0, "not_in_lexicon": 0, "not_bound": 0, "other_row": 0}
    missed_words: dict[str, list[str]] = {k: [] for k in miss}
    for lab in hits:
        if not lab["role"]:
            continue
        _, ex = parser.extract(docs[lab["doc"]]["text"])
        names = {a.key: a.name for a in ex.actors}
        at = (lab["at"], lab["at"] + len(lab["title"]))
        rows = [r for r in ex.roles if ur._overlaps((r.start, r.end), at) and r.actor_key in names]
        mine = [r for r in rows if ur.names_match(names[r.actor_key], lab["per"])]
        miss["found_loose"] += bool(mine)
        if any(ur._norm(r.role) == ur._norm(lab["role"]) for r in mine):
            continue
        kind = "other_row" if rows else ("not_bound" if _analyze_text(lex, lab["title"]) else "not_in_lexicon")
        miss[kind] += 1
        missed_words[kind].append(lab["title"])
        if verbose:
            got = [(names[r.actor_key], r.role) for r in rows]
            print(f"  {kind:<15} {lab['doc'][:28]:<28} {lab['title']!r} -> {lab['role']} / {lab['per']}  pred {got}")
    out = {k: c[k] for k in ("hits", "gold_roles", "found", "roles_found", "pred", "pred_ok", "role_precision")}
    out.update(miss)
    if verbose:
        for k, v in missed_words.items():
            print(f"  {k}: {', '.join(sorted(v))}")
    return out


def extra_sentences(shared: Path = ur.SHARED) -> list[dict]:
    """More unlabelled sentences for ``fires`` only: GermEval 2014 dev and UD German GSD dev/test (tokens joined)."""
    out = []
    with gzip.open(shared / "data" / "ner" / "germeval2014" / "dev.tsv.gz", "rt", encoding="utf-8") as f:
        toks: list[str] = []
        for line in f:
            if line.startswith("#"):
                continue
            if line.strip():
                toks.append(line.split("\t")[1])
            elif toks:
                out.append(" ".join(toks))
                toks = []
    for split in ("dev", "test"):
        with gzip.open(shared / "data" / "syntax" / "ud_german" / f"de_gsd-ud-{split}.conllu.gz", "rt",
                       encoding="utf-8") as f:
            out += [line[len("# text = "):].strip() for line in f if line.startswith("# text = ")]
    return [{"id": f"extra:{hashlib.sha1(t.encode()).hexdigest()[:10]}", "text": t, "gold": []} for t in out]


def _unlabelled_texts():
    """Unlabelled text for ``fires``: GermEval train sentences and SmartData/MobIE/Wikinews train documents outside
    the sample, GermEval dev and UD German sentences, every Wikinews train article not in tests/gold/roles, and the web
    dev text dumps (tuned gold: only their role rows are read here)."""
    labelled = {lab["doc"] for lab in yaml.safe_load(LABELS.read_text(encoding="utf-8"))["places"]}
    p = pools()
    for src in ("germeval", "smartdata", "mobie", "wikinews"):
        yield from ((src, d["text"]) for d in p[src] if d["id"] not in labelled)
    yield from (("extra", d["text"]) for d in extra_sentences())
    yield from (("wikinews-all", d["text"]) for d in ur.wikinews_docs())
    yield from (("webdev", f.read_text(encoding="utf-8", errors="replace"))
                for f in sorted((ur.SHARED / "data" / "web" / "dev" / "txt").glob("*.txt")))


def fires(parser, base: Path, texts=None) -> None:
    """Every role row on unlabelled text whose title word the lexicon ``base`` (the roles.yaml before a change, e.g.
    main's) does not know: the new titles' firings, for judging by hand on text they were not chosen on.
    ``texts``: (source, text) pairs instead of ``_unlabelled_texts()`` (benchmarks/title_types.py judges on text
    it did not mine)."""
    from pipeline.extract.lexicon import parse_roles
    from pipeline.extract.roles.titles import _analyze_text
    old = parse_roles(yaml.safe_load(base.read_text(encoding="utf-8")), str(base))
    lex, seen, n = parser.rules["roles"], set(), 0
    for src, text in (texts if texts is not None else _unlabelled_texts()):
        if text in seen or not any(_analyze_text(lex, w) and not _analyze_text(old, w) for w in _CAP.findall(text)):
            continue
        seen.add(text)
        try:
            _, ex = parser.extract(text)
        except IndexError:                 # claims' continuation rule on a text ending in a comma (left alone here)
            continue
        names = {a.key: a.name for a in ex.actors}
        for r in ex.roles:
            words = [w for w in _CAP.findall(r.role_text or "") if _analyze_text(lex, w)]
            if words and not _analyze_text(old, words[-1]):
                n += 1
                s = text.rfind(".", 0, r.start) + 1
                print(f"{src}\t{names.get(r.actor_key)}\t{r.role_text}\t{r.organization}\t"
                      + text[s:s + 220].replace("\n", " "))
    print(f"# {len(seen)} texts with a new title word, {n} rows", file=sys.stderr)


_CAP = re.compile(r"[A-ZÄÖÜ][\wÄÖÜäöüß\-]+")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=("sample", "score", "fires"))
    ap.add_argument("--half", choices=("tune", "check", "all"), default="tune")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1301)
    ap.add_argument("--base", type=Path, default=Path("/work/main/pipeline/rules/roles.yaml"),
                    help="fires: the roles.yaml before the change")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/unseen_roles_cache"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    if not (ur.SHARED / "data").exists():
        print(f"no shared data at {ur.SHARED}: nothing to check", file=sys.stderr)
        return 2
    parser = ur.Parser(args.cache)
    if args.what == "sample":
        for h in sample(parser, args.n, args.seed):
            print(yaml.safe_dump([h], allow_unicode=True, sort_keys=False, width=200).rstrip())
        return 0
    if args.what == "fires":
        fires(parser, args.base)
        return 0
    c = score(parser, args.half, args.verbose)
    print(f"title coverage, {args.half} half (rules {parser.rules.version[:12]}):")
    for k, v in c.items():
        print(f"  {k:<16} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
