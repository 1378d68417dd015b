"""Every gazetteer entry checked against open NER gold and the layer's word lists (issue 12, gaz15).

    python benchmarks/gazetteer_check.py [--base REF] [--fails all|new|none] [--min-seen 1]

``pipeline/rules/gazetteer.yaml`` says what kind of thing a name is wherever it occurs, so an entry must be safe
on any text. Each entry (as written, and its genitive +s) is looked up, token sequence by token sequence, in

* GermEval 2014 **train** (CC BY 4.0; outer level PER/ORG/LOC/OTH; ``part``/``deriv`` spans are ignored) and
* the **tune** half (``unseen_roles.half_of``) of the SmartData v3 dev/test news documents and the MobIE test
  documents (CC BY 4.0; gold PERSON/ORGANIZATION*/LOCATION* spans, other concept types count as "other tag").
  The check half and MobIE dev/train are not read, so they stay held out.

An occurrence is *agreeing* when a gold span of the entry's type covers exactly it (category -> ORG, LOC or, for
products, OTH), *other* when a gold span of another type does, *untagged* when no gold span touches it; one inside a
longer gold name ("Bayern" in "FC Bayern München") or only partly tagged is not counted. An entry **fails** when

* ``type``: its counted occurrences are mostly of another type than its category's;
* ``untagged``: it occurs capitalised more often outside every gold name than as a name (a common word), or it is
  a single word, not an acronym, that the layer's vocabulary knows as a common noun (:func:`layer.noun_lemmas`,
  the common nouns of the open gold ``open_gold_common_nouns``) or a frequent English word written mostly in lower
  case (the word tables ``en_prob_lower`` and ``en_prob_mostly_lower``: "Shell", "Booking") unless the gold tags it a name at least three times
  and at least twice as often as it leaves it untagged (or at least twice and never leaves it untagged);
* ``person``: it is a single word that is a first name of ``actors.yaml`` (``given_names``, all first names of
  the evidence list), a surname the layer lists (``noun_surnames``), one of the most frequent surnames of Germany, Austria
  and Switzerland (:data:`FREQUENT_SURNAMES`), or a frequent surname of the gold (the last
  word of at least two gold person names, at least half as often as it agrees).

Prints per category: entries, entries seen in the gold, agreeing (seen, no failure), failing; then the failures.
``--base REF`` adds the same table for the entries that are new against ``REF`` (git).
"""
from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import unseen_roles  # noqa: E402
from unseen_roles import SHARED, half_of  # noqa: E402

GAZ = ROOT / "pipeline" / "rules" / "gazetteer.yaml"
# the most frequent surnames of Germany, Austria and Switzerland (general knowledge): a company "Hoffmann" stays out
FREQUENT_SURNAMES = frozenset("""Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter
Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid
Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich
Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher
Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn
Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Gruber Hofer Egger Wimmer Moser Steiner Mayr Brunner Bachmann Frei Gerber
Baumgartner Blum Pichler Leitner Fuchs Eder Reiter Holzer Lehner Haider Aigner Wallner Ebner Müller Meister Keller Widmer Kälin
Graf Schneider Brunner Zimmermann Ammann Marti Bühler Baumann Hug Suter Roth Kunz Bucher Moser Lüthi Frey Kaufmann Ernst Stadler
Sulzer Straumann Schindler Stadler Bayer Jansen Janssen Hansen Petersen Nielsen Martens Ahrens Kramer Hesse Bruns Hinz Kunze Thiel""".split())
EXPECTED = {"ORG": "ORG", "LOC": "LOC", "MISC": "OTH"}
TOKEN = re.compile(r"\w(?:[\w.&+/'’-]*\w)?|[^\w\s]")


def tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


# --------------------------------------------------------------------------- gold

