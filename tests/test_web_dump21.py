"""dump21: dump titles, trails and bylines of page dumps (pipeline/web/dump21.py, web.yaml ``dump21`` and the
dump21 entries of ``dump_evidence``, ``dump_furniture``, ``not_author_words``).

Pages of our own (not copied from any gold page), run through the real ingestion (``parse_scraped_text``)."""
import dataclasses

from pipeline.ingest import parse_scraped_text
from pipeline.web import dump21
from pipeline.web.dump import is_page_dump
from pipeline.web.profile import web_rules
from tests.test_web_dump19 import BODY, TITLE, TOP, _page

TEASER = "Der Rat entscheidet sich gegen einen Neubau und für die Sanierung des alten Bades an der Lindenstraße."


def _off(monkeypatch) -> None:
    rules = web_rules()
    off = dataclasses.replace(rules, dump21=dataclasses.replace(rules.dump21, on=False))
    monkeypatch.setattr("pipeline.web.dump21.web_rules", lambda: off)


def test_clause_kicker_glued_with_a_space(monkeypatch) -> None:
    """dump_clause_kicker: "Hallenbad in Lindenberg Stadtrat stoppt …": a noun phrase before "subject verb" (the
    verb would stand third) is the kicker; the subject is a common noun of the text ("Der Stadtrat")."""
    head = f"Hallenbad in Lindenberg Stadtrat stoppt den Abriss vorerst\n\n{TEASER}\n\n03.01.2023, 14:32 Uhr"
    assert parse_scraped_text(_page(head)).title == "Stadtrat stoppt den Abriss vorerst"
    _off(monkeypatch)
    assert parse_scraped_text(_page(head)).title == "Hallenbad in Lindenberg Stadtrat stoppt den Abriss vorerst"


def test_clause_kicker_leaves_real_headlines() -> None:
    """No kicker where the first word is an adjective of the text ("Lindenberger Stadtrat", the page's
    "Lindenberger Tagblatt"), an adjective the text never uses, or a genitive ("Lindenbergs")."""
    text = BODY + "\n\nLindenberger Tagblatt"
    for title in ("Lindenberger Stadtrat stoppt den Abriss vorerst", "Zerstrittener Stadtrat stoppt den Abriss",
                  "Lindenbergs Stadtrat stoppt den Abriss vorerst"):
        assert dump21.clause_kicker(title, text) is None
    assert dump21.clause_kicker("Hallenbad in Lindenberg Stadtrat stoppt den Abriss", text) == (
        "Hallenbad in Lindenberg", "Stadtrat stoppt den Abriss")


def test_weather_and_home_word_trail_lines() -> None:
    """dump_weather_line (and a gallery's counter) and dump_home_word_trail: "Lindenberg 17°" and "Startseite Region Lindenberg" are never the
    headline; the trail without separators gives the section."""
    head = f"Lindenberg 17°\nStartseite Region Lindenberg\n\n{TITLE}\n\n{TEASER}\n\n03.01.2023, 14:32 Uhr"
    a = parse_scraped_text(_page(head))
    assert (a.title, a.section) == (TITLE, "Region / Lindenberg")
    assert dump21.weather_line("Salzburg, 14 °C, bewölkt") and not dump21.weather_line("Mark 51°7")
    assert dump21.weather_line("Bild 1 von 4")       # a gallery's counter


def test_plain_trail_without_home_link() -> None:
    """dump_plain_trail: "TB / Lindenberg / Politik" (the site's short name first) over the headline; "Lindenberg >
    Politik" where the page shows "Lindenberg" above it (a menu row), not otherwise."""
    head = f"\n\n{TITLE}\n\n03.01.2023, 14:32 Uhr"
    a = parse_scraped_text(_page("TB / Lindenberg / Politik" + head))
    assert (a.title, a.section) == (TITLE, "Lindenberg / Politik")
    row = parse_scraped_text(_page("Lindenberg > Politik" + head, top=TOP + "Lindenberg Umland Sport\n"))
    assert (row.title, row.section) == (TITLE, "Lindenberg / Politik")
    assert parse_scraped_text(_page("Lindenberg > Politik" + head)).section is None
    assert dump21.plain_trail(["  • › Drucken", "", TITLE], 2, TITLE) is None


