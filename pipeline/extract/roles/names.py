"""Person names next to a title: where a holder's name starts or ends."""
from __future__ import annotations

from .context import _ACRONYM, _Ctx, _INITIAL, _PARTICLE_NAME
from .titles import _analyze
from .tokens import _after_determiner, _capitalized


def _name_at(ctx: _Ctx, j: int, limit: int) -> int | None:
    """End token of a person name starting at ``j`` (PER entity, or a name-like token run)."""
    doc = ctx.doc
    if j >= limit:
        return None
    loc = ctx.orgs.by_name_or_genitive(doc[j].text)
    if loc is not None and loc.actor_type == "location":
        return None                       # "der Ministerpräsident Kanadas"
    if doc[j].text in ctx.given and j not in ctx.per_start:
        k = _name_from_given(ctx, j, limit)
        if k is not None:
            return k
    if j in ctx.per_start:
        return _name_from_per(ctx, j, limit)
    ent = ctx.ent_of.get(j)
    if ent is not None and ent.label_ != "PER":
        return _name_in_entity(ctx, j, limit, ent)
    if not _may_start_name(ctx, j, limit):
        return None
    return _name_run(ctx, j, limit)


def _title_after_determiner(ctx: _Ctx, j: int) -> bool:
    """The title before ``j`` has a determiner of its own: "dem Bundestagspräsidenten [Auskunft]PER" (then a noun
    tagged PER once is no name). Rule ``determiner_of_title``: the determiner must start the title's own phrase
    (only titles and adjectives between), not an earlier one: "während des Aufstandes gegen Kaiser [Trajan]NOUN",
    "Der von Professor [Baum]NOUN und seinen Mitarbeitern entwickelte Test" name their holders. Off: roles.yaml
    ``patterns.determiner_of_title: false`` (any determiner up to six words back, as before)."""
    if not ctx.p.determiner_of_title:
        return _after_determiner(ctx, j)
    doc = ctx.doc
    s0, _ = ctx.sent_range(j)
    k = j - 1
    while k >= s0 and (_analyze(ctx, doc[k]) is not None
                       or doc[k].pos_ == "ADJ" and doc[k].is_alpha and doc[k].text[:1].islower()):
        k -= 1
    return k >= s0 and k < j - 1 and (doc[k].lower_ in ctx.w.determiners or doc[k].pos_ == "DET"
                                      or doc[k].lower_ in ctx.p.contracted_definite)


def _name_from_given(ctx: _Ctx, j: int, limit: int) -> int | None:
    """"Hannelore Kraft", "[Sean O’Keefe]MISC": a known first name starts a name."""
    doc = ctx.doc
    k = j + 1
    while k < limit and k - j < 4 and (
            (_capitalized(doc[k]) and doc[k].is_alpha and _analyze(ctx, doc[k]) is None
             and ctx.orgs.by_name_or_genitive(doc[k].text) is None)
            or (doc[k].text in ("’", "'") and k + 1 < limit and _capitalized(doc[k + 1]))
            or _PARTICLE_NAME.match(doc[k].text) or _INITIAL.match(doc[k].text)):
        k += 1
    if k > j + 1 and not (ctx.ent_of.get(j) is not None and ctx.ent_of[j].label_ in ("ORG", "LOC")
                          and ctx.orgs.by_name(ctx.ent_of[j].text) is not None):
        return k
    return None


