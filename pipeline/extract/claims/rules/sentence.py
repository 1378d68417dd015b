"""The per-sentence rules that are not quote- or verb-driven: source prepositions, ", so X",
noun cues, "wonach", "heißt es", anaphoric frames and source adverbs."""
from __future__ import annotations

from ..clauses import impersonal_prep  # noqa: E402
from ..clauses import (
    FINITE_TAGS, is_konj1, is_relative, konj_end,
    attach_aux, clause_end, clause_start, embedded_end, has_source_noun, is_passive, is_source_noun,
    msg_around, msg_without, next_comma, next_comma_clause, strip_end)
from ..context import CLAUSE_BREAK, Ctx, Found, Hit, Sent
from .filters import not_a_claim
from .quote import attribute_quote
from ..registry import rule
from ..sentence_gates import sentence_may_hold, sentence_plan
from ..speaker import fronted_impersonal_source, noun_head_subject, von_source  # noqa: E402
from ..speaker import (
    bad_speaker, find_subject, grab_np, has_actor, own_source_subject, passive_agent, plausible_speaker, prev_source_actor,
    resolve_speaker, subject_after)
from ..triggers import DASHES, VerbEntry
from .verb import _zu_form, _zu_trailing_clause, verb_claim
from .continuation import adverb_source_np
from .speaker_chain import impersonal_prev_source


def sentence_claims(c: Ctx, si: int, a: int, b: int, found: list[Found], covered: set[int]) -> list[Found]:
    """The claims of sentence ``si`` = tokens [a, b): the ``sentence`` rules in rule-data order."""
    s = Sent(c, si, a, b, found, covered)
    for fn, need in sentence_plan(c.stages["sentence"]):
        if need is None or sentence_may_hold(c, need, a, b):      # (sentence_gates: its cue word in the sentence)
            fn(s)
    return s.out


@rule("each_quote", "sentence")
def each_quote(s: Sent) -> None:
    """„Wir bleiben“, sagte er. – runs the ``quote`` rules on every top-level quotation that starts
    in the sentence and no earlier sentence has claimed."""
    c = s.c
    for qi, (qs, qe, q) in enumerate(c.quote_tok):
        if q.depth != 0 or not (s.a <= qs < s.b) or qi in s.covered:
            continue
        f = attribute_quote(c, qi, qs, qe, s.si, s.found + s.out, s.used)
        if f:
            s.covered.add(qi)
            s.out.append(f)


@rule("source_prep", "sentence")
def source_prep(s: Sent) -> None:
    """Laut Polizei gab es keine Verletzten. – a source preposition (laut X, nach Angaben X,
    X zufolge, gemäß X); the rule id names the preposition: source_laut, source_nach, ..."""
    framed = [f for f in s.out if f.cue and f.msg is not None and f.speaker is not None]
    for f in _source_preps(s.c, s.si, s.a, s.b, s.used):
        if any(_in_frame(g, f) for g in framed):
            continue                    # "X sagte laut Manuskript: „…“": the source qualifies X's frame
        s.out.append(f)


def _in_frame(g: Found, f: Found) -> bool:
    """Source claim f's cue lies in the frame of claim g (before or after g's message, not inside it)
    and f's message holds g's cue: the preposition qualifies g's frame, it is no claim of its own."""
    t = f.cue[0]
    return not (g.msg[0] <= t < g.msg[1]) and f.msg is not None and any(f.msg[0] <= k < f.msg[1] for k in g.cue)


@rule("anaphoric_frame", "sentence")
def anaphoric_frame(s: Sent) -> None:
    """… . Das bestätigte Regierungssprecher Steffen Hebestreit. – the frame of the previous
    sentence (a quotation there becomes ``quote_anaphoric``)."""
    c, a, b = s.c, s.a, s.b
    if s.si > 0 and b - a >= 3 and c.in_quote[a] < 0 and c.low[a] == "so" and c.R.switch("so_sentence_frame"):
        f = _so_sentence(c, s.si, a, b, s.found, s.used, s.covered)
        if f is not None:
            s.out.append(f)
            return
    if s.si > 0 and b - a >= 3 and c.in_quote[a] < 0 and (
            c.low[a] in c.w.anaphoric_pronouns or (c.low[a] == "so" and b - a >= 4 and c.low[a + 2] == "es")):
        f = _anaphoric_frame(c, s.si, a, b, s.found, s.used, s.covered)
        if f is not None:
            s.out.append(f)
            if c.R.switch("anaphoric_paragraph"):
                _add_earlier(s, f, _earlier_sentences(c, s.si, f, s.found))


ANAPHORIC_BACK = 2      # sentences before the framed one that the frame may also cover


def _add_earlier(s: Sent, f: Found, earlier: list[Found]) -> None:
    """The claims of the sentences before the framed one that the frame also covers: one claim each, or with the switch
    ``anaphoric_merge`` (off; on in the ``wikinews`` profile, whose gold marks "… . … . Das berichtete X." as one span,
    as it merges a Konjunktiv run) one claim from the first of them to the end of the framed sentence (wik18)."""
    if earlier and s.c.R.switch("anaphoric_merge"):
        f.msg = (earlier[0].msg[0], f.msg[1])
    else:
        s.out[:0] = earlier


def _earlier_sentences(c: Ctx, si: int, f: Found, found: list[Found]) -> list[Found]:
    """"… . … . Das teilt der Deutsche Wetterdienst mit." – the frame also covers up to two sentences
    before the one it follows, within the paragraph, while those have no claim or quotation of their own
    (each sentence one claim, the frame's speaker and cue)."""
    out = []
    for sj in range(si - 2, max(-1, si - 2 - ANAPHORIC_BACK), -1):
        pa, pb = c.sents[sj]
        na = c.sents[sj + 1][0]
        if "\n" in c.text[c.toks[pb - 1].idx:c.toks[na].idx] or any(g.sent == sj for g in found) \
                or any(c.in_quote[t] >= 0 for t in range(pa, pb)) or c.low[pb - 1] in ("?", ":") \
                or (c.R.switch("anaphoric_lead_stop") and _lead_sentence(c, sj)):
            break
        end = strip_end(c, pa, pb)
        if end <= pa:
            break
        out.insert(0, Found((pa, end), None, f.speaker, list(f.cue), "indirect", "anaphoric_frame", si))
    return out


def _lead_sentence(c: Ctx, sj: int) -> bool:
    """Sentence sj is the article's lead: its first sentence, after nothing but one-sentence paragraphs (title lines).
    "Der HC Mittelsachsen Döbeln steht vor dem Aus. Der Verein hat Insolvenz beantragt. Das bestätigte Präsident
    Oehme." – the lead sums the story up in the author's words; the frame covers only the fact after it (switch
    anaphoric_lead_stop)."""
    return all("\n" in c.text[c.toks[c.sents[k][1] - 1].idx:c.toks[c.sents[k + 1][0]].idx] for k in range(sj))


@rule("each_verb", "sentence")
def each_verb(s: Sent) -> None:
    """Man könne über eine Lockerung reden, sagte Merz. – runs the ``verb`` rules on every speech
    or cognition verb of the sentence outside quotations."""
    c = s.c
    for i in c.triggered("each_verb", s.a, s.b):       # a form or lemma of speech.yaml's verbs
        if (i in s.used and i not in c.inverted_ok) or c.in_quote[i] >= 0:
            continue
        h = c.verb_hit(i, s.b)
        if h is None:
            continue
        f = verb_claim(c, h, s.si, s.a, s.b, s.used, s.out, only_inverted=i in c.inverted_ok)
        if f:
            s.out.append(f)


def _so_speaker_end(c: Ctx, sp: tuple[int, int], b: int) -> tuple[int, int] | None:
    """The speaker of ", so X" with what follows it up to the clause end, or None when a verb
    follows (", so das Ergebnis einer Studie mit dem Titel „…“ der Stiftung X.")."""
    if sp[1] < b and c.low[sp[1]] not in (",", ".", "!", "?", ";") and c.low[sp[1]] not in c.w.skippable \
            and c.low[sp[1]] not in c.w.so_frame_followers:
        ce = clause_end(c, sp[1], b)
        if ce - sp[1] > 15 or not c.has_pos or any(c.toks[t].pos_ in ("VERB", "AUX") and c.in_quote[t] < 0
                                                   for t in range(sp[1], ce)):
            return None
        return (sp[0], ce)
    return sp


