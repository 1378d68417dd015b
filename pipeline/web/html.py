"""An HTML page to body text and metadata, offline (trafilatura and htmldate get a parsed tree, never a URL).

The body is trafilatura's text (with the in-article blocks it dropped put back: :func:`fill_gaps`) without page
furniture: the headline (with its kicker), a second copy of the lead (the standfirst stays once), "Stand: …"
and other date lines, the byline ("Von A, B und C, NDR"), agency credits ("RND/dpa"), consent, paywall and
newsletter notices, skip links ("Hauptinhalt"), photo credits, link-only list items, repeated paragraphs;
captions (figcaption, caption classes, image boxes with a credit) go to ``captions``. Metadata:
:mod:`pipeline.web.htmlmeta`.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import datetime

from pipeline.ingest import INLINE_PROMO
from pipeline.web.htmlmeta import PageMeta, earlier_shown, page_captions, page_meta, to_storage, visible_date, ws
from pipeline.web.profile import WebRules, web_rules

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


_TAG = re.compile(r"<[^>]*>")
_NOT_LETTER = re.compile(r"[\W\d_]+")
_BLOCK_TAGS = re.compile(r"</?(?:div|section|article|main|aside|header|footer|nav|center|table|tbody|thead|tfoot|tr|"
                         r"td|th|ul|ol|li|dl|dd|dt|blockquote|figure|form|fieldset)\b[^>]*>", re.I)
_INLINE_TAGS = re.compile(r"</?(?:span|font|b|i|em|strong|u|small|big|a|abbr|cite|q|sub|sup|mark|time)\b[^>]*>", re.I)


def _letters(s: str) -> int:
    return len(_NOT_LETTER.sub("", s))


def flatten_html(html: str) -> str:
    """The page without its wrapper tags (block wrappers become line breaks, inline ones go): what is left
    nests a few levels deep, whatever depth the page had."""
    return _INLINE_TAGS.sub("", _BLOCK_TAGS.sub("\n", html))


def parse_tree(html: str):
    """The lxml tree of a page (None when it cannot be parsed).

    libxml2 drops everything nested deeper than 256 levels (2048 with ``huge_tree``): when the tree holds
    less than half of the page's letters, the page is parsed again without its wrapper tags."""
    import lxml.html
    html = _XML_DECL.sub("", html, count=1) or "<html></html>"
    try:
        tree = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except Exception:  # noqa: BLE001 - broken markup
        return None
    amp_tags(tree, web_rules())
    raw = _letters(_TAG.sub(" ", html))
    if raw and _letters(tree.text_content()) < 0.5 * raw:
        try:
            flat = lxml.html.document_fromstring(flatten_html(html), parser=lxml.html.HTMLParser(huge_tree=True))
        except Exception:  # noqa: BLE001
            return tree
        if _letters(flat.text_content()) > _letters(tree.text_content()):
            amp_tags(flat, web_rules())
            return flat
    return tree


_AMP_AS_HTML = {"amp-img": "img", "amp-anim": "img", "amp-iframe": "iframe", "amp-video": "video",
                "amp-audio": "audio"}


def amp_tags(tree, rules: WebRules) -> None:
    """Rule ``amp_tags``: AMP media tags as their HTML tags ("<amp-img src=… layout=responsive>" as an
    ``img``: captions and image boxes are found as on other pages); AMP widgets of ``amp_drop_tags`` (an
    ``<amp-ad>`` with its "Anzeige" placeholder, ``<amp-analytics>``, ``<amp-consent>``) go."""
    for el in [e for e in tree.iter() if isinstance(e.tag, str) and e.tag.startswith("amp-")]:
        if el.tag in rules.amp_drop_tags:
            _drop(el)
        elif el.tag in _AMP_AS_HTML:
            el.tag = _AMP_AS_HTML[el.tag]


def fallback_text(tree) -> str:
    """The page's paragraphs by lxml when trafilatura finds no article (a page it cannot score): the text of
    paragraph-like elements outside navigation, scripts and footers, one per line."""
    out = []
    body = tree.find("body") if tree.find("body") is not None else tree
    for el in body.iter("p", "h2", "h3", "h4", "li", "blockquote", "pre"):
        if any(a.tag in ("nav", "footer", "script", "style", "noscript", "form") for a in el.iterancestors()):
            continue
        if any(c.tag in ("p", "li", "blockquote") for c in el.iterdescendants()):
            continue  # its inner paragraphs come on their own
        t = ws(visible_text(el))
        if t:
            out.append(t)
    if not out:
        out = [ws(x) for x in visible_text(body).split("\n") if ws(x)]
    return "\n".join(out)


_NON_TEXT = ("script", "style", "noscript", "template")


def _classes(el) -> list[str]:
    return [c.casefold() for c in ((el.get("class") or "") + " " + (el.get("id") or "")).split()]


def _drop(el) -> None:
    """Remove an element, keeping its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def is_icon(el, rules: WebRules) -> bool:
    """An icon-font element (``<i class="material-icons">bookmark_border</i>``, ``<i class="fa
    fa-thumbs-up">4</i>``): its text is a ligature name or a counter, never article text."""
    if el.tag not in ("i", "span") or len(el):
        return False
    cls = [c for c in (el.get("class") or "").casefold().split()]
    if not any(c in rules.icon_classes or c.startswith(("fa-", "icon-", "material-")) for c in cls):
        return False
    return len((el.text or "").split()) <= 1


def is_comment_block(el, rules: WebRules) -> bool:
    """A block of reader comments or other furniture (class or id word of ``comment_blocks`` or
    ``furniture_blocks``: related posts, share bars, newsletter boxes, author boxes of CMS plugins)."""
    return el.tag not in ("html", "body", "article", "main") and any(
        c in rules.comment_blocks or c in rules.furniture_blocks for c in _classes(el))


def _leaf_block(el) -> bool:
    """A ``p`` or ``div`` with no block inside it: a paragraph, however the page sets it."""
    return el.tag in ("p", "div") and not any(isinstance(c.tag, str) and c.tag in _INNER_BLOCKS
                                              for c in el.iterdescendants())


def _card_head(el, any_end: bool = False):
    """The heading a card starts with: its first h2-h4, or (rule ``card_head_box``, a heading set as a box:
    "<div class=maintitle>9 Frauen aus den Anfängen des Rock'n'Rolls …</div>") its first paragraph-like
    block when that is short (2-20 words) and ends no sentence (``any_end``: or ends one)."""
    head = next(el.iter("h2", "h3", "h4"), None)
    if head is not None:
        return head
    first = next((x for x in el.iterdescendants("p", "div") if _leaf_block(x) and ws(x.text_content())), None)
    t = ws(first.text_content()) if first is not None else ""
    return first if 2 <= len(t.split()) <= 20 and (any_end or not re.search(r"[.!]$", t)) else None


def is_story_teaser(el, rules: WebRules) -> bool:
    """A teaser card of another story inside the page: a block that starts with its own heading (h2–h4, or a
    short box: :func:`_card_head`), is short (at most 1500 characters), holds a paragraph of prose (``p`` or a
    ``div`` without blocks, 25+ words: an excerpt trafilatura would keep; cards of a headline and a link it
    drops itself, and removing them changes its choice of the main container) and ends with an excerpt cut
    short and "read more" links ("… dass … Artikel lesen Link zum Artikel"); a section of the article that ends
    with "Mehr dazu" is no teaser card."""
    if el.tag not in ("div", "section", "aside", "li", "article") or not rules.read_more_labels:
        return False
    if next(el.iter("h1"), None) is not None:
        return False
    if not any(len(p.text_content().split()) >= 25 for p in el.iter("p", "div") if p.tag == "p" or _leaf_block(p)):
        return False
    head = _card_head(el)
    if head is None:
        return False
    text = ws(visible_text(el))
    if len(text) > 1500 or not text.startswith(ws(head.text_content())[:60]):
        return False
    labels = "|".join(re.escape(x) for x in sorted(rules.read_more_labels, key=len, reverse=True))
    m = re.search(rf"\s(?:{labels})\W*(?:(?:{labels})\W*)?$", text.casefold())
    return bool(m) and text[:m.start()].rstrip().endswith(("…", "..."))   # a cut excerpt, then the link


def is_single_card(el, rules: WebRules) -> bool:
    """Rule ``single_card`` (switch ``single_cards``, ingest17): one teaser card of another story set inside
    the article ("<aside><a href=/x><img><span>Verkehrswende</span><h3>Stadt plant …</h3><p>Die Pläne …</p></a>
    </aside>", a linked headline under a kicker, "<h3>…</h3><p>…</p><a>Weiterlesen</a>"): a block without h1
    whose headline (h2-h4 or a block that is one link, 3-20 words) is a link, or an h2-h4 followed by a "read
    more" label (``read_more_labels``); all its links go to one other page, and besides the headline it says at
    most 30 words (a kicker, a teaser sentence). Lists and runs of such cards have their own rules."""
    if el.tag not in ("div", "aside", "article", "section", "li") or next(el.iter("h1"), None) is not None:
        return False
    hrefs = {(a.get("href") or "").strip().casefold() for a in el.xpath(".//a[@href]")}
    if len(hrefs) != 1 or next(iter(hrefs)).startswith(("#", "mailto:", "javascript:", "tel:")) or not next(iter(hrefs)):
        return False
    head = _card_heading(el, linked_box=True)
    inline = _inline_card_link(el) if head is None or not head.xpath(".//a[@href]") else None
    if inline is not None:
        return True
    if head is None:
        return False
    htext = ws(head.text_content())
    words = len(ws(el.text_content()).split())
    if not 3 <= len(htext.split()) <= 20 or words - len(htext.split()) > 30:
        return False
    links = head.xpath(".//a[@href]") or [a for a in head.iterancestors("a") if a.get("href")]
    if links and len(ws(" ".join(a.text_content() for a in links[:1]))) >= 0.8 * len(htext) or links and \
            any(a.tag == "a" for a in head.iterancestors()):
        return True
    rest = [ws(a.text_content()).casefold() for a in el.xpath(".//a[@href]")]
    return head.tag in ("h2", "h3", "h4") and bool(rest) and all(x in rules.read_more_labels for x in rest)


def _inline_card_link(el):
    """Rule ``card_inline_link`` (dump20; ``dump20.card_classes``): a card whose headline is a link set straight
    in the box, beside a label and a teaser sentence, with no block of its own ("<div class=c-teaserInline><span>
    Weitere Informationen</span><a href=/x>Documenta: Findungskommission neu besetzt</a><p>Nach dem …</p></div>"):
    the box's class or id names a card (``dump20.card_classes``, as a part of a class word: "c-teaserInline",
    "related-box"), and the link (3-20 words) is the box's only one. The link, else None."""
    cfg = web_rules().dump20
    if not cfg.on or not any(w in c for c in _classes(el) for w in cfg.card_classes):
        return None
    links = [a for a in el if isinstance(a.tag, str) and a.tag == "a" and (a.get("href") or "").strip()]
    if len(links) != 1 or len(el.xpath(".//a[@href]")) != 1:
        return None
    n = len(ws(links[0].text_content()).split())
    return links[0] if 3 <= n <= 20 and len(ws(el.text_content()).split()) - n <= cfg.card_words else None


def _teaser_item(el, labelled: bool = False) -> bool:
    """A card of another story: a wrapper whose heading (h2-h4) is a link, with at most a short excerpt;
    ``labelled``: also one whose links go to one page with a label of a few words or none, beside a heading
    and at most 20 words more ("Link zum Artikel": rule ``card_link_label``), and one whose heading is a box
    that is one link (rule ``card_linked_box``: "<div><a href=…>Rund 42'800 Unterschriften gegen …</a></div>")."""
    if not isinstance(el.tag, str) or el.tag not in ("div", "li", "article", "section"):
        return False
    head = _card_heading(el, labelled)
    if head is None:
        return False
    links = head.xpath(".//a[@href]") or ([head.getparent()] if head.getparent() is not None
                                          and head.getparent().tag == "a" and head.getparent().get("href") else [])
    htext = ws(head.text_content())
    if not htext or (not links or len(ws(" ".join(a.text_content() for a in links))) < 0.8 * len(htext)) \
            and not (labelled and _card_link_label(el, head)):
        return False
    return len(ws(el.text_content())) <= 600


def _card_heading(el, linked_box: bool = False):
    """A card's heading: its first h2-h4; ``linked_box``: else its first ``p`` or ``div`` that is one link
    to another page and nothing else (4-20 words), else (rule ``card_box_head``) a heading set as a short box
    (:func:`_card_head`: "<div>Fanta gibt's dank den Nazis – und 12 weitere WTF-Fakten</div>"), which
    :func:`_teaser_item` takes only when the card's links go to one page with a short label."""
    head = next(el.iter("h2", "h3", "h4"), None)
    if head is not None or not linked_box:
        return head
    head = next((x for x in el.iterdescendants("p", "div") if _linked_line(x)), None)
    if head is None and web_rules().card_box_heads:
        head = _card_head(el, any_end=True)     # "… zu Cola, Limo und Co.": the card's link label decides
    return head


def _card_link_label(el, head) -> bool:
    """The card's links (outside its heading) go to one page and say at most four words together: the card
    links as a whole ("<h2>Shot Happens …</h2> <a href=…>Link zum Artikel</a>")."""
    links = [a for a in el.xpath(".//a[@href]") if not any(x is head for x in a.iterancestors())]
    hrefs = {(a.get("href") or "").strip() for a in links}
    rest = len(ws(el.text_content()).split()) - len(ws(head.text_content()).split())
    return rest <= 20 and len(hrefs) == 1 and "" not in hrefs and not next(iter(hrefs)).startswith("#") \
        and len(ws(" ".join(a.text_content() for a in links)).split()) <= 4


def is_teaser_list(el, labelled: bool = False) -> bool:
    """A list of cards of other stories inside the article container ("Aktuelle Meldungen": date, linked
    heading, excerpt; again and again): two or more such cards as children that hold most of its text, no h1
    (``labelled``: cards of :func:`_teaser_item` with a link label)."""
    if el.tag not in ("div", "section", "ul", "aside", "ol") or next(el.iter("h1"), None) is not None:
        return False
    kids = [k for k in el if isinstance(k.tag, str)]
    cards = [k for k in kids if _teaser_item(k, labelled)]
    if len(cards) < 2 or len({tuple(c.xpath(".//a/@href")[:1]) for c in cards}) < 2:
        return False
    total = len(ws(el.text_content())) or 1
    return sum(len(ws(c.text_content())) for c in cards) >= 0.7 * total


def _article_beside(tree, box) -> bool:
    """The page has its own article outside ``box``: a headline (h1) and a paragraph of prose (15+ words) after
    it, neither inside the box (a short report over a long list of other reports' cards)."""
    kept = list(box.iter())          # the proxies stay alive, so their ids stay unique
    inside = {id(x) for x in kept}
    h1 = next((h for h in tree.iter("h1") if id(h) not in inside and ws(h.text_content())), None)
    if h1 is None:
        return False
    seen = False
    for el in tree.iter():
        if el is h1:
            seen = True
        elif seen and el.tag == "p" and id(el) not in inside and len(ws(el.text_content()).split()) >= 15:
            return True
    return False


_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)", re.I)


_HIDDEN_WORDS = 25      # rule ``hidden_box``: a longer hidden text is collapsed article text a click shows


