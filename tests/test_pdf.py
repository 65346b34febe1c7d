"""The real book's PDFs, built with Typst (pip only) and read with pypdf."""

from __future__ import annotations

import functools
import json
import re
import shutil
import sys
from pathlib import Path

import jupytext
import pytest
from bs4 import BeautifulSoup
from conftest import REPO, sphinx_build
from filelock import FileLock
from pdf_text import page_texts
from pypdf import PdfReader
from shared import made_once

from worksheet_kit.sphinxext.downloads import worksheet_from_notebook, worksheet_sources
from worksheet_kit.sphinxext.typst.talk import has_talk_sheet, talk_id

sys.path.insert(0, str(REPO / "_ext"))
from workshop_plans import KINDS, PLANS_FILE, load_plans, packet_file, packet_title, packets  # noqa: E402

pytestmark = [pytest.mark.pdf, pytest.mark.slow]
PLANS = load_plans(REPO / PLANS_FILE)
WORKSHEETS = {
    path.stem: worksheet_from_notebook(jupytext.read(path), path)
    for path in worksheet_sources(REPO / "worksheets")
}
TALK = {talk_id(w): w for w in WORKSHEETS.values() if has_talk_sheet(w)}
DOCUMENTS = ("rebuilding-trust", "facilitator-packet", "participant-packet")
EDITIONS = ("", "-letter")
MIN_LINES = 3  # a page of prose holds at least this many lines besides its footer


def typst_build(out: Path, cache: Path):
    done = sphinx_build(REPO, out, "typst", "-D", f"nb_execution_cache_path={cache}")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    return out / "typst"


@pytest.fixture(scope="session")
def pdf_dir(book_build, tmp_path_factory):
    """The PDFs of the real book, made once a run: the HTML build already executed
    the notebooks and read the pages; the Typst build starts from a copy of its
    doctrees (the book's own stay as the HTML build left them, for other tests)."""
    with made_once(tmp_path_factory, "book-pdf") as (out, ready):
        if not ready:
            shutil.copytree(book_build / ".doctrees", out / ".doctrees")
            typst_build(out, book_build / "jupyter_cache")
    return out / "typst"


@pytest.fixture(scope="session")
def site(pdf_dir, book_html, tmp_path_factory):
    """The HTML book with the PDFs in it, as `make book` lays them out."""
    root = tmp_path_factory.mktemp("site") / "html"
    shutil.copytree(book_html, root)
    shutil.copytree(pdf_dir, root / "pdf", ignore=shutil.ignore_patterns(".*"))
    return root


@functools.cache
def _pages(pdf: Path, size: int, mtime: int) -> tuple[str, ...]:
    kept = pdf.parent.parent / "text" / f"{pdf.name}-{size}-{mtime}.json"
    kept.parent.mkdir(exist_ok=True)
    with FileLock(f"{kept}.lock"):  # the first worker to ask extracts, the other waits
        if not kept.exists():
            text = page_texts(pdf)
            kept.write_text(json.dumps(text), encoding="utf-8")
    return tuple(json.loads(kept.read_text(encoding="utf-8")))


def pages(pdf: Path) -> list[str]:
    """Each page's text. Many tests on both workers read the same PDFs: each is
    extracted once a run, into a folder beside the PDFs' own."""
    stat = pdf.stat()  # a rebuilt PDF is read again
    return list(_pages(pdf, stat.st_size, stat.st_mtime_ns))


def lines(page: str) -> list[str]:
    """A page's lines of text, without its footer (the last line)."""
    return [line.strip() for line in page.splitlines() if line.strip()][:-1]


def test_every_pdf_is_there(pdf_dir):
    names = [*DOCUMENTS, *(packet_file(kind, session) for kind, session in packets(PLANS))]
    names.append("workshop-packet")  # the facilitator packet's old name, kept for old links
    expected = {f"{name}{edition}.pdf" for name in names for edition in EDITIONS}
    expected |= {f"{ws_id}{edition}.pdf" for ws_id in WORKSHEETS for edition in EDITIONS}
    expected |= {f"{name}{edition}.pdf" for name in TALK for edition in EDITIONS}
    assert {p.name for p in pdf_dir.glob("*.pdf")} == expected


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_comparing_sheet_has_a_one_page_talk_it_through_sheet(pdf_dir, edition):
    """Each item with a box for me, one for my partner, one to tick; in every packet too."""
    assert {w.id for w in TALK.values()} >= {"trust-snapshot", "weekly-check-in"}
    assert "intimacy-menu-talk-it-through" not in TALK  # it would show a one-sided yes
    for name, worksheet in TALK.items():
        (page,) = pages(pdf_dir / f"{name}{edition}.pdf")
        words = " ".join(page.replace("\u2019", "'").split())  # Typst prints ' as ’
        assert lines(page)[0] == f"Talk it through: {worksheet.title}"
        assert "Me My partner Talk about this" in words, name
        for item in worksheet.items:
            assert " ".join(item.split()) in words, (name, item)
        assert "Never compare if either of you is afraid" in words
        for packet in ("facilitator-packet", "participant-packet"):
            tops = [lines(p)[:1] for p in pages(pdf_dir / f"{packet}{edition}.pdf")]
            assert tops.count([f"Talk it through: {worksheet.title}"]) == 1, (packet, name)


