"""Corpus overview page: what is in the outputs, as plots (matplotlib, inline SVG; no network).

    python -m pipeline overview [--out OUTPUTS] [--dest DIR]

Writes ``overview.html`` next to the review pages (``OUTPUTS/_review/`` unless ``--dest``): the
numbers of articles, statements and roles, then claims per day (by the effective date, split by claim
type), the most quoted speakers (by speaker kind), who holds which role over time (one line per
role fact from first to last seen, a dot per article) and the reject reasons.
"""
from __future__ import annotations

import argparse
import io
from pathlib import Path

import pandas as pd

from pipeline.review.html import esc, page, table
from pipeline.review.show import NAV

TYPE_COLOURS = {"direct": "#8c564b", "indirect": "#c49c94", "reported": "#e377c2"}
KIND_COLOURS = {"person": "#1f77b4", "organization": "#17becf", "anonymous": "#7f7f7f", "unresolved": "#d62728"}


def _plt():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    plt.rcParams.update({"svg.fonttype": "none", "font.size": 9, "axes.spines.top": False,
                         "axes.spines.right": False, "figure.dpi": 100})
    return plt


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    _plt().close(fig)
    s = buf.getvalue()
    return s[s.index("<svg"):]


def _empty(plt, text: str):
    fig, ax = plt.subplots(figsize=(8, 1.2))
    ax.axis("off")
    ax.text(0.5, 0.5, text, ha="center", va="center", color="#666")
    return fig


def claims_per_day(st: pd.DataFrame) -> str:
    """Statements per effective date, within a week of the articles' dates (older or later statement
    dates, e.g. a report of what someone said years ago, are counted in the title)."""
    plt = _plt()
    if st.empty:
        return _svg(_empty(plt, "no claims"))
    d = st.assign(day=pd.to_datetime(st["effective_date"]).dt.date)
    pub = pd.to_datetime(st["published_date"]).dropna()
    outside = 0
    if not pub.empty:
        lo, hi = (pub.min() - pd.Timedelta(days=7)).date(), (pub.max() + pd.Timedelta(days=7)).date()
        inside = d["day"].between(lo, hi)
        outside = int((~inside & d["day"].notna()).sum())
        d = d[inside]
    counts = d.groupby(["day", "claim_type"], observed=True).size().unstack(fill_value=0).sort_index()
    fig, ax = plt.subplots(figsize=(9, 3))
    bottom = None
    x = [pd.Timestamp(v) for v in counts.index]
    for ctype in [c for c in TYPE_COLOURS if c in counts.columns] + [c for c in counts.columns if c not in TYPE_COLOURS]:
        ax.bar(x, counts[ctype], bottom=bottom, width=0.8, label=ctype, color=TYPE_COLOURS.get(ctype, "#999"))
        bottom = counts[ctype] if bottom is None else bottom + counts[ctype]
    ax.set_ylabel("statements")
    ax.yaxis.get_major_locator().set_params(integer=True)
    note = f"; {outside} dated more than a week away from every article not shown" if outside else ""
    ax.set_title(f"Statements per day (the claim's date, else the article's{note})", loc="left")
    ax.legend(frameon=False, ncols=3)
    fig.autofmt_xdate()
    return _svg(fig)


def top_speakers(st: pd.DataFrame, n: int = 15) -> str:
    plt = _plt()
    s = st[st["speaker"].notna()]
    if s.empty:
        return _svg(_empty(plt, "no speakers"))
    top = (s.groupby(["speaker", "speaker_kind"], observed=True).size().reset_index(name="n")
           .sort_values(["n", "speaker"], ascending=[False, True]).head(n).iloc[::-1])
    fig, ax = plt.subplots(figsize=(8, 0.28 * len(top) + 0.8))
    ax.barh(top["speaker"], top["n"], color=[KIND_COLOURS.get(k, "#999") for k in top["speaker_kind"]])
    for kind, col in KIND_COLOURS.items():
        if kind in set(top["speaker_kind"]):
            ax.bar(0, 0, color=col, label=kind)
    ax.set_xlabel("statements")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(f"Most quoted speakers (top {len(top)})", loc="left")
    ax.legend(frameon=False, loc="lower right")
    return _svg(fig)