def is_hidden(el) -> bool:
    """Rule ``hidden_box``: an element the browser does not show: inline ``display:none`` or
    ``visibility:hidden``, or the ``hidden`` attribute ("<span style='display:none'>18b7kz-1rt0ebt</span>", a
    "Hier klicken, um das Antworten abzubrechen." link of a comment form), with at most ``_HIDDEN_WORDS`` words:
    the answer of a closed FAQ panel or a "Weiterlesen" part is article text. Not ``<html>``/``<body>``."""
    if not isinstance(el.tag, str) or el.tag in ("html", "body"):
        return False
    if el.get("hidden") is None and not _HIDDEN_STYLE.search(el.get("style") or ""):
        return False
    return len(ws(el.text_content()).split()) <= _HIDDEN_WORDS


_FORM_WORDS = 120       # rule ``form_box``: a form of more words (or a fifth of the page) is a page wrapper
_FORM_LABEL_WORDS = 8   # the box around a form says at most this many words more (its label)


def form_box(form, total_words: int):
    """Rule ``form_box``: the box to drop for a ``<form>`` (a comment form, a newsletter sign-up, a search or
    rating box: never article text): the form, or the box around it when that box says at most
    ``_FORM_LABEL_WORDS`` words more ("<div><div>Was denkst du?</div><form>…</form></div>"); None for a form of
    more than ``_FORM_WORDS`` words or a fifth of the page, or one holding the headline (a page wrapped in a
    form, as ASP.NET sets it)."""
    n = len(ws(visible_text(form)).split())
    if n > _FORM_WORDS or n > total_words / 5 or next(form.iter("h1"), None) is not None:
        return None
    box = form
    while True:
        parent = box.getparent()
        if parent is None or parent.tag in ("html", "body", "article", "main") \
                or next(parent.iter("h1"), None) is not None \
                or len(ws(visible_text(parent)).split()) - n > _FORM_LABEL_WORDS:
            return box
        box = parent


def drop_hidden_and_forms(tree, rules: WebRules) -> None:
    """Rules ``hidden_box`` and ``form_box`` on the pruned copy: hidden elements first (a form's hidden links
    do not count as its label), then small forms with their label box."""
    if rules.hidden_boxes:
        for el in [e for e in tree.iter() if is_hidden(e)]:
            _drop(el)
    if rules.form_boxes:
        total = len(ws(visible_text(tree)).split()) or 1
        for form in list(tree.iter("form")):
            if all(a.getparent() is not None or a.tag == "html" for a in form.iterancestors()):
                box = form_box(form, total)
                if box is not None:
                    _drop(box)


def is_layout_table(el) -> bool:
    """A table that lays out the page, not figures: it holds a headline (h1-h3), another table, or a cell of
    60+ words (the article's column beside cells of menus and teasers)."""
    if el.tag != "table":
        return False
    if next(el.iter("h1", "h2", "h3"), None) is not None or any(t is not el for t in el.iter("table")):
        return True
    return any(len(ws(c.text_content()).split()) >= 60 for c in el.iter("td", "th"))


def unwrap_layout_tables(tree) -> None:
    """Layout tables become nested blocks (table, row and cell as ``div``): the extractor keeps tables whole, a
    layout table's menu and teaser cells with the article's; as blocks it picks the article's cell."""
    for t in [e for e in tree.iter("table") if is_layout_table(e)]:
        for el in [t, *t.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
            if el.tag in ("td", "th"):
                el.set("data-layout-cell", "1")     # a column of the page (side_columns)
            el.tag = "div"


_BR_BOXES = ("div", "section", "article", "main", "td", "center", "blockquote")
_RUN_INLINE = frozenset(("a", "span", "b", "strong", "i", "em", "u", "small", "big", "font", "abbr", "cite", "q",
                         "sub", "sup", "mark", "time", "code", "s", "del", "ins", "img", "br", "wbr"))


def _blank_br(el) -> bool:
    """A ``<br>`` that starts a blank line: the next sibling is another ``<br>`` with nothing between."""
    nxt = el.getnext()
    return el.tag == "br" and not (el.tail or "").strip() and nxt is not None and nxt.tag == "br"


def _br_runs(box) -> list[tuple[str | None, list]]:
    """The box's content as runs: (leading text, inline children) split at blank lines and at block children
    (a block is a run of its own, with no text)."""
    runs: list[tuple[str | None, list]] = [(box.text, [])]
    skip = False
    for c in list(box):
        if skip and c.tag == "br":           # the rest of a blank line
            skip = not (c.tail or "").strip() and c.getnext() is not None and c.getnext().tag == "br"
            if not skip:
                runs.append((c.tail, []))
            continue
        skip = False
        if isinstance(c.tag, str) and c.tag == "br" and _blank_br(c):
            skip = True
            continue
        if isinstance(c.tag, str) and c.tag not in _RUN_INLINE:
            runs.append((None, [c]))
            runs.append((c.tail, []))
            c.tail = None
            continue
        runs[-1][1].append(c)
    return runs


def _run_words(run) -> int:
    text, kids = run
    return len(ws(" ".join([text or ""] + [(k.text_content() if isinstance(k.tag, str) else "") + " " + (k.tail or "")
                                           for k in kids])).split())


def br_paragraphs(tree) -> None:
    """Rule ``br_paragraphs``: prose set as text runs split by blank lines straight in a box ("<div>Erster
    Absatz …<br><br>Zweiter Absatz …</div>") becomes one ``<p>`` a run, as if the page had set it in
    paragraphs; a box without such prose (:func:`_br_prose`; an address, a caption) or in a sidebar, navigation,
    footer or form (a party programme in a widget beside the post; not one that holds the headline: a theme
    that sets the article in an ``<aside>``) stays as it is."""
    import lxml.html
    for box in [e for e in tree.iter(*_BR_BOXES) if any(_blank_br(c) for c in e if isinstance(c.tag, str))
                and not any(a.tag in ("aside", "nav", "footer", "form") and next(a.iter("h1"), None) is None
                            for a in e.iterancestors())]:
        tail = box.tail
        runs = _br_runs(copy.deepcopy(box))
        if sum(1 for r in runs if r[1][:1] and r[1][0].tag not in _RUN_INLINE and r[0] is None) == len(runs) \
                or not _br_prose([_run_words(r) for r in runs if not _block_run(r)]):
            continue
        for c in list(box):
            box.remove(c)
        box.text = None
        for text, kids in runs:
            if _block_run((text, kids)):
                box.append(kids[0])
                continue
            while not ws(text or "") and kids and isinstance(kids[0].tag, str) and kids[0].tag == "br":
                # a line break opening the run
                text = (text or "") + (kids.pop(0).tail or "")
            while kids and isinstance(kids[-1].tag, str) and kids[-1].tag == "br" and not ws(kids[-1].tail or ""):
                kids.pop()
            if not ws(text or "") and not kids:
                continue                     # blank
            p = lxml.html.Element("p")
            p.text = text
            for k in kids:
                p.append(k)
            box.append(p)
        box.tail = tail


def _br_prose(words: list[int]) -> bool:
    """Text runs that make paragraphs: two of 3+ words, or one of 8+ (a short report in one run)."""
    return sum(1 for n in words if n >= 3) >= 2 or any(n >= 8 for n in words)


def _block_run(run) -> bool:
    return run[0] is None and len(run[1]) == 1 and isinstance(run[1][0].tag, str) and run[1][0].tag not in _RUN_INLINE


def prune_tree(tree, rules: WebRules):
    """A copy of the tree without what trafilatura keeps but is never article text: icon-font labels,
    reader-comment blocks (not when they hold the headline or most of the page's text), teaser cards of
    other stories, shop links; layout tables as blocks."""
    tree = copy.deepcopy(tree)
    unwrap_layout_tables(tree)
    drop_hidden_and_forms(tree, rules)
    if rules.br_paragraphs:
        br_paragraphs(tree)
    for el in [e for e in tree.iter() if isinstance(e.tag, str) and is_story_teaser(e, rules)]:
        if el.getparent() is not None and all(a.getparent() is not None or a.tag == "html"
                                              for a in el.iterancestors()):
            _drop(el)
    for el in [e for e in tree.iter() if isinstance(e.tag, str) and is_icon(e, rules)]:
        _drop(el)
    total = len(ws(tree.text_content())) or 1
    for el in [e for e in tree.iter("div", "section", "ul", "ol", "aside") if is_teaser_list(e)]:
        if el.getparent() is not None and all(a.getparent() is not None or a.tag == "html" for a in el.iterancestors()) \
                and (len(ws(el.text_content())) <= 0.7 * total or _article_beside(tree, el)):
            _drop(el)
    for el in list(tree.iter("a")):    # shop links ("Den Beef Maker bei Amazon ansehen"), also inside a paragraph
        if is_shop_line(ws(el.text_content()), rules):
            _drop(el)
    total = len(ws(tree.text_content())) or 1
    for el in [e for e in tree.iter() if isinstance(e.tag, str) and is_comment_block(e, rules)]:
        if el.getparent() is None or any(True for _ in el.iter("h1")):
            continue
        if len(ws(el.text_content())) > 0.5 * total:
            continue
        _drop(el)
    return tree


def visible_text(el) -> str:
    """The element's text without scripts and styles (lxml's text_content keeps them)."""
    if not any(True for _ in el.iter(*_NON_TEXT)):
        return el.text_content()
    el = copy.deepcopy(el)
    for x in list(el.iter(*_NON_TEXT)):
        _drop(x)
    return el.text_content()


def _trafilatura_text(tree, own: bool = False) -> tuple[str, str | None]:
    """(body text, url) by trafilatura, on a copy of the tree (it changes the tree it gets); ``own``: the tree
    is a copy already (the caller's own), trafilatura may change it."""
    import trafilatura
    doc = trafilatura.bare_extraction(tree if own else copy.deepcopy(tree), with_metadata=True, include_comments=False,
                                      favor_precision=False, include_tables=True, include_images=False)
    if doc is None:
        return "", None
    get = (lambda k: doc.get(k) if isinstance(doc, dict) else getattr(doc, k, None))  # noqa: E731
    return get("text") or "", get("url") or None


def _htmldate(tree) -> tuple[datetime, str] | None:
    """htmldate on the parsed tree (offline), as a last resort for the publication date."""
    try:
        from htmldate import find_date
        s = find_date(copy.deepcopy(tree), outputformat="%Y-%m-%d", original_date=True, extensive_search=False)
    except Exception:  # noqa: BLE001
        return None
    from pipeline.web.htmlmeta import parse_date_value
    return parse_date_value(s) if s else None


_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def _key(s: str) -> str:
    return re.sub(r"\W+", " ", _INVISIBLE.sub("", s)).strip().casefold()


def _compact(s: str) -> str:
    """A key without any spaces: kicker and headline glued by a text extractor ("HaushaltAmpel einigt …")
    match the two set apart."""
    return "~" + re.sub(r"\W+", "", s).casefold()


def head_forms(tree, meta: PageMeta, rules: WebRules) -> set[str]:
    """Keys of every form the headline block takes on the page: title, kicker, both together, the h1s,
    headings marked as headline or kicker, the structured titles (og:title, JSON-LD headline, site suffix
    cut) and their head before ": " (a kicker the page shows on its own line)."""
    from pipeline.web.htmlmeta import (KICKER_CLASSES, _HEADLINE_CLASS, _ld_objects, _is_article, _meta,
                                       cut_site_suffix)
    forms: list[str] = [x for x in (meta.title, meta.kicker) if x]
    if meta.title and meta.kicker:
        forms += [f"{meta.kicker} {meta.title}", f"{meta.kicker}: {meta.title}"]
    forms += [h.text_content() for h in tree.iter("h1")]
    for h in tree.iter("h1"):       # the line right over the headline (an "Überzeile" of any class): its kicker
        prev = h.getprevious()
        if prev is not None and isinstance(prev.tag, str) and prev.tag in ("h2", "h3", "h4", "h5", "h6", "span",
                                                                            "div", "p", "strong"):
            t = ws(prev.text_content())
            if 1 <= len(t.split()) <= 4 and not re.search(r"[.!?]$", t):
                forms.append(t)
    title_c = _compact(meta.title)[1:] if meta.title else None
    for el in tree.iter("h2", "h3", "span", "div", "p"):
        cls, t = el.get("class") or "", ws(el.text_content())
        if len(t) > 300:
            continue
        if title_c and title_c in _compact(t) and (_HEADLINE_CLASS.search(cls) or el.tag in ("h2", "h3")
                                                   and len(t) <= len(meta.title or "") + 60):
            forms.append(t)        # the headline element holding kicker and title
        elif KICKER_CLASSES.search(cls) and 1 <= len(t.split()) <= 4:
            forms.append(t)        # the kicker on its own
    structured = _meta(tree, "og:title", "twitter:title")
    structured += [o["headline"] for o in _ld_objects(tree) if _is_article(o) and isinstance(o.get("headline"), str)]
    profile = rules.site(_host_of(meta.url))
    for x in structured:
        x = cut_site_suffix(ws(x), meta.site_names, rules, profile)
        forms.append(x)
        head, sep, tail = x.partition(": ")
        if sep and meta.title and _key(tail).startswith(_key(meta.title)) and 1 <= len(head.split()) <= 4:
            forms.append(head)      # "Haushalt" of "Haushalt: Ampel einigt sich auf Sparpaket"
    out = set()
    for x in forms:
        if ws(x):
            out.add(_key(x))
            out.add(_compact(x))
    out.discard("")
    out.discard("~")
    return out


@dataclass
class Furniture:
    """What the body must not contain: headline forms, teaser, author names, site profile lines."""
    heads: set[str] = field(default_factory=set)
    teaser: str | None = None
    authors: list[str] = field(default_factory=list)
    patterns: list[re.Pattern] = field(default_factory=list)
    standfirst: bool = False     # the page sets the teaser apart (a paragraph all in bold)


def is_notice(line: str, rules: WebRules) -> bool:
    """A consent, paywall, newsletter or follow notice (``boilerplate_lines`` of web.yaml)."""
    return len(line.split()) <= 80 and any(p.search(line) for p in rules.boilerplate_lines)


def is_agency_line(line: str, rules: WebRules) -> bool:
    """A credit of agencies and editors' initials alone: "RND/dpa", "(dpa/AFP)", "erb/ots", "dpa, AFP"."""
    s = line.strip().strip("()[]").strip()
    toks = [t for t in re.split(r"\s*[/,|;]\s*|\s+", s) if t]
    if not toks or len(toks) > 5 or not any(t.casefold() in rules.agencies for t in toks):
        return False
    return all(t.casefold() in rules.agencies or re.fullmatch(r"[a-zäöü]{2,4}", t) for t in toks)


def is_byline(line: str, authors: list[str]) -> bool:
    """A byline: "Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR", "Autorin: Jil Schuller",
    or the author names alone."""
    if len(line.split()) > 25:
        return False
    from pipeline.web.htmlmeta import byline_text
    low = line.casefold()
    if byline_text(line):
        return not re.search(r"[.!?]$", line) or len(line.split()) <= 12
    if authors:
        rest = low
        for a in authors:
            rest = rest.replace(a.casefold(), " ")
        if rest != low and not re.search(r"[a-zäöüß]{4,}", re.sub(r"\b(?:und|von|and|by|foto|text)\b", "", rest)):
            return True
    return False


def byline_authors(lines: list[str], rules: WebRules, sites: set[str]) -> list[str]:
    """Authors from a "Von A, B und C, NDR" line among the first lines of the body."""
    from pipeline.web.htmlmeta import byline_text, clean_person, split_names
    for line in lines:
        s = byline_text(line)
        if s:
            names = [n for n in (clean_person(p, rules, sites, None) for p in split_names(s)) if n]
            if names:
                return list(dict.fromkeys(names))
    return []


def is_date_line(line: str, rules: WebRules) -> bool:
    """A line that is only a date ("Stand: 28.04.2020 18:00 Uhr", "19.10.2019, 05:00 Uhr | Lesezeit 3 min")."""
    if len(line.split()) > 12:
        return False
    low = line.casefold()
    stripped = re.sub(r"^(?:" + "|".join(re.escape(p) for p in rules.updated_prefixes + rules.published_prefixes)
                      + r")(?:\s+nr\.?\s*[\d/.-]+)?\s*(?:vom\b)?\s*:?\s*", "", low)   # "Pressemitteilung Nr. 12/2023 vom …"
    found = visible_date(stripped)
    if found is None:
        return False
    rest = re.sub(r"\d{1,2}[.:]\d{2}(?:\s*uhr)?|\d+|\b(?:uhr|um|am|von|montag|dienstag|mittwoch|donnerstag|"
                  r"freitag|samstag|sonntag|januar|februar|märz|april|mai|juni|juli|august|september|oktober|"
                  r"november|dezember|lesezeit|min|minuten|ca)\b|[\W_]+", " ", stripped)
    return len(rest.split()) <= 1


def byline_date(lines: list[str]) -> tuple[datetime, str] | None:
    """The date of a byline line that carries one ("Von Anna Maier | 12.03.2021, 10:15 Uhr")."""
    from pipeline.web.htmlmeta import BYLINE_START, byline_text
    for line in lines:
        s = ws(line)
        if s and len(s.split()) <= 16 and BYLINE_START.match(s) and byline_text(s):
            got = visible_date(s)
            if got:
                return got
    return None


def top_date(lines: list[str], rules: WebRules, updates: bool = False) -> tuple[datetime, str] | None:
    """The date of the first date line among ``lines`` ("Pressemitteilung Nr. 123/2023 vom 16.11.2023",
    "16.11.2023"), unless it is an update ("Stand: …") or labelled as something else (a judgment, a deadline).
    ``updates``: the first update line's date instead ("Stand: 28.04.2020 18:00 Uhr")."""
    from pipeline.ingest import _find_date
    from pipeline.web.htmlmeta import not_publication
    for line in lines:
        s = ws(line)
        if not s or not is_date_line(s, rules) or \
                any(s.casefold().startswith(p) for p in rules.updated_prefixes) != updates:
            continue
        found = _find_date(s)
        if found is not None and not_publication(s[:found[1].start()], rules):
            continue
        return visible_date(s)
    return None


_URL = re.compile(r"https?://\S+|www\.\S+")


def _mostly_urls(line: str) -> bool:
    """Link and image-file residue of related-post widgets ("https://…/logo.pngCornelius Karow2022-12-02 …"):
    an address glued to other text, an image file, two or more addresses, or a bare address. One address with
    its label ("Homepage: https://…", "Mehr Infos auf www.beispiel.at") is article text."""
    urls = _URL.findall(line)
    if not urls:
        return False
    rest = _URL.sub(" ", line)
    if len(re.findall(r"(?<!\S)[a-zäöüß]{2,}(?!\S)", rest)) >= 4:
        return False        # a sentence that names addresses
    if len(urls) >= 2 or re.search(r"[^\s(\[<„\"'»«:]" + r"(?:https?://|www\.)", line) \
            or any(re.search(r"\.(?:png|jpe?g|gif|webp|svg)(?:\S|$)", u, re.I) for u in urls):
        return True
    return not re.search(r"[A-Za-zÄÖÜäöüß]{2,}", rest)


def _same_teaser(k: str, teaser_key: str) -> bool:
    """The line is the teaser (the page's description), maybe cut short with "…" on one side."""
    if k == teaser_key:
        return True
    short, long_ = sorted((k, teaser_key.rstrip(" .")), key=len)
    return len(short) > 40 and long_.startswith(short)


_ARROW = re.compile(r"^[»›>→▶►•*+-]+\s*")
_CRUMB_LINE = re.compile(r"^(?:[-•*]\s+)?[^.!?]{1,60}?\s*[›»>/|]$")
_LIST_ITEM = re.compile(r"^[-•*]\s+\S")


def is_shop_line(line: str, rules: WebRules) -> bool:
    """A call to action of a shop link ("Den Beef Maker bei Amazon ansehen", "Zum Angebot")."""
    return len(line.split()) <= 12 and not re.search(r"[.!?]$", line) \
        and any(p.fullmatch(line) for p in rules.drop_line_patterns)


# a date (and time) glued to the text after it by an extractor: "19.10.2019, 15:30 UhrAm 8. Spieltag …"
_GLUED_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4},?\s*(?:\d{1,2}[:.]\d{2}\s*(?:Uhr)?)?(?<=\S)(?=[A-ZÄÖÜ][a-zäöüß])")


