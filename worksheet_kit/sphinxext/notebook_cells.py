"""The cells a download adds to a worksheet's own: the kit, and the words
and code of its "Your answers" part (``downloads.py`` puts them in place).

- `safety_note`: the cell under the title: when not to go on, where to get
  help, and what happens to the reader's answers;
- `kit_cell`: the first, collapsed cell, holding the portable kit (and, for
  a language other than English, the kit's compiled catalog, so the
  notebook speaks it without Sphinx);
- `answers_help`: the "Your answers" heading, saying how to fill in this kind;
- `form_lines`: what the worksheet cell shows: the form to fill in;
- `answers_cell_head` + ``worksheet.answers_template()``: the answers cell;
- `save_entry_cell` and `chart_cell`: a repeatable sheet's cells to keep
  today's entry (above the summary) and draw the entries (below it).

Every text here goes through the words seam (``core/words.py``), in the
language the kit speaks when the cell is made.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import nbformat

from ..core import words
from ..core.errors import WorksheetError
from ..core.mistakes import MARK
from ..core.text import comment_block
from ..core.words import N_, _
from .portable import KIT_DIR, portable_sources

SAFETY_ANCHOR = "#Safety-first"  # Jupyter's id for that heading: spaces become "-"
SAFETY_NOTE = N_("""\
## Safety first

**Is it safe?** This workbook is education, not therapy. If your
partner hurts you, threatens you, or controls where you go, what you spend
or who you see, do not do the joint exercises. Get help on your own first:
couples therapy is not the first step. US and Canada: call or text **988**
for a crisis line. US: National Domestic Violence Hotline **1-800-799-7233**
(or text START to 88788). Elsewhere: **findahelpline.com** lists the lines
where you live. {safety_link}

**Privacy.** {privacy} This notebook sends nothing anywhere. Keep the file
where only you can open it: a partner who controls you may read synced
files.""")


def safety_anchor() -> str:
    """The link to the safety note's heading, in the language the kit speaks
    (``SAFETY_ANCHOR`` in English)."""
    heading = _(SAFETY_NOTE).split("\n", 1)[0].lstrip("#").strip()
    return "#" + heading.replace(" ", "-")


def safety_note(worksheet, base_url: str = "") -> str:
    """The note under the title, linking the book's Safety first page when the
    book's address is known (``html_baseurl``), else saying where to find it."""
    if base_url:
        address = f"{base_url.rstrip('/')}/docs/safety.html"
        link = _("Read [Safety first]({address}) in the book.").format(address=address)
    else:
        link = _(
            'The book\'s chapter "Safety first" says more: on the site where you found '
            "this notebook, or as `docs/safety.html` in the book's folder."
        )
    return _(SAFETY_NOTE).format(privacy=worksheet.privacy, safety_link=link)


def answers_cell_head() -> str:
    """The answers cell's first line; it starts with the mark ``core/mistakes.py`` looks for."""
    line = _("{mark}: fill in, then run this cell and the next one.")
    return line.format(mark=_(MARK)) + "\n"


def form_lines(worksheet) -> str:
    """Added under the worksheet cell's own code: the form shows instead of the sheet."""
    saves = _("The form to fill in: it saves every change to {file}")
    return f"\n# {saves.format(file=f'{worksheet.id}-answers.json')}\nform = worksheet.form()\nform"


LINE_PIECE = 96  # characters of a long source line per line of the cell


def quoted_line(line: str) -> str:
    """One source line as a string literal; a long one (the frozen table's)
    as adjacent literals in parentheses, one short line each."""
    pieces = [line[i : i + LINE_PIECE] for i in range(0, len(line), LINE_PIECE)] or [""]
    literals = [json.dumps(piece, ensure_ascii=False) for piece in pieces]
    return literals[0] if len(literals) == 1 else "(" + "\n ".join(literals) + ")"


def kit_files_source() -> str:
    """The portable kit as a dict of files, each a list of its lines: short lines to read."""
    out = ["_KIT_FILES = {"]
    for name, source in portable_sources().items():
        out.append(f"{json.dumps(name)}: [")
        out += [f"{quoted_line(line)}," for line in source.split("\n")]
        out.append("],")
    return "\n".join([*out, "}"])


def kit_cell(
    language: str | None = None, locale_dir: Path | None = None, sheet: tuple[str, dict] = ("", {})
):
    """The notebook's first cell, collapsed: the portable kit, speaking `language`.

    Without arguments, the language and catalog the kit speaks now (in a
    Sphinx build, the build's: ``sphinxext/words.py``); else the catalog
    ``<locale_dir>/<language>/LC_MESSAGES/kit.po`` (``locale/`` beside the kit).
    `sheet` (its id, and its own words' translations) adds a sheet's words to
    the catalog (``page_words.py``)::

        cell = kit_cell()       # in a Spanish build, a Spanish notebook's first cell
        cell = kit_cell("es")   # the same, from locale/es/LC_MESSAGES/kit.po
        cell = kit_cell(sheet=("demo", {"Demo checklist": "Lista de prueba"}))
    """
    catalog = None
    if language is None and locale_dir is None and words.catalog():
        language, catalog = words.language(), words.catalog()
    language = language or words.language()
    if language != "en" and catalog is None:
        from .words import compiled  # Babel: only the build has it

        po = Path(locale_dir or KIT_DIR.parent / "locale") / language / "LC_MESSAGES" / "kit.po"
        if not po.is_file():  # a notebook whose cells speak a language its kit cannot
            raise WorksheetError(f"no kit catalog for the language {language!r}: {po}")
        catalog = compiled(po, language)
    if sheet[1]:
        from .page_words import sheet_catalog  # Babel: only the build has it

        catalog = sheet_catalog(catalog, *sheet)
    cell = nbformat.v4.new_code_cell(kit_cell_source(language, catalog))
    cell.metadata = {"jupyter": {"source_hidden": True}, "tags": ["worksheet-kit"]}
    return cell


