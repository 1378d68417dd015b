"""Actor-role extraction (issue 4): real German sentences through the real rules.

The sentences run through the committed model (pipeline/models/de_news) and the
full extraction; Docs built by hand (``tagged_doc``, TIGER parses) pin the rules
on a fixed tagging or parse. Where the real model gets a case wrong, the test is a
strict xfail naming the error.
"""
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.extract import extract
from pipeline.extract import roles as roles_mod
from pipeline.ruleset import RuleError, load_rules

ROOT = Path(__file__).resolve().parents[1]
MODEL_DIR = ROOT / "pipeline" / "models" / "de_news"
needs_model = pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="pipeline/models/de_news missing")

_VOCAB = spacy.blank("de").vocab          # for hand-built Docs only (tagged_doc)


def make_doc(text: str):
    """``text`` through the committed model with the production pipeline (loaded once: load_nlp memoizes
    it, tests/conftest.py's ``de_news`` fixture shares the same object)."""
    from pipeline.nlp import load_nlp
    if not (MODEL_DIR / "meta.json").exists():
        pytest.skip("pipeline/models/de_news missing")
    return load_nlp(str(MODEL_DIR))[0](text)


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def tuples(doc, rules):
    ex = extract(doc, rules)
    names = {a.key: a.name for a in ex.actors}
    return {(names.get(r.actor_key), r.role, r.organization, r.status) for r in ex.roles}, ex


def test_title_before_name_with_prefix_and_adjective(rules):
    doc = make_doc("Anberaumt ist ein Treffen zwischen US-Vizepräsident J. D. Vance und dem ukrainischen "
                   "Präsidenten Wolodymyr Selenskyj.")
    got, ex = tuples(doc, rules)
    assert got == {("J. D. Vance", "Vizepräsident", "USA", "current"),
                   ("Wolodymyr Selenskyj", "Präsident", "Ukraine", "current")}
    r = next(r for r in ex.roles if r.role == "Vizepräsident")
    assert doc.text[r.start:r.end] == r.role_text == "US-Vizepräsident"
    assert r.role_category == "head_of_state_or_government" and r.rule_id == "title_name"


def test_genitive_organisation_and_comma_name(rules):
    doc = make_doc("Trump hat den Direktor des Auslandsgeheimdienstes CIA, John Ratcliffe, beauftragt. "
                   "Teilnehmen wird der Ukraine-Sondergesandte der Amerikaner, Keith Kellogg.")
    got, _ = tuples(doc, rules)
    assert ("John Ratcliffe", "Direktor", "CIA", "current") in got
    assert ("Keith Kellogg", "Sondergesandter", "USA", "current") in got


def test_apposition_former_and_predicative(rules):
    doc = make_doc("Trump habe drei Interessen, meint Kurt Volker, Nato-Botschafter in Trumps erster Amtszeit. "
                   "Steve Witkoff ist ein Immobilienentwickler.")
    got, _ = tuples(doc, rules)
    assert ("Kurt Volker", "Botschafter", "NATO", "former") in got
    assert not any(t[0] == "Steve Witkoff" for t in got)     # a bare profession is no role (roles.yaml professions)


def test_reference_als_and_appointment(rules):
    text = ("US-Vizepräsident J. D. Vance reist nach München. "
            "Der Vizepräsident hatte schon als US-Senator Bande geknüpft. "
            "Steve Witkoff ist ein Freund von Trump, sagt Trump. Der US-Präsident ernannte ihn zum Gesandten für den Nahen Osten.")
    doc = make_doc(text)
    got, ex = tuples(doc, rules)
    assert ("J. D. Vance", "Senator", "USA", "former") in got
    vance = next(a for a in ex.actors if a.name == "J. D. Vance")
    role_mentions = [m for m in vance.mentions if m.label == "ROLE"]
    assert [m.text for m in role_mentions] == ["Vizepräsident"]
    assert doc.text[role_mentions[0].start:role_mentions[0].end] == "Vizepräsident"
    assert (role_mentions[0], vance.key) in ex.mentions


def test_appointment_zum_goes_to_the_pronoun_antecedent(rules):
    """de_news NER tags only 'Steve' of 'Steve Witkoff' as PER; the entity layer completes the name
    (actors.layer.complete_person_names)."""
    doc = make_doc("Steve Witkoff ist ein Freund von Trump, sagt Trump. "
                   "Der US-Präsident ernannte ihn zum Gesandten für den Nahen Osten.")
    got, _ = tuples(doc, rules)
    assert ("Steve Witkoff", "Gesandter", None, "current") in got


