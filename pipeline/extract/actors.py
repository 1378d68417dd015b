"""Mentions and article-level actor resolution.

One actor per person or organisation per article, merged across surface forms:

* persons: full name, surname only ("Vance" -> "J. D. Vance"), genitive ("Trumps"),
  compatible first names ("Steve"/"Steven", "Mike"/"Michael" via ``rules/actors.yaml``),
  and a misspelt long surname (edit distance 1, e.g. "Kellog" vs "Kellogg");
* organisations and places: normalized through ``rules/organizations.yaml``
  ("Central Intelligence Agency" -> "CIA", "Russlands" -> "Russland").

The canonical name is the most frequent full form (ties: the first), so it is
stable across articles ("Donald Trump", never "Trumps"). Role nouns that refer
back to an actor ("der US-Präsident") are added by :mod:`pipeline.extract.roles`
as ``ROLE`` mentions.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import IDX, ORTH
from spacy.tokens import Doc

from pipeline.records import Actor, Mention
from pipeline.ruleset import RuleError, RuleSet, rule_file

ACTOR_TYPES = {"PER": "person", "ORG": "organization", "LOC": "location", "MISC": "other"}
KEY_PREFIX = {"person": "PER", "organization": "ORG", "location": "LOC", "other": "MISC"}
_STRIP = " \t\n\"'„“”‚‘’»«()[],.;:!?–—-"


@dataclass
class ActorRules:
    version: int
    nicknames: dict[str, frozenset[str]]      # lower first name -> equivalence class
    particles: frozenset[str]                 # von, van, de, al, ...
    titles: frozenset[str]                    # Dr., Prof. stripped from names
    min_fuzzy_length: int = 6
    not_names: frozenset[str] = field(default_factory=frozenset)
    given_names: frozenset[str] = field(default_factory=frozenset)
    female_given_names: frozenset[str] = field(default_factory=frozenset)
    gendered_names: frozenset[str] = field(default_factory=frozenset)   # curated given names (gender known)
    not_actors: frozenset[str] = field(default_factory=frozenset)       # entities of any label that are no actors


@rule_file("actors")
def parse_actors(data: Any, file: str) -> ActorRules:
    if not isinstance(data, dict) or "version" not in data:
        raise RuleError(file, None, "expected a mapping with a 'version' key")
    allowed = {"version", "nicknames", "particles", "name_titles", "min_fuzzy_length", "not_names", "given_names",
               "female_given_names", "given_names_extra", "not_actors"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise RuleError(file, None, f"unknown key(s) {unknown}; allowed: {sorted(allowed)}")
    nick: dict[str, frozenset[str]] = {}
    for i, grp in enumerate(data.get("nicknames") or []):
        if not isinstance(grp, list) or len(grp) < 2:
            raise RuleError(file, f"nicknames[{i}]", "expected a list of at least two first names")
        cls = frozenset(g.lower() for g in grp)
        for g in cls:
            nick[g] = nick.get(g, frozenset()) | cls
    mfl = data.get("min_fuzzy_length", 6)
    if not isinstance(mfl, int) or mfl < 3:
        raise RuleError(file, "min_fuzzy_length", "expected an integer >= 3")
    return ActorRules(version=int(data["version"]), nicknames=nick,
                      particles=frozenset(p.lower() for p in data.get("particles") or []),
                      titles=frozenset(t.lower() for t in data.get("name_titles") or []),
                      min_fuzzy_length=mfl,
                      not_names=frozenset(n.lower() for n in data.get("not_names") or []),
                      given_names=frozenset(str(n) for n in (data.get("given_names") or [])
                                            + (data.get("given_names_extra") or [])),
                      gendered_names=frozenset(str(n) for n in data.get("given_names") or []),
                      not_actors=frozenset(str(n).lower() for n in data.get("not_actors") or []),
                      female_given_names=frozenset(str(n) for n in data.get("female_given_names") or []))


def sentence_index(doc: Doc) -> list[int]:
    """Sentence number of every token (0 for all if the Doc has no sentence boundaries)."""
    out = [0] * len(doc)
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return out
    for i, sent in enumerate(doc.sents):
        for t in range(sent.start, sent.end):
            out[t] = i
    return out


def _clean_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and doc[start].text.strip(_STRIP) == "":
        start += 1
    while end > start and doc[end - 1].text.strip(_STRIP) == "" and not doc[end - 1].text.endswith("."):
        end -= 1
    return (start, end) if start < end else None


def _source_compound(text: str, orgs, speech) -> tuple[str, str] | None:
    """``(prefix, label)`` for a word "X-<source noun>" whose prefix is a known organisation or country
    prefix: "nach Nato-Angaben" names the NATO as the source, "US-Berichten zufolge" the USA
    ("Experten-Angaben" does not: no such prefix). The source nouns are the compound heads of
    ``speech.yaml``'s ``noun_suffixes``; ``orgs``/``speech`` are the compiled rules (or None)."""
    if orgs is None or speech is None or "-" not in text:
        return None
    prefix, _, head = text.rpartition("-")
    org = orgs.prefixes.get(prefix.lower())
    if org is None or not head[:1].isupper() or not head.lower().endswith(speech.noun_suffixes):
        return None
    return prefix, "LOC" if org.actor_type == "location" else "ORG"


