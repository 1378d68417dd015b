"""Organisations of company titles given by the holder's own name (rorg17b, issue 12): a family business carries
its owner's surname ("Geschäftsführer Alois Zankl" of the "Zankl & Riedl GmbH"). Rule data: roles.yaml
``patterns.holder_company_titles`` (section rorg17b)."""
from __future__ import annotations

from .article_context import _article_companies, _bare_title, _title_word
from .context import _Ctx
from .hits import Hit

_NAME_SUFFIXES = ("jun.", "sen.", "junior", "senior")


def _surname(ctx: _Ctx, h: Hit) -> str | None:
    """The holder's surname: the last capitalised word of the name span ("Rudolf Kaiser jun." -> Kaiser)."""
    if h.name is None:
        return None
    words = [ctx.doc[k].text for k in range(*h.name) if ctx.doc[k].lower_ not in _NAME_SUFFIXES]
    if len(words) < 2 or not words[-1][:1].isupper() or len(words[-1]) < 3:
        return None                       # a surname alone ("Geschäftsführer Zankl") may be the company's name
    return words[-1]


def _name_words(name: str) -> set[str]:
    return set(name.replace("-", " ").split())


def holder_name_company(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``holder_name_company``: "Investor ist die Wolfratshauser Bauträgerfirma Zankl & Riedl GmbH. ...
    Geschäftsführer Alois Zankl, der als Zuhörer in der Sitzung saß" -> Zankl & Riedl GmbH. A company title
    (roles.yaml ``patterns.holder_company_titles``, the title word, feminine -in dropped, starts with one of these)
    with a named holder (first name and surname), no organisation and no complement belongs to the one
    organisation the article names (an organisation actor or a name with a legal form) that has the holder's
    surname as one of its words; where several do ("Hoffmann Logistik SE", "Hoffmann Terminal Services GmbH"),
    none. Short forms count for the long name ("Hoffmann Logistik" of "Hoffmann Logistik GmbH").
    Off: ``holder_company_titles: []``."""
    stems = ctx.p.holder_company_titles
    if not stems or h.holder is None or not _title_word(ctx, h).startswith(stems) \
            or not _bare_title(ctx, h, (_title_word(ctx, h),)):
        return None
    surname = _surname(ctx, h)
    if surname is None:
        return None
    names = {n for _, n, kind in mentions if kind == "organization"} | {n for _, n in _article_companies(ctx)}
    names = {n for n in names if surname in _name_words(n) and n != surname}
    names = {n for n in names if not any(m != n and _name_words(n) < _name_words(m) for m in names)}
    return names.pop() if len(names) == 1 else None
