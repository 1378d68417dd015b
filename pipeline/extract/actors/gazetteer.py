"""``rules/gazetteer.yaml``: well-known names and the kind of thing each names (company, media,
party, agency, ngo, sport, city, region, country, product)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pipeline.ruleset import RuleError, rule_file

CATEGORIES = {"company": "ORG", "media": "ORG", "party": "ORG", "agency": "ORG", "ngo": "ORG", "sport": "ORG",
              "city": "LOC", "region": "LOC", "country": "LOC", "product": "MISC"}


@dataclass
class Gazetteer:
    version: int
    names: dict[str, str]          # name as written (and its genitive) -> category

    @cached_property
    def by_first(self) -> dict[str, tuple[str, ...]]:
        """First word -> the names (and genitives) that start with it, longest first. Built at first use, not when
        the rules load (thousands of names: the parse stays cheap for commands that extract nothing)."""
        by_first: dict[str, list[str]] = {}
        for name in sorted(self.names, key=len, reverse=True):
            by_first.setdefault(name.split(" ", 1)[0], []).append(name)
        return {k: tuple(v) for k, v in by_first.items()}

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
    unknown = sorted(set(data) - {"version", "entries", "lines"})
    if unknown:
        raise RuleError(file, None, f"unknown key(s) {unknown}; allowed: ['entries', 'lines', 'version']")
    lines = data.get("lines") or {}
    if not isinstance(lines, dict):
        raise RuleError(file, "lines", "expected a mapping category -> text with one name a line")
    names: dict[str, str] = {}
    for cat, entries in data["entries"].items():
        if not isinstance(entries, list):
            raise RuleError(file, cat, "expected a list of names")
        _add_names(names, cat, entries, file)
    for cat, text in lines.items():
        if not isinstance(text, str):
            raise RuleError(file, f"lines.{cat}", "expected a text with one name a line ('|' block)")
        _add_names(names, cat, _name_lines(text, file, cat), file)
    for name, cat in list(names.items()):
        if not name.endswith(("s", "x", "z", "ß")):
            names.setdefault(name + "s", cat)
    return Gazetteer(version=int(data["version"]), names=names)


def _name_lines(text: str, file: str, cat: str) -> list[str]:
    """The names of a ``lines:`` block: one a line; blank lines and lines starting with ``#`` are skipped. A line
    that looks like a list (a comma and a space, brackets) is an error, not a name."""
    out = []
    for line in text.split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if ", " in line or line[0] in "[-" or line[-1] in "],":
            raise RuleError(file, f"lines.{cat}", f"{line!r}: one name a line (no list syntax)")
        out.append(line)
    return out


def _add_names(names: dict[str, str], cat: Any, entries: list, file: str) -> None:
    if cat not in CATEGORIES:
        raise RuleError(file, str(cat), f"unknown category; allowed: {sorted(CATEGORIES)}")
    for name in entries:
        if not isinstance(name, str) or not name.strip():
            raise RuleError(file, cat, f"{name!r}: names are non-empty strings")
        name = " ".join(name.split())
        if names.get(name, cat) != cat:
            raise RuleError(file, cat, f"{name!r} is listed under {names[name]} as well")
        names[name] = cat
