"""The club an article or a paragraph is about (rorg20, issue 12): a sports or club report names its club in the
lead and again and again after ("Der FC Rheinland Köln hat ... 0:3 gegen den Tabellenletzten Eintracht Siegtal
verloren. ... Rheinland ... Auch Sportdirektor Frank Uhlmann stellte sich vor die Kameras"); the bare titles of its
staff and officers belong to it where their paragraph names no other club. Rule data: roles.yaml ``patterns``
section rorg20."""
from __future__ import annotations

from collections import Counter

from .article_context import _club_row
from .context import _Ctx
from .hits import Hit
from .tokens import ends_line


def _club_words(name: str, markers: frozenset[str]) -> tuple[str, ...]:
    """The words a club is named by besides its full name: the words of its name that are no abbreviation, number
    or legal form ("FC Rheinland Köln" -> Rheinland, Köln; "SV Eintracht Haslach 1921 e.V." -> Eintracht, Haslach)."""
    out = []
    for w in name.replace("-", " ").split():
        if len(w) >= 4 and w[:1].isupper() and w[1:].islower() and w.isalpha() and w not in markers:
            out.append(w)
    return tuple(out)


def _word_forms(word: str) -> set[str]:
    """A club word, its genitive and its place adjective ("Siegtal", "Siegtals", "Siegtaler"; "Lindenau" ->
    "Lindenauer"; "Bröltal" -> "Bröltaler"; "Essen" -> "Essener")."""
    forms = {word, word + "s", word + "er", word + "ern"}
    if word.endswith("en"):
        forms |= {word[:-2] + "er", word[:-2] + "ern"}
    return forms


def _is_club(ctx: _Ctx, row, name: str, i: int) -> bool:
    """An organisation actor named at token ``i`` is a club: its name starts with a name marker of the trainer row
    (after an ordinal: "1. FFC Rheinaue") or a kind noun of the row stands right before it ("des Drittligisten";
    not a compound of roles.yaml ``patterns.topic_club_skip_kinds``: "Heimatverein", "Kleingartenverein" name
    associations, whose officers rule ``article_association`` reads)."""
    words = name.split()
    first = words[1] if len(words) > 1 and words[0][:-1].isdigit() and words[0].endswith(".") else words[0]
    before = ctx.doc[i - 1].lower_ if i > 0 else ""
    kinds = tuple(k.lower() for k in row.kinds if k.lower() not in ctx.p.topic_club_skip_kinds)
    return first in row.name_markers or before.endswith(kinds) or before.rstrip("s") in ctx.p.topic_club_skip_kinds


def _person_word(ctx: _Ctx, t) -> bool:
    """Token ``t`` is part of a person's name: a PER entity of two words or more, or the surname of one ("Talheim war
    klar besser": a one-word PER tag alone is no person)."""
    e = ctx.ent_of.get(t.i)
    return e is not None and e.label_ == "PER" and (len(e) > 1 or t.text in ctx.full_surnames)


def article_clubs(ctx: _Ctx, mentions: list[tuple[int, str, str]]) -> dict[str, list[int]]:
    """Each club organisation actor of the article (:func:`_is_club`) with the tokens that name it: its mentions,
    the mentions of its first word alone ("TSG" for "TSG Elbtal", where no other club starts so) and the words of
    its name (:func:`_club_words`, also as a genitive, a place adjective or the first part of a compound:
    "Siegtal-Coach", "Eintracht-Trikot") outside its mentions, the names of other organisations ("Stadt Hohenau")
    and person names."""
    found = ctx.__dict__.get("_topic_clubs")
    if found is not None:
        return found
    row, doc = _club_row(ctx), ctx.doc
    found = {}
    orgs = [(i, n) for i, n, kind in mentions if kind == "organization"]
    names = {n for i, n in orgs if row is not None and _is_club(ctx, row, n, i) and " " in n}
    if names:
        markers = frozenset(row.name_markers)
        forms = {n: {f for w in _club_words(n, markers) for f in _word_forms(w)} for n in names}
        shared = {f for n in names for f in forms[n] if sum(f in forms[m] for m in names) > 1}
        for n in names:
            short = {m for _, m in orgs if " " not in m and m in n.replace("-", " ").split()
                     and sum(m in x.replace("-", " ").split() for x in names) == 1}
            starts = [i for i, m in orgs if m == n or m in short]
            covered = {k for i, m in orgs if m == n or " " in m for k in range(i, i + len(m.split()) + 1)}
            own = forms[n] - shared
            found[n] = sorted(set(starts) | {
                t.i for t in doc if (t.text in own or "-" in t.text and t.text.split("-")[0] in own)
                and t.i not in covered and not _person_word(ctx, t)})
    ctx._topic_clubs = found
    return found


