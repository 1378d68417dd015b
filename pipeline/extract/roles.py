"""Actor-role extraction (issue 4): who holds which office, normalized.

Lexicon-driven and token-based, so it works with a weak parse: the rules use
tokens, the role/organisation lexicons (``rules/roles.yaml``,
``rules/organizations.yaml``), sentence boundaries, PER entities and, where the
model has them, POS tags. No dependency parse is needed.

Patterns (rule ids):

* ``title_name``      "US-Vizepräsident J. D. Vance", "dem ukrainischen Präsidenten Wolodymyr Selenskyj"
* ``title_comma_name``"der Ukraine-Sondergesandte der Amerikaner, Keith Kellogg"
* ``apposition``      "Kurt Volker, Nato-Botschafter in Trumps erster Amtszeit"
* ``title_chain``     "Der Vizekanzler und Arbeitsminister Franz Müntefering", "der Oberkommandierende
                      General der US-Streitkräfte im Irak, General George Casey"
* ``predicative``     "Steve Witkoff ist ein Immobilienentwickler", "Neuer Innenminister wird der Schiit X"
* ``als``             "Der Vizepräsident hatte schon als US-Senator ..."
* ``appointment``     "ernannte ihn zum Gesandten für den Nahen Osten"
* ``reference``       "der US-Präsident", "Der Vizepräsident" (a role noun alone, resolved to a known actor)

Role nouns used as references become ``ROLE`` mentions of the actor they refer to.
A reference resolves to the one person already known to hold that title (and
organisation), else, for offices and ranks, to the last-named person when nothing
speaks against it (a conflicting office or organisation, a one-off NER error).

Normalization: ``role`` is the lexicon title (feminine and inflected forms map to
it); hyphen prefixes give the organisation ("US-" -> USA, "Nato-" -> NATO) or are
dropped as topics ("Nahost-"); other compounds keep their word
("Einwanderungsminister") unless the prefix names an organisation
("Mannesmannchef" -> Chef, Mannesmann). The organisation comes from, in rising
precedence: the title's default (Bundeskanzler -> Deutschland), a location prefix,
a possessive ("Israels"), an adjective ("ukrainischen"), an organisation prefix
("CDU-"), a genitive/"von" phrase ("des Auslandsgeheimdienstes CIA", "der Amerikaner").
Status is ``former`` with ehemalig/früher/pensioniert/Ex-/Alt-, phrases such as "in
Trumps erster Amtszeit", and past-tense copulas or "als" clauses.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.attrs import IDX, LENGTH, ORTH, POS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span, Token

from pipeline.records import Actor, Mention, Role
from pipeline.ruleset import RuleSet

from .lexicon import ADJ_ENDINGS, Form, OrgLexicon, RoleLexicon, Title  # noqa: F401 (registers parsers)

_PUNCT_STOP = {",", ".", ":", ";", "!", "?", "–", "—", "(", ")", "„", "“", "\"", "»", "«"}
_INITIAL = re.compile(r"^[A-ZÄÖÜ]\.$")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜa-z0-9&]*[A-ZÄÖÜ0-9]$")
_AGE = re.compile(r"^\d+-[jJ]ährig\w*$")
_ADVERBS = {"lange", "schon", "bereits", "einst", "damals", "zuvor", "früher", "jahrelang", "zuletzt", "seither",
            "inzwischen", "mittlerweile", "nun", "jetzt", "derzeit", "noch", "auch", "selbst", "zeitweise"}
def _deputy_title(role: str) -> bool:
    return role.lower().startswith(("vize", "stellvertret", "ko-", "co-"))


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


# ----------------------------------------------------------------------------- hits
@dataclass
class Hit:
    head: int                      # token index of the title noun
    start: int                     # first token of the role phrase (role_text), after the determiner
    end: int                       # token after the role phrase (incl. genitive complement)
    np_start: int                  # first token incl. determiner
    title: Title
    role: str
    category: str
    org: str | None
    org_rank: int                  # precedence of the source that gave org (higher wins)
    status: str
    det: str                       # def | indef | poss | posspers | none
    plural: bool
    sent: int
    binding: str | None = None     # rule id once the holder pattern is known
    name: tuple[int, int] | None = None   # token span of the holder's name
    holder: str | None = None      # actor key once resolved
    extra: dict = field(default_factory=dict)


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


# ----------------------------------------------------------------------------- token tests
def _is_adj(ctx: _Ctx, t: Token) -> bool:
    low = t.lower_
    if _AGE.match(t.text):
        return True
    if not t.is_alpha or low in ctx.p.stop_adjectives:
        return False
    if ctx.has_pos and t.pos_:
        if t.pos_ == "ADJ" or t.tag_ in ("ADJA", "ADJD"):
            return True
        if t.pos_ in ("NOUN", "PROPN", "VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART"):
            return False
    return t.text[0].islower() and low.endswith(("e", "en", "er", "es", "em"))


def _former_adj(ctx: _Ctx, low: str) -> bool:
    return any(low.startswith(s) for s in ctx.p.former_adjectives)


def _deputy_adj(ctx: _Ctx, low: str) -> bool:
    return any(low.startswith(s) for s in ctx.p.deputy_adjectives)


def _capitalized(t: Token) -> bool:
    return bool(t.text) and t.text[0].isupper()


_DETERMINERS = {"der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines"}


def _after_determiner(ctx: _Ctx, j: int) -> bool:
    """The noun phrase that ends before token ``j`` starts with a determiner (not a bare title)."""
    doc = ctx.doc
    s0, _ = ctx.sent_range(j)
    for k in range(j - 1, max(s0, j - 6) - 1, -1):
        t = doc[k]
        if t.is_punct or t.is_space:
            return False
        if t.lower_ in _DETERMINERS or t.pos_ == "DET":
            return True
    return False


def _name_at(ctx: _Ctx, j: int, limit: int) -> int | None:
    """End token of a person name starting at ``j`` (PER entity, or a name-like token run)."""
    doc = ctx.doc
    if j >= limit:
        return None
    loc = ctx.orgs.by_name_or_genitive(doc[j].text)
    if loc is not None and loc.actor_type == "location":
        return None                       # "der Ministerpräsident Kanadas"
    if doc[j].text in ctx.given and j not in ctx.per_start:
        k = j + 1                         # "Hannelore Kraft", "[Sean O’Keefe]MISC": a first name starts a name
        while k < limit and k - j < 4 and (
                (_capitalized(doc[k]) and doc[k].is_alpha and _analyze(ctx, doc[k]) is None
                 and ctx.orgs.by_name_or_genitive(doc[k].text) is None)
                or (doc[k].text in ("’", "'") and k + 1 < limit and _capitalized(doc[k + 1]))
                or _PARTICLE_NAME.match(doc[k].text) or _INITIAL.match(doc[k].text)):
            k += 1
        if k > j + 1 and not (ctx.ent_of.get(j) is not None and ctx.ent_of[j].label_ in ("ORG", "LOC")
                              and ctx.orgs.by_name(ctx.ent_of[j].text) is not None):
            return k
    if j in ctx.per_start:
        e = min(ctx.per_start[j], limit)
        single = e - j == 1
        w = doc[j].text
        if single and w.endswith("s") and w[:-1] in ctx.person_words:
            return None                   # "Stellvertreter Johnsons": the possessor, not the holder
        if single and doc[j].pos_ == "NOUN" and ctx.texts[doc[j].text] == 1 and _after_determiner(ctx, j):
            return None                   # "dem Bundestagspräsidenten [Auskunft]PER": a noun, seen once
            # (but "Human Rights Watch-Sprecher [Malinowski]NOUN": a bare title needs the name)
        while e < limit and e - j < 5 and e not in ctx.ent_of and (_PARTICLE_NAME.match(doc[e].text) or (
                _capitalized(doc[e]) and doc[e].is_alpha
                and (doc[e].pos_ == "PROPN" or single and doc[e].pos_ in ("NOUN", "X"))
                and _analyze(ctx, doc[e]) is None)):
            e += 1                        # "Ghasi" tagged, "Aridi" not; "Husain" + "asch-Schahristani"
        return e
    t = doc[j]
    ent = ctx.ent_of.get(j)
    if ent is not None and ent.label_ != "PER":
        same = j > 0 and ctx.ent_of.get(j - 1) is ent        # "Human Rights Watch-Sprecher Malinowski" as ORG
        known = doc[ent.end - 1].text in ctx.person_words and ctx.orgs.by_name_or_genitive(ent.text) is None
        if not (same or known) or not _capitalized(t):
            return None
        k = j
        while k < min(ent.end, limit) and _capitalized(doc[k]) and not ctx.lex.lookup(doc[k].text):
            k += 1
        return k if k > j else None
    if not (_capitalized(t) and (t.is_alpha or _INITIAL.match(t.text))):
        return None
    if _analyze(ctx, t) is not None or ctx.orgs.by_name_or_genitive(t.text) or _ACRONYM.match(t.text) and len(t.text) <= 4:
        return None
    if t.lower_ in ctx.orgs.demonyms or t.lower_ in ctx.orgs.adjectives:
        return None
    if ctx.has_pos and t.pos_ and t.pos_ not in ("PROPN", "X") and not _INITIAL.match(t.text) and not (
            t.pos_ == "NOUN" and t.is_alpha and j + 1 < limit and j + 1 in ctx.per_start and ent is None
            and j > 0 and _analyze(ctx, doc[j - 1]) is not None) and not (    # "Informationsminister [Ghasi]NOUN [Aridi]PER"
            t.pos_ == "NOUN" and t.is_alpha and j + 1 < limit and doc[j + 1].pos_ == "PROPN"
            and j > 0 and _analyze(ctx, doc[j - 1]) is not None          # right after a title
            and _capitalized(doc[j + 1]) and doc[j + 1].is_alpha and j + 1 not in ctx.ent_of
            and _analyze(ctx, doc[j + 1]) is None and ctx.orgs.by_name_or_genitive(doc[j + 1].text) is None):
        return None                       # (but "Außenminister [Péter]NOUN Szijjártó": a first name mis-tagged)
    k = j
    while k < limit and k - j < 4:
        tk = doc[k]
        if k > j and k in ctx.per_start:
            return min(ctx.per_start[k], limit)
        if _INITIAL.match(tk.text) or (_capitalized(tk) and tk.is_alpha and _analyze(ctx, tk) is None
                                       and (not ctx.has_pos or tk.pos_ in ("PROPN", "X", "") or k == j
                                            or (tk.pos_ == "NOUN" and k > j and (k + 1 >= limit or doc[k + 1].text
                                                                                  in _PUNCT_STOP)
                                                and ctx.orgs.by_name_or_genitive(tk.text) is None))
                                       and (ctx.ent_of.get(k) is None
                                            or (k > j and len(ctx.ent_of[k]) == 1 and tk.text in ctx.person_words
                                                and ctx.orgs.by_name_or_genitive(tk.text) is None))):
            # "Abdel Kader [Dschassim]NOUN,"; "Thaksin [Shinawatra]ORG" where NER tags the surname PER elsewhere
            k += 1
            continue
        if tk.lower_ in ("von", "van", "de", "der", "al", "bin", "zu", "da", "di", "le", "ter") and k > j \
                and k + 1 < limit and _capitalized(doc[k + 1]) and doc[k + 1].is_alpha and ctx.has_pos \
                and doc[k + 1].pos_ == "PROPN":
            k += 1
            continue
        break
    if k == j or _INITIAL.match(doc[k - 1].text):
        return None
    if not ctx.has_pos and k - j > 1:
        # without POS tags a run of capitalised words may be "Name Noun": keep only the first word
        # unless the second is a plausible surname (not a lexicon word, not followed by lower case)
        k = min(k, j + 2)
    return k


# ----------------------------------------------------------------------------- title analysis
def _analyze(ctx: _Ctx, t: Token) -> tuple[list[Form], list[str], str] | None:
    """Forms of the title in token ``t`` plus its hyphen prefixes and compound prefix.

    A function of the token's text and the lexicon only, so results are memoized per
    lexicon (callers never modify them)."""
    memo = ctx.analyzed
    text = t.text
    try:
        return memo[text]
    except KeyError:
        pass
    if len(memo) >= _MEMO_MAX:
        memo.clear()
    out = memo[text] = _analyze_text(ctx.lex, text)
    return out


_MEMO_MAX = 200_000


def _lexicon_memo(lex: RoleLexicon) -> dict:
    memo = lex.__dict__.get("_analyze_memo")
    if memo is None:
        memo = {}
        object.__setattr__(lex, "_analyze_memo", memo)
        object.__setattr__(lex, "_blocked_suffixes", tuple(lex.blocked))
    return memo


def _analyze_text(lex: RoleLexicon, text: str) -> tuple[list[Form], list[str], str] | None:
    if not text or not any(c.isalpha() for c in text):
        return None
    if not text[0].isupper() and not ("-" in text and text.split("-")[-1][:1].isupper()):
        return None
    forms = lex.lookup(text)
    if forms:
        return forms, [], ""
    parts = text.split("-")
    head, hyph = parts[-1], [p for p in parts[:-1] if p]
    if not head or not head[0].isalpha():
        return None
    lw = head.lower()
    forms = lex.lookup(lw)
    cprefix = ""
    if not forms:
        if lw.endswith(lex.__dict__["_blocked_suffixes"]):          # any of lex.blocked
            return None
        for i in range(2, len(lw) - 3):
            suf = lw[i:]
            if suf in lex.forms:
                forms, cprefix = lex.forms[suf], lw[:i]
                break
        if not forms:
            forms = lex.lookup_misspelt(lw)           # "Ministerpäsident": one letter off a long title
            cprefix = ""
        if not forms:
            return None
        if not hyph and not head[0].isupper():
            return None
    return forms, hyph, cprefix


def _choose(ctx: _Ctx, forms: list[Form], i: int) -> tuple[Form, int]:
    """Pick the title whose adjective modifiers match the tokens before ``i``; returns (form, start)."""
    doc = ctx.doc
    best: tuple[Form, int] | None = None
    for f in forms:
        mods = f.title.modifiers
        if not mods:
            if best is None:
                best = (f, i)
            continue
        k = i - len(mods)
        if k < 0:
            continue
        ok = all(doc[k + n].lower_ in {m + e for e in ADJ_ENDINGS} for n, m in enumerate(mods))
        if ok and (best is None or best[1] > k):
            best = (f, k)
    if best is None:
        plain = [f for f in forms if not f.title.modifiers]
        best = (plain[0], i) if plain else (forms[0], i)
    return best


def _org_from_np(ctx: _Ctx, toks: list[Token], det: str) -> str | None:
    """Normalize a genitive/von noun phrase ("des Auslandsgeheimdienstes CIA", "der Amerikaner") to an org."""
    if not toks:
        return None
    orgs = ctx.orgs
    toks = [t for t in toks if t.text not in ("„", "“", "»", "«", "\"", "''")]
    if not toks:
        return None
    text = " ".join(t.text for t in toks if t.text not in "()")
    if len(toks) >= 2 and toks[-1].text in _LEGAL_FORMS:     # "der Solartec Deutschland GmbH": not Deutschland
        first = next((n for n, t in enumerate(toks) if t.lower_.rstrip("s").endswith(_TYPE_NOUNS)), -1) + 1
        name = [t.text for t in toks[first:] if t.text not in "()"]
        if len(name) >= 2:
            o = orgs.by_name_or_genitive(" ".join(name))
            return o.name if o else " ".join(name)
    for n in range(len(toks), 0, -1):                       # longest lexicon match on a suffix/prefix
        for s in range(0, len(toks) - n + 1):
            cand = [t.text for t in toks[s:s + n] if t.text not in "()"]
            if not cand:
                continue
            org = orgs.by_name_or_genitive(" ".join(cand))
            if org:
                return org.name
    for t in toks:                                          # acronym: "des Auslandsgeheimdienstes CIA"
        if _ACRONYM.match(t.text) and t.text.upper() == t.text:
            return t.text
    if len(toks) == 1 and toks[0].lower_ in orgs.demonyms:
        return orgs.demonyms[toks[0].lower_].name
    ents = [ctx.ent_of[t.i] for t in toks if t.i in ctx.ent_of and ctx.ent_of[t.i].label_ in ("ORG", "LOC", "MISC")]
    first_org_noun = next((t for t in toks if _capitalized(t) or "-" in t.text), None)
    generic_ent = bool(ents) and len(ents[0]) >= 2 and (ents[0][0].pos_ == "ADJ" or _adjectival(ents[0][0])) and (
        ents[0][-1].pos_ == "NOUN" or ents[0][-1].lower_.endswith(ctx.p.org_nouns + tuple(
            n + e for n in ctx.p.org_nouns for e in ("s", "es"))))     # "des Staatlichen Sicherheitsdienstes"
    if ents and not generic_ent and not (first_org_noun is not None and first_org_noun.i not in ctx.ent_of and any(
            first_org_noun.lower_.endswith((n, n + "s", n + "es")) for n in ctx.p.org_nouns)):
        e = max(ents, key=len)
        return _strip_genitive(e.text) if det in ("des",) else e.text
    def is_org_noun(t: Token) -> bool:
        low = t.lower_
        return low.endswith(ctx.p.org_nouns) or any(low.endswith(s + "s") or low.endswith(s + "es")
                                                     for s in ctx.p.org_nouns)
    heads = [t for t in toks if is_org_noun(t) and (not _is_adj_cap(t) or "-" in t.text or _capitalized(t))]
    if not heads:
        return None
    head = heads[-1]
    if head.lower_.rstrip("s").endswith(_TYPE_NOUNS):           # "der Firma Trigema" -> Trigema
        name = [t.text for t in toks if t.i > head.i and t.text not in "()"]
        if name and _capitalized(toks[-1]):
            o = ctx.orgs.by_name_or_genitive(" ".join(name))
            return o.name if o else " ".join(name)
    # generic institution: "des Nationalen Nachrichtendienstes" -> "Nationaler Nachrichtendienst"
    gender = _gender(head)
    words = []
    for t in toks:
        if t is head:
            words.append(_lemma_noun(head, det))
            continue
        if words and t.i > head.i:
            if _capitalized(t) and t.text not in "()":
                words.append(t.text)      # "des ödp-Kreisverbandes Memmingen"
                continue
            break
        if _is_adj_cap(t) or _adjectival(t) or (t.text[0].islower() and t.is_alpha):
            words.append(_adj_nominative(t.text, gender))
        else:
            words.append(t.text)
    return " ".join(words) if text else None


def _is_adj_cap(t: Token) -> bool:
    low = t.lower_
    if t.pos_ == "ADJ":
        return True
    return low.endswith(("ischen", "ische", "ischer", "nalen", "nale", "alen", "ten", "igen", "ßen")) and len(low) > 4 \
        and not t.pos_ in ("NOUN", "PROPN")


_MASC_ORG_NOUNS = ("dienst", "rat", "verband", "bund", "ausschuss", "konzern", "verein", "senat", "kongress", "hof",
                   "stab", "fonds", "rundfunk", "sender", "kreis", "staat", "vorstand", "klub", "club", "orden",
                   "gipfel", "zirkel", "stamm", "betrieb", "markt", "handel")


_ADJ_STEMS = ("isch", "lich", "ig", "al", "iv", "är", "ös", "bar", "sam", "haft")


def _adjectival(t: Token) -> bool:
    """A capitalized attributive adjective the tagger took for a noun: "(des) Europäischen", "Staatlichen"."""
    low = t.lower_
    if not t.text[:1].isupper() or not t.is_alpha:
        return False
    for e in ("en", "er", "es", "em"):            # (not "-e": "Zentrale", "Fachstelle" are nouns)
        if low.endswith(e):
            stem = low[:-len(e)]
            return len(stem) > 3 and stem.endswith(_ADJ_STEMS) and not stem.endswith(("könig", "rival"))
    return False


def _gender(t: Token) -> str:
    low = t.lower_.rstrip("s")
    base = _lemma_noun(t, "des").lower()          # "Nachrichtendienstes" -> "nachrichtendienst"
    if base.endswith(_MASC_ORG_NOUNS) or t.lower_.endswith(_MASC_ORG_NOUNS):
        return "m"                                # (the tagger's Gender is unreliable on genitives)
    if low.endswith(("ung", "ion", "ei", "heit", "keit", "schaft", "tät", "behörde", "agentur", "kammer",
                     "partei", "bank", "gruppe", "kommission", "organisation", "regierung", "polizei")):
        return "f"
    if low.endswith(("amt", "ium", "ment", "institut", "komitee", "zentrum", "gericht", "haus", "büro",
                     "parlament", "unternehmen", "kabinett")):
        return "n"
    g = t.morph.get("Gender")
    if g:
        return {"Masc": "m", "Fem": "f", "Neut": "n"}.get(g[0], "m")
    return "m"


def _adj_nominative(word: str, gender: str) -> str:
    stem = word
    for e in ("en", "er", "es", "em", "e"):
        if word.endswith(e):
            stem = word[:-len(e)]
            break
    return stem + {"m": "er", "f": "e", "n": "es"}[gender]


def _lemma_noun(t: Token, det: str) -> str:
    text = t.text
    if det != "des":
        return text
    if t.lemma_ and t.lemma_ != text and text.startswith(t.lemma_[:-1]) and len(t.lemma_) >= len(text) - 2 \
            and not (t.lemma_ == text[:-1] and text.endswith("es") and len(text) > 5 and text[-3] not in "aeiouäöü"):
        return t.lemma_               # (not "Nachrichtendienste" for "Nachrichtendienstes")
    if text.endswith("es") and len(text) > 5 and text[-3] not in "aeiouäöü":
        return text[:-2]
    if text.endswith("s") and not text.endswith(("ss", "us", "is", "ps", "os")):
        return text[:-1]
    return text


def _strip_genitive(text: str) -> str:
    return text[:-1] if text.endswith("s") and not text.endswith(("ss", "us", "is", "ps", "os")) and len(text) > 3 else text


# ----------------------------------------------------------------------------- scanning
_RANK = {"default": 1, "prefix": 2, "compound": 2, "possessive": 3, "adjective": 4, "post_name": 4,
         "prefix_org": 4.5, "genitive": 5}


def _set_org(h: Hit, org: str | None, source: str) -> None:
    if org and _RANK[source] > h.org_rank:
        h.org, h.org_rank = org, _RANK[source]


def _propn_tokens(doc: Doc) -> list[Token]:
    """The PROPN-tagged tokens in order (without making a Token for every word)."""
    if not len(doc):
        return []
    return [doc[i] for i in (doc.to_array([POS]).ravel() == PROPN).nonzero()[0].tolist()]


def _scan(ctx: _Ctx) -> list[Hit]:
    doc, p, orgs = ctx.doc, ctx.p, ctx.orgs
    hits: list[Hit] = []
    modifiers: set[int] = set()
    ent_orgs = {e.text.lower(): e.text for e in doc.ents if e.label_ in ("ORG", "MISC", "LOC")}
    for tok in _propn_tokens(doc):                    # "Mannesmann" elsewhere in the text
        if tok.pos_ == "PROPN" and tok.is_alpha and tok.i not in ctx.per_start and tok.lower_ not in ent_orgs \
                and (tok.i not in ctx.ent_of or ctx.ent_of[tok.i].label_ != "PER"):
            ent_orgs[tok.lower_] = tok.text
    i = 0
    while i < len(doc):
        t = doc[i]
        ent = ctx.ent_of.get(i)
        if ent is not None and ent.label_ in ("ORG", "LOC") and i != ent.start and "-" not in t.text:
            i += 1
            continue
        an = _analyze(ctx, t)
        if an is None:
            i += 1
            continue
        forms, hyph, cprefix = an
        if i + 1 < len(doc) and not hyph and not cprefix and t.text[0].isupper() \
                and any(f.title.head.lower().endswith(("der", "ter")) and t.lower_.endswith(("e", "en"))
                        for f in forms) and _analyze(ctx, doc[i + 1]) is not None:
            modifiers.add(i)              # "der Oberkommandierende General": adjective use
            i += 1
            continue
        form, start = _choose(ctx, forms, i)
        title = form.title
        s0, s1 = ctx.sent_range(i)
        h = Hit(head=i, start=start, end=i + 1, np_start=start, title=title, role=title.title,
                category=title.category, org=None, org_rank=0, status="current", det="none",
                plural=False, sent=ctx.sent_of[i])
        _set_org(h, title.organization, "default")
        h.extra["gender"] = form.gender if form.plural != "pl" else None
        deputy = False
        # --- prefixes inside the token
        if hyph:
            joined = "-".join(hyph)
            o = orgs.by_name(joined) if len(hyph) > 1 else None
            if o is None:                  # "Human Rights Watch-Sprecher", "IG Metall-Vorsitzenden"
                for n in (3, 2, 1):
                    if i - n >= s0 and all(_capitalized(doc[k]) and doc[k].lower_ not in p.determiners_definite
                                           and doc[k].lower_ not in p.determiners_indefinite
                                           for k in range(i - n, i)):
                        cand = " ".join([doc[k].text for k in range(i - n, i)] + [hyph[0]])
                        o = orgs.by_name(cand) or (orgs.by_name(cand) if cand.lower() in ent_orgs else None)
                        if o is not None:
                            h.start = h.np_start = start = i - n
                            break
            if o is not None:
                _set_org(h, o.name, "prefix_org" if o.actor_type != "location" else "prefix")
                hyph = []
        for part in hyph:
            pl = part.lower()
            if pl in p.former_prefixes:
                h.status = "former"
            elif pl in ("vize",):
                deputy = True
            elif pl in orgs.prefixes:
                if h.category == "diplomat_or_envoy" and pl not in orgs.abbrev_prefixes:
                    continue        # "Ukraine-Sondergesandter": the country is the topic
                o = orgs.prefixes[pl]
                if o.type == "party" and h.category in ("head_of_state_or_government", "minister"):
                    continue        # "CDU-Bundeskanzlerin": party affiliation, not the organisation
                _set_org(h, o.name, "prefix_org" if o.actor_type != "location" else "prefix")
            elif pl in orgs.topic_prefixes:
                pass
            elif _ACRONYM.match(part) and sum(c.isupper() for c in part) >= 2:
                _set_org(h, part, "prefix_org")
            elif pl in ent_orgs:
                _set_org(h, ent_orgs[pl], "prefix_org")
        if cprefix:
            info = ctx.lex.compound_prefixes.get(cprefix)
            if info:
                if info.get("status") == "former":
                    h.status = "former"
                if info.get("deputy"):
                    deputy = True
                _set_org(h, info.get("organization"), "compound")
            elif cprefix in orgs.prefixes or cprefix in ent_orgs or \
                    (cprefix.endswith("s") and cprefix[:-1] in orgs.prefixes):
                o = orgs.prefixes.get(cprefix) or orgs.prefixes.get(cprefix[:-1])
                _set_org(h, o.name if o else ent_orgs[cprefix], "prefix_org")   # "Mannesmannchef", "Unionsfraktionschef"
            elif not title.modifiers:
                h.role = cprefix[:1].upper() + cprefix[1:] + title.title[:1].lower() + title.title[1:]
        implied = h.org if h.org_rank == _RANK["default"] or (
            cprefix and h.org == (ctx.lex.compound_prefixes.get(cprefix) or {}).get("organization")) else None
        # --- left context: adjectives, determiner, possessive genitive
        k = start - 1
        adj_org = None
        while k >= s0:
            tk = doc[k]
            low = tk.lower_
            if k in modifiers:
                h.start = h.np_start = k
                k -= 1
                continue
            if low in ("und", "oder") and k - 1 >= s0 and doc[k - 1].text.endswith("-") and k == h.start - 1:
                h.start = h.np_start = k - 1          # "Handels- und Industrieminister"
                k -= 2
                continue
            if tk.like_num and re.fullmatch(r"(1[89]|20)\d\d", tk.text):
                break                             # a year: "von 2001 bis 2005 Bürgermeister"
            if tk.like_num and not _AGE.match(tk.text):
                h.det = "indef"
                h.plural = True
                h.np_start = k
                break
            if low in p.determiners_definite:
                h.det = "def"
                h.np_start = k
                break
            if low in p.determiners_indefinite:
                h.det = "indef"
                h.np_start = k
                break
            if low in p.possessives:
                h.det = "poss"
                h.np_start = k
                break
            if _is_adj(ctx, tk) or low in orgs.adjectives or (tk.is_alpha and (
                    tk.is_lower or (k == h.np_start - 1 and _capitalized(tk))) and (
                    _former_adj(ctx, low) or _deputy_adj(ctx, low))) or (
                    k == h.np_start - 1 and _adjectival(tk)):   # "Technischer Berater", "Stellvertretender"
                if _former_adj(ctx, low):
                    h.status = "former"
                    h.start = k
                elif _deputy_adj(ctx, low):
                    deputy = True
                    h.start = k
                elif low in orgs.adjectives:
                    adj_org = orgs.adjectives[low].name
                    h.start = k
                elif any(low.startswith(c) for c in p.current_adjectives):
                    h.start = k
                h.np_start = k
                k -= 1
                continue
            if _capitalized(tk) and low.endswith("s") and k < start:
                org = orgs.by_name_or_genitive(tk.text)
                if org is not None:
                    h.det = "poss"
                    _set_org(h, org.name, "possessive")
                    h.np_start = h.start = k
                    break
                e = ctx.ent_of.get(k)
                if (e is not None and e.label_ == "PER") or (k > s0 and doc[k - 1].text == "."):
                    h.det = "posspers"
                    h.np_start = k
                    break
                if _name_at(ctx, k, k + 1) and tk.pos_ in ("PROPN", ""):
                    h.det = "posspers"
                    h.np_start = k
                    break
            # "der für das Kosovo zuständige serbische Minister": skip a PP inside the noun phrase
            if k + 1 < i and doc[k + 1].is_lower and doc[k + 1].lower_.endswith(("zuständige", "zuständigen",
                                                                                  "verantwortliche", "verantwortlichen")):
                pp = next((x for x in range(k - 1, max(s0, k - 4) - 1, -1)
                           if doc[x].lower_ in ("für", "im", "in", "bei", "beim")), None)
                if pp is not None and all(doc[x].text not in _PUNCT_STOP for x in range(pp, k)):
                    h.np_start = pp
                    k = pp - 1
                    continue
            break
        if adj_org and not (h.category in p.nationality_only_categories):
            _set_org(h, adj_org, "adjective")
        if deputy and not h.role.lower().startswith(("vize", "stellvertret")):
            vize = "Vize" + h.role[:1].lower() + h.role[1:]
            if vize in ctx.lex.titles:                       # "Vize-Präsident" -> Vizepräsident
                h.title, h.role, h.category = ctx.lex.titles[vize], vize, ctx.lex.titles[vize].category
            else:
                h.role = "stellvertretender " + h.role
        # --- number
        mnum = t.morph.get("Number")
        if h.plural:
            pass                                  # a count before the title ("57 US-Soldaten")
        elif mnum:
            h.plural = mnum[0] == "Plur"
            d0 = doc[h.np_start]
            prev = doc[h.np_start - 1] if h.np_start > s0 else None
            if h.plural and form.plural != "pl" and (
                    d0.lower_ in ("dem", "des", "ein", "einem", "eines", "einen")
                    or (d0.lower_ == "der" and prev is not None
                        and (prev.pos_ in ("VERB", "AUX") or prev.lower_ in p.subject_cues))):
                h.plural = False          # a weaker tagger's Plur on "sagte der SPD-Politiker", "dem Politiker"
        else:
            h.plural = form.plural == "pl" or (h.det == "def" and doc[h.np_start].lower_ == "die"
                                                and form.gender != "f" and form.plural != "sg")
        # --- right context: genitive / von complement
        j = i + 1
        if j + 1 < s1 and doc[j].text in ("“", "«", "\"") and h.np_start - 1 >= s0 \
                and doc[h.np_start - 1].text in ("„", "»", "\"") and doc[j + 1].lower_ in ("des", "der", "von", "vom"):
            j += 1                        # als „Technischer Leiter“ der Firma X
        if _name_at(ctx, j, s1) is None and j < s1:
            low = doc[j].lower_
            membership = title.title == "Mitglied" and low == "im" and h.org is None   # "Mitglied im SPD-Landesvorstand"
            if low in ("von", "vom") and j + 1 < s1:
                for n in range(min(7, len(doc) - j - 1), 0, -1):     # "von Bündnis 90/Die Grünen"
                    if any(x.text in (",", ".", ";", ":") for x in doc[j + 1:j + 1 + n]):
                        continue                  # (the sentence splitter may cut inside the name)
                    o = orgs.by_name(doc[j + 1:j + 1 + n].text)
                    if o is not None and (n > 1 or doc[j + 1].lower_ not in ("der", "die", "dem", "den")):
                        _set_org(h, o.name, "genitive")
                        h.end = j + 1 + n
                        low = ""
                        break
            if (low in ("des", "der", "vom", "von") or membership) and j + 1 < s1:
                det = "des" if low in ("des", "vom") else "der" if low != "im" else "dem"
                k2 = j + 1
                if low == "von" and doc[k2].lower_ in ("der", "den", "dem"):
                    k2 += 1
                np: list[Token] = []
                while k2 < s1 and len(np) < 8:
                    tk = doc[k2]
                    if k2 in ctx.per_start and np:
                        break
                    if tk.text in ("„", "“", "»", "«", "\"", "''") and (np or tk.text in ("„", "»", "\"", "''")):
                        if np and tk.text in ("“", "«", "\"", "''"):
                            if any(x.text in ("„", "»", "\"", "''") for x in np):
                                np.append(tk)     # (not the quote closing the title: als „Chef des Beirates“)
                                k2 += 1
                            break
                        np.append(tk)             # der „New York Times“
                        k2 += 1
                        continue
                    if tk.text == "(" and k2 + 2 < s1 and doc[k2 + 2].text == ")" and _ACRONYM.match(doc[k2 + 1].text):
                        np += [tk, doc[k2 + 1], doc[k2 + 2]]
                        k2 += 3
                        break
                    if np and k2 < s1 and (k2 in ctx.per_start or tk.pos_ == "PROPN" or tk.text in ctx.given) and \
                            orgs.by_name_or_genitive(" ".join(x.text for x in np)) is not None and \
                            orgs.by_name_or_genitive(" ".join(x.text for x in np + [tk])) is None:
                        break                     # "der Deutschen Bank Josef Ackermann"
                    if np and tk.text[:1].isdigit() and k2 + 1 < s1 and (_capitalized(doc[k2 + 1]) or "/" in tk.text):
                        np.append(tk)             # "Bündnis 90/Die Grünen"
                        k2 += 1
                        continue
                    if (_capitalized(tk) or tk.text.split("-")[-1][:1].isupper()) and (
                            tk.is_alpha or "-" in tk.text or _ACRONYM.match(tk.text) or tk.text[-1:].isdigit()):
                        if ctx.lex.lookup(tk.text) and np:
                            break
                        np.append(tk)
                        k2 += 1
                        continue
                    if tk.text[0].islower() and _is_adj(ctx, tk) and k2 + 1 < s1 and _capitalized(doc[k2 + 1]):
                        np.append(tk)
                        k2 += 1
                        continue
                    if tk.lower_ in ("for", "of", "the", "and", "de", "du", "des", "la") and np and \
                            k2 + 1 < s1 and _capitalized(doc[k2 + 1]) and ctx.ent_of.get(k2) is not None:
                        np.append(tk)
                        k2 += 1
                        continue
                    break
                if low == "von" and doc[j + 1].lower_ not in ("der", "den", "dem"):
                    e0 = ctx.ent_of.get(np[0].i) if np else None
                    ok = bool(np) and ((e0 is not None and e0.label_ != "PER" and np[0].text not in ctx.person_words)
                                       or orgs.by_name_or_genitive(np[0].text) is not None
                                       or orgs.by_name(" ".join(x.text for x in np)) is not None
                                       or (e0 is None and np[0].pos_ == "PROPN" and np[0].text not in ctx.person_words
                                           and title.category == "head_of_state_or_government"))
                else:
                    ok = bool(np)
                board = ok and len(np) == 1 and any(np[0].lower_.endswith((b, b + "s", b + "es")) for b in _BOARD_NOUNS)
                org = _org_from_np(ctx, np, det) if ok and not board else None
                if org:
                    _set_org(h, org, "genitive")
                    h.end = np[-1].i + 1
                elif board:
                    h.end = np[-1].i + 1          # "Vorsitzender der Geschäftsführung im Studio Hamburg"
                    k3 = h.end
                    if k3 + 1 < s1 and doc[k3].lower_ in ("im", "beim", "bei", "von", "vom", "der", "des"):
                        e3 = ctx.ent_of.get(k3 + 1)
                        o3 = orgs.by_name_or_genitive(doc[k3 + 1].text)
                        if e3 is not None and e3.start == k3 + 1 and e3.label_ in ("ORG", "MISC", "LOC"):
                            o3 = orgs.by_name_or_genitive(e3.text)
                            _set_org(h, o3.name if o3 else e3.text, "genitive")
                            h.end = e3.end
                        elif o3 is not None:
                            _set_org(h, o3.name, "genitive")
                            h.end = k3 + 2
                    if h.org is None:             # no company named: the board itself ("Chef des Verwaltungsrats")
                        _set_org(h, _lemma_noun(np[0], det), "genitive")
        # "der Verteidigungsminister Österreichs", "Ministerpräsident Kanadas"
        if h.end < s1 and h.end == i + 1 and _capitalized(doc[h.end]) and doc[h.end].lower_.endswith("s"):
            o = orgs.by_name(doc[h.end].text[:-1])
            if o is not None and o.actor_type == "location":
                _set_org(h, o.name, "genitive")
                h.end += 1
        if implied is not None and h.org == implied and h.org_rank <= _RANK["compound"] \
                and ctx.implied_org_doubtful(implied):
            h.org, h.org_rank = None, 0       # "Bundespräsident" in an article about Switzerland
        # category for generic titles
        h.category = _category(ctx, title, h.org)
        hits.append(h)
        i += 1
    return hits


def _category(ctx: _Ctx, title: Title, org: str | None) -> str:
    if not title.generic or not org:
        return title.category
    o = ctx.orgs.by_name(org)
    if o is None:
        return title.category
    return ctx.lex.generic_category_by_org_type.get(o.type, title.category)


def _clause_window(ctx: _Ctx, a: int, b: int) -> list[str]:
    """Lower-case tokens from ``a`` up to the next clause punctuation (exclusive), at most ``b``."""
    out = []
    for k in range(a, b):
        if ctx.doc[k].text in (",", ".", ":", ";", "(", "„", "“", "–"):
            break
        out.append(ctx.doc[k].lower_)
    return out


def _has_phrase(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    for ph in phrases:
        n = len(ph)
        for s in range(0, len(words) - n + 1):
            if all(_wmatch(words[s + m], ph[m]) for m in range(n)):
                return True
    return False


def _wmatch(word: str, pat: str) -> bool:
    if pat == "#":
        return word.isdigit()
    if pat.endswith("*"):
        return word.startswith(pat[:-1])
    return word == pat


def _bind_patterns(ctx: _Ctx, hits: list[Hit]) -> None:
    """Decide for each hit how its holder is found (name, pronoun, subject, or reference)."""
    doc, p = ctx.doc, ctx.p
    ends_all = {x.end: x for x in hits}
    for h in hits:
        s0, s1 = ctx.sent_range(h.head)
        after = _clause_window(ctx, h.end, s1)
        if "und" in after:
            after = after[:after.index("und")]        # "Repräsentant aus Minnesota und Marineoberst außer Dienst"
        former_after = _has_phrase(after, p.former_phrases)
        # 0. a bare title in quotes is a nickname or a quoted word: "Der „Außenminister“ der Bewegung",
        #    "nur „der Außenminister“ genannt" (not "als „Technischer Leiter“": a verbatim designation)
        q = next((x for x in (h.np_start - 1, h.start - 1) if s0 <= x and doc[x].text in ("„", "»", "\"")), None)
        if q is not None and h.head + 1 < s1 and doc[h.head + 1].text in ("“", "«", "\"") and all(
                doc[x].lower_ in _DETERMINERS for x in range(q + 1, h.head)):
            continue
        # 1. title + name
        n_end = _name_at(ctx, h.end, s1)
        if n_end is None and h.end + 2 < s1 and doc[h.end].lower_ in ("in", "aus") and _capitalized(doc[h.end + 1]) \
                and (h.end + 1 in ctx.ent_of and ctx.ent_of[h.end + 1].label_ == "LOC"
                     or ctx.orgs.by_name(doc[h.end + 1].text) is not None):
            n2 = _name_at(ctx, h.end + 2, s1)     # "Fraktionschef der Grünen in Bayern Sepp Daxenberger"
            if n2 is not None:
                h.end, n_end = h.end + 2, n2
        if n_end is None and h.end + 2 < s1 and doc[h.end].lower_ == "für" and h.det != "indef":
            # "der EU-Kommissar für Erweiterung und europäische Nachbarschaftspolitik Štefan Füle"
            for j in range(h.end + 2, min(h.end + 9, s1)):
                if doc[j].text in _PUNCT_STOP and doc[j].text != ",":
                    break
                if doc[j].pos_ in ("VERB", "AUX"):
                    break
                if doc[j].text == ",":
                    n2 = _name_at(ctx, j + 1, s1)
                    if n2 is not None:
                        h.end, n_end = j + 1, n2
                    break
                if (j in ctx.per_start or doc[j].text in ctx.given) and _name_at(ctx, j, s1) is not None:
                    h.end, n_end = j, _name_at(ctx, j, s1)
                    break
        if n_end == h.end + 1 and doc[h.end].text.endswith("s") and n_end + 1 < s1 and doc[n_end].text == "," \
                and _name_at(ctx, n_end + 1, s1) is not None and h.org is None:
            _set_org(h, doc[h.end].text[:-1], "genitive")     # an unknown country in the genitive
            h.end, n_end = n_end, None
        if n_end is not None and h.end not in ctx.per_start and h.np_start - 1 >= s0 \
                and doc[h.np_start - 1].lower_ == "als":
            n_end = None                  # "als US-Senator Bande geknüpft": no entity, no name
        if n_end is not None and h.det != "indef":
            h.binding, h.name = "title_name", (h.end, n_end)
            if h.category in p.post_name_org_categories or h.title.generic:
                _post_name_org(ctx, h, n_end, s1)
            continue
        # 2. apposition after a name: "Kurt Volker, Nato-Botschafter ..."
        b = h.np_start
        ca = _comma_after_genitive(ctx, h.end, s1)
        named_after = h.det == "def" and ca + 1 < s1 and doc[ca].text == "," \
            and _name_at(ctx, ca + 1, s1) is not None        # "X, dem Ministerpräsidenten Fidschis, Qarase,": Qarase
        if b - 2 >= s0 and doc[b - 1].text == "," and h.det in ("none", "def", "indef") and not named_after:
            nm = _name_ending_at(ctx, b - 1)
            if nm is None:
                nm = _propn_run_ending_at(ctx, b - 1, s0)      # NER missed "Andres Granier"
            if nm is None and doc[b - 2].text == ")":          # "Olaf Scholz (SPD), Bundeskanzler"
                op = next((x for x in range(b - 3, max(s0, b - 7) - 1, -1) if doc[x].text == "("), None)
                if op is not None:
                    nm = _name_ending_at(ctx, op)
            if nm is not None:
                h.binding, h.name = "apposition", nm
                if former_after:
                    h.status = "former"
                continue
        # 3. "der Sondergesandte der Amerikaner, Keith Kellogg", "dem UNMIK-Leiter im Kosovo, Joachim Rücker"
        c = h.end
        if c < s1 and doc[c].lower_ in ("in", "im", "bei", "beim", "aus", "für"):
            c2 = next((k for k in range(c + 1, min(c + 5, s1)) if doc[k].text in _PUNCT_STOP), None)
            if c2 is not None and doc[c2].text == ",":
                c = c2
        if named_after:
            c = ca                        # "dem Innenminister des Landes, Karl Moser"
        if c + 1 < s1 and doc[c].text in (",", ":") and h.det in ("def", "none", "poss", "posspers"):
            n_end = _name_at(ctx, c + 1, s1)
            if n_end is not None:
                h.binding, h.name = "title_comma_name", (c + 1, n_end)
                continue
        prev = doc[b - 1].lower_ if b - 1 >= s0 else ""
        # 3b. reverse predicative: "Neuer Innenminister wird der Schiit Dschauad al-Bolani",
        #     "Der letzte Premierminister einer Cohabitation war der Sozialist Lionel Jospin"
        if h.det in ("def", "none") and prev not in p.copulas:
            cop = next((k for k in range(h.end, min(h.end + 4, s1)) if doc[k].lower_ in p.copulas), None)
            if cop is not None and all(doc[k].text not in _PUNCT_STOP for k in range(h.end, cop)):
                for j in range(cop + 1, min(cop + 6, s1)):
                    if doc[j].text in (".", ";", ":", "„", "(") or doc[j].pos_ in ("VERB", "AUX", "ADP") \
                            or doc[j].lower_ in _PREPOSITIONS:
                        break
                    n_end = _name_at(ctx, j, s1)
                    if n_end is not None:
                        h.binding, h.name = "predicative", (j, n_end)
                        if doc[cop].lower_ in _FORMER_COPULAS:
                            h.status = "former"
                        break
                if h.binding:
                    continue
        # 4a. inverted: "2008 wurde er Fraktionschef der Grünen"
        if prev in p.pronouns_subject and b - 2 >= s0 and doc[b - 2].lower_ in p.copulas and h.det in ("none", "indef"):
            h.binding = "predicative"
            h.extra["pronoun"] = b - 1
            if doc[b - 2].lower_ in _FORMER_COPULAS:
                h.status = "former"
            continue
        # 4. predicative "X ist ein Immobilienentwickler", "X war lange ÖTV-Chef"
        cb = b - 1
        while cb - 1 >= s0 and cb > b - 7 and (doc[cb].pos_ == "ADV" or doc[cb].lower_ in _ADVERBS or doc[cb].is_space
                                               or doc[cb].like_num or doc[cb].lower_ in _TIME_WORDS) \
                and doc[cb].lower_ not in p.copulas:
            cb -= 1                       # "ist seit 2019 Kommissionspräsidentin", "war lange ÖTV-Chef"
        if not (cb != b - 1 and doc[cb].lower_ in p.copulas) and h.det in ("indef", "none") \
                and prev not in p.copulas and prev not in ("als", "zum", "zur", "wie"):
            # "war nach der deutschen Wiedervereinigung von 1990 bis 1991 Bundesminister": a PP between
            x = b - 1
            while x > s0 and x > b - 11 and doc[x].lower_ not in p.copulas and doc[x].text not in _PUNCT_STOP \
                    and doc[x].pos_ not in ("VERB", "AUX", "PROPN") and x not in ctx.ent_of \
                    and _analyze(ctx, doc[x]) is None:
                x -= 1
            if x < b - 1 and doc[x].lower_ in p.copulas and (doc[x + 1].lower_ in _PREPOSITIONS
                                                              or doc[x + 1].pos_ == "ADV" or doc[x + 1].like_num):
                cb = x
        if cb != b - 1 and doc[cb].lower_ in p.copulas and h.det in ("indef", "none"):
            prev, b = doc[cb].lower_, cb + 1
        if prev in ("ist", "war", "wird", "wurde", "bleibt") and h.det == "def" and b - 2 >= s0:
            # "Fritz Kuhn, Bundestagsabgeordneter ..., wird der neue Oberbürgermeister"
            nm = _name_ending_at(ctx, b - 1)
            if nm is None and doc[b - 2].text == ",":
                app = None
                for x in range(b - 2, max(s0, b - 12), -1):
                    if x in ends_all:
                        app = ends_all[x]
                        break
                    if x < b - 2 and doc[x].text in _PUNCT_STOP:
                        break
                nm = app.name if app is not None and app.binding == "apposition" else None
            if nm is not None:
                h.binding, h.name = "predicative", nm
                if prev in _FORMER_COPULAS:
                    h.status = "former"
                continue
        if prev in p.copulas and h.det in ("indef", "none"):
            if prev in _FORMER_COPULAS:
                h.status = "former"
            nm = _name_ending_at(ctx, b - 1) or _propn_run_ending_at(ctx, b - 1, s0)
            if nm is None and b - 2 >= s0 and doc[b - 2].text == ")":      # "Günther Krause (CDU) war ..."
                op = next((x for x in range(b - 3, max(s0, b - 7) - 1, -1) if doc[x].text == "("), None)
                if op is not None:
                    nm = _name_ending_at(ctx, op)
            if nm is None and b - 2 >= s0 and doc[b - 2].text in ctx.person_words:
                pe = ctx.ent_of.get(b - 3) if b - 3 >= s0 else None
                if pe is not None and pe.label_ == "PER" and pe.end == b - 2:
                    nm = (pe.start, b - 1)    # "[Meles]PER Zenawi ist ..."
                elif b - 3 < s0 or doc[b - 3].text in _PUNCT_STOP or doc[b - 3].is_space:
                    nm = (b - 2, b - 1)       # "Grupp ist ...": a known surname NER missed here
            h.binding = "predicative"
            if former_after:
                h.status = "former"
            h.extra["subject_before"] = b - 1
            if nm is not None:
                h.name = nm
            continue
        # 5. "als US-Senator"; a designation quoted verbatim: "als „Technischer Leiter“" (a capitalized
        #    adjective; a bare quoted title is a nickname: "nur „der Außenminister“ genannt")
        if prev in ("„", "»", "\"") and b - 2 >= s0 and doc[b - 2].lower_ == "als" and h.det == "none" \
                and b < h.head and _capitalized(doc[b]) and doc[h.head + 1:h.head + 2].text in ("“", "«", "\"", "/"):
            prev, b = "als", b - 1
        if prev == "als" and h.det == "none":
            before = [doc[k].lower_ for k in range(max(s0, b - 5), b - 1)]
            if b - 2 >= s0 and doc[b - 2].lower_ in p.comparatives:
                continue
            if any(w in p.characterization_verbs for w in before):
                continue
            clause = [doc[k].lower_ for k in range(s0, s1)]
            if (any(w in p.past_copulas for w in clause) or _has_phrase(after[:6], p.former_phrases)
                    or _has_phrase([doc[k].lower_ for k in range(max(s0, b - 6), b)], p.former_phrases)) \
                    and not any(w in ("seit", "derzeit", "aktuell") for w in clause):
                h.status = "former"
            h.binding = "als"
            h.extra["cue"] = b - 1
            continue
        # 6. "zum Gesandten ernannt", "zu seiner Vorsitzenden gewählt"
        if h.det == "poss" and h.np_start - 1 >= s0 and doc[h.np_start - 1].lower_ == "zu":
            prev, b = "zum", h.np_start
        if prev in ("zum", "zur"):
            sent_words = [doc[k].lower_ for k in range(s0, s1)]
            if any(w in p.appointment_verbs for w in sent_words):
                h.binding = "appointment"
                h.extra["cue"] = b - 1
                continue
        # 6b. relative clause: "Carl Bergengruen, der ab Februar Vorsitzender der Geschäftsführung sein wird"
        if h.det == "none" and not h.plural:
            r = next((x for x in range(h.np_start - 1, max(s0, h.np_start - 8) - 1, -1)
                      if doc[x].text in _PUNCT_STOP or doc[x].lower_ in ("der", "die")
                      and x - 1 >= s0 and doc[x - 1].text == ","), None)
            if r is not None and doc[r].lower_ in ("der", "die") and r < h.np_start:
                nm = _name_ending_at(ctx, r - 1)
                if nm is None and r - 2 >= s0 and doc[r - 2].is_lower and doc[r - 2].is_alpha:
                    nm = _name_ending_at(ctx, r - 2)      # "Carl Bergengruen beerben, der ..."
                tail = _clause_window(ctx, h.end, s1)[:14]
                cop = next((w for w in tail if w in _RELATIVE_COPULAS), None)
                if nm is not None and cop is not None and not any(
                        doc[x].pos_ == "VERB" for x in range(r + 1, h.np_start)):
                    h.binding, h.name = "predicative", nm
                    if cop in _FORMER_COPULAS or _has_phrase(tail, p.former_phrases):
                        h.status = "former"
                    continue
        # 6c. office noun: "Das Amt des Bundespräsidenten übte er 2004 aus", "in das Amt eines Bürgermeisters gewählt"
        if h.det in ("def", "indef") and not h.plural and h.np_start - 1 >= s0 \
                and doc[h.np_start - 1].lower_ in p.office_holding_nouns:
            words = [doc[k].lower_ for k in range(s0, s1)]
            former = any(w in p.office_verbs_former for w in words)
            if former or any(w in p.office_verbs_current or w in p.appointment_verbs for w in words):
                h.binding = "appointment" if any(w in p.appointment_verbs for w in words) and not former else "office"
                h.extra["cue"] = h.np_start - 1
                if former:
                    h.status = "former"
                continue
        # 7. reference: a role noun standing alone (not "den Posten des IWF-Chefs")
        if h.det in ("def", "poss", "posspers") and not h.plural and not (
                h.np_start - 1 >= s0 and doc[h.np_start - 1].lower_ in p.office_nouns):
            h.binding = "reference"
    # 8. "der Oberkommandierende General der US-Streitkräfte im Irak, General George Casey"
    at = {h.start: h for h in hits}
    ends = {h.end: h for h in hits}
    for h in hits:                    # "Elon Musk, Gründer und Geschäftsführer der Betreiberfirma SpaceX"
        if h.binding in (None, "reference") and h.np_start > 0 and doc[h.np_start - 1].lower_ == "und":
            before = ends.get(h.np_start - 1)
            if before is None:                  # "ein Repräsentant aus Minnesota und Marineoberst"
                before = next((ends[x] for x in range(h.np_start - 2, max(0, h.np_start - 5), -1) if x in ends
                               and all(doc[y].text not in _PUNCT_STOP and doc[y].pos_ not in ("VERB", "AUX")
                                       for y in range(x, h.np_start - 1))), None)
            if before is not None and before.binding == "apposition" and before.name is not None:
                h.binding, h.name = "apposition", before.name
                s0, s1 = ctx.sent_range(h.head)
                if _has_phrase(_clause_window(ctx, h.end, s1), p.former_phrases):
                    h.status = "former"               # "... und Marineoberst außer Dienst"
    for n, h in enumerate(hits):        # "als Übersetzer und Sprengfallenexperte tätig", "war 1990 Minister
        if h.binding is not None or h.det not in ("none", "indef") or n == 0:   # für X und von 1991 an Minister für Y"
            continue
        s0, _ = ctx.sent_range(h.head)
        und = next((x for x in range(h.np_start - 1, max(s0, h.np_start - 9) - 1, -1)
                    if doc[x].lower_ == "und" or (doc[x].text == "/" and x == h.np_start - 1)), None)
        if und is None or any(doc[x].text in _PUNCT_STOP or doc[x].pos_ in ("VERB", "AUX", "PROPN") or x in ctx.ent_of
                              or not (doc[x].is_lower or doc[x].like_num or doc[x].pos_ == "NOUN"
                                      or (not ctx.has_pos and doc[x].is_alpha and _analyze(ctx, doc[x]) is None))
                              for x in range(und + 1, h.np_start)):
            continue
        before = hits[n - 1]
        if before.binding not in ("als", "predicative") or before.sent != h.sent or before.head >= und \
                or und - before.end > 5 or any(doc[x].text in _PUNCT_STOP or doc[x].pos_ in ("VERB", "AUX")
                                               for x in range(before.end, und)):
            continue
        h.binding, h.name = before.binding, before.name
        h.extra["coord"] = before
        if before.status == "former":
            h.status = "former"
    for h in hits:
        if h.binding not in (None, "reference"):
            continue
        s0, s1 = ctx.sent_range(h.head)
        c = h.end
        if c < s1 and doc[c].lower_ in ("in", "im", "bei", "beim", "aus"):
            c2 = next((k for k in range(c + 1, min(c + 5, s1)) if doc[k].text in _PUNCT_STOP), None)
            if c2 is not None and doc[c2].text == ",":
                c = c2
        nxt = at.get(c + 1) if c < s1 and doc[c].lower_ in (",", "und") else None
        if nxt is not None and nxt.name is not None and nxt.binding in ("title_name", "title_comma_name"):
            h.binding, h.name = "title_chain", nxt.name
            if doc[c].lower_ == "und" and h.status == "former":
                nxt.status = "former"     # "Der frühere Bürgermeister und Justizsenator, Henning Scherf"


def _comma_after_genitive(ctx: _Ctx, end: int, s1: int) -> int:
    """``end``, or the comma after a short genitive the scan left out ("des Landes,", "der Region,")."""
    doc = ctx.doc
    if end + 2 < s1 and doc[end].lower_ in ("des", "der"):
        c = next((k for k in range(end + 1, min(end + 4, s1)) if doc[k].text in _PUNCT_STOP), None)
        if c is not None and doc[c].text == "," and all(
                doc[k].is_alpha and k not in ctx.per_start and doc[k].pos_ not in ("VERB", "AUX")
                for k in range(end + 1, c)):
            return c
    return end


def _post_name_org(ctx: _Ctx, h: Hit, j: int, s1: int) -> None:
    """'Stephen Wertheim von der Denkfabrik Carnegie Endowment ...' -> organisation of the title."""
    doc = ctx.doc
    if j >= s1 or doc[j].lower_ not in ("von", "vom", "bei", "beim"):
        return
    k = j + 1
    if k < s1 and doc[k].lower_ in ("der", "den", "dem", "des"):
        k += 1
    while k < s1 and doc[k].text[0].islower() and _is_adj(ctx, doc[k]):
        k += 1
    if k < s1 and doc[k].lower_.endswith(ctx.p.org_nouns) and k not in ctx.ent_of and k + 1 < s1:
        k += 1                                                # "Denkfabrik", "Universität"
    e = ctx.ent_of.get(k)
    org = None
    if e is not None and e.start == k and e.label_ in ("ORG", "MISC", "LOC"):
        text = e.text
        if len(e) >= 2 and e[0].lower_.endswith(_TYPE_NOUNS + ("denkfabrik", "institut", "universität")) \
                and _capitalized(e[1]):
            text = e[1:].text                     # "[Denkfabrik Carnegie Endowment ...]ORG"
        o = ctx.orgs.by_name_or_genitive(text)
        org = o.name if o else text
    else:
        o = ctx.orgs.by_name_or_genitive(doc[k].text) if k < s1 else None
        org = o.name if o else None
    if org:
        _set_org(h, org, "post_name")
        h.category = _category(ctx, h.title, h.org)


def _propn_run_ending_at(ctx: _Ctx, end: int, s0: int) -> tuple[int, int] | None:
    """Two to four proper nouns right before ``end`` that NER left untagged: a person's name."""
    doc = ctx.doc
    if not ctx.has_pos:
        return None
    k = end
    while k - 1 >= s0 and end - k < 4 and doc[k - 1].pos_ == "PROPN" and _capitalized(doc[k - 1]) \
            and doc[k - 1].is_alpha and k - 1 not in ctx.ent_of and _analyze(ctx, doc[k - 1]) is None \
            and ctx.orgs.by_name_or_genitive(doc[k - 1].text) is None:
        k -= 1
    if end - k == 1 and k - 1 == s0 and doc[s0].pos_ == "NOUN" and _capitalized(doc[s0]) and doc[s0].is_alpha \
            and s0 not in ctx.ent_of and _analyze(ctx, doc[s0]) is None \
            and ctx.orgs.by_name_or_genitive(doc[s0].text) is None:
        k -= 1                            # "[Kemal]NOUN Bedri, Vorsitzender der ...": a first name mis-tagged at sentence start
    if end - k < 2 or (k - 1 >= s0 and doc[k - 1].pos_ == "PROPN"):
        if end - k == 1 and doc[k].text in ctx.person_words:
            return (k, end)               # a single known surname
        return None
    return (k, end)


