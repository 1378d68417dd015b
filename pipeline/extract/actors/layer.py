"""The entity layer around the NER (issue 12): evidence and consistency decide what a name is.

The NER alone tags "Flixbus" as a person and "Trump" as an organisation, and misses
"Rheinmetall" entirely. Per article, this layer

1. collects **organisation evidence** for names (:func:`org_evidence`): a legal form after the name
   ("Blaser GmbH"), a noun of the organisation's kind before it ("das Unternehmen Flixbus",
   "der Rüstungskonzern Rheinmetall"), a hyphen compound ("Rheinmetall-Sprecher", "Flixbus-Chef",
   "Rheinmetall-Aktie"), and the gazetteer (``rules/gazetteer.yaml``);
2. gives every mention of a name **one label** (:func:`decide_label`): a surname after the full
   name is the person; else organisation evidence; else the gazetteer; a person known by one name that NER
   tags a person once is that person everywhere ("[Trump]ORG"); else the majority of the NER labels of that
   name in the article;
3. keeps a **person only where a name is plausible** (:func:`implausible_person` and the checks of
   :mod:`.persons`): a name without person evidence (a first name, a title or role, the full name in the
   article, a speech verb) is no person when it is a common noun (:func:`noun_lemmas`: a lemma with a
   plural or case form, not only a genitive as names have), a compound of one, an English word written
   mostly in lower case, a word the article uses as a common noun elsewhere, or coordinated with one;
   a PER that ends in a first name or an initial takes the surname NER left out
   (:func:`complete_person_names`);
4. adds the mentions NER **missed**: untagged occurrences of names with organisation evidence or
   gazetteer entries, and the organisation prefixes of compounds.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from pipeline.records import Mention
from pipeline.extract.view import doc_caps, doc_columns, doc_span, doc_tokens
from pipeline.ruleset import RuleSet

from . import orgs, persons, persons_article
from .names import _strip_gen
from .rules import word_list, word_tuple

NAME_LABELS = ("PER", "ORG", "LOC", "MISC")


@dataclass
class Evidence:
    """Per-Doc facts the layer decides with."""
    org: dict[str, str] = field(default_factory=dict)            # name -> why it is an organisation
    compound_prefixes: list[tuple[int, str]] = field(default_factory=list)   # (token index, prefix) to add
    person_surnames: set[str] = field(default_factory=set)       # last words of full PER names
    propn_words: set[str] = field(default_factory=set)           # words the tagger read as proper nouns
    noun_words: set[str] = field(default_factory=set)            # words the tagger read as common nouns
    person_given: frozenset[str] = frozenset()                   # known first names
    per_last_words: set[str] = field(default_factory=set)         # last words of PER mentions of several words
    person_gendered: frozenset[str] = frozenset()                # the curated first names (actors.yaml given_names)
    evidence_given: frozenset[str] = frozenset()                 # all first names (actors.yaml common_given_names too)
    org_spans: list[tuple[int, int]] = field(default_factory=list)   # token ranges the org rules found
    org_multi: dict[str, list[str]] = field(default_factory=dict)    # first word -> org names of several words
    org_nouns: set[str] = field(default_factory=set)             # common-noun organisation names (institutions)
    per_tagged: set[str] = field(default_factory=set)            # single-word names NER tagged PER at least once
    known_persons: frozenset[str] = frozenset()                  # actors.yaml known_persons
    kind_noun_starts: set[int] = field(default_factory=set)      # char starts of names right after an org kind noun
    title_starts: set[int] = field(default_factory=set)          # char starts of single PER words right after a title
    work_names: set[str] = field(default_factory=set)            # quoted names after a noun of a work's kind
    quoted_starts: set[int] = field(default_factory=set)         # char starts of mentions right after an opening quote
    org_last_words: set[str] = field(default_factory=set)        # last words of org names that start with a first name
    named_after: set[str] = field(default_factory=set)           # names of several words after an org kind noun
    legal_forms: frozenset[str] = frozenset()                    # words.yaml actors.legal_forms_cased
    legal_first_words: set[str] = field(default_factory=set)     # (ent16) first words of names before a legal form
    place_genitives: dict[int, str] = field(default_factory=dict)  # (ent16b) char start -> label of a place's genitive
    cols: orgs.Columns | None = None                             # token texts, lower-cased texts, tags (orgs.columns)


@lru_cache(maxsize=1)
def german_words() -> tuple[frozenset[str], frozenset[str]]:
    """(capitalised words, lower-case words) of spaCy's German lemma lookup table (forms and lemmas):
    the vocabulary a single-word "person" is checked against. Read from the committed word tables
    (:mod:`.wordtables`), else derived from spacy-lookups-data; empty where that is missing too."""
    from . import wordtables
    caps, lows = wordtables.load("de_lemma_caps"), wordtables.load("de_lemma_lower")
    if caps is None or lows is None:
        return _derive_german_words(_de_prob_sets()[0])
    return caps, lows


def _derive_german_words(prob_lower: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """german_words() from spacy-lookups-data; ``prob_lower``: :func:`_lowercase_words`."""
    try:
        from spacy.lookups import load_lookups
        table = load_lookups("de", ["lemma_lookup"]).get_table("lemma_lookup")
    except (ImportError, ValueError, OSError):
        return frozenset(), frozenset()
    import spacy
    strings = spacy.blank("de").vocab.strings
    caps, lows = set(), set()
    for k, v in table.items():
        for x in (k, v):
            w = x if isinstance(x, str) else strings[x] if x in strings else None
            if w:
                (caps if w[:1].isupper() else lows).add(w)
    lows.update(prob_lower)
    return frozenset(caps), frozenset(lows)


@lru_cache(maxsize=1)
def lemma_table() -> dict:
    """spaCy's German lemma lookup table (form -> lemma; empty where spacy-lookups-data is missing). The
    rules that need it often read committed sets derived from it instead (:func:`noun_lemmas`,
    ``persons._verb_form``); loading it costs about 0.25 s and 100 MB."""
    return _lookups_json("de_lemma_lookup.json.gz")


@lru_cache(maxsize=1)
def noun_lemmas() -> frozenset[str]:
    """Capitalised lemmas of spaCy's German lemma lookup table that have an inflected form other than a
    genitive ("Pelz": "Pelze", "Pelzen"; "Laterne": "Laternen"; "Koch": "Köche"): common nouns. The table
    lists names too, with their genitive only ("Merkel": "Merkels", "Huber": "Hubers"), so the capitalised
    vocabulary of :func:`german_words` is no evidence of a common noun; this set is. Surnames that are
    nouns as well (Fischer, Koch, Richter) are in it: it is used only for names without person evidence."""
    from . import wordtables
    got = wordtables.load("de_noun_lemmas")
    return _derive_noun_lemmas(lemma_table()) if got is None else got


def own_lemma(word: str) -> bool:
    """``lemma_table().get(word, word) == word``: the lemma table gives ``word`` no other lemma. For a
    capitalised word from the committed set ``de_lemma_changed_caps`` (issue 16: every worker loaded the
    whole table, 0.3-0.6 s and 100 MB, for this one lookup)."""
    if word[:1].isupper():
        return word not in lemma_changed_caps()
    return lemma_table().get(word, word) == word


@lru_cache(maxsize=1)
def lemma_changed_caps() -> frozenset[str]:
    """Capitalised forms of spaCy's German lemma table whose lemma is another word ("Männer": "Mann")."""
    from . import wordtables
    got = wordtables.load("de_lemma_changed_caps")
    return _derive_lemma_changed_caps(lemma_table()) if got is None else got


def _derive_lemma_changed_caps(table: dict) -> frozenset[str]:
    return frozenset(k for k, v in table.items() if k[:1].isupper() and v != k)


def _derive_noun_lemmas(table: dict) -> frozenset[str]:
    out = set()
    for k, v in table.items():
        if isinstance(v, str) and v[:1].isupper() and v.isalpha() and k[:1].isupper() and \
                k not in (v, v + "s", v + "es", v + "'"):
            out.add(v)
    return frozenset(out)


# a capitalised word at least this frequent (log probability in spacy-lookups-data's German lexeme table) is
# a known noun as the head of a compound ("-nutzer", "-saison", "-studios"); surnames as heads are excluded
# by words.yaml actors.surname_heads
FREQUENT_CAPITALISED_LOGPROB = -12.5


