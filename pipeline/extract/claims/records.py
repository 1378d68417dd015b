"""Found claims (token spans) to :class:`~pipeline.records.Claim` rows (character spans, date); a claim that
repeats an earlier one of the article is dropped (switch ``duplicate_claim``)."""
from __future__ import annotations

from pipeline.enrich import claim_content
from pipeline.extract.view import doc_span
from pipeline.records import Claim

from .clauses import close_quote, crosses_quote
from .context import Ctx, Found


_FIND: list = []                       # pipeline.dates.find_expressions, imported once (not per claim article)


def _dates(c: Ctx) -> list[tuple[int, int, str]]:
    try:
        if not _FIND:
            from pipeline import dates as _d  # noqa: WPS433 (optional module)
            _FIND.append(getattr(_d, "find_expressions", None))
        fn = _FIND[0]
        if fn is None:
            return []
        return [tuple(x)[:3] for x in fn(c.text)]
    except Exception:
        return []


def to_records(c: Ctx, found: list[Found]) -> list[Claim]:
    dates = None                       # the article's date expressions, found when a claim needs them
    out: list[Claim] = []
    seen = set()
    for f in sorted(found, key=lambda f: (f.msg or (0, 0))[0]):
        if f.msg is None or f.msg[1] <= f.msg[0]:
            continue
        ms, me = c.char_span(*f.msg)
        key = (ms, me)
        if key in seen:
            continue
        seen.add(key)
        if f.speaker and crosses_quote(c, *f.speaker):
            f.speaker = close_quote(c, *f.speaker)
            if f.speaker is None:
                f.speaker_key = None             # a piece of a quotation is no speaker
        if f.speaker:
            s0, s1 = f.speaker
            while s1 - 1 > s0 and c.low[s1 - 1] in (",", ";", ":", ".", "–", "-"):
                s1 -= 1                  # "Peter Horrocks," -> "Peter Horrocks"
            ss, se = c.char_span(s0, s1)
            if c.R.switch("abbreviation_point_end") and _final_abbreviation_point(c, s1 - 1):
                se -= 1                  # "ein Sprecher der Müller GmbH." -> "… GmbH"
            stext = c.text[ss:se]
        else:
            ss = se = stext = None
        if f.cue:
            cue = sorted(set(f.cue))
            cs = c.toks[cue[0]].idx
            ce = c.toks[cue[-1]].idx + len(c.toks[cue[-1]].text)
            ctext = " ".join(c.toks[t].text for t in cue)
        else:
            cs = ce = ctext = None
        if dates is None:
            dates = _dates(c)
        d = _claim_date(c, f, dates)
        out.append(Claim(
            speaker_key=f.speaker_key, speaker_text=stext, speaker_start=ss, speaker_end=se,
            cue_text=ctext, cue_start=cs, cue_end=ce,
            claim_text=c.text[ms:me], claim_start=ms, claim_end=me,
            claim_type=f.ctype, rule_id=f.rule,
            date_text=d[2] if d else None, date_start=d[0] if d else None, date_end=d[1] if d else None,
        ))
    return drop_duplicates(out) if c.R.switch("duplicate_claim") else out


DUPLICATE_MIN_WORDS = 4                # shorter contents ("Kindergeld", "Ja") recur as different statements


def drop_duplicates(claims: list[Claim]) -> list[Claim]:
    """Schluss mit dem Schönheitsdruck! … fordert Iris Berben neue Ideale. … Schluss mit dem Schönheitsdruck! …
    fordert Iris Berben neue Ideale. – a teaser, lead or press-release block repeated in the body repeats its claim:
    a claim whose content (``enrich.claim_content``, case folded: no quotation marks, speaker or cue) equals that of
    a claim at another place of the article, with the same speaker (actor, else speaker text) or without one, is
    the same statement once more. The first copy stays; where only the later copy has a speaker, the later one.
    Contents of fewer than four words and claims inside another (partial quotes) are never duplicates."""
    kept: list[tuple[str, object, Claim]] = []
    for cl in claims:
        content = " ".join(claim_content(dict(vars(cl))).casefold().split())    # (= asdict: scalar fields)
        spk = cl.speaker_key or (" ".join(cl.speaker_text.casefold().split()) if cl.speaker_text else None)
        i = _same_statement(kept, content, spk, cl) if len(content.split()) >= DUPLICATE_MIN_WORDS else None
        if i is None:
            kept.append((content, spk, cl))
        elif spk is not None and kept[i][1] is None:
            kept[i] = (content, spk, cl)          # the later copy names the speaker the first lacked
    return sorted((k[2] for k in kept), key=lambda cl: cl.claim_start)


def _same_statement(kept: list, content: str, spk, cl: Claim) -> int | None:
    for i, (k_content, k_spk, k) in enumerate(kept):
        if k_content == content and (k_spk == spk or k_spk is None or spk is None) \
                and (k.claim_end <= cl.claim_start or cl.claim_end <= k.claim_start):
            return i
    return None


def _final_abbreviation_point(c: Ctx, t: int) -> bool:
    """Sagte ein Sprecher der Müller GmbH. – token t keeps the sentence's final point in the word ("GmbH.", the
    tokenizer's abbreviation) although the word is written without one (words.yaml pointless_abbreviations_cased) and
    nothing of the sentence follows: the point ends the sentence, it is no part of the name."""
    w = c.toks[t].text
    if not w.endswith(".") or w[:-1] not in c.w.pointless_abbreviations_cased:
        return False
    return t + 1 >= len(c.toks) or c.toks[t + 1].is_space or c.is_quote_mark(t + 1) \
        or (c.sent_of[t] >= 0 and c.sents[c.sent_of[t]][1] == t + 1)


def _claim_date(c: Ctx, f: Found, dates: list) -> tuple[int, int, str] | None:
    if not dates:
        return None
    sa, sb = c.sents[f.sent]
    lo, hi = c.toks[sa].idx, c.toks[sb - 1].idx + len(c.toks[sb - 1].text)
    anchor = c.toks[f.cue[0]].idx if f.cue else lo
    qs, qe = c.char_span(*f.msg)
    best = None
    whole_sentence = qs <= lo and qe >= hi - 1
    for s, e, t in dates:
        if s < lo or e > hi:
            continue
        # a date inside what was said dates its content, not the statement ("vor 2014",
        # "seit Ende 2022"), unless the claim is the whole sentence (reported speech acts)
        if qs <= s < qe and (f.ctype == "direct" or not whole_sentence):
            continue
        span = doc_span(c.doc, s, e, "expand")
        if span is not None and c.in_quote[span.start] >= 0:
            continue
        dist = abs(s - anchor)
        if best is None or dist < best[0]:
            best = (dist, (s, e, t))
    return best[1] if best else None