def test_feminine_forms_and_bundes_prefix(rules):
    doc = make_doc("Bundeskanzlerin Angela Merkel traf die französische Außenministerin Catherine Colonna und "
                   "Bundesinnenminister Otto Schily.")
    got, _ = tuples(doc, rules)
    assert got == {("Angela Merkel", "Bundeskanzler", "Deutschland", "current"),
                   ("Catherine Colonna", "Außenminister", "Frankreich", "current"),
                   ("Otto Schily", "Innenminister", "Deutschland", "current")}


def test_status_markers(rules):
    doc = make_doc("Der frühere Bundesfinanzminister Christian Lindner und Ex-Präsident Barack Obama kamen. "
                   "Der ehemalige Mannesmannchef Klaus Esser schwieg.")
    got, _ = tuples(doc, rules)
    assert ("Christian Lindner", "Finanzminister", "Deutschland", "former") in got
    assert ("Barack Obama", "Präsident", None, "former") in got
    assert ("Klaus Esser", "Mannesmannchef", None, "former") in got


def test_party_prefix_beats_regional_adjective(rules):
    doc = make_doc("Thomas Strobl ist Ehemann. Der baden-württembergische CDU-Generalsekretär Thomas Strobl schwieg.")
    got, _ = tuples(doc, rules)
    assert got == {("Thomas Strobl", "Generalsekretär", "CDU", "current")}


def test_no_role_for_generic_or_office_mentions(rules):
    doc = make_doc("Marco Rubio ist Außenminister. Die Hauptaufgabe eines Außenministers ist es, Beziehungen zu "
                   "pflegen. Es geht um den Posten des IWF-Chefs. Unter amerikanischen Diplomaten herrscht Ruhe.")
    got, ex = tuples(doc, rules)
    assert got == {("Marco Rubio", "Außenminister", None, "current")}
    assert [m.label for m in next(a for a in ex.actors if a.name == "Marco Rubio").mentions] == ["PER"]


def test_generic_title_category_follows_organisation(rules):
    doc = make_doc("Der Präsident der Central Intelligence Agency (CIA), John Ratcliffe, kam. "
                   "Auch Airbus-Vorstandsvorsitzender Thomas Enders und Gewerkschaftschef Konrad Freiberg.")
    ex = extract(doc, rules)
    by = {r.role: r for r in ex.roles}
    assert (by["Präsident"].organization, by["Präsident"].role_category) == ("CIA", "intelligence_and_security")
    assert (by["Vorstandsvorsitzender"].organization, by["Vorstandsvorsitzender"].role_category) == ("Airbus", "business")
    assert by["Gewerkschaftschef"].role_category == "other"


