"""The organisation of the sentence before (rorg19b, issue 12): an organisation reacts, and the next sentence lets
one of its officers speak by a bare title ("Der Bauernverband Rügen teilt die Sorgen. Geschäftsführerin Anke Lübbert
sagte, ..."). Rule data: roles.yaml ``patterns`` section rorg19b."""
from __future__ import annotations

from .article_context import _bare_title, _mention_end, _person_between, _previous_window
from .context import _Ctx
from .hits import Hit
from .tokens import ends_line

_OPENING_QUOTES = ("„", "«", "»", '"', "‚", "‹")


def _paragraph_break(ctx: _Ctx, a: int, b: int) -> bool:
    """A line break between the first word of tokens ``a`` to ``b`` and ``b`` (a paragraph's leading break aside)."""
    while a < b and ctx.doc[a].is_space:
        a += 1
    return any(ends_line(ctx.doc[k]) for k in range(a, b))


def _sentence_orgs(mentions: list[tuple[int, str, str]], a: int, b: int) -> set[str]:
    return {name for i, name, kind in mentions if a <= i < b and kind == "organization"}


def _opens_sentence(ctx: _Ctx, i: int, lo: int) -> bool:
    """Token ``i`` is the first word of the sentence from ``lo``, after white space, an article or "Auch"."""
    k = i - 1
    while k >= lo and (ctx.doc[k].is_space or ctx.doc[k].lower_ in ctx.w.determiners or ctx.doc[k].lower_ == "auch"):
        k -= 1
    return k < lo


def _subject_org(ctx: _Ctx, mentions: list[tuple[int, str, str]], a: int, b: int) -> str | None:
    """The one organisation tokens ``a`` to ``b`` name, where a mention of it opens the sentence as its subject (the
    parse's subject, or the finite verb right after it): "Die IG Metall reagierte mit scharfer Kritik."; not a
    newspaper, broadcaster or agency, not a name in quotation marks."""
    from .organizations import _press_org
    orgs = _sentence_orgs(mentions, a, b)
    if len(orgs) != 1 or _press_org(ctx, next(iter(orgs))):
        return None                       # "Wie der Focus berichtet, ..." is a source, not an employer
    name = orgs.pop()
    if any(n == name and a < i < b and ctx.doc[i - 1].text in _OPENING_QUOTES for i, n, _ in mentions):
        return None                       # a quoted name is a work or a medium: „A Bigger Bang“, der „Focus“
    for i, n, kind in mentions:
        e = min(b, max(_mention_end(ctx, i), i + len(n.split())))
        if n == name and a <= i < b and _opens_sentence(ctx, i, a) and not (e < b and ctx.doc[e].lower_ in ("und", "sowie")) \
                and (e < b and ctx.doc[e].pos_ in ("VERB", "AUX") or any(
                    ctx.doc[k].dep_ in ("nsubj", "nsubj:pass") for k in range(i, e))):
            return name                   # not "Die IG Metall und die Stadt ... sprachen": not clear whose
    return None


def _kind_clash(ctx: _Ctx, h: Hit, org: str) -> bool:
    """A company head's title (``article_company_titles``) does not go to a union or a party named before it; the
    name or its first words are looked up in organizations.yaml ("IG Metall Coburg")."""
    words = org.split()
    types = {o.type for o in (ctx.orgs.by_name(" ".join(words[:n])) for n in range(len(words), 0, -1)) if o is not None}
    return bool(types & {"union", "party"}) and _bare_title(ctx, h, ctx.p.article_company_titles)


def previous_sentence_org(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``previous_sentence_org``: "Der Bauernverband Rügen teilt die Sorgen. Geschäftsführerin Anke Lübbert
    sagte, viele Betriebe hätten kaum Rücklagen." -> Bauernverband Rügen. A title of one of the categories
    ``patterns.previous_org_categories`` (not one of ``previous_org_skip_titles`` or a team title of
    ``article_club_titles``, stems) with a named holder, no
    organisation and no complement, in a sentence that names no organisation, belongs to the one organisation actor
    the sentence right before opens as its subject (not the press, not a quoted name), in the same paragraph, where that sentence names no person;
    not a profession, not a company head's title for a union or party. Used last, after every other context rule
    found nothing; not where the organisation is one of two subjects. Off: ``previous_org_categories: []``."""
    p = ctx.p
    if not p.previous_org_categories or h.category not in p.previous_org_categories or h.holder is None:
        return None
    if not _bare_title(ctx, h, ("",)) or _bare_title(ctx, h, p.previous_org_skip_titles + p.article_club_titles) \
            or h.title.title in ctx.lex.professions or h.title.title in p.compound_professions:
        return None
    s0, s1 = ctx.sent_range(h.head)
    a = _previous_window(ctx, h, 1)
    if a >= s0 or _sentence_orgs(mentions, s0, s1) or _paragraph_break(ctx, a, h.np_start) or _person_between(ctx, a, s0):
        return None
    org = _subject_org(ctx, mentions, a, s0)
    return None if org is None or _kind_clash(ctx, h, org) else org
