"""Page furniture inside the article block of a full-page text dump (seventeenth session, dump17).

Templates of large German news sites print, between and after the article's paragraphs, picture captions with
their credits, pointers to other articles ("Mehr zum Thema", "Lesen Sie auch …"), teasers of other articles with
their teaser sentence, newsletter blurbs and broadcast notes. The block finder (:mod:`pipeline.web.dump`) keeps
them: they are long enough and full of stopwords. The rules here mark them as captions or cards (kept out of the
body, as ``doubled_caption`` and ``card_counter`` do); words and patterns are data in ``web.yaml``
(``dump_furniture``), the shapes are code. Switch: ``dump_furniture.enabled``.
"""
from __future__ import annotations

import re

from pipeline.web.profile import web_rules

_END_PUNCT = re.compile(r"[.!?:;,]$")
_SENT_END = re.compile(r"[.!?…](?:[\"“”»«’']|\s|$)")


def _words(t: str) -> int:
    return len(t.split())


def _headline_like(t: str, most: int = 16) -> bool:
    """A heading or teaser headline: 2..``most`` words, no final punctuation (a question mark may end it),
    starting with a capital letter, digit or quote."""
    return 2 <= _words(t) <= most and not re.search(r"[.:;,]$", t) and bool(re.match(r"[„\"«»‚'A-ZÄÖÜ0-9]", t))


def _next(paras, i: int, hi: int, max_lines: int = 2):
    """The paragraph after ``i`` (up to ``hi``) when it stands within ``max_lines`` raw lines, else None."""
    if i + 1 <= hi and paras[i + 1].index - paras[i].index <= max_lines:
        return i + 1
    return None


def _prev(paras, i: int, lo: int, max_lines: int = 2):
    if i - 1 >= lo and paras[i].index - paras[i - 1].index <= max_lines:
        return i - 1
    return None


def credit_line(t: str) -> bool:
    """A photo credit on a line of its own: "Bild: dpa", "Bildrechte: BR/Jonas Wirth", "Quelle: t-online",
    "© picture alliance / Frank Hormann", "Christoph Ruckstuhl / NZZ"."""
    return any(p.search(t) for p in web_rules().dump_furniture.credit_lines)


def credit_tail(t: str) -> bool:
    """A caption that ends with its credit: "… leer. (Quelle: Christoph Reichwein/dpa)", "… Ausgaben. Quelle:
    IMAGO/Steinach", "… (Symbolbild) Getty Images/iStockphoto", "… haben. Christoph Ruckstuhl / NZZ"."""
    return _words(t) <= 45 and any(p.search(t) for p in web_rules().dump_furniture.credit_tails)


def _byline_or_date(t: str) -> bool:
    from pipeline.web.dump import _is_date_or_byline
    return _is_date_or_byline(t)


def captions(paras, lo: int, hi: int) -> None:
    """Rule ``dump_caption_credit``: a line that ends with a photo credit, or that a credit line follows (within
    one blank line), is a picture's caption; the credit line, and the picture's alt text right above the caption
    (a short line without final punctuation, within one blank line), go with it. Example (a tagesschau.de-like
    dump): "Kinder mit Schwimmnudeln in einem Lehrschwimmbecken" / "Ein Anfängerkurs in einem Lehrschwimmbecken
    in Hannover. …" / "Bild: dpa"."""
    for i in range(lo, hi + 1):
        x = paras[i]
        cap = None
        if credit_tail(x.clean) and not credit_line(x.clean):
            cap = i
        elif credit_line(x.clean) and _words(x.clean) <= 10:
            j = _prev(paras, i, lo)
            if j is not None and 3 <= _words(paras[j].clean) <= 30 and len(_SENT_END.findall(paras[j].clean)) <= 2 \
                    and not credit_line(paras[j].clean) and not paras[j].clean.endswith(":"):
                cap = j
                x.caption = True
        if cap is None:
            continue
        paras[cap].caption = True
        k = _prev(paras, cap, lo)
        if k is not None and _words(paras[k].clean) <= 12 and not _END_PUNCT.search(paras[k].clean) \
                and not paras[k].clean.endswith(("?", "!")) and not _byline_or_date(paras[k].clean):
            paras[k].caption = True     # (dump18: a byline or date line over the picture is no alt text)


