"""The title's right context: a genitive or "von" complement that names its organisation
("des Auslandsgeheimdienstes CIA", "von Bündnis 90/Die Grünen", "der Geschäftsführung im Studio Hamburg")."""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Title
from .context import _ACRONYM, _Ctx
from .hits import Hit, _RANK, _set_org
from .names import _name_at
from .organizations import _lemma_noun, _org_from_np
from .tokens import _capitalized, _is_adj


def right_context(ctx: _Ctx, h: Hit, i: int, title: Title, s0: int, s1: int) -> None:
    """Extend ``h`` over a genitive/von complement after the title at ``i`` and take its organisation."""
    doc = ctx.doc
    j = i + 1
    if j + 1 < s1 and doc[j].text in ("“", "«", "\"") and h.np_start - 1 >= s0 \
            and doc[h.np_start - 1].text in ("„", "»", "\"") and doc[j + 1].lower_ in ("des", "der", "von", "vom"):
        j += 1                        # als „Technischer Leiter“ der Firma X
    if _name_at(ctx, j, s1) is not None or j >= s1:
        return
    low = doc[j].lower_
    if low == "für" and h.org is None:
        j, low = _after_portfolio(ctx, j, s1)   # "Professorin für Soziologie an der Universität Bielefeld"
    membership = title.title == "Mitglied" and low == "im" and h.org is None   # "Mitglied im SPD-Landesvorstand"
    if title.title == "Mitglied" and low == "in" and h.org is None and j + 2 < s1 and doc[j + 1].lower_ == "der" \
            and _capitalized(doc[j + 2]):
        j, low, membership = j + 1, "der", True   # rule member_in: "Mitglied in der Margarethe-Krupp-Stiftung"
    if low in ("von", "vom") and j + 1 < s1 and _von_name(ctx, h, j):
        low = ""
    if low == "von" and j + 1 < s1 and _von_company_of_regional_head(ctx, h, j, s1):
        low = ""
    if low in ("bei", "beim") and j + 1 < s1 and _bei_org(ctx, h, j, s1):
        low = ""
    if low in ("am", "an", "im") and not membership and j + 1 < s1 and _at_institution(ctx, h, j, s1):
        low = ""
    if (low in ("des", "der", "vom", "von") or membership) and j + 1 < s1:
        _genitive_complement(ctx, h, j, low, title, s1)


def _after_portfolio(ctx: _Ctx, j: int, s1: int) -> tuple[int, str]:
    """Rule ``portfolio_then_org``: "Professorin für Soziologie an der Universität Bielefeld", "Experte für
    Energiepolitik beim Institut der deutschen Wirtschaft": a "für" portfolio (capitalised words, adjectives, "und")
    followed by a preposition or genitive article that names the organisation: continue there."""
    doc, m = ctx.doc, j + 1
    while m < s1 and m - j <= 5 and m not in ctx.per_start and (
            (_capitalized(doc[m]) and doc[m].is_alpha and not ctx.lex.lookup(doc[m].text))
            or doc[m].lower_ in ("und", "sowie") or (doc[m].text[0].islower() and _is_adj(ctx, doc[m]))):
        m += 1
    if m > j + 1 and m + 1 < s1 and _capitalized(doc[m - 1]) \
            and doc[m].lower_ in ("an", "am", "bei", "beim", "von", "vom", "des", "der", "im"):
        return m, doc[m].lower_
    return j, doc[j].lower_


def _von_name(ctx: _Ctx, h: Hit, j: int) -> bool:
    """"von Bündnis 90/Die Grünen": an organisation name of up to 7 tokens after "von"."""
    doc = ctx.doc
    for n in range(min(7, len(doc) - j - 1), 0, -1):
        if any(x.text in (",", ".", ";", ":") for x in doc[j + 1:j + 1 + n]):
            continue                  # (the sentence splitter may cut inside the name)
        o = ctx.orgs.by_name(doc[j + 1:j + 1 + n].text)
        e = ctx.ent_of.get(j + 1)
        if o is not None and e is not None and e.start == j + 1 and e.end > j + 1 + n and e.label_ in ("ORG", "MISC"):
            return False              # rule number_in_org_name: "von [Bayer 04 Leverkusen]ORG" is not Bayer
        if o is not None and (n > 1 or doc[j + 1].lower_ not in ("der", "die", "dem", "den")):
            _set_org(h, o.name, "genitive")
            h.end = j + 1 + n
            return True
    return False


