"""Joined views over the output tables, in DuckDB and as pandas helpers.

    con = pipeline.connect("outputs")            # DuckDB connection: the tables + the views below
    con.sql("SELECT speaker, content FROM statements WHERE speaker = 'Friedrich Merz'").df()
    pipeline.views.statements("outputs")         # the same views as pandas DataFrames
    python -m pipeline sql "SELECT * FROM role_facts" [--out outputs] [--csv]

Tables (as published): ``articles``, ``mentions``, ``actors``, ``roles``, ``claims``, ``rejects``.
Views:

- ``statements``: one row per top-level claim (a claim inside another, ``parent_claim_id`` set, is
  left out; it is still in ``claims``) with the speaker actor, the speaker's roles in that article,
  the actors mentioned inside the claim span, and the article's title, source, url and dates.
- ``role_facts``: one row per (actor, role, organization, status): the organization's actor id
  (``roles.organization_actor_id``; for older outputs without it, an organization or place actor with
  that name or alias), first and last seen (article dates),
  number of articles and mentions, the best confidence and an example sentence.
- ``article_info``: articles with ``source`` (the URL's host, else the input file) and
  ``published_date`` (the calendar date in Europe/Berlin), without the body text.
- ``role_sentences``: each role row with the sentence around it (split at sentence punctuation);
  ``actor_keys`` / ``org_keys``: organisation names folded for matching (:func:`name_key`).
"""
from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa


_SENT_END = re.compile(r"(?:(?<=[\w)“\"]{2}[.!?])|(?<=[.!?][“\"]))[ \t]+(?=[„\"A-ZÄÖÜ0-9])|[ \t]*\n\s*")


def sentence_around(body: str, start: int, end: int) -> str:
    """The sentence of ``body`` that contains ``[start, end)`` (split at line ends, and after . ! ? that
    follow two letters, before a capital: "J. D. Vance" stays together)."""
    s = 0
    for m in _SENT_END.finditer(body, 0, start):
        s = m.end()
    m = _SENT_END.search(body, end)
    e = m.start() if m else len(body)
    return " ".join(body[s:e].split())


_WORD = re.compile(r"[\w\-]+")
_ENDINGS = ("es", "en", "er", "em", "e", "s")
_ARTICLES = {"der", "die", "das", "des", "dem", "den"}


def name_key(name: str | None) -> str:
    """A name folded for matching an organisation string to an actor: case, a leading article and one
    inflection ending per word ("Nationaler Nachrichtendienst" = "des Nationalen Nachrichtendienstes")."""
    out = []
    for w in _WORD.findall((name or "").casefold()):
        if w in _ARTICLES and not out:
            continue
        if len(w) > 4:
            for e in _ENDINGS:
                if w.endswith(e):
                    w = w[: -len(e)]
                    break
        out.append(w)
    return " ".join(out)


ORG_TYPES = ("organization", "location")


def _actor_keys(actors: pa.Table) -> dict[str, str]:
    """key -> actor id of an organisation or place actor, by its name and aliases (several actors: the
    smallest id). Columnar: :func:`name_key` once per distinct string, the smallest id per key by a grouping."""
    import pyarrow.compute as pc
    if actors.num_rows == 0:
        return {}
    actors = actors.filter(pc.is_in(actors.column("actor_type").cast(pa.string()), value_set=pa.array(ORG_TYPES)))
    if actors.num_rows == 0:
        return {}
    ids = actors.column("actor_id").combine_chunks()
    aliases = actors.column("aliases").combine_chunks()
    strings = pa.concat_arrays([actors.column("name").combine_chunks().cast(pa.string()),
                                pc.list_flatten(aliases).cast(pa.string())])
    owners = pa.concat_arrays([ids, ids.take(pc.list_parent_indices(aliases))])
    uniq = pc.unique(strings)
    ukeys = pa.array([_name_key_memo(x) for x in uniq.to_pylist()], pa.string())
    keyed = pa.table({"k": ukeys.take(pc.index_in(strings, value_set=uniq)), "id": owners})
    g = keyed.group_by("k").aggregate([("id", "min")])
    keys = dict(zip(g.column("k").to_pylist(), g.column("id_min").to_pylist()))
    keys.pop("", None)
    keys.pop(None, None)
    return keys


_NAME_KEYS: dict[str | None, str] = {}


def _name_key_memo(name: str | None) -> str:
    k = _NAME_KEYS.get(name)
    if k is None:
        if len(_NAME_KEYS) > 200_000:
            _NAME_KEYS.clear()
        k = _NAME_KEYS[name] = name_key(name)
    return k


