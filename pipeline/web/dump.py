"""Find the article in a full-page text dump (what a text browser or a naive scraper saves of a page).

A dump holds the whole page: menus, cookie notices, teasers for other articles, footers. The article is
found the way jusText finds it in HTML (Pomikálek 2011), on lines instead of HTML blocks:

1. every non-blank line is a paragraph; lines seen on other pages of the same site (``repeated``) are
   boilerplate, as are menu items (bullets with few words), image and form markers;
2. context-free class by length and German stopword density: ``good`` (long, enough stopwords), ``neargood``,
   ``short``, ``bad``;
3. context: a short or near-good paragraph between good ones becomes good, between bad ones bad; a heading
   shortly before good text is kept;
4. the article is the largest cluster of good paragraphs (a break of 3+ lines without text of their own
   ends a cluster: short lines made good by their neighbours count as a break, so "headline / 66 Likes /
   Wildtiere" between teasers of other articles separates them); a neighbouring cluster of 2+ good paragraphs and 300+ characters within 12 lines joins it (the
   article after an ad box or a picture gallery), single good paragraphs around it (teasers of other
   articles) do not;
5. the headline is the headline-like line before the article that the body's topic words point to (most
   content words shared with the body, nearest first), its kicker the short line above it.

The result is a seed-format text (kicker, headline, the header lines with date and byline, body) for
:func:`pipeline.ingest.parse_scraped_text`, which recovers byline, date and title as for the seed.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from pipeline.web.profile import DumpParams, web_rules

_MARKER = re.compile(r"^\s+[•◦▪·□■]\s|^\s*\[[^\]\n]{0,40}\]|\[\s{3,}\]|^\s*[━─═]{10,}\s*$")
_BULLET = re.compile(r"^\s*[•◦▪·*□■]\s+|^\s+\d{1,2}\.\s+")   # on raw lines: "  • Suche", "  1. Politik"
_BRACKETS = re.compile(r"\[[^\]\n]{0,60}\]")
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+(?:-[A-Za-zÄÖÜäöüß]+)*")
_WS = re.compile(r"[ \t\u00a0\u2007\u202f]+")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    try:
        import justext
        return frozenset(w.casefold() for w in justext.get_stoplist("German"))
    except Exception:  # noqa: BLE001 - jusText ships with trafilatura; without it a small list
        return frozenset("der die das und in zu den von mit sich des auf für ist im dem nicht ein eine als auch "
                         "es an er hat aus bei sind noch nach wird wie einem über einen so zum war haben nur "
                         "oder aber vor zur bis mehr durch man sein wurde sei kann gegen vom können schon wenn "
                         "habe seine ihre dann unter wir soll ich eines jahr zwei jahren diese dieser wieder "
                         "keine seiner worden will zwischen immer was sagte gibt alle diesem seit muss doch "
                         "jetzt ihr sie".split())


def is_page_dump(text: str) -> bool:
    """A text-browser/scraper dump of a whole page rather than an article text: text-browser markers
    (indented bullets, [image] and form markers, rules) on 5+ lines, or 150+ lines mostly of 1-4 words."""
    lines = text.split("\n")
    marks = sum(1 for ln in lines if _MARKER.search(ln))
    if marks >= 5:
        return True
    ne = [ln for ln in lines if ln.strip()]
    if len(ne) >= 150 and sum(len(ln.split()) <= 4 for ln in ne) / len(ne) >= 0.6:
        return True
    from pipeline.web.dump_evidence import is_page     # dump19: a short page by its skip link, consent, footer
    return is_page(text)


_GLUED_DATE = re.compile(r"(\b\d{1,2}\.\s?(?:\d{1,2}\.|[A-Za-zäÄ]{3,9}\s)\s?\d{4})(?=\d)")


def norm(line: str) -> str:
    """Whitespace normalised; two dates a text browser glued together ("19.11.202119.11.2021") split."""
    return _GLUED_DATE.sub(r"\1 ", _WS.sub(" ", line.replace("\u200b", "").replace("\ufeff", "")).strip())


@dataclass
class Para:
    index: int           # line index in the dump
    text: str            # normalised line (bullet kept)
    clean: str           # without bullet and [markers]
    bullet: bool = False
    doubled: bool = False  # the text browser printed the line twice in a row (a picture's alt text and caption)
    caption: bool = False  # a picture's caption (rule doubled_caption): kept out of the body, class unchanged
    card: bool = False     # part of a teaser card for another article (rule card_counter): kept out of the body
    first: str = "bad"   # the context-free class
    cls: str = "bad"     # context-free, then final class
    heading: bool = False


def _stopword_density(text: str) -> float:
    words = _WORD.findall(text.casefold())
    if not words:
        return 0.0
    sw = stopwords()
    return sum(w in sw for w in words) / len(words)


def _is_heading_like(text: str) -> bool:
    n = len(text.split())
    return 1 <= n <= 20 and not re.search(r"[.,;:]$", text) and bool(
        re.match(r"[„\"«»‚'A-ZÄÖÜ0-9]", text))


_CONSENT = re.compile(r"\bcookies?\b|\bjavascript\b|datenschutzerklärung|datenschutzhinweis|einwilligung|"
                      r"\btracking\b|\bwerbeblocker|\badblocker", re.I)


def classify(paras: list[Para], p: DumpParams, repeated: set[str]) -> None:
    """jusText's context-free classes."""
    for x in paras:
        t = x.clean
        n = len(t)
        menu = x.bullet and len(t.split()) < 8
        marker = bool(_BRACKETS.search(x.text)) and len(t.split()) < 5
        if not t or menu or marker or x.text in repeated or "©" in t or re.fullmatch(r"[\W\d_]+", t) \
                or _CONSENT.search(t):
            x.cls = "bad"
            continue
        x.heading = _is_heading_like(t) and not x.bullet
        d = _stopword_density(t)
        if n < p.length_low:
            x.cls = "short"
        elif d >= p.stopwords_high:
            x.cls = "good" if n > p.length_high else "neargood"
        elif d >= p.stopwords_low:
            x.cls = "neargood"
        else:
            x.cls = "bad"


_CREDIT_ONLY = re.compile(r"^(?:Fotos?|Bild(?:er)?|Bildquelle|Grafik|Video)\s*:?\s*$", re.I)


def mark_credits(paras: list[Para]) -> None:
    """A text browser puts a photo credit on lines of its own ("Foto:" / "WITTERS"): the credit, and the
    caption and image text just above it (up to two short lines), are no article text."""
    for i, x in enumerate(paras):
        if _CREDIT_ONLY.match(x.clean):
            x.cls = "bad"
            if i + 1 < len(paras) and len(paras[i + 1].clean.split()) <= 4:
                paras[i + 1].cls = "bad"
            for y in paras[max(0, i - 2):i]:
                if len(y.clean) < 120 and y.cls != "good":
                    y.cls = "bad"


# a credit line with its source: "Foto © Peter Steiger", "Foto: dpa", "Bild: shutterstock", "© Stadtarchiv"
_CREDIT_NAMED = re.compile(r"^(?:(?:Fotos?|Bild(?:er)?|Bildquelle|Grafik|Copyright)\s*(?::|©)|©|\(c\)\s)\s*\S", re.I)


def doubled_captions(paras: list[Para]) -> None:
    """Rule ``doubled_caption`` (switch ``doubled_captions``): a line the text browser printed twice in a row
    (a picture's alt text and its caption) right above a credit line is a caption, not article text, and so is the
    credit. Example (vogelwarte.ch's dump): "Zielarten für die Kastanienselven sind u.a. der Grosse Waldportier …"
    twice, then "Foto © Jörg Gemsch, Heidi Jost". Their classes stay (the article's block is found as before);
    the body leaves them out."""
    for i in range(1, len(paras)):
        x = paras[i]
        if paras[i - 1].doubled and len(x.clean.split()) <= 8 and _CREDIT_NAMED.match(x.clean) \
                and x.index - paras[i - 1].index <= 2:
            paras[i - 1].caption = x.caption = True


# a teaser card's counter on a line of its own: "66 Likes", "12 Kommentare", "3 Shares", "1.204 Aufrufe"
_COUNTER = re.compile(r"^\d{1,3}(?:[.,']?\d{3})*\s+(?:likes?|kommentare?|comments?|shares?|reaktionen|aufrufe|views|"
                      r"mal geteilt|antworten)$", re.I)