def _name_from_per(ctx: _Ctx, j: int, limit: int) -> int | None:
    """A PER entity starting at ``j``, extended over name words the tagger left out."""
    doc = ctx.doc
    e = min(ctx.per_start[j], limit)
    single = e - j == 1
    w = doc[j].text
    if single and w.endswith("s") and w[:-1] in ctx.person_words:
        return None                   # "Stellvertreter Johnsons": the possessor, not the holder
    if single and doc[j].pos_ == "NOUN" and ctx.texts[doc[j].text] == 1 and _title_after_determiner(ctx, j):
        return None                   # "dem Bundestagspräsidenten [Auskunft]PER": a noun, seen once
        # (but "Human Rights Watch-Sprecher [Malinowski]NOUN": a bare title needs the name)
    while e < limit and e - j < 5 and e not in ctx.ent_of and (_PARTICLE_NAME.match(doc[e].text) or (
            _capitalized(doc[e]) and doc[e].is_alpha
            and (doc[e].pos_ == "PROPN" or single and doc[e].pos_ in ("NOUN", "X"))
            and _analyze(ctx, doc[e]) is None)):
        e += 1                        # "Ghasi" tagged, "Aridi" not; "Husain" + "asch-Schahristani"
    return e


def _name_in_entity(ctx: _Ctx, j: int, limit: int, ent) -> int | None:
    """A name inside a non-PER entity: "Human Rights Watch-Sprecher Malinowski" tagged ORG as a whole,
    or a known person's name NER tagged otherwise here."""
    doc, t = ctx.doc, ctx.doc[j]
    same = j > 0 and ctx.ent_of.get(j - 1) is ent
    known = doc[ent.end - 1].text in ctx.person_words and ctx.orgs.by_name_or_genitive(ent.text) is None
    if not same and not known and _name_entity_after_title(ctx, j, limit, ent):
        return ent.end
    if not (same or known) or not _capitalized(t):
        return None
    k = j
    while k < min(ent.end, limit) and (_capitalized(doc[k]) and not ctx.lex.lookup(doc[k].text)
                                       or k > j and _PARTICLE_NAME.match(doc[k].text)):
        k += 1                        # ("[Machthaber Muammar al-Gaddafi]MISC": the particle name ends it)
    return k if k > j else None


def _name_entity_after_title(ctx: _Ctx, j: int, limit: int, ent) -> bool:
    """Rule ``name_entity_after_title``: "des togolesischen Staatspräsidenten [Gnassingbé Eyadéma]ORG", "Der
    thailändische König [Bhumibol Adulyadej]LOC": a foreign name NER took for an organisation or place, right
    after a title: an entity of two or three capitalised words that starts at ``j`` right after the title word,
    ends inside the clause, and none of whose words the lexicons know (no organisation, place, gazetteer name,
    title, demonym) is the holder's name."""
    doc = ctx.doc
    if ent.start != j or not 2 <= len(ent) <= 3 or ent.end > limit or j == 0 or _analyze(ctx, doc[j - 1]) is None:
        return False
    return _unknown_name_words(ctx, ent)


def _name_entity_after_comma(ctx: _Ctx, j: int, limit: int) -> int | None:
    """Rule ``name_entity_after_comma`` (role20): "Die Landesvorsitzende der Bildungsgewerkschaft Thüringen, [Doreen
    Sauerbrey]LOC, sagte", "sagte die Leiterin des WHO-Notfallprogramms für Afrika, [Adaeze Okafor]LOC.": the
    name_entity_after_title test for an entity after the comma of title_comma_name, which must end the apposition
    (a comma, a verb or the sentence end after it). Off: roles.yaml ``patterns.name_entity_after_comma: false``."""
    doc = ctx.doc
    ent = ctx.ent_of.get(j)
    if not ctx.p.name_entity_after_comma or ent is None or ent.label_ == "PER" or ent.start != j \
            or not 2 <= len(ent) <= 3 or ent.end >= limit or j == 0 or doc[j - 1].text != ",":
        return None
    nxt = doc[ent.end]
    if not (nxt.text in (",", ".") or nxt.pos_ in ("VERB", "AUX") and nxt.text[:1].islower()):
        return None
    return ent.end if _unknown_name_words(ctx, ent) else None


