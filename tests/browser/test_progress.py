"""Progress over weeks in the browser, and the notebook that carries a reader's answers."""

from __future__ import annotations

import json

import nbformat
import pytest
from notebooks import run_alone

from .harness import axe_problems, expect, open_worksheet, status_of, worksheet

pytestmark = [pytest.mark.browser, pytest.mark.own_context]  # a fake clock (on)
WEEKLY = "weekly-check-in"


def on(page, day):
    """Fake the clock: the page believes it is `day` (YYYY-MM-DD), 10 am."""
    page.clock.set_fixed_time(f"{day}T10:00:00")


KEYS = ["partner-kept-word", "i-kept-word", "safe-to-say"]  # the weekly check-in's first three


def rate(form, ratings: dict[int, int]):
    """Rate items by their number on the page (1: the first)."""
    for item, value in ratings.items():
        form.locator(f'input[name="items.{KEYS[item - 1]}"][value="{value}"]').check()


def page_summary(form) -> list[str]:
    return [
        " ".join(line.split()) for line in form.locator(".ws-summary").inner_text().splitlines()
    ]


def assert_same_summary(form, ws, answers, history):
    shown = " ".join(page_summary(form))
    assert shown.startswith(f"Summary: {ws.title}"), shown
    for line in str(ws.summarise(answers, history=history)).splitlines():
        assert " ".join(line.strip().removeprefix("- ").split()) in shown, (line, shown)


def save_week(page, site, ws, day, ratings):
    """Open the sheet on `day`, start from an empty form, rate, and save."""
    on(page, day)
    form = open_worksheet(page, site, ws.id)
    start = form.get_by_role("button", name="Start today's entry")
    if start.count():
        start.click()
    rate(form, ratings)
    form.get_by_role("button", name="Save today's entry").click()
    expect(status_of(form)).to_contain_text(f"entry for {day}")
    return form


def test_a_new_day_says_the_form_holds_an_earlier_entry(page, dialogs, site):
    ws = worksheet(WEEKLY)
    save_week(page, site, ws, "2026-11-20", {1: 2, 2: 3})
    on(page, "2026-11-27")
    form = open_worksheet(page, site, ws.id)
    notice = form.locator(".ws-notice", has_text="still shows your entry for 2026-11-20")
    expect(notice).to_be_visible()
    assert axe_problems(page) == ""  # the notice, and the table of entries
    rate(form, {1: 4})  # one answer changed: the others are still last week's
    expect(notice).to_be_visible()
    dialogs.answer("dismiss")
    form.get_by_role("button", name="Save today's entry").click()
    assert "your entry for 2026-11-20" in dialogs.seen[-1]
    expect(status_of(form)).to_contain_text("Nothing was saved")
    expect(form.locator(".ws-progress tr th[scope=row]")).to_have_text(["2026-11-20"])

    notice.get_by_role("button", name="Start today's entry").click()
    expect(notice).to_have_count(0)
    assert page.evaluate("document.activeElement.name") == f"items.{KEYS[0]}"  # not the top
    expect(form.locator(f'input[name="items.{KEYS[0]}"]:checked')).to_have_count(0)
    expect(status_of(form)).to_contain_text("entry for 2026-11-20 is still saved")
    expect(form.locator(".ws-progress tr th[scope=row]")).to_have_text(["2026-11-20"])
    # the same day again: the saved entry is today's, so no notice
    rate(form, {1: 4})
    form.get_by_role("button", name="Save today's entry").click()
    form = open_worksheet(page, site, ws.id)
    expect(form.locator(".ws-notice", has_text="still shows your entry")).to_have_count(0)


def test_clear_takes_the_earlier_entry_notice_with_it(page, dialogs, site):
    ws = worksheet(WEEKLY)
    save_week(page, site, ws, "2026-11-20", {1: 2})
    on(page, "2026-11-27")
    form = open_worksheet(page, site, ws.id)
    notice = form.locator(".ws-notice", has_text="still shows your entry")
    expect(notice).to_be_visible()
    dialogs.answer("accept")
    form.get_by_role("button", name="Clear").click()
    expect(notice).to_have_count(0)  # the form is empty and no entry is left


