"""Cycle: the parts of a loop, each a box to write in."""

import pytest

from worksheet_kit import WorksheetError
from worksheet_kit.core.html import render_html

from .examples import cycle


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"stages": ["A", "B"]}, "loop: stages has 2 entries (at least 3)"),
        ({"stages": list("ABCDEFG")}, "loop: stages has 7 entries (at most 6)"),
        ({"centre": 3}, "loop: centre must be text, not int"),
    ],
)
def test_validation_names_the_field(changes, message):
    with pytest.raises(WorksheetError) as error:
        cycle(**changes)
    assert str(error.value).startswith(message)


def test_summary_counts_the_loop_and_adds_the_centre():
    summary = str(cycle().summarise({"stages": {"1": "left out"}, "centre": "closeness"}))
    assert "You filled 1 of 4 parts of the loop." in summary
    assert "- When I feel left out" in summary
    assert "- What we both want underneath: closeness" in summary


@pytest.mark.parametrize("count", [3, 4, 5, 6])
def test_form_places_every_box_around_the_loop(count):
    html = render_html(cycle(stages=[f"Part {n}" for n in range(count)]), prefix="p")
    assert html.count('class="ws-cycle-stage"') == count
    assert html.count("then back to box 1") == 1
