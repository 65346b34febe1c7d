"""A question's identity: the key its author gave it.

Every answerable part of a sheet is written as a ``(key, text)`` pair, or
``(key, text, revision)`` when its meaning changed under the same key::

    items=[("check-phone", "I check my partner's phone or messages, or want to."),
           ("on-edge", "I feel on edge when my partner is out without me.", 2)]

`parts` checks them and returns `Part` values: each is its text (a `str`,
so renderers print it as before) carrying ``.key`` and ``.revision``.
Answers, form fields, exports and weekly entries all name a part by its
key, so rewording or reordering parts keeps every answer in place.

    >>> part = Part("check-phone", "I check my partner's phone.")
    >>> part.key, str(part)
    ('check-phone', "I check my partner's phone.")
    >>> field_name(["rows", 0, "situation"])
    'rows.0.situation'
"""

from __future__ import annotations

import re

KEY = re.compile(r"[a-z][a-z0-9-]*")
MAX_KEY = 24
MAX_REVISION = 99
KEY_EXAMPLE = "check-phone"


class Part(str):
    """A part's text, with the key (and revision) that identify it."""

    key: str
    revision: int

    def __new__(cls, key: str, text: str, revision: int = 0):
        part = super().__new__(cls, text)
        part.key = key
        part.revision = revision
        return part

    def __reduce__(self):
        return (Part, (self.key, str(self), self.revision))

    def __eq__(self, other):
        same = isinstance(other, Part) and (self.key, self.revision) == (other.key, other.revision)
        return str.__eq__(self, other) and (same or not isinstance(other, Part))

    __hash__ = str.__hash__

    def data(self) -> list:
        """As written by an author: [key, text] or [key, text, revision]."""
        return [self.key, str(self), self.revision] if self.revision else [self.key, str(self)]


def check_key(fail, where: str, key) -> None:
    """Lower-case letters, digits and hyphens, starting with a letter, at most 24."""
    if not isinstance(key, str) or not KEY.fullmatch(key) or len(key) > MAX_KEY:
        fail(
            f"{where} key",
            f"{key!r} is not a key (use a-z, 0-9 and -, start with a letter, "
            f"at most {MAX_KEY} characters)",
        )


def check_revision(fail, where: str, revision) -> None:
    """A changed meaning under the same key is revision 1, 2, ... (none: 0)."""
    whole = isinstance(revision, int) and not isinstance(revision, bool)
    if not whole or not 1 <= revision <= MAX_REVISION:
        fail(f"{where} revision", f"must be a whole number from 1 to {MAX_REVISION}")


def parts(fail, name: str, values, noun: str | None = None) -> tuple[Part, ...]:
    """Each value a (key, text) or (key, text, revision) pair, as `Part`s.

    Text checks stay with the kind; this checks the shape, keys and revisions.
    """
    singular = noun or name.removesuffix("s")
    if not isinstance(values, (list, tuple)):
        fail(name, f"must be a list, not {type(values).__name__}")
    found = []
    for number, value in enumerate(values, start=1):
        where = f"{singular} {number}"
        if isinstance(value, Part):
            found.append(value)
            continue
        if not isinstance(value, (list, tuple)) or len(value) not in (2, 3):
            fail(where, f'must be a (key, text) pair, e.g. ("{KEY_EXAMPLE}", "...")')
        check_key(fail, where, value[0])
        revision = value[2] if len(value) == 3 else 0
        if len(value) == 3:
            check_revision(fail, where, revision)
        if not isinstance(value[1], str):
            fail(where, f"must be text, not {type(value[1]).__name__}")
        found.append(Part(value[0], value[1], revision))
    return tuple(found)


def unique(fail, labelled) -> None:
    """No key twice in one sheet: `labelled` is (label, key) pairs in order."""
    seen: dict[str, str] = {}
    for label, key in labelled:
        if key in seen:
            fail(f"{label} key", f"{key!r} repeats {seen[key]}'s")
        seen[key] = label


def field_name(path) -> str:
    """A form control's name: its answer path, joined with dots."""
    return ".".join(str(step) for step in path)