def frequent_capitalised() -> frozenset[str]:
    """Capitalised words of the German lexeme probability table at least as frequent as
    FREQUENT_CAPITALISED_LOGPROB (empty where the table is missing)."""
    return _de_prob_sets()[1]


# capitalised words of the German lexeme table at least this frequent count as known words (the head of a
# compound with a linking -s, persons._linked_compound)
KNOWN_CAPITALISED_LOGPROB = -14.0


def capitalised_words() -> frozenset[str]:
    return _de_prob_sets()[2]


def _lookups_json(name: str) -> dict:
    """A table of spacy-lookups-data read as JSON (its keys are the words; empty where it is missing)."""
    try:
        import gzip
        import json
        import os
        import spacy_lookups_data
        path = os.path.join(os.path.dirname(spacy_lookups_data.__file__), "data", name)
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return json.load(f)
    except (ImportError, OSError, ValueError):
        return {}


# a word written in lower case at least this often (log probability in spacy-lookups-data's German lexeme
# table) and more often than capitalised is a common lower-case word ("freier", "jene", "gefriert"); names
# are written capitalised ("Merkel" -10.8, "merkel" -15.1)
LOWERCASE_MIN_LOGPROB = -15.5


def _lowercase_words() -> set[str]:
    """Words of the German lexeme probability table that are mostly written in lower case (the inflected
    forms the lemma table lacks). Empty where the table is missing."""
    return set(_de_prob_sets()[0])


@lru_cache(maxsize=1)
def _de_prob_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(lower-case words, frequent capitalised words, known capitalised words) of spaCy's German lexeme
    probability table: the committed word tables, else derived (the table itself is not kept)."""
    from . import wordtables
    got = tuple(wordtables.load(n) for n in ("de_prob_lower", "de_prob_caps_frequent", "de_prob_caps_known"))
    return _derive_de_prob_sets() if None in got else got


def _derive_de_prob_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    prob = _lookups_json("de_lexeme_prob.json.gz")
    lows = frozenset(w for w, p in prob.items() if p >= LOWERCASE_MIN_LOGPROB and w.isalpha() and w.islower()
                     and p > prob.get(w[:1].upper() + w[1:], -100.0))
    caps = {w: p for w, p in prob.items() if p >= KNOWN_CAPITALISED_LOGPROB and w[:1].isupper() and w.isalpha()}
    return lows, frozenset(w for w, p in caps.items() if p >= FREQUENT_CAPITALISED_LOGPROB), frozenset(caps)


def _cap(word: str) -> bool:
    return word[:1].isupper() and (word[:1].isalpha() or any(c.isalpha() for c in word))


def _name_run_start(doc: Doc, i: int) -> int:
    """The first token of the capitalised words right before token ``i`` (at most four, within the sentence; ``i``
    where there are none)."""
    j = i
    while j > 0 and i - j < 4 and _cap(doc[j - 1].text) and doc[j - 1].pos_ not in ("DET", "PUNCT") \
            and not doc[j].is_sent_start and "\n" not in doc[j - 1].whitespace_:
        j -= 1
    if j < i and doc[j].is_sent_start and doc[j].lower_ in german_words()[1]:
        j += 1                          # "Jene Gruppe": a sentence-initial function word
    return j


def _name_after(doc: Doc, i: int) -> str | None:
    """The name that starts at token ``i``: the NER entity there, else a run of proper nouns."""
    if i >= len(doc) or not _cap(doc[i].text):
        return None
    t = doc[i]
    if t.ent_iob_ == "B":
        ent = next((e for e in doc.ents if e.start == i), None)
        if ent is not None:
            return ent.text
    if t.pos_ not in ("PROPN", "X") and not (t.text.isupper() and len(t.text) > 1):
        return None
    j = i + 1
    caps = t.text.isupper() and len(t.text) > 1       # "des Nachrichtenmagazins DER SPIEGEL": a name in capitals
    while j < len(doc) and j - i < 4 and _cap(doc[j].text) and (
            doc[j].pos_ == "PROPN" or caps and doc[j].text.isupper() and len(doc[j].text) > 1):
        j += 1
    return doc[i:j].text


def _legal_form_names(doc: Doc, rules: RuleSet, ev: Evidence) -> None:
    """"Blaser GmbH", "die Thyssenkrupp AG": the name before a legal form."""
    forms = word_list(rules, "legal_forms_cased")
    cols = ev.cols if ev.cols is not None else orgs.columns(doc)
    for i, text in enumerate(cols.text):
        fused = _form_with_period(text, forms)
        if (text in forms or fused) and i > 0 and (cols.pos[i - 1] in ("PROPN", "X", "NOUN") or (
                _cap(cols.text[i - 1]) and cols.pos[i - 1] not in ("ADJ", "DET", "PRON"))):   # "Isar-Inn e.V.": any tag
            j = _without_kind_lead(doc, _ampersand_start(doc, cols, _name_run_start(doc, i), forms), i, rules)
            if j < i and not (i + 1 < len(cols.text) and cols.text[i + 1] in forms) \
                    and cols.text[j].rstrip(".") not in ("Co", "&") and cols.text[j] not in forms:
                # ("Holding AG": the last form takes the name; "GmbH & Co. KG": no name of its own before "KG")
                ev.org.setdefault(doc[j:i].text, "legal_form")
                if i - j >= 2 and doc[j].text not in ev.evidence_given:
                    ev.legal_first_words.add(doc[j].text)      # org_legal_form_short_name
                ev.org_spans.append((j, i + 1))     # org_legal_form_span: "die [Schneider]PER [Elektrolyse GmbH]ORG"


def _ampersand_start(doc: Doc, cols, j: int, forms) -> int:
    """org_ampersand_company: "der Kowalski & Söhne Transporte GmbH": a name before a legal form that starts right
    after "&" starts at the capitalised words before the "&" ("Kowalski"; not a legal form there: "GmbH & Co. KG")."""
    if j >= 2 and cols.text[j - 1] == "&" and _cap(cols.text[j - 2]) and cols.text[j - 2] not in forms \
            and cols.pos[j - 2] not in ("DET", "PRON", "ADP"):
        return _name_run_start(doc, j - 1)
    return j


def _ampersand_names(doc: Doc, rules: RuleSet, ev: Evidence) -> None:
    """org_ampersand_company: "die Schweizer Privatbank Ammann & Cie. ... Ammann & Cie. äußerte sich nicht", "die
    Kanzlei Kessel & Partner": capitalised words, "&" and a company word (words.yaml actors.ampersand_company_words, any case:
    Cie., Söhne, Partner, Company; not "Co.": "AOK & Co." is "and the like") are a company's name without a legal form after it; its first word alone is that
    company too (as org_legal_form_short_name: "Ammann" after "Ammann & Cie.")."""
    words = word_list(rules, "ampersand_company_words")
    forms = word_list(rules, "legal_forms_cased")
    cols = ev.cols if ev.cols is not None else orgs.columns(doc)
    for k, text in enumerate(cols.text):
        if text != "&" or k < 1 or k + 1 >= len(cols.text) or cols.lower[k + 1] not in words \
                or not _cap(cols.text[k - 1]) or cols.text[k - 1] in forms or cols.pos[k - 1] in ("DET", "PRON", "ADP"):
            continue
        if k + 2 < len(cols.text) and (cols.text[k + 2] in forms or _cap(cols.text[k + 2]) and cols.pos[k + 2] == "PROPN"):
            continue                    # (a legal form or more name after it: _legal_form_names' case)
        j = k - 1
        while j > 0 and k - j < 3 and _cap(cols.text[j - 1]) and cols.pos[j - 1] in ("PROPN", "X") \
                and "\n" not in doc[j - 1].whitespace_:
            j -= 1                      # (proper nouns only: not "die Consulting Firma Bain & Company")
        ev.org.setdefault(doc[j:k + 2].text, "ampersand")
        if doc[j].text not in ev.evidence_given:
            ev.legal_first_words.add(doc[j].text)
        ev.org_spans.append((j, k + 2))


def _form_with_period(text: str, forms: frozenset[str]) -> bool:
    """org_legal_form_period (ent16): "die Beschäftigten des Lebensmittelhändlers Nahkauf Süd GmbH. Das Kartellamt …":
    the tokenizer keeps the sentence's period on a legal form that has none of its own ("GmbH.", "AG.", "SE."); the
    form is still a legal form (the name's mention ends before the period)."""
    return text.endswith(".") and len(text) > 2 and text[:-1] in forms and not text[:-1].endswith(".") \
        and text not in forms


def _without_kind_lead(doc: Doc, j: int, i: int, rules: RuleSet) -> int:
    """org_legal_form_kind_lead: "Der Autozulieferer Kessler Automotive SE", "Der Spezialchemiekonzern Kessler SE": the
    noun of the organisation's kind before the name (words.yaml actors.org_kind_heads as word endings, and a place
    adjective in -er before it: "Der Kölner Versicherer Axa AG") is no part of the name before the legal form: the
    name's first token (of the run ``j``..``i``)."""
    heads = word_tuple(rules, "org_kind_heads") + ("gesellschaft", "gesellschaften")
    for k in range(j, i - 1):
        w = doc[k].text
        if kind_ending(w.lower(), heads) and "-" not in w:
            return k + 1
        if not (w.endswith("er") and w[:1].isupper()):
            break                       # (only place adjectives before the kind noun)
    return j


def _two_name_words(doc: Doc, i: int) -> bool:
    """Two capitalised proper nouns from token ``i`` on: the shape of a person's name."""
    return i + 1 < len(doc) and all(_cap(doc[k].text) and doc[k].pos_ == "PROPN" for k in (i, i + 1))


def kind_noun_before(doc: Doc, start: int, rules: RuleSet) -> bool:
    """org_kind_noun_mention: "die Kulmbacher Firma [Töpfer]", "das Unternehmen [Merkel]": the name at character
    ``start`` right after a noun of an organisation's kind (words.yaml actors.org_kind_heads, not those that name
    persons as often) is that organisation in this mention, even where the article names a person of that surname
    ("Geschäftsführer Mark Töpfer"): a family firm and its owner are two actors."""
    sp = doc_span(doc, start, start + 1, "expand")
    if sp is None or sp.start == 0 or doc[sp.start].is_sent_start:
        return False
    t = doc[sp.start - 1]
    heads, personal = word_tuple(rules, "org_kind_heads"), word_tuple(rules, "person_kind_heads")
    return _kind_head(t, heads, personal)


def _kind_head(t: Token, heads: tuple[str, ...], personal: tuple[str, ...]) -> bool:
    return (t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.lower_ not in heads)) and _cap(t.text) \
        and kind_ending(t.lower_, heads) and _cap(t.text.rsplit("-", 1)[-1]) and not kind_ending(t.lower_, personal)