def _hyphen_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens that hold a hyphen, found through the text (no Token per word)."""
    hyphens = [m.start() for m in re.finditer("-", doc.text)]
    if not hyphens:
        return []
    starts = doc.to_array(IDX)
    return sorted({int(i) for i in np.searchsorted(starts, hyphens, side="right") - 1 if i >= 0})


def entity_mentions(doc: Doc, rules: RuleSet, scan=None) -> list[Mention]:
    """Named-entity mentions, plus holder names next to role titles that NER missed.

    ``scan``: a :class:`pipeline.extract.roles.Scan` of the Doc to reuse (optional)."""
    sent_of = sentence_index(doc)
    names: list[tuple[int, int]] = []
    if rules.get("roles") is not None and rules.get("organizations") is not None:
        from . import roles as _roles
        names = _roles.name_spans(doc, rules, scan)
    out: list[Mention] = []
    covered: set[int] = set()
    ar = rules.get("actors")
    orgs, speech = rules.get("organizations"), rules.get("speech")
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PER" and len(e) >= 2}
    stats = _DocStats(doc)
    for e in doc.ents:
        if e.label_ not in ACTOR_TYPES:
            continue
        if any("\n" in t.whitespace_ or (t.is_space and "\n" in t.text) for t in e[:-1]):
            continue        # "[Klärer der Finanzen\n\nTrump]MISC": a heading glued to the next paragraph
        if _noise_entity(doc, e, rules, stats):
            continue
        if len(e) == 1 and _source_compound(e.text, orgs, speech) is not None:
            continue                 # "nach [Nato-Angaben]MISC": the prefix is the source, added below
        if e.label_ in ("ORG", "MISC", "LOC") and len(e) >= 2 and e[0].lower_ in _TYPE_NOUNS \
                and e[1].text[:1].isupper() and e[1].is_alpha:
            e = doc[e.start + 1:e.end]   # "[Denkfabrik Carnegie Endowment ...]ORG", "[Firma Trigema]ORG"
            e.label_ = "ORG"
        if e.label_ != "PER" and len(e) >= 2 and e[0].text.endswith("s") and e[0].text[:-1] in surnames:
            # "[Trumps Ukraine-Taskforce]ORG": the person's genitive is not part of the organisation
            sp = _clean_span(doc, e.start + 1, e.end)
            if sp is not None:
                s = doc[sp[0]:sp[1]]
                out.append(Mention(s.start_char, s.end_char, s.text, e.label_, sent_of[s.start]))
                covered.update(range(e.start + 1, e.end))
            continue
        # a holder name next to a role title overrides an entity that overlaps it: "Ghasi [Aridi]PER",
        # "[Human Rights Watch-Sprecher Malinowski]ORG"
        if any(s < e.end and e.start < n_end and (s, n_end) != (e.start, e.end) for s, n_end in names):
            continue
        sp = _clean_span(doc, e.start, e.end)
        if sp is None:
            continue
        if e.label_ == "PER" and ar is not None:
            st = sp[0]                    # "Holger [Thorsten Schubart]PER": a first name NER left out
            while st > 0 and st > sp[0] - 2 and doc[st - 1].text in ar.given_names and doc[st - 1].ent_type_ == "" \
                    and "\n" not in doc[st - 1].whitespace_:
                st -= 1
            if st == sp[0] and st > 0 and _PARTICLE_SURNAME.match(doc[st].text) and doc[st - 1].ent_type_ == "" \
                    and doc[st - 1].is_alpha and doc[st - 1].text[0].isupper() \
                    and doc[st - 1].pos_ in ("PROPN", "X", "NOUN", "") \
                    and "\n" not in doc[st - 1].whitespace_ and not _known_word(doc[st - 1].text, rules):
                st -= 1                   # "Hajim [al-Hassani]PER": the first name before a particle surname
            sp = (st, sp[1])
        s = doc[sp[0]:sp[1]]
        out.append(Mention(s.start_char, s.end_char, s.text, e.label_, sent_of[s.start]))
        covered.update(range(e.start, e.end))
    for i in _hyphen_tokens(doc) if orgs is not None and speech is not None else ():
        tok = doc[i]
        src = None if i in covered else _source_compound(tok.text, orgs, speech)
        if src is not None:
            out.append(Mention(tok.idx, tok.idx + len(src[0]), src[0], src[1], sent_of[i]))
            covered.add(i)
    for s, e in names:
        if any(i in covered for i in range(s, e)):
            continue
        sp = doc[s:e]
        out.append(Mention(sp.start_char, sp.end_char, sp.text, "PER", sent_of[s]))
        covered.update(range(s, e))
    out += _surname_mentions(doc, rules, covered, sent_of)
    out.sort(key=lambda m: (m.start, m.end))
    return out


_TYPE_NOUNS = {"denkfabrik", "firma", "unternehmen", "konzern", "partei", "zeitung", "sender", "gewerkschaft",
               "organisation", "stadt", "gemeinde", "agentur", "verein", "magazin", "reederei", "brauerei",
               "holding", "miliz", "stiftung", "tageszeitung", "nachrichtenagentur", "nachrichtenmagazin",
               "fluggesellschaft", "hilfsorganisation", "band"}
_PARTICLE_SURNAME = re.compile(r"^(al|el|as|asch|ad|ar|an|at|az|ibn|bin|abu|abd|ben)-[A-ZÄÖÜ]")


def _known_word(word: str, rules: RuleSet) -> bool:
    """A role title or an organisation/place name: no first name."""
    lex, orgs = rules.get("roles"), rules.get("organizations")
    return bool((lex is not None and lex.lookup(word)) or (orgs is not None and orgs.by_name_or_genitive(word)))


class _DocStats:
    """Per-Doc facts that _noise_entity needs for every entity, computed once."""

    def __init__(self, doc: Doc):
        self.surnames = {x[-1].text for x in doc.ents if x.label_ == "PER"}
        self._counts: Counter | None = None
        self.doc = doc

    def count(self, text: str) -> int:
        """How many tokens of the Doc have this text."""
        if self._counts is None:
            self._counts = Counter(t.text for t in self.doc)
        return self._counts[text]


def _noise_entity(doc: Doc, e, rules: RuleSet, stats: _DocStats | None = None) -> bool:
    """An entity that is no actor: a currency ("Euro"), or a common noun NER tagged once
    ("Union verlangt [Kurswechsel]PER", "In [Gesprächen]LOC mit Russland", "Der [Muskelmann]MISC")."""
    ar, orgs = rules.get("actors"), rules.get("organizations")
    if ar is not None and " ".join(e.text.split()).lower() in ar.not_actors:
        return True
    stats = stats or _DocStats(doc)
    surnames = stats.surnames
    words = [t for n, t in enumerate(e) if not t.is_space and not (n == 0 and t.text[:-1] in surnames)]
    if e.label_ == "MISC" and doc.has_annotation("POS") and words and not any(
            t.pos_ in ("PROPN", "X") or t.text.isupper() or (orgs is not None and orgs.by_name_or_genitive(t.text))
            for t in words):
        return True                   # "[Mann für alles]MISC", "[Dealmaker]MISC": a description, no name
    if len(e) != 1:
        return False
    t = e[0]
    if t.pos_ != "NOUN" or not t.is_alpha or t.text.isupper() or stats.count(t.text) > 1:
        return False
    if orgs is not None and orgs.by_name_or_genitive(t.text) is not None:
        return False
    if ar is not None and (t.text in ar.given_names or _strip_gen(t.text) in ar.given_names):
        return False
    if e.label_ == "PER" and any(x.label_ == "PER" and len(x) >= 2 and x[-1].text in (t.text, _strip_gen(t.text))
                                 for x in doc.ents):
        return False                  # a surname of a person named in full
    low = t.lower_
    inflected = bool(t.lemma_) and t.lemma_ != t.text and t.text != t.lemma_ + "s" and low.startswith(t.lemma_[:3].lower())
    return inflected or low.endswith(_NOUN_SUFFIXES)     # names rarely look like this ("Rafsandschani" does not)


_NOUN_SUFFIXES = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "ismus", "tion",
                  "tionen", "tät", "mann", "männer", "leute", "chen", "nis", "nisse")


def _surname_mentions(doc: Doc, rules: RuleSet, covered: set[int], sent_of: list[int]) -> list[Mention]:
    """The surname (or its genitive) of a person named in full, where NER did not tag it again:
    "Hans-Joachim Watzke ... Der 45-jährige Watzke ... Watzke war bereits ..."."""
    full = [e for e in doc.ents if e.label_ == "PER" and len(e) >= 2]
    surnames = {e[-1].text for e in full if e[-1].is_alpha and len(e[-1].text) >= 3 and e[-1].text[0].isupper()}
    if not surnames:
        return []
    in_ent = {i for e in doc.ents for i in range(e.start, e.end)}
    lex, orgs = rules.get("roles"), rules.get("organizations")
    out = []
    strings = doc.vocab.strings
    wanted = {h for h in set(doc.to_array([ORTH]).ravel().tolist())
              if (w := strings[h]) in surnames or (w.endswith("s") and w[:-1] in surnames)}
    orths = doc.to_array([ORTH]).ravel().tolist()
    for t in (doc[i] for i, h in enumerate(orths) if h in wanted):     # only words that can match below
        if t.i in covered or t.i in in_ent or not t.is_alpha or not t.text[0].isupper():
            continue
        w = t.text
        if w not in surnames and not (w.endswith("s") and w[:-1] in surnames):
            continue
        if t.pos_ not in ("PROPN", "NOUN", "X", ""):
            continue
        if (lex is not None and lex.lookup(w)) or (orgs is not None and orgs.by_name_or_genitive(w) is not None):
            continue
        nb = [doc[k] for k in (t.i - 1, t.i + 1) if 0 <= k < len(doc)]
        if any(x.pos_ == "PROPN" and x.text[:1].isupper() and x.is_alpha and x.i not in in_ent
               and not (x.i == t.i - 1 and x.is_sent_start) for x in nb):
            continue                  # part of another, untagged name ("Thomas Strobl" for "Christine Strobl")
        out.append(Mention(t.idx, t.idx + len(w), w, "PER", sent_of[t.i]))
    return out


# ----------------------------------------------------------------------------- person names
def _tokens(text: str, ar: ActorRules) -> list[str]:
    toks = [t for t in text.replace("’", "'").split() if t.lower() not in ar.titles]
    return toks


def _strip_gen(word: str) -> str:
    if word.endswith("'"):
        return word[:-1]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "os")) and len(word) > 3:
        return word[:-1]
    return word


def _edit1(a: str, b: str) -> bool:
    """True if a and b differ by at most one insertion, deletion or substitution."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = j = diff = 0
    while i < la and j < lb:
        if a[i] != b[j]:
            diff += 1
            if diff > 1:
                return False
            if la == lb:
                i += 1
            j += 1
        else:
            i += 1
            j += 1
    return diff + (lb - j) + (la - i) <= 1