def germeval_docs(path: Path):
    """(text, [(start, end, kind)]) per GermEval sentence; tokens joined by spaces; kind PER/ORG/LOC/OTH or None
    for part/deriv spans (ignored)."""
    toks: list[tuple[str, str]] = []

    def doc():
        text, spans, cur = "", [], None
        for tok, tag in toks:
            s = len(text) + (1 if text else 0)
            text += (" " if text else "") + tok
            if tag.startswith("I-") and cur is not None and cur[2] == tag[2:]:
                cur[1] = len(text)
                continue
            if cur is not None:
                spans.append(tuple(cur))
            cur = [s, len(text), tag[2:]] if tag.startswith(("B-", "I-")) else None
        if cur is not None:
            spans.append(tuple(cur))
        return text, [(s, e, k if k in ("PER", "ORG", "LOC", "OTH") else None) for s, e, k in spans]

    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0]:
                toks.append((parts[0], parts[1]))
            elif toks:
                yield doc()
                toks.clear()
    if toks:
        yield doc()


def _raw_kind(label: str) -> str:
    """unseen_roles._kind, with every other concept type kept as a tag of its own (not "untagged")."""
    k = _KIND(label)
    return {"person": "PER", "org": "ORG", "loc": "LOC"}.get(k, "x:" + label.upper()) if k else "x:" + label.upper()


_KIND = unseen_roles._kind


def news_docs(shared: Path):
    """(text, spans) of the tune half of SmartData v3 dev/test news and MobIE test (all gold concept types)."""
    unseen_roles._kind = _raw_kind      # the loaders drop types _kind maps to None; here they are tags too
    try:
        docs = unseen_roles.smartdata_docs(shared) + unseen_roles.mobie_docs(shared)
    finally:
        unseen_roles._kind = _KIND
    for d in docs:
        if half_of(d["id"]) == "tune":
            yield d["text"], [(s, e, k) for s, e, k in d["gold"]]


def gold_docs(shared: Path):
    yield from germeval_docs(shared / "data" / "ner" / "germeval2014" / "train.bio.tsv.gz")
    yield from news_docs(shared)


# --------------------------------------------------------------------------- counting

def load_entries(text: str) -> dict[str, tuple[str, str]]:
    """name -> (category, label) of a gazetteer file's text (checked by the pipeline's own parser first: a bad entry
    fails loudly)."""
    from pipeline.extract.actors.gazetteer import CATEGORIES, _name_lines, parse_gazetteer
    data = yaml.safe_load(text)
    parse_gazetteer(data, "gazetteer.yaml")
    out = {}
    for cat, names in data["entries"].items():
        out.update({" ".join(n.split()): (cat, CATEGORIES[cat]) for n in names})
    for cat, block in (data.get("lines") or {}).items():
        out.update({" ".join(n.split()): (cat, CATEGORIES[cat]) for n in _name_lines(block, "gazetteer.yaml", cat)})
    return out


def count(entries, docs) -> tuple[dict[str, Counter], Counter]:
    """Per entry a Counter of occurrence kinds (ORG/LOC/PER/OTH/x:.., untagged); and the surname counts of the
    gold (last word of a person name of two words or more)."""
    by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for name in entries:
        toks = tuple(t for t, _, _ in tokens(name))
        by_first[toks[0]].append((name, toks))
        if not name.endswith(("s", "x", "z", "ß")):
            by_first[toks[0] if len(toks) > 1 else toks[0] + "s"].append((name, toks[:-1] + (toks[-1] + "s",)))
    seen: dict[str, Counter] = defaultdict(Counter)
    surnames: Counter = Counter()
    for text, spans in docs:
        for s, e, k in spans:
            words = text[s:e].split()
            if k == "PER" and len(words) >= 2:
                surnames[words[-1]] += 1
        toks = tokens(text)
        words = [t for t, _, _ in toks]
        for i, w in enumerate(words):
            for name, seq in by_first.get(w, ()):
                if tuple(words[i:i + len(seq)]) == seq:
                    kind = _occurrence(toks[i][1], toks[i + len(seq) - 1][2], spans)
                    if kind:
                        seen[name][kind] += 1
    return seen, surnames


def _occurrence(s: int, e: int, spans) -> str | None:
    touching = [(a, b, k) for a, b, k in spans if a < e and s < b]
    if not touching:
        return "untagged"
    if len(touching) == 1:
        a, b, k = touching[0]
        if (a, b) == (s, e):
            return k                    # None: a part/deriv span (GermEval), not counted
    return None                         # inside a longer name, or partly tagged


# --------------------------------------------------------------------------- judging

