"""Organisation normalisation: genitive/von phrases, post-name organisations, category by org type."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from pipeline.extract.view import doc_span

from .lexicon import Title
from .context import _ACRONYM, _Ctx
from .hits import Hit, _set_org
from .article_context import (_mention_end, article_club, article_company, article_company_far, article_district,
                              article_town, org_seat_place,
                              club_of_town, land_office_state, municipal_genitive_town, org_mention_end,
                              party_previous_sentence, quoted_for,
                              possessive_org_noun, possessive_previous_sentence, typed_prefix_org)
from .kind_context import article_kind_org
from .canton import canton_office
from .holder_company import holder_name_company
from .previous_org import previous_sentence_org
from .topic_club import topic_club_title

from .kind_head import kind_noun_head, title_kind_head
from .tokens import _capitalized, _is_adj


def _org_from_np(ctx: _Ctx, toks: list[Token], det: str) -> str | None:
    """Normalize a genitive/von noun phrase ("des Auslandsgeheimdienstes CIA", "der Amerikaner") to an org."""
    if not toks:
        return None
    if (quoted := _quoted_org_name(ctx, toks)) is not None:
        return quoted
    toks = _without_quote_marks(toks)
    if not toks:
        return None
    if (slashed := _slashed_name(ctx, toks)) is not None:
        return slashed
    if (legal := _legal_form_org(ctx, toks)) is not None:
        return legal
    if (org := _longest_lexicon_match(ctx, toks)) is not None:
        return _lexicon_org(ctx, toks, org, det)
    if (acronym := next((t for t in toks if _is_acronym(t)), None)) is not None:
        return _acronym_org(ctx, toks, acronym)
    if (demonym := _demonym_org(ctx, toks)) is not None:
        return demonym
    ents = _org_loc_misc_entities(ctx, toks)
    if ents and _names_entity(ctx, toks, ents):
        return _entity_org_nominative(ctx, max(ents, key=len), det)
    return _org_of_other_rules(ctx, toks, ents, det)


def _without_quote_marks(toks: list[Token]) -> list[Token]:
    """The phrase without its quotation marks."""
    return [t for t in toks if t.text not in ("„", "“", "»", "«", "\"", "''")]


def _demonym_org(ctx: _Ctx, toks: list[Token]) -> str | None:
    """A demonym alone names its country's organisation ("der Amerikaner")."""
    if len(toks) == 1 and toks[0].lower_ in ctx.orgs.demonyms:
        return ctx.orgs.demonyms[toks[0].lower_].name
    return None


def _org_loc_misc_entities(ctx: _Ctx, toks: list[Token]) -> list:
    """The ORG, LOC and MISC entities of the phrase's tokens, one per token."""
    return [ctx.ent_of[t.i] for t in toks if t.i in ctx.ent_of and ctx.ent_of[t.i].label_ in ("ORG", "LOC", "MISC")]


def _quoted_org_name(ctx: _Ctx, toks: list[Token]) -> str | None:
    """Rule ``quoted_org_name``: "des Vereins „Mehr Demokratie“" -> Mehr Demokratie: the quoted words after an
    organisation noun, up to the closing quote that ends the phrase."""
    q = next((i for i, t in enumerate(toks) if t.text in ("„", "»")), None)
    if q is not None and q >= 1 and toks[-1].text in ("“", "«") and len(toks) - q > 2 \
            and _is_org_noun(ctx, toks[q - 1]):
        return ctx.doc[toks[q + 1].i:toks[-2].i + 1].text
    return None


def _legal_form_org(ctx: _Ctx, toks: list[Token]) -> str | None:
    """A phrase that ends in a legal form: the name before it ("der Solartec Deutschland GmbH": not Deutschland)."""
    if len(toks) >= 2 and toks[-1].text in ctx.w.legal_forms:
        return _legal_form_name(ctx, toks)
    return None


def _lexicon_org(ctx: _Ctx, toks: list[Token], org: str, det: str) -> str:
    """The organisation of a phrase with a lexicon name in it: a lexicon word inside a longer entity gives the entity
    ("des Verbandes Union Générale Tunisienne du Travail": not "Union" (CDU/CSU)), else the place's institution or
    the lexicon name unless it is part of a longer organisation name."""
    if (inner := _lexicon_word_in_long_entity(ctx, toks)) is not None:
        return inner
    return _institution_of_place(ctx, toks, org, det) or _unless_inside_org_name(ctx, toks, org, det)


def _is_acronym(t: Token) -> bool:
    """An acronym in capitals: "des Auslandsgeheimdienstes CIA"."""
    return bool(_ACRONYM.match(t.text)) and t.text.upper() == t.text


def _entity_org_nominative(ctx: _Ctx, e, det: str) -> str:
    """The entity the phrase names, in the nominative after "des" and "der" (rule ``genitive_name_nominative``)."""
    if det == "des":
        return _genitive_name_nominative(ctx, e)
    return _feminine_name_nominative(ctx, e) if det == "der" else e.text


def _org_of_other_rules(ctx: _Ctx, toks: list[Token], ents: list, det: str) -> str | None:
    """A phrase with no lexicon name, acronym or entity of its own: an institution noun, a gazetteer name, an
    untagged name, an adjective + noun entity or capitalised adjectives before a noun, the first that gives one."""
    text = " ".join(t.text for t in toks if t.text not in "()")
    return _institution(ctx, toks, det, text) or _gazetteer_name(ctx, toks) or _untagged_name(ctx, toks, det) \
        or _adjective_entity_nominative(ctx, toks, ents, det) or _capitalized_adjective_name(ctx, toks, det)


def _capitalized_adjective_name(ctx: _Ctx, toks: list[Token], det: str) -> str | None:
    """Rule ``capitalized_adjective_name``: "Co-Vorsitzender des Transatlantischen Wirtschaftsdialogs" -> Transatlantischer
    Wirtschaftsdialog, "Rektor der Katholischen Universität" -> Katholische Universität: capitalised adjectives (German
    writes them so only inside a name) before one capitalised singular noun are the name of an organisation, whatever
    NER tagged it; given in the nominative (rule ``genitive_name_nominative``). Off: roles.yaml
    ``patterns.capitalized_adjective_name: false``."""
    if not ctx.p.capitalized_adjective_name or det not in ("des", "der") or not 2 <= len(toks) <= 4:
        return None
    lead, head = toks[:-1], toks[-1]
    if not all(_adjectival(t) for t in lead) or not (_capitalized(head) and head.is_alpha) \
            or head.pos_ not in ("NOUN", "PROPN") or "Plur" in head.morph.get("Number") \
            or head.i in ctx.per_start or ctx.lex.lookup(head.text) or head.lower_.endswith(("spiele", "wahlen")):
        return None
    span = ctx.doc[toks[0].i:toks[-1].i + 1]
    if len(span) != len(toks):
        return None
    return _genitive_name_nominative(ctx, span) if det == "des" else _feminine_name_nominative(ctx, span)


def _slashed_name(ctx: _Ctx, toks: list[Token]) -> str | None:
    """Rule ``slash_in_org_name``: "der CDU/CSU-Bundestagsfraktion" -> CDU/CSU-Bundestagsfraktion (not CDU): a
    name of capitalised words joined by a slash without spaces, as written, where the lexicon knows no organisation
    by the whole ("Bündnis 90/Die Grünen" stays the lexicon's name)."""
    if len(toks) < 3 or not any(t.text == "/" and not t.whitespace_ and t.i > 0 and not ctx.doc[t.i - 1].whitespace_
                                for t in toks[1:-1]):
        return None
    if any(t.text in "()" for t in toks):
        return None
    name = ctx.doc[toks[0].i:toks[-1].i + 1].text
    o = ctx.orgs.by_name(name)
    return o.name if o is not None else name


def _adjective_entity_nominative(ctx: _Ctx, toks: list[Token], ents: list, det: str) -> str | None:
    """"des Deutschen Mieterbundes" (tagged ORG, no institution noun of roles.yaml): the whole phrase is the
    entity, adjective + noun in the genitive: its nominative (rule ``genitive_name_nominative``)."""
    if det != "des" or not ents or not ctx.p.genitive_name_nominative:
        return None
    e = max(ents, key=len)
    if e.label_ != "ORG" or e.start != toks[0].i or e.end != toks[-1].i + 1 or len(e) < 2:
        return None
    name = _genitive_name_nominative(ctx, e)
    return name if name != _strip_genitive(e.text) else None


