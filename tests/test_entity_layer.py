"""The entity layer around the NER (issue 12): evidence, gazetteer and consistency decide entity types.
Real German sentences through the committed model; one test per rule with concrete labels."""
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.extract.actors import may_merge
from pipeline.ruleset import load_rules

ROOT = Path(__file__).resolve().parents[1]
MODEL_DIR = ROOT / "pipeline" / "models" / "de_news"
needs_model = pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="pipeline/models/de_news missing")


@pytest.fixture(scope="module")
def run():
    from pipeline.nlp import load_nlp
    nlp, _ = load_nlp(str(MODEL_DIR))
    rules = load_rules()

    def go(text):
        ex = extract(nlp(text), rules)
        types = {a.name: a.actor_type for a in ex.actors if a.actor_type != "role"}
        labels = [(m.text, m.label) for m, _ in ex.mentions]
        return types, labels
    return go


@needs_model
def test_compound_prefix_is_an_organisation(run):
    """"Rheinmetall-Sprecher", "Rheinmetall-Aktie": the prefix is an organisation mention, and so is
    every untagged "Rheinmetall" of the article."""
    types, labels = run("Die Rheinmetall-Aktie stieg am Montag um vier Prozent. Ein Rheinmetall-Sprecher sagte, "
                        "Rheinmetall werde die Produktion in Unterlüß ausbauen.")
    assert types.get("Rheinmetall") == "organization"
    assert labels.count(("Rheinmetall", "ORG")) >= 2


@needs_model
def test_kind_noun_before_name(run):
    """"das Unternehmen Flixbus": the name after a noun of the organisation's kind is no person."""
    types, _ = run("Das Unternehmen Flixbus will im Sommer neue Linien anbieten. Flixbus hatte im Vorjahr "
                   "mehr Fahrgäste als je zuvor.")
    assert types.get("Flixbus") == "organization"
    types, _ = run("Der Fernbus-Anbieter Meinbus meldet Gewinne. Meinbus wächst.")   # a hyphenated kind noun
    assert types.get("Meinbus") == "organization"


@needs_model
def test_kind_noun_mention_beside_its_owner(run):
    """layer.kind_noun_before (org_kind_noun_mention): "die Firma Töpfer" is the family firm, "Mark Töpfer" its owner:
    the mention after the kind noun is an organisation of its own, not merged into the person of that surname."""
    types, labels = run("Die Kulmbacher Firma Töpfer entlässt 60 Mitarbeiter. Geschäftsführer Mark Töpfer sagte, "
                        "die Lage sei ernst.")
    assert types.get("Töpfer") == "organization"
    assert types.get("Mark Töpfer") == "person"
    assert ("Töpfer", "ORG") in labels


@needs_model
def test_club_and_team_names_are_organisations(run):
    """persons.per_org_name_head with the sports-club heads of words.yaml org_name_heads ("[Northampton Town]PER"),
    and a team kind noun before a name (org_kind_heads: "des Teams [Ellerstina]PER")."""
    types, _ = run("Nach knapp gesichertem Klassenerhalt gegen Northampton Town beendete Dickinson seine Karriere. "
                   "Er blieb treibende Kraft hinter der Organisation des Teams Ellerstina.")
    assert types.get("Northampton Town") == "organization"
    assert types.get("Ellerstina") == "organization"
    assert types.get("Dickinson") == "person"
    types, _ = run("Ratlosigkeit im Alinghi-Team Brad Butterworth, der sich mit seiner früheren Aussage konfrontiert sah.")
    assert types.get("Brad Butterworth") == "person"      # a team member (words.yaml member_kind_heads)


@needs_model
def test_org_lead_word_and_long_head_compound(run):
    """persons.per_org_name_head: a name starting with an organisation word ("[Banca d'Italia]PER", words.yaml
    org_lead_words_cased) or ending in a compound of a long organisation head ("Vollekspartei") is an organisation."""
    types, _ = run("Der Gouverneur ist am Montag zurückgetreten. Wie die Banca d'Italia in Rom bekannt gab, soll Fazio "
                   "seine Entscheidung bereits getroffen haben. Ihm wird vorgeworfen, in die Übernahme der italienischen "
                   "Banca Antonveneta eingegriffen zu haben.")
    persons = {n for n, t in types.items() if t == "person"}
    assert not {"Banca d'Italia", "Banca Antonveneta"} & persons
    types, _ = run("Seitdem der Präsident der größten Luxemburger Parlamentsfraktion CSV (Chrëschtlech Sozial "
                   "Vollekspartei), Michel Wolter, Anfang Oktober sein Vorhaben bekannt gab, wird gestritten.")
    assert "Chrëschtlech Sozial Vollekspartei" not in {n for n, t in types.items() if t == "person"}
    assert types.get("Michel Wolter") == "person"