def _von_company_of_regional_head(ctx: _Ctx, h: Hit, j: int, s1: int) -> bool:
    """"der Deutschland-Chef von Flixbus": after a generic title with a place prefix, "von" + one
    capitalised word that is no first name (NER often tags a company name PER) is the organisation."""
    doc = ctx.doc
    if not (h.title.generic and h.org_rank == _RANK["prefix"]):
        return False
    t = doc[j + 1]
    if not (_capitalized(t) and t.is_alpha) or t.text in ctx.given or ctx.lex.lookup(t.text):
        return False
    if j + 2 < s1 and _capitalized(doc[j + 2]) and doc[j + 2].is_alpha:
        return False                  # "von Peter Müller": a person's name
    e = ctx.ent_of.get(j + 1)
    if e is not None and (e.start != j + 1 or e.end != j + 2):
        return False
    o = ctx.orgs.by_name_or_genitive(t.text)
    if o is not None and o.actor_type == "location":
        return False                  # "Europa-Chef von Frankreich"? keep the prefix
    _set_org(h, o.name if o else t.text, "genitive")
    h.end = j + 2
    return True


def _bei_org(ctx: _Ctx, h: Hit, j: int, s1: int) -> bool:
    """"Trainer bei Tappara Tampere", "Manager beim FC Bayern": a named organisation after bei/beim
    (an entity, a lexicon name or an acronym; not "bei der Pressekonferenz")."""
    doc = ctx.doc
    k = j + 1
    if doc[j].lower_ == "bei" and k < s1 and doc[k].lower_ in ("der", "dem", "den"):
        k += 1
    if k >= s1 or not _capitalized(doc[k]) or doc[k].text in ctx.given:
        return False
    e = ctx.ent_of.get(k)
    if e is not None and e.start == k and e.end <= s1 and (e.label_ in ("ORG", "MISC") or (
            e.label_ == "PER" and len(e) >= 2 and not any(t.text in ctx.given for t in e))):
        o = ctx.orgs.by_name_or_genitive(e.text)
        _set_org(h, o.name if o else e.text, "genitive")
        h.end = e.end
        return True
    o = ctx.orgs.by_name_or_genitive(doc[k].text)
    if o is not None and o.actor_type != "location" or (o is None and _ACRONYM.match(doc[k].text)
                                                         and doc[k].text.isupper()):
        _set_org(h, o.name if o else doc[k].text, "genitive")
        h.end = k + 1
        return True
    return False


def _at_institution(ctx: _Ctx, h: Hit, j: int, s1: int) -> bool:
    """"Oberärztin am [Klinikum Stuttgart]ORG", "Professor an der Universität Köln": an organisation entity
    (or one the lexicon knows, not a place) right after am/an der/im."""
    doc = ctx.doc
    k = j + 1
    if doc[j].lower_ == "an":
        if not (k < s1 and doc[k].lower_ in ("der", "dem")):
            return False
        k += 1
    e = ctx.ent_of.get(k)
    if k < s1 and _at_institution_noun(ctx, h, k, s1):
        return True
    if k >= s1 or e is None or e.start != k or e.end > s1 or e.label_ not in ("ORG", "MISC"):
        return False
    o = ctx.orgs.by_name_or_genitive(e.text)
    if o is not None and o.actor_type == "location":
        return False
    _set_org(h, o.name if o else e.text, "genitive")
    h.end = e.end
    return True


