"""The web-ingestion rule file ``pipeline/rules/web.yaml``: words, thresholds and site profiles.

Validated when loaded (unknown keys, wrong types, bad regular expressions raise :class:`RuleError` naming the
file and the entry) and registered with :mod:`pipeline.registry`, so ``load_rules`` checks it before a run.
Ingestion reads the packaged file (``PIPELINE_WEB_RULES`` may name another one).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.registry import RuleError, rule_file, strict

RULES_FILE = Path(__file__).resolve().parents[1] / "rules" / "web.yaml"


@dataclass(frozen=True)
class DumpParams:
    length_low: int = 70
    length_high: int = 200
    stopwords_low: float = 0.30
    stopwords_high: float = 0.32
    max_link_density: float = 0.2
    max_heading_distance: int = 200
    min_repeated_pages: int = 2


@dataclass(frozen=True)
class SiteProfile:
    domain: str
    title_suffixes: tuple[str, ...] = ()
    not_authors: tuple[str, ...] = ()
    drop_lines: tuple[str, ...] = ()
    date_selector_classes: tuple[str, ...] = ()

    def drop_patterns(self) -> list[re.Pattern]:
        return [re.compile(p) for p in self.drop_lines]


@dataclass(frozen=True)
class DumpFurniture:
    """web.yaml ``dump_furniture`` (dump17): furniture inside a page dump's article block."""
    on: bool = False
    credit_lines: tuple[re.Pattern, ...] = ()
    credit_tails: tuple[re.Pattern, ...] = ()
    related_label: re.Pattern = re.compile(r"(?!)")
    lines: tuple[re.Pattern, ...] = ()
    newsletter: re.Pattern = re.compile(r"(?!)")
    kicker_openers: frozenset[str] = frozenset()
    article_end: tuple[re.Pattern, ...] = ()
    colon_kickers: bool = False


@dataclass(frozen=True)
class DumpEvidence:
    """web.yaml ``dump_evidence`` (dump19, pipeline/web/dump_evidence.py): dump metadata from page evidence."""
    on: bool = False
    page_signals: tuple = ()            # (name, compiled pattern, where: "top"/"end", lines)
    min_signals: int = 2
    trail_lines: int = 3
    max_trail_items: int = 3
    author_forms: tuple = ()            # (zone: "head"/"end"/"both", compiled pattern with a group "names")
    box_roles: frozenset = frozenset()
    end_lines: int = 6
    prose_chars: int = 150
    datelines: re.Pattern = re.compile("(?!)")
    picture_credits: re.Pattern = re.compile("(?!)")


