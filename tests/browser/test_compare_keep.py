"""A partner's answers are kept only when the reader asks (issue 24): then under
the sheet's partner slot, at the sheet's level, sealed by the lock, moved by a
change of level and removed by "Forget my partner's answers" or "Forget
everything"."""

from __future__ import annotations

import json

import pytest

from worksheet_kit.core.editions import envelope

from .harness import (
    axe_problems,
    everything_kept,
    expect,
    open_worksheet,
    status_of,
    storage_key,
    stored,
    worksheet,
)
from .test_storage import FULL, PASSPHRASE, choose_level, sealed_everywhere, turn_lock_on

pytestmark = pytest.mark.browser
ON_DEVICE = "trust-snapshot"  # keep="device"
IN_THE_TAB = "intimacy-menu"  # keep="tab"
THEIRS = "Lupins by the lake"  # the partner's own words, searched for in every storage
MINE = "My own next step"
KEEP = "Keep my partner's answers here"


def holds(kept: dict, words: str = THEIRS) -> bool:
    return words in json.dumps(kept, ensure_ascii=False)


def partner_file(tmp_path, ws_id: str, words: str = THEIRS):
    """A partner's export: the first item at its highest answer, and their words."""
    ws = worksheet(ws_id)
    answers = ws.blank_answers()
    first = ws.answer_fields()[0]
    answers[first["path"][0]][first["path"][1]] = first.get("high", True)
    answers["next_step"] = words
    path = tmp_path / f"{ws_id}-partner.json"
    path.write_text(json.dumps(envelope(ws, answers)), encoding="utf-8")
    return path


def compare(form, path):
    """Open Compare and choose the partner's file; the side-by-side view."""
    form.get_by_role("button", name="Compare with my partner").click()
    form.locator('.ws-compare input[type="file"]').set_input_files(path)
    section = form.locator(".ws-comparison")
    expect(section).to_be_visible()
    return section


def fill_mine(form):
    box = form.locator('textarea[name="next_step"]')
    box.fill(MINE)
    box.blur()


def keep(form, where: str):
    section = form.locator(".ws-comparison")
    expect(section).to_contain_text(f"If you keep them, your partner's answers stay {where}")
    section.get_by_role("button", name=KEEP).click()
    expect(status_of(form)).to_contain_text(f"Your partner's answers are kept {where}")


def test_not_kept_unless_the_reader_asks(page, site, tmp_path):
    form = open_worksheet(page, site, ON_DEVICE)
    section = compare(form, partner_file(tmp_path, ON_DEVICE))
    expect(section.get_by_role("button", name=KEEP)).to_be_visible()  # offered, not done
    assert not holds(everything_kept(page))
    section.get_by_role("button", name="Close and forget my partner's answers").click()
    assert not holds(everything_kept(page))
    page.reload()
    form.get_by_role("button", name="Compare with my partner").click()
    expect(form.locator(".ws-compare")).to_contain_text("Never compare")
    expect(form.locator(".ws-comparison")).to_have_count(0)  # nothing to show
    assert not holds(everything_kept(page))


def test_kept_on_the_device_come_back_after_a_reload_and_in_a_new_tab(
    context, page, site, tmp_path
):
    ws = worksheet(ON_DEVICE)
    form = open_worksheet(page, site, ON_DEVICE)
    fill_mine(form)
    mine = stored(page, ws)
    compare(form, partner_file(tmp_path, ON_DEVICE))
    keep(form, "in this browser on this device")
    kept = everything_kept(page)
    assert holds(kept["local"]) and not holds(kept["session"])
    assert storage_key(ws, "partner") in kept["local"]
    assert stored(page, ws) == mine  # the reader's own answers are untouched
    expect(form.get_by_role("button", name="Forget my partner's answers")).to_be_visible()
    assert axe_problems(page) == ""
    page.emulate_media(media="print")
    expect(form.locator(".ws-compare-keep")).to_be_hidden()  # paper shows the answers only
    page.emulate_media(media="screen")

    for tab in (page, context.new_page()):  # a reload, and a new tab
        again = open_worksheet(tab, site, ON_DEVICE)
        again.get_by_role("button", name="Compare with my partner").click()
        section = again.locator(".ws-comparison")
        expect(section).to_contain_text(THEIRS)  # shown at once, with the reminder
        expect(section).to_contain_text("Never compare if either of you is afraid")
        expect(section).to_contain_text(MINE)
        expect(section.get_by_role("button", name=KEEP)).to_have_count(0)


def test_a_wrong_file_leaves_kept_answers_as_they_were(page, site, tmp_path):
    form = open_worksheet(page, site, ON_DEVICE)
    compare(form, partner_file(tmp_path, ON_DEVICE))
    keep(form, "in this browser on this device")
    before = everything_kept(page)
    wrong = partner_file(tmp_path, "signs-of-erosion", "Another sheet")
    form.locator('.ws-comparison input[type="file"]').set_input_files(wrong)
    expect(status_of(form)).to_contain_text("Could not compare")
    assert everything_kept(page) == before


def test_kept_in_the_tab_on_a_sheet_kept_until_the_tab_closes(context, page, site, tmp_path):
    assert worksheet(IN_THE_TAB).keep == "tab"
    form = open_worksheet(page, site, IN_THE_TAB)
    compare(form, partner_file(tmp_path, IN_THE_TAB))
    keep(form, "in this tab until you close it")
    kept = everything_kept(page)
    assert holds(kept["session"]) and not holds(kept["local"])
    other = open_worksheet(context.new_page(), site, IN_THE_TAB)
    other.get_by_role("button", name="Compare with my partner").click()
    expect(other.locator(".ws-comparison")).to_have_count(0)  # another tab has none