def word_lists():
    from pipeline.extract.actors.goldwords import common_nouns
    from pipeline.extract.actors.layer import noun_lemmas
    from pipeline.extract.actors.rules import actor_rules
    from pipeline.ruleset import load_rules
    ar = actor_rules(load_rules())
    given = set(ar.given_names) | set(ar.evidence_given) | set(ar.female_given_names)
    from pipeline.extract.actors import wordtables
    english = (wordtables.load("en_prob_lower") or frozenset()) & (wordtables.load("en_prob_mostly_lower") or frozenset())
    return {"nouns": noun_lemmas() | common_nouns(), "english": english, "given": {g.lower() for g in given},
            "surnames": set(ar.noun_surnames)}


def judge(name: str, label: str, c: Counter, surnames: Counter, wl) -> tuple[str | None, str]:
    """(failure kind or None, evidence)."""
    want = EXPECTED[label]
    tagged = sum(v for k, v in c.items() if k != "untagged")
    agree = c[want]
    other = tagged - agree
    ev = " ".join(f"{k}={v}" for k, v in c.most_common())
    single = len(name.split()) == 1 and "-" not in name
    if other > agree:
        return "type", ev
    if c["untagged"] > tagged:
        return "untagged", ev
    if single:
        if name.lower() in wl["given"]:
            return "person", "first name" + (f"; {ev}" if ev else "")
        if name in wl["surnames"] or name in FREQUENT_SURNAMES or (surnames[name] >= 2 and surnames[name] * 2 >= agree):
            return "person", f"surname of {surnames[name]} gold persons" + (f"; {ev}" if ev else "")
        named = (agree >= 3 and agree >= 2 * c["untagged"]) or (agree >= 2 and not c["untagged"])
        if name in wl["nouns"] and not name.isupper() and not named:
            return "untagged", "common noun (vocabulary)" + (f"; {ev}" if ev else "")
        if name.lower() in wl["english"] and not name.isupper() and not named:
            return "untagged", "common English word" + (f"; {ev}" if ev else "")
    return None, ev


def table(entries, seen, surnames, wl, only=None):
    rows: dict[str, Counter] = defaultdict(Counter)
    fails = []
    for name, (cat, label) in entries.items():
        if only is not None and name not in only:
            continue
        c = seen.get(name, Counter())
        fail, ev = judge(name, label, c, surnames, wl)
        r = rows[cat]
        r["entries"] += 1
        r["seen"] += bool(c)
        r["agreeing"] += bool(c) and fail is None
        r["failing"] += fail is not None
        if fail:
            fails.append((cat, fail, name, ev))
    return rows, fails


def print_table(title: str, rows) -> None:
    print(f"\n{title}")
    print(f"| category | entries | seen in gold | agreeing | failing |\n|---|---|---|---|---|")
    tot = Counter()
    for cat in sorted(rows):
        r = rows[cat]
        tot.update(r)
        print(f"| {cat} | {r['entries']} | {r['seen']} | {r['agreeing']} | {r['failing']} |")
    print(f"| all | {tot['entries']} | {tot['seen']} | {tot['agreeing']} | {tot['failing']} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", help="git ref: also report the entries that are new against it")
    ap.add_argument("--fails", choices=("all", "new", "none"), default="all")
    args = ap.parse_args(argv)
    entries = load_entries(GAZ.read_text(encoding="utf-8"))
    new = None
    if args.base:
        old = subprocess.run(["git", "show", f"{args.base}:pipeline/rules/gazetteer.yaml"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
        new = set(entries) - set(load_entries(old))
    seen, surnames = count(entries, gold_docs(SHARED))
    wl = word_lists()
    rows, fails = table(entries, seen, surnames, wl)
    print_table("all entries", rows)
    if new is not None:
        rows_new, fails_new = table(entries, seen, surnames, wl, new)
        print_table(f"entries new against {args.base}", rows_new)
    shown = fails if args.fails == "all" else (fails_new if args.fails == "new" and new is not None else [])
    if shown:
        print("\nfailures (category, kind, name: gold occurrences)")
        for cat, kind, name, ev in sorted(shown):
            print(f"  {cat:8} {kind:9} {name}: {ev}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
