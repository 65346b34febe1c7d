"""What loads on a first visit, and what loads later (form_script.LATER_PARTS).

A first visit with nothing stored gets worksheets.js and worksheets.css only:
the forms, their summaries, saving, printing and the quick exit. The rest
(worksheets-later.js and .css) loads on the click that needs it, or at start
when the browser holds what only it reads, such as weekly entries.
"""

from __future__ import annotations

import json

import pytest

from .harness import (
    everything_kept,
    expect,
    fill,
    open_worksheet,
    settled,
    status_of,
    stored,
    worksheet,
)

pytestmark = pytest.mark.browser
CHAPTER = "docs/stages-of-recovery.html"  # a chapter with several sheets
WEEKLY = "weekly-check-in"
LATER = ("worksheets-later.js", "worksheets-later.css")
KIT_FILES = """() => Object.fromEntries(performance.getEntriesByType("resource")
  .map((e) => [new URL(e.name).pathname.split("/").pop(), e.decodedBodySize])
  .filter(([name]) => name.startsWith("worksheets")))"""
NOT_LOADED = "This part of the page could not be loaded, so nothing was changed."


def later_requests(page) -> list[str]:
    """Each later file the page asks for, as it asks."""
    asked = []
    page.on(
        "request",
        lambda request: asked.extend(n for n in LATER if request.url.split("?")[0].endswith(n)),
    )
    return asked


def test_a_first_visit_loads_no_later_code_even_when_filling_in(page, site):
    asked = later_requests(page)
    page.goto(site + CHAPTER)
    forms = page.locator("form.worksheet")
    assert forms.count() >= 3
    expect(forms.locator(".ws-toolbar")).to_have_count(forms.count())
    page.locator("details.ws-embed summary").first.click()
    form = forms.first
    ws = worksheet(form.get_attribute("data-worksheet-id"))
    fill(form, ws)
    assert stored(page, ws)["answers"]  # kept as typed, by the first script alone
    expect(form.locator(".ws-summary")).to_contain_text(f"Summary: {ws.title}")
    page.reload()
    settled(form)
    expect(status_of(form)).to_contain_text("back in the form")
    assert asked == []
    # what the page loaded of the kit: the light script and its styles
    sizes = page.evaluate(KIT_FILES)
    assert sorted(sizes) == ["worksheets.css", "worksheets.js"]
    assert sizes["worksheets.js"] <= 25_000, sizes


def test_export_on_a_first_visit_loads_later_code_and_downloads(page, site, tmp_path):
    asked = later_requests(page)
    ws = worksheet(WEEKLY)
    form = open_worksheet(page, site, ws.id)
    answers = fill(form, ws)
    assert asked == []
    with page.expect_download() as info:
        form.get_by_role("button", name="Export answers").click()
    exported = tmp_path / info.value.suggested_filename
    info.value.save_as(exported)
    assert json.loads(exported.read_text())["answers"] == answers
    assert sorted(asked) == sorted(LATER)


def save_an_entry(page, site):
    """A weekly entry saved on the sheet's page (which loads the later script)."""
    form = open_worksheet(page, site, WEEKLY)
    fill(form, worksheet(WEEKLY))
    form.get_by_role("button", name="Save today's entry").click()
    expect(status_of(form)).to_contain_text("was saved in this browser")
    return form


def test_a_returning_reader_with_weekly_entries_sees_the_chart(page, site):
    form = save_an_entry(page, site)
    asked = later_requests(page)
    page.reload()
    # the page waits for the later script, then draws; no sleep, no click
    expect(form.locator(".ws-progress svg circle")).to_have_count(1)
    expect(form.locator(".ws-progress tr th[scope=row]")).to_have_count(1)
    assert sorted(asked) == sorted(LATER)


def test_a_blocked_later_script_says_so_and_changes_nothing(page, site):
    form = save_an_entry(page, site)
    before = everything_kept(page)

    page.route("**/worksheets-later.js*", lambda route: route.abort())
    page.reload()  # entries kept: the sheet needs the later script, which cannot load
    expect(status_of(form)).to_contain_text(NOT_LOADED)
    expect(form.locator("textarea").first).to_be_disabled()  # nothing typed over what is kept
    assert everything_kept(page) == before

    page.goto(site + CHAPTER)  # a first visit's sheet: Export needs the later script
    page.locator("details.ws-embed summary").first.click()
    first = page.locator("form.worksheet").first
    first.get_by_role("button", name="Export answers").click()
    expect(status_of(first)).to_contain_text(NOT_LOADED)
    assert everything_kept(page) == before
