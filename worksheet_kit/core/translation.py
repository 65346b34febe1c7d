"""A worksheet's own words in another language.

Every text a reader sees (title, purpose, items, anchors, prompts, a step's
speaker...) is a message; keys, ids and settings are not. The Sphinx build
collects `messages(ws)` into the page's catalog and draws the sheet as
`translated(ws, catalog.get)`::

    spanish = translated(worksheet, {"Weekly check-in": "Balance semanal"}.get)
    spanish.title           # "Balance semanal"
    spanish.edition == worksheet.edition   # answers belong to the reader,
                                           # not to a language

A message without a translation stays as written. The translated sheet is
checked again, so a translation too long for its field fails as the
English would, naming the sheet and the field.

A downloaded notebook's kit carries its sheet's words in its catalog, under
the sheet's context, and draws the sheet with `in_kit_language`::

    worksheet = in_kit_language(worksheet)   # in a Spanish notebook: in Spanish
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace

from . import keys, words

# Fields whose values a program reads, not a reader: never translated. (A
# sheet's ``who`` is a code such as "alone"; a step's ``who`` is a speaker.)
CODES = frozenset({"id", "chapter", "keep", "repeat", "side_by_side", "who"})
PART_CODES = frozenset({"key"})


def messages(worksheet) -> list[str]:
    """Every text of the sheet a reader sees, in order, each once."""
    found: list[str] = []
    _walk(worksheet, lambda text: found.append(text) or text)
    return list(dict.fromkeys(found))


def translated(worksheet, lookup):
    """The same sheet with each message replaced by ``lookup(message)`` when
    that gives a non-empty text; the edition stays the original's."""

    def translate(text: str) -> str:
        return lookup(text) or text

    sheet = replace(worksheet, **_walk(worksheet, translate))
    object.__setattr__(sheet, "source_edition", worksheet.edition)
    return sheet


def sheet_context(worksheet_id: str) -> str:
    """The catalog context of a sheet's own words (``words.p_``)."""
    return f"worksheet:{worksheet_id}"


def in_kit_language(worksheet):
    """The sheet in the words the kit speaks now: its catalog's messages under
    this sheet's context. In English (no catalog) the same texts."""
    context = sheet_context(worksheet.id)
    return translated(worksheet, lambda text: words.p_(context, text))


def _text_fields(record):
    codes = CODES if hasattr(record, "validate") else PART_CODES
    return [f for f in fields(record) if f.name not in codes]


def _walk(value, translate):
    """`value` with every reader's text passed through `translate`."""
    if isinstance(value, keys.Part):
        return keys.Part(value.key, translate(str(value)), value.revision)
    if isinstance(value, str):
        return translate(value) if value.strip() else value
    if isinstance(value, tuple | list):
        return type(value)(_walk(item, translate) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _walk(getattr(value, f.name), translate) for f in _text_fields(value)}
        if hasattr(value, "validate"):  # a worksheet: its text fields, to replace
            return changes
        return replace(value, **changes)
    return value
