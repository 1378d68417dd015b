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
from dataclasses import dataclass

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
    sentence for a Doc without sentence boundaries."""
    if len(doc) == 0:
        return []
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [(0, len(doc))]
    return [(s.start, s.end) for s in doc.sents]


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


@dataclass
class DocView:
    """Everything extractors read from one Doc, computed once (see the module docstring)."""
    doc: Doc
    tokens: list[Token]
    words: list[str]                       # lower-cased token texts
    sents: list[tuple[int, int]]           # token bounds [start, end) of each sentence
    sent_of: list[int]                     # sentence index of every token
    quotes: list[tuple[int, int]]          # character spans of quotations, marks included
    ents: dict[int, Span]                  # token index -> the named entity covering it
    deps: list[str]                        # dependency label of every token, UD scheme
    tiger: bool                            # the Doc's own labels are TIGER labels
    _sent_chars: list[int]                 # character offset of each sentence start

    @classmethod
    def of(cls, doc: Doc) -> "DocView":
        tokens = doc_tokens(doc)
        sents = sentence_bounds(doc)
        sent_of = [0] * len(tokens)
        for k, (a, b) in enumerate(sents):
            for i in range(a, b):
                sent_of[i] = k
        ents = {i: e for e in doc.ents for i in range(e.start, e.end)}
        tiger = any(t.dep_ in _TIGER_ONLY for t in tokens)
        deps = [ud_label(t) for t in tokens] if tiger else [t.dep_ for t in tokens]
        return cls(doc=doc, tokens=tokens, words=[t.lower_ for t in tokens], sents=sents, sent_of=sent_of,
                   quotes=quotation_spans(doc_text(doc)), ents=ents, deps=deps, tiger=tiger,
                   _sent_chars=[tokens[a].idx for a, _ in sents])

    def sentence_at(self, char: int) -> int:
        """Index of the sentence containing character offset ``char`` (a sentence extends to the
        next one's start, so whitespace between sentences belongs to the one before)."""
        return max(bisect_right(self._sent_chars, char) - 1, 0)

    def sentence_span(self, k: int) -> Span:
        a, b = self.sents[k]
        return self.doc[a:b]


__all__ = ["DocView", "TIGER_TO_UD", "doc_text", "doc_tokens", "is_tiger", "quotation_spans", "sentence_bounds", "ud_label"]


_LAST = threading.local()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token's text on each access; the extractors
    of one article ask for it several times). One Doc per thread is remembered."""
    last = getattr(_LAST, "pair", None)
    if last is None or last[0] is not doc:
        last = (doc, doc.text)
        _LAST.pair = last
    return last[1]


def doc_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, made once per Doc and shared by the extractors (do not modify it).

    Every ``for t in doc`` makes a new spaCy ``Token`` object per token; the extractors used to walk
    each Doc about ten times (some 700,000 Token objects for 150 articles, a third of the extraction
    time). One Doc per thread is remembered; a Doc whose length changed (retokenized) gets a new list."""
    last = getattr(_LAST, "toks", None)
    if last is None or last[0] is not doc or len(last[1]) != len(doc):
        last = (doc, list(doc))
        _LAST.toks = last
    return last[1]
