"""Every page in each of the book's languages links its twin in the others.

The first language of ``book_languages`` (conf.py) sits at the site's root,
each other one in a folder of its own, page for page::

    _build/html/docs/safety.html        English
    _build/html/es/docs/safety.html     Spanish (sphinx-build -D language=es ... _build/html/es)

Each page gets a visible link to the same page in the other language(s)
(``language_links`` in the template context: its name in its own language,
with ``lang`` and ``hreflang``) and ``<link rel="alternate" hreflang>`` for
every language, plus ``x-default`` for the first. Every URL is relative, so
the site works from any folder and opened as a file::

    twin_url("docs/safety.html", "en", "es", ["en", "es"])  # "../es/docs/safety.html"
    twin_url("docs/safety.html", "es", "en", ["en", "es"])  # "../../docs/safety.html"
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


def alternates(target_uri: str, here: str, languages) -> str:
    """``<link rel="alternate">`` for every language and ``x-default`` (the first)."""
    first = next(iter(languages))
    pairs = [(lang, lang) for lang in languages] + [("x-default", first)]
    return "".join(
        f'<link rel="alternate" hreflang="{name}" '
        f'href="{escape(twin_url(target_uri, here, lang, languages))}">\n'
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
    context["metatags"] = context.get("metatags", "") + alternates(uri, here, languages)


def setup(app):
    app.add_config_value("book_languages", LANGUAGES, "html", types=(dict,))
    app.connect("html-page-context", add_language_links)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
