"""The run plan: ingest -> parse + extract -> commit/publish, written once.

:func:`execute` runs a :class:`RunRequest` through a :class:`Steps` object that says how each step
runs: :class:`LocalSteps` calls the library steps in this process (``python -m pipeline run``,
:func:`run`; parse + extract on a pool of ``processes`` workers); ``flows.py`` subclasses it so
that each step is one coarse Prefect task (chunks mapped over Dask workers only with Dask). Steps
pass paths and small typed values (:class:`Ingested`, :class:`Parsed`, :class:`ExtractStats`,
:class:`Committed`), never Docs.
"""
from __future__ import annotations

import dataclasses
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pipeline import store
from pipeline.job.steps import StepResult, commit_step, ingest_step, process_step
from pipeline.job.summary import Progress, RunSummary
from pipeline.job.util import (DEFAULT_OUT, default_cache_dir, default_results_dir, default_rules_cache, gc_frozen,
                               import_spacy_light, new_work_dir)
from pipeline.schemas import TABLES

Ingested = StepResult          # work_dir, n_articles, n_rejects, n_skipped, shas


@dataclass(frozen=True)
class RunRequest:
    """What to run: inputs into ``out``, with these rules and model."""
    inputs: tuple[str, ...]
    out: Path
    rules_dir: str | None = None
    model: str | None = None
    only_new: bool = False
    cache_dir: Path | None = None             # parse cache (default OUT/_cache/docs)
    results_dir: Path | None = None           # extraction results of the flow (default OUT/_cache/extract)
    chunks: int = 1                           # parse/extract tasks (the flow's scale-out over Dask)
    progress: bool | None = None              # progress bar on a terminal (the CLI)
    processes: int | None = None              # parse/extract worker processes (default: every CPU)
    reextract: bool = False                   # published rows of other rules: re-extract them first
    include_forgotten: bool = False           # forgotten articles come back (their tombstones go)

    @classmethod
    def of(cls, inputs: Iterable[str | Path], out: str | Path, **kw) -> "RunRequest":
        out = Path(out)
        kw["cache_dir"] = Path(kw.get("cache_dir") or default_cache_dir(out))
        kw["results_dir"] = Path(kw.get("results_dir") or default_results_dir(out))
        return cls(inputs=tuple(str(i) for i in inputs), out=out, **kw)


@dataclass(frozen=True)
class Parsed:
    """The model that parsed the run's articles, and how many were parsed or found in the cache."""
    name: str
    version: str
    key: str
    path: str | None
    source: str
    parsed: int
    cached: int

    @classmethod
    def of(cls, d: dict) -> "Parsed":
        return cls(**{f.name: d[f.name] for f in dataclasses.fields(cls)})

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)

    @property
    def model(self) -> dict:
        """The model as written into the manifest (``info["model"]``)."""
        return {k: getattr(self, k) for k in ("name", "version", "key", "path", "source")}


@dataclass(frozen=True)
class ExtractStats:
    """Rows the run's extraction produced (before merging into the outputs)."""
    rules_version: str
    rules_dir: str
    articles: int
    mentions: int
    roles: int
    claims: int
    extract_rejects: int
    actors: int

    @classmethod
    def of(cls, d: dict) -> "ExtractStats":
        return cls(**{f.name: d[f.name] for f in dataclasses.fields(cls)})


@dataclass(frozen=True)
class Committed:
    version: str
    totals: dict[str, int]                    # rows per published table

    @classmethod
    def of(cls, d: dict) -> "Committed":
        return cls(d["version"], {k: v for k, v in d.items() if k != "version"})

    def as_dict(self) -> dict:
        return {"version": self.version, **self.totals}


@dataclass(frozen=True)
class RunResult:
    request: RunRequest
    ingested: Ingested
    parsed: Parsed | None = None              # None: nothing new to do (only_new)
    extracted: ExtractStats | None = None
    committed: Committed | None = None
    seconds: float = 0.0

    @property
    def nothing_new(self) -> bool:
        return self.committed is None


def run_info(parsed: Parsed, ex: ExtractStats) -> dict:
    """What the manifest records about a run."""
    return {"model": parsed.model, "rules_version": ex.rules_version, "rules_dir": ex.rules_dir}


