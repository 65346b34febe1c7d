"""The seed article's sections and client quotes, read from shared/seed."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "seed" / "article.txt"  # the source article, kept word for word

# chapter file -> the article heading it starts from, in the article's order
CHAPTERS = {
    "rebuilding-trust": "The Challenge of Rebuilding Trust",
    "signs-of-erosion": "Signs of Trust Erosion",
    "communication": "The Role of Communication",
    "intimacy": "Reestablishing Intimacy",
    "conclusion": "Conclusion",
}


def sections() -> dict[str, str]:
    """Heading -> the paragraph under it."""
    lines = [line.strip() for line in ARTICLE.read_text(encoding="utf-8").splitlines()]
    return {lines[i]: lines[i + 1] for i in range(len(lines) - 1) if lines[i] in CHAPTERS.values()}


def quotes(paragraph: str) -> list[str]:
    return re.findall(r'"([^"]+)"', paragraph)
