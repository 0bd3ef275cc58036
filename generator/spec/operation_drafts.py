"""Pages -> operation drafts: the request and response types of each page, as TypeRefs.

Each property table becomes a `TableUse` carrying the names its page offers (see naming.py for
the ranking); `register_uses` names them all at once, so a name never depends on page order.
Agent request carriers are `<Operation>Request`; JSON-patch bodies are `PatchOperation` arrays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from generator.parse.page_model import HttpSample, Page, Property
from generator.parse.text import (
    body_entity_name,
    carrier_name,
    description_subject,
    links_entity_name,
    owner_in_descriptions,
    summary_type_name,
)
from generator.spec.naming import (
    BODY_DESCRIPTION,
    DESCRIPTION,
    IDENTITY,
    OWNER,
    PAGE_TYPE,
    SIBLING,
    SUBJECT,
    SUMMARY,
    Evidence,
    Namer,
    TableUse,
    identity_name,
)
from generator.spec.schema_registry import Field, Registry, pascal, singular
from generator.spec.type_refs import (
    INTEGER32,
    STRING,
    AnyValue,
    ArrayOf,
    Binary,
    Prim,
    Ref,
    TypeRef,
    is_type_name,
    map_type_cell,
)

PATCH_OPERATION = "PatchOperation"
# RFC 6902's operations; a page that says which of them the server supports narrows the set.
_PATCH_OPS = ("add", "remove", "replace", "move", "copy", "test")
_SUPPORTED_OPS = re.compile(
    r"supports\s+(?:the\s+)?operations?\s+((?:['\"`]?\w+['\"`]?(?:\s*,\s*|\s+and\s+|\s+or\s+)?)+)", re.I
)
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
    # Property tables waiting for their names (see register_uses).
    uses: list[TableUse] = field(default_factory=list)


def operation_name(uid: str) -> str:
    """`v1ChatAgent_RejectChatSessionTransfer` -> `RejectChatSessionTransfer`."""
    head, sep, tail = uid.partition("_")
    return pascal(tail if sep else head)


def _owner_name(uid: str) -> str:
    """`v1ChatAgent_X` -> `ChatAgent`."""
    return pascal(uid.partition("_")[0].lstrip("v0123456789"))


def page_samples(page: Page) -> tuple[HttpSample | None, HttpSample | None]:
    """The page's first request and first response sample (the only ones the spec reads)."""
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
    draft.request_sample, draft.response_sample = page_samples(page)
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
        draft.request = registry.fresh(f"{op_name}Body", page.uid, (page.file, draft.request_sample.line))
    _draft_response(draft, registry, op_name)
    return draft


def _with_patch_ops(prop: Property, page_text: str) -> Property:
    """The `op` row typed as the enum of operations the page says the server supports.

    SuperOffice documents them in prose ("JSON PATCH supports operations 'add', 'replace',
    'remove' and 'test'."), with a plain `string` type cell; without such a sentence the row
    keeps its cell (generators fall back to RFC 6902's six operations).
    """
    if prop.name != "op" or prop.type.strip().lower() not in ("", "string"):
        return prop
    ops = supported_patch_ops(page_text)
    return replace(prop, type="Enum: " + ", ".join(ops)) if ops else prop


