"""Binding rules where the holder is named right next to the title (or the title is no role at all)."""
from __future__ import annotations

from ..context import _Ctx
from ..hits import _RANK, Hit, _set_org
from ..names import _name_at, _name_ending_at, _name_entity_after_comma, _name_from_given, _propn_run_ending_at
from ..organizations import _comma_after_genitive, _post_name_org
from ..titles import _analyze
from ..tokens import _capitalized
from .registry import Site, binding, org_possessive


@binding("quoted_title")
def quoted_title(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """Der „Außenminister“ der Bewegung; nur „der Außenminister“ genannt.

    A bare title in quotes is a nickname or a quoted word: no role (but not "als „Technischer
    Leiter“", a verbatim designation)."""
    doc, s0, s1 = ctx.doc, site.s0, site.s1
    q = next((x for x in (h.np_start - 1, h.start - 1) if s0 <= x and doc[x].text in ("„", "»", "\"")), None)
    return q is not None and h.head + 1 < s1 and doc[h.head + 1].text in ("“", "«", "\"") and all(
        doc[x].lower_ in ctx.w.determiners for x in range(q + 1, h.head))


@binding("organization_name")
def organization_name(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """Die Investition von General Motors; die englische Premier League.

    A title word that starts the name of an organisation the lexicon knows (organizations.yaml) is part
    of that name: no role."""
    doc, s1 = ctx.doc, site.s1
    return any(ctx.orgs.by_name(doc[h.head:k].text) is not None for k in range(h.head + 2, min(h.head + 4, s1) + 1))


def _name_after_place(ctx: _Ctx, h: Hit, s1: int) -> int | None:
    """Fraktionschef der Grünen in Bayern Sepp Daxenberger: the name after "in/aus <place>" (moves h.end)."""
    doc = ctx.doc
    if h.end + 2 < s1 and doc[h.end].lower_ in ("in", "aus") and _capitalized(doc[h.end + 1]) \
            and (h.end + 1 in ctx.ent_of and ctx.ent_of[h.end + 1].label_ == "LOC"
                 or ctx.orgs.by_name(doc[h.end + 1].text) is not None):
        n2 = _name_at(ctx, h.end + 2, s1)
        if n2 is not None:
            h.end = h.end + 2
            return n2
    return None


def _name_after_portfolio(ctx: _Ctx, h: Hit, s1: int) -> int | None:
    """der EU-Kommissar für Erweiterung und europäische Nachbarschaftspolitik Štefan Füle (moves h.end)."""
    doc = ctx.doc
    if not (h.end + 2 < s1 and doc[h.end].lower_ == "für" and h.det != "indef"):
        return None
    for j in range(h.end + 2, min(h.end + 9, s1)):
        if doc[j].text in ctx.w.punct_stop and doc[j].text != ",":
            break
        if doc[j].pos_ in ("VERB", "AUX"):
            break
        if doc[j].text == ",":
            n2 = _name_at(ctx, j + 1, s1)
            if n2 is not None:
                h.end = j + 1
                return n2
            break
        if (j in ctx.per_start or doc[j].text in ctx.given) and _name_at(ctx, j, s1) is not None:
            h.end = j
            return _name_at(ctx, j, s1)
    return None


@binding("title_name")
def title_name(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """US-Vizepräsident J. D. Vance; dem ukrainischen Präsidenten Wolodymyr Selenskyj."""
    doc, p, s0, s1 = ctx.doc, ctx.p, site.s0, site.s1
    ns = None                                            # the name's start after academic titles
    n_end = None if _academic_at(ctx, h.end, s1) else _name_at(ctx, h.end, s1)
    if n_end is None and _after_academic(ctx, h.end, s1) > h.end:
        ns = _after_academic(ctx, h.end, s1)            # "Chefarzt Dr. Peter Lang"
        n_end = _name_at(ctx, ns, s1)
    if n_end is None:
        n_end = _name_after_place(ctx, h, s1)
    if n_end is None:
        n_end = _name_after_portfolio(ctx, h, s1)
    if n_end is None and h.end < s1 and ctx.actor_rules is not None and doc[h.end].text in ctx.actor_rules.evidence_given \
            and doc[h.end].ent_type_ in ("", "PER"):
        n_end = _name_from_given(ctx, h.end, s1)       # "Torhüter [Maarten]NOUN [Stekelenburg]LOC": any first name
    if n_end is None and (ns := _name_in_parentheses(ctx, h, s1)) is not None:
        n_end = _name_at(ctx, ns, s1)                   # "der Bundespräsident (Horst Köhler)"
    n_end = _genitive_after_title(ctx, h, n_end, s0, s1)
    if n_end is not None and _no_holder_name(ctx, h, n_end, s0, s1):
        n_end = None
    if n_end is not None and h.det != "indef":
        h.binding, h.name = "title_name", (h.end if ns is None else ns, n_end)
        if h.category in p.post_name_org_categories or h.title.generic \
                or (h.org is None and h.category in p.post_name_org_if_none_categories):
            _post_name_org(ctx, h, n_end, s1)     # "Der Abgeordnete Kevin Kühnert von der SPD"
        if h.org is None and h.category in ("head_of_state_or_government", "minister") and n_end + 1 < s1:
            _post_name_place(ctx, h, n_end, s1)   # "Ministerpräsidentin Manuela Schwesig (SPD) aus Mecklenburg-Vorpommern"
        if h.org is None and h.category in p.post_name_org_if_none_categories and n_end + 2 < s1 \
                and doc[n_end].text == "(" and doc[n_end + 2].text == ")":
            _set_org(h, _paren_org(ctx, n_end + 1, n_end + 2), "post_name")   # "Die Europaabgeordnete X (SPD)"
        return True
    return False


def _genitive_after_title(ctx: _Ctx, h: Hit, n_end: int | None, s0: int, s1: int) -> int | None:
    """The name end after a title when one word in -s follows it: the holder of "Bundeskanzler Schröders Reformen",
    none for "Antony Blinken, Außenminister Bidens, …", an unknown country in the genitive ("der Präsident Fidschis,
    Qarase": h.end moves past it), but no country of a person's genitive ("Die Sprecherin Putins, Maria Sacharowa")."""
    doc = ctx.doc
    if n_end is None:
        return _prenominal_genitive_holder(ctx, h, s1)
    if _kind_name_comma_name(ctx, h, n_end, s1):
        return None
    if n_end == h.end + 1 and _genitive_possessor(ctx, h, s0, s1):
        h.end = n_end
        return None
    if n_end == h.end + 1 and doc[h.end].text.endswith("s") and n_end + 1 < s1 and doc[n_end].text == "," \
            and _name_at(ctx, n_end + 1, s1) is not None and h.org is None:
        if _person_genitive(ctx, h.end, weak=True):
            h.extra["person_genitive"] = True
        else:
            _set_org(h, doc[h.end].text[:-1], "genitive")
        h.end = n_end
        return None
    return n_end


def _kind_name_comma_name(ctx: _Ctx, h: Hit, n_end: int, s1: int) -> bool:
    """Rule ``kind_name_comma_name`` (role16): "Der Vorsitzende des Kunstvereins Muldeaue, Friedrich-Wilhelm
    Spangenberg, bedauerte", "Der Verwaltungsratspräsident des Spitals Bachtel, Urs Häfliger": the word(s) right
    after a genitive complement that ends in a common noun name that noun's organisation, not the title's holder,
    when a comma and a person's name follow them; the title's phrase then takes them in (h.end moves to the comma,
    the organisation gets the name: "Kunstverein Muldeaue") and title_comma_name binds the name after the comma.
    Off: roles.yaml patterns.kind_name_comma_name: false."""
    doc, k = ctx.doc, h.end - 1
    if not (ctx.p.kind_name_comma_name and h.det == "def" and k > h.head and doc[k - 1].lower_ in ("des", "der")
            and doc[k].pos_ in ("NOUN", "PROPN", "ADJ") and _capitalized(doc[k]) and doc[k].is_alpha and k not in ctx.ent_of
            and _analyze(ctx, doc[k]) is None and n_end <= h.end + 2 and n_end + 1 < s1
            and doc[n_end].text == "," and _name_at(ctx, n_end + 1, s1) is not None):
        return False
    name = doc[h.end:n_end].text
    if h.org is not None and doc[k].lower_.startswith(h.org.split()[-1].lower()):
        h.org = f"{h.org} {name}"
    h.end = n_end
    return True


def _person_genitive(ctx: _Ctx, i: int, weak: bool = False) -> bool:
    """Rule ``person_genitive``: the one word at ``i`` is a person's name in the genitive ("Putins", "Schröders"): a
    word in -s whose stem is a word of a person's name in the article (PER entity or person actor) or a known first
    name, itself no known first name ("Andreas"); ``weak``: also the word itself tagged PER or of a person actor. Off:
    roles.yaml ``patterns.person_genitive``."""
    doc, t = ctx.doc, ctx.doc[i].text
    if not (ctx.p.person_genitive and len(t) > 3 and t.endswith("s") and t[:1].isupper() and t[1:].islower()) \
            or t in ctx.given:                # "Andreas", "Jonas": a first name in -s, not "Andrea"'s
        return False
    stem = t[:-1]
    if stem in ctx.person_words or stem in ctx.given or any(doc[e - 1].text == stem for e in ctx.per_start.values()):
        return True
    ent = ctx.ent_of.get(i)
    return weak and (i in ctx.per_start or ent is not None and ent.label_ == "PER")


def _genitive_possessor(ctx: _Ctx, h: Hit, s0: int, s1: int) -> bool:
    """Rule ``person_genitive``: "Antony Blinken, Außenminister Bidens, reiste": a title in apposition after a name,
    then one word in -s before punctuation that is a person's genitive, names the possessor, not the holder; the
    office is no home-country one (no national default). Any other place needs the stem named in the article."""
    doc, j = ctx.doc, h.end
    if not (h.det == "none" and j + 1 < s1 and doc[j + 1].is_punct and ctx.per_start.get(j, j + 1) == j + 1):
        return False
    a = h.np_start
    appos = a - 2 >= s0 and doc[a - 1].text == "," and doc[a - 2].pos_ == "PROPN"
    if not _person_genitive(ctx, j, weak=appos):
        return False
    h.extra["person_genitive"] = True
    if h.org_rank <= _RANK["default"]:
        h.org, h.org_rank = None, 0       # the national default of the scan: not a home-country office
    return True


def _prenominal_genitive_holder(ctx: _Ctx, h: Hit, s1: int) -> int | None:
    """Rule ``prenominal_genitive_holder``: "Gerhard Schröder regierte. Bundeskanzler Schröders Reformen
    scheiterten.": a title without article, then the genitive of a person's name the article gave (one word in -s,
    :func:`_person_genitive`) and the noun it qualifies: the name is the holder ("Stellvertreter Johnsons" with no noun
    after it stays the possessor's title). Off: roles.yaml ``patterns.prenominal_genitive_holder``."""
    doc, j = ctx.doc, h.end
    if not (ctx.p.prenominal_genitive_holder and h.det == "none" and j + 1 < s1 and h.end == h.head + 1
            and ctx.per_start.get(j, j + 1) == j + 1 and _person_genitive(ctx, j)):
        return None
    nxt = doc[j + 1]
    return j + 1 if nxt.pos_ == "NOUN" and _capitalized(nxt) and j + 1 not in ctx.ent_of else None


def _no_holder_name(ctx: _Ctx, h: Hit, n_end: int, s0: int, s1: int) -> bool:
    """The name found after the title is no holder: "als US-Senator Bande geknüpft" (no entity, no name), a plural
    title before one name (:func:`_plural_names_no_one`), the rest of an entity the complement cut
    (:func:`_complement_inside_entity`)."""
    doc = ctx.doc
    if h.end not in ctx.per_start and h.np_start - 1 >= s0 and doc[h.np_start - 1].lower_ == "als":
        return True
    return _plural_names_no_one(ctx, h, n_end, s1) or _complement_inside_entity(ctx, h)


def _complement_inside_entity(ctx: _Ctx, h: Hit) -> bool:
    """Rule ``complement_inside_entity``: "Reinhold Riebl, erster Bevollmächtigter der [IG Metall Ulm]ORG", "am
    Geburtstag des Königs in [Chiang Mai Poster]LOC": the title's complement ends inside an organisation or place
    entity; the rest of that entity is no holder's name (but "[Human Rights Watch-Sprecher Malinowski]ORG": the title
    word itself, no complement, before the name; "Vorstandschef der [Deutschen Bank Josef Ackermann]ORG", "Die
    Vorsitzende der [Linken Gesine Lötzsch]ORG": a rest that starts with a known first or person's name, or of two or
    more words whose first is a proper noun and no month). Off: roles.yaml ``patterns.complement_inside_entity: false``."""
    j = h.end
    ent = ctx.ent_of.get(j)
    if not (ctx.p.complement_inside_entity and j - 1 > h.head and ent is not None and ent.label_ != "PER"
            and ctx.ent_of.get(j - 1) is ent):
        return False
    t = ctx.doc[j]
    return not (t.text in ctx.given or t.text in ctx.person_words
                or ent.end - j >= 2 and t.pos_ == "PROPN" and t.lower_ not in ctx.w.months)


def _plural_names_no_one(ctx: _Ctx, h: Hit, n_end: int, s1: int) -> bool:
    """A plural title before one name that is not coordinated with another: "sollen Polizisten Knüppel eingesetzt
    haben" (plural by form), and rule ``plural_form_single_name``: "der von den Ermittlern Demjanjuk zugeordnet wurde"
    (a definite title in a form that is only plural): the name belongs to another phrase."""
    doc = ctx.doc
    coordinated = n_end + 1 < s1 and doc[n_end].lower_ in ("und", "sowie", ",")
    if ctx.p.plural_form_single_name and h.plural and h.extra.get("plural_form") and h.det == "def" \
            and not coordinated:
        return True
    return bool(h.extra.get("plural_by_form")) and not (coordinated and _name_at(ctx, n_end + 1, s1))


def _name_in_parentheses(ctx: _Ctx, h: Hit, s1: int) -> int | None:
    """Rule ``name_in_parentheses``: "Danach hat der Bundespräsident (Horst Köhler) drei Wochen Zeit": a PER entity
    that fills a parenthesis right after the title word is the holder (its first token, else None); not after a
    complement, where a parenthesis glosses the organisation ("der Fraktion CSV (Chrëschtlech Sozial
    Vollekspartei), Michel Wolter")."""
    doc, j = ctx.doc, h.end
    if not (j == h.head + 1 and j + 2 < s1 and doc[j].text == "(" and j + 1 in ctx.per_start):
        return None
    e = ctx.per_start[j + 1]
    return j + 1 if e < s1 and doc[e].text == ")" else None


def _post_name_place(ctx: _Ctx, h: Hit, j: int, s1: int) -> None:
    """Rule ``post_name_place``: "Ministerpräsidentin Manuela Schwesig (SPD) aus Mecklenburg-Vorpommern",
    "Bürgermeister Peter Kurz aus Mannheim": a head of government or minister without organisation, the name
    followed (after a party in parentheses) by "aus" and a place the lexicon knows: that place."""
    doc = ctx.doc
    if j + 2 < s1 and doc[j].text == "(" and doc[j + 2].text == ")":
        j += 3
    if j + 1 < s1 and doc[j].lower_ == "aus" and _capitalized(doc[j + 1]):
        e = ctx.ent_of.get(j + 1)
        text = e.text if e is not None and e.start == j + 1 else doc[j + 1].text
        o = ctx.orgs.by_name(text)
        if o is not None and o.actor_type == "location":
            _set_org(h, o.name, "post_name")


def _academic_at(ctx: _Ctx, j: int, s1: int) -> bool:
    """Rule ``academic_title_not_name`` (role15): "Präsidentin Prof. Dr. Elke Vossberg", where NER tags "Prof." alone
    as a person: an academic title right after the role (roles.yaml patterns.academic_titles) is never the holder's
    name; the name comes after it. Off: ``patterns.academic_title_not_name: false``."""
    return ctx.p.academic_title_not_name and j < s1 and ctx.doc[j].text in ctx.p.academic_titles


def _after_academic(ctx: _Ctx, j: int, s1: int) -> int:
    """The token after academic titles at ``j`` ("Dr.", "Prof. Dr.": roles.yaml patterns.academic_titles)."""
    doc = ctx.doc
    while j + 1 < s1 and doc[j].text in ctx.p.academic_titles:
        j += 1
    return j


def _named_after(ctx: _Ctx, h: Hit, s1: int) -> tuple[int, bool]:
    """(comma after a short genitive, a name follows it): "X, dem Ministerpräsidenten Fidschis, Qarase,"."""
    doc = ctx.doc
    ca = _comma_after_genitive(ctx, h.end, s1)
    named = h.det == "def" and ca + 1 < s1 and doc[ca].text == "," and _name_at(ctx, ca + 1, s1) is not None
    if h.det == "def" and not named and ctx.p.title_dash_name:
        d = next((k for k in range(h.end, min(h.end + 4, s1)) if doc[k].text in DASHES), None)
        if d is not None and _dash_pair(ctx, d, s1) and (d == h.end or doc[h.end].lower_ in (
                "des", "der", *ctx.p.possessives) and all(doc[k].is_alpha and k not in ctx.per_start
                                                          and doc[k].pos_ not in ("VERB", "AUX")
                                                          for k in range(h.end, d))):
            return d, True            # "dem Anwalt seiner Familie – Rainer Wittner –" (rule title_dash_name)
    return ca, named


@binding("apposition")
def apposition(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """Kurt Volker, Nato-Botschafter in Trumps erster Amtszeit; Olaf Scholz (SPD), Bundeskanzler."""
    doc, s0, s1 = ctx.doc, site.s0, site.s1
    b = h.np_start
    _, named_after = _named_after(ctx, h, s1)
    if b - 4 >= s0 and doc[b - 1].lower_ == "und" and doc[b - 3].text == "," and h.det == "none" \
            and doc[b - 2].pos_ == "NOUN" and _capitalized(doc[b - 2]) and doc[b - 2].is_alpha \
            and b - 2 not in ctx.ent_of and _analyze(ctx, doc[b - 2]) is None \
            and _name_ending_at(ctx, b - 3) is not None:
        b -= 2                        # "Leo Auerbach, Gynäkologe und Leiter der ...": a profession first
    lead = _time_lead(ctx, h, b, s0) if h.det == "none" else None
    if lead is not None:              # "Anna Schmidt, seit 2019 Chefin von Vodafone", "Thomas Müller, 45, Filialleiter"
        b, former = lead
        if former:
            h.status = "former"
    if b - 2 >= s0 and doc[b - 1].text == "," and (h.det in ("none", "def", "indef") or org_possessive(h)) \
            and not named_after:                     # (… "Stefan Weil, Niedersachsens Ministerpräsident")
        nm = _name_ending_at(ctx, b - 1)
        if nm is None:
            nm = _propn_run_ending_at(ctx, b - 1, s0)      # NER missed "Andres Granier"
        if nm is None and doc[b - 2].text == ")":          # "Olaf Scholz (SPD), Bundeskanzler"
            op = next((x for x in range(b - 3, max(s0, b - 7) - 1, -1) if doc[x].text == "("), None)
            if op is not None:
                nm = _name_ending_at(ctx, op)
        if nm is not None and _clause_subject(ctx, h, s1) and nm[0] > s0:
            return False              # (a name that starts the sentence is its subject: the verb is the main clause's)
        if nm is not None and _relation_owner(ctx, nm[0], s0):
            return True               # "Der Vater von Anna Schmidt, ein pensionierter Richter": the father's, unnamed
        if nm is not None:
            h.binding, h.name = "apposition", nm
            if site.former_after:
                h.status = "former"
            return True
    return False


def _relation_owner(ctx: _Ctx, n0: int, s0: int) -> bool:
    """Rule ``apposition_relation_owner``: "Der Vater von Anna Schmidt, ein pensionierter Richter", "Die Tochter des
    Unternehmers Peter Müller, Chefin der Firma Acme": the name before the comma only owns a person noun
    (roles.yaml patterns.person_relation_nouns) that heads the phrase; the apposition describes that unnamed
    relative, not the name. Off: patterns.apposition_relation_owner: false."""
    if not ctx.p.apposition_relation_owner or not ctx.p.person_relation_nouns:
        return False
    doc = ctx.doc
    k = n0 - 1
    while k >= s0 and _analyze(ctx, doc[k]) is not None:
        k -= 1                        # "des Unternehmers Peter Müller": skip a title before the name
    if k >= s0 and doc[k].lower_ in ("von", "vom", "des", "der"):
        k -= 1
    else:
        return False
    return k >= s0 and doc[k].lower_ in ctx.p.person_relation_nouns and doc[k].pos_ in ("NOUN", "PROPN")


_SINCE = ("seit", "ab")
_MONTHS = ("januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "dezember")
_UNTIL = ("bis", "früher", "einst", "damals", "ehemals", "zuvor", "vormals")


def _time_lead(ctx: _Ctx, h: Hit, b: int, s0: int) -> tuple[int, bool] | None:
    """A short time phrase or an age between the comma and a bare title of an apposition: "seit 2019", "bis 2020",
    "von 2012 bis 2017", "früher", "45," (the new start of the phrase, and whether it marks a former office). Rule
    ``apposition_current_lead`` (role15): one adverb of roles.yaml ``patterns.apposition_current_leads`` ("derzeit",
    "bislang": "Markus Schill, bislang Technikvorstand bei Velmar") leads a current office."""
    doc = ctx.doc
    k = b - 1
    if k - 2 >= s0 and doc[k].text == "," and doc[k - 1].like_num and doc[k - 2].text == ",":
        return k - 1, False               # "Thomas Müller, 45, Filialleiter bei Aldi"
    words = []
    while k >= s0 and k > b - 6 and doc[k].text != ",":
        words.append(doc[k])
        k -= 1
    if not words or k < s0 or doc[k].text != ",":
        return None
    words.reverse()
    first = words[0].lower_
    current = ctx.p.apposition_current_leads
    if len(words) == 1 and first in current:
        return k + 1, False               # rule apposition_current_lead: "Jürgen Flimm, derzeit Leiter der Ruhrtriennale"
    if first not in _SINCE + _UNTIL + ("von", "vom") or not all(
            w.like_num or w.lower_ in _SINCE + _UNTIL + ("von", "vom", "jahren", "langem", "kurzem", "anfang", "ende",
                                                          "mitte", "jahresbeginn", "sommer", "herbst", "winter",
                                                          "frühjahr", "dem") + _MONTHS or w.lower_ in ctx.w.time_words
            for w in words):
        return None
    former = first in _UNTIL or any(w.lower_ == "bis" for w in words)
    return k + 1, former


def _clause_subject(ctx: _Ctx, h: Hit, s1: int) -> bool:
    """"sagte Sahra Wagenknecht, der Moderator habe sie unterbrochen": a finite verb right after the role
    phrase makes it the subject of the next clause, no apposition."""
    doc = ctx.doc
    if h.end >= s1 or h.det not in ("def", "indef"):
        return False
    t = doc[h.end]
    return t.pos_ in ("AUX", "VERB") and "Fin" in t.morph.get("VerbForm") and t.text[:1].islower()


def _paren_org(ctx: _Ctx, a: int, b: int) -> str | None:
    """The organisation the lexicon knows among the tokens a..b (one item in parentheses), if any."""
    o = ctx.orgs.by_name_or_genitive(ctx.doc[a:b].text) if b > a else None
    return o.name if o else None


@binding("parenthetical")
def parenthetical(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """Katja Kipping (MdB, DIE LINKE); Lisa Paus (MdB, BÜNDNIS 90/DIE GRÜNEN). (rule_id ``apposition``)

    A title as the first item in parentheses right after a person's name belongs to that name; a party
    or other known organisation as the next item is its organisation."""
    doc, s0, s1 = ctx.doc, site.s0, site.s1
    b = h.np_start
    if not (b - 2 >= s0 and doc[b - 1].text == "(" and h.det == "none"):
        return False
    nm = _name_ending_at(ctx, b - 1)
    close = next((x for x in range(h.end, min(s1, h.end + 8)) if doc[x].text in (")", "(")), None)
    if nm is None or close is None or doc[close].text != ")":
        return False
    h.binding, h.name = "apposition", nm
    if close > h.end and doc[h.end].text == ",":
        _set_org(h, _paren_org(ctx, h.end + 1, close), "post_name")
    return True


@binding("title_comma_name")
def title_comma_name(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """der Sondergesandte der Amerikaner, Keith Kellogg; dem UNMIK-Leiter im Kosovo, Joachim Rücker."""
    s1 = site.s1
    if _genitive_of_noun(ctx, h, site.s0):
        return False                  # "Die Frau des Präsidenten, Brigitte Macron": the name is the noun's
    if _office_noun_before(ctx, h, site.s0):
        return False
    c = _comma_after_title(ctx, h, s1)
    if _comma_opens_name(ctx, h, c, s1):
        c = _after_academic(ctx, c + 1, s1) - 1           # "Der Chefarzt der Unfallchirurgie, Dr. Peter Lang"
        n_end = _name_after_comma(ctx, h, c, s1)
        if n_end is not None:
            h.binding, h.name = "title_comma_name", (c + 1, n_end)
            return True
        if _comma_second_title_name(ctx, h, c, s1):
            return True
    return _indefinite_comma_name(ctx, h, c, s1) or _long_complement_comma_name(ctx, h, site)


def _comma_second_title_name(ctx: _Ctx, h: Hit, c: int, s1: int) -> bool:
    """Rule ``comma_second_title_name`` (role20): "Der Berichterstatter des Parlaments, der niederländische
    Grünen-Abgeordnete Joost van Dalen, sprach von einem Durchbruch", "Dessen Präsidentin, die Genfer Nationalrätin
    Sandrine Mathey (SP), sagte": after the comma an apposition of its own, an article, adjectives and a second title
    right before a name, then (past a parenthesis) a comma and a finite verb, or the sentence end: the name holds
    both titles (rule_id ``title_comma_name``; the second title's row is title_name's). Not a list of titles ("Der
    Präsident, der Kanzler X und der Minister Y"). Off: roles.yaml ``patterns.comma_second_title_name: false``."""
    doc = ctx.doc
    if not ctx.p.comma_second_title_name or h.plural or doc[c].text != "," \
            or doc[c + 1].lower_ not in ctx.p.determiners_definite + ctx.p.determiners_indefinite:
        return False
    k = c + 2
    while k < s1 and k < c + 5 and _analyze(ctx, doc[k]) is None and doc[k].is_alpha \
            and (doc[k].pos_ == "ADJ" or _capitalized(doc[k]) and doc[k].text.endswith("er")):
        k += 1                            # "der niederländische", "die Genfer", "der frühere"
    if k + 1 >= s1 or _analyze(ctx, doc[k]) is None:
        return False
    ns = _after_academic(ctx, k + 1, s1)
    n_end = _name_at(ctx, ns, s1)
    if n_end is None:
        return False
    e = n_end
    if e + 2 < s1 and doc[e].text == "(":
        e = next((x + 1 for x in range(e + 1, min(e + 6, s1)) if doc[x].text == ")"), e)
    ends = e >= s1 or doc[e].text in (".", "!", ":") or (
        doc[e].text == "," and e + 1 < s1 and doc[e + 1].pos_ in ("VERB", "AUX") and doc[e + 1].text[:1].islower())
    if not ends:
        return False
    h.binding, h.name = "title_comma_name", (ns, n_end)
    return True


def _comma_after_title(ctx: _Ctx, h: Hit, s1: int) -> int:
    """title_comma_name: the token after the title's phrase, past a place ("dem UNMIK-Leiter im Kosovo, Joachim
    Rücker"), a person whose title it is, a genitive complement ("dem Innenminister des Landes, Karl Moser"), an
    organisation's name and a gloss: where the comma before the name should be."""
    c = _after_place_phrase(ctx, h.end, s1)
    c = _after_person_of_title(ctx, h, c, s1)
    ca, named_after = _named_after(ctx, h, s1)
    if named_after:
        c = ca
    c = _org_name_tail(ctx, h, c, s1)
    return _after_gloss(ctx, h, c, s1)


def _after_place_phrase(ctx: _Ctx, c: int, s1: int) -> int:
    """A short phrase of "in", "im", "bei", "aus", "für" at c that ends in a comma: that comma, else c."""
    doc = ctx.doc
    if c < s1 and doc[c].lower_ in ("in", "im", "bei", "beim", "aus", "für"):
        c2 = next((k for k in range(c + 1, min(c + 5, s1)) if doc[k].text in ctx.w.punct_stop), None)
        if c2 is not None and doc[c2].text == ",":
            return c2
    return c


def _after_person_of_title(ctx: _Ctx, h: Hit, c: int, s1: int) -> int:
    """Rule title_of_person_comma_name: "der Sprecher von Bundeskanzler Olaf Scholz, Steffen Hebestreit": the person's
    Sprecher; after "von"/"vom" at c, titles and a name, the comma after the name, else c."""
    doc = ctx.doc
    if not (c < s1 and doc[c].lower_ in ("von", "vom") and h.det == "def" and h.org is None):
        return c
    k = c + 1
    while k < s1 and _analyze(ctx, doc[k]) is not None:
        k += 1
    ne = _name_at(ctx, k, s1) if k < s1 and (k in ctx.per_start or k > c + 1) else None
    if ne is not None and ne < s1 and doc[ne].text == ",":
        return ne
    return c


def _comma_opens_name(ctx: _Ctx, h: Hit, c: int, s1: int) -> bool:
    """A comma, a colon or a dash pair at c after a definite, bare or possessive title, with room for a name."""
    return c + 1 < s1 and (ctx.doc[c].text in (",", ":") or _dash_pair(ctx, c, s1)) \
        and h.det in ("def", "none", "poss", "posspers")


def _name_after_comma(ctx: _Ctx, h: Hit, c: int, s1: int) -> int | None:
    """The end of the name right after c, unless a bare title's one-word "name" goes on a list of nouns
    ("Wissenschaftler, Spezialisten, Ingenieure")."""
    doc = ctx.doc
    n_end = _name_at(ctx, c + 1, s1)
    if n_end is None:
        n_end = _name_entity_after_comma(ctx, c + 1, s1)
    if n_end is not None and h.det == "none" and n_end == c + 2 and c + 1 not in ctx.ent_of \
            and n_end + 1 < s1 and doc[n_end].text in (",", "und", "oder") \
            and (doc[n_end + 1].pos_ == "NOUN" or ctx.lex.lookup(doc[n_end + 1].text)):
        return None
    return n_end


def _long_complement_comma_name(ctx: _Ctx, h: Hit, site: Site) -> bool:
    """Rule ``long_complement_comma_name``: "Der Vertreter der Arbeitgeber im Aufsichtsrat der Bundesagentur für Arbeit
    (BA), Peter Clever, hat ... gefordert", "Der Vorsitzende der Dienstleistungsgewerkschaft ver.di, Nachfolgeorganisation
    der ÖTV, Frank Bsirske, würdigte ...": a definite singular title that opens its sentence, a complement of nouns,
    articles, adjectives and prepositions (no verb, no name, no other title; at most one nominal apposition between
    commas), then a name enclosed by a comma and a comma or verb: the subject's apposition (rule_id
    ``title_comma_name``). Off: roles.yaml ``patterns.long_complement_comma_name: false``."""
    doc, s0, s1 = ctx.doc, site.s0, site.s1
    while s0 < h.np_start and doc[s0].is_space:
        s0 += 1                       # (a paragraph break opens the sentence)
    inverted = _long_complement_inverted(ctx, h, s0)
    if not ctx.p.long_complement_comma_name or h.det != "def" or h.plural or (h.np_start != s0 and not inverted):
        return False
    if any(t.pos_ == "ADJ" and t.lower_.endswith(("ste", "sten", "ßte", "ßten")) for t in doc[h.np_start:h.head]):
        return False                  # "Der größte Beethoven-Dirigent des Jahrhunderts, X": a ranking, no office
    commas = 0
    for k in range(h.end, min(h.end + 20, s1 - 1)):
        t = doc[k]
        if t.pos_ in ("VERB", "AUX") or k in ctx.per_start or t.text in (";", ":", "„", "“", "\"") \
                or _analyze(ctx, t) is not None:
            return False
        if t.text != ",":
            continue
        n_end = _name_at(ctx, k + 1, s1)
        if n_end is not None and n_end < s1 and (doc[n_end].text == "," or doc[n_end].pos_ in ("VERB", "AUX")
                                                 or inverted and n_end == s1 - 1 and doc[n_end].text == "."):
            h.binding, h.name = "title_comma_name", (k + 1, n_end)
            return True
        commas += 1
        if commas > 1 or not _capitalized(doc[k + 1]) or doc[k + 1].pos_ != "NOUN":
            return False              # (a second apposition; a clause after the comma)
    return False


def _long_complement_inverted(ctx: _Ctx, h: Hit, s0: int) -> bool:
    """Rule ``long_complement_inverted`` (role20): the subject of long_complement_comma_name after an adverb that
    opens the sentence ("Auch der Vorsitzende des Schwimmvereins SV Esslingen 1911, Rainer Köstlin, zeigte sich
    enttäuscht") or after the speech verb of a quotation or a clause before it (", erklärte der Landesbezirksleiter
    Bayern der Gewerkschaft, Ralf Hübschmann."): there the name may also end the sentence. Off: roles.yaml
    ``patterns.long_complement_inverted: false``."""
    doc, b = ctx.doc, h.np_start
    if not ctx.p.long_complement_inverted or b - 1 < s0:
        return False
    v = doc[b - 1]
    if b - 1 == s0 or all(doc[x].is_space for x in range(s0, b - 1)):
        return v.pos_ == "ADV" and v.is_alpha
    return v.pos_ in ("VERB", "AUX") and v.text[:1].islower() and v.lemma_ in ctx.p.statement_verbs and doc[b - 2].text in (",", "“", "\"", "«", "»", ":")


def _genitive_of_noun(ctx: _Ctx, h: Hit, s0: int) -> bool:
    """A definite title in the genitive of a person noun ("Die Frau des Präsidenten, Brigitte Macron")."""
    doc, b = ctx.doc, h.np_start
    return h.det == "def" and doc[b].lower_ in ("des", "der") and b - 1 >= s0 and doc[b - 1].pos_ in ("NOUN", "PROPN") \
        and _capitalized(doc[b - 1]) and doc[b - 1].is_alpha and _person_noun(ctx, doc[b - 1])


DASHES = ("–", "—")


def _dash_pair(ctx: _Ctx, c: int, s1: int) -> bool:
    """Rule ``title_dash_name``: "mit dem Anwalt seiner Familie – Rainer Wittner – sagte dieser": a name between a
    pair of dashes right after the title is an apposition like one between commas (rule_id ``title_comma_name``).
    Off: roles.yaml patterns.title_dash_name: false."""
    doc = ctx.doc
    if not (ctx.p.title_dash_name and doc[c].text in DASHES):
        return False
    n_end = _name_at(ctx, c + 1, s1)
    return n_end is not None and n_end < s1 and doc[n_end].text == doc[c].text


def _office_noun_before(ctx: _Ctx, h: Hit, s0: int) -> bool:
    """Rule ``office_noun_comma_name``: "Der Kandidat für das Amt des Oberbürgermeisters, Max Meier", "der Nachfolger
    des Parteichefs, Lars Klingbeil": a title in the genitive of an office noun (roles.yaml patterns.office_nouns, but
    not "Wahl": "die Wahl des Präsidenten, Joe Biden") names the office; the name after the comma is the candidate's
    or successor's, not the office's holder. [] office_nouns switches it off with the other office rules."""
    doc, b = ctx.doc, h.np_start
    return h.det in ("def", "indef") and doc[b].lower_ in ("des", "der", "eines", "einer") and b - 1 >= s0 \
        and doc[b - 1].lower_ in ctx.p.office_nouns and not doc[b - 1].lower_.startswith("wahl")


def _org_name_tail(ctx: _Ctx, h: Hit, c: int, s1: int) -> int:
    """Rule ``org_name_tail``: "Die Vorsitzende der Gewerkschaft Erziehung und Wissenschaft (GEW), Maike Finnern",
    "Der Präsident der Bundesanstalt für Finanzdienstleistungsaufsicht (Bafin), Mark Branson": the organisation's
    name goes on after the title's complement (capitalised nouns joined by "und", "für", articles; no title, no
    verb) up to a parenthesis or a comma: that position (``c`` unchanged otherwise). Where the parenthesis holds an
    organisation the lexicon knows ("GEW"), that is the organisation."""
    doc = ctx.doc
    if h.org is None or h.det != "def" or c >= s1 or doc[c].text in (",", "(") or not ctx.p.org_name_tail:
        return c
    k = c
    while k < min(c + 6, s1) and _analyze(ctx, doc[k]) is None and (
            doc[k].lower_ in ("und", "für", "der", "des", "die", "&")
            or (_capitalized(doc[k]) and doc[k].is_alpha and doc[k].pos_ in ("NOUN", "PROPN") and k not in ctx.per_start)):
        k += 1
    if k == c or k >= s1 or doc[k].text not in (",", "(") or doc[k - 1].lower_ in ("und", "für", "der", "des", "die"):
        return c
    if doc[k].text == "(" and k + 2 < s1 and doc[k + 2].text == ")" \
            and (o := ctx.orgs.by_name(doc[k + 1].text)) is not None and o.actor_type != "location":
        h.org = o.name                # "(GEW)": the known organisation rather than the cut complement
    return k


def _after_gloss(ctx: _Ctx, h: Hit, c: int, s1: int) -> int:
    """Rule ``gloss_before_comma_name``: "Der Präsidentschaftskandidat des Front de gauche (Linksfront), Jean-Luc
    Mélenchon", "der Präsident der Parlamentsfraktion CSV (Chrëschtlech Sozial Vollekspartei), Michel Wolter": a
    parenthesis (a translation, the long form or an acronym of the organisation) right after the title's complement,
    then a comma: the comma after it (``c`` unchanged otherwise)."""
    doc = ctx.doc
    if not (h.org is not None and c + 1 < s1 and doc[c].text == "("):
        return c
    close = next((k for k in range(c + 1, min(c + 8, s1)) if doc[k].text == ")"), None)
    if close is None or close + 1 >= s1 or doc[close + 1].text != "," \
            or any(doc[k].pos_ in ("VERB", "AUX") for k in range(c + 1, close)):
        return c
    return close + 1


def _person_noun(ctx: _Ctx, t) -> bool:
    """A noun naming a person (a title, or roles.yaml patterns.person_relation_nouns) whose genitive title may be
    followed by that person's name (rule_id ``genitive_event_name`` when it is not: "der Rücktritt des
    Porsche-Chefs, Wendelin Wiedeking" binds the name to the title)."""
    if not ctx.p.person_relation_nouns:
        return True
    low = t.lower_
    return low in ctx.p.person_relation_nouns or _analyze(ctx, t) is not None or t.pos_ == "PROPN" \
        or low.endswith(("frau", "mann", "tochter", "sohn"))


def _indefinite_comma_name(ctx: _Ctx, h: Hit, c: int, s1: int) -> bool:
    """"Ein Sprecher der Polizei, Thomas Weber, bestätigte": an indefinite title with a name enclosed in commas
    right before the verb (rule_id ``title_comma_name``)."""
    doc = ctx.doc
    if not (c + 1 < s1 and doc[c].text == "," and h.det == "indef" and not h.plural
            and doc[h.np_start].lower_ in ("ein", "eine")):
        return False
    n_end = _name_at(ctx, c + 1, s1)
    if n_end is not None and n_end + 1 < s1 and doc[n_end].text == "," and doc[n_end + 1].pos_ in ("VERB", "AUX"):
        h.binding, h.name = "title_comma_name", (c + 1, n_end)
        return True
    return False
