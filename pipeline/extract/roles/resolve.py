"""Resolution: the actor each bound hit refers to."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import partial

from spacy.attrs import IDX, LENGTH

from pipeline.records import Actor
from ..view import doc_columns
from .bindings import _bind_patterns
from .context import _Ctx
from .hits import Hit, _RANK
from .names import _subject_start
from .scan import _scan
from .titles import _analyze
from .tokens import _deputy_title


def _token_at(offsets: list[int], char: int) -> int | None:
    """The index of ``char`` in the increasing list ``offsets`` (token starts or ends), None if absent."""
    i = bisect_left(offsets, char)
    return i if i < len(offsets) and offsets[i] == char else None


_UNDECIDED = object()         # resolve_reference's steps: no answer yet, go on looking


def _unique(c: set[str]) -> str | None:
    """The one element of ``c``, None when it has none or several."""
    return next(iter(c)) if len(c) == 1 else None


class _Resolver:
    def __init__(self, ctx: _Ctx, actors: list[Actor]):
        self.ctx = ctx
        self.actors = actors
        self.by_key = {a.key: a for a in actors}
        self.person_at: list[tuple[int, int, str, bool]] = []    # (tok start, tok end, key, genitive)
        starts, lengths = ctx.doc.to_array([IDX, LENGTH]).T.tolist() if len(ctx.doc) else ([], [])
        ends = [s + n for s, n in zip(starts, lengths)]     # both strictly increasing: looked up by bisection
        self.span_key: dict[tuple[int, int], str] = {}
        for a in actors:
            for m in a.mentions:
                s, e = _token_at(starts, m.start), _token_at(ends, m.end)     # t.idx -> t.i, end char -> t.i + 1
                e = None if e is None else e + 1
                if s is None or e is None:
                    continue
                self.span_key[(s, e)] = a.key
                if a.actor_type == "person" and m.label == "PER":
                    gen = m.text.endswith("s") and not a.name.endswith(m.text) and not a.name.endswith("s")
                    self.person_at.append((s, e, a.key, gen))
        self.person_at.sort()
        self.known: dict[str, list[Hit]] = {}     # actor key -> bound hits
        self._refs: list[Hit] = []                # role nouns resolved as references, in text order
        self.hits: list[Hit] = []                 # all title hits of the Doc, in text order
        self._cap_words: Counter | None = None      # capitalised words of the Doc -> count (_capitalised_words)

    def key_for_span(self, span: tuple[int, int]) -> str | None:
        if span in self.span_key:
            return self.span_key[span]
        s, e = span
        for (a, b), k in self.span_key.items():
            if a <= s and e <= b or s <= a and b <= e:
                if self.by_key[k].actor_type == "person":
                    return k
        return None

    def bind(self, h: Hit, key: str | None) -> None:
        h.holder = key
        if key:
            self.known.setdefault(key, []).append(h)
            if h.binding == "reference":
                self.person_at.append((h.start, h.end, key, False))
                self.person_at.sort()

    def gender(self, key: str) -> str | None:
        """m or f when the person's role nouns say so ("Außenministerin", "der Präsident")."""
        votes = Counter(h.extra.get("gender") for h in self.known.get(key, []))
        m, f = votes.get("m", 0), votes.get("f", 0)
        if m != f:
            return "m" if m > f else "f"
        first = self.by_key[key].name.split()[0] if key in self.by_key and self.by_key[key].name else ""
        ar = self.ctx.actor_rules
        if ar is not None and first in ar.gendered_names:   # first names as a fallback
            return "f" if first in ar.female_given_names else "m"
        return None

    def recent_person(self, before: int, exclude: set[str], min_sent: int | None = None,
                      pronoun: str | None = None) -> str | None:
        sent_of = self.ctx.sent_of
        want = self.ctx.w.pronoun_gender.get(pronoun or "")
        found: list[tuple[str, bool]] = []
        for s, e, key, gen in reversed(self.person_at):
            if s >= before:
                continue
            if min_sent is not None and sent_of[s] < min_sent:
                break
            if key in exclude:
                continue
            if want and self.gender(key) not in (None, want):
                continue                      # "Er fungierte als Präsident": not the woman named last
            found.append((key, self._oblique(s)))
            if len(found) >= 6 or (sent_of[s] < sent_of[min(before, len(self.ctx.doc) - 1)] - 2):
                break
        if not found:
            return None
        # a pronoun refers to the last subject rather than to a person named in a genitive or after a
        # preposition ("Er war ein Schüler des Ajatollah Chomeini ... Er war Präsident des Parlaments")
        direct = [k for k, obl in found if not obl]
        return direct[0] if direct and pronoun else found[0][0]

    def _oblique(self, s: int) -> bool:
        doc = self.ctx.doc
        k = s - 1
        while k >= 0 and (_analyze(self.ctx, doc[k]) is not None
                          or doc[k].pos_ == "ADJ" and doc[k].text[:1].islower() and doc[k].is_alpha):
            k -= 1                            # "des Ajatollah Chomeini", "unter dem damaligen US-Präsidenten Nixon"
        return k >= 0 and (doc[k].lower_ in self.ctx.w.prepositions or doc[k].lower_ in ("des", "dem", "den", "einem", "eines"))

    def _group(self, title: str) -> int | str:
        return self.ctx.lex.groups.get(title, title)

    def _party_vs_place(self, a: str, b: str) -> bool:
        """One organisation is a party, the other a place: "SPD-Abgeordneter" and "niedersächsischer Landtagsabgeordneter"."""
        ta, tb = self.ctx.orgs.by_name(a), self.ctx.orgs.by_name(b)
        kinds = {o.type if o.type == "party" else o.actor_type for o in (ta, tb) if o is not None}
        return kinds == {"party", "location"}

    def _is_head(self, title: str) -> bool:
        """Präsident, Chef, Direktor, Leiter, Vorsitzender: the head of an organisation."""
        g = self._group(title)
        return g in (self._group("Chef"), self._group("Präsident"))

    def resolve_reference(self, h: Hit) -> str | None:
        """The actor a role noun standing alone refers to, if that is unambiguous: the one known holder of its
        title (in its organisation, if it names one), else of a compound ending in it, else (a definite noun of a
        fallback category) the only person of its organisation or the last-named person."""
        if self._unknown_name_after(h):
            return None
        persons = [k for k in self.known if self.by_key[k].actor_type == "person"]
        k = self._holder_in_org(h, persons) if h.org else self._holder_of_title(h, persons)
        if k is not _UNDECIDED:
            return None if k and self._feminine_title_male_holder(h, k) else k
        if h.org is None or h.org_rank <= _RANK["default"]:
            k = self._compound_head_holder(h)
            if k:
                return k
        return self._fallback_holder(h, persons)

    def _roles_of(self, h: Hit, k: str) -> list[Hit]:
        """The roles known of actor k that role noun h may refer to (a current role noun: only current roles)."""
        return [r for r in self.known.get(k, []) if r is not h and (r.status == "current" or h.status == "former")
                and not self._succession_conflict(h, r)]

    def _succession_conflict(self, h: Hit, r: Hit) -> bool:
        """Rule ``reference_succession_adjective`` (role21): "Der frühere Bundesliga-Profi Andreas Hägele ist neuer
        Präsident des VfR … gegen Amtsinhaber Werner Bräuninger durch. … Der scheidende Präsident räumte Fehler ein":
        a role noun with an adjective of the leaving holder (roles.yaml patterns.reference_leaving_adjectives:
        scheidend, bisherig) does not refer to a known role whose phrase has one of the incoming holder
        (reference_incoming_adjectives: neu, designiert), nor the reverse. Off: both lists empty."""
        p = self.ctx.p
        if not p.reference_leaving_adjectives:
            return False
        mine, theirs = self._succession_side(h), self._succession_side(r)
        return mine is not None and theirs is not None and mine != theirs

    def _succession_side(self, h: Hit) -> str | None:
        """"leaving" or "incoming" for an adjective of that kind in the title's noun phrase, else None."""
        p = self.ctx.p
        for t in self.ctx.doc[h.np_start:h.head]:
            if t.lower_.startswith(p.reference_leaving_adjectives):
                return "leaving"
            if t.lower_.startswith(p.reference_incoming_adjectives):
                return "incoming"
        return None

    def _holders(self, h: Hit, persons: list[str], pred) -> set[str]:
        """The persons with a known role that ``pred`` accepts (for role noun h)."""
        return {k for k in persons for r in self._roles_of(h, k) if pred(r)}

    def _later_only(self, h: Hit, k: str | None, pred) -> bool:
        """Rule reference_equivalent_before: the one holder of an equivalent title is named only after the role
        noun: no antecedent (and no other guess)."""
        return k is not None and self.ctx.p.reference_equivalent_before and not any(
            pred(r) and r.start < h.np_start for r in self._roles_of(h, k))

    def _decided(self, h: Hit, k: str | None, pred):
        """The one holder k of an equivalent title (``pred``): k, None where k is named only after the role noun,
        ``_UNDECIDED`` where there is none."""
        if self._later_only(h, k, pred):
            return None
        return k if k else _UNDECIDED

    def _holder_in_org(self, h: Hit, persons: list[str]):
        """"der Präsident der Bank" with an organisation: the one known holder of the same role in it, else of the
        same office there (the same title group, or both heads of a body). Returns the key, None (no referent) or
        ``_UNDECIDED`` (go on looking)."""
        k = _unique(self._holders(h, persons, lambda r: r.role == h.role and r.org == h.org))
        if k:
            return k
        org_obj = self.ctx.orgs.by_name(h.org)
        org_is_body = org_obj is None or org_obj.actor_type != "location"
        same_office = partial(self._same_office, h, grp=self._group(h.title.title), org_is_body=org_is_body)
        return self._decided(h, _unique(self._holders(h, persons, same_office)), same_office)

    def _holder_of_title(self, h: Hit, persons: list[str]):
        """"der Präsident" with no organisation: the holder of the same role (None where several), else the one
        holder of a title of the same group. Returns the key, None (no referent) or ``_UNDECIDED`` (go on)."""
        c = self._holders(h, persons, lambda r: r.role == h.role)
        if c:
            return _unique(c)
        same_group = partial(self._same_group, h, grp=self._group(h.title.title))
        return self._decided(h, _unique(self._holders(h, persons, same_group)), same_group)

    def _same_group(self, h: Hit, r: Hit, grp: int | str) -> bool:
        """A known role r of the title group ``grp`` of role noun h (rule reference_deputy_group: a deputy is not
        the office's holder)."""
        return self._group(r.title.title) == grp and (
            not self.ctx.p.reference_deputy_group or _deputy_title(r.role) == _deputy_title(h.role))

    def _same_office(self, h: Hit, r: Hit, grp: int | str, org_is_body: bool) -> bool:
        """A known role r in role noun h's organisation that is the same office: the same title group, or both
        are heads (Chef, Präsident) of a body, neither a deputy."""
        return r.org == h.org and (
            self._same_group(h, r, grp)
            or (self._is_head(r.title.title) and self._is_head(h.role) and org_is_body
                and not _deputy_title(r.role) and not _deputy_title(h.role)))

    def _fallback_holder(self, h: Hit, persons: list[str]) -> str | None:
        """A definite role noun of a fallback category ("sagte der SPD-Politiker"): the only person of its
        organisation with a role of that category, or the last-named person (a descriptor only with an
        organisation)."""
        ctx, lex = self.ctx, self.ctx.lex
        if h.category not in lex.patterns.fallback_categories and h.det == "def":
            return self._subject_reference(h)
        if h.category not in lex.patterns.fallback_categories or h.det != "def" or h.extra.get("contracted"):
            return None
        o = ctx.orgs.by_name(h.org) if h.org else None
        unique_org = None
        if h.org and (o is None or o.actor_type != "location"):   # the only person of that organisation
            unique_org = _unique(self._holders(h, persons, lambda r: r.org == h.org and r.category == h.category))
        recent = None if self._own_complement(h) else self._recent_for_reference(h, partial(self._roles_of, h))
        if h.category in lex.patterns.descriptor_categories:      # "sagte der SPD-Politiker": the last speaker
            return (recent or unique_org) if h.org else None
        return unique_org or recent

    def _subject_reference(self, h: Hit) -> str | None:
        """Rule ``reference_subject_recent`` (role17): "Als ihr Vater Heinrich Brenner 2022 einen Schlaganfall erlitt,
        ... Der frühere Firmenchef, heute 71, hatte keine Nachfolge geregelt" -> Brenner: a definite singular role noun
        of roles.yaml ``patterns.reference_subject_categories`` (beyond the fallback categories) in subject position
        refers to the last-named person of its own or the previous sentence (the checks of the fallback: gender,
        conflicting roles, more than one mention), when that person holds no title of another group and a
        masculine title form does not name a woman. [] switches it off."""
        ctx = self.ctx
        if h.category not in ctx.p.reference_subject_categories or h.plural or h.extra.get("contracted") \
                or not self._subject_like(h) or self._relational_complement(h):
            return None
        key = self._recent_for_reference(h, partial(self._roles_of, h))
        if key is None or (h.extra.get("gender") == "m" and self.gender(key) == "f"):
            return None
        last = max((s for s, _, k, _ in self.person_at if k == key and s < h.np_start), default=None)
        grp = self._group(h.title.title)
        if last is None or ctx.sent_of[last] < h.sent - 1 \
                or any(self._group(r.title.title) != grp for r in self.known.get(key, [])
                       if r is not h and not self._council_seat(r)):
            return None
        return key

    def _council_seat(self, r: Hit) -> bool:
        """Rule ``council_seat_other_office`` (role18): "Bundesrätin Monika Zbinden-Roth ... sagte die Vorsteherin des
        Eidgenössischen Departements", "Regierungsrat und Gesundheitsdirektor": a seat on a council whose word also
        names the council (roles.yaml ``patterns.name_only_titles``) goes with a portfolio or another office, so it does
        not stop a role noun from referring to its holder. Off: patterns.council_seat_other_office: false."""
        p = self.ctx.p
        return p.council_seat_other_office and r.title.title in p.name_only_titles

    def _relational_complement(self, h: Hit) -> bool:
        """A role noun followed by a person's name in the genitive or after "des"/"von" ("Der Stellvertreter
        Johnsons übernahm") names someone else's office: ``reference_subject_recent`` does not
        give it to the last-named person."""
        doc = self.ctx.doc
        i = h.head + 1
        if i < len(doc) and doc[i].lower_ in ("des", "der", "von", "vom"):
            i += 1
        return i < len(doc) and doc[i].ent_type_ == "PER"

    def _own_complement(self, h: Hit) -> bool:
        """Rule ``reference_complement_no_recent``: "Das Gremium gab nach der Anweisung durch den geistigen Führer der
        Islamischen Republik Iran bekannt" (after "der unterlegene Kandidat Mohsen Rezai"), "Der Botschafter des Landes
        in den USA rief zur Hilfe auf" (after the UN envoy): a role noun with its own genitive or "von" complement
        out of subject position describes its holder in full and may introduce a new person; it refers to the
        last-named person only where that person is known in that organisation (the known-holder matches above),
        never by mere nearness. (In subject position it continues the topic: "Biden ... Der Senator von Delaware ist
        einer der Dienstältesten".)
        Off: roles.yaml ``patterns.reference_complement_no_recent: false``."""
        doc = self.ctx.doc
        return self.ctx.p.reference_complement_no_recent and h.head + 1 < h.end \
            and doc[h.head + 1].lower_ in ("des", "der", "von", "vom") and not self._subject_like(h)

    def _compound_head_holder(self, h: Hit) -> str | None:
        """Rule ``reference_compound_head``: "Cheftrainer Julian Nagelsmann stellte die Aufstellung vor. Der Trainer
        sagte ..." -> Nagelsmann: a definite role noun with no organisation of its own phrase refers to the holder of
        the nearest title before it that is that noun or a compound ending in it (Polizeisprecher -> der Sprecher,
        Innenminister -> der Minister), where that title has a person as holder and no other person before holds
        one. Not from deputies ("Vizepräsident" is not "der Präsident") nor from roles.yaml
        ``patterns.reference_compound_head_excluded`` (Ministerpräsident, Staatsanwalt), nor for a head noun of
        ``reference_compound_head_excluded_heads`` ("der Vorstand" is the board); nothing where the nearest such
        title is unresolved ("Ein Sprecher der Polizei ... Der Sprecher"), names another organisation than a default one or
        has the other grammatical gender ("Die Innenministerin Nancy Faeser ... Der Minister").
        Off: ``patterns.reference_compound_head: false``."""
        if not self._compound_head_reference(h):
            return None
        before = self._same_head_titles_before(h)
        if not before:
            return None
        last = max(before, key=lambda x: x.start)
        key = last.holder
        if not self._sole_person_holder(key, before) or not self._antecedent_agrees(h, last, key) \
                or self._succession_conflict(h, last):
            return None
        self._note_antecedent_title(h, last)
        return key

    def _compound_head_reference(self, h: Hit) -> bool:
        """reference_compound_head: a definite singular role noun, no deputy title, no excluded head; not a masculine
        title after "die" ("Die Minister, die ... wie Schäuble": plural)."""
        p = self.ctx.p
        if not p.reference_compound_head or h.det != "def" or h.plural or _deputy_title(h.role) \
                or h.role in p.reference_compound_head_excluded_heads:
            return False
        return not (self.ctx.doc[h.np_start].lower_ == "die" and h.extra.get("gender") == "m")

    def _same_head_titles_before(self, h: Hit) -> list[Hit]:
        """reference_compound_head: the titles before h that are its noun or a compound ending in it (no deputy, not
        excluded), with a holder or singular ("Cheftrainer X" reads as plural by form)."""
        p = self.ctx.p
        base = h.role.lower()

        def same_head(x: Hit) -> bool:
            role = x.role.lower()
            return role == base or (role.endswith(base) and not _deputy_title(x.role)
                                    and x.role not in p.reference_compound_head_excluded)

        return [x for x in self.hits if x is not h and x.end <= h.np_start and same_head(x)
                and (x.holder is not None or not x.plural)]

    def _sole_person_holder(self, key: str | None, before: list[Hit]) -> bool:
        """reference_compound_head: the nearest title's holder is a person and no other person holds such a title
        before (two persons with that title: ambiguous)."""
        if key is None or key not in self.by_key or self.by_key[key].actor_type != "person":
            return False
        return not any(x.holder is not None and x.holder != key for x in before)

    def _antecedent_agrees(self, h: Hit, last: Hit, key: str) -> bool:
        """reference_compound_head: the antecedent title ``last`` is current (or h former), names no other
        organisation than h's (unless h's is a default), and has h's grammatical gender ("Die Innenministerin Nancy
        Faeser ... Der Minister": another person)."""
        if last.status != "current" and h.status != "former":
            return False
        if h.org and last.org and last.org != h.org and not self._default_org(h):
            return False
        g, g0 = h.extra.get("gender"), last.extra.get("gender")
        if g and g0 and g != g0:
            return False
        return not self._gender_conflict(h, key)

    def _note_antecedent_title(self, h: Hit, last: Hit) -> None:
        """Switch ``reference_compound_head_title``: h keeps the antecedent's other title (and whether h's default
        organisation yields to it)."""
        if self.ctx.p.reference_compound_head_title and last.role != h.role:
            h.extra["antecedent_title"] = (last.role, last.org, last.category)
            if h.org and last.org and last.org != h.org:
                h.extra["default_org_yields"] = True

    def _default_org(self, h: Hit) -> bool:
        """Rule ``reference_default_org``: the role noun's organisation is a default or a guess from context ("der
        Minister" -> Deutschland), not stated in its phrase: it does not keep the noun from an antecedent of another
        organisation ("Brandenburgs Wirtschaftsminister Ulrich Junghanns ... die der Minister für sein Bundesland
        betreibt"), whose organisation the row takes (records._reference_title). Off: roles.yaml
        ``patterns.reference_default_org: false``."""
        return self.ctx.p.reference_default_org and h.org_rank <= _RANK["default"]

    def _unknown_name_after(self, h: Hit) -> bool:
        """Rule ``reference_before_name``: "Stimmen, die dem früheren Kardinal Bengoglio vorwerfen" (the name
        misspelt, tagged LOC) is not the cardinal named before: a title followed right away by a proper noun
        names its own holder; where that name is no person actor's name word, no known organisation or place
        and no title, the role noun refers to nobody else. roles.yaml ``patterns.reference_before_name``."""
        ctx, doc = self.ctx, self.ctx.doc
        if not ctx.p.reference_before_name or h.head + 1 >= len(doc):
            return False
        t = doc[h.head + 1]
        if t.pos_ != "PROPN" or not t.is_alpha or not t.text[:1].isupper() or ctx.sent_of[t.i] != ctx.sent_of[h.head]:
            return False
        if ctx.orgs.by_name_or_genitive(t.text) is not None or _analyze(ctx, t) is not None or (
                ctx.gazetteer is not None and t.text in ctx.gazetteer.names):
            return False
        words = {w for a in self.actors if a.actor_type == "person" for w in (a.name or "").split()}
        return t.text not in words and t.text.rstrip("s") not in words

    def _recent_for_reference(self, h: Hit, roles_of) -> str | None:
        """The last-named person before a role noun, if nothing speaks against it."""
        ctx, doc = self.ctx, self.ctx.doc
        subject_like = self._subject_like(h)
        n_mentions = self._mention_counts()
        cands = [(s, e, key) for s, e, key, gen in reversed(self.person_at)
                 if s < h.np_start and ctx.sent_of[s] >= h.sent - 2]
        # a person named after a preposition ("Kandidat von Barack Obama") is a weaker antecedent,
        # and none for a role noun in subject position
        cands.sort(key=lambda c: c[0] > 0 and doc[c[0] - 1].lower_ in self.ctx.w.prepositions)
        if subject_like:
            cands = [c for c in cands if not (c[0] > 0 and doc[c[0] - 1].lower_ in self.ctx.w.prepositions)]
        later_sources = {k2 for s2, e2, k2, _ in self.person_at
                         if s2 >= h.end and ctx.sent_of[s2] == h.sent and self._source_of_statement(s2, e2)}
        for s, e, key in cands:
            roles = roles_of(key)
            if self._conflicting_roles(h, roles) or self._gender_conflict(h, key):
                continue
            if key in later_sources:
                continue                      # rule reference_not_own_speaker: "Der Kanzler sei schwach, sagte Merz"
            if any(r.category not in ctx.p.descriptor_categories for r in roles) and not subject_like:
                continue                      # (a mere "Politiker" does not make a person an unlikely antecedent)
            if n_mentions.get(key, 0) < 2 and not self.known.get(key):   # a one-off NER error is no antecedent
                continue
            if not subject_like and not roles and any(self._source_of_statement(s2, e2)
                                                       for s2, e2, k2 in cands if k2 == key):
                continue
            return key
        return None

    def _mention_counts(self) -> dict[str, int]:
        """Mentions of each actor; rule ``reference_surname_repeated``: a person whose surname occurs again in the text
        where NER did not tag it ("Markus Söder hat ... Söder sprach in München. Der CSU-Chef sagte") is no one-off NER
        error: those occurrences count. Off: roles.yaml patterns.reference_surname_repeated: false."""
        counts = {a.key: len(a.mentions) for a in self.actors}
        if not self.ctx.p.reference_surname_repeated:
            return counts
        words = self._capitalised_words()
        for a in self.actors:
            parts = (a.name or "").split()
            if a.actor_type == "person" and len(parts) >= 2:
                counts[a.key] = max(counts[a.key], words.get(parts[-1], 0))
        return counts

    def _capitalised_words(self) -> dict[str, int]:
        """How often each capitalised alphabetic word occurs in the Doc, counted once per Doc from the shared columns
        (issue 16: ``_mention_counts`` walked every Token of the Doc for each reference)."""
        if self._cap_words is None:
            cols = doc_columns(self.ctx.doc)
            self._cap_words = Counter(w for w, alpha in zip(cols.text, cols.alpha) if alpha and w[:1].isupper())
        return self._cap_words

    def _source_of_statement(self, s: int, e: int) -> bool:
        """Rule ``reference_not_source``: "Laut Johanna Moser gibt es Veränderungen. Neu sei, dass der
        Bürgermeister anordne ..." -> the Bürgermeister is not Moser: a role noun out of subject position does not
        refer to a person without a role who is the source of the statement around it -- named after "laut" or
        before "zufolge", or the subject of a verb of saying (roles.yaml ``patterns.statement_source_words``,
        ``statement_verbs``; [] switches it off)."""
        ctx, doc, p = self.ctx, self.ctx.doc, self.ctx.p
        if not p.statement_source_words and not p.statement_verbs:
            return False
        k = s - 1
        while k >= 0 and _analyze(ctx, doc[k]) is not None:
            k -= 1                            # "laut Sprecherin X": skip the title
        if k >= 0 and doc[k].lower_ in p.statement_source_words:
            return True
        if e < len(doc) and doc[e].lower_ in p.statement_source_words:
            return True                       # "X zufolge"
        head = doc[s]
        while head.dep_ in ("flat", "pnc", "nk") and head.head.i != head.i and s <= head.head.i < e:
            head = head.head
        return head.dep_ in ("nsubj", "sb") and head.head.lemma_.lower() in p.statement_verbs

    def lead_forward(self, h: Hit) -> str | None:
        """Rule ``reference_lead_forward`` (role19): "Vor dem Landgericht Berlin hat am Montag der Prozess gegen den
        früheren Vorstandschef der Sonnwerk AG begonnen. Die Staatsanwaltschaft wirft Henrik Brandes vor, ..." -> Brandes:
        a role noun with no referent in the article's first two sentences, before any person is named and not the
        genitive attribute of a noun, names the one person of the next sentence when that person holds no title of
        their own (a news lead that names the office first). Off: roles.yaml ``patterns.reference_lead_forward: false``."""
        ctx, b = self.ctx, h.np_start
        if not ctx.p.reference_lead_forward or h.sent > 1 or any(s < b for s, _e, _k, _g in self.person_at):
            return None
        if b > 0 and ctx.doc[b - 1].pos_ == "NOUN" and ctx.sent_of[b - 1] == h.sent:
            return None                   # "ein Streit um die Führungsrolle der Bundeskanzlerin": a genitive attribute
        keys = {k for s, _e, k, _g in self.person_at if ctx.sent_of[s] == h.sent + 1}
        if len(keys) != 1:
            return None
        key = next(iter(keys))
        return None if self.known.get(key) or self._gender_conflict(h, key) else key

    def _feminine_title_male_holder(self, h: Hit, key: str) -> bool:
        """Rule ``feminine_title_male_holder`` (role19): a feminine title is no man's. "Der Preis ging an Bundeskanzler
        Willy Brandt ... Von der deutschen Bundeskanzlerin liegt eine Stellungnahme vor" is not Brandt: a feminine
        role noun does not refer to the one known holder of its title when that holder is a man (reference_gender
        covers only the last-named person). Off: roles.yaml ``patterns.feminine_title_male_holder: false``."""
        return self.ctx.p.feminine_title_male_holder and self._gender_conflict(h, key)

    def _gender_conflict(self, h: Hit, key: str) -> bool:
        """Rule ``reference_gender``: "wie Mair die Parlamentarierin attackierte" is not Thomas Mair: a feminine
        role noun refers to no person known as a man (by a masculine title or a male first name). Only this
        direction: a masculine title is also used for women ("Merkel, der erste weibliche Regierungschef").
        Off: roles.yaml patterns.reference_gender: false."""
        return self.ctx.p.reference_gender and h.extra.get("gender") == "f" and self.gender(key) == "m"

    def _subject_like(self, h: Hit) -> bool:
        """The role noun stands in subject position: sentence start, or "sagte der ..."."""
        ctx, doc, p = self.ctx, self.ctx.doc, self.ctx.p
        s0, _ = ctx.sent_range(h.head)
        k = h.np_start - 1
        while k >= s0 and doc[k].is_space and "\n" not in doc[k].text:
            k -= 1                            # "Sie könnten    dem Landrat": extra spaces are no line start
        prev = doc[k] if k >= s0 else None
        return prev is None or prev.is_space or "\n" in prev.whitespace_ or \
            (h.np_start <= s0 + 3 and doc[s0].like_num) or \
            (doc[h.np_start].lower_ in ("der", "die") and (prev.pos_ in ("VERB", "AUX") or prev.lower_ in p.subject_cues))

    def _conflicting_roles(self, h: Hit, roles: list[Hit]) -> bool:
        """A current role noun cannot refer to a person known in another office or organisation."""
        if h.status == "former":
            return False
        p, grp = self.ctx.p, self._group(h.title.title)
        if any(r.org and h.org and r.org != h.org and r.category == h.category
               and not self._party_vs_place(r.org, h.org) for r in roles):
            return True
        if any(r.category in p.office_categories and h.category in p.office_categories
               and self._group(r.title.title) != grp for r in roles):
            return True
        return any(r.org and h.org and r.org != h.org for r in roles) and h.category in p.office_categories

    def resolve_pronoun_or_subject(self, h: Hit, cue: int, exclude: set[str]) -> str | None:
        """Holder of an "als"/"zum" phrase: nearest person/role/pronoun before, else after."""
        ctx, doc, p = self.ctx, self.ctx.doc, self.ctx.p
        s0, s1 = ctx.sent_range(cue)
        key = self._holder_before(cue, s0, exclude, office=h.binding == "office")
        if key is not None:
            return key
        for k in range(cue + 1, s1):
            pk = next(((s, e, key, gen) for s, e, key, gen in self.person_at if s == k), None)
            if pk is not None and pk[2] not in exclude and not self._pp_title(pk[0], s0):
                return pk[2]
            if doc[k].lower_ in p.pronouns_subject:
                return self.recent_person(k, exclude, pronoun=doc[k].lower_)
        return None

    def _holder_before(self, cue: int, s0: int, exclude: set[str], office: bool = False) -> str | None:
        """The nearest resolved role noun, person or pronoun before ``cue`` in its sentence (None: look after)."""
        doc, p = self.ctx.doc, self.ctx.p
        k = cue - 1
        refs = {x.start: x for x in self._refs if x.holder}
        while k >= s0:
            low = doc[k].lower_
            hit = refs.get(k) or next((r for r in self._refs if r.holder and r.start <= k < r.end), None)
            if hit is not None and hit.holder not in exclude:
                return hit.holder
            pk = next(((s, e, key, gen) for s, e, key, gen in self.person_at if s <= k < e), None)
            if pk is not None:
                s, e, key, gen = pk
                prevw = doc[s - 1].lower_ if s > s0 else ""
                if not gen and key not in exclude and prevw not in _PP_HOLDER_PREPS and not self._pp_title(s, s0) \
                        and not (office and _genitive_attribute(self.ctx, s, s0)):
                    return key
                if gen and key not in exclude and not office and _owns_cue_phrase(doc, e, cue):
                    return key          # "Kinsun Chans erste Arbeit als Tanzchef": the genitive owner, as a possessive
                k = s - 1
                continue
            if low in p.possessives:
                key = self._object_of_possessive(k, s0, exclude)
                if key is not None:
                    return key
            if low in p.pronouns_subject or low in p.possessives:
                # (None: "Seinen ersten Besuch als Bundespräsident machte Joachim Gauck")
                return self.recent_person(k, exclude | self._vorfeld_persons(k, s0), pronoun=low)
            k -= 1
        return None

    def _vorfeld_persons(self, k: int, s0: int) -> set[str]:
        """Rule ``pronoun_vorfeld_name`` (role16): "Für Peter Brüning, jetzt Turo-Obmann, übernahm er im November 2009
        die Leitung der Damenmannschaft": a subject pronoun right after the sentence's first finite verb never refers
        to a person named before that verb (in the same clause). Off: roles.yaml patterns.pronoun_vorfeld_name."""
        doc = self.ctx.doc
        if not self.ctx.p.pronoun_vorfeld_name or k - 1 <= s0 or doc[k].lower_ not in self.ctx.p.pronouns_subject \
                or doc[k - 1].pos_ not in ("VERB", "AUX") or any(doc[j].pos_ in ("VERB", "AUX") for j in range(s0, k - 1)):
            return set()
        return {key for s, e, key, gen in self.person_at if s0 <= s and e <= k - 1}

    def _pp_title(self, s: int, s0: int) -> bool:
        """Rule ``pp_title_name_not_holder``: "wird er 1991 von Bundesrat Flavio Cotti zum Chef des Bundesamts
        ernannt", "gegen den Demokraten Bill Hoppner zum Gouverneur gewählt": a name whose title (articles and
        lower-case adjectives before it) follows "von", "vom", "durch" or "gegen" is an agent or an opponent, not the
        holder of an "als"/"zum" phrase. Off: roles.yaml patterns.pp_title_name_not_holder."""
        doc = self.ctx.doc
        if not self.ctx.p.pp_title_name_not_holder or s - 1 < s0 or not self._title_word(doc[s - 1]):
            return False
        k = s - 2
        while k >= s0 and (self._title_word(doc[k]) or doc[k].lower_ in _ARTICLES
                           or doc[k].pos_ == "ADJ" and doc[k].text[:1].islower() and doc[k].is_alpha):
            k -= 1
        return k >= s0 and doc[k].lower_ in _PP_TITLE_PREPS

    def _title_word(self, t) -> bool:
        """A title of the lexicon, or a capitalised common noun outside an entity ("Bundesrat", "Demokraten")."""
        return _analyze(self.ctx, t) is not None or t.pos_ in ("NOUN", "PROPN") and t.text[:1].isupper() and not t.ent_type_

    def _object_of_possessive(self, k: int, s0: int, exclude: set[str]) -> str | None:
        """"würdigte ihn für seinen Einsatz als Soldat": the possessive refers to the object pronoun."""
        doc = self.ctx.doc
        obj = next((x for x in range(s0, k) if doc[x].lower_ in ("ihn", "ihm")), None)
        if obj is None:
            return None
        subj = self.subject_of(s0, obj)
        return self.recent_person(obj, ({subj} if subj else set()) | exclude, pronoun=doc[obj].lower_)

    def subject_of(self, sent_start: int, before: int) -> str | None:
        for x in self._refs:
            if x.holder and sent_start <= x.start < before:
                return x.holder
        for s, e, key, gen in self.person_at:
            if sent_start <= s < before:
                return key
        return None


