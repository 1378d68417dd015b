"""Tables as part files (issue 16): a publish shares the part files whose rows come out identical with the
version before it (hard links: the same file), writes changed parts and new rows only, and old part files
go when no kept version lists them."""
from __future__ import annotations

import json
import multiprocessing
import os
import signal
from pathlib import Path

import pyarrow.compute as pc
import pytest

import pipeline
from pipeline import store
from pipeline.job.publish import forget
from pipeline.runner import run
from pipeline.schemas import TABLES

from test_crash_safety import BATCH1, HUBER, MEIER, record, write_inputs

ARTICLE_TABLES = ("articles", "mentions", "roles", "claims")


def _parts(out: Path) -> dict[str, list[tuple[str, str, int]]]:
    """{table: [(path, sha256, inode)]} of the current version, the rows store's parts as ``_rows/<name>``."""
    snap = store.snapshot(out)
    man = store.version_manifest(snap)
    got = {n: [(f["path"], f["sha256"], os.stat(snap / f["path"]).st_ino) for f in man["tables"][n]["files"]]
           for n in TABLES}
    meta = json.loads((snap / store.ROWS / "meta.json").read_text())
    for n, files in meta["parts"].items():
        got[f"_rows/{n}"] = [(f["path"], f["sha256"], os.stat(snap / store.ROWS / f["path"]).st_ino) for f in files]
    return got


def _keys_in(out: Path, rel: str) -> list[str]:
    import pyarrow.parquet as pq
    return pq.read_table(store.snapshot(out) / rel).column("article_key").to_pylist()


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """BATCH1 (Scholz, Huber) in one run, then Meier with ``--only-new``: two parts in each article table."""
    tmp = tmp_path_factory.mktemp("parts")
    out = tmp / "out"
    run([write_inputs(tmp / "in1", BATCH1)], out, progress=False)
    first = _parts(out)
    v1 = store.current_version(out)
    run([write_inputs(tmp / "in2", BATCH1 + [record("meier", MEIER)])], out, progress=False, only_new=True)
    return out, first, v1


