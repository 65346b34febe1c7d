"""The workshop plans as data, and the packets they make: usable without Sphinx.

    plans = load_plans(Path("docs/workshop-plans.yaml"))
    plans.session("week-2").sheets        # ("worksheets/safety-check", ...)
    packet_documents(plans)               # entries for conf.py `typst_documents`
    packet_title("participant", plans.session("week-2"))
    # -> "Participant packet: Week 2 of 6"; its file: participant-packet-week-2.pdf

Each session gets a participant packet (its sheets and the safety page) and
a facilitator packet (the guide, the plans, the same sheets, the safety
page). The packets without a session hold every sheet: "all sessions".
A packet's name is one string, used for its cover, its links and the guide;
its file name is made from the same kind and session.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

PLANS_FILE = "docs/workshop-plans.yaml"
KINDS = ("participant", "facilitator")
ALL_SESSIONS = "all sessions"
# The old file names of the all-sessions packets, still written, so links kept
# from earlier editions keep working.
OLD_NAMES = {"facilitator": ["workshop-packet"]}
SAFETY_DOC = "docs/safety"
FACILITATOR_DOCS = ["docs/facilitator-guide", "docs/workshop-plans"]


class PlanError(ValueError):
    """A malformed plans file; the message names the file, the session and the field."""


@dataclass(frozen=True)
class Block:
    minutes: int
    text: str
    who: str
    use: tuple[str, ...]


@dataclass(frozen=True)
class Session:
    slug: str
    name: str  # "Week 2 of 6": the packets are "<Kind> packet: <name>"
    heading: str  # "The impact": the session's own heading on the plans page
    format: str  # "A 6-week group"
    blocks: tuple[Block, ...]
    home: tuple[str, ...]
    before: tuple[str, ...]

    @property
    def sheets(self) -> tuple[str, ...]:
        """Every worksheet the session uses, once each, in the order it uses them."""
        docs = [*self.before, *(d for b in self.blocks for d in b.use), *self.home]
        return tuple(dict.fromkeys(d for d in docs if d.startswith("worksheets/")))


@dataclass(frozen=True)
class Plans:
    sessions: tuple[Session, ...]

    def session(self, slug: str) -> Session:
        for session in self.sessions:
            if session.slug == slug:
                return session
        raise PlanError(f"{PLANS_FILE}: no session {slug!r}")


def load_plans(path: Path) -> Plans:
    """Read and check the plans file."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    where = PLANS_FILE

    def need(mapping, key, kind, place):
        value = mapping.get(key) if isinstance(mapping, dict) else None
        if not isinstance(value, kind):
            raise PlanError(f"{where}: {place}: {key} must be a {kind.__name__}")
        return value

    before = tuple(need(data, "before", list, "top"))
    sessions = []
    for fmt in need(data, "formats", list, "top"):
        title = need(fmt, "title", str, "a format")
        for entry in need(fmt, "sessions", list, title):
            slug = need(entry, "slug", str, title)
            blocks = []
            for number, row in enumerate(need(entry, "blocks", list, slug), start=1):
                if not (isinstance(row, list) and len(row) == 4 and isinstance(row[3], list)):
                    raise PlanError(
                        f"{where}: {slug}: block {number} must be [min, block, who, [use]]"
                    )
                minutes, text, who, use = row
                if not isinstance(minutes, int) or minutes <= 0:
                    raise PlanError(f"{where}: {slug}: block {number}: minutes must be a number")
                blocks.append(Block(minutes, str(text), str(who), tuple(use)))
            unknown = set(entry) - {"slug", "name", "heading", "blocks", "home"}
            if unknown:
                raise PlanError(f"{where}: {slug}: unknown fields {sorted(unknown)}")
            sessions.append(
                Session(
                    slug=slug,
                    name=need(entry, "name", str, slug),
                    heading=entry.get("heading", ""),
                    format=title,
                    blocks=tuple(blocks),
                    home=tuple(need(entry, "home", list, slug)),
                    before=before,
                )
            )
    slugs = [s.slug for s in sessions]
    if len(set(slugs)) != len(slugs):
        raise PlanError(f"{where}: a session slug is used twice: {slugs}")
    return Plans(tuple(sessions))


# -- packets ---------------------------------------------------------------------------
def packet_title(kind: str, session: Session | None = None) -> str:
    """The packet's one name: its cover, its links, the guide."""
    return f"{kind.capitalize()} packet: {session.name if session else ALL_SESSIONS}"


def packet_file(kind: str, session: Session | None = None) -> str:
    """The packet's file name without ``.pdf`` (US Letter adds ``-letter``)."""
    return f"{kind}-packet" + (f"-{session.slug}" if session else "")


def packets(plans: Plans) -> list[tuple[str, Session | None]]:
    """Every packet as (kind, session), the all-sessions ones first."""
    return [(kind, None) for kind in KINDS] + [
        (kind, session) for session in plans.sessions for kind in KINDS
    ]


def packet_document(kind: str, session: Session | None) -> dict:
    """One entry of `typst_documents`."""
    sheets = list(session.sheets) if session else ["worksheets/*"]
    front = FACILITATOR_DOCS if kind == "facilitator" else []
    what = "Rebuilding Trust, every session"
    if session:
        what = f"Rebuilding Trust, {session.format[0].lower()}{session.format[1:]}"
        what += f": {session.heading}" if session.heading else ""
    if kind == "facilitator":
        subtitle = f"{what}. For facilitators: the guide, the plans, the sheets, the safety page"
        note = (
            "Print single-sided: each worksheet starts on a page of its own, with nothing on "
            "its back; a letter-like sheet may take up to three pages. Print one participant "
            "packet per person. In a group, anyone may pass, and no one's sheet is collected. "
            "Before any joint exercise, each person does the safety check alone and in private."
        )
    else:
        subtitle = f"{what}. The worksheets, each on its own page, and the safety page"
        note = (
            "These sheets are yours. You may pass on any question, and no one will collect "
            "your sheets. Do the safety check first, alone and in private."
        )
    entry = {
        "name": packet_file(kind, session),
        "title": packet_title(kind, session),
        "subtitle": subtitle,
        "note": note,
        "docs": [*front, *sheets, SAFETY_DOC],
    }
    if session is None and kind in OLD_NAMES:
        entry["aliases"] = OLD_NAMES[kind]
    return entry


def packet_documents(path: Path) -> list[dict]:
    """`typst_documents` entries for every packet in the plans file."""
    return [packet_document(kind, session) for kind, session in packets(load_plans(path))]
