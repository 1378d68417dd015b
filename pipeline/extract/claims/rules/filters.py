"""The ``filter`` rules: things the other rules find that are no claims (a heading, a reported
question, a scare quote, the author's own first person, ...). Each gets the claim as soon as it
is found and returns True to drop it."""
from __future__ import annotations

from ..clauses import _finite_ind, clause_start, is_konj1, next_comma
from ..context import Ctx, Found, PUNCT_END
from ..registry import rule
from .verb import slot_mistag

HEADING_MAX_TOKENS = 20         # a heading: one paragraph of at most this many tokens
SCARE_QUOTE_MAX_WORDS = 3       # a scare quote: at most this many words, no verb
SCARE_PHRASE_MAX_WORDS = 6      # a quoted phrase without a verb framed by a verb elsewhere in its sentence


def not_a_claim(c: Ctx, f: Found) -> bool:
    """Whether some ``filter`` rule drops ``f``."""
    return any(fn(c, f) for fn in c.stages["filter"])


def _paragraph_bounds(c: Ctx, si: int) -> tuple[bool, bool]:
    """(the sentence starts a paragraph, the sentence ends one)."""
    a, b = c.sents[si]
    starts = si == 0 or "\n" in c.text[c.toks[c.sents[si - 1][1] - 1].idx:c.toks[a].idx]
    ends = si + 1 >= len(c.sents) or "\n" in c.text[c.toks[b - 1].idx:c.toks[c.sents[si + 1][0]].idx]
    return starts, ends


def _unterminated(c: Ctx, a: int, b: int) -> bool:
    """The span [a, b) ends without sentence punctuation (also inside a closing quotation mark)."""
    last = b - 1
    if c.is_quote_mark(last) and last > a:
        last -= 1
    if c.R.switch("abbreviation_point_end") and last > a and c.toks[last].text.endswith(".") \
            and len(c.toks[last].text) > 2 and c.toks[last].text[-2].isalpha():
        return False                    # "…, sagte ein Sprecher der Müller GmbH.": the word keeps the final point
    return c.low[last] not in PUNCT_END | {"…", ":", ";", "..."}


def _name_colon_heading(c: Ctx, si: int) -> bool:
    """Jansen: „Oberliga ist keine Pillepalle-Liga“ – a paragraph between blank lines of a name (capitalized
    words), a colon and an unterminated quotation is a subheading, also when the parse split it at the colon
    into two sentences. A run of such lines is quoted text (a tweet: "CNN: „…“ / NBC: „…“ / Reuters: „…“")."""
    line = _name_colon_line(c, si)
    if line is None:
        return False
    lo, hi = line
    return not (lo > 0 and _name_colon_line(c, lo - 1)) and not (hi + 1 < len(c.sents) and _name_colon_line(c, hi + 1))


def _name_colon_line(c: Ctx, si: int) -> tuple[int, int] | None:
    """(first, last sentence) of the "Name: „…“" paragraph that sentence si is part of, or None."""
    lo = si - 1 if si > 0 and not _paragraph_bounds(c, si)[0] else si
    hi = si + 1 if si == lo and si + 1 < len(c.sents) and not _paragraph_bounds(c, si)[1] else si
    if hi - lo > 1 or not (_paragraph_bounds(c, lo)[0] and _paragraph_bounds(c, hi)[1]):
        return None
    a, b = c.sents[lo][0], c.sents[hi][1]
    if b - a > HEADING_MAX_TOKENS or not _blank_line_around(c, a, b):
        return None
    colon = next((k for k in range(a + 1, min(b, a + 5)) if c.low[k] == ":"), None)
    if colon is None or colon + 1 >= b or not c.is_quote_mark(colon + 1) or not c.is_quote_mark(b - 1):
        return None
    ok = _unterminated(c, a, b) and all(c.toks[t].text[:1].isupper() for t in range(a, colon))
    return (lo, hi) if ok else None


def _blank_line_around(c: Ctx, a: int, b: int) -> bool:
    """The tokens [a, b) stand between blank lines (or at the start/end of the text)."""
    before = c.text[:c.toks[a].idx]
    after = c.text[c.toks[b - 1].idx + len(c.toks[b - 1].text):]
    gap_before = before[len(before.rstrip()):]
    gap_after = after[:len(after) - len(after.lstrip())]
    return (not before.strip() or gap_before.count("\n") >= 2) and (not after.strip() or gap_after.count("\n") >= 2)


@rule("heading", "filter")
def heading(c: Ctx, f: Found) -> bool:
    """Autohersteller sollen Produktionen hochfahren – a paragraph of one short sentence without
    final punctuation is a heading, not a claim (a quotation line only as the first line, the
    title: a standalone quotation line further down is quoted speech); so is a name and a colon
    before such a line ("Jansen: „Oberliga ist keine Pillepalle-Liga“"), no interview turn."""
    if c.R.switch("name_colon_heading") and _name_colon_heading(c, f.sent):
        return True
    a, b = c.sents[f.sent]
    if b - a > HEADING_MAX_TOKENS or not _unterminated(c, a, b):
        return False
    if f.ctype == "direct" and f.sent > 0 and f.rule != "interview_turn":
        return False                    # CNN: "Kim Jong Un is fine" (a quotation line of the text)
    starts, ends = _paragraph_bounds(c, f.sent)
    return starts and ends and (f.msg is None or c.sent_of[f.msg[0]] == f.sent)


DASH_HEADING_MAX_WORDS = 25     # a dash heading: one line of at most this many words
HEADLINE_DASHES = (" - ", " – ", " — ")


@rule("dash_heading", "filter")
def dash_heading(c: Ctx, f: Found) -> bool:
    """Kim Jong Un laut Trump am Leben - US-Präsident: „Ich wünsche ihm alles Gute“ – a line of its own, without final
    punctuation, whose quotation follows "topic – speaker:" is a headline (a live-blog entry, a teaser) that repeats a
    quotation of the text: no claim of its own (a "Name: „…“" line without the topic dash is the business of
    ``heading``; "CNN: „…“" lines of a tweet stay)."""
    if f.ctype != "direct" or f.msg is None or not c.is_quote_mark(f.msg[0]):
        return False
    text = c.text
    qs, qe = c.toks[f.msg[0]].idx, c.toks[f.msg[1] - 1].idx + len(c.toks[f.msg[1] - 1].text)
    lo, hi = text.rfind("\n", 0, qs) + 1, text.find("\n", qe)
    line = text[lo:hi if hi >= 0 else len(text)].strip()
    head = text[lo:qs].rstrip()
    if not head.endswith(":") or not line.endswith(text[qe - 1]) or len(line.split()) > DASH_HEADING_MAX_WORDS:
        return False
    inner = text[qs + 1:qe - 1].rstrip()
    cut = max(head.rfind(d) for d in HEADLINE_DASHES)
    if inner.endswith((".", "!", "?", "…")) or cut < 0 or len(head[cut:].split()) > 5:
        return False                    # the speaker after the dash: a few words ("- US-Präsident:")
    a = next(t for t in range(f.msg[0], -1, -1) if t == 0 or c.toks[t].idx < lo)
    return not any(_finite(c, t) for t in range(a, f.msg[0]) if c.toks[t].idx >= lo)   # a headline has no verb


@rule("author_first_person", "filter")
def author_first_person(c: Ctx, f: Found) -> bool:
    """Ich hatte erwartet, dass das Restaurant voll sein würde. / Ich erkläre, warum … – the author's own first person outside
    a quotation is narration, not a claim; so is the authors' "wir" ("Wir sprachen über Eisenbahnen", a
    party's page: "Auch wir fordern diese in unserem Programm")."""
    if f.ctype == "direct" or f.speaker is None or f.speaker[1] - f.speaker[0] != 1:
        return False
    s = f.speaker[0]
    return c.low[s] in c.w.first_person_pronouns and c.in_quote[s] < 0


QUESTION_FRAMES = ("verb_dass", "verb_inverted", "noun_dass")      # rules whose message may be a question


@rule("reported_question", "filter")
def reported_question(c: Ctx, f: Found) -> bool:
    """Sie fragten, ob er den Reporter kenne. / Er wusste nicht, was gemeint ist. – a clause that
    opens with a question word after a verb of asking, knowing or guessing ("Rate, wer …") is a reported
    question, not a claim ("erklärte, wie …" tells something and stays); so is "Auf die Frage, ob …" before
    any frame verb."""
    if f.rule not in QUESTION_FRAMES or f.msg is None:
        return False
    m = f.msg[0]
    if c.low[m:m + 3] == ["auf", "die", "frage"]:
        return True                     # "Auf die Frage, ob …, sagte Trump": the question, whatever the verb
    negated = _negated_question(c, f, m)
    if f.rule != "noun_dass" and not any(_lemma(c, t) in c.w.question_cues for t in f.cue) \
            and not _ob_question(c, f, m) and not negated:
        return False
    if c.low[m] not in c.w.question_words:
        return False
    if c.low[m] == "wie" and m + 1 < len(c.toks) and c.toks[m + 1].tag_ in ("ADJD", "ADJA") and not negated:
        return False                    # "betonte, wie wichtig es sei": an exclamation
    # "erklärte, wie sich die Junta nennt, die Lage sei ruhig": a parenthesis before the claim
    k = next_comma(c, m, f.msg[1])
    return not any(is_konj1(c, t) for t in range(k, f.msg[1]))


def _negated_question(c: Ctx, f: Found, m: int) -> bool:
    """Die Ministerin erklärte nicht, warum die Zahlen so spät kamen. / Der Konzern äußerte sich nicht dazu, wie hoch der
    Schaden ist. – a question-word clause after a frame verb with a negation in its own clause (words.yaml negation_words)
    asks what was not said, whatever the verb: no claim (a frame in the Konjunktiv I reports in turn and stays).
    Switch ``negated_question``."""
    if not c.R.switch("negated_question") or c.low[m] not in c.w.question_words or f.rule == "noun_dass":
        return False
    t = _cue_verb(c, f)
    if t is None or c.in_quote[t] >= 0 or t >= m:
        return False
    a, _ = c.sents[f.sent]
    frame = [k for k in range(clause_start(c, t, a), m) if c.in_quote[k] < 0]
    return any(c.low[k] in c.w.negation_words for k in frame) and not any(is_konj1(c, k) for k in frame)


def _ob_question(c: Ctx, f: Found, m: int) -> bool:
    """Der Minister wollte sich nicht dazu äußern, ob er zurücktreten werde. – "ob" opens a yes/no question whatever
    the frame verb; only a demand asks for its answer as its content ("forderte Aufklärung darüber, ob …"), and an
    ob-clause that fills the Vorfeld of a reported main clause is part of a claim ("sagte, ob er antrete, entscheide er
    im Herbst")."""
    if not (c.R.switch("ob_question") and c.low[m] == "ob") or any(_lemma(c, t) in c.w.demand_verbs for t in f.cue):
        return False
    k = next_comma(c, m, f.msg[1])     # "sagte, ob er kandidiere, entscheide er im Herbst": the ob-clause opens a main clause
    return not (k + 2 < f.msg[1] and _verb_first(c, k + 1))


