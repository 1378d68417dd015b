"""Organisations of titles given by the article's context (rorg15, issue 12): a relative possessive ("Deren
Vorsitzender") points to the organisation of the sentence before, a company head's title to the company the article
opens with. Each rule is switched in roles.yaml
``patterns`` (rorg15 section); ``mentions`` are (first token, name, actor type) of the organisation and place actors.
"""
from __future__ import annotations

from collections import Counter

from .context import _Ctx
from .hits import Hit


def _previous_window(ctx: _Ctx, h: Hit, back: int = 1) -> int:
    """The first token of the ``back``-th sentence before the title's sentence (sentences of only white space, a
    paragraph break, not counted; the title's sentence where there is none before)."""
    s = ctx.sent_of[h.np_start]
    while back and s > 0:
        s -= 1
        a, b = ctx.sent_bounds[s]
        back -= any(not ctx.doc[k].is_space for k in range(a, b))
    return ctx.sent_bounds[s][0]


def _mention_end(ctx: _Ctx, i: int) -> int:
    e = ctx.ent_of.get(i)
    return e.end if e is not None and e.start == i else i + 1


def _person_between(ctx: _Ctx, a: int, b: int) -> bool:
    return any(k in ctx.per_start or (k in ctx.ent_of and ctx.ent_of[k].label_ == "PER") for k in range(a, b))


def org_mention_end(ctx: _Ctx, i: int, name: str) -> int:
    """Rule ``possessive_org_span`` (rorg18): the end of the organisation mention at token ``i``: its entity, and
    further the tokens that are words of the organisation actor's name ("von der Tochter Hoffmann Terminal Services
    GmbH": NER tags "Hoffmann Terminal" PER inside the company's name, which is no person named after it). Off
    (``possessive_org_span: false``): the entity only."""
    end = _mention_end(ctx, i)
    if not ctx.p.possessive_org_span:
        return end
    words, doc = set(name.split()), ctx.doc
    k = i
    while k < len(doc) and k - i < 8 and doc[k].text in words and ctx.sent_of[k] == ctx.sent_of[i]:
        k += 1
    return max(end, k)


def quoted_for(ctx: _Ctx, i: int, h: Hit) -> bool:
    """Rule ``possessive_skips_quote`` (rorg18): the mention at token ``i`` stands inside a quotation („…“, «…»;
    opened in its sentence, with a verb: no quoted name, "die Bürgerinitiative „Gegenwind Aßling“") that closes
    before the title ``h``: "Der Energiesparverein Ruhr e.V. hält die Erhöhung für überzogen. „Die Stadtwerke haben
    … ein Monopol …“, sagt dessen Vorsitzende Hatice Korkmaz" -> not the Stadtwerke, which the quotation names.
    Off: ``possessive_skips_quote: false``."""
    if not ctx.p.possessive_skips_quote:
        return False
    doc, opened = ctx.doc, None
    for k in range(ctx.sent_range(i)[0], h.np_start):
        if doc[k].text in ("„", "«"):
            opened = k
        elif doc[k].text in ("“", "»") and opened is not None:
            if opened < i < k:
                return any(doc[j].pos_ in ("VERB", "AUX") for j in range(opened + 1, k))
            opened = None
    return False


def org_seat_place(ctx: _Ctx, i: int, mentions: list[tuple[int, str, str]]) -> bool:
    """Rule ``possessive_skips_seat`` (rorg21): the place at token ``i`` follows an organisation's mention after a
    preposition of its seat (roles.yaml ``patterns.possessive_seat_prepositions``): "Den Auftrag hatte die Ostbahn
    Bau GmbH aus Cottbus erhalten. Deren Geschäftsführer Frank Riedel" -> Ostbahn Bau GmbH, not Cottbus; a possessive
    passes over it to the organisation. Off: ``possessive_seat_prepositions: []``."""
    preps, doc = ctx.p.possessive_seat_prepositions, ctx.doc
    if not preps or i < 1 or doc[i - 1].lower_ not in preps:
        return False
    return any(kind == "organization" and j < i - 1 and org_mention_end(ctx, j, n) == i - 1 for j, n, kind in mentions)


def _genitive_attribute(ctx: _Ctx, i: int, lo: int) -> bool:
    """The mention at ``i`` is the genitive attribute of a common noun ("Die Mitarbeitervertretung des
    Marien-Hospitals"): a possessive after it points to that noun, not to the name."""
    doc = ctx.doc
    return i - 2 >= lo and doc[i - 1].lower_ in ("des", "der") and doc[i - 2].pos_ == "NOUN" \
        and doc[i - 2].text[:1].isupper()


