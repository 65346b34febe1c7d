"""A reader's answers: the blank form, checks, loading and the summary.

Answers are plain data in one schema for every place they come from (the
notebook's answers cell, or a JSON file exported from the HTML book)::

    {"schema": "rebuilding-trust-answers/1", "worksheet": "signs-of-erosion",
     "version": "3f2a...", "answers": {"items": {"1": 3, "2": 0},
     "next_step": "Ask for a walk on Sunday."}}

`check_answers` also takes just the inner "answers" part. Keys of items
and steps are their numbers, as ints or strings.
"""

from __future__ import annotations

import difflib
import html
import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import WorksheetError

SCHEMA = "rebuilding-trust-answers/1"
MAX_ANSWER = 5000


def blank_answers(ws) -> dict:
    blank: dict = {"next_step": ""}
    if ws.kind == "checklist":
        blank["items"] = {str(n): False for n in range(1, len(ws.items) + 1)}
    elif ws.kind == "rating-scale":
        blank["items"] = {str(n): None for n in range(1, len(ws.items) + 1)}
    elif ws.kind == "reflection-table":
        blank["rows"] = [{c: "" for c in ws.columns} for _ in range(ws.rows)]
    elif ws.kind == "conversation-guide":
        blank["steps"] = {str(n): "" for n in range(1, len(ws.steps) + 1)}
    return blank


def envelope(ws, answers) -> dict:
    """The exported form: answers with the worksheet's id and version."""
    return {
        "schema": SCHEMA,
        "worksheet": ws.id,
        "version": ws.version,
        "answers": check_answers(ws, answers),
    }


def check_answers(ws, answers) -> dict:
    """Return the answers in their normal form, or raise WorksheetError."""

    def fail(problem):
        raise WorksheetError(f"{ws.id}: answers {problem}")

    if not isinstance(answers, dict):
        fail(f"must be a dict, not {type(answers).__name__}")
    if "schema" in answers:
        if answers["schema"] != SCHEMA:
            fail(f"use schema {answers['schema']!r}; expected {SCHEMA!r}")
        if answers.get("worksheet") != ws.id:
            fail(f"belong to worksheet {answers.get('worksheet')!r}, not {ws.id!r}")
        if answers.get("version") != ws.version:
            fail(
                f"were saved for version {answers.get('version')!r} of this worksheet; "
                f"it is now {ws.version!r} and its items changed. "
                "Keep your file, and fill the new version by hand."
            )
        answers = answers.get("answers")
        if not isinstance(answers, dict):
            fail("have no 'answers' object")

    part = {
        "checklist": "items",
        "rating-scale": "items",
        "reflection-table": "rows",
        "conversation-guide": "steps",
    }[ws.kind]
    unknown = set(answers) - {part, "next_step"}
    if unknown:
        fail(f"have unknown keys {sorted(unknown)} (expected {part!r}, 'next_step')")
    clean = blank_answers(ws)
    clean["next_step"] = _text(fail, "next_step", answers.get("next_step", ""))

    given = answers.get(part, clean[part])
    if part == "rows":
        clean["rows"] = _check_rows(ws, fail, given)
        return clean
    if not isinstance(given, dict):
        fail(f"{part} must be a dict of numbers to answers")
    count = len(clean[part])
    noun = part.rstrip("s")
    for key, value in given.items():
        number = _number(key)
        if number is None or not 1 <= number <= count:
            fail(f"name {noun} {key!r}, but the worksheet has {noun}s 1 to {count}")
        label = f"{noun} {number}"
        if ws.kind == "checklist":
            if value is None:
                value = False
            if not isinstance(value, bool):
                fail(f"{label} must be True or False, not {value!r}")
        elif ws.kind == "rating-scale":
            low, high = ws.scale
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high
            ):
                fail(f"{label} is {value!r}; use a whole number from {low} to {high}")
        else:
            value = _text(fail, label, value)
        clean[part][str(number)] = value
    return clean


def _number(key):
    if isinstance(key, bool):
        return None
    if isinstance(key, int):
        return key
    if isinstance(key, str) and key.strip().isdigit():
        return int(key)
    return None


def _text(fail, label, value):
    if value is None:
        return ""
    if not isinstance(value, str):
        fail(f"{label} must be text, not {type(value).__name__}")
    if len(value) > MAX_ANSWER:
        fail(f"{label} is {len(value)} characters long (at most {MAX_ANSWER})")
    return value


def _check_rows(ws, fail, rows):
    if not isinstance(rows, list):
        fail("rows must be a list of rows")
    if len(rows) > 50:
        fail(f"have {len(rows)} rows (at most 50)")
    clean = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            fail(f"row {number} must be a dict of column to text")
        for column in row:
            if column not in ws.columns:
                close = difflib.get_close_matches(str(column), ws.columns, n=1)
                hint = f" Did you mean {close[0]!r}?" if close else ""
                columns = ", ".join(repr(c) for c in ws.columns)
                fail(f"row {number} has column {column!r}.{hint} The columns are: {columns}")
        clean.append({c: _text(fail, f"row {number} {c!r}", row.get(c)) for c in ws.columns})
    return clean


