"""A Spanish build writes Spanish notebooks from the same sources.

The test root's worksheet page is translated in a catalog made the way a
translator makes one: Sphinx's gettext builder extracts the messages, each
gets its Spanish, then ``-D language=es`` builds the book and its downloads.
The notebook runs alone in a kernel that cannot import the repo's kit.
"""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import nbformat
import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from conftest import sphinx_build
from notebooks import run_alone, set_answers
from shared import made_once

from worksheet_kit.core import words
from worksheet_kit.core.editions import envelope
from worksheet_kit.core.kinds import from_data
from worksheet_kit.core.translation import translated
from worksheet_kit.sphinxext.downloads import (
    ZIP_NAME,
    export_if_changed,
    export_notebook,
    export_stamp,
)
from worksheet_kit.sphinxext.markdown_words import translate_markdown
from worksheet_kit.sphinxext.page_words import Catalogs, PageWords
from worksheet_kit.sphinxext.words import compiled

ROOT = Path(__file__).resolve().parent.parent
KIT_PO = ROOT / "locale" / "es" / "LC_MESSAGES" / "kit.po"

DEMO = ROOT / "tests" / "roots" / "test-worksheet" / "worksheets" / "demo.md"
FRONT_MATTER = DEMO.read_text(encoding="utf-8").split("\n# ", 1)[0]  # the root sheet's
BODY = """
# Demo worksheet

Before you start, read [Safety first](../safety.md).

```{code-cell} ipython3
:tags: [remove-input, worksheet]
from worksheet_kit import Checklist

worksheet = Checklist(
    id="demo",
    title="Demo checklist",
    chapter="chapter",
    minutes=5,
    who=["alone"],
    purpose="Notice what is true this week.",
    instructions="Tick each sentence that is true for you.",
    privacy="Keep this to yourself.",
    items=[("kept-word", "I kept my word."), ("listened", "I listened without interrupting.")],
)
worksheet
```

## Your answers

Fill in the form above.

```{code-cell} ipython3
:tags: [remove-cell, your-answers]
answers = worksheet.blank_answers()
```

```{code-cell} ipython3
:tags: [remove-cell]
worksheet.summarise(answers)
```

## Next step

- Talk it over
  with a friend.
- Then read [the chapter](../chapter.md).
"""
SHEET = FRONT_MATTER + BODY

SPANISH = {
    "Test book": "Libro de prueba",
    "A chapter": "Un capítulo",
    "Prose before the worksheet.": "Prosa antes de la hoja.",
    "Safety": "Seguridad",
    "Demo worksheet": "Hoja de prueba",
    "Before you start, read [Safety first](../safety.md).": (
        "Antes de empezar, lee [Primero, tu seguridad](../safety.md)."
    ),
    "Demo checklist": "Lista de prueba",
    "Notice what is true this week.": "Fíjate en lo que es verdad esta semana.",
    "Tick each sentence that is true for you.": "Marca cada frase que sea verdad para ti.",
    "Keep this to yourself.": "Guárdalo para ti.",
    "I kept my word.": "Cumplí mi palabra.",
    "I listened without interrupting.": "Escuché sin interrumpir.",
    "One small step I will take this week:": "Un pequeño paso que daré esta semana:",
    "Your answers": "Tus respuestas",
    "Fill in the form above.": "Rellena el formulario de arriba.",
    "Next step": "Siguiente paso",
    "Talk it over with a friend.": "Háblalo con una amistad.",
    "Then read [the chapter](../chapter.md).": "Después lee [el capítulo](../chapter.md).",
}


def translate_catalogs(pot_dir: Path, locale_dir: Path) -> None:
    """Each template Sphinx wrote, as a Spanish catalog with every message translated."""
    for pot in pot_dir.rglob("*.pot"):
        with pot.open("rb") as source:
            catalog = read_po(source, locale="es")
        for message in catalog:
            if message.id:
                assert message.id in SPANISH, f"{pot.name}: no Spanish for {message.id!r}"
                message.string = SPANISH[message.id]
        po = locale_dir / pot.relative_to(pot_dir).with_suffix(".po")
        po.parent.mkdir(parents=True, exist_ok=True)
        with po.open("wb") as out:
            write_po(out, catalog)