def _first_compatible(f1: list[str], f2: list[str], ar: ActorRules) -> bool:
    """First-name parts of two full names are compatible (equal, prefix, initials, nickname)."""
    if not f1 or not f2:
        return True
    a = " ".join(f1).lower().replace(".", ". ").split()
    b = " ".join(f2).lower().replace(".", ". ").split()
    for x in (w.rstrip(".") for w in a):
        for y in (w.rstrip(".") for w in b):
            if not x or not y:
                continue
            if x == y or x.startswith(y) or y.startswith(x):
                return True
            if (len(x) == 1 or len(y) == 1) and x[0] == y[0]:
                return True
            if y in ar.nicknames.get(x, frozenset()):
                return True
    return False


@dataclass
class _Person:
    mentions: list[Mention] = field(default_factory=list)
    full: list[tuple[list[str], list[str]]] = field(default_factory=list)   # (first names, surname tokens)

    def surnames(self) -> set[str]:
        return {" ".join(s).lower() for _, s in self.full}


def _split_name(toks: list[str], ar: ActorRules) -> tuple[list[str], list[str]]:
    """(first names, surname tokens); particles start the surname ("Ursula von der Leyen")."""
    if len(toks) <= 1:
        return [], toks
    if toks[0].lower() in ar.particles:              # "Zu Guttenberg", "Von der Leyen"
        return [], toks
    for i in range(1, len(toks) - 1):
        if toks[i].lower() in ar.particles:
            return toks[:i], toks[i:]
    return toks[:-1], toks[-1:]


