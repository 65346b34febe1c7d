"""The worksheet kit: build, validate, show and summarise worksheets.

In a worksheet notebook::

    from worksheet_kit import Checklist
    worksheet = Checklist(id="safety-check", ...)
    worksheet                      # shows the form
    worksheet.summarise(answers)   # checks answers, shows the summary

The Sphinx extension lives in `worksheet_kit.sphinx_ext`; this package
itself imports only the standard library.
"""

from .answers import SCHEMA, Summary
from .errors import WorksheetError
from .model import (
    Checklist,
    ConversationGuide,
    RatingScale,
    ReflectionTable,
    Step,
    Worksheet,
    from_data,
)

__all__ = [
    "SCHEMA",
    "Checklist",
    "ConversationGuide",
    "RatingScale",
    "ReflectionTable",
    "Step",
    "Summary",
    "Worksheet",
    "WorksheetError",
    "from_data",
]
