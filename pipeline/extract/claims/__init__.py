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

Package layout (where a change goes):

- ``triggers``: ``speech.yaml`` compiled (``parse_speech``: verb forms, lexicons, the rule order
  and switches) and the word-pattern triggers (spaCy ``Matcher`` patterns labelled by rule id,
  compiled once per rules object: source prepositions, ", so", noun cues, "wonach", "heißt es" and
  the speech/cognition verbs that start the ``verb`` rules, ``each_verb``);
- ``quotes``: quotation marks paired in the raw text;
- ``context``: the per-Doc :class:`Ctx` (sentences, quotes, mentions, token classes, the
  ``words.yaml`` lists of section ``claims``), :class:`Found` and :class:`Sent`;
- ``clauses``: clause and message bounds, verb groups, Konjunktiv tests;
- ``speaker``: noun phrases, subjects of cue verbs, speaker -> Actor;
- ``registry`` and ``rules/``: the named rules (``@rule(rule_id, stage)``), one module per family
  (quote, sentence, verb, continuation); their order and on/off switches are data in
  ``speech.yaml`` (``rules:``, ``switches:``);
- ``records``: found claims to :class:`~pipeline.records.Claim` rows; a repeat of an earlier claim (a teaser or lead
  printed twice) is dropped (switch ``duplicate_claim``).
"""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.records import Actor, Claim
from pipeline.ruleset import RuleSet

from .context import Ctx, Found, Hit
from .quotes import find_quotes, Quote
from .records import to_records
from .rules.continuation import continuation, dropped_sentence_continues, quote_sources, reported_chain_speaker
from .rules.filters import not_a_claim
from .rules.quote import unclaimed_quotes
from .rules.sentence import sentence_claims
from .rules.speaker_agree import bare_source_noun
from .rules.speaker_spokes import spokesperson_person
from .speaker import find_subject, grab_np, resolve_speaker, title_before_name, name_circumstance_cut, time_speaker, reason_frame_speaker
from .triggers import parse_speech, SpeechRules, VerbEntry


def claims(doc: Doc, rules: RuleSet, actors: list[Actor]) -> list[Claim]:
    """The claims of a parsed Doc: per sentence the ``sentence`` rules, else the ``continuation``
    rules; then the ``document`` rules for the quotations no sentence claimed. The ``filter``
    rules mark each claim that is none as soon as it is found: it stays context for the later
    rules (a quotation after „Oh“, sagte er. continues his speech) but makes no record."""
    R: SpeechRules = rules["speech"]
    if len(doc) == 0:
        return []
    c = Ctx(doc, R, actors, rules["words"])
    c.actor_rules = rules.get("actors")     # given names for pronoun gender (speaker.person_gender)
    c.org_lexicon = rules.get("organizations")      # demonyms: "sagte der Schwede" (rules/speaker_anaphor.py, spk16)
    c.role_lexicon = rules.get("roles")             # club markers: "der Verein" (rules/speaker_anaphor.py speaker_club, spk16)
    found: list[Found] = []
    covered: set[int] = set()          # quote indices already claimed
    for si, (a, b) in enumerate(c.sents):
        local = sentence_claims(c, si, a, b, found, covered)
        if not local:
            local = continuation(c, si, a, b, found, covered)
        else:
            reported_chain_speaker(c, si, a, b, local, found, covered)
        for f in local:
            f.dropped = not_a_claim(c, f)
        local = dropped_sentence_continues(c, si, a, b, local, found, covered)
        for f in local:
            f.speaker = name_circumstance_cut(c, title_before_name(c, f.speaker))   # the name's whole NP (spk9)
            _drop_time_speaker(c, f)
            if f.speaker_key is None:
                f.speaker_key = resolve_speaker(c, f.speaker, found)
            f.speaker_key = spokesperson_person(c, f, found)     # "…, sagte sie." of a spokesperson (spk20)
            if bare_source_noun(c, f):      # "Nach den getroffenen Feststellungen …": an unnamed source (spk18b)
                f.speaker = None
            found.append(f)
    n = len(found)
    unclaimed_quotes(c, found, covered)
    for f in found[n:]:
        f.speaker = name_circumstance_cut(c, title_before_name(c, f.speaker))
        _drop_time_speaker(c, f)
        f.dropped = not_a_claim(c, f)
    quote_sources(c, found, n)
    return to_records(c, [f for f in found if not f.dropped])


def _drop_time_speaker(c: Ctx, f: Found) -> None:
    """A speaker span that is only a time expression ("Ende August") is none, nor is its actor (switch time_speaker);
    a claim without a speaker after "Als Begründung" takes the previous sentence's subject (reason_frame_subject)."""
    if f.speaker is not None and time_speaker(c, f.speaker) is None:
        f.speaker, f.speaker_key = None, None
    if f.speaker is None and (sp := reason_frame_speaker(c, f)) is not None:
        f.speaker, f.speaker_key = sp, None


__all__ = ["claims", "parse_speech", "find_quotes", "SpeechRules", "VerbEntry", "Quote", "Ctx", "Found", "Hit",
           "grab_np", "find_subject", "resolve_speaker"]
