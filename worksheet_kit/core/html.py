"""The web form of a worksheet (the book page, and Jupyter's fallback).

    render_html(worksheet, prefix="docs-signs-of-erosion")

Each kind has one function in `BODIES`. Every control has a label, groups
use fieldset and legend, and every piece of worksheet text is escaped. The
form carries its worksheet's answer fields as JSON (``script.ws-data``):
the browser script works from that and ``form.elements``, never from the
page's structure. `prefix` keeps element ids unique when several pages
share one HTML file (singlehtml): pass the docname.
"""

from __future__ import annotations

import json
import re
from html import escape

from .compare import compare_spec
from .keys import field_name
from .wording import worded
from .words import N_, _, n_

# Marked here, translated where shown (`notebook_note`): the language is chosen after import.
GET_WIDGETS = N_(
    "To click your answers in instead, type %pip install ipywidgets in a new cell, "
    "run it, then restart the kernel and run all cells."
)


def notebook_note() -> str:
    """The read-only form's note in a notebook: where to answer instead."""
    lead = escape(_("To answer in this notebook,"))
    rest = escape(_('fill in the "Your answers" cell below and run it; this form is here to read.'))
    widgets = escape(_(GET_WIDGETS))
    return f'<p class="ws-notebook-note"><strong>{lead}</strong> {rest} {widgets}</p>'


# Clockwise places on a 3 x 3 grid for a loop of 3 to 6 boxes; the centre is (2, 2).
LOOP_PLACES = {
    3: [(1, 2), (3, 3), (3, 1)],
    4: [(1, 2), (2, 3), (3, 2), (2, 1)],
    5: [(1, 2), (2, 3), (3, 3), (3, 1), (2, 1)],
    6: [(1, 1), (1, 3), (2, 3), (3, 3), (3, 1), (2, 1)],
}


def page_data(ws) -> dict:
    """What the browser script needs: the one contract between Python and the page."""
    return {
        "id": ws.id,
        "edition": ws.edition,
        "revisions": ws.revisions(),
        "title": ws.title,
        "keep": ws.keep,
        "repeat": ws.repeat,
        # a field's path is its name split at the dots (form-data.js): keys begin
        # with a letter, row numbers are digits
        "fields": [{k: v for k, v in f.items() if k != "path"} for f in ws.answer_fields()],
        "summary": ws.summary_spec(),
        "compare": compare_spec(ws),
    }


