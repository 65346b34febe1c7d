"""Sphinx builds of small test roots: rendering, strictness, failing notebooks."""

from __future__ import annotations

import json
import re
import sys

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, files_naming, sphinx_build
from sphinx.errors import SphinxError

STRICT = {"warningiserror": True, "keep_going": True}


def build_expecting_failure(app):
    """Build with -W --keep-going; the build must end in failure."""
    try:
        app.build()
    except SphinxError:
        return
    assert app.statuscode != 0, "the build succeeded"


@pytest.mark.sphinx("html", testroot="worksheet", freshenv=True)
def test_worksheet_renders_as_labelled_form(app):
    app.build()
    assert app.warning.getvalue() == ""
    for page in ("worksheets/demo.html", "chapter.html"):
        soup = BeautifulSoup((app.outdir / page).read_text(), "html.parser")
        form = soup.select_one("form.worksheet")
        assert form is not None, page
        assert form["data-worksheet-id"] == "demo"
        boxes = form.select("input[type=checkbox]")
        assert len(boxes) == 2
        for box in boxes:
            label = form.select_one(f"label[for={box['id']}]")
            assert label is not None and label.get_text(strip=True)
        assert form.select_one("fieldset > legend")
        # the nasty item is text, not markup; in the form's JSON it cannot close the script
        scripts = soup.find_all("script", string=re.compile("alert"))
        assert [s.get("type") for s in scripts] == ["application/json"]
        data = json.loads(scripts[0].string)
        assert data["fields"][0]["label"].startswith("<script>alert(1)</script>")
        assert "</script>" not in scripts[0].string
        assert "<script>alert(1)</script> & 100% {ok}_#~^\\" in form.get_text()
        # ids carry the docname: two pages never share an id
        assert form["id"].startswith(page.removesuffix(".html").replace("/", "-"))
        download = soup.select_one("a.ws-button[download]")
        assert download["href"].endswith("notebooks/demo.ipynb")
        safety = soup.select_one("a.ws-safety-link")
        assert safety["href"].endswith("safety.html")
    chapter = (app.outdir / "chapter.html").read_text()
    assert "Open on its own page" in chapter


@pytest.mark.sphinx("html", testroot="broken-xref", confoverrides={"nitpicky": True}, **STRICT)
def test_broken_cross_reference_fails_the_build(app):
    build_expecting_failure(app)
    warnings = app.warning.getvalue()
    assert "undefined label: 'no-such-label'" in warnings
    assert "cross-reference target not found: 'missing.md'" in warnings


@pytest.mark.sphinx("html", testroot="missing-toctree", **STRICT)
def test_page_missing_from_toctree_fails_the_build(app):
    build_expecting_failure(app)
    assert "document isn't included in any toctree" in app.warning.getvalue()


VALID = 'items=[("one", "One"), ("two", "Two")],'
FAILURES = {
    "invalid worksheet": (
        'items=[("one", "One"), ("two", "one")],',
        "demo: item 2 repeats item 1",
    ),
    "cell that raises": (
        VALID + '\n)\nraise RuntimeError("cell blew up")\nworksheet = Checklist(**{}',
        "cell blew up",
    ),
    "cell with unfinished code": (  # IPython says only "incomplete input"
        VALID + "\n)\nunfinished = (\n(",
        "worksheets/demo.md:29: SyntaxError: '(' was never closed",
    ),
    "missing comma": (
        'items=[("nasty", "One." "Two."), ("plain", "Three.")],',
        "worksheets/demo.md:27: two strings with no comma between them make one item: "
        '"One." "Two." (a missing comma?)',
    ),
    "cell that times out": (
        VALID + "\n)\nimport time\ntime.sleep(30)\nworksheet = Checklist(**{}",
        "worksheets/demo.md: WARNING: CellTimeoutError: a cell ran longer than the build's 3 s limit",
    ),
}


def kit_tracebacks(output: str) -> list[str]:
    """Tracebacks that show the kit's own errors (a kernel's shutdown noise is not ours)."""
    chunks = output.split("Traceback (most recent call last)")[1:]
    return [c[:3000] for c in chunks if "WorksheetError" in c[:3000] or "worksheet_kit" in c[:3000]]


