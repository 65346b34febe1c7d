"""Cycle: the parts of a loop, drawn clockwise, the last leading back to the first.

    Cycle(id=..., stages=[("i-feel", "When I feel ..."), ("i-do", "I do ..."),
                          ("you-feel", "Then you feel ..."), ("you-do", "You do ...")],
          centre="What we both want underneath:")

Each stage and the optional centre is a box to write in; the centre's key
is always ``centre``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import checks, keys
from ..words import _, n_forms
from ..worksheet import Worksheet, numbered_fields, short


@dataclass(frozen=True, kw_only=True)
class Cycle(Worksheet):
    stages: tuple[keys.Part, ...] = ()
    centre: str = ""

    kind = "cycle"

    def validate_kind(self, fail):
        object.__setattr__(self, "stages", keys.parts(fail, "stages", self.stages))
        checks.texts(fail, "stages", self.stages, checks.MAX_TITLE, 6, fewest=3)
        checks.text(fail, "centre", self.centre, checks.MAX_TITLE, required=False)

    def keyed(self):
        centre = (keys.Part("centre", self.centre),) if self.centre else ()
        return {"stages": self.stages, "centre": centre}

    def own_fields(self):
        fields = numbered_fields("stages", self.stages, "text")
        if self.centre:
            fields.append(
                {"name": "centre", "path": ["centre"], "type": "text", "label": self.centre}
            )
        return fields

    def summary_spec(self):
        return {
            "style": "written",
            "part": "stages",
            "verb": "filled",
            "noun": ["part of the loop", "parts of the loop"],
            "counted": n_forms(
                "You filled {n} of {total} part of the loop.",
                "You filled {n} of {total} parts of the loop.",
            ),
            "measure": _("number of parts of the loop filled"),
            "point": "{label} {text}",
        }

    def template_lines(self):
        lines = ['    "stages": {  # ' + _("your words for each part of the loop")]
        lines += [f'        "{t.key}": "",  # {short(t)}' for t in self.stages]
        lines.append("    },")
        if self.centre:
            lines.append(f'    "centre": "",  # {short(self.centre)}')
        return lines