def _split_headline(lines: list[str], heads: set[str]) -> list[str]:
    """The first lines without a headline the extractor set on two lines ("Tanz in der St. Galler Lokremise:" /
    "Mit allen Wassern gewaschen"): two neighbouring lines among the first six that make a headline form only
    together."""
    idx = [i for i, x in enumerate(lines) if ws(x)][:6]
    drop: set[int] = set()
    for a, b in zip(idx, idx[1:]):
        if a in drop:
            continue
        both = f"{ws(lines[a])} {ws(lines[b])}"
        if len(both.split()) <= 30 and (_key(both) in heads or _compact(both) in heads):
            drop.update((a, b))
    return [x for i, x in enumerate(lines) if i not in drop] if drop else lines


def _promo(line: str, nouns: set[str], rules: WebRules, button: bool = False) -> bool:
    """A promotion after an ad label: at most 40 words that share under a third of their (3+) nouns with the
    rest of the article and speak as an ad (a word of ``ad_words``, a price or percentage, "Sie"/"Ihr", a "!").
    ``button``: the line after it, at most 6 words ("Jetzt vergleichen!"), with any number of nouns."""
    own = _nouns(line)
    n = len(line.split())
    if not (0 < n <= (6 if button else 40) and len(own) >= (0 if button else 3) and len(own & nouns) < max(1, len(own)) / 3):
        return False
    low = line.casefold()
    return bool(re.search(r"€|\d\s*%|!\s*$|\s(?:Sie|Ihre?[mnrs]?)\b", line)) \
        or any(re.search(r"(?<!\w)" + re.escape(w), low) for w in rules.ad_words)


def without_ads(lines: list[str], rules: WebRules) -> list[str]:
    """The lines without ads an unclassed box left in the text: an ad label line ("Anzeige", ``ad_labels``) with
    the promotion after it (a line, and a button line of at most 6 words after it: :func:`_promo`), or "Anzeige: <promotion>" on one line. A label
    followed by the article's own text loses only the label (later, as a ``skip_lines`` line)."""
    if not rules.ad_labels:
        return lines
    labels = "|".join(re.escape(x) for x in sorted(rules.ad_labels, key=len, reverse=True))
    alone = re.compile(rf"^[\W_]*(?:{labels})[\W_]*$", re.I)
    inline = re.compile(rf"^[\W_]*(?:{labels})\s*[:|–—-]\s+(\S.*)$", re.I)
    marks = [i for i, x in enumerate(lines) if alone.match(ws(x)) or inline.match(ws(x))]
    if not marks:
        return lines
    drop: set[int] = set()
    from collections import Counter
    per_line = [_nouns(x) for x in lines]
    count = Counter(w for ns in per_line for w in ns)
    for i in marks:
        m = inline.match(ws(lines[i]))
        nxt = [j for j in range(i + 1, min(len(lines), i + 6)) if ws(lines[j])][:2]
        out_ = Counter(w for j in (i, *nxt) for w in per_line[j])
        rest = {w for w, c in count.items() if c > out_[w]}     # the nouns of all other lines
        if m:
            if _promo(m.group(1), rest, rules):
                drop.add(i)
            continue
        drop.add(i)
        for n, j in enumerate(nxt):     # the promotion, and its button line ("Jetzt bestellen")
            if not _promo(ws(lines[j]), rest, rules, button=n > 0):
                break
            drop.add(j)
    return [x for i, x in enumerate(lines) if i not in drop]


_COMMENT_META = re.compile(r"\b(?:schrieb|schreibt|sagt|meint|kommentierte)\b.{0,40}(?::|$)|^(?:(?:antworten|melden|"
                           r"zitieren|gefällt mir|teilen|bewerten)\W*)+$|\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?\b.{0,20}\b\d{1,2}:\d{2}\b|"
                           r"^vor \d+ (?:minuten?|stunden?|tagen?)\b", re.I)


def without_comments(lines: list[str], rules: WebRules) -> list[str]:
    """The body without a reader-comment section that has no class: a heading line of ``comment_headings``
    ("3 Kommentare", "Kommentare (12)", "Ihre Meinung") after half of the body's words, one of the next four
    lines a comment's meta line of at most 12 words ("Leser1 schrieb am 16.11.2023 um 12:00:", "sagt:",
    "Antworten"): it and all
    after it go."""
    if not rules.comment_headings:
        return lines
    total = sum(len(x.split()) for x in lines) or 1
    seen = 0
    for i, x in enumerate(lines):
        s = ws(x)
        if seen >= total / 2 and s and len(s.split()) <= 10 and any(p.fullmatch(s) for p in rules.comment_headings):
            nxt = [ws(y) for y in lines[i + 1:] if ws(y)][:4]
            if any(len(y.split()) <= 12 and _COMMENT_META.search(y) for y in nxt):
                return lines[:i]
        seen += len(s.split())
    return lines


def strip_furniture(lines: list[str], f: Furniture, rules: WebRules) -> list[str]:
    """Drop the headline block and furniture lines; only the first lines can be headline/teaser/byline.

    The lead paragraph (also a standfirst the page sets apart, a paragraph all in bold as tagesschau.de
    has) is article text and stays, once; a second copy goes. With ``standfirst_in_body: false`` in
    web.yaml a bold standfirst equal to the page's description goes instead: it is the ``teaser`` field."""
    out: list[str] = []
    head_zone = True
    seen_text = 0
    teaser_key = _key(f.teaser) if f.teaser else None
    teaser_seen = False
    in_crumbs = False
    lines = _split_headline(lines, f.heads)
    for line in lines:
        s = ws(line)
        if head_zone and seen_text < 4:
            s = _GLUED_DATE.sub("", s, count=1)      # a date glued to the lead by the extractor
        if not s:
            out.append("")
            continue
        if seen_text == 0 and (_CRUMB_LINE.match(s) and len(s.split()) <= 6
                               or in_crumbs and _LIST_ITEM.match(s) and len(s.split()) <= 6):
            in_crumbs = True      # a breadcrumb trail ("- Home ›", "- Presse+Aktuelles ›", "- Pressemitteilungen")
            continue
        in_crumbs = False
        k = _key(s)
        if k in rules.skip_lines or s.casefold() in rules.skip_lines:
            continue
        if any(p.match(s) for p in f.patterns):
            continue
        if is_date_line(s, rules) or _mostly_urls(s) or is_shop_line(s, rules) or is_agency_line(s, rules) \
                or is_notice(s, rules) or _ARROW.match(s) and INLINE_PROMO.match(_ARROW.sub("", s)):
            continue        # "» Zum Thema: …", "→ Lesen Sie auch: …": a pointer to another article
        if head_zone and seen_text < 4:
            if k in f.heads or _compact(s) in f.heads:
                continue
            if teaser_key and k == teaser_key and f.standfirst:
                continue      # the standfirst, set apart on the page: it is the teaser field
            if teaser_key and _same_teaser(k, teaser_key):
                if teaser_seen:
                    continue  # the lead a second time
                teaser_seen = True
            if is_byline(s, f.authors):
                continue
        elif is_byline(s, f.authors) and len(s.split()) <= 8 and not re.search(r"[.!?]$", s):
            continue
        seen_text += 1
        if len(s.split()) > 30:
            head_zone = False
        out.append(s)
    return out


def _bold_standfirst(tree, teaser: str | None) -> bool:
    """The teaser stands on the page as a paragraph that is all bold."""
    if not teaser:
        return False
    key = _key(teaser)
    for b in tree.iter("strong", "b"):
        p = b.getparent()
        if p is not None and p.tag == "p" and _key(b.text_content()) == key and _key(p.text_content()) == key:
            return True
    return False


_GAP_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "dd", "pre")
_LEAF_BOXES = ("div", "section", "center", "td")
_PSEUDO_HEAD = "heading-box"      # the tag given to a short styled box or bold paragraph in the page's blocks
_HEADS = ("h2", "h3", "h4", "h5", "h6", _PSEUDO_HEAD)
_INNER_BLOCKS = frozenset(("p", "div", "section", "center", "td", "li", "ul", "ol", "table", "blockquote", "dl", "pre",
                           "figure", "article", "h1", "h2", "h3", "h4", "h5", "h6"))
_GAP_SKIP = ("nav", "footer", "aside", "form", "figure", "figcaption", "header", "script", "style", "noscript",
             "template", "button", "select", "label", "a")


def _block_text(el, h1, head_box: set) -> tuple[str, str] | None:
    """(tag, text) of a paragraph-like element as a block of the page, None when it is none: a box only when it
    holds text itself (prose straight in a ``<section>`` or ``<center>``; the headline's own box, an old layout's
    cell of ``<br>``-lined prose around its h1, without its headings), nothing inside navigation, footers, asides,
    forms, figures, page headers (the article's own ``<header>`` counts) or furniture boxes, nothing with a
    script; a short styled box or bold paragraph is a pseudo-heading."""
    own = None          # the text of the headline's own box without its headings
    if el.tag in _LEAF_BOXES:
        inner = [c for c in el.iterdescendants() if c.tag in _INNER_BLOCKS]
        nested = any(a.tag in _GAP_BLOCKS for a in el.iterancestors())
        if inner and h1 is not None and not nested and any(c is h1 for c in inner) \
                and all(c.tag in ("h1", "h2", "h3", "h4", "h5", "h6") for c in inner):
            own = ws(visible_text(el))
            for c in inner:
                own = own.replace(ws(c.text_content()), " ", 1)
            own = ws(own)
            if len(own.split()) < 8:
                return None
        elif inner or nested or len(ws(el.text_content()).split()) < 2:
            return None
    elif any(c.tag in ("p", "li", "blockquote", "div", "table") for c in el.iterdescendants()):
        return None
    if any(a.tag in _GAP_SKIP and not (a.tag == "header" and id(a) in head_box) for a in el.iterancestors()) \
            or not _outside_furniture_any(el) or any(True for _ in el.iter(*_NON_TEXT)):
        return None          # page furniture, a share button or widget with its script
    from pipeline.web.htmlmeta import heading_text
    t = own or heading_text(el)
    if not t:
        return None
    tag = el.tag
    if len(t.split()) <= 12 and (tag in _LEAF_BOXES or tag == "p" and _styled_only(el, ("b", "strong"))):
        tag = _PSEUDO_HEAD      # a heading set as a styled box or a bold paragraph ("Was sich ändert")
    elif tag in _LEAF_BOXES and len(t.split()) < 8:
        return None
    return tag, t


def _own_header(header) -> bool:
    """Rule ``own_header``: the ``<header>`` holding the headline is the article's own, not the page's: it
    stands inside ``<article>`` or ``<main>``, or it holds no navigation (no ``nav``, at most five links:
    "<header class=intro><h1>…</h1><p>Schon länger ist bekannt: …</p></header>" in a theme of ``div``s)."""
    if any(x.tag in ("article", "main") for x in header.iterancestors()):
        return True
    return next(header.iter("nav"), None) is None and len(header.xpath(".//a[@href]")) <= 5