def _verb_first(c: Ctx, v: int) -> bool:
    """Token v opens a clause with its finite verb: a verb (by the parse or as a Konjunktiv I), or a lower-case word that
    no conjunction or relative pronoun is, followed by a pronoun or an article ("entscheide er", the tagger: an adjective)."""
    if c.has_pos and c.toks[v].pos_ in ("VERB", "AUX") or is_konj1(c, v):
        return True
    w = c.low[v]
    return c.toks[v].text.isalpha() and c.toks[v].text.islower() and w not in c.w.v2_blockers \
        and not (c.has_pos and c.toks[v].pos_ in ("ADP", "DET", "PRON", "NOUN", "PROPN", "NUM", "PART")) \
        and w not in c.w.subordinators and w not in c.w.relative_pronouns \
        and (c.low[v + 1] in c.w.person_pronouns or c.low[v + 1] in c.w.determiners or c.low[v + 1] == "man")


def _lemma(c: Ctx, t: int) -> str:
    """The lemma of cue word t as the speech lexicon writes it ("fragten" -> "fragen")."""
    entries = c.R.forms.get(c.low[t])
    return entries[0].lemma if entries else c.toks[t].lemma_.lower()


def _inner(c: Ctx, f: Found) -> range:
    """The tokens inside a direct claim's quotation marks."""
    a, b = f.msg
    if c.is_quote_mark(a):
        a += 1
    if b - 1 > a and c.is_quote_mark(b - 1):
        b -= 1
    return range(a, b)


@rule("question_quote", "filter")
def question_quote(c: Ctx, f: Found) -> bool:
    """„Wie ist das Essen?“ / „Oh“, sagte der Oberst. – a quotation that only asks, or a single
    word, asserts nothing; so does a verb-first question without "?" (switch v1_question)."""
    if f.ctype != "direct" or f.msg is None:
        return False
    inner = [t for t in _inner(c, f) if not c.toks[t].is_space]
    words = [t for t in inner if c.toks[t].is_alpha]
    if len(words) <= 1 and f.rule not in ("partial_quote", "quote_in_frame"):
        return True
    ends = [t for t in inner if c.low[t] in PUNCT_END | {"…"}]
    if c.R.switch("v1_question") and _v1_question(c, inner, ends):
        return True
    return bool(ends) and all(c.low[t] == "?" for t in ends) and c.low[inner[-1]] == "?"


def _v1_question(c: Ctx, inner: list[int], ends: list[int]) -> bool:
    """»Wollen Sie Ihre Frau denn nicht mal überraschen«, sagt die Floristin. – one clause (no comma, no final period)
    that opens with a finite verb in the indicative and a personal pronoun asks (or bids), even without "?"
    ("Hätten wir das gewusst, …": a Konjunktiv II with a comma opens a condition and stays)."""
    words = [t for t in inner if not c.is_punct(t)]
    if len(words) < 3 or ends or any(c.low[t] in (",", ";", ":") for t in inner) or not c.has_pos:
        return False
    v, p = c.toks[words[0]], c.low[words[1]]
    finite = v.tag_ in ("VVFIN", "VMFIN", "VAFIN") or (v.pos_ in ("VERB", "AUX") and "Fin" in v.morph.get("VerbForm"))
    return v.text[:1].isupper() and finite and v.morph.get("Mood") != ["Sub"] \
        and c.low[words[0]] not in c.w.konjunktiv2 and p in c.w.question_pronouns


@rule("verse_quote", "filter")
def verse_quote(c: Ctx, f: Found) -> bool:
    """»Mühe und Arbeit war ihr Leben, / Ruhe hat ihr Gott gegeben.« – verse lines (an
    inscription, a poem) are no claim."""
    return f.ctype == "direct" and f.msg is not None and any(
        c.low[t] == "/" and c.toks[t - 1].whitespace_ and c.toks[t].whitespace_ for t in _inner(c, f))


@rule("scare_quote", "filter")
def scare_quote(c: Ctx, f: Found) -> bool:
    """Das Logo „tubeless ready“ oder „TR“ / die Seite „www.chefkoch.de“ / die sogenannte
    „Hausfrauensauce“ – a short quotation without a verb that names something (capitalized words,
    a number, a web address, a term after "sogenannt", one of a list of quoted terms) is no claim
    of the frame's speaker."""
    if f.rule not in ("quote_in_frame", "partial_quote") or f.msg is None:
        return False
    inner = [t for t in _inner(c, f) if not c.is_punct(t)]
    if not inner or len(inner) > SCARE_PHRASE_MAX_WORDS:
        return False
    text = [c.toks[t].text for t in inner]
    if len(inner) <= SCARE_QUOTE_MAX_WORDS and (any(ch.isdigit() for w in text for ch in w)
                                               or any("." in w.strip(".") for w in text)):
        return True                     # „Falcon 1“, „www.chefkoch.de“
    if c.has_pos and any(c.toks[t].pos_ in ("VERB", "AUX") for t in inner):
        return False
    if _term_marker(c, f.msg[0]) or _quote_list(c, f.msg[0], f.msg[1]):
        return True                     # die sogenannte „Hausfrauensauce“ / „A“, „B“ und „C“
    return len(inner) <= SCARE_QUOTE_MAX_WORDS and len(text) >= 2 and all(w[:1].isupper() for w in text)


def _term_marker(c: Ctx, qs: int) -> bool:
    """A word before the quotation that marks it as a term: "sogenannte", "so genannte", "z.B."."""
    k = qs - 1
    while k >= 0 and (c.low[k] in c.w.determiners or c.low[k] in (",", "–")):
        k -= 1
    if k < 0:
        return False
    w = c.low[k]
    return w.startswith(("sogenannt", "sog.")) or (w.startswith("genannt") and k > 0 and c.low[k - 1] == "so") \
        or w in ("z.b.", "bzw.", "etwa", "beispielsweise")


def _quote_list(c: Ctx, qs: int, qe: int) -> bool:
    """The quotation is one of a list of quotations: „A“, „B“ und „C“ / „A“ oder „B“."""
    def quote_at(t: int) -> bool:
        return 0 <= t < len(c.toks) and c.is_quote_mark(t) and c.in_quote[t] >= 0
    after = qe < len(c.toks) and c.low[qe] in (",", "und", "oder", "sowie") and quote_at(qe + 1)
    before = qs >= 2 and c.low[qs - 1] in (",", "und", "oder", "sowie") and quote_at(qs - 2)
    return after or before


@rule("question_sentence", "filter")
def question_sentence(c: Ctx, f: Found) -> bool:
    """Wer sollte also die Komplementärmedizin anbieten? – a reported-speech claim whose sentence is a
    question (outside quotations) asks, it asserts nothing: continuation, hearsay and source-adverb
    claims only (a frame verb before a question stays the business of ``reported_question``). Switch
    question_frame: also a frame or source phrase inside the question ("Für wie wahrscheinlich halten Sie es, dass …?",
    "Welche Vorschläge sind Ihrer Meinung nach verfassungswidrig?")."""
    if f.msg is None:
        return False
    if c.R.switch("question_frame") and f.rule in QUESTION_FRAME_RULES and f.ctype != "direct":
        return _question_frame(c, f)
    if f.rule not in ("konj_continuation", "soll_hearsay", "source_adverb"):
        return False
    last = f.msg[1] - 1
    while last > f.msg[0] and c.low[last] in ("“", "”", "»", "«", '"', ")"):
        last -= 1
    if c.low[last] == "?" and c.R.switch("tag_question") and _tag_question(c, f.msg[0], last):
        return False                    # "…, nicht wahr?": a statement with a tag, it asks nothing
    return c.low[last] == "?" and c.in_quote[last] < 0


QUESTION_FRAME_RULES = ("verb_dass", "verb_inverted", "verb_konj", "verb_zu", "verb_v2", "noun_dass", "noun_konj",
                        "source_nach", "source_laut", "source_zufolge", "source_gemäß", "wie_verb")


def _question_frame(c: Ctx, f: Found) -> bool:
    """Für wie wahrscheinlich halten Sie es, dass diesen Drohungen Taten folgen? – the sentence of the frame and of the
    message's start ends in a question mark outside quotations (a tag question aside): the frame asks, it
    reports nothing."""
    si = c.sent_of[f.msg[0]]
    if si != f.sent or c.in_quote[f.msg[0]] >= 0:
        return False
    a, b = c.sents[si]
    last = b - 1
    while last > a and (c.low[last] in ("“", "”", "»", "«", '"', ")") or c.toks[last].is_space):
        last -= 1
    if c.low[last] != "?" or c.in_quote[last] >= 0:
        return False
    if c.R.switch("tag_question") and _tag_question(c, a, last):
        return False
    return not c.R.switch("question_addressee") or _addressed_question(c, a, last)


def _addressed_question(c: Ctx, a: int, q: int) -> bool:
    """Glauben Sie, dass er weiß, wo der Abgrund verläuft? – switch question_addressee: a question that addresses the
    one asked (a polite "Sie"/"Ihr…" after the first word, "du", "euch" outside quotations) asks for a view and reports
    nothing; "Warum behauptet die Regierung, dass die Renten sicher sind?" takes the government's claim for given."""
    first = a
    while first < q and (c.is_quote_mark(first) or c.toks[first].is_space):
        first += 1
    for t in range(first, q):
        if c.in_quote[t] >= 0:
            continue
        if (t > first and c.toks[t].text in c.w.addressee_forms_cased) or c.low[t] in c.w.addressee_forms:
            return True
    return False


def _tag_question(c: Ctx, a: int, q: int) -> bool:
    """Whether the words between the last comma before ``q`` (a "?") and ``q`` are a tag question."""
    k = q - 1
    while k > a and c.low[k] != "," and q - k <= 3:
        k -= 1
    return c.low[k] == "," and k < q - 1 and " ".join(c.low[k + 1:q]) in c.w.tag_questions


TOPIC_WORDS = {"über", "von", "vom", "für", "gegen"}      # "sprach von einer Krise": a speech act with a topic


@rule("conversation", "filter")
def conversation(c: Ctx, f: Found) -> bool:
    """Die OÖN sprachen mit Ansgar Weltermann und Leo Auerbach. – a verb of conversation with only
    a partner, or with nothing at all ("Zur Eröffnung sprechen X und Y"), reports that people talked, not what anyone claimed (speech acts only; a topic, "sprach
    über die Lage", stays a reported speech act, and "sprach sich für … aus" keeps its particle)."""
    if f.rule != "speech_act" or not f.cue or f.msg is None:
        return False
    cue = [t for t in sorted(set(f.cue) | set(f.frame_cue)) if c.low[t] not in c.R.auxiliaries]
    if len(cue) != 1 or _lemma(c, cue[0]) not in c.w.conversation_verbs:
        return False                    # "hat mit der Freundin gesprochen": the auxiliary is no other verb
    rest = c.low[cue[0] + 1:f.msg[1]]
    if "mit" in rest and "über" not in rest:
        return True
    # "Zur Eröffnung sprechen X, Y und Z": no topic at all
    return not any(c.low[k] in TOPIC_WORDS and c.in_quote[k] < 0 and not _in_subject(c, k) for k in range(*f.msg))