def organization_actor_ids(roles: pa.Table, actors: pa.Table, mentions: pa.Table) -> list[str | None]:
    """For each role row, the actor id of the organisation or place actor its ``organization`` names:
    first an actor mentioned in the same article whose name or a mention there has the same
    :func:`name_key`, else any such actor of the corpus (name or alias); None when none matches.
    Called when the tables are published (:func:`pipeline.job.publish.final_tables`)."""
    import pyarrow.compute as pc
    corpus = _actor_keys(actors)
    org_ids = actors.filter(pc.is_in(actors.column("actor_type").cast(pa.string()), value_set=pa.array(ORG_TYPES))) \
        .column("actor_id") if actors.num_rows else pa.array([], pa.string())
    with_org = roles.filter(pc.is_valid(roles.column("organization"))) if roles.num_rows else roles
    m = mentions.select(["article_id", "actor_id", "actor_name", "text"])
    if m.num_rows:                  # only organisation and place mentions of articles with an organisation role
        m = m.filter(pc.and_(pc.fill_null(pc.is_in(m.column("actor_id"), value_set=org_ids), False),
                             pc.is_in(m.column("article_id"), value_set=pc.unique(with_org.column("article_id")))))
    if m.num_rows:                  # by article and actor (a stable sort: the mentions' order within)
        m = m.take(pc.sort_indices(m, sort_keys=[("article_id", "ascending"), ("actor_id", "ascending")]))
    m = m.to_pydict()
    local: dict[tuple[str, str], str] = {}
    for art, aid, name, text in zip(m["article_id"], m["actor_id"], m["actor_name"], m["text"]):
        for n in (name, text):
            k = _name_key_memo(n)
            if k:
                local.setdefault((art, k), aid)
    r = roles.select(["article_id", "organization"]).to_pydict()
    out = []
    for art, org in zip(r["article_id"], r["organization"]):
        k = _name_key_memo(org) if org else ""
        out.append((local.get((art, k)) or corpus.get(k)) if k else None)
    return out


def with_organization_actor_ids(tables: dict[str, pa.Table]) -> pa.Table:
    """``tables["roles"]`` with ``organization_actor_id`` filled (see :func:`organization_actor_ids`)."""
    roles = tables["roles"]
    i = roles.schema.get_field_index("organization_actor_id")
    if i < 0 or roles.num_rows == 0:
        return roles
    ids = organization_actor_ids(roles, tables["actors"], tables["mentions"])
    return roles.set_column(i, roles.schema.field(i), pa.array(ids, pa.string()))


def _org_tables(actors: pa.Table, roles: pa.Table) -> tuple[pa.Table, pa.Table]:
    """(key -> actor id of an organisation or place actor, by name and aliases; organisation -> key):
    the view's fallback for outputs published before roles had ``organization_actor_id``."""
    keys = _actor_keys(actors)
    orgs = sorted({o for o in roles.column("organization").to_pylist() if o})
    return (pa.table({"key": pa.array(list(keys), pa.string()), "actor_id": pa.array(list(keys.values()), pa.string())}),
            pa.table({"organization": pa.array(orgs, pa.string()), "key": pa.array([name_key(o) for o in orgs], pa.string())}))


def _role_sentences(articles: pa.Table, roles: pa.Table) -> pa.Table:
    bodies = dict(zip(articles.column("article_id").to_pylist(), articles.column("body_text").to_pylist()))
    d = roles.select(["role_id", "article_id", "start", "end"]).to_pydict()
    sents = [sentence_around(bodies.get(a, ""), s, e) for a, s, e in zip(d["article_id"], d["start"], d["end"])]
    return pa.table({"role_id": pa.array(d["role_id"], pa.string()), "sentence_text": pa.array(sents, pa.string())})


ARTICLE_INFO = """
CREATE OR REPLACE VIEW article_info AS
SELECT article_id, title, kicker, section, url,
       coalesce(regexp_extract(url, '^[a-z]+://(?:www\\.)?([^/]+)', 1), source_path) AS source,
       source_path, published_at,
       CAST(timezone('Europe/Berlin', published_at) AS DATE) AS published_date, authors
FROM articles
"""

