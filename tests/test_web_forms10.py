"""Web ingestion, tenth session (issue 15): markup the pipeline has not seen (invented text, no ../shared).

Subheadings set as boxes, posts in a ``div``, cards of other stories whose heading is a box or carries no link:
the forms the benchmark's stress variants (``--variant nohead|noclass|pdiv|noarticle``) make of the dev pages.
Each rule is shown with a page where it must fire and one where it must not.
"""
from __future__ import annotations

from pipeline.ingest import _clean_body_lines, parse_html
from pipeline.web.html import (card_list_heads, described_label, fill_gaps, is_story_teaser, parse_tree,
                               teaser_excerpts, _page_blocks, _flat)
from pipeline.web.profile import web_rules
from tests.test_web_forms import P, page

SUB = "Busse fahren bald alle zwanzig Minuten"


def _with_description(desc: str) -> str:
    return f'<meta property="og:description" content="{desc}">'


def test_described_label_puts_back_a_subheading_set_as_a_box_that_the_description_holds() -> None:
    # the CMS's excerpt starts with the subheading and goes on with the first paragraph: the box is the post's
    inner = f"<div>{SUB}</div>" + "".join(f"<p>{p}</p>" for p in P)
    html = page(inner, head=_with_description(f"{SUB} {P[0][:120]}"))
    out = fill_gaps(parse_tree(html), "\n".join(P[:3])).split("\n")
    assert out == [SUB, *P]
    # a label the description does not hold (a picture's title over the text) stays out
    html = page(inner, head=_with_description(f"{P[0][:120]}"))
    assert fill_gaps(parse_tree(html), "\n".join(P[:3])).split("\n") == P


def test_described_label_needs_the_next_block_right_after_it_in_the_description() -> None:
    inner = f"<p>{P[0]}</p><div>{SUB}</div>" + "".join(f"<p>{p}</p>" for p in P[1:])
    tree = parse_tree(page(inner, head=_with_description(f"{SUB} {P[1][:100]}")))
    blocks = _page_blocks(tree)
    keys = [_flat(b[1]) for b in blocks]
    b = keys.index(_flat(SUB))
    assert described_label(blocks, keys, b)
    tree = parse_tree(page(inner, head=_with_description(f"{SUB} und mehr aus der Stadt, heute und morgen im Netz")))
    blocks = _page_blocks(tree)
    assert not described_label(blocks, keys, b)


def test_a_wordpress_post_set_in_a_div_is_no_tag_box() -> None:
    # "tag-…" and "category-…" on the post's div name its topics ("tag-bgh"), not a box of tags
    html = page("".join(f"<p>{p}</p>" for p in P)).replace(
        '<article class="article">', '<div class="post post-4198 type-post status-publish hentry tag-nahverkehr category-lokales">'
    ).replace("</article>", "</div>")
    assert fill_gaps(parse_tree(html), "\n".join(P[:3])).split("\n") == P
    # a tag box that is no post stays furniture
    html = page("".join(f"<p>{p}</p>" for p in P[:3]) + f'<div class="tag-cloud"><p>{P[3]}</p></div>')
    assert P[3] not in fill_gaps(parse_tree(html), "\n".join(P[:3]))


EXCERPT = ("Von der Musikgeschichte meist übersehen, standen in den Fünfzigerjahren etliche mutige und grossartige Frauen "
           "auf den Bühnen der Clubs. Ein neues Projekt will ihnen die Stimme zurückgeben und erzählt, dass …")


def test_card_head_box_a_card_whose_heading_is_a_box_is_a_teaser() -> None:
    card = (f'<div class="insert"><div class="maintitle">Neun Frauen aus den Anfängen des Rock and Roll</div>'
            f'<p>{EXCERPT}</p>\n<div>Artikel lesen</div>\n<a href="/rock">Link zum Artikel</a></div>')
    tree = parse_tree(page("".join(f"<p>{p}</p>" for p in P) + card))
    rules = web_rules()
    assert any(is_story_teaser(e, rules) for e in tree.iter("div"))
    body = parse_html(page("".join(f"<p>{p}</p>" for p in P) + card.replace("<p>", "<div>").replace("</p>", "</div>")),
                      "x.html", "x").body_text
    assert "Musikgeschichte" not in body and P[4][:50] in body
    # a section of the article with a short heading box and no cut excerpt with a read-more link is none
    sec = f'<div class="abschnitt"><div>Was die Opposition sagt</div><p>{P[2]} {P[3]}</p></div>'
    tree = parse_tree(page(f"<p>{P[0]}</p>{sec}"))
    assert not any(is_story_teaser(e, rules) for e in tree.iter("div"))


