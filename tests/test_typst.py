"""The Typst builder: escaping, each kind's drawing, strictness, small builds.

Fast: everything here compiles small documents in-process (no book build).
"""

from __future__ import annotations

import io
import re

import pytest
from conftest import sphinx_build
from pdf_text import page_texts
from pypdf import PdfReader
from svg_rules import rules

from worksheet_kit import (
    Checklist,
    ConversationGuide,
    Cycle,
    Prompts,
    RatingScale,
    ReflectionTable,
)
from worksheet_kit.sphinxext.typst.compiling import FONTS, compile_pdf, page_count, preamble
from worksheet_kit.sphinxext.typst.errors import TypstError
from worksheet_kit.sphinxext.typst.glyphs import GlyphCheck
from worksheet_kit.sphinxext.typst.markup import string, text
from worksheet_kit.sphinxext.typst.worksheets import KINDS, render_sheet

COMMON = dict(
    chapter="chapter",
    minutes=10,
    who=("alone", "partner"),
    purpose="Try the drawing.",
    instructions="Fill it in.",
    privacy="Yours alone.",
    next_step_prompt="One small step I will take this week:",
    keep="device",
)


WORKSHEETS = {
    "checklist": Checklist(
        id="ticks", title="Ticks", items=[("one", "One"), ("two", "Two")], **COMMON
    ),
    "rating-scale": RatingScale(
        id="rates",
        title="Rates",
        items=[("calm", "I feel calm."), ("heard", "I feel heard.")],
        scale=(0, 4),
        anchors=("Never", "Rarely", "Sometimes", "Often", "Almost always"),
        **COMMON,
    ),
    "reflection-table": ReflectionTable(
        id="table",
        title="Table",
        columns=[
            (c.lower().replace(" ", "-"), c)
            for c in ("Situation", "Feeling", "Thought", "Evidence", "What I did")
        ],
        rows=4,
        example=("A late text", "Worried 70", "They hide things", "None", "Asked"),
        **COMMON,
    ),
    "conversation-guide": ConversationGuide(
        id="talk",
        title="Talk",
        steps=[(f"step-{n}", "Both", f"Step {n} of the talk.") for n in range(1, 9)],
        pause_rule="Stop when either of you feels flooded.",
        **COMMON,
    ),
    "prompts": Prompts(
        id="prompts",
        title="What I need you to know",
        prompts=[
            ("what-happened", "What happened, as I lived it:"),
            ("changed", "What it changed in me:"),
        ],
        lines=5,
        **COMMON,
    ),
    "cycle": Cycle(
        id="loop",
        title="Our negative cycle",
        stages=[
            ("i-feel", "When I feel ..."),
            ("i-do", "I do ..."),
            ("you-feel", "Then you feel ..."),
            ("you-do", "You do ..."),
        ],
        centre="What we both want underneath:",
        **COMMON,
    ),
}


def compile_sheet(worksheet, paper="a4") -> bytes:
    source = preamble(worksheet.title, worksheet.title) + render_sheet(worksheet)
    pdf, warnings = compile_pdf(source, paper)
    assert not warnings, [w.message for w in warnings]
    return pdf


# -- escaping ----------------------------------------------------------------------
SPECIALS = "\\ # * _ ` $ < > @ [ ] ( ) ~ - -- --- + = / // /* . ... : https://x.org 1. {ok} % & ^"


@pytest.mark.parametrize("character", SPECIALS.split(" "))
def test_every_special_character_prints_as_itself(character):
    source = preamble("T", "T") + f"{text('a ' + character + ' b')}\n\n#{string(character)}"
    pdf, _ = compile_pdf(source)
    printed = page_texts(pdf)[0].split("\n")
    assert printed[0] == f"a {character} b"
    assert printed[1] == character


def test_straight_quotes_become_typographic_and_curly_ones_stay():
    pdf, _ = compile_pdf(preamble("T", "T") + text('"q" it\'s “c” ‘d’'))
    assert page_texts(pdf)[0].startswith("“q” it’s “c” ‘d’")


def test_white_space_runs_become_one_space():
    assert text("a\n  b\tc") == "a b c"


# -- each kind, drawn -----------------------------------------------------------------
def test_every_kind_has_a_drawing():
    assert set(KINDS) == set(WORKSHEETS)


@pytest.mark.parametrize("kind", WORKSHEETS)
@pytest.mark.parametrize("paper", ["a4", "us-letter"])
def test_each_kind_fits_one_tagged_page(kind, paper):
    worksheet = WORKSHEETS[kind]
    pdf = compile_sheet(worksheet, paper)
    assert page_count(pdf) == 1
    reader = PdfReader(io.BytesIO(pdf))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    words = " ".join(page_texts(pdf)[0].split())
    for expected in (worksheet.title, "Purpose:", "about 10 minutes", "Privacy:", "988"):
        assert expected in words