def _subject_start(ctx: _Ctx, s: int, s0: int) -> bool:
    """Token ``s`` starts the clause, possibly after first names of a known person ("[Meles]ADJ Zenawi")."""
    doc = ctx.doc
    while s > s0 and s - 1 not in ctx.ent_of and doc[s - 1].text in ctx.person_words:
        s -= 1
    return s == s0 or doc[s - 1].is_space or doc[s - 1].text in _PUNCT_STOP


def _name_ending_at(ctx: _Ctx, end: int) -> tuple[int, int] | None:
    """Token span of a person name that ends right before token ``end``."""
    for s, e in ctx.per_start.items():
        if e == end:
            return (s, e)
    return None


# ----------------------------------------------------------------------------- resolution
class _Resolver:
    def __init__(self, ctx: _Ctx, actors: list[Actor]):
        self.ctx = ctx
        self.actors = actors
        self.by_key = {a.key: a for a in actors}
        self.person_at: list[tuple[int, int, str, bool]] = []    # (tok start, tok end, key, genitive)
        starts, lengths = ctx.doc.to_array([IDX, LENGTH]).T.tolist() if len(ctx.doc) else ([], [])
        char2tok = {s: i for i, s in enumerate(starts)}                       # t.idx -> t.i
        end2tok = {s + n: i + 1 for i, (s, n) in enumerate(zip(starts, lengths))}   # end char -> t.i + 1
        self.span_key: dict[tuple[int, int], str] = {}
        for a in actors:
            for m in a.mentions:
                s, e = char2tok.get(m.start), end2tok.get(m.end)
                if s is None or e is None:
                    continue
                self.span_key[(s, e)] = a.key
                if a.actor_type == "person" and m.label == "PER":
                    gen = m.text.endswith("s") and not a.name.endswith(m.text) and not a.name.endswith("s")
                    self.person_at.append((s, e, a.key, gen))
        self.person_at.sort()
        self.known: dict[str, list[Hit]] = {}     # actor key -> bound hits

    def key_for_span(self, span: tuple[int, int]) -> str | None:
        if span in self.span_key:
            return self.span_key[span]
        s, e = span
        for (a, b), k in self.span_key.items():
            if a <= s and e <= b or s <= a and b <= e:
                if self.by_key[k].actor_type == "person":
                    return k
        return None

    def bind(self, h: Hit, key: str | None) -> None:
        h.holder = key
        if key:
            self.known.setdefault(key, []).append(h)
            if h.binding == "reference":
                self.person_at.append((h.start, h.end, key, False))
                self.person_at.sort()

    def gender(self, key: str) -> str | None:
        """m or f when the person's role nouns say so ("Außenministerin", "der Präsident")."""
        votes = Counter(h.extra.get("gender") for h in self.known.get(key, []))
        m, f = votes.get("m", 0), votes.get("f", 0)
        if m != f:
            return "m" if m > f else "f"
        first = self.by_key[key].name.split()[0] if key in self.by_key and self.by_key[key].name else ""
        ar = self.ctx.actor_rules
        if ar is not None and first in ar.gendered_names:   # first names as a fallback
            return "f" if first in ar.female_given_names else "m"
        return None

    def recent_person(self, before: int, exclude: set[str], min_sent: int | None = None,
                      pronoun: str | None = None) -> str | None:
        sent_of = self.ctx.sent_of
        want = _PRONOUN_GENDER.get(pronoun or "")
        found: list[tuple[str, bool]] = []
        for s, e, key, gen in reversed(self.person_at):
            if s >= before:
                continue
            if min_sent is not None and sent_of[s] < min_sent:
                break
            if key in exclude:
                continue
            if want and self.gender(key) not in (None, want):
                continue                      # "Er fungierte als Präsident": not the woman named last
            found.append((key, self._oblique(s)))
            if len(found) >= 6 or (sent_of[s] < sent_of[min(before, len(self.ctx.doc) - 1)] - 2):
                break
        if not found:
            return None
        # a pronoun refers to the last subject rather than to a person named in a genitive or after a
        # preposition ("Er war ein Schüler des Ajatollah Chomeini ... Er war Präsident des Parlaments")
        direct = [k for k, obl in found if not obl]
        return direct[0] if direct and pronoun else found[0][0]

    def _oblique(self, s: int) -> bool:
        doc = self.ctx.doc
        k = s - 1
        while k >= 0 and _analyze(self.ctx, doc[k]) is not None:
            k -= 1                            # "des Ajatollah Chomeini": skip the title
        return k >= 0 and (doc[k].lower_ in _PREPOSITIONS or doc[k].lower_ in ("des", "dem", "den", "einem", "eines"))

    def _group(self, title: str) -> int | str:
        return self.ctx.lex.groups.get(title, title)

    def _party_vs_place(self, a: str, b: str) -> bool:
        """One organisation is a party, the other a place: "SPD-Abgeordneter" and "niedersächsischer Landtagsabgeordneter"."""
        ta, tb = self.ctx.orgs.by_name(a), self.ctx.orgs.by_name(b)
        kinds = {o.type if o.type == "party" else o.actor_type for o in (ta, tb) if o is not None}
        return kinds == {"party", "location"}

    def _is_head(self, title: str) -> bool:
        """Präsident, Chef, Direktor, Leiter, Vorsitzender: the head of an organisation."""
        g = self._group(title)
        return g in (self._group("Chef"), self._group("Präsident"))

    def resolve_reference(self, h: Hit) -> str | None:
        """The actor a role noun standing alone refers to, if that is unambiguous."""
        ctx = self.ctx
        lex = ctx.lex
        persons = [k for k in self.known if self.by_key[k].actor_type == "person"]
        base, grp = h.role, self._group(h.title.title)

        def roles_of(k: str) -> list[Hit]:
            return [r for r in self.known.get(k, []) if r is not h and (r.status == "current" or h.status == "former")]

        def holders(pred) -> set[str]:
            return {k for k in persons for r in roles_of(k) if pred(r)}

        def unique(c: set[str]) -> str | None:
            return next(iter(c)) if len(c) == 1 else None

        org_obj = ctx.orgs.by_name(h.org) if h.org else None
        org_is_body = h.org is not None and (org_obj is None or org_obj.actor_type != "location")
        if h.org:
            for pred in (lambda r: r.role == base and r.org == h.org,
                         lambda r: r.org == h.org and (self._group(r.title.title) == grp
                                                        or (self._is_head(r.title.title) and self._is_head(base) and org_is_body
                                                            and not _deputy_title(r.role)
                                                            and not _deputy_title(h.role)))):
                k = unique(holders(pred))
                if k:
                    return k
        else:
            c = holders(lambda r: r.role == base)
            if c:
                return unique(c)
            k = unique(holders(lambda r: self._group(r.title.title) == grp))
            if k:
                return k
        if h.category not in lex.patterns.fallback_categories or h.det != "def":
            return None
        o = ctx.orgs.by_name(h.org) if h.org else None
        unique_org = None
        if h.org and (o is None or o.actor_type != "location"):   # the only person of that organisation
            unique_org = unique(holders(lambda r: r.org == h.org and r.category == h.category))
        recent = self._recent_for_reference(h, roles_of)
        if h.category in lex.patterns.descriptor_categories:      # "sagte der SPD-Politiker": the last speaker
            return (recent or unique_org) if h.org else None
        return unique_org or recent

    def _recent_for_reference(self, h: Hit, roles_of) -> str | None:
        """The last-named person before a role noun, if nothing speaks against it."""
        ctx, doc, p = self.ctx, self.ctx.doc, self.ctx.p
        grp = self._group(h.title.title)
        s0, _ = ctx.sent_range(h.head)
        prev = doc[h.np_start - 1] if h.np_start > s0 else None
        subject_like = prev is None or prev.is_space or "\n" in prev.whitespace_ or \
            (h.np_start <= s0 + 3 and doc[s0].like_num) or \
            (doc[h.np_start].lower_ in ("der", "die") and (prev.pos_ in ("VERB", "AUX") or prev.lower_ in p.subject_cues))
        n_mentions = {a.key: len(a.mentions) for a in self.actors}
        cands = [(s, e, key) for s, e, key, gen in reversed(self.person_at)
                 if s < h.np_start and ctx.sent_of[s] >= h.sent - 2]
        # a person named after a preposition ("Kandidat von Barack Obama") is a weaker antecedent,
        # and none for a role noun in subject position
        cands.sort(key=lambda c: c[0] > 0 and doc[c[0] - 1].lower_ in _PREPOSITIONS)
        if subject_like:
            cands = [c for c in cands if not (c[0] > 0 and doc[c[0] - 1].lower_ in _PREPOSITIONS)]
        for s, e, key in cands:
            roles = roles_of(key)
            if h.status != "former":
                if any(r.org and h.org and r.org != h.org and r.category == h.category
                       and not self._party_vs_place(r.org, h.org) for r in roles):
                    continue
                if any(r.category in p.office_categories and h.category in p.office_categories
                       and self._group(r.title.title) != grp for r in roles):
                    continue
                if any(r.org and h.org and r.org != h.org for r in roles) and h.category in p.office_categories:
                    continue
            if any(r.category not in p.descriptor_categories for r in roles) and not subject_like:
                continue                      # (a mere "Politiker" does not make a person an unlikely antecedent)
            if n_mentions.get(key, 0) < 2 and not self.known.get(key):   # a one-off NER error is no antecedent
                continue
            return key
        return None

    def resolve_pronoun_or_subject(self, h: Hit, cue: int, exclude: set[str]) -> str | None:
        """Holder of an "als"/"zum" phrase: nearest person/role/pronoun before, else after."""
        ctx, doc, p = self.ctx, self.ctx.doc, self.ctx.p
        s0, s1 = ctx.sent_range(cue)
        k = cue - 1
        refs = {x.start: x for x in self._refs if x.holder}
        while k >= s0:
            t = doc[k]
            low = t.lower_
            hit = refs.get(k) or next((r for r in self._refs if r.holder and r.start <= k < r.end), None)
            if hit is not None and hit.holder not in exclude:
                return hit.holder
            pk = next(((s, e, key, gen) for s, e, key, gen in self.person_at if s <= k < e), None)
            if pk is not None:
                s, e, key, gen = pk
                prevw = doc[s - 1].lower_ if s > s0 else ""
                if not gen and key not in exclude and prevw not in ("von", "mit", "für", "durch", "gegen"):
                    return key
                k = s - 1
                continue
            if low in p.possessives:
                obj = next((x for x in range(s0, k) if doc[x].lower_ in ("ihn", "ihm")), None)
                if obj is not None:                # "würdigte ihn für seinen Einsatz als Soldat"
                    subj = self.subject_of(s0, obj)
                    key = self.recent_person(obj, ({subj} if subj else set()) | exclude, pronoun=doc[obj].lower_)
                    if key is not None:
                        return key
            if low in p.pronouns_subject or low in p.possessives:
                key = self.recent_person(k, exclude, pronoun=low)
                if key is not None:
                    return key
                break                         # "Seinen ersten Besuch als Bundespräsident machte Joachim Gauck"
            k -= 1
        for k in range(cue + 1, s1):
            pk = next(((s, e, key, gen) for s, e, key, gen in self.person_at if s == k), None)
            if pk is not None and pk[2] not in exclude:
                return pk[2]
            if doc[k].lower_ in p.pronouns_subject:
                return self.recent_person(k, exclude, pronoun=doc[k].lower_)
        return None

    def subject_of(self, sent_start: int, before: int) -> str | None:
        for x in self._refs:
            if x.holder and sent_start <= x.start < before:
                return x.holder
        for s, e, key, gen in self.person_at:
            if sent_start <= s < before:
                return key
        return None


