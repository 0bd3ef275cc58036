"""Page parameters and header rows -> OpenAPI parameters, security and media types."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostics
from generator.parse.page_model import Page, Parameter
from generator.spec.emit import prim_schema
from generator.spec.type_refs import STRING, ArrayOf, Prim, map_type_cell

# The API-wide request headers: shared components/parameters, exposed by SDKs as client options.
COMMON_HEADERS: dict[str, str] = {
    "accept-language": "AcceptLanguage",
    "so-language": "SoLanguage",
    "so-culture": "SoCulture",
    "so-timezone": "SoTimeZone",
    "so-apptoken": "SoAppToken",
}
SECURITY_HEADERS = frozenset({"authorization", "x-xsrf-token"})


@dataclass
class HeaderUse:
    """How one page's header rows map to OpenAPI."""

    common: list[str] = field(default_factory=list)  # components/parameters names
    params: list[dict[str, Any]] = field(default_factory=list)
    request_media: list[str] = field(default_factory=list)
    response_media: list[str] = field(default_factory=list)


def media_types(description: str) -> list[str]:
    """Back-quoted media types in a Content-Type/Accept description."""
    parts = description.split("`")
    return [part.strip() for part in parts[1::2] if "/" in part]


def classify_headers(page: Page, common_seen: dict[str, Parameter], diags: Diagnostics | None = None) -> HeaderUse:
    use = HeaderUse()
    for header in page.headers:
        key = header.name.lower()
        if key in SECURITY_HEADERS:
            continue  # Authorization and friends are the document's security schemes, not parameters
        if key in ("content-type", "accept"):
            media = media_types(header.description)
            if key == "content-type":
                use.request_media = media
            else:
                use.response_media = media
            if not media and diags is not None:
                diags.warn(
                    page.file,
                    header.line,
                    "media-types-empty",
                    f"{header.name} header row lists no media types (back-quoted, such as `application/json`);"
                    " the operation's default media type is used",
                )
        elif key in COMMON_HEADERS:
            use.common.append(COMMON_HEADERS[key])
            common_seen.setdefault(COMMON_HEADERS[key], header)
        else:
            schema: dict[str, Any] = {"type": "string"}
            use.params.append(
                {
                    "name": header.name,
                    "in": "header",
                    "required": header.required,
                    "description": header.description,
                    "schema": schema,
                }
            )
    return use


def _coerce_example(value: str, schema: dict[str, Any]) -> Any:
    kind = schema.get("type")
    if kind == "array":
        items = [_coerce_example(part, schema.get("items", {})) for part in value.split(",")]
        return None if any(item is None for item in items) else items
    kinds = kind if isinstance(kind, list) else [kind]
    if "integer" in kinds:
        try:
            return int(value)
        except ValueError:  # not a number, or thousands of digits
            return None
    if "boolean" in kinds:
        return {"true": True, "false": False}.get(value.lower())
    if "number" in kinds:
        try:
            number = float(value)
        except ValueError:
            return None
        return number if math.isfinite(number) else None  # NaN and Infinity are not JSON
    if schema.get("enum") and value not in schema["enum"]:
        matches = [item for item in schema["enum"] if isinstance(item, str) and item.lower() == value.lower()]
        return matches[0] if matches else None
    return value


def parameter_schema(param: Parameter, diags: Diagnostics, file: str) -> dict[str, Any]:
    """The schema of a parameter row: a function of the row alone (no named or inferred types:
    a parameter is a primitive or a comma-separated list of primitives, sent as text otherwise)."""
    mapped = map_type_cell(param.type)
    if isinstance(mapped, str):
        diags.warn(
            file, param.line, "unknown-type", f"unknown type {mapped!r} for parameter {param.name!r}; treated as string"
        )
        mapped = STRING
    if mapped is None:
        mapped = STRING
    if isinstance(mapped, ArrayOf):
        # Collections travel comma separated in one query value (style form, explode false).
        item = mapped.item
        return {"type": "array", "items": prim_schema(item if isinstance(item, Prim) else STRING, False)}
    if not isinstance(mapped, Prim):
        diags.info(
            file, param.line, "parameter-type", f"parameter {param.name!r} of type {param.type!r} sent as a string"
        )
        mapped = STRING
    return prim_schema(mapped, False)


def query_parameter(param: Parameter, example: str | None, diags: Diagnostics, file: str) -> dict[str, Any]:
    schema = parameter_schema(param, diags, file)
    result: dict[str, Any] = {"name": param.name, "in": "query", "required": param.required, "schema": schema}
    if schema.get("type") == "array":
        result["style"], result["explode"] = "form", False
    if param.description:
        result["description"] = param.description
    if example is not None:
        value = _coerce_example(example, schema)
        if value is not None:
            result["example"] = value
    return result


def path_parameter(param: Parameter, example: str | None, diags: Diagnostics, file: str) -> dict[str, Any]:
    schema = parameter_schema(param, diags, file)
    result: dict[str, Any] = {"name": param.name, "in": "path", "required": True, "schema": schema}
    if param.description:
        result["description"] = param.description
    if example is not None and not example.startswith("{"):
        value = _coerce_example(example, schema)
        if value is not None:
            result["example"] = value
    return result


def unique_parameters(parameters: list[dict[str, Any]], page: Page, diags: Diagnostics) -> list[dict[str, Any]]:
    """Drop repeats of a (location, name) pair, which OpenAPI forbids, keeping the first.

    The parser already merges repeated rows; this catches pairs that meet only here (a path part
    kept as a query parameter beside a query row of that name, a path that names `{id}` twice).
    Header names compare case-insensitively; shared headers count by their component's name.
    """
    seen: set[tuple[str, str]] = set()
    unique: list[dict[str, Any]] = []
    for parameter in parameters:
        ref = parameter.get("$ref", "")
        if ref:
            key = ("header", ref.rsplit("/", 1)[-1].lower())
        else:
            name, where = str(parameter.get("name", "")), str(parameter.get("in", ""))
            key = (where, name.lower() if where == "header" else name)
        if key in seen:
            if not ref:
                diags.warn(
                    page.file,
                    page.path_line,
                    "duplicate-parameter",
                    f"{key[0]} parameter {key[1]!r} occurs more than once in {page.method} {page.path}; the first is kept",
                )
            continue
        seen.add(key)
        unique.append(parameter)
    return unique
