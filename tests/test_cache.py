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
    project = fresh_copy("worksheet")
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
