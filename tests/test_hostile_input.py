"""Hostile and broken input (issue 14): one bad record never costs a good one.

Each test builds the bad input the issue names and checks that it becomes a reject row with the real
reason, that the good records beside it are still read, and that memory and time stay bounded.
"""
from __future__ import annotations

import gzip
import json
import os
import resource
import threading
import zlib
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline import sources
from pipeline.ingest import Article, Reject, read_file, read_inputs
from pipeline.job.steps import ingest_step
from pipeline.sources import Limits

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "000_1dcbb7a54b18fb12.txt"
GERMAN = ("Die Bundesregierung will die Förderung für Wärmepumpen im kommenden Jahr deutlich kürzen. "
          "Das sagte Wirtschaftsminister Robert Habeck am Mittwoch in Berlin. Die Opposition kritisierte "
          "die Pläne scharf und sprach von einem Wortbruch gegenüber den Bürgerinnen und Bürgern.")
ENGLISH = ("The federal government plans to cut subsidies for heat pumps sharply next year, the economy "
           "minister said on Wednesday in Berlin. The opposition criticised the plans and spoke of a broken "
           "promise to the citizens, who had relied on the support when they replaced their heating.")
RUSSIAN = ("Федеральное правительство планирует в следующем году значительно сократить субсидии на тепловые "
           "насосы, заявил в среду в Берлине министр экономики. Оппозиция резко раскритиковала эти планы и "
           "заговорила о нарушенном обещании гражданам, которые рассчитывали на поддержку.")
TITLE = "Förderung für Wärmepumpen wird gekürzt\n\n"     # a scraped text file: title line, then the body
CHINESE = ("联邦政府计划明年大幅削减对热泵的补贴，经济部长周三在柏林表示。反对派严厉批评了这些计划，称这是对公民的"
           "违背承诺，因为公民在更换供暖系统时依赖这种支持。政府发言人表示，预算紧张，必须节约开支。"
           "反对派领导人说，这一决定将损害气候目标，并削弱人们对政治的信任。许多家庭已经签订了合同。") * 2


def items_of(*paths, lim: Limits | None = None) -> list:
    return list(read_inputs([str(p) for p in paths], lim))


def summary(items) -> list[tuple[str, str]]:
    """(file name[:line], 'article' or the reject reason) per item."""
    return [(Path(x.source_path).name + (f":{x.line}" if isinstance(x, Article) and x.line else ""),
             "article" if isinstance(x, Article) else x.reason) for x in items]