def _pictured(out: list) -> set[int]:
    """The blocks of at most 30 words in a box with a picture (their parent or grandparent, not the article or
    page, holds an ``<img>``): maybe its caption. Each box's subtree is searched once."""
    has_img: dict[int, bool] = {}

    def img_in(a) -> bool:
        if a is None or a.tag in ("body", "article", "main"):
            return False
        if id(a) not in has_img:
            has_img[id(a)] = next(a.iter("img"), None) is not None
        return has_img[id(a)]
    return {i for i, (_, t, _, el) in enumerate(out) if len(t.split()) <= 30 and any(
        img_in(a) for a in (el.getparent(), el.getparent().getparent() if el.getparent() is not None else None))}


def _page_blocks(tree) -> list[tuple[str, str, float, bool]]:
    """The page's text blocks in document order: (tag, text, link density, next held). Paragraph-like elements without
    inner paragraphs, outside navigation, footers, asides, forms, figures and page furniture boxes
    (:func:`_block_text`)."""
    out = []
    body = tree.find("body") if tree.find("body") is not None else tree
    elems = list(body.iter())            # keeps the proxies alive: their ids name the elements
    order = {id(e): i for i, e in enumerate(elems)}
    info: dict[int, tuple[str, bool]] = {}     # container position: (class and id, holds a heading)
    h1 = next(body.iter("h1"), None)
    h1_chain = frozenset(order.get(id(a), -1) for a in h1.iterancestors()) if h1 is not None else frozenset()
    h1_text = ws(h1.text_content()) if h1 is not None else ""
    # the article's own <header> (inside the article, holding the headline) is no page header: its lead counts
    head_box = {id(a) for a in h1.iterancestors() if a.tag == "header" and _own_header(a)} if h1 is not None else set()
    for el in body.iter(*_GAP_BLOCKS, *_LEAF_BOXES):
        got = _block_text(el, h1, head_box)
        if got is None:
            continue
        tag, t = got
        links = sum(len(ws(a.text_content())) for a in el.iter("a"))
        out.append((tag, t, links / max(1, len(t)), el))
        for a in (el, *el.iterancestors()) if el.get("data-layout-cell") else el.iterancestors():
            k = order.get(id(a), -1)
            heading = el.tag in ("h2", "h3", "h4", "h5", "h6") or info.get(k, ("", False))[1]
            info[k] = ((a.get("class") or "") + " " + (a.get("id") or "") + (" col" if a.get("data-layout-cell") else ""),
                       heading)
    # (tag, text, link density, whether the element right after it holds the next block, its containers from the
    # body down by document position; a layout table's cell is a column of its own: its position ends its chain,
    # side_columns groups by it): elements themselves are not kept, so trafilatura may change the tree afterwards
    h1_pos = order.get(id(h1), -1) if h1 is not None else None
    h1_next = next((i for i, x in enumerate(out) if order.get(id(x[3]), -1) > h1_pos), None) \
        if h1_pos is not None else None
    blocks_head_box = {order.get(id(a), -1) for a in h1.iterancestors() if id(a) in head_box} \
        if h1 is not None else set()
    return PageBlocks([(tag, t, d, i + 1 < len(out) and _next_holds(el, out[i + 1][3]),
                        tuple(order.get(id(a), -1) for a in reversed(list(el.iterancestors())))
                        + ((order.get(id(el), -1),) if el.get("data-layout-cell") else ()))
                       for i, (tag, t, d, el) in enumerate(out)], info, h1_chain, h1_text, h1_next, blocks_head_box,
                      _pictured(out), page_descriptions(tree))


class PageBlocks(list):
    """The page's text blocks (:func:`_page_blocks`) with what is known of their containers: ``info`` (position:
    class and id, whether it holds a heading), ``h1_chain`` (the positions of the headline's containers) and
    ``h1_text``."""

    def __init__(self, items, info: dict, h1_chain: frozenset, h1_text: str = "", h1_next: int | None = None,
                 head_box: set | None = None, pictured: set | None = None, descriptions: list | None = None):
        super().__init__(items)
        self.info = info
        self.h1_chain = h1_chain
        self.h1_text = h1_text
        self.h1_next = h1_next          # the first block after the headline (None: no h1)
        self.head_box = head_box or set()   # the positions of the article's <header> holding the headline
        self.pictured = pictured or set()   # short blocks in a box with a picture (maybe captions)
        self.descriptions = descriptions or []  # keys of the page's descriptions (page_descriptions)


def page_descriptions(tree) -> list[str]:
    """Keys (:func:`_flat`) of the page's descriptions: ``description``, ``og:description``,
    ``twitter:description`` and ``itemprop`` meta tags, JSON-LD ``description`` fields (of 10+ words). A CMS
    writes them as an excerpt of the post's first words, so they tell what its text starts with."""
    from pipeline.web.htmlmeta import _ld_objects, _meta, _unescape
    found = _meta(tree, "description", "og:description", "twitter:description")
    found += [o["description"] for o in _ld_objects(tree) if isinstance(o.get("description"), str)]
    return [k for k in dict.fromkeys(_flat(_unescape(d)) for d in found if len(d.split()) >= 10) if k]


def described_label(blocks, bkeys: list[str], b: int) -> bool:
    """Rule ``described_label``: a short block (2-12 words) that the page's description (an excerpt the CMS
    took from the post) holds right before the start of the next block: a subheading or label of the post
    ("Leitsätze des Gerichts:" before "Der Betreiber eines Internetportals …"; "Ewald Ferlemann und sein Leben
    für die Vögel" before "Rentnerinnen und Rentner …"), whatever its markup, never a page label."""
    descs = getattr(blocks, "descriptions", None)
    if not descs or b + 1 >= len(blocks) or not 2 <= len(blocks[b][1].split()) <= 12 or blocks[b][2] > 0.3:
        return False
    nxt = bkeys[b + 1][:24]
    return len(nxt) >= 12 and any(bkeys[b] + nxt in d for d in descs)


_SIDE_CLASS = re.compile(r"(?:^|[\s_-])(?:col|column|sidebar|side|aside|right|rechts|links|left|marginal|rail|"
                         r"box|widget|teaser|aktuell|col-\w+|span\d+|col\d+)(?=$|[\s_-])", re.I)


def _column_groups(blocks, matched: list[int]) -> dict[int, list[int]]:
    """The kept blocks grouped by the child of their innermost common container that holds them (the columns of
    the row the extractor kept)."""
    chains = [blocks[b][4] for b in matched]
    n = min(len(c) for c in chains)
    for i in range(n):
        if len({c[i] for c in chains}) > 1:
            n = i
            break
    groups: dict[int, list[int]] = {}
    for b, c in zip(matched, chains):
        if len(c) > n:
            groups.setdefault(c[n], []).append(b)
    return groups


_NOUN = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]{3,}")


def _nouns(text: str) -> set[str]:
    """The capitalised words of 4+ letters (German nouns and names), cut to 5 letters (Bus/Busse, Jahr/Jahren)."""
    return {w[:5].casefold() for w in _NOUN.findall(text)}


def _off_topic(texts: list[str], ref: set[str]) -> bool:
    """Text that shares (almost) none of the article's nouns: under one in five of its own 6+ nouns, against 20+
    nouns of the headline's column (a column with less is no measure: an article's later parts share few words
    with its headline alone)."""
    own = _nouns(" ".join(texts))
    return len(ref) >= 20 and len(own) >= 6 and len(own & ref) < 0.2 * len(own)


def side_columns(blocks, matched: list[int]) -> set[int]:
    """Kept blocks of a column beside the article's. The extractor kept the row that holds the headline's column
    and another column: a later, smaller one (a box with its own heading, or of a column or box class:
    "col-4", "sidebar", "box"; at most half the text of the headline's column), or one, before or after and of
    any size, whose text shares (almost) none of the nouns of the headline's column (a box about the site, a
    list of other stories' excerpts beside a short report)."""
    info = getattr(blocks, "info", None)
    if not info or len(matched) < 2:
        return set()
    groups = _column_groups(blocks, matched)
    if len(groups) < 2:
        return set()
    size = {g: sum(len(blocks[b][1]) for b in bs) for g, bs in groups.items()}
    main = next((g for g in groups if g in blocks.h1_chain), None)
    if main is None and not blocks.h1_chain:      # no h1 on the page: the largest column is the article's
        main = max(groups, key=lambda g: size[g])
    if main is None:
        return set()
    ref = _nouns(" ".join([getattr(blocks, "h1_text", "")] + [blocks[b][1] for b in groups[main]]))
    big = size[main] >= 0.6 * sum(size.values())
    out: set[int] = set()
    for g, bs in groups.items():
        if g == main:
            continue
        cls, heading = info.get(g, ("", False))
        boxy = heading or bool(_SIDE_CLASS.search(cls))
        if big and boxy and min(bs) > max(groups[main]) and size[g] <= size[main] / 2 \
                or len(groups[main]) >= 2 and _off_topic([blocks[b][1] for b in bs], ref):
            out.update(bs)
    return out


_QUOTE_BOX = re.compile(r"(?:^|[\s_-])(?:quote|pullquote|blockquote|zitat|citation)(?=$|[\s_-])", re.I)


def _outside_furniture_any(el) -> bool:
    """Not inside navigation, sidebars, teasers, share/newsletter/ad boxes; a quote box of the article (a widget
    of class "quote") is no furniture."""
    from pipeline.web.htmlmeta import _FURNITURE_CLASS
    return not any(not _QUOTE_BOX.search(cls) and (
                   _FURNITURE_CLASS.search(cls)
                   or re.search(r"(?:^|[\s_-])(?:teaser|share|social|newsletter|ad|ads|advert\w*|banner|promo|"
                                r"cookie\w*|consent|paywall|author-?box|bio|infobox|related\w*|tags?)(?=$|[\s_-])",
                                cls, re.I))
                   for cls in (_box_class(a) for a in [el, *el.iterancestors()]))


_CMS_STATE = re.compile(r"(?:^|\s)(?:tag|category|categories|format|status|type|post|postid|page|author|cookies?|"
                        r"has|single|template|wp)-\S*", re.I)


_CMS_POST = re.compile(r"(?:^|\s)(?:hentry|type-post|type-page|status-publish|post-\d+)(?=\s|$)", re.I)


# Rule ``js_hook``: "js-…" classes are hooks for the page's scripts ("js-dynamic-advertorial" on the article text's
# box: where an ad may be inserted), not what kind of box it is.
_JS_HOOK = re.compile(r"(?:^|(?<=\s))js[-_]\S*", re.I)


def _box_class(a) -> str:
    """The class and id of an element as a box of the page: the page itself (``html``, ``body``) is none; an
    ``article``'s or ``main``'s CMS state classes ("tag-partei-aktivitaeten", "category-news", "cookies-not-set"
    in WordPress) name its topics, not what kind of box it is; so do those of any box that WordPress marks as
    the post itself ("post post-4198 type-post status-publish hentry tag-bgh": a theme that sets the post in
    a ``div``). Script hooks ("js-…": rule ``js_hook``) name no kind of box."""
    if a.tag in ("html", "body"):
        return ""
    cls = _JS_HOOK.sub(" ", (a.get("class") or "") + " " + (a.get("id") or ""))
    return _CMS_STATE.sub(" ", cls) if a.tag in ("article", "main") or _CMS_POST.search(cls) else cls


def _gap_good(tag: str, text: str, density: float, next_held: bool = False) -> bool:
    """A block worth restoring: prose (8+ words with a sentence end, or 15+ words with stopwords:
    :func:`_stopword_share`) or a subheading (2-12 words), with few links."""
    if density > 0.3:
        return False
    n = len(text.split())
    if tag in _HEADS:
        quoted = bool(re.fullmatch(r"[«»„“\"‚‘'].+[«»“”\"‘’']", text))    # «Storming the Sazerac», a quote as heading
        if n > 12:       # a styled quote or lead set as a heading: prose
            return n >= 15 and bool(re.search(r"[.!?…][\"“”'’»«)]*$", text))
        return 2 <= n and (quoted or not re.search(r"[:›»>]$", text)) and not _LABEL_END.search(text)
    if re.search(r"[.!?…][\"“”'’»«)]*$", text):
        return n >= 8
    return n >= 15 and _stopword_share(text) >= _PROSE_STOPWORDS


_PROSE_STOPWORDS = 0.15


def _stopword_share(text: str) -> float:
    """Rule ``gap_stopwords``: the share of German stopwords among the words (jusText's measure). Prose without a
    sentence end still has some ("Das Ergebnis zeigt, dass die Zahl der …": 0.4); a price promotion in a box has
    next to none ("Sky Ticket für 9,99 statt 29,99 Euro 1 Monat … mit 66 % Rabatt": 0.12)."""
    from pipeline.web.dump import stopwords
    sw = stopwords()
    toks = text.split()
    return sum(t.casefold().strip(".,;:!?()[]\"„“”«»'") in sw for t in toks) / max(1, len(toks))


# Rule ``label_preposition``: a heading that ends in "von"/"für"/"by" is a label of the line after it
# ("Geschrieben von", "Artikel von", "Unterstützt von", "powered by"), not a subheading of the article (other
# prepositions end headings as verb particles: "… wirken sich positiv auf die Psyche aus").
_LABEL_END = re.compile(r"\s(?:von|für|by)$", re.I)


def _next_holds(el, target) -> bool:
    """The element right after ``el`` (its next sibling, or its parent's when it is the last child) is ``target``
    or holds it."""
    nxt = el.getnext()
    while True:
        while nxt is None and el.getparent() is not None and el.getparent().tag not in ("body", "article", "main"):
            el = el.getparent()
            nxt = el.getnext()
        if nxt is None or nxt is target or any(a is nxt for a in target.iterancestors()) or not _between(nxt):
            break
        el, nxt = nxt, nxt.getnext()    # a picture or an empty ad slot between a subheading and its text
    return nxt is not None and (nxt is target or any(a is nxt for a in target.iterancestors()))


def _between(el) -> bool:
    """An element that may stand between a subheading and its paragraph: a picture, a figure, an empty box."""
    if not isinstance(el.tag, str):
        return True
    if el.tag in ("figure", "picture", "img", "script", "style", "noscript", "br", "hr"):
        return True
    return el.tag in ("div", "span", "section", "aside") and not ws(visible_text(el))


def _flat(s: str) -> str:
    """A key without spaces or punctuation: the same text however an extractor spaced it."""
    return re.sub(r"\W+", "", _INVISIBLE.sub("", s)).casefold()


_CREDIT_MARK = re.compile(r"\b(?:Fotos?|Bild(?:er)?|Bildquelle|Quelle|Credit|Grafik)\s*:|©")


def image_box_texts(tree) -> list[str]:
    """Keys of the text of image boxes: the element holding an ``<img>`` (its parent or grandparent, not the
    article or page) when its text is short (3-60 words) and names a credit ("Foto: City-Press", "©"). A body
    line inside one is the picture's caption."""
    out = []
    for img in tree.iter("img"):
        for anc in (img.getparent(), img.getparent().getparent() if img.getparent() is not None else None):
            if anc is None or anc.tag in ("body", "html", "article", "main"):
                break
            t = ws(visible_text(anc))
            n = len(t.split())
            if n > 60:
                break
            if n >= 3 and (_CREDIT_MARK.search(t) or _credit_classes(anc)):
                out.append(_flat(t))
                break
    return out


