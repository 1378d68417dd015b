"""Property-based fuzzing of ingestion (issue 14), with hypothesis.

Random bytes, text in random encodings, random JSON shapes and HTML fragments, some gzipped (or
corrupt gzip), never crash ingestion; every file and every JSONL line is accounted for (an article or a
reject naming it); the rows reach the Parquet tables; and every span that extraction finds in a fuzzed
German article indexes ``body_text``. The example counts keep the file under a minute; a longer fuzz:
``FUZZ_EXAMPLES=1000 python -m pytest tests/test_fuzz_ingest.py``.
"""
from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is a dev dependency (pip install -e '.[dev]')")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from pipeline.ingest import Article, read_inputs  # noqa: E402
from pipeline.job.steps import ingest_step  # noqa: E402
from pipeline.sources import Limits, detect_encoding, limits  # noqa: E402

GERMAN = [
    "Die Bundesregierung will die Förderung für Wärmepumpen im kommenden Jahr deutlich kürzen.",
    "Das sagte Wirtschaftsminister Robert Habeck am Mittwoch in Berlin.",
    "„Wir müssen sparen“, betonte Finanzminister Christian Lindner (FDP).",
    "Laut Angaben der Polizei wurden drei Menschen verletzt.",
    "Die Opposition kritisierte die Pläne scharf und sprach von einem Wortbruch.",
    "Bundeskanzler Olaf Scholz sagte, man werde die Hilfen überprüfen.",
]
ODD = ["\u2028", "\u2029", "\u0085", "\x00", "\ufeff", "\u200b", "\u00ad", "\r", "\r\n", "\t", "„", "“", "»", "«",
       "\u0301", "👍🏽", "ß", "Ä", "\U0001f1e9\U0001f1ea", "\\", '"', "<", "&amp;", "\x1b[31m", "Ã¼", "â€ž"]
SUFFIXES = [".txt", ".html", ".jsonl", ".ndjson", ".jsonl.gz", ".txt.gz", ".csv", ""]
CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1"]

german_text = st.lists(st.one_of(st.sampled_from(GERMAN), st.sampled_from(ODD), st.text(max_size=20)),
                       min_size=0, max_size=14).map(lambda parts: " ".join(parts))
json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=15),
                        german_text)
json_value = st.recursive(json_scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                               st.dictionaries(st.text(max_size=6), inner, max_size=3)),
                          max_leaves=8)
record = st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.text(max_size=8), st.integers(), st.none(), json_value),
    "text": st.one_of(german_text, json_value),
    "title": st.one_of(st.text(max_size=20), json_value), "url": json_value, "section": json_value,
    "authors": json_value, "published": st.one_of(st.text(max_size=25), st.integers(), json_value),
    "language": st.one_of(st.sampled_from(["de", "en", ""]), json_value)})


@st.composite
def jsonl_bytes(draw) -> bytes:
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["record", "record", "value", "garbage", "blank", "deep"]))
        if kind == "record":
            lines.append(json.dumps(draw(record), ensure_ascii=draw(st.booleans())))
        elif kind == "value":
            lines.append(json.dumps(draw(json_value), ensure_ascii=draw(st.booleans())))
        elif kind == "garbage":
            lines.append(draw(st.text(max_size=30)).replace("\n", " "))
        elif kind == "deep":
            lines.append("[" * draw(st.integers(500, 5000)))
        else:
            lines.append(" ")
    end = draw(st.sampled_from(["\n", "\r\n"]))
    return end.join(lines).encode("utf-8", "surrogatepass") + draw(st.sampled_from([b"", b"\n"]))


@st.composite
def html_bytes(draw) -> bytes:
    tags = ["p", "div", "h1", "span", "article", "figure", "figcaption", "script", "nav", "b"]
    out = draw(st.sampled_from(["", "<!doctype html>", "<html>", "<?xml version='1.0'?><html>"]))
    for _ in range(draw(st.integers(0, 8))):
        t = draw(st.sampled_from(tags))
        out += f"<{t} class='{draw(st.sampled_from(['kicker', 'breadcrumb', 'x', '']))}'>{draw(german_text)}"
        if draw(st.booleans()):
            out += f"</{t}>"
    out += "<div>" * draw(st.integers(0, 300))
    return out.encode(draw(st.sampled_from(["utf-8", "utf-16", "cp1252"])), "replace")


