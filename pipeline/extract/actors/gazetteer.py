"""``rules/gazetteer.yaml``: well-known names and the kind of thing each names (company, media,
party, agency, ngo, sport, city, region, country, product)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.ruleset import RuleError, rule_file

CATEGORIES = {"company": "ORG", "media": "ORG", "party": "ORG", "agency": "ORG", "ngo": "ORG", "sport": "ORG",
              "city": "LOC", "region": "LOC", "country": "LOC", "product": "MISC"}


@dataclass
class Gazetteer:
    version: int
    names: dict[str, str]          # name as written (and its genitive) -> category
    by_first: dict[str, tuple[str, ...]]   # first word -> the names (and genitives) that start with it

    def category(self, text: str) -> str | None:
        text = " ".join(text.split())
        return self.names.get(text)

    def label(self, text: str) -> str | None:
        """NER label (ORG, LOC, or MISC for a product) of a listed name or its genitive, else None."""
        cat = self.category(text)
        return CATEGORIES[cat] if cat else None


@rule_file("gazetteer")
def parse_gazetteer(data: Any, file: str) -> Gazetteer:
    if not isinstance(data, dict) or "version" not in data or not isinstance(data.get("entries"), dict):
        raise RuleError(file, None, "expected a mapping with 'version' and 'entries' (category -> names)")
    unknown = sorted(set(data) - {"version", "entries"})
    if unknown:
        raise RuleError(file, None, f"unknown key(s) {unknown}; allowed: ['entries', 'version']")
    names: dict[str, str] = {}
    for cat, entries in data["entries"].items():
        if cat not in CATEGORIES:
            raise RuleError(file, str(cat), f"unknown category; allowed: {sorted(CATEGORIES)}")
        if not isinstance(entries, list):
            raise RuleError(file, cat, "expected a list of names")
        for name in entries:
            if not isinstance(name, str) or not name.strip():
                raise RuleError(file, cat, f"{name!r}: names are non-empty strings")
            name = " ".join(name.split())
            if names.get(name, cat) != cat:
                raise RuleError(file, cat, f"{name!r} is listed under {names[name]} as well")
            names[name] = cat
    for name, cat in list(names.items()):
        if not name.endswith(("s", "x", "z", "ß")):
            names.setdefault(name + "s", cat)
    by_first: dict[str, list[str]] = {}
    for name in sorted(names, key=lambda n: -len(n)):          # longest first
        by_first.setdefault(name.split()[0], []).append(name)
    return Gazetteer(version=int(data["version"]), names=names,
                     by_first={k: tuple(v) for k, v in by_first.items()})
