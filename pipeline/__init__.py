"""German news extraction: actors, roles and claims from raw articles into Parquet tables."""
from __future__ import annotations

__version__ = "0.1.0"


def connect(out="outputs"):
    """A DuckDB connection over the tables of ``out`` with the views defined (see :mod:`pipeline.views`)."""
    from pipeline.views import connect as _connect
    return _connect(out)


def load(out="outputs", tables=None):
    """Load the output tables of ``out`` as pandas DataFrames, all of one published version
    (see :func:`pipeline.store.load`)."""
    from pipeline.store import load as _load
    from pipeline.schemas import pandas_dtypes          # nullable integers as Int32, dates as dates
    return {n: pandas_dtypes(n, df) for n, df in _load(out, tables).items()}


def snapshot(out="outputs"):
    """The folder of the current version of ``out``: read every table under it for a consistent
    snapshot with DuckDB or polars (``<snapshot>/claims/*.parquet``); see :func:`pipeline.store.snapshot`."""
    from pipeline.store import snapshot as _snapshot
    return _snapshot(out)


def run(inputs, out_dir="outputs", **kwargs):
    """Run the whole job in this process (see :func:`pipeline.runner.run`)."""
    from pipeline.runner import run as _run
    return _run(inputs, out_dir, **kwargs)


__all__ = ["load", "run", "snapshot", "__version__"]
