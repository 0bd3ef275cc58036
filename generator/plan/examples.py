"""A document's own example values, with the JSON pointer each one sits at.

Where OpenAPI lets a document give examples: a parameter's or media type's `example`, its
`examples` map (entries with a `value`, possibly `$ref`s to `components/examples`; entries with
only an `externalValue` are not fetched), and the schema's own `example` (3.0) or `examples`
list (3.1). The generated suite calls operations with these values (plan/cases.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.openapi import escape_token
from generator.plan.models import SchemaRegistry
from generator.plan.names import as_dict, as_list


@dataclass(frozen=True)
class Example:
    name: str  # the `examples` key, or "example" / "schema"
    value: object
    pointer: str  # "#/paths/~1pets/post/requestBody/content/application~1json/examples/cat/value"


def child(pointer: str, *keys: str) -> str:
    return pointer + "".join("/" + escape_token(str(k)) for k in keys)


def located(node: object, pointer: str) -> str:
    """The pointer of what `node` (maybe a local `$ref`) stands for."""
    ref = as_dict(node).get("$ref")
    return ref if isinstance(ref, str) and ref.startswith("#") else pointer


class ExampleFinder:
    """Examples of parameters, media types and schemas of one document."""

    def __init__(self, registry: SchemaRegistry, is_30: bool) -> None:
        self.registry = registry
        # In 3.0 `example: null` cannot say "the value null" (checks.py reports it): no example.
        self.is_30 = is_30

    def of(self, node: dict[str, Any], pointer: str) -> list[Example]:
        """The examples of a parameter or media type object: `examples` entries, `example`,
        then its schema's."""
        found: list[Example] = []
        for name, raw in as_dict(node.get("examples")).items():
            entry = self.registry.deref(raw)
            if "value" in entry and not (self.is_30 and entry["value"] is None):
                where = child(located(raw, child(pointer, "examples", str(name))), "value")
                found.append(Example(str(name), entry["value"], where))
        if "example" in node and not (self.is_30 and node["example"] is None):
            found.append(Example("example", node["example"], child(pointer, "example")))
        found.sort(key=lambda e: e.name != "sample")  # SuperOffice's documented exchange first
        return found or self.of_schema(node.get("schema"), child(pointer, "schema"))

    def of_schema(self, schema: object, pointer: str) -> list[Example]:
        target = self.registry.deref(schema)
        where = located(schema, pointer)
        if "example" in target and not (self.is_30 and target["example"] is None):
            return [Example("schema", target["example"], child(where, "example"))]
        listed = as_list(target.get("examples"))
        if isinstance(target.get("examples"), list) and listed:
            return [Example("schema", listed[0], child(where, "examples", "0"))]
        return []


def pick(examples: list[Example], name: str | None) -> Example | None:
    """The example called `name`, else the first one."""
    return next((e for e in examples if e.name == name), examples[0] if examples else None)
