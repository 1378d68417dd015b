"""Issue 16, speed18: the compiled rule set kept on disk (pipeline.rulecache) is what compiling gives, and is
used only under its own key."""
import shutil

import pytest

from pipeline import rulecache, ruleset
from pipeline.extract import extract
from pipeline.ruleset import RULES_DIR, load_rules

TEXT = ("Dr. Anna Weber, Sprecherin der Kreisklinik Mühldorf, sagte am 3. Mai, die Lage sei ernst. Laut Polizei Köln "
        "wurde niemand verletzt. Der Bürgermeister von Passau, Jürgen Dupper, kündigte an, man werde den Vorschlag "
        "prüfen. Die Deutsche Bank äußerte sich nicht.")


@pytest.fixture()
def rules_copy(tmp_path):
    d = tmp_path / "rules"
    shutil.copytree(RULES_DIR, d, ignore=shutil.ignore_patterns("__pycache__"))
    yield d
    _forget(d)


def _forget(d):
    for key in [k for k in ruleset._CACHE if k[0] == str(d.resolve())]:
        del ruleset._CACHE[key]


def _compiles(monkeypatch) -> list:
    calls = []
    real = ruleset._compile

    def counted(directory):
        calls.append(directory)
        return real(directory)
    monkeypatch.setattr(ruleset, "_compile", counted)
    return calls


def test_a_second_process_reads_what_the_first_compiled(rules_copy, tmp_path, monkeypatch):
    calls = _compiles(monkeypatch)
    cache = tmp_path / "cache"
    first = load_rules(rules_copy, cache=cache)
    assert len(calls) == 1 and len(list(cache.glob("rules-*.pickle"))) == 1
    _forget(rules_copy)                                  # as a fresh process: no memo
    again = load_rules(rules_copy, cache=cache)
    assert len(calls) == 1                               # read, not compiled
    assert again is not first and again.version == first.version
    assert set(again.compiled) == set(first.compiled)
    for stem in first.compiled:
        assert again[stem] == first[stem], stem
    assert again["speech"].switch("particle_apart") == first["speech"].switch("particle_apart")


def test_a_changed_rule_file_is_compiled_anew(rules_copy, tmp_path, monkeypatch):
    calls = _compiles(monkeypatch)
    cache = tmp_path / "cache"
    load_rules(rules_copy, cache=cache)
    (old,) = cache.glob("rules-*.pickle")
    tags = rules_copy / "tags.yaml"
    tags.write_text(tags.read_text(encoding="utf-8") + "\n# a comment changes the bytes\n", encoding="utf-8")
    _forget(rules_copy)
    load_rules(rules_copy, cache=cache)
    assert len(calls) == 2
    (new,) = cache.glob("rules-*.pickle")                # the other key's file is gone
    assert new != old


def test_a_damaged_or_foreign_file_is_never_used(rules_copy, tmp_path, monkeypatch):
    calls = _compiles(monkeypatch)
    cache = tmp_path / "cache"
    load_rules(rules_copy, cache=cache)
    (path,) = cache.glob("rules-*.pickle")
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF                                    # one byte of the payload
    path.write_bytes(bytes(data))
    _forget(rules_copy)
    load_rules(rules_copy, cache=cache)
    assert len(calls) == 2
    head = len(rulecache.MAGIC)
    data = bytearray(path.read_bytes())
    data[head:head + 64] = b"0" * 64                     # a file stored under another key
    path.write_bytes(bytes(data))
    _forget(rules_copy)
    load_rules(rules_copy, cache=cache)
    assert len(calls) == 3
    _forget(rules_copy)
    load_rules(rules_copy, cache=cache)                  # rewritten: read again
    assert len(calls) == 3


def test_the_key_covers_the_package_code(tmp_path, monkeypatch):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "sub" / "mod.py").write_text("X = 1\n")
    monkeypatch.setattr(rulecache, "PKG", pkg)
    rulecache.code_key.cache_clear()
    try:
        before = rulecache.code_key()
        (pkg / "sub" / "mod.py").write_text("X = 2\n")
        rulecache.code_key.cache_clear()
        assert rulecache.code_key() != before
    finally:
        rulecache.code_key.cache_clear()


def test_extraction_with_the_kept_rules_is_the_same(rules_copy, tmp_path, de_news):
    cache = tmp_path / "cache"
    fresh = load_rules(rules_copy, cache=cache)
    _forget(rules_copy)
    kept = load_rules(rules_copy, cache=cache)
    doc = de_news(TEXT)
    a, b = extract(doc, fresh), extract(doc, kept)
    assert a.claims and a.roles and a.mentions
    assert repr(a) == repr(b)


def test_a_run_keeps_the_rules_and_a_rerun_reads_them(tmp_path, monkeypatch):
    from pipeline import store
    from pipeline.job.util import default_rules_cache
    from pipeline.runner import rerun_rules, run
    import json
    inp = tmp_path / "news.jsonl"
    inp.write_text(json.dumps({"id": "a1", "url": "https://example.de/a1", "title": "Lage", "text": TEXT,
                               "published": "2025-05-05T09:30:00+02:00"}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run([inp], out, progress=False)
    (kept,) = default_rules_cache(out).glob("rules-*.pickle")
    before = {t: store.read_table(out, t).drop_columns(["rules_version"]).to_pylist()
              for t in ("mentions", "roles", "claims")}
    _forget(RULES_DIR)                                   # as a new process: no rule set in memory
    calls = _compiles(monkeypatch)
    res = rerun_rules(out, full=True)
    assert res["reextracted"] == 1 and calls == []       # read from OUT/_cache/rules, not compiled
    assert list(default_rules_cache(out).glob("rules-*.pickle")) == [kept]
    after = {t: store.read_table(out, t).drop_columns(["rules_version"]).to_pylist() for t in before}
    assert after == before and before["claims"]


def test_a_new_process_reading_the_kept_rules_extracts_the_same(tmp_path):
    """A re-run in a new process reads the compiled rules and never compiles actors.yaml, whose rule-id check used to
    be the only import of ent18's org rules (orgs_named): every article then failed with KeyError
    'org_acronym_kind_name'. The re-run of unchanged rules must change no row."""
    import json
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    inp = tmp_path / "news.jsonl"
    text = TEXT + " Die Wirtschafts- und Korruptionsstaatsanwaltschaft (WKStA) ermittelt. Die WKStA sagte, es gebe Hinweise."
    inp.write_text(json.dumps({"id": "a1", "url": "https://example.de/a1", "title": "Lage", "text": text,
                               "published": "2025-05-05T09:30:00+02:00"}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    py = [sys.executable, "-m", "pipeline"]
    subprocess.run(py + ["run", str(inp), "--out", str(out)], cwd=root, check=True, capture_output=True, text=True)
    assert list((out / "_cache" / "rules").glob("rules-*.pickle"))
    res = subprocess.run(py + ["rerun", "--out", str(out), "--full"], cwd=root, check=True, capture_output=True,
                         text=True)
    last = res.stdout.strip().splitlines()[-1]
    assert last.startswith("1 articles: 1 re-extracted"), last
    assert "(no change)" in res.stdout
