"""Search finds numbers and skips print-only pages; a build says only what matters."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import REPO, book_cache, sphinx_build
from shared import made_once

PRINT_ONLY_TITLES = {"Workshop packet", "The worksheets"}


def search_index(book_html) -> dict:
    text = (book_html / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def test_search_finds_988_on_the_safety_page(book_html):
    index = search_index(book_html)
    found = index["terms"].get("988")
    assert found is not None, "digit-only words are left out of the index"
    pages = {index["docnames"][i] for i in ([found] if isinstance(found, int) else found)}
    assert "docs/safety" in pages
    # searchtools.js drops digit-only query words; the search page puts them back
    assert "search-numbers.js" in (book_html / "search.html").read_text(encoding="utf-8")


def test_search_lists_no_print_only_page(book_html):
    index = search_index(book_html)
    titles = dict(zip(index["docnames"], index["titles"], strict=True))
    assert not PRINT_ONLY_TITLES & set(titles.values()), titles
    assert [doc for doc, title in titles.items() if title == "Rebuilding Trust"] == ["index"]
    for doc in ("docs/print-book", "docs/workshop-packet", "docs/packet-worksheets"):
        assert not titles.get(doc), f"{doc} is a print-only page, yet search lists it"


@pytest.fixture(scope="module")
def two_builds(book_build, tmp_path_factory):
    """The clean build's output, then the same build again (as `make serve` does
    on each save), in a copy of the first, with the same configuration: built
    once a run."""
    with made_once(tmp_path_factory, "book-again") as (again, ready):
        if not ready:
            for part in ("html", ".doctrees"):
                shutil.copytree(book_build / part, again / part)
            second = sphinx_build(REPO, again, "html", *book_cache(book_build))
            assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
            (again / "build.log").write_text(second.stdout + second.stderr, encoding="utf-8")
    logs = [(folder / "build.log").read_text(encoding="utf-8") for folder in (book_build, again)]
    return tuple(logs)


@pytest.mark.slow
def test_a_clean_build_prints_no_kernel_or_config_noise(two_builds):
    clean, _ = two_builds
    assert "Kernel is running over TCP" not in clean
    assert "referenced in multiple toctrees" not in clean  # an INFO line, not a warning
    assert "ParserConfig(" not in clean  # MyST's configuration dumps
    assert " INFO traitlets " not in clean  # library INFO lines on the root logger
    assert "Executed notebook in" in clean  # the build still reports its steps


@pytest.mark.slow
def test_a_rebuild_with_the_same_configuration_reports_no_change(two_builds):
    _, again = two_builds
    assert "The configuration has changed" not in again, again[-3000:]
    assert "updating environment: 0 added, 0 changed, 0 removed" in again


def test_search_finds_the_words_of_a_worksheet_form(book_html):
    """A form is raw HTML to Sphinx: its words reach the index through the node's text."""
    index = search_index(book_html)

    def pages_with(term):
        found = index["terms"].get(term, [])
        return {index["docnames"][i] for i in ([found] if isinstance(found, int) else found)}

    assert "worksheets/safety-check" in pages_with("pet")  # "pets", stemmed
    assert "worksheets/is-therapy-right" in pages_with("988")
