"""Which edits of a document stay local: they change the text of docstrings and api.md lines,
never a name, a type, an import, a test case or a diagnostic.

The reference's prose (an operation's `summary`/`description`, a parameter's, a request body's
or a response's `description`, a schema's `description`) reaches the plan only as text: method
and model docstrings, `OperationPlan.summary` (api.md), `ParamPlan.description`, a field's
`FieldInfo(description=...)`. `local_view` blanks exactly those strings (keeping whether each one
is empty, which the plan does read), so two versions of a fragment with equal views differ in
prose alone, and the plan of everything that reads the fragment differs only in the fields
`op_shape` / `model_shape` leave out. tests/test_incremental_delta.py checks both claims on whole
documents: perturbing every such string changes nothing else of the plan or the package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from generator.openapi import HTTP_METHODS
from generator.plan.names import clean_text
from generator.plan.package_plan import ModelPlan, OperationPlan

_PROSE = ("summary", "description")
# Schema keywords whose value is a schema, a list of schemas or a map of schemas (as plan/checks.py).
_SUBSCHEMA = frozenset({"items", "additionalProperties", "not", "if", "then", "else", "contains"})
_SUBSCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_SUBSCHEMA_MAPS = frozenset({"properties", "patternProperties", "dependentSchemas", "$defs"})


def _marker(text: str) -> str:
    """What the plan reads of a prose string besides its text: whether it is empty (raw or cleaned)."""
    return "" if not text else ("x" if clean_text(text) else " ")


Mark = Callable[[str], str]


def _blank(node: dict[str, Any], keys: tuple[str, ...], mark: Mark) -> dict[str, Any]:
    out = dict(node)
    for key in keys:
        value = node.get(key)
        if isinstance(value, str):
            out[key] = mark(value)
    return out


def schema_view(node: object, mark: Mark = _marker) -> object:
    if not isinstance(node, dict):
        return node
    out = _blank(node, ("description",), mark)
    for key, value in node.items():
        if key in _SUBSCHEMA:
            out[key] = schema_view(value, mark)
        elif key in _SUBSCHEMA_LISTS and isinstance(value, list):
            out[key] = [schema_view(v, mark) for v in value]
        elif key in _SUBSCHEMA_MAPS and isinstance(value, dict):
            out[key] = {k: schema_view(v, mark) for k, v in value.items()}
    return out


def _content_view(node: dict[str, Any], mark: Mark) -> dict[str, Any]:
    out = _blank(node, ("description",), mark)
    content = node.get("content")
    if isinstance(content, dict):
        out["content"] = {
            media: {**entry, "schema": schema_view(entry["schema"], mark)}
            if isinstance(entry, dict) and "schema" in entry
            else entry
            for media, entry in content.items()
        }
    return out


def parameter_view(node: object, mark: Mark = _marker) -> object:
    # A client option's description is the client's docstring (package-wide): not local.
    if not isinstance(node, dict) or "$ref" in node or node.get("x-sdkgen-client-option") is True:
        return node
    out = _content_view(node, mark)
    if "schema" in node:
        out["schema"] = schema_view(node["schema"], mark)
    return out


def body_view(node: object, mark: Mark = _marker) -> object:
    return _content_view(node, mark) if isinstance(node, dict) and "$ref" not in node else node


def _parameters_view(node: dict[str, Any], out: dict[str, Any], mark: Mark) -> None:
    params = node.get("parameters")
    if isinstance(params, list):
        out["parameters"] = [parameter_view(p, mark) for p in params]


def operation_view(node: object, mark: Mark = _marker) -> object:
    if not isinstance(node, dict):
        return node
    out = _blank(node, _PROSE, mark)
    _parameters_view(node, out, mark)
    if "requestBody" in node:
        out["requestBody"] = body_view(node["requestBody"], mark)
    responses = node.get("responses")
    if isinstance(responses, dict):
        out["responses"] = {status: body_view(r, mark) for status, r in responses.items()}
    variants = node.get("x-sdkgen-variants")
    if isinstance(variants, list):
        out["x-sdkgen-variants"] = [operation_view(v, mark) for v in variants]
    return out


def path_item_view(node: object, mark: Mark = _marker) -> object:
    if not isinstance(node, dict) or "$ref" in node:
        return node
    out = _blank(node, _PROSE, mark)
    _parameters_view(node, out, mark)
    for method in HTTP_METHODS:
        if method in node:
            out[method] = operation_view(node[method], mark)
    return out


# Fragment kind (the pointer's first segments) -> its view; other fragments have no local edit.
_VIEWS: dict[str, Callable[[object, Mark], object]] = {
    "#/paths/": path_item_view,
    "#/components/pathItems/": path_item_view,
    "#/components/schemas/": schema_view,
    "#/components/parameters/": parameter_view,
    "#/components/requestBodies/": body_view,
    "#/components/responses/": body_view,
}


def local_view(pointer: str, value: object, mark: Mark = _marker) -> tuple[bool, object]:
    """(whether fragment `pointer` has a view, the fragment with its prose blanked, or with `mark`
    applied to each prose string: the tests perturb them that way)."""
    for prefix, view in _VIEWS.items():
        if pointer.startswith(prefix) and "/" not in pointer[len(prefix) :]:
            return True, view(value, mark)
    return False, value


def is_schema_pointer(pointer: str) -> bool:
    prefix = "#/components/schemas/"
    return pointer.startswith(prefix) and "/" not in pointer[len(prefix) :]


def op_shape(op: OperationPlan) -> str:
    """Everything of a method's plan but its prose (docstring, api.md summary, argument texts)."""
    bare = replace(
        op,
        docstring="",
        summary="",
        positional=tuple(replace(p, description="") for p in op.positional),
        keyword=tuple(replace(p, description="") for p in op.keyword),
    )
    return repr(bare)


def model_shape(model: ModelPlan) -> str:
    """Everything of a model's plan that another module or api.md reads: names, kind, field
    names and types, links, bases (its docstring, field descriptions and imports are its own)."""
    fields = tuple((f.name, f.wire_name, repr(f.annotation)) for f in model.fields)
    names = (model.class_name, model.module_name, model.kind, repr(model.alias_expr), model.bases)
    return repr((names, fields, model.links, model.type_checking_imports))
