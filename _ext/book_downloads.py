"""The welcome page's downloads, in the build's language (``book.po``)::

    ```{book-downloads}
    ```

All the worksheets as one zip, and the whole book as a PDF (A4, then US
Letter). On the web only: paper cannot download.
"""

from __future__ import annotations

from html import escape

from book_words import gettext as _
from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from worksheet_kit.core.words import N_
from worksheet_kit.sphinxext.downloads import ZIP_NAME

BOOK_PDF = "rebuilding-trust"  # the first of conf.py's typst_documents
ZIP_WORDS = N_("Download all worksheets (.zip)")
BOOK_WORDS = N_("The whole book (PDF)")
LETTER_WORDS = N_("US Letter")


class BookDownloads(SphinxDirective):
    def run(self):
        up = "../" * self.env.docname.count("/")
        html = (
            '<ul class="downloads">'
            f'<li><a href="{up}notebooks/{ZIP_NAME}" download>{escape(_(ZIP_WORDS))}</a></li>'
            f'<li><a href="{up}pdf/{BOOK_PDF}.pdf">{escape(_(BOOK_WORDS))}</a> · '
            f'<a href="{up}pdf/{BOOK_PDF}-letter.pdf">{escape(_(LETTER_WORDS))}</a></li>'
            "</ul>"
        )
        return [nodes.raw("", html, format="html")]


def setup(app):
    app.setup_extension("book_words")  # the build's language for `gettext`
    app.add_directive("book-downloads", BookDownloads)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
