"""Cycle: the parts of a loop, drawn clockwise, the last leading back to the first.

    Cycle(id=..., stages=["When I feel ...", "I do ...", "Then you feel ...",
                          "You do ..."],
          centre="What we both want underneath:")

Each stage and the optional centre is a box to write in.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import checks
from ..worksheet import Worksheet, short


@dataclass(frozen=True, kw_only=True)
class Cycle(Worksheet):
    stages: tuple[str, ...] = ()
    centre: str = ""

    kind = "cycle"

    def validate_kind(self, fail):
        checks.texts(fail, "stages", self.stages, checks.MAX_TITLE, 6, fewest=3)
        checks.text(fail, "centre", self.centre, checks.MAX_TITLE, required=False)

    def answer_shape(self):
        return {"stages": list(self.stages), "centre": self.centre}

    def own_fields(self):
        fields = [
            {"name": f"stage-{n}", "path": ["stages", str(n)], "type": "text", "label": text}
            for n, text in enumerate(self.stages, start=1)
        ]
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
            "point": "{label} {text}",
        }

    def template_lines(self):
        lines = ['    "stages": {  # your words for each part of the loop']
        lines += [f'        {n}: "",  # {short(t)}' for n, t in enumerate(self.stages, start=1)]
        lines.append("    },")
        if self.centre:
            lines.append(f'    "centre": "",  # {short(self.centre)}')
        return lines
