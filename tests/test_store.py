"""Table schemas round-trip through Parquet, pandas, DuckDB and polars; versions swap atomically."""
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from pipeline import store
from pipeline.runner import build_actors
from pipeline.schemas import SCHEMA_VERSION, TABLES, to_table

TS = datetime(2025, 2, 14, 12, 35, tzinfo=timezone.utc)


def sample_tables() -> dict[str, pa.Table]:
    art = {"article_id": "a1", "source_id": "x", "source_path": "corpus/x.txt", "source_format": "text",
           "title": "Titel", "authors": ["Annett Meiritz"], "published_at": TS, "section": "Politik",
           "body_text": "Donald Trump sagte, er vertraue Putin.", "captions": ["Ein Bild. Foto: dpa"],
           "language": "de", "n_tokens": 8, "content_sha256": "f" * 64, "ingested_at": TS,
           "model_name": "de_news", "model_version": "0.1.0", "rules_version": "abc"}
    men = [{"article_id": "a1", "mention_id": "m1", "actor_id": "p1", "actor_name": "Donald Trump",
            "text": "Donald Trump", "label": "PER", "start": 0, "end": 12, "sentence": 0},
           {"article_id": "a1", "mention_id": "m2", "actor_id": "p2", "actor_name": "Wladimir Putin",
            "text": "Putin", "label": "PER", "start": 31, "end": 36, "sentence": 0}]
    claim = {"article_id": "a1", "claim_id": "c1", "speaker_actor_id": "p1", "speaker_name": "Donald Trump",
             "speaker_text": "Donald Trump", "speaker_start": 0, "speaker_end": 12, "cue_text": "sagte",
             "cue_start": 13, "cue_end": 18, "claim_text": "er vertraue Putin", "claim_start": 20,
             "claim_end": 37, "claim_type": "indirect", "claim_date": date(2025, 2, 13),
             "claim_date_granularity": "day", "claim_date_text": "am Donnerstag", "rule_id": "indirect.k1"}
    tables = {n: to_table(n, []) for n in TABLES}
    tables["articles"] = to_table("articles", [art])
    tables["mentions"] = to_table("mentions", men)
    tables["claims"] = to_table("claims", [claim])
    tables["actors"] = build_actors(tables["mentions"], {"p1": "person", "p2": "person"})
    return tables


def test_schema_version_metadata_and_dtypes(tmp_path):
    store.write_version(tmp_path, sample_tables(), {"note": "test"})
    import pyarrow.parquet as pq
    files = list((tmp_path / "claims").glob("*.parquet"))
    assert pq.read_schema(files[0]).metadata[b"schema_version"] == SCHEMA_VERSION.encode()
    dfs = store.load(tmp_path)
    assert set(dfs) == set(TABLES)
    art = dfs["articles"]
    assert str(art["published_at"].dtype) == "datetime64[us, UTC]"
    assert art["published_at"][0] == pd.Timestamp("2025-02-14 12:35", tz="UTC")
    assert isinstance(art["section"].dtype, pd.CategoricalDtype)
    assert list(art["authors"][0]) == ["Annett Meiritz"]
    cl = dfs["claims"]
    assert cl["claim_type"].dtype == "category"
    assert cl["claim_date"][0] == date(2025, 2, 13)
    assert cl["claim_start"].dtype == "int32"
    assert dfs["roles"].empty and list(dfs["roles"].columns) == TABLES["roles"].names
    # pandas can read the table directory directly
    direct = pd.read_parquet(tmp_path / "mentions")
    assert sorted(direct["text"]) == ["Donald Trump", "Putin"]


def test_duckdb_and_polars_read_tables(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    pl = pytest.importorskip("polars")
    store.write_version(tmp_path, sample_tables(), {})
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT c.speaker_name, c.claim_type, a.title FROM read_parquet('{tmp_path}/claims/*.parquet') c "
        f"JOIN read_parquet('{tmp_path}/articles/*.parquet') a USING (article_id)").fetchall()
    assert rows == [("Donald Trump", "indirect", "Titel")]
    n = con.execute(f"SELECT n_mentions FROM read_parquet('{tmp_path}/actors/*.parquet') "
                    "WHERE name = 'Donald Trump'").fetchone()[0]
    assert n == 1
    df = pl.read_parquet(f"{tmp_path}/mentions/*.parquet")
    assert df.filter(pl.col("label") == "PER").height == 2


def test_new_version_swaps_and_keeps_previous_readable(tmp_path):
    v1 = store.write_version(tmp_path, sample_tables(), {})
    old_target = (tmp_path / "articles").resolve()
    t2 = sample_tables()
    t2["articles"] = to_table("articles", [])
    v2 = store.write_version(tmp_path, t2, {})
    assert v1 != v2
    assert store.read_table(tmp_path, "articles").num_rows == 0
    assert old_target.exists()            # previous version still on disk
    assert store.manifest(tmp_path)["version"] == v2
    store.write_version(tmp_path, t2, {})
    versions = [p for p in (tmp_path / "_versions").iterdir() if not p.name.startswith(".")]
    assert len(versions) == store.KEEP_VERSIONS


