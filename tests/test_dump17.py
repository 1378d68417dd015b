"""dump17: furniture inside the article block of full-page text dumps, and glued kickers (pipeline/web/
dump_furniture.py). Fragments of the blind tune dumps (/tmp/web_blind_tune, templates of German news sites)
run through the real dump reader."""
from pipeline.web.dump import article_text
from pipeline.web.dump_furniture import credit_line, credit_tail, kicker_boundary

MENU = "\n".join(f"  • Rubrik {i}" for i in range(12))
P1 = ("Die Städte und Gemeinden schlagen Alarm: Nach einer Umfrage des Deutschen Städtetags unter seinen Mitgliedern "
      "sind rund 650 kommunale Hallen- und Freibäder so stark sanierungsbedürftig, dass ihnen in den kommenden fünf "
      "Jahren die Schließung droht.")
P2 = ("Besonders betroffen sind nach der Umfrage kleinere Städte in Nordrhein-Westfalen, Niedersachsen und "
      "Sachsen-Anhalt. Dort fehle oft das Geld für den Eigenanteil, den Förderprogramme der Länder verlangen.")
P3 = ("Die Folgen zeigen sich nach Einschätzung der Deutschen Lebens-Rettungs-Gesellschaft (DLRG) schon jetzt. Die "
      "Wartelisten für Anfängerkurse seien vielerorts länger als ein Jahr, sagte DLRG-Sprecher Tobias Merkle. \"Wenn "
      "ein Bad schließt, fällt für ganze Jahrgänge der Schwimmunterricht aus. Das holt niemand mehr nach.\"")
P4 = ("Das Bundesbauministerium verwies auf das Programm zur Sanierung kommunaler Einrichtungen, aus dem seit 2015 "
      "mehrere Hundert Bäder Geld erhalten hätten. Für einen eigenen Bäderfonds sehe man derzeit keinen Spielraum.")


def _page(middle: str, head: str = "Marode Schwimmbäder Städtetag fordert Milliardenfonds für Sanierung",
          tail: str = "") -> str:
    return f"""Zum Inhalt springen
{MENU}

{head}

Stand: 14.06.2023 17:43 Uhr

Von Lukas Brenner, ARD-Hauptstadtstudio

{P1}

{middle}

{P4}

{tail}
  • Impressum
  • Datenschutz
"""


def _body(text: str) -> str:
    art = article_text(text)
    return art.text.split("\n\n", 1)[1]


def test_credit_forms():
    assert credit_line("Bild: dpa") and credit_line("Christoph Ruckstuhl / NZZ")
    assert not credit_line("Quelle: dpa, t-online, lw")          # a source line, no photo credit
    assert credit_tail("Einsatzkräfte in Wuppertal-Elberfeld: Die Feuerwehr pumpte in der Nacht zahlreiche "
                       "Unterführungen leer. (Quelle: Christoph Reichwein/dpa)")
    assert credit_tail("Die Krankenkassen erwarten für 2025 deutlich höhere Ausgaben. Quelle: IMAGO/Steinach")
    assert not credit_tail(P2)


def test_dump_caption_credit():
    """The alt line, the caption and the credit leave the body; the paragraphs around them stay."""
    body = _body(_page(f"{P2}\n\nKinder mit Schwimmnudeln in einem Lehrschwimmbecken\n\nEin Anfängerkurs in einem "
                       f"Lehrschwimmbecken in Hannover. Die Wartelisten für solche Kurse sind vielerorts lang.\n\n"
                       f"Bild: dpa\n\n{P3}"))
    assert "Anfängerkurs in einem Lehrschwimmbecken" not in body and "Schwimmnudeln" not in body
    assert "Bild: dpa" not in body
    assert P2 in body and P3 in body and P4 in body


def test_dump_related_label():
    """A label alone with the teaser headline after it, and a label glued to a headline, leave the body."""
    body = _body(_page(f"{P2}\n\nMehr zum Thema\n\nHitzeschutz Warum kaum eine Stadt einen Hitzeaktionsplan hat\n\n"
                       f"{P3}\n\nLesen Sie auch Krankenhausreform: Was sich für Patienten ändert\n\n"
                       "Wartelisten für Schwimmkurse"))
    assert "Hitzeaktionsplan" not in body and "Mehr zum Thema" not in body and "Krankenhausreform" not in body
    assert P3 in body and "Wartelisten für Schwimmkurse" in body