def head_captions(head: list[str]) -> list[str]:
    """Rule ``dump_caption_credit`` in the header (between the headline and the body): a line that ends with
    its credit ("Einsatzkräfte in Wuppertal-Elberfeld: … leer. (Quelle: Christoph Reichwein/dpa)"), a credit
    line with the line above it, and the picture's alt line above the caption leave the header."""
    if not web_rules().dump_furniture.on:
        return head
    drop: set[int] = set()
    keep = {0, 1} if len(head) > 1 and _words(head[0]) <= 4 else {0}     # the kicker and the headline stay
    for i in range(1, len(head)):
        t = head[i]
        if credit_tail(t) and not credit_line(t):
            cap = i
        elif credit_line(t) and _words(t) <= 10 and i - 1 not in keep and 3 <= _words(head[i - 1]) <= 30 \
                and len(_SENT_END.findall(head[i - 1])) <= 2 and not head[i - 1].endswith(":"):
            drop.add(i)
            cap = i - 1
        else:
            continue
        drop.add(cap)
        if cap - 1 not in keep and _words(head[cap - 1]) <= 12 and not re.search(r"[.!?:;,]$", head[cap - 1]) \
                and not _byline_or_date(head[cap - 1]):      # dump18: a byline over the picture stays
            drop.add(cap - 1)
    return [x for i, x in enumerate(head) if i not in drop - keep]


_UPDATED_TAIL = re.compile(r"^(.*?\d.*?)\s+(?:Aktualisiert|Zuletzt aktualisiert|Update)\s+am\b.*$")
_PLAYER = re.compile(r"^[^.!?]{5,160}\s\d{1,3}\s?(?:Min|Sek)\.?\s[^.!?]{2,100}$")


def head_furniture(head: list[str]) -> list[str]:
    """Rule ``dump_furniture_line`` in the header, once its date is read: a player line ("Seehunde im Wattenmeer:
    Weniger Tiere gezählt 1 Min NDR 1 Welle Nord - …") and furniture lines leave it; a date line's update part
    ("21. Juli 2022, 15:30 Uhr Aktualisiert am 22. Juli 2022, 8:05 Uhr 73 Kommentare") is cut."""
    if not web_rules().dump_furniture.on:
        return head
    rules = web_rules().dump_furniture
    out = head[:1]
    for t in head[1:]:
        dated = bool(re.search(r"\b\d{1,2}\.\s?(?:\d{1,2}\.|[A-Za-zä]{3,9}\s)\s?\d{4}", t))   # the seed reader's date
        if _PLAYER.match(t) or not dated and _words(t) <= 60 and any(p.search(t) for p in rules.lines):
            continue
        m = _UPDATED_TAIL.match(t)
        out.append(m.group(1) if m and _words(m.group(1)) <= 8 else t)
    return out


def _label(t: str) -> re.Match | None:
    return web_rules().dump_furniture.related_label.match(t)


def related(paras, lo: int, hi: int) -> None:
    """Rule ``dump_related_label``: a pointer to other articles: the label alone ("Mehr zum Thema", "Auch
    interessant", "Passend zum Artikel") with the headline line right after it, or the label and the headline on
    one line ("Lesen Sie auch Krankenhausreform: Was sich für Patienten ändert", "Mehr zum Thema F+
    Baufinanzierung: Lohnt sich der Hauskauf jetzt noch?"). The article's paragraph after it stays."""
    for i in range(lo, hi + 1):
        t = paras[i].clean
        m = _label(t)
        if m is None:
            continue
        rest = t[m.end():].strip(" :–-|")
        if not rest:
            paras[i].card = True
            j = _next(paras, i, hi)
            while j is not None and _headline_like(paras[j].clean, 20) and not _SENT_END.search(paras[j].clean[:-1]):
                paras[j].card = True     # the headline; lines glued under it (a picture's alt, the headline) too
                j = _next(paras, j, hi, 1)
        elif _words(rest) <= 20 and not rest.endswith(".") and len(_SENT_END.findall(rest[:-1])) == 0:
            paras[i].card = True