def _at_institution_noun(ctx: _Ctx, h: Hit, k: int, s1: int) -> bool:
    """"Chefarzt am [Klinikum Nürnberg]LOC", "Tanzchef am Theater St. Gallen", "Kantor an der Thomaskirche": after
    am/an der, a noun of an institution one works at (words.yaml roles.institution_place_nouns) with the name
    after it (an entity or proper nouns) is the organisation, whatever NER tagged it; without a name, only a
    compound that names one ("Thomaskirche", "Staatsoper"), not the bare kind ("am Krankenhaus")."""
    doc = ctx.doc
    t = doc[k]
    low = t.lower_
    head = next((x for x in ctx.w.institution_place_nouns if low.endswith(x)), None)
    if head is None or not _capitalized(t) or not t.is_alpha or t.pos_ not in ("NOUN", "PROPN"):
        return False
    e = ctx.ent_of.get(k)
    end = k + 1
    if e is not None and e.start == k and e.end <= s1:
        end = e.end
    elif e is None:
        e2 = ctx.ent_of.get(k + 1)
        if e2 is not None and e2.start == k + 1 and e2.end <= s1 and e2.label_ in ("LOC", "ORG", "MISC"):
            end = e2.end              # "am Theater [St. Gallen]LOC"
        else:
            while end < s1 and end - k <= 3 and _capitalized(doc[end]) and (doc[end].pos_ in ("PROPN", "X") or (
                    doc[end].text.endswith(".") and len(doc[end].text) <= 4)) \
                    and end not in ctx.per_start:
                end += 1              # "am Theater St.Gallen"
    if end == k + 1 and len(low) < len(head) + 3:
        return False                  # "Arzt am Krankenhaus": no institution named
    _set_org(h, doc[k:end].text, "genitive")
    h.end = end
    return True


def _genitive_chain(ctx: _Ctx, h: Hit, np: list[Token], det: str, s1: int) -> str | None:
    """"Direktor des Instituts der deutschen Wirtschaft", "Präsident des Verbands der Automobilindustrie": an
    institution noun (``org_nouns``) with a genitive of its own is named by both (moves ``h.end``)."""
    doc = ctx.doc
    k = np[-1].i + 1
    if len(np) != 1 or not _is_org_noun_token(ctx, np[0]) or not (k + 1 < s1 and doc[k].lower_ in ("der", "des")):
        return None
    words, m = [], k + 1
    while m < s1 and len(words) < 4:
        t = doc[m]
        if m in ctx.per_start or ctx.lex.lookup(t.text):
            break
        if _capitalized(t) and (t.is_alpha or "-" in t.text):
            words.append(t.text)
            m += 1
        elif t.text[0].islower() and _is_adj(ctx, t) and m + 1 < s1 and _capitalized(doc[m + 1]):
            words.append(t.text)
            m += 1
        else:
            break
    if not words or not _capitalized(doc[m - 1]) or ctx.orgs.by_name_or_genitive(" ".join(words)) is not None:
        return None               # ("des Präsidiums der SPD": the party is the organisation)
    name = f"{_lemma_noun(np[0], det)} {doc[k].text} {' '.join(words)}"
    o = ctx.orgs.by_name_or_genitive(name)
    h.end = m
    return o.name if o else name


def _genitive_complement(ctx: _Ctx, h: Hit, j: int, low: str, title: Title, s1: int) -> None:
    doc = ctx.doc
    det = "des" if low in ("des", "vom") else "der" if low != "im" else "dem"
    k2 = j + 1
    if low == "von" and doc[k2].lower_ in ("der", "den", "dem"):
        k2 += 1
    np = _complement_np(ctx, k2, s1)
    if low == "von" and doc[j + 1].lower_ not in ("der", "den", "dem"):
        ok = _von_np_names_org(ctx, np, title)
    else:
        ok = bool(np)
    board = ok and len(np) == 1 and any(np[0].lower_.endswith((b, b + "s", b + "es")) for b in ctx.w.board_nouns)
    org = (_genitive_chain(ctx, h, np, det, s1) or _org_from_np(ctx, np, det)
           or _unit_of_named_org(ctx, h, np, s1)) if ok and not board else None
    if org:
        org = _fuer_portfolio(ctx, h, np, org, det, s1)
        org = _genitive_s_name(ctx, np, org, det)
        _set_org(h, org, "genitive")
        h.end = max(h.end, np[-1].i + 1)
    elif board:
        _board_org(ctx, h, np, det, s1)


