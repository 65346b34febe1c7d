"""A Markdown cell in another language, one message at a time.

Sphinx's gettext builder makes one message of each heading and paragraph
(a list item's, a quote's, an admonition's too): its MyST source, lines
joined. `translate_markdown` finds the same blocks in a cell's source and
puts each one's translation in its place, keeping what is around it (the
``## `` of a heading, the ``- `` of a list item) and the markup inside it::

    translate_markdown("## Next step\\n\\nRead [this](../a.md).", {
        "Next step": "Siguiente paso",
        "Read [this](../a.md).": "Lee [esto](../a.md).",
    }.get)
    # "## Siguiente paso\\n\\nLee [esto](../a.md)."

A block the lookup gives nothing for stays as written.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt

_PARSER = MarkdownIt("commonmark")


def message_text(text: str) -> str:
    """A block's text as a catalog's message names it: one line, single spaces
    (Sphinx joins a block's lines; a catalog wraps them again)."""
    return " ".join(text.split())


def translate_markdown(source: str, lookup: Callable[[str], str | None]) -> str:
    """`source` with every heading and paragraph replaced by ``lookup(text)``
    (text as `message_text` gives it), when that gives a text."""
    lines = source.split("\n")
    changes = []  # (first line, end line, new lines)
    for token in _PARSER.parse(source):
        if token.type == "inline" and token.map:
            found = lookup(message_text(token.content))
            if found:
                first, end = token.map
                start = lines[first].find(token.content.split("\n", 1)[0])
                changes.append(
                    (first, end, [lines[first][: max(start, 0)] + " ".join(found.split("\n"))])
                )
        elif token.type == "fence" and token.info.startswith("{") and token.map:
            # a directive (an admonition): its body is Markdown too
            first, end = token.map
            body = translate_markdown(token.content.rstrip("\n"), lookup)
            changes.append((first + 1, end - 1, body.split("\n")))
    for first, end, new in sorted(changes, reverse=True):
        lines[first:end] = new
    return "\n".join(lines)
