"""What a run reports: the summary, a terminal progress bar, per-phase timings."""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass

from pipeline.schemas import TABLES


@dataclass
class RunSummary:
    out_dir: str
    version: str | None
    articles_read: int
    articles_skipped: int
    rejected: int
    parsed: int
    cached: int
    actors: int
    mentions: int
    roles: int
    claims: int
    seconds: float
    model: str
    rules_version: str
    totals: dict

    def render(self) -> str:
        t = self.totals
        lines = [
            f"Output        {self.out_dir}  (version {self.version or '-'})",
            f"Model         {self.model}    rules {self.rules_version}",
            f"Articles      {self.articles_read} processed, {self.articles_skipped} already done, "
            f"{self.rejected} rejected   (parsed {self.parsed}, from cache {self.cached})",
            f"This run      {self.mentions} mentions, {self.actors} actors, {self.roles} roles, "
            f"{self.claims} claims",
            "Tables now    " + ", ".join(f"{n} {t.get(n, 0)}" for n in TABLES),
            f"Time          {self.seconds:.1f} s"
            + (f"  ({self.articles_read / self.seconds:.1f} articles/s)" if self.seconds > 0 else ""),
        ]
        return "\n".join(lines)


class Progress:
    """A one-line progress bar on a terminal; silent otherwise."""

    def __init__(self, total: int, label: str, stream=sys.stderr, enabled: bool | None = None):
        self.total, self.label, self.stream = total, label, stream
        self.enabled = stream.isatty() if enabled is None else enabled
        self.n, self.t0 = 0, time.perf_counter()

    def __call__(self, k: int = 1) -> None:
        self.n += k
        if not self.enabled:
            return
        rate = self.n / max(time.perf_counter() - self.t0, 1e-9)
        width = 30
        fill = int(width * self.n / max(self.total, 1))
        self.stream.write(f"\r{self.label:<8} [{'#' * fill}{'.' * (width - fill)}] "
                          f"{self.n}/{self.total}  {rate:.1f} articles/s")
        if self.n >= self.total:
            self.stream.write("\n")
        self.stream.flush()


class _Laps:
    """Seconds spent per phase (for the benchmark's breakdown)."""

    def __init__(self):
        self.laps: dict[str, float] = {}
        self.t = time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = self.laps.get(name, 0.0) + now - self.t
        self.t = now
