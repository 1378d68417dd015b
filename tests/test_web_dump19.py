"""dump19: dump metadata from the page's own evidence (pipeline/web/dump_evidence.py, web.yaml ``dump_evidence``).

Pages of our own (not copied from any gold page): a short page a text browser saved, run through the real
ingestion (``parse_scraped_text``)."""
import dataclasses

import pytest

from pipeline.ingest import parse_scraped_text
from pipeline.web import dump_evidence
from pipeline.web.dump import is_page_dump
from pipeline.web.profile import web_rules

BODY = "\n\n".join([
    "Der Stadtrat von Lindenberg hat am Montagabend mit großer Mehrheit beschlossen, das marode Hallenbad an der "
    "Lindenstraße zu sanieren. Ein Neubau hätte nach den Berechnungen des Bauamts mehr als doppelt so viel gekostet "
    "und wäre frühestens in fünf Jahren fertig geworden.",
    "Für die Arbeiten veranschlagt die Verwaltung rund vier Millionen Euro. Einen großen Teil davon soll das Land "
    "tragen; der Antrag auf Fördermittel soll noch vor den Sommerferien beim zuständigen Ministerium eingereicht "
    "werden.",
    "Kritik kam von der Opposition im Rat: Die Schwimmvereine müssten erneut monatelang ohne eigene Wasserzeiten "
    "auskommen. Die Vereine wollen nun mit der Nachbargemeinde über feste Zeiten für das Training im Winter sprechen.",
    "Der Bürgermeister verteidigte die Entscheidung. Man habe alle Möglichkeiten geprüft und die Lösung gewählt, die "
    "für die Stadt auf lange Sicht am günstigsten sei. Die Arbeiten sollen im März beginnen, wenn sich genug Firmen "
    "auf die Ausschreibung melden."])
TOP = ("Zum Hauptinhalt springen\nWir verwenden Cookies, um unser Angebot für Sie zu verbessern.\nZustimmen\n\n"
       "Lindenberger Tagblatt\n\n  • Politik\n  • Region\n  • Sport\n  • Kultur\n")
FOOT = "\n\nMehr aus der Region\n\nImpressum | Datenschutz | Kontakt\n\n© 2024 Lindenberger Tagblatt\n"
TITLE = "Hallenbad wird saniert statt abgerissen"


def _page(head: str, tail: str = "", top: str = TOP, foot: str = FOOT) -> str:
    return top + "\n" + head + "\n\n" + BODY + "\n\n" + tail + foot


def test_short_page_read_as_dump():
    """dump_page_signals: a skip link and a consent notice at the top, a legal footer and a copyright line at the
    end make a short page a page dump: the headline, not the cookie notice, is the title."""
    a = parse_scraped_text(_page(f"Lindenberg\n\n{TITLE}\n\n03.01.2023, 14:32 Uhr"))
    assert a.title == TITLE
    assert a.published_at.strftime("%Y-%m-%d") == "2023-01-03"
    assert "Impressum" not in a.body_text


def test_one_signal_is_no_page():
    """One kind of page furniture (a copyright line) does not make an article text a page; nor does none."""
    assert not is_page_dump(TITLE + "\n\n" + BODY + "\n\n© 2024 Lindenberger Tagblatt\n")
    assert not is_page_dump(TITLE + "\n\n" + BODY)
    assert dump_evidence.page_signals(_page(TITLE)) == ["skip_link", "consent", "legal_footer", "copyright"]


def test_switch_off(monkeypatch):
    """``dump_evidence.enabled: false``: the short page is no page dump (the text is read as it is)."""
    rules = web_rules()
    off = dataclasses.replace(rules, dump_evidence=dataclasses.replace(rules.dump_evidence, on=False))
    monkeypatch.setattr("pipeline.web.dump_evidence.web_rules", lambda: off)
    assert not is_page_dump(_page(TITLE))


@pytest.mark.parametrize("head,section", [
    (f"lindenberger-tagblatt.de > Region\n{TITLE}", "Region"),               # dump_home_trail: host name
    (f"Startseite / Lindenberg\nPlus\n{TITLE}", "Lindenberg"),               # dump_home_trail: home link
    (f"  • Politik\n  • Region\n  • Sport\n\nAbo Region / Lindenberg\n{TITLE}", "Region / Lindenberg"),
    (f"  • Politik\n  • Region\n  • Sport\n\n  • Region\n  • Lindenberg\n\n{TITLE}", "Region / Lindenberg"),
    (f"  • Startseite\n  • Region\n  • Lindenberg\n\nBaden im Winter\n\n{TITLE}", "Region / Lindenberg"),
    (f"  • Politik\n  • Blaulicht\n  • Sport\n\nBlaulicht › Region › Lindenberg\n\n{TITLE}",
     "Blaulicht / Region / Lindenberg"),                                      # dump_trail_menu_item
])
def test_trails(head, section):
    """dump_home_trail, dump_menu_trail (the trail starts again at an item the menu showed, or after the home
    link), dump_trail_menu_item."""
    a = parse_scraped_text(_page(head + "\n\n03.01.2023, 14:32 Uhr"))
    assert a.title == TITLE
    assert a.section == section


