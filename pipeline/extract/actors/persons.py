"""Person spans and person evidence (issue 12: no "person" actor that is not a person).

Two kinds of named rules, each a small function with its example as docstring; their order and on/off
switches are ``person_span_rules`` and ``person_checks`` in ``rules/actors.yaml``:

* **span rules** repair a PER span NER drew too wide: ``f(doc, span, ctx) -> list of (start, end) token
  ranges`` (the parts that stay names; ``[]`` drops the span, ``None`` leaves it alone): "[Kims
  Gesundheitszustand]PER" -> "Kims", "[Kim lud Trump]PER" -> "Kim", "Trump";
* **checks** decide that a PER name is no person: ``f(doc, span, ctx) -> None | "drop" | label`` (a label
  relabels the mention, "drop" removes it): "[Rye Whiskey]PER", "[Caching]PER", "[Frölunda Göteborg]PER".

A name has **person evidence** (:func:`has_support`) when a token is a first name or an initial, a title or
role word stands right before it in the sentence, the article names a person of that surname in full, it
is listed in ``known_persons``, it speaks (a speech verb right before it, ", so X", or its subject: see
:func:`speech_context`), or it is an author in a citation ("Dreier/Schulze"). Checks only remove names
without that evidence.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from pipeline.extract import gates
from pipeline.extract.view import doc_columns, doc_tokens
from pipeline.ruleset import RuleSet

from .check_gates import check_plan
from .names import _strip_gen
from .rules import set_tuple, word_list, word_tuple


@dataclass
class PersonCtx:
    """What the person rules of one Doc need."""
    rules: RuleSet
    given: frozenset[str]                 # first names (evidence only)
    particles: frozenset[str]
    known_persons: frozenset[str]
    person_surnames: set[str]             # last words of full PER names in the Doc
    not_names: Callable[[str], bool]      # role titles and organisation names
    gaz: object = None
    given_lower: frozenset[str] = frozenset()
    extra: dict = field(default_factory=dict)


SPAN_RULES: dict[str, Callable] = {}
CHECKS: dict[str, Callable] = {}


def span_rule(rule_id: str):
    def deco(f):
        SPAN_RULES[rule_id] = f
        return f
    return deco


def check(rule_id: str):
    def deco(f):
        CHECKS[rule_id] = f
        return f
    return deco


# ----------------------------------------------------------------------------- vocabularies
@lru_cache(maxsize=1)
def _english():
    """(English words, inflected-form table) of spaCy's English lemma lookup (empty where missing)."""
    try:
        from spacy.lookups import load_lookups
        table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
    except (ImportError, ValueError, OSError):
        return frozenset(), {}
    return frozenset(v for v in table.values() if isinstance(v, str)), table


def _english_lower() -> frozenset[str]:
    """Frequent English words written mostly in lower case (spaCy's English lexeme probability table,
    log probability >= ENGLISH_LOWER_MIN_LOGPROB): "news", "fake"; not "smith" (mostly "Smith")."""
    return _english_sets()[0]


ENGLISH_LOWER_MIN_LOGPROB = -12.0


@lru_cache(maxsize=1)
def _english_vocab() -> tuple[frozenset[str], frozenset[str]] | None:
    """(words of the English lemma table: lemmas and forms, the forms :func:`english_inflected` accepts)
    from the committed word tables (:mod:`.wordtables`); None where they are missing."""
    from . import wordtables
    known, inflected = wordtables.load("en_lemma_words"), wordtables.load("en_inflected")
    return None if known is None or inflected is None else (known, inflected)


def english_word(word: str) -> bool:
    w = word.lower()
    vocab = _english_vocab()
    if vocab is not None:
        return w in vocab[0] or w in _english_lower()
    words, table = _english()
    return w in words or table.get(w) is not None or w in _english_lower()


def english_inflected(word: str) -> bool:
    """"Cells", "Motors", "Hosting", "Caching": an English plural or -ing form."""
    vocab = _english_vocab()
    if vocab is not None:
        return word.lower() in vocab[1]
    return _english_inflected(word.lower(), _english()[1])


def _english_inflected(w: str, table) -> bool:
    lemma = table.get(w) if table else None
    return isinstance(lemma, str) and lemma != w and w.endswith(("s", "ing"))


def _derive_english_vocab() -> tuple[frozenset[str], frozenset[str]]:
    """:func:`_english_vocab` from spacy-lookups-data: the strings :func:`english_word` and
    :func:`english_inflected` accept by the lemma table (its keys are hashes; the strings are those of the
    table's JSON file, checked to be the same keys)."""
    words, table = _english()
    if not table:
        return frozenset(words), frozenset()
    from spacy.strings import get_string_id
    from .layer import _lookups_json
    keys = list(_lookups_json("en_lemma_lookup.json.gz"))
    if {get_string_id(k) for k in keys} != set(table.keys()):
        raise ValueError("en_lemma_lookup.json.gz and spaCy's English lemma_lookup table have different keys")
    known = frozenset(w for w in set(keys) | set(words) if w in words or table.get(w) is not None)
    return known, frozenset(w for w in keys if _english_inflected(w, table))


def _german():
    from .layer import german_words
    return german_words()


def _noun_lemmas():
    from .layer import noun_lemmas
    return noun_lemmas()


def common_word(tok, rules: RuleSet) -> bool:
    """A common German or English word: in the German vocabulary (either case), a compound of a known noun,
    or an English word."""
    caps, lows = _german()
    text = tok.text
    return text.lower() in lows or text in caps or english_word(text) or _compound_of_known_noun(text, rules)


def _known_modifier(mod: str, rules: RuleSet | None = None) -> bool:
    """The first part of a compound is a known word ("Kunst", "Medien": the German vocabulary or the lexeme
    table) or a bound noun prefix (words.yaml actors.noun_prefixes: "Rück-flug")."""
    caps, lows = _german()
    from .layer import capitalised_words
    cands = (mod, mod[:-1], mod[:-2]) if mod[-1:] in ("s", "n", "e") else (mod,)
    if rules is not None and mod.lower() in word_list(rules, "noun_prefixes"):
        return True
    return any(c and (c.capitalize() in caps or c.lower() in lows or (len(c) >= 5 and c.capitalize() in capitalised_words()))
               for c in cands)


def _known_head(head: str) -> bool:
    """A common noun (:func:`noun_lemmas`) or an inflected form of one ("Rundgänge")."""
    nouns = _noun_lemmas()
    if any(h in nouns for h in (head, head[:-1], head[:-2]) if len(h) >= 4):
        return True
    from .layer import frequent_capitalised
    plain = head.translate(_UMLAUT)      # "Rundgänge" -> "Rundgang" (plural with umlaut)
    return len(head) >= 5 and any(h in frequent_capitalised() for h in (head, plain[:-1], plain[:-2]) if len(h) >= 5)


_UMLAUT = str.maketrans("äöü", "aou")


_CKN: dict = {"key": (), "memo": {}}


def _compound_of_known_noun(word: str, rules: RuleSet) -> bool:
    """"Kunstpelz", "Eiswürfel", "Kronendach", "Zwischenmahlzeiten": a German compound of a known word and a
    known noun (not one of the heads surnames typically end in: "-mann", "-berg", "-stein"). A function of the
    word, two word lists and the word tables: memoized while those are the same objects (issue 16)."""
    if not word.isalpha():
        return False
    from .layer import capitalised_words
    key = (word_list(rules, "surname_heads"), word_list(rules, "noun_prefixes"), _german(), _noun_lemmas(),
           capitalised_words())
    memo = _CKN["memo"]
    if len(key) != len(_CKN["key"]) or any(a is not b for a, b in zip(key, _CKN["key"])) or len(memo) > 200_000:
        memo = _CKN["memo"] = {}
        _CKN["key"] = key
    r = memo.get(word)
    if r is None:
        r = memo[word] = _compound_of_known_noun_uncached(word, rules)
    return r


def _compound_of_known_noun_uncached(word: str, rules: RuleSet) -> bool:
    low = word.lower()
    if not word.isalpha() or low.endswith(word_tuple(rules, "surname_heads")):
        return False
    return any(_known_modifier(word[:i], rules) and _known_head(word[i].upper() + word[i + 1:])
               for i in range(3, len(word) - 3)) or _linked_compound(word)


def _linked_compound(word: str) -> bool:
    """"Abschiedsgala", "Verfassungsgericht": a common noun, the linking -s and a capitalised word of the
    German lexeme table ("Gala"): the linking -s after a noun is no part of a name."""
    from .layer import capitalised_words
    nouns = _noun_lemmas()
    for i in range(4, len(word) - 3):
        if word[i - 1] == "s" and word[:i - 1] in nouns and (word[i].upper() + word[i + 1:]) in capitalised_words():
            return True
    return False


def _common_text(word: str, rules: RuleSet) -> bool:
    caps, lows = _german()
    return word.lower() in lows or word in caps or english_word(word) or _compound_of_known_noun(word, rules)


def _mostly_common(common: list[bool]) -> bool:
    """Every word common ("Rye Whiskey", "Head Coach"); one word that is not ("Joschka Fischer", "Ban Ki
    Moon") makes a name: German surnames are often common nouns (Fischer, Bach, Koch)."""
    return bool(common) and all(common)


def full_name_surname(text: str, rules: RuleSet, given: frozenset[str], particles: frozenset[str]) -> str | None:
    """The surname of a multi-word PER name that may name a person ("Meles Zenawi" -> "Zenawi"; not
    "Rye Whiskey": every word a common word and no first name)."""
    words = text.split()
    if len(words) < 2:
        return None
    words_ = [w for w in words if _word_or_hyphen_word(w) and w.lower() not in particles]
    common = [_hyphen_parts_all(w, lambda x: _common_text(x, rules)) for w in words_]
    if any(w in given for w in words) or not _mostly_common(common):
        return words[-1]
    return None


# ----------------------------------------------------------------------------- evidence
def _given(word: str, ctx: PersonCtx) -> bool:
    w = word.split("-")[0]
    return w in ctx.given or _strip_gen(w) in ctx.given


def _initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def has_support(doc: Doc, sp: Span, ctx: PersonCtx, speech: bool = True) -> bool:
    """Person evidence for a PER span (module docstring); ``speech=False``: not counting speech context.

    Kept per context, Doc and span (issue 16: the checks of one verdict ask it about a dozen times for the same
    span; the answer reads only the Doc, the span and the context's fixed fields)."""
    memo = ctx.extra.get("has_support")
    if memo is None:
        memo = ctx.extra["has_support"] = {}
    key = (doc, sp.start, sp.end, speech)
    got = memo.get(key)
    if got is None:
        got = memo[key] = _has_support(doc, sp, ctx, speech)
    return got


