"""Write-in prompts: open questions with real writing space."""

import pytest

from worksheet_kit import WorksheetError
from worksheet_kit.core.html import render_html
from worksheet_kit.core.text import render_text

from .examples import keyed, prompts


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"prompts": []}, "letter: prompts is empty"),
        ({"prompts": keyed("Why?", "why?")}, "letter: prompt 2 repeats prompt 1"),
        ({"lines": 1}, "letter: lines must be a whole number from 2 to 12"),
        ({"prompts": keyed(*["x"] * 13)}, "letter: prompts has 13 entries (at most 12)"),
    ],
)
def test_validation_names_the_field(changes, message):
    with pytest.raises(WorksheetError) as error:
        prompts(**changes)
    assert str(error.value).startswith(message)


def test_summary_keeps_each_answer_under_its_prompt():
    summary = str(prompts().summarise({"prompts": {"what-i-need-now": "Time.\nAnd honesty."}}))
    assert (
        "You answered 1 of 2 prompts.\n  - What I need now:\n    Time.\n    And honesty." in summary
    )


def test_answers_cell_has_one_string_per_prompt():
    namespace = {}
    exec(prompts().answers_template(), namespace)
    assert namespace["answers"]["prompts"] == {
        "what-happened-as-i-lived": "",
        "what-i-need-now": "",
    }


def test_form_gives_each_prompt_a_labelled_box_of_its_height():
    html = render_html(prompts(), prefix="p")
    assert html.count('rows="5"') == 2
    assert '<label for="p-letter-prompt-2" class="ws-prompt">What I need now:</label>' in html
    assert "2. What I need now: ____" in render_text(prompts())
