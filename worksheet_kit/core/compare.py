"""Two partners' answers side by side, by one set of rules for every output.

A sheet that makes sense side by side says how in its model
(``side_by_side=``):

- ``"higher-is-better"``: both high (or both ticked) is a shared strength,
  both low a shared worry (the trust snapshot, the weekly check-in);
- ``"higher-is-harder"``: the other way round (signs of trust erosion);
- ``"mutual"``: only what both chose shows, so a one-sided answer is never
  seen by the other partner (the intimacy menu): the items you both gave
  the top point, then those you both gave more than the lowest point.

Only rating scales and checklists compare: their items are the same
questions for both partners. In a notebook::

    mine = worksheet.load_answers("trust-snapshot-answers.json")
    theirs = worksheet.load_answers("partner/trust-snapshot-answers.json")
    worksheet.compare(mine, theirs)   # the same lines as the web page

There is no total and no score for the couple: only items, in the sheet's
order. ``static/worksheets/compare.js`` is the twin of `comparison_blocks`,
and reads `compare_spec` from the page's JSON.
"""

from __future__ import annotations

from .errors import WorksheetError
from .progress import change_line, check_history
from .summary import Summary, value_at
from .words import N_, _

MODES = ("higher-is-better", "higher-is-harder", "mutual")
COMPARING_KINDS = ("rating-scale", "checklist")
FAR_APART = 2  # points on a scale: "where you differ most"
# Marked here, translated where shown: the language is chosen after import.
NOTHING_SHARED = N_("You gave no item the same high or low answer, and no item is far apart.")
NOTHING_MUTUAL = N_(
    "There is nothing you both chose yet. That is fine: closeness has its own pace."
)
MUTUAL_NOTES = (
    N_("Only the items you both chose. An answer that only one of you gave is never shown."),
    N_("A yes on paper is not a promise. Either of you can take it back at any time."),
)
TALK = N_(
    "Take turns: one speaks, the other listens and says back what they heard. "
    "Pause if either of you feels flooded, and stop if either of you feels afraid."
)


def compare_spec(ws) -> dict | None:
    """The comparison's rules and words as data: the page's JSON carries it."""
    if not ws.side_by_side:
        return None
    scale = [f for f in ws.answer_fields() if f["type"] == "scale"]
    better = ws.side_by_side != "higher-is-harder"
    return {
        "mode": ws.side_by_side,
        "part": ws.summary_spec()["part"],
        "anchors": ws.summary_spec().get("anchors", {}),
        "low": scale[0]["low"] if scale else 0,
        "high": scale[0]["high"] if scale else 1,
        "far": FAR_APART,
        "both_high": "a shared strength" if better else "a shared worry",
        "both_low": "a shared worry" if better else "a shared strength",
        "talk": _(TALK),
    }


def compare(ws, mine, theirs, my_history=None, their_history=None) -> Summary:
    """Both partners' answers side by side; refuses the same answers given twice."""
    if not ws.side_by_side:
        raise WorksheetError(f"{ws.id}: " + _("this sheet is not for comparing"))
    mine, theirs = ws.check_answers(mine), ws.check_answers(theirs)  # any edition's
    if mine == theirs and any(_given(value_at(mine, f["path"])) for f in ws.answer_fields()):
        same = _(
            "both sets of answers are the same. Did you give your own file twice? "
            "Use your partner's file for the second one."
        )
        raise WorksheetError(f"{ws.id}: {same}")
    histories = None
    if ws.repeat and (my_history or their_history):
        histories = (check_history(ws, my_history or []), check_history(ws, their_history or []))
    blocks = comparison_blocks(ws, mine, theirs, histories)
    return Summary(title=_("Side by side: {title}").format(title=ws.title), blocks=blocks)


