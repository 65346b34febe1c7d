"""Fill, keep, export, import and clear each kind of worksheet; versions, tabs, print."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from worksheet_kit import WorksheetError
from worksheet_kit.core.answers import blank_answers
from worksheet_kit.core.editions import carry, envelope

from .harness import (
    KINDS,
    READ_CONTROLS,
    SCHEMA,
    TEXT,
    any_worksheet,
    controls,
    everything_kept,
    expect,
    expected_controls,
    fill,
    first_of,
    forms_in,
    is_blank,
    open_worksheet,
    status_of,
    storage_key,
    stored,
    worksheet,
)

pytestmark = pytest.mark.browser


# -- fill, keep, export, clear, import: each kind ------------------------------------
@pytest.mark.parametrize("kind", KINDS)
def test_fill_reload_export_clear_import(page, dialogs, site, worksheet_pages, kind, tmp_path):
    ws = worksheet(first_of(worksheet_pages, kind))
    form = open_worksheet(page, site, ws.id)
    assert form.get_attribute("data-edition") == ws.edition
    assert controls(form) == expected_controls(ws, blank_answers(ws))
    assert (
        form.locator(".ws-privacy-line").inner_text()
        == {
            "device": "Your answers stay in this browser on this device. Nothing is sent anywhere.",
            "tab": "Your answers stay in this tab until you close it. Nothing is sent anywhere.",
        }[ws.keep]
    )

    requests = []
    page.on("request", lambda request: requests.append(request.url))
    answers = fill(form, ws)
    assert stored(page, ws) == envelope(ws, answers)
    assert requests == [], "filling in the form made a request"  # "nothing is sent anywhere"
    page.reload()
    expect(status_of(form)).to_contain_text("back in the form")
    assert controls(form) == expected_controls(ws, answers)

    with page.expect_download() as download_info:
        form.get_by_role("button", name="Export answers").click()
    download = download_info.value
    assert download.suggested_filename == f"{ws.id}-answers.json"
    exported = tmp_path / download.suggested_filename
    download.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert list(data)[:5] == ["schema", "worksheet", "edition", "questions", "answers"]
    assert carry(ws, data).answers == answers  # the kit accepts the file as it is
    assert data == envelope(ws, answers)

    dialogs.answer("accept")
    form.get_by_role("button", name="Clear").click()
    expect(status_of(form)).to_contain_text("cleared")
    assert "Clear all your answers" in dialogs.seen[-1]
    assert controls(form) == expected_controls(ws, blank_answers(ws))
    assert stored(page, ws) is None

    page.reload()
    assert controls(form) == expected_controls(ws, blank_answers(ws))
    with page.expect_file_chooser() as chooser_info:
        form.get_by_role("button", name="Import answers").click()
    chooser_info.value.set_files(exported)
    expect(status_of(form)).to_contain_text("Answers imported from")
    assert controls(form) == expected_controls(ws, answers)
    assert stored(page, ws) == envelope(ws, answers)
    page.reload()
    assert controls(form) == expected_controls(ws, answers)


# -- import checks: the same verdict as answers.py check_answers ----------------------
def payloads(ws) -> list[tuple[str, object]]:
    """Named answer files; bytes are written as they are, the rest as JSON."""

    def env(answers=None, **change):
        data = {"schema": SCHEMA, "worksheet": ws.id, "edition": ws.edition}
        data["questions"] = ws.questions()
        data["answers"] = {"next_step": "From a file"} if answers is None else answers
        data.update(change)
        return {k: v for k, v in data.items() if v is not DROP}

    cases = [
        ("not JSON", b"{not json"),
        ("byte-order mark", "\ufeff".encode() + json.dumps(env()).encode()),
        ("nested too deeply", b"[" * 100_000 + b"]" * 100_000),
        ("empty file", b""),
        ("a list", []),
        ("no schema", {"worksheet": ws.id, "edition": ws.edition, "answers": {}}),
        ("other schema", env(schema="rebuilding-trust-answers/3")),
        ("other worksheet", env(worksheet="some-other-worksheet")),
        ("other edition", env(edition="0000000000")),
        ("no edition", env(edition=DROP)),
        ("schema 1 of a version unknown", env(schema="rebuilding-trust-answers/1", version="x")),
        ("questions a list", env(questions=[])),
        ("lone surrogate", env({"next_step": "\ud800"})),
        (
            "earlier answers",
            env(earlier=[{"path": ["items", "old"], "question": "Old?", "answer": 2}]),
        ),
        ("earlier answer without question", env(earlier=[{"path": ["x"], "answer": 2}])),
        ("no answers", env(answers=DROP)),
        ("no questions", env(questions=DROP)),
        ("answers a list", env(answers=[])),
        ("unknown part", env({"next_step": "x", "extra": 1})),
        ("unknown part a list", env({"next_step": "x", "extra": [1]})),
        ("next step a number", env({"next_step": 5})),
        ("next step too long", env({"next_step": "x" * 5001})),
        ("next step 5000 emoji", env({"next_step": "😀" * 5000})),
        ("next step null", env({"next_step": None})),
        ("only the next step", env()),
        ("empty answers", env({})),
    ]
    # Cases by the shape of the kind's own answers (from its answer fields).
    own = [f for f in ws.answer_fields() if f["name"] != "next_step"]
    part, first = own[0]["path"][0], own[0]
    if isinstance(first["path"][1], int):  # rows of named columns
        column = first["path"][2]
        rows = len({f["path"][1] for f in own})
        cases += [
            ("rows a dict", env({part: {}})),
            ("row a list", env({part: [[1]]})),
            ("unknown column", env({part: [{"Not a column": "x"}]})),
            ("unknown column empty", env({part: [{"Not a column": ""}]})),
            ("cell a number", env({part: [{column: 5}]})),
            ("cell too long", env({part: [{column: "x" * 5001}]})),
            ("51 rows", env({part: [{}] * 51})),
            ("one row", env({part: [{column: "Only row"}]})),
            ("cell null", env({part: [{column: None}, {column: "Second"}]})),
            ("extra empty rows", env({part: [{column: "Top"}] + [{}] * (rows + 2)})),
            ("extra rows with text", env({part: [{column: "x"}] * (rows + 1)})),
        ]
        return cases
    keys = [f["path"][1] for f in own if f["path"][0] == part]
    one, last = keys[0], keys[-1]
    cases += [
        (f"{part} a list", env({part: [1]})),
        ("a retired key", env({part: {"retired-key": "An old answer"}})),
        ("a retired key, blank", env({part: {"retired-key": None}})),
        ("a position", env({part: {one: True}})),
        ("a key with spaces", env({part: {f" {last} ": 1}})),
        ("an answer a dict", env({part: {one: {"x": 1}}})),
        ("null", env({part: {one: None}})),
    ]
    if first["type"] == "bool":
        cases += [
            ("first and last ticked", env({part: {one: True, last: True}})),
            ("tick a number", env({part: {one: 1}})),
            ("tick as text", env({part: {one: "true"}})),
        ]
    elif first["type"] == "scale":
        low, high = first["low"], first["high"]
        cases += [
            ("ratings low and high", env({part: {one: low, last: high}})),
            ("rating as 2.0", env({part: {one: float(high)}})),
            ("rating above the scale", env({part: {one: high + 1}})),
            ("rating below the scale", env({part: {one: low - 1}})),
            ("rating true", env({part: {one: True}})),
            ("rating text", env({part: {one: str(low)}})),
            ("rating a fraction", env({part: {one: low + 0.5}})),
        ]
    else:
        cases += [
            ("notes", env({part: {one: "Said it", last: None}})),
            ("note a number", env({part: {one: 5}})),
            ("note too long", env({part: {one: "x" * 5001}})),
        ]
    return cases


DROP = object()


def verdict(ws, payload):
    """What the kit's `carry` makes of the file, or None when it refuses it."""
    try:
        if isinstance(payload, bytes):  # as load_answers reads a file
            payload = json.loads(payload.decode("utf-8-sig"))
        if isinstance(payload, dict) and "schema" not in payload:
            raise WorksheetError("not a whole export")
        return carry(ws, payload)
    except (WorksheetError, ValueError, RecursionError):
        return None


