"""Persons the NER misses or mislabels where news grammar points at one (``actors.yaml`` ``person_recover_rules``):
a name right after a person's role title, a name before a party or an age in parentheses, a name coordinated with
a person's name in a list. Run after the entity layer (:func:`pipeline.extract.actors.layer.apply`): such a name
is a person whatever the NER label (LOC/ORG/MISC/none), with its full span (no cut first name).

A name here is 2 or 3 capitalised words (a hyphen inside allowed) that the tagger reads as proper nouns (or a
first name of the lists as the first word), none of them a role title, an organisation, place or gazetteer name,
a demonym or a lower-case word of the vocabulary, the whole not a name the lexicons know."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from pipeline.records import Mention
from pipeline.extract.view import doc_columns, doc_span, doc_tokens
from pipeline.ruleset import RuleSet

from .rules import word_list, word_tuple

_NAME_POS = frozenset({"PROPN", "NOUN", "X"})


class _Ctx:
    def __init__(self, doc: Doc, rules: RuleSet, mentions: list[Mention], title_heads: frozenset[int] = frozenset()):
        self.doc, self.rules = doc, rules
        self.title_heads = title_heads               # tokens the title scan read as role titles ("Rechtsaußenspieler")
        self.ar, self.lex = rules.get("actors"), rules.get("roles")
        self.orgs, self.gaz = rules.get("organizations"), rules.get("gazetteer")
        self.mentions = mentions
        self.noun_suffixes = word_tuple(rules, "noun_suffixes")
        self.label_of: dict[int, str] = {}           # token -> label of the mention covering it
        for m in mentions:
            sp = doc_span(doc, m.start, m.end, "expand")
            if sp is not None:
                for t in sp:
                    self.label_of.setdefault(t.i, m.label)

    def known(self, word: str) -> bool:
        """A role title, an organisation/place/gazetteer name, a demonym or adjective of a place: no name word."""
        low = word.lower()
        return bool((self.lex is not None and self.lex.lookup(word))
                    or (self.orgs is not None and (self.orgs.by_name_or_genitive(word)
                                                   or low in self.orgs.demonyms or low in self.orgs.adjectives))
                    or (self.gaz is not None and self.gaz.label(word)))


def _lowercase_words() -> frozenset[str]:
    from .layer import german_words
    return german_words()[1]


def _noun_lemmas() -> frozenset[str]:
    from .layer import noun_lemmas
    return noun_lemmas()


def _inflected_noun_form(word: str) -> bool:
    from .layer import inflected_noun_form
    return inflected_noun_form(word)


def _capitalised_words() -> frozenset[str]:
    from .layer import german_words
    return german_words()[0]


def _name_word(c: _Ctx, t: Token, first: bool) -> bool:
    w = t.text
    if not (w[:1].isupper() and w.replace("-", "").isalpha() and len(w) >= 2) or w.isupper():
        return False
    if (t.is_sent_start and not first) or t.i in c.title_heads:
        return False
    if c.known(w) or w.lower() in _lowercase_words():
        return False
    if t.pos_ == "PROPN" or (c.ar is not None and w in c.ar.evidence_given and t.pos_ in _NAME_POS):
        return True
    # a foreign name the tagger took for a noun ("[Belit]NOUN Onay", "Mila [Kunis]NOUN"): no word of the
    # vocabulary, and a first word with no common noun ending ("Bundesregierung")
    return t.pos_ in _NAME_POS and w not in _capitalised_words() and not (first and w.lower().endswith(c.noun_suffixes))


def _name_ok(c: _Ctx, s: int, e: int, given_first: bool) -> bool:
    """Tokens ``s:e`` are a name of 2-3 words (module docstring); ``given_first``: its first word must be a
    first name of the lists."""
    doc = c.doc
    if not 2 <= e - s <= 3 or s < 0 or e > len(doc):
        return False
    if given_first and (c.ar is None or doc[s].text not in c.ar.evidence_given):
        return False
    if any("\n" in doc[k].whitespace_ for k in range(s, e - 1)):
        return False
    if not all(_name_word(c, doc[k], k == s) for k in range(s, e)):
        return False
    if (c.ar is None or doc[s].text not in c.ar.evidence_given) and any(doc[k].text in _noun_lemmas()
                                                                       for k in range(s, e)):
        return False            # "Captain [Witwickys Urenkel]": a common noun, and no first name that makes it a surname
    if any(_inflected_noun_form(doc[k].text) for k in range(s + 1, e)):
        return False            # per_untagged_common_pair: "von Rechberg und [Ulmer Patriziern]"
    name = doc[s:e].text
    if (c.orgs is not None and c.orgs.by_name_or_genitive(name)) or (c.gaz is not None and c.gaz.label(name)):
        return False
    last = doc[e - 1].text
    return last not in word_list(c.rules, "legal_forms_cased") and last not in word_list(c.rules, "company_words_cased") \
        and last.lower().rsplit("-", 1)[-1] not in word_list(c.rules, "org_name_heads")


def _after_determiner(c: _Ctx, s: int) -> bool:
    """"die Brüder Michael", "des Bundesverbandes Solarwirtschaft": a determiner right before the words (a name
    of a person has none in news German)."""
    return s > 0 and not c.doc[s].is_sent_start and c.doc[s - 1].pos_ == "DET"


def _name_after(c: _Ctx, i: int, given_first: bool) -> tuple[int, int] | None:
    """The longest name (3, then 2 words) starting at token ``i``; a third word only where the tagger reads it as a
    proper noun ("Stephanie Lütge [CSU-Aufnahmeanträge]NOUN")."""
    if _after_determiner(c, i):
        return None
    for n in (3, 2):
        e = i + n
        if n == 3 and (e > len(c.doc) or c.doc[e - 1].pos_ != "PROPN"):
            continue
        if _name_ok(c, i, e, given_first) and not (e < len(c.doc) and _name_word(c, c.doc[e], False)
                                                   and c.doc[e].pos_ == "PROPN"):
            return i, e
    return None


def _name_before(c: _Ctx, end: int) -> tuple[int, int] | None:
    """The longest name (3, then 2 words) ending before token ``end``; the word before it is no name word and no
    determiner."""
    for n in (3, 2):
        s = end - n
        if s >= 0 and _name_ok(c, s, end, False) and (c.doc[s].text in c.ar.evidence_given or n == 2) \
                and not _after_determiner(c, s) \
                and not (s > 0 and not c.doc[s].is_sent_start and c.doc[s - 1].text[:1].isupper()
                         and c.doc[s - 1].pos_ == "PROPN"):
            return s, end
    return None


def _is_title(c: _Ctx, t: Token) -> bool:
    """A person's role title: a word of roles.yaml, also as the head of a compound ("Vatikan-Sprechers")."""
    if t.i in c.title_heads:
        return True
    if c.lex is None or not t.text[:1].isupper() or t.pos_ not in ("NOUN", "PROPN"):
        return False
    return bool(c.lex.lookup(t.text) or ("-" in t.text and c.lex.lookup(t.text.rpartition("-")[2].capitalize())))


