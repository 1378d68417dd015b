"""Parsing long texts in pieces, so that memory stays bounded for any accepted article.

spaCy's parser holds per-token state for the whole text at once: one 1,000,000-character article took
2.8 GB while being parsed in one go. :func:`parse_long` cuts a text longer than :data:`PIECE_CHARS`
at paragraph breaks (else line breaks, sentence ends, spaces), parses the pieces one after another
and joins them with ``Doc.from_docs``; the joined Doc's text is exactly the input, so every character
offset still indexes ``articles.body_text``. A sentence never spans a cut made at a paragraph break.
"""
from __future__ import annotations

import logging
from typing import Iterable, Iterator

log = logging.getLogger(__name__)

PIECE_CHARS = 50_000
_SEPARATORS = ("\n\n", "\n", ". ", " ")


def cut_points(text: str, piece: int | None = None) -> list[int]:
    """Offsets where the text is cut (after a separator), so that no piece is longer than ``piece``."""
    piece = piece or PIECE_CHARS
    cuts, start, n = [], 0, len(text)
    while n - start > piece:
        end = start + piece
        at = -1
        for sep in _SEPARATORS:
            i = text.rfind(sep, start + piece // 4, end - len(sep) + 1)
            if i >= 0:
                at = i + len(sep)
                break
        if at <= start:
            at = end                      # no separator at all: a hard cut
        cuts.append(at)
        start = at
    return cuts


def pieces(text: str, piece: int | None = None) -> list[str]:
    bounds = [0, *cut_points(text, piece), len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def parse_long(nlp, text: str, piece: int | None = None):
    """The Doc of ``text``, parsed piece by piece; ``doc.text == text``."""
    from spacy.tokens import Doc

    parts = pieces(text, piece)
    if len(parts) == 1:
        return nlp(text)
    doc = Doc.from_docs(list(nlp.pipe(parts, batch_size=1)), ensure_whitespace=False, exclude=["tensor"])
    if doc.text != text:                  # never expected; the offsets would be wrong
        raise ValueError("pieces do not join to the original text")
    return doc


def split_long(items: Iterable[tuple[str, str]], piece: int | None = None
               ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(short, long) (key, text) pairs: the long ones go through :func:`parse_long`."""
    piece = piece or PIECE_CHARS
    short, long = [], []
    for key, text in items:
        (long if len(text) > piece else short).append((key, text))
    return short, long


def parse_isolated(nlp, items: list[tuple[str, str]], batch_size: int
                   ) -> Iterator[tuple[tuple[str, str], object]]:
    """((key, text), Doc or the exception) for every item, in batches like ``nlp.pipe``; texts over
    :data:`PIECE_CHARS` in pieces. A text that makes spaCy raise costs only itself: its batch is parsed
    again one text at a time."""
    piece = min(PIECE_CHARS, nlp.max_length)     # never a piece spaCy refuses (E088)
    short, long = split_long(items, piece)
    for i in range(0, len(short), batch_size):
        chunk = short[i:i + batch_size]
        try:
            docs: list = list(nlp.pipe([t for _, t in chunk], batch_size=batch_size))
        except Exception:  # noqa: BLE001 - find the text at fault
            docs = [_parse_one(nlp, key, text, piece) for key, text in chunk]
        yield from zip(chunk, docs)
    for key, text in long:
        yield (key, text), _parse_one(nlp, key, text, piece)


def _parse_one(nlp, key: str, text: str, piece: int):
    try:
        return parse_long(nlp, text, piece)
    except Exception as exc:  # noqa: BLE001 - one text never stops the parse of the others
        log.error("parse failed for %s (%d characters): %s: %s", key, len(text), type(exc).__name__, exc)
        return exc
