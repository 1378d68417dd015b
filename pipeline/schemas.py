"""Every output table's schema, in one place.

Each table is a Parquet dataset directory ``OUT/<table>/``. Columns whose values
repeat (labels, types, statuses, model names) are dictionary-encoded, so pandas
reads them as ``category``. All spans (``start``/``end`` and friends) are
character offsets into ``articles.body_text`` of the same article.

Bump ``SCHEMA_VERSION`` whenever a column is added, removed or changes type.
"""
from __future__ import annotations

import sys

import pyarrow as pa

SCHEMA_VERSION = "5"


def arrow_without_pandas() -> None:
    """Keep pyarrow from importing pandas (0.25-0.3 s a process) on its first conversion of a Python list.

    ``pa.array(list)``, ``pa.Table.from_pylist`` and the like ask pyarrow's pandas shim whether the list is a
    pandas object, and the shim imports pandas to find out, in every process that builds a table: the parent
    of a run and of a re-run (serial work, issue 16) and a pool worker. Here the shim's first, optional import
    is made to fail once (an import hook refuses ``pandas`` for one conversion), so it takes pandas for absent;
    the pipeline never hands pandas objects to pyarrow. Called only by the command line's ``run`` and ``rerun``
    (processes the pipeline owns), never on import: in a user's process a pandas object given to ``pa.array``
    before any ``to_pandas`` would convert NaN as NaN instead of null. What needs pandas still gets it: ``to_pandas``,
    ``from_pandas`` and the like ask the shim for pandas *required*, and then it imports it as before. Nothing
    is done where pandas is already imported."""
    if "pandas" in sys.modules:
        return
    hook = _RefusePandas()
    sys.meta_path.insert(0, hook)
    try:
        pa.array([0])
    finally:
        sys.meta_path.remove(hook)