def _match_hits(ctx: _Ctx, actors: list[Actor], hits: list[Hit] | None = None) -> tuple[list[Hit], _Resolver]:
    if hits is None:
        hits = _scan(ctx)
        _bind_patterns(ctx, hits)
    res = _Resolver(ctx, actors)
    res._refs = []
    for h in hits:                                     # explicit names first
        if h.name is not None:
            res.bind(h, res.key_for_span(h.name))
    for h in hits:                                     # then everything else, in text order
        if h.name is not None:
            continue
        if h.binding == "reference":
            res.bind(h, res.resolve_reference(h))
            res._refs.append(h)
        elif "coord" in h.extra:                       # "als Übersetzer und Sprengfallenexperte tätig"
            res.bind(h, h.extra["coord"].holder)
        elif h.binding in ("als", "office"):
            res.bind(h, res.resolve_pronoun_or_subject(h, h.extra["cue"], set()))
        elif h.binding == "predicative" and "pronoun" in h.extra:
            pk = h.extra["pronoun"]
            res.bind(h, res.recent_person(pk, set(), pronoun=ctx.doc[pk].lower_))
        elif h.binding == "predicative":
            sb = h.extra["subject_before"]
            s0, _ = ctx.sent_range(sb)
            key = None
            if sb - 1 >= s0 and ctx.doc[sb - 1].lower_ in ctx.p.pronouns_subject:
                key = res.recent_person(sb - 1, set(), pronoun=ctx.doc[sb - 1].lower_)
            else:
                ref = next((r for r in hits if r.holder and r.end == sb and r is not h), None)
                key = ref.holder if ref else None     # "Verteidigungsminister wird ein General, ..." 
                if key is None:                        # "[Meles]ADJ [Zenawi]NOUN ist seit 1995 Regierungschef":
                    key = next((k for s, e, k, gen in res.person_at     # a known person NER missed here,
                                if e == sb and not gen and _subject_start(ctx, s, s0)), None)
            res.bind(h, key)
        elif h.binding == "appointment":
            cue = h.extra["cue"]
            s0, _ = ctx.sent_range(cue)
            subj = res.subject_of(s0, cue)
            obj = next((k for k in range(s0, cue) if ctx.doc[k].lower_ in ctx.p.pronouns_object), None)
            if obj is not None:
                key = res.recent_person(obj, {subj} if subj else set(), pronoun=ctx.doc[obj].lower_)
            else:
                key = res.resolve_pronoun_or_subject(h, cue, set())
            res.bind(h, key)
    return hits, res


