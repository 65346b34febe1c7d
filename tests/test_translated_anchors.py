"""A translated heading keeps the anchor that other pages link to."""

from __future__ import annotations

from html.parser import HTMLParser

from conftest import sphinx_build

CONF = """
extensions = ["worksheet_kit.sphinxext"]
myst_heading_anchors = 3
locale_dirs = ["locale/"]
gettext_compact = False
exclude_patterns = ["_build", "locale"]
"""

CATALOG = """
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Safety first"
msgstr "Primero, tu seguridad"

msgid "Content note"
msgstr "Aviso de contenido"

msgid "Signs of higher danger"
msgstr "Señales de mayor peligro"

msgid "If you need help now"
msgstr "Si necesitas ayuda ahora"
"""


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href"))


def test_a_link_to_a_translated_heading_still_resolves(tmp_path):
    source = tmp_path / "src"
    (source / "locale" / "es" / "LC_MESSAGES").mkdir(parents=True)
    (source / "conf.py").write_text(CONF)
    (source / "index.md").write_text(
        "# Book\n\n```{toctree}\nsafety\nchapter\n```\n", encoding="utf-8"
    )
    (source / "safety.md").write_text(
        # an admonition's title is translated as a heading of its own: its slug
        # took the place of the page's slugs
        "# Safety first\n\n```{admonition} Content note\nIt names abuse.\n```\n\n"
        "## Signs of higher danger\n\nText.\n\n"
        "## If you need help now\n\nCall.\n",
        encoding="utf-8",
    )
    (source / "chapter.md").write_text(
        "# Chapter\n\nSee [the signs](safety.md#signs-of-higher-danger).\n", encoding="utf-8"
    )
    (source / "locale" / "es" / "LC_MESSAGES" / "safety.po").write_text(CATALOG, encoding="utf-8")

    done = sphinx_build(source, tmp_path / "out", "html", "-D", "language=es")

    assert done.returncode == 0, done.stderr
    page = (tmp_path / "out" / "html" / "safety.html").read_text(encoding="utf-8")
    assert "Señales de mayor peligro" in page  # the heading was translated
    links = Links()
    links.feed((tmp_path / "out" / "html" / "chapter.html").read_text(encoding="utf-8"))
    assert "safety.html#signs-of-higher-danger" in links.hrefs
    assert 'id="signs-of-higher-danger"' in page
