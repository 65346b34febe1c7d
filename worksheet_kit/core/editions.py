"""Answers from any edition of a sheet: one rule, mirrored by the browser
(``sphinxext/static/worksheets/editions.js``).

An answers file (or a record the web page keeps) names its sheet, its
edition, and the question each key answered::

    {"schema": "rebuilding-trust-answers/2", "worksheet": "signs-of-erosion",
     "edition": "3f2a...", "questions": {"check-phone": "I check ...", ...},
     "answers": {"items": {"check-phone": 3}, "next_step": "..."},
     "history": [{"date": "2026-11-20", "answers": {...}}],   # weekly sheets
     "earlier": [{"path": ["items", "old-key"], "question": "...", "answer": 2}]}

`carry` reads it for the sheet as it is now: an answer whose key still
exists (at the same revision) is filled in; any other answer goes to
``earlier``, with the question as it was, and is never dropped. A file of
schema 1 (answers by position, before keys) is read through the frozen
table in `editions_v1`. Another sheet's file is refused::

    carried = carry(worksheet, json.load(open("signs-of-erosion-answers.json")))
    carried.answers, carried.earlier, carried.history, carried.carried
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from .answers import (
    MAX_ANSWER,
    MAX_ROWS,
    SCHEMA,
    blank_answers,
    check_answers,
    check_value,
    read_answers_file,
)
from .errors import WorksheetError
from .legacy import upgrade
from .quoting import quote
from .words import _, n_

SCHEMA_1 = "rebuilding-trust-answers/1"
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
FIRST_DATE = datetime.date(1900, 1, 1)
MAX_ENTRIES = 520  # ten years of weeks
MAX_EARLIER = 2000


@dataclass
class Carried:
    """Answers read for this edition, and what did not fit it."""

    answers: dict
    earlier: list[dict] = field(default_factory=list)
    history: list[dict] = field(default_factory=list)
    carried: int = 0  # answers filled in from another edition
    unplaced: int = 0  # answers of this file that went to `earlier`


def check_date(fail, where: str, date, today: datetime.date | None = None) -> str:
    """YYYY-MM-DD, from 1900-01-01 up to tomorrow (the reader may be a time zone ahead)."""
    latest = (today or datetime.date.today()) + datetime.timedelta(days=1)
    if not isinstance(date, str) or not DATE.fullmatch(date):
        fail(f"{where} has the date {quote(date)}; write it as YYYY-MM-DD")
    try:
        day = datetime.date.fromisoformat(date)
    except ValueError:
        fail(f"{where} has the date {quote(date)}, which is not a day of the calendar")
    if not FIRST_DATE <= day <= latest:
        fail(f"{where} has the date {date}; use a day from 1900-01-01 to {latest.isoformat()}")
    return date


def check_text(fail, value, where: str = "it") -> None:
    """Every string in `value` encodes as UTF-8 (no lone surrogate such as "\\ud800")."""
    stack = [(value, where)]
    while stack:
        node, at = stack.pop()
        if isinstance(node, str):
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                fail(f"{at} holds text that is not valid Unicode (a lone surrogate)")
        elif isinstance(node, dict):
            stack += [(k, at) for k in node] + [(v, at) for v in node.values()]
        elif isinstance(node, list):
            stack += [(v, at) for v in node]


def carry(ws, data, today: datetime.date | None = None) -> Carried:
    """Read a file or stored record of any edition for this sheet, or raise WorksheetError."""

    def fail(problem):
        raise WorksheetError(f"{ws.id}: answers {problem}")

    def refuse(sentence):  # what a reader most often gives by mistake: in their language
        raise WorksheetError(f"{ws.id}: {sentence}")

    if not isinstance(data, dict) or "schema" not in data:
        refuse(_("answers are not an answers file exported from this book (it has no 'schema')"))
    check_text(fail, data)
    if data["schema"] not in (SCHEMA, SCHEMA_1):
        refused = _("answers use the format {found}; expected {expected}")
        refuse(refused.format(found=quote(data["schema"]), expected=repr(SCHEMA)))
    if data.get("worksheet") != ws.id:
        refused = _("answers belong to worksheet {found}, not {expected}")
        refuse(refused.format(found=quote(data.get("worksheet")), expected=repr(ws.id)))
    if data["schema"] == SCHEMA_1:
        data = upgrade(ws, data, fail)
    edition = data.get("edition")
    if not isinstance(edition, str) or not 0 < len(edition) <= 40:
        fail(f"have the edition {quote(edition)}; expected a short text")
    questions = _mapping(fail, data, "questions", str)
    revisions = _mapping(fail, data, "revisions", int)
    reader = Placer(ws, questions, revisions, fail)
    if "answers" not in data:
        fail("have no 'answers' object")
    placed = reader.place(data["answers"], "answers")
    history = check_entries(fail, data.get("history", []), reader.place, today)
    earlier = [*_earlier(fail, data.get("earlier", [])), *reader.earlier]
    if len(earlier) > MAX_EARLIER:
        fail(f"have {len(earlier)} earlier answers (at most {MAX_EARLIER})")
    moved = edition != ws.edition
    return Carried(
        answers=placed,
        earlier=earlier,
        history=history,
        carried=sum(1 for _path, value in _leaves(placed) if _filled(value)) if moved else 0,
        unplaced=len(reader.earlier),
    )


class Placer:
    """Places one edition's answers on this edition's fields, by key."""

    def __init__(self, ws, questions, revisions, fail):
        self.ws, self.questions, self.revisions, self.fail = ws, questions, revisions, fail
        self.fields = {tuple(f["path"]): f for f in ws.answer_fields()}
        self.now = ws.revisions()
        self.earlier: list[dict] = []

    def place(self, answers, where: str, date: str | None = None) -> dict:
        fail = self.fail
        if not isinstance(answers, dict):
            fail(f"{where} must be an object of answers, not {quote(answers)}")
        placed = blank_answers(self.ws)
        for path, value in _leaves(answers, fail, where):
            key = path[-1]
            spec = self.fields.get(tuple(path))
            same = self.revisions.get(key, 0) == self.now.get(key, 0)
            if spec is not None and same:
                label = f"{where} {'.'.join(map(str, path))}"
                value = check_value(spec, value, label, fail)
                _set(placed, path, value)
            elif _filled(value):
                item = {"path": path, "question": self.question(path), "answer": value}
                self.earlier.append({**item, "date": date} if date else item)
        return placed

    def question(self, path) -> str:
        text = self.questions.get(path[-1], path[-1])
        row = _("Row {row}: {column}")
        return row.format(row=path[1] + 1, column=text) if len(path) == 3 else text


def _leaves(answers, fail=None, where=""):
    """(path, value) for every answer: [group], [group, key] or [group, row, column]."""
    for group, value in answers.items():
        if isinstance(value, dict):
            for key, inner in value.items():
                yield [group, str(key)], _scalar(fail, inner, where)
        elif isinstance(value, list):
            if len(value) > MAX_ROWS and fail:
                fail(f"{where} have {len(value)} rows (at most {MAX_ROWS})")
            for number, row in enumerate(value):
                if not isinstance(row, dict):
                    if fail:
                        fail(f"{where} {group} row {number + 1} must be an object by column")
                    continue
                for column, inner in row.items():
                    yield [group, number, column], _scalar(fail, inner, where)
        else:
            yield [group], _scalar(fail, value, where)


def _scalar(fail, value, where):
    if fail and not (value is None or isinstance(value, (bool, int, float, str))):
        fail(f"{where} hold {quote(value)} where an answer belongs")
    if fail and isinstance(value, str) and len(value) > MAX_ANSWER:
        fail(f"{where} hold an answer {len(value)} characters long (at most {MAX_ANSWER})")
    return value


def _filled(value) -> bool:
    """An answer given: a tick, any rating (0 too) or some text."""
    blank = value is None or value is False or (isinstance(value, str) and not value.strip())
    return not blank


def _set(answers, path, value):
    node = answers
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value


def _mapping(fail, data, name, kind) -> dict:
    value = data.get(name, {})
    good = isinstance(value, dict) and all(
        isinstance(v, kind) and not isinstance(v, bool) for v in value.values()
    )
    if not good:
        fail(f"have {name} that are not an object of {'texts' if kind is str else 'numbers'}")
    return value


def check_entries(fail, history, place, today=None) -> list[dict]:
    """Dated entries, one a day, oldest first; `place(answers, where, date)` reads each."""
    if not isinstance(history, list):
        fail(f"history must be a list of entries, not {type(history).__name__}")
    if len(history) > MAX_ENTRIES:
        fail(f"history has {len(history)} entries (at most {MAX_ENTRIES})")
    by_date: dict[str, dict] = {}
    for number, entry in enumerate(history, start=1):
        where = f"history entry {number}"
        if not isinstance(entry, dict) or set(entry) != {"date", "answers"}:
            fail(f"{where} must have a 'date' and 'answers', and nothing else")
        date = check_date(fail, where, entry["date"], today)
        if date in by_date:
            fail(f"history has two entries for {date}")
        by_date[date] = {"date": date, "answers": place(entry["answers"], where, date)}
    return [by_date[date] for date in sorted(by_date)]


def _earlier(fail, earlier) -> list[dict]:
    if not isinstance(earlier, list) or len(earlier) > MAX_EARLIER:
        fail(f"earlier answers must be a list of at most {MAX_EARLIER}")
    for number, item in enumerate(earlier, start=1):
        keys = set(item) if isinstance(item, dict) else set()
        good = keys in ({"path", "question", "answer"}, {"path", "question", "answer", "date"})
        good = good and isinstance(item["path"], list) and isinstance(item["question"], str)
        if not good:
            fail(f"earlier answer {number} must have a path, a question and an answer")
        _scalar(fail, item["answer"], f"earlier answer {number}")
        if "date" in item:
            check_date(fail, f"earlier answer {number}", item["date"])
    return list(earlier)


def envelope(ws, answers, earlier=(), history=None) -> dict:
    """The answers file (and the page's stored record) for this edition."""
    data = {
        "schema": SCHEMA,
        "worksheet": ws.id,
        "edition": ws.edition,
        "questions": ws.questions(),
        "answers": answers,
    }
    if ws.revisions():
        data["revisions"] = ws.revisions()
    if earlier:
        data["earlier"] = list(earlier)
    if history is not None:
        data["history"] = history
    return data


def read_answers(ws, answers) -> dict:
    """Answers typed in a notebook (strictly by key), or a whole file's, carried."""
    if isinstance(answers, dict) and "schema" in answers:
        return carry(ws, answers).answers
    return check_answers(ws, answers)


def load_answers(ws, path) -> dict:
    """Read answers exported from the web page (a JSON file of any edition).

    Answers to questions this edition no longer asks are printed, with the
    question as it was: the file keeps them.
    """
    carried = carry(ws, read_answers_file(ws, path))
    if carried.carried:
        moved = n_(
            "{n} answer carried over from an earlier edition of this sheet.",
            "{n} answers carried over from an earlier edition of this sheet.",
            carried.carried,
        )
        print(moved.format(n=carried.carried))
    if carried.earlier:
        earlier = _("Earlier answers, to questions this edition no longer asks ({file}):")
        print(earlier.format(file=path))
        for item in carried.earlier:
            when = f" ({item['date']})" if "date" in item else ""
            print(f"  - {item['question']}{when}: {item['answer']}")
    return carried.answers
