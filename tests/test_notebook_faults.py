"""What a reader saw in a downloaded notebook (issue 27), each fixed: the
read-only form as Jupyter shows it without the page's styles, the kit cell's
lines, the safety link, the notebook's own words, the chart's install hint."""

from __future__ import annotations

import re
import sys

import pytest
from bs4 import BeautifulSoup
from conftest import REPO
from test_downloads import IDS, WORKSHEETS, read_worksheet

from worksheet_kit.core.html import render_html
from worksheet_kit.sphinxext.downloads import export_notebook


def notebook_html(name: str) -> BeautifulSoup:
    worksheet = read_worksheet(REPO / "worksheets" / f"{name}.md")
    return BeautifulSoup(render_html(worksheet, in_notebook=True), "html.parser")


def test_the_form_title_is_a_heading_in_a_notebook_only():
    assert notebook_html("weekly-check-in").find("h2", class_="ws-title").text == "Weekly check-in"
    worksheet = read_worksheet(REPO / "worksheets" / "weekly-check-in.md")
    page = BeautifulSoup(render_html(worksheet), "html.parser")
    assert page.find("p", class_="ws-title") and not page.find("h2")


def test_the_weekly_form_lists_its_scale_once_in_the_buttons():
    html = notebook_html("weekly-check-in")
    assert html.find(class_="ws-scale-key") is None
    first = html.find("fieldset", class_="ws-scale-item")
    assert [a.text for a in first.find_all(class_="ws-anchor")][0] == "Not at all"


def test_each_cycle_box_has_one_number_in_a_notebook():
    html = notebook_html("our-negative-cycle")
    labels = [label.text for label in html.select("ol.ws-cycle-stages label")]
    assert labels and not [t for t in labels if re.match(r"\d+\. ", t)], labels


def test_the_apology_table_is_boxes_that_wrap_in_a_notebook():
    html = notebook_html("apology-builder")
    worksheet = read_worksheet(REPO / "worksheets" / "apology-builder.md")
    assert html.find("table") is None  # a table cannot wrap without the page's styles
    rows = html.find_all("fieldset", class_=False)[1:]  # the first holds the whole form
    assert [r.legend.text for r in rows] == [f"Row {n}" for n in range(1, worksheet.rows + 1)]
    assert [label.text for label in rows[0].find_all("label")] == list(worksheet.columns)


def test_without_ipywidgets_the_form_says_what_to_type(monkeypatch):
    from worksheet_kit.core.display import notebook_form

    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # import fails, as if not installed
    worksheet = read_worksheet(REPO / "worksheets" / "signs-of-erosion.md")
    bundle = notebook_form(worksheet, "unused.json")._repr_mimebundle_()
    assert "%pip install ipywidgets in a new cell" in bundle["text/plain"]
    html = BeautifulSoup(bundle["text/html"], "html.parser")
    assert "%pip install ipywidgets" in html.find(class_="ws-notebook-note").text


@pytest.mark.parametrize("path", WORKSHEETS, ids=IDS)
def test_the_notebook_reads_as_a_notebook(path):
    nb = export_notebook(path)
    kit = next(c for c in nb.cells if "worksheet-kit" in c.metadata.get("tags", []))
    assert max(len(line) for line in kit.source.splitlines()) <= 120
    assert "](#Safety-first)" in nb.cells[0].source
    assert nb.cells[1].source.startswith("## Safety first\n")  # the link's target
    ours = [
        c.source
        for c in nb.cells
        if not {"worksheet", "worksheet-kit"} & set(c.metadata.get("tags", []))
    ]
    assert not [s for s in ours if "Export answers" in s or "web page," in s]


def test_safety_links_to_the_book_when_its_address_is_known():
    nb = export_notebook(WORKSHEETS[0], "https://example.org/book/")
    assert "[Safety first](https://example.org/book/docs/safety.html)" in nb.cells[0].source


def test_the_chart_names_the_cell_to_type_without_matplotlib(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    worksheet = read_worksheet(REPO / "worksheets" / "weekly-check-in.md")
    history = [{"date": "2026-11-20", "answers": {"items": {"partner-kept-word": 2}}}]
    assert worksheet.chart(history) is None
    assert "type %pip install matplotlib in a new cell, run it" in capsys.readouterr().out
