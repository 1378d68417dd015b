"""Sentences without a cue that continue reported speech: Konjunktiv continuations and sollen-hearsay."""
from __future__ import annotations

from ..clauses import adverb_opener, is_hearsay, is_konj1, is_relative, is_source_noun, next_comma
from ..context import Ctx, Found, Sent
from ..registry import rule
from ..speaker import latest_mention, prev_frame_subject, prev_subject
from .filters import not_a_claim
from .fronted_konj import fronted_clause_end, fronted_verb_e
from .past_konj2 import plural_past_konj2


CONT_WINDOW = 3          # a Konjunktiv sentence continues a speaker of the last N sentences


def continuation(c: Ctx, si: int, a: int, b: int, found: list[Found], covered: set[int]) -> list[Found]:
    """Claims of a sentence without a cue of its own: the first ``continuation`` rule that matches
    (an empty list when it extends the previous claim)."""
    if c.in_quote[a] >= 0:
        return []
    s = Sent(c, si, a, b, found, covered)
    for fn in c.stages["continuation"]:
        r = fn(s)
        if r is not None:
            return r
    return []


def _main_segment(c: Ctx, a: int, b: int, adverb: bool = False) -> tuple[int, int]:
    """[start, end) of the sentence's first segment after fronted subordinate clauses; ``adverb``: "damit"/"da" before
    a finite verb opens no such clause (a Konjunktiv main clause; "Damit soll …" stays a purpose, no hearsay)."""
    seg = a
    while seg < b and (c.low[seg] in c.w.subordinators or c.low[seg] in ("doch", "und", "aber")) and c.low[seg] != "dass":
        if c.low[seg] in ("doch", "und", "aber"):
            seg += 1
            continue
        if _preposition_not_clause(c, seg, b) or (adverb and adverb_opener(c, seg, b)):
            break
        seg = next_comma(c, seg, b) + 1
    return seg, next_comma(c, seg, b)


def _preposition_not_clause(c: Ctx, k: int, b: int) -> bool:
    """Während der Operation habe niemals Gefahr bestanden. – "während" (also "seit", "bis") tagged a preposition
    before an article or noun opens a phrase of the main clause, no fronted subordinate clause (switch
    ``subordinator_preposition``)."""
    if not (c.R.switch("subordinator_preposition") and c.has_pos and k + 1 < b):
        return False
    return c.toks[k].tag_ in ("APPR", "IN") and c.low[k] in ("während",) and (
        c.low[k + 1] in c.w.determiners or c.toks[k + 1].pos_ in ("DET", "NOUN", "PROPN", "NUM"))


def _konj1_form(c: Ctx, t: int) -> bool:
    """A Konjunktiv I form; with switch ``finite_e_lemma`` also a finite verb in -e that our model tags with a
    PUD tag (VBC) or after a pronoun "das" and marks indicative, whose lemma is the form + "n": "Ein Drittel der
    Gewaltdelikte richte sich gegen …", "Dieser Wert basiere auf …", "Das bedeute …" (the indicative 3rd person
    ends in -t; the 1st person "ich richte" is excluded)."""
    if not c.low[t].endswith("e") and c.low[t] not in c.R.konjunktiv:
        return False                    # (every test below needs one of the two: issue 16, most tokens fail here)
    if is_konj1(c, t) or _pronoun_verb_e(c, t) or _verb_e_before_pronoun(c, t):
        return True
    if not (c.R.switch("finite_e_lemma") and c.has_pos and c.in_quote[t] < 0):
        return False
    tok, lw = c.toks[t], c.low[t]
    if tok.tag_ not in ("VBC", "VVFIN", "VAFIN", "VMFIN") or tok.pos_ not in ("VERB", "AUX") or not tok.text.islower():
        return False
    if not (len(lw) >= 4 and lw.endswith("e") and tok.lemma_.lower() == lw + "n"):
        return False                    # "richte" (richten), not "sagte" (sagen): the stem + "e"
    return lw not in c.w.not_konjunktiv_e and lw not in c.w.preterites_in_e and not c.first_person_near(t)


def _pronoun_verb_e(c: Ctx, t: int) -> bool:
    """Es drohe „eine dramatische Erderwärmung“. / Sie rate zum Kauf japanischer Hybridautos. – a lower-case word in -e
    (no -te) right after a personal pronoun that opens the sentence is the verb of a verb-second clause, its Konjunktiv I,
    whatever our model tags it (a noun, an adverb); not a word of words.yaml not_konjunktiv_e ("Sie beide", "Es ende")
    (switch ``pronoun_verb_e``)."""
    if not (c.R.switch("pronoun_verb_e") and t > 0 and c.in_quote[t] < 0 and c.low[t - 1] in c.w.sentence_pronouns):
        return False
    if c.sents[c.sent_of[t]][0] != t - 1:
        return False
    lw = c.low[t]
    return (c.toks[t].text.islower() and lw.isalpha() and len(lw) >= 4 and lw.endswith("e") and not lw.endswith("te")
            and lw not in c.w.not_konjunktiv_e and lw not in c.w.preterites_in_e and lw not in c.w.determiners
            and lw not in c.w.konjunktiv2)       # "Es wäre dann die 114. Mission": the author's own Konjunktiv II


SUBJECT_PRONOUNS = ("er", "sie", "man")


def _verb_e_before_pronoun(c: Ctx, t: int) -> bool:
    """Eine pauschale Verschärfung lehne sie aber ab. – a lower-case word in -e (no -te) between a noun that ends the
    Vorfeld and a subject pronoun ("er", "sie", "man") is the finite verb of an inverted verb-second clause, its
    Konjunktiv I, whatever our model tags it (an adverb); not a word of words.yaml not_konjunktiv_e (switch
    ``verb_e_before_pronoun``)."""
    if not (c.R.switch("verb_e_before_pronoun") and c.has_pos and 0 < t < len(c.low) - 1 and c.in_quote[t] < 0):
        return False
    lw = c.low[t]
    if c.low[t + 1] not in SUBJECT_PRONOUNS or c.toks[t - 1].pos_ not in ("NOUN", "PROPN"):
        return False
    return (c.toks[t].text.islower() and lw.isalpha() and len(lw) >= 4 and lw.endswith("e") and not lw.endswith("te")
            and lw not in c.w.not_konjunktiv_e and lw not in c.w.preterites_in_e and lw not in c.w.determiners
            and lw not in c.w.konjunktiv2)


