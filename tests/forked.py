"""A command the tests run many times, in a process of its own as on the
command line, but forked from a server that has already imported what it
needs (multiprocessing's "forkserver")::

    done = run_forked(main_of_the_command, (argv,), cwd=folder)
    done.returncode, done.stdout, done.stderr  # as subprocess.run(..., text=True) gives

Importing Sphinx, MyST-NB and the kit took 1.3 of the 2.1 s a small test
build takes, and the suite makes dozens of builds and notebook runs.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PRELOADED = [
    "sphinx.cmd.build",
    "myst_nb.sphinx_ext",
    "worksheet_kit.sphinxext",
    "nbclient",
    "jupyter_client.manager",
    "forked",
    "sphinx_runs",
    "notebooks",
]
TIME_LIMIT = 600  # seconds; the longest test build of the book takes about 30
_servers = multiprocessing.get_context("forkserver")
_servers.set_forkserver_preload(PRELOADED)


def _child(function, args, cwd: str, out: str, err: str, unset: tuple[str, ...]) -> None:
    """In the child: `function(*args)` in `cwd`, its output into two files; its
    return value is the exit code."""
    os.chdir(cwd)
    for name in unset:
        os.environ.pop(name, None)
    for fd, path in ((1, out), (2, err)):
        file = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(file, fd)  # what a kernel or Typst prints lands there too
        os.close(file)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    try:
        code = function(*args)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    sys.exit(code)


def run_forked(function, args: tuple, cwd: Path, unset: tuple[str, ...] = ()):
    """`function(*args)` in a forked child, in `cwd`, without the environment
    variables in `unset`: a CompletedProcess with its exit code and output."""
    with tempfile.TemporaryDirectory(prefix="forked-") as folder:
        out, err = Path(folder) / "stdout", Path(folder) / "stderr"
        child = _servers.Process(
            target=_child, args=(function, args, str(cwd), str(out), str(err), unset)
        )
        child.start()
        child.join(TIME_LIMIT)
        if child.exitcode is None:  # as subprocess.run's timeout would, but said
            child.kill()
            child.join()
            raise TimeoutError(f"{function.__name__} ran longer than {TIME_LIMIT} s")
        return subprocess.CompletedProcess(
            [getattr(function, "__name__", "forked"), *map(str, args)],
            child.exitcode,
            out.read_text(encoding="utf-8", errors="replace"),
            err.read_text(encoding="utf-8", errors="replace"),
        )
