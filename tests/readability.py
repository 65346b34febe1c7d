"""How plain each chapter reads, in English and in Spanish (issue 26, point 5)::

    .venv/bin/python tests/readability.py     # one line per chapter

English: the Flesch-Kincaid grade, at most 9. Spanish, from the chapter's
catalog (``locale/es/LC_MESSAGES/<page>.po``): Fernández-Huerta, Flesch's
reading ease refitted to Spanish on the same 0-100 scale, at least 60
("normal", about the eighth or ninth year of school, where the English grade
target sits); and Szigriszt-Pazos (INFLESZ), at least 55, where the INFLESZ
scale's "normal" band starts: it reads about five points lower than
Fernández-Huerta on the same text. A chapter counts once its catalog is fully
translated; before that, its figure would be half English.
"""

from __future__ import annotations

import contextlib
import re
import sys
from pathlib import Path

import textstat
from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((REPO / "docs").glob("*.md")) + [REPO / "index.md"]
CITATION_ONLY = {"references.md"}
ENGLISH_GRADE = 9
FERNANDEZ_HUERTA = 60
SZIGRISZT_PAZOS = 55


def prose(text: str) -> str:
    """The words a reader reads: no front matter, code, directives, link targets, tables."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"^(```|:::).*?^\1\s*$", "", text, flags=re.S | re.M)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"^\|.*\|\s*$", "", text, flags=re.M)
    text = re.sub(r"^\(\S+\)=\s*$", "", text, flags=re.M)
    text = re.sub(r"[#*_`>\[\]{}]", "", text)
    return text


def english_grade(chapter: Path) -> float:
    return textstat.flesch_kincaid_grade(prose(chapter.read_text(encoding="utf-8")))


def english_ease(chapter: Path) -> float:
    """Flesch reading ease: the scale Fernández-Huerta refits to Spanish."""
    return textstat.flesch_reading_ease(prose(chapter.read_text(encoding="utf-8")))


def catalog_of(chapter: Path, language: str = "es") -> Path:
    page = chapter.relative_to(REPO).with_suffix("")
    return REPO / "locale" / language / "LC_MESSAGES" / f"{page}.po"


def translated_text(catalog: Path, language: str = "es") -> tuple[str, int, int]:
    """The catalog's translations as one text (a paragraph each), how many entries
    are translated (not fuzzy), and how many there are."""
    if not catalog.is_file():
        return "", 0, 0
    with catalog.open("rb") as source:
        messages = [m for m in read_po(source, locale=language) if m.id]
    done = [m.string for m in messages if m.string and not m.fuzzy]
    return prose("\n\n".join(done)), len(done), len(messages)


@contextlib.contextmanager
def spanish():
    """textstat's syllables and formulas for Spanish, for this block only."""
    textstat.set_lang("es")
    try:
        yield
    finally:
        textstat.set_lang("en_US")


def spanish_scores(text: str) -> tuple[float, float]:
    """(Fernández-Huerta, Szigriszt-Pazos) of a Spanish text."""
    with spanish():
        return textstat.fernandez_huerta(text), textstat.szigriszt_pazos(text)


def plain_enough(huerta: float, pazos: float) -> bool:
    return huerta >= FERNANDEZ_HUERTA and pazos >= SZIGRISZT_PAZOS


def report() -> list[str]:
    lines = [
        f"{'chapter':<26} {'EN grade':>8} {'EN ease':>7} {'ES F-Huerta':>11} {'ES Sz-Pazos':>11}"
        "  translated",
        f"{'target':<26} {'<= 9':>8} {'':>7} {'>= 60':>11} {'>= 55':>11}",
    ]
    for chapter in CHAPTERS:
        if chapter.name in CITATION_ONLY:
            continue
        text, done, total = translated_text(catalog_of(chapter))
        huerta, pazos = spanish_scores(text) if done == total and total else (None, None)
        es = f"{huerta:>11.1f} {pazos:>11.1f}" if huerta is not None else f"{'-':>11} {'-':>11}"
        en = f"{english_grade(chapter):>8.1f} {english_ease(chapter):>7.1f}"
        lines.append(f"{chapter.stem:<26} {en} {es}  {done} of {total} entries")
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
    sys.exit(0)
