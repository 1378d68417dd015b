"""Small token tests shared by the scan and the binding rules."""
from __future__ import annotations

from spacy.tokens import Token

from .context import _AGE, _Ctx


def ends_line(t: Token) -> bool:
    """A line break right after token ``t``: in its trailing white space or as a space token holding one."""
    return "\n" in t.whitespace_ or t.is_space and "\n" in t.text


def _deputy_title(role: str) -> bool:
    return role.lower().startswith(("vize", "stellvertret", "ko-", "co-"))


def _is_adj(ctx: _Ctx, t: Token) -> bool:
    low = t.lower_
    if _AGE.match(t.text):
        return True
    if not t.is_alpha or low in ctx.p.stop_adjectives:
        return False
    if ctx.has_pos and t.pos_:
        if t.pos_ == "ADJ" or t.tag_ in ("ADJA", "ADJD"):
            return True
        if t.pos_ in ("NOUN", "PROPN", "VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART"):
            return False
    return t.text[0].islower() and low.endswith(("e", "en", "er", "es", "em"))


def _former_adj(ctx: _Ctx, low: str) -> bool:
    return any(low.startswith(s) for s in ctx.p.former_adjectives)


def _deputy_adj(ctx: _Ctx, low: str) -> bool:
    return any(low.startswith(s) for s in ctx.p.deputy_adjectives)


def _capitalized(t: Token) -> bool:
    return bool(t.text) and t.text[0].isupper()


def _after_determiner(ctx: _Ctx, j: int) -> bool:
    """The noun phrase that ends before token ``j`` starts with a determiner (not a bare title)."""
    doc = ctx.doc
    s0, _ = ctx.sent_range(j)
    for k in range(j - 1, max(s0, j - 6) - 1, -1):
        t = doc[k]
        if t.is_punct or t.is_space or t.pos_ in ("VERB", "AUX"):
            return False              # ("sein Name ist Oberst [Eck]": the phrase starts after the verb)
        if t.lower_ in ctx.w.determiners or t.pos_ == "DET":
            return True
    return False


def _clause_window(ctx: _Ctx, a: int, b: int) -> list[str]:
    """Lower-case tokens from ``a`` up to the next clause punctuation (exclusive), at most ``b``."""
    out = []
    for k in range(a, b):
        if ctx.doc[k].text in (",", ".", ":", ";", "(", "„", "“", "–"):
            break
        out.append(ctx.doc[k].lower_)
    return out