def kind_ending(low: str, heads: tuple[str, ...]) -> bool:
    """org_kind_noun_genitive: "der Vorsitzende des Kunstvereins Muldeaue", "ein Sprecher des Verlags Gruner": a word
    ending in one of ``heads``, also in the genitive (-s, -es)."""
    return low.endswith(heads) or (low.endswith("s") and (low[:-1].endswith(heads)
                                                          or low.endswith("es") and low[:-2].endswith(heads)))


def _kind_noun_names(doc: Doc, rules: RuleSet, ev: Evidence) -> None:
    """"das Unternehmen Flixbus", "der Rüstungskonzern Rheinmetall", "Die Münchener Anwaltskanzlei Waldorf Frommer"
    (a compound the tagger reads as a proper noun): the name after the kind noun."""
    heads = word_tuple(rules, "org_kind_heads")
    head_set = word_list(rules, "org_kind_heads")         # (membership: the set, not a scan of the tuple)
    personal = word_tuple(rules, "person_kind_heads")     # "der Gemüsehändler Süleyman Tasköprü"
    gaz = rules.get("gazetteer")
    cols = ev.cols if ev.cols is not None else orgs.columns(doc)
    toks = doc_tokens(doc)
    for i, pos in enumerate(cols.pos):
        if not (pos == "NOUN" or (pos == "PROPN" and cols.lower[i] not in head_set)):
            continue
        text, low = cols.text[i], cols.lower[i]            # (the Token only for a kind noun)
        if _cap(text) \
                and kind_ending(low, heads) and _cap(text.rsplit("-", 1)[-1]) \
                and not (kind_ending(low, personal) and _two_name_words(doc, i + 1)):
            t = toks[i]
            name = _name_after(doc, t.i + 1)
            if name and not low.endswith(heads) and name.split()[0] in ev.evidence_given:
                continue                # "des Softwareunternehmens Kevin Lynch": after a genitive, the person
            if name and kind_ending(low, personal) and name in ev.per_last_words:
                continue                # per_kind_rival_surname: "sein Konkurrent Mussawi" of "Mir Hossein Mussawi"
            if name and (name.split()[0] not in ev.person_given or (gaz is not None and gaz.label(name) == "ORG")
                         or _named_after_persons(name, t, personal + word_tuple(rules, "member_kind_heads"))):
                ev.org.setdefault(name, "kind_noun")       # ("der Verlag Axel Springer": a listed company)
                if len(name.split()) >= 2:
                    ev.named_after.add(name)
                if not kind_ending(t.lower_, personal):
                    ev.kind_noun_starts.add(doc[t.i + 1].idx)


def _named_after_persons(name: str, kind: Token, personal: tuple[str, ...]) -> bool:
    """org_kind_noun_full_name: "die deutsche Digitalagentur [Conrad Caine]", "die Kanzlei Gleiss Lutz": a name of
    two or three capitalised words that starts with a first name, right after a noun of an organisation's kind that
    does not name persons as well (not "der Gemüsehändler Süleyman Tasköprü"), is the organisation named after its
    founders; not a genitive owner ("der Konzern Elon Musks", "die Partei Wladimir Putins"; a name that ends in
    -is, -us, -os or -ss is no genitive: "der Tabakkonzern Philip Morris", :func:`names._strip_gen`)."""
    words = name.split()
    return 2 <= len(words) <= 3 and not kind.lower_.endswith(personal) and all(_cap(w) for w in words) \
        and _strip_gen(words[-1]) == words[-1] and not words[-1].endswith("’")


def _source_frame(lower: list[str], i: int) -> bool:
    """(ent21) the word at ``i`` is a source: after "nach" (one adjective between at most) or before "zufolge"."""
    return (i > 0 and lower[i - 1] == "nach") or (i > 1 and lower[i - 2] == "nach") \
        or (i + 1 < len(lower) and lower[i + 1] == "zufolge")


def _compound_names(doc: Doc, rules: RuleSet, ev: Evidence, not_names) -> None:
    """"Rheinmetall-Sprecher", "Flixbus-Chef", "Rheinmetall-Aktie": the prefix is an organisation
    when it is a capitalised name, no common noun, first name, person's surname or known word."""
    heads, weak = word_list(rules, "org_compound_heads"), word_list(rules, "org_compound_weak_heads")
    source_heads = word_list(rules, "org_compound_source_heads")
    suffixes = word_tuple(rules, "noun_suffixes")
    gaz = rules.get("gazetteer")
    cols = ev.cols if ev.cols is not None else orgs.columns(doc)
    for i, text in enumerate(cols.text):
        if "-" not in text:
            continue
        prefix, _, head = text.rpartition("-")
        if not _cap(prefix) or not prefix.replace("-", "").isalnum() or len(prefix) < 2:
            continue
        if head.lower() not in heads:
            if _listed_prefix_title(prefix, head, rules) or _known_prefix_compound_head(prefix, head, heads, rules):
                ev.org.setdefault(prefix, "compound")
                ev.compound_prefixes.append((i, prefix))
            continue
        listed = gaz is not None and gaz.label(prefix) == "ORG"
        if not listed and (prefix in ev.person_surnames or prefix in ev.noun_words or not_names(prefix)
                           or prefix.lower().endswith(suffixes)):
            continue
        if not listed and head.lower() in weak and prefix not in ev.propn_words:
            continue                    # "Partei-Chef": the prefix must show up as a name of its own
        if head.lower() in source_heads and not _source_frame(cols.lower, i):
            continue                    # org_compound_source_heads: "nach LZ-Informationen", not "IR-Informationen"
        ev.org.setdefault(prefix, "compound")
        ev.compound_prefixes.append((i, prefix))


def _known_prefix_compound_head(prefix: str, head: str, heads: frozenset[str], rules: RuleSet) -> bool:
    """org_known_prefix_compound_head (ent17): "ÖVP-Verkehrssprecher Markus Pölzl", "CSU-Landesgruppenchef", "der
    SPD-Fraktionssprecher": a known organisation (an ORG of the gazetteer or of the organisation lexicon, no place)
    before a compound whose last part is an organisation compound head (words.yaml actors.org_compound_heads as word
    endings: sprecher, chef, manager, betriebsrat) is a mention of that organisation."""
    low = head.lower()
    if not head[:1].isupper() or not any(low.endswith(h) and len(low) >= len(h) + 3 for h in heads):
        return False
    gaz, lex = rules.get("gazetteer"), rules.get("organizations")
    o = lex.by_name_or_genitive(prefix) if lex is not None else None
    if o is not None:
        return o.actor_type == "organization" and o.type not in word_list(rules, "prefix_title_place_types")
    return gaz is not None and gaz.label(prefix) == "ORG"


