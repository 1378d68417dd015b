"""Article identity and revisions: a changed body replaces its article and all its rows; forget."""
from __future__ import annotations

import json
import shutil

import pyarrow.compute as pc
import pytest

import pipeline
from pipeline import store
from pipeline.job.publish import article_key
from pipeline.runner import run
from pipeline.schemas import TABLES

from test_crash_safety import BATCH1, HUBER, MEIER, SCHOLZ, SCHOLZ_2, record, write_inputs


def _arts(out):
    return {a["article_key"]: a for a in store.read_table(out, "articles").to_pylist()}


def _rows_of(out, aid):
    return {n: int(pc.sum(pc.equal(store.read_table(out, n).column("article_id"), aid)).as_py() or 0)
            for n in ("mentions", "roles", "claims")}


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rev")
    inp = write_inputs(tmp / "in", BATCH1)
    out = tmp / "out"
    run([inp], out, progress=False)
    return out


def _copy(src, dst):
    shutil.copytree(src, dst, symlinks=True)
    return dst


@pytest.mark.parametrize("only_new", [False, True], ids=["run", "only-new (serve)"])
def test_a_changed_body_replaces_the_article_and_all_its_rows(first, tmp_path, only_new):
    out = _copy(first, tmp_path / "out")
    before = _arts(out)
    old = before["https://example.de/scholz"]
    assert (old["revision"], old["previous_sha256"]) == (1, None)
    assert old["first_seen_at"] == old["revised_at"] == old["ingested_at"]
    inp = write_inputs(tmp_path / "in", [record("scholz", SCHOLZ_2), record("huber", HUBER)])
    res = run([inp], out, progress=False, only_new=only_new)
    assert res.articles_read == (1 if only_new else 2)
    after = _arts(out)
    assert len(after) == 2                                  # one article per key, never two versions
    new = after["https://example.de/scholz"]
    assert new["article_id"] != old["article_id"] and "am Dienstag" in new["body_text"]
    assert (new["revision"], new["previous_sha256"]) == (2, old["content_sha256"])
    assert new["first_seen_at"] == old["first_seen_at"] and new["revised_at"] > old["revised_at"]
    assert after["https://example.de/huber"]["revision"] == 1
    assert _rows_of(out, old["article_id"]) == {"mentions": 0, "roles": 0, "claims": 0}
    # the new revision has exactly the rows a fresh run of its body gives
    fresh = tmp_path / "fresh"
    run([write_inputs(tmp_path / "in2", [record("scholz", SCHOLZ_2)])], fresh, progress=False)
    assert _rows_of(out, new["article_id"]) == _rows_of(fresh, new["article_id"])
    assert _rows_of(out, new["article_id"])["claims"] >= 2
    # no actor counts the old revision
    actors = {a["name"]: a for a in store.read_table(out, "actors").to_pylist()}
    assert actors["Olaf Scholz"]["n_articles"] == 1


def test_the_same_body_again_keeps_its_revision(first, tmp_path):
    out = _copy(first, tmp_path / "out")
    before = _arts(out)
    inp = write_inputs(tmp_path / "in", BATCH1)
    run([inp], out, progress=False)
    after = _arts(out)
    for k, a in after.items():
        assert (a["revision"], a["first_seen_at"], a["revised_at"]) == \
            (1, before[k]["first_seen_at"], before[k]["revised_at"])


def test_two_revisions_in_one_run_keep_the_later_one(tmp_path):
    inp = write_inputs(tmp_path / "in", [record("scholz", SCHOLZ), record("scholz", SCHOLZ_2)])
    out = tmp_path / "out"
    run([inp], out, progress=False)
    arts = store.read_table(out, "articles").to_pylist()
    assert len(arts) == 1 and "am Dienstag" in arts[0]["body_text"] and arts[0]["revision"] == 2
    assert set(store.read_table(out, "claims").column("article_id").to_pylist()) == {arts[0]["article_id"]}


