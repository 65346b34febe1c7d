"""Nothing half-English ships: a translated build warns about every catalog
entry left untranslated or fuzzy, naming its ``.po`` file and its English.

Under ``-nW`` the build then fails and lists them all (``--keep-going``)::

    WARNING: locale/es/LC_MESSAGES/docs/safety.po: untranslated: 'Safety first'
    WARNING: docs/new-page: no catalog locale/es/LC_MESSAGES/docs/new-page.po (make gettext)

It runs when any builder but ``gettext`` starts in a language other than
English, on every catalog under ``locale_dirs`` for that language
(`worksheet_kit.i18n.catalogs.problems`, the list ``make gettext`` prints),
and, once the pages are read, on every page that has no catalog at all.
``catalog_check = False`` in conf.py (or ``-D catalog_check=0``) turns it
off, for a preview of a translation under way.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain

from ..i18n.catalogs import problems

logger = logging.getLogger(__name__)
SOURCE_LANGUAGE = "en"


def checked(app) -> str | None:
    """The build's language, when its catalogs are to be checked."""
    language = app.config.language or SOURCE_LANGUAGE
    if language == SOURCE_LANGUAGE or app.builder.name == "gettext":
        return None
    return language if app.config.catalog_check else None


def warn_unfinished_catalogs(app) -> None:
    language = checked(app)
    if not language:
        return
    for folder in app.config.locale_dirs:
        locale_dir = Path(app.srcdir, folder)
        for line in problems(locale_dir, language):
            # relative to the book, so the message names the file a translator opens
            logger.warning(
                line.replace(str(Path(app.srcdir)) + "/", "", 1),
                type="i18n",
                subtype="catalog",
            )


def warn_pages_without_catalog(app, env) -> None:
    """A page added since the last ``make gettext`` has no catalog: all of it is English."""
    language = checked(app)
    if not language:
        return
    for docname in sorted(env.found_docs):
        domain = docname_to_domain(docname, app.config.gettext_compact)
        wanted = [
            Path(folder, language, "LC_MESSAGES", f"{domain}.po")
            for folder in app.config.locale_dirs
        ]
        if not any(Path(app.srcdir, path).is_file() for path in wanted):
            logger.warning(
                f"{docname}: no catalog {wanted[0].as_posix()} (make gettext)",
                type="i18n",
                subtype="catalog",
            )


def setup(app):
    app.add_config_value("catalog_check", True, "", types=(bool,))
    app.connect("builder-inited", warn_unfinished_catalogs)
    app.connect("env-updated", warn_pages_without_catalog)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
