"""Progress over weeks: the dated entries of a repeatable worksheet.

A worksheet made with ``repeat="weekly"`` keeps a history, oldest first::

    [{"date": "2026-11-20", "answers": {...}}, {"date": "2026-11-27", ...}]

The web page saves one entry a day on the reader's device, and its Export
carries them all (``"history"`` in the answers file). In a notebook::

    history = worksheet.load_history("weekly-check-in-answers.json")
    worksheet.summarise(answers, history=history)  # adds the trend
    worksheet.chart(history)  # a chart, when matplotlib is installed
    history = worksheet.save_entry(answers, "weekly-check-in-answers.json")

`save_entry` keeps today's answers as a dated entry in that same file (made
when missing), so the notebook and the web page can take turns.

Each entry has one score: the average rating for a rating scale, else how
many answers it holds. ``static/worksheets/progress.js`` has the twin of `score`
and `trend`, so the page and the notebook say the same.
"""

from __future__ import annotations

import datetime
import importlib
import math
import re
from pathlib import Path

from .answers import check_answers, envelope, read_answers_file, write_answers
from .errors import WorksheetError

DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MAX_ENTRIES = 520  # ten years of weeks
REPEATS = ("", "weekly")


def check_history(ws, history) -> list[dict]:
    """The entries in their normal form, oldest first, or a WorksheetError."""

    def fail(problem):
        raise WorksheetError(f"{ws.id}: history {problem}")

    if not isinstance(history, list):
        fail(f"must be a list of entries, not {type(history).__name__}")
    if len(history) > MAX_ENTRIES:
        fail(f"has {len(history)} entries (at most {MAX_ENTRIES})")
    clean: dict[str, dict] = {}
    for number, entry in enumerate(history, start=1):
        if not isinstance(entry, dict) or set(entry) != {"date", "answers"}:
            fail(f"entry {number} must have a 'date' and 'answers', and nothing else")
        date = entry["date"]
        if not isinstance(date, str) or not DATE.fullmatch(date) or not _is_date(date):
            fail(f"entry {number} has the date {date!r}; write it as YYYY-MM-DD")
        if date in clean:
            fail(f"has two entries for {date}")
        clean[date] = {"date": date, "answers": check_answers(ws, entry["answers"])}
    return [clean[date] for date in sorted(clean)]


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def load_history(ws, path) -> list[dict]:
    """The saved entries in an answers file exported from the web page."""
    data = read_answers_file(ws, path)
    check_answers(ws, data)  # the same worksheet and version
    return check_history(ws, data.get("history", []))


def save_entry(ws, answers, path, date: str | None = None) -> list[dict]:
    """Keep ``answers`` as the entry for ``date`` (today) in an answers file.

    The file is the web page's export: made when missing, else it must be
    this worksheet's, and every other entry in it is kept. An entry for the
    same day is replaced, as on the web page. Returns the new history.
    """
    if not ws.repeat:
        raise WorksheetError(f"{ws.id}: keeps no dated entries (it is not a repeatable sheet)")
    path = Path(path)
    date = date or datetime.date.today().isoformat()
    entry = {"date": date, "answers": check_answers(ws, answers)}
    old = load_history(ws, path) if path.exists() else []
    history = check_history(ws, [e for e in old if e["date"] != date] + [entry])
    write_answers(path, {**envelope(ws, answers), "history": history})
    print(f"Your entry for {date} is saved in {path.name} ({len(history)} in all).")
    return history


def score(ws, answers) -> float | None:
    """An entry's one number: the average rating (to one decimal), or a count."""
    spec = ws.summary_spec()
    values = [_at(answers, f["path"]) for f in ws.answer_fields() if f["path"][0] == spec["part"]]
    if spec["style"] == "rated":
        rated = [v for v in values if v is not None]
        return math.floor(sum(rated) / len(rated) * 10 + 0.5) / 10 if rated else None
    if spec["style"] == "rows":
        return len([r for r in answers[spec["part"]] if any(v.strip() for v in r.values())])
    return len([v for v in values if v is True or (isinstance(v, str) and v.strip())])


def measure(ws) -> str:
    spec = ws.summary_spec()
    if spec["style"] == "rated":
        return "average rating"
    return f"number of {spec['noun'][1]} {spec['verb']}"


def shown(ws, value) -> str:
    if value is None:
        return "no ratings"
    return f"{value:.1f}" if ws.summary_spec()["style"] == "rated" else str(int(value))


def trend(ws, history) -> list[tuple[str, list[str]]]:
    """Summary blocks: every saved entry's score, and how the last two compare."""
    if not history:
        return []
    scores = [(entry["date"], score(ws, entry["answers"])) for entry in history]
    blocks = [
        (
            f"Your saved entries ({measure(ws)}):",
            [f"{date}: {shown(ws, value)}" for date, value in scores],
        )
    ]
    if len(scores) > 1:
        (before, old), (_, new) = scores[-2], scores[-1]
        if old is None or new is None:
            line = f"Your last two entries cannot be compared: one has {shown(ws, None)}."
        elif new == old:
            line = f"Since {before}, your {measure(ws)} stayed at {shown(ws, new)}."
        else:
            way = "went up" if new > old else "went down"
            change = f"{way} from {shown(ws, old)} to {shown(ws, new)}"
            line = f"Since {before}, your {measure(ws)} {change}."
        blocks.append((line, []))
    return blocks


def chart(ws, history):
    """A line chart of the scores, when matplotlib is installed (it is optional)."""
    if not history:
        print("No saved entries yet: the chart starts with your first one.")
        return None
    try:
        pyplot = importlib.import_module("matplotlib.pyplot")
    except ImportError:
        print(
            "A chart needs matplotlib: type %pip install matplotlib in a new cell, run it, "
            "then run this cell again. The summary lists the same entries."
        )
        return None
    points = [(e["date"], score(ws, e["answers"])) for e in check_history(ws, history)]
    points = [(date, value) for date, value in points if value is not None]
    figure, axes = pyplot.subplots(figsize=(6, 3))
    axes.plot([d for d, _ in points], [v for _, v in points], marker="o")
    axes.set_title(ws.title)
    axes.set_ylabel(measure(ws))
    spec = ws.summary_spec()
    if spec["style"] == "rated":
        axes.set_ylim(min(map(int, spec["anchors"])), max(map(int, spec["anchors"])))
    figure.autofmt_xdate()
    # Closed, it shows once, as the cell's value: open, Jupyter's inline backend
    # would draw it a second time when the cell ends.
    pyplot.close(figure)
    return figure


def _at(answers, path):
    for key in path:
        answers = answers[key]
    return answers