def test_page_counts_are_sane(pdf_dir):
    count = {name: len(PdfReader(pdf_dir / f"{name}.pdf").pages) for name in DOCUMENTS}
    assert 25 <= count["rebuilding-trust"] <= 110  # 86 pages with the third edition's 18 chapters
    sheets = sum(w.print_pages for w in WORKSHEETS.values()) + len(TALK)
    # cover, contents, the guide and plans, each sheet's pages (and talk pages), the safety page
    assert sheets + 4 <= count["facilitator-packet"] <= sheets + 18  # safety runs longer; footnotes
    assert sheets + 3 <= count["participant-packet"] <= count["facilitator-packet"] - 2


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_worksheet_pdf_is_one_page_and_only_that_sheet(pdf_dir, edition):
    """One page, unless a letter-like sheet asks for more room (Prompts' `pages`)."""
    for worksheet_id, worksheet in WORKSHEETS.items():
        text = pages(pdf_dir / f"{worksheet_id}{edition}.pdf")
        assert len(text) <= worksheet.print_pages, worksheet_id
        assert worksheet.print_pages > 1 or len(text) == 1, worksheet_id
        assert lines(text[0])[0] == worksheet.title
        words = " ".join(" ".join(text).split())
        assert worksheet.privacy.split(".")[0] in words
        assert "988" in words and "My local help:" in words
        others = [w.title for i, w in WORKSHEETS.items() if i != worksheet_id]
        assert not any(title in lines(page) for page in text for title in others)


@pytest.mark.parametrize("name", ["facilitator-packet", "participant-packet"])
def test_each_sheet_opens_one_packet_page_and_prints_once(pdf_dir, name):
    text = pages(pdf_dir / f"{name}.pdf")
    tops = [lines(page)[0] for page in text[2:]]  # after the cover and the contents
    for worksheet in WORKSHEETS.values():
        assert tops.count(worksheet.title) == 1, (name, worksheet.title, tops)
    # a sheet's pages hold that sheet alone, so the sheet ends on its last page
    for number, page in enumerate(text[2:], start=2):
        sheet = next((w for w in WORKSHEETS.values() if lines(page)[0] == w.title), None)
        if sheet is not None:
            assert "My local help:" in text[number + sheet.print_pages - 1], sheet.id
    last = " ".join(text[-1].split()) + " ".join(text[-2].split())
    assert "988" in last and "Safety" in last


def footer(page: str) -> str:
    return [line.strip() for line in page.splitlines() if line.strip()][-1]


@pytest.mark.parametrize(
    "name", [*DOCUMENTS, *(i for i, w in WORKSHEETS.items() if w.print_pages > 1)]
)
@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_of_a_sheet_names_it_in_its_footer(pdf_dir, name, edition):
    """A loose photocopied page can be matched back to its sheet."""
    text = pages(pdf_dir / f"{name}{edition}.pdf")
    printed = WORKSHEETS.values() if name in DOCUMENTS else [WORKSHEETS[name]]
    for worksheet in printed:
        starts = [n for n, page in enumerate(text) if lines(page)[:1] == [worksheet.title]]
        assert starts, (worksheet.title, "a book or packet prints every sheet; a sheet, itself")
        first = starts[0]
        ends = (n for n in range(first, len(text)) if "My local help:" in " ".join(text[n].split()))
        last = next(ends)  # the safety line closes a sheet's last page
        count = last - first + 1
        for number in range(first, last + 1):
            expected = worksheet.title
            if count > 1 and name in DOCUMENTS:  # a sheet's own PDF: "Page k of n" says it
                expected += f", page {number - first + 1} of {count}"
            assert footer(text[number]).startswith(expected + " Page "), (number + 1, expected)


def test_only_the_facilitator_packet_has_the_guide(pdf_dir):
    facilitator = " ".join(pages(pdf_dir / "facilitator-packet.pdf"))
    participant = " ".join(pages(pdf_dir / "participant-packet.pdf"))
    assert "Group agreements" in facilitator
    assert "Group agreements" not in participant