@needs_model
def test_place_lead_word_starts_a_place(run):
    """persons.per_place_lead with words.yaml place_lead_words_cased: "[Pulau Laki]PER", "[Lake Placid]PER" are places."""
    types, _ = run("Die Position der Maschine wird zwischen Pulau Laki und Pulau Lancang vermutet. Der Wahlbezirk "
                   "erstreckt sich von Lake Placid bis ins Dutchess County.")
    assert types.get("Pulau Laki") == "location"
    assert types.get("Lake Placid") == "location"
    assert not {n for n, t in types.items() if t == "person"}


@needs_model
def test_legal_form_makes_an_organisation(run):
    """"Blaser GmbH": a legal form after the name."""
    types, _ = run("Die Blaser GmbH aus Isny stellt Jagdwaffen her. Blaser beschäftigt 500 Menschen.")
    assert "Blaser" not in {n for n, t in types.items() if t == "person"}


@needs_model
def test_surname_after_full_name_is_the_person(run):
    """"Donald Trump ... Trump": the surname alone is the person, whatever label NER gave it."""
    types, labels = run("Donald Trump hat neue Zölle angekündigt. Trump sagte am Dienstag in Washington, die "
                        "Europäer müssten mehr zahlen. Trump droht zudem China.")
    assert types.get("Donald Trump") == "person"
    assert {lab for text, lab in labels if text == "Trump"} == {"PER"}


@needs_model
def test_known_person_tagged_once_is_the_person(run):
    """"[Trump]ORG ... [Trump]PER ... [Trump]ORG" without the full name: a person known by one name
    (actors.yaml known_persons) that NER tags a person once is that person in every mention."""
    types, labels = run("Trump hat neue Zölle angekündigt. Trump sagte am Freitag, China müsse zahlen. Das Weiße "
                        "Haus bestätigte, Trump werde reisen.")
    assert types.get("Trump") == "person"
    assert {lab for text, lab in labels if text == "Trump"} == {"PER"}


@needs_model
def test_gazetteer_gives_the_type(run):
    """rules/gazetteer.yaml: "Tesla" and "Uber" are companies, not persons."""
    types, _ = run("Tesla hat im Quartal weniger Autos verkauft. Auch Uber meldete einen Rückgang.")
    assert types.get("Tesla") == "organization"
    assert types.get("Uber") in ("organization", None)


@needs_model
def test_gazetteer_products_are_no_persons(run):
    """rules/gazetteer.yaml product: "Corsa", "Zafira", "iPhone" are things (MISC), not persons."""
    types, _ = run("Die drei meistverkauften Opel-Modelle waren Astra, Corsa und Zafira. Mit dem iPhone lässt "
                   "sich das steuern.")
    assert types.get("Corsa") == "other" and types.get("iPhone") == "other"
    assert not {"Corsa", "Zafira", "iPhone"} & {n for n, t in types.items() if t == "person"}


@needs_model
def test_common_word_is_no_person(run):
    """A single word without first name, title or full name that is a known German word is no person."""
    types, _ = run("Freilich kam es anders. Maßgeblich war der Regen.")
    assert not {"Freilich", "Maßgeblich"} & {n for n, t in types.items() if t == "person"}


def test_may_merge_person_with_surname():
    assert may_merge("Merkel", "person", ["PER", "Merkel"], "Angela Merkel", "person", ["PER", "Angela Merkel"])


def test_may_merge_blocks_the_gun_maker():
    """"Merkel Jagd- und Sportwaffen" is no Angela Merkel."""
    assert not may_merge("Merkel", "person", ["PER", "Merkel", "Merkel Jagd- und Sportwaffen"],
                         "Angela Merkel", "person", ["PER", "Angela Merkel"])
    assert not may_merge("Merkel", "person", ["ORG", "Merkel"], "Angela Merkel", "person", ["PER"])
    assert not may_merge("Merkel", "organization", [], "Angela Merkel", "person", [])
    assert not may_merge("Merkel", "person", [], "Angela Scholz", "person", [])