def card_counters(paras: list[Para], lo: int, hi: int) -> None:
    """Rule ``card_counter`` (switch ``card_counters``): a counter line ("66 Likes") in the article's block with at
    most one paragraph of 70+ characters (headlines not counted) after it, up to the next counter line or the block's end, is a teaser card
    for another story: its picture name or headline just above, the counter, rubric, headline and teaser are kept
    out of the body. The article's own counter under its lead is followed by the whole article: the text stays, the counter goes.
    Example (tierwelt.ch's dump, after the article): "Petition gegen Pelz eingereicht" / "66 Likes" / "Wildtiere" /
    "In der Schweiz soll der Import von … verboten werden. …"."""
    at = [i for i in range(lo, hi + 1) if _COUNTER.match(paras[i].clean)]
    for k, c in enumerate(at):
        end = at[k + 1] - 1 if k + 1 < len(at) else hi
        paras[c].card = True      # a counter alone is never article text
        if sum(len(paras[i].clean) >= 70 and not paras[i].heading for i in range(c + 1, end + 1)) > 1:
            continue
        top = c - 1 if c - 1 >= lo and len(paras[c - 1].clean.split()) <= 8 \
            and not re.search(r"[.!?:]$", paras[c - 1].clean) else c
        for i in range(top, end + 1):
            paras[i].card = True


_DURATION = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*(?:min\.?|minuten))?$|^\d{1,3}\s*(?:min\.?|minuten|sek\.?)$", re.I)
_PLAYER_LABEL = re.compile(r"^(?:video|audio|podcast|videos?\s*:|audio\s*:)$", re.I)
_PRICE_LINE = re.compile(r"^(?:(?:preis|unverbindliche preisempfehlung|uvp|ab)\s*:?\s*)?(?:\d{1,5}(?:[.,]\d{2})?\s?(?:€|euro|eur)|€\s?\d{1,5}(?:[.,]\d{2})?)\W*$", re.I)
_SHOP_CALL = re.compile(r"\b(?:bei amazon|zum angebot|zum deal|jetzt kaufen|kaufen|bestellen|zum shop|preis vergleichen|"
                        r"jetzt sichern)\b", re.I)


def player_and_shop_lines(paras: list[Para]) -> None:
    """Rule ``player_shop_box`` for full-page text dumps (switch ``player_shop_boxes``): a video/audio player as a
    text browser shows it ("Video" / its title / "01:23 Min.", at most 3 lines) and a product box (its name, a
    price line "Preis: 89,99 €", a shop link "[Jetzt bei Amazon ansehen]") are no article text and no boundary
    for their neighbours (marked like captions)."""
    for i, x in enumerate(paras):
        if _DURATION.match(x.clean):
            above = [j for j in range(max(0, i - 2), i) if _PLAYER_LABEL.match(paras[j].clean)]
            if above:
                for y in paras[above[0]:i + 1]:
                    y.caption = True
        elif _PRICE_LINE.match(x.clean):
            box = [i]
            if i > 0 and len(paras[i - 1].clean.split()) <= 12 and not re.search(r"[.!?:]$", paras[i - 1].clean):
                box.insert(0, i - 1)          # the product's name
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            if nxt is not None and len(nxt.text.split()) <= 8 and _SHOP_CALL.search(nxt.text):
                box.append(i + 1)     # the shop link ("[Jetzt bei Amazon ansehen]")
            if box[0] > 0 and not paras[box[0] - 1].clean and _BRACKETS.search(paras[box[0] - 1].text):
                box.insert(0, box[0] - 1)     # the product's picture ("[p0]")
            if len(box) >= 2:
                for j in box:
                    paras[j].caption = True


def _neighbour(paras: list[Para], i: int, step: int, ignore_neargood: bool) -> str:
    j = i + step
    while 0 <= j < len(paras):
        if paras[j].caption:      # a picture between two parts of the article is no boundary
            j += step
            continue
        c = paras[j].cls
        if c in ("good", "bad") or (c == "neargood" and not ignore_neargood):
            return c
        j += step
    return "bad"


def revise(paras: list[Para], p: DumpParams) -> None:
    """jusText's context-sensitive pass, with headings close before good text kept."""
    # headings: a short heading within max_heading_distance characters before good text
    for i, x in enumerate(paras):
        if x.heading and x.cls == "short":
            dist = 0
            for y in paras[i + 1:]:
                if y.cls == "good":
                    x.cls = "neargood"
                    break
                dist += len(y.clean)
                if dist > p.max_heading_distance:
                    break
    new = [x.cls for x in paras]
    for i, x in enumerate(paras):
        if x.cls != "short":
            continue
        prev, nxt = _neighbour(paras, i, -1, True), _neighbour(paras, i, 1, True)
        if prev == "good" and nxt == "good":
            new[i] = "good"
        elif prev == "bad" and nxt == "bad":
            new[i] = "bad"
        elif prev == "bad":
            new[i] = "good" if _neighbour(paras, i, -1, False) == "neargood" else "bad"
        else:
            new[i] = "good" if _neighbour(paras, i, 1, False) == "neargood" else "bad"
    for i, c in enumerate(new):
        paras[i].cls = c
    new = [x.cls for x in paras]
    for i, x in enumerate(paras):
        if x.cls != "neargood":
            continue
        prev, nxt = _neighbour(paras, i, -1, True), _neighbour(paras, i, 1, True)
        new[i] = "bad" if prev == "bad" and nxt == "bad" else "good"
    for i, c in enumerate(new):
        paras[i].cls = c


def clusters(paras: list[Para], max_gap: int = 2) -> list[list[int]]:
    """Runs of good paragraphs (indices into ``paras``) broken by more than ``max_gap`` non-good ones."""
    out: list[list[int]] = []
    cur: list[int] = []
    gap = 0
    for i, x in enumerate(paras):
        if x.caption:
            continue          # a caption, player or product box inside the article is no break
        if x.cls == "good" and x.first in ("good", "neargood"):
            if cur and gap > max_gap:
                out.append(cur)
                cur = []
            cur.append(i)
            gap = 0
        elif x.cls == "good" and cur:
            cur.append(i)     # a short line made good by its neighbours: part of the run, but no text of its own
            gap += 1
        else:
            gap += 1
    if cur:
        out.append(cur)
    return out


def pick_article(paras: list[Para]) -> list[int]:
    cl = clusters(paras)
    if not cl:
        return []
    size = lambda c: sum(len(paras[i].clean) for i in c)  # noqa: E731
    best = max(range(len(cl)), key=lambda k: size(cl[k]))
    chosen = list(cl[best])
    # neighbours of 2+ good paragraphs within a few lines join (the article after an ad or a picture)
    for step in (-1, 1):
        k = best + step
        while 0 <= k < len(cl):
            c = cl[k]
            lo, hi = (c[-1], chosen[0]) if step < 0 else (chosen[-1], c[0])
            # the gap in paragraphs; the items of a numbered list (steps of a how-to) do not count: menus
            # and teaser lists are not numbered
            gap = hi - lo - sum(1 for i in range(lo + 1, hi) if _NUMBERED_ITEM.match(paras[i].text)
                                and len(paras[i].clean.split()) >= 4) if hi - lo > 12 else hi - lo
            lead = step < 0 and len(c) == 1 and len(paras[c[0]].clean.split()) >= 50 and gap <= 20
            if (len(c) >= 2 and gap <= 12 or lead) and size(c) >= 300:   # lead: one long paragraph above
                chosen = (c + chosen) if step < 0 else (chosen + c)
                k += step
            else:
                break
    return chosen


def _content_words(text: str) -> list[str]:
    sw = stopwords()
    return [w for w in (m.casefold() for m in _WORD.findall(text)) if len(w) >= 4 and w not in sw]


def _is_date_or_byline(t: str) -> bool:
    """A date line ("31.10.2023", "Bettina Kugler 19.10.2019, 05:00 Uhr") or a byline ("von Martina Scharmann")."""
    from pipeline.ingest import AUTHOR_PREFIX, _find_date
    if len(t.split()) > 16:
        return False
    found = _find_date(t)
    if found is not None and _publication_date(t, found):
        after = t[found[1].end():]
        if len(after.split()) <= 4:
            return True
        # a date followed by place and topic tags: "1. November 2023 Bockenem, Nordstraße, Polizei"
        if len(t.split()) <= 14 and not t.rstrip().endswith(".") and not re.search(r"(?:^|\s)[a-zäöüß]", after):
            return True
    from pipeline.web.dump20 import relative_date_line     # dump20: "vor 3 Stunden · Stefanie Gmelch"
    return bool(AUTHOR_PREFIX.match(t)) and len(t.split()) <= 8 or relative_date_line(t)


def _plain_date(line: str) -> str:
    """A header date line with labels ("Veröffentlicht am 16.11.2023 | Lesedauer: 3 Minuten") as the plain date
    ("16.11.2023"; with its time "16.11.2023, 18:30 Uhr"); any other line as it is (a byline with a date too)."""
    from pipeline.ingest import AUTHOR_PREFIX, _find_date
    t = norm(line)
    found = _find_date(t)
    if found is None or AUTHOR_PREFIX.match(t) or not _is_date_or_byline(t) or not _publication_date(t, found):
        return line
    rest = (t[:found[1].start()] + " " + t[found[1].end():]).strip()
    if not re.search(r"\b(?:Lesedauer|Lesezeit|Min\.?|Minuten|Kommentare?)\b", rest):
        return line     # only lines with reading-time labels are rewritten; names next to the date stay
    got = _date_of(t, found)
    if got is None:
        return line
    dt, precision = got
    return dt.strftime("%d.%m.%Y, %H:%M Uhr") if precision == "time" else dt.strftime("%d.%m.%Y")


