"""Pure comparison of two OpenAPI 3.0/3.1 documents: `diff_specs(old, new) -> ApiDiff`.

How operations are matched (in this order):
1. same method and same path;
2. same method and same path template up to parameter names (`/Foo/{id}` vs `/Foo/{fooId}`),
   the renamed path parameters are then reported as `parameter-renamed`;
3. same operationId: reported as `operation-path-changed` (and `operation-method-changed`).
Anything left is `operation-removed` / `operation-added`.

How schemas are compared (decision: each component schema change is reported once):
- Every component schema present in both documents is compared once, at
  `#/components/schemas/<Name>`; the change lists the operations that use the schema and its
  severity is the worst over the directions (request/response) in which it is used.
- Per operation, the request/response shapes are compared structurally, following `$ref`s, but the
  walk stops where both sides refer to the *same* component name, because that component's own
  changes are already reported once. Where the referenced name differs (`Foo` -> `Bar`), or one side
  is inline, the resolved shapes are compared in place, under the operation.
- Cycles are cut by remembering the (old ref, new ref) pairs on the current path; resolved shapes
  are memoised per document, so no schema is normalised twice.

Documentation: `description`/`summary` are compared after collapsing whitespace, so re-wrapping
the docs yields nothing; examples and `x-samples` are sample data, never compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from generator.diff.changes import ApiDiff, Change, ChangeKind, Direction, Impact
from generator.diff.classify import BOTH, classify, python_type
from generator.diff.usage import SchemaUsage
from generator.openapi import escape_token, is_null_schema, iter_operations, resolve_pointer, unescape_token

JSON = dict[str, Any]

_PLACEHOLDER = re.compile(r"\{([^}]*)\}")
_REQUEST = frozenset({Direction.REQUEST})
_RESPONSE = frozenset({Direction.RESPONSE})


def _dict(value: Any) -> dict[str, Any]:
    """`value` if it is a mapping, else empty: malformed input is compared as absent, not a crash."""
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def normalise_text(text: Any) -> str:
    """Documentation text compared modulo whitespace and line wrapping."""
    if not isinstance(text, str):
        return ""
    return " ".join(text.split())


def normalise_path(path: str) -> str:
    """`/Foo/{id}/Bar/{x}` -> `/Foo/{}/Bar/{}`: templates equal up to parameter names."""
    return _PLACEHOLDER.sub("{}", path)


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
        components = _dict(doc.get("components"))
        self.schemas: Mapping[str, Any] = _dict(components.get("schemas"))
        self.security_schemes: Mapping[str, Any] = _dict(components.get("securitySchemes"))
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
                    return _with(
                        inner, nullable=inner.nullable or nullable, description=description or inner.description
                    )
                return Shape(variants=tuple(real), nullable=nullable, description=description)
        all_of = node.get("allOf")
        if isinstance(all_of, list) and all_of:
            if len(all_of) == 1 and not node.get("properties"):
                inner = self._shape(all_of[0], depth + 1)
                return _with(
                    inner,
                    nullable=inner.nullable or bool(node.get("nullable")),
                    description=description or inner.description,
                )
            return self._merge_all_of(node, all_of, depth)
        raw_type = node.get("type")
        types = [raw_type] if isinstance(raw_type, str) else [t for t in _list(raw_type) if isinstance(t, str)]
        nullable = "null" in types or bool(node.get("nullable"))
        types = [t for t in types if t != "null"]
        enum = node.get("enum")
        enum_values: tuple[Any, ...] | None = None
        if isinstance(enum, list):
            nullable = nullable or None in enum
            enum_values = tuple(v for v in enum if v is not None)
        properties = _dict(node.get("properties"))
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
            required=frozenset(r for r in _list(node.get("required")) if isinstance(r, str)),
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
            cached = frozenset(_schema_refs_in(self.schemas.get(name)))
            self._direct_refs[name] = cached
        return cached

    def reference_graph(self) -> dict[str, frozenset[str]]:
        return {name: self.direct_refs(name) for name in self.schemas}


def _with(shape: Shape, **changes: Any) -> Shape:
    values = dict(shape.__dict__)
    values.update(changes)
    return Shape(**values)


def _schema_refs_in(node: Any) -> Iterator[str]:
    """Component schema names referenced anywhere inside `node` (not following them)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                yield unescape_token(ref.rsplit("/", 1)[1])
            for key, value in item.items():
                if key not in ("example", "examples", "x-samples"):
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)