class LocalSteps:
    """Every step in this process, on the whole work dir."""

    def __init__(self):
        self._warmed: list | None = None          # what _ingest_overlapped loaded for the workers

    def ingest(self, req: RunRequest, work: Path) -> Ingested:
        kw = dict(only_new_in=req.out if req.only_new else None, forgotten_in=req.out,
                  include_forgotten=req.include_forgotten, out=req.out)
        if _overlap_ingest(req):
            return self._ingest_overlapped(req, work, kw)
        return ingest_step(req.inputs, work, **kw)

    def _ingest_overlapped(self, req: RunRequest, work: Path, kw: dict) -> Ingested:
        """Ingest in a forked process while this one loads what the parse workers will inherit (the model,
        the extractors' word tables, dateparser): on a machine with a free core the two serial parts of a
        run's start overlap instead of adding up (issue 16: the language check of 1,000 articles and the
        model load, about 1.5 s each). Nothing else changes: the ingest writes the same files and returns the
        same result; the loads are the ones :func:`pipeline.job.steps.process_step` would do, done earlier
        (when every article turns out to be cached already, the model was loaded for nothing and is dropped)."""
        import concurrent.futures as cf

        from pipeline.job import steps
        gc_frozen.more()            # what preflight imported and loaded: out of the GC passes of both processes,
        #                             whose walks over it would copy the shared pages (copy-on-write)
        with cf.ProcessPoolExecutor(1, mp_context=steps._mp_context()) as pool:
            fut = pool.submit(ingest_step, req.inputs, work, **kw)
            try:
                self._warmed = steps.warm_for_workers(req.model)
            except Exception:           # noqa: BLE001 - only moved work: the process step loads (and fails) as before
                self._warmed = None
            return fut.result()

    def process(self, req: RunRequest, work: Path, ing: Ingested) -> tuple[Parsed, ExtractStats]:
        """Parse what the cache lacks and extract, in one pass over the articles (every core)."""
        try:
            r = process_step(work, req.cache_dir, req.model, req.rules_dir, processes=req.processes,
                             progress=Progress(ing.n_articles, "process", enabled=req.progress))
        finally:
            if getattr(self, "_warmed", None) is not None:      # a subclass may skip __init__
                from pipeline.job import steps
                steps.unwarm(self._warmed)
                self._warmed = None
        return Parsed.of(r), ExtractStats.of(r)

    def commit(self, req: RunRequest, work: Path, info: dict) -> Committed:
        return Committed.of(commit_step(work, req.out, info))


def _overlap_ingest(req: RunRequest) -> bool:
    """Ingest overlapped with the workers' loads (:meth:`LocalSteps._ingest_overlapped`): a run on more than
    one process that may parse (not ``only_new``: a scheduled run with nothing new stays a fast no-op that
    loads no model), with fork, and the model not loaded yet in this process."""
    if req.only_new:
        return False
    from pipeline import nlp
    from pipeline.job import steps
    return (req.processes or steps.default_processes()) > 1 and not nlp._LOADED \
        and steps._mp_context().get_start_method() == "fork"


def preflight(req: RunRequest, installation: bool = True) -> None:
    """Before anything is read: the installation (imports, model) and every rule file are checked; a
    problem stops the run with one message (EnvironmentProblem, RuleError), never a reject per article.
    ``installation=False``: the input limits only (the rest imports every dependency, spaCy included)."""
    from pipeline.envcheck import EnvironmentProblem, check_environment, inputs_need_web
    from pipeline.ruleset import load_rules
    from pipeline.sources import limits
    if installation:
        import_spacy_light()            # the check imports spaCy: without its command line (util.import_spacy_light)
        check_environment(req.model, web=inputs_need_web(req.inputs))
    try:
        limits()
    except ValueError as exc:
        raise EnvironmentProblem(f"bad input limit setting: {exc}") from None
    if installation:
        load_rules(req.rules_dir, cache=default_rules_cache(req.out))


def execute(req: RunRequest, steps: LocalSteps) -> RunResult:
    """The run: ingest -> parse + extract -> commit, in a fresh work dir under OUT/_runs/.

    An ``only_new`` run (the scheduled one) checks the installation and the rules once ingest found
    something new, before anything is parsed or written: a run with nothing new stays a fast no-op."""
    t0 = time.perf_counter()
    preflight(req, installation=not req.only_new)
    check_outputs(req)
    work = new_work_dir(req.out)
    try:
        ing = steps.ingest(req, work)
        if req.only_new and ing.n_articles == 0 and ing.n_rejects == 0:
            return RunResult(req, ing, seconds=time.perf_counter() - t0)
        if req.only_new:
            preflight(req)
        parsed, ex = steps.process(req, work, ing)
        info = run_info(parsed, ex)
        if req.include_forgotten:
            info["include_forgotten"] = True
        com = steps.commit(req, work, info)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return RunResult(req, ing, parsed, ex, com, time.perf_counter() - t0)