def _publication_date(t: str, found) -> bool:
    """The date ``found`` in line ``t`` can be the page's publication date: no judgment, deadline or event
    label before it (``not_published_labels``), and the line is no sentence that mentions it."""
    from pipeline.web.htmlmeta import not_publication, sentence_with_date
    return not not_publication(t[:found[1].start()], web_rules()) and not sentence_with_date(t, found[1].start())


_CREDIT = re.compile(r"\b(?:Fotos?|Bild|Bilder|Grafik|Quelle|Credit|Lizenz)\s*:|©|\(c\)|\bBild [A-ZÄÖÜ]|"
                     r"\bCookies?\b|\bDatenschutz|\bNewsletter\b", re.I)


def share_bar(t: str) -> bool:
    """A line of share and follow labels ("Feed Twitter Facebook Youtube"): ``share_words`` only."""
    words = [w.casefold() for w in re.findall(r"[\w-]+", t)]
    return bool(words) and all(w in web_rules().share_words for w in words)


def org_line(t: str) -> bool:
    """A line that only names an organisation, as a site's logo text does ("Piratenpartei Mecklenburg-Vorpommern",
    "Polizeiinspektion Hildesheim"): two to four capitalised words, one of them an institution word of web.yaml."""
    from pipeline.web.htmlmeta import _names_no_person
    toks = t.split()
    return 2 <= len(toks) <= 4 and all(x[:1].isupper() for x in toks) and not re.search(r"[.!?:;,]", t) \
        and _names_no_person(t, web_rules(), set(), None)


def _not_headline(t: str) -> bool:
    """Dates, bylines, photo credits and captions, interface strings are never the headline."""
    from pipeline.ingest import _find_date, _is_caption, _is_ui
    return share_bar(t) or _is_date_or_byline(t) or bool(name_line(t)) or org_line(t) or _find_date(t) is not None or bool(_CREDIT.search(t)) or _is_caption(t) \
        or _is_ui(t) or t.casefold() in web_rules().skip_lines or bool(re.search(r"\b\d{1,2}[:.]\d{2} Uhr\b", t)) or bool(re.search(r"\w_\w|\.(?:jpe?g|png|webp)\b", t, re.I))


def _candidate(lines: list[str], i: int, repeated: set[str]) -> bool:
    t = norm(lines[i])
    if not t or _MARKER.search(lines[i]) or _BULLET.match(lines[i]) or t in repeated or _BRACKETS.search(t):
        return False
    n = len(t.split())
    from pipeline.web.dump_evidence import not_title
    from pipeline.web.dump_furniture import not_headline
    from pipeline.web.dump21 import home_words_line, weather_line
    return 2 <= n <= 30 and not (t.endswith(".") and not t.endswith("..")) and len(t) <= 260 \
        and not _not_headline(t) and len(_CRUMB_SEP.findall(t)) < 2 \
        and not not_headline(lines, i) \
        and not not_title(lines, i) \
        and not weather_line(t) and not home_words_line(t)    # no breadcrumb line, picture or caption (dump17),
    # dateline (dump19), weather widget or trail without separators (dump21)


def _topic_score(t: str, freq: Counter) -> float:
    words = set(_content_words(t))
    return sum(min(freq[w], 5) for w in words) / (len(words) ** 0.5) if words else 0.0


def _next_nonblank(lines: list[str], i: int, limit: int) -> int | None:
    j = i + 1
    while j < limit and not norm(lines[j]):
        j += 1
    return j if j < limit else None


def pick_headline(lines: list[str], start: int, body: str, repeated: set[str], window: int = 80,
                  end: int | None = None) -> int | None:
    """Index of the headline line.

    Anchored: the byline or date line nearest before the body (``end``); the headline is the headline-like
    line within 6 lines of it that the body's topic words point to (most content words shared with the body).
    Without an anchor, the same choice among the ``window`` lines before the article. A headline line ending
    in ":" continues on the next line (the returned index is that next line)."""
    end = start if end is None else end
    freq = Counter(_content_words(body))
    if not freq:
        return None
    lo = max(0, start - window)
    anchor = next((i for i in range(end - 1, lo - 1, -1) if norm(lines[i]) and i >= start - 40
                   and _is_date_or_byline(norm(_BULLET.sub("", lines[i])))), None)
    if anchor is not None:
        # the headline stands above the byline; below it only when nothing above names the topic
        above = _best(lines, range(max(lo, anchor - 8), anchor), end, freq, repeated, anchor)
        from pipeline.web.dump_title import below_wins      # dump18: date and byline above the headline
        below = _best(lines, range(anchor + 1, min(end, anchor + 8)), end, freq, repeated, anchor)
        if below_wins(lines, [i for i in range(max(lo, anchor - 8), anchor) if _candidate(lines, i, repeated)], below):
            return below[0]
        if above[0] is not None and above[1] >= 0.5:
            return above[0]
        # the line right above the byline/date (a blank line between at most) is the headline even when the
        # body hardly repeats its words (a quote as headline over a short paywalled teaser)
        # (the header may hold more date/byline lines above the anchor: the topmost one's line above counts)
        top = anchor
        for i in range(anchor - 1, max(lo, anchor - 10) - 1, -1):
            if norm(lines[i]) and _is_date_or_byline(norm(_BULLET.sub("", lines[i]))):
                top = i
        for a in dict.fromkeys((anchor, top)):
            k = _prev_line(lines, a)
            if k is not None and _candidate(lines, k, repeated) and not norm(lines[k]).endswith(":") \
                    and len(norm(lines[k]).split()) >= 3:
                return k
        from pipeline.web.dump_furniture import over_teaser     # dump17: headline / teaser / byline
        k = over_teaser(lines, top, lambda j: _candidate(lines, j, repeated) and not norm(lines[j]).endswith(":"))
        if k is not None:
            return k
        if below[1] >= 0.5:
            return below[0]
        # nothing names the topic: the nearest headline-like line of 3+ words above the byline
        return next((i for i in range(anchor - 1, max(lo, anchor - 6) - 1, -1)
                     if _candidate(lines, i, repeated) and not norm(lines[i]).endswith(":")
                     and len(norm(lines[i]).split()) >= 3), None)
    best = _best(lines, range(lo, end), end, freq, repeated, None, start)
    if best[1] >= 1.0:
        return best[0]
    # no byline or date anchor: a headline-like line of 3+ words right above the article (at most two lines,
    # such as an image's alt text, between) that shares a topic word with it
    k, seen = start - 1, 0
    while k >= lo and seen < 3:
        if norm(lines[k]):
            seen += 1
            if _candidate(lines, k, repeated) and len(norm(lines[k]).split()) >= 3 \
                    and not norm(lines[k]).endswith(":") and _topic_score(norm(lines[k]), freq) >= 0.5:
                return k
        k -= 1
    return None


def _best(lines: list[str], rng: range, end: int, freq: Counter, repeated: set[str], anchor: int | None,
          start: int = 0) -> tuple[int | None, float]:
    best, best_score = None, 0.0
    for i in rng:
        if not _candidate(lines, i, repeated):
            continue
        t = norm(lines[i])
        idx = i
        if t.endswith(":"):
            j = _next_nonblank(lines, i, end)
            if j is None or j - i > 2 or not _candidate(lines, j, repeated):
                continue
            t, idx = t + " " + norm(lines[j]), j
        score = _topic_score(t, freq)
        if t.endswith(("!", "?")) and len(t.split()) > 10:
            score *= 0.7                          # a lead sentence rather than a headline
        near = abs(anchor - i) if anchor is not None else abs(start - i)
        score *= 1.0 - 0.01 * near                # nearer is better when equal
        if score > best_score:
            best, best_score = idx, score
    return best, best_score


def _prev_line(raw: list[str], i: int, max_back: int = 2) -> int | None:
    k = i - 1
    while k >= 0 and not norm(raw[k]) and i - k <= max_back:
        k -= 1
    return k if k >= 0 and norm(raw[k]) and i - k <= max_back else None


_CRUMB_SEP = re.compile(r"\s+(?:/|›|»|>|\|)\s+")


_NUMBERED_ITEM = re.compile(r"^\s*(\d{1,2})\.\s+(\S.*)$")


