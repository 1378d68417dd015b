"""Incremental rules re-runs: which articles can a change of the rules affect?

A rules re-run normally re-extracts every article. When the previous extraction
of every article is kept (``runner`` stores it next to the outputs, keyed by the
published version, the rules version, the model and the extractor code), only
the articles that a rule change can reach need the extractors again; the others
keep their rows (with the new ``rules_version``).

How a change is localised. The old and new *compiled* rule objects (what the
extractors see) are compared field by field. Every field has a policy:

* ``keys``/``members``: a dict keyed by (or a set of) surface strings that the
  extractors look up with strings built from the article's tokens or lemmas
  (joined with spaces or hyphens, lower-cased, a genitive -s stripped, a suffix
  of a compound taken). Each changed key yields a *needle*: its longest run of
  word characters, lower-cased. Such a key can only match in an article whose
  lower-cased text, or one of whose lemmas, contains that run.
* special cases for strings that the extractors build from rule data rather
  than from the text: role titles (``"Vize" + title``, compound prefix + title,
  the title's equivalence group), organisation names (a title's implied
  organisation, a compound prefix's organisation, a prefix's organisation are
  looked up by name again), and the one-letter-off matching of long titles
  (a pattern per form then matches every word one edit away from it).
* role patterns: their word lists act only on tokens that contain the word
  (``_role_patterns``); their lists of role categories are structural.
* ``structural`` (the default for any field not listed): a change cannot be
  localised (category mappings, thresholds, versions), so every article is
  re-extracted.

An article is affected when any needle occurs in its haystack: the body text
and its distinct lemmas, lower-cased. These policies follow the lookups in
``pipeline/extract/*.py``; any change to that code changes :func:`code_hash`
and forces a full re-extraction, and ``tests/test_rerun.py`` checks real rule
edits against full re-runs.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
import sys
from pathlib import Path
from typing import Any, Callable, Iterable

PKG = Path(__file__).resolve().parent
_WORD = re.compile(r"\w+")
_WORDS_ONLY = re.compile(r"\w+")
FUZZY_MIN = 9                  # RoleLexicon.lookup_misspelt indexes forms of >= 9 letters


class NotLocal(Exception):
    """A rule change that cannot be localised to articles."""


# ----------------------------------------------------------------------------- code identity
_CODE: str | None = None


def code_hash() -> str:
    """Hash of everything besides the rules and the parse that an extraction result depends on:
    the extractor code, the row building and date normalisation, and library versions."""
    global _CODE
    if _CODE is None:
        import importlib.metadata as md

        from pipeline import __version__
        files = sorted((PKG / "extract").rglob("*.py")) + sorted((PKG / "job").rglob("*.py")) + [
            PKG / n for n in ("records.py", "registry.py", "ruleset.py", "dates.py", "runner.py", "incremental.py", "schemas.py",
            "enrich.py", "enrich.yaml", "rule_precision.yaml")]
        h = hashlib.sha256()
        for f in files:
            h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
        libs = []
        for dist in ("spacy", "dateparser", "pyyaml"):
            try:
                libs.append(f"{dist}={md.version(dist)}")
            except md.PackageNotFoundError:
                libs.append(f"{dist}=-")
        h.update(f"{__version__}|{sys.version_info[:2]}|{'|'.join(libs)}".encode())
        _CODE = h.hexdigest()[:16]
    return _CODE


# ----------------------------------------------------------------------------- haystacks
def doc_words(doc) -> str:
    """The distinct lemmas of a Doc, lower-cased, one per line (part of the article's haystack).

    The LEMMA column comes from the extraction's shared columns (``view.doc_hashes``: the runner calls this
    right after ``extract``, which read it, so no ``to_array`` is made again), and each lemma hash's lower-cased
    string is kept per string store (:data:`_LOWER`): a string-store look-up decodes the string anew every time
    (speed19, issue 16)."""
    from pipeline.extract.view import doc_hashes

    if not len(doc):
        return ""
    hashes = set(doc_hashes(doc, ("LEMMA",))["LEMMA"])
    hashes.discard(0)
    return "\n".join(sorted(set(_lower_strings(doc.vocab.strings, hashes))))


_LOWER: dict = {"store": None, "map": {}}


def _lower_strings(store, hashes: set[int]) -> list[str]:
    """``[store[h].lower() for h in hashes]`` through a memo kept per string store (dropped when full)."""
    m = _LOWER["map"]
    if _LOWER["store"] is not store or len(m) > 500_000:
        m = _LOWER["map"] = {}
        _LOWER["store"] = store
    for h in hashes.difference(m):
        m[h] = store[h].lower()
    return list(map(m.__getitem__, hashes))


def haystack(body_text: str, words: str) -> str:
    return body_text.lower() + "\n" + words


def word_needle(key: str) -> str:
    """The longest run of word characters of a lookup key, lower-cased ("" matches everything)."""
    runs = _WORD.findall(str(key).lower())
    return max(runs, key=len) if runs else ""


RE = "re:"                      # a needle that is a regular expression, not a plain substring


def fuzzy_needles(form: str) -> set[str]:
    """Patterns that match every word the one-letter-off lookup can match to ``form``.

    ``RoleLexicon.lookup_misspelt`` matches a word w of >= 10 letters (a hyphen-free
    head, so no space or hyphen in it) that shares its first four letters with a form
    f of >= 9 letters and is one insertion, deletion or substitution away. With
    k = len(f) // 2: an edit at position >= k leaves w starting with f[:k] and at least
    10 letters long; an edit before k leaves w ending with f[k:] (after f[:4])."""
    f = form.lower()
    k = len(f) // 2
    return {RE + re.escape(f[:k]) + r"[^\s-]{%d,}" % max(len(f) - 1 - k, 10 - k, 0),
            RE + re.escape(f[:4]) + r"[^\s-]*" + re.escape(f[k:])}


def minimal(needles: Iterable[str]) -> list[str]:
    """Plain needles without those that contain a shorter one (a match of the longer implies
    one of the shorter), then the patterns."""
    out: list[str] = []
    needles = set(needles)
    for n in sorted((n for n in needles if not n.startswith(RE)), key=lambda n: (len(n), n)):
        if not any(m in n for m in out):
            out.append(n)
    return out + sorted(n for n in needles if n.startswith(RE))


class Matcher:
    """Does an article's haystack contain any needle?"""

    def __init__(self, needles: Iterable[str]):
        needles = list(needles)
        self.plain = [n for n in needles if not n.startswith(RE)]
        pats = [n[len(RE):] for n in needles if n.startswith(RE)]
        self.pattern = re.compile("|".join(pats)) if pats else None

    def __call__(self, hay: str) -> bool:
        return any(n in hay for n in self.plain) or (self.pattern is not None and self.pattern.search(hay) is not None)


