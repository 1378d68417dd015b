"""Prefect flows for real: Dask scale-out, incremental scheduled runs against a live server."""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import pipeline
from pipeline import store

from conftest import CORPUS, ROOT

flows = pytest.importorskip("flows")
pytest.importorskip("prefect_dask")

SEED = "000_1dcbb7a54b18fb12.txt"


def _tables(out):
    dfs = pipeline.load(out)
    drop = {"ingested_at", "seen_at", "first_seen_at", "revised_at"}      # times of this run
    out = {}
    for n, df in dfs.items():
        df = df.drop(columns=[c for c in df.columns if c in drop]).astype(str)
        out[n] = df.sort_values(list(df.columns)).reset_index(drop=True)
    return out


@pytest.mark.slow
def test_dask_two_workers_gives_identical_outputs(tmp_path):
    small = tmp_path / "in"
    small.mkdir()
    for f in sorted(CORPUS.iterdir())[:4]:
        shutil.copy(f, small / f.name)
    local = flows.run_process_corpus(small, tmp_path / "local")
    dask = flows.run_process_corpus(small, tmp_path / "dask", workers=2)
    assert local["articles"] == dask["articles"] >= 4
    a, b = _tables(tmp_path / "local"), _tables(tmp_path / "dask")
    for name in a:
        assert a[name].equals(b[name]), name


def test_incremental_run_processes_only_new_articles(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(CORPUS / SEED, inp / SEED)
    out = tmp_path / "out"
    first = flows.process_corpus(str(inp), str(out), only_new=True)
    assert first["articles"] == 1
    v1 = store.manifest(out)["version"]
    again = flows.process_corpus(str(inp), str(out), only_new=True)
    assert again["version"] is None and again["skipped"] == 1
    assert store.manifest(out)["version"] == v1            # nothing written
    jsonl = next(CORPUS.glob("*.jsonl"))
    shutil.copy(jsonl, inp / jsonl.name)
    third = flows.process_corpus(str(inp), str(out), only_new=True)
    assert third["articles"] == 2 and third["skipped"] == 1
    assert len(pipeline.load(out)["articles"]) == 3


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_schedule_fires_against_a_live_server(tmp_path):
    """`flows.py serve` with a short interval, against `prefect server start` run by this test."""
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
           "PYTHONPATH": str(ROOT)}
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(CORPUS / SEED, inp / SEED)
    out = tmp_path / "out"
    prefect = Path(sys.executable).with_name("prefect")
    server = subprocess.Popen([str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    serve = None
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except OSError:
                time.sleep(1)
        else:
            pytest.fail("prefect server did not start in 90 s")
        serve = subprocess.Popen([sys.executable, str(ROOT / "flows.py"), "serve", "--input", str(inp),
                                  "--out", str(out), "--interval", "5", "--name", "test-schedule"],
                                 env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 start_new_session=True, cwd=tmp_path)
        deadline = time.time() + 150
        while time.time() < deadline and not (out / store.MANIFEST).exists():
            time.sleep(2)
        assert (out / store.MANIFEST).exists(), "the scheduled run never wrote outputs"
        assert len(pipeline.load(out)["articles"]) == 1
    finally:
        for proc in (serve, server):
            if proc is not None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
