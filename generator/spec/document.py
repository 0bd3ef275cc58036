"""Page models -> one OpenAPI 3.1 document (a plain dict, keys in a stable order).

Pages that share one method and path template (the 10.0.2 reference has, for example,
`GET /TriggerScript/{id}` and `GET /TriggerScript/{triggerScriptUniqueId}`) cannot both be
OpenAPI operations: templated paths that differ only in parameter names are the same path. We
keep one path key per template, with the parameter names most pages use, and one operation per
method; when two pages claim the same method, the first (by file) is the operation and each other
page's complete operation is kept in its `x-sdkgen-variants` list (with its own operationId), the
path parameter accepting either page's type. Nothing is lost and the document stays valid;
SDK generators can emit the variants as further methods on the same URL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from generator.diagnostics import Diagnostics
from generator.openapi import HTTP_METHODS
from generator.parse.page_model import HttpSample, IndexPage, Page, Parameter, is_status_code
from generator.spec.component_names import apply_schema_renames
from generator.spec.emit import is_untyped, object_schema, type_schema
from generator.spec.explain import fallback_names, name_report
from generator.spec.infer import Inference
from generator.spec.operation_drafts import OperationDraft, draft_named, register_uses
from generator.spec.parameters import (
    COMMON_HEADERS,
    classify_headers,
    path_parameter,
    query_parameter,
    unique_parameters,
)
from generator.spec.schema_registry import Registry
from generator.spec.tags import described_tags
from generator.spec.type_refs import ArrayOf, Binary, DictOf, Ref, TypeRef

OPENAPI_VERSION = "3.1.0"


@dataclass(frozen=True)
class BuildStats:
    operations: int
    variants: int
    schemas: int
    properties: int
    untyped_properties: int
    fallback_schemas: int = 0  # schemas named after an operation because the docs name nothing
    # Every schema with the evidence that named it (generator/spec/explain.py).
    name_report: tuple[dict[str, Any], ...] = ()


def _segments(path: str) -> list[str]:
    return path.split("?", 1)[0].strip("/").split("/")


def _template_key(path: str) -> tuple[str, ...]:
    return tuple("{}" if seg.startswith("{") and seg.endswith("}") else seg.lower() for seg in _segments(path))


def _path_values(template: str, concrete: str) -> dict[str, str]:
    """`/api/v1/X/{id}` against `/api/v1/X/42` -> {"id": "42"}."""
    names, values = _segments(template), _segments(concrete)
    if len(names) != len(values):
        return {}
    return {
        name[1:-1]: value
        for name, value in zip(names, values, strict=False)
        if name.startswith("{") and name.endswith("}")
    }


def _sample_request(sample: HttpSample) -> dict[str, Any]:
    method, _, target = sample.start_line.partition(" ")
    target = target.strip().rsplit(" HTTP/", 1)[0]
    path, _, query = target.partition("?")
    result: dict[str, Any] = {"method": method.upper(), "path": path}
    if query:
        result["query"] = dict(parse_qsl(query, keep_blank_values=True))
    if sample.headers:
        result["headers"] = dict(sample.headers)
    return result


def _sample_status(sample: HttpSample) -> str:
    parts = sample.start_line.split()
    return parts[1] if len(parts) > 1 and is_status_code(parts[1]) else "200"


class _DocumentBuilder:
    def __init__(self, pages: list[Page], diags: Diagnostics) -> None:
        self.pages = sorted(pages, key=lambda page: page.file)
        self.diags = diags
        self.registry = Registry(diags)
        self.common_headers: dict[str, Parameter] = {}
        self.operation_ids: dict[int, str] = {}  # id(draft) -> its operationId when the page's uid is taken

    # -- types -----------------------------------------------------------------------------

    def drafts(self) -> list[OperationDraft]:
        registry = self.registry
        drafts = []
        for page in self.pages:
            try:
                drafts.append(draft_named(page, registry))
            except Exception as error:  # one page must never stop the run
                self._page_failed(page, error)
        register_uses(drafts, registry)
        registry.settle_votes()
        inference = Inference(registry)
        for draft in drafts:
            if draft.request is not None and draft.request_sample is not None and draft.request_sample.body_is_json:
                inference.walk(
                    draft.request, draft.request_sample.body, draft.request_sample.file, draft.request_sample.line
                )
            sample = draft.response_sample
            if (
                draft.response is not None
                and sample is not None
                and sample.body_is_json
                and _sample_status(sample).startswith("2")
            ):
                inference.walk(draft.response, sample.body, sample.file, sample.line)
        inference.run()
        self._ensure_referenced(drafts)
        return drafts

    def _ensure_referenced(self, drafts: list[OperationDraft]) -> None:
        """Every named type that a table or page mentions exists as a schema."""
        registry = self.registry
        pending: list[TypeRef] = [d.request for d in drafts if d.request is not None]
        pending += [d.response for d in drafts if d.response is not None]
        seen: set[str] = set()
        for schema in list(registry.schemas.values()):
            pending.extend(f.type for f in schema.fields.values())
        while pending:
            ref = registry.resolve(pending.pop())
            if isinstance(ref, ArrayOf):
                pending.append(ref.item)
            elif isinstance(ref, DictOf):
                pending.append(ref.value)
            elif isinstance(ref, Ref) and ref.name not in seen:
                seen.add(ref.name)
                if ref.name not in registry.schemas:
                    registry.ensure(ref.name)

    def _page_failed(self, page: Page, error: Exception) -> None:
        text = f"{type(error).__name__}: {error}"
        self.diags.error(
            page.file, 0, "internal-error", f"page could not be turned into an operation ({text[:200]}); skipped"
        )

    # -- operations ------------------------------------------------------------------------

    def operation(self, draft: OperationDraft, renames: dict[str, str]) -> dict[str, Any]:
        page, registry, diags = draft.page, self.registry, self.diags
        op: dict[str, Any] = {"operationId": self.operation_ids.get(id(draft), page.uid), "tags": [page.tag]}
        if page.summary:
            op["summary"] = page.summary
        description = page.description
        if page.online_restricted:
            description = f"{description}\n\n**Online Restricted:** {page.online_restricted}".strip()
        for note in page.notes:
            description = f"{description}\n\n### {note.title}\n\n{note.text}".strip()
        if description:
            op["description"] = description
        headers = classify_headers(page, self.common_headers, diags)
        sample_values = (
            _path_values(page.path, _sample_request(draft.request_sample)["path"]) if draft.request_sample else {}
        )
        parameters: list[dict[str, Any]] = []
        documented = {param.name: param for param in page.path_params}
        for segment in _segments(page.path):
            if not (segment.startswith("{") and segment.endswith("}")):
                continue
            name = segment[1:-1]
            param = documented.pop(name, None)
            if param is None:
                diags.warn(
                    page.file,
                    page.path_line,
                    "path-param-undocumented",
                    f"path parameter {{{name}}} has no row in the path-part table; typed as string",
                )
                param = Parameter(name, "path", "string", "", True, page.path_line)
            spec = path_parameter(registry, param, sample_values.get(name), diags, page.file)
            if name in renames:
                spec["name"] = renames[name]
                spec["description"] = (spec.get("description", "") + f" (documented as `{name}`)").strip()
            parameters.append(spec)
        for leftover in documented.values():
            diags.warn(
                page.file,
                leftover.line,
                "path-param-unused",
                f"path part {leftover.name!r} does not occur in {page.path}; kept as a query parameter",
            )
            parameters.append(query_parameter(registry, leftover, None, diags, page.file))
        query_sample = _sample_request(draft.request_sample).get("query", {}) if draft.request_sample else {}
        for param in page.query_params:
            example = page.query_examples.get(param.name, query_sample.get(param.name))
            parameters.append(query_parameter(registry, param, example, diags, page.file))
        parameters += headers.params
        parameters += [{"$ref": f"#/components/parameters/{name}"} for name in headers.common]
        if parameters:
            op["parameters"] = unique_parameters(parameters, page, diags)
        self._report_unused_properties(draft)
        body = self._request_body(draft, headers.request_media)
        if body is not None:
            op["requestBody"] = body
        op["responses"] = self._responses(draft)
        if page.online_restricted:
            op["x-online-restricted"] = page.online_restricted
        if headers.request_media:
            op["x-content-types"] = headers.request_media
        if headers.response_media:
            op["x-accept-types"] = headers.response_media
        samples = self._samples(draft)
        if samples:
            op["x-samples"] = samples
        op["x-source"] = page.file
        return op

    def _report_unused_properties(self, draft: OperationDraft) -> None:
        """A property table under a body that is a byte stream describes nothing that is sent."""
        page = draft.page
        for ref, owner in ((draft.request, page.request_body), (draft.response, page.response)):
            if isinstance(ref, Binary) and owner is not None and owner.properties:
                self.diags.warn(
                    page.file,
                    owner.properties[0].line,
                    "properties-unused",
                    f"the {'request' if owner is page.request_body else 'response'} body is binary; its "
                    f"{len(owner.properties)} property rows ({', '.join(p.name for p in owner.properties[:5])}) are not used",
                )

    def _request_body(self, draft: OperationDraft, media: list[str]) -> dict[str, Any] | None:
        if draft.request is None:
            return None
        page = draft.page
        schema = type_schema(self.registry, draft.request, False)
        if draft.patch_body:
            schema = {"anyOf": [schema, {"type": "object", "description": "JSON Merge Patch (RFC 7396) document"}]}
        content: dict[str, Any] = {"schema": schema}
        sample = draft.request_sample
        if sample is not None and sample.body_is_json:
            content["examples"] = {"sample": {"summary": "Sample request from the reference", "value": sample.body}}
        body: dict[str, Any] = {"required": True}
        if page.request_body is not None and page.request_body.description and not draft.flatten:
            body["description"] = page.request_body.description
        body["content"] = {draft.request_media: content}
        body["x-codegen-request-body-name"] = page.request_body.name if page.request_body else "body"
        if draft.flatten:
            body["x-sdkgen-flatten"] = True
        return body

    def _responses(self, draft: OperationDraft) -> dict[str, Any]:
        page = draft.page
        statuses = (
            {status.code: status.description or "OK" for status in page.response.statuses} if page.response else {}
        )
        sample = draft.response_sample
        sample_status = _sample_status(sample) if sample is not None else ""
        if sample is not None and sample_status not in statuses:
            if statuses:
                self.diags.warn(
                    page.file,
                    sample.line,
                    "sample-status",
                    f"sample response status {sample_status} is not in the status table; added",
                )
            statuses[sample_status] = sample.start_line.split(" ", 2)[2] if sample.start_line.count(" ") >= 2 else "OK"
        if not statuses:
            statuses["200"] = "OK"
        responses: dict[str, Any] = {}
        for code in sorted(statuses):
            response: dict[str, Any] = {"description": statuses[code]}
            if code.startswith("2") and code != "204" and draft.response is not None:
                content: dict[str, Any] = {"schema": type_schema(self.registry, draft.response, False)}
                if sample is not None and sample_status == code:
                    if sample.body_is_json:
                        content["examples"] = {
                            "sample": {"summary": "Sample response from the reference", "value": sample.body}
                        }
                    elif sample.body_text and draft.response_media != "application/json":
                        content["example"] = sample.body_text
                response["content"] = {draft.response_media: content}
            responses[code] = response
        return responses

    def _samples(self, draft: OperationDraft) -> list[dict[str, Any]]:
        entry: dict[str, Any] = {}
        if draft.request_sample is not None:
            entry["request"] = _sample_request(draft.request_sample)
        if draft.response_sample is not None:
            sample = draft.response_sample
            entry["response"] = {"status": int(_sample_status(sample)), "headers": dict(sample.headers)}
        return [entry] if entry else []

    # -- paths -----------------------------------------------------------------------------

    def paths(self, drafts: list[OperationDraft]) -> tuple[dict[str, Any], int]:
        groups: dict[tuple[str, ...], list[OperationDraft]] = {}
        for draft in drafts:
            groups.setdefault(_template_key(draft.page.path), []).append(draft)
        paths: dict[str, Any] = {}
        variants = 0
        uids: Counter[str] = Counter(d.page.uid for d in drafts)
        taken = set(uids)
        for uid, count in sorted(uids.items()):
            if count > 1:
                # OpenAPI requires unique operationIds: the first page (by file) keeps it, the others are numbered.
                same = [d for d in drafts if d.page.uid == uid]
                renamed = []
                for draft in same[1:]:
                    number = 2
                    while f"{uid}_{number}" in taken:
                        number += 1
                    self.operation_ids[id(draft)] = f"{uid}_{number}"
                    taken.add(f"{uid}_{number}")
                    renamed.append(f"{draft.page.file} as {uid}_{number}")
                self.diags.warn(
                    same[0].page.file,
                    0,
                    "duplicate-operation-id",
                    f"operationId {uid!r} is used by {count} pages; also written: {', '.join(renamed)}",
                )
        for key in sorted(groups):
            group = groups[key]
            canonical = self._canonical_path(group)
            item: dict[str, Any] = {}
            for draft in group:
                renames = {
                    doc[1:-1]: canon[1:-1]
                    for doc, canon in zip(_segments(draft.page.path), _segments(canonical), strict=False)
                    if doc.startswith("{") and doc != canon
                }
                try:
                    op = self.operation(draft, renames)
                except Exception as error:  # one page must never stop the run
                    self._page_failed(draft.page, error)
                    continue
                method = draft.page.method.lower()
                if method in item:
                    variants += 1
                    primary = item[method]
                    self.diags.info(
                        draft.page.file,
                        draft.page.path_line,
                        "operation-variant",
                        f"{draft.page.method} {draft.page.path} shares its method and path template with {primary['x-source']}; kept as a variant",
                    )
                    _widen_path_params(primary, op)
                    primary.setdefault("x-sdkgen-variants", []).append(op)
                else:
                    item[method] = op
            paths[canonical] = {method: item[method] for method in HTTP_METHODS if method in item}
        return dict(sorted(paths.items())), variants

    @staticmethod
    def _canonical_path(group: list[OperationDraft]) -> str:
        """The most common spelling of a path template in its group (ties: first by file)."""
        spellings = Counter(draft.page.path.split("?", 1)[0] for draft in group)
        first = {draft.page.path.split("?", 1)[0]: i for i, draft in reversed(list(enumerate(group)))}
        return max(spellings, key=lambda p: (spellings[p], -first[p]))

    # -- document --------------------------------------------------------------------------

    def document(self, title: str, version: str) -> tuple[dict[str, Any], BuildStats]:
        drafts = self.drafts()
        paths, variants = self.paths(drafts)
        schemas = {
            name: object_schema(self.registry, self.registry.schemas[name]) for name in sorted(self.registry.schemas)
        }
        origins = {name: schema.files[0] for name, schema in self.registry.schemas.items() if schema.files}
        schemas = apply_schema_renames(paths, schemas, origins, self.diags)
        properties = sum(len(s["properties"]) for s in schemas.values())
        untyped = sum(1 for s in schemas.values() for p in s["properties"].values() if is_untyped(p))
        parameters = {}
        for _header_key, name in COMMON_HEADERS.items():
            header = self.common_headers.get(name)
            if header is None:
                continue
            parameters[name] = {
                "name": header.name,
                "in": "header",
                "required": False,
                "description": header.description,
                "schema": {"type": "string"},
                "x-sdkgen-client-option": True,
            }
        tags = sorted({draft.page.tag for draft in drafts})
        doc: dict[str, Any] = {
            "openapi": OPENAPI_VERSION,
            # SuperOffice's conventions (OData pages, tenants, agent errors...): generator/profiles
            "x-sdkgen-profile": "superoffice",
            "info": {
                "title": title,
                "version": version,
                "description": "Generated by sdkgen from the Markdown API reference.",
            },
            "servers": SERVERS,
            "security": [{"basic": []}, {"bearer": []}, {"soTicket": []}, {"xsrfToken": []}],
            "tags": [{"name": tag} for tag in tags],
            "paths": paths,
            "components": {
                "schemas": schemas,
                "parameters": dict(sorted(parameters.items())),
                "securitySchemes": SECURITY_SCHEMES,
            },
        }
        stats = BuildStats(
            sum(len(item) for item in paths.values()),
            variants,
            len(schemas),
            properties,
            untyped,
            len(fallback_names(self.registry)),
            tuple(name_report(self.registry)),
        )
        return doc, stats


def _widen_path_params(primary: dict[str, Any], variant: dict[str, Any]) -> None:
    """Let the primary operation's path parameters accept the variant's types too."""
    theirs = {p["name"]: p for p in variant.get("parameters", []) if p.get("in") == "path"}
    for param in primary.get("parameters", []):
        other = theirs.get(param.get("name", ""))
        if other is None or other["schema"] == param["schema"]:
            continue
        param["schema"] = {"anyOf": [param["schema"], other["schema"]]}
        param.pop("example", None)


SERVERS: list[dict[str, Any]] = [
    {
        "url": "https://{environment}.superoffice.com/{contextId}",
        "description": "SuperOffice CRM Online: the tenant's address",
        "variables": {
            "environment": {
                "default": "online",
                "enum": ["online", "sod", "stage"],
                "description": "online (production), sod (development), stage",
            },
            # Named as `for_tenant(context_id=..., environment=...)` names them.
            "contextId": {"default": "Cust12345", "description": "The tenant's context identifier"},
        },
    },
    {
        "url": "{scheme}://{host}/{site}",
        "description": "SuperOffice CRM Onsite installation",
        "variables": {
            "scheme": {"default": "https", "enum": ["https", "http"]},
            "host": {"default": "localhost"},
            "site": {"default": "SuperOffice", "description": "The installation's virtual directory"},
        },
    },
]

SECURITY_SCHEMES: dict[str, Any] = {
    "basic": {"type": "http", "scheme": "basic", "description": "User name and password (onsite installations)."},
    "bearer": {"type": "http", "scheme": "bearer", "description": "OAuth/OpenID Connect access token (online)."},
    "soTicket": {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "`Authorization: SOTicket <ticket>`; online calls from a server also send the SO-AppToken header.",
    },
    "xsrfToken": {
        "type": "apiKey",
        "in": "header",
        "name": "X-XSRF-TOKEN",
        "description": "For browser sessions without an Authorization header: the XSRF value from the cookie or hidden input field.",
    },
}


def build_document(
    pages: list[Page],
    diags: Diagnostics,
    title: str = "SuperOffice WebAPI",
    version: str = "v1",
    index_pages: Sequence[IndexPage] = (),
) -> tuple[dict[str, Any], BuildStats]:
    """Build the OpenAPI document for `pages`; problems go to `diags`. `index_pages` describe
    the tags (generator/spec/tags.py)."""
    document, stats = _DocumentBuilder(pages, diags).document(title, version)
    names = [str(entry["name"]) for entry in document["tags"]]
    document["tags"] = described_tags(names, index_pages, diags)
    return document, stats
