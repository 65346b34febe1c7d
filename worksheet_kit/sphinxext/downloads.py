"""Export worksheet notebooks for readers: clean, self-contained `.ipynb`.

    python -m worksheet_kit.sphinxext.downloads worksheets _build/html/notebooks

For each ``worksheets/<id>.md`` this writes ``<id>.ipynb`` and one zip of
them all. A download has no outputs and no build-only cells; its "Your
answers" cell holds a blank answers template; its first (collapsed) cell
carries the portable kit so it runs in any Jupyter with only the standard
library. The Sphinx extension calls `export_all` after each HTML build; in
a build of another language (``-D language=es``) the notebooks speak it,
from the same sources and the build's catalogs (``page_words.py``).
"""

from __future__ import annotations

import hashlib
import re
import sys
import zipfile
from pathlib import Path

import nbformat

from ..core.errors import WorksheetError
from ..core.words import _
from .cell_lines import first_line_of, syntax_error_line
from .markdown_words import translate_markdown
from .merged_strings import describe, merged_items
from .notebook_cells import (
    answers_cell_head,
    answers_help,
    chart_cell,
    form_lines,
    kit_cell,
    safety_anchor,
    safety_note,
    save_entry_cell,
)
from .page_words import Catalogs, PageWords, swap_lines
from .portable import kit_fingerprint
from .time_limit import build_time_limit, time_limit

ZIP_NAME = "rebuilding-trust-worksheets.zip"
BUILD_ONLY = "build-only"
ANSWERS_TAG = "your-answers"
WORKSHEET_TAG = "worksheet"


