"""Which input files OUT has already ingested, decided without reading them as articles (issue 16, fast
start): a run with nothing new (``run corpus --only-new``) must not parse HTML, so it imports neither
trafilatura, ftfy nor dateparser.

``OUT/_cache/ingested.json`` records, per input file of earlier runs, the fingerprint of its bytes
(size, mtime and the SHA-256 of the raw bytes, as stored: a ``.gz`` file compressed) and what reading it
gave: its articles' ids (with their JSONL line) and its rejects. A file counts as already done when

* the reader is the same (hash of the ingest code, the web rules, the input limits and the versions of the
  reading libraries: another reader may give another body text),
* its raw bytes hash to the recorded value (always re-hashed: size/mtime alone can miss an edit),
* for a text file of a site whose pages are read together for their repeated lines
  (:func:`pipeline.web.dump.repeated_for_files`), every text file of that site is unchanged too,
* and every article it gave is in OUT's articles table now (or forgotten, ``forget``).

Such a file is replayed from the record (its articles counted as skipped, duplicates and rejects as a
full read would give them); any other file is read in full, as before. A changed file is therefore
always re-read, so a revised article is still ingested (issue 13). Deleting the file only costs one full
read of the inputs.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

FORMAT = 1
TEXT_SUFFIXES = (".txt", ".text")        # the files repeated_for_files groups by site
_READER_FILES = ("job/ingested.py", "job/steps.py", "ingest.py", "sources.py", "web/__init__.py", "web/dump.py", "web/html.py", "web/htmlmeta.py",
                 "web/profile.py")
_READER_LIBS = ("trafilatura", "ftfy", "dateparser", "justext", "py3langid", "lxml", "courlan", "htmldate")


def state_path(out: str | Path) -> Path:
    return Path(out) / "_cache" / "ingested.json"


def reader_key() -> str:
    """What, besides a file's bytes, decides what reading it gives."""
    import dataclasses
    import importlib.metadata as md

    from pipeline import __version__
    from pipeline.sources import limits
    from pipeline.web.profile import RULES_FILE
    pkg = Path(__file__).resolve().parents[1]
    h = hashlib.sha256(f"{FORMAT}|{__version__}|{dataclasses.astuple(limits())}".encode())
    rules = Path(os.environ.get("PIPELINE_WEB_RULES") or RULES_FILE)
    for f in [pkg / n for n in _READER_FILES] + [rules]:
        try:
            h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
        except OSError:
            h.update(f.name.encode() + b"\0?\0")
    for dist in _READER_LIBS:
        try:
            h.update(f"{dist}={md.version(dist)}".encode())
        except md.PackageNotFoundError:
            h.update(f"{dist}=-".encode())
    return h.hexdigest()[:16]


def _raw(path: Path) -> dict | None:
    """size, mtime and SHA-256 of the bytes as stored; None if they cannot be read."""
    try:
        st = os.stat(path)
        h = hashlib.sha256()
        with open(path, "rb") as f:
            while piece := f.read(1 << 20):
                h.update(piece)
    except OSError:
        return None
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": h.hexdigest()}


class IngestedState:
    """The record of one OUT; :meth:`scan` the run's files before reading any of them."""

    def __init__(self, out: str | Path):
        self.path = state_path(out)
        self.key = reader_key()
        self.files: dict[str, dict] = {}
        self.now: dict[str, dict | None] = {}           # this run's fingerprints
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT and data.get("reader") == self.key:
                self.files = dict(data.get("files") or {})
        except (OSError, ValueError, AttributeError):
            pass                                        # no record (or a damaged one): every file is read

    def scan(self, files: list[Path]) -> None:
        """Fingerprint the run's files (bytes, and the site group of text files) before they are read."""
        from pipeline.web.dump import site_key
        from pipeline.web.profile import web_rules
        for f in files:
            self.now[str(f)] = _raw(f)
            if self.now[str(f)] is not None:            # the article key of a file without URL or id is its
                self.now[str(f)]["abs"] = os.path.abspath(f)      # absolute path
        groups: dict[str, list[str]] = {}
        for f in files:
            if f.suffix.lower() in TEXT_SUFFIXES:
                groups.setdefault(site_key(f), []).append(str(f))
        n = web_rules().dump.min_repeated_pages
        for members in groups.values():
            if len(members) <= n:                       # no repeated lines read across the site
                continue
            g = hashlib.sha256()
            for m in sorted(members):
                g.update(f"{m}\0{(self.now[m] or {}).get('sha256', '?')}\0".encode())
            for m in members:
                if self.now[m] is not None:
                    self.now[m]["group"] = g.hexdigest()

    def done(self, article_done) -> set[str]:
        """The scanned files that need no reading: unchanged, and ``article_done(entry)`` for each of their
        articles (published, or forgotten)."""
        out = set()
        for name, fp in self.now.items():
            rec = self.files.get(name)
            if fp is None or rec is None or any(rec.get(k) != fp.get(k) for k in ("abs", "size", "sha256", "group")):
                continue
            if all(article_done(e) for e in rec["items"] if e[0] == "a"):
                out.add(name)
        return out

    def items(self, name: str) -> list[list]:
        """What reading the file gave: ``["a", sha256 of the body, line, article key]`` and
        ``["r", source_path, reason, detail]``."""
        return self.files[name]["items"]

    def record(self, name: str, items: list[list]) -> None:
        fp = self.now.get(name)
        if fp is None:                                  # unreadable when scanned: nothing to trust
            self.files.pop(name, None)
            return
        self.files[name] = {**fp, "items": items}

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"format": FORMAT, "reader": self.key, "files": self.files},
                                  ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, self.path)