def _konj_main_clause(s: Sent, konj2_forms: frozenset | None = None) -> bool:
    """The main clause is in Konjunktiv I (or, right after a claim, in a Konjunktiv II form that stands in
    for Konjunktiv I in reported speech: "hätten", "würden"; not "wäre", "sollte", "dürfte", which
    mostly voice the author's own hypothesis or advice), not in the 1st person. ``konj2_forms``: the
    Konjunktiv II forms that count wherever the sentence stands."""
    c, a, b = s.c, s.a, s.b
    seg0, _ = _main_segment(c, a, b, adverb=True)
    seg = fronted_clause_end(c, seg0, b)    # "Wer heute pflanze, schaffe …" (clm19)
    near = bool(s.found) and s.si - s.found[-1].sent == 1
    konj2 = (near or _after_frame(s)) and c.R.switch("konj2_continuation")
    if konj2_forms is not None:
        if c.low[b - 1] == "?":
            return False
        if not konj2:
            konj2, near = True, True
    reported2 = konj2_forms if konj2_forms is not None else c.w.konjunktiv2_reported
    konj = False
    s0 = seg
    embedded = c.R.switch("embedded_clause_skip")
    for _ in range(6 if embedded else 4):   # the main clause may follow fronted phrases and appositions
        if s0 >= b:
            break                       # a text that ends with a comma ("… in der jeweils geltenden Fassung,")
        e0 = next_comma(c, s0, b)
        if s0 > seg and (c.low[s0] in c.w.subordinators | {"um"} or is_relative(c, s0)):
            if not (embedded and _embedded_after_subject(c, seg, s0, e0, b)):
                break
            s0 = e0 + 1                 # "Die Straßen, die … genutzt werden sollten, müssten …": skip the relative clause
            continue
        hits = [t for t in range(s0, e0) if _konj1_form(c, t) or fronted_verb_e(c, t, seg0, seg) or (konj2 and c.in_quote[t] < 0 and (
            c.low[t] in reported2 or (near and (_consequence_konj2(c, seg, t) or _present_konj2(c, s0, e0, t)
                                                or _negated_permission(c, s0, e0, t)
                                                or (_speaker_near(s) and plural_past_konj2(c, s0, e0, t))))))]
        if hits:
            konj = not (c.R.switch("first_person_inverted") and any(_first_person_verb(c, t) for t in hits))
            break
        if not c.has_pos or any(c.toks[t].pos_ in ("VERB", "AUX") for t in range(s0, e0)) or e0 >= b:
            break
        s0 = e0 + 1
    return konj and not any(c.low[t] in ("ich", "wir") for t in range(a, min(b, a + 3)))


def _speaker_near(s: Sent) -> bool:
    """The claim right before is a speaker's, not a document's finding (result_frame, clm21: "Das ist das Ergebnis einer
    Studie. Die Forscher werteten dafür … aus." narrates the method)."""
    return not (s.found and s.found[-1].rule == "result_frame")


def _consequence_konj2(c: Ctx, seg: int, t: int) -> bool:
    """Damit wäre eine Verlängerung des Einsatzes nicht nötig. – right after a claim, a Konjunktiv II form that mostly voices
    the author's own hypothesis ("wäre", "könnte", words.yaml konjunktiv2) reports the speaker's conclusion when the clause
    opens with an adverb of consequence ("damit", "somit", "demnach"; words.yaml consequence_adverbs) right before it
    (switch ``konj2_consequence``)."""
    return (c.R.switch("konj2_consequence") and c.low[t] in c.w.konjunktiv2 and t == seg + 1
            and c.low[seg] in c.w.consequence_adverbs)


def _present_konj2(c: Ctx, s0: int, e0: int, t: int) -> bool:
    """Viele Kunden griffen inzwischen zum Brot vom Discounter. – right after a claim, a finite plural past form (a
    preterite that is also the Konjunktiv II: "fehlten", "arbeiteten", "griffen") in a clause with an adverb of the
    present ("inzwischen", "derzeit", words.yaml present_time_adverbs) is no narration of the past but the Konjunktiv II
    that stands in for the Konjunktiv I of reported speech where that equals the indicative (switch
    ``konj2_present_time``)."""
    if not (c.R.switch("konj2_present_time") and c.has_pos):
        return False
    tok = c.toks[t]
    f = c.feats[t]
    if not (tok.text.islower() and tok.pos_ in ("VERB", "AUX") and c.low[t].endswith("en") and "Fin" in f.get("VerbForm", ())
            and "Past" in f.get("Tense", ()) and "Plur" in f.get("Number", ())):
        return False
    return any(c.low[k] in c.w.present_time_adverbs and c.in_quote[k] < 0 for k in range(s0, e0))


def _negated_permission(c: Ctx, s0: int, e0: int, t: int) -> bool:
    """Pflegebedürftige und ihre Angehörigen dürften am Ende nicht die Leidtragenden sein. – right after a claim, the plural
    "dürften" with a negation in its clause forbids (the Konjunktiv II that stands in for the Konjunktiv I "dürfen"): the
    speaker's demand, no guess of the author's ("Die Arbeiten dürften sich hinziehen" has no negation; switch
    ``negated_permission``)."""
    return c.R.switch("negated_permission") and c.low[t] == "dürften" and any(
        c.low[k] in c.w.negation_words and c.in_quote[k] < 0 for k in range(s0, e0))


def _after_frame(s: Sent) -> bool:
    """Spiegel Online berichtet vom Einsturz von zehn Häusern. Bis um 14 Uhr hätte es vier größere Nachbeben gegeben. – a
    sentence right after one whose speech verb has a subject that can speak but no claim of its own (a speech act with a
    noun-phrase object that the rules did not take), in the same paragraph: its Konjunktiv II forms of reported speech
    ("hätte", "würden") continue that speaker's report as they do right after a claim (switch ``konj2_after_frame``)."""
    c, si = s.c, s.si
    if not (c.R.switch("konj2_after_frame") and si > 0) or any(f.sent == si - 1 for f in s.found):
        return False
    pa, pb = c.sents[si - 1]
    if c.in_quote[pb - 1] >= 0 or "\n\n" in c.text[c.toks[pb - 1].idx:c.toks[s.a].idx]:
        return False
    words = [t for t in range(s.a, s.b) if c.in_quote[t] < 0]
    first = next((t for t in words if c.toks[t].tag_ in ("VVFIN", "VAFIN", "VMFIN", "VBC")
                  or c.low[t] in c.w.konjunktiv2_reported), None)
    if first is None or c.low[first] not in c.w.konjunktiv2_reported:
        return False                    # "Wahrscheinlich wird die CDU … und würde somit …": an indicative main clause first
    if any(c.low[t] in c.w.wish_adverbs for t in words):
        return False                    # "Er hätte gerne Fachleute eingeladen": his own wish, no report
    return prev_frame_subject(c, si) is not None


