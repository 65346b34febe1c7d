"""Check that the summary of some fictional answers says what it should.

    worksheet.check_summary(
        {"items": {"check-phone": 3, "on-edge": 1}, "next_step": "Ask for a walk."},
        expect=["You rated 2 of {total} items."],
    )

``{total}`` stands for how many parts the summary counts (items, prompts,
steps...), taken from the sheet, so adding an item keeps the check true.
A failure is one line, as the build shows it: what was expected, and what
the summary said.
"""

from __future__ import annotations

from .summary import summarise


def check_summary(ws, answers, expect=(), absent=(), history=None):
    """The summary of `answers`; AssertionError when it lacks a line of `expect`
    or holds one of `absent`."""
    summary = summarise(ws, answers, history)
    text = str(summary)
    total = str(len([f for f in ws.answer_fields() if f["path"][0] == ws.summary_spec()["part"]]))
    said = " / ".join(line.strip() for line in text.splitlines())
    for line in expect:
        wanted = line.replace("{total}", total)
        if wanted not in text:
            raise AssertionError(f"{ws.id}: summary: expected {wanted!r}; got: {said}")
    for line in absent:
        unwanted = line.replace("{total}", total)
        if unwanted in text:
            raise AssertionError(f"{ws.id}: summary: expected no {unwanted!r}; got: {said}")
    return summary
