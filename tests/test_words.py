"""The kit's Python speaks the reader's language through one seam (core/words.py).

With the Spanish catalog (locale/es/LC_MESSAGES/kit.po, compiled as the build
compiles it) a summary, a comparison, a mistake, the notebook's cells and the
PDF's words come out in Spanish; with English they are the English they were.
"""

from __future__ import annotations

import ast
import base64
import gettext
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from kinds.examples import checklist, rating_scale, reflection_table

from worksheet_kit import WorksheetError
from worksheet_kit.core import mistakes, words
from worksheet_kit.core.compare import compare
from worksheet_kit.core.editions import carry, envelope
from worksheet_kit.core.html import page_data
from worksheet_kit.i18n import catalogs
from worksheet_kit.i18n.extract import KEYWORDS, KIT, template, write
from worksheet_kit.sphinxext.notebook_cells import answers_cell_head, kit_cell
from worksheet_kit.sphinxext.typst.labels import typst_words
from worksheet_kit.sphinxext.words import compiled

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
KIT_PO = LOCALE / "es" / "LC_MESSAGES" / "kit.po"
PLACE = re.compile(r"\{(\w*)\}")


@pytest.fixture
def spanish():
    words.use("es", compiled(KIT_PO, "es"))
    yield
    words.use("en")


def scale(**changes):
    return rating_scale(side_by_side="higher-is-better", **changes)


def answers(ws, values):
    return {"items": dict(zip([t.key for t in ws.items], values, strict=True)), "next_step": ""}


def test_a_summary_speaks_spanish(spanish):
    ws = checklist()
    shown = str(ws.summarise(answers(ws, [True, False, True])))
    assert "Resumen: A worksheet" in shown
    assert "Marcaste 2 de 3 frases." in shown
    assert "Todavía en blanco:" in shown
    rated = str(rating_scale().summarise(answers(rating_scale(), [2, 0, None])))
    assert "Valoraste 2 de 3 frases." in rated
    assert "Tu valoración más alta fue 2 (Often), en 1 frase:" in rated


def test_a_summary_in_english_is_unchanged():
    words.use("en")
    ws = checklist()
    shown = str(ws.summarise(answers(ws, [True, False, True])))
    assert "Summary: A worksheet" in shown and "You marked 2 of 3 items." in shown


def test_the_pages_summary_spec_carries_whole_spanish_sentences(spanish):
    spec = rating_scale().summary_spec()
    assert spec["counted"] == {
        "one": "Valoraste {n} de {total} frase.",
        "other": "Valoraste {n} de {total} frases.",
    }
    assert spec["highest"]["other"].startswith("Tu valoración más alta fue {value}")
    assert spec["measure"] == "valoración media"


def test_a_table_cells_question_is_spanish_in_the_page_and_in_earlier_answers(spanish):
    """ "Fila 1: …", in the page's data (messages, summaries, exports) and for an
    answer to a retired column, as the form's own label already was."""
    ws = reflection_table()
    labels = [f["label"] for f in page_data(ws)["fields"] if f["name"].startswith("rows.")]
    assert labels[0] == f"Fila 1: {ws.columns[0]}" and not any("Row" in x for x in labels)
    answers = ws.blank_answers()
    answers["rows"][1]["gone"] = "A column this edition no longer has"
    data = {**envelope(ws, answers), "edition": "earlier", "questions": {"gone": "Gone"}}
    assert [e["question"] for e in carry(ws, data).earlier] == ["Fila 2: Gone"]


def test_a_comparison_speaks_spanish(spanish):
    ws = scale()
    shown = str(compare(ws, answers(ws, [2, 0, 1]), answers(ws, [2, 2, 1])))
    assert "Lado a lado: A worksheet" in shown
    assert "Cada frase, tú y tu pareja:" in shown
    assert "One Tú: 2 (Often). Tu pareja: 2 (Often)." in shown
    assert "Donde coinciden, un punto fuerte compartido:" in shown


def test_a_comparison_in_english_is_unchanged():
    words.use("en")
    ws = scale()
    shown = str(compare(ws, answers(ws, [2, 0, 1]), answers(ws, [2, 2, 1])))
    assert "One You: 2 (Often). Your partner: 2 (Often)." in shown


def test_a_weekly_change_line_speaks_spanish(spanish):
    ws = scale(repeat="weekly")
    history = [
        {"date": "2026-11-20", "answers": answers(ws, [1, 1, 1])},
        {"date": "2026-11-27", "answers": answers(ws, [2, 2, 2])},
    ]
    shown = str(ws.summarise(answers(ws, [2, 2, 2]), history=history))
    assert "Tus registros guardados (valoración media):" in shown
    assert "Desde el 2026-11-20, tu resultado (valoración media) subió de 1.0 a 2.0." in shown


