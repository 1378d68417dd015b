"""Title words the lexicon lacks, by type, from broad unlabelled text (issue 12, thirteenth session, lex13)

    python benchmarks/title_types.py mine [--top 300] > /tmp/types.yaml   # candidate types, ranked by documents
    python benchmarks/title_types.py fires --base OLD/roles.yaml   # rows of new titles on text not mined

benchmarks/title_coverage.py measured misses token by token (300 places, each missing word seen once). Here every
capitalised word in a role-like position next to a person name is counted over all the broad unlabelled text we
have, and the words that are no lexicon title (nor a compound of one, nor blocked) are ranked by the number of
documents they occur in:

* ``noun_per``: the word right before a person name ("Kurdirektor Meier", "Ex-Stadtbaurat Müller");
* ``apposition``: "NAME, (der|die ...) [ADJ] NOUN des/der/von/vom/bei/beim ...";
* ``als``: "als [der|die ...] [ADJ] NOUN" within 120 characters of a person name.

Text (never the held-out sets): GermEval 2014 train sentences (gold PER spans), Wikinews train articles not in
tests/gold/roles (PER entities of our own parse, cached), SpkAtt train (our parse), SmartData and MobIE documents of
the tune half (gold PER). Documents labelled in benchmarks/title_coverage_labels.yaml or
benchmarks/unseen_roles_labels.yaml are left out, so that the scores on those samples stay clean.

A type is the word after its last hyphen with inflection endings folded onto a stem seen as well ("Vorsteherin",
"Vorstehers" -> Vorsteher); a closed compound whose ending (>= 4 letters) is another type names it as its ``head``
("Ortsvorsteher": head vorsteher) but stays a type of its own. The labels of the top types are in benchmarks/title_types_labels.yaml.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import title_coverage as tc  # noqa: E402
import unseen_roles as ur  # noqa: E402

_WORD = tc._WORD
_ALS = re.compile(rf"\bals\s+(?:(?:der|die|das|des|dem|den|ein|eine|einer|eines|einem|neuer|neue|neuen)\s+)?"
                  rf"(?:[a-zäöü][\wäöüß\-]*\s+){{0,2}}({_WORD})")
_ALS_WINDOW = 120
_ENDINGS = ("innen", "in", "en", "n", "s", "e", "r", "es")


_CLOSED = re.compile(r"article|determiner|pronoun|preposition|subordinat|adverb|conjunct|weekday|month|time|particle|"
                     r"demonstrative|quantifier|copula|punctuation")


def _stopwords() -> frozenset[str]:
    """Function words only: the closed-class lists of words.yaml (by list name) and title_coverage's own extras.
    title_coverage._stopwords takes every list of words.yaml, nouns of persons among them ("Förster", "Gründer",
    "Ingenieur", "Kommandant"): that would hide title words from the mining."""
    data = yaml.safe_load((ROOT / "pipeline" / "rules" / "words.yaml").read_text(encoding="utf-8"))
    every, closed = set(), set()

    def walk(x, into):
        if isinstance(x, str):
            into.update(w.casefold() for w in x.split())
        elif isinstance(x, dict):
            for k, v in x.items():
                walk(v, into)
                if _CLOSED.search(str(k)) and into is every:
                    walk(v, closed)
        elif isinstance(x, list):
            for v in x:
                walk(v, into)
    walk(data, every)
    return frozenset(closed | (tc._stopwords() - every))


def _spkatt_docs() -> list[dict]:
    path = ur.SHARED / "data" / "quotes" / "spkatt2023" / "train.jsonl.gz"
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for k, line in enumerate(f):
            d = json.loads(line)
            text = "\n".join(" ".join(s["Tokens"]) for s in d["Sentences"])
            out.append({"id": f"spkatt:{k}", "text": text, "gold": []})
    return out


def documents(parser) -> list[tuple[str, dict]]:
    """(source, doc with gold/parsed person spans) for every mined document."""
    labelled = {lab["doc"] for lab in yaml.safe_load(tc.LABELS.read_text(encoding="utf-8"))["places"]}
    p = tc.pools()                                        # without unseen_roles_labels' documents
    out = [("germeval", d) for d in p["germeval"] if d["id"] not in labelled]
    out += [(s, d) for s in ("smartdata", "mobie") for d in p[s]
            if d["id"] not in labelled and ur.half_of(d["id"]) == "tune"]
    for src, docs in (("wikinews", [d for d in p["wikinews"] if d["id"] not in labelled]), ("spkatt", _spkatt_docs())):
        for d in docs:
            doc = parser.doc(d["text"])
            out.append((src, {**d, "gold": [(x.start_char, x.end_char, "person" if x.label_ == "PER" else "other")
                                            for x in doc.ents]}))
    return out


def _sentence(text: str, at: int) -> str:
    s = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    e = min([i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0] or [len(text)])
    return text[s + 1:e + 1].strip()[:240]


def places(d: dict, stop: frozenset[str]):
    """(pattern, word, start) of one document: noun_per and apposition as title_coverage, and als."""
    text = d["text"]
    for c in tc.candidates(d, stop):
        yield c["pattern"], c["title"], c["at"]
    for s, e, kind in d["gold"]:
        if kind != "person":
            continue
        lo = max(0, s - _ALS_WINDOW)
        for m in _ALS.finditer(text, lo, min(len(text), e + _ALS_WINDOW)):
            at = m.start(1)
            if not tc._in_entity(d["gold"], at, m.end(1)) and m.group(1).casefold() not in stop:
                yield "als", m.group(1), at


def _known(lex, word: str) -> bool:
    from pipeline.extract.roles.titles import _analyze_text
    w = word.split("-")[-1].lower()
    return bool(_analyze_text(lex, word)) or w in lex.professions or any(w.endswith(b) for b in lex.blocked)


def _fold(counts: dict[str, set]) -> tuple[dict[str, str], dict[str, str]]:
    """type key -> its stem (inflection endings folded onto a stem seen as well: "vorsteherin" -> "vorsteher"), and
    stem -> compound head (the longest proper ending, >= 4 letters, that is another stem: "ortsvorsteher" ->
    "vorsteher"). Compounds are not merged into their head's type: a head like "meister" or "mann" holds titles
    (Forstmeister) and no titles (Altmeister, Kameramann) alike."""
    keys = set(counts)
    stem = {}
    for k in keys:
        stem[k] = next((k[:-len(e)] for e in _ENDINGS
                        if k.endswith(e) and k[:-len(e)] in keys and len(k) - len(e) >= 4), k)
    bases = set(stem.values())
    head = {}
    for b in bases:
        suf = next((b[i:] for i in range(1, len(b) - 3) if b[i:] in bases), None)
        if suf:
            head[b] = suf
    return stem, head


def mine(parser, top: int, lexicon: Path | None = None) -> list[dict]:
    """The ``top`` types no lexicon title of ``lexicon`` (a roles.yaml; default the current rules)."""
    stop, lex = _stopwords(), parser.rules["roles"]
    if lexicon:
        from pipeline.extract.lexicon import parse_roles
        lex = parse_roles(yaml.safe_load(lexicon.read_text(encoding="utf-8")), str(lexicon))
    docs_of: dict[str, set] = defaultdict(set)
    forms: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    example: dict[str, str] = {}
    patterns: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    known_cache: dict[str, bool] = {}
    n_known = 0
    for src, d in documents(parser):
        for pat, word, at in places(d, stop):
            if len(word) < 3 or word.isupper():
                continue
            if word not in known_cache:
                known_cache[word] = _known(lex, word)
            if known_cache[word]:
                n_known += 1
                continue
            key = word.split("-")[-1].lower()
            if len(key) < 3:
                continue
            docs_of[key].add(d["id"])
            forms[key][word] += 1
            patterns[key][pat] += 1
            example.setdefault(key, f"[{src}] " + _sentence(d["text"], at))
    fam, head = _fold(docs_of)
    fdocs: dict[str, set] = defaultdict(set)
    members: dict[str, list[str]] = defaultdict(list)
    for k, f in fam.items():
        fdocs[f] |= docs_of[k]
        members[f].append(k)
    places_of = {f: sum(sum(patterns[k].values()) for k in members[f]) for f in fdocs}
    role_like = {f: sum(patterns[k].get("noun_per", 0) + patterns[k].get("apposition", 0) for k in members[f])
                 for f in fdocs}
    print(f"# {len(fdocs)} types, {sum(places_of.values())} places no lexicon title; {n_known} places with a lexicon "
          f"title (or a compound or blocked word)", file=sys.stderr)
    # documents first; ties (most types occur in one document) by places, then by places before a name
    ranked = sorted(fdocs, key=lambda f: (-len(fdocs[f]), -places_of[f], -role_like[f], f))[:top]
    out = []
    for f in ranked:
        mem = sorted(members[f], key=lambda k: (-len(docs_of[k]), k))
        allforms = sorted({w: n for k in mem for w, n in forms[k].items()}.items(), key=lambda x: (-x[1], x[0]))
        pats = defaultdict(int)
        for k in mem:
            for p, n in patterns[k].items():
                pats[p] += n
        best = max(mem, key=lambda k: len(docs_of[k]))
        out.append({"type": f, "docs": len(fdocs[f]), "forms": [w for w, _ in allforms[:8]],
                    "patterns": dict(pats), "example": example[best], **({"head": head[f]} if f in head else {})})
    return out


def judged_texts(words: list[str], max_laws: int = 150):
    """Text the words were not mined on: GermEval 2014 dev and UD German GSD dev/test sentences, the web dev text
    dumps, and the first ``max_laws`` federal-law paragraphs with one of ``words`` (false positives)."""
    pat = re.compile("|".join(re.escape(w.lower()) for w in words))
    n = 0
    yield from (("extra", d["text"]) for d in tc.extra_sentences())
    yield from (("webdev", f.read_text(encoding="utf-8", errors="replace"))
                for f in sorted((ur.SHARED / "data" / "web" / "dev" / "txt").glob("*.txt")))
    with gzip.open(ur.SHARED / "data" / "raw" / "de_federal_laws_paragraphs.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            if n >= max_laws:
                break
            text = json.loads(line).get("text") or ""
            if pat.search(text.lower()):
                n += 1
                yield "laws", text


def _new_titles(parser, base: Path) -> list[str]:
    from pipeline.extract.lexicon import parse_roles
    old = parse_roles(yaml.safe_load(base.read_text(encoding="utf-8")), str(base))
    return sorted(set(parser.rules["roles"].titles) - set(old.titles))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=("mine", "fires"))
    ap.add_argument("--top", type=int, default=300)
    ap.add_argument("--lexicon", type=Path, help="mine: count the words this roles.yaml lacks (e.g. an older one)")
    ap.add_argument("--base", type=Path, default=Path("/work/main/pipeline/rules/roles.yaml"),
                    help="fires: the roles.yaml before the change")
    args = ap.parse_args(argv)
    if not (ur.SHARED / "data").exists():
        sys.exit(f"no shared data at {ur.SHARED}: nothing to mine")
    parser = ur.Parser(Path("/tmp/unseen_roles_cache"))
    if args.what == "fires":
        new = _new_titles(parser, args.base)
        print(f"# new titles: {', '.join(new)}", file=sys.stderr)
        tc.fires(parser, args.base, judged_texts(new))
    else:
        for t in mine(parser, args.top, args.lexicon):
            print(yaml.safe_dump([t], allow_unicode=True, sort_keys=False, width=300).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