@dataclass(frozen=True)
class Dump20:
    """web.yaml ``dump20`` (twentieth session): furniture boxes by class words (HTML), dump titles and bylines
    from the page's evidence (pipeline/web/dump20.py)."""
    on: bool = False
    card_classes: tuple[str, ...] = ()      # parts of class words naming a card of another story
    card_words: int = 30                    # words a card may say besides its headline link
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class WebRules:
    not_authors: frozenset[str]
    not_author_words: frozenset[str]
    author_roles: frozenset[str]
    skip_lines: frozenset[str]
    updated_prefixes: tuple[str, ...]
    published_prefixes: tuple[str, ...]
    home_crumbs: frozenset[str]
    title_separators: tuple[str, ...]
    dump: DumpParams
    icon_classes: frozenset[str] = frozenset()
    comment_blocks: frozenset[str] = frozenset()
    drop_line_patterns: tuple[re.Pattern, ...] = ()
    read_more_labels: tuple[str, ...] = ()
    not_published_labels: tuple[re.Pattern, ...] = ()
    share_words: frozenset[str] = frozenset()
    header_ui_words: frozenset[str] = frozenset()
    standfirst_in_body: bool = True
    fill_gaps: bool = True
    br_paragraphs: bool = True
    label_runs: bool = True
    stray_labels: bool = True
    hidden_boxes: bool = True
    form_boxes: bool = True
    card_box_heads: bool = True
    consent_runs: bool = True
    paywall_tail: bool = True
    repeated_paragraphs: bool = True
    doubled_captions: bool = True
    card_counters: bool = True
    card_runs: bool = True
    player_shop_boxes: bool = True
    file_links: bool = True
    author_boxes: bool = True
    subheading_pairs: bool = True
    single_cards: bool = True
    dump_title_on: bool = True
    sign_offs: bool = True
    continued_text: bool = True
    dump_forms_on: bool = True
    not_author_suffixes: tuple[str, ...] = ()
    agencies: frozenset[str] = frozenset()
    boilerplate_lines: tuple[re.Pattern, ...] = ()
    furniture_blocks: frozenset[str] = frozenset()
    section_labels: frozenset[str] = frozenset()
    ad_labels: frozenset[str] = frozenset()
    ad_words: tuple[str, ...] = ()
    comment_headings: tuple[re.Pattern, ...] = ()
    amp_drop_tags: frozenset[str] = frozenset()
    paywall_patterns: tuple[re.Pattern, ...] = ()
    author_box_labels: tuple[re.Pattern, ...] = ()
    sites: tuple[SiteProfile, ...] = field(default_factory=tuple)
    dump_furniture: DumpFurniture = field(default_factory=lambda: DumpFurniture())
    dump_evidence: DumpEvidence = field(default_factory=lambda: DumpEvidence())
    dump20: Dump20 = field(default_factory=lambda: Dump20())
    dump21: Dump20 = field(default_factory=lambda: Dump20())     # dump21: the same form (switch, params)

    def site(self, host: str | None) -> SiteProfile | None:
        """The profile whose domain is ``host`` or a parent domain of it."""
        if not host:
            return None
        host = host.lower().removeprefix("www.")
        for s in self.sites:
            if host == s.domain or host.endswith("." + s.domain):
                return s
        return None


_LISTS = ("not_authors", "not_author_words", "author_roles", "skip_lines", "updated_prefixes",
          "published_prefixes", "home_crumbs", "title_separators", "icon_classes", "comment_blocks",
          "drop_line_patterns", "read_more_labels")
# Switches (true unless web.yaml says false).
_SWITCHES = ("standfirst_in_body", "fill_gaps", "br_paragraphs", "label_runs", "stray_labels", "hidden_boxes",
             "form_boxes", "card_box_heads", "consent_runs", "paywall_tail",
             "repeated_paragraphs", "doubled_captions",
             "card_counters", "card_runs", "player_shop_boxes", "file_links", "author_boxes",
             "subheading_pairs", "single_cards", "dump_title_on", "sign_offs", "continued_text", "dump_forms_on")
# Optional lists (a web.yaml written before they existed stays valid).
_OPTIONAL = ("not_published_labels", "share_words", "not_author_suffixes", "agencies", "boilerplate_lines",
             "furniture_blocks", "section_labels", "ad_labels", "ad_words", "comment_headings", "amp_drop_tags",
             "paywall_patterns", "author_box_labels", "header_ui_words")


def _strings(value: Any, file: str, entry: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RuleError(file, entry, "expected a list of non-empty strings")
    return value


def _patterns(patterns: list[str], file: str, key: str, flags: int = re.I) -> list[re.Pattern]:
    """Compile a web.yaml list of regular expressions (case-insensitive unless ``flags`` says otherwise); a bad one
    fails naming file and key."""
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p, flags))
        except re.error as exc:
            raise RuleError(file, key, f"bad regular expression {p!r}: {exc}") from exc
    return out


def _optional_patterns(data: dict, file: str, key: str) -> list[re.Pattern]:
    """An optional web.yaml list of regular expressions, compiled (none when the key is absent)."""
    return _patterns(_strings(data.get(key) or [], file, key), file, key)


