"""What a page loads: only what it uses (``extensions = ["page_assets"]``).

A chapter page stays at most 160 KB with everything it loads, so:

- code styles only where there is code: ``pygments.css`` on a page that shows
  a code block, MyST-NB's ``mystnb.*.css`` (43 KB) on one that shows a notebook
  cell (a worksheet's cells show no code: their form stands for them);
- no ``furo-extensions.css`` (styles for copy buttons, sphinx-design and Read
  the Docs' version menu, which this book does not use);
- Sphinx's ``doctools.js``, its options and its translated messages on the
  search page only, which needs them. Every other page gets only the keys
  doctools gave it (``_static/page-keys.js``: arrows for the previous and next
  page, / for search);
- no ``sphinx_highlight.js`` at all. It highlights on the next page the words
  just searched for, and to do so Sphinx's search keeps them in
  ``localStorage`` until that page opens. On a shared device a search for
  "affair" must not stay behind, so search is told highlighting is off
  (``_static/search-no-highlight.js``, on the search page).

``furo.js`` is deferred, as the book's own scripts are: no script holds up the
first paint. The theme's own stylesheets are trimmed after the build
(``unused_css``).
"""

from __future__ import annotations

from docutils import nodes

SEARCH_ONLY = ("translations.js", "doctools.js", "documentation_options.js")
NOT_SEARCH = ("page-keys.js",)
NOWHERE = ("sphinx_highlight.js", "furo-extensions.css")
DEFERRED = ("furo.js",)


def _name(asset) -> str:
    return str(getattr(asset, "filename", asset)).rsplit("/", 1)[-1].split("?")[0]


def _shows_code(doctree) -> bool:
    return doctree is not None and next(doctree.findall(nodes.literal_block), None) is not None


def _has_cell(doctree) -> bool:
    return any("cell" in node["classes"] for node in doctree.findall(nodes.container))


def needed(name: str, pagename: str, doctree) -> bool:
    """Whether the page `pagename` (its `doctree`; None for a page Sphinx makes,
    such as search, which has no code) loads the script or stylesheet `name`."""
    if name in NOWHERE:
        return False
    if name in SEARCH_ONLY:
        return pagename == "search"
    if name in NOT_SEARCH:
        return pagename != "search"
    if name == "pygments.css":
        return _shows_code(doctree)
    if name.startswith("mystnb.") and name.endswith(".css"):
        return _shows_code(doctree) and _has_cell(doctree)
    return True


def deferred(script):
    """furo.js, run once the page is parsed (it waits for DOMContentLoaded anyway):
    no script holds up the first paint."""
    from sphinx.builders.html._assets import _JavaScript

    if _name(script) not in DEFERRED or not isinstance(script, _JavaScript):
        return script
    attributes = {**script.attributes, "defer": "defer"}
    return _JavaScript(script.filename, priority=script.priority, **attributes)


def load_only_what_is_used(app, pagename, templatename, context, doctree):
    # in place: Sphinx resets these lists before each page, and a later handler's
    # app.add_js_file adds to the same list
    for files in ("css_files", "script_files"):
        context[files][:] = [f for f in context[files] if needed(_name(f), pagename, doctree)]
    context["script_files"][:] = [deferred(script) for script in context["script_files"]]
    if pagename == "search":
        app.add_js_file("search-no-highlight.js")


def setup(app):
    app.add_js_file("page-keys.js", loading_method="defer")
    app.connect("html-page-context", load_only_what_is_used)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
