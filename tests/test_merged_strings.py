"""A missing comma between two items of a worksheet's list (issue 23, item 12)."""

from __future__ import annotations

import pytest
from conftest import REPO

from worksheet_kit.sphinxext.merged_strings import merged_items, merged_items_in_notebook


@pytest.mark.parametrize(
    ("code", "found"),
    [
        ('x = ["Big fights." "I feel alone."]', [(1, '"Big fights."', '"I feel alone."')]),
        (
            'x = [\n  "One",\n  "Big fights."\n  "I feel alone.",\n]',
            [(4, '"Big fights."', '"I feel alone."')],
        ),
        ('steps = [("you", "Say it." "Then wait.")]', [(1, '"Say it."', '"Then wait."')]),
        (
            'x = ["I said I would call "\n  "and did not."]',
            [],
        ),  # split on purpose: a space at the seam
        ('x = ("one " "two")', []),  # not an item of a list
        ('x = ["a", "b"]', []),
    ],
)
def test_merged_items(code, found):
    assert merged_items(code) == found


def test_the_books_worksheets_merge_no_items():
    for path in sorted((REPO / "worksheets").glob("*.md")):
        assert merged_items_in_notebook(path.read_text(encoding="utf-8")) == [], path.name
