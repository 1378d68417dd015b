"""Review pages, the corpus overview page and the re-run report with rows, on one run of corpus/.

The browser tests open the pages in headless Chromium (Debian's `chromium` package: `apt-get install
chromium`), read the DOM the browser built (`--dump-dom`) and check that every marked span's text is
``body_text[start:end]`` at that offset; they write screenshots to ``$TEST_ARTIFACTS`` (default: a
pytest temp folder; never committed). Without a Chromium they skip, saying so."""
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from pipeline.__main__ import main as cli
from pipeline.review import show

SEED_TITLE = "Vance, Waltz – und Musk?"
CHROMIUM = next((p for p in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                             shutil.which("google-chrome")) if p), None)
needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium found (apt-get install chromium, "
                                   "or set CHROMIUM=/path/to/chrome): the browser checks of the pages are skipped")


@pytest.fixture(scope="module")
def pages(corpus_outputs, tmp_path_factory):
    dest = tmp_path_factory.mktemp("review")
    assert cli(["show", "--out", str(corpus_outputs), "--dest", str(dest), "--no-overview"]) == 0
    return dest


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory) -> Path:
    d = Path(os.environ["TEST_ARTIFACTS"]) if os.environ.get("TEST_ARTIFACTS") else tmp_path_factory.mktemp("shots")
    d.mkdir(parents=True, exist_ok=True)
    return d


def _chromium(*args: str, timeout: int = 60) -> str:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
           "--disable-extensions", "--user-data-dir=" + os.environ.get("TMPDIR", "/tmp") + "/chromium-test-profile",
           *args]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    assert res.returncode == 0, res.stderr[-2000:]
    return res.stdout