def _listed_prefix_title(prefix: str, head: str, rules: RuleSet) -> bool:
    """org_listed_prefix_title (ent16): "SPD-Stadträtin Sabine Kowalski", "der CDU-Europaabgeordnete", "die
    Finma-Direktorin": a known organisation (the gazetteer's ORG names, the organisation lexicon) before a role title
    of the roles lexicon in one hyphen compound is a mention of that organisation: a title of a member or an office of
    the organisation (words.yaml actors.prefix_title_categories: legislators, party offices) or a generic one
    (Direktorin, Vorsitzende, Sprecher); not a title that only describes ("ein hoher EU-Beamter", "EU-Diplomaten"),
    nor a place of the lexicon ("US-Präsident", "Europa-Abgeordnete": prefix_title_place_types)."""
    gaz, orgs_lex, lex = rules.get("gazetteer"), rules.get("organizations"), rules.get("roles")
    if lex is None or not head[:1].isupper():
        return False
    cats = word_list(rules, "prefix_title_categories")
    if not any(f.title.generic or f.title.category in cats for f in lex.lookup(head)):
        return False
    o = orgs_lex.by_name_or_genitive(prefix) if orgs_lex is not None else None
    if o is not None:                   # (not a country, state, city or region of the lexicon: "US-Präsident")
        return o.type not in word_list(rules, "prefix_title_place_types")
    return gaz is not None and gaz.label(prefix) == "ORG"


def org_evidence(doc: Doc, rules: RuleSet, mentions: list[Mention], not_names) -> Evidence:
    """The organisation evidence of one Doc (see the module docstring)."""
    ev = Evidence()
    ar = rules.get("actors")
    ev.person_given = ar.given_names if ar is not None else frozenset()
    ev.person_gendered = ar.gendered_names if ar is not None else frozenset()
    ev.evidence_given = ar.evidence_given if ar is not None else frozenset()
    ev.known_persons = ar.known_persons if ar is not None else frozenset()
    ev.per_tagged = {_strip_gen(_name_key(m.text)) for m in mentions if m.label == "PER" and len(m.text.split()) == 1}
    for m in mentions:
        words = m.text.split()
        if m.label == "PER" and len(words) >= 2:
            ev.per_last_words.add(words[-1])
            if words[0] in ev.person_given:
                ev.person_surnames.add(words[-1])
    ev.legal_forms = word_list(rules, "legal_forms_cased")
    ev.cols = cols = orgs.columns(doc)
    toks = doc_tokens(doc)
    for i, pos in enumerate(cols.pos):
        if pos == "PROPN" or (pos != "NOUN" and toks[i].ent_type_ in ("ORG", "MISC")):
            ev.propn_words.add(cols.text[i])
        elif pos == "NOUN":
            ev.noun_words.add(cols.text[i])
    ev.noun_words -= ev.propn_words
    _titled_person_words(doc, rules, mentions, ev)
    _quoted_work_names(doc, rules, mentions, ev)
    _legal_form_names(doc, rules, ev)
    _ampersand_names(doc, rules, ev)
    _kind_noun_names(doc, rules, ev)
    _compound_names(doc, rules, ev, not_names)
    _genitive_owner_names(doc, rules, ev)
    _place_genitive_names(doc, rules, mentions, ev)
    _org_full_names(mentions, ev)
    return ev


def _titled_person_words(doc: Doc, rules: RuleSet, mentions: list[Mention], ev: Evidence) -> None:
    """per_title_over_gazetteer: "Trainer [Bosch]PER sagte", "Prinz [Hitachi]PER", "Bürgermeister [Linz]PER",
    "Polizeisprecher [Wagner]PER": one word NER tags a person right after a role title of the lexicon or a person title
    (Herr, Frau, Dr.) is that person, whatever the gazetteer or the organisation lexicon know the word as (a company,
    a city, the Wagner group): :func:`decide_label` keeps it PER."""
    lex = rules.get("roles")
    titles = word_list(rules, "person_titles")
    for m in mentions:
        if m.label != "PER" or " " in m.text.strip():
            continue
        sp = doc_span(doc, m.start, m.end)
        if sp is None or sp.start == 0 or "\n" in doc[sp.start - 1].whitespace_:
            continue                    # (not sp[0].is_sent_start: the parser splits "Trainer | Bosch sagte" at times)
        prev = doc[sp.start - 1]
        if _place_genitive(m.text.strip(), rules):
            continue                    # "Außenminister [Südkoreas]PER": the office's country
        if prev.lower_ in titles or (_cap(prev.text) and prev.is_alpha and lex is not None
                                     and lex.lookup(prev.text)):
            ev.title_starts.add(m.start)


def _quoted_work_names(doc: Doc, rules: RuleSet, mentions: list[Mention], ev: Evidence) -> None:
    """work_quoted_title: "Der Song „[Johnny B. Goode]ORG“ von Chuck Berry", "Das Album „[Helene Fischer]PER“", "die
    Serie „[Babylon Berlin]ORG“": a name in quotation marks right after a noun of a work's kind (words.yaml
    actors.work_kind_heads: Film, Roman, Song, Album, Serie, Oper, ...) is that work, no person or organisation; so
    is every quoted mention of that name in the article (:func:`decide_label` makes them MISC)."""
    heads, nots = word_tuple(rules, "work_kind_heads"), word_tuple(rules, "work_kind_not_words")
    quotes = orgs.OPEN_QUOTES
    for m in mentions:
        sp = doc_span(doc, m.start, m.end) if m.label in NAME_LABELS else None
        if sp is None or sp.start < 2 or doc[sp.start - 1].text not in quotes:
            continue
        ev.quoted_starts.add(m.start)
        kind = doc[sp.start - 2]
        low = kind.lower_
        if kind.pos_ in ("NOUN", "PROPN") and _cap(kind.text) and low.endswith(heads) and not low.endswith(nots):
            ev.work_names.add(_name_key(m.text))


def _place_genitive(word: str, rules: RuleSet) -> bool:
    """"Südkoreas", "Frankreichs", "Fidschis" (of a place in -i: :func:`_strip_gen` keeps names in -is whole): the
    genitive of a place of the gazetteer or the organisation lexicon."""
    bases = {_strip_gen(word), word[:-1] if word.endswith("s") and len(word) > 3 else word} - {word}
    gaz, orgs_ = rules.get("gazetteer"), rules.get("organizations")
    for base in bases:
        o = orgs_.by_name(base) if orgs_ is not None else None
        if (gaz is not None and gaz.label(base) == "LOC") or (o is not None and o.actor_type == "location"):
            return True
    return False


def _genitive_owner_names(doc: Doc, rules: RuleSet, ev: Evidence) -> None:
    """org_genitive_owner: "Teslas Umsatz", "Flixbus' Belegschaft", "die Aktie von Rheinmetall", "der Vorstandschef von
    Conradty": a name that owns a noun only a company has (words.yaml actors.org_owned_nouns), in the genitive before it
    or after "von" behind it, is an organisation; not a first name, a surname of a person the article names in full
    or a person known by one name."""
    nouns = word_list(rules, "org_owned_nouns")
    cols = ev.cols if ev.cols is not None else orgs.columns(doc)
    toks = doc_tokens(doc)
    for i, low in enumerate(cols.lower):
        if low not in nouns or i == 0:
            continue
        t = toks[i]
        prev = doc[t.i - 1]
        if prev.lower_ == "'" and t.i >= 2:
            prev = doc[t.i - 2]
            cand = prev.text
        else:
            cand = _strip_gen(prev.text) if prev.text.endswith(("s", "'")) else None
        if cand is not None and _owner(prev, cand, ev) and not doc[t.i].is_sent_start:
            ev.org.setdefault(cand, "genitive_owner")
        j = t.i + 1
        name = _name_after(doc, j + 1) if j + 1 < len(doc) and doc[j].lower_ == "von" else None
        if name and _owner(doc[j + 1], name.split()[0], ev):
            ev.org.setdefault(name, "genitive_owner")       # "Vorstandsvorsitzender von Transparency International"


