"""The title scan: every role noun of a Doc with its organisation, status, determiner and number."""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Token

from pipeline.extract.view import doc_columns, doc_ents, doc_tokens
from pipeline.ruleset import RuleSet
from .lexicon import Form
from .bindings import _bind_patterns
from .complement import right_context
from .context import _ACRONYM, _AGE, _Ctx
from .hits import Hit, _RANK, _set_org
from .names import _name_at
from .organizations import _adjectival, _category
from .titles import _analyze, _choose
from .tokens import _capitalized, _deputy_adj, _former_adj, _is_adj


_MISSING = object()


def _ent_orgs(ctx: _Ctx) -> dict[str, str]:
    """Lower-cased ORG/MISC/LOC entity texts and untagged proper nouns ("Mannesmann" elsewhere in the text)."""
    doc = ctx.doc
    ent_orgs = {e.text.lower(): e.text for e in doc_ents(doc) if e.label_ in ("ORG", "MISC", "LOC")}
    nouns = _common_noun_words(ctx) if ctx.p.compound_prefix_common_noun else frozenset()
    cols = doc_columns(doc)                # the token columns, no Token per proper noun (issue 16)
    alpha, lower, text = cols.alpha, cols.lower, cols.text
    for i, pos in enumerate(cols.pos):
        if pos == "PROPN" and alpha[i] and i not in ctx.per_start and lower[i] not in ent_orgs \
                and (i not in ctx.ent_of or ctx.ent_of[i].label_ != "PER") and text[i] not in nouns:
            ent_orgs[lower[i]] = text[i]
    return ent_orgs


def _common_noun_words(ctx: _Ctx) -> frozenset[str]:
    """Rule ``compound_prefix_common_noun``: "Mirej Taloş stellte mit Buchmessedirektor Oliver Zille das Programm
    vor" -> Buchmessedirektor, no organisation "Buchmesse": a word tagged PROPN only inside a longer name
    ("Leipziger Buchmesse") and NOUN outside any entity where it stands alone ("auf der Buchmesse") is a common
    noun, no name a title compound could start with: tagged NOUN outside entities at least as often as PROPN
    there, and never an entity of that one word ("Mannesmann" tagged NOUN but ORG stays a name). roles.yaml
    ``patterns.compound_prefix_common_noun``: false switches it off."""
    nouns, propns, names = Counter(), Counter(), set()
    cols = doc_columns(ctx.doc)            # the token columns, no Token per word (issue 16)
    pos, alpha, ent_of = cols.pos, cols.alpha, ctx.ent_of
    for i, text in enumerate(cols.text):
        if not text[:1].isupper() or not alpha[i]:
            continue
        e = ent_of.get(i)
        if e is not None and len(e) == 1:
            names.add(text)
        elif e is None and pos[i] == "PROPN":
            propns[text] += 1
        elif e is None and pos[i] == "NOUN":
            nouns[text] += 1
    return frozenset(w for w, n in nouns.items() if w not in names and n >= propns[w])


def _scan(ctx: _Ctx) -> list[Hit]:
    """A :class:`Hit` for every title noun of the Doc, in text order."""
    ent_orgs = _ent_orgs(ctx)
    modifiers: set[int] = set()            # "der Oberkommandierende General": title words used as adjectives
    hits: list[Hit] = []
    memo, missing = ctx.analyzed, _MISSING
    for i, text in enumerate(doc_columns(ctx.doc).text):
        if memo.get(text, missing) is None:
            continue                       # no title word (the memo of _analyze knows it): _hit_at gives None
        h = _hit_at(ctx, i, ent_orgs, modifiers)
        if h is not None:
            hits.append(h)
    if ctx.p.leadership_nouns:
        hits = sorted(hits + _leadership_hits(ctx), key=lambda x: x.head)
    return hits


def _leadership_hits(ctx: _Ctx) -> list[Hit]:
    """Rule ``leadership_noun`` (role16): "Aaron Bird, der die Leitung des Merchants Exchange übernommen hatte",
    "übernimmt Prokuristin Nadine Schwall die Leitung des kommunalen Versorgers", "Er übernahm daraufhin die
    Leitung des Volksbildungswerkes": the noun of leading an organisation (roles.yaml patterns.leadership_nouns,
    "leitung:Leiter") with its article and a genitive, in a sentence with a verb of taking or holding it
    (patterns.leadership_verbs), is a hit of that title (bound by the binding rule leadership_noun)."""
    doc, out = ctx.doc, []
    nouns = dict(x.split(":", 1) for x in ctx.p.leadership_nouns)
    low = doc_columns(doc).lower           # the lower-case column: no Token per word (issue 16)
    for i in [k for k, w in enumerate(low) if w in nouns]:
        title = ctx.lex.titles.get(nouns[low[i]])
        if title is None or i < 1 or i + 2 >= len(doc) or low[i - 1] not in ("die", "der") \
                or low[i + 1] not in ("des", "der"):
            continue
        s0, s1 = ctx.sent_range(i)
        if not any(low[k] in ctx.p.leadership_verbs for k in range(s0, s1)):
            continue
        h = Hit(head=i, start=i, end=i + 1, np_start=i - 1, title=title, role=title.title, category=title.category,
                org=None, org_rank=0, status="current", det="def", plural=False, sent=ctx.sent_of[i])
        h.extra["leadership"] = True
        right_context(ctx, h, i, title, s0, s1)
        h.category = _category(ctx, title, h.org)
        out.append(h)
    return out


