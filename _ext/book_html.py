"""Two HTML touches for an accessible, light book (``extensions = ["book_html"]``).

- `AccessibleHTMLTranslator`: Sphinx marks toctree captions ``role="heading"``
  without the ``aria-level`` that role requires (axe: aria-required-attr).
- `describe_page`: every page's ``<meta name="description">``, in the build's
  language (``locale/<lang>/LC_MESSAGES/book.po``).
- `drop_unused_code_styles`: a page with no code block or code output loads
  neither ``pygments.css`` nor MyST-NB's ``mystnb.*.css`` (63 KB together,
  on a page budget of 160 KB); no page loads ``furo-extensions.css`` (5 KB
  of styles for extensions this book does not use: copy buttons,
  sphinx-design cards and tabs, Read the Docs' version menu).
"""

from __future__ import annotations

from html import escape

from docutils import nodes
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


def is_code_style(css) -> bool:
    name = str(getattr(css, "filename", css)).rsplit("/", 1)[-1]
    return name == "pygments.css" or (name.startswith("mystnb.") and name.endswith(".css"))


def is_unused_theme_style(css) -> bool:
    return str(getattr(css, "filename", css)).endswith("furo-extensions.css")


def drop_unused_code_styles(app, pagename, templatename, context, doctree):
    has_code = doctree is None or next(doctree.findall(nodes.literal_block), None) is not None
    context["css_files"] = [
        css
        for css in context.get("css_files", [])
        if not is_unused_theme_style(css) and (has_code or not is_code_style(css))
    ]


def describe_page(app, pagename, templatename, context, doctree):
    description = escape(translations(app, "book").gettext(DESCRIPTION))
    context["metatags"] = f'<meta name="description" content="{description}">\n' + context.get(
        "metatags", ""
    )


def setup(app):
    for builder in ("html", "dirhtml", "singlehtml"):
        app.set_translator(builder, AccessibleHTMLTranslator, override=True)
    app.connect("html-page-context", drop_unused_code_styles)
    app.connect("html-page-context", describe_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
