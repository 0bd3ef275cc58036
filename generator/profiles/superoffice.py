"""The SuperOffice profile: OData pages, tenant discovery, re-authentication, agent errors,
custom-field accessors and a rate limiter (runtime in templates/profiles/superoffice/)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.plan.auth import ProfileAuth
from generator.plan.code import AliasRef, Import, ImportBlock, ModelRef, Name, Subscript, TypeExpr, imports
from generator.plan.errors import ErrorFieldsPlan
from generator.plan.package_plan import CallPlan, ModelPlan, OperationPlan
from generator.profiles.base import OperationSource, ProfilePlan

_TEMPLATES = "profiles/superoffice"
_RUNTIME = ("_pages", "_tenant", "_agents", "_custom_fields", "_rate_limit", "_online_auth")
# Wire name of a custom-field bucket -> (mixin class, accessor property it adds).
_BUCKETS = {
    "CustomFields": ("HasCustomFields", "custom"),
    "UserDefinedFields": ("HasUserDefinedFields", "udef"),
    "ExtraFields": ("HasExtraFields", "extra"),
}
_EXPORTS = (
    ("SyncODataPage", "_pages"),
    ("AsyncODataPage", "_pages"),
    ("PaginationError", "_pages"),
    ("TenantState", "_tenant"),
    ("TenantError", "_tenant"),
    ("TenantNotRunningError", "_tenant"),
    ("AgentError", "_agents"),
    ("CustomFieldValues", "_custom_fields"),
    ("RateLimiter", "_rate_limit"),
    ("OAuthRefresher", "_online_auth"),
    ("SystemUserTicket", "_online_auth"),
    ("TokenRefreshError", "_online_auth"),
)

_SYNC_PAGE = Name("SyncODataPage", ".._pages")
_ASYNC_PAGE = Name("AsyncODataPage", ".._pages")
_PAGE_CALL = CallPlan(
    function="fetch_odata_page",
    async_function="afetch_odata_page",
    imports=imports([Import(".._pages", "fetch_odata_page"), Import(".._pages", "afetch_odata_page")]),
    type_checking_imports=frozenset({Import(".._pages", "SyncODataPage"), Import(".._pages", "AsyncODataPage")}),
    async_names=(("SyncODataPage", _ASYNC_PAGE),),
)
_ENTITY_CALL = CallPlan(
    function="request_entity",
    async_function="arequest_entity",
    imports=imports([Import(".._agents", "request_entity"), Import(".._agents", "arequest_entity")]),
)


# SuperOffice's error body (the reference's rest/index.md): {"Error": true, "ErrorType": ...}.
_ERRORS = ErrorFieldsPlan(
    message_keys=("ErrorMessage",),
    type_keys=("ErrorType",),
    source_keys=("ErrorSource",),
    example='{"Error": true, "ErrorType": "SoNotFoundException", "ErrorMessage": "...", "ErrorSource": "..."}',
)
# The SOTicket scheme `sdkgen parse` writes: apiKey in the Authorization header, "SOTicket <ticket>".
_TICKET_AUTH = ProfileAuth(
    class_name="SoTicketAuth",
    module="_ticket_auth",
    template=f"{_TEMPLATES}/_ticket_auth.py.jinja",
    signature="SoTicketAuth(ticket, app_token=None, refresh=None)",
    example='SoTicketAuth("7T:ticket==", app_token="app-token")',
    test_expr='SoTicketAuth("7T:sdk-ticket", app_token="sdk-app")',
    expected_headers=(("Authorization", "SOTicket 7T:sdk-ticket"), ("SO-AppToken", "sdk-app")),
)


def _page_of(row: TypeExpr) -> TypeExpr:
    return Subscript(_SYNC_PAGE, (row,))


def _is_model(annotation: TypeExpr) -> bool:
    """A method that returns one model class (not a list, union or scalar)."""
    return isinstance(annotation, ModelRef) and not isinstance(annotation, AliasRef)


class SuperOfficeProfile:
    name = "superoffice"

    def package_plan(self, package_name: str) -> ProfilePlan:
        return ProfilePlan(
            name=self.name,
            files=tuple((f"{_TEMPLATES}/{stem}.py.jinja", f"{stem}.py") for stem in _RUNTIME),
            client_bases=("SuperOfficeClientMixin", "AsyncSuperOfficeClientMixin"),
            client_imports=("from ._tenant import AsyncSuperOfficeClientMixin, SuperOfficeClientMixin",),
            exports=_EXPORTS,
            readme_sections=(f"{_TEMPLATES}/README.md.jinja",),
            optional_dependencies=(("systemuser", ("cryptography>=41",)),),
            reserved_client_attributes=("for_tenant", "raise_agent_errors", "tenant"),
            error_fields=_ERRORS,
        )

    def claim_security_scheme(self, key: str, scheme: dict[str, Any]) -> ProfileAuth | None:
        """The SOTicket scheme (apiKey in `Authorization`, named or described as a ticket)."""
        text = f"{key} {scheme.get('description') or ''}".lower()
        in_authorization = str(scheme.get("name", "")).lower() == "authorization"
        if str(scheme.get("type", "")).lower() == "apikey" and in_authorization and "ticket" in text:
            return _TICKET_AUTH
        return None

    def adjust_operation(self, plan: OperationPlan, source: OperationSource) -> OperationPlan:
        schema = _success_schema(source)
        if schema is None:
            return plan
        row = _odata_row_schema(schema)
        if row is not None and source.method == "get" and _is_model(plan.return_annotation):
            return replace(plan, return_annotation=_page_of(source.annotation(row, "Row")), call=_PAGE_CALL)
        items = _archive_row_schema(source, schema)
        if items is not None:
            return replace(plan, return_annotation=_page_of(source.annotation(items, "Row")), call=_PAGE_CALL)
        if "/Agents/" in source.path and _is_entity(schema) and _is_model(plan.return_annotation):
            return replace(plan, call=_ENTITY_CALL)
        return plan

    def adjust_model(self, model: ModelPlan) -> ModelPlan:
        if model.kind != "model":
            return model
        taken = {f.name for f in model.fields}
        mixins = [
            mixin
            for f in model.fields
            if f.wire_name in _BUCKETS
            for mixin, prop in [_BUCKETS[f.wire_name]]
            if prop not in taken
        ]
        if not mixins:
            return model
        added = imports(model.imports.imports, [Import(".._custom_fields", m) for m in mixins])
        return replace(model, bases=(*mixins, *model.bases), imports=ImportBlock(added.imports, model.imports.by_name))


def _success_schema(source: OperationSource) -> dict[str, Any] | None:
    """The dereferenced JSON schema of the first 2xx response, if any."""
    responses = source.operation.get("responses")
    if not isinstance(responses, dict):
        return None
    for code in sorted(str(c) for c in responses if str(c).startswith("2")):
        response = source.deref(responses.get(code))
        content = response.get("content")
        media = content.get("application/json") if isinstance(content, dict) else None
        if isinstance(media, dict) and isinstance(media.get("schema"), dict):
            schema = media["schema"]
            target = source.deref(schema)
            return {**target, "x-sdkgen-ref": schema.get("$ref")}
    return None


def _odata_row_schema(schema: dict[str, Any]) -> object | None:
    """The row schema of an OData list result (`odata.nextLink` and a `value` array), or None."""
    props = schema.get("properties")
    if not isinstance(props, dict) or "odata.nextLink" not in props or not isinstance(props.get("value"), dict):
        return None
    items = props["value"].get("items")
    return items if isinstance(items, dict) else None


def _is_entity(schema: dict[str, Any]) -> bool:
    """A named object schema (a carrier or entity), not an array, primitive or free-form map."""
    return isinstance(schema.get("x-sdkgen-ref"), str) and isinstance(schema.get("properties"), dict)


def _archive_row_schema(source: OperationSource, schema: dict[str, Any]) -> object | None:
    """The row schema of an archive agent's paged call: a flattened body with `Page` and
    `PageSize`, and an array result."""
    body = source.deref(source.operation.get("requestBody"))
    content = body.get("content")
    media = content.get("application/json") if isinstance(content, dict) else None
    if body.get("x-sdkgen-flatten") is not True or not isinstance(media, dict):
        return None
    props = source.deref(media.get("schema")).get("properties")
    if not isinstance(props, dict) or not {"Page", "PageSize"} <= set(props):
        return None
    types = schema.get("type")
    is_array = types == "array" or (isinstance(types, list) and "array" in types)
    return schema.get("items") if is_array and isinstance(schema.get("items"), dict) else None