def test_stacked_overline_of_as_many_words() -> None:
    """dump_stacked_kicker with an overline of as many words as the headline: the longer lower line is the
    headline (``stacked_same_words_chars``), the overline leaves the header."""
    from pipeline.web.dump20 import stacked_headline
    raw = ["Startseite › Region", "Vereine atmen auf", "", "Lindenberger Hallenbad gerettet", "", TEASER,
           "03.01.2023, 14:32 Uhr", "", BODY.split("\n\n")[0]]
    assert stacked_headline(raw, 1, 8, set()) == 3
    assert stacked_headline(raw[:3] + ["Hallenbad bleibt offen"] + raw[4:], 1, 8, set()) == 1   # not longer


def test_author_forms_and_no_author() -> None:
    """"Über die Autorin: Name" and a name over "Redaktorin …" at the end give the author; a press release's
    "Pressemitteilung Nr. 12/2023 vom 03.01.2023" gives none."""
    label = parse_scraped_text(_page(f"{TITLE}\n\n03.01.2023", "Über die Autorin: Jana Lorenz\n"))
    assert label.authors == ["Jana Lorenz"]
    box = parse_scraped_text(_page(f"{TITLE}\n\n03.01.2023", "Jana Lorenz\nRedaktorin Region\n"))
    assert box.authors == ["Jana Lorenz"]
    release = parse_scraped_text(_page(f"Pressemitteilung Nr. 12/2023 vom 03.01.2023\n\n{TITLE}"))
    assert release.authors == [] and release.published_at.strftime("%Y-%m-%d") == "2023-01-03"


def test_skip_link_as_list_item_and_capital_glued_credit() -> None:
    """A skip link printed as a list item ("• zum Inhalt") is a page signal; a caption with "Foto:" glued to its
    full stop leaves the body."""
    text = _page(f"{TITLE}\n\n03.01.2023, 14:32 Uhr\n\nDas alte Hallenbad an der Lindenstraße.Foto: Jana Lorenz",
                 top="  • zum Inhalt\n  • zur Navigation\n\nLindenberger Tagblatt\n",
                 foot="\n\nImpressum Datenschutz AGB\n")
    assert is_page_dump(text)
    a = parse_scraped_text(text)
    assert a.title == TITLE and "Foto: Jana Lorenz" not in a.body_text


def test_glued_related_label_and_credit_tails() -> None:
    """dump_related_label: "Mehr zum ThemaFreibad: …" (the label glued to the other story's headline) and "Mehr auf
    TB.de: …" leave the body, the paragraph after them stays; dump_caption_credit: credits glued to the caption's
    last word, in capitals, or after a slash leave it too."""
    paras = BODY.split("\n\n")
    for pointer in ("Mehr zum ThemaFreibad: Saison beginnt zwei Wochen früher", "Mehr auf TB.de: Freibad öffnet früher"):
        text = _page(f"{TITLE}\n\n03.01.2023, 14:32 Uhr").replace(paras[2], pointer + "\n\n" + paras[2])
        assert [x for x in parse_scraped_text(text).body_text.split("\n\n") if x] == paras
    for caption in ("Das alte Hallenbad an der LindenstraßeFoto: Jana Lorenz",
                    "Das alte Hallenbad an der Lindenstraße. FOTO: TB/JANA LORENZ",
                    "Das alte Hallenbad an der Lindenstraße /picture alliance, Jana Lorenz"):
        text = _page(f"{TITLE}\n\n03.01.2023, 14:32 Uhr").replace(paras[1], caption + "\n\n" + paras[1])
        assert "Jana Lorenz" not in parse_scraped_text(text).body_text, caption


def test_labelled_relative_date_line() -> None:
    """dump_relative_date: "Publiziert: vor 3 Stunden Aktualisiert: vor 2 Stunden" over the author's line is a date
    line (no date) and leaves the text."""
    head = f"{TITLE}\n\n{TEASER}\n\nPubliziert: vor 3 Stunden Aktualisiert: vor 2 Stunden\n[jana-loren]Jana Lorenz"
    a = parse_scraped_text(_page(head))
    assert (a.title, a.authors) == (TITLE, ["Jana Lorenz"]) and "vor 3 Stunden" not in a.body_text