def possessive_previous_sentence(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``possessive_previous_sentence``: "Unterstützung bekam Höß von den Freien Wählern. Deren
    Fraktionsvorsitzender Martin Gschwendtner sagte ..." -> Freie Wähler; "Größter Kunde wird der Ulmer
    Werkzeughersteller Brenner. Dessen Einkaufsleiterin Svenja Kolb sagte ..." -> Brenner. A title after a relative
    possessive (roles.yaml ``patterns.possessive_context_words``: "deren", "dessen") belongs to the name mentioned
    last before it, in its sentence or the ``possessive_context_sentences`` before (paragraph breaks not counted),
    where that is an organisation actor, no person is named after it and it is no
    genitive attribute of a common noun ("Die Mitarbeitervertretung des Marien-Hospitals ... Deren Vorsitzender":
    the noun's). Off: ``possessive_context_words: []``."""
    words, doc = ctx.p.possessive_context_words, ctx.doc
    if not words or h.holder is None or h.det != "poss" or doc[h.np_start].lower_ not in words:
        return None
    lo = _previous_window(ctx, h, ctx.p.possessive_context_sentences)
    last = None
    for m in mentions:
        if lo <= m[0] < h.np_start and not (m[2] == "organization" and quoted_for(ctx, m[0], h)) \
                and not (m[2] != "organization" and org_seat_place(ctx, m[0], mentions)):
            last = m
    if last is None or last[2] != "organization":
        return None
    i = last[0]
    if _person_between(ctx, org_mention_end(ctx, i, last[1]), h.np_start) or _genitive_attribute(ctx, i, lo):
        return None
    return last[1]


def _kind_word(ctx: _Ctx, low: str) -> bool:
    """A noun that names an organisation by its kind ("Maschinenbauer", "Privatbank", "Medizintechnikhersteller"):
    a kind of the ``context_organizations`` rows with compounds, or a word ending of roles.organization_type_nouns."""
    kinds = ctx.__dict__.get("_company_kinds")
    if kinds is None:
        kinds = tuple(k.lower() for r in ctx.lex.context_organizations.kinds if r.compounds for k in r.kinds)
        ctx._company_kinds = kinds
    return low.endswith(kinds) or low.endswith(ctx.w.type_nouns)


def _company_at(ctx: _Ctx, j: int) -> tuple[int, str] | None:
    """(first token, name) of the company name that ends with the legal form at token ``j`` ("Die Zürcher Privatbank
    Escher Frey & Cie. AG" -> Escher Frey & Cie. AG): capitalised words before it, not a determiner, not a kind noun,
    within its sentence, at most five; the legal form extended by "& Co. KG"."""
    doc, forms = ctx.doc, ctx.p.article_company_forms
    s0, s1 = ctx.sent_range(j)
    a = j
    while a - 1 >= s0 and j - a < 5:
        t = doc[a - 1]
        if t.text in ("&", "Cie.", "Co.") or t.text[:1].isupper() and (t.is_alpha or "-" in t.text) \
                and t.lower_ not in ctx.w.determiners and not _kind_word(ctx, t.lower_):
            a -= 1
            continue
        break
    while a < j and doc[a].text in ("&", "Cie.", "Co."):
        a += 1
    if a == j:
        return None
    b = j + 1
    while b + 1 < s1 and doc[b].text == "&" and doc[b + 1].text in ("Co.", "Co") and b + 2 < s1 \
            and doc[b + 2].text in forms:
        b += 3
    return a, doc[a:b].text.rstrip(".") if doc[b - 1].text[:-1] in forms else doc[a:b].text


def _article_companies(ctx: _Ctx) -> list[tuple[int, str]]:
    """(first token, name) of every company the article names with a legal form (roles.yaml
    ``patterns.article_company_forms``), in text order."""
    found = ctx.__dict__.get("_article_companies")
    if found is None:
        forms = ctx.p.article_company_forms
        found = [c for t in ctx.doc if (t.text in forms or t.text[:-1] in forms and t.text.endswith("."))
                 and (c := _company_at(ctx, t.i)) is not None]        # ("... Bosch GmbH." tokenized as "GmbH.")
        found = [c for k, c in enumerate(found) if not any(c[0] == d[0] for d in found[:k])]
        ctx._article_companies = found
    return found


def _bare_title(ctx: _Ctx, h: Hit, stems: tuple[str, ...]) -> bool:
    """The title of ``h`` starts with one of ``stems`` (lower case, hyphens removed, feminine "-in" dropped), has a
    named holder and no complement after it ("der Trainer der Frankfurter" says whose itself)."""
    doc = ctx.doc
    full = doc[h.head].lower_.replace("-", "")
    word = full[:-2] if full.endswith("in") else full
    return bool(stems) and h.holder is not None and (word.startswith(stems) or full.startswith(stems)) and not (
        h.head + 1 < len(doc) and doc[h.head + 1].lower_ in ctx.lex.context_organizations.complement_words)


def article_company(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``article_company``: "Der Maschinenbauer Kessler Antriebstechnik AG baut 480 Stellen ab. ... Vorstandschef
    Markus Thelen sprach von einem schmerzhaften Schritt" -> Kessler Antriebstechnik AG. A company head's title
    (roles.yaml ``patterns.article_company_titles``, stems of the title word) with a named holder, no organisation and
    no complement belongs to the company the article opens with: named with a legal form (``article_company_forms``)
    within its first ``article_company_sentences`` sentences, where the article names no other company before the
    title (with a legal form, or a company of organizations.yaml or the gazetteer). Off:
    ``article_company_titles: []``."""
    if not _bare_title(ctx, h, ctx.p.article_company_titles):
        return None
    firsts = [c for c in _article_companies(ctx) if c[0] < h.start]
    if not firsts or _sentence_number(ctx, firsts[0][0]) >= ctx.p.article_company_sentences:
        return None
    name = firsts[0][1]
    if any(n != name for _, n in firsts) or _other_company_before(ctx, h, mentions, name):
        return None
    return name


def _other_company_before(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]], name: str) -> bool:
    """A company other than ``name`` (organizations.yaml or gazetteer type company) is named before the title."""
    gaz = ctx.gazetteer
    for i, n, kind in mentions:
        if i >= h.start or kind != "organization" or n in name or name.startswith(n):
            continue
        o = ctx.orgs.by_name(n)
        if (o is not None and o.type == "company") or (o is None and gaz is not None and gaz.names.get(n) == "company"):
            return True                   # another company named before the title: not clear whose
    return False


def article_company_far(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``article_company_far`` (rorg21): "Seit 1994 ist er Geschäftsführer der Glashütte Rautenberg GmbH & Co.
    KG. ... Auch die Belegschaft macht sich Sorgen. Betriebsratsvorsitzender Uwe Stecker erzählt, ..." -> Glashütte
    Rautenberg GmbH & Co. KG. As ``article_company``, for a company named with a legal form anywhere before the
    title (long reads name it late): the one company so named before it, no other company named before it, and
    no other organisation named in the title's sentence or the one before ("Der Bundesverband Glasindustrie kennt
    solche Fälle. ... sagt Hauptgeschäftsführer Norbert Kasprzak": the association's). Used after the other context
    rules. Off: ``patterns.article_company_far: false``."""
    if not ctx.p.article_company_far or not _bare_title(ctx, h, ctx.p.article_company_titles):
        return None
    firsts = [c for c in _article_companies(ctx) if c[0] < h.start]
    if not firsts or any(n != firsts[0][1] for _, n in firsts):
        return None
    name = firsts[0][1]
    lo, hi = _previous_window(ctx, h), ctx.sent_range(h.head)[1]
    if _other_company_before(ctx, h, mentions, name) or any(
            lo <= i < hi and kind == "organization" and n not in name and not name.startswith(n)
            for i, n, kind in mentions):
        return None
    return name


def _sentence_number(ctx: _Ctx, i: int) -> int:
    """The number of sentences with words before the one of token ``i``."""
    return sum(1 for a, b in ctx.sent_bounds[:ctx.sent_of[i]] if any(not ctx.doc[k].is_space for k in range(a, b)))


def _club_row(ctx: _Ctx):
    """The ``context_organizations`` row of the team titles (the one whose titles include "trainer")."""
    return next((r for r in ctx.lex.context_organizations.kinds if "trainer" in r.titles), None)


def _opening_club(ctx: _Ctx, mentions: list[tuple[int, str, str]]) -> tuple[int, str] | None:
    """(token, name) of the club an article opens with: the first organisation actor named in its first sentence
    that is no news agency or paper, with no verb before it (the topic: "Der SV Rottal 09 hat das Derby gewonnen",
    "Beim DEL2-Klub Lausitzer Wölfe ist der Umbruch eingeleitet"), and a club by a name marker ("SV", "FC") or a
    kind noun right before it ("Handball-Zweitligist HSG Weserbergland")."""
    row, doc = _club_row(ctx), ctx.doc
    if row is None or not mentions:
        return None
    k = 0
    while k < len(doc) and doc[k].is_space:
        k += 1
    s0, s1 = ctx.sent_range(k) if k < len(doc) else (0, 0)
    press = ctx.lex.context_organizations.press_types
    first = next(((i, n) for i, n, kind in mentions if s0 <= i < s1 and kind == "organization"
                  and not ((o := ctx.orgs.by_name(n)) is not None and o.type in press)), None)   # not "(dpa)"
    if first is None or any(doc[j].pos_ in ("VERB", "AUX") for j in range(s0, first[0])):
        return None
    i = first[0]
    before = doc[i - 1].lower_ if i > s0 else ""
    if doc[i].text in row.name_markers or before.endswith(tuple(x.lower() for x in row.kinds)):
        return first
    return _kind_compound_club(ctx, row, first)


def _kind_compound_club(ctx: _Ctx, row, first: tuple[int, str]) -> tuple[int, str] | None:
    """Rule ``club_kind_in_name`` (rorg17): "Dem Handball-Bundesligisten HC Eulen Lüdenscheid droht ..." where the
    entity holds the kind noun: a club name whose first word is a (compound of a) kind noun of the trainer row and
    whose next word is a name marker is the club, named without the kind noun ("HC Eulen Lüdenscheid")."""
    words = first[1].split()
    kinds = tuple(x.lower() for x in row.kinds)
    if len(words) > 2 and words[0].lower().rsplit("-", 1)[-1].startswith(kinds) and words[1] in row.name_markers:
        return first[0], " ".join(words[1:])
    return None


def article_club(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``article_club``: "Der SV Rottal 09 hat das Derby gegen den FC Vilstal mit 2:1 gewonnen. ... gab Trainer
    Andreas Wimmer zu" -> SV Rottal 09. A team title (roles.yaml ``patterns.article_club_titles``, stems of the title
    word without hyphens) with a named holder, no organisation and no complement belongs to the club the article
    opens with (:func:`_opening_club`), where the title's own sentence names no other organisation or place (a club is
    often named by its town; a word of the club's name is no other: "Lindenaus Trainer"). Off:
    ``article_club_titles: []``."""
    if not _bare_title(ctx, h, ctx.p.article_club_titles):
        return None
    club = _opening_club(ctx, mentions)
    if club is None or club[0] >= h.start:
        return None
    s0, s1 = ctx.sent_range(h.head)
    words = set(club[1].replace("-", " ").split())
    if any(s0 <= i < s1 and n != club[1] and not set(n.replace("-", " ").split()) <= words for i, n, kind in mentions):
        return None                       # "Da Frankfurt sieben Spiele in Serie gewann, war Trainer X zufrieden"
    return club[1]


def club_of_town(ctx: _Ctx, h: Hit, actors) -> str | None:
    """Rule ``club_of_town`` (rorg17): "«Wir haben uns selbst geschlagen», sagte Kriens-Trainer Patrick Imhof" ->
    SC Kriens-Pilatus; "Bieler Trainer Luca Ferraro lobte ..." -> FC Seeland Biel. A team title (roles.yaml
    ``patterns.article_club_titles``) whose organisation is one word (a town: "Kriens") or that follows a
    capitalised -er adjective of a town belongs to the one club organisation actor of the article (its name starts
    with a name marker of the trainer row) that has that town as a word of its name. Off: ``club_of_town: false``."""
    row = _club_row(ctx)
    if not ctx.p.club_of_town or row is None or h.holder is None or not h.role.lower().replace("-", "").startswith(
            ctx.p.article_club_titles):
        return None
    towns = _club_towns(ctx, h, actors)
    if not towns:
        return None
    clubs = {a.name for a in actors if a.actor_type == "organization" and a.name.split()[0] in row.name_markers
             and towns & set(a.name.replace("-", " ").split()[1:])}
    return clubs.pop() if len(clubs) == 1 else None


def municipal_genitive_town(ctx: _Ctx, h: Hit) -> str | None:
    """Rule ``municipal_genitive_town`` (rorg17): "Die IG Metall Coburg hat ... aufgerufen. Coburgs
    Oberbürgermeisterin Sandra Weißenbach" -> Coburg, not IG Metall Coburg: a municipal office (roles.yaml
    ``patterns.municipal_titles``) after a place genitive ("Coburgs") whose organisation is a longer name ending or
    starting with that place is the office of the place itself. Off: ``municipal_genitive_town: false``."""
    if not ctx.p.municipal_genitive_town or h.org is None or " " not in h.org \
            or not h.role.lower().startswith(ctx.p.municipal_titles):
        return None
    k = h.start if h.np_start >= h.start else h.np_start
    gen = ctx.doc[k].text if ctx.doc[k].i != h.head else (ctx.doc[k - 1].text if k > 0 else "")
    if len(gen) < 4 or not gen.endswith("s") or not gen[:1].isupper():
        return None
    words = h.org.split()
    return gen[:-1] if gen[:-1] in (words[0], words[-1]) else None


def _club_towns(ctx: _Ctx, h: Hit, actors) -> set[str]:
    """The town forms a team title names: its organisation where that is one word ("Kriens" of "Kriens-Trainer"), or
    the forms of a capitalised -er adjective right before it ("Bieler" -> Biel, Bielen, Biele)."""
    s0 = ctx.sent_range(h.head)[0]
    for k in {h.start, h.head}:
        prev = ctx.doc[k - 1] if k > s0 else None
        if prev is not None and prev.text[:1].isupper() and prev.text.endswith("er") and len(prev.text) >= 5 \
                and prev.is_alpha:
            w = prev.text
            return {w[:-2], w[:-2] + "en", w[:-2] + "e", w[:-2] + "n", w[:-3] + "en"}
    if h.org is not None and " " not in h.org:
        return {h.org}
    return set()


def typed_prefix_org(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``typed_prefix_org`` (rorg17): "Die IG Metall reagierte empört. „...“, kritisierte
    Gewerkschaftssekretärin Aylin Karaca" -> IG Metall. A title compounded with a kind of organisation (roles.yaml
    ``patterns.typed_prefix_orgs``, "prefix:type": "gewerkschafts:union") with a named holder, no organisation and
    no complement belongs to the organisation of that type (organizations.yaml; a branch named by its name and a
    place, "IG Metall Minden", counts) named last before it, in its sentence or the ``typed_prefix_sentences``
    before. Off: ``typed_prefix_orgs: []``."""
    word = _title_word(ctx, h)
    types = {t for p, _, t in (x.partition(":") for x in ctx.p.typed_prefix_orgs) if word.startswith(p) and word != p}
    if not types or not _bare_title(ctx, h, (word,)):
        return None
    lo = _previous_window(ctx, h, ctx.p.typed_prefix_sentences)
    for i, n, kind in reversed(mentions):
        if lo <= i < h.start and kind == "organization" and _org_type(ctx, n) in types:
            return n
    return None


def _org_type(ctx: _Ctx, name: str) -> str | None:
    """The organizations.yaml type of a name, or of the name without its last word ("IG Metall Minden")."""
    o = ctx.orgs.by_name(name)
    if o is None and " " in name:
        o = ctx.orgs.by_name(name.rsplit(" ", 1)[0])
    return o.type if o is not None else None


def land_office_state(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``land_office_state`` (rorg17): "Das hat die steirische Gesundheitslandesrätin Claudia Pichler-Mayr (ÖVP)
    bekanntgegeben" -> Steiermark; "Wirtschaftslandesrat Andreas Pühringer" in an article naming Oberösterreich ->
    Oberösterreich. An office of an Austrian state government (roles.yaml ``patterns.land_office_titles``: the title
    word, feminine -in dropped, ends with one of these) with a named holder, no organisation and no complement is
    the office of the state a state adjective right before the title names, else (switch
    ``land_office_article_state``) of the one state the article names (``land_office_states``, "State: adjective
    stem": the name or a word starting with the adjective stem). Off: ``land_office_titles: []``."""
    stems = ctx.p.land_office_titles
    if not stems or h.holder is None or not _title_word(ctx, h).endswith(stems) or not _bare_title(
            ctx, h, (_title_word(ctx, h),)):
        return None
    states = [(st.strip(), adj.strip()) for st, _, adj in (x.partition(":") for x in ctx.p.land_office_states)]
    prev = ctx.doc[h.head - 1].lower_ if h.head > 0 else ""
    near = [st for st, adj in states if adj and prev.startswith(adj)]
    if len(near) == 1:
        return near[0]
    if not ctx.p.land_office_article_state:
        return None
    named = {st for t in ctx.doc for st, adj in states if t.text == st or adj and t.lower_.startswith(adj)}
    return named.pop() if len(named) == 1 else None


# ----------------------------------------------------------------------------- rorg16: the town of the article
def _title_word(ctx: _Ctx, h: Hit) -> str:
    """The title word in lower case, hyphens removed, feminine "-in" dropped ("Baubürgermeisterin" -> baubürgermeister)."""
    word = ctx.doc[h.head].lower_.replace("-", "")
    return word[:-2] if word.endswith("in") else word


def _town_name(ctx: _Ctx, name: str) -> bool:
    """A name that can be a town: a capitalised word that neither lexicon knows as a country, state, region or
    organisation; not a city state (its mayor heads a state government, a Ministerpräsident's office, which the
    roles gold leaves without an inferred organisation: "Bürgermeister Henning Scherf" in an article naming "Bremer")."""
    if len(name) < 3 or not name[:1].isupper() or not name.replace("-", "").replace(" ", "").isalpha() \
            or name in ctx.w.legal_forms:
        return False
    o = ctx.orgs.by_name(name)
    if (o is not None and o.type != "city") or name in ctx.lex.context_organizations.city_states:
        return False
    g = ctx.gazetteer.names.get(name) if ctx.gazetteer is not None else None
    return g in (None, "city") and name.lower() not in ctx.w.adverbs


def _adjective_city(ctx: _Ctx, text: str) -> str | None:
    """The gazetteer city of a place adjective or genitive ("Zwickauer" -> Zwickau, "Laupheims" needs no lexicon:
    only known cities here)."""
    gaz = ctx.gazetteer
    if gaz is None or len(text) < 5 or not text[:1].isupper():
        return None
    if text.endswith("er"):
        cands = (text[:-2], text[:-2] + "en", text[:-2] + "e", text[:-2] + "n", text[:-3] + "en")
    elif text.endswith("s"):
        cands = (text[:-1],)
    else:
        return None
    return next((c for c in cands if gaz.names.get(c) == "city"), None)


def _token_town(ctx: _Ctx, t) -> tuple[str | None, bool]:
    """(the town token ``t`` names or None, whether it stands after a town noun): see :func:`_town_candidates`."""
    doc, gaz, e = ctx.doc, ctx.gazetteer, ctx.ent_of.get(t.i)
    if e is not None and e.label_ == "PER":
        return None, False
    prev = doc[t.i - 1].lower_ if t.i > 0 else ""
    if prev in ctx.p.article_town_nouns:
        return (e.text if e is not None and e.start == t.i and e.label_ == "LOC" and len(e) <= 3 else t.text), True
    if (gaz is not None and gaz.names.get(t.text) == "city") or (
            e is not None and e.label_ == "LOC" and len(e) == 1 and prev in ctx.p.article_town_prepositions):
        return t.text, False              # (a place entity: only as a town is named, "in Magdeburg", not "am Westfriedhof")
    return _adjective_city(ctx, t.text), False


def _dateline(ctx: _Ctx) -> str | None:
    """The first word of the article where a dash or a bracket follows it ("Icking – Die Entscheidung ...")."""
    doc = ctx.doc
    k = next((t.i for t in doc if not t.is_space), None)
    return doc[k].text if k is not None and k + 1 < len(doc) and doc[k + 1].text in ("–", "—", "-", "(") else None


def _town_candidates(ctx: _Ctx) -> tuple[set[str], set[str]]:
    """Names the article gives as towns, and those of them it names after a town noun: a city of the gazetteer (also
    by its adjective: "Der Zwickauer Stadtrat"), a one-word place entity right after a preposition without article
    (roles.yaml ``patterns.article_town_prepositions``: "in Magdeburg", not "am Westfriedhof"), the word after a
    town noun (``patterns.article_town_nouns``: "die Stadt Winterthur", "der Gemeinderat Unterwössing", "Stadtwerke
    Andernach"), a dateline ("Icking – Die Entscheidung ...") and the town of a place name with a compass word
    (``patterns.article_town_parts``: "Gewerbegebiet Laupheim-Nord" -> Laupheim)."""
    found, after_noun = {_dateline(ctx)}, set()
    for t in ctx.doc:
        name, marked = _token_town(ctx, t)
        (after_noun if marked else found).add(name)
        if "-" in t.text and t.text.rsplit("-", 1)[1] in ctx.p.article_town_parts:
            found.add(t.text.rsplit("-", 1)[0])
    after_noun = {n for n in after_noun if n and _town_name(ctx, n)}
    return {n for n in found if n and _town_name(ctx, n)} | after_noun, after_noun


def _town_forms(name: str) -> tuple[str, ...]:
    """The name, its genitive and its place adjective ("Würzburg", "Würzburgs", "Würzburger"; "Esslingen" ->
    "Esslinger"; "Döbeln" -> "Döbelner")."""
    forms = [name, name + "s", name + "er"]
    if name.endswith("en"):
        forms.append(name[:-2] + "er")
    return tuple(forms)


def article_towns(ctx: _Ctx) -> Counter:
    """How often the article names each town it names (:func:`_town_candidates`; every form of
    :func:`_town_forms`, inside organisation names too: "SV Würzburg 05"; not in a person's name)."""
    found = ctx.__dict__.get("_article_towns")
    if found is None:
        names = sorted(_town_candidates(ctx)[0])
        by_form = {f: n for n in names if " " not in n for f in _town_forms(n)}
        found = Counter({n: ctx.doc.text.count(n) for n in names if " " in n})     # "Stadt Bergisch Gladbach"
        for t in ctx.doc:
            n = by_form.get(t.text)
            e = ctx.ent_of.get(t.i)
            if n is not None and not (e is not None and e.label_ == "PER"):
                found[n] += 1
        ctx._article_towns = found
    return found


def article_town(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``article_town``: "Der Eintritt in die Esslinger Hallenbäder wird teurer. ... Oberbürgermeisterin Katrin
    Lämmle verteidigte die Erhöhung" (the article names "SV Esslingen" too) -> Esslingen. A municipal office
    (roles.yaml ``patterns.article_town_titles``: the title word starts or ends with one of these stems) with a named
    holder, no organisation and no complement belongs to the town the article is about: named (as a name, genitive
    or place adjective, inside organisation names too; :func:`article_towns`) at least ``article_town_min`` times
    and at least twice as often as any other town, where the title's sentence names no other town. Off:
    ``article_town_titles: []``."""
    stems, doc = ctx.p.article_town_titles, ctx.doc
    if not (_bare_title(ctx, h, stems) or stems and _bare_title(ctx, h, ("",)) and _title_word(ctx, h).endswith(stems)):
        return None                       # ("Baubürgermeisterin": a compound ending in the stem)
    towns = article_towns(ctx)
    before = {doc[k].text for k in range(max(h.np_start - 1, 0), h.head)}
    town = next((n for n in sorted(_town_candidates(ctx)[0]) if n + "s" in before), None)   # "Laupheims Bürgermeister"
    if town is None:
        town = _dominant_town(ctx, towns)
    if town is None:
        return None
    s0, s1 = ctx.sent_range(h.head)
    others = {f for n in towns if n != town for f in _town_forms(n)}
    if any(doc[k].text in others for k in range(s0, s1)):
        return None                       # "Bürgermeister X aus dem Nachbarort Y"
    return town


def _dominant_town(ctx: _Ctx, towns: Counter) -> str | None:
    """The one town the article names after a town noun ("die Stadt Winterthur"), else the town it names at least
    ``article_town_min`` times and twice as often as any other."""
    marked = {n for n in _town_candidates(ctx)[1] if n in towns}
    if len(marked) == 1:
        return marked.pop()
    if marked:
        return None
    ranked = towns.most_common(2)
    if not ranked or ranked[0][1] < ctx.p.article_town_min or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def _district_at(ctx: _Ctx, t) -> str | None:
    """The district a token names: "Landkreis Stendal" / "Kreis Paderborn" (the word after a district noun) ->
    "Landkreis Stendal", a compound in "-kreis" that is no common noun (roles.yaml ``patterns.article_district_common``:
    "Wahlkreis", "Arbeitskreis") -> "Vogtlandkreis", "Rhein-Sieg-Kreis"."""
    doc, low = ctx.doc, t.lower_
    if low in ("landkreis", "landkreises", "kreis", "kreises"):
        n = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if n is not None and n.text[:1].isupper() and n.text.replace("-", "").isalpha() \
                and n.lower_ not in ctx.w.determiners and ctx.sent_of[n.i] == ctx.sent_of[t.i]:
            return f"{'Landkreis' if low.startswith('land') else 'Kreis'} {n.text}"
        return None
    word = low[:-2] if low.endswith("kreises") else low
    if not word.endswith("kreis") or len(word) < 9 or not t.text[:1].isupper() or word in ctx.p.article_district_common \
            or not t.text.replace("-", "").isalpha():
        return None
    return t.text[:len(word)]


def article_district(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``article_district``: "Sie wirft dem Vogtlandkreis vor, die Bürger zu spät informiert zu haben. Landrat
    Thomas Weidauer (CDU) weist das zurück" -> Vogtlandkreis; "Landrat Jörg Weißenborn reagierte enttäuscht. Der
    Landkreis Stendal werde nun prüfen ..." -> Landkreis Stendal. A district head's title (roles.yaml
    ``patterns.article_district_titles``, stems of the title word) with a named holder, no organisation and no
    complement belongs to the one district the article names (:func:`_district_at`, anywhere in it). Off:
    ``article_district_titles: []``."""
    if not _bare_title(ctx, h, ctx.p.article_district_titles):
        return None
    doc = ctx.doc
    found = ctx.__dict__.get("_article_districts")
    if found is None:
        found = ctx._article_districts = {d for t in doc if (d := _district_at(ctx, t)) is not None}
    return next(iter(found)) if len(found) == 1 else None


# ----------------------------------------------------------------------------- rorg16: a possessive's org noun
def _agrees(t, word: str) -> bool:
    """A noun can be the antecedent of "dessen" (masculine or neuter singular) or "deren" (feminine or plural),
    where the parser gives its gender and number."""
    gender, number = t.morph.get("Gender"), t.morph.get("Number")
    if word == "dessen":
        return not (gender and gender[0] == "Fem") and not (number and number[0] == "Plur")
    return not gender or gender[0] == "Fem" or bool(number and number[0] == "Plur")


def _genitive_end(ctx: _Ctx, k: int) -> int:
    """The end of the noun at ``k`` with a genitive attribute of capitalised words after it ("Mitarbeitervertretung
    des Klinikums Fulda"); ``k + 1`` where there is none."""
    doc, end = ctx.doc, k + 1
    if not (end + 1 < len(doc) and doc[end].lower_ in ("des", "der") and doc[end + 1].text[:1].isupper()
            and ctx.sent_of[end + 1] == ctx.sent_of[k]):
        return end
    end += 2
    while end < min(len(doc), k + 6) and doc[end].text[:1].isupper() and ctx.sent_of[end] == ctx.sent_of[k] \
            and doc[end].pos_ in ("PROPN", "NOUN", "ADJ") and end not in ctx.per_start:
        end += 1                          # "des Klinikums Fulda"
    return end


def _org_noun_phrase(ctx: _Ctx, k: int, mentions: list[tuple[int, str, str]]) -> str:
    """The organisation a common noun at ``k`` names: the organisation or place entity it stands in; the one
    organisation actor with a word ending in the bare noun ("Beim Klinikum ..." -> Universitätsklinikum Marburg-Lahn);
    else the noun with its genitive attribute (:func:`_genitive_end`)."""
    doc = ctx.doc
    e = ctx.ent_of.get(k)
    if e is not None and e.label_ in ("ORG", "LOC") and len(e) > 1:
        return e.text
    end = _genitive_end(ctx, k)
    low = doc[k].lower_
    named = {n for _, n, kind in mentions if kind == "organization"
             and any(w.lower().endswith(low) for w in n.replace("-", " ").split())}
    return named.pop() if len(named) == 1 and end == k + 1 else doc[k:end].text


def _last_org_noun(ctx: _Ctx, lo: int, hi: int, word: str) -> int | None:
    """The last organisation noun from ``lo`` to ``hi`` that can be the antecedent of ``word`` (see
    :func:`possessive_org_noun`), not the genitive attribute of the one before."""
    doc = ctx.doc
    stems, events = tuple(ctx.p.org_nouns) + ctx.p.possessive_org_nouns, tuple(ctx.p.post_name_event_nouns)
    last = None
    for k in range(lo, hi):
        t = doc[k]
        if t.pos_ in ("NOUN", "PROPN") and t.text[:1].isupper() and t.lower_.endswith(stems) \
                and not t.lower_.endswith(events) and _agrees(t, word) \
                and not (last is not None and last == k - 2 and doc[k - 1].lower_ in ("des", "der")):
            last = k
    return last


def possessive_org_noun(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``possessive_org_noun``: "Vor allem die Fußballabteilung lief dagegen Sturm. Deren Leiter Cem Aslan
    warf dem Vorstand vor ..." -> Fußballabteilung; "... den Rest hält die städtische Hafengesellschaft. Deren
    Aufsichtsratsvorsitzende Maren Tietjen" -> Hafengesellschaft (not the holding named before it). A title after a
    relative possessive (``possessive_context_words``) belongs to the organisation noun named last before it (a
    noun ending in one of roles.yaml ``org_nouns`` or ``patterns.possessive_org_nouns``, no event noun of
    ``post_name_event_nouns``, agreeing with "dessen" / "deren", in the title's sentence or the one before), where
    no organisation actor's name and no person is named after it ("Die Mitarbeitervertretung des Marien-Hospitals
    ... Deren Vorsitzender" -> Mitarbeitervertretung des Marien-Hospitals). Off: ``possessive_org_nouns: []``."""
    doc = ctx.doc
    if not ctx.p.possessive_org_nouns or h.holder is None or h.det != "poss" \
            or doc[h.np_start].lower_ not in ctx.p.possessive_context_words:
        return None
    last = _last_org_noun(ctx, _previous_window(ctx, h, 1), h.np_start, doc[h.np_start].lower_)
    if last is None or _person_between(ctx, last + 1, h.np_start) \
            or any(last <= m[0] < h.np_start and m[2] == "organization" and m[0] != last for m in mentions):
        return None
    return _org_noun_phrase(ctx, last, mentions)


# ----------------------------------------------------------------------------- rorg16: the party of the sentence before
def _sentence_parties(ctx: _Ctx, a: int, b: int, mentions: list[tuple[int, str, str]]) -> set[str]:
    """The parties tokens ``a`` to ``b`` name: organisation actors of organizations.yaml type party, and a party's
    parliamentary group written as a compound ("Die CDU-Fraktion im Stadtrat" -> CDU-Fraktion)."""
    found = set()
    for i, name, kind in mentions:
        o = ctx.orgs.by_name(name) if a <= i < b and kind == "organization" else None
        if o is not None and o.type == "party":
            found.add(o.name)
    for k in range(a, b):
        head, _, tail = ctx.doc[k].text.rpartition("-")
        o = ctx.orgs.by_name(head) if tail.lower() in ctx.p.party_group_words and head else None
        if o is not None and o.type == "party":
            found.discard(o.name)
            found.add(ctx.doc[k].text)
    return found


def party_previous_sentence(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``party_previous_sentence``: "Scharfe Kritik kam von der SPD. Fraktionschefin Meltem Aydın warf der
    Verwaltung vor ..." -> SPD; "Die CDU-Fraktion im Stadtrat verlangte eine Sondersitzung. Fraktionschefin Petra
    Hillesheim sagte ..." -> CDU-Fraktion. The title of a parliamentary group's office (roles.yaml
    ``patterns.party_previous_titles``, stems of the title word) that opens its sentence, with a named holder, no
    organisation and no complement, belongs to the one party the sentence before names (:func:`_sentence_parties`),
    where its own sentence names no party. Off: ``party_previous_titles: []``."""
    if not _bare_title(ctx, h, ctx.p.party_previous_titles):
        return None
    doc = ctx.doc
    s0, s1 = ctx.sent_range(h.head)
    if any(not doc[k].is_space and doc[k].lower_ not in ctx.w.determiners for k in range(s0, h.start)):
        return None                       # not at the start of its sentence
    if _sentence_parties(ctx, s0, s1, mentions):
        return None
    a = _previous_window(ctx, h, 1)
    parties = _sentence_parties(ctx, a, s0, mentions) if a < s0 else set()
    return parties.pop() if len(parties) == 1 else None
