"""pipeline.dates: German temporal expressions normalized against the publication date.

Anchor for the table: Friday 2025-02-14 (the Handelsblatt sample article's date).
"""

import json
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from pipeline.dates import DateValue, find_expressions, main, normalize, parse_byline_datetime

FRI = date(2025, 2, 14)          # Friday
MON = date(2025, 2, 10)          # Monday
SUN = date(2025, 2, 16)          # Sunday
JAN3 = date(2025, 1, 3)          # Friday, early January: year wrap
NOV = date(2024, 11, 20)         # Wednesday

# (expression, anchor, start, end, granularity); start/end None = open side
TABLE = [
    # weekdays (bare = most recent on or before the anchor)
    ("am Donnerstag", FRI, "2025-02-13", "2025-02-13", "day"),
    ("am Mittwoch", FRI, "2025-02-12", "2025-02-12", "day"),
    ("Am Freitag", FRI, "2025-02-14", "2025-02-14", "day"),
    ("am Samstag", FRI, "2025-02-08", "2025-02-08", "day"),
    ("Sonntag", MON, "2025-02-09", "2025-02-09", "day"),
    ("vergangenen Dienstag", FRI, "2025-02-11", "2025-02-11", "day"),
    ("am vergangenen Freitag", FRI, "2025-02-07", "2025-02-07", "day"),
    ("letzten Donnerstag", FRI, "2025-02-13", "2025-02-13", "day"),
    ("vorigen Montag", FRI, "2025-02-10", "2025-02-10", "day"),
    ("kommenden Montag", FRI, "2025-02-17", "2025-02-17", "day"),
    ("am nächsten Freitag", FRI, "2025-02-21", "2025-02-21", "day"),
    ("diesen Freitag", FRI, "2025-02-14", "2025-02-14", "day"),
    ("an diesem Freitag", MON, "2025-02-14", "2025-02-14", "day"),
    ("am Donnerstagabend", FRI, "2025-02-13", "2025-02-13", "day"),
    ("am späten Mittwochabend", FRI, "2025-02-12", "2025-02-12", "day"),
    ("Dienstag früh", FRI, "2025-02-11", "2025-02-11", "day"),
    ("am Donnerstag vergangener Woche", FRI, "2025-02-06", "2025-02-06", "day"),
    ("Montag nächster Woche", FRI, "2025-02-17", "2025-02-17", "day"),
    ("am gestrigen Donnerstag", FRI, "2025-02-13", "2025-02-13", "day"),
    ("in der Nacht zum Donnerstag", FRI, "2025-02-13", "2025-02-13", "day"),
    ("in der Nacht von Mittwoch auf Donnerstag", FRI, "2025-02-13", "2025-02-13", "day"),
    # day words
    ("gestern", FRI, "2025-02-13", "2025-02-13", "day"),
    ("gestern Abend", FRI, "2025-02-13", "2025-02-13", "day"),
    ("heute Morgen", FRI, "2025-02-14", "2025-02-14", "day"),
    ("vorgestern", FRI, "2025-02-12", "2025-02-12", "day"),
    ("morgen", FRI, "2025-02-15", "2025-02-15", "day"),
    ("übermorgen", FRI, "2025-02-16", "2025-02-16", "day"),
    # absolute days
    ("14. Februar 2025", FRI, "2025-02-14", "2025-02-14", "day"),
    ("am 3. März", FRI, "2025-03-03", "2025-03-03", "day"),
    ("am 30. Dezember", JAN3, "2024-12-30", "2024-12-30", "day"),
    ("am 3. Oktober", FRI, "2024-10-03", "2024-10-03", "day"),
    ("3. Okt. 2023", FRI, "2023-10-03", "2023-10-03", "day"),
    ("14.02.2025", FRI, "2025-02-14", "2025-02-14", "day"),
    ("14.2.25", FRI, "2025-02-14", "2025-02-14", "day"),
    ("am 14.02.", FRI, "2025-02-14", "2025-02-14", "day"),
    ("2025-02-14", FRI, "2025-02-14", "2025-02-14", "day"),
    ("Donnerstag, 13. Februar 2025", FRI, "2025-02-13", "2025-02-13", "day"),
    ("am 3. März vergangenen Jahres", FRI, "2024-03-03", "2024-03-03", "day"),
    ("31. Februar 2025", FRI, None, None, None),  # no such day
    # weeks and weekends
    ("Mitte der Woche", FRI, "2025-02-12", "2025-02-12", "week"),
    ("Anfang der Woche", FRI, "2025-02-10", "2025-02-11", "week"),
    ("Ende vergangener Woche", FRI, "2025-02-07", "2025-02-09", "week"),
    ("Anfang der kommenden Woche", FRI, "2025-02-17", "2025-02-18", "week"),
    ("in der vergangenen Woche", FRI, "2025-02-03", "2025-02-09", "week"),
    ("vergangene Woche", MON, "2025-02-03", "2025-02-09", "week"),
    ("in dieser Woche", FRI, "2025-02-10", "2025-02-16", "week"),
    ("nächste Woche", FRI, "2025-02-17", "2025-02-23", "week"),
    ("in der Vorwoche", FRI, "2025-02-03", "2025-02-09", "week"),
    ("am Wochenende", FRI, "2025-02-08", "2025-02-09", "week"),
    ("am Wochenende", SUN, "2025-02-15", "2025-02-16", "week"),
    ("am kommenden Wochenende", FRI, "2025-02-15", "2025-02-16", "week"),
    ("vergangenes Wochenende", SUN, "2025-02-08", "2025-02-09", "week"),
    # months
    ("im Oktober 2024", FRI, "2024-10-01", "2024-10-31", "month"),
    ("Feb. 2025", FRI, "2025-02-01", "2025-02-28", "month"),
    ("Februar '25", FRI, "2025-02-01", "2025-02-28", "month"),
    ("im Oktober", FRI, "2024-10-01", "2024-10-31", "month"),
    ("im Juni", FRI, "2024-06-01", "2024-06-30", "month"),
    ("im April", FRI, "2025-04-01", "2025-04-30", "month"),
    ("im Dezember", JAN3, "2024-12-01", "2024-12-31", "month"),
    ("im vergangenen März", FRI, "2024-03-01", "2024-03-31", "month"),
    ("Anfang Oktober", FRI, "2024-10-01", "2024-10-10", "month"),
    ("Mitte Januar", FRI, "2025-01-11", "2025-01-20", "month"),
    ("Ende Februar 2024", FRI, "2024-02-21", "2024-02-29", "month"),
    ("Ende des Monats", FRI, "2025-02-21", "2025-02-28", "month"),
    ("Anfang des vergangenen Monats", FRI, "2025-01-01", "2025-01-10", "month"),
    ("im vergangenen Monat", JAN3, "2024-12-01", "2024-12-31", "month"),
    ("nächsten Monat", FRI, "2025-03-01", "2025-03-31", "month"),
    ("zum Monatsende", FRI, "2025-02-21", "2025-02-28", "month"),
    ("im März des vergangenen Jahres", FRI, "2024-03-01", "2024-03-31", "month"),
    # quarters, seasons, half-years
    ("im dritten Quartal 2024", FRI, "2024-07-01", "2024-09-30", "quarter"),
    ("Q3 2024", FRI, "2024-07-01", "2024-09-30", "quarter"),
    ("im vierten Quartal", FRI, "2024-10-01", "2024-12-31", "quarter"),
    ("im ersten Quartal", FRI, "2025-01-01", "2025-03-31", "quarter"),
    ("im vergangenen Quartal", FRI, "2024-10-01", "2024-12-31", "quarter"),
    ("im Schlussquartal", FRI, "2024-10-01", "2024-12-31", "quarter"),
    ("im Frühjahr 2023", FRI, "2023-03-01", "2023-05-31", "season"),
    ("im Frühjahr", FRI, "2025-03-01", "2025-05-31", "season"),
    ("im Sommer", FRI, "2024-06-01", "2024-08-31", "season"),
    ("im Winter", FRI, "2024-12-01", "2025-02-28", "season"),
    ("im vergangenen Herbst", FRI, "2024-09-01", "2024-11-30", "season"),
    ("Winter 2022/23", FRI, "2022-12-01", "2023-02-28", "season"),
    ("im ersten Halbjahr 2024", FRI, "2024-01-01", "2024-06-30", "year"),
    # years
    ("2017", FRI, "2017-01-01", "2017-12-31", "year"),
    ("im Jahr 2017", FRI, "2017-01-01", "2017-12-31", "year"),
    ("im vergangenen Jahr", FRI, "2024-01-01", "2024-12-31", "year"),
    ("letztes Jahr", FRI, "2024-01-01", "2024-12-31", "year"),
    ("im Vorjahr", FRI, "2024-01-01", "2024-12-31", "year"),
    ("in diesem Jahr", FRI, "2025-01-01", "2025-12-31", "year"),
    ("im kommenden Jahr", FRI, "2026-01-01", "2026-12-31", "year"),
    ("Ende 2022", FRI, "2022-12-01", "2022-12-31", "month"),
    ("Anfang 2023", FRI, "2023-01-01", "2023-01-31", "month"),
    ("Mitte 2023", FRI, "2023-06-01", "2023-07-31", "month"),
    ("Ende vergangenen Jahres", FRI, "2024-12-01", "2024-12-31", "month"),
    ("Anfang des Jahres", FRI, "2025-01-01", "2025-01-31", "month"),
    ("zum Jahresende", NOV, "2024-12-01", "2024-12-31", "month"),
    # relative counts
    ("vor zwei Wochen", FRI, "2025-01-31", "2025-01-31", "week"),
    ("vor einer Woche", FRI, "2025-02-07", "2025-02-07", "week"),
    ("vor drei Tagen", FRI, "2025-02-11", "2025-02-11", "day"),
    ("vor gut einem Monat", FRI, "2025-01-14", "2025-01-14", "month"),
    ("vor zwei Jahren", FRI, "2023-02-14", "2023-02-14", "year"),
    ("vor einem halben Jahr", FRI, "2024-08-14", "2024-08-14", "month"),
    ("in zwei Wochen", FRI, "2025-02-28", "2025-02-28", "week"),
    # open and closed ranges
    ("seit Ende 2022", FRI, "2022-12-01", None, "month"),
    ("seit 2021", FRI, "2021-01-01", None, "year"),
    ("ab dem kommenden Montag", FRI, "2025-02-17", None, "day"),
    ("seit zwei Wochen", FRI, "2025-01-31", None, "week"),
    ("bis Ende 2025", FRI, None, "2025-12-31", "month"),
    ("bis zum 3. März", FRI, None, "2025-03-03", "day"),
    ("vor 2014", FRI, None, "2013-12-31", "year"),
    ("nach 2014", FRI, "2015-01-01", None, "year"),
    ("vom 14. bis 16. Februar 2025", FRI, "2025-02-14", "2025-02-16", "day"),
    ("14.–16. Februar", FRI, "2025-02-14", "2025-02-16", "day"),
    ("zwischen 2014 und 2022", FRI, "2014-01-01", "2022-12-31", "year"),
    ("von 2014 bis 2022", FRI, "2014-01-01", "2022-12-31", "year"),
    ("Januar bis März 2024", FRI, "2024-01-01", "2024-03-31", "month"),
    ("vom 30. Januar bis 2. Februar", FRI, "2025-01-30", "2025-02-02", "day"),
    # dateparser fallback (rules do not read slashes): day given -> day, none given -> month
    ("14/02/2025", FRI, "2025-02-14", "2025-02-14", "day"),
    ("02/2025", FRI, "2025-02-01", "2025-02-28", "month"),
    # no calendar expression
    ("in Trumps erster Amtszeit", FRI, None, None, None),
    ("vor wenigen Tagen", FRI, None, None, None),
    ("in den vergangenen Wochen", FRI, None, None, None),
    ("die", FRI, None, None, None),
    ("So", FRI, None, None, None),
    ("Mo", FRI, None, None, None),
    ("", FRI, None, None, None),
]


