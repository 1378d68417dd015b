"""Interviews: a turn "Name: answer" and the answers that follow the interviewer's questions.

Printed interviews carry no speech verb: the speaker is named at the start of the paragraph
("Weltermann: Krebs hat immer …") or only once, and later answers simply follow a question
paragraph. Each answer paragraph is one direct claim of the interviewee, without a cue.
"""
from __future__ import annotations

from ..context import Ctx, Found, Sent
from ..registry import rule

MAX_NAME_TOKENS = 4


def _paragraph_start(c: Ctx, i: int) -> bool:
    """Token ``i`` starts a paragraph (text start or a line break before it)."""
    k = c.toks[i].idx - 1
    while k >= 0 and c.text[k] in " \t":
        k -= 1
    return k < 0 or c.text[k] == "\n"


def _paragraph_end(c: Ctx, i: int) -> int:
    """The token index after the last token of the paragraph that holds token ``i``."""
    nl = c.text.find("\n", c.toks[i].idx)
    if nl < 0:
        return len(c.toks)
    j = i
    while j < len(c.toks) and c.toks[j].idx < nl:
        j += 1
    return j


def _person_names(c: Ctx) -> dict[str, str]:
    """Lower-cased full names and surnames of the article's persons -> the Actor key."""
    out: dict[str, str] = {}
    for a in c.actors:
        if a.actor_type != "person":
            continue
        parts = a.name.split()
        out.setdefault(a.name.lower(), a.key)
        if parts:
            out.setdefault(parts[-1].lower(), a.key)
    return out


def _turn_speaker(c: Ctx, a: int, b: int) -> tuple[int, str] | None:
    """(index of the colon, actor key) when the sentence opens a paragraph with a person's name and
    a colon: "Weltermann:", "Christoph Vilanek:"."""
    if not _paragraph_start(c, a):
        return None
    for k in range(a + 1, min(b, a + MAX_NAME_TOKENS + 1)):
        if c.toks[k].text == ":":
            name = c.text[c.toks[a].idx:c.toks[k - 1].idx + len(c.toks[k - 1].text)]
            key = _person_names(c).get(name.lower())
            return (k, key) if key is not None else None
        if not c.toks[k].text[:1].isupper():
            return None
    return None


def _is_question_paragraph(c: Ctx, end_tok: int) -> bool:
    """The paragraph that ends right before token ``end_tok`` ends in a question mark, outside quotes."""
    k = end_tok - 1
    while k >= 0 and c.toks[k].is_space:
        k -= 1
    return k >= 0 and c.toks[k].text == "?" and c.in_quote[k] < 0


@rule("interview_turn", "sentence")
def interview_turn(s: Sent) -> None:
    """Weltermann: Krebs hat immer etwas Schicksalhaftes, das die Lebensplanung verändert. – a
    paragraph that opens with a person's name and a colon is that person's answer (to the end of
    the paragraph)."""
    c = s.c
    hit = _turn_speaker(c, s.a, s.b)
    if hit is None or c.in_quote[hit[0]] >= 0:
        return
    colon, key = hit
    end = _paragraph_end(c, colon + 1)
    while end > colon + 1 and c.toks[end - 1].is_space:
        end -= 1
    if end <= colon + 2:
        return
    f = Found((colon + 1, end), None, (s.a, colon), [], "direct", "interview_turn", s.si, speaker_key=key)
    s.used.update(range(s.a, end))
    s.out.append(f)


@rule("interview_answer", "sentence")
def interview_answer(s: Sent) -> None:
    """Warum sind Menschen bereit, viel Geld auszugeben? / Bereits im Jahr 2000 waren das … – in an
    interview (an earlier ``interview_turn``), a paragraph right after a question paragraph is the
    answer of the interviewee who spoke last."""
    c = s.c
    if s.out or not _paragraph_start(c, s.a) or not _is_question_paragraph(c, s.a):
        return
    last = next((f for f in reversed(s.found) if f.rule in ("interview_turn", "interview_answer")), None)
    if last is None or c.in_quote[s.a] >= 0:
        return
    end = _paragraph_end(c, s.a)
    while end > s.a and c.toks[end - 1].is_space:
        end -= 1
    if end <= s.a + 1 or c.toks[end - 1].text == "?":
        return
    s.used.update(range(s.a, end))
    s.out.append(Found((s.a, end), None, last.speaker, [], "direct", "interview_answer", s.si,
                       speaker_key=last.speaker_key))
