"""A note on pages that need a web server, shown only when the book is opened as a file.

Opened from disk (file://), a browser shows "Download blank notebook (.ipynb)" as text
instead of saving it (it ignores the ``download`` attribute there), and search
cannot show a preview of each result (it may not fetch the pages; it still finds
words in the text, from its index). ``_static/opened-from-disk.js`` turns the
previews off there, so they fail with no errors, and says so and how to serve
the book, in the build's language: its words travel on its own script tag
(``data-words``), from the book's catalog (``book.po``).
"""

import json

from worksheet_kit.core.words import N_
from worksheet_kit.sphinxext.words import translations

WORDS = {
    "title": N_("You opened this book as a file"),
    "download": N_(
        "Here, “Download notebook” shows the notebook as text: to save it, right-click "
        "the link and choose “Save link as”. "
    ),
    "search": N_("Here, search lists the pages that hold your words, without a preview of each. "),
    "serve": N_(
        "For downloads and search that work, open the book through a small web server: "
        "in the book's folder, run {make} or {python}, then go to {address}."
    ),
}


def add_script(app):
    _ = translations(app, "book").gettext
    words = json.dumps({name: _(text) for name, text in WORDS.items()}, ensure_ascii=False)
    app.add_js_file("opened-from-disk.js", loading_method="defer", **{"data-words": words})


def setup(app):
    app.connect("builder-inited", add_script)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
