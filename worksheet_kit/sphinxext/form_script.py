"""The forms' script: kept in parts with one job each, served as one file.

Every ``<form class="worksheet">`` gets a toolbar (Print this sheet, Export,
Import, Clear...) and keeps its answers in this browser's localStorage under
``rebuilding-trust:answers:<id>`` (and ``rebuilding-trust:history:<id>``),
each record naming its edition. Nothing is ever sent anywhere. Answers
follow the rules of ``core/answers.py`` and are read from any edition by
the rule of ``core/editions.py`` (mirrored by ``editions.js``): by key,
with answers to retired questions kept as "earlier answers". Schema-1
records (by position) move to keys on first load. Without JavaScript the
plain form still shows, with no toolbar.

The parts live in ``static/worksheets/`` and share one closure, in the
order of `PARTS` (a part may use what an earlier part defines, and a
function what any part defines)::

    from worksheet_kit.sphinxext.form_script import form_script
    text = form_script()  # what the site serves as _static/worksheets.js
"""

from __future__ import annotations

from pathlib import Path
from textwrap import indent

PARTS_DIR = Path(__file__).parent / "static" / "worksheets"
PARTS = (
    "storage",  # localStorage: missing, blocked or full; records; schema-1 keys
    "form-data",  # the sheet's own data (script.ws-data); read and fill the form
    "summary",  # the four summary styles of core/summary.py
    "checks",  # the answer rules of core/answers.py
    "editions",  # answers from any edition, by key (core/editions.py)
    "legacy",  # schema 1 (by position): its table, upgrade, first-load migration
    "saving",  # save as you type, keep copies in step, restore
    "progress",  # dated entries, saved and deleted; their trend (core/progress.py)
    "progress-chart",  # the entries drawn as a chart, with a table beside it
    "compare",  # a partner's file side by side, in memory only (core/compare.py)
    "notebook",  # "Download notebook with my answers"
    "files",  # export and import, clear
    "printing",  # print a copy of each textarea; print one sheet alone
    "toolbar",  # the buttons, notices, and start-up
)


def form_script() -> str:
    """The parts in order, inside one strict-mode closure."""
    parts = [indent((PARTS_DIR / f"{name}.js").read_text(encoding="utf-8"), "  ") for name in PARTS]
    body = "\n".join(parts)
    return (
        "/* Rebuilding Trust: the worksheet forms (worksheet_kit/sphinxext/form_script.py) */\n"
        f'(() => {{\n  "use strict";\n\n{body}}})();\n'
    )
