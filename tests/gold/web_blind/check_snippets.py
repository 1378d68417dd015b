"""Check the blind web page set: every gold snippet is a verbatim substring of its page's HTML text
content (script/style removed, whitespace collapsed) and of its text dump; `with` snippets occur once
in the dump; every page has a metadata file whose title is on the page.

Reads only the files of this folder.  Usage: python tests/gold/web_blind/check_snippets.py
"""
import json
import re
import sys
from pathlib import Path

import lxml.html
import yaml

HERE = Path(__file__).resolve().parent


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def html_text(path: Path) -> str:
    doc = lxml.html.fromstring(path.read_bytes())
    for el in doc.xpath("//script|//style|//noscript|//template"):
        el.drop_tree()
    return _norm(doc.text_content())


def check_page(entry: dict) -> list[str]:
    stem = entry["file"].rsplit(".", 1)[0]
    htext = html_text(HERE / "html" / entry["file"])
    dump = (HERE / "txt" / f"{stem}.txt").read_text(encoding="utf-8")
    ndump = _norm(dump)
    problems = []
    for kind in ("with", "without"):
        if not 6 <= len(entry[kind]) <= 10:
            problems.append(f"{stem}: {len(entry[kind])} '{kind}' snippets")
        for snippet in entry[kind]:
            if _norm(snippet) not in htext:
                problems.append(f"{stem}: {kind} snippet not in HTML text: {snippet!r}")
            if snippet not in dump:
                problems.append(f"{stem}: {kind} snippet not in txt dump: {snippet!r}")
            if kind == "with" and ndump.count(_norm(snippet)) != 1:
                problems.append(f"{stem}: with snippet occurs {ndump.count(_norm(snippet))}x in dump: {snippet!r}")
    meta = yaml.safe_load((HERE / "meta" / f"{stem}.yaml").read_text(encoding="utf-8"))
    if meta["file"] != entry["file"] or meta["split"] not in ("tune", "check"):
        problems.append(f"{stem}: meta file/split wrong")
    if _norm(meta["title"]) not in htext:
        problems.append(f"{stem}: meta title not on the page")
    return problems


def main() -> int:
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    problems = [p for entry in gold.values() for p in check_page(entry)]
    print("\n".join(problems) or f"{len(gold)} pages, all snippets found")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