def test_dump_dated_teaser_and_furniture_lines():
    body = _body(_page(f"Nichtschwimmer Immer mehr Grundschüler können nicht sicher schwimmen 02.06.2023\n\n{P2}\n\n"
                       "Die wichtigsten Ticketpreise ab 01.01.2024\n\n"
                       f"{P3}\n\nÜber dieses Thema berichtet: BR24 Frankenschau am 07.02.2023 um 17:30 Uhr.\n\n"
                       "Der Tag\n\nDas Nachrichtenbriefing aus dem RND-Hauptstadtbüro – jeden Morgen um 7 Uhr."))
    assert "Grundschüler" not in body and "Frankenschau" not in body and "Nachrichtenbriefing" not in body
    assert "Die wichtigsten Ticketpreise ab 01.01.2024" in body     # a date after "ab": the line's own
    assert P2 in body and P3 in body


def test_dump_teaser_block():
    """Teasers of other articles (headline, one or two short sentences) at the block's end leave the body."""
    tail = ("Mehr aus Politik\n\nGesundheitspolitik Länder drohen mit Blockade der Klinikreform\n\nDie Bundesländer "
            "wollen die Krankenhausreform im Bundesrat aufhalten. Sie fürchten um kleine Kliniken auf dem Land und "
            "fordern mehr Geld vom Bund.\n\nSozialabgaben Die 40-Prozent-Grenze fällt\n\nRente, Pflege, "
            "Krankenversicherung: Zusammen könnten die Sozialbeiträge im nächsten Jahr erstmals mehr als 40 Prozent "
            "des Bruttolohns ausmachen.\n")
    body = _body(_page(f"{P2}\n\n{P3}", tail=tail))
    assert "Sie fürchten um kleine Kliniken" not in body and "40-Prozent-Grenze" not in body
    assert P4 in body


def test_kicker_boundary():
    assert kicker_boundary("Marode Schwimmbäder Städtetag fordert Milliardenfonds für Sanierung") == 2
    assert kicker_boundary("Landarztmangel in Sachsen-Anhalt Mehr als 300 Hausarztsitze unbesetzt") == 3
    assert kicker_boundary("Unwetter in NRW Keller vollgelaufen, Bahnstrecke gesperrt") == 3
    assert kicker_boundary("Augsburger Verkehrs- und Tarifverbund AVV erhöht die ÖPNV-Preise deutlich") is None
    assert kicker_boundary("Nach 312 Jahren: Bamberger Brauerei Hornung gibt auf") is None


def test_dump_glued_kicker():
    """The kicker is split off when the page's teasers show the same form; without them the line stays."""
    tail = ("DLRG-Bilanz Mehr Badetote in Flüssen und Seen\n\nIm vergangenen Jahr sind in Deutschland mindestens 355 "
            "Menschen ertrunken.\n\nWartezeiten So lange warten Patienten auf einen Hausarzttermin\n\nEine Umfrage "
            "zeigt große Unterschiede zwischen Stadt und Land.\n")
    head = article_text(_page(f"{P2}\n\n{P3}", tail=tail)).text.split("\n")
    assert head[:2] == ["Marode Schwimmbäder", "Städtetag fordert Milliardenfonds für Sanierung"]
    alone = article_text(_page(f"{P2}\n\n{P3}")).text.split("\n")
    assert alone[0] == "Marode Schwimmbäder Städtetag fordert Milliardenfonds für Sanierung"


