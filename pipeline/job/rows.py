"""From an Extraction to table rows: what each extracted table is made of."""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Callable

import pyarrow as pa

from pipeline.job.util import actor_id, short_id

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


def rows_for_article(article: dict, extraction, sent_of_offset: Callable[[int], int] | None = None
                     ) -> dict[str, list[dict]]:
    """Turn one article's Extraction into table rows (without provenance columns)."""
    aid = article["article_id"]
    by_key = {a.key: a for a in extraction.actors}
    ids = {a.key: actor_id(a.actor_type, a.name) for a in extraction.actors}

    def actor_cols(key):
        if key is None or key not in by_key:
            return None, None
        return ids[key], by_key[key].name

    mentions = []
    for m, key in extraction.mentions:
        a_id, a_name = actor_cols(key)
        mentions.append({"article_id": aid, "mention_id": short_id(aid, m.start, m.end, m.label),
                         "actor_id": a_id, "actor_name": a_name, "text": m.text, "label": m.label,
                         "start": m.start, "end": m.end, "sentence": m.sentence,
                         "_actor_type": by_key[key].actor_type if key in by_key else None})
    roles = []
    for r in extraction.roles:
        a_id, a_name = actor_cols(r.actor_key)
        roles.append({"article_id": aid, "role_id": short_id(aid, r.start, r.end, r.role, a_id),
                      "actor_id": a_id, "actor_name": a_name, "role_text": r.role_text, "role": r.role,
                      "role_category": r.role_category, "organization": r.organization,
                      "status": r.status, "start": r.start, "end": r.end, "sentence": r.sentence,
                      "rule_id": r.rule_id})
    claims = []
    anchor = article.get("published_at")
    for c in extraction.claims:
        a_id, a_name = actor_cols(c.speaker_key)
        dv = _normalize_date(c.date_text, anchor)
        if dv is not None and dv.start is None:      # "bis 2014", "vor 2014": no date of a statement
            dv = None
        claims.append({"article_id": aid,
                       "claim_id": short_id(aid, c.claim_start, c.claim_end, c.claim_type),
                       "speaker_actor_id": a_id, "speaker_name": a_name,
                       "speaker_text": c.speaker_text, "speaker_start": c.speaker_start,
                       "speaker_end": c.speaker_end, "cue_text": c.cue_text, "cue_start": c.cue_start,
                       "cue_end": c.cue_end, "claim_text": c.claim_text, "claim_start": c.claim_start,
                       "claim_end": c.claim_end, "claim_type": c.claim_type,
                       "claim_date": dv.start if dv is not None else None,
                       "claim_date_granularity": dv.granularity if dv is not None else None,
                       "claim_date_text": c.date_text if dv is not None else None, "rule_id": c.rule_id})
    return {"mentions": mentions, "roles": roles, "claims": claims}


EXTRACTED = ("articles", "mentions", "roles", "claims", "actor_types", "extract_rejects", "words")
_ACTOR_TYPES = pa.schema([("actor_id", pa.string()), ("actor_type", pa.string())])
_WORDS = pa.schema([("article_id", pa.string()), ("words", pa.string())])
RAW = ("mentions", "roles", "claims")


def actor_type_rows(mentions: list[dict]) -> list[dict]:
    return [{"actor_id": r["actor_id"], "actor_type": r["_actor_type"]} for r in mentions if r["actor_id"]]
