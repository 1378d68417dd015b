"""Speaker resolution, spk20: a press spokesperson speaks for the organisation also where the claim names the person
only by a pronoun or the surname (every gold's convention: "a spokesperson speaks for the organisation"). The person's
introduction in the article ("NMP-Sprecherin Lotte Wijnands wies das zurück.") is read as speaker_named_spokesperson
reads a speaker span; the claim's span (``speaker_text``) keeps the pronoun or name, only the actor changes. A person
introduced with a leader's or policy title, a person's spokesperson, or with no organisation found keeps speaking as
the person. Called from claims/__init__.py after the speaker is resolved (switch ``spokesperson_person``)."""
from __future__ import annotations

from ..context import Ctx, Found
from .speaker import NO_ACTOR, SpeakerSite


def spokesperson_person(c: Ctx, f: Found, found: list[Found]) -> str | None:
    """NMP-Sprecherin Lotte Wijnands wies das zurück. Der Parteichef habe stets konstruktiv verhandelt, sagte sie. – a
    claim whose speaker resolved to a person is given to the organisation that person speaks for, when the person's
    first mention before the claim, with the title written before it, is a press spokesperson's noun phrase whose
    organisation speaker_named_spokesperson finds ("Deren Sprecherin Theresia Gruber", "Polizeisprecher Markus
    Eberle"). Returns the claim's speaker key, changed or not."""
    key = f.speaker_key
    if not key or not c.R.switch("spokesperson_person") or f.speaker is None:
        return key
    actor = next((a for a in c.actors if a.key == key), None)
    if actor is None or actor.actor_type != "person":
        return key
    memo = c.__dict__.setdefault("_spokesperson_of", {})
    if key not in memo:
        memo[key] = _introduced_org(c, key, found)
    org = memo[key]
    if org and _before(c, org, f):
        return org
    return key


def _introduced_org(c: Ctx, key: str, found: list[Found]) -> str | None:
    """The organisation the person of ``key`` speaks for by the noun phrase of their first mention, or None."""
    from .speaker_named import speaker_named_spokesperson
    first = next(((ms, me) for ms, me, m, actor in c.mentions if actor.key == key), None)
    if first is None:
        return None
    span = c.doc.char_span(first[0], first[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    j = _title_start(c, span.start)
    if j == span.start:
        return None                     # no title written before the name
    org = speaker_named_spokesperson(SpeakerSite(c, (j, span.end), found))
    return org if org and org != NO_ACTOR else None


def _title_start(c: Ctx, k: int) -> int:
    """The first token of the words written before the name at token k in its noun phrase: up to four capitalised words,
    lower-case adjectives and articles or possessives ("Deren Sprecherin", "Der iranische Außenamtssprecher",
    "IOM-Sprecherin"), within the sentence, outside quotations."""
    lo = c.sents[c.sent_of[k]][0]
    j = k
    while j > lo and k - j < 4:
        t = c.toks[j - 1]
        if c.is_punct(j - 1) or c.in_quote[j - 1] >= 0 or "\n" in t.whitespace_:
            break
        if not (t.text[:1].isupper() or c.low[j - 1] in c.w.determiners or t.pos_ == "ADJ"):
            break
        j -= 1
    return j


def _before(c: Ctx, org: str, f: Found) -> bool:
    """The organisation is mentioned before the claim's speaker span (not only later in the article)."""
    at = c.toks[f.speaker[0]].idx
    return any(actor.key == org and ms < at for ms, me, m, actor in c.mentions)


def prefix_names(c: Ctx, t: int, key: str) -> bool:
    """Krüger-Sprecherin Julia Brandes sagte, man suche nach Lieferanten. – the prefix of the spokesperson compound at
    token t is a word of the name of the organisation ``key`` (or the whole of a name it was mentioned by: "IOM"), so the
    compound names it wherever it was named before (switch ``spokesperson_prefix_name``)."""
    from .speaker import _spokesperson_prefix
    prefix = _spokesperson_prefix(c, t) if c.R.switch("spokesperson_prefix_name") else None
    if not prefix or len(prefix) < 3:
        return False
    return any(actor.key == key and (prefix in actor.name.lower().split() or c.text[ms:me].lower() == prefix)
               for ms, me, m, actor in c.mentions)


def policy_compound(c: Ctx, t: int) -> bool:
    """ÖVP-Verkehrssprecher Markus Pölzl lässt das nicht gelten. – a hyphen compound whose last part joins a field to the
    spokesperson noun ("ÖVP-Verkehrssprecher", "Grünen-Umweltsprecher") names a policy spokesperson, who speaks as a
    person; a last part of a press office ("Bahn-Pressesprecher") or an organisation noun ("VW-Konzernsprecher"), or the
    bare noun after an organisation's name ("T-Mobile-Sprecher"), does not (switch ``spokesperson_person``)."""
    from .speaker import _spokesperson_prefix
    if "-" not in c.low[t] or not c.R.switch("spokesperson_person"):
        return False
    last = c.low[t].rsplit("-", 1)[1]
    field = _spokesperson_prefix(c, t) is not None and next(
        (last[:-len(s)] for s in sorted(c.w.spokesperson_suffixes, key=len, reverse=True) if last.endswith(s)), "")
    return bool(field) and field.rstrip("s") != "presse" and field not in c.w.generic_org_nouns \
        and field.rstrip("s") not in c.w.generic_org_nouns
