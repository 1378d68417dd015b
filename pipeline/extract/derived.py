"""Values derived from rule objects (Matchers, indexes, memos), built once per object and kept beside it."""
from __future__ import annotations

import weakref
from typing import Any, Callable

_DERIVED: dict[int, tuple[weakref.ref, dict[str, Any]]] = {}


def derived(obj: Any, name: str, build: Callable[[], Any]) -> Any:
    """A value derived from the rule object ``obj`` (an index, a memo), built once per object and kept
    beside it rather than on it, so that rule objects stay plain data (picklable as loaded)."""
    key = id(obj)
    entry = _DERIVED.get(key)
    if entry is None or entry[0]() is not obj:
        entry = (weakref.ref(obj, lambda _ref, key=key: _DERIVED.pop(key, None)), {})
        _DERIVED[key] = entry
    values = entry[1]
    if name not in values:
        values[name] = build()
    return values[name]
