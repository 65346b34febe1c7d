"""Downloaded notebooks: clean, complete, and runnable outside this repository."""

from __future__ import annotations

import functools
import json
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from conftest import REPO
from notebooks import blank_run, run_alone, set_answers

from worksheet_kit import WorksheetError
from worksheet_kit.sphinxext.downloads import ZIP_NAME, export_notebook, worksheet_sources

WORKSHEETS = worksheet_sources(REPO / "worksheets")
IDS = [path.stem for path in WORKSHEETS]


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


@functools.cache  # read at collection and by many tests; no test changes a sheet
def read_worksheet(path: Path):
    import jupytext

    from worksheet_kit.sphinxext.downloads import worksheet_from_notebook

    return worksheet_from_notebook(jupytext.read(path), path)


def one_of_each_kind() -> list[Path]:
    first: dict[str, Path] = {}
    for path in WORKSHEETS:
        first.setdefault(read_worksheet(path).kind, path)
    return list(first.values())


def with_history(worksheet, source: str) -> str:
    """A weekly sheet's answers cell holds its history too."""
    return source + ("\nhistory = []" if worksheet.repeat else "")


@pytest.mark.parametrize("path", WORKSHEETS, ids=IDS)
def test_download_runs_alone_then_summarises_answers(path, book_html, tmp_path, tmp_path_factory):
    """Blank, as downloaded (`blank_run`, shared with test_notebook_form), and
    filled in, the book's own download with ipywidgets there: both run and
    summarise."""
    notebook = book_html / "notebooks" / f"{path.stem}.ipynb"
    worksheet = read_worksheet(path)
    # a reader fills in valid answers: the summary reflects them
    answers = worksheet.blank_answers()
    first = worksheet.answer_fields()[0]
    value = {"bool": True, "scale": first.get("high"), "text": "A made-up moment"}[first["type"]]
    node = answers
    for key in first["path"][:-1]:
        node = node[key]
    node[first["path"][-1]] = value
    answers["next_step"] = "Take a walk together"
    # as downloaded, and filled in: independent runs, each in its own folder, at once
    filled_in = with_history(worksheet, f"answers = {answers!r}")
    with ThreadPoolExecutor(2) as pool:
        blank_done = pool.submit(blank_run, tmp_path_factory, path.stem)
        filled = run_alone(notebook, tmp_path, filled_in, folder="filled")
        blank, _ = blank_done.result()

    assert blank.returncode == 0, blank.stdout + blank.stderr[-3000:]
    assert "Summary: " in blank.stdout

    assert filled.returncode == 0, filled.stdout + filled.stderr[-3000:]
    expected = str(worksheet.summarise(answers))
    assert json.dumps({"text": expected}) in filled.stdout


@pytest.mark.parametrize("path", one_of_each_kind(), ids=lambda path: path.stem)
def test_download_refuses_bad_answers_in_one_line(path, book_html, tmp_path):
    """The answer rules are the kind's: one worksheet of each kind is enough."""
    notebook = book_html / "notebooks" / f"{path.stem}.ipynb"
    worksheet = read_worksheet(path)
    part = worksheet.answer_fields()[0]["path"][0]
    blank = worksheet.blank_answers()
    bad = {part: [{"No such column": "x"}]} if isinstance(blank[part], list) else {part: {99: "x"}}
    broken = run_alone(notebook, tmp_path, with_history(worksheet, f"answers = {bad!r}"))

    assert broken.returncode == 3
    with pytest.raises(WorksheetError) as error:
        worksheet.check_answers(bad)
    assert json.dumps(f"WorksheetError: {error.value}")[1:-1] in broken.stdout


