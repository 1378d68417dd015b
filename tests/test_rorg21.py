"""rorg21 (issue 12): the switches of the twenty-first session's role-organisation rules (roles.yaml patterns). The
cases run on with the committed rules in tests/test_roles_org_rules.py (tests/cases/roles_org/<rule>.yaml); here each
switch is turned off in a copy of the rules and the case's organisation goes back to none."""
import re
import shutil
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.ruleset import RULES_DIR, load_rules

ROOT = Path(__file__).resolve().parents[1]
needs_model = pytest.mark.skipif(not (ROOT / "pipeline" / "models" / "de_news" / "meta.json").exists(),
                                 reason="pipeline/models/de_news missing")

SWITCHES = [   # (rule id, committed line (a regular expression), off line, text, holder, organisation when on)
    ("article_company_far", "  article_company_far: true\n", "  article_company_far: false\n",
     "Wenn Heinrich Albers morgens durch die Halle in Lohne geht, riecht es nach heißem Metall. Hier wird seit 1921 "
     "gegossen. „Ohne Gas läuft hier nichts“, sagt der 58-Jährige. Seit 2003 ist er Geschäftsführer der Eisengießerei "
     "Albers GmbH & Co. KG. 240 Menschen arbeiten im Werk. Die Energiekrise hat den Betrieb hart getroffen. Auch die "
     "Belegschaft ist besorgt. Betriebsratsvorsitzende Sandra Kuhlmann berichtet von vielen Kündigungen.",
     "Sandra Kuhlmann", "Eisengießerei Albers GmbH & Co. KG"),
    ("possessive_skips_seat", re.escape("  possessive_seat_prepositions: [aus]\n"), "  possessive_seat_prepositions: []\n",
     "Unterstützung kam von der Gewerkschaft Verdi aus Hamburg. Deren Landesleiterin Sandra Goldschmidt sagte, die "
     "Lage sei ernst.", "Sandra Goldschmidt", "Verdi"),
    ("government_head_preposition", re.escape("  government_head_prepositions: [von, unter]\n"),
     "  government_head_prepositions: []\n",
     "Die portugiesische Minderheitsregierung unter Ministerpräsident Rui Almeida hat keine Mehrheit mehr im "
     "Parlament.", "Rui Almeida", "Portugal"),
    ("article_government_country", "  article_government_country: true\n", "  article_government_country: false\n",
     "Die griechische Regierung will die Mehrwertsteuer senken. Die Opposition hält das für unbezahlbar. "
     "Finanzminister Nikos Pappas sagte, der Spielraum sei da.", "Nikos Pappas", "Griechenland"),
    ("canton_office", r"  canton_office_titles: \[[^]]*\]\n", "  canton_office_titles: []\n",
     "Der Solothurner Baudirektor, Regierungsrat Peter Frey (FDP), verteidigte den Entscheid.", "Peter Frey",
     "Solothurn"),
    ("kind_name_am", "  kind_name_am: true\n", "  kind_name_am: false\n",
     "An der Grundschule am Rosenhügel in Kassel fällt der Sportunterricht aus. Die Halle ist gesperrt. "
     "Schulleiterin Maria Lang hat umdisponiert.", "Maria Lang", "Grundschule am Rosenhügel"),
    ("kind_name_place", "  kind_name_place: true\n", "  kind_name_place: false\n",
     "Nach einer Serie von Einbrüchen in Landau hat die Polizei zwei Verdächtige festgenommen. Das teilte die "
     "Polizeiinspektion Landau am Montag mit. „Die beiden haben die Beute online verkauft“, sagte Polizeisprecher "
     "Tim Becker.", "Tim Becker", "Polizeiinspektion Landau"),
    ("article_kind_next_row", "  article_kind_next_row: true\n", "  article_kind_next_row: false\n",
     "Bei der Karnevalsgesellschaft Blaue Funken Deutz 1870 e.V. gibt es Streit. Der Vorstand hat den "
     "Sitzungspräsidenten abgesetzt. Die Sitzungen leitet vorerst Vizepräsident Peter Lohmar.", "Peter Lohmar",
     "Karnevalsgesellschaft Blaue Funken Deutz 1870 e.V."),
    ("article_company (rorg21 titles)", re.escape("generaldirektor, prokurist, inhaber, standortleit]"), "generaldirektor]",
     "Die Spedition Karlsen Logistik GmbH eröffnet ein neues Lager in Erfurt. 120 Arbeitsplätze entstehen. "
     "Standortleiter Jonas Haller sagte, man suche noch Personal.", "Jonas Haller", "Spedition Karlsen Logistik GmbH"),
]


def _orgs(nlp, rules, text, holder):
    ex = extract(nlp(text), rules)
    names = {a.key: a.name for a in ex.actors}
    return {r.organization for r in ex.roles if names.get(r.actor_key) == holder}


@needs_model
@pytest.mark.parametrize("rule,on_line,off_line,text,holder,org", SWITCHES, ids=[s[0] for s in SWITCHES])
def test_rorg21_switch(tmp_path, de_news, all_rules_session, rule, on_line, off_line, text, holder, org):
    assert _orgs(de_news, all_rules_session, text, holder) == {org}
    d = tmp_path / "rules"
    shutil.copytree(RULES_DIR, d)
    y = d / "roles.yaml"
    src = y.read_text(encoding="utf-8")
    off = re.sub(on_line, lambda m: off_line, src, count=1)
    assert off != src
    y.write_text(off, encoding="utf-8")
    assert _orgs(de_news, load_rules(d), text, holder) == {None}
