"""Publishing proportional to the change (issue 16): 10 new articles into N published ones.

    python benchmarks/bench_publish_scale.py --seed-out OUT [--sizes 1000,5000,20000] [--new 10] [--tree CHECKOUT]

``--seed-out``: a real output folder (``python -m pipeline run <articles> --out OUT``; we use 200 Wikinews
articles). Its rows (articles, rows as extracted, actor types, lemmas) are duplicated into N synthetic
articles: every copy gets new article ids, keys and content hashes, and the actors found in only one
seed article get a changed surname per copy (``Müller`` -> ``Müllerab``, a new actor id), so the actor
table grows with the corpus while the recurring actors (in several seed articles) stay shared, as in news.
No parsing: the work dirs are written as a run's extract step leaves them, and published with
``pipeline.job.publish.publish_work`` (the commit step of ``run``/``run --only-new``/``serve``).

For each N, in fresh processes: (1) publish the N articles at once (the state); (2) publish ``--new``
more articles into it, three times in a row (three runs of ``run --only-new``). Measured inside the
process: the commit's wall and CPU time; the bytes it wrote (inodes under OUT that are new after the
commit: shared part files are not counted, a full copy is); the bytes of the new rows (the run's
articles, mentions, roles, claims as the extract step's Parquet files); the version's size on disk
(its files; and the new bytes of it); peak RSS of the process. Then ``forget`` of one article in the
middle of the corpus (a fresh process; ``--runs 0`` skips the incremental commits). ``--tree``: run the
``pipeline`` of another checkout (the baseline). ``--cross 20000,50000``: only the cross-article work
(actors table, person merges, organisation ids) in this process at those sizes.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


# ----------------------------------------------------------------------------- synthetic rows
def _h(*parts) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()


def _suffix(c: int) -> str:
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(97 + r) + s
    return s


def seed_rows(seed: Path) -> dict:
    """The seed output's published articles and kept rows, as Python rows."""
    import pyarrow as pa
    from pipeline import store
    d = store.rows_dir(seed, store.current_version(seed))

    def arrow(name):            # the kept rows, whatever the code hash (one file, or part files)
        files = [d / f"{name}.arrow"] if (d / f"{name}.arrow").exists() else sorted((d / name).glob("*.arrow"))
        if not files:
            raise SystemExit(f"{d}: no kept rows {name}")
        return pa.concat_tables([pa.ipc.open_file(pa.OSFile(str(f), "rb")).read_all() for f in files])
    tables = {n: arrow(n) for n in ("mentions", "roles", "claims")}
    t, w = arrow("actor_types"), arrow("words")
    types = dict(zip(t.column("actor_id").to_pylist(), t.column("actor_type").to_pylist()))
    words = dict(zip(w.column("article_id").to_pylist(), w.column("words").to_pylist()))
    arts = store.read_table(seed, "articles").to_pylist()
    rows = {n: {} for n in ("mentions", "roles", "claims")}
    for n in rows:
        for r in tables[n].to_pylist():
            rows[n].setdefault(r["article_id"], []).append(r)
    n_arts: dict[str, set] = {}
    for r in tables["mentions"].to_pylist():
        if r["actor_id"]:
            n_arts.setdefault(r["actor_id"], set()).add(r["article_id"])
    man = store.manifest(seed)
    return {"articles": arts, "rows": rows, "types": types, "words": words,
            "recurring": {a for a, s in n_arts.items() if len(s) > 1}, "model": man["model"]}