konj_main_clause = _konj_main_clause        # (clm21: rules/colon_konj.py)


def _first_person_verb(c: Ctx, t: int) -> bool:
    """Für verfassungsbedenklich halte ich die Online-Durchsuchung. – "ich" right after (or before) the verb: the
    -e form is the 1st person indicative of an interview answer or a column, no Konjunktiv of reported speech
    (switch ``first_person_inverted``)."""
    return (t + 1 < len(c.low) and c.low[t + 1] == "ich") or (t > 0 and c.low[t - 1] == "ich")


def _embedded_after_subject(c: Ctx, seg: int, s0: int, e0: int, b: int) -> bool:
    """Die Straßen, die zum Vordringen genutzt werden sollten, müssten zunächst abgesucht werden. – a relative or
    "wie" clause between commas right after a verbless first segment (the subject) is embedded: the main clause
    goes on after it (switch ``embedded_clause_skip``)."""
    if e0 >= b or c.low[e0] != ",":
        return False
    if not (is_relative(c, s0) or c.low[s0] == "wie"):
        return False
    return not any(c.toks[t].pos_ in ("VERB", "AUX") for t in range(seg, s0 - 1))


def _colon_frame_verb(c: Ctx, si: int):
    """The speech verb of sentence ``si`` when that sentence ends with a colon right after its verb
    group ("Hierzu hat es ausgeführt:", "Dazu erklärt die Landesvorsitzende:"), else None."""
    from ..clauses import attach_aux
    a, b = c.sents[si]
    if c.low[b - 1] != ":" or c.in_quote[b - 1] >= 0:
        return None
    for i in range(b - 2, a - 1, -1):
        if c.in_quote[i] >= 0 or c.low[i] in (",", ";"):
            return None
        h = c.verb_hit(i, b)
        if h is None or h.entry.lemma not in c.w.colon_frame_verbs:
            continue
        if i > a and c.low[i - 1] == "zu" or (h.entry.particle and c.low[i].startswith(h.entry.particle + "zu")):
            return None                 # "ist festzuhalten:": no speaker's frame
        attach_aux(c, h, b)
        return h
    return None


def _advice_frame(c: Ctx, si: int) -> tuple[int, int] | None:
    """The subject of sentence ``si`` when it ends with a colon after an advice noun ("gibt «Vier
    Pfoten» folgende Tipps:", "Die Polizei hat einige Ratschläge:"), else None."""
    from ..speaker import bad_speaker, grab_np, has_actor
    a, b = c.sents[si]
    if c.low[b - 1] != ":" or c.in_quote[b - 1] >= 0 or not any(c.low[t] in c.w.advice_nouns for t in range(b - 4, b - 1)):
        return None
    for t in range(a, b - 1):           # the first named actor before the advice noun is the adviser
        if c.in_quote[t] >= 0 and not (c.is_quote_mark(t) or t in c.ent_at):
            continue
        if t > a and (c.toks[t - 1].pos_ == "ADP" or c.low[t - 1] in c.w.determiners):
            continue
        sp = grab_np(c, t, b - 1, pp=False)
        if sp is None or bad_speaker(c, sp):
            continue
        if has_actor(c, sp) or (c.is_quote_mark(sp[0]) and sp[1] - sp[0] >= 3):
            return sp                   # a named actor, or a quoted name: «Vier Pfoten»
    return None


def _list_item(c: Ctx, a: int) -> bool:
    return c.low[a] in ("-", "–", "•", "*")


@rule("colon_content", "continuation")
def colon_content(s: Sent) -> list[Found] | None:
    """Hierzu hat das Gericht ausgeführt: / Die Beklagte habe die Fotos ohne Zustimmung gezeigt. – a
    sentence that follows a frame ending in a speech verb and a colon, without quotation marks, is
    what the frame's subject said (cue: that verb); Konjunktiv sentences after it continue it. A frame
    of advice ("gibt «Vier Pfoten» folgende Tipps:") frames the list items after it, each one claim."""
    c, si, a, b = s.c, s.si, s.a, s.b
    if si > 0 and _list_item(c, a) and s.found:
        prev = s.found[-1]              # the next item of a list framed by a colon (an item may hold several sentences)
        if prev.rule == "colon_content" and prev.msg and _list_item(c, prev.msg[0] - 1) and si - prev.sent <= CONT_WINDOW:
            return [Found((a + 1, b), None, prev.speaker, list(prev.cue), "indirect", "colon_content", si,
                          speaker_key=prev.speaker_key)]
    if si == 0 or any(f.sent == si - 1 and not f.dropped for f in s.found):
        return None
    h = _colon_frame_verb(c, si - 1)
    if h is None:
        adviser = _advice_frame(c, si - 1) if _list_item(c, a) else None
        if adviser is None:
            return None
        return [Found((a + 1, b), None, adviser, [], "indirect", "colon_content", si)]
    from ..speaker import find_subject, passive_agent
    from ..clauses import clause_start, is_passive
    pa, pb = c.sents[si - 1]
    lo = clause_start(c, h.i, pa)
    sp = find_subject(c, h, lo, pb - 1) if not is_passive(c, h) else passive_agent(c, lo, pb - 1)
    cue = sorted({h.i, *h.particle, *h.aux})
    if sp and (c.in_quote[sp[0]] >= 0 or (sp[1] - sp[0] == 1 and (
            c.low[sp[0]] in c.R.not_speakers or c.low[sp[0]] in c.w.not_nouns))):
        sp = None
    key = None
    if sp is None and c.R.switch("colon_frame_subject"):
        sp = _named_frame_subject(c, pa, pb)    # "Fraktionschef Volker Hanisch (CDU) kündigte einen Antrag an:"
    if sp is None:                      # "Hierzu hat es ausgeführt:": the speaker of the claim before
        last = next((f for f in reversed(s.found) if f.speaker is not None and si - f.sent <= CONT_WINDOW
                     and f.rule != "source_adverb"), None)
        if last is not None:
            sp, key = latest_mention(c, last, a), last.speaker_key
    return [Found((a, b), None, sp, cue, "indirect", "colon_content", si, speaker_key=key)]


