"""``rules/actors.yaml``: first names, nicknames, particles, titles (parsed by :func:`parse_actors`)."""
from __future__ import annotations

import functools

from dataclasses import dataclass, field
from typing import Any

from pipeline.extract import words
from pipeline.ruleset import RuleError, RuleSet, rule_file

ACTOR_TYPES = {"PER": "person", "ORG": "organization", "LOC": "location", "MISC": "other"}
KEY_PREFIX = {"person": "PER", "organization": "ORG", "location": "LOC", "other": "MISC"}

# closed-class words this package reads from words.yaml (section ``actors``)
words.require("actors", "type_nouns", "particle_surname_prefixes", "noun_suffixes", "legal_forms_cased",
              "org_kind_heads", "org_compound_heads", "org_compound_weak_heads", "person_titles",
              "surname_heads", "place_suffixes", "district_words", "institution_heads", "title_surnames",
              "institution_words", "institution_not_words", "institution_source_heads",
              "company_words_cased", "person_kind_heads", "noun_prefixes", "station_words", "place_lead_nouns", "thing_lead_nouns",
              "place_kind_nouns", "place_of_nouns", "club_prefixes_cased",
              "calendar_words", "org_name_heads", "org_owned_nouns", "member_kind_heads",
              "place_lead_words_cased", "org_lead_words_cased", "storm_lead_nouns", "work_kind_heads", "work_kind_not_words",
              "administration_words")
words.require("actors", "body_place_heads", "org_kind_heads_unknown_name", "prefix_title_categories",
              "prefix_title_place_types")     # (ent16)
words.require("actors", "body_words", "body_heads", "body_title_words")                       # (ent17)
words.require("actors", "org_compound_source_heads", "disease_words")                                       # (ent21)


@dataclass
class ActorRules:
    version: int
    nicknames: dict[str, frozenset[str]]      # lower first name -> equivalence class
    particles: frozenset[str]                 # von, van, de, al, ...
    titles: frozenset[str]                    # Dr., Prof. stripped from names
    min_fuzzy_length: int = 6
    not_names: frozenset[str] = field(default_factory=frozenset)
    given_names: frozenset[str] = field(default_factory=frozenset)
    female_given_names: frozenset[str] = field(default_factory=frozenset)
    gendered_names: frozenset[str] = field(default_factory=frozenset)   # curated given names (gender known)
    not_actors: frozenset[str] = field(default_factory=frozenset)       # entities of any label that are no actors
    evidence_given: frozenset[str] = field(default_factory=frozenset)   # all first names: person evidence only
    known_persons: frozenset[str] = field(default_factory=frozenset)    # persons known by one name ("Goethe")
    person_span_rules: tuple[str, ...] = ()                             # persons.SPAN_RULES, in order
    person_checks: tuple[str, ...] = ()                                 # persons.CHECKS, in order
    org_rules: tuple[str, ...] = ()                                     # orgs.ORG_RULES, in order
    org_span_rules: tuple[str, ...] = ()                                # persons.SPAN_RULES run on ORG spans
    person_recover_rules: tuple[str, ...] = ()                          # recover.RECOVER_RULES, in order
    place_particles: tuple[tuple[str, ...], ...] = ()                   # "sul", "an der": inside place names
    noun_surnames: frozenset[str] = field(default_factory=frozenset)    # "Koch", "Fischer": persons.per_frequent_noun


_ALLOWED = {"version", "nicknames", "particles", "name_titles", "min_fuzzy_length", "not_names", "given_names",
            "female_given_names", "given_names_extra", "not_actors", "common_given_names", "known_persons",
            "given_names_open_data", "person_span_rules", "person_checks", "org_rules", "org_span_rules", "person_recover_rules",
            "place_particles", "noun_surnames"}


def _nicknames(data: dict, file: str) -> dict[str, frozenset[str]]:
    nick: dict[str, frozenset[str]] = {}
    for i, grp in enumerate(data.get("nicknames") or []):
        if not isinstance(grp, list) or len(grp) < 2:
            raise RuleError(file, f"nicknames[{i}]", "expected a list of at least two first names")
        cls = frozenset(g.lower() for g in grp)
        for g in cls:
            nick[g] = nick.get(g, frozenset()) | cls
    return nick


def _rule_ids(data: dict, key: str, file: str) -> tuple[str, ...]:
    from . import orgs, orgs_media, orgs_named, persons, persons_article, recover  # noqa: F401  (orgs_named: ent18 rules in orgs.ORG_RULES; persons_article: ent20 rules in persons.SPAN_RULES/CHECKS)
    known = {"person_span_rules": persons.SPAN_RULES, "person_checks": persons.CHECKS,
             "org_rules": orgs.ORG_RULES, "org_span_rules": persons.SPAN_RULES,
             "person_recover_rules": recover.RECOVER_RULES}[key]
    ids = tuple(str(x) for x in data.get(key) or [])
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise RuleError(file, key, f"unknown rule id(s) {unknown}; known: {sorted(known)}")
    return ids


