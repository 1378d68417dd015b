"""Web ingestion, issue 15 (web15): furniture printed twice in the body.

The forms dup14 found behind repeated claims in news text (a lead repeated after the article, a teaser printed twice
over a photo, a press-release block printed three times, the headline again in the body), as the benchmark's
``--variant repeat`` makes them of the dev pages, on invented article text (no ../shared). Each rule is shown where
it must fire and where it must not; the switch ``repeated_paragraphs`` (web.yaml) turns both off.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pipeline.ingest import parse_html, parse_scraped_text
from pipeline.web.html import without_repeats
from tests.test_web_forms import P, TITLE, page
from tests.test_web_ingest import BODY_PARAS, dump_text

ROOT = Path(__file__).resolve().parents[1]


def _body(inner: str, **kw) -> str:
    return parse_html(page(inner, **kw), "x.html", "x").body_text


def _paras(body: str) -> list[str]:
    return [x for x in body.split("\n\n") if x]


def test_repeated_paragraph_lead_over_a_photo_and_after_the_article_once() -> None:
    photo = f'<div><img src="/bilder/aufmacher.jpg" alt=""><p>{P[0]}</p></div>'
    tail = f"<div><h2>{TITLE}</h2><p>{P[0]}</p></div><p>{P[4]}</p><p>{P[4]}</p>"
    for article in (True, False):
        body = _body(photo + "".join(f"<p>{p}</p>" for p in P) + tail, article=article)
        assert _paras(body) == P, article


def test_repeated_title_the_headline_later_in_the_body_goes() -> None:
    body = _body("".join(f"<p>{p}</p>" for p in P[:3]) + f"<h2>{TITLE}</h2>" + "".join(f"<p>{p}</p>" for p in P[3:]))
    assert _paras(body) == P


def test_repeated_paragraph_a_short_refrain_and_a_subheading_stay() -> None:
    lines = ["Wir schaffen das, sagte sie.", P[0], "Wir schaffen das, sagte sie.", "Die Kosten", P[1], "Die Kosten"]
    # a sentence of 5 words said twice and a subheading of 2 words are no repeated furniture
    assert without_repeats(lines) == lines
    assert without_repeats([P[0], "Nahverkehrsplan beschlossen", P[1]], "Nahverkehrsplan beschlossen") == [P[0], P[1]]
    assert without_repeats([P[0], "Fazit", P[1]], "Fazit") == [P[0], "Fazit", P[1]]    # a one-word title: no rule


def test_repeated_paragraph_in_a_full_page_text_dump() -> None:
    # the lead printed twice (auto-presse.de's dump: once more after an ad marker), a caption printed twice
    # (Volksstimme.ch's dump), the last paragraph again after the article (a press-release block)
    lead, last = BODY_PARAS[0], BODY_PARAS[-1]
    text = dump_text().replace(lead + "\n", lead + "\n\n[INS::INS]\n\n" + lead + "\n", 1)
    text = text.replace(last + "\n", last + "\n\n" + last + "\n", 1)
    a = parse_scraped_text(text, "dump.txt", "dump")
    assert _paras(a.body_text) == BODY_PARAS
    plain = parse_scraped_text(dump_text(), "dump.txt", "dump")
    assert plain.body_text == a.body_text and plain.title == a.title == "Land will Windkraft-Ausbau verdoppeln"


def test_repeated_paragraphs_switch_off_keeps_every_copy(tmp_path) -> None:
    rules = (ROOT / "pipeline" / "rules" / "web.yaml").read_text(encoding="utf-8")
    assert "\nrepeated_paragraphs: true\n" in rules
    off = tmp_path / "web.yaml"
    off.write_text(rules.replace("\nrepeated_paragraphs: true\n", "\nrepeated_paragraphs: false\n"), encoding="utf-8")
    code = ("from tests.test_web_ingest import BODY_PARAS, dump_text\n"
            "from pipeline.ingest import parse_scraped_text\n"
            "lead = BODY_PARAS[0]\n"
            "t = dump_text().replace(lead + '\\n', lead + '\\n\\n[INS::INS]\\n\\n' + lead + '\\n', 1)\n"
            "print(parse_scraped_text(t, 'dump.txt', 'dump').body_text.count(lead))\n")
    env = {**os.environ, "PIPELINE_WEB_RULES": str(off)}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "2"