def _place_genitive_names(doc: Doc, rules: RuleSet, mentions: list[Mention], ev: Evidence) -> None:
    """per_place_genitive: "Die Fabrik in Radeburg ... [Radeburgs]PER Bürgermeisterin Katja Uhlig", "aus Eberhardzell
    ... sagte [Eberhardzells]PER Gesamtkommandant": one word in -s NER tags a person is the genitive of a place or an
    organisation when the article names its stem elsewhere as a place or organisation: in a LOC or ORG mention
    ("FC Erzgebirge Thalheim") or right after a preposition of place (words.yaml actors.place_genitive_prepositions);
    not a first name or a word of a name NER tags a person elsewhere in the article ("Merkels Sprecher" beside
    "Angela Merkel", "den Tod Annabis" beside "Hédi Annabi"); a common noun's genitive is neither (MISC)."""
    stems, person_words = {}, set()
    for m in mentions:
        key = _name_key(m.text)
        if m.label == "PER" and " " not in key and key.endswith("s") and len(key) > 4:
            stems.setdefault(key[:-1], []).append(m.start)
        elif m.label == "PER":
            person_words.update(key.split())        # "Hédi Annabi", "Thaksin": the stem named as a person
    stems = {s: v for s, v in stems.items() if s not in ev.person_given and s not in ev.person_surnames
             and s not in ev.known_persons and s not in person_words}
    if not stems:
        return
    found = {}
    for m in mentions:
        if m.label in ("LOC", "ORG"):
            for w in _name_key(m.text).replace("-", " ").split():
                if w in stems:
                    found.setdefault(w, m.label)
    preps = word_list(rules, "place_genitive_prepositions")
    cols = doc_columns(doc)             # (the text columns, no Token per word)
    for i, w in enumerate(cols.text):
        if w in stems and i > 0 and cols.lower[i - 1] in preps:
            found.setdefault(w, "LOC")
    for stem, label in found.items():
        for start in stems[stem]:       # (a common noun is neither: "von Schiedsrichter ... des [Schiedsrichters]PER")
            ev.place_genitives[start] = "MISC" if stem in noun_lemmas() else label


def _owner(t: Token, name: str, ev: Evidence) -> bool:
    return _cap(t.text) and (t.pos_ in ("PROPN", "X") or t.ent_type_ in ("PER", "ORG", "MISC")) \
        and name not in ev.person_given and name not in ev.person_surnames and name not in ev.known_persons \
        and len(name) >= 2


def _org_full_names(mentions: list[Mention], ev: Evidence) -> None:
    """org_surname_of_org_name: "die Digitalagentur Conrad Caine ... Was [Caine]PER sich verspricht": the last word of
    a name of several words that has organisation evidence is no surname of a person when every full name that
    ends in it is that organisation; alone it is the organisation too ("Springer" of "der Verlag Axel Springer")."""
    full = {}
    for m in mentions:
        words = _name_key(m.text).split()
        if m.label == "PER" and len(words) >= 2:
            full.setdefault(words[-1], set()).add(_name_key(m.text))
    for name in list(ev.org):
        words = name.split()
        if name in ev.named_after and all(n in ev.org for n in full.get(words[-1], ())):
            ev.person_surnames.discard(words[-1])
            ev.org_last_words.add(words[-1])


def _name_key(text: str) -> str:
    return " ".join(text.split())


def _lookup(table, text: str):
    key = _name_key(text)
    return table.get(key) or table.get(_strip_gen(key))


def _majority(mentions: list[Mention]) -> dict[str, str]:
    """name -> the majority NER label of its mentions (only where one label has more than half)."""
    votes: dict[str, Counter] = {}
    for m in mentions:
        if m.label in NAME_LABELS:
            votes.setdefault(_strip_gen(_name_key(m.text)), Counter())[m.label] += 1
    out = {}
    for name, c in votes.items():
        (label, n), = c.most_common(1)
        if n * 2 > sum(c.values()):
            out[name] = label
    return out


def decide_label(m: Mention, ev: Evidence, gaz, majority: dict[str, str], orgs=None) -> str:
    """The label of a name mention in this article (module docstring, step 2)."""
    key = _name_key(m.text)
    single = len(key.split()) == 1
    if m.start in ev.kind_noun_starts:
        return "ORG"                   # org_kind_noun_mention: "die Firma [Töpfer]" beside "Mark Töpfer"
    if m.start in ev.quoted_starts and key in ev.work_names:
        return "MISC"                  # work_quoted_title: "Das Album „[Helene Fischer]PER“"
    if single and (key in ev.person_surnames or _strip_gen(key) in ev.person_surnames):
        return "PER"                   # "Donald Trump ... [Trump]ORG": the surname after the full name
    if _lookup(ev.org, key) or (single and (key in ev.org_last_words or _strip_gen(key) in ev.org_last_words)) \
            or _legal_form_mention(key, ev) or (single and _strip_gen(key) in ev.legal_first_words):
        return "ORG"                   # (org_legal_form_short_name: "Kerber" of "die Kerber Hausgeräte GmbH")
    if m.start in ev.place_genitives:
        return ev.place_genitives[m.start]     # per_place_genitive: "[Radeburgs]PER Bürgermeisterin" of "in Radeburg"
    if m.start in ev.title_starts:
        return "PER"                   # per_title_over_gazetteer: "Trainer [Bosch]PER"
    label = gaz.label(key) if gaz is not None else None
    if label is not None and not (m.label == "PER" and not single):
        return label
    if single and m.label == "PER" and (lexicon_label := _org_lexicon_label(key, orgs)) is not None:
        return lexicon_label
    if m.label != "PER" and label is None and _first_name_and_surname(key, ev, orgs):
        return "PER"
    if single and label is None and _known_person_tagged(key, ev):
        return "PER"
    return majority.get(_strip_gen(key), m.label) if single else m.label


def _legal_form_mention(key: str, ev: Evidence) -> bool:
    """org_legal_form_mention: "© Schaub Medien AG «Volksstimme» | [Schaub Medien AG]PER | Hauptstrasse 31": a name
    of several words with a legal form after its first word (words.yaml actors.legal_forms_cased: GmbH, AG, SE, KG,
    e.V., ...) is an organisation in every mention, whatever NER tagged it (one ORG and one PER mention made the
    actor a person)."""
    words = key.split()
    return len(words) >= 2 and any(w in ev.legal_forms for w in words[1:])


def _known_person_tagged(key: str, ev: Evidence) -> bool:
    """"[Trump]ORG sagte ... [Trump]PER ... [Trump]ORG": a person known by one name (actors.yaml known_persons)
    that NER tags a person at least once in the article is that person in all its mentions, whatever the
    majority (no organisation evidence or gazetteer entry: those decide first, "die Gruppe Wagner")."""
    base = _strip_gen(key)
    return (key in ev.known_persons or base in ev.known_persons) and (key in ev.per_tagged or base in ev.per_tagged)


def _first_name_and_surname(key: str, ev: Evidence, orgs) -> bool:
    """"[Tim Kaine]ORG", "[Alice Schwarzer]ORG", "[Marine Le Pen]MISC": a curated first name (actors.yaml
    given_names) and one capitalised word (or a particle surname) with no organisation evidence, no gazetteer or
    lexicon entry (those decide first: "Axel Springer", "Hugo Boss") is a person's name."""
    words = key.split()
    if not 2 <= len(words) <= 3 or not (words[0] in ev.person_gendered or _foreign_full_name(words, ev)):
        return False
    if len(words) == 3 and words[1].lower() not in ("le", "la", "de", "van", "von", "di", "da", "del"):
        return False
    last = words[-1]
    if not (last[:1].isupper() and last.replace("-", "").isalpha()) or (orgs is not None and orgs.by_name(key)):
        return False
    return True


def _foreign_full_name(words: list[str], ev: Evidence) -> bool:
    """per_org_full_name: "[Marcos Baghdatis]ORG gewann", "[Sergio Pérez]ORG": two words, a first name of any list
    (actors.yaml common_given_names too) and a surname that is no German word ("Max Planck", "Georg Fischer" of
    companies and institutes end in words or are known), are a person's name (organisation evidence, the gazetteer
    and the lexicon decide before: :func:`decide_label`)."""
    caps, lows = german_words()
    last = words[-1]
    return len(words) == 2 and words[0] in ev.evidence_given and last not in caps and last.lower() not in lows \
        and _strip_gen(last) not in caps