@rule("konj_continuation", "continuation")
def konj_continuation(s: Sent) -> list[Found] | None:
    """Man könne über eine Lockerung reden, sagte Merz. Voraussetzung sei allerdings, dass … – a
    main clause in Konjunktiv I continues reported speech. The speaker is that of the latest claim
    within a few sentences; without one, the claim has no speaker. Consecutive Konjunktiv
    sentences make one claim."""
    if not (_konj_main_clause(s) or _konj_dependent(s)):
        return None
    prev = _konj2_before(s)
    if prev is not None:                # "Techniker hätten … . Dadurch sei …": the chain starts one sentence earlier
        r = _continue(prev, "konj_continuation")
        if not r:
            return _continue(s, "konj_continuation")      # it extended the claim before: extend it on over this one
        r[0].msg, r[0].sent = (r[0].msg[0], s.b), s.si
        return r
    return _continue(s, "konj_continuation")


DEPENDENT_OPENERS = ("dass", "da", "weil", "obwohl", "zumal", "sodass", "wenn")


def _konj_dependent(s: Sent) -> bool:
    """„Der Wind stand günstig“, sagte Riedmüller. Die Löscharbeiten dürften sich bis in den Montag hinziehen, da das Heu
    abgelöscht werden müsse. – right after a claim, in the same paragraph, a sentence whose main clause is no Konjunktiv I
    but whose dependent clause ("dass", "da", "weil" …) is one reports that speaker's reasons: the Konjunktiv of the
    clause marks the whole sentence as reported speech (switch ``konj_dependent``). Not in the 1st person, not a
    question, not with "man"/"wer", not where the main clause has a quotation or "soll" (hearsay)."""
    c, si, a, b = s.c, s.si, s.a, s.b
    if not (c.R.switch("konj_dependent") and s.found and si - s.found[-1].sent == 1 and c.has_pos):
        return False
    if c.low[b - 1] == "?" or c.in_quote[a] >= 0 or "\n\n" in c.text[c.toks[c.sents[si - 1][1] - 1].idx:c.toks[a].idx]:
        return False
    if any(c.low[t] in ("ich", "wir", "man", "wer") for t in range(a, b)):
        return False
    for k in range(a + 1, b - 1):
        if c.low[k] != "," or c.in_quote[k] >= 0 or c.low[k + 1] not in DEPENDENT_OPENERS:
            continue
        main = range(a, k)
        if any(c.in_quote[t] >= 0 or c.low[t] in c.w.hearsay_modals for t in main) \
                or not any(c.toks[t].pos_ in ("VERB", "AUX") for t in main):
            return False                # "Er soll … kassiert haben, obwohl … sei": soll_hearsay's
        end = next_comma(c, k + 1, b)
        return any(is_konj1(c, t) for t in range(k + 2, end))
    return False


def _konj2_before(s: Sent) -> Sent | None:
    """Der Untersuchungsbericht schildert die Fehlerkette. Techniker hätten den Hebel falsch gestellt. Dadurch sei
    eine Kette von Warnsignalen ausgelöst worden. – a sentence in the Konjunktiv II ("hätten", "wäre", "könnten",
    words.yaml konjunktiv2 and konjunktiv2_reported) right before a Konjunktiv I continuation, in the same paragraph,
    without a claim of its own, is reported speech too: the continuation starts there (switch
    ``konj2_before_konj1``)."""
    c, si = s.c, s.si
    if not c.R.switch("konj2_before_konj1") or si == 0 or any(f.sent == si - 1 for f in s.found):
        return None
    pa, pb = c.sents[si - 1]
    if c.in_quote[pa] >= 0 or c.in_quote[pb - 1] >= 0 or "\n\n" in c.text[c.toks[pb - 1].idx:c.toks[s.a].idx]:
        return None
    if c.low[pb - 1] == ":" or any(c.low[t] in ("ich", "wir", "mir", "uns") for t in range(pa, pb)):
        return None
    prev = Sent(c, si - 1, pa, pb, s.found, s.covered)
    forms = frozenset(c.w.konjunktiv2) | frozenset(c.w.konjunktiv2_reported)
    return prev if _konj_main_clause(prev, forms) else None


@rule("soll_hearsay", "continuation")
def soll_hearsay(s: Sent) -> list[Found] | None:
    """Er soll zwei Menschen eingeschleust haben. – sollen with a perfect infinitive (or "soll"
    right after a claim) reports what others say."""
    c, a, b = s.c, s.a, s.b
    seg, seg_end = _main_segment(c, a, b)
    near = bool(s.found) and s.si - s.found[-1].sent == 1 and c.R.switch("soll_continuation")
    if not (is_hearsay(c, a, b) or (near and any(c.low[t] in c.w.hearsay_modals and c.in_quote[t] < 0
                                               for t in range(seg, seg_end)))):
        return None
    return _continue(s, "soll_hearsay")


def _extends_previous(s: Sent, last: Found | None, rule_id: str) -> bool:
    """Extend the previous sentence's Konjunktiv continuation over this sentence (same paragraph)."""
    c, si = s.c, s.si
    merge = (rule_id == "konj_continuation" and c.R.switch("konj_merge")) or (
        rule_id == "soll_hearsay" and c.R.switch("soll_merge") and last is not None and not last.dropped)
    if merge and last is not None and last.dropped and c.R.switch("no_merge_into_dropped"):
        merge = False                   # "…, nicht wahr? / Wer habe das gewollt?" was dropped: no record to extend
    if merge and last is not None and last.rule == rule_id and last.msg and last.sent == si - 1:
        gap = c.text[c.toks[c.sents[si - 1][1] - 1].idx:c.toks[s.a].idx]
        if "\n\n" not in gap:
            last.msg = (last.msg[0], s.b)          # one claim for consecutive Konjunktiv sentences
            last.sent = si
            return True
    return False


