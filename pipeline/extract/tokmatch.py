"""spaCy ``Matcher`` patterns of fixed length, matched over the hashes of the Doc's attribute columns.

The extractors' word-pattern triggers (``claims/triggers.py``) and the roles' ``former_phrases``
(``roles/phrases.py``) are token sequences without operators: ``{"LOWER": "wonach"}``,
``{"LOWER": {"IN": [...]}}``, ``{"LEMMA": {"IN": [...]}}``, ``{"LOWER": {"REGEX": "^amts"}}``,
``{"IS_DIGIT": True}``. spaCy's ``Matcher`` walks every token of the Doc in Python for every call
(a ``Token`` object per token and pattern state): 0.3-0.4 ms per article for each of the two
(issue 16). :class:`TokenMatcher` reads the hashes of one ``doc.to_array``, indexes the positions
of each value and tries a pattern only where its first token matches (0.06-0.12 ms); a REGEX is
tried once per distinct word of the Doc. The matches are the same ``(match_id, start, end)``
triples the ``Matcher`` finds (``tests/test_tokmatch.py`` checks both on real articles).

Only what these patterns use is compiled here: the attributes of :data:`_STRING_ATTRS` with a string,
``IN`` or ``REGEX`` value, and the boolean lexeme flags of :data:`_FLAGS`. A pattern with anything
else (an operator, another attribute or predicate) makes the whole matcher a spaCy ``Matcher``, and a
Doc without the annotation a pattern reads (lemmas) goes to the ``Matcher`` too, which raises as
before.
"""
from __future__ import annotations

import collections
import re
from typing import Any

from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.extract.view import doc_hashes

_STRING_ATTRS = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "NORM": "NORM", "LEMMA": "LEMMA"}
_FLAGS = {"IS_DIGIT", "IS_ALPHA", "IS_PUNCT", "IS_SPACE", "IS_LOWER", "IS_UPPER", "IS_TITLE", "LIKE_NUM"}
_INDEX_MIN = 12                             # "==" first tests on one attribute from which its value index pays
_NEEDS = {"LEMMA": "LEMMA"}                 # attribute -> the Doc annotation the Matcher requires for it


class _Unsupported(Exception):
    pass


class _Token:
    """One token of a pattern: tests on attribute values (hashes), all of which must hold."""

    def __init__(self, spec: dict, vocab: Vocab):
        if not isinstance(spec, dict) or not spec:
            raise _Unsupported(spec)
        self.tests: list[tuple[str, str, Any]] = []     # (kind, attr, value): ==, IN, REGEX
        for key, value in spec.items():
            name = key.upper() if isinstance(key, str) else key
            if name in _FLAGS and isinstance(value, bool):
                self.tests.append(("==", name, int(value)))
            elif name in _STRING_ATTRS and isinstance(value, str):
                self.tests.append(("==", _STRING_ATTRS[name], vocab.strings.add(value)))
            elif name in _STRING_ATTRS and isinstance(value, dict) and len(value) == 1 and "IN" in value:
                self.tests.append(("IN", _STRING_ATTRS[name], frozenset(get_string_id(v) for v in value["IN"])))
            elif name in _STRING_ATTRS and isinstance(value, dict) and len(value) == 1 and "REGEX" in value:
                self.tests.append(("REGEX", _STRING_ATTRS[name], re.compile(value["REGEX"])))
            else:
                raise _Unsupported(spec)

    def attrs(self) -> set[str]:
        return {a for _, a, _ in self.tests}

    def holds(self, cols: "_Columns", i: int) -> bool:
        for kind, a, v in self.tests:
            h = cols.col[a][i]
            if kind == "==":
                if h != v:
                    return False
            elif kind == "IN":
                if h not in v:
                    return False
            elif not cols.search(v, h):
                return False
        return True

    def starts(self, cols: "_Columns") -> list[int]:
        """The positions where this token's tests hold, in order (found by its first test: a value's
        positions from the column's index where many patterns ask for one, else by one pass over the column)."""
        kind, a, v = self.tests[0]
        if kind == "==":
            if v not in cols.present(a):
                return []
            cand = cols.index(a).get(v, ()) if cols.indexed(a) else cols.positions(a, v)
        elif kind == "IN":
            found = v.intersection(cols.present(a))
            if not found:
                return []
            cand = sorted(i for h in found for i in cols.positions(a, h)) if len(found) > 1 \
                else cols.positions(a, next(iter(found)))
        else:
            cand = sorted(i for h, ps in cols.index(a).items() if cols.search(v, h) for i in ps)
        return [i for i in cand if self.holds(cols, i)] if len(self.tests) > 1 else list(cand)