@rule_file("web")
def parse(data: Any, file: str = "web.yaml") -> WebRules:
    if not isinstance(data, dict):
        raise RuleError(file, None, "expected a mapping at the top level")
    allowed = set(_LISTS) | set(_OPTIONAL) | {"dump", "sites", "dump_furniture", "dump_evidence", "dump20",
                                             "dump21", *_SWITCHES}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise RuleError(file, None, f"unknown key(s) {unknown}; allowed: {sorted(allowed)}")
    missing = sorted(allowed - set(data) - set(_OPTIONAL) - set(_SWITCHES))
    switches = {k: data.get(k, True) for k in _SWITCHES}
    for k, v in switches.items():
        if not isinstance(v, bool):
            raise RuleError(file, k, f"expected true or false, got {v!r}")
    if missing:
        raise RuleError(file, None, f"missing key(s) {missing}")
    lists = {k: _strings(data[k], file, k) for k in _LISTS}
    line_patterns = _patterns(lists["drop_line_patterns"], file, "drop_line_patterns")
    not_published = _optional_patterns(data, file, "not_published_labels")
    boilerplate = _optional_patterns(data, file, "boilerplate_lines")
    dump = strict(DumpParams, data["dump"], file, "dump")
    for f in ("length_low", "length_high", "max_heading_distance", "min_repeated_pages"):
        if not isinstance(getattr(dump, f), int) or getattr(dump, f) < 0:
            raise RuleError(file, f"dump.{f}", "expected a non-negative integer")
    for f in ("stopwords_low", "stopwords_high", "max_link_density"):
        v = getattr(dump, f)
        if not isinstance(v, (int, float)) or not 0 <= v <= 1:
            raise RuleError(file, f"dump.{f}", "expected a number between 0 and 1")
    sites = []
    if not isinstance(data["sites"], list):
        raise RuleError(file, "sites", "expected a list of site profiles")
    for i, raw in enumerate(data["sites"]):
        entry = f"sites[{i}]" + (f" ({raw.get('domain')})" if isinstance(raw, dict) else "")
        prof = strict(SiteProfile, raw, file, entry)
        if not isinstance(prof.domain, str) or not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", prof.domain):
            raise RuleError(file, entry, f"domain must be a host name like 'tagesschau.de', got {prof.domain!r}")
        vals = {}
        for f in ("title_suffixes", "not_authors", "drop_lines", "date_selector_classes"):
            vals[f] = tuple(_strings(list(getattr(prof, f)), file, f"{entry}.{f}"))
        for p in vals["drop_lines"]:
            try:
                re.compile(p)
            except re.error as exc:
                raise RuleError(file, f"{entry}.drop_lines", f"bad regular expression {p!r}: {exc}") from exc
        sites.append(SiteProfile(prof.domain, **vals))
    low = lambda xs: frozenset(x.casefold() for x in xs)  # noqa: E731
    return WebRules(
        not_authors=low(lists["not_authors"]), not_author_words=low(lists["not_author_words"]),
        author_roles=low(lists["author_roles"]), skip_lines=low(lists["skip_lines"]),
        updated_prefixes=tuple(x.casefold() for x in lists["updated_prefixes"]),
        published_prefixes=tuple(x.casefold() for x in lists["published_prefixes"]),
        home_crumbs=low(lists["home_crumbs"]), title_separators=tuple(lists["title_separators"]),
        dump=dump, sites=tuple(sites), icon_classes=low(lists["icon_classes"]),
        comment_blocks=low(lists["comment_blocks"]), drop_line_patterns=tuple(line_patterns),
        read_more_labels=tuple(x.casefold() for x in lists["read_more_labels"]),
        not_published_labels=tuple(not_published),
        share_words=low(_strings(data.get("share_words") or [], file, "share_words")),
        header_ui_words=low(_strings(data.get("header_ui_words") or [], file, "header_ui_words")),
        **switches,
        not_author_suffixes=tuple(x.casefold() for x in _strings(data.get("not_author_suffixes") or [], file,
                                                                  "not_author_suffixes")),
        agencies=low(_strings(data.get("agencies") or [], file, "agencies")),
        boilerplate_lines=tuple(boilerplate),
        furniture_blocks=low(_strings(data.get("furniture_blocks") or [], file, "furniture_blocks")),
        section_labels=low(_strings(data.get("section_labels") or [], file, "section_labels")),
        ad_labels=low(_strings(data.get("ad_labels") or [], file, "ad_labels")),
        ad_words=tuple(x.casefold() for x in _strings(data.get("ad_words") or [], file, "ad_words")),
        comment_headings=tuple(_optional_patterns(data, file, "comment_headings")),
        amp_drop_tags=low(_strings(data.get("amp_drop_tags") or [], file, "amp_drop_tags")),
        paywall_patterns=tuple(_optional_patterns(data, file, "paywall_patterns")),
        author_box_labels=tuple(_optional_patterns(data, file, "author_box_labels")),
        dump_furniture=_dump_furniture(data.get("dump_furniture"), file),
        dump_evidence=_dump_evidence(data.get("dump_evidence"), file),
        dump20=_dump20(data.get("dump20"), file), dump21=_dump20(data.get("dump21"), file, "dump21"))


