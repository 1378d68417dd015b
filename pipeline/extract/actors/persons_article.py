"""Person rules from the article's own use of a name (ent20, issue 12: false persons of real pages).

A span rule and a check in the registries of :mod:`persons` (listed in ``person_span_rules`` and
``person_checks`` of ``rules/actors.yaml``):

* ``per_noun_before_first_name`` cuts common nouns and role words NER drew into a name before its first name
  ("sagte [Landesvorstand Malte Dreesen]PER", "Geschäftsführer [Sport Henning Pielsticker]PER");
* ``per_place_elsewhere`` makes a one-word "person" the place the same article tags it as at least as often
  ("„[Houston]PER, Tranquillity Base here“" beside "in [Houston]LOC");
* ``per_kind_noun_lead`` (ent21) cuts a noun of an organisation's kind NER drew into a name before it ("des
  Aalener [Maschinenbauers Mack Präzisionstechnik]PER"): the name after it is then the organisation of the kind noun;
* ``per_disease_word`` (ent21) makes a one-word "person" that names an illness that illness ("Mittel gegen
  [Parkinson]PER");
* ``per_fronted_adjective`` drops an adjective or participle NER tags a person at the start of a sentence
  ("[Strafmildernd]PER wertete das Gericht ...").
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from .names import _strip_gen
from .persons import (PersonCtx, _compound_of_known_noun, _german, _given, _initial, _noun_lemmas, _verb_form,
                      _title_apposition_after, check, has_support, span_rule, speech_context)
from .rules import word_list, word_tuple


# ----------------------------------------------------------------------------- span rule
@span_rule("per_noun_before_first_name")
def per_noun_before_first_name(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Auch sagte [Landesvorstand Malte Dreesen]PER.", "Geschäftsführer [Sport Henning Pielsticker]PER bestätigte":
    capitalised common nouns (the German vocabulary, a compound of a known noun, a role title) before a first name
    that a surname follows inside the span are no part of the name; the name starts at the first name. Not where a
    word before it is itself a first name, a particle or an initial ("Hans Peter Müller", "von der Leyen")."""
    if len(sp) < 3:
        return None
    k = next((i for i in range(1, len(sp) - 1) if _given(sp[i].text, ctx)), None)
    if k is None or not sp[k + 1].text[:1].isupper():
        return None
    if all(lead_noun(t, ctx.rules) for t in sp[:k]):
        return [(sp.start + k, sp.end)]
    return None


@span_rule("per_kind_noun_lead")
def per_kind_noun_lead(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Geschäftsführerin des Aalener [Maschinenbauers Mack Präzisionstechnik]PER": a first word that is a noun of
    an organisation's kind (words.yaml actors.org_kind_heads as word endings, also in the genitive; not those that
    name persons as often, person_kind_heads), whatever the tagger read it as, is no part of the name after it; the
    name after it is then that organisation (layer._kind_noun_names). Not a first name ("Gruppe" is none, but a
    listed given name is never cut), not a word with a hyphen ("SPD-Gruppe Müller")."""
    t = sp[0]
    if len(sp) < 2 or not t.is_alpha or not t.text[:1].isupper() or _given(t.text, ctx) \
            or not sp[1].text[:1].isupper():
        return None
    low, heads = t.lower_, word_tuple(ctx.rules, "org_kind_heads")
    base = low[:-2] if low.endswith("es") and low[:-2].endswith(heads) else low[:-1] if low.endswith("s") else low
    if not base.endswith(heads) or base.endswith(word_tuple(ctx.rules, "person_kind_heads")):
        return None
    return [(sp.start + 1, sp.end)]


def lead_noun(t, rules) -> bool:
    """A capitalised word that is a common noun or a role title and no part of a name: no first name of the lists,
    no particle, no initial (also :func:`layer.complete_person_names`: "sagte [Landesvorstand]PER | Malte Dreesen",
    a sentence split the parser put inside the phrase, is no name that goes on across the split)."""
    ar = rules.get("actors")
    w = t.text
    if ar is None or not w.isalpha() or not w[:1].isupper() or _initial(w) or t.lower_ in ar.particles:
        return False
    if w in ar.evidence_given or w.split("-")[0] in ar.evidence_given or _strip_gen(w) in ar.evidence_given:
        return False
    caps, lows = _german()
    lex = rules.get("roles")
    return w in caps or w in _noun_lemmas() or t.lower_ in lows or _compound_of_known_noun(w, rules) \
        or (lex is not None and bool(lex.lookup(w)))


# ----------------------------------------------------------------------------- check
@check("per_place_elsewhere")
def per_place_elsewhere(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Er meldete sich mit den Worten: „[Houston]PER, Tranquillity Base here.“" in an article that says "im
    Kontrollzentrum in [Houston]LOC"; "[Lemwerders]PER Bürgermeisterin" beside "zwischen Vegesack und
    [Lemwerder]LOC": one word (or its genitive) NER tags a person is the place the article's NER tags it as at
    least as often, where no full name of a person in the article ends in it and nothing but the genitive speaks for
    a person (no title before it, no title in apposition, no speech verb); not a first name of the lists, not a
    mention NER itself tags no person."""
    if len(sp) != 1 or sp[0].ent_type_ != "PER" or _given(sp[0].text, ctx):
        return None                     # (a first name NER tagged a place that the layer made a person: "Dass Clemens
        #                                 sie für echt hielt")
    word = _strip_gen(sp[0].text)
    if {word, sp[0].text} & (set(ctx.person_surnames) | set(ctx.known_persons)):
        return None
    votes = _single_word_votes(doc, ctx)
    if (word, "FULL") in votes:
        return None                     # "Amtrak [George D. Warrington]PER ... [Warrington]LOC": a person's surname
    loc, per = votes.get((word, "LOC"), 0), votes.get((word, "PER"), 0)
    if loc == 0 or loc < per or _strong_support(doc, sp, ctx):
        return None
    return "LOC"


