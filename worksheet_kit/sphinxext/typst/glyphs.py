"""Every character a PDF prints must be in every face of the bundled fonts.

A character the fonts lack would print blank (or as a box), so the build
stops instead, naming the chapter or worksheet and the character.
"""

from __future__ import annotations

from pathlib import Path

from .errors import TypstError

FONTS = Path(__file__).parent / "fonts"


class GlyphCheck:
    """Every character printed must be in every face of the bundled fonts."""

    EXEMPT = set(" \t\r\n\u00a0\u00ad\u200b")

    def __init__(self, folder: Path = FONTS):
        from fontTools.ttLib import TTFont

        maps = [set(TTFont(path).getBestCmap()) for path in sorted(folder.glob("*.ttf"))]
        self.covered = set.intersection(*maps)

    def check(self, value: str, where: str) -> None:
        for character in value:
            if character not in self.EXEMPT and ord(character) not in self.covered:
                raise TypstError(
                    f"{where}: the character {character!r} (U+{ord(character):04X}) is not "
                    f"in the book's fonts, so the PDF cannot print it; near "
                    f"{_context(value, character)!r}"
                )

    def check_worksheet(self, worksheet, where: str) -> None:
        for value in _strings(worksheet.to_data()):
            self.check(value, f"{where}: worksheet {worksheet.id}")


def _context(value: str, character: str) -> str:
    at = value.index(character)
    return value[max(0, at - 30) : at + 30]


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, (list, tuple)):
        for value in data:
            yield from _strings(value)