def joined(*lists):
    """Earlier answers as the page joins them: each once, in order."""
    out = []
    for item in (item for items in lists for item in items):
        if item not in out:
            out.append(item)
    return out


# One import, in one round trip to the page: the file is handed to the picker as
# a reader's choice is (its files, then "change"); what the form and the browser
# held before and after, and the status line, come back together.
IMPORT_ONE = (
    """async ([form, key, bytes]) => {
  const read = ("""
    + READ_CONTROLS
    + """);
  const kept = () => localStorage.getItem(key) ?? sessionStorage.getItem(key);
  const status = form.querySelector(".ws-status");
  const before = {controls: read(form), stored: kept()};
  status.textContent = "";
  const picker = form.querySelector('input[type="file"]');
  const file = new File([new Uint8Array(bytes)], "answers.json", {type: "application/json"});
  const chosen = new DataTransfer();
  chosen.items.add(file);
  picker.files = chosen.files;
  picker.dispatchEvent(new Event("input", {bubbles: true}));
  picker.dispatchEvent(new Event("change", {bubbles: true}));
  for (let waited = 0; !status.textContent && waited < 5000; waited += 10) {
    await new Promise((wait) => setTimeout(wait, 10));
  }
  return {
    before,
    message: status.innerText,
    problem: status.classList.contains("ws-status-problem"),
    controls: read(form),
    stored: kept(),
  };
}"""
)


