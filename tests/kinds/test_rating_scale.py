"""Rating scale: its fields, answers, summary and renderings."""

import pytest

from worksheet_kit import WorksheetError
from worksheet_kit.core.html import render_html

from .examples import rating_scale


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"anchors": []}, "scale: anchors are missing"),
        ({"scale": (2, 0)}, "scale: scale runs from 2 to 0: the lowest must come first"),
        ({"scale": (0, True)}, "scale: scale must be two whole numbers"),
        ({"anchors": ["a", "b"]}, "scale: anchors has 2 labels for 3 points"),
    ],
)
def test_validation_names_the_field(changes, message):
    with pytest.raises(WorksheetError) as error:
        rating_scale(**changes)
    assert str(error.value).startswith(message)


def test_summary_names_the_highest_and_the_lowest_items():
    summary = str(rating_scale().summarise({"items": {"one": 1, "two": 2, "three": 2}}))
    assert "You rated 3 of 3 items." in summary
    assert "Your highest rating was 2 (Often), for 2 items:\n  - Two\n  - Three\n" in summary
    assert "Your lowest rating was 1 (Sometimes), for 1 item:\n  - One\n" in summary
    assert summary.endswith("Still blank:\n  - One small step I will take this week")
    unrated = str(rating_scale().summarise({"items": {"two": 1}}))
    assert unrated.endswith(
        "Still blank:\n  - One\n  - Three\n  - One small step I will take this week"
    )
    same = str(rating_scale().summarise({"items": {"one": 2}}))
    assert "lowest" not in same


@pytest.mark.parametrize(
    ("given", "expected"),
    [(2, 2), (2.0, 2), (None, None)],
)
def test_whole_numbers_pass_as_json_gives_them(given, expected):
    assert rating_scale().check_answers({"items": {"two": given}})["items"]["two"] == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (3, "scale: answers item two is 3; use a whole number from 0 to 2"),
        (True, "scale: answers item two is true"),
        (1.5, "scale: answers item two is 1.5"),
        ("1", 'scale: answers item two is "1"'),
        ("x" * 5000, 'scale: answers item two is "xxxxxxxxxxxx'),
    ],
)
def test_bad_ratings_are_named(value, message):
    with pytest.raises(WorksheetError) as error:
        rating_scale().check_answers({"items": {"two": value}})
    assert str(error.value).startswith(message)


def test_form_offers_every_point_with_its_label():
    html = render_html(rating_scale(), prefix="p")
    assert html.count('type="radio"') == 9
    assert html.count("Sometimes") == 5  # the key, each item and the summary words