def catalog_lines(language: str, catalog: bytes) -> list[str]:
    """Lines that make the kit speak `language` from a compiled (.mo) catalog."""
    encoded = base64.b64encode(catalog).decode("ascii")
    out = ["import base64, worksheet_kit.core.words", "_KIT_WORDS = ("]
    out += [
        f"    {json.dumps(encoded[i : i + LINE_PIECE])}" for i in range(0, len(encoded), LINE_PIECE)
    ]
    return [*out, ")", f"worksheet_kit.core.words.use({language!r}, base64.b64decode(_KIT_WORDS))"]


def kit_cell_source(language: str = "en", catalog: bytes | None = None) -> str:
    """A cell that makes the portable kit importable from source held in the cell,
    and speak `language` when given its compiled `catalog`."""
    return "\n".join(
        [
            "# " + _("Run this cell first; there is no need to read it. It holds the"),
            "# " + _("worksheet kit, so this notebook runs in any Jupyter. It uses only"),
            "# " + _("Python's standard library and sends nothing anywhere."),
            "import importlib.abc, importlib.util, sys",
            kit_files_source(),
            "_KIT_SOURCES = {name: '\\n'.join(lines) for name, lines in _KIT_FILES.items()}",
            "class _KitFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):",
            "    def find_spec(self, name, path=None, target=None):",
            "        base = name.replace('.', '/')",
            "        for key, package in ((base + '.py', False), (base + '/__init__.py', True)):",
            "            if key in _KIT_SOURCES:",
            "                loader = importlib.util.spec_from_loader",
            "                spec = loader(name, self, is_package=package)",
            "                spec.origin = key",
            "                return spec",
            "    def create_module(self, spec):",
            "        return None",
            "    def exec_module(self, module):",
            "        key = module.__spec__.origin",
            "        exec(compile(_KIT_SOURCES[key], key, 'exec'), module.__dict__)",
            "sys.meta_path.insert(0, _KitFinder())",
            "# list() copies at once: another thread of the kernel may import meanwhile",
            "for _name in [n for n in list(sys.modules) if n.split('.')[0] == 'worksheet_kit']:",
            "    del sys.modules[_name]  # a kit imported before this cell is replaced",
            "import worksheet_kit",
            *(catalog_lines(language, catalog) if catalog else []),
            "import worksheet_kit.core.mistakes",
            "worksheet_kit.core.mistakes.install()  # "
            + _("mistakes in your answers, told in words"),
        ]
    )


HOW_TO_ANSWER = {
    "bool": N_(
        "change `False` to `True` (with a capital T) for each sentence that is true for you"
    ),
    "scale": N_("change each `None` to a number from the scale (leave `None` to skip)"),
    "text": N_('type your words between the quotes ("")'),
}


def answers_help(worksheet) -> str:
    """The notebook's own words for its "Your answers" heading, by answer type."""
    kinds = list(dict.fromkeys(f["type"] for f in worksheet.answer_fields()))
    steps = "; ".join(_(HOW_TO_ANSWER[k]) for k in kinds)
    text = _(
        "First run the cells above (in Jupyter: Run All). If the form "
        "above can be clicked, answer there: it saves each change in {file} beside this "
        "notebook, shows your summary as you go, and fills in again from that file next "
        "time. Or type your answers: in the cell below, {steps}. Run it and the cells "
        "under it."
    ).format(file=f"{worksheet.id}-answers.json", steps=steps)
    if worksheet.repeat:
        text += " " + _(
            "To see your progress over the weeks, keep each week's answers as a dated"
            " entry: with the form's button, or with the cell under the answers. The"
            " summary then compares your entries."
        )
    heading = _("Your answers")
    return f"## {heading}\n\n{text}"


def save_entry_cell(worksheet):
    """For a repeatable sheet, under its answers: keep today's entry (when asked)."""
    name = f"{worksheet.id}-answers.json"
    comment = _(
        'Keep today\'s answers as a dated entry: delete the "# " before the\n'
        "last line, then run this cell and the ones below. It goes into {file}\n"
        "beside this notebook (the file the form above saves to), with your\n"
        "earlier entries, which the summary then compares."
    ).format(file=name)
    source = comment_block(comment) + f'\n# history = worksheet.save_entry(answers, "{name}")'
    return nbformat.v4.new_code_cell(source)


def chart_cell():
    """For a repeatable sheet, under its summary: the entries as a chart."""
    return nbformat.v4.new_code_cell("worksheet.chart(history)")