@pytest.mark.parametrize("name", ["signs-of-erosion", "weekly-check-in"])
def test_exported_file_loads_once_its_lines_are_uncommented(book_html, tmp_path, name):
    """As the answers cell says: delete the "# " before the load lines, run."""
    from worksheet_kit.core.editions import envelope

    worksheet = read_worksheet(REPO / "worksheets" / f"{name}.md")
    answers = worksheet.blank_answers()
    first = worksheet.answer_fields()[0]
    answers[first["path"][0]][first["path"][1]] = first.get("high", True)
    answers["next_step"] = "Ask for a walk"
    exported = envelope(worksheet, answers)
    history = [{"date": "2026-11-20", "answers": answers}] if worksheet.repeat else None
    if history:
        exported["history"] = history
    folder = tmp_path / "alone"
    folder.mkdir()
    (folder / f"{name}-answers.json").write_text(json.dumps(exported))
    notebook = folder / f"{name}.ipynb"
    notebook.write_bytes((book_html / "notebooks" / notebook.name).read_bytes())
    nb = nbformat.read(notebook, as_version=4)
    cell = next(c for c in nb.cells if "your-answers" in c.metadata.get("tags", []))
    loads = [line for line in cell.source.splitlines() if "worksheet.load_" in line]
    assert len(loads) == (2 if worksheet.repeat else 1)
    set_answers(
        notebook,
        cell.source.replace("# answers = ", "answers = ").replace("# history = ", "history = "),
    )

    done = run_alone(notebook, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    expected = str(worksheet.summarise(answers, history=history))
    assert json.dumps({"text": expected}) in done.stdout


def test_a_weekly_notebook_keeps_todays_entry_beside_itself(book_html, tmp_path):
    """Uncommented as its cell says, the progress cell saves the web page's file."""
    import datetime

    worksheet = read_worksheet(REPO / "worksheets" / "weekly-check-in.md")
    notebook = tmp_path / "alone" / "weekly-check-in.ipynb"
    notebook.parent.mkdir()
    notebook.write_bytes((book_html / "notebooks" / notebook.name).read_bytes())
    nb = nbformat.read(notebook, as_version=4)
    answers = worksheet.blank_answers()
    answers["items"]["partner-kept-word"] = 4
    keep = next(i for i, c in enumerate(nb.cells) if c.source.startswith("# Keep today's answers"))
    # the order a reader runs them in: answers, keep today's entry, summary, chart
    assert "your-answers" in nb.cells[keep - 1].metadata.get("tags", [])
    assert nb.cells[keep + 1].source.startswith("worksheet.summarise(answers, history=history)")
    assert nb.cells[keep + 2].source == "worksheet.chart(history)"
    cell = nb.cells[keep]
    cell.source = cell.source.replace(
        "# history = worksheet.save_entry", "history = worksheet.save_entry"
    )
    nbformat.write(nb, notebook)
    set_answers(notebook, f"answers = {answers!r}\nhistory = []")

    done = run_alone(notebook, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    saved = notebook.parent / "weekly-check-in-answers.json"
    history = worksheet.load_history(saved)
    assert history == [
        {"date": datetime.date.today().isoformat(), "answers": worksheet.check_answers(answers)}
    ]
    assert worksheet.load_answers(saved) == worksheet.check_answers(answers)
    today = datetime.date.today().isoformat()
    assert f"Your entry for {today} is saved in {saved.name} (1 in all)." in done.stdout
    assert f"{today}: 4.0" in done.stdout  # the summary under it lists the entry


def test_the_site_publishes_no_build_only_cells(book_html):
    assert not (book_html / "jupyter_execute").exists()
    for notebook in book_html.rglob("*.ipynb"):
        assert "build-only" not in notebook.read_text(encoding="utf-8"), notebook


def test_zip_holds_one_notebook_per_worksheet(book_html):
    with zipfile.ZipFile(book_html / "notebooks" / ZIP_NAME) as bundle:
        names = sorted(Path(n).name for n in bundle.namelist())
    assert names == sorted(f"{i}.ipynb" for i in IDS)


@pytest.mark.parametrize("worksheet_id", IDS)
def test_button_on_worksheet_page_links_an_existing_file(book_html, worksheet_id):
    page = book_html / "worksheets" / f"{worksheet_id}.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    button = soup.find("a", string="Download blank notebook (.ipynb)")
    assert button is not None and button.has_attr("download")
    assert (page.parent / button["href"]).resolve().is_file()


def test_landing_page_offers_the_zip(book_html):
    soup = BeautifulSoup((book_html / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.find("a", href=lambda h: h and h.endswith(ZIP_NAME))
    assert link is not None
    assert (book_html / link["href"]).is_file()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda t: t.replace(
                "# Demo worksheet", "```{code-cell} ipython3\n1\n```\n\n# Demo worksheet"
            ),
            "must start with its title",
        ),
        (
            lambda t: t.replace("your-answers]", "]"),
            "needs exactly one code cell tagged 'your-answers'",
        ),
        (
            lambda t: t.replace("format_name: myst", "format_name: [myst"),
            "cannot be read as a notebook",
        ),
    ],
)
def test_a_badly_shaped_notebook_is_named_not_exported(tmp_path, change, message):
    from conftest import ROOTS

    path = tmp_path / "demo.md"
    path.write_text(change((ROOTS / "test-worksheet" / "worksheets" / "demo.md").read_text()))
    with pytest.raises(WorksheetError) as error:
        export_notebook(path)
    assert str(error.value).startswith(f"{path}: {message}")


def test_make_notebooks_stops_a_looping_cell_at_the_builds_time_limit(tmp_path, capsys):
    from conftest import ROOTS

    from worksheet_kit.sphinxext.downloads import main

    (tmp_path / "conf.py").write_text("nb_execution_timeout = 1\n")
    folder = tmp_path / "worksheets"
    folder.mkdir()
    text = (ROOTS / "test-worksheet" / "worksheets" / "demo.md").read_text()
    (folder / "demo.md").write_text(text.replace(")\nworksheet\n", ")\nwhile True:\n    pass\n", 1))
    assert main([str(folder), str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        f"error: {folder / 'demo.md'}: the 'worksheet' cell ran longer than the build's 1 s "
        "limit (nb_execution_timeout): does it loop?\n"
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('"A plain item")],\n)', '"A plain item")],', ":18: SyntaxError: '(' was never closed"),
        (
            '“quoted”"), ("plain", "A plain item")',
            '“quoted”"\n    "A plain item")',
            ":28: two strings with no comma between them make one item: ",
        ),
    ],
)
def test_a_mistake_in_the_code_names_the_file_and_its_line(tmp_path, old, new, message):
    from conftest import ROOTS

    path = tmp_path / "demo.md"
    text = (ROOTS / "test-worksheet" / "worksheets" / "demo.md").read_text()
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(WorksheetError) as error:
        export_notebook(path)
    assert str(error.value).startswith(f"{path}{message}")


@pytest.mark.parametrize("name", ["trust-snapshot", "intimacy-menu"])
def test_a_downloaded_notebook_compares_two_files_as_the_kit_does(book_html, tmp_path, name):
    """`worksheet.compare` travels in the download and prints the page's lines."""
    from worksheet_kit.core.editions import envelope

    worksheet = read_worksheet(REPO / "worksheets" / f"{name}.md")
    files = {}
    for who, values, words in (("mine", (2, 1, 0), "Mine"), ("theirs", (2, 2, 1), "Theirs")):
        answers = worksheet.blank_answers()
        scales = [f for f in worksheet.answer_fields() if f["type"] == "scale"]
        for field, offset in zip(scales, values, strict=False):
            answers[field["path"][0]][field["path"][1]] = field["high"] - offset
        answers["next_step"] = words
        files[who] = answers
        (tmp_path / "alone").mkdir(exist_ok=True)
        (tmp_path / "alone" / f"{who}.json").write_text(json.dumps(envelope(worksheet, answers)))
    notebook = tmp_path / "alone" / f"{name}.ipynb"
    notebook.write_bytes((book_html / "notebooks" / notebook.name).read_bytes())
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(
        nbformat.v4.new_code_cell(
            'worksheet.compare(worksheet.load_answers("mine.json"), '
            'worksheet.load_answers("theirs.json"))'
        )
    )
    nbformat.write(nb, notebook)

    done = run_alone(notebook, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    expected = str(worksheet.compare(files["mine"], files["theirs"]))
    assert expected.startswith(f"Side by side: {worksheet.title}")
    assert json.dumps({"text": expected}) in done.stdout
