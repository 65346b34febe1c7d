"""One small valid worksheet of each kind, for tests that cover every kind."""

from __future__ import annotations

import re

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


def keyed(*texts):
    """(key, text) pairs, each key made from its text ("Say it back." -> "say-it-back")."""
    pairs = []
    for number, text in enumerate(texts, start=1):
        key = re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")[:24].strip("-")
        pairs.append((key if re.match(r"[a-z]", key) else f"part-{number}", text))
    return pairs


def checklist(**changes):
    return Checklist(**{**COMMON, "id": "check", "items": keyed("One", "Two", "Three"), **changes})


def rating_scale(**changes):
    data = {
        **COMMON,
        "id": "scale",
        "items": keyed("One", "Two", "Three"),
        "scale": (0, 2),
        "anchors": ["Never", "Sometimes", "Often"],
    }
    return RatingScale(**{**data, **changes})


def reflection_table(**changes):
    data = {**COMMON, "id": "table", "columns": keyed("Situation", "Thought"), "rows": 2}
    return ReflectionTable(**{**data, **changes})


def conversation_guide(**changes):
    data = {
        **COMMON,
        "id": "guide",
        "steps": [("hurt", "Speaker", "Say what hurt."), ("back", "Listener", "Say it back.")],
        "pause_rule": "Take 20 minutes when flooded.",
    }
    return ConversationGuide(**{**data, **changes})


def prompts(**changes):
    data = {
        **COMMON,
        "id": "letter",
        "prompts": keyed("What happened, as I lived it:", "What I need now:"),
        "lines": 5,
    }
    return Prompts(**{**data, **changes})


def cycle(**changes):
    data = {
        **COMMON,
        "id": "loop",
        "stages": keyed("When I feel", "I do", "Then you feel", "You do"),
        "centre": "What we both want underneath:",
    }
    return Cycle(**{**data, **changes})


EXAMPLES = [checklist, rating_scale, reflection_table, conversation_guide, prompts, cycle]
