"""Worksheets in HTML pages: the form, its buttons, and the kit's assets.

On its own page a worksheet links its notebook and PDFs. Embedded in a
chapter it folds into one line (a ``<details>`` the reader opens, so a
chapter with five sheets stays short on a phone, and answers kept in the
browser stay out of sight until then) and also links its own page.
Element ids are keyed to the page the worksheet is embedded in, so
singlehtml never repeats an id.
"""

from __future__ import annotations

import json
import shutil
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.util.osutil import relative_uri

from ..core.editions_v1 import TABLE as V1_TABLE
from ..core.html import minutes, render_html
from ..core.words import _
from .form_script import form_script, later_script
from .typst.talk import has_talk_sheet, talk_id
from .words import translations

STATIC = Path(__file__).parent / "static"


def visit_worksheet_html(self, node):
    worksheet = node["worksheet"]
    config = self.builder.config
    docname = self.builder.current_docname
    page_uri = self.builder.get_target_uri(docname)

    def to_file(path):
        return relative_uri(page_uri, path)

    links = {"safety": self.builder.get_relative_uri(docname, config.worksheet_safety_doc)}
    css = "ws-block ws-home" if node["home"] else "ws-block"
    notebook = to_file(f"notebooks/{worksheet.id}.ipynb")
    self.body.append(f'<div class="{css}" data-notebook="{notebook}">')
    label = escape(_("Worksheet:"))
    if not node["home"]:
        self.body.append(
            '<details class="ws-embed"><summary class="ws-embed-summary">'
            f'<span class="ws-embed-label">{label}</span> '
            f"{escape(worksheet.title)} "
            f'<span class="ws-embed-time">({escape(minutes(worksheet.minutes))})</span></summary>'
        )
    self.body.append(render_html(worksheet, prefix=node["docname"], links=links))
    blank = escape(_("Download blank notebook (.ipynb)"))
    actions = [
        f'<a class="ws-button" href="{notebook}" download="{worksheet.id}.ipynb">{blank}</a>'
    ]
    if config.worksheet_pdf_links:
        printable = escape(_("Printable worksheet (PDF)"))
        actions.append(
            f'<a class="ws-button" href="{to_file(f"pdf/{worksheet.id}.pdf")}">{printable}</a>'
        )
    if not node["home"]:
        page = self.builder.get_relative_uri(docname, node["page"])
        own = escape(_("Open on its own page"))
        actions.append(f'<a class="ws-button" href="{page}">{own}</a>')
    self.body.append(f'<p class="ws-actions">{" ".join(actions)}</p>')
    if config.worksheet_pdf_links:
        more = [
            (f"pdf/{worksheet.id}-letter.pdf", _("this sheet on US Letter")),
            ("pdf/participant-packet.pdf", _("Participant packet: all sessions (PDF)")),
            ("pdf/rebuilding-trust.pdf", _("the whole book (PDF)")),
        ]
        links = [f'<a href="{to_file(path)}">{escape(words)}</a>' for path, words in more]
        also = escape(_("Also for printing:"))
        self.body.append(
            f'<p class="ws-more-pdfs">{also} {links[0]} · '
            f"{talk_link(worksheet, to_file)}{links[1]} · {links[2]}</p>"
        )
    self.body.append("</div>" if node["home"] else "</details></div>")
    raise nodes.SkipNode


def talk_link(worksheet, to_file) -> str:
    """The "talk it through" page of a sheet two partners compare, or nothing."""
    if not has_talk_sheet(worksheet):
        return ""
    href = to_file(f"pdf/{talk_id(worksheet)}.pdf")
    words = escape(_("both your answers side by side, on paper (PDF)"))
    return f'<a href="{href}">{words}</a> · '


def copy_static_files(app):
    """The form's script and styles, minified (the sources stay readable).

    Written here rather than added to html_static_path, so the config the
    environment pickles stays the one conf.py wrote (no "config changed").
    """
    if app.builder.format != "html":
        return
    import rcssmin

    target = Path(app.outdir) / "_static"
    target.mkdir(parents=True, exist_ok=True)
    words = translations(app, "kit")  # the build's language: the script's t()/tn() words
    sources = {
        "worksheets.css": (STATIC / "worksheets.css").read_text(encoding="utf-8"),
        # what worksheets-later.js draws, loaded with it (never on a first visit)
        "worksheets-later.css": (STATIC / "worksheets-later.css").read_text(encoding="utf-8"),
        "worksheets.js": form_script(words),
        # the answers file's format, for other tools (docs/your-answers.md)
        "answers-v2.schema.json": (STATIC / "answers-v2.schema.json").read_text(encoding="utf-8"),
        # schema 1's frozen table, fetched only to read answers of the first site
        "editions-v1.json": json.dumps(V1_TABLE, ensure_ascii=False, separators=(",", ":")),
        "worksheets-later.js": later_script(words),
    }
    for name, source in sources.items():
        minify = {".css": rcssmin.cssmin, ".js": minified_script}.get(Path(name).suffix, str)
        text = minify(source)
        if not (target / name).is_file() or (target / name).read_text(encoding="utf-8") != text:
            (target / name).write_text(text, encoding="utf-8")


def minified_script(source: str) -> str:
    """A script with its local names shortened, by tdewolff/minify (a Go
    minifier in a pip wheel): 40 KB where whitespace-only minifying left
    56, on a chapter page's budget of 160 KB. Property names, strings and
    globals stay as written."""
    import minify

    return minify.string("application/javascript", source)


def drop_executed_notebooks(app, exception):
    """MyST-NB leaves each executed notebook in the site (``jupyter_execute/``),
    build-only cells and sample answers included. Readers get the clean
    downloads in ``notebooks/`` instead, so those copies are not published."""
    if exception is None and app.builder.format == "html":
        shutil.rmtree(Path(app.outdir) / "jupyter_execute", ignore_errors=True)
