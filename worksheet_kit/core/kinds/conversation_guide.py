"""Conversation guide: numbered turns, who speaks and a prompt, and a pause rule.

ConversationGuide(id=..., steps=[("what-hurt", "Speaker", "Say what hurt."), ...],
                  pause_rule="Take 20 minutes when either of you feels flooded.")
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import checks, keys
from ..words import _, n_forms
from ..worksheet import Worksheet, numbered_fields, short


@dataclass(frozen=True)
class Step:
    """One turn of a conversation guide: its key, who speaks and what they say
    (a revision marks a changed meaning under the same key, see ``core/keys.py``)."""

    key: str
    who: str
    prompt: str
    revision: int = 0

    @property
    def part(self) -> keys.Part:
        return keys.Part(self.key, f"{self.who}: {self.prompt}", self.revision)


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
                if isinstance(s, (list, tuple)) and len(s) in (3, 4)
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
                fail(
                    f"step {number}", 'must be a (key, who, prompt) triple: ("hurt", "Both", "...")'
                )
            keys.check_key(fail, f"step {number}", step.key)
            if step.revision:
                keys.check_revision(fail, f"step {number}", step.revision)
            checks.text(fail, f"step {number} who", step.who, checks.MAX_TITLE)
        checks.texts(fail, "steps", [s.prompt for s in steps], checks.MAX_ITEM, checks.MAX_ITEMS)
        checks.text(fail, "pause_rule", self.pause_rule, checks.MAX_TEXT)

    def keyed(self):
        return {"steps": tuple(step.part for step in self.steps)}

    def own_fields(self):
        return numbered_fields("steps", self.keyed()["steps"], "text")

    def summary_spec(self):
        return {
            "style": "written",
            "part": "steps",
            "verb": "wrote notes for",
            "noun": ["step", "steps"],
            "point": _("Step {number}: {text}"),
            "counted": n_forms(
                "You wrote notes for {n} of {total} step.",
                "You wrote notes for {n} of {total} steps.",
            ),
            "measure": _("number of steps wrote notes for"),
        }

    def template_lines(self):
        lines = ['    "steps": {  # ' + _("your notes for each step")]
        lines += [
            f'        "{f["path"][1]}": "",  # {short(f["label"])}' for f in self.own_fields()
        ]
        return [*lines, "    },"]
