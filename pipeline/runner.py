"""The run machinery, re-exported from :mod:`pipeline.job` for existing imports."""
from __future__ import annotations

from pipeline.job.plan import run, _run  # noqa: F401
from pipeline.job.publish import (  # noqa: F401
    _apply_merges, _drop_articles, _types_from_old_actors, build_actors, corpus_person_merges, final_tables)
from pipeline.job.rerun import (  # noqa: F401
    _assemble, _in_order, _reencode, _rerun_rules, _set_prov, diff_rows, plan_rerun, render_diff, rerun_rules)
from pipeline.job.rows import (  # noqa: F401
    _ACTOR_TYPES, _WORDS, EXTRACTED, RAW, _normalize_date, actor_type_rows, rows_for_article)
from pipeline.job.rowstore import (  # noqa: F401
    RowsStore, _read_arrow, _write_arrow, rows_writer, rule_file_hashes)
from pipeline.job.steps import (  # noqa: F401
    Extracted, StepResult, commit_step, ensure_extracted, ensure_parsed, extract_articles, extract_cached,
    extract_key, extract_step, ingest_step, merge_chunks, merge_extracted, parse_step, split_work, sum_parse)
from pipeline.job.summary import Progress, RunSummary, _Laps  # noqa: F401
from pipeline.job.util import (  # noqa: F401
    DEFAULT_OUT, PARSE_BATCH, _GcFrozen, actor_id, blank_vocab, content_key, default_cache_dir,
    default_results_dir, gc_frozen, new_work_dir, now_utc, sha256, short_id)
