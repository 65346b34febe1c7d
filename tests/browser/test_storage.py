"""What the browser keeps: levels, the book-wide choice, quick exit, forget everything,
full storage and two tabs (issue 21; issue 23 items 1 and 5)."""

from __future__ import annotations

import json

import pytest

from worksheet_kit.core.editions import envelope

from .harness import (
    everything_kept,
    expect,
    open_worksheet,
    status_of,
    storage_key,
    stored,
    worksheet,
)

pytestmark = pytest.mark.browser
SENSITIVE = "what-i-need-you-to-know"  # keep="tab"
ORDINARY = "forgiveness-check"  # keep="device"
WEEKLY = "weekly-check-in"
WORD = "Marigold"  # a word typed on the page, searched for in every storage
FIRST = worksheet(WEEKLY).answer_fields()[0]["name"]  # the weekly check-in's first item
FIRST_KEY = worksheet(WEEKLY).answer_fields()[0]["path"][1]
NEUTRAL = "https://www.bbc.co.uk/weather"  # conf.py's exit_page
NEUTRAL_PAGE = "<!doctype html><title>Weather</title><p>Sunny spells.</p>"


def holds(kept: dict, word: str = WORD) -> bool:
    return word in json.dumps(kept, ensure_ascii=False)


def type_into(form, text=f"{WORD} by the river"):
    box = form.locator("textarea").first
    box.fill(text)
    box.blur()
    return box


def choose_level(form, level: str):
    form.locator("select.ws-level-choice").select_option(level)


# -- levels ------------------------------------------------------------------------
def test_a_sensitive_sheet_is_gone_when_its_tab_closes(context, site):
    assert worksheet(SENSITIVE).keep == "tab"
    first = context.new_page()
    form = open_worksheet(first, site, SENSITIVE)
    expect(form.locator("select.ws-level-choice")).to_have_value("tab")
    expect(form.locator(".ws-privacy-line")).to_contain_text("in this tab until you close it")
    type_into(form)
    assert holds(everything_kept(first)["session"])  # kept while the tab is open
    assert not holds(everything_kept(first)["local"])
    first.close()

    second = context.new_page()
    form = open_worksheet(second, site, SENSITIVE)
    expect(form.locator("textarea").first).to_have_value("")
    assert not holds(everything_kept(second))


def test_a_sheet_raised_to_this_device_is_shared_and_lowered_is_gone(context, site):
    first = context.new_page()
    form = open_worksheet(first, site, SENSITIVE)
    type_into(form)
    choose_level(form, "device")
    # one plain sentence on what that means on a shared device
    expect(status_of(form)).to_contain_text("Anyone who opens this browser on this device")
    assert holds(everything_kept(first)["local"])
    assert not holds(everything_kept(first)["session"])

    second = context.new_page()
    other = open_worksheet(second, site, SENSITIVE)
    expect(other.locator("textarea").first).to_have_value(f"{WORD} by the river")
    expect(other.locator("select.ws-level-choice")).to_have_value("device")

    choose_level(other, "tab")
    kept = everything_kept(second)
    assert not holds(kept["local"])  # gone from the device at once
    assert holds(kept["session"])
    choose_level(other, "nothing")
    assert not holds(everything_kept(second))
    expect(other.locator("textarea").first).to_have_value(
        f"{WORD} by the river"
    )  # still on the page


def test_keep_nothing_for_the_whole_book(page, site, dialogs):
    page.goto(f"{site}worksheets/{ORDINARY}.html")
    type_into(open_worksheet(page, site, ORDINARY), f"{WORD} before")
    assert holds(everything_kept(page)["local"])

    page.goto(f"{site}docs/your-answers.html")
    choice = page.get_by_label("Keep nothing on this device")
    choice.check()
    expect(page.locator(".ws-book-choices .ws-status")).to_contain_text("keeps nothing")
    assert not holds(everything_kept(page))  # what was kept went at once

    for ws_id in (ORDINARY, SENSITIVE, WEEKLY):
        form = open_worksheet(page, site, ws_id)
        expect(form.locator("select.ws-level-choice")).to_have_value("nothing")
        expect(form.locator("select.ws-level-choice")).to_be_disabled()
        if ws_id == WEEKLY:
            form.locator(f'input[name="{FIRST}"][value="3"]').check()
            form.locator('textarea[name="next_step"]').fill(f"{WORD} weekly")
            form.get_by_role("button", name="Save today's entry").click()
            expect(status_of(form)).to_contain_text("on this page only")
        else:
            type_into(form)
        assert not holds(everything_kept(page)), ws_id


