"""Role rows from resolved hits (the public :func:`roles` and :func:`name_spans`)."""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.extract.view import doc_ents, doc_span
from pipeline.records import Actor, Mention, Role
from pipeline.ruleset import RuleSet
from .lexicon import LOCATION_TYPES, Title
from .context import _Ctx
from .departure import departure_status
from .hits import Hit, _RANK
from .organizations import _category, org_from_actors
from .org_naming import name_orgs
from .resolve import _match_hits
from .scan import Scan


def name_spans(doc: Doc, rules: RuleSet, scan: Scan | None = None) -> list[tuple[int, int]]:
    """Token spans of holder names next to role titles that NER did not tag as PER."""
    if scan is None or scan.doc is not doc or scan.rules is not rules:
        scan = Scan(doc, rules)
    hits = scan.hits
    out = []
    per = {(e.start, e.end) for e in doc_ents(doc) if e.label_ == "PER"}
    for h in hits:
        if h.name and h.name not in per:
            out.append(h.name)
    return out


def roles(doc: Doc, rules: RuleSet, actors: list[Actor], scan: Scan | None = None) -> list[Role]:
    """Role rows of the article. Adds ROLE mentions to the actors they refer to (in place).

    ``scan``: the :class:`Scan` that :func:`name_spans` used (resolution modifies its hits,
    so it serves one call of ``roles``)."""
    if scan is not None and scan.doc is doc and scan.rules is rules and not scan.used:
        scan.used = True
        ctx, hits = scan.ctx, scan.hits
    else:
        ctx, hits = _Ctx(doc, rules), None
    hits, res = _match_hits(ctx, actors, hits)
    org_from_actors(ctx, hits, actors)
    departure_status(ctx, hits)
    sent_of = ctx.sent_of
    rows: list[tuple[Hit, Role]] = []
    for h in hits:
        if h.holder is None:
            continue
        span = doc[h.start:h.end]
        if h.binding == "reference":
            actor = res.by_key[h.holder]
            m = Mention(span.start_char, span.end_char, span.text, "ROLE", sent_of[h.start])
            if m not in actor.mentions:
                actor.mentions.append(m)
                actor.mentions.sort(key=lambda x: (x.start, x.end))
        if _not_a_person(ctx, res.by_key.get(h.holder)):
            continue
        role, category, org = _reference_title(h)
        rows.append((h, Role(actor_key=h.holder, role_text=span.text, role=role, role_category=category,
                             organization=org, status=h.status, start=span.start_char, end=span.end_char,
                             sentence=sent_of[h.start], rule_id=h.binding or "title")))
    _home_party_office(ctx, rows, actors)
    return name_orgs(ctx, _without_bare_professions(ctx, rows, _normalize_rows(ctx, rows)), actors)


def _reference_title(h: Hit) -> tuple[str, str, str | None]:
    """(role, category, organisation) of a row. Rule ``reference_compound_head_title``: "Der zurückgetretene
    Verteidigungsminister zu Guttenberg ... wird der Ex-Minister aufgefordert": a role noun that refers back to the
    holder of a compound ending in it names that office (Verteidigungsminister, its organisation where the noun has
    none), not a generic title that the specific one would subsume (and drop). roles.yaml
    patterns.reference_compound_head_title (false: the role noun's own title)."""
    ante = h.extra.get("antecedent_title") if h.binding == "reference" else None
    if ante is None:
        return h.role, h.category, h.org
    if h.extra.get("default_org_yields"):
        return ante[0], ante[2], ante[1] or h.org        # rule reference_default_org
    return ante[0], ante[2], h.org or ante[1]


def _home_party_office(ctx: _Ctx, rows: list[tuple[Hit, Role]], actors: list[Actor]) -> None:
    """Rule ``home_party_office``: "Verteidigungsminister Boris Pistorius hat bei einem Treffen in Litauen ...",
    "sagte der SPD-Politiker": a national office (roles.yaml ``national_offices``) that the article's other
    countries left without a country, or gave the article's one country, is the home country's where its holder is
    tied to a party of the home country (``national_offices.home_parties``: a row of that party, "Heil (SPD)",
    "SPD-Arbeitsminister") and the article names no state of the home country and speaks of no state government
    (a party member may be a state minister: "Innenminister Reul (CDU)" in an article about Nordrhein-Westfalen),
    nor a rival of the home country (``implied_organization_rivals``: Austria's Grüne, "Gewessler (Grüne)")."""
    nat = ctx.lex.national_offices
    if not nat.home_parties or not nat.organization:
        return
    cand = [k for k, (h, r) in enumerate(rows) if h.extra.get("national_blocked") and nat.applies(h.title)
            and h.org_rank <= _RANK["default"]]
    if not cand or ctx.german_state_named() or any(ctx.country_counts()[x]
                                                    for x in ctx.lex.implied_organization_rivals.get(nat.organization, ())):
        return                            # (Austria and Switzerland have Grüne and Social Democrats too)
    tied = _home_party_holders(ctx, rows, actors)
    for k in cand:
        h, r = rows[k]
        if r.actor_key in tied or _home_party_prefix(ctx, h):
            h.org = nat.organization
            rows[k] = (h, Role(r.actor_key, r.role_text, r.role, r.role_category, nat.organization, r.status, r.start,
                               r.end, r.sentence, r.rule_id))