def test_names_without_ner_are_found_next_to_titles(rules):
    doc = make_doc("US-Verteidigungsminister Hegseth flog nach Brüssel.")
    got, ex = tuples(doc, rules)
    assert got == {("Hegseth", "Verteidigungsminister", "USA", "current")}
    assert [(m.text, m.label) for m, _ in ex.mentions] == [("Hegseth", "PER"), ("Brüssel", "LOC")]
    # de_news tags "Hegseth" itself; the same sentence with no entities at all (a fixed tagging, built by hand)
    # still gives the name next to the title
    doc = Doc(_VOCAB, words=["US-Verteidigungsminister", "Hegseth", "flog", "nach", "Brüssel", "."],
              spaces=[True, True, True, True, False, False], pos=["NOUN", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
              sent_starts=[True, False, False, False, False, False])
    got, ex = tuples(doc, rules)
    assert got == {("Hegseth", "Verteidigungsminister", "USA", "current")}
    assert [(m.text, m.label) for m, _ in ex.mentions] == [("Hegseth", "PER"), ("Brüssel", "LOC")]  # gazetteer


def test_lexicon_size_and_taxonomy(rules):
    lex = rules["roles"]
    assert len(lex.titles) >= 500
    assert set(lex.categories) == {t.category for t in lex.titles.values()} | set(lex.categories)
    assert lex.lookup("Außenministerin")[0].title.title == "Außenminister"
    assert lex.lookup("Sondergesandten")[0].title.title == "Sondergesandter"
    orgs = rules["organizations"]
    assert orgs.prefixes["us"].name == "USA" and orgs.prefixes["nato"].name == "NATO"
    assert orgs.adjectives["ukrainischen"].name == "Ukraine"
    assert orgs.demonyms["amerikaner"].name == "USA"


def test_bad_rule_file_names_file_and_entry(tmp_path, rules):
    import shutil
    for p in (ROOT / "pipeline" / "rules").iterdir():
        shutil.copy(p, tmp_path / p.name)
    text = (tmp_path / "roles.yaml").read_text(encoding="utf-8")
    (tmp_path / "roles.yaml").write_text(text.replace("    - Staatschef\n", "    - {title: Staatschef, colour: red}\n"),
                                          encoding="utf-8")
    with pytest.raises(RuleError) as exc:
        load_rules(tmp_path)
    assert "roles.yaml" in str(exc.value) and "titles.head_of_state_or_government" in str(exc.value)
    assert "colour" in str(exc.value)


# ----------------------------------------------------------------------------- with the trained model
@needs_model
def test_seed_article_floor():
    from pipeline import eval_roles
    from pipeline.nlp import load_nlp
    nlp, _ = load_nlp(str(MODEL_DIR))
    total, per, _ = eval_roles.evaluate(nlp, load_rules(), gold_dir=ROOT / "tests" / "gold" / "roles",
                                        shared=Path("/nonexistent"))
    seed = per["seed_000"]
    assert seed.precision >= 0.90 and seed.recall >= 0.85, seed
    # the five sample articles of corpus/ (gold written before the rules saw them)
    assert {"corpus_010", "corpus_020", "corpus_030_0", "corpus_030_1", "corpus_040"} <= set(per)
    assert total.precision >= 0.90 and total.recall >= 0.85, total


@needs_model
@pytest.mark.shared
def test_gold_floor_with_wikinews(shared_dir):
    from pipeline import eval_roles
    from pipeline.nlp import load_nlp
    nlp, _ = load_nlp(str(MODEL_DIR))
    total, per, skipped = eval_roles.evaluate(nlp, load_rules(), shared=shared_dir)
    assert not skipped and len(per) >= 30

    def group(prefix):
        g = eval_roles.Score()
        for name, sc in per.items():
            if name.startswith(prefix):
                g.tp, g.fp, g.fn = g.tp + sc.tp, g.fp + sc.fp, g.fn + sc.fn
        return g

    dev = eval_roles.Score()
    for g in (group("seed"), group("wikinews"), group("corpus")):
        dev.tp, dev.fp, dev.fn = dev.tp + g.tp, dev.fp + g.fp, dev.fn + g.fn
    # the gold the rules were developed on: the targets
    assert dev.precision >= 0.90 and dev.recall >= 0.85, dev
    # held-out articles (see tests/gold/roles/README.md): regression floors, below the targets
    held = group("heldout")
    assert held.precision >= 0.80 and held.recall >= 0.72, held
    # all gold together (223 tuples): the targets
    assert total.precision >= 0.90 and total.recall >= 0.85, total


def test_pronoun_holder_respects_known_gender(rules):
    doc = make_doc("Heinz Kluncker war lange ÖTV-Chef. Auf ihn folgte Monika Wulf-Mathies, die neue Gewerkschaftschefin. "
                   "Er fungierte fortan als Präsident der Internationale der Öffentlichen Dienste.")
    got, _ = tuples(doc, rules)
    assert ("Monika Wulf-Mathies", "Gewerkschaftschef", None, "current") in got
    assert ("Heinz Kluncker", "Chef", "ÖTV", "former") in got          # "war ... ÖTV-Chef"
    assert ("Heinz Kluncker", "Präsident", None, "current") in got     # "Er ... als Präsident": not her
    assert not any(t[0] == "Monika Wulf-Mathies" and t[1] == "Präsident" for t in got)


def test_prepositional_phrase_inside_the_noun_phrase(rules):
    doc = make_doc("Davon geht Slobodan Samardzic, der für das Kosovo zuständige serbische Minister, aus.")
    got, _ = tuples(doc, rules)
    assert got == {("Slobodan Samardzic", "Minister", "Serbien", "current")}


def test_organisation_lexicon_is_validated(tmp_path):
    import shutil
    for p in (ROOT / "pipeline" / "rules").iterdir():
        shutil.copy(p, tmp_path / p.name)
    path = tmp_path / "organizations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("{name: Pentagon, type: military}",
                                                             "{name: Pentagon, type: fortress}"), encoding="utf-8")
    with pytest.raises(RuleError) as exc:
        load_rules(tmp_path)
    assert "organizations.yaml" in str(exc.value) and "Pentagon" in str(exc.value) and "fortress" in str(exc.value)


def test_truncated_coordination_keeps_status(rules):
    doc = make_doc("Der ehemalige Handels- und Industrieminister Kandeh Yumkella wurde in Sierra Leone gewählt.")
    got, ex = tuples(doc, rules)
    assert got == {("Kandeh Yumkella", "Industrieminister", None, "former")}
    assert ex.roles[0].role_text == "ehemalige Handels- und Industrieminister"


def test_apposition_after_party_and_predicative_with_time(rules):
    doc = make_doc("Olaf Scholz (SPD), Bundeskanzler seit 2021, reiste nach Paris. "
                   "Ursula von der Leyen ist seit 2019 Kommissionspräsidentin.")
    got, _ = tuples(doc, rules)
    assert got == {("Olaf Scholz", "Bundeskanzler", "Deutschland", "current"),
                   ("Ursula von der Leyen", "Kommissionspräsident", None, "current")}