def _place_genitive_in_entity(ctx: _Ctx, ent, i: int) -> bool:
    """NER tagged "[Italiens Regierungschefin]ORG": a title right after the genitive of a known place or
    organisation inside one entity is a title (the genitive is its organisation), not part of a name."""
    first = ctx.doc[ent.start]
    o = ctx.orgs.by_name_or_genitive(first.text) if i == ent.start + 1 and first.text.endswith("s") else None
    return o is not None and o.name.lower() != first.lower_


def _hit_at(ctx: _Ctx, i: int, ent_orgs: dict[str, str], modifiers: set[int]) -> Hit | None:
    doc = ctx.doc
    t = doc_tokens(doc)[i]
    ent = ctx.ent_of.get(i)
    if ent is not None and ent.label_ in ("ORG", "LOC") and i != ent.start and "-" not in t.text \
            and not _place_genitive_in_entity(ctx, ent, i):
        return None
    an = _analyze(ctx, t)
    if an is None:
        return None
    forms, hyph, cprefix = an
    if not hyph and not cprefix and _title_as_adjective(ctx, i, forms):
        modifiers.add(i)              # "der Oberkommandierende General": adjective use
        return None
    form, start = _choose(ctx, forms, i)
    title = form.title
    s0, s1 = ctx.sent_range(i)
    h = Hit(head=i, start=start, end=i + 1, np_start=start, title=title, role=title.title,
            category=title.category, org=None, org_rank=0, status="current", det="none",
            plural=False, sent=ctx.sent_of[i])
    _set_org(h, title.organization, "default")
    h.extra["gender"] = form.gender if form.plural != "pl" else None
    if form.plural == "pl":
        h.extra["plural_form"] = True      # a form that is only plural ("Ermittlern", "Politikern")
    start, deputy = _hyphen_prefixes(ctx, h, i, hyph, start, s0, ent_orgs)
    deputy = _compound_prefix(ctx, h, cprefix, ent_orgs) or deputy
    implied = h.org if h.org_rank == _RANK["default"] or (
        cprefix and h.org == (ctx.lex.compound_prefixes.get(cprefix) or {}).get("organization")) else None
    left_deputy, adj_org = _left_context(ctx, h, i, start, s0, modifiers)
    deputy = deputy or left_deputy
    if adj_org and _adjective_org_applies(ctx, h, adj_org):
        _set_org(h, adj_org, "adjective")
    _policy_area_title(ctx, h, start, s0)
    if deputy and not h.role.lower().startswith(("vize", "stellvertret")):
        _make_deputy(ctx, h)
    _number(ctx, h, t, form, s0)
    right_context(ctx, h, i, title, s0, s1)
    _genitive_place(ctx, h, i, s1)
    if implied is not None and h.org == implied and h.org_rank <= _RANK["compound"] \
            and ctx.implied_org_doubtful(implied):
        h.org, h.org_rank = None, 0       # "Bundespräsident" in an article about Switzerland
    _set_org(h, ctx.national_default(h), "default")     # "Arbeitsminister Heil" -> Deutschland
    # category for generic titles
    h.category = _category(ctx, title, h.org)
    return h


def _adjective_org_applies(ctx: _Ctx, h: Hit, org: str) -> bool:
    """A country adjective is no organisation of experts, journalists, business people ("der
    amerikanische Experte"); a state or city adjective is one of offices and clubs ("der Hamburger
    Datenschutzbeauftragte") but not of experts, journalists, lawyers ("der Berliner Anwalt")."""
    o = ctx.orgs.by_name(org)
    if _national_title(ctx, h, o):
        return True
    if o is not None and o.type in ("state", "city", "region"):
        return h.category not in ctx.p.local_adjective_excluded_categories
    return h.category not in ctx.p.nationality_only_categories


def _national_title(ctx: _Ctx, h: Hit, o) -> bool:
    """Rule ``national_title_adjective``: "der italienische Notenbankchef Antonio Fazio" -> Italien, "der
    argentinische Nationaltrainer José Pekerman" -> Argentinien: a title that names a national institution
    (roles.yaml patterns.national_title_stems: Notenbank-, Zentralbank-, National-) takes the country of its
    adjective, although its category (business, sport) otherwise takes no nationality as organisation.
    An empty list switches the rule off."""
    stems = ctx.p.national_title_stems
    return bool(stems) and o is not None and o.type == "country" and any(s in h.role.lower() for s in stems)