def _unknown_name_words(ctx: _Ctx, ent) -> bool:
    """No word of ``ent`` (nor the whole) is known to the lexicons as an organisation, place, gazetteer name,
    title or demonym, and every word is a capitalised proper or common noun."""
    if ctx.orgs.by_name_or_genitive(ent.text) is not None or (
            ctx.gazetteer is not None and ent.text in ctx.gazetteer.names):
        return False
    for t in ent:
        if not (_capitalized(t) and t.is_alpha and t.pos_ in ("PROPN", "NOUN", "X")) or _analyze(ctx, t) is not None \
                or ctx.orgs.by_name_or_genitive(t.text) is not None or t.lower_ in ctx.orgs.demonyms \
                or t.lower_ in ctx.orgs.adjectives or (ctx.gazetteer is not None and t.text in ctx.gazetteer.names):
            return False
    return True


def _may_start_name(ctx: _Ctx, j: int, limit: int) -> bool:
    """Token ``j`` (no entity) may start a name: capitalised, no title/organisation/demonym, a proper
    noun (or a first name the tagger took for a noun right after a title)."""
    doc, t = ctx.doc, ctx.doc[j]
    if not (_capitalized(t) and (t.is_alpha or _INITIAL.match(t.text))):
        return False
    if _analyze(ctx, t) is not None or ctx.orgs.by_name_or_genitive(t.text) or _ACRONYM.match(t.text) and len(t.text) <= 4:
        return False
    if t.lower_ in ctx.orgs.demonyms or t.lower_ in ctx.orgs.adjectives:
        return False
    if ctx.has_pos and t.pos_ and t.pos_ not in ("PROPN", "X") and not _INITIAL.match(t.text) \
            and not _noun_before_name(ctx, j, limit):
        return False                      # (but "Außenminister [Péter]NOUN Szijjártó": a first name mis-tagged)
    return True


def _noun_before_name(ctx: _Ctx, j: int, limit: int) -> bool:
    """A first name the tagger took for a noun, right after a title: "Informationsminister [Ghasi]NOUN
    [Aridi]PER", "Außenminister [Péter]NOUN Szijjártó"."""
    doc, t = ctx.doc, ctx.doc[j]
    if not (t.pos_ == "NOUN" and t.is_alpha and j + 1 < limit and j > 0 and _analyze(ctx, doc[j - 1]) is not None):
        return False
    if j + 1 in ctx.per_start and ctx.ent_of.get(j) is None:
        return True
    n = doc[j + 1]
    return n.pos_ == "PROPN" and _capitalized(n) and n.is_alpha and j + 1 not in ctx.ent_of \
        and _analyze(ctx, n) is None and ctx.orgs.by_name_or_genitive(n.text) is None


def _name_word(ctx: _Ctx, j: int, k: int, limit: int) -> bool:
    """Token ``k`` continues the name that starts at ``j``: an initial or a capitalised word that is no title."""
    doc, tk = ctx.doc, ctx.doc[k]
    if _INITIAL.match(tk.text):
        return True
    return (_capitalized(tk) and tk.is_alpha and _analyze(ctx, tk) is None
            and (not ctx.has_pos or tk.pos_ in ("PROPN", "X", "") or k == j
                 or (tk.pos_ == "NOUN" and k > j and (k + 1 >= limit or doc[k + 1].text in ctx.w.punct_stop)
                     and ctx.orgs.by_name_or_genitive(tk.text) is None))
            and (ctx.ent_of.get(k) is None
                 or (k > j and len(ctx.ent_of[k]) == 1 and tk.text in ctx.person_words
                     and ctx.orgs.by_name_or_genitive(tk.text) is None)))
    # "Abdel Kader [Dschassim]NOUN,"; "Thaksin [Shinawatra]ORG" where NER tags the surname PER elsewhere


