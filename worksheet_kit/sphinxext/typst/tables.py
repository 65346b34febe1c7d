"""Tables for the Typst translator; mixed into `TypstTranslator`.

Short columns get their natural width, so a "Min" column never wraps.
"""

from __future__ import annotations

from docutils import nodes

from .errors import TypstError

SHORT_COLUMN = 20  # characters: a column whose longest cell is shorter gets its natural width


class TableVisitors:
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
