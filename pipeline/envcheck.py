"""Checks at the start of a run: the installation has what the run needs.

A broken installation (a dependency that does not import, a model that cannot be found) stops the run
with one message naming the missing piece, instead of turning into a reject row for every article.
``python -m pipeline.envcheck [--model M]`` prints the same checks.
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path

__all__ = ["EnvironmentProblem", "READER_IMPORTS", "REQUIRED_IMPORTS", "WEB_IMPORTS", "problems", "check_environment", "inputs_need_web"]

# module to import -> the distribution to install (pyproject.toml dependencies)
REQUIRED_IMPORTS: dict[str, str] = {
    "spacy": "spacy",
    "pyarrow": "pyarrow",
    "pandas": "pandas",
    "yaml": "pyyaml",
    "dateparser": "dateparser",
    "lxml.html": "lxml",
    "lxml_html_clean": "lxml_html_clean",
    "trafilatura": "trafilatura",          # imports justext, which needs lxml_html_clean
    "htmldate": "htmldate",
    "ftfy": "ftfy",
    "py3langid.langid": "py3langid",
}


# Needed only to read HTML pages: imported by the check when a run's inputs can hold HTML, else only found on
# disk (importlib.util.find_spec, no import: about 0.3 s of a JSONL run's serial start, issue 16).
WEB_IMPORTS = frozenset({"lxml.html", "lxml_html_clean", "trafilatura", "htmldate"})


# Needed only by the readers of the outputs (``pipeline.load``, the views' DataFrames, the review pages), not by a
# run or a re-run: only found on disk, never imported by the check (pandas: 0.25-0.3 s of a run's serial start,
# which pyarrow no longer spends either: :func:`pipeline.schemas.arrow_without_pandas`; issue 16).
READER_IMPORTS = frozenset({"pandas"})


class EnvironmentProblem(RuntimeError):
    """The installation lacks something the run needs; the message names it and how to fix it."""


def _missing_names(e: BaseException | None) -> set[str]:
    """The modules an import error (and the errors it was raised from) names as missing."""
    out: set[str] = set()
    while e is not None:
        if isinstance(e, ImportError) and e.name:
            out.add(e.name)
        e = e.__cause__ or e.__context__
    return out


def _import_problem(module: str, dist: str, reported: frozenset = frozenset()) -> str | None:
    """``reported``: modules already named missing; a module failing only because one of them is missing
    (trafilatura without lxml_html_clean) is not a second problem."""
    try:
        importlib.import_module(module)
    except Exception as e:  # noqa: BLE001 - ImportError, or an error raised while importing
        if _missing_names(e) & reported:
            return None
        return (f"cannot import {module} ({type(e).__name__}: {e}); install it: "
                f"pip install -c constraints.txt '{dist}' (or pip install -c constraints.txt -e .)")
    return None


def _spec_problem(module: str, dist: str) -> str | None:
    """The module is installed (found on the import path), without importing it."""
    import importlib.util
    try:
        found = importlib.util.find_spec(module) is not None
    except Exception as e:  # noqa: BLE001 - a parent package that fails to import, a bad sys.modules entry
        return (f"cannot import {module} ({type(e).__name__}: {e}); install it: "
                f"pip install -c constraints.txt '{dist}' (or pip install -c constraints.txt -e .)")
    if found:
        return None
    return (f"cannot import {module} (ModuleNotFoundError: no module named {module!r}); install it: "
            f"pip install -c constraints.txt '{dist}' (or pip install -c constraints.txt -e .)")


def inputs_need_web(inputs) -> bool:
    """Whether a run over ``inputs`` (files and folders) can read HTML: False only when every input is a
    JSONL file (a folder may hold pages)."""
    from pipeline.ingest import _is_jsonl
    return not all(Path(i).is_file() and _is_jsonl(Path(i)) for i in inputs) if inputs else True


def _model_problem(spec: str | None) -> str | None:
    from pipeline.nlp import resolve_model
    source, name = ("arg", spec) if spec else resolve_model()
    if name == "blank:de":
        return None                        # a loud warning at load time, not a broken installation
    try:
        import spacy
        path = Path(name)
        if not (path / "meta.json").exists():
            if os.sep in name or name.startswith("."):
                return f"model directory {name!r} has no meta.json (from {source}: PIPELINE_MODEL or --model)"
            path = spacy.util.get_package_path(name)
        spacy.util.get_model_meta(path)
    except Exception as e:  # noqa: BLE001
        return f"model {name!r} cannot be loaded ({type(e).__name__}: {e})"
    return None


_OK: set = set()                  # models checked fully, (model, False) without the web imports


def problems(model: str | None = None, web: bool = True) -> list[str]:
    """Every problem found (empty: the run can start). ``web=False`` (a run without HTML inputs): the
    modules of :data:`WEB_IMPORTS` are only looked for, not imported; those of :data:`READER_IMPORTS` never are."""
    out: list[str] = []
    missing: set[str] = set()
    for m, d in REQUIRED_IMPORTS.items():
        light = m in READER_IMPORTS or (not web and m in WEB_IMPORTS)
        p = _spec_problem(m, d) if light else _import_problem(m, d, frozenset(missing))
        if p:
            out.append(p)
            missing.add(m)
    if not out and (p := _model_problem(model)):
        out.append(p)
    return out


def check_environment(model: str | None = None, web: bool = True) -> None:
    """Raise :class:`EnvironmentProblem` naming what is missing (once per process and model when fine;
    ``web``: as for :func:`problems`)."""
    if model in _OK or (not web and (model, False) in _OK):
        return
    found = problems(model, web)
    if found:
        raise EnvironmentProblem("broken installation, the run did not start:\n  - " + "\n  - ".join(found))
    _OK.add(model if web else (model, False))


def main(argv: list[str] | None = None) -> int:
    """``python -m pipeline.envcheck [--model M]``: print the checks."""
    import argparse
    ap = argparse.ArgumentParser(prog="python -m pipeline.envcheck", description=main.__doc__)
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)
    found = problems(args.model)
    for p in found:
        print(f"problem: {p}")
    if not found:
        print(f"ok: {len(REQUIRED_IMPORTS)} imports and the model")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