def _title_item(item: str, title: str) -> bool:
    """dump18: a trail item that is the headline, not a place the headline names ("4. Holzkirchen" under "Umgehung
    Holzkirchen: Staatliches Bauamt …" is the trail's last section)."""
    from pipeline.web.dump_title import on
    tw, iw = set(re.findall(r"\w+", title.casefold())), set(re.findall(r"\w+", item.casefold()))
    return not on() or len(tw & iw) >= 0.5 * len(tw)


def _numbered_crumbs(raw: list[str], h: int, title: str) -> str | None:
    """A numbered breadcrumb list above the headline (" 1. Frankfurter Rundschau Startseite" / " 2. Politik" /
    " 3. <title>"): the items between the home link (the first) and the title."""
    from pipeline.web.htmlmeta import _similar
    rules = web_rules()
    lo = max(0, h - 80)
    for end in range(h - 1, lo, -1):
        m = _NUMBERED_ITEM.match(raw[end])
        if not m or _similar(m.group(2), title) < 0.5 or not _title_item(m.group(2), title):
            continue
        items = [norm(_SEP_LEAD.sub("", m.group(2)))]
        k, n = end - 1, int(m.group(1))
        while k >= lo and n > 1:
            mk = _NUMBERED_ITEM.match(raw[k])
            if not mk or int(mk.group(1)) != n - 1:
                break
            items.insert(0, norm(_SEP_LEAD.sub("", mk.group(2))))
            n -= 1
            k -= 1
        if n != 1 or len(items) < 3:
            return None
        mid = [x for x in items[1:-1] if x.casefold() not in rules.home_crumbs]
        return " / ".join(mid) or None
    return None


_SEP_ONLY = re.compile(r"^[/›»>|]$")
_SEP_LEAD = re.compile(r"^[/›»>|]\s*")
_SEP_TAIL = re.compile(r"\s*[/›»>|]$")      # "• Home ›" / "• Presse+Aktuelles ›" / "• Pressemitteilungen"


def _bullet_trail(raw: list[str], h: int, title: str) -> str | None:
    """A breadcrumb trail set as a list above the headline: "• Startseite" / "• >" / "• Community" / "• >" /
    "• Kultur" / "• <title>", "• Startseite" / "•  / Meine Welt" / "•  / Gesundheit", "You are here:" /
    "• Home" / "• Urteilsdatenbank" / "• <title>", or " 1. ComputerBase" / " 2. Internet" just above the
    headline. The section is the items between the home link (the first) and the title; a plain menu
    (no separators, no title at its end, not numbered) is no trail."""
    from pipeline.web.dump_title import header_gap
    from pipeline.web.htmlmeta import _similar
    rules = web_rules()
    lo = max(0, h - 40)
    for i, j in reversed(_bullet_runs(raw, lo, h)):
        items = [norm(_BULLET.sub("", raw[k])) for k in range(i, j)]
        if not items or len(items) > 12:
            continue
        seps = sum(bool(_SEP_ONLY.match(x)) for x in items) + sum(bool(_SEP_LEAD.match(x)) for x in items) \
            + sum(bool(_SEP_TAIL.search(x)) and not _SEP_ONLY.match(x) for x in items)
        names = [_SEP_TAIL.sub("", _SEP_LEAD.sub("", x)).strip() for x in items if x and not _SEP_ONLY.match(x)]
        names = [x for x in names if x]
        if len(names) < 2 or len(names) > 6:
            continue
        numbered = all(re.match(r"^\s+\d{1,2}\.\s", raw[k]) for k in range(i, j)) \
            and [int(re.match(r"^\s+(\d{1,2})\.", raw[k]).group(1)) for k in range(i, j)] == list(range(1, j - i + 1))
        def is_title(x: str) -> bool:
            return len(x.split()) >= 2 and (_similar(x, title) >= 0.8 and _similar(title, x) >= 0.8
                                           or x in after)
        after = [norm(raw[k]) for k in range(j, min(len(raw), j + 12)) if norm(raw[k])][:5]
        ends_title = is_title(names[-1])   # the trail's last item is the headline (it stands below the trail)
        before = next((norm(raw[k]) for k in range(i - 1, max(lo, i - 3) - 1, -1) if norm(raw[k])), "")
        here = before.casefold().rstrip(":") in ("you are here", "sie sind hier", "sie befinden sich hier")
        near = header_gap(raw, j, h) <= 2
        home = names[0].casefold() in rules.home_crumbs
        if not (seps and home or here or numbered and (near or ends_title) or home and ends_title):
            continue
        mid = names[1:-1] if ends_title else names[1:]
        mid = [x for x in mid if x.casefold() not in rules.home_crumbs and not is_title(x)]
        return " / ".join(mid) or None
    return None


def _bullet_runs(raw: list[str], lo: int, hi: int) -> list[tuple[int, int]]:
    """(first, end) of each run of consecutive bullet lines in raw[lo:hi]."""
    runs, i = [], lo
    while i < hi:
        if not _BULLET.match(raw[i]):
            i += 1
            continue
        j = i
        while j < hi and _BULLET.match(raw[j]):
            j += 1
        runs.append((i, j))
        i = j
    return runs


def list_trail(raw: list[str], start: int, body: str, window: int = 80) -> tuple[int, str | None] | None:
    """A breadcrumb trail set as a list without a home link whose last item is the headline ("• Leben" /
    "• Drinks" / "• Sazerac - alles über den Cocktail-Klassiker aus New Orleans"), within ``window`` lines
    above the article: (index of the last item, section). The items before the last are short labels (one
    to three words), the last has four or more words and shares the body's topic words; the run is no menu
    (two to six items, not followed by more bullets)."""
    freq = Counter(_content_words(body))
    rules = web_rules()
    for i, j in reversed(_bullet_runs(raw, max(0, start - window), start)):
        if any(_NUMBERED_ITEM.match(raw[k]) for k in range(i, j)):
            continue    # numbered trails: _numbered_crumbs (the headline is the line the page shows under it)
        items = [(k, norm(_BULLET.sub("", raw[k]))) for k in range(i, j)]
        items = [(k, x) for k, x in items if x and not _SEP_ONLY.match(x)]
        if not 2 <= len(items) <= 6:
            continue
        *labels, (last_i, last) = items
        if any(len(x.split()) > 3 or re.search(r"[.!?:,;]", x) for _, x in labels):
            continue
        if len(last.split()) < 4 or last.endswith(".") or _topic_score(last, freq) < 1.0 or _not_headline(last):
            continue
        nxt = next((k for k in range(j, min(len(raw), j + 6)) if norm(_BULLET.sub("", raw[k]))), None)
        if nxt is not None and _BULLET.match(raw[nxt]):
            continue
        mid = [x for _, x in labels if x.casefold() not in rules.home_crumbs]
        return last_i, " / ".join(mid) or None
    return None


# Labels a text browser prints over a breadcrumb trail.
_TRAIL_LABELS = ("you are here", "sie sind hier", "sie befinden sich hier", "pfadnavigation", "breadcrumb",
                 "brotkrumennavigation", "brotkrümelnavigation")


def trail_headline(raw: list[str], h: int) -> int | None:
    """The line a breadcrumb trail set as a list ends with ("• Startseite" / "• >" / … / "• Heute schon an
    morgen denken"; "You are here:" / "• Home" / … / "• BGH: marions-kochbuch.de") when it stands again on
    its own just below the trail and near ``h``: the headline."""
    rules = web_rules()
    # a trail on one line: "Sie sind hier: > <title>", "Startseite › Politik › <title>"
    for j in range(h, max(0, h - 12) - 1, -1):
        t = norm(_BULLET.sub("", raw[j]))
        parts = [x.strip() for x in re.split(r"\s*(?:›|»|>|\||/)\s*", t) if x.strip()]
        if len(parts) < 2:
            continue
        first = parts[0].casefold().rstrip(":")
        if not (first in ("you are here", "sie sind hier", "sie befinden sich hier") or first in rules.home_crumbs):
            continue
        last = parts[-1]
        if len(last.split()) < 2:
            break
        for i in range(j + 1, min(len(raw), j + 9)):
            if norm(raw[i]) == last and abs(i - h) <= 25:
                return i
        break
    for j, k in reversed(_bullet_runs(raw, max(0, h - 40), h + 1)):
        texts = [norm(_BULLET.sub("", raw[i])) for i in range(j, k)]
        items = [_SEP_LEAD.sub("", x).strip() for x in texts if x and not _SEP_ONLY.match(x)]
        items = [x for x in items if x]
        seps = any(_SEP_ONLY.match(x) or _SEP_LEAD.match(x) for x in texts)
        before = next((norm(raw[i]) for i in range(j - 1, max(0, j - 3) - 1, -1) if norm(raw[i])), "")
        here = before.casefold().rstrip(":") in _TRAIL_LABELS
        numbered = all(_NUMBERED_ITEM.match(raw[i]) for i in range(j, k))
        home = items[0].casefold() in rules.home_crumbs if items else False
        if len(items) < 2 or len(items) > 6 or not (here or (seps or numbered) and home):
            continue
        last = items[-1]
        if len(last.split()) < 2:
            return None
        for i in range(k, min(len(raw), k + 8)):
            if norm(raw[i]) == last and abs(i - h) <= 25:
                return i
        return None
    return None


