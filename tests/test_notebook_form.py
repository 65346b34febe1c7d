"""The downloaded notebook as a worksheet: its clickable form, and plain words
for mistakes in its answers cell. Each test exports a notebook into tmp_path
(no book build) and runs it alone in a real kernel."""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from html import escape
from pathlib import Path

import nbformat
import pytest
from conftest import REPO
from notebooks import blank_run, run_alone
from test_downloads import IDS, one_of_each_kind, read_worksheet

from worksheet_kit.core.answers import SCHEMA
from worksheet_kit.core.html import kind_notes
from worksheet_kit.core.mistakes import RUN_ABOVE
from worksheet_kit.sphinxext.downloads import export_notebook

WIDGET = "application/vnd.jupyter.widget-view+json"

# Appended to a run notebook: count the form's controls, set every one as a
# click would, then open the form again from the file it wrote.
SET_EVERY_CONTROL = """
import json, ipywidgets
def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)
kinds = (ipywidgets.Checkbox, ipywidgets.ToggleButtons, ipywidgets.Textarea)
shown = [w for w in walk(form.box) if isinstance(w, kinds)]
for f in worksheet.answer_fields():
    value = {"bool": True, "scale": f.get("high"), "text": "Words for " + f["name"]}[f["type"]]
    form.controls[f["name"]].value = value
again = worksheet.form()
print(json.dumps({
    "shown": len(shown),
    "summary": form.summary.value,
    "again": {name: c.value for name, c in again.controls.items()},
    "header": form.box.children[0].value,
}))
"""


def export_to(folder: Path, worksheet_id: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{worksheet_id}.ipynb"
    nb = export_notebook(REPO / "worksheets" / f"{worksheet_id}.md")
    nbformat.write(nb, target)
    return target


def every_answer_set(worksheet) -> dict:
    """The answers SET_EVERY_CONTROL gives, built here from the same fields."""
    answers = worksheet.blank_answers()
    for f in worksheet.answer_fields():
        node = answers
        for key in f["path"][:-1]:
            node = node[key]
        value = {"bool": True, "scale": f.get("high"), "text": "Words for " + f["name"]}
        node[f["path"][-1]] = value[f["type"]]
    return answers


def printed(run) -> list:
    return [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]


# one of each kind, and the weekly sheet, whose instructions word web and paper apart
FORM_SHEETS = [*one_of_each_kind(), REPO / "worksheets" / "weekly-check-in.md"]


@pytest.mark.parametrize("path", FORM_SHEETS, ids=lambda path: path.stem)
def test_the_form_has_a_control_per_field_and_saves_what_is_clicked(path, tmp_path):
    worksheet = read_worksheet(path)
    notebook = export_to(tmp_path / "alone", worksheet.id)
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(SET_EVERY_CONTROL))
    nbformat.write(nb, notebook)

    done = run_alone(notebook, tmp_path, executed=tmp_path / "run.ipynb")
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]

    run = nbformat.read(tmp_path / "run.ipynb", as_version=4)
    shown = next(c for c in run.cells if "worksheet" in c.metadata.get("tags", []))
    assert [o for o in shown.outputs if WIDGET in o.get("data", {})], shown.outputs
    result = next(p for p in printed(done) if "text" in p and p["text"].startswith('{"shown"'))
    result = json.loads(result["text"])
    fields = worksheet.answer_fields()
    assert result["shown"] == len(fields)
    assert f"<h2>{escape(worksheet.title)}</h2>" in result["header"]
    assert kind_notes(worksheet) in result["header"]  # a guide's pause rule, a table's example
    assert not re.search(
        r"\[(web|paper|notebook|screen):", result["header"]
    )  # worded for a notebook

    saved = tmp_path / "alone" / f"{worksheet.id}-answers.json"
    expected = worksheet.check_answers(every_answer_set(worksheet))
    assert worksheet.load_answers(saved) == expected
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert (data["schema"], data["worksheet"]) == (SCHEMA, worksheet.id)  # the page's import
    assert result["summary"] == worksheet.summarise(expected)._repr_html_()
    assert result["again"] == {f["name"]: value_of(expected, f["path"]) for f in fields}


def value_of(answers, path):
    for key in path:
        answers = answers[key]
    return answers


