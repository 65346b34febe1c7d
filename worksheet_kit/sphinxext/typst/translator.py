"""Doctree -> Typst markup, one visit_/depart_ pair per node the book uses.

Like Sphinx's text writer, the translator appends to ``self.body``; a block
that needs its children as one piece (a list item, a table cell, a link)
collects them with `push` and `pop`. A node without a rendering stops the
build, naming the node class and the document.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.util.docutils import SphinxTranslator

from .blocks import BlockVisitors, is_closing_line
from .errors import TypstError
from .markup import label, string, text
from .tables import TableVisitors
from .worksheets import render_sheet, render_sheet_again

CELL_CONTAINERS = ("cell", "cell_code", "cell_code_output", "cell_code_source")


def printed_address(uri: str) -> str:
    """A web address as a reader types it ("samaritans.org/contact"), or "" for
    anything that is not a web address (a tel: link shows its number)."""
    match = re.match(r"^https?://(?:www\.)?(.*?)/?$", uri)
    return match.group(1) if match else ""


class TypstTranslator(BlockVisitors, TableVisitors, SphinxTranslator):
    """Writes one Typst document from the doctrees the builder hands it."""

    def __init__(self, document, builder, glyphs=None, labels=None, sheets=None, homes=None):
        super().__init__(document, builder)
        self.body: list[str] = []
        self.stack: list[list[str]] = []
        self.docname = ""
        self.section_level = 0
        self.section_labels = ""
        self.base_level = 0  # a document's sections start under this level
        self.glyphs = glyphs  # a GlyphCheck, or None to skip the check
        self.labels = labels if labels is not None else set()
        self.sheets = sheets if sheets is not None else {}  # id -> docname, once printed
        self.homes = homes or {}  # a worksheet's own page -> its id: links go to the sheet
        self.in_table = False

    # -- helpers --------------------------------------------------------------
    def add(self, markup: str) -> None:
        self.body.append(markup)

    def push(self) -> None:
        self.stack.append(self.body)
        self.body = []

    def pop(self) -> str:
        inner = "".join(self.body).strip()
        self.body = self.stack.pop()
        return inner

    def text(self, value: str) -> str:
        if self.glyphs is not None:
            self.glyphs.check(value, self.docname)
        return text(value)

    def astext(self) -> str:
        return "".join(self.body)

    def render(self, docname: str, doctree: nodes.document) -> None:
        """Add one source document's doctree to the output."""
        self.docname = docname
        self.section_level = 0
        doctree.walkabout(self)

    def unknown_visit(self, node: nodes.Node) -> None:
        raise TypstError(
            f"{self.docname}: no Typst rendering for the node {type(node).__module__}."
            f"{type(node).__name__} (line {node.line or '?'}); add visit_{node.tagname} "
            "to worksheet_kit/typst/translator.py"
        )

    def unknown_departure(self, node: nodes.Node) -> None:
        pass

    def skip(self, node: nodes.Node) -> None:
        raise nodes.SkipNode

    def pass_through(self, node: nodes.Node) -> None:
        pass

    def labels_for(self, node: nodes.Element) -> str:
        """Labels for the node's ids that something links to, as invisible anchors."""
        names = [f"{self.docname}#{i}" for i in node.get("ids", ())]
        return "".join(f"#metadata(none)#{label(n)}" for n in names if n in self.labels)

    # -- structure ------------------------------------------------------------
    def visit_document(self, node):
        self.deferred: list[str] = []
        if self.docname in self.labels:
            self.add(f"#metadata(none)#{label(self.docname)}")  # no space after: no stray run

    def depart_document(self, node):
        # A chapter's sheets follow its last line, so no line of prose is
        # stranded on a page between two sheets.
        self.add("\n" + "".join(self.deferred))

    def visit_section(self, node):
        self.section_level += 1
        # anchors go inside the heading: alone, they would be a stray text run
        self.section_labels = self.labels_for(node)

    def depart_section(self, node):
        self.section_level -= 1

    def visit_title(self, node):
        parent = node.parent
        if isinstance(parent, nodes.section):
            self.push()
        elif isinstance(parent, nodes.Admonition):
            self.push()
        elif isinstance(parent, nodes.table):
            self.push()
        elif isinstance(parent, nodes.topic):
            self.push()
        else:
            self.unknown_visit(node)

    def depart_title(self, node):
        inner = self.pop()
        parent = node.parent
        if isinstance(parent, nodes.section):
            level = self.base_level + self.section_level
            if level == 1:  # a chapter starts a page
                self.add("#pagebreak(weak: true)\n")
            anchors, self.section_labels = self.section_labels, ""
            self.add(f"\n#heading(level: {level})[{anchors}{inner}]\n\n")
        elif isinstance(parent, nodes.table):
            self.add(f"#block(sticky: true, par[*{inner}*])\n")
        else:
            self.add(f"#par[*{inner}*]\n")

    def visit_paragraph(self, node):
        self.paragraph_at = (len(self.stack), len(self.body))

    def depart_paragraph(self, node):
        # an explicit paragraph: alone in a block (a note, a quote), text would
        # otherwise be tagged as a loose run, not a paragraph, for screen readers
        depth, start = self.paragraph_at
        if depth == len(self.stack):
            inner = "".join(self.body[start:]).strip()
            del self.body[start:]
            before = getattr(self, "paragraph_before", None)
            if is_closing_line(node) and before and before[0] == depth and before[2] == start:
                # "Next, read …", a chapter's last line, never alone on a page
                start = before[1]
                kept = "".join(self.body[start:]).strip()
                del self.body[start:]
                self.add(f"#block(breakable: false)[{kept}\n\n#par[{inner}]]")
            else:
                self.add(f"#par[{inner}]")
            self.add("\n\n")
            self.paragraph_before = (depth, start, len(self.body))
            return
        self.add("\n\n")

    def visit_Text(self, node):
        self.add(self.text(node.astext()))

    def depart_Text(self, node):
        pass

    def visit_rubric(self, node):
        self.push()

    def depart_rubric(self, node):
        self.add(f"#block(above: 1.3em, below: 0.6em, sticky: true)[*{self.pop()}*]\n\n")

    def visit_transition(self, node):
        self.add("#line(length: 100%, stroke: 0.5pt)\n\n")
        raise nodes.SkipNode

    # containers whose children are the content
    visit_compound = visit_container = visit_inline = pass_through
    depart_compound = depart_container = depart_inline = pass_through

    # nodes with nothing to print
    visit_comment = visit_meta = visit_substitution_definition = skip
    visit_index = visit_toctree = visit_raw_html = skip
    visit_target = pass_through
    depart_target = pass_through

    def visit_raw(self, node):
        if "typst" in node.get("format", "").split():
            self.add(node.astext() + "\n")
        raise nodes.SkipNode

    # -- inline ----------------------------------------------------------------
    def visit_emphasis(self, node):
        self.push()

    def depart_emphasis(self, node):
        self.add(f"#emph[{self.pop()}]")

    def visit_strong(self, node):
        self.push()

    def depart_strong(self, node):
        self.add(f"#strong[{self.pop()}]")

    visit_title_reference = visit_emphasis
    depart_title_reference = depart_emphasis

    def visit_literal(self, node):
        value = node.astext()
        if self.glyphs is not None:
            self.glyphs.check(value, self.docname)
        self.add(f"#raw({string(value)})")
        raise nodes.SkipNode

    def visit_subscript(self, node):
        self.push()

    def depart_subscript(self, node):
        self.add(f"#sub[{self.pop()}]")

    def visit_superscript(self, node):
        self.push()

    def depart_superscript(self, node):
        self.add(f"#super[{self.pop()}]")

    def visit_reference(self, node):
        self.push()

    def depart_reference(self, node):
        inner = self.pop()
        target = self.link_target(node)
        self.add(f"#link({target})[{inner}]" if target else inner)
        address = printed_address(node.get("refuri", ""))
        if address and address != printed_address("https://" + node.astext().strip()):
            # paper cannot follow a link: print where it goes
            self.add(f"#footnote[#par[#link({string(node['refuri'])})[{self.text(address)}]]]")

    def link_target(self, node) -> str | None:
        if "refid" in node:
            name = f"{self.docname}#{node['refid']}"
            return label(name) if name in self.labels else None
        uri = node.get("refuri", "")
        if uri.startswith("%"):  # another document, see TypstBuilder.get_target_uri
            docname, _, anchor = uri[1:].partition("#")
            name = f"{docname}#{anchor}" if anchor else docname
            if docname in self.homes and not anchor:
                name = f"sheet-{self.homes[docname]}"
            return label(name) if name in self.labels else None
        if uri.startswith("#"):
            name = f"{self.docname}{uri}"
            return label(name) if name in self.labels else None
        if re.match(r"^[a-z][a-z0-9+.-]*:", uri):
            return string(uri)
        return None

    # -- worksheets and notebook cells -------------------------------------------------
    def visit_worksheet_node(self, node):
        worksheet = node["worksheet"]
        if self.glyphs is not None:
            self.glyphs.check_worksheet(worksheet, self.docname)
        if worksheet.id in self.sheets:
            # Kept on one page with the paragraph before it: never a page of its own.
            depth, start = getattr(self, "paragraph_at", (-1, 0))
            if depth == len(self.stack):
                before = "".join(self.body[start:]).strip()
                del self.body[start:]
                self.add(
                    f"#block(breakable: false)[{before}\n\n{render_sheet_again(worksheet)}]\n\n"
                )
            else:
                self.add("\n" + render_sheet_again(worksheet) + "\n\n")
        else:
            self.sheets[worksheet.id] = self.docname
            level = max(1, self.base_level + 2)  # under the chapter's title
            self.deferred.append(render_sheet(worksheet, level=level) + "\n\n")
        raise nodes.SkipNode

    def visit_CellNode(self, node):  # MyST-NB, older names
        pass

    depart_CellNode = pass_through