def _dump20(data: Any, file: str, key: str = "dump20") -> Dump20:
    """web.yaml ``dump20`` (twentieth session): ``enabled``, ``card_classes``, ``card_words`` and the dump rules'
    forms (kept as given: lists of strings or regular expressions, numbers)."""
    if data is None:
        return Dump20()
    if not isinstance(data, dict) or not isinstance(data.get("enabled", False), bool):
        raise RuleError(file, key, "expected a mapping with enabled: true|false")
    words = data.get("card_words", 30)
    if not isinstance(words, int) or words < 0:
        raise RuleError(file, f"{key}.card_words", "expected a non-negative integer")
    params = {k: v for k, v in data.items() if k not in ("enabled", "card_classes", "card_words")}
    for k, v in params.items():
        if isinstance(v, list):
            params[k] = tuple(_strings(v, file, f"{key}.{k}"))
        elif not isinstance(v, (int, float)) or isinstance(v, bool):
            raise RuleError(file, f"{key}.{k}", "expected a list of strings or a number")
    classes = tuple(x.casefold() for x in _strings(data.get("card_classes") or ["-"], file, f"{key}.card_classes"))
    return Dump20(on=data.get("enabled", False), card_classes=classes, card_words=words, params=params)


def _dump_evidence(data: Any, file: str) -> DumpEvidence:
    """web.yaml ``dump_evidence`` (dump19): ``enabled``, ``min_signals``, ``page_signals``."""
    if data is None:
        return DumpEvidence()
    key = "dump_evidence"
    if not isinstance(data, dict):
        raise RuleError(file, key, "expected a mapping")
    known = {"enabled", "page_signals", "min_signals", "trail_lines", "max_trail_items", "author_forms",
             "box_roles", "end_lines", "datelines", "picture_credits", "prose_chars"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise RuleError(file, key, f"unknown key(s) {unknown}")
    for k in ("min_signals", "trail_lines", "max_trail_items", "end_lines", "prose_chars"):
        if not isinstance(data.get(k, 2), int) or data.get(k, 2) < 1:
            raise RuleError(file, f"{key}.{k}", "expected a positive integer")
    if not isinstance(data.get("enabled", False), bool):
        raise RuleError(file, f"{key}.enabled", "expected true or false")
    return DumpEvidence(on=data.get("enabled", False), page_signals=_page_signals(data, file),
                        min_signals=data.get("min_signals", 2), trail_lines=data.get("trail_lines", 3),
                        max_trail_items=data.get("max_trail_items", 3), author_forms=_author_forms(data, file),
                        box_roles=frozenset(x.casefold() for x in _strings(data.get("box_roles") or ["-"], file,
                                                                            "dump_evidence.box_roles")),
                        end_lines=data.get("end_lines", 6), prose_chars=data.get("prose_chars", 150), datelines=_alternation(data, file, "datelines", 0),
                        picture_credits=_alternation(data, file, "picture_credits", 0))


def _alternation(data: dict, file: str, name: str, flags: int) -> re.Pattern:
    """``dump_evidence.<name>``: a list of regular expressions as one (none: matches nothing)."""
    entry = f"dump_evidence.{name}"
    pats = _patterns(_strings(data.get(name) or ["(?!)"], file, entry), file, entry, flags)
    return re.compile("|".join(f"(?:{p.pattern})" for p in pats), flags)


def _author_forms(data: dict, file: str) -> tuple:
    """``dump_evidence.author_forms``: a list of {zone: head|end|both, pattern: regex with a group ``names``}
    (case-sensitive: names are capitalised)."""
    key = "dump_evidence.author_forms"
    out = []
    for n, spec in enumerate(data.get("author_forms") or []):
        entry = f"{key}[{n}]"
        if not isinstance(spec, dict) or spec.get("zone") not in ("head", "end", "both"):
            raise RuleError(file, entry, "expected {zone: head|end|both, pattern: ...}")
        pat = _patterns(_strings([spec.get("pattern")], file, entry), file, entry, 0)[0]
        if "names" not in pat.groupindex:
            raise RuleError(file, entry, "the pattern needs a group (?P<names>...)")
        out.append((spec["zone"], pat))
    return tuple(out)


def _page_signals(data: dict, file: str) -> tuple:
    """``dump_evidence.page_signals``: name -> {where: top|end, lines: N, patterns: [regex, ...]}."""
    key = "dump_evidence.page_signals"
    out = []
    for name, spec in (data.get("page_signals") or {}).items():
        if not isinstance(spec, dict) or spec.get("where") not in ("top", "end") \
                or not isinstance(spec.get("lines"), int):
            raise RuleError(file, f"{key}.{name}", "expected {where: top|end, lines: N, patterns: [...]}")
        pats = _patterns(_strings(spec.get("patterns"), file, f"{key}.{name}"), file, f"{key}.{name}")
        out.append((name, re.compile("|".join(f"(?:{x.pattern})" for x in pats), re.I), spec["where"], spec["lines"]))
    return tuple(out)


def _dump_furniture(data: Any, file: str) -> DumpFurniture:
    """web.yaml ``dump_furniture`` (dump17): ``enabled`` (switch), ``credit_lines``, ``credit_tails``, ``lines`` and
    ``newsletter`` (regular expressions; ``credit_*`` case-sensitive), ``related_labels`` (phrases, one
    alternation matched at a line's start)."""
    if data is None:
        return DumpFurniture()
    key = "dump_furniture"
    if not isinstance(data, dict):
        raise RuleError(file, key, "expected a mapping")
    unknown = sorted(set(data) - {"enabled", "credit_lines", "credit_tails", "related_labels", "lines", "newsletter",
                          "kicker_openers", "article_end", "colon_kickers"})
    if unknown:
        raise RuleError(file, key, f"unknown key(s) {unknown}")
    for switch in ("enabled", "colon_kickers"):
        if not isinstance(data.get(switch, switch == "enabled"), bool):
            raise RuleError(file, f"{key}.{switch}", "expected true or false")

    def pats(name: str, flags: int = re.I) -> tuple[re.Pattern, ...]:
        entry = f"{key}.{name}"
        return tuple(_patterns(_strings(data.get(name) or [], file, entry), file, entry, flags))

    labels = _strings(data.get("related_labels") or ["(?!)"], file, f"{key}.related_labels")
    news = pats("newsletter")
    return DumpFurniture(
        on=data.get("enabled", True), credit_lines=pats("credit_lines", 0), credit_tails=pats("credit_tails", 0),
        related_label=re.compile(r"^(?:" + "|".join(labels) + r")(?=$|[\s:–|-]|(?-i:[A-ZÄÖÜ„»]))", re.I), lines=pats("lines") + news,
        newsletter=re.compile("|".join(p.pattern for p in news) or "(?!)", re.I),
        kicker_openers=frozenset(x.casefold() for x in _strings(data.get("kicker_openers") or ["-"], file,
                                                                 f"{key}.kicker_openers")),
        article_end=pats("article_end"), colon_kickers=data.get("colon_kickers", False))


@lru_cache(maxsize=4)
def _load(path: str) -> WebRules:
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(p.name, None, f"cannot read: {exc}") from exc
    return parse(data, p.name)


def web_rules(path: str | Path | None = None) -> WebRules:
    """The web rules (cached): ``path``, else ``$PIPELINE_WEB_RULES``, else the packaged file."""
    return _load(str(path or os.environ.get("PIPELINE_WEB_RULES") or RULES_FILE))
