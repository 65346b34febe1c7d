"""Write-in prompts: a few open questions, each with room to write.

    Prompts(id=..., prompts=["What happened, as I lived it:", ...], lines=5)

``lines`` is the number of ruled lines per prompt on paper, and the height
of each text box on the web.
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

    kind = "prompts"

    def validate_kind(self, fail):
        checks.texts(fail, "prompts", self.prompts, checks.MAX_ITEM, MAX_PROMPTS)
        checks.whole(fail, "lines", self.lines, 2, 12)

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
