"""dump19: dump metadata from the evidence the page itself gives (issue 15).

- ``dump_page_signals``: a text is a whole page (read by the dump route) when it shows two kinds of page
  furniture: a skip link or consent notice among its first lines, a legal footer or copyright line among its last.
"""
from __future__ import annotations

from pipeline.web.profile import web_rules


def page_signals(text: str) -> list[str]:
    """Rule ``dump_page_signals``: the kinds of page furniture a text shows where a whole page has them: a skip
    link or consent notice among its first lines, a legal footer ("Impressum | Datenschutz | Kontakt") or a
    copyright line ("© Kölner Stadt-Anzeiger 2024") among its last (``web.yaml`` ``dump_evidence.page_signals``)."""
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    found = []
    for name, pat, where, n in web_rules().dump_evidence.page_signals:
        zone = lines[:n] if where == "top" else lines[-n:]
        if any(pat.search(x) for x in zone):
            found.append(name)
    return found


def is_page(text: str) -> bool:
    """A whole page by its furniture: ``min_signals`` kinds of page signal or more."""
    ev = web_rules().dump_evidence
    return ev.on and bool(ev.page_signals) and len(page_signals(text)) >= ev.min_signals