@pytest.mark.parametrize(
    "source, english, spanish_words",
    [
        (
            '# Your answers\nanswers = {\n    "items": {"one": often},\n}\n',
            "Line 3 of your answers: often is a word where a number goes. Type a number from 0 "
            "to 2, or None to leave it blank.",
            "Línea 3 de tus respuestas: often es una palabra donde va un número. Escribe un "
            "número de 0 a 2, o None para dejarla en blanco.",
        ),
        (
            '# Your answers\nanswers = {\n    "itms": {},\n}\n',
            "Line 3 of your answers: itms: did you mean items?",
            "Línea 3 de tus respuestas: itms: ¿querías decir items?",
        ),
    ],
)
def test_a_mistake_is_told_in_spanish(source, english, spanish_words, spanish):
    ws = rating_scale(items=[("one", "One")])
    assert mistakes.diagnose(source, {"worksheet": ws}) == spanish_words
    assert mistakes.diagnose(source, {}) == words._(mistakes.RUN_ABOVE)
    assert words._(mistakes.RUN_ABOVE).startswith("Ejecuta primero las celdas de arriba")
    words.use("en")
    assert mistakes.diagnose(source, {"worksheet": ws}) == english


def test_the_spanish_answers_cell_is_in_spanish_and_its_mark_is_recognised(spanish, monkeypatch):
    ws = rating_scale(repeat="weekly")
    cell = answers_cell_head() + ws.answers_template()
    assert cell.startswith("# Tus respuestas: rellena y luego ejecuta esta celda y la siguiente.")
    assert "# de 0 a 2 para cada frase (None: sin valorar)" in cell
    assert "history = []  # tus registros guardados, del más antiguo al más reciente" in cell
    assert "# O usa tu archivo de respuestas" in cell
    compile(cell, "answers", "exec")  # still Python

    class Shell:
        user_ns: dict = {}  # the cells above were not run

    monkeypatch.setattr(mistakes, "_SHELL", [Shell()])
    told = mistakes.explain_answers_cell(cell.splitlines(keepends=True))
    assert told[0].startswith("raise ") and "Ejecuta primero las celdas de arriba" in told[0]


def test_the_english_answers_cell_is_unchanged():
    words.use("en")
    cell = answers_cell_head() + rating_scale().answers_template()
    assert cell.startswith("# Your answers: fill in, then run this cell and the next one.\n")
    assert "# Or use your answers file (the form above saves it; so can the book's web" in cell


def test_a_spanish_kit_cell_makes_a_plain_python_speak_spanish(tmp_path):
    """The notebook's first cell alone, in a Python without Sphinx or Babel
    imported: the kit it carries speaks the catalog it carries."""
    source = kit_cell("es").source
    ws = {"id": "check", "kind": "checklist", "items": [["one", "One"], ["two", "Two"]]}
    script = tmp_path / "cell.py"
    script.write_text(
        source
        + "\nfrom worksheet_kit import Checklist\n"
        + "ws = Checklist(title='T', chapter='c', minutes=5, who=['alone'], purpose='p', "
        + "instructions='i', privacy='x', id={id!r}, items={items!r})\n".format(**ws)
        + "print(ws.summarise({'items': {'one': True, 'two': False}, 'next_step': ''}))\n",
        encoding="utf-8",
    )
    # -I -S: no site-packages, so the kit can only come from the cell
    out = subprocess.run(
        [sys.executable, "-I", "-S", str(script)], capture_output=True, text=True, cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr
    assert "Resumen: T" in out.stdout and "Marcaste 1 de 2 frases." in out.stdout


def test_an_english_kit_cell_carries_no_catalog():
    assert "_KIT_WORDS" not in kit_cell("en").source
    assert "_KIT_WORDS" in kit_cell("es").source


def test_a_kit_cell_for_a_language_without_a_catalog_is_refused(tmp_path):
    with pytest.raises(WorksheetError, match="no kit catalog for the language 'fr'"):
        kit_cell("fr", locale_dir=tmp_path)


def test_the_pdf_words_are_spanish_and_kit_typ_holds_no_english(spanish):
    line = typst_words()
    assert "contents: [Índice]" in line
    assert "page-of: (page, pages) => [Página #(page) de #(pages)]" in line
    kit = (KIT / "sphinxext" / "typst" / "kit.typ").read_text(encoding="utf-8")
    code = "\n".join(part.split("//")[0] for part in kit.splitlines())
    for english in ("Page ", "Contents", "Purpose", "Privacy", "Safety", "More room", "Scale"):
        assert english not in code


def test_every_marked_string_in_the_kit_reaches_the_template():
    """Babel's extractor skips calls inside f-strings (Python 3.11): every
    ``_()``/``n_()``/``N_()``/``n_forms()`` of a literal must still be collected."""
    extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in template(KIT, "kit") if m.id}
    marked = set()
    for path in KIT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in KEYWORDS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                marked.add(node.args[0].value)
    assert sorted(marked - extracted) == []


