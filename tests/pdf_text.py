"""The text of each page of a PDF, as PDFium reads it (pypdfium2).

pypdf reads the structure the tests check (outline, tags, metadata, links);
its text extraction is pure Python and took most of the PDF tests' time
(0.67 s for a 32-page packet, against 0.04 s here).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2

# Break opportunities Typst puts in long addresses (zero-width space) and soft
# hyphens are not text a reader sees.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u00ad"))


def visible(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(INVISIBLE)


def page_texts(pdf: Path | bytes) -> list[str]:
    """Each page's text, its lines split by "\\n"."""
    document = pypdfium2.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    try:
        return [visible(page.get_textpage().get_text_range()) for page in document]
    finally:
        document.close()
