"""Rules ``reference_equivalent_before`` and ``reference_complement_no_recent`` (pipeline/extract/roles/resolve.py,
roles.yaml ``patterns``): a role noun alone refers back, never forward, to the holder of an equivalent title ("Der
Fußballspieler" is not the "Spieler Martin Stranzl" named after it); a role noun with its own genitive/"von"
complement out of subject position ("durch den geistigen Führer der Islamischen Republik Iran") is a description of
its own, not the last-named person; in subject position it still continues the topic ("Der Senator von Delaware").

Invented sentences through the committed model; every role row and ROLE mention is pinned."""
from collections import Counter

import pytest

from pipeline.extract import extract

CASES = [
    # (text, {actor: [ROLE mention texts]}, rows (actor, role, organization, rule_id))
    ("Der Torwart des SV Werder Bremen, Andreas Reinke, wurde am Abend schwer verletzt. Der Fußballspieler wurde "
     "sofort in ein Krankenhaus gebracht. Er war mit dem Stuttgarter Spieler Martin Stranzl zusammengeprallt.",
     {},
     [("Andreas Reinke", "Torwart", "SV Werder Bremen", "title_comma_name"),
      ("Martin Stranzl", "Spieler", "Stuttgart", "title_name")]),
    ("Der unterlegene Kandidat Mohsen Rezai hatte protestiert. Das Gremium handelte nach einer Anweisung durch den "
     "geistigen Führer der Islamischen Republik Iran.",
     {},
     [("Mohsen Rezai", "Kandidat", None, "title_name")]),
    ("Joe Biden ist nun Kandidat von Barack Obama. Der Senator von Delaware ist einer der Dienstältesten seines Amtes.",
     {"Joe Biden": ["Senator von Delaware"]},
     [("Joe Biden", "Kandidat", None, "predicative"), ("Joe Biden", "Senator", "Delaware", "reference")]),
]


@pytest.fixture(scope="module")
def rules(all_rules_session):
    return all_rules_session


@pytest.mark.parametrize("text,mentions,rows", CASES, ids=[c[0][:30] for c in CASES])
def test_reference_order(de_news, rules, text, mentions, rows):
    ex = extract(de_news(text), rules)
    names = {a.key: a.name for a in ex.actors}
    got = {a.name: [m.text for m in a.mentions if m.label == "ROLE"] for a in ex.actors}
    assert {k: v for k, v in got.items() if v} == mentions
    assert Counter((names.get(r.actor_key), r.role, r.organization, r.rule_id) for r in ex.roles) == Counter(rows)


@pytest.mark.parametrize("switch,text,role_mentions", [
    ("reference_equivalent_before", CASES[0][0], ["Fußballspieler"]),
    ("reference_complement_no_recent", CASES[1][0], ["Führer der Islamischen Republik Iran"]),
])
def test_switch_off(de_news, roles_switched_off, switch, text, role_mentions):
    """Switched off (a copy of the rules), the role noun goes to the person as before the rule."""
    ex = extract(de_news(text), roles_switched_off(switch))
    assert [m.text for a in ex.actors for m in a.mentions if m.label == "ROLE"] == role_mentions


def test_deputy_is_not_the_office_holder(de_news, rules):
    """Rule ``reference_deputy_group``: "seinen Vize-Außenminister" is not the Außenministerin named before."""
    ex = extract(de_news("Außenministerin Condoleezza Rice reist nach Peking. China wird seinen Vize-Außenminister "
                         "entsenden."), rules)
    names = {a.key: a.name for a in ex.actors}
    assert [(names.get(r.actor_key), r.role, r.organization, r.rule_id) for r in ex.roles] == [
        ("Condoleezza Rice", "Außenminister", None, "title_name")]
    assert [m.text for a in ex.actors for m in a.mentions if m.label == "ROLE"] == []
