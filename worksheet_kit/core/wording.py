"""One worksheet field, worded for each output: the web page, paper, a notebook.

A part written ``[web: ...]``, ``[paper: ...]`` or ``[notebook: ...]`` shows
only in that output; ``[screen: ...]`` shows on the web page and in a
notebook, never on paper. Everything else shows everywhere::

    text = "Write the date at the top[screen: , or let the page date it]."
    for_output(text, "paper")  # -> "Write the date at the top."
    for_output(text, "web")    # -> "Write the date at the top, or let the page date it."

Each renderer words a worksheet once, with `worded(ws, output)`: the web
form and Jupyter's view (core/html.py, core/text.py), and the Typst sheet.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace

OUTPUTS = ("web", "paper", "notebook")
SHOWN_IN = {"web": {"web"}, "paper": {"paper"}, "notebook": {"notebook"}}
SHOWN_IN["screen"] = {"web", "notebook"}
PART = re.compile(r"\[(web|paper|notebook|screen): ([^\[\]]*)\]")
LOOKS_LIKE_A_PART = re.compile(r"\[\s*([A-Za-z]+)\s*:")


def for_output(text: str, output: str) -> str:
    """The text as `output` ("web", "paper" or "notebook") shows it."""
    if output not in OUTPUTS:
        raise ValueError(f"unknown output {output!r} (use one of {', '.join(OUTPUTS)})")
    return PART.sub(lambda m: m.group(2) if output in SHOWN_IN[m.group(1)] else "", text)


def problem(text: str) -> str | None:
    """What is wrong with the text's parts, or None: an unknown output, or a
    part left open, would otherwise print its brackets."""
    rest = PART.sub("", text)
    found = LOOKS_LIKE_A_PART.search(rest)
    if found:
        return (
            f"has a part [{found.group(1)}: ...] that is unknown or not closed "
            f"(use [web: ...], [paper: ...], [notebook: ...] or [screen: ...])"
        )
    return None


def worded(ws, output: str):
    """The worksheet with every text field worded for `output`."""
    changes = {
        f.name: for_output(value, output)
        for f in fields(ws)
        if isinstance(value := getattr(ws, f.name), str) and PART.search(value)
    }
    return replace(ws, **changes) if changes else ws