def _home_party(ctx: _Ctx, text: str) -> bool:
    o = ctx.orgs.by_name_or_genitive(text)
    return o is not None and o.name in ctx.lex.national_offices.home_parties


def _home_party_prefix(ctx: _Ctx, h: Hit) -> bool:
    """"SPD-Arbeitsminister": the title's own hyphen prefix is a home party."""
    word = ctx.doc[h.head].text
    return "-" in word and _home_party(ctx, word.split("-", 1)[0])


def _home_party_holders(ctx: _Ctx, rows: list[tuple[Hit, Role]], actors: list[Actor]) -> set[str]:
    """Actor keys of persons tied to a home party: a role row with that party ("der SPD-Politiker"), or a name
    mention followed by the party in parentheses ("Hubertus Heil (SPD)")."""
    parties = ctx.lex.national_offices.home_parties
    out = {r.actor_key for _, r in rows if r.organization in parties}
    doc = ctx.doc
    for a in actors:
        if a.actor_type != "person" or a.key in out:
            continue
        for m in a.mentions:
            sp = doc_span(doc, m.start, m.end)
            if sp is not None and sp.end + 2 < len(doc) and doc[sp.end].text == "(" \
                    and doc[sp.end + 2].text == ")" and _home_party(ctx, doc[sp.end + 1].text):
                out.add(a.key)
                break
    return out


def _not_a_person(ctx: _Ctx, actor: Actor | None) -> bool:
    """The holder is an organisation the lexicon knows or the entity layer typed as one ("Der Vorstand von
    Siemens Energy beschloss"): no role row. (A place is kept: NER tags some persons LOC.)"""
    return actor is not None and actor.actor_type == "organization"


def _tied(ctx: _Ctx, h: Hit) -> bool:
    """The text ties the profession of ``h`` to a party or an organisation: a possessive ("ihr Anwalt"), a
    complement ("Anwalt der Familie", "Lehrer an einer Grundschule") or employment ("als Übersetzer tätig")."""
    doc = ctx.doc
    if h.det in ("poss", "posspers") or h.binding == "als" and _employment(ctx, h):
        return True
    end = h.name[0] if h.binding == "title_name" and h.name else min(h.end + 1, len(doc))
    return any(doc[k].lower_ in ctx.p.profession_ties and not _bare_noun_after(doc, k) for k in range(h.head + 1, end))


def _employment(ctx: _Ctx, h: Hit) -> bool:
    """Rule ``als_profession_employment``: "ist als Anwalt tätig", "wurde bei den Askania-Werken als Ingenieur
    weiterbeschäftigt": an "als" profession is tied where its clause speaks of employment (a word of roles.yaml
    patterns.profession_employment_words begins a word of the clause); "lebte als freischaffender Komponist in
    Neu-Ulm", "in denen er selbst als Schauspieler mitwirkte" describe the person. [] = off (every "als" ties)."""
    stems = ctx.p.profession_employment_words
    if not stems:
        return True
    doc, (s0, s1) = ctx.doc, ctx.sent_range(h.head)
    cue = h.extra.get("cue", h.np_start)
    a = next((k + 1 for k in range(cue - 1, s0 - 1, -1) if doc[k].text in ctx.w.punct_stop), s0)
    b = next((k for k in range(h.end, s1) if doc[k].text in ctx.w.punct_stop), s1)
    return any(doc[k].lower_.startswith(stems) for k in range(a, b) if not h.start <= k < h.end)


def _place_origin(ctx: _Ctx, h: Hit, org: str | None) -> bool:
    """Rule ``profession_place_origin``: "des US-Schauspielers Tommy Lee Jones", "US-Rohstoffanalyst David Morgan":
    a country, state or city that a profession's own phrase names before the title (hyphen prefix, adjective) says
    where the person comes from, not whom the profession serves: no tie. Off: patterns.profession_place_origin."""
    if not ctx.p.profession_place_origin or org is None:
        return False
    o, doc = ctx.orgs, ctx.doc
    words = [doc[k].lower_ for k in range(h.start, h.head)] + doc[h.head].lower_.split("-")[:-1]
    for w in words:
        x = o.prefixes.get(w) or o.adjectives.get(w) or o.names.get(w) or o.demonyms.get(w)
        if x is not None and x.name == org and x.type in LOCATION_TYPES:
            return True
    return False


def _bare_noun_after(doc, k: int) -> bool:
    """"der Bass-Bariton-Sänger von Opern", "Autor von Kinderbüchern": "von"/"für" and a bare common noun (no article,
    no name) say what the profession deals with, not whom it serves: no tie."""
    if doc[k].lower_ not in ("von", "für") or k + 1 >= len(doc):
        return False
    t = doc[k + 1]
    return t.pos_ == "NOUN" and not t.ent_type_


