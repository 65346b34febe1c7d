"""Every page: nothing leaves the machine, axe finds nothing, tables fit, search works."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from .harness import (
    axe_problems,
    expect,
    fill,
    status_of,
    worksheet,
)

pytestmark = pytest.mark.browser


# -- every page: nothing leaves the machine, axe finds nothing ----------------------
def all_pages(book_html) -> list[str]:
    return sorted(
        p.relative_to(book_html).as_posix()
        for p in book_html.rglob("*.html")
        if not p.relative_to(book_html).parts[0].startswith(("_", "."))
    )


def watch_requests(context, outside: list):
    def check(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.hostname != "127.0.0.1":
            outside.append(request.url)

    context.on("request", check)


AXE_SHARES = 4  # every page, in four shares the two test workers run side by side
DESKTOP = {"width": 1350, "height": 940}  # Lighthouse 12's desktop preset


@pytest.mark.parametrize("share", range(AXE_SHARES))
def test_every_page_stays_local_and_passes_axe(browser, site, book_html, share):
    ctx = browser.new_context(viewport=DESKTOP)
    outside: list[str] = []
    watch_requests(ctx, outside)
    problems = []
    try:
        tab = ctx.new_page()
        errors = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        pages = all_pages(book_html)
        assert "index.html" in pages
        for path in pages[share::AXE_SHARES]:
            tab.goto(site + path, wait_until="load")
            found = axe_problems(tab)
            if found:
                problems.append(f"{path}:\n{found}")
        print("\n".join(problems))
        assert not outside, f"requests to other hosts: {outside}"
        assert not errors, errors
        assert not problems, "axe violations:\n" + "\n".join(problems)
    finally:
        ctx.close()


def test_worksheet_pages_dark_and_narrow(browser, site, worksheet_pages):
    """Dark mode on a phone, with answers, a notice and a message showing."""
    ctx = browser.new_context(
        color_scheme="dark", viewport={"width": 360, "height": 740}, device_scale_factor=2
    )
    outside: list[str] = []
    watch_requests(ctx, outside)
    problems = []
    try:
        tab = ctx.new_page()
        ids = [ids[0] for ids in worksheet_pages.values() if ids]  # one of each kind
        if not ids:
            pytest.skip("the book has no worksheets yet")
        for ws_id in ids:
            ws = worksheet(ws_id)
            tab.goto(f"{site}worksheets/{ws_id}.html")
            tab.evaluate(
                "key => localStorage.setItem(key, '{}')", f"rebuilding-trust:{ws_id}:0ld0version"
            )
            tab.reload()
            form = tab.locator(f'form.worksheet[data-worksheet-id="{ws_id}"]').first
            expect(form.locator(".ws-notice")).to_be_visible()
            fill(form, ws)
            form.locator('input[type="file"]').set_input_files(
                files=[{"name": "bad.json", "mimeType": "application/json", "buffer": b"nope"}]
            )
            expect(status_of(form)).to_contain_text("Nothing was changed")
            width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if width[0] > width[1]:
                problems.append(f"{ws_id}: the page scrolls sideways on a phone ({width})")
            spill = form.locator(".ws-choice, .ws-button").evaluate_all(
                "els => els.filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)"
            )
            if spill:
                problems.append(f"{ws_id}: text spills out of {spill}")
            found = axe_problems(tab)
            if found:
                problems.append(f"{ws_id} (dark, narrow):\n{found}")
        print("\n".join(problems))
        assert not outside, f"requests to other hosts: {outside}"
        assert not problems, "\n".join(problems)
    finally:
        ctx.close()


# -- layout: worksheet tables fit their box on desktop screens ---------------------
TABLE_FIT = """() => [...document.querySelectorAll("table.ws-table")].map((table) => {
  const box = table.parentElement;
  return {
    caption: table.caption ? table.caption.textContent : "(no caption)",
    table: table.scrollWidth,
    content: box.scrollWidth,
    box: box.clientWidth,
  };
})"""


@pytest.mark.parametrize("width", [1280, 1920])
def test_worksheet_tables_fit_their_box_on_desktop(browser, site, book_html, width):
    """No column of any worksheet table is scrolled out of sight (wide ones become cards)."""
    pages = sorted(
        path.relative_to(book_html).as_posix()
        for path in book_html.rglob("*.html")
        if 'class="ws-table"' in path.read_text(encoding="utf-8")
    )
    assert "worksheets/trust-thought-record.html" in pages
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    try:
        tab = ctx.new_page()
        too_wide = []
        for page_path in pages:
            tab.goto(site + page_path)
            for found in tab.evaluate(TABLE_FIT):
                if max(found["table"], found["content"]) > found["box"]:
                    too_wide.append(f"{page_path}: {found}")
        assert not too_wide, "tables wider than their box:\n" + "\n".join(too_wide)
    finally:
        ctx.close()


# -- search and pages opened from disk ----------------------------------------------
@pytest.mark.parametrize("query", ["988", "crisis line", "help now abuse"])
def test_a_search_for_help_lists_safety_first_at_the_top(page, site, query):
    page.goto(site + "search.html?q=" + query.replace(" ", "+"))
    expect(page.locator(".search-summary")).to_contain_text("found")
    first = page.locator("#search-results li a").first
    expect(first).to_have_attribute("href", re.compile(r"docs/safety\.html"))


def test_a_search_leaves_no_word_of_it_in_the_browser(page, site):
    """Sphinx's search kept the words in localStorage until the next page
    highlighted them; a reader who closed the tab on the results left them
    there, on a shared device (_ext/page_assets.py)."""
    page.goto(site + "search.html?q=betrayal+988")
    expect(page.locator(".search-summary")).to_contain_text("found")
    kept = page.evaluate("() => JSON.stringify([{...localStorage}, {...sessionStorage}])")
    assert "betrayal" not in kept and "988" not in kept


def test_arrow_keys_open_the_next_and_previous_page_but_not_while_typing(page, site):
    """doctools.js's keys (navigation_with_keys), from page-keys.js alone."""
    page.goto(site + "docs/signs-of-erosion.html")
    following = page.locator('link[rel="next"]').get_attribute("href")
    page.locator("input[name=q]").first.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.type("/")
    assert page.url.endswith("docs/signs-of-erosion.html")
    expect(page.locator("input[name=q]").first).to_have_value("/")
    page.locator("h1").first.click()
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**/" + following.rsplit("/", 1)[-1])
    page.keyboard.press("ArrowLeft")
    page.wait_for_url("**/signs-of-erosion.html")


