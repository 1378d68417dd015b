"""Publishing and loading cost: ``store.write_version`` and ``pipeline.load`` on synthetic tables.

    python benchmarks/bench_publish.py [--articles 2000] [--repeat 3]

Runs against whatever ``pipeline`` package is first on the path (run it from two checkouts to compare).
The tables are synthetic (German-ish body text of ~3 kB, 40 mentions and 10 claims per article), so the
numbers measure the store, not extraction.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from pipeline import store
from pipeline.schemas import TABLES, to_table

TS = datetime(2025, 2, 14, 12, 0, tzinfo=timezone.utc)
BODY = ("Bundeskanzler Olaf Scholz sagte am Montag in Berlin, die Regierung werde die Hilfen verlängern. "
        "Die Opposition kritisierte den Plan scharf. ") * 20


def tables(n: int) -> dict:
    import random
    rnd = random.Random(16)
    words = BODY.split()
    arts, men, cl = [], [], []
    for i in range(n):
        body = " ".join(rnd.choice(words) + (str(rnd.randrange(1000)) if rnd.random() < 0.2 else "")
                        for _ in range(450))
        aid = f"{i:016x}"
        arts.append({"article_id": aid, "source_path": f"in/{i}.txt", "source_format": "text",
                     "body_text": body, "language": "de", "n_tokens": 600, "content_sha256": aid * 4,
                     "ingested_at": TS, "model_name": "de_news", "model_version": "0.1", "rules_version": "abc"})
        for j in range(40):
            men.append({"article_id": aid, "mention_id": f"{aid}{j}", "actor_id": f"p{j % 30}",
                        "actor_name": f"Person {j % 30}", "text": "Olaf Scholz", "label": "PER",
                        "start": j * 10, "end": j * 10 + 11, "sentence": j // 4})
        for j in range(10):
            cl.append({"article_id": aid, "claim_id": f"{aid}{j}", "speaker_name": "Olaf Scholz",
                       "claim_text": "die Regierung werde die Hilfen verlängern", "claim_start": j * 50,
                       "claim_end": j * 50 + 40, "claim_type": "indirect", "rule_id": "verb.indirect"})
    t = {name: to_table(name, []) for name in TABLES}
    t.update(articles=to_table("articles", arts), mentions=to_table("mentions", men), claims=to_table("claims", cl))
    return t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    t = tables(args.articles)
    tmp = Path(tempfile.mkdtemp())
    try:
        pub, load = [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            store.write_version(tmp / "out", t, {})
            pub.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            d = store.load(tmp / "out")
            load.append(time.perf_counter() - t0)
            assert len(d["articles"]) == args.articles
        size = sum(f.stat().st_size for f in (tmp / "out" / "articles").resolve().parent.rglob("*.parquet"))
        print(f"{args.articles} articles ({size / 1e6:.1f} MB Parquet per version): "
              f"publish min {min(pub):.3f} s, load min {min(load):.3f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
