"""The Prefect flow against the plain library (issue 16, "a thin flow"): `python flows.py run` against a
running Prefect server (`prefect server start`, as a scheduled deployment runs) vs `python -m pipeline run`,
the same articles, fresh output folders (everything parsed), alternating, at two corpus sizes, so that the
flow's cost shows as a fixed start-up or as a cost per article.

    python benchmarks/bench_flow.py [--sizes 50,200] [--repeat 2] [--local]

``--local`` adds the flow in local mode (no PREFECT_API_URL: Prefect starts a temporary server per run).
Corpus as in bench_scale.py (the Wikinews texts of ../shared/data/quotes/wikinews, one JSONL line an
article; ``--corpus mixed``: Wikinews and GermEval sentences regrouped, any size, e.g. ``--sizes 1000``). Each measure is a fresh process; wall seconds and the CPU seconds of the process tree
(user + sys) are reported, medians over ``--repeat``.
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scale import PY, ROOT, corpus, measured  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(home: Path) -> tuple[subprocess.Popen, str, float]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(home), "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    t = time.perf_counter()
    server = subprocess.Popen([str(Path(PY).with_name("prefect")), "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 180
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{url}/health", timeout=2)
            return server, url, time.perf_counter() - t
        except OSError:
            time.sleep(1)
    stop(server)
    raise SystemExit("prefect server did not start in 180 s")


def stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="50,200")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--local", action="store_true", help="also the flow in local mode (temporary server)")
    ap.add_argument("--corpus", choices=("wikinews", "mixed"), default="wikinews",
                    help="mixed: bench_scale.py's corpus of issue 16 (any size; wikinews has 850 texts)")
    args = ap.parse_args(argv)
    import bench_scale
    bench_scale.CORPUS = args.corpus
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="bench_flow_") as tmp:
        tmp = Path(tmp)
        server, url, startup = start_server(tmp / "prefect_home")
        try:
            base = {**os.environ, "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                    "PREFECT_HOME": str(tmp / "prefect_home")}
            base.pop("PREFECT_API_URL", None)
            kinds = {"pipeline run": base, "flows.py run, running server": {**base, "PREFECT_API_URL": url}}
            if args.local:
                kinds["flows.py run, local mode"] = base
            print(f"prefect server start: healthy after {startup:.1f} s")
            rows = []
            for n in sizes:
                inp = corpus(n, tmp / f"in_{n}.jsonl")
                res = {k: [] for k in kinds}
                for r in range(args.repeat):
                    for k, env in kinds.items():
                        out = tmp / f"out_{n}_{r}_{k.split()[0]}_{len(res[k])}_{abs(hash(k)) % 1000}"
                        cmd = ([PY, "-m", "pipeline", "run", str(inp), "--out", str(out), "--no-progress"]
                               if k == "pipeline run" else [PY, str(ROOT / "flows.py"), "run", str(inp),
                                                             "--out", str(out)])
                        res[k].append(measured(cmd, env)[:2])
                        print(f"  {n} articles, {k}: {res[k][-1][0]:.1f} s wall, {res[k][-1][1]:.1f} s CPU",
                              flush=True)
                lib = statistics.median(w for w, _ in res["pipeline run"])
                for k, vals in res.items():
                    w = statistics.median(v[0] for v in vals)
                    c = statistics.median(v[1] for v in vals)
                    rows.append((n, k, w, c, w / lib, w - lib))
        finally:
            stop(server)
    print("\n| articles | command | wall (median) | CPU (median) | ratio to `pipeline run` | extra seconds |")
    print("|---:|---|---:|---:|---:|---:|")
    for n, k, w, c, ratio, extra in rows:
        print(f"| {n} | {k} | {w:.1f} s | {c:.1f} s | {ratio:.2f} | {extra:+.1f} s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