# ---------------------------------------------------------------------------------------------
# Operations


@dataclass
class Operation:
    method: str
    path: str
    node: Mapping[str, Any]
    parameters: list[Mapping[str, Any]]
    operation_id: str | None
    tag: str | None

    @property
    def key(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def location(self) -> str:
        return f"#/paths/{escape_token(self.path)}/{self.method}"


def operations_of(document: Document) -> list[Operation]:
    result: list[Operation] = []
    doc = dict(document.doc)
    for found in iter_operations(doc, sort_paths=True):
        node = found.operation
        tags = _list(node.get("tags"))
        result.append(
            Operation(
                method=found.method,
                path=found.path,
                node=node,
                parameters=list[Mapping[str, Any]](found.parameters(doc)),
                operation_id=node.get("operationId") if isinstance(node.get("operationId"), str) else None,
                tag=tags[0] if tags and isinstance(tags[0], str) else None,
            )
        )
    return result


def match_operations(
    old: list[Operation], new: list[Operation]
) -> tuple[list[tuple[Operation, Operation]], list[Operation], list[Operation]]:
    """Pairs of the same operation, then the removed ones, then the added ones."""
    pairs: list[tuple[Operation, Operation]] = []
    old_left = {(o.method, o.path): o for o in old}
    new_left = {(n.method, n.path): n for n in new}
    for key in sorted(old_left.keys() & new_left.keys()):
        pairs.append((old_left.pop(key), new_left.pop(key)))

    def unique_by(ops: Iterable[Operation], key: Any) -> dict[Any, Operation]:
        groups: dict[Any, list[Operation]] = {}
        for op in ops:
            k = key(op)
            if k is not None:
                groups.setdefault(k, []).append(op)
        return {k: v[0] for k, v in groups.items() if len(v) == 1}

    for key_of in (lambda o: (o.method, normalise_path(o.path)), lambda o: o.operation_id):
        olds = unique_by(old_left.values(), key_of)
        news = unique_by(new_left.values(), key_of)
        for k in sorted(olds.keys() & news.keys(), key=repr):
            o, n = olds[k], news[k]
            pairs.append((o, n))
            del old_left[(o.method, o.path)]
            del new_left[(n.method, n.path)]
    removed = sorted(old_left.values(), key=lambda o: (o.path, o.method))
    added = sorted(new_left.values(), key=lambda o: (o.path, o.method))
    return pairs, removed, added


# ---------------------------------------------------------------------------------------------
# The comparison


@dataclass(frozen=True)
class _Where:
    """Who a change belongs to: an operation, or a component schema with its users."""

    directions: frozenset[Direction]
    operation: str | None = None
    tag: str | None = None
    schema: str | None = None
    operations: tuple[str, ...] = ()


class _Comparer:
    def __init__(self, old: Document, new: Document, include_docs: bool) -> None:
        self.old = old
        self.new = new
        self.include_docs = include_docs
        self.changes: dict[tuple[str, str, str, str], Change] = {}
        self.docs_changed = 0

    # -- recording ------------------------------------------------------------------------
    def emit(
        self,
        kind: ChangeKind,
        where: _Where,
        location: str,
        message: str,
        old: Any = None,
        new: Any = None,
        **facts: Any,
    ) -> None:
        severity = classify(kind, where.directions, **facts)
        change = Change(
            kind=kind,
            severity=severity,
            location=location,
            message=message,
            operation=where.operation,
            tag=where.tag,
            schema=where.schema,
            old=old,
            new=new,
            operations=where.operations,
        )
        key = (change.operation or "", change.location, kind.value, message)
        self.changes.setdefault(key, change)

    def docs(self, where: _Where, location: str, old: Any, new: Any, what: str = "description") -> None:
        o, n = normalise_text(old), normalise_text(new)
        if o == n:
            return
        self.docs_changed += 1
        if self.include_docs:
            self.emit(ChangeKind.DESCRIPTION_CHANGED, where, location, f"{what} changed", o or None, n or None)

    # -- schemas --------------------------------------------------------------------------
    def schema(
        self,
        o_node: Any,
        n_node: Any,
        where: _Where,
        loc: str,
        seen: frozenset[tuple[str, str]] = frozenset(),
        o_shape: Shape | None = None,
        n_shape: Shape | None = None,
    ) -> None:
        if o_shape is None and n_shape is None and o_node is not None and o_node == n_node:
            # Equal nodes have equal shapes; the components they reference are compared on their own.
            return
        so = o_shape or self.old.shape(o_node)
        sn = n_shape or self.new.shape(n_node)
        self.docs(where, loc, so.description, sn.description)
        self._nullable(so, sn, where, loc)
        if so.ref or sn.ref:
            if so.ref == sn.ref:
                return  # compared once as a component schema
            if (so.ref and sn.ref) or (so.ref and sn.types) or (sn.ref and so.types):
                self.emit(
                    ChangeKind.TYPE_CHANGED,
                    where,
                    loc,
                    f"type changed from {so.describe()} to {sn.describe()}",
                    so.describe(),
                    sn.describe(),
                    old_python=so.python(),
                    new_python=sn.python(),
                )
            pair = (so.ref or "", sn.ref or "")
            if pair in seen:
                return
            ro = self.old.resolve_named(so.ref) if so.ref else so
            rn = self.new.resolve_named(sn.ref) if sn.ref else sn
            # The nullability of the reference itself was compared above.
            ro = _with(ro, nullable=so.nullable, description=so.description)
            rn = _with(rn, nullable=sn.nullable, description=sn.description)
            self._structure(ro, rn, where, loc, seen | {pair}, types_reported=True)
            return
        self._structure(so, sn, where, loc, seen, types_reported=False)

    def _nullable(self, so: Shape, sn: Shape, where: _Where, loc: str) -> None:
        if so.nullable != sn.nullable:
            self.emit(
                ChangeKind.NULLABLE_CHANGED,
                where,
                loc,
                "now nullable" if sn.nullable else "no longer nullable",
                so.nullable,
                sn.nullable,
                old_nullable=so.nullable,
                new_nullable=sn.nullable,
            )

    def _structure(
        self, so: Shape, sn: Shape, where: _Where, loc: str, seen: frozenset[tuple[str, str]], types_reported: bool
    ) -> None:
        if so.types != sn.types:
            if not types_reported:
                self.emit(
                    ChangeKind.TYPE_CHANGED,
                    where,
                    loc,
                    f"type changed from {so.describe()} to {sn.describe()}",
                    so.describe(),
                    sn.describe(),
                    old_python=so.python(),
                    new_python=sn.python(),
                )
            # Look inside only when both sides still are objects (or arrays).
            if not set(so.types) & set(sn.types) & {"object", "array"}:
                return
        elif so.format != sn.format:
            self.emit(
                ChangeKind.FORMAT_CHANGED,
                where,
                loc,
                f"format changed from {so.format or 'none'} to {sn.format or 'none'}",
                so.format,
                sn.format,
                old_python=so.python(),
                new_python=sn.python(),
            )
        if so.enum is not None or sn.enum is not None:
            self._enum(so, sn, where, loc)
        if so.variants or sn.variants:
            od = sorted(self.old.shape(v).describe() for v in so.variants)
            nd = sorted(self.new.shape(v).describe() for v in sn.variants)
            if od != nd and not types_reported:
                self.emit(
                    ChangeKind.TYPE_CHANGED,
                    where,
                    loc,
                    f"alternatives changed from {' | '.join(od) or so.describe()} to {' | '.join(nd) or sn.describe()}",
                    od,
                    nd,
                    old_python="|".join(od),
                    new_python="|".join(nd),
                )
        if so.properties or sn.properties:
            self._properties(so, sn, where, loc, seen)
        if so.items is not None and sn.items is not None:
            self.schema(so.items, sn.items, where, f"{loc}/items", seen)
        if isinstance(so.additional, dict) and isinstance(sn.additional, dict):
            self.schema(so.additional, sn.additional, where, f"{loc}/additionalProperties", seen)

    def _enum(self, so: Shape, sn: Shape, where: _Where, loc: str) -> None:
        if so.enum is None or sn.enum is None:
            # An enum appearing restricts accepted values (a removal of "everything else");
            # an enum disappearing widens them.
            if so.enum is None:
                self.emit(
                    ChangeKind.ENUM_VALUE_REMOVED,
                    where,
                    loc,
                    "now restricted to an enum",
                    None,
                    sorted(map(repr, sn.enum or ())),
                )
            else:
                self.emit(
                    ChangeKind.ENUM_VALUE_ADDED,
                    where,
                    loc,
                    "no longer restricted to an enum",
                    sorted(map(repr, so.enum)),
                    None,
                )
            return
        removed = [v for v in so.enum if v not in sn.enum]
        added = [v for v in sn.enum if v not in so.enum]
        if removed:
            self.emit(
                ChangeKind.ENUM_VALUE_REMOVED,
                where,
                loc,
                "enum values removed: " + ", ".join(map(str, removed)),
                removed,
                None,
            )
        if added:
            self.emit(
                ChangeKind.ENUM_VALUE_ADDED, where, loc, "enum values added: " + ", ".join(map(str, added)), None, added
            )

    def _properties(self, so: Shape, sn: Shape, where: _Where, loc: str, seen: frozenset[tuple[str, str]]) -> None:
        for name in sorted(so.properties.keys() | sn.properties.keys()):
            ploc = f"{loc}/properties/{escape_token(name)}"
            if name not in sn.properties:
                self.emit(
                    ChangeKind.PROPERTY_REMOVED,
                    where,
                    ploc,
                    f"property {name} removed",
                    self.old.shape(so.properties[name]).describe(),
                    None,
                )
            elif name not in so.properties:
                required = name in sn.required
                self.emit(
                    ChangeKind.PROPERTY_ADDED,
                    where,
                    ploc,
                    f"{'required' if required else 'optional'} property {name} added",
                    None,
                    self.new.shape(sn.properties[name]).describe(),
                    required=required,
                )
            else:
                was, now = name in so.required, name in sn.required
                if was != now:
                    self.emit(
                        ChangeKind.PROPERTY_REQUIRED_CHANGED,
                        where,
                        ploc,
                        f"property {name} {'now required' if now else 'no longer required'}",
                        was,
                        now,
                        required=now,
                        old_required=was,
                    )
                self.schema(so.properties[name], sn.properties[name], where, ploc, seen)

    # -- components -----------------------------------------------------------------------
    def components(self, usage: SchemaUsage) -> None:
        for name in sorted(self.old.schemas.keys() | self.new.schemas.keys()):
            where = _Where(directions=usage.directions(name) or BOTH, schema=name)
            loc = f"#/components/schemas/{escape_token(name)}"
            if name not in self.new.schemas:
                self.emit(ChangeKind.SCHEMA_REMOVED, where, loc, f"schema {name} removed", name, None)
            elif name not in self.old.schemas:
                self.emit(ChangeKind.SCHEMA_ADDED, where, loc, f"schema {name} added", None, name)
            else:
                self.schema(self.old.schemas[name], self.new.schemas[name], where, loc, seen=frozenset({(name, name)}))
        # The users of a schema are looked up only for the schemas that changed.
        for key, change in self.changes.items():
            if change.schema is not None and change.operation is None:
                self.changes[key] = replace(change, operations=usage.users(change.schema))

    def security_schemes(self) -> None:
        where = _Where(directions=BOTH)
        for name in sorted(self.old.security_schemes.keys() | self.new.security_schemes.keys()):
            loc = f"#/components/securitySchemes/{escape_token(name)}"
            o = self.old.deref(self.old.security_schemes.get(name))
            n = self.new.deref(self.new.security_schemes.get(name))
            if name not in self.new.security_schemes:
                self.emit(ChangeKind.SECURITY_SCHEME_REMOVED, where, loc, f"security scheme {name} removed")
            elif name not in self.old.security_schemes:
                self.emit(ChangeKind.SECURITY_SCHEME_ADDED, where, loc, f"security scheme {name} added")
            else:
                self.docs(where, loc, o.get("description"), n.get("description"))
                for attr in ("type", "scheme", "in", "name", "bearerFormat", "openIdConnectUrl"):
                    if o.get(attr) != n.get(attr):
                        self.emit(
                            ChangeKind.SECURITY_SCHEME_CHANGED,
                            where,
                            f"{loc}/{attr}",
                            f"security scheme {name}: {attr} changed",
                            o.get(attr),
                            n.get(attr),
                        )

    # -- operations -----------------------------------------------------------------------
    def operation(self, o: Operation, n: Operation) -> None:
        where = _Where(directions=BOTH, operation=n.key, tag=n.tag)
        loc = n.location
        if o.path != n.path and normalise_path(o.path) != normalise_path(n.path):
            self.emit(
                ChangeKind.OPERATION_PATH_CHANGED, where, loc, f"path changed from {o.path} to {n.path}", o.path, n.path
            )
        if o.method != n.method:
            self.emit(
                ChangeKind.OPERATION_METHOD_CHANGED,
                where,
                loc,
                f"method changed from {o.method.upper()} to {n.method.upper()}",
                o.method.upper(),
                n.method.upper(),
            )
        if o.operation_id != n.operation_id:
            self.emit(
                ChangeKind.OPERATION_ID_CHANGED,
                where,
                f"{loc}/operationId",
                f"operationId changed from {o.operation_id} to {n.operation_id}",
                o.operation_id,
                n.operation_id,
            )
        if o.tag != n.tag:
            self.emit(
                ChangeKind.OPERATION_TAG_CHANGED,
                where,
                f"{loc}/tags",
                f"tag changed from {o.tag} to {n.tag}",
                o.tag,
                n.tag,
            )
        if not o.node.get("deprecated") and n.node.get("deprecated"):
            self.emit(ChangeKind.OPERATION_DEPRECATED, where, f"{loc}/deprecated", "operation deprecated", False, True)
        self.docs(where, f"{loc}/summary", o.node.get("summary"), n.node.get("summary"), "summary")
        self.docs(where, f"{loc}/description", o.node.get("description"), n.node.get("description"))
        self.parameters(o, n, where, loc)
        self.request_body(o, n, where, loc)
        self.responses(o, n, where, loc)
        self.security(o, n, where, loc)

    def parameters(self, o: Operation, n: Operation, where: _Where, loc: str) -> None:
        req = _Where(_REQUEST, where.operation, where.tag)

        def key(p: Mapping[str, Any]) -> tuple[str, str]:
            name = str(p.get("name", ""))
            return (str(p.get("in", "")), name.lower() if p.get("in") == "header" else name)

        olds = {key(p): p for p in o.parameters}
        news = {key(p): p for p in n.parameters}
        pairs: list[tuple[Mapping[str, Any], Mapping[str, Any]]] = []
        # Path parameters are matched by position in the template; a new name is a rename.
        o_names, n_names = _PLACEHOLDER.findall(o.path), _PLACEHOLDER.findall(n.path)
        if len(o_names) == len(n_names):
            for on, nn in zip(o_names, n_names, strict=False):
                op, np_ = olds.pop(("path", on), None), news.pop(("path", nn), None)
                if op is not None and np_ is not None:
                    if on != nn:
                        self.emit(
                            ChangeKind.PARAMETER_RENAMED,
                            req,
                            f"{loc}/parameters/path/{escape_token(nn)}",
                            f"path parameter {on} renamed to {nn}",
                            on,
                            nn,
                        )
                    pairs.append((op, np_))
                elif op is not None:
                    olds[("path", on)] = op
                elif np_ is not None:
                    news[("path", nn)] = np_
        for k in sorted(olds.keys() & news.keys()):
            pairs.append((olds.pop(k), news.pop(k)))
        # Same name, other location.
        by_name_new = {k[1]: k for k in news}
        for k in sorted(olds):
            nk = by_name_new.get(k[1])
            if nk is not None and nk in news:
                op, np_ = olds.pop(k), news.pop(nk)
                self.emit(
                    ChangeKind.PARAMETER_LOCATION_CHANGED,
                    req,
                    f"{loc}/parameters/{escape_token(nk[0])}/{escape_token(str(np_.get('name')))}",
                    f"parameter {np_.get('name')} moved from {k[0]} to {nk[0]}",
                    k[0],
                    nk[0],
                )
                pairs.append((op, np_))
        for k, p in sorted(olds.items()):
            self.emit(
                ChangeKind.PARAMETER_REMOVED,
                req,
                f"{o.location}/parameters/{escape_token(k[0])}/{escape_token(str(p.get('name')))}",
                f"{k[0]} parameter {p.get('name')} removed",
                p.get("name"),
                None,
            )
        for k, p in sorted(news.items()):
            required = bool(p.get("required")) or k[0] == "path"
            self.emit(
                ChangeKind.PARAMETER_ADDED,
                req,
                f"{loc}/parameters/{escape_token(k[0])}/{escape_token(str(p.get('name')))}",
                f"{'required' if required else 'optional'} {k[0]} parameter {p.get('name')} added",
                None,
                p.get("name"),
                required=required,
            )
        for op, np_ in pairs:
            ploc = f"{loc}/parameters/{escape_token(str(np_.get('in')))}/{escape_token(str(np_.get('name')))}"
            was = bool(op.get("required")) or op.get("in") == "path"
            now = bool(np_.get("required")) or np_.get("in") == "path"
            if was != now:
                self.emit(
                    ChangeKind.PARAMETER_REQUIRED_CHANGED,
                    req,
                    ploc,
                    f"parameter {np_.get('name')} {'now required' if now else 'no longer required'}",
                    was,
                    now,
                    required=now,
                    old_required=was,
                )
            self.docs(req, ploc, op.get("description"), np_.get("description"))
            self.schema(op.get("schema"), np_.get("schema"), req, f"{ploc}/schema")

    def request_body(self, o: Operation, n: Operation, where: _Where, loc: str) -> None:
        req = _Where(_REQUEST, where.operation, where.tag)
        rloc = f"{loc}/requestBody"
        ob = self.old.deref(o.node.get("requestBody")) if "requestBody" in o.node else None
        nb = self.new.deref(n.node.get("requestBody")) if "requestBody" in n.node else None
        if ob is None and nb is None:
            return
        if nb is None:
            self.emit(ChangeKind.REQUEST_BODY_REMOVED, req, rloc, "request body removed")
            return
        if ob is None:
            required = bool(nb.get("required"))
            self.emit(
                ChangeKind.REQUEST_BODY_ADDED,
                req,
                rloc,
                f"{'required' if required else 'optional'} request body added",
                required=required,
            )
            return
        was, now = bool(ob.get("required")), bool(nb.get("required"))
        if was != now:
            self.emit(
                ChangeKind.REQUEST_BODY_REQUIRED_CHANGED,
                req,
                f"{rloc}/required",
                f"request body {'now required' if now else 'no longer required'}",
                was,
                now,
                required=now,
                old_required=was,
            )
        flattened = bool(nb.get("x-sdkgen-flatten"))
        if bool(ob.get("x-sdkgen-flatten")) != flattened:
            self.emit(
                ChangeKind.REQUEST_BODY_FLATTEN_CHANGED,
                req,
                f"{rloc}/x-sdkgen-flatten",
                "request body " + ("now" if flattened else "no longer") + " flattened into keyword arguments",
                not flattened,
                flattened,
            )
        oname, nname = ob.get("x-codegen-request-body-name"), nb.get("x-codegen-request-body-name")
        if oname != nname:
            self.emit(
                ChangeKind.REQUEST_BODY_NAME_CHANGED,
                req,
                f"{rloc}/x-codegen-request-body-name",
                f"request body name changed from {oname} to {nname}",
                oname,
                nname,
                flattened=flattened and bool(ob.get("x-sdkgen-flatten")),
            )
        self.docs(req, rloc, ob.get("description"), nb.get("description"))
        self.content(ob.get("content"), nb.get("content"), req, rloc)

    def content(self, oc: Any, nc: Any, where: _Where, loc: str) -> None:
        oc = oc if isinstance(oc, dict) else {}
        nc = nc if isinstance(nc, dict) else {}
        for media in sorted(oc.keys() | nc.keys()):
            mloc = f"{loc}/content/{escape_token(media)}"
            if media not in nc:
                self.emit(ChangeKind.MEDIA_TYPE_REMOVED, where, mloc, f"media type {media} removed", media, None)
            elif media not in oc:
                self.emit(ChangeKind.MEDIA_TYPE_ADDED, where, mloc, f"media type {media} added", None, media)
            else:
                o_schema = _dict(oc[media]).get("schema")
                n_schema = _dict(nc[media]).get("schema")
                if o_schema is not None or n_schema is not None:
                    self.schema(o_schema, n_schema, where, f"{mloc}/schema")

    def responses(self, o: Operation, n: Operation, where: _Where, loc: str) -> None:
        res = _Where(_RESPONSE, where.operation, where.tag)
        # Status codes as text: YAML reads an unquoted 200 as an integer key.
        ors = {str(k): v for k, v in _dict(o.node.get("responses")).items()}
        nrs = {str(k): v for k, v in _dict(n.node.get("responses")).items()}
        for code in sorted(ors.keys() | nrs.keys()):
            rloc = f"{loc}/responses/{escape_token(code)}"
            o_r, n_r = ors.get(code), nrs.get(code)
            if n_r is None:
                self.emit(
                    ChangeKind.RESPONSE_REMOVED,
                    res,
                    rloc,
                    f"response {code} removed",
                    code,
                    None,
                    success=code.startswith("2") or code == "default",
                )
            elif o_r is None:
                self.emit(ChangeKind.RESPONSE_ADDED, res, rloc, f"response {code} added", None, code)
            else:
                ob, nb = self.old.deref(o_r), self.new.deref(n_r)
                self.docs(res, rloc, ob.get("description"), nb.get("description"))
                self.content(ob.get("content"), nb.get("content"), res, rloc)

    def security(self, o: Operation, n: Operation, where: _Where, loc: str) -> None:
        if "security" not in o.node and "security" not in n.node:
            return  # both follow the document-wide requirement, compared once in global_security
        self.security_lists(
            o.node.get("security", self.old.doc.get("security")),
            n.node.get("security", self.new.doc.get("security")),
            where,
            f"{loc}/security",
        )

    def global_security(self, users: tuple[str, ...]) -> None:
        where = _Where(directions=BOTH, operations=users)
        self.security_lists(self.old.doc.get("security"), self.new.doc.get("security"), where, "#/security")

    def security_lists(self, old: Any, new: Any, where: _Where, loc: str) -> None:
        old_alts, new_alts = _security_alternatives(old), _security_alternatives(new)
        was_open = not old_alts or frozenset() in old_alts
        for alt in sorted(old_alts - new_alts, key=sorted):
            text = " + ".join(sorted(alt)) or "anonymous access"
            self.emit(
                ChangeKind.SECURITY_REMOVED, where, loc, f"security requirement {text} removed", sorted(alt), None
            )
        for alt in sorted(new_alts - old_alts, key=sorted):
            text = " + ".join(sorted(alt)) or "anonymous access"
            self.emit(
                ChangeKind.SECURITY_ADDED,
                where,
                loc,
                f"security requirement {text} added",
                None,
                sorted(alt),
                was_open=was_open and bool(alt),
            )


def _security_alternatives(security: Any) -> frozenset[frozenset[str]]:
    """Security requirement list -> set of alternatives, each a set of `scheme[scopes]` texts."""
    if not isinstance(security, list):
        return frozenset()
    alts = set()
    for requirement in security:
        if isinstance(requirement, dict):
            alts.add(
                frozenset(
                    f"{name}[{','.join(sorted(map(str, scopes)))}]"
                    if isinstance(scopes, list) and scopes
                    else str(name)
                    for name, scopes in requirement.items()
                )
            )
    return frozenset(alts)


def _operation_roots(document: Document, op: Operation) -> tuple[set[str], set[str]]:
    """Component schemas an operation references directly in its request and its responses."""

    def content_schemas(holder: Any) -> list[Any]:
        content = document.deref(holder).get("content")
        if not isinstance(content, dict):
            return []
        return [media.get("schema") for media in content.values() if isinstance(media, dict)]

    request_nodes: list[Any] = [p.get("schema") for p in op.parameters]
    if "requestBody" in op.node:
        request_nodes += content_schemas(op.node["requestBody"])
    response_nodes = [s for r in _dict(op.node.get("responses")).values() for s in content_schemas(r)]
    request = {name for node in request_nodes if node for name in _schema_refs_in(node)}
    response = {name for node in response_nodes if node for name in _schema_refs_in(node)}
    return request, response


def _schema_usage(docs: Iterable[tuple[Document, list[Operation]]], display: Mapping[int, str]) -> SchemaUsage:
    usage = SchemaUsage()
    for document, ops in docs:
        usage.add_document(
            document.reference_graph(),
            ((display[id(op)], *_operation_roots(document, op)) for op in ops),
        )
    return usage


def diff_specs(old: Mapping[str, Any], new: Mapping[str, Any], *, include_docs: bool = False) -> ApiDiff:
    """Compare two OpenAPI 3.0/3.1 documents. Pure: reads its arguments only."""
    old_doc, new_doc = Document(old), Document(new)
    old_ops, new_ops = operations_of(old_doc), operations_of(new_doc)
    pairs, removed, added = match_operations(old_ops, new_ops)
    comparer = _Comparer(old_doc, new_doc, include_docs)

    # Operations are named by their key in the new document when they still exist.
    display: dict[int, str] = {id(op): op.key for op in [*old_ops, *new_ops]}
    for o, n in pairs:
        display[id(o)] = n.key

    for op in removed:
        comparer.emit(
            ChangeKind.OPERATION_REMOVED,
            _Where(BOTH, op.key, op.tag),
            op.location,
            f"operation removed ({op.operation_id or 'no operationId'})",
            op.operation_id,
            None,
        )
    for op in added:
        comparer.emit(
            ChangeKind.OPERATION_ADDED,
            _Where(BOTH, op.key, op.tag),
            op.location,
            f"operation added ({op.operation_id or 'no operationId'})",
            None,
            op.operation_id,
        )
    for o, n in pairs:
        comparer.operation(o, n)
    comparer.components(_schema_usage(((old_doc, old_ops), (new_doc, new_ops)), display))
    comparer.security_schemes()
    comparer.global_security(tuple(sorted(display[id(n)] for _, n in pairs if "security" not in n.node)))

    changes = tuple(sorted(comparer.changes.values(), key=Change.sort_key))
    return ApiDiff(
        changes=changes,
        docs_changed=comparer.docs_changed,
        operations_old=len(old_ops),
        operations_new=len(new_ops),
        schemas_old=len(old_doc.schemas),
        schemas_new=len(new_doc.schemas),
    )


__all__ = ["Impact", "diff_specs", "normalise_path", "normalise_text"]
