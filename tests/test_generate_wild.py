"""Valid documents of shapes public APIs have must generate packages that import and type-check.

No operations at all, only webhooks, tags and titles that are Python keywords or literals
(`true`, `none`, `class`) or names the client module imports (`hooks`, `Timeout`), and async
methods returning unions of three or more types.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from generate_support import generate_into

_OK = {"200": {"description": "ok"}}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": "ok", "content": {"application/json": {"schema": schema}}}


def _op(operation_id: str, tag: str, responses: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"operationId": operation_id, "tags": [tag], "responses": responses or _OK}


DOCUMENTS: dict[str, dict[str, Any]] = {
    "wild_empty": {"openapi": "3.1.0", "info": {"title": "Empty", "version": "1"}, "paths": {}},
    "wild_hooks": {
        "openapi": "3.1.0",
        "info": {"title": "Hooks", "version": "1"},
        "webhooks": {
            "newPet": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["id"],
                                    "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
                                }
                            }
                        }
                    },
                    "responses": _OK,
                }
            }
        },
    },
    "wild_names": {
        "openapi": "3.0.3",
        "info": {"title": "None", "version": "1"},
        "servers": [{"url": "https://{region}.names.test", "variables": {"region": {"default": "eu"}}}],
        "paths": {
            "/a": {"get": _op("true", "true")},
            "/b": {"get": _op("false", "false")},
            "/c": {"get": _op("none", "none")},
            "/d": {"get": _op("class", "class")},
            # Tags named as what _client.py imports (the runtime's Hooks, Timeout).
            "/hooks": {"get": _op("listHooks", "hooks")},
            "/timeouts": {"get": _op("listTimeouts", "Timeout")},
            "/e": {
                "get": _op(
                    "mixed",
                    "True",
                    {
                        "200": _json(
                            {"oneOf": [{"type": "integer"}, {"type": "string"}, {"type": "array", "items": {}}]}
                        ),
                        "201": _json({"type": "boolean"}),
                    },
                )
            },
        },
    },
}


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("wild")
    found: dict[str, Path] = {}
    for name, spec in DOCUMENTS.items():
        generate_into(root / name, spec, name)
        found[name] = root / name
    return found


CLIENTS = {"wild_empty": "Empty", "wild_hooks": "HooksClient", "wild_names": "None_"}  # `Hooks` is the runtime's


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_the_package_imports_and_its_client_is_usable(packages: dict[str, Path], name: str) -> None:
    code = f"from {name} import {CLIENTS[name]} as C\nC(base_url='https://x.test').close()\n"
    result = subprocess.run([sys.executable, "-c", code], cwd=packages[name], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_package_passes_mypy_strict(packages: dict[str, Path], tmp_path: Path) -> None:
    targets = [str(packages[name] / name) for name in sorted(DOCUMENTS)]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "mypy"), *targets],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_webhook_payloads_are_models(packages: dict[str, Path]) -> None:
    code = "import wild_hooks.models as m; print(sorted(m.__all__))"
    result = subprocess.run([sys.executable, "-c", code], cwd=packages["wild_hooks"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "NewPetPayload" in result.stdout


@pytest.mark.parametrize("name", ["wild_empty", "wild_hooks"])
def test_a_package_without_operations_still_has_a_passing_suite(packages: dict[str, Path], name: str) -> None:
    from test_generated_suite import run_suite

    run = run_suite(packages[name])
    assert run.returncode == 0, run.output[-3000:]
    assert {"test_every_public_name_imports", "test_every_model_loads", "test_clients_open_and_close"} <= {
        test.rsplit("::", 1)[-1] for test in run.passed
    }