# ----------------------------------------------------------------------------- public API
class Scan:
    """Title hits of a Doc after the pattern binding, before resolution: what
    :func:`name_spans` and :func:`roles` both start from. ``extract`` computes it once
    and hands it to both (the Doc must not change in between)."""

    def __init__(self, doc: Doc, rules: RuleSet):
        self.doc, self.rules = doc, rules
        self.ctx = _Ctx(doc, rules)
        self.hits = _scan(self.ctx)
        _bind_patterns(self.ctx, self.hits)
        self.used = False


def name_spans(doc: Doc, rules: RuleSet, scan: Scan | None = None) -> list[tuple[int, int]]:
    """Token spans of holder names next to role titles that NER did not tag as PER."""
    if scan is None or scan.doc is not doc or scan.rules is not rules:
        scan = Scan(doc, rules)
    hits = scan.hits
    out = []
    per = {(e.start, e.end) for e in doc.ents if e.label_ == "PER"}
    for h in hits:
        if h.name and h.name not in per:
            out.append(h.name)
    return out


def roles(doc: Doc, rules: RuleSet, actors: list[Actor], scan: Scan | None = None) -> list[Role]:
    """Role rows of the article. Adds ROLE mentions to the actors they refer to (in place).

    ``scan``: the :class:`Scan` that :func:`name_spans` used (resolution modifies its hits,
    so it serves one call of ``roles``)."""
    if scan is not None and scan.doc is doc and scan.rules is rules and not scan.used:
        scan.used = True
        ctx, hits = scan.ctx, scan.hits
    else:
        ctx, hits = _Ctx(doc, rules), None
    hits, res = _match_hits(ctx, actors, hits)
    sent_of = ctx.sent_of
    rows: list[tuple[Hit, Role]] = []
    for h in hits:
        if h.holder is None:
            continue
        span = doc[h.start:h.end]
        if h.binding == "reference":
            actor = res.by_key[h.holder]
            m = Mention(span.start_char, span.end_char, span.text, "ROLE", sent_of[h.start])
            if m not in actor.mentions:
                actor.mentions.append(m)
                actor.mentions.sort(key=lambda x: (x.start, x.end))
        rows.append((h, Role(actor_key=h.holder, role_text=span.text, role=h.role, role_category=h.category,
                             organization=h.org, status=h.status, start=span.start_char, end=span.end_char,
                             sentence=sent_of[h.start], rule_id=h.binding or "title")))
    return _normalize_rows(ctx, rows)