def synth(seed: dict, start: int, n: int) -> dict:
    """Articles ``start`` .. ``start + n`` of the synthetic corpus (copy c = i // len(seed))."""
    from pipeline.job.util import actor_id
    k = len(seed["articles"])
    out = {"articles": [], "mentions": [], "roles": [], "claims": [], "types": {}, "words": {}}
    for i in range(start, start + n):
        c, a = divmod(i, k)
        art = dict(seed["articles"][a])
        old = art["article_id"]
        aid = _h(c, old)[:16]
        art.update(article_id=aid, source_id=f"syn-{i}", source_path=f"syn/{i}.jsonl", article_key=f"id:syn-{i}",
                   content_sha256=_h("body", c, art["content_sha256"]) + _h("b2", c, art["content_sha256"])[:24])
        out["articles"].append(art)
        out["words"][aid] = seed["words"].get(old, "")
        suf = _suffix(c) if c else ""
        rename: dict[str, tuple[str, str, str, str]] = {}           # old actor id -> (id, name, last, new last)

        def actor(old_id, name):
            if not old_id or not suf or old_id in seed["recurring"]:
                return old_id, name
            if old_id not in rename:
                typ = seed["types"].get(old_id, "other")
                words = (name or "x").split()
                last = words[-1]
                new_name = " ".join([*words[:-1], last + suf])
                rename[old_id] = (actor_id(typ, new_name), new_name, last, last + suf)
                out["types"][rename[old_id][0]] = typ
            return rename[old_id][:2]
        for r in seed["rows"]["mentions"].get(old, []):
            r = dict(r, article_id=aid, mention_id=_h(aid, r["mention_id"])[:16])
            r["actor_id"], r["actor_name"] = actor(r["actor_id"], r["actor_name"])
            if r["actor_id"] and r["actor_id"] not in out["types"]:
                out["types"][r["actor_id"]] = seed["types"].get(r["actor_id"], "other")
            for oid, (_, _, last, new_last) in rename.items():
                if r["text"] and last in r["text"]:
                    r["text"] = r["text"].replace(last, new_last)
            out["mentions"].append(r)
        for r in seed["rows"]["roles"].get(old, []):
            r = dict(r, article_id=aid, role_id=_h(aid, r["role_id"])[:16])
            r["actor_id"], r["actor_name"] = actor(r["actor_id"], r["actor_name"])
            out["roles"].append(r)
        for r in seed["rows"]["claims"].get(old, []):
            r = dict(r, article_id=aid, claim_id=_h(aid, r["claim_id"])[:16])
            r["speaker_actor_id"], r["speaker_name"] = actor(r["speaker_actor_id"], r["speaker_name"])
            out["claims"].append(r)
    return out


