"""Quotation marks paired in the raw text („…“, »…«, "…", nested ‚…‘)."""
from __future__ import annotations

import re
from dataclasses import dataclass


QUOTE_PAIRS = {"„": "“”\"", "»": "«", "«": "»", "“": "”\"", '"': '"', "‚": "‘’", "›": "‹"}


QUOTE_CHARS = set("„“”»«\"‚‘’›‹")


MAX_QUOTE = 3000
_MARKS = re.compile("\n(?=\n)|[" + re.escape("".join(sorted(QUOTE_CHARS))) + "]")


@dataclass(frozen=True)
class Quote:
    start: int      # char offset of the opening mark
    end: int        # char offset after the closing mark
    depth: int      # 0 = top level


def find_quotes(text: str) -> list[Quote]:
    """Pair quotation marks. Nested quotes get depth >= 1; unclosed ones are dropped
    at a paragraph break."""
    out: list[Quote] = []
    stack: list[tuple[str, int]] = []
    for m in _MARKS.finditer(text):         # only the characters the pairing looks at (issue 16: was every one)
        i = m.start()
        c = text[i]
        if c == "\n":                       # a paragraph break ("\n" before "\n")
            stack.clear()
        else:
            if stack and c in QUOTE_PAIRS[stack[-1][0]] and _closes(text, i, stack[-1]):
                o, s = stack.pop()
                if i + 1 - s <= MAX_QUOTE:
                    out.append(Quote(s, i + 1, len(stack)))
            elif c in QUOTE_PAIRS and _opens(text, i, c, stack):
                stack.append((c, i))
    return sorted(out, key=lambda q: (q.start, -q.end))


def _opens(text: str, i: int, c: str, stack: list) -> bool:
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace():
        return False
    if c in "‚›":
        # single marks open only inside a quote, and ‚ is not a low comma between letters
        prev = text[i - 1] if i else " "
        return bool(stack) and not prev.isalnum()
    if c == '"':
        prev = text[i - 1] if i else " "
        return not prev.isalnum()
    return True


def _closes(text: str, i: int, top: tuple[str, int]) -> bool:
    if text[i] in "‘’":
        nxt = text[i + 1] if i + 1 < len(text) else " "
        return not nxt.isalpha()            # an apostrophe inside a word does not close
    if text[i] == '"':
        prev = text[i - 1] if i else " "
        return not prev.isspace()
    return True
