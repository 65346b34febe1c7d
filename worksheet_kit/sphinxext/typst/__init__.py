"""Print the book with Typst: ``sphinx-build -b typst``.

A Sphinx extension (``app.setup_extension("worksheet_kit.sphinxext.typst")``) that
adds the ``typst`` builder (`builder.TypstBuilder`) and its settings:

``typst_documents``
    A list of dicts, one per PDF: ``name`` (the file name without
    ``.pdf``), ``title``, ``docs`` (docnames or patterns such as
    ``"worksheets/*"``, in the toctrees' reading order), and optionally
    ``subtitle``, ``note`` (on the cover), ``contents`` (a table of
    contents, default True), ``exclude`` (patterns of docs to leave out)
    and ``aliases`` (old names, written as copies,
    so links to them keep working). A worksheet's own page prints as its sheet.
``typst_worksheet_pdfs``
    Also write ``<worksheet id>.pdf`` for every worksheet (default True).
``typst_timestamp``
    The PDFs' date as UNIX seconds (``SOURCE_DATE_EPOCH`` wins), so two
    builds give identical bytes.

Every PDF comes in A4 and, with the suffix ``-letter``, US Letter.
"""

from __future__ import annotations

from .builder import TypstBuilder
from .compiling import DEFAULT_TIMESTAMP

__all__ = ["TypstBuilder", "setup"]


def setup(app):
    app.add_builder(TypstBuilder)
    app.add_config_value("typst_documents", [], "", types=frozenset({list}))
    app.add_config_value("typst_worksheet_pdfs", True, "", types=frozenset({bool}))
    app.add_config_value("typst_timestamp", DEFAULT_TIMESTAMP, "", types=frozenset({int}))
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
