"""Claim extraction: rules, quote pairing, speakers, and pinned floors on our own fixtures.

The fixture texts run through the committed model (pipeline/models/de_news) and
the full extraction (entity layer, actors, all rules); hand-built Docs pin the
rules on fixed parses. The Wikinews check needs ../shared and is skipped without it.
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest
import spacy
import yaml
from spacy.tokens import Doc

from pipeline.eval_claims import Scores
from pipeline.extract.claims import claims, find_quotes, parse_speech
from pipeline.extract.words import parse_words
from pipeline.ruleset import RULES_DIR, RuleError, RuleSet

FIXTURES = Path(__file__).parent / "fixtures" / "claims" / "articles.json"


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    path = RULES_DIR / "speech.yaml"
    compiled = parse_speech(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
    wpath = RULES_DIR / "words.yaml"
    word_lists = parse_words(yaml.safe_load(wpath.read_text(encoding="utf-8")), wpath.name)
    return RuleSet(RULES_DIR, "test", {"speech": compiled, "words": word_lists})


@pytest.fixture(scope="module")
def nlp(de_news):
    """The committed model with the production pipeline (tests/conftest.py)."""
    return de_news


@functools.cache
def _all_rules() -> RuleSet:
    from pipeline.ruleset import load_rules
    return load_rules()


def _wikinews_rules() -> RuleSet:
    """The rules under speech.yaml's ``wikinews`` profile: the convention the fixture articles and the older tests
    were written in (speech acts with a noun-phrase object and "soll" hearsay are claims)."""
    from pipeline.ruleset import with_profile
    return with_profile(_all_rules(), "wikinews")


def run(nlp, text, rules=None):
    """The claims of ``text`` through the real pipeline: model, entity layer, actors, all rules."""
    from pipeline.extract import extract
    return extract(nlp(text), rules or _all_rules()).claims


# ---------------------------------------------------------------- rules

def test_lexicon_has_hundreds_of_verbs_with_particle_forms(rules):
    R = rules["speech"]
    assert R.n_verbs >= 250
    teilte = {(e.lemma, e.particle, e.split) for e in R.forms["teilte"]}
    assert ("mitteilen", "mit", True) in teilte
    assert any(e.lemma == "mitteilen" and e.participle for e in R.forms["mitgeteilt"])
    assert any(e.lemma == "ausschließen" and e.split for e in R.forms["schloss"])
    assert any(e.lemma == "zurückweisen" and e.split for e in R.forms["wies"])
    assert any(e.lemma == "klarmachen" for e in R.forms["klarmachte"])
    assert any(e.lemma == "mitteilen" for e in R.forms["mitzuteilen"])
    assert "reported" in R.lemmas["ausschließen"]
    assert "Angaben" in R.nouns and "zufolge" in R.preps_after


def test_speech_verb_trigger_is_a_matcher_over_forms_and_lemmas(nlp, rules):
    """The verb rules start from the ``each_verb`` Matcher trigger: a listed form or lemma; the part
    of speech ("meinen Bruder"), capitalization ("das Sagen") and particles are the rule's."""
    from pipeline.extract.claims.context import Ctx
    from pipeline.extract.claims.triggers import _matcher, find_triggers
    R = rules["speech"]
    doc = nlp("Die Ministerin teilte am Montag mit, sie habe meinen Bruder getroffen. "
              "Das Sagen habe sie, meinte er.")
    starts = find_triggers(doc, R)["each_verb"]
    assert [doc[i].text for i in starts] == ["teilte", "meinen", "Sagen", "meinte"]
    c = Ctx(doc, R, [], rules["words"])
    assert [i for i in range(len(doc)) if c.verb_hit(i, len(doc))] == [2, 18]   # a determiner, a noun
    assert _matcher(R, doc.vocab) is _matcher(R, nlp.vocab)          # compiled once per rules and vocab


def test_bad_rule_file_names_the_entry():
    with pytest.raises(RuleError, match="speech.yaml.*Sagen"):
        parse_speech({"version": 1, "weak": {"speech": ["Sagen"]}, "strong": {}, **_rest()}, "speech.yaml")
    with pytest.raises(RuleError, match="unknown key"):
        parse_speech({"version": 1, "verbs": []}, "speech.yaml")


def _rest() -> dict:
    data = yaml.safe_load((RULES_DIR / "speech.yaml").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if k not in ("version", "weak", "strong")}


# ---------------------------------------------------------------- quotes

def test_quote_pairs_and_nesting():
    text = 'Er sagte: „Das ist ein ‚fauler‘ Kompromiss.“ Sie: »Nein.« Dann "ja" – it\'s fine.'
    qs = [(text[q.start:q.end], q.depth) for q in find_quotes(text)]
    assert ("„Das ist ein ‚fauler‘ Kompromiss.“", 0) in qs
    assert ("‚fauler‘", 1) in qs
    assert ("»Nein.«", 0) in qs
    assert ('"ja"', 0) in qs
    assert len(qs) == 4


