"""Furniture at the end of a full-page dump's article block (eighteenth session, dump18).

After the article, news templates print a labelled section of other stories ("Mehr aus München", "Mehr zum
Thema": headlines with glued kickers and their teaser sentences) and newsletter boxes ("Der WELT-Politik-
Newsletter" / "Einmal am Tag die wichtigsten …"). The block finder keeps them when they stand close to the
article. The rules here mark them as cards (kept out of the body). Switch: ``web.yaml`` ``dump_title_on``
(the dump18 rules).
"""
from __future__ import annotations

import re

from pipeline.web.dump_furniture import _headline_like, _label, _words
from pipeline.web.profile import web_rules

_SENT = re.compile(r"[.!?…][\"“”»«’']?(?:\s|$)")


def _teaser_text(t: str) -> bool:
    """A teaser paragraph: one to three sentences, at most 60 words."""
    return _words(t) <= 60 and 1 <= len(_SENT.findall(t)) <= 3 and bool(_SENT.search(t[-2:] + " "))


def teaser_section(paras, lo: int, hi: int) -> None:
    """Rule ``dump_teaser_section``: a label of other stories ("Mehr aus München", "Mehr zum Thema", "Weitere
    Nachrichten"; ``dump_furniture.related_labels``, alone on its line) in the second half of the article's block,
    after which the block holds only headline lines (two or more: "Radentscheid Warum der Ausbau der Radwege
    stockt"), each maybe with one short teaser paragraph right under it ("Vor vier Jahren hat der Stadtrat …"):
    the label and all after it leave the body."""
    if not web_rules().dump_title_on:
        return
    for i in range(lo + (hi - lo) // 2, hi + 1):
        m = _label(paras[i].clean)
        if m is None or paras[i].clean[m.end():].strip(" :–-|"):
            continue
        rest = [j for j in range(i + 1, hi + 1) if paras[j].clean and not paras[j].caption]
        heads = [j for j in rest if _headline_like(paras[j].clean, 30) and not paras[j].clean.endswith(("?", "!"))]
        # each teaser paragraph right under a headline line (short article paragraphs in a row are no teasers)
        paired = all(j in heads or k > 0 and rest[k - 1] in heads and _teaser_text(paras[j].clean)
                     for k, j in enumerate(rest))
        if len(heads) >= 2 and paired:
            for j in range(i, hi + 1):
                paras[j].card = True
            return


_NEWSLETTER_NAME = re.compile(r"^(?:Der|Die|Das|Unser|Unsere)?\s*\S{0,40}[Nn]ewsletter\b.{0,30}$")


def newsletter_box(paras, lo: int, hi: int) -> None:
    """Rule ``dump_newsletter_box``: a newsletter's name on a line of its own ("Der WELT-Politik-Newsletter", at most
    six words) and the one short sentence under it that describes it ("Einmal am Tag die wichtigsten politischen
    Nachrichten und Analysen der WELT-Redaktion.", at most 25 words) leave the body."""
    if not web_rules().dump_title_on:
        return
    for i in range(lo, hi):
        t = paras[i].clean
        if _words(t) > 6 or not _NEWSLETTER_NAME.match(t) or t.endswith((".", "!", "?")):
            continue
        paras[i].card = True
        j = i + 1
        if paras[j].index - paras[i].index <= 2 and _words(paras[j].clean) <= 25 \
                and len(_SENT.findall(paras[j].clean)) <= 1:
            paras[j].card = True