def class_boxes(tree) -> set[str]:
    """Rule ``furniture_class_box`` (dump20; ``dump20.box_classes``, ``box_words``): keys of the lines of a small
    box (``div``/``aside``/``section``/``form``, at most ``box_words`` words, no h1) whose class or id has a part
    naming furniture, or whose one or two links end in a call to action (``cta_lines``: "<div class=detail__support>
    <h3>Unterstützen Sie …</h3><p>… ist spendenfinanziert. …</p><a href=/spenden>Jetzt spenden</a></div>"), and no paragraph of ``prose_words`` or more (the text a paywall box
    hides stays): a paywall offer ("<div class=kick__paywall-box>… Jetzt 4 Wochen für 0,99 € testen."), a
    newsletter box ("Newsletterstyled__Box-sc-9z8y"), reader comments ("nb-comments"). The tree stays as it is."""
    cfg = web_rules().dump20
    words = cfg.params.get("box_classes", ()) if cfg.on else ()
    limit = cfg.params.get("box_words", 60)
    out: set[str] = set()
    cta = [re.compile(p) for p in cfg.params.get("cta_lines", ())] if cfg.on else []
    for el in tree.iter("div", "aside", "section", "form") if words else ():
        if not (any(w in c for c in _classes(el) for w in words) or _cta_box(el, cta)) \
                or next(el.iter("h1"), None) is not None:
            continue
        t = ws(visible_text(el))
        if 1 <= len(t.split()) <= limit and not any(len(ws(visible_text(p)).split()) >= cfg.params.get("prose_words", 25)
                                                    for p in el.iter("p", "div") if p.tag == "p" or _leaf_block(p)):
            out.add(_flat(t))
            out |= {_flat(ws(visible_text(y))) for y in el.iter("a", "p", "div", "span", "li", "h2", "h3", "h4", "h5",
                                                                "h6", "strong") if y.tag != "div" or _leaf_block(y)}
    out.discard("")
    return out


def _cta_box(el, cta: list) -> bool:
    """A box whose one or two links end in a call to action ("Jetzt spenden", "Jetzt abonnieren": ``cta_lines``)."""
    links = el.xpath(".//a[@href]")
    return 1 <= len(links) <= 2 and any(p.match(ws(links[-1].text_content()).casefold()) for p in cta)


def credit_class_lines(tree) -> set[str]:
    """Keys of the credit lines of image boxes marked by class (:func:`_credit_classes`, at most 15 words): they
    leave the body with the caption."""
    cfg = web_rules().dump20
    words = cfg.params.get("credit_classes", ()) if cfg.on else ()
    out = set()
    for img in tree.iter("img") if words else ():
        box = img.getparent().getparent() if img.getparent() is not None else None
        if box is None or box.tag in ("body", "html", "article", "main") or len(ws(visible_text(box)).split()) > 60:
            continue
        for el in box.iter():
            if isinstance(el.tag, str) and any(w in c for c in _classes(el) for w in words) \
                    and 1 <= len(ws(visible_text(el)).split()) <= 15:
                out.add(_flat(ws(visible_text(el))))
    out.discard("")
    return out


def _credit_classes(box) -> bool:
    """Rule ``credit_class`` (dump20; ``dump20.credit_classes``): an image box whose credit is marked by its
    class, not by a label ("<p class=absatzbild__info__copyright>| picture alliance / Beautiful Sports</p>")."""
    cfg = web_rules().dump20
    words = cfg.params.get("credit_classes", ()) if cfg.on else ()
    return bool(words) and any(w in c for el in box.iter() if isinstance(el.tag, str) and el is not box
                               for c in _classes(el) for w in words)


def alt_caption_texts(tree) -> list[str]:
    """Rule ``alt_caption``: keys of the pictures' alternative texts of 8+ words (``alt``, ``title``). A CMS
    writes the caption into them; a body line that says the same ("Der Aktionsplan beinhaltet auch die lichten
    Wälder, …" under the picture whose ``alt`` has it) is the picture's caption, however its box is marked."""
    out = []
    for img in tree.iter("img"):
        for attr in ("alt", "title"):
            t = ws(img.get(attr) or "")
            if len(t.split()) >= 8:
                out.append(_flat(t))
    return out


_IMAGE_BOX = re.compile(r"(?:^|[\s_-])(?:image|images|img|bild|bilder|foto|fotos|photo|photos|pic|picture|figure|"
                        r"gallery|galerie|slider|slideshow|lightbox)(?=$|[\s_-])", re.I)
_TEXT_BOX = re.compile(r"(?:^|[\s_-])(?:text|texts|body|bodytext|copy|textblock)(?=$|[\s_-])", re.I)
_CAPTION_LEAVES = ("p", "div", "span", "small", "em", "i", "figcaption", "dd", "td", "li", "strong", "b")


def _box_leaves(box) -> list:
    """The innermost text elements of an image box (no block inside them), not the image's link."""
    out = []
    for el in box.iter(*_CAPTION_LEAVES):
        if any(isinstance(c.tag, str) and c.tag in ("p", "div", "figcaption", "dd", "td", "li") for c in el.iterdescendants()):
            continue
        if any(a in out for a in el.iterancestors()):
            continue
        if ws(visible_text(el)):
            out.append(el)
    return out


_CAPTION_STYLES = ("em", "i", "small", "span", "font")


def _styled_only(p, styles: tuple[str, ...] = (*_CAPTION_STYLES, "b", "strong")) -> bool:
    """All of the paragraph's text stands in styled inline elements (``styles``): a caption set apart under its
    picture, not a paragraph that goes on after it. (A paragraph all in bold after a picture is a subheading
    unless it shares the picture's paragraph.)"""
    if ws(p.text or ""):
        return False
    for c in p:
        if ws(c.tail or "") or isinstance(c.tag, str) and c.tag not in (*styles, "br", "img", "a"):
            return False
        if c.tag == "a" and ws(c.text_content()):
            return False
    return True


def _styled_line_under(img) -> str | None:
    """The key of a short styled paragraph (3-30 words, all of it em/i/small/span) right after the block that
    holds only the image ("<p><img></p><p><em>Am Hafen …</em></p>"): its caption."""
    box = img
    while box.getparent() is not None and box.getparent().tag in ("a", "p", "div", "picture", "span") \
            and not ws(visible_text(box.getparent())):
        box = box.getparent()
    nxt = box.getnext()
    if nxt is None or nxt.tag != "p" or not _styled_only(nxt, _CAPTION_STYLES) or next(nxt.iter("a"), None) is not None:
        return None
    t = ws(visible_text(nxt))
    return _flat(t) if 3 <= len(t.split()) <= 30 else None


def _line_beside(img) -> str | None:
    """The key of the one short text (3-30 words; a ``div``, ``span``, ``small``, ``em`` or ``figcaption``, not a
    paragraph) that follows the image in a box holding nothing else: its caption, whatever the classes."""
    holder = img
    while holder.getparent() is not None and holder.getparent().tag in ("a", "picture") :
        holder = holder.getparent()
    box = holder.getparent()
    if box is None or box.tag in ("body", "html", "article", "main", "p") or ws(box.text or "") or ws(holder.tail or ""):
        return None
    kids = [k for k in box if isinstance(k.tag, str) and k.tag not in _NON_TEXT and (k is holder or ws(k.text_content()))]
    if len(kids) != 2 or kids[0] is not holder or kids[1].tag not in ("div", "span", "small", "em", "figcaption") \
            or ws(kids[1].tail or "") or any(isinstance(c.tag, str) and c.tag in _INNER_BLOCKS for c in kids[1].iter()
                                              if c is not kids[1]) or next(kids[1].iter("a"), None) is not None:
        return None
    t = ws(visible_text(kids[1]))
    return _flat(t) if 3 <= len(t.split()) <= 30 else None


def caption_box_texts(tree) -> list[str]:
    """Keys of picture captions without a credit: the text of the image's alt or title shown again under it
    (4-25 words); the short texts (3-40 words each) of an image box, an element holding an ``<img>`` whose class
    names it (image, bild, foto, gallery …; up to three levels up) and holds no heading and only short text;
    a paragraph that holds an image and, after it, only a short styled line ("<p><img><br><em>Am Hafen …</em>
    </p>"). A paragraph that goes on right after an inline image, or after its line break, is article text."""
    out: list[str] = []
    for img in tree.iter("img"):
        for attr in ("alt", "title"):
            t = ws(img.get(attr) or "")
            if 4 <= len(t.split()) <= 25:
                out.append(_flat(t))
        parent = img.getparent()
        if parent is not None and parent.tag == "a":
            parent = parent.getparent()
        if parent is not None and parent.tag == "p" and not ws(img.tail or "") and _styled_only(parent):
            t = ws(visible_text(parent))
            if 3 <= len(t.split()) <= 30:
                out.append(_flat(t))
        under = _styled_line_under(img)
        if under:
            out.append(under)
        beside = _line_beside(img)
        if beside:
            out.append(beside)
        anc = img
        for _ in range(3):
            anc = anc.getparent()
            if anc is None or anc.tag in ("body", "html", "article", "main"):
                break
            cls = (anc.get("class") or "") + " " + (anc.get("id") or "")
            if not _IMAGE_BOX.search(cls):
                continue
            if _TEXT_BOX.search(cls):
                break       # a text-with-image block ("text-image", "image-text-block"): its text is the article's
            if next(anc.iter("h1", "h2", "h3", "h4"), None) is not None:
                break
            n_img = sum(1 for _ in anc.iter("img")) or 1
            words = len(ws(visible_text(anc)).split())
            if words > min(300, 40 * n_img):
                break
            leaves = [ws(visible_text(x)) for x in _box_leaves(anc)]
            if any(len(x.split()) > 40 for x in leaves):
                break
            out += [_flat(x) for x in leaves if len(x.split()) >= 3]
            break
    return [k for k in dict.fromkeys(out) if k]


def linked_headlines(tree) -> set[str]:
    """Keys of the page's blocks (``p``, ``h2``-``h6``, ``div``) whose whole text is one link to another page
    (not an anchor of the page itself, an e-mail or a bare address), 4-20 words with no sentence end: the
    headline of another story ("Warum der Busfahrplan im Winter schon wieder ausgedünnt wird"), as a body line
    never article text."""
    out = set()
    for el in tree.iter("p", "h2", "h3", "h4", "h5", "h6", "div"):
        if any(isinstance(c.tag, str) and c.tag in _INNER_BLOCKS for c in el.iterdescendants()):
            continue        # a wrapper: its inner blocks come on their own
        links = el.xpath(".//a[@href]")
        if len(links) != 1:
            continue
        href = (links[0].get("href") or "").strip().casefold()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        t = ws(visible_text(el))
        lt = ws(links[0].text_content())
        t = re.sub(r"^(?:[>»›→▶►•*-]+\s*)+", "", t)
        if t != lt or not 4 <= len(t.split()) <= 20 or re.search(r"[.!…:]$", t) or _URL.search(t):
            continue
        out.add(_flat(t))
    out.discard("")
    return out


def card_list_heads(tree) -> set[str]:
    """Keys of the texts of cards that link as a whole (rule ``card_link_label``: "<h2>Shot Happens – ALLE
    Folgen …</h2> <a href=…>Link zum Artikel</a>", again and again) or whose heading is a linked box (rule
    ``card_linked_box``), as body lines never article text: their headings, labels and excerpts. They are taken
    out of the extractor's lines, not the tree: a smaller tree changes its choice of container."""
    out = set()
    for el in tree.iter("div", "section", "ul", "aside", "ol"):
        if is_teaser_list(el, labelled=True) and not is_teaser_list(el):
            for k in el:
                if isinstance(k.tag, str) and _teaser_item(k, labelled=True):
                    out |= {_flat(ws(visible_text(x))) for x in k.iter("a", "p", "div", "h2", "h3", "h4")
                            if x.tag in ("a", "h2", "h3", "h4") or _leaf_block(x)}
    out.discard("")
    return out


def _run_card(el) -> str | None:
    """The link of a card of another story in a run of sibling cards (rule ``card_run``): a ``div``/``li``/
    ``article``/``section`` whose text starts with its one link to another page, 3-20 words without a sentence
    end (the headline), followed by at most 60 words of unlinked text (the teaser) and no more than 600
    characters: "<li><a href=…><strong>Feuerwehr rettet Katze aus Baum</strong></a><p>Die Einsatzkräfte …</p></li>"."""
    if not isinstance(el.tag, str) or el.tag not in ("div", "li", "article", "section"):
        return None
    links = el.xpath(".//a[@href]")
    hrefs = {(a.get("href") or "").strip() for a in links}
    if len(hrefs) != 1:
        return None
    href = next(iter(hrefs))
    if not href or href.casefold().startswith(("#", "mailto:", "javascript:", "tel:")):
        return None
    head = ws(links[0].text_content())
    text = ws(visible_text(el))
    if not 3 <= len(head.split()) <= 20 or re.search(r"[.!?…:]$", head) or not text.startswith(head) \
            or len(text) > 600 or len(text.split()) - len(head.split()) > 60:
        return None
    return href


def card_runs(tree) -> set[str]:
    """Rule ``card_run`` (switch ``card_runs``, web16): keys of the texts of two or more sibling cards of other
    stories in a row (:func:`_run_card`, to different pages) that stand straight in the article's container or in
    a list, with no wrapper of their own that the teaser-list rules see ("<div><h3><a href=/a1>…</a></h3><p>Die
    Einsatzkräfte brauchten …</p></div><div><h3><a href=/a2>…"): their headlines and teasers, as body lines."""
    out: set[str] = set()
    for parent in tree.iter("article", "main", "section", "div", "ul", "ol", "body"):
        run: list = []
        for k in [*parent, None]:
            if k is not None and not isinstance(k.tag, str):
                continue
            href = _run_card(k) if k is not None else None
            if href and href not in {h for _x, h in run}:
                run.append((k, href))
                continue
            if len(run) >= 2:
                for x, _h in run:
                    out.add(_flat(ws(visible_text(x))))
                    out |= {_flat(ws(visible_text(y))) for y in x.iter("a", "p", "div", "h2", "h3", "h4", "h5", "h6")
                            if y.tag != "div" or _leaf_block(y)}
            run = [(k, href)] if href else []
    out.discard("")
    return out


def single_cards(tree) -> set[str]:
    """Keys of the texts of single teaser cards (:func:`is_single_card`): the card as one line and its leaf
    blocks (kicker, headline, teaser sentence) as body lines; the tree stays as it is, so trafilatura chooses
    the article's container as before."""
    rules = web_rules()
    out: set[str] = set()
    for el in tree.iter("div", "aside", "article", "section", "li"):
        if is_single_card(el, rules):
            out.add(_flat(ws(visible_text(el))))
            out |= {_flat(ws(visible_text(y))) for y in el.iter("a", "p", "div", "span", "h2", "h3", "h4", "h5", "h6")
                    if y.tag != "div" or _leaf_block(y)}
            label = _card_label(el)
            if label:
                out.add(_flat(label))
    out.discard("")
    return out


def _card_label(card) -> str | None:
    """The label of a box that holds nothing but it and the card ("<div><h4>Auch interessant</h4><article>…"):
    a block of at most four words with no link right before the card; left alone in the body it would take the
    article's next subheading for a teaser headline."""
    parent = card.getparent()
    if parent is None:
        return None
    others = [c for c in parent if isinstance(c.tag, str) and c is not card and ws(visible_text(c))]
    if len(others) != 1 or others[0].getnext() is not card or next(others[0].iter("a"), None) is not None:
        return None
    t = ws(visible_text(others[0]))
    return t if 1 <= len(t.split()) <= 4 else None