# -- quick exit -----------------------------------------------------------------------
@pytest.fixture
def neutral(context):
    """The neutral page, served locally: nothing reaches the real site."""
    context.route(
        f"{NEUTRAL}**", lambda route: route.fulfill(body=NEUTRAL_PAGE, content_type="text/html")
    )
    return NEUTRAL


@pytest.mark.parametrize("how", ["button", "shift"])
def test_quick_exit_leaves_no_way_back_and_no_answers(page, site, neutral, how):
    page.goto(f"{site}index.html")
    form = open_worksheet(page, site, SENSITIVE)
    box = type_into(form)
    if how == "button":
        page.get_by_role("button", name="Emergency Exit this page").click()
    else:
        box.press("Shift+M")  # a capital letter's Shift does not count
        box.press("Shift+A")
        assert page.url.endswith(f"{SENSITIVE}.html")
        for _ in range(3):
            page.keyboard.press("Shift")
    page.wait_for_url(f"{neutral}**")
    expect(page.locator("p")).to_have_text("Sunny spells.")
    page.go_back()
    assert SENSITIVE not in page.url  # Back goes to the page before the sheet
    assert page.url.startswith(site)
    assert not holds(everything_kept(page))  # the tab's answers are gone
    form = open_worksheet(page, site, SENSITIVE)
    expect(form.locator("textarea").first).to_have_value("")


def test_the_quick_exit_is_on_every_page_first_in_reach_and_not_printed(page, site):
    for path in ("index.html", "docs/safety.html", f"worksheets/{ORDINARY}.html"):
        page.goto(site + path)
        exit_link = page.get_by_role("button", name="Emergency Exit this page")
        expect(exit_link).to_be_visible()
        box = exit_link.bounding_box()
        assert box["y"] < 60 and box["x"] > page.viewport_size["width"] / 2, (path, box)
    for _ in range(4):  # the skip link, then the exit, among the first stops
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('exit-this-page-button')"):
            break
    else:
        pytest.fail("the quick exit is not among the first keyboard stops")
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Emergency Exit this page")).to_be_hidden()


# -- forget everything ----------------------------------------------------------------
def test_forget_everything_leaves_no_key_of_the_book_and_other_apps_alone(page, site, dialogs):
    page.goto(site + "index.html")
    page.evaluate(
        """() => {
          localStorage.setItem("another-app:note", "keep me");
          localStorage.setItem("rebuilding-trust:forgiveness-check:0ld0version", '{"answers": {}}');
          sessionStorage.setItem("another-app:tab", "me too");
        }"""
    )
    type_into(open_worksheet(page, site, ORDINARY))
    type_into(open_worksheet(page, site, SENSITIVE))
    form = open_worksheet(page, site, WEEKLY)
    form.locator(f'input[name="{FIRST}"][value="4"]').check()
    form.get_by_role("button", name="Save today's entry").click()
    expect(status_of(form)).to_contain_text("entry for")  # saved before the next step
    choose_level(form, "tab")  # a setting too

    dialogs.answer("accept")
    form.get_by_role("button", name="Forget everything on this device").click()
    assert "Forget everything" in dialogs.seen[-1]
    # answers to 3 sheets and one of an earlier version, 1 entry, 1 setting
    expect(status_of(form)).to_contain_text("answers to 4 sheets, 1 saved entry and 1 setting")
    kept = everything_kept(page)
    assert not [k for k in [*kept["local"], *kept["session"]] if k.startswith("rebuilding-trust")]
    assert kept["local"] == {"another-app:note": "keep me"}
    assert kept["session"] == {"another-app:tab": "me too"}
    expect(form.locator(f'input[name="{FIRST}"][value="4"]')).not_to_be_checked()


# -- full storage (issue 23, item 1) ----------------------------------------------------
FULL = """Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};"""


