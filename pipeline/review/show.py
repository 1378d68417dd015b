"""Review pages: one static HTML page per article with its annotations marked, and an index page.

    python -m pipeline show [ARTICLE ...] [--out OUTPUTS] [--dest DIR]

ARTICLE is an article id (or its first characters), part of a source path, or part of a title
(case-insensitive); none means every article. Pages go to ``OUTPUTS/_review/`` unless ``--dest``
says otherwise: ``index.html``, ``<article_id>.html`` and the corpus overview ``overview.html``
(:mod:`pipeline.review.overview`; ``--no-overview`` skips it). The pages are self-contained (inline CSS, no
script, no network).

The body text is shown as it is stored (``articles.body_text``), with every span of the tables
underlined in displaCy's span style: actor mentions (by label), roles, speakers, cues and claims,
each line labelled where its span starts. Every marked piece of text is a ``<span class="seg">``
carrying its offsets (``data-start``, ``data-end``) and the ids of the annotations covering it
(``data-ann``: ``c-<claim_id>``, ``r-<role_id>``, ``m-<mention_id>``, ``s-<start>-<end>`` for a
speaker, ``q-<start>-<end>`` for a cue); labels are CSS generated content, so the text content of the body element is
exactly ``body_text`` (the browser test checks that every annotation's text is
``body_text[start:end]``).
"""
from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.review.html import esc, page, table

KINDS = {   # kind -> (colour, legend text)
    "PER": ("#1f77b4", "person"), "ORG": ("#17becf", "organisation"), "LOC": ("#2ca02c", "place"),
    "MISC": ("#7f7f7f", "other entity"), "ROLE": ("#bcbd22", "role noun for an actor"),
    "role": ("#ff7f0e", "role (title held)"), "speaker": ("#9467bd", "speaker"), "cue": ("#d62728", "cue"),
    "claim": ("#8c564b", "claim"),
}
SLOT_PX = 12
_PIECE = re.compile(r"\s+|\S+")


@dataclass
class Ann:
    id: str
    kind: str
    start: int
    end: int
    label: str
    title: str
    slot: int = 0


def _v(x):
    return None if x is None or (not isinstance(x, (list, tuple, str)) and pd.isna(x)) else x


def annotations(art_id: str, t: dict[str, pd.DataFrame]) -> list[Ann]:
    """Every span of one article's rows, as annotations (identical kind+span only once)."""
    anns: list[Ann] = []
    m = t["mentions"][t["mentions"]["article_id"] == art_id]
    for r in m.itertuples():
        name = _v(r.actor_name)
        anns.append(Ann(f"m-{r.mention_id}", str(r.label), int(r.start), int(r.end), str(r.label),
                        f"{r.label}: {name or r.text}"))
    ro = t["roles"][t["roles"]["article_id"] == art_id]
    for r in ro.itertuples():
        org = _v(r.organization)
        lab = f"{r.role}{' · ' + org if org else ''}"
        anns.append(Ann(f"r-{r.role_id}", "role", int(r.start), int(r.end), lab,
                        f"role {lab} ({r.status}) of {_v(r.actor_name) or '?'}; rule {r.rule_id}"))
    cl = t["claims"][t["claims"]["article_id"] == art_id]
    for r in cl.itertuples():
        who = _v(r.speaker_name) or _v(r.speaker_text) or "?"
        anns.append(Ann(f"c-{r.claim_id}", "claim", int(r.claim_start), int(r.claim_end),
                        f"{r.claim_type} claim · {who}",
                        f"{r.claim_type} claim of {who} ({_v(r.speaker_kind) or '?'}); rule {r.rule_id}"
                        f"; confidence {_v(r.confidence)}"))
        if _v(r.speaker_start) is not None:
            anns.append(Ann(f"s-{int(r.speaker_start)}-{int(r.speaker_end)}", "speaker", int(r.speaker_start), int(r.speaker_end), "speaker",
                            f"speaker {who} ({_v(r.speaker_kind) or '?'})"))
        if _v(r.cue_start) is not None:
            anns.append(Ann(f"q-{int(r.cue_start)}-{int(r.cue_end)}", "cue", int(r.cue_start), int(r.cue_end), "cue",
                            f"cue {_v(r.cue_text)}"))
    seen, out = set(), []
    for a in sorted(anns, key=lambda a: (a.start, -a.end, a.kind)):
        if (a.kind, a.start, a.end) in seen or a.end <= a.start:
            continue
        seen.add((a.kind, a.start, a.end))
        out.append(a)
    _assign_slots(out)
    return out


