"""The generated suite on sample shapes the SuperOffice spec lacks.

A small API with a literal `{id}` in a sample path, typed and undocumented query values, a
required header argument, primitive, binary and empty responses, a raw-bytes request body
and a flattened carrier; no security schemes. Its generated suite must pass, and the cases
must call the methods the way a user would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generate_support import generate_into
from test_generated_suite import run_suite, sample_tests

from generator.plan import build_plan

WHEN = "2024-05-17T09:21:44.1234567+02:00"


def _sample(
    method: str,
    path: str,
    status: int,
    query: dict[str, str] | None = None,
    content_type: str = "application/json; charset=utf-8",
    headers: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    request: dict[str, Any] = {"method": method, "path": path, "headers": headers or {}}
    if query:
        request["query"] = query
    return [{"request": request, "response": {"status": status, "headers": {"Content-Type": content_type}}}]


def _json(schema: dict[str, Any], example: object) -> dict[str, Any]:
    return {"application/json": {"schema": schema, "examples": {"sample": {"value": example}}}}


WIDGET = {
    "WidgetId": 7,
    "Name": "Gadget",
    "Updated": WHEN,
    "Tags": ["a", "b"],
    "Ratio": 0.5,
    "Active": True,
    "Parts": {"Bolt": 4},
    "Owner": None,
}
ID_PARAM = {"name": "widgetId", "in": "path", "required": True, "schema": {"type": "integer"}, "example": 7}
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Widget Service", "version": "1"},
    "paths": {
        "/widgets/{widgetId}": {
            "get": {
                "operationId": "GetWidget",
                "tags": ["Widget"],
                "parameters": [
                    ID_PARAM,
                    {"name": "verbose", "in": "query", "schema": {"type": "boolean"}},
                    {"name": "X-Request-Id", "in": "header", "required": True, "schema": {"type": "string"}},
                ],
                "responses": {
                    "200": {"description": "OK", "content": _json({"$ref": "#/components/schemas/Widget"}, WIDGET)},
                    "304": {"description": "Not modified"},
                    "404": {"description": "Missing"},
                },
                "x-samples": _sample(
                    "GET",
                    "/widgets/{widgetId}",
                    200,
                    {"verbose": "true", "trace": "on"},
                    headers={"X-Request-Id": "r-1"},
                ),
            },
        },
        "/widgets/{widgetId}/count": {
            "get": {
                "operationId": "CountParts",
                "tags": ["Widget"],
                "parameters": [ID_PARAM],
                "responses": {"200": {"description": "OK", "content": _json({"type": "integer"}, 42)}},
                "x-samples": _sample("GET", "/widgets/12/count", 200),
            },
        },
        "/widgets/{widgetId}/name": {
            "get": {
                "operationId": "GetName",
                "tags": ["Widget"],
                "parameters": [ID_PARAM],
                "responses": {"200": {"description": "OK", "content": _json({"type": "string"}, "Gadget")}},
                "x-samples": _sample("GET", "/widgets/12/name", 200),
            },
        },
        "/widgets/{widgetId}/image": {
            "get": {
                "operationId": "GetImage",
                "tags": ["Image"],
                "parameters": [ID_PARAM],
                "responses": {
                    "200": {
                        "description": "OK",
                        "content": {
                            "application/octet-stream": {
                                "schema": {"type": "string", "format": "binary"},
                                "examples": {"sample": {"value": "GIF89a..."}},
                            }
                        },
                    }
                },
                "x-samples": _sample("GET", "/widgets/12/image", 200, content_type="application/octet-stream"),
            },
            "put": {
                "operationId": "PutImage",
                "tags": ["Image"],
                "parameters": [ID_PARAM],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/octet-stream": {
                            "schema": {"type": "string", "format": "binary"},
                            "examples": {"sample": {"value": "GIF89a..."}},
                        }
                    },
                },
                "responses": {"204": {"description": "Stored"}},
                "x-samples": _sample("PUT", "/widgets/12/image", 204),
            },
        },
        "/widgets/search": {
            "post": {
                "operationId": "Search",
                "tags": ["Widget"],
                "requestBody": {
                    "required": True,
                    "x-sdkgen-flatten": True,
                    "content": _json(
                        {"$ref": "#/components/schemas/SearchRequest"}, {"Names": ["Gadget"], "Since": WHEN}
                    ),
                },
                "responses": {
                    "200": {
                        "description": "OK",
                        "content": _json(
                            {"type": "array", "items": {"$ref": "#/components/schemas/Widget"}},
                            [WIDGET, {**WIDGET, "WidgetId": 8}],
                        ),
                    }
                },
                "x-samples": _sample("POST", "/widgets/search", 200),
            },
        },
    },
    "components": {
        "schemas": {
            "Widget": {
                "type": "object",
                "properties": {
                    "WidgetId": {"type": "integer"},
                    "Name": {"type": ["string", "null"]},
                    "Updated": {"type": ["string", "null"], "format": "date-time"},
                    "Tags": {"type": ["array", "null"], "items": {"type": "string"}},
                    "Ratio": {"type": ["number", "null"]},
                    "Active": {"type": ["boolean", "null"]},
                    "Parts": {"type": ["object", "null"], "additionalProperties": {"type": "integer"}},
                    "Owner": {"anyOf": [{"$ref": "#/components/schemas/Widget"}, {"type": "null"}]},
                },
            },
            "SearchRequest": {
                "type": "object",
                "properties": {
                    "Names": {"type": ["array", "null"], "items": {"type": "string"}},
                    "Since": {"type": ["string", "null"], "format": "date-time"},
                },
            },
        }
    },
}


def _cases() -> dict[str, dict[str, Any]]:
    plan = build_plan(SPEC, package_name="widgets")
    assert plan.tests is not None
    return {c.case_id: c.data for r in plan.tests.resources for c in r.cases}


def test_cases_call_the_methods_like_a_user() -> None:
    cases = _cases()
    get = cases["get_widget"]
    # `{widgetId}` in the sample path: the parameter's example; typed query; unknown query via extra_query.
    assert get["call"] == {
        "method": "get_widget",
        "args": [7],
        "kwargs": {"verbose": True, "x_request_id": "r-1"},
        "extra_query": {"trace": "on"},
    }
    assert get["request"] == {
        "method": "GET",
        "path": "/widgets/7",
        "query": {"verbose": "true", "trace": "on"},
        "headers": {"X-Request-Id": "r-1"},
    }
    assert cases["count_parts"]["call"]["args"] == [12] and cases["count_parts"]["expect"] == "json"
    assert cases["put_image"]["call"]["body"] == {
        "name": "body",
        "positional": True,
        "value": "GIF89a...",
        "bytes": True,
    }
    assert cases["put_image"]["expect"] == "none"
    assert cases["get_image"]["expect"] == "bytes"
    assert cases["search"]["call"]["kwargs"] == {"names": ["Gadget"], "since": WHEN}


def test_generated_suite_passes_on_every_shape(tmp_path: Path) -> None:
    out = tmp_path / "widgets"
    files = generate_into(out, SPEC, "widgets")
    assert "tests/test_widget.py" in files and "tests/test_image.py" in files
    run = run_suite(out)
    assert run.returncode == 0, run.output[-4000:]
    assert len(sample_tests(run.passed)) == 2 * 6
    assert not run.skipped
    # No security schemes: no auth test, the other runtime paths still run.
    assert not any("test_auth" in name for name in run.passed)
    assert any("test_not_modified" in name for name in run.passed)


def test_spec_without_samples_tests_every_operation(tmp_path: Path) -> None:
    """Petstore has no x-samples: each operation gets a wire test from placeholders, and the
    runtime tests call real operations."""
    from generate_support import load_fixture

    spec = load_fixture("petstore_3_0.yaml")
    operations = sum(1 for item in spec["paths"].values() for key in item if key in ("get", "put", "post", "delete"))
    out = tmp_path / "petstore"
    generate_into(out, spec, "petstore")
    run = run_suite(out)
    assert run.returncode == 0, run.output[-4000:]
    assert len(sample_tests(run.passed)) == 2 * operations and not run.skipped
    # oauth2 -> bearer token, apiKey header: one auth test each, sync and async.
    assert len([n for n in run.passed if "test_auth" in n]) == 4


def test_query_api_key_is_not_an_undocumented_query_parameter(tmp_path: Path) -> None:
    """An API key sent in the query (the default auth of the suite's client) is added to every
    call; the replayed calls still match the documented query, and the auth test sees the key."""
    from generate_support import load_fixture

    spec = load_fixture("petstore_3_0.yaml")
    schemes = spec["components"]["securitySchemes"]
    schemes.pop("petstore_auth")
    schemes["api_key"]["in"] = "query"
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "security" in operation:
                operation["security"] = [{"api_key": []}]
    out = tmp_path / "keyed"
    generate_into(out, spec, "keyed")
    run = run_suite(out)
    assert run.returncode == 0, run.output[-4000:]
    assert sample_tests(run.passed) and not run.skipped
    assert len([n for n in run.passed if "test_auth" in n]) == 2
