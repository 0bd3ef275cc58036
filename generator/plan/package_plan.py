"""The PackagePlan: everything the templates need, already decided.

Strings named `*_literal` or `*_expr` are finished Python source (quoted with repr-style
escaping by the planner); names are valid, unique identifiers; `docstring` is the escaped
body of a triple-quoted string. Templates only place them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.plan import layout
from generator.plan.names import py_str

if TYPE_CHECKING:
    from generator.plan.samples import TestSuitePlan
    from generator.profiles.base import ProfilePlan


@dataclass(frozen=True)
class Import:
    """`from <module> import <name> as <alias>` (alias == name when not renamed)."""

    module: str
    name: str
    alias: str

    @property
    def statement(self) -> str:
        if self.alias == self.name:
            return f"from {self.module} import {self.name}"
        return f"from {self.module} import {self.name} as {self.alias}"


@dataclass(frozen=True)
class FieldPlan:
    name: str  # python attribute
    wire_name: str
    annotation: str
    value_expr: str | None  # right-hand side (`None`, `Field(...)`) or None for a bare annotation


@dataclass(frozen=True)
class ModelPlan:
    """One component schema (or inline object) -> one module with one class or type alias."""

    class_name: str
    module_name: str  # file stem under models/
    docstring: str
    kind: str  # "model" | "alias"
    fields: tuple[FieldPlan, ...] = ()
    alias_expr: str = ""  # kind == "alias": the type expression
    imports: tuple[str, ...] = ()  # import statements needed at runtime
    type_checking_imports: tuple[str, ...] = ()  # model imports for type checkers only
    links: tuple[tuple[str, str], ...] = ()  # (class name, module stem) resolved lazily at runtime
    bases: tuple[str, ...] = ("BaseModel",)  # a profile may put mixins first (generator/profiles)

    @property
    def link_statement(self) -> str:
        """`link(ClassName, {"Name": "module", ...})`, laid out for black."""
        entries = [(py_str(c), py_str(m)) for c, m in self.links]
        return layout.call_with_mapping("link", self.class_name, entries)


@dataclass(frozen=True)
class ParamPlan:
    name: str  # python argument name
    wire_name: str
    annotation: str
    default_expr: str | None  # None -> required
    location: str  # "path" | "query" | "header" | "body" | "body_field"
    description: str  # escaped for a docstring (may be empty)


@dataclass(frozen=True)
class CallPlan:
    """A profile's replacement for `self._client.request(...)` (see generator/profiles/base.py).

    The method calls `function(self._client, <the same arguments>)` (`async_function` in the
    async class); the async return annotation is the sync one with `async_names` swapped in.
    """

    function: str
    async_function: str
    imports: tuple[str, ...] = ()  # statements inside the method body
    type_checking_imports: tuple[str, ...] = ()  # module level, for the return annotation
    async_names: tuple[tuple[str, str], ...] = ()  # (sync name, async name) in the annotation


@dataclass(frozen=True)
class OperationPlan:
    method_name: str
    http_method: str  # upper case
    path_literal: str
    docstring: str
    positional: tuple[ParamPlan, ...]  # path params, then a required body
    keyword: tuple[ParamPlan, ...]  # keyword-only arguments (before `options`)
    return_annotation: str
    request_kwargs: tuple[tuple[str, str], ...]  # (keyword, python expression) passed to request()
    lazy_imports: tuple[str, ...]  # import statements inside the method body
    deprecated: bool = False
    call: CallPlan | None = None  # set by a profile; None: `self._client.request(...)`

    def returns(self, is_async: bool) -> str:
        if not (is_async and self.call):
            return self.return_annotation
        names = dict(self.call.async_names)
        return re.sub(r"\b\w+\b", lambda m: names.get(m.group(), m.group()), self.return_annotation)

    def callee(self, is_async: bool) -> str:
        if self.call is None:
            return "self._client.request"
        return self.call.async_function if is_async else self.call.function

    @property
    def body_imports(self) -> tuple[str, ...]:
        return self.lazy_imports + (self.call.imports if self.call else ())

    def raw_wrapper_statement(self, wrapper: str) -> str:
        """`self.<method> = <wrapper>(resource.<method>)` in a raw-response class `__init__`."""
        return layout.assign_call(f"self.{self.method_name}", wrapper, f"resource.{self.method_name}", indent=8)


@dataclass(frozen=True)
class ResourcePlan:
    tag: str
    module_name: str
    class_name: str
    async_class_name: str
    attribute: str  # client attribute
    docstring: str
    operations: tuple[OperationPlan, ...]
    imports: tuple[str, ...]  # runtime import statements (blank strings separate groups)
    type_checking_imports: tuple[str, ...]
    raw_class_name: str = ""  # `<Class>WithRawResponse`: the methods returning APIResponse
    async_raw_class_name: str = ""

    @property
    def call_type_checking_imports(self) -> tuple[str, ...]:
        """What profile calls (OperationPlan.call) need for their return annotations."""
        return tuple(sorted({line for op in self.operations if op.call for line in op.call.type_checking_imports}))


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
    profile: ProfilePlan | None = None  # an API's conventions (generator/profiles); None for most

    def client_bases(self, is_async: bool) -> str:
        base = "AsyncAPIClient" if is_async else "SyncAPIClient"
        extra = self.profile.client_bases[1 if is_async else 0] if self.profile else ""
        return f"{extra}, {base}" if extra else base
