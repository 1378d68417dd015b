"""Title analysis: the lexicon forms, hyphen prefixes and compound prefix of a token."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .lexicon import ADJ_ENDINGS, Form, RoleLexicon, derived

if TYPE_CHECKING:
    from .context import _Ctx


def _analyze(ctx: _Ctx, t: Token) -> tuple[list[Form], list[str], str] | None:
    """Forms of the title in token ``t`` plus its hyphen prefixes and compound prefix.

    A function of the token's text and the lexicon only, so results are memoized per
    lexicon (callers never modify them)."""
    memo = ctx.analyzed
    text = t.text
    try:
        return memo[text]
    except KeyError:
        pass
    if len(memo) >= _MEMO_MAX:
        memo.clear()
    out = memo[text] = _analyze_text(ctx.lex, text)
    return out


_MEMO_MAX = 200_000


def _lexicon_memo(lex: RoleLexicon) -> dict:
    """Token text -> analysis, shared by every Doc analysed with this lexicon (kept beside it, not on it)."""
    return derived(lex, "analyze_memo", dict)


def _analyze_text(lex: RoleLexicon, text: str) -> tuple[list[Form], list[str], str] | None:
    if not text or not any(c.isalpha() for c in text):
        return None
    if not text[0].isupper() and not ("-" in text and text.split("-")[-1][:1].isupper()):
        return None
    forms = lex.lookup(text)
    if forms:
        return forms, [], ""
    parts = text.split("-")
    head, hyph = parts[-1], [p for p in parts[:-1] if p]
    if not head or not head[0].isalpha():
        return None
    lw = head.lower()
    forms = lex.lookup(lw)
    cprefix = ""
    if not forms:
        if lw.endswith(derived(lex, "blocked_suffixes", lambda: _blocked_forms(lex))):   # any of lex.blocked
            return None
        for i in range(2, len(lw) - 3):
            suf = lw[i:]
            if suf in lex.forms:
                forms, cprefix = lex.forms[suf], lw[:i]
                break
        if not forms:
            forms = lex.lookup_misspelt(lw)           # "Ministerpäsident": one letter off a long title
            cprefix = ""
        if not forms:
            return None
        if not hyph and not head[0].isupper():
            return None
    return forms, hyph, cprefix


_BLOCKED_ENDINGS = ("", "in", "innen", "n", "en", "s", "es", "e", "ern")


def _blocked_forms(lex: RoleLexicon) -> tuple[str, ...]:
    """Rule ``blocked_compound_forms``: a blocked compound (roles.yaml ``blocked_compounds``) is blocked in its
    feminine and inflected forms too: "der bisherigen Amtsinhaberin Hillary Clinton", "Teilnehmerinnen" are no
    titles (before, only the listed form was: "amtsinhaberin" slipped through as a compound of Inhaber)."""
    return tuple(b + e for b in sorted(lex.blocked) for e in _BLOCKED_ENDINGS)


def _choose(ctx: _Ctx, forms: list[Form], i: int) -> tuple[Form, int]:
    """Pick the title whose adjective modifiers match the tokens before ``i``; returns (form, start)."""
    doc = ctx.doc
    best: tuple[Form, int] | None = None
    for f in forms:
        mods = f.title.modifiers
        if not mods:
            if best is None:
                best = (f, i)
            continue
        k = i - len(mods)
        if k < 0:
            continue
        ok = all(doc[k + n].lower_ in {m + e for e in ADJ_ENDINGS} for n, m in enumerate(mods))
        if ok and (best is None or best[1] > k):
            best = (f, k)
    if best is None:
        plain = [f for f in forms if not f.title.modifiers]
        best = (plain[0], i) if plain else (forms[0], i)
    return best