def load_answers(ws, path) -> dict:
    """Read answers exported from the HTML book (a JSON file) and check them."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise WorksheetError(f"{ws.id}: no answers file at {path}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise WorksheetError(f"{ws.id}: {path.name} is not a JSON answers file ({error})") from None
    return check_answers(ws, data)


def answers_template(ws) -> str:
    """Python source for a notebook's "Your answers" cell."""
    blank = blank_answers(ws)
    lines = ["answers = {"]
    if ws.kind in ("checklist", "rating-scale"):
        hint = "True or False" if ws.kind == "checklist" else f"{ws.scale[0]} to {ws.scale[1]}"
        lines.append(f'    "items": {{  # {hint} for each item')
        for number, text in enumerate(ws.items, start=1):
            value = "False" if ws.kind == "checklist" else "None"
            lines.append(f"        {number}: {value},  # {_short(text)}")
        lines.append("    },")
    elif ws.kind == "conversation-guide":
        lines.append('    "steps": {  # your notes for each step')
        for number, step in enumerate(ws.steps, start=1):
            lines.append(f'        {number}: "",  # {_short(step.who + ": " + step.prompt)}')
        lines.append("    },")
    else:
        lines.append('    "rows": [  # one dict per row; leave a cell "" to skip it')
        for _ in blank["rows"]:
            cells = ", ".join(f'{json.dumps(c)}: ""' for c in ws.columns)
            lines.append(f"        {{{cells}}},")
        lines.append("    ],")
    lines.append('    "next_step": "",  # ' + _short(ws.next_step_prompt))
    lines.append("}")
    return "\n".join(lines)


def _short(text, limit=70):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Summary:
    """What a reader's answers add up to; shows as text or HTML."""

    title: str
    lines: list[str] = field(default_factory=list)
    points: list[str] = field(default_factory=list)
    next_step: str = ""

    def __str__(self):
        points = (f"  - {p}".replace("\n", "\n    ") for p in self.points)
        out = [self.title, *self.lines, *points]
        if self.next_step:
            out.append(f"Your next step: {self.next_step}")
        return "\n".join(out)

    def _repr_html_(self):
        esc = html.escape
        parts = [f"<section class='ws-summary'><h3>{esc(self.title)}</h3>"]
        parts += [f"<p>{esc(line)}</p>" for line in self.lines]
        if self.points:
            items = "".join(f"<li>{esc(p)}</li>".replace("\n", "<br>") for p in self.points)
            parts.append(f"<ul>{items}</ul>")
        if self.next_step:
            parts.append(f"<p><strong>Your next step:</strong> {esc(self.next_step)}</p>")
        return "".join(parts) + "</section>"

    def __repr__(self):
        return str(self)


def summarise(ws, answers) -> Summary:
    clean = check_answers(ws, answers)
    summary = Summary(title=f"Summary: {ws.title}", next_step=clean["next_step"].strip())
    if ws.kind == "checklist":
        marked = [n for n, v in clean["items"].items() if v]
        summary.lines.append(f"You marked {len(marked)} of {len(ws.items)} items.")
        summary.points = [ws.items[int(n) - 1] for n in marked]
        if marked and ws.if_marked:
            summary.lines.append(ws.if_marked)
    elif ws.kind == "rating-scale":
        rated = {int(n): v for n, v in clean["items"].items() if v is not None}
        summary.lines.append(f"You rated {len(rated)} of {len(ws.items)} items.")
        if rated:
            labels = dict(ws.points)
            top = max(rated.values())
            highest = [n for n, v in rated.items() if v == top]
            summary.lines.append(
                f"Your highest rating was {top} ({labels[top]}), for "
                f"{len(highest)} item{'s' if len(highest) != 1 else ''}:"
            )
            summary.points = [ws.items[n - 1] for n in highest]
    elif ws.kind == "reflection-table":
        filled = [row for row in clean["rows"] if any(v.strip() for v in row.values())]
        summary.lines.append(f"You filled {len(filled)} row{'s' if len(filled) != 1 else ''}.")
        summary.points = [
            "\n".join(f"{c}: {v.strip()}" for c, v in row.items() if v.strip()) for row in filled
        ]
    else:
        noted = {int(n): v.strip() for n, v in clean["steps"].items() if v.strip()}
        summary.lines.append(f"You wrote notes for {len(noted)} of {len(ws.steps)} steps.")
        summary.points = [f"Step {n}: {text}" for n, text in sorted(noted.items())]
    if not summary.next_step:
        summary.lines.append("You have not written a next step yet.")
    return summary