_DURATION = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*(?:min\.?|minuten))?$|^\d{1,3}\s*(?:min\.?|minuten|sek\.?)$", re.I)
_PLAYER_WORD = re.compile(r"\b(?:video|videos|audio|podcast|abspielen|play|wiedergabe)\b", re.I)
_PRICE = re.compile(r"(?<!\w)(?:\d{1,5}(?:[.,]\d{2})?\s?(?:€|euro|eur)(?!\w)|€\s?\d)", re.I)
_SHOP_LINK = re.compile(r"\b(?:bei amazon|zum angebot|zum deal|jetzt kaufen|kaufen|bestellen|zum shop|im shop|"
                        r"preis vergleichen|ansehen|jetzt sichern)\b", re.I)
_SHOP_HOSTS = ("amazon.", "amzn.", "ebay.", "otto.de", "mediamarkt.", "saturn.de", "idealo.", "awin1.", "tradedoubler.")
_BOX_LEAVES = ("p", "div", "span", "a", "strong", "b", "em", "h2", "h3", "h4", "h5", "h6", "figcaption", "li", "time")


def _small_box_kind(el) -> str | None:
    """``player`` for a box of a video or audio player (a duration line "01:23 Min." and a word "Video"/"Audio"),
    ``shop`` for a product box (a price and a shop link: "Preis: 89,99 €" / "Jetzt bei Amazon ansehen"); None
    for anything else or a box of more than 40 words or with a leaf of more than 25 (prose)."""
    text = ws(visible_text(el))
    if not text or len(text.split()) > 40:
        return None
    leaves = [ws(visible_text(x)) for x in el.iter(*_BOX_LEAVES)
              if not any(isinstance(c.tag, str) and c.tag in _INNER_BLOCKS for c in x.iterdescendants())]
    if any(len(x.split()) > 25 or len(x.split()) >= 12 and re.search(r"[.!?]$", x) for x in leaves):
        return None         # a sentence of prose: no player or product box
    joined = " ".join(leaves)      # the box's text with its leaves apart ("Video" "Hafen …", not "VideoHafen …")
    if any(_DURATION.match(x) for x in leaves) and (_PLAYER_WORD.search(joined) or _player_class(el)):
        return "player"
    links = el.xpath(".//a[@href]")
    shop = any(_SHOP_LINK.search(ws(a.text_content())) or any(h in (a.get("href") or "").casefold() for h in _SHOP_HOSTS)
               for a in links)
    return "shop" if shop and _PRICE.search(joined) else None


_PLAYER_CLASS = re.compile(r"player|audio|video|podcast", re.I)


def _player_class(el) -> bool:
    """dump18: the box names itself a player in its class or id (NDR's ``<div class="audioplayer">`` with a title,
    "1 Min" and the station: no word "Audio" in its text)."""
    return bool(_PLAYER_CLASS.search((el.get("class") or "") + " " + (el.get("id") or "")))


def player_and_shop_boxes(tree) -> set[str]:
    """Rule ``player_shop_box`` (switch ``player_shop_boxes``, web16): keys of the texts of the smallest boxes
    (``div``, ``figure``, ``aside``, ``section``, ``li``) that are a video/audio player with its title and duration
    ("<div><span>Video</span><p>So entsteht der neue Hafen</p><span>01:23 Min.</span></div>") or a product box with
    price and shop link ("<div><p><b>Akkuschrauber GSR 12V</b></p><p>Preis: 89,99 €</p><a href=…>Jetzt bei Amazon
    ansehen</a></div>"): their title, product name, price and labels, as body lines."""
    out: set[str] = set()
    for el in tree.iter("div", "figure", "aside", "section", "li"):
        if not _small_box_kind(el):
            continue
        if any(_small_box_kind(x) for x in el.iterdescendants("div", "figure", "aside", "section", "li")):
            continue            # the smallest box only
        out.add(_flat(ws(visible_text(el))))
        out |= {_flat(ws(visible_text(x))) for x in el.iter(*_BOX_LEAVES)}
    out.discard("")
    return out


def _linked_line(el) -> bool:
    """A block whose whole text is one link to another page (4-20 words): another story's headline."""
    links = el.xpath(".//a[@href]")
    href = (links[0].get("href") or "").strip().casefold() if len(links) == 1 else ""
    if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
        return False
    t = ws(visible_text(el))
    return t == ws(links[0].text_content()) and 4 <= len(t.split()) <= 20


def teaser_excerpts(tree) -> set[str]:
    """Rule ``cut_excerpt``: keys of the excerpts of other stories' cards: a paragraph (``p`` or a ``div``
    without blocks, at most 60 words) cut short with "..." or "…" right after a block that is one link to
    another page, its headline ("VW Golf 8 GTI: Gereifter Fahrspaß" / "Die Zusatzbuchstaben GTI … War
    Volkswagen anfangs vom ..."), however the card's heading is set."""
    out = set()
    for el in tree.iter("p", "div"):
        t = ws(visible_text(el))
        if not _leaf_block(el) or not re.search(r"[\w)\]»“\"]\s*(?:\.\.\.|…)$", t) or len(t.split()) > 60:
            continue
        while el.getparent() is not None and el.getparent().tag not in ("body", "article", "main") \
                and ws(visible_text(el.getparent())) == t:
            el = el.getparent()          # the excerpt's own box ("field--teaser-lead")
        prev = el.getprevious()
        while prev is not None and (not isinstance(prev.tag, str) or not ws(visible_text(prev))):
            prev = prev.getprevious()
        if prev is not None and prev.tag in ("p", "div", "h2", "h3", "h4", "h5", "h6") and _linked_line(prev):
            out.add(_flat(t))
    out.discard("")
    return out


# rule ``file_link``: what a download link says besides its name: "(PDF, 245 KB)", "PDF | 1,2 MB", "[DOCX]"
_FILE_NOTE = re.compile(r"^[\s(\[|,:–-]*(?:(?:pdf|docx?|xlsx?|pptx?|odt|jpe?g|png|zip|mp3|mp4|csv)\b[\s,|/–-]*)?"
                        r"(?:\d+(?:[.,]\d+)?\s?(?:kb|mb|gb|kib|mib|bytes?)\b)?[\s)\]]*$", re.I)
_FILE_TYPE = re.compile(r"\b(?:pdf|docx?|xlsx?|pptx?|odt|jpe?g|png|zip|mp3|mp4|csv)\b|\d\s?(?:kb|mb|gb)\b", re.I)


def _file_link(li, t: str) -> bool:
    """Rule ``file_link`` (switch ``file_links``, web16): a list item that is a link and a file note
    ("Pressemitteilung als PDF (PDF, 245 KB)"): a download, never article text."""
    links = li.xpath(".//a[@href]")
    if not links or not web_rules().file_links:
        return False
    rest = t
    for a in links:
        rest = rest.replace(ws(a.text_content()), " ", 1)
    return rest.strip() != t and _FILE_NOTE.match(rest) is not None and bool(_FILE_TYPE.search(rest)) \
        and not rest.strip(" ()[]|,") == ""


def link_items(tree) -> set[str]:
    """Keys of the page's list items that are links and nothing else (lists of other articles, downloads, tags),
    or a link and a file note (rule ``file_link``): as body lines ("- Ampel streitet über Haushalt") they are never
    article text."""
    out = set()
    for li in tree.iter("li"):
        t = ws(li.text_content())
        if not t or len(t) > 200:
            continue
        linked = sum(len(ws(a.text_content())) for a in li.iter("a"))
        if linked >= 0.8 * len(t) or _file_link(li, t):
            out.add(_flat(t))
    out.discard("")
    return out


def _kept_positions(keys: list[str], bkeys: list[str]) -> list[int | None]:
    """Each kept line's block (None where no block matches): kept lines follow the page's order."""
    pos: list[int | None] = []
    j = 0
    for k in keys:
        hit = None
        if k:
            for b in range(j, min(len(bkeys), j + _MATCH_WINDOW)):
                bk = bkeys[b]
                if bk == k or len(k) >= 20 and k in bk or len(bk) >= 20 and bk in k:
                    hit = b
                    break
        pos.append(hit)
        if hit is not None:
            j = hit
    return pos


def _gap_blocks(blocks: list, bkeys: list[str], kept: set[int], first: int, last: int, joined: str) -> set[int]:
    """Blocks between the first and the last kept block that the extractor dropped and are worth restoring: prose,
    or a subheading right before kept text (prose set as a heading: anywhere)."""
    heads = _HEADS
    # a short box or bold line counts as a subheading only after the article's first kept paragraph (over it
    # stand the page's notices and labels)
    prose = min((k for k in kept if len(blocks[k][1].split()) >= 15), default=last)
    return {b for b in range(first + 1, last) if b not in kept and bkeys[b] and bkeys[b] not in joined
            and (_gap_good(*blocks[b][:4])
                 and (blocks[b][0] not in heads or len(blocks[b][1].split()) > 12 or b + 1 in kept and blocks[b][3])
                 and (blocks[b][0] != _PSEUDO_HEAD or b > prose)
                 or blocks[b][0] != "li" and described_label(blocks, bkeys, b))}


def fill_gaps(tree, text: str, blocks: list | None = None) -> str:
    """trafilatura's text with the paragraphs it dropped inside the article put back: a block of the page that
    stands between two blocks it kept (a quote in a widget box, a subheading in a styled wrapper, a paragraph
    in a div it scored low) and is prose or a subheading with few links, and the prose paragraphs it cut off
    at the article's end (:func:`_tail_blocks`). Nothing before its first kept block or after the article's
    container is added, so page furniture around the article stays out; kept blocks of a side column go
    (:func:`side_columns`)."""
    lines = text.split("\n")
    keys = [_flat(x) for x in lines]
    blocks = _page_blocks(tree) if blocks is None else blocks     # ``blocks``: taken before the tree changed
    bkeys = [_flat(b[1]) for b in blocks]
    pos = _kept_positions(keys, bkeys)
    matched = sorted({p for p in pos if p is not None})
    if len(matched) < 2:
        return text
    first, last = matched[0], matched[-1]
    joined = "".join(keys)
    gaps = _gap_blocks(blocks, bkeys, set(matched), first, last, joined) | _lead_blocks(blocks, bkeys, first, joined)
    side = side_columns(blocks, matched)
    if side:
        last = max(b for b in matched if b not in side)
        gaps = {g for g in gaps if g < last}
    tail = [] if side else _tail_blocks(blocks, first, last, joined)
    tail += [] if side else continued_blocks(blocks, first, last, tail[-1] if tail else last, joined)
    if not gaps and not tail and not side:
        return text
    out: list[str] = []
    done: set[int] = set()
    for line, p in zip(lines, pos):
        if p in side:
            continue
        if p is not None:
            for g in sorted(x for x in gaps if x < p and x not in done):
                out.append(blocks[g][1])
                done.add(g)
        out.append(line)
    return "\n".join(out + [blocks[b][1] for b in tail])


_LEAD_SPAN = 6


def _lead_blocks(blocks: list, bkeys: list[str], first: int, joined: str) -> set[int]:
    """The article's lead the extractor dropped: prose paragraphs ending a sentence (not list items, not
    short text in a box with a picture; a heading (h2-h6, not a short box: a label) only right over the
    first kept block, not in the article's ``<header>``) between the headline and its first kept block, when at
    most ``_LEAD_SPAN`` blocks stand between the two and an element below ``<body>`` holds the paragraph, the first
    kept block and the headline (the article's container, not the page)."""
    start = getattr(blocks, "h1_next", None)
    if start is None or not 0 <= first - start <= _LEAD_SPAN or len(blocks[first]) < 5:
        return set()
    ref = blocks[first][4]
    out = set()
    for b in range(start, first):
        tag, text, density, _, chain = blocks[b]
        n = 0
        while n < min(len(chain), len(ref)) and chain[n] == ref[n]:
            n += 1
        head = tag in _HEADS and tag != _PSEUDO_HEAD and b == first - 1 and blocks[b][3] \
            and not any(c in blocks.head_box for c in chain)     # a subheading right over the first kept text
        if tag != "li" and b == first - 1 and described_label(blocks, bkeys, b) and bkeys[b] not in joined:
            out.add(b)      # the post's own subheading or label, as its description shows
            continue
        if not any(ref[k] in blocks.h1_chain for k in range(2, n)) or tag in _HEADS and not head or tag == "li" \
                or b in blocks.pictured \
                or not bkeys[b] or bkeys[b] in joined or not _gap_good(tag, text, density) \
                or not head and not re.search(r"[.!?…][\"“”'’»«)]*$", text):
            continue        # a lead is sentences (a promotion box's "… mit 66 % Rabatt" is not)
        out.add(b)
    return out


def _tail_blocks(blocks: list, first: int, last: int, joined: str) -> list[int]:
    """The article's paragraphs the extractor cut off at its end: the run of prose paragraphs (``p``, 8+ words
    with a sentence end or 15+, few links) right after its last kept block, inside the innermost element that
    holds its first and its last kept block (the article body; not the page wrapper: it must lie below
    ``<body>``'s child). The run ends at the first block that is not such a paragraph."""
    if len(blocks[first]) < 5:
        return []
    a, b = blocks[first][4], blocks[last][4]
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    if n < 4:            # the blocks share only <html>, <body> or a page wrapper: no article container
        return []
    box = a[:n]
    out = []
    for i in range(last + 1, min(len(blocks), last + 40)):
        if not _tail_prose(blocks, i, box, joined):
            break
        out.append(i)
    return out


def continued_blocks(blocks: list, first: int, last: int, end: int, joined: str) -> list[int]:
    """Rule ``continued_text`` (dump18, switch ``continued_text``): the article's text goes on in a second container
    of the same kind after a box between its paragraphs (SPIEGEL's ``<div data-area="text_block"><div
    class="RichText …">`` blocks around a "Mehr zum Thema" box): the blocks after ``end`` (the last block kept or
    put back) that stand in a container with the same class as the one holding the kept blocks, under the same
    element two levels up, are the article's when they are prose or subheadings; blocks between (the box) stay
    out. The run ends at the first block outside that element, or at a block of such a container that is neither
    prose nor a subheading."""
    if not web_rules().continued_text or len(blocks[first]) < 5:
        return []
    a, b = blocks[first][4], blocks[last][4]
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    box = a[:n]
    cls = _container_class(blocks, box[-1]) if n >= 4 else ""
    if not cls:
        return []
    out = []
    for i in range(end + 1, min(len(blocks), end + 40)):
        tag, text, density, _, chain = blocks[i]
        if chain[:n - 2] != box[:-2]:
            break           # outside the element that holds the article's containers
        if len(chain) < n or chain[n - 1] == box[-1] or _container_class(blocks, chain[n - 1]) != cls:
            continue        # a box between (related links, an ad): not the article's text
        if not _gap_good(tag, text, density) or tag not in ("p", "div", *_HEADS):
            break
        if _flat(text) not in joined:
            out.append(i)
    return out if any(blocks[i][0] in ("p", "div") for i in out) else []


def _container_class(blocks, pos: int) -> str:
    """The class and id of the container at ``pos``; "" for none and for a layout table's cell (its columns are
    no containers of one kind)."""
    info = blocks.info.get(pos, ("",))[0]
    return "" if info.endswith(" col") else info.strip()


def _tail_prose(blocks: list, i: int, box: tuple, joined: str) -> bool:
    """Block ``i`` is a prose paragraph (``p``/``div``) of the article's container the extractor did not keep."""
    if i >= len(blocks):
        return False
    tag, text, density, _, chain = blocks[i]
    return chain[:len(box)] == box and tag in ("p", "div") and _gap_good(tag, text, density) and _flat(text) not in joined