def lines(paras, lo: int, hi: int) -> None:
    """Rule ``dump_furniture_line``: whole lines that are furniture by their words (``dump_furniture.lines``:
    broadcast notes "Über dieses Thema berichtet: …", "Verwendete Quellen:", update lines, newsletter blurbs
    "… jeden Werktag um 6 Uhr in Ihrer Mailbox.", embed and player labels). A newsletter blurb takes the
    newsletter's name right above it ("Der Tag" / "Das Nachrichtenbriefing … – jeden Morgen um 7 Uhr.")."""
    rules = web_rules().dump_furniture
    for i in range(lo, hi + 1):
        t = paras[i].clean
        if _words(t) > 60 or not any(p.search(t) for p in rules.lines):
            continue
        paras[i].card = True
        j = _prev(paras, i, lo)
        if j is not None and _words(paras[j].clean) <= 6 and _headline_like(paras[j].clean, 6) \
                and rules.newsletter.search(t):
            paras[j].card = True


_DATE_END = re.compile(r"\s\d{1,2}\.\d{1,2}\.\d{2,4}$")
# a date after one of these is the line's own ("Die wichtigsten Ticketpreise ab 01.01.2024"), not a teaser's
_DATE_PREPS = frozenset("ab bis vom von seit zum am per für nach vor um den dem der bis zum".split())


def dated_teasers(paras, lo: int, hi: int) -> None:
    """Rule ``dump_dated_teaser``: a teaser of another article inside the block, printed on one line as kicker,
    headline and its date ("Nichtschwimmer Immer mehr Grundschüler können nicht sicher schwimmen 02.06.2023"):
    at most 16 words, no sentence punctuation, ending in a date."""
    for i in range(lo, hi + 1):
        t = paras[i].clean
        m = _DATE_END.search(t)
        if m and _words(t) <= 16 and not re.search(r"[.!?:;,]\s", t) \
                and t[:m.start()].split()[-1].casefold() not in _DATE_PREPS:
            paras[i].card = True


def _teaser_pair(paras, j: int, lo: int) -> int | None:
    """Where a teaser (headline line, then one or two short sentences as its teaser paragraph) ending at
    paragraph ``j`` starts, else None."""
    t = paras[j].clean
    if len(t) > 280 or not t.endswith((".", "?", "!")) or len(_SENT_END.findall(t)) > 2:
        return None
    k = j - 1
    if k < lo or paras[j].index - paras[k].index > 2:
        return None
    return k if _headline_like(paras[k].clean) else None


def trailing_teasers(paras, lo: int, hi: int) -> None:
    """Rule ``dump_teaser_block``: the block ends in teasers of other articles: two or more in a row, each a
    headline line followed by one or two short sentences ("Gesundheitspolitik Länder drohen mit Blockade der
    Klinikreform" / "Die Bundesländer wollen die Krankenhausreform im Bundesrat aufhalten. Sie fürchten …"),
    furniture and headline-only lines between or after them. They leave the body."""
    j = hi
    while j >= lo and (paras[j].card or paras[j].caption or not paras[j].clean):
        j -= 1
    tail = []
    while j >= lo and _headline_like(paras[j].clean, 30) and not paras[j].clean.endswith(("?", "!")):
        tail.append(j)       # headline-only teasers after the last teaser paragraph
        j -= 1
    pairs = []
    while j >= lo:
        if paras[j].card or paras[j].caption:
            j -= 1
            continue
        k = _teaser_pair(paras, j, lo)
        if k is None:
            break
        pairs.append((k, j))
        j = k - 1
    if len(pairs) < 2:
        return
    for k, j in pairs:
        paras[k].card = paras[j].card = True
    for i in tail:
        paras[i].card = True