def _paragraph_start(ctx: _Ctx, i: int) -> int:
    """The first token of the paragraph of token ``i`` (after the last line break before it)."""
    doc = ctx.doc
    k = i
    while k > 0 and not ends_line(doc[k - 1]):
        k -= 1
    return k


def _opponent_at(ctx: _Ctx, i: int) -> bool:
    """The club name at token ``i`` follows an opponent word (roles.yaml ``patterns.club_opponent_words``: "gegen",
    with an article and a kind noun or adjective between: "gegen den Tabellenletzten Eintracht Siegtal")."""
    doc, words = ctx.doc, ctx.p.club_opponent_words
    k = i - 1
    while k >= 0 and i - k <= 4 and doc[k].lower_ not in words and doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
        k -= 1
    return k >= 0 and doc[k].lower_ in words


def topic_club(ctx: _Ctx, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``topic_club``: the club the article is about: the first club named in its first paragraph that is not
    named there as an opponent ("gegen den SC Rheinfelden"), where it is named at least twice in the article (its
    mentions and name words, :func:`article_clubs`, and the club kind nouns without a name, :func:`_kind_anaphors`)
    and no other club more often."""
    clubs = article_clubs(ctx, mentions)
    if not clubs:
        return None
    doc = ctx.doc
    first = next((t.i for t in doc if not t.is_space), 0)
    lead_end = next((t.i for t in doc[first:] if ends_line(t)), len(doc))
    counts = Counter({n: len(pos) for n, pos in clubs.items()})
    lead = sorted((i, n) for n, pos in clubs.items() for i in pos if i <= lead_end and not _opponent_at(ctx, i))
    if not lead:
        return None
    best = lead[0][1]
    counts[best] += _kind_anaphors(ctx, clubs)
    if counts[best] < 2 or any(counts[n] > counts[best] for n in clubs):
        return None
    return best


def _kind_anaphors(ctx: _Ctx, clubs: dict[str, list[int]]) -> int:
    """How often the article names a club by a kind noun alone, after an article ("Der Landesligist gab die
    Entscheidung bekannt", "des Vereins"): a word ending in one of the trainer row's kinds or in
    ``topic_club_kind_ends`` that no club name follows."""
    row, doc = _club_row(ctx), ctx.doc
    ends = tuple(k.lower() for k in row.kinds) + ctx.p.topic_club_kind_ends
    starts = {pos[0] for pos in clubs.values()} | {i for pos in clubs.values() for i in pos}
    n = 0
    for t in doc:
        low = t.lower_
        if t.i > 0 and doc[t.i - 1].lower_ in ctx.w.determiners and t.text[:1].isupper() and low.rstrip("s").endswith(ends) \
                and t.i + 1 not in starts and not (t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper()
                                                   and doc[t.i + 1].pos_ == "PROPN"):
            n += 1
    return n


def _club_title(ctx: _Ctx, h: Hit) -> bool:
    """The title is one of a club's team (:func:`_team_title`) or officers (roles.yaml
    ``patterns.topic_club_titles``: stems of the normalised title without spaces and hyphens)."""
    return _team_title(ctx, h) or h.role.lower().replace(" ", "").replace("-", "").startswith(ctx.p.topic_club_titles)


def _team_title(ctx: _Ctx, h: Hit) -> bool:
    """A team's title: a coach's or a player's (roles.yaml ``patterns.article_club_titles``,
    ``topic_club_player_titles``: stems of the normalised title without spaces and hyphens; compounds ending in one
    of ``topic_club_title_ends``: "Assistenztrainer"), not an officer's (a Präsident, a Geschäftsführer)."""
    p = ctx.p
    word = h.role.lower().replace(" ", "").replace("-", "")
    return word.startswith(p.article_club_titles + p.topic_club_player_titles) \
        or bool(p.topic_club_title_ends) and word.endswith(p.topic_club_title_ends)


