"""The book in two languages (issue 26): each page's language, its twin in the
other language, hreflang alternates, Spanish search, the book's own words from
book.po, one execution for both, and no half-English build."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
import snowballstemmer
from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup
from conftest import REPO, ROOTS, STRICT
from languages import SPANISH, build, pages, two_language_site
from pdf_text import page_texts
from sphinx_runs import run_sphinx

from worksheet_kit.i18n import extract
from worksheet_kit.i18n.catalogs import problems

TWIN = {"en": (SPANISH, "Español"), SPANISH: ("en", "English")}


@pytest.fixture(scope="module")
def two_languages(tmp_path_factory):
    return two_language_site(tmp_path_factory)


@pytest.fixture(scope="module")
def site(two_languages) -> Path:
    return two_languages[0]


def soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def resolve(page: Path, url: str) -> Path:
    assert not urlparse(url).scheme and not url.startswith("/"), f"{page}: {url} is not relative"
    return (page.parent / url).resolve()


@pytest.mark.parametrize("language", ["en", SPANISH])
def test_every_page_says_its_language_and_links_its_twin(site, language):
    other, name = TWIN[language]
    found = pages(site, language)
    assert len(found) >= 5, found  # index, chapter, safety, worksheet, search...
    for page in found:
        html = soup(page)
        assert html.html["lang"] == language, page
        links = html.select(".language-links a")
        assert [(a["lang"], a["hreflang"], a.get_text()) for a in links] == [(other, other, name)]
        twin = resolve(page, links[0]["href"])
        mine = page.relative_to(site if language == "en" else site / language)
        assert twin == (site if other == "en" else site / other).joinpath(mine).resolve()
        assert twin.is_file(), f"{page}: {links[0]['href']} is not a page"


@pytest.mark.parametrize("language", ["en", SPANISH])
def test_without_the_books_address_no_page_lists_relative_alternates(site, language):
    """Search engines and Lighthouse's hreflang audit take only full URLs."""
    for page in pages(site, language):
        assert soup(page).find_all("link", rel="alternate") == [], page


def test_with_the_books_address_every_page_lists_both_languages_as_full_urls(tmp_path):
    """`make book BASEURL=...`: each build gets its own address (html_baseurl, the
    Spanish one ending in es/); the alternates name both languages' pages from the
    site's root, English as the default."""
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-languages", source)
    base = "https://example.org/book/"
    site = tmp_path / "html"
    for language, address in (("en", base), (SPANISH, f"{base}{SPANISH}/")):
        html = site if language == "en" else site / language
        argv = [*STRICT, "--no-color", "-b", "html"]
        argv += ["-D", f"language={language}", "-D", f"html_baseurl={address}"]
        argv += ["-d", str(tmp_path / f"doctrees-{language}"), str(source), str(html)]
        done = run_sphinx(argv, cwd=source)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    for language in ("en", SPANISH):
        found = pages(site, language)
        assert len(found) >= 5, found
        for page in found:
            mine = page.relative_to(site if language == "en" else site / language).as_posix()
            alternates = {
                link["hreflang"]: link["href"]
                for link in soup(page).find_all("link", rel="alternate")
            }
            assert alternates == {
                "en": base + mine,
                SPANISH: f"{base}{SPANISH}/{mine}",
                "x-default": base + mine,
            }, page
            assert (site / mine).is_file() and (site / SPANISH / mine).is_file(), page


