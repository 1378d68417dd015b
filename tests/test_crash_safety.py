"""Crash safety: SIGKILL at every named point of publishing and at random moments, then a normal run;
concurrent readers during repeated publishes; damaged files; the output lock. Small corpus: three
short German articles."""
from __future__ import annotations

import json
import multiprocessing
import os
import random
import shutil
import signal
import threading
import time
from pathlib import Path

import pyarrow as pa
import pytest

from pipeline import store
from pipeline.job.plan import Parsed, ExtractStats, run_info
from pipeline.runner import commit_step, extract_step, ingest_step, parse_step, run
from pipeline.schemas import TABLES, to_table


SCHOLZ = ("Berlin – Bundeskanzler Olaf Scholz hat am Montag neue Hilfen für die Ukraine angekündigt. "
          "„Wir stehen fest an der Seite der Ukraine“, sagte Scholz in Berlin. CDU-Chef Friedrich Merz "
          "sagte, die Regierung handle zu spät.")
HUBER = ("München – Die bayerische Wirtschaftsministerin Anna Huber warnt vor steigenden Energiepreisen. "
         "Nach Angaben des Ministeriums sind die Kosten für Unternehmen um zwölf Prozent gestiegen. "
         "„Das ist eine ernste Lage“, sagte Huber am Dienstag.")
MEIER = ("Hamburg – Der Hafen meldet einen Rekord beim Umschlag. Hafenchef Jens Meier betonte, die Zahlen "
         "seien ein gutes Zeichen für den Standort. Eine Studie mit neuen Daten soll im Frühjahr folgen.")
SCHOLZ_2 = SCHOLZ.replace("am Montag", "am Dienstag")          # a corrected article: one word changed


def record(key: str, text: str) -> dict:
    return {"id": key, "url": f"https://example.de/{key}", "title": key.title(), "text": text,
            "published": "2025-02-21T09:30:00+01:00"}