def _has_support(doc: Doc, sp: Span, ctx: PersonCtx, speech: bool) -> bool:
    words = [t.text for t in sp]
    if any(_given(w, ctx) or _initial(w) for w in words) or words[0].lower() in ctx.particles:
        return True
    last = words[-1]
    if len(words) >= 2 and regnal_number(last):
        return True                     # per_regnal_number: "Ramses II.", "Benedikt XVI."
    if len(words) == 1 and (last in ctx.person_surnames or _strip_gen(last) in ctx.person_surnames
                            or (last.endswith("s") and last[:-1] in ctx.person_surnames)):
        return True                     # "Zenawi" after "Meles Zenawi", "Mussawis" after "Hossein Mussawi"
    if last in ctx.known_persons or _strip_gen(last) in ctx.known_persons:
        return True
    if sp.start > 0 and not doc[sp.start].is_sent_start:
        prev = doc[sp.start - 1]
        if prev.lower_ in word_list(ctx.rules, "person_titles") or (prev.text[:1].isupper() and ctx.not_names(prev.text)
                                                                     and not _bare_plural_title(doc, prev, ctx)):
            return True                 # "Herr Schulze", "Oberst Eck" (not "aus": the genitive of "AU" to the lexicon)
    if _title_apposition_after(doc, sp, ctx):
        return True                     # "Källenius, Vorstandsvorsitzender der ..."
    if prenominal_genitive(doc, sp):
        return True                     # "für Fellenbergs Ideen"
    if speech and speech_context(doc, sp, ctx.rules):
        return True                     # "sagte Alt", ", so Löschmann.", "Thierse betonte"
    return any(doc[k].text == "/" for k in (sp.start - 1, sp.end) if 0 <= k < len(doc))   # "Dreier/Schulze"


def regnal_number(word: str) -> bool:
    """per_regnal_number: "die Feldzüge [Ramses II.]PER", "[Yahya II.]PER": a Roman numeral with a full stop after a
    name numbers a ruler or a pope of that name, a person (not the abbreviation check's "Urt.")."""
    return len(word) >= 2 and word.endswith(".") and all(c in "IVXL" for c in word[:-1])


def _speech_form(t, rules: RuleSet) -> bool:
    """A finite form of a speech verb ("sagte", "betont"; not the infinitive "hinzufügen" or a participle)."""
    sp = rules.get("speech")
    return sp is not None and any("speech" in e.classes and not e.split and not e.participle
                                  and t.lower_ != e.lemma for e in sp.forms.get(t.lower_, ()))


def speech_context(doc: Doc, sp: Span, rules: RuleSet) -> bool:
    """The name speaks: "betonte Thierse", "sagte Alt am Donnerstag", "«...», so Löschmann.", "Thierse
    betonte" (a speech verb right before or after it in its sentence, or the "so" of a quote's source
    before it). Things do not speak; organisations do, but their evidence decides before the checks."""
    k = sp.start - 1
    if k >= 0 and not doc[sp.start].is_sent_start:
        if _speech_form(doc[k], rules) and doc[k].pos_ in ("VERB", "AUX"):
            return True
        if doc[k].lower_ == "so" and k > 0 and (doc[k - 1].is_punct or doc[k - 1].is_quote):
            return True
    root = sp.root
    return root.dep_ in ("sb", "nsubj") and root.head.i != root.i and _speech_form(root.head, rules)


def _bare_plural_title(doc: Doc, prev, ctx: PersonCtx) -> bool:
    """per_bare_plural_title: "Auch sollen Polizisten [Knüppel]PER eingesetzt haben": a title in an inflected form that
    may be a plural ("Polizisten", not "Polizist"), with no article or adjective before it, names a group: no title
    before a name ("dem Präsidenten Kennedy" has its article)."""
    lex = ctx.rules.get("roles")
    forms = lex.lookup(prev.text) if lex is not None else []
    if not forms or any(f.plural == "sg" or f.title.head == prev.text for f in forms):
        return False
    before = doc[prev.i - 1] if prev.i > 0 else None
    return before is None or before.pos_ not in ("DET", "ADJ", "PRON")


def _title_apposition_after(doc: Doc, sp: Span, ctx: PersonCtx) -> bool:
    """A role title in apposition right after the name: "Källenius, Vorstandsvorsitzender der Mercedes-Benz
    Group AG", "Fuest, der Präsident des Ifo-Instituts", "Meier, ehemaliger Bürgermeister" (an article or one
    lower-case adjective may come between the comma and the title); not a title followed by a name of its own."""
    lex = ctx.rules.get("roles")
    k = sp.end
    if lex is None or k + 1 >= len(doc) or doc[k].text != ",":
        return False
    k += 1
    if doc[k].lower_ in ("der", "die", "dem", "den", "ein", "eine", "einer", "einem", "einen") and k + 1 < len(doc):
        k += 1
    if doc[k].text[:1].islower() and doc[k].is_alpha and k + 1 < len(doc):
        if doc[k].lower_ in ("deren", "dessen"):
            return False                # (ent20) "Für [Akkus]PER, deren Besitzer ...": a relative's owner, no apposition
        k += 1
    if k + 1 < len(doc) and (doc[k + 1].ent_type_ == "PER" or doc[k + 1].pos_ == "PROPN"):
        return False                    # "des Programms KitaPlus, das Ministerin Manuela Schwesig vorstellte":
        #                                 a title with its own name after it opens a relative clause
    return doc[k].text[:1].isupper() and bool(lex.lookup(doc[k].text))


# ----------------------------------------------------------------------------- span rules
@span_rule("per_split_lowercase")
def per_split_lowercase(doc: Doc, sp: Span, ctx: PersonCtx):
    """"[Kim lud Trump]PER schließlich nach Nordkorea ein", "[Schulze aaO]PER": a lower-case word that is
    no name particle ends the name; the capitalised parts on both sides stay names."""
    cuts = [t.i for t in sp if t.text[:1].islower() and t.lower_ not in ctx.particles and t.is_alpha]
    if not cuts:
        return None
    parts, st = [], sp.start
    for c in cuts + [sp.end]:
        if c > st and doc[st].text[:1].isupper():
            parts.append((st, c))
        st = c + 1
    return parts


@span_rule("per_genitive_head")
def per_genitive_head(doc: Doc, sp: Span, ctx: PersonCtx):
    """"[Robert Rettigs Angebot]PER", "[Kims Gesundheitszustand]PER", "[Rafael van der Vaarts
    Abschiedsgala]PER": a genitive name and the common noun it owns; the name stays. (The tagger reads the
    words inside a PER span as proper nouns: the noun is known by the vocabulary.)"""
    if len(sp) < 2:
        return None
    gen, last = sp[-2], sp[-1]
    if not _genitive_form(doc, gen.text) or gen.text in ctx.given or _given(last.text, ctx):
        return None
    if last.text in _german()[0] or _compound_of_known_noun(last.text, ctx.rules) or \
            (last.pos_ == "NOUN" and _known_head(last.text)):            # "[Gaddafis Schwager]PER"
        return [(sp.start, sp.end - 1)]
    return None


def _genitive_form(doc: Doc, word: str) -> bool:
    """A genitive name: "Kims", "Musks'"; a name in -i ("Gaddafis": :func:`_strip_gen` keeps "-is", "Paris") where the
    article has the name without the -s too ("Gaddafi")."""
    if _strip_gen(word) != word:
        return True
    base = word[:-1]
    return word.endswith("is") and len(base) >= 3 and base in doc_columns(doc).text


@span_rule("org_genitive_head")
def org_genitive_head(doc: Doc, sp: Span, ctx: PersonCtx):
    """"versammelten sich [Borussia Dortmunds Spieler]ORG", "[Volkswagens Betriebsrat]ORG": an organisation's
    name in the genitive (its base is a name the gazetteer, the organisation lexicon or the article knows) and the
    common noun it owns (a word of the German vocabulary, or a compound of known nouns); the name stays
    (actors.yaml org_span_rules; a place's genitive at its end is dropped from the actor's name)."""
    if len(sp) < 2:
        return None
    gen, last = sp[-2], sp[-1]
    base = _strip_gen(gen.text)
    if not gen.text.endswith("s") or base == gen.text or not last.is_alpha:
        return None
    orgs = ctx.rules.get("organizations")
    known = (ctx.gaz is not None and ctx.gaz.label(base) is not None) \
        or (orgs is not None and orgs.by_name(base) is not None) or base in doc_columns(doc).text
    if known and (last.text in _german()[0] or _compound_of_known_noun(last.text, ctx.rules)):
        return [(sp.start, sp.end - 1)]     # (not "[Dave Matthews Band]": "Matthew" is no name the text knows)
    return None


@span_rule("per_lead_word")
def per_lead_word(doc: Doc, sp: Span, ctx: PersonCtx):
    """"[Rockabillies Elvis]PER", "[Gefriert Adblue]PER", "[Dieselfahrzeugen Adblue]PER": a common word
    before the name (not a first name, tagged as no proper noun) is no part of it."""
    t = sp[0]
    if len(sp) < 2 or _given(t.text, ctx) or t.pos_ in ("PROPN", "X") or t.lower_ in ctx.particles:
        return None
    if not sp[1].text[:1].isupper() or not sp[1].is_alpha or not t.is_alpha:
        return None
    # the lower-case vocabulary or a compound: the capitalised vocabulary holds given names ("Joschka"),
    # English words are names too ("Sun Laiyan")
    if t.text[1:].islower() and (t.lower_ in _german()[1] or _compound_of_known_noun(t.text, ctx.rules)):
        return [(sp.start + 1, sp.end)]
    return None