def test_weekly_entries_are_drawn_exported_cleared_and_imported(page, dialogs, site, tmp_path):
    ws = worksheet(WEEKLY)
    assert ws.repeat == "weekly"
    save_week(page, site, ws, "2026-11-20", {1: 2, 2: 2})
    form = save_week(page, site, ws, "2026-11-27", {1: 4, 2: 4})
    progress = form.locator(".ws-progress")
    expect(progress.locator("svg circle")).to_have_count(2)
    expect(progress.locator("tr th[scope=row]")).to_have_text(["2026-11-20", "2026-11-27"])
    history = [
        {"date": "2026-11-20", "answers": ws.check_answers({"items": {KEYS[0]: 2, KEYS[1]: 2}})},
        {"date": "2026-11-27", "answers": ws.check_answers({"items": {KEYS[0]: 4, KEYS[1]: 4}})},
    ]
    assert "Since 2026-11-20, your average rating went up from 2.0 to 4.0." in " ".join(
        page_summary(form)
    )
    assert_same_summary(form, ws, history[-1]["answers"], history)

    with page.expect_download() as info:
        form.get_by_role("button", name="Export answers").click()
    exported = tmp_path / info.value.suggested_filename
    info.value.save_as(exported)
    assert json.loads(exported.read_text())["history"] == history
    assert ws.load_history(exported) == history  # the notebook reads the same file

    dialogs.answer("accept")
    form.get_by_role("button", name="Clear").click()
    assert "2 saved entries" in dialogs.seen[-1]
    expect(progress).to_contain_text("No saved entries yet")
    keys = page.evaluate("() => Object.keys(localStorage)")
    assert not [k for k in keys if k.startswith("rebuilding-trust:") and ws.id in k.split(":")]

    with page.expect_file_chooser() as chooser:
        form.get_by_role("button", name="Import answers").click()
    chooser.value.set_files(exported)
    expect(status_of(form)).to_contain_text("Answers imported from")
    expect(progress.locator("tr th[scope=row]")).to_have_text(["2026-11-20", "2026-11-27"])

    dialogs.answer("accept")
    progress.get_by_role("button", name="Delete the entry for 2026-11-20").click()
    expect(progress.locator("tr th[scope=row]")).to_have_text(["2026-11-27"])
    # focus goes on to the next entry's button, not back to the top of the page
    assert page.evaluate("document.activeElement.dataset.date") == "2026-11-27"
    page.reload()
    expect(form.locator(".ws-progress tr th[scope=row]")).to_have_text(["2026-11-27"])


def test_notebook_with_my_answers_runs_alone_and_says_what_the_page_says(page, site, tmp_path):
    ws = worksheet(WEEKLY)
    save_week(page, site, ws, "2026-11-20", {1: 1, 3: 5})
    form = save_week(page, site, ws, "2026-11-27", {1: 3, 3: 5})
    form.locator('textarea[name="next_step"]').fill('Thank them for "the walk" – café ✓')
    with page.expect_download() as info:
        form.get_by_role("button", name="Download notebook with my answers").click()
    assert info.value.suggested_filename == f"{ws.id}-with-my-answers.ipynb"
    notebook = tmp_path / info.value.suggested_filename
    info.value.save_as(notebook)
    nbformat.validate(nbformat.read(notebook, as_version=4))

    done = run_alone(notebook, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    printed = " ".join(json.loads(line)["text"] for line in done.stdout.splitlines() if line)
    printed = " ".join(printed.split())
    shown = page_summary(form)
    assert shown[0] == f"Summary: {ws.title}", shown
    assert any("went up from 3.0 to 4.0" in line for line in shown), shown  # the trend, too
    for line in shown:
        assert line in printed, (line, printed)


def test_the_notebook_button_says_why_it_cannot_work_from_a_file(page, book_html):
    page.goto((book_html / "worksheets" / f"{WEEKLY}.html").as_uri())
    form = page.locator(f'form.worksheet[data-worksheet-id="{WEEKLY}"]').first
    form.get_by_role("button", name="Download notebook with my answers").click()
    expect(status_of(form)).to_contain_text("opened as a file")