def _cards(n: int, rest: str = "") -> str:
    titles = ["Zehn Cocktails mit nur zwei Zutaten", "Warum der Old Fashioned immer geht", "Alle Folgen der Cocktail-Serie",
              "Was Bitters eigentlich sind"]
    return "<section>" + "".join(
        f'<div><div><div class="img"></div><div><h2>{t}</h2>{rest}</div></div><a href="/s{i}">Link zum Artikel</a></div>'
        for i, t in enumerate(titles[:n])) + "</section>"


def test_card_link_label_headings_of_cards_that_link_as_a_whole_leave_the_body() -> None:
    tree = parse_tree(page("".join(f"<p>{p}</p>" for p in P) + _cards(4)))
    heads = card_list_heads(tree)
    assert _flat("Was Bitters eigentlich sind") in heads and _flat("Link zum Artikel") in heads
    # sections of the article (a heading and a paragraph) with a link are no such cards
    tree = parse_tree(page("".join(f"<p>{p}</p>" for p in P) + _cards(4, f"<p>{P[1]}</p>")))
    assert not card_list_heads(tree)
    # one card alone is no list
    assert not card_list_heads(parse_tree(page("".join(f"<p>{p}</p>" for p in P) + _cards(1))))


def test_cut_excerpt_after_a_linked_headline_is_another_story() -> None:
    exc = "Die Zusatzbuchstaben des Kompaktwagens sind seit jeher Garant für dynamische Fortbewegung. War der Hersteller anfangs vom ..."
    card = f'<div class="row"><div class="t"><a href="/gti">Kompaktwagen im Test: Gereifter Fahrspaß</a></div><p>{exc}</p></div>'
    tree = parse_tree(page("".join(f"<p>{p}</p>" for p in P) + card))
    assert teaser_excerpts(tree) == {_flat(exc)}
    # after a subheading that is no link, a paragraph ending in an ellipsis is article text
    tree = parse_tree(page(f"<p>{P[0]}</p><h3>Kompaktwagen im Test: Gereifter Fahrspaß</h3><p>{exc}</p>"))
    assert not teaser_excerpts(tree)


def test_source_line_under_the_authors_name_is_no_teaser_box() -> None:
    end = ["Mir taten vom Lächeln die Mundwinkel weh.", "Antje Musterfrau",
           "Aus: Das Landbuch. Ein Land in Stichworten. Landeszentrale für politische Bildung, Potsdam 2015"]
    assert _clean_body_lines(end, [], html=True) == end
    # a name over another story's headline is still a teaser box
    box = ["Mir taten vom Lächeln die Mundwinkel weh.", "Anna Maier", "Warum der Busfahrplan im Winter ausgedünnt wird"]
    assert _clean_body_lines(box, [], html=True) == box[:1]


def _linked_box_cards(n: int, box: str = "div") -> str:
    items = [("Rund 42'800 Unterschriften gegen Pelze aus Tierquälerei", "In der Schweiz soll der Import verboten werden. So fordert es eine Petition, die am Montag übergeben worden ist."),
             ("Nationalrat will Importverbot für Pelze", "Der Nationalrat will ein Verbot. Er hat am Montag eine entsprechende Motion angenommen."),
             ("Bund beanstandet fast jede Verkaufsstelle", "Kontrolleure haben im vergangenen Jahr viele Verkaufsstellen beanstandet, weil sie nicht deklarierten.")]
    return "<div>" + "".join(f'<div><{box}><a href="/n{i}">{t}</a></{box}><div><p>{x}</p></div></div>'
                             for i, (t, x) in enumerate(items[:n])) + "</div>"


