"""Both partners side by side in the browser: the same lines as the notebook's
`compare`, the partner's answers in no storage, and wrong files refused."""

from __future__ import annotations

import json

import pytest

from .harness import (
    axe_problems,
    everything_kept,
    expect,
    open_worksheet,
    status_of,
    worksheet,
)

pytestmark = pytest.mark.browser
PARTNER_WORDS = "Partner's own words: a Sunday walk"


def rate(form, ws, ratings: dict[int, int]):
    for n, value in ratings.items():
        name = ws.answer_fields()[n - 1]["name"]
        form.locator(f'input[name="{name}"][value="{value}"]').check()


def export_from_new_browser(browser, site, ws, ratings, words, tmp_path, name):
    """Fill the sheet in a browser context of its own and Export, as one partner would."""
    context = browser.new_context(accept_downloads=True)
    try:
        page = context.new_page()
        form = open_worksheet(page, site, ws.id)
        rate(form, ws, ratings)
        form.locator('textarea[name="next_step"]').fill(words)
        with page.expect_download() as download:
            form.get_by_role("button", name="Export answers").click()
        target = tmp_path / name
        download.value.save_as(target)
        return target
    finally:
        context.close()


def shown_lines(section) -> list[str]:
    return [" ".join(line.split()) for line in section.inner_text().splitlines() if line.strip()]


def python_lines(summary) -> list[str]:
    lines = []
    for line in str(summary).splitlines():
        line = " ".join(line.strip().removeprefix("- ").split())
        if line:
            lines.append(line)
    return lines


def compare_in_page(page, form, partner_file):
    form.get_by_role("button", name="Compare with my partner").click()
    reminder = form.locator(".ws-compare")
    expect(reminder).to_contain_text("Never compare if either of you is afraid")
    expect(reminder.get_by_role("link", name="read Safety first")).to_be_visible()
    reminder.locator('input[type="file"]').set_input_files(partner_file)
    return form.locator(".ws-comparison")


@pytest.mark.parametrize(
    "ws_id, mine, theirs",
    [
        ("trust-snapshot", {1: 5, 2: 4, 3: 1, 4: 2}, {1: 4, 2: 1, 3: 2, 4: 5}),
        ("signs-of-erosion", {1: 4, 2: 0, 3: 3}, {1: 3, 2: 1, 3: 0}),
        ("intimacy-menu", {1: 2, 2: 2, 3: 1, 4: 0, 5: 2}, {1: 2, 2: 1, 3: 1, 4: 2, 5: 0}),
    ],
)
def test_two_exports_compare_in_a_third_browser_as_in_the_notebook(
    browser, page, site, tmp_path, ws_id, mine, theirs
):
    ws = worksheet(ws_id)
    my_file = export_from_new_browser(browser, site, ws, mine, "My step", tmp_path, "mine.json")
    their_file = export_from_new_browser(
        browser, site, ws, theirs, PARTNER_WORDS, tmp_path, "theirs.json"
    )
    form = open_worksheet(page, site, ws.id)
    form.locator('input[type="file"]').first.set_input_files(my_file)
    expect(status_of(form)).to_contain_text("imported")
    section = compare_in_page(page, form, their_file)
    expect(section).to_be_visible()

    expected = python_lines(ws.compare(ws.load_answers(my_file), ws.load_answers(their_file)))
    assert shown_lines(section)[: len(expected)] == expected
    assert axe_problems(page) == ""
    kept = json.dumps(everything_kept(page), ensure_ascii=False)
    assert "Sunday walk" not in kept  # the partner's words are in no storage

    form.get_by_role("button", name="Close and forget my partner's answers").click()
    expect(form.locator(".ws-comparison")).to_have_count(0)
    assert "Sunday walk" not in form.evaluate("f => f.ownerDocument.body.innerText")


def test_the_intimacy_menu_never_shows_a_one_sided_yes(browser, page, site, tmp_path):
    ws = worksheet("intimacy-menu")
    labels = [f["label"] for f in ws.answer_fields() if f["type"] == "scale"]
    # item 1: both Yes; item 2: Yes and Maybe; item 3: Yes and No; item 4: No and Yes
    my_file = export_from_new_browser(
        browser, site, ws, {1: 2, 2: 2, 3: 2, 4: 0}, "", tmp_path, "a.json"
    )
    their_file = export_from_new_browser(
        browser, site, ws, {1: 2, 2: 1, 3: 0, 4: 2}, "", tmp_path, "b.json"
    )
    views = []
    for first, second in ((my_file, their_file), (their_file, my_file)):
        form = open_worksheet(page, site, ws.id)
        form.locator('input[type="file"]').first.set_input_files(first)
        expect(status_of(form)).to_contain_text("imported")
        views.append(shown_lines(compare_in_page(page, form, second)))
        page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    assert views[0] == views[1]  # each partner sees the same view
    text = "\n".join(views[0])
    assert labels[0] in text and labels[1] in text
    assert labels[2] not in text and labels[3] not in text  # one-sided answers never show