def comment_tail(paras, lo: int, hi: int) -> None:
    """Rule ``dump_comment_tail``: a whole line that opens the comments ("73 Kommentare", "Lesermeinungen",
    "Alle Kommentare anzeigen"; ``dump_furniture.article_end``) ends the article: it and the rest of the block
    (readers' comments: "Peter Hausmann 03.11.2022 - 08:12" / "Die Politik hat jahrelang zugesehen, …") leave
    the body."""
    ends = web_rules().dump_furniture.article_end
    at = next((i for i in range(lo, hi + 1) if _words(paras[i].clean) <= 6
               and any(p.fullmatch(paras[i].clean) for p in ends)), None)
    if at is not None:
        for i in range(at, hi + 1):
            paras[i].card = True


def mark(paras, lo: int, hi: int) -> None:
    """All dump17 furniture rules over the article's block (paragraph indices ``lo``..``hi``)."""
    if not web_rules().dump_furniture.on:
        return
    captions(paras, lo, hi)
    related(paras, lo, hi)
    lines(paras, lo, hi)
    dated_teasers(paras, lo, hi)
    comment_tail(paras, lo, hi)
    trailing_teasers(paras, lo, hi)


def _cap(w: str) -> bool:
    return w[:1].isupper()


def kicker_boundary(t: str, strong: bool = False) -> int | None:
    """Where a headline line that starts with its kicker (no colon between) turns into the headline: the word
    index ``k`` (1..5, 3+ words after it) of a capitalised function word (``kicker_openers``) after a content word ("Landarztmangel
    in Sachsen-Anhalt | Mehr als 300 Hausarztsitze unbesetzt"), or of a capitalised word after a capitalised
    content word and before a lower-case content word ("Marode Schwimmbäder | Städtetag fordert …", "Unwetter
    in NRW | Keller vollgelaufen, …")."""
    from pipeline.web.dump import stopwords
    sw, openers = stopwords(), web_rules().dump_furniture.kicker_openers
    w = t.split()
    if re.search(r"[:|–—]", " ".join(w[:6])) or len(w) < 4:
        return None
    low = lambda x: x.casefold().strip("„\"“”,.;!?")  # noqa: E731
    for k in range(1, min(6, len(w) - 2)):
        prev, cur, nxt = w[k - 1], w[k], w[k + 1]
        if not _cap(cur) or low(prev) in sw or not re.match(r"[A-ZÄÖÜ0-9]", prev):
            continue
        if low(cur) in openers:
            return k
        if not strong and _cap(prev) and nxt[:1].islower() and low(nxt) not in sw and k >= 2 \
                and not re.fullmatch(r"[A-ZÄÖÜ]{2,6}", cur):    # "… Tarifverbund AVV erhöht": a name's acronym
            return k
    return None


def colon_kicker(t: str) -> tuple[str, str] | None:
    """(kicker, title) of a headline line "Kicker: Title" whose kicker is a short noun phrase: one to four
    words, the first capitalised and no function word ("Hitze in Städten: Innenstädte heizen sich …", "Ökonom im
    Gespräch: „Der Wohnungsbau bricht gerade ein“"; not "Nach 312 Jahren: Bamberger Brauerei Hornung gibt auf")."""
    from pipeline.web.dump import stopwords
    m = re.match(r"^([^:]{2,60}):\s+(\S.*)$", t)
    if m is None:
        return None
    kicker, title = m.group(1).strip(), m.group(2).strip()
    w = kicker.split()
    if not 1 <= len(w) <= 4 or not re.match(r"[A-ZÄÖÜ]", w[0]) or w[0].casefold() in stopwords() \
            or re.search(r"\d|[„“\"«»]", kicker) or _words(title) < 3 and not title.startswith(("„", "\"", "»")):
        return None
    return kicker, title


