"""Parse cache: one DocBin file per article, keyed by body hash and model identity.

Layout: ``<root>/<model key>/<sha[:2]>/<sha>.spacy`` where the model key is
model name + model version + spaCy version (:attr:`ModelInfo.key`). A different
model or spaCy version therefore never reads another's parses, and rule changes
never re-parse.

Each file starts with a checksum of its content (``PDC1`` + sha256 + DocBin bytes). A file that
fails it, or cannot be read as a DocBin, counts as absent: it is reported (a warning naming the
file), removed, and the article is parsed again.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING, Callable, Iterator

if TYPE_CHECKING:                     # spaCy is imported when a Doc is written or read, not before
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

log = logging.getLogger(__name__)
_MAGIC = b"PDC1"
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _safe(key: str) -> str:
    return _SAFE.sub("_", key)


class DocCache:
    def __init__(self, root: str | Path, model_key: str):
        self.root = Path(root)
        self.model_key = model_key
        self.dir = self.root / _safe(model_key)
        self._ok: set[str] = set()          # shas whose checksum held in this process
        self.damaged: list[str] = []        # damaged files found (and removed)

    def path(self, sha: str) -> Path:
        return self.dir / sha[:2] / f"{sha}.spacy"

    def __contains__(self, sha: str) -> bool:
        """A parse is in the cache when its file exists and its checksum holds."""
        if sha in self._ok:
            return True
        path = self.path(sha)
        if not path.exists():
            return False
        return self._payload(path) is not None

    def _payload(self, path: Path) -> bytes | None:
        """The DocBin bytes of a cache file, or None (file reported and removed) when damaged."""
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        if data.startswith(_MAGIC):
            body = data[len(_MAGIC) + 32:]
            if hashlib.sha256(body).digest() == data[len(_MAGIC):len(_MAGIC) + 32]:
                self._ok.add(path.stem)
                return body
            self._damaged(path, "checksum mismatch")
            return None
        try:                              # a file of an older release: no checksum; can it be read at all?
            from spacy.tokens import DocBin
            DocBin().from_bytes(data)
        except Exception as exc:
            self._damaged(path, f"{type(exc).__name__}: {str(exc)[:120]}")
            return None
        return data

    def _damaged(self, path: Path, why: str) -> None:
        log.warning("parse cache file %s is damaged (%s); it is removed and the article parsed again", path, why)
        self.damaged.append(str(path))
        self._ok.discard(path.stem)
        try:
            path.unlink()
        except OSError:
            pass

    def put(self, sha: str, doc: "Doc") -> Path:
        path = self.path(sha)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = docbin_bytes(doc)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + hashlib.sha256(data).digest() + data)
        os.replace(tmp, path)          # atomic: a reader never sees half a file
        self._ok.add(sha)
        return path

    def get(self, sha: str, vocab: "Vocab") -> "Doc | None":
        """The cached parse, or None when absent or damaged (a damaged file is reported and removed)."""
        path = self.path(sha)
        if not path.exists():
            return None
        data = self._payload(path)
        if data is None:
            return None
        try:
            docs = list(docs_of(docbin_of(data), vocab))
        except Exception as exc:          # spaCy's E1014 and friends name no file: we do
            self._damaged(path, f"{type(exc).__name__}: {str(exc)[:120]}")
            return None
        return docs[0] if docs else None


class _DocBinWriter:
    """A spaCy DocBin of one Doc (what ``DocBin(docs=[doc], store_user_data=False).to_bytes()`` writes) with
    the columns the extractors read back, at about half of spaCy's cost (issue 16). spaCy's ``DocBin.add``
    makes a ``Token`` per token and looks up nine strings on each; here the string set comes from the
    distinct hashes of the attribute columns ``to_array`` gives anyway. ``srsly.msgpack_dumps`` builds a
    new ``Packer`` per call, and each one scans the installed packages' entry points (catalogue); one
    Packer is kept. Not kept (tenth session): ``NORM``, ``ENT_KB_ID`` and ``ENT_ID`` (:data:`DROPPED`):
    no extractor reads a token's norm, KB id or entity id (a Doc read back gives the lexeme's norm and
    empty ids); with them goes about a sixth of the bytes. The bytes are compressed at zlib level 1
    (:data:`LEVEL`; level 6 took a third of the writing): with the columns left out, the files are no
    larger than spaCy's. Any DocBin reader reads them (the attributes are listed in the file), and the
    cache reads older files of all columns as before. A Doc with span groups goes through spaCy's own
    ``DocBin`` (their strings are gathered there)."""

    def __init__(self):
        import numpy
        import srsly.msgpack
        from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, SPACY, TAG, ENT_TYPE
        from spacy.tokens import DocBin
        self.np, self.SPACY = numpy, SPACY
        empty = DocBin(store_user_data=False)
        dropped = {IDS[name] for name in DROPPED}
        self.version, self.attrs = empty.version, [a for a in empty.attrs if a not in dropped]
        # the kept columns whose strings DocBin.add collects: text, tag_, lemma_, morph, dep_, ent_type_
        # (to_array gives the same values as the Token properties read)
        self.cols = [self.attrs.index(a) for a in (ORTH, TAG, LEMMA, DEP, ENT_TYPE)]
        self.morph_col = self.attrs.index(MORPH)
        self.packer = srsly.msgpack.Packer(use_bin_type=True)   # as srsly.msgpack_dumps makes it
        self.memo: dict[int, str] = {}
        self.memo_of = None

    def strings_of(self, store) -> "Callable[[int], str]":
        """``store[h]``, memoized per string store (a lookup decodes the string anew each time: about 0.3 µs,
        some 400 distinct values an article; issue 16). The memo is dropped for another store and when full."""
        if self.memo_of is not store or len(self.memo) > 500_000:
            self.memo, self.memo_of = {}, store
        memo = self.memo

        def get(h: int) -> str:
            s = memo.get(h)
            if s is None:
                s = memo[h] = store[h]
            return s
        return get

    def strings_many(self, store, hashes: list[int]) -> list[str]:
        """``[store[h] for h in hashes]`` through the same memo as :meth:`strings_of`, without a Python call per
        hash (some 450 distinct values an article)."""
        if self.memo_of is not store or len(self.memo) > 500_000:
            self.memo, self.memo_of = {}, store
        memo = self.memo
        for h in set(hashes).difference(memo):
            memo[h] = store[h]
        return list(map(memo.__getitem__, hashes))

    def __call__(self, doc: "Doc") -> bytes:
        if doc.spans:
            from spacy.tokens import DocBin
            return DocBin(docs=[doc], store_user_data=False).to_bytes()
        np = self.np
        array = doc.to_array(self.attrs)
        if len(array.shape) == 1:
            array = array.reshape((array.shape[0], 1))
        spaces = np.asarray(doc.to_array(self.SPACY).reshape((-1, 1)), dtype=bool)
        strings = set(self.strings_many(doc.vocab.strings, np.unique(array[:, self.cols]).tolist())) \
            if len(array) else set()
        if len(array):
            empty = doc.vocab.morphology.EMPTY_MORPH
            for m in self.strings_many(doc.vocab.strings, np.unique(array[:, self.morph_col]).tolist()):
                strings.add("" if m == empty else m)
        msg = {
            "version": self.version,
            "attrs": self.attrs,
            "tokens": np.vstack([array]).tobytes("C"),
            "spaces": np.vstack([spaces]).tobytes("C"),
            "lengths": np.asarray([len(array)], dtype="int32").tobytes("C"),
            "strings": sorted(strings),
            "cats": [doc.cats],
            "flags": [{"has_unknown_spaces": doc.has_unknown_spaces}],
            "span_groups": [doc.spans.to_bytes()],
        }
        return zlib.compress(self.packer.pack(msg), LEVEL)


LEVEL = 1                                  # zlib level of the cache files (spaCy's DocBin: 6)
DROPPED = ("NORM", "ENT_KB_ID", "ENT_ID")   # columns of spaCy's DocBin not kept in the cache files

_WRITER: list[_DocBinWriter] = []


def docbin_bytes(doc: "Doc") -> bytes:
    """The DocBin bytes of a cache file: spaCy's ``DocBin(docs=[doc], store_user_data=False).to_bytes()``
    without the columns of :data:`DROPPED`, at zlib level 1, faster (see :class:`_DocBinWriter`)."""
    if not _WRITER:
        _WRITER.append(_DocBinWriter())
    return _WRITER[0](doc)


class _DocBinReader:
    """``DocBin().from_bytes(data)`` without its per-call look-up of the msgpack decoders (issue 16).

    spaCy reads the message with ``srsly.msgpack_loads``, and srsly's ``unpackb`` asks the catalogue
    registry for its decoders on every call, which scans the installed packages' entry points: about 0.4 ms
    of the ~1.8 ms a Doc took to read from the cache in a re-run (speed21). Here the decoders' object hook
    is made once per process, as srsly makes it (the same hook, the same ``raw=False, use_list=True``, the
    GC switched off while unpacking as srsly does), and the DocBin is filled as ``DocBin.from_bytes`` fills it
    (the writer keeps one ``Packer`` for the same reason: :class:`_DocBinWriter`)."""

    def __init__(self):
        import functools

        import numpy
        import srsly.msgpack
        from thinc.api import NumpyOps
        hook = None
        for decoder in srsly.msgpack.msgpack_decoders.get_all().values():
            hook = functools.partial(decoder, chain=hook)
        self.hook, self.unpackb, self.np, self.ops = hook, srsly.msgpack._unpackb, numpy, NumpyOps()

    def loads(self, data: bytes) -> dict:
        """``srsly.msgpack_loads(data)``."""
        import gc
        gc.disable()                           # as srsly.msgpack_loads; on again when a damaged file raises
        try:
            return self.unpackb(data, raw=False, use_list=True, object_hook=self.hook)
        finally:
            gc.enable()

    def __call__(self, data: bytes):
        from spacy.errors import Errors
        from spacy.tokens import DocBin
        try:
            msg = self.loads(zlib.decompress(data))
        except zlib.error:
            raise ValueError(Errors.E1014)
        db, np = DocBin(), self.np             # the rest as DocBin.from_bytes
        db.attrs = msg["attrs"]
        db.strings = set(msg["strings"])
        lengths = np.frombuffer(msg["lengths"], dtype="int32")
        flat_spaces = np.frombuffer(msg["spaces"], dtype=bool)
        flat_tokens = np.frombuffer(msg["tokens"], dtype="uint64")
        flat_tokens = flat_tokens.reshape((flat_tokens.size // len(db.attrs), len(db.attrs)))
        flat_spaces = flat_spaces.reshape((flat_spaces.size, 1))
        db.tokens = self.ops.unflatten(flat_tokens, lengths)
        db.spaces = self.ops.unflatten(flat_spaces, lengths)
        db.cats = msg["cats"]
        db.span_groups = msg.get("span_groups", [b"" for _ in lengths])
        db.flags = msg.get("flags", [{} for _ in lengths])
        db.user_data = list(msg["user_data"]) if "user_data" in msg else [None] * len(db)
        for tokens in db.tokens:
            assert len(tokens.shape) == 2, tokens.shape
        return db


_READER: list[_DocBinReader] = []


def docbin_of(data: bytes):
    """``DocBin().from_bytes(data)``, faster (:class:`_DocBinReader`)."""
    if not _READER:
        _READER.append(_DocBinReader())
    return _READER[0](data)


def docs_of(db, vocab: "Vocab") -> "Iterator[Doc]":
    """``db.get_docs(vocab)`` with the DocBin's strings put in the string store, not made lexemes (issue 16).

    spaCy's ``get_docs`` runs ``vocab[string]`` on every string of the DocBin: the tokens' words, but also
    every lemma, tag, dependency label and morphology string, each one a new lexeme whose 23 lexical
    attributes are computed in Python (~12 µs). The Docs need those strings only in the string store; the
    lexemes of their words are made as spaCy makes them (``Doc(vocab, words=...)``, with the same attribute
    functions), and a lexeme asked for later (``vocab[lemma]``) is made then, with the same values. 1,000
    ``mixed`` articles: 3,900 of 53,900 lexemes fewer (speed21)."""
    add = vocab.strings.add
    for string in db.strings:
        add(string)
    db.strings = set()
    return db.get_docs(vocab)


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


def tree_size(root: str | Path) -> tuple[int, int]:
    """(files, bytes) under ``root``; a file with several hard links (a part file shared by versions) counts once."""
    root = Path(root)
    n = b = 0
    seen: set[tuple[int, int]] = set()
    if root.is_dir():
        for d, _, files in os.walk(root):
            for f in files:
                try:
                    st = (Path(d) / f).stat()
                except OSError:
                    continue
                if st.st_nlink > 1:
                    if (st.st_dev, st.st_ino) in seen:
                        continue
                    seen.add((st.st_dev, st.st_ino))
                b += st.st_size
                n += 1
    return n, b


def prune_tree(root: str | Path) -> tuple[int, int]:
    """Remove everything under ``root`` (a cache that is rebuilt on demand). Returns (files, bytes)."""
    root = Path(root)
    n, b = tree_size(root)
    if root.is_dir():
        for p in list(root.iterdir()):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
    return n, b
