"""Ingestion of scraped text, HTML and JSONL: real files from corpus/ and tests/fixtures/ingest/."""
from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pipeline.ingest import Article, Reject, parse_scraped_text, read_file, read_inputs

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
FIX = Path(__file__).resolve().parent / "fixtures" / "ingest"
BERLIN = ZoneInfo("Europe/Berlin")
SEED = CORPUS / "000_1dcbb7a54b18fb12.txt"


def one(path: Path) -> Article:
    items = list(read_file(path))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


# ---------------------------------------------------------------- the seed article (scraped text)
@pytest.fixture(scope="module")
def seed() -> Article:
    return one(SEED)


def test_seed_metadata(seed: Article) -> None:
    assert seed.source_format == "text"
    assert seed.source_id == "000_1dcbb7a54b18fb12"
    assert seed.kicker == "Friedensverhandlungen"
    assert seed.title == "Vance, Waltz – und Musk? Das ist die Ukraine-Taskforce der USA"
    assert seed.teaser == ("Auf der Münchner Sicherheitskonferenz wird ein möglicher Waffenstillstand in der "
                           "Ukraine diskutiert. Sollte es zu Verhandlungen kommen, verlässt sich Donald Trump "
                           "auf eine Gruppe an Vertrauten.")
    assert seed.authors == ["Annett Meiritz"]
    assert seed.published_at == datetime(2025, 2, 14, 13, 35, tzinfo=BERLIN)
    assert seed.published_at.utcoffset() == timedelta(hours=1)
    assert seed.published_at.isoformat() == "2025-02-14T13:35:00+01:00"
    assert seed.section == "Politik / International"
    assert seed.dateline == "Washington"
    assert seed.language == "de"


def test_seed_body_starts_after_dateline_and_ends_with_article(seed: Article) -> None:
    assert seed.body_text.startswith("Auch wenn er nicht persönlich vor Ort ist, dominiert Donald Trump")
    assert seed.body_text.endswith("er spiele auf der Münchner Sicherheitskonferenz eine zentrale Rolle.")
    # content on both sides of the "Verwandte Themen" block survives
    assert "Hauptsächlich geht es bei Kelloggs „Friedensplan“ darum" in seed.body_text
    assert "Welche Rolle Vance in möglichen Friedensverhandlungen spielen könnte" in seed.body_text


@pytest.mark.parametrize("junk", [
    "Startseite", "1. Startseite", "4. Friedensverhandlungen", "FriedensverhandlungenVance",
    "Artikel anhören", "Annett Meiritz", "14.02.2025", "Washington. Auch",
    "Foto:", "Im Uhrzeigersinn", "Keith Kellog, J. D. Vance, Donald Trump, Michael Waltz",
    "George Packer", "Mafia-Boss",
    "Verwandte Themen", "\nDonald Trump\n", "\nUkraine\n", "\nRussland", "Mehr zum Thema", "Unsere Partner",
    "Anzeige", "remind.me", "Homeday", "Gaspreistief", "Direkt hier lesen", "STELLENMARKT", "Expertentesten",
    "Produktvergleich",
])
def test_seed_body_free_of_junk(seed: Article, junk: str) -> None:
    assert junk not in seed.body_text


def test_seed_captions_separate(seed: Article) -> None:
    assert len(seed.captions) == 7
    assert seed.captions[0].startswith("Keith Kellog, J. D. Vance, Donald Trump")
    assert seed.captions[0].endswith("Foto: Bloomberg, Imago (2), Reuters (2)")
    assert "Marco Rubio: Ausgestattet mit internationaler Erfahrung. Foto: AFP" in seed.captions
    assert seed.captions[-1] == "Trumps Chef des Auslandsgeheimdiensts: John Ratcliffe. Foto: dpa"
    for cap in seed.captions:
        assert cap not in seed.body_text


