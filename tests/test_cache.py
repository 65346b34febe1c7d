"""The execution cache: prose edits run no notebook; kit changes re-run them."""

from __future__ import annotations

from conftest import sphinx_build


def test_prose_edit_executes_no_notebook(fresh_copy, tmp_path):
    project = fresh_copy("worksheet")
    first = sphinx_build(project, tmp_path / "out")
    assert first.returncode == 0, first.stderr
    assert "Executed notebook" in first.stdout

    chapter = project / "chapter.md"
    chapter.write_text(chapter.read_text() + "\nOne more sentence of prose.\n")
    second = sphinx_build(project, tmp_path / "out")
    assert second.returncode == 0, second.stderr
    assert "chapter" in second.stdout  # the edited page was read again
    assert "Executed notebook" not in second.stdout

    # A fresh environment (no doctrees) re-reads the notebook but takes it from the cache.
    third = sphinx_build(project, tmp_path / "clean")
    assert third.returncode == 0, third.stderr
    assert "Using cached notebook" in third.stdout
    assert "Executed notebook" not in third.stdout


def test_downloads_follow_worksheet_edits_and_skip_otherwise(fresh_copy, tmp_path):
    project = fresh_copy("worksheet", ran=True)
    assert sphinx_build(project, tmp_path / "out").returncode == 0
    download = tmp_path / "out" / "html" / "notebooks" / "demo.ipynb"
    bundle = download.with_name("rebuilding-trust-worksheets.zip")  # rewritten by every export
    first = bundle.stat().st_mtime_ns

    assert sphinx_build(project, tmp_path / "out").returncode == 0
    assert bundle.stat().st_mtime_ns == first  # nothing changed: not exported again

    notebook = project / "worksheets" / "demo.md"
    notebook.write_text(notebook.read_text().replace('"A plain item"', '"A renamed item"'))
    done = sphinx_build(project, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert "A renamed item" in download.read_text()


def add_worksheet(project, name: str) -> None:
    """A copy of the demo worksheet, under its own id, in the root's toctree."""
    demo = (project / "worksheets" / "demo.md").read_text()
    text = demo.replace('id="demo"', f'id="{name}"').replace("# Demo", f"# Demo {name}")
    (project / "worksheets" / f"{name}.md").write_text(text)
    index = project / "index.md"
    index.write_text(
        index.read_text().replace("worksheets/demo\n", f"worksheets/demo\nworksheets/{name}\n")
    )


def executed(log: str) -> list[str]:
    """The worksheets run ahead of the read, in the build's log."""
    return sorted(
        line.split(":")[0].rsplit("/", 1)[-1]
        for line in log.splitlines()
        if "Executed notebook in" in line
    )


def test_worksheets_run_in_parallel_and_an_edit_reruns_only_that_one(fresh_copy, tmp_path):
    project = fresh_copy("worksheet")
    for name in ("second", "third"):
        add_worksheet(project, name)
    workers = ["-D", "worksheet_execution_workers=2"]

    first = sphinx_build(project, tmp_path / "out", "html", *workers)
    assert first.returncode == 0, first.stdout[-2000:] + first.stderr[-2000:]
    assert "executing 3 notebook(s) on 2 worker(s)" in first.stdout
    assert executed(first.stdout) == ["demo.md", "second.md", "third.md"]
    assert first.stdout.count("Using cached notebook") == 3  # MyST-NB ran none itself
    assert "Executing notebook" not in first.stdout
    assert (tmp_path / "out" / "html" / "worksheets" / "third.html").exists()

    second = project / "worksheets" / "second.md"
    second.write_text(second.read_text().replace('"A plain item"', '"A renamed item"'))
    again = sphinx_build(project, tmp_path / "out", "html", *workers)
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-2000:]
    assert executed(again.stdout) == ["second.md"]
    assert (
        "A renamed item" in (tmp_path / "out" / "html" / "worksheets" / "second.html").read_text()
    )
