"""The one error the Typst builder raises: it names the document and the problem."""

from sphinx.errors import SphinxError


class TypstError(SphinxError):
    category = "Typst error"
