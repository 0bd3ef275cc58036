"""Pages -> operation drafts: the request and response types of each page, as TypeRefs.

Schema names come from what the page says, in this order: the generated format's
`### Response body: ChatSessionEntity`; the 2021 format's `Carrier object for X.` and
`X entity with API _Links added.` (-> `XWithLinks`); a request body's `The X to be saved.`;
agent request carriers are `<Operation>Request`. Tables that name nothing are matched, after all
named tables are known, to a named schema with exactly the same properties, and otherwise named
after the operation (`<Operation>Result`, `<Operation>Item`, `<Operation>Body`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.parse.page_model import HttpSample, Page, Property
from generator.parse.text import carrier_name, links_entity_name, saved_entity_name
from generator.spec.schema_registry import Field, Registry, pascal, singular
from generator.spec.type_refs import (
    AnyValue,
    ArrayOf,
    Binary,
    Prim,
    Ref,
    TypeRef,
    map_type_cell,
)

PATCH_OPERATION = "PatchOperation"
_PRIMITIVE_KINDS = frozenset({"string", "bool", "int32", "int64", "double", "date-time", "decimal", "float", "guid"})


@dataclass
class OperationDraft:
    page: Page
    request: TypeRef | None = None
    request_media: str = "application/json"
    flatten: bool = False
    patch_body: bool = False
    response: TypeRef | None = None
    response_media: str = "application/json"
    request_sample: HttpSample | None = None
    response_sample: HttpSample | None = None
    # Tables that name nothing, resolved in the second pass: (attribute, fallback name, props, array?).
    pending: list[tuple[str, str, tuple[Property, ...], bool]] = field(default_factory=list)


def operation_name(uid: str) -> str:
    """`v1ChatAgent_RejectChatSessionTransfer` -> `RejectChatSessionTransfer`."""
    head, sep, tail = uid.partition("_")
    return pascal(tail if sep else head)


def _owner_name(uid: str) -> str:
    """`v1ChatAgent_X` -> `ChatAgent`."""
    return pascal(uid.partition("_")[0].lstrip("v0123456789"))


def _samples(page: Page) -> tuple[HttpSample | None, HttpSample | None]:
    request = next((sample for sample in page.samples if sample.kind == "request"), None)
    response = next((sample for sample in page.samples if sample.kind == "response"), None)
    return request, response


def _is_array_body(name: str, sample: HttpSample | None) -> bool:
    if sample is not None and sample.body_is_json:
        return isinstance(sample.body, list)
    return name.endswith("s") and name not in ("changes", "status", "settings", "options", "request")


def draft_named(page: Page, registry: Registry) -> OperationDraft:
    """First pass: everything a page can say on its own, registering the schemas it names."""
    draft = OperationDraft(page)
    draft.request_sample, draft.response_sample = _samples(page)
    op_name = operation_name(page.uid)
    body = page.request_body
    if body is not None:
        _draft_request(draft, registry, op_name)
    elif draft.request_sample is not None and draft.request_sample.body_is_json:
        registry.diags.info(
            page.file,
            draft.request_sample.line,
            "body-from-sample",
            "sample request has a body but the page documents none; typed from the sample",
        )
        draft.request = registry.fresh(f"{op_name}Body", page.uid)
    _draft_response(draft, registry, op_name)
    return draft


def _draft_request(draft: OperationDraft, registry: Registry, op_name: str) -> None:
    page, body = draft.page, draft.page.request_body
    assert body is not None
    if body.kind == "binary" or (
        not body.properties and body.kind not in ("", "string") and draft.request_sample is None
    ):
        draft.request, draft.request_media = Binary(), "application/octet-stream"
        return
    if body.name == "changes" or (page.method == "PATCH" and {p.name for p in body.properties} >= {"op", "path"}):
        # JSON Patch (RFC 6902) array, or a merge-patch object that the server converts to one.
        schema = registry.ensure(PATCH_OPERATION)
        if not schema.fields:
            registry.add_table(
                PATCH_OPERATION,
                tuple(p for p in body.properties if p.name != "value"),
                page.file,
                "One JSON Patch (RFC 6902) operation.",
            )
            value = next((p for p in body.properties if p.name == "value"), None)
            if value is not None:
                registry.add_field(schema, Field("value", AnyValue(), value.description, page.file, value.line))
        draft.request, draft.patch_body = ArrayOf(Ref(PATCH_OPERATION)), True
        return
    is_array = _is_array_body(body.name, draft.request_sample)
    if body.name == "request" and body.properties:
        name = f"{op_name}Request"
        existing = registry.schemas.get(name)
        if existing is not None and set(existing.fields) != {p.name for p in body.properties}:
            name = f"{_owner_name(page.uid)}{op_name}Request"
        # Carrier pages list the property names where a description would be: not a description.
        names_only = set(body.description.replace(",", " ").split()) <= {p.name for p in body.properties}
        description = "" if names_only else body.description
        draft.request, draft.flatten = registry.add_table(name, body.properties, page.file, description), True
        return
    if not body.properties:
        if body.kind:
            mapped = map_type_cell(body.kind)
            if mapped is not None and not isinstance(mapped, str) and not isinstance(mapped, Ref):
                draft.request = (
                    ArrayOf(registry.instantiate(mapped, body.name, page.uid))
                    if is_array
                    else registry.instantiate(mapped, body.name, page.uid)
                )
                return
        slot = registry.fresh(singular(body.name) if is_array else body.name, page.uid)
        draft.request = ArrayOf(slot) if is_array else slot
        return
    name = saved_entity_name(body.description)
    if name:
        ref = registry.add_table(name, body.properties, page.file)
        draft.request = ArrayOf(ref) if is_array else ref
    else:
        draft.pending.append(
            ("request", f"{op_name}Body" if not is_array else f"{op_name}Item", body.properties, is_array)
        )


def _response_name(page: Page) -> str:
    response = page.response
    assert response is not None
    named = response.type_name.strip()
    for prefix in ("array of ", "Array of "):
        named = named.removeprefix(prefix)
    named = named.removesuffix("[]").strip()
    if named and named[0].isupper() and named.replace("_", "").isalnum():
        return named
    return carrier_name(response.description) or links_entity_name(response.description)


def _binary_sample(sample: HttpSample | None) -> bool:
    """A sample answered with a non-JSON body and a binary content type (`binary/octet-stream`, images)."""
    if sample is None or sample.body_is_json or not sample.body_text:
        return False
    content_type = next((value for name, value in sample.headers if name.lower() == "content-type"), "").lower()
    return "octet-stream" in content_type or content_type.startswith(("image/", "application/pdf", "application/vnd"))


def _schema_description(page: Page) -> str:
    """The response section's free text describes the type, unless it only repeats a status."""
    assert page.response is not None
    text = page.response.description
    statuses = {status.description.lower() for status in page.response.statuses} | {"ok", ""}
    return "" if text.lower().strip(". ") in statuses else text