def _policy_area_title(ctx: _Ctx, h: Hit, start: int, s0: int) -> None:
    """Rule ``policy_area_title`` (role15): "die innenpolitische Sprecherin der Grünen, Jana Rüdiger" -> role
    "innenpolitischer Sprecher": a lower-case adjective right before the title that ends in a policy-area suffix
    (roles.yaml ``patterns.policy_area_suffixes``: -politisch) is part of the role of the listed titles
    (``patterns.policy_area_titles``: Sprecher), in the masculine nominative. Off: an empty list."""
    k = start - 1
    if k < s0 or h.title.title not in ctx.p.policy_area_titles:
        return
    low = ctx.doc[k].lower_
    stem = next((low[:len(low) - len(e)] for e in ("em", "en", "er", "es", "e")
                 if low.endswith(e) and low[:len(low) - len(e)].endswith(ctx.p.policy_area_suffixes)), None)
    if stem is None or not ctx.doc[k].is_lower or stem in ctx.p.policy_area_suffixes:
        return
    h.role = f"{stem}er {h.role}"
    h.start = min(h.start, k)


def _title_as_adjective(ctx: _Ctx, i: int, forms: list[Form]) -> bool:
    """"der Oberkommandierende General": a title in -ender/-ter used as the adjective of the next title."""
    doc, t = ctx.doc, ctx.doc[i]
    return i + 1 < len(doc) and t.text[0].isupper() \
        and any(f.title.head.lower().endswith(("der", "ter")) and t.lower_.endswith(("e", "en"))
                for f in forms) and _analyze(ctx, doc[i + 1]) is not None


def _genitive_place(ctx: _Ctx, h: Hit, i: int, s1: int) -> None:
    """"der Verteidigungsminister Österreichs", "Ministerpräsident Kanadas"."""
    doc = ctx.doc
    if h.end < s1 and h.end == i + 1 and _capitalized(doc[h.end]) and doc[h.end].lower_.endswith("s"):
        o = ctx.orgs.by_name(doc[h.end].text[:-1])
        if o is not None and o.actor_type == "location":
            _set_org(h, o.name, "genitive")
            h.end += 1


def _hyphen_prefixes(ctx: _Ctx, h: Hit, i: int, hyph: list[str], start: int, s0: int,
                     ent_orgs: dict[str, str]) -> tuple[int, bool]:
    """Prefixes inside the token ("US-", "Ex-", "Vize-", "Human Rights Watch-"): organisation and status.
    Returns the (possibly earlier) start of the title and whether it is a deputy's."""
    doc, p, orgs = ctx.doc, ctx.p, ctx.orgs
    deputy = False
    if hyph:
        joined = "-".join(hyph)
        o = (orgs.by_name(joined) or orgs.by_name(" ".join(hyph))) if len(hyph) > 1 else None   # "IG-Metall-Chef"
        if o is None:                  # "Human Rights Watch-Sprecher", "IG Metall-Vorsitzenden"
            for n in (3, 2, 1):
                if i - n >= s0 and all(_capitalized(doc[k]) and doc[k].lower_ not in p.determiners_definite
                                       and doc[k].lower_ not in p.determiners_indefinite
                                       for k in range(i - n, i)):
                    cand = " ".join([doc[k].text for k in range(i - n, i)] + [hyph[0]])
                    o = orgs.by_name(cand) or (orgs.by_name(cand) if cand.lower() in ent_orgs else None)
                    if o is not None:
                        h.start = h.np_start = start = i - n
                        break
        if o is not None:
            _set_org(h, o.name, "prefix_org" if o.actor_type != "location" else "prefix")
            hyph = []
        elif len(hyph) > 1 and ctx.gazetteer is not None and all(x[:1].isupper() for x in hyph) and \
                ctx.gazetteer.names.get(" ".join(hyph)) not in (None, "city", "country", "region", "state"):
            _set_org(h, " ".join(hyph), "prefix_org")      # "Daimler-Truck-Chef": the gazetteer's company
            hyph = []
    for part in hyph:
        deputy = _hyphen_part(ctx, h, part, ent_orgs) or deputy
    return start, deputy


