"""Compiling Typst source to PDF/UA-1 bytes, usable without Sphinx."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import TypstError
from .labels import typst_words
from .markup import string, text

HERE = Path(__file__).parent
FONTS = HERE / "fonts"
KIT = HERE / "kit.typ"
# 2026-01-01T00:00:00Z: a PDF's dates, unless SOURCE_DATE_EPOCH says otherwise
DEFAULT_TIMESTAMP = 1767225600


def page_count(pdf: bytes) -> int:
    """Pages in a PDF Typst wrote (its page tree's /Count)."""
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf)]
    if not counts:
        raise TypstError("could not read the page count of a PDF Typst wrote")
    return max(counts)


def preamble(title: str, short: str, author: str = "", lang: str = "en") -> str:
    """The kit's layout and the document's metadata: the top of every .typ file."""
    return "\n".join(
        [
            typst_words(),  # kit.typ's words, in the language the kit speaks
            KIT.read_text(encoding="utf-8"),
            f"#set document(title: {string(title)}, author: {string(author)}, date: auto)",
            f"#show: setup.with(title: {string(title)}, short: [{text(short)}], "
            f'paper: sys.inputs.at("paper", default: "a4"), lang: {string(lang)})',
            "",
        ]
    )


def compile_pdf(
    source,
    paper: str = "a4",
    root: Path | None = None,
    timestamp: int = DEFAULT_TIMESTAMP,
    where: str = "",
) -> tuple[bytes, list]:
    """PDF/UA-1 bytes and Typst's warnings, from Typst source text.

    Paths in the source (images) are read under root, the Sphinx source
    directory.

    Only the kit's fonts are seen (no system or Typst-embedded fonts), and
    the timestamp is fixed, so every machine gives the same bytes.
    """
    import typst

    fonts = typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(FONTS)]
    )
    try:
        return typst.compile_with_warnings(
            source.encode("utf-8"),
            root=str(root) if root else None,
            font_paths=fonts,
            ignore_system_fonts=True,
            sys_inputs={"paper": paper},
            pdf_standards=["ua-1"],
            timestamp=timestamp,
        )
    except typst.TypstError as error:
        raise TypstError(f"{where}: Typst could not compile: {error.diagnostic or error}") from None
