"""Worksheets as Typst markup: one function per kind, in KINDS.

    render_sheet(worksheet, level=1)  # -> markup for a page of its own

The functions call the helpers in ``kit.typ`` (``sheet``, ``facts``,
``tick-box``, ``write-lines``...). Boxes, lines and arrows are drawn
shapes; all text goes through `markup.text`.
"""

from __future__ import annotations

import math

from .markup import string, text

WIDE = 4  # a table with more columns than this gets a landscape page


def content(value: str) -> str:
    """Text as a Typst content block."""
    return f"[{text(value)}]"


def checklist(ws) -> str:
    rows = ",\n".join(f"  tick-box, {content(item)}" for item in ws.items)
    out = [
        "#grid(columns: (auto, 1fr), column-gutter: 3mm, row-gutter: 1.8mm,",
        rows,
        ")",
    ]
    if ws.if_marked:
        out.append(
            f"#block(above: 1em, inset: 6pt, stroke: (left: 2pt + brand))[{text(ws.if_marked)}]"
        )
    return "\n".join(out)


def rating_scale(ws) -> str:
    points = ", ".join(f"({value}, {content(label)})" for value, label in ws.points)
    boxes = " #h(1.1em) ".join(f"#numbered-box[{value}]" for value, _ in ws.points)
    below = len(ws.points) > 6  # many points: the boxes go under the sentence
    cells = []
    for number, item in enumerate(ws.items, start=1):
        if below:
            cells.append(f"  [{number}.], [{text(item)} \\ {boxes}]")
        else:
            cells.append(f"  [{number}.], {content(item)}, [{boxes}]")
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
        cells = [f"_Example:_ {text(ws.example[0])}", *(text(v) for v in ws.example[1:])]
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
    return "\n".join(
        [
            "#block(inset: 6pt, stroke: 0.6pt + ink, radius: 2pt, below: 0.9em)"
            f"[*Pause rule:* {text(ws.pause_rule)}]",
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


# -- cycle: boxes on an ellipse, arrows clockwise -------------------------------
CANVAS = (170.0, 140.0)  # mm; fits the body of A4 and US Letter
GAP = 2.5  # between a box and an arrow's ends


def stage_size(count: int) -> tuple[float, float]:
    """A stage's box (mm): smaller when more of them share the loop."""
    return {5: (50.0, 38.0), 6: (46.0, 34.0)}.get(count, (56.0, 40.0))


def cycle_layout(count: int) -> list[tuple[float, float]]:
    """Box centres (mm) clockwise from the top."""
    (width, height), (box_w, box_h) = CANVAS, stage_size(count)
    rx, ry = (width - box_w) / 2, (height - box_h) / 2
    return [
        (
            round(width / 2 + rx * math.cos(math.radians(-90 + i * 360 / count)), 2),
            round(height / 2 + ry * math.sin(math.radians(-90 + i * 360 / count)), 2),
        )
        for i in range(count)
    ]


def arrow_ends(start, end, half) -> tuple[tuple[float, float], tuple[float, float]]:
    """From the side of one box that faces the next to the side of it that faces back."""
    (x1, y1), (x2, y2), (hw, hh) = start, end, half
    if x2 - hw > x1 + hw:  # the next box lies wholly to the right
        origin = (x1 + hw + GAP, y1)
    elif x2 + hw < x1 - hw:
        origin = (x1 - hw - GAP, y1)
    else:
        origin = (x1, y1 + (hh + GAP if y2 > y1 else -hh - GAP))
    if y1 + hh < y2 - hh:  # this box lies wholly above the next
        target = (x2, y2 - hh - GAP)
    elif y1 - hh > y2 + hh:
        target = (x2, y2 + hh + GAP)
    else:
        target = (x2 + (-hw - GAP if x1 < x2 else hw + GAP), y2)
    return origin, target


def cycle(ws) -> str:
    count = len(ws.stages)
    centres = cycle_layout(count)
    box_w, box_h = stage_size(count)
    half = (box_w / 2, box_h / 2)
    lines = [f"#block(width: {CANVAS[0]}mm, height: {CANVAS[1]}mm, above: 0.6em)["]
    for number, ((x, y), stage) in enumerate(zip(centres, ws.stages, strict=True), start=1):
        lines.append(
            f"  #place(dx: {x - half[0]:.2f}mm, dy: {y - half[1]:.2f}mm, "
            f"block(width: {box_w}mm, height: {box_h}mm, inset: 5pt, radius: 3pt, "
            f"stroke: 1pt + ink)[#set text(size: 9.5pt); *{number}.* {text(stage)} "
            "#v(1fr) #write-lines(2)])"
        )
    for i, start in enumerate(centres):
        (x1, y1), (x2, y2) = arrow_ends(start, centres[(i + 1) % count], half)
        lines.append(f"  #arrow(({x1:.2f}mm, {y1:.2f}mm), ({x2:.2f}mm, {y2:.2f}mm))")
    if ws.centre:
        # inside the ring of arrows, with a line to write on
        width, height = (36.0, 24.0) if count <= 4 else (34.0, 24.0)
        lines.append(
            f"  #place(dx: {(CANVAS[0] - width) / 2}mm, dy: {(CANVAS[1] - height) / 2}mm, "
            f"block(width: {width}mm, height: {height}mm, inset: 3mm, "
            f'radius: 4mm, stroke: (paint: brand, dash: "dashed"))'
            f"[#set text(size: 8.5pt); *{text(ws.centre)}* #v(1fr) "
            "#line(length: 100%, stroke: 0.5pt + ink)])"
        )
    lines.append("]")
    return "\n".join(lines)


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
    """The whole sheet: title, facilitator box, instructions, body, next step."""
    body = KINDS[ws.kind](ws)
    if ws.repeat:  # a sheet filled in again each week carries its date
        body = "#block(below: 0.8em)[*Date:* #box(width: 40mm, stroke: (bottom: 0.5pt))]\n" + body
    facts = (
        f"facts({content(ws.purpose)}, {int(ws.minutes)}, {content(ws.who_text)}, "
        f"{content(ws.privacy)})"
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
