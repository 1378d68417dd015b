"""Parse cache: one DocBin file per article, keyed by body hash and model identity.

Layout: ``<root>/<model key>/<sha[:2]>/<sha>.spacy`` where the model key is
model name + model version + spaCy version (:attr:`ModelInfo.key`). A different
model or spaCy version therefore never reads another's parses, and rule changes
never re-parse.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:                     # spaCy is imported when a Doc is written or read, not before
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _safe(key: str) -> str:
    return _SAFE.sub("_", key)


class DocCache:
    def __init__(self, root: str | Path, model_key: str):
        self.root = Path(root)
        self.model_key = model_key
        self.dir = self.root / _safe(model_key)

    def path(self, sha: str) -> Path:
        return self.dir / sha[:2] / f"{sha}.spacy"

    def __contains__(self, sha: str) -> bool:
        return self.path(sha).exists()

    def put(self, sha: str, doc: "Doc") -> Path:
        from spacy.tokens import DocBin

        path = self.path(sha)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = DocBin(docs=[doc], store_user_data=False).to_bytes()
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)          # atomic: a reader never sees half a file
        return path

    def get(self, sha: str, vocab: "Vocab") -> "Doc | None":
        from spacy.tokens import DocBin

        path = self.path(sha)
        if not path.exists():
            return None
        docs = list(DocBin().from_bytes(path.read_bytes()).get_docs(vocab))
        return docs[0] if docs else None


@dataclass(frozen=True)
class CacheEntry:
    model_key: str
    files: int
    bytes: int


def report(root: str | Path) -> list[CacheEntry]:
    """Files and bytes per model key under ``root``."""
    root = Path(root)
    out = []
    if not root.is_dir():
        return out
    for d in sorted(p for p in root.iterdir() if p.is_dir()):
        files = [f for f in d.rglob("*.spacy")]
        out.append(CacheEntry(d.name, len(files), sum(f.stat().st_size for f in files)))
    return out


def prune(root: str | Path, keep_model_key: str | None = None,
          keep_shas: set[str] | None = None) -> tuple[int, int]:
    """Delete caches of other models and, if ``keep_shas`` is given, parses of articles
    no longer in the outputs. Returns (files removed, bytes freed)."""
    root = Path(root)
    removed = freed = 0
    if not root.is_dir():
        return 0, 0
    for d in [p for p in root.iterdir() if p.is_dir()]:
        if keep_model_key is not None and d.name != _safe(keep_model_key):
            for f in d.rglob("*.spacy"):
                removed += 1
                freed += f.stat().st_size
            shutil.rmtree(d)
            continue
        if keep_shas is not None:
            for f in d.rglob("*.spacy"):
                if f.stem not in keep_shas:
                    removed += 1
                    freed += f.stat().st_size
                    f.unlink()
    return removed, freed
