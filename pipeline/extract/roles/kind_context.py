"""Organisations of staff titles given by the one organisation of their kind the article names (rorg16b, issue 12):
a Chefarzt works for the clinic, an Intendant for the theatre, a Schulleiter for the school the article is about.
The kind map is rule data (roles.yaml ``patterns.article_kind_orgs``, section rorg16b)."""
from __future__ import annotations

from .article_context import _article_companies, _bare_title, _title_word
from .context import _Ctx
from .hits import Hit

_GENITIVE_BEFORE = ("des", "eines")


def _kind_rows(ctx: _Ctx) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(title stems, kind stems) of each ``article_kind_orgs`` entry ("chefarzt klinikchef: klinik krankenhaus")."""
    rows = ctx.__dict__.get("_kind_rows")
    if rows is None:
        rows = []
        for entry in ctx.p.article_kind_orgs:
            titles, _, kinds = entry.partition(":")
            rows.append((tuple(titles.split()), tuple(kinds.split())))
        ctx._kind_rows = rows
    return rows


def _row_title(word: str, titles: tuple[str, ...]) -> bool:
    """The title word starts or ends with one of the row's stems, or is one written with "=" ("=präsident": the
    bare Präsident, not the Ministerpräsident; rorg17b)."""
    return any(word == t[1:] if t.startswith("=") else word.startswith(t) or word.endswith(t) for t in titles)


def _kind_word(ctx: _Ctx, t, kinds: tuple[str, ...]) -> bool:
    """Token ``t`` is a capitalised noun containing one of ``kinds`` and no title word ("Klinikchef",
    "Spitaldirektorin" name a person's office, not the clinic)."""
    low = t.lower_[:-2] if t.lower_.endswith("in") else t.lower_
    return t.text[:1].isupper() and t.pos_ in ("NOUN", "PROPN") and any(k in low for k in kinds) \
        and not any(low.startswith(ts) or low.endswith(ts) for ts, _ in _kind_rows(ctx) for ts in ts)


def _nominative(ctx: _Ctx, t, kinds: tuple[str, ...], s0: int) -> str:
    """The kind word without the genitive -s after "des"/"eines" ("des Landestheaters" -> Landestheater)."""
    doc, word = ctx.doc, t.text
    if word.endswith("s") and not t.lower_.endswith(kinds) \
            and any(doc[k].lower_ in _GENITIVE_BEFORE for k in range(max(s0, t.i - 2), t.i)):
        return word[:-1]
    return word


def _name_end(ctx: _Ctx, t, s1: int) -> int:
    """The end of the name words after the kind word at ``t``: proper nouns, words of its (or the next) organisation
    entity ("Spitalverbund [Linth AG]"), legal forms, words of a place entity (rule ``kind_name_place``, rorg21: "Das
    teilte die Polizeiinspektion [Homburg]LOC mit", the place tagged a common noun; off: ``kind_name_place: false``);
    at most three."""
    doc, b = ctx.doc, t.i + 1
    e = ctx.ent_of.get(t.i)
    if e is None and b < s1 and ctx.ent_of.get(b) is not None and ctx.ent_of[b].label_ == "ORG":
        e = ctx.ent_of[b]
    while b < s1 and b - t.i <= 3 and doc[b].text[:1].isupper() and (
            doc[b].pos_ == "PROPN" or doc[b].tag_ == "NE" or e is not None and b < e.end
            or doc[b].text in ctx.w.legal_forms or ctx.p.kind_name_place and _place_word(ctx, b)):
        b += 1                            # (rule kind_name_place, rorg21: "Polizeiinspektion [Homburg]LOC", a noun)
    return b


def _kind_name_at(ctx: _Ctx, t, kinds: tuple[str, ...]) -> tuple[int, str] | None:
    """(first token, name) of an organisation named by a kind word at token ``t`` and a name: a place adjective
    before it ("Salzburger Kammerbühne"), proper nouns after it ("Grundschule Marienthal", "des Landestheaters
    Oberlausitz" -> Landestheater Oberlausitz) or a capitalised compound prefix ("Elbe-Havel-Klinikum"); the bare
    kind word ("die Schule", "das Kreiskrankenhaus") is no name."""
    if not _kind_word(ctx, t, kinds):
        return None
    doc = ctx.doc
    s0, s1 = ctx.sent_range(t.i)
    word = _nominative(ctx, t, kinds, s0)
    a, b = t.i, _name_end(ctx, t, s1)
    if a - 1 >= s0 and doc[a - 1].text[:1].isupper() and doc[a - 1].pos_ == "ADJ" and doc[a - 1].lower_.endswith("er"):
        a -= 1
    compound = "-" in word and word.split("-")[0][:1].isupper()
    if a == t.i and b == t.i + 1 and not compound:
        b = _am_name_end(ctx, b, s1)
        if b == t.i + 1:
            return None
    return a, " ".join([doc[k].text for k in range(a, t.i)] + [word] + [doc[k].text for k in range(t.i + 1, b)])


def _place_word(ctx: _Ctx, i: int) -> bool:
    """Token ``i`` is a place name (rule ``kind_name_place``, rorg21): tagged LOC here, used at least twice in the
    article and inside an entity at every use ("die Polizei [Wasserwerfer]LOC auffuhr ... Wasserwerfer standen": a
    common noun NER took for a place once; "Woraufhin die Polizei [Wasserwerfer]LOC auffuhr": named once)."""
    doc = ctx.doc
    uses = [t for t in doc if t.text == doc[i].text]
    return doc[i].ent_type_ == "LOC" and len(uses) >= 2 and all(t.ent_type_ for t in uses)


def _am_name_end(ctx: _Ctx, b: int, s1: int) -> int:
    """Rule ``kind_name_am`` (rorg21): a kind word without a name goes on over "am" and a capitalised noun ("An der
    Grundschule am Mühlenteich in Rostock-Dierkow ..." -> Grundschule am Mühlenteich), not a time noun of
    roles.yaml ``patterns.kind_name_am_skip`` ("die Schule am Montag"). Off: ``kind_name_am: false``."""
    doc = ctx.doc
    if not ctx.p.kind_name_am or b + 1 >= s1 or doc[b].lower_ != "am":
        return b
    t = doc[b + 1]
    if not t.text[:1].isupper() or not t.is_alpha or t.pos_ not in ("NOUN", "PROPN") \
            or t.lower_ in ctx.p.kind_name_am_skip:
        return b
    return b + 2


def _kind_names(ctx: _Ctx, kinds: tuple[str, ...]) -> list[tuple[int, str]]:
    """(first token, name) of each organisation of this kind the article names (:func:`_kind_name_at`), or of each
    company named with a legal form where the kinds are ``company``, of each association named with one of
    ``article_association_forms`` where they are ``association``."""
    if kinds == ("company",):
        return _article_companies(ctx)
    if kinds == ("association",):
        return _article_associations(ctx)
    return [c for t in ctx.doc if (c := _kind_name_at(ctx, t, kinds)) is not None]


def _article_associations(ctx: _Ctx) -> list[tuple[int, str]]:
    """Rule ``article_association`` (rorg17): (first token, name) of every association the article names with a legal
    form of roles.yaml ``patterns.article_association_forms`` ("des Turnerbunds Wanne-Eickel 1888 e.V." ->
    Turnerbund Wanne-Eickel 1888 e.V.), in text order (:func:`_association_at`)."""
    forms = ctx.p.article_association_forms
    found = [c for t in ctx.doc if t.text in forms and (c := _association_at(ctx, t.i)) is not None]
    return [c for k, c in enumerate(found) if not any(c[0] == d[0] for d in found[:k])]


def _association_at(ctx: _Ctx, j: int) -> tuple[int, str] | None:
    """(first token, name) of the association name that ends with the legal form at token ``j``: capitalised words,
    a year ("1888", "von 1926"), "und" after a hyphen ("Heimat- und Geschichtsverein"), back to a determiner or a
    lower-case word, at most seven; a genitive -s of the first word dropped after "des"/"eines"."""
    doc = ctx.doc
    s0 = ctx.sent_range(j)[0]
    a = j
    while a - 1 >= s0 and j - a < 7:
        t = doc[a - 1]
        year = t.like_num and len(t.text) == 4
        ok = (t.text[:1].isupper() and t.lower_ not in ctx.w.determiners and (t.is_alpha or "-" in t.text)) or year \
            or (t.lower_ == "von" and doc[a].like_num) \
            or (t.lower_ == "und" and a - 2 >= s0 and doc[a - 2].text.endswith("-"))
        if not ok:
            break
        a -= 1
    while a < j and not doc[a].text[:1].isupper():
        a += 1
    if a == j:
        return None
    words = [doc[k].text for k in range(a, j + 1)]
    if a > s0 and doc[a - 1].lower_ in _GENITIVE_BEFORE and words[0].endswith("s") and len(words[0]) > 4:
        words[0] = words[0][:-1]
    return a, " ".join(words)


def _short_form(short: str, name: str) -> bool:
    """``short`` is a short form of ``name``: its words are some of the name's ("HSG" of "HSG Weserbergland")."""
    return set(short.replace("-", " ").split()) < set(name.replace("-", " ").split())


def _topic_sentences(ctx: _Ctx, h: Hit) -> set[int]:
    """The title's sentence, the ``article_kind_sentences`` sentences with words before it, the first sentence of
    its paragraph and the first ``article_kind_lead`` sentences of the article (where an organisation is introduced as the topic)."""
    doc, s = ctx.doc, ctx.sent_of[h.head]
    found, k, back = {s}, s, ctx.p.article_kind_sentences
    while k > 0 and back:
        k -= 1
        a, b = ctx.sent_bounds[k]
        if any(not doc[j].is_space for j in range(a, b)):
            found.add(k)
            back -= 1
    k = s
    while k > 0 and not ("\n" in doc[ctx.sent_bounds[k][0] - 1].text_with_ws):
        k -= 1
    found.add(k)
    lead = [j for j, (a, b) in enumerate(ctx.sent_bounds) if any(not doc[i].is_space for i in range(a, b))]
    return found | set(lead[:ctx.p.article_kind_lead])


def article_kind_org(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``article_kind_org``: "Das Elbe-Havel-Klinikum in Havelberg schließt seine Geburtsstation. ... Klinikchef
    Matthias Dörfler sagte ..." -> Elbe-Havel-Klinikum. A staff title of a kind of organisation (roles.yaml
    ``patterns.article_kind_orgs``: "title stems: kind stems", a Chefarzt -> a clinic, an Intendant -> a theatre, a
    Schulleiter -> a school, a Geschäftsführer -> a company named with a legal form) with a named holder, no
    organisation and no complement belongs to the organisation of that kind the article names before it, where it
    names exactly one (by name: "die Schule" alone does not count), in the title's sentence, the sentences right
    before it, or the first sentence of its paragraph or of the article, and the title's sentence names no other
    organisation (the press aside); not after "deren"/"dessen" (the name before it says whose). Off: ``article_kind_orgs: []``."""
    if h.holder is None or not _bare_title(ctx, h, ("",)) or (
            h.det == "poss" and ctx.doc[h.np_start].lower_ in ctx.p.possessive_context_words):
        return None                       # "Deren Geschäftsführer": the organisation named last, not the article's
    word = _title_word(ctx, h)
    for titles, row in _kind_rows(ctx):
        if _row_title(word, titles) and (name := _kind_row_org(ctx, h, row, mentions)) is not None:
            return name
        if _row_title(word, titles) and not ctx.p.article_kind_next_row:
            return None                   # (rule article_kind_next_row off: the first row of the title only)
    return None


def _kind_row_org(ctx: _Ctx, h: Hit, row: tuple[str, ...], mentions: list[tuple[int, str, str]]) -> str | None:
    """The one organisation of the kinds of ``row`` for ``h`` (:func:`article_kind_org`), or None."""
    before = [(i, n) for i, n in _kind_names(ctx, row) if i < h.start]
    names = {n for _, n in before}
    names = {n for n in names if not any(m != n and _short_form(n, m) for m in names)}     # "HSG" of "HSG Weserbergland"
    if len(names) != 1:
        return None
    name = names.pop()
    topics = _topic_sentences(ctx, h)
    if not any(ctx.sent_of[i] in topics for i, _ in before):
        return None
    s0, s1 = ctx.sent_range(h.head)
    from .organizations import _press_org
    words = set(name.replace("-", " ").split())
    if any(s0 <= i < s1 and kind == "organization" and not _press_org(ctx, n)
           and not set(n.replace("-", " ").split()) & words for i, n, kind in mentions):
        return None                       # another organisation in the title's sentence: not clear whose
    return name