def test_book_has_every_chapter_each_sheet_once_and_the_safety_page(pdf_dir):
    text = pages(pdf_dir / "rebuilding-trust.pdf")
    words = " ".join(" ".join(text).split())
    for heading in (
        "The Challenge of Rebuilding Trust",
        "Signs of Trust Erosion",
        "The Role of Communication",
        "Reestablishing Intimacy",
        "Safety first",
        "References",
    ):
        assert heading in words
    tops = [lines(page)[0] for page in text if lines(page)]
    for worksheet in WORKSHEETS.values():
        assert tops.count(worksheet.title) == 1, worksheet.title


@pytest.mark.parametrize("name", DOCUMENTS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_no_near_empty_page(pdf_dir, name, edition):
    text = pages(pdf_dir / f"{name}{edition}.pdf")
    for number, page in enumerate(text[2:], start=3):
        assert len(lines(page)) >= MIN_LINES, (name + edition, number, lines(page))


def test_session_plan_columns_do_not_break_words(pdf_dir):
    words = " ".join(pages(pdf_dir / "facilitator-packet.pdf"))
    assert "Block" in words and "Sheet" in words
    assert not re.search(r"Min-\s*utes|Mate-\s*rial|Work-\s*sheet", words)


def test_tagged_with_language_title_and_embedded_fonts(pdf_dir):
    for pdf in sorted(pdf_dir.glob("*.pdf")):
        reader = PdfReader(pdf)
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root, pdf.name
        assert root["/MarkInfo"]["/Marked"], pdf.name
        assert root["/Lang"] == "en", pdf.name
        assert reader.metadata.title, pdf.name
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                assert "AtkinsonHyperlegible" in font["/BaseFont"], (pdf.name, font["/BaseFont"])
                descendant = font.get("/DescendantFonts")
                described = descendant[0].get_object() if descendant else font
                descriptor = described["/FontDescriptor"].get_object()
                assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), pdf.name


INLINE_TAGS = {"/Span", "/Strong", "/Em", "/Link", "/Code"}
# where a run of text may stand: in a block that a screen reader reads as one
TEXT_HOLDERS = {"/P", "/H1", "/H2", "/H3", "/LBody", "/Lbl", "/TD", "/TH", "/Caption", "/Reference"}


def tag_children(node) -> list:
    kids = node.get_object().get("/K")
    if kids is None:
        return []
    kids = kids if isinstance(kids, list) else [kids]
    return [k.get_object() for k in kids if hasattr(k.get_object(), "get")]


def loose_runs(node, parent="/StructTreeRoot", path=()) -> list[str]:
    """Text runs (Span, Strong...) outside any paragraph, heading or cell, anywhere
    in the tag tree: a screen reader runs them into what comes next."""
    tag = str(node.get_object().get("/S"))
    found = []
    if tag in INLINE_TAGS and parent not in TEXT_HOLDERS | INLINE_TAGS:
        found.append("/".join((*path[-3:], tag)))
    for kid in tag_children(node):
        found += loose_runs(kid, tag, (*path, tag))
    return found


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_screen_reader_meets_each_sheet_as_headings_and_paragraphs(pdf_dir, edition):
    """Each sheet's facts, items, scale, labels and safety line are paragraphs or
    cells, at every depth; not "Purpose: ... Time: ..." read as one run."""
    for name in WORKSHEETS:
        root = PdfReader(pdf_dir / f"{name}{edition}.pdf").trailer["/Root"]["/StructTreeRoot"]
        (document,) = tag_children(root)
        tags = [str(kid.get("/S")) for kid in tag_children(document)]
        assert tags[0] == "/H1", (name, tags[:3])
        assert tags.count("/P") >= 3, (name, tags)
        assert loose_runs(document) == [], name
    for name in DOCUMENTS:  # the book and packets: their prose too (code listings aside)
        root = PdfReader(pdf_dir / f"{name}{edition}.pdf").trailer["/Root"]["/StructTreeRoot"]
        runs = [run for run in loose_runs(root) if not run.endswith("/Code")]
        assert runs == [], (name, runs[:5])


def test_bookmarks_follow_the_headings(pdf_dir):
    outline = PdfReader(pdf_dir / "rebuilding-trust.pdf").outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert "Safety first" in titles and "References" in titles