_PP_HOLDER_PREPS = ("von", "mit", "für", "durch", "gegen")
# (rule pp_title_name_not_holder: an agent or an opponent; "mit dem Althistoriker Joseph Vogt als Vorsitzenden" names
# the holder)
_PP_TITLE_PREPS = ("von", "vom", "durch", "gegen")
_ARTICLES = ("der", "die", "das", "dem", "den", "des", "einem", "einen", "einer", "eines")


def _owns_cue_phrase(doc, e: int, cue: int) -> bool:
    """Rule ``genitive_owner_holder``: "Kinsun Chans erster choreografischer Arbeit als neuer Tanzchef": a prenominal
    genitive name right before the noun (adjectives between) that the "als" phrase follows is its holder, as
    "seine erste Arbeit als" names the possessor."""
    k = e
    while k < cue and doc[k].pos_ == "ADJ":
        k += 1
    return k < cue and doc[k].pos_ == "NOUN" and k + 1 == cue


def _genitive_attribute(ctx: _Ctx, s: int, s0: int) -> bool:
    """Rule ``genitive_attribute_holder``: "Clinton hatte in der Regierung des neuen US-Präsidenten Barack Obama die
    Funktion der Außenministerin übernommen": a name after "des" + title (adjectives between) is a genitive
    attribute inside a noun phrase, never the subject that takes up or holds the office of its clause (for
    ``office`` only: "der Name des Armeebefehlshabers X als möglichem Kandidaten" is about X)."""
    doc = ctx.doc
    j = s - 1
    if j < s0 or _analyze(ctx, doc[j]) is None:
        return False
    j -= 1
    while j >= s0 and doc[j].pos_ == "ADJ":
        j -= 1
    return j >= s0 and doc[j].lower_ == "des"