def search_terms(site_root: Path) -> tuple[dict, list]:
    text = (site_root / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    return index["terms"], index["docnames"]


def test_spanish_search_finds_another_form_of_a_word_and_numbers(site):
    """The page says "Hablamos"; a reader searching "hablar" finds it, as searchtools.js
    stems the query with the Spanish stemmer language_data.js carries."""
    terms, docnames = search_terms(site / SPANISH)
    stem = snowballstemmer.stemmer("spanish").stemWord("hablar")
    assert stem == snowballstemmer.stemmer("spanish").stemWord("hablamos")
    found = terms.get(stem)
    hits = found if isinstance(found, list) else [found]
    assert "docs/chapter" in [docnames[i] for i in hits]
    assert "988" in terms  # the crisis line's number, as in English
    assert "SpanishStemmer" in (site / SPANISH / "_static" / "language_data.js").read_text()
    english, _ = search_terms(site)
    assert stem not in english and "talk" in english


def test_the_books_own_words_come_from_book_po(site):
    spanish = (site / SPANISH / "docs" / "chapter.html").read_text(encoding="utf-8")
    english = (site / "docs" / "chapter.html").read_text(encoding="utf-8")
    for words in (
        "Reconstruir la confianza",  # html_title
        "Un libro cálido y práctico para reparar la confianza",  # the tagline
        "Emergencia:</span> Salir de esta página",
        'aria-label="Navegación del sitio"',
    ):
        assert words in spanish and words not in english, words
    assert "Emergency</span> Exit this page" in english
    note = soup(site / SPANISH / "docs" / "chapter.html").find(
        "script", src=re.compile("opened-from-disk")
    )
    assert json.loads(note["data-words"])["title"] == "Este libro está abierto como un archivo"


def test_the_themes_words_are_spanish_too(site):
    """furo's own words (locale/es/LC_MESSAGES/sphinx.po, linked into the root):
    its {% trans %} texts, and those _templates/page.html puts in place."""
    sys.path.insert(0, str(REPO / "_ext"))
    from book_words import THEME_WORDS_IN_ENGLISH

    spanish = (site / SPANISH / "docs" / "chapter.html").read_text(encoding="utf-8")
    english = (site / "docs" / "chapter.html").read_text(encoding="utf-8")
    for words in ("Saltar al contenido", "<title>Índice</title>", "Volver arriba"):
        assert words in spanish and words not in english, words
    assert 'aria-label="Mostrar u ocultar la navegación del sitio"' in spanish
    left = [w for w in (*THEME_WORDS_IN_ENGLISH, "Skip to content", "Made with") if w in spanish]
    assert left == []
    assert all(words in english for words in THEME_WORDS_IN_ENGLISH)


def test_the_spanish_build_runs_no_notebook_the_english_one_ran(two_languages):
    _, logs = two_languages
    assert "Executed notebook" in logs["en"]
    assert "Executed notebook" not in logs[SPANISH]
    assert "Using cached notebook" in logs[SPANISH]


def set_entry(po: Path, msgid: str, *, string: str | None = None, fuzzy: bool = False) -> None:
    with po.open("rb") as source:
        catalog = read_po(source, locale=SPANISH)
    message = catalog[msgid]
    if string is not None:
        message.string = string
    if fuzzy:
        message.flags.add("fuzzy")
    with po.open("wb") as out:
        write_po(out, catalog, width=79, omit_header=False)


def test_an_untranslated_or_fuzzy_entry_fails_the_spanish_build_naming_it(tmp_path):
    """So does a page added since the last `make gettext`: it has no catalog."""
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-languages", source)
    messages = source / "locale" / SPANISH / "LC_MESSAGES"
    set_entry(messages / "docs" / "safety.po", "Read this first.", string="")
    set_entry(messages / "worksheets" / "demo.po", "I feel calm.", fuzzy=True)
    (source / "docs" / "new.md").write_text("---\norphan: true\n---\n# New\n", encoding="utf-8")
    english = build(source, tmp_path / "html")
    assert english.returncode == 0, english.stderr[-3000:]  # English needs no catalog
    spanish = build(source, tmp_path / "html", SPANISH)
    assert spanish.returncode != 0
    warnings = [line for line in spanish.stderr.splitlines() if "LC_MESSAGES" in line]
    assert warnings == [
        "WARNING: locale/es/LC_MESSAGES/docs/safety.po: untranslated: 'Read this first.' "
        "[i18n.catalog]",
        "WARNING: locale/es/LC_MESSAGES/worksheets/demo.po: fuzzy: 'I feel calm.' [i18n.catalog]",
        "WARNING: docs/new: no catalog locale/es/LC_MESSAGES/docs/new.po (make gettext) "
        "[i18n.catalog]",
    ], spanish.stderr[-3000:]


def test_the_books_own_words_are_all_in_spanish(tmp_path, monkeypatch):
    """book.pot (the _ext strings, conf.py's title and tagline, the workshop plans'
    words) is all in book.po, translated."""
    monkeypatch.chdir(REPO)
    assert extract.main([str(tmp_path)]) == 0
    with (tmp_path / "book.pot").open("rb") as source:
        wanted = {m.id for m in read_po(source) if m.id}
    assert {
        "Welcome, agreements, privacy, where to get help",  # docs/workshop-plans.yaml
        "A warm, practical workbook for mending trust, alone or together",  # conf.py
        "Exit this page",  # _templates/page.html, through _ext/book_words.py
        "Participant packet: {name}",
    } <= wanted
    book_po = REPO / "locale" / SPANISH / "LC_MESSAGES" / "book.po"
    with book_po.open("rb") as source:
        have = {m.id for m in read_po(source, locale=SPANISH) if m.id}
    assert sorted(wanted - have) == [], "run make gettext, then translate book.po"
    alone = tmp_path / "locale" / SPANISH / "LC_MESSAGES"
    alone.mkdir(parents=True)
    shutil.copy(book_po, alone)
    assert problems(tmp_path / "locale", SPANISH) == []


def test_the_plans_words_reach_the_catalog_and_name_packets_as_their_covers():
    """Every word of the plans file a page shows is in book.pot's source, and the
    packets' translatable names are their cover titles word for word, in English."""
    sys.path.insert(0, str(REPO / "_ext"))
    from workshop_plan_pages import catalog_words, packet_name
    from workshop_plans import PLANS_FILE, load_plans, packet_title, packets

    plans = load_plans(REPO / PLANS_FILE)
    words = {text for text, _ in catalog_words(REPO)}
    for session in plans.sessions:
        assert {session.name, *(b.text for b in session.blocks)} <= words
        assert {b.who for b in session.blocks} <= words
    for kind, session in packets(plans):
        assert packet_name(kind, session) == packet_title(kind, session)


def test_a_spanish_sheet_prints_tagged_spanish_with_no_english_kit_words(tmp_path):
    """A Spanish build's PDF of a sheet: tagged (PDF/UA), /Lang es, the sheet's
    and the kit's words in Spanish, and no English kit message left."""
    from pypdf import PdfReader

    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-languages", source)
    kit_po = REPO / "locale" / SPANISH / "LC_MESSAGES" / "kit.po"
    shutil.copy(kit_po, source / "locale" / SPANISH / "LC_MESSAGES" / "kit.po")
    out = tmp_path / "pdf"
    argv = [*STRICT, "--no-color", "-b", "typst", "-D", f"language={SPANISH}"]
    argv += ["-d", str(tmp_path / "doctrees"), str(source), str(out)]
    done = run_sphinx(argv, cwd=REPO)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]

    pdf = PdfReader(out / "demo.pdf")
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == SPANISH
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    printed = " ".join(" ".join(page_texts(out / "demo.pdf")).split())
    assert "Para qué sirve" in printed
    english = english_kit_messages()
    assert english
    assert [text for text in english if text in printed] == []


def english_kit_messages() -> list[str]:
    """The kit's English messages a Spanish page must not show (whole phrases,
    without places, whose Spanish differs)."""
    with (REPO / "locale" / SPANISH / "LC_MESSAGES" / "kit.po").open("rb") as source:
        catalog = read_po(source, locale=SPANISH)
    return [
        m.id
        for m in catalog
        if isinstance(m.id, str)
        and len(m.id.split()) >= 2
        and "{" not in m.id
        and m.string
        and m.string != m.id
    ]


def test_no_english_kit_message_on_a_spanish_page_or_in_its_script(site):
    english = english_kit_messages()
    assert len(english) > 100
    for page in pages(site, SPANISH):
        text = " ".join(soup(page).get_text(" ").split())
        assert [m for m in english if m in text] == [], page
    script = (site / SPANISH / "_static" / "worksheets.js").read_text(encoding="utf-8")
    assert [m for m in english if f'"{m}"' in script] == []
    assert [m for m in english if f'"{m}"' in (site / "_static" / "worksheets.js").read_text()]
