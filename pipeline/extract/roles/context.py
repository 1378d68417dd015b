"""Per-Doc context of the role rules (:class:`_Ctx`): sentences, entities, lexicons."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.ruleset import RuleSet
from .. import words
from ..view import doc_columns, doc_ents, doc_tokens, sentence_bounds
from .lexicon import OrgLexicon, RoleLexicon
from .phrases import PhraseSpans
from .titles import _analyze, _lexicon_memo
from .government import article_government_country, government_head_preposition


_INITIAL = re.compile(r"^[A-ZÄÖÜ]\.$")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜa-z0-9&]*[A-ZÄÖÜ0-9]$")
_AGE = re.compile(r"^\d+-[jJ]ährig\w*$")
_PARTICLE_NAME = re.compile(r"^(al|el|as|asch|ad|ar|an|at|az|ibn|bin|abu|abd|ben|da|de|di|van|von)-[A-ZÄÖÜ]")

words.require("common", "definite_articles", "indefinite_articles")
words.require("roles", "clause_punctuation", "adverbs", "time_words", "former_copulas", "relative_clause_copulas",
              "prepositions", "dative_prepositions", "article_prepositions", "board_nouns", "organization_type_nouns", "legal_forms_cased", "pronouns_masculine",
              "pronouns_feminine", "team_nouns", "generic_org_nouns", "institution_place_nouns")


@dataclass(frozen=True)
class RoleWords:
    """The closed-class word lists of the role rules (``pipeline/rules/words.yaml``, section ``roles``)."""
    punct_stop: frozenset[str]
    adverbs: frozenset[str]
    time_words: frozenset[str]
    former_copulas: frozenset[str]
    relative_copulas: frozenset[str]
    prepositions: frozenset[str]
    board_nouns: frozenset[str]
    type_nouns: tuple[str, ...]              # (a tuple: matched with str.endswith)
    legal_forms: frozenset[str]
    determiners: frozenset[str]
    pronoun_gender: dict[str, str]
    team_nouns: frozenset[str] = frozenset()
    generic_org_nouns: frozenset[str] = frozenset()
    institution_place_nouns: tuple[str, ...] = ()    # (a tuple: matched with str.endswith)
    dative_prepositions: frozenset[str] = frozenset()
    article_prepositions: frozenset[str] = frozenset()
    months: frozenset[str] = frozenset()

    @classmethod
    def of(cls, w: words.Words) -> "RoleWords":
        return cls(punct_stop=w("roles", "clause_punctuation"), adverbs=w("roles", "adverbs"),
                   time_words=w("roles", "time_words"), former_copulas=w("roles", "former_copulas"),
                   relative_copulas=w("roles", "relative_clause_copulas"), prepositions=w("roles", "prepositions"),
                   board_nouns=w("roles", "board_nouns"),
                   type_nouns=tuple(sorted(w("roles", "organization_type_nouns"))),
                   legal_forms=w("roles", "legal_forms_cased"),
                   determiners=w("common", "definite_articles") | w("common", "indefinite_articles"),
                   pronoun_gender={**{x: "m" for x in w("roles", "pronouns_masculine")},
                                   **{x: "f" for x in w("roles", "pronouns_feminine")}},
                   team_nouns=w("roles", "team_nouns"), generic_org_nouns=w("roles", "generic_org_nouns"),
                   months=w("common", "months"),
                   institution_place_nouns=tuple(sorted(w("roles", "institution_place_nouns"))),
                   dative_prepositions=w("roles", "dative_prepositions"),
                   article_prepositions=w("roles", "article_prepositions"))


class _Given(frozenset):
    """Known first names, and hyphenated double first names of two known ones ("Frank-Jürgen", "Hans-Joachim",
    "Anna-Lena"; rule_id ``hyphen_given``): German double names are written with a hyphen and tagged as nouns."""

    def __contains__(self, text) -> bool:
        if frozenset.__contains__(self, text):
            return True
        parts = text.split("-") if isinstance(text, str) and text.count("-") == 1 else ()
        return len(parts) == 2 and all(p[:1].isupper() and frozenset.__contains__(self, p) for p in parts)


class _Ctx:
    """Everything the rules need about one Doc."""

    def __init__(self, doc: Doc, rules: RuleSet, per_spans: list[tuple[int, int]] | None = None):
        self.doc = doc
        self.lex: RoleLexicon = rules["roles"]
        self.w = rules["words"].memo("roles.RoleWords", RoleWords.of)      # once per rules load (issue 16)
        self.orgs: OrgLexicon = rules["organizations"]
        self.gazetteer = rules.get("gazetteer")
        self.p = self.lex.patterns
        self._former: PhraseSpans | None = None
        self.has_pos = doc.has_annotation("POS") or doc.has_annotation("TAG")
        self.sent_of, self.sent_bounds = _sentences(doc)
        self.per_start: dict[int, int] = {}
        self.ent_of: dict[int, Span] = {}
        self.person_words: set[str] = set()
        self.full_surnames: set[str] = set()      # last words of PER entities of two words or more ("Tom Koenigs")
        self.analyzed = _lexicon_memo(self.lex)
        self.texts = _text_counts(doc)
        ar = rules.get("actors")
        self.actor_rules = ar
        self.given = _Given(ar.given_names if ar is not None else frozenset())
        for e in doc_ents(doc):
            for i in range(e.start, e.end):
                self.ent_of[i] = e
            if e.label_ == "PER":
                st = e.start
                while st < e.end - 1 and _analyze(self, doc[st]) is not None:
                    st += 1                   # "Heereskommandeur Abdel Kader Dschassim" tagged PER
                self.per_start[st] = e.end
                self.person_words.update(t.text for t in doc[st:e.end] if t.text[:1].isupper())
                if e.end - st >= 2:
                    self.full_surnames.add(doc[e.end - 1].text)
        for s, e in per_spans or []:
            self.per_start.setdefault(s, e)

    def former_phrase_in(self, a: int, b: int) -> bool:
        """A ``former_phrases`` phrase ("außer Dienst", "von # bis #") lies inside tokens ``a`` .. ``b``."""
        if self._former is None:
            self._former = PhraseSpans(self.doc, self.lex)
        return self._former.within(a, b)

    def sent_range(self, i: int) -> tuple[int, int]:
        return self.sent_bounds[self.sent_of[i]]

    def named_orgs(self) -> set[str]:
        """Organisations the article names by a word of their own: name (or genitive), adjective, demonym."""
        named = self.__dict__.get("_named")
        if named is None:
            named = set()
            o = self.orgs
            for text in self.texts:
                low = text.lower()
                for table in (o.names, o.adjectives, o.demonyms):
                    if low in table:
                        named.add(table[low].name)
            self._named = named
        return named

    def country_counts(self) -> Counter:
        """How often the article names each country or state: name (or genitive "Italiens"), adjective, demonym,
        hyphen prefix ("US-Regierung"), names of several words ("Sierra Leone")."""
        c = self.__dict__.get("_country_counts")
        if c is None:
            c, o = Counter(), self.orgs
            types = self.lex.national_offices.blocking_types
            words = {text: w for text in self.texts if (w := self._country_word(text)) is not None}
            if words:                               # one walk over the Doc for all the words that name a country
                for i, text in enumerate(doc_columns(self.doc).text):     # (no Token per word)
                    w = words.get(text)
                    if w is not None and not self._partner_country(i, self.sent_range(i)[0]) \
                            and not self._inside_org_name(i, w):
                        c[w] += 1
            for e in doc_ents(self.doc):
                if len(e) > 1 and (x := o.by_name_or_genitive(e.text)) is not None and x.type in types:
                    c[x.name] += 1
            self._country_counts = c
        return c

    def capital_counts(self) -> Counter:
        """Rule ``capital_article_country`` (rorg18): for national_article_country, a capital named in the article
        counts for its country (roles.yaml ``patterns.capital_countries``, "Capital: Country"): "Das Parlament in
        Lissabon hat ... Premierminister Rui Teixeira Mendonça" in an article naming Portugal once -> Portugal. Not
        after a preposition of ``partner_prepositions`` ("reiste nach Lissabon"), not inside an organisation's name
        or after a capitalised noun ("Benfica Lissabon", "Universität Vilnius", "sagte er dem ARD-Studio Madrid").
        Off: ``capital_countries: []``."""
        c = self.__dict__.get("_capital_counts")
        if c is None:
            c = Counter()
            capitals = {k.strip(): v.strip() for k, _, v in (x.partition(":") for x in self.p.capital_countries)}
            if capitals and any(t in capitals for t in self.texts):
                for i, text in enumerate(doc_columns(self.doc).text):
                    country = capitals.get(text)
                    if country is not None and not self._partner_country(i, self.sent_range(i)[0]) \
                            and not self._inside_org_name(i, country) and not self._after_name_noun(i) \
                            and not (i in self.ent_of and self.ent_of[i].label_ == "PER"):
                        c[country] += 1
            self._capital_counts = c
        return c

    def _after_name_noun(self, i: int) -> bool:
        """Token ``i`` follows a capitalised noun of its sentence: part of a name ("ARD-Studio Madrid", "Benfica
        Lissabon", "Universität Vilnius"), not the place itself."""
        k = i - 1
        return k >= self.sent_range(i)[0] and self.doc[k].text[:1].isupper() and self.doc[k].pos_ in ("NOUN", "PROPN")

    def _inside_org_name(self, i: int, country: str) -> bool:
        """Rule ``org_name_place``: "Verbraucherzentrale Hessen", "Universität Hamburg": a country or state word inside
        an organisation's name (an ORG entity of several words that is not itself that country or state) places the
        organisation; the article does not name the country or state by it. Off: roles.yaml
        ``national_offices.org_name_place: false``."""
        e = self.ent_of.get(i)
        if not self.lex.national_offices.org_name_place or e is None or e.label_ != "ORG" or len(e) < 2:
            return False
        o = self.orgs.by_name_or_genitive(e.text)
        return o is None or o.name != country

    def _country_word(self, text: str) -> str | None:
        """The country or state one word names (``national_offices.blocking_types``), if any."""
        o, low = self.orgs, text.lower()
        x = o.names.get(low) or o.adjectives.get(low) or o.demonyms.get(low)
        if x is None and "-" in low:
            x = o.prefixes.get(low.split("-", 1)[0])
        return x.name if x is not None and x.type in self.lex.national_offices.blocking_types else None

    def national_blocked(self, h) -> bool:
        """The national office of ``h`` is not the home country's (``national_offices``): the article speaks of a
        state government, is about another country or state (named and the home country not, or named at least
        twice and more often than the home country; not counting destinations and partners), names a rival of the home country and not it, or the title's own sentence names another country
        or state ("In Frankreich kündigte Arbeitsminister Olivier Dussopt ... an")."""
        nat = self.lex.national_offices
        if self.__dict__.get("_state_words") is None:
            self._state_words = any(t.lower().startswith(nat.state_words) for t in self.texts)
        if self._state_words:
            return True
        counts, home = self.country_counts(), nat.organization
        skip = {home, *nat.not_blocking}
        own = counts[home] + sum(n for t, n in self.texts.items() if t.lower().startswith(nat.home_words))
        foreign = max((n for k, n in counts.items() if k not in skip), default=0)
        if foreign and (own == 0 or foreign >= nat.min_foreign_mentions and foreign > own):
            return True
        if counts[home] == 0 and any(counts[r] for r in self.lex.implied_organization_rivals.get(home, ())):
            return True                   # (Bundes- words are Austrian and Swiss too)
        s0, s1 = self.sent_range(h.head)
        return any(not h.start <= i < h.end and (x := self._country_word(self.doc[i].text)) is not None
                   and x not in skip and not self._partner_country(i, s0) for i in range(s0, s1))

    def _partner_country(self, i: int, s0: int) -> bool:
        """The country at token ``i`` is a destination or partner ("reist nach Katar", "mit der chinesischen
        Regierung"): a preposition of ``national_offices.partner_prepositions`` before it (or before its article)."""
        doc, preps = self.doc, self.lex.national_offices.partner_prepositions
        k = i - 1
        while k >= s0 and k >= i - 2 and doc[k].lower_ in self.w.determiners:
            k -= 1
        return k >= s0 and (doc[k].lower_ in preps or self._visit_place(k, s0)
                            or doc[k].lower_ == "in" and k + 1 < i and doc[k + 1].lower_ == "die")

    # (rule visit_destination also: "in die USA", "in die Ukraine" -- "in" with an accusative is a direction)

    def _visit_place(self, k: int, s0: int) -> bool:
        """Rule ``visit_destination``: "bei einem Besuch in Litauen", "während seiner Reise in die USA": "in" after a
        noun of visiting (``national_offices.visit_nouns``, word endings) names a destination, like "nach Katar"."""
        doc, nouns = self.doc, self.lex.national_offices.visit_nouns
        return bool(nouns) and doc[k].lower_ == "in" and k - 1 >= s0 and doc[k - 1].lower_.endswith(nouns)

    def national_default(self, h) -> str | None:
        """"Arbeitsminister Heil" -> Deutschland (``national_offices``), unless :meth:`national_blocked`."""
        nat = self.lex.national_offices
        if h.org is not None or h.extra.get("person_genitive"):
            return None                   # "Außenminister Bidens" (rule person_genitive): not a home-country office
        if nat.state_titles_article_state and h.title.title in nat.excluded_titles:
            return self.national_article_state(h)             # "Kultusministerin X" in an article on Sachsen
        if self.state_office_kind(h) == "state":
            return self.state_office_article_state(h)         # "Landesinnenminister": never the home country's
        if not nat.applies(h.title):
            return self.government_of_sentence(h) or self.head_article_country(h) or self.state_office_article_state(
                h) or government_head_preposition(self, h) or article_government_country(self, h)
        if h.head + 1 < len(self.doc) and self.doc[h.head + 1].lower_ in nat.blocking_next_words:
            return self.country_of_des_landes(h)
        if not self.national_blocked(h) and h.title.title not in nat.foreign_titles:
            return nat.organization       # (rule foreign_office_title: "Premierminister" is never the home country's)
        h.extra["national_blocked"] = True
        return (self.national_foreign(h) if nat.foreign_country else None) or (
            self.national_article_country(h) if nat.article_country else None) or (
            self.national_article_state(h) if nat.article_state else None) or article_government_country(self, h)

    def _named_states(self) -> set[str]:
        """German states the article names (not ``states_abroad``, not ``not_blocking``: Berlin), partners left out."""
        nat = self.lex.national_offices
        out = set()
        for k, n in self.country_counts().items():
            o = self.orgs.by_name(k)
            if n and o is not None and o.type == "state" and k not in nat.states_abroad and k not in nat.not_blocking:
                out.add(k)
        return out

    def national_article_state(self, h) -> str | None:
        """Rule ``national_article_state``: "Die baden-württembergische Landesregierung hat ... beschlossen.
        Innenminister Heribert Rech (CDU) sagte ..." -> Baden-Württemberg. A minister title blocked for the home
        country because the article speaks of a state government (``national_offices.state_words``), or a title of
        state offices only (``excluded_titles``: Kultusminister), is the office of the one German state the article
        names (name, genitive, adjective: "Thüringer", "Landtag von Mecklenburg-Vorpommern"), where the title's own
        sentence names no other country or state and (but for the state-only titles) the article names no federal
        institution (``home_words``: a federal minister may meet a state government). Off: roles.yaml ``national_offices.article_state: false``."""
        nat = self.lex.national_offices
        if not (self.__dict__.get("_state_words") or h.title.title in nat.excluded_titles):
            return None
        if h.title.title not in nat.excluded_titles and any(
                n for t, n in self.texts.items() if t.lower().startswith(nat.home_words)):
            return None                   # "Klimaschutzminister Habeck und Ministerpräsident Söder ... Bundestag"
        states = self._named_states()
        if len(states) != 1:
            return None
        state = states.pop()
        s0, s1 = self.sent_range(h.head)
        if any((x := self._country_word(self.doc[i].text)) is not None and x not in (state, *nat.not_blocking)
               and not self._partner_country(i, s0) for i in range(s0, s1)):
            return None
        return state

    def state_office_kind(self, h) -> str | None:
        """"state" (a Landtag- or Landes- office: ``patterns.state_office_prefixes``/``state_office_categories``),
        "city" (a city-state senator), "head" (``state_head_titles``) or None; None with the rule switched off."""
        p = self.lex.patterns
        if not p.state_office_article_state:
            return None
        word, title = self.doc[h.head].lower_.replace("-", ""), h.title.title.lower()
        if word.startswith(p.state_office_prefixes) and h.category in p.state_office_categories:
            return "state"
        if title.endswith(p.city_state_suffixes) and title not in p.city_state_suffixes:
            return "city"
        return "head" if h.title.title in p.state_head_titles else None

    def state_office_article_state(self, h) -> str | None:
        """Rule ``state_office_article_state`` (rorg14): "Der Landtagsabgeordnete und SPD-Fraktionschef Andreas Stoch
        sprach von einem Feldzug" in an article on schools in Baden-Württemberg -> Baden-Württemberg. An office only a
        German state has (roles.yaml ``patterns.state_office_prefixes`` with ``state_office_categories``; a city-state
        senator, ``city_state_suffixes``; a head title of ``state_head_titles`` where the article names no foreign
        country) is the office of the one German state the article names, where the title's sentence names no other
        country or state. Off: ``patterns.state_office_article_state: false``."""
        nat, kind = self.lex.national_offices, self.state_office_kind(h)
        if kind is None or h.org is not None:
            return None
        city, head = kind == "city", kind == "head"
        counts, cities = self.country_counts(), self.lex.context_organizations.city_states
        states = {k for k, n in counts.items() if n and (o := self.orgs.by_name(k)) is not None and o.type == "state"
                  and k not in nat.states_abroad and (k not in nat.not_blocking or city)}
        if len(states) != 1 or city and not states <= set(cities) or head and any(
                n and k != nat.organization and self.orgs.by_name(k).type == "country" for k, n in counts.items()):
            return None
        state = states.pop()
        s0, s1 = self.sent_range(h.head)
        if any((x := self._country_word(self.doc[i].text)) is not None and x not in (state, *nat.not_blocking)
               and not self._partner_country(i, s0) for i in range(s0, s1) if not h.start <= i < h.end):
            return None
        return state

    def government_of_sentence(self, h) -> str | None:
        """Rule ``government_of_sentence``: "Die polnische Regierung plane ein Hilfsprogramm, sagte Ministerpräsident
        Donald Tusk" -> Polen, "die Sparpolitik der Regierung Griechenlands ... bot Ministerpräsident Papandreou" ->
        Griechenland: a head of government or state (``national_offices.government_heads``) without organisation whose
        own sentence names, before the title, a government (a word with ``government_words``) of a country or state,
        by an adjective before it or a genitive after it, and no other country or state (partners and destinations
        not counted; not the home country, not a country another title of the sentence takes); not a title after a
        preposition ("die Kritik von Präsident Biden"). Off: ``government_heads: []``."""
        nat, doc = self.lex.national_offices, self.doc
        if h.title.title not in nat.government_heads or h.head + 1 < len(doc) and \
                doc[h.head + 1].lower_ in self.lex.context_organizations.complement_words:
            return None
        s0, s1 = self.sent_range(h.head)
        first = min(h.np_start, h.start)
        if first - 1 >= s0 and doc[first - 1].pos_ == "ADP":
            return None                   # "Die russische Regierung wies die Kritik von Präsident Biden zurück"
        named = {x for i in range(s0, s1) if not h.start <= i < h.end
                 and (x := self._country_word(doc[i].text)) is not None and not self._partner_country(i, s0)}
        if len(named) != 1 or nat.organization in named:
            return None
        country = named.pop()
        for i in range(s0, first):        # the government named before the title ("kritisierte die russische
            if not doc[i].lower_.endswith(nat.government_words):      # Regierung" after it is an object)
                continue
            if i - 1 >= s0 and self._country_word(doc[i - 1].text) == country or \
                    i + 1 < s1 and self._country_word(doc[i + 1].text) == country:
                return None if self._counterpart(h, country) else country
        return None

    def head_article_country(self, h) -> str | None:
        """Rule ``head_article_country``: "Am Donnerstag hatten Militäreinheiten den amtierenden Präsidenten Tandja
        Mamadou gefangen genommen" in an article about Niger -> Niger: a head of state or a government spokesperson
        (``national_offices.article_country_heads``) without organisation and with no genitive or "von" after it is
        the office of the one country the article names (at least once; destinations and partners not counted),
        where it names neither the home country, its federal institutions, a German state, another state or
        region, nor (for ``article_country_shared`` titles) an organisation of ``article_country_skip_types`` (a
        club's or a company's Präsident), and the
        country is no other title's in the title's sentence and is named outside it too (an article *about* the
        country: "Präsident Joe Biden kritisierte die russische Regierung" alone gives nothing). Off:
        ``article_country_heads: []``."""
        nat, doc = self.lex.national_offices, self.doc
        if self.p.possessive_no_article_country and h.det == "poss" \
                and doc[h.np_start].lower_ in self.p.possessive_context_words:
            return None                   # rorg18 rule possessive_no_article_country: "Dessen Präsident X"
        if h.title.title not in nat.article_country_heads or self.german_state_named() or (
                h.head + 1 < len(doc) and doc[h.head + 1].lower_ in (*nat.blocking_next_words, "von", "vom")):
            return None
        counts, home = self.country_counts(), nat.organization
        if counts[home] or any(n for t, n in self.texts.items() if t.lower().startswith(nat.home_words)):
            return None
        named = {k for k, n in counts.items() if n and k not in nat.not_blocking}
        if len(named) != 1:
            return None
        country = named.pop()
        o = self.orgs.by_name(country)
        if o is None or o.type != "country" or self._counterpart(h, country) or not self._named_outside(h, country) or (
                h.title.title in nat.article_country_shared and any(
                    (x := self.orgs.by_name(k)) is not None and x.type in nat.article_country_skip_types
                    for k in self.named_orgs())):
            return None
        return country

    def _named_outside(self, h, country: str) -> bool:
        """``country`` is named in the article outside the sentence of the title ``h``."""
        s0, s1 = self.sent_range(h.head)
        return any(self._country_word(t.text) == country for t in self.doc if not s0 <= t.i < s1)

    def country_of_des_landes(self, h) -> str | None:
        """Rule ``des_landes_country``: "Gabriel Entcha-Ebia, der Justizminister des Landes, sagte ..." in an article
        about Kamerun -> Kamerun: a national office followed by "des Landes" (``national_offices.land_words``) is the
        office of the one country or German state the article names (destinations and partners not counted; a
        German state only where no country but the home country is named). Off: ``land_words: []``."""
        nat, doc = self.lex.national_offices, self.doc
        if not nat.land_words or h.head + 2 >= len(doc) or doc[h.head + 1].lower_ not in ("des", "dieses") \
                or doc[h.head + 2].lower_ not in nat.land_words:
            return None
        named = {k for k, n in self.country_counts().items() if n and k not in nat.not_blocking
                 and k not in nat.states_abroad}
        foreign = {k for k in named if k != nat.organization and self.orgs.by_name(k).type == "country"}
        if len(foreign) == 1:
            return foreign.pop() if not self._named_states() else None
        states = self._named_states()
        return states.pop() if not foreign and len(states) == 1 else None

    def german_state_named(self) -> bool:
        """The article speaks of a state government or names a state other than ``national_offices.states_abroad``
        and ``not_blocking`` (Berlin, also the capital)."""
        nat = self.lex.national_offices
        if any(t.lower().startswith(nat.state_words) for t in self.texts):
            return True
        for k, n in self.country_counts().items():
            o = self.orgs.by_name(k)
            if n and o is not None and o.type == "state" and k not in nat.states_abroad and k not in nat.not_blocking:
                return True
        return False

    def national_article_country(self, h) -> str | None:
        """Rule ``national_article_country``: "Premierminister Tony Blair" in an article that names Großbritannien
        ("in Großbritannien", "der Briten") and no other country: a national office blocked for the home country
        is the office of the one country the article names, at least ``min_foreign_mentions`` times (not counting
        destinations and partners; "Der ukrainische Präsident traf Außenministerin Baerbock": once), where the
        article names neither the home country nor its institutions (Bundesregierung, Bundestag ...) nor a state
        other than ``national_offices.states_abroad`` (Kalifornien ...) and speaks of no state government. Not
        where the home country is named too ("Pistorius ... bei einem Besuch in Litauen ... Unterstützung
        Deutschlands": the roles gold leaves that office without a country). Rule ``foreign_title_home_named``
        (rorg14): an office the home country does not have (``foreign_titles``: "Premierminister Jean-Claude Juncker"
        in an article naming Luxemburg five times and Deutschland once) counts the home country as one more country
        that the article's country must dominate (``dominant_article_country``), not as a veto. Rule
        ``rival_article_country`` (role15): a rival of the home country (``implied_organization_rivals``: Schweiz,
        Österreich) needs only ``rival_min_mentions`` (1): "Das Bundesamt für Gesundheit hat in Bern ... Die Prämien
        in der Schweiz ... Gesundheitsminister Urs Gehrig" -> Schweiz (its own press seldom names it twice)."""
        nat = self.lex.national_offices
        if self._state_words:
            return None
        counts, home = self.country_counts() + self.capital_counts(), nat.organization
        foreign = self.lex.patterns.foreign_title_home_named and h.title.title in nat.foreign_titles
        if counts[home] and not foreign or any(n for t, n in self.texts.items()
                                               if t.lower().startswith(nat.home_words)):
            return None                   # (rule foreign_title_home_named: the home country only competes)
        others = set()
        for k, n in counts.items():
            if not n or k in nat.not_blocking or k in nat.states_abroad:
                continue
            o = self.orgs.by_name(k)
            if o is None or o.type != "country":
                return None
            others.add(k)
        country = self._dominant_country(others, counts)
        rival = country in self.lex.implied_organization_rivals.get(home, ())
        if country is None or country == home or counts[country] < (nat.rival_min_mentions if rival and
                                                                     nat.rival_min_mentions else nat.min_foreign_mentions):
            return None                   # (once: no article about it; rule rival_article_country: a rival once)
        if h.title.title in nat.rival_only_titles and country not in self.lex.implied_organization_rivals.get(home, ()):
            return None                   # "Kanzler Olaf Scholz" in an article about France: Germany's office
        if self._counterpart(h, country) or self._visitor(h):
            return None
        return country

    def _dominant_country(self, named: set[str], counts: Counter) -> str | None:
        """The one country of ``named``, or (rule ``dominant_article_country``) the one the article is about: named
        at least ``national_offices.dominant_min_mentions`` times and at least ``dominant_ratio`` times as often as
        all the others together ("Premierminister Tony Blair" in an article that names Großbritannien ten times, Irak
        and Afghanistan once each). Off: ``dominant_ratio: 0``."""
        if len(named) == 1:
            return next(iter(named))
        nat = self.lex.national_offices
        if not named or not nat.dominant_ratio:
            return None
        top = max(named, key=lambda k: counts[k])
        rest = sum(counts[k] for k in named if k != top)
        return top if counts[top] >= nat.dominant_min_mentions and counts[top] >= nat.dominant_ratio * rest else None

    def _counterpart(self, h, country: str) -> bool:
        """"Frankreichs Präsident Macron hat Kanzler Scholz empfangen", "Der französische Außenminister Barrot traf
        Außenministerin Baerbock": the title's sentence gives the article's country to another title (an adjective,
        genitive or prefix right before a title word, or a genitive after one): ``h`` is that person's counterpart."""
        doc = self.doc
        s0, s1 = self.sent_range(h.head)
        for i in range(s0, s1):
            if h.start <= i < h.end or self._country_word(doc[i].text) != country:
                continue
            if _analyze(self, doc[i]) is not None or i + 1 < s1 and _analyze(self, doc[i + 1]) is not None:
                return True               # "französische Außenminister", "US-Präsident"
            if i - 2 >= s0 and doc[i - 1].lower_ in self.w.determiners and _analyze(self, doc[i - 2]) is not None:
                return True               # "Außenminister der USA"
        return False

    def _visitor(self, h) -> bool:
        """"Finanzminister Christian Lindner reiste nach Washington": the title's sentence names a destination ("nach"
        and a place): the holder travels to the country the article is about, he is no office-holder of it."""
        doc = self.doc
        s0, s1 = self.sent_range(h.head)
        for i in range(s0, s1 - 1):
            if doc[i].lower_ != "nach":
                continue
            j = i + 1 + (doc[i + 1].lower_ in self.w.determiners)
            if j < s1 and (doc[j].ent_type_ in ("LOC", "GPE") or self._country_word(doc[j].text) is not None):
                return True
        return False

    def national_foreign(self, h) -> str | None:
        """Rule ``national_foreign``: a national office blocked for the home country is the other country's where
        its clause starts with "In <country>" ("In Frankreich kündigte Arbeitsminister Olivier Dussopt eine Reform
        an"), the one country that sentence names. Never from the article at large (the golds' convention: an
        organisation only where the text states it), not where a state government is spoken of."""
        nat, doc = self.lex.national_offices, self.doc
        if self._state_words:
            return None
        skip = {nat.organization, *nat.not_blocking}
        s0, s1 = self.sent_range(h.head)
        k = s0
        while k < s1 and not doc[k].is_alpha:
            k += 1
        if not (k + 1 < h.start and doc[k].lower_ == "in"):
            return None
        here = {x for i in range(s0, s1) if not h.start <= i < h.end
                and (x := self._country_word(doc[i].text)) is not None and x not in skip
                and not self._partner_country(i, s0)}
        first = self._country_word(doc[k + 1].text) or (self._country_word(doc[k + 2].text) if k + 2 < h.start
                                                         and doc[k + 1].lower_ in self.w.determiners else None)
        o = self.orgs.by_name(first) if first else None
        return first if o is not None and o.type == "country" and here == {first} else None

    def implied_org_doubtful(self, org: str) -> bool:
        """The implied organisation (Bundeskanzler -> Deutschland) where the article is about a rival."""
        rivals = self.lex.implied_organization_rivals.get(org)
        if not rivals:
            return False
        named = self.named_orgs()
        return org not in named and any(r in named for r in rivals)


def _text_counts(doc: Doc) -> Counter:
    """Counter of the token texts (``Counter(t.text for t in doc)``, without making a Token per word)."""
    return Counter(doc_columns(doc).text)     # the token texts read once per Doc, shared (issue 16)


def _word_end(text: str) -> bool:
    """A word with inner hyphens or digits ("SPD-Chef", "G20-Gipfel"): no sentence ends after it."""
    return len(text) > 1 and text[-1].isalpha() and text[0].isalnum() and all(c.isalnum() or c == "-" for c in text)


def _sentences(doc: Doc) -> tuple[list[int], list[tuple[int, int]]]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        bounds = []
        for start, end in sentence_bounds(doc):      # doc.sents, made once per Doc (view.py)
            last = doc[start - 1] if start > 0 else None
            if bounds and last is not None and (last.is_alpha or last.like_num or _word_end(last.text)) \
                    and "\n" not in last.whitespace_ \
                    and not doc[start].is_space:
                bounds[-1] = (bounds[-1][0], end)     # a boundary with no punctuation before it is a senter error
            else:                                     # ("berichtete der Wissenschaftsjournalist | Dirk Lorenzen")
                bounds.append((start, end))
    else:
        bounds = [(0, len(doc))]
    sent_of = [0] * len(doc)
    for k, (s, e) in enumerate(bounds):
        for i in range(s, e):
            sent_of[i] = k
    return sent_of, bounds

