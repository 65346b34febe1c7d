"""The worksheet kit: build, validate, show and summarise worksheets.

In a worksheet notebook::

    from worksheet_kit import Checklist
    worksheet = Checklist(id="safety-check", ...)
    worksheet                      # shows the form
    worksheet.summarise(answers)   # checks answers, shows the summary

This package and ``worksheet_kit.core`` use only the standard library and
travel inside every downloaded notebook. The Sphinx extension is
``worksheet_kit.sphinxext``.
"""

from .core.editions import SCHEMA
from .core.errors import WorksheetError
from .core.kinds import (
    KINDS,
    Checklist,
    ConversationGuide,
    Cycle,
    Prompts,
    RatingScale,
    ReflectionTable,
    Step,
    from_data,
)
from .core.summary import Summary
from .core.worksheet import Worksheet

__all__ = [
    "KINDS",
    "SCHEMA",
    "Checklist",
    "ConversationGuide",
    "Cycle",
    "Prompts",
    "RatingScale",
    "ReflectionTable",
    "Step",
    "Summary",
    "Worksheet",
    "WorksheetError",
    "from_data",
]
