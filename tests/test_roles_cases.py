"""Role binding rules, one case file per rule_id (``tests/cases/roles/<rule_id>.yaml``).

Each case is a text run through the committed model (pipeline/models/de_news) and the real rules:
it pins the named binding rules that decide its titles (``bindings``) and every role row it yields
(``rows``). The registry tests check that rules, case files and ``roles.yaml`` agree.
"""
from collections import Counter
from pathlib import Path

import pytest
import yaml

from pipeline.extract import extract
from pipeline.extract.roles import Scan
from pipeline.extract.roles.bindings import BINDINGS
from pipeline.ruleset import RuleError, load_rules

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases" / "roles"
MODEL_DIR = ROOT / "pipeline" / "models" / "de_news"
needs_model = pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="pipeline/models/de_news missing")
RULE_IDS = {"title_name", "title_comma_name", "apposition", "title_chain", "predicative", "als", "appointment",
            "office", "reference"}


def _case_files() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(CASES.glob("*.yaml"))}


def _cases():
    for stem, data in _case_files().items():
        for i, case in enumerate(data["cases"]):
            yield pytest.param(data["rule_id"], case, id=f"{stem}-{i}")


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture(scope="module")
def model_nlp():
    from pipeline.nlp import load_nlp
    nlp, _ = load_nlp(str(MODEL_DIR))
    return nlp


def _rows(doc, rules) -> list[tuple]:
    ex = extract(doc, rules)
    names = {a.key: a.name for a in ex.actors}
    return [(names.get(r.actor_key), r.role_text, r.role, r.organization, r.status, r.rule_id) for r in ex.roles]


def _bound_by(doc, rules) -> set[str]:
    return {h.extra["bound_by"] for h in Scan(doc, rules).hits if "bound_by" in h.extra}


@needs_model
@pytest.mark.parametrize("rule_id,case", list(_cases()))
def test_case(model_nlp, rules, rule_id, case):
    doc = model_nlp(case["text"])
    assert _bound_by(doc, rules) == set(case["bindings"])
    want = [(r["actor"], r["role_text"], r["role"], r["organization"], r["status"], r["rule_id"]) for r in case["rows"]]
    assert Counter(_rows(doc, rules)) == Counter(want)
    assert not want or rule_id in {r[-1] for r in want}


def test_one_case_file_per_rule_id():
    files = _case_files()
    assert set(files) == RULE_IDS
    assert all(data["rule_id"] == stem and data["cases"] for stem, data in files.items())


def test_every_binding_rule_has_a_case_and_an_example():
    used = {b for data in _case_files().values() for case in data["cases"] for b in case["bindings"]}
    assert used == set(BINDINGS)
    for name, b in BINDINGS.items():
        assert b.fn.__name__ == name and (b.fn.__doc__ or "").strip(), name


def test_roles_yaml_lists_every_binding_rule(rules):
    assert set(rules["roles"].bindings) == set(BINDINGS)