def _surname_match(cand: str, surname: str, ar: ActorRules) -> str | None:
    """How a single surname form matches: exact | genitive | fuzzy | None."""
    c, s = cand.lower(), surname.lower()
    if c == s:
        return "exact"
    words = s.split()
    core = " ".join(w for i, w in enumerate(words) if not (i < len(words) - 1 and w in ar.particles))
    if core != s and (c == core or _strip_gen(c) == core):
        return "exact"
    if _strip_gen(c) == s or c == s + "'":
        return "genitive"
    long_enough = max(len(c), len(s)) >= ar.min_fuzzy_length and min(len(c), len(s)) >= ar.min_fuzzy_length - 1
    if long_enough and _edit1(c, s):
        return "fuzzy"
    if min(len(c), len(s)) >= 5 and abs(len(c) - len(s)) == 1 and (c.startswith(s) or s.startswith(c)) \
            and not c.endswith("s") and " " not in c:
        return "fuzzy"                  # "Hageed" for "Hagee": a letter too many or too few at the end
    if len(s) >= ar.min_fuzzy_length and _edit1(_strip_gen(c), s) and c.endswith("s"):
        return "fuzzy"
    return None


def _resolve_persons(ms: list[Mention], ar: ActorRules) -> list[_Person]:
    persons: list[_Person] = []
    multi = [m for m in ms if len(_tokens(m.text, ar)) >= 2]
    single = [m for m in ms if len(_tokens(m.text, ar)) < 2]
    # longest, most frequent full names first so that variants attach to them
    freq = Counter(" ".join(_tokens(m.text, ar)) for m in multi)
    multi.sort(key=lambda m: (-freq[" ".join(_tokens(m.text, ar))], m.start))
    for m in multi:
        toks = _tokens(m.text, ar)
        first, sur = _split_name(toks, ar)
        sur_s = " ".join(sur)
        target = None
        for p in persons:
            for f2, s2 in p.full:
                how = _surname_match(sur_s, " ".join(s2), ar)
                if how and _first_compatible(first, f2, ar) and (how != "fuzzy" or first == f2 or
                                                                 _first_compatible(first, f2, ar)):
                    target = p
                    break
            if target:
                break
        if target is None:
            target = _Person()
            persons.append(target)
        target.mentions.append(m)
        target.full.append((first, sur))
    for m in sorted(single, key=lambda m: m.start):
        word = _tokens(m.text, ar)[0] if _tokens(m.text, ar) else m.text
        cands = []
        for p in persons:
            best = None
            for _, s2 in p.full:
                how = _surname_match(word, " ".join(s2), ar)
                if how and (best is None or how == "exact"):
                    best = how
            if best:
                cands.append((best != "exact", p))
        if cands:
            cands.sort(key=lambda c: c[0])
            exact = [p for fz, p in cands if not fz]
            pool = exact or [p for _, p in cands]
            if len(pool) > 1:   # ambiguous surname: the person mentioned most recently before
                pool.sort(key=lambda p: max((x.start for x in p.mentions if x.start < m.start), default=-1))
            pool[-1].mentions.append(m)
            continue
        # a single-token person without a full name: join an existing singleton
        base = _strip_gen(word)
        for p in persons:
            if not p.full and any(_surname_match(word, _tokens(x.text, ar)[0], ar) or
                                  _surname_match(_tokens(x.text, ar)[0], base, ar) == "exact"
                                  for x in p.mentions if _tokens(x.text, ar)):
                p.mentions.append(m)
                break
        else:
            persons.append(_Person(mentions=[m]))
    return persons


