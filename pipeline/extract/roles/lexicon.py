"""Compiled role and organisation lexicons (rules/roles.yaml, rules/organizations.yaml).

The YAML files are data; this module turns them into lookup tables:

* role titles -> every inflected surface form (case, number, feminine form),
  keyed by lower-case form, plus multi-word titles ("Nationaler Sicherheitsberater");
* organisations -> canonical name, type, and the surface forms that point to them:
  names (incl. genitive -s), hyphen prefixes ("US-", "Nato-"), adjectives
  ("ukrainischen"), demonyms ("der Amerikaner") and possessives ("Israels").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.extract.derived import derived  # noqa: F401  (re-exported: titles, phrases)
from pipeline.ruleset import RuleError, rule_file, strict

CATEGORIES = (
    "head_of_state_or_government", "minister", "legislator", "diplomat_or_envoy",
    "intelligence_and_security", "military", "party", "business", "expert_or_academia",
    "media", "judiciary", "other",
)
ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")


# ----------------------------------------------------------------------------- roles
@dataclass(frozen=True)
class TitleSpec:
    """One entry of ``titles`` in roles.yaml (a plain string is shorthand for ``title``)."""
    title: str
    forms: list = field(default_factory=list)      # extra/irregular surface forms
    feminine: str | None = None                    # explicit feminine form (default: derived)
    organization: str | None = None                # implied organisation (Bundeskanzler -> Deutschland)
    generic: bool = False                          # category follows the organisation's type
    gender: str = "any"                            # m | f | any: genders the title exists in


@dataclass(frozen=True)
class Title:
    title: str                 # normalized form, e.g. "Außenminister"
    category: str
    organization: str | None
    generic: bool
    modifiers: tuple[str, ...]  # adjective stems before the head, lower case ("national",)
    head: str                  # head noun, e.g. "Sicherheitsberater"


@dataclass(frozen=True)
class Form:
    title: Title
    gender: str                # m | f | any
    plural: str                # sg | pl | any


@dataclass(frozen=True)
class RolePatterns:
    former_adjectives: tuple[str, ...]
    current_adjectives: tuple[str, ...]
    deputy_adjectives: tuple[str, ...]
    former_prefixes: tuple[str, ...]
    former_phrases: tuple[tuple[str, ...], ...]
    past_copulas: tuple[str, ...]
    copulas: tuple[str, ...]
    appointment_verbs: tuple[str, ...]
    characterization_verbs: tuple[str, ...]
    comparatives: tuple[str, ...]
    determiners_definite: tuple[str, ...]
    determiners_indefinite: tuple[str, ...]
    possessives: tuple[str, ...]
    pronouns_subject: tuple[str, ...]
    pronouns_object: tuple[str, ...]
    stop_adjectives: tuple[str, ...]
    nationality_only_categories: tuple[str, ...]
    fallback_categories: tuple[str, ...]
    post_name_org_categories: tuple[str, ...]
    org_nouns: tuple[str, ...]
    office_nouns: tuple[str, ...] = ()
    descriptor_categories: tuple[str, ...] = ()
    office_categories: tuple[str, ...] = ()
    subject_cues: tuple[str, ...] = ()
    office_holding_nouns: tuple[str, ...] = ()
    office_verbs_former: tuple[str, ...] = ()
    office_verbs_current: tuple[str, ...] = ()
    local_adjective_excluded_categories: tuple[str, ...] = ()
    neuter_titles: tuple[str, ...] = ()
    post_name_org_if_none_categories: tuple[str, ...] = ()
    profession_ties: tuple[str, ...] = ()
    generic_org_prefixes: tuple[str, ...] = ()
    academic_titles: tuple[str, ...] = ()
    national_title_stems: tuple[str, ...] = ()
    party_context_titles: tuple[str, ...] = ()
    compound_prefix_common_noun: bool = True
    statement_source_words: tuple[str, ...] = ()
    statement_verbs: tuple[str, ...] = ()
    reference_before_name: bool = True
    genitive_name_nominative: bool = True
    reference_gender: bool = True
    reference_compound_head: bool = True
    reference_equivalent_before: bool = True
    org_name_tail: bool = True
    reference_deputy_group: bool = True
    plural_form_single_name: bool = True
    generic_org_company_kinds: tuple[str, ...] = ()
    generic_org_own_title: bool = True
    generic_org_unresolved_none: bool = True
    reference_complement_no_recent: bool = True
    reference_compound_head_excluded: tuple[str, ...] = ()
    reference_compound_head_excluded_heads: tuple[str, ...] = ()
    office_candidacy_words: tuple[str, ...] = ()
    plural_by_form: bool = True
    copula_pp_object: bool = True
    als_characterization_after: bool = True
    title_dash_name: bool = True
    apposition_relation_owner: bool = True
    reference_surname_repeated: bool = True
    reference_compound_head_title: bool = True
    reference_default_org: bool = True
    unit_of_named_org: bool = True
    genitive_s_name: bool = True
    party_fraktion: bool = True
    kind_noun_fits: tuple[str, ...] = ()
    name_prefix_titles: tuple[str, ...] = ()
    long_complement_comma_name: bool = True
    capitalized_adjective_name: bool = True
    coordinated_org_dets: tuple[str, ...] = ("none",)
    person_relation_nouns: tuple[str, ...] = ()
    post_name_event_nouns: tuple[str, ...] = ()
    generic_org_kind_types: tuple[str, ...] = ()
    org_dropped_adjectives: tuple[str, ...] = ()
    only_company_titles: tuple[str, ...] = ()
    article_org_titles: tuple[str, ...] = ()
    article_org_skip_types: tuple[str, ...] = ()
    municipal_titles: tuple[str, ...] = ()
    contracted_definite: tuple[str, ...] = ()
    determiner_of_title: bool = True
    complement_inside_entity: bool = True
    person_genitive: bool = True                # brole13
    prenominal_genitive_holder: bool = True     # brole13
    compound_professions: tuple[str, ...] = ()
    profession_place_origin: bool = True        # rprec14
    profession_employment_words: tuple[str, ...] = ()    # rprec14 (rule als_profession_employment)
    pp_title_name_not_holder: bool = True       # rprec14
    state_office_article_state: bool = True     # rorg14
    state_office_prefixes: tuple[str, ...] = ()
    state_office_categories: tuple[str, ...] = ()
    city_state_suffixes: tuple[str, ...] = ()
    state_head_titles: tuple[str, ...] = ()
    foreign_title_home_named: bool = True       # rorg14
    municipal_town_titles: tuple[str, ...] = ()  # rorg14
    possessive_context_words: tuple[str, ...] = ()   # rorg15 (rule possessive_previous_sentence)
    possessive_context_sentences: int = 1            # rorg15: sentences before the title's own that it looks at
    article_company_titles: tuple[str, ...] = ()     # rorg15 (rule article_company)
    article_company_forms: tuple[str, ...] = ()
    article_company_sentences: int = 2
    article_company_far: bool = False                 # rorg21 (rule article_company_far)
    possessive_seat_prepositions: tuple[str, ...] = ()   # rorg21 (rule possessive_skips_seat)
    government_head_prepositions: tuple[str, ...] = ()   # rorg21 (rule government_head_preposition)
    article_government_country: bool = False             # rorg21 (rule article_government_country)
    article_kind_next_row: bool = False                  # rorg21 (rule article_kind_next_row)
    canton_office_titles: tuple[str, ...] = ()           # rorg21 (rule canton_office)
    kind_name_am: bool = False                           # rorg21 (rule kind_name_am)
    kind_name_place: bool = False                        # rorg21 (rule kind_name_place)
    kind_name_am_skip: tuple[str, ...] = ()
    canton_office_cantons: tuple[str, ...] = ()
    article_club_titles: tuple[str, ...] = ()         # rorg15 (rule article_club)
    article_town_titles: tuple[str, ...] = ()         # rorg16 (rule article_town)
    article_town_nouns: tuple[str, ...] = ()
    article_town_min: int = 2
    article_town_parts: tuple[str, ...] = ()
    article_town_prepositions: tuple[str, ...] = ()
    article_district_titles: tuple[str, ...] = ()     # rorg16 (rule article_district)
    article_district_common: tuple[str, ...] = ()
    possessive_org_nouns: tuple[str, ...] = ()        # rorg16 (rule possessive_org_noun)
    party_previous_titles: tuple[str, ...] = ()       # rorg16 (rule party_previous_sentence)
    party_group_words: tuple[str, ...] = ()
    article_kind_orgs: tuple[str, ...] = ()           # rorg16b (rule article_kind_org): "title stems: kind stems"
    article_kind_sentences: int = 2
    article_kind_lead: int = 3
    club_opponent_words: tuple[str, ...] = ()         # rorg17 (rule club_opponent_gegen)
    club_of_town: bool = False                        # rorg17 (rule club_of_town)
    article_association_forms: tuple[str, ...] = ()   # rorg17 (rule article_association)
    typed_prefix_orgs: tuple[str, ...] = ()           # rorg17 (rule typed_prefix_org)
    typed_prefix_sentences: int = 2
    possessive_skips_place: bool = False              # rorg17
    municipal_von_town: bool = False                  # rorg17
    street_endings: tuple[str, ...] = ()              # rorg17 (rule street_no_town)
    land_office_titles: tuple[str, ...] = ()          # rorg17 (rule land_office_state)
    land_office_states: tuple[str, ...] = ()
    land_office_article_state: bool = False           # rorg17
    municipal_genitive_town: bool = False             # rorg17
    holder_company_titles: tuple[str, ...] = ()       # rorg17b (rule holder_name_company)
    possessive_org_span: bool = False                 # rorg18 (rule possessive_org_span)
    possessive_skips_quote: bool = False              # rorg18 (rule possessive_skips_quote)
    possessive_no_article_country: bool = False       # rorg18 (rule possessive_no_article_country)
    capital_countries: tuple[str, ...] = ()           # rorg18 (rule capital_article_country): "Capital: Country"
    org_actor_name: bool = False                      # rorg19 (rule org_actor_name, roles/org_naming.py)
    org_actor_acronym: str = "long"                   # rorg19: "long" | "both" ("Vereinigung Cockpit (VC)")
    previous_org_categories: tuple[str, ...] = ()     # rorg19b (rule previous_sentence_org, roles/previous_org.py)
    previous_org_skip_titles: tuple[str, ...] = ()    # rorg19b
    topic_club: bool = False                          # rorg20 (rule topic_club_title, roles/topic_club.py)
    topic_club_titles: tuple[str, ...] = ()           # rorg20
    topic_club_player_titles: tuple[str, ...] = ()    # rorg20
    topic_club_title_ends: tuple[str, ...] = ()       # rorg20
    topic_club_nouns: tuple[str, ...] = ()            # rorg20
    topic_club_kind_ends: tuple[str, ...] = ()        # rorg20
    topic_club_skip_kinds: tuple[str, ...] = ()       # rorg20

    kind_head_title: bool = False                     # rorg20b (rule title_kind_head, roles/kind_head.py)
    kind_head_noun: bool = False                      # rorg20b (rule kind_noun_head)
    kind_head_min: int = 4                            # rorg20b: the shortest kind a compound title's first part names
    kind_head_skip: tuple[str, ...] = ()              # rorg20b: first parts that name no kind of organisation
    kind_head_territories: tuple[str, ...] = ()       # rorg20b: kind nouns of a place itself ("Landkreis X")
    kind_head_skip_categories: tuple[str, ...] = ()   # rorg20b: title categories of no organisation's office

    policy_area_titles: tuple[str, ...] = ()     # role15 (rule policy_area_title)
    policy_area_suffixes: tuple[str, ...] = ()
    place_genitive_named: bool = True            # role15
    possessive_pronoun_previous_sentence: bool = True    # role15
    name_only_titles: tuple[str, ...] = ()        # role15 (rule name_only_title)
    name_only_bindings: tuple[str, ...] = ()
    apposition_current_leads: tuple[str, ...] = ()   # role15 (rule apposition_current_lead)
    academic_title_not_name: bool = True         # role15
    kind_name_comma_name: bool = True            # role16
    topic_compound_prefix: bool = True           # role16
    adjacent_title_chain: bool = True            # role16
    pronoun_vorfeld_name: bool = True            # role16
    leadership_nouns: tuple[str, ...] = ()       # role16 (rule leadership_noun: "leitung:Leiter")
    leadership_verbs: tuple[str, ...] = ()
    reference_subject_categories: tuple[str, ...] = ()   # role17 (rule reference_subject_recent)
    council_seat_other_office: bool = False      # role18
    departure_nouns: tuple[str, ...] = ()        # role18 (rule former_by_departure)
    departure_separation: tuple[str, ...] = ()
    departure_subject: tuple[str, ...] = ()
    departure_object: tuple[str, ...] = ()
    departure_relative_pronouns: tuple[str, ...] = ()
    departure_blockers: tuple[str, ...] = ()
    feminine_title_male_holder: bool = False     # role19 (resolve.py _feminine_title_male_holder)
    reference_lead_forward: bool = False         # role19 (resolve.py lead_forward)
    comma_second_title_name: bool = False        # role20 (bindings/named.py)
    long_complement_inverted: bool = False       # role20 (bindings/named.py)
    name_entity_after_comma: bool = False        # role20 (names.py)
    die_masculine_plural: bool = False           # role20 (scan.py)
    number_full_stop_no_count: bool = False      # role21 (scan.py)
    name_only_feminine_person: bool = False      # role21 (bindings/registry.py)
    co_prefixes: tuple[str, ...] = ()            # role21 (scan.py, rule co_prefix_title)
    relative_after_parenthesis: bool = False     # role21 (bindings/predicative.py)
    der_adjective_e_singular: bool = False       # role21 (scan.py)
    reference_leaving_adjectives: tuple[str, ...] = ()    # role21 (resolve.py, rule reference_succession_adjective)
    reference_incoming_adjectives: tuple[str, ...] = ()


@dataclass(frozen=True)
class NationalOffices:
    """``national_offices`` in roles.yaml: the country of a government title with no organisation in its phrase."""
    organization: str | None = None               # "Deutschland"
    categories: tuple[str, ...] = ()               # title categories it applies to ("minister")
    title_suffixes: tuple[str, ...] = ()           # lower-case endings of the normalized title ("minister")
    excluded_titles: tuple[str, ...] = ()          # titles of state offices only ("Kultusminister")
    foreign_titles: tuple[str, ...] = ()           # rule foreign_office_title: offices the home country has not
    blocking_types: tuple[str, ...] = ()           # organisation types whose naming blocks it (country, state)
    not_blocking: tuple[str, ...] = ()             # ... except these ("Berlin")
    state_words: tuple[str, ...] = ()              # lower-case word prefixes that block it ("landesregierung")
    blocking_next_words: tuple[str, ...] = ()      # a genitive after the title ("des Landes") blocks it
    home_words: tuple[str, ...] = ()               # lower-case word prefixes that name the home country's institutions
    min_foreign_mentions: int = 2                  # another country named this often (and more than home) blocks it
    rival_min_mentions: int = 0                    # role15 rule rival_article_country: a rival this often (0: off)
    partner_prepositions: tuple[str, ...] = ()     # "nach Katar": a country in the sentence that does not block it
    foreign_country: bool = True                   # rule national_foreign: the other country where clear
    visit_nouns: tuple[str, ...] = ()              # "Besuch in Litauen": a destination (word endings, lower case)
    home_parties: tuple[str, ...] = ()             # rule home_party_office: parties of the home country (CDU)
    rival_only_titles: tuple[str, ...] = ()        # take the article's country only if a rival's (Kanzler)
    article_country: bool = True                   # rule national_article_country: the article's one country
    org_name_place: bool = True                    # rule org_name_place: "Verbraucherzentrale Hessen" names no state
    dominant_min_mentions: int = 3                 # rule dominant_article_country: or the country named this often
    dominant_ratio: int = 0                        # ... and this many times as often as all others together
    states_abroad: tuple[str, ...] = ()            # states of other countries (Kalifornien): no German state
    article_state: bool = True                     # rule national_article_state: the article's one German state
    state_titles_article_state: bool = True        # ... also for the excluded (state-only) titles: Kultusminister
    land_words: tuple[str, ...] = ()               # rule des_landes_country: "der Justizminister des Landes"
    government_heads: tuple[str, ...] = ()         # rule government_of_sentence: titles (Ministerpräsident)
    government_words: tuple[str, ...] = ()         # ... word endings naming a government ("regierung")
    article_country_heads: tuple[str, ...] = ()    # rule head_article_country: titles (Präsident, König)
    article_country_shared: tuple[str, ...] = ()   # ... titles of clubs and companies too (Präsident):
    article_country_skip_types: tuple[str, ...] = ()   # ... not where the article names an organisation of these

    def applies(self, title: Title) -> bool:
        return bool(self.organization) and title.category in self.categories \
            and title.title.lower().endswith(self.title_suffixes) and title.title not in self.excluded_titles


@dataclass(frozen=True)
class ContextOrgKind:
    """One row of ``context_organizations.kinds`` (rule ``org_from_context``)."""
    titles: tuple[str, ...]                        # lower-case stems inside the title word ("polizei")
    kinds: tuple[str, ...]                         # kind nouns as written ("Staatsanwaltschaft")
    name: str = "name"                             # kind_and_name | name: what the organisation is called
    name_markers: tuple[str, ...] = ()             # a name starting with one of these needs no kind noun
    compounds: bool = False                        # a compound ending in a kind counts ("Energiekonzern")
    article_wide: bool = False                     # rule context_org_article_wide: look back to the article start
    place_kind: str = ""                           # rule institution_of_place: "Polizei" + the article's one place


@dataclass(frozen=True)
class ContextOrganizations:
    max_sentences_back: int = 2
    complement_words: tuple[str, ...] = ()         # after the title: a complement names the organisation
    press_types: tuple[str, ...] = ()              # organisation types never taken from context (media)
    press_name_words: tuple[str, ...] = ()         # nor names ending so ("...zeitung", "...blatt")
    kinds: tuple[ContextOrgKind, ...] = ()
    city_states: tuple[str, ...] = ()              # states that are towns too (rule institution_of_place)


@dataclass
class RoleLexicon:
    version: int
    forms: dict[str, list[Form]]
    titles: dict[str, Title]
    compound_prefixes: dict[str, dict]       # lower non-hyphen prefix -> {organization, status}
    blocked: frozenset[str]
    generic_category_by_org_type: dict[str, str]
    groups: dict[str, int]                   # title -> equivalence group id
    patterns: RolePatterns
    categories: dict[str, str]
    # implied organisation -> countries whose offices carry the same prefix/title ("Bundespräsident"):
    # the implied one is dropped where the article names a rival and never the organisation itself
    implied_organization_rivals: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the binding rules (pipeline/extract/roles/bindings) that are switched on, in the order they are tried
    bindings: tuple[str, ...] = ()
    # titles that describe an office rather than name it ("Staatsoberhaupt"): a reference by one resolves
    # like any title, but adds no role row when its holder is known under an equivalent title
    descriptive_titles: frozenset[str] = frozenset()
    characterizing_titles: frozenset[str] = frozenset()
    national_offices: NationalOffices = field(default_factory=NationalOffices)
    # bare professions (a role row only where the text ties them to an organisation or party)
    professions: frozenset[str] = frozenset()
    # org_from_context: title stems -> kind nouns of the organisation named before the title
    context_organizations: ContextOrganizations = field(default_factory=ContextOrganizations)

    def lookup(self, word: str) -> list[Form]:
        return self.forms.get(word.lower(), [])

    def lookup_misspelt(self, word: str, min_length: int = 10) -> list[Form]:
        """Forms of a long title misspelt by one letter ("Ministerpäsident"); [] if none or ambiguous.

        Only words of at least ``min_length`` letters whose first four letters agree, so that
        short real words ("Minister"/"Ministern") never meet."""
        low = word.lower()
        if len(low) < min_length or low in self.forms:
            return []
        index = derived(self, "fuzzy_index", lambda: self._fuzzy_index(min_length))
        hits = {f for f in index.get(low[:4], ()) if abs(len(f) - len(low)) <= 1 and _edit1(f, low)
                and f[:-2] != low[:-2]}
        # (not where only the last two letters differ: an inflection of another word, "Unternehmens")
        titles = {x.title.title for f in hits for x in self.forms[f]}
        if len(titles) != 1:
            return []
        return [x for f in sorted(hits) for x in self.forms[f]]


    def _fuzzy_index(self, min_length: int) -> dict[str, list[str]]:
        """First four letters -> the one-word forms of at least ``min_length - 1`` letters."""
        index: dict[str, list[str]] = {}
        for f in self.forms:
            if len(f) >= min_length - 1 and " " not in f:
                index.setdefault(f[:4], []).append(f)
        return index


def _edit1(a: str, b: str) -> bool:
    """a and b differ by one insertion, deletion or substitution (or not at all)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