@rule("so_marker", "sentence")
def so_marker(s: Sent) -> None:
    """Die Lage sei ernst, so der Minister. – ", so X" after a clause."""
    c, a, b = s.c, s.a, s.b
    for i in c.triggered("so_marker", a + 1, b - 1, offset=1):        # ", so"
        if i in s.used or c.in_quote[i] >= 0:
            continue
        sp = grab_np(c, i + 1, b)
        if sp is None or bad_speaker(c, sp):
            continue
        sp = _so_speaker_end(c, sp, b)
        if sp is None:
            continue
        if any(f.msg and f.msg[0] <= i < f.msg[1] and f.ctype == "direct" for f in s.out):
            continue
        msg = msg_around(c, a, b, i - 1, clause_end(c, sp[1], b))
        s.used.update(range(i, sp[1]))
        s.out.append(Found(msg, None, sp, [i], "indirect", "so_marker", s.si))


@rule("so_dash", "sentence")
def so_dash(s: Sent) -> None:
    """Der Fahrer sei – so die Polizei – betrunken gewesen. – ", so X" as a dash parenthesis inside the message:
    the speaker's noun phrase, with at most a few words without a verb after it ("– so der Minister am Montag –"),
    is closed by the second dash or ends the sentence; the message is the whole sentence around it."""
    c, a, b = s.c, s.a, s.b
    for i in c.triggered("so_dash", a + 1, b - 1, offset=1):          # "– so"
        if i in s.used or c.in_quote[i] >= 0:
            continue
        sp = grab_np(c, i + 1, b)
        if sp is None or bad_speaker(c, sp) or not plausible_speaker(c, sp):
            continue
        end = next((k for k in range(sp[1], b) if c.toks[k].text in DASHES or c.low[k] in (".", "!", "?")), b)
        if end - sp[1] > 12 or any(c.has_pos and c.toks[k].pos_ in ("VERB", "AUX") for k in range(sp[1], end)):
            continue                    # "– so viel ist klar –": a clause, no speaker's phrase up to the dash
        if not any(is_konj1(c, t) for t in range(a, b) if not i <= t < end) and \
                (not has_actor(c, sp) and any(is_source_noun(c, t) for t in range(*sp)) or any(is_relative(c, k) for k in range(a, i))):
            continue                    # "– so der eigene Wunsch –", "bei der – so seine Version – 1,5 Millionen …"
        s.used.update(range(i - 1, min(end + 1, b)))
        s.out.append(Found((a, strip_end(c, a, b)), None, sp, [i], "indirect", "so_dash", s.si))


@rule("noun_dass", "sentence")
def noun_dass(s: Sent) -> None:
    """X ist der Meinung, dass … / die Forderung der CDU, dass … – a noun cue before a dass-clause."""
    c, a, b = s.c, s.a, s.b
    for k in c.triggered("noun_dass", a + 1, b - 1):                   # ", dass"
        if c.in_quote[k] >= 0 or k in s.used:
            continue
        if any(f.msg and f.msg[0] <= k + 1 < f.msg[1] for f in s.out):
            continue
        f = _noun_cue(c, s.si, a, b, k, s.used)
        if f is not None:
            s.out.append(f)


@rule("noun_konj", "sentence")
def noun_konj(s: Sent) -> None:
    """Die Frage wurde mit der Begründung verneint, der Link verweise nur auf ein Werk. / Er äußerte die Hoffnung,
    die Lage werde sich bessern. – a noun of speech or thought before a comma and a Konjunktiv-I clause."""
    c, a, b = s.c, s.a, s.b
    for k in range(a + 1, b - 2):
        if c.low[k] != "," or c.in_quote[k] >= 0 or k in s.used:
            continue
        if any(f.msg and f.msg[0] <= k + 1 < f.msg[1] for f in s.out) \
                or c.low[k + 1] in c.w.subordinators or c.low[k + 1] in c.R.complementizers:
            continue
        seg_end = strip_end(c, k + 1, next_comma_clause(c, k + 1, b))
        t = next((t for t in range(k + 2, min(seg_end, k + 8)) if is_konj1(c, t)), None)
        if t is None or (is_relative(c, k + 1) and t == seg_end - 1):
            continue                    # "die Kritik, die er geäußert habe": a relative clause (verb last)
        f = _noun_cue(c, s.si, a, b, k, s.used)
        if f is not None:
            end = konj_end(c, k + 1, b)
            if c.R.switch("noun_konj_embedded"):
                end = _embedded_konj_end(c, k + 1, end, b)
            f.msg = (k + 1, end)
            f.rule = "noun_konj"
            s.out.append(f)


ZU_OPENERS = ("um", "ohne", "statt", "anstatt", "außer")     # purpose and manner clauses: no content of the noun


@rule("noun_zu", "sentence")
def noun_zu(s: Sent) -> None:
    """Thaksin wandte sich an seine Anhänger mit der Aufforderung, ihre Macht zu demonstrieren. – a noun of demand,
    warning or accusation (speech.yaml demand_nouns) right before a comma and a zu-infinitive clause: the clause is
    what was demanded; cue and speaker as for noun_dass."""
    c, a, b = s.c, s.a, s.b
    for k in range(a + 1, b - 2):
        if c.low[k] != "," or c.in_quote[k] >= 0 or k in s.used or c.low[k + 1] in ZU_OPENERS:
            continue
        if any(f.msg and f.msg[0] <= k + 1 < f.msg[1] for f in s.out):
            continue
        e = strip_end(c, k + 1, next_comma(c, k + 1, b))
        if e - k < 3 or c.in_quote[e - 1] >= 0 or not (
                c.low[e - 2] == "zu" or (c.has_pos and c.toks[e - 1].tag_ == "VVIZU") or _zu_form(c, c.low[e - 1])):
            continue
        f = _noun_cue(c, s.si, a, b, k, s.used, nouns=c.R.demand_nouns)
        if f is not None:
            end = _zu_trailing_clause(c, k + 1, e, b) if c.R.switch("zu_trailing_clause") else e
            f.msg, f.rule = (k + 1, end), "noun_zu"
            s.out.append(f)


def _embedded_konj_end(c: Ctx, m0: int, end: int, b: int) -> int:
    """Er trat dem Vorwurf der Verteidigung, das Gericht sei nicht legitim, mit den Worten entgegen. – a Konjunktiv clause
    after a noun inside the main clause ends at its comma when what follows resumes the main clause: a segment without a
    verb ("mit den Worten entgegen") or opening with a finite verb ("…, wachsen Befürchtungen"). Switch
    ``noun_konj_embedded``."""
    if not c.has_pos:
        return end
    k = m0
    while k < end and not (c.low[k] == "," and c.in_quote[k] < 0 and any(c.is_konj(t) for t in range(m0, k))):
        k += 1
    if k >= end or k + 1 >= b:
        return end
    seg_end = next((t for t in range(k + 1, b) if c.low[t] in (",", ";", ":") and c.in_quote[t] < 0), b)
    seg = [t for t in range(k + 1, seg_end) if c.in_quote[t] < 0 and not c.is_punct(t)]
    if not seg or any(c.is_konj(t) for t in seg) or c.low[seg[0]] in c.w.subordinators:
        return end
    verbs = [t for t in seg if c.toks[t].pos_ in ("VERB", "AUX")]
    if not verbs or verbs[0] == seg[0]:
        return strip_end(c, m0, k)
    return end


