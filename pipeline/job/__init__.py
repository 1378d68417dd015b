"""The run machinery: ingest -> parse -> extract -> commit/publish, and rules re-runs.

Where a change goes:

- ``util``      ids and hashes, work/cache directories, the German vocab, GC freezing
- ``rows``      the extracted tables: one declaration per table, rows built from an Extraction
- ``steps``     the library steps (ingest, parse, extract, commit) over a run's work directory
- ``plan``      the run plan: the steps in order, shared by the CLI and the Prefect flow (flows.py)
- ``publish``   corpus-level assembly: new rows merged into the outputs, person merges, actors
- ``rowstore``  the rows as extracted, kept for incremental rules re-runs
- ``rerun``     rules re-runs from the parse cache
- ``summary``   the run summary, progress bar, per-phase timings

``pipeline.runner`` re-exports the public names for existing imports.
"""