def test_unclosed_quote_stops_at_paragraph():
    text = "Er sagte: „Das ist offen.\n\nNeuer Absatz „mit Zitat“."
    qs = [text[q.start:q.end] for q in find_quotes(text)]
    assert qs == ["„mit Zitat“"]


# ---------------------------------------------------------------- claims

def test_partial_quote_and_konjunktiv_clause(nlp):
    out = run(nlp, "Am Donnerstag betonte Trump, er „vertraue“ Putin.")
    by_text = {c.claim_text: c for c in out}
    ind = by_text["er „vertraue“ Putin"]
    assert (ind.claim_type, ind.speaker_text, ind.speaker_key, ind.cue_text) == \
        ("indirect", "Trump", "PER:trump", "betonte")
    part = by_text["„vertraue“"]
    assert (part.claim_type, part.speaker_key) == ("direct", "PER:trump")


def test_claim_date_from_dates_module(nlp):
    pytest.importorskip("pipeline.dates")
    from pipeline import dates
    if not hasattr(dates, "find_expressions"):
        pytest.skip("pipeline.dates has no find_expressions")
    out = run(nlp, "Am Donnerstag betonte Trump, er vertraue Putin.")
    assert out[0].date_text == "Am Donnerstag"
    assert (out[0].date_start, out[0].date_end) == (0, 13)


@pytest.mark.parametrize("name,key", [
    ("Mike Waltz", "PER:mike waltz"),
    pytest.param("Waltz", "PER:waltz", marks=pytest.mark.xfail(
        strict=True, reason="de_news NER misses the bare sentence-initial surname 'Waltz' (no PER entity), "
                            "so the pronoun 'er' has no antecedent and speaker_key is None")),
])
def test_pronoun_speaker_resolves_to_previous_speaker(nlp, name, key):
    text = (f"{name} kennt sich in Europa aus. Als Teil von Trumps Team wird man mehr von ihm hören. "
            "Zuletzt bekräftigte er, dass die Hilfe begrenzt sei.")
    out = run(nlp, text)
    assert [(c.speaker_text, c.speaker_key, c.claim_text) for c in out] == \
        [("er", key, "dass die Hilfe begrenzt sei")]


def test_speaker_after_quote_and_in_previous_sentence(nlp):
    text = ("„Wenn ich ein Europäer wäre, würde ich das ernst nehmen“, erklärt der Experte Stephen Wertheim. "
            "„Vance ist kohärenter als Trump.“")
    out = run(nlp, text)
    assert [(c.claim_type, c.speaker_key, c.rule_id) for c in out] == [
        ("direct", "PER:stephen wertheim", "quote_after"),
        ("direct", "PER:stephen wertheim", "quote_continued"),
    ]
    assert out[0].speaker_text == "der Experte Stephen Wertheim"


def test_split_particle_verb_cue_words(nlp):
    out = run(nlp, "Die Polizei teilte am Montag mit, dass zwei Männer festgenommen worden seien.")
    c = out[0]
    assert c.cue_text == "teilte mit"
    assert c.speaker_text == "Die Polizei"
    assert c.claim_text == "dass zwei Männer festgenommen worden seien"


