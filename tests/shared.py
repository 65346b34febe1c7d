"""Work done once a test run, however many pytest-xdist workers need it.

`make test` runs the suite on several workers (``-n``). A session fixture runs
once per worker, so a costly one (the book's build) would run on each. A
folder made with `made_once` is shared by every worker of the run: the first
worker to ask makes it, while holding a lock; the others wait, then find it
made. Without xdist it is a folder of the session, made once, as before.

    with made_once(tmp_path_factory, "book") as (out, ready):
        if not ready:
            build_into(out)  # an exception here leaves it unmade: the next asker tries again
    # out is made; read it (a writer takes the lock again with made_once)
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from filelock import FileLock

DONE = ".made"  # written into the folder once its maker returned


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder every worker of this run shares (the session's own without xdist)."""
    base = tmp_path_factory.getbasetemp()
    # xdist gives each worker basetemp/popen-gwN under one folder for the run
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def made_once(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[tuple[Path, bool]]:
    """(folder, whether it was already made), with the run-wide lock on it held."""
    root = run_folder(tmp_path_factory)
    folder = root / name
    with FileLock(str(root / f"{name}.lock")):
        ready = (folder / DONE).exists()
        if not ready:  # a maker that failed may have left half of it
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
        yield folder, ready
        (folder / DONE).touch()
