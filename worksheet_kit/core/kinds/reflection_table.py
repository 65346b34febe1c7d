"""Reflection table: write in a table of named columns and blank rows.

    ReflectionTable(id=..., columns=[("situation", "Situation"), ("thought", "Thought"),
                                     ("feeling", "Feeling")], rows=4,
                    example=["A late text", "They are hiding something", "Scared"])

Answers are a list of rows, each a dict by column key.

Over four columns prints on a landscape page.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import checks, keys
from ..words import _, n_forms
from ..worksheet import Worksheet, short

MAX_ROWS = 12


@dataclass(frozen=True, kw_only=True)
class ReflectionTable(Worksheet):
    columns: tuple[keys.Part, ...] = ()
    rows: int = 3
    example: tuple[str, ...] = ()

    kind = "reflection-table"

    def validate_kind(self, fail):
        if not self.columns:
            fail("columns", "are missing: a table needs at least one column")
        object.__setattr__(self, "columns", keys.parts(fail, "columns", self.columns))
        checks.texts(fail, "columns", self.columns, checks.MAX_TITLE, 8)
        checks.whole(fail, "rows", self.rows, 1, MAX_ROWS)
        example = checks.sequence(fail, "example", self.example)
        if example and len(example) != len(self.columns):
            fail("example", f"has {len(example)} cells for {len(self.columns)} columns")
        for column, cell in zip(self.columns, example, strict=False):
            checks.text(fail, f"example {column!r}", cell, checks.MAX_ITEM, required=False)

    def keyed(self):
        return {"columns": self.columns}

    def own_fields(self):
        return [
            {
                "name": keys.field_name(["rows", r - 1, column.key]),
                "path": ["rows", r - 1, column.key],
                "type": "text",
                "label": _("Row {row}: {column}").format(row=r, column=column),
            }
            for r in range(1, self.rows + 1)
            for column in self.columns
        ]

    def summary_spec(self):
        return {
            "style": "rows",
            "part": "rows",
            "verb": "filled",
            "noun": ["row", "rows"],
            "counted": n_forms("You filled {n} row.", "You filled {n} rows."),
            "measure": _("number of rows filled"),
            "columns": {column.key: str(column) for column in self.columns},
        }

    def template_lines(self):
        lines = ['    "rows": [  # ' + _('one block per row; leave a cell "" to skip it')]
        for _row in range(self.rows):
            lines.append("        {")
            lines += [f'            "{c.key}": "",  # {short(c)}' for c in self.columns]
            lines.append("        },")
        return [*lines, "    ],"]
