"""A bad value as a message quotes it: JSON, at most about 80 characters.

    >>> quote("x" * 5000)[-3:]
    'xx…'
    >>> quote([1, 2])
    '[1, 2]'

The browser's twin is ``show`` in ``static/worksheets/checks.js``.
"""

from __future__ import annotations

import json

QUOTE = 80


def quote(value) -> str:
    if isinstance(value, str):
        text = json.dumps(value[: QUOTE + 1], ensure_ascii=False)
    else:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError, RecursionError):
            text = type(value).__name__
    return text if len(text) <= QUOTE else text[: QUOTE - 1] + "…"
