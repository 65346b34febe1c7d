"""Write-in prompts: a few open questions, each with room to write.

    Prompts(id=..., prompts=["What happened, as I lived it:", ...], lines=5, pages=2)

``lines`` is the number of ruled lines per prompt on paper, and the height
of each text box on the web. ``pages`` is how many printed pages the sheet
may take (default 1): a letter needs room, so it may say so; a sheet that
runs past its pages fails the PDF build.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import checks
from ..worksheet import Worksheet, short

MAX_PROMPTS = 12


@dataclass(frozen=True, kw_only=True)
class Prompts(Worksheet):
    prompts: tuple[str, ...] = ()
    lines: int = 4
    pages: int = 1

    kind = "prompts"

    def validate_kind(self, fail):
        checks.texts(fail, "prompts", self.prompts, checks.MAX_ITEM, MAX_PROMPTS)
        checks.whole(fail, "lines", self.lines, 2, 12)
        checks.whole(fail, "pages", self.pages, 1, 4)

    @property
    def print_pages(self) -> int:
        return self.pages

    def answer_shape(self):
        return {"prompts": list(self.prompts)}

    def own_fields(self):
        return [
            {"name": f"prompt-{n}", "path": ["prompts", str(n)], "type": "text", "label": text}
            for n, text in enumerate(self.prompts, start=1)
        ]

    def summary_spec(self):
        return {
            "style": "written",
            "part": "prompts",
            "verb": "answered",
            "noun": ["prompt", "prompts"],
            "point": "{label}\n{text}",
        }

    def template_lines(self):
        lines = ['    "prompts": {  # your words for each prompt, between the quotes']
        lines += [f'        {n}: "",  # {short(t)}' for n, t in enumerate(self.prompts, start=1)]
        return [*lines, "    },"]