# tests/cases/actors/<rule id>.yaml: a text a person or org rule of rules/actors.yaml fires on, the person
# (organization) actors it must keep and the names that must not be person (organization) actors, or no
# actor at all (pipeline.extract.actors.persons, pipeline.extract.actors.orgs)
CASES = Path(__file__).parent / "cases" / "actors"


def _case_files():
    return sorted(CASES.glob("*.yaml"))


def test_every_person_rule_has_a_case():
    from pipeline.extract.actors import orgs, persons
    rules = load_rules().get("actors")
    ids = set(rules.person_span_rules) | set(rules.person_checks)
    assert ids <= set(persons.SPAN_RULES) | set(persons.CHECKS)
    assert ids <= {p.stem for p in _case_files()}
    assert set(rules.org_rules) <= set(orgs.ORG_RULES)
    assert set(orgs.ORG_RULES) <= {p.stem for p in _case_files()}    # org rules: actors of the case text


@needs_model
@pytest.mark.parametrize("path", _case_files(), ids=lambda p: p.stem)
def test_person_rule_case(run, path):
    import yaml
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    types, _ = run(case["text"])
    persons = {n for n, t in types.items() if t == "person"}
    assert set(case.get("persons", [])) <= persons, (case["rule"], persons)
    assert not set(case.get("not_persons", [])) & persons, (case["rule"], persons)
    organizations = {n for n, t in types.items() if t == "organization"}
    assert set(case.get("organizations", [])) <= organizations, (case["rule"], types)
    assert not set(case.get("not_organizations", [])) & organizations, (case["rule"], types)
    assert not set(case.get("not_actors", [])) & set(types), (case["rule"], types)


def test_person_rule_switched_off_in_yaml(tmp_path):
    """An unknown rule id in person_checks is an error of the rule file."""
    from pipeline.extract.actors.rules import parse_actors
    from pipeline.ruleset import RuleError
    with pytest.raises(RuleError):
        parse_actors({"version": 1, "person_checks": ["no_such_rule"]}, "actors.yaml")


def _mentions(rows):
    """A mentions table of (article_id, mention_id, actor_id, actor_name, text, label) rows, each its own sentence 0."""
    from pipeline.schemas import to_table
    return to_table("mentions", [{"article_id": a, "mention_id": m, "actor_id": i, "actor_name": n, "text": t,
                                  "label": lab, "start": 0, "end": len(t), "sentence": 0}
                                 for a, m, i, n, t, lab in rows])


def test_cross_article_merge_keeps_the_gun_maker_apart():
    """"Merkel Jagd- und Sportwaffen" (an organisation) in one article, Angela Merkel in another: the "Merkel"
    of the gun maker's article is never merged into Angela Merkel; a plain "Merkel" elsewhere is."""
    from pipeline.job.publish import corpus_person_merges
    rows = [("a1", "m1", "org", "Merkel Jagd- und Sportwaffen", "Merkel Jagd- und Sportwaffen", "ORG"),
            ("a1", "m2", "per1", "Merkel", "Merkel", "PER"),
            ("a2", "m3", "am", "Angela Merkel", "Angela Merkel", "PER"),
            ("a3", "m4", "per3", "Merkel", "Merkel", "PER")]
    men = _mentions(rows)
    types = {"org": "organization", "per1": "person", "am": "person", "per3": "person"}
    merges = corpus_person_merges(men, types)
    assert "per1" not in merges and "org" not in merges
    assert merges == {"per3": ("am", "Angela Merkel")}


def test_lowercase_vocabulary_from_the_lexeme_table():
    """Inflected lower-case words the lemma table lacks ("freier", "jene", "gefriert") count as common words
    (the lexeme probability table of spacy-lookups-data); names written capitalised do not ("Merkel")."""
    from pipeline.extract.actors.layer import _lowercase_words, german_words
    if not _lowercase_words():
        pytest.skip("spacy-lookups-data's de_lexeme_prob table is missing")
    lows = german_words()[1]
    assert {"freier", "jene", "gefriert"} <= lows
    assert "merkel" not in lows and "fischer" not in lows


def test_acronym_letters_follow_the_name():
    """org_acronym_alias: the acronym's letters appear in the name in order, the first one first."""
    from pipeline.extract.actors.orgs import _abbreviates, _acronym
    assert _abbreviates("BN", "BUND Naturschutz")
    assert _abbreviates("BAMF", "Bundesamt für Migration und Flüchtlinge")
    assert not _abbreviates("MfS", "Ministerium")
    assert not _abbreviates("CDU", "Angela Merkel")
    assert _acronym("BAMF") and _acronym("MfS") and not _acronym("Bund") and not _acronym("2021")


