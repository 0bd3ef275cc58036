"""Nullability and types of a schema, read the same way for OpenAPI 3.0 and 3.1."""

from __future__ import annotations

from typing import Any


def schema_types(schema: dict[str, Any]) -> tuple[list[str], bool]:
    """The non-null `type` entries and whether null is allowed (3.0 `nullable`, 3.1 type lists)."""
    raw = schema.get("type")
    types = [raw] if isinstance(raw, str) else [t for t in raw if isinstance(t, str)] if isinstance(raw, list) else []
    nullable = "null" in types or schema.get("nullable") is True
    return [t for t in types if t != "null"], nullable


def is_null_schema(schema: object) -> bool:
    """A schema that admits only null (`type: "null"`, `type: ["null"]`, `enum: [null]`)."""
    if not isinstance(schema, dict):
        return False
    raw = schema.get("type")
    return raw == "null" or raw == ["null"] or schema.get("enum") == [None]
