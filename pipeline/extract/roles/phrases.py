"""``patterns.former_phrases`` of roles.yaml compiled to spaCy ``Matcher`` patterns.

Phrase syntax (a word per token, matched lower-cased): ``#`` is a number (``IS_DIGIT``), ``word*`` any
token that starts with ``word``: "von # bis #", "außer dienst", "in trumps erster amtszeit". The
patterns are compiled once per lexicon (one Matcher per vocab) and matched once per Doc; the rules ask
whether a phrase lies inside a token window ("nach dem Titel bis zum Satzzeichen").
"""
from __future__ import annotations

import re

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.extract.tokmatch import TokenMatcher

from .lexicon import RoleLexicon, derived

FORMER_PHRASE = "former_phrase"          # the match id every former_phrases pattern carries


def token_pattern(word: str) -> dict:
    if word == "#":
        return {"IS_DIGIT": True}
    if word.endswith("*"):
        return {"LOWER": {"REGEX": "^" + re.escape(word[:-1])}}
    return {"LOWER": word}


def compile_phrases(phrases: tuple[tuple[str, ...], ...]) -> list[list[dict]]:
    return [[token_pattern(w) for w in ph] for ph in phrases if ph]


def _matcher(lex: RoleLexicon, vocab: Vocab) -> Matcher:
    by_vocab: dict[int, Matcher] = derived(lex, "former_phrase_matchers", dict)
    m = by_vocab.get(id(vocab))                # (the Matcher keeps its vocab alive: ids are not reused)
    if m is None:
        m = TokenMatcher(vocab, validate=True)   # spaCy's Matcher, faster (issue 16)
        patterns = derived(lex, "former_phrase_patterns", lambda: compile_phrases(lex.patterns.former_phrases))
        if patterns:
            m.add(FORMER_PHRASE, patterns)
        by_vocab[id(vocab)] = m
    return m


class PhraseSpans:
    """The token spans of the former_phrases in one Doc."""

    def __init__(self, doc: Doc, lex: RoleLexicon):
        self.spans = [(s, e) for _, s, e in _matcher(lex, doc.vocab)(doc)]

    def within(self, a: int, b: int) -> bool:
        """A phrase lies inside tokens ``a`` .. ``b`` (exclusive)."""
        return any(a <= s and e <= b for s, e in self.spans)
