"""Corpus-level assembly of the tables to publish: merging new rows into the outputs, person merges, actors."""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from pipeline import store
from pipeline.job.rows import RAW, TABLE_SPECS
from pipeline.schemas import to_table

def build_actors(mentions: pa.Table, actor_types: dict[str, str]) -> pa.Table:
    """Aggregate the actors table from all mentions."""
    acc: dict[str, dict] = {}
    cols = mentions.select(["actor_id", "actor_name", "text", "article_id"]).to_pylist()
    for m in cols:
        if not m["actor_id"]:
            continue
        a = acc.setdefault(m["actor_id"], {"actor_id": m["actor_id"], "name": m["actor_name"],
                                            "aliases": set(), "articles": set(), "n_mentions": 0})
        a["aliases"].add(m["text"])
        a["articles"].add(m["article_id"])
        a["n_mentions"] += 1
    rows = [{"actor_id": k, "name": a["name"], "actor_type": actor_types.get(k, "other"),
             "aliases": sorted(a["aliases"]), "n_articles": len(a["articles"]),
             "n_mentions": a["n_mentions"]} for k, a in sorted(acc.items())]
    return to_table("actors", rows)


def _actor_evidence(mentions: pa.Table) -> tuple[dict[str, str], dict[str, set[str]]]:
    """(actor id -> name, actor id -> evidence): the labels and surface forms of the actor's mentions and of
    the mentions of its articles that contain its name as a word ("Merkel Jagd- und Sportwaffen" for
    "Merkel")."""
    rows = mentions.select(["article_id", "actor_id", "actor_name", "text", "label"]).to_pylist()
    names: dict[str, str] = {}
    evidence: dict[str, set[str]] = {}
    by_article: dict[str, list[dict]] = {}
    for r in rows:
        by_article.setdefault(r["article_id"], []).append(r)
        if r["actor_id"] and r["actor_name"]:
            names[r["actor_id"]] = r["actor_name"]
            evidence.setdefault(r["actor_id"], set()).update(x for x in (r["label"], r["text"]) if x)
    for arows in by_article.values():
        for aid in {r["actor_id"] for r in arows if r["actor_id"] in names}:
            word = names[aid]
            for r in arows:
                if r["actor_id"] != aid and r["text"] and word in r["text"].split():
                    evidence[aid].update(x for x in (r["label"], r["text"]) if x)
    return names, evidence


def corpus_person_merges(mentions: pa.Table, actor_types: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Across articles: a person known only by surname in one article ("Trump") is the
    person with that surname's full name elsewhere ("Donald Trump"), when exactly one
    full-name person in the outputs has that surname and
    :func:`pipeline.extract.actors.may_merge` allows it (both persons, no organisation evidence such as
    "Merkel Jagd- und Sportwaffen" on either side). Returns {old id: (new id, name)}."""
    from pipeline.extract.actors import may_merge
    names, evidence = _actor_evidence(mentions)
    names = {aid: n for aid, n in names.items() if actor_types.get(aid) == "person"}
    by_surname: dict[str, set[str]] = {}
    for aid, name in names.items():
        parts = name.split()
        if len(parts) > 1:
            by_surname.setdefault(parts[-1].casefold(), set()).add(aid)
    merges = {}
    for aid, name in names.items():
        if len(name.split()) == 1:
            cands = by_surname.get(name.casefold(), set())
            if len(cands) == 1:
                (target,) = cands
                if may_merge(name, "person", evidence.get(aid, ()), names[target], "person",
                             evidence.get(target, ())):
                    merges[aid] = (target, names[target])
    return merges


def _apply_merges(table: pa.Table, id_col: str, name_col: str, merges: dict[str, tuple[str, str]]) -> pa.Table:
    if not merges or table.num_rows == 0:
        return table
    ids = table.column(id_col).to_pylist()
    if not any(i in merges for i in ids):
        return table
    names = table.column(name_col).to_pylist()
    new_ids = [merges[i][0] if i in merges else i for i in ids]
    new_names = [merges[i][1] if i in merges else n for i, n in zip(ids, names)]
    table = table.set_column(table.schema.get_field_index(id_col), table.schema.field(id_col),
                             pa.array(new_ids, type=pa.string()))
    return table.set_column(table.schema.get_field_index(name_col), table.schema.field(name_col),
                            pa.array(new_names, type=pa.string()))


def _drop_articles(table: pa.Table, ids: set[str]) -> pa.Table:
    if not ids or table.num_rows == 0:
        return table
    mask = pc.invert(pc.is_in(table.column("article_id"), value_set=pa.array(sorted(ids))))
    return table.filter(mask)


def _types_from_old_actors(out: Path) -> dict[str, str]:
    old = store.read_table(out, "actors")
    return dict(zip(old.column("actor_id").to_pylist(),
                    [str(t) for t in old.column("actor_type").to_pylist()]))


def final_tables(out: Path, new: dict[str, pa.Table], new_types: dict[str, str], replace_all: bool
                 ) -> dict[str, pa.Table]:
    """The tables to publish: ``new`` rows (articles, mentions, roles, claims, rejects) merged
    into OUT's current ones (or replacing them), corpus-level person merges applied, actors built."""
    ids = set(new["articles"].column("article_id").to_pylist())
    types = {} if replace_all else _types_from_old_actors(out)
    types.update(new_types)
    tables = {}
    for name in ("articles", *RAW):
        if replace_all:
            tables[name] = new[name]
        else:
            old = _drop_articles(store.read_table(out, name), ids)
            tables[name] = pa.concat_tables([old, new[name]])
    old_rej = store.read_table(out, "rejects")
    if old_rej.num_rows and new["rejects"].num_rows:
        again = set(new["rejects"].column("source_path").to_pylist())
        old_rej = old_rej.filter(pc.invert(pc.is_in(old_rej.column("source_path"),
                                                    value_set=pa.array(sorted(again)))))
    tables["rejects"] = pa.concat_tables([old_rej, new["rejects"]])
    merges = corpus_person_merges(tables["mentions"], types)
    for spec in TABLE_SPECS:
        tables[spec.name] = _apply_merges(tables[spec.name], *spec.actor_cols, merges)
    tables["actors"] = build_actors(tables["mentions"], types)
    return tables