def _hyphen_part(ctx: _Ctx, h: Hit, part: str, ent_orgs: dict[str, str]) -> bool:
    """One hyphen prefix; True for "Vize-"."""
    p, orgs = ctx.p, ctx.orgs
    pl = part.lower()
    quoted = part.strip("»«„“”\"'")
    if quoted != part and quoted[:1].isupper():
        _set_org(h, quoted, "prefix_org")     # "»Zeit«-Chefredakteur": a quoted (media) name
        return False
    if pl in p.former_prefixes:
        h.status = "former"
    elif pl in ("vize",):
        return True
    elif pl in p.co_prefixes:
        _co_prefix(h, part)
    elif pl in orgs.prefixes:
        if h.category == "diplomat_or_envoy" and pl not in orgs.abbrev_prefixes:
            return False        # "Ukraine-Sondergesandter": the country is the topic
        o = orgs.prefixes[pl]
        if o.type == "party" and h.category in ("head_of_state_or_government", "minister"):
            return False        # "CDU-Bundeskanzlerin": party affiliation, not the organisation
        _set_org(h, o.name, "prefix_org" if o.actor_type != "location" else "prefix")
    elif pl in orgs.topic_prefixes:
        pass
    elif _ACRONYM.match(part) and sum(c.isupper() for c in part) >= 2:
        _set_org(h, part, "prefix_org")
    elif pl in ent_orgs:
        _set_org(h, ent_orgs[pl], "prefix_org")
    return False


def _singular_adjective_e(ctx: _Ctx, h: Hit) -> bool:
    """Rule ``der_adjective_e_singular`` (role21): "müssen sich seit Oktober der frühere Geschäftsführer Holger
    Brandstätt und seine damalige Prokuristin verantworten": an adjective in -e between "der" and the title is the
    nominative singular (the genitive plural has -en: "der früheren Geschäftsführer"), so plural_by_form's "der after
    a noun" does not make it a plural. Off: roles.yaml ``patterns.der_adjective_e_singular: false``."""
    return ctx.p.der_adjective_e_singular and any(
        t.pos_ == "ADJ" and t.is_lower and t.lower_.endswith("e") for t in ctx.doc[h.np_start + 1:h.head])


def _co_prefix(h: Hit, part: str) -> None:
    """Rule ``co_prefix_title`` (role21): "Ihr Co-Vorsitzender Amir Hadžić kam auf 68 Prozent", "ihr langjähriger
    Co-Moderator Timo Kaya": the hyphen prefix Co-/Ko- (roles.yaml ``patterns.co_prefixes``) is part of the role, a
    co-holder's office as Co-Trainer ("Co-Vorsitzender", not "Vorsitzender"). Off: ``co_prefixes: []``."""
    if not h.role.lower().startswith(part.lower() + "-"):
        h.role = f"{part[:1].upper()}{part[1:].lower()}-{h.role}"


def _compound_prefix(ctx: _Ctx, h: Hit, cprefix: str, ent_orgs: dict[str, str]) -> bool:
    """The first part of a compound ("Mannesmannchef", "Einwanderungsminister", "Altbundeskanzler");
    True when it makes a deputy. Rule ``topic_compound_prefix`` (role16): a topic prefix of organizations.yaml
    ``topic_prefixes`` keeps its word on a title that is not generic, even where it names a region ("Der Nahostexperte Tobias Ehrlich" ->
    Nahostexperte, as "Außenpolitikexperte"; only the hyphen "Nahost-Sondergesandter" drops it). Off: roles.yaml
    patterns.topic_compound_prefix: false."""
    if not cprefix:
        return False
    orgs, title = ctx.orgs, h.title
    deputy = False
    info = ctx.lex.compound_prefixes.get(cprefix)
    if info:
        if info.get("status") == "former":
            h.status = "former"
        if info.get("deputy"):
            deputy = True
        _set_org(h, info.get("organization"), "compound")
    elif ctx.p.topic_compound_prefix and cprefix in orgs.topic_prefixes and not title.modifiers and not title.generic:
        h.role = cprefix[:1].upper() + cprefix[1:] + title.title[:1].lower() + title.title[1:]   # rule topic_compound_prefix
    elif cprefix in orgs.prefixes or cprefix in ent_orgs or \
            (cprefix.endswith("s") and cprefix[:-1] in orgs.prefixes):
        o = orgs.prefixes.get(cprefix) or orgs.prefixes.get(cprefix[:-1])
        if o is not None and o.actor_type == "location" and title.generic and "-" in ctx.doc[h.head].text:
            return deputy             # "Flixbus-Deutschlandchef": the region is the scope, the company the org
        _set_org(h, o.name if o else ent_orgs[cprefix], "prefix_org")   # "Mannesmannchef", "Unionsfraktionschef"
    elif not title.modifiers:
        h.role = cprefix[:1].upper() + cprefix[1:] + title.title[:1].lower() + title.title[1:]
    return deputy