def test_html_links_to_pdfs_resolve(site):
    pages_with_links = [site / "index.html", site / "docs" / "facilitator-guide.html"]
    for page in [*pages_with_links, *(site / "worksheets").glob("*.html")]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = [a["href"] for a in soup.find_all("a", href=True) if a["href"].endswith(".pdf")]
        assert links, page.name
        for href in links:
            assert (page.parent / href).resolve().is_file(), (page.name, href)
        text = page.read_text(encoding="utf-8")
        assert "pdf/rebuilding-trust.pdf" in text and "pdf/participant-packet.pdf" in text, page
        assert "-letter.pdf" in text, page  # a US Letter edition is offered too


# -- the session packets, their names, and paper that speaks paper ---------------------
TITLES = {f"worksheets/{ws_id}": worksheet.title for ws_id, worksheet in WORKSHEETS.items()}


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("session", PLANS.sessions, ids=lambda s: s.slug)
def test_a_session_packet_holds_exactly_the_sheets_its_plan_names(pdf_dir, session, kind, edition):
    pdf = pdf_dir / f"{packet_file(kind, session)}{edition}.pdf"
    expected = [TITLES[docname] for docname in session.sheets]
    outline = [item.title for item in PdfReader(pdf).outline if not isinstance(item, list)]
    assert [title for title in outline if title in TITLES.values()] == expected
    tops = [lines(page)[:1] for page in pages(pdf)[2:]]
    assert [top[0] for top in tops if top and top[0] in TITLES.values()] == expected
    assert outline[-1] == "Safety first"
    assert ("Facilitator guide" in outline) == (kind == "facilitator")


def test_one_name_per_packet_on_its_cover_its_file_and_every_link(pdf_dir, site):
    for kind, session in packets(PLANS):
        for edition in EDITIONS:
            pdf = pdf_dir / f"{packet_file(kind, session)}{edition}.pdf"
            assert PdfReader(pdf).metadata.title == packet_title(kind, session)
            cover = " ".join(pages(pdf)[0].split())
            assert cover.startswith(packet_title(kind, session) + " Rebuilding Trust, "), cover
    linked: dict[str, set[str]] = {}
    retired = re.compile(r"workshop packet|worksheets to hand out", re.I)
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not retired.search(soup.get_text()), page.name
        for link in soup.find_all("a", href=re.compile(r"pdf/[a-z0-9-]*packet[a-z0-9-]*\.pdf$")):
            stem = link["href"].rsplit("/", 1)[1].removesuffix(".pdf")
            words = " ".join(link.get_text().split())
            if stem.endswith("-letter"):
                assert words == "US Letter", (page.name, stem)
            else:
                linked.setdefault(stem, set()).add(words)
    assert linked == {
        packet_file(kind, session): {f"{packet_title(kind, session)} (PDF)"}
        for kind, session in packets(PLANS)
    }
    old = pdf_dir / "workshop-packet.pdf"
    assert old.read_bytes() == (pdf_dir / "facilitator-packet.pdf").read_bytes()


# Buttons and their names, commands, and words that point at something on a screen.
SCREEN_WORDS = re.compile(
    r"\bbuttons?\b|\b[Cc]lick|\b[Tt]ap\b|\b[Pp]ress [A-Z“\"]|Save today|Export answers"
    r"|Import answers|\bDownload (?:blank|notebook|all)|\bmake (?:pdf|html|book|test|serve)\b"
    r"|\bpip install|\.ipynb\b|\b(?:this|the|a) link\b|\bscroll|\bweb page"
)


def test_no_printed_page_speaks_of_a_button_a_command_or_a_screen(pdf_dir):
    for pdf in sorted(pdf_dir.glob("*.pdf")):
        if pdf.stem.endswith("-letter"):
            continue  # the same words as the A4 edition
        words = " ".join(" ".join(page.split()) for page in pages(pdf))
        found = [words[max(0, m.start() - 40) : m.end() + 20] for m in SCREEN_WORDS.finditer(words)]
        assert found == [], (pdf.name, found[:3])


@pytest.mark.parametrize("name", ["rebuilding-trust", "participant-packet"])
def test_paper_prints_where_each_web_link_goes(pdf_dir, name):
    """A link's words alone ("Find A Helpline") cannot be followed on paper."""
    checked = 0
    reader = PdfReader(pdf_dir / f"{name}.pdf")
    text = ["".join(page.split()) for page in pages(pdf_dir / f"{name}.pdf")] + [""]
    for number, page in enumerate(reader.pages):
        words = text[number] + text[number + 1]  # a footnote may go on to the next page
        for annotation in page.get("/Annots") or []:
            uri = str((annotation.get_object().get("/A") or {}).get("/URI", ""))
            if uri.startswith("http"):
                address = re.sub(r"^https?://(www\.)?", "", uri).rstrip("/")
                assert address in words, (name, uri)
                checked += 1
    assert checked >= 10
