"""The words seam: every string the kit shows a reader, in the reader's
language (the standard library's gettext, so a downloaded notebook speaks
its language without Sphinx)::

    from .words import _, n_, N_

    _("Export answers")                       # "Exportar respuestas" in Spanish
    n_("{n} entry", "{n} entries", n).format(n=n)
    LABELS = {"alone": N_("alone")}           # marked here, translated where shown
    forms = n_forms("You marked {n} of {total} item.", "You marked {n} of {total} items.")
    pick(forms, 12).format(n=2, total=12)     # both forms travel to the browser as data

The build switches the language once, from ``locale/<lang>/LC_MESSAGES/kit.po``
(``sphinxext/words.py``); a Spanish notebook's first cell does the same
with the catalog it carries (`use`). ``python -m worksheet_kit.i18n.extract``
collects every marked string into the kit's template.
"""

from __future__ import annotations

import gettext
import io

_current = {"language": "en", "catalog": gettext.NullTranslations(), "compiled": None}


def use(language: str, catalog: bytes | None = None) -> None:
    """Speak `language` from now on, with a compiled (.mo) `catalog`;
    ``use("en")`` goes back to the English the kit is written in."""
    found = gettext.GNUTranslations(io.BytesIO(catalog)) if catalog else None
    _current["language"] = language
    _current["catalog"] = found or gettext.NullTranslations()
    _current["compiled"] = catalog or None


def language() -> str:
    return _current["language"]


def catalog() -> bytes | None:
    """The compiled catalog the kit speaks now (None in English): what a
    notebook's kit cell carries."""
    return _current["compiled"]


def _(message: str) -> str:
    return _current["catalog"].gettext(message)


def n_(singular: str, plural: str, n: int) -> str:
    return _current["catalog"].ngettext(singular, plural, n)


def n_forms(singular: str, plural: str) -> dict:
    """Both forms of a message whose number comes later, for data the browser
    fills in: ``{"one": ..., "other": ...}`` (`pick` chooses). Two forms cover
    English and Spanish (Spanish's third, for round millions, never counts
    a sheet's parts)."""
    return {"one": n_(singular, plural, 1), "other": n_(singular, plural, 2)}


def pick(forms: dict, n: int) -> str:
    """The form of `n_forms` for the number `n` (as ``tn()`` in words.js)."""
    return forms["one" if n == 1 else "other"]


def p_(context: str, message: str) -> str:
    """`message` as the catalog words it under `context`: a sheet's own words,
    which a notebook's catalog keeps apart from the kit's (``core/translation.py``)."""
    return _current["catalog"].pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for the catalog without translating it yet."""
    return message