def _in_subject(c: Ctx, k: int) -> bool:
    """Token k belongs to the subject in the parse ("Schweitzer vom Gewerkschafterdialog sprechen")."""
    return c.has_dep and any(t.dep_.startswith("nsubj") for t in c.toks[k].ancestors)


VERB_FRAMES = ("verb_dass", "verb_konj", "verb_v2", "verb_zu", "verb_inverted")     # claims of a frame verb


def _cue_verb(c: Ctx, f: Found) -> int | None:
    """The first cue token that is a speech or cognition verb form; an auxiliary ("werden gebeten") only where no other
    cue token is one ("wurde bekannt": "werden" is a form of bekannt_werden, src10)."""
    t = next((t for t in f.cue if c.low[t] in c.R.forms and c.low[t] not in c.R.auxiliaries), None)
    return t if t is not None else next((t for t in f.cue if c.low[t] in c.R.forms), None)


@rule("evidence_verb", "filter")
def evidence_verb(c: Ctx, f: Found) -> bool:
    """Eine Studie aus den USA hat gezeigt, dass fermentierte Lebensmittel helfen können. – a verb of
    showing or proving whose subject names no actor (a study, tests, experiences, figures) reports
    evidence, not a claim; with a person or organisation as its subject it stays a claim ("Die Polizei
    bestätigte, dass …")."""
    if f.rule not in VERB_FRAMES or f.speaker_key is not None:
        return False
    t = _cue_verb(c, f)
    if t is None or _lemma(c, t) not in c.w.evidence_verbs:
        return False
    if f.speaker is not None and any(c.low[k] in c.w.person_pronouns for k in range(*f.speaker)):
        return False                    # "sie bestätigte": a pronoun stands for an actor
    return True


@rule("impersonal_frame", "filter")
def impersonal_frame(c: Ctx, f: Found) -> bool:
    """Dennoch ist festzuhalten, dass die Epidemie nicht überwunden ist. / Man merkt, dass Prag nicht weit
    ist. – a frame verb without a speaker that is a lone zu-infinitive ("ist festzuhalten", "ist davon
    auszugehen", "um den Menschen mitzuteilen"; "beeilte sich zu erklären" keeps its subject and its
    claim), or a verb of thinking with the generic "man" or "wer" as its subject, is the author's own reasoning
    or a mere possibility, not someone's claim."""
    if f.rule not in VERB_FRAMES + ("speech_act",) or f.speaker is not None:
        return False
    t = _cue_verb(c, f)
    if t is None:
        return False
    lw = c.low[t]
    entries = c.R.forms.get(lw, [])
    if len(f.cue) == 1 and ((t > 0 and c.low[t - 1] == "zu") or any(
            e.particle and lw.startswith(e.particle.replace(" ", "") + "zu") and not e.participle for e in entries)):
        return True                     # a zu-infinitive without a speaker: what it frames is nobody's claim
    if f.rule == "speech_act":
        return False
    if any("speech" in e.classes for e in entries if not e.split or len(f.cue) > 1):
        return False                    # a verb of saying ("man sagt, dass …") reports hearsay
    a, b = c.sents[f.sent]
    return any(c.low[k] in c.w.generic_subjects and c.in_quote[k] < 0 for k in range(max(a, t - 3), min(b, t + 3)))


@rule("passive_speech_act", "filter")
def passive_speech_act(c: Ctx, f: Found) -> bool:
    """Zunächst wurde das Gesetz abgelehnt. / Die Richtlinie schließt eine Haftung nicht aus. – a speech
    act in the passive without an agent ("von …", "durch …") or whose subject names no one who can
    speak (a law, a directive, a plan) reports an outcome, not a claim."""
    if f.rule != "speech_act" or f.msg is None:
        return False
    from ..speaker import plausible_speaker
    if _passive_cue(c, f):
        a, b = f.msg
        return not any(c.low[k] in ("von", "vom", "durch") for k in range(a, b) if c.in_quote[k] < 0)
    if f.speaker is not None and f.speaker_key is None and _norm_subject(c, f.speaker):
        return True                     # "Die Richtlinie schließt eine Haftung aus": a rule speaks for no one
    return f.speaker is not None and f.speaker_key is None and c.R.switch("plausible_speaker") \
        and not plausible_speaker(c, f.speaker)


def _norm_subject(c: Ctx, sp: tuple[int, int]) -> bool:
    """The speaker's head noun (its first noun) names a rule or a legal text: "Die Richtlinie 2000/31/EG",
    "Das Volksbegehren", "Der Vertrag von Lissabon"."""
    head = next((t for t in range(*sp) if c.has_pos and c.toks[t].pos_ == "NOUN"), None)
    return head is not None and c.low[head].endswith(tuple(c.w.norm_nouns))


def _passive_cue(c: Ctx, f: Found) -> bool:
    """The cue is a participle with a form of "werden" ("wurde abgelehnt", "wird gefordert")."""
    cue = sorted(set(f.cue) | set(f.frame_cue))
    part = any(any(e.participle for e in c.R.forms.get(c.low[t], [])) or "Part" in c.toks[t].morph.get("VerbForm")
               or c.toks[t].tag_ in ("VVPP", "VBN") for t in cue)
    a, b = c.sents[f.sent]
    return part and any(c.low[k] in c.w.passive_auxiliaries for k in range(a, b) if c.in_quote[k] < 0)


@rule("casualty_object", "filter")
def casualty_object(c: Ctx, f: Found) -> bool:
    """In Vietnam forderte die Naturkatastrophe 92 Menschenleben. / Der Unfall forderte zwei Schwerverletzte. – "fordern"
    with casualties as its object (a number or quantifier before "Tote", "Opfer", "Verletzte", "Menschenleben"; "das
    Leben von …") counts victims, it demands nothing and reports no claim."""
    if f.msg is None or f.ctype == "direct":
        return False
    t = _cue_verb(c, f)
    if t is None or c.in_quote[t] >= 0 or _lemma(c, t) not in c.w.casualty_verbs:
        return False
    b = c.sents[f.sent][1]
    end = next((m for m in range(t + 1, b) if c.low[m] in (",", ";", ":") and c.in_quote[m] < 0), b)
    return any(_casualty_at(c, k) and not _in_pp(c, k, t) for k in range(t + 1, end) if c.in_quote[k] < 0)


def _in_pp(c: Ctx, k: int, t: int) -> bool:
    """Token k hangs on a preposition below verb t ("Entschädigung für 92 Tote"), in the parse; without a parse, a
    preposition stands between t and k."""
    if not c.has_dep:
        return any(c.has_pos and c.toks[m].pos_ == "ADP" for m in range(t + 1, k))
    tok = c.toks[k]
    while tok.i != t:
        if tok.pos_ == "ADP" or any(ch.pos_ == "ADP" and ch.i < k for ch in tok.children):
            return True                 # a preposition heads it (TIGER) or is its "case" child (UD)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def _casualty_at(c: Ctx, k: int) -> bool:
    """Token k is a casualty noun counted by the word before it ("92 Menschenleben", "mehrere Schwerverletzte") or
    "das Leben" with a genitive or "von" after it."""
    low = c.low[k]
    if not low.endswith(tuple(c.w.casualty_nouns)) or k == 0:
        return False
    j = k - 1
    while j > 0 and c.has_pos and c.toks[j].pos_ == "ADJ":
        j -= 1                          # "92 weitere Menschenleben", "zwei lebensgefährlich Verletzte"
    prev = c.toks[j]
    if prev.like_num or (c.has_pos and prev.pos_ == "NUM") or c.low[j] in c.w.casualty_quantifiers:
        return True
    nxt = c.low[k + 1] if k + 1 < len(c.toks) else ""
    return low == "leben" and c.low[k - 1] == "das" and (nxt in c.w.genitive_determiners or nxt in ("von", "vieler"))


@rule("negated_confirmation", "filter")
def negated_confirmation(c: Ctx, f: Found) -> bool:
    """Ein Sprecher der US-Armee wollte nicht bestätigen, dass alle Insassen Angehörige der US-Armee waren. / Die Polizei
    bestätigte die Festnahme nicht. – a verb of confirming or commenting with "nicht" or "kein" in its own clause says
    that nothing was confirmed: no one claims the content ("schloss nicht aus, dass …" is another verb and stays; so does
    a frame in the Konjunktiv I, "Es könne nicht bestätigt werden, dass …, teilte das Präsidialamt mit", reported in turn)."""
    if f.msg is None or f.ctype == "direct":
        return False
    t = _cue_verb(c, f)
    if t is None or c.in_quote[t] >= 0 or _lemma(c, t) not in c.w.confirm_verbs:
        return False
    a, b = c.sents[f.sent]
    lo = clause_start(c, t, a)
    hi = next((m for m in range(t + 1, b) if c.low[m] in (",", ";", ":") and c.in_quote[m] < 0), b)
    msg = range(*f.msg) if f.rule != "speech_act" else range(0)     # a speech act's message is its own clause
    frame = [k for k in range(lo, hi) if c.in_quote[k] < 0 and k not in msg]
    if any(is_konj1(c, k) for k in frame):
        return False                    # "Es könne nicht bestätigt werden, dass …, teilte X mit": reported in turn
    return any(c.low[k] in c.w.negation_words for k in frame)


@rule("temporal_nach", "filter")
def temporal_nach(c: Ctx, f: Found) -> bool:
    """Zwei Monate nach dem Urteil des Bundesverwaltungsgerichts liegt nun die Begründung vor. / Kurz nach der
    Veröffentlichung kam es zu Protesten. – "nach" right after a time word ("kurz", "erst", "unmittelbar") or a span of
    time ("zwei Monate", "einen Tag") is temporal: the noun after it names an event, not a source."""
    if f.rule != "source_nach" or not f.cue:
        return False
    t = next((k for k in f.cue if c.low[k] == "nach"), None)
    if t is None:
        return False
    prev = c.low[t - 1] if t > c.sents[f.sent][0] else ""
    if prev in c.w.time_before_nach or prev in c.w.time_unit_nouns:
        return True
    return c.R.switch("nach_event_noun") and _nach_event(c, f, t)