def test_a_wide_table_gets_a_landscape_page():
    page = PdfReader(io.BytesIO(compile_sheet(WORKSHEETS["reflection-table"]))).pages[0]
    assert page.mediabox.width > page.mediabox.height


def test_ruled_rows_are_at_least_12_mm():
    source = render_sheet(WORKSHEETS["reflection-table"])
    assert "write-row + 4mm" in source
    from worksheet_kit.sphinxext.typst.compiling import KIT

    assert "#let write-row = 12mm" in KIT.read_text()


def test_scale_key_names_every_anchor():
    words = " ".join(page_texts(compile_sheet(WORKSHEETS["rating-scale"]))[0].split())
    for value, anchor in WORKSHEETS["rating-scale"].points:
        assert f"{value} = {anchor}" in words


def test_boxes_are_drawn_not_glyphs():
    source = "".join(render_sheet(w) for w in WORKSHEETS.values())
    assert "tick-box" in source
    assert not set(source) & set("\u2610\u2611\u2612\u25a1\u2192")


MM = 72 / 25.4  # pt per mm


def last_page_svg(worksheet, paper: str) -> bytes:
    import typst

    fonts = typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(FONTS)]
    )
    source = preamble(worksheet.title, worksheet.title) + render_sheet(worksheet)
    pages = typst.compile(
        source.encode(), font_paths=fonts, format="svg", sys_inputs={"paper": paper}
    )
    return pages[-1] if isinstance(pages, list) else pages


@pytest.mark.parametrize("kind", WORKSHEETS)
@pytest.mark.parametrize("paper", ["a4", "us-letter"])
def test_the_last_write_in_rows_reach_the_safety_line(kind, paper):
    """No blank half page: ruled rows 12 mm apart run down to the safety line."""
    *write_in, safety = [y for y, _ in rules(last_page_svg(WORKSHEETS[kind], paper))]
    rows = [b - a for a, b in zip(write_in[-4:-1], write_in[-3:], strict=True)]
    assert all(abs(row - 12 * MM) < 0.1 for row in rows), rows
    assert safety - write_in[-1] < 2 * 12 * MM, (safety - write_in[-1]) / MM


def test_cycle_draws_an_arrow_back_to_the_first_stage():
    source = render_sheet(WORKSHEETS["cycle"])
    assert source.count("#arrow(") == 4  # one per stage, the last closing the loop
    assert "When I feel \\.\\.\\." in source


# -- strictness ------------------------------------------------------------------------
def test_a_character_the_fonts_lack_fails_naming_where_and_what():
    with pytest.raises(TypstError, match=r"docs/x: .*'☐' \(U\+2610\)"):
        GlyphCheck().check("Tick ☐ here", "docs/x")


@pytest.mark.parametrize("character", ["😀", "م", "中", "→"])
def test_the_fonts_lack_these(character):
    with pytest.raises(TypstError):
        GlyphCheck().check(character, "here")


def test_the_fonts_have_what_the_book_prints():
    GlyphCheck().check("“Quoted” — it’s 0–10 … © é ü ñ 100% & <tags>", "here")


# -- small builds ------------------------------------------------------------------------
def test_two_builds_give_identical_bytes(fresh_copy, tmp_path):
    """A book, a packet and a sheet, each A4 and Letter, built twice from scratch.
    (The builder's stamps then skip a PDF whose source, kit and timestamp match.)"""
    project = fresh_copy("worksheet", ran=True)
    first, second = (sphinx_build(project, tmp_path / name, "typst") for name in ("a", "b"))
    assert first.returncode == second.returncode == 0, first.stderr[-2000:] + second.stderr
    pdfs = sorted(p.name for p in (tmp_path / "a" / "typst").glob("*.pdf"))
    assert len(pdfs) == 6
    for name in pdfs:
        a, b = (tmp_path / out / "typst" / name for out in ("a", "b"))
        assert a.read_bytes() == b.read_bytes(), name