def _without_bare_professions(ctx: _Ctx, hits: list[tuple[Hit, Role]], rows: list[Role]) -> list[Role]:
    """Drop the rows of bare professions (roles.yaml ``professions``): "der Künstler Gerhard Richter",
    "Steve Witkoff ist ein Immobilienentwickler" describe a person; a row stays where the text ties the
    profession to an organisation (its ``organization``) or a party (:func:`_tied`)."""
    profs = ctx.lex.professions
    if not profs:
        return rows
    prof_roles = {r.role for h, r in hits if _profession(ctx, h)}
    tied = {(r.actor_key, r.role) for h, r in hits if _profession(ctx, h) and _tied(ctx, h)}
    origin = {(r.actor_key, r.role, r.organization) for h, r in hits if _profession(ctx, h)
              and _place_origin(ctx, h, r.organization)}
    return [r for r in rows if r.organization and (r.actor_key, r.role, r.organization) not in origin
            or r.role not in prof_roles or (r.actor_key, r.role) in tied]


def _profession(ctx: _Ctx, h: Hit) -> bool:
    """The title of ``h`` is a profession (roles.yaml ``professions``), or rule ``expert_compound_profession``: a
    compound of a ``patterns.compound_professions`` title with a field prefix ("Der Technologieexperte Adrian
    Kingsley-Hughes schrieb"; not the bare "mit dem Experten Lothar Matthäus" of a broadcast)."""
    t = h.title.title
    return t in ctx.lex.professions or t in ctx.p.compound_professions and h.role.casefold() != t.casefold()


def _normalize_rows(ctx: _Ctx, rows: list[tuple[Hit, Role]]) -> list[Role]:
    """Same office, same actor: fill a missing organisation; drop generic titles subsumed by specific ones."""
    by_actor: dict[str, list[Role]] = {}
    for _, r in rows:
        by_actor.setdefault(r.actor_key, []).append(r)
    stated = _stated_orgs(rows)
    out: list[Role] = []
    for h, r in rows:
        mine = by_actor[r.actor_key]
        org = _same_person_title(h, r, stated)
        if org is not None:
            r = Role(r.actor_key, r.role_text, r.role, _category(ctx, ctx.lex.titles[r.role], org)
                     if r.role in ctx.lex.titles else r.role_category, org, r.status, r.start, r.end, r.sentence,
                     r.rule_id)
        if r.organization is None:
            orgs = {x.organization for x in mine if x.role == r.role and x.organization}
            if len(orgs) == 1:
                org = orgs.pop()
                r = Role(r.actor_key, r.role_text, r.role, _category(ctx, ctx.lex.titles.get(r.role, _dummy(r)), org)
                         if r.role in ctx.lex.titles else r.role_category, org, r.status, r.start, r.end,
                         r.sentence, r.rule_id)
        subsumed = any(x.role != r.role and x.role.lower().endswith(r.role.lower())
                       and not x.role.lower().startswith(("vize", "stellvertret", "ex"))
                       and (r.organization is None or x.organization == r.organization)
                       for x in mine)
        if subsumed or _described_office(ctx, r, mine) or r.role in ctx.lex.characterizing_titles:
            continue
        out.append(r)
    return out


def _stated_orgs(rows: list[tuple[Hit, Role]]) -> dict[tuple[str, str], set[str]]:
    """(actor, role) -> the organisations the text states for that person's title in its own phrase (a prefix,
    an adjective, a genitive ...: more than a default or a guess from the article's context)."""
    out: dict[tuple[str, str], set[str]] = {}
    for h, r in rows:
        if r.organization and h.org_rank > _RANK["default"]:
            out.setdefault((r.actor_key, r.role), set()).add(r.organization)
    return out


def _same_person_title(h: Hit, r: Role, stated: dict[tuple[str, str], set[str]]) -> str | None:
    """Rule ``same_person_title``: "Der britische Premierminister Boris Johnson reiste nach Berlin. Premierminister
    Johnson sagte ..." in an article about Germany: the later mention's default (national_offices: Deutschland) or
    context guess yields to the one organisation the article states for the same person's same title."""
    orgs = stated.get((r.actor_key, r.role))
    if r.organization is None or h.org_rank > _RANK["default"] or not orgs or len(orgs) != 1:
        return None
    org = next(iter(orgs))
    return org if org != r.organization else None


def _described_office(ctx: _Ctx, r: Role, mine: list[Role]) -> bool:
    """A reference by a descriptive title (roles.yaml ``descriptive_titles``) to an office the actor holds
    under an equivalent title: "Bundespräsident Steinmeier … sagte das Staatsoberhaupt" adds no role."""
    groups = ctx.lex.groups
    if r.rule_id != "reference" or r.role not in ctx.lex.descriptive_titles or r.role not in groups:
        return False
    return any(x.role != r.role and groups.get(x.role) == groups[r.role] for x in mine)


def _dummy(r: Role) -> Title:
    return Title(r.role, r.role_category, None, False, (), r.role)
