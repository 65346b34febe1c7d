"""The kit's and the book's own strings into templates beside Sphinx's.

Sphinx's gettext builder collects the pages' text (and each worksheet's
words); this collects what code shows a reader: the kit's Python (marked
``_()``, ``n_()``, ``n_forms()``, ``N_()``, ``core/words.py``) and browser script (``t()``,
``tn()``, ``static/worksheets/words.js``) into ``kit.pot``, and the book's
extensions in ``_ext/`` into ``book.pot``::

    python -m worksheet_kit.i18n.extract _build/gettext

``make gettext`` runs it, then ``catalogs update`` brings each language's
``kit.po`` and ``book.po`` in step.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
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
        write(template(book, "Rebuilding Trust"), out / "book.pot")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
