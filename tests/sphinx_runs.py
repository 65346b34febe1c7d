"""``python -m sphinx`` for the tests, forked (forked.py) rather than started::

done = run_sphinx([*STRICT, "-b", "html", str(source), str(out)], cwd=source)
done.returncode, done.stdout, done.stderr  # as subprocess.run(..., text=True) gives
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from forked import run_forked


def sphinx_main(argv: list[str]) -> int:
    from sphinx.cmd.build import main

    return main(argv)


def run_sphinx(argv: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """sphinx-build with these arguments, run in ``cwd``: its exit code and output."""
    return run_forked(sphinx_main, (argv,), cwd)