def line(**rec) -> str:
    return json.dumps(rec, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- 1. whole-run crashes
def test_jsonl_fields_that_are_not_strings_are_rejected_per_record(tmp_path):
    p = tmp_path / "typen.jsonl"
    p.write_text(line(id="a", text=GERMAN) + line(id="b", text=GERMAN + " B", title=42)
                 + line(id="c", text=GERMAN + " C", url=["x"]) + line(id="d", text=GERMAN + " D", section={"a": 1})
                 + line(id="e", text=GERMAN + " E", kicker=True) + line(id="f", text=GERMAN + " F", teaser=1.5)
                 + line(id="g", text=GERMAN + " G", language=7) + line(id=7, text=GERMAN + " H"), encoding="utf-8")
    items = items_of(p)
    assert summary(items) == [("typen.jsonl:1", "article"), ("typen.jsonl:2", "bad_record"),
                              ("typen.jsonl:3", "bad_record"), ("typen.jsonl:4", "bad_record"),
                              ("typen.jsonl:5", "bad_record"), ("typen.jsonl:6", "bad_record"),
                              ("typen.jsonl:7", "bad_record"), ("typen.jsonl:8", "article")]
    assert items[1].detail == "line 2: field 'title' is int, not a string"
    assert items[7].source_id == "7"
    # the rows reach the Parquet tables (the ArrowTypeError the issue saw came from writing them)
    res = ingest_step([p], tmp_path)
    assert (res.n_articles, res.n_rejects) == (2, 6)
    assert pq.read_table(tmp_path / "articles.parquet").column("source_id").to_pylist() == ["a", "7"]


def _corrupt_gz(text: str) -> bytes:
    data = bytearray(gzip.compress(text.encode("utf-8"), compresslevel=1))
    mid = len(data) // 2
    data[mid:mid + 64] = bytes(64)          # zeros inside the deflate stream
    return bytes(data)


def test_corrupt_deflate_gz_is_one_reject_and_other_files_are_read(tmp_path):
    lines = "".join(line(id=str(i), text=f"{GERMAN} Nummer {i} " + "x" * (i % 7) * 50) for i in range(400))
    (tmp_path / "a_kaputt.jsonl.gz").write_bytes(_corrupt_gz(lines))
    (tmp_path / "b_kaputt.txt.gz").write_bytes(_corrupt_gz(GERMAN * 200))
    (tmp_path / "c_gut.txt").write_text(TITLE + GERMAN, encoding="utf-8")
    items = items_of(tmp_path)
    rej = [x for x in items if isinstance(x, Reject)]
    assert [(Path(r.source_path).name, r.reason) for r in rej] == [("a_kaputt.jsonl.gz", "unreadable"),
                                                                  ("b_kaputt.txt.gz", "unreadable")]
    assert all("gzip" in r.detail for r in rej)
    assert summary(items)[-1] == ("c_gut.txt", "article")


def test_article_over_the_size_limit_is_rejected(tmp_path, monkeypatch):
    big = (GERMAN + "\n\n") * 30                       # ~9,000 characters
    (tmp_path / "lang.txt").write_text(big, encoding="utf-8")
    (tmp_path / "lang.jsonl").write_text(line(id="1", text=big) + line(id="2", text=GERMAN), encoding="utf-8")
    monkeypatch.setenv("PIPELINE_MAX_CHARS", "5000")
    items = items_of(tmp_path)
    assert summary(items) == [("lang.jsonl:1", "too_large"), ("lang.jsonl:2", "article"), ("lang.txt", "too_large")]
    assert "over the limit of 5000 (max_chars)" in items[0].detail
    # the default is 1,000,000 characters: the same input is accepted
    monkeypatch.delenv("PIPELINE_MAX_CHARS")
    assert sources.limits().max_chars == 1_000_000
    assert [k for _, k in summary(items_of(tmp_path))] == ["article", "article", "article"]


def test_jsonl_line_over_the_line_limit_is_skipped_without_holding_it(tmp_path):
    p = tmp_path / "riesig.jsonl"
    p.write_text(line(id="1", text="A" * 50_000) + line(id="2", text=GERMAN), encoding="utf-8")
    items = items_of(p, lim=Limits(max_chars=1000, max_line_bytes=10_000))
    assert summary(items) == [("riesig.jsonl:1", "too_large"), ("riesig.jsonl:2", "article")]
    assert "line of 50" in items[0].detail


# --------------------------------------------------------------------------- 2. bounded memory
def _bomb(tmp_path: Path, name: str, mib: int) -> Path:
    p = tmp_path / name
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)             # gzip container
    block = b"\0" * (1 << 20)
    with open(p, "wb") as f:
        for _ in range(mib):
            f.write(comp.compress(block))
        f.write(comp.flush())
    return p


def test_gzip_bomb_is_rejected_without_inflating_it_all(tmp_path):
    txt = _bomb(tmp_path, "bombe.txt.gz", 100)
    jsl = _bomb(tmp_path, "bombe.jsonl.gz", 100)
    assert txt.stat().st_size < 300_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = items_of(txt, jsl)
    grew_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert [(Path(r.source_path).name, r.reason) for r in items] == [("bombe.txt.gz", "too_large"),
                                                                    ("bombe.jsonl.gz", "too_large")]
    assert all("gzip bomb" in r.detail for r in items)
    assert grew_mib < 60, grew_mib                            # 100 MiB never held