@pytest.mark.parametrize("kind", KINDS)
def test_import_agrees_with_check_answers(page, dialogs, site, worksheet_pages, kind):
    ws = worksheet(first_of(worksheet_pages, kind))
    form = open_worksheet(page, site, ws.id)
    dialogs.always = "accept"
    fill(form, ws)
    cases = payloads(ws)
    # The one deliberate difference: a file must be a whole export (not just
    # the inner answers, which a notebook's answers cell may hold).
    cases += [("inner answers only", {"next_step": "x"})]
    refused_anyway = {"inner answers only"}
    handle = form.element_handle()

    earlier: list = []
    for name, payload in cases:
        before_dialogs = len(dialogs.seen)
        content = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        done = page.evaluate(IMPORT_ONE, [handle, storage_key(ws), list(content)])
        message = done["message"]
        assert message, (name, "no message")
        stored_after = None if done["stored"] is None else json.loads(done["stored"])
        carried = None if name in refused_anyway else verdict(ws, payload)
        if carried is None:
            assert "Nothing was changed" in message, (name, message)
            assert done["problem"], name
            assert done["controls"] == done["before"]["controls"], name
            assert done["stored"] == done["before"]["stored"], name
            assert len(dialogs.seen) == before_dialogs, name
        else:
            clean = carried.answers
            earlier = joined(earlier, carried.earlier)
            said = "Answers imported from answers.json."
            if carried.unplaced:
                said += f" {carried.unplaced} answer{'s' if carried.unplaced > 1 else ''} did not"
            assert message.startswith(said), (name, message)
            assert done["controls"] == expected_controls(ws, clean), name
            blank = is_blank(clean) and not earlier
            expected = None if blank else envelope(ws, clean, earlier)
            assert stored_after == expected, name
            # the form had answers, so the import asked before replacing them
            assert len(dialogs.seen) == before_dialogs + 1, name
        if name == "not JSON":
            assert "not a JSON answers file" in message
        if name == "other worksheet":
            assert '"some-other-worksheet"' in message
        if carried is not None and is_blank(carried.answers):  # keep answers in the form,
            fill(form, ws)  # so that imports must ask


def test_import_cancelled_changes_nothing(page, dialogs, site, worksheet_pages, tmp_path):
    ws = worksheet(any_worksheet(worksheet_pages))
    form = open_worksheet(page, site, ws.id)
    answers = fill(form, ws)
    other = tmp_path / "other.json"
    other.write_text(json.dumps(envelope(ws, blank_answers(ws) | {"next_step": "Other"})))
    dialogs.answer("dismiss")
    form.locator('input[type="file"]').set_input_files(other)
    expect(status_of(form)).to_have_text("Import cancelled. Nothing was changed.")
    assert controls(form) == expected_controls(ws, answers)
    assert stored(page, ws) == envelope(ws, answers)


