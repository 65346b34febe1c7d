"""Notebook execution: the cache keyed to the kit, and failures reported in full.

- jupyter-cache keys on a notebook's code cells only, so a change to the
  kit (which changes every worksheet's output) would not re-execute
  anything: the cache folder is named after the kit's fingerprint.
- MyST-NB stops the build at the first failing notebook when
  ``nb_execution_raise_on_error`` is on, and buries the message in a long
  traceback otherwise. With it off (conf.py), each failing notebook gives
  one warning here with its own last line ("WorksheetError: demo: item 3
  repeats item 2"), all of them are listed again when the build ends, and
  a failed notebook is read again on the next build until it passes.
"""

from __future__ import annotations

import logging as logging_
import re
import shutil
from pathlib import Path

from myst_nb.sphinx_ import NbMetadataCollector
from sphinx.util import logging

from .cell_lines import failing_cell, syntax_error_line
from .portable import kit_fingerprint

logger = logging.getLogger(__name__)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def key_cache_to_kit(app, config):
    if config.nb_execution_cache_path:
        base = Path(config.nb_execution_cache_path)
        config.nb_execution_cache_path = str(base / f"kit-{kit_fingerprint()}")


def failures_of(env) -> dict[str, str]:
    return env.get_domain("worksheet").data.setdefault("failures", {})


def last_line(traceback: str) -> str:
    """The error's own line, e.g. "RuntimeError: cell blew up"."""
    lines = [ANSI.sub("", line).strip() for line in traceback.splitlines()]
    lines = [line for line in lines if line and not set(line) <= {"-"}]
    errors = [
        line for line in lines if re.match(r"^[A-Za-z_][\w.]*(Error|Exception|Interrupt)\b", line)
    ]
    message = (errors or lines or ["the notebook failed"])[-1]
    timeout = re.search(r"CellTimeoutError: .* after (\d+) seconds", message)
    if timeout:
        message = (
            f"CellTimeoutError: a cell ran longer than the build's {timeout[1]} s limit "
            "(nb_execution_timeout): does it loop?"
        )
    if message.startswith("NameError: name 'worksheet' is not defined"):
        message += " (no cell made `worksheet`: is its cell spelled ```{code-cell} and tagged?)"
    return message


def drop_timeout_echo(record: logging_.LogRecord) -> bool:
    """nbclient also logs a timeout on its own; the failure's one line says it."""
    return not record.getMessage().startswith("Timeout waiting for execute reply")


def note_failure(app, doctree):
    """After a notebook is read: one line for its failure, kept for the end."""
    docname = app.env.docname
    data = NbMetadataCollector.get_doc_data(app.env).get(docname, {}).get("exec_data")
    failures = failures_of(app.env)
    failures.pop(docname, None)
    if data and data.get("traceback"):
        message = last_line(data["traceback"])
        path, line = app.env.doc2path(docname), None
        if message.startswith(SYNTAX_ERRORS):
            line, message = syntax_error_at(path, data["traceback"]) or (None, message)
        failures[docname] = f"{path}:{line}: {message}" if line else f"{path}: {message}"
        location = (docname, line) if line else docname
        logger.warning(message, location=location, type="worksheet", subtype="failed")


SYNTAX_ERRORS = ("SyntaxError", "IndentationError", "TabError")


def syntax_error_at(path, traceback: str) -> tuple[int, str] | None:
    """(line in the notebook file, message) for a cell that does not compile."""
    cell = failing_cell(traceback)
    if cell is None:
        return None
    return syntax_error_line(Path(path).read_text(encoding="utf-8"), cell)


def read_failed_again(app, env, added, changed, removed):
    """A notebook that failed is executed again, so the failure is never hidden."""
    return [doc for doc in failures_of(env) if doc not in removed]


def list_failures(app, exception):
    failures = failures_of(app.env)
    if failures:
        lines = "\n".join(f"  {line}" for _, line in sorted(failures.items()))
        if (Path(app.outdir) / REPORTS).is_dir():  # moved out by `unpublish_reports`, next
            lines += f"\n  (full tracebacks: {Path(app.doctreedir) / REPORTS})"
        logger.warning(f"{len(failures)} notebook(s) failed:\n{lines}", type="worksheet")


REPORTS = "reports"  # MyST-NB writes a failing notebook's traceback to <outdir>/reports/


def unpublish_reports(app, exception=None):
    """Tracebacks hold the build machine's paths: they go beside the doctrees,
    never into the published folder, and none is left there from an old build."""
    published = Path(app.outdir) / REPORTS
    if not published.is_dir():
        return
    kept = Path(app.doctreedir) / REPORTS
    shutil.rmtree(kept, ignore_errors=True)
    kept.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(published, kept)
