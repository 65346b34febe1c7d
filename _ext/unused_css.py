"""The theme's styles, less the rules for classes and ids that nothing uses.

furo.css (50 KB) styles every Sphinx feature: API signatures, sphinx-design,
version menus... A page of this book loads it whole, on a budget of 160 KB
with everything it loads. After a build, each stylesheet in `TRIMMED` keeps
only the selectors whose class and id names all occur somewhere in the built
pages or their scripts (so a class a script adds, such as furo.js's, stays).
This is PurgeCSS's rule, kept conservative: a selector that names no class or
id (``body``, ``a:hover``) always stays, and so do @font-face, @keyframes and
custom properties.

    trimmed = trim(css, words_in(outdir))  # a stylesheet's text, trimmed

``extensions = ["unused_css"]`` trims at the end of every HTML build; set
``unused_css = False`` in conf.py (or ``-D unused_css=0``) to keep the theme's
styles whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import tinycss2

# Third-party stylesheets, relative to the output's _static/ (our own are ours to keep
# small). Not MyST-NB's: it copies its stylesheet only when the output has none or the
# same, and warns otherwise; only pages with a notebook cell load it (page_assets).
TRIMMED = ("styles/furo.css", "pygments.css")
NAMES = re.compile(r"(?<!\\)[.#](-?[A-Za-z_][\w-]*)")
NESTED = ("media", "supports", "layer", "container")
ATTRIBUTES = re.compile(r'\b(?:class|id)="([^"]*)"')
PROPERTIES = re.compile(r"--[\w-]+")
# Search's stemmers and stop words, and its translated messages: words, never class names.
WORD_LISTS = re.compile(r".*stemmer\.js$|language_data\.js$|translations\.js$")


def words_in(outdir: Path) -> set[str]:
    """The class and id names the built pages use, every word of their scripts
    (a script may add a class), and the custom properties the pages set."""
    words: set[str] = set()
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="ignore")
        for value in ATTRIBUTES.findall(text):
            words.update(value.split())
        words.update(PROPERTIES.findall(text))
    for script in outdir.rglob("_static/**/*.js"):
        if WORD_LISTS.match(script.name):
            continue
        words.update(re.findall(r"[\w-]+", script.read_text(encoding="utf-8", errors="ignore")))
    return words


def selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is(...))."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        depth += (char in "([") - (char in ")]")
        if char == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return [part.strip() for part in parts if part.strip()]


def in_use(selector: str, words: set[str]) -> bool:
    """Whether every class and id the selector requires is in use. Names in an
    attribute test or a functional pseudo-class (``:not(.x)``, ``:is(.x, .y)``)
    are not required: ``a:not(.unused)`` still matches."""
    required = re.sub(r"\[[^\]]*\]", "", selector)
    while (unnested := re.sub(r"\([^()]*\)", "", required)) != required:
        required = unnested
    return all(name in words for name in NAMES.findall(required))


def _declarations(content, words: set[str]) -> str:
    """A rule's declarations, less the custom properties nothing reads."""
    kept = []
    for item in tinycss2.parse_blocks_contents(content, skip_whitespace=True, skip_comments=True):
        if item.type == "declaration" and item.name.startswith("--") and item.name not in words:
            continue
        kept.append(item.serialize() if item.type != "declaration" else _declaration(item))
    return ";".join(kept)


def _declaration(item) -> str:
    important = "!important" if item.important else ""
    return f"{item.name}:{tinycss2.serialize(item.value).strip()}{important}"


def _rules(rules: Iterable, words: set[str]) -> str:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            used = [s for s in selectors(tinycss2.serialize(rule.prelude)) if in_use(s, words)]
            body = _declarations(rule.content, words) if used else ""
            if body:
                kept.append(f"{','.join(used)}{{{body}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in NESTED and rule.content:
            inner = tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True)
            body = _rules(inner, words)
            if body:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{body}}}")
        elif rule.type == "at-rule":
            kept.append(rule.serialize())
    return "".join(kept)


def read_properties(css: str) -> set[str]:
    """The custom properties a stylesheet reads: ``var(--name)``."""
    return set(re.findall(r"var\(\s*(--[\w-]+)", css))


def trim(css: str, words: set[str], others: str = "") -> str:
    """`css` without the selectors that name a class or id missing from `words`,
    and without the custom properties that neither it, `others` (the site's
    other stylesheets) nor `words` read. A property read only by a removed one
    goes too."""
    while True:
        reads = words | read_properties(css) | read_properties(others)
        rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
        trimmed = _rules(rules, reads)
        if trimmed == css:
            return css
        css = trimmed


def trim_theme_styles(app, exception) -> None:
    if exception or app.builder.format != "html" or not app.config.unused_css:
        return
    static = Path(app.outdir) / "_static"
    words = words_in(Path(app.outdir))
    trimmed = [path for pattern in TRIMMED for path in static.glob(pattern)]
    ours = [path for path in static.rglob("*.css") if path not in trimmed]
    others = "".join(path.read_text(encoding="utf-8") for path in ours)
    for path in trimmed:
        path.write_text(trim(path.read_text(encoding="utf-8"), words, others), encoding="utf-8")


def setup(app):
    app.add_config_value("unused_css", True, "html", types=(bool, int))
    # after furo, which writes its pygments.css (light and dark) when the build finishes
    app.connect("build-finished", trim_theme_styles, priority=900)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
