"""Article-level actor resolution (issue 4): one actor per person/organisation, stable names."""
from pathlib import Path

import pytest
import spacy

from pipeline.extract import actors as actors_mod
from pipeline.extract import extract
from pipeline.ruleset import load_rules

ROOT = Path(__file__).resolve().parents[1]
MODEL_DIR = ROOT / "pipeline" / "models" / "de_news"
needs_model = pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="pipeline/models/de_news missing")

def make_doc(text):
    """``text`` through the committed model with the production pipeline (loaded once: load_nlp memoizes
    it, tests/conftest.py's ``de_news`` fixture shares the same object)."""
    from pipeline.nlp import load_nlp
    if not (MODEL_DIR / "meta.json").exists():
        pytest.skip("pipeline/models/de_news missing")
    return load_nlp(str(MODEL_DIR))[0](text)


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def persons(doc, rules):
    ex = extract(doc, rules)
    return {a.name: a for a in ex.actors if a.actor_type == "person"}, ex


def test_full_name_surname_and_genitive_merge(rules):
    doc = make_doc("Donald Trump dominiert die Konferenz. Trumps Telefonat mit Putin war kurz. "
                   "Am Donnerstag betonte Trump, er vertraue Putin.")
    ps, ex = persons(doc, rules)
    assert set(ps) == {"Donald Trump", "Putin"}
    assert ps["Donald Trump"].key == "PER:donald trump"
    assert ps["Donald Trump"].aliases == ["Donald Trump", "Trump", "Trumps"]
    assert all(k is not None for _, k in ex.mentions)


def test_misspelt_long_surname_is_the_same_person(rules):
    doc = make_doc("Keith Kellog, J. D. Vance und Donald Trump. Der Sondergesandte Keith Kellogg kam. "
                   "Kelloggs Plan ist bekannt. Kellogg schweigt.")
    ps, _ = persons(doc, rules)
    assert len(ps) == 3 and {"J. D. Vance", "Donald Trump"} < set(ps)
    kellogg = next(p for p in ps.values() if "Keith Kellogg" in p.aliases)
    assert {"Keith Kellog", "Keith Kellogg", "Kelloggs"} <= set(kellogg.aliases)      # one actor


@pytest.mark.xfail(strict=True, reason="de_news NER misses the sentence-initial bare 'Kellogg', so both full "
                                       "spellings count once and the misspelt 'Keith Kellog' names the actor")
def test_misspelt_long_surname_the_frequent_spelling_names_the_actor(rules):
    doc = make_doc("Keith Kellog, J. D. Vance und Donald Trump. Der Sondergesandte Keith Kellogg kam. "
                   "Kelloggs Plan ist bekannt. Kellogg schweigt.")
    ps, _ = persons(doc, rules)
    assert set(ps) == {"Keith Kellogg", "J. D. Vance", "Donald Trump"}
    assert ps["Keith Kellogg"].aliases == ["Keith Kellog", "Keith Kellogg", "Kellogg", "Kelloggs"]


def test_short_surnames_and_different_first_names_stay_apart(rules):
    doc = make_doc("Hillary Clinton und Bill Clinton kamen. Olaf Scholz traf Olaf Schulz.")
    ps, _ = persons(doc, rules)
    assert set(ps) == {"Hillary Clinton", "Bill Clinton", "Olaf Scholz", "Olaf Schulz"}


def test_nicknames_and_name_variants(rules):
    doc = make_doc("Michael Waltz und Steven Witkoff reisen. Mike Waltz spricht, Steve Witkoff schweigt. "
                   "Mike Waltz lacht. Steve Witkoff nickt. Auch D. Vance und J. D. Vance.")
    ps, _ = persons(doc, rules)
    assert {"Mike Waltz", "J. D. Vance"} < set(ps)                        # most frequent full form wins
    assert ps["Mike Waltz"].aliases == ["Michael Waltz", "Mike Waltz"]
    assert ps["J. D. Vance"].aliases == ["D. Vance", "J. D. Vance"]


