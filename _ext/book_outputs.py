"""Words for one output only: the web book, or paper.

Inline, in a chapter::

    {web}`Press Clear when you are done.`{paper}`Keep your sheets somewhere safe.`

A block, with Sphinx's own directive (``typst`` is the PDF builder's tag)::

    ```{only} html
    To build them yourself, run `make pdf`.
    ```

The roles hold plain text. A worksheet's own fields word their outputs
apart with ``[web: ...]``, ``[paper: ...]`` (``worksheet_kit/core/wording.py``).
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

PAPER = "typst"  # the tag every build of the PDFs carries


def output_role(expr: str):
    def role(name, rawtext, text, lineno, inliner, options=None, content=None):
        only = addnodes.only(expr=expr)
        only += nodes.inline(text, text)
        return [only], []

    return role


def setup(app):
    app.add_role("web", output_role(f"not {PAPER}"))
    app.add_role("paper", output_role(PAPER))
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