@span_rule("per_trailing_noun")
def per_trailing_noun(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Küchenchef [Torsten Hempel Zuckerschoten]PER, Karotten, ...": a full name and a common noun after
    it; the name stays ("Johann Sebastian Bach" keeps "Bach": before it are first names only, so it is
    the surname)."""
    last = sp[-1]
    if len(sp) < 3 or not _given(sp[0].text, ctx) or last.pos_ != "NOUN" or _given(last.text, ctx):
        return None
    if all(_given(t.text, ctx) or t.lower_ in ctx.particles for t in sp[:-1]):
        return None
    if last.text in _german()[0] or _compound_of_known_noun(last.text, ctx.rules):
        return [(sp.start, sp.end - 1)]
    return None


# ----------------------------------------------------------------------------- checks
@lru_cache(maxsize=1)
def open_gold_nonpersons() -> dict[str, str]:
    """name -> ORG, LOC or MISC: names the open NER gold (GermEval 2014 train, the SmartData/MobIE tune half) tags an
    organisation, place or other thing and never a person, nor is any word of them a word of a gold person's name
    (``data/open_gold_nonpersons.tsv.gz``, written by ``benchmarks/open_gold_names.py``; empty where it is missing)."""
    import gzip
    from pathlib import Path
    path = Path(__file__).resolve().parent / "data" / "open_gold_nonpersons.tsv.gz"
    try:
        lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    except FileNotFoundError:
        return {}
    return {p[0]: p[1] for line in lines if not line.startswith("#") and len(p := line.split("\t")) >= 2}


@check("per_open_gold_nonperson")
def per_open_gold_nonperson(doc: Doc, sp: Span, ctx: PersonCtx):
    """"sagte [Schalkes]PER Trainer Felix Magath", "Betroffen ist [Maltesers]PER Milchschokolade": a name without person
    evidence (a first name, a title, the full name in the article; speaking is none here: organisations speak) that
    the open NER gold tags an organisation, place or other thing and never a person (:func:`open_gold_nonpersons`)
    is that. Last of the checks: the rules of the article's own evidence decide first."""
    if has_support(doc, sp, ctx, speech=False):
        return None
    key = " ".join(sp.text.split())
    table = open_gold_nonpersons()
    return table.get(key) or table.get(_strip_gen(key))


@check("per_in_listed_name")
def per_in_listed_name(doc: Doc, sp: Span, ctx: PersonCtx):
    """"General [Motors]PER", "Premier [League]PER": the words before complete a gazetteer name."""
    if ctx.gaz is None:
        return None
    for n in (1, 2):
        st = sp.start - n
        if st < 0 or any(t.is_sent_start for t in doc[st + 1:sp.start + 1]):
            break
        first = doc[st].text.split(None, 1)   # (no listed name starts with the word: no span text, issue 16)
        label = ctx.gaz.label(doc[st:sp.end].text) if not first or first[0] in ctx.gaz.by_first else None
        if label:
            return label
    return None


@check("per_english_word")
def per_english_word(doc: Doc, sp: Span, ctx: PersonCtx):
    """"mit [Whiskey]PER", "[Cognac]PER statt Whiskey": one English common word without person evidence that
    English text writes in lower case more often than capitalised ("Brown", "Smith", "Bush" are names)."""
    if len(sp) != 1 or has_support(doc, sp, ctx) or not sp[0].is_alpha or bare_subject(doc, sp):
        return None
    w = sp[0].text
    return "drop" if english_word(w) and english_mostly_lower(w) and w.lower() not in ctx.given_lower else None


def english_mostly_lower(word: str) -> bool:
    """"Whiskey" ("whiskey" more frequent than "Whiskey" in English text); not "Smith", "Baker", "Walker",
    "Bush": written capitalised more often, they are names first."""
    return word.lower() in _english_sets()[1]


@lru_cache(maxsize=1)
def _english_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(frequent lower-case words, words written in lower case more often than capitalised) of spaCy's
    English lexeme probability table: the committed word tables (:mod:`.wordtables`), else derived (the
    table itself is not kept)."""
    from . import wordtables
    lower, mostly = wordtables.load("en_prob_lower"), wordtables.load("en_prob_mostly_lower")
    return _derive_english_sets() if lower is None or mostly is None else (lower, mostly)


def _derive_english_sets() -> tuple[frozenset[str], frozenset[str]]:
    from .layer import _lookups_json
    prob = _lookups_json("en_lexeme_prob.json.gz")
    mostly_lower = frozenset(w for w, p in prob.items() if w.isalpha() and w.islower()
                             and p > prob.get(w.capitalize(), -100.0))
    return frozenset(w for w in mostly_lower if prob[w] >= ENGLISH_LOWER_MIN_LOGPROB), mostly_lower


@check("per_club_with_place")
def per_club_with_place(doc: Doc, sp: Span, ctx: PersonCtx):
    """"[Tappara Tampere]PER", "[Frölunda Göteborg]PER": a name with a city or country in it and no first
    name is a club or a company, no person."""
    if len(sp) < 2 or has_support(doc, sp, ctx) or ctx.gaz is None:
        return None
    if any(ctx.gaz.label(t.text) == "LOC" for t in sp[1:]):
        return "ORG"
    return None


@check("per_common_words")
def per_common_words(doc: Doc, sp: Span, ctx: PersonCtx):
    """"[Rye Whiskey]PER", "[Head Coach]PER", "[Sixtinische Madonna]PER", "[Lyss Nord]PER": several words
    without a first name, the last one and at least half of them common German or English words ("Ban Ki
    Moon", "Sun Laiyan", "Jaap de Hoop Scheffer" stay)."""
    if len(sp) < 2 or has_support(doc, sp, ctx):
        return None
    words = [t for t in sp if _word_or_hyphen_word(t.text) and t.lower_ not in ctx.particles]
    # the last word may be any known noun; the words before it must be known as common words in their
    # own right (lower-case vocabulary, English, a compound): the capitalised vocabulary holds given
    # names too ("Joschka"); a hyphenated word only where every part is ("[Ban Ki-moon]PER" stays)
    common = [_hyphen_parts_all(t.text, lambda w: _strict_common(w, ctx.rules)) for t in words[:-1]] + \
        [common_word(t, ctx.rules) if t.is_alpha else _hyphen_parts_all(t.text, lambda w: _common_text(w, ctx.rules))
         for t in words[-1:]]
    return "drop" if words and _mostly_common(common) else None


def _word_or_hyphen_word(text: str) -> bool:
    """"Merkel", "Ki-moon", "Leutheusser-Schnarrenberger": letters, or letters joined by hyphens."""
    return text.isalpha() or ("-" in text and all(p.isalpha() for p in text.split("-")))


def _hyphen_parts_all(text: str, test) -> bool:
    """``test`` holds for the word, or for every part of a hyphenated word ("Ki-moon": "Ki" is no common word)."""
    return test(text) if "-" not in text else all(p and test(p) for p in text.split("-"))


def _strict_common(word: str, rules: RuleSet) -> bool:
    return word.lower() in _german()[1] or english_word(word) or _compound_of_known_noun(word, rules) \
        or word in _noun_lemmas()


@check("per_abbreviation")
def per_abbreviation(doc: Doc, sp: Span, ctx: PersonCtx):
    """"[Urt.]PER v. 26.9.1985", "[Jap.]PER Natürlich, ...": one abbreviated word (no initial) is no name."""
    alpha = [t for t in sp if t.is_alpha]
    if len(alpha) == 1 and sp.text.endswith(".") and len(alpha[0].text) > 1 and not has_support(doc, sp, ctx):
        return "drop"
    return None


@check("per_not_a_name_word")
def per_not_a_name_word(doc: Doc, sp: Span, ctx: PersonCtx):
    """"[Freilich]PER sagt er ...", "[Jene]PER Gruppe", "[Stilles]PER Rackern", "[The]PER second machine
    age", "[Urt.]PER v. 26.9.1985": one word the tagger reads as no noun that the vocabulary knows as a
    lower-case word too ("Breuer", "Stoiber", "Smith" the tagger also reads as adverbs), or an abbreviation."""
    t = sp[0]
    if len(sp) != 1 or has_support(doc, sp, ctx):
        return None
    if t.text.endswith(".") and len(t.text) > 2:
        return "drop"
    if t.pos_ in ("ADV", "ADJ", "DET", "PRON", "ADP", "VERB", "AUX", "CCONJ", "SCONJ", "PART") or t.tag_ in (
            "PDAT", "PIAT", "ART", "DC"):
        known = t.lower_ in _german()[1] or (english_word(t.text) and english_mostly_lower(t.text))
        return "drop" if known else None
    return None


@check("per_common_noun")
def per_common_noun(doc: Doc, sp: Span, ctx: PersonCtx):
    """"mit [Hack]PER", "[Semmelknödel]PER", "privilegiertes [Caching]PER", "umweltfreundlichen
    [Kunstpelz]PER", "Ultium [Cells]PER": one word without person evidence (a name's genitive before its noun is
    evidence: :func:`prenominal_genitive`) that the tagger reads as a common noun and the vocabulary knows as
    a noun, a compound of a known noun, an English plural or -ing form, or that follows an adjective without
    article (a mass noun). (The tagger's NOUN alone is no evidence: it reads foreign surnames such as "Sammer"
    or "Madoff" as nouns.)"""
    t = sp[0]
    if len(sp) != 1 or has_support(doc, sp, ctx) or bare_subject(doc, sp):
        return None
    if (t.pos_ == "NOUN" and t.text in _noun_lemmas()) or _compound_of_known_noun(t.text, ctx.rules) \
            or english_inflected(t.text) or _bare_noun_after_preposition(doc, t):
        return "drop"
    return None


def prenominal_genitive(doc: Doc, sp: Span) -> bool:
    """per_prenominal_genitive: "Seit [Schliemanns]PER Arbeit", "für [Fellenbergs]PER Ideen", "[Burrs]PER sechsjährige
    Amtszeit": one word in the genitive -s without an article, right before a noun (or an adjective and a noun), is
    a name owning it; a common noun takes its genitive after the noun. Not a word of the vocabulary ("Stilles
    Rackern": an adjective; "Missions Spezialist": a compound written apart)."""
    t = sp[0]
    if len(sp) != 1 or not t.text.endswith("s") or _strip_gen(t.text) == t.text or sp.end + 1 >= len(doc):
        return False
    if t.i > 0 and not t.is_sent_start and doc[t.i - 1].pos_ == "DET":
        return False
    if t.i > 1 and not t.is_sent_start and doc[t.i - 1].tag_ == "ADJA" and doc[t.i - 2].pos_ == "DET":
        return False                    # (ent20) "des Kaiserslauterer [Nähmaschinenherstellers]PER Pfaff": an article's
        #                                 genitive noun, no name owning the next word
    nxt = doc[sp.end]
    if nxt.pos_ == "ADJ" and nxt.text[:1].islower():
        nxt = doc[sp.end + 1]
    noun = nxt.pos_ == "NOUN" or (not nxt.ent_type_ and (nxt.text in _german()[0] or nxt.lemma_ in _noun_lemmas()))
    #                                 ("Ideen" read as a name)
    stem = _strip_gen(t.text)
    caps, lows = _german()
    return noun and nxt.text[:1].isupper() and t.lower_ not in lows and stem.lower() not in lows \
        and stem not in caps and stem not in _noun_lemmas()   # not "Stilles Rackern", "Missions Spezialist"


# verbs whose subject is no doer: a copula's subject may be a bare mass noun ("Vieles ist Placebo")
_COPULAS = frozenset({"sein", "werden", "bleiben", "heißen", "gelten", "scheinen"})


def bare_subject(doc: Doc, sp: Span) -> bool:
    """per_bare_subject (person evidence of the vocabulary checks): "[Rehhagel]PER will mit Griechenland zur WM",
    "[Fischer]PER sei in einer Weise aufgetreten", "[Crone]PER liefert seine Ernte an eine Genossenschaft": one
    capitalised word NER tags a person that is the subject of an active verb (not a copula, not a passive) with no
    article, determiner, adjective, number or preposition of its own is a surname, also where the vocabulary knows it
    as a common noun (Fischer, Müller, Koch, Zahn), a compound of nouns (Reh-hagel, Strittmatter) or an English word
    (Crone, Brown): a German count noun in the singular takes an article as a subject ("Der Fischer sagte"), and the
    bare mass nouns NER mistakes for names are objects or follow prepositions ("mit [Hack]", "[Cognac] statt
    Whiskey"); not a word the article uses as a common noun elsewhere ("auf umweltfreundlichen Kunstpelz",
    :func:`_common_use`). Only the vocabulary checks (:func:`per_common_noun`, :func:`per_english_word`,
    ``layer.implausible_person``) take it as evidence; the place and organisation checks do not."""
    if len(sp) != 1:
        return False
    t = sp[0]
    if not (t.is_alpha and t.text[:1].isupper() and t.text[1:2].islower()) or t.dep_ not in ("nsubj", "sb"):
        return False
    if t.lower_.endswith("ing") and english_inflected(t.text):
        return False                    # "[Retailing]PER wächst": an English -ing noun is no surname
    if "Plur" in t.morph.get("Number"):
        return False
    head = t.head
    if head.i == t.i or head.pos_ not in ("VERB", "AUX") or head.lemma_ in _COPULAS:
        return False
    if any(c.dep_ in ("nsubj:pass", "sbp") or (c.lemma_ == "werden" and head.tag_ == "VVPP") for c in head.children):
        return False                    # "[Adblue]PER wird eingespritzt": a passive's subject is done to
    if any(c.pos_ in ("DET", "ADJ", "ADP", "NUM", "PRON") and c.i < t.i for c in t.children):
        return False
    if t.i > 0 and not t.is_sent_start and doc[t.i - 1].pos_ in ("DET", "ADJ", "NUM"):
        return False
    if t.i + 1 < len(doc) and doc[t.i + 1].pos_ in ("NOUN", "PROPN"):
        return False                    # "bekam [Paulis]PER Spieler ...": a genitive before its noun
    fin = _finite_verb(head)
    # the subject before its finite verb, or right after it ("Damit sei [Voigtländer]"); not "kommt vermehrt
    # [Kunstpelz] zum Einsatz", "[Handfest] anziehen" (no finite verb)
    if fin is None or fin.pos_ not in ("VERB", "AUX") or fin.tag_.startswith(("JJ", "ADJ")) \
            or (fin.morph.get("Number") and fin.morph.get("Number") != t.morph.get("Number", ["Sing"])):
        return False                    # ("[Handfest]NN anziehen" read as a plural verb: no agreement)
    if not (t.i < fin.i or t.i == fin.i + 1):
        return False
    # "[Kunstpelz]PER hat ... auf umweltfreundlichen Kunstpelz": the article uses the word as a common noun elsewhere
    toks, word = doc_tokens(doc), t.text          # (the text column: no Token per word of the Doc, issue 16)
    return not any(w == word and _common_use(doc, toks[i]) for i, w in enumerate(doc_columns(doc).text))


def _finite_verb(head):
    """The finite verb of the clause ``head`` heads: itself, or a finite auxiliary of it (None for an infinitive)."""
    for v in (head, *[c for c in head.children if c.pos_ == "AUX"]):
        if "Fin" in v.morph.get("VerbForm") or v.morph.get("Person") or v.tag_.endswith("FIN"):
            return v
    return None


@check("per_deadjectival_noun")
def per_deadjectival_noun(doc: Doc, sp: Span, ctx: PersonCtx):
    """"vermutlich aufgrund [Nässe]PER ins Schleudern", "bei [Glätte]PER", "trotz der [Kälte]PER": one word without
    person evidence that is a noun made of an adjective with umlaut and -e (nass: Nässe, glatt: Glätte, kalt: Kälte,
    stark: Stärke; mass nouns, which have no plural the noun table could know them by) is no person."""
    if len(sp) != 1 or has_support(doc, sp, ctx):
        return None
    return "drop" if _deadjectival(sp[0].text) else None


_UMLAUT_BACK = str.maketrans("äöü", "aou")


def _deadjectival(word: str) -> bool:
    """"Nässe" (nass), "Größe" (groß), "Nähe" (nah): capitalised, ends in -e, has an umlaut, and the word without
    umlaut and -e is a lower-case adjective of the vocabulary (itself and its forms in -e, -er, -es)."""
    if len(word) < 5 or not word[:1].isupper() or not word.endswith("e") or not any(c in "äöü" for c in word) \
            or not word.isalpha():
        return False
    stem = word[:-1].lower().translate(_UMLAUT_BACK)
    lows = _german()[1]
    forms = (stem, stem + "e", stem + "er", stem + "es") if not stem.endswith("ß") else \
        (stem, stem + "e", stem + "er")
    return all(f in lows for f in forms) or (stem.endswith("ss") and all(f in lows for f in (stem, stem + "e")))


def _bare_noun_after_preposition(doc: Doc, t) -> bool:
    """"Die Polizei geht von [Suizid]PER aus", "ein LKW mit [Kran]PER", "10 km [Stau]PER": a common noun
    (:func:`noun_lemmas`) the tagger read as a proper noun, right after a preposition or a unit, with no
    article: a mass or bare noun (a person's surname there would have been named in full before)."""
    if t.pos_ != "PROPN" or t.text not in _noun_lemmas() or t.i == 0 or t.is_sent_start:
        return False
    prev = doc[t.i - 1]
    return prev.pos_ == "ADP" and prev.is_lower or prev.lower_ in ("km", "kilometer", "meter", "m")


def _verb_form(low: str) -> bool:
    """"entwickelte", "töteten": the lemma table gives a verb (an infinitive in -en/-ern/-eln) for it."""
    forms = _verb_forms()
    if forms is not None:
        return low in forms
    from .layer import lemma_table
    return _verb_lemma(low, lemma_table().get(low))


def _verb_lemma(form: str, lemma) -> bool:
    return isinstance(lemma, str) and lemma != form and lemma.endswith("n") and lemma.islower()


@lru_cache(maxsize=1)
def _verb_forms() -> frozenset[str] | None:
    """The forms :func:`_verb_form` accepts, from the committed word tables (:mod:`.wordtables`); None where
    the file is missing (then the lemma table itself is read)."""
    from . import wordtables
    return wordtables.load("de_verb_forms")


def _derive_verb_forms(table: dict) -> frozenset[str]:
    return frozenset(k for k, v in table.items() if _verb_lemma(k, v))


@check("per_after_bare_adjective")
def per_after_bare_adjective(doc: Doc, sp: Span, ctx: PersonCtx):
    """"umweltfreundlichen [Kunstpelz]PER", "mit frischem [Matjes]PER": one word without person evidence
    right after an inflected attributive adjective with no article before it is a mass noun; a name takes
    an article with an adjective ("der junge Müller"). Not after a participle ("der 1942 geborene Ingold":
    its article stands further back)."""
    t = sp[0]
    if len(sp) != 1 or has_support(doc, sp, ctx) or t.i == 0 or doc[t.i].is_sent_start:
        return None
    prev = doc[t.i - 1]
    low = prev.lower_
    if not (prev.tag_ == "ADJA" or (prev.pos_ == "ADJ" and prev.tag_ == "JJ")) \
            or not low.endswith(("e", "en", "er", "es", "em")) \
            or low not in _german()[1] or low.startswith(("ge", "er")) or _verb_form(low) \
            or prev.head.i != t.i or prev.dep_ not in ("amod", "nk"):
        return None                     # the parser attaches it to the name as its adjective
    for x in reversed(doc[max(0, prev.i - 4):prev.i]):
        if x.pos_ == "DET":
            return None                 # "der 1942 in Basel geborene Ingold"
        if x.pos_ in ("NOUN", "PROPN", "VERB", "AUX", "PUNCT"):
            break                       # "serviert der Wirt frischen Matjes": that article is the noun's
    return "drop"


@check("per_place_word")
def per_place_word(doc: Doc, sp: Span, ctx: PersonCtx):
    """"[Taschenbergpalais]PER", "[Thomaskirche]PER": a building or place by its ending."""
    if len(sp) != 1 or has_support(doc, sp, ctx):
        return None
    return "LOC" if sp[0].lower_.endswith(word_tuple(ctx.rules, "place_suffixes")) else None


@check("per_place_name_head")
def per_place_name_head(doc: Doc, sp: Span, ctx: PersonCtx):
    """"in der [Ben Jehudastraße]PER", "[Karl-Liebknecht-Haus]PER", "die [Olde Burgkirche]PER": a name whose last word
    is a compound ending in a place or building word (words.yaml actors.place_suffixes, and "-Haus" after a
    hyphen) is that place, whatever first name it starts with (streets and buildings are named after persons)."""
    last = sp[-1].text
    low = last.lower()
    if "-" in last:
        head = low.rsplit("-", 1)[-1]
        if head == "haus" or (head in word_list(ctx.rules, "place_suffixes") and len(head) >= 4):
            return "LOC"
        return None
    if len(sp) < 2 or not last.isalpha():
        return None
    for suf in word_tuple(ctx.rules, "place_suffixes"):
        if low.endswith(suf) and len(low) >= len(suf) + 3:
            return "LOC"                # a compound ("Jehudastraße"), not the bare word ("Peter Platz")
    return None


@check("per_possessive_name")
def per_possessive_name(doc: Doc, sp: Span, ctx: PersonCtx):
    """"drei Spritzer [Peychaud's Bitters]PER", "[Dunkin' Donuts]PER": a name with a possessive "'s" (or an elided "'")
    on a word before its last is a product, brand or place named after its owner ("McDonald's Restaurant"), never a
    person's name, whatever person evidence the owner has ("Amédée Peychaud")."""
    if len(sp) < 2:
        return None
    if any(t.text.endswith(("'s", "’s", "s'", "n'")) and len(t.text) > 3 for t in sp[:-1]):
        return "MISC"
    return None


@check("per_org_word")
def per_org_word(doc: Doc, sp: Span, ctx: PersonCtx):
    """"[Gefriert Adblue]PER" where "Adblue" is an organisation four times in the article, "[Rockabillies
    Elvis]PER" no: several words without person evidence, one of them a name this article labels an
    organisation (after the layer's relabelling: evidence, gazetteer, majority) is no person's name."""
    if len(sp) < 2 or has_support(doc, sp, ctx):
        return None
    orgs = ctx.extra.get("org_names") or set()
    return "drop" if any(t.text in orgs or _strip_gen(t.text) in orgs for t in sp if t.text[:1].isupper()) else None


@check("per_demonym")
def per_demonym(doc: Doc, sp: Span, ctx: PersonCtx):
    """"der [Chicagoer]PER:innen", "[Leipziger]PER": a place's demonym or adjective in -er (the place is in the
    gazetteer or the organisation lexicon), no person."""
    if len(sp) != 1 or has_support(doc, sp, ctx) or not sp[0].is_alpha:
        return None
    w = sp[0].text
    if not w.endswith("er") or len(w) < 6:
        return None
    orgs = ctx.rules.get("organizations")
    for stem in (w[:-2], w[:-2] + "en", w[:-2] + "e", w[:-2] + "n", w[:-3] if w.endswith("ier") else ""):
        if stem and ((ctx.gaz is not None and ctx.gaz.label(stem) == "LOC")
                     or (orgs is not None and (o := orgs.by_name(stem)) is not None and o.actor_type == "location")):
            return "drop"
    return None


@check("per_camel_case")
def per_camel_case(doc: Doc, sp: Span, ctx: PersonCtx):
    """"[SonneMondSterne]PER", "[YouTube]PER" no: one word with two inner capitals between lower-case letters
    is a brand or an event ("McDonald", "DiCaprio" have one)."""
    if len(sp) != 1 or has_support(doc, sp, ctx) or not sp[0].is_alpha:
        return None
    w = sp[0].text
    inner = sum(1 for a, b in zip(w, w[1:]) if a.islower() and b.isupper())
    return "drop" if inner >= 2 else None


@check("per_district")
def per_district(doc: Doc, sp: Span, ctx: PersonCtx):
    """"zwischen [Lyss Nord]PER und Aarberg", "[Hamburg Nord]": a name ending in a compass word (words.yaml
    actors.district_words) is a place, a district or an exit, no person."""
    if len(sp) < 2 or has_support(doc, sp, ctx):
        return None
    return "LOC" if sp[-1].lower_ in word_list(ctx.rules, "district_words") else None


@check("per_place_particle")
def per_place_particle(doc: Doc, sp: Span, ctx: PersonCtx):
    """"in San Felice sul [Panaro]PER", "Frankfurt am [Main]PER", "Halle an der [Saale]PER": a name without person
    evidence right after a place (a LOC of the NER) and a lower-case word of a place's name (actors.yaml
    place_particles) is the end of that place's name."""
    ar = ctx.rules.get("actors")
    if ar is None or sp.start < 2 or doc[sp.start].is_sent_start or has_support(doc, sp, ctx):
        return None
    for words in ar.place_particles:
        k = sp.start - len(words)
        if k > 0 and tuple(t.text for t in doc[k:sp.start]) == words and doc[k - 1].ent_type_ == "LOC":
            return "LOC"
    return None


@check("per_station_word")
def per_station_word(doc: Doc, sp: Span, ctx: PersonCtx):
    """"zwischen Bremen Hbf und [Osnabrück Hbf]PER", "EC 178 von [Praha hl.n]PER .": a name with a station
    abbreviation (words.yaml actors.station_words: Hbf, Bf, Fernbf ...) in it or right after it is a railway
    station, no person, whatever else stands around it."""
    words = word_list(ctx.rules, "station_words")
    nxt = doc[sp.end].text if sp.end < len(doc) else ""
    return "LOC" if any(t.lower_ in words for t in sp) or nxt.lower() in words else None


@check("per_place_lead")
def per_place_lead(doc: Doc, sp: Span, ctx: PersonCtx):
    """"zwischen Viernheimer Kreuz und [Kreuz Weinheim]PER", "der internationale Flughafen [Eleftherios
    Venizelos]PER in Athen", "auf der US-Basis [Holloman]PER": a name right after (or starting with) a noun that
    names a kind of place (words.yaml actors.place_lead_nouns, also as the head of a compound: "Autobahnkreuz",
    "US-Basis") names that place, even where it is a person's name ("Flughafen Franz Josef Strauß"); so does a name
    that starts with a place word of place_lead_words_cased ("[Kap Hoorn]PER", "[Lake Placid]PER")."""
    leads = word_list(ctx.rules, "place_lead_nouns")

    def lead(t) -> bool:
        low = t.lower_.rsplit("-", 1)[-1]
        return t.text[:1].isupper() and any(low.endswith(w) for w in leads)

    if len(sp) >= 2 and (lead(sp[0]) or sp[0].text in word_list(ctx.rules, "place_lead_words_cased")) \
            and sp[1].text[:1].isupper():
        return "LOC"
    if sp.start == 0 or doc[sp.start].is_sent_start:
        return None
    prev = doc[sp.start - 1]
    if prev.text in ("St.", "Sankt", "Ste.") or (prev.text == "." and sp.start >= 2 and doc[sp.start - 2].text == "St"):
        return "LOC"                    # "die Pfarrkirche St. [Matthias]PER": a church, a place or a club named after a saint
    if not lead(prev) or prev.pos_ not in ("NOUN", "PROPN"):
        return None
    if prev.lower_ == "höhe" and (sp.start < 2 or doc[sp.start - 2].lower_ not in ("in", "auf")):
        return None                     # only "in Höhe X", "auf Höhe X"
    return "LOC"


@check("per_speaking_compound")
def per_speaking_compound(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Städtisches Umweltamt bittet [Gartenbesitzer]PER, ...", "Hier spricht die [Lügenpresse]PER": one word
    that is a compound of known German nouns (not one with a surname ending: "-mann", "-berg") is a common
    noun even next to a speech verb; speaking is its only evidence and things and groups are said to speak
    too. Other evidence (a first name, the surname of a person named in full, a title) keeps it."""
    if len(sp) != 1 or not _compound_of_known_noun(sp[0].text, ctx.rules) or has_support(doc, sp, ctx, speech=False) \
            or bare_subject(doc, sp):
        return None
    return None if final_quote_source(doc, sp, ctx.rules) else "drop"


def final_quote_source(doc: Doc, sp: Span, rules: RuleSet) -> bool:
    """per_final_quote_source: "…, sagte [Mehdorn]PER.", "„…“, sagte [Fislake]PER.", "…, so [Jackwerth]PER.": one
    word the tagger reads as a proper noun that closes the sentence right after a finite speech verb in the
    singular or the "so" of a quote's source names the speaker, a surname (a common noun there would take an
    article; a bare plural takes a plural verb: "sagen Verkehrsexperten")."""
    t = sp[0]
    if t.pos_ != "PROPN" or t.i == 0 or doc[t.i].is_sent_start or sp.end >= len(doc) \
            or doc[sp.end].text not in (".", "!"):
        return False
    prev = doc[t.i - 1]
    if prev.lower_ == "so" and prev.i > 0 and (doc[prev.i - 1].is_punct or doc[prev.i - 1].is_quote):
        return True
    return prev.pos_ in ("VERB", "AUX") and _speech_form(prev, rules) and "Plur" not in prev.morph.get("Number")


@check("per_place_compound")
def per_place_compound(doc: Doc, sp: Span, ctx: PersonCtx):
    """"IC 2083 von [Hamburg-Altona]PER", "[Berlin-Mitte]PER": one hyphenated word whose first part is a city,
    region or country (gazetteer.yaml) and whose parts are capitalised names a district or a place, no person
    (double surnames join two surnames: "Leutheusser-Schnarrenberger")."""
    if len(sp) != 1 or "-" not in sp[0].text or ctx.gaz is None or has_support(doc, sp, ctx):
        return None
    parts = sp[0].text.split("-")
    if len(parts) != 2 or not all(p[:1].isupper() and p.isalpha() for p in parts):
        return None
    return "LOC" if ctx.gaz.label(parts[0]) == "LOC" else None


_DASHES = ("–", "—", "-", "->", "→")


@check("per_dash_pair")
def per_dash_pair(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Bauarbeiten [Hengelo]PER – Almelo", "Weichenerneuerung [Straubing]PER – Straßkirchen": one word without
    person evidence joined by a dash to another name (an entity, or a name with a station word) is one end of a
    route or a pairing (places, teams), no person ("Scholz – Kanzler ohne Mehrheit": a common noun, no name); so is a
    name of two words whose last word is written in lower case ("Coswig (Anh) – [Pratau Link]PER zur detaillierten
    Meldung": navigation text glued to a station); a place's note in parentheses before the dash is skipped."""
    if len(sp) > 2 or has_support(doc, sp, ctx):
        return None
    last = sp[-1]
    if len(sp) == 2 and not (last.is_alpha and (last.lower_ in _german()[1] or english_mostly_lower(last.text))):
        return None
    for dash, other in ((sp.end, sp.end + 1), (sp.start - 1, sp.start - 2)):
        if not (0 <= other < len(doc)) or doc[dash].text not in _DASHES or doc[dash].is_sent_start:
            continue
        if doc[other].text == ")" and other < dash and len(sp) == 2:     # "Coswig ( Anh ) – Pratau Link" (not a
            #                                                                  dateline: "Berlin (AFP) - Suzanne setzt")
            opening = next((k for k in range(other - 1, max(-1, other - 5), -1) if doc[k].text == "("), None)
            if opening is None or opening == 0:
                continue
            other = opening - 1
        o = doc[other]
        if o.text[:1].isupper() and o.is_alpha and (o.ent_type_ or (ctx.gaz is not None and ctx.gaz.label(o.text))
                                                    or _bare_name_word(o, ctx)):
            return "LOC"
    return None


def _bare_name_word(t, ctx: PersonCtx) -> bool:
    """"Weichenerneuerung [Straubing]PER – Straßkirchen": a capitalised word NER left untagged that is no common word,
    no first name and no surname of a person the article names in full: a name of the same kind as its pair (also one
    the tagger read as a noun: "Leipzig - [Plagwitz]NOUN – Gaschwitz Link", no word of the vocabulary)."""
    return t.pos_ in ("PROPN", "NOUN") and not t.ent_type_ and len(t.text) >= 3 and not common_word(t, ctx.rules) \
        and not _given(t.text, ctx) and t.text not in ctx.person_surnames and _strip_gen(t.text) not in ctx.person_surnames


@check("per_thing_lead")
def per_thing_lead(doc: Doc, sp: Span, ctx: PersonCtx):
    """"das Ziel des Programms [KitaPlus]PER", "ein Blog mit dem Namen [Decorize]PER", "der Film [Jupiter
    Ascending]PER", "des [Hurrikans Katrina]PER", "des ehemaligen Planeten [Pluto]PER": a name without person
    evidence right after (or starting with) a noun for a kind of work, product, programme, storm, heavenly body or
    vehicle (words.yaml actors.thing_lead_nouns, also as a compound's head: "Förderprogramm") names that thing."""
    if _storm_name(doc, sp, ctx):
        return "MISC"                   # "der Tropensturm [Rita]PER": storms are named with first names
    leads = word_list(ctx.rules, "thing_lead_nouns")
    last = sp[-1].text
    if len(sp) >= 2 and "-" in last and last.rsplit("-", 1)[1][:1].isupper() and \
            _kind_match(last.rsplit("-", 1)[1].lower(), leads, suffix=False):
        return "MISC"                   # "die [Mario Party-Serie]PER", "der [Harry Potter-Film]PER": a work named after one
    if has_support(doc, sp, ctx):
        return None

    def lead(t) -> bool:
        return t.text[:1].isupper() and t.pos_ in ("NOUN", "PROPN") and _kind_match(t.lower_, leads, suffix=True)

    if len(sp) >= 2 and lead(sp[0]) and sp[1].text[:1].isupper():
        return "MISC"                   # "des [Hurrikans Katrina]PER"
    if sp.start == 0 or doc[sp.start].is_sent_start:
        return None
    return "MISC" if lead(doc[sp.start - 1]) else None


def _storm_name(doc: Doc, sp: Span, ctx: PersonCtx) -> bool:
    """per_thing_lead_storm: "der Tropensturm [Rita]PER", "Tief [Xaver]PER": one name right after a noun for a weather
    system (words.yaml actors.storm_lead_nouns, also inflected or as a compound's head) is that storm, first name or not."""
    if len(sp) != 1 or sp.start == 0 or doc[sp.start].is_sent_start:
        return False
    t = doc[sp.start - 1]
    return t.text[:1].isupper() and t.pos_ in ("NOUN", "PROPN") and not t.ent_type_ and \
        _kind_match(t.lower_, word_list(ctx.rules, "storm_lead_nouns"), suffix=True)


@check("per_adjective_lead")
def per_adjective_lead(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Raffaels [Sixtinische Madonna]PER", "[Freier Szene]PER": a name whose first word is an inflected
    adjective (a derived adjective in -isch/-lich, or a word written mostly in lower case) is a title or a
    description, no person."""
    t = sp[0]
    if len(sp) < 2 or has_support(doc, sp, ctx) or not t.is_alpha or not t.text[1:].islower():
        return None
    low = t.lower_
    stem = next((low[:-len(e)] for e in ("en", "er", "es", "em", "e") if low.endswith(e)), None)
    if stem is None:
        return None
    if stem.endswith(("isch", "lich")) or (t.tag_ in ("ADJA", "ADJD") and low in _german()[1]):
        return "drop"
    return None


DETERMINER_TAGS = ("ART", "PDAT", "PIAT", "PPOSAT", "PIDAT", "PWAT", "DT", "ADJA")
# determiners that a person's name does not take (an indefinite or negative article, a quantifier)
COMMON_DETERMINERS = ("ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine", "keinen", "keinem",
                      "keiner", "keines", "meiste", "meisten", "viel", "viele", "vielen", "wenig", "wenige",
                      "etwas", "mehr", "jede", "jeder", "jeden", "jedem", "jedes", "manche", "manchen", "solche",
                      "solchen", "welche", "welchen")
DEFINITE = ("der", "die", "das", "dem", "den", "des")


def _common_use(doc: Doc, t) -> bool:
    """"einen Matjes", "der meiste Pelz", "keinen echten Pelz": the word after an indefinite or negative
    article or a quantifier, or after an attributive adjective that no definite article stands before
    ("der junge Müller" is a name's use)."""
    if t.i == 0 or t.is_sent_start:
        return False
    prev = doc[t.i - 1]
    if prev.lower_ in COMMON_DETERMINERS:
        return True
    if prev.tag_ in ("ADJA", "JJ") and prev.pos_ == "ADJ" and prev.text[:1].islower() and not _verb_form(prev.lower_) and \
            prev.lower_ not in ("gewisse", "gewisser", "gewissen", "sogenannte", "sogenannten"):
        return prev.i == 0 or doc[prev.i - 1].lower_ not in DEFINITE
    return False


def _word_uses(doc: Doc, ctx: PersonCtx, word: str) -> list[int]:
    """For a capitalised ``word`` of the Doc: [occurrences inside a PER entity of the NER, occurrences outside every
    entity (not after a definite article: "der Baroni" is a name in colloquial use), common-noun uses
    (:func:`_common_use`) outside every entity, uses after a capitalised word that is no common word]; counted
    when first asked, from the positions of the Doc's capitalised words (made once: issue 16, a Token is read
    only for the words asked about)."""
    memo = ctx.extra.setdefault("word_uses", {})
    u = memo.get(word)
    if u is None:
        at = ctx.extra.get("word_at")
        if at is None:
            cols = doc_columns(doc)
            at = ctx.extra["word_at"] = {}
            for i, text in enumerate(cols.text):
                if text[:1].isupper() and cols.alpha[i]:
                    at.setdefault(text, []).append(i)
        u = memo[word] = _uses_at(doc, ctx, at.get(word, ()))
    return u


def _uses_at(doc: Doc, ctx: PersonCtx, positions) -> list[int]:
    u = [0, 0, 0, 0]
    toks, cols = doc_tokens(doc), doc_columns(doc)
    for i in positions:
        t = toks[i]
        prev = toks[i - 1] if i > 0 and not t.is_sent_start else None     # (the columns for its text)
        if prev is not None and cols.text[i - 1][:1].isupper() and cols.alpha[i - 1] \
                and not common_word(prev, ctx.rules):
            u[3] += 1                # "der Ashraf Ghani": the word as a surname after a first name
        ent = t.ent_type_
        if ent == "PER":
            u[0] += 1
        elif not ent:
            if i == 0 or cols.lower[i - 1] not in DEFINITE:
                u[1] += 1
            if _common_use(doc, t):
                u[2] += 1
    return u


@check("per_article_noun_use")
def per_article_noun_use(doc: Doc, sp: Span, ctx: PersonCtx):
    """"der meiste Pelz ... keinen echten Pelz ... von [Pelz]PER", "einen Matjes ... nach [Matjes]PER",
    "setzt dort Ammoniak frei ... zu Ammoniak zersetzt ... des Grundstoffs [Ammoniak]PER": one word without
    person evidence that the article uses as a common noun elsewhere (after an indefinite article, a
    quantifier or a bare adjective, outside every entity), or leaves
    untagged at least twice as often as NER tags it a person (and at least twice): NER tags the other
    mentions of a name too. Not where the word follows a capitalised word that is no common word anywhere
    ("der Ashraf Ghani"): there the article names it in full.""" 
    if len(sp) != 1 or not sp[0].is_alpha or has_support(doc, sp, ctx):
        return None
    per, untagged, common, full = _word_uses(doc, ctx, sp[0].text)
    if full:
        return None                     # "der Ashraf Ghani ... die Kommission Ghani": named in full somewhere
    if common > 0 or (untagged >= 2 and untagged >= 2 * per):
        return "drop"
    return None


PLACE_PREPOSITIONS = ("in", "aus", "nahe")
COMPASS_ADVERBS = ("südlich", "nördlich", "westlich", "östlich", "südwestlich", "südöstlich", "nordwestlich",
                   "nordöstlich", "unweit")


def _place_of_noun(t, ctx: PersonCtx) -> bool:
    """A noun whose "von" names a place (words.yaml actors.place_of_nouns, also in the genitive or as a compound's
    head): "Nähe", "Einwohner", "Bürgermeister", "Massaker"."""
    if not t.text[:1].isupper() or t.pos_ not in ("NOUN", "PROPN"):
        return False
    low = t.lower_.rsplit("-", 1)[-1]
    nouns = word_tuple(ctx.rules, "place_of_nouns")
    return low.endswith(nouns) or low.endswith(tuple(n + "s" for n in nouns)) or low.endswith(tuple(n + "n" for n in nouns))


@check("per_place_preposition")
def per_place_preposition(doc: Doc, sp: Span, ctx: PersonCtx):
    """"liegt sechs Kilometer südlich von [Modrava]PER", "Die Gründung erfolgte in [Kalamaria]PER", "am Mittwoch
    in [Banja Luka]PER veröffentlicht": a name without person evidence (no first name: "in Angela Merkels
    Kabinett") after a preposition of place ("in", "aus"), "südlich von" or "von" after a noun whose "von" names a
    place ("in der Nähe von", "Einwohner von", "das Massaker von") or after a place ("Palmanova von [Calvi]") is a
    place; a person is "in" something only as a genitive ("in Merkels Kabinett")."""
    if has_support(doc, sp, ctx) or sp.start == 0 or doc[sp.start].is_sent_start or \
            any(not t.text[:1].isupper() for t in sp if t.is_alpha and t.lower_ not in ctx.particles):
        return None
    prev = doc[sp.start - 1]
    nxt = doc[sp.end] if sp.end < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper() and nxt.text[:1].isalpha():
        return None                     # "aus Merkels Sicht"
    if prev.lower_ in PLACE_PREPOSITIONS:
        return "LOC"
    if prev.lower_ == "von" and sp.start >= 2 and doc[sp.start - 2].lower_ in COMPASS_ADVERBS:
        return "LOC"
    if prev.lower_ == "von" and sp.start >= 2 and _place_of_noun(doc[sp.start - 2], ctx):
        return "LOC"                    # "in der Nähe von [Marun ar-Ras]PER", "des Massakers von [Dudschail]PER"
    if prev.lower_ == "von" and sp.start >= 2 and doc[sp.start - 2].ent_type_ == "LOC":
        return "LOC"                    # per_place_of_place: "im Stadtteil Palmanova von [Calvi]PER"
    return None


@check("per_role_title")
def per_role_title(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Jörg Krämer ist [Chefvolkswirt]PER bei der Commerzbank", "sagte [YPG-Sprecher]PER Redur Xelil": one
    word that is a role title of roles.yaml (or a hyphen compound ending in one) is no person, whatever stands
    around it (a speech verb is no evidence here: the title's holder speaks); not a title that is a common
    surname too (words.yaml actors.title_surnames: "Richter", "König"), nor a surname of a person named in full
    in the article."""
    lex = ctx.rules.get("roles")
    if len(sp) != 1 or lex is None or not sp[0].is_alpha and "-" not in sp[0].text:
        return None
    w = sp[0].text
    if w in ctx.person_surnames or _strip_gen(w) in ctx.person_surnames or _given(w, ctx):
        return None
    prefix, _, head = w.rpartition("-")
    if prefix and not (prefix[:1].isupper() and head[:1].isupper()):
        return None
    word = head if prefix else w
    if word.lower() in word_list(ctx.rules, "title_surnames") or not lex.lookup(word):
        return None
    return "drop"


@check("per_title_field")
def per_title_field(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Dessen Referentin für [Hochschulpolitik]PER, Mira Kowalczyk, wies darauf hin": one word after a title or
    another common noun and "für" (words.yaml actors.title_field_prepositions) that is a known noun or ends in one
    ("-politik") is that title's field, no person, whatever stands around it (the speech verb is the holder's: no
    evidence here); not a surname ending ("-berg", "-mann"), a noun that is a common surname too (actors.yaml
    noun_surnames: "für Koch") or a surname of a person named in full in the article."""
    if len(sp) != 1 or sp.start < 2 or not sp[0].is_alpha:
        return None
    w, prep, title = sp[0].text, doc[sp.start - 1], doc[sp.start - 2]
    if prep.lower_ not in word_list(ctx.rules, "title_field_prepositions") or not title.text[:1].isupper() \
            or not title.is_alpha or title.pos_ != "NOUN" or title.is_sent_start:
        return None
    ar = ctx.rules.get("actors")
    if w in ctx.person_surnames or _given(w, ctx) or (ar is not None and w in ar.noun_surnames) \
            or w.lower().endswith(word_tuple(ctx.rules, "surname_heads")):
        return None
    from .layer import frequent_capitalised
    nouns, caps = _noun_lemmas(), frequent_capitalised()
    heads = (w[i:].capitalize() for i in range(3, len(w) - 4))
    return "drop" if w in nouns or any((h in nouns or h in caps) and not _given(h, ctx) for h in heads) else None


@check("per_title_surname_article")
def per_title_surname_article(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Wie der Vorsitzende [Richter]PER, Ottmar Breidling, ausführte", "Der [Richter]PER wies die Klage ab": one
    word that is a role title and a common surname too (words.yaml actors.title_surnames) right after an article or
    an article and adjectives is the title used as a noun, no person (a surname takes no article: "Richter sagte");
    not the surname of a person named in full in the article."""
    if len(sp) != 1 or sp.start == 0 or doc[sp.start].is_sent_start:
        return None
    w = _strip_gen(sp[0].text)
    if w.lower() not in word_list(ctx.rules, "title_surnames") or w in ctx.person_surnames \
            or sp[0].text in ctx.person_surnames:
        return None
    k = sp.start - 1
    while k > 0 and _attributive(doc[k]) and not doc[k].is_sent_start:
        k -= 1                          # "der zuständige", "der Vorsitzende" (tagged a noun)
    return "drop" if doc[k].pos_ == "DET" and doc[k].lower_ in _ARTICLES else None


def _attributive(t) -> bool:
    """An adjective, or a nominalised one the tagger reads as a noun ("Vorsitzende"): a lower-case word of the
    vocabulary in -e or -en, or a present participle ("Vorsitzende", "Leitenden")."""
    low = t.lower_
    return t.pos_ == "ADJ" or (low.endswith(("e", "en")) and low in _german()[1]) or low.endswith(("ende", "enden"))


_ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"})

_AGENT_SUFFIXES = ("istin", "erin", "orin", "ärin", "eurin", "login", "nomin")


@check("per_feminine_agent_noun")
def per_feminine_agent_noun(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Die renommierte [Essayistin]PER und Mitbegründerin des Vereins", "Die [Pianistin]PER spielte": one word without
    person evidence (a speech verb is none: the noun speaks as well) that ends in a German feminine agent suffix (-istin, -erin, -orin, -ärin, -eurin, -login, -nomin)
    after a lower-case stem is a noun naming a woman by what she does, no name (female surnames do not end so)."""
    w = sp[0].text
    if len(sp) != 1 or not w.isalpha() or len(w) < 7 or not w[:1].isupper() or not w[1:].islower() \
            or not w.endswith(_AGENT_SUFFIXES) or has_support(doc, sp, ctx, speech=False):
        return None
    return "drop"


@check("per_web_token")
def per_web_token(doc: Doc, sp: Span, ctx: PersonCtx):
    """"[https://t.co/CLZVvNwrPG]PER", "[#]PER", "[D]PER": a link (embedded tweets on news pages), a lone sign or
    a letter that is no initial is no person's name (a handle, "@SibylleBerg", may be one)."""
    text = sp.text.strip()
    if "://" in text or text.lower().startswith("www.") or (sum(c.isalpha() for c in text) < 2
                                                            and not _initial(text)):
        return "drop"                  # ("[X.]PER": an initial for an anonymised person stays)
    return None


_MARKUP = set("_[]{}<>|=\\")


def _junk_token(word: str) -> str | None:
    """"hard" for a word with markup signs or a slash between letters ("csm_Cover_2020", "iStock.com/ayo888"), "soft"
    for digits inside a word ("c32f1ba", "H5N1", "V8-Motor") or a lower-case word glued to a capitalised one
    ("logoYoutub"), else None."""
    if word.startswith("@"):
        return None                     # a handle ("@Sibylle_Berg") may be a person's
    if any(c in _MARKUP for c in word) or ("/" in word.strip("/") and any(c.isalpha() for c in word)):
        return "hard"
    pairs = list(zip(word, word[1:]))
    if sum(c.isalpha() for c in word) >= 2 and any(a.isdigit() and (b.isalpha() or b == "-") for a, b in pairs):
        return "soft"                   # (digits only at the end are a user name's: "horst22", "Bobbie25")
    if word[:1].islower() and any(a.islower() and b.isupper() for a, b in pairs):
        return "soft"
    return None


@check("per_page_junk")
def per_page_junk(doc: Doc, sp: Span, ctx: PersonCtx):
    """"[csm_Cover_2020_fe3f1186]PER", "[logoYoutub]PER", "[Mangler_2]PER", "[c32f1ba]PER": file names, hashes and
    words glued together in the text of a web page are no person's name: a word with markup signs (underscore,
    brackets) or a slash between letters always; digits inside a word, or a lower-case word glued to a capitalised
    one, where the name is one word without person evidence ("[Gerrit Bockey2022]PER", "[horst22]PER" stay: a date
    glued to a name, a user name)."""
    kinds = {_junk_token(t.text) for t in sp if not t.is_punct or t.text in _MARKUP}
    if "hard" in kinds or ("soft" in kinds and len(sp) == 1 and not has_support(doc, sp, ctx)):
        return "drop"
    return None


@check("per_nominalised_adjective")
def per_nominalised_adjective(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Der Dichterfürst hat angeblich [Geschmortes]PER geliebt", "[Neues]PER": one capitalised word that is
    a known lower-case adjective or participle with the neuter ending -es is a nominalised adjective."""
    t = sp[0]
    if len(sp) != 1 or not t.is_alpha or not t.lower_.endswith("es") or len(t.text) < 6 or has_support(doc, sp, ctx):
        return None
    lows = _german()[1]
    stem = t.lower_[:-2]
    return "drop" if stem in lows or stem + "e" in lows else None


@check("per_quoted_word")
def per_quoted_word(doc: Doc, sp: Span, ctx: PersonCtx):
    """"die Fassade aus Plattitüden und „[Corporatespeak]PER“": a name alone between quotation marks
    without person evidence is a term, a title or a brand that is mentioned, no person."""
    if sp.start == 0 or sp.end >= len(doc) or has_support(doc, sp, ctx):
        return None
    before, after = doc[sp.start - 1], doc[sp.end]
    return "drop" if before.is_quote and after.is_quote and before.text != after.text or (
        before.text in "„“»«‚" and after.text in "“”«»‘") else None


def _conjunct(doc: Doc, k: int, step: int):
    """The head word of the conjunct next to a coordination at ``k`` ("und", "oder", ","), skipping
    adjectives and quantifiers before a noun ("und wenig Kontakt")."""
    j = k + step
    if step > 0:
        while j < len(doc) and j - k <= 2 and doc[j].lower_ in QUANTIFIERS:
            j += 1
    if not 0 <= j < len(doc):
        return None
    if j > 0 and (doc[j - 1].pos_ == "DET" or doc[j - 1].tag_ in DETERMINER_TAGS) and doc[j - 1].lower_ not in QUANTIFIERS:
        return None                     # "Saddam und seine Anhänger", "die technische Ausführung und Crabb"
    return doc[j]


QUANTIFIERS = ("wenig", "weniger", "viel", "mehr", "etwas", "kaum")
CONJUNCTIONS = ("und", "oder", "sowie")


def _list_member(doc: Doc, sp: Span) -> bool:
    """The span is a member of a list whose last members "und"/"oder" join: from its end on, only commas and
    capitalised words up to the conjunction ("aus [Lycra], Polyester und Baumwolle", "Bahia, [Pernambuco],
    Maranhao und Piaui"); a comma alone may open an apposition ("Müller, Chef der Firma")."""
    j, words = sp.end, 0
    while j < len(doc) and j - sp.end <= 8 and not doc[j].is_sent_start:
        t = doc[j]
        if t.lower_ in CONJUNCTIONS:
            return True
        if t.text == ",":
            if j + 1 < len(doc) and doc[j + 1].lower_ in CONJUNCTIONS:
                return False            # ", und": a clause, no list
        elif not (t.text[:1].isupper() and t.is_alpha) or words >= 3:
            return False
        words = 0 if t.text == "," else words + 1
        j += 1
    return False


@check("per_coordinated")
def per_coordinated(doc: Doc, sp: Span, ctx: PersonCtx):
    """"fermentierte Lebensmittel wie [Joghurt]PER oder Sauerkraut", "mit [Lockdown]PER und wenig Kontakt":
    "bei Schwalbe, Continental oder auch [Maxxis]PER", "in Cincinnati und [Indianapolis]PER", "aus [Lycra],
    Polyester und Baumwolle" (a comma counts where the list goes on to "und"/"oder": :func:`_list_member`): one
    word without person evidence coordinated with a bare common noun (no role noun, no name) is none either;
    coordinated with an organisation (a place), it is one too (the members of a list are of one kind); so is a name of
    two or three words without person evidence whose last word is written in lower case in German or English
    ("zwischen Suderburg und [Eschede Link]PER"; not "zwischen Paris und [Pina Bausch]PER": German surnames are nouns)."""
    if len(sp) > 3 or has_support(doc, sp, ctx) or not _one_word_or_lowercase_last(sp):
        return None
    listed = _list_member(doc, sp)
    for k, step in ((sp.end, 1), (_before_focus_particles(doc, sp), -1)):
        c = _coordinated_word(doc, k, step, listed)
        if c is None:
            continue
        kind = _org_or_place_conjunct(c, ctx)
        if kind is not None:
            return kind
        if len(sp) == 1 and _bare_common_noun_conjunct(doc, c, step, ctx):
            return "drop"
    return None


def _one_word_or_lowercase_last(sp: Span) -> bool:
    """per_coordinated: one word, or a name whose last word is written in lower case in German or English
    ("zwischen Suderburg und [Eschede Link]PER")."""
    last = sp[-1]
    return len(sp) <= 1 or (last.is_alpha and (last.lower_ in _german()[1] or english_mostly_lower(last.text)))


def _before_focus_particles(doc: Doc, sp: Span) -> int:
    """The token before the span and up to two focus particles before it ("Continental oder auch Maxxis")."""
    before = sp.start - 1
    while before > 0 and sp.start - before <= 2 and doc[before].lower_ in ("auch", "sogar", "ebenso"):
        before -= 1
    return before


def _coordinated_word(doc: Doc, k: int, step: int, listed: bool) -> Token | None:
    """The capitalised word coordinated with the span by "und", "oder", "sowie", "bzw." at k (or a comma of a list
    that goes on to one of them), on the side ``step``."""
    if not (0 <= k < len(doc)) or not (doc[k].lower_ in ("und", "oder", "sowie", "bzw.")
                                      or (doc[k].text == "," and listed)):
        return None
    c = _conjunct(doc, k, step)
    if c is None or not c.text[:1].isupper() or not c.is_alpha:
        return None
    return c


def _org_or_place_conjunct(c: Token, ctx: PersonCtx) -> str | None:
    """per_coordinated: "ORG" or "LOC" where the coordinated word is an organisation or a place ("in Cincinnati und
    [Indianapolis]PER"): the members of a list are of one kind."""
    orgs = ctx.extra.get("org_names") or set()
    if c.text in orgs or c.ent_type_ == "ORG" or (ctx.gaz is not None and ctx.gaz.label(c.text) == "ORG"):
        return "ORG"
    if c.ent_type_ == "LOC" or (ctx.gaz is not None and ctx.gaz.label(c.text) == "LOC"):
        return "LOC"
    return None


def _bare_common_noun_conjunct(doc: Doc, c: Token, step: int, ctx: PersonCtx) -> bool:
    """per_coordinated: the coordinated word is a known common noun ("wie [Joghurt]PER oder Sauerkraut"): no entity,
    no role noun, not a relational noun before its genitive ("ein Zeitgenosse Plotins und Schüler von dessen …")."""
    lex = ctx.rules.get("roles")
    if c.ent_type_ or c.pos_ != "NOUN" or (lex is not None and lex.lookup(c.text)):
        return False
    if step > 0 and c.i + 1 < len(doc) and doc[c.i + 1].lower_ in ("von", "des", "der"):
        return False
    return c.text in _noun_lemmas() or c.text in _german()[0] or _compound_of_known_noun(c.text, ctx.rules)


@check("per_place_kind")
def per_place_kind(doc: Doc, sp: Span, ctx: PersonCtx):
    """"in der Nähe der Ortschaft [Ghadschar]PER", "auf der Taucherinsel [Sipadan]PER", "die Städte [Askalon]PER
    und Beerscheba", "im Werk [Aurskog]PER": a name without person evidence right after a noun for a kind of
    settlement or site (words.yaml actors.place_kind_nouns; as the head of a compound only where the tagger reads
    the word as a common noun: "Taucherinsel", not the place name "Düsseldorf") names that place."""
    if sp.start == 0 or doc[sp.start].is_sent_start or has_support(doc, sp, ctx):
        return None
    prev = doc[sp.start - 1]
    if not prev.text[:1].isupper() or prev.pos_ not in ("NOUN", "PROPN"):
        return None
    if _kind_match(prev.lower_, word_list(ctx.rules, "place_kind_nouns"), suffix=prev.pos_ == "NOUN"):
        return "LOC"
    return None


_INFLECTIONS = ("es", "en", "s", "n", "e")


def _kind_match(low: str, kinds, suffix: bool) -> bool:
    """``low`` (a lower-case noun; a hyphen compound by its last part) is one of ``kinds``, also inflected (a
    genitive or plural ending: "Präfekturen", "Weltraumbahnhofs", "Marken") and, where ``suffix``, as the head of
    a compound ("Taucherinsel")."""
    low = low.rsplit("-", 1)[-1]
    forms = [low] + [low[:-len(e)] for e in _INFLECTIONS if low.endswith(e) and len(low) - len(e) >= 3]
    if suffix:
        ends = set_tuple(kinds) if isinstance(kinds, frozenset) else tuple(kinds)
        return any(f.endswith(ends) for f in forms)      # (one C call per form, not per form and kind: issue 16)
    return any(f in kinds for f in forms)


def _capitalised_after(doc: Doc, k: int, limit: int) -> bool:
    """A capitalised word among the ``limit`` tokens from ``k`` on, in the sentence (no sentence start)."""
    for j in range(k, min(len(doc), k + limit)):
        if doc[j].is_sent_start or doc[j].is_punct:
            return False
        if doc[j].text[:1].isupper() and doc[j].is_alpha:
            return True
    return False


@check("per_frequent_noun")
def per_frequent_noun(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Auffahrunfall erzeugt [Stau]PER", "vor der Ausfahrt Salzburg / Mitte, [Stau]PER (Überlastung)": one word
    without person evidence that is a frequent German common noun (a noun of the vocabulary among its frequent
    capitalised words, or one the lemma table misses that the open NER gold uses as a common word only: "Dauer",
    "Schock", data/open_gold_common_nouns.txt.gz, :mod:`goldwords`) is no person, also where the tagger reads it as a
    name or it stands bare as a subject; the surnames that are such nouns stay (actors.yaml noun_surnames, words.yaml
    title_surnames: "Koch", "Fischer")."""
    if len(sp) != 1 or has_support(doc, sp, ctx):
        return None
    w = sp[0].text
    ar = ctx.rules.get("actors")
    if w in ar.noun_surnames or w.lower() in word_list(ctx.rules, "title_surnames") or w.lower() in ctx.given_lower:
        return None
    from .goldwords import common_nouns
    from .layer import frequent_capitalised
    return "drop" if (w in _noun_lemmas() and w in frequent_capitalised()) or w in common_nouns() else None


@check("per_route")
def per_route(doc: Doc, sp: Span, ctx: PersonCtx):
    """"auf dem Weg von [Lima]PER nach Pucallpa", "auf dem Flug von [Zell]PER am See nach Korsika", "von Lima
    nach [Pucallpa]PER": a name without person evidence at either end of "von X nach Y" is a place."""
    if sp.start == 0 or doc[sp.start].is_sent_start or has_support(doc, sp, ctx):
        return None
    prev = doc[sp.start - 1].lower_
    if prev == "von":
        for j in range(sp.end, min(len(doc), sp.end + 4)):
            if doc[j].is_sent_start or doc[j].is_punct:
                break
            if doc[j].lower_ == "nach" and _capitalised_after(doc, j + 1, 2):
                return "LOC"
    elif prev == "nach":
        for j in range(sp.start - 2, max(-1, sp.start - 7), -1):
            if doc[j + 1].is_sent_start or doc[j].is_punct:
                break
            if doc[j].lower_ == "von" and _capitalised_after(doc, j + 1, 1):
                return "LOC"
    return None


POSSESSIVES = tuple(f"{stem}{end}" for stem in ("mein", "dein", "sein", "ihr", "unser", "eur", "euer")
                    for end in ("", "e", "em", "en", "er", "es"))


@check("per_definite_noun")
def per_definite_noun(doc: Doc, sp: Span, ctx: PersonCtx):
    """"schrieben die [Hacker]PER", "an dem [Grab]PER beten", "lenke von der [Oper]PER ab", "bei seinem [Tod]PER": one
    word without person evidence (speaking is none here: groups and things are said to speak) right after a
    definite article that belongs to it or a possessive determiner, and a known German noun or English word, is a common noun; news writes a person's
    surname without an article ("der" before a surname is a relative pronoun: "Westerwelle, der Gerhardt ..."). A
    name of the organisation lexicon ("berichtete der [Spiegel]PER") takes its type instead."""
    if len(sp) != 1 or sp.start == 0 or doc[sp.start].is_sent_start or not sp[0].is_alpha:
        return None
    art, t = doc[sp.start - 1], sp[0]
    if art.lower_ in POSSESSIVES:
        pass                            # "bei seinem [Tod]": a name takes no possessive
    elif art.lower_ not in DEFINITE or art.tag_ not in ("ART", "DT") or art.head.i != t.i or art.dep_ not in ("det", "nk"):
        return None
    if has_support(doc, sp, ctx, speech=False):
        return None
    from .layer import capitalised_words
    w = t.text
    orgs = ctx.rules.get("organizations")
    known = orgs.by_name(w) if orgs is not None else None
    if known is not None:               # "berichtete der [Spiegel]PER": a medium or organisation of the lexicon
        return {"location": "LOC", "organization": "ORG"}.get(known.actor_type, "drop")
    if w in _german()[0] or w in capitalised_words() or _known_head(w) or _compound_of_known_noun(w, ctx.rules) \
            or (english_word(w) and english_mostly_lower(w)):
        return "drop"
    return None



@check("per_noun_hyphen_compound")
def per_noun_hyphen_compound(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Gemeinschaftsschul-ABC und [Fakten-Check]PER", "zitiert [Welt-Online]PER den Minister": a hyphen compound whose parts
    are all known common nouns (:func:`_known_head`, or English words written mostly in lower case) without person
    evidence other than speaking is a common noun; a double surname comes with the full name in the article
    ("Sabine Leutheusser-Schnarrenberger ... Leutheusser-Schnarrenberger sagte") or has a part that is no noun."""
    t = sp[-1]
    if "-" not in t.text or has_support(doc, sp, ctx, speech=False):
        return None
    if len(sp) > 1 and not all(_known_head(x.text) or english_word(x.text) for x in sp[:-1] if x.is_alpha):
        return None
    parts = t.text.split("-")
    if len(parts) < 2 or not all(len(x) >= 3 and x[:1].isupper() and x.isalpha() for x in parts):
        return None
    if all(_known_head(x) or (english_word(x) and english_mostly_lower(x)) for x in parts):
        return "drop"
    return None


@check("per_predicate_kind")
def per_predicate_kind(doc: Doc, sp: Span, ctx: PersonCtx):
    """"[Jupiter Ascending]PER ist ein US-amerikanischer Science-Fiction-Film", "[Kaesong]PER ist eine Stadt im
    Norden": a name without person evidence as the subject at the start of a sentence whose predicate is "ist"/"war"
    and an indefinite noun of a kind of thing (words.yaml actors.thing_lead_nouns), place (place_kind_nouns) or
    organisation (org_kind_heads, not those that name persons as well) is that thing, place or organisation."""
    if sp.end + 2 >= len(doc) or has_support(doc, sp, ctx, speech=False):
        return None
    j = sp.start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if not (j < 0 or doc[sp.start].is_sent_start or doc[j].is_punct
            or doc[j].text.endswith(".")):     # ("... Entertainment GmbH.\n[Jupiter Ascending]PER ist")
        return None
    if doc[sp.end].lower_ not in ("ist", "war") or doc[sp.end + 1].lower_ not in ("ein", "eine"):
        return None
    k = sp.end + 2
    while k < len(doc) and (doc[k].pos_ == "ADJ" or doc[k].tag_ in ("ADJA", "JJ")) and k - sp.end < 6:
        k += 1
    if k >= len(doc) or not doc[k].text[:1].isupper() or doc[k].pos_ not in ("NOUN", "PROPN"):
        return None
    low = doc[k].lower_
    if _kind_match(low, word_list(ctx.rules, "thing_lead_nouns"), suffix=True):
        return "MISC"
    if _kind_match(low, word_list(ctx.rules, "place_kind_nouns"), suffix=True):
        return "LOC"
    personal = word_tuple(ctx.rules, "person_kind_heads")
    if _kind_match(low, word_list(ctx.rules, "org_kind_heads"), suffix=True) and not low.endswith(personal):
        return "ORG"
    return None


@check("per_org_name_head")
def per_org_name_head(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Das [Robert Koch-Institut]PER meldete 500 Fälle", "die [Hans Böckler Stiftung]PER", "[National Maritime
    Safety Authority]PER": a name whose last word is (or, as a hyphen compound, ends in) the head of an
    organisation's name (words.yaml actors.org_name_heads, company_words_cased; a compound of one of six letters or
    more: "Vollekspartei") is that organisation, whatever first name it starts with (institutions are named after
    persons); so is a name that starts with an organisation word (org_lead_words_cased: "Banca d'Italia", "Real
    Madrid") or a noun of an organisation's kind ("[Nachrichtenportal al-Arabiya]PER")."""
    if len(sp) >= 2 and (sp[1].text[:1].isupper() or "-" in sp[1].text or "'" in sp[1].text) and \
            (sp[0].text in word_list(ctx.rules, "org_lead_words_cased") or _org_kind_noun(sp[0], ctx)):
        return "ORG"                    # "[Banca d'Italia]PER", "[Nachrichtenportal al-Arabiya]PER"
    last = sp[-1].text
    head = last.rsplit("-", 1)[-1] if "-" in last else (last if len(sp) >= 2 else "")
    if not head[:1].isupper() or not head.isalpha() or _given(head, ctx):
        return None
    heads = word_list(ctx.rules, "org_name_heads")
    if head.lower() in heads or (len(sp) >= 2 and head == last and last in word_list(ctx.rules, "company_words_cased")):
        return "ORG"
    low = head.lower()
    if len(sp) >= 2 and head == last and any(len(h) >= 6 and low.endswith(h) and len(low) >= len(h) + 3 for h in heads):
        return "ORG"                    # "[Chrëschtlech Sozial Vollekspartei]PER": a compound of a long head
    return None


def _org_kind_noun(t, ctx: PersonCtx) -> bool:
    """A common noun of an organisation's kind (words.yaml actors.org_kind_heads, not those that name persons as well)."""
    low = t.lower_
    return t.pos_ == "NOUN" and low.endswith(word_tuple(ctx.rules, "org_kind_heads")) \
        and not low.endswith(word_tuple(ctx.rules, "person_kind_heads"))


FUSED_ARTICLES = ("im", "am", "vom", "zum", "zur", "beim", "ins", "ans", "aufs", "übers", "ums", "unterm", "hinterm",
                  "vorm", "überm")


@check("per_fused_article")
def per_fused_article(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Übung im Ammerländer [Kreishaus]PER", "Kritik am neuen [Lockdown]PER": one word without person evidence other
    than speaking right after a preposition fused with the definite article ("im", "am", "zum", "beim" ...), or with one
    adjective or place adjective in -er between, is a common noun or a place: news names a person without an article."""
    if len(sp) != 1 or sp.start == 0 or doc[sp.start].is_sent_start or not sp[0].is_alpha \
            or has_support(doc, sp, ctx, speech=False):
        return None
    k = sp.start - 1
    mid = doc[k]
    if k > 0 and (mid.pos_ == "ADJ" or (mid.text[:1].isupper() and mid.text.endswith("er") and not mid.ent_type_)):
        k -= 1                          # "im Ammerländer Kreishaus", "am neuen Lockdown"
    if doc[k].lower_ not in FUSED_ARTICLES or doc[k].is_sent_start and k != sp.start - 1:
        return None
    return "drop" if common_word(sp[0], ctx.rules) or _known_head(sp[0].text) else "LOC"


@check("per_calendar_word")
def per_calendar_word(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Oder hat [Silvester]PER doch alles verändert?", "an [Ostern]PER": one word that names a holiday
    (words.yaml actors.calendar_words) without person evidence other than speaking is that day ("Sylvester
    Stallone", "Silvester Müller" have a first name or a surname with them)."""
    if len(sp) != 1 or sp[0].lower_ not in word_list(ctx.rules, "calendar_words") or has_support(doc, sp, ctx, speech=False):
        return None
    return "MISC"


# ----------------------------------------------------------------------------- apply
def repair_span(doc: Doc, sp: Span, ctx: PersonCtx, order: list[str]) -> list[tuple[int, int]]:
    """The token ranges a PER span becomes after the span rules (in order, each on the parts left)."""
    parts = [(sp.start, sp.end)]
    for rid in order:
        f = SPAN_RULES[rid]
        nxt = []
        for s, e in parts:
            r = f(doc, doc[s:e], ctx)
            nxt.extend([(s, e)] if r is None else r)
        parts = nxt
    return parts


def verdict(doc: Doc, sp: Span, ctx: PersonCtx, order: list[str]) -> str | None:
    """None (a person), "drop", or another label, from the first check that fires. A check whose first test
    returns None for a name of this size or with person evidence is not called for it (``check_gates``)."""
    if gates.on("person_checks"):
        for rid, speech in check_plan(order, len(sp) == 1):
            if speech is not None and has_support(doc, sp, ctx, speech):
                continue
            r = CHECKS[rid](doc, sp, ctx)
            if r is not None:
                return r
        return None
    for rid in order:
        r = CHECKS[rid](doc, sp, ctx)
        if r is not None:
            return r
    return None
