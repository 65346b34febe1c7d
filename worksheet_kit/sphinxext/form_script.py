"""The forms' script: kept in parts with one job each, served as two files.

Every ``<form class="worksheet">`` gets a toolbar (Print this sheet, Export,
Import, Clear, Forget everything, what the sheet keeps...) and keeps its
answers at the sheet's level: on this device (localStorage), until the tab
closes (sessionStorage) or nothing, under ``rebuilding-trust:<slot>:<id>``
(``storage.js`` is the only part that touches either storage), each record
naming its edition. Nothing is ever sent anywhere. Answers follow the rules
of ``core/answers.py`` and are read from any edition by the rule of
``core/editions.py`` (mirrored by ``editions.js``): by key, with answers to
retired questions kept as "earlier answers". Schema-1 records (by position)
move to keys on first load. Without JavaScript the plain form still shows,
with no toolbar. Every page also gets the quick exit, and the answers page
its book-wide choices.

Two files, by one rule. ``worksheets.js`` (`PARTS`) holds what a first
visit with nothing stored needs: show the forms, fill them in, keep them at
the sheet's level (and change it, or forget everything), summarise them,
print them, and the quick exit. Everything else is ``worksheets-later.js``
(`LATER_PARTS`, with ``worksheets-later.css``), which loads once:

- on the click that needs it: Export, Import, Clear, Download notebook,
  Save today's entry, Compare, the lock, the answers page's choices;
- at start, only when the browser holds what a first visit never has
  (``saving.js`` `needsLater`): the lock is on, schema-1 records, answers
  of another edition or with earlier answers, weekly entries. The sheet is
  busy and closed to input until it has loaded and filled in; if it cannot
  load, the sheet says so and changes nothing.

The first script reads back the answers its own edition wrote without
``editions.js``; anything else goes through ``carry`` in the later file. It
calls later code only as ``later("exportAnswers", ws)`` (load, then call; one
message if it cannot load) or, where that code has already drawn something,
``laterApi?.drawProgress(ws)``; tests/test_later_script.py holds it to that.

Each file's parts live in ``static/worksheets/`` and share one closure, in
the order of their tuple (a part may use what an earlier part defines, and
a function what any part defines)::

    from worksheet_kit.sphinxext.form_script import form_script, later_script
    text = form_script()  # what the site serves as _static/worksheets.js
    later = later_script()  # _static/worksheets-later.js, loaded when needed
    spanish = form_script(translations(app, "kit"))  # its t()/tn() words in Spanish

Given a catalog (``sphinxext/words.py`` `translations`), every ``t("…")`` and
``tn("…", "…")`` literal is replaced by its translation (`script_words`).
"""

from __future__ import annotations

import re
from pathlib import Path
from textwrap import indent

from .script_words import translate_calls

PARTS_DIR = Path(__file__).parent / "static" / "worksheets"
PARTS = (
    "words",  # t() and tn(): every string a reader sees (translated per language at build)
    "storage",  # the only part that touches web storage: keys, levels, records
    "keeping",  # change what is kept: a sheet's level, forget everything, the quick exit's
    "lock",  # the optional lock: its state; sealed writes; loading what comes later
    "form-data",  # the sheet's own data (script.ws-data); read and fill the form
    "summary",  # the four summary styles of core/summary.py
    "checks",  # the answer rules of core/answers.py
    "saving",  # save as you type; what this edition wrote, read back; other tabs
    "printing",  # print a copy of each textarea; print one sheet alone
    "exit",  # the quick exit: its link, or Shift pressed 3 times
    "levels",  # what a sheet keeps, next to its buttons; forget everything
    "toolbar",  # the buttons, notices, and start-up
)


# The rest loads when needed (a chapter page stays light), served as
# worksheets-later.js: on the click that needs it, or at start when the
# browser holds what a first visit never has (saving.js needsLater). It sees
# the names of PARTS that it uses, handed over when it loads (`_handed_over`);
# PARTS reach its functions through `later(name, ws, ...)` or `laterApi`.
LATER_PARTS = (
    "editions",  # answers from any edition, by key (core/editions.py)
    "legacy",  # schema 1 (by position): its table, upgrade, first-load migration
    "restoring",  # what a sheet keeps, read by editions.js's rule, at start and after
    "earlier",  # answers to questions this edition no longer asks, read-only
    "progress",  # dated entries, saved and deleted; their trend (core/progress.py)
    "progress-chart",  # the entries drawn as a chart, with a table beside it
    "notebook",  # "Download notebook with my answers"
    "files",  # export and import, clear
    "legacy-notices",  # schema-1 answers this edition cannot read, or now kept more strictly
    "locked",  # a locked page: no answers, only Unlock and Forget everything
    "lock-crypto",  # derive the key, seal and unseal; unlock; turn the lock on or off
    "book-choices",  # the answers page: keep nothing on this device; forget; the lock
    "compare",  # a partner's answers side by side: the rules of core/compare.py
    "compare-view",  # the reminder, the partner's file or copy, the view; in memory only
    "compare-keep",  # a partner's answers kept only when the reader asks, at the sheet's level
)
COMMENT = re.compile(r"(?<![:\"'])//[^\n]*|/\*.*?\*/", re.DOTALL)  # a name in one is not used
DECLARED = re.compile(
    r"^(?:async )?function (\w+)|^(?:const|let) (\w+) =|^class (\w+)", re.MULTILINE
)


def _read(names, lookup=None) -> dict[str, str]:
    texts = {name: (PARTS_DIR / f"{name}.js").read_text(encoding="utf-8") for name in names}
    return {n: translate_calls(t, lookup) for n, t in texts.items()} if lookup else texts


def _declared(texts) -> list[str]:
    return [next(filter(None, names)) for text in texts for names in DECLARED.findall(text)]


def _handed_over() -> list[str]:
    """The names of PARTS that LATER_PARTS use (and do not declare themselves)."""
    texts = _read(LATER_PARTS).values()
    later, own = COMMENT.sub("", "\n".join(texts)), set(_declared(texts))
    return [
        n
        for n in _declared(_read(PARTS).values())
        if n not in own and re.search(rf"\b{n}\b", later)
    ]


def form_script(lookup=None) -> str:
    """The parts in order, inside one strict-mode closure, in `lookup`'s language."""
    parts = [indent(text, "  ") for text in _read(PARTS, lookup).values()]
    kit = f"  const KIT = () => ({{ {', '.join(_handed_over())} }});\n"
    body = "\n".join(parts)
    return (
        "/* Rebuilding Trust: the worksheet forms (worksheet_kit/sphinxext/form_script.py) */\n"
        f'(() => {{\n  "use strict";\n\n{body}{kit}}})();\n'
    )


def later_script(lookup=None) -> str:
    """LATER_PARTS as one function that the form script calls once it loads them."""
    texts = _read(LATER_PARTS, lookup)
    body = "\n".join(indent(text, "  ") for text in texts.values())
    names = ", ".join(_handed_over())
    given = ", ".join(n for n in _declared(texts.values()) if not n.startswith("_"))
    return (
        "/* Rebuilding Trust: loaded when needed (worksheet_kit/sphinxext/form_script.py) */\n"
        "window.rebuildingTrustLater = (kit) => {\n"
        f'  "use strict";\n\n  const {{ {names} }} = kit;\n\n{body}\n'
        f"  return {{ {given} }};\n}};\n"
    )
