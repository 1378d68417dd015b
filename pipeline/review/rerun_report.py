"""The rules re-run report with rows: for each rule, the role and claim rows a re-run added, removed
and changed (article title, actor or speaker, role or claim, the sentence), in Markdown and in HTML.

:func:`write` is called by :func:`pipeline.job.rerun.rerun_rules` after the new version is published;
it writes ``OUT/_reports/rerun-<version>.md`` and ``.html`` and returns the Markdown (printed by
``python -m pipeline rerun`` and ``python flows.py rerun``, and the Prefect artifact
``rerun-rules-report``, which links the HTML page).

Rows are matched as in :func:`pipeline.job.rerun.diff_rows`: by article and span; a matched row whose
other columns differ is changed (listed under its new rule).
"""
from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa

from pipeline.review.html import esc, page
from pipeline.views import sentence_around

KEYS = {"roles": ("start", "end"), "claims": ("claim_start", "claim_end")}
IGNORED = {"role_id", "claim_id", "rules_version", "model_name", "model_version", "parent_claim_id",
           "organization_actor_id"}      # derived at publish, from the corpus, not by a rule
SHOWN_CHANGES = {  # columns whose change is worth a word, in the order shown
    "roles": ["actor_name", "role", "organization", "status", "role_text", "rule_id"],
    "claims": ["speaker_name", "speaker_text", "cue_text", "claim_type", "content", "claim_date", "rule_id"],
}


def _readable(needle: str) -> str:
    """A changed surface string as a reader writes it: a pattern ``re:immo[^\\s-]*entwickler`` (a
    compound or spelling variant) becomes "immo…entwickler"."""
    if not needle.startswith("re:"):
        return needle
    p = re.sub(r"\[\^?[^\]]*\][*+?]?|\.[*+?]", "…", needle[3:])
    p = re.sub(r"\\[sbwdSBWD][*+?]?|[()^$|?*+{}\\]", "", p)
    return re.sub("…+", "…", p)


def _n(k: int, word: str) -> str:
    return f"{k} {word}{'' if k == 1 else 's'}"


def plain_why(why: str, reextracted: int, total: int) -> str:
    """The planner's reason (``plan_rerun``) in plain words."""
    kept = total - reextracted
    every = f"so all {_n(total, 'article')} were re-extracted"
    m = re.match(r"(\d+) changed surface strings \((.*)\)$", why)
    if m:
        shown = [w.strip() for w in m.group(2).split(", ") if w.strip() and w.strip() != "..."]
        words = list(dict.fromkeys(_readable(w) for w in shown))
        more = int(m.group(1)) - len(shown)
        listed = ", ".join(f"„{w}“" for w in words) + (f" and {more} more" if more > 0 else "")
        return (f"The changed rule entries can only match {m.group(1)} word{'' if m.group(1) == '1' else 's'} or forms "
                f"({listed}); the {_n(reextracted, 'article')} containing one of them "
                f"{'was' if reextracted == 1 else 'were'} re-extracted, the other {kept} kept their rows.")
    if why.startswith("not localisable:"):
        return (f"The change ({why.split(':', 1)[1].strip()}) can affect any article, {every}.")
    fixed = {
        "full re-extraction requested": f"A full re-extraction was asked for (--full), {every}.",
        "no rows kept from the last run": f"The last run kept no rows to compare with, {every}.",
        "extractor code changed": f"The extractor code changed since the last run, {every}.",
        "model changed": f"The parses come from another model than the last run's, {every}.",
        "rule files added or removed": f"Rule files were added or removed, {every}.",
        "rules unchanged": (f"The rules did not change; {reextracted} articles without kept rows were "
                            f"extracted, the other {kept} kept their rows."),
    }
    if why in fixed:
        return fixed[why]
    if why.startswith("previous rules unreadable"):
        return f"The previous rules could not be read back to compare with, {every}."
    return f"{why} ({reextracted} of {total} articles re-extracted)."


def _index(t: pa.Table, table: str) -> dict:
    a, b = KEYS[table]
    rows = t.to_pylist()
    return {(r["article_id"], r[a], r[b]): r for r in rows}


def _same(r1: dict, r2: dict) -> bool:
    return all(r1.get(k) == r2.get(k) for k in set(r1) | set(r2) if k not in IGNORED)


