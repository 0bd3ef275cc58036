"""One operation -> one method: its arguments, the `request()` call it makes, its return type and
docstring, planned in named steps (parameters, body, response, call)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from generator.media import is_json_media, pick_media_type
from generator.openapi import is_null_schema
from generator.plan.bodies import (
    FieldsBody,
    is_fields_media,
    other_media_note,
    raw_body_type,
    raw_body_value,
    request_media_type,
)
from generator.plan.code import (
    ANY,
    BYTES,
    MAPPING,
    NONE,
    NOT_GIVEN,
    NOT_MODIFIED,
    SEQUENCE,
    STR,
    Argument,
    Dict,
    Expr,
    ModelRef,
    Name,
    NameTuple,
    Subscript,
    TypeExpr,
    Union,
    same,
    union,
)
from generator.plan.models import SchemaRegistry
from generator.plan.names import (
    NameAllocator,
    argument_identifier,
    as_dict,
    as_list,
    clean_text,
    docstring_body,
    pascal_case,
    safe_identifier,
    snake_case,
)
from generator.plan.package_plan import OperationPlan, ParamPlan
from generator.plan.patch import JSON_PATCH_MEDIA, MERGE_PATCH_MEDIA, merge_target

if TYPE_CHECKING:
    from generator.openapi import OperationRef
    from generator.profiles.base import Profile

SKIPPED_HEADERS = frozenset({"authorization", "content-type", "accept", "content-length"})
# Names used inside method bodies / signatures besides the arguments.
# The per-call options every method takes (keyword-only, after the API's own arguments).
CALL_OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout", "request_options")
ARG_RESERVED = frozenset(
    {
        *CALL_OPTIONS,
        "self",
        "warnings",  # deprecated operations import it in the method body
        "call_options",
        "Timeout",
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
DATETIME = Name("datetime", "datetime")
# (methods, documented status, header, argument description) of the conditional-request arguments.
_CONDITIONAL = (
    (
        frozenset({"GET"}),
        "304",
        "If-Modified-Since",
        "Only answer with the resource if it changed after this time; otherwise the result is "
        "NotModified (check with `isinstance(result, NotModified)`).",
    ),
    (
        frozenset({"PUT", "PATCH"}),
        "412",
        "If-Unmodified-Since",
        "Only apply the change if the resource did not change after this time; otherwise the "
        "server answers 412 (PreconditionFailedError).",
    ),
)
_CALL_OPTIONS_EXPR = "call_options(request_options, extra_headers, extra_query, extra_body, timeout)"
_HEADER_WORDS = {"time_zone": "timezone"}  # header words whose python name is not the plain snake case
_MAPPING_ANY = Subscript(MAPPING, (STR, ANY))


def client_option_name(header: str, explicit: object = None) -> str:
    """`SO-TimeZone` -> `timezone`, `SO-AppToken` -> `app_token`, `Accept-Language` -> `accept_language`."""
    if isinstance(explicit, str) and explicit.isidentifier():
        return explicit
    stripped = re.sub(r"^(SO|X)-", "", header, flags=re.IGNORECASE)
    name = snake_case(stripped)
    for word, replacement in _HEADER_WORDS.items():
        name = re.sub(rf"(^|_){word}($|_)", rf"\g<1>{replacement}\g<2>", name)
    return safe_identifier(name, reserved=ARG_RESERVED, fallback="option")


@dataclass
class MethodDraft:
    """What the steps collect for one method: its signature and the `request()` arguments."""

    hint: str  # PascalCase prefix for inline models (`<Method>Body`, `<Method>Response`)
    names: NameAllocator = field(default_factory=lambda: NameAllocator(ARG_RESERVED))
    positional: list[ParamPlan] = field(default_factory=list)  # path params, then a required body
    keyword: list[ParamPlan] = field(default_factory=list)
    path_params: list[tuple[str, Expr]] = field(default_factory=list)
    query: list[tuple[str, Expr]] = field(default_factory=list)
    exploded: list[str] = field(default_factory=list)  # array query parameters sent as name=a&name=b
    headers: list[tuple[str, Expr | str]] = field(default_factory=list)  # str: a fixed value
    cookies: list[tuple[str, Expr | str]] = field(default_factory=list)
    body: tuple[str, Argument] | None = None  # ("json" | "content" | "form" | "multipart", value)
    headers_before_body: bool = False
    notes: list[str] = field(default_factory=list)  # docstring paragraphs (the body's media types)

    def argument(self, wire: str, fallback: str) -> str:
        return self.names.take(argument_identifier(snake_case(wire), reserved=ARG_RESERVED, fallback=fallback))

    def set_body(self, kwarg: str, value: Argument) -> None:
        self.body = (kwarg, value)
        self.headers_before_body = bool(self.headers)

    def request_kwargs(self, cast_to: TypeExpr) -> tuple[tuple[str, Argument], ...]:
        """The keyword arguments of `self._client.request(method, path, ...)`, in call order."""
        kwargs: list[tuple[str, Argument]] = []
        if self.path_params:
            kwargs.append(("path_params", Dict(tuple(self.path_params))))
        if self.query:
            kwargs.append(("query", Dict(tuple(self.query))))
        if self.exploded:
            kwargs.append(("explode", NameTuple(tuple(self.exploded))))
        entries = tuple(self.headers)
        if self.cookies:  # the runtime joins a mapping under `Cookie` into `a=1; b=2`
            entries += (("Cookie", Expr(str(Dict(tuple(self.cookies))))),)
        headers: list[tuple[str, Argument]] = [("headers", Dict(entries))] if entries else []
        if self.body is None:
            kwargs += headers
        elif self.headers_before_body:  # parameters or Content-Type; an Accept header joins them
            kwargs += [*headers, self.body]
        else:
            kwargs += [self.body, *headers]
        kwargs.append(("cast_to", cast_to))
        kwargs.append(("options", Expr(_CALL_OPTIONS_EXPR)))
        return tuple(kwargs)


class MethodPlanner:
    """The steps shared by every operation of a document."""

    def __init__(self, registry: SchemaRegistry, profile: Profile | None = None) -> None:
        self.registry = registry
        self.profile = profile  # an API's conventions (generator/profiles), applied per method

    # -- the last step: the profile's say ----------------------------------------------------------

    def finish(self, draft: MethodDraft, plan: OperationPlan, found: OperationRef, op: dict[str, Any]) -> OperationPlan:
        """The one place a profile adjusts a planned method (its return type, its call)."""
        if self.profile is None:
            return plan
        from generator.profiles.base import OperationSource

        def annotation(schema: object, name: str) -> TypeExpr:
            return self.registry.resolve(schema, draft.hint + name).annotation()

        source = OperationSource(found.path, found.method, op, self.registry.deref, annotation)
        return self.profile.adjust_operation(plan, source)

    # -- parameters -------------------------------------------------------------------------------

    def path_parameter(self, draft: MethodDraft, param: dict[str, Any], op: dict[str, Any]) -> None:
        wire = str(param["name"])
        arg = draft.argument(wire, "param")
        schema = _own_path_schema(_parameter_schema(param), wire, op)
        annotation = self.registry.resolve(schema, draft.hint + pascal_case(wire)).annotation()
        draft.positional.append(ParamPlan(arg, wire, annotation, None, "path", _description(param)))
        draft.path_params.append((wire, Expr(arg)))

    def query_parameter(self, draft: MethodDraft, param: dict[str, Any]) -> None:
        wire = str(param["name"])
        arg = draft.argument(wire, "param")
        if wire == "$select":
            annotation: TypeExpr = Union((Subscript(SEQUENCE, (STR,)), STR))
        else:
            annotation = self._query_annotation(_parameter_schema(param), draft.hint + pascal_case(wire))
        required = param.get("required") is True
        draft.keyword.append(
            ParamPlan(
                arg,
                wire,
                annotation if required else Union((annotation, NONE)),
                None if required else "None",
                "query",
                _description(param),
            )
        )
        draft.query.append((wire, Expr(arg)))
        if isinstance(annotation, Subscript) and annotation.origin is SEQUENCE and _explodes(param):
            draft.exploded.append(wire)

    def header_parameter(self, draft: MethodDraft, param: dict[str, Any]) -> None:
        """A header typed by its schema (integers, booleans, enums, arrays), sent as `simple` style."""
        wire = str(param["name"])
        draft.headers.append((wire, Expr(self._typed_keyword(draft, param, "header"))))

    def cookie_parameter(self, draft: MethodDraft, param: dict[str, Any]) -> None:
        """A cookie argument: the runtime joins the call's cookies into one `Cookie` header."""
        wire = str(param["name"])
        draft.cookies.append((wire, Expr(self._typed_keyword(draft, param, "cookie"))))

    def _typed_keyword(self, draft: MethodDraft, param: dict[str, Any], location: str) -> str:
        wire = str(param["name"])
        arg = draft.argument(wire, "param")
        required = param.get("required") is True
        schema = _parameter_schema(param)
        annotation = self._query_annotation(schema, draft.hint + pascal_case(wire)) if schema else STR
        if same(annotation, ANY):
            annotation = STR
        draft.keyword.append(
            ParamPlan(
                arg,
                wire,
                annotation if required else Union((annotation, NONE)),
                None if required else "None",
                location,
                _description(param),
            )
        )
        return arg

    def _query_annotation(self, schema: object, hint: str) -> TypeExpr:
        resolved = self.registry.resolve(schema, hint).type
        if isinstance(resolved, Subscript) and resolved.origin.name == "list":
            return Subscript(SEQUENCE, resolved.args)  # any sequence is accepted
        return resolved

    # -- request body -----------------------------------------------------------------------------

    def body(self, draft: MethodDraft, op: dict[str, Any], found: OperationRef | None = None) -> None:
        body = self.registry.deref(op.get("requestBody"))
        content = body.get("content")
        if not isinstance(content, dict) or not content:
            return
        media = request_media_type(content)
        draft.notes += other_media_note(content, media)
        merge = merge_patch_target(self.registry, media, op, found)
        if is_fields_media(media):  # form and multipart fields: generator/plan/bodies.py
            FieldsBody(self.registry).plan(draft, media, as_dict(content[media]))
            return
        schema = as_dict(as_dict(content[media]).get("schema"))
        if is_json_media(media) and body.get("x-sdkgen-flatten") is True and self._flattened_body(draft, schema):
            return
        raw_name = body.get("x-codegen-request-body-name")
        arg = draft.names.take(
            argument_identifier(
                snake_case(raw_name) if isinstance(raw_name, str) else "body", reserved=ARG_RESERVED, fallback="body"
            )
        )
        required = body.get("required") is True
        if is_json_media(media):
            annotation = self._body_annotation(schema, draft.hint + "Body", media, merge)
            if media.split(";")[0].strip().lower() not in ("application/json", "text/json", "*/*"):
                draft.headers.append(("Content-Type", media))  # application/json-patch+json, ...
        else:
            annotation = raw_body_type(media)
            draft.headers.append(("Content-Type", media))
        description = docstring_body(clean_text(body.get("description")))
        if required:
            draft.positional.append(ParamPlan(arg, "", annotation, None, "body", description))
        else:
            annotation = Union((annotation, NOT_GIVEN))
            draft.keyword.append(ParamPlan(arg, "", annotation, "NOT_GIVEN", "body", description))
        if is_json_media(media):
            draft.set_body("json", Expr(arg))
        else:
            draft.set_body("content", raw_body_value(media, arg, required))

    def _flattened_body(self, draft: MethodDraft, schema: dict[str, Any]) -> bool:
        """A carrier object whose properties become keyword arguments (`x-sdkgen-flatten`)."""
        props, required_props = self.registry.merged_properties(self.registry.deref(schema))
        if not props:
            return False
        entries: list[tuple[str, Expr | str]] = []
        for wire, prop in props.items():
            if prop.get("readOnly") is True or self.registry.deref(prop).get("readOnly") is True:
                continue  # assigned by the server: not an argument
            arg = draft.argument(wire, "field")
            annotation = self.registry.resolve(prop, draft.hint + pascal_case(wire)).annotation()
            prop_doc = docstring_body(clean_text(prop.get("description")))
            if wire in required_props:
                draft.keyword.append(ParamPlan(arg, wire, annotation, None, "body_field", prop_doc))
            else:
                annotation = Union((annotation, NOT_GIVEN))
                draft.keyword.append(ParamPlan(arg, wire, annotation, "NOT_GIVEN", "body_field", prop_doc))
            entries.append((wire, Expr(arg)))
        draft.set_body("json", Dict(tuple(entries)))
        return True

    def _body_annotation(
        self, schema: dict[str, Any], hint: str, media: str = "application/json", merge: ModelRef | None = None
    ) -> TypeExpr:
        """Models also accept plain mappings; arrays accept any sequence; JSON Patch operations
        their TypedDict; a merge-patch object the model it mirrors (plan/patch.py)."""
        model = self.registry.model_ref(schema)
        if model is not None:
            return Union((model, _MAPPING_ANY))
        target = self.registry.deref(schema)
        members = target.get("anyOf") or target.get("oneOf")
        if isinstance(members, list) and self._patch_members(members, merge):
            # A JSON Patch array or a merge-patch object (SuperOffice's PATCH bodies): each typed for users.
            flat: list[TypeExpr] = []
            for index, member in enumerate(members):
                if is_null_schema(member):
                    flat.append(NONE)
                    continue
                expr = self._body_annotation(as_dict(member), f"{hint}{index + 1}", media, merge)
                flat.extend(expr.members if isinstance(expr, Union) else (expr,))
            return union(flat)
        items = target.get("items")
        types = target.get("type")
        if (types == "array" or (isinstance(types, list) and "array" in types)) and isinstance(items, dict):
            item_model = self.registry.model_ref(items)
            if item_model is not None:
                if self.registry.patch.is_operation(items):
                    twin = self.registry.patch.dict_ref(item_model, items)
                    return Subscript(SEQUENCE, (Union((item_model, twin)),))
                return Subscript(SEQUENCE, (Union((item_model, _MAPPING_ANY)),))
            if media.split(";")[0].strip().lower() == JSON_PATCH_MEDIA:
                return Subscript(SEQUENCE, (self.registry.patch.generic_dict_ref(),))
            return Subscript(SEQUENCE, (self.registry.resolve(items, hint + "Item").annotation(),))
        if merge is not None and _free_object(target):
            return Union((merge, _MAPPING_ANY))
        return self.registry.resolve(schema, hint).annotation()

    def _patch_members(self, members: list[Any], merge: ModelRef | None) -> bool:
        for member in members:
            target = self.registry.deref(member)
            items = target.get("items")
            if merge is not None and _free_object(target):
                return True
            if isinstance(items, dict) and self.registry.model_ref(items) and self.registry.patch.is_operation(items):
                return True
        return False

    # -- response ---------------------------------------------------------------------------------

    def response(self, draft: MethodDraft, op: dict[str, Any]) -> tuple[TypeExpr, TypeExpr]:
        """(return annotation, cast_to): the first success response's type."""
        cast_to = self._response_type(op, draft.hint)
        if cast_to.render() in ("bytes", "str"):
            # A binary or text answer: ask for its documented media type, not the runtime's JSON default.
            media = self._success_media(op)
            if media:
                draft.headers.append(("Accept", media))
        returns = cast_to
        if isinstance(op.get("responses"), dict) and "304" in op["responses"]:
            returns = union((cast_to, NOT_MODIFIED))
        return returns, cast_to

    def conditional(self, draft: MethodDraft, op: dict[str, Any], method: str) -> None:
        """`if_modified_since` for a GET documented to answer 304, `if_unmodified_since` for a
        PUT/PATCH documented to answer 412 (unless the operation already declares the header)."""
        responses = op.get("responses") if isinstance(op.get("responses"), dict) else {}
        assert isinstance(responses, dict)
        declared = {str(name).lower() for name, _ in draft.headers}
        for methods, status, header, doc in _CONDITIONAL:
            if method.upper() in methods and status in {str(c) for c in responses} and header.lower() not in declared:
                arg = draft.argument(header, "param")
                draft.keyword.append(ParamPlan(arg, header, Union((DATETIME, NONE)), "None", "header", doc))
                draft.headers.append((header, Expr(arg)))

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

    def _response_type(self, op: dict[str, Any], hint: str) -> TypeExpr:
        responses = op.get("responses")
        if not isinstance(responses, dict):
            return NONE
        codes = sorted(str(c) for c in responses if str(c).startswith("2"))
        if not codes and "default" in responses:
            codes = ["default"]
        if not codes:
            return NONE
        response = self.registry.deref(
            responses.get(codes[0], responses.get(int(codes[0]) if codes[0].isdigit() else codes[0]))
        )
        content = response.get("content")
        if codes[0] == "204" or not isinstance(content, dict) or not content:
            return NONE
        media = pick_media_type(content)
        schema = as_dict(content[media]).get("schema")
        if not is_json_media(media):
            if media.startswith("text/") and not (isinstance(schema, dict) and schema.get("format") == "binary"):
                return STR
            return BYTES
        if not isinstance(schema, dict) or not schema:
            return ANY
        return self.registry.resolve(schema, hint + "Response").annotation()


