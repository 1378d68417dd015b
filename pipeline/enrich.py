"""Clean columns computed after extraction: pure functions over one article's claim and role rows.

Called where the rows are built (:mod:`pipeline.job.rows`), so the columns are in the row store and in
every published version. Nothing here reads a Doc; everything is derived from the row itself, the
article row and the speaker's actor type.

- ``content``: the proposition alone (no quotation marks, no leading "dass"/"ob", no speaker or cue
  when the claim span contains them, no final full stop);
- ``effective_date``: the claim's date when the text gives one, else the article's publication date
  (its calendar date in Europe/Berlin, so a date-only "2025-02-14" stays the 14th), with
  ``date_source`` saying which;
- ``speaker_kind``: person, organization (the speaker actor's type; without an actor, a speaker whose
  words name an institution, "Bundesinnenministerium", "das Berufungsgericht", or people, "Forschende"),
  anonymous (a source that names nobody: "Angaben aus Teilnehmerkreisen", "US-Medien"), unresolved (no
  speaker found, a pronoun, or a definite noun phrase of neither kind that was not resolved: "er");
- ``confidence``: the precision of the row's rule measured on the dev pages of the modern-news gold
  (``pipeline/rule_precision.yaml``, refreshed by ``python -m pipeline.rule_precision``);
- ``parent_claim_id``: a claim whose span lies inside another claim of the same article (a partial
  quote inside an indirect claim) points to the smallest claim containing it.

The word lists are data in ``pipeline/enrich.yaml``.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

HERE = Path(__file__).resolve().parent
WORDS_FILE = HERE / "enrich.yaml"
PRECISION_FILE = HERE / "rule_precision.yaml"
LOCAL_TZ = ZoneInfo("Europe/Berlin")

_QUOTES = "„“”\"«»‹›"
_WS = re.compile(r"\s+")
_EDGE = " ,;:–—-"


def _load_yaml(path):
    """``yaml.safe_load`` of a file with libyaml's loader where PyYAML has it (the rule files' loader): a worker
    process reads these files at its first article, ~7 ms each with the pure-Python loader (speed21)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=1)
def words() -> dict:
    d = _load_yaml(WORDS_FILE) or {}
    return {k: [str(w).casefold() for w in v] for k, v in d.items()}


@lru_cache(maxsize=1)
def precision_table() -> dict:
    """``{"claims": {rule_id: {...}}, "roles": {...}, "default": {"claims": p, "roles": p}}``."""
    if not PRECISION_FILE.exists():
        return {"claims": {}, "roles": {}, "default": {}}
    return _load_yaml(PRECISION_FILE) or {}


def confidence(table: str, rule_id: str | None) -> float | None:
    """Precision of ``rule_id`` on the dev gold; a rule with fewer than ``min_n`` scored rows (or none)
    gets the precision of all rows of the table."""
    t = precision_table()
    e = (t.get(table) or {}).get(rule_id)
    min_n = t.get("min_n", 5)
    if e is not None and e.get("n", 0) >= min_n:
        return round(float(e["precision"]), 3)
    d = (t.get("default") or {}).get(table)
    return None if d is None else round(float(d), 3)


# ----------------------------------------------------------------------------- content
def _cut(text: str, base: int, spans: list[tuple[int | None, int | None]]) -> str:
    """``text`` (starting at offset ``base``) without the given absolute spans that lie inside it; a cut
    leaves the marker ``_CUT`` (one for each run of cut characters: overlapping or touching spans are one cut)."""
    n = len(text)
    cuts = sorted((s - base, e - base) for s, e in spans
                  if s is not None and e is not None and s >= base and base + n >= e > s)
    if not cuts:
        return text
    out, pos, (a, b) = [], 0, cuts[0]
    for s, e in cuts[1:]:
        if s <= b:
            b = max(b, e)
            continue
        out += (text[pos:a], _CUT)
        pos, a, b = b, s, e
    out += (text[pos:a], _CUT, text[b:])
    return "".join(out)


_CUT = "\x00"
_AFTER_CUT = re.compile(r"\s*\x00[\s\x00]*([,.;:!?])")


def _cue_spans(row: dict) -> list[tuple[int | None, int | None]]:
    """The cue's words as spans: a particle verb's cue ("schloss ... aus") spans the words between its
    parts, which stay; only its first word (at cue_start) and its last word (the particle) go."""
    s, e, cue = row.get("cue_start"), row.get("cue_end"), (row.get("cue_text") or "").split()
    if s is None or e is None or not cue:
        return []
    if e - s == len(row.get("cue_text") or "") or len(cue) == 1:
        return [(s, s + len(cue[0]))] if len(cue) == 1 else [(s, e)]
    return [(s, s + len(cue[0])), (e - len(cue[-1]), e)]


