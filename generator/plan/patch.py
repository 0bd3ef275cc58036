"""JSON Patch (RFC 6902) and JSON Merge Patch (RFC 7396) bodies, typed for users.

A schema is a JSON Patch operation when its properties are RFC 6902's (`op` and `path`, with
`value` and `from` optional). Its model then

- types `op` as the `Literal` of the operations the spec declares (an `enum` on `op`), or of
  RFC 6902's six when it declares none;
- gets the runtime's `JsonPatchOperation` base (`PatchOperation.replace("department", "Sales",
  model=ContactEntity)`, `PatchOperation.replace_fields(...)`, see `templates/runtime/_patch.py`);
- has a TypedDict twin `<Model>Dict` (own module under models/), so a body typed
  `Sequence[PatchOperation | PatchOperationDict]` takes models and plain dicts alike.

A body in `application/json-patch+json` whose items are not such a model is typed with the
RFC's six operations (`JsonPatchOperationDict`, generated the same way).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.plan.code import (
    ANY,
    STR,
    Import,
    LiteralType,
    ModelRef,
    Name,
    Subscript,
    TypeExpr,
    imports,
)
from generator.plan.names import docstring_body, py_str
from generator.plan.package_plan import FieldPlan, ModelPlan

if TYPE_CHECKING:
    from generator.plan.models import SchemaRegistry

RFC6902_OPS = ("add", "remove", "replace", "move", "copy", "test")
_PATCH_KEYS = frozenset({"op", "path", "value", "from"})
JSON_PATCH_MEDIA = "application/json-patch+json"
MERGE_PATCH_MEDIA = "application/merge-patch+json"
MIXIN = "JsonPatchOperation"
MIXIN_IMPORT = Import(".._patch", MIXIN)
NOT_REQUIRED = Name("NotRequired", "typing_extensions")
TYPED_DICT = Name("TypedDict", "typing")


class PatchTypes:
    """Which models are JSON Patch operations, and their TypedDict twins (named on first use)."""

    def __init__(self, registry: SchemaRegistry) -> None:
        self.registry = registry
        self._dicts: dict[tuple[str, str], tuple[ModelRef, tuple[str, ...], tuple[str, ...]]] = {}

    def is_operation(self, schema: object) -> bool:
        props, _ = self.registry.merged_properties(self.registry.deref(schema))
        return {"op", "path"} <= props.keys() <= _PATCH_KEYS

    def ops(self, schema: object) -> tuple[str, ...]:
        """The operations the spec declares on `op` (its `enum`), else RFC 6902's six."""
        props, _ = self.registry.merged_properties(self.registry.deref(schema))
        declared = self.registry.deref(props.get("op")).get("enum")
        if isinstance(declared, list):
            ops = tuple(dict.fromkeys(v for v in declared if isinstance(v, str)))
            if ops:
                return ops
        return RFC6902_OPS

    def op_type(self, schema: object) -> LiteralType:
        return LiteralType(self.ops(schema))

    def dict_ref(self, model: ModelRef, schema: object) -> ModelRef:
        """The TypedDict twin of patch-operation model `model` (named `<Model>Dict`)."""
        key = (model.class_name, model.module)
        found = self._dicts.get(key)
        if found is None:
            props, _ = self.registry.merged_properties(self.registry.deref(schema))
            ref = self.registry.allocate_extra(model.class_name + "Dict")
            found = self._dicts[key] = (ref, self.ops(schema), tuple(props))
        return found[0]

    def generic_dict_ref(self) -> ModelRef:
        """`JsonPatchOperationDict`: RFC 6902's operations, for patch bodies without a model."""
        key = ("", "")
        found = self._dicts.get(key)
        if found is None:
            ref = self.registry.allocate_extra("JsonPatchOperationDict")
            found = self._dicts[key] = (ref, RFC6902_OPS, ("op", "path", "value", "from"))
        return found[0]

    def plan_dicts(self) -> list[ModelPlan]:
        return [_typed_dict(ref, ops, keys) for ref, ops, keys in self._dicts.values()]


def _typed_dict(ref: ModelRef, ops: tuple[str, ...], keys: tuple[str, ...]) -> ModelPlan:
    """`X = TypedDict("X", {"op": Literal[...], "path": str, "value": NotRequired[Any]})`.

    The functional form, since `from` (RFC 6902's move/copy source) is a Python keyword.
    Field names hold the quoted keys (the template writes them as dict keys).
    """
    types: dict[str, TypeExpr] = {
        "op": LiteralType(ops),
        "path": STR,
        "value": Subscript(NOT_REQUIRED, (ANY,)),
        "from": Subscript(NOT_REQUIRED, (STR,)),
    }
    fields = tuple(
        FieldPlan(py_str(key), key, types[key], None) for key in ("op", "path", "value", "from") if key in keys
    )
    needed = {i for f in fields for i in f.annotation.imports()} | {Import(TYPED_DICT.module, TYPED_DICT.name)}
    return ModelPlan(
        class_name=ref.class_name,
        module_name=ref.module,
        docstring=docstring_body(
            "One JSON Patch (RFC 6902) operation as a plain dict, e.g. "
            '`{"op": "replace", "path": "/Name", "value": "X"}`.'
        ),
        kind="typeddict",
        fields=fields,
        imports=imports(needed),
    )


def merge_target(spec: dict[str, Any], registry: SchemaRegistry, path: str, op: dict[str, Any]) -> ModelRef | None:
    """The model a merge-patch document of `op` mirrors (RFC 7396: the target resource).

    The body model of the same path's PUT, else the operation's own success response model.
    """
    item = registry.deref(registry.deref(spec.get("paths")).get(path))
    put = registry.deref(item.get("put"))
    for candidate in (_json_schema(registry, put.get("requestBody")), _success_schema(registry, op)):
        ref = registry.model_ref(candidate)
        if ref is not None:
            return ref
    return None


def _json_schema(registry: SchemaRegistry, holder: object) -> object:
    content = registry.deref(holder).get("content")
    if not isinstance(content, dict):
        return None
    for media, entry in content.items():
        if isinstance(media, str) and "json" in media and isinstance(entry, dict):
            return entry.get("schema")
    return None


def _success_schema(registry: SchemaRegistry, op: dict[str, Any]) -> object:
    responses = op.get("responses")
    if not isinstance(responses, dict):
        return None
    for status, response in sorted(responses.items(), key=lambda item: str(item[0])):
        if str(status).startswith("2"):
            return _json_schema(registry, response)
    return None