def _assign_slots(anns: list[Ann]) -> None:
    """Greedy interval colouring: an annotation gets the lowest line free over its whole span."""
    ends: list[int] = []                  # slot -> end of its last annotation
    for a in anns:                        # sorted by start, longer first
        for i, e in enumerate(ends):
            if e <= a.start:
                a.slot, ends[i] = i, a.end
                break
        else:
            a.slot = len(ends)
            ends.append(a.end)


def render_body(body: str, anns: list[Ann]) -> str:
    """The body text with every annotated piece wrapped, displaCy span style."""
    cuts = {0, len(body)}
    for a in anns:
        cuts.update((max(0, a.start), min(len(body), a.end)))
    for m in _PIECE.finditer(body):
        cuts.update((m.start(), m.end()))
    cuts = sorted(cuts)
    starts: dict[int, list[Ann]] = {}
    for a in anns:
        starts.setdefault(a.start, []).append(a)
    out = []
    active: list[Ann] = []
    for s, e in zip(cuts, cuts[1:]):
        active = [a for a in active if a.end > s] + starts.get(s, [])
        text = esc(body[s:e])
        if not active:                    # a paragraph break: a short block, not empty lines of full height
            out.append(f'<span class="br">{text}</span>' if "\n" in text and not text.strip() else text)
            continue
        bars = "".join(f'<span class="bar k-{a.kind}" style="top:calc(1.25em + {a.slot * SLOT_PX}px)"></span>'
                       for a in active)
        labels = "".join(f'<span class="lab k-{a.kind}" data-label="{esc(a.label)}" title="{esc(a.title)}" '
                         f'style="top:calc(1.25em + {a.slot * SLOT_PX}px)"></span>'
                         for a in active if a.start == s)
        ids = " ".join(a.id for a in active)
        first = next((a.id for a in active if a.start == s and a.kind == "claim"), None)
        anchor = f' id="{first}"' if first else ""
        out.append(f'<span class="seg"{anchor} data-start="{s}" data-end="{e}" data-ann="{ids}">{text}{bars}{labels}</span>')
    return "".join(out)


def _css(n_slots: int) -> str:
    kinds = "".join(f".k-{k} {{ background: {c}; }} .legend .k-{k} {{ background: {c}; }}\n"
                    for k, (c, _) in KINDS.items())
    return kinds + f"""
#body {{ white-space: pre-wrap; font-size: 17px; line-height: calc(1.6em + {n_slots * SLOT_PX + 4}px);
        font-family: Georgia, "Times New Roman", serif; }}
.seg {{ position: relative; }}
.br {{ display: block; height: 14px; overflow: hidden; line-height: 1px; }}
.bar {{ position: absolute; left: 0; right: 0; height: 3px; opacity: 0.85; }}
.lab {{ position: absolute; left: 0; height: 0; z-index: 2; }}
.lab::before {{ content: attr(data-label); position: absolute; top: 0; left: 0; white-space: nowrap;
               font: 8.5px/1.05 Helvetica, Arial, sans-serif; color: #fff; background: inherit; padding: 0 3px;
               border-radius: 2px; opacity: 0.95; }}
.lab:hover::before {{ z-index: 3; }}
"""


def article_page(art: pd.Series, t: dict[str, pd.DataFrame], nav: str) -> str:
    aid = art["article_id"]
    body = art["body_text"]
    anns = annotations(aid, t)
    n_slots = max((a.slot for a in anns), default=0) + 1
    legend = "".join(f'<span class="k-{k}">{esc(txt)}</span>' for k, (_, txt) in KINDS.items())
    pub = art.get("published_at")
    meta = " · ".join(esc(x) for x in [str(pub)[:16] if _v(pub) is not None else None, _v(art.get("url")),
                                       art.get("source_path"), f"article {aid}"] if _v(x))
    cl = t["claims"][t["claims"]["article_id"] == aid].sort_values("claim_start")
    claims = table(["#", "speaker", "kind", "cue", "content", "type", "date", "conf.", "rule", "nested in"],
                   [[f'<a href="#c-{esc(r.claim_id)}">{i + 1}</a>', _v(r.speaker_name) or _v(r.speaker_text), _v(r.speaker_kind), _v(r.cue_text),
                     _v(r.content), r.claim_type, str(r.effective_date)[:10] if _v(r.effective_date) is not None
                     else "", _fmt(r.confidence), r.rule_id, "yes" if _v(r.parent_claim_id) else ""]
                    for i, r in enumerate(cl.itertuples())], raw={0})
    ro = t["roles"][t["roles"]["article_id"] == aid].sort_values("start")
    roles = table(["actor", "role", "organization", "status", "as written", "conf.", "rule"],
                  [[_v(r.actor_name), r.role, _v(r.organization), r.status, r.role_text, _fmt(r.confidence),
                    r.rule_id] for r in ro.itertuples()])
    ms = t["mentions"][(t["mentions"]["article_id"] == aid) & t["mentions"]["actor_id"].notna()]
    actors = (ms.groupby(["actor_name", "label"], observed=True).size().reset_index(name="n")
              .sort_values(["n", "actor_name"], ascending=[False, True]))
    actor_tab = table(["actor", "label", "mentions"], actors.values.tolist(), num={2})
    html = (f"<h1>{esc(art.get('title') or aid)}</h1><p class=meta>{meta}</p>"
            f"<p class=legend>{legend}</p>"
            f"<div id=\"body\" data-article=\"{esc(aid)}\">{render_body(body, anns)}</div>"
            f"<h2>Claims ({len(cl)})</h2>{claims}<h2>Roles ({len(ro)})</h2>{roles}"
            f"<h2>Actors ({len(actors)})</h2>{actor_tab}")
    return page(str(art.get("title") or aid), html, nav, _css(n_slots))


