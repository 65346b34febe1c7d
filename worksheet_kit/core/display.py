"""The MIME bundle a worksheet shows in Jupyter and hands to the book.

The book's own type carries the worksheet as data; Jupyter falls back to
`text/html` (a read-only form) or `text/plain`.
"""

from __future__ import annotations

from .html import render_html
from .text import render_text

MIME_TYPE = "application/vnd.rebuilding-trust.worksheet+json"


def mimebundle(ws) -> dict:
    return {
        MIME_TYPE: ws.to_data(),
        "text/html": render_html(ws, in_notebook=True),
        "text/plain": render_text(ws),
    }