def test_mood_sub_from_morphology(rules):
    """A Konjunktiv form missing from the lexicon is found through Mood=Sub."""
    vocab = spacy.blank("de").vocab
    words = ["Er", "sagte", ",", "die", "Lage", "verschlechtere", "sich", "."]
    morphs = ["", "Mood=Ind|VerbForm=Fin", "", "", "", "Mood=Sub|Number=Sing|Person=3|VerbForm=Fin", "", ""]
    pos = ["PRON", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PRON", "PUNCT"]
    doc = Doc(vocab, words=words, spaces=[True, False, True, True, True, True, False, False],
              pos=pos, morphs=morphs, sent_starts=[True] + [False] * 7)
    out = claims(doc, rules, [])
    assert [(c.claim_text, c.speaker_text, c.claim_type, c.rule_id) for c in out] == \
        [("die Lage verschlechtere sich", "Er", "indirect", "verb_konj")]
    # the same sentence in the indicative is a verb-second claim (verb_v2, as the web gold counts it)
    morphs[5] = "Mood=Ind|Number=Sing|Person=3|VerbForm=Fin"
    words[5] = "verschlechtert"
    doc = Doc(vocab, words=words, spaces=[True, False, True, True, True, True, False, False],
              pos=pos, morphs=morphs, sent_starts=[True] + [False] * 7)
    assert [(c.claim_text, c.rule_id) for c in claims(doc, rules, [])] == [("die Lage verschlechtert sich", "verb_v2")]


def test_no_claims_in_plain_narration(nlp):
    text = "Die Wirtschaft wächst langsam. Der Zug fuhr um acht Uhr ab. Sie nannte ihren Sohn Paul."
    assert run(nlp, text) == []


def test_sources_hearsay_and_noun_cues(nlp):
    by_rule = {c.rule_id: c for c in run(nlp, (         # "soll" hearsay is a claim by the Wikinews convention
        "Die Universität veröffentlichte einen Bericht. Demnach sei der Mann geflohen. "
        "Er verwies auf eine Meldung der Agentur, wonach zwei Soldaten getötet worden seien. "
        "Der Täter soll die Tat bereits gestanden haben. "
        "Der Verband ist der Meinung, dass die Preise steigen."), _wikinews_rules())}
    adv = by_rule["source_adverb"]
    # "Demnach" speaks with the institution that published the report (switch adverb_prev_speaker), not as the adverb
    # (an institution that is no actor: "Die Polizei" is an organisation since actors org_institution, auth12)
    assert (adv.claim_text, adv.speaker_text, adv.cue_text) == ("sei der Mann geflohen", "Die Universität", "Demnach")
    won = by_rule["wonach"]
    assert (won.claim_text, won.speaker_text, won.cue_text) == \
        ("zwei Soldaten getötet worden seien", "eine Meldung der Agentur", "wonach")
    assert by_rule["soll_hearsay"].claim_text == "Der Täter soll die Tat bereits gestanden haben."
    noun = by_rule["noun_dass"]
    # the parse attaches the copula to the noun cue: the cue is the whole predicate "ist der Meinung"
    assert (noun.claim_text, noun.cue_text) == ("dass die Preise steigen", "ist der Meinung")


def test_anaphoric_frame_in_next_sentence(nlp):
    out = run(nlp, ("Im Fahrzeug saß eine weitere Mitarbeiterin. Das bestätigte ein Sprecher am Montag. "
                           "„Wir werden das Land nicht verlassen, egal was passiert.“ Das sagte der Präsident."))
    got = [(c.rule_id, c.speaker_text, c.cue_text, c.claim_text) for c in out]
    assert ("anaphoric_frame", "ein Sprecher", "bestätigte", "Im Fahrzeug saß eine weitere Mitarbeiterin") in got
    assert ("quote_anaphoric", "der Präsident", "sagte",
            "„Wir werden das Land nicht verlassen, egal was passiert.“") in got


def test_konjunktiv_continuation_and_colon_frame(nlp):
    out = run(nlp, (
        "Der Wetterdienst warnte am Montag vor Sturm. In Staulagen sei mit Regen zu rechnen. "
        "Ein Sprecher der Polizei: „Wir sind vorbereitet.“"))
    got = [(c.rule_id, c.speaker_text, c.claim_text) for c in out]
    assert ("konj_continuation", "Der Wetterdienst", "In Staulagen sei mit Regen zu rechnen.") in got
    assert ("quote_colon", "Ein Sprecher der Polizei", "„Wir sind vorbereitet.“") in got


# ---------------------------------------------------------------- fixture floors

def _nearest(text: str, word: str, pos: int) -> int:
    """Offset of the whole-word occurrence of ``word`` nearest to ``pos`` (before it if any)."""
    hits = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    before = [h for h in hits if h < pos]
    return before[-1] if before else min(hits, key=lambda h: abs(h - pos))


# speakers that are common nouns ("das Ministerium", "die Gewerkschaft"): the fixture file gives them
# hand-made actor keys, the real pipeline (rightly) makes no actor of an unnamed institution
NO_ACTOR = {"ORG:ministerium", "ORG:gewerkschaft"}


def _fixture_scores(nlp):
    from pipeline.eval_claims import TokenIndex, pred_items
    scores = Scores()
    exact = total = keys_ok = 0
    for art in json.loads(FIXTURES.read_text(encoding="utf-8")):
        from pipeline.extract import extract
        doc = nlp(art["text"])
        out = extract(doc, _wikinews_rules()).claims     # the fixture counts claims by the Wikinews convention
        index = TokenIndex([{"id": t.i, "text": t.text, "charBegin": t.idx, "charEnd": t.idx + len(t.text)}
                            for t in doc if not t.is_space])
        golds = []
        for g in art["claims"]:
            ms = art["text"].index(g["message"])
            ss = _nearest(art["text"], g["speaker"], ms) if g["speaker"] else None
            cue_ids = frozenset()
            if g["cue"]:
                words = g["cue"].split()
                starts = [m.start() for m in re.finditer(rf"\b{re.escape(words[0])}\b", art["text"])]
                first = min(starts, key=lambda x: abs(x - (ss if ss is not None else ms)))
                last = art["text"].index(words[-1], first)
                cue_ids = index.ids(first, last + len(words[-1]), set(words))
            golds.append({"type": {"direct": "Direct", "indirect": "Indirect", "reported": "Reported"}[g["type"]],
                          "message": index.ids(ms, ms + len(g["message"])),
                          "speaker": index.ids(ss, ss + len(g["speaker"])) if ss is not None else frozenset(),
                          "cue": cue_ids})
            total += 1
            for c in out:
                if c.claim_text == g["message"]:
                    exact += (c.speaker_text == g["speaker"] and c.cue_text == g["cue"]
                              and c.claim_type == g["type"])
                    keys_ok += c.speaker_key == (None if g["key"] in NO_ACTOR else g["key"])
        scores.add(pred_items(out, index), golds)
    return scores, exact, keys_ok, total


def test_fixture_floors(nlp):
    scores, exact, keys_ok, total = _fixture_scores(nlp)
    msg = scores.prf(None, "message")
    spk = scores.prf(None, "speaker")
    cue = scores.prf(None, "cue")
    # pinned floors (measured: see the commit introducing them); raise them when the rules improve
    assert msg[2] >= 0.98, scores.table()
    assert spk[2] >= 0.95, scores.table()
    assert cue[2] >= 0.98, scores.table()
    assert exact >= total - 1
    # measured with de_news: 15 of 19 (the four Waltz claims miss their key, see the next test)
    assert keys_ok >= 15


@pytest.mark.xfail(strict=True, reason="de_news NER misses the bare surname 'Waltz' in the fixture article "
                                       "(no PER entity, no actor), so his four claims have speaker_key None")
def test_fixture_speaker_keys(nlp):
    _, _, keys_ok, total = _fixture_scores(nlp)
    assert keys_ok >= total - 1


# ---------------------------------------------------------------- Wikinews (needs ../shared)

@pytest.mark.shared
def test_wikinews_dev_floor(shared_dir):
    from pipeline.eval_claims import evaluate, load_split
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules

    docs = load_split("dev", shared_dir / "data" / "quotes" / "wikinews")[:40]
    nlp_, info = load_nlp()
    from pipeline.ruleset import with_profile
    scores = evaluate(docs, nlp_, with_profile(load_rules(), "wikinews"))   # the corpus's convention, as `eval claims`
    # measured on dev[:40]: own model de_news 0.1.0 (55c9521) 0.731 / 0.555 / 0.646, blank 0.698 / 0.472 / 0.662
    floors = {"message": 0.72, "speaker": 0.54, "cue": 0.64} if info.source != "blank" else \
        {"message": 0.67, "speaker": 0.45, "cue": 0.63}
    for f, floor in floors.items():
        assert scores.prf(None, f)[2] >= floor, scores.table()


def test_missed_lines_lists_missed_and_short_continuations():
    """eval claims --missed: a FreeIndirect gold claim no prediction covers is MISS, an IndirectFreeIndirect one whose
    prediction lacks three tokens is SHORT, other types are not listed."""
    from types import SimpleNamespace
    from pipeline.eval_claims import missed_lines
    text = "Er sagte das. Es sei kalt. Der Wind sei stark und eisig."
    words = text.replace(".", " .").split()
    toks, pos = [], 0
    for i, w in enumerate(words):
        pos = text.index(w, pos)
        toks.append({"id": i, "text": w, "charBegin": pos, "charEnd": pos + len(w)})
        pos += len(w)
    d = {"documentName": "1 - Test (2020-01-01)", "originalText": text, "tokens": toks}
    gold = [{"type": "FreeIndirect", "message": frozenset(range(4, 8)), "speaker": frozenset({0}), "cue": frozenset()},
            {"type": "IndirectFreeIndirect", "message": frozenset(range(8, 15)), "speaker": frozenset({0}),
             "cue": frozenset()},
            {"type": "Direct", "message": frozenset(range(0, 3)), "speaker": frozenset(), "cue": frozenset()}]
    claim = SimpleNamespace(rule_id="konj_continuation", claim_start=toks[8]["charBegin"], claim_end=toks[11]["charEnd"])
    pred = [{"type": "Indirect", "message": frozenset(range(8, 12)), "speaker": frozenset(), "cue": frozenset(),
             "claim": claim}]
    lines = missed_lines(d, pred, gold, frozenset({"FreeIndirect", "IndirectFreeIndirect"}))
    assert [ln.split(" | ")[0] for ln in lines] == ["MISS  [FreeIndirect] 1 - Test (2020-01-01)",
                                                   "SHORT [IndirectFreeIndirect] 1 - Test (2020-01-01)"]
    assert "lacks 3/7" in lines[1] and "konj_continuation: 'Der Wind sei stark'" in lines[1]


def test_later_speech_verb_frames_the_dass_clause(nlp):
    """A speech verb inside a relative clause of the subject does not frame the dass-clause of the
    main verb that follows it."""
    text = ("Brian Baptie von der Erdbebenwarte, die die Stärke zunächst mit 5,1 angegeben und später "
            "korrigiert hatte, sagte, dass mit Beben dieser Größenordnung alle 20 Jahre zu rechnen sei.")
    out = run(nlp, text)
    main = [c for c in out if c.claim_text.startswith("dass mit Beben")]
    assert [(c.cue_text, c.rule_id) for c in main] == [("sagte", "verb_dass")]


def _parsed(words, pos, deps, heads):
    vocab = spacy.blank("de").vocab
    spaces = [not (i + 1 < len(words) and words[i + 1] in ",.") for i in range(len(words))]
    spaces[-1] = False
    return Doc(vocab, words=words, spaces=spaces, pos=pos, deps=deps, heads=heads,
               sent_starts=[True] + [False] * (len(words) - 1))


def test_sentence_initial_name_mistagged_as_adverb_is_the_speaker(rules):
    """A weak tagger calls a sentence-initial surname an adverb; it is still the speaker."""
    words = ["Elshorst", "wies", "darauf", "hin", ",", "dass", "Siemens", "Mitglied", "sei", "."]
    pos = ["ADV", "VERB", "ADV", "ADV", "PUNCT", "SCONJ", "PROPN", "NOUN", "AUX", "PUNCT"]
    deps = ["nsubj", "ROOT", "advmod", "compound:prt", "punct", "mark", "nsubj", "obj", "ccomp", "punct"]
    heads = [1, 1, 1, 1, 8, 8, 8, 8, 1, 1]
    out = claims(_parsed(words, pos, deps, heads), rules, [])
    assert [(c.speaker_text, c.cue_text, c.claim_text) for c in out] == \
        [("Elshorst", "wies darauf hin", "dass Siemens Mitglied sei")]


def test_speaker_subtree_leaves_out_circumstances(rules):
    """The parse's subject subtree keeps 'in Berlin' but not 'gegenüber der BBC'."""
    pos = ["DET", "NOUN", "ADP", "PROPN", "VERB", "PUNCT", "SCONJ", "PRON", "VERB", "PUNCT"]
    deps = ["det", "nsubj", "case", "nmod", "ROOT", "punct", "mark", "nsubj", "ccomp", "punct"]
    heads = [1, 4, 3, 1, 4, 8, 8, 8, 4, 4]
    words = ["Ein", "Sprecher", "in", "Berlin", "sagte", ",", "dass", "es", "regne", "."]
    out = claims(_parsed(words, pos, deps, heads), rules, [])
    assert [(c.speaker_text, c.claim_text) for c in out] == [("Ein Sprecher in Berlin", "dass es regne")]
    words = ["Ein", "Sprecher", "gegenüber", "BBC", "sagte", ",", "dass", "es", "regne", "."]
    out = claims(_parsed(words, pos, deps, heads), rules, [])
    assert [(c.speaker_text, c.claim_text) for c in out] == [("Ein Sprecher", "dass es regne")]


def test_source_np_keeps_a_quoted_name_and_drops_a_weekday(nlp):
    out = run(nlp, "Nach Angaben des Magazins „Der Spiegel“ sei die Lage ernst.")
    assert [(c.speaker_text, c.claim_text) for c in out] == \
        [("Angaben des Magazins „Der Spiegel“", "sei die Lage ernst")]
    out = run(nlp, "Nach Angaben der Polizei vom Dienstag wurden zwei Männer festgenommen.")
    assert [c.speaker_text for c in out] == ["Angaben der Polizei"]


# ---------------------------------------------------------------- reported speech acts (real model)

@pytest.fixture(scope="module")
def model_extract(de_news, all_rules_session):
    from pipeline.extract import extract

    nlp_, rules_ = de_news, all_rules_session
    return lambda text: [(c.claim_type, c.rule_id, c.speaker_text, c.cue_text, c.claim_text)
                         for c in extract(nlp_(text), rules_).claims]


@pytest.fixture
def model_extract_wikinews(de_news):
    """model_extract under the ``wikinews`` profile ("soll" hearsay is a claim there)."""
    from pipeline.extract import extract
    rules_ = _wikinews_rules()
    return lambda text: [(c.claim_type, c.rule_id, c.speaker_text, c.cue_text, c.claim_text)
                         for c in extract(de_news(text), rules_).claims]


def test_bezeichnen_als_is_a_speech_act(model_extract):
    text = "Die Regierungspartei Palästinas, die Hamas, bezeichnete die Anschläge als Selbstverteidigung."
    assert model_extract(text) == [("reported", "speech_act", "Die Regierungspartei Palästinas, die Hamas",
                                    "bezeichnete", text)]
    # a quoted predicate stays a partial quote framed by the verb
    assert model_extract("Die Hamas bezeichnete die Anschläge als „Selbstverteidigung“.") == \
        [("direct", "quote_in_frame", "Die Hamas", "bezeichnete als", "„Selbstverteidigung“")]


def test_stative_participle_is_no_speech_act(model_extract):
    """'ist ausgeschlossen' states a result; its subject is no speaker."""
    assert model_extract("Die Polizei gibt Herzversagen als Ursache an. Ein Fremdverschulden ist ausgeschlossen.") \
        == []
    assert model_extract("Der Einsatz von Bodentruppen in dem Land ist jedoch ausgeschlossen.") == []


def test_sentence_adverb_or_addressee_is_no_speaker(model_extract):
    """A fronted adverb or 'gegenüber'-phrase is no speaker; the subject after the verb is."""
    assert model_extract("Demnach erwartet Russland, dass Litauen dem Major Immunität gewährt.") == \
        [("indirect", "verb_dass", "Russland", "erwartet", "dass Litauen dem Major Immunität gewährt")]
    assert model_extract("Gegenüber der Nachrichtenagentur AP sagte der Geschäftsführer, dass die Täter durch "
                         "die Eingangstür eingedrungen seien.") == \
        [("indirect", "verb_dass", "der Geschäftsführer", "sagte",
          "dass die Täter durch die Eingangstür eingedrungen seien")]
    assert model_extract("Relativierend fügte Gall hinzu, dass der Grundrechtsschutz für alle Versammlungen "
                         "gelte.") == \
        [("indirect", "verb_dass", "Gall", "fügte hinzu", "dass der Grundrechtsschutz für alle Versammlungen gelte")]


def test_quote_after_speaker_is_not_taken_from_the_quote(model_extract):
    """When the parse makes a phrase inside the quotation the subject of the frame verb, the
    subject after the verb is the speaker."""
    out = model_extract("„Die Demonstration hat noch einmal deutlich gemacht, dass es schwer werden wird, das "
                        "verspielte Vertrauen bei der Lehrerschaft wieder zurückzugewinnen. Jede Lehrerin, jeder "
                        "Lehrer braucht Rechtssicherheit für die von ihm freiwillig gewählte Rückzahlungsvariante, "
                        "keine Absichtserklärungen“, erklärte der VDR-Landesvorsitzende Manfred Busch.")
    assert [(t, r, s, c) for t, r, s, c, _ in out] == \
        [("direct", "quote_after", "der VDR-Landesvorsitzende Manfred Busch", "erklärte")]
    out = model_extract('"Vielfalt ist Programm in Rumänien", erklärte Oliver Zille bei der Vorstellung des '
                        'Programms.')
    assert out == [("direct", "quote_after", "Oliver Zille", "erklärte", '"Vielfalt ist Programm in Rumänien"')]


def test_speaker_ending_inside_a_quoted_name_takes_the_whole_name(model_extract):
    out = model_extract("Wenige Stunden nach dem Putsch erklärte der neue „Oberste Rat zur Wiederherstellung der "
                        "Demokratie“, wie sich die Militärjunta selbst nennt, die Situation sei unter Kontrolle, "
                        "die Grenzen würden wieder geöffnet und die Ausgangssperre sei aufgehoben.")
    assert [(t, r, s, c) for t, r, s, c, _ in out if r == "verb_dass"] == \
        [("indirect", "verb_dass", "der neue „Oberste Rat zur Wiederherstellung der Demokratie“", "erklärte")]


def test_soll_with_a_state_infinitive_is_hearsay(model_extract_wikinews):
    """'soll … betragen/sein' reports what others say even far from any claim (Wikinews
    FreeIndirect); a planned 'soll … werden' is no claim."""
    assert model_extract_wikinews("Die Polizei nahm am Sonntag zwei Männer fest. Sie wohnen seit Jahren in Köln. Die Zahl "
                         "der Opfer soll einige hundert betragen.") == \
        [("indirect", "soll_hearsay", None, None, "Die Zahl der Opfer soll einige hundert betragen.")]
    assert model_extract_wikinews("Die Polizei nahm am Sonntag zwei Männer fest. Sie wohnen seit Jahren in Köln. Eine "
                         "Ursache für die Tat soll die große, lange Eifersucht sein.") == \
        [("indirect", "soll_hearsay", None, None, "Eine Ursache für die Tat soll die große, lange Eifersucht sein.")]
    assert model_extract_wikinews("Die Schule soll im Herbst saniert werden.") == []


def test_hearsay_after_a_konjunktiv_continuation_is_its_own_claim(model_extract_wikinews):
    out = model_extract_wikinews("Die Organisation erklärte, die Sicherheitskräfte hätten mit Razzien begonnen. Auch bereits "
                        "wieder freigelassene Demonstranten seien erneut inhaftiert worden. Die Zahl der Verhaftungen "
                        "soll einige hundert betragen.")
    assert [(r, s, m) for _, r, s, _, m in out] == [
        ("verb_konj", "Die Organisation", "die Sicherheitskräfte hätten mit Razzien begonnen"),
        ("konj_continuation", "Die Organisation",
         "Auch bereits wieder freigelassene Demonstranten seien erneut inhaftiert worden."),
        ("soll_hearsay", "Die Organisation", "Die Zahl der Verhaftungen soll einige hundert betragen.")]


# ----------------------------------------------------------------------------- rule case files
# tests/cases/claims/<rule id>.yaml: a text that the rule fires on and all claims of that text, run
# through the committed model and every extractor (no hand-built parse).

CASES = Path(__file__).parent / "cases" / "claims"
CASE_FILES = sorted(CASES.glob("*.yaml"))


@pytest.fixture(scope="module")
def pipeline_nlp(de_news):
    return de_news


@pytest.fixture(scope="module")
def all_rules(all_rules_session):
    return all_rules_session


def _case_rows(nlp, rules, text):
    from pipeline.extract import extract
    return [{"rule_id": c.rule_id, "claim_type": c.claim_type, "claim": c.claim_text, "speaker": c.speaker_text,
             "cue": c.cue_text} for c in extract(nlp(text), rules).claims]


def _without_rule(rules, name):
    """The rule set with claims rule ``name`` switched off."""
    from pipeline.ruleset import with_claims
    return with_claims(rules, {name: False})


def _profiled(rules, case: dict):
    """A case written in a convention profile's terms ("profile: wikinews": its sentence is a claim only by the
    Wikinews convention, e.g. a speech act with a noun-phrase object) runs under that profile."""
    from pipeline.ruleset import with_profile
    return with_profile(rules, case.get("profile"))


def _with_rules(rules, names):
    """The rule set with the claims rules ``names`` switched on (a convention filter that is off by default)."""
    from pipeline.ruleset import with_claims
    R = rules["speech"]
    assert set(names) <= {n for pairs in R.rules.values() for n, _ in pairs}, f"unknown rules {names}"
    return with_claims(rules, dict.fromkeys(names, True))


def _with_switches(rules, switches: dict):
    """The rule set with the claims switches ``switches`` (name -> on/off) set."""
    from pipeline.ruleset import with_claims
    R = rules["speech"]
    assert set(switches) <= set(R.switches), f"unknown switches {set(switches) - set(R.switches)}"
    return with_claims(rules, switch_on=switches)


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_rule_case(path, pipeline_nlp, all_rules):
    from pipeline.extract.claims.registry import REGISTRY
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    all_rules = _profiled(all_rules, case)
    if case.get("switches"):            # a case of a switch that is off by default ("switches: {konj_merge: true}")
        all_rules = _with_switches(all_rules, case["switches"])
    if case.get("rules_on"):            # a rule that is off by default ("rules_on: [plain_speech_act]", clm16)
        all_rules = _with_rules(all_rules, case["rules_on"])
    rows = _case_rows(pipeline_nlp, all_rules, case["text"])
    assert rows == case["claims"]
    if case["rule"] in REGISTRY and (REGISTRY[case["rule"]].stage == "filter" or "dropped" in case):
        # a filter case (or a sentence rule that removes claims, nested_frame): `dropped` lists what it drops
        off = _case_rows(pipeline_nlp, _without_rule(all_rules, case["rule"]), case["text"])
        assert [r for r in off if r not in rows] == case["dropped"]
    else:
        assert case["rule"] in {r["rule_id"] for r in rows}


# tests/cases/claims_speaker/<rule id>.yaml: a text for a speaker rule and the speakers of all its claims
# (the span text and the name of the Actor it resolves to).
SPEAKER_CASE_FILES = sorted((Path(__file__).parent / "cases" / "claims_speaker").glob("*.yaml"))


@pytest.mark.parametrize("path", SPEAKER_CASE_FILES, ids=[p.stem for p in SPEAKER_CASE_FILES])
def test_speaker_case(path, pipeline_nlp, all_rules):
    from pipeline.extract import extract
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = _profiled(all_rules, case)
    if case.get("switches"):            # a switch that is off in speech.yaml, tested switched on
        from pipeline.ruleset import with_claims
        rules = with_claims(rules, switch_on={k: bool(v) for k, v in case["switches"].items()})
    ex = extract(pipeline_nlp(case["text"]), rules)
    names = {a.key: a.name for a in ex.actors}
    rows = [{"speaker": c.speaker_text, "speaker_actor": names.get(c.speaker_key)} for c in ex.claims]
    assert rows == case["claims"]


def test_every_rule_has_a_case_and_an_example():
    from pipeline.extract.claims.registry import REGISTRY
    ids = {yaml.safe_load(p.read_text(encoding="utf-8"))["rule"] for p in CASE_FILES + SPEAKER_CASE_FILES}
    runners = {"each_quote", "each_verb"}                   # run the quote and verb stages
    for name, r in REGISTRY.items():
        assert r.example, f"rule {name} has no example docstring"
        if name == "source_prep":
            assert {"source_laut", "source_nach", "source_zufolge"} <= ids
        elif name not in runners:
            assert name in ids, f"no case file for rule {name}"


def test_rule_switch_off_removes_its_claims(pipeline_nlp, all_rules):
    import dataclasses
    case = yaml.safe_load((CASES / "quote_so.yaml").read_text(encoding="utf-8"))
    R = all_rules["speech"]
    order = {st: tuple((n, on and n != "quote_so") for n, on in pairs) for st, pairs in R.rules.items()}
    off = RuleSet(all_rules.directory, "test-off", {**all_rules.compiled,
                                                    "speech": dataclasses.replace(R, rules=order)})
    assert "quote_so" not in {r["rule_id"] for r in _case_rows(pipeline_nlp, off, case["text"])}


def test_rule_order_is_checked_against_the_registry():
    path = RULES_DIR / "speech.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["rules"]["quote"] = [x for x in data["rules"]["quote"] if "quote_so" not in x]
    with pytest.raises(RuleError, match="quote_so"):
        parse_speech(data, path.name)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["rules"]["verb"].append({"verb_unknown": True})
    with pytest.raises(RuleError, match="verb_unknown"):
        parse_speech(data, path.name)


def test_text_ending_with_a_comma_is_no_crash(pipeline_nlp, all_rules):
    """A law paragraph that ends with a comma ("… in der jeweils geltenden Fassung,"): the Konjunktiv main-clause test
    of a continuation stops at the sentence end instead of reading past the last token (cont13; IndexError before)."""
    rows = _case_rows(pipeline_nlp, all_rules, "Die Verordnung gilt in der jeweils geltenden Fassung. Er sagte, sie gelte. "
                      "Nach der Verordnung (EG) Nr. 73/2009 des Rates, die in der jeweils geltenden Fassung gelte,")
    assert rows[0] == {"rule_id": "verb_konj", "claim_type": "indirect", "claim": "sie gelte", "speaker": "Er",
                       "cue": "sagte"}


# Attributive participles whose form is also the preterite ("erklärte", "formulierte", "kritisierte": the participle
# stem + an adjective ending) before a noun are no cue (bclm13, issue 12). Real sentences (GermEval 2014 train); the
# same forms as finite verbs ("Das berichtete die Polizeiinspektion Kelheim.", GermEval) stay cues.
ATTRIBUTIVE_PRETERITE_FORMS = [
    "Bis zum Abschluss der regulären Saison verbleiben den Berlinern noch acht Spiele, um das erklärte Ziel den ersten "
    "Platz zu erreichen.",
    "In welcher Besatzung das formulierte Ziel \"Europameister\" angesteuert wird, ist noch offen.",
    "Somit könnte die vielfach kritisierte Überreaktion des Scipio Africanus auch als Abwehrverhalten gegen die "
    "Behandlung durch die Nobilität gesehen werden.",
    "Bis auf Orbison verhalfen die erwähnten Künstler mit späteren Aufnahmen Sun Records zu mehreren Millionensellern.",
]


@pytest.mark.parametrize("text", ATTRIBUTIVE_PRETERITE_FORMS)
def test_attributive_preterite_form_is_no_cue(text, pipeline_nlp, all_rules):
    assert _case_rows(pipeline_nlp, all_rules, text) == []


def test_preterite_form_after_demonstrative_stays_a_cue(pipeline_nlp, all_rules):
    from pipeline.ruleset import with_profile      # alone, without a sentence before it: a claim by the Wikinews convention
    rows = _case_rows(pipeline_nlp, with_profile(all_rules, "wikinews"), "Das berichtete die Polizeiinspektion Kelheim.")
    assert [(r["cue"], r["speaker"]) for r in rows] == [("berichtete", "die Polizeiinspektion Kelheim")]
