"""The cycle kind as a Typst drawing: stage boxes round a loop, arrows between.

    drawing(count, centre=True)  # -> Drawing: every box and arrow, in mm
    cycle(worksheet)             # -> markup for the drawing

The geometry lives here, in millimetres on a canvas, so tests can check it.
Each arrow runs clockwise on the line between two neighbouring boxes'
centres, from the first box's edge to the next box's edge; the layouts keep
that line clear of every other box and of the centre box.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...core.words import _
from .markup import text

Point = tuple[float, float]
WIDTH = 170.0  # mm; the canvas fits the body of A4 and US Letter
GAP = 2.5  # mm between a box and an arrow's ends
CENTRE = (36.0, 24.0)  # mm; the centre box, with a line to write on

# stage count -> (stage box size, box centres clockwise from the top or top left)
LAYOUTS: dict[int, tuple[Point, list[Point]]] = {
    3: ((56.0, 40.0), [(85.0, 20.0), (142.0, 120.0), (28.0, 120.0)]),
    4: ((56.0, 40.0), [(28.0, 20.0), (142.0, 20.0), (142.0, 120.0), (28.0, 120.0)]),
    5: (
        (50.0, 38.0),
        [(85.0, 19.0), (145.0, 75.0), (120.0, 131.0), (50.0, 131.0), (25.0, 75.0)],
    ),
    6: (
        (46.0, 34.0),
        [(52.0, 17.0), (118.0, 17.0), (147.0, 70.0), (118.0, 123.0), (52.0, 123.0), (23.0, 70.0)],
    ),
}


@dataclass(frozen=True)
class Rect:
    """A box by its top-left corner and size (mm)."""

    x: float
    y: float
    width: float
    height: float

    @classmethod
    def around(cls, centre: Point, size: Point) -> Rect:
        return cls(centre[0] - size[0] / 2, centre[1] - size[1] / 2, *size)


@dataclass(frozen=True)
class Drawing:
    canvas: Point
    stages: list[Rect]
    arrows: list[tuple[Point, Point]]  # (tail, tip), stage i to stage i + 1
    centre: Rect | None


def arrow(start: Point, end: Point, size: Point) -> tuple[Point, Point]:
    """The part of the line from one box's centre to the next outside both boxes."""
    (x1, y1), (x2, y2) = start, end
    dx, dy = x2 - x1, y2 - y1
    length = (dx * dx + dy * dy) ** 0.5
    # where the line leaves a box, as a share of the line: same size, same share
    inside = min(size[0] / 2 / abs(dx) if dx else 1.0, size[1] / 2 / abs(dy) if dy else 1.0)
    share = inside + GAP / length
    return (
        (round(x1 + dx * share, 2), round(y1 + dy * share, 2)),
        (round(x2 - dx * share, 2), round(y2 - dy * share, 2)),
    )


def drawing(count: int, centre: bool = True) -> Drawing:
    """Every box and arrow of a loop of `count` stages."""
    size, centres = LAYOUTS[count]
    canvas = (WIDTH, max(y for _, y in centres) + size[1] / 2)
    middle = None
    if centre:  # at the loop's centroid, inside the ring of arrows
        at = (sum(x for x, _ in centres) / count, sum(y for _, y in centres) / count)
        middle = Rect.around((round(at[0], 2), round(at[1], 2)), CENTRE)
    return Drawing(
        canvas=canvas,
        stages=[Rect.around(c, size) for c in centres],
        arrows=[arrow(c, centres[(i + 1) % count], size) for i, c in enumerate(centres)],
        centre=middle,
    )


def place(rect: Rect, body: str, **style: str) -> str:
    """A block of the rect's size at its place on the canvas."""
    options = "".join(f", {key}: {value}" for key, value in style.items())
    return (
        f"  #place(dx: {rect.x:.2f}mm, dy: {rect.y:.2f}mm, block(width: {rect.width}mm, "
        f"height: {rect.height}mm{options})[{body}])"
    )


def cycle(ws) -> str:
    shape = drawing(len(ws.stages), centre=bool(ws.centre))
    lines = [f"#block(width: {shape.canvas[0]}mm, height: {shape.canvas[1]}mm, above: 0.6em)["]
    count = len(ws.stages)
    for number, (rect, stage) in enumerate(zip(shape.stages, ws.stages, strict=True), start=1):
        # the arrows in words too, as on the web page: a screen reader gets no arrows
        then = _("then box {n}").format(n=number + 1) if number < count else _("then back to box 1")
        body = (  # on the first line, where it takes no room from the writing lines
            f"#set text(size: 9.5pt); *{number}.* {text(stage)} #h(1fr)"
            f" #text(size: 7.5pt)[({text(then)})] #v(1fr) #write-lines(2)"
        )
        lines.append(place(rect, body, inset="5pt", radius="3pt", stroke="1pt + ink"))
    for (x1, y1), (x2, y2) in shape.arrows:
        lines.append(f"  #arrow(({x1:.2f}mm, {y1:.2f}mm), ({x2:.2f}mm, {y2:.2f}mm))")
    if shape.centre:
        body = (
            f"#set text(size: 8.5pt); *{text(ws.centre)}* #v(1fr) "
            "#line(length: 100%, stroke: 0.5pt + ink)"
        )
        dashed = '(paint: brand, dash: "dashed")'
        lines.append(place(shape.centre, body, inset="3mm", radius="4mm", stroke=dashed))
    lines.append("]")
    return "\n".join(lines)
