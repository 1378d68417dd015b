"""Gold speech cues our lexicon does not know (issue 12, thirteenth session, cue13).

    python benchmarks/cue_coverage.py [--top 80] [--sources spkatt,wikinews] [--min 2] [--known]

Reads every gold cue of SpkAtt-2023 **train** (Bundestag speeches, ``Cue`` + ``PTC`` ids) and of Wikinews
**train** (``cue.tokenIds``) from ../shared (Wikinews dev is held out and never read here). A cue is *known*
when one of its words is a form of a verb of ``rules/speech.yaml`` (with its split particle, as
:func:`pipeline.eval_spkatt._cue_known` checks), a listed verb lemma, a source/claim/demand noun (or a compound
with a source-noun head), a source preposition or adverb ("laut", "zufolge", "demnach", "so") or "heißt".
The unknown ones are grouped by the lemmas of their content words (spaCy's German lookup table of
spacy-lookups-data; a separable particle joins its verb as PARTICLE_BASE like speech.yaml writes it:
"weist … hin" -> hin_weisen), ranked by count, with the word class (verb, noun, prep, other) and one example
sentence with the cue in [brackets]. Only annotations with a message count (claims; SpkAtt also marks speech
events without one, ``--any-message`` takes them too). No model is loaded: the whole run takes a few seconds.

``--known`` prints the known share per source and the known cues' top lemmas instead.

    python benchmarks/cue_coverage.py fires --base DIR [--wikinews] [--germeval 2000] [--examples 40]

``fires`` counts what an addition to the lexicon does on text: the claims that are new or changed (span, speaker)
with the rules of the working tree against those in DIR (a copy of an older ``pipeline/rules``), grouped by the
cue's first word lemma, each with its sentence for judging by hand. Text: SmartData v3 documents and GermEval
2014 train sentences with a word of reporting (never tuned on; benchmarks/switch_fires.py), or with ``--wikinews``
the Wikinews train articles.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.eval_spkatt import _cue_known  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes"
LABELS = Path(__file__).resolve().parent / "cue_coverage_labels.yaml"
SOURCES = {"spkatt": SHARED / "spkatt2023" / "train.jsonl.gz", "wikinews": SHARED / "wikinews" / "train.jsonl.gz"}
PUNCT = frozenset(",.:;!?„“”\"'»«()–-")
FILLERS = frozenset("""es sich sich, wie so zu zum zur dass daß ob was wer man nicht auch noch nur doch ja
    der die das des dem den ein eine einer eines einem einen sein seine seiner seinem seinen ihr ihre ihrer ihrem
    ihren unser unsere mein meine dies diese dieser dieses diesem diesen und oder aber ich du er sie wir ihr mir
    mich uns euch ihm ihnen dazu darauf daran darüber davon dabei damit dafür dagegen hier
    hat hatte hatten haben habe hätte hätten wird werden wurde wurden worden würde würden""".split())   # not "sein": "ist klar"
PREPOSITIONS = frozenset("""laut zufolge gemäß nach nach aus von vom bei beim seitens mit in im an am auf über
    unter für gegen gegenüber zu zum zur vor""".split())


def lemma_table():
    """spaCy's German lemma lookup table (a ``Table``: keys are hashed, use ``.get(word, default)``)."""
    from spacy.lookups import load_lookups
    return load_lookups("de", ["lemma_lookup"]).get_table("lemma_lookup")