@pytest.mark.parametrize("menu", ["  • Politik\n  • Region\n  • Sport", "  • Wetter\n  • Verkehr\n  • Blitzer"])
def test_menu_is_no_trail(menu):
    """A menu list right above the headline, printed a second time or starting nowhere again, is no trail."""
    a = parse_scraped_text(_page(f"{menu}\n\n{TITLE}\n\n03.01.2023, 14:32 Uhr"))
    assert a.title == TITLE
    assert a.section is None


@pytest.mark.parametrize("head,tail,authors", [
    (f"{TITLE}\n\n03.01.2023, 14:32 Uhr\n\nAnna Maria Keller LT-Redaktion Lindenberg", "", ["Anna Maria Keller"]),
    (f"{TITLE}\n\n03.01.2023, 14:32 Uhr", "Sendung: Lindenberg aktuell, 03.01.2023\n\nBeitrag von Jonas Ebert",
     ["Jonas Ebert"]),
    (f"{TITLE}\n\n03.01.2023, 14:32 Uhr", "Jonas Ebert, Pressestelle\n\nRückfragen bitte an:\nStadt Lindenberg",
     ["Jonas Ebert"]),
    (f"{TITLE}\n\n03.01.2023, 14:32 Uhr", "Foto: Stadt Lindenberg\n\nMarie Sommer\n\nRedakteurin im Lokalteil, "
     "schreibt über Schulen und Sport.", ["Marie Sommer"]),
])
def test_byline_forms(head, tail, authors):
    """dump_byline_forms: a name with the desk after it under the headline (the desk stays out of the body),
    "Beitrag von …" and "Name, Pressestelle" at the end, an author box (name over a role line)."""
    a = parse_scraped_text(_page(head, tail))
    assert a.authors == authors
    assert "LT-Redaktion" not in a.body_text


def test_not_title_and_end_date():
    """dump_not_title: a dateline line and a picture's alt text over an agency credit are no headline;
    dump_end_published: "Publiziert am …" after the article."""
    a = parse_scraped_text(_page(f"{TITLE}\n\nDer Stadtrat stimmte mit großer Mehrheit für die Sanierung des Bades.\n"
                                 "Von Jonas Ebert\n\n[bad]\n\nDas Hallenbad an der Lindenstraße\n\ndpa/Stefan Berger\n\nLindenberg (ots)",
                                 "Links:\n\n  • Stadt Lindenberg\n\nPubliziert am 27.02.2024 08.05 Uhr"))
    assert a.title == TITLE
    assert a.published_at.strftime("%Y-%m-%d") == "2024-02-27"
    assert a.authors == ["Jonas Ebert"]
    assert dump_evidence.not_title(["Lindenberg (ots)"], 0)
    assert dump_evidence.not_title(["Das Hallenbad an der Lindenstraße", "", "dpa/Stefan Berger"], 0)
    assert not dump_evidence.not_title([TITLE, "", "Von Jonas Ebert"], 0)
    raw = ["Die Arbeiten beginnen im März.", "", "Publiziert am 27.02.2024 08.05 Uhr"]
    assert dump_evidence.end_published(raw, 0)[0].strftime("%Y-%m-%d") == "2024-02-27"


def test_glued_word_kicker():
    """dump_glued_word_kicker: "Ärger im HallenbadStadtrat …": the glued word is not in the text, "Stadtrat" is."""
    a = parse_scraped_text(_page("Ärger im HallenbadStadtrat will das Hallenbad sanieren\n\n03.01.2023, 14:32 Uhr"))
    assert a.title == "Stadtrat will das Hallenbad sanieren"
    assert dump_evidence.glued_word_kicker("Neues iPhone kommt im Herbst", BODY) is None


def test_interviewer():
    """dump_interviewer: of "A im Gespräch mit B" the one who asks in the text's turns is the author."""
    body = ("Keller: Frau Sommer, wie geht es dem Bad?\nSommer: Schlecht. Das Dach ist undicht.\n"
            "Keller: Und was kostet die Sanierung?\nSommer: Rund vier Millionen Euro.")
    assert dump_evidence.interviewers(["Marie Sommer", "Jonas Keller"], body) == ["Jonas Keller"]
    assert dump_evidence.interviewers(["Marie Sommer", "Jonas Keller"], BODY) == ["Marie Sommer", "Jonas Keller"]


def test_prose_between():
    """dump_prose_between: a paragraph of names and compounds (few stopwords) between good paragraphs stays."""
    names = ("Hessens Kunstminister Timon Gremmels (SPD) lobte Lindenbergs Stadtrat, Kämmerer Uwe Stahl und "
             "Bauamtsleiterin Petra Lorenz. „Gute Bäder brauchen Geld“, sagte Gremmels.")
    paras = BODY.split("\n\n")
    page = TOP + f"\n{TITLE}\n\n03.01.2023, 14:32 Uhr\n\n" + "\n\n".join(paras[:2] + [names] + paras[2:]) + FOOT
    assert "Kämmerer Uwe Stahl" in parse_scraped_text(page).body_text