def _left_context(ctx: _Ctx, h: Hit, i: int, start: int, s0: int, modifiers: set[int]) -> tuple[bool, str | None]:
    """Walk left over adjectives to the determiner or possessive genitive.
    Returns (a deputy adjective was seen, the organisation of an adjective such as "ukrainischen")."""
    doc = ctx.doc
    deputy, adj_org = False, None
    k = start - 1
    while k >= s0:
        tk = doc[k]
        low = tk.lower_
        if k in modifiers:
            h.start = h.np_start = k
            k -= 1
            continue
        if low in ("und", "oder") and k - 1 >= s0 and doc[k - 1].text.endswith("-") and k == h.start - 1:
            h.start = h.np_start = k - 1          # "Handels- und Industrieminister"
            k -= 2
            continue
        if _determiner(ctx, h, tk, k):
            break
        e = ctx.ent_of.get(k)
        if e is not None and e.label_ == "PER" and e.end == k + 1 and _capitalized(tk) and not low.endswith("s") \
                and k < start and (len(e) >= 2 or tk.pos_ == "PROPN"):
            break                                 # "war Joschka [Fischer] Außenminister": a name, no adjective
        if _capitalized(tk) and low.endswith("s") and k < start and (ctx.orgs.by_name_or_genitive(tk.text) is not None
                                                                     or _named_place_genitive(ctx, tk) is not None) \
                and _possessive(ctx, h, tk, k, s0):
            break                                 # "Thüringens Staatssekretärin" (the tagger: ADJ)
        adj = _adjective(ctx, h, tk, k)
        if adj is not None:
            deputy = deputy or adj[0]
            adj_org = adj[1] if adj[1] is not None else adj_org
            h.np_start = k
            k -= 1
            continue
        if _capitalized(tk) and low.endswith("s") and k < start and _possessive(ctx, h, tk, k, s0):
            break
        # "der für das Kosovo zuständige serbische Minister": skip a PP inside the noun phrase
        pp = _pp_inside(ctx, k, i, s0)
        if pp is not None:
            h.np_start = pp
            k = pp - 1
            continue
        break
    return deputy, adj_org


def _determiner(ctx: _Ctx, h: Hit, tk: Token, k: int) -> bool:
    """A year, a count, a determiner or a possessive pronoun ends the noun phrase (True)."""
    p, low = ctx.p, tk.lower_
    if tk.like_num and re.fullmatch(r"(1[89]|20)\d\d", tk.text):
        return True                           # a year: "von 2001 bis 2005 Bürgermeister"
    if _number_full_stop(ctx, tk):
        return True
    if tk.like_num and not _AGE.match(tk.text):
        h.det, h.plural = "indef", True
    elif low in p.determiners_definite:
        h.det = "def"
    elif low in p.determiners_indefinite:
        h.det = "indef"
    elif low in p.possessives:
        h.det = "poss"
    elif low in p.contracted_definite:
        return _contracted_article(h)
    else:
        return False
    h.np_start = k
    return True


def _number_full_stop(ctx: _Ctx, tk: Token) -> bool:
    """Rule ``number_full_stop_no_count`` (role21): "… im zweiten Halbjahr 2027. Finanzvorständin Katrin Oberländer
    kündigte an", "seit dem Börsengang 2019. Kessler-Chef Oliver Brandt hatte": a number fused with a full stop
    (the tokenizer's "2027." before a sentence that opens with the title, or an ordinal "2.") is no count of the
    title: it ends the noun phrase and leaves it singular (a count made it a plural, "57 US-Soldaten", which binds
    to no name). Off: roles.yaml ``patterns.number_full_stop_no_count: false``."""
    return ctx.p.number_full_stop_no_count and tk.like_num and tk.text.endswith(".") and tk.text[:-1].isdigit()


def _contracted_article(h: Hit) -> bool:
    """Rule ``contracted_article``: "Ist die vom Bundesinnenminister angestrebte Ausweitung ...", "Spieler seien zum
    Linienrichter gelaufen": a preposition fused with the definite article (roles.yaml ``patterns.contracted_definite``)
    makes the role noun definite, as "von dem" would; the phrase starts after it (the preposition is not part of it).
    Such a noun refers only to a known holder of the title, never by mere nearness ("vom neuen südkoreanischen
    Präsidenten" after an interviewee: resolve.py)."""
    h.det = "def"
    h.extra["contracted"] = True
    return True


def _adjective(ctx: _Ctx, h: Hit, tk: Token, k: int) -> tuple[bool, str | None] | None:
    """An adjective of the title ("Technischer Berater", "Stellvertretender", "ehemalige", "ukrainischen"):
    None if ``tk`` is none, else (a deputy adjective, the organisation of an adjective)."""
    p, orgs, low = ctx.p, ctx.orgs, tk.lower_
    if k == h.np_start - 1:
        place = _place_adjective(ctx, tk) or _municipal_place(ctx, h, tk)
        if place is not None:             # "Thüringer", "Kölner": not in the lexicon's adjectives
            h.start = k
            return False, place
    if not (_is_adj(ctx, tk) or low in orgs.adjectives or (tk.is_alpha and (
            tk.is_lower or (k == h.np_start - 1 and _capitalized(tk))) and (
            _former_adj(ctx, low) or _deputy_adj(ctx, low))) or (
            k == h.np_start - 1 and _adjectival(tk))):
        return None
    if _former_adj(ctx, low):
        h.status = "former"
        h.start = k
    elif _deputy_adj(ctx, low):
        h.start = k
        return True, None
    elif low in orgs.adjectives:
        h.start = k
        return False, orgs.adjectives[low].name
    elif any(low.startswith(c) for c in p.current_adjectives):
        h.start = k
    return False, None