def test_card_linked_box_cards_whose_heading_is_a_linked_box_leave_the_body() -> None:
    tree = parse_tree(page("".join(f"<p>{p}</p>" for p in P) + _linked_box_cards(3)))
    heads = card_list_heads(tree)
    assert _flat("Nationalrat will Importverbot für Pelze") in heads
    assert _flat("Der Nationalrat will ein Verbot. Er hat am Montag eine entsprechende Motion angenommen.") in heads
    assert not any(_flat(p) in heads for p in P)
    # a linked subheading over a paragraph of the article, once, is no list of cards
    assert not card_list_heads(parse_tree(page("".join(f"<p>{p}</p>" for p in P) + _linked_box_cards(1))))


def test_own_header_a_header_with_the_headline_and_no_navigation_holds_the_lead() -> None:
    lead = "Schon länger ist bekannt: Der Darm beeinflusst unsere Psyche. Forscher fanden nun heraus, dass bestimmte Lebensmittel helfen."
    html = page("".join(f"<p>{p}</p>" for p in P), article=False).replace(
        '<div class="text"><h1>', f'<div class="text"><header><h1>').replace(
        '<p class="byline">', f'</header><p class="byline">')
    html = html.replace("</h1>", f"</h1><div>{lead}</div>", 1).replace("<main>", "<div>").replace("</main>", "</div>")
    blocks = _page_blocks(parse_tree(html))
    assert any(b[1] == lead for b in blocks)
    # the page's own header (with its menu) stays out
    html2 = html.replace("<header><h1>", "<header><nav><a href='/a'>A</a></nav><h1>")
    assert not any(b[1] == lead for b in _page_blocks(parse_tree(html2)))


def test_trail_subheading_the_line_first_taken_for_the_headline_opens_the_body() -> None:
    # a text dump: the trail names the headline; the subheading right over the first paragraph (taken first
    # for the headline, it shares the body's words) is the article's
    from pipeline.ingest import parse_scraped_text
    from tests.test_web_patterns import FOOT, MENU, PARAS
    title = "Eine private Auffangstation für Wildvögel"
    sub = "Ewald Muster und sein Leben für die Wildvögel"
    p0 = ("Rentnerinnen und Rentner haben grundsätzlich wenig Zeit, dies ist ja allgemein bekannt. Wofür diese Zeit "
          "aufgewendet wird, dürfte bei Ewald Muster aus Dortmund jedoch anders sein, als bei vielen anderen Menschen "
          "im Ruhestand, denn er pflegt seit vierzig Jahren verletzte Wildvögel in seinem Garten.")
    lines = MENU + [f"Sie sind hier: > {title}", "[Wildvogels]", "Wildvogelstation Muster in Dortmund", "", title, "",
                    sub, ""]
    for x in [p0] + PARAS:
        lines += [x, ""]
    a = parse_scraped_text("\n".join(lines + FOOT), "x.txt", "x")
    assert a.title == title
    assert a.body_text.startswith(sub + "\n\n" + p0[:40]) and "Wildvogelstation Muster" not in a.body_text
    # a short line there is no second headline either
    lines[lines.index(sub)] = "Menschen in Dortmund"
    assert parse_scraped_text("\n".join(lines + FOOT), "x.txt", "x").title == title


def test_trailing_headlines_a_run_of_other_stories_headlines_ends_no_scraped_text() -> None:
    body = ["Der Haushaltsausschuss soll den Entwurf in der kommenden Woche beraten.", "",
            "Du hast weitere Fragen? Hier findest du ein sehr umfangreiches Foren-Thema, in dem alle Fragen beantwortet werden.", ""]
    tail = ["Best of Test: Die besten Räder des Jahres", "", "Best of Test: Die Höhepunkte aus dem Vorjahr", "",
            "Neues Rad im Test: Mit Genen für den Trail?", ""]
    assert _clean_body_lines(body + tail, []) == body[:3]
    # two short lines are no such run (a closing question and a credit)
    assert _clean_body_lines(body + tail[2:], []) == body + tail[2:5]
    # in HTML text the lines stay to the list rules there
    assert "Best of Test: Die besten Räder des Jahres" in _clean_body_lines(body + tail, [], html=True)
