"""Worksheet models: plain data, checked when built.

Each kind is a frozen dataclass. Building one validates it, so a bad
worksheet fails the notebook cell that made it, with a message that names
the worksheet id and the field::

    from worksheet_kit import RatingScale

    worksheet = RatingScale(
        id="signs-of-erosion",
        title="Signs of trust erosion",
        chapter="signs-of-erosion",
        minutes=10,
        who=("alone",),
        purpose="See which signs of strain are strongest right now.",
        instructions="Rate each sentence for the last month.",
        privacy="Your ratings are yours. Share only what you choose.",
        items=("I feel calm when my partner is out.", ...),
        scale=(0, 4),
        anchors=("Never", "Rarely", "Sometimes", "Often", "Almost always"),
    )

This module and the rest of the portable kit (answers, html, display) use
only the standard library, so they can travel inside a downloaded notebook.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, fields

from .errors import WorksheetError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WHO_LABELS = {"alone": "alone", "partner": "with a partner", "group": "in a group"}
WHO_CHOICES = tuple(WHO_LABELS)
MAX_TITLE = 80
MAX_ITEM = 240
MAX_TEXT = 900
MAX_ITEMS = 40
MAX_ROWS = 12
MAX_MINUTES = 180


@dataclass(frozen=True)
class Step:
    """One turn of a conversation guide: who speaks and what they say."""

    who: str
    prompt: str


@dataclass(frozen=True)
class Worksheet:
    """Fields every worksheet has. Use one of the kinds below, not this."""

    id: str
    title: str
    chapter: str
    minutes: int
    who: tuple[str, ...]
    purpose: str
    instructions: str
    privacy: str
    next_step_prompt: str = "One small step I will take this week:"
    save_in_browser: bool = True  # False: the web form never stores answers

    kind = "worksheet"

    def __post_init__(self):
        # Tuples keep the object hashable and its data fixed once checked.
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, list):
                object.__setattr__(self, f.name, tuple(value))
        self.validate()

    # -- validation -------------------------------------------------------
    def fail(self, field_name: str, problem: str) -> None:
        label = self.id if isinstance(self.id, str) and self.id else "worksheet"
        raise WorksheetError(f"{label}: {field_name} {problem}")

    def validate(self) -> None:
        if not isinstance(self.id, str) or not SLUG.match(self.id):
            self.fail("id", f"{self.id!r} is not a slug (use a-z, 0-9 and -)")
        if not isinstance(self.chapter, str) or not SLUG.match(self.chapter):
            self.fail("chapter", f"{self.chapter!r} is not a slug")
        self.check_text("title", self.title, MAX_TITLE)
        for name in ("purpose", "instructions", "privacy", "next_step_prompt"):
            self.check_text(name, getattr(self, name), MAX_TEXT)
        if (
            not isinstance(self.minutes, int)
            or isinstance(self.minutes, bool)
            or not 1 <= self.minutes <= MAX_MINUTES
        ):
            self.fail("minutes", f"must be a whole number from 1 to {MAX_MINUTES}")
        if not isinstance(self.save_in_browser, bool):
            self.fail("save_in_browser", "must be True or False")
        if not self.who:
            self.fail("who", f"is empty (choose from {', '.join(WHO_CHOICES)})")
        for value in self.who:
            if value not in WHO_CHOICES:
                self.fail("who", f"{value!r} is unknown (choose from {', '.join(WHO_CHOICES)})")
        self.validate_kind()

    def validate_kind(self) -> None:
        """Checks of one kind's own fields; each kind overrides this."""

    def check_text(self, name: str, value, limit: int) -> None:
        if not isinstance(value, str) or not value.strip():
            self.fail(name, "is empty")
        if len(value) > limit:
            self.fail(name, f"is {len(value)} characters long (at most {limit})")

    def check_list(self, name: str, values, limit: int, most: int) -> None:
        """Every entry is text, none empty, none too long, none repeated."""
        if not values:
            self.fail(name, "is empty")
        if len(values) > most:
            self.fail(name, f"has {len(values)} entries (at most {most})")
        seen: dict[str, int] = {}
        singular = name.rstrip("s")
        for number, value in enumerate(values, start=1):
            if not isinstance(value, str) or not value.strip():
                self.fail(f"{singular} {number}", "is empty")
            if len(value) > limit:
                self.fail(
                    f"{singular} {number}",
                    f"is {len(value)} characters long (at most {limit})",
                )
            key = " ".join(value.lower().split())
            if key in seen:
                quoted = value if len(value) <= 60 else value[:59] + "…"
                self.fail(f"{singular} {number}", f'repeats {singular} {seen[key]} ("{quoted}")')
            seen[key] = number

    # -- data -------------------------------------------------------------
    def to_data(self) -> dict:
        """Plain JSON-ready data, with the kind and a version."""
        data = asdict(self)
        data["kind"] = self.kind
        data["version"] = self.version
        return data

    @property
    def version(self) -> str:
        """A short hash of what answers attach to (items, scale, columns).

        Wording of instructions may change freely; a change to anything an
        answer points at gives a new version, so old answers are never
        mapped onto the wrong items.
        """
        shape = json.dumps(
            {"kind": self.kind, "id": self.id, **self.answer_shape()},
            sort_keys=True,
        )
        return hashlib.sha256(shape.encode()).hexdigest()[:10]

    def answer_shape(self) -> dict:
        return {}

    # -- answers (see answers.py) ------------------------------------------
    def blank_answers(self) -> dict:
        from .answers import blank_answers

        return blank_answers(self)

    def check_answers(self, answers) -> dict:
        from .answers import check_answers

        return check_answers(self, answers)

    def summarise(self, answers):
        from .answers import summarise

        return summarise(self, answers)

    def load_answers(self, path) -> dict:
        from .answers import load_answers

        return load_answers(self, path)

    def answers_template(self) -> str:
        from .answers import answers_template

        return answers_template(self)

    # -- display in Jupyter and in the book ----------------------------------
    def _repr_mimebundle_(self, include=None, exclude=None):
        from .display import mimebundle

        return mimebundle(self)


