"""A link to a heading of a translated page still resolves, in a strict build."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import sphinx_build

CONF = """\
extensions = ["myst_parser", "worksheet_kit.sphinxext.heading_slugs"]
myst_heading_anchors = 3
locale_dirs = ["locale/"]
gettext_compact = False
"""

PAGE_A = """\
# Page A

```{admonition} Content note
:class: note

This page talks about hard things.
```

## Agreed openness or control?

Some words.
"""

PAGE_B = """\
# Page B

See [agreed openness](a.md#agreed-openness-or-control).
"""

CATALOG = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Content note"
msgstr "Aviso de contenido"

msgid "Agreed openness or control?"
msgstr "¿Transparencia acordada o control?"
"""


def test_link_to_a_heading_of_a_page_with_a_translated_admonition_title(tmp_path):
    source = tmp_path / "src"
    (source / "locale/es/LC_MESSAGES").mkdir(parents=True)
    (source / "conf.py").write_text(CONF)
    (source / "index.md").write_text("# Home\n\n```{toctree}\na\nb\n```\n")
    (source / "a.md").write_text(PAGE_A)
    (source / "b.md").write_text(PAGE_B)
    (source / "locale/es/LC_MESSAGES/a.po").write_text(CATALOG)

    done = sphinx_build(source, tmp_path / "out", "html", "-D", "language=es")

    assert done.returncode == 0, done.stderr
    html = tmp_path / "out/html"
    page_a = BeautifulSoup((html / "a.html").read_text(), "html.parser")
    assert page_a.select_one(".admonition-title").get_text() == "Aviso de contenido"
    heading = page_a.find(id="agreed-openness-or-control")
    assert heading.h2.get_text().startswith("¿Transparencia acordada o control?")
    link = BeautifulSoup((html / "b.html").read_text(), "html.parser").select_one("p a")
    assert link["href"] == "a.html#agreed-openness-or-control"
