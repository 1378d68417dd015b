"""Clause and message boundaries, verb groups (auxiliaries, particles, passive) and Konjunktiv
tests: token-level helpers the rules share."""
from __future__ import annotations


from .context import CLAUSE_BREAK, Ctx, Hit, PUNCT_END


def impersonal_prep(c: Ctx, k: int) -> bool:
    """Whether token k is a preposition that opens the source of "heißt es" (speech.yaml impersonal_preps: "in
    einer Erklärung", "auf der Webseite"), not one of a request (words.yaml request_nouns in the next three words:
    "hieß es auf Anfrage", "auf Nachfrage des SWR" – who asked, not who answered)."""
    if c.low[k] not in c.R.impersonal_preps:
        return False
    for t in range(k + 1, min(k + 4, len(c.low))):
        if c.low[t] in c.w.request_nouns:
            return False
        if c.low[t] in PUNCT_END or c.low[t] in (",", ";", ":"):
            break
    return True


def has_source_noun(c: Ctx, si: int) -> bool:
    if si < 0:
        return False
    sa, sb = c.sents[si]
    return any(is_source_noun(c, t) for t in range(sa, sb))


def strip_end(c: Ctx, a: int, b: int) -> int:
    """End of [a, b) without trailing sentence punctuation."""
    while b > a and c.low[b - 1] in (".", "!", "?", ";", ",", ":") and c.in_quote[b - 1] < 0:
        b -= 1
    return b


def clause_end(c: Ctx, k: int, b: int) -> int:
    """After a parenthetical frame ending at k: the frame ends the sentence or is
    followed by a comma and the rest of the message."""
    while k < b and c.low[k] not in (",", ".", "!", "?", ";", ":"):
        k += 1
    return k


def msg_around(c: Ctx, a: int, b: int, frame_start: int, frame_end: int) -> tuple[int, int]:
    """Message of an inverted frame (", sagte X" / ", so X") at [frame_start, frame_end)."""
    if frame_end < b and c.low[frame_end] == "," and strip_end(c, frame_end + 1, b) > frame_end + 1 \
            and not any(c.low[t] == ":" or c.in_quote[t] >= 0 for t in range(frame_end + 1, b)) \
            and not (_apposition_rest(c, frame_end + 1, strip_end(c, frame_end + 1, b))
                     and not _predicate_rest(c, frame_start, frame_end + 1)) \
            and not _relative_rest(c, frame_end + 1, strip_end(c, frame_end + 1, b)):
        return (a, strip_end(c, a, b))          # parenthetical: whole sentence
    return (a, frame_start)


def _relative_rest(c: Ctx, k: int, e: int) -> bool:
    """Zwei Drittel der Methoden sind unwirksam, so das Ergebnis einer Studie der Stiftung Warentest, in der 50
    Methoden untersucht wurden. – a relative clause after the frame's comma that runs to the sentence end belongs
    to the speaker, it is no rest of the message."""
    if not c.R.switch("frame_apposition") or k >= e:
        return False
    if c.has_pos and c.toks[k].pos_ == "ADP" and k + 1 < e and c.low[k + 1] in c.w.relative_pronouns:
        return c.toks[e - 1].pos_ in ("VERB", "AUX")    # "…, in der Autorin X 50 Methoden untersucht": verb last
    return is_relative(c, k) and next_comma_clause(c, k, e) >= e


def _apposition_rest(c: Ctx, k: int, e: int) -> bool:
    """Der Protoplanet ist 14-mal so schwer wie Jupiter, erklärte Jane Greaves von der University of St.
    Andrews, Schottland. – what follows the frame's comma has no verb: an apposition of the speaker (or a
    separated particle, ", Bagus Puruhito, mit"), no rest of the message."""
    if not c.has_pos or not c.R.switch("frame_apposition"):
        return False
    return not any(_rest_verb(c, t) or c.is_konj(t) for t in range(k, e))


