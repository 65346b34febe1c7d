"""A page in another language: the sheet in its catalog's words, and the
page's heading anchors kept.

Sphinx's Locale transform hands each translated message of a worksheet
node to the node (``worksheet_node.apply_translated_message``); once the
page is read, `translate_worksheets` draws the sheet in those words, once,
and notes the translated sheet in the domain, so that a chapter embedding
it shows the same words. The edition stays the English one: answers given
on either page belong to the same questions.

A translated page also keeps its headings' anchors: `keep_heading_slugs`
puts back the slugs MyST found in the English source, which links such as
``[the signs](safety.md#signs-of-higher-danger)`` on other pages resolve
against.
"""

from __future__ import annotations

from sphinx.util import logging

from ..core.errors import WorksheetError
from ..core.translation import translated
from .worksheets import search_text, worksheet_node

logger = logging.getLogger(__name__)


def keep_heading_anchors(app, doctree) -> None:
    """Sphinx parses each translated title alone; MyST then records that
    snippet's one heading as the page's only anchor (for a translated note
    title, say), and every link from another page to ``page.md#a-heading``
    fails. The page's own list, kept on its doctree, is put back."""
    slugs = getattr(doctree, "myst_slugs", None)
    metadata = app.env.metadata[app.env.docname]
    if slugs:
        metadata["myst_slugs"] = slugs
    else:
        metadata.pop("myst_slugs", None)


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
