"""Reading input bytes safely: the folder walk, bounded reads and decompression, text decoding, JSONL
records, size limits and the language check. :mod:`pipeline.ingest` turns the decoded text into articles.

Guarantees (tested in ``tests/test_hostile_input.py`` and ``tests/test_fuzz_ingest.py``):

* every input path ends up as articles or :class:`Reject` rows, one row per record, never an exception
  (an :class:`ImportError` is re-raised: a broken installation is not bad input);
* the walk visits each real folder once (symlink loops), reads each real file once, never opens FIFOs,
  sockets or devices, and rejects what it cannot read one entry at a time;
* memory is bounded: files are read up to :attr:`Limits.max_file_bytes`, JSONL line by line up to
  :attr:`Limits.max_line_bytes`, gzip streams are inflated in pieces and stopped at
  :attr:`Limits.max_decompressed_bytes` or :attr:`Limits.max_gzip_ratio` (a gzip bomb is rejected
  without inflating it all), and no article over :attr:`Limits.max_chars` characters is accepted.
"""
from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import re
import stat
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

__all__ = ["Limits", "limits", "Reject", "walk", "read_bytes", "open_stream", "decode_bytes", "repair_text",
           "jsonl_records", "detect_language", "check_article", "BadInput", "location"]

MiB = 1 << 20
GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    """Input limits; defaults are generous for news. ``PIPELINE_MAX_CHARS`` etc. override them (see :func:`limits`)."""
    max_chars: int = 1_000_000                 # characters of one article's body text
    max_file_bytes: int = 32 * MiB             # bytes of one text/HTML file (after decompression)
    max_line_bytes: int = 0                    # bytes of one JSONL line; 0: 4 * max_chars + 1 MiB
    max_decompressed_bytes: int = 4096 * MiB   # bytes inflated from one .gz file
    max_gzip_ratio: int = 200                  # inflated / compressed, checked past 16 MiB inflated
    languages: tuple[str, ...] = ("de",)       # accepted languages; others are rejected (other_language)
    min_language_chars: int = 200              # shorter texts are not classified (language stays as declared)

    @property
    def line_bytes(self) -> int:
        return self.max_line_bytes or 4 * self.max_chars + MiB


_ENV = {"PIPELINE_MAX_CHARS": "max_chars", "PIPELINE_MAX_FILE_BYTES": "max_file_bytes",
        "PIPELINE_MAX_LINE_BYTES": "max_line_bytes", "PIPELINE_MAX_DECOMPRESSED_BYTES": "max_decompressed_bytes",
        "PIPELINE_MAX_GZIP_RATIO": "max_gzip_ratio"}


def limits() -> Limits:
    """The limits in force: defaults, overridden by the environment (``PIPELINE_MAX_CHARS=...``,
    ``PIPELINE_LANGUAGES=de,en``; the CLI's ``--max-chars`` sets the first)."""
    kw: dict = {}
    for var, name in _ENV.items():
        value = os.environ.get(var)
        if value:
            try:
                kw[name] = int(value.replace("_", ""))
            except ValueError:
                raise ValueError(f"{var}={value!r} is not a whole number") from None
    if os.environ.get("PIPELINE_LANGUAGES"):
        kw["languages"] = tuple(x.strip() for x in os.environ["PIPELINE_LANGUAGES"].split(",") if x.strip())
    return replace(Limits(), **kw)


@dataclass
class Reject:
    source_path: str
    reason: str      # see README "Bad input": the table of reasons
    detail: str


