"""Reflection table: write in a table of named columns and blank rows.

    ReflectionTable(id=..., columns=["Situation", "Thought", "Feeling"], rows=4,
                    example=["A late text", "They are hiding something", "Scared"])

Over four columns prints on a landscape page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .. import checks
from ..worksheet import Worksheet

MAX_ROWS = 12


@dataclass(frozen=True, kw_only=True)
class ReflectionTable(Worksheet):
    columns: tuple[str, ...] = ()
    rows: int = 3
    example: tuple[str, ...] = ()

    kind = "reflection-table"

    def validate_kind(self, fail):
        if not self.columns:
            fail("columns", "are missing: a table needs at least one column")
        checks.texts(fail, "columns", self.columns, checks.MAX_TITLE, 8)
        checks.whole(fail, "rows", self.rows, 1, MAX_ROWS)
        example = checks.sequence(fail, "example", self.example)
        if example and len(example) != len(self.columns):
            fail("example", f"has {len(example)} cells for {len(self.columns)} columns")
        for column, cell in zip(self.columns, example, strict=False):
            checks.text(fail, f"example {column!r}", cell, checks.MAX_ITEM, required=False)

    def answer_shape(self):
        return {"columns": list(self.columns), "rows": self.rows}

    def own_fields(self):
        return [
            {
                "name": f"row-{r}-col-{c}",
                "path": ["rows", r - 1, column],
                "type": "text",
                "label": f"Row {r}: {column}",
            }
            for r in range(1, self.rows + 1)
            for c, column in enumerate(self.columns, start=1)
        ]

    def summary_spec(self):
        return {"style": "rows", "part": "rows", "verb": "filled", "noun": ["row", "rows"]}

    def template_lines(self):
        lines = ['    "rows": [  # one block per row; leave a cell "" to skip it']
        for _ in range(self.rows):
            lines.append("        {")
            lines += [f'            {json.dumps(column)}: "",' for column in self.columns]
            lines.append("        },")
        return [*lines, "    ],"]
