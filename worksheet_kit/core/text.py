"""A worksheet as plain text: Jupyter's last fallback, and Sphinx's text,
man and texinfo builders. Each kind has one function in `BODIES`."""

from __future__ import annotations

from .wording import worded


def render_text(ws) -> str:
    ws = worded(ws, "notebook")
    lines = [ws.title, f"{ws.minutes} minutes, {ws.who_text}", ws.instructions]
    lines += BODIES[ws.kind](ws)
    lines += [f"{ws.next_step_prompt} ____", f"Privacy: {ws.privacy}"]
    return "\n".join(lines)


def numbered(texts) -> list[str]:
    return [f"{n}. {text}" for n, text in enumerate(texts, start=1)]


def checklist(ws):
    return [f"[ ] {line}" for line in numbered(ws.items)] + ([ws.if_marked] if ws.if_marked else [])


def rating_scale(ws):
    key = "Scale: " + ", ".join(f"{value} {label}" for value, label in ws.points)
    return [key, *numbered(ws.items)]


def reflection_table(ws):
    return ["Columns: " + " | ".join(ws.columns), f"Rows to fill: {ws.rows}"]


def conversation_guide(ws):
    return [f"Pause rule: {ws.pause_rule}", *numbered(f"{s.who}: {s.prompt}" for s in ws.steps)]


def prompts(ws):
    return [f"{line} ____" for line in numbered(ws.prompts)]


def cycle(ws):
    loop = [f"{line} ____ ->" for line in numbered(ws.stages)]
    return ["A loop: each box leads to the next, the last back to the first.", *loop] + (
        [f"In the middle: {ws.centre} ____"] if ws.centre else []
    )


BODIES = {
    "checklist": checklist,
    "rating-scale": rating_scale,
    "reflection-table": reflection_table,
    "conversation-guide": conversation_guide,
    "prompts": prompts,
    "cycle": cycle,
}