def _d(s):
    return date.fromisoformat(s) if s else None


@pytest.mark.parametrize("text,anchor,start,end,gran", TABLE, ids=[f"{t[0]}@{t[1]}" for t in TABLE])
def test_normalize_table(text, anchor, start, end, gran):
    v = normalize(text, anchor)
    if gran is None:
        assert v is None
        return
    assert v is not None, text
    assert (v.start, v.end, v.granularity) == (_d(start), _d(end), gran)
    assert v.text == text
    assert v.time is None and v.tz is None


def test_table_size():
    assert len(TABLE) >= 60


@pytest.mark.parametrize("text,hhmm,tz", [
    ("14.02.2025 - 13:35 Uhr", (13, 35), "Europe/Berlin"),
    ("am Donnerstag um 13 Uhr", (13, 0), "Europe/Berlin"),
    ("gegen 14.30 Uhr", (14, 30), "Europe/Berlin"),
    ("um 9 Uhr MEZ", (9, 0), "Europe/Berlin"),
    ("14. Februar 2025, 18:00 Uhr UTC", (18, 0), "UTC"),
    ("am Mittwoch um 20 Uhr Ortszeit", (20, 0), None),
])
def test_normalize_time_of_day(text, hhmm, tz):
    v = normalize(text, FRI)
    assert v.time == time(*hhmm)
    assert v.tz == tz
    assert v.granularity == "day"