def test_dump_not_headline_and_over_teaser():
    """A two-item breadcrumb and a picture's alt line are no headline; the header reads headline / teaser /
    byline (fragments of the NZZ-like and FAZ-like tune dumps)."""
    page = f"""Zum Hauptinhalt springen Neue Zürcher Zeitung
{MENU}

Abonnieren Anmelden
NZZ / Zürich
Zürich

Stadtrat will 40 Kilometer Velovorzugsrouten bis 2030

Die Stadt Zürich plant ein Netz von Velovorzugsrouten quer durch die Quartiere. Dafür sollen Hunderte Parkplätze wegfallen. Das Gewerbe ist alarmiert.

Lukas Hässig-Brunner 14.03.2023, 05.30 Uhr 4 min

Velofahrer an einer Kreuzung in Zürich
Velofahrende an der Kreuzung Seilergraben/Zähringerstrasse: Auf den Vorzugsrouten sollen sie künftig Vortritt haben. Christoph Ruckstuhl / NZZ

Wer in Zürich mit dem Velo vom Kreis 3 ins Oerlikon fährt, braucht gute Nerven: Die Velostreifen enden abrupt, an vielen Kreuzungen müssen Velofahrende warten, und zwischen Tram und parkierten Autos wird es eng. Das soll sich nach dem Willen des Stadtrats in Zürich ändern.

Bis 2030 sollen rund 40 Kilometer solcher Routen in Zürich entstehen. Sie sollen möglichst kreuzungsfrei und mindestens 2,4 Meter breit sein, an Einmündungen sollen Velofahrende Vortritt erhalten, sagte die Stadträtin in Zürich.
"""
    from pipeline.ingest import parse_scraped_text
    art = parse_scraped_text(page, "nzz.txt", "nzz")
    assert art.title == "Stadtrat will 40 Kilometer Velovorzugsrouten bis 2030"
    assert "Christoph Ruckstuhl" not in art.body_text and "Velofahrer an einer Kreuzung" not in art.body_text
    faz = page.replace("Stadtrat will 40 Kilometer Velovorzugsrouten bis 2030",
                       "Ökonom im Gespräch: „Der Wohnungsbau bricht gerade ein“").replace(
        "Velofahrende an der Kreuzung Seilergraben/Zähringerstrasse: Auf den Vorzugsrouten sollen sie künftig "
        "Vortritt haben. Christoph Ruckstuhl / NZZ", "Noch wird gebaut: Baustelle in Zürich Bild: Frank Röth")
    assert parse_scraped_text(faz, "faz.txt", "faz").title == "Ökonom im Gespräch: „Der Wohnungsbau bricht gerade ein“"


def test_dump_trail_section():
    from pipeline.web.dump_furniture import trail_section
    raw = ["FOCUS online", "", "  • Politik", "  • Gesundheit", "", "  • FOCUS online", "  • Gesundheit",
           "  • Arzt & Klinik", "", "Landarztmangel in Sachsen-Anhalt Mehr als 300 Hausarztsitze unbesetzt"]
    assert trail_section(raw, 9, raw[9]) == "Gesundheit / Arzt & Klinik"
    raw = ["Abo", "", "Hitze in Städten: Innenstädte heizen sich stärker auf als gedacht", "", "Text.", "",
           "  • Startseite", "  • Wissen", "  • Umwelt", "  • Hitze in Städten: Innenstädte heizen sich stärker auf als gedacht"]
    assert trail_section(raw, 2, raw[2]) == "Wissen / Umwelt"
    raw = ["Zeitung", "", "  • Politik", "  • Sport", "", "Stadtrat beschließt neuen Haushalt für 2024"]
    assert trail_section(raw, 5, raw[5]) is None          # a menu, not under the site's name


def test_dump_byline_desk():
    from pipeline.web.dump_furniture import desk_suffix
    assert desk_suffix(["T", "Katharina LübbersRND", "Katharina Lübbers, dpa", "Anna Lehner und Jonas Wirth"]) == \
        ["T", "Katharina Lübbers", "Katharina Lübbers", "Anna Lehner und Jonas Wirth"]
    assert desk_suffix(["T", "Olaf Scholz SPD"]) == ["T", "Olaf Scholz SPD"]     # a party is no desk


def test_colon_kicker():
    from pipeline.web.dump_furniture import colon_kicker
    assert colon_kicker("Hitze in Städten: Innenstädte heizen sich stärker auf als gedacht") == \
        ("Hitze in Städten", "Innenstädte heizen sich stärker auf als gedacht")
    assert colon_kicker("Ökonom im Gespräch: „Der Wohnungsbau bricht gerade ein“") == \
        ("Ökonom im Gespräch", "„Der Wohnungsbau bricht gerade ein“")
    assert colon_kicker("Nach 312 Jahren: Bamberger Brauerei Hornung gibt auf") is None     # a preposition first
    assert kicker_boundary("Stadtrat will 40 Kilometer Velovorzugsrouten bis 2030") is None  # "Kilometer": a noun


