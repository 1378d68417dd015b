"""Cost of the readers' side on the rules re-run benchmark set: the clean columns (pipeline/enrich.py) in
an extraction, the DuckDB views, the review pages and the overview page.

    python benchmarks/bench_views.py [--write]

Articles: as benchmarks/bench_rerun.py (150 Wikinews dev texts + corpus/, or corpus/ alone without
../shared). ``--write`` replaces the "Views and pages" section of benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_rerun import inputs  # noqa: E402

import pipeline  # noqa: E402
from pipeline import enrich, store  # noqa: E402
from pipeline.job import rows as job_rows  # noqa: E402
from pipeline.runner import run  # noqa: E402

SECTION = "Views and pages"


def best(fn, n=3):
    ts = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return min(ts)


def enrich_cost(out: Path) -> tuple[float, int]:
    """Seconds to recompute the clean columns of every published claim and role row (the work the
    hook adds to an extraction), and the number of rows."""
    arts = {a["article_id"]: a for a in store.read_table(out, "articles").select(["article_id", "published_at"]).to_pylist()}
    claims = store.read_table(out, "claims").to_pylist()
    roles = store.read_table(out, "roles").to_pylist()
    by_art: dict[str, list[dict]] = {}
    for c in claims:
        by_art.setdefault(c["article_id"], []).append(c)

    def go():
        for aid, cs in by_art.items():
            enrich.enrich_claims(cs, arts[aid], [None] * len(cs))
        enrich.enrich_roles(roles)
    return best(go), len(claims) + len(roles)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    assert job_rows  # the hook lives there
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ins, what = inputs(tmp)
        out = tmp / "out"
        t0 = time.perf_counter()
        summary = run(ins, out, progress=False)
        t_run = time.perf_counter() - t0
        n_art = store.read_table(out, "articles").num_rows
        t_enrich, n_rows = enrich_cost(out)
        t_connect = best(lambda: pipeline.connect(out))
        con = pipeline.connect(out)
        t_st = best(lambda: con.execute("SELECT * FROM statements").df())
        t_rf = best(lambda: con.execute("SELECT * FROM role_facts").df())
        n_st = con.execute("SELECT count(*) FROM statements").fetchone()[0]
        n_rf = con.execute("SELECT count(*) FROM role_facts").fetchone()[0]
        from pipeline.review import overview, show
        t_show = best(lambda: show.write_pages(out, None, tmp / "pages", overview=False), 1)
        t_over = best(lambda: (tmp / "pages" / "overview.html").write_text(overview.overview_html(out)), 1)
        size = sum(p.stat().st_size for p in (tmp / "pages").glob("*.html"))
    rows = [
        ("articles", f"{n_art} ({what})"),
        ("full run (ingest + parse + extract + publish), once", f"{t_run:.2f} s"),
        ("clean columns (enrich) of all claim and role rows, best of 3", f"{t_enrich * 1000:.1f} ms for {n_rows} rows"
         f" ({t_enrich / max(t_run, 1e-9) * 100:.2f} % of the run)"),
        ("`pipeline.connect()` (read tables, register, define views), best of 3", f"{t_connect:.3f} s"),
        (f"`SELECT * FROM statements` ({n_st} rows), best of 3", f"{t_st:.3f} s"),
        (f"`SELECT * FROM role_facts` ({n_rf} rows), best of 3", f"{t_rf:.3f} s"),
        (f"`show`: {n_art} article pages + index, once", f"{t_show:.2f} s"),
        ("`overview` page (4 plots), once", f"{t_over:.2f} s"),
        ("size of all pages", f"{size / 1e6:.1f} MB"),
    ]
    table = "\n".join(["| measure | value |", "|---|---|"] + [f"| {a} | {b} |" for a, b in rows])
    note = (f"Measured {date.today()}, Python {platform.python_version()} on {platform.machine()}, one process on "
            f"a shared 2-core machine (other jobs running; timings vary). Run: `python benchmarks/bench_views.py --write`.")
    print(table)
    print(note)
    if args.write:
        readme = ROOT / "benchmarks" / "README.md"
        text = readme.read_text(encoding="utf-8")
        block = f"## {SECTION}\n\n{table}\n\n{note}\n"
        if f"## {SECTION}\n" in text:
            a = text.index(f"## {SECTION}\n")
            b = text.find("\n## ", a + 1)
            text = text[:a] + block + (text[b:] if b >= 0 else "")
        else:
            text = text.rstrip("\n") + "\n\n" + block
        readme.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
