"""Speakers: noun phrases (``grab_np``), the subject of a cue verb (``find_subject``) and the Actor a
speaker span refers to (``resolve_speaker``)."""
from __future__ import annotations

import re
from typing import Iterable

from pipeline.extract.view import doc_span

from .clauses import attach_aux, clause_start, is_passive, is_source_noun, next_comma, strip_end
from .clauses import impersonal_prep, FINITE_TAGS
from .context import CLAUSE_BREAK, Ctx, Found, Hit


def grab_np(c: Ctx, k: int, limit: int, allow_oblique: bool = False, pp: bool = False,
            appos: bool = True) -> tuple[int, int] | None:
    """A noun phrase starting at token k (end exclusive), in the gold annotation's style:
    determiner, adjectives, nouns/names, genitive attributes, a von/aus-PP and an
    apposition with a name."""
    n = min(limit, len(c.toks))
    if k >= n:
        return None
    whole, j = _np_opening(c, k, n, allow_oblique)
    if whole is not None or j is None:
        return whole
    end = _np_core(c, j, n)
    if end is None:
        return None
    for _ in range(4):              # genitive attributes and von-PPs: "der Sprecher des Ministeriums"
        nxt = _np_attachment(c, k, end, n)
        if nxt is None:
            break
        end = nxt
    if c.R.switch("coordinated_names"):
        end = _np_coordinated_name(c, k, end, n) or end
    if pp:
        end = _np_pp(c, end, n, limit)
    if appos:
        oblique = allow_oblique or (c.R.switch("dative_apposition") and _von_object_end(c, k, end))
        end = _np_apposition(c, end, n, limit, pp, oblique)
    return (k, end)


def _von_object_end(c: Ctx, k: int, end: int) -> bool:
    """Nach Angaben von Sam Maiha, dem Direktor der Wetterbehörde, … – whether the NP [k, end) ends in
    the object of a von/vom-PP (a dative), so that an apposition after its comma opens with a dative
    article ("dem Direktor", "einem ehemaligen Kabinettsmitglied") and still belongs to it."""
    return end < len(c.toks) and c.low[end] == "," and any(c.low[t] in ("von", "vom") for t in range(k + 1, end - 1)) \
        and end + 1 < len(c.toks) and c.low[end + 1] in ("dem", "einem")


def _np_opening(c: Ctx, k: int, n: int, allow_oblique: bool) -> tuple[tuple[int, int] | None, int | None]:
    """How a noun phrase at k opens: (a whole short NP, None) for a pronoun, a demonstrative or a
    quoted name; (None, j) with j the first token after the determiner; (None, None): no NP."""
    lw = c.low[k]
    if lw in c.w.person_pronouns or (lw == "sie" and k < n):
        return (k, k + 1), None
    if lw in c.R.not_speakers and lw not in c.w.determiners:
        return None, None
    j = k
    if lw in c.w.demonstratives and (k + 1 >= n or not (c.is_nounish(k + 1) or c.is_adjish(k + 1))
                                 or c.is_punct(k + 1)):
        return (k, k + 1), None             # "Dieser behauptete …", "so letztere"
    if lw in c.w.determiners:
        if lw in c.w.oblique_determiners and not allow_oblique:
            return None, None
        j += 1
        if c.R.switch("extended_attribute"):
            j = extended_attribute(c, k, j, n)
    # quoted names: das „Wall Street Journal“
    if j < n and c.is_quote_mark(j) and c.in_quote[j] >= 0:
        qs, qe, q = c.quote_tok[c.in_quote[j]]
        if qe - qs <= 8 and qs == j:
            return (k, qe), None
    if j == k and c.is_adjish(j) and not c.is_nounish(j) and k > 0 and not (
            c.low[k - 1] in c.w.function_words or c.low[k - 1] in CLAUSE_BREAK or c.is_quote_mark(k - 1)
            or c.low[k - 1] in c.R.preps_before or c.sent_of[k - 1] != c.sent_of[k]
            or (c.has_pos and c.toks[k - 1].pos_ in ("VERB", "AUX", "ADV"))):
        return None, None
    return None, j


def extended_attribute(c: Ctx, k: int, j: int, n: int) -> int:
    """Auch die auf Nachrichten aus Nordkorea spezialisierte Internetzeitung „Daily NK“ meldete, … – an
    article followed by a preposition opens an extended participial attribute (erweitertes Attribut):
    the noun phrase goes on at the noun the article belongs to, right after the attribute's last word (a
    lowercase adjective or participle), with only nouns, articles, prepositions, adjectives and adverbs
    between and no comma, verb or quotation. Not after a comma ("…, die auf X spezialisierte Anwälte
    beschäftigen": a relative pronoun). Returns the token where the NP goes on (j when there is none)."""
    if not (c.has_pos and j < n and c.toks[j].pos_ == "ADP" and c.in_quote[k] < 0):
        return j
    if k > 0 and c.low[k - 1] in (",", "und", "oder"):
        return j
    for h in range(j + 2, min(n, k + 12)):
        tok = c.toks[h]
        if tok.is_punct or c.in_quote[h] >= 0 or tok.is_space:
            return j
        if c.is_nounish(h) and tok.text[:1].isupper() and c.toks[h - 1].text.islower() \
                and c.low[h - 1].endswith(ATTRIBUTE_ENDINGS) and h - 1 > j + 1 and c.toks[h - 1].pos_ != "ADP" \
                and c.low[h - 1] not in c.w.determiners and c.low[h - 2] not in c.w.determiners \
                and c.toks[h - 2].pos_ not in ("ADP", "DET"):
            return h                    # not an adjective inside the attribute: "an dem System der neuen Medien beteiligten Firmen"
        attribute = tok.text.islower() and c.low[h].endswith(ATTRIBUTE_ENDINGS) and h + 1 < n and c.is_nounish(h + 1)
        if tok.pos_ not in ("ADP", "DET", "NOUN", "PROPN", "ADJ", "ADV", "NUM") and not attribute:
            return j
    return j


ATTRIBUTE_ENDINGS = ("e", "en", "er", "es", "em")


def _np_core(c: Ctx, j: int, n: int) -> int | None:
    """End of the adjectives and nouns from j (with the rest of a name, a quoted title and
    "Angaben britischer Medien"), or None without a noun. With switch ``adverb_in_np`` an adverb that
    modifies the attributive adjective after it belongs to the NP ("einer gestern verbreiteten Erklärung")."""
    while j < n and (c.is_adjish(j) and not c.is_nounish(j) or _attribute_adverb(c, j, n)):
        j += 1
    h = j
    while j < n and c.is_nounish(j) and not c.is_punct(j):
        j += 1
        if j + 1 < n and j in c.gender_colon:
            j += 2                      # "Expert:innen" split by the tokenizer is one noun
        if c.R.switch("noun_run_break") and j < n and _run_break(c, j, n):
            break
    if j == h:
        return None
    end = _entity_end(c, j, n)
    if end < n and c.is_quote_mark(end) and c.in_quote[end] >= 0 and not _lowercase_quote(c, end):
        qs, qe, _ = c.quote_tok[c.in_quote[end]]      # Magazin „Der Spiegel“
        if qs == end and qe - qs <= 8 and qe <= n:
            end = qe
    if is_source_noun(c, end - 1) and end + 1 < n and c.is_adjish(end) and c.low[end].endswith("er") \
            and c.is_nounish(end + 1):
        m = end + 1
        while m < n and c.is_nounish(m) and not c.is_punct(m):
            m += 1
        end = m
    return end


def _lowercase_quote(c: Ctx, q: int) -> bool:
    """Der Verein werde laut Gall „auch in Zukunft bestehen“. – a quotation after a noun that opens with a lower-case
    word is a partial quote of the message, no title or name of the noun ("Magazin „Der Spiegel“"): the speaker noun
    phrase ends before it (switch ``quoted_title_upper``)."""
    return c.R.switch("quoted_title_upper") and q + 1 < len(c.toks) and c.toks[q + 1].text[:1].islower()


COMMON_SUFFIXES = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "tion", "tionen", "ität", "nis", "ismus")


def _run_break(c: Ctx, j: int, n: int) -> bool:
    """Grund waren laut Ministerium Arbeiten an der Stelle. / Bisher liegen laut Airbus Bestellungen vor. – a
    common noun right after a noun phrase's noun or name opens a new noun phrase (German writes compounds as
    one word; titles stand before names: "Staatsanwalt Alan Jackson"): not when it is part of a name, an
    entity or an actor mention, nor an abbreviation ("Dr.")."""
    t = c.toks[j]
    if not c.has_pos or t.pos_ != "NOUN" or j in c.ent_at or j in _mention_end(c) or t.text.endswith("."):
        return False
    lw = c.low[j]
    if not (lw.endswith(tuple(c.w.common_noun_endings)) and (t.lemma_ != t.text or lw.endswith(COMMON_SUFFIXES))):
        return False                    # a name our model tags a noun ("Alfredo Pérez Rubalcaba"): no common noun ending
    prev = c.toks[j - 1]
    if prev.is_punct or prev.is_space or prev.pos_ not in ("NOUN", "PROPN"):
        return False
    if j + 1 < n and _name_at(c, j + 1) and c.toks[j + 1].text[:1].isupper():
        return False                    # a title before a name: "Kölns Präsident Wolfgang Overath"
    genitive = prev.pos_ == "PROPN" and prev.text.endswith("s") and c.ent_at.get(j - 1, (0, 0, ""))[2] != "ORG"
    return not genitive                 # "Kölns Präsident", "Bayerns Umweltminister": a name in the genitive


def _attribute_adverb(c: Ctx, j: int, n: int) -> bool:
    """"einer gestern verbreiteten Erklärung", "der bereits erwähnten Studie": a lower-case adverb between an article
    and an inflected attributive adjective or participle (not a pronominal adverb: "den dafür gegebenen Hinweisen"
    stays as the source_nach rule reads it)."""
    return c.R.switch("adverb_in_np") and c.has_pos and c.toks[j].pos_ == "ADV" and c.toks[j].text.islower() \
        and c.low[j] not in c.w.pronominal_adverbs \
        and j > 0 and c.low[j - 1] in c.w.determiners and j + 2 < n and c.is_adjish(j + 1) \
        and not c.is_nounish(j + 1) and c.toks[j + 1].text.islower() and c.low[j + 1].endswith(ATTRIBUTE_ENDINGS) \
        and c.is_nounish(j + 2)


def _np_attachment(c: Ctx, k: int, end: int, n: int) -> int | None:
    """The new end of the NP [k, end) after one attachment, or None when none follows."""
    low = c.low
    if end + 2 < n and low[end] == "(":      # "die Weltgesundheitsorganisation ( WHO )"
        return _np_parenthesis(c, end, n)
    e = _np_quoted_after(c, k, end, n, low[end] in c.w.genitive_determiners | c.w.np_prepositions if end < n else False)
    if e is not None:
        return e
    if end + 1 < n and low[end].endswith("er") and c.is_adjish(end) and not c.is_nounish(end) \
            and c.is_nounish(end + 1) and not c.is_punct(end + 1) and c.toks[end].text.islower():
        return _entity_end(c, end + 2, n)               # der Verband kommunaler Unternehmen
    if end + 1 < n and low[end] in ("in", "im") and end + 1 in c.ent_at and \
            c.ent_at[end + 1][2] in ("LOC", "GPE") and c.ent_at[end + 1][0] == end + 1:
        return c.ent_at[end + 1][1]                       # das Kraftfahrt-Bundesamt in Flensburg
    if end < n and c.toks[end].like_num and low[end - 1] in c.w.months | {"jahr", "jahres"}:
        return end + 1
    if end < n and low[end] in c.w.genitive_determiners and end - 1 in c.ent_at and end - 1 > k \
            and low[k] not in c.w.genitive_determiners | c.w.determiners:
        return None                         # "Auskunft der NASA der überwiegende Teil": no genitive after a name
    e = _np_quoted_title(c, k, end, n)
    if e is not None:
        return e
    if end + 1 < n and low[end] in ("vom", "von") and low[end + 1] in c.w.time_nouns:
        return None                         # "Angaben der Polizei vom Dienstag"
    return _np_genitive(c, end, n)


def _np_parenthesis(c: Ctx, end: int, n: int) -> int | None:
    close = next((m for m in range(end + 1, min(n, end + 9)) if c.low[m] == ")"), None)
    if close is not None and close > end + 1 and not any(
            c.has_pos and c.toks[m].pos_ in ("VERB", "AUX") for m in range(end + 1, close)):
        return close + 1
    return None


def _np_quoted_after(c: Ctx, k: int, end: int, n: int, linked: bool) -> int | None:
    """einem Artikel der „New York Times“: a quoted name after a genitive article or von/aus/für; with switch
    ``quoted_name_pp`` also after von/aus/für and an article ("Moritz Wohlrab von der „Aktion Deutschland hilft“")."""
    m = end + 1
    if linked and m + 1 < n and c.low[end] in c.w.np_prepositions and c.low[m] in c.w.determiners \
            and c.R.switch("quoted_name_pp"):
        m += 1
    if m < n and linked and c.is_quote_mark(m) and c.in_quote[m] >= 0:
        qs, qe, _ = c.quote_tok[c.in_quote[m]]
        if qs == m and qe - qs <= 8 and qe <= n:
            return qe
    return None


def _np_quoted_title(c: Ctx, k: int, end: int, n: int) -> int | None:
    """"Angaben des Magazins „Der Spiegel“": a quoted title right after a noun."""
    if end + 1 < n and c.is_quote_mark(end) and c.in_quote[end] >= 0 and c.is_nounish(end - 1) \
            and c.toks[end + 1].text[:1].isupper() and end > k + 1:
        qs, qe, _ = c.quote_tok[c.in_quote[end]]
        if qs == end and qe - qs <= 7 and qe <= n:
            return qe
    return None


def _np_genitive(c: Ctx, end: int, n: int) -> int | None:
    """A genitive attribute or a von/aus/für-PP after the NP: "der Sprecher des Ministeriums"."""
    quant = c.w.genitive_quantifiers
    if not (end < n and (c.low[end] in c.w.genitive_determiners | c.w.np_prepositions or (
            c.low[end] in quant and c.low[end].endswith("er")))):
        return None
    m = end + 1
    if c.low[end] in c.w.np_prepositions and m < n and c.low[m] in c.w.determiners:
        m += 1
    if m < n and c.low[m] in quant and c.low[end] not in quant:
        m += 1                      # "Meinung der beiden Politiker", "von vielen Experten"
    while m < n and c.is_adjish(m) and not c.is_nounish(m):
        if c.toks[m].like_num:
            break                   # "von 10.000 Menschen": a quantity, not a source
        m += 1
    m0 = m
    while m < n and c.is_nounish(m) and not c.is_punct(m):
        m += 1
    if m > m0 and not c.toks[m0 - 1].like_num:
        end = _entity_end(c, m, n)
        if end < n and c.toks[end].like_num and c.low[end - 1] in c.w.months | {"jahr", "jahres"}:
            end += 1
        return end
    return None


def _np_pp(c: Ctx, end: int, n: int, limit: int) -> int:
    """A prepositional modifier before the verb: "Ein Regierungssprecher in Berlin sagte"."""
    if not (end < n and c.low[end] in ("in", "im", "aus", "bei", "beim", "von", "vom", "für")):
        return end
    m = end + 1
    if m < n and c.low[m] in c.w.determiners:
        m += 1
    while m < n and c.is_adjish(m) and not c.is_nounish(m):
        m += 1
    m0 = m
    while m < n and c.is_nounish(m) and not c.is_punct(m):
        m += 1
    if m > m0 and (m == limit or (m < n and c.low[m] in (",", ".", ":", ";"))):
        return m
    return end