def _kicker_evidence(raw: list[str], h: int) -> int:
    """Other short lines of the page (teasers of other articles) that start with a glued kicker ended by a
    capitalised function word ("DLRG-Bilanz Mehr Badetote in Flüssen und Seen")."""
    return sum(1 for i, ln in enumerate(raw) if i != h and 4 <= _words(ln) <= 16
               and not ln.strip().endswith(".") and (kicker_boundary(norm_line(ln), True) or 9) <= 3)


def kicker_split(head: list[str], raw: list[str], h: int | None) -> list[str]:
    """Rule ``dump_glued_kicker``: the headline line glues the kicker to the headline ("Marode Schwimmbäder
    Städtetag fordert Milliardenfonds für Sanierung"; the gold title is without the kicker): a kicker of at most
    three words; or sets it before a colon (``colon_kicker``: "Hitze in Städten: Innenstädte heizen sich stärker
    auf als gedacht"). Split only when the page's template shows kickers elsewhere: two or more other short lines
    (teasers of other articles) start with a kicker ended by a capitalised function word ("DLRG-Bilanz Mehr
    Badetote in Flüssen und Seen", "Wartezeiten So lange warten Patienten …"). The kicker goes on its own line
    above the headline."""
    if not web_rules().dump_furniture.on or not head or h is None:
        return head
    at = next((i for i in (0, 1) if i < len(head) and head[i] == norm_line(raw[h])), None)
    if at is None:
        return head
    k = kicker_boundary(head[at])
    colon = colon_kicker(head[at]) if web_rules().dump_furniture.colon_kickers else None
    if (k is None or k > 3) and colon is None or _kicker_evidence(raw, h) < 2:
        return head
    if colon is not None:
        return list(colon) + head[at + 1:]     # a short line above ("Abo") was no kicker
    w = head[at].split()
    return [" ".join(w[:k]), " ".join(w[k:])] + head[at + 1:]


def norm_line(ln: str) -> str:
    from pipeline.web.dump import _BULLET, norm
    return norm(_BULLET.sub("", ln))


_SHORT_CRUMB = re.compile(r"^[\w.&-]+(?: [\w.&-]+)?\s+/\s+[\w.&-]+(?: [\w.&-]+)?$")


def not_headline(lines: list[str], i: int) -> bool:
    """Rule ``dump_not_headline``: lines that look like a headline but are none: a two-item breadcrumb of short
    items ("NZZ / Zürich"), and a picture's alt text or caption: a line with a credit at its end, or right above
    (no blank line between) a caption with its credit or a credit line ("Ein Kran über einer Baustelle im
    Frankfurter Europaviertel" / "Noch wird gebaut: Baustelle im Frankfurter Europaviertel Bild: Frank Röth")."""
    if not web_rules().dump_furniture.on:
        return False
    t = norm_line(lines[i])
    if _SHORT_CRUMB.match(t) or credit_tail(t):
        return True
    nxt = norm_line(lines[i + 1]) if i + 1 < len(lines) else ""
    return bool(nxt) and (credit_tail(nxt) or credit_line(nxt) and _words(nxt) <= 10)


def over_teaser(lines: list[str], anchor: int, ok) -> int | None:
    """Rule ``dump_headline_over_teaser``: the header reads headline, teaser, byline: when the line right above
    the byline/date line (``anchor``) is a teaser paragraph (a sentence of 12+ words), the headline-like line right
    above it (``ok(i)``: a candidate) is the headline ("Ökonom im Gespräch: „Der Wohnungsbau bricht gerade ein“" /
    "Steigende Zinsen, teure Baustoffe, …" / "Ein Interview von Julia Kranich …")."""
    from pipeline.web.dump import _prev_line
    if not web_rules().dump_furniture.on:
        return None
    k = _prev_line(lines, anchor)
    if k is None or _words(norm_line(lines[k])) < 12 or not norm_line(lines[k]).endswith((".", "!", "?")):
        return None
    j = _prev_line(lines, k)
    return j if j is not None and ok(j) and _words(norm_line(lines[j])) >= 3 else None