def _club_complement(ctx: _Ctx, h: Hit) -> bool | None:
    """True where the title's complement names a club by its kind noun alone ("Der Vorsitzende des Vereins",
    "Captain des Klubs": the kind noun the generic-organisation rules left unresolved, roles.yaml
    ``patterns.topic_club_nouns``), None where there is no complement, False where another complement follows."""
    kind = h.extra.get("kind_noun")
    if kind is not None:
        return kind in ctx.p.topic_club_nouns
    doc = ctx.doc
    return False if h.head + 1 < len(doc) and doc[h.head + 1].lower_ in ctx.lex.context_organizations.complement_words \
        else None


def _place_adjective_before(ctx: _Ctx, h: Hit) -> bool:
    """A capitalised -er adjective that is no word of the title stands right before the title word ("der Jenaer
    Mittelfeldspieler Kevin Schlitte"), or the title word is a compound with a word of three letters or more before
    its hyphen ("Gäste-Torwart"; not "Co-Trainer", "U-23-Trainer"): the title says whose itself (rule
    ``club_of_town`` reads it where it can)."""
    prefix = ctx.doc[h.head].text.split("-")[0] if "-" in ctx.doc[h.head].text else ""
    if len(prefix) >= 3 and prefix.isalpha():
        return True                       # "Gäste-Torwart", "Siegtal-Coach": the compound says whose
    k = h.head - 1
    if k < ctx.sent_range(h.head)[0]:
        return False
    t = ctx.doc[k]
    return t.text[:1].isupper() and t.text.endswith("er") and t.is_alpha and t.lower_ not in h.role.lower()


def topic_club_title(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``topic_club_title`` (rorg20): "Was für ein Debakel! Der FC Rheinland Köln hat ... 0:3 gegen den
    Tabellenletzten Eintracht Siegtal verloren. ... Auch Sportdirektor Frank Uhlmann stellte sich vor die Kameras"
    -> FC Rheinland Köln; "Der Vorsitzende des Vereins, Bernd Pöhlmann, wies das zurück" -> the article's club. A
    title of a club's staff or officers (:func:`_club_title`) with a named holder, no organisation and no complement
    but a club's kind noun belongs to the club the article is about (:func:`topic_club`) where the title's paragraph,
    up to the end of its sentence, names no other club; in an article about no club, a coach's or player's title
    (:func:`_team_title`) to the one club the paragraph names before the title where it names no other
    organisation ("In der Halbzeitpause soll es zu einer Verbalattacke zwischen dem Trainer und dem für den FC
    Chelsea spielenden Stürmer Nicolas Anelka gekommen sein" -> FC Chelsea). Off: ``topic_club_titles: []``."""
    if not ctx.p.topic_club or h.holder is None or h.org is not None or not _club_title(ctx, h) \
            or _club_complement(ctx, h) is False or _place_adjective_before(ctx, h):
        return None
    clubs = article_clubs(ctx, mentions)
    if not clubs:
        return None
    lo, s1 = _paragraph_start(ctx, h.np_start), ctx.sent_range(h.head)[1]
    named = {n for n, pos in clubs.items() if any(lo <= i < s1 and not h.start <= i < h.end for i in pos)}
    topic = topic_club(ctx, mentions)
    if topic is not None:
        return topic if named <= {topic} else None
    if len(named) != 1 or not _team_title(ctx, h):
        return None                       # (an officer's title outside a club's article: whose is not clear)
    club = named.pop()
    others = {n for i, n, kind in mentions if lo <= i < h.start and kind == "organization" and n != club}
    return club if not others and any(lo <= i < h.start for i in clubs[club]) else None
