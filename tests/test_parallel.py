"""Parse + extract on several worker processes: the same outputs as one process, row for row.

The corpus/ articles run in batches of 2 (so 2 worker processes share 3 batches); a full rules
re-run re-extracts them on 2 workers as well. Everything else about a run is the same code path.
"""
import pyarrow.parquet as pq
import pytest

import pipeline
from pipeline import cache as cache_mod
from pipeline.job import steps
from pipeline.runner import rerun_rules, run

from conftest import CORPUS

DROP = {"ingested_at", "seen_at", "first_seen_at", "revised_at"}      # times of the run


def _tables(out):
    return {n: df.drop(columns=[c for c in df.columns if c in DROP]).astype(str).reset_index(drop=True)
            for n, df in pipeline.load(out).items()}


@pytest.fixture(scope="module")
def one_and_two(tmp_path_factory):
    base = tmp_path_factory.mktemp("parallel")
    mp = pytest.MonkeyPatch()
    mp.setattr(steps, "PROCESS_BATCH", 2)
    try:
        one = run([CORPUS], base / "one", progress=False, processes=1)
        two = run([CORPUS], base / "two", progress=False, processes=2)
    finally:
        mp.undo()
    return base, one, two


def test_two_processes_give_the_same_tables_in_the_same_order(one_and_two):
    base, one, two = one_and_two
    assert (one.articles_read, one.parsed, one.mentions, one.roles, one.claims) == \
        (two.articles_read, two.parsed, two.mentions, two.roles, two.claims) == (6, 6, 241, 54, 68)
    a, b = _tables(base / "one"), _tables(base / "two")
    assert set(a) == set(b) and len(a["articles"]) == 6
    for name in a:
        assert a[name].equals(b[name]), name
    # the workers wrote every article's DocBin for later re-runs
    model = pipeline.store.manifest(base / "two")["model"]
    docs = cache_mod.DocCache(base / "two" / "_cache" / "docs", model["key"])
    assert all(s in docs for s in a["articles"]["content_sha256"])


def test_full_rerun_on_two_processes_matches(one_and_two, monkeypatch):
    base, _, _ = one_and_two
    before = _tables(base / "two")
    monkeypatch.setattr(steps, "PROCESS_BATCH", 2)
    monkeypatch.setenv("PIPELINE_PROCESSES", "2")
    res = rerun_rules(base / "two", full=True)
    assert res["reextracted"] == 6 and res["reparsed"] == 0
    after = _tables(base / "two")
    for name in before:
        assert before[name].equals(after[name]), name


def test_extraction_uses_the_doc_just_parsed(tmp_path, monkeypatch):
    """Parsing and extracting in one pass never reads a DocBin back (but writes every one)."""
    out = tmp_path / "work"
    out.mkdir()
    steps.ingest_step([CORPUS / "000_1dcbb7a54b18fb12.txt"], out)

    def no_reading(self, sha, vocab):
        raise AssertionError("read back a DocBin just written")

    monkeypatch.setattr(cache_mod.DocCache, "get", no_reading)
    r = steps.process_step(out, tmp_path / "cache", processes=1)
    assert (r["parsed"], r["cached"], r["articles"], r["extract_rejects"]) == (1, 0, 1, 0)
    assert r["mentions"] > 50 and r["roles"] > 10
    assert pq.read_table(out / "articles.parquet").column("n_tokens").to_pylist()[0] > 1000
    assert len(list((tmp_path / "cache").rglob("*.spacy"))) == 1


def _imports_after(argv: list[str]) -> dict:
    import json
    import subprocess
    import sys

    from conftest import ROOT
    code = ("import contextlib, io, json, sys\n"
            "from pipeline.__main__ import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    rc = main({argv!r})\n"
            "print(json.dumps({'rc': rc, 'spacy': 'spacy' in sys.modules, 'prefect': 'prefect' in sys.modules}))")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout.strip().splitlines()[-1])


def test_info_and_a_run_with_nothing_new_load_no_model(one_and_two):
    """Fast start: `info` reads the model's meta.json; a run with nothing new parses nothing, so
    neither imports spaCy (let alone loads the model) nor Prefect."""
    base, _, _ = one_and_two
    assert _imports_after(["info", "--json"]) == {"rc": 0, "spacy": False, "prefect": False}
    assert _imports_after(["run", str(CORPUS), "--out", str(base / "one"), "--only-new", "--no-progress"]) == \
        {"rc": 0, "spacy": False, "prefect": False}


def _fails(job, arts):
    from pipeline.ruleset import RuleError
    raise RuleError("x.yaml", None, "broken")        # an exception that does not pickle back


def test_a_worker_error_reaches_the_parent():
    job = steps._Job("/nonexistent", "k", None, None, ())
    with pytest.raises(steps.WorkerError, match="RuleError"):
        list(steps.run_batches(_fails, job, [[{}], [{}], [{}]], processes=2))


_IGNORING_PARENT = r"""
import signal, sys
from pipeline.job import steps

def double(job, arts):
    return [2 * a for a in arts]

# What a Prefect flow run does to the process: its own SIGTERM handler (here: one that ignores it).
signal.signal(signal.SIGTERM, lambda *a: None)
job = steps._Job("/nonexistent", "k", None, None, ())
print(list(steps.run_batches(double, job, [[1], [2], [3]], processes=2)))
"""


def test_the_pool_ends_under_a_parent_sigterm_handler():
    """Workers forked from a flow run inherited Prefect's SIGTERM handler, so the pool's terminate()
    at the end never ended them and `flows.py run` against a running server hung; they now reset it."""
    import subprocess
    import sys

    from conftest import ROOT

    p = subprocess.run([sys.executable, "-c", _IGNORING_PARENT], capture_output=True, text=True, timeout=120,
                       cwd=ROOT)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.strip() == "[[2], [4], [6]]"
