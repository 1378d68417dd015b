"""Claim extraction (issue 5): who said or asserted what.

Rule-based, over a parsed spaCy ``Doc``. The rules (``rules/speech.yaml``) are
lexicons: verbs of speech and cognition with their particle verbs, source nouns
("Angaben"), prepositions ("laut", "zufolge") and Konjunktiv forms. The code
relies on tokens, quotation marks, these lexicons and, where the model provides
them, POS tags, morphology (``Mood=Sub``) and sentence boundaries. Dependencies
are used only when ``doc.has_annotation("DEP")``.

Claim types:
- ``direct``: a quotation in quotation marks („…“, »…«, "…", nested ‚…‘),
  framed before/after, by a colon frame ("Ein Sprecher: „…“"), by a speech verb
  elsewhere in its sentence (``quote_in_frame``), or a partial quote inside
  another claim (er „vertraue“ Putin), which takes that claim's speaker and cue;
- ``indirect``: a speech/cognition verb with a dass/ob clause or a Konjunktiv
  clause, a noun cue before a dass-clause ("ist der Meinung, dass"), an inverted
  frame ("X sei Y, sagte Z", "…, so Z"), "X, wonach …", "Demnach …" (the adverb
  is the speaker mention), "… . Das bestätigte X." (the previous sentence is X's
  claim, ``anaphoric_frame``), and following sentences in Konjunktiv (I, or II right
  after a claim) that continue the latest speaker within a few sentences
  (``konj_continuation``, no cue, like Wikinews' "IndirectFreeIndirect");
  sentences with sollen + perfect infinitive ("soll … gestanden haben") are
  hearsay of that speaker (``soll_hearsay``, Wikinews' "FreeIndirect");
- ``reported``: attributions through a source ("laut X", "X zufolge", "nach
  Angaben X", "wie X berichtete", "heißt es in X") and speech acts with a
  noun-phrase object ("Hegseth schloss einen Nato-Beitritt aus"). Such a speech
  act's message is the whole sentence, verb included. Unlike the Wikinews
  annotation of "Reported" (no cue), it still records its verb as the cue
  ("schloss aus"): every claim carries a cue (issue 5). That costs ~0.03 cue F1
  on Wikinews dev.

Span conventions: ``claim_start/claim_end`` is one contiguous span; a direct
claim includes its quotation marks. ``cue_text`` lists the cue's words in text
order joined by a space ("schloss aus", "wie mitteilte"); ``cue_start/cue_end``
run from the first to the last cue word, so for a split particle verb they
enclose other words too: the cue tokens are the words of the span that appear in
``cue_text``. ``speaker_text`` is the local mention as written (a pronoun stays
a pronoun), ``speaker_key`` the Actor it resolves to. A speaker taken from the
parse's subject subtree keeps NP modifiers ("in Berlin", "von der Partei X",
coordinated names) but not circumstances of the speech act ("gegenüber der BBC",
"in einem Interview", "vom Dienstag"). A capitalized word the tagger calls an
adverb is a noun inside a sentence and, before a verb, at its start ("Elshorst
wies darauf hin"). Without any claim nearby, a Konjunktiv sentence continues the
named subject of the sentence before ("Ngom definierte das Ziel. Es gehe …").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from spacy.tokens import Doc, Token

from pipeline.records import Actor, Claim, Mention
from pipeline.ruleset import RuleError, RuleSet, rule_file

# --------------------------------------------------------------------------- rules

INSEPARABLE = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "hinter", "wider", "unter", "über")


@dataclass(frozen=True)
class VerbEntry:
    lemma: str                 # e.g. "mitteilen"
    particle: str | None       # "mit" for a separable verb (may be several words: "zu bedenken")
    split: bool                # True: this form is the bare base, the particle must follow
    classes: frozenset[str]    # speech, cognition, reported
    participle: bool = False


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

    @property
    def n_verbs(self) -> int:
        return len(self.lemmas)


def _split_lemma(lemma: str, file: str) -> tuple[str | None, str]:
    if not isinstance(lemma, str) or not re.fullmatch(r"[a-zäöüß]+(_[a-zäöüß]+)*", lemma):
        raise RuleError(file, str(lemma), "a verb is a lowercase lemma, particle verbs as PARTICLE_BASE")
    parts = lemma.split("_")
    return (" ".join(parts[:-1]) or None), parts[-1]


def _weak_parts(base: str) -> tuple[list[str], list[str], str]:
    """(finite forms, participles, stem) of a regular verb."""
    if base.endswith(("eln", "ern")):
        stem, inf = base[:-1], base
        e = ""
    else:
        stem, inf = base[:-2], base
        e = "e" if re.search(r"([td]|[^aeiouäöülr][mn])$", stem) else ""
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
        if (old.lemma, old.particle, old.split) == (entry.lemma, entry.particle, entry.split):
            lst[i] = VerbEntry(old.lemma, old.particle, old.split, old.classes | entry.classes,
                               old.participle or entry.participle)
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


def _str_list(data: dict, key: str, file: str) -> list[str]:
    val = data.get(key)
    if not isinstance(val, list) or not all(isinstance(v, str) and v for v in val):
        raise RuleError(file, key, "expected a list of non-empty strings")
    return val


SPEECH_KEYS = {"version", "weak", "strong", "auxiliaries", "not_speakers", "nouns", "noun_suffixes",
               "prepositions", "source_adverbs", "context_source_adverbs", "so_marker", "impersonal", "impersonal_preps",
               "pronouns", "role_heads", "claim_nouns", "konjunktiv", "complementizers", "als_speech_acts",
               "hearsay_infinitives"}
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
    )


# --------------------------------------------------------------------------- quotes

QUOTE_PAIRS = {"„": "“”\"", "»": "«", "«": "»", "“": "”\"", '"': '"', "‚": "‘’", "›": "‹"}
QUOTE_CHARS = set("„“”»«\"‚‘’›‹")
MAX_QUOTE = 3000


@dataclass(frozen=True)
class Quote:
    start: int      # char offset of the opening mark
    end: int        # char offset after the closing mark
    depth: int      # 0 = top level


def find_quotes(text: str) -> list[Quote]:
    """Pair quotation marks. Nested quotes get depth >= 1; unclosed ones are dropped
    at a paragraph break."""
    out: list[Quote] = []
    stack: list[tuple[str, int]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n" and i + 1 < n and text[i + 1] == "\n":
            stack.clear()
        elif c in QUOTE_CHARS:
            if stack and c in QUOTE_PAIRS[stack[-1][0]] and _closes(text, i, stack[-1]):
                o, s = stack.pop()
                if i + 1 - s <= MAX_QUOTE:
                    out.append(Quote(s, i + 1, len(stack)))
            elif c in QUOTE_PAIRS and _opens(text, i, c, stack):
                stack.append((c, i))
        i += 1
    return sorted(out, key=lambda q: (q.start, -q.end))


def _opens(text: str, i: int, c: str, stack: list) -> bool:
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace():
        return False
    if c in "‚›":
        # single marks open only inside a quote, and ‚ is not a low comma between letters
        prev = text[i - 1] if i else " "
        return bool(stack) and not prev.isalnum()
    if c == '"':
        prev = text[i - 1] if i else " "
        return not prev.isalnum()
    return True


def _closes(text: str, i: int, top: tuple[str, int]) -> bool:
    if text[i] in "‘’":
        nxt = text[i + 1] if i + 1 < len(text) else " "
        return not nxt.isalpha()            # an apostrophe inside a word does not close
    if text[i] == '"':
        prev = text[i - 1] if i else " "
        return not prev.isspace()
    return True


# --------------------------------------------------------------------------- context

PUNCT_END = {".", "!", "?"}
CLAUSE_BREAK = {",", ";", ":", ".", "!", "?", "–", "-", "(", ")"}
DETS = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
        "kein", "keine", "sein", "seine", "seiner", "seines", "seinem", "seinen", "ihr", "ihre",
        "ihrer", "ihres", "ihrem", "ihren", "dessen", "deren", "unser", "unsere", "diese", "dieser",
        "dieses", "diesem", "diesen", "jene", "jener", "beide", "beiden", "alle", "viele", "mehrere",
        "einige", "zahlreiche", "andere", "weitere", "manche"}
NOMINATIVE_BLOCK = {"dem", "den", "einem", "einen", "seinem", "seinen", "ihrem", "ihren", "diesem",
                    "diesen"}
GENITIVE_DETS = {"des", "der", "eines", "einer", "seines", "seiner", "ihres", "ihrer", "dieses",
                 "dieser"}
NP_PREPS = {"von", "vom", "aus", "der", "des"}
REL_ANTECEDENT = True
# verbs whose object (the addressee) follows them: "Die UNICEF rief Russland auf, …"
OBJECT_CONTROL = {"auffordern", "aufrufen", "bitten", "warnen", "mahnen", "ermahnen", "drängen", "anweisen",
                  "vorwerfen", "raten", "empfehlen", "befehlen", "verbieten", "ersuchen"}
DEMONSTRATIVES = {"dieser", "diese", "jener", "jene", "letzterer", "letztere", "ersterer", "erstere"}
NP_PP = {"von", "vom", "aus", "für"}           # PPs inside a speaker NP: "der Ombudsmann für Menschenrechte"
SKIPPABLE = {"auch", "jedoch", "aber", "nun", "zudem", "außerdem", "dazu", "dabei", "gestern", "heute",
             "bereits", "ebenfalls", "weiter", "später", "damals", "zuletzt", "kürzlich", "noch",
             "einmal", "allerdings", "daraufhin", "ferner", "indes", "dagegen", "bisher", "schon",
             "inzwischen", "mittlerweile", "gegenüber", "wiederholt", "mehrfach", "erneut", "stets",
             "immer", "sogar", "selbst", "offenbar", "offiziell", "ausdrücklich", "deutlich", "klar",
             "jetzt", "nochmals", "zuvor", "vorher", "demnach", "sich", "am", "im"}
WEEKDAYS = {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
            "wochenende", "abend", "morgen", "vormittag", "nachmittag"}
REL_PRONOUNS = {"der", "die", "das", "welcher", "welche", "welches", "dem", "den", "denen", "deren",
                "dessen"}
SUBORDINATORS = {"wie", "nachdem", "als", "weil", "da", "wenn", "obwohl", "während", "bevor",
                 "nachdem", "sodass", "damit", "indem", "zumal", "dass", "ob"}
PERSON_PRON = {"er", "sie", "ich", "wir"}
FUNCTION_WORDS = {"am", "im", "an", "auf", "in", "mit", "nach", "vor", "bei", "beim", "seit", "von", "vom", "zu",
                  "zum", "zur", "für", "über", "unter", "durch", "gegen", "ohne", "um", "aus", "während",
                  "wegen", "trotz", "laut", "neben", "zwischen", "hinter", "ab", "bis", "innerhalb",
                  "außerhalb", "angesichts", "gemäß", "zufolge", "und", "oder", "aber", "doch", "denn",
                  "sondern", "wenn", "weil", "als", "obwohl", "nachdem", "bevor", "damit", "sodass",
                  "allein", "zuletzt", "zudem", "ebenfalls", "offiziell", "außerdem", "trotzdem",
                  "deshalb", "daher", "dennoch", "vielmehr", "anschließend", "zunächst", "zuvor",
                  "später", "inzwischen", "mittlerweile", "bereits", "erst", "nur", "schon", "sogar",
                  "gerade", "vor allem", "insgesamt", "hauptsächlich", "parallel", "lange", "ebenso",
                  "wer", "welche", "welcher", "welches", "warum", "wieso", "weshalb", "wo", "woher",
                  "wohin", "was", "wann", "mehr", "weniger", "viel", "wenig", "sehr", "nicht", "kein"}
NOT_KONJ_E = {"ohne", "gerne", "gern", "gerade", "lange", "alleine", "eine", "keine", "seine", "ihre", "diese",
              "jene", "beide", "alle", "deine", "meine", "unsere", "solche", "welche", "manche", "heute",
              "ebenfalle", "schnelle", "bitte", "danke", "stelle", "stille", "mitte", "ende", "seite", "weise",
              "gegebenenfalls", "nie", "die", "sie", "wie", "hie", "je"}


NOT_NOUNS = {"daher", "bisher", "ferner", "vorher", "seither", "später", "wieder", "immer", "weiter", "aber",
             "außer", "sicher", "leider", "hierher", "eher", "nachher", "lediglich", "erstmals", "zuerst",
             "ebenfalls", "seitdem", "deswegen", "darum", "trotzdem", "hierzu", "hierbei", "dort", "damals",
             "besorgt", "offiziell", "kritisch", "vorerst", "ursprünglich", "insgesamt", "weltweit",
             "bundesweit", "weiterhin", "langfristig", "kurzfristig", "erneut", "zusätzlich", "gemeinsam", "unklar"}
NOUN_SUFFIXES = ("er", "in", "innen", "ung", "ungen", "schaft", "ium", "amt", "ei", "ent", "enten", "ist",
                 "isten", "or", "oren", "ler", "eur", "ure")


@dataclass
class Hit:
    i: int                      # verb token
    particle: list[int]         # particle token indices
    entry: VerbEntry
    aux: list[int] = field(default_factory=list)

    @property
    def classes(self) -> frozenset[str]:
        return self.entry.classes


@dataclass
class Found:
    """A claim under construction, in token indices (end exclusive)."""
    msg: tuple[int, int] | None
    msg_chars: tuple[int, int] | None
    speaker: tuple[int, int] | None
    cue: list[int]
    ctype: str
    rule: str
    sent: int
    speaker_key: str | None = None
    frame_cue: list[int] = field(default_factory=list)   # a cue kept off the record (speech acts)


class Ctx:
    def __init__(self, doc: Doc, R: SpeechRules, actors: list[Actor]):
        self.doc, self.R, self.actors = doc, R, actors
        self.toks: list[Token] = list(doc)
        self.low = [t.text.lower() for t in self.toks]
        self.text = doc.text
        self.has_pos = doc.has_annotation("POS") or doc.has_annotation("TAG")
        self.has_morph = doc.has_annotation("MORPH")
        self.has_dep = doc.has_annotation("DEP")
        self.has_lemma = doc.has_annotation("LEMMA")
        self.sents = self._sentences()
        self.sent_of = [0] * len(doc)
        k = 0
        for t in range(len(doc)):
            while k + 1 < len(self.sents) and t >= self.sents[k + 1][0]:
                k += 1
            self.sent_of[t] = k
        self.quotes = [q for q in find_quotes(self.text)]
        self.quote_tok: list[tuple[int, int, Quote]] = []
        self.in_quote = [-1] * len(doc)         # index into quote_tok of the top-level quote
        for q in self.quotes:
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None or len(span) < 3:
                continue
            self.quote_tok.append((span.start, span.end, q))
            if q.depth == 0:
                for t in range(span.start, span.end):
                    self.in_quote[t] = len(self.quote_tok) - 1
        self.ent_at: dict[int, tuple[int, int, str]] = {}
        for e in doc.ents:
            for t in range(e.start, e.end):
                self.ent_at[t] = (e.start, e.end, e.label_)
        self.inverted_ok: set[int] = set()      # cue verbs of a quote frame that may also frame a clause
        self.mentions = sorted(((m.start, m.end, m, a) for a in actors for m in a.mentions),
                               key=lambda x: x[0])
        self._surname_mentions()

    def _surname_mentions(self) -> None:
        """A person's surname where the NER missed it ("Waltz kennt sich ... aus") counts as a
        mention of that person, for speaker resolution only."""
        covered = set()
        for ms, me, m, a in self.mentions:
            covered.update(range(ms, me))
        surnames: dict[str, list[Actor]] = {}
        for a in self.actors:
            parts = a.name.split()
            if a.actor_type == "person" and len(parts) >= 2 and parts[-1][:1].isupper() and len(parts[-1]) > 2:
                surnames.setdefault(parts[-1], []).append(a)
        extra = []
        for t in self.toks:
            cands = surnames.get(t.text)
            if cands and len(cands) == 1 and t.idx not in covered:
                m = Mention(t.idx, t.idx + len(t.text), t.text, "PER", self.sent_of[t.i])
                extra.append((m.start, m.end, m, cands[0]))
        if extra:
            self.mentions = sorted(self.mentions + extra, key=lambda x: x[0])

    # -- sentences
    def _sentences(self) -> list[tuple[int, int]]:
        doc = self.doc
        if len(doc) == 0:
            return []
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            raw = [(s.start, s.end) for s in doc.sents]
        else:
            raw = self._split()
        return self._clean_sents(raw)

    def _clean_sents(self, raw: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Sentences without surrounding whitespace tokens; an opening quotation mark at a
        sentence end moves to the next sentence, a closing one at a start to the previous."""
        toks = self.toks                      # the Doc's tokens, made once
        text = self.doc.text
        bounds = [a for a, b in raw] + [len(toks)]
        for i, t in enumerate(toks):          # paragraph breaks always end a sentence
            if i + 1 < len(toks) and ("\n" in t.whitespace_ or (t.is_space and "\n" in t.text)):
                bounds.append(i + 1)
        bounds = sorted(set(bounds))
        fixed = [0]
        for x in bounds[1:-1]:
            y = x
            while y - 1 > fixed[-1] and (toks[y - 1].is_space or (toks[y - 1].text in "„»‚" )):
                y -= 1
            while y < len(toks) and toks[y].text in "“”«\"" and y - 1 >= 0 and not toks[y - 1].whitespace_ \
                    and y + 1 < len(toks):
                y += 1
            if y > fixed[-1]:
                fixed.append(y)
        fixed.append(len(toks))
        out = []
        for a, b in zip(fixed, fixed[1:]):
            while a < b and toks[a].is_space:
                a += 1
            while b > a and toks[b - 1].is_space:
                b -= 1
            if b > a:
                out.append((a, b))
        return out

    def _split(self) -> list[tuple[int, int]]:
        doc = self.doc
        out, start = [], 0
        for i, t in enumerate(doc):
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if "\n" in t.text or (t.text in PUNCT_END and nxt is not None and
                                  (nxt.text[:1].isupper() or nxt.text[:1] in "„»\"" or "\n" in nxt.whitespace_)):
                out.append((start, i + 1))
                start = i + 1
            elif "\n" in t.whitespace_:
                out.append((start, i + 1))
                start = i + 1
        if start < len(doc):
            out.append((start, len(doc)))
        return out

    # -- token classes
    def is_punct(self, i: int) -> bool:
        t = self.toks[i]
        return t.is_punct or t.text in QUOTE_CHARS

    def is_quote_mark(self, i: int) -> bool:
        return self.toks[i].text in QUOTE_CHARS

    def is_nounish(self, i: int) -> bool:
        t = self.toks[i]
        if self.has_pos and t.pos_:
            if t.pos_ in ("NOUN", "PROPN"):
                return True
            if t.pos_ in ("VERB", "AUX", "ADP", "ADV", "PRON", "DET", "SCONJ", "CCONJ", "PART", "PUNCT"):
                return i in self.ent_at or self.mistagged_noun(i)
        w = t.text
        if not w[:1].isupper() or self.is_punct(i):
            return i in self.ent_at
        lw = w.lower()
        if lw in self.R.not_speakers or lw in DETS or lw in SUBORDINATORS or lw in PERSON_PRON \
                or lw in FUNCTION_WORDS:
            return False
        if lw in self.R.forms and i > 0 and self.low[i - 1] in (",", ":", "„", "“"):
            return False
        return True

    def mistagged_noun(self, i: int) -> bool:
        """A capitalized sentence-initial word the tagger took for an adverb: "Elshorst wies darauf
        hin", "Freizeitforscher bezweifeln" (a weak model's error). Known adverbs stay adverbs."""
        t = self.toks[i]
        if t.pos_ not in ("ADV", "ADJ") or not t.text[:1].isupper() or not t.text.isalpha() or len(t.text) < 4:
            return False
        if not self.sents:
            return False
        lw = self.low[i]
        if lw in self.R.not_speakers or lw in SKIPPABLE or lw in FUNCTION_WORDS or lw in NOT_NOUNS or lw in DETS \
                or lw in SUBORDINATORS or lw in WEEKDAYS or lw in self.R.forms:
            return False
        if i != self.sents[self.sent_of[i]][0]:
            # inside a sentence only nouns and names are capitalized
            return not (self.is_quote_mark(i - 1) or self.low[i - 1] in (":", "(", "–", "-", "…")
                        or self.toks[i - 1].is_space)
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        if nxt is None or nxt.pos_ not in ("VERB", "AUX"):
            return False
        return t.dep_ in ("nsubj", "sb") or lw.endswith(NOUN_SUFFIXES)

    def is_adjish(self, i: int) -> bool:
        t = self.toks[i]
        if self.has_pos and t.pos_:
            return t.pos_ in ("ADJ", "NUM") or (t.pos_ == "ADV" and t.text.endswith(("e", "en")))
        w = t.text
        if w[:1].isdigit():
            return True
        return (w.islower() and w.endswith(("e", "en", "er", "es", "em")) and
                w not in DETS and w not in self.R.forms and w not in self.R.not_speakers and
                w not in SUBORDINATORS and w not in PERSON_PRON)

    def is_konj(self, i: int) -> bool:
        t = self.toks[i]
        lw = self.low[i]
        if self.has_morph:
            m = t.morph
            if "Sub" in m.get("Mood") and ("Fin" in m.get("VerbForm") or not m.get("VerbForm")):
                if lw not in ("ich", "wir"):
                    return True
        if lw in self.R.konjunktiv:
            prev = self.low[i - 1] if i else ""
            if lw in ("habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "möge", "wisse",
                      "gebe", "gehe", "komme", "stehe", "liege", "bleibe", "brauche", "lasse",
                      "fehle", "gelte", "sehe", "halte", "mache", "trage", "plane", "arbeite",
                      "erwarte", "zähle", "heiße", "befinde", "bestehe") and prev == "ich":
                return False
            return True
        # a finite verb in -e that is no preterite (-te) and has no 1st person subject: "Vance äußere sich"
        if self.has_pos and (t.pos_ in ("VERB", "AUX") or t.tag_ in ("VVFIN", "VAFIN", "VMFIN")) \
                and lw.endswith("e") and not lw.endswith("te") \
                and t.text.islower() and lw not in NOT_KONJ_E \
                and ("Fin" in t.morph.get("VerbForm") or t.tag_ in ("VVFIN", "VAFIN", "VMFIN")) \
                and not any(self.low[k] in ("ich", "wir") for k in range(max(0, i - 3), min(len(self.low), i + 3))):
            return True
        # "er vertraue", "sie plane": 3rd person subject + verb in -e (no morphologizer needed)
        if lw.endswith("e") and lw.isalpha() and t.text.islower() and lw not in NOT_KONJ_E \
                and lw not in DETS and not (self.has_pos and t.pos_ in ("NOUN", "PROPN", "DET", "ADP", "ADV")):
            k = i - 1
            while k >= 0 and self.is_quote_mark(k):
                k -= 1
            if k >= 0 and self.low[k] in ("er", "es", "man") and (
                    k == 0 or self.low[k - 1] in (",", "und", "dass", "daß", ":") or self.is_quote_mark(k - 1)
                    or self.sent_of[k - 1] != self.sent_of[k]):
                return True
        return False

    def char_span(self, a: int, b: int) -> tuple[int, int]:
        return self.toks[a].idx, self.toks[b - 1].idx + len(self.toks[b - 1].text)

    # -- cue verbs
    def verb_hit(self, i: int, limit: int) -> Hit | None:
        """A speech/cognition verb at token i; a split particle must follow before ``limit``."""
        lw = self.low[i]
        entries = self.R.forms.get(lw)
        t = self.toks[i]
        if not entries and self.has_lemma and t.lemma_.lower() in self.R.lemmas and \
                (not self.has_pos or t.pos_ in ("VERB", "AUX")):
            lem = t.lemma_.lower()
            entries = [VerbEntry(lem, None, False, self.R.lemmas[lem])]
        if not entries:
            return None
        if self.has_pos and t.pos_ and t.pos_ not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "X", ""):
            return None
        if not t.text[:1].islower() and i > 0 and not self.low[i - 1] in (",", ":", "„", "“", "(", "–"):
            if self.sents and i != self.sents[self.sent_of[i]][0]:
                return None         # a capitalized word inside a sentence is a noun ("Sagen")
        best: Hit | None = None
        for e in entries:
            if e.split:
                ps = self._find_particle(i, e.particle, limit)
                if ps:
                    return Hit(i, ps, e)
            elif best is None:
                best = Hit(i, [], e)
        return best

    def _find_particle(self, i: int, particle: str, limit: int) -> list[int]:
        words = particle.split()
        k = i + 1
        while k < limit:
            lw = self.low[k]
            if lw in ("dass", "daß", "ob") or (lw in (":", ";") and k > i + 1):
                return []
            if self.in_quote[k] >= 0 and self.in_quote[k] != self.in_quote[i]:
                k += 1
                continue
            if self.low[k:k + len(words)] == words:
                e = k + len(words)
                nxt = self.low[e] if e < len(self.low) else "."
                tag = self.toks[k + len(words) - 1].tag_
                if tag == "PTKVZ" or nxt in CLAUSE_BREAK or nxt in ("und", "oder", "sowie") \
                        or nxt in QUOTE_CHARS or e >= limit:
                    return list(range(k, e))
            k += 1
        return []


