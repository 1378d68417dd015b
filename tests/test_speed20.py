"""Issue 16, speed20: the exact gates of pipeline/extract/gates.py give what the ungated rules give, on real text;
each gate's table agrees with the code of the rules it skips."""
import ast
import inspect
import textwrap
from pathlib import Path

import pytest

from pipeline.extract import extract, gates
from pipeline.extract.actors import persons
from pipeline.extract.actors.check_gates import CHECK_GUARDS, check_plan
from pipeline.ingest import read_file
from pipeline.ruleset import load_rules

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [
    "Bundeskanzler Friedrich Merz sagte am Montag in Berlin, man prüfe den Vorschlag. Merz fügte hinzu, die Lage sei "
    "ernst. Der Tropensturm Rita zog über Florida. Zwischen Bremen Hbf und Osnabrück Hbf fielen Züge aus. Das Robert "
    "Koch-Institut meldete 500 Fälle. In der Karl-Liebknecht-Straße demonstrierten Anhänger von Peychaud's Bitters.",
    "„Wir bleiben“, sagte Anna Weber. Weber ist Sprecherin der Kreisklinik Mühldorf. Auch Whiskey und Cognac wurden "
    "serviert. Laut Polizei Köln wurde niemand verletzt; Stau gab es auf der A3. Schulze und Meier kamen aus Frankfurt "
    "am Main, der Flughafen Franz Josef Strauß war gesperrt. Herr Schulze nannte das »Unsinn«.",
]


def _corpus_texts() -> list[str]:
    out = []
    for p in sorted((ROOT / "corpus").iterdir()):
        for a in read_file(p):
            if hasattr(a, "body_text"):
                out.append(a.body_text)
    return out


def _extract_ungated(de_news, gate: str) -> None:
    """Extract every test text with ``gate`` off."""
    rules = load_rules()
    with gates.ungated(gate):
        for text in TEXTS + _corpus_texts():
            extract(de_news(text), rules)


# ----------------------------------------------------------------------------- the person checks' guards
def _is_len_sp(node) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len" \
        and len(node.args) == 1 and isinstance(node.args[0], ast.Name) and node.args[0].id == "sp"


def _size(node):
    """``len(sp) != 1`` -> 1 (only a name of one word passes), ``len(sp) < 2`` -> 2 (only several words)."""
    if isinstance(node, ast.Compare) and _is_len_sp(node.left) and len(node.ops) == 1 \
            and isinstance(node.comparators[0], ast.Constant):
        op, k = node.ops[0], node.comparators[0].value
        if isinstance(op, ast.NotEq) and k == 1:
            return 1
        if isinstance(op, ast.Lt) and k == 2:
            return 2
    return None