def _org_lexicon_label(key: str, orgs) -> str | None:
    """"[Kuba]PER, Haiti", "von [Bolivien]PER": one word the organisation lexicon (organizations.yaml) knows as a
    place or an organisation, also in the genitive ("Boliviens"), is that (not a surname of a person the article
    names in full: :func:`decide_label` checks that first)."""
    o = orgs.by_name_or_genitive(key) if orgs is not None and len(key) >= 3 else None
    return {"location": "LOC", "organization": "ORG"}.get(o.actor_type) if o is not None else None


def implausible_person(doc: Doc, m: Mention, rules: RuleSet, ev: Evidence, not_names, ctx=None) -> bool:
    """A single-word PER without person evidence (:func:`persons.has_support`: a first name, a title or
    role, the full name in the article, a speech verb) that is a known German word: "[Renommee]PER",
    "[Cocktail]PER", "[Freilich]PER": written in lower case in the vocabulary, an inflected form of a known
    word, or a common noun (:func:`noun_lemmas`) the tagger does not read as a name either. (The tagger's
    NOUN alone is no evidence: it reads foreign surnames such as "Qarase" or "Malinowski" as nouns.)"""
    key = _name_key(m.text)
    if len(key.split()) != 1 or key in ev.person_surnames or _strip_gen(key) in ev.person_surnames:
        return False
    span = doc_span(doc, m.start, m.end)
    if span is None:
        return False
    if (ctx is not None and persons.has_support(doc, span, ctx)) or persons.bare_subject(doc, span):
        return False
    ar = rules.get("actors")
    if ar is not None and (key in ar.given_names or _strip_gen(key) in ar.given_names):
        return False
    t = span[0]
    if t.i > 0 and not t.is_sent_start and (doc[t.i - 1].lower_ in word_list(rules, "person_titles")
                                            or (doc[t.i - 1].text[:1].isupper() and not_names(doc[t.i - 1].text))):
        return False                    # "Herr Schulze", "Oberst Eck" (not "... vom Oberst. Freilich")
    caps, lows = german_words()
    if key.lower() in lows or (t.lemma_ != key and t.lemma_ in caps):
        return True                     # "Freilich", "Spezialisten"
    return key in noun_lemmas() and t.pos_ != "PROPN"   # a common noun the tagger does not read as a name


def _untagged_mentions(doc: Doc, rules: RuleSet, ev: Evidence, taken: set[int], sent_of) -> list[Mention]:
    """Names NER missed: occurrences of evidenced organisations and gazetteer names outside every mention."""
    gaz = rules.get("gazetteer")
    out = []
    for s, e in ev.org_spans:
        if not any(k in taken for k in range(s, e)):
            sp = doc[s:e]
            cut = 1 if _form_with_period(doc[e - 1].text, ev.legal_forms) else 0     # "Nahkauf Süd GmbH[.]"
            out.append(Mention(sp.start_char, sp.end_char - cut, sp.text[:len(sp.text) - cut], "ORG", sent_of[s]))
            taken.update(range(s, e))
    i = 0
    toks = doc_tokens(doc)
    caps = doc_caps(doc)                # (_cap of every token text, once per Doc)
    n = len(toks)
    while i < n:
        hit = None if i in taken or not caps[i] else _gazetteer_hit(doc, i, gaz, ev, toks)
        if hit is None:
            i += 1
            continue
        end, label = hit
        if not any(k in taken for k in range(i, end)):
            sp = doc[i:end]
            out.append(Mention(sp.start_char, sp.end_char, sp.text, label, sent_of[i]))
            taken.update(range(i, end))
        i = end
    for i, prefix in ev.compound_prefixes:
        if i not in taken:
            t = doc[i]
            out.append(Mention(t.idx, t.idx + len(prefix), prefix, "ORG", sent_of[i]))
            taken.add(i)
    return out


def _proper_reading(t: Token, ev: Evidence) -> bool:
    return t.pos_ in ("PROPN", "X") or (t.text.isupper() and len(t.text) > 1) or \
        any(c.isupper() for c in t.text[1:]) or t.text in ev.propn_words


def _gazetteer_hit(doc: Doc, i: int, gaz, ev: Evidence, toks=None) -> tuple[int, str] | None:
    t = (toks if toks is not None else doc_tokens(doc))[i]
    text = t.text
    multi = ev.org_multi.get(text)
    for name in (sorted(multi, key=len, reverse=True) if multi else ()):       # (no list per capitalised word)
        n = len(name.split())
        if i + n <= len(doc) and _name_key(doc[i:i + n].text) in (name, ) or \
                (i + n <= len(doc) and _strip_gen(_name_key(doc[i:i + n].text)) == name):
            return i + n, "ORG"
    if _lookup(ev.org, text) and (_proper_reading(t, ev) or _strip_gen(text) in ev.org_nouns
                                  or text in ev.org_nouns):
        return i + 1, "ORG"
    if gaz is None:
        return None
    for name in gaz.by_first.get(text, ()):
        n = len(name.split())
        if i + n <= len(doc) and " ".join(doc_columns(doc).text[i:i + n]) == name:     # (no Span, no Tokens)
            if n == 1 and not _proper_reading(t, ev) and not gazetteer_unknown_noun(text, gaz):
                return None
            return i + n, gaz.label(name)
    return None


def gazetteer_unknown_noun(word: str, gaz) -> bool:
    """gazetteer_unknown_noun: "Die [Bundesnetzagentur] teilte mit", "nach Angaben der [Bundespolizei]": a one-word
    organisation of the gazetteer that the tagger reads as a common noun is still that organisation when the
    German vocabulary does not know the word (an authority's compound name; not "Sparkasse", "Allianz", "Verdi",
    which are words too, nor a plural of a word: "Als Demokratinnen und Demokraten")."""
    caps, lows = german_words()
    if (gaz is not None and gaz.label(word) != "ORG") or word.lower() in lows:
        return False                    # (gaz None: only the vocabulary test, orgs.org_lexicon_name)
    stems = (word,) + tuple(word[:-len(e)] for e in ("en", "n", "e", "s") if word.endswith(e))
    return not any(s in caps or s in noun_lemmas() for s in stems)


@lru_cache(maxsize=4)
def _lower(names: frozenset[str]) -> frozenset[str]:
    """The lower-cased names (kept for the few rule sets in use: a frozenset hashes once)."""
    return frozenset(g.lower() for g in names)


def _org_rule_evidence(doc: Doc, rules: RuleSet, mentions: list[Mention], ev: Evidence) -> None:
    """The organisation names of the org rules of ``actors.yaml`` (``org_rules``, :mod:`.orgs`): their
    ranges become ORG mentions, their names organisation evidence; the multi-word names of all organisation
    evidence are looked for as untagged mentions too."""
    ar = rules.get("actors")
    if ar is not None and ar.org_rules:
        extra: dict = {}
        for s, e, rid in orgs.run_org_rules(doc, rules, mentions, ar.org_rules, ev.cols, extra):
            name = _name_key(doc[s:e].text)
            ev.org.setdefault(name, rid)
            ev.org.setdefault(_strip_gen(name), rid)
            ev.org_spans.append((s, e))
            if e - s == 1 and doc[s].pos_ == "NOUN":
                ev.org_nouns.add(_strip_gen(name))
        for i, prefix in extra.get("compound_prefixes", ()):       # "Polizei" of "Polizeisprecher" (org_institution)
            ev.org.setdefault(prefix, "org_institution")
            ev.compound_prefixes.append((i, prefix))
    for name in ev.org:
        words = name.split()
        if len(words) >= 2:
            ev.org_multi.setdefault(words[0], []).append(name)


def _drop_inside_org_spans(doc: Doc, mentions: list[Mention], ev: Evidence) -> list[Mention]:
    """"Ultium [Cells]PER, ein Gemeinschaftsunternehmen": a mention inside a longer organisation name an org
    rule found gives way to that name."""
    spans = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in ev.org_spans]
    return [m for m in mentions if not any(a <= m.start and m.end <= b and (m.start, m.end) != (a, b)
                                           for a, b in spans)]


def _per_surnames(rules: RuleSet, mentions: list[Mention]) -> set[str]:
    """The last words of the multi-word PER names that may name a person (:func:`persons.full_name_surname`)."""
    ar = rules.get("actors")
    return {s for m in mentions if m.label == "PER" and
            (s := persons.full_name_surname(m.text, rules, ar.evidence_given, ar.particles))}