# --------------------------------------------------------------------------- noun phrases

def grab_np(c: Ctx, k: int, limit: int, allow_oblique: bool = False, pp: bool = False,
            appos: bool = True) -> tuple[int, int] | None:
    """A noun phrase starting at token k (end exclusive), in the gold annotation's style:
    determiner, adjectives, nouns/names, genitive attributes, a von/aus-PP and an
    apposition with a name."""
    n = min(limit, len(c.toks))
    if k >= n:
        return None
    lw = c.low[k]
    if lw in PERSON_PRON or (lw == "sie" and k < n):
        return (k, k + 1)
    if lw in c.R.not_speakers and lw not in DETS:
        return None
    j = k
    if lw in DEMONSTRATIVES and (k + 1 >= n or not (c.is_nounish(k + 1) or c.is_adjish(k + 1))
                                 or c.is_punct(k + 1)):
        return (k, k + 1)                   # "Dieser behauptete …", "so letztere"
    if lw in DETS:
        if lw in NOMINATIVE_BLOCK and not allow_oblique:
            return None
        j += 1
    # quoted names: das „Wall Street Journal“
    if j < n and c.is_quote_mark(j) and c.in_quote[j] >= 0:
        qs, qe, q = c.quote_tok[c.in_quote[j]]
        if qe - qs <= 8 and qs == j:
            return (k, qe)
    if j == k and c.is_adjish(j) and not c.is_nounish(j) and k > 0 and not (
            c.low[k - 1] in FUNCTION_WORDS or c.low[k - 1] in CLAUSE_BREAK or c.is_quote_mark(k - 1)
            or c.low[k - 1] in c.R.preps_before or c.sent_of[k - 1] != c.sent_of[k]
            or (c.has_pos and c.toks[k - 1].pos_ in ("VERB", "AUX", "ADV"))):
        return None
    while j < n and c.is_adjish(j) and not c.is_nounish(j):
        j += 1
    h = j
    while j < n and c.is_nounish(j) and not c.is_punct(j):
        j += 1
    if j == h:
        return None
    end = _entity_end(c, j, n)
    if end < n and c.is_quote_mark(end) and c.in_quote[end] >= 0:      # Magazin „Der Spiegel“
        qs, qe, _ = c.quote_tok[c.in_quote[end]]
        if qs == end and qe - qs <= 8 and qe <= n:
            end = qe
    if _is_source_noun(c, end - 1) and end + 1 < n and c.is_adjish(end) and c.low[end].endswith("er") \
            and c.is_nounish(end + 1):
        m = end + 1
        while m < n and c.is_nounish(m) and not c.is_punct(m):
            m += 1
        end = m
    # genitive attributes and von-PPs: "der Sprecher des Ministeriums", "X von der Partei Y"
    for _ in range(4):
        if end + 2 < n and c.low[end] == "(":      # "die Weltgesundheitsorganisation ( WHO )"
            close = next((m for m in range(end + 1, min(n, end + 9)) if c.low[m] == ")"), None)
            if close is not None and close > end + 1 and not any(
                    c.has_pos and c.toks[m].pos_ in ("VERB", "AUX") for m in range(end + 1, close)):
                end = close + 1
                continue
            break
        if end + 1 < n and c.low[end] in GENITIVE_DETS | NP_PP and c.is_quote_mark(end + 1) \
                and c.in_quote[end + 1] >= 0:                  # einem Artikel der „New York Times“
            qs, qe, _ = c.quote_tok[c.in_quote[end + 1]]
            if qs == end + 1 and qe - qs <= 8 and qe <= n:
                end = qe
                continue
        if end + 1 < n and c.low[end].endswith("er") and c.is_adjish(end) and not c.is_nounish(end) \
                and c.is_nounish(end + 1) and not c.is_punct(end + 1) and c.toks[end].text.islower():
            end = _entity_end(c, end + 2, n)               # der Verband kommunaler Unternehmen
            continue
        if end + 1 < n and c.low[end] in ("in", "im") and end + 1 in c.ent_at and \
                c.ent_at[end + 1][2] in ("LOC", "GPE") and c.ent_at[end + 1][0] == end + 1:
            end = c.ent_at[end + 1][1]                       # das Kraftfahrt-Bundesamt in Flensburg
            continue
        if end < n and c.toks[end].like_num and c.low[end - 1] in MONTHS | {"jahr", "jahres"}:
            end += 1
            continue
        if end < n and c.low[end] in GENITIVE_DETS and end - 1 in c.ent_at and end - 1 > k \
                and c.low[k] not in GENITIVE_DETS | DETS:
            break                           # "Auskunft der NASA der überwiegende Teil": no genitive after a name
        if end + 1 < n and c.is_quote_mark(end) and c.in_quote[end] >= 0 and c.is_nounish(end - 1) \
                and c.toks[end + 1].text[:1].isupper() and end > k + 1:
            qs, qe, _ = c.quote_tok[c.in_quote[end]]
            if qs == end and qe - qs <= 7 and qe <= n:
                end = qe                    # "Angaben des Magazins „Der Spiegel“"
                continue
        if end + 1 < n and c.low[end] in ("vom", "von") and c.low[end + 1] in WEEKDAYS:
            break                           # "Angaben der Polizei vom Dienstag"
        if end < n and c.low[end] in GENITIVE_DETS | NP_PP:
            m = end + 1
            if c.low[end] in NP_PP and m < n and c.low[m] in DETS:
                m += 1
            while m < n and c.is_adjish(m) and not c.is_nounish(m):
                if c.toks[m].like_num:
                    break                   # "von 10.000 Menschen": a quantity, not a source
                m += 1
            m0 = m
            while m < n and c.is_nounish(m) and not c.is_punct(m):
                m += 1
            if m > m0 and not c.toks[m0 - 1].like_num:
                end = _entity_end(c, m, n)
                if end < n and c.toks[end].like_num and c.low[end - 1] in MONTHS | {"jahr", "jahres"}:
                    end += 1
                continue
        break
    # prepositional modifier before the verb: "Ein Regierungssprecher in Berlin sagte"
    if pp and end < n and c.low[end] in ("in", "im", "aus", "bei", "beim", "von", "vom", "für"):
        m = end + 1
        if m < n and c.low[m] in DETS:
            m += 1
        while m < n and c.is_adjish(m) and not c.is_nounish(m):
            m += 1
        m0 = m
        while m < n and c.is_nounish(m) and not c.is_punct(m):
            m += 1
        if m > m0 and (m == limit or (m < n and c.low[m] in (",", ".", ":", ";"))):
            end = m
    # apposition: "Der Leiter der Studie, Paulo Pinheiro," / "Kurt Volker, Nato-Botschafter in X:"
    if appos and end + 1 < n and c.low[end] == "," and (c.toks[end + 1].text[:1].isupper()
                                                        or c.low[end + 1] in DETS):
        ap = grab_np(c, end + 1, limit, pp=pp, appos=False, allow_oblique=allow_oblique)
        if ap and ap[1] - ap[0] <= 12 and (ap[1] >= n or c.low[ap[1]] in (",", ":", ".", ";")) \
                and (c.low[ap[0]] not in REL_PRONOUNS - {"die", "der", "das"} or (allow_oblique and ap[1] - ap[0] >= 2)) \
                and not (c.low[ap[0]] in REL_PRONOUNS and ap[1] - ap[0] == 1):
            end = ap[1]
    return (k, end)


