"""Two HTML touches for an accessible book (``extensions = ["book_html"]``).

- `AccessibleHTMLTranslator`: Sphinx marks toctree captions ``role="heading"``
  without the ``aria-level`` that role requires (axe: aria-required-attr).
- `describe_page`: every page's ``<meta name="description">``, in the build's
  language (``locale/<lang>/LC_MESSAGES/book.po``).
"""

from __future__ import annotations

from html import escape

from sphinx.writers.html5 import HTML5Translator

from worksheet_kit.core.words import N_
from worksheet_kit.sphinxext.words import translations

DESCRIPTION = N_(
    "Rebuilding Trust: a free, private workbook with chapters and fill-in worksheets "
    "for couples, readers and workshop facilitators."
)


class AccessibleHTMLTranslator(HTML5Translator):
    def visit_title(self, node):
        super().visit_title(node)
        opening = self.body[-2] if len(self.body) > 1 else ""
        if 'role="heading"' in opening and "aria-level" not in opening:
            self.body[-2] = opening.replace('role="heading"', 'role="heading" aria-level="2"')


def describe_page(app, pagename, templatename, context, doctree):
    description = escape(translations(app, "book").gettext(DESCRIPTION))
    context["metatags"] = f'<meta name="description" content="{description}">\n' + context.get(
        "metatags", ""
    )


def setup(app):
    for builder in ("html", "dirhtml", "singlehtml"):
        app.set_translator(builder, AccessibleHTMLTranslator, override=True)
    app.connect("html-page-context", describe_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