def _lower_set(data: dict, key: str) -> frozenset[str]:
    return frozenset(str(n).lower() for n in data.get(key) or [])


@rule_file("actors")
def parse_actors(data: Any, file: str) -> ActorRules:
    if not isinstance(data, dict) or "version" not in data:
        raise RuleError(file, None, "expected a mapping with a 'version' key")
    unknown = sorted(set(data) - _ALLOWED)
    if unknown:
        raise RuleError(file, None, f"unknown key(s) {unknown}; allowed: {sorted(_ALLOWED)}")
    mfl = data.get("min_fuzzy_length", 6)
    if not isinstance(mfl, int) or mfl < 3:
        raise RuleError(file, "min_fuzzy_length", "expected an integer >= 3")
    return ActorRules(version=int(data["version"]), nicknames=_nicknames(data, file),
                      particles=_lower_set(data, "particles"),
                      titles=_lower_set(data, "name_titles"),
                      min_fuzzy_length=mfl,
                      not_names=_lower_set(data, "not_names"),
                      given_names=frozenset(str(n) for n in (data.get("given_names") or [])
                                            + (data.get("given_names_extra") or [])),
                      gendered_names=frozenset(str(n) for n in data.get("given_names") or []),
                      not_actors=_lower_set(data, "not_actors"),
                      female_given_names=frozenset(str(n) for n in data.get("female_given_names") or []),
                      evidence_given=frozenset(str(n) for key in ("given_names", "given_names_extra",
                                                                  "common_given_names", "given_names_open_data")
                                               for n in data.get(key) or []),
                      known_persons=frozenset(str(n) for n in data.get("known_persons") or []),
                      person_span_rules=_rule_ids(data, "person_span_rules", file),
                      person_checks=_rule_ids(data, "person_checks", file),
                      org_rules=_rule_ids(data, "org_rules", file),
                      org_span_rules=_rule_ids(data, "org_span_rules", file),
                      person_recover_rules=_rule_ids(data, "person_recover_rules", file),
                      noun_surnames=frozenset(str(n) for n in data.get("noun_surnames") or []),
                      place_particles=tuple(tuple(str(p).lower().split()) for p in data.get("place_particles") or []))


def actor_rules(rules: RuleSet) -> ActorRules:
    """The compiled ``actors.yaml`` (an empty one where a rule set has none)."""
    return rules.get("actors") or ActorRules(1, {}, frozenset(), frozenset())


def word_list(rules: RuleSet, name: str) -> frozenset[str]:
    """``words.yaml`` list ``actors.<name>``."""
    return rules["words"]("actors", name)


_TUPLES: dict[int, tuple[frozenset[str], tuple[str, ...]]] = {}


def word_tuple(rules: RuleSet, name: str) -> tuple[str, ...]:
    """``tuple(word_list(rules, name))`` (for ``str.endswith``), made once per list: the same tuple, in the
    same order, as building it on every call (issue 16: ``org_kind_heads`` was turned into a tuple some 270
    times an article, about 5 % of the extraction time)."""
    return set_tuple(word_list(rules, name))


def set_tuple(fs: frozenset[str]) -> tuple[str, ...]:
    """``tuple(fs)`` of a word list that lives as long as its rules load, made once per list (see :func:`word_tuple`)."""
    got = _TUPLES.get(id(fs))
    if got is None or got[0] is not fs:
        if len(_TUPLES) > 10_000:
            _TUPLES.clear()
        got = _TUPLES[id(fs)] = (fs, tuple(fs))
    return got[1]


def memo_by_word(f):
    """Decorator for ``f(word, rules)`` that depends on nothing but the word and the rules' word lists: its
    results are kept per rules load and word (``Words.memo``), so a word is worked out once per process instead
    of once per token (issue 16: ``institution_word`` tried every list ending on every capitalised noun). Same
    results as the plain call: a fresh rules load starts an empty memo."""
    key = ("memo_by_word", f.__module__, f.__qualname__)

    @functools.wraps(f)
    def memoised(word: str, rules: RuleSet):
        memo = rules["words"].memo(key, _new_memo)
        try:
            return memo[word]
        except KeyError:
            if len(memo) > 200_000:
                memo.clear()
            got = memo[word] = f(word, rules)
            return got
    return memoised


def _new_memo(_words) -> dict:
    return {}