def test_an_only_new_run_shares_every_unchanged_part_and_adds_one(two_runs):
    out, first, v1 = two_runs
    now = _parts(out)
    for n in ARTICLE_TABLES + ("_rows/mentions", "_rows/claims", "_rows/words"):
        # the first run's part: the same file (inode and sha256), listed first by the new manifest
        assert now[n][0] == first[n][0], n
        assert len(now[n]) == 2, n
    assert os.stat(store.snapshot(out) / now["articles"][0][0]).st_nlink == 2      # in both versions
    assert _keys_in(out, now["articles"][0][0]) == ["https://example.de/scholz", "https://example.de/huber"]
    assert _keys_in(out, now["articles"][1][0]) == ["https://example.de/meier"]
    man = store.manifest(out)
    assert man["previous"] == v1 and man["written"]["files"] >= 4
    # what the commit wrote is about the size of Meier's rows, not of the whole outputs
    total = sum(f["bytes"] for e in man["tables"].values() for f in e["files"])
    assert man["written"]["bytes"] < total
    # readers see one table over the parts: load(), the snapshot's glob (DuckDB) and the previous version
    d = pipeline.load(out)
    assert sorted(d["articles"]["article_key"]) == ["https://example.de/huber", "https://example.de/meier",
                                                     "https://example.de/scholz"]
    duckdb = pytest.importorskip("duckdb")
    snap = store.snapshot(out)
    n = duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{snap}/mentions/*.parquet')").fetchone()[0]
    assert n == len(d["mentions"]) > 0
    old = store.read_version_table(out / store.VERSIONS / v1, store.version_manifest(out / store.VERSIONS / v1),
                                   "articles")
    assert old.num_rows == 2
    assert store.verify(out) == []


def test_forget_rewrites_only_the_parts_of_its_articles(two_runs, tmp_path):
    import shutil
    out = tmp_path / "out"
    shutil.copytree(two_runs[0], out, symlinks=True)
    before = _parts(out)
    res = forget(out, ["https://example.de/meier"])
    assert len(res["forgotten"]) == 1
    after = _parts(out)
    for n in ARTICLE_TABLES:
        assert after[n] == before[n][:1], n          # Scholz and Huber's part shared, Meier's part gone
    forget(out, ["https://example.de/huber"])
    again = _parts(out)
    assert again["articles"][0][0] != after["articles"][0][0]          # rewritten without Huber
    arts = store.read_table(out, "articles")
    assert arts.column("article_key").to_pylist() == ["https://example.de/scholz"]
    gone = {r["article_id"] for r in pipeline.load(out)["articles"].to_dict("records")}
    for n in ("mentions", "roles", "claims"):
        ids = set(store.read_table(out, n).column("article_id").to_pylist())
        assert ids <= gone, n
    from pipeline.runner import RowsStore
    rs = RowsStore.load(out, store.current_version(out))
    assert set(rs.words) == gone
    for n in ("mentions", "roles", "claims"):
        assert set(rs.tables[n].column("article_id").to_pylist()) <= gone


def _sha_files(out: Path) -> set[str]:
    return {store.file_sha256(p) for p in (out / store.VERSIONS).rglob("*.parquet")}


def test_part_files_no_kept_version_lists_are_removed(two_runs, tmp_path):
    import shutil
    out = tmp_path / "out"
    shutil.copytree(two_runs[0], out, symlinks=True)
    forget(out, ["https://example.de/huber"])                   # rewrites the first articles part
    replaced = two_runs[1]["articles"][0][1]
    assert replaced in _sha_files(out)                           # the version before still lists it
    from pipeline.job.publish import undo_forget
    undo_forget(out, ["https://example.de/huber"])              # one more version: KEEP_VERSIONS=2 kept
    assert store.KEEP_VERSIONS == 2
    assert replaced not in _sha_files(out)
    kept = {p.name for p in (out / store.VERSIONS).iterdir()}
    assert len(kept) == 2
    listed = set()
    for v in kept:
        man = store.version_manifest(out / store.VERSIONS / v)
        listed |= {(out / store.VERSIONS / v / f["path"]).resolve() for e in man["tables"].values() for f in e["files"]}
    on_disk = {p.resolve() for p in (out / store.VERSIONS).rglob("*.parquet")}
    assert on_disk == listed                                     # no part file outside a manifest


def _child(inputs, out, point):
    os.environ[store.FAULT_ENV] = point
    run(inputs, out, progress=False, only_new=True)
    os._exit(0)


def test_a_kill_between_writing_a_part_and_the_switch_leaves_the_old_version(two_runs, tmp_path):
    import shutil
    out = tmp_path / "out"
    shutil.copytree(two_runs[0], out, symlinks=True)
    before = _parts(out)
    old = store.load_arrow(out)
    inp = write_inputs(tmp_path / "in", [record("huber2", HUBER.replace("warnt", "warnte"))])
    p = multiprocessing.get_context("fork").Process(target=_child, args=([inp], out, "part"))
    p.start()
    p.join(120)
    assert p.exitcode == -signal.SIGKILL
    assert list((out / store.VERSIONS).glob(".*.partial"))        # the staged version, with links to parts
    assert _parts(out) == before and store.verify(out) == []
    now = store.load_arrow(out)
    assert now[0] == old[0] and all(now[1][n].equals(old[1][n]) for n in TABLES)
    run([inp], out, progress=False, only_new=True)                 # the next run cleans up and publishes
    assert not list((out / store.VERSIONS).glob(".*"))
    after = _parts(out)
    assert after["articles"][0] == before["articles"][0]
    keys = pc.unique(store.read_table(out, "articles").column("article_key")).to_pylist()
    assert "https://example.de/huber2" in keys and store.verify(out) == []


def _actors_by_rows(mentions, types):
    """The actors table as the row loop of earlier releases built it (the reference)."""
    acc = {}
    for m in mentions.to_pylist():
        if not m["actor_id"]:
            continue
        a = acc.setdefault(m["actor_id"], {"actor_id": m["actor_id"], "name": m["actor_name"], "aliases": set(),
                                           "articles": set(), "n_mentions": 0})
        a["aliases"].add(m["text"])
        a["articles"].add(m["article_id"])
        a["n_mentions"] += 1
    from pipeline.schemas import to_table
    return to_table("actors", [{"actor_id": k, "name": a["name"], "actor_type": types.get(k, "other"),
                                "aliases": sorted(a["aliases"]), "n_articles": len(a["articles"]),
                                "n_mentions": a["n_mentions"]} for k, a in sorted(acc.items())])


def test_the_columnar_actors_table_is_the_row_loops_table():
    from pipeline.runner import build_actors
    from pipeline.schemas import to_table
    rows = [("a2", "p9", "Özdemir", "Cem Özdemir"), ("a1", "p1", "Scholz", "Olaf Scholz"),
            ("a1", "p1", "Olaf Scholz", "Olaf Scholz"), ("a2", "p1", "Kanzler Scholz", "olaf scholz"),
            ("a2", "p1", "Scholz", "olaf scholz"), ("a3", None, "jemand", None), ("a3", "", "man", None),
            ("a3", "o1", "Ärztekammer", "Ärztekammer"), ("a3", "o1", "Aerztekammer", "Ärztekammer"),
            ("a1", "p9", "Cem Özdemir", "Cem Özdemir")]
    men = to_table("mentions", [{"article_id": a, "mention_id": f"m{i}", "actor_id": x, "actor_name": n, "text": t,
                                 "label": "PER", "start": i, "end": i + 1, "sentence": 0}
                                for i, (a, x, t, n) in enumerate(rows)])
    types = {"p1": "person", "p9": "person", "o1": "organization"}
    got = build_actors(men, types)
    assert got.equals(_actors_by_rows(men, types))
    d = {r["actor_id"]: r for r in got.to_pylist()}
    assert d["p1"]["name"] == "Olaf Scholz" and d["p1"]["aliases"] == ["Kanzler Scholz", "Olaf Scholz", "Scholz"]
    assert (d["p1"]["n_articles"], d["p1"]["n_mentions"]) == (2, 4)
    assert d["o1"]["aliases"] == ["Aerztekammer", "Ärztekammer"] and list(d) == ["o1", "p1", "p9"]


def test_actors_of_several_parts_load_sorted(tmp_path):
    from test_store import sample_tables
    from pipeline.runner import build_actors
    from pipeline.schemas import to_table
    t = sample_tables()
    store.write_version(tmp_path, t, {})
    first = store.manifest(tmp_path)["tables"]["actors"]["files"][0]
    row = t["mentions"].to_pylist()[0]
    extra = [{**row, "mention_id": f"x{i}", "actor_id": f"{i:02d}", "actor_name": f"Person {i}", "text": f"P{i}"}
             for i in range(12)]
    t["mentions"] = to_table("mentions", t["mentions"].to_pylist() + extra)
    t["actors"] = build_actors(t["mentions"], {"p1": "person", "p2": "person"})
    store.write_version(tmp_path, t, {})
    man = store.manifest(tmp_path)
    assert man["tables"]["actors"]["files"][0] == first and len(man["tables"]["actors"]["files"]) == 2   # shared + new
    ids = pipeline.load(tmp_path)["actors"]["actor_id"].tolist()
    assert ids == sorted(ids) and len(ids) == 14


def test_a_run_of_new_articles_does_not_append_to_a_damaged_rows_store(two_runs, tmp_path):
    """A part of the kept rows gone: the run writes a store of its own rows (as before part files), and the
    next re-run re-extracts what that store lacks, instead of publishing a store that lists a missing file."""
    import shutil
    from pipeline.runner import RowsStore
    out = tmp_path / "out"
    shutil.copytree(two_runs[0], out, symlinks=True)
    snap = store.snapshot(out)
    meta = json.loads((snap / store.ROWS / "meta.json").read_text())
    (snap / store.ROWS / meta["parts"]["claims"][0]["path"]).unlink()
    run([write_inputs(tmp_path / "in", [record("huber2", HUBER.replace("warnt", "warnte"))])], out,
        progress=False, only_new=True)
    rs = RowsStore.load(out, store.current_version(out))
    assert rs is not None and len(rs.words) == 1                    # the new article's rows only
    assert store.read_table(out, "articles").num_rows == 4 and store.verify(out) == []


def test_small_parts_at_the_end_are_merged_eight_at_a_time(tmp_path):
    """Nine publishes of one new article each: the eighth merges the trailing parts of one size class into
    one, the rows stay (in order) and the first part, of another size class, stays shared."""
    from test_store import sample_tables
    from pipeline.schemas import to_table
    t = sample_tables()
    art = t["articles"].to_pylist()[0]
    arts = [dict(art, article_id=f"b{i:02d}", article_key=f"k{i:02d}", content_sha256=f"{i:064x}") for i in range(20)]
    t["articles"] = to_table("articles", arts[:10])
    store.write_version(tmp_path, t, {})
    first = store.manifest(tmp_path)["tables"]["articles"]["files"][0]
    counts = []
    for n in range(11, 20):
        t["articles"] = to_table("articles", arts[:n])
        store.write_version(tmp_path, t, {})
        counts.append(len(store.manifest(tmp_path)["tables"]["articles"]["files"]))
    assert counts == [2, 3, 4, 5, 6, 7, 8, 2, 3]        # 10 | 1×7 then the 8th: 10 | 8, then | 1
    files = store.manifest(tmp_path)["tables"]["articles"]["files"]
    assert files[0] == first and [f["rows"] for f in files] == [10, 8, 1]
    assert store.read_table(tmp_path, "articles").column("article_id").to_pylist() == [a["article_id"] for a in arts[:19]]
