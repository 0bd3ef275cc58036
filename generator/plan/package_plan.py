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
from generator.jsontext import indented
from generator.openapi import OperationRef, wire_path
from generator.plan.code import (
    Argument,
    Call,
    Dict,
    Expr,
    Import,
    ImportBlock,
    Name,
    TypeExpr,
    Union,
    imports,
    swap_names,
)
from generator.plan.names import py_str

if TYPE_CHECKING:
    from generator.plan.auth import AuthPlan
    from generator.plan.distribution import DistributionPlan
    from generator.plan.errors import ErrorFieldsPlan
    from generator.plan.readme import ReadmePlan
    from generator.profiles.base import ProfilePlan


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
    bases: tuple[str, ...] = ("BaseModel",)  # a profile may put mixins first (generator/profiles)

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
    location: str  # "path" | "query" | "header" | "cookie" | "body" | "body_field" | "form_field" | "multipart_field"
    description: str  # escaped for a docstring (may be empty)
    deprecated: bool = False  # the method warns when a value is passed


@dataclass(frozen=True)
class CallPlan:
    """A profile's replacement for `self._client.request(...)` (see generator/profiles/base.py).

    The method calls `function(self._client, <the same arguments>)` (`async_function` in the
    async class); the async return annotation is the sync one with `async_names` swapped in.
    """

    function: str
    async_function: str
    imports: ImportBlock = field(default_factory=ImportBlock)  # inside the method body
    # Names of the return annotation that the resource module imports for type checkers only.
    type_checking_imports: frozenset[Import] = frozenset()
    async_names: tuple[tuple[str, Name], ...] = ()  # (sync name, async name) in the annotation


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
    call: CallPlan | None = None  # set by a profile; None: `self._client.request(...)`
    # The spec operation this method calls (its test cases are built from it), by identity.
    source: OperationRef | None = field(default=None, compare=False, repr=False)
    variant: bool = False  # an `x-sdkgen-variants` entry of `source` (no test cases of its own)
    summary: str = ""  # one line of plain text (api.md); the docstring has the whole text

    @property
    def http_line(self) -> str:
        """`POST /api/v1/...`, as the docstring and api.md show it."""
        return f"{self.http_method} {self.path}"

    @property
    def signature(self) -> str:
        """`(id: int, *, select: str | None = None) -> Contact`: the API's own arguments (api.md)."""
        parts = [p.name + ": " + str(p.annotation) for p in self.positional]
        if self.keyword:
            parts.append("*")
        parts += [
            f"{p.name}: {p.annotation}" + ("" if p.default_expr is None else f" = {p.default_expr}")
            for p in self.keyword
        ]
        return f"({', '.join(parts)}) -> {self.return_annotation}"

    def returns(self, is_async: bool) -> TypeExpr:
        if not (is_async and self.call):
            return self.return_annotation
        return swap_names(self.return_annotation, dict(self.call.async_names))

    def callee(self, is_async: bool) -> str:
        if self.call is None:
            return "self._client.request"
        return self.call.async_function if is_async else self.call.function

    @property
    def body_imports(self) -> ImportBlock:
        """The lazy model imports and what the profile's call needs, inside the method body."""
        extra = self.call.imports.imports if self.call else frozenset()
        return imports(self.lazy_imports.imports, extra, by_name=True)

    @property
    def path_literal(self) -> str:
        return py_str(wire_path(self.path))

    @property
    def cast_to(self) -> TypeExpr:
        return next(v for k, v in self.request_kwargs if k == "cast_to" and isinstance(v, TypeExpr))

    @property
    def binds_result(self) -> bool:
        """Whether an async method binds the awaited call to an annotated variable first: mypy cannot
        solve an awaited TypeForm of a union of 3+ types (no-any-return) otherwise."""
        return isinstance(self.return_annotation, Union) and not self.awaits_none

    @property
    def awaits_none(self) -> bool:
        """A no-content answer documented to send 304 too (`-> None | NotModified`): the awaited
        `request(cast_to=None)` is typed None, whose value mypy refuses to use in a return whose
        annotation is not plain None (func-returns-value), though at run time it is NotModified
        on a 304. The async method's return line carries an ignore for exactly that code."""
        if not isinstance(self.return_annotation, Union):
            return False
        cast = next((v for k, v in self.request_kwargs if k == "cast_to"), None)
        return isinstance(cast, TypeExpr) and cast.render() == "None"


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
    summary: str = ""  # the first paragraph of the description, one line of plain text (api.md)


@dataclass(frozen=True)
class ClientOptionPlan:
    name: str  # constructor argument
    header_literal: str  # header name as a Python string literal
    header_doc: str  # header name escaped for a docstring
    description: str


@dataclass(frozen=True)
class ServerVariablePlan:
    name: str  # constructor argument
    wire_literal: str  # `{name}` in the server URL, as a string literal
    default_literal: str  # the variable's default, as a string literal
    annotation: str  # `str`, or a `Literal[...]` of the values its `enum` allows
    doc: str  # its description (and allowed values) for the docstring


# -- the generated test suite (generator/plan/samples.py) ---------------------------------------


