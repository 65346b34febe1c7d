"""A worksheet page in another language: the sheet in its catalog's words.

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


def keep_heading_slugs(app, doctree) -> None:
    """The page's own heading slugs, not those of its last translated title.

    The Locale transform parses each translated title with MyST as a small
    document of its own, and MyST stores that document's slugs as the page's
    (``env.metadata[docname]["myst_slugs"]``): only the last title's
    translated slug would remain, and links to the page's English anchors
    from other pages would break. The ids on the page stay the English ones.
    """
    slugs = getattr(doctree, "myst_slugs", None)
    if slugs:
        app.env.metadata[app.env.docname]["myst_slugs"] = slugs
