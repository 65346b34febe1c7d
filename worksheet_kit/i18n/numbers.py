"""Check that a translation keeps every number, link and text keyword.

A help line's number must reach the reader exactly as the English prints
it, spaces and dashes included. This lists each English entry whose
translation lost or changed one::

    python -m worksheet_kit.i18n.numbers locale es

prints ``<file>: '<English…>': missing '1-800-799-7233'`` for each, and
exits 1 when there is one. What a translation adds (a Spanish-language
option, an anchor) is allowed; only what it drops is reported.

A "number" is a run of three or more digits with the spaces and dashes
inside it (``0808 80 10 800``, ``1-800-799-7233``, ``2026``); shorter
runs are left out, because clock times and counts are rightly rewritten
("3 pm" is *15:00*), and so are ISO dates, which a translation writes
out. Emergency numbers of fewer digits are still checked through their
``tel:`` links.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from babel.messages.pofile import read_po

LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
URL = re.compile(r"https?://[^\s)\]>\"”]+", re.I)
NUMBER = re.compile(r"(?<![\w/.#-])\d(?:[\d -]*\d)?(?![\w/])")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")  # "2026-12-01" is rightly "1 de diciembre de 2026"
THOUSANDS = re.compile(r"(\d)[,.](\d{3})(?!\d)")
KEYWORD = re.compile(r"\b(?:START|AYUDA)\b")  # words a reader texts to a line


def kept_things(text: str) -> Counter:
    """Link targets, URLs, numbers of three or more digits and text keywords."""
    found = Counter(LINK_TARGET.findall(text))
    unlinked = LINK_TARGET.sub("]", text)
    found.update(url.rstrip(".,;") for url in URL.findall(unlinked))
    prose = ISO_DATE.sub(" ", URL.sub(" ", unlinked))
    prose = THOUSANDS.sub(r"\1\2", prose)  # "5,000" is "5000" or "5.000" in Spanish
    found.update(n.strip() for n in NUMBER.findall(prose) if sum(c.isdigit() for c in n) >= 3)
    found.update(KEYWORD.findall(text))
    return found


def missing(english: str, translation: str) -> list[str]:
    """What the English has that the translation lacks (each as often as lacking)."""
    return sorted((kept_things(english) - kept_things(translation)).elements())


def problems(locale_dir: Path, language: str) -> list[str]:
    """One line per lost number, link or keyword, naming its catalog."""
    lines = []
    for path in sorted((Path(locale_dir) / language / "LC_MESSAGES").rglob("*.po")):
        with path.open("rb") as source:
            catalog = read_po(source, locale=language)
        for message in catalog:
            if message.id and message.string and not message.fuzzy:
                english, translation = (
                    text if isinstance(text, str) else " ".join(text)
                    for text in (message.id, message.string)
                )
                for thing in missing(english, translation):
                    lines.append(f"{path}: {english[:60]!r}: missing {thing!r}")
    return lines


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    found = problems(Path(argv[0]), argv[1])
    print("\n".join(found) if found else f"every number and link is kept in {argv[1]!r}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
