"""The common nouns of per_frequent_noun (pipeline/extract/actors/data/open_gold_common_nouns.txt.gz)."""
import pytest


def test_list_holds_common_nouns_and_no_person_words():
    from pipeline.extract.actors.goldwords import common_nouns
    words = common_nouns()
    assert {"Dauer", "Schock", "Menü"} <= words
    for word in ("Merkel", "Wagner", "Müller", "Angela", "Koch", "Fischer"):   # names, nouns known already
        assert word not in words


def test_list_in_step_with_the_open_gold():
    from pipeline.extract.actors import goldwords
    if not (goldwords.SHARED / "data" / "ner" / "germeval2014" / "train.bio.tsv.gz").exists():
        pytest.skip("no shared NER data")
    assert goldwords.main(["--check"]) == 0