@rule("wonach", "sentence")
def wonach(s: Sent) -> None:
    """Es gibt einen Bericht der Polizei, wonach … – a source noun phrase followed by a relative
    clause with the claim."""
    c, a, b = s.c, s.a, s.b
    for i in c.triggered("wonach", a + 2, b - 2, offset=1):           # ", wonach"
        if i in s.used or c.in_quote[i] >= 0:
            continue
        sp = None
        for k in range(max(a, i - 15), i - 1):
            np_ = grab_np(c, k, i - 1, allow_oblique=True)
            if np_ and np_[1] == i - 1:
                sp = np_
                break
        if sp is None or not any(is_source_noun(c, t) for t in range(*sp)):
            sp = _extraposed_source(c, a, i - 1) or sp
        end = strip_end(c, i + 1, next_comma_clause(c, i + 1, b))
        if end > i + 2:
            s.used.add(i)
            s.out.append(Found((i + 1, end), None, sp, [i], "indirect", "wonach", s.si))


SOURCE_RELATIVE_BEFORE = ("nach", "laut", "gemäß")      # ", nach denen …", ", laut dem …"
SOURCE_RELATIVE_AFTER = ("zufolge",)                     # ", denen zufolge …"
SOURCE_RELATIVES = ("denen", "dem", "der", "welchen", "welchem", "welcher")


@rule("source_relative", "sentence")
def source_relative(s: Sent) -> None:
    """Es gibt auch Gerüchte, nach denen Barrett an Krebs litt. / …, mit rechtsstaatlichen Grundsätzen, denen zufolge
    von einer Unschuldsvermutung auszugehen sei. – a relative clause opened by a source preposition and a relative
    pronoun (", nach denen", ", laut dem", ", denen zufolge") says what the noun phrase before its comma says, like
    ", wonach": the claim is the clause, its speaker that noun phrase ("nach"/"gemäß" only after a source or claim
    noun: "Vorschriften, nach denen …" is no report)."""
    c, a, b = s.c, s.a, s.b
    for k in range(a + 2, b - 3):
        if c.low[k] != "," or c.in_quote[k] >= 0 or k + 1 in s.used:
            continue
        p, r = c.low[k + 1], c.low[k + 2]
        if not ((p in SOURCE_RELATIVE_BEFORE and r in SOURCE_RELATIVES) or
                (p in SOURCE_RELATIVES and r in SOURCE_RELATIVE_AFTER)):
            continue
        sp = None
        for j in range(max(a, k - 12), k):
            np_ = grab_np(c, j, k, allow_oblique=True)
            if np_ and np_[1] == k:
                sp = np_
                break
        if sp is None or bad_speaker(c, sp):
            continue
        if "zufolge" != r and p != "laut" and not any(
                is_source_noun(c, t) or c.toks[t].text in c.R.claim_nouns for t in range(*sp)):
            continue                    # "Vorschriften, nach denen …": a rule, no source
        m0 = k + 3
        end = strip_end(c, m0, next_comma_clause(c, m0, b))
        if end - m0 < 2 or any(t in s.used or c.in_quote[t] >= 0 for t in range(k + 1, m0)):
            continue
        s.used.update((k + 1, k + 2))
        s.out.append(Found((m0, end), None, sp, [k + 1, k + 2], "indirect", "source_relative", s.si))


def _extraposed_source(c: Ctx, a: int, e: int) -> tuple[int, int] | None:
    """The source noun phrase of an extraposed "wonach" clause, the last one before token e in the
    clause: "Südkorea hat auf Berichte reagiert, wonach …", "Iran hat Pressemeldungen der New York
    Times zurückgewiesen, wonach …"."""
    lo = a
    for t in range(e - 1, a - 1, -1):
        if c.low[t] in (";", ":") or c.in_quote[t] >= 0:
            lo = t + 1
            break
    best = None
    k = lo
    while k < e:
        np_ = grab_np(c, k, e, allow_oblique=True)
        if np_ and any(is_source_noun(c, t) for t in range(*np_)):
            best = np_
            k = np_[1]
        else:
            k += 1
    return best


def _impersonal_source(c: Ctx, i: int, b: int) -> tuple[int, int] | None:
    """The source after "heißt es" at i: "heißt es (dazu) in einem Bericht des Ministeriums"."""
    k = i + 2
    while k < b and (c.low[k] in c.w.skippable or c.low[k] in ("dazu", "darin", "weiter")):
        k += 1
    if k < b and impersonal_prep(c, k):
        sp = grab_np(c, k + 1, b, allow_oblique=True)
        return (k, sp[1]) if sp else None
    return None


@rule("heisst_es", "sentence")
def heisst_es(s: Sent) -> None:
    """Die Lage sei stabil, heißt es in einem Bericht. – an impersonal frame ("heißt es (in X)")."""
    c, a, b = s.c, s.a, s.b
    for i in c.triggered("heisst_es", a, b - 1):                     # "heißt es"
        if i in s.used or c.in_quote[i] >= 0:
            continue
        if any(f.msg and f.msg[0] <= i < f.msg[1] and f.ctype == "direct" for f in s.out):
            continue
        cue = [i, i + 1]
        sp = _impersonal_source(c, i, b)
        s.used.update(range(i, (sp[1] if sp else i + 2)))
        end = sp[1] if sp else i + 2
        sp = sp or fronted_impersonal_source(c, a, i)       # "In dem Bericht heißt es, …" (speaker.py)
        if sp is None and i > a and c.low[i - 1] == "," and _fronted_source_clause(c, a, end, b):
            k = next((t for t in range(a + 1, i - 1) if c.low[t] == "," and is_relative(c, t + 1)), None)
            sp = fronted_impersonal_source(c, a, k) if k is not None else None   # "In dem Bericht, der …, heißt es"
        if sp is None and i > a and c.low[i - 1] == ",":
            sp = impersonal_prev_frame(c, s.si, a, i)      # "…, wie das Unternehmen mitteilte. …, hieß es zur Begründung."
        sp = sp or impersonal_prev_source(c, s.si, s.found, a, i)   # "Laut X wurden … investiert. …, hieß es." (spk19)
        if i > a and c.low[i - 1] == "," and not _fronted_source_clause(c, a, end, b):
            msg = msg_around(c, a, b, i - 1, clause_end(c, end, b))
        else:
            m0 = _after_frame_adverbs(c, end, b) if c.R.switch("heisst_es_adverb") else end
            while m0 < b and c.low[m0] in (",", ":"):
                m0 += 1
            msg = (m0, strip_end(c, m0, b)) if m0 < b else None
        if msg and msg[1] > msg[0]:
            s.out.append(Found(msg, None, sp, cue, "reported", "heisst_es", s.si))


def impersonal_prev_frame(c: Ctx, si: int, a: int, i: int) -> tuple[int, int] | None:
    """Betroffen sind vor allem die Werke in Schweinfurt und Gera, wie das Unternehmen am Dienstag mitteilte. Die
    Auftragslage habe sich deutlich verschlechtert, hieß es zur Begründung. – a "…, hieß es" after its message that
    names no source (no "in X", "aus X", "bei X" around it) reports the subject of a speech verb in the sentence right
    before it (same paragraph, one that resolves to an actor): the one whose statement the sentence before gave (switch
    ``impersonal_prev_frame``, spk18)."""
    from ..speaker import prev_frame_subject, resolve_speaker
    if not c.R.switch("impersonal_prev_frame") or si == 0 or any(c.in_quote[t] >= 0 for t in range(a, i)):
        return None
    if "\n\n" in c.text[c.toks[c.sents[si - 1][1] - 1].idx:c.toks[a].idx]:
        return None
    sp = prev_frame_subject(c, si)
    return sp if sp is not None and resolve_speaker(c, sp, []) is not None else None


def _fronted_source_clause(c: Ctx, a: int, end: int, b: int) -> bool:
    """In dem Bericht, der am Montag vorgestellt wurde, heißt es, dass die Kosten steigen. – a sentence opening with the
    source's preposition ("In", "Im", "Aus") whose noun phrase a relative clause closes by a comma, and "heißt es" followed
    by a comma or colon: the frame comes first and the message after it (not "…, heißt es in dem Bericht", a frame after
    the message). Switch ``complementizer_after_clause``."""
    return c.R.switch("complementizer_after_clause") and c.low[a] in c.R.impersonal_preps and end + 1 < b \
        and c.low[end] in (",", ":") and c.in_quote[end] < 0


