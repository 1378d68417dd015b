"""Organisation rules of the entity layer (issue 12): names NER leaves untagged that are organisations.

Named rules, each a small function with its example as docstring; their order and on/off switches are
``org_rules`` in ``rules/actors.yaml``. A rule is ``f(doc, ctx) -> list of (start, end) token ranges``:
each range is an organisation name of this article. The layer (:mod:`.layer`) labels the range ORG, records
the name as organisation evidence (so every other occurrence of it becomes an ORG mention too) and relabels
mentions of that name ORG.

* ``org_acronym_alias``: "Der BUND Naturschutz (BN)": the acronym in parentheses after a name is the
  same actor (the merge is in :func:`acronym_aliases`, used by :mod:`.resolve`);
* ``org_quoted_name``: "die Tierschutz-Organisation «Vier Pfoten»", "laut «Vier Pfoten»";
* ``org_institution_speaker``: "Das südkoreanische Vereinigungsministerium bestätigte ...";
* ``org_institution``: "Die Polizei Köln nahm ... fest", "Ein Polizeisprecher sagte" (authorities as actors);
* ``org_name_apposition``: "Ultium Cells, ein Gemeinschaftsunternehmen von GM": a name of several
  capitalised words with an organisation apposition.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from pipeline.records import Mention
from pipeline.extract.view import doc_caps, doc_columns, doc_span, doc_tokens
from pipeline.ruleset import RuleSet

from .rules import memo_by_word, word_list, word_tuple


@dataclass(frozen=True)
class Columns:
    """The texts, lower-cased texts and coarse tags of a Doc's tokens, read once per Doc by the entity layer (issue 16:
    its loops over every token read ``Token.text``/``lower_``/``pos_`` again in each rule, a string-store look-up each;
    they now test these lists and touch a Token only where a test passes)."""
    text: list[str]
    lower: list[str]
    pos: list[str]


def columns(doc: Doc) -> Columns:
    c = doc_columns(doc)                   # one to_array, shared with the title scan (issue 16)
    return Columns(c.text, c.lower, c.pos)


@dataclass
class OrgCtx:
    """What the organisation rules of one Doc need."""
    rules: RuleSet
    mentions: list[Mention]
    given: frozenset[str] = frozenset()          # first names: a name starting with one is no organisation
    extra: dict = field(default_factory=dict)
    cols: Columns | None = None                  # :func:`columns` of the Doc (made by :func:`run_org_rules`)


ORG_RULES: dict[str, Callable] = {}


def org_rule(rule_id: str):
    def deco(f):
        ORG_RULES[rule_id] = f
        return f
    return deco


SUBJECT_DEPS = ("sb", "nsubj", "nsubj:pass")
OPEN_QUOTES = {"«", "„", "\"", "»", "“", "‚", "‹"}
CLOSE_QUOTES = {"»", "“", "\"", "«", "”", "‘", "›"}


def _cap(word: str) -> bool:
    return word[:1].isupper() and (word[:1].isalpha() or any(c.isalpha() for c in word))


def _acronym(word: str) -> bool:
    """"BN", "BAMF", "WHO", "ver.di" no: two to eight letters, at least two upper-case, no lower-case first."""
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(word) <= 8 and word.isalnum() and word[:1].isupper() and \
        sum(c.isupper() for c in letters) >= 2 and sum(c.islower() for c in letters) <= 1


def _abbreviates(acronym: str, name: str) -> bool:
    """The acronym's letters appear in the name in order, the first one first: "BN" of "BUND Naturschutz",
    "BAMF" of "Bundesamt für Migration und Flüchtlinge"."""
    a, n = acronym.lower(), "".join(c for c in name.lower() if c.isalnum())
    if not a or not n or a[0] != n[0]:
        return False
    pos = 0
    for ch in a:
        pos = n.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def acronym_aliases(doc: Doc, mentions: list[Mention]) -> dict[str, Mention]:
    """acronym -> the ORG/PER mention it is given for in parentheses ("X (ABC)")."""
    by_end = {m.end: m for m in mentions if m.label in ("ORG", "PER")}
    out: dict[str, Mention] = {}
    text = doc_columns(doc).text
    for i, w in enumerate(text):
        if w != "(" or i + 2 >= len(text) or text[i + 2] != ")":
            continue
        acr = text[i + 1]
        m = by_end.get(doc[i - 1].idx + len(text[i - 1])) if i > 0 else None
        if m is not None and _acronym(acr) and acr != m.text and _abbreviates(acr, m.text):
            out.setdefault(acr, m)
    return out


@org_rule("org_acronym_alias")
def org_acronym_alias(doc: Doc, ctx: OrgCtx):
    """"Der BUND Naturschutz (BN) bedauert ... Der BN sagte": the acronym in parentheses right after an
    organisation's name is that organisation; its bare uses later are mentions of it."""
    aliases = acronym_aliases(doc, ctx.mentions)
    out = []
    for acr, m in aliases.items():
        if m.label != "ORG":
            continue
        for i, text in enumerate(ctx.cols.text if ctx.cols is not None else columns(doc).text):
            if text == acr:
                out.append((i, i + 1))
    return out


@org_rule("org_acronym_definition")
def org_acronym_definition(doc: Doc, ctx: OrgCtx):
    """"Die Gewerkschaft Verkehr und Logistik (GVL) hatte zum Streik aufgerufen", "Der Verband kommunaler
    Verkehrsunternehmen NRW (VKV) wies den Streik zurück": the words between an article (or a preposition, or the
    sentence start) and an acronym in parentheses whose letters they hold in order, the first word starting with the
    acronym's first letter (:func:`_abbreviates`), are the name the acronym stands for: an organisation (where NER
    tagged no name the acronym abbreviates ending there; the acronym's bare uses merge into it, :func:`acronym_aliases`)."""
    texts = ctx.cols.text if ctx.cols is not None else columns(doc).text
    ends = {m.end: (m.text, m.label) for m in ctx.mentions if m.label in ("ORG", "PER")}
    org_words = {m.text for m in ctx.mentions if m.label == "ORG"}
    out = []
    for i, w in enumerate(texts):
        if w != "(" or i < 2 or i + 2 >= len(texts) or texts[i + 2] != ")" or not _acronym(texts[i + 1]) \
                or not (texts[i + 1] in org_words or known_org(texts[i + 1], ctx.rules)):
            continue                    # (the acronym an organisation's: NER or the lexicons say so)
        named = ends.get(doc[i - 1].idx + len(texts[i - 1]))
        if named is not None and (named[1] == "PER" or _abbreviates(texts[i + 1], named[0])):
            continue                    # (a name NER found: org_acronym_alias; "Matthias Platzeck (SPD)": a party)
        s = _defined_name_start(doc, i, texts[i + 1])
        if s is not None:
            out.append((s, i))
    return out