def _place_adjective(ctx: _Ctx, tk: Token) -> str | None:
    """The state or city of an indeclinable place adjective: "Kölner" -> Köln, "Bremer" -> Bremen,
    "Thüringer" -> Thüringen (only places the organisation lexicon or the gazetteer's cities know)."""
    t = tk.text
    if len(t) < 5 or not t[0].isupper() or not t.endswith("er") or not tk.is_alpha or t.lower() in ctx.orgs.adjectives:
        return None
    cands = (t[:-2], t[:-2] + "en", t[:-2] + "e", t[:-2] + "n", t[:-3] + "en")     # (Dresdner, Münchner)
    for cand in cands:
        o = ctx.orgs.by_name(cand)
        if o is not None and o.type in ("state", "city", "region"):
            return o.name
    gaz = ctx.gazetteer                   # cities the entity layer's gazetteer knows ("Mannheimer" -> Mannheim)
    city = next((c for c in cands if gaz is not None and gaz.names.get(c) == "city"), None)
    return city if city is not None else _article_place(ctx, cands)


def _municipal_place(ctx: _Ctx, h: Hit, tk: Token) -> str | None:
    """Rule ``municipal_place_adjective``: "die Schönenwerder Gemeindepräsidentin" -> Schönenwerd, "der Oltner
    Stadtpräsident" -> Olten: a municipal office (roles.yaml ``patterns.municipal_titles``, stems of the title) after
    a capitalised place adjective in -er that no lexicon knows: the place the adjective is made from (the word
    without -er; "-ner" after a consonant from a name in -en: Olten, Dresden)."""
    stems, t = ctx.p.municipal_titles, tk.text
    if not stems or not ctx.doc[h.head].lower_.replace("-", "").startswith(stems) or len(t) < 6 or not t.endswith("er") \
            or not t[:1].isupper() or not tk.is_alpha or t.lower() in ctx.orgs.adjectives \
            or t.lower() in ctx.orgs.demonyms or _analyze(ctx, tk) is not None:
        return None
    stem = t[:-2]
    if stem.endswith("n") and stem[-2:-1] not in "aeiouäöüy":
        stem = stem[:-1] + "en"           # "Oltner" -> Olten
    return stem


def _article_place(ctx: _Ctx, cands) -> str | None:
    """"Die Delmenhorster Bürgermeisterin ... in Delmenhorst": the place of an -er adjective that the article
    names as a place (a LOC entity) where neither lexicon knows it."""
    places = ctx.__dict__.get("_loc_names")
    if places is None:
        places = ctx._loc_names = {e.text for e in doc_ents(ctx.doc) if e.label_ == "LOC" and len(e) == 1}
    return next((c for c in cands if c in places), None)


def _named_place_genitive(ctx: _Ctx, tk: Token) -> str | None:
    """Rule ``place_genitive_named`` (role15): "Ehingens Oberbürgermeister Alexander Kroll", "Lindenaus Trainer X":
    a capitalised word in -s before the title whose stem no lexicon knows, the article names as a place (a LOC
    entity of one word, a word after "in"/"aus", or a city of the gazetteer; or NER tags the word itself LOC) and no
    person's name has: the genitive of that place, the organisation. Off: roles.yaml ``patterns.place_genitive_named: false``."""
    t = tk.text
    if not ctx.p.place_genitive_named or len(t) < 5 or not t.endswith("s") or not tk.is_alpha or not t[0].isupper():
        return None
    stem = t[:-1]
    if stem in ctx.person_words or t in ctx.full_surnames or stem.lower() in ctx.w.adverbs:
        return None                     # (a surname in -s: "war Koenigs UN-Sonderbeauftragter", Tom Koenigs)
    gaz = ctx.gazetteer
    e = ctx.ent_of.get(tk.i)
    if (gaz is not None and gaz.names.get(stem) == "city") or (e is not None and e.label_ == "LOC" and len(e) == 1):
        return stem                     # (NER tags the genitive itself a place: "[Laupheims]LOC Bürgermeister")
    return _article_place(ctx, (stem,)) or _place_after_preposition(ctx, stem)


def _place_after_preposition(ctx: _Ctx, word: str) -> str | None:
    """``word`` where the article writes it right after "in" or "aus" ("Feuerwehren aus Eberhardzell"), else None."""
    doc = ctx.doc
    return word if any(t.text == word and t.i > 0 and doc[t.i - 1].lower_ in ("in", "aus") for t in doc) else None


