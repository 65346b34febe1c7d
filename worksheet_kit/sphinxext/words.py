"""The kit speaks the build's language: ``core/words.py`` takes its catalog
from ``<locale_dirs>/<language>/LC_MESSAGES/kit.po`` when Sphinx starts.
The book's own extensions (``_ext/``) translate their few strings from
``book.po`` the same way::

    from worksheet_kit.sphinxext.words import translations
    _ = translations(app, "book").gettext

An English build (or a language with no such catalog) keeps the English.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from ..core import words


def compiled(po_path: Path, language: str) -> bytes:
    """A .po file as the bytes of its .mo (what gettext reads), fuzzy entries left out."""
    with po_path.open("rb") as source:
        catalog = read_po(source, locale=language)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def catalog_path(srcdir, locale_dirs, language: str, name: str) -> Path | None:
    for folder in locale_dirs:
        path = Path(srcdir, folder, language, "LC_MESSAGES", f"{name}.po")
        if path.is_file():
            return path
    return None


def translations(app, name: str) -> gettext.NullTranslations:
    """The build language's catalog `name` (``kit``, ``book``), compiled in memory
    once a build."""
    cache = app.__dict__.setdefault("_worksheet_catalogs", {})
    if name not in cache:
        language = app.config.language or "en"
        found = catalog_path(app.srcdir, app.config.locale_dirs, language, name)
        cache[name] = (
            gettext.GNUTranslations(io.BytesIO(compiled(found, language)))
            if found
            else gettext.NullTranslations()
        )
    return cache[name]


def speak_build_language(app, config) -> None:
    language = config.language or "en"
    found = catalog_path(app.srcdir, config.locale_dirs, language, "kit")
    words.use(language, compiled(found, language) if found else None)