def test_a_page_opened_as_a_file_says_how_to_serve_the_book(page, site, book_html):
    page.goto(site + "worksheets/apology-builder.html")
    expect(page.locator("form.worksheet").first).to_be_visible()
    assert page.locator(".opened-from-disk").count() == 0
    page.goto((book_html / "worksheets" / "apology-builder.html").as_uri())
    note = page.locator(".opened-from-disk")
    expect(note).to_contain_text("Save link as")
    expect(note).to_contain_text("python3 -m http.server -d _build/html")


def test_search_opened_as_a_file_finds_words_in_the_text_without_errors(page, book_html):
    """Search lists pages by words in their text (988 is in no title), tries no
    page previews it may not read there, and its note says what it does."""
    console = []
    page.on("console", lambda message: message.type == "error" and console.append(message.text))
    page.goto((book_html / "search.html").as_uri() + "?q=988")
    expect(page.locator(".search-summary")).to_contain_text("found")
    expect(page.locator("#search-results li a").first).to_have_attribute(
        "href", re.compile(r"docs/safety\.html")
    )
    page.wait_for_timeout(500)  # a preview's read of the page fails in well under that
    assert console == []  # the page fixture fails the test on an uncaught error
    note = page.locator(".opened-from-disk")
    expect(note).to_contain_text("lists the pages that hold your words, without a preview")
    expect(note).not_to_contain_text("titles only")


def test_printing_a_long_sheet_starts_its_questions_on_the_first_page(browser, site, tmp_path):
    """furo keeps lists whole when printing; a sheet's list of prompts may break."""
    from pdf_text import page_texts

    page = browser.new_page()
    try:
        page.goto(f"{site}worksheets/what-i-need-you-to-know.html")
        pdf = page.pdf(format="A4")
    finally:
        page.close()
    first = page_texts(pdf)[0]
    assert "What happened, as I lived it" in first