# ----------------------------------------------------------------------------- localising
def localise(old: dict[str, Any], new: dict[str, Any]) -> set[str]:
    """Needles for the change from compiled rules ``old`` to ``new`` (stem -> compiled object).

    Raises :class:`NotLocal` naming the change when it cannot be localised.
    """
    if set(old) != set(new):
        raise NotLocal(f"rule files differ: {sorted(set(old) ^ set(new))}")
    ctx = _Ctx(old, new)
    needles: set[str] = set()
    for stem in sorted(new):
        a, b = old[stem], new[stem]
        if a is b:
            continue
        if type(a) is not type(b):
            raise NotLocal(f"{stem}: compiled type changed")
        if a == b:
            continue
        policy = _POLICIES.get(type(b).__name__)
        if policy is None or not dataclasses.is_dataclass(b):
            raise NotLocal(f"{stem}: no localiser for {type(b).__name__}")
        for f in dataclasses.fields(b):
            x, y = getattr(a, f.name), getattr(b, f.name)
            if x == y:
                continue
            rule = policy.get(f.name, "structural")
            if rule == "structural":
                raise NotLocal(f"{stem}: {f.name} changed")
            if rule == "keys":
                needles |= {word_needle(k) for k in changed_keys(x, y)}
            elif rule == "members":
                needles |= {word_needle(k) for k in set(x) ^ set(y)}
            elif rule == "string":
                needles |= {word_needle(x), word_needle(y)}
            else:
                needles |= rule(ctx, x, y)
    return needles


