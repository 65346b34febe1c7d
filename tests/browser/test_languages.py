"""Answers belong to the reader, not to a language: a sheet filled in on its
English page shows the same answers on its Spanish page, and the reverse
(issue 26, point 3). Same origin, same storage key, the English edition."""

from __future__ import annotations

import pytest
from languages import SPANISH, two_language_site

from .harness import axe_problems, expect, served

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def two_language_server(tmp_path_factory):
    site, _ = two_language_site(tmp_path_factory)
    with served(site) as url:
        yield url


def sheet(page, url):
    page.goto(url)
    form = page.locator('form.worksheet[data-worksheet-id="demo"]').first
    expect(form.locator(".ws-toolbar")).to_be_visible()
    return form


def test_an_answer_given_in_one_language_shows_in_the_other(page, two_language_server):
    english = f"{two_language_server}worksheets/demo.html"
    spanish = f"{two_language_server}{SPANISH}/worksheets/demo.html"
    form = sheet(page, english)
    edition = form.get_attribute("data-edition")
    expect(form).to_contain_text("I feel calm.")
    form.locator('input[name="items.calm"]').check()
    form.locator('textarea[name="next_step"]').fill("Walk on Sunday")
    form.locator('textarea[name="next_step"]').blur()

    form = sheet(page, spanish)
    expect(form).to_contain_text("Siento calma.")  # the Spanish sheet...
    assert form.get_attribute("data-edition") == edition  # ...is the same edition
    expect(form.locator('input[name="items.calm"]')).to_be_checked()
    expect(form.locator('textarea[name="next_step"]')).to_have_value("Walk on Sunday")
    form.locator('input[name="items.plain"]').check()

    form = sheet(page, english)
    expect(form.locator('input[name="items.calm"]')).to_be_checked()
    expect(form.locator('input[name="items.plain"]')).to_be_checked()


def test_the_language_link_leads_to_the_same_sheet(page, two_language_server):
    sheet(page, f"{two_language_server}worksheets/demo.html")
    page.get_by_role("link", name="Español").click()
    expect(page).to_have_url(f"{two_language_server}{SPANISH}/worksheets/demo.html")
    assert page.locator("html").get_attribute("lang") == SPANISH
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{two_language_server}worksheets/demo.html")


def test_the_spanish_pages_pass_axe(page, two_language_server):
    for path in ("index.html", "docs/chapter.html", "worksheets/demo.html", "search.html"):
        page.goto(f"{two_language_server}{SPANISH}/{path}")
        assert page.locator("html").get_attribute("lang") == SPANISH
        problems = axe_problems(page)
        assert not problems, f"{SPANISH}/{path}:\n{problems}"
