"""The installation check of a run without HTML inputs looks for the web modules without importing them
(issue 16: serial start of a JSONL run), and still names one that is missing."""
import sys

from pipeline import envcheck


def test_only_jsonl_files_skip_the_web_imports(tmp_path):
    (tmp_path / "a.jsonl").write_text("{}\n", encoding="utf-8")
    (tmp_path / "b.jsonl.gz").write_bytes(b"")
    (tmp_path / "c.html").write_text("<html></html>", encoding="utf-8")
    assert envcheck.inputs_need_web([tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz"]) is False
    assert envcheck.inputs_need_web([tmp_path / "a.jsonl", tmp_path / "c.html"]) is True
    assert envcheck.inputs_need_web([tmp_path]) is True                   # a folder may hold pages
    assert envcheck.inputs_need_web([tmp_path / "fehlt.jsonl"]) is True   # not a file: the full check


def test_a_missing_web_module_is_named_without_importing_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "htmldate", None)          # import htmldate -> ImportError
    found = envcheck.problems(web=False)
    assert len(found) == 1 and found[0].startswith("cannot import htmldate (ModuleNotFoundError")
    assert any(p.startswith("cannot import htmldate (") for p in envcheck.problems(web=True))


def test_the_light_check_does_not_stand_for_the_full_one(monkeypatch):
    monkeypatch.setattr(envcheck, "_OK", set())
    envcheck.check_environment(None, web=False)
    assert envcheck._OK == {(None, False)}
    monkeypatch.setitem(sys.modules, "lxml_html_clean", None)
    try:
        envcheck.check_environment(None, web=True)
    except envcheck.EnvironmentProblem as exc:
        assert "cannot import lxml_html_clean" in str(exc)
    else:
        raise AssertionError("the full check was skipped")


def test_a_run_never_imports_pandas_and_readers_still_get_it(tmp_path):
    """The installation check only looks for pandas, and after ``arrow_without_pandas`` (what ``run`` and
    ``rerun`` call first) pyarrow's first list conversion does not import it (issue 16: 0.25-0.3 s of a run's
    serial start); ``to_pandas`` still imports it, and afterwards pyarrow
    converts pandas objects as before (NaN as null)."""
    import subprocess
    code = (
        "import sys\n"
        "from pipeline import envcheck, schemas\n"
        "import pyarrow as pa\n"
        "schemas.arrow_without_pandas()\n"
        "assert not envcheck.problems(web=False)\n"
        "t = pa.Table.from_pylist([{'a': 1}, {'a': None}])\n"
        "print('pandas' in sys.modules)\n"
        "df = t.to_pandas()\n"
        "import pandas as pd\n"
        "print(pa.array(pd.Series([1.0, float('nan')])).null_count, df['a'].isna().sum())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[:2] == ["False", "1 1"]