@needs_model
def test_multi_word_name_with_legal_form_is_found_untagged(run):
    """"Die Schwarze Pumpe AG ... Schwarze Pumpe investiert": the name of several words found with a legal
    form is an organisation mention wherever it occurs (NER leaves the second one untagged), and the same
    actor."""
    types, labels = run("Die Schwarze Pumpe AG baut eine Fabrik in Kiel. Schwarze Pumpe investiert 300 Millionen "
                        "Euro.")
    assert ("Schwarze Pumpe", "ORG") in labels
    assert types.get("Schwarze Pumpe AG") == "organization" and "Schwarze Pumpe" not in types


@needs_model
def test_speech_verb_is_person_evidence(run):
    """", so Löschmann.", "sagte Huber": a name that speaks keeps its person reading (persons.speech_context);
    "-mann" is a surname's ending, no noun suffix, for a PER entity."""
    types, _ = run("Der Projektleiter zog Bilanz. Das Werk bleibt offen, so Löschmann. Die Produktion werde "
                   "steigen, sagte Huber am Montag in Berlin.")
    assert types.get("Löschmann") == "person"
    assert types.get("Huber") == "person"


@needs_model
def test_english_surname_is_no_common_word(run):
    """"Walker" is written capitalised more often than not in English: a name, not the word "walker"."""
    types, _ = run("Den Cocktail mit Whiskey verrühren. Die Polizei verdächtigt Walker der Mittäterschaft.")
    assert types.get("Walker") == "person"


@needs_model
def test_first_name_takes_the_surname_ner_left_out(run):
    """"Für [Erika]PER Ziltener besteht ...": the layer completes the name (layer.complete_person_names)."""
    types, _ = run("Für Erika Ziltener besteht angesichts dieser Lage kein Anlass zur Sorge.")
    assert types.get("Erika Ziltener") == "person"
    assert "Erika" not in types


def test_noun_lemmas_hold_common_nouns_not_surnames():
    """Inflected forms other than a genitive make a common noun ("Pelze"); a surname has only "Merkels"."""
    from pipeline.extract.actors.layer import noun_lemmas
    nouns = noun_lemmas()
    if not nouns:
        pytest.skip("spacy-lookups-data missing")
    assert {"Pelz", "Laterne", "Enzian"} <= nouns
    assert not {"Merkel", "Huber", "Stoiber", "Clara"} & nouns


@needs_model
def test_business_kind_noun_before_name(run):
    """"der Handwerksbäckerei Kleinert": a business noun (-bäckerei, -brauerei, -kanzlei, words.yaml
    org_kind_heads) before a name makes it an organisation, in its other mentions too."""
    types, _ = run("Das Feingebäck stammt von der Handwerksbäckerei Kleinert. Kleinert liefert seit 1950.")
    assert types.get("Kleinert") == "organization"


@needs_model
def test_genitive_full_name_and_its_nominative_are_one_person(run):
    """names_genitive_full_name: "Elon Musks Firma ... Musk sagte": a full name met only (or first) in the genitive and
    the bare surname are one person, named in the nominative; "Ghanis" is the genitive of "Ghani" (a name in -i)."""
    types, labels = run("Laut Medienberichten will Elon Musks Firma Tesla neue Werke bauen. Musk sagte, er sei zufrieden.")
    assert types.get("Elon Musk") == "person" and "Elon Musks" not in types and "Musk" not in types
    assert ("Musk", "PER") in labels
    types, _ = run("Elon Musks Firma baut Autos. Auch Elon Musks zweite Firma wächst. Der Unternehmer Elon Musk sagte "
                   "am Montag, er sei zufrieden. Musk lachte.")
    assert [n for n, t in types.items() if t == "person"] == ["Elon Musk"]
    types, _ = run("Der afghanische Präsident Aschraf Ghani reiste nach Berlin. Ghanis Regierung steht unter Druck. "
                   "Ghani sagte, er sei zuversichtlich.")
    assert [n for n, t in types.items() if t == "person"] == ["Aschraf Ghani"]


