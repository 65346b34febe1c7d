"""Shared fixtures: Sphinx's own testing fixtures and one strict book build."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest
from shared import made_once
from sphinx_runs import run_sphinx

pytest_plugins = ["sphinx.testing.fixtures"]

REPO = Path(__file__).resolve().parent.parent
ROOTS = Path(__file__).resolve().parent / "roots"
# The Makefile's own SPHINXOPTS: tests build with exactly the flags `make` uses,
# so loosening them there fails the strictness tests.
STRICT = shlex.split(
    re.search(r"^SPHINXOPTS \?= (.*)$", (REPO / "Makefile").read_text(), re.M).group(1)
)


@pytest.fixture(scope="session")
def rootdir():
    return ROOTS


def sphinx_build(source: Path, out: Path, builder: str = "html", *extra: str):
    """Run sphinx-build with the book's strict flags; return the finished process."""
    argv = [
        *STRICT,
        "--no-color",  # output is read by tests: plain text, in CI too
        "-b",
        builder,
        "-d",
        str(out / ".doctrees"),
        *extra,
        str(source),
        str(out / builder),
    ]
    return run_sphinx(argv, cwd=source)


def book_cache(out: Path) -> list[str]:
    """The option that gives a test build of the book its own execution cache."""
    return ["-D", f"nb_execution_cache_path={out / 'jupyter_cache'}"]


def files_naming(folder: Path, *paths) -> list[str]:
    """Files under folder whose bytes hold any of the paths (of the build machine)."""
    needles = [str(path).encode() for path in paths]
    return sorted(
        str(f.relative_to(folder))
        for f in folder.rglob("*")
        if f.is_file() and any(n in f.read_bytes() for n in needles)
    )


@pytest.fixture(scope="session")
def book_build(tmp_path_factory):
    """The real book built once a run (for every xdist worker), strictly, with a
    cache of its own. Tests only read it.

    What the build printed is kept in ``build.log`` beside ``html/``.
    """
    with made_once(tmp_path_factory, "book") as (out, ready):
        if not ready:
            done = sphinx_build(REPO, out, "html", *book_cache(out))
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
            (out / "build.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def book_html(book_build) -> Path:
    return book_build / "html"


def ran_cache(tmp_path_factory, name: str) -> Path:
    """The execution cache (``jupyter_cache``) of a test root as it is, from one
    HTML build of it once a run."""
    with made_once(tmp_path_factory, f"ran-{name}") as (folder, ready):
        if not ready:
            shutil.copytree(ROOTS / f"test-{name}", folder / name)
            done = sphinx_build(folder / name, folder / "out")
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return folder / name / "jupyter_cache"


@pytest.fixture
def fresh_copy(tmp_path, tmp_path_factory):
    """A copy of a test root in tmp_path that a test may edit.

    ``fresh_copy("worksheet", ran=True)`` brings the root's execution cache too
    (its conf.py keeps it in the root): the notebooks it leaves as they are run
    no kernel, for a test that is not about executing them.
    """

    def copy(name: str, ran: bool = False) -> Path:
        target = tmp_path / name
        shutil.copytree(ROOTS / f"test-{name}", target)
        if ran:
            shutil.copytree(ran_cache(tmp_path_factory, name), target / "jupyter_cache")
        return target

    return copy


# The order `make test`'s workers take tests in. pytest-xdist hands each
# test alone to the worker that is free (--dist loadgroup; its xdist_group
# marks do nothing under pytest 9, which ignores the node ids xdist rewrites).
# A costly folder made once a run (shared.made_once) is made by the first
# worker to ask, while the other waits; so each is asked for first by one
# test placed well ahead of the others that read it.
MAKES_ITS_OWN = {"tmp_path", "tmp_path_factory", "fresh_copy", "app", "browser"}
# Fixtures that read such a folder: the book, the two-language test book, the
# Spanish notebooks' and the Spanish form's test books; the book's PDFs.
MADE_ONCE = ("book_build", "two_language_server", "spanish_build", "spanish_site", "pdf_dir")
# A second whole build of the book: started early, so the run does not end
# with one worker on it and the other idle.
LONG = {"test_two_clean_builds_are_identical"}


def run_order(item, first: set[str]) -> tuple[int, bool]:
    """0: the first test that reads each folder made once a run, but the PDFs
    (the workers make them side by side); 1: tests that make their own builds
    or runs; 2: the first test that reads the book's PDFs (one worker builds
    them, the other reads the book); 3:
    other tests that read the book, 4: or its PDFs; 5: quick tests, last, so
    that the workers finish together. A long test first in its part."""
    names = set(item.fixturenames)
    short = item.originalname not in LONG
    if item.nodeid in first:
        return (0 if "pdf_dir" not in names else 2), short
    if "pdf_dir" in names:
        return 4, short
    if "book_build" in names:
        return 3, short
    return (1 if names & MAKES_ITS_OWN else 5), short


def pytest_collection_modifyitems(items):
    """Sort the tests for the workers (see run_order)."""
    first = {next((i.nodeid for i in items if name in i.fixturenames), "") for name in MADE_ONCE}
    items.sort(key=lambda item: run_order(item, first))  # stable: else in the files' order


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI (CI=true) a browser test may not skip: a missing Chromium is a failure."""
    outcome = yield
    report = outcome.get_result()
    needs_tools = item.get_closest_marker("browser")
    if os.environ.get("CI") == "true" and report.skipped and needs_tools:
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where Chromium must be installed: {report.longrepr}"
