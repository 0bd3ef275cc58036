"""The generated suite replays form and multipart operations: one wire test each.

A form body (`application/x-www-form-urlencoded`, with deepObject metadata, an array of
objects and an exploded array) and multipart bodies (a file with a caption, an array of
files, a JSON part) are called with their examples, or schema placeholders where there are
none; the test checks the decoded form pairs, or the parsed parts, and must fail when the
expected wire body differs from what the client sends.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from generate_support import generate_into
from test_generated_suite import run_suite, sample_tests

from generator.openapi import iter_operations
from generator.plan import build_plan

_CUSTOMER = {
    "type": "object",
    "required": ["id", "email"],
    "properties": {"id": {"type": "string"}, "email": {"type": "string"}},
}
_UPLOAD = {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}}


def _ok(schema: dict[str, Any]) -> dict[str, Any]:
    return {"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}}


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Shop", "version": "1"},
    "paths": {
        "/customers": {
            "post": {
                "operationId": "createCustomer",
                "tags": ["customers"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {
                                "type": "object",
                                "required": ["email"],
                                "properties": {
                                    "email": {"type": "string"},
                                    "metadata": {"type": "object", "additionalProperties": {"type": "string"}},
                                    "items": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "properties": {
                                                "price": {"type": "string"},
                                                "quantity": {"type": "integer"},
                                            },
                                        },
                                    },
                                    "tags": {"type": "array", "items": {"type": "string"}},
                                    "ids": {"type": "array", "items": {"type": "integer"}},
                                    "vip": {"type": "boolean"},
                                },
                            },
                            "encoding": {
                                "metadata": {"style": "deepObject", "explode": True},
                                "items": {"style": "deepObject", "explode": True},
                                "ids": {"style": "form", "explode": False},
                            },
                            "example": {
                                "email": "ada@example.com",
                                "metadata": {"plan": "pro", "source": "web"},
                                "items": [{"price": "price_1", "quantity": 2}],
                                "tags": ["new", "b2b"],
                                "ids": [3, 4],
                                "vip": True,
                            },
                        }
                    },
                },
                "responses": _ok(_CUSTOMER),
            }
        },
        "/customers/{id}/archive": {
            "post": {
                "operationId": "archiveCustomer",
                "tags": ["customers"],
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "requestBody": {
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {
                                "type": "object",
                                "required": ["reason"],
                                "properties": {
                                    "reason": {"type": "string", "enum": ["fraud", "duplicate"]},
                                    "note": {"type": "string"},
                                },
                            }
                        }
                    }
                },
                "responses": _ok(_CUSTOMER),
            }
        },
        "/avatars": {
            "post": {
                "operationId": "uploadAvatar",
                "tags": ["uploads"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["file"],
                                "properties": {
                                    "file": {"type": "string", "format": "binary"},
                                    "caption": {"type": "string"},
                                    "labels": {"type": "array", "items": {"type": "string"}},
                                    "crop": {
                                        "type": "object",
                                        "properties": {"x": {"type": "integer"}, "y": {"type": "integer"}},
                                    },
                                },
                            },
                            "examples": {
                                "portrait": {
                                    "value": {"caption": "hi", "labels": ["me", "2024"], "crop": {"x": 1, "y": 2}}
                                }
                            },
                        }
                    },
                },
                "responses": _ok(_UPLOAD),
            }
        },
        "/albums": {
            "put": {
                "operationId": "uploadAlbum",
                "tags": ["uploads"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["photos", "title"],
                                "properties": {
                                    "photos": {
                                        "type": "array",
                                        "items": {"type": "string", "contentMediaType": "image/png"},
                                    },
                                    "title": {"type": "string"},
                                },
                            }
                        }
                    },
                },
                "responses": _ok(_UPLOAD),
            }
        },
    },
}


def _cases() -> dict[str, dict[str, Any]]:
    plan = build_plan(SPEC, package_name="shop")
    assert plan.tests is not None
    skipped = [c.skip_reason for r in plan.tests.resources for c in r.cases if c.skip_reason is not None]
    assert not skipped
    return {c.case_id: c.data for r in plan.tests.resources for c in r.cases}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("shop") / "shop"
    generate_into(out, SPEC, "shop")
    return out


def test_every_form_and_multipart_operation_has_a_case() -> None:
    cases = _cases()
    assert {c["call"]["method"] for c in cases.values()} == {
        "create_customer",
        "archive_customer",
        "upload_avatar",
        "upload_album",
    }
    assert len(cases) == len(list(iter_operations(SPEC)))
    create = cases["create_customer"]["request"]["form"]
    assert create == {
        "email": ["ada@example.com"],
        "metadata[plan]": ["pro"],
        "metadata[source]": ["web"],
        "items[0][price]": ["price_1"],
        "items[0][quantity]": ["2"],
        "tags": ["new", "b2b"],
        "ids": ["3,4"],
        "vip": ["true"],
    }
    archive = cases["archive_customer"]
    assert archive["source"] == "placeholders"
    assert archive["request"]["form"] == {"reason": ["fraud"]}
    avatar = cases["upload_avatar"]
    assert avatar["call"]["files"] == {"file": "file-content"}
    assert avatar["call"]["kwargs"] == {"caption": "hi", "labels": ["me", "2024"], "crop": {"x": 1, "y": 2}}
    assert avatar["request"]["multipart"] == [
        {"name": "file", "filename": "upload", "content": "file-content"},
        {"name": "caption", "content": "hi"},
        {"name": "labels", "content": "me"},
        {"name": "labels", "content": "2024"},
        {"name": "crop", "json": {"x": 1, "y": 2}},
    ]
    album = cases["upload_album"]["request"]["multipart"]
    assert [(p["name"], p.get("filename")) for p in album] == [("photos", "upload"), ("title", None)]
    # Prism reads repeated, JSON and nested fields as text: those cases skip against it only.
    assert "items, tags, ids" in cases["create_customer"]["request"]["invalid_for_server"]
    assert "labels, crop" in avatar["request"]["invalid_for_server"]
    assert "invalid_for_server" not in archive["request"]


def test_generated_suite_replays_every_form_and_multipart_operation(package: Path) -> None:
    run = run_suite(package)
    assert run.returncode == 0, run.output[-4000:]
    assert len(sample_tests(run.passed)) == 2 * len(_cases())  # sync and async
    assert not run.skipped


@pytest.mark.parametrize(
    ("module", "case_id", "change"),
    [
        ("customers", "create_customer", ("form", "metadata[plan]", ["basic"])),
        ("customers", "create_customer", ("form", "ids", ["3", "4"])),  # explode: false is one pair
        ("uploads", "upload_avatar", ("multipart", 1, {"name": "caption", "content": "bye"})),
        ("uploads", "upload_avatar", ("multipart", 0, {"name": "file", "filename": None, "content": "file-content"})),
        ("uploads", "upload_avatar", ("multipart", 4, {"name": "crop", "json": {"x": 1, "y": 3}})),
    ],
)
def test_generated_suite_fails_when_the_wire_body_differs(
    package: Path, module: str, case_id: str, change: tuple[str, Any, Any]
) -> None:
    data_file = package / "tests" / "samples" / f"{module}.json"
    original = data_file.read_text(encoding="utf-8")
    cases = json.loads(original)
    kind, key, value = change
    cases[case_id]["request"][kind][key] = value
    try:
        data_file.write_text(json.dumps(cases), encoding="utf-8")
        run = run_suite(package, f"tests/test_{module}.py")
    finally:
        data_file.write_text(original, encoding="utf-8")
    assert run.returncode != 0
    failed = {name.split("[", 1)[1] for name in run.failed}
    assert failed == {f"sync-{case_id}]", f"async-{case_id}]"}, run.output[-3000:]