def _single_word_votes(doc: Doc, ctx: PersonCtx) -> Counter:
    """(word without its genitive -s, NER label) -> mentions of that one word in the Doc, and (word, "FULL") for the
    last word of a PER entity of several words (kept per context). A mention beside a citation's "/" casts no vote
    ("Schulze in [Dreier]LOC/Schulze": an author)."""
    got = ctx.extra.get("single_word_votes")
    if got is None:
        got = ctx.extra["single_word_votes"] = Counter()
        for e in doc.ents:
            if len(e) == 1 and e.text.isalpha() and not _beside_slash(doc, e):
                got[(_strip_gen(e.text), e.label_)] += 1
            elif len(e) > 1 and e.label_ == "PER":
                got[(_strip_gen(e[-1].text), "FULL")] += 1
    return got


def _beside_slash(doc: Doc, sp: Span) -> bool:
    return any(doc[k].text == "/" for k in (sp.start - 1, sp.end) if 0 <= k < len(doc))


def _strong_support(doc: Doc, sp: Span, ctx: PersonCtx) -> bool:
    """A title or role word right before the name, a title in apposition after it, a speech verb, a citation's "/":
    the person evidence of :func:`persons.has_support` that a place's name cannot have."""
    if sp.start > 0 and not doc[sp.start].is_sent_start:
        prev = doc[sp.start - 1]
        if prev.lower_ in word_list(ctx.rules, "person_titles") or (prev.text[:1].isupper() and ctx.not_names(prev.text)):
            return True
    if _beside_slash(doc, sp):
        return True                     # an author of a citation: "Dreier in [Dreier]/Schulze"
    return _title_apposition_after(doc, sp, ctx) or speech_context(doc, sp, ctx.rules)


@check("per_fronted_adjective")
def per_fronted_adjective(doc: Doc, sp: Span, ctx: PersonCtx):
    """"[Strafmildernd]PER wertete das Gericht, dass ...", "[Besorgt]PER äußerte sich Kofi Annan über ...",
    "[Stabil]PER entwickelte sich dagegen der Absatz": one capitalised word at the start of a sentence right before
    its finite verb, that German writes in lower case (an adjective or participle of the vocabulary, no noun of it,
    no first name), is a fronted adjective, no name, where a subject in the nominative follows the verb
    (:func:`_subject_after`); a speech verb after it is no evidence here (its subject comes after the verb), a full
    name of the article ending in it is ("Kurz sagte" beside "Sebastian Kurz")."""
    t = sp[0]
    if len(sp) != 1 or not t.is_alpha or not (t.is_sent_start or t.i == 0 or "\n" in doc[t.i - 1].text) \
            or t.i + 1 >= len(doc):
        return None
    nxt = doc[t.i + 1]
    if nxt.pos_ not in ("VERB", "AUX") or not nxt.tag_.endswith(("FIN", "VBC")):
        return None
    caps, lows = _german()
    if t.lower_ not in lows or t.text in caps or t.text in _noun_lemmas() or _given(t.text, ctx) \
            or has_support(doc, sp, ctx, speech=False):
        return None
    participle = _verb_form(t.lower_)   # "besorgt", "inszeniert": a verb's form no surname has
    return "drop" if _subject_after(doc, t.i + 2, strict=not participle) else None


def _subject_after(doc: Doc, k: int, strict: bool) -> bool:
    """After the finite verb (and "sich", adverbs, particles), a subject of its own: an article in the nominative
    ("Abgesperrt wurde [das] Teilstück") or a name in the nominative ("äußerte sich [Kofi] Annan"); ``strict``: only
    "der" in the masculine nominative ("entwickelte sich dagegen [der] Umschlag"), for a word that may be a surname
    as well ("Matter bezog ein Pult": "ein" may be an object). Not "Klein wurde stattdessen am 28. September ...",
    "Klein sagte der Zeitung" (the adjective-like word is the subject)."""
    start = k
    while k < len(doc) and k - start < 4 and (doc[k].lower_ == "sich" or doc[k].pos_ in ("ADV", "PART")):
        k += 1
    if k >= len(doc):
        return False
    t = doc[k]
    if "Nom" not in t.morph.get("Case"):
        return False
    if strict:
        return t.lower_ == "der" and "Masc" in t.morph.get("Gender")
    return t.pos_ == "DET" and t.lower_ in ("der", "die", "das", "ein", "eine") or t.pos_ == "PROPN" or t.ent_type_ == "PER"


@check("per_disease_word")
def per_disease_word(doc: Doc, sp: Span, ctx: PersonCtx):
    """"Auch einige Antidepressiva und Mittel gegen [Parkinson]PER beeinflussen das Schwitzen", "dazu kommen Influenza
    und [Corona]PER": one word that names an illness (words.yaml actors.disease_words, also in the genitive) without
    person evidence other than speaking is that illness, no person ("James Parkinson", and a surname after the full
    name, have evidence)."""
    if len(sp) != 1 or has_support(doc, sp, ctx, speech=False):
        return None
    low = sp[0].lower_
    words = word_list(ctx.rules, "disease_words")
    return "MISC" if low in words or (low.endswith("s") and low[:-1] in words) else None
