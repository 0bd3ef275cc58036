"""Paths -> resources (one per tag) with one method per operation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from generator.media import is_json_media, pick_media_type
from generator.openapi import iter_operations, merge_parameters
from generator.plan import layout
from generator.plan.models import SchemaRegistry, TypeExpr, Uses
from generator.plan.names import (
    NameAllocator,
    as_dict,
    as_list,
    clean_text,
    docstring_body,
    pascal_case,
    py_str,
    safe_identifier,
    snake_case,
)
from generator.plan.package_plan import ClientOptionPlan, OperationPlan, ParamPlan, ResourcePlan

if TYPE_CHECKING:
    from generator.profiles.base import OperationSource, Profile

_VERSION_PREFIX = re.compile(r"^v\d+[A-Za-z0-9]*_(.+)$")
_SKIPPED_HEADERS = frozenset({"authorization", "content-type", "accept", "content-length"})
# Resource attributes that generated methods must not replace.
_RESOURCE_RESERVED = frozenset({"with_raw_response", "with_streaming_response"})
# Names used inside method bodies / signatures besides the arguments.
_ARG_RESERVED = frozenset(
    {
        "self",
        "options",
        "datetime",
        "date",
        "Any",
        "Literal",
        "Sequence",
        "Mapping",
        "NOT_GIVEN",
        "NotGiven",
        "RequestOptions",
        "NotModified",
        "TYPE_CHECKING",
        "annotations",
    }
)
# Special header names whose python name is not the plain snake case.
_HEADER_WORDS = {"time_zone": "timezone"}
_TOKEN_RE = re.compile(r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|\b[A-Za-z_][A-Za-z0-9_]*\b""")


@dataclass
class ResourceBuilder:
    tag: str
    operations: list[OperationPlan] = field(default_factory=list)
    uses: Uses = field(default_factory=Uses)
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


def client_option_name(header: str, explicit: object = None) -> str:
    """`SO-TimeZone` -> `timezone`, `SO-AppToken` -> `app_token`, `Accept-Language` -> `accept_language`."""
    if isinstance(explicit, str) and explicit.isidentifier():
        return explicit
    stripped = re.sub(r"^(SO|X)-", "", header, flags=re.IGNORECASE)
    name = snake_case(stripped)
    for word, replacement in _HEADER_WORDS.items():
        name = re.sub(rf"(^|_){word}($|_)", rf"\g<1>{replacement}\g<2>", name)
    return safe_identifier(name, reserved=_ARG_RESERVED, fallback="option")


