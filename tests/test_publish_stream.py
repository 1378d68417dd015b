"""Publishing in bounded pieces (issue 16, memory): the commit reads the work dir's tables in one chunk
each, keeps each article's lemmas as Arrow, copies the rows of one new part file at a time, and the parent
drops the model it loaded only for its workers before the commit. The published tables and the rows store
are the same as a publish in one piece."""
from __future__ import annotations

import pyarrow as pa
import pytest

from pipeline import nlp, store
from pipeline.job import steps
from pipeline.job.rowstore import RowsStore
from pipeline.runner import run
from pipeline.schemas import TABLES

from test_crash_safety import BATCH1, MEIER, record, write_inputs

DROP = {"ingested_at", "seen_at", "first_seen_at", "revised_at"}      # times of the run
RECORDS = BATCH1 + [record("meier", MEIER)]


def _plain(t: pa.Table) -> pa.Table:
    """The table's values (dictionary columns as strings, run times left out), one chunk."""
    cols = {}
    for f in t.schema:
        if f.name in DROP:
            continue
        c = t.column(f.name)
        cols[f.name] = c.cast(f.type.value_type) if pa.types.is_dictionary(f.type) else c
    return pa.table(cols).combine_chunks()


def _published(out):
    _, tables = store.load_arrow(out)
    rs = RowsStore.load(out, store.current_version(out))
    return ({n: _plain(t) for n, t in tables.items()}, {n: _plain(t) for n, t in rs.tables.items()}, rs.words,
            rs.types)


@pytest.fixture(scope="module")
def whole(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("stream")
    out = tmp / "whole"
    run([write_inputs(tmp / "in", RECORDS)], out, progress=False, processes=1)
    return tmp, _published(out)


def test_many_small_parts_publish_the_same_tables_and_rows_store(whole, monkeypatch):
    """One key a part: every new part is taken from the table when it is written (not all at once); the
    extract step's files in row groups of one row (batches of one article)."""
    tmp, (tables, kept, words, types) = whole
    monkeypatch.setattr(store, "PART_MAX_KEYS", {"article_id": 1, "actor_id": 1, "source_path": 1})
    monkeypatch.setattr(steps, "WRITE_GROUP_ROWS", 1)
    monkeypatch.setattr(steps, "PROCESS_BATCH", 1)
    out = tmp / "small_parts"
    run([tmp / "in"], out, progress=False, processes=1)
    man = store.manifest(out)
    assert len(man["tables"]["articles"]["files"]) == 3 and len(man["tables"]["mentions"]["files"]) == 3
    assert len(man["tables"]["actors"]["files"]) >= 5
    got, got_kept, got_words, got_types = _published(out)
    for n in TABLES:
        assert got[n].equals(tables[n]), n
    for n in kept:
        assert got_kept[n].equals(kept[n]), n
    assert got_words == words and len(words) == 3 and all(w for w in words.values())
    assert got_types == types and "person" in types.values()


def test_the_parent_drops_the_model_it_loaded_for_its_workers(whole, monkeypatch):
    """Two worker processes, batches of one article: the parent loads the model only for the workers to
    inherit and has dropped it when the commit starts; the outputs are those of one process."""
    tmp, (tables, kept, words, types) = whole
    monkeypatch.setattr(nlp, "_LOADED", {})            # as in a fresh `python -m pipeline run`
    monkeypatch.setattr(steps, "PROCESS_BATCH", 1)
    seen = []
    real_commit = steps.commit_step

    def commit(*a, **k):
        seen.append(dict(nlp._LOADED))
        return real_commit(*a, **k)
    monkeypatch.setattr("pipeline.job.plan.commit_step", commit)
    out = tmp / "two"
    res = run([tmp / "in"], out, progress=False, processes=2)
    assert res.parsed == 3
    assert seen == [{}]                                 # no model held during the commit
    got, got_kept, got_words, got_types = _published(out)
    for n in TABLES:
        assert got[n].equals(tables[n]), n
    assert got_words == words and got_types == types