@needs_model
def test_genitive_of_a_name_in_i_is_cut_from_its_noun():
    """per_genitive_head: "[Gaddafis Grab]PER" -> "Gaddafis" where the article has "Gaddafi" ("-is" is kept by
    _strip_gen for "Paris", "Tunis"); the person's name is "Gaddafi", never the genitive."""
    from pipeline.nlp import load_nlp
    from pipeline.extract.actors import layer, persons
    from pipeline.extract.actors.mentions import _known_word
    from pipeline.extract.actors.names import _canonical_person, _Person
    from pipeline.records import Mention
    from pipeline.extract.actors.rules import actor_rules
    rules = load_rules()
    doc = load_nlp(str(MODEL_DIR))[0]("Gaddafi ist tot. Die Familie will Gaddafis Grab besuchen. In Paris Hilton ...")
    ctx = layer._person_ctx(rules, [], lambda w: _known_word(w, rules))
    assert persons.per_genitive_head(doc, doc[7:9], ctx) == [(7, 8)]
    assert persons.per_genitive_head(doc, doc[12:14], ctx) is None        # "Paris Hilton": no "Pari"
    p = _Person(mentions=[Mention(0, 8, "Gaddafis", "PER", 0), Mention(9, 16, "Gaddafi", "PER", 0),
                          Mention(20, 28, "Gaddafis", "PER", 0)])
    assert _canonical_person(p, actor_rules(rules)) == "Gaddafi"


@needs_model
def test_lower_case_word_before_a_name_is_no_title(run):
    """has_support: only a capitalised word before a name can be a title or an organisation's name ("Oberst Eck");
    "aus" reads as the genitive of "AU" (Afrikanische Union) to the organisation lexicon and is no evidence."""
    types, _ = run("Die Jeans werden allesamt aus einer besonderen Stoffmischung, bestehend aus Lycra, Polyester und "
                   "Baumwolle gefertigt.")
    assert types.get("Lycra") != "person"


@needs_model
def test_name_met_only_before_its_noun_is_named_in_the_nominative(run):
    """names_prenominal_genitive (resolve._nominative_name): "Stanley Kubricks Film" names "Stanley Kubrick"; a name
    ending in -s that is no genitive keeps it ("Michael Collins lenkte")."""
    types, _ = run("Der Komponist schrieb einige Titel zu Stanley Kubricks Film „2001“. Michael Collins lenkte die Fähre.")
    assert types.get("Stanley Kubrick") == "person" and "Stanley Kubricks" not in types
    assert types.get("Michael Collins") == "person"


@pytest.fixture(scope="module")
def speakers():
    """(speaker text, speaker actor name) of every claim of a text (issue 12, helper auth12)."""
    from pipeline.nlp import load_nlp
    nlp, _ = load_nlp(str(MODEL_DIR))
    rules = load_rules()

    def go(text):
        ex = extract(nlp(text), rules)
        names = {a.key: a.name for a in ex.actors}
        return [(c.speaker_text, names.get(c.speaker_key)) for c in ex.claims]
    return go