def _np_apposition(c: Ctx, end: int, n: int, limit: int, pp: bool, allow_oblique: bool) -> int:
    """"Der Leiter der Studie, Paulo Pinheiro," / "Kurt Volker, Nato-Botschafter in X:" (also with a
    blank after the comma: "Hongkongs,  Claudia Mo,")."""
    s = end + 1
    while s < n and c.toks[s].is_space and "\n" not in c.toks[s].text:
        s += 1
    if not (s < n and c.low[end] == "," and (c.toks[s].text[:1].isupper() or c.low[s] in c.w.determiners)):
        return end
    ap = grab_np(c, s, limit, pp=pp, appos=False, allow_oblique=allow_oblique)
    if ap and ap[1] - ap[0] <= 12 and (ap[1] >= n or c.low[ap[1]] in (",", ":", ".", ";")) \
            and (c.low[ap[0]] not in c.w.relative_pronouns - {"die", "der", "das"} or (allow_oblique and ap[1] - ap[0] >= 2)) \
            and not (c.low[ap[0]] in c.w.relative_pronouns and ap[1] - ap[0] == 1):
        return ap[1]
    return end


def _entity_end(c: Ctx, j: int, n: int) -> int:
    """Extend a noun run ending at j over the rest of a named entity or actor mention: „Ärzte ohne Grenzen“."""
    if j - 1 in c.ent_at:
        e = c.ent_at[j - 1][1]
        if j < e <= n and e - j <= 4:
            return e
    e = _mention_end(c).get(j - 1)
    if e is not None and j < e <= n and e - j <= 4:
        return e
    return j


def _mention_end(c: Ctx) -> dict[int, int]:
    """Token -> end token of the actor mention (entity layer, gazetteers) that covers it (cached per Doc)."""
    ends = getattr(c, "_mention_ends", None)
    if ends is None:
        ends = {}
        for ms, me, m, actor in c.mentions:
            span = doc_span(c.doc, ms, me, "expand")
            if span is not None:
                for t in range(span.start, span.end):
                    ends[t] = max(ends.get(t, 0), span.end)
        c._mention_ends = ends
    return ends


def _name_at(c: Ctx, t: int) -> bool:
    return t in c.ent_at or t in _mention_end(c) or (c.has_pos and c.toks[t].pos_ == "PROPN")


def _np_coordinated_name(c: Ctx, k: int, end: int, n: int) -> int | None:
    """"Angaben der Presseagenturen dpa und AFP", "Die SPD und die PDS": a second name joined to a name
    that ends the NP is part of it, unless a verb follows it (a new clause: "… Merkel und Macron sagte")."""
    if not (end + 1 < n and c.low[end] in ("und", "sowie") and end - 1 >= k and _name_at(c, end - 1)):
        return None
    m = end + 1
    if c.low[m] in c.w.determiners and m + 1 < n and not c.low[m] in c.w.oblique_determiners:
        m += 1
    if not (m < n and _name_at(c, m) and c.toks[m].text[:1].isupper()):
        return None
    e = m + 1
    while e < n and _name_at(c, e) and c.toks[e].text[:1].isupper():
        e += 1
    e = _entity_end(c, e, n)
    if e < n and c.has_pos and c.toks[e].pos_ in ("VERB", "AUX") and c.toks[e].dep_ not in ("ROOT",):
        return None
    return e


def _before_blanks(c: Ctx, i: int, lo: int) -> int:
    """Token i, or the first of the blank tokens (no line break) right before it: "Rubalcaba  sagte" (switch
    ``blank_before_verb``)."""
    if not c.R.switch("blank_before_verb"):
        return i
    while i - 1 > lo and c.toks[i - 1].is_space and "\n" not in c.toks[i - 1].text:
        i -= 1
    return i


