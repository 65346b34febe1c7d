"""A page in another language keeps what links into it (Sphinx's gettext,
MyST-NB's parser and the kit's translation hooks together)."""

from __future__ import annotations

from textwrap import dedent

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from conftest import sphinx_build


def write_catalog(folder, name, pairs):
    catalog = Catalog(locale="es")
    for english, spanish in pairs.items():
        catalog.add(english, spanish)
    path = folder / "locale" / "es" / "LC_MESSAGES" / f"{name}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog)


def test_links_to_a_heading_survive_a_translated_note_title(tmp_path):
    (tmp_path / "conf.py").write_text(
        'extensions = ["myst_nb", "worksheet_kit.sphinxext"]\n'
        'exclude_patterns = ["_build"]\nmyst_heading_anchors = 3\n'
        'locale_dirs = ["locale/"]\ngettext_compact = False\n'
    )
    (tmp_path / "index.md").write_text(
        "# Home\n\nSee [the story](stages.md#telling-the-story).\n\n```{toctree}\nstages\n```\n"
    )
    (tmp_path / "stages.md").write_text(
        dedent("""\
            # Stages

            ```{admonition} Content note
            Hard words ahead.
            ```

            ## Telling the story

            Once.
            """)
    )
    write_catalog(tmp_path, "stages", {"Content note": "Aviso de contenido", "Once.": "Una vez."})

    done = sphinx_build(tmp_path, tmp_path / "_build", "html", "-D", "language=es")

    assert done.returncode == 0, done.stderr
    html = (tmp_path / "_build" / "html" / "index.html").read_text()
    assert 'href="stages.html#telling-the-story"' in html
    assert "Aviso de contenido" in (tmp_path / "_build" / "html" / "stages.html").read_text()