class OperationPlanner:
    def __init__(self, spec: dict[str, Any], registry: SchemaRegistry, profile: Profile | None = None) -> None:
        self.spec = spec
        self.registry = registry
        self.profile = profile  # an API's conventions (generator/profiles), applied per operation
        self.resources: dict[str, ResourceBuilder] = {}
        self.client_options: dict[str, ClientOptionPlan] = {}  # by lower-case header name

    # -- spec walking ----------------------------------------------------------------------------

    def plan(self) -> None:
        for found in iter_operations(self.spec):
            path, method, operation = found.path, found.method, found.operation
            shared = as_list(found.path_item.get("parameters"))
            tag = _tag_of(operation)
            name = self._method_name(tag, operation, method, path)
            # Pages that share this method and URL template (`x-sdkgen-variants`, see
            # generator/spec/document.py) become further methods on the same resource. They are
            # planned before the primary, so that the primary is the last operation for its
            # method and path (lookups keyed by method and path keep the last one).
            for variant in as_list(operation.get("x-sdkgen-variants")):
                if isinstance(variant, dict):
                    variant_name = self._method_name(tag, variant, method, path)
                    self._plan_operation(path, method, variant, shared, tag, variant_name)
            self._plan_operation(path, method, operation, shared, tag, name)

    def _parameters(self, shared: list[Any], own: object) -> list[dict[str, Any]]:
        return merge_parameters(self.spec, shared, own)

    def _method_name(self, tag: str, op: dict[str, Any], method: str, path: str) -> str:
        resource = self.resources.setdefault(tag, ResourceBuilder(tag))
        return resource.method_names.take(method_name_from(op.get("operationId"), method, path))

    def _plan_operation(
        self, path: str, method: str, op: dict[str, Any], shared: list[Any], tag: str, name: str
    ) -> None:
        resource = self.resources[tag]
        hint = pascal_case(name)
        uses = resource.uses
        args = NameAllocator(_ARG_RESERVED)
        positional: list[ParamPlan] = []
        keyword: list[ParamPlan] = []
        path_params: list[tuple[str, str]] = []
        query: list[tuple[str, str]] = []
        exploded: list[str] = []  # array query parameters sent as repeated name=value pairs
        headers: list[tuple[str, str]] = []

        for param in self._parameters(shared, op.get("parameters")):
            wire, location = str(param["name"]), str(param["in"])
            description = docstring_body(clean_text(param.get("description")))
            if location == "header" and (param.get("x-sdkgen-client-option") is True):
                key = wire.lower()
                if key not in self.client_options:
                    self.client_options[key] = ClientOptionPlan(
                        name=client_option_name(wire, param.get("x-sdkgen-python-name")),
                        header_literal=py_str(wire),
                        header_doc=docstring_body(wire),
                        description=description,
                    )
                continue
            if (location == "header" and wire.lower() in _SKIPPED_HEADERS) or location == "cookie":
                continue
            arg = args.take(safe_identifier(snake_case(wire), reserved=_ARG_RESERVED, fallback="param"))
            schema = param.get("schema")
            if schema is None and isinstance(param.get("content"), dict):
                first = as_dict(next(iter(param["content"].values()), {}))
                schema = first.get("schema")
            if location == "path":
                schema = _own_path_schema(schema, wire, op)
                resolved = self.registry.resolve(schema, hint + pascal_case(wire), uses)
                positional.append(ParamPlan(arg, wire, resolved.annotation(), None, "path", description))
                path_params.append((wire, arg))
            elif location == "query":
                if wire == "$select":
                    uses.typing.add("Sequence")
                    annotation = "Sequence[str] | str"
                else:
                    annotation = self._query_annotation(schema, hint + pascal_case(wire), uses)
                required = param.get("required") is True
                keyword.append(
                    ParamPlan(
                        arg,
                        wire,
                        annotation if required else f"{annotation} | None",
                        None if required else "None",
                        "query",
                        description,
                    )
                )
                query.append((wire, arg))
                if annotation.startswith("Sequence[") and wire != "$select" and _explodes(param):
                    exploded.append(wire)
            elif location == "header":
                required = param.get("required") is True
                keyword.append(
                    ParamPlan(
                        arg,
                        wire,
                        "str" if required else "str | None",
                        None if required else "None",
                        "header",
                        description,
                    )
                )
                headers.append((wire, arg))

        request_kwargs: list[tuple[str, KwargValue]] = []
        if path_params:
            request_kwargs.append(("path_params", _entries(path_params)))
        if query:
            request_kwargs.append(("query", _entries(query)))
        if exploded:
            request_kwargs.append(("explode", _names_tuple(exploded)))
        if headers:
            request_kwargs.append(("headers", _entries(headers)))
        self._plan_body(op, hint, uses, args, positional, keyword, request_kwargs)

        return_annotation, cast_expr, cast_models = self._plan_response(op, hint, uses)
        if cast_expr in ("bytes", "str"):
            # A binary or text answer: ask for its documented media type, not the runtime's JSON default.
            media = self._success_media(op)
            if media:
                _add_header(request_kwargs, "Accept", media)
        request_kwargs.append(("cast_to", cast_expr))
        request_kwargs.append(("options", "options"))
        if isinstance(op.get("responses"), dict) and "304" in op["responses"]:
            return_annotation = f"{return_annotation} | NotModified"
            uses.typing.add("NotModified")

        # Required keyword-only arguments first: reads better, and keeps defaults together.
        keyword.sort(key=lambda p: p.default_expr is not None)
        resource.operations.append(
            OperationPlan(
                method_name=name,
                http_method=method.upper(),
                path_literal=py_str(path),
                docstring=self._docstring(op, method, path, positional + keyword),
                positional=tuple(positional),
                keyword=tuple(keyword),
                return_annotation=return_annotation,
                request_kwargs=_layout_kwargs(request_kwargs),
                lazy_imports=tuple(sorted(cast_models)),
                deprecated=op.get("deprecated") is True,
            )
        )
        if self.profile is not None:
            last = resource.operations[-1]
            resource.operations[-1] = self.profile.adjust_operation(last, self._source(path, method, op, hint, uses))

    def _source(self, path: str, method: str, op: dict[str, Any], hint: str, uses: Uses) -> OperationSource:
        from generator.profiles.base import OperationSource

        def annotation(schema: object, name: str) -> str:
            return self.registry.resolve(schema, hint + name, uses).annotation()

        return OperationSource(path, method, op, self.registry.deref, annotation)

    def _query_annotation(self, schema: object, hint: str, uses: Uses) -> str:
        resolved = self.registry.resolve(schema, hint, uses)
        expr = resolved.expr
        if expr.startswith("list[") and expr.endswith("]"):
            uses.typing.add("Sequence")
            expr = f"Sequence[{expr[5:-1]}]"
        return expr

    # -- request body ----------------------------------------------------------------------------

    def _plan_body(
        self,
        op: dict[str, Any],
        hint: str,
        uses: Uses,
        args: NameAllocator,
        positional: list[ParamPlan],
        keyword: list[ParamPlan],
        request_kwargs: list[tuple[str, KwargValue]],
    ) -> None:
        body = self.registry.deref(op.get("requestBody"))
        content = body.get("content")
        if not isinstance(content, dict) or not content:
            return
        media = pick_media_type(content)
        media_obj = content[media] if isinstance(content[media], dict) else {}
        schema = as_dict(media_obj.get("schema"))
        required = body.get("required") is True
        description = docstring_body(clean_text(body.get("description")))
        is_json = is_json_media(media)
        target = self.registry.deref(schema)

        if is_json and body.get("x-sdkgen-flatten") is True:
            props, required_props = self.registry.merged_properties(target)
            if props:
                entries: list[tuple[str, str]] = []
                for wire, prop in props.items():
                    arg = args.take(safe_identifier(snake_case(wire), reserved=_ARG_RESERVED, fallback="field"))
                    resolved = self.registry.resolve(prop, hint + pascal_case(wire), uses)
                    prop_doc = docstring_body(clean_text(prop.get("description")))
                    if wire in required_props:
                        keyword.append(ParamPlan(arg, wire, resolved.annotation(), None, "body_field", prop_doc))
                    else:
                        uses.typing.add("NotGiven")
                        keyword.append(
                            ParamPlan(
                                arg, wire, f"{resolved.annotation()} | NotGiven", "NOT_GIVEN", "body_field", prop_doc
                            )
                        )
                    entries.append((wire, arg))
                request_kwargs.append(("json", _entries(entries)))
                return

        raw_name = body.get("x-codegen-request-body-name")
        arg = args.take(
            safe_identifier(
                snake_case(raw_name) if isinstance(raw_name, str) else "body", reserved=_ARG_RESERVED, fallback="body"
            )
        )
        if is_json:
            annotation = self._body_annotation(schema, hint + "Body", uses)
            kwarg = "json"
        else:
            annotation = "bytes"
            kwarg = "content"
            _add_header(request_kwargs, "Content-Type", media)
        if required:
            positional.append(ParamPlan(arg, "", annotation, None, "body", description))
        else:
            uses.typing.add("NotGiven")
            keyword.append(ParamPlan(arg, "", f"{annotation} | NotGiven", "NOT_GIVEN", "body", description))
        if kwarg == "content" and not required:
            request_kwargs.append((kwarg, f"{arg} or None"))
        else:
            request_kwargs.append((kwarg, arg))

    def _body_annotation(self, schema: dict[str, Any], hint: str, uses: Uses) -> str:
        """Models also accept plain mappings; arrays accept any sequence."""
        model = self.registry.model_ref(schema)
        if model is None and self.registry.deref(schema) is not schema and isinstance(schema.get("$ref"), str):
            model = None
        if model is not None:
            uses.models.add(model)
            uses.typing.update({"Mapping", "Any"})
            return f"{model} | Mapping[str, Any]"
        target = self.registry.deref(schema)
        items = target.get("items")
        types = target.get("type")
        if (types == "array" or (isinstance(types, list) and "array" in types)) and isinstance(items, dict):
            item_model = self.registry.model_ref(items)
            if item_model is not None:
                uses.models.add(item_model)
                uses.typing.update({"Mapping", "Any", "Sequence"})
                return f"Sequence[{item_model} | Mapping[str, Any]]"
            item = self.registry.resolve(items, hint + "Item", uses)
            uses.typing.add("Sequence")
            return f"Sequence[{item.annotation()}]"
        resolved = self.registry.resolve(schema, hint, uses)
        return resolved.annotation()

    # -- response ---------------------------------------------------------------------------------

    def _success_media(self, op: dict[str, Any]) -> str | None:
        """The media type of the first success response, when it has content."""
        responses = op.get("responses")
        if not isinstance(responses, dict):
            return None
        for code in sorted(str(c) for c in responses if str(c).startswith("2")):
            response = self.registry.deref(responses.get(code, responses.get(int(code)) if code.isdigit() else None))
            content = response.get("content") if isinstance(response, dict) else None
            if isinstance(content, dict) and content:
                return pick_media_type(content)
        return None

    def _plan_response(self, op: dict[str, Any], hint: str, uses: Uses) -> tuple[str, str, set[str]]:
        """(return annotation, cast_to expression, model classes the cast needs at runtime)."""
        responses = op.get("responses")
        if not isinstance(responses, dict):
            return "None", "None", set()
        codes = sorted(str(c) for c in responses if str(c).startswith("2"))
        if not codes and "default" in responses:
            codes = ["default"]
        if not codes:
            return "None", "None", set()
        response = self.registry.deref(
            responses.get(codes[0], responses.get(int(codes[0]) if codes[0].isdigit() else codes[0]))
        )
        content = response.get("content")
        if codes[0] == "204" or not isinstance(content, dict) or not content:
            return "None", "None", set()
        media = pick_media_type(content)
        media_obj = content[media] if isinstance(content[media], dict) else {}
        schema = media_obj.get("schema")
        if not is_json_media(media):
            if media.startswith("text/") and not (isinstance(schema, dict) and schema.get("format") == "binary"):
                return "str", "str", set()
            return "bytes", "bytes", set()
        if not isinstance(schema, dict) or not schema:
            uses.typing.add("Any")
            return "Any", "Any", set()
        local = Uses()
        resolved: TypeExpr = self.registry.resolve(schema, hint + "Response", local)
        uses.merge(local)
        annotation = resolved.annotation()
        return annotation, annotation, set(local.models)

    # -- docs -------------------------------------------------------------------------------------

    def _docstring(self, op: dict[str, Any], method: str, path: str, params: list[ParamPlan]) -> str:
        summary = clean_text(op.get("summary"))
        description = clean_text(op.get("description"))
        parts: list[str] = []
        if summary:
            parts.append(summary)
        if description and description != summary:
            parts.append(description)
        if not parts:
            parts.append(f"{method.upper()} {path}")
        restricted = op.get("x-online-restricted")
        if isinstance(restricted, str) and restricted.strip() and restricted.strip() not in description:
            parts.append(f"Online restricted: {restricted.strip()}")
        if op.get("deprecated") is True:
            parts.append("Deprecated.")
        text = docstring_body("\n\n".join(parts))
        documented = [p for p in params if p.description]
        if documented:
            lines = ["", "", "Args:"]
            for p in documented:
                body = "\n".join(("        " + line) if line else "" for line in p.description.split("\n")).lstrip()
                lines.append(f"    {p.name}: {body}")
            text += "\n".join(lines)
        return text


