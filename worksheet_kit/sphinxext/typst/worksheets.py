"""Worksheets as Typst markup: one function per kind, in KINDS.

    render_sheet(worksheet, level=1)  # -> markup for a page of its own

The functions call the helpers in ``kit.typ`` (``sheet``, ``facts``,
``tick-box``, ``write-lines``...). Boxes, lines and arrows are drawn
shapes; all text goes through `markup.text`.
"""

from __future__ import annotations

from ...core.html import minutes
from ...core.wording import worded
from ...core.words import _
from .cycle import cycle
from .markup import string, text

WIDE = 4  # a table with more columns than this gets a landscape page


def content(value: str) -> str:
    """Text as a Typst content block."""
    return f"[{text(value)}]"


def cell(markup: str) -> str:
    """A grid cell holding one paragraph: a screen reader reads it as one, not
    as a loose run of text beside the next cell's."""
    return f"par[{markup}]"


def checklist(ws) -> str:
    rows = ",\n".join(f"  tick-box, {cell(text(item))}" for item in ws.items)
    out = [
        "#grid(columns: (auto, 1fr), column-gutter: 3mm, row-gutter: 1.8mm,",
        rows,
        ")",
    ]
    if ws.if_marked:
        note = f"par[{text(ws.if_marked)}]"
        out.append(f"#block(above: 1em, inset: 6pt, stroke: (left: 2pt + brand), {note})")
    return "\n".join(out)


def rating_scale(ws) -> str:
    points = ", ".join(f"({value}, {content(label)})" for value, label in ws.points)
    boxes = " #h(1.1em) ".join(f"#numbered-box[{value}]" for value, _ in ws.points)
    below = len(ws.points) > 6  # many points: the boxes go under the sentence
    cells = []
    for number, item in enumerate(ws.items, start=1):
        if below:
            under = text(item) + " \\ " + boxes  # the boxes on a line of their own
            cells.append(f"  {cell(f'{number}.')}, {cell(under)}")
        else:
            cells.append(f"  {cell(f'{number}.')}, {cell(text(item))}, {cell(boxes)}")
    columns = "(auto, 1fr)" if below else "(auto, 1fr, auto)"
    return "\n".join(
        [
            f"#scale-key(({points},))",
            f"#grid(columns: {columns}, column-gutter: 3mm, row-gutter: 3.2mm,",
            ",\n".join(cells),
            ")",
        ]
    )


def reflection_table(ws) -> str:
    columns = len(ws.columns)
    head = ", ".join(f"[*{text(c)}*]" for c in ws.columns)
    rows = [f"  table.header({head}),"]
    if ws.example:
        label = text(_("Example:"))
        example = f"_{label}_ {text(ws.example[0])}"
        cells = [example, *(text(v) for v in ws.example[1:])]
        rows.append("  " + ", ".join(f"text(size: 9pt)[{c}]" for c in cells) + ",")
    rows += ["  " + "[], " * columns] * ws.rows
    heights = "auto, auto, " if ws.example else "auto, "
    return "\n".join(
        [
            f"#table(columns: ({'1fr, ' * columns}), rows: ({heights}write-row + 4mm),",
            *rows,
            ")",
        ]
    )


def conversation_guide(ws) -> str:
    """The pause rule, then numbered turns, each with a ruled row for notes.

    More than four turns go in two columns, read across, so a guide of
    eight turns still fits one page of A4 or US Letter.
    """
    steps = [
        f"  block(breakable: false)[*{number}. {text(step.who)}:* {text(step.prompt)} "
        "#write-lines(1)]"
        for number, step in enumerate(ws.steps, start=1)
    ]
    columns = "(1fr, 1fr)" if len(steps) > 4 else "(1fr,)"
    rule = text(_("Pause rule:"))
    return "\n".join(
        [
            "#block(inset: 6pt, stroke: 0.6pt + ink, radius: 2pt, below: 0.9em)"
            f"[#par[*{rule}* {text(ws.pause_rule)}]]",
            f"#grid(columns: {columns}, column-gutter: 7mm, row-gutter: 4mm,",
            ",\n".join(steps),
            ")",
        ]
    )


def prompts(ws) -> str:
    return "\n".join(
        f"#block(breakable: false, above: 0.9em)[*{number}. {text(prompt)}* "
        f"#write-lines({ws.lines})]"
        for number, prompt in enumerate(ws.prompts, start=1)
    )


KINDS = {
    "checklist": checklist,
    "rating-scale": rating_scale,
    "reflection-table": reflection_table,
    "conversation-guide": conversation_guide,
    "prompts": prompts,
    "cycle": cycle,
}


def is_wide(ws) -> bool:
    return ws.kind == "reflection-table" and len(ws.columns) > WIDE


def render_sheet(ws, level: int = 1) -> str:
    """The whole sheet, worded for paper: title, facts, instructions, body, next step."""
    ws = worded(ws, "paper")
    body = KINDS[ws.kind](ws)
    if ws.repeat:  # a sheet filled in again each week carries its date
        date = text(_("Date:"))
        line = f"#block(below: 0.8em, par[*{date}* #box(width: 40mm, stroke: (bottom: 0.5pt))])"
        body = f"{line}\n{body}"
    facts = (
        f"facts({content(ws.purpose)}, {content(minutes(int(ws.minutes)))}, "
        f"{content(ws.who_text)}, {content(ws.privacy)})"
    )
    next_lines = 1 if ws.kind in ("conversation-guide", "cycle") or is_wide(ws) else 2
    return "\n".join(
        [
            f"#sheet({string(ws.id)}, {content(ws.title)}, level: {level}, "
            f"wide: {'true' if is_wide(ws) else 'false'},",
            f"  facts: {facts},",
            f"  instructions: {content(ws.instructions)},",
            f"  next-step: {content(ws.next_step_prompt)}, next-lines: {next_lines},",
            "  body: [",
            body,
            "])",
        ]
    )


def render_sheet_again(ws) -> str:
    return f"#sheet-again({string(ws.id)}, {content(ws.title)})"