def test_nickname_steve_witkoff(rules):
    """de_news NER tags only "Steve" of "Steve Witkoff" as PER; the entity layer completes the name
    (layer.complete_person_names) and the nickname merges "Steven"/"Steve"."""
    doc = make_doc("Michael Waltz und Steven Witkoff reisen. Mike Waltz spricht, Steve Witkoff schweigt. "
                   "Mike Waltz lacht. Steve Witkoff nickt. Auch D. Vance und J. D. Vance.")
    ps, _ = persons(doc, rules)
    assert set(ps) == {"Mike Waltz", "Steve Witkoff", "J. D. Vance"}


def test_organisations_and_places_are_normalized(rules):
    doc = make_doc("Die Central Intelligence Agency (CIA) warnt. Die CIA ist der Auslandsgeheimdienst der USA. "
                   "Russlands Vermögen und Russland selbst.")
    ex = extract(doc, rules)
    got = {(a.key, a.name, a.actor_type, len(a.mentions)) for a in ex.actors}
    assert got == {("ORG:cia", "CIA", "organization", 3), ("LOC:usa", "USA", "location", 1),
                   ("LOC:russland", "Russland", "location", 2)}


def test_person_tagged_as_org_joins_the_person(rules):
    doc = make_doc("Donald Trump kommt. Dass Trump spricht, ist klar.")
    ps, ex = persons(doc, rules)
    assert set(ps) == {"Donald Trump"} and len(ps["Donald Trump"].mentions) == 2
    assert [a.actor_type for a in ex.actors] == ["person"]


def test_role_reference_becomes_role_mention(rules):
    doc = make_doc("US-Präsident Donald Trump will verhandeln. Doch dazu hat der US-Präsident bisher wenig gesagt.")
    ps, ex = persons(doc, rules)
    trump = ps["Donald Trump"]
    labels = [(m.text, m.label) for m in trump.mentions]
    assert labels == [("Donald Trump", "PER"), ("US-Präsident", "ROLE")]
    m = trump.mentions[1]
    assert doc.text[m.start:m.end] == "US-Präsident" and m.sentence == 1
    assert (m, trump.key) in ex.mentions


def test_edit_distance_helper():
    assert actors_mod._edit1("kellog", "kellogg")
    assert actors_mod._edit1("schulz", "scholz")
    assert not actors_mod._edit1("schulz", "schmidt")


@needs_model
def test_seed_article_actors():
    from pipeline.ingest import parse_scraped_text
    from pipeline.nlp import load_nlp
    nlp, _ = load_nlp(str(MODEL_DIR))
    raw = (ROOT / "corpus" / "000_1dcbb7a54b18fb12.txt").read_text(encoding="utf-8")
    for text in (raw, parse_scraped_text(raw).body_text):      # raw text still has the "Keith Kellog" caption
        ex = extract(nlp(text), load_rules())
        ps = {a.name: a for a in ex.actors if a.actor_type == "person"}
        kell = [n for n in ps if "Kellog" in n]
        assert kell == ["Keith Kellogg"], kell
        assert {"Donald Trump", "J. D. Vance", "Marco Rubio", "John Ratcliffe", "Pete Hegseth",
                "Steve Witkoff", "Wladimir Putin", "Wolodymyr Selenskyj"} <= set(ps)
        assert len([n for n in ps if n.endswith("Waltz")]) == 1          # Mike/Michael Waltz: one actor
        assert len([n for n in ps if n.endswith("Vance")]) == 1          # "D. Vance" joins "J. D. Vance"
        trump = ps["Donald Trump"]
        assert {"Trump", "Trumps"} <= set(trump.aliases)
        assert any(m.label == "ROLE" and m.text.startswith("US-Präsident") for m in trump.mentions)


def test_name_particles(rules):
    doc = make_doc("Karl-Theodor zu Guttenberg trat zurück. Zu Guttenberg schwieg. Guttenbergs Doktorarbeit "
                   "und Ursula von der Leyen. Von der Leyen lachte.")
    ps, _ = persons(doc, rules)
    assert set(ps) == {"Karl-Theodor zu Guttenberg", "Ursula von der Leyen"}
    assert ps["Karl-Theodor zu Guttenberg"].aliases == ["Guttenbergs", "Karl-Theodor zu Guttenberg", "Zu Guttenberg"]


