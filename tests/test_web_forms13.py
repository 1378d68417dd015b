"""Web ingestion, thirteenth session (issue 15): page forms of German news CMSs that the dev pages lack.

The paywall box a paid article ends with, when the page did not mark it (the markup of Volksstimme.ch's box on a dev
page, its classes and ids taken away as the benchmark's ``--variant all`` does; the article text is invented, no
../shared): the forms the benchmark's stress variant ``--variant paywall`` makes of the dev pages. Each rule is shown
with a page where it must fire and one where it must not.
"""
from __future__ import annotations

from pipeline.ingest import parse_html
from pipeline.web.html import without_paywall_tail
from pipeline.web.profile import web_rules
from tests.test_web_forms import P, page


def para(i: int) -> str:
    return f"<p>{P[i]}</p>"


# Volksstimme.ch's paywall template (dev page Volksstimme.ch-loehne), without its class and id attributes.
VOLKSSTIMME_BOX = (
    '<div><div><div><div><h1>Möchten Sie weiterlesen?</h1></div></div><div><div><h2>Ja. Ich bin Abonnent.</h2>'
    '<a href="/bcms/login?destination=/x"><button type="button">Anmelden</button></a><p>Haben Sie noch kein Konto?'
    '<a href="/bcms/subscribe?destination=/x"> Registrieren </a>Sie sich hier</p></div><div><h2>Ja. Ich benötige '
    'ein Abo.</h2><a href="/bcms/subscribe?destination=/x" role="button">Abo Angebote</a></div></div><br /></div>'
    '</div>')
# The bench variant's box (a digital subscription offer after the free part of the text).
OFFER_BOX = ('<div><h3>Lesen Sie jetzt weiter</h3><p>Sie haben das Ende des frei verfügbaren Textes erreicht. Mit '
             'unserem Digital-Abo lesen Sie alle Artikel auf unserer Website und in der App.</p><ul><li>Monatlich '
             'kündbar</li><li>Erster Monat gratis</li></ul><a href="/abo">Jetzt 4 Wochen für 0,99 € testen</a>'
             '<p>Sie sind bereits Abonnent? <a href="/login">Hier anmelden</a></p></div>')


def _body(inner: str, **kw) -> str:
    return parse_html(page(inner, **kw), "x.html", "x").body_text


def test_paywall_tail_an_unmarked_subscription_box_at_the_end_goes() -> None:
    for box in (VOLKSSTIMME_BOX, OFFER_BOX):
        for article in (True, False):
            body = _body("".join(para(i) for i in range(5)) + box, article=article)
            assert all(p in body for p in P), (box[:40], article)
            for gone in ("weiter", "Abonnent", "Konto", "Abo", "kündbar", "gratis"):
                assert gone not in body, (gone, box[:40], article)


def test_paywall_tail_two_lines_of_prose_after_the_box_stay() -> None:
    thanks = "<p>Vielen Dank an alle, die den Generator entwickelt haben und ihn kostenlos zur Verfügung stellen!</p>"
    body = _body("".join(para(i) for i in range(4)) + OFFER_BOX + thanks + "<p>Antje Maier</p>")
    assert all(p in body for p in P[:4]) and "Vielen Dank an alle" in body
    assert "Digital-Abo" not in body and "kündbar" not in body


def test_paywall_tail_an_article_about_subscriptions_stays() -> None:
    art = ["Der Streamingdienst erhöht zum ersten Mal seit zwei Jahren die Preise für sein Abo, wie das Unternehmen "
           "am Montag in Los Gatos mitteilte.",
           "So kündigen Sie Ihr Abo",
           "Wer sein Abo kündigen will, muss sich zunächst im Konto anmelden und dort die Mitgliedschaft beenden. "
           "Die Kündigung gilt zum Ende des bezahlten Monats, sagte eine Sprecherin.",
           "Verbraucherschützer raten, vor der Kündigung die Rechnungen der letzten Monate zu prüfen. Nicht "
           "selten würden Preiserhöhungen übersehen."]
    words = web_rules().paywall_patterns
    assert without_paywall_tail(art, words) == art          # the run of subscription lines has one line only
    # two short subscription lines end the body, but none speaks to or for the reader: no box
    assert without_paywall_tail(art + ["Abo-Preise im Vergleich", "Registrierung bei Anbietern"], words) == \
        art + ["Abo-Preise im Vergleich", "Registrierung bei Anbietern"]
    # the box is more than half the body: a page that is all box is no article with a box
    box = ["Möchten Sie weiterlesen?", "Ja. Ich bin Abonnent.", "Anmelden", "Ja. Ich benötige ein Abo."]
    assert without_paywall_tail(["Kurzer Text ohne Inhalt."] + box, words) == ["Kurzer Text ohne Inhalt."] + box
    assert without_paywall_tail([P[0], P[1]] + box, words) == [P[0], P[1]]


def test_paywall_tail_narration_with_a_subscription_word_is_prose() -> None:
    words = web_rules().paywall_patterns
    # the last paragraph tells of a company that had to file for insolvency ("anmelden"), then a reader-revenue
    # box: the paragraph is narration (no reader's voice, no price), it ends the run and stays
    art = [P[0], P[1], "Nach dem Schaden von rund 150 Millionen Euro musste die Werft im vergangenen Jahr Insolvenz "
           "anmelden.", "Unabhängiger Journalismus braucht Ihre Unterstützung."]
    assert art[2] in without_paywall_tail(art, words)
    # what the earlier clean-up leaves of a box: one line that says two things of a box, in the reader's voice
    rest = ["Sie möchten diesen Artikel vollständig lesen? Mit F+ erhalten Sie Zugriff auf alle Inhalte von FAZ.NET."]
    assert without_paywall_tail([P[0], P[1], P[2]] + rest, words) == [P[0], P[1], P[2]]
    # an offer with its price is a box line, not narration
    offer = ["Jetzt mit RND+ weiterlesen", "Exklusive Recherchen und Hintergründe aus Ihrer Region – für Abonnenten der "
             "Zeitung ohne Aufpreis.", "Im ersten Monat nur 0,99 €, danach 9,99 € monatlich. Jederzeit kündbar."]
    assert without_paywall_tail([P[0], P[1], P[2]] + offer, words) == [P[0], P[1], P[2]]
    # without a line in the reader's voice the same lines are no box of this page's (a price list, a report)
    assert without_paywall_tail([P[0], P[1], P[2]] + offer[::2], words) == [P[0], P[1], P[2]] + offer[::2]


def test_paywall_tail_in_a_full_page_text_dump() -> None:
    from pipeline.ingest import parse_scraped_text
    from tests.test_web_ingest import BODY_PARAS, dump_text
    box = ("Lesen Sie jetzt weiter\n\nSie haben das Ende des frei verfügbaren Textes erreicht. Mit unserem Digital-Abo "
           "lesen Sie alle Artikel auf unserer Website und in der App.\n\n  • Monatlich kündbar\n  • Erster Monat "
           "gratis\n\n[Jetzt 4 Wochen für 0,99 € testen]\n\nSie sind bereits Abonnent? Hier anmelden\n\n")
    a = parse_scraped_text(dump_text().replace("Mehr zum Thema", box + "Mehr zum Thema"), "dump.txt", "dump")
    assert a.body_text.split("\n\n") == BODY_PARAS
