"""The browser script's words: every string a reader sees goes through t()/tn(),
and each language's bundle is written with them translated (issue 26)."""

from __future__ import annotations

import gettext
import io
import re
import shutil
import subprocess

import pytest
from babel.messages.pofile import read_po
from conftest import REPO
from js_source import literals

from worksheet_kit.sphinxext.form_script import (
    LATER_PARTS,
    PARTS,
    PARTS_DIR,
    form_script,
    later_script,
)
from worksheet_kit.sphinxext.html_output import minified_script
from worksheet_kit.sphinxext.script_words import CALL, message_of, translate_calls
from worksheet_kit.sphinxext.words import compiled

KIT_PO = REPO / "locale" / "es" / "LC_MESSAGES" / "kit.po"
# Calls whose string arguments are code, never shown: CSS selectors, errors
# for the console (a reader is told in words by the caller), logging.
CODE_CALLS = {"querySelector", "querySelectorAll", "closest", "Error", "log", "warn", "error"}
# Literals of three words or more that no reader sees.
NOT_WORDS = {
    "rebuilding-trust lock check",  # lock.js LOCK_CHECK: the sealed text that proves a passphrase
}


def words(text: str) -> list[str]:
    """What counts as a word of prose: a run with two letters or more."""
    return [w for w in text.split() if len(re.findall(r"[A-Za-z]", w)) >= 2]


def untranslated(source: str) -> list[str]:
    """Literals of three words or more outside t()/tn() and code-only calls."""
    found = []
    for literal in literals(source):
        if {"t", "tn"} & set(literal.calls) or CODE_CALLS & set(literal.calls[-1:]):
            continue
        if len(words(literal.text)) >= 3 and literal.text not in NOT_WORDS:
            found.append(literal.text)
    return found


def test_every_sentence_in_the_script_goes_through_t():
    found = {
        name: untranslated((PARTS_DIR / f"{name}.js").read_text(encoding="utf-8"))
        for name in PARTS + LATER_PARTS
    }
    assert {name: texts for name, texts in found.items() if texts} == {}


def test_the_hygiene_rule_sees_english_outside_t():
    source = """
    // a comment "with three words" is no string
    say(ws, `Your entry for ${date} was deleted.`);
    el.title = 'Set for the whole book';
    say(ws, t("Your entry for {date} was deleted.", { date }));
    form.querySelectorAll(".ws-tools, .ws-summary, .ws-progress");
    const re = /"not a string at all"/;
    """
    assert untranslated(source) == ["Your entry for   was deleted.", "Set for the whole book"]


class Catalog(gettext.NullTranslations):
    """A lookup from a dict: message -> translation, (singular, plural) -> two forms."""

    def __init__(self, table):
        super().__init__()
        self.table = table

    def gettext(self, message):
        return self.table.get(message, message)

    def ngettext(self, singular, plural, n):
        forms = self.table.get((singular, plural), (singular, plural))
        return forms[0] if n == 1 else forms[1]


def spanish() -> gettext.GNUTranslations:
    return gettext.GNUTranslations(io.BytesIO(compiled(KIT_PO, "es")))


def calls_in(bundle: str) -> list[str | tuple[str, str]]:
    """The message of each t()/tn() call in a bundle, as JavaScript reads it."""
    out = []
    for found in CALL.finditer(bundle):
        first = message_of(found["first"])
        out.append((first, message_of(found["second"])) if found["second"] else first)
    return out


def test_a_translation_replaces_each_literal_and_keeps_the_call():
    lookup = Catalog(
        {
            "Unlocked.": "Desbloqueado.",
            "Keep " + "going": "Sigue",
            ("{n} sheet", "{n} sheets"): ("{n} hoja", "{n} hojas"),
        }
    )
    script = (
        'say(ws, t("Unlocked.")); x = t("Keep " +\n  "going", { a }); '
        'y = tn("{n} sheet", "{n} sheets", n); z = t("Not in the catalog.");'
    )
    assert translate_calls(script, lookup) == (
        'say(ws, t("Desbloqueado.")); x = t("Sigue", { a }); '
        'y = tn("{n} hoja", "{n} hojas", n); z = t("Not in the catalog.");'
    )


def test_a_translation_with_quotes_backslashes_and_lines_stays_valid_javascript():
    tricky = "Dice \"hola\" \\ y 'adiós'\nen dos líneas </script> \u2028 ${nada}"
    messages = calls_in(form_script() + later_script())
    lookup = Catalog({m: (tricky, tricky) if isinstance(m, tuple) else tricky for m in messages})
    for bundle in (form_script(lookup), later_script(lookup)):
        literals(bundle)  # raises SyntaxError on a literal it cannot close
        assert tricky in calls_in(bundle)
        assert set(calls_in(bundle)) <= {tricky, (tricky, tricky)}
        literals(minified_script(bundle))  # the served file, names shortened
    node = shutil.which("node")
    if node:  # a real parser too, where one is installed (the browser test runs one)
        for bundle in (form_script(lookup), later_script(lookup)):
            for text in (bundle, minified_script(bundle)):
                done = subprocess.run([node, "--check"], input=text, capture_output=True, text=True)
                assert done.returncode == 0, done.stderr


def test_no_lookup_or_an_english_catalog_leaves_the_bundle_as_its_parts():
    for script in (form_script, later_script):
        assert script(gettext.NullTranslations()) == script()
        assert script(Catalog({})) == script()


def test_the_spanish_bundle_has_no_english_message_left():
    """Every message of the script has a Spanish translation in kit.po, and the
    bundle built with it holds the Spanish in place of each English literal."""
    with KIT_PO.open("rb") as source:
        catalog = read_po(source, locale="es")
    translated = {m.id: m.string for m in catalog if m.id and not m.fuzzy and all(m.string or [""])}
    english = calls_in(form_script() + later_script())
    comments = {"Your entry for {date} was deleted.", ("{n} sheet", "{n} sheets")}  # words.js
    assert [m for m in english if m not in translated and m not in comments] == []

    lookup = spanish()
    for english_bundle, bundle in (
        (form_script(), form_script(lookup)),
        (later_script(), later_script(lookup)),
    ):
        literals(bundle)
        # an English literal left where the catalog has another text for it
        left = [
            m for m in calls_in(bundle) if m in translated and translated[m] not in (m, list(m))
        ]
        assert left == []
        assert calls_in(bundle) != calls_in(english_bundle)
    assert 't("Exportar respuestas")' in form_script(lookup)


@pytest.mark.parametrize("language", ["en", "es"])
def test_minifying_keeps_every_string_in_either_language(language):
    """As test_hygiene's check for the English bundle: the minifier, which
    shortens names, keeps every sentence a reader sees, in either language."""
    lookup = spanish() if language == "es" else None
    for source in (form_script(lookup), later_script(lookup)):
        small = minified_script(source)
        plain = [
            m for m in calls_in(source) if isinstance(m, str) and not re.search(r"[\\'\"\n]", m)
        ]
        assert plain
        assert [m for m in plain if m not in small] == []


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (r'"Save today\'s entry"', "Save today's entry"),
        (r'"\u201cquoted\u201d \x41"', "“quoted” A"),
        (r'"a \\x41 \\ b"', r"a \x41 \ b"),
        ('"joined " +\n    "by plus"', "joined by plus"),
    ],
)
def test_a_message_is_read_as_javascript_reads_its_literal(source, text):
    assert message_of(source) == text
