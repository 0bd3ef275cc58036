"""The whole public reference, both releases: the acceptance checks of the parse issue.

These run on the real corpus from ../shared (CI sets SDKGEN_SHARED); without it they skip.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import CORPORA
from spec_checks import check_samples, operations, untyped_share

pytestmark = pytest.mark.corpus


def _endpoint_ids(root: Path) -> dict[str, str]:
    """uid/id of every page that documents an endpoint, read independently of the parser."""
    ids: dict[str, str] = {}
    for page in sorted(root.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        if "```http\n" not in text or page.name == "index.md" or "samples" in page.relative_to(root).parts:
            continue
        front = yaml.safe_load(text.split("---", 2)[1])
        first_http = text.split("```http\n", 1)[1].split("\n", 1)[0]
        if first_http.split(" ", 1)[0] in ("GET", "POST", "PUT", "PATCH", "DELETE"):
            ids[str(front.get("uid") or front.get("id"))] = str(page.relative_to(root))
    return ids


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_endpoint_page_yields_an_operation(corpus_build: Any, corpus: str) -> None:
    root, _results, document, diagnostics, summary = corpus_build(corpus)
    expected = _endpoint_ids(root)
    found = {operation["operationId"] for operation in operations(document)}
    assert len(expected) > 2900
    missing = sorted(set(expected) - found)
    assert not missing, f"{len(missing)} endpoint pages without an operation, e.g. {missing[:5]}"
    assert summary.errors == 0, [d.format() for d in diagnostics if d.severity.value == "error"][:5]


@pytest.mark.parametrize("corpus", CORPORA)
def test_document_passes_openapi_spec_validator(corpus_build: Any, corpus: str) -> None:
    from openapi_spec_validator import OpenAPIV31SpecValidator

    _, _, document, _, _ = corpus_build(corpus)
    errors = [error.message[:200] for error in OpenAPIV31SpecValidator(document).iter_errors()]
    assert errors == []


@pytest.mark.parametrize("corpus", CORPORA)
def test_document_passes_redocly_lint(corpus_build: Any, corpus: str, tmp_path: Path) -> None:
    from generator.tools import find_node_tool

    redocly = find_node_tool("redocly")
    if redocly is None:
        pytest.skip("Node tools not installed: run `npm ci` in the repository")
    _, _, document, _, _ = corpus_build(corpus)
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(document), encoding="utf-8")
    result = subprocess.run(
        [str(redocly), "lint", str(spec), "--format", "json", "--skip-rule", "no-server-example.com"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = json.loads(result.stdout[result.stdout.index("{") :])
    errors = [p for p in report.get("problems", []) if p.get("severity") == "error"]
    assert errors == [], [(e["ruleId"], e["message"]) for e in errors[:10]]


@pytest.mark.parametrize("corpus", CORPORA)
def test_samples_validate_against_their_schemas(corpus_build: Any, corpus: str) -> None:
    _, _, document, _, _ = corpus_build(corpus)
    checks = check_samples(document)
    failed = [check for check in checks if check.error]
    share = 1 - len(failed) / len(checks)
    assert len(checks) > 3000
    assert share >= 0.99, [f"{c.operation_id} {c.where}: {c.error}" for c in failed[:10]]


@pytest.mark.parametrize("corpus", CORPORA)
def test_few_properties_are_left_untyped(corpus_build: Any, corpus: str) -> None:
    _, _, document, _, _ = corpus_build(corpus)
    untyped, total = untyped_share(document)
    assert total > 5000
    assert untyped / total <= 0.02, f"{untyped} of {total} properties untyped"


def test_chat_session_user_is_an_associate(corpus_build: Any) -> None:
    """An empty type cell (2021 format) is inferred from the samples and the rest of the corpus."""
    _, _, document, _, _ = corpus_build("superoffice-10.0.2")
    schemas = document["components"]["schemas"]
    user = schemas["ChatSessionEntity"]["properties"]["User"]
    assert {"$ref": "#/components/schemas/Associate"} in user.get("anyOf", user.get("allOf", [{}])[0].get("anyOf", []))
    assert "FullName" in schemas["Associate"]["properties"]
    field_properties = schemas["ChatSessionEntity"]["properties"]["FieldProperties"]
    assert field_properties["type"] == ["object", "null"] and "additionalProperties" in field_properties


def test_shared_path_templates_keep_every_page(corpus_build: Any) -> None:
    """GET /TriggerScript/{id} and GET /TriggerScript/{triggerScriptUniqueId}: one path, both operations."""
    _, _, document, _, _ = corpus_build("superoffice-10.0.2")
    templates = [
        path for path in document["paths"] if path.startswith("/api/v1/TriggerScript/{") and path.count("/") == 4
    ]
    assert templates == ["/api/v1/TriggerScript/{id}"]
    item = document["paths"]["/api/v1/TriggerScript/{id}"]
    get_ids = {item["get"]["operationId"], *(v["operationId"] for v in item["get"].get("x-sdkgen-variants", []))}
    assert get_ids == {
        "v1TriggerScriptEntity_GetTriggerScriptEntity",
        "v1TriggerScriptEntity_GetTriggerScriptByUniqueId",
    }
    delete_ids = {
        item["delete"]["operationId"],
        *(v["operationId"] for v in item["delete"].get("x-sdkgen-variants", [])),
    }
    assert delete_ids == {
        "v1TriggerScriptEntity_DeleteTriggerScriptEntity",
        "v1TriggerScriptEntity_DeleteTriggerScriptByUniqueId",
    }
    # The shared path parameter accepts both pages' types (integer id, string unique id).
    id_param = next(p for p in item["get"]["parameters"] if p.get("in") == "path")
    assert id_param["name"] == "id"
    assert {"type": "integer", "format": "int32"} in id_param["schema"]["anyOf"]
    assert {"type": "string"} in id_param["schema"]["anyOf"]
