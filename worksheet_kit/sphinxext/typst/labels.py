"""The PDF's own words (page furniture, labels, the safety line) in the build's
language, handed to ``kit.typ`` as one Typst dictionary defined above it::

    typst_words()   # '#let words = (contents: [Contents], page-of: (page, pages) => [...], ...)'

``kit.typ`` then writes ``#words.contents`` or ``#(words.page-of)(2, 3)``
and holds no English of its own. A sentence with places (``{page}``) becomes
a Typst function of those places, in the message's order, so a translation
may move them.
"""

from __future__ import annotations

import re

from ...core.words import N_, _
from .markup import text

PLACE = re.compile(r"\{(\w+)\}")
PLAIN = {
    "contents": N_("Contents"),
    "worksheet": N_("Worksheet"),
    "more-room": N_("More room for any answer:"),
    "purpose": N_("Purpose:"),
    "time": N_("Time:"),
    "who": N_("Who:"),
    "privacy": N_("Privacy:"),
    "safety": N_("Safety:"),
    "scale": N_("Scale:"),
}
SENTENCES = {  # name: (message, its places as the Typst function's parameters)
    "page-of": (N_("Page {page} of {pages}"), ("page", "pages")),
    "sheet-page": (N_("{sheet}, page {page} of {pages}"), ("sheet", "page", "pages")),
    "sheet-elsewhere": (
        N_('The sheet "{sheet}" is on page {page} of this document.'),
        ("sheet", "page"),
    ),
    "safety-line": (
        N_(
            "if your partner hurts, threatens or controls you, skip joint exercises. "
            "US and Canada: call or text 988. US: Domestic Violence Hotline {hotline} "
            "(text START to 88788). Elsewhere: {finder}. My local help: {blank}"
        ),
        ("hotline", "finder", "blank"),
    ),
}


def sentence(message: str, places: tuple[str, ...]) -> str:
    """A Typst function filling the message's places: ``(page, pages) => [Page #(page) ...]``."""
    pieces = PLACE.split(message)  # text, place, text, place, ...
    unknown = set(pieces[1::2]) - set(places)
    if unknown:  # a translation that names a place the sentence does not have
        raise ValueError(f"{message!r}: unknown places {sorted(unknown)}")
    markup = "".join(f"#({piece})" if odd else text(piece) for odd, piece in _alternate(pieces))
    return f"({', '.join(places)}) => [{markup}]"


def _alternate(pieces):
    return ((number % 2 == 1, piece) for number, piece in enumerate(pieces))


def edition_line(project: str, release: str = "", rights: str = "") -> str:
    """The cover's last line: "Rebuilding Trust, version 1.0. © 2026 ..."."""
    named = _("{project}, version {release}.") if release else "{project}."
    name = named.format(project=project, release=release)
    return f"{name} © {rights}." if rights else name


def typst_words() -> str:
    """The ``#let words = (...)`` line, in the language the kit speaks now."""
    entries = [f"{name}: [{text(_(message))}]" for name, message in PLAIN.items()]
    entries += [
        f"{name}: {sentence(_(message), places)}" for name, (message, places) in SENTENCES.items()
    ]
    return f"#let words = ({', '.join(entries)})"