def test_clear_asks_first(page, dialogs, site, worksheet_pages):
    ws = worksheet(any_worksheet(worksheet_pages))
    form = open_worksheet(page, site, ws.id)
    clear = form.get_by_role("button", name="Clear")

    clear.click()  # nothing to clear: no question
    expect(status_of(form)).to_have_text("There are no answers to clear.")

    answers = fill(form, ws)
    dialogs.answer("dismiss")
    clear.click()
    expect(status_of(form)).to_have_text("Nothing was cleared.")
    assert len(dialogs.seen) == 1 and "cannot be undone" in dialogs.seen[0]
    assert controls(form) == expected_controls(ws, answers)
    assert stored(page, ws) == envelope(ws, answers)

    dialogs.answer("accept")
    clear.click()
    expect(status_of(form)).to_contain_text("cleared")
    assert controls(form) == expected_controls(ws, blank_answers(ws))
    assert stored(page, ws) is None
    page.reload()
    assert controls(form) == expected_controls(ws, blank_answers(ws))


# -- versions, sharing, syncing -------------------------------------------------------
def test_answers_of_another_version_are_offered_never_filled(page, dialogs, site, worksheet_pages):
    ws = worksheet(any_worksheet(worksheet_pages))
    form = open_worksheet(page, site, ws.id)
    old_key = f"rebuilding-trust:{ws.id}:0ld0version"
    old = {
        "schema": "rebuilding-trust-answers/1",
        "worksheet": ws.id,
        "version": "0ld0version",
        "answers": {"items": {"1": True}, "next_step": "Old answer"},
    }
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [old_key, json.dumps(old)])
    page.reload()
    notice = form.locator(".ws-notice")
    expect(notice).to_contain_text("This worksheet has changed")
    assert controls(form) == expected_controls(ws, blank_answers(ws))
    assert stored(page, ws) is None

    with page.expect_download() as download_info:
        notice.get_by_role("button", name="Download earlier answers").click()
    download = download_info.value
    assert download.suggested_filename == f"{ws.id}-answers-0ld0version.json"
    assert json.loads(Path(download.path()).read_text(encoding="utf-8")) == old

    fill(form, ws)  # new answers do not touch the old ones
    assert page.evaluate("key => localStorage.getItem(key)", old_key) == json.dumps(old)

    dialogs.answer("accept")
    notice.get_by_role("button", name="Delete earlier answers").click()
    expect(notice).to_have_count(0)
    assert page.evaluate("key => localStorage.getItem(key)", old_key) is None
    assert stored(page, ws) is not None


def chapter_embedding(book_html, worksheet_pages):
    ids = {i for ids in worksheet_pages.values() for i in ids}
    for html_file in sorted((book_html / "docs").glob("*.html")):
        for ws_id, _, _ in forms_in(html_file):
            # shared between tabs: a sheet kept on the device (not only in its tab)
            if ws_id in ids and worksheet(ws_id).keep == "device":
                return ws_id, html_file.relative_to(book_html).as_posix()
    raise AssertionError("no chapter embeds a worksheet: the chapters' forms were missed")


def test_answers_shared_between_pages_and_tabs(context, site, book_html, worksheet_pages):
    ws_id, chapter = chapter_embedding(book_html, worksheet_pages)
    ws = worksheet(ws_id)
    own_page, chapter_page = context.new_page(), context.new_page()
    form = open_worksheet(own_page, site, ws.id)
    chapter_page.goto(site + chapter)
    embedded = chapter_page.locator(f'form.worksheet[data-worksheet-id="{ws.id}"]').first
    expect(embedded).to_be_hidden()  # folded in the chapter until it holds answers

    answers = fill(form, ws)
    # the open chapter follows along (storage event), and has them after a reload
    expect(embedded.locator('textarea[name="next_step"]')).to_have_value(TEXT)
    summary = embedded.locator("xpath=ancestor::details[1]/summary")
    expect(summary).to_contain_text("answers saved in this browser")
    summary.click()
    assert controls(embedded) == expected_controls(ws, answers)
    chapter_page.reload()
    summary.click()
    assert controls(embedded) == expected_controls(ws, answers)