@pytest.fixture(scope="module")
def spanish_build(tmp_path_factory):
    """The root with the sheet above, its catalogs, and its Spanish build (once a run)."""
    import shutil

    with made_once(tmp_path_factory, "es-notebooks") as (tmp, ready):
        if not ready:
            root = tmp / "root"
            shutil.copytree(ROOT / "tests" / "roots" / "test-worksheet", root)
            (root / "worksheets" / "demo.md").write_text(SHEET, encoding="utf-8")
            extracted = sphinx_build(root, tmp / "pot", "gettext")
            assert extracted.returncode == 0, extracted.stderr
            locale = root / "locales" / "es" / "LC_MESSAGES"  # Sphinx's default locale_dirs
            translate_catalogs(tmp / "pot" / "gettext", locale)
            shutil.copy(KIT_PO, locale / "kit.po")
            built = sphinx_build(root, tmp / "out", "html", "-D", "language=es")
            assert built.returncode == 0, built.stderr
    return tmp / "root", tmp / "out" / "html"


def english_sheet(root: Path):
    from worksheet_kit.sphinxext.downloads import read_notebook, worksheet_from_notebook

    path = root / "worksheets" / "demo.md"
    return worksheet_from_notebook(read_notebook(path), path)


def printed(done) -> list[str]:
    """The texts a notebook run alone showed (``notebooks.run_alone``)."""
    return [json.loads(line)["text"] for line in done.stdout.splitlines()]


ANSWERS = {"items": {"kept-word": False, "listened": True}, "next_step": "Call Sam"}


@pytest.fixture(scope="module")
def spanish_run(spanish_build, tmp_path_factory):
    """The Spanish notebook, run alone in a bare kernel, with the answers file
    the English page exports loaded as its answers cell says (the one run here,
    once a run)."""
    root, html = spanish_build
    with made_once(tmp_path_factory, "es-notebook-run") as (tmp, ready):
        if not ready:
            folder = tmp / "alone"
            folder.mkdir()
            english = english_sheet(root)
            (folder / "demo-answers.json").write_text(json.dumps(envelope(english, ANSWERS)))
            notebook = folder / "demo.ipynb"
            notebook.write_bytes((html / "notebooks" / "demo.ipynb").read_bytes())
            nb = nbformat.read(notebook, as_version=4)
            cell = next(c for c in nb.cells if "your-answers" in c.metadata.get("tags", []))
            set_answers(notebook, cell.source.replace("# answers = ", "answers = "))
            done = run_alone(notebook, tmp, executed=tmp / "executed.ipynb")
            assert done.returncode == 0, done.stdout + done.stderr[-3000:]
            (tmp / "stdout.txt").write_text(done.stdout, encoding="utf-8")
    stdout = (tmp / "stdout.txt").read_text(encoding="utf-8")
    done = subprocess.CompletedProcess("demo.ipynb", 0, stdout, "")
    return done, nbformat.read(tmp / "executed.ipynb", as_version=4)


def test_the_spanish_notebook_runs_alone_and_summarises_in_spanish(spanish_build, spanish_run):
    root, html = spanish_build
    notebook = html / "notebooks" / "demo.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    assert nb.cells[0].source == "# Hoja de prueba\n\nAntes de empezar, lee " + (
        "[Primero, tu seguridad](#Primero,-tu-seguridad) (en el libro: `docs/safety.html`)."
    )
    assert nb.cells[1].source.startswith("## Primero, tu seguridad\n")
    assert "**Privacidad.** Guárdalo para ti." in nb.cells[1].source
    assert nb.cells[-1].source == (
        "## Siguiente paso\n\n- Háblalo con una amistad.\n"
        "- Después lee el capítulo (en el libro: `chapter.html`)."
    )
    assert nb.metadata["title"] == "Lista de prueba"
    answers = next(c for c in nb.cells if "your-answers" in c.metadata.get("tags", []))
    assert '"kept-word": False,  # Cumplí mi palabra.' in answers.source  # English keys
    assert '"listened": False,  # Escuché sin interrumpir.' in answers.source
    with zipfile.ZipFile(html / "notebooks" / ZIP_NAME) as bundle:
        assert bundle.read("rebuilding-trust-worksheets/demo.ipynb") == notebook.read_bytes()

    done, _ = spanish_run
    summary = next(t for t in printed(done) if t.startswith("Resumen: Lista de prueba"))
    assert "Marcaste 1 de 2 frases." in summary
    assert "\n  - Escuché sin interrumpir.\n" in summary


