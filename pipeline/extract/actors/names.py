"""Person names: splitting into first names and surname, matching surname forms and first
names, grouping the PER mentions of one article into persons, and the canonical name."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pipeline.records import Mention

from .rules import ActorRules


_QUOTES = "„“”»«\"‚‘`'"


def _tokens(text: str, ar: ActorRules) -> list[str]:
    return [t for t in _without_nickname(text.replace("’", "'").split()) if t.lower() not in ar.titles]


def _without_nickname(words: list[str]) -> list[str]:
    """The name's words without a nickname in quotation marks between them ("Wolfgang „Wolli“ Scheuermann",
    "Nicholas " Nick " Zinner": recover.per_nickname_quote)."""
    if len(words) < 3 or not any(w[:1] in _QUOTES for w in words[1:-1]):
        return words
    out, inside = [], False
    for w in words:
        if w != w.strip(_QUOTES) or inside:     # ("„Wolli“"; "„ Bill “" in three tokens)
            inside = (inside or w.strip(_QUOTES) == "") and not (inside and w.strip(_QUOTES) == "")
            continue
        out.append(w)
    return out


def _nicknames(p: "_Person") -> set[str]:
    """The nicknames in quotation marks inside the person's mentions."""
    out = set()
    for m in p.mentions:
        words = m.text.split()
        kept = _without_nickname(words)
        if len(kept) < len(words):
            out.update(w.strip(_QUOTES) for w in words if w not in kept and w.strip(_QUOTES))
    return out


def _nickname_owner(word: str, persons: list["_Person"]) -> "_Person | None":
    """names_nickname: "Sitzungspräsident Wolfgang „Wolli“ Scheuermann ... Man habe Wolli mehrfach das Gespräch
    angeboten": one word that is the quoted nickname of exactly one person of the article is that person."""
    owners = [p for p in persons if word in _nicknames(p) or _strip_gen(word) in _nicknames(p)]
    return owners[0] if len(owners) == 1 else None


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


def _first_parts(names: list[str]) -> list[str]:
    return [w.rstrip(".") for w in " ".join(names).lower().replace(".", ". ").split()]


def _first_pair_compatible(x: str, y: str, ar: ActorRules) -> bool:
    if x == y or x.startswith(y) or y.startswith(x):
        return True
    if (len(x) == 1 or len(y) == 1) and x[0] == y[0]:
        return True
    return y in ar.nicknames.get(x, frozenset())


def _first_compatible(f1: list[str], f2: list[str], ar: ActorRules) -> bool:
    """First-name parts of two full names are compatible (equal, prefix, initials, nickname)."""
    if not f1 or not f2:
        return True
    return any(x and y and _first_pair_compatible(x, y, ar) for x in _first_parts(f1) for y in _first_parts(f2))


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


def _fuzzy_match(c: str, s: str, ar: ActorRules) -> bool:
    """A misspelt long surname: one edit apart, or one letter more or less at the end."""
    long_enough = max(len(c), len(s)) >= ar.min_fuzzy_length and min(len(c), len(s)) >= ar.min_fuzzy_length - 1
    if long_enough and _edit1(c, s):
        return True
    if min(len(c), len(s)) >= 5 and abs(len(c) - len(s)) == 1 and (c.startswith(s) or s.startswith(c)) \
            and not c.endswith("s") and " " not in c and not _patronymic_pair(c, s, ar):
        return True                  # "Hageed" for "Hagee": a letter too many or too few at the end
    return len(s) >= ar.min_fuzzy_length and _edit1(_strip_gen(c), s) and c.endswith("s")


def _patronymic_pair(c: str, s: str, ar: ActorRules) -> bool:
    """names_patronymic_pair: "Peter sagte ... Hans Peters ist Vorsitzender": a first name and the surname made of it
    with an "s" ("Peter"/"Peters", "Jacob"/"Jacobs", "Martin"/"Martins") are two names, not one misspelt: a word that
    is a first name (actors.yaml given names) or one that differs from the other only by a last "s" is no fuzzy
    form of it."""
    return s == c + "s" or c == s + "s" or c.capitalize() in ar.evidence_given