def _own_path_schema(schema: object, wire: str, op: dict[str, Any]) -> object:
    """The primary operation's own type of a path parameter that the spec widened for its variants.

    `sdkgen parse` turns the primary's schema into `anyOf: [own, variant's, ...]` so that a
    generator ignoring the variants still accepts every value; each variant is a method here,
    so the primary keeps its own type.
    """
    variants = [v for v in as_list(op.get("x-sdkgen-variants")) if isinstance(v, dict)]
    options = schema.get("anyOf") if isinstance(schema, dict) else None
    if not variants or not isinstance(options, list) or len(options) < 2:
        return schema
    theirs = [
        p.get("schema")
        for v in variants
        for p in as_list(v.get("parameters"))
        if isinstance(p, dict) and p.get("in") == "path" and p.get("name") == wire
    ]
    if all(other in theirs for other in options[1:]):
        return options[0]
    return schema


def _explodes(param: dict[str, Any]) -> bool:
    """OpenAPI `explode`, whose default is true for `style: form` (the default style of query)."""
    explode = param.get("explode")
    if isinstance(explode, bool):
        return explode
    return param.get("style") in (None, "form")


def _names_tuple(names: list[str]) -> str:
    """`("a",)` / `("a", "b")`: the `explode=` hint of a request call."""
    literals = [py_str(name) for name in names]
    return "(" + ", ".join(literals) + ("," if len(literals) == 1 else "") + ")"


