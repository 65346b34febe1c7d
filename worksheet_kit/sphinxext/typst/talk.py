"""A "talk it through" page: two partners' answers to one sheet, side by side on paper.

    render_talk_sheet(worksheet)  # markup for one page, or "" if the sheet has none

Every sheet that compares item by item (``side_by_side``, see
``core/compare.py``) gets one: each item with a box for "me", a box for "my
partner" and a box to tick "talk about this". A sheet compared only on what
both chose (``"mutual"``, the intimacy menu) gets none: a shared page would
show one partner's yes to the other.
"""

from __future__ import annotations

from ...core.html import minutes
from ...core.words import N_, _
from ...core.worksheet import WHO_LABELS
from .markup import string, text
from .worksheets import cell, content

# Marked here, translated where shown: the language is chosen after import.
PURPOSE = N_("See both your answers side by side, and choose together what to talk about.")
PRIVACY = N_(
    "Compare only if you both want to. Never compare if either of you is afraid of the other: "
    "read Safety first before you start. This page shows both your answers: keep it where only "
    "the two of you can see it."
)
STEPS = N_(
    "First, each of you fills in your own sheet, alone. Then sit together and copy your own "
    "answer for each item into your column: {how}. Tick Talk about this for the items you both "
    "want to talk about. Start with one where you agree things are going well, then one where "
    "your answers are far apart. There is no total and no score."
)


def talk_id(ws) -> str:
    return f"{ws.id}-talk-it-through"


def has_talk_sheet(ws) -> bool:
    return bool(ws.side_by_side) and ws.side_by_side != "mutual"


def render_talk_sheet(ws) -> str:
    if not has_talk_sheet(ws):
        return ""
    scale = ws.kind == "rating-scale"
    how = _("the number you chose") if scale else _("a tick if you ticked it")
    mark = "write-box" if scale else "tick-box"
    head = ", ".join(
        [cell("")]
        + [
            cell(f"*{text(label)}*")
            for label in (_("Item"), _("Me"), _("My partner"), _("Talk about this"))
        ]
    )
    rows = [
        f"  {cell(f'{number}.')}, {cell(text(item))}, {mark}, {mark}, tick-box"
        for number, item in enumerate(ws.items, start=1)
    ]
    body = [
        f"#scale-key(({', '.join(f'({v}, {content(label)})' for v, label in ws.points)},))"
        if scale
        else "",
        "#grid(columns: (auto, 1fr, 14mm, 20mm, 22mm), column-gutter: 3mm, row-gutter: 3.2mm,",
        "  align: (left, left, center, center, center),",
        f"  {head},",
        ",\n".join(rows),
        ")",
    ]
    time, who = minutes(max(15, ws.minutes)), _(WHO_LABELS["partner"])
    facts = f"facts({content(_(PURPOSE))}, {content(time)}, {content(who)}, {content(_(PRIVACY))})"
    title = _("Talk it through: {title}").format(title=ws.title)
    first = _("The item we will talk about first:")
    return "\n".join(
        [
            f"#sheet({string(talk_id(ws))}, {content(title)}, level: 1,",
            f"  facts: {facts},",
            f"  instructions: {content(_(STEPS).format(how=how))},",
            f"  next-step: {content(first)}, next-lines: 1,",
            "  body: [",
            *[line for line in body if line],
            "])",
        ]
    )