def _surname_match(cand: str, surname: str, ar: ActorRules) -> str | None:
    """How a single surname form matches: exact | genitive | fuzzy | None."""
    c, s = cand.lower(), surname.lower()
    if c == s:
        return "exact"
    words = s.split()
    core = " ".join(w for i, w in enumerate(words) if not (i < len(words) - 1 and w in ar.particles))
    if core != s and (c == core or _strip_gen(c) == core):
        return "exact"
    if _strip_gen(c) == s or c == s + "'" or (c == s + "s" and not s.endswith(("s", "x", "z", "ß"))):
        return "genitive"               # "Trumps", "Ghanis" (a name in -i: "Gaddafis")
    if _genitive_of(s, c, ar):
        return "genitive"               # the full name was met in the genitive first: "Elon Musks ... Musk"
    return "fuzzy" if _fuzzy_match(c, s, ar) else None


def _genitive_of(gen: str, base: str, ar: ActorRules) -> bool:
    """names_genitive_full_name: "Elon Musks Firma ... Musk sagte": ``gen`` (lower case) is the genitive of ``base``,
    a surname of one word that is no first name ("Peters" of "Hans Peters" is no genitive of "Peter")."""
    return " " not in gen and len(base) >= 3 and gen in (base + "s", base + "'") and \
        not base.endswith(("s", "x", "z", "ß")) and base.capitalize() not in ar.evidence_given


def _full_name_target(persons: list[_Person], first: list[str], sur_s: str, ar: ActorRules) -> _Person | None:
    """The person a full name belongs to: a matching surname and compatible first names."""
    for p in persons:
        for f2, s2 in p.full:
            how = _surname_match(sur_s, " ".join(s2), ar)
            if how is None and first and first == f2 and sur_s == " ".join(s2) + "s":
                how = "genitive"        # "Kim Jong Uns": the genitive of a short last name ("Un")
            if how and _first_compatible(first, f2, ar) and (how != "fuzzy" or first == f2 or
                                                             _first_compatible(first, f2, ar)):
                return p
    return None


def _attach_full_names(multi: list[Mention], persons: list[_Person], ar: ActorRules) -> None:
    # longest, most frequent full names first so that variants attach to them
    freq = Counter(" ".join(_tokens(m.text, ar)) for m in multi)
    multi = sorted(multi, key=lambda m: (-freq[" ".join(_tokens(m.text, ar))], m.start))
    for m in multi:
        first, sur = _split_name(_tokens(m.text, ar), ar)
        target = _full_name_target(persons, first, " ".join(sur), ar)
        if target is None:
            target = _Person()
            persons.append(target)
        target.mentions.append(m)
        target.full.append((first, sur))


def _surname_owner(m: Mention, word: str, persons: list[_Person], ar: ActorRules) -> _Person | None:
    """The person named in full whose surname this single word is (the most recent one if ambiguous)."""
    cands = []
    for p in persons:
        best = None
        for _, s2 in p.full:
            how = _surname_match(word, " ".join(s2), ar)
            if how and (best is None or how == "exact"):
                best = how
        if best:
            cands.append((best != "exact", p))
    if not cands:
        return None
    cands.sort(key=lambda c: c[0])
    exact = [p for fz, p in cands if not fz]
    pool = exact or [p for _, p in cands]
    if len(pool) > 1:   # ambiguous surname: the person mentioned most recently before
        pool.sort(key=lambda p: max((x.start for x in p.mentions if x.start < m.start), default=-1))
    return pool[-1]


def _singleton_owner(word: str, persons: list[_Person], ar: ActorRules) -> _Person | None:
    """A single-token person without a full name that this word is a form of."""
    base = _strip_gen(word)
    for p in persons:
        if not p.full and any(_surname_match(word, _tokens(x.text, ar)[0], ar) or
                              _surname_match(_tokens(x.text, ar)[0], base, ar) == "exact"
                              for x in p.mentions if _tokens(x.text, ar)):
            return p
    return None


def _resolve_persons(ms: list[Mention], ar: ActorRules) -> list[_Person]:
    persons: list[_Person] = []
    _attach_full_names([m for m in ms if len(_tokens(m.text, ar)) >= 2], persons, ar)
    for m in sorted((m for m in ms if len(_tokens(m.text, ar)) < 2), key=lambda m: m.start):
        word = _tokens(m.text, ar)[0] if _tokens(m.text, ar) else m.text
        owner = _surname_owner(m, word, persons, ar) or _singleton_owner(word, persons, ar) \
            or _given_name_owner(word, persons) or _nickname_owner(word, persons)
        if owner is None:
            persons.append(_Person(mentions=[m]))
        else:
            owner.mentions.append(m)
    return _merge_name_prefixes(persons)


