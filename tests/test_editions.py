"""Answers from any edition, in Python: the shared corpus of answer files, the
frozen schema-1 table, and the one rule (``core/editions.py``).

The browser reads the same corpus (``tests/browser/test_editions.py``) and
must give the same verdict on every file.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jupytext
import pytest
from conftest import REPO
from kinds.examples import rating_scale

from worksheet_kit import WorksheetError
from worksheet_kit.core.editions import carry, envelope
from worksheet_kit.core.editions_v1 import TABLE
from worksheet_kit.sphinxext.downloads import worksheet_from_notebook

CORPUS = Path(__file__).parent / "answer_files"
CASES = json.loads((CORPUS / "cases.json").read_text(encoding="utf-8"))
FIXTURES = Path(__file__).parent / "browser" / "fixtures"


def book_sheet(ws_id):
    path = REPO / "worksheets" / f"{ws_id}.md"
    return worksheet_from_notebook(jupytext.read(path), path)


def read(name):
    """A corpus file as load_answers reads it: parsed JSON, or the error."""
    return json.loads((CORPUS / name).read_bytes().decode("utf-8-sig"))


def verdict(case):
    """The carried answers, or the one-line refusal."""
    try:
        return carry(book_sheet(case["sheet"]), read(case["file"]))
    except (WorksheetError, ValueError, RecursionError) as error:
        return str(error)


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_every_corpus_file_gets_its_expected_verdict(case):
    outcome = verdict(case)
    if case["expect"] == "refuse":
        assert isinstance(outcome, str), case["why"]
        assert len(outcome) < 250 and "\n" not in outcome, outcome  # quotes at most ~80
    else:
        assert not isinstance(outcome, str), (case["why"], outcome)


def test_an_earlier_edition_keeps_reworded_answers_and_lists_retired_ones():
    carried = verdict({"sheet": "signs-of-erosion", "file": "v2-earlier-edition.json"})
    assert carried.answers["items"]["check-phone"] == 3  # reworded, same key
    assert carried.earlier == [
        {"path": ["items", "retired-item"], "question": "A question no longer asked.", "answer": 2}
    ]
    assert carried.carried == 3 and carried.unplaced == 1


def test_a_changed_meaning_goes_to_earlier_answers_with_the_old_question():
    carried = verdict({"sheet": "signs-of-erosion", "file": "v2-changed-meaning.json"})
    assert carried.answers["items"]["on-edge"] is None
    assert [e["path"] for e in carried.earlier] == [["items", "on-edge"]]


def test_a_revision_on_the_sheet_sends_older_answers_to_earlier():
    old = rating_scale()
    data = envelope(old, {"items": {"two": 2, "one": 1}})
    revised = rating_scale(
        items=[("one", "One"), ("two", "Two, meant otherwise", 1), ("three", "3")]
    )
    carried = carry(revised, data)
    assert carried.answers["items"] == {"one": 1, "two": None, "three": None}
    assert carried.earlier == [{"path": ["items", "two"], "question": "Two", "answer": 2}]
    assert carry(revised, envelope(revised, {"items": {"two": 2}})).earlier == []


# Questions retired since the second edition: (sheet) -> keys. Their answers are
# shown under "Earlier answers", never dropped.
RETIRED = {"how-did-we-get-here": {"whose-part"}}  # reworded so blame is not shared out


def test_schema_1_reads_every_book_sheet_through_the_frozen_table():
    for ws_id, versions in TABLE.items():
        ws = book_sheet(ws_id)
        for version, groups in versions.items():
            answers = {"next_step": "x"}
            for group, parts in groups.items():
                if group == "columns":
                    answers["rows"] = [{text: "y" for _, text in parts}]
                elif group == "centre":
                    answers["centre"] = "z"
                else:
                    answers[group] = {str(n): _filled(ws, group) for n in range(1, len(parts) + 1)}
            record = {
                "schema": "rebuilding-trust-answers/1",
                "worksheet": ws_id,
                "version": version,
            }
            carried = carry(ws, {**record, "answers": answers})
            # every answer of the second edition has its place, but for questions
            # retired since (listed in RETIRED): those go to earlier answers, kept
            retired = RETIRED.get(ws_id, set())
            assert {f["path"][-1] for f in carried.earlier} == retired, ws_id
            rows = len(answers.get("rows", [])) or 1
            expected = sum(len(p) for p in groups.values()) + 1 - len(retired) * rows
            assert carried.carried == expected, ws_id


def _filled(ws, group):
    kind = next(f["type"] for f in ws.answer_fields() if f["path"][0] == group)
    return {"bool": True, "scale": ws.answer_fields()[0].get("low"), "text": "w"}[kind]


def test_the_frozen_table_is_never_edited():
    """Rewording a sheet must not touch it: old answers are read through it."""
    source = (REPO / "worksheet_kit" / "core" / "editions_v1.py").read_bytes()
    assert hashlib.sha256(source).hexdigest()[:16] == FROZEN


FROZEN = "d52fa8eb7ae5d6f4"


def test_the_notebook_reads_an_export_of_todays_site(capsys):
    """Exported by the site at 78a1706: by position, with three weekly entries."""
    ws = book_sheet("weekly-check-in")
    path = FIXTURES / "weekly-check-in-answers-78a1706.json"
    answers = ws.load_answers(path)
    assert answers["items"]["partner-kept-word"] == 4 and answers["items"]["i-kept-word"] == 3
    assert "3 answers carried over" in capsys.readouterr().out  # two ratings, the next step
    history = ws.load_history(path)
    assert [e["date"] for e in history] == ["2026-11-13", "2026-11-20", "2026-11-27"]
    assert [e["answers"]["items"]["partner-kept-word"] for e in history] == [2, 3, 4]


def test_a_failing_sample_says_what_it_expected_and_what_it_got():
    ws = rating_scale()
    sample = {"items": {"one": 2}}
    assert "You rated 1 of 3 items." in str(
        ws.check_summary(sample, ["You rated 1 of {total} items."])
    )
    with pytest.raises(AssertionError) as error:
        ws.check_summary(sample, expect=["You rated 2 of {total} items."])
    message = str(error.value)
    assert (
        "expected 'You rated 2 of 3 items.'; got: Summary: A worksheet / You rated 1 of 3"
        in message
    )
    assert "\n" not in message  # the build shows one line
    with pytest.raises(AssertionError, match="expected no 'Your highest"):
        ws.check_summary(sample, absent=["Your highest"])


def test_the_published_schema_accepts_every_v2_file_the_kit_accepts():
    jsonschema = pytest.importorskip("jsonschema")
    schema_file = REPO / "worksheet_kit" / "sphinxext" / "static" / "answers-v2.schema.json"
    validator = jsonschema.Draft202012Validator(json.loads(schema_file.read_text()))
    checked = 0
    for case in (c for c in CASES if c["expect"] == "accept"):
        data = read(case["file"])
        if data.get("schema") == "rebuilding-trust-answers/2":
            validator.validate(data)
            checked += 1
    assert checked >= 5
    ws = book_sheet("weekly-check-in")
    carried = carry(ws, json.loads((FIXTURES / "weekly-check-in-answers-78a1706.json").read_text()))
    validator.validate(envelope(ws, carried.answers, carried.earlier, carried.history))
    for bad in ({"schema": "rebuilding-trust-answers/1"}, {**envelope(ws, {}), "history": [{}]}):
        assert not validator.is_valid(bad)
