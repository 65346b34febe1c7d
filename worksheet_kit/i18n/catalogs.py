"""Keep the translation catalogs in step with the English text, and say what
is left to translate.

``make gettext`` runs Sphinx's gettext builder into ``_build/gettext``, then::

    python -m worksheet_kit.i18n.catalogs update _build/gettext locale es
    python -m worksheet_kit.i18n.catalogs check locale es

``update`` writes ``locale/es/LC_MESSAGES/<page>.po`` from each ``.pot``:
translations are kept, a changed English text makes its entry fuzzy (the
old translation stays as a suggestion), and a text no page uses any more
is kept at the end as obsolete. ``check`` lists every untranslated or
fuzzy entry, one line each with its file, and exits 1 when there is one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

WIDTH = 79


def po_path(locale_dir: Path, language: str, name: str) -> Path:
    return Path(locale_dir) / language / "LC_MESSAGES" / f"{name}.po"


def update(pot_dir: Path, locale_dir: Path, language: str) -> list[Path]:
    """Write each template's catalog for `language`; return those written.

    An entry still empty takes the translation the same English text has in
    another catalog (a translation memory, as ``pomerge`` gives
    python-docs-es): the book says "Your answers" the same way everywhere."""
    written = []
    memory = translation_memory(Path(locale_dir), language)
    for pot in sorted(Path(pot_dir).rglob("*.pot")):
        name = pot.relative_to(pot_dir).with_suffix("").as_posix()
        if name == "sphinx":
            continue  # Sphinx's own words: Sphinx ships them translated
        with pot.open("rb") as source:
            template = read_po(source)
        target = po_path(locale_dir, language, name)
        if target.exists():
            with target.open("rb") as source:
                catalog = read_po(source, locale=language)
            dates = catalog.creation_date, catalog.revision_date
            catalog.update(template, update_header_comment=False)
            catalog.creation_date, catalog.revision_date = dates  # no churn from dates alone
        else:
            catalog = template
            catalog.locale = language
            catalog.fuzzy = False
            catalog.revision_date = catalog.creation_date = template.creation_date
        for message in catalog:
            if message.id and not message.string and message.id in memory:
                message.string = memory[message.id]
        target.parent.mkdir(parents=True, exist_ok=True)
        before = target.read_bytes() if target.exists() else b""
        with target.open("wb") as out:
            write_po(out, catalog, width=WIDTH, omit_header=False, include_previous=True)
        if target.read_bytes() != before:
            written.append(target)
    return written


def translation_memory(locale_dir: Path, language: str) -> dict:
    """Every English text already translated (not fuzzy) in `language`."""
    memory = {}
    for path in sorted((locale_dir / language / "LC_MESSAGES").rglob("*.po")):
        with path.open("rb") as source:
            for message in read_po(source, locale=language):
                if message.id and message.string and not message.fuzzy:
                    memory.setdefault(message.id, message.string)
    return memory


def problems(locale_dir: Path, language: str) -> list[str]:
    """One line per untranslated or fuzzy entry: ``<file>: untranslated: "..."``."""
    lines = []
    root = Path(locale_dir) / language / "LC_MESSAGES"
    for path in sorted(root.rglob("*.po")):
        with path.open("rb") as source:
            catalog = read_po(source, locale=language)
        for message in catalog:
            if not message.id:
                continue
            state = "fuzzy" if message.fuzzy else "untranslated" if not message.string else ""
            if state:
                lines.append(f"{path}: {state}: {quoted(message.id)}")
    return lines


def quoted(text, limit: int = 70) -> str:
    text = " ".join(str(text if isinstance(text, str) else text[0]).split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"] and len(argv) == 4:
        for path in update(Path(argv[1]), Path(argv[2]), argv[3]):
            print(f"updated {path}")
        return 0
    if argv[:1] == ["check"] and len(argv) == 3:
        found = problems(Path(argv[1]), argv[2])
        print("\n".join(found))
        if found:
            print(f"{len(found)} entries in the {argv[2]!r} catalogs are untranslated or fuzzy")
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
