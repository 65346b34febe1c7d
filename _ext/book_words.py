"""The words of the book's templates and settings, in the build's language.

The strings are marked here (and the title and tagline in conf.py) with
``N_()``; ``python -m worksheet_kit.i18n.extract`` puts them in ``book.pot``,
and ``locale/<lang>/LC_MESSAGES/book.po`` translates them. The templates
read them from the page's context::

    {{ book_words.exit_this_page }}    {# "Salir de esta página" in Spanish #}
    {{ tagline }}                      {# conf.py html_context, translated #}

A directive of the book's has no ``app``; it asks `gettext`, which speaks the
build's language once the builder starts::

    from book_words import gettext as _
    _(US_LETTER)                       # "Carta (EE. UU.)" in Spanish
"""

from __future__ import annotations

from sphinx.locale import _ as theme_gettext  # Sphinx's catalog: sphinx.po

from worksheet_kit.core.words import N_
from worksheet_kit.sphinxext.words import translations

TEMPLATE_WORDS = {
    "exit_this_page": N_("Exit this page"),
    # read out before the button's name, so a screen reader says what it is for
    "exit_hidden": N_("Emergency"),
    "site_navigation": N_("Site navigation"),  # the two sidebars' names
    "on_this_page": N_("On this page"),
    "language": N_("Language"),  # the landmark around the link to the other language
}
# furo's words that its templates write in English only; _templates/page.html
# puts Sphinx's translation of each (locale/<lang>/LC_MESSAGES/sphinx.po) in place.
THEME_WORDS_IN_ENGLISH = (
    "Contents",
    "Menu",
    "Expand",
    "Light mode",
    "Dark mode",
    "Auto light/dark, in light mode",
    "Auto light/dark, in dark mode",
    "Toggle site navigation sidebar",
    "Toggle table of contents sidebar",
    "Toggle Light / Dark / Auto color theme",
)
BUILD_WORDS = {"gettext": str}  # this build's book catalog, from `use_build_language`
TRANSLATED_CONTEXT = ("tagline",)  # html_context entries that are words
TRANSLATED_CONFIG = ("html_title", "html_short_title")


def translate_settings(app, config) -> None:
    """Settings that are words (the title, the tagline) in the build's language."""
    _ = translations(app, "book").gettext
    for name in TRANSLATED_CONFIG:
        if isinstance(getattr(config, name), str):
            setattr(config, name, _(getattr(config, name)))
    context = dict(config.html_context)
    for name in TRANSLATED_CONTEXT:
        if isinstance(context.get(name), str):
            context[name] = _(context[name])
    config.html_context = context


def gettext(text: str) -> str:
    """`text` in the build's language (English until the builder starts)."""
    return BUILD_WORDS["gettext"](text)


def use_build_language(app) -> None:
    BUILD_WORDS["gettext"] = translations(app, "book").gettext


def add_template_words(app, pagename, templatename, context, doctree):
    context["book_words"] = {name: gettext(text) for name, text in TEMPLATE_WORDS.items()}
    context["theme_words"] = {text: str(theme_gettext(text)) for text in THEME_WORDS_IN_ENGLISH}


def setup(app):
    app.connect("config-inited", translate_settings, priority=900)
    app.connect("builder-inited", use_build_language, priority=100)
    app.connect("html-page-context", add_template_words)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
