"""Comparing two partners' answers: which sheets may, and the rules (core/compare.py)."""

from __future__ import annotations

import pytest
from kinds.examples import checklist, prompts, rating_scale

from worksheet_kit import WorksheetError


def scale(mode="higher-is-better", **changes):
    return rating_scale(
        items=[("calm", "Calm"), ("kind", "Kind"), ("honest", "Honest"), ("fun", "Fun")],
        scale=(1, 5),
        anchors=["Never", "Rarely", "Sometimes", "Often", "Always"],
        side_by_side=mode,
        **changes,
    )


def lines(summary) -> list[str]:
    return [line.strip() for line in str(summary).splitlines()]


def block(summary, heading) -> list[str]:
    """The points under one heading line."""
    out, inside = [], False
    for line in lines(summary):
        if line == heading:
            inside = True
        elif inside and line.startswith("- "):
            out.append(line[2:])
        elif inside:
            break
    return out


@pytest.mark.parametrize(
    "make, change, message",
    [
        (
            prompts,
            {"side_by_side": "higher-is-better"},
            "letter: side_by_side is not for a prompts sheet",
        ),
        (scale, {"mode": "closest"}, "scale: side_by_side 'closest' is unknown"),
        (
            checklist,
            {"side_by_side": "mutual", "keep": "nothing"},
            "check: side_by_side needs answers a reader can export",
        ),
    ],
)
def test_the_model_refuses_a_comparison_it_cannot_make(make, change, message):
    with pytest.raises(WorksheetError, match=message.replace("(", r"\(")):
        make(**change)


def test_agreeing_and_differing_follow_the_sheets_direction():
    better, harder = scale(), scale("higher-is-harder")
    mine = {"items": {"calm": 5, "kind": 1, "honest": 5, "fun": 3}}
    theirs = {"items": {"calm": 4, "kind": 2, "honest": 2, "fun": 3}}
    shown = better.compare(mine, theirs)
    assert block(shown, "Where you agree, a shared strength:") == ["Calm"]
    assert block(shown, "Where you agree, a shared worry:") == ["Kind"]
    assert block(shown, "Where you differ most (2 points or more apart):") == [
        "Honest You: 5 (Always). Your partner: 2 (Rarely)."
    ]
    flipped = harder.compare(mine, theirs)
    assert block(flipped, "Where you agree, a shared strength:") == ["Kind"]
    assert block(flipped, "Where you agree, a shared worry:") == ["Calm"]
    talk = block(shown, "A suggested order for your talk:")
    assert talk[0] == "Start with a shared strength: Calm"
    assert talk[1] == "Then talk about one difference: Honest"


def test_no_total_score_and_no_grade_for_the_couple():
    text = str(scale().compare({"items": {"calm": 5}}, {"items": {"calm": 1}})).lower()
    for word in ("score", "total", "compatib", "percent", "%", "grade"):
        assert word not in text


def test_a_checklist_differs_where_only_one_ticked():
    sheet = checklist(side_by_side="higher-is-better")
    shown = sheet.compare(
        {"items": {"one": True, "two": True}}, {"items": {"one": True, "three": True}}
    )
    assert block(shown, "Where you agree, a shared strength:") == ["One"]
    assert block(shown, "Where you differ most (ticked by only one of you):") == [
        "Two You: ticked. Your partner: not ticked.",
        "Three You: not ticked. Your partner: ticked.",
    ]


def test_mutual_shows_only_what_both_chose_and_the_same_to_each():
    menu = rating_scale(
        side_by_side="mutual",
        items=[("hug", "Hug"), ("walk", "Walk"), ("kiss", "Kiss"), ("dance", "Dance")],
    )
    mine = {"items": {"hug": 2, "walk": 2, "kiss": 2, "dance": 0}}
    theirs = {"items": {"hug": 2, "walk": 1, "kiss": 0, "dance": 2}}
    one, other = menu.compare(mine, theirs), menu.compare(theirs, mine)
    assert str(one) == str(other)
    assert block(one, "You both said Often to:") == ["Hug"]
    assert block(one, "You both said at least Sometimes to:") == ["Walk"]
    assert "Kiss" not in str(one) and "Dance" not in str(one)


def test_the_same_answers_twice_are_refused_as_your_own_file():
    sheet = scale()
    with pytest.raises(WorksheetError, match="Did you give your own file twice"):
        sheet.compare({"items": {"calm": 3}}, {"items": {"calm": 3}})


def test_weeks_side_by_side_say_how_each_partners_last_two_compare():
    weekly = scale(repeat="weekly")
    mine = [
        {"date": "2026-11-20", "answers": {"items": {"calm": 2}}},
        {"date": "2026-11-27", "answers": {"items": {"calm": 4}}},
    ]
    theirs = [{"date": "2026-11-27", "answers": {"items": {"calm": 3}}}]
    shown = weekly.compare({"items": {"calm": 4}}, {"items": {"calm": 3}}, mine, theirs)
    assert block(shown, "Your weeks side by side:") == [
        "Since 2026-11-20, your average rating went up from 2.0 to 4.0.",
        "Your partner's only saved entry, 2026-11-27: 3.0.",
    ]


def test_chart_draws_both_histories_when_given_two(monkeypatch):
    """Two series, told apart by line and marker; a stand-in pyplot records them."""
    import importlib
    import types

    drawn = []

    class Axes:
        def plot(self, dates, values, style, marker, label):
            drawn.append((label, style, marker, values))

        def __getattr__(self, name):
            return lambda *args, **kwargs: None

    class Figure:
        def autofmt_xdate(self):
            pass

    fake = types.SimpleNamespace(subplots=lambda figsize: (Figure(), Axes()), close=lambda f: None)
    real = importlib.import_module
    monkeypatch.setattr(
        importlib,
        "import_module",
        lambda name, *a: fake if name == "matplotlib.pyplot" else real(name, *a),
    )
    weekly = scale(repeat="weekly")
    mine = [{"date": "2026-11-20", "answers": {"items": {"calm": 2}}}]
    theirs = [{"date": "2026-11-21", "answers": {"items": {"calm": 3}}}]
    assert weekly.chart(mine, theirs) is not None
    assert [(label, style, marker) for label, style, marker, _ in drawn] == [
        ("You", "-", "o"),
        ("Your partner", "--", "s"),
    ]
    assert [values for *_, values in drawn] == [[2.0], [3.0]]
