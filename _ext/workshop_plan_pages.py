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
"""

from __future__ import annotations

from html import escape
from pathlib import Path

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
    packet_title,
)


def link_pair(prefix: str, kind: str, session: Session | None) -> str:
    """ "<name> (PDF) · US Letter" as two links."""
    name = packet_file(kind, session)
    return (
        f'<a class="packet-link" href="{prefix}pdf/{name}.pdf">'
        f"{escape(packet_title(kind, session))} (PDF)</a> · "
        f'<a href="{prefix}pdf/{name}-letter.pdf">US Letter</a>'
    )


class PlansDirective(SphinxDirective):
    """Reads the plans file and notes it, so a change to it rebuilds the page."""

    def plans(self):
        self.env.note_dependency(str(Path(self.env.srcdir) / PLANS_FILE))
        return load_plans(Path(self.env.srcdir) / PLANS_FILE)

    def prefix(self) -> str:
        return "../" * self.env.docname.count("/")


class WorkshopPlan(PlansDirective):
    required_arguments = 1

    def run(self):
        session = self.plans().session(self.arguments[0])
        rows = ["| Min | Block | Who | Sheet |", "| --- | --- | --- | --- |"]
        for number, block in enumerate(session.blocks, start=1):
            for docname in block.use:
                if docname not in self.env.found_docs:
                    raise self.error(
                        f"{PLANS_FILE}: {session.slug}: block {number} uses {docname!r}, "
                        "which is not a document of the book"
                    )
            uses = ", ".join(f"{{doc}}`/{d}`" for d in block.use) or "—"
            rows.append(f"| {block.minutes} | {block.text} | {block.who} | {uses} |")
        for docname in session.home:
            if docname not in self.env.found_docs:
                raise self.error(f"{PLANS_FILE}: {session.slug}: home: no document {docname!r}")
        container = nodes.container(classes=["workshop-plan"])
        self.state.nested_parse(StringList(rows, PLANS_FILE), self.content_offset, container)
        pairs = " · ".join(link_pair(self.prefix(), kind, session) for kind in KINDS)
        html = f'<p class="packet-links">Print for this session: {pairs}</p>'
        return [*container.children, nodes.raw("", html, format="html")]


class PacketLinks(PlansDirective):
    option_spec = {"all-sessions-only": directives.flag}

    def run(self):
        sessions = [None]
        if "all-sessions-only" not in self.options:
            sessions += list(self.plans().sessions)
        items = "".join(
            "<li>" + " · ".join(link_pair(self.prefix(), kind, s) for kind in KINDS) + "</li>"
            for s in sessions
        )
        return [nodes.raw("", f'<ul class="downloads packet-links">{items}</ul>', format="html")]


def setup(app):
    app.add_directive("workshop-plan", WorkshopPlan)
    app.add_directive("packet-links", PacketLinks)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
