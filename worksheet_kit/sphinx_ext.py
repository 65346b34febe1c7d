"""Sphinx glue: worksheet outputs become nodes; chapters embed worksheets.

Add ``"worksheet_kit.sphinx_ext"`` to ``extensions``. A worksheet notebook
displays a worksheet object; MyST-NB hands its MIME bundle to
`WorksheetMimeRenderer` (found through the ``myst_nb.mime_renderers``
entry point), which makes a `worksheet_node`. Each builder draws that node
its own way: an HTML form, a Typst print layout (`worksheet_kit.typst`), or
plain text.

Chapters embed worksheets with the ``{worksheet}`` directive (see
`worksheet_kit.embeds`).

The extension also keys MyST-NB's execution cache to the kit's source, so
a change to the kit re-executes every worksheet (jupyter-cache alone keys
on the notebooks' code cells only).
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.fileutil import copy_asset_file
from sphinx.util.osutil import relative_uri

from .book_html import AccessibleHTMLTranslator, drop_unused_code_styles
from .display import MIME_TYPE, render_text
from .embeds import (
    ResolveWorksheetEmbeds,
    WorksheetDirective,
    merge_worksheets,
    purge_worksheets,
    record_worksheet,
    worksheet_embed,
    worksheet_node,
)
from .errors import WorksheetError
from .html import render_html
from .model import from_data
from .portable import KIT_DIR, kit_fingerprint

logger = logging.getLogger(__name__)
DRAWN_FORMATS = ("html", "text")  # builders with a visitor of their own


class WorksheetMimeRenderer:
    """MyST-NB MIME render plugin for the kit's own worksheet type."""

    mime_priority_overrides = [("*", MIME_TYPE, 0)]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != MIME_TYPE or inline:
            return None
        content = data.content
        if isinstance(content, str):
            content = json.loads(content)
        try:
            worksheet = from_data(content)
        except (WorksheetError, TypeError) as error:
            renderer.logger.warning(f"bad worksheet output: {error}", subtype="worksheet")
            return []
        env = renderer.renderer.sphinx_env
        if env is not None:
            record_worksheet(env, worksheet)
        docname = env.docname if env is not None else ""
        return [worksheet_node(data=worksheet.to_data(), home=True, docname=docname)]


# -- HTML ---------------------------------------------------------------------
def visit_worksheet_html(self, node):
    worksheet = from_data(node["data"])
    config = self.builder.config
    docname = self.builder.current_docname
    page_uri = self.builder.get_target_uri(docname)

    def to_file(path):
        return relative_uri(page_uri, path)

    links = {"safety": self.builder.get_relative_uri(docname, config.worksheet_safety_doc)}
    page_class = " ws-newpage" if node.get("newpage") else ""
    page_class += " ws-home" if node.get("home", True) else ""
    self.body.append(f'<div class="ws-block{page_class}">')
    # The node's own page, not the one being written: singlehtml writes every
    # page into one file, and element ids must stay unique there.
    prefix = node.get("docname") or docname
    self.body.append(render_html(worksheet, prefix=prefix, links=links))
    actions = [
        f'<a class="ws-button" href="{to_file(f"notebooks/{worksheet.id}.ipynb")}" '
        f'download="{worksheet.id}.ipynb">Download notebook (.ipynb)</a>'
    ]
    if config.worksheet_pdf_links:
        actions.append(
            f'<a class="ws-button" href="{to_file(f"pdf/{worksheet.id}.pdf")}">'
            "Printable worksheet (PDF)</a>"
        )
    if not node.get("home", True):
        page = self.builder.get_relative_uri(docname, node["page"])
        actions.append(f'<a class="ws-button" href="{page}">Open on its own page</a>')
    self.body.append(f'<p class="ws-actions">{" ".join(actions)}</p>')
    if config.worksheet_pdf_links:
        self.body.append(
            '<p class="ws-more-pdfs">Also for printing: '
            f'<a href="{to_file("pdf/workshop-packet.pdf")}">the workshop packet (PDF)</a> · '
            f'<a href="{to_file("pdf/rebuilding-trust.pdf")}">the whole book (PDF)</a></p>'
        )
    self.body.append("</div>")
    raise nodes.SkipNode


# -- text and the rest ---------------------------------------------------------
def visit_worksheet_text(self, node):
    self.new_state(0)
    self.add_text(render_text(from_data(node["data"])))
    self.end_state()
    raise nodes.SkipNode


class PlainTextWorksheets(SphinxPostTransform):
    """Other builders (man, texinfo, ...) get the worksheet as a text block."""

    default_priority = 10  # after ResolveWorksheetEmbeds

    def run(self):
        if self.app.builder.format in DRAWN_FORMATS:
            return
        for node in list(self.document.findall(worksheet_node)):
            text = render_text(from_data(node["data"]))
            node.replace_self(nodes.literal_block(text, text))


def key_cache_to_kit(app, config):
    if config.nb_execution_cache_path:
        base = Path(config.nb_execution_cache_path)
        config.nb_execution_cache_path = str(base / f"kit-{kit_fingerprint()}")


def write_downloads(app, exception):
    """After an HTML build, write the clean notebooks and their zip.

    Skipped when neither the worksheets nor the kit changed since the last
    export: exporting imports jupytext, most of a no-change rebuild's time.
    """
    if exception is not None or app.builder.format != "html":
        return
    from .downloads import export_if_changed

    try:
        export_if_changed(
            Path(app.srcdir) / app.config.worksheet_folder,
            Path(app.outdir) / "notebooks",
            Path(app.doctreedir) / "worksheet-downloads.stamp",
            app.config.html_baseurl,
        )
    except WorksheetError as error:
        logger.warning(f"notebook downloads: {error}")


def copy_static_files(app):
    # Copied here rather than appended to html_static_path, so the config the
    # environment pickles stays the one conf.py wrote (no "config changed").
    if app.builder.format == "html":
        static = Path(app.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        for name in ("worksheets.css", "worksheets.js"):
            copy_asset_file(KIT_DIR / "static" / name, static, force=True)


def setup(app):
    app.setup_extension("myst_nb")
    app.setup_extension("worksheet_kit.typst")
    app.add_config_value("worksheet_folder", "worksheets", "env")
    app.add_config_value("worksheet_safety_doc", "docs/safety", "env")
    app.add_config_value("worksheet_pdf_links", True, "html")
    app.add_node(
        worksheet_node,
        html=(visit_worksheet_html, None),
        text=(visit_worksheet_text, None),
    )
    app.add_node(worksheet_embed)
    app.add_directive("worksheet", WorksheetDirective)
    app.add_post_transform(ResolveWorksheetEmbeds)
    app.add_post_transform(PlainTextWorksheets)
    app.connect("config-inited", key_cache_to_kit)
    for builder in ("html", "dirhtml", "singlehtml"):
        app.set_translator(builder, AccessibleHTMLTranslator, override=True)
    app.connect("html-page-context", drop_unused_code_styles)
    app.connect("builder-inited", copy_static_files)
    app.connect("build-finished", write_downloads)
    app.connect("env-purge-doc", purge_worksheets)
    app.connect("env-merge-info", merge_worksheets)
    app.add_css_file("worksheets.css")
    app.add_js_file("worksheets.js", loading_method="defer")
    return {
        "version": kit_fingerprint(),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
        "env_version": int(kit_fingerprint(everything=True)[:8], 16),
    }
