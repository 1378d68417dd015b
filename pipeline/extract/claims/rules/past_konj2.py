"""clm18 (issue 12: which claims exist): the Konjunktiv II that stands in for the Konjunktiv I of reported speech
where both the Konjunktiv I and the Konjunktiv II of a plural equal an indicative form ("fehlen" / "fehlten")."""
from __future__ import annotations

from ..context import Ctx

UMLAUT_VOWELS = frozenset("aou")
KONJ_BACK = 2            # sentences before that may show the report's Konjunktiv
NON_FINITE_TAGS = ("VVPP", "VAPP", "VMPP", "VVINF", "VAINF", "VMINF", "VVIZU")


def plural_past_konj2(c: Ctx, s0: int, e0: int, t: int) -> bool:
    """Viele fühlten sich in den ersten Monaten allein gelassen. – right after a claim (the caller checks that), in the same
    paragraph, a finite 3rd person plural past form whose Konjunktiv II is the same word (a weak verb: "fehlten",
    "arbeiteten"; a strong verb whose past stem cannot take an umlaut: "liefen", "ließen", "blieben"; "sollten",
    "wollten") continues the report: the plural Konjunktiv I equals the indicative, so reported speech takes the
    Konjunktiv II, and its form is the preterite's. Not with a word of past time in the clause ("gestern", "damals",
    "am Montag", a year: words.yaml past_time_words), which narrates the past (switch ``konj2_plural_past``)."""
    if not (c.R.switch("konj2_plural_past") and c.has_pos and c.in_quote[t] < 0):
        return False
    tok = c.toks[t]
    if not (tok.text.islower() and (tok.pos_ in ("VERB", "AUX") or _verb_slot_adjective(c, t, s0))):
        return False
    f = c.feats[t]
    if tok.tag_ in NON_FINITE_TAGS or {"Part", "Inf"} & set(f.get("VerbForm", ())) or "1" in f.get("Person", ()):
        return False                    # "geschrieben", "entscheiden können", "wir"
    if not same_as_konj2(c.low[t], tok.lemma_.lower()) or (c.low[t] in c.w.konjunktiv2 and c.low[t] not in ("sollten", "wollten")):
        return False                    # "dürften", "könnten": the Konjunktiv II forms of their own (_konj_main_clause)
    if any(c.low[k] == "wir" for k in range(s0, e0)):
        return False
    if c.verb_hit(t, e0) is not None or any(k in c.ent_at and c.ent_at[k][2] in ("PER", "ORG") for k in range(s0, t)):
        return False                    # "Auch die baltischen Staaten drängten auf …", "Die Linke und die Grünen reagierten …":
                                        # a new actor's act, narrated
    si = c.sent_of[t]
    if si == 0 or "\n\n" in c.text[c.toks[c.sents[si - 1][1] - 1].idx:c.toks[c.sents[si][0]].idx]:
        return False
    if any(past_time_word(c, k) for k in range(s0, e0)):
        return False
    return _konj_context(c, si)


def _konj_context(c: Ctx, si: int) -> bool:
    """The report around sentence ``si`` is in the Konjunktiv: the sentence before has a Konjunktiv form outside
    quotations ("sagte, die Seiteneinsteiger bräuchten …", "Es sei … zu rechnen, schreibt X"), or the sentence after, in the
    same paragraph, one of the Konjunktiv I ("… belasteten die Firmen. Die Bundesregierung müsse …"). Narration after a
    quotation or a source ("Nach Angaben der Polizei …. Mediziner behandelten zwei Passagiere.") has neither."""
    from ..clauses import is_konj1
    if quote_frame_before(c, si):
        return True
    for sj in range(si - 1, max(-1, si - 1 - KONJ_BACK), -1):
        pa, pb = c.sents[sj]
        if any(c.in_quote[k] < 0 and (c.low[k] in c.w.konjunktiv2 or c.low[k] in c.w.konjunktiv2_reported or (
                c.toks[k].pos_ in ("VERB", "AUX") and c.is_konj(k)) or is_konj1(c, k)) for k in range(pa, pb)):
            return True
        if sj == 0 or "\n\n" in c.text[c.toks[c.sents[sj - 1][1] - 1].idx:c.toks[pa].idx]:
            break
    if si + 1 >= len(c.sents):
        return False
    na, nb = c.sents[si + 1]
    if "\n\n" in c.text[c.toks[c.sents[si][1] - 1].idx:c.toks[na].idx]:
        return False
    return any(c.in_quote[k] < 0 and is_konj1(c, k) for k in range(na, nb))


