"""Every page in each of the book's languages links its twin in the others.

The first language of ``book_languages`` (conf.py) sits at the site's root,
each other one in a folder of its own, page for page::

    _build/html/docs/safety.html        English
    _build/html/es/docs/safety.html     Spanish (sphinx-build -D language=es ... _build/html/es)

Each page gets a visible link to the same page in the other language(s)
(``language_links`` in the template context: its name in its own language,
with ``lang`` and ``hreflang``). Those links are relative, so the site works
from any folder and opened as a file::

    twin_url("docs/safety.html", "en", "es", ["en", "es"])  # "../es/docs/safety.html"
    twin_url("docs/safety.html", "es", "en", ["en", "es"])  # "../../docs/safety.html"

When the book's address is known, ``<link rel="alternate" hreflang>`` names every
language's page, plus ``x-default`` for the first, as full URLs: search engines
(and Lighthouse's hreflang audit) take no relative ones, so without an address
there are none. The address is ``html_baseurl``, in Sphinx's meaning: where this
build's pages live (the canonical link uses it). `make book BASEURL=...` passes
it to each build, the Spanish one with ``es/`` added::

    sphinx-build -b html -D html_baseurl=https://example.org/book/ . _build/html
    sphinx-build -b html -D language=es -D html_baseurl=https://example.org/book/es/ \\
        . _build/html/es
    alternates("docs/safety.html", "es", ["en", "es"], "https://example.org/book/es/")
    # hreflang="en" href="https://example.org/book/docs/safety.html", "es" .../book/es/...
"""

from __future__ import annotations

from html import escape

LANGUAGES = {"en": "English", "es": "Español"}  # each in its own words


def language_folder(language: str, languages) -> str:
    """Where a language's pages start, from the site's root: "" or "es/"."""
    return "" if language == next(iter(languages)) else f"{language}/"


def twin_url(target_uri: str, here: str, there: str, languages) -> str:
    """The relative URL, from page `target_uri` in language `here`, of the same
    page in language `there`."""
    up = "../" * (target_uri.count("/") + language_folder(here, languages).count("/"))
    return up + language_folder(there, languages) + target_uri


def site_root(base_url: str, here: str, languages) -> str:
    """The site's root address, from this build's own (``html_baseurl``):
    ``https://example.org/book/es/`` in the Spanish build is ``https://example.org/book/``."""
    base = base_url.rstrip("/") + "/"
    folder = language_folder(here, languages)
    return base[: -len(folder)] if folder and base.endswith("/" + folder) else base


def alternates(target_uri: str, here: str, languages, base_url: str) -> str:
    """``<link rel="alternate">`` for every language and ``x-default`` (the first), as
    full URLs under `base_url`; none without it."""
    if not base_url:
        return ""
    root, first = site_root(base_url, here, languages), next(iter(languages))
    pairs = [(lang, lang) for lang in languages] + [("x-default", first)]
    return "".join(
        f'<link rel="alternate" hreflang="{name}" '
        f'href="{escape(root + language_folder(lang, languages) + target_uri)}">\n'
        for name, lang in pairs
    )


def add_language_links(app, pagename, templatename, context, doctree):
    languages = app.config.book_languages
    here = app.config.language or "en"
    if here not in languages:
        return
    uri = app.builder.get_target_uri(pagename)
    context["language_links"] = [
        {"lang": lang, "name": name, "url": twin_url(uri, here, lang, languages)}
        for lang, name in languages.items()
        if lang != here
    ]
    context["metatags"] = context.get("metatags", "") + alternates(
        uri, here, languages, app.config.html_baseurl
    )


def setup(app):
    app.add_config_value("book_languages", LANGUAGES, "html", types=(dict,))
    app.connect("html-page-context", add_language_links)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