def _genitive_name_nominative(ctx: _Ctx, e) -> str:
    """Rule ``genitive_name_nominative``: "Hauptgeschäftsführer des Deutschen Brauer-Bundes" -> "Deutscher
    Brauer-Bund", "Intendant des Bayerischen Rundfunks" -> "Bayerischer Rundfunk": a name in the genitive
    after "des"/"vom" (masculine or neuter singular) whose leading words are inflected adjectives is given in
    the nominative (adjectives by the head noun's gender, the head without its genitive ending); other names
    lose the genitive -s only. Off (roles.yaml patterns.genitive_name_nominative: false): -s only."""
    toks = list(e)
    head = toks[-1]
    lead = toks[:-1]
    if not ctx.p.genitive_name_nominative or not lead or head.text[:1].islower() \
            or not all(t.text[:1].isupper() and t.lower_.endswith("en") and (_is_adj_cap(t) or _adjectival(t))
                       for t in lead):
        return _strip_genitive(e.text)
    gender = _gender(head)
    if gender == "f":
        return _strip_genitive(e.text)
    name = " ".join([_adj_nominative(t.text, gender) for t in lead] + [_lemma_noun(head, "des")])
    o = ctx.orgs.by_name_or_genitive(name)
    return o.name if o else name


def _feminine_name_nominative(ctx: _Ctx, e) -> str:  # e: a Span or a list of tokens
    """Rule ``genitive_name_nominative``, feminine: "Vizepräsident der Demokratischen Republik Kongo" ->
    "Demokratische Republik Kongo", "Sprecherin der Europäischen Zentralbank" -> "Europäische Zentralbank": a name
    after "der" (genitive or dative of a feminine singular) whose leading words are adjectives in -en before a
    feminine noun is given with the adjectives in -e; anything else as written."""
    toks = list(e)
    text = " ".join(t.text for t in toks)
    k = 0
    while k < len(toks) and toks[k].text[:1].isupper() and toks[k].lower_.endswith("en") \
            and (_is_adj_cap(toks[k]) or _adjectival(toks[k])):
        k += 1
    if not ctx.p.genitive_name_nominative or k == 0 or k >= len(toks):
        return text
    head = toks[k]
    if not head.text[:1].isupper() or _gender(head) != "f" or "Plur" in head.morph.get("Number") \
            or head.lower_.endswith(("nen", "ten", "ern")):
        return text
    name = " ".join([t.text[:-1] for t in toks[:k]] + [t.text for t in toks[k:]])
    o = ctx.orgs.by_name_or_genitive(name)
    return o.name if o else name


def _gazetteer_name(ctx: _Ctx, toks: list[Token]) -> str | None:
    """"Der Chef von [Flixbus]PER": the longest start of the phrase the gazetteer lists as an organisation
    (company, medium, party ...), NER's label notwithstanding."""
    gaz = ctx.gazetteer
    if gaz is None:
        return None
    for n in range(len(toks), 0, -1):
        name = " ".join(t.text for t in toks[:n])
        if gaz.label(name) == "ORG":
            return name
    return None


def _untagged_name(ctx: _Ctx, toks: list[Token], det: str) -> str | None:
    """"Sängerin und Frontfrau der Ratboys": a genitive of one to three capitalised words that are no German
    or English word, no first name, person's name or title: the name of an organisation NER did not tag."""
    from pipeline.extract.actors.layer import german_words
    from pipeline.extract.actors.persons import english_word
    if det not in ("der", "des") or not 1 <= len(toks) <= 3:
        return None
    caps, lows = german_words()
    for t in toks:
        if not (_capitalized(t) and t.is_alpha) or t.i in ctx.per_start or t.i in ctx.ent_of \
                or t.text in ctx.given or t.text in ctx.person_words or ctx.lex.lookup(t.text):
            return None
        forms = {t.text, t.text[:-1], t.text[:-2], t.lemma_} if t.text.endswith("s") else {t.text, t.lemma_}
        if any(w and (w in caps or w.lower() in lows or english_word(w)) for w in forms):   # "des Landes"
            return None
    return " ".join(t.text for t in toks)


_PLACE_NOUNS = ("stadt", "gemeinde", "kreis", "landkreis", "land", "bundesland", "freistaat", "bezirk", "region",
                "kanton", "provinz", "hauptstadt", "metropole", "ortschaft", "dorf", "markt")


def _institution_of_place(ctx: _Ctx, toks: list[Token], org: str, det: str) -> str | None:
    """"der Polizeidirektion Hannover", "der Staatsanwaltschaft Frankfurt": an institution noun (``org_nouns``)
    followed by the place the lexicon knows names the institution, not the place ("der Stadt Köln" does)."""
    o = ctx.orgs.by_name(org)
    if o is None or o.actor_type != "location" or len(toks) != 2 or not _is_org_noun(ctx, toks[0]) \
            or not _capitalized(toks[1]):
        return None
    head = _lemma_noun(toks[0], det)
    if head.lower().endswith(_PLACE_NOUNS) or ctx.orgs.by_name_or_genitive(toks[1].text) is None:
        return None
    return f"{head} {toks[1].text}"


def _unless_inside_org_name(ctx: _Ctx, toks: list[Token], org: str, det: str) -> str:
    """A place the lexicon knows inside an ORG name that spans the phrase: the name ("des 1. FC Köln": the club,
    not Köln)."""
    whole = _whole_org_entity(ctx, toks)
    o = ctx.orgs.by_name(org)
    if whole is not None and o is not None and o.actor_type == "location":
        if det == "der":
            return _feminine_name_nominative(ctx, toks)
        return _strip_genitive(whole) if det == "des" else whole
    return org


def _acronym_org(ctx: _Ctx, toks: list[Token], t: Token) -> str:
    """The acronym ``t``, or the longer ORG name it starts inside the phrase ("des FC Augsburg": not "FC")."""
    e = ctx.ent_of.get(t.i)
    if e is not None and len(e) > 1 and e.label_ in ("ORG", "MISC") and e.start >= toks[0].i \
            and e.end <= toks[-1].i + 1:
        return e.text
    return t.text


def _whole_org_entity(ctx: _Ctx, toks: list[Token]) -> str | None:
    """The text of an ORG entity of several words that spans the whole phrase, if any."""
    e = ctx.ent_of.get(toks[0].i)
    if e is not None and e.label_ == "ORG" and len(e) > 1 and e.start == toks[0].i and e.end == toks[-1].i + 1:
        return e.text
    return None


def _legal_form_name(ctx: _Ctx, toks: list[Token]) -> str | None:
    """"der Firma Solartec Deutschland GmbH" -> "Solartec Deutschland GmbH" (the name after a type noun)."""
    first = next((n for n, t in enumerate(toks) if t.lower_.rstrip("s").endswith(ctx.w.type_nouns)), -1) + 1
    name = [t.text for t in toks[first:] if t.text not in "()"]
    if len(name) >= 2:
        o = ctx.orgs.by_name_or_genitive(" ".join(name))
        return o.name if o else " ".join(name)
    return None


def _longest_lexicon_match(ctx: _Ctx, toks: list[Token]) -> str | None:
    """The longest run of tokens that the organisation lexicon knows (leftmost first)."""
    for n in range(len(toks), 0, -1):
        for s in range(0, len(toks) - n + 1):
            cand = [t.text for t in toks[s:s + n] if t.text not in "()"]
            if not cand:
                continue
            org = ctx.orgs.by_name_or_genitive(" ".join(cand))
            if org:
                return org.name
    return None


def _lexicon_word_in_long_entity(ctx: _Ctx, toks: list[Token]) -> str | None:
    """Rule ``lexicon_word_in_entity``: the lexicon knows only one word of the phrase ("Union", "Travail") and that
    word lies inside an ORG entity of three or more words the lexicon does not know: the entity (without a leading
    kind noun) names the organisation."""
    hits = [t for t in toks if t.text not in "()" and ctx.orgs.by_name_or_genitive(t.text) is not None]
    if len(hits) != 1 or ctx.orgs.by_name_or_genitive(hits[0].text).actor_type == "location" or any(ctx.orgs.by_name_or_genitive(f"{a.text} {b.text}") is not None
                             for a, b in zip(toks, toks[1:])):
        return None
    e = ctx.ent_of.get(hits[0].i)
    if e is None or e.label_ not in ("ORG", "MISC") or len(e) < 3 or ctx.orgs.by_name_or_genitive(e.text) is not None \
            or e.start < toks[0].i or e.end > toks[-1].i + 1:
        return None                   # (not "[Linken Gesine Lötzsch]ORG" that runs on into the name)
    if _is_org_noun(ctx, e[0]) and _capitalized(e[1]):
        return e[1:].text
    return e.text


def _is_org_noun(ctx: _Ctx, t: Token) -> bool:
    low = t.lower_
    return low.endswith(ctx.p.org_nouns) or any(low.endswith(s + "s") or low.endswith(s + "es")
                                                 or s.endswith("nis") and low.endswith(s + "ses")   # "Bündnisses"
                                                 for s in ctx.p.org_nouns)