def break_items(notebook, replacement):
    text = notebook.read_text()
    start = text.index("items=[")
    end = text.index("\n", start)
    notebook.write_text(text[:start] + replacement + text[end:])


@pytest.mark.parametrize("case", FAILURES)
def test_bad_notebook_fails_the_build_naming_the_notebook(fresh_copy, case, tmp_path):
    project = fresh_copy("worksheet")
    notebook = project / "worksheets" / "demo.md"
    replacement, message = FAILURES[case]
    break_items(notebook, replacement)
    done = sphinx_build(project, tmp_path / "out", "html", "-D", "nb_execution_timeout=3")
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert "worksheets/demo" in output
    assert "please open an issue" not in output
    assert kit_tracebacks(output) == []  # the message, not the kit's insides
    assert message in output


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml", "text", "man", "texinfo", "latex"])
def test_other_builders_render_worksheets(fresh_copy, tmp_path, builder):
    """Every builder has a visitor for the worksheet node; singlehtml ids stay unique."""
    project = fresh_copy("worksheet", ran=True)
    done = sphinx_build(project, tmp_path / "out", builder)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    out = tmp_path / "out" / builder
    if builder == "singlehtml":
        soup = BeautifulSoup((out / "index.html").read_text(), "html.parser")
        ids = [tag["id"] for tag in soup.find_all(id=True)]
        assert len(soup.select("form.worksheet")) == 2
        assert len(ids) == len(set(ids)), "duplicate ids"
    if builder == "text":
        assert "Demo checklist" in (out / "chapter.txt").read_text()
    if builder == "latex":  # no drawing of its own: the plain-text block, highlighted
        tex = next(out.glob("*.tex")).read_text()
        assert tex.count(r"\PYG{n}{Demo} \PYG{n}{checklist}") == 2, tex


def test_a_failing_notebook_runs_once_a_build(fresh_copy, tmp_path):
    """Run ahead of the read, its failure is reported from that run, not a second."""
    project = fresh_copy("worksheet")
    demo = project / "worksheets" / "demo.md"
    counting = 'open("runs.txt", "a").write("run\\n")\nraise RuntimeError("counted")'
    demo.write_text(demo.read_text() + f"\n```{{code-cell}} ipython3\n{counting}\n```\n")
    done = sphinx_build(project, tmp_path / "out", "html")
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert "worksheets/demo.md: RuntimeError: counted" in output
    assert (project / "worksheets" / "runs.txt").read_text() == "run\n"


def test_every_failing_notebook_is_listed_at_the_end_and_again_next_build(fresh_copy, tmp_path):
    project = fresh_copy("worksheet")
    demo = project / "worksheets" / "demo.md"
    second = demo.read_text().replace('id="demo"', 'id="demo2"').replace("# Demo", "# Demo two")
    (project / "worksheets" / "demo2.md").write_text(second)
    index = project / "index.md"
    index.write_text(
        index.read_text().replace("worksheets/demo\n", "worksheets/demo\nworksheets/demo2\n")
    )
    break_items(demo, 'items=[("same", "Same"), ("same-2", "same")],')
    break_items(project / "worksheets" / "demo2.md", 'items=[("one", "One")], scale=3,')
    for attempt in ("first build", "second build"):
        done = sphinx_build(project, tmp_path / "out", "html")
        output = done.stdout + done.stderr
        assert done.returncode != 0, attempt
        summary = output[output.index("2 notebook(s) failed:") :]
        assert 'worksheets/demo.md: WorksheetError: demo: item 2 repeats item 1 ("same")' in summary
        assert (
            "worksheets/demo2.md: WorksheetError: demo2: scale is not a field of a checklist"
            in summary
        )
        assert kit_tracebacks(output) == [] and "please open an issue" not in output


def test_a_misspelt_code_cell_says_what_is_missing(fresh_copy, tmp_path):
    project = fresh_copy("worksheet")
    demo = project / "worksheets" / "demo.md"
    demo.write_text(
        demo.read_text().replace(
            "{code-cell} ipython3\n:tags: [remove-input",
            "{codecell} ipython3\n:tags: [remove-input",
            1,
        )
    )
    done = sphinx_build(project, tmp_path / "out", "html")
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert "codecell" in output
    assert "no cell made `worksheet`" in output


