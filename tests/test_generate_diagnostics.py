"""`sdkgen generate` reports what the SDK cannot express, with the JSON pointer, and `--strict` fails."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from generate_support import FIXTURES, run_script

from generator.cli import main
from generator.plan import build_plan


def _spec() -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Pets", "version": "1"},
        "paths": {
            "/pets": {
                "get": {
                    "operationId": "listPets",
                    "parameters": [
                        {"name": "session", "in": "cookie", "schema": {"type": "string"}},
                        {"$ref": "#/components/parameters/Gone"},
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Missing"}}},
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Pet": {
                    "type": "object",
                    "properties": {
                        "owner": {"$ref": "people.yaml#/components/schemas/Person"},
                        "name": {"type": "string", "not": {"enum": [""]}},
                    },
                }
            }
        },
    }


def _generate(tmp_path: Path, spec: dict[str, Any], *extra: str) -> Any:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec))
    args = ["generate", str(path), "-o", str(tmp_path / "out"), "--package-name", "pets", *extra]
    return CliRunner().invoke(main, args)


@pytest.fixture(autouse=True)
def _black_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))


def test_problems_are_warnings_with_their_json_pointer(tmp_path: Path) -> None:
    result = _generate(tmp_path, _spec())
    assert result.exit_code == 0, result.output
    spec = str(tmp_path / "spec.yaml")
    lines = result.output.splitlines()
    expected = {
        "#/paths/~1pets/get/responses/200/content/application~1json/schema": "[plan-dangling-ref]",
        "#/paths/~1pets/get/parameters/1": "[plan-dangling-ref]",
        "#/components/schemas/Pet/properties/owner": "[plan-external-ref]",
        "#/components/schemas/Pet/properties/name": "[plan-unsupported-schema]",
        "#/paths/~1pets/get/parameters": "[plan-cookie-parameter]",
    }
    for pointer, code in expected.items():
        assert any(line.startswith(f"{spec}{pointer}: warning: ") and line.endswith(code) for line in lines), (
            pointer,
            result.output,
        )
    assert "people.yaml#/components/schemas/Person" in result.output
    assert lines[-1] == "sdkgen generate: 1 operations, 1 models, 5 warnings"
    # the approximations are what the warnings say: Any where the reference leads nowhere
    types = run_script(tmp_path / "out", "diagnostics_any_types.py")
    assert types == {"owner": "typing.Any", "returns": "typing.Any"}


def test_strict_exits_non_zero_on_a_dangling_ref(tmp_path: Path) -> None:
    spec = _spec()
    del spec["components"]["schemas"]["Pet"]
    spec["paths"]["/pets"]["get"]["parameters"] = []
    result = _generate(tmp_path, spec, "--strict")
    assert result.exit_code == 1
    assert "#/paths/~1pets/get/responses/200/content/application~1json/schema: warning:" in result.output
    assert result.output.splitlines()[-1].endswith("1 warning")


def test_strict_exits_non_zero_on_an_external_ref(tmp_path: Path) -> None:
    spec = _spec()
    spec["paths"] = {}
    spec["components"]["schemas"]["Pet"]["properties"] = {"owner": {"$ref": "https://example.com/person.json"}}
    result = _generate(tmp_path, spec, "--strict")
    assert result.exit_code == 1
    assert "#/components/schemas/Pet/properties/owner: warning:" in result.output
    assert "[plan-external-ref]" in result.output


def test_clean_spec_passes_strict(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["generate", str(FIXTURES / "petstore_3_0.yaml"), "-o", str(tmp_path / "out"), "--strict"]
    )
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output.replace("0 warnings", "")
    assert result.output.splitlines()[-1].endswith(", 0 warnings")


def test_examples_are_data_not_references() -> None:
    spec = _spec()
    spec["paths"]["/pets"]["get"]["parameters"] = []
    response = spec["paths"]["/pets"]["get"]["responses"]["200"]["content"]["application/json"]
    response["schema"] = {"$ref": "#/components/schemas/Pet"}
    response["examples"] = {"sample": {"value": {"$ref": "#/not/a/reference"}}}
    response["example"] = {"$ref": "#/nor/this"}
    spec["components"]["schemas"]["Pet"]["properties"] = {"value": {"type": "string", "default": {"$ref": "#/x"}}}
    assert build_plan(spec, package_name="pets").diagnostics == ()
