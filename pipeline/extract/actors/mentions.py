"""NER entities -> mentions: noise filters, span repairs, and the names NER missed
(holder names next to role titles, organisation prefixes of source compounds, surnames
of persons named in full)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from pipeline.extract.view import doc_columns, doc_ents, doc_text, doc_tokens, sentence_bounds
from pipeline.records import Mention
from pipeline.ruleset import RuleSet

from . import layer, recover
from .names import _strip_gen
from .rules import ACTOR_TYPES, word_list, word_tuple

_STRIP = " \t\n\"'„“”‚‘’»«()[],.;:!?–—-"


def sentence_index(doc: Doc) -> list[int]:
    """Sentence number of every token (0 for all if the Doc has no sentence boundaries)."""
    out = [0] * len(doc)
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return out
    for i, (start, end) in enumerate(sentence_bounds(doc)):     # (the shared split: no Span per sentence)
        for t in range(start, end):
            out[t] = i
    return out


def _clean_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and doc[start].text.strip(_STRIP) == "":
        start += 1
    while end > start and doc[end - 1].text.strip(_STRIP) == "" and not doc[end - 1].text.endswith("."):
        end -= 1
    return (start, end) if start < end else None


def _source_compound(text: str, orgs, speech) -> tuple[str, str] | None:
    """``(prefix, label)`` for a word "X-<source noun>" whose prefix is a known organisation or country
    prefix: "nach Nato-Angaben" names the NATO as the source, "US-Berichten zufolge" the USA
    ("Experten-Angaben" does not: no such prefix). The source nouns are the compound heads of
    ``speech.yaml``'s ``noun_suffixes``; ``orgs``/``speech`` are the compiled rules (or None)."""
    if orgs is None or speech is None or "-" not in text:
        return None
    prefix, _, head = text.rpartition("-")
    org = orgs.prefixes.get(prefix.lower())
    if org is None or not head[:1].isupper() or not head.lower().endswith(speech.noun_suffixes):
        return None
    return prefix, "LOC" if org.actor_type == "location" else "ORG"


