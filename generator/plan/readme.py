"""What the generated README shows, decided from the plan: real calls of the spec, its auth schemes.

The README's examples are real operations with their real argument names and values of the
arguments' types, so a user can paste them (the tests type-check and run them). Templates
(templates/package/readme/*.md.jinja, one per section) only place these values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.plan.code import LiteralType, ModelRef, TypeExpr, Union
from generator.plan.docstrings import one_line
from generator.plan.names import as_dict, py_str
from generator.plan.package_plan import AuthCasePlan, ModelPlan, OperationPlan, ResourcePlan

_SCALARS = {"int": "1", "str": py_str("example"), "bool": "True", "float": "1.0"}


@dataclass(frozen=True)
class ExampleCall:
    """`client.<attribute>.<method>(<arguments>)` of one real operation."""

    attribute: str
    method_name: str
    arguments: str  # source text, e.g. `1` or `1, select="name"`
    http_line: str  # `GET /api/v1/Contact/{id}`
    summary: str  # one line (may be empty)

    @property
    def call(self) -> str:
        return f"{self.attribute}.{self.method_name}({self.arguments})"

    def call_with(self, extra: str) -> str:
        """The call with further keyword arguments (`timeout=5`)."""
        return f"{self.attribute}.{self.method_name}({self.arguments + ', ' if self.arguments else ''}{extra})"

    @property
    def raw_call(self) -> str:
        return f"{self.attribute}.with_raw_response.{self.method_name}({self.arguments})"


@dataclass(frozen=True)
class AuthExample:
    scheme: str  # the security scheme's name in the spec
    description: str  # one line of the scheme's description (may be empty)
    class_name: str
    expression: str  # Python source building the auth object


@dataclass(frozen=True)
class PatchExample:
    """A JSON Patch call of the spec: `client.<attribute>.<method>(<leading>[ops])`."""

    attribute: str
    method_name: str
    leading: str  # source text of the arguments before the patch (`1, ` or empty)
    operation_model: str  # the JSON Patch operation model (`PatchOperation`)
    target: str | None  # the model whose fields the patch names (merge-patch model, else the answer)
    merge: bool  # the same argument takes a merge patch (a model or a dict)
    field_name: str  # a text field of `target`: Python name ...
    field_wire: str  # ... and wire name

    @property
    def call(self) -> str:
        return f"{self.attribute}.{self.method_name}({self.leading}"


@dataclass(frozen=True)
class ReadmePlan:
    example: ExampleCall | None  # the call the README's examples make
    conditional_get: ExampleCall | None  # a GET taking if_modified_since
    conditional_put: ExampleCall | None  # a PUT/PATCH taking if_unmodified_since
    auth: tuple[AuthExample, ...]  # one per security scheme the spec declares (and the SDK supports)
    has_patch: bool  # some operation is a PATCH (the patches section)
    operation_count: int
    patch: PatchExample | None = None  # a JSON Patch call, when the spec has one


def _value(annotation: TypeExpr, allow_body: bool) -> str | None:
    """Source text of a value of `annotation`, or None when no simple one exists."""
    text = annotation.render()
    if text in _SCALARS:
        return _SCALARS[text]
    if isinstance(annotation, LiteralType) and annotation.values:
        value = annotation.values[0]
        return py_str(value) if isinstance(value, str) else repr(value)
    if allow_body and isinstance(annotation, Union) and any(isinstance(m, ModelRef) for m in annotation.members):
        if any(m.render().startswith("Mapping[") for m in annotation.members):
            return "{}"
    return None


def _arguments(op: OperationPlan, allow_body: bool) -> str | None:
    parts: list[str] = []
    for p in op.positional:
        value = _value(p.annotation, allow_body)
        if value is None:
            return None
        parts.append(value)
    for p in op.keyword:
        if p.default_expr is None:
            value = _value(p.annotation, allow_body)
            if value is None:
                return None
            parts.append(f"{p.name}={value}")
    return ", ".join(parts)


def _example(resource: ResourcePlan, op: OperationPlan, allow_body: bool) -> ExampleCall | None:
    arguments = _arguments(op, allow_body)
    if arguments is None:
        return None
    return ExampleCall(resource.attribute, op.method_name, arguments, op.http_line, op.summary)


def _candidates(resources: Iterable[ResourcePlan]) -> list[tuple[ResourcePlan, OperationPlan]]:
    return [(r, op) for r in resources for op in r.operations if not op.variant and not op.deprecated]


def _first(
    found: list[tuple[ResourcePlan, OperationPlan]], allow_body: bool, wanted: object = None
) -> ExampleCall | None:
    for resource, op in found:
        if wanted is None or any(p.wire_name == wanted for p in op.keyword):
            example = _example(resource, op, allow_body)
            if example is not None:
                return example
    return None


def _main_example(found: list[tuple[ResourcePlan, OperationPlan]]) -> ExampleCall | None:
    """A GET of a model by a path parameter reads best; else any call with simple arguments."""

    def plain_get(op: OperationPlan) -> bool:
        return op.http_method == "GET" and op.call is None and bool(op.return_annotation.model_refs())

    gets = [c for c in found if plain_get(c[1])]
    # `get_x(1)` of one model shows more than a list or a call without arguments.
    by_path = sorted((c for c in gets if c[1].positional), key=lambda c: not isinstance(c[1].cast_to, ModelRef))
    return _first(by_path, False) or _first(gets, False) or _first(found, False) or _first(found, True)


def _scheme_text(scheme: dict[str, object]) -> str:
    """The scheme's description, else what its type says (`an OAuth2 access token`)."""
    said = one_line(scheme.get("description"))
    if said:
        return said
    kind, http = str(scheme.get("type", "")).lower(), str(scheme.get("scheme", "")).lower()
    if kind == "apikey":
        return f"an API key in the {scheme.get('in', 'header')} `{scheme.get('name', '')}`"
    if kind == "http":
        return "user name and password" if http == "basic" else f"a {http or 'bearer'} token"
    return {"oauth2": "an OAuth2 access token", "openidconnect": "an OpenID Connect access token"}.get(kind, "")