def _names_entity(ctx: _Ctx, toks: list[Token], ents: list) -> bool:
    """The entity in the phrase is its name, not a generic institution that NER tagged
    ("des Staatlichen Sicherheitsdienstes") or the complement of an untagged org noun."""
    first_org_noun = next((t for t in toks if _capitalized(t) or "-" in t.text), None)
    generic_ent = len(ents[0]) >= 2 and (ents[0][0].pos_ == "ADJ" or _adjectival(ents[0][0])) and (
        ents[0][-1].pos_ == "NOUN" or ents[0][-1].lower_.endswith(ctx.p.org_nouns + tuple(
            n + e for n in ctx.p.org_nouns for e in ("s", "es"))))     # "des Staatlichen Sicherheitsdienstes"
    return not generic_ent and not (first_org_noun is not None and first_org_noun.i not in ctx.ent_of and any(
        first_org_noun.lower_.endswith((n, n + "s", n + "es")) for n in ctx.p.org_nouns))


def _institution(ctx: _Ctx, toks: list[Token], det: str, text: str) -> str | None:
    """"der Firma Trigema" -> Trigema; a generic institution in the nominative: "des Nationalen
    Nachrichtendienstes" -> "Nationaler Nachrichtendienst"."""
    heads = [t for t in toks if _is_org_noun(ctx, t) and (not _is_adj_cap(t) or "-" in t.text or _capitalized(t))]
    if not heads:
        return None
    head = heads[-1]
    if head.lower_.rstrip("s").endswith(ctx.w.type_nouns):           # "der Firma Trigema" -> Trigema
        name = [t.text for t in toks if t.i > head.i and t.text not in "()"]
        if name and _capitalized(toks[-1]):
            o = ctx.orgs.by_name_or_genitive(" ".join(name))
            return o.name if o else " ".join(name)
    gender = _gender(head)
    words = []
    for t in toks:
        if t is head:
            words.append(_lemma_noun(head, det))
            continue
        if words and t.i > head.i:
            if _capitalized(t) and t.text not in "()":
                words.append(t.text)      # "des ödp-Kreisverbandes Memmingen"
                continue
            break
        if t.text[0].islower() and t.lower_.startswith(ctx.p.org_dropped_adjectives):
            continue                  # rule org_dropped_adjectives: "der örtlichen Feuerwehr" -> Feuerwehr
        if _is_adj_cap(t) or _adjectival(t) or (t.text[0].islower() and t.is_alpha):
            words.append(_adj_nominative(t.text, gender))
        else:
            words.append(t.text)
    return " ".join(words) if text else None


def _is_adj_cap(t: Token) -> bool:
    low = t.lower_
    if t.pos_ == "ADJ":
        return True
    return low.endswith(("ischen", "ische", "ischer", "nalen", "nale", "alen", "ten", "igen", "ßen")) and len(low) > 4 \
        and not t.pos_ in ("NOUN", "PROPN")


_MASC_ORG_NOUNS = ("dienst", "rat", "verband", "bund", "ausschuss", "konzern", "verein", "senat", "kongress", "hof",
                   "stab", "fonds", "rundfunk", "sender", "kreis", "staat", "vorstand", "klub", "club", "orden",
                   "gipfel", "zirkel", "stamm", "betrieb", "markt", "handel", "tag")


_ADJ_STEMS = ("isch", "lich", "ig", "al", "iv", "är", "ös", "bar", "sam", "haft")


def _adjectival(t: Token) -> bool:
    """A capitalized attributive adjective the tagger took for a noun: "(des) Europäischen", "Staatlichen"."""
    low = t.lower_
    if not t.text[:1].isupper() or not t.is_alpha:
        return False
    for e in ("en", "er", "es", "em"):            # (not "-e": "Zentrale", "Fachstelle" are nouns)
        if low.endswith(e):
            stem = low[:-len(e)]
            return len(stem) > 3 and stem.endswith(_ADJ_STEMS) and not stem.endswith(("könig", "rival"))
    return False


def _gender(t: Token) -> str:
    low = t.lower_.rstrip("s")
    base = _lemma_noun(t, "des").lower()          # "Nachrichtendienstes" -> "nachrichtendienst"
    if base.endswith(_MASC_ORG_NOUNS) or t.lower_.endswith(_MASC_ORG_NOUNS):
        return "m"                                # (the tagger's Gender is unreliable on genitives)
    if low.endswith(("ung", "ion", "ei", "heit", "keit", "schaft", "tät", "behörde", "agentur", "kammer",
                     "partei", "bank", "gruppe", "kommission", "organisation", "regierung", "polizei", "republik",
                     "union", "akademie", "hochschule", "liga", "allianz", "kirche", "bahn", "föderation",
                     "konferenz", "armee", "marine", "luftwaffe", "gemeinde", "region", "provinz", "zentralbank",
                     "wehr", "kita", "schule", "klinik", "stadt")):
        return "f"
    if low.endswith(("amt", "ium", "ment", "institut", "komitee", "zentrum", "gericht", "haus", "büro",
                     "parlament", "unternehmen", "kabinett", "museum", "theater", "orchester", "forum", "bündnis",
                     "archiv", "netzwerk", "werk", "magazin", "labor", "kolleg")):
        return "n"
    g = t.morph.get("Gender")
    if g:
        return {"Masc": "m", "Fem": "f", "Neut": "n"}.get(g[0], "m")
    return "m"


def _adj_nominative(word: str, gender: str) -> str:
    stem = word
    for e in ("en", "er", "es", "em", "e"):
        if word.endswith(e):
            stem = word[:-len(e)]
            break
    return stem + {"m": "er", "f": "e", "n": "es"}[gender]


def _lemma_noun(t: Token, det: str) -> str:
    text = t.text
    if det != "des":
        return text
    if t.lemma_ and t.lemma_ != text and text.startswith(t.lemma_[:-1]) and len(t.lemma_) >= len(text) - 2 \
            and not (t.lemma_ == text[:-1] and text.endswith("es") and len(text) > 5 and text[-3] not in "aeiouäöü"):
        return t.lemma_               # (not "Nachrichtendienste" for "Nachrichtendienstes")
    if text.endswith("es") and len(text) > 5 and text[-3] not in "aeiouäöü":
        return text[:-2]
    if text.endswith("s") and not text.endswith(("ss", "us", "is", "ps", "os")):
        return text[:-1]
    return text


def _strip_genitive(text: str) -> str:
    return text[:-1] if text.endswith("s") and not text.endswith(("ss", "us", "is", "ps", "os")) and len(text) > 3 else text


def _category(ctx: _Ctx, title: Title, org: str | None) -> str:
    if not title.generic or not org:
        return title.category
    o = ctx.orgs.by_name(org)
    if o is None:
        return title.category
    return ctx.lex.generic_category_by_org_type.get(o.type, title.category)


def _comma_after_genitive(ctx: _Ctx, end: int, s1: int) -> int:
    """``end``, or the comma after a short genitive the scan left out ("des Landes,", "der Region,")."""
    doc = ctx.doc
    if end + 2 < s1 and doc[end].lower_ in ("des", "der"):
        c = next((k for k in range(end + 1, min(end + 4, s1)) if doc[k].text in ctx.w.punct_stop), None)
        if c is not None and doc[c].text == "," and all(
                doc[k].is_alpha and k not in ctx.per_start and doc[k].pos_ not in ("VERB", "AUX")
                for k in range(end + 1, c)):
            return c
    return end


def _post_name_org(ctx: _Ctx, h: Hit, j: int, s1: int) -> None:
    """'Stephen Wertheim von der Denkfabrik Carnegie Endowment ...' -> organisation of the title."""
    doc = ctx.doc
    if j >= s1 or doc[j].lower_ not in ("von", "vom", "bei", "beim"):
        return
    det, k_np = _post_name_det(ctx, j, s1)
    k = _post_name_head(ctx, k_np, s1)
    e = ctx.ent_of.get(k)
    if e is not None and e.start == k and e.label_ in ("ORG", "MISC", "LOC"):
        org = _post_name_entity_org(ctx, e, j, k, det)
    else:
        o = ctx.orgs.by_name_or_genitive(doc[k].text) if k < s1 else None
        org = o.name if o else None
    if not org and det != "none" and k_np < s1 and (_capitalized(doc[k_np]) or _is_adj(ctx, doc[k_np])):
        org = _post_name_np_org(ctx, k_np, det, s1)
    if org:
        _set_org(h, org, "post_name")
        h.category = _category(ctx, h.title, h.org)


def _post_name_det(ctx: _Ctx, j: int, s1: int) -> tuple[str, int]:
    """(article, first token after it) of the phrase after the preposition at j: "von der Polizei" -> ("der", at
    "Polizei"), "vom Bayerischen Rundfunk" -> ("dem", at "Bayerischen"), "bei Siemens" -> ("none", at "Siemens")."""
    doc = ctx.doc
    k = j + 1
    det = "dem" if doc[j].lower_ in ("vom", "beim") else "none"
    if k < s1 and doc[k].lower_ in ("der", "den", "dem", "des"):
        det = doc[k].lower_
        k += 1
    return det, k


