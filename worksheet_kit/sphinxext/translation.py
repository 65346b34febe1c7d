"""A worksheet page in another language: the sheet in its catalog's words.

Sphinx's Locale transform hands each translated message of a worksheet
node to the node (``worksheet_node.apply_translated_message``); once the
page is read, `translate_worksheets` draws the sheet in those words, once,
and notes the translated sheet in the domain, so that a chapter embedding
it shows the same words. The edition stays the English one: answers given
on either page belong to the same questions.
"""

from __future__ import annotations

from sphinx.util import logging

from ..core.errors import WorksheetError
from ..core.translation import translated
from .worksheets import search_text, worksheet_node

logger = logging.getLogger(__name__)


def translate_worksheets(app, doctree) -> None:
    for node in doctree.findall(worksheet_node):
        words = node.get("translations")
        if not words or not node.get("home"):
            continue
        try:
            sheet = translated(node.get("original", node["worksheet"]), words.get)
        except WorksheetError as error:
            logger.warning(
                f"{app.env.doc2path(app.env.docname)}: the {app.config.language} "
                f"translation does not fit: {error}",
                type="worksheet",
                subtype="translation",
            )
            continue
        node["worksheet"] = sheet
        node.children = []
        node += search_text(sheet)
        app.env.get_domain("worksheet").note(sheet, app.env.docname)
