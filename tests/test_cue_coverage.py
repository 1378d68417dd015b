"""benchmarks/cue_coverage.py (cue13): which gold cues the speech lexicon knows, and the hand labels."""
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import cue_coverage as C  # noqa: E402

TYPES = {"speech", "cognition", "perception", "emotion", "action", "np_act", "document", "evidence", "source", "noun",
         "other"}


def _lex():
    from pipeline.ruleset import load_rules
    return C.Lexicon(load_rules())


def test_known_cues_of_the_lexicon():
    lex, table = _lex(), C.lemma_table()

    def known(words, ptc=()):
        return lex.known(list(words), list(ptc), [table.get(w, w) for w in words])
    assert known(["sagte"])
    assert known(["teilte"], ["mit"])                  # split particle verb (SpkAtt PTC)
    assert known(["gab", "bekannt"])                   # Wikinews: the particle inside the cue
    assert known(["Polizeiangaben"])                   # a compound with a source-noun head
    assert known(["zufolge"]) and known(["wonach"])
    assert not known(["formulierte"])                  # labelled speech, not kept (see the labels file)
    assert not known(["gehört"])                       # perception


def test_group_key_joins_a_split_particle_and_lemmatises():
    table = C.lemma_table()
    particles = frozenset({"hin", "vor", "mit"})
    assert C.group_key(["weist"], ["hin"], [False], table, particles) == ("hin_weisen", "particle verb")
    assert C.group_key(["Anträge"], [], [False], table, particles) == ("Antrag", "noun")
    assert C.group_key(["hat", "vorgelegt"], [], [False, False], table, particles)[0] == "vorlegen"


def test_labels_have_known_types_and_reasons():
    labels = yaml.safe_load(C.LABELS.read_text(encoding="utf-8"))
    assert labels and all(v["type"] in TYPES for v in labels.values())
    for key, v in labels.items():
        if "kept" in v:
            assert v["why"], key
