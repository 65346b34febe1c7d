"""Show where the catalogs of one language say the same thing two ways.

Several translators fill the catalogs in parallel; an editor then makes the
book speak with one voice. This lists, for ``locale/<language>``::

    python -m worksheet_kit.i18n.consistency locale es

1. every English text translated in two or more different ways across the
   catalogs, each translation with the catalogs that use it::

       'Your answers'
           'Tus respuestas': docs/your-answers, worksheets/after-a-slip
           'Sus respuestas': worksheets/trust-snapshot

2. every English sentence said more than one way inside longer texts,
   where a text and its translation have as many sentences and so pair
   up one to one (``Before you start, read [Safety first](…).`` opens
   most sheets' first paragraph). Context may rightly change a sentence
   (a plural "you"), so this part is for reading, not for failing;

3. every page and sheet, with its translated title (its catalog's entry
   for the source's ``# Title``) and each link text in another catalog
   that points to it (``[text](../worksheets/x.md)``, ``[text](x.md)``,
   ``{doc}`text <x>```; a link to a section is left out), so that names
   can be matched to titles. A link text is marked ``=`` when it is the
   title (case aside), ``~`` when it holds the title (*el balance
   semanal*), and ``≠`` otherwise: running text may inflect a title,
   but it must name the same thing.

It exits 1 when part 1 lists anything, so a test can hold the catalogs
to it. The page sources are read from the folder above ``locale``.
"""

from __future__ import annotations

import posixpath
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.pofile import read_po

MARKDOWN_LINK = re.compile(r"(?<!!)\[((?:[^\[\]]|\[[^\]]*\])+)\]\(([^)\s]+)\)")
DOC_ROLE = re.compile(r"\{doc\}`(?:([^`<]*?)\s*<([^>`]+)>|([^`<]+))`")
# a sentence ends at . ! ? or : before a capital, an opening mark or a link
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÁÉÍÓÚÑ¿¡«\[*(])")
HEADING = re.compile(r"^# (.+?)\s*$", re.M)
NOT_PAGES = {"kit", "book", "sphinx"}  # interface words, not one page's


def text_of(value) -> str:
    return value if isinstance(value, str) else value[0]


def load(locale_dir: Path, language: str) -> dict[str, dict[str, str]]:
    """Each catalog by page name (``docs/safety``): English → translation.

    Only translated entries that are not fuzzy: the catalogs check reports
    the rest."""
    root = Path(locale_dir) / language / "LC_MESSAGES"
    catalogs = {}
    for path in sorted(root.rglob("*.po")):
        with path.open("rb") as source:
            catalog = read_po(source, locale=language)
        name = path.relative_to(root).with_suffix("").as_posix()
        catalogs[name] = {
            text_of(m.id): text_of(m.string)
            for m in catalog
            if m.id and text_of(m.string) and not m.fuzzy
        }
    return catalogs


def variants(catalogs: dict[str, dict[str, str]]) -> dict[str, dict[str, list[str]]]:
    """English texts said more than one way: English → translation → catalogs."""
    return several_ways(
        (name, english, translation)
        for name, messages in catalogs.items()
        for english, translation in messages.items()
    )


def sentence_variants(catalogs: dict[str, dict[str, str]]) -> dict[str, dict[str, list[str]]]:
    """English sentences said more than one way, from texts whose sentences pair up."""
    pairs = []
    for name, messages in catalogs.items():
        for english, translation in messages.items():
            ours, theirs = SENTENCE_END.split(english), SENTENCE_END.split(translation)
            if len(ours) == len(theirs) > 1:
                pairs.extend((name, one, other) for one, other in zip(ours, theirs, strict=True))
    return several_ways(pairs)


def several_ways(pairs) -> dict[str, dict[str, list[str]]]:
    seen: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for name, english, translation in pairs:
        seen[english][translation].append(name)
    return {english: dict(ways) for english, ways in sorted(seen.items()) if len(ways) > 1}


def links(text: str) -> list[tuple[str, str]]:
    """``(link text, target)`` for every Markdown link and ``{doc}`` role."""
    found = [(label, target) for label, target in MARKDOWN_LINK.findall(text)]
    for label, target, bare in DOC_ROLE.findall(text):
        found.append((label, target) if target else (bare, bare))
    return found


def page_of(target: str, from_page: str) -> str | None:
    """The page a link in `from_page` goes to (``worksheets/x``), or None
    for a web address, a section, or a download."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", target) or "#" in target:
        return None  # a web address, or a section rather than the page
    path = target
    if path.endswith(".md"):
        path = path[:-3]
    elif "." in posixpath.basename(path):
        return None  # a PDF, a notebook, an image
    if path.startswith("/"):
        return posixpath.normpath(path.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_page), path))


@dataclass
class Page:
    english: str | None = None
    title: str | None = None
    named: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def names(catalogs: dict[str, dict[str, str]], source_dir: Path) -> dict[str, Page]:
    """Every page's translated title and the link texts naming it elsewhere."""
    pages: dict[str, Page] = defaultdict(Page)
    for name, messages in catalogs.items():
        if name in NOT_PAGES:
            continue
        source = Path(source_dir) / f"{name}.md"
        heading = HEADING.search(source.read_text(encoding="utf-8")) if source.exists() else None
        if heading:
            page = pages[name]
            page.english = heading.group(1)
            page.title = messages.get(page.english)
        for translation in messages.values():
            for label, target in links(translation):
                to = page_of(target, name)
                if to and to != name:
                    pages[to].named[label].append(name)
    return dict(sorted(pages.items()))


def likeness(label: str, title: str | None) -> str:
    """``=`` the title, ``~`` holds the title, ``≠`` names it otherwise."""
    label, title = label.casefold(), (title or "").casefold()
    return "=" if label == title else "~" if title and title in label else "≠"


def report(catalogs: dict[str, dict[str, str]], source_dir: Path) -> tuple[list[str], int]:
    """The listing's lines, and how many English texts are said several ways."""
    clashes = variants(catalogs)
    lines = listing(clashes)
    sentences = sentence_variants(catalogs)
    if sentences:
        lines.append("Sentences said more than one way inside longer texts:")
        lines.extend(listing(sentences))
    for name, page in names(catalogs, source_dir).items():
        lines.append(f"{name}: {page.title!r} ({page.english!r})")
        for label, used in sorted(page.named.items()):
            mark = likeness(label, page.title)
            lines.append(f"    {mark} {label!r}: {', '.join(sorted(set(used)))}")
    return lines, len(clashes)


def listing(found: dict[str, dict[str, list[str]]]) -> list[str]:
    """Each English text, then each way it is said with its catalogs, most used first."""
    lines = []
    for english, ways in found.items():
        lines.append(repr(english))
        for translation, used in sorted(ways.items(), key=lambda way: -len(way[1])):
            lines.append(f"    {translation!r}: {', '.join(sorted(set(used)))}")
    return lines + [""] if lines else lines


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    locale_dir = Path(argv[0])
    lines, clashes = report(load(locale_dir, argv[1]), locale_dir.resolve().parent)
    print("\n".join(lines))
    if clashes:
        print(f"\n{clashes} English texts are translated more than one way in {argv[1]!r}")
    return 1 if clashes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
