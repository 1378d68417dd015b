"""Benchmark pipeline.dates: 1,000 German expressions normalized (target: under one second).

    python benchmarks/bench_dates.py            # print the table
    python benchmarks/bench_dates.py --write    # also replace the "Dates" section of benchmarks/README.md

The 1,000 expressions are generated from news forms (weekdays, relative weeks/months/years,
absolute dates, months, quarters, seasons, open ranges, times, non-calendar phrases) with a
fixed seed, so every run normalizes the same list. dateparser alone (languages=['de'],
RELATIVE_BASE) is timed on the same list for comparison.
"""

from __future__ import annotations

import argparse
import platform
import random
import re
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import dates  # noqa: E402

ANCHOR = date(2025, 2, 14)
WD = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
MO = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
      "November", "Dezember"]
MO_ABBR = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]
NUM = ["einer", "zwei", "drei", "vier", "fünf", "sechs"]


def expressions(n: int = 1000, seed: int = 6) -> list[str]:
    r = random.Random(seed)
    y = lambda: r.randint(1990, 2026)  # noqa: E731
    forms = [
        lambda: f"am {r.choice(WD)}",
        lambda: f"{r.choice(['vergangenen', 'letzten', 'kommenden', 'diesen'])} {r.choice(WD)}",
        lambda: f"am {r.choice(WD)}{r.choice(['abend', 'morgen', 'nachmittag'])}",
        lambda: f"{r.choice(['gestern', 'heute', 'vorgestern'])} {r.choice(['Abend', 'Morgen', 'Nachmittag'])}",
        lambda: f"{r.randint(1, 28)}. {r.choice(MO)} {y()}",
        lambda: f"am {r.randint(1, 28)}. {r.choice(MO)}",
        lambda: f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{y()} - {r.randint(0, 23):02d}:{r.randint(0, 59):02d} Uhr",
        lambda: f"im {r.choice(MO)} {y()}",
        lambda: f"{r.choice(MO_ABBR)} {y()}",
        lambda: f"{r.choice(['Anfang', 'Mitte', 'Ende'])} {r.choice(MO)}",
        lambda: f"seit {r.choice(['Anfang', 'Mitte', 'Ende'])} {y()}",
        lambda: str(y()),
        lambda: f"im Jahr {y()}",
        lambda: f"{r.choice(['Anfang', 'Mitte', 'Ende'])} der {r.choice(['', 'vergangenen ', 'kommenden '])}Woche",
        lambda: f"in der {r.choice(['vergangenen', 'kommenden'])} Woche",
        lambda: f"im {r.choice(['vergangenen', 'kommenden'])} {r.choice(['Jahr', 'Monat', 'Quartal'])}",
        lambda: f"vor {r.choice(NUM)} {r.choice(['Wochen', 'Tagen', 'Monaten', 'Jahren'])}",
        lambda: f"im {r.choice(['ersten', 'zweiten', 'dritten', 'vierten'])} Quartal {y()}",
        lambda: f"im {r.choice(['Frühjahr', 'Sommer', 'Herbst', 'Winter'])} {y()}",
        lambda: f"am {r.choice(['', 'kommenden ', 'vergangenen '])}Wochenende",
        lambda: f"Ende des {r.choice(['', 'vergangenen '])}{r.choice(['Monats', 'Jahres'])}",
        lambda: f"vom {r.randint(1, 9)}. bis {r.randint(10, 28)}. {r.choice(MO)} {y()}",
        lambda: f"am {r.choice(WD)} um {r.randint(6, 22)} Uhr",
        lambda: r.choice(["in Trumps erster Amtszeit", "vor wenigen Tagen", "in den vergangenen Wochen",
                          "während der Pandemie", "nach der Wahl"]),
    ]
    return [r.choice(forms)() for _ in range(n)]


def _time(fn, items, repeat: int) -> list[float]:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for x in items:
            fn(x)
        runs.append(time.perf_counter() - t0)
    return runs


def run(repeat: int = 5, dp_n: int = 1000) -> tuple[list[tuple[str, str]], dict]:
    exprs = expressions()
    dates.normalize("am Donnerstag", ANCHOR)  # compile/warm once
    runs = _time(lambda x: dates.normalize(x, ANCHOR), exprs, repeat)
    values = [dates.normalize(x, ANCHOR) for x in exprs]
    # how many went to the dateparser fallback
    a, adt, tz = dates._anchor(ANCHOR)
    fallback = sum(1 for x in exprs
                   if dates._single(dates._clean(x), a, adt, tz, x) is None
                   and dates._range(dates._clean(x), a, adt, tz, x) is None
                   and dates._fallback(dates._clean(x), a, adt, tz, x) is not None)

    import dateparser
    base = datetime(2025, 2, 14, 12, 0)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    dateparser.parse("14. Februar 2025", languages=["de"], settings=settings)
    dp_items = exprs[:dp_n]
    dp_runs = _time(lambda x: dateparser.parse(x, languages=["de"], settings=settings), dp_items, 1)
    dp_none = sum(dateparser.parse(x, languages=["de"], settings=settings) is None for x in dp_items)

    corpus = ROOT / "corpus" / "000_1dcbb7a54b18fb12.txt"
    find = None
    if corpus.exists():
        text = corpus.read_text(encoding="utf-8")
        find_runs = _time(lambda t: dates.find_expressions(t), [text], repeat)
        find = (len(text), len(dates.find_expressions(text)), min(find_runs))

    best, med = min(runs), statistics.median(runs)
    rows = [
        ("expressions normalized", f"{len(exprs):,} ({len(set(exprs))} distinct)"),
        ("total, best of %d runs" % repeat, f"{best * 1000:.1f} ms"),
        ("total, median", f"{med * 1000:.1f} ms"),
        ("per expression (best)", f"{best / len(exprs) * 1e6:.0f} µs"),
        ("under 1 s", "yes" if best < 1.0 else "NO"),
        ("null results (non-calendar phrases)", str(sum(v is None for v in values))),
        ("answered by the dateparser fallback", str(fallback)),
        (f"dateparser.parse alone, same {len(dp_items):,} expressions (1 run)",
         f"{dp_runs[0] * 1000:.0f} ms ({dp_none} None)"),
    ]
    if find:
        rows.append((f"find_expressions on the sample article ({find[0]:,} chars, {find[1]} spans)",
                     f"{find[2] * 1000:.1f} ms"))
    meta = {"python": platform.python_version(), "machine": platform.machine(),
            "date": date.today().isoformat()}
    return rows, meta


def table(rows, meta) -> str:
    lines = ["| measure | value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows]
    return "\n".join(lines) + (f"\n\nMeasured {meta['date']}, Python {meta['python']} on {meta['machine']}, "
                               "one process on a shared 2-core machine, anchor 2025-02-14. "
                               "Run: `python benchmarks/bench_dates.py --write`.")


def write_section(body: str, path: Path = ROOT / "benchmarks" / "README.md") -> None:
    """Replace (or append) the '## Dates' section, leaving the other sections untouched."""
    section = f"## Dates\n\n{body}\n"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pat = re.compile(r"^## Dates\n.*?(?=^## |\Z)", re.S | re.M)
    if pat.search(text):
        text = pat.sub(lambda _: section + "\n", text, count=1).rstrip("\n") + "\n"
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--write", action="store_true", help="write the table into benchmarks/README.md")
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args(argv)
    rows, meta = run(args.repeat)
    body = table(rows, meta)
    print(body)
    if args.write:
        write_section(body)
    return 0 if all(v != "NO" for _, v in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