def test_time_only_refers_to_anchor_day_and_anchor_zone():
    v = normalize("um 13 Uhr", datetime(2025, 2, 14, 15, 0, tzinfo=ZoneInfo("America/New_York")))
    assert (v.start, v.end, v.time, v.tz) == (FRI, FRI, time(13, 0), "America/New_York")


def test_utc_anchor_is_read_in_berlin():
    # 23:30 UTC on the 13th is 00:30 on the 14th in Berlin: "gestern" is then the 13th
    v = normalize("gestern", datetime(2025, 2, 13, 23, 30, tzinfo=timezone.utc))
    assert v.start == date(2025, 2, 13)


def test_month_only_never_gets_a_day():
    for text in ("im Oktober 2024", "Oktober 2024", "Feb. 2025", "02/2025", "Oktober"):
        v = normalize(text, FRI)
        assert v.granularity == "month" and v.start.day == 1, text


def test_to_json():
    v = normalize("14.02.2025 - 13:35 Uhr", FRI)
    assert v.to_json() == {"start": "2025-02-14", "end": "2025-02-14", "granularity": "day",
                           "text": "14.02.2025 - 13:35 Uhr", "time": "13:35", "tz": "Europe/Berlin"}
    assert normalize("seit Ende 2022", FRI).to_json()["end"] is None
    assert isinstance(v, DateValue)