def tags_of(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def read_notebook(path: Path):
    """The text notebook, or a WorksheetError naming the file (bad front matter...)."""
    import jupytext  # here, not at the top: most builds skip the export

    try:
        return jupytext.read(path)
    except Exception as error:  # jupytext raises YAML, JSON and its own errors
        problem = " ".join(str(error).split())[:300]
        raise WorksheetError(f"{path}: cannot be read as a notebook ({problem})") from None


def check_shape(nb, path: Path) -> None:
    """Title first; one worksheet cell; one answers cell (see worksheets/README.md)."""
    first = nb.cells[0] if nb.cells else None
    if first is None or first.cell_type != "markdown" or not first.source.startswith("# "):
        raise WorksheetError(f"{path}: must start with its title (a '# Title' Markdown cell)")
    for tag in (WORKSHEET_TAG, ANSWERS_TAG):
        cells = [c for c in nb.cells if tag in tags_of(c)]
        if len(cells) != 1:
            raise WorksheetError(
                f"{path}: needs exactly one code cell tagged {tag!r} (found {len(cells)})"
            )


def worksheet_from_notebook(nb, path: Path, timeout: int = 0):
    """Check the notebook's shape, run its `worksheet` cell, return the object.

    With a timeout (seconds; main thread only), a cell that runs longer fails.
    """
    check_shape(nb, path)
    cell = next(c for c in nb.cells if WORKSHEET_TAG in tags_of(c))
    namespace: dict = {}
    try:
        code = compile(cell.source, str(path), "exec")
    except SyntaxError:
        line, message = syntax_error_line(path.read_text(encoding="utf-8"), cell.source)
        raise WorksheetError(f"{path}:{line}: {message}") from None
    merged = merged_items(cell.source)
    if merged:
        line, first, second = merged[0]
        line += first_line_of(path.read_text(encoding="utf-8"), cell.source) - 1
        raise WorksheetError(describe(path, line, first, second))
    with time_limit(timeout, f"{path}: the {WORKSHEET_TAG!r} cell"):
        exec(code, namespace)
    worksheet = namespace.get("worksheet")
    if worksheet is None:
        raise WorksheetError(f"{path}: the {WORKSHEET_TAG!r} cell must define `worksheet`")
    if worksheet.id != path.stem:
        raise WorksheetError(f"{path}: worksheet id {worksheet.id!r} must match the file name")
    return worksheet


def rewrite_links(text: str, base_url: str) -> str:
    """Relative book links do not work in a download: make them absolute, or
    name the book's page in words, so the sentence still says where to read
    (without the book's address, a link to its safety page also goes to the
    notebook's own safety note)."""

    def replace(match):
        label, target = match.group(1), match.group(2)
        if re.match(r"^[a-z]+:", target):
            return match.group(0)
        in_book = _("{label} (in the book: {page})")
        if not base_url and target.partition("#")[0].endswith("safety.md"):
            return in_book.format(label=f"[{label}]({safety_anchor()})", page="`docs/safety.html`")
        page = re.sub(r"^(\.\./)+", "", target).replace(".md", ".html").replace(".ipynb", ".html")
        if not base_url:
            return in_book.format(label=label, page=f"`{page.partition('#')[0]}`")
        return f"[{label}]({base_url.rstrip('/')}/{page})"

    return re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", replace, text)


def export_notebook(
    path: Path, base_url: str = "", timeout: int = 0, page: PageWords | None = None
) -> nbformat.NotebookNode:
    """The download of one worksheet, its added cells in the language the kit
    speaks (``core/words.py``); its kit cell carries that language's catalog.
    With its `page`'s words (``page_words.py``), its Markdown and its sheet
    speak them too; its code and its answers' keys stay the English source's."""
    page = page or PageWords()
    source_nb = read_notebook(path)
    english = worksheet_from_notebook(source_nb, path, timeout)
    worksheet = page.sheet(english)  # its words in the cells made here: notes, answers
    sheet_words = page.sheet_messages(english)
    kit = kit_cell(sheet=(english.id, sheet_words))
    note = nbformat.v4.new_markdown_cell(safety_note(worksheet, base_url))
    cells = []
    after_answers = False  # the summary cell is the code cell after the answers
    for cell in source_nb.cells:
        tags = tags_of(cell)
        if BUILD_ONLY in tags:
            continue
        if cell.cell_type == "markdown" and cell.source.startswith("## Your answers"):
            new = nbformat.v4.new_markdown_cell(
                answers_help(worksheet)
            )  # the page's words are for the web
        elif cell.cell_type == "markdown":
            text = translate_markdown(cell.source, page)
            new = nbformat.v4.new_markdown_cell(rewrite_links(text, base_url))
        elif ANSWERS_TAG in tags:
            new = nbformat.v4.new_code_cell(answers_cell_head() + worksheet.answers_template())
            new.metadata["tags"] = [ANSWERS_TAG]
        else:
            new = nbformat.v4.new_code_cell(cell.source)
            if WORKSHEET_TAG in tags:  # the worksheet's data: shown as a form, code hidden
                swap = "\n" + swap_lines() if sheet_words else ""
                new.source = cell.source.rstrip() + "\n" + swap + form_lines(worksheet)
                new.metadata = {"jupyter": {"source_hidden": True}, "tags": [WORKSHEET_TAG]}
        cells.append(new)
        if worksheet.repeat and ANSWERS_TAG in tags:
            cells.append(save_entry_cell(worksheet))
            after_answers = True
        elif after_answers and new.cell_type == "code":
            cells.append(chart_cell())  # after the summary cell
            after_answers = False
        if len(cells) == 1 and cell.cell_type == "markdown":
            # Title first, then the safety note, then the kit the rest needs.
            cells += [note, kit]
    page.check(path)
    for number, cell in enumerate(cells):
        cell.id = f"{worksheet.id}-{number}"
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python", "pygments_lexer": "ipython3"},
        "title": worksheet.title,
    }
    nbformat.validate(nb)
    return nb


def worksheet_sources(source_dir: Path) -> list[Path]:
    """Every worksheet notebook in the folder (its README is not one)."""
    return sorted(p for p in Path(source_dir).glob("*.md") if p.name != "README.md")