class RulesMismatch(store.StoreError):
    pass


def check_outputs(req: RunRequest) -> None:
    """Before a run changes OUT (under its lock): the published state is complete and intact (an older
    layout migrated, damaged derived tables rebuilt, else a clear error naming the file), and its rows
    were made with this run's rules; rows of other rules are re-extracted first (``reextract``) or the
    run stops, never mixing two rule sets in one table."""
    from pipeline.job.publish import heal
    from pipeline.ruleset import RULES_DIR, rules_version

    store.prepare(req.out)
    heal(req.out)
    man = store.manifest(req.out)
    if not man or not (man.get("rows") or {}).get("articles"):
        return
    rules_dir = Path(req.rules_dir) if req.rules_dir else RULES_DIR
    version = rules_version(rules_dir)          # the content hash only: loading the rules would import spaCy
    if man.get("rules_version") == version:
        return
    if req.reextract:
        import logging

        from pipeline.job.rerun import _rerun_rules
        res = _rerun_rules(req.out, req.rules_dir, req.cache_dir)
        logging.getLogger(__name__).warning(
            "%s held rows of rules %s: re-extracted %d of %d published articles with rules %s first (%s)",
            req.out, man.get("rules_version"), res["reextracted"], res["articles"], version, res["why"])
        return
    raise RulesMismatch(
        f"{req.out} holds rows made with rules {man.get('rules_version')} ({man.get('rules_dir')}), this run "
        f"uses rules {version} ({rules_dir}); one table never mixes two rule sets. Re-extract "
        f"the published articles first (`python -m pipeline rerun --out {req.out} --rules {rules_dir}`, "
        f"or `run --reextract`), or run with the published rules (`--rules {man.get('rules_dir')}`).")


def summarize(res: RunResult) -> RunSummary:
    req, ing = res.request, res.ingested
    if res.nothing_new:                 # the rules' version only: loading them would import spaCy
        from pipeline.ruleset import RULES_DIR, rules_version
        return RunSummary(str(req.out), None, 0, ing.n_skipped, 0, 0, 0, 0, 0, 0, 0, res.seconds, "-",
                          rules_version(Path(req.rules_dir) if req.rules_dir else RULES_DIR),
                          store.manifest(req.out).get("rows", {}))
    m, ex, com = res.parsed, res.extracted, res.committed
    return RunSummary(
        out_dir=str(req.out), version=com.version, articles_read=ex.articles,
        articles_skipped=ing.n_skipped, rejected=ing.n_rejects + ex.extract_rejects,
        parsed=m.parsed, cached=m.cached, actors=ex.actors,
        mentions=ex.mentions, roles=ex.roles, claims=ex.claims,
        seconds=res.seconds, model=f"{m.name} {m.version}",
        rules_version=ex.rules_version, totals={n: com.totals[n] for n in TABLES},
    )


def run(inputs: Iterable[str | Path], out_dir: str | Path = DEFAULT_OUT, *, rules_dir=None, model=None,
        cache_dir=None, only_new: bool = False, progress: bool | None = None,
        lock_timeout: float = 600.0, reextract: bool = False, processes: int | None = None,
        include_forgotten: bool = False) -> RunSummary:
    """Ingest, parse, extract and publish: the whole job, driven from this process (parse and
    extract on ``processes`` worker processes, default every CPU; the outputs do not depend on it)."""
    with store.locked(out_dir, lock_timeout), gc_frozen():
        return _run(inputs, out_dir, rules_dir=rules_dir, model=model, cache_dir=cache_dir,
                    only_new=only_new, progress=progress, reextract=reextract, processes=processes,
                    include_forgotten=include_forgotten)


def _run(inputs, out_dir, *, rules_dir, model, cache_dir, only_new, progress, reextract=False,
         processes=None, include_forgotten=False) -> RunSummary:
    req = RunRequest.of(inputs, out_dir, rules_dir=rules_dir, model=model, cache_dir=cache_dir,
                        only_new=only_new, progress=progress, reextract=reextract, processes=processes,
                        include_forgotten=include_forgotten)
    return summarize(execute(req, LocalSteps()))