def _trim_genitive_heads(ms: list[Mention], ar: ActorRules) -> list[Mention]:
    """'Musks Befugnisse' (NER over-reach): cut to the genitive name when it is a known surname."""
    surnames = set()
    for m in ms:
        toks = _tokens(m.text, ar)
        if len(toks) >= 1:
            surnames.add(toks[-1].lower())
    out = []
    for m in ms:
        toks = m.text.split()
        if len(toks) >= 2 and toks[0].endswith("s") and toks[0][:-1].lower() in surnames \
                and toks[0].lower() not in surnames and toks[1][:1].isupper():
            out.append(Mention(m.start, m.start + len(toks[0]), toks[0], m.label, m.sentence))
        else:
            out.append(m)
    return out


def _canonical_person(p: _Person, ar: ActorRules) -> str:
    if p.full:
        sur_count = Counter()
        for m in p.mentions:
            toks = _tokens(m.text, ar)
            if len(toks) >= 2:
                sur_count[" ".join(_split_name(toks, ar)[1])] += 1
            elif toks:
                sur_count[toks[0]] += 1
        full_count = Counter(" ".join(_tokens(m.text, ar)) for m in p.mentions if len(_tokens(m.text, ar)) >= 2)
        order = {}
        for m in sorted(p.mentions, key=lambda x: x.start):
            order.setdefault(" ".join(_tokens(m.text, ar)), m.start)
        best = max(full_count, key=lambda n: (bool(_split_name(n.split(), ar)[0]),
                                              sur_count[" ".join(_split_name(n.split(), ar)[1])],
                                              full_count[n], len(n.split()), -order[n]))
        return best
    forms = Counter(_tokens(m.text, ar)[0] if _tokens(m.text, ar) else m.text for m in p.mentions)
    # prefer the form without genitive -s if both occur
    for f in sorted(forms, key=lambda f: (-forms[f], f)):
        if _strip_gen(f) != f and _strip_gen(f) in forms:
            continue
        return f
    return next(iter(forms))


