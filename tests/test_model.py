"""Unit tests of the worksheet kit: building, validation, answers, summaries."""

from __future__ import annotations

import json

import pytest

from worksheet_kit import (
    Checklist,
    ConversationGuide,
    RatingScale,
    ReflectionTable,
    WorksheetError,
    from_data,
)
from worksheet_kit.answers import envelope, load_answers

COMMON = dict(
    title="A worksheet",
    chapter="signs-of-erosion",
    minutes=10,
    who=["alone"],
    purpose="To test.",
    instructions="Do the thing.",
    privacy="Yours alone.",
)
NASTY = "<script>alert(1)</script> & 100% {ok}_#~^\\ “quoted”"


def checklist(**changes):
    return Checklist(**{**COMMON, "id": "check", "items": ["One", "Two", "Three"], **changes})


def scale(**changes):
    data = {
        **COMMON,
        "id": "scale",
        "items": ["One", "Two", "Three"],
        "scale": (0, 2),
        "anchors": ["Never", "Sometimes", "Often"],
    }
    return RatingScale(**{**data, **changes})


def table(**changes):
    data = {**COMMON, "id": "table", "columns": ["Situation", "Thought"], "rows": 2}
    return ReflectionTable(**{**data, **changes})


def guide(**changes):
    data = {
        **COMMON,
        "id": "guide",
        "steps": [("Speaker", "Say what hurt."), ("Listener", "Say it back.")],
        "pause_rule": "Take 20 minutes when flooded.",
    }
    return ConversationGuide(**{**data, **changes})


BUILDERS = [checklist, scale, table, guide]


@pytest.mark.parametrize("build", BUILDERS)
def test_valid_worksheets_round_trip_through_data(build):
    worksheet = build()
    assert from_data(json.loads(json.dumps(worksheet.to_data()))) == worksheet


@pytest.mark.parametrize(
    ("build", "changes", "message"),
    [
        (checklist, {"id": "Not A Slug"}, "Not A Slug: id 'Not A Slug' is not a slug"),
        (checklist, {"items": []}, "check: items is empty"),
        (checklist, {"items": ["One", " "]}, "check: item 2 is empty"),
        (checklist, {"items": ["A", "B", "C", "D", "E", "F", "a"]}, "check: item 7 repeats item 1"),
        (checklist, {"items": ["x" * 241]}, "check: item 1 is 241 characters long (at most 240)"),
        (checklist, {"title": "t" * 81}, "check: title is 81 characters long (at most 80)"),
        (checklist, {"minutes": 0}, "check: minutes must be a whole number from 1 to 180"),
        (checklist, {"who": ["couple"]}, "check: who 'couple' is unknown"),
        (checklist, {"privacy": ""}, "check: privacy is empty"),
        (scale, {"anchors": []}, "scale: anchors are missing"),
        (scale, {"scale": (2, 0)}, "scale: scale runs from 2 to 0: the lowest must come first"),
        (scale, {"anchors": ["a", "b"]}, "scale: anchors has 2 labels for 3 points"),
        (table, {"columns": []}, "table: columns are missing"),
        (table, {"rows": 0}, "table: rows must be a whole number from 1 to 12"),
        (table, {"example": ["only one"]}, "table: example has 1 cells for 2 columns"),
        (guide, {"steps": []}, "guide: steps are missing"),
        (guide, {"pause_rule": ""}, "guide: pause_rule is empty"),
    ],
)
def test_validation_names_worksheet_and_field(build, changes, message):
    with pytest.raises(WorksheetError) as error:
        build(**changes)
    assert str(error.value).startswith(message)


def test_unknown_kind_is_named():
    with pytest.raises(WorksheetError, match="kind 'quiz' is unknown"):
        from_data({"kind": "quiz", "id": "x"})


def test_version_follows_items_not_wording_of_instructions():
    assert scale().version == scale(instructions="Other words.").version
    assert scale().version != scale(items=["One", "Two", "Four"]).version