def test_forget_my_partners_answers_and_forget_everything_remove_them(
    page, site, tmp_path, dialogs
):
    form = open_worksheet(page, site, ON_DEVICE)
    compare(form, partner_file(tmp_path, ON_DEVICE))
    keep(form, "in this browser on this device")
    form.get_by_role("button", name="Forget my partner's answers").click()
    expect(status_of(form)).to_contain_text("no longer keeps them")
    expect(form.locator(".ws-comparison")).to_have_count(0)
    assert not holds(everything_kept(page))

    compare(form, partner_file(tmp_path, ON_DEVICE))
    keep(form, "in this browser on this device")
    dialogs.answer("accept")
    form.get_by_role("button", name="Forget everything on this device").first.click()
    expect(status_of(form)).to_contain_text("Your partner's answers to 1 sheet were forgotten too.")
    expect(form.locator(".ws-comparison")).to_have_count(0)
    assert not holds(everything_kept(page))


@pytest.mark.own_context  # a fake clock or an init script
def test_with_the_lock_on_kept_answers_are_sealed(page, site, tmp_path):
    form = open_worksheet(page, site, ON_DEVICE)
    compare(form, partner_file(tmp_path, ON_DEVICE))
    keep(form, "in this browser on this device")
    turn_lock_on(page, site)  # what was kept is sealed
    kept = everything_kept(page)
    assert not holds(kept) and sealed_everywhere(kept)

    page.goto(f"{site}worksheets/{ON_DEVICE}.html")  # opens locked
    form = page.locator(f'form.worksheet[data-worksheet-id="{ON_DEVICE}"]').first
    form.get_by_label("Passphrase").fill(PASSPHRASE)
    form.get_by_role("button", name="Unlock").click()
    form.get_by_role("button", name="Compare with my partner").click(timeout=15000)
    expect(form.locator(".ws-comparison")).to_contain_text(THEIRS)
    form.get_by_role("button", name="Forget my partner's answers").click()
    # kept again while unlocked: written sealed, and only then said to be kept
    compare(form, partner_file(tmp_path, ON_DEVICE, "Foxgloves in June"))
    keep(form, "in this browser on this device")
    kept = everything_kept(page)
    assert storage_key(worksheet(ON_DEVICE), "partner") in kept["local"]
    assert not holds(kept, "Foxgloves") and sealed_everywhere(kept)

    # locking by itself after a time without use takes the comparison off the screen
    page.clock.install()
    form.get_by_role("button", name="Print this sheet").first.focus()
    form.press("Tab")  # a use: the 15 minutes start again, on the test's clock
    page.clock.fast_forward("15:30")
    expect(form.locator(".ws-locked-panel")).to_be_visible()
    expect(form.locator(".ws-comparison")).to_have_count(0)
    assert "Foxgloves" not in page.locator("body").inner_text()


def test_a_stricter_level_moves_them_out_of_local_storage_at_once(page, site, tmp_path):
    form = open_worksheet(page, site, ON_DEVICE)
    compare(form, partner_file(tmp_path, ON_DEVICE))
    keep(form, "in this browser on this device")
    choose_level(form, "tab")
    kept = everything_kept(page)
    assert not holds(kept["local"]) and holds(kept["session"])
    section = form.locator(".ws-comparison")
    expect(section).to_contain_text(
        "Your partner's answers are kept in this tab until you close it."
    )
    choose_level(form, "nothing")
    assert not holds(everything_kept(page))
    expect(section.get_by_role("button", name=KEEP)).to_have_count(0)  # never at "nothing"
    choose_level(form, "device")  # raised again: nothing comes back by itself
    assert not holds(everything_kept(page))


def test_never_offered_when_the_book_keeps_nothing(page, site, tmp_path):
    form = open_worksheet(page, site, ON_DEVICE)
    section = compare(form, partner_file(tmp_path, ON_DEVICE))
    expect(section.get_by_role("button", name=KEEP)).to_be_visible()
    page.goto(f"{site}docs/your-answers.html")
    page.get_by_label("Keep nothing on this device").check()
    form = open_worksheet(page, site, ON_DEVICE)
    section = compare(form, partner_file(tmp_path, ON_DEVICE))
    expect(
        section.get_by_role("button", name="Close and forget my partner's answers")
    ).to_be_visible()
    expect(section.get_by_role("button", name=KEEP)).to_have_count(0)
    expect(section).not_to_contain_text("If you keep them")


@pytest.mark.own_context  # a fake clock or an init script
def test_full_storage_says_they_are_not_kept(page, site, tmp_path):
    page.add_init_script(FULL)
    form = open_worksheet(page, site, ON_DEVICE)
    compare(form, partner_file(tmp_path, ON_DEVICE))
    form.get_by_role("button", name=KEEP).click()
    expect(status_of(form)).to_contain_text(
        "This browser's storage is full, so your partner's answers were not kept."
    )
    expect(status_of(form)).not_to_contain_text("are kept")
    expect(form.get_by_role("button", name=KEEP)).to_be_visible()  # still only on the page
    assert not holds(everything_kept(page))
