"""Loading the German spaCy pipeline, once per process.

Order:
1. ``PIPELINE_MODEL`` (environment), a package name or a directory path;
2. the official ``de_core_news_lg``, ``_md`` or ``_sm``, whichever is installed;
3. the project's own pipeline shipped in ``pipeline/models/de_news`` (trained
   from open data by ``python -m pipeline.train``);
4. a blank German pipeline, with a loud warning (no entities, no claims).
"""
from __future__ import annotations

import dataclasses
import functools
import importlib.util
import json
import logging
import os
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:                       # spaCy is imported where a model is loaded, not before
    from spacy.language import Language

log = logging.getLogger(__name__)

OWN_MODEL_DIR = Path(__file__).parent / "models" / "de_news"
OFFICIAL = ("de_core_news_lg", "de_core_news_md", "de_core_news_sm")
MAX_LENGTH = 5_000_000
TOKENIZER_EXCEPTIONS = Path(__file__).parent / "tokenizer_exceptions.txt"


NO_SPLIT_AFTER = Path(__file__).parent / "no_split_after.txt"


def _words_of(path: Path) -> tuple[bytes, tuple[str, ...]]:
    raw = path.read_bytes() if path.exists() else b""
    return raw, tuple(ln.strip() for ln in raw.decode("utf-8").splitlines() if ln.strip() and not ln.startswith("#"))


@functools.lru_cache(maxsize=1)
def tokenizer_exceptions() -> tuple[tuple[str, ...], str]:
    """The abbreviations of ``tokenizer_exceptions.txt`` kept as one token, and the short content hash of that file
    and of ``no_split_after.txt`` (part of :attr:`ModelInfo.key`: a change of either re-parses)."""
    import hashlib
    raw, words = _words_of(TOKENIZER_EXCEPTIONS)
    raw2, after = _words_of(NO_SPLIT_AFTER)
    return words, (hashlib.sha256(raw + (b"\0" + raw2 if after else b"")).hexdigest()[:8] if words or after else "")


@functools.lru_cache(maxsize=1)
def no_split_after() -> frozenset[str]:
    """The abbreviations of ``no_split_after.txt``: no sentence starts right after one before a name."""
    return frozenset(_words_of(NO_SPLIT_AFTER)[1])


_NAME_TAGS = ("NE", "NN", "NNP", "NNA", "FM", "FW")     # STTS and our model's tags of names (rules/tags.yaml maps NNP -> NE)


def no_split_after_title(doc):
    """no_split_after_title: "Oberstaatsanwältin Dr. Eva Lechner sah das anders." - the parser must not start a
    sentence at the name after an academic or professional abbreviation (``no_split_after.txt``); the name is a
    noun or proper noun by the tagger (STTS or our model's tag), which runs before the parser (not "… zum Dr. Danach …")."""
    words = no_split_after()
    for t in doc[:-1]:
        if t.text in words:                    # rare: the next token only then (this runs on every parsed token)
            nxt = doc[t.i + 1]
            if nxt.text[:1].isupper() and nxt.tag_ in _NAME_TAGS and "\n" not in t.whitespace_:
                nxt.is_sent_start = False
    return doc


def _add_no_split(nlp) -> None:
    from spacy.language import Language
    if "no_split_after_title" not in Language.factories:
        Language.component("no_split_after_title", func=no_split_after_title)
    if no_split_after() and "parser" in nlp.pipe_names and "no_split_after_title" not in nlp.pipe_names:
        nlp.add_pipe("no_split_after_title", before="parser")


@dataclass(frozen=True)
class ModelInfo:
    name: str          # e.g. "de_core_news_lg" or "de_news"
    version: str       # the pipeline's meta version
    path: str          # where it was loaded from
    source: str        # env, official, own or blank
    components: tuple[str, ...]

    @property
    def key(self) -> str:
        """Identity of the parse: model name + version + spaCy version (+ the hash of the project's tokenizer
        exceptions, where there are any)."""
        tok = tokenizer_exceptions()[1]
        return f"{self.name}-{self.version}-spacy{spacy_version()}" + (f"-tok{tok}" if tok else "")

    def as_dict(self) -> dict:
        return {**dataclasses.asdict(self), "key": self.key}


def spacy_version() -> str:
    """spaCy's version, without importing spaCy when it is not imported yet (that takes a second)."""
    mod = sys.modules.get("spacy")
    if mod is not None and hasattr(mod, "__version__"):
        return mod.__version__
    return _dist_version("spacy")