def _fmt(x) -> str:
    return "" if _v(x) is None else f"{float(x):.2f}"


def select(articles: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Articles matching any key: id prefix, part of the source path, or part of the title."""
    if not keys:
        return articles
    mask = pd.Series(False, index=articles.index)
    for k in keys:
        kl = k.casefold()
        mask |= articles["article_id"].str.startswith(k)
        mask |= articles["source_path"].fillna("").str.casefold().str.contains(kl, regex=False)
        mask |= articles["title"].fillna("").str.casefold().str.contains(kl, regex=False)
    return articles[mask]


def index_page(articles: pd.DataFrame, t: dict[str, pd.DataFrame], written: set[str], nav: str) -> str:
    n = {k: t[k].groupby("article_id").size() for k in ("claims", "roles", "mentions")}
    rows = []
    for a in articles.sort_values("published_at").itertuples():
        title = esc(a.title or a.article_id)
        link = f'<a href="{esc(a.article_id)}.html">{title}</a>' if a.article_id in written else title
        rows.append([link, str(a.published_at)[:10] if _v(a.published_at) is not None else "",
                     esc(a.source_path), int(n["claims"].get(a.article_id, 0)),
                     int(n["roles"].get(a.article_id, 0)), int(n["mentions"].get(a.article_id, 0))])
    body = (f"<h1>Review pages</h1><p class=meta>{len(articles)} articles; pages for {len(written)}</p>"
            + table(["article", "published", "source", "claims", "roles", "mentions"], rows,
                    num={3, 4, 5}, raw={0, 2}))
    return page("Review pages", body, nav)


NAV = '<a href="index.html">Articles</a><a href="overview.html">Corpus overview</a>'


def write_pages(out: str | Path, keys: list[str] | None = None, dest: str | Path | None = None,
                overview: bool = True) -> list[Path]:
    import pipeline
    t = pipeline.load(out, ["articles", "mentions", "roles", "claims"])
    dest = Path(dest) if dest else Path(out) / "_review"
    dest.mkdir(parents=True, exist_ok=True)
    chosen = select(t["articles"], keys or [])
    paths = []
    for _, art in chosen.iterrows():
        p = dest / f"{art['article_id']}.html"
        p.write_text(article_page(art, t, NAV), encoding="utf-8")
        paths.append(p)
    written = {p.stem for p in dest.glob("*.html")} & set(t["articles"]["article_id"])
    (dest / "index.html").write_text(index_page(t["articles"], t, written, NAV), encoding="utf-8")
    if overview:                                   # the index links it
        from pipeline.review.overview import overview_html
        (dest / "overview.html").write_text(overview_html(out), encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline show", description="write review pages (HTML)")
    ap.add_argument("articles", nargs="*", help="article id (prefix), part of a source path or of a title")
    ap.add_argument("--out", default="outputs")
    ap.add_argument("--dest", default=None, help="folder for the pages (default: OUT/_review)")
    ap.add_argument("--no-overview", action="store_true", help="do not (re)write overview.html")
    args = ap.parse_args(argv)
    paths = write_pages(args.out, args.articles, args.dest, overview=not args.no_overview)
    if args.articles and not paths:
        print(f"no article matches {' '.join(args.articles)}")
        return 1
    dest = Path(args.dest) if args.dest else Path(args.out) / "_review"
    extra = "" if args.no_overview else " and overview.html"
    print(f"{len(paths)} article pages, index.html{extra} in {dest}")
    return 0