def _party_fraktion(ctx: _Ctx, t: Token) -> bool:
    """Rule ``party_fraktion``: "Die Sprecherin der Unionsfraktion im Bundestag, Annette Widmann-Mauz" -> Unionsfraktion,
    not Bundestag: a Fraktion compound whose first part is a party's prefix (organizations.yaml: "SPD-", "Unions",
    "Grünen-") is the organisation as written; it is no board of the parliament or organisation named after it.
    Off: roles.yaml ``patterns.party_fraktion: false``."""
    low = t.lower_
    if not ctx.p.party_fraktion or not low.endswith(("fraktion", "fraktionen")):
        return False
    stem = low[:low.rindex("fraktion")].rstrip("-")
    o = ctx.orgs.prefixes.get(stem) if stem else None
    return o is not None and o.type == "party"


def _genitive_s_name(ctx: _Ctx, np: list[Token], org: str, det: str) -> str:
    """Rule ``genitive_s_name``: "Chefredakteur des Tagesspiegels" -> Tagesspiegel, "Sprecherin des Flötenchors" ->
    Flötenchor: a one-word name after "des"/"vom" that came out as written loses its genitive ending, unless the
    lexicon knows it as written or the gazetteer knows only the written form. Off: roles.yaml ``patterns.genitive_s_name: false``."""
    words = [t for t in np if t.text not in ("„", "“", "»", "«", "\"", "''")]
    if not ctx.p.genitive_s_name or det != "des" or len(words) != 1 or org != words[0].text \
            or not org.endswith("s") or ctx.orgs.by_name(org) is not None:
        return org
    base = _lemma_noun(words[0], "des")
    names = ctx.gazetteer.names if ctx.gazetteer is not None else ()
    if org in names and base not in names:
        return org                    # (a name the gazetteer knows only with its -s)
    o = ctx.orgs.by_name_or_genitive(base)
    return o.name if o is not None else base


def _unit_of_named_org(ctx: _Ctx, h: Hit, np: list[Token], s1: int) -> str | None:
    """Rule ``unit_of_named_org``: "Leiter des Konzern-Design der Volkswagen AG" -> Volkswagen AG: a genitive of
    one common noun that names no organisation itself (a unit, a department) followed by a genitive that names
    one (an ORG entity or an organisation of the lexicon, not a place): that organisation (moves ``h.end``).
    Off: roles.yaml ``patterns.unit_of_named_org: false``."""
    doc = ctx.doc
    k = np[-1].i + 1
    if not ctx.p.unit_of_named_org or len(np) != 1 or np[0].i in ctx.ent_of or np[0].pos_ != "NOUN" \
            or k + 1 >= s1 or doc[k].lower_ not in ("der", "des"):
        return None
    np2 = _complement_np(ctx, k + 1, s1)
    if not np2 or any(t.i in ctx.per_start for t in np2):
        return None
    e = ctx.ent_of.get(np2[0].i)
    o = ctx.orgs.by_name_or_genitive(" ".join(t.text for t in np2))
    if not (e is not None and e.label_ == "ORG" and e.start == np2[0].i or o is not None and o.actor_type != "location"):
        return None
    org = _org_from_np(ctx, np2, doc[k].lower_)
    if org is not None:
        h.end = max(h.end, np2[-1].i + 1)
    return org


def _fuer_portfolio(ctx: _Ctx, h: Hit, np: list[Token], org: str, det: str, s1: int) -> str:
    """"Chef der Bundesagentur für Arbeit", "Präsident des Bundesamts für Verfassungsschutz": an institution
    noun (``org_nouns``) in the genitive with a "für" + noun complement is named by both ("Bundesagentur für
    Arbeit"); moves ``h.end`` over the complement."""
    doc = ctx.doc
    k = np[-1].i + 1
    if not (len(np) <= 2 and k + 1 < s1 and doc[k].lower_ == "für" and _is_org_noun_token(ctx, np[-1])):
        return org
    words, m = [], k + 1
    while m < s1 and len(words) < 4:
        t = doc[m]
        if _capitalized(t) and t.is_alpha and m not in ctx.per_start and not ctx.lex.lookup(t.text):
            words.append(t.text)
            m += 1
        elif words and t.lower_ in ("und", "sowie") and m + 1 < s1 and _capitalized(doc[m + 1]):
            words.append(t.text)
            m += 1
        elif not words and t.text[0].islower() and _is_adj(ctx, t) and m + 1 < s1 and _capitalized(doc[m + 1]):
            words.append(t.text)      # "für politische Bildung"
            m += 1
        else:
            break
    if not words or not _capitalized(doc[m - 1]):
        return org
    head = _lemma_noun(np[-1], det) if det == "des" else np[-1].text
    base = " ".join([x.text for x in np[:-1]] + [head])
    name = f"{base} für {' '.join(words)}"
    o = ctx.orgs.by_name_or_genitive(name)
    h.end = m
    return o.name if o else name


