"""Small facts about JSON values and media types, shared by the build and plan stages."""

from __future__ import annotations

from typing import Any

# Parsed JSON holds exactly these classes: one lookup instead of a chain of isinstance calls (hot
# loops look a value up here and call json_type_of only for a miss).
JSON_TYPE_NAMES: dict[type, str] = {
    type(None): "null",
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    list: "array",
    dict: "object",
}


def json_type_of(value: object) -> str:
    """The JSON Schema type name of a parsed JSON value."""
    name = JSON_TYPE_NAMES.get(type(value))
    if name is not None:
        return name
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def is_json_media(media: str) -> bool:
    base = media.split(";")[0].strip().lower()
    return base in ("application/json", "text/json", "*/*") or base.endswith("+json")


def pick_media_type(content: dict[str, Any]) -> str:
    """The content entry a client uses: JSON first, then a byte stream, else the first listed."""
    keys = [str(k) for k in content]
    for key in keys:
        if is_json_media(key):
            return key
    for key in keys:
        if "octet-stream" in key:
            return key
    return keys[0]
