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

    done = sphinx_build(
        tmp_path, tmp_path / "_build", "html", "-D", "language=es", "-D", "catalog_check=0"
    )

    assert done.returncode == 0, done.stderr
    html = (tmp_path / "_build" / "html" / "index.html").read_text()
    assert 'href="stages.html#telling-the-story"' in html
    assert "Aviso de contenido" in (tmp_path / "_build" / "html" / "stages.html").read_text()


def build_spanish(root, out):
    """The root in Spanish, one catalog per page under locale/, no page-catalog check."""
    options = ["language=es", "catalog_check=0", "locale_dirs=locale", "gettext_compact=0"]
    return sphinx_build(root, out, "html", *(part for o in options for part in ("-D", o)))


def test_a_chapter_shows_its_sheet_anew_when_the_sheet_is_translated(tmp_path):
    """A chapter embeds a sheet defined on another page: a new translation of
    the sheet reaches the chapter on the next (incremental) build."""
    import shutil

    from conftest import ROOTS

    root = tmp_path / "root"
    shutil.copytree(ROOTS / "test-worksheet", root)
    out = tmp_path / "_build"
    write_catalog(root, "worksheets/demo", {})  # translated later, as a translator would
    assert build_spanish(root, out).returncode == 0
    chapter = out / "html" / "chapter.html"
    assert "Hoja de prueba" not in chapter.read_text()

    title = next(
        line
        for line in (root / "worksheets/demo.md").read_text().splitlines()
        if line.strip().startswith("title=")
    )
    english = title.split('"')[1]
    write_catalog(root, "worksheets/demo", {english: "Hoja de prueba"})
    done = build_spanish(root, out)

    assert done.returncode == 0, done.stderr
    assert "Hoja de prueba" in chapter.read_text()