def _multiword_genitive(ctx: _Ctx, k: int, s0: int) -> tuple[int, str] | None:
    """"New Yorks Bürgermeister", "Sri Lankas Präsident": (first token, name) of a place or organisation name of
    two or three words that ends in the genitive at token ``k`` (organisation lexicon, or a LOC/ORG entity)."""
    doc = ctx.doc
    for n in (3, 2):
        a = k - n + 1
        if a < s0 or not all(_capitalized(doc[x]) for x in range(a, k + 1)):
            continue
        o = ctx.orgs.by_name_or_genitive(doc[a:k + 1].text)
        if o is not None:
            return a, o.name
        e = ctx.ent_of.get(k)
        if e is not None and e.start == a and e.end == k + 1 and e.label_ in ("LOC", "ORG") and e.text.endswith("s"):
            return a, e.text[:-1]
    return None


def _possessive(ctx: _Ctx, h: Hit, tk: Token, k: int, s0: int) -> bool:
    """A genitive before the title: "Israels Ministerpräsident" (an organisation), "Johnsons Stellvertreter"."""
    doc = ctx.doc
    org = ctx.orgs.by_name_or_genitive(tk.text)
    if org is not None:
        h.det = "poss"
        _set_org(h, org.name, "possessive")
        h.np_start = h.start = k
        return True
    org_name = _org_entity_genitive(ctx, tk)
    if org_name is not None:            # "Tapparas Torhüter": an organisation NER tagged ORG elsewhere
        h.det = "poss"
        _set_org(h, org_name, "possessive")
        h.np_start = h.start = k
        return True
    multi = _multiword_genitive(ctx, k, s0)
    if multi is not None:               # "New Yorks Bürgermeister"
        h.det = "poss"
        _set_org(h, multi[1], "possessive")
        h.np_start = h.start = multi[0]
        return True
    place = _named_place_genitive(ctx, tk)
    if place is not None:               # "Ehingens Oberbürgermeister" in an article that names Ehingen as a place
        h.det = "poss"
        _set_org(h, place, "possessive")
        h.np_start = h.start = k
        return True
    if _surname_after_copula(ctx, tk, k, s0):
        return False                    # "Bisher ist Koenigs Menschenrechtsbeauftragter": the subject, no genitive
    e = ctx.ent_of.get(k)
    if (e is not None and e.label_ == "PER") or (k > s0 and doc[k - 1].text == "."):
        h.det = "posspers"
        h.np_start = k
        return True
    if _name_at(ctx, k, k + 1) and tk.pos_ in ("PROPN", ""):
        h.det = "posspers"
        h.np_start = k
        return True
    return False


def _surname_after_copula(ctx: _Ctx, tk: Token, k: int, s0: int) -> bool:
    """Rule ``surname_after_copula``: "Bisher ist Koenigs Menschenrechtsbeauftragter der Bundesregierung" (the
    article named "Tom Koenigs"): a word in -s right after a copula that the article uses as the surname of a full
    name (the last word of a PER entity of two words or more), where it knows no person by the word without -s,
    and no subject stands before the copula (sentence start, adverbs, times): the subject of the copula, the
    holder, not a genitive ("Er ist Merkels Sprecher" keeps the genitive)."""
    doc = ctx.doc
    if not (tk.text.endswith("s") and k - 1 >= s0 and doc[k - 1].lower_ in ctx.p.copulas):
        return False
    if tk.text[:-1] in ctx.person_words or tk.text not in ctx.full_surnames:
        return False
    return all(doc[x].pos_ in ("ADV", "NUM", "ADP", "DET", "ADJ") or doc[x].like_num or doc[x].lower_ in ctx.w.adverbs
               or doc[x].lower_ in ctx.w.time_words or doc[x].is_space
               or (doc[x].pos_ == "NOUN" and x == s0 and doc[x].is_title and doc[x].lower_ in ctx.w.adverbs)
               for x in range(s0, k - 1))


def _org_entity_genitive(ctx: _Ctx, tk: Token) -> str | None:
    """"Tapparas" -> the ORG entity "Tappara Tampere", "Dortmunds" -> "Borussia Dortmund" (an ORG entity of
    the article that begins or ends with the word)."""
    t = tk.text
    if len(t) < 4 or not t.endswith("s") or not tk.is_alpha:
        return None
    stem = t[:-1]
    for e in doc_ents(ctx.doc):
        if e.label_ == "ORG" and stem in (e[0].text, e[-1].text) and e.end - e.start <= 4:
            return e.text
    return None


def _pp_inside(ctx: _Ctx, k: int, i: int, s0: int) -> int | None:
    """Start of a PP inside the noun phrase: "der für das Kosovo zuständige serbische Minister"."""
    doc = ctx.doc
    if k + 1 < i and doc[k + 1].is_lower and doc[k + 1].lower_.endswith(("zuständige", "zuständigen",
                                                                          "verantwortliche", "verantwortlichen")):
        pp = next((x for x in range(k - 1, max(s0, k - 4) - 1, -1)
                   if doc[x].lower_ in ("für", "im", "in", "bei", "beim")), None)
        if pp is not None and all(doc[x].text not in ctx.w.punct_stop for x in range(pp, k)):
            return pp
    return None


