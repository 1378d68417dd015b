"""Web ingestion, issue 15 (web16): forms of pages and full-page text dumps that kept furniture in the body.

``doubled_caption``: a text browser prints a picture's alt text and caption (the same sentence) twice in a row, then
the photo credit (vogelwarte.ch's dump). ``card_counter``: teaser cards for other stories after the article, each
with a counter line ("66 Likes") over rubric, headline and teaser (tierwelt.ch's dump). The benchmark's
``card_run`` (HTML): cards of other stories (a linked headline and a teaser sentence) in a row with no wrapper
of their own, straight after the article's paragraphs or as items of a list. The benchmark's ``--unlabelled
wikinews|smartdata --form caption|cards|runcards|listcards`` builds all three on articles nobody tuned on. Invented text here
(no ../shared); each rule is shown where it must fire and where it must not, and its switch turns it off.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pipeline.ingest import parse_html, parse_scraped_text
from tests.test_web_forms import P, page
from tests.test_web_ingest import BODY_PARAS, dump_text

ROOT = Path(__file__).resolve().parents[1]
CAPTION = "Windräder bei Aurich: Bis 2030 soll sich ihre Zahl im Land verdoppeln, so die Landesregierung."
CARD_TEASER = ("Der Landkreis will den Busverkehr auf dem Land ausbauen. Vom Sommer an fahren drei neue Linien im "
               "Stundentakt, teilte die Verwaltung mit. Die Kosten von rund zwei Millionen Euro im Jahr teilen sich "
               "der Kreis und das Land, die Gemeinden zahlen nichts dazu.")


def _paras(body: str) -> list[str]:
    return [x for x in body.split("\n\n") if x]


def _with_caption(text: str, credit: str = "Foto © Anna Beispiel", times: int = 2) -> str:
    second = BODY_PARAS[1]
    return text.replace(second + "\n", "\n".join([CAPTION] * times + [credit, "", second, ""]), 1)


def test_doubled_caption_over_a_credit_leaves_the_body() -> None:
    for credit in ("Foto © Anna Beispiel", "Foto: dpa", "Bild: Martin Kühn", "© Stadtarchiv Aurich"):
        a = parse_scraped_text(_with_caption(dump_text(), credit), "dump.txt", "dump")
        assert _paras(a.body_text) == BODY_PARAS, credit


def test_doubled_caption_needs_both_the_copy_and_the_credit() -> None:
    # printed once above a credit, or twice with no credit: no caption by this rule (the line stays)
    once = parse_scraped_text(_with_caption(dump_text(), times=1), "dump.txt", "dump").body_text
    assert CAPTION in once
    twice = parse_scraped_text(_with_caption(dump_text(), credit="Die Opposition sieht das anders."),
                               "dump.txt", "dump").body_text
    assert CAPTION in twice


def _with_cards(text: str, own_counter: bool = False) -> str:
    last = BODY_PARAS[-1]
    cards = ["", "Neue Buslinien im Kreis", "66 Likes", "Regional", "",
             "Mehr Busse für die Dörfer: Der Landkreis startet im Sommer drei neue Linien im Stundentakt", "",
             CARD_TEASER, "", "Sturm über der Küste", "110 Likes", "Wetter", "",
             "„Die Deiche haben gehalten“", ""]
    text = text.replace(last + "\n", last + "\n" + "\n".join(cards), 1)
    if own_counter:       # the article's own counter under its lead
        lead = BODY_PARAS[0]
        text = text.replace(lead + "\n", lead + "\n52 Likes\n", 1)
    return text


def test_card_counter_teaser_cards_after_the_article_leave_the_body() -> None:
    a = parse_scraped_text(_with_cards(dump_text()), "dump.txt", "dump")
    assert _paras(a.body_text) == BODY_PARAS
    b = parse_scraped_text(_with_cards(dump_text(), own_counter=True), "dump.txt", "dump")
    assert _paras(b.body_text) == BODY_PARAS        # the article's own counter goes, its text stays


def test_card_counter_a_counter_over_the_rest_of_the_article_stays() -> None:
    # "12 Kommentare" over more than one paragraph of text: no card, the paragraphs stay
    last = BODY_PARAS[-1]
    text = dump_text().replace(BODY_PARAS[0] + "\n", BODY_PARAS[0] + "\n\n12 Kommentare\n", 1)
    a = parse_scraped_text(text, "dump.txt", "dump")
    assert BODY_PARAS[1] in a.body_text and last in a.body_text


def _run_off(tmp_path: Path, key: str, code: str) -> str:
    rules = (ROOT / "pipeline" / "rules" / "web.yaml").read_text(encoding="utf-8")
    assert f"\n{key}: true\n" in rules
    off = tmp_path / "web.yaml"
    off.write_text(rules.replace(f"\n{key}: true\n", f"\n{key}: false\n"), encoding="utf-8")
    env = {**os.environ, "PIPELINE_WEB_RULES": str(off)}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_switches_off_keep_caption_and_cards(tmp_path: Path) -> None:
    code = ("from tests.test_web_forms16 import _with_caption, _with_cards, CAPTION, CARD_TEASER\n"
            "from tests.test_web_ingest import dump_text\n"
            "from pipeline.ingest import parse_scraped_text\n"
            "print(CAPTION in parse_scraped_text(_with_caption(dump_text()), 'd.txt', 'd').body_text,\n"
            "      CARD_TEASER in parse_scraped_text(_with_cards(dump_text()), 'd.txt', 'd').body_text)\n")
    assert _run_off(tmp_path, "doubled_captions", code) == "True False"
    assert _run_off(tmp_path, "card_counters", code) == "False True"


# ----------------------------------------------------------------------------- card_run (HTML)

CARDS = [("Feuerwehr rettet Katze aus dem Baum am Stadtpark", "Die Einsatzkräfte brauchten mehr als eine Stunde, "
          "bis das Tier in Sicherheit war, teilte die Polizei mit."),
         ("Neues Hallenbad öffnet im Frühjahr", "Die Eintrittspreise stehen fest: Erwachsene zahlen fünf Euro, "
          "Kinder die Hälfte."),
         ("Stadtrat streitet über den Haushalt für das kommende Jahr", "Die Opposition will bei den Schulen nicht "
          "sparen und legt einen eigenen Entwurf vor.")]


def _cards(listed: bool) -> str:
    if listed:
        return "<h2>Auch interessant</h2><ul>" + "".join(
            f'<li><a href="/a{j}.html"><strong>{h}</strong></a><p>{t}</p></li>' for j, (h, t) in enumerate(CARDS)) + "</ul>"
    return "".join(f'<div><h3><a href="/a{j}.html">{h}</a></h3><p>{t}</p></div>' for j, (h, t) in enumerate(CARDS))


def test_card_run_sibling_and_listed_cards_leave_the_html_body() -> None:
    for listed in (False, True):
        body = parse_html(page("".join(f"<p>{p}</p>" for p in P) + _cards(listed)), "x.html", "x").body_text
        assert _paras(body) == P, listed
        for h, t in CARDS:
            assert t[:40] not in body and h not in body


def test_card_run_one_card_or_links_inside_prose_stay() -> None:
    h, t = CARDS[0]
    one = f'<div><h3><a href="/a0.html">{h}</a></h3><p>{t}</p></div>'
    body = parse_html(page("".join(f"<p>{p}</p>" for p in P) + one), "x.html", "x").body_text
    # a single card is no run; since ingest17 the rule single_card judges it (tests/test_web_forms17.py)
    assert t not in body and all(p in body for p in P)
    # list items that start with a short linked name (2 words) are the article's own list
    people = "<ul>" + "".join(f'<li><a href="/p{j}">{n}</a>, {a}, tritt für die Wählergruppe im Wahlkreis {j} an.</li>'
                              for j, (n, a) in enumerate([("Anna Berger", 45), ("Jens Kühn", 52)])) + "</ul>"
    body = parse_html(page("".join(f"<p>{p}</p>" for p in P[:2]) + people + f"<p>{P[2]}</p>"), "x.html", "x").body_text
    assert "tritt für die Wählergruppe im Wahlkreis 0 an" in body and "Jens Kühn" in body


def test_card_run_switch_off_keeps_the_teasers(tmp_path: Path) -> None:
    code = ("from tests.test_web_forms16 import _cards, CARDS\n"
            "from tests.test_web_forms import P, page\n"
            "from pipeline.ingest import parse_html\n"
            "b = parse_html(page(''.join(f'<p>{p}</p>' for p in P) + _cards(True)), 'x.html', 'x').body_text\n"
            "print(sum(t[:40] in b for _h, t in CARDS))\n")
    assert _run_off(tmp_path, "card_runs", code) == "3"


# ----------------------------------------------------------------------------- player_shop_box (HTML and dumps)
PLAYER = '<div><span>Video</span><p>So entsteht der neue Hafen an der Weser</p><span>01:23 Min.</span></div>'
PRODUCT = ('<div><img src="/p.jpg" alt=""><p><strong>Akkuschrauber GSR 12V-15 mit zwei Akkus</strong></p>'
           '<p>Preis: 89,99 €</p><a href="https://www.amazon.de/dp/B0001">Jetzt bei Amazon ansehen</a></div>')


def test_player_and_product_boxes_leave_the_html_body() -> None:
    body = parse_html(page(f"<p>{P[0]}</p>{PLAYER}<p>{P[1]}</p>{PRODUCT}" + "".join(f"<p>{p}</p>" for p in P[2:])),
                      "x.html", "x").body_text
    assert _paras(body) == P
    # a price in the article's prose, a duration in a sentence: prose, no box
    prose = ("Das Gerät kostet im Handel 89,99 €, bei Amazon ist es derzeit günstiger zu haben, sagte der "
             "Sprecher des Verbraucherverbands am Montag.")
    body = parse_html(page(f"<p>{P[0]}</p><div><p>{prose}</p><a href='https://www.amazon.de/x'>Amazon</a></div>"
                           f"<p>{P[1]}</p>"), "x.html", "x").body_text
    assert prose in body


def test_player_and_product_lines_leave_the_dump_body() -> None:
    first = BODY_PARAS[1]
    text = dump_text().replace(first + "\n", "\n".join(
        ["Video", "So entsteht der neue Hafen an der Weser", "01:23 Min.", "", "[produkt]",
         "Akkuschrauber GSR 12V-15 mit zwei Akkus", "Preis: 89,99 €", "[Jetzt bei Amazon ansehen]", "", first, ""]), 1)
    a = parse_scraped_text(text, "dump.txt", "dump")
    assert _paras(a.body_text) == BODY_PARAS


def test_file_link_downloads_leave_the_html_body_a_linked_sentence_stays() -> None:
    downloads = ('<h3>Downloads</h3><ul><li><a href="/d/1.pdf">Pressemitteilung als PDF</a> (PDF, 245 KB)</li>'
                 '<li><a href="/d/2.jpg">Pressefoto</a> (JPG, 1,2 MB)</li></ul>')
    body = parse_html(page("".join(f"<p>{p}</p>" for p in P) + downloads), "x.html", "x").body_text
    assert "245 KB" not in body and "1,2 MB" not in body and _paras(body)[:len(P)] == P
    items = ('<ul><li>Der <a href="/plan.pdf">Nahverkehrsplan</a> liegt im Rathaus aus und kann dort bis Ende Mai '
             'eingesehen werden.</li><li>Die <a href="/karte">Karte der Linien</a> zeigt 12 neue Haltestellen.</li></ul>')
    body = parse_html(page("".join(f"<p>{p}</p>" for p in P) + items), "x.html", "x").body_text
    assert "liegt im Rathaus aus" in body and "zeigt 12 neue Haltestellen" in body
