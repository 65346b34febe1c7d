"""Downloaded notebooks: clean, complete, and runnable outside this repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from conftest import REPO

from worksheet_kit import WorksheetError
from worksheet_kit.sphinxext.downloads import ZIP_NAME, export_notebook, worksheet_sources

WORKSHEETS = worksheet_sources(REPO / "worksheets")
IDS = [path.stem for path in WORKSHEETS]

# Runs a notebook in a kernel whose Python cannot import the repo's kit: the
# notebook must bring its own. Prints each cell's outputs as JSON lines.
RUNNER = r"""
import json, sys
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
guard = nbformat.v4.new_code_cell(
    "import sys\n"
    "class _NoRepoKit:\n"
    "    def find_spec(self, name, path=None, target=None):\n"
    "        if name.split('.')[0] == 'worksheet_kit':\n"
    "            raise ImportError('the repo kit is not reachable: ' + name)\n"
    "sys.meta_path.insert(0, _NoRepoKit())\n"
    "sys.path = [p for p in sys.path if p not in ('', '.')]"
)
nb.cells.insert(0, guard)
try:
    NotebookClient(nb, timeout=60, kernel_name="python3").execute(cwd=str(__import__('pathlib').Path(path).parent))
except CellExecutionError as error:
    print(json.dumps({"error": str(error)}))
    sys.exit(3)
for cell in nb.cells:
    for output in cell.get("outputs", []):
        print(json.dumps({"text": output.get("data", {}).get("text/plain", output.get("text", ""))}))
"""


def run_alone(
    notebook: Path, tmp_path: Path, answers: str | None = None, folder: str = "alone"
) -> subprocess.CompletedProcess:
    """Execute a notebook copied alone into an empty folder, away from the repo
    (with ``answers`` as its your-answers cell, when given)."""
    folder = tmp_path / folder
    folder.mkdir(exist_ok=True)
    target = folder / notebook.name
    if target != notebook:
        target.write_bytes(notebook.read_bytes())
    if answers is not None:
        set_answers(target, answers)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    return subprocess.run(
        [sys.executable, "-c", RUNNER, str(target)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def set_answers(notebook: Path, source: str) -> None:
    nb = nbformat.read(notebook, as_version=4)
    cell = next(c for c in nb.cells if "your-answers" in c.metadata.get("tags", []))
    cell.source = source
    nbformat.write(nb, notebook)


def test_a_notebook_for_every_worksheet(book_html):
    """Each worksheet page offers exactly its own notebook, and nothing else is offered."""
    built = sorted(p.stem for p in (book_html / "notebooks").glob("*.ipynb"))
    assert built == sorted(IDS)
    assert len(IDS) >= 19


@pytest.mark.parametrize("path", WORKSHEETS, ids=IDS)
def test_download_is_clean(path):
    nb = export_notebook(path)
    nbformat.validate(nb)
    text = nbformat.writes(nb)
    assert str(REPO) not in text and "/home/" not in text and "/root" not in text
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert set(nb.metadata) <= {"kernelspec", "language_info", "title"}
    for cell in nb.cells:
        assert cell.get("outputs", []) == []
        assert cell.get("execution_count") is None
        assert "build-only" not in cell.metadata.get("tags", [])
        assert "sample" not in cell.source.lower() or cell.cell_type == "markdown"
    markdown = " ".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "988" in markdown and "Privacy" in markdown
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    kit = next(c for c in nb.cells if "worksheet-kit" in c.metadata.get("tags", []))
    assert kit.metadata["jupyter"]["source_hidden"] is True


@pytest.mark.parametrize("path", WORKSHEETS, ids=IDS)
def test_download_runs_alone_then_summarises_answers(path, book_html, tmp_path):
    import jupytext

    from worksheet_kit.sphinxext.downloads import worksheet_from_notebook

    notebook = book_html / "notebooks" / f"{path.stem}.ipynb"
    worksheet = worksheet_from_notebook(jupytext.read(path), path)
    # a reader fills in valid answers: the summary reflects them
    answers = worksheet.blank_answers()
    first = worksheet.answer_fields()[0]
    value = {"bool": True, "scale": first.get("high"), "text": "A made-up moment"}[first["type"]]
    node = answers
    for key in first["path"][:-1]:
        node = node[key]
    node[first["path"][-1]] = value
    answers["next_step"] = "Take a walk together"
    # an invalid answer: the notebook gives the kit's own one-line message
    part = first["path"][0]
    bad = (
        {part: [{"No such column": "x"}]} if isinstance(answers[part], list) else {part: {99: "x"}}
    )
    # the three runs are independent, each in its own folder: run at once
    runs = {"blank": None, "filled": f"answers = {answers!r}", "broken": f"answers = {bad!r}"}
    with ThreadPoolExecutor(len(runs)) as pool:
        blank, filled, broken = pool.map(
            lambda run: run_alone(notebook, tmp_path, runs[run], folder=run), runs
        )

    assert blank.returncode == 0, blank.stdout + blank.stderr[-3000:]
    assert "Summary: " in blank.stdout

    assert filled.returncode == 0, filled.stdout + filled.stderr[-3000:]
    expected = str(worksheet.summarise(answers))
    assert json.dumps({"text": expected}) in filled.stdout

    assert broken.returncode == 3
    with pytest.raises(WorksheetError) as error:
        worksheet.check_answers(bad)
    assert json.dumps(f"WorksheetError: {error.value}")[1:-1] in broken.stdout


def test_exported_json_loads_in_the_notebook(book_html, tmp_path):
    path = REPO / "worksheets" / "signs-of-erosion.md"
    import jupytext

    from worksheet_kit.core.answers import envelope
    from worksheet_kit.sphinxext.downloads import worksheet_from_notebook

    worksheet = worksheet_from_notebook(jupytext.read(path), path)
    exported = envelope(worksheet, {"items": {"2": 4, "5": 4}, "next_step": "Ask for a walk"})
    (tmp_path / "alone").mkdir()
    (tmp_path / "alone" / "answers.json").write_text(json.dumps(exported))
    notebook = tmp_path / "alone" / "signs-of-erosion.ipynb"
    notebook.write_bytes((book_html / "notebooks" / notebook.name).read_bytes())
    set_answers(notebook, 'answers = worksheet.load_answers("answers.json")')
    done = run_alone(notebook, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    expected = str(worksheet.summarise(exported))
    assert json.dumps({"text": expected}) in done.stdout


def test_zip_holds_one_notebook_per_worksheet(book_html):
    with zipfile.ZipFile(book_html / "notebooks" / ZIP_NAME) as bundle:
        names = sorted(Path(n).name for n in bundle.namelist())
    assert names == sorted(f"{i}.ipynb" for i in IDS)


@pytest.mark.parametrize("worksheet_id", IDS)
def test_button_on_worksheet_page_links_an_existing_file(book_html, worksheet_id):
    page = book_html / "worksheets" / f"{worksheet_id}.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    button = soup.find("a", string="Download notebook (.ipynb)")
    assert button is not None and button.has_attr("download")
    assert (page.parent / button["href"]).resolve().is_file()


def test_landing_page_offers_the_zip(book_html):
    soup = BeautifulSoup((book_html / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.find("a", href=lambda h: h and h.endswith(ZIP_NAME))
    assert link is not None
    assert (book_html / link["href"]).is_file()
