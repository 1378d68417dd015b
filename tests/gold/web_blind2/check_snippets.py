"""Check the blind web set: every gold snippet is verbatim in the page's text and in its w3m dump.

Reads only this directory. Snippets must be visible page text (not only script/JSON-LD) and occur once in the dump, so that a
`without` snippet cannot also be matched inside the article body. Each meta/*.yaml must name an existing
page. Usage: python tests/gold/web_blind2/check_snippets.py [DIR] (DIR: another set in the same layout, e.g.
tests/gold/web_blind3; default this directory).
"""
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


class _Text(HTMLParser):
    SKIP = {"script", "style", "noscript", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.depth = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1
        elif tag in ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "td", "section", "article", "figcaption"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def norm(text):
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def page_text(path):
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return norm("".join(parser.parts))


def main(here=HERE):
    here = Path(here)
    gold = json.loads((here / "gold.json").read_text(encoding="utf-8"))
    bad = 0
    files = set()
    html_of = {}
    for url, entry in gold.items():
        name = entry["file"]
        files.add(name)
        html = page_text(here / "html" / name)
        html_of[name] = html
        txt = norm((here / "txt" / name.replace(".html", ".txt")).read_text(encoding="utf-8"))
        if not (6 <= len(entry["with"]) <= 10 and 6 <= len(entry["without"]) <= 10):
            print(f"{name}: {len(entry['with'])} with / {len(entry['without'])} without (want 6-10)")
            bad += 1
        for kind in ("with", "without"):
            for snip in entry[kind]:
                s = norm(snip)
                for where, text in (("html", html), ("txt", txt)):
                    if s not in text:
                        print(f"{name} [{kind}] not in {where}: {snip!r}")
                        bad += 1
                if txt.count(s) > 1:
                    print(f"{name} [{kind}] occurs {txt.count(s)} times in txt: {snip!r}")
                    bad += 1
        for snip in entry["without"]:
            if any(norm(snip) in norm(w) or norm(w) in norm(snip) for w in entry["with"]):
                print(f"{name}: without overlaps with: {snip!r}")
                bad += 1
    for meta in sorted((here / "meta").glob("*.yaml")):
        data = yaml.safe_load(meta.read_text(encoding="utf-8"))
        if data.get("file") not in files or data.get("split") not in ("tune", "check"):
            print(f"{meta.name}: file not in gold.json or split is not tune/check")
            bad += 1
            continue
        if norm(data["title"]) not in html_of[data["file"]]:
            print(f"{meta.name}: title not shown on the page")
            bad += 1
        for key in ("title", "published", "authors"):
            if key not in data:
                print(f"{meta.name}: no {key}")
                bad += 1
    print(f"{len(gold)} pages, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else HERE))
