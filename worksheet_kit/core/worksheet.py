"""What every worksheet has; each kind (``core/kinds/``) adds its own fields.

A worksheet is a frozen dataclass, checked when it is built: a bad one
fails the notebook cell that made it, naming the worksheet id and the
field. A kind subclasses `Worksheet` and supplies:

- ``kind``: its name; its own fields, and ``validate_kind(fail)``;
- ``answer_shape()``: what answers attach to (it makes the version);
- ``own_fields()``: every answer's path, type and label (the one
  contract with the browser; see ``core/answers.py``);
- ``summary_spec()``: the style and words of its summary (``core/summary.py``);
- ``template_lines()``: its part of a notebook's "Your answers" cell.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import MISSING, asdict, dataclass, fields
from typing import ClassVar

from . import checks
from .answers import blank_answers, check_answers, load_answers
from .display import mimebundle, notebook_form
from .errors import WorksheetError
from .progress import REPEATS, chart, load_history, save_entry
from .summary import summarise

WHO_LABELS = {"alone": "alone", "partner": "with a partner", "group": "in a group"}
MAX_MINUTES = 180


class CheckedFields(type):
    """Name the worksheet and the field when a kind is called with a missing,
    unknown or positional field (a dataclass alone raises a bare TypeError)."""

    def __call__(cls, *args, **data):
        name = data.get("id") if isinstance(data.get("id"), str) else cls.kind

        def fail(field_name, problem):
            raise WorksheetError(f"{name}: {field_name} {problem}")

        if args:
            fail("fields", "must be given by name (id=..., title=...)")
        known = {f.name: f for f in fields(cls)}
        for key in data:
            if key not in known:
                fail(key, f"is not a field of a {cls.kind} (its fields: {', '.join(known)})")
        for key, f in known.items():
            if key not in data and f.default is MISSING and f.default_factory is MISSING:
                fail(key, "is missing")
        return super().__call__(**data)


@dataclass(frozen=True, kw_only=True)
class Worksheet(metaclass=CheckedFields):
    """Fields every worksheet has. Use one of the kinds, not this."""

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
    repeat: str = ""  # "weekly": dated entries, kept and charted over weeks

    kind: ClassVar[str] = "worksheet"

    def __post_init__(self):
        for f in fields(self):  # lists become tuples: the data is fixed once checked
            if isinstance(getattr(self, f.name), list):
                object.__setattr__(self, f.name, tuple(getattr(self, f.name)))
        self.validate()

    def fail(self, field_name: str, problem: str) -> None:
        label = self.id if isinstance(self.id, str) and self.id else "worksheet"
        raise WorksheetError(f"{label}: {field_name} {problem}")

    def validate(self) -> None:
        fail = self.fail
        checks.slug(fail, "id", self.id)
        checks.slug(fail, "chapter", self.chapter)
        checks.text(fail, "title", self.title, checks.MAX_TITLE)
        for name in ("purpose", "instructions", "privacy", "next_step_prompt"):
            checks.text(fail, name, getattr(self, name), checks.MAX_TEXT)
        checks.whole(fail, "minutes", self.minutes, 1, MAX_MINUTES)
        if not isinstance(self.save_in_browser, bool):
            fail("save_in_browser", "must be True or False")
        if self.repeat not in REPEATS:
            fail("repeat", f'{self.repeat!r} is unknown (use "weekly", or leave it out)')
        if self.repeat and not self.save_in_browser:
            fail("repeat", "needs save_in_browser: entries are kept to show progress")
        who = checks.sequence(fail, "who", self.who)
        if not who:
            fail("who", f"is empty (choose from {', '.join(WHO_LABELS)})")
        for value in who:
            if value not in WHO_LABELS:
                fail("who", f"{value!r} is unknown (choose from {', '.join(WHO_LABELS)})")
        self.validate_kind(fail)

    def validate_kind(self, fail) -> None:
        """Checks of a kind's own fields."""

    @property
    def print_pages(self) -> int:
        """How many printed pages the sheet may take; a kind may allow more."""
        return 1

    @property
    def who_text(self) -> str:
        return ", ".join(WHO_LABELS[w] for w in self.who)

    # -- data -------------------------------------------------------------
    def to_data(self) -> dict:
        """Plain JSON-ready data, with the kind and a version."""
        return {**asdict(self), "kind": self.kind, "version": self.version}

    @property
    def version(self) -> str:
        """A short hash of what answers attach to (their paths and labels).

        Wording of instructions may change freely; a change to anything an
        answer points at gives a new version, so old answers are never
        mapped onto the wrong items.
        """
        shape = json.dumps(
            {"kind": self.kind, "id": self.id, **self.answer_shape()}, sort_keys=True
        )
        return hashlib.sha256(shape.encode()).hexdigest()[:10]

    def answer_shape(self) -> dict:
        """What answers attach to, e.g. {"items": [...]}; it makes the version."""
        raise NotImplementedError

    # -- answers ------------------------------------------------------------
    def answer_fields(self) -> list[dict]:
        """Every answer: a form control's name, its path in the answers, type, label."""
        next_step = {"name": "next_step", "path": ["next_step"], "type": "text"}
        return [*self.own_fields(), {**next_step, "label": self.next_step_prompt}]

    def own_fields(self) -> list[dict]:
        raise NotImplementedError

    def summary_spec(self) -> dict:
        raise NotImplementedError

    def template_lines(self) -> list[str]:
        raise NotImplementedError

    def blank_answers(self) -> dict:
        return blank_answers(self)

    def check_answers(self, answers) -> dict:
        return check_answers(self, answers)

    def load_answers(self, path) -> dict:
        return load_answers(self, path)

    def summarise(self, answers, history=None):
        return summarise(self, answers, history)

    def load_history(self, path) -> list[dict]:
        return load_history(self, path)

    def chart(self, history):
        return chart(self, history)

    def save_entry(self, answers, path, date=None) -> list[dict]:
        return save_entry(self, answers, path, date)

    def form(self, path=None):
        """The form to fill in, in a notebook: clickable when ipywidgets is
        installed, saving every change to ``<id>-answers.json`` (or `path`)."""
        return notebook_form(self, path or f"{self.id}-answers.json")

    def answers_template(self) -> str:
        """Python source for a notebook's "Your answers" cell, one answer a line,
        then the commented lines that load a file exported from the web page
        instead (last, so that, once uncommented, they are what counts)."""
        comment = " ".join(self.next_step_prompt.split())[:70]
        lines = ["answers = {", *self.template_lines(), f'    "next_step": "",  # {comment}', "}"]
        name = f"{self.id}-answers.json"
        if self.repeat:
            lines += ["history = []  # your saved entries, oldest first"]
        lines += [
            "",
            "# Or use your answers file (the form above saves it; so can the book's web",
            '# page): delete the "# " at the start of the next line. It replaces the',
            "# answers above.",
            f'# answers = worksheet.load_answers("{name}")',
        ]
        if self.repeat:
            lines += [
                "# The entries saved in that file, for the summary to compare (this line",
                "# alone keeps the answers you typed above):",
                f'# history = worksheet.load_history("{name}")',
            ]
        return "\n".join(lines)

    # -- display in Jupyter and in the book ------------------------------------
    def _repr_mimebundle_(self, include=None, exclude=None):
        return mimebundle(self)


def short(text: str, limit: int = 70) -> str:
    """One line of a comment in the answers cell."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