def _person_ctx(rules: RuleSet, mentions: list[Mention], not_names,
                surnames: set[str] | None = None) -> persons.PersonCtx | None:
    """The context of the person rules; ``person_surnames``: last words of the multi-word PER names (``surnames``:
    :func:`_per_surnames` of ``mentions`` where the caller has them: a copy is taken)."""
    ar = rules.get("actors")
    if ar is None:
        return None
    surnames = set(surnames) if surnames is not None else _per_surnames(rules, mentions)
    return persons.PersonCtx(rules=rules, given=ar.evidence_given, particles=ar.particles,
                             known_persons=ar.known_persons, person_surnames=surnames,
                             not_names=not_names, gaz=rules.get("gazetteer"),
                             given_lower=_lower(ar.evidence_given))


def repair_person_spans(doc: Doc, rules: RuleSet, mentions: list[Mention], sent_of, not_names) -> list[Mention]:
    """PER mentions cut to their names by the span rules of ``actors.yaml`` (``person_span_rules``), ORG
    mentions by its ``org_span_rules``."""
    ar = rules.get("actors")
    ctx = _person_ctx(rules, [], not_names)
    if ctx is None or not (ar.person_span_rules or ar.org_span_rules):
        return mentions
    order = {"PER": list(ar.person_span_rules), "ORG": list(ar.org_span_rules)}
    out = []
    for m in mentions:
        sp = doc_span(doc, m.start, m.end) if order.get(m.label) else None
        if sp is None or len(sp) < 2:
            out.append(m)
            continue
        for s, e in persons.repair_span(doc, sp, ctx, order[m.label]):
            part = doc[s:e]
            if not any(c.isalpha() for c in part.text):
                continue
            if (part.start_char, part.end_char) == (m.start, m.end):
                out.append(m)
                continue
            out.append(Mention(part.start_char, part.end_char, part.text, m.label, sent_of[s]))
    return out


def split_org_person(doc: Doc, rules: RuleSet, mentions: list[Mention], sent_of) -> list[Mention]:
    """"hatte der [BVB Jonas Hofmann]ORG verkauft", "[SPD Lars Klingbeil]ORG": an ORG span that starts with an
    organisation (an acronym, or a name the gazetteer or the organisation lexicon knows as one) and ends in a
    first name (actors.yaml given names) and one or two capitalised words is that organisation and a
    person's name ("Verlag Axel Springer" stays: no organisation before the first name)."""
    ar, gaz, orgs = rules.get("actors"), rules.get("gazetteer"), rules.get("organizations")
    if ar is None:
        return mentions
    out = []
    for m in mentions:
        sp = doc_span(doc, m.start, m.end) if m.label == "ORG" else None
        k = _person_start(sp, ar, gaz, orgs, rules) if sp is not None and len(sp) >= 3 else None
        if k is None:
            out.append(m)
            continue
        org, per = doc[sp.start:k], doc[k:sp.end]
        out.append(Mention(org.start_char, org.end_char, org.text, "ORG", sent_of[org.start]))
        out.append(Mention(per.start_char, per.end_char, per.text, "PER", sent_of[per.start]))
    return out


def _person_start(sp, ar, gaz, orgs, ar_rules) -> int | None:
    """The token index where a person's name ends ``sp`` after an organisation (:func:`split_org_person`)."""
    for k in range(sp.start + 1, sp.end - 1):
        rest = sp.doc[k + 1:sp.end]
        if sp.doc[k].text not in ar.evidence_given or len(rest) > 2 or \
                not all(_cap(t.text) and t.text.replace("-", "").isalpha() and t.text not in ar.given_names for t in rest):
            continue
        prefix = sp.doc[sp.start:k]
        name = prefix.text
        known = (gaz is not None and gaz.label(name) == "ORG") or (orgs is not None and orgs.by_name(name) is not None)
        acronym = len(prefix) == 1 and prefix[0].text.isupper() and len(prefix[0].text) >= 2
        person = sp.doc[k:sp.end].text
        if name in word_list(ar_rules, "club_prefixes_cased") or \
                (gaz is not None and any(gaz.label(t.text) == "LOC" for t in rest)):
            return None                 # "FC Carl Zeiss Jena": a club's name
        if (known or acronym) and not (gaz is not None and gaz.label(person)) and \
                not (orgs is not None and orgs.by_name(person) is not None):
            return k
        return None
    return None


def _initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _surname_word(t: Token, rules: RuleSet) -> bool:
    """A capitalised word that may be a surname: no common word of the vocabulary, no verb or function word."""
    w = t.text
    if not w[:1].isupper() or not all(p.isalpha() for p in w.split("-")):
        return False
    if t.pos_ not in ("PROPN", "NOUN", "X", "ADJ", "ADV"):
        return False
    return not persons.common_word(t, rules) and w not in noun_lemmas()


def _first_name_only(m: Mention, ar, rules: RuleSet) -> bool:
    """per_first_name_other_label: "Von [Sven]LOC Flohr": one curated first name (actors.yaml given_names) NER tagged a
    place, organisation or other, that the gazetteer and the organisation lexicon do not know, starts a person's name
    when a surname follows (:func:`complete_person_names`)."""
    if m.label == "PER" or " " in m.text or m.text not in ar.given_names:
        return False
    gaz, orgs = rules.get("gazetteer"), rules.get("organizations")
    return not (gaz is not None and gaz.label(m.text)) and not (orgs is not None and orgs.by_name_or_genitive(m.text))


def _parser_split(doc: Doc, i: int) -> bool:
    """per_parser_split_name: "Fed-Chef [Ben]PER | [Bernanke]PER hatte", "sei [Frieda]PER | [Borchert]PER noch": a
    sentence start the parser put at token ``i`` right after a word, with a space and no punctuation or line break
    between, inside a name (NER then tags the two words apart): the name goes on across it."""
    if i == 0 or i >= len(doc) or not doc[i].is_sent_start:
        return False
    prev = doc[i - 1]
    return not prev.is_punct and prev.whitespace_ == " " and prev.text[:1].isupper() and doc[i].text[:1].isupper()


def _initial_surname(sp, last: str, nxt: Token) -> bool:
    """per_initial_surname: "durch den US-Präsidenten [George W.]PER Bush hatte": after a first name and a middle
    initial, the capitalised word the tagger reads as a proper noun is the surname (also where the parser starts a
    sentence after the initial's period), even where it is a common word as well ("Bush", "Rice", "Moore")."""
    words = [t for t in sp if not t.is_space]
    return _initial(last) and len(words) >= 2 and not _initial(words[0].text) and nxt.pos_ == "PROPN" \
        and nxt.is_alpha and nxt.text[:1].isupper()


def _noun_surname(first: str, nxt: Token, ar, rules: RuleSet) -> bool:
    """per_first_name_noun_surname: "In „Babylon Berlin“ spielt [Volker]PER Bruch die Hauptrolle": after a curated
    first name (actors.yaml given_names), a common noun that is a frequent German surname as well (words.yaml
    actors.surname_heads as whole words: Bruch, Fischer, Becker, Vogel, Graf) completes the name."""
    return first in ar.given_names and nxt.pos_ in ("NOUN", "PROPN") and nxt.text[:1].isupper() \
        and nxt.text.lower() in word_list(rules, "surname_heads") and not nxt.is_sent_start


