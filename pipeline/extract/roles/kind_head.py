"""The organisation whose own name says the kind a title names (rorg20b, issue 12): "Kammerpräsident" belongs to the
one chamber the article names ("Handwerkskammer Mittelrhein-Eifel"), "die Direktorin des Instituts" to its one
institute ("Max-Kessler-Institut für Molekulare Zellbiologie"), however far back the article named it. The kind comes
from the title itself (its compound prefix) or its kind-noun complement, the organisation from the article's own
names: no map of title kinds. Rule data: roles.yaml ``patterns`` section rorg20b."""
from __future__ import annotations

from .article_context import _bare_title
from .context import _Ctx
from .hits import Hit

_LINKS = ("es", "s", "")          # linking elements of a compound's first part ("Museums|direktor", "Verbands|chef")
_OPENING_QUOTES = ("„", "«", "»", '"', "‚", "‹")


def _base_titles(ctx: _Ctx) -> frozenset[str]:
    """Every title of the lexicon in lower case (the heads a compound title can end in)."""
    found = ctx.__dict__.get("_kind_head_titles")
    if found is None:
        found = frozenset(t.lower() for t in ctx.lex.titles)
        ctx._kind_head_titles = found
    return found


def title_kinds(ctx: _Ctx, word: str) -> set[str]:
    """The kinds of organisation a compound title word names by its first part: "kammerpräsident" -> {kammer},
    "universitätspräsident" -> {universität}, "museumsdirektor" -> {museum}: each split into a first part of at least
    ``kind_head_min`` letters and a title of the lexicon, the first part without its linking -s/-es."""
    titles, low = _base_titles(ctx), word.lower().replace("-", "")
    low = low[:-2] if low.endswith("in") and low[:-2] in titles else low
    n = ctx.p.kind_head_min
    kinds = set()
    for k in range(n, len(low) - 3):
        if low[k:] in titles:
            first = low[:k]
            kinds |= {first[:len(first) - len(e)] for e in _LINKS if first.endswith(e) and len(first) - len(e) >= n}
    return kinds - set(ctx.p.kind_head_skip)


def _names_kind(word: str, kind: str) -> bool:
    """A name word whose head is ``kind``: "Handwerkskammer" (kammer), "Max-Kessler-Institut" (institut),
    "Branchenverbands" (verband, genitive)."""
    low = word.lower()
    return any(low.endswith(kind + e) for e in ("", "s", "es"))


def _bare_kind(word: str, kinds: set[str]) -> bool:
    """The kind noun alone ("Betriebsrat", "des Verbands") is no name."""
    low = word.lower()
    return any(low in (k, k + "s", k + "es") for k in kinds)


def _place_word(ctx: _Ctx, word: str, places: set[str]) -> bool:
    """A place's name, no kind: a place actor of the article, or a place the lexicon or gazetteer knows
    ("Zulieferforum Deutschland" is no kind of "Land")."""
    o = ctx.orgs.by_name(word)
    g = ctx.gazetteer.names.get(word) if ctx.gazetteer is not None else None
    return word in places or (o is not None and o.actor_type == "location") or g in ("city", "country", "region", "state")


def _noun_before(ctx: _Ctx, i: int):
    """The capitalised noun right before the mention at token ``i``, over an opening quotation mark
    ("Kleingartenverein „Gute Hoffnung“"), or None."""
    k = i - 1
    if k >= 0 and ctx.doc[k].text in _OPENING_QUOTES:
        k -= 1
    t = ctx.doc[k] if k >= 0 else None
    return t if t is not None and t.pos_ == "NOUN" and t.text[:1].isupper() else None


def _heads(ctx: _Ctx, i: int, name: str, places: set[str]) -> list[str]:
    """The words that say what kind the organisation mentioned at token ``i`` is: its name's words up to the first
    lower-case word ("Max-Kessler-Institut [für Molekulare Zellbiologie]", "Verband [der Automobilzulieferer]"),
    places aside, and the capitalised noun right before the mention ("des Branchenverbands Gastro Plus NRW e.V.")."""
    words = []
    for w in name.split():
        if not w[:1].isupper():
            break
        if not _place_word(ctx, w, places):
            words.append(w)
    t = _noun_before(ctx, i)
    return words + [t.text] if t is not None else words


def _nominative_kind(word: str, kinds: set[str]) -> str:
    """"Flughafens" -> Flughafen (the genitive of a kind noun before a place: "des Flughafens Düsseldorf")."""
    low = word.lower()
    for k in kinds:
        for e in ("es", "s"):
            if low.endswith(k + e):
                return word[:-len(e)]
    return word


def _candidate(ctx: _Ctx, i: int, n: str, kind: str, kinds: set[str], places: set[str]) -> tuple[str, list[str]] | None:
    """(organisation name, its kind words) of the mention at token ``i`` where it has one of ``kinds``: an
    organisation by its own name's head or the noun before it; a place right after a kind noun ("am Flughafen
    Düsseldorf" -> Flughafen Düsseldorf)."""
    if kind == "organization":
        words = [w for w in _heads(ctx, i, n, places) if any(_names_kind(w, k) for k in kinds)]
        return (n, words) if words and not _joined_noun(ctx, n) else None
    t = _noun_before(ctx, i)
    if t is None or ctx.doc[i - 1].text in _OPENING_QUOTES or not any(_names_kind(t.text, k) for k in kinds) \
            or ctx.ent_of.get(t.i) is not None or any(_names_kind(t.text, k) for k in ctx.p.kind_head_territories) \
            or not _name_word(ctx, ctx.doc[i]):
        return None                       # "Landkreis Ebersberg" is a place, no institution at one
    return f"{_nominative_kind(t.text, kinds)} {n}", [t.text]