class BadInput(Exception):
    """A record or file that cannot be read; becomes a Reject with this reason."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason, self.detail = reason, detail


def location(path: str, line: int | None) -> str:
    """``file`` or ``file:line`` (JSONL records)."""
    return f"{path}:{line}" if line else path


# --------------------------------------------------------------------------------------------- walk
def _kind_of(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


class _Seen:
    def __init__(self) -> None:
        self.dirs: dict[tuple[int, int], str] = {}
        self.files: dict[tuple[int, int], str] = {}


def _stat_entry(path: str) -> os.stat_result | Reject:
    try:
        return os.stat(path)            # follows links: what the entry really is
    except FileNotFoundError:
        if os.path.islink(path):
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            return Reject(path, "not_found", f"dangling symbolic link to {target}")
        return Reject(path, "not_found", "no such file or folder")
    except OSError as e:                # ELOOP, EACCES on a parent, name too long ...
        return Reject(path, "unreadable", f"{type(e).__name__}: {e.strerror or e}")


def _entry(path: str, st: os.stat_result, seen: _Seen) -> Iterator[Path | Reject | tuple]:
    """A file to read, a Reject, or ("dir", path) for the walk to descend into."""
    key = (st.st_dev, st.st_ino)
    if stat.S_ISDIR(st.st_mode):
        if key in seen.dirs:
            yield Reject(path, "duplicate", f"folder already read as {seen.dirs[key]} (symbolic link loop or second link)")
            return
        seen.dirs[key] = path
        yield ("dir", path)
    elif stat.S_ISREG(st.st_mode):
        if key in seen.files:
            yield Reject(path, "duplicate", f"same file as {seen.files[key]} (a link to it), not read twice")
            return
        seen.files[key] = path
        yield Path(path)
    else:
        yield Reject(path, "not_a_file", f"{_kind_of(st.st_mode)}, not opened")


def _list_dir(path: str) -> list[os.DirEntry] | Reject:
    try:
        with os.scandir(path) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as e:
        return Reject(path, "unreadable", f"folder cannot be listed: {type(e).__name__}: {e.strerror or e}")


def walk(paths: Iterable[str | Path]) -> Iterator[Path | Reject]:
    """Files to read (sorted by name within a folder, depth first) and Rejects for entries not read.

    Each real folder is listed once and each real file read once, whatever links point to them; FIFOs,
    sockets and devices are never opened; hidden entries (name starting with ".") are not read but get a
    ``hidden`` row; an unreadable folder or entry is one reject, its siblings are still read.
    """
    seen = _Seen()
    for path in paths:
        sp = str(path)
        st = _stat_entry(sp)
        if isinstance(st, Reject):
            yield st
            continue
        for item in _entry(sp, st, seen):
            if isinstance(item, tuple):
                yield from _walk_dir(item[1], seen)
            else:
                yield item


def _walk_dir(root: str, seen: _Seen) -> Iterator[Path | Reject]:
    stack: list[Iterator[os.DirEntry]] = []
    listing = _list_dir(root)
    if isinstance(listing, Reject):
        yield listing
        return
    stack.append(iter(listing))
    while stack:
        e = next(stack[-1], None)
        if e is None:
            stack.pop()
            continue
        if e.name.startswith("."):
            yield Reject(e.path, "hidden", "hidden file or folder (name starts with '.'), not read")
            continue
        st = _stat_entry(e.path)
        if isinstance(st, Reject):
            yield st
            continue
        for item in _entry(e.path, st, seen):
            if isinstance(item, tuple):
                sub = _list_dir(item[1])
                if isinstance(sub, Reject):
                    yield sub
                else:
                    stack.append(iter(sub))
            else:
                yield item


# --------------------------------------------------------------------------------------------- bytes
class _Capped(io.RawIOBase):
    """A gzip stream that stops at the limits: a bomb is rejected after a bounded amount of inflating."""

    def __init__(self, gz: gzip.GzipFile, raw, lim: Limits, path: str):
        self.gz, self.raw, self.lim, self.path, self.total = gz, raw, lim, path, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        try:
            n = self.gz.readinto(memoryview(b)[:_CHUNK])      # inflate in pieces, checking after each
        except (zlib.error, EOFError, gzip.BadGzipFile) as e:
            raise BadInput("unreadable", f"corrupt gzip data: {type(e).__name__}: {e}") from None
        self.total += n
        if self.total > self.lim.max_decompressed_bytes:
            raise BadInput("too_large", f"gzip inflates to more than {self.lim.max_decompressed_bytes} bytes "
                                        f"(limit max_decompressed_bytes); not inflated further")
        if self.total > 16 * MiB:
            packed = max(1, self.raw.tell())
            if self.total > self.lim.max_gzip_ratio * packed:
                raise BadInput("too_large", f"gzip bomb: {packed} compressed bytes inflated to more than "
                                            f"{self.total} (ratio over {self.lim.max_gzip_ratio}); not inflated further")
        return n


def open_stream(path: Path, lim: Limits) -> io.BufferedReader:
    """The file's bytes as a stream (inflated when it is ``.gz``). Raises BadInput for what is not a
    regular file; never blocks on a FIFO (opened non-blocking and checked after opening)."""
    sp = str(path)
    try:
        fd = os.open(sp, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise BadInput("not_found", "no such file or folder") from None
    except OSError as e:
        raise BadInput("unreadable", f"{type(e).__name__}: {e.strerror or e}") from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise BadInput("not_a_file", f"{_kind_of(st.st_mode)}, not read")
    try:
        os.set_blocking(fd, True)
    except OSError:
        pass
    raw = os.fdopen(fd, "rb", buffering=256 * 1024)
    try:
        magic = raw.peek(2)[:2]
    except OSError as e:
        raw.close()
        raise BadInput("unreadable", f"{type(e).__name__}: {e.strerror or e}") from None
    if path.suffix.lower() != ".gz" and magic != GZIP_MAGIC:
        return raw
    gz = gzip.GzipFile(fileobj=raw, mode="rb")
    return io.BufferedReader(_Capped(gz, raw, lim, sp), buffer_size=256 * 1024)


def _read_error(e: BaseException) -> BadInput:
    if isinstance(e, BadInput):
        return e
    if isinstance(e, (zlib.error, EOFError, gzip.BadGzipFile)):
        return BadInput("unreadable", f"corrupt or truncated gzip data: {type(e).__name__}: {e}")
    return BadInput("unreadable", f"{type(e).__name__}: {e}")


def is_gzip(path: Path, lim: Limits) -> bool:
    """A ``.gz`` name or gzip's magic bytes (a compressed file without the suffix is read all the same)."""
    if path.suffix.lower() == ".gz":
        return True
    with open_stream(path, lim) as f:
        return isinstance(f, io.BufferedReader) and isinstance(getattr(f, "raw", None), _Capped)