def _nach_event(c: Ctx, f: Found, t: int) -> bool:
    """Nach der Veröffentlichung des Berichts trat der Minister zurück. – "nach" with a definite article before a noun
    of an act (words.yaml nach_event_nouns: "Veröffentlichung", "Nachricht", "Beschluss") is the time after that act;
    "nach einer Veröffentlichung in „Nature“" (indefinite: a text), "nach Angaben", "nach dem Bericht" stay sources, and
    so does a message in the Konjunktiv I (reported in turn). Switch ``nach_event_noun``."""
    b = c.sents[f.sent][1]
    if t + 2 >= b or c.low[t + 1] not in ("der", "dem", "den", "diesem", "dieser"):
        return False
    k = t + 2
    while k < b and k < t + 5 and c.toks[k].text[:1].islower() and c.in_quote[k] < 0:
        k += 1                          # attributive adjectives: "nach der ersten Auswertung"
    if k >= b or c.low[k] not in c.w.nach_event_nouns:
        return False
    return not any(is_konj1(c, m) for m in range(*f.msg) if c.in_quote[m] < 0)


@rule("intention_source", "filter")
def intention_source(c: Ctx, f: Found) -> bool:
    """Die Reform soll nach dem Willen der Koalition im Herbst verabschiedet werden. – "nach" with a noun of a will or
    wish (words.yaml nach_intention_nouns: "Willen", "Wunsch") names what someone wants to happen, not
    what they say is so; the modern-news golds count no claim ("nach Angaben", "nach den Plänen" stay sources). The
    Wikinews profile turns the rule off (its gold counts "Nach dem Willen des G8-Gipfels … soll …")."""
    if f.rule != "source_nach" or not f.cue:
        return False
    t = next((k for k in f.cue if c.low[k] == "nach"), None)
    if t is None:
        return False
    b = c.sents[f.sent][1]
    k = t + 1
    while k < b and k < t + 4 and c.toks[k].text[:1].islower() and c.in_quote[k] < 0:
        k += 1                          # the article, a possessive, an adjective: "nach dem ausdrücklichen Willen"
    return k < b and c.low[k] in c.w.nach_intention_nouns


@rule("temporal_danach", "filter")
def temporal_danach(c: Ctx, f: Found) -> bool:
    """Danach brach Feuer aus und aus dem Gebäude drang Rauch. / Danach wurde er Budgetdirektor im Weißen Haus. – "Danach"
    before a finite verb in the past indicative (preterite, pluperfect) narrates what happened next: temporal, no
    source ("Danach bestimmen verschiedene Formen von Gewalt den Alltag", "Danach hätte es sich um … gehandelt" stay)."""
    if f.rule != "source_adverb" or not f.cue:
        return False
    t = f.cue[0]
    if c.low[t] not in c.R.context_source_adverbs or t + 1 >= c.sents[f.sent][1]:
        return False
    v = c.toks[t + 1]
    if c.R.switch("danach_preterite") and v.pos_ in ("VERB", "AUX") and _preterite_form(c, t + 1):
        return True                     # "Danach fingen sie an", "Danach setzten sie … in Brand" (the model: Tense=Pres)
    return v.pos_ in ("VERB", "AUX") and v.morph.get("Tense") == ["Past"] and v.morph.get("Mood") == ["Ind"]


def _preterite_form(c: Ctx, i: int) -> bool:
    """A finite verb that can only be a preterite: a weak preterite by its lemma's stem ("setzten"), or a plural in -en
    that is not its lemma ("fingen" of "anfangen"; a present plural is the infinitive), no Konjunktiv II ("hätten")."""
    lw, lemma = c.low[i], c.toks[i].lemma_.lower()
    if lw in c.w.konjunktiv2 or lw in c.w.konjunktiv2_reported or not lw.isalpha() or len(lemma) < 3:
        return False
    if c._weak_preterite(i):
        return True
    return lw.endswith("en") and not lemma.endswith(lw) and lemma.endswith("en")


@rule("negative_subject", "filter")
def negative_subject(c: Ctx, f: Found) -> bool:
    """Niemand erwartet, dass das Land eine Rakete abschießen wird. / Besucht man die Siedlung, so vermuten nur die wenigsten,
    dass … / Keine Einrichtung, die sich entscheidet, später zu öffnen, muss einen Nachteil befürchten. – a frame verb whose
    subject (or a relative pronoun's antecedent) is "niemand", "kein …" or "die wenigsten" says that nobody holds the
    content: no one's claim ("Kein Geringerer als der Präsident sagte …" names someone and stays)."""
    if f.msg is None or f.ctype == "direct" or f.rule not in VERB_FRAMES + ("speech_act",):
        return False
    t = _cue_verb(c, f)
    if t is None or c.in_quote[t] >= 0:
        return False
    sp = f.speaker
    if sp is None:
        a = c.sents[f.sent][0]
        lo = clause_start(c, t, a)
        sp = _relative_antecedent(c, (lo, lo + 1)) if lo < t else None
    if sp is None or any(c.low[k] == "als" for k in range(*sp)):
        return False
    return any(c.low[k] in c.w.negative_subjects for k in range(sp[0], min(sp[1], sp[0] + 2)))


def _relative_antecedent(c: Ctx, sp: tuple[int, int]) -> tuple[int, int] | None:
    """The noun phrase before the comma of a lone relative pronoun subject (", die …"), or None."""
    s = sp[0]
    if sp[1] - s != 1 or c.low[s] not in c.w.relative_pronouns or s < 2 or c.low[s - 1] != ",":
        return None
    from ..speaker import grab_np, np_before
    sa = c.sents[c.sent_of[s]][0]
    ante = np_before(c, s - 1, sa)
    if ante is None:                    # "Dafür reichen Drei-Wort-Sätze, die …": an object before the comma
        ante = next((np_ for k in range(max(sa, s - 12), s - 1)
                     if (np_ := grab_np(c, k, s - 1, allow_oblique=True)) and np_[1] == s - 1), None)
    return ante


@rule("provision_frame", "filter")
def provision_frame(c: Ctx, f: Found) -> bool:
    """Der Handel mit Emissionszertifikaten sieht vor, dass Unternehmen Emissionsrechte hinzukaufen müssen. / Ein Gesetz,
    das vorsieht, dass alle Schulkinder Mandarin lernen müssen, … – "vorsehen" whose subject is no actor (a law, a plan,
    a budget, a scheme) states what a rule provides for, not what someone claims."""
    if f.msg is None or f.ctype == "direct" or f.speaker_key is not None:
        return False
    t = _cue_verb(c, f)
    if t is None or c.in_quote[t] >= 0:
        return False
    from ..speaker import has_actor, plausible_source
    if f.speaker is not None and (has_actor(c, f.speaker) or plausible_source(c, f.speaker)):
        return False                    # "Merkel sieht vor, dass …", "Die Ministerin sieht vor, …": someone's plan
    return any(e.lemma in c.w.provision_verbs for e in c.R.forms.get(c.low[t], []) if not e.split or len(f.cue) > 1) \
        or _lemma(c, t) in c.w.provision_verbs


@rule("existence_frame", "filter")
def existence_frame(c: Ctx, f: Found) -> bool:
    """Es besteht die Gefahr, dass die Preise weiter steigen. / Zuerst bestand die Möglichkeit, dass der Hurrikan das
    Startgelände erreichen könnte. – "bestehen" frames a claim only with a prepositional object ("Der Minister bestand
    darauf, dass …", "Einigkeit besteht darüber, dass …", "bestand in der Ankündigung, …"); without one before the message
    it says that a danger, a chance or a doubt exists, or what something consists in ("Der Unterschied besteht darin,
    dass …"): nobody claims. Only a dass-clause after the verb (zu-infinitives: action_complement, "Der Mehrwert besteht
    darin, … zu …"); "Soweit der Kläger … verlange, bestehe Erstbegehungsgefahr." is left to the Konjunktiv rules."""
    if f.msg is None or f.ctype == "direct" or f.rule != "verb_dass":
        return False
    t = _cue_verb(c, f)
    if t is None and f.cue:
        t = f.cue[0]                    # "bestünde": a Konjunktiv II form the lexicon does not generate
    if t is None or c.in_quote[t] >= 0 or _lemma(c, t) not in c.w.existence_verbs:
        return False
    window = range(t + 1, f.msg[0])
    if any(c.low[k] in c.w.existence_frame_words for k in window):
        return False                    # "bestand darauf, dass …", "Einigkeit besteht darüber, dass …"
    # "Die erste Reaktion bestand in der Ankündigung, der Iran werde …": a noun of speech says what was claimed
    return not any(c.low[k] == "in" and _claim_noun_within(c, k + 1, min(k + 4, f.msg[0])) for k in window)


def _claim_noun_within(c: Ctx, a: int, b: int) -> bool:
    return any(c.toks[j].text in c.R.claim_nouns for j in range(a, b))


@rule("concessive_sei_es", "filter")
def concessive_sei_es(c: Ctx, f: Found) -> bool:
    """Sei es durch Darbietungen im Netz oder durch spontane Balkon-Konzerte. – "sei es … oder …" opens
    a concessive list, not reported speech: its "sei" is no Konjunktiv of someone's claim; nor is the "sei" of "es sei
    denn" ("unless": "Niemand dürfte die Kasse in Frage stellen (es sei denn, um sie …)")."""
    if f.rule not in ("konj_continuation", "colon_content") or f.msg is None:
        return False
    a = f.msg[0]
    while a < f.msg[1] and (c.is_punct(a) or c.low[a] in ("-", "–")):
        a += 1
    if c.low[a:a + 2] == ["sei", "es"]:
        return True
    # "… in Frage stellen (es sei denn, um sie …)": "es sei denn" means "unless"; with no other Konjunktiv I it
    # reports nothing (switch sei_denn)
    konj = [t for t in range(*f.msg) if is_konj1(c, t)]
    return c.R.switch("sei_denn") and bool(konj) and all(
        c.low[t] == "sei" and c.low[t - 1] == "es" and t + 1 < len(c.toks) and c.low[t + 1] == "denn" for t in konj)


def _perfect_infinitive(c: Ctx, a: int, b: int) -> bool:
    """A perfect infinitive at the clause end: "… serviert haben", "… gewesen sein"."""
    toks = [t for t in range(a, b) if c.in_quote[t] < 0 and not c.is_punct(t)]
    return len(toks) >= 2 and c.low[toks[-1]] in c.w.perfect_auxiliaries and (
        c.low[toks[-2]].startswith("ge") or c.low[toks[-2]].endswith(("t", "en")))


@rule("soll_plan", "filter")
def soll_plan(c: Ctx, f: Found) -> bool:
    """Ab diesem Zeitpunkt soll der HTC Touch dort erhältlich sein. / Vertrieben werden soll er unter dem
    Namen „Xda Nova“. – "soll" with a plain infinitive that speaks of the future (a time word such as
    "ab", "künftig", "weiterhin"; a state such as "erhältlich", "möglich"; a passive "werden soll") is a
    plan or a purpose, not hearsay ("soll … serviert haben" stays hearsay)."""
    if f.rule != "soll_hearsay" or f.msg is None:
        return False
    a, b = c.sents[f.sent]
    seg_end = next_comma(c, a, b)
    if _perfect_infinitive(c, a, seg_end):
        return False
    words = [c.low[t] for t in range(a, seg_end) if c.in_quote[t] < 0]
    if any(w in c.w.plan_words for w in words):
        return True
    if c.R.switch("plan_date") and _plan_date(c, a, seg_end, words):
        return True
    return any(w in c.w.hearsay_modals and i > 0 and words[i - 1] == "werden" for i, w in enumerate(words))


