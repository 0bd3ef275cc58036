"""Compositions public documents use on plain values, and operations keyed by a URL fragment.

- `allOf` that stacks constraints on a scalar, an array, an enum or a union (Box writes
  `sequence_id: {allOf: [{type: string}, {nullable: false}]}`, DigitalOcean `allOf: [{$ref: slug},
  {type: string, nullable: true}]`) is that value type, not a model with no fields.
- `anyOf: [{type: object, nullable: true}, {$ref: Model}]` (a free-form object or a model) comes
  back as the model in both response modes.
- Paths that differ only by a fragment (`/items/{id}#share`): the fragment is not sent, and the
  query goes after the path, not into the fragment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from generate_support import generate_into, run_script
from test_generated_suite import run_suite, sample_tests

from generator.plan import build_plan


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _mini(kind: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["type", "id"],
        "properties": {
            "type": {"type": "string", "enum": [kind]},
            "id": {"type": "string"},
            "sequence_id": {"allOf": [{"type": "string", "nullable": False}, {"nullable": False}]},
        },
    }


SCHEMAS: dict[str, Any] = {
    "Level": {"type": "string", "enum": ["low", "high"]},
    "Slug": {"type": "string", "description": "A region slug."},
    "FileMini": _mini("file"),
    "FolderMini": _mini("folder"),
    "User": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}, "name": {}}},
    "Rank": {"allOf": [_ref("Level"), {"description": "A level, as a rank."}]},
    "Item": {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {"type": "string"},
            "sequence_id": {"allOf": [{"type": "string", "example": "3"}, {"nullable": False}]},
            "tags": {"allOf": [{"type": "array", "items": {"type": "string"}}, {"description": "Labels."}]},
            "shared": {"allOf": [{"type": "boolean"}, {"description": "Whether it is shared."}]},
            "region_slug": {"allOf": [_ref("Slug"), {"type": "string", "nullable": True}]},
            "level": {"allOf": [_ref("Level"), {"description": "How important."}]},
            "rank": _ref("Rank"),
            "parent": {
                "allOf": [{"oneOf": [_ref("FileMini"), _ref("FolderMini")]}, {"description": "Where it is."}],
                "nullable": True,
            },
            "owner": {"anyOf": [{"type": "object", "nullable": True, "title": "null"}, _ref("User")]},
        },
    },
}
ITEM = {"content": {"application/json": {"schema": _ref("Item")}}, "description": "ok"}
ITEM_ID = {"name": "item_id", "in": "path", "required": True, "schema": {"type": "string"}}
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Drive", "version": "1"},
    "servers": [{"url": "https://drive.test"}],
    "paths": {
        "/items/{item_id}": {
            "get": {"operationId": "getItem", "tags": ["items"], "parameters": [ITEM_ID], "responses": {"200": ITEM}}
        },
        "/items/{item_id}#share": {
            "put": {
                "operationId": "shareItem",
                "tags": ["items"],
                "parameters": [
                    ITEM_ID,
                    {"name": "fields", "in": "query", "required": True, "schema": {"type": "string"}},
                ],
                "responses": {"200": ITEM},
            }
        },
    },
    "components": {"schemas": SCHEMAS},
}

BODY = {
    "id": "1",
    "sequence_id": "3",
    "tags": ["a", "b"],
    "shared": True,
    "region_slug": None,
    "level": "high",
    "rank": "low",
    "parent": {"type": "folder", "id": "9", "sequence_id": "1"},
    "owner": {"id": 5, "name": "Ada"},
}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("drive")
    generate_into(out, SPEC, "drive")
    return out


@pytest.mark.parametrize("strict", [False, True], ids=["constructed", "validated"])
def test_constrained_values_and_model_or_object_unions_read_as_their_types(package: Path, strict: bool) -> None:
    found = run_script(package, "compositions_calls.py", {"strict": strict, "body": BODY})
    assert found["types"] == {
        "sequence_id": "str",
        "tags": "list",
        "shared": "bool",
        "region_slug": "NoneType",
        "level": "str",
        "rank": "str",
        "parent": "FolderMini",
        "owner": "User",
    }
    assert found["parent_sequence_id"] == "1"


def test_a_fragment_keyed_operation_sends_its_query_after_the_path(package: Path) -> None:
    found = run_script(package, "compositions_calls.py", {"strict": True, "body": BODY})
    assert found["share_url"] == "https://drive.test/items/1?fields=shared_link"


def test_a_component_allof_over_an_enum_is_an_alias_not_a_model() -> None:
    plan = build_plan(SPEC, package_name="drive")
    kinds = {m.class_name: m.kind for m in plan.models}
    assert kinds["Rank"] == "alias"
    item = next(m for m in plan.models if m.class_name == "Item")
    annotations = {f.wire_name: str(f.annotation) for f in item.fields}
    assert annotations["level"] == "Level | None"  # the enum keeps its name
    assert annotations["sequence_id"] == "str | None"


def test_the_generated_suite_passes_with_placeholders_for_these_shapes(package: Path) -> None:
    suite = run_suite(package, "tests", timeout=600)
    assert suite.returncode == 0 and not suite.failed, suite.output[-4000:]
    assert len(sample_tests(suite.passed)) == 4  # both operations, sync and async
