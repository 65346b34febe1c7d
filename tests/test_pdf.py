"""The book PDF and the workshop packet (need TeX and poppler; run in CI)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import jupytext
import pytest
from bs4 import BeautifulSoup
from conftest import REPO, sphinx_build
from worksheet_kit.pdfs import publish

from worksheet_kit.downloads import worksheet_from_notebook, worksheet_sources

pytestmark = [
    pytest.mark.tex,
    pytest.mark.skipif(shutil.which("latexmk") is None, reason="needs TeX (see README)"),
]
WORKSHEETS = {
    path.stem: worksheet_from_notebook(jupytext.read(path), path)
    for path in worksheet_sources(REPO / "worksheets")
}


def pdftotext(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="session")
def latex_dir(book_build):
    """The LaTeX build of the real book (strict flags), made into PDFs by latexmk."""
    cache = book_build / "jupyter_cache"  # the HTML build already executed the notebooks
    done = sphinx_build(REPO, book_build, "latex", "-D", f"nb_execution_cache_path={cache}")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    latex = book_build / "latex"
    made = subprocess.run(["make", "-C", str(latex), "all-pdf"], capture_output=True, text=True)
    assert made.returncode == 0, made.stdout[-4000:]
    return latex


@pytest.fixture(scope="session")
def site(latex_dir, book_html, tmp_path_factory):
    """The HTML book with the PDFs published into it, as `make book` does."""
    root = tmp_path_factory.mktemp("site") / "html"
    shutil.copytree(book_html, root)
    publish(latex_dir, root / "pdf")
    return root


def test_both_pdfs_have_sane_page_counts(site):
    pages = {}
    for name in ("rebuilding-trust", "workshop-packet"):
        info = subprocess.run(
            ["pdfinfo", str(site / "pdf" / f"{name}.pdf")], capture_output=True, text=True
        ).stdout
        pages[name] = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 30 <= pages["rebuilding-trust"] <= 250
    assert len(WORKSHEETS) + 2 <= pages["workshop-packet"] <= 3 * len(WORKSHEETS) + 20


def test_every_font_is_embedded(site):
    for pdf in (site / "pdf").glob("*.pdf"):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows, pdf
        for row in rows:
            assert re.search(r"\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row), (pdf.name, row)


def test_each_worksheet_starts_its_own_packet_page(site):
    pages = pdftotext(site / "pdf" / "workshop-packet.pdf").split("\f")
    page_tops = [[line.strip() for line in page.splitlines() if line.strip()][:3] for page in pages]
    for worksheet in WORKSHEETS.values():
        tops = [top for top in page_tops if worksheet.title in top]
        assert tops, f"{worksheet.title!r} does not open a page of the packet"
    last_pages = " ".join(pages[-4:])
    assert "988" in last_pages and "Safety" in last_pages


def test_each_worksheet_has_its_own_pdf(site):
    for worksheet_id, worksheet in WORKSHEETS.items():
        text = pdftotext(site / "pdf" / f"{worksheet_id}.pdf")
        assert worksheet.title in text
        assert worksheet.privacy.split(".")[0] in " ".join(text.split())
        others = [w.title for i, w in WORKSHEETS.items() if i != worksheet_id]
        assert not any(f"\n{title}\n" in text for title in others)


def test_book_pdf_has_every_chapter_and_the_safety_page(site):
    text = " ".join(pdftotext(site / "pdf" / "rebuilding-trust.pdf").split())
    for heading in (
        "The Challenge of Rebuilding Trust",
        "Signs of Trust Erosion",
        "The Role of Communication",
        "Reestablishing Intimacy",
        "Safety first",
        "References",
    ):
        assert heading in text


def test_tex_draws_boxes_and_ruled_rows(latex_dir):
    tex = (latex_dir / "workshop-packet.tex").read_text(encoding="utf-8")
    assert r"\item[\wsbox]" in tex
    assert r"\wsrowheight{" in tex and r"\wswritelines{" in tex
    assert not re.search("[\u2610\u2611\u2612\u25a1]", tex)  # no ballot-box glyphs


def test_html_links_to_pdfs_resolve(site):
    for page in [site / "index.html", *(site / "worksheets").glob("*.html")]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = [a["href"] for a in soup.find_all("a", href=True) if a["href"].endswith(".pdf")]
        assert links, page.name
        for href in links:
            assert (page.parent / href).resolve().is_file(), (page.name, href)
    for page in [site / "index.html", *(site / "worksheets").glob("*.html")]:
        text = page.read_text(encoding="utf-8")
        assert "pdf/rebuilding-trust.pdf" in text and "pdf/workshop-packet.pdf" in text, page


def test_special_characters_compile_and_print_as_themselves(fresh_copy, tmp_path):
    project = fresh_copy("worksheet")
    done = sphinx_build(project, tmp_path / "out", "latex")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    latex = tmp_path / "out" / "latex"
    made = subprocess.run(["make", "-C", str(latex), "all-pdf"], capture_output=True, text=True)
    assert made.returncode == 0, made.stdout[-3000:]
    text = " ".join(pdftotext(next(latex.glob("*.pdf"))).split())
    assert "<script>alert(1)</script> & 100% {ok}_#~^\\ “quoted”" in text