def _rules_with(tmp_path, old: str, new: str):
    import shutil
    for p in (ROOT / "pipeline" / "rules").iterdir():
        shutil.copy(p, tmp_path / p.name)
    text = (tmp_path / "roles.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "roles.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_rules(tmp_path)


@needs_model
def test_a_binding_rule_switched_off_in_roles_yaml(tmp_path, model_nlp, rules):
    doc = model_nlp("Kurt Volker, Nato-Botschafter in Trumps erster Amtszeit, hält das für falsch.")
    assert [r[-1] for r in _rows(doc, rules)] == ["apposition"]
    off = _rules_with(tmp_path, "  - apposition ", "  - {rule: apposition, enabled: false} ")
    assert "apposition" not in off["roles"].bindings
    assert _bound_by(doc, off) == set() and _rows(doc, off) == []


def test_binding_rule_names_are_checked(tmp_path):
    with pytest.raises(RuleError, match="unknown binding rule 'apposiiton'"):
        _rules_with(tmp_path, "  - apposition ", "  - apposiiton ")
    with pytest.raises(RuleError, match=r"missing rule\(s\) \['title_chain'\]"):
        _rules_with(tmp_path, "  - title_chain ", "  # - title_chain ")
    with pytest.raises(RuleError, match="listed twice"):
        _rules_with(tmp_path, "  - title_chain ", "  - reference\n  - title_chain ")


def test_former_phrases_compile_to_matcher_patterns(rules):
    import spacy
    from spacy.tokens import Doc

    from pipeline.extract.roles.phrases import PhraseSpans, token_pattern
    assert token_pattern("#") == {"IS_DIGIT": True}
    assert token_pattern("amtszeit*") == {"LOWER": {"REGEX": "^amtszeit"}}
    assert token_pattern("dienst") == {"LOWER": "dienst"}
    words = ["Er", "war", "von", "1990", "bis", "1995", "Minister", ",", "Marineoberst", "außer", "Dienst"]
    spans = PhraseSpans(Doc(spacy.blank("de").vocab, words=words), rules["roles"])
    assert spans.within(2, 6) and spans.within(4, 6)               # "von # bis #", "bis #"
    assert not spans.within(2, 5) and not spans.within(5, 10)
    assert spans.within(9, 11) and not spans.within(6, 10)         # "außer dienst"


# --- role16: the switches of the role16 rules (roles.yaml patterns) ---
@needs_model
@pytest.mark.parametrize("switch,text,on,off", [
    ("kind_name_comma_name", "Der Vorsitzende des Kunstvereins Muldeaue, Friedrich-Wilhelm Spangenberg, bedauerte den Weggang.",
     {("Friedrich-Wilhelm Spangenberg", "Vorsitzender")}, set()),
    ("adjacent_title_chain", "Aufsichtsratsvorsitzender Landrat Erwin Schneidhuber (CSU) sprach von einer ausgezeichneten Wahl.",
     {("Erwin Schneidhuber", "Aufsichtsratsvorsitzender"), ("Erwin Schneidhuber", "Landrat")},
     {("Erwin Schneidhuber", "Landrat")}),
    ("topic_compound_prefix", "Der Nahostexperte Tobias Ehrlich von der Stiftung für Sicherheitspolitik hält das für riskant.",
     {("Tobias Ehrlich", "Nahostexperte")}, {("Tobias Ehrlich", "Experte")}),
    ("pronoun_vorfeld_name", "Für Peter Brüning, jetzt Turo-Obmann, übernahm er im November 2009 die Leitung der Damenmannschaft.",
     {("Peter Brüning", "Obmann")}, {("Peter Brüning", "Obmann"), ("Peter Brüning", "Leiter")}),
])
def test_role16_switches(tmp_path, model_nlp, rules, switch, text, on, off):
    doc = model_nlp(text)
    assert {(r[0], r[2]) for r in _rows(doc, rules)} == on
    rules_off = _rules_with(tmp_path, f"  {switch}: true", f"  {switch}: false")
    assert {(r[0], r[2]) for r in _rows(doc, rules_off)} == off


@needs_model
def test_role16_leadership_nouns_off(tmp_path, model_nlp, rules):
    doc = model_nlp("Braun übernahm die Leitung des Evangelischen Presseverbandes und gründete 1924 eine Literaturzeitschrift.")
    assert [(r[0], r[2]) for r in _rows(doc, rules)] == [("Braun", "Leiter")]
    off = _rules_with(tmp_path, 'leadership_nouns: ["leitung:Leiter"]', "leadership_nouns: []")
    assert _rows(doc, off) == [] and _bound_by(doc, off) == set()


@needs_model
def test_role17_reference_subject_categories_off(tmp_path, model_nlp, rules):
    doc = model_nlp("Als ihr Vater Heinrich Brenner 2022 einen Schlaganfall erlitt, stand das Unternehmen plötzlich ohne "
                    "Führung da. Der frühere Firmenchef, heute 71, hatte keine Nachfolge geregelt. Brenner kommt noch "
                    "jeden Freitag ins Werk.")
    assert [(r[0], r[2], r[4]) for r in _rows(doc, rules)] == [("Heinrich Brenner", "Firmenchef", "former")]
    off = _rules_with(tmp_path, "reference_subject_categories: [business, other]", "reference_subject_categories: []")
    assert _rows(doc, off) == []
    other_office = model_nlp("Innenminister Peter Kramer kritisierte den Plan. Der Sprecher sagte, man prüfe alles. "
                             "Kramer blieb skeptisch.")
    assert [(r[0], r[2]) for r in _rows(other_office, rules)] == [("Peter Kramer", "Innenminister")]


# --- role18: the switch of rule council_seat_other_office (roles.yaml patterns) ---
@needs_model
def test_role18_council_seat_other_office(tmp_path, model_nlp, rules):
    doc = model_nlp("Das hat Bundesrätin Monika Zbinden-Roth am Mittwoch in Bern bekräftigt. Die Initiative bremse den Bau "
                    "neuer Wohnungen, sagte die Vorsteherin des Eidgenössischen Departements für Wirtschaft.")
    assert [(r[0], r[2], r[-1]) for r in _rows(doc, rules)] == [("Monika Zbinden-Roth", "Bundesrat", "title_name"),
                                                                ("Monika Zbinden-Roth", "Vorsteher", "reference")]
    off = _rules_with(tmp_path, "council_seat_other_office: true", "council_seat_other_office: false")
    assert [(r[0], r[2]) for r in _rows(doc, off)] == [("Monika Zbinden-Roth", "Bundesrat")]


@needs_model
def test_role18_former_by_departure_off(tmp_path, model_nlp, rules):
    doc = model_nlp("Der Aufsichtsrat hat Geschäftsführer Ralf Kinzig mit sofortiger Wirkung abberufen.")
    assert [(r[0], r[2], r[4]) for r in _rows(doc, rules)] == [("Ralf Kinzig", "Geschäftsführer", "former")]
    off = _rules_with(tmp_path, "  departure_object: [abberufen,", "  departure_object: [")
    assert [(r[0], r[2], r[4]) for r in _rows(doc, off)] == [("Ralf Kinzig", "Geschäftsführer", "current")]
    wreath = model_nlp("Landrat Peter Schulz hatte am Ehrenmal einen Kranz niedergelegt.")
    assert [(r[0], r[2], r[4]) for r in _rows(wreath, rules)] == [("Peter Schulz", "Landrat", "current")]



# --- role19: the switches of the role19 rules (roles.yaml patterns) ---
@needs_model
@pytest.mark.parametrize("switch,text,on,off", [
    ("feminine_title_male_holder", "Der Friedensnobelpreis ging einst an Bundeskanzler Willy Brandt. Von der deutschen "
     "Bundeskanzlerin liegt inzwischen eine Stellungnahme vor.",
     [("Willy Brandt", "Bundeskanzler", "title_name")],
     [("Willy Brandt", "Bundeskanzler", "title_name"), ("Willy Brandt", "Bundeskanzler", "reference")]),
    ("reference_lead_forward", "Drei Spieler traten nach dem Spiel auf den Linienrichter ein. Der 41-jährige Richard "
     "Nieuwenhuizen starb später an seinen Verletzungen.",
     [("Richard Nieuwenhuizen", "Linienrichter", "reference")], []),
])
def test_role19_switches(tmp_path, model_nlp, rules, switch, text, on, off):
    _switch_rows(tmp_path, model_nlp, rules, switch, text, on, off)


def _switch_rows(tmp_path, model_nlp, rules, switch, text, on, off):
    """(actor, role, rule_id) of the rows of ``text`` with the switch on (``on``) and off (``off``)."""
    doc = model_nlp(text)
    assert [(r[0], r[2], r[-1]) for r in _rows(doc, rules)] == on
    rules_off = _rules_with(tmp_path, f"  {switch}: true", f"  {switch}: false")
    assert [(r[0], r[2], r[-1]) for r in _rows(doc, rules_off)] == off


@needs_model
@pytest.mark.parametrize("text,rows", [
    ("Bundeskanzlerin Angela Merkel reiste nach Paris. Die Bundeskanzlerin sagte, sie sei zufrieden.",
     [("Angela Merkel", "title_name"), ("Angela Merkel", "reference")]),
    ("In der Koalition ist ein Streit um die Führungsrolle der Bundeskanzlerin entbrannt. Edmund Stoiber betonte die "
     "Rolle der Parteivorsitzenden.", []),                  # reference_lead_forward: no genitive attribute
])
def test_role19_guards(model_nlp, rules, text, rows):
    assert [(r[0], r[-1]) for r in _rows(model_nlp(text), rules)] == rows


# --- role20: the switches of the role20 rules (roles.yaml patterns) ---
@needs_model
@pytest.mark.parametrize("switch,text,on,off", [
    ("comma_second_title_name", "Der Sprecher des Verbands, der frühere Abgeordnete Peter Hausmann, sagte am Montag, "
     "man sei enttäuscht.",
     [("Peter Hausmann", "Sprecher", "title_comma_name"), ("Peter Hausmann", "Abgeordneter", "title_name")],
     [("Peter Hausmann", "Abgeordneter", "title_name")]),
    ("long_complement_inverted", "Die Kosten seien zu hoch, erklärte der Bezirksleiter Sachsen der Gewerkschaft, "
     "Jens Möller.", [("Jens Möller", "Bezirksleiter", "title_comma_name")], []),
    ("name_entity_after_comma", "Der Ministerpräsident Thailands, Abhisit Vejjajiva, kündigte am Donnerstag "
     "Neuwahlen an.", [("Abhisit Vejjajiva", "Ministerpräsident", "title_comma_name")], []),
    ("die_masculine_plural", "Gewerkschaftschef Peter Krause kündigte Streiks an. Die Lokführer arbeiteten an der "
     "Grenze der Belastbarkeit.", [("Peter Krause", "Gewerkschaftschef", "title_name")],
     [("Peter Krause", "Gewerkschaftschef", "title_name"), ("Peter Krause", "Lokführer", "reference")]),
])
def test_role20_switches(tmp_path, model_nlp, rules, switch, text, on, off):
    _switch_rows(tmp_path, model_nlp, rules, switch, text, on, off)


@needs_model
@pytest.mark.parametrize("text,rows", [
    # comma_second_title_name: a list of titles and names is no apposition; the first title stays unbound
    ("Der Präsident, der Kanzler Olaf Scholz und die Ministerin Anna Weber trafen sich in Berlin.",
     [("Olaf Scholz", "Kanzler", "title_name"), ("Anna Weber", "Minister", "title_name")]),
])
def test_role20_guards(model_nlp, rules, text, rows):
    assert [(r[0], r[2], r[-1]) for r in _rows(model_nlp(text), rules)] == rows


# --- role21: the switch of number_full_stop_no_count (roles.yaml patterns) ---
@needs_model
def test_role21_number_full_stop_switch(tmp_path, model_nlp, rules):
    _switch_rows(tmp_path, model_nlp, rules, "number_full_stop_no_count",
                 "Für Kessler wäre es die größte Übernahme seit dem Börsengang 2019. Kessler-Chef Oliver Brandt hatte im "
                 "Sommer angekündigt, zuzukaufen.", [("Oliver Brandt", "Chef", "title_name")], [])


@needs_model
@pytest.mark.parametrize("switch,text,on,off", [
    ("name_only_feminine_person", "Ganz anders sieht das Annegret Pfeiffer (Linke). Die Stadträtin erinnerte daran, dass "
     "das Bad im Sommer voll sei. „Ein kleineres Becken ist ein kleineres Angebot“, sagte Pfeiffer.",
     [("Annegret Pfeiffer", "Stadtrat", "reference")], []),
    ("der_adjective_e_singular", "Vor der Strafkammer müssen sich seit Oktober der frühere Geschäftsführer Holger "
     "Brandstätt und seine damalige Prokuristin Ilona Vesper verantworten.",
     [("Holger Brandstätt", "Geschäftsführer", "title_name"), ("Ilona Vesper", "Prokurist", "title_name")],
     [("Ilona Vesper", "Prokurist", "title_name")]),
])
def test_role21_switches(tmp_path, model_nlp, rules, switch, text, on, off):
    _switch_rows(tmp_path, model_nlp, rules, switch, text, on, off)


@needs_model
def test_role21_reference_succession_adjective(tmp_path, model_nlp, rules):
    """The leaving holder's role noun refers to the holder named before, not to the new one (list switch)."""
    doc = model_nlp("Andreas Hägele ist neuer Präsident des VfR Aalen. Er setzte sich gegen Amtsinhaber Werner "
                    "Bräuninger durch. Bräuninger hatte den Verein seit 2016 geführt. Der scheidende Präsident räumte "
                    "Fehler ein.")
    assert [(r[0], r[2], r[-1]) for r in _rows(doc, rules)] == [
        ("Andreas Hägele", "Präsident", "predicative"), ("Werner Bräuninger", "Präsident", "reference")]
    off = _rules_with(tmp_path, "  reference_leaving_adjectives: [scheidend, ausscheidend, bisherig, abtretend, "
                      "abgewählt, ehemalig, früher]", "  reference_leaving_adjectives: []")
    assert [(r[0], r[2], r[-1]) for r in _rows(doc, off)] == [
        ("Andreas Hägele", "Präsident", "predicative"), ("Andreas Hägele", "Präsident", "reference")]


@needs_model
def test_role21_co_prefix_title(tmp_path, model_nlp, rules):
    """A hyphen prefix Co- is part of the role (list switch co_prefixes)."""
    doc = model_nlp("Ihr Co-Vorsitzender Amir Hadžić kam nur auf 68 Prozent.")
    assert [(r[0], r[2]) for r in _rows(doc, rules)] == [("Amir Hadžić", "Co-Vorsitzender")]
    off = _rules_with(tmp_path, "  co_prefixes: [co, ko]", "  co_prefixes: []")
    assert [(r[0], r[2]) for r in _rows(doc, off)] == [("Amir Hadžić", "Vorsitzender")]


@needs_model
def test_role21_relative_after_parenthesis_committed_off(tmp_path, model_nlp, rules):
    """relative_after_parenthesis is committed off (a label split of its titles); switched on, it binds the title."""
    doc = model_nlp("Landrat Mario Glaser (CDU), der zugleich Aufsichtsratsvorsitzender des Verbunds ist, verteidigte "
                    "den Beschluss.")
    assert [(r[0], r[2], r[-1]) for r in _rows(doc, rules)] == [("Mario Glaser", "Landrat", "title_name")]
    on = _rules_with(tmp_path, "  relative_after_parenthesis: false", "  relative_after_parenthesis: true")
    assert [(r[0], r[2], r[-1]) for r in _rows(doc, on)] == [
        ("Mario Glaser", "Landrat", "title_name"), ("Mario Glaser", "Aufsichtsratsvorsitzender", "predicative")]