def _post_name_head(ctx: _Ctx, k: int, s1: int) -> int:
    """The token where the organisation's name starts, after lower-case adjectives and an untagged institution
    noun: "von der renommierten Denkfabrik [Carnegie Endowment]ORG" -> at "Carnegie"."""
    doc = ctx.doc
    while k < s1 and doc[k].text[0].islower() and _is_adj(ctx, doc[k]):
        k += 1
    if k < s1 and doc[k].lower_.endswith(ctx.p.org_nouns) and k not in ctx.ent_of and k + 1 < s1:
        k += 1                                                # "Denkfabrik", "Universität"
    return k


def _post_name_entity_org(ctx: _Ctx, e, j: int, k: int, det: str) -> str:
    """The organisation an entity starting at k names, after the preposition at j: "von der [Denkfabrik Carnegie
    Endowment]ORG" -> "Carnegie Endowment", "vom [Bayerischen Rundfunk]ORG" -> "Bayerischer Rundfunk", "von der
    Staatsanwaltschaft [Frankfurt]LOC" -> the institution of the place."""
    text = _post_name_entity_text(ctx, e, det)
    o = ctx.orgs.by_name_or_genitive(text)
    org = o.name if o else text
    if k - 1 >= 0 and k - 1 not in ctx.ent_of and len(e) == 1:   # "von der Staatsanwaltschaft [Frankfurt]LOC"
        org = _post_name_place_institution(ctx, e, j, k, org)
    return org


def _post_name_entity_text(ctx: _Ctx, e, det: str) -> str:
    """The entity's name as the organisation is called: without a leading type noun ("[Denkfabrik Carnegie
    Endowment ...]ORG"), in the nominative after "vom"/"des" ("vom Bayerischen Rundfunk") or "der" ("von der Freien
    Universität Berlin"); else as written."""
    if len(e) >= 2 and e[0].lower_.endswith(ctx.w.type_nouns + ("denkfabrik", "institut", "universität")) \
            and _capitalized(e[1]):
        return _without_type_noun(ctx, e)
    if len(e) >= 2 and det in ("dem", "des"):
        return _genitive_name_nominative(ctx, e)  # "vom Bayerischen Rundfunk"
    if len(e) >= 2 and det == "der":
        return _feminine_name_nominative(ctx, e)  # "von der Freien Universität Berlin"
    return e.text


def _without_type_noun(ctx: _Ctx, e) -> str:
    """"[Denkfabrik Carnegie Endowment ...]ORG" -> "Carnegie Endowment ...": the entity without its leading type
    noun; but whole where the rest is a place ("[Universität Hamburg]ORG") or one word after "Institut" or
    "Universität" that no lexicon knows ("[Universität Bielefeld]ORG")."""
    text = e[1:].text
    loc = ctx.orgs.by_name_or_genitive(text)
    if loc is not None and loc.actor_type == "location" or e[1].i in ctx.ent_of and \
            ctx.ent_of[e[1].i] is not e and ctx.ent_of[e[1].i].label_ == "LOC" or \
            len(e) == 2 and loc is None and e[0].lower_.endswith(("institut", "universität")):
        return e.text                     # (but "[Universität Hamburg]ORG", "[Universität Bielefeld]ORG")
    return text


def _post_name_place_institution(ctx: _Ctx, e, j: int, k: int, org: str) -> str:
    """A one-word entity after an untagged word: "von der Staatsanwaltschaft [Frankfurt]LOC" -> the institution of
    the place; "vom Landratsamt [Rosenheim]LOC" (a place not in the lexicon) -> "Landratsamt Rosenheim"."""
    doc = ctx.doc
    org = _institution_of_place(ctx, [doc[k - 1], doc[k]], org, "der") or org
    if org == e.text and e.label_ == "LOC" and k - 1 > j and _capitalized(doc[k - 1]) \
            and _is_org_noun(ctx, doc[k - 1]) and not doc[k - 1].lower_.endswith(_PLACE_NOUNS):
        org = f"{doc[k - 1].text} {e.text}"   # "vom Landratsamt [Rosenheim]LOC" (a place not in the lexicon)
    return org


def _post_name_np_org(ctx: _Ctx, k: int, det: str, s1: int) -> str | None:
    """Rule ``post_name_np``: "Hauptmann Abraham Sipe von der US-Marineinfanterie", "Pressesprecher Klaus Meier bei
    der Stadt Köln", "Sprecher Max Huber von der Polizei": the noun phrase after "von der/vom/bei der/beim" that no
    entity starts, normalised as a genitive complement is (institution noun, place, lexicon)."""
    from .complement import _complement_np
    np = _complement_np(ctx, k, s1)
    if not np or any(t.i in ctx.per_start for t in np) or not any(
            _is_org_noun(ctx, t) or t.i in ctx.ent_of or ctx.orgs.by_name_or_genitive(t.text) is not None
            or _ACRONYM.match(t.text) for t in np) or np[0].lower_.endswith(ctx.p.post_name_event_nouns):
        return None                               # "von der Unfallstelle", "bei der Jahreshauptversammlung"
    return _org_from_np(ctx, np, "der" if det in ("der", "den") else "des" if det == "dem" else det)


def _org_actor_starts(ctx: _Ctx, actors) -> dict[int, str]:
    """Token index -> organisation name, where a mention of an organisation actor starts (the entity layer's
    verdict: "Tappara Tampere" that NER tagged PER, "Wirecard" it missed, the prefix of "Flixbus-Manager")."""
    doc, out = ctx.doc, {}
    for a in actors:
        if a.actor_type != "organization":
            continue
        for m in a.mentions:
            if m.label == "ROLE":
                continue
            sp = doc_span(doc, m.start, m.end, "expand")
            if sp is not None and len(sp):
                out.setdefault(sp.start, a.name)
    return out


def _org_actor_mentions(ctx: _Ctx, actors, types=("organization", "location")) -> list[tuple[int, str]]:
    """(first token, name) of every name mention of an organisation or place actor, in text order (a club is
    often named by its city: "Gladbach zeigte gute Leistungen")."""
    doc, out = ctx.doc, []
    for a in actors:
        if a.actor_type not in types:
            continue
        for m in a.mentions:
            sp = doc_span(doc, m.start, m.end, "expand") if m.label != "ROLE" else None
            if sp is not None and len(sp):
                out.append((sp.start, a.name))
    return sorted(out)


def _typed_mentions(ctx: _Ctx, actors) -> list[tuple[int, str, str]]:
    """(first token, name, actor type) of every name mention of an organisation or place actor, in text order."""
    doc, out = ctx.doc, []
    for a in actors:
        if a.actor_type not in ("organization", "location"):
            continue
        for m in a.mentions:
            sp = doc_span(doc, m.start, m.end, "expand") if m.label != "ROLE" else None
            if sp is not None and len(sp):
                out.append((sp.start, a.name, a.actor_type))
    return sorted(out)


def _subject_like(ctx: _Ctx, i: int, lo: int) -> bool:
    """The name at token ``i`` stands where a subject stands: first in the sentence (after an article) or right
    after the finite verb ("Auf der anderen Seite zeigte Gladbach ...", "hatte Tappara Tampere ...")."""
    doc = ctx.doc
    k = i - 1
    if k >= lo and doc[k].lower_ in ctx.w.determiners:
        k -= 1
    return k < lo or doc[k].is_space or doc[k].pos_ in ("VERB", "AUX")


def _team_of_coach(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str]]) -> str | None:
    """"Kann das Team von Trainer Marco Rose ...", "die Überlegenheit des Teams von Cheftrainer Jussi Tapola":
    the team is the club named last as a subject before the team noun, in this sentence or the one before
    (not "das 5:1 gegen Augsburg", not "das Endspiel der Champions League")."""
    doc = ctx.doc
    v = h.np_start - 1
    if v < 1 or doc[v].lower_ not in ("von", "vom") or doc[v - 1].lower_ not in ctx.w.team_nouns:
        return None
    s0, _ = ctx.sent_range(h.head)
    for lo, hi in ((s0, v - 1), ctx.sent_range(s0 - 1) if s0 > 0 else (0, 0)):
        for i, name in reversed(mentions):
            if lo <= i < hi and _subject_like(ctx, i, lo):
                return name
    return None


def _generic_org(ctx: _Ctx, org: str) -> bool:
    """An organisation named only by its kind: "Unternehmen", "Düsseldorfer Konzern", "Energiekonzern" (words.yaml
    roles.generic_org_nouns, also as the end of a compound, after adjectives); not a name the lexicon knows."""
    words = org.split()
    last = words[-1].lower()
    if ctx.orgs.by_name(org) is not None or (ctx.gazetteer is not None and org in ctx.gazetteer.names):
        return False
    if not last.endswith(tuple(ctx.w.generic_org_nouns)):
        return False
    return all(w[:1].islower() or (w.endswith("er") and w[:1].isupper()) or _adjectival_word(w) for w in words[:-1])


