"""Organisation rules of the eighteenth session (ent18, issue 12): organisations the article names in full.

Registered in :data:`.orgs.ORG_RULES` like the rules of :mod:`.orgs` (switched on and ordered by ``org_rules`` in
``rules/actors.yaml``); each returns the token ranges of organisation names of one Doc.

* ``org_acronym_kind_name``: "Die Wirtschafts- und Korruptionsstaatsanwaltschaft (WKStA) ermittelt": an acronym in
  parentheses after a name whose words hold an organisation's kind word stands for that name, also where neither the
  NER nor a lexicon knows the acronym;
* ``org_kind_head_mention``: "im Kreiskrankenhaus Reichenbach" ([…]LOC), "ins Luzerner [Kantonsspital]LOC": a name NER
  tags as a place or a thing whose first or last word ends in an institution's kind word is an organisation.
"""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.extract.view import doc_span

from .orgs import OrgCtx, _acronym, _defined_name_start, columns, org_rule
from .rules import word_tuple

# word endings (lower case) of organisations' kind words, from words.yaml: the heads an acronym's name may hold
_KIND_LISTS = ("org_kind_heads", "body_place_heads", "institution_heads", "institution_words", "body_heads",
               "acronym_kind_heads")


def _kind_heads(rules) -> tuple[str, ...]:
    return tuple(h for key in _KIND_LISTS for h in word_tuple(rules, key))


@org_rule("org_acronym_kind_name")
def org_acronym_kind_name(doc: Doc, ctx: OrgCtx):
    """"Die Wirtschafts- und Korruptionsstaatsanwaltschaft (WKStA) ermittelt gegen ihn", "Der Deutsche
    Sportkletterverband (DSKV) hatte Ende Mai nominiert", "eine Auswertung des Zentrums für Hochschul- und
    Wissenschaftsforschung (ZHW)": the words between an article (a preposition, the sentence start) and an acronym in
    parentheses whose letters they hold in order (:func:`.orgs._defined_name_start`) are an organisation's name when
    one of them ends in a kind word (words.yaml: org_kind_heads, body_place_heads, institution_heads and _words,
    body_heads, acronym_kind_heads: Verband, Zentrum, Staatsanwaltschaft, Institut) — where the acronym itself is new
    to the NER and the lexicons (org_acronym_definition's case) and where its letters come from the parts of a compound
    ("Sport-kletter-verband": more letters than words); not after an indefinite article ("ein
    Brennstoffzellen-Blockheizkraftwerk (BHKW)": a thing of that kind). The acronym in parentheses is the same organisation: its later
    bare uses become mentions of it."""
    texts = ctx.cols.text if ctx.cols is not None else columns(doc).text
    heads = _kind_heads(ctx.rules)
    indefinite = ctx.rules["words"]("common", "indefinite_articles")
    taken = {m.end for m in ctx.mentions if m.label in ("ORG", "PER")}
    out = []
    for i, w in enumerate(texts):
        if w != "(" or i < 2 or i + 2 >= len(texts) or texts[i + 2] != ")" or not _acronym(texts[i + 1]):
            continue
        acr = texts[i + 1]
        if doc[i - 1].idx + len(texts[i - 1]) in taken:
            continue                    # (a name NER found: org_acronym_alias; "Matthias Platzeck (SPD)")
        s = _defined_name_start(doc, i, acr, compounds=True)
        if s is None or s > 0 and doc[s - 1].lower_ in indefinite or not any(t.lower_.rstrip("-").endswith(heads) for t in doc[s:i] if t.text[:1].isupper()):
            continue
        out += [(s, i), (i + 1, i + 2)]
    return out


@org_rule("org_kind_head_mention")
def org_kind_head_mention(doc: Doc, ctx: OrgCtx):
    """"Seit 31 Jahren arbeitet sie im [Kreiskrankenhaus Reichenbach]LOC", "mit der Ambulanz ins Luzerner
    [Kantonsspital]LOC gebracht", "die Tür der [Löwen-Apotheke]LOC": a mention NER tags LOC or MISC whose first or
    last word (also in the genitive) ends in an institution's kind word (words.yaml actors.kind_head_mention_heads:
    Krankenhaus, Spital, Klinikum, Theater, Museum, Schule, Gymnasium, Universität, Apotheke, Verband) is an
    organisation: the institution, as GermEval 2014 tags such names (ORG 221, LOC 7 in its train part). Not the kind
    word alone ("im [Theater]LOC"), not a building named by an adjective and the word ("die [Alte Schule]LOC")."""
    heads = word_tuple(ctx.rules, "kind_head_mention_heads")
    out = []
    for m in ctx.mentions:
        if m.label not in ("LOC", "MISC"):
            continue
        sp = doc_span(doc, m.start, m.end, "expand")
        if sp is None or len(sp) > 5 or not any(_kind_word(t.lower_, heads) for t in (sp[0], sp[-1])):
            continue
        if len(sp) == 1 and sp[0].lower_.rstrip("s") in heads or len(sp) == 2 and sp[0].pos_ == "ADJ":
            continue                    # ("Theater" alone; "Alte Schule": a building)
        out.append((sp.start, sp.end))
    return out


def _kind_word(low: str, heads: tuple[str, ...]) -> bool:
    return low.endswith(heads) or low.endswith("s") and low[:-1].endswith(heads) or \
        low.endswith("es") and low[:-2].endswith(heads)
