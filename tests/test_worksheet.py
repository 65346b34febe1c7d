"""What every worksheet shares: common fields, types, versions, answer files.

Each kind's own fields, answers and summary are tested in ``tests/kinds/``.
"""

from __future__ import annotations

import json

import pytest
from kinds.examples import COMMON, EXAMPLES, NASTY, checklist, keyed, rating_scale

from worksheet_kit import Checklist, WorksheetError, from_data
from worksheet_kit.core.editions import envelope, load_answers


@pytest.mark.parametrize("build", EXAMPLES)
def test_valid_worksheets_round_trip_through_data(build):
    worksheet = build()
    assert from_data(json.loads(json.dumps(worksheet.to_data()))) == worksheet


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id": "Not A Slug"}, "Not A Slug: id 'Not A Slug' is not a slug"),
        ({"title": "t" * 81}, "check: title is 81 characters long (at most 80)"),
        ({"minutes": 0}, "check: minutes must be a whole number from 1 to 180"),
        ({"minutes": True}, "check: minutes must be a whole number from 1 to 180"),
        ({"who": ["couple"]}, "check: who 'couple' is unknown"),
        ({"who": "alone"}, "check: who must be a list, not str"),
        ({"who": {"alone"}}, "check: who must be a list, not set"),
        ({"privacy": ""}, "check: privacy is empty"),
        ({"purpose": 3}, "check: purpose must be text, not int"),
        ({"keep": "forever"}, "check: keep 'forever' is unknown (use one of 'device', 'tab'"),
        ({"keep": False}, "check: keep False is unknown"),
        ({"itemz": ["x"]}, "check: itemz is not a field of a checklist"),
        (
            {"items": keyed("One", "Two", *"ABCD") + [("one", "Three")]},
            "check: item 7 key 'one' repeats item 1's",
        ),
    ],
)
def test_common_fields_name_worksheet_and_field(changes, message):
    with pytest.raises(WorksheetError) as error:
        checklist(**changes)
    assert str(error.value).startswith(message)


def test_a_missing_field_is_named():
    data = {k: v for k, v in COMMON.items() if k != "privacy"}
    with pytest.raises(WorksheetError, match="^check: privacy is missing"):
        Checklist(id="check", items=keyed("One"), **data)


def test_unknown_kind_is_named():
    with pytest.raises(WorksheetError, match="kind 'quiz' is unknown"):
        from_data({"kind": "quiz", "id": "x"})


def test_edition_follows_keys_and_texts_not_wording_of_instructions():
    edition = rating_scale().edition
    assert rating_scale(instructions="Other words.").edition == edition
    assert rating_scale(items=keyed("One", "Two", "Four")).edition != edition
    assert (
        rating_scale(items=[("one", "One"), ("two", "Two"), ("three", "Three", 2)]).edition
        != edition
    )
    assert rating_scale(scale=(1, 3)).edition != edition


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"notes": {}}, "check: answers have unknown keys ['notes']"),
        ({"next_step": ["x"] * 9999}, "check: answers next_step must be text, not list"),
        ([1, 2], "check: answers must be a dict, not list"),
        ({"next_step": 3}, "check: answers next_step must be text, not int"),
        ({"next_step": "x" * 5001}, "check: answers next_step is 5001 characters long"),
    ],
)
def test_bad_answers_are_named(answers, message):
    with pytest.raises(WorksheetError) as error:
        checklist().check_answers(answers)
    assert str(error.value).startswith(message)


def test_exported_answers_load_and_check_worksheet_and_version(tmp_path):
    worksheet = rating_scale()
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(envelope(worksheet, {"items": {"one": 2}})))
    assert load_answers(worksheet, path)["items"]["one"] == 2
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # a byte-order mark is fine
    assert load_answers(worksheet, path)["items"]["one"] == 2

    with pytest.raises(WorksheetError, match="belong to worksheet \"scale\", not 'check'"):
        load_answers(checklist(), path)
    path.write_text("{not json")
    with pytest.raises(WorksheetError, match="answers.json is not a JSON answers file"):
        load_answers(worksheet, path)
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(WorksheetError, match="answers.json is not a JSON answers file"):
        load_answers(worksheet, path)


@pytest.mark.parametrize("build", EXAMPLES)
def test_answers_template_is_python_that_checks(build):
    worksheet = build()
    namespace: dict = {}
    exec(worksheet.answers_template(), namespace)
    assert worksheet.check_answers(namespace["answers"]) == worksheet.blank_answers()


@pytest.mark.parametrize("build", EXAMPLES)
def test_every_answer_field_has_a_control_in_the_form(build):
    worksheet = build()
    html = worksheet._repr_mimebundle_()["text/html"]
    for field in worksheet.answer_fields():
        assert f'name="{field["name"]}"' in html, field


@pytest.mark.parametrize("build", EXAMPLES)
def test_text_is_escaped_in_html(build):
    worksheet = build(title=NASTY[:80])
    html = worksheet._repr_mimebundle_()["text/html"]
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 100% {ok}_#~^\\" in html
