"""``python -m sphinx`` for the tests, without paying for its imports each time::

    done = run_sphinx([*STRICT, "-b", "html", str(source), str(out)], cwd=source)
    done.returncode, done.stdout, done.stderr  # as subprocess.run(..., text=True) gives

Each build still runs in a process of its own, as on the command line: a
child forked from a server that has already imported Sphinx, MyST-NB and the
kit (multiprocessing's "forkserver"). Importing them took 1.3 of the 2.1 s a
small test build takes, and the suite makes dozens of builds.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PRELOADED = ["sphinx.cmd.build", "myst_nb.sphinx_ext", "worksheet_kit.sphinxext", "sphinx_runs"]
_servers = multiprocessing.get_context("forkserver")
_servers.set_forkserver_preload(PRELOADED)


def _build(argv: list[str], cwd: str, out: str, err: str) -> None:
    """In the child: sphinx-build's main, its output into two files."""
    os.chdir(cwd)
    for fd, path in ((1, out), (2, err)):
        file = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(file, fd)  # a kernel's or Typst's own output lands there too
        os.close(file)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    from sphinx.cmd.build import main

    try:
        code = main(argv)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    sys.exit(code)


def run_sphinx(argv: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """sphinx-build with these arguments, run in ``cwd``: its exit code and output."""
    with tempfile.TemporaryDirectory(prefix="sphinx-run-") as folder:
        out, err = Path(folder) / "stdout", Path(folder) / "stderr"
        child = _servers.Process(target=_build, args=(argv, str(cwd), str(out), str(err)))
        child.start()
        child.join()
        return subprocess.CompletedProcess(
            ["sphinx-build", *argv],
            child.exitcode,
            out.read_text(encoding="utf-8", errors="replace"),
            err.read_text(encoding="utf-8", errors="replace"),
        )