def row_diff(old: pa.Table, new: pa.Table, table: str) -> dict[str, dict[str, list]]:
    """Per rule: ``{"added": [row], "removed": [row], "changed": [(old row, new row)]}``."""
    o, n = _index(old, table), _index(new, table)
    out: dict[str, dict[str, list]] = {}

    def put(rule, what, item):
        out.setdefault(str(rule), {"added": [], "removed": [], "changed": []})[what].append(item)

    for k, r in sorted(n.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        if k not in o:
            put(r["rule_id"], "added", r)
        elif not _same(o[k], r):
            put(r["rule_id"], "changed", (o[k], r))
    for k, r in sorted(o.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        if k not in n:
            put(r["rule_id"], "removed", r)
    return out


def diff_once(old: pa.Table, new: pa.Table, table: str, count_ignored) -> tuple[dict, dict]:
    """Both diffs of a re-run from one reading of each table (issue 16, the parent's serial part):
    (counts per rule as :func:`pipeline.job.rerun.diff_rows` gives them, rows per rule as :func:`row_diff`).
    The counts ignore ``count_ignored`` only; the rows also ignore the columns of :data:`IGNORED` (derived
    at publish), so a row can count as changed and not be listed, as before. The tables are read by column
    once; a row becomes a dict only when it is listed."""
    a, b = KEYS[table]
    do, dn = old.to_pydict(), new.to_pydict()
    io = {k: i for i, k in enumerate(zip(do["article_id"], do[a], do[b]))}       # the last row of a key wins,
    inn = {k: i for i, k in enumerate(zip(dn["article_id"], dn[a], dn[b]))}      # as in both diffs
    co = [c for c in old.column_names if c not in count_ignored]
    cn = [c for c in new.column_names if c not in count_ignored]
    vo, vn = list(zip(*(do[c] for c in co))), list(zip(*(dn[c] for c in cn)))
    same_cols = co == cn and set(IGNORED) >= set(count_ignored)      # equal tuples: the same row for row_diff
    ro, rn = do["rule_id"], dn["rule_id"]
    counts: dict[str, dict[str, int]] = {}
    rows: dict[str, dict[str, list]] = {}

    def row(d: dict, i: int) -> dict:
        return {c: d[c][i] for c in d}

    def bump(rule, what):
        counts.setdefault(str(rule), {"added": 0, "removed": 0, "changed": 0})[what] += 1

    def put(rule, what, item):
        rows.setdefault(str(rule), {"added": [], "removed": [], "changed": []})[what].append(item)

    for k, i in inn.items():                      # counts: in the order of diff_rows
        j = io.get(k)
        if j is None:
            bump(rn[i], "added")
        elif vn[i] != vo[j]:
            bump(rn[i], "changed")
    for k, j in io.items():
        if k not in inn:
            bump(ro[j], "removed")
    for k, i in sorted(inn.items(), key=lambda kv: (kv[0][0], kv[0][1])):       # rows: in the order of row_diff
        j = io.get(k)
        if j is None:
            put(rn[i], "added", row(dn, i))
        elif not (same_cols and vn[i] == vo[j]):
            r_old, r_new = row(do, j), row(dn, i)
            if not _same(r_old, r_new):
                put(rn[i], "changed", (r_old, r_new))
    for k, j in sorted(io.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        if k not in inn:
            put(ro[j], "removed", row(do, j))
    return counts, rows


def _who_what(table: str, r: dict) -> tuple[str, str]:
    if table == "roles":
        org = f" ({r['organization']})" if r.get("organization") else ""
        return r.get("actor_name") or "?", f"{r['role']}{org}, {r['status']}"
    content = r.get("content") or r["claim_text"]
    return r.get("speaker_name") or r.get("speaker_text") or "(no speaker)", f"{r['claim_type']}: {content}"


def _changes(table: str, old: dict, new: dict) -> str:
    """The columns that differ, the telling ones first: "cue_text: meint → –; rule_id: …"."""
    shown = SHOWN_CHANGES[table]
    rest = sorted(k for k in set(old) | set(new) if k not in IGNORED and k not in shown)
    parts = []
    for c in [*shown, *rest]:
        if old.get(c) != new.get(c):
            a, b = ("–" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)[:80]
                    for v in (old.get(c), new.get(c)))
            parts.append(f"{c}: {a} → {b}")
    return "; ".join(parts)


def _items(table: str, per_rule: dict, arts: dict) -> list[dict]:
    """Flat rows for rendering: rule, change, title, who, what, changes, sentence."""
    items = []
    a, b = KEYS[table]
    for rule in sorted(per_rule):
        for what in ("added", "removed", "changed"):
            for x in per_rule[rule][what]:
                old, new = (x if what == "changed" else (x, x))
                title, body = arts.get(new["article_id"], (new["article_id"], ""))
                who, wh = _who_what(table, new)
                items.append({"rule": rule, "change": what, "title": title or new["article_id"], "who": who,
                              "what": wh, "changes": _changes(table, old, new) if what == "changed" else "",
                              "sentence": sentence_around(body, new[a], new[b]) if body else ""})
    return items


def _md_cell(s: str) -> str:
    return str(s).replace("|", "\\|").replace("\n", " ")


def render_markdown(items: dict[str, list[dict]], counts: dict, why_plain: str, old_rules: str, new_rules: str,
                    html_path: Path | None) -> str:
    lines = [f"# Rules re-run: {old_rules} -> {new_rules}", "", f"**Why these articles:** {why_plain}", ""]
    if html_path is not None:
        lines += [f"Rows in the review style: [{html_path.name}]({html_path.resolve().as_uri()})", ""]
    from pipeline.job.rerun import count_table

    for table, per_rule in counts.items():
        lines += count_table(table, per_rule)
        rows = items.get(table) or []
        if rows:
            who = "actor" if table == "roles" else "speaker"
            what = "role" if table == "roles" else "claim"
            lines += [f"| rule | change | article | {who} | {what} | what changed | sentence |",
                      "|---|---|---|---|---|---|---|"]
            lines += ["| " + " | ".join(_md_cell(i[k]) for k in ("rule", "change", "title", "who", "what",
                                                                  "changes", "sentence")) + " |" for i in rows]
            lines.append("")
    return "\n".join(lines)


def render_html(items: dict[str, list[dict]], counts: dict, why_plain: str, old_rules: str, new_rules: str) -> str:
    body = [f"<h1>Rules re-run: {esc(old_rules)} → {esc(new_rules)}</h1>",
            f"<p><b>Why these articles:</b> {esc(why_plain)}</p>"]
    for table, per_rule in counts.items():
        body.append(f"<h2>{esc(table)}</h2>")
        if not per_rule:
            body.append("<p>No change.</p>")
            continue
        by_rule: dict[str, list[dict]] = {}
        for i in items.get(table) or []:
            by_rule.setdefault(i["rule"], []).append(i)
        who = "actor" if table == "roles" else "speaker"
        what = "role" if table == "roles" else "claim"
        for rule, c in sorted(per_rule.items()):
            body.append(f"<h3><code>{esc(rule)}</code>: {c['added']} added, {c['removed']} removed, "
                        f"{c['changed']} changed</h3><table><thead><tr><th>change</th><th>article</th>"
                        f"<th>{who}</th><th>{what}</th><th>what changed</th><th>sentence</th></tr></thead><tbody>")
            for i in by_rule.get(rule, []):
                body.append(f"<tr class=\"{i['change']}\"><td>{i['change']}</td><td>{esc(i['title'])}</td>"
                            f"<td>{esc(i['who'])}</td><td>{esc(i['what'])}</td><td>{esc(i['changes'])}</td>"
                            f"<td>{esc(i['sentence'])}</td></tr>")
            body.append("</tbody></table>")
    return page(f"Rules re-run {new_rules}", "".join(body), '<a href="../_review/index.html">Review pages</a>')


def write(out: str | Path, version: str, old: dict[str, pa.Table], new: dict[str, pa.Table], why: str,
          reextracted: int, old_rules: str, new_rules: str, counts: dict, rows: dict | None = None
          ) -> tuple[str, Path, Path]:
    """Write ``OUT/_reports/rerun-<version>.md`` and ``.html``; (markdown, md path, html path). ``rows``: the
    row diffs per table when already made (:func:`diff_once`), else made here with :func:`row_diff`."""
    arts_t = new["articles"].select(["article_id", "title", "body_text"]).to_pydict()
    arts = {a: (t, b) for a, t, b in zip(arts_t["article_id"], arts_t["title"], arts_t["body_text"])}
    rows = rows or {}
    items = {t: _items(t, rows[t] if t in rows else row_diff(old[t], new[t], t), arts)
             for t in KEYS if t in old and t in new}
    why_plain = plain_why(why, reextracted, len(arts))
    rdir = Path(out) / "_reports"
    rdir.mkdir(exist_ok=True)
    md_path, html_path = rdir / f"rerun-{version}.md", rdir / f"rerun-{version}.html"
    html_path.write_text(render_html(items, counts, why_plain, old_rules, new_rules), encoding="utf-8")
    md = render_markdown(items, counts, why_plain, old_rules, new_rules, html_path)
    md_path.write_text(md, encoding="utf-8")
    return md, md_path, html_path


def summarize(report: str, rows: int = 20, md_path: str | Path | None = None,
              html_path: str | Path | None = None) -> str:
    """The terminal version of a report written by :func:`render_markdown`: the why line, the counts per
    rule of every table, the first ``rows`` rows of each table's row list (``rows=0``: none, negative: all),
    how many were left out, and where the full report is."""
    out: list[str] = []
    in_rows, shown, left = False, 0, 0

    def flush():
        nonlocal left
        if left:
            out.append(f"… {_n(left, 'more row')} in the full report")
            left = 0

    for line in report.splitlines():
        if line.startswith("Rows in the review style:"):
            continue                                  # replaced by the paths at the end
        if line.startswith("| rule | change |"):
            in_rows, shown = True, 0
            if rows != 0:
                out.append(line)
            continue
        if in_rows:
            if line.startswith("|---"):
                if rows != 0:
                    out.append(line)
                continue
            if line.startswith("| "):
                if rows < 0 or shown < rows:
                    out.append(line)
                    shown += 1
                else:
                    left += 1
                continue
            in_rows = False
            flush()
        if line.strip() or (out and out[-1].strip()):
            out.append(line)                          # no blank line twice
    flush()
    while out and not out[-1].strip():
        out.pop()
    if md_path or html_path:
        out += ["", f"Full report: {md_path}" + (f" (HTML: {html_path})" if html_path else "")]
    return "\n".join(out)
