"""One view of a parsed article, built once per Doc: what every extractor reads.

A :class:`DocView` holds the Doc's tokens, their lower-cased words, ONE sentence split, the
quotation spans, an index of the named entities and the dependency labels in one scheme (UD).
Extractors (and the runner, which numbers every row's ``sentence`` by this split) read these
instead of each computing its own.

Dependency labels: our model (``pipeline/models/de_news``) uses UD labels; spaCy's official
``de_core_news_lg`` uses TIGER labels. :data:`TIGER_TO_UD` maps the TIGER labels the rules look at
to their UD counterparts, so a rule written against UD reads both models' parses::

    „Wir bleiben“, sagte Scholz.     TIGER: Scholz --sb--> sagte     UD: Scholz --nsubj--> sagte
"""
from __future__ import annotations

import threading
from bisect import bisect_right
from functools import cached_property

from spacy.tokens import Doc, Span, Token

# TIGER (de_core_news_*) -> UD, for the labels the rules use. "oc" (clausal object) is "xcomp"
# for an infinitive with "zu" or a bare infinitive under a modal, "ccomp" otherwise; "nk"
# (noun kernel element) is "det" for determiners and pronouns, "amod" for adjectives, "nummod"
# for numbers, else "nmod". See :func:`ud_label`.
TIGER_TO_UD: dict[str, str] = {
    "sb": "nsubj",          # subject
    "sbp": "obl:agent",     # passivised subject ("von X")
    "oa": "obj",            # accusative object
    "oa2": "obj",
    "da": "iobj",           # dative object
    "og": "obj",            # genitive object
    "op": "obl",            # prepositional object
    "oc": "ccomp",          # clausal object (xcomp for infinitives, see ud_label)
    "cj": "conj",           # conjunct
    "cd": "cc",             # coordinating conjunction
    "app": "appos",         # apposition
    "pnc": "flat",          # proper noun component ("Donald" <- "Trump")
    "nk": "nmod",           # noun kernel element (det/amod/nummod by POS, see ud_label)
    "ag": "nmod",           # genitive attribute
    "pg": "nmod",           # phrasal genitive ("von"-PP)
    "mnr": "nmod",          # postnominal modifier
    "mo": "advmod",         # modifier (obl when it is a noun or a PP)
    "rc": "acl:relcl",      # relative clause
    "re": "ccomp",          # repeated element
    "pd": "xcomp",          # predicate
    "ng": "advmod",         # negation
    "cp": "mark",           # complementizer ("dass")
    "ju": "cc",             # junctor
    "ac": "case",           # adpositional case marker
    "pm": "mark",           # morphological particle ("zu")
    "svp": "compound:prt",  # separable verb prefix
    "ep": "expl",           # expletive "es"
    "ph": "expl",           # placeholder
    "par": "parataxis",     # parenthetical
    "cvc": "obl",           # collocational verb construction
    "uc": "flat",           # unit component
    "punct": "punct",
    "ROOT": "ROOT",
}
_TIGER_ONLY = {"sb", "oa", "da", "nk", "oc", "cj", "mo", "pnc", "app"}   # labels UD never uses
_QUOTE_PAIRS = {"„": "“", "»": "«", "«": "»", "\"": "\"", "“": "”", "‚": "‘"}


def ud_label(tok: Token) -> str:
    """The UD label of a token parsed with TIGER labels (see :data:`TIGER_TO_UD`)."""
    dep = tok.dep_
    if dep == "nk":
        if tok.pos_ in ("DET", "PRON"):
            return "det"
        if tok.pos_ == "ADJ":
            return "amod"
        if tok.pos_ == "NUM":
            return "nummod"
        return "nmod"
    if dep == "oc" and tok.pos_ in ("VERB", "AUX") and "Inf" in tok.morph.get("VerbForm"):
        return "xcomp"
    if dep == "mo" and tok.pos_ in ("NOUN", "PROPN", "ADP"):
        return "obl"
    return TIGER_TO_UD.get(dep, dep)


