"""The workshop plans as data, the packets they make, and words for one output.

Fast: no book build. The packets' PDFs themselves are read in test_pdf.py.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, sphinx_build

sys.path.insert(0, str(REPO / "_ext"))

from workshop_plans import (  # noqa: E402
    PLANS_FILE,
    PlanError,
    load_plans,
    packet_documents,
    packet_file,
    packet_title,
    packets,
)

from worksheet_kit import Checklist  # noqa: E402
from worksheet_kit.core.errors import WorksheetError  # noqa: E402
from worksheet_kit.core.html import render_html  # noqa: E402
from worksheet_kit.core.text import render_text  # noqa: E402
from worksheet_kit.core.wording import for_output  # noqa: E402
from worksheet_kit.sphinxext.downloads import rewrite_links  # noqa: E402
from worksheet_kit.sphinxext.typst.worksheets import render_sheet  # noqa: E402

PLANS = load_plans(REPO / PLANS_FILE)
PAGE = (REPO / "docs" / "workshop-plans.md").read_text(encoding="utf-8")


def test_every_format_of_the_plans_page_is_in_the_data():
    slugs = [s.slug for s in PLANS.sessions]
    assert slugs == ["2-hour", "90-minute-1", "90-minute-2", *(f"week-{n}" for n in range(1, 7))]
    assert re.findall(r"^```\{workshop-plan\} (\S+)$", PAGE, re.M) == slugs
    assert "| Min |" not in PAGE, "a table written by hand can drift from the packets"


def section_of(slug: str) -> str:
    """The plans page's text from the heading over a session's table to the next
    heading of the same or a higher level."""
    lines = PAGE.splitlines()
    at = lines.index(f"```{{workshop-plan}} {slug}")
    start = max(i for i in range(at) if lines[i].startswith("#"))
    level = len(lines[start]) - len(lines[start].lstrip("#"))
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if re.match(r"#+ ", lines[i]) and len(lines[i].split()[0]) <= level
        ),
        len(lines),
    )
    return "\n".join(lines[start:end])


@pytest.mark.parametrize("session", PLANS.sessions, ids=lambda s: s.slug)
def test_sheets_a_session_names_in_words_are_in_its_packet(session):
    """The prose around a session's table (what to take home...) names only
    sheets its packet holds, and names every sheet taken home."""
    heading = section_of(session.slug).splitlines()[0]
    assert heading.endswith(session.heading or session.name), (heading, session.heading)
    named = {
        f"worksheets/{w}"
        for w in re.findall(r"\(\.\./worksheets/([\w-]+)\.md", section_of(session.slug))
    }
    assert named <= set(session.sheets), named - set(session.sheets)
    assert set(session.home) <= named, set(session.home) - named


def test_each_session_has_a_participant_and_a_facilitator_packet():
    documents = {d["name"]: d for d in packet_documents(REPO / PLANS_FILE)}
    for session in PLANS.sessions:
        participant = documents[f"participant-packet-{session.slug}"]
        facilitator = documents[f"facilitator-packet-{session.slug}"]
        assert participant["docs"] == [*session.sheets, "docs/safety"]
        assert facilitator["docs"] == [
            "docs/facilitator-guide",
            "docs/workshop-plans",
            *session.sheets,
            "docs/safety",
        ]
        assert participant["title"] == f"Participant packet: {session.name}"
    assert documents["facilitator-packet"]["aliases"] == ["workshop-packet"]
    assert len(documents) == len(packets(PLANS)) == 2 + 2 * len(PLANS.sessions)


def test_one_name_makes_the_title_and_the_file():
    week = PLANS.session("week-2")
    assert packet_title("facilitator", week) == "Facilitator packet: Week 2 of 6"
    assert packet_file("facilitator", week) == "facilitator-packet-week-2"
    assert packet_title("participant") == "Participant packet: all sessions"
    assert packet_file("participant") == "participant-packet"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("[10, Break", "week-1: block 1: minutes must be a number"),
        ("slug: week-2", "a session slug is used twice"),
        ("home: [worksheets/weekly-check-in]", "week-3: home must be a list"),
    ],
)
def test_a_bad_plans_file_fails_naming_the_file_the_session_and_the_field(
    tmp_path, change, message
):
    text = (REPO / PLANS_FILE).read_text(encoding="utf-8")
    if change.startswith("[10"):
        text = text.replace('- [20, "What trust is made of; the three', '- [ten, "What', 1)
    elif change.startswith("slug"):
        text = text.replace("slug: week-3", "slug: week-2")
    else:
        text = text.replace(
            "home: [worksheets/weekly-check-in]\n      - slug: week-4",
            "home: x\n      - slug: week-4",
        )
    bad = tmp_path / "plans.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError, match=re.escape(message)) as error:
        load_plans(bad)
    assert PLANS_FILE in str(error.value)


# -- words for one output -----------------------------------------------------------
WORDED = "Do it weekly.[paper:  Write the date at the top.][web:  Press “Save today's entry”.]"


def sheet(**changes):
    fields = dict(
        id="ticks",
        title="Ticks",
        chapter="chapter",
        minutes=5,
        who=["alone"],
        purpose="Try it.",
        instructions=WORDED,
        privacy="Yours.[screen:  This form keeps nothing.]",
        items=[("one", "One"), ("two", "Two")],
    )
    return Checklist(**{**fields, **changes})


def test_a_part_shows_only_in_its_output():
    assert for_output(WORDED, "paper") == "Do it weekly. Write the date at the top."
    assert for_output(WORDED, "web") == "Do it weekly. Press “Save today's entry”."
    assert for_output(WORDED, "notebook") == "Do it weekly."
    assert for_output("Keep it.[screen:  Or clear it.]", "notebook") == "Keep it. Or clear it."


def test_each_renderer_words_the_sheet_for_its_output():
    ws = sheet()
    paper = render_sheet(ws)
    assert "Write the date" in paper and "Save today" not in paper and "form keeps" not in paper
    web = render_html(ws)
    assert "Save today" in web and "Write the date" not in web and "form keeps" in web
    notebook = render_html(ws, in_notebook=True) + render_text(ws)
    assert "Save today" not in notebook and "Write the date" not in notebook
    assert not re.search(r"(web|paper|screen)\\?:", paper + web + notebook)  # no marker shows


@pytest.mark.parametrize("bad", ["[Web: x]", "[print: x]", "[web: never closed"])
def test_an_unknown_or_open_part_fails_naming_the_sheet_and_the_field(bad):
    with pytest.raises(WorksheetError, match=r"^ticks: instructions has a part \["):
        sheet(instructions=f"Do it. {bad}")


def test_a_notebook_names_the_book_page_a_dropped_link_went_to():
    line = "Before you start, read [Safety first](../docs/safety.md#signs)."
    assert rewrite_links(line, "") == (  # and links the notebook's own safety note
        "Before you start, read [Safety first](#Safety-first) (in the book: `docs/safety.html`)."
    )
    other = "Then read [the communication chapter](../docs/communication.md)."
    assert rewrite_links(other, "") == (
        "Then read the communication chapter (in the book: `docs/communication.html`)."
    )
    assert rewrite_links(line, "https://x.org/") == (
        "Before you start, read [Safety first](https://x.org/docs/safety.html#signs)."
    )


def test_web_and_paper_words_keep_to_their_output_and_paper_shows_addresses(tmp_path):
    """A chapter's {web} and {paper} words reach only their own output."""
    root = tmp_path / "src"
    root.mkdir()
    (root / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(REPO / '_ext')!r})\n"
        'extensions = ["myst_nb", "worksheet_kit.sphinxext", "book_outputs"]\n'
        'exclude_patterns = ["_build"]\n'
        'typst_documents = [{"name": "book", "title": "Book", "docs": ["index"]}]\n'
        "typst_worksheet_pdfs = False\n",
        encoding="utf-8",
    )
    (root / "index.md").write_text(
        "# Book\n\nKeep it private. {web}`Press Clear when you finish.`{paper}`Tear it up.`\n\n"
        "```{only} html\nTo build it, run `make pdf`.\n```\n\n"
        "Call [Find A Helpline](https://www.findahelpline.com/AU) "
        "or [findahelpline.com](https://findahelpline.com).\n",
        encoding="utf-8",
    )
    html = sphinx_build(root, tmp_path / "out", "html")
    assert html.returncode == 0, html.stderr
    page = BeautifulSoup(
        (tmp_path / "out" / "html" / "index.html").read_text("utf-8"), "html.parser"
    )
    page = " ".join(page.get_text().split())
    assert "Press Clear" in page and "make pdf" in page and "Tear it up" not in page
    typst = sphinx_build(root, tmp_path / "out", "typst")
    assert typst.returncode == 0, typst.stderr
    source = Path(tmp_path / "out" / ".doctrees" / "typst" / "book.typ").read_text(encoding="utf-8")
    assert "Tear it up" in source and "Press Clear" not in source and "make pdf" not in source
    # paper cannot follow "Find A Helpline": its address is printed; a shown address is not
    assert re.findall(r"#footnote\[.*?\]\]\]", source) == [
        '#footnote[#par[#link("https://www.findahelpline.com/AU")[findahelpline\\.com\\/AU]]]'
    ]