def answers_file(tmp_path, ws, answers, history=None):
    path = tmp_path / f"{ws.id}-answers.json"
    path.write_text(json.dumps(envelope(ws, answers, history=history)), encoding="utf-8")
    return path


def import_file(form, path):
    with form.page.expect_file_chooser() as chooser:
        form.get_by_role("button", name="Import answers").click()
    chooser.value.set_files(path)


@pytest.mark.own_context  # a fake clock or an init script
def test_an_import_into_full_storage_says_it_is_not_kept(page, site, tmp_path):
    ws = worksheet(SENSITIVE)
    answers = ws.blank_answers()
    first = next(f for f in ws.answer_fields() if f["type"] == "text")
    answers[first["path"][0]][first["path"][1]] = f"{WORD} imported"
    page.add_init_script(FULL)
    form = open_worksheet(page, site, ws.id)
    import_file(form, answers_file(tmp_path, ws, answers))
    expect(status_of(form)).to_contain_text("not kept")
    expect(status_of(form)).not_to_contain_text("Answers imported")
    expect(form.locator(f'textarea[name="{first["name"]}"]')).to_have_value(f"{WORD} imported")
    assert stored(page, ws) is None
    page.reload()
    expect(form.locator(f'textarea[name="{first["name"]}"]')).to_have_value("")


@pytest.mark.own_context  # a fake clock or an init script
def test_a_weekly_import_into_full_storage_keeps_the_five_entries(page, site, tmp_path, dialogs):
    ws = worksheet(WEEKLY)
    entry = ws.blank_answers()
    entry["items"][FIRST_KEY] = 3
    five = [{"date": f"2026-11-0{d}", "answers": entry} for d in range(1, 6)]
    page.goto(site + "index.html")
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        [storage_key(ws, "history"), json.dumps(envelope(ws, {}, history=five))],
    )
    page.add_init_script(FULL)
    form = open_worksheet(page, site, ws.id)
    other = [{"date": "2026-11-20", "answers": entry}]
    dialogs.answer("accept")
    import_file(form, answers_file(tmp_path, ws, entry, history=other))
    expect(status_of(form)).to_contain_text("not kept")
    expect(status_of(form)).to_contain_text("your saved entries are as they were")
    expect(status_of(form)).not_to_contain_text("Answers imported")
    assert stored(page, ws, "history")["history"] == five
    expect(form.locator(".ws-progress button[data-date]")).to_have_count(5)


# -- two tabs (issue 23, item 5) --------------------------------------------------------
def test_two_tabs_follow_each_other(context, site, dialogs, tmp_path):
    ws = worksheet(WEEKLY)
    tabs = [context.new_page() for _ in range(2)]
    for tab in tabs:
        tab.on("dialog", dialogs)
    one, two = (open_worksheet(tab, site, ws.id) for tab in tabs)
    dialogs.always = "accept"

    one.locator(f'input[name="{FIRST}"][value="4"]').check()
    one.get_by_role("button", name="Save today's entry").click()
    expect(two.locator(".ws-progress button[data-date]")).to_have_count(1)  # Save
    expect(two.locator(f'input[name="{FIRST}"][value="4"]')).to_be_checked()

    entry = ws.blank_answers()
    entry["items"][FIRST_KEY] = 2
    history = [{"date": "2026-11-20", "answers": entry}, {"date": "2026-11-27", "answers": entry}]
    import_file(one, answers_file(tmp_path, ws, entry, history=history))
    expect(status_of(one)).to_contain_text("Answers imported")
    expect(two.locator(".ws-progress button[data-date]")).to_have_count(2)  # Import
    expect(two.locator(f'input[name="{FIRST}"][value="2"]')).to_be_checked()

    one.locator('button[data-date="2026-11-20"]').click()
    expect(one.locator(".ws-progress button[data-date]")).to_have_count(1)
    expect(two.locator(".ws-progress button[data-date]")).to_have_count(1)  # Delete
    # An entry gone behind this tab's back (written here, so no event comes):
    # its Delete says so instead of "was deleted".
    tabs[1].evaluate("key => localStorage.removeItem(key)", storage_key(ws, "history"))
    two.locator('button[data-date="2026-11-27"]').click()
    expect(status_of(two)).to_contain_text("already deleted")
    expect(two.locator(".ws-progress")).to_contain_text("No saved entries yet")

    one.get_by_role("button", name="Clear").click()
    expect(two.locator(f'input[name="{FIRST}"][value="2"]')).not_to_be_checked()  # Clear
    expect(two.locator(".ws-progress")).to_contain_text("No saved entries yet")