def _plan_date(c: Ctx, a: int, e: int, words: list[str]) -> bool:
    """Der Gemeinderat soll im Mai über die Umwidmung abstimmen. / Die Maßnahmen sollen bis Anfang 2027 in Kraft treten. –
    "soll" with a plain infinitive and a month or a year (a four-digit number) sets a date: a plan, not hearsay (the
    hearsay of the past has a perfect infinitive: "soll 2019 … kassiert haben"; switch ``plan_date``)."""
    if any(w in c.w.months for w in words):
        return True
    return any(c.toks[t].like_num and len(c.low[t]) == 4 and c.low[t].isdigit() and c.low[t][:2] in ("19", "20")
               for t in range(a, e))


@rule("action_complement", "filter")
def action_complement(c: Ctx, f: Found) -> bool:
    """Der Mehrwert besteht darin, sich das Leben leichter zu machen. / Dafür spricht, dass … – an idiom
    of reasons ("besteht darin", "spricht dafür") with a zu- or dass-clause gives an argument, not what
    someone claims; so does a police appeal in the passive without a speaker ("Zeugen werden gebeten, sich zu melden").
    Decisions ("hat entschieden, … zu") stay claims, as Wikinews annotates them."""
    if f.rule not in ("verb_zu", "verb_dass") or f.msg is None:
        return False
    t = _cue_verb(c, f)
    if t is None:
        return False
    lem = _lemma(c, t)
    a, b = c.sents[f.sent]
    frame = [c.low[k] for k in range(a, f.msg[0]) if c.in_quote[k] < 0]
    if f.rule == "verb_zu" and lem in c.w.action_verbs:
        return True
    if lem in c.w.reason_verbs and any(w in c.w.reason_adverbs for w in frame):
        return True
    return f.rule == "verb_zu" and f.speaker is None and lem in c.w.request_verbs \
        and any(w in c.w.passive_auxiliaries for w in frame)


INFINITIVE_TAGS = ("VVINF", "VAINF", "VMINF", "VVIZU")


def _infinitive(c: Ctx, t: int) -> bool:
    """Cue word t is an infinitive ("sagen", "rechnen", "erklären")."""
    tok = c.toks[t]
    if c.has_pos and (tok.tag_ in INFINITIVE_TAGS or "Inf" in tok.morph.get("VerbForm")):
        return True
    return any(e.lemma.replace("_", "") == c.low[t] for e in c.R.forms.get(c.low[t], []))


def _frame_clause(c: Ctx, f: Found, t: int) -> list[int]:
    """The words of the clause of cue word t outside quotations and outside the claim's message."""
    a, b = c.sents[f.sent]
    lo = clause_start(c, t, a)
    hi = next((m for m in range(t + 1, b) if c.low[m] in (",", ";", ":") and c.in_quote[m] < 0), b)
    msg = range(*f.msg) if f.msg else range(0)
    return [k for k in range(lo, hi) if c.in_quote[k] < 0 and k not in msg]


@rule("hypothetical_frame", "filter")
def hypothetical_frame(c: Ctx, f: Found) -> bool:
    """Zyniker würden auch sagen „Lohnsklaverei“. / Dann könnte Johnson damit rechnen, dass … – a frame verb
    in the infinitive with a Konjunktiv-II auxiliary of its own clause (würde, könnte) frames
    a possibility, not something anyone said; so does a verb of thinking in the future ("Sie werden glauben,
    dass …"). A finite frame ("Er sagte, er würde …"), an obligation ("müssten … erklären") and a verb of
    saying in the future ("Puristen werden behaupten, …") stay claims."""
    if f.msg is None or (f.ctype == "direct" and f.rule != "quote_in_frame"):
        return False
    t = _cue_verb(c, f)
    if t is None or c.in_quote[t] >= 0 or not _infinitive(c, t):
        return False
    words = [c.low[k] for k in _frame_clause(c, f, t)]
    if any(w in c.w.hypothetical_auxiliaries for w in words):
        return True
    entries = c.R.forms.get(c.low[t], [])
    return any("cognition" in e.classes for e in entries) and any(w in c.w.future_auxiliaries for w in words)


@rule("purpose_clause", "filter")
def purpose_clause(c: Ctx, f: Found) -> bool:
    """Um die nachbarschaftliche Hilfe weiter auszubauen, bietet die Piratenpartei einen Generator an. – a
    clause of purpose or manner ("um/ohne/statt … zu") before a verb is no message of an inverted frame."""
    if f.rule != "verb_inverted" or f.msg is None or c.low[f.msg[0]] not in c.w.purpose_openers:
        return False
    e = next_comma(c, f.msg[0], f.msg[1])
    last = e - 1
    return last > f.msg[0] and (c.low[last - 1] == "zu" or "zu" in c.low[last][2:-2] or _infinitive(c, last))


@rule("relative_subject", "filter")
def relative_subject(c: Ctx, f: Found) -> bool:
    """Die 16 Schuhpaare, die vor der Tribüne abgestellt werden, erinnern an ein früheres Début. – a noun
    phrase with a relative clause before the verb is the verb's subject, not a message of an inverted frame
    (the message needs a verb of its own outside the relative clause)."""
    if f.rule != "verb_inverted" or f.msg is None or not c.has_pos:
        return False
    a, e = f.msg
    b = c.sents[f.sent][1]
    k = next_comma(c, a, e)
    if k + 1 >= e or c.low[k + 1] not in c.w.relative_pronouns:
        return False
    j = next_comma(c, k + 1, b)         # the relative clause ends; the frame verb must follow at once
    if j + 1 >= b or j + 1 not in f.cue:
        return False                    # "Ein Tief, das …, habe das Festland erreicht, meldet …": the clause goes on
    return not any(_finite(c, t) for t in range(a, k) if c.in_quote[t] < 0) and not slot_mistag(c, a, k)


def _finite(c: Ctx, t: int) -> bool:
    """Token t is a finite verb."""
    tok = c.toks[t]
    return tok.pos_ in ("VERB", "AUX") and (tok.tag_ in ("VVFIN", "VAFIN", "VMFIN", "VBC")
                                            or "Fin" in tok.morph.get("VerbForm") or bool(tok.morph.get("Mood")))


@rule("comment_clause", "filter")
def comment_clause(c: Ctx, f: Found) -> bool:
    """Die Sauce verlangte ein bisschen nach Matjes, wie ich fand. – "wie ich fand", "wie er sagte" is a
    comment on the sentence, not the content of the verb before it."""
    if f.rule not in ("verb_dass", "verb_inverted") or f.msg is None:
        return False
    words = [t for t in range(*f.msg) if not c.is_punct(t)]
    return 2 <= len(words) <= 4 and c.low[words[0]] == "wie" and c.low[words[-1]] in c.R.forms


@rule("infinitive_speech_act", "filter")
def infinitive_speech_act(c: Ctx, f: Found) -> bool:
    """Es liegt keine Rechtfertigung vor, Menschen vom BGE auszuschließen. / Er wollte die Angriffe zurückweisen.
    – a speech-act verb in a zu-infinitive, or in the infinitive of a modal verb, names a possible or wanted
    act, nobody performs it."""
    if f.rule != "speech_act":
        return False
    t = _cue_verb(c, f)
    if t is None:
        return False
    tok = c.toks[t]
    if (t > 0 and c.low[t - 1] == "zu") or (c.has_pos and tok.tag_ == "VVIZU") or any(
            e.particle and c.low[t].startswith(e.particle.replace(" ", "") + "zu") and not e.participle
            for e in c.R.forms.get(c.low[t], [])):
        return True
    # "wollte die Angriffe zurückweisen", "hätte … verlangen müssen", "Änderungen vorschlagen kann": a modal's
    # infinitive names an act that was wanted, possible or due, not one performed (a future with "werden" stays)
    if not _infinitive(c, t) or c.in_quote[t] >= 0:
        return False
    words = _frame_clause(c, f, t) if f.msg is None else [k for k in range(*c.sents[f.sent]) if c.in_quote[k] < 0]
    return not any(c.low[k] in c.w.future_auxiliaries for k in words) and any(
        c.low[k] in c.w.modal_verbs or c.low[k] in c.w.hypothetical_auxiliaries for k in words)


@rule("knowledge_frame", "filter")
def knowledge_frame(c: Ctx, f: Found) -> bool:
    """Dass die Lage ernst war, wusste er bereits. / Kluncker, der genau wusste, dass die Regierung … – a verb of
    knowing in the indicative narrates what someone knew, it reports no claim; in the Konjunktiv ("Sie wisse,
    dass …") or with "wollen" or "lassen" ("Der NDR will wissen, dass …", "ließ wissen") it does."""
    if f.rule not in VERB_FRAMES + ("quote_in_frame",) or f.msg is None:
        return False
    t = _cue_verb(c, f)
    strict = c.R.switch("knowledge_strict")
    if t is None or c.in_quote[t] >= 0 or not (_lemma(c, t) in c.w.knowledge_verbs or (strict and any(
            not e.split and e.lemma in c.w.knowledge_verbs for e in c.R.forms.get(c.low[t], [])))):
        return False                    # "merkte": merken, not the split "an_merken" without its particle
    if any(k != t and c.low[k] in c.w.separable_particles for k in f.cue) or _speech_sense(c, f, t):
        return False                    # "erkannte … an": another verb
    frame = [k for k in [t, *f.cue] if c.in_quote[k] < 0]
    return not any(_konjunktiv_strict(c, k) if strict else c.is_konj(k) for k in frame)


def _konjunktiv_strict(c: Ctx, k: int) -> bool:
    """A Konjunktiv I ("wisse"), a Konjunktiv II of the lexicon ("hätte") or one with an umlaut ("wüsste"): not the
    preterite of a mixed verb after "er" ("Er wusste, dass …", which the -e rule takes for a Konjunktiv)."""
    lw = c.low[k]
    return is_konj1(c, k) or lw in c.w.konjunktiv2 or (c.is_konj(k) and any(ch in lw for ch in "äöü"))


def _speech_sense(c: Ctx, f: Found, t: int) -> bool:
    """"will wissen, dass", "ließ seinen Sohn wissen": with wollen or lassen a verb of knowing is one of saying."""
    return any(c.low[k].startswith(("will", "woll", "ließ", "läss", "lass")) for k in _frame_clause(c, f, t))