def claim_content(row: dict) -> str:
    """The proposition of a claim row, without quotation marks, "dass", speaker and cue."""
    text, base = row["claim_text"], row["claim_start"]
    text = _cut(text, base, [(row.get("speaker_start"), row.get("speaker_end")), *_cue_spans(row)])
    cut = _CUT in text
    text = text.translate({ord(q): None for q in _QUOTES})
    text = _AFTER_CUT.sub(r"\1", text).replace(_CUT, " ")
    text = _WS.sub(" ", text).strip(_EDGE)
    w = words()
    for key in ("hearsay_adverbs", "complementizers") if cut else ("complementizers",):
        first, _, rest = text.partition(" ")            # "So schloss Hegseth ... aus", "dass ..."
        if first.casefold() in w.get(key, ()) and rest:
            text = rest.strip(_EDGE)
    while text.endswith((".", ",")) and not text.endswith(".."):
        text = text[:-1].rstrip()
    return text or row["claim_text"]


# ----------------------------------------------------------------------------- speaker kind
def speaker_kind(row: dict, actor_type: str | None) -> str:
    if row.get("speaker_actor_id") and actor_type:
        return "person" if actor_type == "person" else "organization"
    text = (row.get("speaker_text") or "").strip()
    if not text:
        return "unresolved"
    w = words()
    toks = [t.casefold() for t in re.findall(r"[\w\-]+", text)]

    def ends(key: str) -> bool:
        return any(t.endswith(s) for t in toks for s in w.get(key, ()))

    if not toks:
        return "unresolved"
    if any(t in w.get("agencies", ()) or t.split("-")[0] in w.get("agencies", ()) for t in toks):
        return "organization"                    # "Reuters", "dpa-Angaben"
    if ends("anonymous_suffixes"):
        return "anonymous"                       # "aus Teilnehmerkreisen", "Insidern", "Berichten", "der Legende"
    if toks[0] in w.get("pronouns", ()) or toks[0] in w.get("pronominal_adverbs", ()):
        return "unresolved"                      # "er", "sie", "dieser", "Hierzu"
    if ends("institution_suffixes"):
        return "organization"                    # "Bundesinnenministerium", "das Berufungsgericht"
    if ends("person_suffixes"):
        return "person"                          # "Forschende", "die Außenministerin" (not resolved)
    if toks[0] in w.get("anaphoric_determiners", ()):
        return "unresolved"                      # "die Kochrezepte", "der Oberst"
    return "anonymous"                           # "US-Medien", "einem internen Papier"


# ----------------------------------------------------------------------------- dates
def local_date(ts) -> date | None:
    """Calendar date of a timestamp in Europe/Berlin (naive timestamps are taken as UTC)."""
    if ts is None:
        return None
    if isinstance(ts, datetime):
        if ts.tzinfo is None:
            from datetime import timezone
            ts = ts.replace(tzinfo=timezone.utc)
        return ts.astimezone(LOCAL_TZ).date()
    if isinstance(ts, date):
        return ts
    return None


def effective_date(claim_date: date | None, published_at) -> tuple[date | None, str | None]:
    if claim_date is not None:
        return claim_date, "claim"
    d = local_date(published_at)
    return (d, "article") if d is not None else (None, None)


# ----------------------------------------------------------------------------- overlaps
def link_overlaps(rows: list[dict]) -> None:
    """Set ``parent_claim_id``: the smallest other claim whose span contains this one's."""
    spans = [(r["claim_start"], r["claim_end"], r["claim_id"]) for r in rows]
    for r in rows:
        s, e, cid = r["claim_start"], r["claim_end"], r["claim_id"]
        best = None
        for ps, pe, pid in spans:
            if pid == cid or not (ps <= s and e <= pe) or (ps, pe) == (s, e):
                continue
            if best is None or pe - ps < best[1] - best[0]:
                best = (ps, pe, pid)
        r["parent_claim_id"] = best[2] if best else None


# ----------------------------------------------------------------------------- hooks
def enrich_claims(rows: list[dict], article: dict, actor_types: list[str | None]) -> list[dict]:
    """Add the clean columns to one article's claim rows (in place; returns them)."""
    published = article.get("published_at")
    for r, at in zip(rows, actor_types):
        r["content"] = claim_content(r)
        r["effective_date"], r["date_source"] = effective_date(r.get("claim_date"), published)
        r["speaker_kind"] = speaker_kind(r, at)
        r["confidence"] = confidence("claims", r.get("rule_id"))
    link_overlaps(rows)
    return rows


def enrich_roles(rows: list[dict]) -> list[dict]:
    for r in rows:
        r["confidence"] = confidence("roles", r.get("rule_id"))
    return rows