def _draft_response(draft: OperationDraft, registry: Registry, op_name: str) -> None:
    page, response = draft.page, draft.page.response
    if response is None:
        if draft.response_sample is not None and draft.response_sample.body_is_json:
            draft.response = registry.fresh(f"{op_name}Result", page.uid)
        return
    kind = (response.kind or response.body_kind).strip().lower()
    if (
        kind == "byte"
        or response.type_name.lower() in ("byte", "stream", "binary")
        or _binary_sample(draft.response_sample)
    ):
        draft.response, draft.response_media = Binary(), "application/octet-stream"
        return
    is_array = kind == "array" or (
        kind == "" and draft.response_sample is not None and isinstance(draft.response_sample.body, list)
    )
    if kind in _PRIMITIVE_KINDS and not response.properties:
        mapped = map_type_cell(kind)
        draft.response = mapped if isinstance(mapped, Prim) else registry.fresh(op_name, page.uid)
        return
    if response.properties:
        name = _response_name(page)
        if name:
            ref = registry.add_table(name, response.properties, page.file, _schema_description(page))
            draft.response = ArrayOf(ref) if is_array else ref
        else:
            draft.pending.append(
                ("response", f"{op_name}Item" if is_array else f"{op_name}Result", response.properties, is_array)
            )
        return
    name = _response_name(page)
    if name:
        ref = Ref(registry.ensure(name).name)
        draft.response = ArrayOf(ref) if is_array else ref
    elif draft.response_sample is not None and draft.response_sample.body_text:
        slot = registry.fresh(f"{op_name}Item" if is_array else f"{op_name}Result", page.uid)
        draft.response = ArrayOf(slot) if is_array else slot


def resolve_pending(drafts: list[OperationDraft], registry: Registry, by_signature: dict[frozenset[str], str]) -> None:
    """Second pass: name the tables that named nothing (see module docstring).

    A fallback name carries its owner (`CategoryListGetAllItem`) when several agents or entities
    use the operation name with different tables; a table that many owners share under one
    operation name (the OData `GetAll` result) keeps the plain name (`GetAllResult`).
    """
    owners: dict[tuple[str, frozenset[str]], set[str]] = {}
    owners_by_fallback: dict[str, set[str]] = {}
    for draft in drafts:
        owner = _owner_name(draft.page.uid)
        for _, fallback, props, _ in draft.pending:
            owners.setdefault((fallback, frozenset(p.name for p in props)), set()).add(owner)
            owners_by_fallback.setdefault(fallback, set()).add(owner)
    for draft in drafts:
        owner = _owner_name(draft.page.uid)
        for attribute, fallback, props, is_array in draft.pending:
            signature = frozenset(p.name for p in props)
            name = by_signature.get(signature) or _near_named(signature, registry)
            if name is None:
                shared = len(owners[(fallback, signature)]) > 1 or len(owners_by_fallback[fallback]) == 1
                name = fallback if shared else f"{owner}{fallback}"
                existing = registry.schemas.get(name)
                if existing is not None and set(existing.fields) != signature:
                    name = f"{owner}{fallback}"
                by_signature.setdefault(signature, name)
            ref = registry.add_table(name, props, draft.page.file)
            setattr(draft, attribute, ArrayOf(ref) if is_array else ref)
        draft.pending.clear()


# An unnamed table is the named schema it almost equals (one page may document a property more or
# less than the others); below this similarity it is a type of its own.
NEAR_MATCH = 0.9


def _near_named(signature: frozenset[str], registry: Registry) -> str | None:
    if len(signature) < 5:
        return None
    # A near match holds at least 90% of the keys, so it holds one of the rarest tenth (+1).
    rarest = sorted(signature, key=lambda key: (len(registry.by_field.get(key, ())), key))
    candidates: set[str] = set()
    for key in rarest[: len(rarest) // 10 + 1]:
        candidates.update(registry.by_field.get(key, ()))
    best: tuple[float, str] | None = None
    for name in sorted(candidates):
        schema = registry.schemas[name]
        if not schema.from_table:
            continue
        fields = set(schema.fields)
        score = len(signature & fields) / len(signature | fields)
        if score >= NEAR_MATCH and (best is None or score > best[0]):
            best = (score, name)
    return best[1] if best else None