def test_genitive_name_after_title_is_the_possessor(rules):
    doc = make_doc("Boris Johnson ernannte Dominic Raab. Raab wird damit Stellvertreter Johnsons.")
    got, _ = tuples(doc, rules)
    assert not any(t[0] == "Boris Johnson" for t in got)


def test_relative_clause_predicative(rules):
    doc = make_doc("Sie soll Carl Bergengruen beerben, der ab Februar Vorsitzender der Geschäftsführung sein wird. "
                   "Es sprach Hans Meier, der von 2001 bis 2005 Bürgermeister war.")
    got, _ = tuples(doc, rules)
    assert ("Carl Bergengruen", "Vorsitzender", "Geschäftsführung", "current") in got
    assert ("Hans Meier", "Bürgermeister", None, "former") in got


def test_hand_built_parse_like_de_core_news_lg(rules):
    """A Doc with POS, morphology, TIGER dependencies and entities, as de_core_news_lg produces them."""
    from spacy.tokens import Doc
    words = ["Der", "ukrainische", "Präsident", "Wolodymyr", "Selenskyj", "traf", "die", "frühere",
             "Außenministerin", "Annalena", "Baerbock", ".", "Die", "Grünen-Politikerin", "lobte", "ihn", "."]
    pos = ["DET", "ADJ", "NOUN", "PROPN", "PROPN", "VERB", "DET", "ADJ", "NOUN", "PROPN", "PROPN", "PUNCT",
           "DET", "NOUN", "VERB", "PRON", "PUNCT"]
    heads = [2, 2, 5, 4, 2, 5, 8, 8, 5, 10, 8, 5, 13, 14, 14, 14, 14]
    deps = ["nk", "nk", "sb", "pnc", "nk", "ROOT", "nk", "nk", "oa", "pnc", "nk", "punct",
            "nk", "sb", "ROOT", "oa", "punct"]
    morphs = ["Case=Nom|Gender=Masc|Number=Sing", "Case=Nom|Number=Sing", "Case=Nom|Gender=Masc|Number=Sing",
              "Number=Sing", "Number=Sing", "Mood=Ind|Number=Sing|Tense=Past", "Case=Acc|Gender=Fem|Number=Sing",
              "Case=Acc|Number=Sing", "Case=Acc|Gender=Fem|Number=Sing", "Number=Sing", "Number=Sing", "",
              "Case=Nom|Gender=Fem|Number=Sing", "Case=Nom|Gender=Fem|Number=Sing", "Mood=Ind|Number=Sing|Tense=Past",
              "Case=Acc|Gender=Masc|Number=Sing", ""]
    ents = ["O", "O", "O", "B-PER", "I-PER", "O", "O", "O", "O", "B-PER", "I-PER", "O",
            "O", "O", "O", "O", "O"]
    doc = Doc(_VOCAB, words=words, spaces=[True] * 10 + [False, True] + [True] * 3 + [False, False],
              pos=pos, heads=heads, deps=deps, morphs=morphs, ents=ents)
    assert doc.has_annotation("DEP") and doc.has_annotation("POS")
    got, ex = tuples(doc, rules)
    assert got == {("Wolodymyr Selenskyj", "Präsident", "Ukraine", "current"),
                   ("Annalena Baerbock", "Außenminister", "Deutschland", "former"),   # rule home_party_office
                   ("Annalena Baerbock", "Politiker", "Grüne", "current")}
    baerbock = next(a for a in ex.actors if a.name == "Annalena Baerbock")
    assert [(m.text, m.label, m.sentence) for m in baerbock.mentions] == [
        ("Annalena Baerbock", "PER", 0), ("Grünen-Politikerin", "ROLE", 1)]


def test_vize_prefix_and_coordination_with_place(rules):
    doc = make_doc("Es kämpfen Präsident Salva Kiir und Vize-Präsident Riek Machar. "
                   "John Kline, ein Repräsentant aus Minnesota und Marineoberst außer Dienst, sagte nichts.")
    got, _ = tuples(doc, rules)
    assert got == {("Salva Kiir", "Präsident", None, "current"), ("Riek Machar", "Vizepräsident", None, "current"),
                   ("John Kline", "Repräsentant", None, "current"), ("John Kline", "Marineoberst", None, "former")}


def test_became_is_current_and_former_scopes_over_coordination(rules):
    doc = make_doc("Erster Stellvertreter wurde der Wissenschaftler Husain Schahristani. "
                   "Der frühere Bürgermeister und Justizsenator, Henning Scherf (SPD), warnte.")
    got, _ = tuples(doc, rules)
    assert ("Husain Schahristani", "Stellvertreter", None, "current") in got
    assert ("Henning Scherf", "Bürgermeister", None, "former") in got
    assert ("Henning Scherf", "Justizsenator", None, "former") in got