def _new_subject(c: Ctx, si: int, last: Found) -> tuple[int, int] | None:
    """The named subject of the sentence before a Konjunktiv sentence, when it is another actor than
    the speaker of the last claim: "Der US-Nachrichtensender CNN wiederum scheint skeptischer zu sein.
    Die Echtheit der Bilder könne noch nicht bestätigt werden." (CNN, not the ministry quoted before)."""
    from ..speaker import resolve_speaker
    sp = prev_subject(c, si)
    if sp is None or (last.speaker is not None and sp == last.speaker):
        return None
    key = resolve_speaker(c, sp, [])
    return sp if key is not None and key != last.speaker_key else None


def colon_frame_subject(c: Ctx, si: int, a: int, b: int, last: Found | None) -> tuple[tuple[int, int], int] | None:
    """Der IT-Sicherheitsforscher Malte Grünewald hält die Darstellung für zu optimistisch. … Medivo widersprach: Bei
    den Terminlisten handle es sich um Testdaten. / Albers gibt sich gelassen: Man sei technologisch voraus. – a
    Konjunktiv sentence right after a frame that ends in a colon (outside quotations; the sentence before, or the
    sentence's own opening up to a colon with no Konjunktiv I before it; the frame, whatever its verb) reports that
    frame's subject when it names an actor (the parse's subject of the root, else the noun phrase that opens the frame;
    an unknown lone name counts) and is not the speaker of the claim before, who otherwise would go on speaking
    (switch ``colon_frame_subject``, spk17b). A frame subject without a name is left alone. Returns the subject and
    where the claim starts (after the colon)."""
    if not c.R.switch("colon_frame_subject"):
        return None
    k = next((t for t in range(a + 2, b - 2) if c.low[t] == ":" and c.in_quote[t] < 0), None)
    if k is not None and (c.is_quote_mark(k + 1) or any(_konj1_form(c, t) or is_konj1(c, t) for t in range(a, k))):
        return None                     # "Hinzu komme, dass … sei: …", "… auf den Straßen: „Mein Bruder …“"
    if k is not None:
        sp, start = _named_frame_subject(c, a, k + 1), k + 1
    elif si > 0 and c.low[c.sents[si - 1][1] - 1] == ":" and c.in_quote[c.sents[si - 1][1] - 1] < 0:
        sp, start = _named_frame_subject(c, *c.sents[si - 1]), a
    else:
        return None
    if sp is None or last is None or last.speaker is None:
        return (sp, start) if sp is not None else None
    from ..speaker import resolve_speaker
    same = sp == last.speaker or (last.speaker_key is not None and resolve_speaker(c, sp, []) == last.speaker_key)
    return None if same else (sp, start)


def _named_frame_subject(c: Ctx, sa: int, sb: int) -> tuple[int, int] | None:
    if c.in_quote[sa] >= 0:
        return None
    from ..speaker import _lone_name, bad_speaker, grab_np, has_actor, subject_dep
    root = next((t for t in range(sa, sb) if c.has_dep and c.toks[t].dep_ == "ROOT"), None)
    dep = subject_dep(c, root) if root is not None and c.toks[root].pos_ in ("VERB", "AUX") else None
    if dep is not None and sa <= dep[0] and dep[1] < sb and not bad_speaker(c, dep) and has_actor(c, dep):
        return dep
    sp = grab_np(c, sa, sb - 1)
    if sp is None or sp[0] != sa or bad_speaker(c, sp):
        return None
    if has_actor(c, sp) or (_lone_name(c, sp) and c.has_pos and c.toks[sa].pos_ == "PROPN" and sa in c.ent_at):
        return sp
    return None


PARAGRAPH_WINDOW = 8     # … or, within its paragraph, of the last N sentences


def _paragraph_source(c: Ctx, si: int, found: list[Found]) -> Found | None:
    """The latest claim with a credible speaker earlier in the same paragraph (beyond CONT_WINDOW): a news
    paragraph that opens with a source goes on reporting it ("Die Polizei teilte mit, … . … . … . Der Täter
    sei geflohen.")."""
    for f in reversed(found):
        if si - f.sent > PARAGRAPH_WINDOW or f.msg is None:
            return None
        if f.speaker is None or f.rule == "source_adverb" or f.dropped or not _credible_source(c, f):
            continue
        gap = c.text[c.toks[f.msg[0]].idx:c.toks[c.sents[si][0]].idx]
        return f if "\n\n" not in gap else None
    return None


def _adverb_source_continues(c: Ctx, si: int, last: Found, found: list[Found]) -> bool:
    """Das Bundeskartellamt hat seinen Bericht vorgelegt. Demnach kann … nachgewiesen werden. Die Lage sei jedoch
    unbefriedigend. – a Konjunktiv sentence right after a "Demnach" claim that points back to a named source (an
    actor) goes on reporting that source: its speaker mention is "Demnach", its actor the source's; where a claim
    of a few sentences before names a speaker ("laut dem Magazin Focus … . Demnach … . … sei …"), that one goes on
    (switch ``adverb_source_continues``)."""
    if not (c.R.switch("adverb_source_continues") and si - last.sent == 1):
        return False
    if last.speaker_key is None and not (c.R.switch("adverb_source_np") and last.speaker is not None
                                         and last.speaker[1] - last.speaker[0] > 1):
        return False                    # "Demnach" as the speaker, no source noun phrase before it
    return not any(f.speaker is not None and f.rule != "source_adverb" and si - f.sent <= CONT_WINDOW
                   and _credible_source(c, f) for f in found)


def _credible_source(c: Ctx, f: Found) -> bool:
    """Whether a claim's speaker can be the source a continuation takes over: an actor, a name, a
    pronoun, a role, source or institution noun; not a thing the speaker rule took for a subject ("Jens
    Wieseke fordert freie Sicht nach draußen. Die Muster seien unruhig …": Wieseke, not "freie Sicht")."""
    from ..speaker import plausible_source, plausible_speaker
    if f.speaker is None or not c.R.switch("credible_source"):
        return True
    if c.R.switch("modal_frame_source") and _modal_frame(c, f):
        return False
    if c.R.switch("article_not_pronoun"):
        return f.speaker_key is not None or plausible_source(c, f.speaker)
    return f.speaker_key is not None or plausible_speaker(c, f.speaker)