def test_organisation_mentions_are_cleaned_and_unified(rules):
    text = ("Trump lobt Donald Trump. Trumps Ukraine-Taskforce tagt. Die Ukraine-Taskforce berät.\n\n"
            "Klärer der Finanzen\n\nDas Weiße Haus und das Weißen Hauses Büro.")
    doc = make_doc(text)
    ex = extract(doc, rules)
    got = sorted((a.name, a.actor_type, [m.text for m in a.mentions]) for a in ex.actors if a.actor_type != "person")
    assert ("Weißes Haus", "organization", ["Weiße Haus", "Weißen Hauses"]) in got


@pytest.mark.xfail(strict=True, reason="de_news NER tags 'Ukraine-Taskforce' as MISC, so it is no "
                                       "organisation actor")
def test_possessor_is_cut_from_an_organisation_mention(rules):
    ex = extract(make_doc("Trump lobt Donald Trump. Trumps Ukraine-Taskforce tagt. Die Ukraine-Taskforce berät."),
                 rules)
    got = sorted((a.name, a.actor_type, [m.text for m in a.mentions]) for a in ex.actors if a.actor_type != "person")
    assert got == [("Ukraine-Taskforce", "organization", ["Ukraine-Taskforce", "Ukraine-Taskforce"])]


def test_surname_with_a_letter_too_many(rules):
    doc = make_doc("General Michael Hagee sprach. In seiner Rede unterstrich General Hageed die Regeln.")
    ps, _ = persons(doc, rules)
    assert set(ps) == {"Michael Hagee"} and ps["Michael Hagee"].aliases == ["Hageed", "Michael Hagee"]


def test_first_name_left_out_by_ner_completes_the_name(rules):
    doc = make_doc("Geschäftsführer der Firma ist Holger Thorsten Schubart, der die Technik propagiert.")
    assert set(persons(doc, rules)[0]) == {"Holger Thorsten Schubart"}


def test_descriptions_currencies_and_type_nouns_are_no_actor_names(rules):
    from spacy.tokens import Doc
    words = ["Trumps", "Mann", "für", "alles", "sagte", "Anna", "Meier", "von", "der", "Denkfabrik", "Carnegie",
             "Endowment", ",", "über", "Euro", "."]
    pos = ["PROPN", "NOUN", "ADP", "PRON", "VERB", "PROPN", "PROPN", "ADP", "DET", "NOUN", "PROPN", "PROPN",
           "PUNCT", "ADP", "NOUN", "PUNCT"]
    ents = ["O", "B-MISC", "I-MISC", "I-MISC", "O", "B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "I-ORG",
            "O", "O", "B-MISC", "O"]
    doc = Doc(spacy.blank("de").vocab, words=words, pos=pos, ents=ents)
    ex = extract(doc, rules)
    assert {a.name for a in ex.actors} == {"Anna Meier", "Carnegie Endowment for International Peace"}


def test_source_compound_prefix_is_the_source(rules):
    """"nach Nato-Angaben" / "US-Berichten zufolge": the prefix names the source organisation or country,
    also when NER tagged the whole compound (here as MISC); a prefix that is no organisation stays out."""
    doc = make_doc("Nach Nato-Angaben sind 40.000 Soldaten stationiert. US-Berichten zufolge plant Washington "
                   "neue Sanktionen. Nach Experten-Angaben wurden drei Menschen verletzt.")
    ex = extract(doc, rules)
    names = {(m.text, m.label, key) for m, key in ex.mentions}
    assert ("Nato", "ORG", "ORG:nato") in names
    assert ("US", "LOC", "LOC:usa") in names
    assert not any(m.text.startswith("Experten") for m, _ in ex.mentions)
    by_key = {a.key: a for a in ex.actors}
    assert by_key["ORG:nato"].name == "NATO" and by_key["LOC:usa"].name == "USA"
    speakers = {c.speaker_text: c.speaker_key for c in ex.claims}
    assert speakers["Nato-Angaben"] == "ORG:nato"
    assert speakers["US-Berichten"] == "LOC:usa"
    assert speakers["Experten-Angaben"] is None


def test_organisation_without_its_legal_form_is_the_same_actor(rules):
    """"Die Blaser GmbH ... Blaser teilte mit": one organisation, named in full."""
    doc = make_doc("Die Blaser GmbH produziert Waffen. Blaser teilte mit, die Produktion laufe.")
    ex = extract(doc, rules)
    orgs = [a for a in ex.actors if a.actor_type == "organization"]
    assert [(a.name, len(a.mentions)) for a in orgs] == [("Blaser GmbH", 2)]
