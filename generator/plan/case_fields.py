"""The form and multipart half of a test case (plan/cases.py): a body example's properties
as the method's keyword arguments, and what must arrive on the wire.

The expectation is computed here, from the OpenAPI rules (not by calling the runtime), so a
generated test fails when the runtime's encoding drifts from them: a form body is the decoded
`(name, value)` pairs per `style`/`explode` (default `form`, exploded; `deepObject` nests as
`meta[key]=v`, arrays by index), a multipart body its parts (name, filename for a file, text
or JSON content). File fields are given the bytes `FILE_CONTENT` (the case names them in
`call["files"]`, as JSON cannot hold bytes); bytes are sent with the filename `upload`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from generator.media import is_json_media, json_type_of
from generator.plan.bodies import MULTIPART, base_media, file_kind, is_complex
from generator.plan.case_responses import Unusable
from generator.plan.names import as_dict, as_list
from generator.plan.package_plan import ParamPlan
from generator.plan.placeholders import placeholder_value

if TYPE_CHECKING:
    from generator.plan.models import SchemaRegistry

__all__ = ["FILE_CONTENT", "fields_case"]

FILE_CONTENT = "file-content"
_BYTES_FILENAME = "upload"  # what the runtime (as httpx) names a file given as bytes
_NO_BODY_METHODS = frozenset({"GET", "HEAD", "DELETE", "OPTIONS"})


def fields_case(
    registry: SchemaRegistry,
    fields: list[ParamPlan],
    media: str,
    media_obj: dict[str, Any],
    example: object,
    call: dict[str, Any],
    request: dict[str, Any],
) -> None:
    """Fill `call` with the fields' arguments and `request` with the body they must send."""
    if not isinstance(example, dict):
        raise Unusable("request-body", f"request sample is {json_type_of(example)}, form fields need an object")
    by_wire = {p.wire_name: p for p in fields}
    unknown = sorted(str(k) for k in example if str(k) not in by_wire)
    if unknown:
        raise Unusable("request-body", f"request sample has fields the method lacks: {', '.join(unknown[:5])}")
    props, _ = registry.merged_properties(registry.deref(media_obj.get("schema")))
    encoding = as_dict(media_obj.get("encoding"))
    multipart = base_media(media) == MULTIPART
    pairs: list[tuple[str, str]] = []
    parts: list[dict[str, Any]] = []
    unreadable: list[str] = []  # fields Prism's body validator cannot map back to their types
    # With no example field and nothing required the call would send an empty body: then every
    # field gets a placeholder, so the test exercises the encoding (an empty multipart has no parts).
    fill_all = not any(p.wire_name in example or p.default_expr is None for p in fields)
    for p in fields:
        target = registry.deref(props.get(p.wire_name))
        if p.wire_name in example:
            value = example[p.wire_name]
        elif p.default_expr is None or fill_all:
            value = placeholder_value(registry, target)
        else:
            continue
        field_encoding = as_dict(encoding.get(p.wire_name))
        kind = file_kind(registry, target) if multipart else None
        if kind is not None:
            count = max(1, len(as_list(value))) if kind == "files" else 0
            contents = [f"{FILE_CONTENT}-{i}" for i in range(count)] if kind == "files" else FILE_CONTENT
            call.setdefault("files", {})[p.name] = contents
            if kind == "files":
                unreadable.append(p.wire_name)
            parts += [
                {"name": p.wire_name, "filename": _BYTES_FILENAME, "content": text}
                for text in (contents if isinstance(contents, list) else [contents])
            ]
            continue
        call["kwargs"][p.name] = value
        if multipart:
            as_json = is_complex(registry, target) or is_json_media(str(field_encoding.get("contentType", "")))
            found = _data_parts(p.wire_name, value, as_json)
            if isinstance(value, list) or any("json" in part for part in found):
                unreadable.append(p.wire_name)
            parts += found
        else:
            if isinstance(value, list) or _is_nested(value):
                unreadable.append(p.wire_name)
            pairs += form_pairs(p.wire_name, value, field_encoding)
    if unreadable:
        # Prism reads repeated parts, JSON parts and nested form keys as plain text and
        # rejects the request; the mock transport still checks these fields on the wire.
        request.setdefault(
            "invalid_for_server",
            f"Prism cannot read the {base_media(media)} fields {', '.join(unreadable)} (repeated, JSON or nested)",
        )
    if multipart:
        request["multipart"] = parts
    elif pairs or request["method"] not in _NO_BODY_METHODS:
        fields_sent: dict[str, list[str]] = {}
        for name, text in pairs:
            fields_sent.setdefault(name, []).append(text)
        request["form"] = fields_sent


def _is_nested(value: object) -> bool:
    """An array or object holding arrays or objects (Prism's form parser reads only one level)."""
    items = list(value.values()) if isinstance(value, dict) else value if isinstance(value, list) else []
    return any(isinstance(item, (dict, list)) for item in items)


def _text(value: object) -> str:
    """A form or part leaf as text: booleans `true`/`false`, null empty, containers as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def _deep(name: str, value: object) -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [pair for key, item in value.items() for pair in _deep(f"{name}[{key}]", item)]
    if isinstance(value, list):
        return [pair for index, item in enumerate(value) for pair in _deep(f"{name}[{index}]", item)]
    return [(name, _text(value))]


def form_pairs(name: str, value: object, encoding: dict[str, Any]) -> list[tuple[str, str]]:
    """One form field's `(key, value)` pairs in its OpenAPI style."""
    if is_json_media(str(encoding.get("contentType", ""))):
        return [(name, json.dumps(value, separators=(",", ":"), ensure_ascii=False))]
    style = encoding.get("style", "form")
    explode = encoding.get("explode", style == "form")
    if style == "deepObject":
        return _deep(name, value)
    if isinstance(value, list):
        if explode:
            return [(name, _text(item)) for item in value]
        separator = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(str(style), ",")
        return [(name, separator.join(_text(item) for item in value))]
    if isinstance(value, dict):
        if explode:
            return [(str(key), _text(item)) for key, item in value.items()]
        return [(name, ",".join(f"{key},{_text(item)}" for key, item in value.items()))]
    return [(name, _text(value))]


def _data_parts(name: str, value: object, as_json: bool) -> list[dict[str, Any]]:
    """A non-file field's parts: one JSON part for objects, one part per item of a list."""
    if value is None:
        return []  # multipart has no null: the field is left out
    if (
        as_json
        or isinstance(value, dict)
        or (isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value))
    ):
        return [{"name": name, "json": value}]
    items = value if isinstance(value, list) else [value]
    return [{"name": name, "content": _text(item)} for item in items]


def example_schema(registry: SchemaRegistry, media: str, schema: object) -> object:
    """The schema a body example is checked against: a multipart example may leave out its
    required files (JSON cannot carry their bytes; the case supplies them)."""
    target = registry.deref(schema)
    if base_media(media) != MULTIPART or not isinstance(target.get("required"), list):
        return schema
    props = as_dict(target.get("properties"))
    kept = [r for r in target["required"] if file_kind(registry, registry.deref(props.get(r))) is None]
    return {**target, "required": kept}
