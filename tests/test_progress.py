"""Progress over weeks in Python: entries, their check, the trend, the notebook's history."""

from __future__ import annotations

import json

import pytest
from kinds.examples import checklist, prompts, rating_scale

from worksheet_kit import WorksheetError
from worksheet_kit.core.editions import envelope

WEEKS = [
    {"date": "2026-11-27", "answers": {"items": {"one": 2, "two": 2}}},
    {"date": "2026-11-20", "answers": {"items": {"one": 1}}},
]


def weekly(**changes):
    return rating_scale(**{"repeat": "weekly", **changes})


def test_the_trend_compares_the_last_two_entries_oldest_first():
    summary = str(weekly().summarise({}, history=WEEKS))
    assert (
        "Your saved entries (average rating):\n  - 2026-11-20: 1.0\n  - 2026-11-27: 2.0" in summary
    )
    assert "Since 2026-11-20, your average rating went up from 1.0 to 2.0." in summary


@pytest.mark.parametrize(
    ("later", "line"),
    [
        ({"one": 1, "two": 0}, "went down from 1.0 to 0.5."),
        ({"one": 1}, "stayed at 1.0."),
        ({}, "cannot be compared: one has no ratings."),
    ],
)
def test_the_trend_says_down_same_or_not_comparable(later, line):
    weeks = [WEEKS[1], {"date": "2026-11-27", "answers": {"items": later}}]
    assert line in str(weekly().summarise({}, history=weeks))


def test_averages_round_half_up_as_the_browser_does():
    weeks = [{"date": "2026-11-27", "answers": {"items": {"one": 2, "two": 2, "three": 1}}}]
    assert "2026-11-27: 1.7" in str(weekly().summarise({}, history=weeks))
    weeks = [{"date": "2026-11-27", "answers": {"items": {"one": 0, "two": 1}}}]
    assert "2026-11-27: 0.5" in str(weekly().summarise({}, history=weeks))


def test_other_kinds_count_their_answers():
    weeks = [
        {"date": "2026-11-27", "answers": {"prompts": {"what-happened-as-i-lived": "Some words"}}}
    ]
    assert "(number of prompts answered)" in str(prompts().summarise({}, history=weeks))
    ticked = [{"date": "2026-11-27", "answers": {"items": {"one": True, "two": True}}}]
    assert "2026-11-27: 2" in str(checklist().summarise({}, history=ticked))


@pytest.mark.parametrize(
    ("history", "message"),
    [
        ({"date": "2026-11-27"}, "history must be a list of entries, not dict"),
        ([{"date": "2026-11-27"}], "history entry 1 must have a 'date' and 'answers'"),
        ([{"date": "27/11/2026", "answers": {}}], 'history entry 1 has the date "27/11/2026"'),
        ([{"date": "2026-02-30", "answers": {}}], 'history entry 1 has the date "2026-02-30"'),
        ([{"date": "1899-12-31", "answers": {}}], "history entry 1 has the date 1899-12-31; use"),
        ([{"date": "2099-12-31", "answers": {}}], "history entry 1 has the date 2099-12-31; use"),
        ([{"date": "0000-01-01", "answers": {}}], 'history entry 1 has the date "0000-01-01"'),
        ([WEEKS[0], WEEKS[0]], "history has two entries for 2026-11-27"),
        (
            [{"date": "2026-11-27", "answers": {"items": {"one": 9}}}],
            "scale: answers item one is 9",
        ),
    ],
)
def test_a_bad_history_is_named(history, message):
    with pytest.raises(WorksheetError, match=message):
        weekly().summarise({}, history=history)


def test_repeat_is_checked():
    with pytest.raises(WorksheetError, match="scale: repeat 'daily' is unknown"):
        weekly(repeat="daily")
    with pytest.raises(WorksheetError, match='scale: repeat needs keep="device" or "tab"'):
        weekly(keep="nothing")
    assert weekly(keep="tab").keep == "tab"


def test_the_notebook_reads_the_history_the_page_exports(tmp_path):
    worksheet = weekly()
    exported = {**envelope(worksheet, {"items": {"one": 2}}), "history": WEEKS}
    path = tmp_path / f"{worksheet.id}-answers.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    assert [e["date"] for e in worksheet.load_history(path)] == ["2026-11-20", "2026-11-27"]
    assert worksheet.load_answers(path)["items"]["one"] == 2
    path.write_text(json.dumps({**exported, "worksheet": "other"}), encoding="utf-8")
    with pytest.raises(WorksheetError, match='belong to worksheet "other"'):
        worksheet.load_history(path)


def test_the_answers_cell_of_a_weekly_sheet_holds_a_history():
    worksheet = weekly()
    namespace: dict = {}
    exec(worksheet.answers_template(), namespace)
    assert namespace["history"] == []
    assert f'worksheet.load_history("{worksheet.id}-answers.json")' in worksheet.answers_template()


def test_a_chart_without_matplotlib_says_how_to_get_one(capsys, monkeypatch):
    import importlib

    real = importlib.import_module

    def no_matplotlib(name, *args):
        if name.startswith("matplotlib"):
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", no_matplotlib)
    assert weekly().chart(WEEKS) is None
    assert "needs matplotlib" in capsys.readouterr().out


def test_save_entry_adds_a_dated_entry_and_keeps_the_others(tmp_path):
    worksheet = weekly()
    path = tmp_path / f"{worksheet.id}-answers.json"
    worksheet.save_entry({"items": {"one": 1}}, path, date="2026-11-20")
    worksheet.save_entry({"items": {"one": 2}}, path, date="2026-11-27")
    history = worksheet.save_entry({"items": {"one": 0}}, path, date="2026-11-27")  # same day
    assert [(e["date"], e["answers"]["items"]["one"]) for e in history] == [
        ("2026-11-20", 1),
        ("2026-11-27", 0),
    ]
    assert worksheet.load_history(path) == history
    assert worksheet.load_answers(path)["items"]["one"] == 0  # the file is also an export
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no draft left behind


def test_save_entry_leaves_a_file_it_cannot_read_as_it_was(tmp_path):
    worksheet = weekly()
    other = tmp_path / "other-answers.json"
    other.write_text(json.dumps(envelope(rating_scale(id="other"), {})), encoding="utf-8")
    before = other.read_bytes()
    with pytest.raises(WorksheetError, match='belong to worksheet "other"'):
        worksheet.save_entry({"items": {"one": 2}}, other)
    assert other.read_bytes() == before
    with pytest.raises(WorksheetError, match="answers item one is 9"):
        worksheet.save_entry({"items": {"one": 9}}, tmp_path / "new.json")
    assert not (tmp_path / "new.json").exists()


def test_a_sheet_that_is_not_repeatable_saves_no_entries(tmp_path):
    with pytest.raises(WorksheetError, match="keeps no dated entries"):
        rating_scale().save_entry({}, tmp_path / "x.json")