def supported_patch_ops(text: str) -> tuple[str, ...]:
    """The RFC 6902 operations a "supports operations a, b and c" sentence lists, in order."""
    match = _SUPPORTED_OPS.search(text)
    if match is None:
        return ()
    words = re.findall(r"\w+", match.group(1).lower())
    return tuple(dict.fromkeys(w for w in words if w in _PATCH_OPS))


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
        registry.note_name(PATCH_OPERATION, "json-patch", "a JSON Patch (RFC 6902) body", page.file, body.line)
        if not schema.fields:
            registry.add_table(
                PATCH_OPERATION,
                tuple(_with_patch_ops(p, page.description) for p in body.properties if p.name != "value"),
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
        registry.note_name(name, "request-carrier", f"agent request carrier of {op_name}", page.file, body.line)
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
        if is_array and _is_id_list(body.name, body.description):
            # `taskIds`, "The primary keys.": integer ids (a sample, if any, is still checked against them).
            draft.request = ArrayOf(INTEGER32)
            return
        if is_array and body.name.lower().endswith("names"):
            draft.request = ArrayOf(STRING)  # `moduleLicenseNames`
            return
        slot = registry.fresh(singular(body.name) if is_array else body.name, page.uid)
        draft.request = ArrayOf(slot) if is_array else slot
        return
    use = _table_use(draft, "request", body.properties, is_array, f"{op_name}Item" if is_array else f"{op_name}Body")
    line = body.line
    entity = body_entity_name(body.description)
    if entity:
        use.evidence.append(Evidence(entity, BODY_DESCRIPTION, body.description, page.file, line))
    _table_evidence(use, op_name, taking=True)
    draft.uses.append(use)


def _is_id_list(name: str, description: str) -> bool:
    lower, text = name.lower(), description.lower()
    return lower.endswith("ids") or "primary keys" in text or " ids " in f" {text} "


def _table_use(
    draft: OperationDraft, attribute: str, props: tuple[Property, ...], is_array: bool, fallback: str
) -> TableUse:
    return TableUse(draft, attribute, props, is_array, fallback, _owner_name(draft.page.uid))


def _table_evidence(use: TableUse, op_name: str, taking: bool) -> None:
    """Evidence that the table's own rows and the endpoint's name give (see naming.py)."""
    page, props = use.draft.page, use.props
    line = props[0].line if props else page.path_line
    rows = tuple((prop.name, prop.description) for prop in props)
    owner = owner_in_descriptions(rows)
    if owner:
        use.evidence.append(Evidence(owner, OWNER, "a property description names its type", page.file, line))
    subject = description_subject(rows)
    if subject:
        use.evidence.append(
            Evidence(subject, SUBJECT, f"rows describe themselves as 'The {subject} ...'", page.file, line)
        )
    identity = identity_name(op_name, use.is_array, taking)
    if identity:
        use.evidence.append(Evidence(identity, IDENTITY, f"the operation {op_name}", page.file, page.path_line))


def _response_name(page: Page) -> str:
    """The type the page itself names for its response (`### Response body: ChatSessionEntity`)."""
    response = page.response
    assert response is not None
    named = response.type_name.strip()
    for prefix in ("array of ", "Array of "):
        named = named.removeprefix(prefix)
    named = named.removesuffix("[]").strip()
    return named if is_type_name(named) else ""


def _described_name(page: Page) -> str:
    assert page.response is not None
    description = page.response.description
    return carrier_name(description) or links_entity_name(description)


def bodiless(page: Page, sample: HttpSample | None) -> bool:
    """A response documented without content: only 204 (or no 2xx) and no sample body."""
    assert page.response is not None
    codes = {status.code for status in page.response.statuses}
    has_content = any(code.startswith("2") and code != "204" for code in codes)
    sample_body = sample is not None and sample.body_is_json and sample.body is not None
    return not page.response.properties and not has_content and not sample_body


def _binary_sample(sample: HttpSample | None) -> bool:
    """A sample answered with a non-JSON body and a binary content type (`binary/octet-stream`, images)."""
    if sample is None or sample.body_is_json or not sample.body_text:
        return False
    content_type = next((value for name, value in sample.headers if name.lower() == "content-type"), "").lower()
    return "octet-stream" in content_type or content_type.startswith(("image/", "application/pdf", "application/vnd"))


def schema_description(page: Page) -> str:
    """The response section's free text describes the type, unless it only repeats a status."""
    assert page.response is not None
    text = page.response.description
    statuses = {status.description.lower() for status in page.response.statuses} | {"ok", ""}
    return "" if text.lower().strip(". ") in statuses else text


def _draft_response(draft: OperationDraft, registry: Registry, op_name: str) -> None:
    page, response = draft.page, draft.page.response
    if response is None:
        if draft.response_sample is not None and draft.response_sample.body_is_json:
            draft.response = registry.fresh(f"{op_name}Result", page.uid, (page.file, draft.response_sample.line))
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
        draft.response = (
            mapped if isinstance(mapped, Prim) else registry.fresh(op_name, page.uid, (page.file, response.line))
        )
        return
    if response.properties:
        use = _table_use(
            draft, "response", response.properties, is_array, f"{op_name}Item" if is_array else f"{op_name}Result"
        )
        use.description = schema_description(page)
        named, described = _response_name(page), _described_name(page)
        if named:
            use.evidence.append(Evidence(named, PAGE_TYPE, f"Response body: {named}", page.file, response.line))
        if described:
            use.evidence.append(Evidence(described, DESCRIPTION, response.description, page.file, response.line))
        summary, summary_array = summary_type_name(page.summary)
        if summary and summary_array == is_array:
            use.evidence.append(Evidence(summary, SUMMARY, page.summary, page.file, page.path_line))
        _table_evidence(use, op_name, taking=False)
        draft.uses.append(use)
        return
    named, described = _response_name(page), _described_name(page)
    name = named or described
    if name:
        kind, text = ("page-type", f"Response body: {named}") if named else ("description", response.description)
        registry.note_name(name, kind, text, page.file, response.line)
        ref = Ref(registry.ensure(name).name)
        draft.response = ArrayOf(ref) if is_array else ref
        if named and bodiless(page, draft.response_sample):
            # The published pages put a stale type heading on responses without content: a type
            # named there proves nothing about a table elsewhere (see naming.py).
            registry.bodiless_names.add(named)
    elif draft.response_sample is not None and draft.response_sample.body_text:
        hint = f"{op_name}Item" if is_array else f"{op_name}Result"
        slot = registry.fresh(hint, page.uid, (page.file, response.line))
        draft.response = ArrayOf(slot) if is_array else slot


def register_uses(drafts: list[OperationDraft], registry: Registry) -> None:
    """Name every table (naming.py), then register the tables in page order under their names."""
    uses = [use for draft in drafts for use in draft.uses]
    for draft in drafts:
        request = next((use for use in draft.uses if use.attribute == "request"), None)
        response = next((use for use in draft.uses if use.attribute == "response"), None)
        if request is not None:
            request.partner = response
    namer = Namer(registry)
    namer.decide(uses)
    for use in uses:
        assert use.chosen is not None
        description = use.description if use.chosen.rank > SIBLING else ""
        ref = registry.add_table(use.chosen.name, use.props, use.draft.page.file, description)
        setattr(use.draft, use.attribute, ArrayOf(ref) if use.is_array else ref)
    for draft in drafts:
        draft.uses.clear()