KwargValue = str | list[tuple[str, str]]  # an expression, or dict entries (key literal, value)


def _entries(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(py_str(wire), arg) for wire, arg in pairs]


def _layout_kwargs(kwargs: list[tuple[str, KwargValue]]) -> tuple[tuple[str, str], ...]:
    """Request arguments sit at 12 columns (`self._client.request(` inside a method)."""
    result: list[tuple[str, str]] = []
    for key, value in kwargs:
        if isinstance(value, list):
            value = layout.mapping(value, column=12 + len(key) + 1, indent=12, suffix=1)
        result.append((key, value))
    return tuple(result)


def build_resources(
    planner: OperationPlanner, registry: SchemaRegistry, reserved_attrs: frozenset[str]
) -> list[ResourcePlan]:
    """Name resource modules/classes/attributes and compute their imports."""
    modules = NameAllocator({"__init__"})
    classes = NameAllocator({"SyncAPIResource", "AsyncAPIResource", "SyncAPIClient", "AsyncAPIClient"}, separator="")
    attrs = NameAllocator(reserved_attrs)
    result: list[ResourcePlan] = []
    for tag in sorted(planner.resources, key=lambda t: (snake_case(t), t)):
        builder = planner.resources[tag]
        stem = safe_identifier(snake_case(tag), fallback="resource")
        module = modules.take(stem)
        base_class = pascal_case(tag) or "Resource"
        if not base_class[0].isalpha():
            base_class = "Resource" + base_class
        class_name = classes.take(base_class)
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
        rename: dict[str, str] = {}
        for model in sorted(builder.uses.models):
            rename[model] = model + "Model" if model in local_names else model
        tc_imports = tuple(
            f"from ..models.{registry.module_of(m)} import {m}" + (f" as {rename[m]}" if rename[m] != m else "")
            for m in sorted(builder.uses.models)
        )
        operations = tuple(_rename_models(op, rename, registry) for op in builder.operations)
        result.append(
            ResourcePlan(
                tag=tag,
                module_name=module,
                class_name=class_name,
                async_class_name=async_name,
                attribute=attribute,
                docstring=docstring_body(f"Operations tagged {tag!r}."),
                operations=operations,
                imports=_resource_imports(builder.uses),
                type_checking_imports=tc_imports,
                raw_class_name=raw_name,
                async_raw_class_name=async_raw_name,
            )
        )
    return result


