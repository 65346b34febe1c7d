"""A note on pages that need a web server, shown only when the book is opened as a file.

Opened from disk (file://), a browser shows "Download blank notebook (.ipynb)" as text
instead of saving it (it ignores the ``download`` attribute there), and search
lists titles only (it may not fetch the pages). Neither can be fixed from a
file page, so ``_static/opened-from-disk.js`` says so and how to serve the book.
"""


def setup(app):
    app.add_js_file("opened-from-disk.js", loading_method="defer")
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