def test_relative_clause_role_of_a_bare_surname(rules):
    """The NER's PER "Lenz" stays an actor after the entity layer (the surname is no common noun by
    actors.layer.noun_lemmas), so the relative-clause role has its holder."""
    doc = make_doc("Gegen Lenz, der Mitglied des Aufsichtsrats bei Volkswagen ist, wird ermittelt.")
    got, _ = tuples(doc, rules)
    assert ("Lenz", "Mitglied", "Volkswagen", "current") in got


def test_type_noun_before_a_name_gives_the_name(rules):
    doc = make_doc("Grupp ist seit 36 Jahren alleiniger Inhaber der Firma Trigema. "
                   "Der ehemalige Bürgermeister der Gemeinde Dörverden, Heiner Falldorf, schwieg.")
    got, _ = tuples(doc, rules)
    assert got == {("Grupp", "Inhaber", "Trigema", "current"),
                   ("Heiner Falldorf", "Bürgermeister", "Dörverden", "former")}


def test_definite_predicative_after_apposition_and_party_affiliation(rules):
    doc = make_doc("Fritz Kuhn, Bundestagsabgeordneter von Bündnis 90/Die Grünen, wird der neue Oberbürgermeister "
                   "der Landeshauptstadt Stuttgart. Auch CDU-Bundeskanzlerin Angela Merkel kam.")
    got, _ = tuples(doc, rules)
    assert got == {("Fritz Kuhn", "Bundestagsabgeordneter", "Grüne", "current"),
                   ("Fritz Kuhn", "Oberbürgermeister", "Stuttgart", "current"),
                   ("Angela Merkel", "Bundeskanzler", "Deutschland", "current")}


def test_pronoun_prefers_the_subject_over_a_genitive_person(rules):
    doc = make_doc("Rafsandschani ist tot. Er war ein Schüler des Ajatollah Chomeini. "
                   "Er war 1980 bis 1989 Präsident des iranischen Parlaments.")
    got, _ = tuples(doc, rules)
    assert ("Rafsandschani", "Präsident", "iranisches Parlament", "former") in got
    assert ("Chomeini", "Ajatollah", None, "current") in got
    assert not any(t[0] == "Chomeini" and t[1] == "Präsident" for t in got)


def test_given_names_complete_names_ner_missed(rules):
    doc = make_doc("Der Bundesrat wählte die nordrhein-westfälische Ministerpräsidentin Hannelore Kraft. "
                   "Dabei war der frühere Leiter der NASA, Sean O’Keefe, und der Fraktionschef der Grünen in Bayern "
                   "Sepp Daxenberger.")
    got, _ = tuples(doc, rules)
    assert {t for t in got if t[0] not in ("Sean O’Keefe", "Sean O'Keefe")} == {
        ("Hannelore Kraft", "Ministerpräsident", "Nordrhein-Westfalen", "current"),
        ("Sepp Daxenberger", "Fraktionschef", "Grüne", "current")}


def test_apposition_name_with_apostrophe_is_a_normalized_person(rules):
    """de_news NER tags 'Sean O’Keefe' as LOC; since the holder name next to the title is a person
    (mentions._titled_person_name) the role goes to a person with the apostrophe normalized."""
    doc = make_doc("Dabei war der frühere Leiter der NASA, Sean O’Keefe, und der Fraktionschef der Grünen in Bayern "
                   "Sepp Daxenberger.")
    got, ex = tuples(doc, rules)
    assert ("Sean O'Keefe", "Leiter", "NASA", "former") in got          # apostrophes normalized
    assert {a.name: a.actor_type for a in ex.actors}["Sean O'Keefe"] == "person"


def test_inverted_predicative_and_possessive_appointment(rules):
    doc = make_doc("Sepp Daxenberger starb. 2008 wurde er Fraktionschef der Grünen im Landtag.")
    got, _ = tuples(doc, rules)
    assert ("Sepp Daxenberger", "Fraktionschef", "Grüne", "current") in got
    doc = make_doc("Ted Stevens starb am Montag. Präsident Barack Obama würdigte ihn für seinen Einsatz als Soldat.")
    got, _ = tuples(doc, rules)
    assert ("Ted Stevens", "Soldat", None, "current") in got
    assert not any(t[0] == "Barack Obama" and t[1] == "Soldat" for t in got)


@pytest.mark.xfail(strict=True, reason="de_news NER tags only 'Hannelore' of 'Hannelore Kraft' as PER here, "
                                       "so the appointment goes to an actor named 'Hannelore'")
def test_possessive_appointment_zu_seiner(rules):
    doc = make_doc("Der Bundesrat hat Hannelore Kraft zu seiner Vorsitzenden gewählt.")
    got, _ = tuples(doc, rules)
    assert ("Hannelore Kraft", "Vorsitzender", None, "current") in got