def write_work(rows: dict, work: Path) -> int:
    """A work dir as the extract step leaves it; returns the bytes of the new rows (articles, mentions,
    roles, claims as Parquet)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from pipeline.schemas import TABLES, to_table
    work.mkdir(parents=True)
    nbytes = 0
    for n in ("articles", "mentions", "roles", "claims"):
        t = to_table(n, [{k: v for k, v in r.items() if k in TABLES[n].names} for r in rows[n]])
        pq.write_table(t, work / f"{n}.parquet")
        nbytes += (work / f"{n}.parquet").stat().st_size
    pq.write_table(to_table("rejects", []), work / "rejects.parquet")
    pq.write_table(pa.table({"actor_id": list(rows["types"]), "actor_type": list(rows["types"].values())}),
                   work / "actor_types.parquet")
    pq.write_table(pa.table({"article_id": list(rows["words"]), "words": list(rows["words"].values())}),
                   work / "words.parquet")
    return nbytes


# ----------------------------------------------------------------------------- one commit, measured
def inodes(root: Path) -> dict[tuple[int, int], int]:
    out = {}
    for d, _, files in os.walk(root):
        for f in files:
            st = os.lstat(os.path.join(d, f))
            out[(st.st_dev, st.st_ino)] = st.st_size
    return out


def commit_once(work: Path, out: Path, info: dict) -> dict:
    from pipeline import store
    from pipeline.job.publish import publish_work
    before = inodes(out) if out.exists() else {}
    t0, c0 = time.perf_counter(), time.process_time()
    res = publish_work(work, out, info)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    after = inodes(out)
    vdir = store.snapshot(out)
    vfiles = inodes(vdir)
    return {"wall": wall, "cpu": cpu, "written": sum(s for k, s in after.items() if k not in before),
            "version_bytes": sum(vfiles.values()),
            "version_new_bytes": sum(s for k, s in vfiles.items() if k not in before),
            "files": len(vfiles), "articles": res["articles"], "actors": res["actors"],
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def forget_once(out: Path, key: str) -> dict:
    from pipeline.job.publish import forget
    before = inodes(out)
    t0, c0 = time.perf_counter(), time.process_time()
    res = forget(out, [key])
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    assert len(res["forgotten"]) == 1, res
    after = inodes(out)
    return {"wall": wall, "cpu": cpu, "written": sum(s for k, s in after.items() if k not in before),
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def child(args) -> None:
    """In a fresh process: commit one work dir (the state or a new batch) and print the measures."""
    if args.forget:
        print(json.dumps(forget_once(Path(args.out), args.forget)))
        return
    seed = seed_rows(Path(args.seed_out))
    from pipeline.ruleset import load_rules
    rules = load_rules(None)
    info = {"model": seed["model"], "rules_version": rules.version, "rules_dir": str(rules.directory)}
    rows = synth(seed, args.start, args.count)
    tmp = Path(tempfile.mkdtemp(dir=args.tmp))
    new_bytes = write_work(rows, tmp / "work")
    del rows, seed
    import gc
    gc.collect()
    res = commit_once(tmp / "work", Path(args.out), info)
    res["new_rows_bytes"] = new_bytes
    shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(res))


def sequence(args) -> None:
    """``--sequence K``: K runs of ``--new`` articles one after the other into the first size, in this process
    (the amortized bytes, merges of small parts included)."""
    from pipeline import store
    from pipeline.ruleset import load_rules
    seed = seed_rows(Path(args.seed_out))
    rules = load_rules(None)
    info = {"model": seed["model"], "rules_version": rules.version, "rules_dir": str(rules.directory)}
    n = int(args.sizes.split(",")[0])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_work(synth(seed, 0, n), tmp / "w0")
        commit_once(tmp / "w0", tmp / "out", info)
        ws, ns = [], []
        for r in range(args.sequence):
            nb = write_work(synth(seed, n + args.new * r, args.new), tmp / f"w{r + 1}")
            res = commit_once(tmp / f"w{r + 1}", tmp / "out", info)
            ws.append(res["written"])
            ns.append(nb)
        parts = {k: len(v["files"]) for k, v in store.manifest(tmp / "out")["tables"].items()}
    print(f"{args.sequence} runs of {args.new} into {n}: wrote {sum(ws) / 1e3:.0f} kB for {sum(ns) / 1e3:.0f} kB of new "
          f"rows = {sum(ws) / sum(ns):.2f}x (per run {min(w / x for w, x in zip(ws, ns)):.1f}-"
          f"{max(w / x for w, x in zip(ws, ns)):.1f}x); parts at the end {parts}")


def cross(args) -> None:
    """The cross-article work of a publish over N synthetic articles, in this process: the actors table,
    the person merges, the organisation ids of roles (best of 3 each, CPU seconds)."""
    from pipeline.job.publish import build_actors, corpus_person_merges
    from pipeline.schemas import TABLES, to_table
    from pipeline.views import organization_actor_ids
    seed = seed_rows(Path(args.seed_out))
    for n in [int(x) for x in args.cross.split(",")]:
        rows = synth(seed, 0, n)
        men = to_table("mentions", [{k: v for k, v in r.items() if k in TABLES["mentions"].names} for r in rows["mentions"]])
        roles = to_table("roles", [{k: v for k, v in r.items() if k in TABLES["roles"].names} for r in rows["roles"]])
        types = rows["types"]
        del rows

        def best(f):
            ts = []
            for _ in range(3):
                t = time.process_time()
                r = f()
                ts.append(time.process_time() - t)
            return min(ts), r
        ta, actors = best(lambda: build_actors(men, types))
        tm, merges = best(lambda: corpus_person_merges(men, types))
        to, _ = best(lambda: organization_actor_ids(roles, actors, men))
        print(f"cross-article, N={n} ({men.num_rows} mentions, {actors.num_rows} actors, {roles.num_rows} roles): "
              f"actors {ta:.2f} s, person merges {tm:.2f} s ({len(merges)} merges), organisation ids {to:.2f} s CPU; "
              f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", flush=True)


def run_child(tree: Path, seed: Path, out: Path, tmp: Path, start: int, count: int, forget: str = "") -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    p = subprocess.run([sys.executable, __file__, "--child", "--seed-out", str(seed), "--out", str(out),
                        "--tmp", str(tmp), "--start", str(start), "--count", str(count), "--forget", forget],
                       capture_output=True, text=True, cwd=tree, env=env)
    if p.returncode != 0:
        raise SystemExit(p.stderr[-4000:])
    return json.loads(p.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed-out", required=True)
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--new", type=int, default=10)
    ap.add_argument("--runs", type=int, default=3, help="incremental commits in a row per size")
    ap.add_argument("--tree", type=Path, default=None)
    ap.add_argument("--child", action="store_true")
    ap.add_argument("--forget", default="", help=argparse.SUPPRESS)
    ap.add_argument("--sequence", type=int, default=0, help="K runs in a row into the first size, one process")
    ap.add_argument("--cross", default="", help="only time the cross-article work at these sizes, e.g. 20000,50000")
    ap.add_argument("--out"), ap.add_argument("--tmp"), ap.add_argument("--start", type=int), ap.add_argument("--count", type=int)
    args = ap.parse_args(argv)
    if args.child:
        child(args)
        return 0
    if args.cross:
        cross(args)
        return 0
    if args.sequence:
        sequence(args)
        return 0
    tree = (args.tree or ROOT).resolve()
    seed = Path(args.seed_out).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in [int(x) for x in args.sizes.split(",")]:
            out = tmp / f"out{n}"
            s = run_child(tree, seed, out, tmp, 0, n)
            print(f"N={n}: state publish {s['wall']:.2f} s wall / {s['cpu']:.2f} s CPU "
                  f"({s['cpu'] / n * 1000:.2f} ms CPU/article), version {s['version_bytes'] / 1e6:.1f} MB in "
                  f"{s['files']} files, peak RSS {s['maxrss_mb']:.0f} MB; actors {s['actors']}", flush=True)
            incs = []
            for r in range(args.runs):
                incs.append(run_child(tree, seed, out, tmp, n + r * args.new, args.new))
                i = incs[-1]
                print(f"  +{args.new} (run {r + 1}): {i['wall']:.2f} s wall / {i['cpu']:.2f} s CPU; wrote "
                      f"{i['written'] / 1e3:.0f} kB = {i['written'] / i['new_rows_bytes']:.1f}x the new rows "
                      f"({i['new_rows_bytes'] / 1e3:.0f} kB); version {i['version_bytes'] / 1e6:.1f} MB "
                      f"({i['version_new_bytes'] / 1e3:.0f} kB of it new); peak RSS {i['maxrss_mb']:.0f} MB",
                      flush=True)
            if incs:
                print(f"  median +{args.new}: {statistics.median(i['wall'] for i in incs):.2f} s wall, "
                      f"{statistics.median(i['cpu'] for i in incs):.2f} s CPU, "
                      f"{statistics.median(i['written'] / i['new_rows_bytes'] for i in incs):.1f}x", flush=True)
            f = run_child(tree, seed, out, tmp, 0, 0, forget=f"id:syn-{n // 2}")
            print(f"  forget 1 article: {f['wall']:.2f} s wall / {f['cpu']:.2f} s CPU; wrote {f['written'] / 1e3:.0f} kB; "
                  f"peak RSS {f['maxrss_mb']:.0f} MB", flush=True)
            shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
