"""The workbench's single-key shortcuts: what each does, its default key, and each person's own.

A person can turn the keys off (then every key types normally, for speech input or typing into
another window) or give an action another key (WCAG 2.1.4). Digits 1-9 always tick the current
question's cues while keys are on, so no action may take a digit but 0.
"""

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Action:
    """Something a key does in the workbench."""

    name: str
    label: str
    default: str
    also: str = ""  # a second key that always works too (the arrows)


ACTIONS = (
    Action("rate-strong", "Rate Strong, then go to the next unrated question", "s"),
    Action("rate-average", "Rate Average", "a"),
    Action("rate-weak", "Rate Weak", "w"),
    Action("skip", "Skip the question", "0"),
    Action("next", "Next question", "n", "→"),
    Action("previous", "Previous question", "p", "←"),
    Action("unrated", "The first question not rated yet", "u"),
    Action("notes", "Write notes (Esc leaves the box)", "/"),
    Action("expand", "Show the answer patterns whole, or short again", "e"),
    Action("flags", "Open or close the red flags", "f"),
    Action("help", "Show or hide this list", "?"),
    Action("finish", "Go to the finish page", "d"),
)
DEFAULT_KEYS = {action.name: action.default for action in ACTIONS}


def keys_of(preference) -> dict:
    """The shortcuts in force for a person.

    Args:
        preference: their ``ShortcutPreference``, or None for the defaults.

    Returns:
        ``{"enabled": bool, "keys": {action name: key}}``.
    """
    if preference is None:
        return {"enabled": True, "keys": dict(DEFAULT_KEYS)}
    keys = {**DEFAULT_KEYS, **{k: v for k, v in preference.keys.items() if k in DEFAULT_KEYS}}
    return {"enabled": preference.enabled, "keys": keys}


def listed(keys: dict) -> list[dict]:
    """The actions with their current keys, for the shortcut list."""
    return [
        {"name": a.name, "label": a.label, "key": keys["keys"][a.name], "also": a.also}
        for a in ACTIONS
    ]


def as_json(keys: dict) -> str:
    """The shortcuts as JSON, for the workbench's ``data-keys`` (the template escapes it)."""
    return json.dumps(keys, separators=(",", ":"))
