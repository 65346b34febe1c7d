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