@dataclass
class HtmlPage:
    meta: PageMeta
    lines: list[str]
    captions: list[str]
    url: str | None
    headings: frozenset[str] = frozenset()      # keys of the article's own subheadings (:func:`subheadings`)


def subheadings(tree) -> frozenset[str]:
    """Rule ``subheading_pair`` (switch ``subheading_pairs``): the texts (lower case, words only) of the page's
    ``<h2>``-``<h6>`` of 2-15 words with no link in or around them. The shared clean-up takes a short line over
    a short headline for a teaser box of another story (a kicker, a linked headline); two of the article's own
    subheadings in a row ("Keine Entwarnung" / "Was die neuen Regeln bedeuten", or one over a picture and one
    under it) look the same in the text, but in HTML the first is a heading that links nowhere."""
    out = set()
    for h in tree.iter("h2", "h3", "h4", "h5", "h6"):
        t = ws(h.text_content())
        if 2 <= len(t.split()) <= 15 and next(h.iter("a"), None) is None \
                and not any(a.tag == "a" for a in h.iterancestors()):
            out.add(re.sub(r"\W+", " ", t).strip().lower())
    return frozenset(out)


def _article_text(tree, rules: WebRules) -> tuple[str, str | None]:
    """(article text, url) by trafilatura on the pruned tree with its dropped in-article blocks put back; the
    page's paragraphs when it finds nothing; "" when there is no prose at all (empty_body)."""
    pruned = prune_tree(tree, rules)
    blocks = _page_blocks(pruned) if rules.fill_gaps else []
    text, t_url = _trafilatura_text(pruned, own=True)     # trafilatura may change the pruned copy
    if text.strip() and rules.fill_gaps:
        text = fill_gaps(pruned, text, blocks)
    if not text.strip():
        text = fallback_text(tree)
        if not any(len(x.split()) >= 10 for x in text.split("\n")):
            text = ""                   # labels and links only, no prose: no article (empty_body)
    return text, t_url


def _complete_meta(meta: PageMeta, tree, text: str, rules: WebRules, t_url: str | None) -> None:
    """Fill what the markup did not give: the date (htmldate, then a date line at the top of the text), the
    url, the authors from a byline among the first lines."""
    if meta.published_at is None:
        got = _htmldate(tree)
        if got:
            meta.published_at, meta.published_precision = got
            meta.published_source = "htmldate"
    if meta.published_at is None:      # no date in the markup: a date line at the top of the article text
        got = top_date(text.split("\n")[:8], rules) or byline_date(text.split("\n")[:12])
        if got:
            meta.published_at, meta.published_precision = got
            meta.published_source = "visible"
    elif meta.published_source == "meta":   # a generic meta date on a later day than the "Stand:" line shown
        got = top_date(text.split("\n")[:8], rules, updates=True)
        if got:
            meta.published_at, meta.published_precision = earlier_shown(
                (meta.published_at, meta.published_precision), got)
    meta.published_at = to_storage(meta.published_at, meta.published_precision)
    meta.url = meta.url or t_url
    if not meta.authors:
        meta.authors = byline_authors(text.split("\n")[:12], rules, meta.site_names)
    if not meta.authors:      # as in page dumps: an author box ("Autor" over the name) or an author note
        from pipeline.web.dump import inline_author, labelled_author
        lines = page_lines(tree)
        meta.authors = labelled_author(lines) or inline_author(lines)


_LINE_BLOCKS = ("p", "div", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
                "header", "figcaption", "address")


def page_lines(tree) -> list[str]:
    """The page from its headline on as a text browser sets it, one innermost block a line, without menus,
    footers, asides and boxes of other content: where a page dump's author box and author note are found."""
    from pipeline.web.htmlmeta import _headline_elements, _outside_furniture
    heads = _headline_elements(tree)
    started = not heads
    out: list[str] = []
    outer: set[int] = set()             # blocks holding another block: their inner blocks make the lines
    keep = []
    for el in tree.iter(*_LINE_BLOCKS):
        keep.append(el)
        for a in el.iterancestors():
            if id(a) in outer:
                break
            outer.add(id(a))
            keep.append(a)
    for el in tree.iter():
        if heads and el is heads[0]:
            started = True
        if not started or not isinstance(el.tag, str) or el.tag not in _LINE_BLOCKS or id(el) in outer:
            continue
        if any(a.tag in ("nav", "footer", "aside", "form") for a in el.iterancestors()) or not _outside_furniture(el):
            continue
        t = ws(visible_text(el))
        if t:
            out.append(t)
        if len(out) >= 400:
            break
    return out


def _boxes_and_links_out(tree, lines: list[str], captions: list[str]) -> list[str]:
    """Captions of image boxes move to ``captions`` (unless the body would be left with under 40 words), list
    items that are only links go."""
    boxes = image_box_texts(tree) + caption_box_texts(tree) + alt_caption_texts(tree) + [_flat(c) for c in captions]
    moved = []
    for x in lines:
        k = _flat(x) if 3 <= len(x.split()) <= 80 else ""
        if k and any(k in b and len(k) >= 0.5 * len(b) for b in boxes if len(b) <= 2 * len(k)):
            moved.append(x)
    if moved and sum(len(x.split()) for x in lines if x not in moved) >= 40:
        have = {_flat(c) for c in captions}     # a caption with its credit in an image box (once, without a "# " mark)
        for x in moved:
            x = re.sub(r"^[#>*•-]+\s+", "", x)
            if _flat(x) not in have:
                captions.append(x)
                have.add(_flat(x))
        lines = [x for x in lines if x not in moved]
    links = link_items(tree)
    lines = [x for x in lines if not (re.match(r"^[-•*]\s+\S", x) and _flat(re.sub(r"^[-•*]\s+", "", x)) in links)]
    heads = linked_headlines(tree) | teaser_excerpts(tree) | card_list_heads(tree)
    if web_rules().card_runs:
        heads |= card_runs(tree)
    if web_rules().player_shop_boxes:
        heads |= player_and_shop_boxes(tree)
    if web_rules().single_cards:
        heads |= single_cards(tree)
    heads |= credit_class_lines(tree) | class_boxes(tree)
    if heads:
        lines = [x for x in lines if _flat(re.sub(r"^(?:[>»›→▶►•*-]+\s*)+", "", x)) not in heads]
    return lines


def without_repeats(lines: list[str], title: str | None = None) -> list[str]:
    """Rule ``repeated_paragraph``: a line of 6+ words that the body has already, or one of 10+ words that a
    longer line holds (a pull quote repeating a sentence of the text, a teaser repeated further down; a
    subheading quoting a phrase of the text is shorter and stays), goes: its roles and claims would count twice.
    Rule ``repeated_title``: a line that is the ``title`` (2+ words) goes too ("Urteil" / "BGH: marions-kochbuch.de"
    under a side menu, the headline over a repeated lead)."""
    keys = [_flat(x) for x in lines]
    seen: set[str] = set()
    title_key = _flat(title) if title and len(title.split()) >= 2 else None
    out = []
    for i, (x, k) in enumerate(zip(lines, keys)):
        n = len(x.split())
        near = keys[max(0, i - _REPEAT_WINDOW): i + _REPEAT_WINDOW]    # a pull quote stands near its sentence
        if k and (n >= 6 and k in seen or n >= 10 and any(len(o) > len(k) and k in o for o in near)
                  or k == title_key):
            continue
        seen.add(k)
        out.append(x)
    return out


_REPEAT_WINDOW = 40


_LABEL_INNER_BLOCKS = tuple(_INNER_BLOCKS - {"h1", "h2", "h3", "h4", "h5", "h6"})   # a label holds none of these


def without_stray_labels(lines: list[str], tree) -> list[str]:
    """Rule ``stray_label``: a box label ("Newsletter", "Kommentare": a block marker of the text clean-up) whose
    box holds no link goes alone: the box's form or notice is already gone, and the clean-up would take the
    article's next lines (a subheading, a list) for the box's links. A label of a box of links ("Lesen Sie
    auch:" over three headlines) stays for the clean-up to drop with them."""
    from pipeline.ingest import BLOCK_MARKER_LINE
    marks = {ws(x) for x in lines if ws(x) and BLOCK_MARKER_LINE.match(ws(x))}
    if not marks:
        return lines
    stray = set()
    for el in tree.iter("h2", "h3", "h4", "h5", "h6", "div", "p", "span", "strong", "b", "header"):
        t = ws(el.text_content())
        if t in marks and t not in stray and next(el.iterdescendants(*_LABEL_INNER_BLOCKS), None) is None:
            box = el.getparent()
            if box is not None and box.tag not in ("body", "article", "main") \
                    and not box.xpath(".//a[@href]") and not any(a.tag == "a" for a in el.iterancestors()):
                stray.add(t)
    return [x for x in lines if ws(x) not in stray] if stray else lines


_SHORT_RUN = 4          # rule ``short_line_run``: this many labels in a row are a menu, not article text


def _label_line(line: str, links: set[str]) -> bool:
    """A line of 1-3 words without a sentence end, a colon or a list mark that is a link's whole text on the
    page or a number ("Startseite", "Politik", "24")."""
    s = ws(line)
    return bool(s) and len(s.split()) <= 3 and not re.search(r"[.!?:…]$|:\s", s) and not _LIST_ITEM.match(s) \
        and (s.isdigit() or _flat(s) in links)


def without_label_runs(lines: list[str], tree) -> list[str]:
    """Rule ``short_line_run``: runs of ``_SHORT_RUN`` or more label lines (:func:`_label_line`; blank lines
    between them do not count) go: a menu ("Startseite / Baselbiet / Politik / Kultur"), a row of share or
    comment counters ("10 / 24 / 15 / 65") that the page did not mark as such. jusText's rule in short: short
    link blocks among short blocks are boilerplate. A fact box ("Alter: 45") has colons, a list its marks, a
    recipe's ingredients ("1 TL Absinth") are no links."""
    links = {_flat(a.text_content()) for a in tree.iter("a")}
    idx = [i for i, x in enumerate(lines) if ws(x)]
    drop: set[int] = set()
    run: list[int] = []
    for i in idx + [None]:
        if i is not None and _label_line(lines[i], links):
            run.append(i)
            continue
        if len(run) >= _SHORT_RUN:
            drop.update(run)
        run = []
    return [x for i, x in enumerate(lines) if i not in drop] if drop else lines


_CONSENT = re.compile(r"cookie|\b(?:de)?aktivieren\b|datenschutz|einstellungen\b|einwillig|tracking|opt-out", re.I)
_SITE_VOICE = re.compile(r"\b(?:Sie|Ihnen|Ihre?[mnrs]?|wir|uns|unsere?[mnrs]?|Website|Webseite|Besucher\w*|"
                         r"[Kk]licken)\b")
_CONSENT_SHORT = 8      # rule ``consent_run``: a line of at most this many words takes its neighbours' class
_CONSENT_MIN = 3        # cookie lines a settings panel has at least


def _consent_class(line: str) -> str:
    """A body line as :func:`without_consent_runs` sees it: "bad" (speaks of cookies, consent, privacy
    settings), "short" (at most ``_CONSENT_SHORT`` words, or no German prose: a table cell "_ga", an English
    sentence), else "good"."""
    s = ws(line)
    if _CONSENT.search(s):
        return "bad"
    if len(s.split()) <= _CONSENT_SHORT or _stopword_share(s) < _PROSE_STOPWORDS:
        return "short"
    return "good"


def _consent_run_ok(run: list[str], total_words: int) -> bool:
    """A run of bad and short lines is a settings panel: ``_CONSENT_MIN`` lines about cookies, two of them
    in the site's voice ("Wir verwenden Cookies …", "… um Ihnen …", "der Website"), at most half the body."""
    cookie = [x for x in run if "cookie" in x.casefold()]
    return len(cookie) >= _CONSENT_MIN and sum(bool(_SITE_VOICE.search(x)) for x in cookie) >= 2 \
        and sum(len(x.split()) for x in run) <= total_words / 2


def without_consent_runs(lines: list[str]) -> list[str]:
    """Rule ``consent_run`` (jusText's neighbourhood in short): a cookie-settings panel the page did not mark
    ("Notwendige Website Cookies" / "Diese Cookies sind unbedingt erforderlich, um Ihnen …" / "Hier klicken, um
    Google Maps zu aktivieren/deaktivieren." / "Cookie" / "Dauer" / "_ga"): a run of lines about cookies,
    consent or privacy settings and short lines among them (:func:`_consent_class`; short lines at its edges
    stay) goes when it is a panel (:func:`_consent_run_ok`). A line of article prose ends the run: an article
    about cookie banners keeps its paragraphs."""
    idx = [i for i, x in enumerate(lines) if ws(x)]
    total = sum(len(lines[i].split()) for i in idx) or 1
    cls = {i: _consent_class(lines[i]) for i in idx}
    drop: set[int] = set()
    run: list[int] = []
    for i in idx + [None]:
        if i is not None and cls[i] != "good":
            run.append(i)
            continue
        while run and cls[run[-1]] == "short":
            run.pop()
        while run and cls[run[0]] == "short":
            run.pop(0)
        if run and _consent_run_ok([lines[j] for j in run], total):
            drop.update(run)
        run = []
    return [x for i, x in enumerate(lines) if i not in drop] if drop else lines


_PAYWALL_WORDS = 30     # rule ``paywall_tail``: a paywall line says its offer in at most this many words
_READER_VOICE = re.compile(r"\b(?:Ich|ich|mir|mein\w*)\b")
_PRICE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:€|Euro\b|EUR\b|CHF\b|Franken\b)")


def _paywall_class(line: str, words: tuple[re.Pattern, ...]) -> str:
    """A body line as :func:`without_paywall_tail` sees it: "bad" (a subscription, log-in or reader-revenue
    line of at most ``_PAYWALL_WORDS`` words: ``paywall_patterns`` of web.yaml; a label of at most
    ``_CONSENT_SHORT`` words, a line that speaks to or for the reader, or an offer with its price), "short" (as
    for consent panels), else "good"."""
    s = ws(line)
    n = len(s.split())
    if n <= _PAYWALL_WORDS and any(p.search(s) for p in words) \
            and (n <= _CONSENT_SHORT or _SITE_VOICE.search(s) or _READER_VOICE.search(s) or _PRICE.search(s)):
        return "bad"      # a sentence of narration ("…, musste die Werft Insolvenz anmelden.") is prose
    c = _consent_class(s)
    return c if c != "bad" else "good"


class _LazyClasses(dict):
    """:func:`_paywall_class` of a body line, computed when first asked for."""

    def __init__(self, lines: list[str], words: tuple[re.Pattern, ...]):
        super().__init__()
        self.lines, self.words = lines, words

    def __missing__(self, i: int) -> str:
        c = self[i] = _paywall_class(self.lines[i], self.words)
        return c


_PAYWALL_AFTER = 2      # rule ``paywall_tail``: lines of prose the box may stand before (a credit, a thank-you)


def _paywall_run(lines: list[str], idx: list[int], cls: "_LazyClasses",
                 words: tuple[re.Pattern, ...]) -> list[int]:
    """The last run of subscription and short lines with at most ``_PAYWALL_AFTER`` lines of prose after it,
    from its first subscription line to its last (to the body's end when it reaches it); [] where none. A run
    counts with two subscription lines, or one that says two things of ``paywall_patterns`` ("Sie möchten
    diesen Artikel vollständig lesen? Mit F+ erhalten Sie Zugriff auf alle Inhalte …": what the earlier clean-up
    leaves of a box whose other lines it knew)."""
    k = len(idx)
    good_after = 0
    while k > 0:
        end = k
        while k > 0 and cls[idx[k - 1]] != "good":
            k -= 1
        run = idx[k:end]
        bad = [j for j in run if cls[j] == "bad"]
        if len(bad) >= 2 or bad and sum(bool(p.search(lines[bad[0]])) for p in words) >= 2:
            return run[run.index(bad[0]):] if end == len(idx) else run[run.index(bad[0]):run.index(bad[-1]) + 1]
        while k > 0 and cls[idx[k - 1]] == "good":
            k -= 1
            good_after += 1
            if good_after > _PAYWALL_AFTER:
                return []
    return []


