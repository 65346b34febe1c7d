"""Conversation guide: its fields, answers, summary and renderings."""

import pytest

from worksheet_kit import WorksheetError

from .examples import conversation_guide


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"steps": []}, "guide: steps are missing"),
        ({"pause_rule": ""}, "guide: pause_rule is empty"),
        ({"steps": ["Speaker says"]}, "guide: step 1 must be a (who, prompt) pair"),
    ],
)
def test_validation_names_the_field(changes, message):
    with pytest.raises(WorksheetError) as error:
        conversation_guide(**changes)
    assert str(error.value).startswith(message)


def test_summary_lists_notes_by_step():
    notes = str(conversation_guide().summarise({"steps": {2: "I heard you."}}))
    assert "You wrote notes for 1 of 2 steps.\n  - Step 2: I heard you." in notes


def test_bad_step_is_named():
    with pytest.raises(
        WorksheetError, match="guide: answers name step 3, but the worksheet has steps 1 to 2"
    ):
        conversation_guide().check_answers({"steps": {3: "x"}})