def verify_gzip(path: Path, lim: Limits) -> None:
    """Inflate the whole stream in pieces, keeping nothing: raises BadInput when it is corrupt (a CRC or
    deflate error may only show at its end) or over the limits (a bomb), before any record is used."""
    try:
        with open_stream(path, lim) as f:
            while f.read(MiB):
                pass
    except (OSError, EOFError, zlib.error, BadInput) as e:
        raise _read_error(e) from None


def _read_capped(f, limit: int) -> bytes:
    """Up to ``limit`` bytes, read in pieces (never one buffer of ``limit`` bytes up front)."""
    buf = bytearray()
    while len(buf) < limit:
        piece = f.read(min(MiB, limit - len(buf)))
        if not piece:
            break
        buf += piece
    return bytes(buf)


def read_bytes(path: Path, lim: Limits) -> bytes:
    """All bytes of one (text/HTML) file, at most ``max_file_bytes``; raises BadInput."""
    try:
        with open_stream(path, lim) as f:
            data = _read_capped(f, lim.max_file_bytes + 1)
    except (OSError, EOFError, zlib.error, BadInput) as e:
        raise _read_error(e) from None
    if len(data) > lim.max_file_bytes:
        raise BadInput("too_large", f"file over {lim.max_file_bytes} bytes (limit max_file_bytes); not read further")
    return data