def test_same_worksheet_twice_on_a_page_stays_in_step(page, site, worksheet_pages):
    ws = worksheet(any_worksheet(worksheet_pages))

    def twice(route):
        body = route.fetch().text()
        block = re.search(
            r'<div class="ws-block[^"]*"[^>]*>.*?</form><p class="ws-actions">.*?</p>.*?</div>',
            body,
            re.S,
        ).group(0)
        copy = re.sub(r' (id|for|aria-labelledby)="', r' \1="copy-', block)
        route.fulfill(body=body.replace(block, block + copy), content_type="text/html")

    page.route(f"**/worksheets/{ws.id}.html", twice)
    page.goto(f"{site}worksheets/{ws.id}.html")
    first, second = page.locator("form.worksheet").nth(0), page.locator("form.worksheet").nth(1)
    expect(second.locator(".ws-toolbar")).to_be_visible()
    answers = fill(first, ws)
    assert controls(second) == expected_controls(ws, answers)
    second.locator('textarea[name="next_step"]').fill("Changed in the copy")
    assert first.locator('textarea[name="next_step"]').input_value() == "Changed in the copy"


# -- print and no JavaScript ----------------------------------------------------------
@pytest.mark.own_context  # a fake clock or an init script
def test_print_shows_answers_only(page, site, worksheet_pages):
    ws = worksheet(any_worksheet(worksheet_pages))
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    form = open_worksheet(page, site, ws.id)
    fill(form, ws)
    form.get_by_role("button", name="Print").click()
    assert page.evaluate("window.printed") == 1

    page.emulate_media(media="print")
    for hidden in (
        ".sidebar-drawer",
        ".toc-drawer",
        ".mobile-header",
        ".content footer",
        ".ws-tools",
        ".ws-actions",
        "form.worksheet textarea",
    ):
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    copy = form.locator('textarea[name="next_step"] + .ws-print-text')
    expect(copy).to_be_visible()
    assert copy.inner_text() == TEXT
    # A worksheet's own page keeps its title and intro with the sheet ...
    breaks = page.locator(".ws-block.ws-home").evaluate_all(
        "blocks => blocks.map(b => getComputedStyle(b).breakBefore)"
    )
    assert breaks and set(breaks) == {"auto"}
    page.emulate_media(media="screen")
    expect(copy).to_be_hidden()

    # ... while a chapter starts each embedded worksheet on a new page.
    page.goto(f"{site}docs/signs-of-erosion.html")
    page.emulate_media(media="print")
    breaks = page.locator(".ws-block:not(.ws-home)").evaluate_all(
        "blocks => blocks.map(b => getComputedStyle(b).breakBefore)"
    )
    assert breaks and set(breaks) == {"page"}
    page.emulate_media(media="screen")


@pytest.mark.own_context  # a fake clock or an init script
def test_print_this_sheet_in_a_chapter_prints_that_sheet_alone(page, site):
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    page.goto(f"{site}docs/signs-of-erosion.html")
    forms = page.locator("form.worksheet")
    assert forms.count() >= 2, "the chapter embeds two sheets or more"
    page.locator("details.ws-embed > summary").first.click()  # a sheet folds in a chapter
    forms.nth(0).get_by_role("button", name="Print this sheet").click()
    assert page.evaluate("window.printed") == 1
    heading, first, second = page.locator("article h1"), forms.nth(0), forms.nth(1)

    page.emulate_media(media="print")
    expect(first.locator(".ws-title")).to_be_visible()
    expect(heading).to_be_hidden()
    expect(second).to_be_hidden()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(heading).to_be_visible()  # printing the whole page again prints it all
    expect(page.locator(".ws-print-path, .ws-print-target, body.ws-print-one")).to_have_count(0)
    page.emulate_media(media="screen")


def test_a_chapter_folds_its_sheets_and_says_which_hold_answers(page, site):
    page.goto(f"{site}docs/signs-of-erosion.html")
    embeds = page.locator("details.ws-embed")
    count = embeds.count()
    assert count >= 2
    expect(page.locator("form.worksheet").first).to_be_hidden()
    first = embeds.first
    first.locator("summary").click()
    form = first.locator("form.worksheet")
    form.locator("textarea[name=next_step]").fill(TEXT)
    expect(first.locator("summary")).to_contain_text("answers saved in this browser")
    page.reload()
    # answers stay out of sight (a partner may share the screen); the line says they are kept
    expect(page.locator("details.ws-embed:not([open])")).to_have_count(count)
    expect(embeds.first.locator("summary")).to_contain_text("answers saved in this browser")
    expect(embeds.nth(1).locator("summary")).not_to_contain_text("answers saved")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator("details.ws-embed:not([open])")).to_have_count(0)  # all of it prints
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator("details.ws-embed:not([open])")).to_have_count(count)