def _after_frame_adverbs(c: Ctx, k: int, b: int) -> int:
    """In dem Bericht heißt es weiter, die Polizei habe … – the adverbs right after "heißt es (X)" (words.yaml
    impersonal_adverbs: weiter, zudem, dazu, wörtlich …) belong to the frame when a comma or colon follows them,
    not to the message (switch ``heisst_es_adverb``); else k."""
    j = k
    while j < b and j - k < 3 and c.low[j] in c.w.impersonal_adverbs and c.in_quote[j] < 0:
        j += 1
    return j if j > k and j < b and c.low[j] in (",", ":") else k


NESTED_OUTER = ("verb_dass", "verb_konj", "verb_zu", "heisst_es")    # a frame whose message may hold another frame
NESTED_INNER = ("verb_dass", "verb_konj", "verb_zu", "wonach")


@rule("nested_frame", "sentence")
def nested_frame(s: Sent) -> None:
    """Ein Sprecher erklärte, er gehe nicht davon aus, dass jemand überlebt habe. – a frame (its cue and its
    message) inside the message of another indirect frame of the sentence is part of what that frame reports:
    one claim, the outer one, not a second claim for the inner verb ("gehe davon aus", "hoffe", "denke")."""
    if len(s.out) < 2 or not any(f.rule in NESTED_INNER for f in s.out):
        return                          # (no claim that could lie inside another: the filters need not run, issue 16)
    outer = [f for f in s.out if f.rule in NESTED_OUTER and f.ctype != "direct" and f.msg is not None
             and not not_a_claim(s.c, f)]          # "Gegen diese Behauptung spricht, dass X betont hatte, …": no outer claim
    if not outer:
        return
    s.out[:] = [f for f in s.out if not _nested_in(f, outer)]


def _nested_in(f: Found, outer: list[Found]) -> bool:
    """Claim f (cue and message) lies inside the message of one of the ``outer`` claims, after its first word: an
    outer message that opens with the inner cue ("verwies auf eine Meldung, wonach …") is one clause that two rules
    read, not a frame inside a message."""
    if f.rule not in NESTED_INNER or f.ctype == "direct" or f.msg is None or not f.cue:
        return False
    lo, hi = min(f.msg[0], *f.cue), max(f.msg[1], max(f.cue) + 1)
    return any(g is not f and g.msg[0] < lo and hi <= g.msg[1] for g in outer)


@rule("source_adverb", "sentence")
def source_adverb(s: Sent) -> None:
    """Demnach soll der Mann … – an anaphoric source adverb in a sentence without other claims. As
    in the annotation, the adverb is the speaker mention (like a pronoun); it resolves to the
    latest claim's speaker."""
    if s.out:
        return
    c, a, b, si = s.c, s.a, s.b, s.si
    last = s.found[-1] if s.found else None
    recent = last is not None and si - last.sent <= 2
    for i in range(a, b):
        lw = c.low[i]
        if c.in_quote[i] >= 0 or i in s.used or (
                i >= a + 6 and not _midfield_source(c, i, si, recent and last.sent == si - 1)):
            continue
        if lw in c.R.source_adverbs or (lw in c.R.context_source_adverbs and i == a and (
                recent or has_source_noun(c, si - 1))):
            m0 = i + 1 if i == a else a
            while m0 < b and c.low[m0] == ",":
                m0 += 1
            end = strip_end(c, m0, b)
            if end > m0:
                if recent and last.sent == si - 1:
                    key = last.speaker_key or prev_source_actor(c, si)
                else:                   # a newer source in the sentence before: "… eine Studie des RKI. Demnach …"
                    key = prev_source_actor(c, si) or (last.speaker_key if recent else None)
                sp = None if key else adverb_source_np(c, si, last if recent else None)   # "… eine neue Studie … . Demnach …"
                s.out.append(Found((m0, end), None, sp or (i, i + 1), [i], "indirect", "source_adverb", si,
                                   speaker_key=key))
            break


def _midfield_source(c: Ctx, i: int, si: int, claim_before: bool) -> bool:
    """Ausreisepflichtige, die wiederholt Termine versäumen, sollen demnach bis zu sechs Monate in Gewahrsam genommen
    werden können. – a source adverb ("demnach", speech.yaml source_adverbs) right after a finite verb beyond the first
    six words (a long Vorfeld) is the sentence's source as it is near the start, where the sentence before holds a claim
    or a source noun ("Ein Auto mit hohem Verbrauch braucht demnach mehr Adblue" after a fact: a consequence; switch
    ``demnach_midfield``)."""
    if not (c.R.switch("demnach_midfield") and c.has_pos and c.low[i] in c.R.source_adverbs):
        return False
    if not (claim_before or has_source_noun(c, si - 1)):
        return False
    v = c.toks[i - 1]
    return v.text.islower() and c.in_quote[i - 1] < 0 and (v.tag_ in FINITE_TAGS or "Fin" in c.feats[i - 1].get("VerbForm", ()))


def _source_preps(c: Ctx, si: int, a: int, b: int, used: set[int]) -> list[Found]:
    """The claims of source prepositions and postpositions (laut, gemäß, nach, zufolge) in the sentence a..b: the
    source phrase is the speaker, the rest of the sentence (or the clause the phrase belongs to) the message."""
    out = []
    for i in c.triggered("source_prep", a, b):          # laut, gemäß, nach, zufolge
        if i in used or c.in_quote[i] >= 0:
            continue
        found = _source_phrase(c, i, a, b)
        if found is None:
            continue
        sp, phrase, whole = found
        if any(t in used for t in range(*phrase)):
            continue
        used.update(range(*phrase))
        msg = _source_message(c, a, b, phrase)
        if msg is None:
            continue
        sp, key = _source_speaker(c, i, a, b, sp, whole)
        out.append(Found(msg, None, sp, [i], "reported", f"source_{_prep_word(c, i)}", si, speaker_key=key))
    return out


def _source_phrase(c: Ctx, i: int, a: int, b: int) \
        -> tuple[tuple[int, int], tuple[int, int], tuple[int, int] | None] | None:
    """The source of the (pre- or post)position at i: its noun phrase, the whole phrase with the preposition, and
    the whole Vorfeld where the phrase opens the sentence (switch vorfeld_source_np); None where none is found."""
    sp = _source_np_after(c, i, a, b)
    whole = _vorfeld_source_np(c, sp, b) if sp is not None and i == a and c.R.switch("vorfeld_source_np") else None
    if sp is not None:
        return sp, (i, sp[1]), whole
    if not _postposed_source_prep(c, i, a, b):
        return None
    sp = _source_before_prep(c, i, a)
    if sp is None:
        return None
    if c.R.switch("vorfeld_source_np"):
        sp = _source_attributes(c, sp, a, i)
    return sp, (sp[0], i + 1), whole


def _source_np_after(c: Ctx, i: int, a: int, b: int) -> tuple[int, int] | None:
    """The source noun phrase after a preposition at i ("laut Polizei"), with its holder's phrase (switch
    source_holder_pp); for "laut" without one, the Vorfeld source (switch laut_vorfeld_source)."""
    lw = c.low[i]
    sp = _source_after_prep(c, i, b) if lw in c.R.preps_before else None
    if sp is not None and c.R.switch("source_holder_pp"):
        sp = source_holder_pp(c, sp, b)
    if sp is None and lw == "laut" and c.R.switch("laut_vorfeld_source"):
        sp = _laut_vorfeld_source(c, i, a, b)
    return sp


def _postposed_source_prep(c: Ctx, i: int, a: int, b: int) -> bool:
    """A postposition at i after a source ("Polizeiangaben zufolge"), also "nach" after a source noun that governs
    nothing after it ("Medienberichten nach")."""
    lw = c.low[i]
    return (lw in c.R.preps_after or (lw == "nach" and i > a and is_source_noun(c, i - 1)
                                      and not _governs_after(c, i, b))) and i > a


