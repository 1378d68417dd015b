"""The country of a government named in the article, for a head of government or minister left without one (rorg21,
issue 12). Called from ``_Ctx.national_default`` after the older country rules found nothing; switched in roles.yaml
``patterns`` (rorg21 section). ``ctx`` is the role context of roles/context.py.
"""
from __future__ import annotations


def _government_word(ctx, i: int) -> bool:
    """Token ``i`` names a government ("Regierung", "Minderheitsregierung"; ``national_offices.government_words``)."""
    return ctx.doc[i].lower_.endswith(ctx.lex.national_offices.government_words)


def _government_country(ctx, i: int) -> str | None:
    """The country of the government word at token ``i``: an adjective right before it ("die polnische Regierung")
    or a genitive right after it ("die Regierung Griechenlands"); only a country (not a German state), not a partner
    ("mit der chinesischen Regierung")."""
    doc = ctx.doc
    for k in (i - 1, i + 1):
        if 0 <= k < len(doc) and (x := ctx._country_word(doc[k].text)) is not None:
            o = ctx.orgs.by_name(x)
            return x if o is not None and o.type == "country" and not ctx._partner_country(
                min(i, k), ctx.sent_range(k)[0]) else None
    return None


def _sentence_countries(ctx, h) -> set[str]:
    """The countries and states the title's sentence names outside the title (destinations and partners aside)."""
    s0, s1 = ctx.sent_range(h.head)
    return {x for i in range(s0, s1) if not h.start <= i < h.end
            and (x := ctx._country_word(ctx.doc[i].text)) is not None and not ctx._partner_country(i, s0)}


def government_head_preposition(ctx, h) -> str | None:
    """Rule ``government_head_preposition`` (rorg21): "In den Niederlanden steht die Regierung von Ministerpräsident
    Joris van der Heijden vor dem Zusammenbruch" -> Niederlande; "Die spanische Minderheitsregierung unter
    Ministerpräsident Álvaro Quintana" -> Spanien. A head of government (``national_offices.government_heads``) right
    after "von"/"unter" (``patterns.government_head_prepositions``) and a government word heads that government: the
    country of its adjective or genitive, else the one country the sentence names (not the home country). Off:
    ``government_head_prepositions: []``."""
    nat, doc, preps = ctx.lex.national_offices, ctx.doc, ctx.p.government_head_prepositions
    first = min(h.np_start, h.start)
    s0 = ctx.sent_range(h.head)[0]
    if not preps or h.title.title not in nat.government_heads or first - 2 < s0 \
            or doc[first - 1].lower_ not in preps or not _government_word(ctx, first - 2):
        return None
    country = _government_country(ctx, first - 2)
    if country is None:
        named = _sentence_countries(ctx, h)
        country = named.pop() if len(named) == 1 else None
        o = ctx.orgs.by_name(country) if country else None
        if o is None or o.type != "country":
            return None
    return None if country == nat.organization else country


def article_government_country(ctx, h) -> str | None:
    """Rule ``article_government_country`` (rorg21): "Die polnische Regierung will die Förderung von Steinkohle
    schneller beenden ... Der stellvertretende Ministerpräsident Marek Zalewski ... sagte" -> Polen; "Die französische
    Regierung rief beide Seiten zur Einigung auf. Wirtschaftsminister Paul-Henri Delorme sagte" -> Frankreich. A head
    of government (not a head of state, ``article_country_heads``) or a minister without a country and not after a
    possessive, in an article that names before the title's sentence the government of one foreign country and of no
    other (a government word with a country's adjective before it or genitive after it; not a partner's: "mit der
    chinesischen Regierung"; the title's own sentence is rule ``government_of_sentence``'s), names no
    German state and no federal institution (``home_words``), where the title's sentence names no other country or
    state and gives that country to no other title. Off:
    ``patterns.article_government_country: false``."""
    nat = ctx.lex.national_offices
    if not ctx.p.article_government_country or h.title.title in nat.article_country_heads or h.det == "poss" \
            or not (h.title.title in nat.government_heads or nat.applies(h.title)) \
            or h.head + 1 < len(ctx.doc) and ctx.doc[h.head + 1].lower_ in nat.blocking_next_words:
        return None                       # (a head of state may be any country's: "Präsident Biden")
    s0 = ctx.sent_range(h.head)[0]
    found = {_government_country(ctx, i) for i in range(s0) if _government_word(ctx, i)}
    found.discard(None)
    if len(found) != 1 or ctx.german_state_named() or any(
            n for t, n in ctx.texts.items() if t.lower().startswith(nat.home_words)):
        return None                       # (a state's or the federal government may be the title's)
    country = found.pop()
    if country == nat.organization or _sentence_countries(ctx, h) - {country, *nat.not_blocking} \
            or ctx._counterpart(h, country):
        return None
    return country
