"""The compiled rule set kept on disk between processes (issue 16: the re-run's serial start-up).

:func:`pipeline.ruleset.load_rules` reads and parses the ten rule files in every process that runs or
re-runs (about 0.2 s CPU, before a pool of workers can fork). With ``cache=`` it keeps what the parsers
made, pickled, in one file of that folder, and reads it back (about a fifth of that) as long as the key
holds. The key is a SHA-256 over

- every rule file's name and bytes (what ``rules_version`` hashes, in full),
- every Python source file of the ``pipeline`` package (the parsers, the classes of the compiled objects
  and whatever they call: any code change makes a new key),
- the Python version, the pickle protocol, and the versions of spaCy and PyYAML (with its C loader or not).

A file is used only when its stored key is the current one and its payload's SHA-256 holds; anything else
(another key, a damaged or foreign file, a pickle that fails) is compiled again and written anew. So a
rule set is never stale: it is what parsing the same bytes with the same code gives. Writes are atomic
(a temporary file renamed); files of other keys in the folder are removed. Pickle runs code when it
loads: the folder is the output folder's own ``_cache`` (trusted as much as the outputs themselves).
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MAGIC = b"pipeline-rules\x01"
PROTOCOL = 5
PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_key() -> str:
    """The pipeline package's Python sources and the library versions, hashed (once per process)."""
    import spacy
    import yaml
    h = hashlib.sha256()
    for f in sorted(PKG.rglob("*.py")):
        h.update(f.relative_to(PKG).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    libs = (sys.version, PROTOCOL, spacy.__version__, yaml.__version__, hasattr(yaml, "CSafeLoader"))
    h.update(repr(libs).encode())
    return h.hexdigest()


def rules_key(paths: list[Path]) -> str:
    """The key of the rule set made from the files ``paths`` (sorted) with this code."""
    h = hashlib.sha256(code_key().encode())
    for p in paths:
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


class Stored:
    """The compiled rule set of the rule files ``paths`` in the folder ``folder``."""

    def __init__(self, folder: Path, paths: list[Path]):
        self.folder = folder
        self.key = rules_key(paths)
        self.path = folder / f"rules-{self.key[:24]}.pickle"

    def read(self) -> dict[str, Any] | None:
        """The compiled rules (stem -> parsed), or None where there is no valid file of this key."""
        try:
            data = self.path.read_bytes()
        except OSError:
            return None
        head = len(MAGIC) + 64
        if not data.startswith(MAGIC) or data[len(MAGIC):head] != self.key.encode() \
                or hashlib.sha256(data[head + 32:]).digest() != data[head:head + 32]:
            log.info("compiled rules %s: not of this key or damaged, compiled again", self.path)
            return None
        try:
            got = pickle.loads(data[head + 32:])
        except Exception:  # noqa: BLE001 - a file that does not load is compiled again, never trusted
            log.info("compiled rules %s do not load, compiled again", self.path, exc_info=True)
            return None
        return got if isinstance(got, dict) else None

    def write(self, compiled: dict[str, Any]) -> bool:
        """Keep ``compiled`` under this key (and drop the files of other keys); False where it cannot."""
        try:
            payload = pickle.dumps(compiled, protocol=PROTOCOL)
        except Exception:  # noqa: BLE001 - rules that cannot be pickled are just not kept
            log.info("compiled rules cannot be pickled: not kept", exc_info=True)
            return False
        data = MAGIC + self.key.encode() + hashlib.sha256(payload).digest() + payload
        tmp = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".rules-", suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, self.path)
            tmp = None
        except OSError:
            log.info("compiled rules not kept in %s", self.folder, exc_info=True)
            return False
        finally:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
        for p in self.folder.glob("rules-*.pickle"):
            if p != self.path:
                p.unlink(missing_ok=True)
        return True
