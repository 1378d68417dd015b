"""The committed own pipeline (pipeline/models/de_news) loads offline and does real work."""
from __future__ import annotations

import json

import pytest
import spacy

from pipeline.eval_ner import bio_spans, score
from pipeline.nlp import OWN_MODEL_DIR
from pipeline.train import _fix_bio, map_tag


@pytest.fixture(scope="module")
def nlp():
    assert (OWN_MODEL_DIR / "meta.json").exists(), f"own model missing at {OWN_MODEL_DIR}"
    return spacy.load(OWN_MODEL_DIR)


def test_meta_and_components(nlp):
    meta = json.loads((OWN_MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert (meta["lang"], meta["name"]) == ("de", "news")
    assert meta["version"].count(".") == 2
    for pipe in ("tagger", "morphologizer", "parser", "ner", "lemmatizer"):
        assert pipe in nlp.pipe_names
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "MISC"}
    # nothing in the config points outside the model directory
    cfg = (OWN_MODEL_DIR / "config.cfg").read_text(encoding="utf-8")
    assert "training/" not in cfg and "shared/" not in cfg


def _people(doc) -> list[str]:
    return [e.text for e in doc.ents if e.label_ == "PER"]


@pytest.mark.parametrize("text, people", [
    ("US-Vizepräsident J. D. Vance trifft in München den ukrainischen Präsidenten Wolodymyr Selenskyj.",
     ["Vance", "Selenskyj"]),
    ("Bundeskanzler Olaf Scholz sprach am Montag in Berlin mit dem französischen Präsidenten Emmanuel Macron.",
     ["Olaf Scholz", "Emmanuel Macron"]),
    ("Die Außenministerin Annalena Baerbock reiste am Dienstag nach Kiew.", ["Annalena Baerbock"]),
])
def test_finds_people(nlp, text, people):
    found = _people(nlp(text))
    for person in people:
        assert any(person in p for p in found), (person, found)


def test_locations(nlp):
    doc = nlp("US-Vizepräsident J. D. Vance trifft in München den ukrainischen Präsidenten Wolodymyr Selenskyj.")
    assert "München" in [e.text for e in doc.ents if e.label_ == "LOC"]


@pytest.mark.parametrize("text, verb", [
    ("Der Minister sagte, die Lage sei ernst.", "sei"),
    ("Ein Sprecher erklärte, die Regierung habe keine Kenntnis von dem Vorfall.", "habe"),
])
def test_konjunktiv_i_mood_sub(nlp, text, verb):
    tok = next(t for t in nlp(text) if t.text == verb)
    assert tok.morph.get("Mood") == ["Sub"], tok.morph


def test_indicative_is_not_sub(nlp):
    tok = next(t for t in nlp("Die Lage ist ernst.") if t.text == "ist")
    assert "Sub" not in tok.morph.get("Mood")


def test_lemmas_and_sentences(nlp):
    doc = nlp("Die Ministerinnen trafen sich in Brüssel. Sie forderten neue Sanktionen.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["trafen"] == "treffen"
    assert lemmas["forderten"] == "fordern"
    assert lemmas["Ministerinnen"] == "Ministerin"
    assert len(list(doc.sents)) == 2


def test_germeval_label_mapping():
    tags = [map_tag(t) for t in ["B-PER", "I-PER", "B-LOCderiv", "B-OTH", "I-OTH", "B-ORGpart", "O"]]
    assert tags == ["B-PER", "I-PER", "O", "B-MISC", "I-MISC", "O", "O"]
    assert _fix_bio(["O", "I-LOC", "I-LOC", "B-PER"]) == ["O", "B-LOC", "I-LOC", "B-PER"]


def test_strict_span_scoring():
    gold = [bio_spans(["B-PER", "I-PER", "O", "B-LOC"])]
    pred = [{(0, 1, "PER"), (3, 4, "LOC")}]  # PER boundary wrong: no credit under strict spans
    res = score(gold, pred)
    assert res["LOC"]["f"] == 1.0
    assert res["PER"]["p"] == 0.0 and res["PER"]["r"] == 0.0
    assert res["ALL"]["p"] == 0.5 and res["ALL"]["r"] == 0.5


def test_parser_gives_subject_and_root(nlp):
    doc = nlp("Der Minister sagte am Montag, die Lage sei ernst.")
    assert doc.has_annotation("DEP")
    by_text = {t.text: t for t in doc}
    assert by_text["sagte"].dep_ == "ROOT"
    assert by_text["Minister"].dep_ == "nsubj" and by_text["Minister"].head.text == "sagte"


@pytest.mark.shared
def test_smartdata_conversion(shared_dir):
    """SmartData mentions become GermEval-style BIO tags; lower-case adjectives ("japanische") are not
    entities (they are *deriv in GermEval)."""
    from pipeline.train import read_smartdata
    sents = read_smartdata()
    assert len(sents) == 1695
    tagged = {tuple(w): t for w, t in sents}
    ufo = next(k for k in tagged if "UFO" in k and "Lufthansa" in k)
    pairs = dict(zip(ufo, tagged[ufo]))
    assert pairs["UFO"] == "B-ORG" and pairs["Lufthansa"] == "B-ORG" and pairs["weitet"] == "O"
    jap = next(k for k in tagged if "japanische" in k and "Opferzahlen" in k)
    assert dict(zip(jap, tagged[jap]))["japanische"] == "O"
