"""The forms' script in two files: what a first visit needs, and what loads later.

worksheets.js holds what a first visit with nothing stored needs (form_script.py
says the rule); the rest is worksheets-later.js, which the first script reaches
only through ``later(name, ws, ...)`` or ``laterApi``, never by a bare name.
"""

from __future__ import annotations

import gettext
import io
import re

import pytest
import rcssmin
from conftest import REPO

from worksheet_kit.sphinxext import form_script as script
from worksheet_kit.sphinxext.html_output import STATIC, minified_script
from worksheet_kit.sphinxext.words import compiled

KIT_PO = REPO / "locale" / "es" / "LC_MESSAGES" / "kit.po"
FIRST_SCRIPT_BUDGET = 25_000  # bytes, minified, in either language
FIRST_STYLES_BUDGET = 10_500  # bytes, minified (the aim is 8 KB: see form_script.py)
COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`')


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_first_script_stays_within_its_budget(language):
    lookup = None
    if language == "es":
        lookup = gettext.GNUTranslations(io.BytesIO(compiled(KIT_PO, "es")))
    size = len(minified_script(script.form_script(lookup)).encode())
    assert size <= FIRST_SCRIPT_BUDGET, size


def test_the_first_styles_stay_within_their_budget():
    size = len(rcssmin.cssmin((STATIC / "worksheets.css").read_text(encoding="utf-8")).encode())
    assert size <= FIRST_STYLES_BUDGET, size


def named_later(first: dict[str, str], later_names: set[str]) -> list[tuple[str, str]]:
    """(part, name) where a first part names a later function bare, not as
    later("name", ...) or laterApi.name."""
    found = []
    for part, text in first.items():
        code = STRING.sub('""', COMMENT.sub("", text))
        for name in sorted(later_names):
            if re.search(rf"(?<![.\w$]){re.escape(name)}\b", code):
                found.append((part, name))
    return found


def test_the_first_script_reaches_later_code_only_through_later():
    later_names = set(script._declared(script._read(script.LATER_PARTS).values()))
    assert {"exportAnswers", "drawProgress", "carry", "showLocked"} <= later_names
    assert named_later(script._read(script.PARTS), later_names) == []
    planted = {"toolbar": 'button(t("Export"), () => exportAnswers(ws));\nlater("importFile", ws);'}
    assert named_later(planted, later_names) == [("toolbar", "exportAnswers")]


def test_a_name_the_later_parts_declare_is_not_handed_over(tmp_path, monkeypatch):
    (tmp_path / "first.js").write_text("function say(ws, text) {}\nconst shared = 1;\n")
    (tmp_path / "second.js").write_text("function say(text) {}\nsay(shared);\n")
    monkeypatch.setattr(script, "PARTS_DIR", tmp_path)
    monkeypatch.setattr(script, "PARTS", ("first",))
    monkeypatch.setattr(script, "LATER_PARTS", ("second",))
    assert script._handed_over() == ["shared"]
    assert "const { shared } = kit;" in script.later_script()