# ----------------------------------------------------------------------------- resolution
def _norm(text: str) -> str:
    return " ".join(text.split())


def resolve(doc: Doc, mentions: list[Mention], rules: RuleSet) -> tuple[list[Actor], dict[Mention, str]]:
    """Group mentions into actors (one per person/organisation per article)."""
    ar: ActorRules = rules.get("actors") or ActorRules(1, {}, frozenset(), frozenset())
    orgs = rules.get("organizations")
    rl = rules.get("roles")
    org_nouns = tuple(rl.patterns.org_nouns) if rl is not None else ()
    per = [m for m in mentions if m.label == "PER" and _norm(m.text).lower() not in ar.not_names]
    per = _trim_genitive_heads(per, ar)
    persons = _resolve_persons(per, ar)
    actors: dict[str, Actor] = {}
    keys: dict[Mention, str] = {}
    person_names: dict[str, str] = {}        # lower surface (and surname) -> key
    for p in persons:
        name = _canonical_person(p, ar)
        key = f"PER:{name.lower()}"
        a = actors.get(key)
        if a is None:
            a = actors[key] = Actor(key=key, name=name, actor_type="person")
        for m in p.mentions:
            a.mentions.append(m)
            keys[m] = key
            person_names.setdefault(_norm(m.text).lower(), key)
        for _, s in p.full:
            person_names.setdefault(" ".join(s).lower(), key)
    for m in mentions:
        if m in keys or m.label not in ACTOR_TYPES:
            continue
        text = _norm(m.text)
        low = text.lower()
        # a person name that NER labelled ORG/LOC/MISC elsewhere
        if low in person_names or _strip_gen(low) in person_names:
            key = person_names.get(low) or person_names[_strip_gen(low)]
            actors[key].mentions.append(m)
            keys[m] = key
            continue
        if m.label == "PER":
            continue
        org = orgs.by_name_or_genitive(text) if orgs is not None else None
        if org is not None:
            name, atype = org.name, org.actor_type
        else:
            name, atype = text, ACTOR_TYPES[m.label]
            head = text.split()[-1].split("-")[-1].lower()
            if atype in ("location", "other") and org_nouns and head.endswith(org_nouns):
                atype = "organization"    # "[Ukraine-Taskforce]LOC", "[Nationale Sicherheitsrat]MISC"
        key = f"{KEY_PREFIX[atype]}:{name.lower()}"
        a = actors.setdefault(key, Actor(key=key, name=name, actor_type=atype))
        a.mentions.append(m)
        keys[m] = key
    # genitive forms of unknown organisations/places: "Ukraine-Kontaktgruppes" is rare, "Bayers" is not
    for a in list(actors.values()):
        if a.actor_type == "person" or a.key not in actors:
            continue
        base = _strip_gen(a.name)
        other = f"{KEY_PREFIX[a.actor_type]}:{base.lower()}"
        if base != a.name and other in actors and other != a.key:
            actors[other].mentions.extend(a.mentions)
            for m in a.mentions:
                keys[m] = other
            del actors[a.key]
    # one actor per name: an unknown organisation tagged ORG here and LOC there gets the majority type
    by_name: dict[str, list[Actor]] = {}
    for a in actors.values():
        if a.actor_type != "person":
            by_name.setdefault(a.name.lower(), []).append(a)
    for group in by_name.values():
        if len(group) < 2:
            continue
        order = ("organization", "location", "other")
        keep = max(group, key=lambda a: (len(a.mentions), -order.index(a.actor_type)))
        for a in group:
            if a is keep:
                continue
            keep.mentions.extend(a.mentions)
            for m in a.mentions:
                keys[m] = keep.key
            del actors[a.key]
    for a in actors.values():
        a.mentions.sort(key=lambda x: (x.start, x.end))
    return list(actors.values()), keys