def _defined_name_start(doc: Doc, i: int, acr: str, compounds: bool = False) -> int | None:
    """The first token of the name before the "(" at ``i`` that ``acr`` abbreviates (:func:`org_acronym_definition`;
    ``compounds``: the letters may come from the parts of compounds, up to two a word, org_acronym_kind_name)."""
    per_word = 2 if compounds else 1
    for s in range(i - 1, max(-1, i - 9), -1):      # (the shortest name: "Mitbegründer des [Mouvement ...] (MLC)")
        t = doc[s]
        if t.is_punct:
            break
        start = _sentence_start(doc, s)
        if not _cap(t.text) or t.text[0].upper() != acr[0].upper():
            if start:
                break
            continue
        prev = doc[s - 1] if s > 0 else None
        if (prev is None or start or prev.pos_ in ("DET", "ADP")) \
                and (t.pos_ in ("NOUN", "PROPN", "ADJ", "X") or t.tag_ in ("NN", "NE", "TRUNC")) \
                and _abbreviates(acr, doc[s:i].text) and _initials_in(acr, doc[s:i]) \
                and len(acr) <= per_word * sum(len(x.text.split("-")) for x in doc[s:i]
                                               if any(c.isalpha() for c in x.text)):
            return s
        if start:
            break
    return None


def _sentence_start(doc: Doc, s: int) -> bool:
    """org_acronym_parser_split: "Die Gewerkschaft Deutscher | Lokomotivführer (GDL) ruft zum Streik auf": a sentence
    start the parser put inside a name (after a word, one space, no punctuation or line break) is no bound of the
    name an acronym defines."""
    t = doc[s]
    if not t.is_sent_start or s == 0:
        return t.is_sent_start
    prev = doc[s - 1]
    return prev.is_punct or prev.whitespace_ != " " or not _cap(prev.text)


def _initials_in(acr: str, words) -> bool:
    """The initials of the capitalised words (not acronyms themselves) are letters of the acronym, in order:
    "Gewerkschaft Verkehr und Logistik" (GVL), not "Beteiligung des deutschen Bundesnachrichtendienstes" (BND)."""
    k = 0
    for w in words:
        if not w.text[:1].isupper() or w.text.isupper():
            continue
        k = acr.upper().find(w.text[0].upper(), k) + 1
        if k == 0:
            return False
    return True


