"""Rules ``generic_org_own_title`` and ``generic_org_unresolved_none`` (pipeline/extract/roles/organizations.py,
roles.yaml ``patterns``): an organisation named only by its kind ("des Instituts", "des Unternehmens") is the
organisation of the holder's own earlier title, else (as before) the organisation named last; where nothing names
it, the row has no organisation rather than the kind noun.

Invented sentences through the committed model; every role row is pinned."""
from collections import Counter

import pytest

from pipeline.extract import extract

CASES = [
    # (text, rows (actor, role, organization, rule_id))
    ("Commerzbank-Finanzvorständin Bettina Orlopp wird neue Vorstandschefin des Instituts.",
     [("Bettina Orlopp", "Finanzvorstand", "Commerzbank", "title_name"),
      ("Bettina Orlopp", "Vorstandschef", "Commerzbank", "predicative")]),
    ("Der Juwelier wurde am Montag überfallen. Gegenüber der Presse sagte Thomas Klein, der Geschäftsführer des "
     "Unternehmens, er sei schockiert.",
     [("Thomas Klein", "Geschäftsführer", None, "apposition")]),
    ("Die Lufthansa meldet Rekordzahlen. Gegenüber der Presse sagte Thomas Klein, der Sprecher des Unternehmens, man "
     "sei zufrieden.",
     [("Thomas Klein", "Sprecher", "Lufthansa", "apposition")]),
    # the holder's own earlier title names a party: no party for "des Senders"; unresolved, no context guess either
    ("Der Sender will Anna Weber, Ehefrau des CDU-Generalsekretärs Thomas Strobl, zur Fernsehfilmchefin des Senders "
     "machen.",
     [("Thomas Strobl", "Generalsekretär", "CDU", "title_name"),
      ("Thomas Strobl", "Fernsehfilmchef", None, "appointment")]),
]


@pytest.fixture(scope="module")
def rules(all_rules_session):
    return all_rules_session


@pytest.mark.parametrize("text,rows", CASES, ids=[c[0][:30] for c in CASES])
def test_generic_org(de_news, rules, text, rows):
    ex = extract(de_news(text), rules)
    names = {a.key: a.name for a in ex.actors}
    assert Counter((names.get(r.actor_key), r.role, r.organization, r.rule_id) for r in ex.roles) == Counter(rows)


@pytest.mark.parametrize("switch,text,org", [
    ("generic_org_own_title", CASES[0][0], None),          # (then unresolved: no organisation)
    ("generic_org_unresolved_none", CASES[1][0], "Unternehmen"),
])
def test_switch_off(de_news, roles_switched_off, switch, text, org):
    """Switched off (a copy of the rules): no own-title organisation; the kind noun stays the organisation."""
    ex = extract(de_news(text), roles_switched_off(switch))
    assert org in [r.organization for r in ex.roles]