def quote_frame_before(c: Ctx, si: int) -> bool:
    """„So einen Ansturm hatten wir noch nie“, sagt Beraterin Ayşe Demirtaş. Viele Ältere schämten sich, Hilfe zu holen. – the
    sentence before holds a quoted statement (three words or more, a verb among them) with its frame in the present tense
    (a speech verb outside the quotation: "sagt", "schreibt"): the speaker goes on in a report of her own words, whose
    plural takes the Konjunktiv II; in a report told in the present a preterite plural is no narration. After a frame in
    the past ("sagte", "betonte") it mostly narrates what happened next (switch ``konj2_after_quote``, clm21)."""
    if not c.R.switch("konj2_after_quote") or si == 0:
        return False
    pa, pb = c.sents[si - 1]
    quoted = [k for k in range(pa, pb) if c.in_quote[k] >= 0 and not c.is_punct(k)]
    if len(quoted) < 3 or not any(c.toks[k].pos_ in ("VERB", "AUX") for k in quoted):
        return False                    # "sprach von einem „Aufbruchssignal“": a quoted word, no statement
    return any(c.in_quote[k] < 0 and c.verb_hit(k, pb) is not None and "Pres" in c.feats[k].get("Tense", ())
               for k in range(pa, pb))


def same_as_konj2(form: str, lemma: str) -> bool:
    """``form`` is a plural past form of the verb ``lemma`` (an infinitive) that is also its Konjunktiv II: a weak verb's
    (stem + -ten/-eten, also with a separable particle cut off the lemma: "reichten" of "ausreichen"), "sollten",
    "wollten", or a strong verb's other form without a vowel that the Konjunktiv II would umlaut ("liefen", "blieben",
    "gingen"; not "kamen" – "kämen"). Read from the form and the lemma, not from the model's tense (which calls
    "arbeiteten", "verließen" present)."""
    if form in ("sollten", "wollten"):
        return True
    if lemma.endswith(form) or not (form.endswith("en") and lemma.endswith("n")) or len(form) < 5 or not form.isalpha():
        return False                    # a present ("stehen" of "ausstehen")
    k = form.find("ge")
    if k >= 0 and lemma.startswith(form[:k]) and not lemma.startswith(form[:k + 2]):
        return False                    # a participle: "ausgeschrieben", "geblieben"
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    if form.endswith("ten"):
        for core in (form[:-3], form[:-4] if form.endswith("eten") else None):
            if core and len(core) >= 3 and (stem == core or (stem.endswith(core) and len(stem) - len(core) >= 2)):
                return True             # "fehlten" (fehlen), "arbeiteten" (arbeiten), "reichten" (ausreichen)
    body = form[:-2].replace("au", "").replace("eu", "")
    return not (UMLAUT_VOWELS & set(body)) and not set(form) & set("äöü") and form != stem + "en" and len(lemma) >= 4


def _verb_slot_adjective(c: Ctx, t: int, s0: int) -> bool:
    """Schon jetzt arbeiteten Ingenieure und Ärzte eng zusammen. – a word our model tags an adjective after an adverb
    or a noun (not after an article, a preposition or an adjective, where it would be attributive) can be the finite verb."""
    return (c.toks[t].pos_ == "ADJ" and t > s0 and c.toks[t - 1].pos_ in ("ADV", "NOUN", "PROPN")
            and c.toks[t - 1].tag_ != "PTKVZ")


def past_time_word(c: Ctx, k: int) -> bool:
    """A word that places its clause in the past: words.yaml past_time_words, a weekday after "am", a year."""
    lw = c.low[k]
    if lw in c.w.past_time_words or (lw.startswith(("vergangen", "letzt", "vorig")) and c.in_quote[k] < 0):
        return True
    if lw.isdigit() and len(lw) == 4 and lw[:2] in ("19", "20"):
        return True
    return False