def _excerpt(words: list[str], marks: set[int], width: int = 150) -> str:
    """The sentence with the cue words in [brackets], cut to about ``width`` characters around them."""
    out = [f"[{w}]" if i in marks else w for i, w in enumerate(words)]
    text = " ".join(out)
    first = text.find("[")
    start = max(0, first - width // 2)
    return ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")


def spkatt_cues(path: Path, any_message: bool = False):
    """(cue words, particle words, excerpt, kind) of each SpkAtt annotation with a cue and a message (a claim;
    with ``any_message`` also the annotations of a speech event without a message: "die Debatte", "der Antrag")."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            sents = {s["SentenceId"]: s["Tokens"] for s in rec["Sentences"]}
            for a in rec["Annotations"]:
                if not a["Cue"] or not (a["Message"] or any_message):
                    continue
                keys = [tuple(map(int, k.split(":"))) for k in a["Cue"]]
                ptc = [sents[s][t] for s, t in (tuple(map(int, k.split(":"))) for k in a["PTC"])]
                sid = keys[0][0]
                words = [sents[s][t] for s, t in keys]
                marks = {t for s, t in keys if s == sid}
                marks |= {int(k.split(":")[1]) for k in a["PTC"] if int(k.split(":")[0]) == sid}
                yield words, ptc, [t == 0 for s, t in keys], _excerpt(sents[sid], marks), "spkatt"


def wikinews_cues(path: Path, particles: frozenset[str]):
    """(cue words, particle words, excerpt, type) of each Wikinews train annotation with a cue; a lower-case
    separable particle after the first cue word is the particle of a split verb ("teilte … mit")."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            toks = doc["tokens"]
            by_sent = defaultdict(list)
            for t in toks:
                by_sent[t["sentence"]].append(t)
            for a in doc["annotations"]:
                ids = sorted(a["cue"]["tokenIds"])
                if not ids or not a["quote"]["tokenIds"]:
                    continue
                cue = [toks[i] for i in ids]
                words = [t["text"] for t in cue[:1]] + [t["text"] for t in cue[1:] if t["text"] not in particles]
                ptc = [t["text"] for t in cue[1:] if t["text"] in particles]
                sent = by_sent[cue[0]["sentence"]]
                marks = {i for i, t in enumerate(sent) if t["id"] in set(ids)}
                firsts = [t["word"] == 1 for t in cue[:1]] + [t["word"] == 1 for t in cue[1:]
                                                             if t["text"] not in particles]
                yield words, ptc, firsts, _excerpt([t["text"] for t in sent], marks), a["type"]


class Lexicon:
    """What rules/speech.yaml knows, as the cue checks need it."""

    def __init__(self, rules):
        sp = rules.get("speech")
        self.speech = sp
        self.nouns = {n.lower() for n in sp.nouns | sp.claim_nouns | sp.demand_nouns}
        self.suffixes = tuple(sp.noun_suffixes)
        self.markers = (sp.preps_before | sp.preps_after | sp.source_adverbs | sp.context_source_adverbs
                        | {sp.so_marker} | {w.lower() for w in sp.impersonal} | {"wonach", "geheißen"})
        self.particles = rules.get("words")("claims", "separable_particles")

    def known_word(self, word: str, lemma: str) -> bool:
        low = word.lower()
        return (low in self.markers or low in self.nouns or lemma.lower() in self.nouns
                or (word[:1].isupper() and low.endswith(self.suffixes))
                or lemma.lower() in self.speech.lemmas)

    def known(self, words: list[str], ptc: list[str], lemmas: list[str]) -> bool:
        if _cue_known(words, ptc + words, self.speech):    # "gab … bekannt": any cue word may be the particle
            return True
        if ptc and any("".join(p.lower() for p in ptc) + lem.lower() in self.speech.lemmas for lem in lemmas):
            return True
        return any(self.known_word(w, lem) for w, lem in zip(words, lemmas))


def word_class(word: str, first: bool) -> str:
    low = word.lower()
    if low in PREPOSITIONS:
        return "prep"
    if word[:1].isupper() and not first:
        return "noun"
    if word.isalpha():
        return "verb" if low.endswith(("en", "te", "ten", "t", "e", "n")) else "other"
    return "other"


def group_key(words, ptc, firsts, table, particles) -> tuple[str, str]:
    """(key, word class) of an unknown cue: its content words' lemmas, a particle joined to the verb."""
    content = [(w, f) for w, f in zip(words, firsts) if w.lower() not in FILLERS and w not in PUNCT]
    if not content:
        return " ".join(w.lower() for w in words) or "?", "other"
    parts, classes = [], []
    for w, f in content:
        cls = word_class(w, f)
        lem = table.get(w, table.get(w.lower(), w)) if cls != "noun" else table.get(w, w)
        parts.append(lem if cls == "noun" else lem.lower())
        classes.append(cls)
    if ptc and "verb" in classes:
        i = classes.index("verb")
        parts[i] = "_".join(p.lower() for p in ptc) + "_" + parts[i]
        classes[i] = "particle verb"
    elif len(parts) == 1 and classes[0] == "verb":
        for p in sorted(particles, key=len, reverse=True):
            if parts[0].startswith(p) and len(parts[0]) > len(p) + 3:
                classes[0] = "particle verb?"
                break
    main = "noun" if "noun" in classes else classes[0]
    return " ".join(parts), main


def collect(sources: list[str], lex: Lexicon, table, any_message: bool = False):
    """{key: {"n", "class", "by", "kinds", "example"}} of unknown cues and Counter of (source, known)."""
    rows: dict[str, dict] = {}
    totals: Counter = Counter()
    known_keys: Counter = Counter()
    for src in sources:
        path = SOURCES[src]
        it = spkatt_cues(path, any_message) if src == "spkatt" else wikinews_cues(path, lex.particles)
        for words, ptc, firsts, example, kind in it:
            lemmas = [table.get(w, table.get(w.lower(), w)) for w in words]
            known = lex.known(words, ptc, lemmas)
            totals[src, known] += 1
            key, cls = group_key(words, ptc, firsts, table, lex.particles)
            if known:
                known_keys[key] += 1
                continue
            row = rows.setdefault(key, {"n": 0, "class": cls, "by": Counter(), "kinds": Counter(), "example": example})
            row["n"] += 1
            row["by"][src] += 1
            row["kinds"][kind] += 1
    return rows, totals, known_keys


def germeval_with(forms: set[str]) -> list[str]:
    """GermEval 2014 train sentences (all 24,000, not only those with a word of reporting) holding one of ``forms``
    (the verb forms the new lexicon adds), detokenised."""
    from switch_fires import SHARED as shared, detok
    path = shared / "data" / "ner" / "germeval2014" / "train.bio.tsv.gz"
    out, cur = [], []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            if line.strip():
                cur.append(line.split("\t")[0])
                continue
            if any(t.lower() in forms for t in cur):
                out.append(detok(cur))
            cur = []
    return out


def _has_form(text: str, forms: set[str]) -> bool:
    return any(w.strip(".,;:!?\"„“()").lower() in forms for w in text.split())


def mobie_with(forms: set[str]) -> list[str]:
    """MobIE documents (train, dev, test) holding one of ``forms``."""
    from unseen_roles import mobie_docs
    return [d["text"] for sp in ("train", "dev", "test") for d in mobie_docs(split=sp) if _has_form(d["text"], forms)]


def laws_with(forms: set[str], n: int) -> list[str]:
    """The first ``n`` federal law paragraphs holding one of ``forms`` (legal text: where a new cue must not fire)."""
    from switch_fires import SHARED as shared
    path = shared / "data" / "raw" / "de_federal_laws_paragraphs.jsonl.gz"
    out: list[str] = []
    if not path.exists() or n <= 0:
        return out
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            if _has_form(text, forms):
                out.append(text)
                if len(out) >= n:
                    break
    return out


def _claims(doc, rules) -> dict:
    from pipeline.extract import extract
    return {(c.claim_start, c.claim_end, c.speaker_text): c for c in extract(doc, rules).claims}


def fires(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="claims new with the working tree's rules")
    ap.add_argument("--base", required=True, help="folder with the older rule files")
    ap.add_argument("--new", default=None, help="folder with the newer rule files (default: the working tree's)")
    ap.add_argument("--wikinews", action="store_true")
    ap.add_argument("--spkatt-dev", action="store_true", help="SpkAtt-2023 dev speeches instead (not a cue source)")
    ap.add_argument("--germeval", type=int, default=2000)
    ap.add_argument("--examples", type=int, default=40)
    ap.add_argument("--laws", type=int, default=300, help="federal law paragraphs with a new form (false positives)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from switch_fires import germeval_sentences, smartdata_docs
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules
    nlp, _ = load_nlp(None)
    new, old = load_rules(args.new), load_rules(args.base)
    if args.spkatt_dev:
        from pipeline.eval_spkatt import load_split as spkatt_split, record_tokens
        texts = [record_tokens(r)[0] for r in spkatt_split("dev")]
    elif args.wikinews:
        from pipeline.eval_claims import load_split
        texts = [d["originalText"] for d in load_split("train")]
    else:
        added = set(new.get("speech").forms) - set(old.get("speech").forms)
        texts = ([d["text"] for d in smartdata_docs() if len(d["text"]) > 300] + germeval_sentences(args.germeval)
                 + germeval_with(added) + mobie_with(added) + laws_with(added, args.laws))
    table = lemma_table()
    by_cue: dict[str, list[str]] = defaultdict(list)
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=16)):
        a, b = _claims(doc, new), _claims(doc, old)
        for k in sorted(set(a) - set(b)):
            c = a[k]
            word = (c.cue_text or "-").split()[0]
            by_cue[table.get(word, word).lower()].append(
                f"[{c.rule_id}] cue={c.cue_text!r} speaker={c.speaker_text!r}\n      "
                f"{text[max(0, c.claim_start - 120):c.claim_end + 20]!r}")
        for k in sorted(set(b) - set(a)):
            by_cue["(gone)"].append(f"[{b[k].rule_id}] cue={b[k].cue_text!r} {text[b[k].claim_start:b[k].claim_end]!r}")
    print(f"{len(texts)} texts, {sum(map(len, by_cue.values()))} new or changed claims")
    for cue, lines in sorted(by_cue.items(), key=lambda kv: -len(kv[1])):
        print(f"=== {cue}: {len(lines)}")
        for line in lines[:args.examples]:
            print("   ", line)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["fires"]:
        return fires(argv[1:])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", default="spkatt,wikinews")
    ap.add_argument("--top", type=int, default=80)
    ap.add_argument("--min", type=int, default=2, help="only keys with at least this many cues")
    ap.add_argument("--known", action="store_true", help="the known cues' top lemmas instead")
    ap.add_argument("--any-message", action="store_true", help="SpkAtt: also annotations without a message")
    args = ap.parse_args(argv)
    sources = args.sources.split(",")
    if not all(SOURCES[s].exists() for s in sources):
        print(f"skipped: {SHARED} not found", file=sys.stderr)
        return 0
    from pipeline.ruleset import load_rules
    lex = Lexicon(load_rules())
    rows, totals, known_keys = collect(sources, lex, lemma_table(), args.any_message)
    for src in sources:
        k, u = totals[src, True], totals[src, False]
        print(f"{src}: {k + u} gold cues, known {k} ({k / max(1, k + u):.1%}), unknown {u}")
    if args.known:
        for key, n in known_keys.most_common(args.top):
            print(f"{n:5d}  {key}")
        return 0
    print_table(rows, args.top, args.min)
    return 0