def comparison_blocks(ws, mine, theirs, histories=None) -> list[tuple[str, list[str]]]:
    spec = compare_spec(ws)
    items = [f for f in ws.answer_fields() if f["path"][0] == spec["part"]]
    pairs = [(f, value_at(mine, f["path"]), value_at(theirs, f["path"])) for f in items]
    if spec["mode"] == "mutual":
        return _mutual(spec, pairs)
    blocks = [
        (
            _("Each item, you and your partner:"),
            [_both(spec, f, a, b) for f, a, b in pairs],
        )
    ]
    agree_high = [f["label"] for f, a, b in pairs if _high(spec, a) and _high(spec, b)]
    agree_low = [f["label"] for f, a, b in pairs if _low(spec, a) and _low(spec, b)]
    strengths, worries = (
        (agree_high, agree_low)
        if spec["both_high"] == "a shared strength"  # a rule's name, never shown
        else (agree_low, agree_high)
    )
    if strengths:
        blocks.append((_("Where you agree, a shared strength:"), strengths))
    if worries:
        blocks.append((_("Where you agree, a shared worry:"), worries))
    apart = sorted(
        (
            (abs(_number(a) - _number(b)), n, f, a, b)
            for n, (f, a, b) in enumerate(pairs)
            if _apart(spec, a, b)
        ),
        key=lambda gap: (-gap[0], gap[1]),
    )
    if apart:
        far = (
            _("Where you differ most (ticked by only one of you):")
            if _ticks(spec)
            else _("Where you differ most ({far} points or more apart):").format(far=spec["far"])
        )
        blocks.append((far, [_both(spec, f, a, b) for *_gap, f, a, b in apart]))
    if not (strengths or worries or apart):
        blocks.append((_(NOTHING_SHARED), []))
    written = _written(ws, spec, mine, theirs)
    if written:
        blocks.append((_("What each of you wrote:"), written))
    order = []
    if strengths:
        order.append(_("Start with a shared strength: {label}").format(label=strengths[0]))
    if apart:
        label = apart[0][2]["label"]
        order.append(_("Then talk about one difference: {label}").format(label=label))
    order.append(spec["talk"])
    blocks.append((_("A suggested order for your talk:"), order))
    if histories and all(histories):
        blocks.append(
            (
                _("Your weeks side by side:"),
                [
                    change_line(ws, histories[0], "your"),
                    change_line(ws, histories[1], "your partner's"),
                ],
            )
        )
    return blocks


def _mutual(spec, pairs) -> list[tuple[str, list[str]]]:
    """Only what both chose: the same lines whichever partner's page shows them."""
    top, low = spec["high"], spec["low"]
    both = [
        (f, min(_number(a), _number(b))) for f, a, b in pairs if a is not None and b is not None
    ]
    yes = [f["label"] for f, least in both if least == top]
    maybe = [f["label"] for f, least in both if low < least < top]
    blocks = []
    if yes:
        said = (
            _("You both ticked:")
            if _ticks(spec)
            else _("You both said {anchor} to:").format(anchor=spec["anchors"][str(top)])
        )
        blocks.append((said, yes))
    if maybe:
        least = spec["anchors"][str(low + 1)]
        blocks.append((_("You both said at least {anchor} to:").format(anchor=least), maybe))
    if not yes and not maybe:
        blocks.append((_(NOTHING_MUTUAL), []))
    blocks.append((_("What this shows:"), [_(note) for note in MUTUAL_NOTES]))
    return blocks


def _both(spec, field, mine, theirs) -> str:
    return _("{label} You: {mine}. Your partner: {theirs}.").format(
        label=field["label"], mine=_shown(spec, mine), theirs=_shown(spec, theirs)
    )


def _ticks(spec) -> bool:
    return not spec["anchors"]


def _number(value) -> int:
    return int(value) if value is not None else 0


def _given(value) -> bool:
    return (
        value is True
        or isinstance(value, int)
        and not isinstance(value, bool)
        or bool(isinstance(value, str) and value.strip())
    )


def _high(spec, value) -> bool:
    if value is None:
        return False
    return value is True if _ticks(spec) else 2 * value > spec["low"] + spec["high"]


def _low(spec, value) -> bool:
    if value is None:
        return False
    return value is False if _ticks(spec) else 2 * value < spec["low"] + spec["high"]


def _apart(spec, a, b) -> bool:
    if _ticks(spec):
        return a != b
    return a is not None and b is not None and abs(a - b) >= spec["far"]


def _shown(spec, value) -> str:
    if _ticks(spec):
        return _("ticked") if value else _("not ticked")
    if value is None:
        return _("not rated")
    return f"{value} ({spec['anchors'][str(value)]})"


def _written(ws, spec, mine, theirs) -> list[str]:
    points = []
    for f in ws.answer_fields():
        if f["type"] != "text":
            continue
        a, b = value_at(mine, f["path"]).strip(), value_at(theirs, f["path"]).strip()
        if a or b:
            label = " ".join(f["label"].split())
            blank = _("(blank)")
            both = _("{label}\nYou: {mine}\nYour partner: {theirs}")
            points.append(both.format(label=label, mine=a or blank, theirs=b or blank))
    return points