def _auth(cases: Iterable[AuthCasePlan], schemes: dict[str, object]) -> tuple[AuthExample, ...]:
    return tuple(
        AuthExample(c.scheme, _scheme_text(as_dict(schemes.get(c.scheme))), c.import_name, c.auth_expr) for c in cases
    )


def _text_field(model: ModelPlan | None) -> tuple[str, str]:
    for f in model.fields if model else ():
        if f.annotation.render().startswith("str"):
            return f.name, f.wire_name
    return "name", "Name"


def _patch_example(
    found: list[tuple[ResourcePlan, OperationPlan]], models: tuple[ModelPlan, ...]
) -> PatchExample | None:
    """The first call whose body takes JSON Patch operation models, with simple leading arguments."""
    operation_models = {m.class_name for m in models if "JsonPatchOperation" in m.bases}
    by_name = {m.class_name: m for m in models}
    for resource, op in found:
        leading: list[str] = []
        for p in op.positional:
            named = p.annotation.models() & operation_models
            if p.location == "body" and named:
                patch_model = sorted(named)[0]
                others = sorted(p.annotation.models() - {patch_model, patch_model + "Dict"})
                returned = sorted(op.return_annotation.models())
                target = others[0] if others else (returned[0] if returned else None)
                name, wire = _text_field(by_name.get(target or ""))
                text = "".join(v + ", " for v in leading)
                return PatchExample(
                    resource.attribute, op.method_name, text, patch_model, target, bool(others), name, wire
                )
            value = _value(p.annotation, False)
            if value is None:
                break
            leading.append(value)
    return None


def plan_readme(
    resources: tuple[ResourcePlan, ...],
    auth_cases: Iterable[AuthCasePlan],
    schemes: dict[str, object],
    models: tuple[ModelPlan, ...] = (),
) -> ReadmePlan:
    found = _candidates(resources)
    return ReadmePlan(
        example=_main_example(found),
        conditional_get=_first(found, True, "If-Modified-Since"),
        conditional_put=_first(found, True, "If-Unmodified-Since"),
        auth=_auth(auth_cases, schemes),
        has_patch=any(op.http_method == "PATCH" for _, op in found),
        operation_count=sum(len(r.operations) for r in resources),
        patch=_patch_example(found, models),
    )
