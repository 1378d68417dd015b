"""Checks at the start of a run: the installation has what the run needs.

A broken installation (a dependency that does not import, a model that cannot be found) stops the run
with one message naming the missing piece, instead of turning into a reject row for every article.
``python -m pipeline.envcheck [--model M]`` prints the same checks.
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path

__all__ = ["EnvironmentProblem", "REQUIRED_IMPORTS", "problems", "check_environment"]

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


class EnvironmentProblem(RuntimeError):
    """The installation lacks something the run needs; the message names it and how to fix it."""


def _import_problem(module: str, dist: str) -> str | None:
    try:
        importlib.import_module(module)
    except Exception as e:  # noqa: BLE001 - ImportError, or an error raised while importing
        return (f"cannot import {module} ({type(e).__name__}: {e}); install it: "
                f"pip install -c constraints.txt '{dist}' (or pip install -c constraints.txt -e .)")
    return None


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


_OK: set[str | None] = set()


def problems(model: str | None = None) -> list[str]:
    """Every problem found (empty: the run can start)."""
    out = [p for m, d in REQUIRED_IMPORTS.items() if (p := _import_problem(m, d))]
    if not out and (p := _model_problem(model)):
        out.append(p)
    return out


def check_environment(model: str | None = None) -> None:
    """Raise :class:`EnvironmentProblem` naming what is missing (once per process and model when fine)."""
    if model in _OK:
        return
    found = problems(model)
    if found:
        raise EnvironmentProblem("broken installation, the run did not start:\n  - " + "\n  - ".join(found))
    _OK.add(model)


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
