"""What a page loads: only what it uses, and the theme's styles trimmed
(_ext/page_assets.py, _ext/unused_css.py, _ext/small_static.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO
from test_bench import bench_module

sys.path.insert(0, str(REPO / "_ext"))
from unused_css import selectors, trim  # noqa: E402

PAGE_BUDGET = 160 * 1024  # bytes, with everything the page loads (issues 21, 22, 24, 26)
THEME = """
:root{--used:1px;--unused:2px;--chained:var(--only-by-unused)}
body{margin:0;border-width:var(--used)}
.sidebar-tree .reference,.sig-paren{color:red}
.sig-name{color:blue}
a:not(.nowhere){color:green}
.admonition.attention{color:orange}
@media (max-width:40em){.sig-name{display:none}}
@media print{.sidebar-tree{display:none}}
@font-face{font-family:x;src:local(x)}
"""
USED = {"sidebar-tree", "reference", "admonition"}


def test_a_selector_list_splits_at_top_level_commas_only():
    assert selectors("a:is(.x, .y) b, .z") == ["a:is(.x, .y) b", ".z"]


def test_trim_keeps_what_is_used_and_nothing_a_page_cannot_match():
    trimmed = trim(THEME, USED)
    assert ".sidebar-tree .reference{color:red}" in trimmed  # one selector of two kept
    assert ".sig-paren" not in trimmed and ".sig-name" not in trimmed
    assert "@media (max-width:40em)" not in trimmed  # emptied, so gone
    assert "@media print{.sidebar-tree{display:none}}" in trimmed
    assert "a:not(.nowhere){color:green}" in trimmed  # :not() requires nothing
    assert ".admonition.attention" not in trimmed  # both classes must be in use
    assert "body{margin:0;border-width:var(--used)}" in trimmed
    assert "@font-face" in trimmed


def test_trim_drops_custom_properties_nothing_reads_even_through_another():
    trimmed = trim(THEME, USED)
    assert "--used:1px" in trimmed
    assert "--unused" not in trimmed and "--chained" not in trimmed
    assert "--unused:2px" in trim(THEME, USED, others="p{margin:var(--unused)}")


def loaded(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    urls = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    urls += [script["src"] for script in soup.find_all("script", src=True)]
    return [url.rsplit("/", 1)[-1].split("?")[0] for url in urls]


@pytest.mark.slow
def test_every_chapter_page_stays_within_the_budget(book_html):
    """As `make bench` weighs them (bench/run.py), which also weighs the Spanish ones."""
    weight_of = bench_module().weight_of
    weights = {page.name: weight_of(page) for page in sorted((book_html / "docs").glob("*.html"))}
    heavy = {name: total for name, (total, _, _) in weights.items() if total > PAGE_BUDGET}
    assert heavy == {}, f"over {PAGE_BUDGET // 1024} KB with what they load: {heavy}"
    assert all(external == [] for _, external, _ in weights.values())


@pytest.mark.slow
def test_a_chapter_loads_no_search_script_and_the_search_page_keeps_no_search(book_html):
    chapter = loaded(book_html / "docs" / "stages-of-recovery.html")
    for name in ("doctools.js", "sphinx_highlight.js", "documentation_options.js"):
        assert name not in chapter
    assert "page-keys.js" in chapter and "worksheets.js" in chapter
    page = BeautifulSoup(
        (book_html / "docs" / "stages-of-recovery.html").read_text(), "html.parser"
    )
    scripts = [s for s in page.find_all("script", src=True) if "_static" in s["src"]]
    assert all(s.has_attr("defer") for s in scripts), "a script holds up the first paint"
    assert "pygments.css" not in chapter and not any(n.startswith("mystnb") for n in chapter)
    search = loaded(book_html / "search.html")
    assert "doctools.js" in search and "search-no-highlight.js" in search
    assert "sphinx_highlight.js" not in search and "page-keys.js" not in search
    assert "pygments.css" not in search  # a page Sphinx makes shows no code
    code = loaded(book_html / "docs" / "your-answers.html")  # shows JSON and Python
    assert "pygments.css" in code and not any(n.startswith("mystnb") for n in code)


@pytest.mark.slow
def test_the_site_serves_the_theme_trimmed_and_its_own_files_minified(book_html):
    furo = (book_html / "_static" / "styles" / "furo.css").read_text(encoding="utf-8")
    assert ".sidebar-tree" in furo and ".sig-paren" not in furo
    assert len(furo) < 40_000  # furo's own is 50 KB
    assert len((book_html / "_static" / "pygments.css").read_bytes()) < 8_000
    keys = (book_html / "_static" / "page-keys.js").read_text(encoding="utf-8")
    assert "/*" not in keys and "\n  " not in keys  # no comment, no indent
    flag = (book_html / "_static" / "search-no-highlight.js").read_text(encoding="utf-8")
    assert "SPHINX_HIGHLIGHT_ENABLED=!1" in flag.replace(" ", "") or "=false" in flag