def test_test_root_builds_every_pdf(fresh_copy, tmp_path):
    project = fresh_copy("worksheet", ran=True)
    chapter = project / "chapter.md"
    closing = "\nA last thought, a few lines long.\n\nNext, read Safety first.\n"
    chapter.write_text(chapter.read_text() + closing)
    done = sphinx_build(project, tmp_path / "out", "typst")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    out = tmp_path / "out" / "typst"
    names = sorted(p.name for p in out.glob("*.pdf"))
    assert names == [
        "book-letter.pdf",
        "book.pdf",
        "demo-letter.pdf",
        "demo.pdf",
        "packet-letter.pdf",
        "packet.pdf",
    ]
    demo = (out / "demo.pdf").read_bytes()
    assert page_count(demo) == 1
    words = " ".join(page_texts(demo)[0].split())
    assert "<script>alert(1)</script> & 100% {ok}_#~^\\ “quoted”" in words
    # a rebuild compiles only what changed, and every PDF matches its source
    notebook = project / "worksheets" / "demo.md"
    notebook.write_text(notebook.read_text().replace('"A plain item"', '"A changed item"'))
    (out / "packet-letter.pdf").unlink()
    again = sphinx_build(project, tmp_path / "out", "typst")
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-3000:]
    assert sorted(p.name for p in out.glob("*.pdf")) == names
    for name in ("demo.pdf", "demo-letter.pdf", "packet.pdf", "packet-letter.pdf"):
        assert "A changed item" in " ".join(page_texts((out / name).read_bytes())), name
    book = PdfReader(out / "book.pdf")
    assert book.metadata.title == "Test book"
    assert book.trailer["/Root"]["/Lang"] == "en"
    # the chapter embeds the sheet, so the book prints it once
    text = " ".join(page_texts(out / "book.pdf"))
    assert text.count("Purpose:") == 1
    # a chapter's closing line stays on a page with the paragraph before it
    source = (tmp_path / "out" / ".doctrees" / "typst" / "book.typ").read_text()
    assert re.search(
        r"#block\(breakable: false\)\[#par\[A last thought.*?\]\s*#par\[Next, read", source
    )


def failed_typst_build(project, tmp_path) -> str:
    """Build the project's PDFs, which must fail with error lines, not Sphinx's
    crash report; return what the build printed."""
    done = sphinx_build(project, tmp_path / "out", "typst")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output[-3000:]  # 2 is a crash
    assert "please open an issue" not in output and "Traceback" not in output, output[-3000:]
    return output


def test_unknown_node_fails_naming_node_and_document(fresh_copy, tmp_path):
    project = fresh_copy("worksheet", ran=True)
    chapter = project / "chapter.md"
    chapter.write_text(chapter.read_text() + "\nSome {math}`x^2` here.\n")
    output = failed_typst_build(project, tmp_path)
    assert "ERROR: book.pdf: chapter: no Typst rendering for the node docutils.nodes.math" in output


def test_missing_glyph_fails_naming_chapter_and_character(fresh_copy, tmp_path):
    project = fresh_copy("worksheet", ran=True)
    chapter = project / "chapter.md"
    chapter.write_text(chapter.read_text() + "\nA ballot box ☐ here.\n")
    output = failed_typst_build(project, tmp_path)
    assert (
        "ERROR: book.pdf: chapter: the character '☐' (U+2610) is not in the book's fonts" in output
    )
    assert not (tmp_path / "out" / "typst" / "book.pdf").exists()
    assert (tmp_path / "out" / "typst" / "packet.pdf").is_file()  # the others are still made


def test_missing_glyph_in_a_worksheet_names_the_worksheet(fresh_copy, tmp_path):
    project = fresh_copy("worksheet")
    notebook = project / "worksheets" / "demo.md"
    notebook.write_text(notebook.read_text().replace('"A plain item"', '"A plain item 😀"'))
    output = failed_typst_build(project, tmp_path)
    assert (
        "ERROR: demo.pdf: worksheets/demo: worksheet demo: the character '😀' (U+1F600)" in output
    )


def test_a_sheet_past_its_page_fails_naming_the_sheet(fresh_copy, tmp_path):
    project = fresh_copy("worksheet")
    notebook = project / "worksheets" / "demo.md"
    items = ", ".join(
        f'("item-{n}", "Item {n}: {"a long sentence that fills the line " * 3}")' for n in range(40)
    )
    text = notebook.read_text()
    start = text.index("items=[")
    notebook.write_text(
        text[:start] + f"items=[{items}],\n)\nworksheet" + text[text.index("\n```", start) :]
    )
    output = failed_typst_build(project, tmp_path)
    assert "ERROR: demo.pdf: worksheets/demo: the worksheet demo takes " in output
    assert "pages on a4 paper" in output and "it may take 1" in output


def test_a_long_word_breaks_inside_its_table_cell():
    long = "Unbelievably" * 8  # no space, no hyphenation point that helps
    table = ReflectionTable(
        id="long",
        title="Long",
        columns=[("a", "A"), ("b", "B"), ("c", "C")],
        rows=1,
        example=(long, "b", "c"),
        **COMMON,
    )
    page = page_texts(compile_sheet(table))[0]
    # it wraps within its column: no printed line holds the whole word
    assert not any(long in line.replace("\u200b", "") for line in page.splitlines())
    assert long in page.replace("\u200b", "").replace("\n", "")
