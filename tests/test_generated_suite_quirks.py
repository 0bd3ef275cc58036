"""Documents the way public APIs write them, not quite the way OpenAPI says to.

A path key with a query part (`/search?term={term}`, its variables declared `in: path`, or a
fixed `?format=csv`), a template variable no parameter declares, a vendor JSON media type
(`application/vnd.odd+json`) for a request body, a success response keyed by the range `2XX`,
a required reference to a component that allows null (3.0 `nullable: true`) answered with null,
and responses without examples whose placeholders must be valid: a tree (a required list of its
own type) and required objects nested deeper than any fixed limit a test generator might pick. The SDK must send what the document means
(the pairs in the query string, a JSON body), and the generated suite must agree with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generate_support import generate_into
from test_generated_suite import run_suite, sample_tests

from generator.plan import build_plan


def _path_param(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": schema}


def _get(operation_id: str, parameters: list[dict[str, Any]]) -> dict[str, Any]:
    ok = {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}
    return {"get": {"operationId": operation_id, "parameters": parameters, "responses": {"200": ok}}}


def _json_response(schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": "ok", "content": {"application/json": {"schema": schema}}}


def _nested(levels: int) -> dict[str, Any]:
    """`{"inner": {"inner": ... {"leaf": "x"}}}`, every level required."""
    schema: dict[str, Any] = {"type": "object", "required": ["leaf"], "properties": {"leaf": {"type": "string"}}}
    for _ in range(levels):
        schema = {"type": "object", "required": ["inner"], "properties": {"inner": schema}}
    return schema


CATEGORY = {
    "type": "object",
    "required": ["name", "children"],
    "properties": {
        "name": {"type": "string"},
        "children": {"type": "array", "items": {"$ref": "#/components/schemas/Category"}},
        "parent": {"$ref": "#/components/schemas/Category"},
    },
}

SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Odd Paths", "version": "1"},
    "paths": {
        "/search?term={term}&limit={limit}": _get(
            "search", [_path_param("term", {"type": "string"}), _path_param("limit", {"type": "integer"})]
        ),
        "/report?format=csv": _get("report", []),
        "/items/{itemId}/parts/{partId}": _get("getPart", [_path_param("partId", {"type": "integer"})]),
        "/certificates/{name}": {
            "get": {
                "operationId": "downloadCertificate",
                "parameters": [_path_param("name", {"type": "string"})],
                "responses": {
                    "2XX": {
                        "description": "the certificate",
                        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
                    }
                },
            }
        },
        "/categories": {
            "get": {
                "operationId": "listCategories",
                "responses": {"200": _json_response({"$ref": "#/components/schemas/Category"})},
            }
        },
        "/layers": {
            "get": {"operationId": "getLayers", "responses": {"200": _json_response(_nested(12))}},
        },
        "/pets/{petId}": {
            "get": {
                "operationId": "getPet",
                "parameters": [_path_param("petId", {"type": "integer"})],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Pet"},
                                "example": {"name": "Rex", "owner": None},
                            }
                        },
                    }
                },
            }
        },
        "/orders": {
            "post": {
                "operationId": "createOrder",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/vnd.odd+json": {
                            "schema": {
                                "type": "object",
                                "required": ["item"],
                                "properties": {"item": {"type": "string"}, "count": {"type": "integer"}},
                            },
                            "example": {"item": "bolt", "count": 3},
                        }
                    },
                },
                "responses": {"201": {"description": "created"}},
            }
        },
    },
    "components": {
        "schemas": {
            "Category": CATEGORY,
            # 3.0: a component that allows null; a required reference to it may be null.
            "NullableOwner": {"type": "object", "nullable": True, "properties": {"login": {"type": "string"}}},
            "Pet": {
                "type": "object",
                "required": ["name", "owner"],
                "properties": {"name": {"type": "string"}, "owner": {"$ref": "#/components/schemas/NullableOwner"}},
            },
        }
    },
}


def test_undeclared_template_variable_is_reported_and_taken_as_an_argument() -> None:
    plan = build_plan(SPEC, package_name="odd_paths")
    found = [d for d in plan.diagnostics if d.code == "plan-path-parameter-undeclared"]
    assert [d.file for d in found] == ["openapi#/paths/~1items~1{itemId}~1parts~1{partId}/get"]
    assert "{itemId}" in found[0].message
    (resource,) = plan.resources
    get_part = next(op for op in resource.operations if op.method_name == "get_part")
    assert [(p.wire_name, p.location) for p in get_part.positional] == [("partId", "path"), ("itemId", "path")]


def test_the_suite_passes_on_query_parts_of_path_keys_and_vendor_json(tmp_path: Path) -> None:
    out = tmp_path / "odd_paths"
    generate_into(out, SPEC, "odd_paths")
    run = run_suite(out)
    assert run.returncode == 0, run.output[-4000:]
    assert len(sample_tests(run.passed)) == 2 * 8 and not run.skipped
