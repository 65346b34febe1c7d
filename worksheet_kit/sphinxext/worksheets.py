"""Worksheets in the Sphinx build: the node, the registry, the embed
directive, the MyST-NB MIME plugin and the plain renderings.

A worksheet notebook displays a worksheet object; MyST-NB hands its MIME
bundle to `WorksheetMimeRenderer` (entry point ``myst_nb.mime_renderers``),
which checks it once, notes it in the `WorksheetDomain` and returns a
`worksheet_node` carrying the checked object. A chapter embeds a worksheet
by id::

    ```{worksheet} signs-of-erosion
    ```

After reading, `ResolveWorksheetEmbeds` swaps each embed for the worksheet
(or warns when no notebook defines that id). Each builder then draws the
node: HTML (``html_output.py``), Typst (``typst/``), plain text here, and a
text block for every other builder.
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..core.display import MIME_TYPE
from ..core.errors import WorksheetError
from ..core.kinds import from_data
from ..core.text import render_text
from ..core.translation import messages
from .execution import failures_of

logger = logging.getLogger(__name__)
DRAWN_FORMATS = ("html", "text", "typst")  # builders with a visitor of their own


class worksheet_node(nodes.General, nodes.Element, addnodes.translatable):
    """A worksheet: ``node["worksheet"]`` is the checked object; ``home`` is
    True on the worksheet's own page, where ``page`` is its docname.

    Its one child is the worksheet as plain text, which no builder draws
    (each visitor skips it) but the search index reads: a form's words,
    such as a crisis line's number, are found by search.

    On its own page it is translatable: Sphinx's gettext builder collects
    the sheet's words into the page's catalog, and a translated build
    draws the sheet in their translation (``translation.py``)."""

    def preserve_original_messages(self) -> None:
        self.setdefault("original", self["worksheet"])

    def extract_original_messages(self) -> list[str]:
        return messages(self.get("original", self["worksheet"])) if self.get("home") else []

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        self.setdefault("translations", {})[original_message] = translated_message


def make_worksheet_node(worksheet, **attributes) -> worksheet_node:
    node = worksheet_node(worksheet=worksheet, **attributes)
    node += search_text(worksheet)
    return node


def search_text(worksheet) -> nodes.paragraph:
    """The sheet's words for the search index (the sheet itself is translated
    as one node, not paragraph by paragraph)."""
    return nodes.paragraph("", render_text(worksheet), translatable=False)


class worksheet_embed(nodes.General, nodes.Element):
    """A chapter's placeholder, replaced by the worksheet after reading."""


class WorksheetDomain(Domain):
    """Which page defines each worksheet: id -> (docname, worksheet)."""

    name = "worksheet"
    label = "Worksheets"
    initial_data = {"worksheets": {}, "failures": {}}  # failures: docname -> one line

    @property
    def worksheets(self) -> dict:
        return self.data["worksheets"]

    def note(self, worksheet, docname: str) -> None:
        known = self.worksheets.get(worksheet.id)
        if known and known[0] != docname:
            logger.warning(
                f"worksheet id {worksheet.id!r} is defined in {docname} and in {known[0]}",
                location=docname,
            )
        if docname.rsplit("/", 1)[-1] != worksheet.id:
            logger.warning(
                f"worksheet {worksheet.id!r} lives in {docname}; name the file "
                f"{worksheet.id} so its download and links match",
                location=docname,
            )
        self.worksheets[worksheet.id] = (docname, worksheet)

    def clear_doc(self, docname: str) -> None:
        for key in [k for k, (doc, _) in self.worksheets.items() if doc == docname]:
            del self.worksheets[key]
        self.data.setdefault("failures", {}).pop(docname, None)

    def merge_domaindata(self, docnames, otherdata) -> None:
        for key, (doc, worksheet) in otherdata["worksheets"].items():
            if doc in docnames:
                self.worksheets[key] = (doc, worksheet)
        for doc, line in otherdata.get("failures", {}).items():
            if doc in docnames:
                self.data.setdefault("failures", {})[doc] = line

    def resolve_any_xref(self, *args):
        return []


