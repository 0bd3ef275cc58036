"""Only what the document declares: auth classes from `components.securitySchemes`, error-body
fields from the declared error schemas, README examples of the declared schemes only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from generate_support import generate_into, run_script

PING: dict[str, Any] = {
    "/things/{id}": {
        "get": {
            "operationId": "getThing",
            "tags": ["things"],
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "responses": {
                "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}},
                "404": {
                    "description": "missing",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Failure"}}},
                },
            },
        }
    }
}
FAILURE = {
    "type": "object",
    "properties": {"reason": {"type": "string"}, "errorCode": {"type": "integer"}, "trace": {"type": "string"}},
}


def spec(schemes: dict[str, Any], *, errors: bool = True) -> dict[str, Any]:
    paths: dict[str, Any] = {"/things/{id}": {"get": dict(PING["/things/{id}"]["get"])}}
    if not errors:
        paths["/things/{id}"]["get"]["responses"] = {"200": {"description": "ok"}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Things", "version": "1"},
        "servers": [{"url": "https://things.test"}],
        "paths": paths,
        "components": {"securitySchemes": schemes, "schemas": {"Failure": FAILURE}},
    }


def exports(files: dict[str, str]) -> str:
    return files["things/__init__.py"].split("_EXPORTS")[1]


def test_api_key_in_query_gets_a_baked_class_and_nothing_else(tmp_path: Path) -> None:
    files = generate_into(tmp_path, spec({"key": {"type": "apiKey", "in": "query", "name": "api-key"}}), "things")
    names = exports(files)
    assert '"ApiKeyAuth"' in names
    assert not any(f'"{n}"' in names for n in ("BasicAuth", "BearerAuth", "SoTicketAuth"))
    readme = files["README.md"]
    assert 'auth=ApiKeyAuth("my-key")' in readme and "BasicAuth" not in readme and "BearerAuth" not in readme
    assert "things/_ticket_auth.py" not in files
    result = run_script(tmp_path, "declared_calls.py", {"auth": "ApiKeyAuth", "args": ["k-1"]})
    assert result["url"].endswith("/things/3?api-key=k-1")
    # The declared Failure schema: `reason` is the message, `errorCode` the type.
    assert result["error"] == ["no such thing", "4711", "404 Not Found - 4711: no such thing"]


def test_several_api_keys_get_a_class_each_and_oauth2_is_a_bearer_token(tmp_path: Path) -> None:
    schemes = {
        "partnerKey": {"type": "apiKey", "in": "header", "name": "X-Partner"},
        "session": {"type": "apiKey", "in": "cookie", "name": "sid"},
        "oauth": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://t.test", "scopes": {}}}},
    }
    files = generate_into(tmp_path, spec(schemes), "things")
    names = exports(files)
    assert all(f'"{n}"' in names for n in ("PartnerKeyAuth", "SessionAuth", "BearerAuth"))
    assert '"ApiKeyAuth"' not in names and '"BasicAuth"' not in names
    result = run_script(tmp_path, "declared_calls.py", {"auth": "PartnerKeyAuth", "args": ["p-1"]})
    assert result["headers"]["x-partner"] == "p-1"
    cookie = run_script(tmp_path, "declared_calls.py", {"auth": "SessionAuth", "args": ["s-1"]})
    assert cookie["headers"]["cookie"] == "sid=s-1"
    bearer = run_script(tmp_path, "declared_calls.py", {"auth": "BearerAuth", "args": ["tok"]})
    assert bearer["headers"]["authorization"] == "Bearer tok"


@pytest.mark.parametrize("errors", [True, False], ids=["declared-errors", "no-error-schema"])
def test_no_security_schemes_means_no_auth_module(tmp_path: Path, errors: bool) -> None:
    files = generate_into(tmp_path, spec({}, errors=errors), "things")
    assert "things/_auth.py" not in files
    assert not [line for line in exports(files).splitlines() if 'Auth"' in line or "RefreshHook" in line]
    assert "declares no security scheme" in files["README.md"]
    assert "Any httpx.Auth" in files["things/_client.py"]
    doc = files["things/_errors.py"].split('"""')[1]
    if errors:
        assert "``Failure``" in doc and "``reason``" in doc
    else:
        assert "declares no error schema" in doc and "``message``" in doc
    result = run_script(tmp_path, "declared_calls.py", {"auth": None, "args": []})
    assert "authorization" not in result["headers"]