@dataclass(frozen=True)
class Checklist(Worksheet):
    """Tick the sentences that are true for you."""

    items: tuple[str, ...] = ()
    if_marked: str = ""

    kind = "checklist"

    def validate_kind(self):
        self.check_list("items", self.items, MAX_ITEM, MAX_ITEMS)
        if self.if_marked:
            self.check_text("if_marked", self.if_marked, MAX_TEXT)

    def answer_shape(self):
        return {"items": list(self.items)}


@dataclass(frozen=True)
class RatingScale(Worksheet):
    """Rate each sentence on one scale whose every point has a label."""

    items: tuple[str, ...] = ()
    scale: tuple[int, int] = (0, 4)
    anchors: tuple[str, ...] = ()

    kind = "rating-scale"

    def validate_kind(self):
        self.check_list("items", self.items, MAX_ITEM, MAX_ITEMS)
        if len(self.scale) != 2 or not all(
            isinstance(x, int) and not isinstance(x, bool) for x in self.scale
        ):
            self.fail("scale", "must be two whole numbers, (lowest, highest)")
        low, high = self.scale
        if low >= high:
            self.fail("scale", f"runs from {low} to {high}: the lowest must come first")
        if high - low > 10:
            self.fail("scale", f"has {high - low + 1} points (at most 11)")
        if not self.anchors:
            self.fail("anchors", "are missing: label every point of the scale")
        if len(self.anchors) != high - low + 1:
            self.fail(
                "anchors",
                f"has {len(self.anchors)} labels for {high - low + 1} points "
                f"({low} to {high}): label every point",
            )
        self.check_list("anchors", self.anchors, MAX_TITLE, 11)

    @property
    def points(self) -> list[tuple[int, str]]:
        return list(zip(range(self.scale[0], self.scale[1] + 1), self.anchors, strict=True))

    def answer_shape(self):
        return {"items": list(self.items), "scale": list(self.scale)}


@dataclass(frozen=True)
class ReflectionTable(Worksheet):
    """Write in a table: named columns, a number of blank rows."""

    columns: tuple[str, ...] = ()
    rows: int = 3
    example: tuple[str, ...] = ()

    kind = "reflection-table"

    def validate_kind(self):
        if not self.columns:
            self.fail("columns", "are missing: a table needs at least one column")
        self.check_list("columns", self.columns, MAX_TITLE, 8)
        if not isinstance(self.rows, int) or not 1 <= self.rows <= MAX_ROWS:
            self.fail("rows", f"must be a whole number from 1 to {MAX_ROWS}")
        if self.example and len(self.example) != len(self.columns):
            self.fail(
                "example",
                f"has {len(self.example)} cells for {len(self.columns)} columns",
            )

    def answer_shape(self):
        return {"columns": list(self.columns), "rows": self.rows}


@dataclass(frozen=True)
class ConversationGuide(Worksheet):
    """Numbered turns, each with who speaks and a prompt, and a pause rule."""

    steps: tuple[Step, ...] = ()
    pause_rule: str = ""

    kind = "conversation-guide"

    def __post_init__(self):
        steps = tuple(
            s if isinstance(s, Step) else Step(*s) if isinstance(s, (tuple, list)) else s
            for s in self.steps
        )
        object.__setattr__(self, "steps", steps)
        super().__post_init__()

    def validate_kind(self):
        if not self.steps:
            self.fail("steps", "are missing: a guide needs at least one step")
        for number, step in enumerate(self.steps, start=1):
            if not isinstance(step, Step):
                self.fail(f"step {number}", "must be a (who, prompt) pair")
            self.check_text(f"step {number} who", step.who, MAX_TITLE)
        self.check_list("steps", [s.prompt for s in self.steps], MAX_ITEM, MAX_ITEMS)
        self.check_text("pause_rule", self.pause_rule, MAX_TEXT)

    def answer_shape(self):
        return {"steps": [s.prompt for s in self.steps]}


KINDS = {cls.kind: cls for cls in (Checklist, RatingScale, ReflectionTable, ConversationGuide)}


def from_data(data: dict) -> Worksheet:
    """Rebuild a worksheet from `Worksheet.to_data()` output."""
    data = dict(data)
    kind = data.pop("kind", None)
    data.pop("version", None)
    if kind not in KINDS:
        name = data.get("id", "worksheet")
        raise WorksheetError(f"{name}: kind {kind!r} is unknown (choose from {', '.join(KINDS)})")
    if kind == "conversation-guide":
        data["steps"] = [Step(**s) if isinstance(s, dict) else s for s in data["steps"]]
    return KINDS[kind](**data)
