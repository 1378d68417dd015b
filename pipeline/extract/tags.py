"""Fine-grained tag normalisation: the non-STTS tags of our own model mapped to STTS, once per Doc.

Our model (``pipeline/models/de_news``) was trained on UD German GSD, whose XPOS are STTS, and on UD
German PUD, whose XPOS are an English/PTB-style set. Its ``tag_`` is therefore a mix: "Die Polizei
teilte mit, der Fahrer sei geflohen." comes out with ``teilte/VBC mit/DC sei/VBC geflohen/VBN``
where the rules test ``VVFIN PTKVZ VAFIN VVPP``. :func:`normalise_tags` rewrites every tag listed in
``pipeline/rules/tags.yaml`` (``map:``) to its STTS tag, choosing among cases by the token's coarse
``pos_``, lemma, morphology and form. STTS tags (all tags of ``de_core_news_lg``) are left alone, so the
step is idempotent and a no-op for the official model.

It runs at the start of :func:`pipeline.extract.extract`, after the parse was read from the cache
or made: the cache keeps the model's own tags, and a change of ``tags.yaml`` is a rules change (new
``rules_version``; ``rerun`` re-extracts everything, the change cannot be localised).

``python -m pipeline.extract.tags [CONLLU.gz]`` scores the model's tags against an STTS-tagged
treebank (default: UD German GSD dev) before and after the mapping, per mapped tag.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from pipeline.registry import RuleError, rule_file

# STTS as in TIGER / UD German GSD, plus the TIGER spellings de_core_news_* uses.
STTS = frozenset("""
$( $, $. ADJA ADJD ADV APPO APPR APPRART APZR ART CARD FM ITJ KOKOM KON KOUI KOUS NE NN NNE PAV PROAV
PDAT PDS PIAT PIDAT PIS PPER PPOSAT PPOSS PRELAT PRELS PRF PTKA PTKANT PTKNEG PTKVZ PTKZU PWAT PWAV PWS
TRUNC VAFIN VAIMP VAINF VAPP VMFIN VMINF VMPP VVFIN VVIMP VVINF VVIZU VVPP XY _SP
""".split())
_COND_KEYS = ("pos", "lemma", "lower", "morph", "has", "zu_form", "is_lemma")
_FEAT = re.compile(r"^[A-Za-z]+=[A-Za-z0-9]+$")


@dataclass(frozen=True)
class Case:
    """One case of a mapping: every condition given must hold (an empty condition holds)."""
    tag: str
    pos: frozenset[str] = frozenset()
    lemma: frozenset[str] = frozenset()
    lower: frozenset[str] = frozenset()
    morph: tuple[tuple[str, str], ...] = ()
    has: tuple[str, ...] = ()
    zu_form: bool = False
    is_lemma: bool = False

    def holds(self, t: Token) -> bool:
        if self.pos and t.pos_ not in self.pos:
            return False
        if self.lemma and t.lemma_.lower() not in self.lemma:
            return False
        if self.lower and t.text.lower() not in self.lower:
            return False
        if self.morph or self.has:
            m = t.morph
            if any(v not in m.get(f) for f, v in self.morph) or any(not m.get(f) for f in self.has):
                return False
        if self.is_lemma and t.text.lower() != t.lemma_.lower():
            return False
        return not self.zu_form or is_zu_form(t)


@dataclass(frozen=True)
class TagMap:
    """The compiled ``tags.yaml``: ``enabled`` (on), every applied tag's cases in order, the disabled tags (off)."""
    on: bool
    cases: dict[str, tuple[Case, ...]]
    off: frozenset[str]

    def stts(self, t: Token) -> str | None:
        """The STTS tag for token ``t``, or None when its tag is not mapped (or no case holds)."""
        for case in self.cases.get(t.tag_, ()):
            if case.holds(t):
                return case.tag
        return None


def is_zu_form(t: Token) -> bool:
    """An infinitive with "zu" inside the word ("anzukündigen", lemma "ankündigen")."""
    low, lem = t.text.lower(), t.lemma_.lower()
    k = low.find("zu", 1)
    return k > 0 and low[:k] + low[k + 2:] == lem and "zu" not in lem[k:k + 2]


def normalise_tags(doc: Doc, tags: TagMap | None) -> int:
    """Rewrite the Doc's non-STTS tags in place (see the module docstring); returns how many changed."""
    if tags is None or not tags.on or not doc.has_annotation("TAG"):
        return 0
    from spacy.attrs import LEMMA, MORPH, ORTH, POS, TAG
    mapped, memo = _memo(tags)
    if not len(doc):
        return 0
    # the tokens whose tag is mapped, found in the TAG column (a Token is made only for them: issue 16); the
    # answer of tags.stts is kept per (tag, pos, lemma, form, morphology): all it reads of a token. The new tags
    # are written at once (``Doc.from_array`` of the TAG column: what ``token.tag_ = new`` does, token by token)
    arr = doc.to_array([TAG, POS, LEMMA, ORTH, MORPH])
    idx = [i for i, h in enumerate(arr[:, 0].tolist()) if h in mapped]   # only the mapped tokens' rows become lists
    new_tags = None
    ids = _tag_ids(doc.vocab.strings)
    for i, row in zip(idx, arr[idx].tolist()):
        tag = mapped[row[0]]
        key = tuple(row)
        new = memo.get(key, _UNSEEN)
        if new is _UNSEEN:
            new = memo[key] = tags.stts(doc[i])
            if len(memo) > 100_000:
                memo.clear()
        if new is not None and new != tag:
            if new_tags is None:
                new_tags = arr[:, 0].copy()
            h = ids.get(new)
            if h is None:
                h = ids[new] = doc.vocab.strings.add(new)
            new_tags[i] = h
    if new_tags is None:
        return 0
    doc.from_array([TAG], new_tags)
    return int((new_tags != arr[:, 0]).sum())


_UNSEEN = object()
_IDS: dict = {"store": None, "ids": {}}


def _tag_ids(store) -> dict[str, int]:
    """tag -> ``store.add(tag)`` for the tags already added to this string store (speed19: the add hashed the tag
    again for every rewritten token, ~110 an article; a tag once added stays in the store). Dropped for another store."""
    if _IDS["store"] is not store:
        _IDS["store"], _IDS["ids"] = store, {}
    return _IDS["ids"]
_MEMOS: dict[int, tuple[TagMap, dict[int, str], dict]] = {}


def _memo(tags: TagMap) -> tuple[dict[int, str], dict]:
    """(hash -> mapped tag, the memo of :meth:`TagMap.stts` by the token's attribute hashes) of ``tags``."""
    from spacy.strings import get_string_id
    got = _MEMOS.get(id(tags))
    if got is None or got[0] is not tags:
        if len(_MEMOS) > 16:
            _MEMOS.clear()
        got = _MEMOS[id(tags)] = (tags, {get_string_id(tag): tag for tag in tags.cases}, {})
    return got[1], got[2]


def _strings(v: Any, file: str, entry: str, what: str) -> list[str]:
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not v or not all(isinstance(x, str) and x.strip() == x and x for x in v):
        raise RuleError(file, entry, f"{what}: expected a non-empty list of strings")
    return v


def _case(raw: Any, lemmas: dict[str, frozenset[str]], file: str, entry: str) -> Case:
    if isinstance(raw, str):
        raw = {"tag": raw}
    if not isinstance(raw, dict) or "tag" not in raw:
        raise RuleError(file, entry, "a case is an STTS tag or a mapping with 'tag' and conditions")
    unknown = sorted(set(raw) - {"tag", *_COND_KEYS})
    if unknown:
        raise RuleError(file, entry, f"unknown key(s) {unknown}; allowed: {['tag', *_COND_KEYS]}")
    if raw["tag"] not in STTS:
        raise RuleError(file, entry, f"{raw['tag']!r} is no STTS tag")
    kw: dict[str, Any] = {"tag": raw["tag"]}
    for key in ("pos", "lower", "has"):
        if key in raw:
            vals = _strings(raw[key], file, entry, key)
            kw[key] = tuple(vals) if key == "has" else frozenset(x.lower() if key == "lower" else x for x in vals)
    if "lemma" in raw:
        v = raw["lemma"]
        if isinstance(v, str) and v.startswith("@"):
            if v[1:] not in lemmas:
                raise RuleError(file, entry, f"unknown lemma class {v!r}; defined: {sorted(lemmas)}")
            kw["lemma"] = lemmas[v[1:]]
        else:
            kw["lemma"] = frozenset(x.lower() for x in _strings(v, file, entry, "lemma"))
    if "morph" in raw:
        feats = _strings(raw["morph"], file, entry, "morph")
        bad = [f for f in feats if not _FEAT.match(f)]
        if bad:
            raise RuleError(file, entry, f"morph {bad}: write features as Feat=Value")
        kw["morph"] = tuple(tuple(f.split("=", 1)) for f in feats)
    for key in ("zu_form", "is_lemma"):
        if key in raw:
            if not isinstance(raw[key], bool):
                raise RuleError(file, entry, f"{key}: true or false")
            kw[key] = raw[key]
    return Case(**kw)


@rule_file("tags")
def parse_tags(data: Any, file: str) -> TagMap:
    if not isinstance(data, dict):
        raise RuleError(file, None, "expected a mapping with enabled, lemmas, map, disabled")
    unknown = sorted(set(data) - {"enabled", "lemmas", "map", "disabled"})
    if unknown:
        raise RuleError(file, None, f"unknown key(s) {unknown}; allowed: ['disabled', 'enabled', 'lemmas', 'map']")
    if not isinstance(data.get("enabled"), bool):
        raise RuleError(file, "enabled", "expected true or false")
    lemmas = {}
    for name, ws in (data.get("lemmas") or {}).items():
        lemmas[str(name)] = frozenset(w.lower() for w in _strings(ws, file, f"lemmas.{name}", "lemmas"))
    raw_map = data.get("map")
    if not isinstance(raw_map, dict) or not raw_map:
        raise RuleError(file, "map", "expected a mapping of tags to STTS tags or case lists")
    off = frozenset(_strings(data["disabled"], file, "disabled", "disabled")) if data.get("disabled") else frozenset()
    missing = sorted(off - set(raw_map))
    if missing:
        raise RuleError(file, "disabled", f"{missing} are not in map")
    cases: dict[str, tuple[Case, ...]] = {}
    for tag, body in raw_map.items():
        entry = f"map.{tag}"
        if tag in STTS:
            raise RuleError(file, entry, f"{tag!r} is already an STTS tag")
        items = body if isinstance(body, list) else [body]
        if not items:
            raise RuleError(file, entry, "expected an STTS tag or a non-empty list of cases")
        compiled = tuple(_case(c, lemmas, file, entry) for c in items)
        if tag not in off:
            cases[str(tag)] = compiled
    return TagMap(on=data["enabled"], cases=cases, off=off)


def full_map(path: Any = None) -> TagMap:
    """Every mapping defined in ``tags.yaml`` (default: the committed file), switched on, none disabled:
    what the tests and :func:`_score` check, whatever the file's ``enabled``/``disabled`` say."""
    import yaml

    from pipeline.ruleset import RULES_DIR
    data = yaml.safe_load(((RULES_DIR / "tags.yaml") if path is None else path).read_text(encoding="utf-8"))
    return parse_tags({**data, "enabled": True, "disabled": []}, "tags.yaml")


# ----------------------------------------------------------------------------- scoring on a treebank
def _score(path: str) -> None:            # pragma: no cover  (needs ../shared and the model)
    import gzip
    from collections import Counter

    from pipeline.nlp import load_nlp

    sents, gold = [], []
    words: list[str] = []
    tags: list[str] = []
    for line in gzip.open(path, "rt", encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if words:
                sents.append(words)
                gold.append(tags)
            words, tags = [], []
        elif not line.startswith("#"):
            col = line.split("\t")
            if col[0].isdigit():
                words.append(col[1])
                tags.append(col[4])
    nlp, _info = load_nlp()
    tm = full_map()
    before, after, n = Counter(), Counter(), 0
    per: dict[str, Counter] = {}
    for ws, gs in zip(sents, gold):
        doc = Doc(nlp.vocab, words=ws)
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        old = [t.tag_ for t in doc]
        normalise_tags(doc, tm)
        for o, t, g in zip(old, doc, gs):
            n += 1
            before[o == g] += 1
            after[t.tag_ == g] += 1
            if o in tm.cases:
                per.setdefault(o, Counter())[(o == g, t.tag_ == g)] += 1
    print(f"{path}: {len(sents)} sentences, {n} tokens; STTS tag accuracy {before[True] / n:.3f} -> {after[True] / n:.3f}")
    print("model tag   n   right after mapping")
    for tag, c in sorted(per.items(), key=lambda kv: -sum(kv[1].values())):
        tot = sum(c.values())
        print(f"{tag:6s} {tot:6d}  {sum(v for (o, a), v in c.items() if a) / tot:.3f}")


if __name__ == "__main__":          # pragma: no cover
    import sys
    _score(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/syntax/ud_german/de_gsd-ud-dev.conllu.gz")
