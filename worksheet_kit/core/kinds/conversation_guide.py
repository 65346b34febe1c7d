"""Conversation guide: numbered turns, who speaks and a prompt, and a pause rule.

ConversationGuide(id=..., steps=[("Speaker", "Say what hurt."), ...],
                  pause_rule="Take 20 minutes when either of you feels flooded.")
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import checks
from ..worksheet import Worksheet, short


@dataclass(frozen=True)
class Step:
    """One turn of a conversation guide: who speaks and what they say."""

    who: str
    prompt: str


@dataclass(frozen=True, kw_only=True)
class ConversationGuide(Worksheet):
    steps: tuple[Step, ...] = ()
    pause_rule: str = ""

    kind = "conversation-guide"

    def __post_init__(self):
        if isinstance(self.steps, (list, tuple)):
            steps = tuple(
                Step(**s)
                if isinstance(s, dict)
                else Step(*s)
                if isinstance(s, (list, tuple)) and len(s) == 2
                else s
                for s in self.steps
            )
            object.__setattr__(self, "steps", steps)
        super().__post_init__()

    def validate_kind(self, fail):
        steps = checks.sequence(fail, "steps", self.steps)
        if not steps:
            fail("steps", "are missing: a guide needs at least one step")
        for number, step in enumerate(steps, start=1):
            if not isinstance(step, Step):
                fail(f"step {number}", "must be a (who, prompt) pair")
            checks.text(fail, f"step {number} who", step.who, checks.MAX_TITLE)
        checks.texts(fail, "steps", [s.prompt for s in steps], checks.MAX_ITEM, checks.MAX_ITEMS)
        checks.text(fail, "pause_rule", self.pause_rule, checks.MAX_TEXT)

    def answer_shape(self):
        return {"steps": [s.prompt for s in self.steps]}

    def own_fields(self):
        return [
            {
                "name": f"step-{n}",
                "path": ["steps", str(n)],
                "type": "text",
                "label": f"{step.who}: {step.prompt}",
            }
            for n, step in enumerate(self.steps, start=1)
        ]

    def summary_spec(self):
        return {
            "style": "written",
            "part": "steps",
            "verb": "wrote notes for",
            "noun": ["step", "steps"],
            "point": "Step {number}: {text}",
        }

    def template_lines(self):
        lines = ['    "steps": {  # your notes for each step']
        lines += [
            f'        {n}: "",  # {short(f["label"])}'
            for n, f in enumerate(self.own_fields(), start=1)
        ]
        return [*lines, "    },"]
