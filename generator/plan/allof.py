"""`allOf` compositions that describe no object: one value type with constraints stacked on it.

Documents write `allOf: [{type: string, ...}, {nullable: false}]` or `allOf: [{$ref: Slug},
{type: string, nullable: true}]` to add a description, a constraint or nullability to a scalar,
an array or an enum. Such a composition is that value type, not a model with no fields (a model
would reject every valid value: a string is not an object).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.openapi import schema_types
from generator.plan.names import as_list

Schema = dict[str, Any]
Deref = Callable[[object], Schema]

# Keywords that only annotate a value: a part made of these alone adds no type of its own.
_ANNOTATIONS = frozenset(
    {"description", "title", "example", "examples", "default", "deprecated", "readOnly", "writeOnly"}
    | {"externalDocs", "nullable", "xml", "$comment"}
)
_MAX_PARTS = 64


def value_all_of(schema: Schema, deref: Deref) -> tuple[object, bool] | None:
    """(the schema to type `schema` by, whether a part adds null) when `schema` is an `allOf`
    whose parts describe no object; None otherwise (an object composition is a model).

    With one part that carries a type (the others only annotate) that part itself, so a `$ref`
    to a named enum keeps its name and a `oneOf` part stays a union; with several, their
    keywords merged (the first one wins).
    """
    parts = as_list(schema.get("allOf"))
    if not parts or _object_like(schema):
        return None
    flat = _flatten(parts, deref)
    if flat is None or any(_object_like(deref(p)) for p in flat):
        return None
    # Lenient: null is allowed when any part allows it (3.0 documents mean `nullable` so).
    nullable = schema_types(schema)[1] or any(schema_types(deref(p))[1] for p in flat)
    shaped = [p for p in flat if not _annotation_only(deref(p))]
    if len(shaped) == 1:
        return shaped[0], nullable
    if not shaped or any(deref(p).get(k) for p in shaped for k in ("oneOf", "anyOf")):
        return None  # an intersection of unions has no one type to merge into
    merged: Schema = {}
    for part in shaped:
        for key, value in deref(part).items():
            merged.setdefault(key, value)
    merged.pop("nullable", None)
    return merged, nullable


def _flatten(parts: list[Any], deref: Deref) -> list[object] | None:
    """The leaf parts of nested `allOf`s (a `$ref` to an `allOf` is opened too); None if too many."""
    found: list[object] = []
    stack = list(reversed(parts))
    while stack:
        if len(found) + len(stack) > _MAX_PARTS:
            return None
        part = stack.pop()
        target = deref(part)
        nested = as_list(target.get("allOf"))
        if nested and not target.get("properties"):
            stack.extend(reversed(nested))
            if not _annotation_only({k: v for k, v in target.items() if k != "allOf"}):
                found.append({k: v for k, v in target.items() if k != "allOf"})
            continue
        found.append(part)
    return found


def _annotation_only(schema: Schema) -> bool:
    return all(key in _ANNOTATIONS or key.startswith("x-") for key in schema)


def _object_like(schema: Schema) -> bool:
    """Whether the schema itself describes an object (properties, `type: object`, a map)."""
    if schema.get("properties") or isinstance(schema.get("additionalProperties"), dict):
        return True
    return "object" in schema_types(schema)[0]
