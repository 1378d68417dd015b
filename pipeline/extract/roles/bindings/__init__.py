"""Binding rules: how the holder of each title hit is found (the ``rule_id`` of a role row).

One named function per rule (registry: :mod:`.registry`), their order and on/off switches in
``pipeline/rules/roles.yaml`` (``bindings:``):

* :mod:`.named`        quoted_title, organization_name, title_name, apposition, title_comma_name
* :mod:`.predicative`  predicative_reverse, predicative_pronoun, predicative_definite, predicative, predicative_relative
* :mod:`.clauses`      als, appointment, office, reference
* :mod:`.coordination` (passes over all hits) apposition_coordinated, coordinated, title_chain
"""
from __future__ import annotations

from . import clauses, coordination, named, predicative  # noqa: F401 (register the rules)
from .registry import BINDINGS, Binding, Site, bind_patterns, binding

_bind_patterns = bind_patterns

__all__ = ["BINDINGS", "Binding", "Site", "bind_patterns", "binding"]