def crumb_section(raw: list[str], h: int, title: str) -> str | None:
    """The section from a breadcrumb line above the headline ("home / InfoStream / <title>" -> "InfoStream"):
    its items without the home link, generic labels and the title; else from a trail set as a list."""
    rules = web_rules()
    numbered = _numbered_crumbs(raw, h, title)
    if numbered is not None:
        return numbered
    for ln in reversed(raw[max(0, h - 12):h]):
        parts = [x.strip() for x in _CRUMB_SEP.split(norm(_BULLET.sub("", ln)))]
        if len(parts) < 3:
            continue
        last = parts[-1]
        if not (title.endswith(last) or last.endswith(title) or last == title):
            continue
        items = [x for x in parts[:-1] if x and x.casefold() not in rules.home_crumbs
                 and not re.fullmatch(r"[\w.-]+\.[a-z]{2,}", x)]
        return " / ".join(items) or None
    from pipeline.web.dump_furniture import trail_section
    from pipeline.web.dump_title import kicker_trail_section, line_trail_section
    return kicker_trail_section(raw, h, title) or _bullet_trail(raw, h, title) or trail_section(raw, h, title) or _spaced_trail(raw, h, title) \
        or _glued_trail(raw, h, title) or _menu_label_above(raw, h) or _menu_label_below(raw, h) \
        or line_trail_section(raw, h, title)


_GLUED_SEP = re.compile(r"\s*[›»|>]\s*|\s+/\s+")


def _glued_trail(raw: list[str], h: int, title: str) -> str | None:
    """A one-line trail from the home link whose items the dump glued to their separators, a few lines above the
    headline and not ending with it ("Home›Technik›Freizeit›News" -> "Technik / Freizeit / News"): two to six
    items of at most four words, no sentence."""
    rules = web_rules()
    for ln in reversed(raw[max(0, h - 6):h]):
        t = norm(_BULLET.sub("", ln))
        parts = [x.strip() for x in _GLUED_SEP.split(t)]
        if not 3 <= len(parts) <= 7 or parts[0].casefold() not in rules.home_crumbs:
            continue
        if any(not x or len(x.split()) > 4 or re.search(r"[.!?:;,]$", x) for x in parts[1:-1]):
            continue
        items = [x for x in parts[1:] if x.casefold() not in rules.home_crumbs]
        if items and (items[-1] == title or len(items[-1].split()) >= 3 and title.startswith(items[-1])):
            items = items[:-1]
        if items and all(len(x.split()) <= 4 for x in items):
            return " / ".join(items)
    return None


def _menu_label_below(raw: list[str], h: int) -> str | None:
    """A category label in the meta lines under the headline (author, date, label, comment count: "Stefanus" /
    "26. Januar 2022" / "Werkstatt" / "120"), right after the date line, that is an item of the page's menu."""
    from pipeline.ingest import _find_date
    lines = [(k, norm(raw[k])) for k in range(h + 1, min(len(raw), h + 8)) if norm(raw[k])][:5]
    for (k, t), (_, nxt) in zip(lines, lines[1:]):
        if len(t.split()) > 6 or _find_date(t) is None:
            continue
        if 1 <= len(nxt.split()) <= 2 and not re.search(r"[.!?:,;]", nxt) and nxt[:1].isupper():
            menu = {norm(_BULLET.sub("", x)) for x in raw if _BULLET.match(x)}
            return nxt if nxt in menu else None
        return None
    return None


def _spaced_trail(raw: list[str], h: int, title: str) -> str | None:
    """A trail without separators above the headline: "Start Thema Wirtschaft <title>" -> "Wirtschaft" (it
    opens with the home link and ends with the headline; at most three words are left between)."""
    rules = web_rules()
    for ln in raw[max(0, h - 12):h]:
        t = norm(_BULLET.sub("", ln))
        if not t.endswith(" " + title) or t == title:
            continue
        words = t[: -len(title)].split()
        if not words or words[0].casefold() not in rules.home_crumbs:
            continue
        rest = [w for w in words[1:] if w.casefold() not in rules.home_crumbs]
        if 1 <= len(rest) <= 3:
            return " ".join(rest)
    return None


def _menu_label_above(raw: list[str], h: int) -> str | None:
    """A category label just above the headline (across image marks) that is an item of the page's
    navigation menu ("• Aktuell" in the menu, "Aktuell" over the headline): the section."""
    k, seen = h - 1, 0
    while k >= 0 and seen < 2:
        t = norm(raw[k])
        if t and not _BRACKETS.fullmatch(t):
            seen += 1
            if not _BULLET.match(raw[k]) and 1 <= len(t.split()) <= 3 and not re.search(r"[.!?:,;]", t) \
                    and t[:1].isupper():
                menu = {norm(_BULLET.sub("", x)) for x in raw if _BULLET.match(x)}
                return t if t in menu else None
            return None
        k -= 1
    return None


def _split_by_crumb(raw: list[str], h: int, title: str) -> tuple[str, str | None]:
    """(title, kicker): a breadcrumb line above whose last item ends the headline line ("home / InfoStream /
    Eigentumsvorbehalt: Das sollten …" above "Forderungsausfälle vermeiden Eigentumsvorbehalt: Das sollten …")
    splits off the kicker glued to it."""
    for ln in raw[max(0, h - 12):h]:
        parts = _CRUMB_SEP.split(norm(_BULLET.sub("", ln)))
        last = parts[-1].strip() if len(parts) >= 2 else ""
        if len(last.split()) >= 2 and title.endswith(last) and len(title) > len(last):
            return last, title[: -len(last)].strip(" :–-|") or None
    return title, None


def _split_by_repeat(raw: list[str], h: int, title: str) -> tuple[str, str | None]:
    """(title, kicker) of a headline line that glues kicker and title ("Adblue nachfüllen: wo kaufen
    (Tankstelle); Preis So wird Adblue richtig angewendet"): a line near it that is its head (the kicker
    again) or its tail (the title again, of 3+ words) splits it."""
    for k in range(max(0, h - 15), min(len(raw), h + 16)):
        x = norm(_BULLET.sub("", raw[k]))
        if k == h or not x or x == title or len(x) >= len(title):
            continue
        if title.startswith(x + " ") and len(title[len(x):].split()) >= 3 and len(x.split()) >= 2 \
                and not title[len(x):].strip()[:1].islower():   # "Ultium Cells" + "erhöht …": one sentence
            return title[len(x):].strip(), x.strip(" :–-|")
        if title.endswith(" " + x) and len(x.split()) >= 3:
            return x, title[: -len(x)].strip(" :–-|") or None
    return title, None


def _header(raw: list[str], h: int, start: int, repeated: set[str]) -> list[str]:
    """Kicker (or the first part of a two-line headline), headline, and the lines up to the body, with a date
    line found just above the headline moved below it (where the seed parser looks for it)."""
    head: list[str] = []
    title = norm(raw[h])
    k = _prev_line(raw, h)
    above = norm(raw[k]) if k is not None else ""
    if above and not _MARKER.search(raw[k]) and not _BULLET.match(raw[k]) and above not in repeated:
        if above.endswith(":") and 1 <= len(above.split()) <= 10:
            title = f"{above} {title}"       # "Tanz in der St. Galler Lokremise:" / "Mit allen Wassern gewaschen"
        elif len(above.split()) <= 4 and not re.search(r"[.!?,;]$", above) and _is_heading_like(above) \
                and not _is_date_or_byline(above) and not share_bar(above):
            head.append(above)
    title, kicker = _split_by_crumb(raw, h, title)
    if not kicker and title == norm(raw[h]):
        title, kicker = _split_by_repeat(raw, h, title)
        if kicker and (len(kicker.split()) > 4 or len(title.split()) <= len(kicker.split())):
            head, kicker = [], None   # a kicker the seed header would read as the title: left out
    if kicker:
        head = [kicker]
    head.append(title)
    rest = []
    for ln in raw[h + 1:start]:
        t = norm(_BRACKETS.sub(" ", _BULLET.sub("", ln)))
        if t and t not in repeated and not re.fullmatch(r"[\W_]+", t) \
                and not re.fullmatch(r"[a-z0-9_.-]+", t):      # an image's alt text or file name ("bgedemo")
            rest.append(t)
    if not any(_is_date_or_byline(t) for t in rest[:8]):
        for ln in reversed(raw[max(0, h - 8):h]):
            t = norm(_BULLET.sub("", ln))
            if t and _is_date_or_byline(t) and t not in repeated:
                rest.insert(0, t)
                break
    return head + rest