def json_script(data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Inside <script>, "</" and "<!--" could end or confuse the element.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" class="ws-data">{text}</script>'


def render_html(
    ws, prefix: str = "nb", links: dict | None = None, in_notebook: bool = False
) -> str:
    """The whole form. `links` may hold a "safety" href.

    In a notebook the controls are disabled: answers go in the answers cell,
    and a form that looked fillable there would lose what a reader typed. A
    notebook has none of the page's styles, so there the title is a heading
    and each kind's body leaves out what only the styles make readable.
    """
    links = links or {}
    ws = worded(ws, "notebook" if in_notebook else "web")
    base = re.sub(r"[^a-zA-Z0-9_-]+", "-", f"{prefix}-{ws.id}").strip("-")
    title = "h2" if in_notebook else "p"
    return (
        f'<form class="worksheet ws-{ws.kind}" id="{base}" '
        f'data-worksheet-id="{escape(ws.id)}" data-edition="{ws.edition}" '
        f'data-kind="{ws.kind}" data-keep="{ws.keep}" '
        f'aria-labelledby="{base}-title" autocomplete="off" novalidate>'
        f"{'' if in_notebook else json_script(page_data(ws))}"
        f'<{title} class="ws-title" id="{base}-title">{escape(ws.title)}</{title}>'
        f"{facts_html(ws, links.get('safety', ''))}"
        f"{notebook_note() if in_notebook else ''}"
        f"{'<fieldset disabled>' if in_notebook else ''}{BODIES[ws.kind](ws, base, in_notebook)}"
        f'<div class="ws-next-step">{text_box(base, "next_step", ws.next_step_prompt, 2)}</div>'
        f"{'</fieldset>' if in_notebook else ''}</form>"
    )


def minutes(number: int) -> str:
    """The time a sheet takes, in words: "about 20 minutes"."""
    return n_("about {n} minute", "about {n} minutes", number).format(n=number)


def facts_html(ws, safety_href: str = "") -> str:
    """Time, who, purpose and privacy, then the instructions (the web and notebook forms)."""
    safe, safety = escape(_("Is this safe for us? Read the safety page first.")), ""
    if safety_href:
        safety = f' <a class="ws-safety-link" href="{escape(safety_href)}">{safe}</a>'
    facts = [(_("Time"), minutes(ws.minutes)), (_("Who"), ws.who_text)]
    facts += [(_("Purpose"), ws.purpose), (_("Privacy"), ws.privacy)]
    shown = "".join(f"<dt>{escape(term)}</dt><dd>{escape(text)}</dd>" for term, text in facts)
    shown = shown.removesuffix("</dd>") + f"{safety}</dd>"  # the safety link ends Privacy
    return (
        f'<dl class="ws-facts">{shown}</dl><p class="ws-instructions">{escape(ws.instructions)}</p>'
    )


def text_box(
    base: str, slot: str, label: str, rows: int, label_class: str = "", name: str = ""
) -> str:
    """A labelled textarea: `slot` makes its id, `name` (default: `slot`) its field name."""
    element_id = f"{base}-{slot.replace('_', '-')}"
    name = name or slot
    css = f' class="{label_class}"' if label_class else ""
    return (
        f'<label for="{element_id}"{css}>{escape(label)}</label>'
        f'<textarea id="{element_id}" name="{name}" rows="{rows}"></textarea>'
    )


def checklist(ws, base, notebook=False):
    tick = _("Tick each sentence that is true for you")
    rows = "".join(
        f'<li><input type="checkbox" id="{base}-item-{n}" name="{field_name(["items", text.key])}">'
        f'<label for="{base}-item-{n}">{escape(text)}</label></li>'
        for n, text in enumerate(ws.items, start=1)
    )
    note = f'<p class="ws-note">{escape(ws.if_marked)}</p>' if ws.if_marked else ""
    return (
        f'<fieldset class="ws-items"><legend>{escape(tick)}'
        f'</legend><ul class="ws-checklist">{rows}</ul></fieldset>{note}'
    )


def rating_scale(ws, base, notebook=False):
    key = "".join(
        f"<li><span class='ws-point'>{value}</span> {escape(label)}</li>"
        for value, label in ws.points
    )
    items = []
    for n, text in enumerate(ws.items, start=1):
        name = field_name(["items", text.key])
        choices = "".join(  # no ids: each input sits in its label (a lighter page)
            f'<label class="ws-choice"><input type="radio" name="{name}" value="{value}">'
            f'<span class="ws-point">{value}</span> '
            f'<span class="ws-anchor">{escape(label)}</span></label>'
            for value, label in ws.points
        )
        items.append(
            f'<fieldset class="ws-scale-item"><legend><span class="ws-number">{n}.</span> '
            f'{escape(text)}</legend><div class="ws-choices">{choices}</div></fieldset>'
        )
    if notebook:  # unstyled, the key is a bullet list repeating every button's words
        return "".join(items)
    scale = escape(_("Scale"))
    return f'<ul class="ws-scale-key" aria-label="{scale}">{key}</ul>' + "".join(items)


def reflection_table(ws, base, notebook=False):
    if notebook:  # no styles to fold a wide table into cards: one box per row
        return table_rows(ws, base)
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in ws.columns)
    cell_label, row_word = _("Row {row}: {column}"), _("Row")
    rows = []
    if ws.example:
        cells = "".join(
            f'<td data-label="{escape(col)}">{escape(v)}</td>'
            for col, v in zip(ws.columns, ws.example, strict=True)
        )
        example = escape(_("Example"))
        rows.append(f'<tr class="ws-example"><th scope="row">{example}</th>{cells}</tr>')
    for r in range(1, ws.rows + 1):
        cells = "".join(
            f'<td data-label="{escape(col)}">'
            f'<textarea name="{field_name(["rows", r - 1, col.key])}" rows="3" '
            f'aria-label="{escape(cell_label.format(row=r, column=col))}"></textarea></td>'
            for col in ws.columns
        )
        rows.append(f'<tr><th scope="row">{r}</th>{cells}</tr>')
    return (
        f'<div class="ws-table-wrap" data-columns="{len(ws.columns)}"><table class="ws-table">'
        f"<caption>{escape(ws.title)}</caption>"
        f'<thead><tr><th scope="col">{escape(row_word)}</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def table_rows(ws, base):
    """The reflection table as one fieldset per row: it wraps in any width."""
    parts = []
    if ws.example:
        parts.append(example_box(ws))
    for r in range(1, ws.rows + 1):
        boxes = "".join(
            f"<p>{text_box(base, f'row-{r}-col-{c}', col, 3, name=cell_name(r, col))}</p>"
            for c, col in enumerate(ws.columns, start=1)
        )
        legend = escape(_("Row {row}").format(row=r))
        parts.append(f"<fieldset><legend>{legend}</legend>{boxes}</fieldset>")
    return "".join(parts)


def cell_name(row: int, column) -> str:
    return field_name(["rows", row - 1, column.key])


def example_box(ws) -> str:
    """The table's example row as a list: it wraps in any width."""
    pairs = zip(ws.columns, ws.example, strict=True)
    shown = "".join(f"<dt>{escape(c)}</dt><dd>{escape(v)}</dd>" for c, v in pairs)
    legend = escape(_("Example"))
    return f'<fieldset class="ws-example"><legend>{legend}</legend><dl>{shown}</dl></fieldset>'


def conversation_guide(ws, base, notebook=False):
    notes = _("Notes for step {n}")
    steps = "".join(
        f"<li><p><strong>{escape(step.who)}:</strong> {escape(step.prompt)}</p>"
        f"{text_box(base, f'step-{n}', notes.format(n=n), 2, name=f'steps.{step.key}')}</li>"
        for n, step in enumerate(ws.steps, start=1)
    )
    return f'{pause_rule(ws)}<ol class="ws-steps">{steps}</ol>'


def pause_rule(ws) -> str:
    label = escape(_("Pause rule:"))
    return f'<p class="ws-pause"><strong>{label}</strong> {escape(ws.pause_rule)}</p>'


def prompts(ws, base, notebook=False):
    items = "".join(
        f"<li>{text_box(base, f'prompt-{n}', text, ws.lines, 'ws-prompt', f'prompts.{text.key}')}"
        "</li>"
        for n, text in enumerate(ws.prompts, start=1)
    )
    return f'<ol class="ws-prompts">{items}</ol>'


def cycle(ws, base, notebook=False):
    count = len(ws.stages)
    loop = n_("The loop, {n} box", "The loop, {n} boxes", count).format(n=count)
    boxes = []
    for n, (text, (row, column)) in enumerate(
        zip(ws.stages, LOOP_PLACES[count], strict=True), start=1
    ):
        following = _("then back to box 1") if n == count else _("then box {n}").format(n=n + 1)
        label = text if notebook else f"{n}. {text}"
        boxes.append(
            f'<li class="ws-cycle-stage" style="grid-area: {row} / {column}">'
            # in a notebook the list's own numbers show, unstyled: no second number
            f"{text_box(base, f'stage-{n}', label, 3, name=f'stages.{text.key}')}"
            '<p class="ws-cycle-next"><span aria-hidden="true">➜</span> '
            f"{escape(following)}</p></li>"
        )
    centre = ""
    if ws.centre:
        centre = f'<div class="ws-cycle-centre">{text_box(base, "centre", ws.centre, 3)}</div>'
    return (
        f'<div class="ws-cycle-loop" data-stages="{count}">'
        f'<ol class="ws-cycle-stages" aria-label="{escape(loop)}">'
        f"{''.join(boxes)}</ol>"
        f"{centre}</div>"
    )


BODIES = {
    "checklist": checklist,
    "rating-scale": rating_scale,
    "reflection-table": reflection_table,
    "conversation-guide": conversation_guide,
    "prompts": prompts,
    "cycle": cycle,
}

# What a kind shows besides its answer boxes, for a form drawn from the
# answer fields alone (the notebook's clickable form, ``widget_form.py``).
NOTES = {
    "conversation-guide": pause_rule,
    "reflection-table": lambda ws: example_box(ws) if ws.example else "",
}


def kind_notes(ws) -> str:
    return NOTES.get(ws.kind, lambda ws: "")(ws)
