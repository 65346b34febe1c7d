"""Reflection table: its fields, answers, summary and renderings."""

import pytest

from worksheet_kit import WorksheetError
from worksheet_kit.core.html import render_html

from .examples import reflection_table


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"columns": []}, "table: columns are missing"),
        ({"rows": 0}, "table: rows must be a whole number from 1 to 12"),
        ({"example": ["only one"]}, "table: example has 1 cells for 2 columns"),
        ({"example": ["ok", 3]}, "table: example 'Thought' must be text, not int"),
        ({"columns": ["Situation"]}, "table: column 1 must be a (key, text) pair"),
    ],
)
def test_validation_names_the_field(changes, message):
    with pytest.raises(WorksheetError) as error:
        reflection_table(**changes)
    assert str(error.value).startswith(message)


def test_summary_lists_filled_rows():
    rows = [{"situation": "Late text", "thought": ""}, {"situation": "", "thought": ""}]
    summary = str(reflection_table().summarise({"rows": rows}))
    assert "You filled 1 row.\n  - Situation: Late text\n" in summary
    # the row begun names its blank column; the spare row is not listed
    assert summary.endswith(
        "Still blank:\n  - Row 1: Thought\n  - One small step I will take this week"
    )


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([{"Situation": "x"}], 'table: answers row 1 has no column "Situation". Did you mean'),
        ([{}, {}, {"situation": "x"}], "table: answers have 3 rows, with text beyond row 2"),
        ("x", "table: answers rows must be a list of rows"),
    ],
)
def test_bad_rows_are_named(rows, message):
    with pytest.raises(WorksheetError) as error:
        reflection_table().check_answers({"rows": rows})
    assert str(error.value).startswith(message)


def test_blank_extra_rows_are_dropped():
    clean = reflection_table().check_answers({"rows": [{}, {}, {"situation": " "}]})
    assert len(clean["rows"]) == 2


def test_answers_cell_puts_one_column_a_line():
    template = reflection_table().answers_template()
    assert (
        '            "situation": "",  # Situation\n            "thought": "",  # Thought'
        in template
    )


def test_form_has_a_labelled_box_per_cell():
    html = render_html(reflection_table(), prefix="p")
    assert html.count("<textarea") == 2 * 2 + 1
    assert 'aria-label="Row 2: Thought"' in html
