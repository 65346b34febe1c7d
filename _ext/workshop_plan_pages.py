"""The plans page's tables and the packets' links, drawn from docs/workshop-plans.yaml.

A session's timed table, then (on the web only) its two packets::

    ```{workshop-plan} week-2
    ```

Links to packets, on the web only: every session's (no option), or only the
all-sessions packets (``:all-sessions-only:``)::

    ```{packet-links}
    :all-sessions-only:
    ```

A link's text is the packet's name, the same as its cover title
(`workshop_plans.packet_title`). Paper cannot follow a link, so the
printed page shows neither list.

Every word shown, the plans file's own included, comes from the book's
catalog (``book.po``): ``python -m worksheet_kit.i18n.extract`` collects
the plans file's words (`catalog_words`) with the strings marked here.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from book_words import gettext
from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective
from workshop_plans import (
    KINDS,
    PLANS_FILE,
    Session,
    load_plans,
    packet_file,
)

from worksheet_kit.core.words import N_

# `workshop_plans.packet_title`, word for word, in a translatable form
PACKET_NAMES = {
    "participant": N_("Participant packet: {name}"),
    "facilitator": N_("Facilitator packet: {name}"),
}
HEADINGS = (N_("Min"), N_("Block"), N_("Who"), N_("Sheet"))
PRINT_FOR_SESSION = N_("Print for this session:")
US_LETTER = N_("US Letter")
ALL_SESSIONS_WORDS = N_("all sessions")  # workshop_plans.ALL_SESSIONS, marked for the catalog


def packet_name(kind: str, session: Session | None, _=str) -> str:
    """The packet's name (its cover title) in the words `_` gives."""
    name = session.name if session else ALL_SESSIONS_WORDS
    return _(PACKET_NAMES[kind]).format(name=_(name))


def link_pair(prefix: str, kind: str, session: Session | None, _=str) -> str:
    """ "<name> (PDF) · US Letter" as two links."""
    name = packet_file(kind, session)
    return (
        f'<a class="packet-link" href="{prefix}pdf/{name}.pdf">'
        f"{escape(packet_name(kind, session, _))} (PDF)</a> · "
        f'<a href="{prefix}pdf/{name}-letter.pdf">{escape(_(US_LETTER))}</a>'
    )


def catalog_words(srcdir: Path) -> list[tuple[str, str]]:
    """(text, where) of every word of the plans file a page shows, for ``book.pot``
    (``python -m worksheet_kit.i18n.extract`` calls it)."""
    words = []
    for session in load_plans(Path(srcdir) / PLANS_FILE).sessions:
        words += [(session.name, session.slug), (session.format, session.slug)]
        words += [(session.heading, session.slug)] if session.heading else []
        for number, block in enumerate(session.blocks, start=1):
            where = f"{PLANS_FILE}: {session.slug}, block {number}"
            words += [(block.text, where), (block.who, where)]
    return [(text, where if ":" in where else f"{PLANS_FILE}: {where}") for text, where in words]


class PlansDirective(SphinxDirective):
    """Reads the plans file and notes it, so a change to it rebuilds the page."""

    def plans(self):
        self.env.note_dependency(str(Path(self.env.srcdir) / PLANS_FILE))
        return load_plans(Path(self.env.srcdir) / PLANS_FILE)

    def prefix(self) -> str:
        return "../" * self.env.docname.count("/")

    def words(self):
        return gettext


class WorkshopPlan(PlansDirective):
    required_arguments = 1

    def run(self):
        session = self.plans().session(self.arguments[0])
        _ = self.words()
        rows = ["| " + " | ".join(map(_, HEADINGS)) + " |", "| --- | --- | --- | --- |"]
        for number, block in enumerate(session.blocks, start=1):
            for docname in block.use:
                if docname not in self.env.found_docs:
                    raise self.error(
                        f"{PLANS_FILE}: {session.slug}: block {number} uses {docname!r}, "
                        "which is not a document of the book"
                    )
            uses = ", ".join(f"{{doc}}`/{d}`" for d in block.use) or "—"
            rows.append(f"| {block.minutes} | {_(block.text)} | {_(block.who)} | {uses} |")
        for docname in session.home:
            if docname not in self.env.found_docs:
                raise self.error(f"{PLANS_FILE}: {session.slug}: home: no document {docname!r}")
        container = nodes.container(classes=["workshop-plan"])
        self.state.nested_parse(StringList(rows, PLANS_FILE), self.content_offset, container)
        pairs = " · ".join(link_pair(self.prefix(), kind, session, _) for kind in KINDS)
        html = f'<p class="packet-links">{escape(_(PRINT_FOR_SESSION))} {pairs}</p>'
        return [*container.children, nodes.raw("", html, format="html")]


class PacketLinks(PlansDirective):
    option_spec = {"all-sessions-only": directives.flag}

    def run(self):
        sessions = [None]
        if "all-sessions-only" not in self.options:
            sessions += list(self.plans().sessions)
        _ = self.words()
        items = "".join(
            "<li>" + " · ".join(link_pair(self.prefix(), kind, s, _) for kind in KINDS) + "</li>"
            for s in sessions
        )
        return [nodes.raw("", f'<ul class="downloads packet-links">{items}</ul>', format="html")]


def setup(app):
    app.setup_extension("book_words")  # the build's language for `gettext`
    app.add_directive("workshop-plan", WorkshopPlan)
    app.add_directive("packet-links", PacketLinks)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