def per_title_any_label(c: _Ctx) -> list[tuple[int, int]]:
    """per_title_any_label: "Der niederländische Torhüter [Maarten]- [Stekelenburg]LOC", "des Vatikan-Sprechers
    [Federico Lombardi]ORG", "Rechtsaußenspieler [Zlatko]PER Horvat": a first name of the lists (or a word the tagger
    reads as a proper noun) and one or two name words right after a role title are a person, whatever NER said."""
    doc, out = c.doc, []
    cols, toks = doc_columns(doc), doc_tokens(doc)
    for i in range(len(doc) - 2):
        if not (i in c.title_heads or cols.pos[i] in ("NOUN", "PROPN") and cols.text[i][:1].isupper()):
            continue                    # (no title by :func:`_is_title`: its Token is not made)
        if _is_title(c, toks[i]) and not toks[i + 1].is_sent_start:
            sp = _name_after(c, i + 1, toks[i + 1].pos_ != "PROPN")
            if sp is not None:
                out.append(sp)
    return out


def _paren_person_marker(c: _Ctx, i: int) -> bool:
    """Token ``i`` is "(" and the parentheses hold a party ("(Grüne)", "(CDU)"), "parteilos" (words.yaml
    ``recover_paren_person_words``) or an age from 14 to 99 ("(32)")."""
    doc = c.doc
    if doc[i].text != "(" or i + 2 >= len(doc) or doc[i + 2].text not in (")", ","):
        return False
    w = doc[i + 1].text
    if w.isdigit():
        return len(w) <= 2 and 14 <= int(w) <= 99
    if w.lower() in word_list(c.rules, "recover_paren_person_words"):
        return True
    o = c.orgs.by_name_or_genitive(w) if c.orgs is not None else None
    return o is not None and getattr(o, "type", None) == "party"


def per_name_before_paren(c: _Ctx) -> list[tuple[int, int]]:
    """per_name_before_paren: "[Belit Onay]- (Grüne) ist Oberbürgermeister", "Der Fahrer, [Miroslav Kovačević]ORG
    (32), wurde verletzt": a name right before a party or an age in parentheses is a person."""
    out = []
    text = doc_columns(c.doc).text
    for i in range(2, len(c.doc)):
        if text[i] == "(" and _paren_person_marker(c, i):
            sp = _name_before(c, i)
            if sp is not None:
                out.append(sp)
    return out


def _list_items(c: _Ctx, conj: int, per: dict[int, int], per_end: dict[int, int]) -> list[tuple[tuple[int, int], bool]]:
    """The items of the list that the conjunction at ``conj`` closes, from the right: ((start, end), is a person
    mention) for the item after it and each item before it back over commas, as long as each is a name."""
    doc, items = c.doc, []
    s = conj + 1
    first = (s, per[s]) if s in per else _name_after(c, s, False)
    if first is None:
        return []
    items.append((first, s in per))
    end = conj
    while end > 0:
        item = (per_end[end], end) if end in per_end else _name_before(c, end)
        if item is None:
            break
        items.append((item, end in per_end))
        if item[0] < 2 or doc[item[0] - 1].text != ",":
            break
        end = item[0] - 1
    return items


