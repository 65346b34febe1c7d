"""The build's time limit for code the kit runs itself (a worksheet cell
read for its download), as for the notebooks Sphinx executes::

    with time_limit(build_time_limit(Path("worksheets")), "worksheets/demo.md"):
        exec(code, namespace)
"""

from __future__ import annotations

import runpy
import signal
import threading
from contextlib import contextmanager
from pathlib import Path

from ..core.errors import WorksheetError


@contextmanager
def time_limit(seconds: int, what: str):
    """The build's time limit for code run here: a cell that loops fails, naming it."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise WorksheetError(
            f"{what} ran longer than the build's {seconds} s limit "
            "(nb_execution_timeout): does it loop?"
        )

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def build_time_limit(source_dir: Path, default: int = 60) -> int:
    """conf.py's ``nb_execution_timeout``, from the folder above the worksheets."""
    conf = Path(source_dir).resolve().parent / "conf.py"
    if not conf.is_file():
        return default
    settings = runpy.run_path(str(conf))
    return int(settings.get("nb_execution_timeout", default) or 0)