def test_first_names_give_pronoun_gender(rules):
    doc = make_doc("Ted Stevens starb. Hannelore Kraft trauert. Präsident Barack Obama würdigte ihn für seinen "
                   "Einsatz als Soldat.")
    got, _ = tuples(doc, rules)
    assert ("Ted Stevens", "Soldat", None, "current") in got


def test_topic_phrase_between_title_and_name(rules):
    doc = make_doc("Es empfahl der EU-Kommissar für Erweiterung und europäische Nachbarschaftspolitik Štefan Füle "
                   "Verhandlungen. Der EU-Kommissar für Energie Günther Oettinger stimmte zu.")
    got, _ = tuples(doc, rules)
    assert got == {("Štefan Füle", "Kommissar", "EU", "current"), ("Günther Oettinger", "Kommissar", "EU", "current")}


def test_misspelt_title_and_office_noun(rules):
    doc = make_doc("Nach der Wahl hatte Ministerpäsident Meles Zenawi ein Verbot verhängt. Joseph Deiss ist "
                   "Politiker. Das Amt des Bundespräsidenten übte er 2004 aus.")
    got, ex = tuples(doc, rules)
    assert ("Meles Zenawi", "Ministerpräsident", None, "current") in got
    assert ("Joseph Deiss", "Bundespräsident", "Deutschland", "former") in got
    assert {a.name for a in ex.actors if a.actor_type == "person"} == {"Meles Zenawi", "Joseph Deiss"}


def test_coordinated_als_and_predicative_across_a_pp(rules):
    doc = make_doc("Ahmed Feredaws A. war in Afghanistan als Übersetzer und Sprengfallenexperte tätig. "
                   "Günther Krause (CDU) war nach der deutschen Wiedervereinigung von 1990 bis 1991 Bundesminister "
                   "für besondere Aufgaben und von 1991 bis zu seinem Rücktritt 1993 Bundesminister für Verkehr.")
    got, ex = tuples(doc, rules)
    assert ("Ahmed Feredaws A.", "Übersetzer", None, "former") in got
    assert ("Ahmed Feredaws A.", "Sprengfallenexperte", None, "former") in got
    assert ("Günther Krause", "Minister", "Deutschland", "former") in got
    assert len([r for r in ex.roles if r.role == "Minister"]) == 2


def test_surname_ner_missed_is_the_pronoun_antecedent(rules):
    doc = make_doc("Heute wurde Hans-Joachim Watzke als Nachfolger des zurückgetretenen Gerd Niebaum vorgestellt. "
                   "Der 45-jährige Watzke verzichtet auf sein Gehalt. Er ist bereits Schatzmeister des Vereins "
                   "Borussia Dortmund.")
    got, ex = tuples(doc, rules)
    assert got == {("Hans-Joachim Watzke", "Schatzmeister", "Borussia Dortmund", "current")}
    watzke = next(a for a in ex.actors if a.name == "Hans-Joachim Watzke")
    assert [m.text for m in watzke.mentions] == ["Hans-Joachim Watzke", "Watzke"]


def tagged_doc(sentences):
    """Doc from sentences of (word, pos, ent, morph) tuples, a weaker tagger's output set by hand."""
    words, pos, ents, morphs, starts = [], [], [], [], []
    for sent in sentences:
        for n, (w, p, e, m) in enumerate(sent):
            words.append(w)
            pos.append(p)
            ents.append(e)
            morphs.append(m)
            starts.append(n == 0)
    spaces = [not (i + 1 < len(words) and words[i + 1] in (",", ".", "“")) and w != "„"
              for i, w in enumerate(words)]
    return Doc(_VOCAB, words=words, spaces=spaces, pos=pos, ents=ents, morphs=morphs, sent_starts=starts)


