"""Typst source from plain text: the one place that escapes.

``text(s)`` makes any string safe in Typst *markup* (the text prints as
itself); ``string(s)`` makes it a Typst *string literal* (for titles,
URLs, raw blocks). Every other module builds markup from these two.

Straight quotes are left to Typst's smart quotes, as print typesetting
does; everything else that means something in markup is escaped.
"""

from __future__ import annotations

import re

# Markup syntax: \ escape, # code, * strong, _ emphasis, ` raw, $ math,
# < > labels, @ references, [ ] content, ~ no-break space, - -- --- -?
# dashes and lists, + enums, = headings, / term lists and // comments,
# . in "1." enums and "..." shorthands, : in "https://" links, ( after a
# function call would pass it arguments.
SPECIAL = re.compile(r"([\\#*_`$<>@\[\]()~\-+=/.:])")
SPACE = re.compile(r"[ \t\r\n]+")
# Typst never breaks inside a word it cannot hyphenate, so a long one (a
# URL, a made-up word) would run across a table's cells: give it a
# zero-width break opportunity every BREAK_EVERY characters.
LONG_WORD = re.compile(r"[^ \t\r\n]{21,}")
BREAK_EVERY = 12
ZERO_WIDTH_SPACE = "\u200b"


def breakable(word: str) -> str:
    return ZERO_WIDTH_SPACE.join(
        word[i : i + BREAK_EVERY] for i in range(0, len(word), BREAK_EVERY)
    )


def text(value: str) -> str:
    """Escape text for Typst markup; runs of white space become one space,
    and long words may break."""
    value = LONG_WORD.sub(lambda m: breakable(m.group()), SPACE.sub(" ", value))
    return SPECIAL.sub(r"\\\1", value)


def string(value: str) -> str:
    """A Typst string literal holding value exactly."""
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


def label(name: str) -> str:
    """A Typst label for any name (docnames have slashes, so use the function)."""
    return f"label({string(name)})"
