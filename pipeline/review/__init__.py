"""Pages for the people who read the tables: static, self-contained HTML (no network).

- :mod:`pipeline.review.show`: one page per article with its actors, roles, cues, speakers and claims
  marked in the body text (displaCy's span style), and an index page (``python -m pipeline show``);
- :mod:`pipeline.review.overview`: a corpus overview with plots (``python -m pipeline overview``);
- :mod:`pipeline.review.rerun_report`: the rows a rules re-run added, removed and changed, per rule.
"""
