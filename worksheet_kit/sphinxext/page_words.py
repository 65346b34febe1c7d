"""A worksheet's download in the build's language, from its page's catalog.

The Spanish build (``-D language=es``) writes Spanish notebooks from the same
``worksheets/<id>.md`` the English build reads. Their words come from the
catalogs the pages use: the page's own (``locale/es/LC_MESSAGES/worksheets/
<id>.po``, the messages Sphinx's gettext builder extracted from it) for its
prose and its sheet, and ``kit.po`` for the kit's::

    catalogs = Catalogs("es", (Path("locale"),), srcdir=Path("."))
    page = catalogs.page_words(Path("worksheets/trust-snapshot.md"))
    page("Next step")                     # "Siguiente paso" (None: not translated)
    sheet = page.sheet(worksheet)         # the sheet in Spanish, its English edition kept
    mo = sheet_catalog(words.catalog(), worksheet.id, page.sheet_messages(worksheet))

How the sheet reaches the notebook in Spanish: its cell keeps the English
code, and `swap_lines` adds one line that draws it in the words of the
catalog the kit cell carries (the kit's, and this sheet's under its own
context, so a sheet's "Next step" never changes the kit's). Regenerating the
cell from the Spanish data was the other way; it would need a code writer
for every kind, and a sheet whose edition is computed from Spanish texts
unless patched back. This way keeps one source: the keys and the edition
come from the very code the English notebook runs, so an answers file moves
between the two languages, and the kernel checks the Spanish sheet with the
same rules the build did.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from ..core.errors import WorksheetError
from ..core.translation import messages, sheet_context, translated
from ..core.words import _
from .markdown_words import message_text


def swap_lines() -> str:
    """The worksheet cell's added lines: its sheet, in the notebook's language."""
    comment = _("The sheet in this notebook's language: the same questions, the same answers file.")
    return (
        f"# {comment}\n"
        "from worksheet_kit.core.translation import in_kit_language\n"
        "worksheet = in_kit_language(worksheet)\n"
    )


@dataclass
class PageWords:
    """One page's catalog: called with a text, its translation or None.

    `unknown` collects every text asked for that the catalog has no entry for
    at all (not merely untranslated): a catalog older than its page."""

    translations: dict[str, str] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)
    unknown: list[str] = field(default_factory=list)
    strict: bool = True  # off (catalog_check = False), a stale catalog leaves English

    @classmethod
    def read(cls, po: Path, language: str) -> PageWords:
        with po.open("rb") as source:
            catalog = read_po(source, locale=language)
        words = cls()
        for message in catalog:
            if not message.id or not isinstance(message.id, str):
                continue
            key = message_text(message.id)
            words.known.add(key)
            if message.string and "fuzzy" not in message.flags:
                words.translations[key] = message.string
        return words

    def __call__(self, text: str) -> str | None:
        key = message_text(text)
        if self.known and key not in self.known:
            self.unknown.append(text)
        return self.translations.get(key)

    def check(self, path: Path) -> None:
        """Fail, naming the page, when a text asked for was not in the catalog."""
        if self.unknown and self.strict:  # Sphinx read its blocks otherwise, or the catalog is old
            raise WorksheetError(
                f"{path}: its catalog has no message for {self.unknown[0]!r}: "
                "bring it in step with `make gettext`"
            )

    def sheet(self, worksheet):
        """The sheet in these words (the English one when there are none)."""
        if not self.translations:
            return worksheet
        return translated(worksheet, lambda text: self.translations.get(message_text(text)))

    def sheet_messages(self, worksheet) -> dict[str, str]:
        """Each of the sheet's own texts that has a translation: the notebook's part."""
        found = {text: self.translations.get(message_text(text)) for text in messages(worksheet)}
        return {text: words for text, words in found.items() if words and words != text}


@dataclass(frozen=True)
class Catalogs:
    """Where a build's catalogs are: its language, its ``locale_dirs`` (as
    paths) and how Sphinx names a page's catalog (``gettext_compact``)."""

    language: str = "en"
    folders: tuple[Path, ...] = ()
    srcdir: Path = Path()
    compact: bool | str = True
    strict: bool = True  # conf.py's catalog_check: off, a stale catalog leaves English

    @classmethod
    def of(cls, app) -> Catalogs:
        config = app.config
        srcdir = Path(app.srcdir)
        folders = tuple(srcdir / folder for folder in config.locale_dirs)
        strict = bool(getattr(config, "catalog_check", True))
        return cls(config.language or "en", folders, srcdir, config.gettext_compact, strict)

    def find(self, domain: str) -> Path | None:
        for folder in self.folders:
            path = folder / self.language / "LC_MESSAGES" / f"{domain}.po"
            if path.is_file():
                return path
        return None

    def page_catalog(self, source: Path) -> Path | None:
        """The catalog of the page read from `source` (None in English, or when there is none)."""
        from sphinx.util.i18n import docname_to_domain

        if self.language == "en":
            return None
        docname = source.resolve().relative_to(self.srcdir.resolve()).with_suffix("").as_posix()
        return self.find(docname_to_domain(docname, self.compact))

    def page_words(self, source: Path) -> PageWords:
        found = self.page_catalog(source)
        words = PageWords.read(found, self.language) if found else PageWords()
        words.strict = self.strict
        return words

    def files(self, sources: list[Path]) -> list[Path]:
        """Every catalog the downloads of `sources` are made from: the kit's and the pages'."""
        if self.language == "en":
            return []
        found = [self.find("kit"), *(self.page_catalog(s) for s in sources)]
        return sorted({path for path in found if path})


def sheet_catalog(kit: bytes | None, worksheet_id: str, sheet: dict[str, str]) -> bytes | None:
    """The kit's compiled catalog with the sheet's words added under the sheet's context."""
    if not sheet:
        return kit
    catalog = read_mo(io.BytesIO(kit)) if kit else Catalog()
    for text, words in sheet.items():
        catalog.add(text, words, context=sheet_context(worksheet_id))
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()