def test_identical_bodies_under_different_keys_stay_duplicates(tmp_path):
    inp = write_inputs(tmp_path / "in", [record("scholz", SCHOLZ), record("kopie", SCHOLZ)])
    out = tmp_path / "out"
    run([inp], out, progress=False)
    assert store.read_table(out, "articles").num_rows == 1
    rej = store.read_table(out, "rejects").to_pylist()
    assert [str(r["reason"]) for r in rej] == ["duplicate"]


def test_article_key_order():
    assert article_key("https://x.de/a", "jsonl", "7", "f.jsonl") == "https://x.de/a"
    assert article_key(None, "jsonl", "7", "f.jsonl") == "id:7"
    assert article_key(None, "text", "a", "/data/a.txt") == "path:/data/a.txt"


def test_forget_removes_articles_and_all_their_rows(first, tmp_path, capsys):
    from pipeline.__main__ import main
    out = _copy(first, tmp_path / "out")
    arts = _arts(out)
    gone = arts["https://example.de/scholz"]["article_id"]
    assert main(["forget", "https://example.de/scholz", "nicht-da", "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert f"forgot 1 article(s): {gone}" in printed.out and "not found: nicht-da" in printed.err
    d = pipeline.load(out)
    assert list(d["articles"]["article_key"]) == ["https://example.de/huber"]
    for n in ("mentions", "roles", "claims"):
        assert gone not in set(d[n]["article_id"]), n
    names = set(d["actors"]["name"])
    assert "Olaf Scholz" not in names and "Anna Huber" in names
    assert store.manifest(out)["forgot"] == [gone]
    # the kept rows follow: a rules re-run starts from them
    from pipeline.runner import RowsStore, rerun_rules
    assert sorted(RowsStore.load(out, store.current_version(out)).words) == list(d["articles"]["article_id"])
    assert rerun_rules(out)["reextracted"] == 0
    assert list(store.forgotten(out)) == ["https://example.de/scholz"]        # a re-run keeps the tombstone
    assert main(["forget", "nicht-da", "--out", str(out)]) == 1             # nothing matched: nothing written


def test_forget_flow(first, tmp_path):
    flows = pytest.importorskip("flows")
    out = _copy(first, tmp_path / "out")
    res = flows.forget_articles.fn(["https://example.de/huber"], str(out))
    assert len(res["forgotten"]) == 1 and store.read_table(out, "articles").num_rows == 1
    assert list(store.forgotten(out)) == ["https://example.de/huber"]
    res = flows.forget_articles.fn(["https://example.de/huber"], str(out), undo=True)
    assert res["undone"] == ["https://example.de/huber"] and store.forgotten(out) == {}


def test_older_outputs_without_revision_columns_get_them(first, tmp_path):
    """Tables of schema 1 (no article_key/revision) are read with nulls and continue as revision 1."""
    out = _copy(first, tmp_path / "out")
    snap = store.snapshot(out)
    import pyarrow.parquet as pq
    part = snap / "articles" / "part-0.parquet"
    t = pq.read_table(part).drop_columns(["article_key", "revision", "first_seen_at", "revised_at",
                                          "previous_sha256"])
    part.chmod(0o644)
    pq.write_table(t, part)
    man = json.loads((snap / store.MANIFEST).read_text())
    man["tables"]["articles"]["files"][0]["sha256"] = store.file_sha256(part)
    (snap / store.MANIFEST).write_text(json.dumps(man))
    arts = store.read_table(out, "articles")
    assert arts.column("revision").null_count == 2
    inp = write_inputs(tmp_path / "in", [record("scholz", SCHOLZ_2), record("huber", HUBER),
                                         record("meier", MEIER)])
    run([inp], out, progress=False)
    revs = {a["article_key"]: a["revision"] for a in store.read_table(out, "articles").to_pylist()}
    assert revs == {"https://example.de/scholz": 2, "https://example.de/huber": 1, "https://example.de/meier": 1}
    assert set(TABLES) <= set(pipeline.load(out))


def _page(body: str) -> str:
    return "Scholz kündigt Hilfen an\n\n" + body.replace(". ", ".\n\n", 1) + "\n"


def test_a_moved_file_keeps_its_history(tmp_path):
    """Text files are known by their path; the same body under a new path is the same article."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "scholz.txt").write_text(_page(SCHOLZ), encoding="utf-8")
    out = tmp_path / "out"
    run([a], out, progress=False)
    (a / "scholz.txt").write_text(_page(SCHOLZ_2), encoding="utf-8")
    run([a], out, progress=False)
    before = store.read_table(out, "articles").to_pylist()[0]
    assert before["revision"] == 2 and before["article_key"] == "path:" + str(a / "scholz.txt")
    (b / "scholz.txt").write_text(_page(SCHOLZ_2), encoding="utf-8")
    run([b], out, progress=False)
    (after,) = store.read_table(out, "articles").to_pylist()
    assert after["article_key"] == "path:" + str(b / "scholz.txt")
    assert (after["revision"], after["first_seen_at"], after["previous_sha256"]) == \
        (2, before["first_seen_at"], before["previous_sha256"])
    # forget takes a file path as well (as given, or as the absolute path of the key)
    from pipeline.job.publish import forget
    assert forget(out, [str(b / "scholz.txt")])["forgotten"] == [after["article_id"]]
    assert store.read_table(out, "articles").num_rows == 0 and store.read_table(out, "claims").num_rows == 0


def test_an_unrelated_body_under_a_known_url_is_a_revision_but_said_so(first, tmp_path, caplog):
    out = _copy(first, tmp_path / "out")
    inp = write_inputs(tmp_path / "in", [record("scholz", MEIER)])        # another story under the same URL
    with caplog.at_level("WARNING", logger="pipeline.job.publish"):
        run([inp], out, progress=False)
    assert _arts(out)["https://example.de/scholz"]["revision"] == 2
    assert any("https://example.de/scholz: the new body shares only" in r.getMessage() for r in caplog.records)


# --------------------------------------------------------------------------- forgotten stays forgotten
def _forgotten_rejects(out):
    return [r for r in store.read_table(out, "rejects").to_pylist() if str(r["reason"]) == "forgotten"]


@pytest.mark.parametrize("only_new", [False, True], ids=["run", "only-new (serve)"])
def test_a_forgotten_article_stays_forgotten_until_undone(first, tmp_path, capsys, only_new):
    from pipeline.__main__ import main
    out = _copy(first, tmp_path / "out")
    old = _arts(out)["https://example.de/scholz"]
    assert main(["forget", "https://example.de/scholz", "--out", str(out)]) == 0
    tomb = store.forgotten(out)
    assert list(tomb) == ["https://example.de/scholz"]
    assert (tomb["https://example.de/scholz"]["sha256"], tomb["https://example.de/scholz"]["article_id"]) == \
        (old["content_sha256"], old["article_id"])
    capsys.readouterr()
    assert main(["forget", "--list", "--out", str(out)]) == 0
    assert f"https://example.de/scholz\t{old['article_id']}" in capsys.readouterr().out

    # the input file is still there: the next run leaves the article out and says so in rejects
    inp = write_inputs(tmp_path / "in", BATCH1)
    res = run([inp], out, progress=False, only_new=only_new)
    assert res.articles_read == (0 if only_new else 1)
    assert list(_arts(out)) == ["https://example.de/huber"]
    assert _rows_of(out, old["article_id"]) == {"mentions": 0, "roles": 0, "claims": 0}
    (rej,) = _forgotten_rejects(out)
    assert rej["source_path"].startswith(str(inp / "news.jsonl"))
    assert rej["detail"].startswith("https://example.de/scholz was forgotten (same body)")
    # a later scheduled run is a no-op, and the reject is not doubled; the tombstone survives publishes
    version = store.current_version(out)
    assert run([inp], out, progress=False, only_new=True).articles_read == 0
    assert store.current_version(out) == version and len(_forgotten_rejects(out)) == 1
    # a corrected body under the forgotten key stays out too
    write_inputs(tmp_path / "in", [record("scholz", SCHOLZ_2), record("huber", HUBER)])
    run([inp], out, progress=False, only_new=only_new)
    assert list(_arts(out)) == ["https://example.de/huber"]
    (rej,) = _forgotten_rejects(out)
    assert "(changed body, still forgotten)" in rej["detail"]

    # undo: the tombstone and its rejects go; the next run brings the article back
    assert main(["forget", "--undo", "https://example.de/scholz", "nicht-da", "--out", str(out)]) == 0
    assert "not forgotten: nicht-da" in capsys.readouterr().err
    assert store.forgotten(out) == {} and _forgotten_rejects(out) == []
    assert list(_arts(out)) == ["https://example.de/huber"]          # undo itself re-reads nothing
    run([inp], out, progress=False, only_new=only_new)
    back = _arts(out)["https://example.de/scholz"]
    assert "am Dienstag" in back["body_text"] and _rows_of(out, back["article_id"])["claims"] >= 2
    assert main(["forget", "--undo", "https://example.de/scholz", "--out", str(out)]) == 1


def test_run_include_forgotten_brings_them_back(first, tmp_path):
    out = _copy(first, tmp_path / "out")
    from pipeline.job.publish import forget
    forget(out, ["https://example.de/huber"])
    # the forgotten body under another key (a moved file) stays out too
    inp = write_inputs(tmp_path / "in", [record("scholz", SCHOLZ), record("huber-neu", HUBER)])
    run([inp], out, progress=False, only_new=True)
    assert sorted(_arts(out)) == ["https://example.de/scholz"]
    (rej,) = _forgotten_rejects(out)
    assert rej["detail"].startswith("https://example.de/huber was forgotten (same body under "
                                    "https://example.de/huber-neu)")
    run([inp], out, progress=False, only_new=True, include_forgotten=True)
    assert sorted(_arts(out)) == ["https://example.de/huber-neu", "https://example.de/scholz"]
    assert store.forgotten(out) == {} and _forgotten_rejects(out) == []   # published again: tombstone went


def test_a_damaged_tombstone_stops_a_run_naming_the_manifest(first, tmp_path):
    out = _copy(first, tmp_path / "out")
    from pipeline.job.publish import forget
    forget(out, ["https://example.de/huber"])
    man_path = store.snapshot(out) / store.MANIFEST
    man = json.loads(man_path.read_text())
    man["forgotten"]["https://example.de/huber"]["sha256"] = "../../etc/passwd"
    man_path.write_text(json.dumps(man))
    with pytest.raises(store.StoreError, match="tombstone 'https://example.de/huber' has no valid sha256"):
        run([write_inputs(tmp_path / "in", BATCH1)], out, progress=False)


def test_a_run_that_started_before_forget_publishes_without_the_article(first, tmp_path):
    """The tombstones are checked again when a run publishes (under the lock): a forget that landed while
    the run parsed is not undone by it."""
    from test_crash_safety import _work

    from pipeline.job.publish import forget
    from pipeline.runner import commit_step
    out = _copy(first, tmp_path / "out")
    work, info = _work(tmp_path, "late", [record("scholz", SCHOLZ_2), record("meier", MEIER)], tmp_path / "docs")
    forget(out, ["https://example.de/scholz"])          # lands while the run above is under way
    commit_step(work, out, info)
    assert sorted(_arts(out)) == ["https://example.de/huber", "https://example.de/meier"]
    (rej,) = _forgotten_rejects(out)
    assert "(changed body, still forgotten)" in rej["detail"] and rej["source_path"].endswith("news.jsonl")
    assert list(store.forgotten(out)) == ["https://example.de/scholz"]
