"""The MIME bundle a worksheet shows in Jupyter and hands to the book.

The book's own type carries the worksheet as data; Jupyter falls back to
`text/html` (a form) or `text/plain`.
"""

from __future__ import annotations

from .html import render_html, who_text

MIME_TYPE = "application/vnd.rebuilding-trust.worksheet+json"


def mimebundle(ws) -> dict:
    return {
        MIME_TYPE: ws.to_data(),
        "text/html": render_html(ws, in_notebook=True),
        "text/plain": render_text(ws),
    }


def render_text(ws) -> str:
    lines = [ws.title, f"{ws.minutes} minutes, {who_text(ws)}", ws.instructions]
    if ws.kind in ("checklist", "rating-scale"):
        lines += [f"{n}. {text}" for n, text in enumerate(ws.items, start=1)]
    if ws.kind == "rating-scale":
        lines.append("Scale: " + ", ".join(f"{v} {label}" for v, label in ws.points))
    if ws.kind == "reflection-table":
        lines.append("Columns: " + " | ".join(ws.columns))
    if ws.kind == "conversation-guide":
        lines += [f"{n}. {s.who}: {s.prompt}" for n, s in enumerate(ws.steps, start=1)]
    lines.append(f"Privacy: {ws.privacy}")
    return "\n".join(lines)