def _is_org_noun_token(ctx: _Ctx, t: Token) -> bool:
    low = t.lower_
    return any(low.endswith((n, n + "s", n + "es")) or n.endswith("nis") and low.endswith(n + "ses")
               for n in ctx.p.org_nouns)


def _complement_np(ctx: _Ctx, k2: int, s1: int) -> list[Token]:
    """The tokens of the noun phrase starting at ``k2`` (at most 8): capitalised words, quotes,
    an acronym in brackets, "90/Die Grünen", attributive adjectives, "of/the/and" inside a name."""
    np: list[Token] = []
    while k2 < s1 and len(np) < 8:
        add, stop = _np_step(ctx, np, k2, s1)
        np += add
        k2 += len(add)
        if stop:
            break
    return np


def _np_step(ctx: _Ctx, np: list[Token], k2: int, s1: int) -> tuple[list[Token], bool]:
    """One step of reading the noun phrase ``np`` at k2: the tokens it adds, and whether the phrase ends after them."""
    doc = ctx.doc
    tk = doc[k2]
    if k2 in ctx.per_start and np:
        return [], True
    if (quoted := _quoted_org_name_tokens(ctx, np, k2, s1)) is not None:
        return quoted, True
    if tk.text in ("„", "“", "»", "«", "\"", "''") and (np or tk.text in ("„", "»", "\"", "''")):
        return _quote_mark_step(np, tk)
    if tk.text == "(" and k2 + 2 < s1 and doc[k2 + 2].text == ")" and _ACRONYM.match(doc[k2 + 1].text):
        return [tk, doc[k2 + 1], doc[k2 + 2]], True        # an acronym in brackets
    if np and _name_before_person(ctx, np, tk, k2, s1):
        return [], True
    if _np_continues(ctx, np, tk, k2, s1):
        return [tk], False
    return [], True


def _quoted_org_name_tokens(ctx: _Ctx, np: list[Token], k2: int, s1: int) -> list[Token] | None:
    """Rule quoted_org_name: des Bündnisses „Wir haben es satt“: an opening quote at k2 after an organisation noun,
    closed within eight words: the quotation's tokens."""
    doc = ctx.doc
    if not (doc[k2].text in ("„", "»") and np and _is_org_noun_token(ctx, np[-1])):
        return None
    close = next((m for m in range(k2 + 1, min(k2 + 9, s1)) if doc[m].text in ("“", "«")), None)
    if close is not None and close > k2 + 1:
        return list(doc[k2:close + 1])
    return None


def _quote_mark_step(np: list[Token], tk: Token) -> tuple[list[Token], bool]:
    """A quotation mark in the phrase: an opening one is part of it (der „New York Times“); a closing one ends it, as
    part of it where the phrase opened a quotation (not the quote closing the title: als „Chef des Beirates“)."""
    if np and tk.text in ("“", "«", "\"", "''"):
        return ([tk] if any(x.text in ("„", "»", "\"", "''") for x in np) else []), True
    return [tk], False


