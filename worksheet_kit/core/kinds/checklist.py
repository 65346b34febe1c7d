"""Checklist: tick the sentences that are true for you.

Checklist(id=..., items=[("calm", "I feel calm when ..."), ...],
          if_marked="If you ticked any sentence, ...")
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import checks, keys
from ..words import _, n_forms
from ..worksheet import Worksheet, numbered_fields, short


@dataclass(frozen=True, kw_only=True)
class Checklist(Worksheet):
    items: tuple[keys.Part, ...] = ()
    if_marked: str = ""  # shown when anything is ticked; write it as a condition

    kind = "checklist"

    def validate_kind(self, fail):
        object.__setattr__(self, "items", keys.parts(fail, "items", self.items))
        checks.texts(fail, "items", self.items, checks.MAX_ITEM, checks.MAX_ITEMS)
        checks.text(fail, "if_marked", self.if_marked, checks.MAX_TEXT, required=False)

    def keyed(self):
        return {"items": self.items}

    def own_fields(self):
        return numbered_fields("items", self.items, "bool")

    def summary_spec(self):
        return {
            "style": "ticked",
            "part": "items",
            "verb": "marked",
            "noun": ["item", "items"],
            "note": self.if_marked,
            "counted": n_forms(
                "You marked {n} of {total} item.", "You marked {n} of {total} items."
            ),
            "measure": _("number of items marked"),
        }

    def template_lines(self):
        lines = ['    "items": {  # ' + _("True or False for each item")]
        lines += [f'        "{t.key}": False,  # {short(t)}' for t in self.items]
        return [*lines, "    },"]