def test_without_javascript_the_form_still_shows(browser, site, worksheet_pages):
    ws_id = any_worksheet(worksheet_pages)
    ctx = browser.new_context(java_script_enabled=False)
    try:
        tab = ctx.new_page()
        tab.goto(f"{site}worksheets/{ws_id}.html")
        expect(tab.locator("form.worksheet")).to_be_visible()
        expect(tab.locator('textarea[name="next_step"]')).to_be_editable()
        expect(tab.locator(".ws-toolbar")).to_have_count(0)
    finally:
        ctx.close()


def test_a_sheet_marked_not_to_save_is_never_stored(page, site):
    """The safety check keeps no trace in the browser: a controlling partner finds nothing."""
    ws = worksheet("safety-check")
    assert ws.keep == "nothing"
    form = open_worksheet(page, site, ws.id)
    assert form.get_attribute("data-keep") == "nothing"
    assert "not saved" in form.locator(".ws-privacy-line").inner_text()
    for writes_a_file in ("Export answers", "Import answers", "Download notebook with my answers"):
        expect(form.get_by_role("button", name=writes_a_file)).to_have_count(0)
    before = everything_kept(page)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    form.locator('input[name="items.hurt-body"]').check()
    form.locator('textarea[name="next_step"]').fill(TEXT)
    form.locator('textarea[name="next_step"]').blur()
    assert stored(page, ws) is None
    assert everything_kept(page) == before  # nowhere else on the device either
    assert requests == []  # and nothing sent while filling in
    page.reload()
    form = page.locator(f'form.worksheet[data-worksheet-id="{ws.id}"]').first
    expect(form.locator('input[name="items.hurt-body"]')).not_to_be_checked()


@pytest.mark.parametrize("kind", KINDS)
def test_page_summary_matches_the_notebook_summary(page, site, worksheet_pages, kind):
    """The page sums up answers exactly as `worksheet.summarise` does in a notebook."""
    ws = worksheet(first_of(worksheet_pages, kind))
    form = open_worksheet(page, site, ws.id)
    blank = str(ws.summarise({})).split("Still blank:")[1]
    for line in blank.strip().splitlines():  # every blank part, as the notebook lists them
        expect(form.locator(".ws-summary")).to_contain_text(line.strip().removeprefix("- "))
    answers = fill(form, ws)
    shown = " ".join(form.locator(".ws-summary").inner_text().split())
    expected = str(ws.summarise(answers))
    for line in expected.splitlines():
        line = line.strip().removeprefix("- ")
        assert " ".join(line.split()) in shown, (line, shown)
    assert f"Summary: {ws.title}" in shown


def test_a_sheet_that_keeps_nothing_is_blank_after_back_and_forward(page, site):
    """The back/forward cache keeps a page as it was: the safety check blanks itself."""
    ws = worksheet("safety-check")
    form = open_worksheet(page, site, ws.id)
    form.locator('input[name="items.hurt-body"]').check()
    form.locator('textarea[name="next_step"]').fill(TEXT)
    # What a browser with a back/forward cache does on leaving and coming back
    # (Playwright's Chromium runs without that cache).
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide', {persisted: true}))")
    expect(form.locator('input[name="items.hurt-body"]')).not_to_be_checked()
    expect(form.locator('textarea[name="next_step"]')).to_have_value("")
    form.locator('input[name="items.getting-worse"]').check()
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    expect(form.locator('input[name="items.getting-worse"]')).not_to_be_checked()


@pytest.mark.own_context  # a fake clock or an init script
def test_full_storage_still_shows_what_is_kept_and_says_it_is_full(page, site, worksheet_pages):
    ws = worksheet(any_worksheet(worksheet_pages))
    form = open_worksheet(page, site, ws.id)
    answers = fill(form, ws)
    # From now on the browser refuses every write, as a full storage does;
    # reading still works.
    page.add_init_script(
        """Storage.prototype.setItem = function () {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        };"""
    )
    page.reload()
    expect(status_of(form)).to_contain_text("storage is full")
    assert controls(form) == expected_controls(ws, answers)
    assert stored(page, ws) == envelope(ws, answers)
    form.locator('textarea[name="next_step"]').fill("A change that cannot be kept")
    expect(status_of(form)).to_contain_text("storage is full")
    assert stored(page, ws) == envelope(ws, answers)  # what was kept is still there