def without_paywall_tail(lines: list[str], words: tuple[re.Pattern, ...]) -> list[str]:
    """Rule ``paywall_tail``: the box a paid or reader-funded article ends with, unmarked ("Möchten Sie
    weiterlesen?" / "Ja. Ich bin Abonnent." / "Anmelden" / "Haben Sie noch kein Konto? Registrieren Sie sich hier" /
    "Ja. Ich benötige ein Abo."; "Guter Journalismus kostet Geld. Deshalb bietet die RNZ das RNZonline-Abo an."):
    the body's last run of subscription lines and short lines (no line of prose in it; at most two lines of prose
    after it, which stay) goes when two of its lines are about subscriptions (or one says two such things), one
    of them speaks to or for the reader ("Sie", "Ihr", "wir", "unser", "ich") and the run is at most half the
    body. Short lines before its first subscription line stay; an article about subscriptions ends in prose and
    keeps its paragraphs."""
    idx = [i for i, x in enumerate(lines) if ws(x)]
    cls = _LazyClasses(lines, words)      # from the end only as far as the walk goes: long pages stay cheap
    run = _paywall_run(lines, idx, cls, words)
    bad = [j for j in run if cls[j] == "bad"]
    total = sum(len(lines[i].split()) for i in idx)
    voiced = any(_SITE_VOICE.search(lines[j]) or _READER_VOICE.search(lines[j]) for j in bad)
    if not voiced or 2 * sum(len(lines[j].split()) for j in run) > total:
        return lines
    drop = set(run)
    return [x for i, x in enumerate(lines) if i not in drop]


def paywall_tail(lines: list[str]) -> list[str]:
    """The body lines after the shared clean-up (whose last lines it has already trimmed) without an unmarked
    paywall box at their end (switch ``paywall_tail``; :func:`without_paywall_tail`)."""
    rules = web_rules()
    return without_paywall_tail(lines, rules.paywall_patterns) if rules.paywall_tail else lines


def dump_body_tail(lines: list[str], title: str | None) -> list[str]:
    """A page dump's body lines after the seed reader's clean-up (header, captions and notices gone): without an
    unmarked paywall box at their end (:func:`paywall_tail`) and, with the switch ``repeated_paragraphs``, without
    lines printed twice or the ``title`` again (:func:`without_repeats`, rules ``repeated_paragraph`` and
    ``repeated_title``: a lead or caption printed twice, a side box repeated; a copy the reader moved out first,
    as teaser or caption, never costs the body its text)."""
    lines = paywall_tail(lines)
    return without_repeats(lines, title) if web_rules().repeated_paragraphs else lines


def dump_boxes_out(lines: list[str]) -> list[str]:
    """A page dump's article lines before the seed reader's clean-up (which drops their short label lines
    first): without a comment section under the article (:func:`without_comments`: "Kommentare (3)" over
    "Bergfreund77 vor 2 Stunden" …) and, with the switch ``author_boxes``, an author box
    (:func:`without_author_box`; ingest17)."""
    rules = web_rules()
    lines = without_comments(_head_lines_out(lines, rules), rules)
    return without_author_box(lines, rules.author_box_labels) if rules.author_boxes else lines


def _head_lines_out(lines: list[str], rules: WebRules) -> list[str]:
    """Rule ``dump_head_lines`` (ingest17): a page dump's article lines without the date lines and bylines (a
    person's name by :func:`byline_authors`, no sentence end) that open them, as the HTML route drops them (:func:`strip_furniture`): "Erstellt: 07.12.2026, 10:45
    Uhr", "Von: Anna Maier", "Aktualisiert am 07.12.2026 – 10:45 UhrLesedauer: 3 Min."; only among the first
    four lines of text and before the first line of more than 30 words."""
    out, seen, done = [], 0, False
    for x in lines:
        s = ws(x)
        if s and not done:
            if is_date_line(s, rules) or s.casefold() in rules.skip_lines or len(s.split()) <= 16 \
                    and not re.search(r"[.!?]$", s) and byline_authors([s], rules, set()):
                continue        # a byline names a person ("Von: Anna Maier"), not "Von Montag an gilt …"
            seen += 1
            done = seen >= 4 or len(s.split()) > 30
        out.append(x)
    return out


_NOTE_VERB = r"(?:ist|war|arbeitet|schreibt|lebt|studierte|leitet|berichtet|volontierte|hat|betreut|verantwortet)"


def is_author_note(line: str, authors: list[str]) -> bool:
    """A note on the author at the end of the article ("Anna Maier ist seit 2015 Redakteurin im Lokalteil …",
    "Die Autorin ist freie Journalistin in Berlin."): the author's name, or "Der Autor"/"Die Autorin"/"Unser
    Autor", then a verb of the note; at most 60 words."""
    s = ws(line)
    if not s or len(s.split()) > 60:
        return False
    names = [re.escape(a) for a in authors if a]
    tail = rf"(?:\s*\([^)]{{1,40}}\))?,?\s+(?:\S+\s+)?{_NOTE_VERB}\b"
    if names and re.match(rf"(?:(?:über|zum|zur) (?:den |die )?(?:autor|autorin)\W*)?(?:{'|'.join(names)}){tail}", s, re.I):
        return True
    # "Der Autor ist …" of a book review is the book's author: the note names the writer's trade
    return bool(re.match(rf"(?:der|die|unser|unsere) (?:gast)?(?:autor|autorin|verfasser|verfasserin){tail}", s, re.I)
                and re.search(r"\b(?:journalist|redakteur|korrespondent|publizist|volontär|blogger|kolumnist|"
                              r"mitarbeiter|reporter)\w*|\b(?:schreibt|arbeitet) (?:als|für|bei)\b", s, re.I))


# "Mehr von Anna Maier", "Alle Artikel von Anna Maier", "Weitere Beiträge der Autorin": the author box's link
_MORE_BY = re.compile(r"(?:mehr|alle|weitere)(?: (?:artikel|beiträge|texte|geschichten))? (?:von|vom|der|des) "
                      r"(?:autor(?:in)?|\S+(?: \S+){0,3})", re.I)


def _bio_line(line: str) -> bool:
    """A line of an author box under its label: a person's note (a name of 1-4 capitalised words, or "Die
    Autorin", then a note verb; at most 60 words) or the box's link to the author's other stories."""
    s = ws(line)
    if not s or len(s.split()) > 60:
        return False
    if len(s.split()) <= 8 and _MORE_BY.fullmatch(s.rstrip(" »›>→")):
        return True
    name = r"(?:(?:Dr\.|Prof\.) )?[A-ZÄÖÜ][\w.'-]+(?: (?:von |van |de |zu )?[A-ZÄÖÜ][\w.'-]+){0,3}"
    return bool(re.match(rf"(?:{name}|(?:der|die|unser|unsere) (?:autor|autorin|verfasser|verfasserin))"
                         rf"(?:\s*\([^)]{{1,40}}\))?,?\s+(?:\S+\s+)?{_NOTE_VERB}\b", s, re.I if s[:3].lower()
                         in ("der", "die", "uns") else 0))


def without_author_box(lines: list[str], labels: tuple[re.Pattern, ...]) -> list[str]:
    """The body without an author box (rule ``author_box``, switch ``author_boxes``): a label line of
    ``author_box_labels`` ("Über die Autorin", "Zum Autor") in the second half of the body's words whose next
    line is a note on a person ("Anna Maier ist Redakteurin im Ressort Politik …", :func:`_bio_line`); the
    label, that note and up to two more note or "Mehr von Anna Maier" lines right after it go. The note need not
    name the page's author (:func:`without_author_note` needs that): the label says what the box is."""
    total = sum(len(x.split()) for x in lines) or 1
    seen, i, out = 0, 0, []
    while i < len(lines):
        s = ws(lines[i])
        nxt = [j for j in range(i + 1, len(lines)) if ws(lines[j])][:3]
        if seen >= total / 2 and s and len(s.split()) <= 5 and any(p.fullmatch(s.rstrip(":")) for p in labels) \
                and nxt and _bio_line(lines[nxt[0]]):
            end = nxt[0] + 1
            for j in nxt[1:]:
                if not _bio_line(lines[j]):
                    break
                end = j + 1
            i = end
            continue
        seen += len(s.split())
        out.append(lines[i])
        i += 1
    return out


def without_author_note(lines: list[str], authors: list[str]) -> list[str]:
    """The last lines without a note on the author (:func:`is_author_note`): up to two of the last three."""
    idx = [i for i, x in enumerate(lines) if ws(x)][-3:]
    drop = {i for i in idx if is_author_note(lines[i], authors)}
    if not drop or len(drop) > 2 or len(idx) - len(drop) < 1:
        return lines
    return [x for i, x in enumerate(lines) if i not in drop]
_MATCH_WINDOW = 400


def read_html_page(html: str) -> HtmlPage:
    """Metadata and furniture-free body lines of a page (the caller runs the shared line clean-up)."""
    rules = web_rules()
    tree = parse_tree(html)
    if tree is None:
        return HtmlPage(PageMeta(), [], [], None)
    meta = page_meta(tree, rules)
    text, t_url = _article_text(tree, rules)
    _complete_meta(meta, tree, text, rules, t_url)
    heads = head_forms(tree, meta, rules)
    profile = rules.site(_host_of(meta.url))
    f = Furniture(heads=heads, teaser=meta.teaser, authors=meta.authors,
                  patterns=profile.drop_patterns() if profile else [],
                  standfirst=not rules.standfirst_in_body and _bold_standfirst(tree, meta.teaser))
    lines = strip_furniture(without_comments(without_ads(text.split("\n"), rules), rules), f, rules)
    captions = page_captions(tree)
    lines = _boxes_and_links_out(tree, lines, captions)
    if rules.repeated_paragraphs:          # rules repeated_paragraph, repeated_title
        lines = without_repeats(lines, meta.title)
    lines = without_author_note(lines, meta.authors)
    if rules.author_boxes:
        lines = without_author_box(lines, rules.author_box_labels)
    if rules.label_runs:
        lines = without_label_runs(lines, tree)
    if rules.stray_labels:
        lines = without_stray_labels(lines, tree)
    if rules.consent_runs:
        lines = without_consent_runs(lines)
    if rules.paywall_tail:      # the whole box; ingest.parse_html runs it again after the shared clean-up
        lines = without_paywall_tail(lines, rules.paywall_patterns)      # (then the junk after a box is gone)
    found = _page_lead(tree)
    lead = found[0] if found else None
    if lead and found[1] and meta.teaser and _key(lead) == _key(meta.teaser) and not rules.standfirst_in_body:
        lead = None     # a standfirst in the article's header block (with the headline): the teaser field
    if lead and not f.standfirst and not any(_key(lead) in _key(x) or _key(x) == _key(lead) for x in lines if x):
        lines = [lead, ""] + lines      # trafilatura drops intro/teaser-marked leads: they are article text
    return HtmlPage(meta, lines, captions, meta.url, subheadings(tree) if rules.subheading_pairs else frozenset())


_LEAD_CLASS = re.compile(r"(?:^|[\s_-])(?:intro|lead|leadtext|teaser-text|standfirst|vorspann|kurztext|"
                         r"article-intro|article-lead|summary|abstract|excerpt)(?=$|[\s_-])", re.I)


def page_lead(tree) -> str | None:
    """The article's lead paragraph when the page marks it (class intro/lead/teaser-text/…), inside the
    article or main content or after the headline, not in a link or a box of other content."""
    found = _page_lead(tree)
    return found[0] if found else None


def _page_lead(tree) -> tuple[str, bool] | None:
    """(lead text, whether it stands in the article's ``<header>`` with the headline: a standfirst)."""
    from pipeline.web.htmlmeta import _headline_elements, _outside_furniture
    heads = _headline_elements(tree)
    elems = list(tree.iter())          # keeps the element proxies alive, so their ids stay unique
    order = {id(e): i for i, e in enumerate(elems)}
    after = order.get(id(heads[0]), 10 ** 9) if heads else 10 ** 9
    found = _teaser_class_lead(tree, heads[0]) if heads else None
    if found:
        return found
    for e in tree.iter("p", "div", "span", "section"):
        if not _LEAD_CLASS.search(e.get("class") or ""):
            continue
        in_article = any(a.tag in ("article", "main") for a in e.iterancestors()) or order.get(id(e), -1) > after
        if not in_article or any(a.tag == "a" for a in e.iterancestors()) or not _outside_furniture(e):
            continue
        t = ws(visible_text(_lead_block(e)))
        t = re.sub(r"^\d{1,2}\.\d{1,2}\.\d{2,4},?\s*(?:\d{1,2}[:.]\d{2}\s*(?:Uhr)?)?\s*", "", t)  # a date glued before it
        if 10 <= len(t.split()) <= 120:
            return t, any(a.tag == "header" and next(a.iter("h1"), None) is not None for a in e.iterancestors())
    return None


_LEAD_INNER = ("p", "div", "section", "header", "ul", "ol", "table", "figure", "blockquote", "h2", "h3", "h4")


def _lead_block(e):
    """The lead element itself, or, when it is a box of blocks (a date line, a byline, a reading time and the
    lead paragraph: ``<div class="intro"><p>Stand: …</p><p>Von …</p><p>Der Stadtrat hat …</p></div>``), its
    first innermost block of 10+ words: the box's other lines are no lead, and read together they glue into
    one ("Stand: 07.12.2026Von Anna MaierDer Stadtrat …"; rule ``lead_block``)."""
    inner = [c for c in e.iter(*_LEAD_INNER) if c is not e]
    if not inner:
        return e
    for c in inner:
        if not any(True for d in c.iter(*_LEAD_INNER) if d is not c) and len(ws(visible_text(c)).split()) >= 10:
            return c
    return e


_TEASER_LEAD_CLASS = re.compile(r"(?:^|[\s_-])(?:teaser|article-teaser|text-teaser|story-teaser)(?=$|[\s_])", re.I)


def _teaser_class_lead(tree, head) -> tuple[str, bool] | None:
    """The lead paragraph many German CMSs mark "teaser" (a word that elsewhere marks cards of other stories):
    only the first prose block after the headline (10-120 words), a ``p`` or a ``div`` without links, that
    nothing of the page's prose comes before."""
    seen = False
    for e in tree.iter():
        if e is head:
            seen = True
            continue
        if not seen or not isinstance(e.tag, str) or e.tag not in ("p", "div"):
            continue
        t = ws(visible_text(e))
        if len(t.split()) < 10 or any(isinstance(c.tag, str) and c.tag in ("p", "div") for c in e):
            continue          # a wrapper: its inner blocks come on their own
        if not _TEASER_LEAD_CLASS.search(e.get("class") or "") or next(e.iter("a"), None) is not None \
                or any(a.tag == "a" for a in e.iterancestors()) or len(t.split()) > 120:
            return None       # the first prose block is not such a lead
        return t, any(a.tag == "header" and next(a.iter("h1"), None) is not None for a in e.iterancestors())
    return None


def _host_of(url: str | None) -> str | None:
    from urllib.parse import urlparse
    try:
        return urlparse(url).hostname if url else None
    except ValueError:
        return None