def changed_keys(x: dict, y: dict) -> set:
    return (set(x) ^ set(y)) | {k for k in set(x) & set(y) if x[k] != y[k]}


class _Ctx:
    """Both rule sets, with reverse indexes built on demand."""

    def __init__(self, old: dict, new: dict):
        self.sides = (old, new)
        self._title_forms: list[dict[str, set[str]]] | None = None
        self._org_keys: list[dict[str, set[str]]] | None = None

    def get(self, stem: str) -> list:
        return [s.get(stem) for s in self.sides if s.get(stem) is not None]

    def title_forms(self) -> list[dict[str, set[str]]]:
        """Per side: title -> its surface form keys."""
        if self._title_forms is None:
            self._title_forms = []
            for lex in self.get("roles"):
                idx: dict[str, set[str]] = {}
                for key, forms in lex.forms.items():
                    for f in forms:
                        idx.setdefault(f.title.title, set()).add(key)
                self._title_forms.append(idx)
        return self._title_forms

    def org_keys(self) -> list[dict[str, set[str]]]:
        """Per side: normalized organisation name -> every surface key that points to it."""
        if self._org_keys is None:
            self._org_keys = []
            for orgs in self.get("organizations"):
                idx: dict[str, set[str]] = {}
                for table in (orgs.names, orgs.prefixes, orgs.adjectives, orgs.demonyms):
                    for key, o in table.items():
                        idx.setdefault(_norm(o.name), set()).add(key)
                self._org_keys.append(idx)
        return self._org_keys


def _norm(name: str) -> str:
    return " ".join(str(name).split()).lower()


def _form_needles(keys: Iterable[str]) -> set[str]:
    out = set()
    for k in keys:
        out.add(word_needle(k))
        if len(k) >= FUZZY_MIN and " " not in k:
            out |= fuzzy_needles(k)
    return out


def _title_needles(ctx: _Ctx, titles: Iterable[str]) -> set[str]:
    """A title key T is looked up with the title X found in the text (T == X), with
    "Vize" + X and "stellvertretender " + X for a deputy, and with compound prefix + X
    ("Polizei" + "sprecher", found as a suffix: the text holds prefix + a form of X)."""
    out: set[str] = set()
    all_titles = {t for lex in ctx.get("roles") for t in lex.titles}
    for t in titles:
        out.add(word_needle(t))
        low = str(t).lower()
        for x in all_titles:
            if not low.endswith(x.lower()):
                continue
            forms = {f for idx in ctx.title_forms() for f in idx.get(x, ())}
            p = low[:len(low) - len(x)]
            if p and _WORDS_ONLY.fullmatch(p) and not p.endswith("vize"):
                out |= {p + f for f in forms if _WORDS_ONLY.fullmatch(f)}
            else:
                out |= _form_needles(forms)
    return out


# -- roles.yaml
def _role_forms(ctx, x, y):
    return _form_needles(changed_keys(x, y))


def _role_titles(ctx, x, y):
    return _title_needles(ctx, changed_keys(x, y))


def _role_groups(ctx, x, y):
    def classes(groups):
        by_id: dict[int, set[str]] = {}
        for t, g in groups.items():
            by_id.setdefault(g, set()).add(t)
        return {t: frozenset(by_id[g]) for t, g in groups.items()}
    cx, cy = classes(x), classes(y)
    changed = {t for t in set(cx) | set(cy) if cx.get(t) != cy.get(t)}
    return _title_needles(ctx, changed)


def _role_professions(ctx, x, y):
    """``professions``: every surface form of a title added or removed (its rows appear or go)."""
    return _title_needles(ctx, set(x) ^ set(y))