# -- the lock -----------------------------------------------------------------------------
PASSPHRASE = "correct horse battery"


def sealed_everywhere(kept: dict) -> bool:
    """Every value of the book but the lock's own record is {"locked": ...}."""
    values = {**kept["local"], **kept["session"]}
    book = {k: v for k, v in values.items() if k.startswith("rebuilding-trust:")}
    return bool(book) and all(
        k == "rebuilding-trust:lock" or list(json.loads(v)) == ["locked"] for k, v in book.items()
    )


def test_the_lock_seals_everything_and_only_the_passphrase_opens_it(page, site, dialogs):
    form = open_worksheet(page, site, WEEKLY)
    form.locator(f'input[name="{FIRST}"][value="4"]').check()
    form.locator('textarea[name="next_step"]').fill(f"{WORD} weekly")
    form.get_by_role("button", name="Save today's entry").click()
    expect(status_of(form)).to_contain_text("entry for")  # saved before the page is left
    type_into(open_worksheet(page, site, ORDINARY))

    page.goto(f"{site}docs/your-answers.html")
    expect(page.locator(".ws-lock")).to_contain_text("no one can recover")
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_label("The same again").fill(PASSPHRASE)
    page.get_by_role("button", name="Turn the lock on").click()
    expect(page.locator(".ws-book-choices .ws-status")).to_contain_text(
        "The lock is on", timeout=15000
    )
    kept = everything_kept(page)
    assert not holds(kept)
    assert sealed_everywhere(kept)  # no rating or count readable either

    # a reload, or any page, opens locked: no answer, summary, chart or count
    page.goto(f"{site}worksheets/{WEEKLY}.html")
    form = page.locator(f'form.worksheet[data-worksheet-id="{WEEKLY}"]').first
    expect(form.locator(".ws-locked-panel")).to_contain_text("locked")
    expect(form.locator(f'input[name="{FIRST}"][value="4"]')).not_to_be_checked()
    expect(form.locator(".ws-summary")).to_be_hidden()
    expect(form.locator(".ws-progress")).to_be_hidden()
    assert [b.inner_text() for b in form.locator(".ws-tools button").all()] == [
        "Unlock",
        "Forget everything on this device",
    ]

    before = everything_kept(page)
    form.get_by_label("Passphrase").fill("wrong horse")
    form.get_by_role("button", name="Unlock").click()
    expect(status_of(form)).to_contain_text("not the right one", timeout=15000)
    assert everything_kept(page) == before  # the same bytes

    form.get_by_label("Passphrase").fill(PASSPHRASE)
    form.get_by_role("button", name="Unlock").click()
    expect(form.locator(f'input[name="{FIRST}"][value="4"]')).to_be_checked(timeout=15000)
    expect(form.locator('textarea[name="next_step"]')).to_have_value(f"{WORD} weekly")
    expect(form.locator(".ws-progress button[data-date]")).to_have_count(
        1, timeout=15000
    )  # the entry is back
    expect(form.locator(".ws-summary")).to_contain_text("Summary")

    # what is written while unlocked is sealed too
    form.locator('textarea[name="next_step"]').fill("Lavender later")
    key = storage_key(worksheet(WEEKLY))
    page.wait_for_function(
        "([key, old]) => localStorage.getItem(key) !== old", arg=[key, before["local"][key]]
    )
    kept = everything_kept(page)
    assert not holds(kept, "Lavender") and sealed_everywhere(kept)


