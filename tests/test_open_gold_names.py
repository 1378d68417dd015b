"""The list of per_open_gold_nonperson (pipeline/extract/actors/data/open_gold_nonpersons.tsv.gz)."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_list_holds_organisations_and_no_person_words():
    from pipeline.extract.actors.persons import open_gold_nonpersons
    table = open_gold_nonpersons()
    assert table["Schalke"] == "ORG" and table["Malteser"] == "ORG" and table["Westdeutschland"] == "LOC"
    for word in ("Merkel", "Wagner", "Ford", "Müller", "Angela"):      # words of gold person names
        assert word not in table
    assert set(table.values()) <= {"ORG", "LOC", "MISC"}


def test_list_in_step_with_the_open_gold():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import open_gold_names
    if not (open_gold_names.SHARED / "data" / "ner" / "germeval2014" / "train.bio.tsv.gz").exists():
        pytest.skip("no shared NER data")
    assert open_gold_names.main(["--check"]) == 0
