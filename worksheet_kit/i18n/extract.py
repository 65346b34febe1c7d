"""The kit's and the book's own strings into templates beside Sphinx's.

Sphinx's gettext builder collects the pages' text (and each worksheet's
words); this collects what code shows a reader: the kit's Python (marked
``_()``, ``n_()``, ``n_forms()``, ``N_()``, ``core/words.py``) and browser script (``t()``,
``tn()``, ``static/worksheets/words.js``) into ``kit.pot``, and the book's
extensions in ``_ext/`` and conf.py into ``book.pot``, with the words of any data file
a page shows: an ``_ext`` module's ``catalog_words(srcdir)`` gives them as
(text, where) pairs (``_ext/workshop_plan_pages.py``: the workshop plans)::

    python -m worksheet_kit.i18n.extract _build/gettext

``make gettext`` runs it, then ``catalogs update`` brings each language's
``kit.po`` and ``book.po`` in step.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import write_po

KIT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "N_": None, "n_": (1, 2), "n_forms": (1, 2), "t": None, "tn": (1, 2)}
METHODS = [("**/static/**.js", "javascript"), ("**.py", "python")]


def template(source: Path, project: str) -> Catalog:
    """Every marked string under `source`, each once, where it was found."""
    catalog = Catalog(project=project, fuzzy=False)
    for filename, line, message, comments, context in extract_from_dir(
        source, METHODS, keywords=KEYWORDS, strip_comment_tags=True
    ):
        location = (Path(source.name, filename).as_posix(), line)
        catalog.add(message, locations=[location], auto_comments=comments, context=context)
    return catalog


def add_conf_words(catalog: Catalog, conf: Path) -> None:
    """The settings marked ``N_()`` in conf.py: the title, the tagline."""
    if conf.is_file():
        for line, message, comments, _context in extract_from_file(
            "python", conf, keywords=KEYWORDS, strip_comment_tags=True
        ):
            catalog.add(message, locations=[(conf.name, line)], auto_comments=comments)


def add_data_words(catalog: Catalog, ext: Path) -> None:
    """Words from data files, from each ``_ext`` module that defines ``catalog_words``."""
    sys.path.insert(0, str(ext))  # the book's modules import each other
    try:
        for path in sorted(ext.glob("*.py")):
            if "def catalog_words(" not in path.read_text(encoding="utf-8"):
                continue
            spec = importlib.util.spec_from_file_location(f"_book_{path.stem}", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            for text, where in module.catalog_words(ext.parent):
                catalog.add(text, locations=[(where.partition(": ")[0], 0)])
    finally:
        sys.path.remove(str(ext))


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=79, omit_header=False, sort_by_file=True)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    write(template(KIT, "Rebuilding Trust worksheet kit"), out / "kit.pot")
    book = Path.cwd() / "_ext"
    if book.is_dir():
        catalog = template(book, "Rebuilding Trust")
        add_conf_words(catalog, book.parent / "conf.py")
        add_data_words(catalog, book)
        write(catalog, out / "book.pot")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
