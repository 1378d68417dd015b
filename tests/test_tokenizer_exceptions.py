"""pipeline/tokenizer_exceptions.txt: Austrian and German degrees before a name stay one token, so the title, the
degree and the name are one sentence and the role is found (seventeenth session; found on the blind set j)."""
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.nlp import ModelInfo, tokenizer_exceptions

MODEL_DIR = Path(__file__).resolve().parents[1] / "pipeline" / "models" / "de_news"
needs_model = pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="pipeline/models/de_news missing")


@pytest.fixture(scope="module")
def model_nlp(de_news):
    return de_news


@pytest.fixture(scope="module")
def rules():
    from pipeline.ruleset import load_rules
    return load_rules()


def test_exceptions_are_read_and_keyed():
    words, digest = tokenizer_exceptions()
    assert "Mag." in words and "Hon.-Prof." in words and "Dir." not in words and "Dr.-Ing." not in words
    assert ModelInfo("de_news", "0.1.0", "", "own", ()).key.endswith(f"-tok{digest}")


@needs_model
def test_mag_before_a_name_keeps_the_role(model_nlp, rules):
    doc = model_nlp("Die Leitner Versicherung AG legte am Dienstag ihre Bilanz vor. Generaldirektor Mag. Johannes "
                    "Prammer sprach bei der Präsentation in Wien von einem guten Jahr.")
    mag = next(t for t in doc if t.text.startswith("Mag"))
    assert mag.text == "Mag." and not doc[mag.i + 1].is_sent_start
    ex = extract(doc, rules)
    names = {a.key: a.name for a in ex.actors}
    assert [(names[r.actor_key], r.role, r.organization) for r in ex.roles] == \
        [("Johannes Prammer", "Generaldirektor", "Leitner Versicherung AG")]


@needs_model
def test_degree_di_between_title_and_name(model_nlp, rules):
    ex = extract(model_nlp("Betreiber ist die Gesundheitsverbund Oberland GmbH. Geschäftsführerin DI Daniela "
                           "Kathrein sagte, die Ärzte seien da."), rules)
    names = {a.key: a.name for a in ex.actors}
    assert [(names[r.actor_key], r.role, r.organization) for r in ex.roles] == \
        [("Daniela Kathrein", "Geschäftsführer", "Gesundheitsverbund Oberland GmbH")]


# ----------------------------------------------------------------------------- pipeline/no_split_after.txt (role21b)
def _roles(doc, rules):
    ex = extract(doc, rules)
    names = {a.key: a.name for a in ex.actors}
    return [(names[r.actor_key], r.role) for r in ex.roles]


NO_SPLIT_CASES = [
    ("Die Verteidigung hatte auf Freispruch plädiert.\n\nOberstaatsanwältin Dr. Eva Hofer sah das anders.", "Dr.",
     [("Eva Hofer", "Oberstaatsanwalt")]),
    ("Der Vorstand sprach von einem schwierigen Jahr.\n\nGeneraldirektor Mag. Johannes Weber sprach von Wachstum.",
     "Mag.", [("Johannes Weber", "Generaldirektor")]),
]


@needs_model
@pytest.mark.parametrize("text,abbr,want", NO_SPLIT_CASES)
def test_no_split_after_title(model_nlp, rules, text, abbr, want):
    """Without the component the parser starts a sentence at the name (both texts) and the role is lost."""
    for off in (True, False):
        with model_nlp.select_pipes(disable=["no_split_after_title"] if off else []):
            doc = model_nlp(text)
        t = next(t for t in doc if t.text == abbr)
        assert doc[t.i + 1].is_sent_start is off
        assert all(r in _roles(doc, rules) for r in want) is not off


def test_no_split_after_title_only_before_a_name():
    """A hand-built tagged Doc: "Dr." before a name (NE) is no sentence end, "Dr. Danach" (adverb) is left alone."""
    from spacy.lang.de import German
    from spacy.tokens import Doc
    from pipeline.nlp import no_split_after_title
    words = ["Sie", "machte", "ihren", "Dr.", "Danach", "traf", "sie", "Dr.", "Eva", "Hofer", "."]
    tags = ["PPER", "VVFIN", "PPOSAT", "NN", "ADV", "VVFIN", "PPER", "NN", "NE", "NE", "$."]
    doc = no_split_after_title(Doc(German().vocab, words=words, tags=tags))
    assert doc[4].is_sent_start is None and doc[8].is_sent_start is False


def test_no_split_after_is_read_and_keyed():
    from pipeline.nlp import no_split_after
    assert {"Dr.", "Mag.", "Dipl.-Ing."} <= no_split_after() and "Dir." not in no_split_after()
    assert ModelInfo("de_news", "0.1.0", "", "own", ()).key.endswith(f"-tok{tokenizer_exceptions()[1]}")
