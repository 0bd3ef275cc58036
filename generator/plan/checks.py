"""What the planner cannot express, reported before planning: each problem is a Diagnostic whose
`file` is `<spec>#<JSON pointer>` (line 0), so `sdkgen generate` prints where to look.

- `$ref`s that are external (another file or URL) or dangling (name nothing in the document):
  the planner types them as `Any`, or drops the parameter, body or response they stand for.
- schema keywords with no Python typing counterpart (`not`, `if`, `prefixItems`,
  `patternProperties`, ...): the generated type is looser than the schema.
- `type` values that are not JSON Schema types (`file` from Swagger 2): typed as `Any`.
- slightly invalid documents, generated anyway: duplicate `required` entries, `required`
  naming a property the schema does not have (not required by the model), `example: null`
  in 3.0 where the schema is not nullable (read as no example), `nullable` in 3.1 (read as
  a `"null"` type, as 3.0 meant it). Document examples that contradict their schemas are
  reported by the suite planner (plan/cases.py), which uses placeholders for them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.diagnostics import Diagnostic, Severity
from generator.openapi import escape_token, resolve_pointer

# Values that are data, not OpenAPI structure: a `$ref` key inside them is not a reference.
_DATA_KEYS = frozenset({"example", "default", "enum", "const", "x-samples"})
# Schema keywords whose value is a schema, a list of schemas or a map of schemas.
_SUBSCHEMA = frozenset({"items", "additionalProperties", "not", "if", "then", "else", "contains"})
_SUBSCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_SUBSCHEMA_MAPS = frozenset({"properties", "patternProperties", "dependentSchemas", "$defs"})
_UNSUPPORTED = {
    "not": "`not` has no Python type; the value is typed without it",
    "if": "`if`/`then`/`else` has no Python type; the value is typed without it",
    "prefixItems": "tuple arrays (`prefixItems`) are typed as plain lists",
    "patternProperties": "`patternProperties` are not typed; such keys are accepted as extra fields",
    "dependentSchemas": "`dependentSchemas` has no Python type; it is ignored",
}
_JSON_TYPES = frozenset({"string", "number", "integer", "boolean", "array", "object", "null"})


def check_document(spec: dict[str, Any], source: str) -> list[Diagnostic]:
    """Every problem of `spec` the plan approximates, in document order (one walk, no `$ref` followed)."""
    found: list[Diagnostic] = []
    version = str(spec.get("openapi", ""))
    is_30, is_31 = version.startswith("3.0"), version.startswith("3.1")
    # (node, is it a schema, the key it sits under, path to it as a linked list of keys)
    stack: list[tuple[object, bool, str, _Path]] = [(spec, False, "", None)]
    while stack:
        node, is_schema, key, path = stack.pop()
        if isinstance(node, list):
            item_key = "" if key != "examples" else "examples"
            stack.extend((item, is_schema, item_key, (str(i), path)) for i, item in reversed(list(enumerate(node))))
            continue
        if not isinstance(node, dict):
            continue
        ref = node.get("$ref")
        if isinstance(ref, str):
            problem = _reference_problem(spec, ref, "typed as Any" if is_schema else "left out of the SDK")
            if problem is not None:
                found.append(Diagnostic(at(source, _pointer(path)), 0, Severity.WARNING, *problem))
        if is_schema:
            found.extend(
                Diagnostic(at(source, _pointer(path)), 0, Severity.WARNING, *p) for p in _schema_problems(node, is_31)
            )
        if is_30 and "example" in node and node["example"] is None and not _nullable(spec, node, is_schema):
            where = at(source, _pointer(("example", path)))
            found.append(Diagnostic(where, 0, Severity.WARNING, "plan-null-example", _NULL_EXAMPLE))
        stack.extend(reversed(list(_children(node, is_schema, key, path))))
    return found


_Path = tuple[str, "_Path"] | None


def at(source: str, pointer: str) -> str:
    """The `file` of a plan diagnostic: `spec.yaml#/paths/~1pets/get`."""
    return f"{source}{pointer}"


def _pointer(path: _Path) -> str:
    keys: list[str] = []
    while path is not None:
        keys.append(escape_token(path[0]))
        path = path[1]
    return "#/" + "/".join(reversed(keys)) if keys else "#"


def _children(
    node: dict[str, Any], is_schema: bool, key: str, path: _Path
) -> Iterator[tuple[object, bool, str, _Path]]:
    for raw_name, value in node.items():
        if not isinstance(value, (dict, list)):
            continue
        name = str(raw_name)
        where = (name, path)
        if is_schema:
            if name in _SUBSCHEMA or name in _SUBSCHEMA_LISTS:
                yield value, True, name, where
            elif name in _SUBSCHEMA_MAPS and isinstance(value, dict):
                yield from ((v, True, "", (str(k), where)) for k, v in value.items())
            elif name not in _DATA_KEYS:
                yield value, False, name, where
        elif name == "schema" or (key == "components" and name == "schemas"):
            if name == "schema":
                yield value, True, name, where
            elif isinstance(value, dict):
                yield from ((v, True, "", (str(k), where)) for k, v in value.items())
        elif (name not in _DATA_KEYS or (key == "responses" and name == "default")) and not (
            key == "examples" and name == "value"
        ):  # under `responses`, `default` is a response, not a value
            yield value, False, "examples" if key == "examples" and isinstance(value, dict) else name, where


def _reference_problem(spec: dict[str, Any], ref: str, effect: str) -> tuple[str, str] | None:
    if not ref.startswith("#"):
        return "plan-external-ref", f"$ref {ref!r} points outside this document (not followed); {effect}"
    if resolve_pointer(spec, ref) is None:
        return "plan-dangling-ref", f"$ref {ref!r} names nothing in this document; {effect}"
    return None


_NULL_EXAMPLE = (
    "`example: null` in OpenAPI 3.0, where the schema is not nullable: read as no example "
    "(the generated test uses a placeholder)"
)


def _nullable(spec: dict[str, Any], node: dict[str, Any], is_schema: bool) -> bool:
    schema = node if is_schema else node.get("schema")
    if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
        schema = resolve_pointer(spec, schema["$ref"])
    return isinstance(schema, dict) and schema.get("nullable") is True


def _schema_problems(schema: dict[str, Any], is_31: bool = False) -> Iterator[tuple[str, str]]:
    for keyword, message in _UNSUPPORTED.items():
        if keyword in schema:
            yield "plan-unsupported-schema", message
    yield from _required_problems(schema)
    if is_31 and "nullable" in schema:
        yield (
            "plan-nullable-3-1",
            '`nullable` is not an OpenAPI 3.1 keyword (3.1 writes `type: [..., "null"]`); '
            + ("read as nullable" if schema["nullable"] is True else "ignored"),
        )
    raw = schema.get("type")
    types = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    unknown = [t for t in types if t not in _JSON_TYPES]
    if unknown:
        yield "plan-unknown-type", f"type {unknown[0]!r} is not a JSON Schema type; typed as Any"


def _required_problems(schema: dict[str, Any]) -> Iterator[tuple[str, str]]:
    required = schema.get("required")
    if not isinstance(required, list):
        return
    names = [str(r) for r in required]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        yield "plan-duplicate-required", f"`required` lists {', '.join(map(repr, duplicates))} more than once"
    props = schema.get("properties")
    # Only where the schema alone says which properties exist (allOf parts may add others).
    if isinstance(props, dict) and not any(k in schema for k in ("allOf", "anyOf", "oneOf", "$ref")):
        missing = [n for n in dict.fromkeys(names) if n not in props]
        if missing:
            yield (
                "plan-required-missing",
                f"`required` names {', '.join(map(repr, missing))}, which `properties` does not define; "
                "the model does not require it",
            )