def test_checklist_summary_counts_marked_items():
    worksheet = checklist(if_marked="Talk to someone you trust.")
    summary = worksheet.summarise({"items": {1: True, "3": True}, "next_step": "Call a friend."})
    text = str(summary)
    assert "You marked 2 of 3 items." in text
    assert "- One" in text and "- Three" in text and "- Two" not in text
    assert "Talk to someone you trust." in text
    assert "Your next step: Call a friend." in text


def test_rating_summary_names_highest_items():
    summary = str(scale().summarise({"items": {1: 1, 2: 2, 3: 2}}))
    assert "You rated 3 of 3 items." in summary
    assert "Your highest rating was 2 (Often), for 2 items:" in summary
    assert "- Two" in summary and "- Three" in summary and "- One" not in summary
    assert "You have not written a next step yet." in summary


def test_table_and_guide_summaries():
    rows = [{"Situation": "Late text", "Thought": ""}, {"Situation": "", "Thought": ""}]
    assert "You filled 1 row." in str(table().summarise({"rows": rows}))
    assert "Situation: Late text" in str(table().summarise({"rows": rows}))
    notes = str(guide().summarise({"steps": {2: "I heard you."}}))
    assert "You wrote notes for 1 of 2 steps." in notes and "Step 2: I heard you." in notes


@pytest.mark.parametrize(
    ("build", "answers", "message"),
    [
        (
            checklist,
            {"items": {4: True}},
            "check: answers name item 4, but the worksheet has items 1 to 3",
        ),
        (checklist, {"items": {"one": True}}, "check: answers name item 'one'"),
        (checklist, {"items": {1: "yes"}}, "check: answers item 1 must be True or False"),
        (scale, {"items": {2: 3}}, "scale: answers item 2 is 3; use a whole number from 0 to 2"),
        (scale, {"items": {2: True}}, "scale: answers item 2 is True"),
        (table, {"rows": [{"Feeling": "x"}]}, "table: answers row 1 has column 'Feeling'"),
        (
            guide,
            {"steps": {3: "x"}},
            "guide: answers name step 3, but the worksheet has steps 1 to 2",
        ),
        (guide, {"notes": {}}, "guide: answers have unknown keys ['notes']"),
        (scale, [1, 2], "scale: answers must be a dict, not list"),
    ],
)
def test_bad_answers_are_named(build, answers, message):
    with pytest.raises(WorksheetError) as error:
        build().check_answers(answers)
    assert str(error.value).startswith(message)


def test_exported_answers_load_and_check_worksheet_and_version(tmp_path):
    worksheet = scale()
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(envelope(worksheet, {"items": {"1": 2}})))
    assert load_answers(worksheet, path)["items"]["1"] == 2

    with pytest.raises(WorksheetError, match="belong to worksheet 'scale', not 'check'"):
        load_answers(checklist(), path)
    with pytest.raises(WorksheetError, match="were saved for version"):
        load_answers(scale(items=["Other", "Two", "Three"]), path)
    path.write_text("{not json")
    with pytest.raises(WorksheetError, match="answers.json is not a JSON answers file"):
        load_answers(worksheet, path)


@pytest.mark.parametrize("build", BUILDERS)
def test_answers_template_is_python_that_checks(build):
    worksheet = build()
    namespace: dict = {}
    exec(worksheet.answers_template(), namespace)
    assert worksheet.check_answers(namespace["answers"]) == worksheet.blank_answers()


@pytest.mark.parametrize("build", BUILDERS)
def test_text_is_escaped_in_html(build):
    field = "columns" if build is table else "items"
    if build is guide:
        worksheet = guide(steps=[("Both", NASTY)])
    else:
        worksheet = build(**{field: [NASTY, "Other"]})
    html = worksheet._repr_mimebundle_()["text/html"]
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 100% {ok}_#~^\\" in html
