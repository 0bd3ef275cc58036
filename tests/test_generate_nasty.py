"""A deliberately hostile spec: nothing in it may execute, every name must come out safe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from generate_support import generate_into, run_script

# If any of these strings ever lands outside a string literal, importing creates the file.
EVIL = "__import__('pathlib').Path('PWNED').touch()"
TRIPLE = 'ends with quotes """ and \\ backslash \\'
CHAIN = 1000


def nasty_spec() -> dict[str, Any]:
    schemas: dict[str, Any] = {
        "class": {  # keyword as a schema name
            "type": "object",
            "description": TRIPLE + '"',
            "properties": {
                "from": {"type": "string", "description": EVIL},
                "list": {"type": "array", "items": {"type": "integer"}},
                "type": {"type": "string", "enum": ["a", 'b"""', "c\\", EVIL], "default": EVIL},
                "id": {"type": "integer"},
                "Id": {"type": "integer"},
                "ID": {"type": "integer"},
                "123abc": {"type": "string"},
                "model_config": {"type": "string"},
                "self": {"type": "string"},
                "_Links": {"type": "object", "additionalProperties": {"type": "string"}},
                "with space": {"type": "string"},
                "": {"type": "string"},
                "copy": {"type": "boolean"},
                "datetime": {"type": "string", "format": "date-time"},
                "Field": {"type": "string"},
                EVIL: {"type": "string", "description": '"""; ' + EVIL + '; """'},
            },
        },
        "Class": {"type": "object", "properties": {"x": {"type": "string"}}},  # collides after naming
        "Field": {"type": "object", "properties": {"y": {"type": "string"}}},  # pydantic.Field's name
        "Any": {"type": "object", "properties": {"z": {"type": "string"}}},
        "list": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
        "Tree": {
            "type": "object",
            "description": "\\x00 \\N{BULLET} \\u2028 \x07 bell",
            "properties": {
                "Name": {"type": "string"},
                "Children": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
                "Parent": {"anyOf": [{"$ref": "#/components/schemas/Tree"}, {"type": "null"}]},
            },
        },
        "Loop": {"$ref": "#/components/schemas/Loop"},  # a ref cycle that is no model
        "Chain0": {"type": "object", "properties": {"Next": {"$ref": "#/components/schemas/Chain1"}}},
    }
    for i in range(1, CHAIN):
        props: dict[str, Any] = {"Value": {"type": "integer"}}
        if i + 1 < CHAIN:
            props["Next"] = {"$ref": f"#/components/schemas/Chain{i + 1}"}
        schemas[f"Chain{i}"] = {"type": "object", "properties": props}
    ops: dict[str, Any] = {
        "/import/{from}": {
            "post": {
                "operationId": "import",
                "tags": ["class", EVIL],
                "summary": TRIPLE,
                "description": EVIL + '\n"""\n' + EVIL,
                "x-online-restricted": '"""' + EVIL,
                "parameters": [
                    {"name": "from", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "self", "in": "query", "schema": {"type": "string"}, "description": "\\"},
                    {"name": "options", "in": "query", "schema": {"type": "integer"}},
                    {"name": "$filter", "in": "query", "schema": {"type": "string"}},
                    {"name": "filter", "in": "query", "schema": {"type": "string"}},
                    {"name": EVIL, "in": "header", "schema": {"type": "string"}},
                ],
                "requestBody": {
                    "x-sdkgen-flatten": True,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/class"}}},
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Tree"}}},
                    }
                },
            },
            "get": {
                "operationId": "import",
                "tags": ["class"],
                "responses": {
                    "200": {
                        "description": "inline",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "Inner": {"type": "object", "properties": {"Deep": {"type": "string"}}}
                                    },
                                }
                            }
                        },
                    }
                },
            },
        },
        "/chain": {
            "get": {
                "operationId": "getChain",
                "tags": ["Chain"],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Chain0"}}},
                    }
                },
            }
        },
        "/no-operation-id/{x}": {
            "delete": {
                "parameters": [{"name": "x", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "responses": {"204": {"description": "gone"}},
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": '"""' + EVIL, "version": "1", "description": TRIPLE},
        "paths": ops,
        "components": {"schemas": schemas},
    }


@pytest.fixture(scope="module")
def nasty(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    out = tmp_path_factory.mktemp("nasty")
    files = generate_into(out, nasty_spec(), "nasty")
    return out, files


def test_every_file_imports_and_nothing_executes(nasty: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    out, files = nasty
    modules = sorted(
        p[:-3].replace("/", ".").removesuffix(".__init__")
        for p in files
        if p.endswith(".py") and p.startswith("nasty/")
    )
    result = run_script(out, "nasty_import_all.py", modules, cwd=tmp_path)
    assert result["imported"] == len(modules) > CHAIN
    assert not (tmp_path / "PWNED").exists()
    assert not (out / "PWNED").exists()


def test_names_are_safe_and_deterministic(nasty: tuple[Path, dict[str, str]]) -> None:
    _out, files = nasty
    model = files["nasty/models/class_.py"]
    for expected in (
        "class Class(BaseModel):",
        "from_: str | None",
        "list_: list[int] | None",
        "type_: (",
        "id_: int | None",
        "id_2: int | None",
        "id_3: int | None",
        "field_123abc:",
        "model_config_:",
        "self_:",
        "links:",
        "with_space:",
        "field:",
        "copy_:",
        "datetime_: datetime | None",
        "field_2: str | None",
        'alias="Field"',
    ):
        assert expected in model, expected
    assert "class Class2(BaseModel):" in files["nasty/models/class2.py"]
    assert "class Field(BaseModel):" in files["nasty/models/field.py"]  # pydantic's is imported as FieldInfo
    assert "class Any_(BaseModel):" in files["nasty/models/any_.py"]
    resource = files["nasty/resources/class_.py"]
    assert "def import_(" in resource and "def import_2(" in resource  # GET, then POST
    assert "datetime_: datetime | NotGiven = NOT_GIVEN," in resource
    assert "from_: str," in resource and "self_: str | None = None," in resource
    # Arguments keep natural names (builtins such as `filter`, `id`, `type` included); keywords,
    # the builtins a method body uses (`list`), the per-call options and `self` get an underscore,
    # and a clash within the signature a number.
    assert "options: int | None = None," in resource and "filter: str | None = None," in resource
    assert "filter_2: str | None = None," in resource and "list_: list[int] | NotGiven" in resource
    assert "id: int | NotGiven = NOT_GIVEN," in resource and "id_2: int | NotGiven = NOT_GIVEN," in resource
    assert "timeout: Timeout | NotGiven = NOT_GIVEN," in resource
    assert "def delete_no_operation_id_x(" in files["nasty/resources/default.py"]


def test_calls_with_hostile_names_work(nasty: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    out, _ = nasty
    result = run_script(out, "nasty_hostile_calls.py", cwd=tmp_path)
    assert result["tree"] == ["Tree", "root", "leaf", None]
    assert result["body"] == {"from": "v", "type": 'b"""', "list": [1, 2]}
    assert result["url"] == "https://h/api/import/x%2Fy?self=s&options=3&$filter=f"
    assert result["chain"] == ["Chain0", "Chain1", 1]
    assert not (tmp_path / "PWNED").exists()