def test_decompressed_size_cap(tmp_path):
    p = tmp_path / "gross.jsonl.gz"
    p.write_bytes(gzip.compress("".join(line(id=str(i), text=f"{GERMAN} {i}") for i in range(3000)).encode()))
    items = items_of(p, lim=Limits(max_decompressed_bytes=300_000))
    assert summary(items) == [("gross.jsonl.gz", "too_large")]       # checked before any record is used
    assert "max_decompressed_bytes" in items[0].detail
    assert len(items_of(p)) == 3000


# --------------------------------------------------------------------------- 3. the folder walk
def test_symlink_loops_visit_each_folder_once(tmp_path):
    inp = tmp_path / "in"
    (inp / "sub").mkdir(parents=True)
    (inp / "a.txt").write_text(TITLE + GERMAN, encoding="utf-8")
    (inp / "sub" / "b.txt").write_text(TITLE + GERMAN + " Zweiter Text.", encoding="utf-8")
    os.symlink(".", inp / "l1")
    os.symlink(".", inp / "l2")
    os.symlink("..", inp / "sub" / "up")
    os.symlink("a.txt", inp / "link_a.txt")
    items = items_of(inp)
    assert summary(items) == [("a.txt", "article"), ("l1", "duplicate"), ("l2", "duplicate"),
                              ("link_a.txt", "duplicate"), ("b.txt", "article"), ("up", "duplicate")]
    assert items[1].detail.startswith(f"folder already read as {inp}")
    assert items[3].detail == f"same file as {inp / 'a.txt'} (a link to it), not read twice"