def _modal_frame(c: Ctx, f: Found) -> bool:
    """Außerdem müssten sich die Nutzer damit einverstanden erklären, dass … – a frame whose speech verb
    depends on a modal of obligation or possibility (words.yaml obligation_modals) in the subject's clause
    says what someone must or could say, not what they said: its subject is no source for the Konjunktiv
    sentences after it (they go on reporting the source before)."""
    if not f.cue or f.speaker is None or f.rule not in ("verb_dass", "verb_konj", "verb_zu", "verb_inverted"):
        return False
    lo, hi = min(f.speaker[0], f.cue[0]), f.cue[0]
    lo = max(c.sents[f.sent][0] if f.sent < len(c.sents) else lo, lo - 4)
    return any(c.low[t] in c.w.obligation_modals and c.in_quote[t] < 0 for t in range(lo, hi))


def _authority_subject(c: Ctx, si: int) -> tuple[int, int] | None:
    """Die New Yorker Gesundheitsbehörden haben einen neuen Virusstamm entdeckt. Er soll resistent sein. – the
    source of soll-hearsay without one: the subject of the sentence before when it names an organisation (an
    authority, a company), not a person (mostly the one the hearsay is about: "X wurde gefasst. Er soll …")."""
    from ..speaker import has_actor, has_person_actor
    sp = prev_subject(c, si)
    if sp is None or has_person_actor(c, sp) or not has_actor(c, sp):
        return None
    return sp


def _continue(s: Sent, rule_id: str) -> list[Found]:
    """The continuation claim (the whole sentence) with the speaker it continues."""
    c, si, a, b, found = s.c, s.si, s.a, s.b, s.found
    last = found[-1] if found else None
    if last is not None and si - last.sent > CONT_WINDOW:
        last = None
    final = final_frame_subject(c, a, b) if rule_id == "konj_continuation" else None
    if final is not None:               # "Ohne neue Kraftwerke werde die Schweiz … nie sichern können, sagte er."
        return [Found((a, b), None, final, [], "indirect", rule_id, si)]
    if _extends_previous(s, last, rule_id):
        return []
    colon = colon_frame_subject(c, si, a, b, last) if rule_id == "konj_continuation" else None
    if colon is not None:               # "Medivo widersprach: Bei den Terminlisten handle es sich um Testdaten."
        return [Found((colon[1], b), None, colon[0], [], "indirect", rule_id, si)]
    if last is not None and last.rule == "source_adverb" and not _adverb_source_continues(c, si, last, found):
        last = None                     # "Demnach" names no speaker to continue
    if last is not None and not _credible_source(c, last):
        last = None                     # "fordern die Nennung eines Datums": no one to continue
    if last is None or last.speaker is None:
        src = next((f for f in reversed(found) if f.speaker is not None and si - f.sent <= CONT_WINDOW
                    and f.rule != "source_adverb" and _credible_source(c, f)), None)
        if src is None:
            sp = prev_frame_subject(c, si)
            if sp is None and c.R.switch("paragraph_source"):
                par = _paragraph_source(c, si, found)
                if par is not None:
                    return [Found((a, b), None, latest_mention(c, par, a), [], "indirect", rule_id, si,
                                  speaker_key=par.speaker_key)]
            if sp is None and c.R.switch("prev_subject") and rule_id == "konj_continuation":
                sp = prev_subject(c, si)
            if sp is None and rule_id == "soll_hearsay" and c.R.switch("soll_prev_subject"):
                sp = _authority_subject(c, si)
            return [Found((a, b), None, sp, [], "indirect", rule_id, si)]
        last = src
    if last.sent < si - 1:
        sp = prev_frame_subject(c, si)      # a newer frame without a claim of its own
        if sp is None and c.R.switch("new_subject_continues") and rule_id == "konj_continuation":
            sp = _new_subject(c, si, last)
        if sp is not None:
            return [Found((a, b), None, sp, [], "indirect", rule_id, si)]
    return [Found((a, b), None, latest_mention(c, last, a), [], "indirect", rule_id, si,
                  speaker_key=last.speaker_key)]


def final_frame_subject(c: Ctx, a: int, b: int) -> tuple[int, int] | None:
    """Gerade eine technische Hochschule brauche Menschen, die über die Folgen von Technik nachdenken, sagt er. / Ohne
    neue Kernkraftwerke werde die Schweiz ihre Versorgung nie sichern können, sagte er. – a Konjunktiv sentence that
    the verb rules left to the continuation but that ends in an inverted frame of its own (", sagt er.", ", sagte
    Meier.": a lower-case speech verb after the last unquoted comma, its subject after it, nothing else up to the end)
    reports that frame's subject, not the speaker of the claim before (switch ``final_frame_subject``, spk18)."""
    if not c.R.switch("final_frame_subject"):
        return None
    from ..speaker import outer_frame_speaker
    m = next((t for t in range(b - 2, a, -1) if c.low[t] == "," and c.in_quote[t] < 0), None)
    if m is None or c.in_quote[b - 1] >= 0 or any(c.in_quote[t] >= 0 for t in range(m, b)):
        return None
    sp = outer_frame_speaker(c, m, b)
    if sp is None or sp[0] <= m + 1:
        return None
    end = b - 1 if c.is_punct(b - 1) else b
    return sp if all(c.low[t] not in (",", ";", ":") for t in range(m + 1, end)) else None


CHAIN_RULES = ("noun_dass", "verb_inverted", "noun_konj", "verb_dass", "verb_konj")
KONJ_FRAME_RULES = ("speech_act", "verb_v2", "verb_zu")     # with switch chain_konj_frame (spk17)


