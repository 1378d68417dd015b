"""The whole job end to end on corpus/: CLI, Prefect flow, re-runs, rejects, locking."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from pipeline import store
from pipeline.runner import rerun_rules, run
from pipeline.ruleset import RuleError
from pipeline.schemas import TABLES

from conftest import CORPUS, ROOT

SEED = "000_1dcbb7a54b18fb12.txt"


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    summary = run([CORPUS], out, progress=False)
    return out, summary


def test_run_writes_every_table(corpus_out):
    out, summary = corpus_out
    dfs = pipeline.load(out)
    assert set(dfs) == set(TABLES)
    for name, df in dfs.items():
        assert list(df.columns) == TABLES[name].names
    arts = dfs["articles"]
    # 6 articles in corpus/ (one JSONL line repeats another's text -> a duplicate reject)
    assert summary.articles_read == len(arts) == 6
    assert arts["article_id"].is_unique
    rej = dfs["rejects"]
    assert list(rej["reason"].astype(str)) == ["duplicate"]
    seed = arts[arts["source_path"].str.endswith(SEED)].iloc[0]
    assert seed["title"].startswith("Vance, Waltz – und Musk?")
    assert seed["published_at"] == pd.Timestamp("2025-02-14 13:35", tz="Europe/Berlin")
    assert seed["n_tokens"] > 1500
    assert seed["model_name"] == summary.model.split()[0]
    assert len(seed["rules_version"]) == 12


def test_spans_index_into_body_text(corpus_out):
    out, _ = corpus_out
    dfs = pipeline.load(out)
    body = dict(zip(dfs["articles"]["article_id"], dfs["articles"]["body_text"]))
    for _, m in dfs["mentions"].iterrows():
        assert body[m["article_id"]][m["start"]:m["end"]] == m["text"]
    for _, r in dfs["roles"].iterrows():
        assert body[r["article_id"]][r["start"]:r["end"]] == r["role_text"]
    for _, c in dfs["claims"].iterrows():
        assert body[c["article_id"]][c["claim_start"]:c["claim_end"]] == c["claim_text"]


def test_sentence_numbers_agree_across_tables_on_the_seed(corpus_out):
    """Every table numbers sentences by the one split of the DocView: the sentence containing the
    row's start offset. (The extractors used to split on their own: 92, 88 and 100 sentences.)"""
    from pipeline.cache import DocCache
    from pipeline.extract import DocView
    from pipeline.runner import blank_vocab, default_cache_dir

    out, _ = corpus_out
    dfs = pipeline.load(out)
    seed = dfs["articles"][dfs["articles"]["source_path"].str.endswith(SEED)].iloc[0]
    aid = seed["article_id"]
    mentions = dfs["mentions"][dfs["mentions"]["article_id"] == aid]
    roles = dfs["roles"][dfs["roles"]["article_id"] == aid]
    assert len(mentions) > 50 and len(roles) > 10
    # mentions and roles together, in text order: sentence numbers never go back (with the
    # extractors' own splits they did 11 times on the seed: roles counted fewer sentences)
    rows = sorted([*zip(mentions["start"], mentions["sentence"]), *zip(roles["start"], roles["sentence"])])
    assert all(b[1] >= a[1] for a, b in zip(rows, rows[1:]))
    # a role and the ROLE mention of the same words sit in the same sentence
    role_mentions = {(m.start, m.end): m.sentence for m in mentions.itertuples() if m.label == "ROLE"}
    shared = [(r.start, r.end) for r in roles.itertuples() if (r.start, r.end) in role_mentions]
    assert len(shared) >= 5
    for r in roles.itertuples():
        if (r.start, r.end) in role_mentions:
            assert r.sentence == role_mentions[(r.start, r.end)], r.role_text
    # ... because both are the sentence of the start offset in the one split
    model = store.manifest(out)["model"]
    doc = DocCache(default_cache_dir(out), model["key"]).get(seed["content_sha256"], blank_vocab())
    view = DocView.of(doc)
    assert len(view.sents) == 92
    for rows in (mentions, roles):
        assert list(rows["sentence"]) == [view.sentence_at(s) for s in rows["start"]]
    first = view.sentence_span(0).text
    assert seed["body_text"].startswith(first)


def test_reprocessing_replaces_rows_and_uses_cache(tmp_path):
    first = run([CORPUS], tmp_path, progress=False)
    before = {n: len(df) for n, df in pipeline.load(tmp_path).items()}
    second = run([CORPUS], tmp_path, progress=False)
    after = {n: len(df) for n, df in pipeline.load(tmp_path).items()}
    assert before == after
    assert first.parsed == 6 and second.parsed == 0 and second.cached == 6
    third = run([CORPUS], tmp_path, progress=False, only_new=True)
    assert third.articles_read == 0 and third.articles_skipped == 6 and third.version is None