def roles_over_time(rf: pd.DataFrame, rows: pd.DataFrame, n: int = 25) -> str:
    """One line per role fact from first to last seen, a dot per article date."""
    plt = _plt()
    rf = rf[rf["actor"].notna()]
    if rf.empty:
        return _svg(_empty(plt, "no roles"))
    top = rf.sort_values(["n_articles", "n_mentions", "first_seen"], ascending=[False, False, True]).head(n)
    top = top.sort_values(["first_seen", "actor"], ascending=[False, True])
    fig, ax = plt.subplots(figsize=(9, 0.28 * len(top) + 1))
    labels = []
    for i, r in enumerate(top.itertuples()):
        org = f" ({r.organization})" if isinstance(r.organization, str) else ""
        labels.append(f"{r.actor}: {r.role}{org}{' †' if r.status == 'former' else ''}")
        ax.plot([r.first_seen, r.last_seen], [i, i], color="#ff7f0e", lw=3, solid_capstyle="round")
        dates = rows[(rows["actor"] == r.actor) & (rows["role"] == r.role)]["published_date"]
        ax.scatter(pd.to_datetime(dates), [i] * len(dates), s=14, color="#c45a00", zorder=3)
    ax.set_yticks(range(len(top)), labels)
    ax.set_title("Who holds which role, first to last seen († = former)", loc="left")
    fig.autofmt_xdate()
    return _svg(fig)


def reject_reasons(rej: pd.DataFrame) -> str:
    plt = _plt()
    if rej.empty:
        return _svg(_empty(plt, "no rejects"))
    c = rej["reason"].astype(str).value_counts().sort_values()
    fig, ax = plt.subplots(figsize=(7, 0.3 * len(c) + 0.8))
    ax.barh(c.index, c.values, color="#7f7f7f")
    ax.set_xlabel("inputs rejected")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title("Reject reasons", loc="left")
    return _svg(fig)


def overview_html(out: str | Path) -> str:
    from pipeline import views
    con = views.connect(out)
    st = con.execute("SELECT * FROM statements").df()
    rf = con.execute("SELECT * FROM role_facts").df()
    rr = con.execute("SELECT r.actor_name AS actor, r.role, a.published_date FROM roles r "
                     "JOIN article_info a USING (article_id)").df()
    rej = con.execute("SELECT * FROM rejects").df()
    n = con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM claims), "
                    "(SELECT count(*) FROM statements), (SELECT count(*) FROM role_facts), "
                    "(SELECT count(*) FROM actors), (SELECT min(effective_date) FROM claims), "
                    "(SELECT max(effective_date) FROM claims)").fetchone()
    kinds = st["speaker_kind"].astype(str).value_counts()
    summary = table(["what", "number"], [["articles", n[0]], ["claims (statements: not nested in another claim)",
                                                    f"{n[1]} ({n[2]})"],
                               ["role facts (actor, role, organisation, status)", n[3]], ["actors", n[4]],
                               ["dates of statements", f"{n[5]} – {n[6]}"],
                               ["speaker kinds", ", ".join(f"{k} {v}" for k, v in kinds.items())],
                               ["rejected inputs", len(rej)]])
    figs = [("Statements per day", claims_per_day(st)), ("Most quoted speakers", top_speakers(st)),
            ("Roles over time", roles_over_time(rf, rr)), ("Reject reasons", reject_reasons(rej))]
    body = [f"<h1>Corpus overview</h1><p class=meta>{esc(str(out))}</p>{summary}"]
    for title, svg in figs:
        body.append(f"<h2>{esc(title)}</h2><figure class=\"plot\">{svg}</figure>")
    return page("Corpus overview", "".join(body), NAV, "figure svg { max-width: 100%; height: auto; }")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline overview", description="write the corpus overview page")
    ap.add_argument("--out", default="outputs")
    ap.add_argument("--dest", default=None, help="folder for the page (default: OUT/_review)")
    args = ap.parse_args(argv)
    dest = Path(args.dest) if args.dest else Path(args.out) / "_review"
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / "overview.html"
    path.write_text(overview_html(args.out), encoding="utf-8")
    print(f"written {path}")
    return 0
