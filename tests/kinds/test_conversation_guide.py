"""Conversation guide: its fields, answers, summary and renderings."""

import pytest

from worksheet_kit import WorksheetError

from .examples import conversation_guide


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"steps": []}, "guide: steps are missing"),
        ({"pause_rule": ""}, "guide: pause_rule is empty"),
        ({"steps": ["Speaker says"]}, "guide: step 1 must be a (key, who, prompt) triple"),
        ({"steps": [("Hurt", "Speaker", "Say.")]}, "guide: step 1 key 'Hurt' is not a key"),
        (
            {"steps": [("hurt", "Speaker", "Say."), ("hurt", "Listener", "Hear.")]},
            "guide: step 2 key 'hurt' repeats step 1's",
        ),
    ],
)
def test_validation_names_the_field(changes, message):
    with pytest.raises(WorksheetError) as error:
        conversation_guide(**changes)
    assert str(error.value).startswith(message)


def test_summary_lists_notes_by_step():
    notes = str(conversation_guide().summarise({"steps": {"back": "I heard you."}}))
    assert "You wrote notes for 1 of 2 steps.\n  - Step 2: I heard you." in notes


def test_bad_step_is_named():
    with pytest.raises(
        WorksheetError, match="guide: answers steps have no step \"bak\". Did you mean 'back'"
    ):
        conversation_guide().check_answers({"steps": {"bak": "x"}})