def _kind_noun(t: Token, rules: RuleSet, heads: tuple[str, ...] | None = None) -> bool:
    """(``heads``: ``word_tuple(rules, "org_kind_heads")`` where the caller has it; looked up only for a noun:
    called for every token of a Doc, the lookup was most of its time, issue 16)."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    return _cap(t.text) and t.lower_.endswith(heads if heads is not None else word_tuple(rules, "org_kind_heads"))


def _speech_verb(t: Token, rules: RuleSet) -> bool:
    """A speech verb (rules/speech.yaml), also with its separated particle ("teilte ... mit")."""
    sp = rules.get("speech")
    if sp is None or t.pos_ not in ("VERB", "AUX"):
        return False
    lemmas = getattr(sp, "lemmas", {}) or {}
    prt = next((c.lower_ for c in t.children if c.dep_ in ("svp", "compound:prt")), "")
    return t.lemma_ in lemmas or (prt + t.lemma_) in lemmas or t.lower_ in lemmas


def _quoted_names(doc: Doc, texts: list[str] | None = None):
    """(open quote index, close quote index) of quoted runs of one to four capitalised words."""
    toks = doc_tokens(doc)
    for i, text in enumerate(texts if texts is not None else columns(doc).text):
        if text not in OPEN_QUOTES:
            continue
        t = toks[i]
        j = t.i + 1
        while j < len(doc) and j - t.i <= 5 and doc[j].text not in CLOSE_QUOTES:
            j += 1
        if j >= len(doc) or doc[j].text not in CLOSE_QUOTES or j == t.i + 1 or j - t.i > 5:
            continue
        words = doc[t.i + 1:j]
        if not _cap(words[0].text) or any(w.is_punct or w.pos_ in ("VERB", "AUX", "PRON") for w in words):
            continue
        if any(not _cap(w.text) for w in words[1:] if w.pos_ not in ("ADP", "DET", "CCONJ")):
            continue
        yield t.i, j


@org_rule("org_quoted_name")
def org_quoted_name(doc: Doc, ctx: OrgCtx):
    """"Wie die Tierschutz-Organisation «Vier Pfoten» mitteilt", "«Daily NK» meldete"; "Nun hofft „Cello“,
    dass ..." no (one word, a nickname as often): a quoted name right after a noun of an organisation's kind,
    or a quoted name of several words (or an acronym) as the subject of a speech verb, is an organisation."""
    out = []
    for a, b in _quoted_names(doc, ctx.cols.text if ctx.cols is not None else None):
        before = doc[a - 1] if a > 0 else None
        if before is not None and _kind_noun(before, ctx.rules):
            out.append((a + 1, b))
            continue
        words = doc[a + 1:b]
        if len(words) == 1 and not _acronym(words[0].text):
            continue               # "Nun hofft „Cello“, dass ...": a quoted single word is as often a nickname
        head = words.root
        if head.dep_ in SUBJECT_DEPS and _speech_verb(head.head, ctx.rules):
            out.append((a + 1, b))
    return out


def _subject(t: Token) -> bool:
    """The subject; also the noun after the verb of a subjectless clause the parser read as its object
    ("teilte das Präsidialamt in Seoul mit")."""
    if t.dep_ in SUBJECT_DEPS:
        return True
    return t.dep_ == "obj" and t.i > t.head.i and not any(c.dep_ in SUBJECT_DEPS for c in t.head.children)


@org_rule("org_institution_speaker")
def org_institution_speaker(doc: Doc, ctx: OrgCtx):
    """"Das südkoreanische Vereinigungsministerium bestätigte den Auftritt", "teilte das Präsidialamt mit";
    "Das Ministerium sagte" no (no compound), "ein Gericht" no (no definite article): an institution
    compound (…ministerium, …amt, …behörde, …gericht) with a definite article as the subject of a speech
    verb is an organisation. Not where the article names an institution of that kind ("Oberlandesgericht
    Hamburg ... Das Berufungsgericht hat angenommen"): there the noun refers back to it."""
    heads = word_tuple(ctx.rules, "institution_heads")
    named = {h for m in ctx.mentions if m.label in ("ORG", "LOC", "MISC")
             for w in m.text.lower().replace("-", " ").split() for h in heads if w.rstrip("s").endswith(h)}
    out = []
    cols = ctx.cols if ctx.cols is not None else columns(doc)
    toks = doc_tokens(doc)
    for i, pos in enumerate(cols.pos):
        if pos not in ("NOUN", "PROPN") or not _cap(cols.text[i]):
            continue
        low = cols.lower[i][:-1] if cols.lower[i].endswith("s") else cols.lower[i]
        if not low.endswith(heads):
            continue                   # (no head below: tested first, no Token for other nouns)
        t = toks[i]
        if not _subject(t):
            continue
        head = next((h for h in heads if low.endswith(h)), None)
        if head is None or len(low) < len(head) + 3 or head in named:
            continue
        det = next((c for c in t.children if c.dep_ in ("nk", "det") and c.pos_ == "DET"), None)
        if det is None or det.lower_ not in ctx.rules["words"]("common", "definite_articles"):
            continue
        if _speech_verb(t.head, ctx.rules):
            out.append((t.i, t.i + 1))
    return out


@memo_by_word
def institution_word(low: str, rules: RuleSet) -> str | None:
    """The nominative (lower case) of an authority's common noun ("polizei", "landgerichts" -> "landgericht",
    "bundesinnenministeriums" -> "bundesinnenministerium"), else None: a word ending in one of words.yaml
    actors.institution_words, or a compound of institution_heads ("Landratsamt", "Verwaltungsgericht"; not the bare
    "Gericht", "Amt", and not an office or a dish: institution_not_words)."""
    words, heads = word_tuple(rules, "institution_words"), word_tuple(rules, "institution_heads")
    nots = word_tuple(rules, "institution_not_words")
    for base in (low, low[:-1] if low.endswith("s") else "", low[:-2] if low.endswith("es") else ""):
        if not base or base.endswith(nots):
            continue
        if base.endswith(words):
            return base
        head = next((h for h in heads if base.endswith(h)), None)
        if head is not None and len(base) >= len(head) + 3:
            return base
    return None


def _place_after(doc: Doc, i: int, ctx: OrgCtx) -> int | None:
    """The end (token) of a place named right after token ``i`` ("Polizei [Köln]", "Landgericht [Frankfurt am
    Main]"): a LOC mention of NER or a place of the gazetteer starting at the next token; also after "in"/"von"
    (org_institution_place_pp)."""
    pp = _place_pp_after(doc, i, ctx)
    if pp is not None:
        return pp
    if i + 1 >= len(doc) or not _cap(doc[i + 1].text) or "\n" in doc[i].whitespace_:
        return None                    # (a sentence start after the noun is a parser split: "Die Staatsanwaltschaft | München hat")
    nxt = doc[i + 1]
    end = _place_at(doc, i + 1, ctx)
    if end is not None:
        return end if end > 0 else None
    unknown = nxt.pos_ in ("PROPN", "NOUN") and nxt.is_alpha and not nxt.ent_type_ and nxt.text not in ctx.given \
        and not _german_noun(nxt.text, ctx.rules) and (i + 2 >= len(doc) or not _cap(doc[i + 2].text))
    return i + 2 if unknown else None  # "Polizeipräsidium Mittelfranken": a word no lexicon knows


def _place_pp_after(doc: Doc, i: int, ctx: OrgCtx) -> int | None:
    """org_institution_place_pp: "Die Polizei in Berlin teilte mit", "die Landesregierung von Bayern": an authority
    and a place after "in"/"von" (a LOC mention of NER or a place of the gazetteer, nothing between) are one name,
    "Polizei Berlin" (resolve.py names it without the preposition)."""
    if i + 2 >= len(doc) or doc[i + 1].lower_ not in ("in", "von") or "\n" in doc[i].whitespace_ \
            or "\n" in doc[i + 1].whitespace_ or not _cap(doc[i + 2].text):
        return None
    end = _place_at(doc, i + 2, ctx)
    return end if end else None


def _place_at(doc: Doc, j: int, ctx: OrgCtx) -> int | None:
    """The end of a place starting at token ``j``: a LOC mention of NER (0 where its span does not align) or a place
    of the gazetteer; None where none starts there."""
    m = next((m for m in ctx.mentions if m.start == doc[j].idx and m.label == "LOC"), None)
    if m is not None:
        sp = doc_span(doc, m.start, m.end, "expand")
        return sp.end if sp is not None else 0
    gaz = ctx.rules.get("gazetteer")
    return j + 1 if gaz is not None and gaz.label(doc[j].text) == "LOC" else None


def _acts(t: Token, ctx: OrgCtx) -> bool:
    """The authority noun ``t`` is shown as an actor: the subject of a verb ("Die Polizei nahm den Mann fest"), the
    genitive or von-phrase of a spokesperson or source noun ("ein Sprecher der Polizei", "nach Angaben der
    Feuerwehr"), or after "laut" / before "zufolge"."""
    if _subject(t) and t.head.pos_ in ("VERB", "AUX"):
        return True
    doc = t.doc
    if t.i > 0 and doc[t.i - 1].lower_ == "laut" or t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "zufolge":
        return True
    h = t.head
    if h.i == t.i or h.pos_ not in ("NOUN", "PROPN", "ADP"):
        return False
    if h.pos_ == "ADP":                 # "ein Sprecher von der Polizei"
        if h.lower_ not in ("von", "vom", "bei", "beim"):
            return False
        h = h.head
    sources = word_tuple(ctx.rules, "institution_source_heads")
    return h.i < t.i and h.lower_.endswith(sources)


@org_rule("org_institution")
def org_institution(doc: Doc, ctx: OrgCtx):
    """"Die Polizei Köln nahm den Mann fest", "Die Staatsanwaltschaft München ermittelt", "Ein Sprecher der
    Polizei sagte": an authority named by a common noun (words.yaml actors.institution_words and compounds of
    institution_heads: Polizei, Feuerwehr, Staatsanwaltschaft, Polizeipräsidium, Landgericht, Landratsamt,
    Bundesinnenministerium) is an organisation: with the place right after it as one name ("Polizei Köln",
    "Landgericht Frankfurt am Main"); alone ("die Polizei") where the article shows it as an actor (:func:`_acts`)
    or has a spokesperson of it ("Ein Polizeisprecher sagte"). A spokesperson or source compound of an authority
    ("Polizeisprecher", "Gerichtssprecherin", "Polizeiangaben") gives a mention of the authority inside the word
    (``ctx.extra["compound_prefixes"]``), so the spokesperson speaks for it."""
    cols = ctx.cols if ctx.cols is not None else columns(doc)
    toks = doc_tokens(doc)
    found: list[tuple[int, str]] = []           # (token, institution word) of the nouns
    acting: set[str] = set()
    caps = doc_caps(doc)                # (_cap of every text, once per Doc)
    for i, pos in enumerate(cols.pos):
        if pos not in ("NOUN", "PROPN") or not caps[i] or "-" in cols.text[i]:
            continue
        word = institution_word(cols.lower[i], ctx.rules)
        if word is not None:
            found.append((i, word))
            if _acts(toks[i], ctx) or (_place_adjective_before(doc, i) and _acts(doc[i - 1], ctx)):
                acting.add(word)        # (the parse may take the place adjective for the subject's head)
            continue
        prefix = _institution_compound(cols.text[i], ctx.rules)
        if prefix:
            ctx.extra.setdefault("compound_prefixes", []).append((i, prefix))
            acting.add(prefix.lower())
    out = []
    named = _named_institutions(ctx)
    for i, word in found:
        end = _place_after(doc, i, ctx)
        if end is not None:
            out.append((i, end))
        elif _refers_back(word, named, ctx.rules):
            continue
        elif word in acting or any(w.endswith(word) or word.endswith(w) for w in acting if len(w) >= 6):
            out.append((i - 1 if _place_adjective_before(doc, i) else i, i + 1))
    return out


def _place_adjective_before(doc: Doc, i: int) -> bool:
    """org_institution_place_adjective: "Die Thüringer Landesregierung hat vorgeschlagen", "Ein Sprecher der Berliner
    Polizei sagte": a capitalised attributive adjective in -er (a place's: Berliner, Münchner, Thüringer) right before
    the authority's noun, after an article, belongs to its name."""
    if i < 2 or doc[i - 1].is_sent_start:
        return False
    t, det = doc[i - 1], doc[i - 2]
    return (t.tag_ == "ADJA" or t.pos_ == "ADJ") and _cap(t.text) and t.text.endswith("er") and t.text.isalpha() and det.pos_ == "DET"


@org_rule("org_city_administration")
def org_city_administration(doc: Doc, ctx: OrgCtx):
    """"Die Stadt Köln hat die Veranstaltung abgesagt", "laut Gemeinde Unterhaching", "ein Sprecher des Landkreises
    Rosenheim": a territorial body's noun (words.yaml actors.administration_words: Stadt, Gemeinde, Landkreis,
    Freistaat, ...) right before a place (:func:`_place_after`), shown as an actor (:func:`_acts`: the subject of a
    verb, after a spokesperson or source noun, after "laut"), is that administration, one organisation with its place
    ("Die Hauptstadt Berlin ist groß", "in der Stadt Köln" stay places)."""
    words = word_list(ctx.rules, "administration_words")
    cols = ctx.cols if ctx.cols is not None else columns(doc)
    toks = doc_tokens(doc)
    out = []
    for i, low in enumerate(cols.lower):
        if cols.pos[i] not in ("NOUN", "PROPN") or low not in words or not _cap(cols.text[i]):
            continue
        end = _place_after(doc, i, ctx)
        if end is not None and end == i + 1 + _loc_len(doc, i + 1, ctx) and _acts(toks[i], ctx):
            out.append((i, end))
    return out


def _loc_len(doc: Doc, j: int, ctx: OrgCtx) -> int:
    """Tokens of the LOC mention starting at token ``j`` (1 where there is none)."""
    m = next((m for m in ctx.mentions if j < len(doc) and m.start == doc[j].idx and m.label == "LOC"), None)
    sp = doc_span(doc, m.start, m.end, "expand") if m is not None else None
    return len(sp) if sp is not None else 1


def _named_institutions(ctx: OrgCtx) -> set[str]:
    """The lower-cased words of the article's ORG/LOC/MISC mentions of NER ("oberlandesgerichts")."""
    return {w for m in ctx.mentions if m.label in ("ORG", "LOC", "MISC") for w in m.text.lower().replace("-", " ").split()}


def _refers_back(word: str, named: set[str], rules: RuleSet) -> bool:
    """"Das Urteil des Hanseatischen Oberlandesgerichts Hamburg … Das Berufungsgericht hat ausgeführt": a compound of
    an institution head (not an authority word of its own, institution_words) that the article's names hold in
    another word refers back to that name (claims' speaker_institution resolves it), no actor of its own."""
    if word.endswith(word_tuple(rules, "institution_words")) or word in named:
        return False
    head = next((h for h in word_tuple(rules, "institution_heads") if word.endswith(h)), None)
    return head is not None and any(h != word and head in h for h in named)


@memo_by_word
def _institution_compound(text: str, rules: RuleSet) -> str | None:
    """"Polizeisprecher" -> "Polizei", "Gerichtssprecherin" -> "Gericht", "Polizeiangaben" -> "Polizei": the
    authority before a spokesperson or source word (institution_source_heads) in one word, as written; also the bare
    institution heads here ("Ministeriumssprecher" -> "Ministerium")."""
    low = text.lower()
    tail = next((h for h in sorted(word_tuple(rules, "institution_source_heads"), key=len, reverse=True)
                 if low.endswith(h) and len(low) > len(h) + 3), None)
    if tail is None:
        return None
    pre = text[:len(text) - len(tail)]
    for cand in (pre, pre[:-1] if pre.endswith("s") else ""):
        low_c = cand.lower()
        if len(cand) >= 4 and (institution_word(low_c, rules) or low_c in word_list(rules, "institution_heads")) \
                and not low_c.endswith("s"):
            return cand
    return None


@org_rule("org_name_apposition")
def org_name_apposition(doc: Doc, ctx: OrgCtx):
    """"Ultium Cells, ein Gemeinschaftsunternehmen von GM und LG, baut", "Flixbus, der Fernbusanbieter, teilte mit",
    "Flixbus ist ein Fernbusanbieter aus München": a name of one to four capitalised words followed by an
    apposition, or by "ist"/"war" and a predicate noun, whose head is a noun of an organisation's kind ("ein
    Unternehmen", "der Batteriehersteller") is an organisation. One word only where the kind noun is no kind
    of person as well ("Müller, ein Autohändler") and the word is no first name or surname of a person the
    article names in full."""
    out = []
    surnames = {m.text.split()[-1] for m in ctx.mentions if m.label == "PER" and len(m.text.split()) >= 2}
    cols = ctx.cols if ctx.cols is not None else columns(doc)
    toks = doc_tokens(doc)
    for i, text in enumerate(cols.text):
        if text != "," and cols.lower[i] not in ("ist", "war"):
            continue                   # (what :func:`_apposition_kind` tests first)
        t = toks[i]
        k = _apposition_kind(doc, t, ctx)
        s = None if k is None else _apposition_name_start(doc, t)
        if s is None or (t.text != "," and s > 0 and not doc[s].is_sent_start):
            continue               # the predicate: only with the name as the sentence's subject before it
        if _apposition_name_ok(doc[s:t.i], doc[k], ctx, surnames):
            out.append((s, t.i))
    return out


def _apposition_kind(doc: Doc, t: Token, ctx: OrgCtx) -> int | None:
    """Token ``t`` is the comma of an apposition or the "ist"/"war" of a predicate "ein(e) ADJ* <kind noun>": the
    index of the kind noun (:func:`org_name_apposition`), else None."""
    if not (t.text == "," or (t.lower_ in ("ist", "war") and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("ein", "eine"))) \
            or t.i < 1 or t.i + 2 >= len(doc):
        return None
    j = t.i + 1
    if doc[j].pos_ != "DET" and doc[j].lower_ not in ARTICLES:
        return None                    # (the tagger reads "der" after a comma as a relative pronoun too)
    k = j + 1
    while k < len(doc) and doc[k].pos_ == "ADJ":
        k += 1
    if k >= len(doc) or not _kind_noun(doc[k], ctx.rules) or _clause_subject_after_comma(doc, t, j, k):
        return None
    return k


FINITE_TAGS = ("VVFIN", "VAFIN", "VMFIN")


def _clause_subject_after_comma(doc: Doc, t: Token, j: int, k: int) -> bool:
    """org_apposition_clause: "bekräftigte Pauget, sein Institut werde keine Abschreibungen vornehmen", "Nach Angaben
    von Kowalski, die Firma habe keine Schulden": a kind noun after the comma with a possessive determiner or a
    finite verb right after it is the subject of a (reported) clause, no apposition of the name before."""
    if t.text != ",":
        return False
    return doc[j].tag_ == "PPOSAT" or doc[j].lower_.startswith(("sein", "ihr", "unser", "mein", "dein", "euer")) \
        or (k + 1 < len(doc) and doc[k + 1].tag_ in FINITE_TAGS)


def _apposition_name_start(doc: Doc, t: Token) -> int | None:
    """The first token of the one to four capitalised words right before ``t`` in its sentence (None where there
    are more: no clear name boundary)."""
    s = t.i
    while s > 0 and t.i - s < 4 and _cap(doc[s - 1].text) and doc[s - 1].pos_ in ("PROPN", "X", "NOUN"):
        s -= 1
        if doc[s].is_sent_start:
            break
    if not doc[s].is_sent_start and _cap(doc[s - 1].text) and doc[s - 1].pos_ in ("PROPN", "X", "NOUN"):
        return None
    return s


def _apposition_name_ok(run, kind: Token, ctx: OrgCtx, surnames: set[str]) -> bool:
    """The words before an apposition of an organisation's kind name it: no first name; one word only where the kind
    names no person as well ("Müller, ein Autohändler") and the word is no surname, common noun or number; several
    words only where NER did not tag them a person ("Peter Müller, ein ...")."""
    if not len(run) or any(w.text in ctx.given for w in run):
        return False
    if len(run) == 1:
        return not (kind.lower_.endswith(word_tuple(ctx.rules, "person_kind_heads")) or run.text in surnames
                    or (run[0].pos_ == "NOUN" and _german_noun(run.text, ctx.rules))
                    or not run.text.replace("-", "").isalpha())
    return not any(m.label == "PER" and m.start == run.start_char and m.end == run.end_char for m in ctx.mentions)


ARTICLES = ("der", "die", "das", "ein", "eine")
NOT_NAME_POS = ("DET", "ADP", "PRON", "CCONJ", "SCONJ", "VERB", "AUX", "PUNCT", "PART", "ADV")


def _german_noun(word: str, rules: RuleSet) -> bool:
    """A capitalised word the German vocabulary knows, also as a compound or a genitive ("Fluglinie",
    "Schiffseigners", "US-Elektroautobauer")."""
    from .layer import capitalised_words, german_words, noun_lemmas
    from .persons import _compound_of_known_noun
    w = word.rsplit("-", 1)[-1]
    if len(w) > 3 and w.endswith("s") and w[:-1] in german_words()[0]:
        w = w[:-1]
    return w in german_words()[0] or w in capitalised_words() or w in noun_lemmas() or \
        w.lower().endswith(word_tuple(rules, "org_kind_heads")) or _compound_of_known_noun(w, rules)


def _cap_run_before(doc: Doc, i: int, ctx: OrgCtx, most: int = 4) -> int:
    """The first token of the run of capitalised name words right before token ``i`` (``i`` if none): proper
    nouns, nouns, foreign words or capitalised adjectives in the sentence, no determiner, at most ``most``."""
    s = i
    while s > 0 and i - s < most and not doc[s].is_sent_start and "\n" not in doc[s - 1].whitespace_:
        p = doc[s - 1]
        if not (_cap(p.text) and p.pos_ not in NOT_NAME_POS and p.text.replace("-", "").isalnum()):
            break
        if p.pos_ == "NOUN" and (_german_noun(p.text, ctx.rules) or s >= 2 and doc[s - 2].pos_ in ("DET", "ADJ")
                                 and not _cap(doc[s - 2].text)):
            break                      # "die Fluggesellschaft Helios Airways", "des Schiffseigners Rabaul Shipping
            #                            Company": the kind noun is no part of the name
        s -= 1
    while s < i and doc[s].text in ctx.given:
        return i                       # "John Capital": a person's first name starts it
    return s


@org_rule("org_company_word")
def org_company_word(doc: Doc, ctx: OrgCtx):
    """"Die Zurich Insurance Group verliert ihren Chef", "Lucapa Diamond Company Limited verkauft Diamanten",
    "Earlybird Venture Capital investiert": capitalised name words ending in an English company word
    (words.yaml actors.company_words_cased) are an organisation's name (NER tags them PER or misses them)."""
    words = word_list(ctx.rules, "company_words_cased")
    out = []
    texts = ctx.cols.text if ctx.cols is not None else columns(doc).text
    toks = doc_tokens(doc)
    for i, text in enumerate(texts):
        if text not in words or i == 0 or (i + 1 < len(texts) and texts[i + 1] in words):
            continue                   # ("Company Limited": the last company word takes the name)
        t = toks[i]
        s = _cap_run_before(doc, t.i, ctx)
        if s < t.i:
            out.append((s, t.i + 1))
    return out


def _place_or_known_org(word: str, rules: RuleSet) -> bool:
    """A name the organisation lexicon or the gazetteer knows, also in the genitive ("Kurdistans")."""
    orgs, gaz = rules.get("organizations"), rules.get("gazetteer")
    return (orgs is not None and orgs.by_name_or_genitive(word) is not None) or \
        (gaz is not None and gaz.label(word) is not None)


def web_domain(word: str, rules: RuleSet) -> bool:
    """"tagesschau.de", "t-online.de", "Spiegel.de": a name of three or more letters or digits (hyphens and dots
    between) and a news site's top-level domain (words.yaml actors.web_domain_tlds), no "www.", path or address."""
    name, dot, tld = word.rpartition(".")
    if not dot or tld.lower() not in word_list(rules, "web_domain_tlds") or name.lower().startswith("www."):
        return False
    parts = name.replace("-", ".").split(".")
    return sum(c.isalpha() for c in name) >= 3 and all(p.isalnum() for p in parts)


@org_rule("org_web_domain")
def org_web_domain(doc: Doc, ctx: OrgCtx):
    """"Der Abgeordnete sagte tagesschau.de, man müsse ...", "wie t-online.de berichtete": a news site's domain is
    its medium, an organisation, whatever NER tagged it (a person, as the addressee of a speech verb, or nothing)."""
    texts = ctx.cols.text if ctx.cols is not None else columns(doc).text
    return [(i, i + 1) for i, text in enumerate(texts) if "." in text[1:-1] and web_domain(text, ctx.rules)]


@org_rule("org_party_body_compound")
def org_party_body_compound(doc: Doc, ctx: OrgCtx):
    """"Die CDU-Fraktion hält die Kosten für zu hoch", "Die konservative EVP-Fraktion war gespalten", "der Sprecher der
    Grünen-Bundestagsfraktion": a hyphen compound of an organisation (an acronym, or a name the organisation lexicon or
    the gazetteer knows, also in the genitive: "Grünen") and a body of it (words.yaml actors.org_body_compound_heads:
    Fraktion, Landesverband, Kreisverband, ...) is one organisation, the parliamentary group or branch."""
    heads = word_tuple(ctx.rules, "org_body_compound_heads")
    texts = ctx.cols.text if ctx.cols is not None else columns(doc).text
    out = []
    for i, text in enumerate(texts):
        prefix, dash, head = text.rpartition("-")
        if dash and head[:1].isupper() and head.lower().endswith(heads) and len(prefix) >= 2 \
                and (_acronym(prefix) or known_org(prefix, ctx.rules)):
            out.append((i, i + 1))
    return out


def known_org(word: str, rules: RuleSet) -> bool:
    """An organisation (no place) the organisation lexicon knows, also in the genitive ("Grünen"), or the gazetteer."""
    orgs, gaz = rules.get("organizations"), rules.get("gazetteer")
    o = orgs.by_name_or_genitive(word) if orgs is not None else None
    return (o is not None and o.actor_type == "organization") or (gaz is not None and gaz.label(word) == "ORG")


@org_rule("org_lexicon_name")
def org_lexicon_name(doc: Doc, ctx: OrgCtx):
    """"Das Europäische Parlament hat strengere Regeln beschlossen", "Ein Sprecher des Auswärtigen Amts sagte": a name of
    two to four capitalised words that the organisation lexicon (organizations.yaml, with the inflected forms it
    generates) knows as an organisation is one, where NER left it untagged; so is one word the lexicon knows that the
    German vocabulary does not ("laut dem Weltklimarat"; not "Kommission", "Kongress": common words as well)."""
    lex = ctx.rules.get("organizations")
    if lex is None:
        return []
    from .layer import gazetteer_unknown_noun
    texts = ctx.cols.text if ctx.cols is not None else columns(doc).text
    toks = doc_tokens(doc)
    caps = doc_caps(doc)                # (_cap of every text, once per Doc)
    firsts = lex.name_first_words()    # (a name of several words starts with one of these)
    out, i = [], 0
    while i < len(texts):
        if not caps[i]:                 # (both ways below start at a capitalised word)
            i += 1
            continue
        hit = next((n for n in (4, 3, 2) if i + n <= len(texts) and caps[i + n - 1]
                    and toks[i].pos_ != "DET"       # ("Die Zeit der Titelverteidigerin": no newspaper)
                    and not any(toks[k].is_sent_start for k in range(i + 1, i + n))
                    and _lexicon_org(lex, " ".join(texts[i:i + n]))), None) \
            if texts[i].lower().split(None, 1)[0] in firsts else None
        if hit is None and texts[i].isalpha() and len(texts[i]) >= 6 and \
                _lexicon_org(lex, texts[i], own=True) and gazetteer_unknown_noun(texts[i], None) \
                and institution_word(texts[i].lower(), ctx.rules) is None:
            hit = 1                     # (authorities: org_institution, where they act)
        if hit:
            out.append((i, i + hit))
        i += hit or 1
    return out


def _lexicon_org(lex, name: str, own: bool = False) -> bool:
    """An organisation of the lexicon; ``own``: by its own name (any case, also in the genitive), not by an alias that
    shortens it ("Kongress" for the US-Kongress, "Kommission" for the EU-Kommission)."""
    o = lex.by_name(name) if not own else lex.by_name_or_genitive(name)
    if o is None or o.actor_type != "organization":
        return False
    forms = (o.name, o.name + "s", o.name + "es")       # (as written; "KURIER" for "Kurier", not "Bundes" for "BUND")
    return not own or name in forms or (name.isupper() and name in {f.upper() for f in forms})


@org_rule("org_kind_noun_unknown")
def org_kind_noun_unknown(doc: Doc, ctx: OrgCtx):
    """"Das Traditionsunternehmen Hightex aus Rimsting": after a noun of an organisation's kind (words.yaml
    actors.org_kind_heads, also as a compound's head), a capitalised word the German vocabulary does not know
    (the tagger read it as a common noun, NER left it out) is the organisation's name; "die Firma Müller" no
    (a known word: a surname of the lexicon), "das Unternehmen Gewinne" no (a common noun)."""
    out = []
    toks = doc_tokens(doc)
    heads = word_tuple(ctx.rules, "org_kind_heads") + word_tuple(ctx.rules, "org_kind_heads_unknown_name")
    personal = word_tuple(ctx.rules, "person_kind_heads")
    cols = ctx.cols if ctx.cols is not None else columns(doc)
    pos_of, text_of, lower_of = cols.pos, cols.text, cols.lower
    for i, pos in enumerate(pos_of):
        if pos not in ("NOUN", "PROPN") or not _kind_or_genitive(lower_of[i], heads) \
                or not _cap(text_of[i]) or i + 1 >= len(doc):
            continue                   # (no kind noun: tested on the columns, a Token only for a kind noun)
        t, k = toks[i], i + 1
        if doc[k].ent_iob_ == "I" or t.lower_.endswith(personal):
            continue
        w = doc[k]
        if not _unknown_word(w, ctx):
            continue
        e = k + 1
        ent = next((x for x in doc.ents if x.start == k), None) if w.ent_iob_ == "B" else None
        if ent is not None:
            out.append((k, ent.end))
            continue
        while e < len(doc) and e - k < 4 and _cap(doc[e].text) and doc[e].pos_ in ("PROPN", "X") \
                and not doc[e].is_sent_start and doc[e].text not in ctx.given:
            e += 1                     # "die Terrororganisation Islamic Jihad Union"; not "Amtrak [George] D. Warrington"
        out.append((k, e))
    return out


def _unknown_word(w: Token, ctx: OrgCtx) -> bool:
    """A capitalised word no vocabulary, first-name list, place or organisation list knows, read as a noun or a name
    (the tag also where the coarse tag is wrong: "Das Leipziger Start-up [Ferncargo]ADV", ent16)."""
    from .layer import capitalised_words, german_words, noun_lemmas
    from .persons import _compound_of_known_noun
    caps, lows = german_words()
    if not (_cap(w.text) and w.is_alpha and (w.pos_ in ("NOUN", "PROPN", "X") or w.tag_ in ("NN", "NE"))):
        return False
    return not (w.text in ctx.given or w.text in caps or w.text in capitalised_words() or w.lower_ in lows
                or w.text in noun_lemmas() or _compound_of_known_noun(w.text, ctx.rules)
                or _place_or_known_org(w.text, ctx.rules))


def _kind_or_genitive(low: str, heads: tuple[str, ...]) -> bool:
    """org_kind_noun_unknown_genitive (ent16): "Beschäftigte des Tiefkühlkostherstellers Wattfrost": the kind noun also
    in the genitive (-s, -es)."""
    return low.endswith(heads) or low.endswith("s") and (low[:-1].endswith(heads) or low[:-2].endswith(heads))


# ----------------------------------------------------------------------------- (ent16) a medium spoken to
@org_rule("org_medium_addressee")
def org_medium_addressee(doc: Doc, ctx: OrgCtx):
    """"sagte er dem Abendblatt", "sagte Pichler dem STANDARD", "erfuhr die F.A.Z. aus Finanzkreisen": a medium of the organisation lexicon (type media, by its name or an alias, as written) right
    after a definite article, spoken to (:func:`_report_verb_near`), is that medium, also where the word is a common
    noun as well ("Standard", "Merkur", "Kurier")."""
    lex = ctx.rules.get("organizations")
    if lex is None:
        return []
    cols = ctx.cols if ctx.cols is not None else columns(doc)
    out = []
    for i, low in enumerate(cols.lower):
        if low not in ("dem", "der", "die", "das") or i + 1 >= len(doc) or not _cap(cols.text[i + 1]):
            continue
        o = lex.by_name_or_genitive(cols.text[i + 1])
        if o is None or o.type != "media" or doc[i + 1].ent_iob_ == "I":
            continue
        if i > 0 and cols.pos[i - 1] == "ADP" and not cols.text[i + 1].isupper() \
                and _german_noun(cols.text[i + 1], ctx.rules):
            continue                   # "mit der Zeit", "in der Welt": a common noun after a preposition
        if _report_verb_near(doc, i + 1, ctx.rules):
            out.append((i + 1, i + 2))
    return out


def _report_verb_near(doc: Doc, k: int, rules: RuleSet) -> bool:
    """The medium at token ``k`` is spoken to: a speech verb or "erfahren" at most seven tokens before its article, no
    punctuation between ("Das entspricht dem Standard, sagte der Gutachter" no; "ein Papier, das dem Abendblatt
    vorliegt" no: the medium holds a paper, and the speaker rules would take it for the paper's author)."""
    sent = doc[k].sent
    for j in range(k - 2, max(sent.start, k - 9) - 1, -1):
        t = doc[j]
        if t.is_punct:
            break
        if t.lemma_ == "erfahren" or _speech_verb(t, rules):
            return True
    return False


# ----------------------------------------------------------------------------- (ent16) a body's kind and its place
@org_rule("org_body_place_name")
def org_body_place_name(doc: Doc, ctx: OrgCtx):
    """"Das Landgericht Freiburg hatte der Klage stattgegeben", "ins Theater Lörrach", "der Kreisklinik Mühldorf",
    "Der Hebammenverband Sachsen-Anhalt kritisierte": a noun that names a body by its kind (words.yaml
    actors.body_place_heads as word endings: Landgericht, Klinikum, Theater, Museum, Schule, Verband, Innung, Kammer,
    Beirat) right before a place or a name no lexicon knows is one organisation with it. The place may be a mention
    of NER of any label (it often reads "Marienthal", "Mendig" as persons), a place of the gazetteer or an unknown
    capitalised word ("Quartierforum Milchbuck"); not a person's name ("Stadtrat Peter Lange": a first name), nor a
    German noun ("das Theater Freitag")."""
    heads = word_tuple(ctx.rules, "body_place_heads")
    cols = ctx.cols if ctx.cols is not None else columns(doc)
    out, n, caps = [], len(doc), doc_caps(doc)
    for i, low in enumerate(cols.lower):
        if not low.endswith(heads) and not (low.endswith("s") and low[:-1].endswith(heads)) \
                or i + 1 >= n or not caps[i]:
            continue                   # (also the genitive: "des Klinikums Nürnberg"; the word test first: issue 16)
        if doc[i].tag_ not in ("NN", "NE", "NNP") and not _mistagged_noun(doc, i) \
                or "\n" in doc[i].whitespace_ or doc[i + 1].is_sent_start:
            continue
        end = _body_place_end(doc, i + 1, ctx)
        if end is not None:
            out.append((i, end))
    return out


def _mistagged_noun(doc: Doc, i: int) -> bool:
    """org_body_place_mistagged (ent19): "Das [Landgericht]APPR Leipzig hat … verurteilt": a capitalised word inside a
    sentence right after an article, a preposition or an adjective is a noun whatever tag the tagger gave it ("vor
    dem [Landgericht]ADJA Essen"); not a word tagged as an adjective in the genitive attribute of another noun ("die
    Mitarbeitervertretung des [Klinikums]ADJA Fulda": the noun phrase names the body, roles' possessive_org_noun)."""
    if i < 1 or doc[i].is_sent_start or doc[i - 1].pos_ not in ("DET", "ADP", "ADJ") \
            or not doc[i].text[1:].islower() or not doc[i].is_alpha:
        return False
    return not (doc[i].tag_ in ("ADJA", "ADJD") and i >= 2 and doc[i - 1].lower_ in ("des", "der")
                and doc[i - 2].pos_ in ("NOUN", "PROPN"))


def _body_place_end(doc: Doc, k: int, ctx: OrgCtx) -> int | None:
    """The end of the place or unknown name at token ``k`` (org_body_place_name), None where none is there."""
    w = doc[k]
    if not _cap(w.text) or w.text in ctx.given or not w.text.replace("-", "").isalpha():
        return None
    m = next((m for m in ctx.mentions if m.start == w.idx), None)
    if m is not None:
        sp = doc_span(doc, m.start, m.end, "expand")
        if sp is None or len(sp) > 3 or m.label == "PER" and len(sp) > 1:
            return None                # (a person's full name: "Beirat Hans Müller")
        return sp.end
    gaz = ctx.rules.get("gazetteer")
    return k + 1 if (gaz is not None and gaz.label(w.text) == "LOC") or _unknown_name_word(doc, k, ctx) \
        or _hyphen_place(w.text, gaz) else None


def _hyphen_place(text: str, gaz) -> bool:
    """org_body_place_hyphen (ent17): "des Klinikums Rosenheim-Süd", "der Kreishandwerkerschaft Paderborn-Lippe", "der
    Industrie- und Handelskammer Würzburg-Schweinfurt": a hyphenated word of capitalised parts whose first part is a
    place of the gazetteer is a place (a district, a region of two towns)."""
    parts = text.split("-")
    return len(parts) >= 2 and all(p[:1].isupper() for p in parts) and gaz is not None and gaz.label(parts[0]) == "LOC"


def _unknown_name_word(doc: Doc, k: int, ctx: OrgCtx) -> bool:
    """Token ``k`` is one capitalised name word no lexicon knows ("Milchbuck"), no name word after it."""
    w = doc[k]
    return w.tag_ in ("NE", "NN", "NNP") and not _german_noun(w.text, ctx.rules) \
        and not _place_or_known_org(w.text, ctx.rules) and (k + 1 >= len(doc) or not _cap(doc[k + 1].text))


def run_org_rules(doc: Doc, rules: RuleSet, mentions: list[Mention], rule_ids,
                  cols: Columns | None = None, extra: dict | None = None) -> list[tuple[int, int, str]]:
    """(start, end, rule id) of the organisation names the switched-on rules find (``extra``: what rules give
    besides ranges, e.g. ``compound_prefixes`` of org_institution)."""
    ar = rules.get("actors")
    ctx = OrgCtx(rules=rules, mentions=mentions, given=ar.evidence_given if ar is not None else frozenset(),
                 cols=cols if cols is not None else columns(doc), extra=extra if extra is not None else {})
    out = []
    for rid in rule_ids:
        for s, e in ORG_RULES[rid](doc, ctx):
            out.append((s, e, rid))
    return out


# ----------------------------------------------------------------------------- (ent17) a body named by a common noun
@org_rule("org_body_noun")
def org_body_noun(doc: Doc, ctx: OrgCtx):
    """"Der Stadtrat hat am Donnerstag beschlossen", "Auch im Parlament dürfte die Vorlage umstritten sein", "Der
    hessische Landtag hat gestritten", "nach Angaben des Bildungsausschusses": a body named by a common noun (words.yaml
    actors.body_words: Stadtrat, Landtag, Parlament, Senat, Kabinett; or a compound ending in body_heads:
    Bildungsausschuss, Gesundheitskommission, Landesregierung) right after a definite article or a preposition fused
    with one (im, vom, beim), or with a place adjective between ("Der Zwickauer Stadtrat", "der sächsische Landtag"),
    is an organisation; with a place right after it, one name with it ("der Gemeinderat Unterwössing"). Not a
    person's title: "Stadtrat Peter Lange", "der Gemeinderat Hans Meier" (a name after the noun), "ein Stadtrat",
    "als Stadtrat" (no definite article), "zum Stadtrat gewählt" (a title after "zum": words.yaml
    actors.body_title_words). The synth and web golds count such a body as an organisation wherever it is named;
    GermEval 2014 tags it as no name (O): ``org_body_noun_acting`` in its place keeps only the acting ones."""
    return _body_nouns(doc, ctx, acting=False)


@org_rule("org_body_noun_acting")
def org_body_noun_acting(doc: Doc, ctx: OrgCtx):
    """"Der Stadtrat hat beschlossen", "teilte die Landesregierung mit", "nach Angaben des Bildungsausschusses"; "im
    Parlament" no: org_body_noun only where the body is shown as an actor (:func:`_acts`: the subject of a verb, after
    a spokesperson or source noun, after "laut") or is the subject of a speech verb (the switch for GermEval's
    convention, where a body's common noun is no name)."""
    return _body_nouns(doc, ctx, acting=True)


@org_rule("org_institution_named")
def org_institution_named(doc: Doc, ctx: OrgCtx):
    """"Im Wirtschaftsministerium reagierte man verärgert", "ein Gutachten des Landeskriminalamts", "Berufung beim
    Oberlandesgericht einlegen": an authority's common noun (org_institution's words: institution_words and compounds
    of institution_heads) after a definite article or im/vom/beim is an organisation also where it does not act, as
    org_body_noun takes a body (not where the article names an institution of that kind: it refers back to it)."""
    named = _named_institutions(ctx)
    return _body_nouns(doc, ctx, acting=False, test=lambda low, rules: (w := institution_word(low, rules)) is not None
                       and not _refers_back(w, named, rules))


def _body_nouns(doc: Doc, ctx: OrgCtx, acting: bool, test=None) -> list[tuple[int, int]]:
    dets = ctx.rules["words"]("common", "definite_articles") | ctx.rules["words"]("roles", "article_prepositions")
    cols = ctx.cols if ctx.cols is not None else columns(doc)
    test = test or body_word
    out = []
    for i, low in enumerate(cols.lower):
        if cols.pos[i] not in ("NOUN", "PROPN") or not _cap(cols.text[i]) or not test(low, ctx.rules):
            continue                   # (tested on the columns, a Token only for a body noun)
        adj = _coordinated_part(cols, i)
        if doc[i].ent_type_ == "PER" and adj is None:
            continue
        if adj is None:
            adj = i - 1 if i >= 2 and _body_adjective(doc[i - 1]) else None
        det = (adj if adj is not None else i) - 1
        if det < 0 or cols.lower[det] not in dets or cols.lower[det] == "zum" and _body_title(low, ctx.rules):
            continue
        if acting and not (_acts(doc[i], ctx) or _speech_verb(doc[i].head, ctx.rules)):
            continue
        end = _body_end(doc, i, ctx)
        if end is None:
            continue                   # (a name after the noun: "der Gemeinderat Hans Meier" is a person)
        start = adj if adj is not None and _cap(doc[adj].text) else i
        out.append((start, end))
    return out


@memo_by_word
def body_word(low: str, rules: RuleSet) -> bool:
    """A body noun (org_body_noun), also in the genitive ("des Landtags", "des Ausschusses"); not "Ausschüsse"."""
    return body_base(low, rules) is not None


@memo_by_word
def body_base(low: str, rules: RuleSet) -> str | None:
    """The nominative (lower case) of a body noun of org_body_noun ("landtags" -> "landtag", "ausschusses" ->
    "ausschuss"), else None; resolve.py names the organisation with it."""
    if "-" in low:
        return None
    words, heads = word_list(rules, "body_words"), word_tuple(rules, "body_heads")
    for base in (low, low[:-1] if low.endswith("s") else "", low[:-2] if low.endswith("es") else ""):
        if base and (base in words or any(base.endswith(h) and len(base) >= len(h) + 3 for h in heads)):
            return base
    return None


def _body_title(low: str, rules: RuleSet) -> bool:
    """A body noun that is also a person's title (words.yaml actors.body_title_words), also in the genitive."""
    titles = word_list(rules, "body_title_words")
    return low in titles or low.rstrip("es") in titles or low[:-1] in titles


def _coordinated_part(cols, i: int) -> int | None:
    """org_body_coordinated_compound: "Nach den Plänen des Wasserstraßen- und [Schifffahrtsamts]PER", "im Bau- und
    Umweltausschuss": the first part of a compound coordinated with the body's or authority's noun at ``i`` ("X- und",
    "X- oder") starts the name (the NER often tags the second part alone, as a person)."""
    if i < 3 or cols.lower[i - 1] not in ("und", "oder", "&"):
        return None
    first = cols.text[i - 2]
    return i - 2 if len(first) > 2 and first.endswith("-") and _cap(first) else None


def _body_adjective(t: Token) -> bool:
    """A place's adjective before a body noun: capitalised in -er ("Zwickauer", "Zürcher") or lower case in -isch-
    ("hessische", "sächsischen"); the tagger often reads the capitalised one as a noun ("Zwickauer" NN), so any tag."""
    text = t.text
    if not text.isalpha():
        return False
    if _cap(text):
        return text.endswith("er") and len(text) > 4
    return (t.pos_ == "ADJ" or t.tag_ == "ADJA") and text.rstrip("nrsm").endswith("ische")


def _body_end(doc: Doc, i: int, ctx: OrgCtx) -> int | None:
    """The end of the body's name at token ``i``: after a place right after it ("Gemeinderat Unterwössing"), else
    ``i + 1``; None where a name (a proper noun, a first name, a person's mention) follows: the noun is a title."""
    k = i + 1
    if k >= len(doc) or not _cap(doc[k].text) or "\n" in doc[i].whitespace_ or doc[k].is_sent_start:
        return k
    end = _place_at(doc, k, ctx)
    if end:
        return end
    nxt = doc[k]
    if nxt.text in ctx.given or nxt.ent_type_ == "PER" or nxt.pos_ in ("PROPN", "X"):
        return None
    return k
