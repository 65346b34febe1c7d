"""Checks on the writing: reading level, inclusive words, spelling, links."""

from __future__ import annotations

import re
import subprocess
import sys

import jupytext
import pytest
from article import ARTICLE, sections
from conftest import REPO
from readability import (
    CHAPTERS,
    CITATION_ONLY,
    ENGLISH_GRADE,
    catalog_of,
    english_grade,
    plain_enough,
    prose,
    spanish_scores,
    translated_text,
)

from worksheet_kit.sphinxext.downloads import worksheet_from_notebook, worksheet_sources

WORKSHEETS = worksheet_sources(REPO / "worksheets")
GENDERED = re.compile(
    r"\b(he|she|him|her|hers|his|himself|herself|husband|wife|boyfriend|girlfriend)\b", re.I
)


def without_article_quotes(text: str) -> str:
    """The article's own paragraphs and quotes keep their words; drop them here."""
    for paragraph in sections().values():
        text = text.replace(paragraph, "")
    first_paragraph = ARTICLE.read_text(encoding="utf-8").splitlines()[1]
    text = text.replace(first_paragraph, "")
    for quote in re.findall(r'"([^"]+)"', ARTICLE.read_text(encoding="utf-8")):
        text = text.replace(quote, "")
    return text


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_reading_level_is_grade_nine_or_below(path):
    if path.name in CITATION_ONLY:
        pytest.skip("a reference list is not prose")
    grade = english_grade(path)
    assert grade <= ENGLISH_GRADE, f"{path.name}: grade {grade:.1f}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_the_spanish_chapter_reads_as_plainly(path):
    """Fernández-Huerta >= 60 and Szigriszt-Pazos >= 55 (tests/readability.py says why),
    once the chapter's catalog is fully translated."""
    if path.name in CITATION_ONLY:
        pytest.skip("a reference list is not prose")
    text, done, total = translated_text(catalog_of(path))
    if not total or done < total:
        pytest.skip(f"{catalog_of(path).name}: {done} of {total} entries translated so far")
    huerta, pazos = spanish_scores(text)
    assert plain_enough(huerta, pazos), (
        f"{path.name}: Fernández-Huerta {huerta:.1f}, Szigriszt-Pazos {pazos:.1f}; "
        f"English grade {english_grade(path):.1f}"
    )


def test_the_spanish_readability_check_can_fail_and_leaves_english_alone():
    plain = "Lee esto primero. Hazlo a solas. Si sientes miedo, pide ayuda hoy."
    dense = (
        "La consideración interdisciplinaria de las circunstancias socioeconómicas "
        "intrafamiliares constituye, indudablemente, una condición imprescindible para "
        "la comprensión contextualizada de las dificultades interpersonales."
    )
    assert plain_enough(*spanish_scores(plain))
    assert not plain_enough(*spanish_scores(dense))
    before = english_grade(CHAPTERS[0])
    spanish_scores(plain)
    assert english_grade(CHAPTERS[0]) == before  # textstat is back on English


@pytest.mark.parametrize("path", CHAPTERS + WORKSHEETS, ids=lambda p: p.name)
def test_no_gendered_words_outside_the_articles_quotes(path):
    if path.name in CITATION_ONLY:
        pytest.skip("titles of cited works keep their words")
    text = without_article_quotes(path.read_text(encoding="utf-8"))
    found = sorted({m.group(0) for m in GENDERED.finditer(text)})
    assert found == [], f"{path.name}: {found}"


def test_the_gendered_word_check_can_fail():
    assert GENDERED.search(prose("Ask her how the day went."))
    assert (
        without_article_quotes('x "I made a mistake, and I hope he can forgive me," y') == 'x "" y'
    )


def test_codespell_finds_no_misspellings():
    done = subprocess.run(
        [sys.executable, "-m", "codespell_lib", "docs", "worksheets", "index.md", "README.md"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout


FORM_FACTS = ("**Purpose:**", "**Time:**", "**Who:**", "**Privacy:**")


@pytest.mark.parametrize("path", WORKSHEETS, ids=lambda p: p.stem)
def test_a_worksheet_page_leaves_its_facts_to_the_form_and_links_safety(path):
    """The form shows Time, Who, Purpose and Privacy; a second copy above it only
    repeats them, and can disagree with them."""
    words = "\n".join(c.source for c in jupytext.read(path).cells if c.cell_type == "markdown")
    assert [fact for fact in FORM_FACTS if fact in words] == [], path.name
    assert "../docs/safety.md" in words, path.name


@pytest.mark.parametrize("path", WORKSHEETS, ids=lambda p: p.stem)
def test_every_chapter_embeds_and_links_its_worksheets(path):
    worksheet = worksheet_from_notebook(jupytext.read(path), path)
    chapter = (REPO / "docs" / f"{worksheet.chapter}.md").read_text(encoding="utf-8")
    assert f"```{{worksheet}} {worksheet.id}" in chapter
    assert f"../worksheets/{worksheet.id}.md" in chapter


def test_the_book_has_twenty_four_worksheets_of_six_kinds_for_both_partners():
    worksheets = [worksheet_from_notebook(jupytext.read(p), p) for p in WORKSHEETS]
    assert len(worksheets) >= 24
    assert len({w.kind for w in worksheets}) >= 6
    assert [w.id for w in worksheets if w.repeat] == ["trust-snapshot", "weekly-check-in"]
    alone_only = {w.id for w in worksheets if w.who == ("alone",)}
    assert {"is-therapy-right", "safety-check", "what-i-need-you-to-know"} <= alone_only
    assert "understanding-my-choice" in alone_only  # the partner who broke trust has tools too
    # a plan to leave, a support plan and one's own signs are written alone
    assert {"parting-with-care", "my-support-plan", "signs-of-erosion-my-side"} <= alone_only


DIALLED = re.compile(r"\[[^\]]*\*\*([0-9][0-9 -]*[0-9])\*\*[^\]]*\]\((?:tel|sms):")
SOURCES_HEADING = re.compile(r"^## Where these numbers come from$", re.M)


@pytest.mark.parametrize("name", ["safety.md", "named-help.md"])
def test_every_number_a_page_dials_says_where_it_was_checked(name):
    text = (REPO / "docs" / name).read_text(encoding="utf-8")
    body, sources = SOURCES_HEADING.split(text, maxsplit=1)
    dialled = set(DIALLED.findall(body))
    assert dialled, f"{name}: no dialled numbers found"
    missing = sorted(n for n in dialled if n not in sources)
    assert missing == [], f"{name}: numbers with no checked source: {missing}"
