"""What every worksheet has; each kind (``core/kinds/``) adds its own fields.

A worksheet is a frozen dataclass, checked when it is built: a bad one
fails the notebook cell that made it, naming the worksheet id and the
field. A kind subclasses `Worksheet` and supplies:

- ``kind``: its name; its own fields, and ``validate_kind(fail)``;
- ``keyed()``: its answerable parts by group, each a `keys.Part`
  (their keys, texts and revisions make the edition);
- ``own_fields()``: every answer's path (by key), type and label (the
  one contract with the browser; see ``core/answers.py``);
- ``summary_spec()``: the style and words of its summary (``core/summary.py``);
- ``template_lines()``: its part of a notebook's "Your answers" cell.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import MISSING, asdict, dataclass, fields, is_dataclass
from typing import ClassVar

from . import checks, keys, wording
from . import compare as compare_rules
from .answers import blank_answers
from .display import mimebundle, notebook_form
from .editions import load_answers, read_answers
from .errors import WorksheetError
from .progress import REPEATS, chart, load_history, save_entry
from .summary import summarise
from .summary_check import check_summary
from .text import comment_block
from .words import N_, _

KEEP_LEVELS = ("device", "tab", "nothing")  # web storage, sessionStorage, memory only
# Marked here, translated where shown (`who_text`): the language is chosen after import.
WHO_LABELS = {"alone": N_("alone"), "partner": N_("with a partner"), "group": N_("in a group")}
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
    # What the web form keeps by default: "device" (this browser, until
    # cleared), "tab" (until the tab closes) or "nothing". A reader may
    # choose another level, except on a sheet that keeps "nothing".
    keep: str = "device"
    repeat: str = ""  # "weekly": dated entries, kept and charted over weeks
    side_by_side: str = ""  # how two partners' answers compare (core/compare.py)

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
            if wording.problem(getattr(self, name)):
                fail(name, wording.problem(getattr(self, name)))
        checks.whole(fail, "minutes", self.minutes, 1, MAX_MINUTES)
        if self.keep not in KEEP_LEVELS:
            levels = ", ".join(map(repr, KEEP_LEVELS))
            fail("keep", f"{self.keep!r} is unknown (use one of {levels})")
        if self.repeat not in REPEATS:
            fail("repeat", f'{self.repeat!r} is unknown (use "weekly", or leave it out)')
        if self.repeat and self.keep == "nothing":
            fail("repeat", 'needs keep="device" or "tab": entries are kept to show progress')
        self.validate_side_by_side(fail)
        who = checks.sequence(fail, "who", self.who)
        if not who:
            fail("who", f"is empty (choose from {', '.join(WHO_LABELS)})")
        for value in who:
            if value not in WHO_LABELS:
                fail("who", f"{value!r} is unknown (choose from {', '.join(WHO_LABELS)})")
        self.validate_kind(fail)
        keys.unique(fail, self.labelled_keys())

    def validate_kind(self, fail) -> None:
        """Checks of a kind's own fields."""

    def validate_side_by_side(self, fail) -> None:
        if not self.side_by_side:
            return
        if self.side_by_side not in compare_rules.MODES:
            modes = ", ".join(map(repr, compare_rules.MODES))
            fail("side_by_side", f"{self.side_by_side!r} is unknown (use {modes})")
        if self.kind not in compare_rules.COMPARING_KINDS:
            fail(
                "side_by_side",
                f"is not for a {self.kind} sheet: only rating scales and checklists compare, "
                "because both partners answer the same items",
            )
        if self.keep == "nothing":
            fail("side_by_side", "needs answers a reader can export; this sheet keeps nothing")

    @property
    def print_pages(self) -> int:
        """How many printed pages the sheet may take; a kind may allow more."""
        return 1

    @property
    def who_text(self) -> str:
        return ", ".join(_(WHO_LABELS[w]) for w in self.who)

    # -- identity -----------------------------------------------------------
    def keyed(self) -> dict[str, tuple[keys.Part, ...]]:
        """The answerable parts by group, e.g. {"items": (Part, ...)}."""
        raise NotImplementedError

    def labelled_keys(self) -> list[tuple[str, str]]:
        """(label, key) for every keyed part, as messages name them ("item 7")."""
        return [
            (f"{group.removesuffix('s')} {number}", part.key)
            for group, found in self.keyed().items()
            for number, part in enumerate(found, start=1)
        ]

    def questions(self) -> dict[str, str]:
        """Every key and its question's text, the next step's prompt included."""
        found = {part.key: str(part) for group in self.keyed().values() for part in group}
        return {**found, "next_step": self.next_step_prompt}

    def revisions(self) -> dict[str, int]:
        """The keys whose meaning the author marked as changed, and their revision."""
        return {p.key: p.revision for g in self.keyed().values() for p in g if p.revision}

    @property
    def edition(self) -> str:
        """A short hash of the sheet's kind, id, keys and texts (and scale).

        Answers travel by key, so a new edition still reads them; the edition
        says which texts they answered. A translated sheet keeps its
        source's edition (``core/translation.py``).
        """
        if getattr(self, "source_edition", None):
            return self.source_edition
        parts = {group: [p.data() for p in found] for group, found in self.keyed().items()}
        shape = {"kind": self.kind, "id": self.id, **parts, **self.edition_extra()}
        text = json.dumps(shape, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()[:10]

    def edition_extra(self) -> dict:
        """Anything besides the parts that changes what an answer means."""
        return {}

    # -- data -------------------------------------------------------------
    def to_data(self) -> dict:
        """Plain JSON-ready data, with the kind and the edition; parts as [key, text]."""
        data = {f.name: _plain(getattr(self, f.name)) for f in fields(self)}
        return {**data, "kind": self.kind, "edition": self.edition}

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
        return read_answers(self, answers)

    def load_answers(self, path) -> dict:
        return load_answers(self, path)

    def summarise(self, answers, history=None):
        return summarise(self, answers, history)

    def check_summary(self, answers, expect=(), absent=(), history=None):
        return check_summary(self, answers, expect, absent, history)

    def load_history(self, path) -> list[dict]:
        return load_history(self, path)

    def chart(self, history, partner_history=None):
        return chart(self, history, partner_history)

    def compare(self, mine, theirs, my_history=None, their_history=None):
        """Your answers and your partner's side by side (a sheet with ``side_by_side``)."""
        return compare_rules.compare(self, mine, theirs, my_history, their_history)

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
            lines += ["history = []  # " + _("your saved entries, oldest first")]
        or_file = _(
            "Or use your answers file (the form above saves it; so can the book's web\n"
            'page): delete the "# " at the start of the next line. It replaces the\n'
            "answers above."
        )
        lines += ["", comment_block(or_file), f'# answers = worksheet.load_answers("{name}")']
        if self.repeat:
            entries = _(
                "The entries saved in that file, for the summary to compare (this line\n"
                "alone keeps the answers you typed above):"
            )
            lines += [comment_block(entries), f'# history = worksheet.load_history("{name}")']
        return "\n".join(lines)

    # -- display in Jupyter and in the book ------------------------------------
    def _repr_mimebundle_(self, include=None, exclude=None):
        return mimebundle(self)


def _plain(value):
    if isinstance(value, keys.Part):
        return value.data()
    if is_dataclass(value):
        return {name: _plain(v) for name, v in asdict(value).items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def short(text: str, limit: int = 70) -> str:
    """One line of a comment in the answers cell."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def numbered_fields(group: str, parts, kind: str) -> list[dict]:
    """One answer field per keyed part: its path by key, its number on the page."""
    return [
        {
            "name": keys.field_name([group, part.key]),
            "path": [group, part.key],
            "type": kind,
            "label": str(part),
            "number": number,
        }
        for number, part in enumerate(parts, start=1)
    ]
