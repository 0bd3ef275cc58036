"""Schema-derived stand-in values for the generated suite, where a document gives no example.

Deterministic, and within what the schema says where that is simple: `const`, the first `enum`
value, `minimum`/`maximum` (exclusive ones too), `multipleOf`, `minLength`/`maxLength`, a short
list of candidates tried against a `pattern`, the common string formats, `minItems`. A request
value carries the required properties that are not `readOnly`; a response value carries every
property that is not `writeOnly` near the top (so nested types are exercised) and the required
ones deeper down. A `oneOf`/`anyOf` stands in as its first member, with the discriminator
property set to a tag that selects that member (`discriminators.member_tags`, as the models'
tag reader reads it); alternatives that only list required properties are the object itself.
A recursive type ends where it would repeat: its list is empty, an optional property left out.
"""

from __future__ import annotations

import math
import re
from typing import Any, Literal

from generator.openapi import schema_types
from generator.plan.allof import value_all_of
from generator.plan.discriminators import component_name, member_tags
from generator.plan.models import SchemaRegistry
from generator.plan.names import as_dict, as_list

Purpose = Literal["request", "response"]

# Deep documents nest required objects a dozen levels down; recursion is cut by `seen` first,
# and a required self-reference (which no finite value satisfies) at _RECURSION_DEPTH.
_MAX_DEPTH = 24
_RECURSION_DEPTH = 8
_FULL_DEPTH = 2  # response objects carry all their properties up to this depth
_FORMATS = {
    "date-time": "2024-01-01T00:00:00+00:00",
    "date": "2024-01-01",
    "time": "12:00:00",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "iri": "https://example.com/",
    "uri-reference": "https://example.com/",
    "hostname": "example.com",
    "idn-hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "c2FtcGxl",
    "duration": "P1D",
    "password": "secret",
}
_ANNOTATIONS = frozenset({"description", "title", "$comment", "deprecated"})
_PATTERN_CANDIDATES = ("sample", "a", "A", "1", "abc", "ABC", "a1", "sample-1", "0", "x_1", "AB12", "1x1", "1.0.0")


def placeholder_value(
    registry: SchemaRegistry,
    schema: object,
    purpose: Purpose = "request",
    depth: int = 0,
    seen: frozenset[str] = frozenset(),
) -> object:
    """A value of `schema`'s type (see the module docstring); `seen` holds the `$ref`s this value
    sits inside, so that a recursive type (a tree's `children`) ends with an empty list or a
    left-out optional property rather than with an object that lacks its required fields."""
    ref = as_dict(schema).get("$ref")
    if isinstance(ref, str):
        seen = seen | {ref}
    target = _required_alternatives(registry, registry.deref(schema))
    if "const" in target:
        return target["const"]
    enum = [v for v in as_list(target.get("enum")) if v is not None]
    if enum:
        return enum[0]
    for key in ("oneOf", "anyOf"):
        members = [m for m in as_list(target.get(key)) if not _only_null(registry.deref(m))]
        if members:
            return _union_member(registry, target, members[0], purpose, depth, seen)
    value_type = value_all_of(target, registry.deref)
    if value_type is not None and depth < _MAX_DEPTH:  # a union or scalar with stacked constraints
        return placeholder_value(registry, value_type[0], purpose, depth + 1, seen)
    kind = _first_type(registry, target)
    if kind == "integer":
        return _integer(target)
    if kind == "number":
        return _number(target)
    if kind == "boolean":
        return True
    if kind == "array":
        return _array(registry, target, purpose, depth, seen)
    if kind == "object":
        return _object(registry, target, purpose, depth, seen)
    if kind == "null":
        return None
    return _string(target)


def _required_alternatives(registry: SchemaRegistry, target: dict[str, Any]) -> dict[str, Any]:
    """`target` without a `oneOf`/`anyOf` whose members only list required properties
    (`oneOf: [{required: [orgID]}, {required: [org]}]` beside the object's `properties`): the
    models type such a schema as the object, so it stands in as the object, with the first
    alternative's required properties."""
    for key in ("oneOf", "anyOf"):
        members = [registry.deref(m) for m in as_list(target.get(key))]
        if members and all(all(k == "required" or k in _ANNOTATIONS or k.startswith("x-") for k in m) for m in members):
            rest = {k: v for k, v in target.items() if k != key}
            rest["required"] = [*as_list(target.get("required")), *as_list(members[0].get("required"))]
            return rest
    return target


