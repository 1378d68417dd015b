"""Mentions -> the actors of one article: persons through :mod:`.names`, organisations and
places through ``organizations.yaml``, then one actor per name."""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.extract.view import doc_span
from pipeline.records import Actor, Mention
from pipeline.ruleset import RuleSet

from .layer import kind_noun_before
from .orgs import acronym_aliases
from .names import _canonical_person, _resolve_persons, _strip_gen, _trim_genitive_heads
from .persons import _verb_form
from .rules import ACTOR_TYPES, KEY_PREFIX, actor_rules


def _norm(text: str) -> str:
    return " ".join(text.split())


class _Actors:
    """The actors of one article under construction, and which actor each mention went to."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.keys: dict[Mention, str] = {}
        self.person_names: dict[str, str] = {}        # lower surface (and surname) -> key

    def add(self, key: str, name: str, atype: str, m: Mention) -> None:
        a = self.actors.setdefault(key, Actor(key=key, name=name, actor_type=atype))
        a.mentions.append(m)
        self.keys[m] = key

    def move(self, a: Actor, into: Actor) -> None:
        into.mentions.extend(a.mentions)
        for m in a.mentions:
            self.keys[m] = into.key
        del self.actors[a.key]


def _add_persons(acc: _Actors, mentions: list[Mention], rules: RuleSet, doc: Doc | None = None) -> None:
    ar = actor_rules(rules)
    per = [m for m in mentions if m.label == "PER" and _norm(m.text).lower() not in ar.not_names]
    for p in _resolve_persons(_trim_genitive_heads(per, ar), ar):
        name = _canonical_person(p, ar)
        name = _nominative_name(doc, name, p.mentions, rules) if doc is not None else name
        key = f"PER:{name.lower()}"
        for m in p.mentions:
            acc.add(key, name, "person", m)
            acc.person_names.setdefault(_norm(m.text).lower(), key)
        for _, s in p.full:
            acc.person_names.setdefault(" ".join(s).lower(), key)


def _nominative_name(doc: Doc, name: str, mentions: list[Mention], rules: RuleSet) -> str:
    """names_prenominal_genitive: "Stanley Kubricks Film", "Rudyard Kiplings Dschungelbuch", "Papst Benedikts erste
    Enzyklika": a person's name met only in the genitive is named in the nominative where every mention of that form
    is a genitive by its place (:func:`_genitive_use`). names_known_nominative: "die Truppen des Kaiser Napoleons",
    "die Musik Mozarts": a person of one name is named by the form without -s where actors.yaml knows it
    (known_persons: Napoleon, Mozart). "Michael Collins lenkte", "Rhys Jones wurde", "Präsident Abbas sagte"
    keep their -s, and so does a first name or a known person of the lists ("Thomas Buch", "Bill Gates
    zweitreichsten")."""
    ar = actor_rules(rules)
    last = name.split()[-1]
    base = _strip_gen(last)
    if base == last or not last.endswith("s") or len(base) < 3 or last in ar.evidence_given \
            or last in ar.known_persons:
        return name
    forms = [m for m in mentions if _norm(m.text).split()[-1] == last]
    if not forms:
        return name
    known = " " not in name and base in ar.known_persons and last not in ar.known_persons
    if not known and not all(_genitive_use(doc, m) for m in forms):
        return name
    return name[: len(name) - len(last)] + base


def _genitive_use(doc: Doc, m: Mention) -> bool:
    """The mention's last word stands where German puts a genitive: before a common noun, also after lower-case
    adjectives ("Benedikts erste Enzyklika")."""
    sp = doc_span(doc, m.start, m.end)
    return sp is not None and _noun_after(doc, sp.end)


def _noun_after(doc: Doc, i: int) -> bool:
    """A capitalised common noun at token ``i``, or a capitalised word after at most two lower-case adjectives
    there, the last of them inflected ("erste Enzyklika", "vermeintlich größte Konkurrentin"; the tagger reads some
    such nouns as proper nouns; "Barry Bonds erneut zwei Rekorde", "spielte Haas phasenweise starkes Tennis" are
    no genitives, nor is a verb form the tagger read as an adjective: "Tim Höttges kündigte Investitionen an")."""
    k = i
    while k < len(doc) and k - i < 2 and doc[k].pos_ == "ADJ" and doc[k].text.isalpha() \
            and doc[k].text.islower() and not doc[k].is_sent_start:
        if _verb_form(doc[k].lower_):
            return False            # "Tim Höttges kündigte Investitionen an": a preterite the tagger read as an adjective
        k += 1
    nxt = doc[k] if k < len(doc) else None
    if nxt is None or not nxt.text[:1].isupper() or nxt.is_sent_start or nxt.ent_type_:
        return False
    if k > i and not doc[k - 1].text.endswith(("e", "en", "er", "es", "em")):
        return False
    return nxt.pos_ == "NOUN" or (k > i and nxt.pos_ == "PROPN")


def _other_actor(m: Mention, orgs, org_nouns: tuple[str, ...], gaz=None) -> tuple[str, str]:
    """(name, actor type) of a non-person mention."""
    text = _norm(m.text)
    org = orgs.by_name_or_genitive(text) if orgs is not None else None
    if org is not None:
        return org.name, org.actor_type
    atype = ACTOR_TYPES[m.label]
    if atype == "organization":
        text = _place_genitive(text, gaz)
    head = text.split()[-1].split("-")[-1].lower()
    if atype in ("location", "other") and org_nouns and head.endswith(org_nouns):
        atype = "organization"    # "[Ukraine-Taskforce]LOC", "[Nationale Sicherheitsrat]MISC"
    return text, atype


def _place_genitive(text: str, gaz) -> str:
    """"Borussia Dortmunds (Spieler)" -> "Borussia Dortmund": an organisation's name of several words whose last
    word is a place of the gazetteer in the genitive is named in the nominative."""
    words = text.split()
    if gaz is None or len(words) < 2 or _strip_gen(words[-1]) == words[-1]:
        return text
    base = _strip_gen(words[-1])
    return " ".join(words[:-1] + [base]) if gaz.label(base) == "LOC" and gaz.label(words[-1]) == "LOC" else text


def _add_others(acc: _Actors, mentions: list[Mention], rules: RuleSet, doc: Doc) -> None:
    orgs, rl = rules.get("organizations"), rules.get("roles")
    org_nouns = tuple(rl.patterns.org_nouns) if rl is not None else ()
    for m in mentions:
        if m in acc.keys or m.label not in ACTOR_TYPES:
            continue
        low = _norm(m.text).lower()
        # a person name that NER labelled ORG/LOC/MISC elsewhere
        key = acc.person_names.get(low) or acc.person_names.get(_strip_gen(low))
        if key is not None and not (m.label == "ORG" and kind_noun_before(doc, m.start, rules)):
            acc.add(key, "", "person", m)
            continue
        if m.label == "PER":
            continue
        name, atype = _other_actor(m, orgs, org_nouns, rules.get("gazetteer"))
        if atype == "organization":
            name = _institution_nominative(name, rules)
        acc.add(f"{KEY_PREFIX[atype]}:{name.lower()}", name, atype, m)


def _institution_nominative(name: str, rules: RuleSet) -> str:
    """"Ein Sprecher des Polizeipräsidiums Oberbayern Süd" -> "Polizeipräsidium Oberbayern Süd", "des Landratsamts" ->
    "Landratsamt", "des Bildungsausschusses" -> "Bildungsausschuss": an authority's name (org_institution) or a body's
    (org_body_noun) met in the genitive is named in the nominative."""
    from .orgs import body_base, institution_word
    first, _, rest = name.partition(" ")
    if rules.get("words") is None or not first[:1].isupper():
        return name
    if rest.startswith(("in ", "von ")) and len(rest.split()) >= 2 and institution_word(first.lower(), rules):
        rest = rest.split(" ", 1)[1]        # org_institution_place_pp: "Polizei in Berlin" -> "Polizei Berlin"
        name = f"{first} {rest}"
    base = institution_word(first.lower(), rules) or _administration_base(first.lower(), rules) \
        or body_base(first.lower(), rules)     # (ent17) org_body_noun: "des Bildungsausschusses" -> "Bildungsausschuss"
    if base is None or len(base) >= len(first) or not first.lower().startswith(base):
        return name
    return first[:len(base)] + (" " + rest if rest else "")


def _administration_base(low: str, rules: RuleSet) -> str | None:
    """"Ein Sprecher des Landkreises Harz" -> "Landkreis Harz", "des Freistaats Bayern" -> "Freistaat Bayern": a
    territorial body's noun in the genitive (org_city_administration; both forms in words.yaml
    administration_words) is named in its base form."""
    from .rules import word_list
    words = word_list(rules, "administration_words")
    if low not in words:
        return None
    return next((low[:-k] for k in (2, 1) if low.endswith("es"[-k:]) and low[:-k] in words), None)


def _merge_genitive_forms(acc: _Actors) -> None:
    """Genitive forms of unknown organisations/places: "Ukraine-Kontaktgruppes" is rare, "Bayers" is not."""
    for a in list(acc.actors.values()):
        if a.actor_type == "person" or a.key not in acc.actors:
            continue
        base = _strip_gen(a.name)
        other = f"{KEY_PREFIX[a.actor_type]}:{base.lower()}"
        if base != a.name and other in acc.actors and other != a.key:
            acc.move(a, acc.actors[other])


def _merge_same_name(acc: _Actors) -> None:
    """One actor per name: an unknown organisation tagged ORG here and LOC there gets the majority type."""
    by_name: dict[str, list[Actor]] = {}
    for a in acc.actors.values():
        if a.actor_type != "person":
            by_name.setdefault(a.name.lower(), []).append(a)
    order = ("organization", "location", "other")
    for group in by_name.values():
        if len(group) < 2:
            continue
        keep = max(group, key=lambda a: (len(a.mentions), -order.index(a.actor_type)))
        for a in group:
            if a is not keep:
                acc.move(a, keep)


def _merge_legal_form(acc: _Actors, rules: RuleSet) -> None:
    """"Die Blaser GmbH ... Blaser teilte mit": an organisation named without its legal form is the one named
    with it (words.yaml actors.legal_forms_cased); the fuller name stays."""
    words = rules.get("words")
    forms = words("actors", "legal_forms_cased") if words is not None else frozenset()
    by_name = {a.name: a for a in acc.actors.values() if a.actor_type == "organization"}
    for a in list(by_name.values()):
        parts = a.name.split()
        if len(parts) >= 2 and parts[-1] in forms:
            short = by_name.get(" ".join(parts[:-1]))
            if short is not None and short.key in acc.actors and short.key != a.key:
                acc.move(short, a)


def _merge_legal_short_name(acc: _Actors, rules: RuleSet) -> None:
    """org_legal_form_short_name (ent16): "Die Chefin der Kerber Hausgeräte GmbH … Kerber soll künftig …": an
    organisation named by one word is the one organisation named with that first word and a legal form (the layer
    labels the word ORG); not where two such names share the word."""
    words = rules.get("words")
    forms = words("actors", "legal_forms_cased") if words is not None else frozenset()
    amp = words("actors", "ampersand_company_words") if words is not None else frozenset()
    orgs = [a for a in acc.actors.values() if a.actor_type == "organization"]
    full: dict[str, list] = {}
    for a in orgs:
        parts = a.name.split()
        if len(parts) >= 3 and (parts[-1] in forms or parts[-2] == "&" and parts[-1].lower() in amp):
            # (org_ampersand_company, ent19: "Berger & Söhne … Berger hatte")
            full.setdefault(parts[0], []).append(a)
    for a in orgs:
        into = full.get(a.name)
        if into is not None and len(into) == 1 and a.key in acc.actors and a.key != into[0].key:
            acc.move(a, into[0])


def _merge_acronyms(acc: _Actors, doc: Doc, mentions: list[Mention]) -> None:
    """"Der BUND Naturschutz (BN) ... der BN": the acronym given in parentheses after a name is that actor
    (:func:`.orgs.acronym_aliases`; the rule ``org_acronym_alias`` makes its bare uses mentions)."""
    for acr, full in acronym_aliases(doc, mentions).items():
        into_key = acc.keys.get(full)
        into = acc.actors.get(into_key) if into_key else None
        if into is None:
            continue
        for a in list(acc.actors.values()):
            if a is not into and a.key in acc.actors and any(_strip_gen(m.text) == acr or m.text == acr
                                                              for m in a.mentions) \
                    and all(_strip_gen(m.text) == acr or m.text == acr for m in a.mentions):
                acc.move(a, into)


def _merge_institution_bare(acc: _Actors, rules: RuleSet) -> None:
    """"Die Polizei Köln nahm ... fest. ... Ein Sprecher der Polizei sagte": an authority named by its common noun
    alone ("Polizei", "Gericht" of "Gerichtssprecher", "Landratsamts") is the one authority of the article named with
    that noun and its place ("Polizei Köln", "Landgericht Frankfurt", "Landratsamt Rosenheim"); kept apart where the
    article names two of them (org_institution)."""
    from .orgs import institution_word
    heads = rules["words"]("actors", "institution_heads") if rules.get("words") is not None else frozenset()
    orgs_ = [a for a in acc.actors.values() if a.actor_type == "organization"]
    for a in orgs_:
        if a.key not in acc.actors or " " in a.name:
            continue
        low = a.name.lower()
        bare = institution_word(low, rules) or (low if low in heads else _strip_gen(low) if _strip_gen(low) in heads
                                               else None)
        if bare is None:
            continue
        fuller = [b for b in orgs_ if b is not a and b.key in acc.actors
                  and _institution_match(_institution_first(b.name), bare, rules, len(b.name.split()) >= 2)]
        if len(fuller) == 1:
            acc.move(a, fuller[0])


def _institution_first(name: str) -> str:
    """The authority's noun of an organisation name, lower case: its first word, or the second after a place
    adjective ("Berliner Polizei": org_institution_place_adjective)."""
    words = name.lower().split()
    return words[1] if len(words) == 2 and words[0].endswith("er") and name[:1].isupper() else words[0]


def _institution_match(first: str, bare: str, rules: RuleSet, placed: bool) -> bool:
    """The first word of a fuller name is that authority: the same noun with its place (``placed``), or a compound
    of it or it of that ("Landgericht" of "Gericht", "Bundesinnenministerium" of "Ministerium", "Polizeipräsidium" of
    "Polizei")."""
    from .orgs import institution_word
    word = institution_word(first, rules)
    return word is not None and (word == bare and placed or word != bare and (word.endswith(bare)
                                                                               or word.startswith(bare)))


def resolve(doc: Doc, mentions: list[Mention], rules: RuleSet) -> tuple[list[Actor], dict[Mention, str]]:
    """Group mentions into actors (one per person/organisation per article)."""
    acc = _Actors()
    _add_persons(acc, mentions, rules, doc)
    _add_others(acc, mentions, rules, doc)
    _merge_genitive_forms(acc)
    _merge_same_name(acc)
    _merge_legal_form(acc, rules)
    _merge_legal_short_name(acc, rules)
    _merge_acronyms(acc, doc, mentions)
    _merge_institution_bare(acc, rules)
    for a in acc.actors.values():
        a.mentions.sort(key=lambda x: (x.start, x.end))
    return list(acc.actors.values()), acc.keys