def test_weaker_tagger_noise_in_names_and_number(rules):
    """Model noise seen with the final de_news model: first names tagged NOUN, a surname tagged alone
    (or as ORG), a one-off NOUN-tagged surname after a bare title, Number=Plur on "der SPD-Politiker"."""
    O = "O"
    doc = tagged_doc([
        [("Kemal", "NOUN", O, ""), ("Bedri", "PROPN", O, ""), (",", "PUNCT", O, ""),
         ("Vorsitzender", "NOUN", O, ""), ("der", "DET", O, ""), ("Wahlkommission", "NOUN", O, ""),
         (",", "PUNCT", O, ""), ("begründete", "VERB", O, ""), ("das", "PRON", O, ""), (".", "PUNCT", O, "")],
        [("Der", "DET", O, ""), ("libanesische", "ADJ", O, ""), ("Informationsminister", "NOUN", O, ""),
         ("Ghasi", "NOUN", O, ""), ("Aridi", "NOUN", "B-PER", ""), ("stimmte", "VERB", O, ""),
         ("zu", "ADP", O, ""), (".", "PUNCT", O, "")],
        [("Human", "PROPN", O, ""), ("Rights", "PROPN", O, ""), ("Watch-Sprecher", "PROPN", O, ""),
         ("Malinowski", "NOUN", "B-PER", ""), ("erklärte", "VERB", O, ""), ("das", "PRON", O, ""),
         (".", "PUNCT", O, "")],
        [("Ministerpräsident", "NOUN", O, ""), ("Stephan", "PROPN", "B-PER", ""), ("Weil", "PROPN", "I-PER", ""),
         ("begrüßte", "VERB", O, ""), ("die", "DET", O, ""), ("Einladung", "NOUN", O, ""), (".", "PUNCT", O, "")],
        [("„", "PUNCT", O, ""), ("Wir", "PRON", O, ""), ("brauchen", "VERB", O, ""), ("Geld", "NOUN", O, ""),
         ("“", "PUNCT", O, ""), (",", "PUNCT", O, ""), ("sagte", "VERB", O, ""), ("der", "DET", O, ""),
         ("SPD-Politiker", "NOUN", O, "Case=Nom|Number=Plur"), (".", "PUNCT", O, "")],
    ])
    got, _ = tuples(doc, rules)
    assert ("Kemal Bedri", "Vorsitzender", "Wahlkommission", "current") in got
    assert ("Ghasi Aridi", "Informationsminister", "Libanon", "current") in got
    assert ("Malinowski", "Sprecher", "Human Rights Watch", "current") in got
    assert ("Stephan Weil", "Politiker", "SPD", "current") in got


def test_known_person_untagged_as_predicative_subject_and_surname_tagged_org(rules):
    O = "O"
    doc = tagged_doc([
        [("Premierminister", "NOUN", O, ""), ("Meles", "PROPN", "B-PER", ""), ("Zenawi", "PROPN", "I-PER", ""),
         ("sprach", "VERB", O, ""), (".", "PUNCT", O, "")],
        [("Meles", "ADJ", O, ""), ("Zenawi", "NOUN", O, ""), ("ist", "AUX", O, ""), ("seit", "ADP", O, ""),
         ("1995", "NUM", O, ""), ("Regierungschef", "NOUN", O, ""), (".", "PUNCT", O, "")],
        [("Der", "DET", O, ""), ("Sturz", "NOUN", O, ""), ("des", "DET", O, ""), ("ehemaligen", "ADJ", O, ""),
         ("Ministerpräsidenten", "NOUN", O, ""), ("Thaksin", "PROPN", "B-PER", ""),
         ("Shinawatra", "PROPN", "I-PER", ""), ("war", "AUX", O, ""), ("lange", "ADV", O, ""), ("her", "ADV", O, ""),
         (".", "PUNCT", O, "")],
        [("Die", "DET", O, ""), ("Partei", "NOUN", O, ""), ("des", "DET", O, ""), ("entmachteten", "ADJ", O, ""),
         ("Ministerpräsidenten", "NOUN", O, ""), ("Thaksin", "PROPN", O, ""), ("Shinawatra", "PROPN", "B-ORG", ""),
         ("droht", "VERB", O, ""), ("ein", "DET", O, ""), ("Verbot", "NOUN", O, ""), (".", "PUNCT", O, "")],
    ])
    got, ex = tuples(doc, rules)
    assert ("Meles Zenawi", "Regierungschef", None, "current") in got
    assert {t for t in got if t[1] == "Ministerpräsident"} == {("Thaksin Shinawatra", "Ministerpräsident", None, "former")}
    assert not any(a.name == "Thaksin" for a in ex.actors)


# ----------------------------------------------------------------------------- quality push (known errors)
@pytest.fixture(scope="module")
def model_nlp():
    from pipeline.nlp import load_nlp
    nlp, _ = load_nlp(str(MODEL_DIR))
    return nlp


@needs_model
def test_bundes_title_in_an_article_about_switzerland_or_austria(model_nlp, rules):
    """"Bundes-" implies Deutschland only where the article names no other federal country instead."""
    got, _ = tuples(model_nlp("Die Schweizer Regierung tagte am Montag in Bern. Bundespräsident Ueli Maurer "
                              "sagte danach, man sei zufrieden."), rules)
    assert ("Ueli Maurer", "Bundespräsident", None, "current") in got
    got, _ = tuples(model_nlp("In Wien trat die österreichische Regierung zusammen. Bundeskanzler Karl Nehammer "
                              "kündigte Reformen an."), rules)
    assert ("Karl Nehammer", "Bundeskanzler", None, "current") in got
    # the phrase names the country: it wins over the prefix
    got, _ = tuples(model_nlp("Der Schweizer Bundespräsident Ueli Maurer empfing die Delegation. "
                              "Österreichs Bundeskanzler Karl Nehammer sprach in Wien."), rules)
    assert ("Ueli Maurer", "Bundespräsident", "Schweiz", "current") in got
    assert ("Karl Nehammer", "Bundeskanzler", "Österreich", "current") in got
    # Germany named as well (or no country at all): the German office stays the default
    got, _ = tuples(model_nlp("Bundeskanzler Olaf Scholz reiste nach Österreich. Deutschland und Österreich "
                              "wollen enger zusammenarbeiten."), rules)
    assert ("Olaf Scholz", "Bundeskanzler", "Deutschland", "current") in got


