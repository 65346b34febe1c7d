"""The long horizontal rules on a page Typst drew as SVG, for layout tests.

    rules(svg_bytes)  # -> [(y, width), ...] in pt from the page's top, top first

Typst draws a block's one-sided stroke as a thin filled rectangle path
inside nested ``translate``/``matrix`` groups; only straight paths count.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
THIN = 1.5  # pt: a path no taller than this is a rule
LONG = 400.0  # pt: and at least this wide (most of a text column)


def offset(transform: str) -> tuple[float, float]:
    """The translation of a group's transform (the groups that hold rules only move)."""
    numbers = [float(n) for n in re.findall(r"-?[\d.]+(?:e-?\d+)?", transform)]
    if transform.startswith("translate"):
        return numbers[0], numbers[1] if len(numbers) > 1 else 0.0
    if transform.startswith("matrix"):
        return numbers[4], numbers[5]
    return 0.0, 0.0


def outline(d: str) -> list[tuple[float, float]] | None:
    """The corners of a path of straight lines, or None if it curves."""
    x = y = 0.0
    points = []
    for command, args in re.findall(r"([A-Za-z])([^A-Za-z]*)", d):
        values = [float(n) for n in args.split()]
        if command in "Zz":
            continue
        if command in "Mm":  # a move draws nothing: only where it ends counts
            x, y = (values[-2], values[-1]) if command == "M" else (x + values[-2], y + values[-1])
            continue
        if command not in "LlHhVv":  # a curve: a glyph or a rounded box, never a rule
            return None
        if not points:
            points.append((x, y))
        if command == "L":
            x, y = values[-2:]
        elif command == "l":
            x, y = x + values[-2], y + values[-1]
        elif command == "h":
            x += values[0]
        elif command == "v":
            y += values[0]
        points.append((x, y))
    return points


def rules(svg: bytes) -> list[tuple[float, float]]:
    found = []

    def walk(element, dx: float, dy: float) -> None:
        if element.tag == f"{SVG}defs":
            return
        if element.tag == f"{SVG}g":
            ox, oy = offset(element.get("transform", ""))
            dx, dy = dx + ox, dy + oy
        fill = element.get("fill")
        if element.tag == f"{SVG}path" and fill not in (None, "none"):
            points = outline(element.get("d", ""))
            if points:
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                if max(ys) - min(ys) <= THIN and max(xs) - min(xs) >= LONG:
                    found.append((dy + min(ys), max(xs) - min(xs)))
        for child in element:
            walk(child, dx, dy)

    walk(ET.fromstring(svg), 0.0, 0.0)
    return sorted(found)
