"""The title scan: every role noun of a Doc with its organisation, status, determiner and number."""
from __future__ import annotations

import re

from spacy.attrs import POS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Token

from pipeline.ruleset import RuleSet
from .bindings import _bind_patterns
from .context import _ACRONYM, _AGE, _BOARD_NOUNS, _Ctx, _PUNCT_STOP
from .hits import Hit, _RANK, _set_org
from .names import _name_at
from .organizations import _adjectival, _category, _lemma_noun, _org_from_np
from .titles import _analyze, _choose
from .tokens import _capitalized, _deputy_adj, _former_adj, _is_adj


def _propn_tokens(doc: Doc) -> list[Token]:
    """The PROPN-tagged tokens in order (without making a Token for every word)."""
    if not len(doc):
        return []
    return [doc[i] for i in (doc.to_array([POS]).ravel() == PROPN).nonzero()[0].tolist()]


def _scan(ctx: _Ctx) -> list[Hit]:
    doc, p, orgs = ctx.doc, ctx.p, ctx.orgs
    hits: list[Hit] = []
    modifiers: set[int] = set()
    ent_orgs = {e.text.lower(): e.text for e in doc.ents if e.label_ in ("ORG", "MISC", "LOC")}
    for tok in _propn_tokens(doc):                    # "Mannesmann" elsewhere in the text
        if tok.pos_ == "PROPN" and tok.is_alpha and tok.i not in ctx.per_start and tok.lower_ not in ent_orgs \
                and (tok.i not in ctx.ent_of or ctx.ent_of[tok.i].label_ != "PER"):
            ent_orgs[tok.lower_] = tok.text
    i = 0
    while i < len(doc):
        t = doc[i]
        ent = ctx.ent_of.get(i)
        if ent is not None and ent.label_ in ("ORG", "LOC") and i != ent.start and "-" not in t.text:
            i += 1
            continue
        an = _analyze(ctx, t)
        if an is None:
            i += 1
            continue
        forms, hyph, cprefix = an
        if i + 1 < len(doc) and not hyph and not cprefix and t.text[0].isupper() \
                and any(f.title.head.lower().endswith(("der", "ter")) and t.lower_.endswith(("e", "en"))
                        for f in forms) and _analyze(ctx, doc[i + 1]) is not None:
            modifiers.add(i)              # "der Oberkommandierende General": adjective use
            i += 1
            continue
        form, start = _choose(ctx, forms, i)
        title = form.title
        s0, s1 = ctx.sent_range(i)
        h = Hit(head=i, start=start, end=i + 1, np_start=start, title=title, role=title.title,
                category=title.category, org=None, org_rank=0, status="current", det="none",
                plural=False, sent=ctx.sent_of[i])
        _set_org(h, title.organization, "default")
        h.extra["gender"] = form.gender if form.plural != "pl" else None
        deputy = False
        # --- prefixes inside the token
        if hyph:
            joined = "-".join(hyph)
            o = orgs.by_name(joined) if len(hyph) > 1 else None
            if o is None:                  # "Human Rights Watch-Sprecher", "IG Metall-Vorsitzenden"
                for n in (3, 2, 1):
                    if i - n >= s0 and all(_capitalized(doc[k]) and doc[k].lower_ not in p.determiners_definite
                                           and doc[k].lower_ not in p.determiners_indefinite
                                           for k in range(i - n, i)):
                        cand = " ".join([doc[k].text for k in range(i - n, i)] + [hyph[0]])
                        o = orgs.by_name(cand) or (orgs.by_name(cand) if cand.lower() in ent_orgs else None)
                        if o is not None:
                            h.start = h.np_start = start = i - n
                            break
            if o is not None:
                _set_org(h, o.name, "prefix_org" if o.actor_type != "location" else "prefix")
                hyph = []
        for part in hyph:
            pl = part.lower()
            if pl in p.former_prefixes:
                h.status = "former"
            elif pl in ("vize",):
                deputy = True
            elif pl in orgs.prefixes:
                if h.category == "diplomat_or_envoy" and pl not in orgs.abbrev_prefixes:
                    continue        # "Ukraine-Sondergesandter": the country is the topic
                o = orgs.prefixes[pl]
                if o.type == "party" and h.category in ("head_of_state_or_government", "minister"):
                    continue        # "CDU-Bundeskanzlerin": party affiliation, not the organisation
                _set_org(h, o.name, "prefix_org" if o.actor_type != "location" else "prefix")
            elif pl in orgs.topic_prefixes:
                pass
            elif _ACRONYM.match(part) and sum(c.isupper() for c in part) >= 2:
                _set_org(h, part, "prefix_org")
            elif pl in ent_orgs:
                _set_org(h, ent_orgs[pl], "prefix_org")
        if cprefix:
            info = ctx.lex.compound_prefixes.get(cprefix)
            if info:
                if info.get("status") == "former":
                    h.status = "former"
                if info.get("deputy"):
                    deputy = True
                _set_org(h, info.get("organization"), "compound")
            elif cprefix in orgs.prefixes or cprefix in ent_orgs or \
                    (cprefix.endswith("s") and cprefix[:-1] in orgs.prefixes):
                o = orgs.prefixes.get(cprefix) or orgs.prefixes.get(cprefix[:-1])
                _set_org(h, o.name if o else ent_orgs[cprefix], "prefix_org")   # "Mannesmannchef", "Unionsfraktionschef"
            elif not title.modifiers:
                h.role = cprefix[:1].upper() + cprefix[1:] + title.title[:1].lower() + title.title[1:]
        implied = h.org if h.org_rank == _RANK["default"] or (
            cprefix and h.org == (ctx.lex.compound_prefixes.get(cprefix) or {}).get("organization")) else None
        # --- left context: adjectives, determiner, possessive genitive
        k = start - 1
        adj_org = None
        while k >= s0:
            tk = doc[k]
            low = tk.lower_
            if k in modifiers:
                h.start = h.np_start = k
                k -= 1
                continue
            if low in ("und", "oder") and k - 1 >= s0 and doc[k - 1].text.endswith("-") and k == h.start - 1:
                h.start = h.np_start = k - 1          # "Handels- und Industrieminister"
                k -= 2
                continue
            if tk.like_num and re.fullmatch(r"(1[89]|20)\d\d", tk.text):
                break                             # a year: "von 2001 bis 2005 Bürgermeister"
            if tk.like_num and not _AGE.match(tk.text):
                h.det = "indef"
                h.plural = True
                h.np_start = k
                break
            if low in p.determiners_definite:
                h.det = "def"
                h.np_start = k
                break
            if low in p.determiners_indefinite:
                h.det = "indef"
                h.np_start = k
                break
            if low in p.possessives:
                h.det = "poss"
                h.np_start = k
                break
            if _is_adj(ctx, tk) or low in orgs.adjectives or (tk.is_alpha and (
                    tk.is_lower or (k == h.np_start - 1 and _capitalized(tk))) and (
                    _former_adj(ctx, low) or _deputy_adj(ctx, low))) or (
                    k == h.np_start - 1 and _adjectival(tk)):   # "Technischer Berater", "Stellvertretender"
                if _former_adj(ctx, low):
                    h.status = "former"
                    h.start = k
                elif _deputy_adj(ctx, low):
                    deputy = True
                    h.start = k
                elif low in orgs.adjectives:
                    adj_org = orgs.adjectives[low].name
                    h.start = k
                elif any(low.startswith(c) for c in p.current_adjectives):
                    h.start = k
                h.np_start = k
                k -= 1
                continue
            if _capitalized(tk) and low.endswith("s") and k < start:
                org = orgs.by_name_or_genitive(tk.text)
                if org is not None:
                    h.det = "poss"
                    _set_org(h, org.name, "possessive")
                    h.np_start = h.start = k
                    break
                e = ctx.ent_of.get(k)
                if (e is not None and e.label_ == "PER") or (k > s0 and doc[k - 1].text == "."):
                    h.det = "posspers"
                    h.np_start = k
                    break
                if _name_at(ctx, k, k + 1) and tk.pos_ in ("PROPN", ""):
                    h.det = "posspers"
                    h.np_start = k
                    break
            # "der für das Kosovo zuständige serbische Minister": skip a PP inside the noun phrase
            if k + 1 < i and doc[k + 1].is_lower and doc[k + 1].lower_.endswith(("zuständige", "zuständigen",
                                                                                  "verantwortliche", "verantwortlichen")):
                pp = next((x for x in range(k - 1, max(s0, k - 4) - 1, -1)
                           if doc[x].lower_ in ("für", "im", "in", "bei", "beim")), None)
                if pp is not None and all(doc[x].text not in _PUNCT_STOP for x in range(pp, k)):
                    h.np_start = pp
                    k = pp - 1
                    continue
            break
        if adj_org and not (h.category in p.nationality_only_categories):
            _set_org(h, adj_org, "adjective")
        if deputy and not h.role.lower().startswith(("vize", "stellvertret")):
            vize = "Vize" + h.role[:1].lower() + h.role[1:]
            if vize in ctx.lex.titles:                       # "Vize-Präsident" -> Vizepräsident
                h.title, h.role, h.category = ctx.lex.titles[vize], vize, ctx.lex.titles[vize].category
            else:
                h.role = "stellvertretender " + h.role
        # --- number
        mnum = t.morph.get("Number")
        if h.plural:
            pass                                  # a count before the title ("57 US-Soldaten")
        elif mnum:
            h.plural = mnum[0] == "Plur"
            d0 = doc[h.np_start]
            prev = doc[h.np_start - 1] if h.np_start > s0 else None
            if h.plural and form.plural != "pl" and (
                    d0.lower_ in ("dem", "des", "ein", "einem", "eines", "einen")
                    or (d0.lower_ == "der" and prev is not None
                        and (prev.pos_ in ("VERB", "AUX") or prev.lower_ in p.subject_cues))):
                h.plural = False          # a weaker tagger's Plur on "sagte der SPD-Politiker", "dem Politiker"
        else:
            h.plural = form.plural == "pl" or (h.det == "def" and doc[h.np_start].lower_ == "die"
                                                and form.gender != "f" and form.plural != "sg")
        # --- right context: genitive / von complement
        j = i + 1
        if j + 1 < s1 and doc[j].text in ("“", "«", "\"") and h.np_start - 1 >= s0 \
                and doc[h.np_start - 1].text in ("„", "»", "\"") and doc[j + 1].lower_ in ("des", "der", "von", "vom"):
            j += 1                        # als „Technischer Leiter“ der Firma X
        if _name_at(ctx, j, s1) is None and j < s1:
            low = doc[j].lower_
            membership = title.title == "Mitglied" and low == "im" and h.org is None   # "Mitglied im SPD-Landesvorstand"
            if low in ("von", "vom") and j + 1 < s1:
                for n in range(min(7, len(doc) - j - 1), 0, -1):     # "von Bündnis 90/Die Grünen"
                    if any(x.text in (",", ".", ";", ":") for x in doc[j + 1:j + 1 + n]):
                        continue                  # (the sentence splitter may cut inside the name)
                    o = orgs.by_name(doc[j + 1:j + 1 + n].text)
                    if o is not None and (n > 1 or doc[j + 1].lower_ not in ("der", "die", "dem", "den")):
                        _set_org(h, o.name, "genitive")
                        h.end = j + 1 + n
                        low = ""
                        break
            if (low in ("des", "der", "vom", "von") or membership) and j + 1 < s1:
                det = "des" if low in ("des", "vom") else "der" if low != "im" else "dem"
                k2 = j + 1
                if low == "von" and doc[k2].lower_ in ("der", "den", "dem"):
                    k2 += 1
                np: list[Token] = []
                while k2 < s1 and len(np) < 8:
                    tk = doc[k2]
                    if k2 in ctx.per_start and np:
                        break
                    if tk.text in ("„", "“", "»", "«", "\"", "''") and (np or tk.text in ("„", "»", "\"", "''")):
                        if np and tk.text in ("“", "«", "\"", "''"):
                            if any(x.text in ("„", "»", "\"", "''") for x in np):
                                np.append(tk)     # (not the quote closing the title: als „Chef des Beirates“)
                                k2 += 1
                            break
                        np.append(tk)             # der „New York Times“
                        k2 += 1
                        continue
                    if tk.text == "(" and k2 + 2 < s1 and doc[k2 + 2].text == ")" and _ACRONYM.match(doc[k2 + 1].text):
                        np += [tk, doc[k2 + 1], doc[k2 + 2]]
                        k2 += 3
                        break
                    if np and k2 < s1 and (k2 in ctx.per_start or tk.pos_ == "PROPN" or tk.text in ctx.given) and \
                            orgs.by_name_or_genitive(" ".join(x.text for x in np)) is not None and \
                            orgs.by_name_or_genitive(" ".join(x.text for x in np + [tk])) is None:
                        break                     # "der Deutschen Bank Josef Ackermann"
                    if np and tk.text[:1].isdigit() and k2 + 1 < s1 and (_capitalized(doc[k2 + 1]) or "/" in tk.text):
                        np.append(tk)             # "Bündnis 90/Die Grünen"
                        k2 += 1
                        continue
                    if (_capitalized(tk) or tk.text.split("-")[-1][:1].isupper()) and (
                            tk.is_alpha or "-" in tk.text or _ACRONYM.match(tk.text) or tk.text[-1:].isdigit()):
                        if ctx.lex.lookup(tk.text) and np:
                            break
                        np.append(tk)
                        k2 += 1
                        continue
                    if tk.text[0].islower() and _is_adj(ctx, tk) and k2 + 1 < s1 and _capitalized(doc[k2 + 1]):
                        np.append(tk)
                        k2 += 1
                        continue
                    if tk.lower_ in ("for", "of", "the", "and", "de", "du", "des", "la") and np and \
                            k2 + 1 < s1 and _capitalized(doc[k2 + 1]) and ctx.ent_of.get(k2) is not None:
                        np.append(tk)
                        k2 += 1
                        continue
                    break
                if low == "von" and doc[j + 1].lower_ not in ("der", "den", "dem"):
                    e0 = ctx.ent_of.get(np[0].i) if np else None
                    ok = bool(np) and ((e0 is not None and e0.label_ != "PER" and np[0].text not in ctx.person_words)
                                       or orgs.by_name_or_genitive(np[0].text) is not None
                                       or orgs.by_name(" ".join(x.text for x in np)) is not None
                                       or (e0 is None and np[0].pos_ == "PROPN" and np[0].text not in ctx.person_words
                                           and title.category == "head_of_state_or_government"))
                else:
                    ok = bool(np)
                board = ok and len(np) == 1 and any(np[0].lower_.endswith((b, b + "s", b + "es")) for b in _BOARD_NOUNS)
                org = _org_from_np(ctx, np, det) if ok and not board else None
                if org:
                    _set_org(h, org, "genitive")
                    h.end = np[-1].i + 1
                elif board:
                    h.end = np[-1].i + 1          # "Vorsitzender der Geschäftsführung im Studio Hamburg"
                    k3 = h.end
                    if k3 + 1 < s1 and doc[k3].lower_ in ("im", "beim", "bei", "von", "vom", "der", "des"):
                        e3 = ctx.ent_of.get(k3 + 1)
                        o3 = orgs.by_name_or_genitive(doc[k3 + 1].text)
                        if e3 is not None and e3.start == k3 + 1 and e3.label_ in ("ORG", "MISC", "LOC"):
                            o3 = orgs.by_name_or_genitive(e3.text)
                            _set_org(h, o3.name if o3 else e3.text, "genitive")
                            h.end = e3.end
                        elif o3 is not None:
                            _set_org(h, o3.name, "genitive")
                            h.end = k3 + 2
                    if h.org is None:             # no company named: the board itself ("Chef des Verwaltungsrats")
                        _set_org(h, _lemma_noun(np[0], det), "genitive")
        # "der Verteidigungsminister Österreichs", "Ministerpräsident Kanadas"
        if h.end < s1 and h.end == i + 1 and _capitalized(doc[h.end]) and doc[h.end].lower_.endswith("s"):
            o = orgs.by_name(doc[h.end].text[:-1])
            if o is not None and o.actor_type == "location":
                _set_org(h, o.name, "genitive")
                h.end += 1
        if implied is not None and h.org == implied and h.org_rank <= _RANK["compound"] \
                and ctx.implied_org_doubtful(implied):
            h.org, h.org_rank = None, 0       # "Bundespräsident" in an article about Switzerland
        # category for generic titles
        h.category = _category(ctx, title, h.org)
        hits.append(h)
        i += 1
    return hits


class Scan:
    """Title hits of a Doc after the pattern binding, before resolution: what
    :func:`name_spans` and :func:`roles` both start from. ``extract`` computes it once
    and hands it to both (the Doc must not change in between)."""

    def __init__(self, doc: Doc, rules: RuleSet):
        self.doc, self.rules = doc, rules
        self.ctx = _Ctx(doc, rules)
        self.hits = _scan(self.ctx)
        _bind_patterns(self.ctx, self.hits)
        self.used = False