def _adjectival_word(w: str) -> bool:
    low = w.lower()
    return any(low.endswith(e) and low[:-len(e)].endswith(_ADJ_STEMS) for e in ("e", "er", "es", "en", "em"))


def _generic_prefix(ctx: _Ctx, h: Hit) -> bool:
    """"Konzernchef Carsten Spohr", "Unternehmenssprecherin X": a generic title compounded with an organisation
    kind (roles.yaml patterns.generic_org_prefixes) and no organisation of its own."""
    low = ctx.doc[h.head].lower_
    return low.startswith(ctx.p.generic_org_prefixes) and h.category in ("business", "other")


def _generic_orgs(ctx: _Ctx, hits: list[Hit], actors) -> None:
    """"Thomas Klein, Geschäftsführer des Unternehmens": an organisation named only by its kind (words.yaml
    roles.generic_org_nouns; also "des Düsseldorfer Konzerns", "Konzernchef X") is the organisation actor named
    last before the title, within four sentences; not a newspaper or agency (:func:`_press_org`), the source or
    addressee of the statement ("Der Süddeutschen Zeitung sagte Konzernchef X")."""
    mentions = None
    for h in hits:
        if h.holder is None or not (_generic_org(ctx, h.org) if h.org else _generic_prefix(ctx, h)):
            continue
        if mentions is None:
            mentions = [(i, n) for i, n in _org_actor_mentions(ctx, actors, ("organization",))
                        if n.lower() not in ctx.w.generic_org_nouns and not _press_org(ctx, n)]
        lo = ctx.sent_of[h.start] - 4
        name = _typed_generic_org(ctx, h, hits, mentions, lo) or _own_title_org(ctx, h, hits, lo)
        if name is None:
            name = next((n for i, n in reversed(mentions) if i < h.start and ctx.sent_of[i] >= lo
                         and not _party_for_other_kind(ctx, n, h.org)), None)
        if name is not None:
            h.org = name
            h.category = _category(ctx, h.title, h.org)
        elif h.org and ctx.p.generic_org_unresolved_none and h.org.split()[-1].lower() in ctx.w.generic_org_nouns:
            # (the kind noun itself, not a compound: "Realschullehrerverband", "Margarethe-Krupp-Stiftung" are names)
            h.extra["kind_noun"] = h.org.split()[-1].lower()
            h.org, h.org_rank = None, 0       # rule generic_org_unresolved_none
            h.category = _category(ctx, h.title, None)


def _party_for_other_kind(ctx: _Ctx, name: str, org: str | None) -> bool:
    """(ent16) A party named last is no organisation of another kind: "Anna Weber, Ehefrau des CDU-Generalsekretärs
    Thomas Strobl, … Fernsehfilmchefin des Senders" (the party prefix is an organisation mention of the entity layer)."""
    o = ctx.orgs.by_name(name)
    return o is not None and o.type == "party" and (org is None or "party" not in _kind_types(ctx, org))


def _kind_noun_orgs(ctx: _Ctx, hits: list[Hit], actors) -> None:
    """Rule ``kind_noun_fit``: "Die Bundesnetzagentur warnt. Der Präsident der Behörde, Klaus Müller, sagte" ->
    Bundesnetzagentur; "Kritik an der Entscheidung des SWR, Christine Strobl zur Fernsehfilmchefin des Senders zu
    machen" -> SWR: a title whose organisation is only a kind noun of roles.yaml ``patterns.kind_noun_fits`` (also a
    media kind left unresolved, ``kind_noun``) is the organisation named last before it, within four sentences,
    that fits the kind (a word of the entry in its name, or its lexicon type); none fits: no organisation."""
    fits = dict(x.split(":", 1) for x in ctx.p.kind_noun_fits)
    mentions = None
    for h in hits:
        kind = h.extra.get("kind_noun") if h.org is None else h.org.lower() if " " not in h.org else None
        if h.holder is None or kind not in fits:
            continue
        if mentions is None:
            mentions = _org_actor_mentions(ctx, actors, ("organization",))
        words, lo = fits[kind].split(), ctx.sent_of[h.start] - 4
        cands = mentions + [(o.head, o.org) for o in hits if o is not h and o.org and o.org.lower() not in fits]
        best = max(((i, n) for i, n in cands if i < h.start and ctx.sent_of[i] >= lo and _fits_kind(ctx, n, words)),
                   default=None)
        h.org = best[1] if best is not None else None
        h.category = _category(ctx, h.title, h.org)


def _fits_kind(ctx: _Ctx, name: str, words: list[str]) -> bool:
    o = ctx.orgs.by_name(name)
    return (o is not None and o.type in words) or any(w in name.lower() for w in words)


def _kind_types(ctx: _Ctx, org: str) -> set[str]:
    """Organisation types of a kind noun (roles.yaml patterns.generic_org_kind_types: "partei:party")."""
    kind = org.split()[-1].lower()
    return {t for k, t in (x.split(":", 1) for x in ctx.p.generic_org_kind_types) if kind.endswith(k)}


def _own_title_org(ctx: _Ctx, h: Hit, hits: list[Hit], lo: int) -> str | None:
    """Rule ``generic_org_own_title``: "Commerzbank-Finanzvorständin Bettina Orlopp wird neue Vorstandschefin des
    Instituts" -> Commerzbank: a kind noun ("des Instituts", "des Konzerns") is the organisation of another title
    of the same holder named before it (within four sentences), where that is an organisation, not a place, no
    kind noun itself, and a party only for a party kind noun. Rule ``generic_org_unresolved_none``: where nothing names the organisation, the kind noun
    is none ("Geschäftsführer des Unternehmens" -> no organisation; of the context rules only the article's one
    company, and only for a company kind noun, roles.yaml ``patterns.generic_org_company_kinds``).
    Off: roles.yaml ``patterns.generic_org_own_title`` / ``generic_org_unresolved_none``: false."""
    if not ctx.p.generic_org_own_title or h.holder is None:
        return None
    best = None
    for o in hits:
        if o is h or o.holder != h.holder or not o.org or o.start >= h.start or ctx.sent_of[o.start] < lo:
            continue
        x = ctx.orgs.by_name(o.org)
        if (x is not None and x.actor_type == "location") or _generic_org(ctx, o.org):
            continue
        if x is not None and x.type == "party" and "party" not in _kind_types(ctx, h.org):
            continue                          # "Ehefrau des CDU-Generalsekretärs X, ... Chefin des Senders"
        if best is None or o.start > best.start:
            best = o
    return best.org if best is not None else None


def _typed_generic_org(ctx: _Ctx, h: Hit, hits: list[Hit], mentions: list[tuple[int, str]], lo: int) -> str | None:
    """Rule ``generic_org_typed``: "Die Vorsitzende der Linken X hat die Kritik des Fraktionsvorsitzenden der Partei,
    Gregor Gysi, ..." -> Die Linke: a kind noun with a lexicon type (roles.yaml patterns.generic_org_kind_types,
    "partei:party") is the organisation of that type named last before it, as an actor or as the organisation of
    an earlier title, within four sentences."""
    if not h.org or not ctx.p.generic_org_kind_types:
        return None
    kind = h.org.split()[-1].lower()
    types = {t for k, t in (x.split(":", 1) for x in ctx.p.generic_org_kind_types) if kind.endswith(k)}
    if not types:
        return None
    cands = [(i, n) for i, n in mentions] + [(o.head, o.org) for o in hits if o is not h and o.org]
    best = None
    for i, n in cands:
        o = ctx.orgs.by_name(n)
        if i < h.start and ctx.sent_of[i] >= lo and o is not None and o.type in types and (best is None or i > best[0]):
            best = (i, o.name)
    return best[1] if best else None


