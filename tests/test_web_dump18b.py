"""dump18b: a dump's date, authors and section by the form of their lines (pipeline/web/dump_forms.py).

The rules are off by default (web.yaml ``dump_forms_on: false``, see there); these tests switch them on."""
import pytest

from pipeline.ingest import parse_scraped_text
from pipeline.web import dump_forms


@pytest.fixture(autouse=True)
def _forms_on(request, monkeypatch):
    if "switch_off" not in request.node.name:
        monkeypatch.setattr(dump_forms, "on", lambda: True)

MENU = "Zum Inhalt springen\n\n" + "\n".join("  • " + x for x in
                                            ["Startseite", "Politik", "Wirtschaft", "Kultur", "Sport", "Abo"])
BODY = ("Der Stadtrat hat am Montagabend nach langer Debatte beschlossen, das marode Hallenbad an der Lindenstraße "
        "bis zum Herbst zu sanieren, statt es abzureißen und an anderer Stelle neu zu bauen.\n\n"
        "Die Kosten liegen nach Angaben der Verwaltung bei rund vier Millionen Euro, von denen das Land einen großen "
        "Teil übernehmen soll, wenn der Antrag auf Fördermittel noch in diesem Jahr gestellt wird.\n\n"
        "Die Opposition kritisierte, dass die Schwimmvereine erneut monatelang ohne Trainingsmöglichkeiten in der "
        "Stadt auskommen müssten, und forderte eine Übergangslösung mit dem Bad der Nachbargemeinde.\n\n"
        "Der Bürgermeister sagte, man habe alle Möglichkeiten geprüft und sich für die Lösung entschieden, die für "
        "die Stadt auf lange Sicht am günstigsten sei und die Vereine am wenigsten belaste.\n\n"
        "Die Arbeiten sollen im März beginnen. Ob der Zeitplan zu halten ist, hängt nach Auskunft der Verwaltung "
        "vor allem davon ab, ob sich genug Firmen auf die Ausschreibung melden und die Preise stabil bleiben.")
TEASERS = ("Mehr aus dem Ressort\n\nNeue Radwege in der Innenstadt geplant\n\nDie Verwaltung legt einen Plan für "
           "drei neue Radwege vor, die bis zum Sommer fertig sein sollen und den Verkehr entlasten.\n\n"
           "Von Karl Huber\n\nImpressum\nDatenschutz\n")


def _page(head: str, tail: str = "") -> str:
    return MENU + "\n\n" + head + "\n\n" + BODY + "\n" + tail + "\n\n" + TEASERS


def test_role_byline_not_teaser_name():
    """dump_role_byline: "Anna Maier" / "Redakteurin Lokales" under the headline; the teaser's "Von Karl Huber"
    is never taken."""
    a = parse_scraped_text(_page("Hallenbad wird saniert statt abgerissen\n\nAnna Maier\nRedakteurin Lokales\n\n"
                                 "03.01.2023 – 14:32 Uhr"))
    assert a.authors == ["Anna Maier"]
    assert a.published_at.strftime("%Y-%m-%d") == "2023-01-03"


def test_end_byline_and_date_and_line_trail():
    """dump_end_byline, dump_end_date, dump_line_trail."""
    a = parse_scraped_text(_page("Sie sind hier: Home / Region / Hannover\n\nHallenbad wird saniert statt abgerissen",
                                 "\nText: Jan Ott und Petra Lehmann\nStand: 04.02.2023"))
    assert sorted(a.authors) == ["Jan Ott", "Petra Lehmann"]
    assert a.published_at.strftime("%Y-%m-%d") == "2023-02-04"
    assert a.section == "Region / Hannover"


def test_original_date_before_update():
    """dump_original_date: of "aktualisiert am …, veröffentlicht am …" the publication."""
    a = parse_scraped_text(_page("Politik | Ausland\n\nHallenbad wird saniert statt abgerissen\n\n"
                                 "aktualisiert am 14.02.2023, veröffentlicht am 13.02.2023"))
    assert a.published_at.strftime("%Y-%m-%d") == "2023-02-13"
    assert a.section == "Politik / Ausland"


