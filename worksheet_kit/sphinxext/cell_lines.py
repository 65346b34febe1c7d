"""A syntax error in a worksheet cell, placed on its line in the text notebook.

Python and IPython number a cell's lines from the cell's own first line, and
IPython's check for unfinished code says only "SyntaxError: incomplete input".
A writer needs the file and the line::

    >>> text = "# Title\\n\\n```{code-cell} ipython3\\nitems = [\\n    'a',\\n```\\n"
    >>> syntax_error_line(text, "items = [\\n    'a',")
    (4, "SyntaxError: '[' was never closed")
"""

from __future__ import annotations

CELL_MARK = "------------------"  # nbclient's rule above and below the failing cell


def first_line_of(text: str, cell_source: str) -> int:
    """The line of ``text`` (from 1) where the cell's code starts; 1 when not found."""
    at = text.find(cell_source)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def syntax_error_line(text: str, cell_source: str) -> tuple[int, str] | None:
    """(line in text, "SyntaxError: ...") for a cell that does not compile, else None."""
    try:
        compile(cell_source, "<cell>", "exec")
    except SyntaxError as error:
        line = first_line_of(text, cell_source) + (error.lineno or 1) - 1
        return line, f"{type(error).__name__}: {error.msg}"
    return None


def failing_cell(traceback: str) -> str | None:
    """The source of the cell nbclient quotes in an execution traceback."""
    parts = traceback.split(f"\n{CELL_MARK}\n")
    return parts[1] if len(parts) >= 3 else None
