"""Rating scale: rate each sentence on one scale whose every point has a label.

RatingScale(id=..., items=[("check-phone", "..."), ...], scale=(0, 4),
            anchors=["Never", "Rarely", "Sometimes", "Often", "Almost always"])
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import checks, keys
from ..words import _, n_forms
from ..worksheet import Worksheet, numbered_fields, short


@dataclass(frozen=True, kw_only=True)
class RatingScale(Worksheet):
    items: tuple[keys.Part, ...] = ()
    scale: tuple[int, int] = (0, 4)
    anchors: tuple[str, ...] = ()

    kind = "rating-scale"

    def validate_kind(self, fail):
        object.__setattr__(self, "items", keys.parts(fail, "items", self.items))
        checks.texts(fail, "items", self.items, checks.MAX_ITEM, checks.MAX_ITEMS)
        scale = checks.sequence(fail, "scale", self.scale)
        if len(scale) != 2 or not all(
            isinstance(x, int) and not isinstance(x, bool) for x in scale
        ):
            fail("scale", "must be two whole numbers, (lowest, highest)")
        low, high = scale
        if low >= high:
            fail("scale", f"runs from {low} to {high}: the lowest must come first")
        if high - low > 10:
            fail("scale", f"has {high - low + 1} points (at most 11)")
        if not self.anchors:
            fail("anchors", "are missing: label every point of the scale")
        anchors = checks.texts(fail, "anchors", self.anchors, checks.MAX_TITLE, 11)
        if len(anchors) != high - low + 1:
            fail(
                "anchors",
                f"has {len(anchors)} labels for {high - low + 1} points "
                f"({low} to {high}): label every point",
            )

    @property
    def points(self) -> list[tuple[int, str]]:
        return list(zip(range(self.scale[0], self.scale[1] + 1), self.anchors, strict=True))

    def keyed(self):
        return {"items": self.items}

    def edition_extra(self):
        return {"scale": list(self.scale)}

    def own_fields(self):
        low, high = self.scale
        return [
            {**field, "low": low, "high": high}
            for field in numbered_fields("items", self.items, "scale")
        ]

    def summary_spec(self):
        return {
            "style": "rated",
            "part": "items",
            "verb": "rated",
            "noun": ["item", "items"],
            "counted": n_forms("You rated {n} of {total} item.", "You rated {n} of {total} items."),
            "highest": n_forms(
                "Your highest rating was {value} ({anchor}), for {n} item:",
                "Your highest rating was {value} ({anchor}), for {n} items:",
            ),
            "lowest": n_forms(
                "Your lowest rating was {value} ({anchor}), for {n} item:",
                "Your lowest rating was {value} ({anchor}), for {n} items:",
            ),
            "measure": _("average rating"),
            "anchors": {str(value): label for value, label in self.points},
        }

    def template_lines(self):
        low, high = self.scale
        note = _("{low} to {high} for each item (None: not rated)").format(low=low, high=high)
        lines = [f'    "items": {{  # {note}']
        lines += [f'        "{t.key}": None,  # {short(t)}' for t in self.items]
        return [*lines, "    },"]