def _match_hits(ctx: _Ctx, actors: list[Actor], hits: list[Hit] | None = None) -> tuple[list[Hit], _Resolver]:
    if hits is None:
        hits = _scan(ctx)
        _bind_patterns(ctx, hits)
    res = _Resolver(ctx, actors)
    res.hits = hits
    for h in hits:                                     # explicit names first
        if h.name is not None:
            res.bind(h, res.key_for_span(h.name))
    for h in hits:                                     # then everything else, in text order
        if h.name is not None:
            continue
        if h.binding == "reference":
            res.bind(h, res.resolve_reference(h) or res.lead_forward(h))
            res._refs.append(h)
        elif "coord" in h.extra:                       # "als Übersetzer und Sprengfallenexperte tätig"
            res.bind(h, h.extra["coord"].holder)
        elif h.binding in ("als", "office"):
            res.bind(h, res.resolve_pronoun_or_subject(h, h.extra["cue"], set()))
        elif h.binding == "predicative" and "pronoun" in h.extra:
            pk = h.extra["pronoun"]
            res.bind(h, res.recent_person(pk, set(), pronoun=ctx.doc[pk].lower_))
        elif h.binding == "predicative":
            res.bind(h, _predicative_subject(ctx, res, h, hits))
        elif h.binding == "appointment":
            res.bind(h, _appointee(ctx, res, h))
    return hits, res


