"""Schema -> Python type decisions (OpenAPI 3.1 and 3.0 forms) and naming rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from generate_support import generate_into, run_script

from generator.plan import build_plan
from generator.plan.methods import client_option_name
from generator.plan.names import docstring_body, snake_case
from generator.plan.package import client_class_name
from generator.plan.package_plan import ModelPlan
from generator.plan.resources import method_name_from

SPEC_31: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Shapes API", "version": "1"},
    "paths": {
        "/shapes": {
            "post": {
                "operationId": "createShape",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "Label": {"type": "string"},
                                    "Meta": {"type": "object", "properties": {"Tag": {"type": "string"}}},
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "201": {
                        "description": "created",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Shape"}}},
                    }
                },
            },
        },
        "/shapes/count": {
            "get": {
                "operationId": "countShapes",
                "responses": {
                    "200": {"description": "n", "content": {"application/json": {"schema": {"type": "integer"}}}}
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Base": {
                "type": "object",
                "required": ["Id"],
                "properties": {"Id": {"type": "integer"}, "Kind": {"const": "base"}},
            },
            "Shape": {
                "allOf": [
                    {"$ref": "#/components/schemas/Base"},
                    {
                        "type": "object",
                        "properties": {
                            "Name": {"type": ["string", "null"]},
                            "Area": {"type": ["number", "null"]},
                            "When": {"type": ["string", "null"], "format": "date-time"},
                            "Day": {"type": "string", "format": "date"},
                            "Color": {"anyOf": [{"$ref": "#/components/schemas/Color"}, {"type": "null"}]},
                            "Either": {"oneOf": [{"type": "integer"}, {"type": "string"}]},
                            "Scores": {"type": "object", "additionalProperties": {"type": "number"}},
                            "Anything": {"type": "object", "additionalProperties": True},
                            "Free": {},
                            "Legacy": {"type": "string", "nullable": True},
                            "Blob": {"type": "string", "format": "binary"},
                            "Corners": {
                                "type": "array",
                                "items": {"type": "object", "properties": {"X": {"type": "integer"}}},
                            },
                            "Parent": {"$ref": "#/components/schemas/Shape"},
                        },
                    },
                ]
            },
            "Color": {"type": "string", "enum": ["red", "green", None]},
            "Colors": {"type": "array", "items": {"$ref": "#/components/schemas/Color"}},
        }
    },
}


def _model(plan_models: tuple[ModelPlan, ...], name: str) -> ModelPlan:
    return next(m for m in plan_models if m.class_name == name)


def test_field_types_for_31_and_30_forms() -> None:
    plan = build_plan(SPEC_31, package_name="shapes")
    shape = _model(plan.models, "Shape")
    fields = {f.wire_name: str(f.annotation) for f in shape.fields}
    assert fields == {
        "Id": "int",
        "Kind": 'Literal["base"] | None',
        "Name": "str | None",
        "Area": "float | None",
        "When": "datetime | None",
        "Day": "date | None",
        "Color": "Color | None",  # a named enum: its alias (an open Literal)
        "Either": "int | str | None",
        "Scores": "dict[str, float] | None",
        "Anything": "dict[str, Any] | None",
        "Free": "Any",
        "Legacy": "str | None",
        "Blob": "bytes | None",
        "Corners": '"list[ShapeCornersItem] | None"',  # model references are string annotations
        "Parent": '"Shape | None"',
    }
    # annotations know the models they name: the module imports exactly those
    models = {f.wire_name: f.annotation.models() for f in shape.fields if f.annotation.models()}
    assert models == {"Color": {"Color"}, "Corners": {"ShapeCornersItem"}, "Parent": {"Shape"}}
    assert list(shape.type_checking_imports) == ["from .shape_corners_item import ShapeCornersItem"]
    assert "from .color import Color" in list(shape.imports)  # an enum alias: imported at runtime
    colors = _model(plan.models, "Colors")
    assert colors.kind == "alias" and str(colors.alias_expr) == "list[Color | None]"
    names = {m.class_name for m in plan.models}
    assert {"ShapeCornersItem", "CreateShapeBody", "CreateShapeBodyMeta"} <= names
    assert plan.client_class == "Shapes"


def test_inline_bodies_and_self_reference_work_at_runtime(tmp_path: Path) -> None:
    generate_into(tmp_path, SPEC_31, "shapes")
    result = run_script(tmp_path, "types_inline_bodies.py")
    assert result == {
        "sent": [{"Label": "sq", "Meta": {"Tag": "t"}}],
        "parent": 2,
        "corner": 3,
        "when": "2024-01-02T03:04:05.123456+00:00",
        "either": "e",
    }


@pytest.mark.parametrize(
    ("operation_id", "method", "path", "expected"),
    [
        ("v1ChatAgent_RejectChatSessionTransfer", "post", "/x", "reject_chat_session_transfer"),
        ("v1ContactEntity_SaveImage_POST", "post", "/x", "save_image_post"),
        ("getPetById", "get", "/pet/{petId}", "get_pet_by_id"),
        (None, "get", "/users/{id}/HTTPStatus", "get_users_id_http_status"),
        ("import", "get", "/x", "import_"),
        ("123go", "get", "/x", "call_123go"),
    ],
)
def test_method_names(operation_id: str | None, method: str, path: str, expected: str) -> None:
    assert method_name_from(operation_id, method, path) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("SO-Language", "language"),
        ("SO-Culture", "culture"),
        ("SO-TimeZone", "timezone"),
        ("SO-AppToken", "app_token"),
        ("Accept-Language", "accept_language"),
        ("X-Request-Id", "request_id"),
    ],
)
def test_client_option_names(header: str, expected: str) -> None:
    assert client_option_name(header) == expected


def test_client_class_names() -> None:
    assert client_class_name({"info": {"title": "SuperOffice WebAPI"}}, "x") == "SuperOffice"
    assert client_class_name({"info": {"title": "Swagger Petstore - OpenAPI 3.0"}}, "x") == "Petstore"
    assert client_class_name({"info": {}}, "my_pkg") == "MyPkg"


def test_snake_case_and_docstring_escaping() -> None:
    assert snake_case("ChatSessionEntity") == "chat_session_entity"
    assert snake_case("$select") == "select"
    assert snake_case("HTTPServer2") == "http_server2"
    body = docstring_body('a """ b \\ c "')
    assert eval('"""' + body + ' """') == 'a """ b \\ c " '
