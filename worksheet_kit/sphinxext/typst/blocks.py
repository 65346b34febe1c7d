"""Lists and blocks (quotes, admonitions, code, line blocks, images) for the
Typst translator; mixed into `TypstTranslator`. `is_closing_line` tells the
translator which paragraph stays on a page with the one before it."""

from __future__ import annotations

from docutils import nodes
from sphinx.locale import admonitionlabels  # Sphinx's own words, in the build's language

from .errors import TypstError
from .markup import string, text

CLOSING_LINE = 120  # characters: a short last paragraph, such as "Next, read the Conclusion."


def is_closing_line(node) -> bool:
    """A section's short last paragraph, which the paragraph before it keeps company."""
    parent = node.parent
    return (
        isinstance(parent, nodes.section)
        and parent.children[-1] is node
        and len(node.astext()) <= CLOSING_LINE
        and isinstance(node.previous_sibling(), nodes.paragraph)
    )


class BlockVisitors:
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
        self.add(f"#block(below: 0.4em, sticky: true, par[*{self.pop()}*])\n")

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
        self.add(f"#align(end, par[— {self.pop()}])\n")

    def visit_Admonition(self, node):
        self.push()
        if not isinstance(node, nodes.admonition):  # a typed one: its name is its title
            title = str(admonitionlabels.get(node.tagname, node.tagname.title()))
            self.add(f"#par[*{text(title)}*]\n")

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
        self.add(f"#block(par[{self.pop()}])\n\n")

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