def test_a_notebook_that_shows_no_worksheet_fails_naming_the_file(fresh_copy, tmp_path):
    project = fresh_copy("worksheet")
    demo = project / "worksheets" / "demo.md"
    demo.write_text(demo.read_text().replace(")\nworksheet\n```", ")\n```", 1))
    done = sphinx_build(project, tmp_path / "out", "html")
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert "worksheets/demo.md: displays 0 worksheets" in output


def test_broken_front_matter_names_the_file_and_crashes_nothing(fresh_copy, tmp_path):
    project = fresh_copy("worksheet")
    demo = project / "worksheets" / "demo.md"
    demo.write_text(demo.read_text().replace("format_name: myst", "format_name: [myst", 1))
    done = sphinx_build(project, tmp_path / "out", "html")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output[-3000:]  # warnings as errors, not a crash (2)
    assert "worksheets/demo.md" in output
    assert "Extension error" not in output and kit_tracebacks(output) == []


def test_no_traceback_or_build_path_is_published_after_a_failure_or_its_fix(fresh_copy, tmp_path):
    project = fresh_copy("worksheet")
    demo = project / "worksheets" / "demo.md"
    good = demo.read_text()
    break_items(demo, VALID + '\n)\nraise RuntimeError("cell blew up")\nworksheet = Checklist(**{}')
    out = tmp_path / "out"

    def published_paths() -> list[str]:
        assert not (out / "html" / "reports").exists()
        return files_naming(out / "html", project, tmp_path, sys.prefix)

    failed = sphinx_build(project, out, "html")
    assert failed.returncode != 0
    assert f"full tracebacks: {out / '.doctrees' / 'reports'}" in failed.stderr
    assert "cell blew up" in (out / ".doctrees/reports/worksheets/demo.err.log").read_text()
    assert published_paths() == []
    demo.write_text(good)
    fixed = sphinx_build(project, out, "html")
    assert fixed.returncode == 0, fixed.stderr[-2000:]
    assert published_paths() == []


def test_an_empty_worksheet_in_the_toctree_fails_with_one_line(fresh_copy, tmp_path):
    project = fresh_copy("worksheet", ran=True)
    (project / "worksheets" / "empty.md").write_text("")
    index = project / "index.md"
    index.write_text(
        index.read_text().replace("worksheets/demo\n", "worksheets/demo\nworksheets/empty\n")
    )
    done = sphinx_build(project, tmp_path / "out", "html")
    output = done.stdout + done.stderr
    assert done.returncode != 0
    problem = f"{project / 'worksheets' / 'empty.md'}: is empty or has no '# Title' first"
    assert output.count(problem) == 2, output[-3000:]  # when read, and in the list at the end
    assert "doesn't have a title" not in output
    assert "notebook download" not in output


def test_a_looping_cell_stops_at_the_time_limit_with_one_line(fresh_copy, tmp_path):
    """With the book's own quiet kernel (book_quiet), as `make html` runs it."""
    project = fresh_copy("worksheet")
    conf = project / "conf.py"
    conf.write_text(
        conf.read_text()
        + f"\nimport sys\nsys.path.insert(0, {str(REPO / '_ext')!r})\nextensions.append('book_quiet')\n"
    )
    break_items(
        project / "worksheets" / "demo.md",
        VALID + "\n)\nwhile True:\n    pass\nworksheet = Checklist(**{}",
    )
    done = sphinx_build(project, tmp_path / "out", "html", "-q", "-D", "nb_execution_timeout=3")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output[-3000:]
    problem = "CellTimeoutError: a cell ran longer than the build's 3 s limit (nb_execution_timeout): does it loop?"
    lines = [line for line in output.splitlines() if line.strip()]
    assert lines == [
        f"{project / 'worksheets/demo.md'}: WARNING: {problem} [worksheet.failed]",
        f"{project / 'chapter.md'}:5: WARNING: no worksheet notebook defines 'demo'",
        "WARNING: 1 notebook(s) failed:",
        f"  {project / 'worksheets/demo.md'}: {problem}",
        f"  (full tracebacks: {tmp_path / 'out/.doctrees/reports'}) [worksheet]",
    ], output
