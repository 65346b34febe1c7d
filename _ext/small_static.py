"""The book's own scripts and styles, minified in the built site.

``_static/`` keeps them readable, with their comments; the site serves them
minified by tdewolff/minify (as the kit's worksheets.js), which halves them:
a chapter page stays at most 160 KB with everything it loads.
``extensions = ["small_static"]``; each HTML build minifies them again after
Sphinx copies them.

    minified("_static/page-keys.js")  # the text the site serves
"""

from __future__ import annotations

from pathlib import Path

TYPES = {".css": "text/css", ".js": "application/javascript"}


def minified(path: Path) -> str:
    import minify

    return minify.string(TYPES[path.suffix], path.read_text(encoding="utf-8"))


def minify_own_static(app, exception) -> None:
    if exception or app.builder.format != "html":
        return
    for folder in app.config.html_static_path:
        source = Path(app.confdir) / folder
        for path in sorted(source.iterdir()):
            target = Path(app.outdir) / "_static" / path.name
            if path.suffix in TYPES and target.is_file():
                target.write_text(minified(path), encoding="utf-8")


def setup(app):
    app.connect("build-finished", minify_own_static)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
