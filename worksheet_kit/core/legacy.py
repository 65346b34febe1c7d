"""Schema 1: answers by position, before keys (the site of commit 78a1706).

`upgrade` reads such a record through the frozen table in `editions_v1`
(version -> keys in position order; a table's columns: heading -> key) and
returns it in schema 2, for `editions.carry` to read like any other::

    upgrade(worksheet, {"schema": "rebuilding-trust-answers/1", "version": "8094028cda",
                        "answers": {"items": {"1": 3}}}, fail)
    # -> {"schema": "rebuilding-trust-answers/2", "edition": "v1-8094028cda",
    #     "questions": {...}, "answers": {"items": {"check-phone": 3}}}

The browser's twin is ``static/worksheets/legacy.js``.
"""

from __future__ import annotations

from .answers import SCHEMA
from .editions_v1 import TABLE as V1
from .quoting import quote


def legacy_table(sheet_id: str) -> dict:
    """Schema 1's versions of a sheet: version -> {group: [[key, text], ...]}."""
    return V1.get(sheet_id, {})


def upgrade(ws, data, fail) -> dict:
    """A schema-1 record (answers by position, columns by their text) by key."""
    version = data.get("version")
    table = legacy_table(ws.id).get(version) if isinstance(version, str) else None
    if table is None:
        fail(
            f"were saved for version {quote(version)} of this worksheet, which this "
            "book cannot match to its questions. Keep your file."
        )
    by_position = {
        group: {str(n): key for n, (key, _) in enumerate(parts, start=1)}
        for group, parts in table.items()
    }
    columns = {text: key for key, text in table.get("columns", [])}
    questions = {key: text for parts in table.values() for key, text in parts}

    def rekey(answers):
        if not isinstance(answers, dict):
            return answers
        out = {}
        for group, value in answers.items():
            if isinstance(value, dict) and group in by_position:
                value = {by_position[group].get(str(k), str(k)): v for k, v in value.items()}
            elif isinstance(value, list) and columns:
                value = [
                    {columns.get(c, c): v for c, v in row.items()} if isinstance(row, dict) else row
                    for row in value
                ]
            out[group] = value
        return out

    upgraded = {
        "schema": SCHEMA,
        "worksheet": ws.id,
        "edition": f"v1-{version}",
        "questions": questions,
        "answers": rekey(data.get("answers")),
    }
    if "history" in data:
        history = data["history"]
        upgraded["history"] = (
            [
                {**e, "answers": rekey(e.get("answers"))} if isinstance(e, dict) else e
                for e in history
            ]
            if isinstance(history, list)
            else history
        )
    return upgraded