def _predicate_rest(c: Ctx, frame_start: int, k: int) -> bool:
    """Die Lage sei, sagte er, ernst. – a message cut by the frame right after its finite verb ("sei") goes on after
    the frame: a lower-case predicative word there ("ernst", "schwierig") is its rest, no apposition of the speaker
    (switch ``predicate_rest``)."""
    if not c.R.switch("predicate_rest") or frame_start < 1 or k >= len(c.toks):
        return False
    v, tok = c.toks[frame_start - 1], c.toks[k]
    finite = v.text.islower() and c.in_quote[frame_start - 1] < 0 and (
        v.tag_ in ("VAFIN", "VMFIN", "VVFIN") or c.is_konj(frame_start - 1))
    return finite and tok.text.isalpha() and tok.text.islower() and c.in_quote[k] < 0 \
        and tok.pos_ in ("ADJ", "ADV", "VERB") and c.low[k] not in c.w.function_words


def _rest_verb(c: Ctx, t: int) -> bool:
    """…, sagte der Vorsitzende des Ausschusses, Helge Braun (CDU), dem Sender n-tv. – a verb of the rest after a
    frame; a name the model tags a verb ("n-tv": not alphabetic, or inside an entity) is none (switch
    ``frame_rest_name``)."""
    tok = c.toks[t]
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return not (c.R.switch("frame_rest_name") and (not tok.text.isalpha() or t in c.ent_at))


def quote_is_sentence(c: Ctx, qs: int, qe: int) -> bool:
    sa = c.sents[c.sent_of[qs]][0]
    starts = qs == sa or c.low[qs - 1] in (":",) or (qs - 1 >= 0 and c.is_punct(qs - 1) and c.low[qs - 1] in PUNCT_END) \
        or _after_abbreviation_stop(c, qs)
    inner_end = c.low[qe - 2] in PUNCT_END
    nxt = c.low[qe] if qe < len(c.toks) else "."
    return starts and (inner_end or nxt in PUNCT_END)


def _after_abbreviation_stop(c: Ctx, qs: int) -> bool:
    """„…“, erklärt Andre Schmidt, Geschäftsführer der Toyota Deutschland GmbH. „Mit dem Aygo X werden wir …“ – a
    quotation after a word whose abbreviation point ends the sentence ("GmbH.", "Co.", "Inc.": the tokenizer keeps the
    point in the word and the sentence goes on) starts a sentence of its own when it opens with a capital letter.
    Switch ``abbreviation_stop_quote``."""
    if qs < 2 or qs + 1 >= len(c.toks) or not c.R.switch("abbreviation_stop_quote"):
        return False
    prev, first = c.toks[qs - 1].text, c.toks[qs + 1].text
    return len(prev) > 2 and prev.endswith(".") and prev[-2].isalpha() and first[:1].isupper() \
        and c.in_quote[qs - 1] < 0 and not c.toks[qs - 1].is_space


def attach_aux(c: Ctx, h: Hit, limit: int) -> None:
    """'hatte gesagt' / 'gesagt hatte' / 'hat angekündigt': the auxiliary joins the cue;
    so do 'sich' right after the verb and a pronominal adverb right before the particle."""
    if h.i + 1 < limit and c.low[h.i + 1] == "sich":
        h.particle = sorted({*h.particle, h.i + 1})
    for p in list(h.particle):
        if p > h.i + 1 and c.low[p - 1] in c.w.pronominal_adverbs:
            h.particle = sorted({*h.particle, p - 1})
    if h.particle and not h.entry.split and h.i > 0 and c.low[h.i - 1] in c.w.pronominal_adverbs:
        pass
    if not h.entry.participle:
        return
    j = h.particle[-1] + 1 if h.particle else h.i + 1
    if j < limit and c.low[j] in c.R.auxiliaries:
        h.aux = [j]
        return
    for k in range(h.i - 1, max(-1, h.i - 12), -1):
        if c.in_quote[k] >= 0 and c.in_quote[k] != c.in_quote[h.i]:
            continue
        if c.low[k] in CLAUSE_BREAK:
            break
        if c.low[k] in c.R.auxiliaries:
            h.aux = [k]
            if c.R.switch("cue_frame_words") and k + 1 < h.i and c.low[k + 1] == "sich":
                h.particle = sorted({*h.particle, k + 1})   # "hat sich … geäußert": the reflexive joins the cue
            return


def is_passive(c: Ctx, h: Hit) -> bool:
    return h.entry.participle and any(c.low[k] in c.w.passive_auxiliaries for k in h.aux)


