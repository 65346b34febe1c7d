"""One English text, one translation: the Spanish edition speaks with one voice (issue 26)."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO

from worksheet_kit.i18n.consistency import load, variants

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def write(root, name, entries, source=None):
    """A catalog `name` of (English, Spanish) entries, and its page's source."""
    catalog = root / "locale" / "es" / "LC_MESSAGES" / f"{name}.po"
    catalog.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f'msgid "{en}"\nmsgstr "{es}"\n\n' for en, es in entries)
    catalog.write_text(HEADER + body, encoding="utf-8")
    if source:
        page = root / f"{name}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(source, encoding="utf-8")


def run(root):
    return subprocess.run(
        [sys.executable, "-m", "worksheet_kit.i18n.consistency", str(root / "locale"), "es"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )


def test_a_text_said_two_ways_is_listed_with_its_catalogs(tmp_path):
    write(tmp_path, "worksheets/a", [("Next step", "Siguiente paso"), ("Maybe", "Quizás")])
    write(tmp_path, "worksheets/b", [("Next step", "Próximo paso"), ("Maybe", "Quizás")])
    write(tmp_path, "docs/c", [("Next step", "Siguiente paso")])
    done = run(tmp_path)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[:3] == [
        "'Next step'",
        "    'Siguiente paso': docs/c, worksheets/a",
        "    'Próximo paso': worksheets/b",
    ]
    assert "'Maybe'" not in lines
    assert lines[-1] == "1 English texts are translated more than one way in 'es'"


def test_each_page_is_shown_with_its_title_and_the_link_texts_naming_it(tmp_path):
    write(
        tmp_path,
        "worksheets/after-a-slip",
        [("After a slip", "Después de un desliz"), ("Intro", "Introducción")],
        source="---\njupytext: {}\n---\n\n# After a slip\n\nIntro\n",
    )
    write(
        tmp_path,
        "docs/after-a-slip",
        [
            (
                "[After a slip](../worksheets/after-a-slip.md) helps.",
                "[Después de un desliz](../worksheets/after-a-slip.md) ayuda.",
            ),
            (
                "Use [the sheet](../worksheets/after-a-slip.md).",
                "Usa [la hoja Después de un desliz](../worksheets/after-a-slip.md).",
            ),
            (
                "Read [the steps](../worksheets/after-a-slip.md#steps).",
                "Lee [los pasos](../worksheets/after-a-slip.md#steps).",
            ),
        ],
    )
    write(
        tmp_path,
        "docs/workshop-plans",
        [
            (
                "See {doc}`After a slip <../worksheets/after-a-slip>`.",
                "Mira {doc}`Después de una recaída <../worksheets/after-a-slip>`.",
            )
        ],
    )
    done = run(tmp_path)
    assert done.returncode == 0, done.stdout
    start = done.stdout.splitlines().index(
        "worksheets/after-a-slip: 'Después de un desliz' ('After a slip')"
    )
    assert done.stdout.splitlines()[start + 1 : start + 4] == [
        "    = 'Después de un desliz': docs/after-a-slip",
        "    ≠ 'Después de una recaída': docs/workshop-plans",
        "    ~ 'la hoja Después de un desliz': docs/after-a-slip",
    ]  # the link to a section names the section, not the sheet


def test_the_spanish_catalogs_say_each_english_text_one_way():
    assert variants(load(REPO / "locale", "es")) == {}


def test_a_sentence_said_two_ways_inside_longer_texts_is_listed_without_failing(tmp_path):
    safety = "Before you start, read [Safety first](../docs/safety.md)."
    write(
        tmp_path,
        "worksheets/a",
        [
            (
                f"{safety} Go slowly.",
                "Antes de empezar, lee [Primero, tu seguridad](../docs/safety.md). Ve despacio.",
            )
        ],
    )
    write(
        tmp_path,
        "worksheets/b",
        [
            (
                f"{safety} Stop at any time.",
                "Antes de empezar, lee [Primero, la seguridad](../docs/safety.md). Para cuando quieras.",
            )
        ],
    )
    done = run(tmp_path)
    assert done.returncode == 0, done.stdout  # context may rightly change a sentence
    lines = done.stdout.splitlines()
    start = lines.index("Sentences said more than one way inside longer texts:")
    assert lines[start + 1 : start + 4] == [
        repr(safety),
        "    'Antes de empezar, lee [Primero, tu seguridad](../docs/safety.md).': worksheets/a",
        "    'Antes de empezar, lee [Primero, la seguridad](../docs/safety.md).': worksheets/b",
    ]