def _make_deputy(ctx: _Ctx, h: Hit) -> None:
    """"Vize-Präsident" -> Vizepräsident (a title of its own), else "stellvertretender <title>"."""
    vize = "Vize" + h.role[:1].lower() + h.role[1:]
    if vize in ctx.lex.titles:
        h.title, h.role, h.category = ctx.lex.titles[vize], vize, ctx.lex.titles[vize].category
    else:                                   # "stellvertretendes Mitglied": a neuter title keeps its ending
        neuter = h.role in ctx.p.neuter_titles  # (the lexicon, not the tagger: "Al-Qaida-Vizechef" is no neuter)
        h.role = ("stellvertretendes " if neuter else "stellvertretender ") + h.role


def _number(ctx: _Ctx, h: Hit, t: Token, form: Form, s0: int) -> None:
    """Singular or plural: the tagger's Number (where a weaker tagger errs, the determiner decides)."""
    doc, p = ctx.doc, ctx.p
    mnum = t.morph.get("Number")
    if h.plural:
        pass                                  # a count before the title ("57 US-Soldaten")
    elif mnum:
        h.plural = mnum[0] == "Plur"
        d0 = doc[h.np_start]
        prev = doc[h.np_start - 1] if h.np_start > s0 else None
        if h.plural and form.plural != "pl" and (
                d0.lower_ in ("dem", "des", "ein", "einem", "eines", "einen")
                or (d0.lower_ == "der" and prev is not None
                    and (prev.pos_ in ("VERB", "AUX") or prev.lower_ in p.subject_cues))):
            h.plural = False          # a weaker tagger's Plur on "sagte der SPD-Politiker", "dem Politiker"
        elif not h.plural and _die_masculine_plural(ctx, h, form):
            h.plural = True
    else:
        h.plural = form.plural == "pl" or (h.det == "def" and doc[h.np_start].lower_ == "die"
                                            and form.gender != "f" and form.plural != "sg")
    if not h.plural and form.plural != "sg" and _plural_by_form(ctx, h, t, form, s0):
        h.plural = True
        h.extra["plural_by_form"] = True


def _die_masculine_plural(ctx: _Ctx, h: Hit, form: Form) -> bool:
    """Rule ``die_masculine_plural`` (role20): "Laut Anklage fanden die Ermittler keine Einbruchsspuren", "Die
    Lokführer arbeiteten im Schichtdienst": "die" before the masculine form of a title (whose singular and plural are
    alike) is a plural, whatever the tagger's Number says (a woman is "die Ermittlerin"), so the role noun refers
    to no one person. Off: roles.yaml ``patterns.die_masculine_plural: false``."""
    return ctx.p.die_masculine_plural and h.det == "def" and ctx.doc[h.np_start].lower_ in ("die", "diese") \
        and form.gender == "m" and form.plural != "sg"


def _plural_by_form(ctx: _Ctx, h: Hit, t: Token, form: Form, s0: int) -> bool:
    """Rule ``plural_by_form``: "ein Treffen der Außenminister der EU-Staaten" (a masculine title after "der" that
    follows a noun: a genitive plural, the genitive singular is "des Außenministers"), "sollen Polizisten Knüppel
    eingesetzt haben" (a title in -en without determiner whose base form does not end so: a plural; singular
    titles before a name go without ending, "mit Präsident Obama"), whatever the tagger's Number says.
    Off: roles.yaml patterns.plural_by_form: false."""
    doc = ctx.doc
    if not ctx.p.plural_by_form:
        return False
    d0 = doc[h.np_start]
    if h.det == "def" and d0.lower_ == "der" and form.gender == "m" and not t.lower_.endswith("s") \
            and h.np_start - 1 >= s0 and doc[h.np_start - 1].pos_ == "NOUN" and _analyze(ctx, doc[h.np_start - 1]) is None:
        return not _singular_adjective_e(ctx, h)
    head = h.title.head.lower()
    prev = doc[h.np_start - 1] if h.np_start - 1 >= s0 else None
    if prev is not None and (prev.lower_ in ctx.w.article_prepositions or prev.pos_ in ("DET", "ADJ", "NUM")):
        return False                  # "vom Präsidenten Nicolas Sarkozy": the article is in "vom" (a weak singular)
    return h.det == "none" and h.np_start == h.head and t.lower_.endswith("en") and not head.endswith("en") \
        and t.text[:1].isupper() and "-" not in t.text


class Scan:
    """Title hits of a Doc after the pattern binding, before resolution: what
    :func:`name_spans` and :func:`roles` both start from. ``extract`` computes it once
    and hands it to both (the Doc must not change in between)."""

    def __init__(self, doc: Doc, rules: RuleSet):
        self.doc, self.rules = doc, rules
        self.ctx = _Ctx(doc, rules)
        self.hits = _scan(self.ctx)
        _bind_patterns(self.ctx, self.hits)
        self.used = False