def test_rerun_rules_reports_changes_without_parsing(tmp_path):
    run([CORPUS], tmp_path, progress=False)
    rules = tmp_path / "myrules"
    shutil.copytree(ROOT / "pipeline" / "rules", rules)
    res = rerun_rules(tmp_path, rules_dir=rules)
    assert res["reparsed"] == 0 and res["articles"] == 6
    assert "| (no change) | 0 | 0 | 0 |" in res["report"]
    assert Path(res["report_path"]).read_text(encoding="utf-8") == res["report"]
    # a rules file with an error fails loudly, naming the file, and leaves the outputs alone
    version = store.manifest(tmp_path)["version"]
    (rules / "roles.yaml").write_text("version: [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleError, match="roles.yaml"):
        rerun_rules(tmp_path, rules_dir=rules)
    assert store.manifest(tmp_path)["version"] == version


def test_bad_inputs_become_rejects_not_crashes(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(CORPUS / SEED, inp / SEED)
    (inp / "broken.jsonl").write_text('{"id": "1", "text": "Gut."}\n{not json\n', encoding="utf-8")
    (inp / "empty.txt").write_text("   \n", encoding="utf-8")
    (inp / "data.csv").write_text("a,b\n", encoding="utf-8")
    summary = run([inp], tmp_path / "out", progress=False)
    rej = pipeline.load(tmp_path / "out")["rejects"]
    reasons = dict(zip(rej["source_path"].map(lambda p: Path(p.split(":")[0]).name), rej["reason"].astype(str)))
    assert reasons["broken.jsonl"] == "bad_json"
    assert reasons["empty.txt"] == "empty_body"
    assert reasons["data.csv"] == "unsupported_format"
    assert summary.articles_read == 2


def test_a_fixed_file_loses_its_old_reject(tmp_path):
    """A file rejected in one run and read without error in the next has an article and no reject: the old
    reject would contradict the article. Files not fixed keep theirs (rejected again, or not read again)."""
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(CORPUS / SEED, inp / SEED)
    (inp / "leer.txt").write_text("   \n", encoding="utf-8")
    (inp / "kaputt.txt").write_text("", encoding="utf-8")
    run([inp], tmp_path / "out", progress=False)
    rej = pipeline.load(tmp_path / "out")["rejects"]
    assert sorted(Path(p).name for p in rej["source_path"]) == ["kaputt.txt", "leer.txt"]
    shutil.copy(CORPUS / "040_sz_lindner_haushalt.txt", inp / "leer.txt")
    run([inp], tmp_path / "out", progress=False)
    tables = pipeline.load(tmp_path / "out")
    assert [Path(p).name for p in tables["rejects"]["source_path"]] == ["kaputt.txt"]
    assert "leer.txt" in {Path(p).name for p in tables["articles"]["source_path"]}


def test_second_writer_waits_then_fails_clearly(tmp_path):
    with store.locked(tmp_path):
        with pytest.raises(store.LockedError, match="being written"):
            run([CORPUS / SEED], tmp_path, progress=False, lock_timeout=0.5)


def test_cli_end_to_end(tmp_path):
    out = tmp_path / "cli"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", str(CORPUS), "--out", str(out)],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Articles      6 processed, 0 already done, 1 rejected" in proc.stdout
    assert "Tables now    articles 6" in proc.stdout
    info = subprocess.run([sys.executable, "-m", "pipeline", "info", "--json"], capture_output=True,
                          text=True, env=env, timeout=120)
    data = json.loads(info.stdout)
    assert data["model"] == pipeline.load(out)["articles"]["model_name"].astype(str).iloc[0]
    assert "ner" in data["components"]


def test_prefect_flow_on_corpus(tmp_path):
    flows = pytest.importorskip("flows")
    res = flows.process_corpus(str(CORPUS), str(tmp_path))
    assert res["articles"] == 6
    dfs = pipeline.load(tmp_path)
    assert len(dfs["articles"]) == 6 and len(dfs["rejects"]) == 1
    assert "process_corpus" in res["summary"]


def test_claim_dates_on_the_seed_article(corpus_out):
    from datetime import date
    out, _ = corpus_out
    dfs = pipeline.load(out)
    arts = dfs["articles"]
    seed = arts[arts["source_path"].str.endswith(SEED)]["article_id"].iloc[0]
    claims = dfs["claims"][dfs["claims"]["article_id"] == seed]
    trump = claims[(claims["cue_text"] == "betonte") & (claims["claim_type"] == "indirect")].iloc[0]
    assert trump["speaker_name"] == "Donald Trump"
    assert trump["claim_date"] == date(2025, 2, 13) and trump["claim_date_text"] == "Am Donnerstag"
    assert str(trump["claim_date_granularity"]) == "day"
    # "vor 2014" inside Hegseth's claim dates its content, not the statement
    hegseth = claims[claims["speaker_name"] == "Pete Hegseth"]
    assert len(hegseth) >= 2 and hegseth["claim_date"].isna().all()