def test_dump_colon_kicker_needs_teasers(tmp_path, monkeypatch):
    """With web.yaml ``dump_furniture.colon_kickers`` on (off by default: real held-out headlines carry colons),
    a colon kicker is split off only on a page whose teasers show kickers."""
    from pipeline.web.profile import RULES_FILE
    rules = tmp_path / "web.yaml"
    rules.write_text(RULES_FILE.read_text(encoding="utf-8").replace("colon_kickers: false", "colon_kickers: true"),
                     encoding="utf-8")
    monkeypatch.setenv("PIPELINE_WEB_RULES", str(rules))
    tail = ("Stadtbäume Sie sterben langsam\n\nTrockenheit, Streusalz, Bauarbeiten: Straßenbäume haben es schwer.\n\n"
            "Arbeiten bei Hitze Gibt es ein Recht auf Hitzefrei im Büro?\n\nAb 26 Grad im Raum muss der Arbeitgeber "
            "etwas tun.\n")
    head = "Hitze in Städten: Innenstädte heizen sich stärker auf als gedacht"
    from pipeline.ingest import parse_scraped_text
    assert parse_scraped_text(_page(f"{P2}\n\n{P3}", head=head, tail=tail), "z.txt", "z").title == \
        "Innenstädte heizen sich stärker auf als gedacht"
    assert parse_scraped_text(_page(f"{P2}\n\n{P3}", head=head), "z.txt", "z").title == head
    monkeypatch.delenv("PIPELINE_WEB_RULES")
    assert parse_scraped_text(_page(f"{P2}\n\n{P3}", head=head, tail=tail), "z.txt", "z").title == head


def test_head_furniture_and_one_line_trail():
    from pipeline.web.dump_furniture import head_furniture, trail_section
    head = ["Zahl der Seehunde im Wattenmeer sinkt weiter", "Stand: 23.08.2022 12:25 Uhr",
            "Seehunde im Wattenmeer: Weniger Tiere gezählt 1 Min NDR 1 Welle Nord - Nachrichten für Schleswig-Holstein",
            "21. Juli 2022, 15:30 Uhr Aktualisiert am 22. Juli 2022, 8:05 Uhr 73 Kommentare",
            "Aktualisiert am 22.06.2023 - 23:05 Uhr Lesedauer: 2 Min."]
    assert head_furniture(head) == ["Zahl der Seehunde im Wattenmeer sinkt weiter", "Stand: 23.08.2022 12:25 Uhr",
                                    "21. Juli 2022, 15:30 Uhr", "Aktualisiert am 22.06.2023 - 23:05 Uhr Lesedauer: 2 Min."]
    raw = ["BR24 live BR24 › Regionen › Oberfranken", "", "Oberfranken", "",
           "Nach 312 Jahren: Bamberger Brauerei Hornung gibt auf"]
    assert trail_section(raw, 4, raw[4]) == "Regionen / Oberfranken"


def test_dump_comment_tail_and_source_line():
    """Readers' comments after a comments heading, and a source line of agencies, leave the body."""
    body = _body(_page(f"{P2}\n\n{P3}\n\nQuelle: ZEIT ONLINE, kwo\n\nRND/epd", tail=(
        "Lesermeinungen\n\nPeter Hausmann 03.11.2022 - 08:12\n\nDie Politik hat jahrelang zugesehen, wie die Auflagen "
        "für den Wohnungsbau in den Städten und Gemeinden immer weiter steigen, und jetzt wundert man sich über die "
        "Folgen, die jeder Bauherr seit Jahren kommen sah und vor denen die Verbände gewarnt haben.\n")))
    assert "Quelle: ZEIT ONLINE" not in body and "RND/epd" not in body
    assert "Die Politik hat jahrelang zugesehen" not in body and "Lesermeinungen" not in body
    assert P3 in body and P4 in body
