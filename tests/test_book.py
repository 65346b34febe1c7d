"""The real book, built once with the strict flags."""

from __future__ import annotations

import filecmp
import sys
from pathlib import Path

import pytest
from article import CHAPTERS, quotes, sections
from bs4 import BeautifulSoup
from conftest import REPO, files_naming, sphinx_build

pytestmark = pytest.mark.slow


SMART_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def page_text(path: Path) -> str:
    """The page's visible text, with Sphinx's typographic quotes made straight again."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article") or soup
    return " ".join(article.get_text(" ").split()).translate(SMART_QUOTES)


def test_entry_point_is_index_html(book_html):
    index = BeautifulSoup((book_html / "index.html").read_text(), "html.parser")
    assert "Rebuilding Trust" in index.title.get_text()


def test_article_order_in_the_article_matches_chapters():
    assert list(sections()) == list(CHAPTERS.values())


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_keeps_article_heading_and_quote(book_html, chapter):
    heading = CHAPTERS[chapter]
    page = book_html / "docs" / f"{chapter}.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("article h1").get_text(strip=True).rstrip("#") == heading
    text = page_text(page)
    paragraph = sections()[heading]
    assert " ".join(paragraph.split()) in text
    for quote in quotes(paragraph):
        assert quote in text


def test_two_clean_builds_are_identical(book_build, tmp_path):
    """A second clean build gives the same bytes: fresh output and doctrees, and a
    fresh execution cache too, on purpose. A clean clone executes every notebook
    anew, so an output that changes from one kernel to the next (the order of a
    set under another hash seed, an object's address, a time) would make two
    publishings differ; the first build's cache would hide it. The cost runs on
    one worker of `make test` while the other tests go on."""
    second = sphinx_build(REPO, tmp_path, "html", "-D", f"nb_execution_cache_path={tmp_path / 'c'}")
    assert second.returncode == 0, second.stderr[-3000:]
    first_html, second_html = book_build / "html", tmp_path / "html"
    different = []

    def walk(comparison: filecmp.dircmp, prefix: str = ""):
        assert not comparison.left_only and not comparison.right_only, (
            comparison.left_only,
            comparison.right_only,
        )
        _, mismatch, errors = filecmp.cmpfiles(
            comparison.left, comparison.right, comparison.common_files, shallow=False
        )
        different.extend(prefix + name for name in mismatch + errors)
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(first_html, second_html, ignore=[".doctrees"]))
    assert different == []


def test_the_site_names_no_folder_of_the_build_machine(book_build):
    html = book_build / "html"
    assert not (html / "reports").exists()
    assert files_naming(html, REPO, book_build, sys.prefix, Path.home()) == []


def test_pages_load_no_style_they_do_not_use(book_html):
    """furo-extensions.css styles extensions the book does not use; code styles
    only where there is code (a chapter page stays at most 160 KB)."""
    for page in (book_html / "docs/rebuilding-trust.html", book_html / "index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        styles = " ".join(link["href"] for link in soup.find_all("link", rel="stylesheet"))
        assert "furo.css" in styles
        assert "furo-extensions" not in styles
        assert "pygments" not in styles


def test_every_page_links_the_safety_page_in_its_text(book_html):
    """Not only the sidebar: each chapter's and each worksheet's own text links it."""
    from urllib.parse import urljoin

    safety = "docs/safety.html"
    pages = [
        *sorted((book_html / "docs").glob("*.html")),
        *sorted((book_html / "worksheets").glob("*.html")),
    ]
    assert len(pages) > 30
    for page in pages:
        docname = page.relative_to(book_html).as_posix()
        if docname in {safety, "docs/references.html"}:
            continue
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(
            "article"
        )
        targets = {urljoin(docname, a["href"]).split("#")[0] for a in article.select("a[href]")}
        assert safety in targets, docname