def _support(node):
    """``has_support(doc, sp, ctx)`` -> True, ``has_support(doc, sp, ctx, speech=False)`` -> False."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "has_support" \
            and [getattr(a, "id", None) for a in node.args] == ["doc", "sp", "ctx"]:
        kw = {k.arg: k.value for k in node.keywords}
        if not kw:
            return True
        if set(kw) == {"speech"} and isinstance(kw["speech"], ast.Constant):
            return bool(kw["speech"].value)
    return None


def derive_guard(fn):
    """(size, support) of a check whose first statement (after plain assignments without a call) is
    ``if A or B or ...: return None`` with ``len(sp) != 1`` / ``len(sp) < 2`` / ``has_support(...)`` among the
    alternatives; None when the code shows no such guard."""
    body = ast.parse(textwrap.dedent(inspect.getsource(fn))).body[0].body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]                                    # the docstring
    for st in body:
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name) \
                and not any(isinstance(n, ast.Call) for n in ast.walk(st.value)):
            continue                                       # "t = sp[0]", "w = sp[0].text"
        ret = st.body[0] if isinstance(st, ast.If) and len(st.body) == 1 else None
        if st.__class__ is not ast.If or st.orelse or not isinstance(ret, ast.Return) \
                or not (ret.value is None or (isinstance(ret.value, ast.Constant) and ret.value.value is None)):
            return None
        alts = st.test.values if isinstance(st.test, ast.BoolOp) and isinstance(st.test.op, ast.Or) else [st.test]
        size = next((s for s in map(_size, alts) if s), None)
        sup = next((s for s in map(_support, alts) if s is not None), None)
        return (size, sup) if size or sup is not None else None
    return None


def test_check_guards_agree_with_the_check_code():
    """Every guard of the table is what the check's own first test returns None for (a check whose first test
    changed must change its entry)."""
    assert CHECK_GUARDS
    for rid, guard in CHECK_GUARDS.items():
        assert rid in persons.CHECKS, rid
        assert derive_guard(persons.CHECKS[rid]) == guard, rid


def test_check_plan_keeps_the_order_and_drops_only_guarded_sizes():
    order = list(load_rules()["actors"].person_checks)
    for one in (True, False):
        plan = [rid for rid, _ in check_plan(order, one)]
        assert plan == [r for r in order if CHECK_GUARDS.get(r, (None, None))[0] in (None, 1 if one else 2)]
        assert check_plan(order, one) is check_plan(order, one)


def test_person_verdicts_equal_with_and_without_the_gate(de_news):
    """Every PER span of real text: the gated runner gives the same verdict as every check run in order."""
    from pipeline.extract.actors import layer
    rules = load_rules()
    order = list(rules["actors"].person_checks)
    n = 0
    for text in TEXTS + _corpus_texts():
        doc = de_news(text)
        ctx = layer._person_ctx(rules, [], lambda w: False, set())
        if ctx is None:
            pytest.skip("no actors rules")
        ctx.extra["org_names"] = set()
        for e in doc.ents:
            with gates.ungated("person_checks"):
                plain = persons.verdict(doc, e, ctx, order)
            assert persons.verdict(doc, e, ctx, order) == plain, e.text
            n += 1
    assert n > 50


def test_extract_equal_with_and_without_gates(de_news):
    rules = load_rules()
    for text in TEXTS + _corpus_texts():
        doc = de_news(text)
        with gates.ungated():
            plain = repr(extract(doc, rules))
        assert repr(extract(doc, rules)) == plain


def test_ungated_restores_the_switches():
    before = dict(gates.ENABLED)
    with gates.ungated():
        assert not any(gates.ENABLED.values())
    assert gates.ENABLED == before and gates.on("person_checks")


# ----------------------------------------------------------------------------- the verb sites' gate
def test_each_verb_rule_gives_nothing_where_its_sign_is_missing(de_news, monkeypatch):
    """Every speech verb site of real text, gate off: a verb rule whose sign (verb_gates.VERB_RULE_NEEDS) the site
    lacks returns None (each rule tried on a fresh site, so no rule's changes reach another)."""
    from pipeline.extract.claims.registry import REGISTRY
    from pipeline.extract.claims.rules import sentence, verb
    from pipeline.extract.claims.verb_gates import VERB_RULE_NEEDS, may_claim
    plain = verb.verb_claim
    seen = {"sites": 0, "refused": 0}

    def checked(c, h, si, a, b, used, out, only_inverted=False):
        for name, need in VERB_RULE_NEEDS.items():
            v = verb.VerbSite(c, h, si, a, b, set(used), list(out), only_inverted)
            if not may_claim(c, h, a, b, v.lo, v.hi, frozenset([need])):
                seen["refused"] += 1
                assert REGISTRY[name].fn(v) is None, (name, c.doc[a:b].text)
        seen["sites"] += 1
        return plain(c, h, si, a, b, used, out, only_inverted)

    monkeypatch.setattr(sentence, "verb_claim", checked)
    _extract_ungated(de_news, "verb_sites")
    assert seen["sites"] > 30 and seen["refused"] > 100


def test_verb_gate_is_off_for_a_rule_it_does_not_know():
    from pipeline.extract.claims.registry import REGISTRY
    from pipeline.extract.claims.verb_gates import VERB_RULE_NEEDS, stage_needs
    fns = [REGISTRY[n].fn for n in VERB_RULE_NEEDS]
    assert stage_needs(fns) == frozenset(VERB_RULE_NEEDS.values())
    other = next(r.fn for r in REGISTRY.values() if r.stage == "quote")
    assert stage_needs(fns + [other]) is None


# ----------------------------------------------------------------------------- the sentence rules' gate
def test_gated_sentence_rules_find_nothing_without_their_cue_word(de_news, monkeypatch):
    """Every sentence of real text, gate off: a sentence rule of sentence_gates.SENTENCE_RULE_NEEDS run on a sentence
    without a word of its need adds no claim and uses no token (run on a copy of the sentence's state)."""
    import pipeline.extract.claims as claims_pkg
    from pipeline.extract.claims.context import Sent
    from pipeline.extract.claims.registry import REGISTRY
    from pipeline.extract.claims.sentence_gates import SENTENCE_RULE_NEEDS, _positions
    plain = claims_pkg.sentence_claims
    seen = {"refused": 0, "held": 0}

    def checked(c, si, a, b, found, covered):
        for name, need in SENTENCE_RULE_NEEDS.items():
            if any(a <= i < b for i in _positions(c, need)):
                seen["held"] += 1
                continue
            s = Sent(c, si, a, b, list(found), set(covered))
            used = set(s.used)
            REGISTRY[name].fn(s)
            assert s.out == [] and s.used == used, (name, c.doc[a:b].text)
            seen["refused"] += 1
        return plain(c, si, a, b, found, covered)

    monkeypatch.setattr(claims_pkg, "sentence_claims", checked)
    _extract_ungated(de_news, "sentence_rules")
    assert seen["refused"] > 200 and seen["held"] > 0


def test_sentence_gate_positions_are_the_cue_words(de_news):
    from pipeline.extract.claims.context import Ctx
    from pipeline.extract.claims.sentence_gates import _positions
    rules = load_rules()
    doc = de_news("Er äußerte die Hoffnung, die Lage werde sich bessern. Demnach sei alles gut. Sie zeigte sich "
                  "zuversichtlich, dass es klappt. Mit der Aufforderung, die Waffen niederzulegen, endete das Treffen. "
                  "Laut Polizei gab es keine Verletzten. „Wir bleiben“, sagte sie.")
    c = Ctx(doc, rules["speech"], extract(doc, rules).actors, rules["words"])
    R, adjs = rules["speech"], c.w.claim_adjectives
    assert _positions(c, "claim_cue") == [t.i for t in doc if t.text in R.claim_nouns or t.lower_ in adjs]
    assert _positions(c, "demand_noun") == [t.i for t in doc if t.text in R.demand_nouns]
    assert _positions(c, "source_adverb") == [
        t.i for t in doc if t.lower_ in R.source_adverbs or t.lower_ in R.context_source_adverbs]
    assert {"Hoffnung", "zuversichtlich"} <= {doc[i].text for i in _positions(c, "claim_cue")}
    assert [doc[i].text for i in _positions(c, "source_adverb")] == ["Demnach"]
    assert "Aufforderung" in [doc[i].text for i in _positions(c, "demand_noun")]
    assert _positions(c, "trigger:source_prep") == c.triggered("source_prep", 0, len(doc))
    assert _positions(c, "quote_start") == sorted(qs for qs, _, q in c.quote_tok if q.depth == 0)