def test_fifo_dangling_link_hidden_and_devices_get_rows_and_never_block(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    os.mkfifo(inp / "pipe.txt")
    os.symlink(inp / "weg.txt", inp / "dangling.txt")
    (inp / ".versteckt.txt").write_text(TITLE + GERMAN, encoding="utf-8")
    (inp / "gut.txt").write_text(TITLE + GERMAN, encoding="utf-8")
    out: list = []
    t = threading.Thread(target=lambda: out.extend(items_of(inp, inp / "pipe.txt", "/dev/null", "/dev/zero")),
                         daemon=True)
    t.start()
    t.join(20)
    assert not t.is_alive(), "the walk blocked on a FIFO or device"
    assert summary(out) == [(".versteckt.txt", "hidden"), ("dangling.txt", "not_found"), ("gut.txt", "article"),
                            ("pipe.txt", "not_a_file"), ("pipe.txt", "not_a_file"), ("null", "not_a_file"),
                            ("zero", "not_a_file")]
    assert out[1].detail == f"dangling symbolic link to {inp / 'weg.txt'}"
    assert out[3].detail == "a FIFO (named pipe), not opened"


def test_unreadable_subfolder_costs_only_itself(tmp_path, monkeypatch):
    inp = tmp_path / "in"
    for d in ("a", "b", "c"):
        (inp / d).mkdir(parents=True)
        (inp / d / f"{d}.txt").write_text(f"{TITLE}{GERMAN} Ordner {d}.", encoding="utf-8")
    real = os.scandir

    def scandir(path="."):                      # the tests run as root: simulate a folder without permission
        if str(path).endswith("/b"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(sources.os, "scandir", scandir)
    items = items_of(inp)
    assert summary(items) == [("a.txt", "article"), ("b", "unreadable"), ("c.txt", "article")]
    assert items[1].detail == "folder cannot be listed: PermissionError: Permission denied"


def test_unreadable_file_costs_only_itself(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(TITLE + GERMAN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TITLE + GERMAN + " B.", encoding="utf-8")
    real = os.open

    def fake_open(path, flags, *a, **kw):
        if str(path).endswith("a.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, *a, **kw)

    monkeypatch.setattr(sources.os, "open", fake_open)
    assert summary(items_of(tmp_path)) == [("a.txt", "unreadable"), ("b.txt", "article")]


# --------------------------------------------------------------------------- 4. silent loss
def test_deeply_nested_line_costs_only_itself(tmp_path):
    p = tmp_path / "tief.jsonl"
    p.write_text(line(id="1", text=GERMAN) + "[" * 100_000 + "]" * 100_000 + "\n"
                 + '{"id": "3", "x": ' + "[" * 100_000 + "\n" + line(id="4", text=GERMAN + " Vier."), encoding="utf-8")
    items = items_of(p)
    assert summary(items) == [("tief.jsonl:1", "article"), ("tief.jsonl:2", "bad_json"),
                              ("tief.jsonl:3", "bad_json"), ("tief.jsonl:4", "article")]


def test_raw_line_separators_inside_json_strings_stay_in_the_text(tmp_path):
    text = GERMAN.replace(". Das", ".\u2028Das").replace(". Die", ".\u2029Die") + "\u0085Ende.\x0bx\x1c"
    p = tmp_path / "trenner.jsonl"
    p.write_bytes((json.dumps({"id": "1", "text": text, "title": "A\u2028B"}, ensure_ascii=False) + "\n"
                   + json.dumps({"id": "2", "text": GERMAN + " Zwei."}, ensure_ascii=False) + "\r\n").encode())
    items = items_of(p)
    assert summary(items) == [("trenner.jsonl:1", "article"), ("trenner.jsonl:2", "article")]
    assert items[0].body_text == text and items[0].title == "A\u2028B"


def test_null_id_is_a_reject_not_the_string_none(tmp_path):
    p = tmp_path / "null.jsonl"
    p.write_text(line(id=None, text=GERMAN) + line(id="  ", text=GERMAN) + line(id=True, text=GERMAN),
                 encoding="utf-8")
    items = items_of(p)
    assert [(x.reason, x.detail) for x in items] == [
        ("bad_record", "line 1: missing field(s) id (id is null)"),
        ("bad_record", "line 2: id is a blank string"),
        ("bad_record", "line 3: id is bool, not a string or whole number")]


def test_duplicate_rejects_name_the_line_and_the_first_copy(tmp_path):
    p = tmp_path / "doppelt.jsonl"
    p.write_text(line(id="1", text=GERMAN) + line(id="2", text=ENGLISH[:50]) + line(id="3", text=GERMAN),
                 encoding="utf-8")
    (tmp_path / "z.txt").write_text(TITLE + GERMAN, encoding="utf-8")
    ingest_step([tmp_path], tmp_path)
    rej = pq.read_table(tmp_path / "rejects.parquet").to_pylist()
    assert [(r["source_path"], r["reason"], r["detail"]) for r in rej] == [
        (f"{p}:3", "duplicate", f"same body text as {p}:1"),
        (f"{tmp_path / 'z.txt'}", "duplicate", f"same body text as {p}:1")]


def test_lone_surrogates_and_nul_do_not_break_the_tables(tmp_path):
    p = tmp_path / "surrogat.jsonl"
    p.write_text('{"id": "1", "text": "' + GERMAN + ' \\ud800 Ende \\u0000.", "title": "\\udfff"}\n', encoding="utf-8")
    res = ingest_step([p], tmp_path)
    assert (res.n_articles, res.n_rejects) == (1, 0)
    body = pq.read_table(tmp_path / "articles.parquet").column("body_text").to_pylist()[0]
    assert body.endswith(" \ufffd Ende \x00.")


# --------------------------------------------------------------------------- 5. decoding and language
@pytest.mark.parametrize("codec, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                        ("utf-16-le", b""), ("utf-16-be", b""),
                                        ("utf-32-le", b"\xff\xfe\0\0"), ("utf-32-be", b"\0\0\xfe\xff"),
                                        ("utf-32-le", b""), ("utf-8", b"\xef\xbb\xbf")])
def test_utf16_and_utf32_text_with_or_without_bom(tmp_path, codec, bom):
    ref = read_file(SEED)
    p = tmp_path / "seed.txt"
    p.write_bytes(bom + SEED.read_text(encoding="utf-8").encode(codec))
    got = list(read_file(p))
    assert len(got) == 1 and isinstance(got[0], Article), got
    assert got[0].body_text == next(ref).body_text


def test_utf16_jsonl(tmp_path):
    p = tmp_path / "breit.jsonl"
    p.write_bytes(b"\xff\xfe" + (line(id="1", text=GERMAN) + line(id="2", text=GERMAN + " Zwei.")).encode("utf-16-le"))
    items = items_of(p)
    assert summary(items) == [("breit.jsonl:1", "article"), ("breit.jsonl:2", "article")]
    assert items[0].body_text == GERMAN


def test_mojibake_is_repaired(tmp_path):
    text = "Großer Streit über Fördergelder\n\n" + GERMAN + " „Wir müssen sparen“, sagte er."
    p = tmp_path / "kaputt.txt"
    p.write_text(text.encode("utf-8").decode("cp1252", errors="replace"), encoding="utf-8")   # Ã¼ etc.
    twice = tmp_path / "zweimal.jsonl"
    bad2 = text.encode("utf-8").decode("latin-1").encode("utf-8").decode("latin-1")
    twice.write_text(line(id="1", text=bad2), encoding="utf-8")
    a, b = items_of(p, twice)
    assert "Förderung für Wärmepumpen" in a.body_text and "„Wir müssen sparen“" in a.body_text
    assert b.body_text == text


def test_non_german_articles_are_rejected_with_their_language(tmp_path):
    for name, text in (("en.txt", ENGLISH), ("ru.txt", RUSSIAN), ("zh.txt", CHINESE), ("de.txt", GERMAN)):
        (tmp_path / name).write_text(TITLE + text, encoding="utf-8")
    (tmp_path / "mix.jsonl").write_text(line(id="1", text=ENGLISH, language="de") + line(id="2", text=GERMAN),
                                        encoding="utf-8")
    items = items_of(tmp_path)
    assert summary(items) == [("de.txt", "article"), ("en.txt", "other_language"), ("mix.jsonl:1", "other_language"),
                              ("mix.jsonl:2", "article"), ("ru.txt", "other_language"), ("zh.txt", "other_language")]
    assert items[0].language == "de"
    assert "'en'" in items[1].detail and "'ru'" in items[4].detail and "'zh'" in items[5].detail
    # accepted languages are configurable: English kept with its code
    en = list(read_file(tmp_path / "en.txt", Limits(languages=("de", "en"))))
    assert isinstance(en[0], Article) and en[0].language == "en"


def test_plainly_german_text_skips_py3langid_with_its_answer():
    """The cheap check before py3langid (issue 16) says German only where py3langid says ``de``: a paragraph in
    another language or script among German ones, or an English text, goes to py3langid."""
    from pipeline.sources import _plainly_german, detect_language
    german = ("Der Stadtrat hat am Dienstag über den neuen Haushalt beraten. Die Mehrheit will die Ausgaben für "
              "Schulen erhöhen, aber nicht bei der Feuerwehr sparen. Der Bürgermeister sagte, er sei mit dem "
              "Ergebnis zufrieden und werde sich für eine schnelle Umsetzung einsetzen. Die Opposition kritisierte, "
              "dass die Stadt noch keine Lösung für den Nahverkehr habe. Eine Entscheidung soll nach der "
              "Sommerpause fallen, wenn auch der Bericht des Kämmerers vorliegt.")
    assert _plainly_german(german) and detect_language(german)[0] == "de"
    for other in (ENGLISH, RUSSIAN, CHINESE, german + "\n\n" + ENGLISH, german + "\n\n" + RUSSIAN,
                  german + " Apple överväger att köpa brittisk startup för 1 miljard dollar. Självkörande bilar "
                           "förskjuter försäkringsansvar mot tillverkare och vill att alla ska köra själva."):
        assert not _plainly_german(other)


def test_import_error_is_not_bad_input(tmp_path, monkeypatch):
    import pipeline.ingest as ingest

    def broken(*a, **kw):
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")

    monkeypatch.setattr(ingest, "parse_html", broken)
    (tmp_path / "a.html").write_text("<html><body><p>" + GERMAN + "</p></body></html>", encoding="utf-8")
    with pytest.raises(ImportError):
        items_of(tmp_path)


# --------------------------------------------------------------------------- the whole run
def test_hostile_folder_runs_and_only_new_keeps_new_bad_lines_of_a_seen_file(tmp_path, monkeypatch):
    import pipeline
    from pipeline import pieces
    from pipeline.runner import run

    monkeypatch.setattr(pieces, "PIECE_CHARS", 2000)       # the seed article (12k characters) is parsed in pieces

    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "seed.txt").write_bytes(SEED.read_text(encoding="utf-8").encode("utf-16"))
    feed = inp / "feed.jsonl"
    feed.write_text(line(id="1", text=GERMAN) + "{kaputt\n" + line(id="3", text=GERMAN + " Drei.", title=3),
                    encoding="utf-8")
    (inp / "bombe.txt.gz").write_bytes(_bomb(tmp_path, "b.gz", 40).read_bytes())
    os.symlink(".", inp / "schleife")
    out = tmp_path / "out"
    first = run([inp], out, progress=False)
    t = pipeline.load(out)
    assert first.articles_read == 2 and sorted(t["articles"]["language"]) == ["de", "de"]
    body = dict(zip(t["articles"]["article_id"], t["articles"]["body_text"]))
    assert len(t["mentions"]) > 50 and len(t["claims"]) > 5
    assert all(body[a][s:e] == x for a, s, e, x in zip(*(t["mentions"][c] for c in ("article_id", "start", "end", "text"))))
    assert all(body[a][s:e] == x for a, s, e, x in
               zip(*(t["claims"][c] for c in ("article_id", "claim_start", "claim_end", "claim_text"))))
    rej = sorted(zip(t["rejects"]["source_path"].map(lambda p: Path(p).name), t["rejects"]["reason"].astype(str)))
    assert rej == [("bombe.txt.gz", "too_large"), ("feed.jsonl:2", "bad_json"), ("feed.jsonl:3", "bad_record"),
                   ("schleife", "duplicate")]
    # a new bad line and a new good line in the file already seen
    with feed.open("a", encoding="utf-8") as f:
        f.write('{"id": null, "text": "x"}\n' + line(id="5", text=GERMAN + " Fünf."))
    second = run([inp], out, only_new=True, progress=False)
    t = pipeline.load(out)
    assert second.articles_read == 1 and len(t["articles"]) == 3
    rej = sorted(zip(t["rejects"]["source_path"].map(lambda p: Path(p).name), t["rejects"]["reason"].astype(str)))
    assert rej == [("bombe.txt.gz", "too_large"), ("feed.jsonl:2", "bad_json"), ("feed.jsonl:3", "bad_record"),
                   ("feed.jsonl:4", "bad_record"), ("schleife", "duplicate")]


def test_broken_installation_stops_the_run_with_one_message(tmp_path, monkeypatch, capsys):
    import sys

    from pipeline import envcheck
    from pipeline.__main__ import main

    monkeypatch.setattr(envcheck, "_OK", set())
    monkeypatch.setitem(sys.modules, "lxml_html_clean", None)       # import lxml_html_clean -> ImportError
    (tmp_path / "a.html").write_text("<html><body><p>" + GERMAN + "</p></body></html>", encoding="utf-8")
    rc = main(["run", str(tmp_path / "a.html"), "--out", str(tmp_path / "out"), "--no-progress"])
    err = capsys.readouterr().err
    assert rc == 2 and not (tmp_path / "out" / "rejects").exists()
    assert err.startswith("error: broken installation, the run did not start:\n  - cannot import lxml_html_clean")
    assert err.count("\n  - ") == 1


def test_missing_model_stops_the_run(tmp_path, monkeypatch):
    from pipeline import envcheck
    from pipeline.runner import run

    monkeypatch.setattr(envcheck, "_OK", set())
    with pytest.raises(envcheck.EnvironmentProblem, match="model directory '/nicht/da' has no meta.json"):
        run([SEED], tmp_path / "out", model="/nicht/da", progress=False)


def test_constraints_cover_the_dependencies():
    """constraints.txt pins every dependency of pyproject.toml to a version that satisfies it, and the
    tests run with exactly those versions (``pip install -c constraints.txt -e '.[dev]'``)."""
    import tomllib
    from importlib.metadata import version

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {}
    for raw in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        raw = raw.split("#", 1)[0].strip()
        if raw:
            name, _, ver = raw.partition("==")
            assert ver, f"not pinned: {raw}"
            pins[canonicalize_name(name)] = ver
    for dep in project["dependencies"] + project["optional-dependencies"]["dev"]:
        req = Requirement(dep)
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not in constraints.txt"
        assert req.specifier.contains(pins[name], prereleases=True), (dep, pins[name])
        assert version(req.name) == pins[name], f"installed {req.name} {version(req.name)} != pinned {pins[name]}"


def test_a_text_spacy_fails_on_costs_only_itself(monkeypatch):
    """Per-record isolation at the parse: a component that raises on one text of a batch; the batch is
    parsed again one text at a time and the others get their Doc. Pieces never exceed nlp.max_length."""
    from spacy.language import Language

    from pipeline import pieces
    from pipeline.nlp import load_nlp

    if "fails_on_kaputt" not in Language.factories:
        @Language.component("fails_on_kaputt")
        def fails_on_kaputt(doc):
            if "KAPUTT" in doc.text:
                raise ValueError("this component fails on KAPUTT")
            return doc

    nlp, _ = load_nlp()
    items = [("a", GERMAN), ("b", GERMAN + " KAPUTT"), ("c", ENGLISH), ("d", (GERMAN + "\n\n") * 40)]
    nlp.add_pipe("fails_on_kaputt", last=True)
    try:
        monkeypatch.setattr(nlp, "max_length", 1000)       # "d" (10,880 characters) must go in pieces
        monkeypatch.setattr(pieces, "PIECE_CHARS", 5000)
        out = list(pieces.parse_isolated(nlp, items, batch_size=16))
    finally:
        nlp.remove_pipe("fails_on_kaputt")
    assert [k for (k, _), _ in out] == ["a", "b", "c", "d"]
    assert [type(d).__name__ for _, d in out] == ["Doc", "ValueError", "Doc", "Doc"]
    assert out[3][1].text == items[3][1] and len(out[0][1]) > 10


def test_gzip_without_suffix_and_binary_jsonl(tmp_path):
    (tmp_path / "a_packed.jsonl").write_bytes(gzip.compress((line(id="1", text=GERMAN)).encode()))
    (tmp_path / "b_packed.txt").write_bytes(gzip.compress((TITLE + GERMAN).encode()))
    (tmp_path / "c_bild.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20 + b"\n" * 30)
    items = items_of(tmp_path)
    assert summary(items) == [("a_packed.jsonl:1", "article"), ("b_packed.txt", "article"), ("c_bild.jsonl", "unreadable")]
    assert items[2].detail == "binary content, not text"


def test_bad_limit_setting_stops_the_run(tmp_path, monkeypatch):
    from pipeline.envcheck import EnvironmentProblem
    from pipeline.runner import run

    monkeypatch.setenv("PIPELINE_MAX_CHARS", "viel")
    with pytest.raises(EnvironmentProblem, match="PIPELINE_MAX_CHARS='viel' is not a whole number"):
        run([SEED], tmp_path / "out", progress=False)


def test_body_without_letters_is_empty(tmp_path):
    (tmp_path / "punkte.txt").write_text(TITLE + "." * 5000, encoding="utf-8")
    (tmp_path / "zahlen.jsonl").write_text(line(id="1", text="123 456 – 789 …") + line(id="2", text=GERMAN),
                                           encoding="utf-8")
    items = items_of(tmp_path)
    assert summary(items) == [("punkte.txt", "empty_body"), ("zahlen.jsonl:1", "empty_body"), ("zahlen.jsonl:2", "article")]
    assert items[0].detail == "body has no letters (only digits, punctuation, symbols or spaces)"


def test_envcheck_command(capsys):
    from pipeline import envcheck

    assert envcheck.main([]) == 0
    assert capsys.readouterr().out == f"ok: {len(envcheck.REQUIRED_IMPORTS)} imports and the model\n"
