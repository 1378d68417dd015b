"""Per-Doc state of the claims extractor: tokens, sentences, quotes, entity spans, mentions
(:class:`Ctx`), the token classes the rules test (noun-ish, Konjunktiv, cue verb), and the claim
under construction (:class:`Found`)."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from pipeline.extract import words
from pipeline.extract.view import doc_columns, doc_ents, doc_span, doc_text, doc_tokens, morph_features, sentence_bounds
from pipeline.records import Actor, Mention

from .quotes import find_quotes, Quote, QUOTE_CHARS
from .registry import active, STAGES
from .triggers import find_triggers, SpeechRules, VerbEntry


# the claims extractor's word lists in rules/words.yaml (section claims), as attributes of Ctx.w
WORD_LISTS = ("determiners", "oblique_determiners", "genitive_determiners", "np_prepositions", "demonstratives",
              "object_control_verbs", "skippable", "time_nouns", "relative_pronouns", "subordinators",
              "person_pronouns", "function_words", "not_konjunktiv_e", "not_nouns", "months", "konjunktiv2", "konjunktiv2_reported",
              "pronominal_adverbs", "passive_auxiliaries", "stative_auxiliaries", "hearsay_modals",
              "perfect_auxiliaries", "preterites_in_e", "anaphoric_pronouns", "quote_prepositions",
              "np_subtree_links", "circumstantial_determiners", "modal_verbs", "so_frame_followers",
              "indicative_after_ich", "spokesperson_suffixes", "generic_org_nouns",
              "own_source_words", "addressee_nouns", "company_nouns",
              "first_person_pronouns", "question_words", "question_cues", "v2_blockers",
              "conversation_verbs", "evidence_verbs", "generic_subjects", "colon_frame_verbs", "advice_nouns", "institution_nouns", "plan_words", "action_verbs", "request_verbs", "separable_particles", "reason_verbs", "reason_adverbs", "speaker_head_nouns", "speaker_head_suffixes", "common_noun_endings",
              "hypothetical_auxiliaries", "future_auxiliaries", "purpose_openers", "knowledge_verbs",
              "non_quote_verbs", "saying_nouns")
WORD_LISTS += ("clause_openers", "role_resolution_suffixes", "document_nouns", "genitive_quantifiers",
               "nach_objects")      # speaker choice (speaker.py, rules/speaker.py)
WORD_LISTS += ("topic_adverbs",)    # cue spans (clauses.py)
WORD_LISTS += ("obligation_modals",)    # continuation sources (rules/continuation.py)
WORD_LISTS += ("advice_verbs", "dative_words")      # rule verb_zu_bare (rules/verb.py)
WORD_LISTS += ("reflexive_other_sense", "telling_verbs", "title_nouns", "norm_nouns", "claim_adjectives")            # filter rule reflexive_sense (rules/filters.py)
WORD_LISTS += ("addressee_media",)     # speaker choice, issue 12 (speaker.py media_name_at)
WORD_LISTS += ("past_time_words",)     # clm18: switch konj2_plural_past (rules/past_konj2.py)
WORD_LISTS += ("conditional_v1",)     # clm19: switch fronted_free_relative (rules/fronted_konj.py)
WORD_LISTS += ("result_nouns", "result_arrive_verbs", "result_source_nouns")     # clm21: rule result_frame (rules/result_frame.py)
WORD_LISTS += ("adverb_subordinators", "sentence_pronouns", "wish_adverbs", "consequence_adverbs")    # continued reported speech, issue 12 cont13 (rules/continuation.py)
WORD_LISTS += ("present_time_adverbs",)    # continued reported speech, issue 12 clm15 (rules/continuation.py _present_konj2)
WORD_LISTS += ("offer_verbs",)     # convention filter offer_frame (rules/conventions.py, clm16b)
WORD_LISTS += ("decision_verbs", "court_words")     # convention filter decision_frame, issue 12 clm16 (rules/conventions.py)
WORD_LISTS += ("age_noun_suffixes", "company_noun_endings", "person_noun_suffixes")     # speaker resolution: "Der 50-Jährige sagte" (rules/speaker.py speaker_role, spk11)
WORD_LISTS += ("casualty_verbs", "casualty_nouns", "casualty_quantifiers")     # filter rule casualty_object (rules/filters.py)
WORD_LISTS += ("confirm_verbs", "negation_words")     # filter rule negated_confirmation (rules/filters.py)
WORD_LISTS += ("speakerless_verbs", "aus_source_verbs", "name_particles")     # verb frames without a speaker (rules/verb.py speakerless_frame, src10)
WORD_LISTS += ("foreign_articles",)     # filter rule name_quote (rules/filters.py)
WORD_LISTS += ("time_before_nach", "time_unit_nouns", "nach_event_nouns", "nach_intention_nouns", "generic_antecedents", "zu_particles")     # filters temporal_nach, generic_frame; zu-infinitives (rules/filters.py, rules/verb.py)
WORD_LISTS += ("negative_subjects",)     # filter rule negative_subject (rules/filters.py)
WORD_LISTS += ("anaphor_person_suffixes",)     # speaker rule speaker_person_noun (rules/speaker_anaphor.py, spk16)
WORD_LISTS += ("naming_verbs",)     # filter rule naming_quote (rules/filters.py)
WORD_LISTS += ("provision_verbs",)     # filter rule provision_frame (rules/filters.py)
WORD_LISTS += ("question_pronouns",)     # filter question_quote, switch v1_question (rules/filters.py)
WORD_LISTS += ("organisation_noun_endings", "bare_organisation_nouns")     # speaker resolution: "die Umweltschutzorganisation", "der Verband" (rules/speaker.py, spk13)
WORD_LISTS += ("municipal_nouns",)     # speaker resolution: "ein Sprecher der Stadt Weimar" (rules/speaker.py, spk9)
WORD_LISTS += ("gender_suffixes",)     # the gender colon "Expert:innen", issue 12 (Ctx._gender_colons)
WORD_LISTS += ("sein_perfect_participles", "sein_forms")     # verb hits, issue 12 (Ctx._sein_perfect)
WORD_LISTS += ("receiving_verbs", "reaction_prepositions")     # speaker choice (speaker.py noun_head_subject, spk5)
WORD_LISTS += ("request_nouns",)     # impersonal sources: "hieß es auf Anfrage" names none (clauses.py impersonal_prep, fix6)
WORD_LISTS += ("impersonal_adverbs",)     # heisst_es: "heißt es weiter, …" (rules/sentence.py, switch heisst_es_adverb, fix6)
WORD_LISTS += ("pointless_abbreviations_cased",)     # speaker text without "GmbH." point (records.py, fix6)
WORD_LISTS += ("quoting_verbs",)     # switch quoted_person: the object of "zitieren" speaks (quoting.py, fix6)
WORD_LISTS += ("tag_questions",)     # filter question_sentence, switch tag_question (rules/filters.py, fix6)
WORD_LISTS += ("utterance_verbs", "subject_openers", "text_subject_verbs", "thing_noun_endings",
               "speaking_thing_nouns")     # filters uttered_word, quoted_name_subject, implausible_inverted_speaker (fp7)
WORD_LISTS += ("demand_verbs", "condition_openers", "condition_preludes")     # filters reported_question (switch ob_question), hypothetical_condition (rules/filters.py, fp9)
WORD_LISTS += ("predicative_endings", "predicative_prefixes")     # switch vorfeld_predicative: "Kritisch äußerte sich X" (speaker.py, spk10)
WORD_LISTS += ("addressee_forms_cased", "addressee_forms", "existence_verbs", "existence_frame_words")     # filters question_sentence (switch question_addressee), existence_frame (rules/filters.py, claims10)
WORD_LISTS += ("person_title_suffixes", "title_complement_prepositions")     # switch name_after_role (speaker.py, wspk14)
WORD_LISTS += ("org_source_prefixes", "org_source_heads", "anonymous_source_heads", "company_legal_forms_cased")     # speaker_org_source: "nach Unternehmensangaben" (rules/speaker.py, spk15)
WORD_LISTS += ("policy_area_endings", "court_body_nouns")     # speaker rule speaker_policy_area: "Referentin für Hochschulpolitik" (rules/speaker_entity.py, spk16c)
WORD_LISTS += ("leader_spokesperson_prefixes", "policy_spokesperson_adjectives", "naming_object_verbs",
               "circumstance_after_anaphor")     # speaker rule speaker_named_spokesperson (rules/speaker_named.py, spk17)
WORD_LISTS += ("same_form_plural_endings", "singular_articles", "plural_only_endings")     # switch agreement_subject (rules/speaker_agree.py, spk18b)
WORD_LISTS += ("org_noun_span_prepositions", "legal_form_kinds", "holder_nouns", "court_panel_endings")     # speaker_org_name_noun, speaker_court_panel (rules/speaker_orgname.py, spk19)
words.require("claims", *WORD_LISTS)

PUNCT_END = {".", "!", "?"}
ROMAN_NUMERAL = re.compile(r"^(?=[IVXLC]{2,6}$)C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")     # II … CCCXC (not "I", not "CDU")


CLAUSE_BREAK = {",", ";", ":", ".", "!", "?", "–", "-", "(", ")"}


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
    dropped: bool = False       # a filter rule found it is no claim: context for later rules, no record


FUNCTION_POS = frozenset({"DET", "PRON", "ADP", "ADV", "SCONJ", "CCONJ", "AUX", "PART"})   # _number_point_end


class Ctx:
    """Per-Doc state: tokens, sentences, quotations, entity spans, actor mentions and the rule
    functions of each stage (from the registry, in rule-data order)."""

    def __init__(self, doc: Doc, R: SpeechRules, actors: list[Actor], W: words.Words):
        self.doc, self.R, self.actors = doc, R, actors
        self.w = W.namespace("claims", WORD_LISTS)        # built once per rules load (issue 16)
        self.triggers = find_triggers(doc, R)
        self.stages = {st: active(R.rules, st) for st in STAGES}
        self.toks: list[Token] = doc_tokens(doc)
        self.feats = morph_features(doc)    # token.morph.get(f) as feats[i].get(f, ()), read once per Doc (issue 16)
        self.low = list(doc_columns(doc).lower)     # = t.text.lower() (spaCy's LOWER is str.lower); a copy: changed below
        self.gender_colon = self._gender_colons()
        for k in self.gender_colon:
            self.low[k] = "·"               # "Expert:innen": no clause break, part of the noun (speaker._np_core)
        self.text = doc_text(doc)
        self.has_pos = doc.has_annotation("POS") or doc.has_annotation("TAG")
        self.has_morph = doc.has_annotation("MORPH")
        self.has_dep = doc.has_annotation("DEP")
        self.has_lemma = doc.has_annotation("LEMMA")
        self.quotes = [q for q in find_quotes(self.text)]      # before the sentences (switch quote_end_bound)
        self.sents = self._sentences()
        self.sent_of = [0] * len(doc)
        k = 0
        for t in range(len(doc)):
            while k + 1 < len(self.sents) and t >= self.sents[k + 1][0]:
                k += 1
            self.sent_of[t] = k
        self.quote_tok: list[tuple[int, int, Quote]] = []
        self.in_quote = [-1] * len(doc)         # index into quote_tok of the top-level quote
        for q in self.quotes:
            span = doc_span(doc, q.start, q.end, "expand")
            if span is None or len(span) < 3:
                continue
            self.quote_tok.append((span.start, span.end, q))
            if q.depth == 0:
                for t in range(span.start, span.end):
                    self.in_quote[t] = len(self.quote_tok) - 1
        self.ent_at: dict[int, tuple[int, int, str]] = {}
        for e in doc_ents(doc):
            for t in range(e.start, e.end):
                self.ent_at[t] = (e.start, e.end, e.label_)
        self.inverted_ok: set[int] = set()      # cue verbs of a quote frame that may also frame a clause
        self.mentions = sorted(((m.start, m.end, m, a) for a in actors for m in a.mentions),
                               key=lambda x: x[0])
        self._surname_mentions()

    def mentions_to(self, end: int) -> list:
        """The entries of ``mentions`` (sorted by start) that start before character ``end``: the only ones that can
        overlap a span ending there (issue 16: the speaker tests no longer walk the whole list)."""
        memo = self.__dict__.get("_mention_starts")
        if memo is None or memo[0] is not self.mentions:
            memo = self._mention_starts = (self.mentions, [x[0] for x in self.mentions])
        return self.mentions[:bisect_left(memo[1], end)]

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
        for i, word in enumerate(doc_columns(self.doc).text if surnames else ()):   # (no Token per word)
            cands = surnames.get(word)
            if cands and len(cands) == 1 and self.toks[i].idx not in covered:
                t = self.toks[i]
                m = Mention(t.idx, t.idx + len(t.text), t.text, "PER", self.sent_of[t.i])
                extra.append((m.start, m.end, m, cands[0]))
        if extra:
            self.mentions = sorted(self.mentions + extra, key=lambda x: x[0])

    # -- sentences
    def _gender_colons(self) -> set[int]:
        """Expert:innen des ADAC empfehlen … – the colon of a gender form that the tokenizer split off
        ("Expert", ":", "innen"): no spaces around it, the suffix (words.yaml gender_suffixes) right
        after it. (A star or underscore stays inside the token: "Expert*innen", "Politiker_innen".)"""
        out = set()
        for k in range(1, len(self.toks) - 1):
            if self.low[k] == ":" and not self.toks[k - 1].whitespace_ and not self.toks[k].whitespace_ \
                    and self.low[k + 1] in self.w.gender_suffixes and self.toks[k - 1].text[:1].isupper():
                out.add(k)
        return out

    def _sentences(self) -> list[tuple[int, int]]:
        doc = self.doc
        if len(doc) == 0:
            return []
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            raw = sentence_bounds(doc)        # doc.sents as token bounds, made once per Doc (view.py)
        else:
            raw = self._split()
        return self._clean_sents(raw)

    def _clean_sents(self, raw: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Sentences without surrounding whitespace tokens; an opening quotation mark at a
        sentence end moves to the next sentence, a closing one at a start to the previous."""
        toks = self.toks                      # the Doc's tokens, made once
        text = doc_text(self.doc)
        bounds = [a for a, b in raw] + [len(toks)]
        words = doc_columns(self.doc).text    # (Token.text without a string look-up per token)
        abbreviation_end = self.R.switch("abbreviation_sentence_end")
        number_end = self.R.switch("number_point_end")
        for i, w in enumerate(words):         # paragraph breaks always end a sentence (a Token's whitespace_ is
            if i + 1 < len(toks) and "\n" in w and toks[i].is_space:     # " " or "": the break is a space token)
                bounds.append(i + 1)
            elif w.endswith(".") and self._point_end(i, abbreviation_end, number_end):
                bounds.append(i + 1)        # "… der Müller GmbH. Der Fehler …", "… zirka 1.000. Zu der Demonstration …"
        bounds = sorted(set(bounds))
        opening, closing = self._quote_mark_tokens()
        if closing:
            bounds = self._quote_end_bounds(bounds, closing)
        fixed = [0]
        for x in bounds[1:-1]:
            y = x
            while y - 1 > fixed[-1] and (toks[y - 1].is_space or (y - 1 in opening and toks[y - 1].text == "«") or (
                    toks[y - 1].text in "„»‚" and y - 1 not in closing)):
                y -= 1
            if y - 1 in opening and toks[y - 1].text == "«" and y - 1 == fixed[-1]:
                continue                    # "«" | "So kannst du …": no sentence of a Swiss opening mark alone
            while y < len(toks) and toks[y].text in "“”«\"" and y - 1 >= 0 and not toks[y - 1].whitespace_ \
                    and y + 1 < len(toks):
                y += 1
            if y > fixed[-1]:
                fixed.append(y)
        fixed = [x for x in fixed if not self._inner_bound(x)]
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

    def _quote_mark_tokens(self) -> tuple[set[int], set[int]]:
        """The tokens of the opening and of the closing marks of the top-level quotations (switch ``quote_end_bound``:
        else none)."""
        if not self.R.switch("quote_end_bound"):
            return set(), set()
        starts = {q.start for q in self.quotes if q.depth == 0}
        ends = {q.end - 1 for q in self.quotes if q.depth == 0}
        opening = {t.i for t in self.toks if t.idx in starts}
        return opening, {t.i for t in self.toks if t.idx in ends and t.i not in opening}

    def _quote_end_bounds(self, bounds: list[int], closing: set[int]) -> list[int]:
        """„Das ist keine böse Absicht, das ist Mathematik.“ Entscheidend sei, dass … / «So kannst du nicht gewinnen.» Er
        wolle aber … – a quotation that ends in final punctuation ends its sentence: the closing mark belongs to it (also a
        Swiss closing », which the mark alone cannot tell from a German opening one: the pairing of the marks can), and a
        capitalized word after it on the same line opens the next sentence where the parse went on. Switch
        ``quote_end_bound`` (clm17)."""
        toks, out = self.toks, set(bounds)
        for y in sorted(closing):
            t = toks[y]
            if y < 2 or y + 1 >= len(toks) or toks[y - 1].text not in PUNCT_END or toks[y - 1].whitespace_ \
                    or "\n" in t.whitespace_:
                continue
            out.discard(y)                  # "» Er wolle …": the closing mark ends the sentence before
            w = toks[y + 1].text
            if t.whitespace_ and w[:1].isupper() and w[:1].isalpha():
                out.add(y + 1)
        return sorted(out)

    def _abbreviation_end(self, i: int) -> bool:
        """Das Unternehmen habe …, sagte ein Sprecher der Müller GmbH. Der Fehler sei … – a word that keeps the sentence's
        final point ("GmbH.", words.yaml pointless_abbreviations_cased: written without a point) before a capitalized
        word on the same line ends the sentence (the parse goes on). Switch ``abbreviation_sentence_end``."""
        toks = self.toks
        t = toks[i].text
        if i + 1 >= len(toks) or not t.endswith(".") or t[:-1] not in self.w.pointless_abbreviations_cased \
                or not toks[i].whitespace_:
            return False
        w = toks[i + 1].text
        return w[:1].isupper() and w[:1].isalpha()

    def _point_end(self, i: int, abbreviation_end: bool, number_end: bool) -> bool:
        """Token i keeps the sentence's final point and ends the sentence where the parse goes on: an abbreviation written
        without a point ("GmbH.", switch ``abbreviation_sentence_end``) or a number ("1.000.", ``number_point_end``)."""
        return (abbreviation_end and self._abbreviation_end(i)) or (number_end and self._number_point_end(i))

    def _number_point_end(self, i: int) -> bool:
        """Nach Polizeiangaben waren es zirka 1.000. Zu der Demonstration hatten … aufgerufen. – a number that keeps the
        sentence's final point ("1.000.", "5,9.", "2:0."; the tokenizer reads it as an ordinal) before a capitalized
        function word on the same line (an article, pronoun, preposition, adverb or conjunction: an ordinal stands before
        a noun or an adjective, "am 5. Dezember", "die 3. Liga") ends the sentence where the parse goes on; not a list
        number that opens its line. Switch ``number_point_end`` (wik18)."""
        toks = self.toks
        t = toks[i].text
        if i < 1 or i + 1 >= len(toks) or not toks[i].whitespace_ or "\n" in toks[i].whitespace_ \
                or not t[:1].isdigit() or not t[-2:-1].isdigit() or toks[i - 1].is_space \
                or "\n" in toks[i - 1].whitespace_:
            return False
        nxt = toks[i + 1]
        return nxt.text[:1].isupper() and nxt.text.isalpha() and nxt.pos_ in FUNCTION_POS

    def _regnal_numeral(self, x: int) -> bool:
        """Papst Benedikt XVI. sagte, … / Ludwig XIV. ließ … – a point right after a Roman numeral that follows a name
        and before a lower-case word is the ordinal's point, no sentence end. Switch ``regnal_numeral_point``."""
        toks = self.toks
        if x < 3 or toks[x - 1].text != "." or toks[x - 2].whitespace_ or not ROMAN_NUMERAL.match(toks[x - 2].text):
            return False
        w = toks[x].text
        return toks[x - 3].text[:1].isupper() and w[:1].islower() and w[:1].isalpha() \
            and self.R.switch("regnal_numeral_point")

    def _inner_bound(self, x: int) -> bool:
        """A sentence start of the parse inside a sentence: "Er sagte | , die Lage sei ernst"
        (a start at a comma, a closing bracket or final punctuation, or a lowercase word after
        no final punctuation, all within one paragraph)."""
        toks = self.toks
        if x <= 0 or x >= len(toks) or "\n" in toks[x - 1].whitespace_ or toks[x - 1].is_space:
            return False
        if toks[x].text in (",", ";", ")", ".", "!", "?") or self._regnal_numeral(x) or self._start_after_so(x) \
                or self._quotation_in_sentence(x) or self._opening_mark_after_word(x):
            return True
        if toks[x - 1].text in QUOTE_CHARS:
            return self._lowercase_after_quoted_name(x)
        return self._unpunctuated_bound(x) or self._lowercase_after_no_end(x) or self._capitalized_bound(x)

    def _start_after_so(self, x: int) -> bool:
        """"„…“ So | Olaf Scholz.": the parse ends a sentence after "So" (switch ``so_sentence_frame``)."""
        toks = self.toks
        w, prev = toks[x].text, toks[x - 1].text
        return prev.lower() == "so" and x >= 2 and (toks[x - 2].text in PUNCT_END or toks[x - 2].text in QUOTE_CHARS) \
            and w[:1].isupper() and self.R.switch("so_sentence_frame")

    def _quotation_in_sentence(self, x: int) -> bool:
        """"laut | «Vier Pfoten»": an opening mark after a word, a comma or a bracket is a quotation inside the
        sentence."""
        w, prev = self.toks[x].text, self.toks[x - 1].text
        return w in ("„", "«", "»", "\"") and prev not in PUNCT_END | {"…", ":"} and prev not in QUOTE_CHARS \
            and (prev[:1].isalnum() or prev in (",", ")"))

    def _opening_mark_after_word(self, x: int) -> bool:
        """"laut « | Vier Pfoten»": a mark right before x, after a word (or a comma, a bracket) and a space, opens a
        quotation."""
        toks = self.toks
        return toks[x - 1].text in QUOTE_CHARS and toks[x - 1].whitespace_ == "" and x >= 2 and toks[x - 2].whitespace_ \
            and (toks[x - 2].text[:1].isalnum() or toks[x - 2].text in (",", ")"))

    def _lowercase_after_quoted_name(self, x: int) -> bool:
        """"laut «Vier Pfoten» | die Pelzproduktion …": a lower-case word after a closing mark (with a space) that
        follows no sentence end is inside the sentence: a quoted name, no sentence end."""
        toks = self.toks
        w = toks[x].text
        return w[:1].islower() and w[:1].isalpha() and x >= 2 and toks[x - 2].text not in PUNCT_END | {"…", ":"} \
            and not toks[x - 1].whitespace_ == "" and self._closes_quote(x - 1)

    def _unpunctuated_bound(self, x: int) -> bool:
        """"„…“ Das sagte | BMW-Chef Oliver Zipse.": no sentence ends in a bare lower-case word (switch
        ``unpunctuated_bound``)."""
        w, prev = self.toks[x].text, self.toks[x - 1].text
        return self.R.switch("unpunctuated_bound") and prev[:1].islower() and prev.isalpha() and w[:1].isupper() \
            and self.toks[x - 1].whitespace_ == " "

    def _capitalized_bound(self, x: int) -> bool:
        """"Das kündigte Klinikchef | Dr. Volker Hagedorn am Dienstag an.", "sagte Gewerkschaftssekretär | Uwe Brettschneider":
        a sentence start of the parse between two capitalized words on one line, separated by one space, with no
        punctuation after the first, is none (switch ``capitalized_bound``, clm18)."""
        w, prev = self.toks[x].text, self.toks[x - 1].text
        return self.R.switch("capitalized_bound") and prev[:1].isupper() and prev[-1:].isalnum() and w[:1].isupper() \
            and w[:1].isalpha() and self.toks[x - 1].whitespace_ == " "

    def _lowercase_after_no_end(self, x: int) -> bool:
        """A lower-case word after no final punctuation: the sentence goes on."""
        w, prev = self.toks[x].text, self.toks[x - 1].text
        return w[:1].islower() and w[:1].isalpha() and prev not in PUNCT_END | {"…", ":"}

    def _closes_quote(self, i: int) -> bool:
        """Quotation mark i closes a quotation that opened earlier in the same paragraph."""
        t = self.toks[i]
        opening = {"»": "«", "«": "»", "“": "„", "”": "“", "\"": "\""}.get(t.text)
        if opening is None:
            return False
        para = self.text.rfind("\n", 0, t.idx)
        return self.text.find(opening, para + 1, t.idx) >= 0

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
        if lw in self.R.not_speakers or lw in self.w.determiners or lw in self.w.subordinators or lw in self.w.person_pronouns \
                or lw in self.w.function_words:
            return False
        if lw in self.R.forms and i > 0 and self.low[i - 1] in (",", ":", "„", "“"):
            return False
        return True

    def mistagged_noun(self, i: int) -> bool:
        """A capitalized sentence-initial word the tagger took for an adverb: "Elshorst wies darauf
        hin", "Freizeitforscher bezweifeln" (a weak model's error), or a hyphenated compound inside a
        sentence taken for a verb ("rät Auto-Experte Achmed Leser ab"). Known adverbs stay adverbs."""
        t = self.toks[i]
        if t.pos_ == "VERB" and t.text[:1].isupper() and "-" in t.text.strip("-") and self.sents \
                and i != self.sents[self.sent_of[i]][0] and t.text.replace("-", "").isalpha():
            return True                 # "rät Auto-Experte Achmed Leser ab": a hyphenated compound is a noun
        if t.pos_ not in ("ADV", "ADJ") or not t.text[:1].isupper() or not t.text.isalpha() or len(t.text) < 4:
            return False
        if not self.sents:
            return False
        lw = self.low[i]
        if lw in self.R.not_speakers or lw in self.w.skippable or lw in self.w.function_words or lw in self.w.not_nouns or lw in self.w.determiners \
                or lw in self.w.subordinators or lw in self.w.time_nouns or lw in self.R.forms:
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
                w not in self.w.determiners and w not in self.R.forms and w not in self.R.not_speakers and
                w not in self.w.subordinators and w not in self.w.person_pronouns)

    def is_konj(self, i: int) -> bool:
        """A Konjunktiv verb form: by the morphology, the lexicon, or a finite verb in -e without a
        1st person subject."""
        lw = self.low[i]
        feats = self.feats[i]
        if self.has_morph and "Sub" in feats.get("Mood", ()) and ("Fin" in feats.get("VerbForm", ())
                                                                  or not feats.get("VerbForm")):
            if lw not in ("ich", "wir") and not self._weak_preterite(i):
                return True
        if lw in self.R.konjunktiv:
            prev = self.low[i - 1] if i else ""
            return not (lw in self.w.indicative_after_ich and prev == "ich")
        if self._attributive_e(i):
            return False
        return self._finite_in_e(i) or self._third_person_e(i)

    def _attributive_e(self, i: int) -> bool:
        """Zwischen 1973 und 1976 studierte Müller deutsche und rumänische Literatur. – a word in -e before a noun, an
        adjective or "und"/"oder" that the model lemmatizes to an adjective (the word without its -e: "deutsche" ->
        "deutsch", "anhaltende" -> "anhaltend"), or tags an auxiliary that no auxiliary lemma backs ("intensive"), is an
        attributive adjective whatever its tag, no Konjunktiv I (a verb's lemma is its infinitive: "erwäge Maßnahmen"
        -> "erwägen"). Switch ``attributive_e``."""
        if not (self.has_pos and self.R.switch("attributive_e")) or i + 1 >= len(self.toks):
            return False
        lw, lemma = self.low[i], self.toks[i].lemma_.lower()
        if not (lw.endswith("e") and len(lw) >= 4 and (lemma == lw[:-1] or (
                self.toks[i].pos_ == "AUX" and lemma not in AUX_LEMMAS))):
            return False                # "intensive Geschäftsbeziehungen": an "auxiliary" no auxiliary lemma backs
        nxt = self.toks[i + 1]
        return nxt.pos_ in ("NOUN", "PROPN", "ADJ") or nxt.tag_ in ("NN", "NE", "ADJA") or self.low[i + 1] in ("und", "oder")

    def _weak_preterite(self, i: int) -> bool:
        """"er folgte der Einladung": a weak preterite (stem + -te, -ten, -tet, -test, by the lemma's stem: "folgen"
        -> "folg" + "te") is the same word in the indicative and the Konjunktiv II; the model's Mood=Sub alone does
        not make it a Konjunktiv ("warte" = "wart" + "e" is a Konjunktiv I; the lexicon's forms still count)."""
        lw, lemma = self.low[i], self.toks[i].lemma_.lower()
        if lw in self.R.konjunktiv or not lemma.endswith("en") or any(ch in lw for ch in "äöü"):
            return False
        stem = lemma[:-2]
        return lw.startswith(stem) and lw[len(stem):] in ("te", "ten", "tet", "test", "ete", "eten", "etet")

    def _finite_in_e(self, i: int) -> bool:
        """A finite verb in -e that is no preterite (-te) and has no 1st person subject: "Vance äußere sich"."""
        t, lw = self.toks[i], self.low[i]
        if "Part" in self.feats[i].get("VerbForm", ()) or lw.endswith("weise") or not lw.isalpha() or not lw.isascii() \
                and not all(ch in "äöüß" or ch.isascii() for ch in lw):
            return False                # "age" (a participle to the model), "zeitweise", "fée": no German verb in -e
        if i > 0 and (self.low[i - 1] in self.w.determiners or self.low[i - 1] in ("alles", "etwas", "nichts")):
            return False                # "alles weitere": no verb right after an article or quantifier
        verb = self._lemma_verb_e(i)
        return bool(self.has_pos and (t.pos_ in ("VERB", "AUX") or t.tag_ in ("VVFIN", "VAFIN", "VMFIN") or verb)
                    and lw.endswith("e") and not lw.endswith("te")
                    and t.text.islower() and lw not in self.w.not_konjunktiv_e
                    and ("Fin" in self.feats[i].get("VerbForm", ()) or t.tag_ in ("VVFIN", "VAFIN", "VMFIN") or verb)
                    and not self.first_person_near(i))

    def first_person_near(self, i: int) -> bool:
        """"ich"/"wir" within three tokens of ``i``: a verb in -e there is the 1st person indicative ("ich richte")."""
        return any(self.low[k] in ("ich", "wir") for k in range(max(0, i - 3), min(len(self.low), i + 3)))

    def _lemma_verb_e(self, i: int) -> bool:
        """Ein Sprecher sagte, man rechne mit Aufträgen. – a lower-case form in -e that our model tags an adverb or
        adjective but lemmatizes to the infinitive in -en ("rechne" -> "rechnen") is the verb's Konjunktiv I (an
        adverb or adjective keeps its own lemma: "gerne", "große" -> "groß"). An adjective before a noun or another
        adjective is attributive, whatever its lemma ("definierte er klare Bedingungen": "klare" -> "klaren").
        Switch ``lemma_verb_e``."""
        t, lw = self.toks[i], self.low[i]
        return self.R.switch("lemma_verb_e") and self.has_pos and t.pos_ in ("ADV", "ADJ") and t.text.islower() \
            and len(lw) >= 4 and lw.endswith("e") and not lw.endswith("te") and t.lemma_ == lw + "n" \
            and self.in_quote[i] < 0 and not (
                t.pos_ == "ADJ" and i + 1 < len(self.toks) and self.toks[i + 1].pos_ in ("NOUN", "PROPN", "ADJ"))

    def _mistagged_preterite(self, i: int) -> bool:
        """SPD-Innenexperte Wiefelspütz nannte den Bericht eine „Zeitungsente“. – a lower-case form of a speech verb
        in -te/-ten ("nannte", "dankte") that our model tags an adverb or determiner is the verb's preterite (the
        forms are speech.yaml's; "bitte" is a particle). Switch ``mistagged_preterite``."""
        lw = self.low[i]
        return self.R.switch("mistagged_preterite") and self.toks[i].text.islower() and len(lw) >= 5 \
            and lw.endswith(("te", "ten")) and lw not in ("bitte", "weiten", "rechten", "leichten") \
            and self.toks[i].pos_ in ("ADV", "DET", "ADP", "SCONJ")

    def _third_person_e(self, i: int) -> bool:
        """"er vertraue", "sie plane": a 3rd person subject + verb in -e (no morphologizer needed)."""
        t, lw = self.toks[i], self.low[i]
        if not (lw.endswith("e") and lw.isalpha() and t.text.islower() and lw not in self.w.not_konjunktiv_e
                and not self._weak_preterite(i) and lw not in self.w.determiners and not (
                    self.has_pos and t.pos_ in ("NOUN", "PROPN", "DET", "ADP", "ADV") and not self._lemma_verb_e(i))):
            return False
        if i + 1 < len(self.low) and self.low[i + 1] in ("er", "man") and i > 0 and self.low[i - 1] not in (",", "und") \
                and lw not in self.w.preterites_in_e and not lw.endswith("te") and self.has_pos \
                and t.pos_ in ("VERB", "AUX") and self.in_quote[i] < 0:
            return True                 # "Nach dem Eingriff erhole er sich": the pronoun after the verb (verb second)
        k = i - 1
        while k >= 0 and self.is_quote_mark(k):
            k -= 1
        return k >= 0 and self.low[k] in ("er", "es", "man") and (
            k == 0 or self.low[k - 1] in (",", "und", "dass", "daß", ":") or self.is_quote_mark(k - 1)
            or self.sent_of[k - 1] != self.sent_of[k])

    def triggered(self, rule_id: str, lo: int, hi: int, offset: int = 0) -> list[int]:
        """Tokens ``start + offset`` in [lo, hi) of the matches of ``rule_id``'s trigger pattern."""
        starts = self.triggers[rule_id]
        i = bisect_left(starts, lo - offset)
        out = []
        while i < len(starts) and starts[i] + offset < hi:
            out.append(starts[i] + offset)
            i += 1
        return out

    def char_span(self, a: int, b: int) -> tuple[int, int]:
        return self.toks[a].idx, self.toks[b - 1].idx + len(self.toks[b - 1].text)

    # -- cue verbs
    def verb_hit(self, i: int, limit: int) -> Hit | None:
        """A speech/cognition verb at token i; a split particle must follow before ``limit``."""
        entries = self._verb_entries(i)
        if not entries or self._not_a_verb_tag(i, entries, limit) or self._capitalized_noun(i) \
                or self._blocked_participle(i):
            return None
        return self._hit_of_entries(i, entries, limit)

    def _verb_entries(self, i: int) -> list:
        """The speech verb entries of token i: by its form, else (a verb-tagged token) by its lemma."""
        entries = self.R.forms.get(self.low[i])
        t = self.toks[i]
        if not entries and self.has_lemma and t.lemma_.lower() in self.R.lemmas and \
                (not self.has_pos or t.pos_ in ("VERB", "AUX")):
            lem = t.lemma_.lower()
            entries = [VerbEntry(lem, None, False, self.R.lemmas[lem])]
        return entries

    def _not_a_verb_tag(self, i: int, entries: list, limit: int) -> bool:
        """Token i is tagged as no verb (nor as a word class our model gives verbs by mistake), and none of the
        mistagged-verb rules takes it back."""
        t = self.toks[i]
        return bool(self.has_pos and t.pos_ and t.pos_ not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "X", "")
                    and not self._mistagged_preterite(i) and not self._mistagged_split_verb(i, entries, limit)
                    and not self._mistagged_joined_form(i, entries))

    def _capitalized_noun(self, i: int) -> bool:
        """A capitalized word inside a sentence is a noun ("Sagen"), also one of a list of nouns after a comma
        ("Trinken, Singen, Lachen")."""
        if self.toks[i].text[:1].islower() or i == 0 or not self.sents or i == self.sents[self.sent_of[i]][0]:
            return False
        if self.low[i - 1] not in (",", ":", "„", "“", "(", "–"):
            return True
        return self.low[i - 1] == "," and self.has_pos and self.toks[i].pos_ == "NOUN"

    def _blocked_participle(self, i: int) -> bool:
        """A participle that is no speech verb here: the perfect of "stehen" with "sein" ("ist vor Gericht
        gestanden", switch ``sein_perfect_participle``) or an attributive participle ("in der bereits erwähnten
        Videobotschaft", switch ``attributive_participle``, spk5)."""
        if self.low[i] in self.w.sein_perfect_participles and self.R.switch("sein_perfect_participle") \
                and self._sein_perfect(i):
            return True
        return self.R.switch("attributive_participle") and attributive_participle(self, i)

    def _hit_of_entries(self, i: int, entries: list, limit: int) -> Hit | None:
        """The hit of the first separable entry whose particle is found, else of the first other entry unless a
        stray particle closes the clause ("schreibt … vor", "fanden sich damit ab": another (particle) verb)."""
        best: Hit | None = None
        for e in entries:
            if e.split:
                ps = self._particle_before(i, e.particle) if e.before else self._find_particle(i, e.particle, limit)
                if ps:
                    return Hit(i, ps, e)
            elif best is None:
                best = Hit(i, [], e)
        if best is not None and not best.entry.participle and self._stray_particle(i, limit):
            return None
        return best

    def _mistagged_joined_form(self, i: int, entries: list) -> bool:
        """Die Aussage eines Jungen, der angab, von dem Mann missbraucht worden zu sein. / …, der der US-Regierung vorwarf,
        … – a lower-case finite form of a separable speech verb with its particle joined ("angab", "vorwarf") that our
        model tags an adverb or preposition, closing its verb-final clause (a comma or sentence punctuation right after
        it), is that verb (switch ``mistagged_joined_form``, miss14)."""
        t = self.toks[i]
        if not self.R.switch("mistagged_joined_form") or not t.text.isalpha() or not t.text.islower() \
                or t.pos_ not in ("ADV", "ADP") or i + 1 >= len(self.toks) or self.low[i + 1] not in (",", ".", ";", ":") \
                or self.low[i] in self.w.function_words:
            return False
        return any(e.particle and not e.split and not e.participle and not self.low[i].endswith("en") for e in entries)

    def _mistagged_split_verb(self, i: int, entries: list, limit: int) -> bool:
        """Merkel hob dabei auch hervor, dass … / Die Organisation weist darauf hin, dass … – a lower-case finite form of a
        separable speech verb that our model tags an adverb, determiner or pronoun is that verb when its particle
        closes the clause after it (switch ``split_verb_mistag``)."""
        t = self.toks[i]
        if not self.R.switch("split_verb_mistag") or not t.text.isalpha() or not t.text.islower() \
                or self.low[i] in self.w.function_words or self.low[i] in self.w.determiners \
                or (i > 0 and self.low[i - 1] in self.w.determiners):
            return False
        return any(e.split and not e.before and not e.participle and self._find_particle(i, e.particle, limit)
                   for e in entries)

    def _stray_particle(self, i: int, limit: int) -> bool:
        """A separable particle closes the clause of the finite verb at i ("Das schreibt die Abgasnorm
        vor.", "Die Zuschauer fanden sich damit ab, dass …"): the verb is another one than its base."""
        for k in range(i + 1, min(limit, len(self.toks))):
            lw = self.low[k]
            if lw in CLAUSE_BREAK or lw in ("dass", "daß", "ob") or self.in_quote[k] >= 0:
                return False
            nxt = self.low[k + 1] if k + 1 < len(self.low) else "."
            if lw in self.w.separable_particles and (nxt in CLAUSE_BREAK or nxt in ("und", "oder")) \
                    and self.low[k - 1] not in self.w.determiners:
                return True
        return False

    def _sein_perfect(self, i: int) -> bool:
        """Der Kandidat ist vor Gericht gestanden, … – the participle at i has a form of "sein" as its
        auxiliary in its clause (before it, or right after it in a verb-final clause): the perfect of
        "stehen", not of "gestehen" (words.yaml claims.sein_perfect_participles)."""
        for k in range(i - 1, max(-1, i - 12), -1):
            if self.low[k] in CLAUSE_BREAK or self.in_quote[k] >= 0:
                break
            if self.low[k] in self.w.sein_forms:
                return True
        return i + 1 < len(self.low) and self.low[i + 1] in self.w.sein_forms

    def _particle_before(self, i: int, particle: str) -> list[int]:
        """The words of a multi-word particle right before the verb at i ("in Aussicht gestellt")."""
        words = particle.split()
        a = i - len(words)
        return list(range(a, i)) if a >= 0 and self.low[a:i] == words else []

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


