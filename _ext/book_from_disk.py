"""A note on pages that need a web server, shown only when the book is opened as a file.

Opened from disk (file://), a browser shows "Download blank notebook (.ipynb)" as text
instead of saving it (it ignores the ``download`` attribute there), and search
cannot show a preview of each result (it may not fetch the pages; it still finds
words in the text, from its index). ``_static/opened-from-disk.js`` turns the
previews off there, so they fail with no errors, and says so and how to serve
the book.
"""


def setup(app):
    app.add_js_file("opened-from-disk.js", loading_method="defer")
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