class BodyWalker(HTMLParser):
    """Text offsets inside ``div#body`` and the marked pieces (span.seg) with their offsets."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0           # >0 inside div#body
        self.text: list[str] = []
        self.pos = 0
        self.segs: list[dict] = []
        self._open: list[dict | None] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.depth == 0:
            if tag == "div" and a.get("id") == "body":
                self.depth = 1
                self.article = a.get("data-article")
            return
        self.depth += 1
        if tag == "span" and "seg" in (a.get("class") or "").split():
            seg = {"at": self.pos, "start": int(a["data-start"]), "end": int(a["data-end"]),
                   "ann": a["data-ann"].split(), "text": ""}
            self.segs.append(seg)
            self._open.append(seg)
        else:
            self._open.append(None)

    def handle_endtag(self, tag):
        if self.depth == 0:
            return
        self.depth -= 1
        if self.depth and self._open:
            self._open.pop()

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
            self.pos += len(data)
            for s in self._open:
                if s is not None:
                    s["text"] += data


@needs_browser
def test_review_page_marks_are_where_the_offsets_say(corpus_outputs, pages, artifacts):
    t = pipeline.load(corpus_outputs, ["articles", "mentions", "roles", "claims"])
    art = t["articles"][t["articles"]["title"].str.startswith(SEED_TITLE)].iloc[0]
    aid, body = art["article_id"], art["body_text"]
    page = pages / f"{aid}.html"
    dom = _chromium("--dump-dom", page.as_uri())
    w = BodyWalker()
    w.feed(dom)
    assert w.article == aid
    assert "".join(w.text) == body                     # labels are CSS content: the text is the body, exactly
    assert len(w.segs) > 500
    for s in w.segs:
        assert s["at"] == s["start"] and s["text"] == body[s["start"]:s["end"]]
    pieces: dict[str, list[dict]] = {}
    for s in w.segs:
        for a in s["ann"]:
            pieces.setdefault(a, []).append(s)

    def marked(ann_id):
        ps = pieces[ann_id]
        return ps[0]["at"], "".join(p["text"] for p in ps)

    cl = t["claims"][t["claims"]["article_id"] == aid]
    for r in cl.itertuples():
        assert marked(f"c-{r.claim_id}") == (r.claim_start, r.claim_text)
        if not pd.isna(r.speaker_start):
            sid = f"s-{r.speaker_start}-{r.speaker_end}"
            assert marked(sid) == (r.speaker_start, r.speaker_text)
        if not pd.isna(r.cue_start):
            qid = f"q-{r.cue_start}-{r.cue_end}"
            assert marked(qid) == (r.cue_start, body[r.cue_start:r.cue_end])
    for r in t["roles"][t["roles"]["article_id"] == aid].itertuples():
        assert marked(f"r-{r.role_id}") == (r.start, r.role_text)
    ms = t["mentions"][t["mentions"]["article_id"] == aid]
    for r in ms.itertuples():
        assert marked(f"m-{r.mention_id}") == (r.start, r.text)
    assert len(ms) > 50 and len(cl) > 20
    # the claims table under the text shows the clean content
    assert "er vertraue Putin" in dom and "Wir müssen die Kosten wieder hereinholen" in dom
    shot = artifacts / "review_page.png"
    _chromium("--window-size=1200,1400", f"--screenshot={shot}", page.as_uri())
    assert shot.stat().st_size > 20_000


@needs_browser
def test_review_index_opens_and_links_every_article(corpus_outputs, pages, artifacts):
    dom = _chromium("--dump-dom", (pages / "index.html").as_uri())
    arts = pipeline.load(corpus_outputs, ["articles"])["articles"]
    for aid in arts["article_id"]:
        assert f'href="{aid}.html"' in dom
    assert "Lindner legt Sparliste für die Ministerien vor" in dom
    shot = artifacts / "review_index.png"
    _chromium("--window-size=1100,500", f"--screenshot={shot}", (pages / "index.html").as_uri())
    assert shot.stat().st_size > 5_000


def test_show_selects_articles_and_renders_without_a_browser(corpus_outputs, tmp_path, capsys):
    assert cli(["show", "Pistorius", "--out", str(corpus_outputs), "--dest", str(tmp_path)]) == 0
    assert "1 article pages, index.html and overview.html" in capsys.readouterr().out
    files = sorted(p.name for p in tmp_path.glob("*.html"))
    assert files == ["1a410d791ceb2956.html", "index.html", "overview.html"]
    html = (tmp_path / "1a410d791ceb2956.html").read_text(encoding="utf-8")
    assert "http" not in html.split("<main>")[0].replace("http-equiv", "")   # no external resources in the head
    assert "<script" not in html
    assert '<a href="#c-' in html and 'class="seg" id="c-' in html           # claims table -> marks
    assert cli(["show", "no-such-article", "--out", str(corpus_outputs), "--dest", str(tmp_path),
                "--no-overview"]) == 1


def test_slots_never_overlap():
    anns = [show.Ann("a", "claim", 0, 50, "", ""), show.Ann("b", "speaker", 0, 10, "", ""),
            show.Ann("c", "cue", 10, 15, "", ""), show.Ann("d", "PER", 5, 12, "", "")]
    anns.sort(key=lambda a: (a.start, -a.end, a.kind))
    show._assign_slots(anns)
    for x in anns:
        for y in anns:
            if x is not y and x.slot == y.slot:
                assert x.end <= y.start or y.end <= x.start


@needs_browser
def test_overview_page_opens_with_its_plots(corpus_outputs, tmp_path, artifacts):
    assert cli(["overview", "--out", str(corpus_outputs), "--dest", str(tmp_path)]) == 0
    page = tmp_path / "overview.html"
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "<img" not in html          # inline SVG only, nothing fetched
    dom = _chromium("--dump-dom", page.as_uri())
    assert dom.count("<svg") == 4
    for title in ("Statements per day", "Most quoted speakers", "Who holds which role", "Reject reasons"):
        assert title in dom
    # the plots' text is text: the top speakers and the role facts are there to read and search
    assert "Friedrich Merz" in dom and "Christian Lindner: Finanzminister (Deutschland) †" in dom
    assert "duplicate" in dom                                     # the one reject of corpus/
    shot = artifacts / "overview.png"
    _chromium("--window-size=1100,2400", f"--screenshot={shot}", page.as_uri())
    assert shot.stat().st_size > 20_000


def test_rerun_report_lists_the_rows_of_a_real_rule_edit(corpus_outputs, tmp_path, capsys):
    """Remove the speech verb "meinen" and take "Immobilienentwickler" off the bare professions (roles.yaml
    ``professions``, which give no row): the report names the rows, with article, actor/speaker, role/claim and
    sentence, in Markdown and HTML."""
    out = tmp_path / "out"
    shutil.copytree(corpus_outputs, out, symlinks=True)
    rules = tmp_path / "rules"
    shutil.copytree(Path(pipeline.__file__).parent / "rules", rules)
    speech = (rules / "speech.yaml").read_text(encoding="utf-8")
    assert speech.count("\n    - meinen\n") == 2
    (rules / "speech.yaml").write_text(speech.replace("\n    - meinen\n", "\n"), encoding="utf-8")
    roles = (rules / "roles.yaml").read_text(encoding="utf-8")
    assert "professions: [Unternehmer, Geschäftsmann, Immobilienentwickler, " in roles
    (rules / "roles.yaml").write_text(roles.replace("Geschäftsmann, Immobilienentwickler, ", "Geschäftsmann, "),
                                      encoding="utf-8")
    assert cli(["rerun", "--out", str(out), "--rules", str(rules), "--rows", "1"]) == 0
    printed = capsys.readouterr().out
    md_path = next((out / "_reports").glob("rerun-*.md"))
    md = md_path.read_text(encoding="utf-8")
    # the CLI prints a summary: the why line, the counts per rule, the first row of each table, the paths
    assert "**Why these articles:** The changed rule entries can only match" in printed
    assert "| predicative | 1 | 0 | 0 |" in md and "| predicative | 1 | 0 | 0 |" in printed
    row_lines = [ln for ln in printed.splitlines() if ln.startswith("| ") and not ln.startswith("| rule_id") and
                 ln.split(" | ")[1] in ("added", "removed", "changed")]
    assert len(row_lines) == 2 and all(ln in md for ln in row_lines)              # one per table
    assert f"Full report: {md_path} (HTML: {md_path.with_suffix('.html')})" in printed
    assert "more row" in printed
    assert "re:" not in md and "[^" not in md              # the why line in plain words
    assert "**Why these articles:** The changed rule entries can only match" in md
    assert "„meint“" in md and "the 1 article containing one of them was re-extracted, the other 5 kept" in md
    witkoff = next(line for line in md.splitlines() if "Steve Witkoff" in line and "Immobilienentwickler" in line)
    assert "| predicative | added | Vance, Waltz – und Musk?" in witkoff
    assert "Steve Witkoff ist ein Immobilienentwickler und enger Freund von Trump." in witkoff
    volker = [line for line in md.splitlines() if "| Kurt Volker |" in line]
    assert any("| verb_inverted | removed |" in v and "Mit Blick auf den Ukrainekrieg habe Trump drei Interessen" in v
               for v in volker)
    # without "meinen" the quotation keeps its colon frame, whose verb is still its cue (colon_frame_cue)
    assert any("| changed |" in v and "rule_id: quote_before → quote_colon" in v for v in volker)
    html_path = md_path.with_suffix(".html")
    assert html_path.name in md and html_path.resolve().as_uri() in md    # linked from the report (and artifact)
    html = html_path.read_text(encoding="utf-8")
    assert '<tr class="removed"><td>removed</td><td>Vance, Waltz – und Musk?' in html
    assert "<code>predicative</code>: 1 added, 0 removed, 0 changed" in html


def test_plain_why():
    from pipeline.review.rerun_report import plain_why
    assert plain_why("extractor code changed", 6, 6) == \
        "The extractor code changed since the last run, so all 6 articles were re-extracted."
    s = plain_why(r"10 changed surface strings (meint, re:immo[^\s-]*entwickler, re:immo[^\s-]*entwicklern, ...)", 2, 9)
    assert s == ("The changed rule entries can only match 10 words or forms („meint“, „immo…entwickler“, "
                 "„immo…entwicklern“ and 7 more); the 2 articles containing one of them were re-extracted, "
                 "the other 7 kept their rows.")


def test_rerun_summary_cuts_long_row_lists():
    from pipeline.review.rerun_report import summarize
    head = ["# Rules re-run: a -> b", "", "**Why these articles:** x", "", "Rows in the review style: [r.html](file:///r.html)", ""]
    roles = ["## roles", "", "| rule_id | added | removed | changed |", "|---|---:|---:|---:|", "| als | 30 | 0 | 0 |", "",
             "| rule | change | article | actor | role | what changed | sentence |", "|---|---|---|---|---|---|---|",
             *[f"| als | added | T{i} | A{i} | Klimaschützer |  | S{i} |" for i in range(30)], ""]
    claims = ["## claims", "", "| rule_id | added | removed | changed |", "|---|---:|---:|---:|",
              "| (no change) | 0 | 0 | 0 |", ""]
    md = "\n".join(head + roles + claims)
    s = summarize(md, 3, "/o/_reports/r.md", "/o/_reports/r.html")
    assert "| A0 |" in s and "| A2 |" in s and "| A3 |" not in s
    assert "… 27 more rows in the full report" in s
    assert "| als | 30 | 0 | 0 |" in s and "| (no change) | 0 | 0 | 0 |" in s and "## claims" in s
    assert "Rows in the review style" not in s
    assert s.endswith("Full report: /o/_reports/r.md (HTML: /o/_reports/r.html)")
    assert summarize(md, -1).count("| als | added |") == 30
    assert "| rule | change |" not in summarize(md, 0) and "30 more rows" in summarize(md, 0)