_WEAK_SUFFIXES = ("ent", "ant", "ist", "at", "ot", "nom", "graf", "graph", "soph", "krat",
                  "ast", "et", "ik", "it", "urg", "og", "iat", "ad", "ard")


def _inflect(head: str, spec: TitleSpec, adjectival_suffixes: tuple[str, ...],
             weak_override: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(form, gender, number) for the head noun of a title."""
    low = head.lower()
    out: list[tuple[str, str, str]] = []
    if any(low.endswith(s) for s in adjectival_suffixes):          # Gesandter, Vorsitzender
        stem = head[:-2] if low.endswith("er") else head[:-1]
        out += [(stem + "er", "m", "sg"), (stem + "e", "any", "any"), (stem + "en", "any", "any"),
                (stem + "em", "any", "sg")]
        fem = spec.feminine
        if fem:
            out += [(fem, "f", "sg"), (fem + "nen", "f", "pl")]
    elif low.endswith("e"):                                          # Experte, Biologe
        out += [(head, "m", "sg"), (head + "n", "m", "any")]
        fem = spec.feminine or head[:-1] + "in"
        out += [(fem, "f", "sg"), (fem + "nen", "f", "pl")]
    elif low.endswith(_WEAK_SUFFIXES) or low.endswith(weak_override):   # Präsident, Diplomat
        out += [(head, "m", "sg"), (head + "en", "m", "any")]
        fem = spec.feminine or head + "in"
        out += [(fem, "f", "sg"), (fem + "nen", "f", "pl")]
    elif low.endswith(("er", "el")):                                  # Minister, Botschafter
        out += [(head, "m", "any"), (head + "s", "m", "sg"), (head + "n", "m", "pl")]
        fem = spec.feminine or head + "in"
        out += [(fem, "f", "sg"), (fem + "nen", "f", "pl")]
    elif low.endswith("or"):                                          # Direktor, Senator
        out += [(head, "m", "sg"), (head + "s", "m", "sg"), (head + "en", "m", "pl")]
        fem = spec.feminine or head + "in"
        out += [(fem, "f", "sg"), (fem + "nen", "f", "pl")]
    else:                                                             # Chef, General, Kommissar
        out += [(head, "m", "sg"), (head + "s", "m", "sg"), (head + "es", "m", "sg"),
                (head + "e", "m", "pl"), (head + "en", "m", "pl")]
        if low.endswith(("chef", "boss")):
            out = [(head, "m", "sg"), (head + "s", "m", "any")]
        fem = spec.feminine or head + "in"
        out += [(fem, "f", "sg"), (fem + "nen", "f", "pl")]
    if spec.gender == "f":
        out = [(f, "f", n) for f, g, n in out]
    for f in spec.forms:
        out.append((f, "any", "any"))
    return out


def _as_tuple(data: dict, key: str, file: str) -> tuple:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise RuleError(file, key, "expected a list")
    return tuple(value)


def _check_keys(data: Any, file: str, allowed: set[str]) -> None:
    if not isinstance(data, dict) or "version" not in data:
        raise RuleError(file, None, "expected a mapping with a 'version' key")
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise RuleError(file, None, f"unknown key(s) {unknown}; allowed: {sorted(allowed)}")


_ROLES_KEYS = {"version", "categories", "adjectival_suffixes", "weak_nouns", "compound_prefixes",
               "blocked_compounds", "generic_category_by_org_type", "equivalent_titles",
               "patterns", "titles", "implied_organization_rivals", "bindings",
               "descriptive_titles", "characterizing_titles", "national_offices", "professions",
               "context_organizations"}


@rule_file("roles")
def parse_roles(data: Any, file: str) -> RoleLexicon:
    _check_keys(data, file, _ROLES_KEYS)
    cats = data.get("categories") or {}
    if set(cats) != set(CATEGORIES):
        raise RuleError(file, "categories", f"must document exactly {list(CATEGORIES)}")
    adj_suffixes = tuple(s.lower() for s in _as_tuple(data, "adjectival_suffixes", file))
    weak = tuple(s.lower() for s in _as_tuple(data, "weak_nouns", file))
    forms, titles = _titles(data.get("titles"), file, adj_suffixes, weak)
    pats = _patterns(data.get("patterns"), file)
    for key in ("reference_compound_head_excluded", "reference_compound_head_excluded_heads"):
        for t in getattr(pats, key):
            if t not in titles:
                raise RuleError(file, f"patterns.{key}", f"unknown title {t!r}")
    gmap = data.get("generic_category_by_org_type") or {}
    for k, v in gmap.items():
        if v not in CATEGORIES:
            raise RuleError(file, f"generic_category_by_org_type.{k}", f"unknown category {v!r}")
    return RoleLexicon(
        version=int(data["version"]), forms=forms, titles=titles,
        compound_prefixes=_compound_prefixes(data.get("compound_prefixes") or {}, file),
        blocked=frozenset(s.lower() for s in _as_tuple(data, "blocked_compounds", file)),
        generic_category_by_org_type=dict(gmap), groups=_groups(data.get("equivalent_titles") or [], titles, file),
        patterns=pats, categories=dict(cats),
        implied_organization_rivals=_rivals(data.get("implied_organization_rivals") or {}, file),
        bindings=_bindings(data.get("bindings"), file),
        descriptive_titles=_known_titles(data, "descriptive_titles", titles, file),
        characterizing_titles=_known_titles(data, "characterizing_titles", titles, file),
        national_offices=_national_offices(data.get("national_offices") or {}, file),
        professions=_known_titles(data, "professions", titles, file),
        context_organizations=_context_organizations(data.get("context_organizations") or {}, file))


def _context_organizations(data: Any, file: str) -> ContextOrganizations:
    """``context_organizations:`` (rule ``org_from_context``), checked loudly."""
    where = "context_organizations"
    keys = {"max_sentences_back", "complement_words", "press_types", "press_name_words", "kinds", "city_states"}
    if not isinstance(data, dict) or set(data) - keys:
        raise RuleError(file, where, f"expected a mapping with keys {sorted(keys)}")
    back = data.get("max_sentences_back", 2)
    if not isinstance(back, int) or back < 0:
        raise RuleError(file, f"{where}.max_sentences_back", "expected a non-negative integer")
    rows = []
    for i, row in enumerate(data.get("kinds") or []):
        w = f"{where}.kinds[{i}]"
        if not isinstance(row, dict) or set(row) - {"titles", "kinds", "name", "name_markers", "compounds",
                                                    "article_wide", "place_kind"}:
            raise RuleError(file, w, "expected a mapping with keys titles, kinds, name, name_markers, compounds, "
                                     "article_wide, place_kind")
        if not row.get("titles") or not row.get("kinds"):
            raise RuleError(file, w, "titles and kinds must be non-empty lists")
        if row.get("name", "name") not in ("name", "kind_and_name"):
            raise RuleError(file, f"{w}.name", "expected name or kind_and_name")
        rows.append(ContextOrgKind(titles=tuple(str(x).lower() for x in row["titles"]),
                                   kinds=tuple(str(x) for x in row["kinds"]), name=row.get("name", "name"),
                                   name_markers=tuple(str(x) for x in row.get("name_markers") or ()),
                                   compounds=bool(row.get("compounds", False)),
                                   article_wide=bool(row.get("article_wide", False)),
                                   place_kind=str(row.get("place_kind") or "")))
    words_after = tuple(str(x).lower() for x in data.get("complement_words") or ())
    return ContextOrganizations(max_sentences_back=back, complement_words=words_after,
                                press_types=tuple(str(x) for x in data.get("press_types") or ()),
                                press_name_words=tuple(str(x).lower() for x in data.get("press_name_words") or ()),
                                kinds=tuple(rows), city_states=tuple(str(x) for x in data.get("city_states") or ()))


def _known_titles(data: Any, key: str, titles: dict[str, Title], file: str) -> frozenset[str]:
    """A list of titles of the lexicon (``key``), checked."""
    out = _as_tuple(data, key, file)
    for t in out:
        if t not in titles:
            raise RuleError(file, key, f"unknown title {t!r}")
    return frozenset(out)


def _national_offices(data: dict, file: str) -> NationalOffices:
    spec = strict(NationalOffices, {k: tuple(str(x).lower() if k in ("title_suffixes", "state_words", "home_words", "visit_nouns", "land_words", "government_words") else x for x in v)
                                    if isinstance(v, list) else v for k, v in data.items()},
                  file, "national_offices")
    bad = [c for c in spec.categories if c not in CATEGORIES]
    if bad:
        raise RuleError(file, "national_offices.categories", f"unknown category {bad[0]!r}")
    return spec


def _titles(tdata: Any, file: str, adj_suffixes: tuple[str, ...],
            weak: tuple[str, ...]) -> tuple[dict[str, list[Form]], dict[str, Title]]:
    """``titles:`` (category -> titles) -> (lower-case surface form -> forms, title -> Title)."""
    forms: dict[str, list[Form]] = {}
    titles: dict[str, Title] = {}
    if not isinstance(tdata, dict):
        raise RuleError(file, "titles", "expected a mapping category -> list of titles")
    for cat, entries in tdata.items():
        if cat not in CATEGORIES:
            raise RuleError(file, f"titles.{cat}", f"unknown category; use one of {list(CATEGORIES)}")
        if not isinstance(entries, list):
            raise RuleError(file, f"titles.{cat}", "expected a list")
        for i, raw in enumerate(entries):
            t, spec = _title(raw, cat, file, f"titles.{cat}[{i}]", titles)
            titles[spec.title] = t
            for form, gender, number in _inflect(t.head, spec, adj_suffixes, weak):
                lst = forms.setdefault(form.lower(), [])
                if not any(f.title is t for f in lst):
                    lst.append(Form(t, gender, number))
    return forms, titles


def _title(raw: Any, cat: str, file: str, where: str, titles: dict[str, Title]) -> tuple[Title, TitleSpec]:
    spec = strict(TitleSpec, {"title": raw} if isinstance(raw, str) else raw, file, where)
    if spec.gender not in ("m", "f", "any"):
        raise RuleError(file, where, f"gender must be m, f or any, not {spec.gender!r}")
    words = spec.title.split()
    if not words:
        raise RuleError(file, where, "empty title")
    odd = sorted({c for c in spec.title if not (c.isalpha() or c in " -.'")})
    if odd:
        raise RuleError(file, where, f"title {spec.title!r} has {''.join(odd)!r}: titles are literal words "
                                     "(letters, spaces, hyphens), not regular expressions")
    if spec.title in titles:
        raise RuleError(file, where, f"duplicate title {spec.title!r}")
    mods = []
    for w in words[:-1]:
        lw = w.lower()
        mods.append(lw[:-2] if lw.endswith("er") else lw[:-1] if lw.endswith("e") else lw)
    return Title(spec.title, cat, spec.organization, spec.generic, tuple(mods), words[-1]), spec


def _compound_prefixes(cp: dict, file: str) -> dict[str, dict]:
    prefixes: dict[str, dict] = {}
    for k, v in cp.items():
        if not isinstance(v, dict) or set(v) - {"organization", "status", "deputy"}:
            raise RuleError(file, f"compound_prefixes.{k}", "expected {organization?, status?, deputy?}")
        prefixes[str(k).lower()] = v
    return prefixes


def _groups(data: list, titles: dict[str, Title], file: str) -> dict[str, int]:
    groups: dict[str, int] = {}
    for gi, grp in enumerate(data):
        for t in grp:
            if t not in titles:
                raise RuleError(file, f"equivalent_titles[{gi}]", f"unknown title {t!r}")
            groups[t] = gi
    return groups


def _rivals(data: dict, file: str) -> dict[str, tuple[str, ...]]:
    rivals: dict[str, tuple[str, ...]] = {}
    for k, v in data.items():
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise RuleError(file, f"implied_organization_rivals.{k}", "expected a list of organisation names")
        rivals[str(k)] = tuple(v)
    return rivals


def _patterns(pdata: Any, file: str) -> RolePatterns:
    if not isinstance(pdata, dict):
        raise RuleError(file, "patterns", "expected a mapping")
    pdata = dict(pdata)
    pdata["former_phrases"] = [tuple(p.lower().split()) for p in pdata.get("former_phrases", [])]
    pats = strict(RolePatterns, {k: tuple(v) if isinstance(v, list) else v for k, v in pdata.items()},
                  file, "patterns")
    for cat in pats.fallback_categories + pats.nationality_only_categories + pats.post_name_org_categories \
            + pats.local_adjective_excluded_categories + pats.post_name_org_if_none_categories \
            + pats.reference_subject_categories + pats.previous_org_categories:
        if cat not in CATEGORIES:
            raise RuleError(file, "patterns", f"unknown category {cat!r}")
    if pats.org_actor_acronym not in ("long", "both"):
        raise RuleError(file, "patterns.org_actor_acronym", "expected long or both")
    return pats

_BINDING_NAMES: list[str] = []


def declare_binding(name: str) -> None:
    """Called by ``@binding`` (pipeline/extract/roles/bindings): a rule name ``roles.yaml`` must list."""
    if name not in _BINDING_NAMES:
        _BINDING_NAMES.append(name)


def _bindings(data: Any, file: str) -> tuple[str, ...]:
    """``bindings:`` entries are a rule name or ``{rule: name, enabled: false}``; every declared rule is
    listed once (so a typo or a forgotten rule is a load error, not a silently missing rule)."""
    if data is None:
        return ()
    if not isinstance(data, list):
        raise RuleError(file, "bindings", "expected a list of binding rule names")
    seen: list[str] = []
    enabled: list[str] = []
    for i, entry in enumerate(data):
        where = f"bindings[{i}]"
        if isinstance(entry, dict):
            if set(entry) - {"rule", "enabled"} or not isinstance(entry.get("enabled", True), bool):
                raise RuleError(file, where, "expected a rule name or {rule: name, enabled: true|false}")
            name, on = entry.get("rule"), entry.get("enabled", True)
        else:
            name, on = entry, True
        if not isinstance(name, str) or not name:
            raise RuleError(file, where, "expected a binding rule name")
        if name in seen:
            raise RuleError(file, where, f"{name!r} is listed twice")
        if _BINDING_NAMES and name not in _BINDING_NAMES:
            raise RuleError(file, where, f"unknown binding rule {name!r}; known: {_BINDING_NAMES}")
        seen.append(name)
        if on:
            enabled.append(name)
    missing = [n for n in _BINDING_NAMES if n not in seen]
    if missing:
        raise RuleError(file, "bindings", f"missing rule(s) {missing} (switch one off with enabled: false)")
    return tuple(enabled)


# ----------------------------------------------------------------------------- organisations
ORG_TYPES = ("country", "state", "city", "region", "international", "government", "parliament",
             "intelligence", "military", "police", "court", "party", "company", "media", "union",
             "ngo", "academia", "religion", "sport")
LOCATION_TYPES = ("country", "state", "city", "region")


@dataclass(frozen=True)
class OrgSpec:
    name: str
    type: str
    aliases: list = field(default_factory=list)     # other names (also matched with genitive -s)
    adjectives: list = field(default_factory=list)  # adjective stems: "amerikanisch"
    demonyms: list = field(default_factory=list)    # "Amerikaner" -> USA ("der Amerikaner")
    prefixes: list = field(default_factory=list)    # hyphen prefixes: "US" -> USA


@dataclass(frozen=True)
class Org:
    name: str
    type: str

    @property
    def actor_type(self) -> str:
        return "location" if self.type in LOCATION_TYPES else "organization"


@dataclass
class OrgLexicon:
    version: int
    names: dict[str, Org]          # lower name/alias (+ genitive forms) -> Org
    prefixes: dict[str, Org]       # lower hyphen prefix -> Org
    adjectives: dict[str, Org]     # lower inflected adjective -> Org
    demonyms: dict[str, Org]       # lower demonym form -> Org
    topic_prefixes: frozenset[str]
    abbrev_prefixes: frozenset[str] = frozenset()   # prefixes listed explicitly ("us", "nato")

    def by_name(self, text: str) -> Org | None:
        key = " ".join(text.split()).lower()
        return self.names.get(key)

    def name_first_words(self) -> frozenset[str]:
        """The first words of the names (and their forms) of two words or more: a name that ``by_name`` finds
        for a text of several words starts with one of them (issue 16: a first-word index)."""
        return derived(self, "name_first_words", lambda: frozenset(k.split(" ", 1)[0] for k in self.names if " " in k))

    def by_name_or_genitive(self, text: str) -> Org | None:
        org = self.by_name(text)
        if org is None and text.lower().endswith("s"):
            org = self.by_name(text[:-1]) or (self.by_name(text[:-2]) if text.lower().endswith("es") else None)
        return org


def _genitives(name: str) -> list[str]:
    """The name, its genitive, and oblique forms of a leading adjective ("Deutschen Bank")."""
    low = name.lower()
    out = [low]
    if not low.endswith(("s", "x", "z", "ß")):
        out.append(low + "s")
    words = low.split()
    if len(words) >= 2 and words[0][:1].isalpha():
        w0, rest = words[0], " ".join(words[1:])
        last = words[-1]
        if w0.endswith("e"):                       # Deutsche Bank -> Deutschen Bank
            out.append(f"{w0}n {rest}")
        elif w0.endswith(("er", "es")) and len(w0) > 4:   # Europäisches Parlament -> Europäischen Parlaments
            stem = w0[:-2]
            mid = " ".join(words[1:-1])
            for tail in (last, last + "s", last + "es"):
                out.append(" ".join(x for x in (stem + "en", mid, tail) if x))
            out.append(" ".join(x for x in (stem + "e", mid, last) if x))   # das Weiße Haus
    return out


@rule_file("organizations")
def parse_organizations(data: Any, file: str) -> OrgLexicon:
    _check_keys(data, file, {"version", "types", "organizations", "topic_prefixes"})
    entries = data.get("organizations")
    if not isinstance(entries, list):
        raise RuleError(file, "organizations", "expected a list")
    tables = _OrgTables()
    seen: set[str] = set()
    for i, raw in enumerate(entries):
        where = f"organizations[{i}]"
        spec = strict(OrgSpec, raw, file, where)
        if spec.type not in ORG_TYPES:
            raise RuleError(file, f"{where} ({spec.name})", f"unknown type {spec.type!r}; use one of {list(ORG_TYPES)}")
        if spec.name in seen:
            raise RuleError(file, f"{where} ({spec.name})", "duplicate organisation name")
        seen.add(spec.name)
        tables.add(spec)
    return OrgLexicon(version=int(data["version"]), names=tables.names, prefixes=tables.prefixes,
                      adjectives=tables.adjectives, demonyms=tables.demonyms,
                      topic_prefixes=frozenset(s.lower() for s in data.get("topic_prefixes") or []),
                      abbrev_prefixes=frozenset(tables.explicit))


class _OrgTables:
    """The surface-form tables of the organisation lexicon while it is built (first entry wins)."""

    def __init__(self) -> None:
        self.names: dict[str, Org] = {}
        self.prefixes: dict[str, Org] = {}
        self.adjectives: dict[str, Org] = {}
        self.demonyms: dict[str, Org] = {}
        self.explicit: set[str] = set()         # prefixes an entry names itself ("abbrev_prefixes")

    def add(self, spec: OrgSpec) -> None:
        org = Org(spec.name, spec.type)
        for n in [spec.name, *spec.aliases]:
            for g in _genitives(n):
                self.names.setdefault(g, org)
        self.explicit.update(p.lower() for p in spec.prefixes)
        if spec.type not in LOCATION_TYPES:
            self.explicit.update(p.lower() for p in [spec.name, *spec.aliases] if " " not in p)
        for p in [*spec.prefixes, spec.name, *spec.aliases]:
            if " " not in p:
                self.prefixes.setdefault(p.lower(), org)
        for a in spec.adjectives:
            for e in ADJ_ENDINGS:
                self.adjectives.setdefault(a.lower() + e, org)
        for d in spec.demonyms:
            dl = d.lower()
            for f in (dl, dl + "n", dl + "s") if not dl.endswith("e") else (dl, dl + "n"):
                self.demonyms.setdefault(f, org)
