"""TypeRefs and schemas -> JSON Schema (OpenAPI 3.1 dialect).

Object properties are nullable (`type: [T, "null"]`, refs as `anyOf: [$ref, null]`), because the
API nulls out every field a `$select` leaves out. Top-level bodies are not nullable.
"""

from __future__ import annotations

from typing import Any

from generator.spec.schema_registry import ObjectSchema, Registry
from generator.spec.type_refs import AnyValue, ArrayOf, Binary, DictOf, Prim, Ref, TypeRef, Unknown

NULL = {"type": "null"}


def ref_pointer(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def prim_schema(ref: Prim, nullable: bool) -> dict[str, Any]:
    types: list[Any] = list(ref.types)
    schema: dict[str, Any] = {
        "type": types[0] if len(types) == 1 and not nullable else types + (["null"] if nullable else [])
    }
    if ref.format:
        schema["format"] = ref.format
    if ref.enum:
        schema["enum"] = list(ref.enum) + ([None] if nullable else [])
    return schema


def type_schema(registry: Registry, ref: TypeRef, nullable: bool) -> dict[str, Any]:
    ref = registry.resolve(ref)
    if isinstance(ref, Prim):
        return prim_schema(ref, nullable)
    if isinstance(ref, Ref):
        return {"anyOf": [ref_pointer(ref.name), NULL]} if nullable else ref_pointer(ref.name)
    if isinstance(ref, ArrayOf):
        return {"type": ["array", "null"] if nullable else "array", "items": type_schema(registry, ref.item, False)}
    if isinstance(ref, DictOf):
        return {
            "type": ["object", "null"] if nullable else "object",
            "additionalProperties": type_schema(registry, ref.value, True),
        }
    if isinstance(ref, Binary):
        return {"type": "string", "contentMediaType": "application/octet-stream"}
    if isinstance(ref, (AnyValue, Unknown)):
        return {}
    raise TypeError(f"unexpected type reference {ref!r}")


def object_schema(registry: Registry, schema: ObjectSchema) -> dict[str, Any]:
    result: dict[str, Any] = {"type": "object"}
    if schema.description:
        result["description"] = schema.description
    properties: dict[str, Any] = {}
    for name, schema_field in schema.fields.items():
        prop = type_schema(registry, schema_field.type, True)
        if schema_field.description:
            prop = (
                {**prop, "description": schema_field.description}
                if "$ref" not in prop
                else {"allOf": [prop], "description": schema_field.description}
            )
        properties[name] = prop
    result["properties"] = properties
    return result


def is_untyped(schema: dict[str, Any]) -> bool:
    """A property schema that says nothing about its values (`{}` plus at most a description)."""
    return not (set(schema) - {"description"})