class _Columns:
    """The attribute values of one Doc's tokens (one ``to_array`` for all of them), with an index
    value -> positions per attribute, made when first asked for."""

    def __init__(self, doc: Doc, attrs: list[str], index_attrs: frozenset[str] = frozenset()):
        self.doc, self.n = doc, len(doc)
        self.col = doc_hashes(doc, attrs)      # shared per Doc with the other matchers and extractors (issue 16)
        self._present: dict[str, set[int]] = {}
        self._index: dict[str, dict[int, list[int]]] = {}
        self._search: dict[tuple[str, int], bool] = {}
        self._indexed = index_attrs

    def indexed(self, attr: str) -> bool:
        """Whether the value -> positions index pays for ``attr`` (many patterns start with a value of it;
        building it costs about as much as a dozen passes of ``list.index`` over the column)."""
        return attr in self._indexed

    def present(self, attr: str) -> set[int]:
        """The distinct values of the column (one set made in C): a pattern whose first value is absent is
        skipped without a pass over the column."""
        p = self._present.get(attr)
        if p is None:
            p = self._present[attr] = set(self.col[attr])
        return p

    def positions(self, attr: str, value: int) -> list[int]:
        """The positions of ``value`` in the column, in order (``list.index``: a pass in C)."""
        col, out, i = self.col[attr], [], -1
        try:
            while True:
                i = col.index(value, i + 1)
                out.append(i)
        except ValueError:
            return out

    def index(self, attr: str) -> dict[int, list[int]]:
        at = self._index.get(attr)
        if at is None:
            at = self._index[attr] = {}
            for i, h in enumerate(self.col[attr]):
                ps = at.get(h)
                if ps is None:
                    at[h] = [i]
                else:
                    ps.append(i)
        return at

    def search(self, rx: re.Pattern, h: int) -> bool:
        """``rx.search`` on the string of hash ``h`` (as spaCy's REGEX predicate), once per value."""
        key = (rx.pattern, h)
        r = self._search.get(key)
        if r is None:
            r = self._search[key] = bool(rx.search(self.doc.vocab.strings[h]))
        return r


class TokenMatcher:
    """``Matcher(vocab)`` with ``add(key, patterns)`` and ``matcher(doc)`` -> ``[(match_id, start, end)]``,
    for fixed-length token patterns (see the module docstring); anything else is passed on to spaCy's
    ``Matcher``."""

    def __init__(self, vocab: Vocab, validate: bool = True):
        self.vocab = vocab
        self.matcher = Matcher(vocab, validate=validate)   # the fallback, and the patterns' validation
        self.patterns: list[tuple[int, list[_Token]]] = []
        self.fast = True
        self.attrs: set[str] = set()
        self.index_attrs: frozenset[str] = frozenset()     # attributes worth a value index per Doc

    def add(self, key: str, patterns: list[list[dict]], **kwargs) -> None:
        self.matcher.add(key, patterns, **kwargs)
        match_id = self.vocab.strings.add(key)
        if kwargs:                                   # on_match, greedy: spaCy's Matcher does it all
            self.fast = False
        try:
            for p in patterns:
                toks = [_Token(spec, self.vocab) for spec in p]
                if not toks:
                    raise _Unsupported(p)
                self.patterns.append((match_id, toks))
                for t in toks:
                    self.attrs |= t.attrs()
        except _Unsupported:
            self.fast = False
        eq = collections.Counter(toks[0].tests[0][1] for _, toks in self.patterns if toks[0].tests[0][0] == "==")
        self.index_attrs = frozenset(a for a, k in eq.items() if k >= _INDEX_MIN)

    def __len__(self) -> int:
        return len(self.matcher)

    def __call__(self, doc: Doc, **kwargs) -> list[tuple[int, int, int]]:
        if kwargs or not self.fast or not isinstance(doc, Doc) or \
                any(not doc.has_annotation(ann) for a, ann in _NEEDS.items() if a in self.attrs):
            return self.matcher(doc, **kwargs)
        n = len(doc)
        if not self.patterns:
            return self.matcher(doc)                     # (spaCy's answer to a Matcher without patterns)
        if n == 0:
            return []
        cols = _Columns(doc, sorted(self.attrs), self.index_attrs)
        out: set[tuple[int, int, int]] = set()
        for match_id, toks in self.patterns:
            size = len(toks)
            first, rest = toks[0], list(enumerate(toks[1:], 1))
            for s in first.starts(cols):
                if s + size <= n and all(t.holds(cols, s + k) for k, t in rest):
                    out.add((match_id, s, s + size))
        return sorted(out, key=lambda x: (x[1], x[2], x[0]))


__all__ = ["TokenMatcher"]