def test_seed_subheadings_are_own_paragraphs(seed: Article) -> None:
    paras = seed.body_text.split("\n\n")
    for i in range(1, 11):
        heads = [p for p in paras if p.startswith(f"{i}. ")]
        assert len(heads) == 1, (i, heads)
    assert "1. Donald Trump: Der Dealmaker" in paras
    assert "10. Keith Kellogg: Der Vater des „Friedensplans“" in paras
    k = paras.index("1. Donald Trump: Der Dealmaker")
    assert paras[k + 1].startswith("Mit Blick auf den Ukrainekrieg habe Trump drei Interessen")
    assert "\n" not in seed.body_text.replace("\n\n", "")  # no stray single line breaks
    assert len(paras) == 40  # counted by hand in the source: 10 subheadings + 30 text paragraphs


def test_seed_body_paragraph_count_and_no_empty_paragraphs(seed: Article) -> None:
    assert all(p.strip() == p and p for p in seed.body_text.split("\n\n"))


# ---------------------------------------------------------------- other scraped-text styles
def test_sz_style_text() -> None:
    a = one(CORPUS / "040_sz_lindner_haushalt.txt")
    assert (a.kicker, a.title) == ("Haushaltsstreit", "Lindner legt Sparliste für die Ministerien vor")
    assert a.teaser == ("Der FDP-Chef verlangt von allen Ressorts Einsparungen von fünf Prozent. "
                        "Grüne und SPD reagieren mit deutlicher Kritik.")
    assert a.authors == ["Sophie Krämer"]
    assert a.published_at == datetime(2025, 2, 3, 18, 20, tzinfo=BERLIN)
    assert a.section == "Politik / Deutschland"
    assert a.dateline == "Berlin"
    assert a.captions == ["Christian Lindner am Montag in der Bundespressekonferenz. (Foto: Kay Nietfeld/dpa)"]
    assert a.body_text.startswith("Der frühere Bundesfinanzminister Christian Lindner hat eine Liste")
    assert "\n\nKritik aus der SPD\n\n" in a.body_text
    for junk in ("Lesezeit", "Merkliste", "Lesen Sie auch", "Armin Laschet", "klaren Kompass", "Mehr zum Thema",
                 "Schuldenbremse: Was", "Newsletter", "©", "Von Sophie"):
        assert junk not in a.body_text, junk
    assert a.body_text.endswith("teilte der Verband mit.")


def test_tagesschau_style_text() -> None:
    a = one(FIX / "tagesschau_style.txt")
    assert a.kicker == "Regierungsbildung in Österreich"
    assert a.title == "Kickl gibt Auftrag zur Regierungsbildung zurück"
    assert a.teaser.startswith("Die Gespräche zwischen FPÖ und ÖVP sind gescheitert.")
    assert a.authors == ["Katrin Huber"]
    assert a.published_at == datetime(2025, 2, 12, 17, 48, tzinfo=BERLIN)
    assert a.section == "Ausland / Europa"
    assert a.dateline == "Wien"
    assert a.captions == ["Herbert Kickl nach dem Treffen in der Hofburg. Bild: Max Slovencik/APA"]
    paras = a.body_text.split("\n\n")
    assert paras[0].startswith("FPÖ-Chef Herbert Kickl hat den Auftrag")
    assert paras[-1].endswith("war vor allem das Innenministerium umstritten.")
    assert len(paras) == 3
    for junk in ("Stand:", "Mehr zum Thema", "Chronologie", "Wie geht es weiter", "Lesen Sie auch", "im Programm"):
        assert junk not in a.body_text, junk


def test_glued_kicker_without_breadcrumbs() -> None:
    text = ("KoalitionsgesprächeMerz und Klingbeil einigen sich auf Zeitplan\n\n"
            "Die Unterhändler wollen bis Ostern fertig sein.Paul Weber 12.03.2025 - 09:10 Uhr\n\n"
            "Berlin. CDU-Chef Friedrich Merz und SPD-Chef Lars Klingbeil haben sich auf einen Zeitplan verständigt. "
            "Bis Ostern solle der Koalitionsvertrag stehen, sagte Merz.\n")
    a = parse_scraped_text(text, "x.txt", "x")
    assert (a.kicker, a.title) == ("Koalitionsgespräche", "Merz und Klingbeil einigen sich auf Zeitplan")
    assert a.teaser == "Die Unterhändler wollen bis Ostern fertig sein."
    assert a.authors == ["Paul Weber"]
    assert a.published_at == datetime(2025, 3, 12, 9, 10, tzinfo=BERLIN)
    assert a.dateline == "Berlin"
    assert a.body_text.startswith("CDU-Chef Friedrich Merz und SPD-Chef Lars Klingbeil")