@rule("perception_quote", "filter")
def perception_quote(c: Ctx, f: Found) -> bool:
    """Das Stück zeigt, welche Gefühle verbunden sind; nicht in einer stringenten «Handlung». / Und natürlich
    denkt das WEF „an die Kinder“. – a verb of showing, thinking or deciding elsewhere in the sentence does not
    frame a quotation: the quoted words are a title or a term, not that subject's words."""
    if f.rule != "quote_in_frame":
        return False
    t = _cue_verb(c, f)
    return t is not None and _lemma(c, t) in c.w.non_quote_verbs and not _speech_sense(c, f, t)


@rule("proverb_quote", "filter")
def proverb_quote(c: Ctx, f: Found) -> bool:
    """»Keiner ist in Treue stärker als der alte Uckermärker«, sagt der Volksmund. / …, lautet eine Weisheit aus
    Prenzlau. – a quotation whose "speaker" is a saying, a proverb or an inscription quotes no one's claim."""
    if f.ctype != "direct" or f.speaker is None:
        return False
    return any(c.low[t] in c.w.saying_nouns or c.low[t].endswith(("weisheit", "sprichwort", "spruch"))
               for t in range(*f.speaker) if c.in_quote[t] < 0)


@rule("implausible_colon_frame", "filter")
def implausible_colon_frame(c: Ctx, f: Found) -> bool:
    """Das Unheil beginnt wie so oft mit einer Anzeige im Kombiinstrument: "Bitte Adblue nachfüllen". – a colon
    frame without a speech verb whose subject names no one who can speak introduces a sign, a motto or an
    example, not someone's words ("Das Fazit des Berichts lautete: „…“" keeps its source noun)."""
    if f.rule != "quote_colon" or f.speaker is None or f.speaker_key is not None:
        return False
    from ..speaker import plausible_speaker
    if any(c.low[t].startswith(("sein", "ihr", "unser", "mein", "dein", "euer")) for t in range(*f.speaker)):
        return False                    # "Seine Zuversicht gründet sich auf …: „…“": his words
    return not plausible_speaker(c, f.speaker)


@rule("colon_speech_act", "filter")
def colon_speech_act(c: Ctx, f: Found) -> bool:
    """Die Minister versprachen vergangene Woche viel: Die Grenzen sollen offen bleiben. – a speech act whose
    sentence ends in a colon is the frame of the content after it (``colon_content``), not a claim itself."""
    if f.rule != "speech_act" or f.msg is None:
        return False
    last = f.msg[1] - 1
    while last > f.msg[0] and c.toks[last].is_space:
        last -= 1
    return c.low[last] == ":" and c.in_quote[last] < 0


@rule("reflexive_sense", "filter")
def reflexive_sense(c: Ctx, f: Found) -> bool:
    """Von der Zusammenarbeit verspricht sich der Konzern Synergieeffekte. / Selbständige müssen sich selbst
    versichern. – a speech verb with a reflexive pronoun of its own clause that changes its sense ("sich etwas
    versprechen": expect, "sich versichern": insure, "sich erinnern": remember) reports no speech act. Switch
    reflexive_frames: also a frame of a dass- or V2 clause in the indicative ("Der Zeuge erinnerte sich daran, dass er
    einen Schuss gehört hatte": a memory; "Er erinnere sich, dass …" reports one and stays)."""
    frames = c.R.switch("reflexive_frames") and f.rule in VERB_FRAMES
    if (f.rule not in ("speech_act", "verb_zu", "verb_zu_bare") and not frames) or f.msg is None:
        return False
    t = _cue_verb(c, f)
    if t is None or _lemma(c, t) not in c.w.reflexive_other_sense:
        return False
    if frames and f.rule != "verb_zu" and any(_konjunktiv_strict(c, k) for k in [t, *f.cue] if c.in_quote[k] < 0):
        return False
    a, b = c.sents[f.sent]
    lo = clause_start(c, t, a)
    hi = next((m for m in range(t + 1, b) if c.low[m] in (",", ";", ":") and c.in_quote[m] < 0), b)
    return any(c.low[k] == "sich" and c.in_quote[k] < 0 for k in range(lo, hi))


@rule("indicative_w_clause", "filter")
def indicative_w_clause(c: Ctx, f: Found) -> bool:
    """Die EU-Kommission kritisierte, wie das Gesetz verabschiedet wurde. / Damit meinte er die Zeit vor der Schlacht
    bei Leipzig, wo die Truppen den Kürzeren zogen. – a w-clause (wie, wo, was, warum …) in the indicative after a frame
    verb names a topic or a place, it reports no proposition; in the Konjunktiv ("darlegte, wie sie eingesetzt
    würden") or as an exclamation ("betonte, wie wichtig es sei") it stays a claim."""
    if f.rule != "verb_dass" or f.msg is None:
        return False
    m = f.msg[0]
    if c.low[m] not in c.w.question_words or c.low[m] in ("ob", "dass", "daß"):
        return False
    if any(_lemma(c, t) in c.w.question_cues or _lemma(c, t) in c.w.telling_verbs for t in f.cue) \
            or comment_clause(c, f):
        return False                    # "fragte, wer …" (reported_question), "wie ich fand" (comment_clause) /
        #                                 "erklärte, wie das Verfahren abläuft" (tells how)
    if c.low[m] == "wie" and m + 1 < f.msg[1] and c.toks[m + 1].tag_ in ("ADJD", "ADJA", "ADV", "PIAT", "PIS"):
        return False                    # "wie wichtig es sei", "wie viele …"
    return not any(c.is_konj(t) and c.low[t] not in c.w.preterites_in_e
                   for t in range(m + 1, f.msg[1]) if c.in_quote[t] < 0)


NAME_QUOTE_MAX_WORDS = 4       # a quoted name after its noun: at most this many words
NAME_TAGS = ("NE", "NN", "FM")  # the words of a quoted name: names, nouns, foreign words


@rule("name_quote", "filter")
def name_quote(c: Ctx, f: Found) -> bool:
    """Fox kündigte seinen Film „Sunshine“ für Januar an. / Mitglieder des Clans „Pelle-Romeo“ – a quotation of names
    only (nouns, names, foreign words; no verb, adjective or article of its own but a foreign one: „The Nation“) right
    after a common noun is that thing's name (a film, a newspaper, a clan, a programme), no one's claim; so is a quotation
    of proper names only anywhere but after an article ("von „Chefkoch“ vervielfältigt", "im „Standard“")."""
    if f.msg is None or not c.has_pos or not c.is_quote_mark(f.msg[0]) or not c.is_quote_mark(f.msg[1] - 1):
        return False
    inner = [t for t in _inner(c, f) if not c.is_punct(t)]
    if not inner or len(inner) > NAME_QUOTE_MAX_WORDS or len(inner) != len(_inner(c, f)):
        return False                    # "„Sunshine“", not „Nicht labern, ranklotzen.“
    k = f.msg[0] - 1
    if k >= c.sents[c.sent_of[f.msg[0]]][0] and c.in_quote[k] < 0 and not c.is_punct(k) \
            and c.low[k] not in c.w.determiners and c.low[k] not in ("und", "oder", "sowie") \
            and c.toks[k].pos_ not in ("DET", "ADJ") and all(c.toks[t].tag_ in ("NE", "FM") for t in inner):
        return True                     # "Inhalte von „Chefkoch“", "im „Standard“": proper names only
    if k < 0 or k == c.sents[c.sent_of[k]][0] or c.in_quote[k] >= 0 or not c.toks[k].text[:1].isupper() \
            or c.toks[k].pos_ not in ("NOUN", "PROPN"):
        return False
    return all(c.toks[t].tag_ in NAME_TAGS or (c.low[t] in c.w.foreign_articles and t == inner[0]) for t in inner) \
        and c.toks[inner[0]].text[:1].isupper()


@rule("addressee_medium_quote", "filter")
def addressee_medium_quote(c: Ctx, f: Found) -> bool:
    """Finanzminister Bernhard Kofler sagte der „Presse“, der Bund habe … / sagte Pröstler dem „Standard“. – a short quoted
    name (capitalized words, no verb) right after the dative article "der"/"dem" that follows a speech verb (with at most
    its inverted subject between, no preposition: "sprach von der „Schande Europas“" stays) or "gegenüber" is the medium
    spoken to, no one's claim."""
    if f.ctype != "direct" or f.msg is None or not c.is_quote_mark(f.msg[0]) or f.msg[0] < 2:
        return False
    inner = [t for t in _inner(c, f) if not c.is_punct(t)]
    if not inner or len(inner) > 4 or not all(c.toks[t].text[:1].isupper() for t in inner):
        return False
    if c.has_pos and any(c.toks[t].pos_ in ("VERB", "AUX") for t in inner):
        return False
    k = f.msg[0] - 1
    if c.low[k] not in ("der", "dem") or c.in_quote[k] >= 0:
        return False
    if c.low[k - 1] == "gegenüber":
        return True
    for j in range(k - 1, max(-1, k - 5), -1):      # the verb, or the verb and its inverted subject: "sagte Pröstler der „Presse“"
        if c.verb_hit(j, f.msg[0]) is not None:
            return True
        if c.is_punct(j) or c.in_quote[j] >= 0 or (c.has_pos and c.toks[j].pos_ in ("ADP", "VERB", "AUX")):
            return False                # "sprach von der „Schande Europas“": a preposition's object, an evaluative quote
    return False


@rule("naming_quote", "filter")
def naming_quote(c: Ctx, f: Found) -> bool:
    """Dies nennt man einen „Aktiensplit“. / Von Freunden stets „der Dicke“ genannt, galt er als mächtig. – a quotation that
    a verb of naming frames without a speaker (or with the generic "man") is a name or a term, no one's claim ("Modder
    nannte die Absage einen „Vertrauensbruch“" has a speaker and stays)."""
    if f.rule not in ("quote_in_frame", "partial_quote") or f.msg is None:
        return False
    t = _cue_verb(c, f)
    if t is None or c.in_quote[t] >= 0 or not (_lemma(c, t) in c.w.naming_verbs or any(
            e.lemma in c.w.naming_verbs for e in c.R.forms.get(c.low[t], []))):
        return False                    # "hielt": halten, also fest_halten in the lexicon
    return f.speaker is None or all(c.low[k] in c.w.generic_subjects for k in range(*f.speaker))


@rule("subject_quote", "filter")
def subject_quote(c: Ctx, f: Found) -> bool:
    """Bill Keller, der Chefredakteur der „New York Times“, bekräftigt den Bericht. – a quotation inside the speaker's noun
    phrase is a name of the one who speaks (a newspaper, an organisation), not what is said."""
    if f.msg is None or f.speaker is None or not c.is_quote_mark(f.msg[0]):
        return False
    return any(f.speaker[0] <= k < f.speaker[1] for k in _inner(c, f))