def _normalize_rows(ctx: _Ctx, rows: list[tuple[Hit, Role]]) -> list[Role]:
    """Same office, same actor: fill a missing organisation; drop generic titles subsumed by specific ones."""
    by_actor: dict[str, list[Role]] = {}
    for _, r in rows:
        by_actor.setdefault(r.actor_key, []).append(r)
    out: list[Role] = []
    for _, r in rows:
        mine = by_actor[r.actor_key]
        if r.organization is None:
            orgs = {x.organization for x in mine if x.role == r.role and x.organization}
            if len(orgs) == 1:
                org = orgs.pop()
                r = Role(r.actor_key, r.role_text, r.role, _category(ctx, ctx.lex.titles.get(r.role, _dummy(r)), org)
                         if r.role in ctx.lex.titles else r.role_category, org, r.status, r.start, r.end,
                         r.sentence, r.rule_id)
        subsumed = any(x.role != r.role and x.role.lower().endswith(r.role.lower())
                       and not x.role.lower().startswith(("vize", "stellvertret", "ex"))
                       and (r.organization is None or x.organization == r.organization)
                       for x in mine)
        if subsumed:
            continue
        out.append(r)
    return out


def _dummy(r: Role) -> Title:
    return Title(r.role, r.role_category, None, False, (), r.role)


__all__ = ["roles", "name_spans", "Hit", "Scan"]