def is_source_noun(c: Ctx, k: int) -> bool:
    w = c.toks[k].text
    if w.endswith("s") and (w[:-1] in c.R.nouns or (w.endswith("es") and w[:-2] in c.R.nouns)):
        return True                     # a genitive: "gemäß eines Urteils", "laut des Berichts"
    if c.R.switch("hyphen_source_noun") and "-" in w.strip("-") and w.rsplit("-", 1)[1] in c.R.nouns:
        return True                     # "nach einem EU-Dokument": the compound's head after the hyphen
    return w in c.R.nouns or w.lower().endswith(c.R.noun_suffixes)


def msg_without(c: Ctx, a: int, b: int, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """The sentence without a source phrase at its start or end."""
    end = strip_end(c, a, b)
    p0, p1 = phrase
    if p0 <= a + 1 and (p0 == a or c.low[a] in ("und", "doch", "aber", "auch", "denn")):
        m = p1
        while m < end and c.low[m] in (",",):
            m += 1
        return (m, end) if end > m else None
    if p1 >= end:
        e = p0
        while e > a and c.low[e - 1] in (",",):
            e -= 1
        return (a, e) if e > a else None
    return (a, end)


def in_parens(c: Ctx, i: int, a: int, b: int) -> bool:
    """Token i stands inside a parenthesis of its sentence: "(Wikinews berichtete)"."""
    opened = False
    for t in range(a, i):
        if c.low[t] == "(":
            opened = True
        elif c.low[t] == ")":
            opened = False
    return opened and any(c.low[t] == ")" for t in range(i + 1, b))


NONFINITE_TAGS = {"VVPP", "VVINF", "VVIZU", "VAINF", "VAPP", "VMINF", "VMPP", "VBN", "VB", "ADJD", "ADJA"}


def _finite_ind(c: Ctx, t: int) -> bool:
    """A finite verb in the indicative (by the model's tags): it starts a coordinated main clause."""
    tok = c.toks[t]
    return (c.has_pos and tok.pos_ in ("VERB", "AUX") and tok.text.islower() and tok.tag_ not in NONFINITE_TAGS
            and ("Fin" in tok.morph.get("VerbForm") or tok.tag_ in ("VVFIN", "VAFIN", "VMFIN")
                 or "Ind" in tok.morph.get("Mood"))
            and not c.is_konj(t) and c.in_quote[t] < 0)


def konj_end(c: Ctx, k: int, b: int) -> int:
    """End of a Konjunktiv clause: the sentence end, or where the matrix subject's next
    predicate starts (", erkannte ... an", "und bemühte ...")."""
    for t in range(k + 1, b - 1):
        if c.in_quote[t] >= 0:
            continue
        if c.low[t] in (",", "und", "aber", "sowie") and _finite_ind(c, t + 1):
            return strip_end(c, k, t)
        if c.low[t] == "," and _narrator_contrast(c, k, t, b):
            return strip_end(c, k, t)
        if c.low[t] == ":" and c.is_quote_mark(t + 1):
            return konj_end(c, k, t)
    return strip_end(c, k, b)


def _narrator_contrast(c: Ctx, k: int, t: int, b: int) -> bool:
    """Der Angeklagte sei nicht vorbestraft, doch die Richterin ließ sich auf keinen Kompromiss ein. – after a message in
    the Konjunktiv I, a clause opened by "doch"/"jedoch"/"aber" whose finite verb is in the indicative and comes after
    its first phrase (a main clause of its own) is the writer's narration again, no part of the message (switch
    ``narrator_contrast``)."""
    if not c.R.switch("narrator_contrast") or t + 3 >= b or c.low[t + 1] not in ("doch", "jedoch", "aber") \
            or c.in_quote[t + 1] >= 0:
        return False
    end = next((m for m in range(t + 2, b) if c.low[m] in (",", ";", ":") or c.in_quote[m] >= 0), b)
    clause = range(t + 2, end)
    if any(c.is_konj(m) for m in clause) or not any(is_konj1(c, m) for m in range(k, t) if c.in_quote[m] < 0):
        return False
    fin = next((m for m in clause if _finite_ind(c, m)), None)
    return fin is not None and fin > t + 2


def is_clause(c: Ctx, a: int, e: int, frame: int | None = None) -> bool:
    """The message of an inverted frame is a clause: its first segment has a verb, or it has a
    Konjunktiv. "Albrecht Conze, der Direktor der Mission, bezeichnete …" frames no claim."""
    if c.low[a] in c.w.subordinators | {"falls", "sobald", "solange"} and c.low[a] not in ("dass", "ob") \
            and not adverb_opener(c, a, e) and not fronted_clause_main(c, a, min(e, frame or e)):
        return False                   # a fronted adverbial clause: "Wenn …, droht ihm …"
    if not c.has_pos:
        return True
    if any(c.is_konj(t) for t in range(a, e) if c.in_quote[t] < 0):
        return True
    seg_end = next_comma(c, a, e)
    return any(c.toks[t].pos_ in ("VERB", "AUX") or c.in_quote[t] >= 0 for t in range(a, seg_end))


FINITE_TAGS = ("VVFIN", "VAFIN", "VMFIN", "VBC")


def fronted_clause_main(c: Ctx, a: int, e: int) -> bool:
    """Während Bund und Länder stritten, gingen Häuser in die Insolvenz, erklärte der Verband. – a message of an
    inverted frame that opens with a subordinate clause is a clause when a main clause follows that clause inside
    the message: a finite verb right after the comma that closes it ("…, gingen Häuser …", "…, müssten …"); the
    subordinate clause alone ("Wenn er verurteilt wird, droht ihm …": "droht" frames nothing) stays no message
    (switch ``fronted_clause_main``)."""
    if not (c.R.switch("fronted_clause_main") and c.has_pos):
        return False
    k = next_comma_clause(c, a + 1, e)  # e: the frame's comma ("Wie sehr …, bemerkten viele erst, als …": no main clause)
    if k + 1 >= e or c.in_quote[k + 1] >= 0:
        return False
    tok = c.toks[k + 1]
    return tok.text.islower() and (tok.tag_ in FINITE_TAGS or "Fin" in c.feats[k + 1].get("VerbForm", ()))


def adverb_opener(c: Ctx, k: int, b: int) -> bool:
    """Damit seien „der Kurs und die Berechenbarkeit der SPD nicht mehr so klar“. / Damit sei ein Streik verhindert
    worden, teilte die Gewerkschaft mit. – "damit" or "da" (words.yaml adverb_subordinators) right before a finite verb
    is an adverb in the Vorfeld of a verb-second main clause (a clause it opened would end with its verb), no fronted
    subordinate clause (switch ``adverb_subordinator``)."""
    if not (c.R.switch("adverb_subordinator") and c.has_pos and k + 1 < b and c.low[k] in c.w.adverb_subordinators):
        return False
    nxt = c.toks[k + 1]
    return c.in_quote[k + 1] < 0 and nxt.text.islower() and (
        nxt.tag_ in ("VVFIN", "VAFIN", "VMFIN", "VBC") or "Fin" in c.feats[k + 1].get("VerbForm", ()))


def halten_fuer(c: Ctx, h: Hit, k: int, e: int) -> list[int]:
    """Der Experte hält es für möglich, dass … – "halten es für" + adjective frames the clause as one cue
    ("hält es für möglich"); the words between the verb and its comma, else nothing."""
    if c.toks[h.i].lemma_.lower() != "halten" or c.low[k:k + 2] != ["es", "für"] or e - k > 5 or e <= k + 2:
        return []
    if c.has_pos and not any(c.toks[t].pos_ in ("ADJ", "ADV") for t in range(k + 2, e)):
        return []
    return list(range(k, e))


def is_correlate(c: Ctx, t: int) -> bool:
    """Die Ministerin verwies darauf, dass … – a pronominal adverb after the verb is the correlate of
    its clause and joins the cue; "sagte dazu", "erklärte dagegen" (about it, on the other hand) do not."""
    return c.low[t] in c.w.pronominal_adverbs and c.low[t] not in c.w.topic_adverbs


def frame_words(c: Ctx, k: int, e: int) -> list[int]:
    """Words of the frame that the annotation counts as cue: a correlate ("sagte dazu",
    "verwies darauf") and "mit den Worten"."""
    out = [t for t in range(k, e) if is_correlate(c, t) and c.in_quote[t] < 0]
    for t in range(k, e - 2):
        if c.low[t:t + 3] == ["mit", "den", "worten"]:
            out += [t, t + 1, t + 2]
    return out


def is_relative(c: Ctx, k: int) -> bool:
    """A relative pronoun at k ("…, der gestern …"), not an article ("…, der erste Flug sei …")."""
    if c.low[k] not in c.w.relative_pronouns:
        return False
    nxt = c.toks[k + 1] if k + 1 < len(c.toks) else None
    if nxt is None:
        return False
    if c.has_pos:
        if v2_article(c, k):
            return False
        if c.toks[k].tag_ in ("PRELS", "PRELAT", "REL"):
            return True
        return nxt.pos_ not in ("ADJ", "NOUN", "PROPN", "NUM")
    return not nxt.text[:1].isupper()


FINITE_TAGS = ("VVFIN", "VAFIN", "VMFIN", "VBC")


def v2_article(c: Ctx, k: int) -> bool:
    """Struck sagte, die Kritik an der Feier sei falsch. / Merkel sagte, das sei falsch. – "der/die/das" the tagger
    calls a relative pronoun is an article (or a demonstrative) when a noun phrase (or nothing) and a finite verb
    follow it and the clause goes on after that verb (verb second: a main clause); a relative clause puts its
    finite verb last ("Merkel, die Kritik an ihm übte, …")."""
    j, n, noun = k + 1, len(c.toks), False
    adv = c.R.switch("v2_article_adverb")      # "…, die noch zu schaffende Übergangsverfassung werde …"
    while j < min(n, k + 10) and c.in_quote[j] < 0 and (
            c.toks[j].pos_ in ("ADJ", "NOUN", "PROPN", "NUM") or (noun and c.toks[j].pos_ in ("ADP", "DET"))
            or (adv and not noun and (c.toks[j].pos_ in ("ADV", "PART", "VERB") or c.low[j] == "zu")
                and c.toks[j].text.islower())):
        noun = noun or c.toks[j].pos_ in ("NOUN", "PROPN")
        j += 1
    if j + 1 >= n or (j > k + 1 and c.toks[j - 1].pos_ not in ("NOUN", "PROPN")):
        return False
    tok = c.toks[j]
    finite = tok.pos_ in ("VERB", "AUX") and (tok.tag_ in FINITE_TAGS or "Fin" in tok.morph.get("VerbForm"))
    return finite and c.in_quote[j] < 0 and not c.is_punct(j + 1) and c.low[j + 1] not in ("und", "oder", "sowie")


def apposition_comma(c: Ctx, k: int, sp: tuple[int, int] | None) -> bool:
    return sp is not None and sp[0] <= k < sp[1]


def next_comma_clause(c: Ctx, k: int, b: int) -> int:
    """End of a verb-final clause starting at k: the first comma after its finite verb."""
    seen_verb = False
    for t in range(k, b):
        if c.low[t] == "," and c.in_quote[t] < 0 and seen_verb:
            return t
        if c.has_pos and c.toks[t].pos_ in ("VERB", "AUX"):
            seen_verb = True
    return b


def next_comma(c: Ctx, k: int, b: int) -> int:
    while k < b and not (c.low[k] == "," and c.in_quote[k] < 0):
        k += 1
    return k


def embedded_end(c: Ctx, k: int, b: int) -> int:
    """End of a dass-clause: the sentence end, or where a main clause takes over
    ("Als sie bemerkte, dass …, flüchtete sie")."""
    return konj_end(c, k, b)


def is_hearsay(c: Ctx, a: int, b: int) -> bool:
    """'Er soll zwei Menschen eingeschleust haben': sollen with a perfect infinitive reports
    what others say."""
    toks = [t for t in range(a, b) if c.in_quote[t] < 0]
    for t in toks:
        if c.low[t] in c.w.hearsay_modals:
            rest = [x for x in toks if x > t and c.low[x] not in (",", ".", "!", "?", ";", ":")]
            seg_end = next_comma(c, t, b)
            tail = [x for x in rest if x < seg_end]
            if len(tail) >= 2 and c.low[tail[-1]] in c.w.perfect_auxiliaries and (
                    c.low[tail[-2]].startswith("ge") or c.low[tail[-2]].endswith(("t", "en")) or
                    c.low[tail[-2]] == "worden"):
                return True
            if len(tail) >= 2 and (c.low[tail[-1]] in c.R.hearsay_infinitives
                                   or c.low[rest[-1]] in c.R.hearsay_infinitives):
                return True             # "Das Motiv soll eine Kränkung der Familienehre sein"
    return False


def is_konj1(c: Ctx, t: int) -> bool:
    """A Konjunktiv I form, strictly: from the lexicon, or a -e form the model marks as
    subjunctive (not the preterite "wurde", "sagte")."""
    lw = c.low[t]
    if c.in_quote[t] >= 0 or lw in c.w.konjunktiv2:
        return False
    # the form test first: ``c.is_konj`` (pure, and the costly part) is asked only for a form that could pass
    # (issue 16: most tokens end in neither a lexicon form nor -e)
    if not (lw in c.R.konjunktiv or (lw.endswith("e") and not lw.endswith("te") and lw not in c.w.preterites_in_e)):
        return False
    if c.R.switch("capitalized_not_konj") and c.toks[t].text[:1].isupper() and c._capitalized_noun(t):
        return False                    # "von Trainer Lasse Olsen getrennt": a name inside the sentence, no "lasse" (clm18)
    return c.is_konj(t)


def looks_like_name(c: Ctx, qs: int, qe: int) -> bool:
    inner = range(qs + 1, qe - 1)
    if any(t in c.ent_at for t in inner) and all(c.toks[t].text[:1].isupper() for t in inner):
        return True
    return False


def crosses_quote(c: Ctx, s0: int, s1: int) -> bool:
    """A speaker span that holds part of a quotation but not all of it: 'besonders schweren
    Eingriff in das Persönlichkeitsrecht“' (a quoted name, das „Wall Street Journal“, lies inside)."""
    for t in range(s0, s1):
        q = c.in_quote[t]
        if q >= 0 and (c.quote_tok[q][0] < s0 or c.quote_tok[q][1] > s1):
            return True
    return False


def close_quote(c: Ctx, s0: int, s1: int) -> tuple[int, int] | None:
    """A speaker that ends inside a short quoted name takes the rest of the name (der neue „Oberste
    Rat zur Wiederherstellung der Demokratie“); one that starts inside a quotation is none."""
    q = c.in_quote[s1 - 1]
    if c.in_quote[s0] >= 0 or q < 0:
        return None
    qs, qe, _ = c.quote_tok[q]
    if qe - qs > 14 or c.sent_of[qe - 1] != c.sent_of[s0] or crosses_quote(c, s0, qs):
        return None
    return (s0, qe)


def clause_start(c: "Ctx", i: int, lo: int) -> int:
    """First token of the clause holding token ``i``: after the last unquoted , ; : before it (or ``lo``)."""
    for m in range(i - 1, lo - 1, -1):
        if c.low[m] in (",", ";", ":") and c.in_quote[m] < 0:
            return m + 1
    return lo


def trim_addressee(c: Ctx, sp: tuple[int, int] | None) -> tuple[int, int] | None:
    """„…“, sagte Habeck der Deutschen Presse-Agentur. / …, sagte Innenministerin Nancy Faeser (SPD), dem ZDF. – in the
    speaker span after an inverted verb, "dem …" (never a genitive) after the head, or "der …" right after a proper name
    (a genitive attribute follows a common noun: "ein Sprecher der Polizei", never a bare name) opens the dative
    addressee; the speaker ends before it (switch ``trailing_addressee``)."""
    if sp is None or not (c.R.switch("trailing_addressee") and c.has_pos):
        return sp
    for t in range(sp[0] + 1, sp[1] - 1):
        if c.in_quote[t] >= 0 or not c.toks[t + 1].text[:1].isupper() and not c.is_quote_mark(t + 1):
            continue
        prev = t - 1
        while prev > sp[0] and c.low[prev] == ",":
            prev -= 1
        name = c.toks[prev].pos_ == "PROPN" or c.low[prev] == ")" or (
            prev in c.ent_at and c.ent_at[prev][2] == "PER" and c.ent_at[prev][1] == prev + 1)
        if (c.low[t] == "dem" and (name or c.toks[prev].pos_ == "NOUN")) or (c.low[t] == "der" and name
                                                                             and c.low[t - 1] != ","):
            end = t
            while end > sp[0] and c.low[end - 1] == ",":
                end -= 1
            return (sp[0], end)
    return sp
