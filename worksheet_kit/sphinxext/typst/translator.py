"""Doctree -> Typst markup, one visit_/depart_ pair per node the book uses.

Like Sphinx's text writer, the translator appends to ``self.body``; a block
that needs its children as one piece (a list item, a table cell, a link)
collects them with `push` and `pop`. A node without a rendering stops the
build, naming the node class and the document.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.errors import SphinxError
from sphinx.util.docutils import SphinxTranslator

from .markup import label, string, text
from .worksheets import render_sheet, render_sheet_again


class TypstError(SphinxError):
    category = "Typst error"


ADMONITION_TITLES = {
    "attention": "Attention",
    "caution": "Caution",
    "danger": "Danger",
    "error": "Error",
    "hint": "Hint",
    "important": "Important",
    "note": "Note",
    "seealso": "See also",
    "tip": "Tip",
    "warning": "Warning",
}
SHORT_COLUMN = 20  # characters: a column whose longest cell is shorter gets its natural width
CELL_CONTAINERS = ("cell", "cell_code", "cell_code_output", "cell_code_source")


class TypstTranslator(SphinxTranslator):
    """Writes one Typst document from the doctrees the builder hands it."""

    def __init__(self, document, builder, glyphs=None, labels=None, sheets=None, homes=None):
        super().__init__(document, builder)
        self.body: list[str] = []
        self.stack: list[list[str]] = []
        self.docname = ""
        self.section_level = 0
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
            self.add(f"#metadata(none)#{label(self.docname)}\n")

    def depart_document(self, node):
        # A chapter's sheets follow its last line, so no line of prose is
        # stranded on a page between two sheets.
        self.add("\n" + "".join(self.deferred))

    def visit_section(self, node):
        self.section_level += 1
        self.add(self.labels_for(node))

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
            self.add(f"\n#heading(level: {level})[{inner}]\n\n")
        elif isinstance(parent, nodes.table):
            self.add(f"#block(sticky: true)[*{inner}*]\n")
        else:
            self.add(f"*{inner}* \\\n")

    def visit_paragraph(self, node):
        pass

    def depart_paragraph(self, node):
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

    # -- lists -------------------------------------------------------------------
    def visit_bullet_list(self, node):
        self.add("#list(\n")

    def depart_bullet_list(self, node):
        self.add(")\n\n")

    def visit_enumerated_list(self, node):
        start = node.get("start", 1)
        self.add(f"#enum(start: {int(start)},\n")

    depart_enumerated_list = depart_bullet_list

    def visit_list_item(self, node):
        self.push()

    def depart_list_item(self, node):
        self.add(f"[{self.pop()}],\n")

    def visit_definition_list(self, node):
        pass

    def depart_definition_list(self, node):
        self.add("\n")

    def visit_definition_list_item(self, node):
        pass

    def depart_definition_list_item(self, node):
        pass

    def visit_term(self, node):
        self.push()

    def depart_term(self, node):
        self.add(f"#block(below: 0.4em, sticky: true)[*{self.pop()}*]\n")

    def visit_definition(self, node):
        self.push()

    def depart_definition(self, node):
        self.add(f"#pad(left: 1.2em)[{self.pop()}]\n\n")

    # -- blocks --------------------------------------------------------------------
    def visit_block_quote(self, node):
        self.push()

    def depart_block_quote(self, node):
        inner = self.pop()
        self.add(
            "#block(inset: (left: 10pt, y: 2pt), stroke: (left: 2pt + brand))"
            f'[#set text(style: "italic")\n{inner}]\n\n'
        )

    def visit_attribution(self, node):
        self.push()

    def depart_attribution(self, node):
        self.add(f"#align(end)[— {self.pop()}]\n")

    def visit_Admonition(self, node):
        self.push()
        if not isinstance(node, nodes.admonition):  # a typed one: its name is its title
            self.add(f"*{ADMONITION_TITLES.get(node.tagname, node.tagname.title())}* \\\n")

    def depart_Admonition(self, node):
        inner = self.pop()
        self.add(
            "#block(width: 100%, inset: 8pt, radius: 2pt, stroke: 0.8pt + brand, "
            f'fill: rgb("#f3f7f6"), breakable: false)[{inner}]\n\n'
        )

    def visit_topic(self, node):
        self.push()

    depart_topic = depart_Admonition

    def visit_literal_block(self, node):
        value = node.astext()
        if self.glyphs is not None:
            self.glyphs.check(value, self.docname)
        self.add(
            f"#block(width: 100%, inset: 6pt, stroke: 0.5pt + ink)"
            f"[#raw({string(value)}, block: true)]\n\n"
        )
        raise nodes.SkipNode

    def visit_line_block(self, node):
        self.push()

    def depart_line_block(self, node):
        self.add(f"#block[{self.pop()}]\n\n")

    def visit_line(self, node):
        pass

    def depart_line(self, node):
        self.add(" \\\n")

    def visit_image(self, node):
        uri = node["uri"]
        alt = node.get("alt", "")
        if not alt:
            raise TypstError(f"{self.docname}: the image {uri} has no alt text")
        self.add(f"#image({string('/' + uri)}, alt: {string(alt)}, width: 80%)\n\n")
        raise nodes.SkipNode

    # -- tables ----------------------------------------------------------------------
    def visit_table(self, node):
        self.table_columns: list[list[str]] = []
        self.push()

    def depart_table(self, node):
        inner = self.pop()
        widths = self.column_widths(self.table_columns)
        table = f"#table(columns: ({', '.join(widths)},),\n{inner})\n\n"
        if len(widths) > 4:
            table = f"#page(flipped: true)[\n{table}]\n"
        self.add(table)

    def column_widths(self, columns: list[list[str]]) -> list[str]:
        widths = []
        for cells in columns:
            longest = max((len(c) for c in cells), default=0)
            total = sum(len(c) for c in cells) or 1
            widths.append("auto" if longest <= SHORT_COLUMN else f"{total // len(cells) + 1}fr")
        return widths

    def visit_tgroup(self, node):
        self.table_columns = [[] for _ in range(node["cols"])]

    def depart_tgroup(self, node):
        pass

    def visit_colspec(self, node):
        raise nodes.SkipNode

    def visit_thead(self, node):
        self.push()
        self.in_head = True

    def depart_thead(self, node):
        self.in_head = False
        self.add(f"table.header(\n{self.pop()}),\n")

    def visit_tbody(self, node):
        pass

    def depart_tbody(self, node):
        pass

    def visit_row(self, node):
        self.column = 0

    def depart_row(self, node):
        pass

    def visit_entry(self, node):
        if node.get("morecols") or node.get("morerows"):
            raise TypstError(f"{self.docname}: spanning table cells are not supported")
        self.table_columns[self.column].append(node.astext())
        self.column += 1
        self.push()

    def depart_entry(self, node):
        inner = self.pop()
        if getattr(self, "in_head", False):
            inner = f"*{inner}*"
        self.add(f"  [{inner}],\n")

    # -- worksheets and notebook cells -------------------------------------------------
    def visit_worksheet_node(self, node):
        worksheet = node["worksheet"]
        if self.glyphs is not None:
            self.glyphs.check_worksheet(worksheet, self.docname)
        if worksheet.id in self.sheets:
            self.add("\n" + render_sheet_again(worksheet) + "\n\n")
        else:
            self.sheets[worksheet.id] = self.docname
            level = max(1, self.base_level + 2)  # under the chapter's title
            self.deferred.append(render_sheet(worksheet, level=level) + "\n\n")
        raise nodes.SkipNode

    def visit_CellNode(self, node):  # MyST-NB, older names
        pass

    depart_CellNode = pass_through
