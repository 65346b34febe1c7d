"""The kinds of worksheet, by name. A new kind is a module here plus one
function in each renderer (``core/html.py``, ``core/text.py``,
``sphinxext/typst/worksheets.py``)."""

from __future__ import annotations

from ..errors import WorksheetError
from ..worksheet import Worksheet
from .checklist import Checklist
from .conversation_guide import ConversationGuide, Step
from .cycle import Cycle
from .prompts import Prompts
from .rating_scale import RatingScale
from .reflection_table import ReflectionTable

KINDS: dict[str, type[Worksheet]] = {
    cls.kind: cls
    for cls in (Checklist, RatingScale, ReflectionTable, ConversationGuide, Prompts, Cycle)
}


def from_data(data: dict) -> Worksheet:
    """Rebuild a worksheet from `Worksheet.to_data()` output (or any plain dict)."""
    if not isinstance(data, dict):
        raise WorksheetError(f"worksheet: data must be a dict, not {type(data).__name__}")
    data = dict(data)
    kind = data.pop("kind", None)
    data.pop("edition", None)
    if kind not in KINDS:
        name = data.get("id", "worksheet")
        raise WorksheetError(f"{name}: kind {kind!r} is unknown (choose from {', '.join(KINDS)})")
    return KINDS[kind](**data)


__all__ = [
    "KINDS",
    "Checklist",
    "ConversationGuide",
    "Cycle",
    "Prompts",
    "RatingScale",
    "ReflectionTable",
    "Step",
    "from_data",
]