MONTHS = {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "dezember"}


def _entity_end(c: Ctx, j: int, n: int) -> int:
    """Extend a noun run ending at j over the rest of a named entity: „Ärzte ohne Grenzen“."""
    if j - 1 in c.ent_at:
        e = c.ent_at[j - 1][1]
        if j < e <= n and e - j <= 4:
            return e
    return j


def np_before(c: Ctx, i: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before token i (its start is at or after lo)."""
    best = None
    for k in range(max(lo, i - 14), i):
        if k > lo and not (c.low[k - 1] in CLAUSE_BREAK or c.low[k - 1] in SKIPPABLE or
                           c.low[k - 1] in ("und", "auch", "doch", "aber", "so") or
                           c.is_quote_mark(k - 1)):
            continue
        np_ = grab_np(c, k, i, pp=True)
        if np_ and np_[1] == i:
            best = np_
            break
    return best


def subject_after(c: Ctx, i: int, limit: int) -> tuple[int, int] | None:
    """Subject right after a (fronted) verb: "sagte er", "betonte Trump", "erklärt der Experte X"."""
    k = i + 1
    skipped = 0
    while k < limit and skipped < 4:
        lw = c.low[k]
        if lw in PERSON_PRON or lw == "sie":
            return (k, k + 1)
        np_ = grab_np(c, k, limit, pp=True)
        if np_:
            # "am Donnerstag" style fillers are not subjects
            if c.low[np_[0]] in WEEKDAYS:
                return None
            return np_
        if lw in SKIPPABLE or lw in WEEKDAYS or (c.toks[k].pos_ == "ADV" if c.has_pos else False) \
                or (lw == "es" and k == i + 1):     # "hält es der Präsident für möglich, dass"
            k += 1
            skipped += 1
            continue
        return None
    return None


def subject_dep(c: Ctx, i: int) -> tuple[int, int] | None:
    t = c.toks[i]
    if not c.sents:
        return None
    heads = [t]
    if t.dep_ in ("oc", "xcomp") or (t.head.pos_ == "AUX" and t.head != t):
        heads.append(t.head)
    sa, sb = c.sents[c.sent_of[i]]
    for h in heads:
        for ch in h.children:
            if ch.dep_ in ("sb", "nsubj", "nsubj:pass"):
                if ch.left_edge.i > 0 and c.toks[ch.left_edge.i - 1].pos_ == "ADP" \
                        or c.toks[ch.left_edge.i].pos_ == "ADP":
                    return None      # "in einer Videobotschaft": inside a prepositional phrase
                a = ch.left_edge.i
                if a < sa or ch.right_edge.i >= sb or any(c.toks[x].is_space or "\n" in c.toks[x].text
                                                         for x in range(a, ch.right_edge.i + 1)):
                    return None          # a parse across sentences is not trusted
                np_ = grab_np(c, a, len(c.toks)) if c.low[a] not in NOMINATIVE_BLOCK else None
                if np_ and np_[0] <= ch.i < np_[1]:
                    e = ch.right_edge.i + 1
                    if e > np_[1] and np_[0] == a and e - a <= 25 and (e <= i or a > i) and not any(
                            c.toks[x].pos_ in ("VERB", "AUX") or c.in_quote[x] >= 0 or c.low[x] in (";", ":")
                            for x in range(np_[1], e)) and _np_modifier(c, np_[1], e):
                        return (a, e)       # the parse's subtree: "Ein Regierungssprecher in Berlin"
                    return np_
                return (ch.i, ch.i + 1) if ch.pos_ == "PRON" else (a, ch.right_edge.i + 1)
    return None


SUBTREE_PREPS = {"in", "im", "aus", "von", "vom", "für", "der", "des", ",", "(", "und", "sowie", "/", "de", "del", "di", "da", "du", "la", "le", "of", "van"}
CIRCUMSTANTIAL_DETS = {"einem", "einer", "seinem", "seiner", "ihrem", "ihrer"}


def _np_modifier(c: Ctx, a: int, e: int) -> bool:
    """Whether the parse subtree's tokens [a, e) after a speaker NP still belong to it ("in Berlin",
    "vom Sekretariat für …") and are no circumstance of the speech act ("gegenüber der BBC",
    "in einem Interview", "aus heiterem Himmel", "vom Dienstag")."""
    if a in c.ent_at and c.ent_at[a][0] < a:
        return True                     # the rest of a name: "des Front de gauche"
    if c.low[a] == "zu" and a + 1 < e and c.toks[a + 1].text[:1].isupper() and c.low[a + 1] not in DETS:
        return True                     # "Der Doktorvater zu Guttenbergs"
    if c.low[a] not in SUBTREE_PREPS:
        return False
    if a + 1 < e and c.low[a] in ("in", "aus") and (c.low[a + 1] in CIRCUMSTANTIAL_DETS or (
            c.is_adjish(a + 1) and not c.is_nounish(a + 1))):
        return False
    return not any(c.low[x] in WEEKDAYS or c.low[x] == "gegenüber" for x in range(a, e))


ADVERB_ENDINGS = ("end", "gemäß", "weise")        # "Relativierend", "Sinngemäß", "Bezeichnenderweise"


def _bad_speaker(c: Ctx, sp: tuple[int, int]) -> bool:
    """'es', 'das', 'man' alone are no speakers; 'das Gericht' is one."""
    w = c.low[sp[0]]
    if sp[1] - sp[0] == 1 and c.has_pos and c.toks[sp[0]].pos_ in ("ADV", "ADP", "CCONJ", "SCONJ", "PART") \
            and sp[0] not in c.ent_at and not c.mistagged_noun(sp[0]):
        return True                      # "Ebenso", "Dagegen" parsed as subjects
    if sp[0] not in c.ent_at and (w in SKIPPABLE or w in ("als", "wie") or (sp[1] - sp[0] == 1 and (
            w.endswith(ADVERB_ENDINGS) or
            w in c.R.source_adverbs or w in c.R.context_source_adverbs))):
        return True                      # "Demnach", "Gegenüber Spiegel Online": an adverb, an addressee
    return w in c.R.not_speakers and (sp[1] - sp[0] == 1 or w not in DETS)


def find_subject(c: Ctx, h: Hit, lo: int, hi: int) -> tuple[int, int] | None:
    """Speaker of a verb cue within the clause [lo, hi); a subject with an apposition or a
    relative clause ends right before the clause ("Papier, Präsident des Gerichts, sagte").
    A relative pronoun stands for its antecedent ("vom Fahrgastverband IGEB, der … sieht")."""
    s = _find_subject(c, h, lo, hi)
    if REL_ANTECEDENT and s is not None and s[1] - s[0] == 1 and c.low[s[0]] in ("der", "die", "das", "welcher", "welche") \
            and s[0] > 0 and c.low[s[0] - 1] == ",":
        sa = c.sents[c.sent_of[s[0]]][0]
        ante = np_before(c, s[0] - 1, sa)
        if ante is None:
            for k in range(max(sa, s[0] - 12), s[0] - 1):
                np_ = grab_np(c, k, s[0] - 1, allow_oblique=True)
                if np_ and np_[1] == s[0] - 1:
                    ante = np_
                    break
        if ante is not None:
            return ante
    if s is None:
        first = h.aux[0] if h.aux and h.aux[0] < h.i else h.i
        if first == lo:
            s = _subject_before_comma(c, lo)
        if s is None and SENT_START_SUBJECT:
            s = _sentence_start_subject(c, first)
    return s


SENT_START_SUBJECT = True
MODALS = {"muss", "musste", "mussten", "müsse", "kann", "konnte", "könne", "will", "wollte", "wolle", "soll",
          "sollte", "darf", "durfte", "möchte", "mochte", "wird", "würde"}
LATER_VERB_FRAMES = True


def _sentence_start_subject(c: Ctx, first: int) -> tuple[int, int] | None:
    """A named subject at the sentence start, separated from its verb only by an apposition, a
    parenthesis or a relative clause: "Brian Baptie von der Erdbebenwarte, die …, sagte, dass …",
    "Wie die Mitarbeiterin seines Büros, Arminda Thomas, mitteilte, …" (when the parse failed)."""
    sa = c.sents[c.sent_of[first]][0]
    k = sa
    if k < first and c.low[k] in ("wie", "und", "auch", "doch", "aber"):
        k += 1
    if k >= first or c.in_quote[k] >= 0:
        return None
    np_ = grab_np(c, k, first, pp=True)
    if np_ is None or _bad_speaker(c, np_) or not (_has_actor(c, np_) or any(
            c.toks[t].text in c.R.role_heads or c.low[t].endswith(ROLE_SUFFIXES) for t in range(*np_))):
        return None
    e = np_[1]
    if e == first:
        return np_
    if c.low[e] not in (",", "(") or c.low[first - 1] not in (",", ")"):
        return None
    if any(c.low[t] in (".", ":", ";") or c.in_quote[t] >= 0 or c.verb_hit(t, first) is not None
           for t in range(e, first)):
        return None
    return np_


ROLE_SUFFIXES = ("sprecher", "sprecherin", "minister", "ministerin", "präsident", "präsidentin", "chef", "chefin",
                 "berater", "beraterin", "leiter", "leiterin", "vorsitzende", "vorsitzender", "experte", "expertin")


def _subject_before_comma(c: Ctx, lo: int) -> tuple[int, int] | None:
    if lo < 2 or c.low[lo - 1] != ",":
        return None
    sa = c.sents[c.sent_of[lo]][0]
    starts = [p for p in range(sa, lo - 1) if p == sa or c.low[p - 1] in (".", ":", ";", "!", "?")
              or (c.is_quote_mark(p - 1) and c.in_quote[p - 1] >= 0 and c.quote_tok[c.in_quote[p - 1]][1] == p)]
    for k in reversed(starts):
        while k < lo - 1 and (c.low[k] in ("wie", "aber", "und", "auch", "doch", "so") or c.is_quote_mark(k)):
            k += 1
        if k >= lo - 1 or c.in_quote[k] >= 0:
            continue
        np_ = grab_np(c, k, lo - 1, pp=True)
        if np_ is None or _bad_speaker(c, np_):
            continue
        if np_[1] == lo - 1:
            return np_                                    # NP, apposition,
        e = np_[1]
        if e < lo - 2 and c.low[e] == "," and c.low[e + 1] in REL_PRONOUNS | {"welche", "welcher"} \
                and not any(c.low[t] == "," for t in range(e + 1, lo - 1)):
            return np_                                    # NP, relative clause,
    return None


def _has_actor(c: Ctx, sp: tuple[int, int]) -> bool:
    a, b = c.char_span(*sp)
    return any(ms < b and me > a and actor.actor_type in ("person", "organization")
               for ms, me, m, actor in c.mentions)


def _find_subject(c: Ctx, h: Hit, lo: int, hi: int) -> tuple[int, int] | None:
    first = h.aux[0] if h.aux and h.aux[0] < h.i else h.i
    if first > lo and first + 1 < hi and c.low[first + 1] in ("er", "ich", "wir"):
        return (first + 1, first + 2)      # "Die Bürger forderte er auf": a pronoun after the verb
    for m in range(first - 1, max(lo, first - 10) - 1, -1):
        if c.low[m] in CLAUSE_BREAK or c.in_quote[m] >= 0:
            break
        if c.low[m] in MODALS and m > lo and m + 1 < first and c.low[m + 1] in ("er", "ich", "wir"):
            return (m + 1, m + 2)          # "Auf Nachfrage musste er betonen, dass …"
    if c.has_dep:
        s = subject_dep(c, h.i)
        if s and not _bad_speaker(c, s):
            first = h.aux[0] if h.aux and h.aux[0] < h.i else h.i
            if s[0] > first and not (s[1] - s[0] == 1 and c.low[s[0]] in PERSON_PRON | {"sie"}) \
                    and not _has_actor(c, s):
                # V2 order: a name before the verb is the subject, not the object after it
                # ("Jens Wieseke fordert freie Sicht")
                before = np_before(c, first, lo)
                if before and before[0] == lo and _has_actor(c, before):
                    return before
            return s
    i = h.i
    first = h.aux[0] if h.aux and h.aux[0] < i else i
    last = max([i, *h.particle, *h.aux])
    final = last + 1 >= hi or c.low[last + 1] in CLAUSE_BREAK or c.is_quote_mark(last + 1)
    # subordinate clause: "wie Trump erklärte", "nachdem sie berichtet hatte"
    for k in range(first - 1, max(lo, first - 12) - 1, -1) if final else ():
        if c.low[k] in SUBORDINATORS and c.low[k] not in ("dass", "ob"):
            np_ = grab_np(c, k + 1, first)
            if np_:
                return np_
            break
        if c.low[k] in CLAUSE_BREAK:
            break
    if first > lo:
        after = subject_after(c, first, hi)
        before = np_before(c, first, lo)
        if before is not None and _bad_speaker(c, before):
            before = None                  # "Demnach erwartet Russland", "Gegenüber der AP sagte X"
        if before and (before[0] == lo or c.low[before[0] - 1] in CLAUSE_BREAK | {"und", "auch", "doch", "aber", "so"}
                       or c.is_quote_mark(before[0] - 1)):
            if not after or c.low[after[0]] not in PERSON_PRON | {"sie"}:
                if before[0] == lo or c.low[before[0] - 1] in ("und", "auch", "doch", "aber"):
                    return before
        if after:
            return after
        return before
    return subject_after(c, first, hi)


# --------------------------------------------------------------------------- speaker resolution

def resolve_speaker(c: Ctx, sp: tuple[int, int] | None, prev: list[Found]) -> str | None:
    if sp is None:
        return None
    a, b = c.char_span(*sp)
    best, best_ov = None, 0
    for ms, me, m, actor in c.mentions:
        ov = min(b, me) - max(a, ms)
        if ov <= 0:
            continue
        ov += 10_000 if actor.actor_type == "person" else 0      # a person named in the NP is the speaker
        if ov > best_ov:
            best, best_ov = actor, ov
    if best is not None:
        return best.key
    head = c.low[sp[1] - 1]
    first = c.low[sp[0]]
    if sp[1] - sp[0] == 1 and first in c.R.pronouns:
        types = c.R.pronouns[first]
        return _nearest_actor(c, sp[0], types, prev)
    if any(c.toks[t].text in c.R.role_heads or c.toks[t].text.endswith(tuple(
            r.lower() for r in ("sprecher", "minister", "präsident", "chef", "berater")))
           for t in range(sp[0], sp[1])):
        return _nearest_actor(c, sp[0], ("person",), prev, role=True)
    return None


def _nearest_actor(c: Ctx, i: int, types: Iterable[str], prev: list[Found], role: bool = False) -> str | None:
    types = set(types)
    if not types:
        return None
    pos = c.toks[i].idx
    s_i = c.sent_of[i]
    # the speaker of a recent claim wins
    for f in reversed(prev):
        if f.speaker_key and s_i - f.sent <= 2 and not role:
            actor = next((a for a in c.actors if a.key == f.speaker_key), None)
            if actor and actor.actor_type in types:
                return actor.key
    best, best_score = None, None
    lo_char = c.toks[c.sents[max(0, s_i - 3)][0]].idx if c.sents else 0
    for ms, me, m, actor in c.mentions:
        if me > pos or ms < lo_char or actor.actor_type not in types:
            continue
        text = c.text[ms:me]
        m_sent = c.sent_of[c.doc.char_span(ms, me, alignment_mode="expand").start] \
            if c.doc.char_span(ms, me, alignment_mode="expand") is not None else s_i
        score = (s_i - m_sent) * 1000 + (pos - ms)
        tok = c.doc.char_span(ms, me, alignment_mode="expand")
        if tok is not None:
            nxt = c.toks[tok.end] if tok.end < len(c.toks) else None
            # prenominal genitive ("Trumps Ukraine-Taskforce") is not a subject
            if text.endswith("s") and nxt is not None and nxt.text[:1].isupper() and not nxt.is_punct:
                score += 10_000
            st = c.sents[c.sent_of[tok.start]][0]
            if c.in_quote[tok.start] >= 0:
                score += 5_000                   # a name inside quotation marks is rarely the referent
            if tok.start - st <= 1 or (tok.start > st and c.low[tok.start - 1] in DETS):
                score -= 150
        if best_score is None or score < best_score:
            best, best_score = actor, score
    return best.key if best else None


# --------------------------------------------------------------------------- extraction

def claims(doc: Doc, rules: RuleSet, actors: list[Actor]) -> list[Claim]:
    R: SpeechRules = rules["speech"]
    if len(doc) == 0:
        return []
    c = Ctx(doc, R, actors)
    found: list[Found] = []
    covered: set[int] = set()          # quote indices already claimed
    prev_by_sent: dict[int, list[Found]] = {}
    for si, (a, b) in enumerate(c.sents):
        local = _sentence_claims(c, si, a, b, found, covered)
        if not local:
            local = _continuation(c, si, a, b, found, covered)
        for f in local:
            if f.speaker_key is None:
                f.speaker_key = resolve_speaker(c, f.speaker, found)
            found.append(f)
        prev_by_sent[si] = local
    _nested_quotes(c, found, covered)
    return _to_records(c, found)


def _sentence_claims(c: Ctx, si: int, a: int, b: int, found: list[Found], covered: set[int]) -> list[Found]:
    out: list[Found] = []
    used: set[int] = set()
    # 1. direct quotes that start in this sentence
    for qi, (qs, qe, q) in enumerate(c.quote_tok):
        if q.depth != 0 or not (a <= qs < b) or qi in covered:
            continue
        f = _attribute_quote(c, qi, qs, qe, si, found + out, used)
        if f:
            covered.add(qi)
            out.append(f)
    # sentence tokens outside claimed quotes
    # 2. prepositional sources: laut X, nach Angaben X, X zufolge, gemäß X
    out.extend(_source_preps(c, si, a, b, used))
    # 2b. "Das bestätigte X." / "Dies sagte X am Montag.": the frame of the previous sentence
    if si > 0 and b - a >= 3 and c.low[a] in ANAPHORIC_FRAMES and c.in_quote[a] < 0:
        f = _anaphoric_frame(c, si, a, b, found, used)
        if f is not None:
            out.append(f)
    # 3. verb cues
    for i in range(a, b):
        if (i in used and i not in c.inverted_ok) or c.in_quote[i] >= 0:
            continue
        h = c.verb_hit(i, b)
        if h is None:
            continue
        f = _verb_claim(c, h, si, a, b, used, out, only_inverted=i in c.inverted_ok)
        if f:
            out.append(f)
    # 4. ", so X" after a clause
    for i in range(a + 1, b - 1):
        if i in used or c.in_quote[i] >= 0 or c.low[i] != R_SO(c) or c.low[i - 1] != ",":
            continue
        sp = grab_np(c, i + 1, b)
        if sp is None or _bad_speaker(c, sp):
            continue
        if sp[1] < b and c.low[sp[1]] not in (",", ".", "!", "?", ";") and c.low[sp[1]] not in SKIPPABLE \
                and c.low[sp[1]] not in ("in", "im", "gegenüber", "bei", "am", "auf", "zu", "zur", "zum", "weiter"):
            ce = _clause_end(c, sp[1], b)
            if ce - sp[1] > 15 or not c.has_pos or any(c.toks[t].pos_ in ("VERB", "AUX") and c.in_quote[t] < 0
                                                       for t in range(sp[1], ce)):
                continue
            sp = (sp[0], ce)          # ", so das Ergebnis einer Studie mit dem Titel „…“ der Stiftung X."
        if any(f.msg and f.msg[0] <= i < f.msg[1] and f.ctype == "direct" for f in out):
            continue
        msg = _msg_around(c, a, b, i - 1, _clause_end(c, sp[1], b))
        used.update(range(i, sp[1]))
        out.append(Found(msg, None, sp, [i], "indirect", "so_marker", si))
    # 3b. noun cues before a dass-clause: "X ist der Meinung, dass …", "die Forderung der CDU, dass …"
    for k in range(a + 1, b - 1):
        if c.low[k] != "," or c.low[k + 1] not in ("dass", "daß") or c.in_quote[k] >= 0 or k in used:
            continue
        if any(f.msg and f.msg[0] <= k + 1 < f.msg[1] for f in out):
            continue
        f = _noun_cue(c, si, a, b, k, used)
        if f is not None:
            out.append(f)
    # 4b. "X, wonach …": a source noun phrase followed by a relative clause with the claim
    for i in range(a + 2, b - 2):
        if i in used or c.in_quote[i] >= 0 or c.low[i] != "wonach" or c.low[i - 1] != ",":
            continue
        sp = None
        for k in range(max(a, i - 15), i - 1):
            np_ = grab_np(c, k, i - 1, allow_oblique=True)
            if np_ and np_[1] == i - 1:
                sp = np_
                break
        end = _strip_end(c, i + 1, _next_comma_clause(c, i + 1, b))
        if end > i + 2:
            used.add(i)
            out.append(Found((i + 1, end), None, sp, [i], "indirect", "wonach", si))
    # 5. "heißt es (in X)"
    for i in range(a, b - 1):
        if i in used or c.in_quote[i] >= 0 or c.low[i] not in c.R.impersonal or c.low[i + 1] != "es":
            continue
        if any(f.msg and f.msg[0] <= i < f.msg[1] and f.ctype == "direct" for f in out):
            continue
        cue = [i, i + 1]
        sp = None
        k = i + 2
        while k < b and (c.low[k] in SKIPPABLE or c.low[k] in ("dazu", "darin", "weiter")):
            k += 1
        if k < b and c.low[k] in c.R.impersonal_preps:
            sp = grab_np(c, k + 1, b, allow_oblique=True)
            sp = (k, sp[1]) if sp else None
        used.update(range(i, (sp[1] if sp else i + 2)))
        end = sp[1] if sp else i + 2
        if i > a and c.low[i - 1] == ",":
            msg = _msg_around(c, a, b, i - 1, _clause_end(c, end, b))
        else:
            m0 = end
            while m0 < b and c.low[m0] in (",", ":"):
                m0 += 1
            msg = (m0, _strip_end(c, m0, b)) if m0 < b else None
        if msg and msg[1] > msg[0]:
            out.append(Found(msg, None, sp, cue, "reported", "heisst_es", si))
    # 6. "Demnach …" / "Danach …": an anaphoric source. As in the annotation, the adverb is the
    #    speaker mention (like a pronoun); it resolves to the latest claim's speaker.
    if not out:
        last = found[-1] if found else None
        recent = last is not None and si - last.sent <= 2
        for i in range(a, min(b, a + 6)):
            lw = c.low[i]
            if c.in_quote[i] >= 0 or i in used:
                continue
            if lw in c.R.source_adverbs or (lw in c.R.context_source_adverbs and i == a and (
                    recent or _has_source_noun(c, si - 1))):
                m0 = i + 1 if i == a else a
                while m0 < b and c.low[m0] == ",":
                    m0 += 1
                end = _strip_end(c, m0, b)
                if end > m0:
                    out.append(Found((m0, end), None, (i, i + 1), [i], "indirect", "source_adverb", si,
                                     speaker_key=last.speaker_key if recent else None))
                break
    return out


def _has_source_noun(c: Ctx, si: int) -> bool:
    if si < 0:
        return False
    sa, sb = c.sents[si]
    return any(_is_source_noun(c, t) for t in range(sa, sb))


def R_SO(c: Ctx) -> str:
    return c.R.so_marker


def _strip_end(c: Ctx, a: int, b: int) -> int:
    """End of [a, b) without trailing sentence punctuation."""
    while b > a and c.low[b - 1] in (".", "!", "?", ";", ",", ":") and c.in_quote[b - 1] < 0:
        b -= 1
    return b


def _clause_end(c: Ctx, k: int, b: int) -> int:
    """After a parenthetical frame ending at k: the frame ends the sentence or is
    followed by a comma and the rest of the message."""
    while k < b and c.low[k] not in (",", ".", "!", "?", ";", ":"):
        k += 1
    return k


def _msg_around(c: Ctx, a: int, b: int, frame_start: int, frame_end: int) -> tuple[int, int]:
    """Message of an inverted frame (", sagte X" / ", so X") at [frame_start, frame_end)."""
    if frame_end < b and c.low[frame_end] == "," and _strip_end(c, frame_end + 1, b) > frame_end + 1 \
            and not any(c.low[t] == ":" or c.in_quote[t] >= 0 for t in range(frame_end + 1, b)):
        return (a, _strip_end(c, a, b))          # parenthetical: whole sentence
    return (a, frame_start)


def _attribute_quote(c: Ctx, qi: int, qs: int, qe: int, si: int, prev: list[Found], used: set[int]) -> Found | None:
    n = len(c.toks)
    ntok = qe - qs - 2
    sa, sb = c.sents[si]
    sb_end = c.sents[c.sent_of[qe - 1]][1]          # the sentence where the quote ends
    # a. after: „…“, sagte X / „…“, so X / „…“, wie X sagte / „…“, heißt es
    k = qe
    if k < n and c.low[k] in (",", "–"):
        k += 1
    if k < sb_end and k != qe or (k < sb_end and c.toks[k].text[:1].islower()):
        lw = c.low[k]
        if lw == c.R.so_marker:
            sp = grab_np(c, k + 1, sb_end)
            if sp and not _bad_speaker(c, sp):
                if qs == sa or c.low[qs - 1] in (":",) or c.is_quote_mark(qs - 1):
                    used.update(range(k, sp[1]))   # else ", so X" frames the whole sentence too
                return Found((qs, qe), None, sp, [k], "direct", "quote_so", si)
            if k + 1 < sb_end and c.low[k + 1] in c.R.impersonal:
                used.update(range(k, k + 3))
                return Found((qs, qe), None, None, [k + 1, k + 2], "direct", "quote_heisst_es", si)
        if lw in c.R.impersonal and k + 1 < sb_end and c.low[k + 1] == "es":
            cue = [k, k + 1]
            sp = None
            if k + 2 < sb_end and c.low[k + 2] in c.R.impersonal_preps:
                sp = grab_np(c, k + 3, sb_end, allow_oblique=True)
                sp = (k + 2, sp[1]) if sp else None
            used.update(range(k, sp[1] if sp else k + 2))
            return Found((qs, qe), None, sp, cue, "direct", "quote_heisst_es", si)
        h = None
        kk = k
        if lw == "wie":
            # „…“, wie Trump erklärte / wie er einmal sagte
            for m in range(k + 1, min(sb_end, k + 12)):
                if c.low[m] in CLAUSE_BREAK:
                    break
                h = c.verb_hit(m, sb_end)
                if h:
                    break
            if h:
                _attach_aux(c, h, sb_end)
                sp = find_subject(c, h, k, sb_end)
                cue = sorted({k, h.i, *h.particle, *h.aux})
                used.update(range(k, max(cue) + 1))
                return Found((qs, qe), None, sp, cue, "direct", "quote_wie", si)
        if lw in c.R.auxiliaries and k + 1 < sb_end:
            kk = k
        for m in (k, k + 1) if lw in c.R.auxiliaries else (k,):
            if m < sb_end:
                h = c.verb_hit(m, sb_end)
                if h and ("speech" in h.classes or "cognition" in h.classes):
                    break
                h = None
        if h is None and lw in c.R.auxiliaries:
            # „…“, hatte er gesagt
            for m in range(k + 1, min(sb_end, k + 6)):
                if c.low[m] in CLAUSE_BREAK:
                    break
                hh = c.verb_hit(m, sb_end)
                if hh and hh.entry.participle:
                    hh.aux = [k]
                    sp = subject_after(c, k, sb_end)
                    cue = sorted({k, hh.i, *hh.particle})
                    used.update(range(k, max(cue) + 1))
                    return Found((qs, qe), None, sp, cue, "direct", "quote_after", si)
        if h is not None:
            _attach_aux(c, h, sb_end)
            sp = subject_dep(c, h.i) if c.has_dep else None
            if sp is None or _bad_speaker(c, sp) or c.is_punct(sp[0]) or c.in_quote[sp[0]] >= 0 \
                    or _crosses_quote(c, *sp):
                sp = subject_after(c, max([h.i] + [x for x in h.aux if x > h.i]), sb_end)
            if k == qe and not (c.low[qe - 2] in ("?", "!") and c.toks[k].text[:1].islower() and sp):
                h = None                # „Wozu …?“ fragen sich Experten
        if h is not None:
            cue = sorted({h.i, *h.particle, *h.aux})
            used.update(range(k, max(cue) + 1))
            if sp:
                used.update(range(sp[0], sp[1]))
            return Found((qs, qe), None, sp, cue, "direct", "quote_after", si)
    # b. before: X sagte: „…“  /  X sagte, „…“  /  previous sentence ends with ':'
    lo = sa
    frame_end = qs
    if qs == sa and si > 0 and c.low[qs - 1] == ":":
        lo, frame_end = c.sents[si - 1][0], qs - 1
    elif qs > sa and c.low[qs - 1] not in (":", ","):
        frame_end = None
    elif qe < sb_end and c.low[qe] not in CLAUSE_BREAK and not c.is_quote_mark(qe) and c.low[qs - 1] == ",":
        frame_end = None            # the quote opens a longer clause: a partial quote in indirect speech
    if frame_end is not None and frame_end > lo:
        for i in range(frame_end - 1, lo - 1, -1):
            if c.in_quote[i] >= 0 or i in used:
                continue
            h = c.verb_hit(i, frame_end)
            if h and ("speech" in h.classes or "cognition" in h.classes):
                _attach_aux(c, h, frame_end)
                clause_lo = _clause_start(c, h.i, lo)
                sp = find_subject(c, h, clause_lo, frame_end)
                if sp is None and h.i > lo and c.low[h.i - 1] in ("und", "sowie"):
                    sp = _coordinated_subject(c, lo, h.i - 1)      # "Er sagte, … und fügte hinzu: „…“"
                if sp is None:
                    continue
                cue = sorted({h.i, *h.particle, *h.aux, *_frame_words(c, max([h.i, *h.particle, *h.aux]) + 1,
                                                                        frame_end)})
                used.update(cue)
                c.inverted_ok.add(h.i)
                return Found((qs, qe), None, sp, cue, "direct", "quote_before", si)
        if c.low[qs - 1] == ":":
            f = _colon_frame(c, lo, qs - 1 if frame_end == qs else frame_end, qs, qe, si, used)
            if f is not None:
                return f
    # c. the quote lies inside a later indirect frame or continues a speaker: handled later
    if ntok >= 4 and _quote_is_sentence(c, qs, qe):
        # a standalone quotation continues the speaker of the previous claim
        for f in reversed(prev):
            if si - f.sent <= 2 and f.speaker is not None:
                return Found((qs, qe), None, _latest_mention(c, f, qs), list(f.cue), "direct", "quote_continued", si,
                             speaker_key=f.speaker_key)
            break
        if ntok >= 6:
            # the next sentence may name the speaker: „…“ Das sagte X.
            sp = _prev_subject(c, si) if qs == sa else None
            if sp is not None and not _person_actor(c, sp):
                sp = None               # "Sadiq Khan … verurteilte die Haltung der Regierung. „…“"
            return Found((qs, qe), None, sp, [], "direct", "quote_unattributed", si)
    return None


def _colon_frame(c: Ctx, lo: int, e: int, qs: int, qe: int, si: int, used: set[int]) -> Found | None:
    """A frame ending in a colon without a known speech verb: "In dem Antrag heißt es wörtlich: „…“",
    "Das Fazit des Berichts lautete: „…“". The frame's subject (or the in-phrase of 'heißt es')
    is the speaker."""
    for i in range(lo, e - 1):
        if c.low[i] in c.R.impersonal and c.low[i + 1] == "es" and c.in_quote[i] < 0:
            sp = None
            for k in range(lo, e - 1):
                if c.low[k] in c.R.impersonal_preps and k not in (i, i + 1):
                    sp = grab_np(c, k + 1, e, allow_oblique=True)
                    if sp:
                        break
            used.update((i, i + 1))
            return Found((qs, qe), None, sp, [i, i + 1], "direct", "quote_heisst_es", si)
    heads = [t for t in range(lo, e) if c.toks[t].dep_ == "ROOT" and c.in_quote[t] < 0] if c.has_dep else []
    heads += [t for t in range(lo, e) if c.toks[t].pos_ in ("VERB", "AUX") and c.in_quote[t] < 0] \
        if c.has_dep else []
    for root in heads:
        sp = subject_dep(c, root)
        if sp is not None and not _bad_speaker(c, sp) and c.in_quote[sp[0]] < 0 and lo <= sp[0] < e:
            return Found((qs, qe), None, sp, [], "direct", "quote_colon", si)
    k = lo
    while k < e and (c.low[k] in SKIPPABLE or c.is_punct(k)):
        k += 1
    sp = grab_np(c, k, e, pp=True) if k < e else None
    if sp is not None and (_has_actor(c, sp) or sp[1] == e):
        return Found((qs, qe), None, sp, [], "direct", "quote_colon", si)      # "Nina Hagen zur Heimat:"
    return None


def _quote_is_sentence(c: Ctx, qs: int, qe: int) -> bool:
    sa = c.sents[c.sent_of[qs]][0]
    starts = qs == sa or c.low[qs - 1] in (":",) or (qs - 1 >= 0 and c.is_punct(qs - 1) and c.low[qs - 1] in PUNCT_END)
    inner_end = c.low[qe - 2] in PUNCT_END
    nxt = c.low[qe] if qe < len(c.toks) else "."
    return starts and (inner_end or nxt in PUNCT_END)


def _attach_aux(c: Ctx, h: Hit, limit: int) -> None:
    """'hatte gesagt' / 'gesagt hatte' / 'hat angekündigt': the auxiliary joins the cue;
    so do 'sich' right after the verb and a pronominal adverb right before the particle."""
    if h.i + 1 < limit and c.low[h.i + 1] == "sich":
        h.particle = sorted({*h.particle, h.i + 1})
    for p in list(h.particle):
        if p > h.i + 1 and c.low[p - 1] in PRON_ADVERBS:
            h.particle = sorted({*h.particle, p - 1})
    if h.particle and not h.entry.split and h.i > 0 and c.low[h.i - 1] in PRON_ADVERBS:
        pass
    if not h.entry.participle:
        return
    j = h.particle[-1] + 1 if h.particle else h.i + 1
    if j < limit and c.low[j] in c.R.auxiliaries:
        h.aux = [j]
        return
    for k in range(h.i - 1, max(-1, h.i - 12), -1):
        if c.in_quote[k] >= 0 and c.in_quote[k] != c.in_quote[h.i]:
            continue
        if c.low[k] in CLAUSE_BREAK:
            break
        if c.low[k] in c.R.auxiliaries:
            h.aux = [k]
            return


SPEECH_ACTS = True      # speech acts with an object ("schloss ... aus") become reported claims
KONJ2 = {"hätte", "hätten", "wäre", "wären", "würde", "würden", "könnte", "könnten", "müsste", "müssten",
         "dürfte", "dürften", "sollte", "sollten", "wollte", "wollten", "gäbe", "käme", "ginge", "bräuchte"}
PRON_ADVERBS = {"davon", "darauf", "dafür", "daran", "darüber", "damit", "dazu", "dagegen", "darum", "daraus"}
PASSIVE_AUX = {"wurde", "wurden", "wird", "werden", "worden"}


def _passive(c: Ctx, h: Hit) -> bool:
    return h.entry.participle and any(c.low[k] in PASSIVE_AUX for k in h.aux)


def _passive_agent(c: Ctx, lo: int, hi: int) -> tuple[int, int] | None:
    """The source of a passive cue: "von den Parlamentariern wird … gesehen", "In einem Bericht
    der Zeitung wurde vermutet, dass …"."""
    for k in range(lo, hi - 1):
        if c.in_quote[k] < 0 and c.low[k] in ("von", "vom"):
            np_ = grab_np(c, k + 1, hi, allow_oblique=True)
            if np_:
                return np_
    sa = c.sents[c.sent_of[lo]][0] if c.sents else lo
    k = lo if lo == sa or c.low[lo] in ("in", "im") else sa
    while k < hi and c.low[k] in ("so", "auch", "und", "aber"):
        k += 1
    if k + 1 < hi and c.low[k] in ("in", "im"):
        np_ = grab_np(c, k + 1, hi, allow_oblique=True)
        if np_ and any(_is_source_noun(c, t) for t in range(*np_)):
            return np_
    return None