def _name_before_person(ctx: _Ctx, np: list[Token], tk: Token, k2: int, s1: int) -> bool:
    """"der Deutschen Bank Josef Ackermann": the phrase is an organisation's name and a name follows that does not
    extend it (not "der Mercedes-Benz Group AG": a legal form follows)."""
    orgs = ctx.orgs
    return k2 < s1 and (k2 in ctx.per_start or tk.pos_ == "PROPN" or tk.text in ctx.given) and \
        orgs.by_name_or_genitive(" ".join(x.text for x in np)) is not None and \
        orgs.by_name_or_genitive(" ".join(x.text for x in np + [tk])) is None \
        and not any(x.text in ctx.w.legal_forms for x in ctx.doc[k2:min(k2 + 3, s1)])


def _np_continues(ctx: _Ctx, np: list[Token], tk: Token, k2: int, s1: int) -> bool:
    """Token tk at k2 (before the sentence end s1) continues the organisation name ``np`` read so far: a number or
    slash inside the name, a capitalised word not in the lexicon, an adjective or a foreign particle before one."""
    if _digit_before_capital(ctx, np, tk, k2, s1) or _slash_in_org_name(ctx, np, tk, k2, s1) \
            or _number_in_org_name(ctx, np, tk, k2) or _ordinal_before_org(ctx, np, tk, k2):
        return True
    if _name_word(tk):
        return not (ctx.lex.lookup(tk.text) and np)
    return _adjective_before_capital(ctx, tk, k2, s1) or _foreign_particle_in_name(ctx, np, tk, k2, s1)


def _digit_before_capital(ctx: _Ctx, np: list[Token], tk: Token, k2: int, s1: int) -> bool:
    """"Bündnis 90/Die Grünen": a number inside the name, before a capitalised word or with a slash."""
    return bool(np) and tk.text[:1].isdigit() and k2 + 1 < s1 and (_capitalized(ctx.doc[k2 + 1]) or "/" in tk.text)


def _slash_in_org_name(ctx: _Ctx, np: list[Token], tk: Token, k2: int, s1: int) -> bool:
    """Rule ``slash_in_org_name``: "der CDU/CSU-Bundestagsfraktion": a slash with no space around it between two
    capitalised words."""
    doc = ctx.doc
    return bool(np) and tk.text == "/" and k2 + 1 < s1 and not doc[k2 - 1].whitespace_ and not tk.whitespace_ \
        and _capitalized(doc[k2 + 1]) and _capitalized(np[-1])


def _number_in_org_name(ctx: _Ctx, np: list[Token], tk: Token, k2: int) -> bool:
    """Rule ``number_in_org_name``: "von Bayer 04 Leverkusen", "des FC Schalke 04": a number inside the
    organisation entity the name so far is in."""
    e = ctx.ent_of.get(k2)
    return bool(np) and tk.text.isdigit() and e is not None and e.label_ in ("ORG", "MISC") \
        and ctx.ent_of.get(np[-1].i) is e


def _ordinal_before_org(ctx: _Ctx, np: list[Token], tk: Token, k2: int) -> bool:
    """"des 1. FC Köln": a number that opens an organisation entity of several tokens starts the name."""
    e = ctx.ent_of.get(k2)
    return not np and tk.text[:1].isdigit() and e is not None and e.start == k2 and e.label_ in ("ORG", "MISC") \
        and len(e) > 1


def _name_word(tk: Token) -> bool:
    """A capitalised word (or hyphenated compound ending in one), an acronym or a word ending in a digit."""
    return (_capitalized(tk) or tk.text.split("-")[-1][:1].isupper()) and bool(
        tk.is_alpha or "-" in tk.text or _ACRONYM.match(tk.text) or tk.text[-1:].isdigit())


def _adjective_before_capital(ctx: _Ctx, tk: Token, k2: int, s1: int) -> bool:
    """A lower-case adjective before a capitalised word inside the name."""
    return tk.text[0].islower() and _is_adj(ctx, tk) and k2 + 1 < s1 and _capitalized(ctx.doc[k2 + 1])


def _foreign_particle_in_name(ctx: _Ctx, np: list[Token], tk: Token, k2: int, s1: int) -> bool:
    """"Bank of America", "Banque de France": a foreign particle inside an entity, before a capitalised word."""
    return tk.lower_ in ("for", "of", "the", "and", "de", "du", "des", "la") and bool(np) and \
        k2 + 1 < s1 and _capitalized(ctx.doc[k2 + 1]) and ctx.ent_of.get(k2) is not None