def export_all(
    source_dir: Path,
    out_dir: Path,
    base_url: str = "",
    timeout: int = 0,
    catalogs: Catalogs | None = None,
) -> list[Path]:
    """Write one clean notebook per worksheet and a zip of all of them, in
    the language of `catalogs` (English without)."""
    catalogs = catalogs or Catalogs()
    out_dir.mkdir(parents=True, exist_ok=True)
    written, problems = [], []
    for path in worksheet_sources(source_dir):
        target = out_dir / f"{path.stem}.ipynb"
        try:
            nb = export_notebook(path, base_url, timeout, catalogs.page_words(path))
            text = nbformat.writes(nb) + "\n"
        except WorksheetError as error:
            problems.append(str(error))  # every broken worksheet, not just the first
            continue
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        written.append(target)
    if problems:
        raise WorksheetError("\n".join(problems))
    with zipfile.ZipFile(out_dir / ZIP_NAME, "w", zipfile.ZIP_DEFLATED) as bundle:
        for target in written:
            info = zipfile.ZipInfo(f"rebuilding-trust-worksheets/{target.name}")
            info.date_time = (2026, 1, 1, 0, 0, 0)  # fixed: two builds give one zip
            info.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(info, target.read_bytes())
    return written


def export_stamp(source_dir: Path, base_url: str = "", catalogs: Catalogs | None = None) -> str:
    """Changes whenever a worksheet, the kit, the base URL, the language or
    one of its catalogs does."""
    catalogs = catalogs or Catalogs()
    digest = hashlib.sha256(
        f"{kit_fingerprint(everything=True)}|{base_url}|{catalogs.language}".encode()
    )
    sources = worksheet_sources(source_dir)
    for path in [*sources, *catalogs.files(sources)]:
        digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def export_if_changed(
    source_dir: Path,
    out_dir: Path,
    stamp_file: Path,
    base_url: str = "",
    catalogs: Catalogs | None = None,
):
    """`export_all`, unless the last export (recorded in stamp_file) is current."""
    stamp = export_stamp(source_dir, base_url, catalogs)
    exported = len(list(out_dir.glob("*.ipynb"))) if out_dir.is_dir() else 0
    current = stamp_file.is_file() and stamp_file.read_text() == stamp
    if current and exported == len(worksheet_sources(source_dir)):
        return
    export_all(source_dir, out_dir, base_url, catalogs=catalogs)
    stamp_file.write_text(stamp)


def write_downloads(app, exception):
    """After an HTML build, write the clean notebooks and their zip, in the
    build's language (``-D language=es``: into ``<outdir>/notebooks``, that is
    ``_build/html/es/notebooks``), from its catalogs.

    Skipped when neither the worksheets nor the kit changed since the last
    export: exporting imports jupytext, most of a no-change rebuild's time.
    """
    if exception is not None or app.builder.format != "html":
        return
    if app.env.get_domain("worksheet").data.get("failures"):
        return  # a failing notebook cannot be exported; the build lists it
    from sphinx.util import logging

    try:
        export_if_changed(
            Path(app.srcdir) / app.config.worksheet_folder,
            Path(app.outdir) / "notebooks",
            Path(app.doctreedir) / "worksheet-downloads.stamp",
            app.config.html_baseurl,
            Catalogs.of(app),
        )
    except WorksheetError as error:
        for line in str(error).splitlines():
            logging.getLogger(__name__).warning(f"notebook download: {line}")


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (2, 3):
        print("usage: python -m worksheet_kit.sphinxext.downloads SOURCE_DIR OUT_DIR [BASE_URL]")
        return 2
    source = Path(args[0])
    try:
        written = export_all(source, Path(args[1]), *args[2:], timeout=build_time_limit(source))
    except WorksheetError as error:
        for line in str(error).splitlines():
            print(f"error: {line}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} notebooks and {ZIP_NAME} to {args[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