# --------------------------------------------------------------------------------------------- decoding
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]


def _sniff_wide(data: bytes) -> str | None:
    """UTF-16/32 without a BOM, told by where the zero bytes of ASCII/Latin characters fall."""
    sample = data[:4096]
    n = len(sample)
    if n < 8 or sample.count(0) < n // 4:
        return None
    if n % 4 == 0 or len(data) % 4 == 0:
        quads = n // 4
        le = sum(1 for i in range(0, quads * 4, 4) if sample[i] and not any(sample[i + 1:i + 4]))
        be = sum(1 for i in range(0, quads * 4, 4) if sample[i + 3] and not any(sample[i:i + 3]))
        if le > quads * 0.6:
            return "utf-32-le"
        if be > quads * 0.6:
            return "utf-32-be"
    pairs = n // 2
    le = sum(1 for i in range(0, pairs * 2, 2) if sample[i] and not sample[i + 1])
    be = sum(1 for i in range(0, pairs * 2, 2) if sample[i + 1] and not sample[i])
    if le > pairs * 0.4 and le > 4 * be:
        return "utf-16-le"
    if be > pairs * 0.4 and be > 4 * le:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> tuple[str, int]:
    """(codec, bytes of BOM to skip). UTF-8 when nothing else is recognised (the caller falls back)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    wide = _sniff_wide(data)
    return (wide, 0) if wide else ("utf-8", 0)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, codec): BOMs and BOM-less UTF-16/32 recognised, then UTF-8, else cp1252/latin-1;
    mojibake (UTF-8 read as cp1252/latin-1, once or twice) repaired with ftfy."""
    enc, skip = detect_encoding(data)
    body = data[skip:]
    if enc != "utf-8":
        text = body.decode(enc, errors="replace")
    else:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text, enc = body.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, enc = body.decode("latin-1"), "latin-1"
    return repair_text(text), enc


