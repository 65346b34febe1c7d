"""A two-language book: English pages, and Spanish ones from locale/es (-D language=es)."""

import sys
from pathlib import Path

import worksheet_kit
from worksheet_kit.core.words import N_

BOOK = Path(worksheet_kit.__file__).resolve().parents[1]  # the book's own extensions and templates
sys.path.insert(0, str(BOOK / "_ext"))

extensions = [
    "worksheet_kit.sphinxext",
    "book_quiet",
    "book_languages",
    "book_words",
    "book_search",
    "book_from_disk",
]
exclude_patterns = ["_build", "jupyter_cache", "jupyter_execute", "locale"]
locale_dirs = ["locale/"]
gettext_compact = False
gettext_location = False
gettext_uuid = False
nb_execution_mode = "cache"
nb_execution_cache_path = str(Path(__file__).parent / "jupyter_cache")
nb_execution_raise_on_error = False
nb_execution_show_tb = False
suppress_warnings = ["mystnb.exec"]
nb_execution_timeout = 20
worksheet_safety_doc = "docs/safety"
worksheet_pdf_links = False
html_theme = "furo"
html_title = N_("Rebuilding Trust")
templates_path = [str(BOOK / "_templates")]
html_static_path = [str(BOOK / "_static")]
html_css_files = ["book.css"]
html_copy_source = False  # as the book: no "View this page" link
html_show_sourcelink = False
html_theme_options = {"top_of_page_buttons": []}
html_context = {
    "tagline": N_("A warm, practical workbook for mending trust, alone or together"),
    "exit_page": "https://example.org/",
}