def test_answers_exported_in_english_load_in_spanish_with_the_same_verdicts(
    spanish_build, spanish_run
):
    root, _ = spanish_build
    english = english_sheet(root)
    words.use("es", compiled(KIT_PO, "es"))
    try:
        spanish = translated(english, SPANISH.get)
        expected = str(spanish.summarise(spanish.check_answers(ANSWERS)))
    finally:
        words.use("en")
    assert "Marcaste 1 de 2 frases." in expected and "Escuché sin interrumpir." in expected
    assert "edición" not in expected  # loaded as this edition's answers, none set aside
    assert expected in printed(spanish_run[0])
    assert "You marked 1 of 2 items." in str(english.summarise(ANSWERS))  # the English verdict


def kit_messages() -> list[str]:
    """Every English text of kit.po that its Spanish words differently."""
    with KIT_PO.open("rb") as source:
        catalog = read_po(source, locale="es")
    found = []
    for message in catalog:
        ids = [message.id] if isinstance(message.id, str) else list(message.id or [])
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        found += [i for i in ids if i and i not in strings]
    return found


def english_in(text: str, message: str) -> bool:
    """Does a piece of `message` between its {places} appear in `text` as words?"""
    pieces = [" ".join(p.split()) for p in re.split(r"\{\w*\}", message)]
    return any(
        re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text)
        for p in pieces
        if len(p) > 3 and " " in p  # one English word alone ("alone") may be Spanish's too
    )


def shown_text(cells) -> str:
    """What a reader reads in these cells, and what they show once run; not
    the code a reader does not read: the kit's source (all of the kit's
    English messages are in it, as code) and the sheet's English data above
    the line that draws it in the notebook's language."""
    shown = []
    for cell in cells:
        tags = cell.metadata.get("tags", [])
        source = cell.source
        if "worksheet-kit" in tags:
            source = "\n".join(line for line in source.splitlines() if line.startswith("# "))
        if "worksheet" in tags:
            source = source.split("\nworksheet\n", 1)[1]
        shown.append(" ".join(source.split()))
        for output in cell.get("outputs", []):
            for value in [output.get("text", ""), *output.get("data", {}).values()]:
                shown.append(" ".join(str(value).split()))
    return "\n".join(shown)


def test_no_english_kit_string_is_left_in_the_spanish_notebook(spanish_build, spanish_run):
    root, _ = spanish_build
    text = shown_text(spanish_run[1].cells[1:])  # [0]: the runner's own cell
    assert "Resumen: Lista de prueba" in text  # the outputs are there to check
    assert [m for m in kit_messages() if english_in(text, m)] == []
    # the same check finds the English notebook's kit words
    english = shown_text(export_notebook(root / "worksheets" / "demo.md").cells)
    assert len([m for m in kit_messages() if english_in(english, m)]) > 10


def test_an_english_build_keeps_its_english_notebook(tmp_path):
    nb = export_notebook(DEMO, page=PageWords())
    worksheet = next(c for c in nb.cells if "worksheet" in c.metadata.get("tags", []))
    assert "in_kit_language" not in worksheet.source
    assert "_KIT_WORDS" not in "".join(c.source for c in nb.cells)


def write_catalog(path: Path, translations: dict[str, str]) -> None:
    catalog = Catalog(locale="es")
    for english, spanish in translations.items():
        catalog.add(english, spanish)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog)


