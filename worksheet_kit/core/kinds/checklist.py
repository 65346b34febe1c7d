"""Checklist: tick the sentences that are true for you.

Checklist(id=..., items=["I feel calm when ...", ...],
          if_marked="If you ticked any sentence, ...")
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import checks
from ..worksheet import Worksheet, short


@dataclass(frozen=True, kw_only=True)
class Checklist(Worksheet):
    items: tuple[str, ...] = ()
    if_marked: str = ""  # shown when anything is ticked; write it as a condition

    kind = "checklist"

    def validate_kind(self, fail):
        checks.texts(fail, "items", self.items, checks.MAX_ITEM, checks.MAX_ITEMS)
        checks.text(fail, "if_marked", self.if_marked, checks.MAX_TEXT, required=False)

    def answer_shape(self):
        return {"items": list(self.items)}

    def own_fields(self):
        return [
            {"name": f"item-{n}", "path": ["items", str(n)], "type": "bool", "label": text}
            for n, text in enumerate(self.items, start=1)
        ]

    def summary_spec(self):
        return {
            "style": "ticked",
            "part": "items",
            "verb": "marked",
            "noun": ["item", "items"],
            "note": self.if_marked,
        }

    def template_lines(self):
        lines = ['    "items": {  # True or False for each item']
        lines += [f"        {n}: False,  # {short(t)}" for n, t in enumerate(self.items, start=1)]
        return [*lines, "    },"]
