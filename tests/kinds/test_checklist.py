"""Checklist: its fields, answers, summary and renderings."""

import pytest

from worksheet_kit import WorksheetError
from worksheet_kit.core.html import render_html
from worksheet_kit.core.text import render_text

from .examples import checklist, keyed


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"items": []}, "check: items is empty"),
        ({"items": keyed("One", " ")}, "check: item 2 is empty"),
        ({"items": keyed(*"ABCDEFa")}, "check: item 7 repeats item 1"),
        ({"items": keyed("x" * 241)}, "check: item 1 is 241 characters long (at most 240)"),
        ({"items": "Hi"}, "check: items must be a list, not str"),
        ({"items": keyed("One\x00")}, "check: item 1 holds a control character"),
        ({"items": ["One"]}, "check: item 1 must be a (key, text) pair"),
        ({"items": [("One", "One")]}, "check: item 1 key 'One' is not a key"),
        ({"items": [("o" * 25, "One")]}, "check: item 1 key 'ooooooooooooooooooooooooo' is not"),
        ({"items": [("1st", "One")]}, "check: item 1 key '1st' is not a key"),
        ({"items": [("one", "One"), ("one", "Two")]}, "check: item 2 key 'one' repeats item 1's"),
        ({"items": [("one", "One", 0)]}, "check: item 1 revision must be a whole number"),
    ],
)
def test_validation_names_the_field(changes, message):
    with pytest.raises(WorksheetError) as error:
        checklist(**changes)
    assert str(error.value).startswith(message)


def test_summary_lists_ticked_items_and_the_note():
    worksheet = checklist(if_marked="Talk to someone you trust.")
    text = str(
        worksheet.summarise({"items": {"one": True, "three": True}, "next_step": "Call a friend."})
    )
    assert "You marked 2 of 3 items." in text
    assert "- One" in text and "- Three" in text and "- Two" not in text
    assert "Talk to someone you trust." in text
    assert "One small step I will take this week: Call a friend." in text
    assert "Talk to someone" not in str(worksheet.summarise({}))


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"items": {4: True}}, "check: answers items have no item 4. The keys are: 'one'"),
        ({"items": {"1": True}}, 'check: answers items have no item "1"'),
        (
            {"items": {"thre": True}},
            "check: answers items have no item \"thre\". Did you mean 'three'?",
        ),
        ({"items": {"one": "yes"}}, "check: answers item one must be True or False"),
    ],
)
def test_bad_answers_are_named(answers, message):
    with pytest.raises(WorksheetError) as error:
        checklist().check_answers(answers)
    assert str(error.value).startswith(message)


def test_renderings_show_every_item_as_a_box():
    html = render_html(checklist(), prefix="p")
    assert html.count('type="checkbox"') == 3 and 'name="items.three"' in html
    assert render_text(checklist()).count("[ ]") == 3
