"""Write-in prompts: a few open questions, each with room to write.

    Prompts(id=..., prompts=[("what-happened", "What happened, as I lived it:"), ...],
            lines=5, pages=2)

``lines`` is the number of ruled lines per prompt on paper, and the height
of each text box on the web. ``pages`` is how many printed pages the sheet
may take (default 1): a letter needs room, so it may say so; a sheet that
runs past its pages fails the PDF build.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import checks, keys
from ..words import _, n_forms
from ..worksheet import Worksheet, numbered_fields, short

MAX_PROMPTS = 12


@dataclass(frozen=True, kw_only=True)
class Prompts(Worksheet):
    prompts: tuple[keys.Part, ...] = ()
    lines: int = 4
    pages: int = 1

    kind = "prompts"

    def validate_kind(self, fail):
        object.__setattr__(self, "prompts", keys.parts(fail, "prompts", self.prompts))
        checks.texts(fail, "prompts", self.prompts, checks.MAX_ITEM, MAX_PROMPTS)
        checks.whole(fail, "lines", self.lines, 2, 12)
        checks.whole(fail, "pages", self.pages, 1, 4)

    @property
    def print_pages(self) -> int:
        return self.pages

    def keyed(self):
        return {"prompts": self.prompts}

    def own_fields(self):
        return numbered_fields("prompts", self.prompts, "text")

    def summary_spec(self):
        return {
            "style": "written",
            "part": "prompts",
            "verb": "answered",
            "noun": ["prompt", "prompts"],
            "counted": n_forms(
                "You answered {n} of {total} prompt.", "You answered {n} of {total} prompts."
            ),
            "measure": _("number of prompts answered"),
            "point": "{label}\n{text}",
        }

    def template_lines(self):
        lines = ['    "prompts": {  # ' + _("your words for each prompt, between the quotes")]
        lines += [f'        "{t.key}": "",  # {short(t)}' for t in self.prompts]
        return [*lines, "    },"]