@needs_model
def test_genitive_institution_is_normalised_to_a_masculine_nominative(model_nlp, rules):
    got, _ = tuples(model_nlp("Der Direktor des Nationalen Nachrichtendienstes, John Negroponte, warnte vor "
                              "neuen Anschlägen."), rules)
    assert got == {("John Negroponte", "Direktor", "Nationaler Nachrichtendienst", "current")}
    got, _ = tuples(model_nlp("Der Vorsitzende des Europäischen Wirtschaftsrates, Hans Berger, sprach."), rules)
    assert ("Hans Berger", "Vorsitzender", "Europäischer Wirtschaftsrat", "current") in got


@needs_model
def test_title_between_two_names_goes_to_the_name_after_it(model_nlp, rules):
    """"X, dem Präsidenten Kenias, Y, ...": the title names Y (title_comma_name), not X (apposition)."""
    got, _ = tuples(model_nlp("Nachdem der Armeechef des Landes, Frank Bainirama, dem Präsidenten Kenias, Mwai Kibaki, "
                              "ein Ultimatum gestellt hatte, ermittelte die Polizei."), rules)
    assert ("Mwai Kibaki", "Präsident", "Kenia", "current") in got
    assert ("Frank Bainirama", "Armeechef", None, "current") in got
    assert not any(t[0] == "Frank Bainirama" and t[1] == "Präsident" for t in got)
    got, _ = tuples(model_nlp("Gestern hat der Sprecher der Opposition, Peter Weber, dem Innenminister des Landes, "
                              "Karl Moser, einen Brief geschrieben."), rules)
    assert ("Karl Moser", "Innenminister", None, "current") in got
    # an apposition with no name after it stays with the name before
    got, _ = tuples(model_nlp("Der Brief ging an Peter Weber, den Innenminister, und an Karl Moser."), rules)
    assert got == {("Peter Weber", "Innenminister", "Deutschland", "current")}   # national_offices: no country named


@needs_model
def test_quoted_official_title_after_als_and_nickname_in_quotes(model_nlp, rules):
    """A title quoted verbatim after "als" (capitalized adjective: an official designation) names the
    subject; a bare title in quotes used as a nickname does not."""
    got, _ = tuples(model_nlp("Karl Brenner ist Unternehmer. Inzwischen arbeitet er als Technischer Berater "
                              "für eine Bank."), rules)
    assert ("Karl Brenner", "Berater", None, "current") in got
    got, _ = tuples(model_nlp("Karl Brenner ist Unternehmer. Neuerdings tritt er als „Technischer Leiter“ "
                              "eines Vereins auf."), rules)
    assert ("Karl Brenner", "Leiter", None, "current") in got
    got, _ = tuples(model_nlp("Karl Brenner ist Unternehmer. Neuerdings tritt er als „Technischer Leiter“ "
                              "der Firma Solartec Deutschland GmbH auf."), rules)
    assert ("Karl Brenner", "Leiter", "Solartec Deutschland GmbH", "current") in got
    got, _ = tuples(model_nlp("Karl Brenner ist Unternehmer. Neuerdings tritt er als „Technischer Leiter/"
                              "Stellvertretender Vorsitzender des Aufsichtsrates“ auf."), rules)
    assert {t for t in got if t[1] != "Unternehmer"} == {
        ("Karl Brenner", "Leiter", None, "current"),
        ("Karl Brenner", "stellvertretender Vorsitzender", "Aufsichtsrat", "current")}
    got, _ = tuples(model_nlp("Der „Außenminister“ der Bewegung, Peter Müller, lachte. Peter Müller, in der Szene "
                              "nur „der Außenminister“ genannt, schwieg."), rules)
    assert not any(t[1] == "Außenminister" for t in got)


@needs_model
def test_company_name_containing_a_country_is_not_the_country(model_nlp, rules):
    got, _ = tuples(model_nlp("Vorstandschef der Solartec Deutschland GmbH ist Karl Heinz Brenner."), rules)
    assert got == {("Karl Heinz Brenner", "Vorstandschef", "Solartec Deutschland GmbH", "current")}