def test_hard_wrapped_lines_are_joined_but_quote_paragraph_kept() -> None:
    text = ("Ein Titel für den Test\n\nVon Eva Roth\n12.03.2025\n\n"
            "Bundeskanzler Olaf Scholz sagte am Dienstag in Berlin, die Regierung werde\n"
            "an ihrem Kurs festhalten und die Ukraine weiter unterstützen.\n\n"
            "„Wir lassen uns nicht auseinanderdividieren“, sagte Scholz.\n")
    a = parse_scraped_text(text)
    assert a.authors == ["Eva Roth"]
    assert a.published_at == datetime(2025, 3, 12, tzinfo=BERLIN)
    assert a.body_text == ("Bundeskanzler Olaf Scholz sagte am Dienstag in Berlin, die Regierung werde an ihrem "
                           "Kurs festhalten und die Ukraine weiter unterstützen.\n\n"
                           "„Wir lassen uns nicht auseinanderdividieren“, sagte Scholz.")


# ---------------------------------------------------------------- HTML
def test_html_spiegel_like() -> None:
    a = one(CORPUS / "010_spiegel_baerbock_bruessel.html")
    assert a.source_format == "html"
    assert a.source_id == "010_spiegel_baerbock_bruessel"
    assert a.url == "https://www.spiegel.de/politik/ausland/baerbock-fordert-mehr-tempo-bei-ukraine-hilfen-a-3f2c9e41"
    assert a.title == "Baerbock fordert mehr Tempo bei Ukraine-Hilfen"
    assert a.kicker == "Außenministertreffen in Brüssel"
    assert a.teaser.startswith("Die Außenministerinnen und Außenminister der EU ringen um ein neues Hilfspaket")
    assert a.authors == ["Miriam Vogt", "Jan Reinhardt"]
    assert a.published_at == datetime(2025, 2, 17, 18, 42, tzinfo=BERLIN)
    assert a.published_at.tzinfo is not None
    assert a.section == "Politik / Ausland"
    assert a.captions == ["Außenministerin Annalena Baerbock vor Beginn des Treffens im Ratsgebäude. "
                          "Foto: Olivier Hoslet / EPA"]
    paras = a.body_text.split("\n\n")
    # the standfirst opens the body, once (web.yaml standfirst_in_body), then the article text
    assert paras[0] == a.teaser
    assert paras[1].startswith("Außenministerin Annalena Baerbock hat die Partner in der Europäischen Union")
    assert a.body_text.count(a.teaser[:40]) == 1
    assert "Kallas sieht Europa in der Pflicht" in paras
    assert paras[-1].endswith("über den Schutz der Energieinfrastruktur sprechen.")
    for junk in ("Startseite", "Anmelden", "Mehr zum Thema", "Ungarn blockiert erneut", "Zur Merkliste",
                 "Themen:", "Feedback", "Heizkosten", "Anzeige", "Impressum", "©", "Foto:", "Von Miriam"):
        assert junk not in a.body_text, junk


def test_html_tagesschau_like() -> None:
    a = one(CORPUS / "020_tagesschau_scholz_migrationsgipfel.html")
    assert a.title == "Scholz lädt Länderchefs zu Migrationsgipfel ins Kanzleramt"
    assert a.kicker == "Treffen im Kanzleramt"
    assert a.teaser == ("Bundeskanzler Olaf Scholz will mit den Ministerpräsidenten über die Verteilung der Kosten "
                        "für Geflüchtete beraten. Die Länder fordern mehr Geld vom Bund.")
    assert a.authors == ["Lena Hartmann"]
    assert a.published_at == datetime(2025, 2, 20, 16, 5, tzinfo=BERLIN)
    assert a.section == "Inland / Innenpolitik"
    assert a.url.endswith("/inland/innenpolitik/scholz-migrationsgipfel-laender-100.html")
    paras = a.body_text.split("\n\n")
    # the headline block is not in the body; the standfirst opens it, once (web.yaml standfirst_in_body)
    assert paras[0] == a.teaser
    assert paras[1].startswith("Bundeskanzler Olaf Scholz hat die Regierungschefinnen")
    assert "Union verlangt Kurswechsel" in paras
    assert len(paras) == 7
    assert a.body_text.count(a.teaser[:40]) == 1
    for junk in ("Treffen im Kanzleramt", "Stand:", "Asylpolitik", "Abschiebungen beschleunigen", "Teilen",
                 "Faeser verlängert", "im Programm", "Impressum"):
        assert junk not in a.body_text, junk