_SURROGATE = re.compile(r"[\ud800-\udfff]")
_MOJIBAKE_HINT = re.compile(r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                            r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
                            r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                            r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def repair_text(text: str) -> str:
    """Mojibake repaired (``ftfy.fix_encoding``: only encoding fixes, quotes and dashes stay as they are)
    and lone surrogates (from JSON ``"\\ud800"``) replaced by U+FFFD, so the text can be stored."""
    if _SURROGATE.search(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if _MOJIBAKE_HINT.search(text):
        import ftfy
        text = ftfy.fix_encoding(text)
    return text


def looks_binary(text: str) -> bool:
    sample = text[:4096]
    return bool(sample) and ("\x00" in sample or
                             sum(ord(c) < 32 and c not in "\n\r\t\f" for c in sample) > len(sample) // 50)


# --------------------------------------------------------------------------------------------- JSONL
STRING_FIELDS = ("title", "url", "section", "kicker", "teaser", "language", "lang", "source")


def _lines(f, lim: Limits) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes or None when over the limit, length): only "\\n" ends a line (JSON strings
    may hold U+2028/U+2029/U+0085 raw); an overlong line is skipped in pieces, never held whole."""
    cap = lim.line_bytes
    lineno = 0
    while True:
        line = f.readline(cap + 1)
        if not line:
            return
        lineno += 1
        if len(line) > cap and not line.endswith(b"\n"):
            size = len(line)
            while True:
                chunk = f.readline(MiB)
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield lineno, None, size
            continue
        yield lineno, line, len(line)


def _wide_lines(data: bytes, enc: str, skip: int) -> Iterator[tuple[int, bytes | None, int]]:
    text = data[skip:].decode(enc, errors="replace")
    for i, line in enumerate(text.split("\n"), 1):
        b = line.encode("utf-8", "surrogatepass")
        yield i, b, len(b)


def jsonl_records(path: Path, lim: Limits) -> Iterator[tuple[int, dict | None, BadInput | None]]:
    """(line, record, None) or (line, None, problem) for each non-blank line; a problem with the file
    itself (unreadable, gzip bomb) is yielded with line 0 after the records read before it."""
    try:
        if is_gzip(path, lim):
            verify_gzip(path, lim)          # all or nothing: records of a corrupt stream are not trusted
        f = open_stream(path, lim)
    except BadInput as e:
        yield 0, None, e
        return
    with f:
        try:
            sample = f.peek(4096)[:4096]
            enc, skip = detect_encoding(sample)
            if enc == "utf-8" and looks_binary(sample.decode("utf-8", "replace")):
                raise BadInput("unreadable", "binary content, not text")
            if enc != "utf-8":
                data = _read_capped(f, lim.max_file_bytes + 1)
                if len(data) > lim.max_file_bytes:
                    raise BadInput("too_large", f"{enc} JSONL file over {lim.max_file_bytes} bytes (limit max_file_bytes)")
                lines = _wide_lines(data, enc, skip)
            else:
                lines = _lines(f, lim)
            for lineno, raw, size in lines:
                if raw is None:
                    yield lineno, None, BadInput("too_large", f"line of {size} bytes, over the limit of "
                                                              f"{lim.line_bytes} (max_line_bytes); not parsed")
                    continue
                rec, problem = _record(raw, lineno == 1)
                if rec is None and problem is None:
                    continue
                yield lineno, rec, problem
        except (OSError, EOFError, zlib.error, BadInput) as e:
            yield 0, None, _read_error(e)


def _record(raw: bytes, first: bool) -> tuple[dict | None, BadInput | None]:
    if first and raw.startswith(codecs.BOM_UTF8):
        raw = raw[3:]
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        line = raw.decode("cp1252", errors="replace")
    if not line.strip():
        return None, None
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        return None, BadInput("bad_json", f"{e.msg} (column {e.colno})")
    except RecursionError:
        return None, BadInput("bad_json", "nested too deeply to parse")
    except ValueError as e:             # e.g. an integer with more than 4300 digits
        return None, BadInput("bad_json", f"{type(e).__name__}: {str(e)[:200]}")
    if not isinstance(rec, dict):
        return None, BadInput("bad_record", f"expected an object, got {type(rec).__name__}")
    return rec, None


def check_record(rec: dict) -> tuple[str, str]:
    """(id, text) of a JSONL record, or BadInput naming the field that is missing or of the wrong type."""
    missing = [k for k in ("id", "text") if rec.get(k) is None]
    if missing:
        nulls = [k for k in missing if k in rec]
        what = f"missing field(s) {', '.join(missing)}" + (f" ({', '.join(nulls)} is null)" if nulls else "")
        raise BadInput("bad_record", what)
    rid, body = rec["id"], rec["text"]
    if isinstance(rid, bool) or not isinstance(rid, (str, int)):
        raise BadInput("bad_record", f"id is {type(rid).__name__}, not a string or whole number")
    if isinstance(rid, str) and not rid.strip():
        raise BadInput("bad_record", "id is a blank string")
    if not isinstance(body, str):
        raise BadInput("bad_record", f"text is {type(body).__name__}, not a string")
    for k in STRING_FIELDS:
        v = rec.get(k)
        if v is not None and not isinstance(v, str):
            raise BadInput("bad_record", f"field {k!r} is {type(v).__name__}, not a string")
    return str(rid), body


# --------------------------------------------------------------------------------------------- articles
_IDENTIFIER = None


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) by py3langid (offline, its model ships in the package)."""
    global _IDENTIFIER
    if _IDENTIFIER is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
        _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    lang, prob = _IDENTIFIER.classify(text[:20000])
    return str(lang), float(prob)


_LETTERS = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")
# Function words of German that are not words of the other languages py3langid knows well ("die", "das", "den",
# "des", "in", "was" are; "the", "and", ... are English). A text made of at least ``_GERMAN_SHARE`` of them
# (German news: 0.17 at the 1st percentile, 0.23 median; any other language of spaCy's examples: at most 0.03)
# and nearly no English ones is German: py3langid is not asked (issue 16: it was 1.6 ms an article in the
# ingest, the serial start of a run, and 0.7 s to load its model).
_GERMAN_WORDS = frozenset(
    "der und nicht ist sich mit auf für dem ein eine einer einem eines auch wird wurde werden wurden dass nach bei "
    "aus zum zur über sind hat haben noch nur aber oder vom sie von zu wir ich kann seine ihre sein als".split())
_ENGLISH_WORDS = frozenset("the and of to that is with for this are on be have it".split())
_GERMAN_SHARE = 0.15
_WINDOW, _WINDOW_MIN = 24, 2
# letters of other scripts (and IPA, combining marks): py3langid reads bytes, and a few lines in another script
# outweigh a German majority of words
_OTHER_SCRIPT = re.compile("[\u0250-\u1dff\u2c00-\ud7ff\uf900-\uffff]")


def _plainly_german(sample: str) -> bool:
    """Whether ``sample`` is so plainly German that py3langid would say ``de`` (a cheap check before it; an
    unsure text goes to py3langid): German function words make ``_GERMAN_SHARE`` of its words, and of every
    stretch of ``_WINDOW`` words (a paragraph in another language among German ones fails), nearly no English
    ones, no letters of another script."""
    if _OTHER_SCRIPT.search(sample):
        return False
    words = _WORD.findall(sample.lower())
    n = len(words)
    if n < _WINDOW:
        return False
    german = [w in _GERMAN_WORDS for w in words]
    if sum(german) < _GERMAN_SHARE * n or sum(w in _ENGLISH_WORDS for w in words) > 0.01 * n:
        return False
    return all(sum(german[i:i + _WINDOW]) >= _WINDOW_MIN for i in range(0, n - _WINDOW // 2, _WINDOW // 2))


def language_of(text: str, lim: Limits, declared: str | None = None) -> tuple[str, str | None]:
    """(language code, why it is not accepted or None). Texts with fewer than ``min_language_chars`` letters
    keep the declared language (or the first accepted one): too short to classify reliably."""
    sample = text[:20000]
    if len(_LETTERS.findall(sample[:4000])) < lim.min_language_chars:
        return (declared or lim.languages[0]), None
    if "de" in lim.languages and _plainly_german(sample):
        return "de", None                   # what py3langid answers for such a text
    lang, prob = detect_language(sample)
    if lang in lim.languages:
        return lang, None
    if prob < 0.9:                       # unsure: keep it as the accepted language
        return (declared if declared in lim.languages else lim.languages[0]), None
    return lang, f"text is in language {lang!r} (py3langid, p={prob:.2f}); accepted: {', '.join(lim.languages)}"


def check_article(art, lim: Limits, where: str):
    """The article, or a Reject: over the size limit, or not in an accepted language. Sets ``language``."""
    if len(art.body_text) > lim.max_chars:
        return Reject(where, "too_large", f"body of {len(art.body_text)} characters, over the limit of "
                                          f"{lim.max_chars} (max_chars)")
    if not _LETTERS.search(art.body_text):
        return Reject(where, "empty_body", "body has no letters (only digits, punctuation, symbols or spaces)")
    declared = (art.language or "").strip().lower()[:2] or None
    lang, why = language_of(art.body_text, lim, declared)
    if why:
        return Reject(where, "other_language", why)
    art.language = lang
    return art


def empty_body_reason(text: str, lim: Limits, kind: str) -> tuple[str, str]:
    """Why a file gave no body: the raw text is in another language (e.g. Chinese), or no body was found."""
    lang, why = language_of(text, lim)
    if why:
        return "other_language", why + " (no German body text found)"
    return "empty_body", f"no body text found in {kind} input"
