"""Browser fixtures (see harness.py): the served book, Chromium, dialogs."""

from .harness import (  # noqa: F401
    browser,
    context,
    dialogs,
    page,
    reader,
    site,
    worksheet_pages,
)