@dataclass
class Sent:
    """One sentence under extraction: tokens [a, b) of sentence ``si``, the claims of earlier
    sentences (``found``), the quotations claimed so far (``covered``), this sentence's claims
    (``out``) and the tokens its frames have used (``used``)."""
    c: Ctx
    si: int
    a: int
    b: int
    found: list[Found]
    covered: set[int]
    out: list[Found] = field(default_factory=list)
    used: set[int] = field(default_factory=set)


AUX_LEMMAS = ("sein", "haben", "werden", "können", "müssen", "sollen", "wollen", "dürfen", "mögen")


def attributive_participle(c: Ctx, i: int) -> bool:
    """Obama sagte in der bereits erwähnten Videobotschaft, … – a speech verb form that the parse takes for an
    adjective modifying the noun after it, with an article (or a preposition with its article) before it, is an
    attributive participle ("erwähnten", "veröffentlichten" = the weak preterite plural): no cue (switch
    ``attributive_participle``)."""
    t = c.toks[i]
    if not c.has_dep or t.pos_ != "ADJ" or t.dep_ != "amod" or not i < t.head.i <= i + 2 \
            or t.head.pos_ not in ("NOUN", "PROPN") or not c.low[i].endswith(("e", "en", "er", "es", "em")):
        return False
    k = i - 1
    while k >= 0 and i - k <= 4 and (c.toks[k].pos_ in ("ADV", "ADJ") or c.low[k] in c.w.skippable):
        k -= 1
    if k < 0 or c.in_quote[k] >= 0 or (c.low[i].endswith("en") and c.low[k] in ("das", "ein", "kein")):
        return False                # "Das berichteten Mitarbeiter …": "das" is the object, the verb finite
    return c.low[k] in c.w.determiners or c.toks[k].tag_ in ("APPRART", "APPR_ART")