_RUNTIME_NAMES = {"NotGiven": "_types", "NotModified": "_response"}


def _resource_imports(uses: Uses) -> tuple[str, ...]:
    """Runtime imports of a resource module (cheap ones only: models are imported lazily)."""
    lines = ["from __future__ import annotations", ""]
    abc = sorted(uses.typing & {"Sequence", "Mapping"})
    typing_names = sorted((uses.typing - {"Sequence", "Mapping"} - set(_RUNTIME_NAMES)) | {"TYPE_CHECKING"})
    if abc:
        lines.append(f"from collections.abc import {', '.join(abc)}")
    if uses.datetime:
        lines.append(f"from datetime import {', '.join(sorted(uses.datetime))}")
    lines.append("from functools import cached_property")
    lines.append(f"from typing import {', '.join(typing_names)}")
    lines.append("")
    lines.append("from .._base_client import AsyncAPIResource, SyncAPIResource")
    lines.append("from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper")
    types = ["RequestOptions"] + (["NOT_GIVEN", "NotGiven"] if "NotGiven" in uses.typing else [])
    lines.append(f"from .._types import {', '.join(sorted(types))}")
    return tuple(lines)


def _rename_models(op: OperationPlan, rename: dict[str, str], registry: SchemaRegistry) -> OperationPlan:
    """Apply import aliases and turn the needed model names into lazy import statements."""

    def sub(expr: str) -> str:
        if all(old == new for old, new in rename.items()):
            return expr
        # string literals (Literal["Pet"]) are matched first and kept as they are
        return _TOKEN_RE.sub(lambda m: m.group(1) or rename.get(m.group(), m.group()), expr)

    lazy = tuple(
        f"from ..models.{registry.module_of(m)} import {m}" + (f" as {rename[m]}" if rename.get(m, m) != m else "")
        for m in op.lazy_imports
    )
    positional = tuple(
        ParamPlan(p.name, p.wire_name, sub(p.annotation), p.default_expr, p.location, p.description)
        for p in op.positional
    )
    keyword = tuple(
        ParamPlan(p.name, p.wire_name, sub(p.annotation), p.default_expr, p.location, p.description) for p in op.keyword
    )
    kwargs = tuple((k, sub(v) if k == "cast_to" else v) for k, v in op.request_kwargs)
    return OperationPlan(
        method_name=op.method_name,
        http_method=op.http_method,
        path_literal=op.path_literal,
        docstring=op.docstring,
        positional=positional,
        keyword=keyword,
        return_annotation=sub(op.return_annotation),
        request_kwargs=kwargs,
        lazy_imports=lazy,
        deprecated=op.deprecated,
        call=op.call,
    )


def _add_header(request_kwargs: list[tuple[str, KwargValue]], name: str, value: str) -> None:
    """Add a fixed header to the request call's `headers=` entries (creating them if needed)."""
    entry = [(py_str(name), py_str(value))]
    for index, (key, current) in enumerate(request_kwargs):
        if key == "headers" and isinstance(current, list):
            request_kwargs[index] = (key, current + entry)
            return
    request_kwargs.append(("headers", entry))