def classify_lines(raw: list[str], repeated: set[str], p: DumpParams) -> list[Para]:
    """Every non-blank line (repeats of the line before dropped) as a paragraph with its final class."""
    paras: list[Para] = []
    prev = None
    for i, ln in enumerate(raw):
        t = norm(ln)
        if not t or t == prev:
            if t and paras:
                paras[-1].doubled = True
            prev = t or prev
            continue
        prev = t
        paras.append(Para(i, t, norm(_BRACKETS.sub(" ", _BULLET.sub("", ln))), bool(_BULLET.match(ln))))
    classify(paras, p, repeated)
    mark_credits(paras)
    if web_rules().doubled_captions:
        doubled_captions(paras)
    if web_rules().player_shop_boxes:
        player_and_shop_lines(paras)
    if web_rules().dump_furniture.on:    # dump17: captions before the context pass (no boundary for it)
        from pipeline.web.dump_furniture import captions
        captions(paras, 0, len(paras) - 1)
    for x in paras:
        x.first = x.cls
    revise(paras, p)
    return paras


@dataclass
class DumpArticle:
    text: str                        # seed-format text: kicker, headline, header lines, body
    published: tuple | None = None   # (datetime, precision) from the date line near the headline
    authors: list[str] | None = None
    headline: bool = True            # False: no headline found, the text is body only
    section: str | None = None       # from a breadcrumb line above the headline


_NAME_RUN = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?:\s+(?:von\s+|van\s+|de\s+)?"
                       r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?){1,3}")


_NOT_NAME = re.compile(r"\b(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
                       r"Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Uhr|Kommentare?|"
                       r"Stand|Aktualisiert|Veröffentlicht|Artikel|Lesezeit|Min)\b")


# A date line a text browser glued to the next paragraph: the time's "Uhr" runs into a capitalised word.
_GLUED_UHR = re.compile(r"^(.{0,40}?\b\d{1,2}[:.]\d{2}\s?Uhr)(?=[A-ZÄÖÜ][a-zäöüß])")


def _unglue(line: str) -> list[str]:
    """A date line glued to the next paragraph, as two lines."""
    m = _GLUED_UHR.match(line)
    return [m.group(1), line[m.end():]] if m else [line]


_PUBLISHED = re.compile(r"\b(?:veröffentlicht|erschienen|publiziert)\b", re.I)


def name_line(t: str, title: str | None = None) -> list[str]:
    """The people a line that is nothing but names holds ("Oliver Baroni", "Rechtsanwalt Dennis Tölle",
    "Anna Maier und Jan Ott"): each part two to four capitalised words that pass the author clean-up; a line
    with anything else (a sentence, a label, a date) holds none, and so does a "Von …" byline (read as one)."""
    from pipeline.ingest import AUTHOR_PREFIX
    from pipeline.web.htmlmeta import clean_person, split_names
    t = norm(_BULLET.sub("", t))
    if not t or t == title or AUTHOR_PREFIX.match(t) or len(t.split()) > 12 or re.search(r"[\d.!?:;«»„“\"]", t.replace("Dr.", "").replace("Prof.", "")):
        return []
    out = []
    for part in split_names(t):
        toks = part.split()
        from pipeline.web.htmlmeta import _strip_job_words
        rest = " ".join(_strip_job_words(toks, web_rules()))
        if not _NAME_RUN.fullmatch(rest) or _NOT_NAME.search(rest):
            return []
        p = clean_person(part, web_rules(), set(), None)
        if not p:
            return []
        out.append(p)
    return out


def header_date_authors(lines: list[str]) -> tuple[tuple | None, list[str]]:
    """Publication date and authors from the header lines of a dump (the date line: a date with at most 10
    other words, not a sentence; authors: a "Von …" line or names next to the date)."""
    from pipeline.ingest import AUTHOR_PREFIX, _find_date
    from pipeline.web.htmlmeta import clean_person, split_names, visible_date
    rules = web_rules()
    published, authors = None, []
    for t in lines:
        glued = _GLUED_UHR.match(t)
        if glued:   # "19.10.2019, 15:30 UhrAm 8. Spieltag …": the date line glued to the teaser
            t = glued.group(1)
        found = _find_date(t)
        if found is not None and not _publication_date(t, found):
            found = None
        if found is not None and published is None and len(t.split()) <= 16 and not re.search(r"[a-zäöüß]\.$", t):
            rest = (t[:found[1].start()] + " " + t[found[1].end():]).strip()
            if len(rest.split()) <= 10:
                published = _date_of(t, found)
                if not authors:
                    for run in _NAME_RUN.findall(_NOT_NAME.sub(" | ", re.sub(r"\d", " ", rest))):
                        p = clean_person(run, rules, set(), None)
                        if p:
                            authors.append(p)
        if not authors and not AUTHOR_PREFIX.match(t):
            from pipeline.web.htmlmeta import AGENCY_BYLINE
            m = AGENCY_BYLINE.match(t)       # "Anna Maier, dpa"
            if m:
                authors = [p for p in (clean_person(x, rules, set(), None) for x in split_names(m.group("names"))) if p]
        if AUTHOR_PREFIX.match(t) and len(t.split()) <= 16 and not authors:
            head = t[:found[1].start()] if found is not None else t
            head = " ".join(w for w in re.sub(r"\s*//.*$", "", head).split() if not re.search(r"[\d_]", w))
            for part in split_names(head):
                p = clean_person(part, rules, set(), None)
                if p:
                    authors.append(p)
    return published, authors


def names_by_date(head: list[str], title: str | None) -> list[str]:
    """Authors from a line of names right under or over the header's date line ("19.10.19, 18:56" /
    "Oliver Baroni"; "Solveig Grewe" under "5. November 2021, 10:39 Uhr"), unless the header has a byline
    ("Autor: Die Redaktion" names no person: then there is none)."""
    from pipeline.ingest import AUTHOR_PREFIX
    lines = [norm(_BULLET.sub("", x)) for x in head]
    if any(AUTHOR_PREFIX.match(x) for x in lines):
        return []
    at = next((i for i, x in enumerate(lines) if i > 0 and _is_date_or_byline(x)), None)
    if at is None:
        return []
    for k in (at + 1, at - 1):
        if 0 < k < len(lines):
            got = name_line(lines[k], title)
            if got:
                return got
    return []


_BARE_DATE_REST = re.compile(r"^[\s,|•·–-]*(?:(?:um|am|Uhr|\d{1,2}[:.]\d{2}(?::\d{2})?)[\s,|•·–-]*)*$")


def _date_of(t: str, found) -> tuple | None:
    """(datetime, precision) of the date ``found`` in line ``t``; a clock time before the date counts
    ("20:34 17.04.2020")."""
    from pipeline.web.htmlmeta import visible_date
    clock = re.search(r"\b(\d{1,2}:\d{2})(?:\s*Uhr)?[\s,|•·–-]*$", t[:found[1].start()])
    if clock and not re.search(r"\d{1,2}:\d{2}", found[1].group(0)):
        return visible_date(f"{found[1].group(0)} {clock.group(1)} Uhr") or visible_date(t[found[1].start():])
    return visible_date(t[found[1].start():])


# Labels of a blog post's meta line right after its date (WordPress themes in German).
_POST_META = re.compile(r"^[\s,|•·–-]*(?:Abgelegt in|Kategorie|Kategorien|Getaggt mit|Schlagwörter|Tags)\s*:", re.I)


def bare_date(lines: list[str]) -> tuple | None:
    """The first line that is a date and nothing else ("20:34 17.04.2020", "19.10.19, 18:56 Uhr"), or a blog
    post's meta line with the date before its labels ("Vorherige 17.11.19 Abgelegt in: News"): where a page
    shows its date below the headline's teaser or under the article."""
    from pipeline.ingest import _find_date
    from pipeline.web.htmlmeta import visible_date
    for x in lines:
        t = norm(_BULLET.sub("", x))
        found = _find_date(t) if t else None
        if found is not None and not _publication_date(t, found):
            continue
        if found is not None and len(t) > 40:   # a post's meta line: "17.11.19 Abgelegt in: Blogposts, …"
            found = found if _POST_META.match(t[found[1].end():]) else None
            rest = ""
        else:
            rest = t[:found[1].start()] + " " + t[found[1].end():] if found is not None else ""
        if found is not None and _BARE_DATE_REST.match(rest):
            return _date_of(t, found)
    return None


_AUTHOR_LABEL = re.compile(r"^(?:Autor|Autorin|Autoren|Verfasser|Verfasserin|Geschrieben von|Über den Autor|"
                           r"Über die Autorin)\s*:?$", re.I)


# A label after the name on the same line: "Harald Bauer Autor" (an author box flattened by a text browser).
_AUTHOR_AFTER = re.compile(r"^(.+?)\s+(?:Autor|Autorin|Verfasser|Verfasserin)\s*$")


