"""One small valid worksheet of each kind, for tests that cover every kind."""

from __future__ import annotations

from worksheet_kit import Checklist, ConversationGuide, Cycle, Prompts, RatingScale, ReflectionTable

COMMON = dict(
    title="A worksheet",
    chapter="signs-of-erosion",
    minutes=10,
    who=["alone"],
    purpose="To test.",
    instructions="Do the thing.",
    privacy="Yours alone.",
)
NASTY = "<script>alert(1)</script> & 100% {ok}_#~^\\ “quoted”"


def checklist(**changes):
    return Checklist(**{**COMMON, "id": "check", "items": ["One", "Two", "Three"], **changes})


def rating_scale(**changes):
    data = {
        **COMMON,
        "id": "scale",
        "items": ["One", "Two", "Three"],
        "scale": (0, 2),
        "anchors": ["Never", "Sometimes", "Often"],
    }
    return RatingScale(**{**data, **changes})


def reflection_table(**changes):
    data = {**COMMON, "id": "table", "columns": ["Situation", "Thought"], "rows": 2}
    return ReflectionTable(**{**data, **changes})


def conversation_guide(**changes):
    data = {
        **COMMON,
        "id": "guide",
        "steps": [("Speaker", "Say what hurt."), ("Listener", "Say it back.")],
        "pause_rule": "Take 20 minutes when flooded.",
    }
    return ConversationGuide(**{**data, **changes})


def prompts(**changes):
    data = {
        **COMMON,
        "id": "letter",
        "prompts": ["What happened, as I lived it:", "What I need now:"],
        "lines": 5,
    }
    return Prompts(**{**data, **changes})


def cycle(**changes):
    data = {
        **COMMON,
        "id": "loop",
        "stages": ["When I feel", "I do", "Then you feel", "You do"],
        "centre": "What we both want underneath:",
    }
    return Cycle(**{**data, **changes})


EXAMPLES = [checklist, rating_scale, reflection_table, conversation_guide, prompts, cycle]
