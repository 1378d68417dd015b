"""Actor-role extraction (issue 4): who holds which office, normalized.

Lexicon-driven and token-based, so it works with a weak parse: the rules use
tokens, the role/organisation lexicons (``rules/roles.yaml``,
``rules/organizations.yaml``), sentence boundaries, PER entities and, where the
model has them, POS tags. No dependency parse is needed.

Patterns (rule ids):

* ``title_name``      "US-Vizepräsident J. D. Vance", "dem ukrainischen Präsidenten Wolodymyr Selenskyj"
* ``title_comma_name``"der Ukraine-Sondergesandte der Amerikaner, Keith Kellogg"
* ``apposition``      "Kurt Volker, Nato-Botschafter in Trumps erster Amtszeit"
* ``title_chain``     "Der Vizekanzler und Arbeitsminister Franz Müntefering", "der Oberkommandierende
                      General der US-Streitkräfte im Irak, General George Casey"
* ``predicative``     "Steve Witkoff ist ein Immobilienentwickler", "Neuer Innenminister wird der Schiit X"
* ``als``             "Der Vizepräsident hatte schon als US-Senator ..."
* ``appointment``     "ernannte ihn zum Gesandten für den Nahen Osten"
* ``reference``       "der US-Präsident", "Der Vizepräsident" (a role noun alone, resolved to a known actor)

Role nouns used as references become ``ROLE`` mentions of the actor they refer to.
A reference resolves to the one person already known to hold that title (and
organisation), else, for offices and ranks, to the last-named person when nothing
speaks against it (a conflicting office or organisation, a one-off NER error).

Normalization: ``role`` is the lexicon title (feminine and inflected forms map to
it); hyphen prefixes give the organisation ("US-" -> USA, "Nato-" -> NATO) or are
dropped as topics ("Nahost-"); other compounds keep their word
("Einwanderungsminister") unless the prefix names an organisation
("Mannesmannchef" -> Chef, Mannesmann). The organisation comes from, in rising
precedence: the title's default (Bundeskanzler -> Deutschland), a location prefix,
a possessive ("Israels"), an adjective ("ukrainischen"), an organisation prefix
("CDU-"), a genitive/"von" phrase ("des Auslandsgeheimdienstes CIA", "der Amerikaner").
Status is ``former`` with ehemalig/früher/pensioniert/Ex-/Alt-, phrases such as "in
Trumps erster Amtszeit", past-tense copulas or "als" clauses, and a departure said by the holder's clause
("Nach dem Rücktritt von Bürgermeister X", "hat sich von Trainer X getrennt": :mod:`.departure`, role18).

Package layout (in the order the pipeline runs; where a change goes):

* :mod:`.lexicon`        roles.yaml / organizations.yaml compiled to lookup tables (also ``bindings:``, the
                         order and switches of the binding rules); ``pipeline.extract.lexicon`` re-exports it
* :mod:`.scan`           the title scan: every role noun (a :class:`Hit`) with organisation, status, determiner,
                         number; :mod:`.complement` its genitive/"von" complement
* :mod:`.bindings`       the binding rules, one named function each (``@binding``), tried in roles.yaml order;
                         the rule name is the row's ``rule_id`` (variants say which one in their docstring)
* :mod:`.resolve`        the actor each bound hit refers to
* :mod:`.records`        role rows (:func:`roles`) and holder names NER missed (:func:`name_spans`)
* :mod:`.departure`      rule ``former_by_departure``: the status of a named holder whose clause ends the office
* :mod:`.org_naming`     rule ``org_actor_name`` (rorg19): a row's organisation named by the fuller name of the
                         organisation actor an acronym of it was merged into, in the nominative
* helpers: :mod:`.context` (per-Doc state, the ``roles`` lists of words.yaml), :mod:`.titles` (lexicon analysis
  of a token), :mod:`.names` (person names next to a title), :mod:`.organizations` (organisation
  normalisation), :mod:`.tokens` (small token tests), :mod:`.hits` (the Hit record)

Case files, one per rule_id: ``tests/cases/roles/<rule_id>.yaml`` (``tests/test_roles_cases.py``).
"""
from __future__ import annotations

from .lexicon import ADJ_ENDINGS, Form, OrgLexicon, RoleLexicon, Title  # noqa: F401 (registers parsers)
from .hits import Hit
from .records import name_spans, roles
from .scan import Scan

__all__ = ["roles", "name_spans", "Hit", "Scan"]
