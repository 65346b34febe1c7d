"""Checks shared by every kind: each takes the worksheet's `fail(field, problem)`.

Each check accepts exactly the documented types, so a mistake such as
``items="Hi"`` (a string where a list belongs) is named, not split into
letters.
"""

from __future__ import annotations

import re

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_TITLE = 80
MAX_ITEM = 240
MAX_TEXT = 900
MAX_ITEMS = 40


def text(fail, name: str, value, limit: int, required: bool = True) -> None:
    """A string, not blank (when required), within the limit, without control characters."""
    if not isinstance(value, str):
        fail(name, f"must be text, not {type(value).__name__}")
    if required and not value.strip():
        fail(name, "is empty")
    if len(value) > limit:
        fail(name, f"is {len(value)} characters long (at most {limit})")
    if CONTROL.search(value):
        fail(name, "holds a control character (such as NUL): remove it")


def slug(fail, name: str, value) -> None:
    if not isinstance(value, str) or not SLUG.match(value):
        fail(name, f"{value!r} is not a slug (use a-z, 0-9 and -)")


def whole(fail, name: str, value, low: int, high: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        fail(name, f"must be a whole number from {low} to {high}, not {value!r}")


def sequence(fail, name: str, values) -> tuple:
    """A list or tuple (never a string, set or dict), returned as a tuple."""
    if not isinstance(values, (list, tuple)):
        fail(name, f"must be a list, not {type(values).__name__}")
    return tuple(values)


def texts(fail, name: str, values, limit: int, most: int, fewest: int = 1) -> tuple:
    """A list of texts: none empty, none too long, none repeated."""
    values = sequence(fail, name, values)
    if len(values) < fewest:
        fail(name, "is empty" if fewest == 1 else f"has {len(values)} entries (at least {fewest})")
    if len(values) > most:
        fail(name, f"has {len(values)} entries (at most {most})")
    seen: dict[str, int] = {}
    singular = name.removesuffix("s")
    for number, value in enumerate(values, start=1):
        text(fail, f"{singular} {number}", value, limit)
        key = " ".join(value.lower().split())
        if key in seen:
            quoted = value if len(value) <= 60 else value[:59] + "…"
            fail(f"{singular} {number}", f'repeats {singular} {seen[key]} ("{quoted}")')
        seen[key] = number
    return values
