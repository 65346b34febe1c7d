"""Sphinx configuration for the Rebuilding Trust workbook.

The source directory is the repository root: the welcome page is
``index.md``, chapters live in ``docs/`` and worksheets in ``worksheets/``.
Book-local Sphinx extensions (search, a quiet build, a note for pages
opened from disk) live in ``_ext/``.
"""

import sys
from pathlib import Path

# -- Project -----------------------------------------------------------------
project = "Rebuilding Trust"
author = "The Rebuilding Trust workbook contributors"
copyright = "2026, the Rebuilding Trust workbook contributors"
release = "0.1"
language = "en"  # the Spanish edition: `-D language=es` (see Makefile)
# Every page links its twin in the other language (_ext/book_languages.py):
# the first at the site's root, the others in a folder each (_build/html/es/).
book_languages = {"en": "English", "es": "Español"}

sys.path.insert(0, str(Path(__file__).parent / "_ext"))  # this book's own extensions
from workshop_plans import packet_documents  # noqa: E402  (in _ext/)

from worksheet_kit.core.words import N_  # noqa: E402  (words for book.pot: _ext/book_words.py)

root_doc = "index"
extensions = [
    "myst_nb",
    "worksheet_kit.sphinxext",
    "book_html",  # aria-level on captions; a description for each page
    "page_assets",  # a page loads only the scripts and styles it uses
    "unused_css",  # the theme's stylesheets, less the rules nothing uses
    "small_static",  # the book's own scripts and styles, minified in the site
    "book_search",  # numbers such as 988 are searchable; print-only pages are not
    "book_quiet",  # one line per step: no kernel-transport or config-dump lines
    "book_from_disk",  # pages opened as files say how to serve the book
    "book_outputs",  # {web}`...` and {paper}`...`: words for one output only
    "workshop_plan_pages",  # the plans' tables and the packets' links, from the plans file
    "book_downloads",  # the welcome page's zip and book PDF links, in the build's language
    "book_languages",  # each page links its twin in the other language; hreflang alternates
    "book_words",  # the templates' and settings' words in the build's language (book.po)
]
exclude_patterns = [
    "_build",
    ".venv",
    ".git",
    ".github",
    ".ci",
    ".pytest_cache",
    "bench",
    "seed",
    "tests",
    "README.md",
    "_templates",
    "_ext",
    "worksheet_kit",
    "**/.ipynb_checkpoints",
    "worksheets/*.ipynb",
    "worksheets/README.md",
    "jupyter_execute",
    "locale",  # translation catalogs and the translators' notes (locale/es/*.md) are not pages
]
nitpicky = True
# MyST-NB's own execution warnings are replaced by the kit's: one line per
# failing notebook, with its own message, and a list of all of them at the end.
suppress_warnings = ["mystnb.exec"]
today_fmt = "%Y"  # no build date in pages: two builds of a commit match

# -- Translations (Sphinx's gettext) -----------------------------------------------
# One .po file per page under locale/<lang>/LC_MESSAGES/, as python-docs-es
# keeps them; a worksheet page's catalog also holds the sheet's own text
# (worksheet_kit/sphinxext/translation.py). No source locations, so a
# moved line does not rewrite every catalog.
locale_dirs = ["locale/"]
gettext_compact = False
gettext_location = False
gettext_uuid = False

# -- MyST --------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "tasklist", "attrs_inline"]
myst_heading_anchors = 3
myst_url_schemes = ["http", "https", "mailto", "tel", "sms"]  # tap-to-call crisis lines
# The pages' meta description comes from _ext/book_html.py, in the build's
# language: `myst_html_meta` would put a meta node first in every translated
# message MyST parses, and Sphinx would then drop every translation.

# -- Notebook execution (MyST-NB) ----------------------------------------------
nb_execution_mode = "cache"
nb_execution_cache_path = "_build/.jupyter_cache"  # the kit adds its own version
# A worksheet builds plain objects and runs in well under a second; 60 s
# only stops a cell that hangs, and fails the build when it does.
nb_execution_timeout = 60
# Off, so that every failing notebook is reported (raising stops at the first);
# the failure still fails the build, as a warning under -W.
nb_execution_raise_on_error = False
nb_execution_show_tb = False
nb_merge_streams = True

# -- HTML (furo) -----------------------------------------------------------------
html_theme = "furo"
html_title = N_("Rebuilding Trust")
html_short_title = N_("Rebuilding Trust")
html_static_path = ["_static"]
templates_path = ["_templates"]
html_context = {
    "tagline": N_("A warm, practical workbook for mending trust, alone or together"),
    # Where the quick exit ("Exit this page", on every page) goes. An everyday
    # page that anyone might have open and that says nothing about this book:
    # the weather, as GOV.UK's component (tested with survivors of domestic
    # abuse) does. Tests point it at a local page (`-A exit_page=...`).
    "exit_page": "https://www.bbc.co.uk/weather",
}
# The priority is the one Sphinx gives anyway; written out, because Sphinx adds
# it to this list in place, which made every rebuild a "changed configuration".
html_css_files = [("book.css", {"priority": 800})]
html_favicon = "_static/favicon.svg"
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
# furo's footer would say "Made with Sphinx and @pradyunsg's Furo", its "'s" in
# English on every page; without Sphinx's name it says "Made with Furo" in each language
html_show_sphinx = False
html_permalinks_icon = "#"
html_theme_options = {
    "light_css_variables": {
        "color-brand-primary": "#2f5d62",
        "color-brand-content": "#2f5d62",
        "color-brand-visited": "#5e4b8b",
        "color-admonition-background": "#f3f7f6",
    },
    "dark_css_variables": {
        "color-brand-primary": "#8cc7c3",
        "color-brand-content": "#8cc7c3",
        "color-brand-visited": "#c4b5f0",
        "color-admonition-background": "#1f2a2a",
    },
    "navigation_with_keys": True,
    "top_of_page_buttons": [],
}

# -- PDF (Typst: `sphinx-build -b typst`, see worksheet_kit/typst) --------------
# Each document is written in A4 and, as <name>-letter.pdf, in US Letter.
# Patterns follow the toctrees' reading order; a worksheet's own page
# prints as its sheet alone, one page each; a sheet already in a document
# is not printed again (the safety chapter embeds the safety check).
# The packets come from docs/workshop-plans.yaml (_ext/workshop_plans.py).
typst_documents = [
    {
        "name": "rebuilding-trust",
        "title": "Rebuilding Trust",
        "subtitle": "A workbook for healing broken trust, one small step at a time",
        "note": (
            "This is the printed book. It is education, not therapy. Each chapter starts "
            "from one part of a short article about trust issues in therapy, and ends with "
            "its worksheets, each on a page of its own. If you are afraid of your partner, "
            "read Safety first before anything else."
        ),
        "docs": ["docs/*"],
        # the web page's buttons, and how to translate the book: nothing for the reader on paper
        "exclude": ["docs/your-answers", "docs/translating"],
    },
    # every session's participant and facilitator packets, from the plans
    *packet_documents(Path(__file__).parent / "docs" / "workshop-plans.yaml"),
]