def reported_chain_speaker(c: Ctx, si: int, a: int, b: int, local: list[Found], found: list[Found],
                           covered: set[int]) -> None:
    """Das Gericht hat ausgeführt: … Inhalt und Aufbau der Seite vermittelten den Eindruck, dass … – a claim
    without a speaker in a Konjunktiv sentence right after a claim with a speaker (same paragraph) is part
    of that speaker's report: it takes that speaker (its latest mention), as a continuation would."""
    if not c.R.switch("reported_chain") or si == 0 or not found:
        return
    rules = CHAIN_RULES + (KONJ_FRAME_RULES if c.R.switch("chain_konj_frame") else ())
    todo = [f for f in local if (f.speaker is None or _chain_frame(c, f)) and not f.dropped and f.rule in rules]
    if not todo:
        return
    last = found[-1]
    if last.sent != si - 1 or last.speaker is None or last.dropped or not _credible_source(c, last) \
            or last.rule == "source_adverb":
        return
    gap = c.text[c.toks[c.sents[si - 1][1] - 1].idx:c.toks[a].idx]
    across = c.R.switch("chain_across_paragraph") and last.rule == "konj_continuation" and all(
        f.speaker is None for f in todo)        # a report that runs on over paragraphs, as konj_continuation's does
    if "\n\n" in gap and not across:
        return
    if not _konj_main_clause(Sent(c, si, a, b, found, covered)) and not _konj_message(c, todo):
        return
    from ..speaker import outer_frame_speaker
    if outer_frame_speaker(c, a, b) is not None:
        return                          # "Es könne nicht bestätigt werden, dass …, teilte X mit": a frame of its own
    for f in todo:
        f.speaker, f.speaker_key = latest_mention(c, last, a), last.speaker_key


def _konj_message(c: Ctx, todo: list[Found]) -> bool:
    """Inhalt und Aufbau der Seite vermittelten dem Nutzer den Eindruck, dass sich die Beklagte die Rezepte zu eigen
    gemacht habe. – claims without a speaker whose own message is in Konjunktiv I continue the report before even
    where the main clause is not (its verb a preterite: "vermittelten"): no one in the sentence speaks, the Konjunktiv
    says whose words they are (switch ``chain_konj_message``)."""
    if not c.R.switch("chain_konj_message") or any(f.speaker is not None or f.msg is None for f in todo):
        return False
    return all(_no_speaking_frame(c, f) and any(is_konj1(c, t) and c.in_quote[t] < 0 for t in range(*f.msg))
               for f in todo)


def _no_speaking_frame(c: Ctx, f: Found) -> bool:
    """A frame that names no speaker by its grammar: a claim noun ("den Eindruck, dass") or a passive speech verb
    ("Insbesondere kritisiert wird, dass"); not an active verb whose subject the speaker rules missed
    ("Jugendliche haben ausgesagt, dass", "Aus EU-Kreisen verlautete, …")."""
    if any(c.low[t] in ("wird", "wurde", "werden", "wurden") for t in f.cue):
        return True
    if f.rule not in ("noun_dass", "noun_konj") or not f.cue:
        return False
    k = min(f.cue) - 1                  # "Der Experte wandte sich gegen die Behauptung, …": the claim he opposes
    if k >= 0 and c.low[k] in c.w.reaction_prepositions:
        return False
    return not _speaking_subject(c, f.sent, min(f.cue))


def _speaking_subject(c: Ctx, si: int, upto: int) -> bool:
    """Die BVG begegnet der Kritik mit dem Argument, … – the subject of the first verb before the cue at ``upto`` that
    has one names someone who can speak (its core before any attribute: "Inhalt und Aufbau der Internetseite
    „www.chefkoch.de“" names no one)."""
    from ..speaker import has_actor, _speaking_token, subject_dep
    if not c.has_dep:
        return False
    a = c.sents[si][0]
    sp = next((x for x in (subject_dep(c, t) for t in range(a, upto) if c.toks[t].pos_ in ("VERB", "AUX")
                           and c.in_quote[t] < 0) if x is not None), None)
    if sp is None:
        return False
    e = next((t for t in range(sp[0] + 1, sp[1]) if c.low[t] in c.w.genitive_determiners | c.w.np_prepositions
              or c.in_quote[t] >= 0), sp[1])
    first = sp[0] + (1 if e - sp[0] > 1 and c.low[sp[0]] in c.w.determiners else 0)
    return has_actor(c, (sp[0], e)) or any(_speaking_token(c, t) for t in range(first, e))


def _chain_frame(c: Ctx, f: Found) -> bool:
    """Außerdem müssten sich die Nutzer damit einverstanden erklären, dass … / Die Kochrezepte stellten aber den
    Kerngehalt dar, für den … – inside reported speech, a frame whose speech verb depends on a modal of obligation
    or possibility (what someone must or could say) or whose subject names no one who can speak (a thing) is no
    speech act of its own: it belongs to the report of the speaker before, as a claim without a speaker would
    (switch ``chain_frame_speaker``; the other conditions are those of :func:`reported_chain_speaker`)."""
    from ..speaker import has_actor, plausible_source
    if f.speaker is not None and _konj_frame(c, f):
        return True
    if not c.R.switch("chain_frame_speaker") or f.speaker is None or has_actor(c, f.speaker):
        return False
    return _modal_frame(c, f) or not plausible_source(c, f.speaker)


def _konj_frame(c: Ctx, f: Found) -> bool:
    """„…“, sagte die Betriebsratsvorsitzende Sevgi Aydın. Der Betriebsrat werde keinem Stellenabbau zustimmen, solange …
    / Ihr Verband fordere deshalb mindestens vier Anrechnungsstunden. – inside reported speech, a frame whose own finite
    verb (the speech verb or its auxiliary, before the message) is in Konjunktiv I is itself reported: its subject
    ("der Betriebsrat", "ihr Verband") is what the speaker before says about, not a new speaker (switch
    ``chain_konj_frame``; not a pronoun subject: "Sie wisse, dass …"; the other conditions are those of
    :func:`reported_chain_speaker`)."""
    if not c.R.switch("chain_konj_frame") or not f.cue:
        return False
    whole = f.rule == "speech_act"      # its message is the whole sentence
    if f.speaker is None or f.speaker[1] - f.speaker[0] == 1 and c.low[f.speaker[0]] in c.w.person_pronouns | {"sie"}:
        return False                    # "Sie wisse, dass …": a pronoun names its own speaker
    if f.speaker[1] > f.cue[0] or not whole and f.msg is not None and f.msg[0] < f.cue[0]:
        return False                    # the subject before its verb, the message after it ("…, sagte X" is no such frame)
    end = max(f.cue) + 1 if f.msg is None or whole else min(f.msg[0], max(f.cue) + 1)
    return any(is_konj1(c, t) and c.toks[t].text.islower() and c.in_quote[t] < 0 for t in range(f.speaker[1], end))


