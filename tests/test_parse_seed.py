"""Golden test: the seed page (POST /api/v1/Agents/Chat/RejectChatSessionTransfer), asserted in full."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import require_shared

from generator.docs_to_openapi import docs_to_openapi

PATH = "/api/v1/Agents/Chat/RejectChatSessionTransfer"
NULLABLE_INT32 = {"type": ["integer", "null"], "format": "int32"}
NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_BOOL = {"type": ["boolean", "null"]}
NULLABLE_DATETIME = {"type": ["string", "null"], "format": "date-time"}

# The 200 body as the seed's table types it; empty type cells stay untyped on a lone page.
EXPECTED_RESPONSE_TYPES: dict[str, dict[str, Any]] = {
    "ChatSessionId": NULLABLE_INT32,
    "TopicId": NULLABLE_INT32,
    "User": {},
    "Person": {},
    "CustomerAlias": NULLABLE_STRING,
    "CustomerHost": NULLABLE_STRING,
    "CustomerName": NULLABLE_STRING,
    "CustomerEmail": NULLABLE_STRING,
    "CustomerPhone": NULLABLE_STRING,
    "CustomerConsented": NULLABLE_BOOL,
    "CustomerCompanyName": NULLABLE_STRING,
    "Status": NULLABLE_STRING,
    "FirstMessage": NULLABLE_STRING,
    "LastMessage": NULLABLE_STRING,
    "WhenRequested": NULLABLE_DATETIME,
    "WhenStarted": NULLABLE_DATETIME,
    "WhenEnded": NULLABLE_DATETIME,
    "WhenIdle": NULLABLE_DATETIME,
    "WhenFetched": NULLABLE_DATETIME,
    "SessionKey": NULLABLE_STRING,
    "InitialQueuePos": NULLABLE_INT32,
    "AlertLevel": NULLABLE_INT32,
    "Rank": NULLABLE_INT32,
    "Flags": NULLABLE_STRING,
    "Contact": {},
    "Project": {},
    "Sale": {},
    "Ticket": {},
    "TransferTo": {},
    "ChatbotIsActive": NULLABLE_BOOL,
    "Rating": NULLABLE_INT32,
    "TableRight": {},
    "FieldProperties": {
        "type": ["object", "null"],
        "additionalProperties": {"anyOf": [{"$ref": "#/components/schemas/FieldProperty"}, {"type": "null"}]},
    },
}


@pytest.fixture(scope="module")
def seed() -> tuple[dict[str, Any], dict[str, Any]]:
    document, diagnostics, summary = docs_to_openapi(require_shared("seed"))
    assert summary.pages == 1 and summary.errors == 0 and summary.warnings == 0, [d.format() for d in diagnostics]
    return document, document["paths"][PATH]["post"]


def _strip(schema: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in schema.items() if key != "description"}


def test_path_method_and_identity(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    document, operation = seed
    assert list(document["paths"]) == [PATH]
    assert list(document["paths"][PATH]) == ["post"]
    assert operation["operationId"] == "v1ChatAgent_RejectChatSessionTransfer"
    assert operation["tags"] == ["Chat_Agent"]
    assert operation["summary"] == "Do not want."
    assert (
        operation["description"]
        == "Deny the transfer to the user. If the session is not being transferred, nothing happens."
    )
    assert operation["x-source"] == "v1ChatAgent_RejectChatSessionTransfer.md"


def test_select_and_headers(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    document, operation = seed
    select, *headers = operation["parameters"]
    assert select["name"] == "$select" and select["in"] == "query" and select["required"] is False
    assert select["schema"] == {"type": "string"}
    assert select["example"] == "name,department,category/id"
    assert select["description"].startswith("Optional comma separated list of properties")
    assert headers == [
        {"$ref": f"#/components/parameters/{name}"}
        for name in ("AcceptLanguage", "SoLanguage", "SoCulture", "SoTimeZone", "SoAppToken")
    ]
    common = document["components"]["parameters"]
    assert common["SoTimeZone"]["name"] == "SO-TimeZone" and common["SoTimeZone"]["in"] == "header"
    assert all(parameter["x-sdkgen-client-option"] for parameter in common.values())
    # Authorization and X-XSRF-TOKEN are security schemes; Content-Type and Accept list media types.
    assert document["security"] == [{"basic": []}, {"bearer": []}, {"soTicket": []}, {"xsrfToken": []}]
    assert set(document["components"]["securitySchemes"]) == {"basic", "bearer", "soTicket", "xsrfToken"}
    assert (
        operation["x-content-types"][0] == "application/json"
        and "application/merge-patch+json" in operation["x-content-types"]
    )
    assert operation["x-accept-types"] == [
        "application/json",
        "text/json",
        "application/xml",
        "text/xml",
        "application/json-patch+json",
        "application/merge-patch+json",
    ]


def test_request_body(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    document, operation = seed
    body = operation["requestBody"]
    assert body["required"] is True
    assert body["x-codegen-request-body-name"] == "request" and body["x-sdkgen-flatten"] is True
    media = body["content"]["application/json"]
    assert media["schema"] == {"$ref": "#/components/schemas/RejectChatSessionTransferRequest"}
    assert media["examples"]["sample"]["value"] == {"ChatSessionId": 798}
    request_schema = document["components"]["schemas"]["RejectChatSessionTransferRequest"]
    assert request_schema == {"type": "object", "properties": {"ChatSessionId": NULLABLE_INT32}}


def test_200_response_schema_and_example(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    document, operation = seed
    assert list(operation["responses"]) == ["200"]
    response = operation["responses"]["200"]
    assert response["description"] == "OK"
    media = response["content"]["application/json"]
    name = media["schema"]["$ref"].rsplit("/", 1)[1]
    schema = document["components"]["schemas"][name]
    assert schema["type"] == "object"
    assert {key: _strip(value) for key, value in schema["properties"].items()} == EXPECTED_RESPONSE_TYPES
    assert list(schema["properties"]) == list(EXPECTED_RESPONSE_TYPES)  # table order kept
    # Descriptions are cleaned of the doubly escaped entities.
    assert (
        schema["properties"]["WhenFetched"]["description"]
        == "The last time the customer's client refetched the data. Used to detect 'dead' session."
    )
    example = media["examples"]["sample"]["value"]
    assert example["ChatSessionId"] == 184 and example["WhenRequested"] == "2017-09-17T11:10:26.1285249+02:00"
    assert example["FieldProperties"]["fieldName"]["FieldLength"] == 277
    field_property = document["components"]["schemas"]["FieldProperty"]["properties"]
    assert (
        _strip(field_property["FieldType"]) == NULLABLE_STRING
        and _strip(field_property["FieldLength"]) == NULLABLE_INT32
    )


def test_samples_are_kept_for_generated_tests(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    _, operation = seed
    (sample,) = operation["x-samples"]
    assert sample["request"]["method"] == "POST" and sample["request"]["path"] == PATH
    assert sample["request"]["headers"]["Accept-Language"] == "en"
    assert sample["response"] == {"status": 200, "headers": {"Content-Type": "application/json; charset=utf-8"}}


def test_default_docs_name_the_seed_response_from_its_siblings() -> None:
    """Among its siblings (specs/docs), the seed's unnamed response is ChatSessionEntity and User an Associate."""
    document, _, _summary = docs_to_openapi(Path(__file__).resolve().parent.parent / "specs" / "docs")
    operation = document["paths"][PATH]["post"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ChatSessionEntity"
    }
    user = document["components"]["schemas"]["ChatSessionEntity"]["properties"]["User"]
    assert user["anyOf"][0] == {"$ref": "#/components/schemas/Associate"}
