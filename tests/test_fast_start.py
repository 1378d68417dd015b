"""Fast start (issue 16): a run with nothing new decides "already done" per input file from a record of
its raw bytes (``OUT/_cache/ingested.json``), so it reads no HTML and imports neither pandas nor the
HTML/date libraries; a changed file is still read again."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import CORPUS, ROOT
from pipeline.job import ingested
from pipeline.job.ingested import IngestedState
from pipeline.job.steps import ingest_step

HEAVY = ("pandas", "trafilatura", "ftfy", "dateparser", "spacy", "prefect")


@pytest.fixture()
def out(corpus_outputs, tmp_path):
    """A copy of a real run over corpus/ (the shared outputs stay untouched)."""
    return shutil.copytree(corpus_outputs, tmp_path / "out", symlinks=True)


def _noop(out) -> dict:
    code = ("import contextlib, io, json, sys\n"
            "from pipeline.__main__ import main\n"
            "buf = io.StringIO()\n"
            "with contextlib.redirect_stdout(buf):\n"
            f"    rc = main(['run', {str(CORPUS)!r}, '--out', {str(out)!r}, '--only-new', '--no-progress'])\n"
            f"print(json.dumps({{'rc': rc, 'out': buf.getvalue(), 'loaded': [m for m in {HEAVY!r} if m in sys.modules]}}))")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout.strip().splitlines()[-1])


def test_a_run_with_nothing_new_imports_no_heavy_library(out):
    res = _noop(out)
    assert res["rc"] == 0 and res["loaded"] == []
    assert "0 processed, 6 already done, 0 rejected" in res["out"]


def test_a_file_whose_article_was_forgotten_is_not_read_again(out):
    from pipeline.job.publish import forget
    from pipeline.runner import run
    html = CORPUS / "010_spiegel_baerbock_bruessel.html"
    forget(out, [str(html)])
    first = run([CORPUS], out, progress=False, only_new=True)           # publishes the `forgotten` reject
    assert (first.articles_read, first.rejected) == (0, 1)
    res = _noop(out)
    assert res["rc"] == 0 and res["loaded"] == []
    assert "0 processed, 5 already done, 0 rejected" in res["out"]


def test_replaying_the_record_gives_what_reading_gives(out, tmp_path):
    """Skipped articles, rejects and the record itself are the same with and without the record."""
    files = sorted(str(p) for p in CORPUS.iterdir())
    state = json.loads(ingested.state_path(out).read_text(encoding="utf-8"))
    assert sorted(state["files"]) == files
    assert [[e[0], e[1][:16]] for e in state["files"][str(CORPUS / "030_agenturen.jsonl")]["items"]] == \
        [["a", "6ae13e25de0a64f0"], ["a", "1a410d791ceb2956"], ["a", "6ae13e25de0a64f0"]]     # line 3: a duplicate
    (tmp_path / "w1").mkdir(), (tmp_path / "w2").mkdir()
    fast = ingest_step([CORPUS], tmp_path / "w1", only_new_in=out)
    ingested.state_path(out).unlink()
    full = ingest_step([CORPUS], tmp_path / "w2", only_new_in=out)
    assert (fast.n_articles, fast.n_rejects, fast.n_skipped) == (full.n_articles, full.n_rejects, full.n_skipped) \
        == (0, 0, 6)
    assert json.loads(ingested.state_path(out).read_text(encoding="utf-8"))["files"] == state["files"]


def _record(tmp_path, files, aids):
    st = IngestedState(tmp_path / "out")
    st.scan(files)
    for f in files:
        st.record(str(f), [["a", aids[f.name], None, "path:" + str(f)]])
    st.save()
    return st


def _done(tmp_path, files, known):
    st = IngestedState(tmp_path / "out")
    st.scan(files)
    return {os.path.basename(n) for n in st.done(lambda e: e[1] in known)}


def test_only_unchanged_files_with_published_articles_are_done(tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    a.write_text("<p>Erster Text</p>", encoding="utf-8")
    b.write_text("<p>Zweiter Text</p>", encoding="utf-8")
    _record(tmp_path, [a, b], {"a.html": "aaaa", "b.html": "bbbb"})
    assert _done(tmp_path, [a, b], {"aaaa", "bbbb"}) == {"a.html", "b.html"}
    assert _done(tmp_path, [a, b], {"aaaa"}) == {"a.html"}          # b's article not published (any more)
    # the same size and mtime, other bytes: still read again
    st = os.stat(b)
    b.write_text("<p>Zweiter Test</p>", encoding="utf-8")
    os.utime(b, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert _done(tmp_path, [a, b], {"aaaa", "bbbb"}) == {"a.html"}


def test_another_reader_reads_everything_again(tmp_path, monkeypatch):
    a = tmp_path / "a.html"
    a.write_text("<p>Text</p>", encoding="utf-8")
    _record(tmp_path, [a], {"a.html": "aaaa"})
    monkeypatch.setenv("PIPELINE_MAX_CHARS", "5000")           # other limits may give other articles
    assert _done(tmp_path, [a], {"aaaa"}) == set()


def test_a_new_page_of_a_site_rereads_its_other_text_pages(tmp_path):
    """Text dumps of one site are read together for their repeated lines: one new page changes them all."""
    from pipeline.web.profile import web_rules
    n = web_rules().dump.min_repeated_pages
    pages = [tmp_path / f"taz.de.seite{i}.txt" for i in range(n + 1)]
    for i, p in enumerate(pages):
        p.write_text(f"Menü\nText {i}\n", encoding="utf-8")
    other = tmp_path / "notiz.html"
    other.write_text("<p>Notiz</p>", encoding="utf-8")
    aids = {p.name: p.name for p in pages + [other]}
    _record(tmp_path, pages + [other], aids)
    assert _done(tmp_path, pages + [other], set(aids.values())) == set(aids)
    new = tmp_path / f"taz.de.seite{n + 1}.txt"
    new.write_text("Menü\nNeu\n", encoding="utf-8")
    assert _done(tmp_path, pages + [other, new], set(aids.values())) == {"notiz.html"}