def test_answers_kept_on_the_device_before_a_stricter_default_wait_for_the_reader(page, site):
    """A sensitive sheet's answers kept by the first edition stay until the reader chooses."""
    ws = worksheet(SENSITIVE)
    first = next(f for f in ws.answer_fields() if f["type"] == "text")
    answers = ws.blank_answers()
    answers[first["path"][0]][first["path"][1]] = f"{WORD} of old"
    from worksheet_kit.core.editions_v1 import TABLE

    version = next(iter(TABLE[ws.id]))  # the second edition's, which the frozen table reads
    position = [key for key, _ in TABLE[ws.id][version][first["path"][0]]].index(first["path"][1])
    answers = {first["path"][0]: {str(position + 1): f"{WORD} of old"}}
    record = {"schema": "rebuilding-trust-answers/1", "worksheet": ws.id, "version": version}
    old_key = f"rebuilding-trust:{ws.id}:{version}"
    page.goto(site + "index.html")
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        [old_key, json.dumps({**record, "answers": answers})],
    )
    form = open_worksheet(page, site, ws.id)
    notice = form.locator(".ws-notice", has_text="kept on this device")
    expect(notice).to_be_visible()
    assert holds(everything_kept(page)["local"])  # nothing deleted without a choice
    notice.get_by_role("button", name="Keep them only in this tab").click()
    expect(notice).to_have_count(0)
    expect(form.locator(f'textarea[name="{first["name"]}"]')).to_have_value(f"{WORD} of old")
    kept = everything_kept(page)
    assert not holds(kept["local"]) and holds(kept["session"])


def turn_lock_on(page, site):
    page.goto(f"{site}docs/your-answers.html")
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_label("The same again").fill(PASSPHRASE)
    page.get_by_role("button", name="Turn the lock on").click()
    expect(page.locator(".ws-book-choices .ws-status")).to_contain_text(
        "The lock is on", timeout=15000
    )


def test_a_lock_change_cut_short_loses_nothing_and_leaves_nothing_readable(page, site):
    type_into(open_worksheet(page, site, ORDINARY))
    key = storage_key(worksheet(ORDINARY))
    plain = page.evaluate("key => localStorage.getItem(key)", key)
    # Turning the lock on, cut short before its record was written: sealed
    # copies are staged, the plain value still stands.
    page.evaluate(
        "key => localStorage.setItem('rebuilding-trust:staged:' + key, "
        """'{"locked": {"iv": "AAAAAAAAAAAAAAAA", "data": "AAAA"}}')""",
        key,
    )
    form = open_worksheet(page, site, ORDINARY)
    expect(form.locator("textarea").first).to_have_value(f"{WORD} by the river")
    assert everything_kept(page)["local"] == {key: plain}

    turn_lock_on(page, site)
    # Turning it off, cut short before it was committed: a plain copy is staged.
    page.evaluate(
        "([key, plain]) => localStorage.setItem('rebuilding-trust:staged:' + key, plain)",
        [key, plain],
    )
    page.goto(f"{site}docs/your-answers.html")
    kept = everything_kept(page)
    assert not holds(kept) and sealed_everywhere(kept)  # the plain copy is gone
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    page.get_by_role("button", name="Turn the lock off").click()
    expect(page.locator(".ws-book-choices .ws-status")).to_contain_text("The lock is off")
    assert everything_kept(page)["local"] == {key: plain}  # back as it was, nothing lost


@pytest.mark.own_context  # a fake clock or an init script
def test_the_lock_closes_by_itself_after_the_time_without_use(page, site):
    type_into(open_worksheet(page, site, ORDINARY))
    turn_lock_on(page, site)  # after 15 minutes without use, the default
    page.goto(f"{site}worksheets/{ORDINARY}.html")
    form = page.locator(f'form.worksheet[data-worksheet-id="{ORDINARY}"]').first
    form.get_by_label("Passphrase").fill(PASSPHRASE)
    form.get_by_role("button", name="Unlock").click()
    box = form.locator("textarea").first
    expect(box).to_have_value(f"{WORD} by the river", timeout=15000)
    page.clock.install()
    box.press("End")  # a use: the 15 minutes start again, on the test's clock
    page.clock.fast_forward("14:00")
    expect(box).to_have_value(f"{WORD} by the river")
    page.clock.fast_forward("01:30")
    expect(form.locator(".ws-locked-panel")).to_be_visible()
    expect(box).to_be_hidden()
    assert box.input_value() == ""
