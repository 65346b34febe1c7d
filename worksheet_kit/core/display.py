"""The MIME bundle a worksheet shows in Jupyter and hands to the book, and
the form a downloaded notebook shows.

The book's own type carries the worksheet as data; Jupyter falls back to
`text/html` (a read-only form) or `text/plain`. `notebook_form` is the
clickable form (``core/widget_form.py``) when ipywidgets imports, else the
read-only one, whose note says how to get the clickable one.
"""

from __future__ import annotations

import importlib

from .html import GET_WIDGETS, render_html
from .text import render_text
from .words import _

MIME_TYPE = "application/vnd.rebuilding-trust.worksheet+json"


def mimebundle(ws) -> dict:
    return {
        MIME_TYPE: ws.to_data(),
        "text/html": render_html(ws, in_notebook=True),
        "text/plain": render_text(ws),
    }


class ReadOnlyForm:
    """The worksheet to read, for a Jupyter without ipywidgets."""

    def __init__(self, ws):
        self.ws = ws

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            "text/html": render_html(self.ws, in_notebook=True),
            "text/plain": f"{render_text(self.ws)}\n\n{_(GET_WIDGETS)}",
        }


def notebook_form(ws, path):
    """The form to fill in, saving to `path`: clickable when ipywidgets is there."""
    try:
        widgets = importlib.import_module("ipywidgets")
    except ImportError:
        return ReadOnlyForm(ws)
    from .widget_form import WidgetForm  # only now: it needs ipywidgets

    return WidgetForm(ws, path, widgets)