def _joined_noun(ctx: _Ctx, name: str) -> bool:
    """A kind noun and the word after it that the entity layer made one name of two words where the text has them
    side by side and the second is no name word ("die Polizei Wasserwerfer auffuhr" -> "Polizei Wasserwerfer"); a
    name in quotation marks is one („Bruderschaft Nordlicht“)."""
    words, doc = name.split(), ctx.doc
    return len(words) == 2 and any(t.text == words[0] and t.i + 1 < len(doc) and doc[t.i + 1].text == words[1]
                                   and not _name_word(ctx, doc[t.i + 1])
                                   and not (t.i > 0 and doc[t.i - 1].text in _OPENING_QUOTES) for t in doc)


def _name_word(ctx: _Ctx, t) -> bool:
    """A word that can name what a kind noun before it is (as ``_context_name`` reads it): a proper noun, a number,
    a quotation mark or a name the gazetteer knows; any word where the model tags no parts of speech."""
    return not ctx.has_pos or t.pos_ in ("PROPN", "NUM", "X") or t.text in _OPENING_QUOTES or (
        ctx.gazetteer is not None and t.text in ctx.gazetteer.names)


def _other_of_kind(ctx: _Ctx, kinds: set[str], covered: set[int], before: int, heads: set[str]) -> bool:
    """A word before token ``before`` outside the organisation mentions names another organisation of the kind
    ("Der Hauseigentümerverband hingegen warnt", which NER did not tag); the bare kind noun ("der Verband") and a
    longer or shorter form of the found organisation's head word ("Landesapothekerkammer" beside "Apothekerkammer
    Sachsen-Anhalt") are references, no other name."""
    def same(low: str) -> bool:
        return any(low.rstrip("s").endswith(h) or h.endswith(low.rstrip("s")) for h in heads)
    return any(t.text[:1].isupper() and t.pos_ in ("NOUN", "PROPN") and t.i not in covered
               and any(_names_kind(t.text, k) for k in kinds) and not _bare_kind(t.text, kinds)
               and not same(t.lower_) for t in ctx.doc[:before])


def orgs_of_kind(ctx: _Ctx, mentions: list[tuple[int, str, str]], kinds: set[str], before: int) -> set[str]:
    """The distinct organisation actors named before token ``before`` whose own name (or the kind noun right before
    it) has one of ``kinds`` as its head (not the bare kind noun: "Betriebsrat"); the press left out; none where a
    word outside the mentions names another organisation of the kind."""
    from .article_context import _mention_end
    from .organizations import _press_org
    found, covered, heads = set(), set(), set()
    places = {n for _, n, kind in mentions if kind == "location"}
    for i, n, kind in mentions:
        if i >= before or _press_org(ctx, n) or _bare_kind(n, kinds):
            continue
        c = _candidate(ctx, i, n, kind, kinds, places)
        if c is not None:
            found.add(c[0])
            heads.update(w.lower().rstrip("s") for w in c[1])
        covered.update(range(i - 2, max(_mention_end(ctx, i), i + len(n.split()))))
    if found and _other_of_kind(ctx, kinds, covered, before, heads):
        return set()
    return {n for n in found if not any(m != n and set(m.split()) < set(n.split()) for m in found)}


def title_kind_head(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``title_kind_head``: "Im Bezirk der Handwerkskammer Mittelrhein-Eifel haben ... begonnen. ... sagte
    Kammerpräsident Werner Schmitz-Leuthold." -> Handwerkskammer Mittelrhein-Eifel. A title compounded with a kind
    of organisation (its first part before a title of the lexicon: Kammer|präsident, Universitäts|präsidentin,
    Museums|direktorin; not of a category of ``kind_head_skip_categories``) with a named holder, no organisation and
    no complement belongs to the one organisation the article names before it whose own name has that kind as its
    head, however far back. Off: ``kind_head_title: false``."""
    if not ctx.p.kind_head_title or not _bare_title(ctx, h, ("",)) or h.category in ctx.p.kind_head_skip_categories:
        return None                       # a rank is no office of the service ("Marineoberst")
    kinds = title_kinds(ctx, ctx.doc[h.head].text)
    found = orgs_of_kind(ctx, mentions, kinds, h.start) if kinds else set()
    return found.pop() if len(found) == 1 else None


def kind_noun_head(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``kind_noun_head``: "Im Frühjahr 2024 schien der Arbeitsgruppe ... am Max-Kessler-Institut für
    Molekulare Zellbiologie in Jena ein großer Wurf gelungen. ... Die Direktorin des Instituts, Ulrike Baasner-Kolb,
    kündigte an ..." -> Max-Kessler-Institut für Molekulare Zellbiologie. A title whose organisation is only a kind
    noun that no organisation near it resolved (rule ``generic_org_unresolved_none``) belongs to the one
    organisation the article names before it whose own name has that kind noun as its head. Off:
    ``kind_head_noun: false``."""
    kind = h.extra.get("kind_noun")
    if not ctx.p.kind_head_noun or h.holder is None or not kind:
        return None
    kind = kind[:-2] if kind.endswith("es") and len(kind) > 6 else kind[:-1] if kind.endswith("s") else kind
    found = orgs_of_kind(ctx, mentions, {kind}, h.start)
    return found.pop() if len(found) == 1 else None