class WorksheetMimeRenderer:
    """MyST-NB MIME render plugin for the kit's own worksheet type."""

    mime_priority_overrides = [("*", MIME_TYPE, 0)]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != MIME_TYPE or inline:
            return None
        content = data.content
        try:
            worksheet = from_data(json.loads(content) if isinstance(content, str) else content)
        except WorksheetError as error:
            renderer.logger.warning(f"bad worksheet output: {error}", subtype="worksheet")
            return []
        env = renderer.renderer.sphinx_env
        docname = env.docname if env is not None else ""
        if env is not None:
            env.get_domain("worksheet").note(worksheet, docname)
        return [make_worksheet_node(worksheet, home=True, page=docname, docname=docname)]


class WorksheetDirective(SphinxDirective):
    """Embed the worksheet defined in ``<worksheet_folder>/<id>.md`` in this page."""

    required_arguments = 1
    has_content = False

    def run(self):
        worksheet_id = self.arguments[0]
        self.env.note_dependency(
            f"{self.env.srcdir}/{self.config.worksheet_folder}/{worksheet_id}.md"
        )
        for catalog in sheet_catalogs(self.env, worksheet_id):  # its words in this language
            self.env.note_dependency(str(catalog))
        node = worksheet_embed(worksheet_id=worksheet_id, docname=self.env.docname)
        self.set_source_info(node)
        return [node]


def sheet_catalogs(env, worksheet_id: str) -> list[Path]:
    """The catalogs that hold a sheet's words in the build's language."""
    if not env.config.language or env.config.language == "en":
        return []
    name = f"{env.config.worksheet_folder}/{worksheet_id}.po"
    found = [
        Path(env.srcdir, folder, env.config.language, "LC_MESSAGES", name)
        for folder in env.config.locale_dirs
    ]
    return [path for path in found if path.is_file()]


class ResolveWorksheetEmbeds(SphinxPostTransform):
    default_priority = 5

    def run(self):
        registry = self.env.get_domain("worksheet").worksheets
        for embed in list(self.document.findall(worksheet_embed)):
            found = registry.get(embed["worksheet_id"])
            if found is None:
                logger.warning(
                    f"no worksheet notebook defines {embed['worksheet_id']!r}", location=embed
                )
                embed.replace_self([])
                continue
            page, worksheet = found
            embed.replace_self(
                make_worksheet_node(
                    worksheet,
                    home=False,
                    page=page,
                    docname=embed["docname"],
                )
            )


class PlainTextWorksheets(SphinxPostTransform):
    """Builders without a visitor (latex, man, texinfo...) get a text block."""

    default_priority = 10  # after ResolveWorksheetEmbeds

    def run(self):
        if self.app.builder.format in DRAWN_FORMATS or self.app.builder.name == "gettext":
            return  # drawn by a visitor, or its words go to a catalog
        for node in list(self.document.findall(worksheet_node)):
            text = render_text(node["worksheet"])
            node.replace_self(nodes.literal_block(text, text))


def check_worksheet_pages(app, doctree):
    """A notebook in the worksheet folder must display exactly one worksheet."""
    docname = app.env.docname
    failed = docname in app.env.get_domain("worksheet").data.get("failures", {})
    if failed or not docname.startswith(f"{app.config.worksheet_folder}/"):
        return  # a notebook that failed is reported as such
    if not app.env.tocs[docname].children:  # what makes every sidebar warn
        message = (
            f"{app.env.doc2path(docname)}: is empty or has no '# Title' first "
            "(a worksheet's shape: worksheets/README.md)"
        )
        failures_of(app.env)[docname] = message  # listed at the end, read again next build
        stand_in_title(app.env, docname)
        logger.warning(message, type="worksheet", subtype="failed")
        return
    shown = [n for n in doctree.findall(worksheet_node) if n.get("home")]
    if len(shown) != 1:
        logger.warning(
            f"{app.env.doc2path(docname)}: displays {len(shown)} worksheets; its cell tagged "
            "'worksheet' must end with `worksheet` so the page shows one form",
            location=docname,
        )


def stand_in_title(env, docname: str) -> None:
    """A page without a title gets its docname as one, so each page's sidebar
    does not warn about it again (once per page: 37 times in the book)."""
    title = nodes.title("", docname)
    env.titles[docname] = env.longtitles[docname] = title
    link = nodes.reference("", docname, internal=True, refuri=docname, anchorname="")
    entry = nodes.list_item("", addnodes.compact_paragraph("", "", link))
    env.tocs[docname] = nodes.bullet_list("", entry)


def visit_worksheet_text(self, node):
    self.new_state(0)
    self.add_text(render_text(node["worksheet"]))
    self.end_state()
    raise nodes.SkipNode
