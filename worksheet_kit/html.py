"""Render a worksheet as an HTML form (the book page and Jupyter).

    render_html(worksheet, prefix="docs-signs-of-erosion")

Every control has a label, groups use fieldset and legend, and every
piece of worksheet text is escaped. `prefix` keeps element ids unique when
several pages share one HTML file (singlehtml): pass the docname.
"""

from __future__ import annotations

import re
from html import escape

from .answers import MAX_ANSWER
from .model import WHO_LABELS


def who_text(ws) -> str:
    return ", ".join(WHO_LABELS[w] for w in ws.who)


NOTEBOOK_NOTE = (
    '<p class="ws-notebook-note"><strong>To answer in this notebook,</strong> fill in the '
    '"Your answers" cell below and run it; this form is here to read.</p>'
)


def render_html(
    ws, prefix: str = "nb", links: dict | None = None, in_notebook: bool = False
) -> str:
    """The whole form. `links` may hold a "safety" href.

    In a notebook the controls are disabled: answers go in the answers cell,
    and a form that looked fillable there would lose what a reader typed.
    """
    links = links or {}
    base = re.sub(r"[^a-zA-Z0-9_-]+", "-", f"{prefix}-{ws.id}").strip("-")
    body = {
        "checklist": _checklist,
        "rating-scale": _rating_scale,
        "reflection-table": _reflection_table,
        "conversation-guide": _conversation_guide,
    }[ws.kind](ws, base)
    safety = ""
    if links.get("safety"):
        safety = (
            f' <a class="ws-safety-link" href="{escape(links["safety"])}">'
            "Is this safe for us? Read the safety page first.</a>"
        )
    return (
        f'<form class="worksheet ws-{ws.kind}" id="{base}" '
        f'data-worksheet-id="{escape(ws.id)}" data-version="{ws.version}" '
        f'data-kind="{ws.kind}" data-save="{"on" if ws.save_in_browser else "off"}" '
        f'aria-labelledby="{base}-title" autocomplete="off" novalidate>'
        f'<p class="ws-title" id="{base}-title">{escape(ws.title)}</p>'
        '<dl class="ws-facts">'
        f"<dt>Time</dt><dd>about {ws.minutes} minutes</dd>"
        f"<dt>Who</dt><dd>{escape(who_text(ws))}</dd>"
        f"<dt>Purpose</dt><dd>{escape(ws.purpose)}</dd>"
        f"<dt>Privacy</dt><dd>{escape(ws.privacy)}{safety}</dd>"
        "</dl>"
        f'<p class="ws-instructions">{escape(ws.instructions)}</p>'
        f"{NOTEBOOK_NOTE if in_notebook else ''}"
        f"{'<fieldset disabled>' if in_notebook else ''}{body}"
        f'<div class="ws-next-step"><label for="{base}-next-step">'
        f"{escape(ws.next_step_prompt)}</label>"
        f'<textarea maxlength="{MAX_ANSWER}" id="{base}-next-step" name="next_step" '
        'rows="2"></textarea></div>'
        f"{'</fieldset>' if in_notebook else ''}</form>"
    )


def _checklist(ws, base):
    rows = "".join(
        f'<li><input type="checkbox" id="{base}-item-{n}" name="item-{n}">'
        f'<label for="{base}-item-{n}">{escape(text)}</label></li>'
        for n, text in enumerate(ws.items, start=1)
    )
    note = f'<p class="ws-note">{escape(ws.if_marked)}</p>' if ws.if_marked else ""
    return (
        f'<fieldset class="ws-items"><legend>Tick each sentence that is true for you'
        f'</legend><ul class="ws-checklist">{rows}</ul></fieldset>{note}'
    )


def _rating_scale(ws, base):
    key = "".join(
        f"<li><span class='ws-point'>{value}</span> {escape(label)}</li>"
        for value, label in ws.points
    )
    items = []
    for n, text in enumerate(ws.items, start=1):
        choices = "".join(
            f'<label class="ws-choice"><input type="radio" name="item-{n}" '
            f'value="{value}" id="{base}-item-{n}-{value}">'
            f'<span class="ws-point">{value}</span> '
            f'<span class="ws-anchor">{escape(label)}</span></label>'
            for value, label in ws.points
        )
        items.append(
            f'<fieldset class="ws-scale-item"><legend><span class="ws-number">{n}.</span> '
            f'{escape(text)}</legend><div class="ws-choices">{choices}</div></fieldset>'
        )
    return f'<ul class="ws-scale-key" aria-label="Scale">{key}</ul>' + "".join(items)


def _reflection_table(ws, base):
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in ws.columns)
    rows = []
    if ws.example:
        cells = "".join(
            f'<td data-label="{escape(col)}">{escape(v)}</td>'
            for col, v in zip(ws.columns, ws.example, strict=True)
        )
        rows.append(f'<tr class="ws-example"><th scope="row">Example</th>{cells}</tr>')
    for r in range(1, ws.rows + 1):
        cells = "".join(
            f'<td data-label="{escape(col)}"><textarea maxlength="{MAX_ANSWER}" '
            f'id="{base}-row-{r}-col-{c}" '
            f'name="row-{r}-col-{c}" rows="3" '
            f'data-row="{r}" data-column="{escape(col)}" '
            f'aria-label="Row {r}: {escape(col)}"></textarea></td>'
            for c, col in enumerate(ws.columns, start=1)
        )
        rows.append(f'<tr><th scope="row">{r}</th>{cells}</tr>')
    return (
        '<div class="ws-table-wrap"><table class="ws-table">'
        f"<caption>{escape(ws.title)}</caption>"
        f'<thead><tr><th scope="col">Row</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _conversation_guide(ws, base):
    steps = "".join(
        f"<li><p><strong>{escape(step.who)}:</strong> {escape(step.prompt)}</p>"
        f'<label for="{base}-step-{n}">Notes for step {n}</label>'
        f'<textarea maxlength="{MAX_ANSWER}" id="{base}-step-{n}" name="step-{n}" '
        'rows="2"></textarea></li>'
        for n, step in enumerate(ws.steps, start=1)
    )
    return (
        f'<p class="ws-pause"><strong>Pause rule:</strong> {escape(ws.pause_rule)}</p>'
        f'<ol class="ws-steps">{steps}</ol>'
    )