def test_a_sheet_never_saved_on_the_web_is_never_saved_by_the_form(tmp_path):
    notebook = export_to(tmp_path / "alone", "safety-check")
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(SET_EVERY_CONTROL))
    nbformat.write(nb, notebook)

    done = run_alone(notebook, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert sorted(p.name for p in notebook.parent.iterdir()) == [notebook.name]


def test_a_file_the_form_cannot_read_is_left_as_it_is(tmp_path):
    worksheet = read_worksheet(REPO / "worksheets" / "signs-of-erosion.md")
    notebook = export_to(tmp_path / "alone", worksheet.id)
    saved = tmp_path / "alone" / f"{worksheet.id}-answers.json"
    saved.write_text('{"schema": "rebuilding-trust-answers/1", "worksheet": "other"}')
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(SET_EVERY_CONTROL))
    nbformat.write(nb, notebook)

    done = run_alone(notebook, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert saved.read_text() == '{"schema": "rebuilding-trust-answers/1", "worksheet": "other"}'


def test_without_ipywidgets_every_notebook_runs_and_says_how_to_click(tmp_path_factory):
    """On the blank runs test_downloads shares (`blank_run`: made once a run)."""
    with ThreadPoolExecutor(2) as pool:
        runs = dict(zip(IDS, pool.map(lambda i: blank_run(tmp_path_factory, i), IDS), strict=True))
    for name, (done, executed) in runs.items():
        assert done.returncode == 0, (name, done.stdout + done.stderr[-2000:])
        assert "Summary: " in done.stdout, name
        assert "%pip install ipywidgets" in done.stdout, name
        run = nbformat.read(executed, as_version=4)
        outputs = [o for c in run.cells for o in c.get("outputs", [])]
        assert not [o for o in outputs if WIDGET in o.get("data", {})], name


def weekly_with(tmp_path, change, save=True) -> tuple[Path, list[str]]:
    """The weekly notebook with its answers cell changed by `change` and, with
    `save`, its save-entry line live (a run past the answers writes the file)."""
    notebook = export_to(tmp_path / "alone", "weekly-check-in")
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells if save else []:
        cell.source = cell.source.replace(
            "# history = worksheet.save_entry", "history = worksheet.save_entry"
        )
    cell = next(c for c in nb.cells if "your-answers" in c.metadata.get("tags", []))
    cell.source = change(cell.source)
    nbformat.write(nb, notebook)
    return notebook, cell.source.splitlines()


def line_of(lines: list[str], text: str) -> int:
    return next(n for n, line in enumerate(lines, start=1) if text in line)


MISTAKES = {
    "quote inside a sentence": (
        lambda s: s.replace('"next_step": ""', '"next_step": "say "I hear you" first"'),
        '"next_step": "say',
        'Line {n} of your answers: a double quote (") inside your words ends the answer early.',
    ),
    "missing comma": (
        lambda s: s.replace('"partner-kept-word": None,', '"partner-kept-word": 3', 1),
        '"partner-kept-word": 3',
        "Line {n} of your answers needs a comma at its end, after the answer.",
    ),
    "word where a number goes": (
        lambda s: s.replace('"i-kept-word": None,', '"i-kept-word": Mostly,', 1),
        '"i-kept-word": Mostly,',
        "Line {n} of your answers: Mostly is a word where a number goes. "
        "Type a number from 1 to 5, or None to leave it blank.",
    ),
    "misspelt key": (
        lambda s: s.replace('"next_step":', '"next_stpe":'),
        '"next_stpe"',
        "Line {n} of your answers: next_stpe: did you mean next_step?",
    ),
    "words without quotes": (
        lambda s: s.replace('"next_step": ""', '"next_step": a walk on Sunday'),
        '"next_step": a walk',
        'Line {n} of your answers: words go between double quotes, like "a walk on Sunday".',
    ),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_mistake_in_the_answers_cell_is_told_in_words(tmp_path, mistake):
    change, where, message = MISTAKES[mistake]
    notebook, lines = weekly_with(tmp_path, change)
    saved = notebook.parent / "weekly-check-in-answers.json"
    saved.write_text('{"kept": "as it was"}')  # not even a valid file: still never touched

    done = run_alone(notebook, tmp_path)

    assert done.returncode == 3, done.stdout + done.stderr[-2000:]
    error = json.loads(done.stdout.splitlines()[-1])["error"]
    assert message.format(n=line_of(lines, where)) in error, error
    assert "Traceback" not in error and "Error" not in error.split("---\n")[-1], error
    assert saved.read_text() == '{"kept": "as it was"}'


@pytest.mark.parametrize("skipped", [("worksheet",), ("worksheet", "your-answers")])
def test_a_cell_run_before_the_cells_above_says_run_them_first(tmp_path, skipped):
    """The kit cell ran, the worksheet cell did not: the answers cell, or else the
    summary cell under it, says to run the cells above, with no traceback."""
    notebook = export_to(tmp_path / "alone", "signs-of-erosion")
    nb = nbformat.read(notebook, as_version=4)
    nb.cells = [c for c in nb.cells if not set(skipped) & set(c.metadata.get("tags", []))]
    nbformat.write(nb, notebook)

    done = run_alone(notebook, tmp_path)

    assert done.returncode == 3, done.stdout + done.stderr[-2000:]
    error = json.loads(done.stdout.splitlines()[-1])["error"]
    assert RUN_ABOVE in error and "Traceback" not in error and "NameError" not in error, error


def test_the_weekly_chart_shows_once_however_often_it_runs(tmp_path):
    history = [
        {"date": "2026-11-20", "answers": {"items": {"partner-kept-word": 2}}},
        {"date": "2026-11-27", "answers": {"items": {"partner-kept-word": 4}}},
    ]
    notebook, _ = weekly_with(tmp_path, lambda s: s + f"\nhistory = {history!r}", save=False)
    nb = nbformat.read(notebook, as_version=4)
    chart = next(n for n, c in enumerate(nb.cells) if c.source == "worksheet.chart(history)")
    nb.cells[chart + 1 : chart + 1] = [nbformat.v4.new_code_cell("worksheet.chart(history)")]
    nbformat.write(nb, notebook)

    done = run_alone(notebook, tmp_path, executed=tmp_path / "run.ipynb")

    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    run = nbformat.read(tmp_path / "run.ipynb", as_version=4)
    for cell in run.cells[chart + 1 : chart + 3]:  # +1: the runner's guard cell
        images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        assert len(images) == 1, cell.outputs
