"""The forms' script: kept in parts with one job each, served as one file.

Every ``<form class="worksheet">`` gets a toolbar (Print this sheet, Export,
Import, Clear, Forget everything, what the sheet keeps...) and keeps its
answers at the sheet's level: on this device (localStorage), until the tab
closes (sessionStorage) or nothing, under ``rebuilding-trust:<slot>:<id>``
(``storage.js`` is the only part that touches either storage). Nothing is
ever sent anywhere. Answers follow the rules of ``core/answers.py``; answers
saved for another version of a sheet are never mapped onto the new form (the
reader may download them instead). Without JavaScript the plain form still
shows, with no toolbar. Every page also gets the quick exit, and the answers
page its book-wide choices.

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
    "storage",  # the only part that touches web storage: levels, keys, forget everything
    "lock",  # the optional lock: Web Crypto, through storage's raw reads and writes
    "form-data",  # the sheet's own data (script.ws-data); read and fill the form
    "summary",  # the four summary styles of core/summary.py
    "checks",  # the answer rules of core/answers.py
    "saving",  # save as you type, keep copies in step, restore
    "progress",  # dated entries, saved and deleted; their trend (core/progress.py)
    "progress-chart",  # the entries drawn as a chart, with a table beside it
    "notebook",  # "Download notebook with my answers"
    "files",  # export and import, clear
    "printing",  # print a copy of each textarea; print one sheet alone
    "exit",  # the quick exit: its link, or Shift pressed 3 times
    "book-choices",  # the answers page: keep nothing on this device; forget everything
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
