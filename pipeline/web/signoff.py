"""The author's sign-off that closes an article's last paragraph (eighteenth session, dump18).

Austrian papers (derStandard, Die Presse, Kleine Zeitung) end the article text with the author and the day in
parentheses, inside the last paragraph: "… auf Bundesebene. (Stefanie Moser, 18.9.2023)". The byline is read
elsewhere; in the body the sign-off is furniture. Switch: ``web.yaml`` ``sign_offs``.
"""
from __future__ import annotations

import re

from pipeline.web.profile import web_rules

_NAME = r"(?:[A-ZÄÖÜ][\w.'-]+(?:\s+(?:von\s+|van\s+|de\s+)?[A-ZÄÖÜ][\w.'-]+){0,3}|[a-z]{2,5}|[A-Z]{2,5})"
_SIGN_OFF = re.compile(r"\s*\(" + _NAME + r"(?:\s*(?:,|/|und)\s*" + _NAME + r"){0,3},\s*\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})\)$")


def strip_sign_off(paras: list[str]) -> list[str]:
    """Rule ``sign_off``: the paragraph that closes with "(Name, D.M.YYYY)" loses it ("… auf Bundesebene. (Stefanie
    Moser, 18.9.2023)" -> "… auf Bundesebene."; also "(APA, 18.9.2023)", "(red, 18.9.2023)", two names; a
    paragraph that is nothing but the sign-off goes): the last such paragraph, in the second half of the body and
    after a sentence end. It ends the article: up to six short paragraphs after it (25 words at most each: a
    forum's label and notice, "Forum" / "Diskutieren Sie respektvoll …") go too; longer text after it stays."""
    if not web_rules().sign_offs:
        return paras
    at = next((i for i in range(len(paras) - 1, len(paras) // 2 - 1, -1) if _SIGN_OFF.search(paras[i])), None)
    if at is None:
        return paras
    m = _SIGN_OFF.search(paras[at])
    rest = paras[at][:m.start()].rstrip()
    if rest and not re.search(r"[.!?…][\"“”'’»«)]*$", rest):
        return paras
    after = [p for p in paras[at + 1:] if p.strip()]
    if len(after) <= 6 and all(len(p.split()) <= 25 for p in after):
        after = []
    else:
        after = paras[at + 1:]
    return paras[:at] + ([rest] if rest else []) + after
