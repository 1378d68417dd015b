"""The person checks' guards (issue 16, speed20): which checks can change a PER name of one word, of several
words, or one with person evidence.

Most checks of ``actors.yaml`` ``person_checks`` start with ``if len(sp) != 1 or has_support(doc, sp, ctx): return
None`` (or ``len(sp) < 2``, or ``has_support(..., speech=False)``). :data:`CHECK_GUARDS` lists, per check id, the
(size, support) its first test returns None for: size 1 = only a name of one word can fire it, 2 = only a name of
two words or more; support True / False = a name with person evidence (:func:`~.persons.has_support` with /
without speech context) never fires it; None = no such guard. A check not listed runs on every name.
``tests/test_speed20.py`` derives the guards from each check's code (its first statement) and compares them with
this table: a check whose first test changes must change its entry here (or lose it)."""
from __future__ import annotations

CHECK_GUARDS: dict[str, tuple[int | None, bool | None]] = {
    "per_possessive_name": (2, None),
    "per_title_field": (1, None),
    "per_title_surname_article": (1, None),
    "per_feminine_agent_noun": (1, False),
    "per_club_with_place": (2, True),
    "per_common_words": (2, True),
    "per_not_a_name_word": (1, True),
    "per_place_word": (1, True),
    "per_common_noun": (1, True),
    "per_deadjectival_noun": (1, True),
    "per_after_bare_adjective": (1, True),
    "per_article_noun_use": (1, True),
    "per_place_preposition": (None, True),
    "per_nominalised_adjective": (1, True),
    "per_quoted_word": (None, True),
    "per_coordinated": (None, True),
    "per_english_word": (1, True),
    "per_org_word": (2, True),
    "per_demonym": (1, True),
    "per_camel_case": (1, True),
    "per_district": (2, True),
    "per_adjective_lead": (2, True),
    "per_speaking_compound": (1, False),
    "per_place_compound": (1, True),
    "per_dash_pair": (None, True),
    "per_place_kind": (None, True),
    "per_route": (None, True),
    "per_definite_noun": (1, None),
    "per_noun_hyphen_compound": (None, False),
    "per_predicate_kind": (None, False),
    "per_calendar_word": (1, False),
    "per_disease_word": (1, False),
    "per_fused_article": (1, False),
    "per_open_gold_nonperson": (None, False),
    "per_frequent_noun": (1, True),
}

_PLANS: dict = {}


def check_plan(order, one_word: bool) -> tuple[tuple[str, bool | None], ...]:
    """The checks of ``order`` that can fire on a name of one word (``one_word``) or of several, in order, each
    with the support guard (None: none) the runner tests before calling it. Kept per order and size."""
    key = (tuple(order), one_word)
    plan = _PLANS.get(key)
    if plan is None:
        size = 1 if one_word else 2
        plan = _PLANS[key] = tuple((rid, CHECK_GUARDS.get(rid, (None, None))[1]) for rid in order
                                   if CHECK_GUARDS.get(rid, (None, None))[0] in (None, size))
    return plan
