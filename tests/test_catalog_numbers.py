"""A translation keeps every help line's number, link and text keyword (issue 26)."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO

from worksheet_kit.i18n.numbers import missing, problems

ENGLISH = (
    "**Live Fear Free**: [call **0808 80 10 800**](tel:+448088010800). "
    "Or [text **START** to **88788**](sms:88788?body=START), see "
    "[the Hotline](https://www.thehotline.org/help/)."
)
SPANISH = (
    "**Live Fear Free** (en inglés): [llama al **0808 80 10 800**](tel:+448088010800). "
    "O [escribe **START** al **88788**](sms:88788?body=START); mira "
    "[la Hotline](https://www.thehotline.org/help/)."
)


def test_a_faithful_translation_loses_nothing():
    assert missing(ENGLISH, SPANISH) == []


def test_a_changed_digit_or_spacing_is_named():
    assert missing(ENGLISH, SPANISH.replace("**0808 80 10 800**", "**0808 80 10 880**")) == [
        "0808 80 10 800"
    ]
    assert missing(ENGLISH, SPANISH.replace("**0808 80 10 800**", "**0808 801 0800**")) == [
        "0808 80 10 800"
    ]


def test_a_changed_link_url_or_keyword_is_named():
    assert missing(ENGLISH, SPANISH.replace("tel:+448088010800", "tel:+448088010880")) == [
        "tel:+448088010800"
    ]
    assert missing(ENGLISH, SPANISH.replace("/help/", "/ayuda/")) == [
        "https://www.thehotline.org/help/"
    ]
    assert missing(ENGLISH, SPANISH.replace("**START**", "**INICIO**")) == ["START"]


def test_what_a_translation_rightly_rewrites_or_adds_is_allowed():
    assert missing("open 3 pm to midnight", "de 15:00 a 00:00") == []
    assert missing("Checked 2026-12-01.", "Comprobado el 1 de diciembre de 2026.") == []
    assert missing("[call **988**](tel:988)", "[llama al **988**](tel:988) y marca 2") == []


def test_the_command_names_the_catalog_and_fails(tmp_path):
    catalogs = tmp_path / "es" / "LC_MESSAGES" / "docs"
    catalogs.mkdir(parents=True)
    (catalogs / "safety.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Call **1-800-799-7233**."\nmsgstr "Llama al **1-800-799-7232**."\n\n'
        '#, fuzzy\nmsgid "Call **1-800-662-4357**."\nmsgstr "Llama."\n\n'
        'msgid "Text **88788**."\nmsgstr ""\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "worksheet_kit.i18n.numbers", str(tmp_path), "es"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    # the fuzzy and the untranslated entries are the catalogs check's to report
    assert done.stdout.strip().splitlines() == [
        f"{catalogs / 'safety.po'}: 'Call **1-800-799-7233**.': missing '1-800-799-7233'"
    ]


def test_the_spanish_catalogs_keep_every_number_and_link():
    assert problems(REPO / "locale", "es") == []
