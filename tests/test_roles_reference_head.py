"""Rule ``reference_compound_head`` (pipeline/extract/roles/resolve.py, roles.yaml
``patterns.reference_compound_head``): a definite role noun alone ("Der Trainer sagte") refers to the person
introduced before with that noun or a compound ending in it ("Cheftrainer Julian Nagelsmann"), only where the
nearest such title before it is that person's and no other person before it holds one.

These tests pin the ROLE mention the reference adds to the actor (what claims use to find the speaker of "Der
Sprecher sagte") and every role row: since rule ``reference_compound_head_title`` the reference's row names the
antecedent's office ("Der Trainer" -> Cheftrainer, a second row of the same tuple) instead of a generic title the
compound would subsume."""
from collections import Counter

import pytest

from pipeline.extract import extract
from pipeline.ruleset import load_rules

CASES = [
    # (text, {actor: [ROLE mention texts]}, rows (actor, role, organization))
    ("Cheftrainer Julian Nagelsmann stellte die Aufstellung vor. Der Trainer sagte, er sei zufrieden.",
     {"Julian Nagelsmann": ["Trainer"]},
     [("Julian Nagelsmann", "Cheftrainer", None)] * 2),
    ("Polizeisprecher Thomas Müller bestätigte den Einsatz. Der Sprecher sagte, niemand sei verletzt worden.",
     {"Thomas Müller": ["Sprecher"]},
     [("Thomas Müller", "Polizeisprecher", None)] * 2),
    ("Bayerns Innenminister Joachim Herrmann forderte mehr Polizei. Der Minister sagte, die Lage sei angespannt.",
     {"Joachim Herrmann": ["Minister"]},
     [("Joachim Herrmann", "Innenminister", "Bayern")] * 2),
    # the nearest "Sprecher" before is unnamed: the reference is that one, not the government spokesman
    ("Regierungssprecher Steffen Hebestreit äußerte sich am Morgen. Ein Sprecher des Innenministeriums erklärte "
     "später, man prüfe den Fall. Der Sprecher fügte hinzu, es gebe keine Gefahr.",
     {},
     [("Steffen Hebestreit", "Regierungssprecher", None)]),
    # two persons with a "-minister" title before: ambiguous
    ("Innenministerin Nancy Faeser und Finanzminister Christian Lindner stellten den Plan vor. Der Minister sagte, "
     "das Geld sei da.",
     {},
     [("Nancy Faeser", "Innenminister", "Deutschland"), ("Christian Lindner", "Finanzminister", "Deutschland")]),
    # a deputy is not "der Präsident"; "der Präsident" is not the Ministerpräsident (reference_compound_head_excluded)
    ("Ministerpräsident Markus Söder reiste nach Berlin. Der Präsident empfing ihn.",
     {},
     [("Markus Söder", "Ministerpräsident", None)]),
    # "der Anwalt" is not the Staatsanwalt; "der Vorstand" is the board (reference_compound_head_excluded*)
    ("Oberstaatsanwalt Martin Meier erhob Anklage. Der Anwalt des Angeklagten sprach von einem Fehler.",
     {},
     [("Martin Meier", "Oberstaatsanwalt", None)]),
    # the other grammatical gender: another person
    ("Die Innenministerin Nancy Faeser stellte den Plan vor. Der Minister sagte, das sei gut.",
     {},
     [("Nancy Faeser", "Innenminister", "Deutschland")]),
    # "die" + a masculine title is a plural ("Die Minister, die ..."), even where the tagger says singular
    ("Justizminister Marco Buschmann legte einen Entwurf vor. Die Minister der Länder lehnten ihn ab.",
     {},
     [("Marco Buschmann", "Justizminister", "Deutschland")]),
]


@pytest.fixture(scope="module")
def rules(all_rules_session):
    return all_rules_session


@pytest.mark.parametrize("text,mentions,rows", CASES, ids=[c[0][:30] for c in CASES])
def test_reference_compound_head(de_news, rules, text, mentions, rows):
    ex = extract(de_news(text), rules)
    names = {a.key: a.name for a in ex.actors}
    got_mentions = {a.name: [m.text for m in a.mentions if m.label == "ROLE"] for a in ex.actors}
    assert {k: v for k, v in got_mentions.items() if v} == mentions
    assert Counter((names.get(r.actor_key), r.role, r.organization) for r in ex.roles) == Counter(rows)


def test_switch_off(de_news, roles_switched_off):
    """``reference_compound_head: false`` leaves "Der Trainer" unresolved (a copy of the rules, switched off)."""
    ex = extract(de_news("Cheftrainer Julian Nagelsmann stellte die Aufstellung vor. Der Trainer sagte, er sei "
                         "zufrieden."), roles_switched_off("reference_compound_head"))
    assert [m.text for a in ex.actors for m in a.mentions if m.label == "ROLE"] == []


def test_excluded_titles_are_validated(tmp_path):
    """An unknown title in ``reference_compound_head_excluded`` is a load error naming the key."""
    import shutil
    from pipeline.ruleset import RULES_DIR, RuleError
    d = tmp_path / "rules"
    shutil.copytree(RULES_DIR, d)
    y = d / "roles.yaml"
    y.write_text(y.read_text(encoding="utf-8").replace("reference_compound_head_excluded_heads: [Vorstand,",
                                                       "reference_compound_head_excluded_heads: [Vorstandd,"),
                 encoding="utf-8")
    with pytest.raises(RuleError, match="reference_compound_head_excluded_heads"):
        load_rules(d)