def _before_pp(c: Ctx, k: int) -> int:
    """The token before a prepositional phrase ending at token k (preposition, articles/adjectives, noun), or k itself
    when no such phrase ends there."""
    if c.toks[k].pos_ not in ("NOUN", "PROPN") or c.low[k].endswith(tuple(c.w.title_nouns)):
        return k                        # "nach dem Motto:": the title noun itself
    j = k - 1
    while j >= 0 and (c.toks[j].pos_ in ("DET", "ADJ") or c.low[j] in c.w.determiners):
        j -= 1
    return j - 1 if j >= 0 and c.toks[j].pos_ == "ADP" and c.in_quote[j] < 0 else k


TITLE_GAP = 3       # words (articles, adjectives, a colon) between a title noun and its quotation


@rule("title_quote", "filter")
def title_quote(c: Ctx, f: Found) -> bool:
    """Die Demonstration stand unter dem Motto „Wir zahlen nicht für eure Krise“. / Das Treffen lief nach dem Motto:
    „Wer zuerst kommt, mahlt zuerst.“ – a quotation right after a noun of titles, mottos and signs (words.yaml
    title_nouns) is that title, not someone's claim; before a colon also with a prepositional phrase between (switch
    title_pp: "Das Unheil beginnt mit einer Anzeige im Kombiinstrument: "Bitte Adblue nachfüllen"")."""
    if f.ctype != "direct" or f.msg is None or not c.is_quote_mark(f.msg[0]):
        return False
    k, seen = f.msg[0] - 1, 0
    if c.R.switch("title_pp") and k > 2 and c.low[k] == ":" and c.has_pos:
        k = _before_pp(c, k - 1)         # "mit einer Anzeige im Kombiinstrument: "…"": the title noun before a PP
    while k >= 0 and seen <= TITLE_GAP and c.in_quote[k] < 0:
        w = c.low[k]
        if w in c.w.title_nouns or (c.toks[k].text[:1].isupper() and w.endswith(tuple(c.w.title_nouns))
                                    and c.has_pos and c.toks[k].pos_ == "NOUN"):
            return True
        if not (w in (":", ",") or w in c.w.determiners or (c.has_pos and c.toks[k].pos_ == "ADJ")):
            return False
        k, seen = k - 1, seen + 1
    return False


@rule("konj_noun", "filter")
def konj_noun(c: Ctx, f: Found) -> bool:
    """Im Laufe des Jahres waren vier Länder aus dem Wettbewerb ausgestiegen. – a Konjunktiv form of the lexicon written
    with a capital inside its sentence ("Laufe", "Liege", "Trage") is a noun: a continuation whose only Konjunktiv is
    such a word reports nothing."""
    if f.rule not in ("konj_continuation", "colon_content") or f.msg is None:
        return False
    konj = [t for t in range(*f.msg) if c.in_quote[t] < 0
            and (is_konj1(c, t) or c.low[t] in c.w.konjunktiv2_reported)]
    return bool(konj) and all(_inner_capital(c, t) for t in konj)


def _inner_capital(c: Ctx, t: int) -> bool:
    """Token t is capitalized and stands inside its sentence (not first, not after a colon, a dash or a quotation mark)."""
    a = c.sents[c.sent_of[t]][0]
    return c.toks[t].text[:1].isupper() and t > a and c.low[t - 1] not in (":", "–", "-", "(") \
        and not c.is_quote_mark(t - 1)


UTTERANCE_MAX_WORDS = 3     # "rief »scheiße«", "sagt er „böhmischer Fußball“": a word or two said, no proposition


@rule("uttered_word", "filter")
def uttered_word(c: Ctx, f: Found) -> bool:
    """Freilich sagt er „böhmischer Fußball“. / Sie rufen heiser »scheiße« in den Tag. – a quotation of at most three words
    without a verb as the object of "sagen" or "rufen", right after the verb (and its subject), is a word someone uses,
    not a claim ("nannte den Bericht eine „Zeitungsente“", "sprach von einer „Krise“" are other verbs and stay)."""
    if f.rule != "quote_in_frame" or f.msg is None or not c.is_quote_mark(f.msg[0]):
        return False
    t = _cue_verb(c, f)
    if t is None or c.in_quote[t] >= 0 or t >= f.msg[0] or _lemma(c, t) not in c.w.utterance_verbs:
        return False
    inner = [k for k in _inner(c, f) if not c.is_punct(k)]
    if not inner or len(inner) > UTTERANCE_MAX_WORDS or (len(inner) > 1 and c.has_pos and any(
            c.toks[k].pos_ in ("VERB", "AUX") and c.toks[k].text.islower() for k in inner)):
        return False                    # one word is never a clause ("»scheiße«" tagged a verb)
    between = [k for k in range(t + 1, f.msg[0]) if c.in_quote[k] < 0]
    return len(between) <= 2 and all(not c.is_punct(k) and (
        c.low[k] in c.w.person_pronouns or (c.has_pos and c.toks[k].pos_ in ("ADV", "ADJ", "PROPN"))) for k in between)


QUOTED_NAME_MAX_WORDS = 6   # a quoted name as the subject: at most this many words


@rule("quoted_name_subject", "filter")
def quoted_name_subject(c: Ctx, f: Found) -> bool:
    """Wie „heise online“ berichtet, sperrten die Behörden den Zugang. / Auch das „Kesselhaus“ der Kulturbrauerei äußerte
    sich nicht. / „L’Alliance pour la Planète“, aber auch andere Organisationen hatten dazu aufgerufen, … – a quotation
    without a verb in the subject before the frame verb (after "wie" or an article, or followed by its genitive or a list)
    names the one who speaks, a newspaper or an organisation: it is not what is said ("„Wortbruch“ warf er ihr vor": a
    bare quotation right before the verb stays)."""
    t = _frame_verb_after_quotation(c, f)
    if t is None or not _short_verbless_quotation(c, f):
        return False
    qs, qe = f.msg
    a = c.sents[c.sent_of[qs]][0]
    before = [k for k in range(a, qs) if not c.is_punct(k)]
    if _finite_around_quotation(c, f, before, t):
        return False
    if _predicate_opener(c, before):
        return False
    nxt = c.low[qe] if qe < len(c.toks) else ""
    if nxt == "," and _inverted_frame_after(c, qe, t):
        return False
    return bool(before) or nxt == "," or nxt in c.w.genitive_determiners


def _frame_verb_after_quotation(c: Ctx, f: Found) -> int | None:
    """quoted_name_subject: the frame verb of a ``quote_in_frame`` claim whose message is a quotation, outside
    quotations, after the quotation in its sentence; None for other claims."""
    if f.rule != "quote_in_frame" or f.msg is None or not c.is_quote_mark(f.msg[0]) or not c.has_pos:
        return None
    t = _cue_verb(c, f)
    qs, qe = f.msg
    if t is None or c.in_quote[t] >= 0 or t < qe or c.sent_of[t] != c.sent_of[qs]:
        return None
    return t


def _short_verbless_quotation(c: Ctx, f: Found) -> bool:
    """quoted_name_subject: a quotation of 1 to QUOTED_NAME_MAX_WORDS words without a lower-case verb, or with foreign
    articles („L’Alliance pour la Planète“)."""
    inner = [k for k in _inner(c, f) if not c.is_punct(k)]
    foreign = any(c.low[k] in c.w.foreign_articles for k in inner)
    return bool(inner) and len(inner) <= QUOTED_NAME_MAX_WORDS and (foreign or not any(
        c.toks[k].pos_ in ("VERB", "AUX") and c.toks[k].text.islower() for k in inner))


def _finite_around_quotation(c: Ctx, f: Found, before: list[int], t: int) -> bool:
    """quoted_name_subject: a finite verb before the quotation in its sentence, or between it and the frame verb
    ``t`` (outside quotations, not the cue)."""
    after = [k for k in range(f.msg[1], t) if c.in_quote[k] < 0]
    return any(_finite(c, k) for k in before) or any(_finite(c, k) for k in after if k not in f.cue)


def _predicate_opener(c: Ctx, before: list[int]) -> bool:
    """quoted_name_subject: a word before the quotation that opens no subject ("Als „verpasste Chance“ beurteilte …":
    a predicate, not the subject)."""
    return any(c.low[k] not in c.w.subject_openers and c.low[k] not in c.w.determiners for k in before)


def _inverted_frame_after(c: Ctx, qe: int, t: int) -> bool:
    """"„Eine Katastrophe“, so nannte er es": after the comma at qe, "so" or a finite verb before the frame verb
    ``t`` is an inverted frame after the quotation."""
    return qe + 1 < t and (c.low[qe + 1] == "so" or _finite(c, qe + 1))


@rule("implausible_inverted_speaker", "filter")
def implausible_inverted_speaker(c: Ctx, f: Found) -> bool:
    """Man gart junge Erbsen und Karotten getrennt, ergänzt die Mischung mit Kohlrabi. – a verb after the comma whose
    noun phrase names a thing (its head noun in -ung, -heit, -keit, -nis …; no actor, no institution such as "die
    Stiftung", no person, group or source noun of the lexicon) is a second verb of
    the same subject with its object, not an inverted frame ("…, sagte der Sprecher"); no claim ("…, lautete die Frage"
    keeps its text subject)."""
    if f.rule != "verb_inverted" or f.speaker is None or f.speaker_key is not None:
        return False
    t = _cue_verb(c, f)
    if t is not None and _lemma(c, t) in c.w.text_subject_verbs:
        return False                    # "…, lautete die Frage": the subject of "lauten" is a text
    head = next((k for k in range(*f.speaker) if c.has_pos and c.toks[k].pos_ == "NOUN"), None)
    if head is None or not c.low[head].endswith(tuple(c.w.thing_noun_endings)) \
            or c.low[head].endswith(tuple(c.w.speaking_thing_nouns)):
        return False                    # "…, sagte der Historiker": a person noun outside the lexicon still speaks
    from ..speaker import plausible_source
    return not plausible_source(c, f.speaker)


COLON_TITLE_MAX_WORDS = 5   # a title or a name after a colon: at most this many words


@rule("colon_title", "filter")
def colon_title(c: Ctx, f: Found) -> bool:
    """Sein erstes großes Werk entstand in den 1970er Jahren: „Le Grand Macabre“. / der „Palang Prachachon“ (etwa: „Partei
    der Volksmacht“) – a short quotation after a colon whose words are all capitalized (names, nouns; an article or a
    preposition between them) and that has no sentence punctuation is a title, a name or a translation, not someone's
    words („Lasst mich raus!“, „vom Metzger Hambel!“ stay)."""
    if f.rule != "quote_colon" or f.msg is None or not c.is_quote_mark(f.msg[0]):
        return False
    inner = [k for k in _inner(c, f) if not c.toks[k].is_space]
    words = [k for k in inner if not c.is_punct(k)]
    if not words or len(words) > COLON_TITLE_MAX_WORDS or any(c.low[k] in PUNCT_END | {"…", "..."} for k in inner):
        return False
    return c.toks[words[0]].text[:1].isupper() and all(
        c.toks[k].text[:1].isupper() or c.low[k] in c.w.determiners or c.low[k] in c.w.foreign_articles
        or (c.has_pos and c.toks[k].pos_ == "ADP") for k in words)


