"""The PackagePlan: everything the templates need, already decided.

Names are valid, unique identifiers; strings named `*_literal` are finished Python literals
(repr escaping, black's quotes); `docstring` is the escaped body of a triple-quoted string.
Type annotations, imports and call arguments are structured values (generator/plan/code.py)
that render themselves as one line of Python; templates only place them, black lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Diagnostic
from generator.openapi import OperationRef
from generator.plan.code import Argument, Call, Dict, Expr, ImportBlock, TypeExpr
from generator.plan.names import py_str

if TYPE_CHECKING:
    from generator.plan.samples import TestSuitePlan


@dataclass(frozen=True)
class FieldPlan:
    name: str  # python attribute
    wire_name: str
    annotation: TypeExpr
    value_expr: Call | Expr | None  # right-hand side (`None`, `Field(...)`) or None for a bare annotation


@dataclass(frozen=True)
class ModelPlan:
    """One component schema (or inline object) -> one module with one class or type alias."""

    class_name: str
    module_name: str  # file stem under models/
    docstring: str
    kind: str  # "model" | "alias"
    fields: tuple[FieldPlan, ...] = ()
    alias_expr: TypeExpr | None = None  # kind == "alias": the type expression
    imports: ImportBlock = field(default_factory=ImportBlock)  # needed at runtime
    type_checking_imports: ImportBlock = field(default_factory=ImportBlock)  # models, for type checkers only
    links: tuple[tuple[str, str], ...] = ()  # (class name, module stem) resolved lazily at runtime

    @property
    def link_statement(self) -> Call:
        """`link(ClassName, {"Name": "module", ...})`."""
        return Call("link", (Expr(self.class_name), Dict(self.links)))


@dataclass(frozen=True)
class ParamPlan:
    name: str  # python argument name
    wire_name: str
    annotation: TypeExpr
    default_expr: str | None  # None -> required
    location: str  # "path" | "query" | "header" | "body" | "body_field"
    description: str  # escaped for a docstring (may be empty)


@dataclass(frozen=True)
class OperationPlan:
    method_name: str
    http_method: str  # upper case
    path: str  # the path template as in the spec
    docstring: str
    positional: tuple[ParamPlan, ...]  # path params, then a required body
    keyword: tuple[ParamPlan, ...]  # keyword-only arguments (before `options`)
    return_annotation: TypeExpr
    request_kwargs: tuple[tuple[str, Argument], ...]  # (keyword, value) passed to request()
    lazy_imports: ImportBlock  # the models the response is constructed into, imported in the body
    deprecated: bool = False
    # The spec operation this method calls (its test cases are built from it), by identity.
    source: OperationRef | None = field(default=None, compare=False, repr=False)
    operation: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)  # own or variant's
    variant: bool = False  # an `x-sdkgen-variants` entry of `source` (no test cases of its own)

    @property
    def path_literal(self) -> str:
        return py_str(self.path)

    @property
    def cast_to(self) -> TypeExpr:
        return next(v for k, v in self.request_kwargs if k == "cast_to" and isinstance(v, TypeExpr))


@dataclass(frozen=True)
class ResourcePlan:
    tag: str
    module_name: str
    class_name: str
    async_class_name: str
    attribute: str  # client attribute
    docstring: str
    operations: tuple[OperationPlan, ...]
    imports: ImportBlock  # needed at runtime
    type_checking_imports: ImportBlock  # models and runtime types named in annotations only
    raw_class_name: str = ""  # `<Class>WithRawResponse`: the methods returning APIResponse
    async_raw_class_name: str = ""


@dataclass(frozen=True)
class ClientOptionPlan:
    name: str  # constructor argument
    header_literal: str  # header name as a Python string literal
    header_doc: str  # header name escaped for a docstring
    description: str


@dataclass(frozen=True)
class PackagePlan:
    package_name: str
    distribution_name: str
    version: str
    title: str
    description: str  # plain text for README
    docstring: str  # package docstring body (escaped)
    title_doc: str  # the API title escaped for a docstring
    client_class: str
    async_client_class: str
    base_url_default_literal: str | None  # a concrete server URL, or None (base_url required)
    strip_base_suffix_literal: str  # "None" or a string literal
    client_options: tuple[ClientOptionPlan, ...]
    models: tuple[ModelPlan, ...]
    resources: tuple[ResourcePlan, ...]
    security_schemes: dict[str, object] = field(default_factory=dict)
    exports: tuple[tuple[str, str], ...] = ()  # (public name, module) re-exported lazily by __init__
    tests: TestSuitePlan | None = None  # the generated test suite (generator/plan/samples.py)
    diagnostics: tuple[Diagnostic, ...] = ()  # what the plan approximates, at `<spec>#<pointer>`

    @property
    def operation_count(self) -> int:
        return sum(len(resource.operations) for resource in self.resources)