def _given_name_owner(word: str, persons: list[_Person]) -> _Person | None:
    """names_partial_given: "Abhisit Vejjajiva wurde vereidigt. ... sagte Abhisit", "Steve Fossett ... Steve": one
    word that is a first name (a word before the surname) of exactly one person named in full in the article, and
    no word of any other person's name, is that person."""
    forms = {word, _strip_gen(word)}
    owners = [p for p in persons if any(set(f) & forms for f, _ in p.full)]
    others = [p for p in persons if p not in owners and any(set(s) & forms for _, s in p.full)]
    return owners[0] if len(owners) == 1 and not others else None


def _merge_name_prefixes(persons: list[_Person]) -> list[_Person]:
    """names_partial_prefix: "Johann Sebastian Bach ... die Musik Johann Sebastians", "George W. Bush ... George W.":
    a person whose every full name is the start of the full name of exactly one other person is that person."""
    names = [{tuple(f + s) for f, s in p.full} for p in persons]
    for i, p in enumerate(persons):
        if not names[i]:
            continue
        longer = [j for j, q in enumerate(names) if j != i and q and all(
            any(len(n) < len(x) and x[:len(n)] == n for x in q) for n in names[i])]
        if len(longer) == 1:
            persons[longer[0]].mentions.extend(p.mentions)
            persons[longer[0]].full.extend(p.full)
            names[longer[0]] |= names[i]
            p.mentions, p.full, names[i] = [], [], set()
    return [p for p in persons if p.mentions]


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


def _nominative_forms(p: _Person, ar: ActorRules) -> dict[str, str]:
    """names_genitive_full_name: "Elon Musks" -> "Elon Musk" where the person's mentions have the surname without the
    genitive -s too ("Musk", "Elon Musk"): the canonical name is never a genitive when the nominative is known."""
    words = {w for m in p.mentions for w in _tokens(m.text, ar)}
    out = {}
    for m in p.mentions:
        toks = _tokens(m.text, ar)
        if len(toks) >= 2 and toks[-1][:-1] in words and _genitive_of(toks[-1].lower(), toks[-1][:-1].lower(), ar):
            out[" ".join(toks)] = " ".join(toks[:-1] + [toks[-1][:-1]])
    return out


def _canonical_full_name(p: _Person, ar: ActorRules) -> str:
    nominative = _nominative_forms(p, ar)

    def form(toks: list[str]) -> list[str]:
        n = " ".join(toks)
        return nominative[n].split() if n in nominative else toks

    sur_count: Counter = Counter()
    for m in p.mentions:
        toks = form(_tokens(m.text, ar))
        if len(toks) >= 2:
            sur_count[" ".join(_split_name(toks, ar)[1])] += 1
        elif toks:
            sur_count[toks[0]] += 1
    full_count = Counter(" ".join(form(_tokens(m.text, ar))) for m in p.mentions if len(_tokens(m.text, ar)) >= 2)
    prefixes = {n for n in full_count if any(o.startswith(n + " ") for o in full_count)}   # names_partial_prefix
    full_count = Counter({n: c for n, c in full_count.items() if n not in prefixes}) or full_count
    order: dict[str, int] = {}
    for m in sorted(p.mentions, key=lambda x: x.start):
        order.setdefault(" ".join(form(_tokens(m.text, ar))), m.start)
    return max(full_count, key=lambda n: (bool(_split_name(n.split(), ar)[0]),
                                          sur_count[" ".join(_split_name(n.split(), ar)[1])],
                                          full_count[n], len(n.split()), -order[n]))


def _canonical_person(p: _Person, ar: ActorRules) -> str:
    if p.full:
        return _canonical_full_name(p, ar)
    forms = Counter(_tokens(m.text, ar)[0] if _tokens(m.text, ar) else m.text for m in p.mentions)
    # prefer the form without genitive -s if both occur
    for f in sorted(forms, key=lambda f: (-forms[f], f)):
        if (_strip_gen(f) != f and _strip_gen(f) in forms) or (f.endswith("s") and f[:-1] in forms):
            continue                    # "Gaddafis" beside "Gaddafi"
        return f
    return next(iter(forms))
