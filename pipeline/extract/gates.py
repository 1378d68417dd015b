"""Exact gates in front of rule families (issue 16, speed20).

A gate skips a rule where the rule's own first test already decides that it gives nothing: a person check
whose first statement returns None for a name of several words (or of one), or for a name with person
evidence, is not called for such a name. Every gate is exact (the output is the same with and without it;
``tests/test_speed20.py`` checks both on real text and checks each gate's table against the rule code).
``ungated()`` switches gates off, for those tests and for timing the difference."""
from __future__ import annotations

from contextlib import contextmanager

ENABLED: dict[str, bool] = {"person_checks": True, "verb_sites": True, "sentence_rules": True}


def on(name: str) -> bool:
    return ENABLED.get(name, False)


@contextmanager
def ungated(*names: str):
    """Within the block the named gates (all when none is named) are off."""
    keys = names or tuple(ENABLED)
    old = {k: ENABLED[k] for k in keys}
    try:
        for k in keys:
            ENABLED[k] = False
        yield
    finally:
        ENABLED.update(old)