# The label and the name opening one line: "Autor*in: Prof. Dr. Benjamin-Immanuel Hoff ist seit 2014 …".
_AUTHOR_INLINE = re.compile(r"^(?:Autor|Autorin|Autor\*in|Autor:in|Autor_in|Verfasser|Verfasserin)\s*:\s*"
                            r"(?:(?:Prof|Dr|Dipl|PD)\.\s*)*(" + _NAME_RUN.pattern + ")")


def inline_author(lines: list[str]) -> list[str]:
    """The first line that opens with an author label and a name (an author note at the article's end)."""
    from pipeline.web.htmlmeta import clean_person
    for x in lines:
        m = _AUTHOR_INLINE.match(norm(_BULLET.sub("", x)))
        if m and not _NOT_NAME.search(m.group(1)):
            p = clean_person(m.group(1), web_rules(), set(), None)
            if p:
                return [p]
    return []



def labelled_author(lines: list[str]) -> list[str]:
    """An author box: a label line ("Autor", "Geschrieben von", or a bare "Von" over a bullet list) and the
    name on one of the next two lines (a photo's file name may come between), or a name followed by the
    label on the same line ("Harald Bauer Autor"). Names are two to four capitalised words."""
    from pipeline.web.htmlmeta import clean_person
    rules = web_rules()
    ne = [norm(_BULLET.sub("", x)) for x in lines if norm(_BULLET.sub("", x))]

    def person(t: str) -> str | None:
        if not _NAME_RUN.fullmatch(t) or _NOT_NAME.search(t):
            return None
        return clean_person(t, rules, set(), None)

    for i, a in enumerate(ne):
        if _AUTHOR_LABEL.match(a) or a.casefold() == "von":
            for b in ne[i + 1:i + 3]:
                p = person(b)
                if p:
                    return [p]
        m = _AUTHOR_AFTER.match(a)
        if m and person(m.group(1)):
            return [person(m.group(1))]
    return []


def _body_start(paras: list[Para], chosen: list[int], h: int, start: int, p: DumpParams) -> int:
    """The line where the body begins: after the headline; when the headline opens the block, at the first
    good paragraph of some length after it that is no date or byline."""
    if h < start:
        return max(start, h + 1)
    return next((paras[i].index for i in chosen if paras[i].index > h and paras[i].cls == "good"
                 and len(paras[i].clean) >= p.length_low and not _is_date_or_byline(paras[i].clean)), h + 1)


def _date_lines(raw: list[str], paras: list[Para], head: list[str], top: int, start: int,
                end: int | None = None) -> list[str]:
    """Where the date and byline are looked for, in order: "Veröffentlicht …" lines, the header lines after
    the headline, short date/byline lines just after the lead (in the article: dump18b, not a teaser's
    byline after a short article), the lines just above the headline."""
    body_lines = [x.clean for x in paras if x.index >= start][:12]
    if end is not None:     # dump18b: no byline after the second long paragraph (a teaser's byline comes later)
        from pipeline.ingest import AUTHOR_PREFIX
        longs = [k for k, x in enumerate(body_lines) if len(x) >= 150] + [len(body_lines)] * 2
        body_lines = body_lines[:longs[1]] + [x for x in body_lines[longs[1]:] if not AUTHOR_PREFIX.match(x)]
    near = (head[1:] if head else []) \
        + [x for x in body_lines if len(x.split()) <= 12 and (_is_date_or_byline(x) or _PUBLISHED.search(x))] \
        + [norm(x) for x in reversed(raw[max(0, top - 8):top])]
    near.sort(key=lambda x: not _PUBLISHED.search(x))
    out = [norm(_BULLET.sub("", x)) for x in near if norm(x)]
    if end is not None:     # dump18b: "3. Januar 2023, 11:20 Uhr · Lesezeit 3 Min." as the plain date
        from pipeline.web.dump_forms import reading_time_date
        out = [reading_time_date(x) for x in out]
    return out


@dataclass
class _Head:
    """The header of a dump's article: its lines (headline first), the raw line where the body starts,
    the headline's raw line (None where a bullet trail named it), whether the headline moved from the
    line first taken for it, and the section a trail gave."""
    lines: list[str]
    start: int
    h: int | None = None
    moved: bool = False
    section: str | None = None


def _headline_beats_trail(raw: list[str], trail: tuple, h: int, all_body: str) -> bool:
    """A headline above the article block wins over a bullet trail unless the trail stands above it and
    the body's words point to the trail's last line more."""
    words = Counter(_content_words(all_body))
    from pipeline.web.dump_title import trail_adds_kicker
    return trail_adds_kicker(raw, trail[0], h) or not (
        trail[0] < h and _topic_score(norm(_BULLET.sub("", raw[trail[0]])), words) > _topic_score(norm(raw[h]), words))


def _head_named(raw: list[str], named: int, start: int) -> _Head:
    """The headline a trail names; under it only its date and byline lines count."""
    title = norm(raw[named])
    under = [norm(_BULLET.sub("", raw[k])) for k in range(named + 1, min(start, named + 12)) if norm(raw[k])][:6]
    lines = [title] + [x for x in under if _is_date_or_byline(x) or name_line(x, title)]
    return _Head(lines, max(start, named + 1), named, True)


def _head_trail(raw: list[str], trail: tuple, start: int) -> _Head:
    """A bullet trail that ends in the headline: its date and byline lines follow it, the body is the block."""
    t, section = trail
    title = norm(_BULLET.sub("", raw[t]))
    under = [norm(_BULLET.sub("", raw[k])) for k in range(t + 1, min(start, t + 24))
             if norm(_BULLET.sub("", raw[k]))][:10]
    lines = [title] + list(dict.fromkeys(x for x in under if _is_date_or_byline(x) or name_line(x, title)))
    return _Head(lines, start, None, False, section)


def _subheading_opens_body(raw: list[str], paras, h: int, h0: int, body_from: int) -> bool:
    """Rule ``trail_subheading``: the line first taken for the headline, when a trail names a headline above
    it, is the article's subheading if it is a heading of good text right over the body ("Eine private
    Wildvogelauffang- und Auswilderungsstation" / "Ewald Ferlemann und sein Leben für die Vögel" / "Rentnerinnen
    und Rentner …"): it opens the body. A line of four words or less stays out (the seed header would read it,
    first in the body, as the headline under a kicker)."""
    if not h < h0 < body_from or _next_nonblank(raw, h0, body_from + 1) != body_from:
        return False
    x = next((y for y in paras if y.index == h0), None)
    return x is not None and x.cls == "good" and x.heading and len(x.clean.split()) > 4 \
        and not _is_date_or_byline(x.clean)


def _head_at(raw, paras, chosen, h: int, h0: int, start: int, repeated: set[str], p) -> _Head:
    """The header under the headline found by its words (``h0``), or under the line a trail named instead."""
    body_from = _body_start(paras, chosen, max(h, h0), start, p)
    if h == h0:
        return _Head(_header(raw, h, body_from, repeated), body_from, h)
    # the trail names the headline: it replaces the line first taken, the header stays
    title, first = norm(raw[h]), norm(raw[h0])
    if _subheading_opens_body(raw, paras, h, h0, body_from):
        body_from = h0
    old = _header(raw, h0, body_from, repeated)
    at = next((i for i, x in enumerate(old) if first in x or x in first), 0)
    # the date and byline lines right under the true headline come first (before dates in the text)
    under = [norm(_BULLET.sub("", raw[k])) for k in range(h + 1, min(h0, h + 12)) if norm(raw[k])][:4]
    under = [x for x in under if _is_date_or_byline(x) or name_line(x, title)] if h < h0 else []
    return _Head([title] + under + [x for x in old[at + 1:] if x != title and x not in under], body_from, h0, True)


def _locate_head(raw: list[str], paras, chosen, repeated: set[str], p) -> _Head:
    """Where the article's headline and header are: found by the body's words, named by a trail above
    the block, or the last line of a bullet trail."""
    start = paras[chosen[0]].index
    # the headline may open the block (a heading before good text is kept): look up to the first long paragraph
    first_long = next((paras[i].index for i in chosen if len(paras[i].clean) >= p.length_high), start)
    all_body = "\n".join(paras[i].clean for i in range(chosen[0], chosen[-1] + 1) if paras[i].cls == "good")
    h = over = pick_headline(raw, start, all_body, repeated, end=first_long)
    from pipeline.web.dump20 import stacked_headline
    h = stacked_headline(raw, h, start, repeated)      # dump20: an overline over the headline
    named = trail_headline(raw, start) if h is None else None   # no headline found by its words: a trail
    h0 = h
    if h is not None:
        h = trail_headline(raw, h) or h   # the body still starts below the line first taken for the headline
    trail = list_trail(raw, start, all_body)
    if trail is not None and h is not None and h < start and _headline_beats_trail(raw, trail, h, all_body):
        trail = None
    if named is not None:
        return _head_named(raw, named, start)
    if trail is not None:
        return _head_trail(raw, trail, start)
    if h is not None:
        from pipeline.web.dump21 import overline_out
        return overline_out(_head_at(raw, paras, chosen, h, h0, start, repeated, p), raw, over, h0)
    return _Head([], start)