def is_tiger(doc: Doc) -> bool:
    """Whether the Doc's dependency labels are TIGER labels (de_core_news_*)."""
    return any(t.dep_ in _TIGER_ONLY for t in doc)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """The one sentence split: the parser's (or senter's) sentences as token bounds; one
    sentence for a Doc without sentence boundaries. Made once per Doc and shared (do not modify the
    list): the DocView, the entity mentions, the roles' and the claims' contexts each walked
    ``doc.sents`` (a Span per sentence) on their own (issue 16, speed14). One Doc per thread is
    remembered, dropped by :func:`forget_doc`."""
    last = getattr(_LAST, "sents", None)
    if last is not None and last[0] is doc and last[1] == len(doc):
        return last[2]
    if len(doc) == 0:
        out = []
    elif not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        out = [(0, len(doc))]
    else:
        out = [(s.start, s.end) for s in doc.sents]
    _LAST.sents = (doc, len(doc), out)
    return out


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``[open, close]`` (both marks included) of the quotations in ``text``:
    „…“, »…«, «…», "…", “…”, ‚…‘. An opening mark without its closing mark is no quotation;
    quotations do not nest (an inner mark of another kind belongs to the outer quotation)."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        close = _QUOTE_PAIRS.get(text[i])
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1)
        if j < 0:
            i += 1
            continue
        out.append((i, j + 1))
        i = j + 1
    return out


class DocView:
    """Everything extractors read from one Doc (see the module docstring). Only the sentence split is
    made at once (the runner numbers every row's sentence by it); the rest is made on first use and
    kept (issue 16: the runner builds a view per article, and most of it was never read).

    tokens: the Doc's tokens (:func:`doc_tokens`); words: lower-cased token texts; sents: token
    bounds [start, end) of each sentence; sent_of: sentence index of every token; quotes: character
    spans of quotations, marks included; ents: token index -> the named entity covering it; deps:
    dependency label of every token, UD scheme; tiger: the Doc's own labels are TIGER labels."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.sents: list[tuple[int, int]] = sentence_bounds(doc)
        self._sent_chars: list[int] = [doc[a].idx for a, _ in self.sents]   # character offset of each start

    @classmethod
    def of(cls, doc: Doc) -> "DocView":
        return cls(doc)

    @cached_property
    def tokens(self) -> list[Token]:
        return doc_tokens(self.doc)

    @cached_property
    def words(self) -> list[str]:
        return [t.lower_ for t in self.tokens]

    @cached_property
    def sent_of(self) -> list[int]:
        sent_of = [0] * len(self.doc)
        for k, (a, b) in enumerate(self.sents):
            sent_of[a:b] = [k] * (b - a)
        return sent_of

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        return quotation_spans(doc_text(self.doc))

    @cached_property
    def ents(self) -> dict[int, Span]:
        return {i: e for e in doc_ents(self.doc) for i in range(e.start, e.end)}

    @cached_property
    def tiger(self) -> bool:
        return any(t.dep_ in _TIGER_ONLY for t in self.tokens)

    @cached_property
    def deps(self) -> list[str]:
        return [ud_label(t) for t in self.tokens] if self.tiger else [t.dep_ for t in self.tokens]

    def sentence_at(self, char: int) -> int:
        """Index of the sentence containing character offset ``char`` (a sentence extends to the
        next one's start, so whitespace between sentences belongs to the one before)."""
        return max(bisect_right(self._sent_chars, char) - 1, 0)

    def sentence_span(self, k: int) -> Span:
        a, b = self.sents[k]
        return self.doc[a:b]


__all__ = ["DocView", "TIGER_TO_UD", "TokenColumns", "doc_caps", "doc_columns", "doc_ents", "doc_hashes", "doc_span", "forget_doc", "doc_text", "doc_tokens", "known_text", "is_tiger", "morph_features",
           "quotation_spans", "sentence_bounds", "ud_label"]


_LAST = threading.local()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token's text on each access; the extractors
    of one article ask for it several times). One Doc per thread is remembered."""
    last = getattr(_LAST, "pair", None)
    if last is None or last[0] is not doc:
        last = (doc, doc.text)
        _LAST.pair = last
    return last[1]


def known_text(doc: Doc, text: str) -> None:
    """Tell :func:`doc_text` the text ``doc`` was parsed from (the runner has it: the article's
    body_text), so that it need not be joined from the tokens again. Only a text of the Doc's own
    length ending in its last token's text (a cheap check) is taken."""
    n = len(doc)
    if n and len(text) == doc[-1].idx + len(doc[-1].text_with_ws) and \
            text.endswith(doc[-1].text_with_ws) and text.startswith(doc[0].text):
        _LAST.pair = (doc, text)