def _source_preps(c: Ctx, si: int, a: int, b: int, used: set[int]) -> list[Found]:
    out = []
    for i in range(a, b):
        if i in used or c.in_quote[i] >= 0:
            continue
        lw = c.low[i]
        if lw in c.R.preps_before:
            sp = None
            if lw in ("nach", "aus"):
                k = i + 1
                if k < b and (c.low[k] in DETS or c.low[k] in ("dessen", "deren")):
                    k += 1
                for _ in range(3):
                    if k < b and c.is_adjish(k) and not c.is_nounish(k):
                        k += 1
                if k < b and _is_source_noun(c, k):
                    sp = grab_np(c, i + 1, b, allow_oblique=True)
            else:
                sp = grab_np(c, i + 1, b, allow_oblique=True)
            if sp is not None:
                cue_i, phrase = i, (i, sp[1])
        if lw in c.R.preps_before and sp is not None:
            pass
        elif (lw in c.R.preps_after or (lw == "nach" and i > a and _is_source_noun(c, i - 1))) and i > a:
            sp = None
            for k in range(max(a, i - 10), i):
                np_ = grab_np(c, k, i, allow_oblique=True)
                if np_ and np_[1] == i:
                    sp = np_
                    break
            if sp is None:
                continue
            cue_i, phrase = i, (sp[0], i + 1)
        else:
            continue
        if any(t in used for t in range(*phrase)):
            continue
        used.update(range(*phrase))
        msg = _msg_without(c, a, b, phrase)
        if msg is None:
            continue
        out.append(Found(msg, None, sp, [cue_i], "reported", f"source_{lw}", si))
    return out