class _RefusePandas:
    """An import hook (:data:`sys.meta_path`) under which ``import pandas`` raises ImportError."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "pandas":
            raise ImportError("pandas refused for pyarrow's optional check (pipeline.schemas)")
        return None


_cat = pa.dictionary(pa.int32(), pa.string())
_ts = pa.timestamp("us", tz="UTC")
_list = pa.list_(pa.string())


def _schema(name: str, fields: list[tuple[str, pa.DataType, bool, str]]) -> pa.Schema:
    return pa.schema(
        [pa.field(n, t, nullable=nl, metadata={"doc": doc}) for n, t, nl, doc in fields],
        metadata={"schema_version": SCHEMA_VERSION, "table": name},
    )


# Provenance columns shared by every extracted row.
_PROVENANCE = [
    ("model_name", _cat, True, "spaCy pipeline that parsed the article"),
    ("model_version", _cat, True, "version of that pipeline"),
    ("rules_version", _cat, True, "content hash of pipeline/rules (or --rules DIR) used"),
]

ARTICLES = _schema("articles", [
    ("article_id", pa.string(), False, "stable id: hash of the cleaned body text"),
    ("source_id", pa.string(), True, "the input's own id (JSONL id, file name stem)"),
    ("source_path", pa.string(), False, "file the article was read from"),
    ("source_format", _cat, False, "text, html or jsonl"),
    ("url", pa.string(), True, "canonical URL if known"),
    ("title", pa.string(), True, "headline"),
    ("kicker", pa.string(), True, "Dachzeile above the headline"),
    ("teaser", pa.string(), True, "lead paragraph / standfirst"),
    ("authors", _list, True, "byline authors"),
    ("published_at", _ts, True, "publication datetime, tz-aware (UTC in storage); date-only values: 00:00 UTC"),
    ("published_precision", _cat, True, "'time', or 'day' when the source gave a date only"),
    ("updated_at", _ts, True, "last update when the page gives one after publication ('Stand:', dateModified)"),
    ("section", _cat, True, "site section from breadcrumbs, e.g. 'Politik / International'"),
    ("dateline", pa.string(), True, "place line opening the body, e.g. 'Washington'"),
    ("body_text", pa.string(), False, "cleaned body; every span in every table indexes into this"),
    ("captions", _list, True, "photo captions removed from the body"),
    ("language", _cat, False, "ISO 639-1 language code"),
    ("n_tokens", pa.int32(), False, "tokens in body_text"),
    ("content_sha256", pa.string(), False, "sha256 of body_text"),
    ("ingested_at", _ts, False, "when this row was written"),
    ("article_key", pa.string(), True, "stable identity across revisions: the URL, else 'id:' + the "
     "input's own id (JSONL), else 'path:' + the absolute source path"),
    ("revision", pa.int32(), True, "1 for the first body seen under article_key, +1 for each changed body"),
    ("first_seen_at", _ts, True, "when the first revision was ingested"),
    ("revised_at", _ts, True, "when this revision's body was ingested"),
    ("previous_sha256", pa.string(), True, "content_sha256 of the revision this one replaced"),
    *_PROVENANCE,
])

MENTIONS = _schema("mentions", [
    ("article_id", pa.string(), False, "article the mention is in"),
    ("mention_id", pa.string(), False, "stable id of this mention"),
    ("actor_id", pa.string(), True, "actor the mention resolves to (actors.actor_id)"),
    ("actor_name", pa.string(), True, "canonical name of that actor"),
    ("text", pa.string(), False, "surface text"),
    ("label", _cat, False, "PER, ORG, LOC, MISC, or ROLE for a role noun referring to an actor"),
    ("start", pa.int32(), False, "char offset into body_text"),
    ("end", pa.int32(), False, "char offset into body_text (exclusive)"),
    ("sentence", pa.int32(), False, "0-based sentence index in body_text"),
    *_PROVENANCE,
])

ACTORS = _schema("actors", [
    ("actor_id", pa.string(), False, "stable across runs and articles: hash of type + canonical name"),
    ("name", pa.string(), False, "canonical name (longest full form seen)"),
    ("actor_type", _cat, False, "person, organization, location or other"),
    ("aliases", _list, False, "all surface forms seen, sorted"),
    ("n_articles", pa.int32(), False, "articles mentioning the actor"),
    ("n_mentions", pa.int32(), False, "mentions across all articles"),
])

ROLES = _schema("roles", [
    ("article_id", pa.string(), False, "article the role statement is in"),
    ("role_id", pa.string(), False, "stable id of this row"),
    ("actor_id", pa.string(), True, "actor holding the role"),
    ("actor_name", pa.string(), True, "canonical name of that actor"),
    ("role_text", pa.string(), False, "surface form, e.g. 'US-Vizepräsident'"),
    ("role", _cat, False, "normalized title, e.g. 'Vizepräsident'"),
    ("role_category", _cat, False, "taxonomy category, see pipeline/rules/roles.yaml"),
    ("organization", _cat, True, "normalized organization or country, e.g. 'USA'"),
    ("organization_actor_id", pa.string(), True, "the organisation or place actor that `organization` names "
     "(same name up to case, article and inflection: an actor of this article first, else of the corpus)"),
    ("status", _cat, False, "current or former"),
    ("start", pa.int32(), False, "char offset of role_text in body_text"),
    ("end", pa.int32(), False, "char offset (exclusive)"),
    ("sentence", pa.int32(), False, "0-based sentence index"),
    ("rule_id", _cat, False, "rule that produced the row"),
    ("confidence", pa.float32(), True, "precision of rule_id on the dev pages of the modern-news gold "
     "(pipeline/rule_precision.yaml; rules with < 5 scored rows: all roles' precision)"),
    *_PROVENANCE,
])

CLAIMS = _schema("claims", [
    ("article_id", pa.string(), False, "article the claim is in"),
    ("claim_id", pa.string(), False, "stable id of this row"),
    ("speaker_actor_id", pa.string(), True, "actor the speaker resolves to"),
    ("speaker_name", pa.string(), True, "canonical name of that actor"),
    ("speaker_text", pa.string(), True, "speaker as written locally (a pronoun stays a pronoun)"),
    ("speaker_start", pa.int32(), True, "char offset of speaker_text"),
    ("speaker_end", pa.int32(), True, "char offset (exclusive)"),
    ("cue_text", pa.string(), True, "speech verb, noun or preposition, e.g. 'betonte', 'laut'"),
    ("cue_start", pa.int32(), True, "char offset of cue_text"),
    ("cue_end", pa.int32(), True, "char offset (exclusive)"),
    ("claim_text", pa.string(), False, "what was said or asserted"),
    ("claim_start", pa.int32(), False, "char offset of claim_text"),
    ("claim_end", pa.int32(), False, "char offset (exclusive)"),
    ("claim_type", _cat, False, "direct, indirect or reported"),
    ("claim_date", pa.date32(), True, "date the claim was made, when the text says it (first day of the "
     "period the expression names; null for open-ended ones like 'bis 2014')"),
    ("claim_date_granularity", _cat, True, "day, week, month, quarter, season or year (of the date's expression)"),
    ("claim_date_text", pa.string(), True, "temporal expression the date comes from"),
    ("rule_id", _cat, False, "rule that produced the row"),
    ("content", pa.string(), True, "the proposition alone: claim_text without quotation marks, leading "
     "'dass'/'ob', speaker and cue (pipeline/enrich.py)"),
    ("effective_date", pa.date32(), True, "claim_date, else the article's publication date (in Europe/Berlin)"),
    ("date_source", _cat, True, "where effective_date comes from: claim or article"),
    ("speaker_kind", _cat, True, "person, organization, anonymous (a source naming nobody: 'aus "
     "Teilnehmerkreisen') or unresolved (no speaker, or a pronoun / definite phrase not resolved)"),
    ("confidence", pa.float32(), True, "precision of rule_id on the dev pages of the modern-news gold "
     "(pipeline/rule_precision.yaml; rules with < 5 scored rows: all claims' precision)"),
    ("parent_claim_id", pa.string(), True, "the smallest other claim of the article whose span contains this "
     "one (a partial quote inside an indirect claim); null for top-level claims"),
    *_PROVENANCE,
])

REJECTS = _schema("rejects", [
    ("source_path", pa.string(), False, "file (and line, for JSONL) that was rejected"),
    ("reason", _cat, False, "short machine-readable reason, e.g. 'empty_body'"),
    ("detail", pa.string(), True, "human-readable explanation"),
    ("seen_at", _ts, False, "when it was rejected"),
])

TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "mentions": MENTIONS,
    "actors": ACTORS,
    "roles": ROLES,
    "claims": CLAIMS,
    "rejects": REJECTS,
}


def empty_table(name: str) -> pa.Table:
    return TABLES[name].empty_table()


def to_table(name: str, rows: list[dict]) -> pa.Table:
    """Build a table from row dicts, cast to the declared schema (missing keys -> null)."""
    schema = TABLES[name]
    cols = {}
    for field in schema:
        values = [r.get(field.name) for r in rows]
        typ = field.type
        if pa.types.is_dictionary(typ):
            arr = pa.array(values, type=typ.value_type).dictionary_encode()
            arr = arr.cast(typ)
        else:
            arr = pa.array(values, type=typ)
        cols[field.name] = arr
    return pa.Table.from_pydict(cols, schema=schema)


def _type_name(t: pa.DataType) -> str:
    if pa.types.is_dictionary(t):
        return "category (string)"
    if pa.types.is_list(t):
        return f"list<{t.value_type}>"
    if pa.types.is_timestamp(t):
        return f"timestamp[{t.unit}, {t.tz}]"
    return str(t)


def markdown() -> str:
    """Every table, column by column, as markdown (pasted into README.md)."""
    parts = []
    for name, schema in TABLES.items():
        parts += [f"#### `{name}`", "", "| column | type | meaning |", "|---|---|---|"]
        for f in schema:
            doc = (f.metadata or {}).get(b"doc", b"").decode()
            null = "" if f.nullable else " (never null)"
            parts.append(f"| `{f.name}` | {_type_name(f.type)}{null} | {doc} |")
        parts.append("")
    return "\n".join(parts)


def pandas_dtypes(name: str, df):
    """``df`` (a table read with pyarrow's ``to_pandas``) with the schema's pandas dtypes: nullable
    integers as ``Int32`` (not float64), dates as ``date32[day][pyarrow]`` (a typed date column, not
    Python objects: its values are ``datetime.date``, it compares with dates and has ``.dt``).
    Used by :func:`pipeline.load`."""
    import pandas as pd
    if name not in TABLES:
        return df
    for f in TABLES[name]:
        if f.name not in df.columns:
            continue
        if pa.types.is_int32(f.type) and f.nullable:
            df[f.name] = df[f.name].astype("Int32")
        elif pa.types.is_date32(f.type):
            df[f.name] = df[f.name].astype(pd.ArrowDtype(pa.date32()))
    return df