def _gazetteer_org(ctx: _Ctx, np: list[Token]) -> bool:
    """"Der Chef von [Flixbus]PER, André Schwämmlein": a name the gazetteer lists as an organisation (company,
    medium, party ...), whatever NER tagged it."""
    gaz = ctx.gazetteer
    return gaz is not None and any(gaz.label(" ".join(t.text for t in np[:n])) == "ORG" for n in range(len(np), 0, -1))


def _von_np_names_org(ctx: _Ctx, np: list[Token], title: Title) -> bool:
    """"von X" names an organisation (not a person: "Kandidat von Barack Obama")."""
    orgs = ctx.orgs
    if _quoted_name(np):
        return True                   # rule quoted_von_name: "Der Geschäftsführer von „Ener1“, Charles Gassenheimer"
    e0 = ctx.ent_of.get(np[0].i) if np else None
    return bool(np) and ((e0 is not None and e0.label_ != "PER" and np[0].text not in ctx.person_words)
                         or orgs.by_name_or_genitive(np[0].text) is not None
                         or _gazetteer_org(ctx, np)
                         or orgs.by_name(" ".join(x.text for x in np)) is not None
                         or (e0 is None and np[0].pos_ == "PROPN" and np[0].text not in ctx.person_words
                             and title.category == "head_of_state_or_government")
                         or _municipal_von_town(ctx, np, title))


def _municipal_von_town(ctx: _Ctx, np: list[Token], title: Title) -> bool:
    """Rule ``municipal_von_town`` (rorg17): "Lutz Wendisch, der ehrenamtliche Bürgermeister von Japenzin, kritisierte"
    -> Japenzin: after a municipal office (roles.yaml ``patterns.municipal_titles``) "von" and one capitalised word
    that no German vocabulary knows and no person's name has, untagged by NER, is the town. Off:
    ``municipal_von_town: false``."""
    if not ctx.p.municipal_von_town or len(np) != 1 or not title.title.lower().startswith(ctx.p.municipal_titles):
        return False
    t = np[0]
    if not (t.is_alpha and t.text[:1].isupper() and len(t.text) > 3) or t.text in ctx.person_words \
            or ctx.ent_of.get(t.i) is not None:
        return False
    from pipeline.extract.actors.layer import german_words
    caps, lows = german_words()
    return t.text not in caps and t.lower_ not in lows


def _quoted_name(np: list[Token]) -> bool:
    """Rule ``quoted_von_name``: "von „Ener1“", "von „Die Zeit“": a name in quotes after "von" names a company, a
    medium or a body (a person's name is not quoted)."""
    return len(np) >= 3 and np[0].text in ("„", "»", "\"") and np[-1].text in ("“", "«", "\"") \
        and np[1].text[:1].isupper() and all(t.text[:1].isupper() or not t.is_alpha for t in np[1:-1])


def _board_org(ctx: _Ctx, h: Hit, np: list[Token], det: str, s1: int) -> None:
    """"Vorsitzender der Geschäftsführung im Studio Hamburg"; no company named: the board itself
    ("Chef des Verwaltungsrats")."""
    doc, orgs = ctx.doc, ctx.orgs
    h.end = np[-1].i + 1
    k3 = h.end
    if k3 + 1 < s1 and doc[k3].lower_ in ("im", "beim", "bei", "von", "vom", "der", "des") \
            and not _party_fraktion(ctx, np[0]):
        e3 = ctx.ent_of.get(k3 + 1)
        o3 = orgs.by_name_or_genitive(doc[k3 + 1].text)
        if e3 is not None and e3.start == k3 + 1 and e3.label_ in ("ORG", "MISC", "LOC"):
            o3 = orgs.by_name_or_genitive(e3.text)
            _set_org(h, o3.name if o3 else e3.text, "genitive")
            h.end = e3.end
        elif o3 is not None:
            _set_org(h, o3.name, "genitive")
            h.end = k3 + 2
    if h.org is None:
        _set_org(h, _lemma_noun(np[0], det), "genitive")
