"""One OpenAPI document as the diff reads it: `$ref`s resolved and schemas normalised to `Shape`s.

OpenAPI 3.0 and 3.1 spell the same schema in several ways (`nullable: true`, `type: [x, "null"]`,
`anyOf`/`oneOf` with a null member, single-member `allOf`); `Document.shape` turns each into one
`Shape`, memoised per node, so the comparison never sees the spelling.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.diff.classify import python_type
from generator.openapi import is_null_schema, resolve_pointer, unescape_token
from generator.openapi.refs import iter_local_refs


def as_dict(value: Any) -> dict[str, Any]:
    """`value` if it is a mapping, else empty: malformed input is compared as absent, not a crash."""
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def normalise_text(text: Any) -> str:
    """Documentation text compared modulo whitespace and line wrapping."""
    if not isinstance(text, str):
        return ""
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------
# Document access


@dataclass
class Shape:
    """A schema node normalised across OpenAPI 3.0 and 3.1 spellings.

    `ref` is the component schema name when the node is a (possibly nullable) `$ref`.
    `types` holds the non-null JSON types; empty means "any".
    """

    ref: str | None = None
    types: tuple[str, ...] = ()
    format: str | None = None
    nullable: bool = False
    enum: tuple[Any, ...] | None = None
    properties: dict[str, Any] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    items: Any = None
    additional: Any = None
    variants: tuple[Any, ...] = ()
    item_text: str = ""
    description: str = ""
    deprecated: bool = False

    def describe(self) -> str:
        """Short type text for messages and JSON output, e.g. `integer(int32)`, `array<Foo>`."""
        if self.ref:
            return self.ref
        if self.variants:
            return "oneOf"
        if not self.types:
            return "any"
        text = "|".join(self.types)
        if self.types == ("array",) and self.item_text:
            text += f"<{self.item_text}>"
        if self.format:
            text += f"({self.format})"
        return text

    def python(self) -> str:
        if self.ref:
            return self.ref
        if len(self.types) == 1:
            return python_type(self.types[0], self.format)
        return self.describe()


class Document:
    """One OpenAPI document with memoised `$ref` resolution and schema normalisation."""

    def __init__(self, doc: Mapping[str, Any]) -> None:
        self.doc = doc
        components = as_dict(doc.get("components"))
        self.schemas: Mapping[str, Any] = as_dict(components.get("schemas"))
        self.security_schemes: Mapping[str, Any] = as_dict(components.get("securitySchemes"))
        self._pointer_cache: dict[str, Any] = {}
        # Keyed by id(); the node is kept alive beside its shape so the id cannot be reused.
        self._shape_cache: dict[int, tuple[Any, Shape]] = {}
        self._direct_refs: dict[str, frozenset[str]] = {}

    # -- references -----------------------------------------------------------------------
    def pointer(self, ref: str) -> Any:
        """Resolve a local `#/...` reference; unknown or external references resolve to {}."""
        if ref not in self._pointer_cache:
            node = resolve_pointer(self.doc, ref)
            self._pointer_cache[ref] = node if node is not None else {}
        return self._pointer_cache[ref]

    def deref(self, node: Any) -> Any:
        """Follow `$ref` chains of non-schema objects (parameters, request bodies, responses)."""
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:
                return {}
            seen.add(ref)
            node = self.pointer(ref)
        return node if isinstance(node, dict) else {}

    # -- schemas --------------------------------------------------------------------------
    def shape(self, node: Any) -> Shape:
        cached = self._shape_cache.get(id(node))
        if cached is None:
            cached = (node, self._shape(node, depth=0))
            self._shape_cache[id(node)] = cached
        return cached[1]

    def _shape(self, node: Any, depth: int) -> Shape:
        if not isinstance(node, dict) or depth > 20:
            return Shape()
        description = normalise_text(node.get("description"))
        deprecated = bool(node.get("deprecated"))
        ref = node.get("$ref")
        if isinstance(ref, str):
            if ref.startswith("#/components/schemas/"):
                name = unescape_token(ref.rsplit("/", 1)[1])
                return Shape(
                    ref=name, description=description, deprecated=deprecated, nullable=bool(node.get("nullable"))
                )
            return self._shape(self.pointer(ref), depth + 1)
        for combinator in ("anyOf", "oneOf"):
            members = node.get(combinator)
            if isinstance(members, list):
                real = [m for m in members if not is_null_schema(m)]
                nullable = len(real) < len(members) or bool(node.get("nullable"))
                if len(real) == 1:
                    inner = self._shape(real[0], depth + 1)
                    return reshaped(
                        inner, nullable=inner.nullable or nullable, description=description or inner.description
                    )
                return Shape(variants=tuple(real), nullable=nullable, description=description)
        all_of = node.get("allOf")
        if isinstance(all_of, list) and all_of:
            if len(all_of) == 1 and not node.get("properties"):
                inner = self._shape(all_of[0], depth + 1)
                return reshaped(
                    inner,
                    nullable=inner.nullable or bool(node.get("nullable")),
                    description=description or inner.description,
                )
            return self._merge_all_of(node, all_of, depth)
        raw_type = node.get("type")
        types = [raw_type] if isinstance(raw_type, str) else [t for t in as_list(raw_type) if isinstance(t, str)]
        nullable = "null" in types or bool(node.get("nullable"))
        types = [t for t in types if t != "null"]
        enum = node.get("enum")
        enum_values: tuple[Any, ...] | None = None
        if isinstance(enum, list):
            nullable = nullable or None in enum
            enum_values = tuple(v for v in enum if v is not None)
        properties = as_dict(node.get("properties"))
        if not types and (properties or "additionalProperties" in node):
            types = ["object"]
        if not types and "items" in node:
            types = ["array"]
        return Shape(
            types=tuple(sorted(types)),
            format=node.get("format") if isinstance(node.get("format"), str) else None,
            nullable=nullable,
            enum=enum_values,
            properties=dict(properties) if isinstance(properties, dict) else {},
            required=frozenset(r for r in as_list(node.get("required")) if isinstance(r, str)),
            items=node.get("items"),
            item_text=self._shape(node.get("items"), depth + 1).describe() if "items" in node else "",
            additional=node.get("additionalProperties"),
            description=description,
            deprecated=deprecated,
        )

    def _merge_all_of(self, node: Mapping[str, Any], members: list[Any], depth: int) -> Shape:
        """allOf of several members: one object with the union of their properties."""
        properties: dict[str, Any] = {}
        required: set[str] = set()
        for member in [*members, {k: v for k, v in node.items() if k != "allOf"}]:
            part = self._shape(member, depth + 1)
            if part.ref:
                part = self._shape(self.schemas.get(part.ref), depth + 1)
            properties.update(part.properties)
            required |= part.required
        return Shape(
            types=("object",),
            properties=properties,
            required=frozenset(required),
            description=normalise_text(node.get("description")),
            nullable=bool(node.get("nullable")),
        )

    def resolve_named(self, name: str) -> Shape:
        return self.shape(self.schemas.get(name))

    # -- reachability ---------------------------------------------------------------------
    def direct_refs(self, name: str) -> frozenset[str]:
        cached = self._direct_refs.get(name)
        if cached is None:
            cached = frozenset(schema_refs_in(self.schemas.get(name)))
            self._direct_refs[name] = cached
        return cached

    def reference_graph(self) -> dict[str, frozenset[str]]:
        return {name: self.direct_refs(name) for name in self.schemas}


def reshaped(shape: Shape, **changes: Any) -> Shape:
    values = dict(shape.__dict__)
    values.update(changes)
    return Shape(**values)


def schema_refs_in(node: Any) -> Iterator[str]:
    """Component schema names referenced anywhere inside `node` (not following them)."""
    prefix = "#/components/schemas/"
    for ref in iter_local_refs(node):
        if ref.startswith(prefix):
            yield unescape_token(ref.rsplit("/", 1)[1])
