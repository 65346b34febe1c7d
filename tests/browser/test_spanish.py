"""The form speaks the build's language: a small book built with ``-D language=es``
serves a script whose buttons, questions and status lines are Spanish."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from babel.messages.pofile import read_po, write_po
from conftest import REPO, ROOTS, sphinx_build
from shared import made_once

from .harness import expect, open_worksheet, served, status_of

pytestmark = pytest.mark.browser

# A translation that must stay one JavaScript string: quotes and a backslash.
DATA = re.compile(r'<script type="application/json" class="ws-data">(.*?)</script>', re.S)
CLEAR_NONE = 'No hay respuestas que «borrar»: "nada" \\ nada.'


@pytest.fixture(scope="module")
def spanish_site(tmp_path_factory):
    """The test book in Spanish, with the book's own kit.po (one entry made tricky),
    built once a run."""
    with made_once(tmp_path_factory, "spanish-form") as (tmp, ready):
        if not ready:
            project = tmp / "book"
            shutil.copytree(ROOTS / "test-worksheet", project)
            with (REPO / "locale" / "es" / "LC_MESSAGES" / "kit.po").open("rb") as source:
                catalog = read_po(source, locale="es")
            catalog["There are no answers to clear."].string = CLEAR_NONE
            # Sphinx's default locale_dirs
            target = project / "locales" / "es" / "LC_MESSAGES" / "kit.po"
            target.parent.mkdir(parents=True)
            with target.open("wb") as out:
                write_po(out, catalog)
            done = sphinx_build(  # the kit's words only: no page catalogs here
                project, tmp / "out", "html", "-D", "language=es", "-D", "catalog_check=0"
            )
            assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    html = tmp / "out" / "html"
    script = (html / "_static" / "worksheets.js").read_text(encoding="utf-8")
    assert "Export answers" not in script and "Exportar respuestas" in script
    with served(html) as url:
        yield url


def test_the_toolbar_and_its_messages_are_spanish(page, dialogs, spanish_site):
    form = open_worksheet(page, spanish_site, "demo")
    toolbar = form.locator(".ws-toolbar")
    for name in ("Imprimir esta hoja", "Exportar respuestas", "Importar respuestas", "Borrar"):
        expect(toolbar.get_by_role("button", name=name, exact=True)).to_be_visible()
    expect(toolbar).to_have_attribute("aria-label", "Tus respuestas a «Demo checklist»")
    expect(toolbar.get_by_role("button", name="Export answers")).to_have_count(0)
    expect(form.locator(".ws-privacy-line")).to_have_text(
        "Tus respuestas se guardan en este navegador, en este dispositivo. "
        "No se envía nada a ninguna parte."
    )

    toolbar.get_by_role("button", name="Borrar", exact=True).click()
    expect(status_of(form)).to_have_text(CLEAR_NONE)  # quotes and backslash, as written

    form.locator('input[name="items.plain"]').check()
    with page.expect_download():
        toolbar.get_by_role("button", name="Exportar respuestas").click()
    expect(status_of(form)).to_have_text(
        "Tus respuestas se guardaron en el archivo demo-answers.json. "
        "Guárdalo donde solo tú puedas abrirlo."
    )

    dialogs.answer("accept")
    toolbar.get_by_role("button", name="Borrar", exact=True).click()
    expect(status_of(form)).to_have_text(
        "Tus respuestas se borraron del formulario y de este navegador."
    )
    assert dialogs.seen == [
        "¿Borrar todas tus respuestas a «Demo checklist»? Esto vacía el formulario y elimina "
        "las respuestas guardadas en este navegador. No se puede deshacer."
    ]


def test_the_summary_uses_the_sentences_the_page_json_carries(page, spanish_site):
    """core/words.py n_forms: the spec's "counted" forms, already in the page's
    language, are what the summary says (the browser only fills them in)."""
    forms = {"one": "Marcaste {n} de {total} frase.", "other": "Marcaste {n} de {total} frases."}

    def with_sentences(route):
        response = route.fetch()

        def add(found):
            data = json.loads(found[1])
            data["summary"]["counted"] = forms
            text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
            return f'<script type="application/json" class="ws-data">{text}</script>'

        body = re.sub(DATA, add, response.text())
        route.fulfill(response=response, body=body)

    page.route("**/worksheets/demo.html", with_sentences)
    form = open_worksheet(page, spanish_site, "demo")
    form.locator('input[name="items.plain"]').check()
    summary = form.locator(".ws-summary")
    expect(summary).to_contain_text("Resumen: Demo checklist")
    expect(summary).to_contain_text("Marcaste 1 de 2 frases.")