def quote_sources(c: Ctx, found: list[Found], n: int) -> None:
    """Stoiber begründete seinen Rückzug mit einer „veränderten Lage“. Damit seien … – a Konjunktiv
    continuation left without a speaker takes the speaker of a quotation claim the document stage found
    later (``found[n:]``) in the sentences right before it, when no claim with a speaker stands between."""
    if not c.R.switch("quote_sources"):
        return
    late = [g for g in found[n:] if g.speaker is not None and not g.dropped and _credible_source(c, g)]
    if not late:
        return
    for f in found[:n]:
        if f.rule != "konj_continuation" or f.speaker is not None or f.dropped or f.msg is None:
            continue
        first = c.sent_of[f.msg[0]]
        src = [g for g in late if first - CONT_WINDOW <= g.sent < first]
        if not src:
            continue
        g = max(src, key=lambda x: (x.sent, x.msg[0] if x.msg else 0))
        if any(h.speaker is not None and g.sent <= h.sent < first for h in found[:n] if h is not f):
            continue
        f.speaker, f.speaker_key = latest_mention(c, g, f.msg[0]), g.speaker_key


def adverb_source_np(c: Ctx, si: int, last: Found | None = None) -> tuple[int, int] | None:
    """Am Montag wurde eine neue Studie zur Armut veröffentlicht. Demnach ist die Zahl der Armen gestiegen. – the
    source a "Demnach"/"Danach" in sentence ``si`` refers back to when it names no actor: the noun phrase of a
    source noun (speech.yaml nouns: Studie, Bericht, Umfrage, Angaben …) in the sentence before, with its
    determiner and adjectives (switch ``adverb_source_np``); None when there is none (the adverb stays the speaker).
    With switch ``adverb_prev_speaker`` first the speaker of the claim ``last`` of the sentence before
    (:func:`adverb_prev_speaker`), and last the institution subject of the sentence before."""
    from ..speaker import bad_speaker, grab_np
    if si == 0 or not c.R.switch("adverb_source_np"):
        return None
    prev = adverb_prev_speaker(c, si, last) if last is not None else None
    if prev is not None:
        return prev
    sa, sb = c.sents[si - 1]
    for t in range(sa, sb):
        if c.in_quote[t] >= 0 or not c.toks[t].text[:1].isupper() or not is_source_noun(c, t):
            continue
        k = t
        while k > sa and c.in_quote[k - 1] < 0 and (c.low[k - 1] in c.w.determiners or (
                c.has_pos and c.toks[k - 1].pos_ in ("ADJ", "DET", "NUM") and c.toks[k - 1].text.islower())):
            k -= 1
        sp = grab_np(c, k, sb)
        if sp is not None and sp[0] == k and sp[1] > t and not bad_speaker(c, sp):
            return sp
    return _institution_subject_before(c, si)


def adverb_prev_speaker(c: Ctx, si: int, last: Found) -> tuple[int, int] | None:
    """Wie die Polizei mitteilte, geriet ein Auto ins Schleudern. Demnach war der Fahrer zu schnell. – "Demnach" right
    after a claim whose speaker names no actor (a common noun: "die Polizei", "ein Sprecher der Feuerwehr") points
    back to that speaker: its latest mention is the speaker, not the adverb (switch ``adverb_prev_speaker``)."""
    if not c.R.switch("adverb_prev_speaker") or last.sent != si - 1 or last.speaker is None or last.dropped:
        return None
    if last.rule == "source_adverb" or last.speaker_key or not _credible_source(c, last):
        return None
    sp = latest_mention(c, last, c.sents[si][0])
    return sp if sp is not None and c.in_quote[sp[0]] < 0 else None


def _institution_subject_before(c: Ctx, si: int) -> tuple[int, int] | None:
    """Die Polizei hat am Montag ihre Bilanz vorgelegt. Demnach ist die Zahl der Einbrüche gesunken. – without a
    source noun, the subject of the sentence before that names an institution ("Die Polizei", "Das Ministerium",
    "Der Konzern") or an actor is the source "Demnach" refers to (switch ``adverb_prev_speaker``)."""
    from ..speaker import bad_speaker, institution_subject, subject_dep
    if not c.R.switch("adverb_prev_speaker") or not c.has_dep:
        return None
    sa, sb = c.sents[si - 1]
    if "\n\n" in c.text[c.toks[sb - 1].idx:c.toks[c.sents[si][0]].idx]:
        return None
    root = next((t for t in range(sa, sb) if c.toks[t].dep_ == "ROOT" and c.in_quote[t] < 0
                 and c.toks[t].pos_ in ("VERB", "AUX")), None)
    sp = subject_dep(c, root) if root is not None else None
    if sp is None or bad_speaker(c, sp) or c.in_quote[sp[0]] >= 0 or not c.toks[sp[1] - 1].text[:1].isupper():
        return None
    head = next((t for t in range(sp[0], sp[1]) if c.toks[t].pos_ in ("NOUN", "PROPN")), sp[1] - 1)
    if institution_subject(c, sp) or c.low[head].endswith(tuple(c.w.institution_nouns)):
        return sp                       # "Die Polizei Hamburg": the head noun comes first
    return None


def dropped_sentence_continues(c: Ctx, si: int, a: int, b: int, local: list[Found], found: list[Found],
                               covered: set[int]) -> list[Found]:
    """Er wisse auch nicht, was die USA zu diesem Schritt bewogen hatten. – a sentence whose own claims the filters
    all dropped (a w-clause, a thing as the subject of a speech verb) may still continue reported speech: the
    ``continuation`` rules run on it as on a sentence without claims (switch ``dropped_sentence_continues``). The
    dropped claims stay context before the continuation (``found`` gets them first); where the continuation extends
    the claim before, they go in before that claim, so that the chain goes on from it."""
    if not local or not all(f.dropped for f in local) or not c.R.switch("dropped_sentence_continues"):
        return local
    n = len(found)
    extra = continuation(c, si, a, b, found, covered)
    for f in extra:
        f.dropped = not_a_claim(c, f)
    if not extra and n and found[-1].sent == si:   # the claim before now runs over this sentence
        last = found.pop()
        return local + [last]
    return local + extra


continue_claim = _continue                  # (clm21: rules/colon_konj.py)