def _hyphen_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens that hold a hyphen, found through the text (no Token per word)."""
    hyphens = [m.start() for m in re.finditer("-", doc_text(doc))]
    if not hyphens:
        return []
    starts = doc.to_array(IDX)
    return sorted({int(i) for i in np.searchsorted(starts, hyphens, side="right") - 1 if i >= 0})


class _DocStats:
    """Per-Doc facts that _noise_entity needs for every entity, computed once."""

    def __init__(self, doc: Doc):
        self.surnames = {x[-1].text for x in doc_ents(doc) if x.label_ == "PER"}
        self._counts: Counter | None = None
        self.doc = doc

    def count(self, text: str) -> int:
        """How many tokens of the Doc have this text."""
        if self._counts is None:
            self._counts = Counter(doc_columns(self.doc).text)
        return self._counts[text]


@dataclass
class _Ctx:
    """Per-Doc state of :func:`entity_mentions`."""
    doc: Doc
    rules: RuleSet
    sent_of: list[int]
    names: list[tuple[int, int]]                 # holder names next to role titles
    stats: _DocStats
    surnames: set[str]                           # last tokens of multi-token PER entities
    out: list[Mention] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)

    @property
    def ar(self) -> Any:
        return self.rules.get("actors")

    @property
    def orgs(self) -> Any:
        return self.rules.get("organizations")

    @property
    def speech(self) -> Any:
        return self.rules.get("speech")

    def add(self, span: Span, label: str) -> None:
        self.out.append(Mention(span.start_char, span.end_char, span.text, label, self.sent_of[span.start]))


def _context(doc: Doc, rules: RuleSet, scan) -> _Ctx:
    names: list[tuple[int, int]] = []
    if rules.get("roles") is not None and rules.get("organizations") is not None:
        from .. import roles as _roles
        names = _roles.name_spans(doc, rules, scan)
    return _Ctx(doc=doc, rules=rules, sent_of=sentence_index(doc), names=names, stats=_DocStats(doc),
                surnames={e[-1].text for e in doc_ents(doc) if e.label_ == "PER" and len(e) >= 2})


def entity_mentions(doc: Doc, rules: RuleSet, scan=None) -> list[Mention]:
    """Named-entity mentions, plus holder names next to role titles that NER missed.

    ``scan``: a :class:`pipeline.extract.roles.Scan` of the Doc to reuse (optional)."""
    if scan is None and rules.get("roles") is not None and rules.get("organizations") is not None:
        from ..roles import Scan
        scan = Scan(doc, rules)        # (once: the holder names and recover's title words)
    ctx = _context(doc, rules, scan)
    for e in doc_ents(doc):
        _entity_mention(ctx, e)
    _source_compound_mentions(ctx)
    _holder_name_mentions(ctx)
    titled = [m for m in ctx.out if m.label == "PER" and len(m.text.split()) >= 2]
    out = ctx.out + _surname_mentions(doc, rules, ctx.covered, ctx.sent_of, titled)
    out = layer.apply(doc, rules, out, ctx.sent_of, lambda w: _known_word(w, rules))
    out = recover.apply(doc, rules, out, ctx.sent_of, scan)   # persons NER missed (actors.yaml person_recover_rules)
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _skip_entity(ctx: _Ctx, e: Span) -> bool:
    """Entities that give no mention of their own."""
    if e.label_ not in ACTOR_TYPES:
        return True
    if any("\n" in t.whitespace_ or (t.is_space and "\n" in t.text) for t in e[:-1]):
        return True        # "[Klärer der Finanzen\n\nTrump]MISC": a heading glued to the next paragraph
    if _noise_entity(ctx.doc, e, ctx.rules, ctx.stats):
        return True
    # "nach [Nato-Angaben]MISC": the prefix is the source, added by _source_compound_mentions
    return len(e) == 1 and _source_compound(e.text, ctx.orgs, ctx.speech) is not None


def _strip_type_noun(ctx: _Ctx, e: Span) -> Span:
    """"[Denkfabrik Carnegie Endowment ...]ORG", "[Firma Trigema]ORG": the type noun is no part of the name."""
    if e.label_ in ("ORG", "MISC", "LOC") and len(e) >= 2 and e[0].lower_ in word_list(ctx.rules, "type_nouns") \
            and e[1].text[:1].isupper() and e[1].is_alpha:
        e = ctx.doc[e.start + 1:e.end]
        e.label_ = "ORG"
    return e


def _genitive_owner(ctx: _Ctx, e: Span) -> bool:
    """"[Trumps Ukraine-Taskforce]ORG": the person's genitive is not part of the organisation; the
    rest is the mention. True if the entity was handled so."""
    if not (e.label_ != "PER" and len(e) >= 2 and e[0].text.endswith("s") and e[0].text[:-1] in ctx.surnames):
        return False
    sp = _clean_span(ctx.doc, e.start + 1, e.end)
    if sp is not None:
        ctx.add(ctx.doc[sp[0]:sp[1]], e.label_)
        ctx.covered.update(range(e.start + 1, e.end))
    return True


def _overlaps_holder_name(ctx: _Ctx, e: Span) -> bool:
    """A holder name next to a role title overrides an entity that overlaps it: "Ghasi [Aridi]PER",
    "[Human Rights Watch-Sprecher Malinowski]ORG"."""
    return any(s < e.end and e.start < n_end and (s, n_end) != (e.start, e.end) for s, n_end in ctx.names)


def _titled_person_name(ctx: _Ctx, e: Span) -> bool:
    """"Die AfD-Fraktionschefin [Alice Weidel]ORG forderte": an entity of another label that is exactly the
    holder name next to a role title (the roles' name spans) and starts with a first name is a person; so is
    one of two or three capitalised words right after the title (:func:`_title_before_name`)."""
    ar = ctx.ar
    return ar is not None and len(e) >= 2 and (e.start, e.end) in ctx.names and \
        (e[0].text in ar.given_names or _title_before_name(ctx, e))


def _title_before_name(ctx: _Ctx, e: Span) -> bool:
    """per_title_before_name: "des togolesischen Staatspräsidenten [Gnassingbé Eyadéma]ORG", "die Verlegerin [Friede
    Springer]ORG": a person's role title right before a name of two or three capitalised words (no first name the
    lists know) is person evidence; not where the name is an organisation or place the gazetteer or the organisation
    lexicon knows, or ends in a legal form or an organisation word ("Chef der [Deutsche Bank]")."""
    doc, lex = ctx.doc, ctx.rules.get("roles")
    if lex is None or not 2 <= len(e) <= 3 or e.start == 0 or doc[e.start].is_sent_start:
        return False
    title = doc[e.start - 1]
    if not title.text[:1].isupper() or title.pos_ != "NOUN" or not lex.lookup(title.text):
        return False
    if not all(t.text[:1].isupper() and t.text.replace("-", "").isalpha() for t in e):
        return False
    gaz, orgs = ctx.rules.get("gazetteer"), ctx.orgs
    name = " ".join(t.text for t in e)
    if (gaz is not None and (gaz.label(name) or any(gaz.label(t.text) for t in e))) or \
            (orgs is not None and (orgs.by_name_or_genitive(name) or any(orgs.by_name(t.text) for t in e))):
        return False
    last = e[-1].text
    heads = word_list(ctx.rules, "org_name_heads")
    return last not in word_list(ctx.rules, "legal_forms_cased") and last not in word_list(ctx.rules, "company_words_cased") \
        and last.lower().rsplit("-", 1)[-1] not in heads


def _first_name_before(ctx: _Ctx, st: int) -> int:
    """"Holger [Thorsten Schubart]PER": up to two first names NER left out."""
    doc, ar, start = ctx.doc, ctx.ar, st
    while st > 0 and st > start - 2 and doc[st - 1].text in ar.given_names and doc[st - 1].ent_type_ == "" \
            and "\n" not in doc[st - 1].whitespace_:
        st -= 1
    return st


def _name_before_particle(ctx: _Ctx, st: int) -> bool:
    """"Hajim [al-Hassani]PER": the first name before a particle surname."""
    doc = ctx.doc
    if st == 0 or not _particle_surname(doc[st].text, ctx.rules):
        return False
    prev = doc[st - 1]
    return prev.ent_type_ == "" and prev.is_alpha and prev.text[0].isupper() \
        and prev.pos_ in ("PROPN", "X", "NOUN", "") and "\n" not in prev.whitespace_ \
        and not _known_word(prev.text, ctx.rules)


def _particle_surname(word: str, rules: RuleSet) -> bool:
    """"al-Hassani", "bin-Salman": an Arabic/Hebrew name particle, a hyphen, a capital."""
    particle, hyphen, rest = word.partition("-")
    return bool(hyphen) and particle.islower() and particle in word_list(rules, "particle_surname_prefixes") \
        and rest[:1] in _UPPER


_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")


def _entity_mention(ctx: _Ctx, e: Span) -> None:
    """The mention of one NER entity (if any), its tokens marked as covered."""
    if _skip_entity(ctx, e):
        return
    e = _strip_type_noun(ctx, e)
    if _genitive_owner(ctx, e) or _overlaps_holder_name(ctx, e):
        return
    sp = _clean_span(ctx.doc, e.start, e.end)
    if sp is None:
        return
    st = sp[0]
    if e.label_ != "PER" and _titled_person_name(ctx, e):
        e = ctx.doc[e.start:e.end]
        e.label_ = "PER"
    if e.label_ == "PER" and ctx.ar is not None:
        st = _first_name_before(ctx, sp[0])
        if st == sp[0] and _name_before_particle(ctx, st):
            st -= 1
    ctx.add(ctx.doc[st:sp[1]], e.label_)
    ctx.covered.update(range(e.start, e.end))


def _source_compound_mentions(ctx: _Ctx) -> None:
    """"nach Nato-Angaben": the organisation prefix of a source compound is a mention."""
    if ctx.orgs is None or ctx.speech is None:
        return
    for i in _hyphen_tokens(ctx.doc):
        tok = ctx.doc[i]
        src = None if i in ctx.covered else _source_compound(tok.text, ctx.orgs, ctx.speech)
        if src is not None:
            ctx.out.append(Mention(tok.idx, tok.idx + len(src[0]), src[0], src[1], ctx.sent_of[i]))
            ctx.covered.add(i)


def _holder_name_mentions(ctx: _Ctx) -> None:
    """Holder names next to role titles that no entity covers: PER mentions."""
    for s, e in ctx.names:
        if any(i in ctx.covered for i in range(s, e)):
            continue
        ctx.add(ctx.doc[s:e], "PER")
        ctx.covered.update(range(s, e))


def _known_word(word: str, rules: RuleSet) -> bool:
    """A role title or an organisation/place name: no first name."""
    lex, orgs = rules.get("roles"), rules.get("organizations")
    return bool((lex is not None and lex.lookup(word)) or (orgs is not None and orgs.by_name_or_genitive(word)))


# ----------------------------------------------------------------------------- noise
def _descriptive_misc(doc: Doc, e: Span, orgs, surnames: set[str]) -> bool:
    """"[Mann für alles]MISC", "[Dealmaker]MISC": a description, no name."""
    words = [t for n, t in enumerate(e) if not t.is_space and not (n == 0 and t.text[:-1] in surnames)]
    return e.label_ == "MISC" and doc.has_annotation("POS") and bool(words) and not any(
        t.pos_ in ("PROPN", "X") or t.text.isupper() or (orgs is not None and orgs.by_name_or_genitive(t.text))
        for t in words)


def _may_be_name(doc: Doc, e: Span, t: Token, rules: RuleSet, stats: _DocStats) -> bool:
    """A single noun entity that is a name after all: repeated, a known organisation, a first
    name, or the surname of a person named in full."""
    ar, orgs = rules.get("actors"), rules.get("organizations")
    if t.pos_ != "NOUN" or not t.is_alpha or t.text.isupper() or stats.count(t.text) > 1:
        return True
    if orgs is not None and orgs.by_name_or_genitive(t.text) is not None:
        return True
    if ar is not None and (t.text in ar.given_names or _strip_gen(t.text) in ar.given_names):
        return True
    return e.label_ == "PER" and any(x.label_ == "PER" and len(x) >= 2 and x[-1].text in (t.text, _strip_gen(t.text))
                                     for x in doc_ents(doc))


def _looks_like_common_noun(t: Token, rules: RuleSet) -> bool:
    """An inflected form of its lemma, or a typical noun suffix: names rarely look like this
    ("Rafsandschani" does not)."""
    low = t.lower_
    inflected = bool(t.lemma_) and t.lemma_ != t.text and t.text != t.lemma_ + "s" and low.startswith(t.lemma_[:3].lower())
    return inflected or low.endswith(word_tuple(rules, "noun_suffixes"))


def _noise_entity(doc: Doc, e: Span, rules: RuleSet, stats: _DocStats | None = None) -> bool:
    """An entity that is no actor: a currency ("Euro"), or a common noun NER tagged once
    ("Union verlangt [Kurswechsel]PER", "In [Gesprächen]LOC mit Russland", "Der [Muskelmann]MISC")."""
    ar = rules.get("actors")
    if ar is not None and (" ".join(e.text.split()).lower() in ar.not_actors or _title_only(e, ar)):
        return True
    stats = stats or _DocStats(doc)
    if _descriptive_misc(doc, e, rules.get("organizations"), stats.surnames):
        return True
    if len(e) != 1 or _may_be_name(doc, e, e[0], rules, stats):
        return False
    if e.label_ == "PER" and e[0].lower_.endswith(word_tuple(rules, "surname_heads")) and \
            not e[0].lower_.endswith(("männer", "männern")) and e[0].text not in layer.noun_lemmas() and \
            layer.own_lemma(e[0].text):
        return False                    # ", so Löschmann.": "-mann" is a noun suffix and a surname's ending
        # (not the plural "Ehemänner", nor a known noun)
    return _looks_like_common_noun(e[0], rules)


def _title_only(e: Span, ar) -> bool:
    """name_title_only (ent16): "Prorektor [Prof.]PER Dr. Wolfgang Eckhardt": an entity of academic or honorific titles
    only (actors.yaml name_titles) names nobody; the name after it is the person."""
    return all(t.lower_ in ar.titles for t in e)


# ----------------------------------------------------------------------------- surnames NER missed
def _surname_candidates(doc: Doc, surnames: set[str], given: frozenset[str] = frozenset()) -> list[Token]:
    """Tokens whose text is a surname or its genitive (found through the text column), or the nominative of a surname
    met in the genitive ("Musk" after "Elon Musks Firma"; no first name: "Peter" is no nominative of "Peters")."""
    words = doc_columns(doc).text          # the shared text column (issue 16: no ORTH array and string look-ups here)
    wanted = {w for w in set(words) if w in surnames or (w.endswith("s") and w[:-1] in surnames)
              or (len(w) >= 3 and w[:1].isupper() and w + "s" in surnames and w not in given)}
    toks = doc_tokens(doc)
    return [toks[i] for i, w in enumerate(words) if w in wanted]


def _part_of_other_name(doc: Doc, t: Token, in_ent: set[int]) -> bool:
    """Part of another, untagged name ("Thomas Strobl" for "Christine Strobl")."""
    nb = [doc[k] for k in (t.i - 1, t.i + 1) if 0 <= k < len(doc)]
    return any(x.pos_ == "PROPN" and x.text[:1].isupper() and x.is_alpha and x.i not in in_ent
               and not (x.i == t.i - 1 and x.is_sent_start) for x in nb)


def _is_surname_mention(t: Token, rules: RuleSet, in_ent: set[int], covered: set[int]) -> bool:
    if t.i in covered or t.i in in_ent or not t.is_alpha or not t.text[0].isupper():
        return False
    if t.pos_ not in ("PROPN", "NOUN", "X", ""):
        return False
    if _known_word(t.text, rules):
        return False
    return not _part_of_other_name(t.doc, t, in_ent)


def _surname_mentions(doc: Doc, rules: RuleSet, covered: set[int], sent_of: list[int],
                      more: list[Mention] = ()) -> list[Mention]:
    """The surname (or its genitive) of a person named in full, where NER did not tag it again:
    "Hans-Joachim Watzke ... Der 45-jährige Watzke ... Watzke war bereits ..."; ``more``: PER mentions of full names
    NER tagged otherwise ("die Verlegerin [Friede Springer]ORG ... Springer sagte")."""
    full = [e for e in doc_ents(doc) if e.label_ == "PER" and len(e) >= 2]
    surnames = {e[-1].text for e in full if e[-1].is_alpha and len(e[-1].text) >= 3 and e[-1].text[0].isupper()}
    surnames |= {w for m in more if (w := m.text.split()[-1]).isalpha() and len(w) >= 3 and w[0].isupper()}
    if not surnames:
        return []
    in_ent = {i for e in doc_ents(doc) for i in range(e.start, e.end)}
    ar = rules.get("actors")
    given = ar.evidence_given if ar is not None else frozenset()
    return [Mention(t.idx, t.idx + len(t.text), t.text, "PER", sent_of[t.i])
            for t in _surname_candidates(doc, surnames, given) if _is_surname_mention(t, rules, in_ent, covered)]