@functools.lru_cache(maxsize=None)
def _dist_version(name: str) -> str:
    from importlib.metadata import version
    return version(name)


_LOADED: dict[str, tuple["Language", ModelInfo]] = {}


def _candidates() -> list[tuple[str, str]]:
    env = os.environ.get("PIPELINE_MODEL")
    if env:
        return [("env", env)]
    out = [("official", name) for name in OFFICIAL if importlib.util.find_spec(name)]
    if (OWN_MODEL_DIR / "meta.json").exists():
        out.append(("own", str(OWN_MODEL_DIR)))
    return out


def resolve_model() -> tuple[str, str]:
    """(source, name-or-path) of the pipeline that :func:`load_nlp` would load."""
    cands = _candidates()
    return cands[0] if cands else ("blank", "blank:de")


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    locs = list(spec.submodule_search_locations or []) if spec else []
    return Path(locs[0]) if locs else None


def _meta_of(name: str) -> dict:
    """The model's meta.json, read without importing spaCy (a directory or an installed package)."""
    if name == "blank:de":
        return {}
    path = Path(name)
    if not (path / "meta.json").exists():
        path = _package_dir(name) or path
    if (path / "meta.json").exists():
        return json.loads((path / "meta.json").read_text(encoding="utf-8"))
    import spacy
    return spacy.util.get_model_meta(spacy.util.get_package_path(name))


def _name_of(meta: dict) -> str:
    return f"{meta.get('lang', 'de')}_{meta['name']}" if meta.get("name") else "blank_de"


def model_key(spec: str | None = None) -> str:
    """The parse-cache identity of the model :func:`load_nlp` would load, without loading it."""
    return describe_model(spec).key


def describe_model(spec: str | None = None) -> ModelInfo:
    """The :class:`ModelInfo` that :func:`load_nlp` gives for ``spec``, from the model's meta.json:
    neither the model nor spaCy is loaded (``python -m pipeline info``, and the parent process of a
    parallel run, whose workers load the model)."""
    source, name = ("arg", spec) if spec else resolve_model()
    if name in _LOADED:
        return _LOADED[name][1]
    if name == "blank:de":
        return ModelInfo("blank_de", "0.0.0", "", source, ("sentencizer",))
    meta = _meta_of(name)
    path = Path(name)
    if (path / "meta.json").exists():
        where = str(path.resolve())
    else:                                # an installed package: spaCy loads its data directory
        pkg = _package_dir(name)
        data = pkg / f"{meta.get('lang', 'de')}_{meta.get('name')}-{meta.get('version')}" if pkg else None
        where = str(data.resolve()) if data is not None and data.exists() else str(pkg or name)
    return ModelInfo(name=_name_of(meta), version=str(meta.get("version", "0.0.0")), path=where,
                     source=source, components=tuple(meta.get("pipeline") or ()))


def load_nlp(spec: str | None = None) -> tuple["Language", ModelInfo]:
    """Load (and memoize) the pipeline. ``spec`` overrides the search order."""
    source, name = ("arg", spec) if spec else resolve_model()
    if name in _LOADED:
        return _LOADED[name]
    import spacy

    if name == "blank:de":
        warnings.warn(
            "No German model found: neither PIPELINE_MODEL, de_core_news_lg/md/sm nor the "
            f"project's own model at {OWN_MODEL_DIR}. Using a BLANK German pipeline: "
            "no entities, roles or claims will be found. Install one with "
            "`python -m spacy download de_core_news_lg`.",
            RuntimeWarning, stacklevel=2)
        nlp = spacy.blank("de")
        nlp.add_pipe("sentencizer")
        path = ""
    else:
        nlp = spacy.load(name)
        path = str(Path(nlp.path).resolve()) if getattr(nlp, "path", None) else name
    nlp.max_length = MAX_LENGTH
    for word in tokenizer_exceptions()[0]:
        nlp.tokenizer.add_special_case(word, [{"ORTH": word}])
    _add_no_split(nlp)
    meta = nlp.meta
    info = ModelInfo(
        name=_name_of(meta) if name != "blank:de" else "blank_de",
        version=str(meta.get("version", "0.0.0")),
        path=path,
        source=source,
        components=tuple(nlp.pipe_names),
    )
    _LOADED[name] = (nlp, info)
    log.info("loaded %s %s from %s", info.name, info.version, info.path or "(blank)")
    return nlp, info
