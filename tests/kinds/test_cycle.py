"""Cycle: the parts of a loop, each a box to write in."""

import pytest

from worksheet_kit import WorksheetError
from worksheet_kit.core.html import render_html
from worksheet_kit.sphinxext.typst.cycle import GAP, drawing
from worksheet_kit.sphinxext.typst.worksheets import render_sheet

from .examples import cycle, keyed


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"stages": keyed("A", "B")}, "loop: stages has 2 entries (at least 3)"),
        ({"stages": keyed(*"ABCDEFG")}, "loop: stages has 7 entries (at most 6)"),
        ({"centre": 3}, "loop: centre must be text, not int"),
    ],
)
def test_validation_names_the_field(changes, message):
    with pytest.raises(WorksheetError) as error:
        cycle(**changes)
    assert str(error.value).startswith(message)


def test_summary_counts_the_loop_and_adds_the_centre():
    summary = str(cycle().summarise({"stages": {"when-i-feel": "left out"}, "centre": "closeness"}))
    assert "You filled 1 of 4 parts of the loop." in summary
    assert "- When I feel left out" in summary
    assert "- What we both want underneath: closeness" in summary
    blank = ["I do", "Then you feel", "You do", "One small step I will take this week"]
    assert summary.endswith("Still blank:\n" + "\n".join(f"  - {b}" for b in blank))


def test_summary_lists_every_blank_box_of_a_blank_loop():
    summary = str(cycle().summarise({}))
    blank = [
        *cycle().stages,
        "What we both want underneath",
        "One small step I will take this week",
    ]
    assert summary.endswith("Still blank:\n" + "\n".join(f"  - {b}" for b in blank))


@pytest.mark.parametrize("count", [3, 4, 5, 6])
def test_form_places_every_box_around_the_loop(count):
    html = render_html(cycle(stages=keyed(*(f"Part {n}" for n in range(count)))), prefix="p")
    assert html.count('class="ws-cycle-stage"') == count
    assert html.count("then back to box 1") == 1


# -- the printed drawing (Typst): geometry in mm, checked without rendering --------
def crosses(segment, rect, margin: float = 1.0) -> bool:
    """Whether a segment passes within `margin` mm of a rect (Liang-Barsky clipping)."""
    (x1, y1), (x2, y2) = segment
    dx, dy = x2 - x1, y2 - y1
    low, high = 0.0, 1.0
    for p, q in (
        (-dx, x1 - (rect.x - margin)),
        (dx, rect.x + rect.width + margin - x1),
        (-dy, y1 - (rect.y - margin)),
        (dy, rect.y + rect.height + margin - y1),
    ):
        if p == 0:
            if q < 0:
                return False
        elif p < 0:
            low = max(low, q / p)
        else:
            high = min(high, q / p)
    return low <= high


def apart(a, b, margin: float = 3.0) -> bool:
    """Whether two rects are at least `margin` mm apart, side by side or one above."""
    return (
        a.x + a.width + margin <= b.x
        or b.x + b.width + margin <= a.x
        or a.y + a.height + margin <= b.y
        or b.y + b.height + margin <= a.y
    )


@pytest.mark.parametrize("centre", [True, False])
@pytest.mark.parametrize("count", [3, 4, 5, 6])
def test_every_arrow_runs_clockwise_between_neighbours_over_nothing(count, centre):
    shape = drawing(count, centre)
    middle = (
        sum(r.x + r.width / 2 for r in shape.stages) / count,
        sum(r.y + r.height / 2 for r in shape.stages) / count,
    )
    others = [*shape.stages, *([shape.centre] if centre else [])]
    for number, ((ax, ay), (bx, by)) in enumerate(shape.arrows):
        # clockwise on the page (y grows downwards): turning right round the middle
        assert (ax - middle[0]) * (by - ay) - (ay - middle[1]) * (bx - ax) > 0, number
        assert ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5 >= 12, number  # long enough to see
        for rect in others:
            assert not crosses(((ax, ay), (bx, by)), rect), (number, rect)
        # it starts at this box's edge and ends at the next one's
        assert crosses(((ax, ay), (ax, ay)), shape.stages[number], GAP + 0.1)
        assert crosses(((bx, by), (bx, by)), shape.stages[(number + 1) % count], GAP + 0.1)
    for i, rect in enumerate(others):
        assert 0 <= rect.x and rect.x + rect.width <= shape.canvas[0] + 0.01
        assert 0 <= rect.y and rect.y + rect.height <= shape.canvas[1] + 0.01
        assert all(apart(rect, other) for other in others[i + 1 :]), i


def test_the_typst_markup_draws_that_geometry():
    worksheet = cycle(stages=keyed(*"ABCDE"))
    markup = render_sheet(worksheet)
    shape = drawing(5)
    for (ax, ay), (bx, by) in shape.arrows:
        assert f"#arrow(({ax:.2f}mm, {ay:.2f}mm), ({bx:.2f}mm, {by:.2f}mm))" in markup
    assert markup.count("#arrow(") == 5
    assert f"dx: {shape.centre.x:.2f}mm, dy: {shape.centre.y:.2f}mm" in markup
