"""Parameters in every location keep their schema type and are sent in their OpenAPI style.

Headers are `simple` style (arrays comma-joined, booleans `true`/`false`); cookies are joined into
one `Cookie` header (`a=1; b=2`), required ones are required arguments; optional ones left out
are not sent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from generate_support import generate_into, run_script


def _param(name: str, location: str, schema: dict[str, Any], required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": location, "required": required, "schema": schema}


SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Params", "version": "1"},
    "servers": [
        {
            "url": "https://{region}.params.test/{version}",
            "variables": {"region": {"default": "eu", "enum": ["eu", "us"]}, "version": {"default": "v2"}},
        }
    ],
    "paths": {
        "/things/{id}": {
            "get": {
                "operationId": "getThing",
                "parameters": [
                    _param("id", "path", {"type": "integer"}, True),
                    _param("limit", "query", {"type": "integer"}),
                    _param("X-Page", "header", {"type": "integer"}, True),
                    _param("X-Flag", "header", {"type": "boolean"}),
                    _param("X-Mode", "header", {"type": "string", "enum": ["fast", "slow"]}),
                    _param("X-Ids", "header", {"type": "array", "items": {"type": "integer"}}),
                    _param("session", "cookie", {"type": "string"}, True),
                    _param("theme", "cookie", {"type": "string"}),
                ],
                "responses": {"204": {"description": "done"}},
            }
        },
        "/old": {
            "get": {
                "operationId": "oldThing",
                "deprecated": True,
                "parameters": [
                    {**_param("legacy", "query", {"type": "string"}), "deprecated": True},
                    _param("fresh", "query", {"type": "string"}),
                ],
                "responses": {"204": {"description": "done"}},
            }
        },
        "/search": {
            "get": {
                "operationId": "search",
                "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {"type": "object"}}}},
                "responses": {"204": {"description": "done"}},
            }
        },
        "/new": {
            "get": {
                "operationId": "newThing",
                "parameters": [{**_param("legacy", "query", {"type": "string"}), "deprecated": True}],
                "responses": {"204": {"description": "done"}},
            }
        },
    },
}

CALLS: list[tuple[dict[str, Any], dict[str, str | None]]] = [
    (
        {"x_page": 2, "x_flag": True, "x_mode": "slow", "x_ids": [1, 2], "session": "s1", "theme": "dark"},
        {"x-page": "2", "x-flag": "true", "x-mode": "slow", "x-ids": "1,2", "cookie": "session=s1; theme=dark"},
    ),
    ({"x_page": 3, "session": "s2"}, {"x-page": "3", "x-flag": None, "x-ids": None, "cookie": "session=s2"}),
]


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("params")
    generate_into(out, SPEC, "params")
    return out


def test_headers_and_cookies_are_sent_in_their_style(package: Path) -> None:
    sent = run_script(package, "params_locations.py", [kwargs for kwargs, _ in CALLS])["headers"]
    for (_, expected), headers in zip(CALLS, sent, strict=True):
        for name, value in expected.items():
            assert headers.get(name) == value, (name, headers)


def test_arguments_are_typed_by_their_schema_and_required_cookies_are_required(package: Path) -> None:
    source = (package / "params" / "resources" / "default.py").read_text(encoding="utf-8")
    start = source.index("def get_thing(")
    signature = source[start : source.index('"""', start)]
    assert "x_page: int," in signature
    assert "x_flag: bool | None = None" in signature
    assert 'x_mode: Literal["fast", "slow"] | None = None' in signature
    assert "x_ids: Sequence[int] | None = None" in signature
    assert "session: str," in signature
    assert "theme: str | None = None" in signature


def test_server_variables_have_defaults_and_are_client_options(package: Path) -> None:
    urls = run_script(package, "params_locations.py", [CALLS[1][0]])["urls"]
    assert urls == ["https://eu.params.test/v2/things/7", "https://us.params.test/v2/things/7"]


def test_deprecated_operations_and_parameters_warn_and_say_so(package: Path) -> None:
    warned = run_script(package, "params_deprecated.py")
    assert warned == {
        "old_thing": ["old_thing() is deprecated"],
        "old_thing_legacy": ["old_thing() is deprecated", "old_thing(): legacy is deprecated"],
        "new_thing": [],
        "new_thing_legacy": ["new_thing(): legacy is deprecated"],
        "docs": [True, True],
    }


def test_a_request_without_a_body_sends_no_body_content_type(package: Path) -> None:
    headers = run_script(package, "params_locations.py", [CALLS[1][0]])["search"]
    assert "content-type" not in headers
