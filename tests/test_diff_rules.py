"""Each breaking-change rule of `sdkgen diff`, on a small hand-written API (tests/fixtures/diff).

Every test edits a copy of the fixture the way a re-published reference might change, and asserts
what a user of the generated Python SDK cares about: is the change reported, and is it breaking.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.diff import ApiDiff, Change, ChangeKind, Impact, diff_specs

FIXTURES = Path(__file__).parent / "fixtures" / "diff"
GET = "GET /api/v1/Contact/{id}"
POST = "POST /api/v1/Contact"
REJECT = "POST /api/v1/Agents/Chat/RejectChatSessionTransfer"
B, NB = Impact.BREAKING, Impact.NON_BREAKING


@functools.cache
def _load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def base() -> dict[str, Any]:
    return copy.deepcopy(_load("base-3.1.yaml"))


def schema(doc: dict[str, Any], name: str) -> dict[str, Any]:
    result: dict[str, Any] = doc["components"]["schemas"][name]
    return result


def get_op(doc: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = doc["paths"]["/api/v1/Contact/{id}"]["get"]
    return result


def one(diff: ApiDiff, kind: ChangeKind) -> Change:
    found = [c for c in diff.changes if c.kind is kind]
    assert len(found) == 1, f"expected one {kind.value}, got {[c.message for c in diff.changes]}"
    return found[0]


def kinds(diff: ApiDiff) -> list[str]:
    return sorted(c.kind.value for c in diff.changes)


# --- equivalence ----------------------------------------------------------------------------


def test_identical_documents_have_no_changes() -> None:
    diff = diff_specs(base(), base())
    assert diff.is_empty and not diff.has_breaking


def test_openapi_30_and_31_spellings_of_the_same_api_are_equal() -> None:
    # nullable: true / allOf-with-nullable (3.0) vs type: [x, "null"] / anyOf-with-null (3.1).
    diff = diff_specs(_load("base-3.0.yaml"), _load("base-3.1.yaml"))
    assert diff.changes == ()
    assert diff.docs_changed == 0


def test_rewrapped_descriptions_are_not_changes() -> None:
    new = base()
    get_op(new)["summary"] = "  Gets a\n ContactEntity   object.\n"
    schema(new, "ContactEntity")["properties"]["Name"]["description"] = "Contact\nname"
    assert diff_specs(base(), new).is_empty


def test_examples_and_samples_are_not_changes() -> None:
    new = base()
    get_op(new)["x-samples"] = [{"request": {"method": "GET"}, "response": {"status": 200}}]
    get_op(new)["responses"]["200"]["content"]["application/json"]["examples"] = {
        "sample": {"value": {"ContactId": 376}}
    }
    assert diff_specs(base(), new).is_empty


def test_description_changes_are_counted_and_listed_only_on_request() -> None:
    new = base()
    get_op(new)["summary"] = "Gets one contact."
    schema(new, "Category")["properties"]["Value"]["description"] = "The visible name"
    diff = diff_specs(base(), new)
    assert diff.changes == () and diff.docs_changed == 2
    listed = diff_specs(base(), new, include_docs=True)
    assert kinds(listed) == ["description-changed", "description-changed"]
    assert not listed.has_breaking


def test_a_change_in_one_operation_is_found_when_everything_else_is_equal() -> None:
    """The diff walks only operations whose own node changed when no shared definition did; the
    one that changed is still compared in full, and shared changes still reach every operation."""
    new = base()
    get_op(new)["deprecated"] = True
    get_op(new)["summary"] = "Gets one contact."
    diff = diff_specs(base(), new)
    assert kinds(diff) == ["operation-deprecated"] and diff.docs_changed == 1
    assert one(diff, ChangeKind.OPERATION_DEPRECATED).operation == GET
    shared = base()
    schema(shared, "ContactEntity")["required"] = ["Name"]
    assert diff_specs(base(), shared).changes, "a changed component must still be compared"


# --- operations -----------------------------------------------------------------------------


def test_added_operation_is_non_breaking() -> None:
    new = base()
    new["paths"]["/api/v1/Contact/{id}"]["delete"] = {
        "operationId": "v1ContactEntity_DeleteContactEntity",
        "tags": ["Contact"],
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
        "responses": {"204": {"description": "Deleted"}},
    }
    change = one(diff_specs(base(), new), ChangeKind.OPERATION_ADDED)
    assert change.operation == "DELETE /api/v1/Contact/{id}" and change.severity is NB
    assert change.new == "v1ContactEntity_DeleteContactEntity" and change.tag == "Contact"


def test_removed_operation_is_breaking() -> None:
    new = base()
    del new["paths"]["/api/v1/Contact"]
    diff = diff_specs(base(), new)
    change = one(diff, ChangeKind.OPERATION_REMOVED)
    assert change.operation == POST and change.severity is B and diff.has_breaking


def test_path_parameter_rename_matches_the_same_operation_and_breaks_keyword_calls() -> None:
    new = base()
    op = new["paths"].pop("/api/v1/Contact/{id}")
    op["get"]["parameters"][0]["name"] = "contactId"
    new["paths"]["/api/v1/Contact/{contactId}"] = op
    diff = diff_specs(base(), new)
    assert kinds(diff) == ["parameter-renamed"]
    change = diff.changes[0]
    assert (change.old, change.new, change.severity) == ("id", "contactId", B)
    assert change.operation == "GET /api/v1/Contact/{contactId}"


def test_path_change_is_recognised_by_operation_id_and_is_breaking() -> None:
    new = base()
    new["paths"]["/api/v1/Company/{id}"] = new["paths"].pop("/api/v1/Contact/{id}")
    diff = diff_specs(base(), new)
    change = one(diff, ChangeKind.OPERATION_PATH_CHANGED)
    assert (change.old, change.new, change.severity) == ("/api/v1/Contact/{id}", "/api/v1/Company/{id}", B)
    assert diff.count(ChangeKind.OPERATION_ADDED) == diff.count(ChangeKind.OPERATION_REMOVED) == 0


def test_operation_id_and_tag_changes_rename_the_sdk_method_and_break() -> None:
    new = base()
    get_op(new)["operationId"] = "v1ContactEntity_Get"
    get_op(new)["tags"] = ["Company"]
    diff = diff_specs(base(), new)
    assert one(diff, ChangeKind.OPERATION_ID_CHANGED).severity is B
    assert one(diff, ChangeKind.OPERATION_TAG_CHANGED).severity is B


def test_deprecation_is_non_breaking() -> None:
    new = base()
    get_op(new)["deprecated"] = True
    assert one(diff_specs(base(), new), ChangeKind.OPERATION_DEPRECATED).severity is NB


# --- parameters -----------------------------------------------------------------------------


@pytest.mark.parametrize(("required", "severity"), [(False, NB), (True, B)])
def test_added_parameter_breaks_only_when_required(required: bool, severity: Impact) -> None:
    new = base()
    get_op(new)["parameters"].append(
        {"name": "$top", "in": "query", "required": required, "schema": {"type": "integer"}}
    )
    change = one(diff_specs(base(), new), ChangeKind.PARAMETER_ADDED)
    assert change.severity is severity and change.new == "$top"


def test_removed_parameter_is_breaking() -> None:
    new = base()
    get_op(new)["parameters"] = [p for p in get_op(new)["parameters"] if p.get("name") != "$select"]
    change = one(diff_specs(base(), new), ChangeKind.PARAMETER_REMOVED)
    assert change.severity is B and change.old == "$select"


def test_removed_shared_header_parameter_reference_is_reported() -> None:
    new = base()
    get_op(new)["parameters"] = get_op(new)["parameters"][:2]
    change = one(diff_specs(base(), new), ChangeKind.PARAMETER_REMOVED)
    assert change.old == "Accept-Language"


def test_optional_parameter_becoming_required_breaks_and_the_reverse_does_not() -> None:
    new = base()
    get_op(new)["parameters"][1]["required"] = True
    assert one(diff_specs(base(), new), ChangeKind.PARAMETER_REQUIRED_CHANGED).severity is B
    assert one(diff_specs(new, base()), ChangeKind.PARAMETER_REQUIRED_CHANGED).severity is NB


def test_parameter_location_change_is_breaking() -> None:
    new = base()
    get_op(new)["parameters"][1]["in"] = "header"
    change = one(diff_specs(base(), new), ChangeKind.PARAMETER_LOCATION_CHANGED)
    assert (change.old, change.new, change.severity) == ("query", "header", B)


def test_parameter_type_change_string_to_integer_is_breaking() -> None:
    new = base()
    get_op(new)["parameters"][1]["schema"] = {"type": "integer"}
    change = one(diff_specs(base(), new), ChangeKind.TYPE_CHANGED)
    assert (change.old, change.new, change.severity) == ("string", "integer", B)
    assert change.location.endswith("/parameters/query/$select/schema")


def test_parameter_int32_to_int64_is_not_breaking_for_python() -> None:
    new = base()
    get_op(new)["parameters"][0]["schema"]["format"] = "int64"
    change = one(diff_specs(base(), new), ChangeKind.FORMAT_CHANGED)
    assert (change.old, change.new, change.severity) == ("int32", "int64", NB)


def test_parameter_widening_integer_to_number_is_not_breaking() -> None:
    new = base()
    get_op(new)["parameters"][0]["schema"] = {"type": "number"}
    assert one(diff_specs(base(), new), ChangeKind.TYPE_CHANGED).severity is NB
    assert one(diff_specs(new, base()), ChangeKind.TYPE_CHANGED).severity is B


# --- request and response bodies ------------------------------------------------------------


def test_required_request_property_added_breaks_optional_does_not() -> None:
    new = base()
    props = schema(new, "RejectChatSessionTransferRequest")["properties"]
    props["Reason"] = {"type": "string"}
    props["Notify"] = {"type": "boolean"}
    schema(new, "RejectChatSessionTransferRequest")["required"].append("Reason")
    diff = diff_specs(base(), new)
    by_name = {c.location.rsplit("/", 1)[1]: c for c in diff.changes}
    assert by_name["Reason"].severity is B and by_name["Reason"].kind is ChangeKind.PROPERTY_ADDED
    assert by_name["Notify"].severity is NB
    assert by_name["Reason"].schema == "RejectChatSessionTransferRequest"
    assert by_name["Reason"].operations == (REJECT,)


def test_response_property_added_is_non_breaking() -> None:
    new = base()
    schema(new, "ChatSession")["properties"]["Topic"] = {"type": "string"}
    change = one(diff_specs(base(), new), ChangeKind.PROPERTY_ADDED)
    assert change.severity is NB and change.schema == "ChatSession" and change.operations == (REJECT,)


def test_property_removed_is_breaking_in_responses_too() -> None:
    new = base()
    del schema(new, "ChatSession")["properties"]["Status"]
    change = one(diff_specs(base(), new), ChangeKind.PROPERTY_REMOVED)
    assert change.severity is B and change.old == "string"


def test_component_schema_change_is_reported_once_with_all_its_users() -> None:
    # ContactEntity is used by GET and POST (and, through Person, by itself): one change, not three.
    new = base()
    schema(new, "ContactEntity")["properties"]["Domains"] = {"type": "array", "items": {"type": "string"}}
    diff = diff_specs(base(), new)
    change = one(diff, ChangeKind.PROPERTY_ADDED)
    assert change.operation is None and change.schema == "ContactEntity"
    assert change.operations == (GET, POST)
    assert change.location == "#/components/schemas/ContactEntity/properties/Domains"


def test_response_integer_to_number_breaks_typed_users_request_widening_does_not() -> None:
    new = base()
    schema(new, "ChatSession")["properties"]["ChatSessionId"] = {"type": "number"}
    assert one(diff_specs(base(), new), ChangeKind.TYPE_CHANGED).severity is B
    new = base()
    schema(new, "RejectChatSessionTransferRequest")["properties"]["ChatSessionId"] = {"type": "number"}
    assert one(diff_specs(base(), new), ChangeKind.TYPE_CHANGED).severity is NB


def test_schema_used_in_both_directions_takes_the_worst_rule() -> None:
    # ContactEntity is a request body (POST) and a response (GET): widening a field breaks readers.
    new = base()
    schema(new, "ContactEntity")["properties"]["ContactId"]["type"] = ["number", "null"]
    assert one(diff_specs(base(), new), ChangeKind.TYPE_CHANGED).severity is B


def test_date_time_format_dropped_changes_the_python_type_and_breaks() -> None:
    new = base()
    del schema(new, "ContactEntity")["properties"]["UpdatedDate"]["format"]
    change = one(diff_specs(base(), new), ChangeKind.FORMAT_CHANGED)
    assert (change.old, change.new, change.severity) == ("date-time", None, B)


def test_double_to_float_format_is_not_breaking() -> None:
    new = base()
    schema(new, "ContactEntity")["properties"]["Score"]["format"] = "float"
    assert one(diff_specs(base(), new), ChangeKind.FORMAT_CHANGED).severity is NB


def test_nullable_rules_follow_the_direction() -> None:
    # Request: a value that could be None and no longer can breaks callers passing None.
    new = base()
    schema(new, "RejectChatSessionTransferRequest")["properties"]["Message"]["type"] = "string"
    assert one(diff_specs(base(), new), ChangeKind.NULLABLE_CHANGED).severity is B
    assert one(diff_specs(new, base()), ChangeKind.NULLABLE_CHANGED).severity is NB
    # Response: a result that may now be None breaks attribute access.
    new = base()
    schema(new, "ChatSession")["properties"]["ChatSessionId"]["type"] = ["integer", "null"]
    assert one(diff_specs(base(), new), ChangeKind.NULLABLE_CHANGED).severity is B
    assert one(diff_specs(new, base()), ChangeKind.NULLABLE_CHANGED).severity is NB


def test_nullable_reference_becoming_plain_reference_is_one_nullable_change() -> None:
    new = base()
    schema(new, "ContactEntity")["properties"]["Category"] = {"$ref": "#/components/schemas/Category"}
    diff = diff_specs(base(), new)
    assert kinds(diff) == ["nullable-changed"]


def test_enum_values_removed_break_requests_only() -> None:
    new = base()
    schema(new, "ChatSession")["properties"]["Status"]["enum"] = ["Open", "Waiting"]
    diff = diff_specs(base(), new)
    assert one(diff, ChangeKind.ENUM_VALUE_REMOVED).severity is NB  # response only
    assert one(diff, ChangeKind.ENUM_VALUE_ADDED).new == ["Waiting"]
    new = base()
    schema(new, "ContactEntity")["properties"]["Kind"]["enum"] = ["Company"]
    removed = one(diff_specs(base(), new), ChangeKind.ENUM_VALUE_REMOVED)
    assert removed.severity is B and removed.old == ["Person"]  # ContactEntity is also a request


def test_array_item_type_change_is_reported_under_items() -> None:
    new = base()
    schema(new, "ContactEntity")["properties"]["Persons"]["items"] = {"type": "string"}
    change = one(diff_specs(base(), new), ChangeKind.TYPE_CHANGED)
    assert change.location.endswith("/Persons/items") and change.severity is B
    assert (change.old, change.new) == ("Person", "string")


def test_dictionary_value_type_change_is_reported() -> None:
    new = base()
    schema(new, "ContactEntity")["properties"]["Extra"]["additionalProperties"] = {"type": "integer"}
    change = one(diff_specs(base(), new), ChangeKind.TYPE_CHANGED)
    assert change.location.endswith("/Extra/additionalProperties")


def test_response_body_reference_to_a_renamed_schema_compares_the_shapes_in_place() -> None:
    new = base()
    new["components"]["schemas"]["ChatSessionEntity"] = copy.deepcopy(schema(new, "ChatSession"))
    new["components"]["schemas"]["ChatSessionEntity"]["properties"]["Topic"] = {"type": "string"}
    op = new["paths"]["/api/v1/Agents/Chat/RejectChatSessionTransfer"]["post"]
    op["responses"]["200"]["content"]["application/json"]["schema"]["items"] = {
        "$ref": "#/components/schemas/ChatSessionEntity"
    }
    del new["components"]["schemas"]["ChatSession"]
    diff = diff_specs(base(), new)
    type_change = one(diff, ChangeKind.TYPE_CHANGED)
    assert (type_change.operation, type_change.old, type_change.new) == (REJECT, "ChatSession", "ChatSessionEntity")
    added = one(diff, ChangeKind.PROPERTY_ADDED)
    assert added.operation == REJECT and added.location.endswith("/items/properties/Topic")
    assert one(diff, ChangeKind.SCHEMA_REMOVED).severity is B
    assert one(diff, ChangeKind.SCHEMA_ADDED).severity is NB


def test_recursive_schemas_terminate() -> None:
    # Person.Contact -> ContactEntity.Persons -> Person: inline both so refs differ at every level.
    new = base()
    schema(new, "Person")["properties"]["Contact"] = {"$ref": "#/components/schemas/Company"}
    new["components"]["schemas"]["Company"] = copy.deepcopy(schema(new, "ContactEntity"))
    new["components"]["schemas"]["Company"]["properties"]["Persons"]["items"] = {"$ref": "#/components/schemas/Person"}
    diff = diff_specs(base(), new)
    assert any(c.kind is ChangeKind.TYPE_CHANGED and c.schema == "Person" for c in diff.changes)


def test_request_body_added_required_breaks_and_removed_breaks() -> None:
    new = base()
    get_op(new)["requestBody"] = {"required": True, "content": {"application/json": {"schema": {"type": "string"}}}}
    assert one(diff_specs(base(), new), ChangeKind.REQUEST_BODY_ADDED).severity is B
    assert one(diff_specs(new, base()), ChangeKind.REQUEST_BODY_REMOVED).severity is B


def test_request_body_name_matters_only_when_not_flattened() -> None:
    new = base()
    new["paths"]["/api/v1/Contact"]["post"]["requestBody"]["x-codegen-request-body-name"] = "contact"
    new["paths"]["/api/v1/Agents/Chat/RejectChatSessionTransfer"]["post"]["requestBody"][
        "x-codegen-request-body-name"
    ] = "body"
    diff = diff_specs(base(), new)
    by_op = {c.operation: c.severity for c in diff.changes if c.kind is ChangeKind.REQUEST_BODY_NAME_CHANGED}
    assert by_op == {POST: B, REJECT: NB}


# --- status codes and security --------------------------------------------------------------


def test_removed_success_status_breaks_removed_error_status_does_not() -> None:
    new = base()
    del get_op(new)["responses"]["404"]
    get_op(new)["responses"]["304"] = {"description": "Not modified"}
    diff = diff_specs(base(), new)
    assert one(diff, ChangeKind.RESPONSE_REMOVED).severity is NB
    assert one(diff, ChangeKind.RESPONSE_ADDED).new == "304"
    new = base()
    get_op(new)["responses"]["204"] = get_op(new)["responses"].pop("200")
    diff = diff_specs(base(), new)
    assert one(diff, ChangeKind.RESPONSE_REMOVED).severity is B


def test_security_alternative_removed_breaks_added_does_not() -> None:
    new = base()
    new["security"] = [{"basic": []}]
    removed = one(diff_specs(base(), new), ChangeKind.SECURITY_REMOVED)  # once, not per operation
    assert removed.severity is B and removed.location == "#/security"
    assert removed.operations == tuple(sorted((REJECT, GET, POST)))
    new = base()
    get_op(new)["security"] = [{"basic": []}, {"bearer": []}, {"soTicket": []}]
    assert one(diff_specs(base(), new), ChangeKind.SECURITY_ADDED).severity is NB


def test_security_on_a_previously_open_operation_breaks() -> None:
    old = base()
    get_op(old)["security"] = []
    diff = diff_specs(old, base())
    added = [c for c in diff.changes if c.kind is ChangeKind.SECURITY_ADDED]
    assert [(c.new, c.severity, c.operation) for c in added] == [(["basic"], B, GET), (["bearer"], B, GET)]


def test_security_scheme_definition_change_breaks() -> None:
    new = base()
    new["components"]["securitySchemes"]["bearer"]["scheme"] = "token"
    change = one(diff_specs(base(), new), ChangeKind.SECURITY_SCHEME_CHANGED)
    assert (change.old, change.new, change.severity) == ("bearer", "token", B)


def test_request_property_becoming_required_breaks() -> None:
    new = base()
    schema(new, "RejectChatSessionTransferRequest")["required"].append("Message")
    change = one(diff_specs(base(), new), ChangeKind.PROPERTY_REQUIRED_CHANGED)
    assert (change.old, change.new, change.severity) == (False, True, B)
    assert one(diff_specs(new, base()), ChangeKind.PROPERTY_REQUIRED_CHANGED).severity is NB


def test_response_property_no_longer_required_breaks_typed_readers() -> None:
    old = base()
    schema(old, "ChatSession")["required"] = ["ChatSessionId"]
    assert one(diff_specs(old, base()), ChangeKind.PROPERTY_REQUIRED_CHANGED).severity is B
    assert one(diff_specs(base(), old), ChangeKind.PROPERTY_REQUIRED_CHANGED).severity is NB


def test_inline_response_schema_is_compared_under_the_operation() -> None:
    old, new = base(), base()
    for doc, kind in ((old, "integer"), (new, "string")):
        get_op(doc)["responses"]["404"]["content"] = {
            "application/json": {"schema": {"type": "object", "properties": {"Code": {"type": kind}}}}
        }
    change = one(diff_specs(old, new), ChangeKind.TYPE_CHANGED)
    assert change.operation == GET and change.schema is None
    assert change.location.endswith("/responses/404/content/application~1json/schema/properties/Code")


def test_one_of_alternatives_changed_is_a_type_change() -> None:
    old, new = base(), base()
    schema(old, "Category")["properties"]["Id"] = {"oneOf": [{"type": "integer"}, {"type": "string"}]}
    schema(new, "Category")["properties"]["Id"] = {"oneOf": [{"type": "integer"}, {"type": "boolean"}]}
    change = one(diff_specs(old, new), ChangeKind.TYPE_CHANGED)
    assert (change.old, change.new, change.severity) == (["integer", "string"], ["boolean", "integer"], B)


def test_response_media_type_removed_breaks() -> None:
    new = base()
    content = get_op(new)["responses"]["200"]["content"]
    content["application/xml"] = content.pop("application/json")
    diff = diff_specs(base(), new)
    assert one(diff, ChangeKind.MEDIA_TYPE_REMOVED).severity is B
    assert one(diff, ChangeKind.MEDIA_TYPE_ADDED).severity is NB


_JUNK: list[Any] = [
    None,
    1,
    "x",
    [],
    {},
    [1, "a"],
    {"a": 1},
    True,
    {"$ref": "#/nope"},
    {"$ref": "#/components/schemas/Person"},
    {"type": 5},
    {"anyOf": 3},
    {"enum": "x"},
]


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


def test_malformed_documents_are_compared_without_crashing() -> None:
    # Any node of the fixture replaced by a value of the wrong shape: reported or ignored, never a crash.
    import random

    rng = random.Random(7)
    candidates = _paths(base())[1:]
    for _ in range(400):
        doc = base()
        where = rng.choice(candidates)
        parent: Any = doc
        for key in where[:-1]:
            parent = parent[key]
        parent[where[-1]] = copy.deepcopy(rng.choice(_JUNK))
        diff_specs(doc, base(), include_docs=True)
        diff_specs(base(), doc, include_docs=True)
