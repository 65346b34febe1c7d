"""Two strings side by side in a list, with no comma between them, are one item
to Python: ``["Big fights." "I feel alone."]`` has one item, "Big fights.I feel
alone.". The build fails on that in a worksheet's code cells, naming the file
and the line::

    >>> merged_items('items = [\\n    "Big fights."\\n    "I feel alone.",\\n]\\n')
    [(3, '"Big fights."', '"I feel alone."')]

A long item split on purpose over lines has a space at the seam, and stays
allowed: ``["I said I would call " "and did not."]``. (ruff's implicit-concat
rules flag both kinds, or neither: ISC001 sees one line only.)
"""

from __future__ import annotations

import ast
import io
import re
import tokenize

CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n((?::[^\n]*\n)*)(.*?)^```", re.M | re.S)


def merged_items(code: str) -> list[tuple[int, str, str]]:
    """(line, first string, second string) for each list, tuple or set item
    made of two or more adjacent string literals."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []  # the cell's own run reports it, with its line
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            continue
        for item in node.elts:
            if not isinstance(item, (ast.Constant, ast.JoinedStr)):
                continue
            if isinstance(item, ast.Constant) and not isinstance(item.value, (str, bytes)):
                continue
            strings = string_tokens(ast.get_source_segment(code, item) or "")
            for (_, first), (line, second) in zip(strings, strings[1:], strict=False):
                if not spaced_seam(first, second):
                    found.append((item.lineno + line - 1, first, second))
    return sorted(found)


def spaced_seam(first: str, second: str) -> bool:
    """True when joining the two literals keeps a space between their words."""
    try:
        left, right = ast.literal_eval(first), ast.literal_eval(second)
    except (ValueError, SyntaxError):  # an f-string: its text is not known here
        return True
    return not left or not right or left[-1:].isspace() or right[:1].isspace()


def string_tokens(segment: str) -> list[tuple[int, str]]:
    """(line in segment, text) of each string literal token in a segment of code."""
    tokens = tokenize.generate_tokens(io.StringIO(segment).readline)
    kinds = {tokenize.STRING, getattr(tokenize, "FSTRING_START", -1)}
    return [(token.start[0], token.string) for token in tokens if token.type in kinds]


def merged_items_in_notebook(text: str) -> list[tuple[int, str, str]]:
    """`merged_items` over every code cell of a MyST text notebook, lines in the file."""
    found = []
    for cell in CODE_CELL.finditer(text):
        first_line = text.count("\n", 0, cell.start(2)) + 1
        found += [(first_line + line - 1, a, b) for line, a, b in merged_items(cell[2])]
    return found


def describe(path, line: int, first: str, second: str) -> str:
    def short(s: str) -> str:
        return s if len(s) <= 40 else f"{s[:18]}…{s[-18:]}"

    return (
        f"{path}:{line}: two strings with no comma between them make one item: "
        f"{short(first)} {short(second)} (a missing comma?)"
    )


def check_merged_items(app, doctree) -> None:
    """After a worksheet notebook is read: one line for each merged item.

    Kept with the failing notebooks, so the next build reads it again."""
    from sphinx.util import logging

    from .execution import failures_of

    docname = app.env.docname
    failures = failures_of(app.env)
    if docname in failures or not docname.startswith(f"{app.config.worksheet_folder}/"):
        return
    path = app.env.doc2path(docname)
    with open(path, encoding="utf-8") as source:
        found = merged_items_in_notebook(source.read())
    for line, first, second in found:
        message = describe(path, line, first, second)
        failures.setdefault(docname, message)
        logging.getLogger(__name__).warning(message, type="worksheet", subtype="merged")