def test_the_spanish_kit_catalog_has_nothing_left_to_translate(tmp_path):
    """kit.po brought in step with the kit as it is now (what ``make gettext``
    does) has no untranslated or fuzzy entry."""
    catalog = tmp_path / "locale" / "es" / "LC_MESSAGES" / "kit.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_bytes(KIT_PO.read_bytes())
    write(template(KIT, "kit"), tmp_path / "pot" / "kit.pot")
    catalogs.update(tmp_path / "pot", tmp_path / "locale", "es")
    assert catalogs.problems(tmp_path / "locale", "es") == []


def test_every_spanish_kit_message_keeps_the_places_of_its_english():
    """A translation that drops, adds or renames a {place} would fail at .format()."""
    with KIT_PO.open("rb") as source:
        catalog = read_po(source, locale="es")
    wrong = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        places = set(PLACE.findall(ids[-1]))
        wrong += [(ids[0], s) for s in strings if set(PLACE.findall(s)) != places]
    assert wrong == []


def test_the_page_json_summary_spec_is_json():
    words.use("en")
    assert json.loads(json.dumps(checklist().summary_spec()))["counted"]["other"] == (
        "You marked {n} of {total} items."
    )


@pytest.mark.parametrize("kind", ["checklist", "rating-scale", "cycle"])
def test_a_spanish_sheet_prints_spanish_furniture_on_one_page(kind, spanish):
    from pdf_text import page_texts
    from test_typst import WORKSHEETS, compile_sheet

    from worksheet_kit.sphinxext.typst.compiling import page_count

    pdf = compile_sheet(WORKSHEETS[kind], "us-letter")
    assert page_count(pdf) == 1
    printed = " ".join(page_texts(pdf)[0].split())
    for expected in ("Para qué sirve:", "unos 10 minutos", "Seguridad:", "988", "Página 1 de 1"):
        assert expected in printed
    assert "Purpose" not in printed and "Page " not in printed


def test_a_spanish_build_shows_the_form_and_its_downloads_in_spanish(fresh_copy, tmp_path):
    """A build with ``-D language=es`` speaks from the root's kit.po: the form's
    labels, the page's summary sentences, and the downloaded notebook."""
    from bs4 import BeautifulSoup
    from conftest import sphinx_build

    root = fresh_copy("worksheet")
    catalog = root / "locales" / "es" / "LC_MESSAGES" / "kit.po"  # Sphinx's default locale_dirs
    catalog.parent.mkdir(parents=True)
    # the root's own catalog, told apart from the book's by one message
    ours = KIT_PO.read_text(encoding="utf-8")
    catalog.write_text(ours.replace('"Resumen: {title}"', '"Resumen (raíz): {title}"'), "utf-8")
    # the kit's words only: the root's pages have no catalogs (catalog_check is off)
    done = sphinx_build(
        root, tmp_path / "out", "html", "-D", "language=es", "-D", "catalog_check=0"
    )
    assert done.returncode == 0, done.stderr
    html = tmp_path / "out" / "html"
    soup = BeautifulSoup((html / "worksheets" / "demo.html").read_text(), "html.parser")
    facts = [dt.get_text() for dt in soup.select("dl.ws-facts dt")]
    assert facts == ["Tiempo", "Quién", "Para qué sirve", "Privacidad"]
    assert "a solas, en grupo" in soup.select_one("dl.ws-facts").get_text()
    assert "Descargar el cuaderno en blanco (.ipynb)" in soup.get_text()
    data = json.loads(soup.select_one("script.ws-data").string)
    assert data["summary"]["counted"]["other"] == "Marcaste {n} de {total} frases."
    notebook = json.loads((html / "notebooks" / "demo.ipynb").read_text(encoding="utf-8"))
    sources = ["".join(cell["source"]) for cell in notebook["cells"]]
    assert any(s.startswith("# Tus respuestas: rellena") for s in sources)
    kit = next(s for s in sources if "_KIT_WORDS" in s)
    carried = kit.split("_KIT_WORDS = (", 1)[1].split("\n)", 1)[0]
    mo = base64.b64decode(ast.literal_eval(f"({carried})"))
    assert gettext.GNUTranslations(io.BytesIO(mo)).gettext("Summary: {title}") == (
        "Resumen (raíz): {title}"  # the catalog the build spoke
    )