def _predicative_subject(ctx: _Ctx, res: _Resolver, h: Hit, hits: list[Hit]) -> str | None:
    """The subject before the copula: a pronoun, a resolved role noun, or a known person NER missed here."""
    sb = h.extra["subject_before"]
    s0, _ = ctx.sent_range(sb)
    if sb - 1 >= s0 and ctx.doc[sb - 1].lower_ in ctx.p.pronouns_subject:
        return res.recent_person(sb - 1, set(), pronoun=ctx.doc[sb - 1].lower_)
    if sb - 2 >= s0 and "-Jährig" in ctx.doc[sb - 1].text and ctx.doc[sb - 2].lower_ in ("der", "die"):
        # "Die 32-Jährige ist bereits stellvertretendes Mitglied": an age noun refers back like a pronoun
        return res.recent_person(sb - 1, set(), pronoun="er" if ctx.doc[sb - 2].lower_ == "der" else "sie") \
            or res.recent_person(sb - 1, set(), min_sent=ctx.sent_of[sb] - 1)   # (first names' gender may err)
    if sb - 1 > s0 and ctx.doc[sb - 1].text in (",", "und"):
        # "er ist ein Moderator des Netzwerks, ist Mitglied der KPÖ": the subject left out, the one of the
        # clause before (a pronoun or a name starting the sentence)
        k = next((x for x in range(sb - 2, s0 - 1, -1) if ctx.doc[x].lower_ in ctx.p.pronouns_subject
                  and ctx.doc[x].lower_ in ("er", "sie")), None)
        if k is not None:
            return res.recent_person(k, set(), pronoun=ctx.doc[k].lower_)
        first = next((key for st, e, key, gen in res.person_at if st == s0 and not gen), None)
        if first is not None:
            return first
    ref = next((r for r in hits if r.holder and r.end == sb and r is not h), None)
    key = ref.holder if ref else None     # "Verteidigungsminister wird ein General, ..."
    if key is None:                        # "[Meles]ADJ [Zenawi]NOUN ist seit 1995 Regierungschef":
        key = next((k for s, e, k, gen in res.person_at     # a known person NER missed here,
                    if e == sb and not gen and _subject_start(ctx, s, s0)), None)
    return key


def _appointee(ctx: _Ctx, res: _Resolver, h: Hit) -> str | None:
    """"ernannte ihn zum ...": the object pronoun's person (not the subject's), else the nearest holder."""
    cue = h.extra["cue"]
    s0, _ = ctx.sent_range(cue)
    subj = res.subject_of(s0, cue)
    obj = next((k for k in range(s0, cue) if ctx.doc[k].lower_ in ctx.p.pronouns_object), None)
    if obj is not None:
        return res.recent_person(obj, {subj} if subj else set(), pronoun=ctx.doc[obj].lower_)
    return res.resolve_pronoun_or_subject(h, cue, set())
