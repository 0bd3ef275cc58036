"""Documented enums and patch bodies in a generic document (no profile): typed, and lenient.

Enum-like fields are `Literal`s for type checkers, yet a value the document does not list (the
server added one) must reach the caller, in the default constructing mode and with
`strict_response_validation=True` alike. JSON Patch operations get an `op` Literal (the spec's
enum, else RFC 6902's six) and a TypedDict twin; `application/json-patch+json` and
`application/merge-patch+json` bodies travel with their media type and wire names.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from generate_support import generate_into, run_script
from runtime_harness import Reply, ScriptedServer

from generator.spec.operation_drafts import supported_patch_ops


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


SCHEMAS: dict[str, Any] = {
    "Priority": {"type": "integer", "enum": [1, 2, 3]},
    "Ticket": {
        "type": "object",
        "required": ["id", "status"],
        "properties": {
            "id": {"type": "integer"},
            "status": {"type": "string", "enum": ["open", "closed"]},
            "priority": _ref("Priority"),
            "labels": {"type": "array", "items": {"type": "string", "enum": ["bug", "feature"]}},
            "Owner": {"type": ["string", "null"]},
        },
    },
    # a union told apart by a multi-value tag: the tag stays a closed Literal for pydantic
    "Opened": {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"type": "string", "enum": ["opened", "reopened"]}, "by": {"type": "string"}},
    },
    "Closed": {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"type": "string", "enum": ["closed"]}, "reason": {"type": "string"}},
    },
    "Event": {"oneOf": [_ref("Opened"), _ref("Closed")], "discriminator": {"propertyName": "kind"}},
    # RFC 6902 operations without a declared enum (-> the RFC's six) and with one
    "Op": {
        "type": "object",
        "required": ["op", "path"],
        "properties": {"op": {"type": "string"}, "path": {"type": "string"}, "value": {}, "from": {"type": "string"}},
    },
}

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Desk", "version": "1"},
    "paths": {
        "/tickets/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "get": {
                "operationId": "getTicket",
                "parameters": [
                    {"name": "view", "in": "query", "schema": {"type": "string", "enum": ["short", "full"]}}
                ],
                "responses": {"200": {"description": "ok", "content": _json(_ref("Ticket"))}},
            },
            "put": {
                "operationId": "putTicket",
                "requestBody": {"required": True, "content": _json(_ref("Ticket"))},
                "responses": {"200": {"description": "ok", "content": _json(_ref("Ticket"))}},
            },
            "patch": {
                "operationId": "patchTicket",
                "requestBody": {
                    "required": True,
                    "content": {"application/json-patch+json": {"schema": {"type": "array", "items": _ref("Op")}}},
                },
                "responses": {"200": {"description": "ok", "content": _json(_ref("Ticket"))}},
            },
        },
        "/tickets/{id}/merge": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "patch": {
                "operationId": "mergeTicket",
                "requestBody": {
                    "required": True,
                    "content": {"application/merge-patch+json": {"schema": _ref("Ticket")}},
                },
                "responses": {"200": {"description": "ok", "content": _json(_ref("Ticket"))}},
            },
        },
        "/tickets/{id}/raw-patch": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "patch": {
                "operationId": "rawPatchTicket",
                "requestBody": {
                    "required": True,
                    "content": {"application/json-patch+json": {"schema": {"type": "array", "items": {}}}},
                },
                "responses": {"204": {"description": "done"}},
            },
        },
        "/events": {
            "get": {
                "operationId": "listEvents",
                "responses": {
                    "200": {"description": "ok", "content": _json({"type": "array", "items": _ref("Event")})}
                },
            }
        },
    },
    "components": {"schemas": SCHEMAS},
}


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    out = tmp_path_factory.mktemp("enums")
    return out, generate_into(out, SPEC, "desk")


def test_enums_are_literals_open_at_runtime_and_tags_stay_closed(desk: tuple[Path, dict[str, str]]) -> None:
    files = desk[1]
    ticket = files["desk/models/ticket.py"]
    assert 'status: Annotated[Literal["open", "closed"], OpenEnum]' in ticket
    assert 'Annotated[Literal["bug", "feature"], OpenEnum]' in ticket
    assert "Priority: TypeAlias = Annotated[Literal[1, 2, 3], OpenEnum]" in files["desk/models/priority.py"]
    assert "priority: Priority | None = None" in ticket  # a named enum keeps its name
    assert "from .priority import Priority" in ticket
    assert 'kind: Literal["opened", "reopened"]' in files["desk/models/opened.py"]  # a discriminator: closed
    signatures = "".join(v for k, v in files.items() if k.startswith("desk/resources/"))
    assert 'view: Literal["short", "full"] | None = None' in signatures


def test_patch_operations_get_the_rfc_ops_and_a_typed_dict(desk: tuple[Path, dict[str, str]]) -> None:
    files = desk[1]
    op = files["desk/models/op.py"]
    flat = "".join(op.split())  # independent of black's layout
    assert 'op:Annotated[Literal["add","remove","replace","move","copy","test"],OpenEnum]' in flat
    assert "class Op(JsonPatchOperation, BaseModel):" in op
    twin = files["desk/models/op_dict.py"]
    assert '"from": NotRequired[str]' in twin and '"value": NotRequired[Any]' in twin
    signatures = "".join(v for k, v in files.items() if k.startswith("desk/resources/"))
    assert "Sequence[Op | OpDict]" in signatures
    assert "Sequence[JsonPatchOperationDict]" in signatures  # items without a model: the RFC's set
    assert "body: Ticket | Mapping[str, Any]" in signatures


def test_unknown_enum_values_from_a_server_reach_the_caller(desk: tuple[Path, dict[str, str]]) -> None:
    ticket = {"id": 1, "status": "escalated", "priority": 9, "labels": ["bug", "chore"], "Owner": None}
    events = [{"kind": "reopened", "by": "ann"}, {"kind": "closed", "reason": "done"}]
    with ScriptedServer() as server:
        server.script(
            Reply(200, ticket),  # constructing (default)
            Reply(200, ticket),  # strict_response_validation=True
            Reply(200, events),
            Reply(200, events),
            Reply(200, {"id": 1, "status": "open"}),
            Reply(200, {"id": 1, "status": "closed"}),
            Reply(204, None),
        )
        result = run_script(desk[0], "enums_unknown_values.py", {"url": server.url})
        received = server.received
    for mode in ("constructed", "validated"):
        assert result[mode] == {"status": "escalated", "priority": 9, "labels": ["bug", "chore"]}
    assert result["events"] == [["Opened", "reopened"], ["Closed", "closed"]] * 2
    assert result["user_built"] == "pending"
    assert result["type_errors_still_fail"] is True
    patch, merge, raw = received[4], received[5], received[6]
    assert patch.headers["Content-Type"] == "application/json-patch+json"
    assert json.loads(patch.body) == [
        {"op": "replace", "path": "/status", "value": "closed"},
        {"op": "move", "from": "/Owner", "path": "/previous"},
        {"op": "replace", "path": "/Owner", "value": "bo"},
    ]
    assert merge.headers["Content-Type"] == "application/merge-patch+json"
    assert json.loads(merge.body) == {"id": 1, "status": "open", "Owner": "bo"}  # wire names, unset left out
    assert raw.headers["Content-Type"] == "application/json-patch+json"
    assert json.loads(raw.body) == [{"op": "remove", "path": "/labels/0"}]


@pytest.mark.parametrize(
    ("text", "ops"),
    [
        ("JSON PATCH supports operations 'add', 'replace', 'remove' and 'test'.", ("add", "replace", "remove", "test")),
        ("The server supports the operation `remove` or `test` only", ("remove", "test")),
        ("Supports operations add, frobnicate and copy.", ("add", "copy")),  # only RFC 6902 names
        ('"add", "replace" and "move" are not supported', ()),  # no positive statement: no enum
    ],
)
def test_supported_patch_operations_from_page_text(text: str, ops: tuple[str, ...]) -> None:
    assert supported_patch_ops(text) == ops
