"""A reader's answers: one rule for every kind, shared with the browser.

Each kind lists its answer fields (`Worksheet.answer_fields`): where an
answer goes (``path``, by the parts' keys), what it holds (``type``:
``bool``, ``scale`` or ``text``) and what it answers (``label``). The page
carries the same list as JSON, and ``static/worksheets/checks.js`` applies
the same rules to it, so the notebook and the web page accept, refuse and
summarise answers alike.

Answers are plain data by key::

    {"items": {"check-phone": 3, "on-edge": 0}, "next_step": "Ask for a walk."}

`check_answers` takes such answers (strict: a key this sheet lacks is a
typo, and is named) or an exported file, which ``core/editions.py`` reads
from any edition of the sheet.
"""

from __future__ import annotations

import copy
import difflib
import json
import os
from pathlib import Path

from .errors import WorksheetError
from .quoting import quote

SCHEMA = "rebuilding-trust-answers/2"  # the answers file (core/editions.py)
MAX_ANSWER = 5000  # characters (code points), as the browser counts them
MAX_ROWS = 50
BLANK = {"bool": False, "scale": None, "text": ""}


def blank_answers(ws) -> dict:
    """Every answer field at its blank value, nested by path."""
    blank: dict = {}
    for spec in ws.answer_fields():
        node, path = blank, spec["path"]
        for key, following in zip(path, path[1:], strict=False):
            if isinstance(node, list):  # rows: a list of dicts
                while len(node) <= key:
                    node.append({})
            else:
                node.setdefault(key, [] if isinstance(following, int) else {})
            node = node[key]
        node[path[-1]] = BLANK[spec["type"]]
    return blank


def check_answers(ws, answers) -> dict:
    """Return the answers in their normal form, or raise WorksheetError."""

    def fail(problem):
        raise WorksheetError(f"{ws.id}: answers {problem}")

    if not isinstance(answers, dict):
        fail(f"must be a dict, not {type(answers).__name__}")
    if "schema" in answers:
        fail("are a whole answers file: read it with worksheet.load_answers(path)")
    blank = blank_answers(ws)
    unknown = [key for key in answers if key not in blank]
    if unknown:
        expected = ", ".join(repr(k) for k in blank)
        fail(f"have unknown keys {sorted(map(str, unknown))} (expected {expected})")
    rules = {tuple(spec["path"]): spec for spec in ws.answer_fields()}
    clean = copy.deepcopy(blank)
    for key, given in answers.items():
        clean[key] = _check(blank[key], given, (key,), rules, fail)
    return clean


def _check(blank, given, path, rules, fail):
    if isinstance(blank, list):
        return _check_rows(blank, given, path, rules, fail)
    if isinstance(blank, dict):
        return _check_group(blank, given, path, rules, fail)
    spec = rules.get(path) or rules.get((path[0], 0, *path[2:]))
    return check_value(spec, given, _label(path), fail)


def _label(path) -> str:
    if len(path) == 1:
        return path[0]
    if isinstance(path[1], int):  # ("rows", 0, "situation")
        return f"row {path[1] + 1} {path[2]!r}"
    return f"{path[0].removesuffix('s')} {path[1]}"


def _check_group(blank, given, path, rules, fail):
    noun = "column" if len(path) > 1 else path[0].removesuffix("s")
    if not isinstance(given, dict):
        fail(f"{path[0]} must be a dict of keys to answers")
    clean = dict(blank)
    for key, value in given.items():
        if key not in blank:
            close = difflib.get_close_matches(str(key), list(blank), n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            known = ", ".join(repr(c) for c in blank)
            where = f"row {path[1] + 1} has" if len(path) > 1 else f"{path[0]} have"
            fail(f"{where} no {noun} {quote(key)}.{hint} The keys are: {known}")
        clean[key] = _check(blank[key], value, (*path, key), rules, fail)
    return clean


def _check_rows(blank, given, path, rules, fail):
    if not isinstance(given, list):
        fail(f"{path[0]} must be a list of rows")
    if len(given) > MAX_ROWS:
        fail(f"have {len(given)} rows (at most {MAX_ROWS})")
    rows = [_check(blank[0], row, (*path, number), rules, fail) for number, row in enumerate(given)]
    extra = [row for row in rows[len(blank) :] if any(v.strip() for v in row.values())]
    if extra:
        fail(
            f"have {len(rows)} rows, with text beyond row {len(blank)}; "
            f"this worksheet has {len(blank)}"
        )
    return [rows[n] if n < len(rows) else copy.deepcopy(blank[n]) for n in range(len(blank))]


def check_value(spec, value, label, fail):
    """One answer: a tick, a point on the scale, or text. The browser has the twin."""
    kind = spec["type"]
    if kind == "bool":
        if value is None:
            return False
        if not isinstance(value, bool):
            fail(f"{label} must be True or False, not {quote(value)}")
        return value
    if kind == "scale":
        low, high = spec["low"], spec["high"]
        whole = isinstance(value, (int, float)) and not isinstance(value, bool)
        if value is not None and not (whole and float(value).is_integer() and low <= value <= high):
            fail(f"{label} is {quote(value)}; use a whole number from {low} to {high}")
        return None if value is None else int(value)
    if value is None:
        return ""
    if not isinstance(value, str):
        fail(f"{label} must be text, not {type(value).__name__}")
    if len(value) > MAX_ANSWER:
        fail(f"{label} is {len(value)} characters long (at most {MAX_ANSWER})")
    return value


def read_answers_file(ws, path) -> dict:
    """The parsed JSON of an answers file, or a WorksheetError naming the file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise WorksheetError(f"{ws.id}: no answers file at {path}") from None
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        problem = "nested too deeply" if isinstance(error, RecursionError) else error
        raise WorksheetError(
            f"{ws.id}: {path.name} is not a JSON answers file ({problem})"
        ) from None
    return data


def write_answers(path, data: dict) -> None:
    """Write an answers file all or nothing: a stopped write leaves the old file."""
    path = Path(path)
    draft = path.with_name(path.name + ".saving")
    draft.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(draft, path)