def _name_run(ctx: _Ctx, j: int, limit: int) -> int | None:
    """End of a run of name words from ``j`` (up to 4, particles such as "von", "al" inside)."""
    doc = ctx.doc
    k = j
    while k < limit and k - j < 4:
        tk = doc[k]
        if k > j and k in ctx.per_start:
            return min(ctx.per_start[k], limit)
        if _name_word(ctx, j, k, limit):
            k += 1
            continue
        if tk.lower_ in ("von", "van", "de", "der", "al", "bin", "zu", "da", "di", "le", "ter") and k > j \
                and k + 1 < limit and _capitalized(doc[k + 1]) and doc[k + 1].is_alpha and ctx.has_pos \
                and doc[k + 1].pos_ == "PROPN":
            k += 1
            continue
        break
    if k == j or _INITIAL.match(doc[k - 1].text):
        return None
    if not ctx.has_pos and k - j > 1:
        # without POS tags a run of capitalised words may be "Name Noun": keep only the first word
        # unless the second is a plausible surname (not a lexicon word, not followed by lower case)
        k = min(k, j + 2)
    return k


def _propn_run_ending_at(ctx: _Ctx, end: int, s0: int) -> tuple[int, int] | None:
    """Two to four proper nouns right before ``end`` that NER left untagged: a person's name."""
    doc = ctx.doc
    if not ctx.has_pos:
        return None
    k = end
    while k - 1 >= s0 and end - k < 4 and doc[k - 1].pos_ == "PROPN" and _capitalized(doc[k - 1]) \
            and doc[k - 1].is_alpha and k - 1 not in ctx.ent_of and _analyze(ctx, doc[k - 1]) is None \
            and ctx.orgs.by_name_or_genitive(doc[k - 1].text) is None:
        k -= 1
    if end - k == 1 and k - 1 == s0 and doc[s0].pos_ == "NOUN" and _capitalized(doc[s0]) and doc[s0].is_alpha \
            and s0 not in ctx.ent_of and _analyze(ctx, doc[s0]) is None \
            and ctx.orgs.by_name_or_genitive(doc[s0].text) is None:
        k -= 1                            # "[Kemal]NOUN Bedri, Vorsitzender der ...": a first name mis-tagged at sentence start
    if end - k < 2 or (k - 1 >= s0 and doc[k - 1].pos_ == "PROPN"):
        if end - k == 1 and doc[k].text in ctx.person_words:
            return (k, end)               # a single known surname
        return None
    return (k, end)


def _subject_start(ctx: _Ctx, s: int, s0: int) -> bool:
    """Token ``s`` starts the clause, possibly after first names of a known person ("[Meles]ADJ Zenawi")."""
    doc = ctx.doc
    while s > s0 and s - 1 not in ctx.ent_of and doc[s - 1].text in ctx.person_words:
        s -= 1
    return s == s0 or doc[s - 1].is_space or doc[s - 1].text in ctx.w.punct_stop


def _name_ending_at(ctx: _Ctx, end: int) -> tuple[int, int] | None:
    """Token span of a person name that ends right before token ``end``."""
    for s, e in ctx.per_start.items():
        if e == end:
            return (s, e)
    for s, e in ctx.per_start.items():      # "[Kim]PER Il Sung ist ...": name words NER left out
        if e < end <= e + 2 and ctx.sent_of[s] == ctx.sent_of[end - 1] and _name_from_per(ctx, s, end) == end:
            return (s, end)
    return _surname_after_given(ctx, end)


def _surname_after_given(ctx: _Ctx, end: int) -> tuple[int, int] | None:
    """"[Clemens]PER Fuest, Präsident des Ifo-Instituts": NER stopped at the first name; a capitalised word
    right after a known first name (tagged or not) ends the name."""
    doc = ctx.doc
    k = end - 1
    if k < 1 or k in ctx.ent_of or not (_capitalized(doc[k]) and doc[k].is_alpha) or _analyze(ctx, doc[k]) \
            or ctx.orgs.by_name_or_genitive(doc[k].text) is not None or ctx.sent_of[k - 1] != ctx.sent_of[k]:
        return None
    g = doc[k - 1]
    ev = ctx.actor_rules.evidence_given if ctx.actor_rules is not None else frozenset()
    if not (g.text in ctx.given or g.text in ev) or (g.i in ctx.ent_of and ctx.ent_of[g.i].label_ != "PER"):
        return None
    e = ctx.ent_of.get(g.i)
    return (e.start if e is not None and e.end == k else k - 1, end)