@dataclass(frozen=True)
class CasePlan:
    """One documented exchange, replayed by the generated test of its resource."""

    case_id: str
    method_name: str
    http_method: str
    skip_reason: str | None  # None -> the test runs
    data: dict[str, Any]  # JSON-able: call, request, response, expect (see templates/package/tests/conftest)
    documents_statuses: tuple[str, ...] = ()  # response codes the operation documents
    # Document examples the case could not use: (JSON pointer, diagnostic code, message).
    warnings: tuple[tuple[str, str, str], ...] = ()

    @property
    def skip_literal(self) -> str:
        return py_str(self.skip_reason or "")


@dataclass(frozen=True)
class ResourceTestPlan:
    module_name: str  # the resource module; the test module is test_<module_name>.py
    attribute: str  # client attribute of the resource
    class_name: str
    cases: tuple[CasePlan, ...]  # sampled operations only, in resource order

    @property
    def data_json(self) -> str:
        payload = {case.case_id: case.data for case in self.cases}
        return indented(payload) + "\n"

    @property
    def module_literal(self) -> str:
        return py_str(self.module_name)


@dataclass(frozen=True)
class PickedCase:
    """A real operation chosen for a runtime error-path test."""

    module_name: str
    case_id: str
    retry_non_idempotent: bool  # the retry test must allow retries of this method

    @property
    def module_literal(self) -> str:
        return py_str(self.module_name)

    @property
    def case_literal(self) -> str:
        return py_str(self.case_id)


@dataclass(frozen=True)
class AuthCasePlan:
    scheme: str
    auth_expr: str  # Python source constructing the auth object (names from the package root)
    import_name: str  # the auth class to import from the package
    expected_headers: tuple[tuple[str, str], ...]  # (name literal, value literal)
    expected_query: tuple[tuple[str, str], ...]

    @property
    def scheme_literal(self) -> str:
        return py_str(self.scheme)


@dataclass(frozen=True)
class SampleCounts:
    operations: int = 0
    with_samples: int = 0  # operations with at least one x-samples entry
    with_response_sample: int = 0
    cases: int = 0
    skipped: int = 0
    response_compared: int = 0  # cases whose typed result is compared with a documented body
    example_cases: int = 0  # cases of operations without samples that replay document examples
    placeholder_cases: int = 0  # cases of operations without samples or examples (placeholders)
    skip_reasons: dict[str, int] = field(default_factory=dict)  # reason kind -> count


@dataclass(frozen=True)
class TestSuitePlan:
    resources: tuple[ResourceTestPlan, ...]
    spec_json: str  # the OpenAPI document, shipped as tests/openapi.json (Prism serves it)
    picks: dict[str, PickedCase]  # "not_found", "retry", "timeout", "no_content", "not_modified"
    auth_cases: tuple[AuthCasePlan, ...]
    counts: SampleCounts
    extra_cases: tuple[ResourceTestPlan, ...] = ()  # resources whose picked cases have no samples
    # Document examples that contradict their schemas: (JSON pointer, code, message), once each.
    warnings: tuple[tuple[str, str, str], ...] = ()

    @property
    def operation_cases(self) -> int:
        """Cases that run (not skipped), over every resource."""
        return sum(c.skip_reason is None for r in self.resources for c in r.cases)

    @property
    def has_runtime_tests(self) -> bool:
        return bool(self.picks)

    @property
    def auth_header_names(self) -> str:
        """`{"authorization", "x-api-key"}`: every header a declared scheme sets (lower case), as a set literal."""
        import ast

        names = sorted(
            {str(ast.literal_eval(name)).lower() for case in self.auth_cases for name, _ in case.expected_headers}
        )
        return "{" + ", ".join(py_str(n) for n in names) + "}" if names else "set()"


# -- the package ------------------------------------------------------------------------------


def _empty_auth() -> AuthPlan:
    from generator.plan.auth import AuthPlan

    return AuthPlan()


def _generic_errors() -> ErrorFieldsPlan:
    from generator.plan.errors import GENERIC

    return GENERIC


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
    # The first server's URL template when every variable has a default (base_url then optional).
    server_url_literal: str | None = None
    server_variables: tuple[ServerVariablePlan, ...] = ()

    profile: ProfilePlan | None = None  # an API's conventions (generator/profiles); None for most
    distribution: DistributionPlan | None = None  # pyproject metadata (generator/plan/distribution.py)
    auth: AuthPlan = field(default_factory=lambda: _empty_auth())  # declared security schemes (plan/auth.py)
    errors: ErrorFieldsPlan = field(default_factory=lambda: _generic_errors())  # error-body fields (plan/errors.py)
    readme: ReadmePlan | None = None  # the README's examples and auth schemes (plan/readme.py)

    @property
    def client_typing_names(self) -> tuple[str, ...]:
        """What `_client.py` imports from `typing` (Literal only for enumerated server variables)."""
        literal = any(v.annotation.startswith("Literal[") for v in self.server_variables)
        return ("TYPE_CHECKING", "Any", "Generic", *(("Literal",) if literal else ()), "TypeVar", "overload")

    @property
    def operation_count(self) -> int:
        return sum(len(resource.operations) for resource in self.resources)

    def client_bases(self, is_async: bool) -> str:
        base = "AsyncAPIClient" if is_async else "SyncAPIClient"
        extra = self.profile.client_bases[1 if is_async else 0] if self.profile else ""
        return f"{extra}, {base}" if extra else base
