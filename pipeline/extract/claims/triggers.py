"""Speech cues from ``rules/speech.yaml``: verb lemmas expanded to their forms (split and joined
particle verbs, participles), source nouns, prepositions, Konjunktiv forms; ``parse_speech`` compiles them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.extract.derived import derived
from pipeline.extract.tokmatch import TokenMatcher
from pipeline.ruleset import RuleError, rule_file


INSEPARABLE = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "hinter", "wider", "unter", "über")


@dataclass(frozen=True)
class VerbEntry:
    lemma: str                 # e.g. "mitteilen"
    particle: str | None       # "mit" for a separable verb (may be several words: "zu bedenken")
    split: bool                # True: this form is the bare base, the particle must follow
    classes: frozenset[str]    # speech, cognition, reported
    participle: bool = False
    before: bool = False       # split, the (multi-word) particle stands right before: "in Aussicht gestellt"


@dataclass
class SpeechRules:
    version: int
    forms: dict[str, list[VerbEntry]]
    lemmas: dict[str, frozenset[str]]          # lemma -> classes (for token.lemma_ matches)
    auxiliaries: frozenset[str]
    not_speakers: frozenset[str]
    nouns: frozenset[str]
    noun_suffixes: tuple[str, ...]
    preps_before: frozenset[str]
    preps_after: frozenset[str]
    source_adverbs: frozenset[str]
    context_source_adverbs: frozenset[str]
    so_marker: str
    impersonal: frozenset[str]
    impersonal_preps: frozenset[str]
    pronouns: dict[str, tuple[str, ...]]
    role_heads: frozenset[str]
    claim_nouns: frozenset[str]
    konjunktiv: frozenset[str]
    complementizers: frozenset[str]
    als_speech_acts: frozenset[str] = frozenset()   # lemmas: speech acts with an "als" predicate
    hearsay_infinitives: frozenset[str] = frozenset()   # "soll … sein": hearsay, not obligation
    demand_nouns: frozenset[str] = frozenset()   # "die Aufforderung, … zu tun": nouns that frame a zu-infinitive (noun_zu)
    rules: dict[str, tuple[tuple[str, bool], ...]] = field(default_factory=dict)   # stage -> (rule id, on)
    switches: dict[str, bool] = field(default_factory=dict)
    # convention profiles: name -> (rule id -> on, switch -> on), applied by pipeline.ruleset.with_profile
    profiles: dict[str, tuple[dict[str, bool], dict[str, bool]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # ``switch`` as the switches' own bound look-up: no Python frame per call (issue 16: some 1,100 calls an
        # article). ``dataclasses.replace`` makes a new object, and this runs again for it.
        self.switch = self.switches.__getitem__

    def switch(self, name: str) -> bool:       # (the class's own; every instance has the bound look-up above)
        return self.switches[name]

    @property
    def n_verbs(self) -> int:
        return len(self.lemmas)


def _split_lemma(lemma: str, file: str) -> tuple[str | None, str]:
    if not isinstance(lemma, str) or not re.fullmatch(r"[a-zäöüß]+(_[a-zäöüß]+)*", lemma):
        raise RuleError(file, str(lemma), "a verb is a lowercase lemma, particle verbs as PARTICLE_BASE")
    parts = lemma.split("_")
    return (" ".join(parts[:-1]) or None), parts[-1]


def _needs_e(stem: str) -> bool:
    """Whether a regular stem takes "-et" ("redet", "rechnet", "atmet"): after t/d, or after a consonant
    and m/n ("rechn", "öffn"), but not after a lengthening h ("lehnt", "mahnt", "wohnt")."""
    return bool(re.search(r"([td]|[^aeiouäöülrh][mn]|(?<![aeiouäöü])h[mn])$", stem))


def _weak_parts(base: str) -> tuple[list[str], list[str], str]:
    """(finite forms, participles, stem) of a regular verb."""
    if base.endswith(("eln", "ern")):
        stem, inf = base[:-1], base
        e = ""
    else:
        stem, inf = base[:-2], base
        e = "e" if _needs_e(stem) else ""
    t = e + "t"
    fin = [stem + "e", stem + e + "st", stem + t, inf, stem + t + "e", stem + t + "en",
           stem + t + "est", stem + t + "et"]
    if base.endswith(("eln", "ern")):
        fin.append(stem[:-2] + stem[-1] + "e")          # handle -> handle
    prefixed = base.startswith(INSEPARABLE) or stem.endswith("ier")
    part = (stem + t) if prefixed else ("ge" + stem + t)
    return fin, [part], stem


def _strong_parts(base: str, parts: list[str]) -> tuple[list[str], list[str]]:
    praet, part = parts[0], parts[1]
    stem = base[:-1] if base.endswith(("eln", "ern")) or base == "tun" else base[:-2]
    third = parts[2] if len(parts) > 2 else (stem + ("et" if stem.endswith(("t", "d")) else "t"))
    praet_pl = praet + ("n" if praet.endswith("e") else "en")
    fin = [stem + "e", base, third, stem + "t", praet, praet_pl, praet + "st", praet + "t"]
    return fin, [part]


def _add(forms: dict[str, list[VerbEntry]], form: str, entry: VerbEntry) -> None:
    lst = forms.setdefault(form.lower(), [])
    for i, old in enumerate(lst):
        if (old.lemma, old.particle, old.split, old.before) == (entry.lemma, entry.particle, entry.split,
                                                                entry.before):
            lst[i] = VerbEntry(old.lemma, old.particle, old.split, old.classes | entry.classes,
                               old.participle or entry.participle, old.before)
            return
    lst.append(entry)


def _verb_forms(forms, lemmas, lemma, classes, file, strong_parts=None):
    particle, base = _split_lemma(lemma, file)
    if strong_parts is None:
        fin, parts, _ = _weak_parts(base)
    else:
        if (not isinstance(strong_parts, list) or len(strong_parts) not in (2, 3)
                or not all(isinstance(p, str) and p for p in strong_parts)):
            raise RuleError(file, lemma, "strong verbs need [präteritum, partizip] or "
                                         "[präteritum, partizip, 3sg present]")
        fin, parts = _strong_parts(base, strong_parts)
    cls = frozenset(classes)
    full = (particle or "").replace(" ", "") + base
    lemmas[full] = lemmas.get(full, frozenset()) | cls
    if particle is None:
        for f in fin:
            _add(forms, f, VerbEntry(full, None, False, cls))
        for p in parts:
            _add(forms, p, VerbEntry(full, None, False, cls, participle=True))
        return
    for f in fin:
        _add(forms, f, VerbEntry(full, particle, True, cls))
    if " " not in particle:
        for f in fin:
            _add(forms, particle + f, VerbEntry(full, particle, False, cls))
        for p in parts:
            _add(forms, particle + p, VerbEntry(full, particle, False, cls, participle=True))
        _add(forms, particle + "zu" + base, VerbEntry(full, particle, False, cls))
    else:
        _multiword_particle_forms(forms, full, particle, cls, fin, parts)


def _multiword_particle_forms(forms, full, particle, cls, fin, parts) -> None:
    """A particle of several words ("in Aussicht stellen", "zu bedenken geben") is never joined to
    the verb; in the participle and at the end of a subordinate clause it stands right before it:
    "hat … in Aussicht gestellt", "…, dass er in Aussicht stellt". (The split main-clause forms,
    "stellte … in Aussicht", are the entries with the particle after the verb.)"""
    for f in fin:
        _add(forms, f, VerbEntry(full, particle, True, cls, before=True))
    for p in parts:
        _add(forms, p, VerbEntry(full, particle, True, cls, participle=True, before=True))


APART_PARTICLES = ("bekannt", "klar", "fest", "publik", "deutlich")    # adjective particles often written apart: "wie X bekannt gab"


def _apart_particle_forms(forms: dict[str, list[VerbEntry]]) -> None:
    """Wie die Polizei bekannt gab, … / …, dass er das klar stellte. – an adjective particle ("bekannt geben") is often
    written apart from the verb also where it stands before it (the verb-final clause, the participle): the bare
    verb form after it is the particle verb, as for multi-word particles. Switch ``particle_apart``."""
    extra: list[tuple[str, VerbEntry]] = []
    for form, entries in forms.items():
        for e in entries:
            if e.particle not in APART_PARTICLES or e.before:
                continue
            if e.split:                 # "gab" (… bekannt): also "bekannt gab"
                extra.append((form, VerbEntry(e.lemma, e.particle, True, e.classes, before=True)))
            elif e.participle and form.startswith(e.particle) and len(form) > len(e.particle) + 2:
                extra.append((form[len(e.particle):], VerbEntry(e.lemma, e.particle, True, e.classes, participle=True,
                                                                before=True)))   # "bekannt gegeben"
    for form, entry in extra:
        _add(forms, form, entry)


def _str_list(data: dict, key: str, file: str) -> list[str]:
    val = data.get(key)
    if not isinstance(val, list) or not all(isinstance(v, str) and v for v in val):
        raise RuleError(file, key, "expected a list of non-empty strings")
    return val


SPEECH_KEYS = {"version", "weak", "strong", "auxiliaries", "not_speakers", "nouns", "noun_suffixes",
               "prepositions", "source_adverbs", "context_source_adverbs", "so_marker", "impersonal", "impersonal_preps",
               "pronouns", "role_heads", "claim_nouns", "konjunktiv", "complementizers", "als_speech_acts",
               "hearsay_infinitives", "demand_nouns", "rules", "switches", "profiles"}
SWITCHES = ("rel_antecedent", "sent_start_subject", "later_verb_frames", "prev_subject", "konj2_continuation",
            "soll_continuation", "own_source_subject", "skip_addressee",
            "unattributed_prev_frame", "plausible_speaker", "konj_merge",
            "anaphoric_paragraph", "final_apposition")
SWITCHES += ("anaphoric_lead_stop",)     # anaphoric_paragraph covers no lead sentence (rules/sentence.py, clm16b)
SWITCHES += ("name_apposition", "new_subject_continues", "outer_frame", "credible_source",
             "quote_sources", "coordinated_names",
             "wie_apposition", "paragraph_source",
             "role_apposition", "coordinated_v1", "open_role_apposition",
             "nominative_pronoun")      # speaker choice (speaker.py, rules/continuation.py)
SWITCHES += ("zu_trailing_clause", "cue_frame_words", "soll_merge",
             "reported_frame_clause", "frame_apposition", "source_in_clause",
             "source_vorfeld", "colon_frame_cue")    # message spans (rules/verb.py)
SWITCHES += ("extended_attribute", "article_not_pronoun", "salient_antecedent", "modal_frame_source", "dative_apposition", "reported_chain", "soll_prev_subject")     # speaker noun phrases, round 4 (speaker.py, rules/continuation.py)
SWITCHES += ("source_after_break",)     # message spans (rules/sentence.py)
SWITCHES += ("closed_clause_subject", "addressee_no_subject", "main_frame_continues", "name_colon_heading",
             "sein_perfect_participle")  # speaker: no subject from a closed dass-clause (speaker.py, issue 12)
SWITCHES += ("paragraph_bound_subject",)     # speaker: no parse subject across a paragraph break (speaker.py)
SWITCHES += ("clause_start_pronoun",)     # speaker: "…, lehnt er jedoch ab:" the pronoun after the verb (speaker.py, spk5)
SWITCHES += ("copula_subject",)     # speaker: "X ist besorgt. … sei …" a copula sentence's subject (speaker.py, spk5)
SWITCHES += ("fronted_impersonal_source",)     # speaker: "In dem Bericht heißt es, …" (speaker.py, spk5)
SWITCHES += ("tag_question",)     # filter question_sentence: ", nicht wahr?" asks nothing (rules/filters.py, fix6)
SWITCHES += ("wie_naming",)     # wie_verb: "wie er sich selbst nannte" names, claims nothing (rules/verb.py, fix6)
SWITCHES += ("heisst_es_adverb",)     # heisst_es: "heißt es weiter, …" the adverb is no message (rules/sentence.py, fix6)
SWITCHES += ("abbreviation_point_end",)     # "… der Müller GmbH." ends a sentence, no point in the speaker (records.py, filters.py, fix6)
SWITCHES += ("quoted_person",)     # "zitiert den Minister mit den Worten": the object speaks (quoting.py, fix6)
SWITCHES += ("regnal_numeral_point",)     # "Papst Benedikt XVI. sagte": no sentence end (context.py, fix6)
SWITCHES += ("abbreviation_sentence_end",)     # "… GmbH. Der Fehler": a sentence end (context.py, fix6)
SWITCHES += ("no_merge_into_dropped",)     # continuation: a dropped claim is not extended (rules/continuation.py, fix6)
SWITCHES += ("attributive_participle",)     # cue: "in der bereits erwähnten Videobotschaft" is no cue (context.py verb_hit, spk5)
SWITCHES += ("vorfeld_over_sie",)     # speaker: "Der Geschäftsführer nannte sie „…“" the Vorfeld speaker, not "sie" (speaker.py, spk5)
SWITCHES += ("pp_subject_skip",)     # speaker: a parse subject inside a PP is skipped for the verb's other subject (speaker.py, spk5)
SWITCHES += ("noun_head_subject",)     # speaker: "vertritt er die These, dass" the subject of the claim noun's verb (speaker.py, spk5)
SWITCHES += ("institution_subject",)     # speaker: "… gibt ROG keine Entwarnung. … sei …" an institution subject without actor (speaker.py, spk5)
SWITCHES += ("quoted_name_pp",)     # speaker NP: "X von der „Aktion Deutschland hilft“" (speaker.py, spk5)
SWITCHES += ("quoted_subject",)     # speaker: "„Ärzte ohne Grenzen“ kündigten an" the quoted name as subject (speaker.py, spk5)
SWITCHES += ("passive_source_pp",)     # speaker: "So wird in einer Pressemitteilung des X gefordert" (speaker.py, spk12)
SWITCHES += ("coordinated_verb_subject",)     # speaker: "legte er … nieder und verkündete, …" the first conjunct's subject (speaker.py, spk5)
SWITCHES += ("oblique_subject",)     # speaker: "Den Unmut … brachte die Sprecherin zum Ausdruck" no subject opens with den/dem (speaker.py, spk5)
SWITCHES += ("adverb_in_np",)     # speaker NP: "in einer gestern verbreiteten Erklärung" (speaker.py, spk5)
SWITCHES += ("adverbial_vorfeld",)     # speaker: "Hierzu schrieb X", "Stellvertretend für Y empfahl X" (speaker.py, spk5)
SWITCHES += ("aux_subject",)     # speaker: the parse subject hung on the finite auxiliary (speaker.py, spk5)
SWITCHES += ("abbreviation_stop_quote",)     # quotations after "GmbH." start a sentence (clauses.py), issue 12 miss5
SWITCHES += ("wie_first_np",)     # the subject of a verb-final wie-clause of saying (rules/verb.py wie_verb), issue 12 miss5
SWITCHES += ("postposition_source",)     # "Medienberichten zufolge", "Ihnen zufolge" (rules/sentence.py), issue 12 miss5
SWITCHES += ("laut_vorfeld_source",)     # "Laut einer am Dienstag veröffentlichten Pressemitteilung …" (rules/sentence.py), issue 12 miss5
SWITCHES += ("speech_noun_quote",)     # "mit den Worten „…“" frames a quotation (rules/quote.py), issue 12 miss5
SWITCHES += ("clause_quote_not_name",)     # a quoted clause with a name inside is no name (rules/quote.py), issue 12 miss5
SWITCHES += ("so_inverted",)     # ", so sagte der Minister" as an inverted frame (rules/verb.py), issue 12 miss5
SWITCHES += ("mistagged_preterite",)     # "nannte" tagged an adverb is a verb (context.py verb_hit), issue 12 miss5
SWITCHES += ("duplicate_claim",)     # a claim repeating an earlier one of the article (teaser, lead) is dropped (records.py, dup14)
SWITCHES += ("lowercase_quote_not_name",)     # a lower-case quotation after a noun is no apposition (rules/quote.py), issue 12 miss5
SWITCHES += ("lassen_frame",)     # "„…“, ließ X verlauten" (rules/quote.py quote_after), issue 12 miss5
SWITCHES += ("v2_article_adverb",)     # "…, die noch zu schaffende Verfassung werde …": an article (clauses.py v2_article), issue 12 miss5
SWITCHES += ("main_verb_adverbs",)     # "… sagte gestern, man erwäge …" without a subject found (rules/verb.py), issue 12 miss5
SWITCHES += ("sei_denn",)     # filter concessive_sei_es: "es sei denn" is no Konjunktiv I of a claim (rules/filters.py)
SWITCHES += ("v1_question",)     # filter question_quote: a verb-first question without "?" (rules/filters.py)
SWITCHES += ("title_pp",)     # filter title_quote: a PP between the title noun and the colon (rules/filters.py)
SWITCHES += ("attribute_only_speaker",)   # speaker: a thing-headed subject with an actor attribute is the fronted object (speaker.py)
SWITCHES += ("quote_new_subject",)   # quote_continued: a person subject of the sentence before speaks on (speaker.py)
SWITCHES += ("danach_preterite",)     # filter temporal_danach: "Danach fingen sie an" a preterite by its form (rules/filters.py, fp7)
SWITCHES += ("knowledge_strict",)     # filter knowledge_frame: "Er wusste, dass", "Er merkte, dass" (rules/filters.py, fp7)
SWITCHES += ("reflexive_frames",)     # filter reflexive_sense: "erinnerte sich daran, dass" (rules/filters.py, fp7)
SWITCHES += ("vorfeld_source_np", "noun_run_break", "so_sentence_frame", "subject_addressee", "adverb_source_continues",
             "dative_plural_addressee", "lemma_verb_e", "blank_before_verb")   # speaker (speaker.py, rules/sentence.py,
             # rules/continuation.py, context.py), issue 12 spk7
SWITCHES += ("subordinator_preposition", "finite_e_lemma", "embedded_clause_skip", "konj2_before_konj1",
             "adverb_source_np", "first_person_inverted", "dropped_sentence_continues")   # Konjunktiv main clause of a
             # continuation (rules/continuation.py), issue 12 cont8
SWITCHES += ("adverb_prev_speaker", "von_source", "chain_frame_speaker", "chain_across_paragraph",
             "mention_apposition_cut", "document_subject",
             "chain_konj_message", "title_before_name", "name_circumstance_cut",
             "object_first_article", "role_place_adjective", "adjective_media")   # speaker of "Demnach", of a claim noun's "von" phrase, of frames in reported
             # speech, of continuation mentions (rules/continuation.py, speaker.py, rules/sentence.py), issue 12 spk9
SWITCHES += ("adverb_subordinator", "pronoun_verb_e", "konj2_after_frame", "konj2_consequence")    # continued reported speech (rules/continuation.py), issue 12 cont13


DASHES = ("–", "—", "-")     # a dash parenthesis "– so die Polizei –" (rules/sentence.py so_dash)


CLASSES = ("speech", "cognition", "reported")


@rule_file("speech")
def parse_speech(data: Any, file: str) -> SpeechRules:
    if not isinstance(data, dict) or "version" not in data:
        raise RuleError(file, None, "expected a mapping with a 'version' key")
    unknown = sorted(set(data) - SPEECH_KEYS)
    missing = sorted(SPEECH_KEYS - set(data))
    if unknown or missing:
        raise RuleError(file, None, f"unknown key(s) {unknown}, missing key(s) {missing}")
    forms: dict[str, list[VerbEntry]] = {}
    lemmas: dict[str, frozenset[str]] = {}
    for kind in ("weak", "strong"):
        block = data[kind]
        if not isinstance(block, dict) or set(block) - set(CLASSES):
            raise RuleError(file, kind, f"expected a mapping with keys among {list(CLASSES)}")
        for cls, entries in block.items():
            classes = {cls, "speech"} if cls == "reported" else {cls}
            if kind == "weak":
                if not isinstance(entries, list):
                    raise RuleError(file, f"{kind}.{cls}", "expected a list of lemmas")
                for lemma in entries:
                    _verb_forms(forms, lemmas, lemma, classes, file)
            else:
                if not isinstance(entries, dict):
                    raise RuleError(file, f"{kind}.{cls}", "expected lemma: [präteritum, partizip]")
                for lemma, parts in entries.items():
                    _verb_forms(forms, lemmas, lemma, classes, file, parts)
    switches = _switches(data["switches"], file)
    if switches.get("particle_apart"):
        _apart_particle_forms(forms)
    preps = data["prepositions"]
    if not isinstance(preps, dict) or set(preps) != {"before", "after", "nach_requires_noun"}:
        raise RuleError(file, "prepositions", "expected keys before, after, nach_requires_noun")
    pron = data["pronouns"]
    if not isinstance(pron, dict) or not all(isinstance(v, list) for v in pron.values()):
        raise RuleError(file, "pronouns", "expected pronoun: [actor types]")
    if not isinstance(data["so_marker"], str):
        raise RuleError(file, "so_marker", "expected a string")
    return SpeechRules(
        version=int(data["version"]),
        forms=forms,
        lemmas=lemmas,
        auxiliaries=frozenset(_str_list(data, "auxiliaries", file)),
        not_speakers=frozenset(w.lower() for w in _str_list(data, "not_speakers", file)),
        nouns=frozenset(_str_list(data, "nouns", file)),
        noun_suffixes=tuple(_str_list(data, "noun_suffixes", file)),
        preps_before=frozenset(_str_list(preps, "before", file)),
        preps_after=frozenset(_str_list(preps, "after", file)),
        source_adverbs=frozenset(_str_list(data, "source_adverbs", file)),
        context_source_adverbs=frozenset(_str_list(data, "context_source_adverbs", file)),
        so_marker=data["so_marker"],
        impersonal=frozenset(_str_list(data, "impersonal", file)),
        impersonal_preps=frozenset(_str_list(data, "impersonal_preps", file)),
        pronouns={k: tuple(v) for k, v in pron.items()},
        role_heads=frozenset(_str_list(data, "role_heads", file)),
        claim_nouns=frozenset(_str_list(data, "claim_nouns", file)),
        konjunktiv=frozenset(_str_list(data, "konjunktiv", file)),
        complementizers=frozenset(_str_list(data, "complementizers", file)),
        als_speech_acts=frozenset(_str_list(data, "als_speech_acts", file)),
        hearsay_infinitives=frozenset(_str_list(data, "hearsay_infinitives", file)),
        demand_nouns=frozenset(_str_list(data, "demand_nouns", file)),
        rules=(order := _rule_order(data["rules"], file)),
        switches=switches,
        profiles=_profiles(data["profiles"], file, order),
    )


def _on_off(item: Any, file: str, key: str) -> tuple[str, bool]:
    if not (isinstance(item, dict) and len(item) == 1):
        raise RuleError(file, key, f"expected '- rule_id: on|off', got {item!r}")
    (name, on), = item.items()
    if not isinstance(on, bool):
        raise RuleError(file, f"{key}.{name}", "expected on or off")
    return name, on


def _rule_order(data: Any, file: str) -> dict[str, tuple[tuple[str, bool], ...]]:
    """``rules:`` -> stage -> ((rule id, on), ...), checked against the rule registry."""
    from .registry import REGISTRY, STAGES
    if not isinstance(data, dict) or set(data) - set(STAGES):
        raise RuleError(file, "rules", f"expected a mapping with keys among {list(STAGES)}")
    out: dict[str, tuple[tuple[str, bool], ...]] = {}
    for stage, items in data.items():
        if not isinstance(items, list):
            raise RuleError(file, f"rules.{stage}", "expected a list of '- rule_id: on|off'")
        pairs = tuple(_on_off(x, file, f"rules.{stage}") for x in items)
        for name, _ in pairs:
            if name not in REGISTRY or REGISTRY[name].stage != stage:
                raise RuleError(file, f"rules.{stage}.{name}", f"no {stage} rule of that name")
        out[stage] = pairs
    listed = {n for pairs in out.values() for n, _ in pairs}
    missing = sorted(set(REGISTRY) - listed)
    if missing or len(listed) != sum(len(p) for p in out.values()):
        raise RuleError(file, "rules", f"every rule once: missing {missing}")
    return out


def _switches(data: Any, file: str) -> dict[str, bool]:
    if not isinstance(data, dict) or set(data) != set(SWITCHES) or not all(isinstance(v, bool) for v in data.values()):
        raise RuleError(file, "switches", f"expected on/off for each of {list(SWITCHES)}")
    return dict(data)


def _profiles(data: Any, file: str, order: dict[str, tuple[tuple[str, bool], ...]]
              ) -> dict[str, tuple[dict[str, bool], dict[str, bool]]]:
    """``profiles:`` -> name -> (rule overrides, switch overrides), every name checked."""
    if not isinstance(data, dict):
        raise RuleError(file, "profiles", "expected a mapping: profile name -> {rules: {...}, switches: {...}}")
    known_rules = {n for pairs in order.values() for n, _ in pairs}
    out = {}
    for name, spec in data.items():
        if not isinstance(spec, dict) or not spec or set(spec) - {"rules", "switches"}:
            raise RuleError(file, f"profiles.{name}", "expected a mapping with keys among ['rules', 'switches']")
        parts = []
        for key, known in (("rules", known_rules), ("switches", set(SWITCHES))):
            block = spec.get(key, {})
            if not isinstance(block, dict) or not all(isinstance(v, bool) for v in block.values()):
                raise RuleError(file, f"profiles.{name}.{key}", "expected name: on|off")
            unknown = sorted(set(block) - known)
            if unknown:
                raise RuleError(file, f"profiles.{name}.{key}", f"unknown name(s) {unknown}")
            parts.append(dict(block))
        out[name] = (parts[0], parts[1])
    return out


# --------------------------------------------------------------------------- word-pattern triggers

TRIGGER_RULES = ("source_prep", "so_marker", "so_dash", "noun_dass", "wonach", "heisst_es", "each_verb")


def trigger_patterns(R: SpeechRules) -> list[tuple[str, list[dict]]]:
    """spaCy ``Matcher`` patterns of the rules that start from a word pattern, each labelled with
    its rule id (as spaCy's SpanRuler does), from the lexicons of ``speech.yaml``. The rule gets
    the match start and tests the rest (position in the sentence, quotes, used tokens)."""
    return [
        ("source_prep", [{"LOWER": {"IN": sorted(R.preps_before | R.preps_after | {"nach"})}}]),
        ("so_marker", [{"LOWER": ","}, {"LOWER": R.so_marker}]),
        ("so_dash", [{"ORTH": {"IN": list(DASHES)}}, {"LOWER": R.so_marker}]),
        ("noun_dass", [{"LOWER": ","}, {"LOWER": {"IN": ["dass", "daß"]}}]),
        ("wonach", [{"LOWER": ","}, {"LOWER": "wonach"}]),
        ("heisst_es", [{"LOWER": {"IN": sorted(R.impersonal)}}, {"LOWER": "es"}]),
        # a speech/cognition verb: one of its forms, or a token whose lemma is listed; the rule
        # (``Ctx.verb_hit``) checks the rest: the part of speech, capitalization inside the
        # sentence, a split particle. (POS NOT_IN predicates here cost 0.12 ms/doc, more than
        # the loop over every token they replaced.)
        ("each_verb", [{"LOWER": {"IN": sorted(R.forms)}}]),
        ("each_verb", [{"LEMMA": {"IN": lemma_spellings(R)}}]),
    ]


def lemma_spellings(R: SpeechRules) -> list[str]:
    """The lemmas of the verb lexicon as a lemmatizer may write them: lower case, capitalized
    (a lookup lemmatizer keeps a sentence-initial "Betonen"), upper case. (A REGEX ``(?i)`` on
    LEMMA would take any mixed case too, at 2.5 times the Matcher time; a mixed-case token of a
    listed form still matches the LOWER pattern.)"""
    return sorted({v for lemma in R.lemmas for v in (lemma, lemma.capitalize(), lemma.upper())})


def _matcher(R: SpeechRules, vocab: Vocab) -> Matcher:
    """The trigger patterns compiled once per rules object (one Matcher per vocab), as the roles
    extractor's ``former_phrases`` are."""
    by_vocab: dict[int, Matcher] = derived(R, "trigger_matchers", dict)
    m = by_vocab.get(id(vocab))                # (the Matcher keeps its vocab alive: ids are not reused)
    if m is None:
        m = TokenMatcher(vocab, validate=True)   # spaCy's Matcher, faster (issue 16)
        for rule_id, pattern in derived(R, "trigger_patterns", lambda: trigger_patterns(R)):
            m.add(rule_id, [pattern])
        by_vocab[id(vocab)] = m
    return m


def find_triggers(doc: Doc, R: SpeechRules) -> dict[str, list[int]]:
    """Rule id -> sorted start tokens of its trigger pattern in ``doc``."""
    out: dict[str, list[int]] = {rule_id: [] for rule_id in TRIGGER_RULES}
    for match_id, start, _end in _matcher(R, doc.vocab)(doc):
        out[doc.vocab.strings[match_id]].append(start)
    return {k: sorted(set(v)) for k, v in out.items()}
SWITCHES += ("v2_frame_pp", "v2_finite_position")     # verb_v2: PPs before the comma, a mistagged finite verb (rules/verb.py, msg7)
SWITCHES += ("wie_apposition_clause",)     # wie_verb: "Wie X, Sprecher der Y, mitteilte, …", "Denn wie X berichtete" (rules/verb.py, msg7)
SWITCHES += ("quote_lead_in",)     # quote_after: the unquoted start of the clause before the quotation is in the message (rules/quote.py, msg7)
SWITCHES += ("dass_after_apposition",)     # verb_dass: "meldete der Sender, Radio Vatikan, dass …" (rules/verb.py, msg7)
SWITCHES += ("das_inverted",)     # verb_inverted: "…, das teilte das Institut mit." (rules/verb.py, msg7)
SWITCHES += ("passive_frame_clause",)     # verb_konj/verb_v2: "Als Begründung wurde angegeben, die Bürger nutzen …" (rules/verb.py, msg7)
SWITCHES += ("noun_konj_embedded",)     # noun_konj: the clause ends where the main clause resumes (rules/sentence.py, msg7)
SWITCHES += ("particle_apart",)     # verb forms: "wie X bekannt gab", "hat … bekannt gegeben" (triggers.py, msg7)
SWITCHES += ("split_verb_mistag",)     # verb hits: a mistagged finite form with its particle after it (context.py verb_hit, msg7)
SWITCHES += ("reported_tail_quote", "ob_question", "lowercase_compound_source", "skipped_preposition", "dative_addressee_frame", "negated_question")     # quote_before: a quotation closing indirect speech (rules/quote.py); filter reported_question: an ob-clause after any frame verb but a demand, a question-word clause after a negated frame (rules/filters.py); "nach dpa-Informationen" (rules/sentence.py); "sagte im Interview, …", "sagte der Zeitung, …" (rules/verb.py), fp9
SWITCHES += ("speakerless_frame", "source_pp", "particle_name")     # "Im April wurde bekannt, dass …": no speaker (rules/verb.py), issue 12 src10
SWITCHES += ("nach_event_noun",)     # filter temporal_nach: "Nach der Veröffentlichung …" an act, no source (rules/filters.py, fp11)
SWITCHES += ("zu_infinitive_chain",)     # verb_zu message: a further zu-infinitive or a falls-clause after it belongs to it (rules/verb.py, fp11)
SWITCHES += ("complementizer_after_clause",)     # verb_dass: a dass/was clause after another clause of the verb is not its message (rules/verb.py, fp11)
SWITCHES += ("narrator_contrast",)     # message end: ", doch die Richterin ließ …" after a Konjunktiv message is narration (clauses.py konj_end, fp11)
SWITCHES += ("anaphoric_source_pp",)     # anaphoric frame: "Dies geht aus X hervor" (rules/sentence.py, claims11)
SWITCHES += ("source_main_clause",)     # source message: the main clause after another main clause's comma (rules/sentence.py, fp11)
SWITCHES += ("perfect_addressee",)     # verb_zu speaker: "X hat Y aufgefordert, …" Y after the auxiliary is the addressee (rules/verb.py, fp11)
SWITCHES += ("zu_particles",)     # zu-infinitives "niederzulegen", "zuzustimmen" (words.yaml zu_particles, rules/verb.py, fp11)
SWITCHES += ("zu_dash_apposition",)     # verb_zu: a zu-infinitive before a dash apposition ("…, ihre Häuser zu verlassen – die Hälfte …") (rules/verb.py, fp11)
SWITCHES += ("age_noun_speaker", "generic_org_compound", "pronoun_gender", "pronoun_prev_subject", "speaker_edges", "person_noun_speaker", "unpunctuated_bound", "compound_role_holder", "mistagged_preposition", "indefinite_role")     # speaker resolution: "Der 50-Jährige sagte" is the person named before (rules/speaker.py speaker_role), "Der Münchner Konzern teilte mit" the company (speaker_generic_org), "er" no woman, the subject of the sentence before (speaker_pronoun), span edges (speaker.py speaker_edges), person nouns (speaker.py _person_noun), no sentence end after a bare lower-case word (context.py), "Die SPD-Chefin" the role holder (rules/speaker.py), a title tagged APPR (speaker.py _preposition), "ein Talibanführer" no one named before (rules/speaker.py speaker_role), spk11
SWITCHES += ("no_antecedent_article",)     # verb_konj/verb_v2: "Er sagte, die Schuldenbremse gelte." no relative pronoun after the verb's comma (rules/verb.py, verb12)
SWITCHES += ("finite_slot_e",)     # verb_konj/verb_inverted: "Er sagte, die Regierung versage." a mistagged verb in -e after the opening NP (rules/verb.py, verb12)
SWITCHES += ("frame_rest_name",)     # verb_inverted: ", dem Sender n-tv." after the frame: a name tagged a verb is no rest of the message (clauses.py, verb12)
SWITCHES += ("attributive_e",)     # Konjunktiv test: "deutsche Literatur" (lemma "deutsch") before a noun is an adjective (context.py is_konj, verb12)
SWITCHES += ("parenthetical_frame",)     # verb_inverted, not verb_konj: "Die Regierung, sagte der Sprecher, werde …" (rules/verb.py, verb12)
SWITCHES += ("v1_coordinated",)     # verb_konj: "…, man bedaure die Entscheidung, werde sie aber akzeptieren" a second predicate, no message (rules/verb.py, verb12)
SWITCHES += ("predicate_rest",)     # verb_inverted/so_marker: "Die Lage sei, sagte er, ernst." the predicate after the frame (clauses.py msg_around, verb12)
SWITCHES += ("pp_vorfeld_slot",)     # verb_v2: "warnte, bei Glätte drohten Unfälle" a mistagged finite verb after a PP Vorfeld (rules/verb.py, verb12)
SWITCHES += ("trailing_addressee",)     # speaker after an inverted verb: "sagte Habeck der Deutschen Presse-Agentur" without the addressee (clauses.py, rules/verb.py, rules/quote.py, verb12)
SWITCHES += ("question_frame",)     # filter question_sentence: a frame or source phrase inside a question (rules/filters.py, claims9)
SWITCHES += ("als_predicate_quote",)     # quote_in_frame: "bezeichnete X als „Knaller aus Karlsruhe“" a predicate with a name inside, no name (rules/quote.py, claims9)
SWITCHES += ("hyphen_source_noun", "genitive_name_source")     # source nouns: "nach einem EU-Dokument" (clauses.py is_source_noun), "Nach Grupps Meinung" (rules/sentence.py, claims9)
SWITCHES += ("gemaess_actor_source",)     # source_gemäß: "Gemäß Reuters …", "Gemäß einem Sprecher …" an actor as source (rules/sentence.py, claims9)
SWITCHES += ("time_speaker", "given_name_gender", "plural_sie")     # speakers: time spans, given-name gender, plural "sie" (speaker.py, rules/speaker.py, spk9)
SWITCHES += ("spokesperson_place",)     # "ein Sprecher der Stadt Weimar" speaks for the place (rules/speaker.py, spk9)
SWITCHES += ("spokesperson_genitive_org",)     # "ein Sprecher der Stadtwerke": the organisation introduced with the genitive noun (rules/speaker.py, spk15)
SWITCHES += ("subject_one_person",)     # "Der Bürgermeister Christoph Lamertz (CDU) zeigte sich betroffen. …, sagte er.": the one person of the subject (rules/speaker.py, spk15)
SWITCHES += ("comparative_vorfeld",)     # "Kritischer äußerte sich X: …": a comparative in the Vorfeld is no name (speaker.py, spk15)
SWITCHES += ("content_not_antecedent",)     # "Kessler sei …, sagte er": a name in the content is no antecedent of the speaker (speaker.py nearest_actor, spk15)
SWITCHES += ("age_noun_gender",)     # "Die 45-Jährige berichtete": not a man named before (rules/speaker.py _age_noun_person, spk15)
SWITCHES += ("bare_org_source",)     # speaker_org_source: "laut Hersteller", "laut Verein" (rules/speaker.py, spk15)
SWITCHES += ("definite_person_noun",)     # "räumte der Rückraumspieler ein": the person named before (rules/speaker.py speaker_role, spk15)
SWITCHES += ("root_subject_mistag",)     # a lower-case root with a subject is the previous sentence's verb (speaker.py prev_subject, spk9)
SWITCHES += ("source_holder_pp",)     # "nach überwiegender Ansicht in der Rechtsprechung": the holder of a source noun (rules/sentence.py, spk9)
SWITCHES += ("fronted_addressee", "name_addressee")     # "Der dpa sagte Scholz", "sagte Scholz der dpa": addressees (speaker.py, spk9)
SWITCHES += ("prep_object_subject",)     # "sagte gegenüber Heise": a preposition's object is no subject (speaker.py find_subject, spk9)
SWITCHES += ("reason_frame_subject",)     # "Zur Begründung hieß es, …": the previous sentence's subject (speaker.py, spk9)
SWITCHES += ("article_before_name",)     # "die Gerhard Schröder": no article before a bare full name (speaker.py speaker_edges, spk9)
SWITCHES += ("quoted_title_upper", "vorfeld_predicative", "own_source_continues")     # speaker NP edges: "laut Gall „auch in …“", "Besorgt äußerte sich X" (speaker.py, spk10)
SWITCHES += ("question_addressee",)     # with question_frame: only a question that addresses the one asked drops its frame ("Glauben Sie, dass …?"; rules/filters.py, claims10)
SWITCHES += ("organisation_noun_reference",)     # speaker resolution: "die Umweltschutzorganisation", "der Verband" (rules/speaker.py _company_reference, spk13)
SWITCHES += ("pronoun_unnamed_subject",)     # speaker resolution: "Ein Sprecher der Armee … Er sagte" (rules/speaker.py _prev_subject_actor, spk13)
SWITCHES += ("antecedent_oblique",)     # speaker resolution: a name in a PP or genitive attribute is rarely what "er"/"sie" refers to (speaker.py nearest_actor, spk13)
SWITCHES += ("possessive_source",)     # speaker resolution: "Seiner Meinung nach …" -> the owner, as "er" (rules/speaker.py speaker_pronoun, spk13)
SWITCHES += ("titled_person_gender",)     # brole13: a feminine/masculine role noun prefers the holder of the title in its own form (rules/speaker.py _titled_person)
SWITCHES += ("finite_participle_form", "als_vorfeld", "fronted_clause_konj")     # speech_act: "Spiegel Online berichtet vom …", "Als Beispiel nannte X …" (rules/verb.py, wmsg14)
SWITCHES += ("name_after_role", "conjunct_object")     # a person's name after a title's complement joins the speaker span; a verb after "und" shares the subject before (speaker.py, wspk14)
# miss14: a quoted name before an auxiliary (rules/quote.py); verbless insertions before a dass-clause, a dass-clause before a
# colon quote, the subject after an "als" Vorfeld (rules/verb.py); a joined particle form tagged an adverb (context.py)
SWITCHES += ("quoted_name_aux", "dass_after_verbless", "mistagged_joined_form", "dass_before_colon_quote", "als_vorfeld_subject")
SWITCHES += ("colon_blank_quote",)     # a colon before blank lines frames the quotation after them (rules/quote.py QuoteSite.blank_start, qframe14)
SWITCHES += ("fronted_clause_main", "inverted_outer_frame", "plan_date",
             "verb_e_before_pronoun", "demnach_midfield", "konj_dependent",
             "konj2_present_time", "negated_permission")   # issue 12 clm15: claims found and claim precision on unseen news (clauses.py, rules/)
SWITCHES += ("spokesperson_org_noun", "club_reference", "pronoun_single_person")   # issue 12 spk16: speaker resolution (rules/speaker_anaphor.py)
SWITCHES += ("pp_name_apposition",)   # issue 12 spk16b: "Der Betriebsratsvorsitzende am Standort, Gernot Wallner, sagte" (rules/speaker_source.py)
SWITCHES += ("own_source_antecedent",)   # issue 12 spk16c: "…, die nach eigenen Angaben …" -> the antecedent (rules/speaker_entity.py)
SWITCHES += ("naming_vorfeld_subject",)   # issue 12 spk17: "X, Y, nannte die Forderungen „…“" -> X, not the object (rules/speaker_named.py)
SWITCHES += ("anaphor_circumstance_cut",)   # issue 12 spk17: "sagte der 54-Jährige in Stuttgart" -> "der 54-Jährige" (rules/speaker_named.py)
SWITCHES += ("der_singular_subject",)   # issue 12 spk17: speaker_person_noun: "sagte der Innenverteidiger" is singular whatever the tagger's number (rules/speaker_anaphor.py)
SWITCHES += ("chain_konj_frame",)   # issue 12 spk17: "Der Betriebsrat werde … zustimmen" after a claim: a Konjunktiv-I frame is reported, the speaker before speaks (rules/continuation.py)

SWITCHES += ("slot_mistag",)     # issue 12 clm17: "Die Erweiterung sichere …, sagte X" a mistagged finite verb after the first constituent (rules/verb.py)
SWITCHES += ("quote_end_bound",)     # issue 12 clm17: a quotation ending in final punctuation ends its sentence (context.py Ctx._quote_end_bounds)
SWITCHES += ("colon_frame_subject",)  # issue 12 spk17b: "Medivo widersprach: Bei den Terminlisten handle es sich …": a Konjunktiv sentence after a colon frame reports the frame's subject (rules/continuation.py)
SWITCHES += ("konj2_plural_past", "capitalized_bound", "capitalized_not_konj")   # issue 12 clm18: a plural past form that is also the Konjunktiv II continues a claim (rules/past_konj2.py); no sentence start between two capitalized words (context.py); a capitalized word inside a sentence is no Konjunktiv I (clauses.py)

SWITCHES += ("number_point_end",)   # issue 12 wik18: "… zirka 1.000. Zu der Demonstration …": a number keeping the final point before a capitalized function word ends the sentence (context.py)
SWITCHES += ("anaphoric_merge",)   # issue 12 wik18: "… . … . Das berichtete X.": the sentences an anaphoric frame covers make one claim (rules/sentence.py; on in the wikinews profile)
SWITCHES += ("fronted_free_relative",)   # issue 12 clm19: "Wer heute pflanze, schaffe …", "Sollte …, werde …": a fronted clause before a Konjunktiv continuation's main clause (rules/fronted_konj.py)

SWITCHES += ("agreement_subject",)  # issue 12 spk18b: a speaker that disagrees with the finite verb in number is its object (rules/speaker_agree.py)
SWITCHES += ("bare_source_speaker",)  # issue 12 spk18b: "nach den getroffenen Feststellungen": an unnamed source, no speaker (rules/speaker_agree.py)

SWITCHES += ("paragraph_apposition_subject",)  # issue 12 spk18: "Kinzigs Anwalt, Dr. Philipp Breuer, wies die Vorwürfe zurück." at a paragraph start: the subject runs through its apposition (speaker.py _apposition_subject)
SWITCHES += ("anaphor_prev_subject",)  # issue 12 spk18: "Kapitän Marcel Hoyer sah es ähnlich. …, sagte der 31-Jährige": an age/person noun is the one person the sentence before has as subject (rules/speaker_anaphor.py subject_before_person)
SWITCHES += ("final_frame_subject",)  # issue 12 spk18: "…, die über die Folgen nachdenken, sagt er." a Konjunktiv continuation ending in an inverted frame reports that frame's subject (rules/continuation.py)
SWITCHES += ("impersonal_prev_frame",)  # issue 12 spk18: "…, wie das Unternehmen mitteilte. …, hieß es zur Begründung.": a sourceless "hieß es" reports the frame subject of the sentence before (rules/sentence.py)
SWITCHES += ("document_new_subject",)  # issue 12 spk18: "X kritisierte den Zeitpunkt. …, hieß es in einer Mitteilung.": the subject of a sentence before without a claim writes the document (rules/speaker.py speaker_document)
SWITCHES += ("reported_main_frame",)  # issue 12 spk18: "Man habe Gebhardt informiert. „…“": a speech verb inside the continuation before is no frame of the quotation (rules/quote.py)
SWITCHES += ("impersonal_prev_source",)  # issue 12 spk19: "Laut X wurden … investiert. …, hieß es.": the source of the sentence before (rules/speaker_chain.py)
SWITCHES += ("court_panel",)  # issue 12 spk19: "Die Kammer sah es als erwiesen an" -> the court named last (rules/speaker_orgname.py speaker_court_panel)

SWITCHES += ("vorfeld_act_subject",)  # issue 12 wik19: "Andere Quellen berichten von …": without a parse subject, a speaking group noun phrase filling the Vorfeld is the speech act's subject (rules/verb.py _vorfeld_group)

SWITCHES += ("spokesperson_person", "spokesperson_prefix_name", "np_place_cut", "org_noun_names", "title_morph_gender")  # issue 12 spk20: "NMP-Sprecherin X … , sagte sie." -> the organisation; "Krüger-Sprecherin X" names the organisation outside its paragraph (rules/speaker_spokes.py)
SWITCHES += ("media_reporting_not_company",)  # issue 12 ent21: "nach LZ-Informationen", "das dem Abendblatt vorliegt" is no company referred back to (rules/speaker.py)

SWITCHES += ("cognition_frame_main",)  # issue 12 wik20: a cognition-only verb in a subordinate clause frames no continuation (speaker.py prev_frame_subject)

SWITCHES += ("person_noun_any_tag", "spokesperson_name_word", "holder_indefinite")  # issue 12 spk21: "warnte der Ökonom" (tagged VERB) is a person noun; "ein Sprecher des Krankenhauses" -> St.-Annen-Krankenhaus (rules/speaker_anaphor.py, speaker.py)
SWITCHES += ("konj_before_colon_quote",)  # issue 12 clm21: "X sagte, die Belegschaft werde …: „…“": the colon quote's frame verb frames the clause before the colon too (rules/verb.py colon_quote_bound)
SWITCHES += ("konj2_after_quote",)  # issue 12 clm21: "„…“, sagt X. Viele Ältere schämten sich …": a quotation with its frame is Konjunktiv context for konj2_plural_past (rules/past_konj2.py quote_frame_before)
SWITCHES += ("pronoun_verb_kept",)  # issue 12 clm21: "Er prüfe rechtliche Schritte.": attributive_konj keeps a continuation whose opening pronoun is followed by a verb in -e (rules/filters.py _pronoun_verb)
SWITCHES += ("paragraph_particle_subject",)  # issue 12 spk21b: "Auch Schmalenbach war erleichtert." opening a paragraph: the subject starts after the focus particle (speaker.py particle_subject, in prev_subject)
SWITCHES += ("condition_konj_e",)  # issue 12 clm21: "Wenn sich nichts ändere, würden …": the condition's closing -e verb is its Konjunktiv I for hypothetical_condition (rules/filters.py _condition_konj_e)