def _compound_prefixes(ctx, x, y):
    return {word_needle(k) for k in changed_keys(x, y)}


# -- organizations.yaml
def _org_names(ctx, x, y):
    """Names are also looked up with organisation names taken from the rules: the organisation
    a prefix/adjective/demonym/name points to, a title's implied organisation, a compound prefix's."""
    keys = changed_keys(x, y)
    out = {word_needle(k) for k in keys}
    normed = {_norm(k) for k in keys}
    for idx in ctx.org_keys():
        for n in normed:
            out |= {word_needle(k) for k in idx.get(n, ())}
    for lex, forms in zip(ctx.get("roles"), ctx.title_forms()):
        for t in lex.titles.values():
            if t.organization and _norm(t.organization) in normed:
                out |= _title_needles(ctx, [t.title])
        for p, info in lex.compound_prefixes.items():
            if info.get("organization") and _norm(info["organization"]) in normed:
                out.add(word_needle(p))
    return out


def _role_patterns(ctx: _Ctx, x, y) -> set[str]:
    """``RolePatterns``: word lists are matched against a token's lower-cased text (equal, prefix or
    suffix, as in "ehemalig" -> "ehemaligen", "amt" -> "Auswärtigen Amtes"), so a changed word can only
    act where the text contains it; ``former_phrases`` are word tuples ("#" = any number). Lists of
    role categories (``*_categories``) change how every role of a category is read: not localisable."""
    out: set[str] = set()
    for f in dataclasses.fields(y):
        a, b = getattr(x, f.name), getattr(y, f.name)
        if a == b:
            continue
        if f.name.endswith("_categories"):
            raise NotLocal(f"roles: patterns.{f.name} changed")
        for item in set(a) ^ set(b):
            words = [w for w in (item if isinstance(item, tuple) else (item,)) if w != "#"]
            needle = max((word_needle(w) for w in words), key=len, default="")
            out.add(needle)
    return out


def _word_lists(ctx: "_Ctx", x: dict, y: dict) -> set[str]:
    """words.yaml: the words added to or removed from any list (a list added or removed: all its words)."""
    out: set[str] = set()
    for section in set(x) | set(y):
        a, b = x.get(section, {}), y.get(section, {})
        for name in set(a) | set(b):
            out |= {word_needle(w) for w in a.get(name, frozenset()) ^ b.get(name, frozenset())}
    return out


def _same(ctx: "_Ctx", x, y) -> set[str]:
    """A field derived from another one that is localised already."""
    return set()


_POLICIES: dict[str, dict[str, str | Callable]] = {
    "Words": {"lists": _word_lists, "order": _same},
    "RoleLexicon": {"forms": _role_forms, "titles": _role_titles, "groups": _role_groups, "patterns": _role_patterns,
                    "compound_prefixes": _compound_prefixes, "blocked": "members", "professions": _role_professions},
    "OrgLexicon": {"names": _org_names, "prefixes": "keys", "adjectives": "keys", "demonyms": "keys",
                   "topic_prefixes": "members", "abbrev_prefixes": "members"},
    "SpeechRules": {"forms": "keys", "lemmas": "keys", "pronouns": "keys", "auxiliaries": "members",
                    "not_speakers": "members", "nouns": "members", "noun_suffixes": "members",
                    "preps_before": "members", "preps_after": "members", "source_adverbs": "members",
                    "context_source_adverbs": "members", "so_marker": "string", "impersonal": "members",
                    "impersonal_preps": "members", "role_heads": "members", "claim_nouns": "members",
                    "konjunktiv": "members", "complementizers": "members", "als_speech_acts": "members",
                    "hearsay_infinitives": "members"},
    "Gazetteer": {"names": "keys", "by_first": "keys"},
    "ActorRules": {"nicknames": "keys", "particles": "members", "titles": "members", "not_names": "members",
                   "given_names": "members", "female_given_names": "members", "gendered_names": "members",
                   "not_actors": "members"},
}
