"""Model plans from the schema registry: a component or inline object schema -> a model class
plan (fields, docstring, imports), a non-object component -> a type alias module plan.

The registry (plan/models.py) owns the names and resolves schemas to types; this module lays
those types out as the fields of one model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.plan.code import AliasRef, Call, Expr, Import, Quoted, imports
from generator.plan.enums import open_enums
from generator.plan.names import (
    RESERVED_FIELD_NAMES,
    NameAllocator,
    clean_text,
    docstring_body,
    pascal_case,
    py_str,
    safe_identifier,
    snake_case,
)
from generator.plan.package_plan import FieldPlan, ModelPlan
from generator.plan.patch import MIXIN, MIXIN_IMPORT
from generator.plan.resolved import ModelSource, Resolved, Schema

if TYPE_CHECKING:
    from generator.plan.models import SchemaRegistry


def plan_model(registry: SchemaRegistry, source: ModelSource) -> ModelPlan:
    """The plan of one model class: its fields, docstring and imports."""
    props, required = registry.merged_properties(source.schema)
    allocator = NameAllocator()  # the same allocation as `field_name`
    patch = registry.patch.is_operation(source.schema)
    fields = [
        _plan_field(registry, source, allocator, wire, prop, wire in required and not registry.one_way(prop), patch)
        for wire, prop in props.items()
    ]
    doc = clean_text(source.schema.get("description")) or clean_text(source.schema.get("title"))
    if not doc:
        doc = f"The {source.wire_name} schema." if source.wire_name else f"{source.class_name} (inline object)."
    refs = [m for f in fields for m in f.annotation.model_refs()]
    others = sorted({(m.class_name, m.module) for m in refs if not isinstance(m, AliasRef)} - {source.ref_key})
    runtime = {i for f in fields for i in f.annotation.imports()} | {Import(".._models", "BaseModel")}
    runtime |= {Import(f".{m.module}", m.class_name) for m in refs if isinstance(m, AliasRef)}
    if any(isinstance(f.value_expr, Call) for f in fields):
        runtime.add(Import("pydantic", "Field", "FieldInfo"))
    if others:
        runtime |= {Import("typing", "TYPE_CHECKING"), Import("._link", "link")}
    if patch:
        runtime.add(MIXIN_IMPORT)
    return ModelPlan(
        class_name=source.class_name,
        module_name=source.module_name,
        docstring=docstring_body(doc),
        kind="model",
        fields=tuple(fields),
        imports=imports(runtime),
        type_checking_imports=imports((Import(f".{module}", name) for name, module in others), by_name=True),
        links=tuple(others),
        bases=(MIXIN, "BaseModel") if patch else ("BaseModel",),
    )


def _plan_field(
    registry: SchemaRegistry,
    source: ModelSource,
    names: NameAllocator,
    wire: str,
    prop: Schema,
    required: bool,
    patch: bool,
) -> FieldPlan:
    name = names.take(safe_identifier(snake_case(wire), reserved=RESERVED_FIELD_NAMES, fallback="field"))
    resolved = registry.resolve(prop, source.class_name + pascal_case(wire))
    if patch and wire == "op":  # RFC 6902's operations, or those the spec declares
        resolved = Resolved(registry.patch.op_type(source.schema), resolved.nullable)
    annotation = open_enums(resolved.annotation(optional=not required), closed=wire in registry.tag_names)
    if any(not isinstance(m, AliasRef) for m in annotation.model_refs()):
        # Only annotations naming other models are strings (resolved after link());
        # the rest evaluate natively at class creation, which is cheaper for pydantic.
        annotation = Quoted(annotation)
    description = clean_text(prop.get("description")) or clean_text(registry.deref(prop).get("description"))
    args: list[Expr] = []
    if not required:
        args.append(Expr("default=None"))
    if name != wire:
        # Not `alias=`: pyright and mypy (dataclass_transform) would then name the constructor
        # parameter by the wire name. Separate validation/serialisation aliases keep the
        # Python name in the typed signature; the runtime accepts both (validate_by_name).
        args.append(Expr(f"validation_alias={py_str(wire)}"))
        args.append(Expr(f"serialization_alias={py_str(wire)}"))
    if description:
        args.append(Expr(f"description={py_str(description)}"))
    value: Call | Expr | None
    if name != wire or description:
        value = Call("FieldInfo", tuple(args))
    else:
        value = None if required else Expr("None")
    return FieldPlan(name, wire, annotation, value)


def plan_alias(registry: SchemaRegistry, name: str) -> ModelPlan:
    """The plan of a type alias module (a component schema that is no model)."""
    class_name, module = registry.alias_names_of(name)
    expr = open_enums(registry.alias_expr(name).annotation())
    schema = registry.components[name]
    doc = clean_text(schema.get("description")) or clean_text(schema.get("title")) or f"The {name} schema."
    runtime = expr.imports() | {Import("__future__", "annotations"), Import("typing", "TypeAlias")}
    runtime |= {Import(f".{m.module}", m.class_name) for m in expr.model_refs()}
    return ModelPlan(
        class_name=class_name,
        module_name=module,
        docstring=docstring_body(doc),
        kind="alias",
        alias_expr=expr,
        imports=imports(runtime, by_name=True),
    )