@st.composite
def a_file(draw) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from(SUFFIXES))
    kind = draw(st.sampled_from(["bytes", "text", "jsonl", "html"]))
    if kind == "bytes":
        data = draw(st.binary(max_size=300))
    elif kind == "text":
        data = ("Titel der Meldung\n\n" + draw(german_text)).encode(draw(st.sampled_from(CODECS)), "replace")
    elif kind == "jsonl":
        data = draw(jsonl_bytes())
    else:
        data = draw(html_bytes())
    if suffix.endswith(".gz"):
        data = gzip.compress(data)
        if draw(st.booleans()):
            cut = draw(st.integers(0, len(data)))
            data = data[:cut] + draw(st.binary(max_size=8)) + data[cut + 8:]
    return suffix, data


EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "50"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(files=st.lists(a_file(), min_size=1, max_size=5))
def test_fuzzed_files_never_crash_and_are_all_accounted_for(files):
    lim = limits()
    with tempfile.TemporaryDirectory() as d:
        root = Path(d) / "in"
        root.mkdir()
        paths = []
        for i, (suffix, data) in enumerate(files):
            p = root / f"f{i:02d}{suffix}"
            p.write_bytes(data)
            paths.append(str(p))
        items = list(read_inputs([root], lim))
        by_file: dict[str, list] = {p: [] for p in paths}
        for x in items:
            path = x.source_path
            owner = path if path in by_file else path.rsplit(":", 1)[0]
            assert owner in by_file, path                    # every row names a file that was given
            by_file[owner].append(x)
            if isinstance(x, Article):
                assert x.body_text.strip() and len(x.body_text) <= lim.max_chars
                x.body_text.encode("utf-8")                  # storable: no lone surrogates
                assert x.language in lim.languages
            else:
                assert x.reason and x.detail
        assert all(by_file[p] for p in paths), [p for p in paths if not by_file[p]]
        for p, (suffix, data) in zip(paths, files):           # every non-blank JSONL line has its row
            if suffix in (".jsonl", ".ndjson") and not any(x.source_path == p for x in by_file[p]):
                enc, skip = detect_encoding(data[:4096])
                text = data[skip:].decode(enc, "replace")
                lines = {n for n, ln in enumerate(text.split("\n"), 1) if ln.strip()}
                rows = {x.line if isinstance(x, Article) else int(x.source_path.rsplit(":", 1)[1])
                        for x in by_file[p]}
                assert rows == lines
        # the rows reach the tables
        work = Path(d) / "work"
        work.mkdir()
        res = ingest_step([root], work)
        assert res.n_articles == pq.read_table(work / "articles.parquet").num_rows
        assert res.n_articles + res.n_rejects == len(items)


@pytest.fixture(scope="module")
def nlp_rules():
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules
    return load_nlp()[0], load_rules()


def test_spans_of_fuzzed_articles_index_body_text(nlp_rules):
    """Extraction over fuzzed German text (odd characters, parsed in small pieces so the joins are
    fuzzed too): every span of every row is exactly the text at its offsets in ``body_text``."""
    from pipeline.extract import DocView, extract
    from pipeline.job.rows import rows_for_article
    from pipeline.pieces import parse_long

    nlp, rules = nlp_rules

    @settings(max_examples=max(15, EXAMPLES // 4), deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(parts=st.lists(st.one_of(st.sampled_from(GERMAN), st.sampled_from(ODD), st.sampled_from(["\n\n", "\n"])),
                          min_size=3, max_size=40), piece=st.integers(40, 400))
    def check(parts, piece):
        rec = {"id": "x", "text": " ".join(parts)}
        with tempfile.TemporaryDirectory() as d:
            p = Path(d) / "a.jsonl"
            p.write_text(json.dumps(rec) + "\n", encoding="utf-8")
            arts = [x for x in read_inputs([p], Limits()) if isinstance(x, Article)]
        for art in arts:
            body = art.body_text
            doc = parse_long(nlp, body, piece)
            assert doc.text == body
            view = DocView.of(doc)
            rows = rows_for_article({"article_id": "x", "body_text": body}, extract(doc, rules, view),
                                    view.sentence_at)
            for m in rows["mentions"]:
                assert body[m["start"]:m["end"]] == m["text"]
            for r in rows["roles"]:
                assert body[r["start"]:r["end"]] == r["role_text"]
            for c in rows["claims"]:
                assert body[c["claim_start"]:c["claim_end"]] == c["claim_text"]
                for k in ("speaker", "cue"):
                    if c[f"{k}_start"] is not None:
                        assert body[c[f"{k}_start"]:c[f"{k}_end"]] == c[f"{k}_text"]

    check()
