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
from pathlib import Path

from .answers import check_answers, read_answers_file, write_answers
from .editions import carry, check_entries, envelope
from .errors import WorksheetError
from .words import N_, _, n_

REPEATS = ("", "weekly")
# How the last two entries compare (`change_line`): whole sentences for each
# partner, since another language puts "your partner's" elsewhere in them.
CHANGES = {
    "your": {
        "none": N_("Your entries: none saved yet."),
        "one": N_("Your only saved entry, {date}: {value}."),
        "unrated": N_("Your last two entries cannot be compared: one has no ratings."),
        "same": N_("Since {before}, your {measure} stayed at {new}."),
        "up": N_("Since {before}, your {measure} went up from {old} to {new}."),
        "down": N_("Since {before}, your {measure} went down from {old} to {new}."),
    },
    "your partner's": {
        "none": N_("Your partner's entries: none saved yet."),
        "one": N_("Your partner's only saved entry, {date}: {value}."),
        "unrated": N_("Your partner's last two entries cannot be compared: one has no ratings."),
        "same": N_("Since {before}, your partner's {measure} stayed at {new}."),
        "up": N_("Since {before}, your partner's {measure} went up from {old} to {new}."),
        "down": N_("Since {before}, your partner's {measure} went down from {old} to {new}."),
    },
}


def check_history(ws, history) -> list[dict]:
    """The entries (answers by this edition's keys) in their normal form, oldest
    first, or a WorksheetError."""

    def fail(problem):
        raise WorksheetError(f"{ws.id}: {problem}")

    return check_entries(fail, history, lambda answers, where, date: check_answers(ws, answers))


def load_history(ws, path) -> list[dict]:
    """The saved entries in an answers file exported from the web page, of any
    edition: each entry keeps the answers whose questions this edition still has."""
    return carry(ws, read_answers_file(ws, path)).history


def save_entry(ws, answers, path, date: str | None = None) -> list[dict]:
    """Keep ``answers`` as the entry for ``date`` (today) in an answers file.

    The file is the web page's export: made when missing, else it must be
    this worksheet's, and every other entry in it is kept. An entry for the
    same day is replaced, as on the web page. Returns the new history.
    """
    if not ws.repeat:
        refusal = _("keeps no dated entries (it is not a repeatable sheet)")
        raise WorksheetError(f"{ws.id}: {refusal}")
    path = Path(path)
    date = date or datetime.date.today().isoformat()
    entry = {"date": date, "answers": check_answers(ws, answers)}
    old = carry(ws, read_answers_file(ws, path)) if path.exists() else None
    kept = [e for e in old.history if e["date"] != date] if old else []
    history = check_history(ws, [*kept, entry])
    earlier = old.earlier if old else []  # answers to retired questions stay in the file
    write_answers(path, envelope(ws, check_answers(ws, answers), earlier, history))
    saved = n_(
        "Your entry for {date} is saved in {file} ({n} in all).",
        "Your entry for {date} is saved in {file} ({n} in all).",
        len(history),
    )
    print(saved.format(date=date, file=path.name, n=len(history)))
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
    """What an entry's score counts, in words ("average rating")."""
    return ws.summary_spec()["measure"]


def shown(ws, value) -> str:
    if value is None:
        return _("no ratings")
    return f"{value:.1f}" if ws.summary_spec()["style"] == "rated" else str(int(value))


def trend(ws, history) -> list[tuple[str, list[str]]]:
    """Summary blocks: every saved entry's score, and how the last two compare."""
    if not history:
        return []
    scores = [(entry["date"], score(ws, entry["answers"])) for entry in history]
    blocks = [
        (
            _("Your saved entries ({measure}):").format(measure=measure(ws)),
            [f"{date}: {shown(ws, value)}" for date, value in scores],
        )
    ]
    if len(scores) > 1:
        blocks.append((change_line(ws, history, "your"), []))
    return blocks


def change_line(ws, history, whose: str) -> str:
    """How the last two entries compare; ``whose`` is "your" or "your partner's"."""
    words = CHANGES[whose]
    scores = [(entry["date"], score(ws, entry["answers"])) for entry in history]
    if not scores:
        return _(words["none"])
    if len(scores) == 1:
        date, value = scores[0]
        return _(words["one"]).format(date=date, value=shown(ws, value))
    (before, old), (_date, new) = scores[-2], scores[-1]
    if old is None or new is None:
        return _(words["unrated"])
    way = "same" if new == old else "up" if new > old else "down"
    return _(words[way]).format(
        before=before, measure=measure(ws), old=shown(ws, old), new=shown(ws, new)
    )


def chart(ws, history, partner_history=None):
    """A line chart of the scores, when matplotlib is installed (it is optional).

    Given a partner's entries too, it draws both: yours solid with dots,
    theirs dashed with squares, so the two differ by more than colour.
    """
    if not history and not partner_history:
        print(_("No saved entries yet: the chart starts with your first one."))
        return None
    try:
        pyplot = importlib.import_module("matplotlib.pyplot")
    except ImportError:
        print(
            _(
                "A chart needs matplotlib: type %pip install matplotlib in a new cell, run it, "
                "then run this cell again. The summary lists the same entries."
            )
        )
        return None
    figure, axes = pyplot.subplots(figsize=(6, 3))
    series = [(_("You"), history or [], "-", "o")]
    if partner_history is not None:
        series.append((_("Your partner"), partner_history, "--", "s"))
    for name, entries, line, marker in series:
        points = [(e["date"], score(ws, e["answers"])) for e in check_history(ws, entries)]
        points = [(datetime.date.fromisoformat(d), v) for d, v in points if v is not None]
        axes.plot([d for d, _v in points], [v for _d, v in points], line, marker=marker, label=name)
    if partner_history is not None:
        axes.legend()
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