def doc_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, made once per Doc and shared by the extractors (do not modify it).

    Every ``for t in doc`` makes a new spaCy ``Token`` object per token; the extractors used to walk
    each Doc about ten times (some 700,000 Token objects for 150 articles, a third of the extraction
    time). One Doc per thread is remembered; a Doc whose length changed (retokenized) gets a new list."""
    try:
        last_doc, toks = _LAST.toks
        if last_doc is doc and len(toks) == len(doc):      # (called per token by some rules: kept cheap)
            return toks
    except AttributeError:
        pass
    toks = list(doc)
    _LAST.toks = (doc, toks)
    return toks


_FEATS: dict[int, dict[str, list[str]]] = {}        # morph key -> {field: token.morph.get(field)}


def morph_features(doc: Doc) -> list[dict[str, list[str]]]:
    """Per token, its morphology as ``{field: token.morph.get(field)}`` (a field it lacks is absent: read it
    with ``.get(field, ())``), made once per Doc; do not modify the dicts, they are shared by every token
    with the same analysis.

    ``token.morph.get(field)`` makes a ``MorphAnalysis`` and looks its features up on every call (0.6 µs;
    the claims' Konjunktiv checks make some 200 such calls an article). Here each distinct analysis of the
    Doc is read once through spaCy's own ``MorphAnalysis.get``. One Doc per thread is remembered."""
    last = getattr(_LAST, "feats", None)
    if last is not None and last[0] is doc and len(last[1]) == len(doc):
        return last[1]
    from spacy.attrs import MORPH
    keys = doc.to_array([MORPH]).tolist() if len(doc) else []
    out = []
    for i, key in enumerate(keys):
        f = _FEATS.get(key)
        if f is None:
            m = doc[i].morph
            f = {field: m.get(field) for field in m.to_dict()}
            if len(_FEATS) < 100_000:
                _FEATS[key] = f
        out.append(f)
    _LAST.feats = (doc, out)
    return out


class TokenColumns:
    """Per token of one Doc: ``text`` (``Token.text``), ``lower`` (``Token.lower_``), ``pos`` (``Token.pos_``) and
    ``alpha`` (``Token.is_alpha``), as lists; read with one ``doc.to_array`` and a hash -> string memo instead of a
    ``Token`` and a string-store look-up per token and attribute (issue 16: the title scan, the entity layer and
    the roles' context each made these lists from the Tokens). Shared: do not modify the lists."""
    __slots__ = ("text", "lower", "pos", "alpha")

    def __init__(self, text: list[str], lower: list[str], pos: list[str], alpha: list[bool]):
        self.text, self.lower, self.pos, self.alpha = text, lower, pos, alpha


_STR_MEMO: dict = {"store": None, "map": {}}


def _strings(doc: Doc, hashes: list[int]) -> list[str]:
    """``[doc.vocab.strings[h] for h in hashes]`` through a memo kept per string store (dropped when full)."""
    store = doc.vocab.strings
    m = _STR_MEMO["map"]
    if _STR_MEMO["store"] is not store or len(m) > 500_000:
        m = _STR_MEMO["map"] = {}
        _STR_MEMO["store"] = store
    out = list(map(m.get, hashes))          # (a string is never None: None marks a hash not yet looked up)
    if None in out:
        for i, s in enumerate(out):
            if s is None:
                h = hashes[i]
                s = m.get(h)
                if s is None:
                    s = m[h] = store[h]
                out[i] = s
    return out


_SHARED_ATTRS = ("ORTH", "LOWER", "LEMMA", "POS", "IS_ALPHA", "IS_DIGIT")   # read at once on first use


def doc_hashes(doc: Doc, attrs) -> dict[str, list[int]]:
    """attribute name (``spacy.attrs.IDS``) -> its column of ``doc.to_array`` as a list, for ``attrs`` and
    :data:`_SHARED_ATTRS` (made once per Doc and shared: each ``to_array`` call costs some 20 µs whatever it
    reads, and the extractors used to make five of them an article). Only attributes extraction never changes
    (not TAG: ``tags.normalise_tags`` rewrites it). One Doc per thread is remembered; do not modify the lists."""
    last = getattr(_LAST, "hashes", None)
    if last is None or last[0] is not doc or last[1] != len(doc):
        last = (doc, len(doc), {})
        _LAST.hashes = last
    cols = last[2]
    missing = [a for a in attrs if a not in cols]
    if missing:
        from spacy.attrs import IDS
        if not cols:
            missing += [a for a in _SHARED_ATTRS if a not in missing]
        if len(doc):
            arr = doc.to_array([IDS[a] for a in missing]).reshape((len(doc), len(missing)))
            for k, a in enumerate(missing):
                cols[a] = arr[:, k].tolist()
        else:
            for a in missing:
                cols[a] = []
    return cols


def doc_columns(doc: Doc) -> TokenColumns:
    """The :class:`TokenColumns` of ``doc``, made once per Doc (one Doc per thread is remembered; a Doc whose
    length changed gets new columns)."""
    last = getattr(_LAST, "cols", None)
    if last is not None and last[0] is doc and len(last[1].text) == len(doc):
        return last[1]
    if len(doc):
        from spacy.parts_of_speech import NAMES
        h = doc_hashes(doc, ("ORTH", "LOWER", "POS", "IS_ALPHA"))
        orth, low, pos, alpha = h["ORTH"], h["LOWER"], h["POS"], h["IS_ALPHA"]
        names = {p: (NAMES[p] if p else "") for p in set(pos)}
        cols = TokenColumns(_strings(doc, orth), _strings(doc, low), list(map(names.__getitem__, pos)),
                            list(map(bool, alpha)))      # (IS_ALPHA is 0 or 1)
    else:
        cols = TokenColumns([], [], [], [])
    _LAST.cols = (doc, cols)
    return cols


def doc_caps(doc: Doc) -> list[bool]:
    """Per token: its text starts with an upper-case letter and holds a letter (the entity layer's ``_cap``), made
    once per Doc from the text column (issue 16: the organisation rules and the untagged-name scan asked it of
    every token, some 800 calls an article). One Doc per thread is remembered; do not modify the list."""
    last = getattr(_LAST, "caps", None)
    if last is not None and last[0] is doc and len(last[1]) == len(doc):
        return last[1]
    caps = [w[:1].isupper() and (w[:1].isalpha() or any(c.isalpha() for c in w)) for w in doc_columns(doc).text]
    _LAST.caps = (doc, caps)
    return caps


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, made once per extraction and shared (spaCy makes a new Span per entity on every access, some
    13 µs an article; the extractors asked about ten times). One Doc per thread is remembered; :func:`forget_doc`
    (called by ``extract`` first) drops it, so a Doc whose entities were set anew is read again. Do not modify the
    Spans (a changed label is a new Span: ``doc[a:b]``)."""
    last = getattr(_LAST, "ents", None)
    if last is not None and last[0] is doc and last[1] == len(doc):
        return last[2]
    ents = doc.ents
    _LAST.ents = (doc, len(doc), ents)
    return ents


def doc_span(doc: Doc, start: int, end: int, mode: str = "strict") -> Span | None:
    """``doc.char_span(start, end, alignment_mode=mode)``, made once per Doc and character range and shared
    (issue 16: the entity layer, ``recover``, the organisations, the roles and the speaker code asked for the
    same mention spans again, 33.6k calls and some 180k ``Token`` objects inside spaCy per 300 articles). One
    Doc per thread is remembered; :func:`forget_doc` drops it. Do not modify the Spans."""
    last = getattr(_LAST, "spans", None)
    if last is None or last[0] is not doc or last[1] != len(doc):
        last = (doc, len(doc), {})
        _LAST.spans = last
    memo = last[2]
    key = (start, end, mode)
    try:
        return memo[key]
    except KeyError:
        sp = memo[key] = doc.char_span(start, end, alignment_mode=mode)
        return sp


def forget_doc() -> None:
    """Drop the per-Doc entities, attribute columns and sentences remembered by :func:`doc_ents`,
    :func:`doc_hashes`, :func:`doc_columns`, :func:`doc_span` and :func:`sentence_bounds` (``extract`` calls it before it
    starts: a Doc changed between two extractions is read again)."""
    for key in ("ents", "cols", "hashes", "sents", "caps", "spans"):
        _LAST.__dict__.pop(key, None)
