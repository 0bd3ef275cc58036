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
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostics
from generator.openapi import HTTP_METHODS
from generator.parse.page_model import IndexPage, Page, Parameter
from generator.spec.component_names import apply_schema_renames, schema_renames
from generator.spec.emit import is_untyped, object_schema, type_schema
from generator.spec.explain import fallback_names, name_report
from generator.spec.infer import Inference
from generator.spec.operation import OperationContext, build_operation, sample_status, segments, widen_path_params
from generator.spec.operation_drafts import OperationDraft, draft_named, register_uses
from generator.spec.parameters import COMMON_HEADERS
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


def _template_key(path: str) -> tuple[str, ...]:
    return tuple("{}" if seg.startswith("{") and seg.endswith("}") else seg.lower() for seg in segments(path))


@dataclass
class SpecRecord:
    """Where each page's operation went and what it took from shared state, for an incremental
    build that rebuilds one page's operation alone (spec/replay.py). Keyed by page file."""

    contexts: dict[str, OperationContext] = field(default_factory=dict)
    placements: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # path key, method, variant or -1
    operation_diagnostics: dict[str, tuple[int, int]] = field(default_factory=dict)  # slice of diags.items
    schema_renames: dict[str, str] = field(default_factory=dict)


class _DocumentBuilder:
    def __init__(self, pages: list[Page], diags: Diagnostics, record: SpecRecord | None = None) -> None:
        self.pages = sorted(pages, key=lambda page: page.file)
        self.diags = diags
        self.record = record
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
                and sample_status(sample).startswith("2")
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

    def _context(self, draft: OperationDraft, renames: dict[str, str]) -> OperationContext:
        registry = self.registry
        return OperationContext(
            self.operation_ids.get(id(draft), draft.page.uid),
            tuple(renames.items()),
            None if draft.request is None else type_schema(registry, draft.request, False),
            draft.request_media,
            draft.flatten,
            draft.patch_body,
            isinstance(draft.request, Binary),
            None if draft.response is None else type_schema(registry, draft.response, False),
            draft.response_media,
            isinstance(draft.response, Binary),
        )

    def _operation(self, draft: OperationDraft, renames: dict[str, str]) -> dict[str, Any] | None:
        page, record = draft.page, self.record
        start = len(self.diags.items)
        try:
            ctx = self._context(draft, renames)
            op = build_operation(page, ctx, self.diags, self.common_headers)
        except Exception as error:  # one page must never stop the run
            self._page_failed(page, error)
            return None
        if record is not None:
            record.contexts[page.file] = ctx
            record.operation_diagnostics[page.file] = (start, len(self.diags.items))
        return op

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
                    for doc, canon in zip(segments(draft.page.path), segments(canonical), strict=False)
                    if doc.startswith("{") and doc != canon
                }
                op = self._operation(draft, renames)
                if op is None:
                    continue
                method = draft.page.method.lower()
                if method in item:
                    variants += 1
                    primary = item[method]
                    if self.record is not None:
                        index = len(primary.get("x-sdkgen-variants", []))
                        self.record.placements[draft.page.file] = (canonical, method, index)
                    self.diags.info(
                        draft.page.file,
                        draft.page.path_line,
                        "operation-variant",
                        f"{draft.page.method} {draft.page.path} shares its method and path template with {primary['x-source']}; kept as a variant",
                    )
                    widen_path_params(primary, op)
                    primary.setdefault("x-sdkgen-variants", []).append(op)
                else:
                    item[method] = op
                    if self.record is not None:
                        self.record.placements[draft.page.file] = (canonical, method, -1)
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
        if self.record is not None:
            self.record.schema_renames = schema_renames(list(schemas))
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
    record: SpecRecord | None = None,
) -> tuple[dict[str, Any], BuildStats]:
    """Build the OpenAPI document for `pages`; problems go to `diags`. `index_pages` describe
    the tags (generator/spec/tags.py). A `record` is filled with each page's operation context
    and place (see SpecRecord)."""
    document, stats = _DocumentBuilder(pages, diags, record).document(title, version)
    names = [str(entry["name"]) for entry in document["tags"]]
    document["tags"] = described_tags(names, index_pages, diags)
    return document, stats