@needs_model
@pytest.mark.parametrize("text, expected", [
    ("Die Polizei Köln hat am Montag einen 34-jährigen Mann festgenommen. Ein Polizeisprecher sagte, der Mann sei "
     "der Polizei bereits bekannt gewesen.", [("Ein Polizeisprecher", "Polizei Köln")]),
    ("Die Polizei sucht nach einem Unbekannten, der in Essen eine Tankstelle überfallen hat. Ein Sprecher der Polizei "
     "sagte, der Täter sei mit einem Messer bewaffnet gewesen.", [("Ein Sprecher der Polizei", "Polizei")]),
    ("Die Staatsanwaltschaft München hat Anklage gegen einen 45-Jährigen erhoben. Eine Sprecherin der Behörde sagte, "
     "dem Mann werde Betrug vorgeworfen.", [("Eine Sprecherin der Behörde", "Staatsanwaltschaft München")]),
    ("Das Landgericht Frankfurt hat den Angeklagten zu vier Jahren Haft verurteilt. Ein Gerichtssprecher sagte, das "
     "Urteil sei noch nicht rechtskräftig.", [("Ein Gerichtssprecher", "Landgericht Frankfurt")]),
    ("Die Feuerwehr war mit 40 Einsatzkräften vor Ort. Ein Feuerwehrsprecher sagte, niemand sei verletzt worden.",
     [("Ein Feuerwehrsprecher", "Feuerwehr")]),
    ("Das Bundesinnenministerium prüft den Vorfall. Ein Ministeriumssprecher sagte, man nehme die Vorwürfe sehr ernst.",
     [("Ein Ministeriumssprecher", "Bundesinnenministerium")]),
    ("Die Bundesanwaltschaft hat in Karlsruhe einen mutmaßlichen Terroristen festnehmen lassen. Die Behörde teilte "
     "mit, der Mann habe einen Anschlag geplant.", [("Die Behörde", "Bundesanwaltschaft")]),
    ("Nach Angaben der Polizei wurde der 19-Jährige leicht verletzt.", [("Angaben der Polizei", "Polizei")]),
    ("Das Landratsamt Rosenheim hat die Schule geschlossen. Ein Sprecher des Landratsamts sagte, alle Schüler müssten "
     "getestet werden.", [("Ein Sprecher des Landratsamts", "Landratsamt Rosenheim")]),
    ("Ein Sprecher des Polizeipräsidiums Oberbayern Süd sagte, die Suche werde fortgesetzt.",
     [("Ein Sprecher des Polizeipräsidiums Oberbayern Süd", "Polizeipräsidium Oberbayern Süd")]),
])
def test_authority_spokesperson_speaks_for_it(speakers, text, expected):
    """org_institution (authorities as organisations, the bare noun joined to the one with its place) and the
    claims' speaker_spokesperson / speaker_institution: a spokesperson of the police, a court, a ministry speaks for
    it; "die Behörde" is the authority named before."""
    assert speakers(text) == expected


@needs_model
def test_court_named_before_keeps_the_reference(speakers):
    """"Das Berufungsgericht" after "des Hanseatischen Oberlandesgerichts Hamburg" refers back to it (no actor of its
    own: org_institution._refers_back), so speaker_institution still gives the court's name."""
    got = speakers("Das Urteil des Hanseatischen Oberlandesgerichts Hamburg ist rechtskräftig. Das Berufungsgericht "
                   "hat ausgeführt, die Beklagte hafte für die Inhalte.")
    assert got and got[0][1] is not None and "Oberlandesgericht" in got[0][1]


def test_cross_article_merge_never_joins_entity_types():
    """Cross-article merges join persons only: a place ("Paris") or an organisation ("Bosch") in one article is never
    merged into a person of that surname elsewhere ("Paris Hilton", "Robert Bosch"), nor is a person whose mentions
    were tagged a place or organisation in its article."""
    from pipeline.job.publish import corpus_person_merges
    assert not may_merge("Bosch", "organization", ["ORG"], "Robert Bosch", "person", ["PER"])
    assert not may_merge("Paris", "location", ["LOC"], "Paris Hilton", "person", ["PER"])
    assert not may_merge("Hilton", "person", ["PER", "ORG"], "Paris Hilton", "person", ["PER"])
    rows = [("a1", "m1", "loc", "Hilton", "Hilton", "LOC"),
            ("a2", "m2", "org", "Bosch", "Bosch", "ORG"),
            ("a3", "m3", "ph", "Paris Hilton", "Paris Hilton", "PER"),
            ("a4", "m4", "rb", "Robert Bosch", "Robert Bosch", "PER")]
    men = _mentions(rows)
    types = {"loc": "location", "org": "organization", "ph": "person", "rb": "person"}
    assert corpus_person_merges(men, types) == {}


@needs_model
@pytest.mark.parametrize("text, expected", [
    # gaz15: names of the gazetteer's 'lines:' section (NER alone: persons, places or nothing)
    ("Palfinger und Andritz legten an der Wiener Börse zu, Voestalpine gab nach.",
     {"Palfinger": "organization", "Andritz": "organization", "Voestalpine": "organization"}),
    ("Vaillant baut in Remscheid 700 Stellen ab, teilte der Heizungsbauer mit.",
     {"Vaillant": "organization", "Remscheid": "location"}),
    ("Laut Prognos fehlen bis 2035 rund 1,5 Millionen Fachkräfte.", {"Prognos": "organization"}),
    ("Die Fraktionschefin der Grünliberalen, Tiana Moser, sagte der SonntagsZeitung, man werde zustimmen.",
     {"SonntagsZeitung": "organization", "Tiana Moser": "person"}),
    ("Nach dem Sieg gegen Feyenoord sprach Trainer Xabi Alonso von einem verdienten Erfolg.",
     {"Feyenoord": "organization", "Xabi Alonso": "person"}),
])
def test_gazetteer_lines_give_the_type(run, text, expected):
    """rules/gazetteer.yaml lines: companies (Palfinger, Andritz, Voestalpine, Vaillant), an institute (Prognos), a
    newspaper (SonntagsZeitung) and a club (Feyenoord) are organisations, not persons or unnamed."""
    types, _ = run(text)
    assert {name: types.get(name) for name in expected} == expected