def _possessive_pronoun_org(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """"Das Unternehmen Biontech mit seinem Gründer Ugur Sahin", "Die Stadt Köln und ihr Kämmerer X": a title
    after a possessive pronoun belongs to the organisation named last before it in the sentence, when no person
    is named between them (then the pronoun may be the person's: "Scholz und sein Sprecher"). A place counts
    where it stands as the subject ("Die Stadt Köln und ihr ...")."""
    doc = ctx.doc
    if h.det != "poss" or doc[h.np_start].lower_ not in ctx.p.possessives:
        return None
    s0, _ = ctx.sent_range(h.head)
    if h.np_start == s0 and s0 > 0 and ctx.p.possessive_pronoun_previous_sentence:
        s0 = _previous_sentence_without_person(ctx, s0)
        if s0 is None:
            return None
    for i, name, kind in reversed(mentions):
        if not s0 <= i < h.np_start or kind == "organization" and quoted_for(ctx, i, h):
            continue                      # rorg18 rule possessive_skips_quote
        e = ctx.ent_of.get(i)
        end = e.end if e is not None and e.start == i else i + 1
        if kind == "organization":
            end = org_mention_end(ctx, i, name)       # rorg18 rule possessive_org_span
        if any(k in ctx.per_start or (k in ctx.ent_of and ctx.ent_of[k].label_ == "PER")
               for k in range(end, h.np_start)):
            return None
        if kind == "organization" or _subject_like(ctx, i if doc[i - 1].lower_ not in ctx.w.type_nouns else i - 1, s0):
            return name
        if not (ctx.p.possessive_skips_place and (_quoted(ctx, i, s0) or _after_org(ctx, i, mentions))
                or org_seat_place(ctx, i, mentions)):
            return None                   # rorg17 rule possessive_skips_place: a place inside a quotation or right
    return None                           # after an organisation's name is no possessor ("Die IG Metall Minden sprach
    #                                       von einem „Tag für Rahden“. Ihr ...")


def _after_org(ctx: _Ctx, i: int, mentions: list[tuple[int, str, str]]) -> bool:
    """The place at token ``i`` follows an organisation mention right away ("[IG Metall] [Minden]": a branch)."""
    return any(kind == "organization" and j < i and _mention_end(ctx, j) == i for j, _, kind in mentions)


def _quoted(ctx: _Ctx, i: int, s0: int) -> bool:
    """Token ``i`` stands inside a quotation opened after ``s0`` („…“, «…»)."""
    depth = 0
    for t in ctx.doc[s0:i]:
        depth += (t.text in ("„", "«")) - (t.text in ("“", "»"))
    return depth > 0


def _previous_sentence_without_person(ctx: _Ctx, s0: int) -> int | None:
    """Rule ``possessive_pronoun_previous_sentence`` (role15): "Auch der Förderverein Heidebad Haldensleben e.V.
    meldete sich zu Wort. Dessen Vorsitzender Hartmut Krüger kündigte an, ..." -> Förderverein Heidebad Haldensleben e.V.: a
    possessive that starts the title's sentence points back into the sentence before; its start, where that
    sentence names no person (else the pronoun may be the person's: "Scholz traf die SPD-Spitze. Sein Sprecher
    ..."), else None. Off: roles.yaml ``patterns.possessive_pronoun_previous_sentence: false``."""
    p0, p1 = ctx.sent_range(s0 - 1)
    if any(k in ctx.per_start or (k in ctx.ent_of and ctx.ent_of[k].label_ == "PER") for k in range(p0, p1)):
        return None
    return p0


def org_from_actors(ctx: _Ctx, hits: list[Hit], actors) -> None:
    """A title without organisation whose complement ("Cheftrainer von Tappara Tampere", "Ex-Chef von
    Wirecard", "Trainer bei X") or hyphen prefix ("Flixbus-Manager") is an organisation actor of the
    article: that organisation (the entity layer knows more than the tagger did when the title was scanned)."""
    starts = None
    _generic_orgs(ctx, hits, actors)
    _kind_noun_orgs(ctx, hits, actors)
    for h in hits:
        if h.holder is not None and h.org is not None:          # rorg17: "Kriens-Trainer" -> SC Kriens-Pilatus;
            h.org = club_of_town(ctx, h, actors) or municipal_genitive_town(ctx, h) or h.org    # "Coburgs OB"
        if h.holder is None or h.org is not None:
            continue
        if starts is None:
            starts = _org_actor_starts(ctx, actors)
        prefix = _org_prefix(ctx, ctx.doc[h.head].text)
        name = _prefix_org(ctx, h, prefix, starts, actors) if prefix else None
        if name is not None:
            _set_org(h, name, "prefix")
        else:
            _set_org(h, _complement_org(ctx, h, starts), "genitive")
        _set_post_name_orgs(ctx, h, starts, actors)
        _set_default_org(ctx, h, actors)
        h.org = club_of_town(ctx, h, actors) or h.org          # rorg17: "Kriens-Trainer" -> SC Kriens-Pilatus
        if h.org is not None:
            h.category = _category(ctx, h.title, h.org)


def _org_prefix(ctx: _Ctx, head: str) -> str:
    """The hyphen prefix of a title ("Flixbus-Manager" -> Flixbus), without former-prefixes ("Ex-Wirecard-Chef":
    the company after "Ex-"); "" where there is none."""
    prefix = head.rsplit("-", 1)[0] if "-" in head else ""
    parts = prefix.split("-")
    while len(parts) > 1 and parts[0].lower() in ctx.p.former_prefixes:
        parts = parts[1:]
    return "-".join(parts)


def _prefix_org(ctx: _Ctx, h: Hit, prefix: str, starts: dict[int, str], actors) -> str | None:
    """The organisation a title's hyphen prefix names: an organisation actor starting at the title ("Flixbus-Manager"),
    a name the gazetteer knows that is no place (NER did not tag it), a spaced name ("Deutsche-Bank-Aufsichtsratschef"),
    a word of an actor's name ("Werder-Trainer" in an article on SV Werder Bremen) or a name ("Expedia-Geschäftsführer")."""
    if h.head in starts and starts[h.head].lower() == prefix.lower():
        return starts[h.head]
    if ctx.gazetteer is not None and ctx.gazetteer.names.get(prefix) not in (None, "city", "country", "region", "state"):
        return prefix
    if "-" in prefix and (name := _spaced_prefix_org(ctx, prefix)) is not None:
        return name
    if (name := _prefix_word_of_actor(ctx, prefix, actors)) is not None:
        return name
    return prefix if _name_prefix(ctx, h, prefix, actors) else None


def _complement_org(ctx: _Ctx, h: Hit, starts: dict[int, str]) -> str | None:
    """The organisation actor of the title's complement: "Cheftrainer von Tappara Tampere", "Trainer beim X"."""
    doc = ctx.doc
    _, s1 = ctx.sent_range(h.head)
    k = h.end
    if k + 1 < s1 and doc[k].lower_ in ("von", "vom", "bei", "beim"):
        k += 1
        if doc[k].lower_ in ("der", "dem", "den") and doc[k - 1].lower_ in ("von", "bei"):
            k += 1
        if k in starts:
            return starts[k]
    return None


def _set_post_name_orgs(ctx: _Ctx, h: Hit, starts: dict[int, str], actors) -> None:
    """A title still without organisation: one after the holder's name, the team of a coach, the organisation of a
    possessive pronoun."""
    if h.org is None:
        _set_org(h, _post_name_actor(ctx, h, starts), "post_name")
    if h.org is None:
        _set_org(h, _team_of_coach(ctx, h, _org_actor_mentions(ctx, actors)), "post_name")
    if h.org is None and h.det == "poss":       # rorg16: an organisation noun named after every organisation name
        _set_org(h, possessive_org_noun(ctx, h, _typed_mentions(ctx, actors)), "post_name")
    if h.org is None and h.det == "poss":
        _set_org(h, _possessive_pronoun_org(ctx, h, _typed_mentions(ctx, actors)), "post_name")
    if h.org is None and h.det == "poss":       # rorg15
        _set_org(h, possessive_previous_sentence(ctx, h, _typed_mentions(ctx, actors)), "post_name")


def _set_default_org(ctx: _Ctx, h: Hit, actors) -> None:
    """The default organisation: for a kind noun of a company kind the only company of the article, for a kind noun of
    another kind none ("des Senders" unresolved: no party or company guessed for it), else the article's context."""
    kind = h.extra.get("kind_noun")
    if kind is not None and kind not in ctx.p.generic_org_company_kinds:
        typed = _typed_mentions(ctx, actors)
        _set_org(h, topic_club_title(ctx, h, typed) or kind_noun_head(ctx, h, typed), "default")  # rorg20: "des Vereins"; rorg20b
        return
    if kind is not None:
        _set_org(h, _only_company(ctx, h, _org_actor_mentions(ctx, actors, ("organization",))), "default")
    elif h.org is None:
        _set_org(h, _article_context_org(ctx, h, actors), "default")


def _article_context_org(ctx: _Ctx, h: Hit, actors) -> str | None:
    """The organisation the article's context gives a title without one (rules ``org_from_context``,
    ``holder_name_company``, ``typed_prefix_org``, ``land_office_state``, ``canton_office``, ``party_from_sentence``, ``party_previous_sentence``, ``only_company``, ``article_company``, ``article_club``, ``article_kind_org``, ``topic_club_title``, ``article_organization``,
    ``municipal_article_town``, ``article_town``,
    ``article_district``, ``previous_sentence_org``, ``title_kind_head``, ``article_company_far``, in this order)."""
    typed = _typed_mentions(ctx, actors)
    return holder_name_company(ctx, h, typed) or org_from_context(ctx, h, typed) or typed_prefix_org(ctx, h, typed) or land_office_state(
        ctx, h, typed) or canton_office(ctx, h, typed) or party_from_sentence(
        ctx, h, typed) or party_previous_sentence(
        ctx, h, typed) or _only_company(
        ctx, h, _org_actor_mentions(ctx, actors, ("organization",))) or article_company(ctx, h, typed) or article_club(
        ctx, h, typed) or article_kind_org(ctx, h, typed) or topic_club_title(ctx, h, typed) or _article_organization(
        ctx, h, typed) or _municipal_article_town(ctx, h, typed) or article_town(ctx, h, typed) or article_district(
        ctx, h, typed) or previous_sentence_org(ctx, h, typed) or title_kind_head(ctx, h, typed) or article_company_far(
        ctx, h, typed)


def _only_company(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str]]) -> str | None:
    """Rule ``only_company``: "Der Chip-Riese Intel streicht Jobs ... Finanzchef X sagte": a company head's title
    (roles.yaml patterns.only_company_titles, stems of the title word) without organisation, in an article that
    names exactly one company before it (organizations.yaml type company, or a gazetteer company; not the press):
    that company."""
    stems = ctx.p.only_company_titles
    word = ctx.doc[h.head].lower_
    if not stems or h.holder is None or not word.startswith(stems):
        return None
    gaz = ctx.gazetteer
    companies = set()
    for i, n in mentions:
        if i >= h.start or _press_org(ctx, n):
            continue
        o = ctx.orgs.by_name(n)
        if (o is not None and o.type == "company") or (o is None and gaz is not None and gaz.names.get(n) == "company"):
            companies.add(o.name if o is not None else n)
        elif o is None or o.type != "media":
            return None                   # another organisation named before: not clear whose
    return next(iter(companies)) if len(companies) == 1 else None