def per_coordinated_names(c: _Ctx) -> list[tuple[int, int]]:
    """per_coordinated_names: "spielen [Channing Tatum]-, [Mila Kunis]- und [Sean Bean]PER": in a list of names of two
    or three words closed by "und" / "oder" / "sowie", with a person's name of several words among them, every name
    is a person (not an apposition: "des THW-Rivalen Rhein-Neckar-Löwen, [Jesper Nielsen]PER, ...")."""
    doc, out = c.doc, []
    per, per_end = {}, {}
    for m in c.mentions:
        sp = doc_span(doc, m.start, m.end) if m.label == "PER" else None
        if sp is not None and len(sp) >= 2:
            per[sp.start], per_end[sp.end] = sp.end, sp.start
    if not per:
        return []
    conj = word_list(c.rules, "recover_list_conjunctions")
    lower = doc_columns(doc).lower
    for k in range(1, len(doc) - 2):
        if lower[k] in conj:
            items = _list_items(c, k, per, per_end)
            if len(items) >= 2 and any(is_per for _, is_per in items) \
                    and all(doc[sp[0]].sent == doc[k].sent for sp, _ in items):
                out += [sp for sp, is_per in items if not is_per]
    return out


_OPENING_QUOTES = frozenset({"„", "»", "«", '"', "‚", "“", "``"})
_CLOSING_QUOTES = frozenset({"“", "«", "»", '"', "‘", "”", "''"})


def per_nickname_quote(c: _Ctx) -> list[tuple[int, int]]:
    """per_nickname_quote: "hat Sitzungspräsident [Wolfgang „Wolli]PER“ [Scheuermann]PER (63) abgesetzt", "Musiker
    Eric „Skillet“ Gilmore": a first name (a name of the lists or of a PER mention), a nickname in quotation marks
    and a capitalised word the tagger reads as a name are one person's name (the nickname is no part of the
    canonical name: :func:`.names._tokens`; the nickname alone later is that person: ``names_nickname``)."""
    doc, out = c.doc, []
    text, pos = doc_columns(doc).text, doc_columns(doc).pos
    given = c.ar.evidence_given if c.ar is not None else frozenset()
    for i in range(len(doc) - 4):
        if text[i + 1] not in _OPENING_QUOTES or text[i + 3] not in _CLOSING_QUOTES or not _cap(text[i]) \
                or not _cap(text[i + 2]) or not _cap(text[i + 4]) or pos[i + 4] not in _NAME_POS:
            continue
        if not (text[i] in given or c.label_of.get(i) == "PER") \
                or any(doc[k].is_sent_start for k in range(i + 1, i + 5)) or c.known(text[i + 4]):
            continue
        s = i
        while s > 0 and c.label_of.get(s - 1) == "PER" and c.label_of.get(i) == "PER" and _cap(text[s - 1]):
            s -= 1                      # ("[William Thomas]PER „Bill“ Compton": the whole first names)
        out.append((s, i + 5))
    return out


def _cap(w: str) -> bool:
    return w[:1].isupper() and any(ch.islower() for ch in w)


RECOVER_RULES = {"per_title_any_label": per_title_any_label, "per_name_before_paren": per_name_before_paren,
                 "per_coordinated_names": per_coordinated_names, "per_nickname_quote": per_nickname_quote}


def apply(doc: Doc, rules: RuleSet, mentions: list[Mention], sent_of, scan=None) -> list[Mention]:
    """The mentions with the names the rules find as PER mentions: a mention that overlaps such a name and is no
    person is replaced by it, a PER mention inside it grows to it. ``scan``: the article's title scan (its title
    words count as titles, compounds such as "Rechtsaußenspieler" included)."""
    ar = rules.get("actors")
    ids = getattr(ar, "person_recover_rules", ()) if ar is not None else ()
    if not ids or not doc.has_annotation("POS") or len(doc) < 3:
        return mentions
    heads = frozenset(h.head for h in scan.hits) if scan is not None and scan.doc is doc else frozenset()
    c = _Ctx(doc, rules, mentions, heads)
    spans = []
    for rid in ids:
        found = RECOVER_RULES[rid](c)
        spans += found
        if found and rid == "per_name_before_paren":
            c = _Ctx(doc, rules, _merge(doc, mentions, spans, sent_of), heads)   # (a list may start from these)
    return _merge(doc, mentions, spans, sent_of) if spans else mentions


def _merge(doc: Doc, mentions: list[Mention], spans: list[tuple[int, int]], sent_of) -> list[Mention]:
    out = list(mentions)
    for s, e in sorted(set(spans)):
        sp = doc[s:e]
        a, b = sp.start_char, sp.end_char
        over = [m for m in out if m.start < b and a < m.end]
        if any(m.label == "PER" and m.start == a and m.end == b for m in over):
            continue
        if any(m.start < a or m.end > b for m in over):
            continue                    # a longer mention across the name: leave it
        out = [m for m in out if m not in over]
        out.append(Mention(a, b, sp.text, "PER", sent_of[s]))
    return out