def _runs(raw: list[str], lo: int, hi: int):
    from pipeline.web.dump import _bullet_runs
    for i, j in _bullet_runs(raw, lo, hi):
        yield i, j, [norm_line(raw[k]) for k in range(i, j)]


def trail_section(raw: list[str], h: int, title: str) -> str | None:
    """Rule ``dump_trail_section``: the section from a breadcrumb trail set as a short list (2-4 items of at most
    three words) that the page's menus do not explain: right above the headline (at most two lines between) and
    starting with the site's name as the dump's first lines show it ("• FOCUS online" / "• Gesundheit" / "• Arzt &
    Klinik" -> "Gesundheit / Arzt & Klinik"); a one-line trail of short items above it ("BR24 live BR24 › Regionen ›
    Oberfranken" -> "Regionen / Oberfranken"); or anywhere below the headline, starting with a home link and ending
    with the headline ("• Startseite" / "• Wissen" / "• Umwelt" / "• Hitze in Städten: …" -> "Wissen / Umwelt")."""
    if not web_rules().dump_furniture.on:
        return None
    home = web_rules().home_crumbs
    from pipeline.web.dump import _BULLET
    first_menu = next((i for i, x in enumerate(raw) if _BULLET.match(x)), 0)
    top = [norm_line(x) for x in raw[:min(12, first_menu)] if norm_line(x)][:4]   # the masthead above the menus
    for i, j, items in _runs(raw, max(0, h - 12), h):
        near = sum(1 for k in range(j, h) if norm_line(raw[k])) <= 2
        if near and 2 <= len(items) <= 4 and all(_words(x) <= 3 for x in items) \
                and any(items[0] == t or t.startswith(items[0] + " ") for t in top):
            return " / ".join(items[1:])
    for ln in raw[max(0, h - 12):h]:       # a one-line trail: "BR24 live BR24 › Regionen › Oberfranken"
        parts = [x.strip() for x in re.split(r"\s+[›»>]\s+", norm_line(ln))]
        if len(parts) >= 3 and all(1 <= _words(x) <= 3 for x in parts) and parts[-1] != title:
            from pipeline.web.dump_evidence import menu_section     # dump19: "Blaulicht" is a menu item
            items = [x for x in parts[0 if menu_section(raw, parts[0]) else 1:] if x.casefold() not in home]
            return " / ".join(items) or None
    for i, j, items in _runs(raw, h + 1, min(len(raw), h + 200)):
        if 3 <= len(items) <= 6 and items[0].casefold() in home and items[-1] == title \
                and all(_words(x) <= 3 for x in items[1:-1]):
            return " / ".join(items[1:-1])
    return None


_NAME_DESK = re.compile(r"^((?:[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?\s){1,3}[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)"
                        r"(?:\s*[,/|]\s*|\s+|(?=[A-Z]))([A-Za-z]{2,6}(?:/[A-Za-z]{2,6})?)$")


def desk_suffix(head: list[str]) -> list[str]:
    """Rule ``dump_byline_desk``: a byline line of the author's name and the desk or agency, which a text browser
    glues or sets apart ("Katharina LübbersRND", "Katharina Lübbers RND", "Katharina Lübbers, dpa"), is the name
    alone (the desk is in ``agencies``)."""
    if not web_rules().dump_furniture.on:
        return head
    agencies = web_rules().agencies
    out = head[:1]
    for t in head[1:]:
        m = _NAME_DESK.match(t)
        if m and all(x.casefold() in agencies for x in m.group(2).split("/")):
            t = m.group(1)
        out.append(t)
    return out