def _prefix_word_of_actor(ctx: _Ctx, prefix: str, actors) -> str | None:
    """Rule ``prefix_word_of_actor``: "Werder-Trainer Thomas Schaaf" in an article that names "SV Werder Bremen",
    "Telekom-Chef" where it names "Deutsche Telekom": the hyphen prefix of a title compound is one word of the name
    of exactly one organisation actor of the article (a capitalised word of three letters or more): that
    organisation."""
    if len(prefix) < 3 or not prefix[:1].isupper() or not prefix.replace("-", "").isalpha():
        return None
    found = {a.name for a in actors if a.actor_type == "organization"
             and prefix in a.name.replace("-", " ").split() and a.name != prefix}
    return found.pop() if len(found) == 1 else None


def _name_prefix(ctx: _Ctx, h: Hit, prefix: str, actors) -> bool:
    """Rule ``name_prefix``: "Auch DaimlerChrysler-Chef Dieter Zetsche wollte keine Einzelheiten preisgeben" ->
    DaimlerChrysler: the hyphen prefix of a company or team head's title (roles.yaml ``patterns.name_prefix_titles``)
    is the organisation's name where it is one capitalised word of three letters or more that the German
    vocabulary does not know (no "Basketball-", "Corona-"), no topic prefix, no first name and no word of a
    person's name in the article ("Putin-", "Trump-")."""
    from pipeline.extract.actors.layer import german_words
    if h.role.lower() not in ctx.p.name_prefix_titles or len(prefix) < 3 or not prefix[:1].isupper() \
            or not prefix.isalpha() or prefix.lower() in ctx.orgs.topic_prefixes or prefix in ctx.given \
            or prefix in ctx.person_words:
        return False
    caps, lows = german_words()
    if prefix in caps or prefix.lower() in lows:
        return False
    return not any(prefix in a.name.replace("-", " ").split() for a in actors if a.actor_type == "person")


def _post_name_actor(ctx: _Ctx, h: Hit, starts: dict[int, str]) -> str | None:
    """Rule ``post_name_actor``: "Geschäftsführer Olaf Kramm von Fanuc Deutschland", "Sprecherin Anna Maier bei
    Flixbus": the holder's name right after the title, then "von/vom/bei/beim" and the mention of an organisation
    actor of the article (the entity layer's verdict where NER tagged no organisation there); for the categories
    whose post-name phrase names the organisation (roles.yaml ``patterns.post_name_org_categories``)."""
    doc = ctx.doc
    if h.name is None or h.binding != "title_name" or h.category not in ctx.p.post_name_org_categories:
        return None
    _, s1 = ctx.sent_range(h.head)
    k = h.name[1]
    if k + 1 >= s1 or doc[k].lower_ not in ("von", "vom", "bei", "beim"):
        return None
    k += 1
    if doc[k].lower_ in ("der", "dem", "den") and doc[k - 1].lower_ in ("von", "bei"):
        k += 1
    return starts.get(k)


def _article_organization(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``article_organization``: "Der Vorstand vom FC Schalke 04 hat ... befördert. Team-Manager Andreas Müller
    sagte ..." -> FC Schalke 04. A title of an organisation's staff (roles.yaml ``patterns.article_org_titles``, stems
    of the title word) with a named holder and no organisation of its own belongs to the organisation the article is
    about: the organisation actor named most often (the press and the organizations.yaml types of
    ``article_org_skip_types`` left out), named at least twice, one of them before the title, and at least twice as
    often as any other organisation or place (else it is not clear whose: a World Cup report names its teams by
    their countries)."""
    stems = ctx.p.article_org_titles
    word = ctx.doc[h.head].lower_.replace("-", "")
    if not stems or h.holder is None or not word.startswith(stems):
        return None
    if h.head + 1 < len(ctx.doc) and ctx.doc[h.head + 1].lower_ in ctx.lex.context_organizations.complement_words:
        return None                       # "der Trainer der Frankfurter": the complement says whose
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for i, n, kind in mentions:
        o = ctx.orgs.by_name(n)
        if _press_org(ctx, n) or (o is not None and o.type in ctx.p.article_org_skip_types and kind != "location"):
            continue
        counts[(n, kind)] += 1
        first.setdefault((n, kind), i)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][0][1] != "organization" or ranked[0][1] < 2 or first[ranked[0][0]] >= h.start:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0][0]


def _places_before(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]):
    """(name, organizations.yaml entry or None, gazetteer type or None) of each place mention before the title."""
    for i, name, kind in mentions:
        if i < h.start and kind == "location":
            yield name, ctx.orgs.by_name(name), ctx.gazetteer.names.get(name) if ctx.gazetteer is not None else None


def _municipal_article_town(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``municipal_article_town`` (rorg14): "Am 11. Dezember 2009 wurde ein Brandanschlag auf die Moschee in Kfar
    Jassuf im Westjordanland verübt. Nach Aussagen von Bürgermeister Rahim Musleh ..." -> Kfar Jassuf. A municipal
    office of a town (roles.yaml ``patterns.municipal_town_titles``, stems of the title word; not a Landrat, whose
    district is no town) with a named holder, no organisation and no complement after it is the office of the one
    town the article names before it: a place actor that no lexicon knows as a country, state or region (countries,
    states and regions around it do not count against it). Off: ``patterns.municipal_town_titles: []``."""
    stems, doc = ctx.p.municipal_town_titles, ctx.doc
    word = doc[h.head].lower_.replace("-", "")
    if not stems or h.holder is None or not word.startswith(stems) or (
            h.head + 1 < len(doc) and doc[h.head + 1].lower_ in ctx.lex.context_organizations.complement_words):
        return None
    towns = set()
    for name, o, g in _places_before(ctx, h, mentions):
        if (o is not None and o.type in ("country", "state", "region") and o.name not in
                ctx.lex.context_organizations.city_states) or g in ("country", "state", "region"):
            continue
        if name.lower().endswith(ctx.p.street_endings):
            continue                      # rorg17 rule street_no_town: "Das alte Bad an der Grottenhofstraße"
        towns.add(o.name if o is not None else name)
    return towns.pop() if len(towns) == 1 else None


def _spaced_prefix_org(ctx: _Ctx, prefix: str) -> str | None:
    """Rule ``spaced_prefix_org``: "Deutsche-Bank-Aufsichtsratschef Paul Achleitner" -> Deutsche Bank: the
    hyphenated prefix of a title compound, read with spaces, is an organisation the lexicon or the gazetteer knows
    (a company, party, agency ...; not a place)."""
    name = prefix.replace("-", " ")
    o = ctx.orgs.by_name_or_genitive(name)
    if o is not None:
        return o.name if o.actor_type != "location" else None
    gaz = ctx.gazetteer
    return name if gaz is not None and gaz.names.get(name) not in (None, "city", "country", "region", "state") else None


