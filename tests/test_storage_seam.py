"""The browser's storage seam: one part touches web storage; a sheet's level is in its data."""

from __future__ import annotations

import re

import pytest
from kinds.examples import checklist

from worksheet_kit import WorksheetError
from worksheet_kit.core.html import page_data, render_html
from worksheet_kit.sphinxext.form_script import LATER_PARTS, PARTS, PARTS_DIR, later_script

STORAGE = re.compile(r"\b(localStorage|sessionStorage|indexedDB|document\.cookie)\b")
COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)


@pytest.mark.parametrize("part", [p for p in PARTS + LATER_PARTS if p != "storage"])
def test_only_the_storage_part_touches_web_storage(part):
    code = COMMENT.sub("", (PARTS_DIR / f"{part}.js").read_text(encoding="utf-8"))
    assert not STORAGE.findall(code), f"{part}.js: go through storage.js (readRecord, writeRecord)"


def test_the_later_script_is_handed_every_name_it_uses_from_the_form_script():
    text = later_script()
    given = re.search(r"const \{ (.*?) \} = kit;", text).group(1).split(", ")
    for name in (
        "rawGet",
        "rawSet",
        "lock",
        "sheets",
        "say",
        "showLevel",
        "forgetWithConfirmation",
    ):
        assert name in given
    assert "lockAll" not in given  # locked.js, a later part, declares it itself


@pytest.mark.parametrize("level", ["device", "tab", "nothing"])
def test_a_sheets_level_is_in_the_pages_data(level):
    sheet = checklist(keep=level)
    assert page_data(sheet)["keep"] == level
    assert f'data-keep="{level}"' in render_html(sheet)


def test_a_level_is_one_of_three():
    with pytest.raises(WorksheetError, match="check: keep 'session' is unknown"):
        checklist(keep="session")
    assert checklist().keep == "device"


# Sheets that hold fear, secrets or plans keep the least a reader can raise.
KEPT_IN_THE_TAB = {
    "is-therapy-right",
    "stay-leave-or-wait",
    "understanding-my-choice",
    "what-i-need-you-to-know",
    "intimacy-menu",
    "my-support-plan",
    "after-a-slip",
    "parting-with-care",
}


def test_sheets_that_hold_fear_secrets_or_plans_keep_the_least_by_default():
    import jupytext
    from conftest import REPO

    from worksheet_kit.sphinxext.downloads import worksheet_from_notebook, worksheet_sources

    levels = {
        path.stem: worksheet_from_notebook(jupytext.read(path), path).keep
        for path in worksheet_sources(REPO / "worksheets")
    }
    assert {ws_id for ws_id, level in levels.items() if level == "tab"} == KEPT_IN_THE_TAB
    assert {ws_id for ws_id, level in levels.items() if level == "nothing"} == {"safety-check"}