def _is_source_noun(c: Ctx, k: int) -> bool:
    w = c.toks[k].text
    return w in c.R.nouns or w.lower().endswith(c.R.noun_suffixes)


def _msg_without(c: Ctx, a: int, b: int, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """The sentence without a source phrase at its start or end."""
    end = _strip_end(c, a, b)
    p0, p1 = phrase
    if p0 <= a + 1 and (p0 == a or c.low[a] in ("und", "doch", "aber", "auch")):
        m = p1
        while m < end and c.low[m] in (",",):
            m += 1
        return (m, end) if end > m else None
    if p1 >= end:
        e = p0
        while e > a and c.low[e - 1] in (",",):
            e -= 1
        return (a, e) if e > a else None
    return (a, end)


def _verb_claim(c: Ctx, h: Hit, si: int, a: int, b: int, used: set[int], out: list[Found],
                only_inverted: bool = False) -> Found | None:
    _attach_aux(c, h, b)
    classes = h.classes
    last = max([h.i, *h.particle, *h.aux])
    # clause bounds around the verb
    lo = _clause_start(c, h.i, a)
    hi = b
    for m in range(h.i + 1, b):
        if c.low[m] in (",", ";", ":") and c.in_quote[m] < 0 and m > last:
            hi = m
            break
    sp = find_subject(c, h, lo, hi) if not _passive(c, h) else _passive_agent(c, lo, hi)
    if sp and (sp[1] - sp[0] == 1 and c.low[sp[0]] in c.R.not_speakers or _bad_speaker(c, sp)):
        sp = None
    if sp is None and h.i > lo and c.low[h.i - 1] in ("und", "sowie") and not _passive(c, h):
        sp = _coordinated_subject(c, c.sents[si][0], h.i - 1)     # "… und teilte mit, dass …"
    subordinate = c.low[lo] in SUBORDINATORS and lo < h.i
    cue = sorted({h.i, *h.particle, *h.aux})
    if lo > a and c.low[lo - 1] == "," and c.low[lo] in ("wie",) and h.i > lo:
        cue = sorted({lo, *cue})
    # skip frames already inside another claim's message
    for f in out:
        if f.msg and f.msg[0] <= h.i < f.msg[1] and f.ctype == "direct":
            return None
    # A. dass/ob clause after the verb
    k = last + 1
    while k < b and not only_inverted:
        if c.low[k] == "," and k + 1 < b and c.low[k + 1] in c.R.complementizers and c.in_quote[k] < 0:
            if c.low[k + 1] == "wie" and "cognition" not in classes and c.low[k + 2:k + 3] == ["es"]:
                break
            if c.low[k + 1] not in ("dass", "daß") and ("speech" not in classes or _passive(c, h)):
                break           # "entscheiden, ob …", "wird geprüft, wie …": no claim
            end = _embedded_end(c, k + 1, b)
            if sp is None and c.low[lo] in ("wie",):
                break
            # "verweist darauf, dass", "zeigte sich darüber besorgt, dass": the correlate joins the cue
            cue = sorted({*cue, *(t for t in range(last + 1, k) if c.low[t] in PRON_ADVERBS)})
            used.update(cue)
            return Found((k + 1, end), None, sp, cue, "indirect", "verb_dass", si)
        if c.low[k] in (";", ":") or (c.low[k] in PUNCT_END and c.in_quote[k] < 0):
            break
        if LATER_VERB_FRAMES and k > last + 1 and c.in_quote[k] < 0 and c.low[k - 1] in (",", ")") \
                and k not in h.particle and c.toks[k].text[:1].islower() and c.verb_hit(k, b) is not None:
            break               # "X, die … korrigiert hatte, sagte, dass …": the later verb frames it
        if c.low[k] == "," and k > last + 1 and not _apposition_comma(c, k, sp):
            # another clause starts: check for a Konjunktiv clause
            break
        k += 1
    # colon after the verb: "Er sagte: Das sei ..." (no quote)
    # B. Konjunktiv clause after the verb: "betonte Trump, er vertraue Putin"
    k = hi
    if k < b and c.low[k] == "," and (sp is not None or _passive(c, h)) and not only_inverted:
        seg_start = k + 1
        msg_start = None                # set when a verbless segment opens the message
        for _ in range(4):
            seg_end = _next_comma(c, seg_start, b)
            if seg_start < b and _relative(c, seg_start):
                seg_start = seg_end + 1
                continue
            if seg_start < b and c.low[seg_start] in SUBORDINATORS | {"um", "und", "weil"} and not (
                    seg_start + 1 < b and c.low[seg_start] in ("damit", "da") and c.is_konj(seg_start + 1)):
                break
            if sp is not None and sp[1] == seg_start - 1 and seg_end < b and \
                    not any(c.is_konj(t) for t in range(seg_start, seg_end)):
                ap = grab_np(c, seg_start, seg_end, appos=False)
                if ap and ap[1] == seg_end:          # apposition: "der Direktor der IAEO, Mohammed el-Baradei,"
                    sp = (sp[0], seg_end)
                    seg_start = seg_end + 1
                    continue
            if any(c.is_konj(t) for t in range(seg_start, seg_end)) and sp is not None:
                cue = sorted({*cue, *_frame_words(c, last + 1, k)})
                used.update(cue)
                m0 = msg_start if msg_start is not None else seg_start
                return Found((m0, _konj_end(c, m0, b)), None, sp, cue, "indirect", "verb_konj", si)
            e = _strip_end(c, seg_start, seg_end)
            if "speech" in classes and e - seg_start >= 2 and c.in_quote[e - 1] < 0 and (
                    c.low[e - 2] == "zu" or (c.has_pos and c.toks[e - 1].tag_ == "VVIZU")
                    or re.fullmatch(r"(an|auf|aus|ein|mit|vor|zurück|ab|her|hin|bei|fest|zusammen|weiter|fort|nach|dar|durch|um|"
                                 r"wieder|heraus|herbei|hinzu|bereit|frei|voran|vorbei|los|weg|bekannt|statt|teil)zu\w+e?n",
                                    c.low[e - 1])):
                used.update(cue)
                if sp is not None and sp[0] > h.i and h.entry.lemma in OBJECT_CONTROL:
                    # "forderte die Junta auf, …": the NP after the verb is the addressee
                    before = np_before(c, h.aux[0] if h.aux and h.aux[0] < h.i else h.i, lo) if lo < h.i else \
                        _subject_before_comma(c, lo)
                    sp = before if before is not None and not _bad_speaker(c, before) else sp
                return Found((seg_start, e), None, sp, cue, "indirect", "verb_zu", si)
            if c.has_pos and seg_end < b and seg_end - seg_start <= 8 and not any(
                    c.toks[t].pos_ in ("VERB", "AUX") for t in range(seg_start, seg_end)):
                # a fronted phrase: "erklärte die Ministerin, in den Bundesländern, in denen …, sei …"
                msg_start = seg_start if msg_start is None else msg_start
                seg_start = seg_end + 1
                continue
            break
    # C. inverted: "X sei Y, sagte Z." / "…, machte er klar."
    if lo > a and c.low[lo - 1] == "," and h.i == lo and "speech" in classes | {"cognition"} \
            and not (h.entry.participle and c.has_pos and c.toks[h.i].tag_ in ("VVPP", "VAPP", "VMPP")):
        sp2 = subject_after(c, max([h.i, *h.aux]), hi) or sp
        if sp2 is not None:
            msg = _msg_around(c, a, b, lo - 1, _clause_end(c, sp2[1], b))
            if msg[1] > msg[0] and c.in_quote[msg[0]] < 0 and not any(t in used for t in range(*msg)) \
                    and _is_clause(c, msg[0], msg[1]):
                used.update(cue)
                return Found(msg, None, sp2, cue, "indirect", "verb_inverted", si)
    if only_inverted:
        return None
    # D. "wie X berichtete" with the message in the main clause
    if lo < h.i and c.low[lo] == "wie" and sp is not None and "speech" in classes:
        phrase = (lo - 1 if lo > a and c.low[lo - 1] == "," else lo, hi + (1 if hi < b and c.low[hi] == "," else 0))
        msg = _msg_without(c, a, b, phrase)
        if msg:
            used.update(range(lo, hi))
            return Found(msg, None, sp, sorted({lo, *cue}), "reported", "wie_verb", si)
    # E. speech act with an object: the whole sentence is the reported claim
    if SPEECH_ACTS and ("reported" in classes or _als_act(c, h, lo, hi, a, b)) and sp is not None and not subordinate and not any(f.ctype != "direct" for f in out) \
            and (not h.entry.participle or h.aux):
        if c.in_quote[a] < 0 and _speech_act_ok(c, h, sp, lo, a):
            used.update(cue)
            return Found((a, b), None, sp, cue, "reported", "speech_act", si, frame_cue=cue)
    return None


def _als_act(c: Ctx, h: Hit, lo: int, hi: int, a: int, b: int) -> bool:
    """'Die Hamas bezeichnete die Anschläge als Selbstverteidigung': a verb of the
    ``als_speech_acts`` list is a speech act when its clause predicates something with "als" and
    the sentence quotes nothing (a quoted predicate is a partial quote)."""
    if h.entry.lemma not in c.R.als_speech_acts:
        return False
    if any(c.in_quote[t] >= 0 for t in range(a, b)):
        return False
    return any(c.low[t] == "als" for t in range(lo, hi) if t != h.i)


def _in_parens(c: Ctx, i: int, a: int, b: int) -> bool:
    """Token i stands inside a parenthesis of its sentence: "(Wikinews berichtete)"."""
    opened = False
    for t in range(a, i):
        if c.low[t] == "(":
            opened = True
        elif c.low[t] == ")":
            opened = False
    return opened and any(c.low[t] == ")" for t in range(i + 1, b))


def _speech_act_ok(c: Ctx, h: Hit, sp: tuple[int, int], lo: int, a: int) -> bool:
    """A speech act frames the whole sentence only from the main clause, with a real subject
    (the dependency subject where there is a parse), never from a relative clause or a
    parenthesis."""
    if _in_parens(c, h.i, a, c.sents[c.sent_of[h.i]][1]):
        return False
    if h.entry.participle and h.aux and all(c.low[x] in STATIVE_AUX for x in h.aux):
        return False                    # "Ein Fremdverschulden ist ausgeschlossen": a state, no act
    if sp[1] - sp[0] == 1 and c.low[sp[0]] in REL_PRONOUNS:
        return False
    if lo > a and c.low[lo] in REL_PRONOUNS:
        return False
    if c.has_dep:
        s = subject_dep(c, h.i)
        if s is None:
            first = h.aux[0] if h.aux and h.aux[0] < h.i else h.i
            # no parse subject: accept a named subject or a pronoun right before the verb
            return sp[1] == first and (_has_actor(c, sp) or c.low[sp[0]] in PERSON_PRON | {"sie"})
        if not (s[0] <= sp[0] < s[1] or sp[0] <= s[0] < sp[1]):
            return False
    return True


STATIVE_AUX = {"ist", "sei", "war", "sind", "seien", "waren", "wäre", "wären"}
NONFINITE_TAGS = {"VVPP", "VVINF", "VVIZU", "VAINF", "VAPP", "VMINF", "VMPP", "ADJD", "ADJA"}


def _finite_ind(c: Ctx, t: int) -> bool:
    """A finite verb in the indicative (by the model's tags): it starts a coordinated main clause."""
    tok = c.toks[t]
    return (c.has_pos and tok.pos_ in ("VERB", "AUX") and tok.text.islower() and tok.tag_ not in NONFINITE_TAGS
            and ("Fin" in tok.morph.get("VerbForm") or tok.tag_ in ("VVFIN", "VAFIN", "VMFIN")
                 or "Ind" in tok.morph.get("Mood"))
            and not c.is_konj(t) and c.in_quote[t] < 0)


def _konj_end(c: Ctx, k: int, b: int) -> int:
    """End of a Konjunktiv clause: the sentence end, or where the matrix subject's next
    predicate starts (", erkannte ... an", "und bemühte ...")."""
    for t in range(k + 1, b - 1):
        if c.in_quote[t] >= 0:
            continue
        if c.low[t] in (",", "und", "aber", "sowie") and _finite_ind(c, t + 1):
            return _strip_end(c, k, t)
        if c.low[t] == ":" and c.is_quote_mark(t + 1):
            return _konj_end(c, k, t)
    return _strip_end(c, k, b)


def _is_clause(c: Ctx, a: int, e: int) -> bool:
    """The message of an inverted frame is a clause: its first segment has a verb, or it has a
    Konjunktiv. "Albrecht Conze, der Direktor der Mission, bezeichnete …" frames no claim."""
    if c.low[a] in SUBORDINATORS | {"falls", "sobald", "solange"} and c.low[a] not in ("dass", "ob"):
        return False                   # a fronted adverbial clause: "Wenn …, droht ihm …"
    if not c.has_pos:
        return True
    if any(c.is_konj(t) for t in range(a, e) if c.in_quote[t] < 0):
        return True
    seg_end = _next_comma(c, a, e)
    return any(c.toks[t].pos_ in ("VERB", "AUX") or c.in_quote[t] >= 0 for t in range(a, seg_end))


def _frame_words(c: Ctx, k: int, e: int) -> list[int]:
    """Words of the frame that the annotation counts as cue: a correlate ("sagte dazu",
    "verwies darauf") and "mit den Worten"."""
    out = [t for t in range(k, e) if c.low[t] in PRON_ADVERBS and c.in_quote[t] < 0]
    for t in range(k, e - 2):
        if c.low[t:t + 3] == ["mit", "den", "worten"]:
            out += [t, t + 1, t + 2]
    return out


def _coordinated_subject(c: Ctx, lo: int, e: int) -> tuple[int, int] | None:
    """The subject of the first speech verb before e in the sentence (the shared subject of
    coordinated verbs)."""
    for i in range(lo, e):
        if c.in_quote[i] >= 0:
            continue
        h = c.verb_hit(i, e)
        if h is not None:
            clause_lo = _clause_start(c, h.i, lo)
            hi = _next_comma(c, h.i, e)
            return find_subject(c, h, clause_lo, hi)
    k = lo                      # no speech verb: the clause's first noun phrase ("Er verständigte … und teilte mit")
    while k < e and (c.low[k] in SKIPPABLE or c.is_punct(k)):
        k += 1
    np_ = grab_np(c, k, e, pp=True) if k < e else None
    if np_ is not None and not _bad_speaker(c, np_) and (
            (np_[1] - np_[0] == 1 and c.low[np_[0]] in PERSON_PRON | {"sie"}) or _has_actor(c, np_)):
        return np_
    return None


def _relative(c: Ctx, k: int) -> bool:
    """A relative pronoun at k ("…, der gestern …"), not an article ("…, der erste Flug sei …")."""
    if c.low[k] not in REL_PRONOUNS:
        return False
    nxt = c.toks[k + 1] if k + 1 < len(c.toks) else None
    if nxt is None:
        return False
    if c.has_pos:
        if c.toks[k].tag_ in ("PRELS", "PRELAT", "REL"):
            return True
        return nxt.pos_ not in ("ADJ", "NOUN", "PROPN", "NUM")
    return not nxt.text[:1].isupper()


def _apposition_comma(c: Ctx, k: int, sp: tuple[int, int] | None) -> bool:
    return sp is not None and sp[0] <= k < sp[1]


def _noun_cue(c: Ctx, si: int, a: int, b: int, k: int, used: set[int]) -> Found | None:
    """A speech or cognition noun right before ", dass": the cue is the noun with its article and
    a light verb before it ("ist der Meinung", "äußerte die Hoffnung"); the speaker is that verb's
    subject, else a genitive after the noun."""
    n_i = None
    for t in range(k - 1, max(a, k - 6) - 1, -1):
        if c.low[t] in CLAUSE_BREAK or c.in_quote[t] >= 0:
            break
        if c.toks[t].text in c.R.claim_nouns:
            n_i = t
            break
    if n_i is None:
        return None
    cue = [n_i]
    d = n_i - 1
    while d >= a and (c.low[d] in DETS or (c.has_pos and c.toks[d].pos_ == "ADJ" and c.toks[d].text.islower())) \
            and n_i - d <= 3:
        cue.append(d)
        d -= 1
    sp = None
    if d >= a and c.has_pos and c.toks[d].text.islower() and c.in_quote[d] < 0 and (
            c.toks[d].pos_ in ("VERB", "AUX") or c.toks[d].tag_[:1] == "V"):
        cue.append(d)
        h = Hit(d, [], VerbEntry(c.low[d], None, False, frozenset({"speech"})))
        lo = _clause_start(c, d, a)
        sp = find_subject(c, h, lo, k)
        if sp is not None and sp[0] <= n_i < sp[1]:
            sp = None
    elif n_i + 1 < k and c.low[n_i + 1] in GENITIVE_DETS | {"von"}:
        sp = grab_np(c, n_i + 1 if c.low[n_i + 1] != "von" else n_i + 2, k, allow_oblique=True)
    end = _embedded_end(c, k + 1, b)
    if end <= k + 2:
        return None
    used.update(cue)
    return Found((k + 1, end), None, sp, sorted(cue), "indirect", "noun_dass", si)


ANAPHORIC_FRAMES = {"das", "dies", "dieses"}


def _anaphoric_frame(c: Ctx, si: int, a: int, b: int, found: list[Found], used: set[int]) -> Found | None:
    h = c.verb_hit(a + 1, b)
    sp = None
    if h is None and c.low[a + 1] in c.R.auxiliaries:       # "Das hat X am Montag gesagt."
        for m in range(a + 2, min(b, a + 14)):
            if c.low[m] in CLAUSE_BREAK:
                break
            hh = c.verb_hit(m, b)
            if hh is not None and hh.entry.participle and "speech" in hh.classes:
                h = hh
                h.aux = [a + 1]
                sp = subject_after(c, a + 1, m)
                break
        if h is None or sp is None:
            return None
    if h is None or "speech" not in h.classes:
        return None
    if not h.aux:
        _attach_aux(c, h, b)
    if _passive(c, h):
        sp = _passive_agent(c, a + 1, b)        # "Das wurde vom Presseamt bekannt gegeben."
    sp = sp or subject_after(c, max([h.i, *h.aux]), b)
    k = max([h.i, *h.aux]) + 1
    if sp is None and k < b and c.low[k] in ("aus", "in", "im"):       # "Dies geht aus einem Bericht hervor"
        sp = grab_np(c, k + 1, b, allow_oblique=True)
    if sp is None or _bad_speaker(c, sp):
        return None
    cue = sorted({h.i, *h.particle, *h.aux})
    pa, pb = c.sents[si - 1]
    gap = c.text[c.toks[pb - 1].idx:c.toks[a].idx]
    if "\n\n" in gap:
        return None
    prev = [f for f in found if f.sent == si - 1]
    if prev:
        for f in prev:                      # „…“ Das sagte X.
            if f.rule in ("quote_unattributed", "quote_continued") and f.ctype == "direct":
                f.speaker, f.cue, f.speaker_key, f.rule = sp, cue, None, "quote_anaphoric"
                f.speaker_key = resolve_speaker(c, sp, found)
                used.update(cue)
        return None
    end = _strip_end(c, pa, pb)
    if end <= pa or c.in_quote[pa] >= 0:
        return None
    used.update(cue)
    return Found((pa, end), None, sp, cue, "indirect", "anaphoric_frame", si)


def _next_comma_clause(c: Ctx, k: int, b: int) -> int:
    """End of a verb-final clause starting at k: the first comma after its finite verb."""
    seen_verb = False
    for t in range(k, b):
        if c.low[t] == "," and c.in_quote[t] < 0 and seen_verb:
            return t
        if c.has_pos and c.toks[t].pos_ in ("VERB", "AUX"):
            seen_verb = True
    return b


def _next_comma(c: Ctx, k: int, b: int) -> int:
    while k < b and not (c.low[k] == "," and c.in_quote[k] < 0):
        k += 1
    return k


def _embedded_end(c: Ctx, k: int, b: int) -> int:
    """End of a dass-clause: the sentence end, or where a main clause takes over
    ("Als sie bemerkte, dass …, flüchtete sie")."""
    return _konj_end(c, k, b)


CONT_WINDOW = 3          # a Konjunktiv sentence continues a speaker of the last N sentences


def _continuation(c: Ctx, si: int, a: int, b: int, found: list[Found], covered: set[int]) -> list[Found]:
    """A main clause in Konjunktiv I continues reported speech: "Auch seien eventuelle
    Sicherheitsgarantien … eine europäische Sache". The speaker is that of the latest claim
    within a few sentences; without one, the claim has no speaker."""
    if c.in_quote[a] >= 0:
        return []
    seg = a
    while seg < b and c.low[seg] in SUBORDINATORS | {"doch", "und", "aber"} and c.low[seg] != "dass":
        if c.low[seg] in ("doch", "und", "aber"):
            seg += 1
            continue
        seg = _next_comma(c, seg, b) + 1
    seg_end = _next_comma(c, seg, b)
    near = bool(found) and si - found[-1].sent == 1
    konj = False
    s0 = seg
    for _ in range(4):          # the main clause may follow fronted phrases and appositions
        e0 = _next_comma(c, s0, b)
        if s0 > seg and (c.low[s0] in SUBORDINATORS | {"um"} or _relative(c, s0)):
            break
        if any(_konj1(c, t) or (near and KONJ2_CONT and c.low[t] in KONJ2 and c.in_quote[t] < 0)
               for t in range(s0, e0)):
            konj = True
            break
        if not c.has_pos or any(c.toks[t].pos_ in ("VERB", "AUX") for t in range(s0, e0)) or e0 >= b:
            break
        s0 = e0 + 1
    konj = konj and not any(c.low[t] in ("ich", "wir") for t in range(a, min(b, a + 3)))
    rule = "konj_continuation"
    if not konj:
        near = bool(found) and si - found[-1].sent == 1 and SOLL_CONT
        if not (_hearsay(c, a, b) or (near and any(c.low[t] in HEARSAY and c.in_quote[t] < 0
                                                   for t in range(seg, seg_end)))):
            return []
        rule = "soll_hearsay"
    last = found[-1] if found else None
    if last is not None and si - last.sent > CONT_WINDOW:
        last = None
    if last is not None and last.rule == rule == "konj_continuation" and last.msg and last.sent == si - 1:
        gap = c.text[c.toks[c.sents[si - 1][1] - 1].idx:c.toks[a].idx]
        if "\n\n" not in gap:
            last.msg = (last.msg[0], b)          # one claim for consecutive Konjunktiv sentences
            last.sent = si
            return []
    if last is not None and last.rule == "source_adverb":
        last = None                     # "Demnach" names no speaker to continue
    if last is None or last.speaker is None:
        src = next((f for f in reversed(found) if f.speaker is not None and si - f.sent <= CONT_WINDOW
                    and f.rule != "source_adverb"), None)
        if src is None:
            sp = _prev_frame_subject(c, si)
            if sp is None and PREV_SUBJECT and rule == "konj_continuation":
                sp = _prev_subject(c, si)
            return [Found((a, b), None, sp, [], "indirect", rule, si)]
        last = src
    if last.sent < si - 1:
        sp = _prev_frame_subject(c, si)      # a newer frame without a claim of its own
        if sp is not None:
            return [Found((a, b), None, sp, [], "indirect", rule, si)]
    f = Found((a, b), None, _latest_mention(c, last, a), [], "indirect", rule, si,
              speaker_key=last.speaker_key)
    return [f]


PREV_SUBJECT = True


def _prev_subject(c: Ctx, si: int) -> tuple[int, int] | None:
    """Without any speech verb, a Konjunktiv sentence reports what the subject of the sentence
    before said or wrote: "Die Armeeleitung sprach von einem Absturz. Der Hubschrauber sei …",
    "Der Untersuchungsbericht schildert die Fehlerkette. Techniker hätten …"."""
    if si == 0 or not c.has_dep:
        return None
    sa, sb = c.sents[si - 1]
    gap = c.text[c.toks[sb - 1].idx:c.toks[c.sents[si][0]].idx]
    if "\n\n" in gap:
        return None
    for t in range(sa, sb):
        tok = c.toks[t]
        if tok.dep_ != "ROOT" or c.in_quote[t] >= 0 or tok.pos_ not in ("VERB", "AUX"):
            continue
        sp = subject_dep(c, t)
        if sp is None or _bad_speaker(c, sp) or c.in_quote[sp[0]] >= 0:
            return None
        if sp[1] - sp[0] == 1 and c.low[sp[0]] in ("es", "man", "das", "dies", "sie", "er", "ich", "wir"):
            return None
        if not _has_actor(c, sp):
            return None
        return sp
    return None


def _person_actor(c: Ctx, sp: tuple[int, int]) -> bool:
    a, b = c.char_span(*sp)
    return any(ms < b and me > a and actor.actor_type == "person" for ms, me, m, actor in c.mentions)


def _prev_frame_subject(c: Ctx, si: int) -> tuple[int, int] | None:
    """Without an earlier claim, the speaker of a continuation is the subject of a speech verb in
    the previous sentence ("Der Deutsche Wetterdienst warnte vor Sturm. Es werde … ")."""
    if si == 0:
        return None
    sa, sb = c.sents[si - 1]
    for i in range(sa, sb):
        if c.in_quote[i] >= 0:
            continue
        h = c.verb_hit(i, sb)
        if h is None:
            continue
        _attach_aux(c, h, sb)
        lo = _clause_start(c, h.i, sa)
        hi = _next_comma(c, max([h.i, *h.particle, *h.aux]), sb)
        sp = find_subject(c, h, lo, hi) if not _passive(c, h) else _passive_agent(c, lo, hi)
        if sp is not None and not _bad_speaker(c, sp):
            return sp
    return None



HEARSAY = {"soll", "sollen"}
KONJ2_CONT = True
SOLL_CONT = True
PERFECT_INF = {"haben", "sein"}


def _hearsay(c: Ctx, a: int, b: int) -> bool:
    """'Er soll zwei Menschen eingeschleust haben': sollen with a perfect infinitive reports
    what others say."""
    toks = [t for t in range(a, b) if c.in_quote[t] < 0]
    for t in toks:
        if c.low[t] in HEARSAY:
            rest = [x for x in toks if x > t and c.low[x] not in (",", ".", "!", "?", ";", ":")]
            seg_end = _next_comma(c, t, b)
            tail = [x for x in rest if x < seg_end]
            if len(tail) >= 2 and c.low[tail[-1]] in PERFECT_INF and (
                    c.low[tail[-2]].startswith("ge") or c.low[tail[-2]].endswith(("t", "en")) or
                    c.low[tail[-2]] == "worden"):
                return True
            if len(tail) >= 2 and (c.low[tail[-1]] in c.R.hearsay_infinitives
                                   or c.low[rest[-1]] in c.R.hearsay_infinitives):
                return True             # "Das Motiv soll eine Kränkung der Familienehre sein"
    return False


def _latest_mention(c: Ctx, last: Found, a: int) -> tuple[int, int] | None:
    """The speaker of a continuation, as the annotation marks it: the latest mention of the
    previous claim's speaker before token a, else that claim's speaker span."""
    if last.speaker is None:
        return None
    best = last.speaker
    lo = last.speaker[1]
    if last.speaker_key:
        for ms, me, m, actor in c.mentions:
            if actor.key != last.speaker_key:
                continue
            span = c.doc.char_span(ms, me, alignment_mode="expand")
            if span is None or span.start < lo or span.end > a or c.in_quote[span.start] >= 0:
                continue
            np_ = grab_np(c, span.start, a)
            best = np_ if np_ and np_[1] >= span.end else (span.start, span.end)
            lo = best[1]
    return best


def _konj1(c: Ctx, t: int) -> bool:
    """A Konjunktiv I form, strictly: from the lexicon, or a -e form the model marks as
    subjunctive (not the preterite "wurde", "sagte")."""
    lw = c.low[t]
    if c.in_quote[t] >= 0 or lw in KONJ2 or not c.is_konj(t):
        return False
    return lw in c.R.konjunktiv or (lw.endswith("e") and not lw.endswith("te") and lw not in PRETERITE_E)


PRETERITE_E = {"wurde", "starb", "ward"}


def _named_speaker(c: Ctx, last: Found, found: list[Found]) -> tuple[int, int] | None:
    """The latest speaker span of the same actor that is not a pronoun (else the pronoun)."""
    if last.speaker and last.speaker[1] - last.speaker[0] == 1 and c.low[last.speaker[0]] in c.R.pronouns \
            and last.speaker_key:
        for f in reversed(found):
            if f.speaker_key == last.speaker_key and f.speaker and not (
                    f.speaker[1] - f.speaker[0] == 1 and c.low[f.speaker[0]] in c.R.pronouns):
                return f.speaker
        for ms, me, m, actor in reversed(c.mentions):
            if actor.key == last.speaker_key and me <= c.toks[last.speaker[0]].idx:
                span = c.doc.char_span(ms, me, alignment_mode="expand")
                if span is not None:
                    return (span.start, span.end)
    return last.speaker


def _nested_quotes(c: Ctx, found: list[Found], covered: set[int]) -> None:
    """Partial quotes inside an indirect or reported claim are direct claims of the same speaker."""
    extra = []
    for qi, (qs, qe, q) in enumerate(c.quote_tok):
        if qi in covered or q.depth != 0:
            continue
        for f in found:
            if f.ctype == "direct" or f.msg is None:
                continue
            if f.msg[0] <= qs and qe <= f.msg[1] + 1:
                if _looks_like_name(c, qs, qe) or (f.speaker and f.speaker[0] <= qs < f.speaker[1]):
                    break
                extra.append(Found((qs, qe), None, f.speaker, _quote_prep(c, qs, f.cue or f.frame_cue), "direct",
                                   "partial_quote", f.sent,
                                   speaker_key=f.speaker_key))
                covered.add(qi)
                break
        else:
            if not _looks_like_name(c, qs, qe):
                f = _quote_in_verb_sentence(c, qi, qs, qe, found)
                if f is not None:
                    f.speaker_key = f.speaker_key or resolve_speaker(c, f.speaker, found)
                    extra.append(f)
                    covered.add(qi)
    found.extend(extra)


def _quote_in_verb_sentence(c: Ctx, qi: int, qs: int, qe: int, found: list[Found]) -> Found | None:
    """A quotation inside a sentence whose speech verb frames it: 'X nannte die Zahlen „aus der
    Luft gegriffen“', 'Die Menge skandierte „…“'. The verb is the cue, its subject the speaker."""
    si = c.sent_of[qs]
    a, b = c.sents[si]
    if c.sent_of[min(qe, len(c.toks)) - 1] != si:
        return None
    best = None
    for i in range(a, b):
        if c.in_quote[i] >= 0:
            continue
        h = c.verb_hit(i, b)
        if h is None or not (h.classes & {"speech", "cognition", "reported"}):
            continue
        if best is None or abs(i - qs) < abs(best.i - qs):
            best = h
    if best is None or not (best.classes & QUOTE_FRAME_CLASSES):
        return None
    if any(f.speaker and f.speaker[0] <= qs < f.speaker[1] for f in found):
        return None                     # part of a speaker's name: das „Wall Street Journal“
    h = best
    inner = [t for t in range(qs + 1, qe - 1) if c.toks[t].is_alpha]
    if not inner or any(t in c.ent_at for t in inner):
        return None                     # a quoted name or title: „Die Zeit“, „Golem“
    if qs > a and (c.is_nounish(qs - 1) and not c.is_punct(qs - 1)):
        return None                     # apposition: die Zeitung „…“
    if qe < b and c.is_nounish(qe) and not c.is_punct(qe) and c.toks[qe].text[:1].isupper():
        return None                     # „…“-Titel as a modifier
    for f in found:                     # the verb already frames a claim: share its speaker
        if f.cue and h.i in f.cue and f.sent == si:
            return Found((qs, qe), None, f.speaker, list(f.cue), "direct", "quote_in_frame", si,
                         speaker_key=f.speaker_key)
    _attach_aux(c, h, b)
    lo = _clause_start(c, h.i, a)
    hi = b
    last = max([h.i, *h.particle, *h.aux])
    for m in range(last + 1, b):
        if c.low[m] in (",", ";", ":") and c.in_quote[m] < 0:
            hi = m
            break
    sp = find_subject(c, h, lo, hi) if not _passive(c, h) else _passive_agent(c, lo, hi)
    if sp and (c.in_quote[sp[0]] >= 0 or (sp[1] - sp[0] == 1 and c.low[sp[0]] in c.R.not_speakers)):
        sp = None
    if sp is not None and sp[0] <= qs < sp[1]:
        return None
    return Found((qs, qe), None, sp, _quote_prep(c, qs, sorted({h.i, *h.particle, *h.aux})), "direct",
                 "quote_in_frame", si)



QUOTE_FRAME_CLASSES = {"speech", "cognition"}
QUOTE_PREPS = {"als", "von", "vom", "mit", "zu", "zum", "zur"}


def _quote_prep(c: Ctx, qs: int, cue: list[int]) -> list[int]:
    """'bezeichnete X als „…“', 'sprach von „…“': the preposition before a partial quote joins
    the cue of its verb in the same sentence."""
    cue = list(cue)
    p = qs - 1
    while p > 0 and qs - p <= 3 and (c.low[p] in DETS or (c.is_adjish(p) and not c.is_nounish(p))):
        p -= 1
    if cue and p >= 0 and c.low[p] in QUOTE_PREPS and c.sent_of[cue[0]] == c.sent_of[qs] \
            and cue[0] < p and p - cue[-1] <= 12:
        cue = sorted({*cue, p})
    return cue


def _looks_like_name(c: Ctx, qs: int, qe: int) -> bool:
    inner = range(qs + 1, qe - 1)
    if any(t in c.ent_at for t in inner) and all(c.toks[t].text[:1].isupper() for t in inner):
        return True
    return False


# --------------------------------------------------------------------------- records

def _dates(c: Ctx) -> list[tuple[int, int, str]]:
    try:
        from pipeline import dates as _d  # noqa: WPS433 (optional module)
        fn = getattr(_d, "find_expressions", None)
        if fn is None:
            return []
        return [tuple(x)[:3] for x in fn(c.text)]
    except Exception:
        return []


def _to_records(c: Ctx, found: list[Found]) -> list[Claim]:
    dates = None                       # the article's date expressions, found when a claim needs them
    out: list[Claim] = []
    seen = set()
    for f in sorted(found, key=lambda f: (f.msg or (0, 0))[0]):
        if f.msg is None or f.msg[1] <= f.msg[0]:
            continue
        ms, me = c.char_span(*f.msg)
        key = (ms, me)
        if key in seen:
            continue
        seen.add(key)
        if f.speaker and _crosses_quote(c, *f.speaker):
            f.speaker = _close_quote(c, *f.speaker)
            if f.speaker is None:
                f.speaker_key = None             # a piece of a quotation is no speaker
        if f.speaker:
            s0, s1 = f.speaker
            while s1 - 1 > s0 and c.low[s1 - 1] in (",", ";", ":", ".", "–", "-"):
                s1 -= 1                  # "Peter Horrocks," -> "Peter Horrocks"
            ss, se = c.char_span(s0, s1)
            stext = c.text[ss:se]
        else:
            ss = se = stext = None
        if f.cue:
            cue = sorted(set(f.cue))
            cs = c.toks[cue[0]].idx
            ce = c.toks[cue[-1]].idx + len(c.toks[cue[-1]].text)
            ctext = " ".join(c.toks[t].text for t in cue)
        else:
            cs = ce = ctext = None
        if dates is None:
            dates = _dates(c)
        d = _claim_date(c, f, dates)
        out.append(Claim(
            speaker_key=f.speaker_key, speaker_text=stext, speaker_start=ss, speaker_end=se,
            cue_text=ctext, cue_start=cs, cue_end=ce,
            claim_text=c.text[ms:me], claim_start=ms, claim_end=me,
            claim_type=f.ctype, rule_id=f.rule,
            date_text=d[2] if d else None, date_start=d[0] if d else None, date_end=d[1] if d else None,
        ))
    return out



def _crosses_quote(c: Ctx, s0: int, s1: int) -> bool:
    """A speaker span that holds part of a quotation but not all of it: 'besonders schweren
    Eingriff in das Persönlichkeitsrecht“' (a quoted name, das „Wall Street Journal“, lies inside)."""
    for t in range(s0, s1):
        q = c.in_quote[t]
        if q >= 0 and (c.quote_tok[q][0] < s0 or c.quote_tok[q][1] > s1):
            return True
    return False


def _close_quote(c: Ctx, s0: int, s1: int) -> tuple[int, int] | None:
    """A speaker that ends inside a short quoted name takes the rest of the name (der neue „Oberste
    Rat zur Wiederherstellung der Demokratie“); one that starts inside a quotation is none."""
    q = c.in_quote[s1 - 1]
    if c.in_quote[s0] >= 0 or q < 0:
        return None
    qs, qe, _ = c.quote_tok[q]
    if qe - qs > 14 or c.sent_of[qe - 1] != c.sent_of[s0] or _crosses_quote(c, s0, qs):
        return None
    return (s0, qe)


def _clause_start(c: "Ctx", i: int, lo: int) -> int:
    """First token of the clause holding token ``i``: after the last unquoted , ; : before it (or ``lo``)."""
    for m in range(i - 1, lo - 1, -1):
        if c.low[m] in (",", ";", ":") and c.in_quote[m] < 0:
            return m + 1
    return lo


def _claim_date(c: Ctx, f: Found, dates: list) -> tuple[int, int, str] | None:
    if not dates:
        return None
    sa, sb = c.sents[f.sent]
    lo, hi = c.toks[sa].idx, c.toks[sb - 1].idx + len(c.toks[sb - 1].text)
    anchor = c.toks[f.cue[0]].idx if f.cue else lo
    qs, qe = c.char_span(*f.msg)
    best = None
    whole_sentence = qs <= lo and qe >= hi - 1
    for s, e, t in dates:
        if s < lo or e > hi:
            continue
        # a date inside what was said dates its content, not the statement ("vor 2014",
        # "seit Ende 2022"), unless the claim is the whole sentence (reported speech acts)
        if qs <= s < qe and (f.ctype == "direct" or not whole_sentence):
            continue
        span = c.doc.char_span(s, e, alignment_mode="expand")
        if span is not None and c.in_quote[span.start] >= 0:
            continue
        dist = abs(s - anchor)
        if best is None or dist < best[0]:
            best = (dist, (s, e, t))
    return best[1] if best else None
