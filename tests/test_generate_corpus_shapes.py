"""Shapes the public corpus (tests/public_spec_list.py) revealed, each reduced to a small document.

Every document here must generate without a warning it does not deserve, import, and pass
`mypy --strict`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from generate_support import generate_into

from generator.openapi_to_package import generate_package

_INFO = {"title": "Shapes", "version": "1"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": "ok", "content": {"application/json": {"schema": schema}}}


# A `$ref` is a URI: its fragment may percent-encode the braces of a path template.
PERCENT_REF: dict[str, Any] = {
    "openapi": "3.0.1",
    "info": _INFO,
    "paths": {
        "/monsters/{index}": {
            "get": {
                "operationId": "getMonster",
                "parameters": [{"name": "index", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "properties": {
                                "usage": {
                                    "type": "object",
                                    "required": ["times"],
                                    "properties": {"times": {"type": "integer"}},
                                }
                            },
                        }
                    )
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Spell": {
                "type": "object",
                "properties": {
                    "usage": {
                        "$ref": "#/paths/~1monsters~1%7Bindex%7D/get/responses/200/content/application~1json"
                        "/schema/properties/usage"
                    }
                },
            }
        }
    },
}

# A no-content answer documented to send 304 as well: `-> None | NotModified`, async included.
NOT_MODIFIED: dict[str, Any] = {
    "openapi": "3.0.1",
    "info": _INFO,
    "paths": {
        "/props": {
            "delete": {
                "operationId": "deleteProperty",
                "tags": ["props"],
                "parameters": [{"name": "key", "in": "query", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "deleted"}, "304": {"description": "nothing to delete"}},
            }
        }
    },
}

# Enums whose values are objects or arrays (`enum: [{}]`, `enum: [[1], [2]]`) have no Literal form:
# they are typed from the schema's `type`.
OBJECT_ENUMS: dict[str, Any] = {
    "openapi": "3.0.1",
    "info": _INFO,
    "paths": {
        "/containers": {
            "post": {
                "operationId": "createContainer",
                "tags": ["containers"],
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "kinds": {"type": "array", "items": {"type": "integer"}, "enum": [[1], [2]]}
                                },
                            }
                        }
                    }
                },
                "responses": {"200": _json({"$ref": "#/components/schemas/Config"})},
            }
        }
    },
    "components": {
        "schemas": {
            "Config": {
                "type": "object",
                "properties": {
                    "ports": {"type": "object", "additionalProperties": {"type": "object", "enum": [{}]}},
                    "mixed": {"enum": ["a", {"b": 1}]},
                },
            }
        }
    },
}

DOCUMENTS: dict[str, dict[str, Any]] = {
    "shape_percent_ref": PERCENT_REF,
    "shape_not_modified": NOT_MODIFIED,
    "shape_object_enums": OBJECT_ENUMS,
}


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("shapes")
    for name, spec in DOCUMENTS.items():
        generate_into(root / name, spec, name)
    return {name: root / name for name in DOCUMENTS}


def _run(code: str, cwd: Path) -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_percent_encoded_ref_resolves_to_the_schema_it_names(packages: dict[str, Path]) -> None:
    diagnostics = generate_package(PERCENT_REF, package_name="shape_percent_ref").diagnostics
    assert [d.format() for d in diagnostics if d.code == "plan-dangling-ref"] == []
    code = (
        "from shape_percent_ref.models import Spell\n"
        "s = Spell.model_validate({'usage': {'times': 3}})\n"
        "print(type(s.usage).__name__, s.usage.times)\n"
    )
    name, times = _run(code, packages["shape_percent_ref"]).split()
    assert name != "dict" and times == "3"


def test_a_no_content_call_documented_to_answer_304_returns_not_modified(packages: dict[str, Path]) -> None:
    code = """
import asyncio, httpx
from shape_not_modified import AsyncShapes, NotModified, Shapes

def answer(status):
    return lambda request: httpx.Response(status)

async def both(status):
    sync = Shapes(base_url="https://x.test", http_client=httpx.Client(transport=httpx.MockTransport(answer(status))))
    http = httpx.AsyncClient(transport=httpx.MockTransport(answer(status)))
    async with AsyncShapes(base_url="https://x.test", http_client=http) as client:
        result = await client.props.delete_property(key="a")
    return [type(sync.props.delete_property(key="a")).__name__, type(result).__name__]

print(asyncio.run(both(200)) + asyncio.run(both(304)))
"""
    assert _run(code, packages["shape_not_modified"]).split() == [
        "['NoneType',",
        "'NoneType',",
        "'NotModified',",
        "'NotModified']",
    ]


def test_enums_of_objects_or_arrays_are_typed_from_their_schema(packages: dict[str, Path]) -> None:
    config = (packages["shape_object_enums"] / "shape_object_enums" / "models" / "config.py").read_text()
    assert "ports: dict[str, dict[str, Any]] | None" in config
    out = _run(
        "from shape_object_enums.models import Config\n"
        "c = Config.model_validate({'ports': {'80/tcp': {}}, 'mixed': {'b': 1}})\n"
        "print(c.ports, c.mixed)",
        packages["shape_object_enums"],
    )
    assert out.strip() == "{'80/tcp': {}} {'b': 1}"


def test_every_package_passes_mypy_strict(packages: dict[str, Path], tmp_path: Path) -> None:
    targets = [str(packages[name] / name) for name in sorted(DOCUMENTS)]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "mypy"), *targets],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