def test_a_changed_catalog_exports_again(tmp_path):
    """`export_if_changed`, as the build calls it: a new translation is a new export."""
    source = tmp_path / "worksheets"
    source.mkdir()
    (source / "demo.md").write_text(SHEET, encoding="utf-8")
    locale = tmp_path / "locale" / "es" / "LC_MESSAGES"
    page = locale / "worksheets" / "demo.po"
    write_catalog(page, SPANISH)
    (locale / "kit.po").write_bytes(KIT_PO.read_bytes())
    catalogs = Catalogs("es", (tmp_path / "locale",), tmp_path, compact=False)
    assert catalogs.files([source / "demo.md"]) == [locale / "kit.po", page]
    out, stamp = tmp_path / "notebooks", tmp_path / "stamp"
    words.use("es", compiled(KIT_PO, "es"))
    try:
        export_if_changed(source, out, stamp, "", catalogs)
        assert "## Siguiente paso" in (out / "demo.ipynb").read_text(encoding="utf-8")
        write_catalog(page, {**SPANISH, "Next step": "Próximo paso"})
        export_if_changed(source, out, stamp, "", catalogs)
        assert "## Próximo paso" in (out / "demo.ipynb").read_text(encoding="utf-8")
    finally:
        words.use("en")
    before = export_stamp(source, "", catalogs)
    assert export_stamp(source, "", Catalogs()) != before  # the language is part of it
    (locale / "kit.po").write_bytes(KIT_PO.read_bytes() + b"\n")
    assert export_stamp(source, "", catalogs) != before


def test_a_catalog_older_than_its_page_is_named(tmp_path):
    po = tmp_path / "demo.po"
    po.write_text('msgid "Demo worksheet"\nmsgstr "Hoja de prueba"\n', encoding="utf-8")
    path = tmp_path / "worksheets" / "demo.md"
    path.parent.mkdir()
    path.write_text(SHEET, encoding="utf-8")
    from worksheet_kit import WorksheetError

    with pytest.raises(WorksheetError, match=r"demo.md: its catalog has no message for"):
        export_notebook(path, page=PageWords.read(po, "es"))


@pytest.mark.parametrize(
    "source, expected",
    [
        ("## Next step", "## Siguiente paso"),
        ("Next step\n---------", "Siguiente paso\n---------"),
        (
            "- Talk it over\n  with a friend.\n- Not in the catalog.",
            "- Háblalo con una amistad.\n- Not in the catalog.",
        ),
        (
            "> Then read [the chapter](../chapter.md).",
            "> Después lee [el capítulo](../chapter.md).",
        ),
        (
            "```{note}\nFill in the form above.\n```",
            "```{note}\nRellena el formulario de arriba.\n```",
        ),
        (
            "1. Next step\n\n   Fill in the form\n   above.",
            "1. Siguiente paso\n\n   Rellena el formulario de arriba.",
        ),
    ],
)
def test_markdown_keeps_its_shape_in_spanish(source, expected):
    assert translate_markdown(source, SPANISH.get) == expected


def test_the_kernel_draws_the_sheet_the_build_drew():
    """`in_kit_language` with the catalog the kit cell carries gives the sheet
    the build translated, with the English edition."""
    from worksheet_kit.core.translation import in_kit_language
    from worksheet_kit.sphinxext.page_words import sheet_catalog

    english = from_data(
        {
            "kind": "checklist",
            "id": "demo",
            "title": "Demo checklist",
            "chapter": "chapter",
            "minutes": 5,
            "who": ["alone"],
            "purpose": "Notice what is true this week.",
            "instructions": "Tick each sentence that is true for you.",
            "privacy": "Keep this to yourself.",
            "items": [["kept-word", "I kept my word."]],
        }
    )
    page = PageWords(translations=dict(SPANISH), known=set(SPANISH))
    kit = compiled(KIT_PO, "es")
    words.use("es", sheet_catalog(kit, "demo", page.sheet_messages(english)))
    try:
        drawn = in_kit_language(english)
        assert drawn == page.sheet(english)
        assert drawn.title == "Lista de prueba" and drawn.edition == english.edition
        assert words._("Your answers") == "Tus respuestas"  # the kit's own, untouched
    finally:
        words.use("en")