STATEMENTS = """
CREATE OR REPLACE VIEW statements AS
WITH c AS (SELECT * FROM claims WHERE parent_claim_id IS NULL),
speaker_roles AS (
    SELECT article_id, actor_id,
           string_agg(DISTINCT role || coalesce(' (' || organization || ')', ''), '; '
                      ORDER BY role || coalesce(' (' || organization || ')', '')) AS speaker_role
    FROM roles WHERE actor_id IS NOT NULL GROUP BY ALL),
mentioned AS (
    SELECT c.claim_id,
           list(DISTINCT m.actor_name ORDER BY m.actor_name) AS mentioned,
           list(DISTINCT m.actor_id ORDER BY m.actor_id) AS mentioned_ids
    FROM c JOIN mentions m
      ON m.article_id = c.article_id AND m.start >= c.claim_start AND m."end" <= c.claim_end
    WHERE m.actor_id IS NOT NULL AND m.actor_id IS DISTINCT FROM c.speaker_actor_id
      AND m.label <> 'ROLE'
    GROUP BY c.claim_id)
SELECT c.claim_id, c.article_id, c.effective_date, c.date_source,
       c.speaker_actor_id, coalesce(c.speaker_name, c.speaker_text) AS speaker, c.speaker_text,
       c.speaker_kind, sr.speaker_role, c.cue_text AS cue, c.content, c.claim_type, c.confidence,
       coalesce(mm.mentioned, []) AS mentioned, coalesce(mm.mentioned_ids, []) AS mentioned_ids,
       a.title, a.source, a.url, a.published_at, a.published_date,
       c.claim_text, c.claim_start, c.claim_end, c.claim_date, c.claim_date_text, c.rule_id
FROM c
LEFT JOIN speaker_roles sr ON sr.article_id = c.article_id AND sr.actor_id = c.speaker_actor_id
LEFT JOIN mentioned mm USING (claim_id)
JOIN article_info a ON a.article_id = c.article_id
"""

ROLE_FACTS = """
CREATE OR REPLACE VIEW role_facts AS
WITH r AS (
    SELECT r.* REPLACE (coalesce(r.organization_actor_id, o.actor_id) AS organization_actor_id),
           a.published_date, a.title, s.sentence_text
    FROM roles r JOIN article_info a USING (article_id) LEFT JOIN role_sentences s USING (role_id)
    LEFT JOIN org_keys k ON k.organization = r.organization
    LEFT JOIN actor_keys o ON o.key = k.key)
SELECT r.actor_id, r.actor_name AS actor, r.role, any_value(r.role_category) AS role_category,
       r.organization, r.organization_actor_id, r.status,
       min(r.published_date) AS first_seen, max(r.published_date) AS last_seen,
       count(DISTINCT r.article_id)::INTEGER AS n_articles, count(*)::INTEGER AS n_mentions,
       max(r.confidence) AS confidence,
       list(DISTINCT r.rule_id::VARCHAR ORDER BY r.rule_id::VARCHAR) AS rule_ids,
       arg_min(r.sentence_text, r.published_date) AS example_sentence,
       arg_min(r.title, r.published_date) AS example_title
FROM r
GROUP BY r.actor_id, r.actor_name, r.role, r.organization, r.organization_actor_id, r.status
"""

VIEWS = {"article_info": ARTICLE_INFO, "statements": STATEMENTS, "role_facts": ROLE_FACTS}


def connect(out: str | Path = "outputs", con=None):
    """A DuckDB connection (in memory) with the current tables of ``out`` and the views defined."""
    import duckdb

    from pipeline import store
    con = con or duckdb.connect()
    _, tables = store.load_arrow(out)          # every table of one published version
    for name, t in tables.items():
        con.register(name, t)
    con.register("role_sentences", _role_sentences(tables["articles"], tables["roles"]))
    actor_keys, org_keys = _org_tables(tables["actors"], tables["roles"])
    con.register("actor_keys", actor_keys)
    con.register("org_keys", org_keys)
    con.execute("SET TimeZone = 'UTC'")
    for sql in VIEWS.values():
        con.execute(sql)
    return con


def query(out: str | Path, sql: str, params=None):
    """The result of ``sql`` over the tables and views of ``out`` as a pandas DataFrame."""
    return connect(out).execute(sql, params or []).df()


def statements(out: str | Path = "outputs"):
    """The ``statements`` view as a pandas DataFrame."""
    return query(out, "SELECT * FROM statements ORDER BY effective_date, article_id, claim_start")


def role_facts(out: str | Path = "outputs"):
    """The ``role_facts`` view as a pandas DataFrame."""
    return query(out, "SELECT * FROM role_facts ORDER BY n_articles DESC, n_mentions DESC, actor, role")


def main(argv: list[str] | None = None) -> int:
    """``python -m pipeline sql "SELECT …" [--out OUTPUTS] [--csv] [--max-width N]``."""
    import argparse

    import pandas as pd
    ap = argparse.ArgumentParser(prog="python -m pipeline sql", description="run a DuckDB query over the "
                                 "tables and views (statements, role_facts, article_info) of OUT")
    ap.add_argument("query")
    ap.add_argument("--out", default="outputs")
    ap.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    ap.add_argument("--max-width", type=int, default=80, help="cut cells wider than this (table output)")
    args = ap.parse_args(argv)
    import duckdb
    try:
        df = query(args.out, args.query)
    except duckdb.Error as exc:
        print(f"error: {exc}")
        return 2
    if args.csv:
        print(df.to_csv(index=False), end="")
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 250,
                               "display.max_colwidth", args.max_width):
            print(df.to_string(index=False))
        print(f"({len(df)} rows)")
    return 0