@pytest.mark.own_context  # a fake clock or an init script
def test_weekly_entries_of_both_partners_are_drawn_as_two_series(browser, page, site, tmp_path):
    ws = worksheet("weekly-check-in")
    first = ws.answer_fields()[0]["path"][1]
    history = lambda pairs: [  # noqa: E731
        {
            "date": d,
            "answers": {**ws.blank_answers(), "items": {**ws.blank_answers()["items"], first: v}},
        }
        for d, v in pairs
    ]
    from worksheet_kit.core.editions import envelope

    files = {}
    for name, entries in (
        ("mine", history([("2026-11-20", 2), ("2026-11-27", 4)])),
        ("theirs", history([("2026-11-21", 3), ("2026-11-28", 3)])),
    ):
        data = envelope(ws, entries[-1]["answers"], history=entries)
        files[name] = tmp_path / f"{name}.json"
        files[name].write_text(json.dumps(data), encoding="utf-8")
    page.clock.set_fixed_time("2026-11-30T10:00:00")
    form = open_worksheet(page, site, ws.id)
    form.locator('input[type="file"]').first.set_input_files(files["mine"])
    expect(status_of(form)).to_contain_text("imported")
    section = compare_in_page(page, form, files["theirs"])
    expect(section.locator("polyline")).to_have_count(2)
    expect(section.locator("polyline.ws-series-partner")).to_have_css(
        "stroke-dasharray", "6px, 4px"
    )
    expect(section.locator("rect.ws-series-partner")).to_have_count(2)
    expect(section.locator("table tr")).to_have_count(5)  # a header and four dates
    text = " ".join(shown_lines(section))
    assert "Since 2026-11-20, your average rating went up from 2.0 to 4.0." in text
    assert "Since 2026-11-21, your partner's average rating stayed at 3.0." in text


def test_a_wrong_partner_file_changes_nothing_and_says_why(page, site, tmp_path):
    ws = worksheet("trust-snapshot")
    other = worksheet("signs-of-erosion")
    from worksheet_kit.core.editions import envelope

    mine = {**ws.blank_answers(), "next_step": "Mine"}
    mine["items"][ws.answer_fields()[0]["path"][1]] = 5
    my_file = tmp_path / "mine.json"
    my_file.write_text(json.dumps(envelope(ws, mine)), encoding="utf-8")
    wrong = {
        "another sheet": json.dumps(envelope(other, other.blank_answers())),
        "not JSON": "{nope",
        "a later edition of another sheet": json.dumps({**envelope(other, {}), "edition": "later"}),
        "my own file": my_file.read_text(encoding="utf-8"),
    }
    form = open_worksheet(page, site, ws.id)
    form.locator('input[type="file"]').first.set_input_files(my_file)
    expect(status_of(form)).to_contain_text("Answers imported from")  # Import loads on its use
    before = everything_kept(page)
    for case, content in wrong.items():
        path = tmp_path / "partner.json"
        path.write_text(content, encoding="utf-8")
        compare_in_page(page, form, path)
        expect(status_of(form)).to_contain_text("Could not compare")
        expect(form.locator(".ws-comparison")).to_have_count(0)
        assert everything_kept(page) == before, case
    expect(status_of(form)).to_contain_text("same answers as yours")


def test_one_device_two_people_compare_a_copy_kept_nowhere(page, site):
    ws = worksheet("trust-snapshot")
    form = open_worksheet(page, site, ws.id)
    rate(form, ws, {1: 5, 2: 4, 3: 1})
    form.locator('textarea[name="next_step"]').fill("Mine")
    form.get_by_role("button", name="Compare with my partner").click()
    form.get_by_role("button", name="My partner fills in a copy here").click()
    copy = page.locator("form.ws-partner-copy")
    expect(copy).to_be_visible()
    for n, value in {1: 4, 2: 1, 3: 2}.items():
        name = ws.answer_fields()[n - 1]["name"]
        copy.locator(f'input[name="{name}"][value="{value}"]').check()
    copy.locator('textarea[name="next_step"]').fill(PARTNER_WORDS)
    assert "Sunday walk" not in json.dumps(everything_kept(page), ensure_ascii=False)
    assert axe_problems(page) == ""
    page.get_by_role("button", name="Compare with my answers").click()
    section = form.locator(".ws-comparison")
    keys = [f["path"][1] for f in ws.answer_fields()[:3]]
    mine = {"items": dict(zip(keys, (5, 4, 1), strict=True)), "next_step": "Mine"}
    theirs = {"items": dict(zip(keys, (4, 1, 2), strict=True)), "next_step": PARTNER_WORDS}
    expected = python_lines(ws.compare(mine, theirs))
    assert shown_lines(section)[: len(expected)] == expected
    assert "Sunday walk" not in json.dumps(everything_kept(page), ensure_ascii=False)
    summary = " ".join(form.locator(".ws-summary").inner_text().split())
    assert "Sunday walk" not in summary  # the reader's own summary is theirs alone
