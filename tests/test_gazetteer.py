"""rules/gazetteer.yaml (gaz15): the 'lines:' section (one name a line) parses as strictly as the lists."""
import pytest

from pipeline.extract.actors.gazetteer import parse_gazetteer
from pipeline.ruleset import RuleError


def test_lines_section_adds_names_and_genitives():
    gaz = parse_gazetteer({"version": 1, "entries": {"company": ["Siemens"]},
                           "lines": {"company": "# a comment\nVoestalpine\n\nPalfinger AG\n", "city": "Remscheid\n"}},
                          "gazetteer.yaml")
    assert gaz.label("Voestalpine") == "ORG" and gaz.label("Voestalpines") == "ORG"
    assert gaz.label("Palfinger AG") == "ORG" and gaz.label("Remscheid") == "LOC"
    assert gaz.category("# a comment") is None
    assert gaz.by_first["Palfinger"] == ("Palfinger AGs", "Palfinger AG")      # longest first


@pytest.mark.parametrize("lines, entry, message", [
    ({"company": "Voestalpine, Palfinger\n"}, "lines.company", "one name a line"),
    ({"company": "- Voestalpine\n"}, "lines.company", "one name a line"),
    ({"city": "Siemens\n"}, "city", "listed under company as well"),
    ({"firm": "Voestalpine\n"}, "firm", "unknown category"),
    ({"company": ["Voestalpine"]}, "lines.company", "one name a line ('|' block)"),
])
def test_bad_line_fails_naming_file_and_entry(lines, entry, message):
    with pytest.raises(RuleError) as err:
        parse_gazetteer({"version": 1, "entries": {"company": ["Siemens"]}, "lines": lines}, "gazetteer.yaml")
    assert err.value.file == "gazetteer.yaml" and err.value.entry == entry and message in str(err.value)
