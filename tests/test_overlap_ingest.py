"""A run on several processes ingests in a forked process while the parent loads what the parse workers
inherit (issue 16: the serial start of a run). The outputs are those of the plain path, the ingest really
ran in another process, and the loads are dropped again after the process step."""
import os
from pathlib import Path

import pipeline
from pipeline import nlp
from pipeline.job import plan, steps
from pipeline.runner import run

from conftest import CORPUS

DROP = {"ingested_at", "seen_at", "first_seen_at", "revised_at"}      # times of the run
_REAL_INGEST = plan.ingest_step


def _ingest_noting_pid(*args, **kw):
    """plan.ingest_step, writing the pid it ran in next to the work dir (picklable: module level)."""
    (Path(args[1]).parent / "ingest.pid").write_text(str(os.getpid()))      # OUT/_runs/ingest.pid
    return _REAL_INGEST(*args, **kw)


def _tables(out):
    return {n: df.drop(columns=[c for c in df.columns if c in DROP]).astype(str).reset_index(drop=True)
            for n, df in pipeline.load(out).items()}


def test_overlapped_ingest_gives_the_same_tables(tmp_path, monkeypatch):
    monkeypatch.setattr(steps, "PROCESS_BATCH", 2)          # 3 batches on 2 workers
    plain = run([CORPUS], tmp_path / "plain", progress=False, processes=2)   # model loaded: no overlap
    monkeypatch.setattr(nlp, "_LOADED", {})                 # a fresh process: nothing loaded yet
    monkeypatch.setattr(plan, "ingest_step", _ingest_noting_pid)
    req = plan.RunRequest.of([CORPUS], tmp_path / "over", processes=2)
    assert plan._overlap_ingest(req) and not plan._overlap_ingest(plan.RunRequest.of(
        [CORPUS], tmp_path / "x", processes=2, only_new=True)) and not plan._overlap_ingest(plan.RunRequest.of(
        [CORPUS], tmp_path / "x", processes=1))
    over = run([CORPUS], tmp_path / "over", progress=False, processes=2)
    pid_file = tmp_path / "over" / "_runs" / "ingest.pid"
    assert int(pid_file.read_text()) != os.getpid()          # the ingest ran in a forked process
    assert nlp._LOADED == {}                                 # the model loaded for the workers is dropped again
    assert (over.articles_read, over.parsed, over.mentions, over.roles, over.claims) == \
        (plain.articles_read, plain.parsed, plain.mentions, plain.roles, plain.claims) == (6, 6, 241, 54, 68)
    a, b = _tables(tmp_path / "plain"), _tables(tmp_path / "over")
    assert set(a) == set(b)
    for name in a:
        assert a[name].equals(b[name]), name