def test_failed_write_leaves_current_version_untouched(tmp_path):
    store.write_version(tmp_path, sample_tables(), {})
    bad = sample_tables()
    bad["claims"] = pa.table({"nonsense": [1]})
    with pytest.raises(Exception):
        store.write_version(tmp_path, bad, {})
    assert store.read_table(tmp_path, "claims").num_rows == 1
    assert not list((tmp_path / "_versions").glob(".*.partial"))


def test_missing_table_is_refused(tmp_path):
    t = sample_tables()
    del t["roles"]
    with pytest.raises(store.StoreError, match="roles"):
        store.write_version(tmp_path, t, {})


def test_build_actors_aggregates_across_articles():
    men = to_table("mentions", [
        {"article_id": a, "mention_id": f"m{i}", "actor_id": "p1", "actor_name": "Donald Trump",
         "text": t, "label": "PER", "start": 0, "end": len(t), "sentence": 0}
        for i, (a, t) in enumerate([("a1", "Donald Trump"), ("a1", "Trumps"), ("a2", "Trump")])])
    actors = build_actors(men, {"p1": "person"}).to_pylist()
    assert actors == [{"actor_id": "p1", "name": "Donald Trump", "actor_type": "person",
                       "aliases": ["Donald Trump", "Trump", "Trumps"], "n_articles": 2, "n_mentions": 3}]


def test_readme_documents_every_column():
    from pipeline.schemas import markdown
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert markdown().strip() in readme, "README tables are stale: paste `python -m pipeline schema`"


def test_surname_only_person_merges_with_unique_full_name_across_articles():
    from pipeline.runner import _apply_merges, corpus_person_merges
    men = to_table("mentions", [
        {"article_id": "a1", "mention_id": "m1", "actor_id": "full", "actor_name": "Donald Trump",
         "text": "Donald Trump", "label": "PER", "start": 0, "end": 12, "sentence": 0},
        {"article_id": "a2", "mention_id": "m2", "actor_id": "sur", "actor_name": "Trump",
         "text": "Trump", "label": "PER", "start": 0, "end": 5, "sentence": 0},
        {"article_id": "a2", "mention_id": "m3", "actor_id": "sch", "actor_name": "Scholz",
         "text": "Scholz", "label": "PER", "start": 9, "end": 15, "sentence": 0},
        {"article_id": "a3", "mention_id": "m4", "actor_id": "os", "actor_name": "Olaf Scholz",
         "text": "Olaf Scholz", "label": "PER", "start": 0, "end": 11, "sentence": 0},
        {"article_id": "a3", "mention_id": "m5", "actor_id": "ps", "actor_name": "Peter Scholz",
         "text": "Peter Scholz", "label": "PER", "start": 20, "end": 32, "sentence": 0}])
    types = {k: "person" for k in ("full", "sur", "sch", "os", "ps")}
    merges = corpus_person_merges(men, types)
    assert merges == {"sur": ("full", "Donald Trump")}          # "Scholz" is ambiguous: left alone
    merged = _apply_merges(men, "actor_id", "actor_name", merges)
    actors = {a["name"]: a for a in build_actors(merged, types).to_pylist()}
    assert actors["Donald Trump"]["n_articles"] == 2
    assert actors["Donald Trump"]["aliases"] == ["Donald Trump", "Trump"]
    assert "Trump" not in actors and "Scholz" in actors


# ----------------------------------------------------------------------------- one pointer per publish
def _legacy(out: Path, versions: dict[str, dict], links: dict[str, str], manifest_version: str | None) -> None:
    """The layout of the previous release: one link per table, ``_manifest.json`` written last."""
    import json
    import os
    import pyarrow.parquet as pq
    for v, tables in versions.items():
        for name, t in tables.items():
            (out / "_versions" / v / name).mkdir(parents=True)
            pq.write_table(t, out / "_versions" / v / name / "part-0.parquet")
    for name, v in links.items():
        os.symlink(Path("_versions") / v / name, out / name, target_is_directory=True)
    if manifest_version:
        (out / "_manifest.json").write_text(json.dumps({"version": manifest_version, "rules_version": "r1"}))


V1, V2 = "20250101T000000000000-aaaaaa", "20250102T000000000000-bbbbbb"


