"""A worksheet as plain text: Jupyter's last fallback, and Sphinx's text,
man and texinfo builders. Each kind has one function in `BODIES`.
`comment_block` makes text the comment lines of a notebook cell."""

from __future__ import annotations

from .wording import worded
from .words import _, n_


def render_text(ws) -> str:
    ws = worded(ws, "notebook")
    time = n_("{n} minute, {who}", "{n} minutes, {who}", ws.minutes)
    lines = [ws.title, time.format(n=ws.minutes, who=ws.who_text), ws.instructions]
    lines += BODIES[ws.kind](ws)
    lines += [f"{ws.next_step_prompt} ____", _("Privacy: {privacy}").format(privacy=ws.privacy)]
    return "\n".join(lines)


def comment_block(text: str) -> str:
    """Text as Python comment lines, one ``# `` line per line of `text`
    (a translation breaks its own lines)."""
    return "\n".join(f"# {line}".rstrip() for line in text.split("\n"))


def numbered(texts) -> list[str]:
    return [f"{n}. {text}" for n, text in enumerate(texts, start=1)]


def checklist(ws):
    return [f"[ ] {line}" for line in numbered(ws.items)] + ([ws.if_marked] if ws.if_marked else [])


def rating_scale(ws):
    key = _("Scale: {points}").format(
        points=", ".join(f"{value} {label}" for value, label in ws.points)
    )
    return [key, *numbered(ws.items)]


def reflection_table(ws):
    return [
        _("Columns: {columns}").format(columns=" | ".join(ws.columns)),
        _("Rows to fill: {n}").format(n=ws.rows),
    ]


def conversation_guide(ws):
    rule = _("Pause rule: {rule}").format(rule=ws.pause_rule)
    return [rule, *numbered(f"{s.who}: {s.prompt}" for s in ws.steps)]


def prompts(ws):
    return [f"{line} ____" for line in numbered(ws.prompts)]


def cycle(ws):
    loop = [f"{line} ____ ->" for line in numbered(ws.stages)]
    shape = _("A loop: each box leads to the next, the last back to the first.")
    middle = [_("In the middle: {centre} ____").format(centre=ws.centre)] if ws.centre else []
    return [shape, *loop, *middle]


BODIES = {
    "checklist": checklist,
    "rating-scale": rating_scale,
    "reflection-table": reflection_table,
    "conversation-guide": conversation_guide,
    "prompts": prompts,
    "cycle": cycle,
}