def _source_message(c: Ctx, a: int, b: int, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """The message of a source phrase: the sentence without it, or the clause it belongs to (switch source_in_clause),
    without the Vorfeld (source_vorfeld) or from the break after the phrase (source_after_break)."""
    msg = msg_without(c, a, b, phrase)
    if msg is None:
        return None
    if c.R.switch("source_in_clause"):
        msg = _source_clause(c, a, b, phrase) or _source_main_clause(c, a, b, phrase) or msg
    if c.R.switch("source_vorfeld") and phrase[0] == a and msg[0] > a:
        msg = (_vorfeld_end(c, msg[0], msg[1]), msg[1])
    elif c.R.switch("source_after_break") and msg[0] == a and phrase[0] > a:
        msg = _source_after_break(c, a, b, phrase) or msg
    return msg


def _source_speaker(c: Ctx, i: int, a: int, b: int, sp: tuple[int, int],
                    whole: tuple[int, int] | None) -> tuple[tuple[int, int], str | None]:
    """The speaker span and actor of a source phrase: "eigenen Angaben" names the clause's subject; a source
    that fills the Vorfeld is the whole of it (``whole``, switch vorfeld_source_np)."""
    key = None
    if c.R.switch("own_source_subject") and sp[0] > a and c.low[sp[0] - 1] in c.w.own_source_words \
            and c.low[sp[0]] not in c.w.own_source_words:
        sp = (sp[0] - 1, sp[1])         # "eigenen Angaben zufolge": the adjective belongs to the source
    if c.R.switch("own_source_subject") and c.low[sp[0]] in c.w.own_source_words:
        subj = own_source_subject(c, i, a, b)
        key = resolve_speaker(c, subj, []) if subj else None
        sp = sp if key or subj is None else subj     # the span stays "eigenen Angaben" when X is an actor
    if whole is not None and key is None and sp[0] == whole[0]:
        sp = whole
    return sp, key


def _laut_vorfeld_source(c: Ctx, i: int, a: int, b: int) -> tuple[int, int] | None:
    """Laut einer am Dienstag veröffentlichten Pressemitteilung des WFP wurden 2.000 Menschen versorgt. – "laut" opening
    the sentence (or a clause after a comma or "und") fills the Vorfeld up to the finite verb: where no noun phrase
    was found after it (an extended attribute, a mis-tagged adjective), the source is everything up to that verb."""
    if not (i == a or c.low[i - 1] in (",", ";", "und", "–")) or i + 2 >= b:
        return None
    v = _vorfeld_end(c, i + 1, b)
    if v <= i + 2 or v - i > 15 or any(c.low[t] in (",", ";", ":") for t in range(i + 1, v)):
        return None
    if not any(c.toks[t].text[:1].isupper() for t in range(i + 1, v)):
        return None                     # a source names something
    return (i + 1, v)


def _vorfeld_source_np(c: Ctx, sp: tuple[int, int], b: int) -> tuple[int, int]:
    """Nach Meinung vieler Experten und Fans werden sich … / Nach Angaben von Sam Maiha, dem Direktor der
    Wetterbehörde, hatten … – a source phrase that opens the sentence fills its first position (Vorfeld): the
    source noun phrase runs up to the finite verb, over coordinated nouns, appositions, attached PPs and a
    parenthesis the noun phrase rules stopped at; not over a comma clause with a verb (a relative clause:
    "Nach Aussage von X, der der Gruppe angehört, wurde …"), nor trailing adverbs ("Laut Polizei aber …")."""
    v = _vorfeld_end(c, sp[1], b)
    if v <= sp[1] or v - sp[0] > 25:
        return sp
    end = sp[1]
    t = sp[1]
    while t < v:
        if c.in_quote[t] >= 0:
            t += 1
            continue
        if c.low[t] in (",", "–"):
            seg_end = next((m for m in range(t + 1, v) if c.low[m] in (",", "–") and c.in_quote[m] < 0), v)
            if is_relative(c, t + 1) or c.low[t + 1] in c.w.subordinators or any(
                    _verb_word(c, m) for m in range(t + 1, seg_end)):
                break                   # a relative clause, a participle phrase: the NP ends before its comma
        elif _verb_word(c, t):
            break
        elif c.toks[t].pos_ == "ADP" and (_time_pp(c, t, v) or c.low[t] in TOPIC_PREPOSITIONS or _medium_pp(c, t, v)):
            break                       # "Nach Angaben der Polizei vom Dienstag", "Nach Berichten über …", "… gegenüber
                                        # dem Weser-Kurier", "… in der Tageszeitung DIE WELT": no part of the source
        t += 1
    end = t
    while end > sp[1] and (c.low[end - 1] in (",", "–") or c.toks[end - 1].is_space or (
            c.has_pos and c.toks[end - 1].pos_ in ("ADV", "PART", "CCONJ") and c.toks[end - 1].text.islower())):
        end -= 1
    return (sp[0], end) if end > sp[1] else sp


TOPIC_PREPOSITIONS = ("über", "zu", "zum", "zur", "gegen", "wegen", "gegenüber", "unter")
VERB_TAGS = ("VVFIN", "VAFIN", "VMFIN", "VBC", "VVPP", "VAPP", "VMPP", "VBN", "VVINF", "VAINF", "VMINF", "VVIZU")


def _verb_word(c: Ctx, t: int) -> bool:
    """A verb form by its tag or part of speech (our model tags "käme" a determiner with tag VVFIN)."""
    tok = c.toks[t]
    return c.has_pos and c.in_quote[t] < 0 and (tok.tag_ in VERB_TAGS or (tok.pos_ in ("VERB", "AUX") and tok.tag_ != "ADJA")
                                                or c.low[t] in c.w.konjunktiv2)


def _medium_pp(c: Ctx, t: int, v: int) -> bool:
    """"Alan Posener in der Tageszeitung DIE WELT", "X im Interview": where a named source said it, no part of the
    source (a publication's medium is: "einer Veröffentlichung im Wissenschaftsmagazin „Nature“")."""
    if c.low[t] not in ("in", "im") or not (c.has_pos and c.toks[t - 1].pos_ == "PROPN" or t - 1 in c.ent_at):
        return False
    for m in range(t + 1, min(v, t + 4)):
        if c.is_nounish(m):
            return c.low[m].endswith(tuple(c.w.addressee_nouns)) or c.low[m] in ("interview", "gespräch", "sendung")
    return False


def _time_pp(c: Ctx, t: int, v: int) -> bool:
    """A prepositional phrase of time at t: "vom Dienstag", "am Montagabend", "im Juni 2007", "seit 2001"."""
    for m in range(t + 1, min(v, t + 4)):
        w = c.low[m]
        if c.toks[m].like_num and len(w) == 4 or w in c.w.months or w.startswith(tuple(c.w.time_nouns)):
            return True
        if not (w in c.w.determiners or c.is_adjish(m)):
            return False
    return False


SOURCE_ATTRIBUTE_TAGS = ("ADJA", "ART", "PIAT", "PDAT", "PPOSAT")


def _source_attributes(c: Ctx, sp: tuple[int, int], a: int, i: int) -> tuple[int, int]:
    """Es handele sich ersten Angaben zufolge um … / Anderen Aussagen zufolge soll … – the attributive adjectives
    and the article before the source noun of a postposition belong to the source; before a postposition
    that closes the Vorfeld (the finite verb follows), the whole Vorfeld does."""
    k = sp[0]
    while k - 1 >= a and c.in_quote[k - 1] < 0 and c.has_pos and c.toks[k - 1].tag_ in SOURCE_ATTRIBUTE_TAGS \
            and not c.toks[k - 1].like_num:
        k -= 1
    if a < k <= a + 2 and c.has_pos and i + 1 < len(c.toks) and _finite_verb(c, i + 1) and all(
            c.in_quote[t] < 0 and not _verb_word(c, t) and c.toks[t].pos_ != "PRON"
            and (c.toks[t].pos_ in ("DET", "ADJ") or c.low[t].endswith(("en", "er", "em", "es", "e")))
            for t in range(a, k)):
        k = a                           # "Übereinstimmenden Medienberichten zufolge ist …" (our model: a noun)
    return (k, sp[1])


def _finite_verb(c: Ctx, t: int) -> bool:
    """A finite verb at t (lower case, out of quotes): the end of a Vorfeld."""
    tok = c.toks[t]
    return c.has_pos and c.in_quote[t] < 0 and tok.pos_ in ("VERB", "AUX") and tok.text[:1].islower() and (
        tok.tag_ in ("VVFIN", "VAFIN", "VMFIN", "VBC") or "Fin" in tok.morph.get("VerbForm") or c.is_konj(t))


def _vorfeld_end(c: Ctx, k: int, e: int) -> int:
    """Laut amnesty international (ai) nimmt die Zahl der Morde zu. – a source phrase that opens the sentence
    fills its first position (Vorfeld) up to the finite verb; the message starts at that verb even where the
    source's noun phrase was cut short ("international (ai)") or has a relative clause ("Laut dem Bericht, der
    sich auf … beruft, leben …"). Unchanged when no finite verb follows within a few words."""
    t = k
    while t < min(e, k + 15):
        if c.in_quote[t] >= 0:
            t += 1
            continue
        if c.low[t] == "," and t + 1 < e and is_relative(c, t + 1):
            t = next_comma_clause(c, t + 1, e) + 1          # the source's relative clause
            continue
        if _finite_verb(c, t):
            return t
        if c.low[t] in (";", ":", ".", "!", "?"):
            break
        t += 1
    return k


BREAK_CONJUNCTIONS = ("und", "aber", "doch", "denn", "sondern")


def _source_after_break(c: Ctx, a: int, b: int, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """Die Veranstalter schätzten 2.000 Teilnehmer; nach Polizeiangaben waren es 1.000. – a source phrase right
    after a comma, semicolon or dash (and a conjunction) that fills the first position of a main clause (its
    finite verb follows at once) attributes that clause only: the message runs from that verb to the end."""
    k = phrase[0] - 1
    if k > a and c.low[k] in BREAK_CONJUNCTIONS:
        k -= 1
    if k <= a or c.low[k] not in (",", ";", "–", "-", ":") or c.in_quote[k] >= 0:
        return None
    e = strip_end(c, a, b)
    v = phrase[1]
    while v < e and c.low[v] == ",":
        v += 1
    if v >= e or c.in_quote[v] >= 0 or not c.has_pos:
        return None
    tok = c.toks[v]
    finite = tok.pos_ in ("VERB", "AUX") and tok.text[:1].islower() and (
        tok.tag_ in ("VVFIN", "VAFIN", "VMFIN", "VBC") or "Fin" in tok.morph.get("VerbForm") or c.is_konj(v))
    return (v, e) if finite and e > v + 1 else None


CLAUSE_OPENERS_EXTRA = {"worauf", "wobei", "womit", "wodurch", "weshalb", "weswegen", "wo"}


def _source_clause(c: Ctx, a: int, b: int, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """Die Hunde trafen verspätet ein, da nach Angaben der Fluggesellschaft die Genehmigung zu spät beantragt
    worden war. – a source phrase inside a subordinate (or relative) clause attributes that clause only:
    the message runs from its opener to its end, not over the main clause."""
    k = phrase[0] - 1
    while k > a and not (c.low[k] in (",", ";", "–") and c.in_quote[k] < 0):
        if c.in_quote[k] >= 0 or c.low[k] in ("(", ")"):
            return None
        k -= 1
    if k <= a or c.low[k] != ",":
        return None
    o = k + 1
    if not (is_relative(c, o) or c.low[o] in (c.w.subordinators | CLAUSE_OPENERS_EXTRA) - {"wie", "als"}):
        return None
    e = strip_end(c, o, next_comma_clause(c, phrase[1], b))
    return (o, e) if e > phrase[1] else None


def _finite(c: Ctx, t: int) -> bool:
    tok = c.toks[t]
    return c.has_pos and c.in_quote[t] < 0 and tok.pos_ in ("VERB", "AUX") and (
        tok.tag_ in ("VVFIN", "VAFIN", "VMFIN", "VBC") or "Fin" in tok.morph.get("VerbForm"))


def _source_main_clause(c: Ctx, a: int, b: int, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """Alle kleineren Häfen bleiben gesperrt, lediglich der Haupthafen wurde nach Angaben der Behörden freigegeben. – a
    source phrase in a main clause after the comma that closes another main clause (its own finite verb, no
    subordinator or relative pronoun first) attributes its own clause only: the message runs from after that comma
    (switch ``source_main_clause``)."""
    if not c.R.switch("source_main_clause"):
        return None
    k = phrase[0] - 1
    while k > a and not (c.low[k] in (",", ";") and c.in_quote[k] < 0):
        if c.in_quote[k] >= 0 or c.low[k] in ("(", ")", "–"):
            return None
        k -= 1
    if k <= a + 2 or c.low[a] in c.w.subordinators | c.w.clause_openers | c.R.complementizers or is_relative(c, a):
        return None
    before = range(a, k)
    if not any(_finite(c, t) for t in before) or any(c.low[t] in (",", ";", ":", "–") and c.in_quote[t] < 0
                                                       for t in before):
        return None                     # only one plain main clause before ("X ist geöffnet, jedoch …")
    o = k + 1
    if is_relative(c, o) or c.low[o] in c.w.subordinators | CLAUSE_OPENERS_EXTRA | {"und", "oder", "sowie"}:
        return None
    if not any(_finite(c, t) for t in range(o, strip_end(c, o, b))):
        return None
    e = strip_end(c, o, b)
    if phrase[0] == o:
        o = phrase[1]                   # "…, nach Polizeiangaben waren es 1.000": the phrase opens the clause
    return (o, e) if e > phrase[1] else None


def _governs_after(c: Ctx, i: int, b: int) -> bool:
    """Whether "nach" at i is a preposition of what follows it, not a postposition after a source noun:
    "Jens Wieseke fordert freie Sicht nach draußen", "… Ansicht nach dem Urteil", "Sicht nach Berlin"."""
    k = i + 1
    if k >= b:
        return False
    return c.low[k] in c.w.nach_objects or (c.has_pos and c.toks[k].pos_ == "PROPN" and k in c.ent_at
                                            and c.ent_at[k][2] in ("LOC", "GPE"))


def _source_after_prep(c: Ctx, i: int, b: int) -> tuple[int, int] | None:
    """The source NP after "laut", "gemäß", "nach" at i ("nach", "aus" and "gemäß" only before a source
    noun: "nach Angaben der Polizei", "gemäß einer Studie"; "gemäß Nummer 1 der AGB" follows a rule)."""
    prep = _prep_word(c, i)
    if prep not in ("nach", "aus", "gemäß"):
        return grab_np(c, i + 1, b, allow_oblique=True)
    k = i + 1
    if k < b and (c.low[k] in c.w.determiners or c.low[k] in ("dessen", "deren")):
        k += 1
    for _ in range(3):
        if k < b and ((c.is_adjish(k) and not c.is_nounish(k)) or c.low[k] in c.w.pronominal_adverbs):
            k += 1                                  # "nach den dafür gegebenen Hinweisen"
    if prep == "gemäß" and k < b and _actor_head(c, k, b):
        return grab_np(c, i + 1, b, allow_oblique=True)     # "Gemäß einem Sprecher des Unternehmens …"
    owner = k == i + 1 and _genitive_name(c, k, b)
    if owner:
        k += 1                                      # "Nach Grupps Meinung"
    if k < b and is_source_noun(c, k):
        sp = grab_np(c, i + 1, b, allow_oblique=True)
        sp = sp if sp is not None and sp[1] > k else grab_np(c, k, b, allow_oblique=True)
        if owner and sp is not None:
            sp = (i + 1, sp[1])                     # the owner's name with the source noun: "Grupps Meinung"
        if sp is None and c.R.switch("lowercase_compound_source") and _lowercase_compound(c, k):
            return (k, k + 1)           # "nach dpa-Informationen": the tagger takes the lower-case word for no noun
        return sp
    return None


def _prep_word(c: Ctx, i: int) -> str:
    """The source preposition at i in its standard spelling: the Swiss "gemäss" (no ß) is "gemäß" (speech.yaml
    prepositions, clm18: "Gemäss Mitteilung der Polizei war der Lieferwagen …")."""
    return "gemäß" if c.low[i] == "gemäss" else c.low[i]


def _actor_head(c: Ctx, k: int, b: int) -> bool:
    """Gemäß Reuters wurden drei Menschen getötet. / Gemäß einem Sprecher des Unternehmens würde … – after "gemäß" the
    head of the noun phrase is a person or organisation name, a role noun (speech.yaml role_heads) or a noun with such a
    name right after it ("der Organisation DotAsia"): an actor as source, no rule ("gemäß Paragraf 5"; switch
    ``gemaess_actor_source``)."""
    if not c.R.switch("gemaess_actor_source") or c.in_quote[k] >= 0:
        return False

    def actor(t: int) -> bool:
        return t < b and ((t in c.ent_at and c.ent_at[t][2] in ("PER", "ORG")) or c.toks[t].text in c.R.role_heads)
    return actor(k) or (c.has_pos and c.toks[k].pos_ == "NOUN" and actor(k + 1) and c.toks[k + 1].pos_ == "PROPN")


def _genitive_name(c: Ctx, k: int, b: int) -> bool:
    """Nach Grupps Meinung werden Fehler gemacht. – a proper name in the genitive (-s) right after the preposition, before
    a source noun, is the source's owner: the noun after it is the source noun (switch ``genitive_name_source``)."""
    if not (c.R.switch("genitive_name_source") and c.has_pos and k + 1 < b):
        return False
    w = c.toks[k].text
    return c.toks[k].pos_ in ("PROPN", "NOUN") and w[:1].isupper() and w.endswith("s") and len(w) > 3 and c.in_quote[k] < 0 \
        and is_source_noun(c, k + 1)


HOLDER_PREPS = {"von": 1, "vom": 1, "in": 2, "im": 1}     # preposition -> tokens up to the holder's noun phrase


def source_holder_pp(c: Ctx, sp: tuple[int, int], b: int) -> tuple[int, int]:
    """… da nach überwiegender Ansicht in der Rechtsprechung ein erweiterter Eigentumsvorbehalt unzulässig ist. / Nach
    Ansicht von ai … – a source noun phrase that ends in its source noun goes on with "von X" or "in der X"/"im X" that
    names whose view or statement it is (not a place, not a time) (switch ``source_holder_pp``)."""
    e = sp[1]
    if e + 1 >= b or not is_source_noun(c, e - 1) or c.low[e] not in HOLDER_PREPS or c.in_quote[e] >= 0:
        return sp
    k = e + 1
    if c.low[e] == "in" and not (c.low[k] in ("der", "den")):
        return sp                       # "in der Rechtsprechung", "in den Medien"; not "in Berlin"
    if c.low[e] in ("in", "im") and c.toks[e - 1].text not in c.R.claim_nouns:
        return sp                       # a view ("Ansicht in der Rechtsprechung"); "laut US-Medien in der Leitung" is no holder
    np_ = grab_np(c, k, b, allow_oblique=True)
    if np_ is None or np_[0] != k:
        return sp
    a0, b0 = c.char_span(*np_)
    if any(min(b0, me) > max(a0, ms) and actor.actor_type == "location" for ms, me, m, actor in c.mentions):
        return sp                       # "Angaben der Polizei in Köln": a place, no holder
    if any(c.low[t] in c.w.time_nouns or c.low[t] in c.w.months or c.low[t] in c.w.time_unit_nouns
           for t in range(*np_)):
        return sp
    return (sp[0], np_[1])


def _lowercase_compound(c: Ctx, k: int) -> bool:
    """Nach dpa-Informationen wurde der Vertrag unterzeichnet. – a hyphenated compound with a lower-case first part
    ("dpa-", "tagesschau-") and a capitalized source noun after the hyphen is one noun, whatever the tagger says."""
    w = c.toks[k].text
    head = w.rsplit("-", 1)[-1]
    return "-" in w and w[:1].islower() and head[:1].isupper() and c.in_quote[k] < 0


def _source_before_prep(c: Ctx, i: int, a: int) -> tuple[int, int] | None:
    """The source NP right before a postposition at i: "Polizeiangaben zufolge"."""
    for k in range(max(a, i - 10), i):
        np_ = grab_np(c, k, i, allow_oblique=True)
        if np_ and np_[1] == i:
            return np_
    if c.R.switch("postposition_source") and i > a:
        return _postposition_source(c, i, a)
    return None


def _postposition_source(c: Ctx, i: int, a: int) -> tuple[int, int] | None:
    """Medienberichten zufolge war es zu einer Revolte gekommen. / Ihnen zufolge hat Mussawi gewonnen. – the source
    before "zufolge" where no noun phrase was found (our model tags "Medienberichten" an adverb): a source noun
    (speech.yaml nouns, noun_suffixes) with its article and adjectives, or a dative personal pronoun."""
    t = i - 1
    if c.in_quote[t] >= 0:
        return None
    if c.low[t] in ("ihm", "ihr", "ihnen") and (t == a or c.low[t - 1] not in c.w.determiners):
        return (t, i)
    if not (c.toks[t].text[:1].isupper() and is_source_noun(c, t)):
        return None
    k = t
    while k - 1 >= a and t - k < 4 and c.in_quote[k - 1] < 0 and (
            c.low[k - 1] in c.w.determiners or (c.is_adjish(k - 1) and c.toks[k - 1].text[:1].islower())):
        k -= 1
    return (k, i)


def _noun_cue(c: Ctx, si: int, a: int, b: int, k: int, used: set[int],
              nouns: frozenset[str] | None = None) -> Found | None:
    """A speech or cognition noun right before ", dass": the cue is the noun with its article and
    a light verb before it ("ist der Meinung", "äußerte die Hoffnung"); the speaker is that verb's
    subject, else a genitive after the noun. ``nouns``: other cue nouns than claim_nouns, no adjective cue."""
    n_i = _cue_word_before(c, a, k, nouns)
    if n_i is None:
        return None
    if c.toks[n_i].text not in _cue_nouns(c, nouns):
        return _adjective_cue(c, si, a, b, k, n_i, used)       # "zeigte sich zuversichtlich, dass …"
    cue = _noun_with_article(c, a, n_i)
    d = cue[-1] - 1
    if _light_verb_at(c, a, d):
        cue.append(d)
        sp = _light_verb_subject(c, a, k, d, n_i)
    else:
        sp = _speaker_after_cue_noun(c, a, k, n_i)
    if sp is None:
        sp = von_source(c, n_i, a)                  # "erhielt von X die Auskunft, dass" (speaker.py, spk9)
    end = embedded_end(c, k + 1, b)
    if end <= k + 2:
        return None
    used.update(cue)
    return Found((k + 1, end), None, sp, sorted(cue), "indirect", "noun_dass", si)


def _cue_nouns(c: Ctx, nouns: frozenset[str] | None) -> frozenset[str]:
    """The cue nouns: ``nouns`` where given, else speech.yaml's claim nouns."""
    return c.R.claim_nouns if nouns is None else nouns


def _cue_word_before(c: Ctx, a: int, k: int, nouns: frozenset[str] | None) -> int | None:
    """The cue noun among the five words before the comma at k, or (cue nouns of claim_nouns only) a claim adjective
    right before it; None where a clause break, a quotation or another noun comes first ("Ein Hinweis ist kein Indiz
    dafür, dass …": the clause belongs to "Indiz"), or where a cue word of ``nouns`` is no noun ("Bitte vergessen
    Sie nicht, … anzugeben": the particle)."""
    for t in range(k - 1, max(a, k - 6) - 1, -1):
        if c.low[t] in CLAUSE_BREAK or c.in_quote[t] >= 0:
            return None
        if c.toks[t].text in _cue_nouns(c, nouns):
            no_noun = nouns is not None and c.has_pos and c.toks[t].pos_ not in ("NOUN", "PROPN")
            return None if no_noun else t
        if nouns is None and c.low[t] in c.w.claim_adjectives and t == k - 1 and c.in_quote[t] < 0:
            return t
        if _noun_without_genitive_article(c, a, t):
            return None
    return None


def _noun_without_genitive_article(c: Ctx, a: int, t: int) -> bool:
    """A noun at t, not after a genitive article ("der Meinung des Ministers" goes on)."""
    return c.has_pos and c.toks[t].pos_ == "NOUN" and not (t > a and c.low[t - 1] in c.w.genitive_determiners)


def _noun_with_article(c: Ctx, a: int, n_i: int) -> list[int]:
    """The cue noun at n_i and up to three determiners or lower-case adjectives before it, right to left."""
    cue = [n_i]
    d = n_i - 1
    while d >= a and (c.low[d] in c.w.determiners or (c.has_pos and c.toks[d].pos_ == "ADJ" and c.toks[d].text.islower())) \
            and n_i - d <= 3:
        cue.append(d)
        d -= 1
    return cue


def _light_verb_at(c: Ctx, a: int, d: int) -> bool:
    """A lower-case verb outside quotations at d, before the cue noun's article: "ist der Meinung"."""
    return bool(d >= a and c.has_pos and c.toks[d].text.islower() and c.in_quote[d] < 0 and (
            c.toks[d].pos_ in ("VERB", "AUX") or c.toks[d].tag_[:1] == "V"))


def _light_verb_subject(c: Ctx, a: int, k: int, d: int, n_i: int) -> tuple[int, int] | None:
    """The subject of the light verb at d ("äußerte die Hoffnung"), unless it is the cue noun's phrase."""
    h = Hit(d, [], VerbEntry(c.low[d], None, False, frozenset({"speech"})))
    sp = find_subject(c, h, clause_start(c, d, a), k)
    if sp is not None and sp[0] <= n_i < sp[1]:
        return None
    return sp


def _speaker_after_cue_noun(c: Ctx, a: int, k: int, n_i: int) -> tuple[int, int] | None:
    """Without a light verb: a genitive or "von" phrase after the cue noun ("die Einschätzung des Ministers"), else
    the subject of the verb whose object the noun is ("vertritt er die These, dass", speaker.py)."""
    if n_i + 1 < k and c.low[n_i + 1] in c.w.genitive_determiners | {"von"}:
        return grab_np(c, n_i + 1 if c.low[n_i + 1] != "von" else n_i + 2, k, allow_oblique=True)
    return noun_head_subject(c, n_i, a, k)


def _adjective_cue(c: Ctx, si: int, a: int, b: int, k: int, adj: int, used: set[int]) -> Found | None:
    """Ramelow zeigte sich optimistisch, dass ein gemeinsamer Auftritt erreicht werden kann. – an adjective of
    conviction or hope (words.yaml claim_adjectives) right before ", dass" with a verb ("ist", "zeigte sich") before
    it: the cue is the verb, "sich" and the adjective; the speaker is the verb's subject."""
    cue, d = [adj], adj - 1
    while d >= a and (c.low[d] in c.w.skippable or c.low[d] in ("sehr", "fest", "davon", "darüber", "sich")) \
            and adj - d <= 4:
        if c.low[d] == "sich":
            cue.append(d)
        d -= 1
    if d < a or c.in_quote[d] >= 0 or not c.has_pos or c.toks[d].pos_ not in ("VERB", "AUX") \
            or not c.toks[d].text.islower():
        return None
    cue.append(d)
    h = Hit(d, [], VerbEntry(c.low[d], None, False, frozenset({"speech"})))
    sp = find_subject(c, h, clause_start(c, d, a), k)
    end = embedded_end(c, k + 1, b)
    if sp is None or end <= k + 2:
        return None
    used.update(cue)
    return Found((k + 1, end), None, sp, sorted(cue), "indirect", "noun_dass", si)


def _so_sentence(c: Ctx, si: int, a: int, b: int, found: list[Found], used: set[int],
                 covered: set[int]) -> Found | None:
    """„Die Lage ist ernst.“ So Innenminister Herbert Reul am Montag in Düsseldorf. – a sentence of "So" and a
    speaker noun phrase without a verb frames the sentence before it, as ", so X" frames its clause."""
    e = strip_end(c, a, b)
    if e - a < 2 or any(c.in_quote[t] >= 0 or (c.has_pos and c.toks[t].pos_ in ("VERB", "AUX")) for t in range(a + 1, e)):
        return None
    sp = grab_np(c, a + 1, e, pp=True)
    if sp is None or bad_speaker(c, sp) or not plausible_speaker(c, sp):
        return None
    return _frame_previous(c, si, a, sp, [a], found, used, covered)


REFRAMED = ("quote_unattributed", "quote_continued")
CONTINUED = ("konj_continuation", "soll_hearsay")


def _frame_previous(c: Ctx, si: int, a: int, sp: tuple[int, int], cue: list[int], found: list[Found],
                    used: set[int], covered: set[int]) -> Found | None:
    """The sentence before ``si`` as what ``sp`` said (cue ``cue``): its unattributed quotation takes that
    speaker; a quotation that fills it and no rule claimed (a short one: „Die Lage ist ernst.“) becomes
    a claim; a sentence without claims becomes one (``anaphoric_frame``)."""
    pa, pb = c.sents[si - 1]
    if "\n\n" in c.text[c.toks[pb - 1].idx:c.toks[a].idx]:
        return None
    prev = [f for f in found if f.sent == si - 1]
    if prev:
        for f in prev:                      # „…“ Das sagte X.
            if f.rule in REFRAMED and f.ctype == "direct":
                f.speaker, f.cue, f.speaker_key, f.rule = sp, cue, None, "quote_anaphoric"
                f.speaker_key = resolve_speaker(c, sp, found)
                used.update(cue)
            elif f.rule in CONTINUED and c.R.switch("so_sentence_frame"):
                f.speaker, f.cue = sp, cue      # "Die Wirtschaft werde wachsen. So Lindner.": named, not guessed
                f.speaker_key = resolve_speaker(c, sp, found)
                used.update(cue)
        return None
    end = strip_end(c, pa, pb)
    if end <= pa:
        return None
    if c.in_quote[pa] >= 0:
        qi = c.in_quote[pa]
        qs, qe, q = c.quote_tok[qi]
        if not c.R.switch("so_sentence_frame") or qs != pa or qe < end or qi in covered or q.depth != 0:
            return None
        covered.add(qi)
        used.update(cue)
        return Found((qs, qe), None, sp, cue, "direct", "quote_anaphoric", si)
    used.update(cue)
    return Found((pa, end), None, sp, cue, "indirect", "anaphoric_frame", si)


def _anaphoric_frame(c: Ctx, si: int, a: int, b: int, found: list[Found], used: set[int],
                     covered: set[int]) -> Found | None:
    h = c.verb_hit(a + 1, b)
    sp = None
    if h is None and c.low[a + 1] in c.R.auxiliaries:       # "Das hat X am Montag gesagt."
        for m in range(a + 2, min(b, a + 14)):
            if c.low[m] in CLAUSE_BREAK:
                break
            hh = c.verb_hit(m, b)
            if hh is not None and hh.entry.participle and "speech" in hh.classes:
                h = hh
                h.aux = [a + 1]
                sp = subject_after(c, a + 1, m)
                break
        if h is None or sp is None:
            return None
    if h is None or "speech" not in h.classes:
        return None
    if not h.aux:
        attach_aux(c, h, b)
    if is_passive(c, h):
        sp = passive_agent(c, a + 1, b)        # "Das wurde vom Presseamt bekannt gegeben."
    sp = sp or subject_after(c, max([h.i, *h.aux]), b)
    k = max([h.i, *h.aux]) + 1
    source_pp = sp is None and k < b and c.low[k] in ("aus", "in", "im")
    if source_pp:                       # "Dies geht aus einem Bericht hervor"
        sp = grab_np(c, k + 1, b, allow_oblique=True)
    if sp is None or bad_speaker(c, sp):
        return None
    if source_pp and c.R.switch("anaphoric_source_pp"):
        pass                            # the document named after "aus"/"in" speaks ("geht aus einer Mitteilung hervor")
    elif c.R.switch("plausible_speaker") and not plausible_speaker(c, sp) or (
            c.toks[sp[0] - 1].pos_ == "ADP" and c.low[sp[0] - 1] not in ("von", "vom")):
        return None                     # "Dieses reagiert im SCR-Kat mit den Stickoxiden": no one speaks
    cue = sorted({h.i, *h.particle, *h.aux})
    return _frame_previous(c, si, a, sp, cue, found, used, covered)