def test_mixed_versions_of_the_old_layout_are_repaired_to_the_manifests_version(tmp_path):
    """A kill after the third of six table swaps left articles/mentions/actors new and the rest old."""
    old, new = sample_tables(), sample_tables()
    new["claims"] = to_table("claims", [])
    new["articles"] = to_table("articles", [])
    links = {n: (V2 if n in ("articles", "mentions", "actors") else V1) for n in TABLES}
    _legacy(tmp_path, {V1: old, V2: new}, links, manifest_version=V1)
    assert store.current_version(tmp_path) is None
    with store.locked(tmp_path):
        assert store.prepare(tmp_path) == V1
    assert store.current_version(tmp_path) == V1
    for n in TABLES:
        assert (tmp_path / n).resolve() == (tmp_path / "_versions" / V1 / n).resolve()
        assert store.read_table(tmp_path, n).num_rows == old[n].num_rows, n
    assert store.manifest(tmp_path)["rules_version"] == "r1"
    v3 = store.write_version(tmp_path, new, {})                   # the next publish goes on from there
    assert store.manifest(tmp_path)["previous"] == V1 and store.current_version(tmp_path) == v3


def test_a_truncated_manifest_of_the_old_layout_is_a_clear_error(tmp_path):
    _legacy(tmp_path, {V1: sample_tables()}, {n: V1 for n in TABLES}, manifest_version=V1)
    (tmp_path / "_manifest.json").write_text('{"version": "2025')
    with pytest.raises(store.StoreError, match="_manifest.json is damaged or truncated"):
        store.write_version(tmp_path, sample_tables(), {})


@pytest.mark.parametrize("target", ["../../etc", "_versions/../../x", "_versions/20250101T000000000000-aaaaaa/..",
                                    "/tmp/elsewhere"])
def test_current_must_name_a_version_folder(tmp_path, target):
    import os
    store.write_version(tmp_path, sample_tables(), {})
    os.replace(tmp_path / "current", tmp_path / "old-current")
    os.symlink(target, tmp_path / "current")
    with pytest.raises(store.StoreError):
        store.load(tmp_path)


def test_names_from_the_manifest_are_validated_before_they_become_paths(tmp_path):
    import json
    store.write_version(tmp_path, sample_tables(), {})
    man_path = store.snapshot(tmp_path) / store.MANIFEST
    man = json.loads(man_path.read_text())
    for bad in ["../../../etc/passwd", "claims/../../x.parquet", "/abs/claims/part-0.parquet",
                "articles/part-0.parquet"]:           # another table's file
        man["tables"]["claims"]["files"][0]["path"] = bad
        man_path.write_text(json.dumps(man))
        with pytest.raises(store.StoreError, match="invalid part file name"):
            store.read_table(tmp_path, "claims")
    for bad in ["../x", "20250101T000000000000-aaaaaa/../../y", 7]:
        with pytest.raises(store.StoreError, match="invalid version name"):
            store.version_dir(tmp_path, bad)


def test_every_table_of_a_version_is_listed_with_its_checksum(tmp_path):
    v = store.write_version(tmp_path, sample_tables(), {"rules_version": "abc"})
    man = store.manifest(tmp_path)
    assert man["version"] == v and man["rules_version"] == "abc" and man["previous"] is None
    for n in TABLES:
        (f,) = man["tables"][n]["files"]
        assert f["path"] == f"{n}/part-0.parquet"
        assert f["sha256"] == store.file_sha256(tmp_path / "_versions" / v / f["path"])
    # the fixed links go through the one pointer
    import os
    assert os.readlink(tmp_path / "claims") == "current/claims"
    assert os.readlink(tmp_path / "_manifest.json") == "current/_manifest.json"
    assert os.readlink(tmp_path / "current") == f"_versions/{v}"


def test_parquet_pages_carry_checksums(tmp_path):
    """A flipped bit inside a data page is caught by the page CRC even without the file's sha256."""
    import pyarrow.parquet as pq
    t = sample_tables()
    row = t["claims"].to_pylist()[0]
    t["claims"] = to_table("claims", [{**row, "claim_id": f"c{i}", "claim_text": f"Studie mit neuen Daten {i}"}
                                      for i in range(300)])
    store.write_version(tmp_path, t, {})
    part = store.snapshot(tmp_path) / "claims" / "part-0.parquet"
    meta = pq.ParquetFile(part).metadata.row_group(0)
    col = meta.column(TABLES["claims"].get_field_index("claim_text"))
    at = col.data_page_offset + col.total_compressed_size - 3          # inside the last page's data
    data = bytearray(part.read_bytes())
    data[at] ^= 0x04
    part.chmod(0o644)
    part.write_bytes(bytes(data))
    with pytest.raises(store.CorruptError, match="claims/part-0.parquet is corrupt: .*(CRC|checksum)"):
        store.read_version_table(store.snapshot(tmp_path), store.manifest(tmp_path), "claims", verify=False)
    with pytest.raises(store.CorruptError, match="sha256 differs"):
        store.read_table(tmp_path, "claims")