def test_reading_time_date_and_name_by_date():
    """dump_reading_time_date and dump_name_by_date: under the lead, the name line over the date line with a
    reading time."""
    lead = ("Nach langer Debatte hat der Stadtrat entschieden: Das Hallenbad an der Lindenstraße wird saniert und "
            "bleibt den Schwimmvereinen der Stadt erhalten, auch wenn es Monate dauern wird.")
    a = parse_scraped_text(_page("Hallenbad wird saniert statt abgerissen\n\n" + lead + "\n\nAnna Maier\n\n"
                                 "3. Januar 2023, 11:20 Uhr · Lesezeit 3 Min."))
    assert a.published_at.strftime("%Y-%m-%d %H:%M") == "2023-01-03 11:20"
    assert a.authors == ["Anna Maier"]


def test_end_date_needs_the_label_right_before_the_date():
    """dump_end_date: "Datum der Schwellenberührung 18.03.2016" (a notice's field) is no date line."""
    from pipeline.web.dump_forms import end_date
    assert end_date(["Datum der Schwellenberührung 18.03.2016 6. Gesamtstimmrechtsanteile"]) is None
    assert end_date(["Stand: 04.02.2023"])[0].strftime("%Y-%m-%d") == "2023-02-04"


def test_switch_off_keeps_the_earlier_fields():
    """web.yaml dump_forms_on: false (the default): no section from the one-line breadcrumb."""
    assert dump_forms.on() is False
    assert parse_scraped_text(_page("Sie sind hier: Home / Region / Hannover\n\n"
                                    "Hallenbad wird saniert statt abgerissen")).section is None


def test_meta_line_original_date_and_menu_row():
    """dump_meta_line, dump_original_date ("Erstveröffentlichung"), and a menu row "Wetter | Verkehr | Blitzer"
    above the headline is no trail (no item of it is a menu item of the page)."""
    a = parse_scraped_text(_page("Wetter | Verkehr | Blitzer\n\nHallenbad wird saniert statt abgerissen\n\n"
                                 "04.02.2023 · Von Jan Ott und Petra Lehmann · 4 Min. Lesezeit"))
    assert sorted(a.authors) == ["Jan Ott", "Petra Lehmann"]
    assert a.published_at.strftime("%Y-%m-%d") == "2023-02-04"
    assert a.section is None
    a = parse_scraped_text(_page("Hallenbad wird saniert statt abgerissen\n\nZuletzt aktualisiert: 05.02.2023 um "
                                 "10:00 Uhr, Erstveröffentlichung: 04.02.2023"))
    assert a.published_at.strftime("%Y-%m-%d") == "2023-02-04"


def test_teaser_byline_under_a_short_article_is_no_author():
    """The seed header's byline search does not take a teaser's "Von Karl Huber" under a short article."""
    a = parse_scraped_text(_page("Hallenbad wird saniert statt abgerissen\n\n04.02.2023"))
    assert a.authors == []


def test_author_note_and_labelled_byline_under_the_headline():
    """dump_author_note ("Über die Autorin" / "Anna Maier ist …"); "Autorinnen und Autoren: A, B" under the
    headline (dump_end_byline's labelled forms)."""
    a = parse_scraped_text(_page("Hallenbad wird saniert statt abgerissen\n\n04.02.2023 14:32 Uhr",
                                 "\nÜber die Autorin\nAnna Maier ist Redakteurin im Ressort Lokales."))
    assert a.authors == ["Anna Maier"]
    a = parse_scraped_text(_page("Hallenbad wird saniert statt abgerissen\n\nAutorinnen und Autoren: Anna Maier, "
                                 "Jan Ott\n3. Februar 2023, 08:15 Uhr"))
    assert sorted(a.authors) == ["Anna Maier", "Jan Ott"]


def test_stacked_trail_and_trail_under_the_article():
    """dump_line_trail: a trail one item a line ("Startseite" / ">" / "Politik" / ">" / "Ausland") and a
    labelled trail under the article that ends in the headline."""
    a = parse_scraped_text(_page("Startseite\n>\nPolitik\n>\nAusland\n\nHallenbad wird saniert statt abgerissen"
                                 "\n\n04.02.2023"))
    assert a.section == "Politik / Ausland"
    a = parse_scraped_text(_page("Hallenbad wird saniert statt abgerissen\n\n04.02.2023",
                                 "\nSie sind hier: Startseite › Region › Hannover › Hallenbad wird saniert statt "
                                 "abgerissen"))
    assert a.section == "Region / Hannover"
