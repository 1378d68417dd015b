"""Per-Doc context of the role rules (:class:`_Ctx`): sentences, entities, lexicons."""
from __future__ import annotations

import re
from collections import Counter

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from pipeline.ruleset import RuleSet
from .lexicon import OrgLexicon, RoleLexicon
from .titles import _analyze, _lexicon_memo


_PUNCT_STOP = {",", ".", ":", ";", "!", "?", "–", "—", "(", ")", "„", "“", "\"", "»", "«"}
_INITIAL = re.compile(r"^[A-ZÄÖÜ]\.$")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜa-z0-9&]*[A-ZÄÖÜ0-9]$")
_AGE = re.compile(r"^\d+-[jJ]ährig\w*$")
_ADVERBS = {"lange", "schon", "bereits", "einst", "damals", "zuvor", "früher", "jahrelang", "zuletzt", "seither",
            "inzwischen", "mittlerweile", "nun", "jetzt", "derzeit", "noch", "auch", "selbst", "zeitweise"}


_BOARD_NOUNS = {"geschäftsführung", "geschäftsleitung", "konzernleitung", "vorstand", "vorstandes", "aufsichtsrat",
                "aufsichtsrate", "verwaltungsrat", "verwaltungsrate", "direktorium", "präsidium", "leitung"}
_TYPE_NOUNS = ("firma", "unternehmen", "konzern", "partei", "zeitung", "sender", "band", "denkfabrik", "gewerkschaft",
               "organisation", "stadt", "gemeinde", "agentur", "gesellschaft", "verein", "club", "klub", "magazin",
               "bank", "airline", "reederei", "werft", "brauerei", "gruppe", "holding", "bewegung", "miliz", "stiftung")
_LEGAL_FORMS = {"GmbH", "AG", "SE", "KG", "KGaA", "OHG", "Inc.", "Ltd.", "LLC", "Corp.", "e.V.", "gGmbH", "mbH", "Co."}
_FORMER_COPULAS = {"war", "waren", "gewesen"}      # "wurde Präsident" = became: current
_PARTICLE_NAME = re.compile(r"^(al|el|as|asch|ad|ar|an|at|az|ibn|bin|abu|abd|ben|da|de|di|van|von)-[A-ZÄÖÜ]")
_RELATIVE_COPULAS = {"ist", "war", "sei", "wird", "wurde", "bleibt", "blieb", "sein", "werden", "gewesen", "geworden"}
_TIME_WORDS = {"seit", "von", "bis", "ab", "im", "jahr", "jahren", "jahre", "zwischen", "und"}
_PRONOUN_GENDER = {"er": "m", "ihn": "m", "ihm": "m", "sein": "m", "seine": "m", "seinen": "m", "seinem": "m",
                   "seiner": "m", "seines": "m", "sie": "f", "ihr": "f", "ihre": "f", "ihren": "f", "ihrem": "f",
                   "ihrer": "f", "ihres": "f"}
_PREPOSITIONS = {"in", "im", "an", "am", "von", "vom", "bei", "beim", "mit", "für", "zu", "zum", "zur", "nach",
                 "aus", "auf", "über", "unter", "seit", "vor", "durch", "gegen", "ohne", "um", "als", "wie"}


class _Ctx:
    """Everything the rules need about one Doc."""

    def __init__(self, doc: Doc, rules: RuleSet, per_spans: list[tuple[int, int]] | None = None):
        self.doc = doc
        self.lex: RoleLexicon = rules["roles"]
        self.orgs: OrgLexicon = rules["organizations"]
        self.p = self.lex.patterns
        self.has_pos = doc.has_annotation("POS") or doc.has_annotation("TAG")
        self.sent_of, self.sent_bounds = _sentences(doc)
        self.per_start: dict[int, int] = {}
        self.ent_of: dict[int, Span] = {}
        self.person_words: set[str] = set()
        self.analyzed = _lexicon_memo(self.lex)
        self.texts = _text_counts(doc)
        ar = rules.get("actors")
        self.actor_rules = ar
        self.given = ar.given_names if ar is not None else frozenset()
        for e in doc.ents:
            for i in range(e.start, e.end):
                self.ent_of[i] = e
            if e.label_ == "PER":
                st = e.start
                while st < e.end - 1 and _analyze(self, doc[st]) is not None:
                    st += 1                   # "Heereskommandeur Abdel Kader Dschassim" tagged PER
                self.per_start[st] = e.end
                self.person_words.update(t.text for t in doc[st:e.end] if t.text[:1].isupper())
        for s, e in per_spans or []:
            self.per_start.setdefault(s, e)

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

    def implied_org_doubtful(self, org: str) -> bool:
        """The implied organisation (Bundeskanzler -> Deutschland) where the article is about a rival."""
        rivals = self.lex.implied_organization_rivals.get(org)
        if not rivals:
            return False
        named = self.named_orgs()
        return org not in named and any(r in named for r in rivals)


def _text_counts(doc: Doc) -> Counter:
    """Counter of the token texts (``Counter(t.text for t in doc)``, without making a Token per word)."""
    strings = doc.vocab.strings
    orths = Counter(doc.to_array([ORTH]).ravel().tolist()) if len(doc) else Counter()
    return Counter({strings[h]: n for h, n in orths.items()})


def _sentences(doc: Doc) -> tuple[list[int], list[tuple[int, int]]]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        bounds = []
        for s in doc.sents:
            last = doc[s.start - 1] if s.start > 0 else None
            if bounds and last is not None and (last.is_alpha or last.like_num) and "\n" not in last.whitespace_ \
                    and not doc[s.start].is_space:
                bounds[-1] = (bounds[-1][0], s.end)   # a boundary with no punctuation before it is a senter error
            else:                                     # ("berichtete der Wissenschaftsjournalist | Dirk Lorenzen")
                bounds.append((s.start, s.end))
    else:
        bounds = [(0, len(doc))]
    sent_of = [0] * len(doc)
    for k, (s, e) in enumerate(bounds):
        for i in range(s, e):
            sent_of[i] = k
    return sent_of, bounds


_DETERMINERS = {"der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines"}
