"""Browser fixtures (see harness.py): the served book, Chromium, dialogs."""

from .harness import browser, context, dialogs, page, site, worksheet_pages  # noqa: F401