def np_before(c: Ctx, i: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before token i (its start is at or after lo)."""
    i = _before_blanks(c, i, lo)
    best = None
    for k in range(max(lo, i - 14), i):
        if k > lo and not (c.low[k - 1] in CLAUSE_BREAK or c.low[k - 1] in c.w.skippable or
                           c.low[k - 1] in ("und", "auch", "doch", "aber", "so") or
                           c.is_quote_mark(k - 1)):
            continue
        np_ = grab_np(c, k, i, pp=True)
        if np_ and np_[1] == i:
            best = np_
            break
    return best


def subject_after(c: Ctx, i: int, limit: int) -> tuple[int, int] | None:
    """Subject right after a (fronted) verb: "sagte er", "betonte Trump", "erklärt der Experte X"."""
    k = i + 1
    skipped = 0
    while k < limit and skipped < 4:
        lw = c.low[k]
        if lw in c.w.person_pronouns or lw == "sie":
            return (k, k + 1)
        if c.R.switch("skip_addressee") and _addressee_at(c, k):
            core = _np_core(c, k + 1, limit)
            if core is not None:
                k, skipped = core, skipped + 1          # "sagte der Zeitung ein Sprecher", "sagte dem SWR X"
                continue
            if c.R.switch("addressee_no_subject"):
                return None         # "…, sagte der MOPO: „…“": the addressee alone is no subject
        np_ = grab_np(c, k, limit, pp=True)
        if np_:
            # "am Donnerstag" style fillers are not subjects
            if c.low[np_[0]] in c.w.time_nouns:
                return None
            if c.R.switch("prep_object_subject") and prep_object(c, np_):
                return None             # "sagte gegenüber Heise": the preposition's object
            return _without_addressee(c, np_) if c.R.switch("skip_addressee") else np_
        if lw in c.w.skippable or lw in c.w.time_nouns or (c.toks[k].pos_ == "ADV" if c.has_pos else False) \
                or (lw == "es" and k == i + 1):     # "hält es der Präsident für möglich, dass"
            k += 1
            skipped += 1
            continue
        return None
    return None


DATIVE_DETERMINERS = ("dem", "einem", "diesem", "seinem", "ihrem", "unserem")


def _addressee_at(c: Ctx, k: int) -> bool:
    """Whether the noun phrase at k after a speech verb is its addressee (a dative object): "dem
    SWR", "einem Reporter", "der Zeitung" (a dative by the morphology, or a press noun)."""
    lw = c.low[k]
    if lw in DATIVE_DETERMINERS:
        return True
    if c.R.switch("dative_plural_addressee") and c.toks[k].text[:1].isupper() and (k == 0 or c.low[k - 1] not in c.w.determiners) \
            and (lw in c.w.addressee_nouns and lw.endswith("n") or lw.endswith(("vertretern", "reportern", "beobachtern"))):
        return True                     # "sagte Reportern, dass …": a bare plural press noun after the verb
    if lw not in ("der", "einer", "den") or k + 1 >= len(c.toks):
        return False
    j = k + 1
    if c.R.switch("subject_addressee") and j + 1 < len(c.toks) and c.is_quote_mark(j):
        j += 1                          # "der „Süddeutschen Zeitung“"
    while j < len(c.toks) and c.is_adjish(j) and not c.is_nounish(j):
        j += 1
    if j >= len(c.toks):
        return False
    if c.low[j].endswith(tuple(c.w.addressee_nouns)) or (lw != "den" and media_name_at(c, j)):
        return True
    return lw != "den" and c.has_morph and c.toks[j].morph.get("Case") == ["Dat"] and c.toks[k].morph.get("Case") == ["Dat"]


def media_name_at(c: Ctx, j: int) -> bool:
    """Whether the word at j names a medium with a feminine name (words.yaml addressee_media): after "der"
    and a speech verb it is the dative addressee, never the speaker: "…, sagte der MOPO", "sagte er der
    Bild" (a masculine "der Spiegel" after the verb is its subject)."""
    w = c.toks[j].text
    return (w[:1].isupper() or (w.islower() and len(w) <= 4)) and c.low[j] in c.w.addressee_media   # "der dpa"


def _without_addressee(c: Ctx, np_: tuple[int, int]) -> tuple[int, int]:
    """A speaker NP without a trailing addressee the parse took for a genitive: "der Minister der
    Zeitung" -> "der Minister", "Hans Meier dem SWR" -> "Hans Meier"."""
    for m in range(np_[0] + 1, np_[1] - 1):
        n = m + 2 if c.R.switch("subject_addressee") and c.is_quote_mark(m + 1) and m + 2 < len(c.toks) else m + 1
        if c.low[m] in ("der", "einer", *DATIVE_DETERMINERS) and c.low[m - 1] not in (",", "und") \
                and _addressee_at(c, m) and (c.low[m] in DATIVE_DETERMINERS or c.low[n].endswith(tuple(c.w.addressee_nouns))
                                             or media_name_at(c, n)):
            return (np_[0], m)
        if c.low[m] == "der" and c.low[m - 1] not in (",", "und") and _second_genitive(c, np_[0], m) \
                and _adjective_media(c, n, np_[1]):
            return (np_[0], m)          # "der Bürgermeister der Stadt der Deutschen Presse-Agentur"
    return np_


def _second_genitive(c: Ctx, a: int, m: int) -> bool:
    """A genitive article ("der", "des") already stands between a and m: a third noun phrase after it in "der"
    is rather a dative object than a second genitive."""
    return any(c.low[t] in ("der", "des") for t in range(a + 1, m - 1))


def subject_dep(c: Ctx, i: int) -> tuple[int, int] | None:
    sp = _subject_dep(c, i)
    if sp is not None and c.R.switch("attribute_only_speaker") and sp[1] < len(c.toks) \
            and c.toks[sp[1]].pos_ in ("VERB", "AUX") and sp[1] <= i and attribute_only_speaker(c, sp):
        after = subject_after(c, sp[1], c.sents[c.sent_of[i]][1])
        if after is not None and after != sp and has_actor(c, after) and plausible_head(c, after) \
                and not bad_speaker(c, after):
            return after                # "Die Anwendung der Richtlinie des Kanzlers stellte der SPD-Chef X in Frage"
    if sp is not None and sp[0] > i and c.R.switch("subject_addressee"):
        sp = _trailing_addressee(c, sp)     # "„…“, sagte ein Sprecher von Siemens der Zeitung." (the parse: a genitive)
    return sp


def _trailing_addressee(c: Ctx, np_: tuple[int, int]) -> tuple[int, int]:
    """„…“, sagte ein Sprecher von Siemens der Zeitung. / …, sagte der Sprecher der Stadt der dpa. – a subject after
    its speech verb ends before an addressee the parse hung on it as a genitive: a dative article after a noun, a
    medium's name after "der" (words.yaml addressee_media), or a press noun after a name ("der Chef der
    Bundesagentur" stays: a genitive after a common noun)."""
    for m in range(np_[0] + (1 if c.R.switch("name_addressee") else 2), np_[1] - 1):
        prev = c.toks[m - 1]
        if prev.pos_ not in ("NOUN", "PROPN") or c.in_quote[m] >= 0:
            continue
        n = m + 2 if c.is_quote_mark(m + 1) and m + 2 < np_[1] else m + 1
        lw = c.low[m]
        if lw in DATIVE_DETERMINERS or (lw in ("der", "einer") and (
                media_name_at(c, n) or (_name_at(c, m - 1) and c.low[n] in c.w.addressee_nouns)
                or (_second_genitive(c, np_[0], m) and _adjective_media(c, n, np_[1])))):
            return (np_[0], m)
    return np_


def _adjective_media(c: Ctx, n: int, end: int) -> bool:
    """…, sagte der Bürgermeister der Stadt der Deutschen Presse-Agentur. – a medium's name after adjectives
    ("der Deutschen Presse-Agentur", "der Frankfurter Allgemeinen Zeitung" with words.yaml addressee_media) after a
    genitive of the speaker is the addressee, as the bare name is (switch ``adjective_media``); "der Chef der
    Deutschen Presse-Agentur" (one genitive) stays the agency's chief."""
    if not c.R.switch("adjective_media"):
        return False
    j = n
    while j < end and j - n < 3 and c.low[j] not in c.w.addressee_media:
        if c.is_punct(j) or c.in_quote[j] >= 0 or not c.toks[j].text[:1].isupper() or c.toks[j].pos_ not in ("ADJ", "PROPN"):
            return False
        j += 1
    return j < end and j > n and c.low[j] in c.w.addressee_media


def _subject_dep(c: Ctx, i: int) -> tuple[int, int] | None:
    """The parse's subject of the cue verb at i (on the verb, the verb it complements, or its auxiliary), as a
    span; None where the parse's subject is not trusted."""
    t = c.toks[i]
    if not c.sents:
        return None
    sa, sb = c.sents[c.sent_of[i]]
    for h in _subject_heads(c, t):
        for ch in h.children:
            if ch.dep_ not in ("sb", "nsubj", "nsubj:pass"):
                continue
            if _subject_in_pp(c, ch):
                if c.R.switch("pp_subject_skip"):
                    continue     # "Am Rande … nahm der Ministerpräsident …": the parse's other subject
                return None      # "in einer Videobotschaft": inside a prepositional phrase
            return _dep_subject_span(c, i, h, ch, sa, sb)
    return None


def _subject_heads(c: Ctx, t) -> list:
    """The tokens the subject of verb t may hang on: t, the verb or auxiliary t complements ("…, wie er sagen
    wollte"), and with switch ``aux_subject`` its auxiliaries ("Der Vertreter …, Peter Clever, hat … gefordert")."""
    heads = [t]
    if t.dep_ in ("oc", "xcomp") or (t.head.pos_ == "AUX" and t.head != t):
        heads.append(t.head)
    if c.R.switch("aux_subject"):
        heads += aux_heads(c, t)
    return heads


def _subject_in_pp(c: Ctx, ch) -> bool:
    """Whether the parse's subject ch opens with or follows a preposition: "in einer Videobotschaft", "Am Rande
    einer Sitzung"."""
    return ch.left_edge.i > 0 and _preposition(c, ch.left_edge.i - 1) or _preposition(c, ch.left_edge.i)


def _preposition(c: Ctx, t: int) -> bool:
    """A preposition by the parse; with switch ``mistagged_preposition`` not a capitalised word that is no known
    preposition ("Fraktionschef Christian Dürr sagte der „Rheinischen Post“, …": the parse tags the title APPR, its
    subject then looked like a PP and the addressee became the speaker)."""
    if c.toks[t].pos_ != "ADP":
        return False
    return not (c.R.switch("mistagged_preposition") and c.toks[t].text[:1].isupper()
                and c.low[t] not in c.w.function_words and len(c.toks[t].text) > 5)


def _dep_subject_span(c: Ctx, i: int, h, ch, sa: int, sb: int) -> tuple[int, int] | None:
    """The span of the parse's subject ch of head h (cue verb at i, sentence [sa, sb)): the noun phrase at its start
    ("Ein Regierungssprecher in Berlin"), a pronoun alone ("sagte er"), or the parse's subtree; the subject after the
    verb where the parse took a fronted object for it; None for a parse across sentences."""
    a = _subject_start(c, ch, sa)
    if c.R.switch("oblique_subject") and a < h.i and c.low[a] in c.w.oblique_determiners and sa <= a:
        return object_first_subject(c, h.i, sb)     # "Den Unmut … brachte die Sprecherin … zum Ausdruck"
    if _across_sentences(c, a, ch, sa, sb):
        return None          # a parse across sentences is not trusted
    np_ = grab_np(c, a, len(c.toks)) if c.low[a] not in c.w.oblique_determiners else None
    if a > ch.left_edge.i and not _paragraph_subject(c, np_, ch.i, h.i):
        return None
    if np_ and np_[0] <= ch.i < np_[1]:
        return _np_or_subtree(c, i, ch, np_, a)
    return (ch.i, ch.i + 1) if ch.pos_ == "PRON" else (a, ch.right_edge.i + 1)


def _subject_start(c: Ctx, ch, sa: int) -> int:
    """The first token of the subject ch, after a paragraph break the parse hung on it before the sentence start
    sa: "\n\nDie Armeeleitung sprach" -> at "Die"."""
    a = ch.left_edge.i
    while a < ch.i and a < sa and c.toks[a].is_space:
        a += 1              # a paragraph break the parse hung on the subject: "\n\nDie Armeeleitung sprach"
    return a


def _across_sentences(c: Ctx, a: int, ch, sa: int, sb: int) -> bool:
    """Whether the subject from a to the end of ch's subtree leaves the sentence [sa, sb) or spans a line break
    (a parse across sentences is not trusted)."""
    return a < sa or ch.right_edge.i >= sb or any(c.toks[x].is_space or "\n" in c.toks[x].text
                                                 for x in range(a, ch.right_edge.i + 1))


def _np_or_subtree(c: Ctx, i: int, ch, np_: tuple[int, int], a: int) -> tuple[int, int]:
    """The subject's noun phrase np_ (from a), or the parse's subtree of ch where it goes on with a short modifier
    on the same side of the cue verb at i: "Ein Regierungssprecher in Berlin"; else the NP extended through an
    actor's name it cuts off ("Die Hilfsorganisation Ärzte ohne Grenzen")."""
    e = ch.right_edge.i + 1
    if e > np_[1] and np_[0] == a and e - a <= 25 and (e <= i or a > i) and not any(
            c.toks[x].pos_ in ("VERB", "AUX") or c.in_quote[x] >= 0 or c.low[x] in (";", ":")
            for x in range(np_[1], e)) and _np_modifier(c, np_[1], e):
        return (a, e)       # the parse's subtree: "Ein Regierungssprecher in Berlin"
    return _through_mention(c, np_, e)


# pp_subject_skip (switch): "Am Rande einer Sitzung nahm jetzt auch der Ministerpräsident, Christian Wulff, zu der
# Frage Stellung. Jeder Pädagoge könne …" – the parse marks two subjects, the first inside a prepositional phrase
# ("Am Rande"); that one is skipped and the verb's other subject taken, not none at all.


def object_first_subject(c: Ctx, v: int, sb: int) -> tuple[int, int] | None:
    """Den Unmut der CDU über Stoibers Äußerungen brachte die gesundheitspolitische Sprecherin, Annette Widmann-Mauz,
    zum Ausdruck: „…“ – the parse took the fronted object for the subject, but an article of the dative or accusative
    ("den", "dem", "einen", words.yaml oblique_determiners) never opens a subject: the subject is the noun phrase
    after the finite verb v, when it names someone who can speak; else none (switch ``oblique_subject``)."""
    sp = subject_after(c, v, sb)
    if sp is None or bad_speaker(c, sp) or not plausible_speaker(c, sp) or c.low[sp[0]] in c.w.oblique_determiners:
        return None
    return sp


def aux_heads(c: Ctx, t) -> list:
    """Der Vertreter der Arbeitgeber, Peter Clever, hat in einem Interview gefordert, dass … – the parse
    hangs the subject on the finite auxiliary (a child of the participle), not on the participle: the
    auxiliaries of verb t are heads its subject may hang on (switch ``aux_subject``)."""
    return [ch for ch in t.children if ch.dep_ in ("aux", "aux:pass") and ch.pos_ == "AUX" and ch.i < t.i]


def _through_mention(c: Ctx, np_: tuple[int, int], limit: int) -> tuple[int, int]:
    """The NP extended to the end of an actor's name it cuts off (up to token ``limit``): "Die
    Hilfsorganisation Ärzte ohne Grenzen" where the NER missed the name and the entity layer found it."""
    a, b = c.char_span(*np_)
    for ms, me, m, actor in c.mentions:
        if ms >= b:
            break
        if a <= ms < b < me and actor.actor_type in ("person", "organization"):
            span = doc_span(c.doc, ms, me, "expand")
            if span is not None and span.end <= limit and not any(c.is_punct(t) for t in range(np_[1], span.end)):
                return (np_[0], span.end)
    return np_


def _paragraph_subject(c: Ctx, np_: tuple[int, int] | None, head: int, verb: int) -> bool:
    """Whether the parse's subject at a paragraph start (the parse hung the paragraph break on it) is
    a noun phrase that can be trusted: "Die Armeeleitung hingegen sprach von …". Not a word that
    opens a clause ("Soweit …", "Besucht man …"), not a phrase cut off from a later verb by a comma
    right before it ("Flusskrebse, erklärte der Oberst") or by a quotation."""
    if np_ is None or not np_[0] <= head < np_[1] or c.toks[np_[0]].pos_ in ("VERB", "AUX", "SCONJ", "ADV") \
            or c.low[np_[0]] in c.w.subordinators or c.low[np_[0]] in c.w.clause_openers:
        return False
    if np_[1] < len(c.toks) and c.low[np_[1]] in c.w.person_pronouns | {"man", "es", "sie"}:
        return False                    # "Besucht man …": a verb the parse took for a noun
    if np_[1] < verb and c.low[verb - 1] == "," and c.low[np_[1]] == "," and not _apposition_subject(c, np_, head, verb):
        return False
    lo, hi = (np_[1], verb) if np_[1] <= verb else (verb, np_[0])
    return not any(c.in_quote[x] >= 0 for x in range(lo, hi))


def _apposition_subject(c: Ctx, np_: tuple[int, int], head: int, verb: int) -> bool:
    """Kinzigs Anwalt, Dr. Philipp Breuer, wies die Vorwürfe zurück. / Die Angeklagte, die frühere Chefin der Pflege
    Daheim GmbH, räumte die Vorwürfe ein. – at a paragraph start, a subject noun phrase that holds its apposition after
    a comma and ends at the comma right before the verb, which the parse hangs inside the subject, is the verb's
    subject (the verb is second), not a phrase cut off from it ("Flusskrebse, erklärte der Oberst": no apposition);
    switch ``paragraph_apposition_subject`` (spk18)."""
    if not c.R.switch("paragraph_apposition_subject") or np_[1] != verb - 1:
        return False
    if c.toks[head].right_edge.i != verb - 1 or c.toks[verb - 1].head.i == verb:
        return False                    # the comma before the verb closes the subject's apposition, not a clause
    inner = [x for x in range(np_[0] + 1, np_[1] - 1) if c.low[x] == ","]
    return bool(inner) and not any(c.in_quote[x] >= 0 or c.toks[x].pos_ in ("VERB", "AUX") or c.low[x] in (";", ":")
                                   for x in range(np_[0], np_[1]))


def _np_modifier(c: Ctx, a: int, e: int) -> bool:
    """Whether the parse subtree's tokens [a, e) after a speaker NP still belong to it ("in Berlin",
    "vom Sekretariat für …") and are no circumstance of the speech act ("gegenüber der BBC",
    "in einem Interview", "aus heiterem Himmel", "vom Dienstag")."""
    if a in c.ent_at and c.ent_at[a][0] < a:
        return True                     # the rest of a name: "des Front de gauche"
    if c.low[a] == "zu" and a + 1 < e and c.toks[a + 1].text[:1].isupper() and c.low[a + 1] not in c.w.determiners:
        return True                     # "Der Doktorvater zu Guttenbergs"
    if c.low[a] not in c.w.np_subtree_links:
        return False
    if a + 1 < e and c.low[a] in ("in", "aus") and (c.low[a + 1] in c.w.circumstantial_determiners or (
            c.is_adjish(a + 1) and not c.is_nounish(a + 1))):
        return False
    return not any(c.low[x] in c.w.time_nouns or c.low[x] == "gegenüber" for x in range(a, e))


ADVERB_ENDINGS = ("end", "gemäß", "weise",        # "Relativierend", "Sinngemäß", "Bezeichnenderweise"
                  "wärtig", "zeitig")              # "Gegenwärtig wirft X …", "Gleichzeitig kritisierte X …"


PRONOMINAL_ADVERB = re.compile(r"^(hier|da|dar|wo|wor)(zu|für|über|auf|an|mit|bei|von|nach|durch|gegen|aus|um|in|unter|neben|vor)$")


def adverbial_vorfeld(c: Ctx, sp: tuple[int, int]) -> bool:
    """Hierzu schrieb der Journalist X, … / Stellvertretend für die EU-Kommission empfahl der Kommissar X, … – a
    pronominal adverb ("hierzu", "darüber") or an adverbial participle in -end with its prepositional phrase is an
    adverbial that fills the Vorfeld, never a speaker (switch ``adverbial_vorfeld``)."""
    if not c.R.switch("adverbial_vorfeld"):
        return False
    w = c.low[sp[0]]
    if sp[1] - sp[0] == 1 and PRONOMINAL_ADVERB.match(w) and sp[0] not in c.ent_at:
        return True
    return sp[1] - sp[0] > 2 and w.endswith("end") and len(w) > 6 and sp[0] not in c.ent_at and c.has_pos \
        and c.toks[sp[0] + 1].pos_ == "ADP" and c.low[sp[0] + 1] not in c.w.determiners


def bad_speaker(c: Ctx, sp: tuple[int, int]) -> bool:
    """'es', 'das', 'man' alone are no speakers; 'das Gericht' is one."""
    w = c.low[sp[0]]
    if adverbial_vorfeld(c, sp):
        return True
    if sp[1] - sp[0] == 1 and c.has_pos and c.toks[sp[0]].pos_ in ("ADV", "ADP", "CCONJ", "SCONJ", "PART") \
            and sp[0] not in c.ent_at and not c.mistagged_noun(sp[0]):
        return True                      # "Ebenso", "Dagegen" parsed as subjects
    if sp[1] - sp[0] == 1 and len(w) > 8 and w.endswith(("ierend", "weise")) and c.sent_of[sp[0]] >= 0 \
            and sp[0] == c.sents[c.sent_of[sp[0]]][0]:
        return True                      # "Relativierend fügt Gall hinzu" (an adverb the NER took for a name)
    if sp[0] not in c.ent_at and (w in c.w.skippable or w in ("als", "wie") or (sp[1] - sp[0] == 1 and (
            w.endswith(ADVERB_ENDINGS) or
            w in c.R.source_adverbs or w in c.R.context_source_adverbs))):
        return True                      # "Demnach", "Gegenüber Spiegel Online": an adverb, an addressee
    return w in c.R.not_speakers and (sp[1] - sp[0] == 1 or w not in c.w.determiners)


def find_subject(c: Ctx, h: Hit, lo: int, hi: int) -> tuple[int, int] | None:
    """Speaker of a verb cue within the clause [lo, hi); a subject with an apposition or a
    relative clause ends right before the clause ("Papier, Präsident des Gerichts, sagte").
    A relative pronoun stands for its antecedent ("vom Fahrgastverband IGEB, der … sieht")."""
    while lo < hi and c.toks[lo].is_space and "\n" not in c.toks[lo].text:
        lo += 1                         # a blank token opening the clause is no subject
    from .quoting import quoted_object
    from .rules.speaker_source import pp_name_apposition
    if (q := quoted_object(c, h, lo, hi)) is not None:
        return q                        # "Die Zeitung zitiert den Minister …": the person quoted (quoting.py)
    s = _find_subject(c, h, lo, hi)
    if c.R.switch("conjunct_object") and (co := conjunct_subject(c, h, s)) is not None:
        return co
    if s is not None and c.R.switch("prep_object_subject") and prep_object(c, s):
        s = None                        # "sagte gegenüber Heise": the addressee, no subject
    if s is not None and c.R.switch("name_apposition"):
        s = _name_before_apposition(c, s)
    if s is not None and (pa := pp_name_apposition(c, s, h.i)) is not None:
        s = pa                          # "Der Betriebsratsvorsitzende am Standort, Gernot Wallner, bestätigte" (spk16b)
    if s is not None and s[0] > h.i and c.R.switch("subject_addressee"):
        s = _without_addressee(c, s)    # "…, sagte ein Sprecher von Siemens der Zeitung." (the parse: a genitive)
    if s is not None and (after := _subject_after_instead(c, h, lo, hi, s)) is not None:
        return after
    if c.R.switch("rel_antecedent") and s is not None and (ante := _relative_antecedent(c, s)) is not None:
        return ante
    if s is None:
        s = _subject_fallback(c, h, lo)
    from .rules.speaker_agree import agreement_subject
    return agreement_subject(c, h, lo, hi, s)      # spk18b: a phrase that disagrees with the verb in number is its object


COORDINATORS = ("und", "sowie", "oder")


def conjunct_subject(c: Ctx, h: Hit, s: tuple[int, int] | None) -> tuple[int, int] | None:
    """Datenschützer äußerten Bedenken an den Plänen und warfen der Regierung „Wortbruch“ vor. – a speech verb right
    after "und", "sowie" or "oder" opens a conjunct without a subject of its own (it shares the first conjunct's): the
    noun phrase after it is its object ("der Regierung", "die libysche Armee"), and the speaker is the subject of the
    verb it is coordinated with, before or after that verb ("befand der Premierminister … als gerechtfertigt und nannte
    Trumps Auftrag „schnell“"). Only a finite verb, only where the parse joins the two verbs (``conj``) and finds that
    subject; None otherwise (switch ``conjunct_object``; ``coordinated_verb_subject`` covers a conjunct where no subject
    was found)."""
    first = h.aux[0] if h.aux and h.aux[0] < h.i else h.i
    if not c.has_dep or first == 0 or c.low[first - 1] not in COORDINATORS or c.in_quote[first] >= 0:
        return None
    if s is not None and s[1] <= first:
        return None                     # a subject before the verb: "… und die Regierung sagte"
    v = c.toks[first]
    head = v.head
    if v.tag_ not in FINITE_TAGS:
        return None                     # "… zu unterscheiden und anzunehmen, …": an infinitive shares no subject
    if v.dep_ != "conj" or head.i >= first or head.pos_ not in ("VERB", "AUX") or c.sent_of[head.i] != c.sent_of[first]:
        return None
    sp = subject_dep(c, head.i)
    if sp is None or sp[1] > first or c.in_quote[sp[0]] >= 0:
        return None
    return sp


OBJECT_PREPOSITIONS = ("gegenüber", "vor", "vorm", "mit", "zu", "zum", "zur")     # the addressee's prepositions


def prep_object(c: Ctx, s: tuple[int, int]) -> bool:
    """Ein BA-Sachbearbeiter sagte gegenüber Heise, dass … / …, hatte er der Zeitung gegenüber erklärt – a noun phrase
    right after a preposition of the addressee ("gegenüber Heise", "vor Journalisten", "mit Reportern"), or before the
    postposition "gegenüber", is the object of that preposition, never the verb's subject (switch
    ``prep_object_subject``): the subject is looked for as if none had been found."""
    k = s[0] - 1
    if k >= 0 and c.low[k] in OBJECT_PREPOSITIONS and c.in_quote[k] < 0 and c.sent_of[k] == c.sent_of[s[0]] \
            and (not c.has_pos or c.toks[k].pos_ == "ADP"):
        return True
    n = s[1] + 1                        # postposed "gegenüber" closes its phrase: a verb or a mark follows, no noun phrase
    return s[1] < len(c.toks) and c.low[s[1]] == "gegenüber" and (n >= len(c.toks) or c.is_punct(n) or (
        c.has_pos and c.toks[n].pos_ in ("VERB", "AUX", "ADV", "PART")))


def _subject_after_instead(c: Ctx, h: Hit, lo: int, hi: int, s: tuple[int, int]) -> tuple[int, int] | None:
    """The subject after the verb where the one found is no speaker: "Parolen skandierte die Menge" (an
    implausible speaker; the claim drops it) and "Die Vorwürfe wies der Sprecher des Ministeriums zurück"
    (an object-first sentence: "Die" is no pronoun)."""
    if s[1] - s[0] == 1 and s[1] <= h.i and _vorfeld_predicative(c, s[0]) and not _recurring_word(c, s[0]):
        first = h.aux[0] if h.aux and h.aux[0] < h.i else h.i
        after = subject_after(c, first, hi) if first > lo else None
        if after is not None and after != s and not bad_speaker(c, after) and (has_actor(c, after) or (
                _predicative_ending(c, s[0]) and plausible_speaker(c, after))):
            return after                # "Besorgt äußerte sich Kofi Annan" (the model took "Besorgt" for a name)
    if c.R.switch("plausible_speaker") and not plausible_speaker(c, s):
        first = h.aux[0] if h.aux and h.aux[0] < h.i else h.i
        after = subject_after(c, first, hi) if first > lo else None
        if after is not None and after != s and plausible_speaker(c, after):
            return after
    elif s[1] <= h.i and c.R.switch("object_first_article") and not plausible_source(c, s):
        first = h.aux[0] if h.aux and h.aux[0] < h.i else h.i
        after = subject_after(c, first, hi) if first > lo else None
        if after is not None and after != s and c.low[after[0]] not in c.w.oblique_determiners \
                and not bad_speaker(c, after) and (has_actor(c, after) or plausible_source(c, after)):
            return after
    return None


def _relative_antecedent(c: Ctx, s: tuple[int, int]) -> tuple[int, int] | None:
    """"vom Fahrgastverband IGEB, der … sieht": a relative pronoun subject right after a comma stands for
    the noun phrase before the comma."""
    if not (s[1] - s[0] == 1 and c.low[s[0]] in ("der", "die", "das", "welcher", "welche")
            and s[0] > 0 and c.low[s[0] - 1] == ","):
        return None
    sa = c.sents[c.sent_of[s[0]]][0]
    ante = np_before(c, s[0] - 1, sa)
    if ante is None:
        for k in range(max(sa, s[0] - 12), s[0] - 1):
            np_ = grab_np(c, k, s[0] - 1, allow_oblique=True)
            if np_ and np_[1] == s[0] - 1:
                return np_
    return ante


def _subject_fallback(c: Ctx, h: Hit, lo: int) -> tuple[int, int] | None:
    """No subject in the clause: the subject before a comma that opens it, the sentence's opening subject,
    or the subject of a coordinated verb ("legte er … nieder und verkündete, …")."""
    s = None
    first = h.aux[0] if h.aux and h.aux[0] < h.i else h.i
    if first == lo:
        s = subject_before_comma(c, lo)
    if s is None and c.R.switch("sent_start_subject"):
        s = _sentence_start_subject(c, first)
    if s is None and c.R.switch("coordinated_verb_subject") and first > lo and c.low[first - 1] in ("und", "sowie"):
        s = coordinated_subject(c, c.sents[c.sent_of[first]][0], first - 1)
    return s


def _name_before_apposition(c: Ctx, s: tuple[int, int]) -> tuple[int, int]:
    """"Julian Fürholzer, Landesvorstand der JBN erklärt: …" (the apposition's closing comma missing): a
    subject right after a comma that names no person, when a person's name (with nothing else) opens
    the clause before that comma, is the name's apposition; the speaker is name and apposition."""
    k = s[0] - 1
    if k < 1 or c.low[k] != "," or has_person_actor(c, s) or c.in_quote[k] >= 0:
        return s
    sa = c.sents[c.sent_of[k]][0]
    start = sa
    while start < k and (c.low[start] in ("und", "auch", "doch", "aber") or c.is_quote_mark(start)
                         or c.toks[start].is_space):
        start += 1
    np_ = grab_np(c, start, k, appos=False)
    if np_ is None or np_ != (start, k) or not has_person_actor(c, np_):
        return s
    if any(not (t in c.ent_at or c.toks[t].text[:1].isupper()) for t in range(*np_)):
        return s                        # only a name ("Dr. Ina Kisabaka"), not "Die Frau von Peter Müller"
    return (np_[0], s[1])


def plausible_speaker(c: Ctx, sp: tuple[int, int]) -> bool:
    """Whether a speaker NP names someone who can speak: a name or actor, a pronoun, a role or
    source noun, or a noun of people, groups or institutions (words.yaml speaker_head_nouns and
    _suffixes); "die Hauptverantwortung", "Parolen", "freie Sicht" are none."""
    if has_actor(c, sp) or _lone_name(c, sp):
        return True
    return any(_speaking_token(c, t) for t in range(*sp))


def plausible_head(c: Ctx, sp: tuple[int, int]) -> bool:
    """Whether the head of a speaker NP (its article, adjectives and nouns before any genitive attribute,
    PP or apposition) names someone who can speak, as plausible_speaker judges the whole NP."""
    whole, j = _np_opening(c, sp[0], sp[1], True)
    if whole is not None or j is None:
        return True
    end = _np_core(c, j, sp[1])
    if end is None or end >= sp[1] or j >= end or c.low[end] in ("und", "sowie", "oder"):
        return plausible_speaker(c, sp)     # "weitere Staatsrepräsentanten und Sprecher wichtiger Organisationen"
    return has_actor(c, (j, end)) or (j == sp[0] and _lone_name(c, (j, end))) \
        or any(_speaking_token(c, t) for t in range(j, end))      # the article "die" is no pronoun here


def attribute_only_speaker(c: Ctx, sp: tuple[int, int]) -> bool:
    """Die praktische Anwendung der Richtlinienkompetenz des Bundeskanzlers stellte der SPD-Vorsitzende Franz
    Müntefering in Frage: „…“ – a subject NP that speaks only through an attribute (a person or organisation in
    its genitive or PP, its head a thing: "die Anwendung", "die Pflichten der Union") is the fronted object; the
    speaker is the NP after the verb when that one names an actor with a head that can speak (switch
    ``attribute_only_speaker``)."""
    return plausible_speaker(c, sp) and not plausible_head(c, sp)


def plausible_source(c: Ctx, sp: tuple[int, int]) -> bool:
    """Die Kochrezepte stellten den Kerngehalt dar, … Die Beklagte überprüfe die Rezepte. – whether a
    claim's speaker NP can be the source that later Konjunktiv sentences go on reporting: plausible_speaker
    judged without the NP's article ("die" alone is a pronoun that speaks, "Die Kochrezepte" names no one)."""
    if sp[1] - sp[0] > 1 and c.low[sp[0]] in c.w.determiners and not has_actor(c, sp):
        return any(_speaking_token(c, t) for t in range(sp[0] + 1, sp[1]))
    return plausible_speaker(c, sp)


def _lone_name(c: Ctx, sp: tuple[int, int]) -> bool:
    """A lone capitalized word without an article and a common-noun ending may be an unknown name
    ("Elshorst wies darauf hin", "fügte Gall hinzu"); "Parolen", "Einigkeit" are none."""
    w = c.toks[sp[0]].text
    return sp[1] - sp[0] == 1 and w[:1].isupper() and (
        not c.has_pos or not c.low[sp[0]].endswith(tuple(c.w.common_noun_endings))) \
        and not (sp[0] not in c.ent_at and _vorfeld_predicative(c, sp[0], shape=False))


def _vorfeld_predicative(c: Ctx, t: int, shape: bool = True) -> bool:
    """Besorgt äußerte sich Kofi Annan über die Zunahme der Gewalt. / Zufrieden zeigte sich der Trainer: „…“ – a lone
    adjective or participle that opens the sentence right before the finite verb is a predicative in the Vorfeld, no
    unknown name: the speaker is the subject after the verb (switch ``vorfeld_predicative``). By its ``shape`` alone (the
    model's tag says nothing) only where the subject after the verb names an actor ("Gerhardt lobte die Mannschaft")."""
    if not (c.R.switch("vorfeld_predicative") and c.has_pos and t == c.sents[c.sent_of[t]][0] and t + 1 < len(c.toks)):
        return False
    tok = c.toks[t]
    nxt = c.toks[t + 1]
    tagged = tok.pos_ != "PROPN" and (tok.tag_ in ("ADJD", "VVPP") or (tok.pos_ in ("ADJ", "VERB") and "Part" in tok.morph.get(
        "VerbForm")))
    return (tagged or (shape and _adjective_shape(c, t))) and nxt.pos_ in ("VERB", "AUX") and c.low[t + 1][:1].islower()


def _recurring_word(c: Ctx, t: int) -> bool:
    """Fröhlich lobte die Mannschaft. – whether the capitalised word at t occurs again in the text inside a sentence (not
    as its first word): a name mentioned before or after ("Trainer Jan Fröhlich"), no adjective in the Vorfeld."""
    w = c.toks[t].text
    return any(c.toks[k].text == w and k != c.sents[c.sent_of[k]][0] for k in range(len(c.toks)) if k != t)


def _adjective_shape(c: Ctx, t: int) -> bool:
    """"Kritisch", "Skeptisch", "Enttäuscht", "Gelassen": a word shaped as a predicative adjective or participle (words.yaml
    predicative_endings, predicative_prefixes), which the model tags a name at the sentence start."""
    low = c.low[t]
    return len(low) > 5 and (_predicative_ending(c, t) or (
        low.startswith(tuple(c.w.predicative_prefixes)) and low.endswith(("t", "en"))))


def _predicative_ending(c: Ctx, t: int) -> bool:
    """"Kritisch", "Deutlich"; with switch ``comparative_vorfeld`` also their comparative ("Kritischer", 8+ letters; spk15)."""
    low = c.low[t]
    return low.endswith(tuple(c.w.predicative_endings)) or (
        c.R.switch("comparative_vorfeld") and len(low) > 7 and low.endswith("er") and low[:-2].endswith(
            tuple(c.w.predicative_endings)))


def _speaking_token(c: Ctx, t: int) -> bool:
    w, low = c.toks[t].text, c.low[t]
    if t in c.ent_at or (c.has_pos and c.toks[t].pos_ in ("PROPN", "PRON")) or c.is_quote_mark(t) \
            or (len(w) > 1 and w.isupper()) or any(ch.isdigit() for ch in w) \
            or (c.has_pos and w[:1].isupper() and c.toks[t].pos_ in ("ADV", "ADJ", "X", "VERB")
                and t != c.sents[c.sent_of[t]][0]):
        return True                     # a name, a quoted title, "LSVD", "Gall" tagged as an adverb
    if low in c.w.person_pronouns or low in c.w.demonstratives or low in c.w.relative_pronouns \
            or low in c.R.pronouns:
        return True
    if w in c.R.role_heads or low.endswith(ROLE_SUFFIXES) or is_source_noun(c, t):
        return True
    return low in c.w.speaker_head_nouns or low in c.w.generic_org_nouns or low in c.w.company_nouns \
        or low in c.w.addressee_nouns or low.endswith(tuple(c.w.speaker_head_suffixes)) \
        or low.endswith(tuple(c.w.spokesperson_suffixes)) or low in c.R.source_adverbs \
        or _person_noun(c, t)


def _person_noun(c: Ctx, t: int) -> bool:
    """Ein Autofahrer sagte den Beamten, er habe nichts gesehen. – a capitalised noun with a person ending (words.yaml
    person_noun_suffixes: "Autofahrerin", "Floristin", "Passant") names someone who can speak (switch
    ``person_noun_speaker``)."""
    w = c.toks[t].text
    return c.R.switch("person_noun_speaker") and w[:1].isupper() and len(w) > 4 \
        and c.low[t].endswith(tuple(c.w.person_noun_suffixes)) and (not c.has_pos or c.toks[t].pos_ in ("NOUN", "PROPN"))


def _sentence_start_subject(c: Ctx, first: int) -> tuple[int, int] | None:
    """A named subject at the sentence start, separated from its verb only by an apposition, a
    parenthesis or a relative clause: "Brian Baptie von der Erdbebenwarte, die …, sagte, dass …",
    "Wie die Mitarbeiterin seines Büros, Arminda Thomas, mitteilte, …" (when the parse failed)."""
    sa = c.sents[c.sent_of[first]][0]
    k = sa
    if k < first and c.low[k] in ("wie", "und", "auch", "doch", "aber"):
        k += 1
    if k >= first or c.in_quote[k] >= 0:
        return None
    np_ = grab_np(c, k, first, pp=True)
    if np_ is None or bad_speaker(c, np_) or not (has_actor(c, np_) or any(
            c.toks[t].text in c.R.role_heads or c.low[t].endswith(ROLE_SUFFIXES) for t in range(*np_))):
        return None
    e = np_[1]
    if e == first or e == _before_blanks(c, first, k):
        return np_
    if c.low[e] not in (",", "(") or c.low[first - 1] not in (",", ")"):
        return None
    if any(c.low[t] in (".", ":", ";") or c.in_quote[t] >= 0 or c.verb_hit(t, first) is not None
           for t in range(e, first)):
        return None
    return np_


ROLE_SUFFIXES = ("sprecher", "sprecherin", "minister", "ministerin", "präsident", "präsidentin", "chef", "chefin",
                 "berater", "beraterin", "leiter", "leiterin", "vorsitzende", "vorsitzender", "experte", "expertin")


def subject_before_comma(c: Ctx, lo: int) -> tuple[int, int] | None:
    while lo > 1 and c.toks[lo - 1].is_space and "\n" not in c.toks[lo - 1].text:
        lo -= 1                         # "Arminda Thomas,  mitteilte": a blank after the comma
    if lo < 2 or c.low[lo - 1] != ",":
        return None
    sa = c.sents[c.sent_of[lo]][0]
    starts = [p for p in range(sa, lo - 1) if p == sa or c.low[p - 1] in (".", ":", ";", "!", "?")
              or (c.is_quote_mark(p - 1) and c.in_quote[p - 1] >= 0 and c.quote_tok[c.in_quote[p - 1]][1] == p)]
    for k in reversed(starts):
        while k < lo - 1 and (c.low[k] in ("wie", "aber", "und", "auch", "doch", "so") or c.is_quote_mark(k)):
            k += 1
        if k >= lo - 1 or c.in_quote[k] >= 0:
            continue
        np_ = grab_np(c, k, lo - 1, pp=True)
        if np_ is None or bad_speaker(c, np_):
            continue
        if np_[1] == lo - 1:
            return np_                                    # NP, apposition,
        e = np_[1]
        if e < lo - 2 and c.low[e] == "," and c.low[e + 1] in c.w.relative_pronouns | {"welche", "welcher"} \
                and not any(c.low[t] == "," for t in range(e + 1, lo - 1)):
            return np_                                    # NP, relative clause,
    return None


def has_actor(c: Ctx, sp: tuple[int, int]) -> bool:
    a, b = c.char_span(*sp)
    return any(ms < b and me > a and actor.actor_type in ("person", "organization")
               for ms, me, m, actor in c.mentions_to(b))


def _find_subject(c: Ctx, h: Hit, lo: int, hi: int) -> tuple[int, int] | None:
    first = h.aux[0] if h.aux and h.aux[0] < h.i else h.i
    s = _pronoun_subject(c, first, lo, hi)
    if s is None and c.has_dep:
        s = _dep_subject(c, h, first, lo)
        if s is not None and c.in_quote[s[0]] >= 0 and not c.is_quote_mark(s[0]):
            s = quoted_subject(c, s, first, lo)  # the parse's subject inside a quoted name: «Vier Pfoten» -> the whole NP
    if s is None:
        s = _subordinate_subject(c, h, first, lo, hi)
    if s is not None:
        return s
    return _positional_subject(c, first, lo, hi) if first > lo else subject_after(c, first, hi)


def quoted_subject(c: Ctx, s: tuple[int, int], first: int, lo: int) -> tuple[int, int] | None:
    """„Ärzte ohne Grenzen“ sowie das Internationale Rote Kreuz kündigten an, … – a parse subject that starts right
    inside a short quoted name before the verb is that quoted name's noun phrase (from its opening mark, with a
    coordinated name after it); None otherwise, as before (switch ``quoted_subject``)."""
    if not c.R.switch("quoted_subject"):
        return None
    qs, qe, _ = c.quote_tok[c.in_quote[s[0]]]
    if qs != s[0] - 1 or qe - qs > 8 or qe > first or qs < lo or any(
            not (c.low[t] in ("und", "auch", "doch", "aber") or c.toks[t].is_space) for t in range(lo, qs)):
        return None                     # only a quoted name that opens the clause ("Von einem „…“ sprach X": none)
    np_ = grab_np(c, qs, first, pp=True)
    return np_ if np_ is not None and np_[1] >= qe else None


def _pronoun_subject(c: Ctx, first: int, lo: int, hi: int) -> tuple[int, int] | None:
    """A pronoun right after the verb ("Die Bürger forderte er auf") or after a modal before it
    ("Auf Nachfrage musste er betonen, dass …")."""
    if (first > lo or clause_start_pronoun(c, first, lo)) and first + 1 < hi and c.low[first + 1] in ("er", "ich", "wir"):
        return (first + 1, first + 2)
    for m in range(first - 1, max(lo, first - 10) - 1, -1):
        if c.low[m] in CLAUSE_BREAK or c.in_quote[m] >= 0:
            break
        if c.low[m] in c.w.modal_verbs and m > lo and m + 1 < first and c.low[m + 1] in ("er", "ich", "wir"):
            return (m + 1, m + 2)
    return None


def clause_start_pronoun(c: Ctx, first: int, lo: int) -> bool:
    """Das ägyptische Angebot, Verwundete in Krankenhäusern behandeln zu lassen, lehnt er jedoch ab: „…“ – a
    finite verb that opens its clause right after a comma (the Vorfeld, an object, ends there) followed by a
    nominative pronoun: the pronoun is its subject, not the fronted object the parse chose (switch
    ``clause_start_pronoun``)."""
    return c.R.switch("clause_start_pronoun") and first == lo and first > 0 and c.low[first - 1] == "," \
        and c.in_quote[first - 1] < 0 and c.sent_of[first - 1] == c.sent_of[first]


def _dep_subject(c: Ctx, h: Hit, first: int, lo: int) -> tuple[int, int] | None:
    """The parse's subject; in V2 order a name before the verb is the subject, not the object
    after it ("Jens Wieseke fordert freie Sicht")."""
    if c.R.switch("paragraph_bound_subject") and any(
            ch.dep_ in ("sb", "nsubj") and ch.i < lo and _paragraph_between(c, ch.i, lo) for ch in c.toks[h.i].children):
        return _detached_subject(c, first, lo)      # the parse's subject in a line before a paragraph break
    s = subject_dep(c, h.i)
    if not s or bad_speaker(c, s):
        return None
    if s[1] <= h.i and c.R.switch("fronted_addressee"):
        s = fronted_addressee(c, h, s)
    if c.R.switch("closed_clause_subject") and closed_clause_subject(c, s, first):
        return None
    if s[0] > first and c.R.switch("addressee_no_subject") and _addressee_at(c, s[0]):
        return None                     # "…, sagte der MOPO: „…“" (the parse's subject is the addressee)
    if s[0] > first and not (s[1] - s[0] == 1 and c.low[s[0]] in c.w.person_pronouns | {"sie"}) \
            and not has_actor(c, s):
        before = np_before(c, first, lo)
        if before and before[0] == lo and has_actor(c, before):
            return before
        if c.R.switch("sent_start_subject") and not plausible_speaker(c, s):
            named = _sentence_start_subject(c, first)     # "Der Leiter der Studie, Paulo Pinheiro, sieht die
            if named is not None and named[0] == lo:      # Hauptverantwortung …: „…“" (object after the verb)
                return named
    return s


def fronted_addressee(c: Ctx, h: Hit, s: tuple[int, int]) -> tuple[int, int]:
    """Der dpa sagte Scholz, er sei zufrieden. / Der Zeitung sagte er, … – a noun phrase before the verb in "der"/"einer"
    with a medium or press noun ("der dpa", "der „Zeit“", "einer Zeitung"; words.yaml addressee_media, addressee_nouns) is
    the fronted dative addressee when a subject follows the verb (a pronoun, a name or a speaking noun): that one
    speaks; "Der Sender berichtete, …" keeps its subject (switch ``fronted_addressee``)."""
    if c.low[s[0]] not in ("der", "einer") or not _addressee_at(c, s[0]):
        return s
    end = c.sents[c.sent_of[h.i]][1]
    after = subject_after(c, h.i, next_comma(c, h.i, end))
    if after is None or after[0] <= h.i or _addressee_at(c, after[0]):
        return s
    pron = after[1] - after[0] == 1 and c.low[after[0]] in c.w.person_pronouns | {"sie"}
    return after if pron or has_actor(c, after) or plausible_speaker(c, after) else s


def _paragraph_between(c: Ctx, t: int, lo: int) -> bool:
    """— Robby Starbuck, April 21, 2020 ¶ Auch die Internetzeitung „Daily NK“ meldete, Kim sei operiert worden. –
    the parse ran a line without final punctuation (byline, heading, caption) into the next paragraph and took
    a name there as the subject; a paragraph break between that subject and the clause makes it none (switch
    ``paragraph_bound_subject``): the subject is looked for inside the sentence instead."""
    return any("\n" in c.toks[k].whitespace_ or (c.toks[k].is_space and "\n" in c.toks[k].text)
               for k in range(t, lo))


def _detached_subject(c: Ctx, first: int, lo: int) -> tuple[int, int] | None:
    """The noun before the verb that the parse hung on the subject across the paragraph break (the
    sentence's own subject), with its words before the verb; None when there is none."""
    for t in range(lo, first):
        tok = c.toks[t]
        if tok.pos_ in ("NOUN", "PROPN") and tok.head.i < lo and c.in_quote[t] < 0:
            ks = [x.i for x in tok.subtree if lo <= x.i < first]
            a = min(ks)
            while a < t and c.toks[a].pos_ in ("ADV", "CCONJ", "PUNCT"):
                a += 1
            e = max(ks) + 1
            sp = (a, e)
            return None if bad_speaker(c, sp) else sp
    return None


def closed_clause_subject(c: Ctx, s: tuple[int, int], first: int) -> bool:
    """Nun hofft Jansen, dass Trochowski es ihm nachmacht, sagte er der Zeitung. – a subject the parse
    hung on the verb from inside a dass/ob clause that closes with a comma before the verb belongs to
    that clause, never to the speech verb after it."""
    if s[1] > first:
        return False
    k = s[0] - 1
    while k >= 0 and k > s[0] - 6 and c.low[k] not in CLAUSE_BREAK:
        if c.low[k] in ("dass", "daß", "ob"):
            return any(c.low[t] == "," for t in range(s[1], first))
        k -= 1
    return False


def _subordinate_subject(c: Ctx, h: Hit, first: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The subject of a verb-final subordinate clause: "wie Trump erklärte", "nachdem sie berichtet hatte"."""
    last = max([h.i, *h.particle, *h.aux])
    final = last + 1 >= hi or c.low[last + 1] in CLAUSE_BREAK or c.is_quote_mark(last + 1)
    if not final:
        return None
    for k in range(first - 1, max(lo, first - 12) - 1, -1):
        if c.low[k] in c.w.subordinators and c.low[k] not in ("dass", "ob"):
            return grab_np(c, k + 1, first) or None
        if c.low[k] in CLAUSE_BREAK:
            break
    return None


def _positional_subject(c: Ctx, first: int, lo: int, hi: int) -> tuple[int, int] | None:
    """Without a parse: the noun phrase before the verb at the clause start, else the one after it."""
    after = subject_after(c, first, hi)
    before = np_before(c, first, lo)
    if before is not None and bad_speaker(c, before):
        before = None                  # "Demnach erwartet Russland", "Gegenüber der AP sagte X"
    if before and (before[0] == lo or c.low[before[0] - 1] in CLAUSE_BREAK | {"und", "auch", "doch", "aber", "so"}
                   or c.is_quote_mark(before[0] - 1)):
        if not after or c.low[after[0]] not in c.w.person_pronouns | {"sie"} or vorfeld_over_sie(c, before, after):
            if before[0] == lo or c.low[before[0] - 1] in ("und", "auch", "doch", "aber"):
                return before
    if after:
        return after
    return before


def vorfeld_over_sie(c: Ctx, before: tuple[int, int], after: tuple[int, int]) -> bool:
    """Der Hauptgeschäftsführer des BPI nannte sie „fahrlässig“. – "sie" after the verb may be the accusative
    object; a noun phrase before the verb that names a speaker (an actor, a role or a group of people, judged
    without its article) is then the subject (switch ``vorfeld_over_sie``). "er", "ich", "wir" after the verb
    stay the subject (nominative only)."""
    return c.R.switch("vorfeld_over_sie") and after[1] - after[0] == 1 and c.low[after[0]] == "sie" \
        and plausible_source(c, before) and not bad_speaker(c, before)


def resolve_speaker(c: Ctx, sp: tuple[int, int] | None, prev: list[Found]) -> str | None:
    """The Actor key of a speaker span: the first ``speaker`` rule that decides (None: no actor)."""
    if sp is None:
        return None
    from .rules.speaker import SpeakerSite
    site = SpeakerSite(c, _attribute_head(c, sp), prev)
    for fn in c.stages["speaker"]:
        key = fn(site)
        if key is not None:
            return key or None
    return None


def _attribute_head(c: Ctx, sp: tuple[int, int]) -> tuple[int, int]:
    """"sagte der in Österreich lebende Hesse" – a speaker span that opens with an article and an extended attribute
    (switch ``extended_attribute``) with a name inside it names its actor by the noun phrase after the attribute
    ("Hesse"), not by the name inside the attribute ("Österreich"); other spans as they are (wik18)."""
    if not c.R.switch("extended_attribute") or sp[1] - sp[0] < 4 or c.low[sp[0]] not in c.w.determiners:
        return sp
    h = extended_attribute(c, sp[0], sp[0] + 1, sp[1])
    if not sp[0] + 1 < h < sp[1] or not any(t in c.ent_at for t in range(sp[0] + 1, h)):
        return sp
    return (h, sp[1])


MASCULINE_TITLES = ("sprecher", "politiker", "leiter", "vorstand", "abgeordneter", "vorsitzender", "herr")


def person_gender(c: Ctx, key: str) -> str | None:
    """The grammatical gender a person actor's titles give it: "f" for "Bundeskanzlerin Angela Merkel", "Frau Müller",
    "m" for "Präsident Emmanuel Macron", "Herr Müller" (the word right before a mention: a title of words.yaml
    role_resolution_suffixes, a spokesperson or politician noun, in its feminine -in form or not); None when no title
    tells or they disagree (switch ``pronoun_gender``)."""
    memo = c.__dict__.setdefault("_gender", {})
    if key in memo:
        return memo[key]
    masc = tuple(x for x in c.w.role_resolution_suffixes if not x.endswith("in")) + MASCULINE_TITLES
    votes = set()
    for ms, me, m, actor in c.mentions:
        if actor.key != key:
            continue
        span = doc_span(c.doc, ms, me, "expand")
        t = span.start - 1 if span is not None else -1
        if t < 0 or c.sent_of[t] != c.sent_of[span.start] or not c.toks[t].text[:1].isupper():
            continue
        lw = c.low[t]
        if lw == "frau" or lw.endswith("in") and lw[:-2].endswith(masc):
            votes.add("f")
        elif lw.endswith(masc):
            votes.add("m")
        elif c.R.switch("title_morph_gender"):
            votes.update(_title_morph_gender(c, t))
    if not votes and c.R.switch("given_name_gender"):
        g = given_name_gender(c, key)
        votes = {g} if g else votes
    memo[key] = votes.pop() if len(votes) == 1 else None
    return memo[key]


def _title_morph_gender(c: Ctx, t: int) -> set[str]:
    """"die Hebamme Ulrike Stolle", "der Landwirt Jens Ohm": a common noun written right before a person's name, after
    an article of its gender ("die"/"eine" feminine, "der"/"ein" masculine, not in the genitive or dative), gives the
    person the gender the parse reads on the noun (switch ``title_morph_gender``, spk20)."""
    if t < 1 or not c.has_morph or c.toks[t].pos_ != "NOUN" or (t in c.ent_at):
        return set()
    g = c.toks[t].morph.get("Gender")
    case = c.toks[t].morph.get("Case")
    if len(g) != 1 or case and case[0] not in ("Nom", "Acc"):
        return set()
    art = c.low[t - 1]
    if g[0] == "Fem" and art in ("die", "eine"):
        return {"f"}
    if g[0] == "Masc" and art in ("der", "ein"):
        return {"m"}
    return set()


def given_name_gender(c: Ctx, key: str) -> str | None:
    """Angela Merkel traf Emmanuel Macron. Er sagte, … – a person no title genders is "f" or "m" by the first word of
    the actor's name when it is a curated given name (actors.yaml given_names, female_given_names), as the roles
    resolver does (switch ``given_name_gender``)."""
    ar = getattr(c, "actor_rules", None)
    actor = next((a for a in c.actors if a.key == key), None)
    if ar is None or actor is None or not actor.name:
        return None
    first = actor.name.split()[0]
    if first in ar.female_given_names:
        return "f"
    return "m" if first in ar.gendered_names else None


def _gender_fits(c: Ctx, actor, gender: str | None) -> bool:
    if gender is None or actor.actor_type != "person":
        return True
    g = person_gender(c, actor.key)
    return g is None or g == gender


def nearest_actor(c: Ctx, i: int, types: Iterable[str], prev: list[Found], role: bool = False,
                  gender: str | None = None) -> str | None:
    """The actor of these types a pronoun or role noun at token i refers to: the speaker of a recent claim, else the
    mention named nearest before it (preferring sentence starts), else the most salient one; ``gender`` ("m" for "er",
    "f" for "sie") skips persons whose titles give the other gender."""
    types = set(types)
    if not types:
        return None
    pos = c.toks[i].idx
    s_i = c.sent_of[i]
    if not role and (key := _recent_speaker(c, s_i, types, prev, gender)) is not None:
        return key                          # the speaker of a recent claim wins
    best = _nearest_mention_actor(c, pos, s_i, types, gender, _inverted_frame_content(c, i))
    if best is None and c.R.switch("salient_antecedent"):
        return salient_actor(c, pos, types, gender)
    return best.key if best else None


def _recent_speaker(c: Ctx, s_i: int, types: set[str], prev: list[Found], gender: str | None) -> str | None:
    """nearest_actor: the speaker of the latest claim at most two sentences before s_i, of these types and gender."""
    for f in reversed(prev):
        if f.speaker_key and s_i - f.sent <= 2:
            actor = next((a for a in c.actors if a.key == f.speaker_key), None)
            if actor and actor.actor_type in types and _gender_fits(c, actor, gender):
                return actor.key
    return None


def _nearest_mention_actor(c: Ctx, pos: int, s_i: int, types: set[str], gender: str | None,
                           content: tuple[int, int] = (0, 0)):
    """nearest_actor: the actor of the best-scored mention before character pos, in the three sentences before s_i
    and its own (see :func:`_mention_score`), a mention inside ``content`` (characters) last."""
    best, best_score = None, None
    lo_char = c.toks[c.sents[max(0, s_i - 3)][0]].idx if c.sents else 0
    for ms, me, m, actor in c.mentions:
        if me > pos or ms < lo_char or actor.actor_type not in types or not _gender_fits(c, actor, gender):
            continue
        score = _mention_score(c, ms, me, pos, s_i)
        if content[0] <= ms < content[1]:
            score += 20_000                 # "Kessler sei …, sagte er": the content's name is not who says it (spk15)
        if best_score is None or score < best_score:
            best, best_score = actor, score
    return best


def _mention_score(c: Ctx, ms: int, me: int, pos: int, s_i: int) -> int:
    """nearest_actor's rank of a mention (lower is nearer): a thousand per sentence back plus the characters back,
    with the penalties and the bonus of :func:`_mention_penalty`."""
    tok = doc_span(c.doc, ms, me, "expand")
    m_sent = c.sent_of[tok.start] if tok is not None else s_i
    score = (s_i - m_sent) * 1000 + (pos - ms)
    if tok is not None:
        score += _mention_penalty(c, tok, c.text[ms:me])
    return score


def _mention_penalty(c: Ctx, tok, text: str) -> int:
    """A prenominal genitive ("Trumps Ukraine-Taskforce") is not a subject (+10,000); a name inside quotation marks is
    rarely the referent (+5,000), nor one inside a prepositional phrase ("vom Präsidenten Hugo Chávez", "von den
    Grünen", switch ``antecedent_oblique``, +2,500); a name at its sentence start or after an article is preferred
    (-150)."""
    penalty = 0
    nxt = c.toks[tok.end] if tok.end < len(c.toks) else None
    if text.endswith("s") and nxt is not None and nxt.text[:1].isupper() and not nxt.is_punct:
        penalty += 10_000
    st = c.sents[c.sent_of[tok.start]][0]
    if c.in_quote[tok.start] >= 0:
        penalty += 5_000
    if tok.start - st <= 1 or (tok.start > st and c.low[tok.start - 1] in c.w.determiners):
        penalty -= 150
    if c.R.switch("antecedent_oblique") and _oblique_mention(c, tok.start, st):
        penalty += 2_500
    return penalty


def _inverted_frame_content(c: Ctx, i: int) -> tuple[int, int]:
    """Kessler sei einer der größten Arbeitgeber der Stadt, sagte er. – for a pronoun or role noun at token i right after
    the speech verb of an inverted frame (", sagte er", ", so der Minister"), the characters of the reported content before
    the comma in its sentence: a name there is what is said about, not who says it (switch ``content_not_antecedent``);
    (0, 0) otherwise."""
    k = i - 1
    while k > 0 and c.low[k] in c.w.determiners:
        k -= 1
    if not c.R.switch("content_not_antecedent") or k < 2 or c.low[k - 1] != "," or c.in_quote[k - 1] >= 0 \
            or c.is_quote_mark(k - 2) or not (c.toks[k].pos_ in ("VERB", "AUX") or c.low[k] == c.R.so_marker):
        return (0, 0)                   # „Ein guter Start“, sagte er: a quotation's names rank low anyway
    st = c.sents[c.sent_of[i]][0]
    st = max([st] + [t + 1 for t in range(st, k - 1) if c.low[t] in (":", ";")])    # "X war zufrieden: …, sagte er"
    return (c.toks[st].idx, c.toks[k - 1].idx) if st < k - 1 else (0, 0)


def _oblique_mention(c: Ctx, t: int, st: int) -> bool:
    """Der linkspopulistische Ollanta Humala war vom venezolanischen Präsidenten Hugo Chávez unterstützt worden. Er hatte
    versprochen, … – a name (starting at token t, sentence start st) inside a prepositional phrase or a genitive
    attribute ("mit seinen Kollegen Aldrin und Collins", "von den Grünen", "des Ministerpräsidenten"): the determiners,
    adjectives and title nouns before it are preceded by a preposition (not a source marker such as "laut") or by a
    genitive article after a noun. nearest_actor ranks it after the names outside such phrases (switch
    ``antecedent_oblique``)."""
    k = t - 1
    while k > st and t - k <= 4 and _np_word(c, k):
        if c.low[k] in ("des", "eines") and k > st and c.toks[k - 1].pos_ in ("NOUN", "PROPN"):
            return True
        k -= 1
    return k >= st and c.toks[k].pos_ == "ADP" and c.low[k] not in c.R.preps_before


def _np_word(c: Ctx, k: int) -> bool:
    """A word of a noun phrase before a name: an article, an inflected adjective ("venezolanischen", not a verb the parse
    took for one: "verglich"), a capitalised noun or name ("Präsidenten", "Aldrin"), a number, "und"."""
    tok = c.toks[k]
    if tok.pos_ in ("DET", "NUM", "CCONJ"):
        return True
    if tok.pos_ == "ADJ":
        return c.low[k].endswith(("e", "en", "er", "es", "em"))
    return tok.pos_ in ("NOUN", "PROPN") and tok.text[:1].isupper()


def salient_actor(c: Ctx, pos: int, types: set[str], gender: str | None = None) -> str | None:
    """Trochowskis HSV-Comeback. … Allerdings: Der Ex-Profi will … „…“, sagt er. – a pronoun or role
    speaker with no compatible actor in the sentences right before it refers to the article's protagonist:
    the actor of those types named most often before it (outside quotations), the latest of equals."""
    count: dict[str, int] = {}
    last: dict[str, int] = {}
    for ms, me, m, actor in c.mentions:
        if me > pos or actor.actor_type not in types or not _gender_fits(c, actor, gender):
            continue
        span = doc_span(c.doc, ms, me, "expand")
        if span is None or c.in_quote[span.start] >= 0:
            continue
        count[actor.key] = count.get(actor.key, 0) + 1
        last[actor.key] = ms
    if not count:
        return None
    return max(count, key=lambda k: (count[k], last[k]))


def passive_agent(c: Ctx, lo: int, hi: int) -> tuple[int, int] | None:
    """The source of a passive cue: "von den Parlamentariern wird … gesehen", "In einem Bericht
    der Zeitung wurde vermutet, dass …"."""
    for k in range(lo, hi - 1):
        if c.in_quote[k] < 0 and c.low[k] in ("von", "vom"):
            np_ = grab_np(c, k + 1, hi, allow_oblique=True)
            if np_:
                return np_
    sa = c.sents[c.sent_of[lo]][0] if c.sents else lo
    k = lo if lo == sa or c.low[lo] in ("in", "im") else sa
    while k < hi and c.low[k] in ("so", "auch", "und", "aber"):
        k += 1
    if k + 1 < hi and c.low[k] in ("in", "im"):
        np_ = grab_np(c, k + 1, hi, allow_oblique=True)
        if np_ and any(is_source_noun(c, t) for t in range(*np_)):
            return np_
    return passive_source_pp(c, lo, hi)


def passive_source_pp(c: Ctx, lo: int, hi: int) -> tuple[int, int] | None:
    """So wird in einer Pressemitteilung der Organisation gefordert, dass … / Am Dienstag wurde seitens der Behörden
    deutlich gemacht, dass … – the source of a passive cue in its clause lo..hi after the finite verb: the noun phrase
    after "seitens", or after "in"/"im" when it holds a source noun ("Pressemitteilung", "Bericht"), as the one that
    opens the clause is (switch ``passive_source_pp``)."""
    if not c.R.switch("passive_source_pp"):
        return None
    for k in range(lo, hi - 1):
        if c.in_quote[k] >= 0 or c.low[k] not in ("seitens", "in", "im"):
            continue
        np_ = grab_np(c, k + 1, hi, allow_oblique=True)
        if np_ and (c.low[k] == "seitens" or any(is_source_noun(c, t) for t in range(*np_))):
            return np_
    return None


def own_source_subject(c: Ctx, i: int, a: int, b: int) -> tuple[int, int] | None:
    """"Steinmeier warnte nach eigenen Worten vor …", "Der Konzern will eigenen Angaben zufolge …":
    the source of "nach eigenen Angaben" at i is the subject of its clause (the parse's subject of
    the verb the phrase depends on), not "Angaben"."""
    if not c.has_dep:
        return None
    t = c.toks[i]
    for _ in range(5):
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            break
        t = t.head
    sp = subject_dep(c, t.i) if t.pos_ in ("VERB", "AUX") and a <= t.i < b else None
    if sp is None or bad_speaker(c, sp) or not (a <= sp[0] and sp[1] <= b) or c.in_quote[sp[0]] >= 0:
        return _fronted_subject(c, i, a)
    from .rules.speaker_entity import own_source_antecedent
    return own_source_antecedent(c, sp, i, b)     # a relative pronoun, a subject that cannot speak (spk16c)


def _fronted_subject(c: Ctx, i: int, a: int) -> tuple[int, int] | None:
    """"Ultium Cells investiert eigenen Angaben zufolge …" (a parse without the subject): the noun
    phrase that opens the sentence right before its finite verb, when the source phrase follows that verb."""
    start = i                           # the source phrase: "nach eigenen Angaben" / "eigenen Angaben zufolge"
    while start > a and (c.low[start - 1] in c.w.own_source_words or c.low[start - 1] in c.R.nouns
                         or c.toks[start - 1].text in c.R.nouns):
        start -= 1
    v = start - 1                       # the finite verb right before it (the weak parse may call it ADJ)
    if v <= a or not c.toks[v].text[:1].islower() or not c.toks[v].is_alpha:
        return None
    sp = grab_np(c, a, v)
    if sp is None or sp != (a, v) or bad_speaker(c, sp) or c.in_quote[a] >= 0:
        return None
    return sp


def coordinated_subject(c: Ctx, lo: int, e: int) -> tuple[int, int] | None:
    """The subject of the first speech verb before e in the sentence (the shared subject of
    coordinated verbs)."""
    for i in range(lo, e):
        if c.in_quote[i] >= 0:
            continue
        h = c.verb_hit(i, e)
        if h is not None:
            clause_lo = clause_start(c, h.i, lo)
            hi = next_comma(c, h.i, e)
            return find_subject(c, h, clause_lo, hi)
    k = lo                      # no speech verb: the clause's first noun phrase ("Er verständigte … und teilte mit")
    while k < e and (c.low[k] in c.w.skippable or c.is_punct(k)):
        k += 1
    np_ = grab_np(c, k, e, pp=True) if k < e else None
    if np_ is not None and not bad_speaker(c, np_) and (
            (np_[1] - np_[0] == 1 and c.low[np_[0]] in c.w.person_pronouns | {"sie"}) or has_actor(c, np_)):
        return np_
    return None


def prev_subject(c: Ctx, si: int) -> tuple[int, int] | None:
    """Without any speech verb, a Konjunktiv sentence reports what the subject of the sentence
    before said or wrote: "Die Armeeleitung sprach von einem Absturz. Der Hubschrauber sei …",
    "Der Untersuchungsbericht schildert die Fehlerkette. Techniker hätten …"."""
    if si == 0 or not c.has_dep:
        return None
    sa, sb = c.sents[si - 1]
    gap = c.text[c.toks[sb - 1].idx:c.toks[c.sents[si][0]].idx]
    if "\n\n" in gap:
        return None
    for t in range(sa, sb):
        tok = c.toks[t]
        if tok.dep_ != "ROOT" or c.in_quote[t] >= 0 or (tok.pos_ not in ("VERB", "AUX") and not copula_root(c, t)
                                                          and not mistagged_root_verb(c, t)):
            continue
        sp = subject_dep(c, t) or particle_subject(c, t, sa)
        if sp is None or bad_speaker(c, sp) or c.in_quote[sp[0]] >= 0:
            return None
        if sp[1] - sp[0] == 1 and c.low[sp[0]] in ("es", "man", "das", "dies", "sie", "er", "ich", "wir"):
            return None
        if not has_actor(c, sp) and not institution_subject(c, sp):
            return None
        return sp
    return None


def particle_subject(c: Ctx, t: int, sa: int) -> tuple[int, int] | None:
    """Auch Schmalenbach war nach dem Abpfiff erleichtert. Er habe nicht lange nachgedacht, sagte der 27-Jährige. – the
    subject of a narration sentence that opens a paragraph with a focus particle (words.yaml subject_openers: "Auch",
    "Selbst", "Sogar"), where the parse hung the paragraph break and the particle on the subject so that subject_dep
    finds no noun phrase: the noun phrase right after the particle, when the parse's subject head lies in it (switch
    ``paragraph_particle_subject``, spk21b; used by prev_subject only)."""
    if not c.R.switch("paragraph_particle_subject") or c.low[sa] not in c.w.subject_openers or c.low[sa] == "wie" \
            or c.toks[sa].pos_ != "ADV" or sa == 0 or not c.toks[sa - 1].is_space:
        return None
    ch = next((x for x in c.toks[t].children if x.dep_ in ("sb", "nsubj")), None)
    if ch is None or ch.left_edge.i >= sa or ch.i <= sa:
        return None                     # no paragraph break hung on the subject: subject_dep's answer stands
    np_ = grab_np(c, sa + 1, c.sents[c.sent_of[t]][1])
    return np_ if np_ and np_[0] <= ch.i < np_[1] else None


def mistagged_root_verb(c: Ctx, t: int) -> bool:
    """Der Landrat Klaus Schulz widersprach. Er sagte, … – a lower-case sentence root with a nominal subject is its
    verb although the model tags it a preposition or noun ("widersprach"), not an adverb or adjective with a copula ("war
    unterwegs") (switch ``root_subject_mistag``)."""
    tok = c.toks[t]
    return c.R.switch("root_subject_mistag") and tok.text.isalpha() and tok.text.islower() \
        and tok.pos_ in ("ADP", "NOUN", "PROPN", "X") and any(ch.dep_ in ("nsubj", "sb") for ch in tok.children) \
        and not any(ch.dep_ == "cop" for ch in tok.children)      # "Ismaili war unterwegs": a predicate, no verb


def institution_subject(c: Ctx, sp: tuple[int, int]) -> bool:
    """Trotz gesunkener Zahlen gibt ROG keine Entwarnung. Die Situation sei … / Langfristig strebt das neue Unternehmen
    den Börsengang an. Eine der Optionen sei … – a subject the entity layer left without an actor that still names an
    institution: an acronym alone ("ROG", "BYD") or a noun phrase whose head is an organisation or company noun
    ("das neue Unternehmen", "die Wahlkommission"): a source for the Konjunktiv after it (switch ``institution_subject``)."""
    if not c.R.switch("institution_subject"):
        return False
    w = c.toks[sp[1] - 1].text
    if sp[1] - sp[0] == 1 and len(w) >= 2 and w.isupper() and w.isalpha():
        return True
    low = c.low[sp[1] - 1]
    return c.toks[sp[1] - 1].text[:1].isupper() and (low in c.w.generic_org_nouns or low in c.w.company_nouns)


def copula_root(c: Ctx, t: int) -> bool:
    """Staatspräsident Georgi Parwanow ist besorgt. Der Konflikt sei nicht ethnisch motiviert. – a predicative
    adjective or noun at the root of the sentence before a Konjunktiv sentence (its copula a child) carries the
    subject the Konjunktiv goes on reporting (switch ``copula_subject``)."""
    tok = c.toks[t]
    return c.R.switch("copula_subject") and tok.pos_ in ("ADJ", "NOUN") and any(
        ch.dep_ == "cop" and ch.i < t for ch in tok.children)


def fronted_impersonal_source(c: Ctx, a: int, i: int) -> tuple[int, int] | None:
    """Im Bericht heißt es, dass … / In der Pressemitteilung des WWF heißt es weiter, … – the source of an
    impersonal "heißt es" at i that fills the Vorfeld of its sentence (from a): the noun phrase after the
    preposition, which is the whole Vorfeld (switch ``fronted_impersonal_source``); after "von" only an actor
    ("Von der Polizei hieß es"; "Von der Zeremonie hieß es" names what was said about)."""
    if not c.R.switch("fronted_impersonal_source"):
        return None
    k = a
    while k < i and (c.low[k] in ("so", "auch", "und", "aber", "doch") or c.is_quote_mark(k) or c.toks[k].is_space):
        k += 1
    if k + 1 >= i or not impersonal_prep(c, k) or c.in_quote[k] >= 0:
        return None
    sp = grab_np(c, k + 1, i, allow_oblique=True, pp=True)
    if sp is None or sp[1] != i or bad_speaker(c, sp):
        return None
    if c.low[k] in ("von", "vom") and not has_actor(c, sp):
        return None                     # "Von der Zeremonie hieß es, …": what it was said about, not who said it
    return sp


def noun_head_subject(c: Ctx, n: int, a: int, k: int) -> tuple[int, int] | None:
    """Seit August 2013 vertritt er die These, dass … / Wissenschaftler stellten schon vor 20 Jahren die Theorie auf,
    dass … / 37 Prozent sind jedoch der Auffassung, dass … – the speaker of a claim noun at n (its clause from a,
    the clause it governs after k) whose light verb does not stand right before it: the subject of the verb the
    parse hangs the noun on, or of the noun itself when a copula makes it the predicate (switch
    ``noun_head_subject``); one that names someone who can speak (not "Inhalt und Aufbau der Seite vermittelten den
    Eindruck"), and not the subject of a verb of receiving ("ich erhielt von X die Auskunft": words.yaml
    receiving_verbs) or of one that reacts to the claim ("wandte sich gegen die Behauptung": reaction_prepositions)."""
    if not c.R.switch("noun_head_subject") or not c.has_dep:
        return None
    t = c.toks[n]
    v = t.head
    if any(ch.pos_ == "ADP" and ch.i < n and c.low[ch.i] in c.w.reaction_prepositions for ch in t.children):
        return None                     # "wandte sich gegen die Behauptung, …": the subject opposes the claim
    if any(ch.dep_ == "cop" for ch in t.children):
        sp = subject_dep(c, n)
    elif v.pos_ in ("VERB", "AUX") and a <= v.i < n and c.in_quote[v.i] < 0 and v.dep_ not in ("amod", "acl") \
            and c.low[v.i] not in c.w.receiving_verbs and v.lemma_.lower() not in c.w.receiving_verbs:
        from .triggers import VerbEntry
        h = Hit(v.i, [], VerbEntry(c.low[v.i], None, False, frozenset({"speech"})))
        sp = find_subject(c, h, clause_start(c, v.i, a), k)
    else:
        return None
    if sp is None or not a <= sp[0] < k or sp[0] <= n < sp[1] or bad_speaker(c, sp) or c.in_quote[sp[0]] >= 0:
        return None
    first = sp[0] + (1 if sp[1] - sp[0] > 1 and c.low[sp[0]] in c.w.determiners else 0)
    if not (has_actor(c, sp) or any(_speaking_token(c, t) for t in range(first, sp[1]))):
        return None                     # "Inhalt und Aufbau der Seite vermittelten den Eindruck, dass …": no one speaks
    return sp


SOURCE_VERBS = ("kommen", "stammen")


def von_source(c: Ctx, n: int, a: int) -> tuple[int, int] | None:
    """Ich erhielt von den Verlagsmitarbeiterinnen die Auskunft, dass … / Von der italienischen Polizei kam die
    Information, … – a claim noun at n whose verb is one of receiving (words.yaml receiving_verbs) or of coming
    ("kam", "stammt") has its speaker in a "von" phrase of that clause before it (from a): the noun phrase after
    "von"/"vom", when it names someone who can speak (switch ``von_source``)."""
    if not c.R.switch("von_source") or not c.has_dep:
        return None
    v = c.toks[n].head
    if v.pos_ in ("NOUN", "PROPN") and v.i < n:
        v = v.head                      # "erhielt von den Mitarbeiterinnen die Auskunft" parsed with the noun on the noun
    if v.pos_ not in ("VERB", "AUX") or c.in_quote[v.i] >= 0 or not (
            c.low[v.i] in c.w.receiving_verbs or v.lemma_.lower() in c.w.receiving_verbs
            or v.lemma_.lower() in SOURCE_VERBS):
        return None
    lo = min(v.i, n)
    while lo > a and c.low[lo - 1] not in (",", ";", ":") and c.sent_of[lo - 1] == c.sent_of[n]:
        lo -= 1
    for t in range(lo, n):
        hd = c.toks[t].head             # "von" hangs on its noun (UD "case"), the noun on the verb or the claim noun
        if c.low[t] not in ("von", "vom") or c.in_quote[t] >= 0 or not (hd.i in (v.i, n) or hd.head.i in (v.i, n)):
            continue
        sp = grab_np(c, t + 1, n, allow_oblique=True)
        if sp is None or sp[1] > n or bad_speaker(c, sp):
            continue
        first = sp[0] + (1 if sp[1] - sp[0] > 1 and c.low[sp[0]] in c.w.determiners else 0)
        if has_actor(c, sp) or any(_speaking_token(c, k) for k in range(first, sp[1])):
            return sp
    return None


def outer_frame_speaker(c: Ctx, k: int, b: int) -> tuple[int, int] | None:
    """The subject of an inverted speech frame later in the sentence ("…, teilte das Präsidialamt in Seoul
    am Dienstag mit."), searched from token k to the sentence end b: the speaker of a cue without one
    inside the framed clause ("Es könne nicht bestätigt werden, dass …")."""
    for m in range(k, b - 1):
        if c.low[m] != "," or c.in_quote[m] >= 0:
            continue
        h = c.verb_hit(m + 1, b)
        if h is None or "speech" not in h.classes or not c.toks[m + 1].text[:1].islower():
            continue
        sp = subject_after(c, m + 1, b)
        if sp is not None and not bad_speaker(c, sp) and plausible_speaker(c, sp):
            return sp
    return None


def prev_source_actor(c: Ctx, si: int) -> str | None:
    """The actor a "Demnach" in sentence si refers back to: the named subject of the sentence before
    ("Das Bundeskartellamt legte seinen Bericht vor. Demnach …"), else the actor named in a source noun
    phrase there ("… in einer Studie des RKI. Demnach …"); an "" string never: None when there is none."""
    if si == 0:
        return None
    sp = prev_subject(c, si)
    if sp is not None:
        key = resolve_speaker(c, sp, [])
        if key:
            return key
    sa, sb = c.sents[si - 1]
    for t in range(sa, sb):
        if c.in_quote[t] < 0 and is_source_noun(c, t):
            np_ = grab_np(c, t, sb, allow_oblique=True)
            if np_ is not None and has_actor(c, np_):
                return resolve_speaker(c, np_, [])
    return None


def has_person_actor(c: Ctx, sp: tuple[int, int]) -> bool:
    a, b = c.char_span(*sp)
    return any(ms < b and me > a and actor.actor_type == "person" for ms, me, m, actor in c.mentions)


def prev_frame_subject(c: Ctx, si: int) -> tuple[int, int] | None:
    """Without an earlier claim, the speaker of a continuation is the subject of a speech verb in
    the previous sentence ("Der Deutsche Wetterdienst warnte vor Sturm. Es werde … ")."""
    if si == 0:
        return None
    sa, sb = c.sents[si - 1]
    for i in range(sa, sb):
        if c.in_quote[i] >= 0:
            continue
        h = c.verb_hit(i, sb)
        if h is None or (c.R.switch("cognition_frame_main") and not (h.classes - {"cognition"})
                         and c.has_dep and c.toks[h.i].dep_ not in ("ROOT", "conj")):
            continue
        attach_aux(c, h, sb)
        lo = clause_start(c, h.i, sa)
        hi = next_comma(c, max([h.i, *h.particle, *h.aux]), sb)
        sp = find_subject(c, h, lo, hi) if not is_passive(c, h) else passive_agent(c, lo, hi)
        if sp is not None and not bad_speaker(c, sp):
            if c.R.switch("plausible_speaker") and not plausible_speaker(c, sp):
                continue                # "Eine ähnliche Kennzeichnung finde sich …": no one speaks
            if c.R.switch("modal_frame_source") and any(
                    c.low[t] in c.w.obligation_modals and c.in_quote[t] < 0 for t in range(max(sa, min(sp[0], h.i) - 4), h.i)):
                continue                # "Außerdem müssten sich die Nutzer einverstanden erklären": no one spoke
            return sp
    return None


def main_frame(c: Ctx, si: int) -> tuple[Hit, tuple[int, int]] | None:
    """Den Ausbau zu verlagern, wie es Söder angekündigt hat, lehnt der BN klar ab. – the speech verb at
    the root of sentence si (outside quotations) with its subject, or None."""
    if not c.has_dep:
        return None
    sa, sb = c.sents[si]
    for i in range(sa, sb):
        t = c.toks[i]
        if t.dep_ != "ROOT" or c.in_quote[i] >= 0:
            continue
        h = c.verb_hit(i, sb)
        if h is None or "speech" not in h.classes:
            return None
        attach_aux(c, h, sb)
        lo = clause_start(c, h.i, sa)
        sp = find_subject(c, h, lo, sb)
        if sp is None or bad_speaker(c, sp) or not has_actor(c, sp):
            return None
        return h, sp
    return None


def latest_mention(c: Ctx, last: Found, a: int) -> tuple[int, int] | None:
    """The speaker of a continuation, as the annotation marks it: the latest mention of the
    previous claim's speaker before token a, else that claim's speaker span."""
    if last.speaker is None:
        return None
    best = _own_source_holder(c, last) or last.speaker
    lo = last.speaker[1]
    if last.speaker_key:
        for ms, me, m, actor in c.mentions:
            if actor.key != last.speaker_key:
                continue
            span = doc_span(c.doc, ms, me, "expand")
            if span is None or span.start < lo or span.end > a or c.in_quote[span.start] >= 0:
                continue
            np_ = grab_np(c, span.start, a)
            best = np_ if np_ and np_[1] >= span.end else (span.start, span.end)
            if best[1] > span.end and _thing_apposition(c, span.end, best[1]):
                best = (span.start, span.end)   # "sehe er, Köhler, keine Alternative": not "Köhler, keine Alternative"
            lo = best[1]
    return best


def _own_source_holder(c: Ctx, last: Found) -> tuple[int, int] | None:
    """Der ältere Bruder des Papstes, Georg Ratzinger, war nach eigenem Bekunden eingeweiht. „Mein Bruder wünscht sich
    mehr Ruhe.“ – a claim whose speaker span is "eigenen Angaben", "eigenem Bekunden" (the source is its clause's
    subject) is continued by that subject, the last mention of the person (switch ``own_source_continues``)."""
    sp = last.speaker
    if not (c.R.switch("own_source_continues") and sp is not None and c.low[sp[0]] in c.w.own_source_words and last.cue):
        return None
    sa, sb = c.sents[c.sent_of[last.cue[0]]]
    subj = own_source_subject(c, last.cue[0], sa, sb)
    return subj if subj is not None and subj[1] <= sp[0] and not bad_speaker(c, subj) else None


def _thing_apposition(c: Ctx, k: int, e: int) -> bool:
    """Whether tokens [k, e) after a mention are a comma and words of which none can speak (switch
    ``mention_apposition_cut``): "Köhler, keine Alternative" is no noun phrase of Köhler's."""
    if not c.R.switch("mention_apposition_cut") or c.low[k] != ",":
        return False
    return not any(_speaking_token(c, t) for t in range(k + 1, e))


def _named_speaker(c: Ctx, last: Found, found: list[Found]) -> tuple[int, int] | None:
    """The latest speaker span of the same actor that is not a pronoun (else the pronoun)."""
    if last.speaker and last.speaker[1] - last.speaker[0] == 1 and c.low[last.speaker[0]] in c.R.pronouns \
            and last.speaker_key:
        for f in reversed(found):
            if f.speaker_key == last.speaker_key and f.speaker and not (
                    f.speaker[1] - f.speaker[0] == 1 and c.low[f.speaker[0]] in c.R.pronouns):
                return f.speaker
        for ms, me, m, actor in reversed(c.mentions):
            if actor.key == last.speaker_key and me <= c.toks[last.speaker[0]].idx:
                span = doc_span(c.doc, ms, me, "expand")
                if span is not None:
                    return (span.start, span.end)
    return last.speaker


def with_name_apposition(c: Ctx, sp: tuple[int, int], b: int) -> tuple[int, int]:
    """A speaker that names no person, extended over a named apposition after its comma (before
    b): one that ends at the next comma or closes the sentence ("…, sagte der Oberbefehlshaber,
    General George Casey."), or, without its closing comma, one that ends with the person's name
    ("…, sagte der General, George Casey heute", "Die Chefjuristin, Anabella Morfin verwies …")."""
    k = sp[1]
    if k + 1 >= b or c.low[k] != "," or c.in_quote[k] >= 0:
        return sp
    if has_person_actor(c, sp):
        return _role_apposition(c, sp, b)
    e = next_comma(c, k + 1, b)
    end = e if e < b else strip_end(c, k + 1, e)
    ap = grab_np(c, k + 1, end, appos=False) if end > k + 1 else None
    if ap is None or not has_person_actor(c, ap):
        return sp
    if ap[1] == end and (e < b or end < e):
        return (sp[0], end)
    last_char = c.char_span(*ap)[1]
    if any(me == last_char and actor.actor_type == "person" for ms, me, m, actor in c.mentions):
        return (sp[0], ap[1])
    return sp


def _role_apposition(c: Ctx, sp: tuple[int, int], b: int) -> tuple[int, int]:
    """A named speaker extended over a role apposition that closes the sentence ("…, sagte Philip Aguer
    Panynag, ein Sprecher der Befreiungsarmee (SPLA)."): an NP opened by an article with a role or
    speaker noun and nothing after it. With ``open_role_apposition`` also one without an article
    ("…, sagte Charles Bouchard, kanadischer General und Kommandeur des Einsatzes am Montag."), and
    one followed by an adjunct without a verb, after its closing comma or not ("…, verlautbarte
    Peter Sharp, der Direktor der Reederei, in einer Pressemitteilung.")."""
    k = sp[1]
    if not c.R.switch("role_apposition"):
        return sp
    opened = c.low[k + 1] in c.w.determiners
    wide = c.R.switch("open_role_apposition") and c.has_pos
    if not opened and not (wide and c.toks[k + 1].pos_ in ("ADJ", "NOUN")):
        return sp
    end = strip_end(c, k + 1, b)
    e = next_comma(c, k + 1, b) if wide else end
    ap_end = min(e, end)
    ap = grab_np(c, k + 1, ap_end, appos=False, allow_oblique=True)
    first = ap[0] + (1 if opened else 0) if ap else 0
    if ap is None or not any(_speaking_token(c, t) for t in range(first, min(ap[1], first + 3))):
        return sp
    if wide and ap[1] + 1 < ap_end and c.low[ap[1]] in ("und", "sowie"):
        more = grab_np(c, ap[1] + 1, ap_end, appos=False, allow_oblique=True)     # "General und Kommandeur des …"
        if more is not None and _speaking_token(c, more[0] + (1 if c.low[more[0]] in c.w.determiners else 0)):
            ap = (ap[0], more[1])
    if ap[1] == end:
        return (sp[0], end)
    if not wide or ap[1] > end:
        return sp
    rest = range(ap[1] + (1 if ap[1] == e else 0), end)
    if ap[1] < e and c.toks[ap[1]].pos_ != "ADP":
        return sp                       # only an adjunct may follow the apposition: "am Montag", "in einer Mitteilung"
    if any(c.toks[t].pos_ in ("VERB", "AUX") or c.in_quote[t] >= 0 or c.low[t] in (",", ";", ":") for t in rest):
        return sp
    return (sp[0], ap[1])


TITLE_ABBREVIATIONS = ("dr.", "prof.", "dipl.-ing.", "ing.")


def title_before_name(c: Ctx, sp: tuple[int, int] | None) -> tuple[int, int] | None:
    """Außenminister Straw will bekannt geben, dass … / Der niedersächsische Finanzminister Hartmut Möllring erklärte, … –
    a speaker span that starts with a name keeps the title, first name or organisation noun written right before it,
    with their adjectives and article: the whole noun phrase, as the annotation marks it ("Fed-Chef Ben Bernanke",
    "PDS-Fraktionssprecher André Schollbach", "Die Staatsanwaltschaft Oslo", "Privatdozent Dr. Dittrich"), not the name
    alone (switch ``title_before_name``)."""
    if sp is None or not c.R.switch("title_before_name") or not c.has_pos:
        return sp
    k = sp[0]
    tok = c.toks[k]
    if c.in_quote[k] >= 0 or not (k in c.ent_at or tok.pos_ == "PROPN") or not tok.text[:1].isupper():
        return sp
    lo = c.sents[max(0, c.sent_of[k] - 1)][0]  # the model may split "Staatspräsident | Mattarella hatte …"
    j, moved = k, False
    while j > lo:                       # the title and first names: capitalised nouns and names right before
        t = c.toks[j - 1]
        if c.in_quote[j - 1] >= 0 or c.is_punct(j - 1) or "\n" in t.whitespace_ or "\n" in t.text \
                or not (t.text[:1].isupper() or c.low[j - 1] in TITLE_ABBREVIATIONS):
            break
        if c.low[j - 1] in TITLE_ABBREVIATIONS or t.pos_ == "PROPN" or (j - 1) in c.ent_at or (
                t.pos_ == "NOUN" and _speaking_token(c, j - 1)):
            j, moved = j - 1, True
            continue
        break
    if not moved:
        return sp
    while j > lo and c.in_quote[j - 1] < 0 and c.toks[j - 1].pos_ == "ADJ" and c.toks[j - 1].tag_ not in ("ADJD",) \
            and c.sent_of[j - 1] == c.sent_of[j]:
        j -= 1                          # "der niedersächsische Finanzminister"
    if j > lo and c.in_quote[j - 1] < 0 and c.low[j - 1] in c.w.determiners and c.sent_of[j - 1] == c.sent_of[j]:
        j -= 1
    return (j, sp[1])


CIRCUMSTANCE_PREPOSITIONS = ("in", "im", "aus", "für", "mit", "am", "auf", "vor", "nach", "über", "zu", "zum", "zur")


def name_circumstance_cut(c: Ctx, sp: tuple[int, int] | None) -> tuple[int, int] | None:
    """Regierungssprecher Seibert sagte in Berlin, … / „…“, sagte Schnappauf aus Sicherheitsgründen. – a speaker span
    that goes on after a name with a prepositional phrase of place, reason or purpose ("in Berlin", "aus
    Sicherheitsgründen", "für die Annahme …") ends at the name: the phrase tells the circumstances of the speech, not who
    speaks. Only after a person's name: not after a common noun ("Ein BMW-Händler in Weimar" keeps its place) or an
    organisation ("ein Sprecher des LBM in Koblenz"), not before "aus" with an article or a place ("aus dem Forscherteam",
    "aus South Carolina": where the speaker comes from), and not when the phrase names a person or organisation (switch
    ``name_circumstance_cut``)."""
    if sp is not None and c.R.switch("name_after_role") and c.has_pos:
        sp = name_after_role(c, sp)
    if sp is not None and c.R.switch("speaker_edges") and c.has_pos:
        sp = speaker_edges(c, sp)
    if sp is None or not c.R.switch("name_circumstance_cut") or not c.has_pos:
        return sp
    from .rules.speaker_named import anaphor_circumstance_cut
    sp = anaphor_circumstance_cut(c, sp)       # "sagte der 54-Jährige in Stuttgart" (spk17)
    a, b = c.char_span(*sp)
    ends = [me for ms, me, m, actor in c.mentions if a <= ms and me < b and actor.actor_type == "person"]
    for me in sorted(ends, reverse=True):
        k = next((t for t in range(sp[0], sp[1]) if c.toks[t].idx >= me), None)
        if k is None or k <= sp[0] or c.toks[k - 1].idx + len(c.toks[k - 1].text) != me:
            continue                    # the name must end a token ("BMW-Händler" is no name)
        if c.low[k] not in CIRCUMSTANCE_PREPOSITIONS or c.toks[k].pos_ != "ADP" or c.in_quote[k] >= 0:
            return sp
        if c.low[k] == "aus" and k + 1 < sp[1] and (c.low[k + 1] in c.w.determiners or (k + 1) in c.ent_at):
            return sp                   # "aus dem Forscherteam", "aus South Carolina": where the speaker comes from
        ka, kb = c.char_span(k, sp[1])
        if any(ka <= ms < kb and actor.actor_type in ("person", "organization") for ms, me2, m, actor in c.mentions):
            return sp
        return (sp[0], k)
    return sp


ROLE_GAP_TAGS = ("ADP", "DET", "ADJ", "NOUN", "CCONJ")     # the words of a title's complement before the name
ROLE_GAP = 6


def name_after_role(c: Ctx, sp: tuple[int, int]) -> tuple[int, int]:
    """Empfohlen hatte das der EU-Kommissar für Erweiterung und europäische Nachbarschaftspolitik Štefan Füle, … /
    Jelpkes wissenschaftlicher Mitarbeiter Nick Brauns hat … – a speaker span that names no person and holds a person's
    title (a role noun: "Kommissar", "Mitarbeiter", "Sprecherin") ends where the title's complement ends; the person's
    name written right after it, with no comma, verb or quotation between, belongs to the span, as the annotation marks
    it. Only up to six words of complement (prepositions, articles, adjectives, nouns, "und"), only a person's mention
    (the entity layer's), and only a name that ends the noun phrase (a punctuation mark, a verb, a preposition or an
    adverb follows: "Štefan Füle am Montag") and that the parse takes for no object ("forderte der Minister Müller
    auf" keeps "der Minister") (switch ``name_after_role``)."""
    a, b = sp
    n = len(c.toks)
    if has_person_actor(c, sp) or not any(_person_title(c, t) for t in range(a, b)):
        return sp
    starts = {}
    for ms, me, m, actor in c.mentions:
        if actor.actor_type == "person":
            starts[ms] = max(starts.get(ms, 0), me)
    j = b
    while j < n and j - b <= ROLE_GAP and c.toks[j].idx not in starts:
        t = c.toks[j]
        if t.is_space and "\n" not in t.text:
            j += 1
            continue
        if c.in_quote[j] >= 0 or t.pos_ not in ROLE_GAP_TAGS or c.is_punct(j) or (
                t.pos_ == "ADP" and c.low[j] not in c.w.title_complement_prepositions):
            return sp
        j += 1
    if j >= n or c.toks[j].idx not in starts or c.in_quote[j] >= 0:
        return sp
    end_char = starts[c.toks[j].idx]
    e = j
    while e < n and c.toks[e].idx < end_char:
        e += 1
    if e - j > 4 or any(c.toks[t].dep_ in ("obj", "iobj") for t in range(j, e)):
        return sp
    if e < n and not (c.is_punct(e) or c.toks[e].pos_ in ("VERB", "AUX", "ADP", "ADV")):
        return sp
    return (a, e)


def _person_title(c: Ctx, t: int) -> bool:
    """A role noun that names a person (not an organisation): "Kommissar", "Mitarbeiter", "Sprecherin"."""
    w, low = c.toks[t].text, c.low[t]
    if c.toks[t].pos_ != "NOUN" or not w[:1].isupper() or t in c.ent_at:
        return False
    return w in c.R.role_heads or low.endswith(ROLE_SUFFIXES) or low.endswith(tuple(c.w.role_resolution_suffixes)) \
        or low.endswith(tuple(c.w.spokesperson_suffixes)) or low.endswith(tuple(c.w.person_title_suffixes)) \
        or _person_noun(c, t)


EDGE_OPENERS = ("und", "doch", "aber", "zumal", "denn", "sondern", "oder", "nur", "einzig", "lediglich", "sogar",
                "selbst", "ausgerechnet", "gerade", "insbesondere", "vor", "allem")
FINITE_END_TAGS = ("VVFIN", "VAFIN", "VMFIN")


def speaker_edges(c: Ctx, sp: tuple[int, int]) -> tuple[int, int] | None:
    """…, zumal Verteidiger Wolfgang Dingfelder erklärte, … / Einzig Sony gab bekannt, … / Colomer empfahl, … – a speaker
    span starts after a punctuation mark, a conjunction or a focus particle before its noun phrase ("zumal", "doch",
    "nur", "einzig", "vor allem") and ends before a finite verb or an indefinite pronoun that the noun phrase ran into
    ("Colomer empfahl", "Angaben eines Sprechers niemand"); a personal pronoun is the whole span ("er Fans des
    englischen Teams") (switch ``speaker_edges``)."""
    a, b = sp
    while a < b - 1 and c.in_quote[a] < 0 and c.low[a] in (",", ";", "–", "-", ":", *EDGE_OPENERS):
        if c.low[a] == "vor" and not (a + 1 < b and c.low[a + 1] == "allem"):
            break
        a += 1
    if c.toks[a].tag_ == "PPER" and b - a > 1:
        return (a, a + 1)
    if b - a > 2 and c.R.switch("article_before_name") and _article_before_name(c, a, b):
        a += 1                          # "…, die Gerhard Schröder … erklärt hatte": the relative pronoun is the object
    while b - 1 > a and c.in_quote[b - 1] < 0 and c.toks[b - 1].text[:1].islower() \
            and (c.toks[b - 1].tag_ in FINITE_END_TAGS or c.toks[b - 1].tag_ == "PIS"):
        b -= 1
    return (a, b)


def _article_before_name(c: Ctx, a: int, b: int) -> bool:
    """Whether the span opens with "der"/"die"/"das"/"den" right before a person's full name that runs to the span end
    (German news put no article before a bare name: the word is a relative pronoun or the object's article) (switch
    ``article_before_name``)."""
    if c.low[a] not in ("der", "die", "das", "den") or c.in_quote[a] >= 0:
        return False
    ta, tb = c.toks[a + 1].idx, c.toks[b - 1].idx + len(c.toks[b - 1].text)
    if not c.toks[a + 1].text[:1].isupper() or (c.has_pos and c.toks[a + 1].pos_ == "ADJ"):
        return False                    # "die britische Königin": a role noun phrase the actors layer linked to a person
    return any(ms == ta and me == tb and actor.actor_type == "person" and m.label != "ROLE" and " " in c.text[ms:me]
               for ms, me, m, actor in c.mentions)


SINGULAR_DETERMINERS = ("der", "das", "ein", "eine", "kein", "keine", "dieser", "dieses", "jeder", "jede")
PLURAL_DETERMINERS = ("alle", "viele", "mehrere", "einige", "zahlreiche", "beide", "zwei", "drei", "manche")
ACCUSATIVE_DETERMINERS = ("den", "einen", "diesen", "keinen", "jeden")
NEW_CLAUSE_ADVERBS = ("aber", "jedoch", "allerdings", "zudem", "außerdem", "dann", "daher", "deshalb", "trotzdem",
                      "gleichzeitig", "zugleich", "ebenfalls")


def disagrees_with_verb(c: Ctx, verb: int, np_: tuple[int, int]) -> bool:
    """Whether the noun phrase after a finite verb cannot be its subject by German grammar: an
    accusative article ("…, fordern den Rücktritt"), an article whose number differs from the
    verb's ("…, fordern eine Nennung", "…, fordert alle Parteien auf"), or, after an adverb that
    opens a coordinated clause ("…, fordern aber die Nennung eines Datums"), a noun phrase that
    names no one who can speak. A coordination ("X und Y") is never judged by number."""
    if not c.has_morph:
        return False
    vnum = c.toks[verb].morph.get("Number")
    if len(vnum) != 1 or not c.toks[verb].morph.get("Person"):       # a finite form only
        return False
    det = c.low[np_[0]]
    if det in ACCUSATIVE_DETERMINERS:
        return True
    coordinated = any(c.low[t] in ("und", "sowie", "oder", ",", "&") for t in range(*np_))
    if not coordinated and (vnum == ["Plur"] and det in SINGULAR_DETERMINERS
                            or vnum == ["Sing"] and det in PLURAL_DETERMINERS):
        return True
    if not (verb + 1 < np_[0] and c.low[verb + 1] in NEW_CLAUSE_ADVERBS and c.has_pos):
        return False
    head = next((t for t in range(*np_) if c.toks[t].pos_ in ("NOUN", "PROPN", "PRON")), None)
    return head is not None and not _speaking_token(c, head) and not has_actor(c, (head, head + 1))


def quote_new_subject(c: Ctx, si: int, last: Found) -> tuple[int, int] | None:
    """Der ältere Bruder des Papstes, Georg Ratzinger, war nach eigenem Bekunden eingeweiht. „Mein Bruder wünscht sich
    im Alter mehr Ruhe.“ – a quotation that opens its sentence right after a sentence whose subject names a person (an
    actor) other than the speaker of the last claim continues that person, not the older speaker (switch
    ``quote_new_subject``)."""
    if not c.R.switch("quote_new_subject") or si == 0:
        return None
    sp = prev_subject(c, si)
    if sp is None or not has_person_actor(c, sp) or not plausible_head(c, sp):
        return None                     # "beurteilte X das Pontifikat Benedikt XVI.": a thing, not the person in it
    if last.speaker is not None and last.speaker[0] < sp[1] and sp[0] < last.speaker[1]:
        return None
    if last.msg is not None and last.msg[0] <= sp[0] < last.msg[1]:
        return None                     # "Selenskyj habe keine Wahl, erklärt Kurt Volker.": inside what was said
    key = resolve_speaker(c, sp, [])
    return sp if key is not None and key != last.speaker_key else None


TIME_SPAN_WORDS = ("ende", "anfang", "mitte", "beginn", "letzten", "letzte", "vergangenen", "vergangene", "kommenden",
                   "diesen", "dieses", "am", "im", "seit")


def time_speaker(c: Ctx, sp: tuple[int, int] | None) -> tuple[int, int] | None:
    """Die Wochenzeitschrift hatte letzten September kritisiert, dass … / Ende August war bekannt geworden: … – a span that
    is only a time expression (a month, weekday or time-of-day noun or a year, after "Ende", "Anfang", "letzten" or an
    article) is no speaker: None (switch ``time_speaker``; not when an actor is named there: "der Freitag" as a paper)."""
    if sp is None or not c.R.switch("time_speaker") or sp[1] - sp[0] > 4:
        return sp
    last = c.low[sp[1] - 1]
    if not (last in c.w.months or last in c.w.time_nouns or (last.isdigit() and len(last) == 4)):
        return sp
    if any(c.low[t] not in TIME_SPAN_WORDS and c.low[t] not in c.w.determiners and not c.low[t].isdigit()
           for t in range(sp[0], sp[1] - 1)):
        return sp
    a, b = c.char_span(*sp)
    if any(min(b, me) > max(a, ms) and actor.actor_type in ("person", "organization")
           for ms, me, m, actor in c.mentions):
        return sp
    return None


REASON_OPENERS = ("als", "zur")
REASON_NOUNS = ("begründung", "grund", "erklärung")


def reason_frame_speaker(c: Ctx, f: Found) -> tuple[int, int] | None:
    """Das Gericht wies die Klage ab. Zur Begründung hieß es, der Kläger habe die Frist versäumt. / Als Begründung wurde
    angegeben, … – a claim without a speaker in a sentence that opens with "Als/Zur Begründung" ("Als Grund") gives the
    reasons of the actor the sentence before is about: its subject, when that names an actor (switch
    ``reason_frame_subject``)."""
    if f.speaker is not None or not c.R.switch("reason_frame_subject") or f.sent == 0:
        return None
    a = c.sents[f.sent][0]
    if a + 1 >= len(c.toks) or c.low[a] not in REASON_OPENERS or c.low[a + 1] not in REASON_NOUNS:
        return None
    return prev_subject(c, f.sent) or _prev_root_subject(c, f.sent)


def _prev_root_subject(c: Ctx, si: int) -> tuple[int, int] | None:
    """The parse's subject of the previous sentence's root verb (same paragraph, outside quotations) when it can speak
    ("Das Gericht", "die Stadt Nürnberg"), also without an actor."""
    sa, sb = c.sents[si - 1]
    if not c.has_dep or "\n\n" in c.text[c.toks[sb - 1].idx:c.toks[c.sents[si][0]].idx]:
        return None
    for t in range(sa, sb):
        tok = c.toks[t]
        if tok.dep_ == "ROOT" and c.in_quote[t] < 0:
            sp = subject_dep(c, t) if tok.pos_ in ("VERB", "AUX") else None
            ok = sp is not None and c.in_quote[sp[0]] < 0 and not bad_speaker(c, sp)
            passive = c.low[t] in c.w.passive_auxiliaries or any(
                c.low[ch.i] in c.w.passive_auxiliaries for ch in tok.children)      # "Der Vertrag wurde gekündigt"
            return sp if ok and not passive and plausible_source(c, sp) else None
    return None