def org_from_context(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """"Die Staatsanwaltschaft Köln ermittelt. Oberstaatsanwalt Ulrich Bremer sagte ..." -> Staatsanwaltschaft
    Köln; "Die Polizei Hildesheim sucht Zeugen. Polizeisprecher Jan Paul ..." -> Polizei Hildesheim; "Der
    Autobauer BMW ... Konzernchef Oliver Zipse" -> BMW. A title without organisation whose word starts or ends with
    a stem of
    roles.yaml ``context_organizations`` takes the organisation named before it (its sentence or the
    ``max_sentences_back`` before) by a kind noun of that row followed by a name (or by a name marker: "FC ..."),
    where that window names exactly one such organisation (not "Der Tabellenführer Bayer Leverkusen gewann gegen
    den FC Köln. Trainer Xabi Alonso ...")."""
    co, doc = ctx.lex.context_organizations, ctx.doc
    word = doc[h.head].lower_.replace("-", "")
    word = word[:-2] if word.endswith("in") else word          # "Polizeisprecherin", "Oberstaatsanwältin"
    rows = [r for r in co.kinds if word.startswith(r.titles) or word.endswith(r.titles)]
    if not rows or (h.head + 1 < len(doc) and doc[h.head + 1].lower_ in co.complement_words):
        return None                       # "der Trainer der Frankfurter": the complement says whose
    by_start = {i: (name, kind) for i, name, kind in mentions}
    s = ctx.sent_of[h.head]
    near = ctx.sent_bounds[max(0, s - co.max_sentences_back)][0]
    lo = 0 if any(r.article_wide for r in rows) else near
    found: set[str] = set()
    opponents: set[str] = set()
    for k in range(min(h.np_start, h.start) - 1, lo - 1, -1):
        t = doc[k]
        if not t.text[:1].isupper():
            continue
        for r in rows:
            if k < near and not r.article_wide:
                continue
            kind = _context_kind(t.text, r.kinds, r.compounds)
            name = _context_name(ctx, k + 1, by_start) if kind else None
            if name is None and t.text in r.name_markers and (k - 1 < lo or doc[k - 1].text not in r.name_markers) \
                    and k in by_start and by_start[k][1] == "organization":
                kind, name = None, by_start[k][0]
            if name is None or (kind and _press_org(ctx, name)):
                continue
            if _club_opponent(ctx, k, r):
                opponents.add(name)
            else:
                found.add(f"{kind} {name}" if kind and r.name == "kind_and_name" else name)
    if not found and h.holder is not None:
        return _institution_of_article_place(ctx, h, rows, mentions)
    if opponents and _names_opponent(ctx, h, opponents):
        return None                       # "Weil Meppen stark verteidigte, war Trainer X zufrieden": whose?
    return found.pop() if len(found) == 1 else None      # two candidates ("Bayer Leverkusen ... gegen den FC Köln")


def _names_opponent(ctx: _Ctx, h: Hit, opponents: set[str]) -> bool:
    """The title's sentence names a word of an opponent club's name outside the title ("Weil Meppen ...")."""
    words = {w for n in opponents for w in n.replace("-", " ").split()[1:]}
    s0, s1 = ctx.sent_range(h.head)
    return any(ctx.doc[i].text in words for i in range(s0, s1) if not h.start <= i < h.end)


def _club_opponent(ctx: _Ctx, k: int, row) -> bool:
    """Rule ``club_opponent_gegen`` (rorg17): "... nach der 0:3-Heimniederlage gegen den SC Wendelstein. ... sagte
    Sportdirektor Henrik Paulsen": a club named right after one of roles.yaml ``patterns.club_opponent_words`` (and
    an article) is the opponent of a match, no candidate for a team title of the trainer row after it."""
    doc, words = ctx.doc, ctx.p.club_opponent_words
    if not words or "trainer" not in row.titles or k == 0:
        return False
    j = k - 1 if doc[k - 1].lower_ in ctx.w.determiners and k > 1 else k
    return doc[j - 1].lower_ in words


def _institution_of_article_place(ctx: _Ctx, h: Hit, rows, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``institution_of_place``: "In Köln ist ein Auto in eine Menschenmenge gefahren. Polizeisprecher
    Christoph Gilles sagte ..." -> Polizei Köln: a title of a local institution (a ``context_organizations`` row with
    ``place_kind``) whose article names no such institution by name is the institution of the one town the article
    names before it, where it names no other place before it (a town: a city of organizations.yaml or of the
    gazetteer, or one of ``context_organizations.city_states``; a country, a region or a name tagged as a place
    that no lexicon knows as a town -- "Voreqe" -- rules the rule out)."""
    kinds = {r.place_kind for r in rows if r.place_kind}
    if len(kinds) != 1:
        return None
    places = set()
    for name, o, g in _places_before(ctx, h, mentions):
        town = (o.type == "city" or o.name in ctx.lex.context_organizations.city_states) if o is not None else (
            g == "city")
        if not town:
            places.add(None)              # a country, state, region or a name no lexicon knows as a town
            continue
        places.add(o.name if o is not None else name)
    return f"{kinds.pop()} {places.pop()}" if len(places) == 1 and None not in places else None


def party_from_sentence(ctx: _Ctx, h: Hit, mentions: list[tuple[int, str, str]]) -> str | None:
    """Rule ``party_from_sentence``: "Der Ulmer Parteitag der baden-württembergischen SPD hat den
    Landesvorsitzenden Nils Schmid ... gewählt" -> SPD; "Die Landtagsfraktion der CDU boykottiert auf Anweisung
    ihres Fraktionsvorsitzenden Peter Hauk ..." -> CDU. A party office (roles.yaml
    ``patterns.party_context_titles``: the title word starts with one of these stems) with no organisation of its
    own belongs to the party named before it in its sentence, where that part of the sentence names exactly one
    party (organizations.yaml type ``party``); not where a complement follows the title ("der Fraktionsvorsitzende
    der Linken im Landtag" says whose itself). An empty list switches the rule off."""
    stems = ctx.p.party_context_titles
    doc = ctx.doc
    word = doc[h.head].lower_.replace("-", "")
    if not stems or not word.startswith(stems):
        return None
    if h.head + 1 < len(doc) and doc[h.head + 1].lower_ in ctx.lex.context_organizations.complement_words:
        return None
    s0, _ = ctx.sent_range(h.head)
    first = min(h.np_start, h.start)
    found = set()
    for i, name, kind in mentions:
        if s0 <= i < first and kind == "organization":
            o = ctx.orgs.by_name(name)
            if o is not None and o.type == "party":
                found.add(o.name)
    return found.pop() if len(found) == 1 else None


def _context_kind(text: str, kinds: tuple[str, ...], compounds: bool) -> str | None:
    """The kind noun ``text`` is ("Staatsanwaltschaft", genitive "Polizeipräsidiums"; with ``compounds`` a compound
    ending in a kind: "Energiekonzern" -> itself), or None."""
    low = text.lower()
    for kind in kinds:
        kl = kind.lower()
        if low in (kl, kl + "s", kl + "es"):
            return kind
        if compounds and len(low) > len(kl) + 3 and low.endswith(kl) and text.isalpha():
            return text
    return None


def _context_name(ctx: _Ctx, k: int, by_start: dict[int, tuple[str, str]]) -> str | None:
    """The name right after a kind noun at token ``k``: the rest of an entity the kind noun starts, an
    organisation or place actor's mention, else an
    organisation or place entity starting there; a proper noun where the model tags parts of speech (not "die
    Polizei Wasserwerfer auffuhr" with "Wasserwerfer" tagged LOC)."""
    t = ctx.doc[k] if k < len(ctx.doc) else None
    e = ctx.ent_of.get(k - 1)                 # "[Staatsanwaltschaft Berlin]ORG": the kind noun inside the entity
    if t is not None and e is not None and e.start == k - 1 and e.end > k and e.label_ in ("ORG", "LOC") \
            and t.text[:1].isupper() and k not in ctx.per_start:
        return ctx.doc[k:e.end].text
    if t is None or ctx.sent_of[k] != ctx.sent_of[k - 1] or not t.text[:1].isupper() or (
            ctx.has_pos and t.pos_ not in ("PROPN", "NUM", "X") and not (
                ctx.gazetteer is not None and t.text in ctx.gazetteer.names)):
        return None
    if k in by_start:
        return by_start[k][0]
    e = ctx.ent_of.get(k)
    if e is not None and e.start == k and e.label_ in ("ORG", "LOC") and k not in ctx.per_start:
        return e.text
    return None


def _press_org(ctx: _Ctx, name: str) -> bool:
    """"Der Süddeutschen Zeitung sagte ein Sprecher", "Wie das Handelsblatt berichtet": a newspaper, broadcaster or
    agency (organizations.yaml type in roles.yaml ``context_organizations.press_types``, or a name ending in
    ``press_name_words``) is the addressee or source of a statement, not the employer of a title found by context."""
    co = ctx.lex.context_organizations
    o = ctx.orgs.by_name(name)
    if o is not None and o.type in co.press_types:
        return True
    return name.split()[-1].lower().endswith(co.press_name_words) if name.split() else False
