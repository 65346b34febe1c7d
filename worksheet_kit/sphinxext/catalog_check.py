"""Nothing half-English ships: a translated build warns about every catalog
entry left untranslated or fuzzy, naming its ``.po`` file and its English.

Under ``-nW`` the build then fails and lists them all (``--keep-going``)::

    WARNING: locale/es/LC_MESSAGES/docs/safety.po: untranslated: 'Safety first'

It runs when any builder but ``gettext`` starts in a language other than
English, on every catalog under ``locale_dirs`` for that language
(`worksheet_kit.i18n.catalogs.problems`, the list ``make gettext`` prints).
``catalog_check = False`` in conf.py (or ``-D catalog_check=0``) turns it
off, for a preview of a translation under way.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.util import logging

from ..i18n.catalogs import problems

logger = logging.getLogger(__name__)
SOURCE_LANGUAGE = "en"


def warn_unfinished_catalogs(app) -> None:
    language = app.config.language or SOURCE_LANGUAGE
    if language == SOURCE_LANGUAGE or app.builder.name == "gettext":
        return
    if not app.config.catalog_check:
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


def setup(app):
    app.add_config_value("catalog_check", True, "", types=(bool,))
    app.connect("builder-inited", warn_unfinished_catalogs)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
