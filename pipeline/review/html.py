"""Shared bits of the static pages: escaping, the page frame, the stylesheet."""
from __future__ import annotations

import sys
from html import escape

CSS = """
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0; color: #222; background: #fafafa; }
header { background: #24292f; color: #fff; padding: 10px 24px; }
header a { color: #9cdcfe; margin-right: 16px; }
main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 48px; background: #fff; }
h1 { font-size: 1.5em; margin: 0.4em 0; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ddd; }
.meta { color: #666; font-size: 0.9em; }
table { border-collapse: collapse; font-size: 0.88em; width: 100%; margin: 8px 0; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.num, th.num { text-align: right; }
.legend span { display: inline-block; margin: 2px 8px 2px 0; padding: 1px 6px; border-radius: 3px; font-size: 0.8em; color: #fff; }
code { background: #f3f3f3; padding: 0 3px; }
.added { background: #e6ffec; } .removed { background: #ffebe9; } .changed { background: #fff8c5; }
figure { margin: 12px 0 24px; } figure img { max-width: 100%; border: 1px solid #eee; }
"""


def esc(x) -> str:
    """``x`` escaped for HTML; a missing value (None, NaN, pandas' NA and NaT) is empty. pandas is asked only
    where it is imported already (only then can a value be one of its own): the re-run report's pages,
    written in the re-run's serial part, imported it for nothing (0.2-0.3 s; issue 16)."""
    if x is None or (isinstance(x, float) and x != x):
        return ""
    pd = sys.modules.get("pandas")
    if pd is not None:
        try:
            if pd.isna(x):
                return ""
        except (TypeError, ValueError):
            pass
    return escape(str(x))


def page(title: str, body: str, nav: str = "", extra_css: str = "") -> str:
    return ("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{esc(title)}</title>"
            f"<style>{CSS}{extra_css}</style></head><body><header>{nav}</header><main>{body}</main></body></html>\n")


def table(headers: list[str], rows: list[list], num: set[int] = frozenset(), raw: set[int] = frozenset(),
          row_class: list[str] | None = None) -> str:
    """An HTML table; cells are escaped unless their column index is in ``raw``."""
    h = "".join(f"<th{' class=num' if i in num else ''}>{esc(x)}</th>" for i, x in enumerate(headers))
    out = [f"<table><thead><tr>{h}</tr></thead><tbody>"]
    for k, r in enumerate(rows):
        cls = f" class=\"{row_class[k]}\"" if row_class and row_class[k] else ""
        cells = "".join(f"<td{' class=num' if i in num else ''}>{x if i in raw else esc(x)}</td>"
                        for i, x in enumerate(r))
        out.append(f"<tr{cls}>{cells}</tr>")
    out.append("</tbody></table>")
    return "".join(out)