def _free_object(schema: dict[str, Any]) -> bool:
    """`{"type": "object"}` with no properties or value schema: what a merge patch often says."""
    types = schema.get("type")
    is_object = types == "object" or (isinstance(types, list) and "object" in types)
    extra = schema.get("additionalProperties")
    return is_object and not schema.get("properties") and not (isinstance(extra, dict) and extra)


def merge_patch_target(
    registry: SchemaRegistry, media: str, op: dict[str, Any], found: OperationRef | None
) -> ModelRef | None:
    """The model a PATCH (or merge-patch+json) body's free-form object stands for, if any."""
    if found is None:
        return None
    if found.method != "patch" and media.split(";")[0].strip().lower() != MERGE_PATCH_MEDIA:
        return None
    return merge_target(registry.spec, registry, found.path, op)


def _description(param: dict[str, Any]) -> str:
    text = clean_text(param.get("description"))
    if param.get("deprecated") is True:  # the method warns when the argument is passed
        text = "Deprecated (passing it emits a DeprecationWarning)." + (f" {text}" if text else "")
    return docstring_body(text)


def _parameter_schema(param: dict[str, Any]) -> object:
    schema = param.get("schema")
    if schema is None and isinstance(param.get("content"), dict):
        first = as_dict(next(iter(param["content"].values()), {}))
        schema = first.get("schema")
    return schema


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
