"""From an Extraction to table rows: one declaration per extracted table.

Adding a table: write its schema in :mod:`pipeline.schemas`, a row builder here (one article's
Extraction -> row dicts, without provenance columns) and a :class:`TableSpec` in
:data:`TABLE_SPECS`. The steps, the rows store, the corpus-level person merges and the rules
re-run report iterate over these specs.

Every row with a ``sentence`` column gets the index, in the article's one sentence split
(:class:`pipeline.extract.view.DocView`), of the sentence containing the row's start offset.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable

import pyarrow as pa

from pipeline.enrich import enrich_claims, enrich_roles
from pipeline.job.util import actor_id, short_id
from pipeline.records import Extraction
from pipeline.schemas import CLAIMS, MENTIONS, ROLES

log = logging.getLogger(__name__)


def _normalize_date(text: str | None, anchor: datetime | None):
    if not text or anchor is None:
        return None
    try:
        from pipeline.dates import normalize
    except ImportError:            # dates module not available
        return None
    try:
        return normalize(text, anchor)
    except Exception:              # a date we cannot read must not lose the claim
        log.warning("could not normalize date %r", text, exc_info=True)
        return None


@dataclass
class ArticleRows:
    """What a row builder reads: the article row, its Extraction, and the sentence of an offset."""
    article: dict
    extraction: Extraction
    sentence_at: Callable[[int], int] | None = None
    _actors: dict = field(init=False, repr=False)          # Actor.key -> (actor_id, name, actor_type)

    def __post_init__(self):
        self._actors = {a.key: (actor_id(a.actor_type, a.name), a.name, a.actor_type)
                        for a in self.extraction.actors}

    @property
    def aid(self) -> str:
        return self.article["article_id"]

    def sentence(self, start: int, extracted: int) -> int:
        """The row's sentence: by the one split when the runner has a view, else as extracted."""
        return self.sentence_at(start) if self.sentence_at is not None else extracted

    def actor(self, key: str | None) -> tuple[str | None, str | None]:
        """(actor_id, canonical name) of an article-local actor key."""
        a = self._actors.get(key) if key is not None else None
        return (a[0], a[1]) if a is not None else (None, None)

    def actor_type(self, key: str | None) -> str | None:
        a = self._actors.get(key) if key is not None else None
        return a[2] if a is not None else None


def mention_rows(x: ArticleRows) -> list[dict]:
    out = []
    for m, key in x.extraction.mentions:
        a_id, a_name = x.actor(key)
        out.append({"article_id": x.aid, "mention_id": short_id(x.aid, m.start, m.end, m.label),
                    "actor_id": a_id, "actor_name": a_name, "text": m.text, "label": m.label,
                    "start": m.start, "end": m.end, "sentence": x.sentence(m.start, m.sentence),
                    "_actor_type": x.actor_type(key)})
    return out


def role_rows(x: ArticleRows) -> list[dict]:
    out = []
    for r in x.extraction.roles:
        a_id, a_name = x.actor(r.actor_key)
        out.append({"article_id": x.aid, "role_id": short_id(x.aid, r.start, r.end, r.role, a_id),
                    "actor_id": a_id, "actor_name": a_name, "role_text": r.role_text, "role": r.role,
                    "role_category": r.role_category, "organization": r.organization,
                    "status": r.status, "start": r.start, "end": r.end,
                    "sentence": x.sentence(r.start, r.sentence), "rule_id": r.rule_id})
    return enrich_roles(out)


def claim_rows(x: ArticleRows) -> list[dict]:
    out = []
    anchor = x.article.get("published_at")
    for c in x.extraction.claims:
        a_id, a_name = x.actor(c.speaker_key)
        dv = _normalize_date(c.date_text, anchor)
        if dv is not None and dv.start is None:      # "bis 2014", "vor 2014": no date of a statement
            dv = None
        out.append({"article_id": x.aid,
                    "claim_id": short_id(x.aid, c.claim_start, c.claim_end, c.claim_type),
                    "speaker_actor_id": a_id, "speaker_name": a_name,
                    "speaker_text": c.speaker_text, "speaker_start": c.speaker_start,
                    "speaker_end": c.speaker_end, "cue_text": c.cue_text, "cue_start": c.cue_start,
                    "cue_end": c.cue_end, "claim_text": c.claim_text, "claim_start": c.claim_start,
                    "claim_end": c.claim_end, "claim_type": c.claim_type,
                    "claim_date": dv.start if dv is not None else None,
                    "claim_date_granularity": dv.granularity if dv is not None else None,
                    "claim_date_text": c.date_text if dv is not None else None, "rule_id": c.rule_id})
    return enrich_claims(out, x.article, [x.actor_type(c.speaker_key) for c in x.extraction.claims])


@dataclass(frozen=True)
class TableSpec:
    """One extracted table: its name and schema, how one article's rows are built, which columns
    name the actor (for corpus-level person merges) and, for tables with a ``rule_id``, the span
    columns that identify a row across rule versions (for the re-run report)."""
    name: str
    schema: pa.Schema
    build: Callable[[ArticleRows], list[dict]]
    actor_cols: tuple[str, str]                  # (actor id column, actor name column)
    span_cols: tuple[str, str] | None = None     # rows matched by (article_id, *span_cols) in diffs


TABLE_SPECS: tuple[TableSpec, ...] = (
    TableSpec("mentions", MENTIONS, mention_rows, ("actor_id", "actor_name")),
    TableSpec("roles", ROLES, role_rows, ("actor_id", "actor_name"), ("start", "end")),
    TableSpec("claims", CLAIMS, claim_rows, ("speaker_actor_id", "speaker_name"), ("claim_start", "claim_end")),
)
SPECS: dict[str, TableSpec] = {s.name: s for s in TABLE_SPECS}

RAW = tuple(s.name for s in TABLE_SPECS)              # the tables built from Extractions
EXTRACTED = ("articles", *RAW, "actor_types", "extract_rejects", "words")   # files of an extract step
_ACTOR_TYPES = pa.schema([("actor_id", pa.string()), ("actor_type", pa.string())])
_WORDS = pa.schema([("article_id", pa.string()), ("words", pa.string())])


def rows_for_article(article: dict, extraction: Extraction, sent_of_offset: Callable[[int], int] | None = None
                     ) -> dict[str, list[dict]]:
    """Turn one article's Extraction into table rows (without provenance columns).

    With ``sent_of_offset`` (``DocView.sentence_at``), every ``sentence`` value is the sentence of
    the row's start offset in that one split; without it, the sentence the extractor recorded."""
    x = ArticleRows(article, extraction, sent_of_offset)
    return {s.name: s.build(x) for s in TABLE_SPECS}


def actor_type_rows(mentions: list[dict]) -> list[dict]:
    return [{"actor_id": r["actor_id"], "actor_type": r["_actor_type"]} for r in mentions if r["actor_id"]]