def _dump_date_authors(raw: list[str], paras, chosen, head: list[str], top: int, start: int):
    """(published, authors) of the header; else a bare date line in or just below the article, the names
    by the date, an author box after the article or an author note in it."""
    end = paras[chosen[-1]].index
    published, authors = header_date_authors(_date_lines(raw, paras, head, top, start, end if _forms_on() else None))
    if published is None:   # no date in the header: a bare date line in or just below the article
        published = bare_date(raw[top:end + 1] + [x for x in raw[end + 1:] if x.strip()][:30])
    if not authors:
        authors = names_by_date(head, head[0] if head else None)
    if not authors:   # an author box after the article or in the header, or an author note in the article
        authors = labelled_author(raw[top:start] + [x for x in raw[end + 1:] if x.strip()][:30]) \
            or inline_author(raw[start:end + 1])
    from pipeline.web import dump_evidence, dump_forms
    if not authors:     # dump19: byline forms under the headline or at the article's end, an author box
        authors = dump_evidence.authors(raw, top, start, end)
    from pipeline.web import dump20
    authors = dump20.clean_names(authors) or dump20.authors(raw, top, start, end)   # dump20: glued tails, forms
    if published is None:     # dump19: a labelled date line at the article's end
        published = dump_evidence.end_published(raw, end)
    return dump_forms.fill(raw, head, top, dump_forms.text_end(paras, chosen, start), published, authors)     # dump18b: forms the rules never saw


def _forms_on() -> bool:
    from pipeline.web.dump_forms import on
    return on()


def _final_head(head: list[str], published, authors) -> list[str]:
    """A header line of nothing but the authors' names is the byline, not article text; date lines
    ("Veröffentlicht am 16.11.2023 | Lesedauer: 3 Minuten") are read: as plain dates they end the header."""
    if authors:
        from pipeline.web.htmlmeta import AGENCY_BYLINE
        from pipeline.web.dump_evidence import byline_of
        head = head[:1] + [x for x in head[1:] if not (name_line(x) and name_line(x) == authors)
                           and not AGENCY_BYLINE.match(norm(x)) and not byline_of(x, authors)]
    if published is not None:
        head = head[:1] + [_plain_date(x) for x in head[1:]]
    return head


def article_text(text: str, repeated: set[str] | None = None) -> DumpArticle | None:
    """The article of a page dump as a seed-format text (headline, header lines, body) with the date and
    authors of its header, or None when no article block is found."""
    from pipeline.web import dump_end, dump_evidence, dump_furniture, dump_title
    from pipeline.web.html import is_shop_line

    rules = web_rules()
    repeated = repeated or set()
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paras = classify_lines(raw, repeated, rules.dump)
    chosen = pick_article(paras)
    if not chosen:
        return None
    if rules.card_counters:
        card_counters(paras, chosen[0], chosen[-1])
    dump_evidence.prose_between(paras, chosen[0], chosen[-1])     # dump19: prose of few stopwords between good text
    dump_furniture.mark(paras, chosen[0], chosen[-1])    # dump17: captions, pointers, teasers, newsletter lines
    dump_end.teaser_section(paras, chosen[0], chosen[-1])   # dump18: other stories after a label at the end
    dump_end.newsletter_box(paras, chosen[0], chosen[-1])
    from pipeline.web.dump20 import promo_box
    promo_box(paras, chosen[0], chosen[-1])      # dump20: a blurb over "Jetzt testen", under "Weiterlesen mit Abo"
    hd = _locate_head(raw, paras, chosen, repeated, rules.dump)
    h, start = hd.h, hd.start
    head = [y for x in hd.lines for y in _unglue(x)]
    head = head[:1] + [x for x in head[1:] if not is_shop_line(norm(x), rules)]
    head = dump_furniture.kicker_split(dump_furniture.desk_suffix(dump_furniture.head_captions(head)), raw, h)
    first = next((i for i, x in enumerate(paras) if x.index >= start), chosen[0])   # a subheading over the block
    body = "\n\n".join(dump_title.edition_date(_GLUED_UHR.sub("", paras[i].clean))
                        for i in range(min(first, chosen[0]), chosen[-1] + 1)
                        if paras[i].cls == "good" and paras[i].index >= start   # a glued date line is no body
                        and not paras[i].caption and not paras[i].card          # nor a caption or a card
                        and not is_shop_line(paras[i].clean, rules))           # nor a shop link or edition line
    head = dump_title.split_head(head, raw, h, body)      # dump18: a kicker glued to the headline
    head = head[:1] + [dump_title.edition_date(x) for x in head[1:]]
    published, authors = _dump_date_authors(raw, paras, chosen, head, h if h is not None else start, start)
    authors = dump_evidence.interviewers(authors, body)     # dump19: the guest of an interview is no author
    from pipeline.web.dump20 import author_box_out
    body = author_box_out(body, authors)        # dump20: an author box at the text's end
    title = (head[0] if hd.moved else norm(raw[h])) if h is not None else None
    section = crumb_section(raw, h, title) if h is not None else hd.section
    from pipeline.web.dump_forms import line_trail      # dump18b: a one-line trail, or one that goes on
    trail = line_trail(raw, h, title)
    section = trail if trail and (section is None or trail.startswith(section + " / ")) else section
    if section is None and h is not None:       # dump19: a trail the page shows by its home link or menu
        from pipeline.web.dump_evidence import section as evidence_section
        section = evidence_section(raw, h, title)
    from pipeline.web import dump20
    section = dump20.clean_section(section or dump20.section(raw, h, title))   # dump20: a menu item's trail
    from pipeline.web.dump21 import plain_trail, word_trail
    section = section or word_trail(raw, h) or plain_trail(raw, h, title)    # dump21: trails of other forms
    head = dump_furniture.head_furniture(_final_head(head, published, authors))     # dump17
    from pipeline.web.dump20 import relative_date_line
    head = head[:1] + [x for x in head[1:] if not relative_date_line(norm(x))]     # dump20: no date, no text
    return DumpArticle("\n".join(head) + "\n\n" + body, published, authors, headline=bool(head), section=section)


# ----------------------------------------------------------------------------- lines across pages
_SITE_PREFIX = re.compile(r"^((?:[\w-]+\.)+(?:de|at|ch|com|net|org|info|eu|li|lu|it))(?=[.\-_]|$)", re.I)


def site_key(path) -> str:
    """The site of a dump file: a domain at the start of its name ("taz.de.siemens.txt" -> "taz.de"), else
    its folder."""
    from pathlib import Path
    p = Path(path)
    m = _SITE_PREFIX.match(p.name)
    return m.group(1).lower() if m else str(p.parent)


def repeated_lines(texts_by_site: dict[str, list[str]], min_pages: int | None = None) -> dict[str, set[str]]:
    """Per site, the lines found on ``min_pages`` or more *other* pages of it (menus, footers, teasers)."""
    n = min_pages if min_pages is not None else web_rules().dump.min_repeated_pages
    out: dict[str, set[str]] = {}
    for site, texts in texts_by_site.items():
        if len(texts) <= n:
            continue
        c: Counter = Counter()
        for t in texts:
            c.update({norm(ln) for ln in t.split("\n") if len(norm(ln)) >= 3})
        out[site] = {ln for ln, k in c.items() if k - 1 >= n}
    return out


def repeated_for_files(files, max_bytes: int = 2_000_000, reader=None) -> dict[str, set[str]]:
    """For the text files among ``files``: path -> the lines repeated on other pages of its site. Only sites
    with more than ``min_repeated_pages`` text files count. ``reader(path) -> str`` reads a file (default:
    UTF-8 with replacement); a file it cannot read, or one over ``max_bytes``, is left out (read_file
    reports it)."""
    from pathlib import Path
    by_site: dict[str, list[Path]] = {}
    for f in files:
        p = Path(f)
        if p.suffix.lower() in (".txt", ".text"):
            by_site.setdefault(site_key(p), []).append(p)
    n = web_rules().dump.min_repeated_pages
    read = reader or (lambda p: p.read_bytes().decode("utf-8", errors="replace"))
    out: dict[str, set[str]] = {}
    for site, paths in by_site.items():
        if len(paths) <= n:
            continue
        texts = {}
        for p in paths:
            try:
                if p.is_file() and p.stat().st_size <= max_bytes:
                    texts[str(p)] = read(p)
            except Exception:  # noqa: BLE001 - bad files are read_file's to report
                continue
        rep = repeated_lines({site: list(texts.values())}, n).get(site, set())
        for path in texts:
            out[path] = rep
    return out
