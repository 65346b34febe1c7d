"""The browser script's words in the build's language: every ``t("…")`` and
``tn("…", "…")`` literal of ``static/worksheets/*.js`` replaced, in the
served bundle, by its translation from the kit's catalog (a gettext object),
so a page carries no table of words::

    from worksheet_kit.sphinxext.script_words import translate_calls
    translate_calls('say(ws, t("Unlocked."));', spanish)  # 'say(ws, t("Desbloqueado."));'

A literal may be written as several joined by ``+`` (one message, as the
extractor reads it); its translation is written as one JSON string, which is
also a valid JavaScript string. A message the catalog does not translate
keeps its literal exactly as written, so an English build's bundle is the
parts as they are.
"""

from __future__ import annotations

import json
import re

LITERAL = r'"(?:[^"\\\n]|\\.)*"'
MESSAGE = rf"{LITERAL}(?:\s*\+\s*{LITERAL})*"
CALL = re.compile(
    rf"(?<![\w.$])(?P<name>tn?)\(\s*(?P<first>{MESSAGE})(?:\s*,\s*(?P<second>{MESSAGE}))?"
)


# An escape JavaScript reads and JSON does not (an escaped backslash is
# matched too, so that its second character never starts another escape).
JS_ESCAPE = re.compile(r"\\(\\|'|x[0-9a-fA-F]{2}|v|0(?![0-9]))")
AS_JSON = {"\\": "\\\\", "'": "'", "v": "\\u000b", "0": "\\u0000"}


def _as_json(literal: str) -> str:
    def swap(found: re.Match) -> str:
        escape = found[1]
        return f"\\u00{escape[1:]}" if escape[0] == "x" else AS_JSON[escape]

    return JS_ESCAPE.sub(swap, literal)


def message_of(source: str) -> str:
    """The text of a literal, or of literals joined by ``+``, as JavaScript reads it."""
    return "".join(json.loads(_as_json(part)) for part in re.findall(LITERAL, source))


def _literal(text: str) -> str:
    # U+2028 and U+2029 may stand in a JavaScript string, but Python's line
    # splitting (the bundle's indent) takes them for line ends: escape them.
    escaped = json.dumps(text, ensure_ascii=False)
    return escaped.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def translate_calls(script: str, lookup) -> str:
    """`script` with each t()/tn() message translated by `lookup` (gettext's
    ``gettext``/``ngettext``); ``tn`` takes the forms for one and for two."""

    def replace(found: re.Match) -> str:
        whole, base = found[0], found.start()
        first = slice(found.start("first") - base, found.end("first") - base)
        if found["name"] == "t":
            text = message_of(found["first"])
            done = lookup.gettext(text)
            return (
                whole
                if done == text
                else whole[: first.start] + _literal(done) + whole[first.stop :]
            )
        if found["second"] is None:
            return whole
        singular, plural = message_of(found["first"]), message_of(found["second"])
        one, many = lookup.ngettext(singular, plural, 1), lookup.ngettext(singular, plural, 2)
        if (one, many) == (singular, plural):
            return whole
        between = whole[first.stop : found.start("second") - base]
        return (
            whole[: first.start]
            + _literal(one)
            + between
            + _literal(many)
            + whole[found.end("second") - base :]
        )

    return CALL.sub(replace, script)
