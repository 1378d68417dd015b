"""Binding rules: how the holder of each title hit is found (the ``rule_id`` of a role row)."""
from __future__ import annotations

from .context import _ADVERBS, _Ctx, _DETERMINERS, _FORMER_COPULAS, _PREPOSITIONS, _PUNCT_STOP, _RELATIVE_COPULAS, _TIME_WORDS
from .hits import Hit, _set_org
from .names import _name_at, _name_ending_at, _propn_run_ending_at
from .organizations import _comma_after_genitive, _post_name_org
from .titles import _analyze
from .tokens import _capitalized, _clause_window, _has_phrase


def _bind_patterns(ctx: _Ctx, hits: list[Hit]) -> None:
    """Decide for each hit how its holder is found (name, pronoun, subject, or reference)."""
    doc, p = ctx.doc, ctx.p
    ends_all = {x.end: x for x in hits}
    for h in hits:
        s0, s1 = ctx.sent_range(h.head)
        after = _clause_window(ctx, h.end, s1)
        if "und" in after:
            after = after[:after.index("und")]        # "Repräsentant aus Minnesota und Marineoberst außer Dienst"
        former_after = _has_phrase(after, p.former_phrases)
        # 0. a bare title in quotes is a nickname or a quoted word: "Der „Außenminister“ der Bewegung",
        #    "nur „der Außenminister“ genannt" (not "als „Technischer Leiter“": a verbatim designation)
        q = next((x for x in (h.np_start - 1, h.start - 1) if s0 <= x and doc[x].text in ("„", "»", "\"")), None)
        if q is not None and h.head + 1 < s1 and doc[h.head + 1].text in ("“", "«", "\"") and all(
                doc[x].lower_ in _DETERMINERS for x in range(q + 1, h.head)):
            continue
        # 1. title + name
        n_end = _name_at(ctx, h.end, s1)
        if n_end is None and h.end + 2 < s1 and doc[h.end].lower_ in ("in", "aus") and _capitalized(doc[h.end + 1]) \
                and (h.end + 1 in ctx.ent_of and ctx.ent_of[h.end + 1].label_ == "LOC"
                     or ctx.orgs.by_name(doc[h.end + 1].text) is not None):
            n2 = _name_at(ctx, h.end + 2, s1)     # "Fraktionschef der Grünen in Bayern Sepp Daxenberger"
            if n2 is not None:
                h.end, n_end = h.end + 2, n2
        if n_end is None and h.end + 2 < s1 and doc[h.end].lower_ == "für" and h.det != "indef":
            # "der EU-Kommissar für Erweiterung und europäische Nachbarschaftspolitik Štefan Füle"
            for j in range(h.end + 2, min(h.end + 9, s1)):
                if doc[j].text in _PUNCT_STOP and doc[j].text != ",":
                    break
                if doc[j].pos_ in ("VERB", "AUX"):
                    break
                if doc[j].text == ",":
                    n2 = _name_at(ctx, j + 1, s1)
                    if n2 is not None:
                        h.end, n_end = j + 1, n2
                    break
                if (j in ctx.per_start or doc[j].text in ctx.given) and _name_at(ctx, j, s1) is not None:
                    h.end, n_end = j, _name_at(ctx, j, s1)
                    break
        if n_end == h.end + 1 and doc[h.end].text.endswith("s") and n_end + 1 < s1 and doc[n_end].text == "," \
                and _name_at(ctx, n_end + 1, s1) is not None and h.org is None:
            _set_org(h, doc[h.end].text[:-1], "genitive")     # an unknown country in the genitive
            h.end, n_end = n_end, None
        if n_end is not None and h.end not in ctx.per_start and h.np_start - 1 >= s0 \
                and doc[h.np_start - 1].lower_ == "als":
            n_end = None                  # "als US-Senator Bande geknüpft": no entity, no name
        if n_end is not None and h.det != "indef":
            h.binding, h.name = "title_name", (h.end, n_end)
            if h.category in p.post_name_org_categories or h.title.generic:
                _post_name_org(ctx, h, n_end, s1)
            continue
        # 2. apposition after a name: "Kurt Volker, Nato-Botschafter ..."
        b = h.np_start
        ca = _comma_after_genitive(ctx, h.end, s1)
        named_after = h.det == "def" and ca + 1 < s1 and doc[ca].text == "," \
            and _name_at(ctx, ca + 1, s1) is not None        # "X, dem Ministerpräsidenten Fidschis, Qarase,": Qarase
        if b - 2 >= s0 and doc[b - 1].text == "," and h.det in ("none", "def", "indef") and not named_after:
            nm = _name_ending_at(ctx, b - 1)
            if nm is None:
                nm = _propn_run_ending_at(ctx, b - 1, s0)      # NER missed "Andres Granier"
            if nm is None and doc[b - 2].text == ")":          # "Olaf Scholz (SPD), Bundeskanzler"
                op = next((x for x in range(b - 3, max(s0, b - 7) - 1, -1) if doc[x].text == "("), None)
                if op is not None:
                    nm = _name_ending_at(ctx, op)
            if nm is not None:
                h.binding, h.name = "apposition", nm
                if former_after:
                    h.status = "former"
                continue
        # 3. "der Sondergesandte der Amerikaner, Keith Kellogg", "dem UNMIK-Leiter im Kosovo, Joachim Rücker"
        c = h.end
        if c < s1 and doc[c].lower_ in ("in", "im", "bei", "beim", "aus", "für"):
            c2 = next((k for k in range(c + 1, min(c + 5, s1)) if doc[k].text in _PUNCT_STOP), None)
            if c2 is not None and doc[c2].text == ",":
                c = c2
        if named_after:
            c = ca                        # "dem Innenminister des Landes, Karl Moser"
        if c + 1 < s1 and doc[c].text in (",", ":") and h.det in ("def", "none", "poss", "posspers"):
            n_end = _name_at(ctx, c + 1, s1)
            if n_end is not None:
                h.binding, h.name = "title_comma_name", (c + 1, n_end)
                continue
        prev = doc[b - 1].lower_ if b - 1 >= s0 else ""
        # 3b. reverse predicative: "Neuer Innenminister wird der Schiit Dschauad al-Bolani",
        #     "Der letzte Premierminister einer Cohabitation war der Sozialist Lionel Jospin"
        if h.det in ("def", "none") and prev not in p.copulas:
            cop = next((k for k in range(h.end, min(h.end + 4, s1)) if doc[k].lower_ in p.copulas), None)
            if cop is not None and all(doc[k].text not in _PUNCT_STOP for k in range(h.end, cop)):
                for j in range(cop + 1, min(cop + 6, s1)):
                    if doc[j].text in (".", ";", ":", "„", "(") or doc[j].pos_ in ("VERB", "AUX", "ADP") \
                            or doc[j].lower_ in _PREPOSITIONS:
                        break
                    n_end = _name_at(ctx, j, s1)
                    if n_end is not None:
                        h.binding, h.name = "predicative", (j, n_end)
                        if doc[cop].lower_ in _FORMER_COPULAS:
                            h.status = "former"
                        break
                if h.binding:
                    continue
        # 4a. inverted: "2008 wurde er Fraktionschef der Grünen"
        if prev in p.pronouns_subject and b - 2 >= s0 and doc[b - 2].lower_ in p.copulas and h.det in ("none", "indef"):
            h.binding = "predicative"
            h.extra["pronoun"] = b - 1
            if doc[b - 2].lower_ in _FORMER_COPULAS:
                h.status = "former"
            continue
        # 4. predicative "X ist ein Immobilienentwickler", "X war lange ÖTV-Chef"
        cb = b - 1
        while cb - 1 >= s0 and cb > b - 7 and (doc[cb].pos_ == "ADV" or doc[cb].lower_ in _ADVERBS or doc[cb].is_space
                                               or doc[cb].like_num or doc[cb].lower_ in _TIME_WORDS) \
                and doc[cb].lower_ not in p.copulas:
            cb -= 1                       # "ist seit 2019 Kommissionspräsidentin", "war lange ÖTV-Chef"
        if not (cb != b - 1 and doc[cb].lower_ in p.copulas) and h.det in ("indef", "none") \
                and prev not in p.copulas and prev not in ("als", "zum", "zur", "wie"):
            # "war nach der deutschen Wiedervereinigung von 1990 bis 1991 Bundesminister": a PP between
            x = b - 1
            while x > s0 and x > b - 11 and doc[x].lower_ not in p.copulas and doc[x].text not in _PUNCT_STOP \
                    and doc[x].pos_ not in ("VERB", "AUX", "PROPN") and x not in ctx.ent_of \
                    and _analyze(ctx, doc[x]) is None:
                x -= 1
            if x < b - 1 and doc[x].lower_ in p.copulas and (doc[x + 1].lower_ in _PREPOSITIONS
                                                              or doc[x + 1].pos_ == "ADV" or doc[x + 1].like_num):
                cb = x
        if cb != b - 1 and doc[cb].lower_ in p.copulas and h.det in ("indef", "none"):
            prev, b = doc[cb].lower_, cb + 1
        if prev in ("ist", "war", "wird", "wurde", "bleibt") and h.det == "def" and b - 2 >= s0:
            # "Fritz Kuhn, Bundestagsabgeordneter ..., wird der neue Oberbürgermeister"
            nm = _name_ending_at(ctx, b - 1)
            if nm is None and doc[b - 2].text == ",":
                app = None
                for x in range(b - 2, max(s0, b - 12), -1):
                    if x in ends_all:
                        app = ends_all[x]
                        break
                    if x < b - 2 and doc[x].text in _PUNCT_STOP:
                        break
                nm = app.name if app is not None and app.binding == "apposition" else None
            if nm is not None:
                h.binding, h.name = "predicative", nm
                if prev in _FORMER_COPULAS:
                    h.status = "former"
                continue
        if prev in p.copulas and h.det in ("indef", "none"):
            if prev in _FORMER_COPULAS:
                h.status = "former"
            nm = _name_ending_at(ctx, b - 1) or _propn_run_ending_at(ctx, b - 1, s0)
            if nm is None and b - 2 >= s0 and doc[b - 2].text == ")":      # "Günther Krause (CDU) war ..."
                op = next((x for x in range(b - 3, max(s0, b - 7) - 1, -1) if doc[x].text == "("), None)
                if op is not None:
                    nm = _name_ending_at(ctx, op)
            if nm is None and b - 2 >= s0 and doc[b - 2].text in ctx.person_words:
                pe = ctx.ent_of.get(b - 3) if b - 3 >= s0 else None
                if pe is not None and pe.label_ == "PER" and pe.end == b - 2:
                    nm = (pe.start, b - 1)    # "[Meles]PER Zenawi ist ..."
                elif b - 3 < s0 or doc[b - 3].text in _PUNCT_STOP or doc[b - 3].is_space:
                    nm = (b - 2, b - 1)       # "Grupp ist ...": a known surname NER missed here
            h.binding = "predicative"
            if former_after:
                h.status = "former"
            h.extra["subject_before"] = b - 1
            if nm is not None:
                h.name = nm
            continue
        # 5. "als US-Senator"; a designation quoted verbatim: "als „Technischer Leiter“" (a capitalized
        #    adjective; a bare quoted title is a nickname: "nur „der Außenminister“ genannt")
        if prev in ("„", "»", "\"") and b - 2 >= s0 and doc[b - 2].lower_ == "als" and h.det == "none" \
                and b < h.head and _capitalized(doc[b]) and doc[h.head + 1:h.head + 2].text in ("“", "«", "\"", "/"):
            prev, b = "als", b - 1
        if prev == "als" and h.det == "none":
            before = [doc[k].lower_ for k in range(max(s0, b - 5), b - 1)]
            if b - 2 >= s0 and doc[b - 2].lower_ in p.comparatives:
                continue
            if any(w in p.characterization_verbs for w in before):
                continue
            clause = [doc[k].lower_ for k in range(s0, s1)]
            if (any(w in p.past_copulas for w in clause) or _has_phrase(after[:6], p.former_phrases)
                    or _has_phrase([doc[k].lower_ for k in range(max(s0, b - 6), b)], p.former_phrases)) \
                    and not any(w in ("seit", "derzeit", "aktuell") for w in clause):
                h.status = "former"
            h.binding = "als"
            h.extra["cue"] = b - 1
            continue
        # 6. "zum Gesandten ernannt", "zu seiner Vorsitzenden gewählt"
        if h.det == "poss" and h.np_start - 1 >= s0 and doc[h.np_start - 1].lower_ == "zu":
            prev, b = "zum", h.np_start
        if prev in ("zum", "zur"):
            sent_words = [doc[k].lower_ for k in range(s0, s1)]
            if any(w in p.appointment_verbs for w in sent_words):
                h.binding = "appointment"
                h.extra["cue"] = b - 1
                continue
        # 6b. relative clause: "Carl Bergengruen, der ab Februar Vorsitzender der Geschäftsführung sein wird"
        if h.det == "none" and not h.plural:
            r = next((x for x in range(h.np_start - 1, max(s0, h.np_start - 8) - 1, -1)
                      if doc[x].text in _PUNCT_STOP or doc[x].lower_ in ("der", "die")
                      and x - 1 >= s0 and doc[x - 1].text == ","), None)
            if r is not None and doc[r].lower_ in ("der", "die") and r < h.np_start:
                nm = _name_ending_at(ctx, r - 1)
                if nm is None and r - 2 >= s0 and doc[r - 2].is_lower and doc[r - 2].is_alpha:
                    nm = _name_ending_at(ctx, r - 2)      # "Carl Bergengruen beerben, der ..."
                tail = _clause_window(ctx, h.end, s1)[:14]
                cop = next((w for w in tail if w in _RELATIVE_COPULAS), None)
                if nm is not None and cop is not None and not any(
                        doc[x].pos_ == "VERB" for x in range(r + 1, h.np_start)):
                    h.binding, h.name = "predicative", nm
                    if cop in _FORMER_COPULAS or _has_phrase(tail, p.former_phrases):
                        h.status = "former"
                    continue
        # 6c. office noun: "Das Amt des Bundespräsidenten übte er 2004 aus", "in das Amt eines Bürgermeisters gewählt"
        if h.det in ("def", "indef") and not h.plural and h.np_start - 1 >= s0 \
                and doc[h.np_start - 1].lower_ in p.office_holding_nouns:
            words = [doc[k].lower_ for k in range(s0, s1)]
            former = any(w in p.office_verbs_former for w in words)
            if former or any(w in p.office_verbs_current or w in p.appointment_verbs for w in words):
                h.binding = "appointment" if any(w in p.appointment_verbs for w in words) and not former else "office"
                h.extra["cue"] = h.np_start - 1
                if former:
                    h.status = "former"
                continue
        # 7. reference: a role noun standing alone (not "den Posten des IWF-Chefs")
        if h.det in ("def", "poss", "posspers") and not h.plural and not (
                h.np_start - 1 >= s0 and doc[h.np_start - 1].lower_ in p.office_nouns):
            h.binding = "reference"
    # 8. "der Oberkommandierende General der US-Streitkräfte im Irak, General George Casey"
    at = {h.start: h for h in hits}
    ends = {h.end: h for h in hits}
    for h in hits:                    # "Elon Musk, Gründer und Geschäftsführer der Betreiberfirma SpaceX"
        if h.binding in (None, "reference") and h.np_start > 0 and doc[h.np_start - 1].lower_ == "und":
            before = ends.get(h.np_start - 1)
            if before is None:                  # "ein Repräsentant aus Minnesota und Marineoberst"
                before = next((ends[x] for x in range(h.np_start - 2, max(0, h.np_start - 5), -1) if x in ends
                               and all(doc[y].text not in _PUNCT_STOP and doc[y].pos_ not in ("VERB", "AUX")
                                       for y in range(x, h.np_start - 1))), None)
            if before is not None and before.binding == "apposition" and before.name is not None:
                h.binding, h.name = "apposition", before.name
                s0, s1 = ctx.sent_range(h.head)
                if _has_phrase(_clause_window(ctx, h.end, s1), p.former_phrases):
                    h.status = "former"               # "... und Marineoberst außer Dienst"
    for n, h in enumerate(hits):        # "als Übersetzer und Sprengfallenexperte tätig", "war 1990 Minister
        if h.binding is not None or h.det not in ("none", "indef") or n == 0:   # für X und von 1991 an Minister für Y"
            continue
        s0, _ = ctx.sent_range(h.head)
        und = next((x for x in range(h.np_start - 1, max(s0, h.np_start - 9) - 1, -1)
                    if doc[x].lower_ == "und" or (doc[x].text == "/" and x == h.np_start - 1)), None)
        if und is None or any(doc[x].text in _PUNCT_STOP or doc[x].pos_ in ("VERB", "AUX", "PROPN") or x in ctx.ent_of
                              or not (doc[x].is_lower or doc[x].like_num or doc[x].pos_ == "NOUN"
                                      or (not ctx.has_pos and doc[x].is_alpha and _analyze(ctx, doc[x]) is None))
                              for x in range(und + 1, h.np_start)):
            continue
        before = hits[n - 1]
        if before.binding not in ("als", "predicative") or before.sent != h.sent or before.head >= und \
                or und - before.end > 5 or any(doc[x].text in _PUNCT_STOP or doc[x].pos_ in ("VERB", "AUX")
                                               for x in range(before.end, und)):
            continue
        h.binding, h.name = before.binding, before.name
        h.extra["coord"] = before
        if before.status == "former":
            h.status = "former"
    for h in hits:
        if h.binding not in (None, "reference"):
            continue
        s0, s1 = ctx.sent_range(h.head)
        c = h.end
        if c < s1 and doc[c].lower_ in ("in", "im", "bei", "beim", "aus"):
            c2 = next((k for k in range(c + 1, min(c + 5, s1)) if doc[k].text in _PUNCT_STOP), None)
            if c2 is not None and doc[c2].text == ",":
                c = c2
        nxt = at.get(c + 1) if c < s1 and doc[c].lower_ in (",", "und") else None
        if nxt is not None and nxt.name is not None and nxt.binding in ("title_name", "title_comma_name"):
            h.binding, h.name = "title_chain", nxt.name
            if doc[c].lower_ == "und" and h.status == "former":
                nxt.status = "former"     # "Der frühere Bürgermeister und Justizsenator, Henning Scherf"
