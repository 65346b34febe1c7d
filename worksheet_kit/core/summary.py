"""What a reader's answers add up to, the same for every kind of worksheet.

A kind describes its summary as data (`Worksheet.summary_spec`): a style
and its whole sentences, already in the reader's language (``counted``,
``highest``/``lowest``, ``point``, ``measure``: `words.n_forms` pairs or
templates with named places), so the page's script only fills them in.
There are four styles, each written once here and once in
``static/worksheets/summary.js``:

- ``ticked``: "You marked 2 of 12 items." and the ticked items;
- ``rated``: how many were rated, then the highest and the lowest ratings;
- ``written``: "You answered 3 of 4 prompts." and what was written;
- ``rows``: "You filled 2 rows." and each filled row.

Every summary ends with the parts still blank ("Still blank:"), in the order
of the sheet, when there are any.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from .editions import read_answers
from .progress import check_history, trend
from .wording import for_output
from .words import _, pick


@dataclass
class Summary:
    """Lines, each with its points; shows as text in Jupyter or as HTML."""

    title: str
    blocks: list[tuple[str, list[str]]] = field(default_factory=list)
    next_step: str = ""
    next_label: str = ""  # the sheet's own words for its last box

    def __str__(self):
        out = [self.title]
        for line, points in self.blocks:
            out.append(line)
            out += (f"  - {p}".replace("\n", "\n    ") for p in points)
        if self.next_step:
            out.append(f"{self.next_label or next_label()} {self.next_step}")
        return "\n".join(out)

    def __repr__(self):
        return str(self)

    def _repr_html_(self):
        esc = html.escape
        parts = [f"<section class='ws-summary'><h3>{esc(self.title)}</h3>"]
        for line, points in self.blocks:
            parts.append(f"<p>{esc(line)}</p>")
            if points:
                items = "".join(f"<li>{esc(p)}</li>".replace("\n", "<br>") for p in points)
                parts.append(f"<ul>{items}</ul>")
        if self.next_step:
            label = f"<strong>{esc(self.next_label or next_label())}</strong>"
            parts.append(f"<p>{label} {esc(self.next_step)}</p>")
        return "".join(parts) + "</section>"


def next_label() -> str:
    """The last box's label when the sheet gives none."""
    return _("Your next step:")


def value_at(answers, path):
    for key in path:
        answers = answers[key]
    return answers


def summarise(ws, answers, history=None) -> Summary:
    """The summary of one set of answers; with a history, how the entries compare."""
    clean = read_answers(ws, answers)
    spec = ws.summary_spec()
    fields = [f for f in ws.answer_fields() if f["path"][0] == spec["part"]]
    extras = [f for f in ws.answer_fields() if f["path"][0] not in (spec["part"], "next_step")]
    blocks = STYLES[spec["style"]](spec, fields, clean)
    for f in extras:
        text = value_at(clean, f["path"]).strip()
        if text:
            blocks[0][1].append(f"{f['label']} {text}")
    next_step = clean["next_step"].strip()
    blank = blank_parts(ws, clean)
    if blank:
        blocks.append((_("Still blank:"), blank))
    if history:
        blocks += trend(ws, check_history(ws, history))
    return Summary(
        title=_("Summary: {title}").format(title=ws.title),
        blocks=blocks,
        next_step=next_step,
        next_label=label(ws) if label(ws).endswith(("?", ":")) else f"{label(ws)}:",
    )


def blank_parts(ws, clean) -> list[str]:
    """Every part left blank: a tick is an answer either way, and a table's
    empty rows are spare (a row begun lists its blank columns)."""
    parts = []
    for f in ws.answer_fields():
        path = f["path"]
        if f["type"] == "bool" or _filled(value_at(clean, path)):
            continue
        row = path[:2] if len(path) > 2 and isinstance(path[1], int) else None
        if row and not any(map(_filled, value_at(clean, row).values())):
            continue  # a spare row
        parts.append(" ".join(f["label"].split()).rstrip(":"))
    return parts


def _filled(value) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def label(ws) -> str:
    """The words of the sheet's last box (its next step prompt)."""
    return " ".join(for_output(ws.next_step_prompt, "web").split())


def counted(spec, n: int, total: int) -> str:
    """The first line, "You marked 2 of 12 items.": its form goes by the total
    (for rows, by `n`, the rows filled)."""
    return pick(spec["counted"], total).format(n=n, total=total)


def _ticked(spec, fields, clean):
    ticked = [f for f in fields if value_at(clean, f["path"])]
    blocks = [(counted(spec, len(ticked), len(fields)), [f["label"] for f in ticked])]
    if ticked and spec.get("note"):
        blocks.append((spec["note"], []))
    return blocks


def _rated(spec, fields, clean):
    rated = [(value_at(clean, f["path"]), f["label"]) for f in fields]
    rated = [(value, label) for value, label in rated if value is not None]
    blocks = [(counted(spec, len(rated), len(fields)), [])]
    if not rated:
        return blocks
    values = [value for value, _label in rated]
    for word, value in (("highest", max(values)), ("lowest", min(values))):
        if word == "lowest" and value == max(values):
            break
        labels = [label for v, label in rated if v == value]
        anchor = spec["anchors"][str(value)]
        line = pick(spec[word], len(labels)).format(value=value, anchor=anchor, n=len(labels))
        blocks.append((line, labels))
    return blocks


def _written(spec, fields, clean):
    done = [(f, value_at(clean, f["path"]).strip()) for f in fields]
    done = [(f, text) for f, text in done if text]
    points = [
        spec["point"].format(number=f["number"], label=f["label"], text=text) for f, text in done
    ]
    return [(counted(spec, len(done), len(fields)), points)]


def _rows(spec, fields, clean):
    rows = [row for row in clean[spec["part"]] if any(v.strip() for v in row.values())]
    names = spec["columns"]
    points = [
        "\n".join(f"{names.get(c, c)}: {v.strip()}" for c, v in row.items() if v.strip())
        for row in rows
    ]
    return [(counted(spec, len(rows), len(rows)), points)]


STYLES = {"ticked": _ticked, "rated": _rated, "written": _written, "rows": _rows}
