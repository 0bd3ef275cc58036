"""Operation shapes: variants sharing one URL, raw responses, query arrays (style/explode)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from generate_support import generate_into, run_script


def _thing_response() -> dict[str, Any]:
    return {
        "description": "OK",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
    }


def _query_array(name: str, **style: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": {"type": "array", "items": {"type": "string"}}, **style}


# Shaped like `sdkgen parse` output: the second page of `GET /api/v1/Thing/{id}` is a variant
# of the first, and the primary's path parameter was widened to accept both pages' types.
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Things", "version": "1"},
    "paths": {
        "/api/v1/Thing/{id}": {
            "get": {
                "operationId": "v1Thing_GetThing",
                "tags": ["Thing"],
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"anyOf": [{"type": "integer"}, {"type": "string"}]},
                    },
                    {"name": "$select", "in": "query", "schema": {"type": "string"}},
                ],
                "responses": {"200": _thing_response()},
                "x-sdkgen-variants": [
                    {
                        "operationId": "v1Thing_GetThingByName",
                        "tags": ["Thing"],
                        "summary": "The thing with this unique name.",
                        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                        "responses": {"200": _thing_response()},
                    }
                ],
            }
        },
        "/api/v1/Thing/{id}/Image": {
            "get": {
                "operationId": "v1Thing_GetImage",
                "tags": ["Thing"],
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "responses": {
                    "200": {
                        "description": "The image",
                        "content": {"image/png": {"schema": {"type": "string", "contentMediaType": "image/png"}}},
                    }
                },
            }
        },
        "/api/v1/Thing": {
            "get": {
                "operationId": "v1Thing_Find",
                "tags": ["Thing"],
                "parameters": [
                    _query_array("commaIds", style="form", explode=False),
                    _query_array("repeatedByDefault"),
                    _query_array("repeated", style="form", explode=True),
                    {"name": "$select", "in": "query", "schema": {"type": "string"}},
                ],
                "responses": {"204": {"description": "No content"}},
            }
        },
    },
    "components": {
        "schemas": {
            "Thing": {
                "type": "object",
                "properties": {"ThingId": {"type": ["integer", "null"]}, "Name": {"type": ["string", "null"]}},
            }
        }
    },
}


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ops")
    generate_into(out, SPEC, "things")
    return out


def test_variant_is_its_own_method_on_the_same_url(sdk: Path) -> None:
    result = run_script(sdk, "ops_variant_methods.py")
    assert result["types"] == ["Thing", "Thing"]
    assert result["names"] == ["seven", "seven"]
    assert result["urls"] == ["https://host/api/v1/Thing/7?$select=Name", "https://host/api/v1/Thing/seven"]
    source = (sdk / "things/resources/thing.py").read_text()
    # each method keeps its own page's type (the widened anyOf is only for generators without variants)
    assert "def get_thing(\n        self,\n        id: int,\n" in source
    assert "def get_thing_by_name(\n        self,\n        id: str,\n" in source
    assert "The thing with this unique name." in source


def test_query_arrays_follow_style_and_explode(sdk: Path) -> None:
    result = run_script(sdk, "ops_query_arrays.py")
    assert result == [
        "https://host/api/v1/Thing?commaIds=1,2&repeatedByDefault=a&repeatedByDefault=b&repeated=x&$select=Name,ThingId",
        "https://host/api/v1/Thing?repeated=single",
    ]


def test_raw_response_sync_and_async(sdk: Path) -> None:
    result = run_script(sdk, "ops_raw_response.py")
    assert result["sync"] == [True, 200, "application/json", "Thing", "seven", True, 200, None]  # empty body
    assert result["async"] == [True, "Thing", 200, None]
    assert result["cached"] is True


def test_raw_response_methods_are_typed(sdk: Path, tmp_path: Path) -> None:
    """mypy sees the wrapped signature (ParamSpec) and `APIResponse[Thing]`, on both clients."""
    (sdk / "use_things.py").write_text("""
from things import APIResponse, AsyncThings, Things
from things.models import Thing


def sync(client: Things) -> None:
    raw: APIResponse[Thing] = client.thing.with_raw_response.get_thing(7, select="Name")
    thing: Thing = raw.parse()
    client.thing.with_raw_response.get_thing_by_name(7)  # wrong type: the variant takes a str


async def run(client: AsyncThings) -> None:
    raw: APIResponse[Thing] = await client.thing.with_raw_response.get_thing(7)
    none: APIResponse[None] = await client.thing.with_raw_response.find(repeated=["a"])
""")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "mypy"), "use_things.py", "things"],
        cwd=sdk,
        capture_output=True,
        text=True,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout
    assert "use_things.py:9:" in errors[0] and '"int"; expected "str"' in errors[0], errors


def test_binary_response_asks_for_its_media_type() -> None:
    """A bytes answer is requested with its documented media type, not the JSON default."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        generate_into(out, SPEC, "things")
        result = run_script(out, "ops_binary_accept.py")
    assert result == {"accept": "image/png", "body": "PNG"}