def _only_null(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "null" or schema.get("type") == ["null"] or schema.get("enum") == [None]


def _first_type(registry: SchemaRegistry, target: dict[str, Any]) -> str:
    types, _ = schema_types(target)
    if types:
        return types[0]
    if target.get("type") == "null" or target.get("type") == ["null"]:
        return "null"
    for part in as_list(target.get("allOf")):
        inner = _first_type(registry, registry.deref(part))
        if inner != "string":
            return inner
    if isinstance(target.get("properties"), dict) or isinstance(target.get("additionalProperties"), dict):
        return "object"
    if "items" in target:
        return "array"
    return "string"


def _union_member(
    registry: SchemaRegistry, union: dict[str, Any], member: object, purpose: Purpose, depth: int, seen: frozenset[str]
) -> object:
    value = placeholder_value(registry, member, purpose, depth, seen)
    discriminator = as_dict(union.get("discriminator"))
    tag = discriminator.get("propertyName")
    ref = as_dict(member).get("$ref")
    if isinstance(tag, str) and isinstance(value, dict) and isinstance(ref, str):
        # Deep down an optional tag property is left out, and the union cannot pick a member.
        tags = member_tags(registry, discriminator, component_name(ref), registry.deref(member))
        if tags and value.get(tag) not in tags:
            value[tag] = tags[0]
    return value


def _integer(target: dict[str, Any]) -> int:
    low, high = _bounds(target)
    value = 1
    if low is not None and value < low:
        value = math.ceil(low)
    if high is not None and value > high:
        value = math.floor(high)
    step = target.get("multipleOf")
    if isinstance(step, int) and not isinstance(step, bool) and step > 0 and value % step:
        value = step * math.ceil(value / step)
    return int(value)


def _number(target: dict[str, Any]) -> float:
    low, high = _bounds(target)
    value = 1.5
    if low is not None and value < low:
        value = float(low) + 0.5
    if high is not None and value > high:
        value = float(high) - 0.5 if low is None or high - 0.5 >= low else float(high)
    step = target.get("multipleOf")
    if isinstance(step, (int, float)) and not isinstance(step, bool) and step > 0:
        value = float(step * max(1, math.ceil(value / step)))
    return value


def _bounds(target: dict[str, Any]) -> tuple[float | None, float | None]:
    """(lowest, highest) allowed, with 3.0 boolean and 3.1 numeric exclusive bounds."""

    def number(key: str) -> float | None:
        raw = target.get(key)
        return float(raw) if isinstance(raw, (int, float)) and not isinstance(raw, bool) else None

    low, high = number("minimum"), number("maximum")
    if target.get("exclusiveMinimum") is True and low is not None:
        low += 1
    if target.get("exclusiveMaximum") is True and high is not None:
        high -= 1
    ex_low, ex_high = number("exclusiveMinimum"), number("exclusiveMaximum")
    if ex_low is not None:
        low = ex_low + 1 if low is None else max(low, ex_low + 1)
    if ex_high is not None:
        high = ex_high - 1 if high is None else min(high, ex_high - 1)
    return low, high


def _string(target: dict[str, Any]) -> str:
    fmt = target.get("format")
    text = _FORMATS.get(fmt, "sample") if isinstance(fmt, str) else "sample"
    pattern = target.get("pattern")
    if isinstance(pattern, str) and fmt not in _FORMATS:
        text = _matching(pattern) or text
    low, high = target.get("minLength"), target.get("maxLength")
    if isinstance(low, int) and len(text) < low:
        text = text + "x" * (low - len(text))
    if isinstance(high, int) and high >= 0 and len(text) > high:
        text = text[:high]
    return text


def _matching(pattern: str) -> str | None:
    try:
        compiled = re.compile(pattern)
    except re.error:
        return None
    return next((c for c in _PATTERN_CANDIDATES if compiled.search(c)), None)


def _array(
    registry: SchemaRegistry, target: dict[str, Any], purpose: Purpose, depth: int, seen: frozenset[str]
) -> list[object]:
    items = target.get("items")
    low = target.get("minItems")
    high = target.get("maxItems")
    count = max(1, low if isinstance(low, int) else 0)
    if (isinstance(high, int) and high == 0) or depth >= _MAX_DEPTH or not isinstance(items, dict):
        return []
    if _recursive(items, seen) and not (isinstance(low, int) and low > 0):
        return []  # the tree ends here
    return [placeholder_value(registry, items, purpose, depth + 1, seen) for _ in range(count)]


def _recursive(schema: dict[str, Any], seen: frozenset[str]) -> bool:
    """`schema` refers (itself, through its items or a composition) to a type it sits inside."""
    refs = [schema.get("$ref"), as_dict(schema.get("items")).get("$ref")]
    for key in ("allOf", "oneOf", "anyOf"):
        refs += [as_dict(member).get("$ref") for member in as_list(schema.get(key))]
    return any(isinstance(ref, str) and ref in seen for ref in refs)


def _object(
    registry: SchemaRegistry, target: dict[str, Any], purpose: Purpose, depth: int, seen: frozenset[str]
) -> dict[str, object]:
    if depth >= _MAX_DEPTH:
        return {}
    props, required = registry.merged_properties(target)
    skip = "readOnly" if purpose == "request" else "writeOnly"
    value: dict[str, object] = {}
    for name, prop in props.items():
        recursive = _recursive(prop, seen)
        wanted = name in required or (purpose == "response" and depth < _FULL_DEPTH and not recursive)
        if not wanted or (recursive and depth >= _RECURSION_DEPTH):
            continue
        if prop.get(skip) is True or registry.deref(prop).get(skip) is True:
            continue
        value[name] = placeholder_value(registry, prop, purpose, depth + 1, seen)
    return value