@rule("indicative_main_clause", "filter")
def indicative_main_clause(c: Ctx, f: Found) -> bool:
    """Nachdem deutsche Behörden vor dem Verzehr gewarnt hatten, hatte sich herausgestellt, dass … – a clause after the frame
    that opens with its finite verb in the indicative is the main clause after a fronted subordinate clause (nachdem, als,
    wenn …), not reported content: reported speech after a frame puts a word before its verb ("…, die Lage sei ernst") and
    a verb-first report is in the Konjunktiv ("Wie X mitteilte, habe man …")."""
    if f.rule not in ("verb_konj", "verb_v2") or f.msg is None or not c.has_pos:
        return False
    m = f.msg[0]
    while m < f.msg[1] and c.is_punct(m):
        m += 1
    if m >= f.msg[1] or c.in_quote[m] >= 0 or not _finite(c, m) or not c.toks[m].text.islower():
        return False
    lw = c.low[m]
    return not (c.is_konj(m) or lw in c.w.konjunktiv2 or lw in c.w.konjunktiv2_reported
                or lw in c.w.hearsay_modals or lw in c.w.obligation_modals) and c.toks[m].morph.get("Mood") == ["Ind"]


@rule("hypothetical_condition", "filter")
def hypothetical_condition(c: Ctx, f: Found) -> bool:
    """Wenn Berlin seinerzeit geklagt hätte, hätte man keine Chancen gehabt. / Hätte er nur Bier getrunken, so müsste er
    12 Liter konsumiert haben. – a sentence that opens with a condition (words.yaml condition_openers: "wenn", "falls", a
    verb-first "Sollte …", "Hätte …", "Würde …"; after "aber", "auch" …) and goes on in its main clause weighs a
    possibility: a frame verb inside the condition frames no main clause after it, and a continuation without any
    Konjunktiv I (only the Konjunktiv II of the hypothesis) is no reported speech."""
    if f.msg is None:
        return False
    a, b = c.sents[f.sent]
    main = _condition_end(c, a, b)
    if main is None:
        return False
    if f.rule in VERB_FRAMES:
        return bool(f.cue) and all(t < main for t in f.cue) and f.msg[0] >= main
    if f.rule == "konj_continuation" and f.cue == [] and f.msg[0] <= a:
        return not any(is_konj1(c, t) for t in range(a, b) if c.in_quote[t] < 0) and not _condition_konj_e(c, a, main)
    return False


def _condition_konj_e(c: Ctx, a: int, main: int) -> bool:
    """Wenn sich nichts ändere, würden im Kreis noch mehr Höfe aufgeben. / Wenn ein Tier einbreche, sollten Halter … – the
    verb that closes the condition (right before its comma) is a lower-case form in -e (no -te) whose lemma is that form +
    "n" ("einbreche") or, for a stem in -er/-el, the form with "n" for its "e" ("ändere"), with no "ich"/"wir" in the condition: its Konjunktiv I, whatever our model marks, so the sentence reports (switch
    ``condition_konj_e``, clm21)."""
    if not c.R.switch("condition_konj_e") or main - 2 <= a:
        return False
    t = main - 2                        # main - 1 is the comma before the main clause
    lw = c.low[t]
    if not (c.toks[t].text.islower() and lw.endswith("e") and not lw.endswith("te") and len(lw) >= 4):
        return False
    if any(c.low[k] in ("ich", "wir") for k in range(a, t)):
        return False
    lemma = c.toks[t].lemma_.lower()
    stem_n = lw[:-1] + "n" if lw.endswith(("ere", "ele")) else None     # "ändere" (ändern), "sammle"/"sammele" (sammeln)
    return lemma in (lw + "n", stem_n) and lw not in c.w.not_konjunktiv_e


def _condition_end(c: Ctx, a: int, b: int) -> int | None:
    """The first token of the main clause after a condition that opens the sentence at a, or None: the condition's
    word stands first (or after words.yaml condition_preludes), the main clause begins after the first comma that a
    finite verb or a correlative "so"/"dann" follows."""
    k = a
    while k < min(b, a + 3) and c.low[k] in c.w.condition_preludes:
        k += 1
    if k >= b or c.low[k] not in c.w.condition_openers or c.in_quote[k] >= 0:
        return None
    for t in range(k + 2, b - 2):
        if c.low[t] == "," and c.in_quote[t] < 0 and (c.low[t + 1] in ("so", "dann") or _verb_first(c, t + 1)):
            return t + 1
    return None


@rule("generic_frame", "filter")
def generic_frame(c: Ctx, f: Found) -> bool:
    """Wer behauptet, dass die Erde eine Scheibe ist, der irrt. / Jeder, der sagt, das sei einfach, hat keine Ahnung. –
    a frame verb whose clause opens with the free relative "wer" (or a relative pronoun after "jeder", "alle",
    "derjenige": words.yaml generic_antecedents) speaks of anyone who would say it: no one's claim; nor is the
    Konjunktiv of such a sentence a continuation of reported speech."""
    if f.msg is None:
        return False
    a, b = c.sents[f.sent]
    if not f.cue:                       # "Jeder, der behauptet, das sei einfach, hat keine Ahnung." (the main clause
        if f.rule != "konj_continuation":   # in the indicative; "Wer sage, …, irre" stays reported speech)
            return False
        t = next((t for t in range(a, min(b, a + 6)) if c.low[t] in c.R.forms and c.in_quote[t] < 0
                  and _generic_clause(c, t, a, f.msg)), None)
        return t is not None and any(_finite_ind(c, m) for m in range(next_comma(c, t, b), b))
    t = _cue_verb(c, f)
    return t is not None and c.in_quote[t] < 0 and _generic_clause(c, t, a, f.msg)


def _generic_clause(c: Ctx, t: int, a: int, msg: tuple[int, int]) -> bool:
    """The clause of verb t opens with "wer" or with a relative pronoun after a generic antecedent ("Jeder, der")."""
    lo = clause_start(c, t, a)
    while lo < t and (c.is_quote_mark(lo) or c.toks[lo].is_space):
        lo += 1
    if lo >= t or c.in_quote[lo] >= 0 or (msg[0] <= lo < msg[1] and msg[0] > a):
        return False
    if c.low[lo] == "wer":
        return True
    if c.low[lo] not in c.w.relative_pronouns or lo < 2 or c.low[lo - 1] != ",":
        return False
    return c.low[lo - 2] in c.w.generic_antecedents or (lo >= 3 and c.low[lo - 3] in c.w.generic_antecedents
                                                        and c.toks[lo - 2].pos_ in ("NOUN", "PROPN"))


AUX_LEMMAS = ("sein", "haben", "werden", "können", "müssen", "sollen", "wollen", "dürfen", "mögen")


@rule("attributive_konj", "filter")
def attributive_konj(c: Ctx, f: Found) -> bool:
    """Zwischen 1973 und 1976 studierte Müller deutsche und rumänische Literatur. / Mit dem Konzern bestehen schon
    intensive Geschäftsbeziehungen. – a continuation whose only "Konjunktiv" is a word in -e before a noun or an
    adjective that the model calls an adjective, a possessive or an auxiliary that no auxiliary lemma backs
    ("deutsche", "anhaltende", "intensive") is an indicative sentence: an attributive adjective, no reported speech."""
    if f.rule != "konj_continuation" or f.msg is None:
        return False
    if any(c.low[t] in c.w.hearsay_modals for t in range(*f.msg) if c.in_quote[t] < 0):
        return False                    # "Unter den Kindern sollen sich auch schwer kranke … befinden": hearsay
    if _pronoun_verb(c, f.msg[0]):
        return False
    konj = [t for t in range(*f.msg) if c.in_quote[t] < 0 and c.is_konj(t)]
    return bool(konj) and all(_attributive(c, t) for t in konj)


def _pronoun_verb(c: Ctx, a: int) -> bool:
    """Er prüfe rechtliche Schritte. / Man prüfe eine Unterstützung. – a continuation that opens with a subject pronoun
    and a lower-case word in -e that our model calls a verb (whatever its fine tag or mood) has that verb as its
    Konjunktiv I: a later word taken for a Konjunktiv ("rechtliche") that is attributive does not make the sentence
    indicative (switch ``pronoun_verb_kept``, clm21)."""
    if not (c.R.switch("pronoun_verb_kept") and c.has_pos and a + 1 < len(c.toks)) or c.low[a] not in c.w.sentence_pronouns:
        return False
    tok = c.toks[a + 1]
    return tok.pos_ in ("VERB", "AUX") and tok.text.islower() and c.low[a + 1].endswith("e") \
        and not c.low[a + 1].endswith("te") and c.in_quote[a + 1] < 0


def _attributive(c: Ctx, t: int) -> bool:
    tok = c.toks[t]
    if t + 1 >= len(c.toks) or c.low[t] in c.R.konjunktiv or not c.has_pos:
        return False
    nxt = c.toks[t + 1]
    adjective = tok.tag_ in ("ADJA", "ADJD", "PPOSAT") or tok.pos_ == "ADJ" \
        or (tok.pos_ == "AUX" and tok.lemma_.lower() not in AUX_LEMMAS)
    return adjective and (nxt.pos_ in ("NOUN", "PROPN", "ADJ") or nxt.tag_ == "ADJA" or c.low[t + 1] in ("und", "oder"))


@rule("chain_impersonal_frame", "filter")
def chain_impersonal_frame(c: Ctx, f: Found) -> bool:
    """Mehrere Körper seien in den Trümmern geortet worden. Man gehe davon aus, dass sie ebenfalls tot sind. – a frame
    verb in the Konjunktiv I without a speaker of its own ("man", none) right after a sentence of reported speech in
    the Konjunktiv, in the same paragraph, is part of that report, not a claim of nobody: the sentence continues the
    report before (``dropped_sentence_continues``)."""
    if f.rule not in ("verb_dass", "verb_konj", "verb_zu") or f.msg is None or f.ctype == "direct" or f.sent == 0:
        return False
    t = _cue_verb(c, f)
    if t is None or c.in_quote[t] >= 0 or not any(is_konj1(c, k) for k in [t, *f.cue]):
        return False
    a, _ = c.sents[f.sent]
    lo = clause_start(c, t, a)
    if not (f.speaker is None or any(c.low[k] == "man" for k in range(lo, t + 1))):
        return False
    return _reported_before(c, f.sent)


def _reported_before(c: Ctx, si: int) -> bool:
    """The sentence before ``si``, in the same paragraph and outside quotations, holds a Konjunktiv I verb and is no
    question or colon frame."""
    pa, pb = c.sents[si - 1]
    if _paragraph_bounds(c, si)[0] or c.low[pb - 1] in ("?", ":") or c.in_quote[pa] >= 0:
        return False
    return any(is_konj1(c, k) for k in range(pa, pb))