def complete_person_names(doc: Doc, rules: RuleSet, mentions: list[Mention], sent_of) -> list[Mention]:
    """"Für [Erika]PER Ziltener besteht ...", "[George W.]PER [Bush]PER erklärte": a PER mention that ends in
    a first name or an initial takes the surname NER left out or tagged apart (a capitalised word after it
    in the sentence that is no common word), as one name (also across a sentence split after the initial)."""
    ar = rules.get("actors")
    if ar is None:
        return mentions
    by_start = {m.start: m for m in mentions}
    out, skip = [], set()
    for m in mentions:
        if id(m) in skip:
            continue
        sp = doc_span(doc, m.start, m.end) if m.label == "PER" or _first_name_only(m, ar, rules) else None
        if sp is None or sp.end >= len(doc):
            out.append(m)
            continue
        if sp.end + 1 < len(doc) and doc[sp.end].is_space and "\n" not in doc[sp.end].text:
            sp = doc[sp.start:sp.end + 1]           # "Von [Sven]LOC  Flohr": a double space
        last = sp[-1].text if not sp[-1].is_space else sp[-2].text
        nxt = doc[sp.end]
        other = by_start.get(nxt.idx)
        split = _parser_split(doc, sp.end) and len(sp) == 1 and m.label == "PER" and other is not None \
            and other.label == "PER"
        if split and persons_article.lead_noun(sp[0], rules) and len(other.text.split()) >= 2:
            continue                    # per_noun_before_first_name: "sagte [Landesvorstand]PER | [Malte Dreesen]PER"
        if not (last in ar.evidence_given or _initial(last) or split) or "\n" in sp[-1].whitespace_:
            out.append(m)
            continue
        if (nxt.is_sent_start and not _initial(last) and not _parser_split(doc, sp.end)) \
                or (nxt.ent_type_ and other is None):
            out.append(m)
            continue
        if other is not None and other.label == "PER":
            skip.add(id(other))         # "[George W.]PER [Bush]PER"
            end = other.end
        elif other is None and (_surname_word(nxt, rules) or _noun_surname(last, nxt, ar, rules)
                                or _initial_surname(sp, last, nxt)) and nxt.text not in ar.evidence_given:
            end = nxt.idx + len(nxt.text)
        else:
            out.append(m)
            continue
        out.append(Mention(m.start, end, doc.text[m.start:end], "PER", m.sentence))
    return out


def _person_verdicts(doc: Doc, rules: RuleSet, mentions: list[Mention], ev: Evidence, not_names,
                     surnames: set[str] | None = None) -> dict[int, str]:
    """index of a PER mention -> "drop" or a new label, by the checks of ``actors.yaml`` (``person_checks``);
    a single word that starts a name found to be an organisation is one too ("Tappara" of "Tappara Tampere"), and so
    is every other mention of that name of several words."""
    ar = rules.get("actors")
    ctx = _person_ctx(rules, mentions, not_names, surnames)
    if ctx is None or not ar.person_checks:
        return {}
    ctx.extra["org_names"] = {n for n in ev.org} | {_name_key(m.text) for m in mentions if m.label == "ORG"}
    out, heads = {}, {}
    multi = [i for i, m in enumerate(mentions) if m.label == "PER" and len(m.text.split()) >= 2]
    single = [i for i, m in enumerate(mentions) if m.label == "PER" and len(m.text.split()) < 2]
    for n, group in enumerate((multi, single)):
        if n == 1 and out:
            ctx = _surnames_left(rules, mentions, out, not_names, ctx)
        for i in group:
            m = mentions[i]
            sp = doc_span(doc, m.start, m.end)
            v = None if sp is None else persons.verdict(doc, sp, ctx, list(ar.person_checks))
            if v is not None:
                out[i] = v
                if v != "drop" and len(sp) >= 2:
                    heads[sp[0].text] = v
                    heads[_name_key(m.text)] = v    # the same name of several words elsewhere ("Jupiter Ascending")
    for i, m in enumerate(mentions):
        if m.label == "PER" and i not in out and _name_key(m.text) in heads:
            out[i] = heads[_name_key(m.text)]
    return out


def _surnames_left(rules: RuleSet, mentions: list[Mention], verdicts: dict[int, str], not_names, ctx):
    """per_surname_of_no_person: "zwischen Suderburg und [Eschede Link]PER ... [Link]PER zum kompletten PDF-Dokument":
    the last word of a name of several words a check found to be no person is no surname that supports the single
    words (unless a person's full name ends in it too): the context of the single-word checks without it."""
    kept = [m for i, m in enumerate(mentions) if i not in verdicts]
    left = _per_surnames(rules, kept)
    if left == ctx.person_surnames:
        return ctx
    new = _person_ctx(rules, kept, not_names, left)
    new.extra["org_names"] = ctx.extra["org_names"]
    return new


def apply(doc: Doc, rules: RuleSet, mentions: list[Mention], sent_of, not_names) -> list[Mention]:
    """The layer over the mentions of one Doc: PER spans repaired, relabelled, implausible persons dropped,
    missed names added."""
    if rules.get("gazetteer") is None or not doc.has_annotation("POS"):
        return mentions
    mentions = repair_person_spans(doc, rules, mentions, sent_of, not_names)
    mentions = split_org_person(doc, rules, mentions, sent_of)
    mentions = complete_person_names(doc, rules, mentions, sent_of)
    ev = org_evidence(doc, rules, mentions, not_names)
    _org_rule_evidence(doc, rules, mentions, ev)
    mentions = _drop_inside_org_spans(doc, mentions, ev)
    gaz, majority = rules.get("gazetteer"), _majority(mentions)
    relabelled = []
    for m in mentions:
        if m.label in NAME_LABELS:
            label = decide_label(m, ev, gaz, majority, rules.get("organizations"))
            m = m if label == m.label else replace(m, label=label)
        relabelled.append(m)
    surnames = _per_surnames(rules, relabelled) if rules.get("actors") is not None else None   # (for both contexts)
    verdicts = _person_verdicts(doc, rules, relabelled, ev, not_names, surnames)
    pctx = _person_ctx(rules, relabelled, not_names, surnames)
    out = []
    for i, m in enumerate(relabelled):
        v = verdicts.get(i)
        if v == "drop" or (m.label == "PER" and v is None and
                           implausible_person(doc, m, rules, ev, not_names, pctx)):
            continue
        out.append(m if v is None else replace(m, label=v))
    taken = {i for m in mentions if (sp := doc_span(doc, m.start, m.end, "expand")) is not None
             for i in range(sp.start, sp.end)}      # (the tokens' positions, no Token each)
    out = out + _untagged_mentions(doc, rules, ev, taken, sent_of)
    return out + untagged_full_names(doc, rules, taken, sent_of, ev.cols.text if ev.cols is not None else None)


def untagged_full_names(doc: Doc, rules: RuleSet, taken: set[int], sent_of,
                        texts: list[str] | None = None) -> list[Mention]:
    """"Hauptrollen sind Channing Tatum, ...", "Horst Seehofer (CSU)": a known first name (actors.yaml given names)
    and a capitalised word after it that NER left untagged are a person's name when the second word may be a
    surname (:func:`_surname_word`: no common word of the vocabulary, verb or function word, no title, no
    organisation or place of the lexicons)."""
    ar = rules.get("actors")
    if ar is None:
        return []
    out = []
    toks = doc_tokens(doc)
    texts = texts if texts is not None else [t.text for t in toks]       # (``texts``: orgs.columns' texts)
    for i in range(len(toks) - 1):
        if texts[i] not in ar.evidence_given or i in taken or i + 1 in taken:
            continue
        t = toks[i]
        if "\n" in t.whitespace_:
            continue
        nxt = doc[i + 1]
        if nxt.is_sent_start or nxt.text in ar.evidence_given or not _surname_word(nxt, rules) \
                or _common_pair(t, nxt) \
                or _known_name_word(nxt.text, rules) or (i + 2 < len(doc) and _cap(doc[i + 2].text)
                                                          and doc[i + 2].pos_ == "PROPN" and i + 2 not in taken):
            continue                    # (three capitalised words: no clear name boundary)
        sp = doc[i:i + 2]
        out.append(Mention(sp.start_char, sp.end_char, sp.text, "PER", sent_of[i]))
        taken.update((i, i + 1))
    return out


def inflected_noun_form(word: str) -> bool:
    """"Varianten", "Patriziern": a capitalised form the lemma table gives another lemma, not a genitive in -s (the
    table lists names with their genitive: "Merkels")."""
    return word in lemma_changed_caps() and not word.endswith(("s", "'"))


def _common_pair(first: Token, nxt: Token) -> bool:
    """per_untagged_common_pair: "Allen Varianten gemeinsam ist", "zwischen den Herren von Rechberg und Ulmer
    Patriziern": a first name and an inflected form of a common noun (a capitalised form the lemma table gives
    another lemma, not a genitive in -s), or a sentence-initial first name that is a common lower-case word
    ("Allen", "Will") before a common noun, are no person's name."""
    if inflected_noun_form(nxt.text):
        return True
    return first.is_sent_start and first.lower_ in german_words()[1] and nxt.pos_ == "NOUN"


def _known_name_word(word: str, rules: RuleSet) -> bool:
    """A role title, or a name the organisation lexicon or the gazetteer knows (no surname)."""
    lex, orgs, gaz = rules.get("roles"), rules.get("organizations"), rules.get("gazetteer")
    return bool((lex is not None and lex.lookup(word)) or (orgs is not None and orgs.by_name_or_genitive(word))
                or (gaz is not None and gaz.label(word)))