# --------------------------------------------------------------------------- bylines

@pytest.mark.parametrize("text,local,offset_h", [
    ("Annett Meiritz 14.02.2025 - 13:35 Uhr Artikel anhören", datetime(2025, 2, 14, 13, 35), 1),   # CET
    ("14.07.2025 - 13:35 Uhr", datetime(2025, 7, 14, 13, 35), 2),                                   # CEST
    ("30.03.2025 - 01:30 Uhr", datetime(2025, 3, 30, 1, 30), 1),      # before the spring switch
    ("30.03.2025 - 03:30 Uhr", datetime(2025, 3, 30, 3, 30), 2),      # after it
    ("26.10.2025 - 03:30 Uhr", datetime(2025, 10, 26, 3, 30), 1),     # after the autumn switch
    ("Stand: 14. Februar 2025, 9.05 Uhr", datetime(2025, 2, 14, 9, 5), 1),
    ("Fr., 14.02.25, 13:35", datetime(2025, 2, 14, 13, 35), 1),
    ("14.02.2025", datetime(2025, 2, 14, 0, 0), 1),                   # no time: local midnight
])
def test_byline_berlin(text, local, offset_h):
    dt = parse_byline_datetime(text)
    assert dt.replace(tzinfo=None) == local
    assert dt.utcoffset() == timedelta(hours=offset_h)
    assert dt.tzinfo == ZoneInfo("Europe/Berlin")


def test_byline_utc_conversion_and_other_zone():
    dt = parse_byline_datetime("Annett Meiritz 14.02.2025 - 13:35 Uhr")
    assert dt.astimezone(timezone.utc) == datetime(2025, 2, 14, 12, 35, tzinfo=timezone.utc)
    ny = parse_byline_datetime("14.02.2025 - 13:35 Uhr", tz="America/New_York")
    assert ny.utcoffset() == timedelta(hours=-5)
    assert parse_byline_datetime("14.02.2025, 13:35 Uhr UTC").utcoffset() == timedelta(0)
    iso = parse_byline_datetime("2025-02-14T13:35:00+01:00")
    assert iso.astimezone(timezone.utc).hour == 12


def test_byline_first_timestamp_wins_and_none_without_date():
    dt = parse_byline_datetime("Erstellt 14.02.2025 - 13:35 Uhr, aktualisiert 15.02.2025 - 08:00 Uhr")
    assert dt.replace(tzinfo=None) == datetime(2025, 2, 14, 13, 35)
    assert parse_byline_datetime("Annett Meiritz Artikel anhören") is None


# --------------------------------------------------------------------------- find_expressions

ARTICLE_SENTENCES = (
    "Der Vorstoß des US-Präsidenten, dass Friedensverhandlungen zum Ukrainekrieg „sofort“ beginnen könnten, "
    "hat Europa Mitte der Woche überrascht. Bereits an diesem Freitag sollen die Gespräche zumindest "
    "vorbereitend beginnen. Am Donnerstag betonte Trump, er „vertraue“ Putin. So beschlagnahmte Trump die "
    "Notizen eines Dolmetschers, die dieser während eines Treffens mit Putin beim G20-Gipfel in Hamburg 2017 "
    "angefertigt hatte. Außerdem hatte das „Wall Street Journal“ im Oktober 2024 enthüllt, dass der "
    "wohlhabendste Mann der Welt seit Ende 2022 in regelmäßigem Kontakt mit Putin steht. Aber wenn die "
    "vergangenen Wochen eines gelehrt haben, dann dies. Nato-Botschafter in Trumps erster Amtszeit."
)


