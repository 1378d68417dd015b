"""Organisation rules of the nineteenth session (ent19, issue 12): the medium a statement is given to.

Registered in :data:`.orgs.ORG_RULES` like the rules of :mod:`.orgs` (switched on and ordered by ``org_rules`` in
``rules/actors.yaml``).

* ``org_medium_quoted_addressee``: "sagte eine Sprecherin der „Presse“", "sagte sie dem „Spiegel“": a name in
  quotation marks right after a definite article, spoken to, is a medium, whether or not a lexicon knows it;
* ``org_medium_gazetteer_addressee``: "sagte Fraktionschefin Lea Sommerfeld dem hr": a one-word medium of the
  gazetteer (category media; an acronym also in lower case) after a definite article or "gegenüber", spoken to;
* ``org_medium_document_holder`` (ent21): "in einem Schreiben, das dem Abendblatt vorliegt", "heißt es in einem
  Beschlusspapier, das ZDFheute vorliegt": the name a relative clause says holds a paper is the medium reporting it.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .orgs import (OrgCtx, _cap, _german_noun, _place_or_known_org, _report_verb_near, _speech_verb, columns,
                   org_rule)

_OPEN, _CLOSE = frozenset("„»«\"‚"), frozenset("“«»\"‘”")
_ARTICLES = ("dem", "der")


@org_rule("org_medium_quoted_addressee")
def org_medium_quoted_addressee(doc: Doc, ctx: OrgCtx):
    """"Eine Sprecherin des Finanzministeriums sagte der „Presse“, man prüfe verschiedene Varianten", "sagte sie dem
    „Spiegel“": one to four capitalised words in quotation marks right after "dem"/"der", with a speech verb or
    "erfahren" at most seven tokens before the article (:func:`.orgs._report_verb_near`), name the medium spoken to
    (news pages quote the names of newspapers), where the clause ends after it. Not after a preposition ("in der
    „Zeit“ schrieb"), not a subject ("glauben sie, dass er weiß, wo der „Abgrund“ verläuft")."""
    cols = ctx.cols if ctx.cols is not None else columns(doc)
    out = []
    for i, low in enumerate(cols.lower):
        if low not in _ARTICLES or i + 3 >= len(doc) or cols.text[i + 1] not in _OPEN or not _cap(cols.text[i + 2]):
            continue
        if i > 0 and cols.pos[i - 1] == "ADP":
            continue
        end = next((k for k in range(i + 2, min(i + 7, len(doc))) if cols.text[k] in _CLOSE), None)
        if end is None or end == i + 2 or not all(_cap(w) or w.lower() in ("am", "für", "und") for w in cols.text[i + 2:end]):
            continue
        if end + 1 < len(doc) and cols.text[end + 1] not in (",", ".", ":", ";", "!", "?", "zufolge"):
            continue                    # (the clause goes on: "wo der „Abgrund“ verläuft" is a subject)
        if _report_verb_near(doc, i + 1, ctx.rules):
            out.append((i + 2, end))
    return out


@org_rule("org_medium_gazetteer_addressee")
def org_medium_gazetteer_addressee(doc: Doc, ctx: OrgCtx):
    """"„Das ist zu wenig“, sagte Fraktionschefin Lea Sommerfeld dem hr", "sagte Präsident Urs Stämpfli gegenüber
    online", "sagte er dem nd": one word after "dem"/"der" or "gegenüber" that the gazetteer lists as a medium of one
    word, as written or as a lower-case acronym ("hr": HR), spoken to (:func:`.orgs._report_verb_near`), is that
    medium. Not after a preposition before the article ("mit dem Merkur"). (ent21) A listed medium of two words after
    "gegenüber"/"dem"/"der", with a speech verb before it or right after it: "Gegenüber heise online erklärte sie"."""
    gaz = ctx.rules.get("gazetteer")
    if gaz is None:
        return []
    media = _media_words(gaz)
    cols = ctx.cols if ctx.cols is not None else columns(doc)
    out = []
    for i, low in enumerate(cols.lower):
        if low not in _ARTICLES + ("gegenüber",) or i + 1 >= len(doc) or doc[i + 1].ent_iob_ == "I":
            continue
        w = cols.text[i + 1]
        if i + 3 <= len(doc) and f"{w} {cols.text[i + 2]}" in _media_pairs(gaz) \
                and (_report_verb_near(doc, i + 1, ctx.rules) or _speech_verb_after(doc, i + 3, ctx.rules)):
            out.append((i + 1, i + 3))  # (ent21) a listed medium of two words: "Gegenüber heise online erklärte sie"
            continue
        if w not in media and not (len(w) <= 3 and w.islower() and w.upper() in media):
            continue
        if low != "gegenüber" and i > 0 and cols.pos[i - 1] == "ADP":
            continue
        if i + 2 < len(doc) and _cap(cols.text[i + 2]) and cols.pos[i + 2] in ("PROPN", "NOUN"):
            continue                    # (a longer name: "dem Stern Verlag")
        if _report_verb_near(doc, i + 1, ctx.rules):
            out.append((i + 1, i + 2))
    return out


def _speech_verb_after(doc: Doc, k: int, rules) -> bool:
    """A speech verb within two tokens from token ``k`` on: "Gegenüber heise online erklärte sie"."""
    return any(_speech_verb(doc[j], rules) for j in range(k, min(k + 2, len(doc))))


def _media_pairs(gaz) -> frozenset[str]:
    """The gazetteer's media names of two words ("heise online", "Der Standard")."""
    memo = getattr(gaz, "_ent21_media_pairs", None)
    if memo is None:
        memo = frozenset(n for n, cat in gaz.names.items() if cat == "media" and len(n.split()) == 2)
        object.__setattr__(gaz, "_ent21_media_pairs", memo)
    return memo


def _media_words(gaz) -> frozenset[str]:
    """The gazetteer's media names of one word (and their genitives)."""
    memo = getattr(gaz, "_ent19_media", None)
    if memo is None:
        words = {n for n, cat in gaz.names.items() if cat == "media" and " " not in n}
        memo = frozenset(w for w in words if len(w) >= 2 and any(c.isalpha() for c in w))
        object.__setattr__(gaz, "_ent19_media", memo)
    return memo


_HOLD_VERBS = frozenset(("vorliegt", "vorliegen", "vorlag", "vorlagen", "vorliege"))
_RELATIVES = frozenset(("das", "die", "der", "welches", "welche"))


@org_rule("org_medium_document_holder")
def org_medium_document_holder(doc: Doc, ctx: OrgCtx):
    """"In einem Schreiben an die Angehörigen, das dem Abendblatt vorliegt, begründet ...", "heißt es in einem
    Beschlusspapier, das ZDFheute vorliegt", "ein Prüfgutachten, das Table.Briefings einsehen konnte": one to three
    name words between a relative pronoun after a comma (and "dem"/"der") and "vorliegt"/"vorlag" or "einsehen
    konnte" name the medium that reports the paper. The name is a medium or organisation a lexicon knows, or words no
    German vocabulary knows as a noun ("das dem Gericht vorliegt", "das der Redaktion vorliegt" no), no first name."""
    cols = ctx.cols if ctx.cols is not None else columns(doc)
    out = []
    for v, low in enumerate(cols.lower):
        if low not in _HOLD_VERBS and not (low == "einsehen" and v + 1 < len(doc)
                                           and cols.lower[v + 1] in ("konnte", "konnten", "kann", "können")):
            continue
        span = _holder_name(doc, cols, v, ctx)
        if span is not None:
            out.append(span)
    return out


def _holder_name(doc: Doc, cols, v: int, ctx: OrgCtx) -> tuple[int, int] | None:
    """The name right before the verb at ``v`` after "<comma> das/die/der [dem/der]" (org_medium_document_holder)."""
    end = v - 1 if v > 0 and cols.lower[v - 1] == "exklusiv" else v
    for start in range(end - 1, max(end - 4, 1), -1):
        before = start - 1
        article = cols.lower[before] in ("dem", "der") and before >= 2 and cols.lower[before - 1] in _RELATIVES \
            and cols.text[before - 2] == ","
        if not article and not (cols.lower[before] in _RELATIVES and cols.text[before - 1] == ","):
            continue
        words = [w for w in cols.text[start:end] if w != "."]
        if any(not (w[:1].isupper() or "-" in w) for w in words) or words[0] in ctx.given:
            return None
        name = doc[start:end].text
        known = _german_noun if article else _vocabulary_word     # (without an article only a name: "das ZDFheute")
        if _place_or_known_org(name, ctx.rules) or not any(known(w, ctx.rules) for w in words):
            return start, end
        return None
    return None


def _vocabulary_word(word: str, rules) -> bool:
    """A word the German vocabulary holds as written (no compound reading: "ZDFheute" is a name)."""
    from .layer import capitalised_words, german_words, noun_lemmas
    return word in german_words()[0] or word in capitalised_words() or word in noun_lemmas()
