"""Paths -> resources (one per tag) with one method per operation (see plan/methods.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Diagnostic, Severity
from generator.openapi import OperationRef, iter_operations, merge_parameters, template_variables
from generator.plan.checks import at
from generator.plan.code import NOT_GIVEN, NOT_MODIFIED, Call, Import, ImportBlock, ModelRef, Name, TypeExpr, imports
from generator.plan.docstrings import method_docstring, one_line, resource_description
from generator.plan.methods import SKIPPED_HEADERS, MethodDraft, MethodPlanner, client_option_name
from generator.plan.models import SchemaRegistry
from generator.plan.names import (
    NameAllocator,
    as_list,
    clean_text,
    docstring_body,
    pascal_case,
    py_str,
    safe_identifier,
    snake_case,
)
from generator.plan.package_plan import ClientOptionPlan, OperationPlan, ResourcePlan

if TYPE_CHECKING:
    from generator.profiles.base import Profile

_VERSION_PREFIX = re.compile(r"^v\d+[A-Za-z0-9]*_(.+)$")
# Resource attributes that generated methods must not replace.
_RESOURCE_RESERVED = frozenset({"with_raw_response", "with_streaming_response"})


@dataclass
class ResourceBuilder:
    tag: str
    operations: list[OperationPlan] = field(default_factory=list)
    method_names: NameAllocator = field(default_factory=lambda: NameAllocator(_RESOURCE_RESERVED))


def _tag_of(op: dict[str, Any]) -> str:
    tags = op.get("tags")
    return str(tags[0]) if isinstance(tags, list) and tags else "default"


def method_name_from(operation_id: object, http_method: str, path: str) -> str:
    """`v1ChatAgent_RejectChatSessionTransfer` -> `reject_chat_session_transfer`."""
    if isinstance(operation_id, str) and operation_id.strip():
        match = _VERSION_PREFIX.match(operation_id)
        name = snake_case(match.group(1) if match else operation_id)
    else:
        name = snake_case(f"{http_method} {path}")
    return safe_identifier(name, reserved=_RESOURCE_RESERVED, fallback="call")


class OperationPlanner:
    def __init__(
        self, spec: dict[str, Any], registry: SchemaRegistry, source: str = "openapi", profile: Profile | None = None
    ) -> None:
        self.spec = spec
        self.registry = registry
        self.methods = MethodPlanner(registry, profile)  # a profile adjusts each planned method
        self.source = source
        self.diagnostics: list[Diagnostic] = []
        self.resources: dict[str, ResourceBuilder] = {}
        self.client_options: dict[str, ClientOptionPlan] = {}  # by lower-case header name
        self._options_met: list[tuple[str, ClientOptionPlan]] = []  # by the method being planned

    def plan(self) -> None:
        for found in iter_operations(self.spec):
            tag = _tag_of(found.operation)
            name = self._method_name(tag, found.operation, found)
            # Pages that share this method and URL template (`x-sdkgen-variants`, see
            # generator/spec/document.py) become further methods on the same resource, listed
            # before the primary. Only the primary gets test cases (OperationPlan.variant).
            for position, variant in enumerate(as_list(found.operation.get("x-sdkgen-variants"))):
                if isinstance(variant, dict):
                    variant_name = self._method_name(tag, variant, found)
                    self._memoised_operation(found, variant, tag, variant_name, position)
            self._memoised_operation(found, found.operation, tag, name, -1)

    def _memoised_operation(self, found: OperationRef, op: dict[str, Any], tag: str, name: str, variant: int) -> None:
        """Plan one method, or reuse its plan from the memo: a method's plan is a function of its
        path item's fragment closure (with the names of the schemas in it), its place and name.
        Planning it also records the client options its headers declare (replayed on reuse); a
        method that met an inline model (named in the order met) or reported a diagnostic is
        planned every time."""
        memo = self.registry.memo
        key = None
        if memo is not None and self.registry.memo_usable:
            profile = type(self.methods.profile).__name__ if self.methods.profile is not None else ""
            key = memo.operation_key(self.registry, found, f"{variant}\0{tag}\0{name}\0{profile}\0{self.source}")
            known = memo.operation_plan(key)
            if known is not None:
                plan, options = known
                for lower, option in options:
                    self.client_options.setdefault(lower, option)
                memo.keep_operation(key, plan, options)
                self.resources[tag].operations.append(replace(plan, source=found))
                return
        before, self._options_met = self.registry.inline_uses, []
        reported = len(self.diagnostics)
        self._plan_operation(found, op, tag, name, is_variant=variant >= 0)
        # A plan that reported a problem is planned again next time, so the warning is repeated.
        unchanged = self.registry.inline_uses == before and len(self.diagnostics) == reported
        if key is not None and memo is not None and unchanged:
            memo.keep_operation(key, replace(self.resources[tag].operations[-1], source=None), tuple(self._options_met))

    def replan(
        self, found: OperationRef, op: dict[str, Any], tag: str, name: str, *, is_variant: bool
    ) -> OperationPlan:
        """One method planned on its own (an incremental build's delta, see generator/delta.py),
        under the name an earlier build gave it; the caller checks `registry.inline_uses` and
        `diagnostics` for what the plan read beyond the operation's own fragments."""
        builder = self.resources.setdefault(tag, ResourceBuilder(tag))
        self._options_met = []
        self._plan_operation(found, op, tag, name, is_variant=is_variant)
        return builder.operations.pop()

    def _method_name(self, tag: str, op: dict[str, Any], found: OperationRef) -> str:
        resource = self.resources.setdefault(tag, ResourceBuilder(tag))
        return resource.method_names.take(method_name_from(op.get("operationId"), found.method, found.path))

    def _plan_operation(
        self, found: OperationRef, op: dict[str, Any], tag: str, name: str, *, is_variant: bool
    ) -> None:
        draft = MethodDraft(hint=pascal_case(name))
        shared = found.path_item.get("parameters")
        for param in merge_parameters(self.spec, shared, op.get("parameters")):
            self._plan_parameter(draft, param, op, found)
        self._undeclared_path_parameters(draft, op, found, report=not is_variant)
        self.methods.body(draft, op, found)
        self.methods.conditional(draft, op, found.method)
        returns, cast_to = self.methods.response(draft, op)
        # Required keyword-only arguments first: reads better, and keeps defaults together.
        draft.keyword.sort(key=lambda p: p.default_expr is not None)
        plan = OperationPlan(
            method_name=name,
            http_method=found.method.upper(),
            path=found.path,
            docstring="",  # below, once the profile has had its say on the return type
            positional=tuple(draft.positional),
            keyword=tuple(draft.keyword),
            return_annotation=returns,
            request_kwargs=draft.request_kwargs(cast_to),
            lazy_imports=ImportBlock(),  # set per resource, once import aliases are known
            deprecated=op.get("deprecated") is True,
            source=found,
            variant=is_variant,
        )
        plan = self.methods.finish(draft, plan, found, op)
        params = plan.positional + plan.keyword
        doc = method_docstring(
            op, found.method, found.path, params, plan.return_annotation, self.registry.deref, draft.notes
        )
        summary = one_line(op.get("summary")) or one_line(op.get("description"))
        self.resources[tag].operations.append(replace(plan, docstring=doc, summary=summary))

    def _undeclared_path_parameters(
        self, draft: MethodDraft, op: dict[str, Any], found: OperationRef, *, report: bool
    ) -> None:
        """A `{name}` of the path template no parameter declares: a required string argument, so
        the call can fill the template (real documents forget to declare one, or declare it
        under another location)."""
        declared = {p.wire_name for p in draft.positional if p.location == "path"}
        for wire in template_variables(found.path):
            if wire in declared:
                continue
            param = {"name": wire, "in": "path", "required": True, "schema": {"type": "string"}}
            self.methods.path_parameter(draft, param, op)
            if report:
                message = f"the path template's {{{wire}}} has no path parameter; the method takes it as a string"
                where = at(self.source, found.pointer)
                self.diagnostics.append(
                    Diagnostic(where, 0, Severity.WARNING, "plan-path-parameter-undeclared", message)
                )

    def _plan_parameter(
        self, draft: MethodDraft, param: dict[str, Any], op: dict[str, Any], found: OperationRef
    ) -> None:
        wire, location = str(param["name"]), str(param["in"])
        if location == "header" and param.get("x-sdkgen-client-option") is True:
            self._client_option(param)
        elif location == "cookie":
            self.methods.cookie_parameter(draft, param)
        elif location == "header" and wire.lower() not in SKIPPED_HEADERS:
            self.methods.header_parameter(draft, param)
        elif location == "path":
            self.methods.path_parameter(draft, param, op)
        elif location == "query":
            self.methods.query_parameter(draft, param)
        if param.get("deprecated") is True and location != "path" and draft.keyword:
            if draft.keyword[-1].wire_name == wire:
                draft.keyword[-1] = replace(draft.keyword[-1], deprecated=True)

    def _client_option(self, param: dict[str, Any]) -> None:
        wire = str(param["name"])
        option = ClientOptionPlan(
            name=client_option_name(wire, param.get("x-sdkgen-python-name")),
            header_literal=py_str(wire),
            header_doc=docstring_body(wire),
            description=docstring_body(clean_text(param.get("description"))),
        )
        self._options_met.append((wire.lower(), option))
        self.client_options.setdefault(wire.lower(), option)


def build_resources(
    planner: OperationPlanner,
    reserved_attrs: frozenset[str],
    client_classes: frozenset[str] = frozenset(),
    client_module_names: frozenset[str] = frozenset(),
) -> list[ResourcePlan]:
    """Name resource modules/classes/attributes and compute their imports.

    `client_classes` are the client's names, which `_client.py` imports alongside the resources;
    `client_module_names` the other names it imports (a resource class gets a `Resource` suffix
    rather than shadow one).
    """
    modules = NameAllocator({"__init__"})
    base_names = {"SyncAPIResource", "AsyncAPIResource", "SyncAPIClient", "AsyncAPIClient"}
    classes = NameAllocator(base_names | client_classes, separator="")
    attrs = NameAllocator(reserved_attrs)
    result: list[ResourcePlan] = []
    for tag in sorted(planner.resources, key=lambda t: (snake_case(t), t)):
        builder = planner.resources[tag]
        stem = safe_identifier(snake_case(tag), fallback="resource")
        module = modules.take(stem)
        base_class = pascal_case(tag) or "Resource"
        if not base_class[0].isalpha():
            base_class = "Resource" + base_class
        if base_class in client_module_names:  # a tag `hooks` or `timeout`: _client.py imports those
            base_class += "Resource"
        # tags `true`, `none`: `True`/`None` are keywords, not class names
        class_name = classes.take(safe_identifier(base_class, fallback="Resource"))
        async_name = classes.take("Async" + class_name)
        raw_name = classes.take(class_name + "WithRawResponse")
        async_raw_name = classes.take(async_name + "WithRawResponse")
        attribute = attrs.take(safe_identifier(snake_case(tag), reserved=reserved_attrs, fallback="resource"))
        # Models imported by name in this module; rename those that clash with our own names.
        local_names = {
            class_name,
            async_name,
            raw_name,
            async_raw_name,
            "SyncAPIResource",
            "AsyncAPIResource",
            "cached_property",
            "to_raw_response_wrapper",
            "async_to_raw_response_wrapper",
        }
        annotations = [t for op in builder.operations for t in _annotations(op)]
        models = {(m.class_name, m.module) for t in annotations for m in t.model_refs()}
        aliases = {c: c + "Model" if c in local_names else c for c, _ in models}
        # NotModified only where a return type names it (pyright strict flags unused imports)
        not_modified = (
            [Import(".._response", "NotModified")] if any(_names_not_modified(t) for t in annotations) else []
        )
        tc_imports = imports([_model_import(c, m, aliases) for c, m in models] + not_modified, by_name=True)
        # Names a profile's call puts in return annotations (its page types): type checkers only.
        call_only = {i for op in builder.operations if op.call for i in op.call.type_checking_imports}
        tc_imports = imports(tc_imports.imports, call_only, by_name=True)
        operations = tuple(with_aliases(op, aliases) for op in builder.operations)
        runtime_imports = _resource_imports(annotations, builder.operations).imports - call_only
        if not tc_imports:  # nothing is imported for type checkers only: no TYPE_CHECKING block
            runtime_imports -= {Import("typing", "TYPE_CHECKING")}
        description = resource_description(tag, planner.spec)
        result.append(
            ResourcePlan(
                tag=tag,
                module_name=module,
                class_name=class_name,
                async_class_name=async_name,
                attribute=attribute,
                docstring=docstring_body(description),
                operations=operations,
                imports=ImportBlock(runtime_imports),
                type_checking_imports=tc_imports,
                raw_class_name=raw_name,
                async_raw_class_name=async_raw_name,
                summary=one_line(description),
            )
        )
    return result


_RESOURCE_IMPORTS = (
    Import("__future__", "annotations"),
    Import("functools", "cached_property"),
    Import("typing", "TYPE_CHECKING"),
    Import(".._base_client", "AsyncAPIResource"),
    Import(".._base_client", "SyncAPIResource"),
    Import(".._response", "async_to_raw_response_wrapper"),
    Import(".._response", "to_raw_response_wrapper"),
    Import("collections.abc", "Mapping"),
    Import(".._types", "NOT_GIVEN"),
    Import(".._types", "NotGiven"),
    Import(".._types", "RequestOptions"),
    Import(".._types", "Timeout"),
    Import(".._types", "call_options"),
)


def _names_not_modified(annotation: TypeExpr) -> bool:
    return any(isinstance(n, Name) and n.name == NOT_MODIFIED.name for n in annotation.walk())


def _annotations(op: OperationPlan) -> list[TypeExpr]:
    return [p.annotation for p in op.positional + op.keyword] + [op.return_annotation]


def _resource_imports(annotations: list[TypeExpr], operations: list[OperationPlan]) -> ImportBlock:
    """Runtime imports of a resource module (cheap ones only: models are imported lazily)."""
    used = {i for t in annotations for i in t.imports()}
    # what request() arguments construct (FormBody, MultipartBody)
    used |= {
        Import(v.module, v.func) for op in operations for _, v in op.request_kwargs if isinstance(v, Call) and v.module
    }
    if Import(NOT_GIVEN.module, NOT_GIVEN.name) in used:
        used.add(Import(NOT_GIVEN.module, "NOT_GIVEN"))  # the default value
    used.discard(Import(NOT_MODIFIED.module, NOT_MODIFIED.name))  # annotations only: TYPE_CHECKING
    return imports(_RESOURCE_IMPORTS, used)


def _model_import(class_name: str, module: str, aliases: dict[str, str]) -> Import:
    alias = aliases.get(class_name, class_name)
    return Import(f"..models.{module}", class_name, alias if alias != class_name else "")


def with_aliases(op: OperationPlan, aliases: dict[str, str]) -> OperationPlan:
    """Spell models by their import aliases; the models the response needs are imported lazily."""
    cast_models: list[ModelRef] = op.cast_to.model_refs()
    lazy = imports((_model_import(m.class_name, m.module, aliases) for m in cast_models), by_name=True)
    return replace(
        op,
        positional=tuple(replace(p, annotation=p.annotation.renamed(aliases)) for p in op.positional),
        keyword=tuple(replace(p, annotation=p.annotation.renamed(aliases)) for p in op.keyword),
        return_annotation=op.return_annotation.renamed(aliases),
        request_kwargs=tuple((k, v.renamed(aliases) if isinstance(v, TypeExpr) else v) for k, v in op.request_kwargs),
        lazy_imports=lazy,
    )