def print_table(rows: dict[str, dict], top: int, least: int) -> None:
    """The ranked unknown cues with their hand label (cue_coverage_labels.yaml), then the cues per label."""
    import yaml
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8")) if LABELS.exists() else {}
    print("\n| # | lemma | class | label | cues | spkatt / wikinews | wikinews types | example |\n"
          "|---|---|---|---|---|---|---|---|")
    ranked = sorted(rows.items(), key=lambda kv: (-kv[1]["n"], kv[0]))
    for i, (key, r) in enumerate([kv for kv in ranked if kv[1]["n"] >= least][:top], 1):
        kinds = ", ".join(f"{k} {n}" for k, n in r["kinds"].most_common() if k != "spkatt")
        lab = labels.get(key, {}).get("type", "")
        print(f"| {i} | {key} | {r['class']} | {lab} | {r['n']} | {r['by']['spkatt']} / {r['by']['wikinews']} | {kinds} "
              f"| {r['example'].replace('|', '/')} |")
    per: Counter = Counter()
    for key, r in rows.items():
        per[labels.get(key, {}).get("type", "(unlabelled)")] += r["n"]
    print("\ncues per label: " + ", ".join(f"{t} {n}" for t, n in per.most_common()))
    missing = sorted(k for k in labels if k not in rows)
    if missing:
        print(f"labels without a cue: {missing}")


if __name__ == "__main__":
    raise SystemExit(main())