def test_find_expressions_article():
    found = find_expressions(ARTICLE_SENTENCES)
    assert [t for _, _, t in found] == ["Mitte der Woche", "an diesem Freitag", "Am Donnerstag", "2017",
                                        "im Oktober 2024", "seit Ende 2022"]
    for s, e, t in found:
        assert ARTICLE_SENTENCES[s:e] == t
    values = {t: normalize(t, FRI) for _, _, t in found}
    assert values["Am Donnerstag"].start == date(2025, 2, 13)
    assert values["seit Ende 2022"].start == date(2022, 12, 1) and values["seit Ende 2022"].end is None


def test_find_expressions_no_false_weekdays_or_quantities():
    text = ("So sagte Mo Farah, die Läufer seien müde. Die Armee schickte rund 2000 Soldaten, "
            "2000 Menschen flohen. August Bebel und Jan Ullrich kamen. Am Morgen regnete es, "
            "das Ende ist offen, die Mitte fehlt.")
    assert find_expressions(text) == []


def test_find_expressions_ranges_times_and_case():
    text = ("Die Konferenz läuft vom 14. bis 16. Februar 2025. Zwischen 2014 und 2022 stieg der Wert. "
            "Am Donnerstag um 13 Uhr sprach Vance, gestern Abend Rubio. Morgen reist er ab. "
            "Die Zahlen für das dritte Quartal 2024 kamen in der vergangenen Woche.")
    got = [t for _, _, t in find_expressions(text)]
    assert got == ["vom 14. bis 16. Februar 2025", "Zwischen 2014 und 2022", "Am Donnerstag um 13 Uhr",
                   "gestern Abend", "Morgen", "das dritte Quartal 2024", "in der vergangenen Woche"]
    assert normalize("das dritte Quartal 2024", FRI).granularity == "quarter"
    # a relative expression is never joined into a range with a dash
    assert [t for _, _, t in find_expressions("Vor einem Jahr - am 7. Mai 2014 kam er.")] == [
        "Vor einem Jahr", "am 7. Mai 2014"]
    # lower-case nouns are not read as weekdays or months; the year alone still counts
    assert find_expressions("am donnerstag und im oktober 2024") == [(29, 33, "2024")]


def test_every_found_expression_normalizes():
    for _, _, t in find_expressions(ARTICLE_SENTENCES):
        assert normalize(t, FRI) is not None, t


# --------------------------------------------------------------------------- CLI

def test_cli_prints_json(capsys):
    assert main(["am Donnerstag", "--anchor", "2025-02-14"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["start"] == "2025-02-13" and out["granularity"] == "day"
    assert main(["in Trumps erster Amtszeit", "--anchor", "2025-02-14"]) == 1
    assert json.loads(capsys.readouterr().out) is None


def test_cli_find_and_byline(capsys):
    assert main(["Am Donnerstag betonte Trump, er vertraue Putin.", "--anchor", "2025-02-14", "--find"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == [{"start_char": 0, "end_char": 13, "text": "Am Donnerstag",
                    "value": {"start": "2025-02-13", "end": "2025-02-13", "granularity": "day",
                              "text": "Am Donnerstag", "time": None, "tz": None}}]
    assert main(["14.02.2025 - 13:35 Uhr", "--byline"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {"datetime": "2025-02-14T13:35:00+01:00", "utc": "2025-02-14T12:35:00+00:00"}


def test_find_expressions_gates_change_nothing(monkeypatch):
    """find_expressions tries each rule only near its gate's hits (speed); with the gates off (plain
    finditer over the whole text) the result is the same, on every expression of TABLE run together
    and on text with odd case folding and long whitespace."""
    import pipeline.dates as d

    texts = [ARTICLE_SENTENCES, " und ".join(e for e, *_ in TABLE), ". ".join(e for e, *_ in TABLE),
             "Am\n\n   Donnerstag,   den 13.    Februar 2025 um 14:30 Uhr sagte er: ſeit Montag 1.2.3. 4.5.",
             "in der Nacht von Montag zum vergangenen Dienstag; Q3 2024; im ersten Halbjahr 2023; Jänner",
             "Anfang 201414:00 Uhr; vor gut drei Wochen; am heutigen Tage; 2024-02-03T10:00; İstanbul 2020"]
    gated = [find_expressions(t) for t in texts]
    monkeypatch.setattr(d, "_GATES", {})
    assert gated == [find_expressions(t) for t in texts]
    assert sum(map(len, gated)) > 60