@needs_model
def test_body_noun_acting_keeps_only_acting_bodies():
    """org_body_noun_acting (ent17, GermEval's convention): "Der Stadtrat hat beschlossen" and "nach Angaben des
    Bildungsausschusses" are organisations; "im Parlament" is not (org_body_noun takes all three)."""
    from pipeline.nlp import load_nlp
    from pipeline.extract.actors import orgs
    from pipeline.records import Mention
    nlp, _ = load_nlp(str(MODEL_DIR))
    rules = load_rules()
    doc = nlp("Der Stadtrat hat am Donnerstag mit 38 zu 9 Stimmen beschlossen, das Hallenbad zu schließen. Auch im "
              "Parlament dürfte die Vorlage umstritten sein. Nach Angaben des Bildungsausschusses fehlen 640 Lehrer.")
    mentions = [Mention(e.start_char, e.end_char, e.text, e.label_, 0) for e in doc.ents]
    acting = [doc[s:e].text for s, e, _ in orgs.run_org_rules(doc, rules, mentions, ["org_body_noun_acting"])]
    every = [doc[s:e].text for s, e, _ in orgs.run_org_rules(doc, rules, mentions, ["org_body_noun"])]
    assert acting == ["Stadtrat", "Bildungsausschusses"]
    assert every == ["Stadtrat", "Parlament", "Bildungsausschusses"]


# ----------------------------------------------------------------------------- ent20: person evidence real pages misread
def _persons(run, text):
    types, _ = run(text)
    return {n for n, t in types.items() if t == "person"}


@needs_model
def test_relative_possessive_is_no_title_apposition(run):
    """persons._title_apposition_after: "Für Akkus, deren Besitzer die App nicht nutzen": "deren Besitzer" names the
    owner of the thing before the comma; it is no title in apposition, so no person evidence for "Akkus"."""
    text = ("Der Hersteller hat ein Update angekündigt. Es soll ab April über die App verteilt werden. Für Akkus, "
            "deren Besitzer die App nicht nutzen, will der Hersteller eine Lösung über die Händler anbieten.")
    assert "Akkus" not in _persons(run, text)


@needs_model
def test_article_genitive_is_no_name_owning_the_next_word(run):
    """persons.prenominal_genitive: "des Kaiserslauterer Nähmaschinenherstellers Pfaff": a genitive after an article
    and an adjective is a common noun's, no name's that owns the word after it."""
    text = ("Der Betriebsrat und die Geschäftsleitung des Kaiserslauterer Nähmaschinenherstellers Pfaff haben sich "
            "geeinigt, bis zu 130 der noch übrigen Stellen abzubauen.")
    assert "Nähmaschinenherstellers" not in _persons(run, text)


@needs_model
def test_surname_subject_is_no_fronted_adjective():
    """persons_article.per_fronted_adjective: "Klein wurde stattdessen am 28. September 2009 ... geehrt" (GermEval
    train): no subject of its own follows the verb, so the check leaves "Klein" (the subject, a surname) alone, while
    "Stabil entwickelte sich dagegen der Umschlag" has one ("der Umschlag") and the check drops "Stabil"."""
    from pipeline.extract.actors import layer, persons
    from pipeline.nlp import load_nlp
    nlp, _ = load_nlp(str(MODEL_DIR))
    ctx = layer._person_ctx(load_rules(), [], lambda w: False)
    check = persons.CHECKS["per_fronted_adjective"]
    klein = nlp("Klein wurde stattdessen am 28. September 2009 im Rahmen einer Feier geehrt.")
    stabil = nlp("Mehrere Kunden hätten ihre Lagerbestände abgebaut und Importe aus Skandinavien und Südamerika "
                 "gestreckt. Stabil entwickelte sich dagegen der Umschlag von Agrarprodukten und Futtermitteln.")
    k = next(t.i for t in stabil if t.text == "Stabil")
    assert check(klein, klein[0:1], ctx) is None
    assert check(stabil, stabil[k:k + 1], ctx) == "drop"