def write_inputs(folder: Path, records: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in folder.glob("*.jsonl"):
        f.unlink()
    (folder / "news.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                       encoding="utf-8")
    return folder


BATCH1 = [record("scholz", SCHOLZ), record("huber", HUBER)]
BATCH2 = [record("scholz", SCHOLZ_2), record("meier", MEIER)]


def comparable(out: Path) -> dict[str, pa.Table]:
    _, t = store.load_arrow(out)
    return t


def assert_same(a: dict, b: dict) -> None:
    for n in TABLES:
        assert a[n].equals(b[n]), f"{n} differs: {a[n].num_rows} vs {b[n].num_rows} rows"


def _work(tmp: Path, name: str, records: list[dict], cache: Path) -> tuple[Path, dict]:
    """ingest -> parse -> extract into a work dir (reused by every commit below: same rows, same times)."""
    inp = write_inputs(tmp / f"in-{name}", records)
    work = tmp / f"work-{name}"
    work.mkdir()
    ingest_step([inp], work)
    parsed = Parsed.of(parse_step(work, cache))
    ex = ExtractStats.of(extract_step(work, cache, parsed.as_dict()))
    return work, run_info(parsed, ex)


@pytest.fixture(scope="module")
def batches(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("crash")
    cache = tmp / "docs"
    w1, info1 = _work(tmp, "1", BATCH1, cache)
    w2, info2 = _work(tmp, "2", BATCH2, cache)
    base = tmp / "base"
    commit_step(w1, base, info1)
    ref = tmp / "ref"
    shutil.copytree(base, ref, symlinks=True)
    t0 = time.perf_counter()
    commit_step(w2, ref, info2)
    seconds = time.perf_counter() - t0
    return {"base": base, "ref": ref, "w2": w2, "info2": info2, "seconds": seconds,
            "old": comparable(base), "new": comparable(ref)}


def _commit_child(work, out, info, fault_point):
    if fault_point:
        os.environ[store.FAULT_ENV] = fault_point
    commit_step(work, out, info)
    os._exit(0)


def _spawn(b, out: Path, point: str | None):
    ctx = multiprocessing.get_context("fork")
    p = ctx.Process(target=_commit_child, args=(b["w2"], out, b["info2"], point))
    p.start()
    return p


def _old_or_new(b, out: Path) -> str:
    got = comparable(out)
    for label in ("old", "new"):
        if all(got[n].equals(b[label][n]) for n in TABLES):
            return label
    raise AssertionError("the published tables are neither the old nor the new version")


POINTS = [f"table:{n}" for n in TABLES] + ["part", "staged", "sealed", "switched", "cleaned"]


def test_the_batches_differ_in_every_extracted_table(batches):
    """(else the old-or-new checks below could not tell the versions apart)"""
    for n in ("articles", "mentions", "actors", "claims"):
        assert not batches["old"][n].equals(batches["new"][n]), n
    arts = batches["new"]["articles"].to_pylist()
    assert sorted(a["revision"] for a in arts) == [1, 1, 2]


@pytest.mark.parametrize("point", POINTS)
def test_sigkill_at_a_named_point_then_a_normal_run(batches, tmp_path, point):
    out = tmp_path / "out"
    shutil.copytree(batches["base"], out, symlinks=True)
    p = _spawn(batches, out, point)
    p.join(60)
    assert p.exitcode == -signal.SIGKILL, f"not killed at {point}"
    seen = _old_or_new(batches, out)
    assert seen == ("new" if point in ("switched", "cleaned") else "old"), point
    commit_step(batches["w2"], out, batches["info2"])              # the normal run after the crash
    assert_same(comparable(out), batches["new"])
    assert not list((out / store.VERSIONS).glob(".*")), "a partial version was left behind"
    names = [p.name for p in (out / store.VERSIONS).iterdir()]
    assert len(names) <= store.KEEP_VERSIONS + 1


def test_sigkill_at_random_moments(batches, tmp_path):
    rnd = random.Random(13)
    seen = []
    for i in range(6):
        out = tmp_path / f"out{i}"
        shutil.copytree(batches["base"], out, symlinks=True)
        p = _spawn(batches, out, None)
        time.sleep(rnd.uniform(0, batches["seconds"] * 1.2))
        os.kill(p.pid, signal.SIGKILL)
        p.join(30)
        seen.append(_old_or_new(batches, out))
        commit_step(batches["w2"], out, batches["info2"])
        assert_same(comparable(out), batches["new"])
    print("random kills left:", seen)
    assert set(seen) <= {"old", "new"}


def test_concurrent_readers_never_see_two_versions(tmp_path):
    """A reader loop over pipeline.load() and DuckDB (through the version folder ``current`` names) while
    versions alternate between two article sets: zero claims whose article is missing."""
    duckdb = pytest.importorskip("duckdb")
    import pipeline

    def tables(aid: str) -> dict[str, pa.Table]:
        t = {n: to_table(n, []) for n in TABLES}
        t["articles"] = to_table("articles", [{
            "article_id": aid, "source_path": f"{aid}.txt", "source_format": "text", "body_text": "x",
            "language": "de", "n_tokens": 1, "content_sha256": aid, "ingested_at": store.datetime.now(
                store.timezone.utc)}])
        t["claims"] = to_table("claims", [{"article_id": aid, "claim_id": f"{aid}-{i}", "claim_text": "y",
                                           "claim_start": 0, "claim_end": 1, "claim_type": "direct",
                                           "rule_id": "r"} for i in range(3)])
        return t

    out = tmp_path / "out"
    store.write_version(out, tables("a"), {})
    stop = threading.Event()
    stats = {"reads": 0, "orphans": 0, "errors": []}

    def reader():
        con = duckdb.connect()
        while not stop.is_set():
            try:
                d = pipeline.load(out, ["articles", "claims"])
                stats["orphans"] += int((~d["claims"]["article_id"].isin(d["articles"]["article_id"])).sum())
                snap = store.snapshot(out)
                n = con.execute(
                    f"SELECT count(*) FROM read_parquet('{snap}/claims/*.parquet') c WHERE c.article_id NOT IN "
                    f"(SELECT article_id FROM read_parquet('{snap}/articles/*.parquet'))").fetchone()[0]
                stats["orphans"] += n
                stats["reads"] += 2
            except duckdb.IOException:
                pass            # the snapshot was removed (KEEP_VERSIONS later): a reader retries
            except Exception as exc:  # noqa: BLE001
                stats["errors"].append(repr(exc))

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    for i in range(20):
        store.write_version(out, tables("b" if i % 2 else "a"), {})
    time.sleep(0.05)
    stop.set()
    for t in threads:
        t.join()
    assert stats["errors"] == []
    assert stats["reads"] > 10 and stats["orphans"] == 0


# ----------------------------------------------------------------------------- whole runs
@pytest.fixture(scope="module")
def small_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("small")
    inp = write_inputs(tmp / "in", BATCH1)
    out = tmp / "out"
    run([inp], out, progress=False)
    return inp, out


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, symlinks=True)
    return dst


def _run_child(inputs, out, point):
    os.environ[store.FAULT_ENV] = point
    run(inputs, out, progress=False)
    os._exit(0)


def test_killed_run_then_only_new_run_publishes_the_batch(small_run, tmp_path):
    """A whole ``run`` killed between two tables of its publish; ``--only-new`` (what ``serve`` runs)
    still processes the killed batch (it was never published) instead of hiding it."""
    inp, base = small_run
    out = _copy(base, tmp_path / "out")
    inp2 = write_inputs(tmp_path / "in", BATCH1 + [record("meier", MEIER)])
    p = multiprocessing.get_context("fork").Process(target=_run_child, args=([inp2], out, "table:roles"))
    p.start()
    p.join(120)
    assert p.exitcode == -signal.SIGKILL
    assert store.read_table(out, "articles").num_rows == 2                   # the old version, whole
    res = run([inp2], out, progress=False, only_new=True)
    assert (res.articles_read, res.articles_skipped) == (1, 2)
    ref = _copy(base, tmp_path / "ref")
    run([inp2], ref, progress=False, only_new=True)
    a, b = comparable(out), comparable(ref)
    for n in TABLES:
        cols = [c for c in a[n].column_names if c not in ("ingested_at", "seen_at", "first_seen_at", "revised_at")]
        assert a[n].select(cols).equals(b[n].select(cols)), n
    assert not list((out / "_runs").iterdir()), "the killed run's work dir is left"


def test_stale_run_dirs_are_removed_and_a_waiting_run_says_for_whom(small_run, tmp_path, caplog):
    inp, base = small_run
    out = _copy(base, tmp_path / "out")
    dead = out / "_runs" / "20250101T000000-dead01"
    dead.mkdir(parents=True)
    (dead / "articles.parquet").write_bytes(b"article text of a dead run")
    result = {}
    with store.locked(out, what="test holder"):
        t = threading.Thread(target=lambda: result.setdefault("rc", __import__("pipeline.__main__").__main__.main(
            ["cache", "prune", "--out", str(out), "--lock-timeout", "1"])))
        with caplog.at_level("WARNING", logger="pipeline.store"):
            t.start()
            t.join(30)
    assert result["rc"] == 2                                                  # prune never ran during the "run"
    assert any("waiting for" in r.message and "test holder" in r.message for r in caplog.records)
    assert store.read_table(out, "articles").num_rows == 2
    assert not dead.exists()                                                  # removed when the lock was taken


def test_cache_report_and_prune_cover_every_cache(small_run, tmp_path, capsys):
    from pipeline.__main__ import main
    inp, base = small_run
    out = _copy(base, tmp_path / "out")
    ext = out / "_cache" / "extract" / "k1"
    ext.mkdir(parents=True)
    (ext / "stats.json").write_text("{}")
    assert main(["cache", "report", "--out", str(out)]) == 0
    rep = capsys.readouterr().out
    assert "extraction results" in rep and "1 files" in rep and "versions (tables + rows stores)" in rep
    assert main(["cache", "prune", "--out", str(out)]) == 0
    assert "extraction results: removed 1 files" in capsys.readouterr().out
    assert not ext.exists()
    assert store.read_table(out, "articles").num_rows == 2


def test_truncated_manifest_stops_the_run_at_start_naming_the_file(small_run, tmp_path):
    inp, base = small_run
    out = _copy(base, tmp_path / "out")
    man = store.snapshot(out) / store.MANIFEST
    data = man.read_bytes()
    man.chmod(0o644)
    man.write_bytes(data[: len(data) // 2])
    with pytest.raises(store.StoreError, match=r"_manifest.json is damaged or truncated"):
        run([inp], out, progress=False)
    assert not list((out / "_runs").iterdir())                               # nothing was started


def _flip(path: Path, at: float = 0.5) -> None:
    data = bytearray(path.read_bytes())
    i = int(len(data) * at)
    data[i] ^= 0x01
    path.write_bytes(bytes(data))


def test_flipped_bit_in_a_published_table_is_rebuilt_from_the_rows_store(small_run, tmp_path):
    inp, base = small_run
    out = _copy(base, tmp_path / "out")
    before = comparable(out)
    part = store.snapshot(out) / "claims" / "part-0.parquet"
    _flip(part)
    with pytest.raises(store.CorruptError, match="claims/part-0.parquet"):
        store.load(out)
    assert [e.table for e in store.verify(out)] == ["claims"]
    res = run([inp], out, progress=False, only_new=True)                     # the start of any run heals
    assert res.version is None                                                # (nothing new besides)
    assert_same(comparable(out), before)
    assert store.verify(out) == []


def test_flipped_bit_in_articles_stops_the_run_naming_the_file(small_run, tmp_path):
    inp, base = small_run
    out = _copy(base, tmp_path / "out")
    _flip(store.snapshot(out) / "articles" / "part-0.parquet")
    with pytest.raises(store.StoreError, match=r"articles/part-0.parquet is corrupt"):
        run([inp], out, progress=False)


def test_flipped_bit_in_the_rows_store_is_detected(small_run, tmp_path, caplog):
    from pipeline.runner import RowsStore, rerun_rules
    inp, base = small_run
    out = _copy(base, tmp_path / "out")
    v = store.current_version(out)
    assert RowsStore.load(out, v) is not None
    _flip(store.rows_dir(out, v) / "claims" / "part-0.arrow", 0.7)
    with caplog.at_level("WARNING"):
        assert RowsStore.load(out, v) is None
    assert any("claims/part-0.arrow is corrupt: sha256 differs" in r.getMessage() for r in caplog.records)
    res = rerun_rules(out)
    assert res["why"] == "no rows kept from the last run" and res["reextracted"] == 2
    assert_same(comparable(out), comparable(base))


def test_damaged_parse_cache_file_is_parsed_again(small_run, tmp_path, caplog):
    inp, base = small_run
    out = _copy(base, tmp_path / "out")
    files = sorted((out / "_cache" / "docs").rglob("*.spacy"))
    assert len(files) == 2
    _flip(files[0], 0.6)
    with caplog.at_level("WARNING", logger="pipeline.cache"):
        res = run([inp], out, progress=False)
    assert (res.parsed, res.cached) == (1, 1)
    assert any("is damaged" in r.getMessage() and files[0].name in r.getMessage() for r in caplog.records)
    a, b = comparable(out), comparable(base)
    for n in ("mentions", "roles", "claims", "actors"):
        assert a[n].equals(b[n]), n


def test_run_with_other_rules_stops_or_reextracts(small_run, tmp_path):
    from pipeline.job.plan import RulesMismatch
    from pipeline.ruleset import RULES_DIR
    inp, base = small_run
    out = _copy(base, tmp_path / "out")
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    p = rules / "speech.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("    - betonen\n", "", 1), encoding="utf-8")
    inp2 = write_inputs(tmp_path / "in", BATCH1 + [record("meier", MEIER)])
    with pytest.raises(RulesMismatch, match="never mixes two rule sets"):
        run([inp2], out, rules_dir=rules, progress=False, only_new=True)
    run([inp2], out, rules_dir=rules, progress=False, only_new=True, reextract=True)
    t = comparable(out)
    man = store.manifest(out)
    for n in ("articles", "mentions", "roles", "claims"):
        assert set(map(str, t[n].column("rules_version").to_pylist())) == {man["rules_version"]}, n
    assert t["articles"].num_rows == 3 and man["rule_files"]["speech"]


def test_rerun_full_reparses_a_damaged_parse(small_run, tmp_path):
    from pipeline.runner import rerun_rules
    inp, base = small_run
    out = _copy(base, tmp_path / "out")
    f = sorted((out / "_cache" / "docs").rglob("*.spacy"))[1]
    f.write_bytes(f.read_bytes()[:100])                        # truncated
    res = rerun_rules(out, full=True)
    assert res["reparsed"] == 1 and res["reextracted"] == 2
    assert_same(comparable(out), comparable(base))


def test_disk_full_while_writing_the_rows_store_keeps_the_old_version(small_run, tmp_path, monkeypatch):
    """The rows store is part of the version it belongs to: failing to write it fails the publish."""
    import errno
    from pipeline.job.rowstore import RowsStore
    inp, base = small_run
    out = _copy(base, tmp_path / "out")
    v = store.current_version(out)

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(RowsStore, "write", staticmethod(full))
    inp2 = write_inputs(tmp_path / "in", BATCH1 + [record("meier", MEIER)])
    with pytest.raises(OSError, match="No space left"):
        run([inp2], out, progress=False)
    assert store.current_version(out) == v
    assert_same(comparable(out), comparable(base))
    assert not list((out / store.VERSIONS).glob(".*"))