def test_txt_with_html_content_is_html(tmp_path: Path) -> None:
    html = (CORPUS / "010_spiegel_baerbock_bruessel.html").read_text(encoding="utf-8")
    p = tmp_path / "saved_page.txt"
    p.write_text(html, encoding="utf-8")
    a = one(p)
    assert a.source_format == "html"
    assert a.title == "Baerbock fordert mehr Tempo bei Ukraine-Hilfen"


# ---------------------------------------------------------------- JSONL
def test_jsonl_corpus() -> None:
    items = list(read_file(CORPUS / "030_agenturen.jsonl"))
    assert all(isinstance(x, Article) for x in items)
    assert [x.source_id for x in items] == ["dpa-20250221-0815", "faz-7741902", "welt-1b7e33"]
    merz, pistorius, dup = items
    assert merz.source_format == "jsonl"
    assert merz.title == "Merz zeigt sich offen für Reform der Schuldenbremse"
    assert merz.authors == ["Tobias Brandt"]
    assert merz.published_at == datetime(2025, 2, 21, 9, 30, tzinfo=BERLIN)
    assert merz.url == "https://www.zeit.de/politik/deutschland/2025-02/merz-schuldenbremse-reform"
    assert merz.dateline == "Berlin"
    # verbatim: the dateline is reported but stays in the text
    raw = json.loads((CORPUS / "030_agenturen.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert merz.body_text == raw["text"]
    assert merz.body_text.startswith("Berlin (dpa) – CDU-Chef Friedrich Merz")
    # German date string and "A und B" author string
    assert pistorius.published_at == datetime(2025, 2, 24, 11, 15, tzinfo=BERLIN)
    assert pistorius.authors == ["Clara Weiß", "Martin Adler"]
    # naive ISO date: Europe/Berlin assumed
    assert dup.published_at == datetime(2025, 2, 21, 10, 2, tzinfo=BERLIN)
    assert dup.published_at.utcoffset() == timedelta(hours=1)
    # same content twice, different ids: the runner dedupes on the text
    assert dup.body_text == merz.body_text and dup.source_id != merz.source_id


def test_jsonl_rejects_and_verbatim_text() -> None:
    items = list(read_file(FIX / "mixed.jsonl"))
    arts = [x for x in items if isinstance(x, Article)]
    rejects = [x for x in items if isinstance(x, Reject)]
    assert len(arts) == 1
    a = arts[0]
    assert a.source_id == "ok-1"
    assert a.body_text == ("  Düsseldorf. NRW-Ministerpräsident Hendrik Wüst (CDU) hat den Bund zu schnellerem "
                           "Bürokratieabbau aufgefordert.\nDas sagte er am Mittwoch.  ")
    assert a.authors == ["Jana Ohm"]
    assert a.published_at == datetime(2025, 3, 5, tzinfo=BERLIN)
    assert [(r.reason, r.detail.split(":")[0]) for r in rejects] == [
        ("bad_json", "line 2"), ("empty_body", "line 3"), ("bad_record", "line 4"), ("bad_record", "line 6")]
    # README: a JSONL reject names the file and the line
    assert [r.source_path for r in rejects] == [f"{FIX / 'mixed.jsonl'}:{n}" for n in (2, 3, 4, 6)]
    assert "id 'empty-3'" in rejects[1].detail
    assert "text" in rejects[2].detail


# ---------------------------------------------------------------- files, folders, rejects
def test_empty_body_rejected() -> None:
    items = list(read_file(FIX / "empty_body.txt"))
    assert len(items) == 1 and isinstance(items[0], Reject)
    assert items[0].reason == "empty_body"


def test_unknown_extension_rejected() -> None:
    items = list(read_file(FIX / "meldung.pdf"))
    assert items == [Reject(str(FIX / "meldung.pdf"), "unsupported_format", "unknown file type .pdf")]


def test_missing_and_unreadable(tmp_path: Path) -> None:
    items = list(read_inputs([tmp_path / "gibt_es_nicht.txt"]))
    assert len(items) == 1 and items[0].reason == "not_found"
    broken = tmp_path / "kaputt.jsonl.gz"
    broken.write_bytes(b"this is not gzip")
    items = list(read_file(broken))
    assert len(items) == 1 and items[0].reason == "unreadable"


def test_folder_recursive_sorted_hidden_not_read() -> None:
    items = list(read_inputs([FIX]))
    paths = [x.source_path for x in items]
    assert paths == sorted(paths)
    kinds = [(Path(x.source_path).name, type(x).__name__, getattr(x, "reason", None)) for x in items]
    assert kinds == [
        (".gitkeep", "Reject", "hidden"),                 # not read, but accounted for
        ("empty_body.txt", "Reject", "empty_body"),
        ("meldung.pdf", "Reject", "unsupported_format"),
        ("mixed.jsonl", "Article", None),
        ("mixed.jsonl:2", "Reject", "bad_json"),
        ("mixed.jsonl:3", "Reject", "empty_body"),
        ("mixed.jsonl:4", "Reject", "bad_record"),
        ("mixed.jsonl:6", "Reject", "bad_record"),
        ("tagesschau_style.txt", "Article", None),
    ]


def test_corpus_folder() -> None:
    items = list(read_inputs([CORPUS]))
    assert all(isinstance(x, Article) for x in items), [x for x in items if isinstance(x, Reject)]
    assert [(Path(x.source_path).name, x.source_format) for x in items] == [
        ("000_1dcbb7a54b18fb12.txt", "text"),
        ("010_spiegel_baerbock_bruessel.html", "html"),
        ("020_tagesschau_scholz_migrationsgipfel.html", "html"),
        ("030_agenturen.jsonl", "jsonl"),
        ("030_agenturen.jsonl", "jsonl"),
        ("030_agenturen.jsonl", "jsonl"),
        ("040_sz_lindner_haushalt.txt", "text"),
    ]
    assert len({x.body_text for x in items}) == 6  # one duplicate text
    assert all(x.published_at is not None and x.published_at.tzinfo is not None for x in items)


def test_binary_file_rejected(tmp_path: Path) -> None:
    p = tmp_path / "bild.txt"
    p.write_bytes(bytes(range(256)) * 8)
    items = list(read_file(p))
    assert len(items) == 1 and (items[0].reason, items[0].detail) == ("unreadable", "binary content, not text")


@pytest.mark.parametrize("value, expected", [
    ("14. Februar 2025, 13.35 Uhr", datetime(2025, 2, 14, 13, 35, tzinfo=BERLIN)),
    ("14.02.2025 - 13:35 Uhr", datetime(2025, 2, 14, 13, 35, tzinfo=BERLIN)),
    ("2025-02-14T12:35:00Z", datetime(2025, 2, 14, 13, 35, tzinfo=BERLIN)),
    ("2025-07-01 08:00", datetime(2025, 7, 1, 8, 0, tzinfo=BERLIN)),   # summer time: +02:00
    ("Fri, 14 Feb 2025 12:35:00 GMT", datetime(2025, 2, 14, 13, 35, tzinfo=BERLIN)),
    (1739540100, datetime(2025, 2, 14, 14, 35, tzinfo=BERLIN)),
    ("gestern", None),          # relative dates depend on today: not guessed
    ("kein Datum", None),
])
def test_parse_german_datetime(value, expected) -> None:
    from pipeline.ingest import parse_german_datetime
    got = parse_german_datetime(value)
    assert got == expected
    if got is not None:
        assert got.tzinfo is not None
        assert got.utcoffset() == expected.utcoffset()
