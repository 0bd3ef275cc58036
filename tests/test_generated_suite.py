"""The test suite that sdkgen ships inside every generated package.

Generated from specs/openapi.yaml it must pass (mock transport, and Prism when the Node tools
are installed), it must fail when the client drifts from the documented samples, and on the
whole 10.0.2 reference it must pass while covering the pages that carry a sample response.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import black
import pytest
import yaml
from generate_support import generate_into

from generator.plan import build_plan
from generator.tools import find_node_tool, node_tool_env

REPO = Path(__file__).resolve().parent.parent
PACKAGE = "superoffice_webapi"


@dataclass
class SuiteRun:
    returncode: int
    output: str
    passed: set[str]  # "tests/test_x.py::test_sample[sync-case]"
    failed: set[str]
    skipped: set[str]


def run_suite(package_dir: Path, *args: str, env: dict[str, str] | None = None, timeout: int = 1800) -> SuiteRun:
    """Run the generated suite with plain pytest in a subprocess, from the package directory."""
    report = package_dir / ".suite-report.xml"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            "-W",
            "ignore::DeprecationWarning",
            f"--junitxml={report}",
            *args,
        ],
        cwd=package_dir,
        env={**(env or os.environ), "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    passed: set[str] = set()
    failed: set[str] = set()
    skipped: set[str] = set()
    if report.is_file():
        for case in ElementTree.parse(report).getroot().iter("testcase"):
            name = f"{case.get('classname')}::{case.get('name')}"
            if case.find("failure") is not None or case.find("error") is not None:
                failed.add(name)
            elif case.find("skipped") is not None:
                skipped.add(name)
            else:
                passed.add(name)
        report.unlink()
    return SuiteRun(result.returncode, result.stdout + result.stderr, passed, failed, skipped)


def sample_tests(names: set[str]) -> set[str]:
    return {n for n in names if "test_client_runtime" not in n}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    with open(REPO / "specs" / "openapi.yaml", encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    assert isinstance(document, dict)
    return document


@pytest.fixture(scope="module")
def package_dir(spec: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("suite") / PACKAGE
    generate_into(out, spec, PACKAGE)
    return out


def _operations_with_response_sample(document: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for item in document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and any(
                isinstance(s, dict) and isinstance(s.get("response"), dict) for s in operation.get("x-samples") or []
            ):
                found.add(str(operation["operationId"]))
    return found


def test_suite_passes_with_the_mock_transport(spec: dict[str, Any], package_dir: Path) -> None:
    run = run_suite(package_dir)
    assert run.returncode == 0, run.output[-4000:]
    sampled = _operations_with_response_sample(spec)
    # Every sampled operation runs, once per client flavour; nothing is skipped.
    assert len(sample_tests(run.passed)) == 2 * len(sampled) == 38
    assert not run.skipped
    runtime = {n.split("::")[1].split("[")[0] for n in run.passed - sample_tests(run.passed)}
    assert runtime == {
        "test_not_found_raises_with_error_details",
        "test_rate_limit_is_retried_after_retry_after",
        "test_timeout_raises",
        "test_no_content_gives_none",
        "test_not_modified_gives_not_modified",
        "test_auth_sends_exactly_the_scheme_headers",
    }
    # One auth test per security scheme of the spec, in both flavours.
    schemes = spec["components"]["securitySchemes"]
    assert len([n for n in run.passed if "test_auth_sends" in n]) == 2 * len(schemes)


def test_suite_is_self_contained_and_deterministic(spec: dict[str, Any], package_dir: Path, tmp_path: Path) -> None:
    again = generate_into(tmp_path / PACKAGE, spec, PACKAGE)
    tests = {p: t for p, t in again.items() if p.startswith("tests/")}
    assert {"tests/conftest.py", "tests/openapi.json", "tests/test_client_runtime.py"} <= set(tests)
    for relative, text in tests.items():
        assert (package_dir / relative).read_text(encoding="utf-8") == text, relative
        assert str(REPO) not in text and "/tmp" not in text, relative
        if relative.endswith(".py"):
            assert black.format_str(text, mode=black.Mode(line_length=88)) == text, relative
    # The shipped spec is the one the package was generated from.
    assert json.loads(tests["tests/openapi.json"]) == spec


def test_suite_passes_against_prism(package_dir: Path) -> None:
    prism = find_node_tool("prism")
    if prism is None:
        pytest.skip("Prism not installed: run `npm ci` in the repository root")
    env = {**node_tool_env(), "PRISM_BIN": str(prism), "SDK_TEST_MODE": "prism"}
    run = run_suite(package_dir, env=env)
    assert run.returncode == 0, run.output[-4000:]
    assert len(sample_tests(run.passed)) == 38
    # The runtime error paths need a scripted server: they skip under Prism.
    assert run.skipped and all("test_client_runtime" in n for n in run.skipped)


def test_prism_rejects_a_request_that_breaks_the_spec(package_dir: Path, tmp_path: Path) -> None:
    """Prism really validates: a path parameter of the wrong type makes the sample fail."""
    prism = find_node_tool("prism")
    if prism is None:
        pytest.skip("Prism not installed: run `npm ci` in the repository root")
    broken = _copy(package_dir, tmp_path)
    data = broken / "tests" / "samples" / "chat_session.json"
    cases = json.loads(data.read_text(encoding="utf-8"))
    cases["get_chat_messages"]["call"]["args"] = ["abc"]  # chatSessionId is an integer
    data.write_text(json.dumps(cases), encoding="utf-8")
    env = {**node_tool_env(), "PRISM_BIN": str(prism), "SDK_TEST_MODE": "prism"}
    run = run_suite(broken, "tests/test_chat_session.py", env=env)
    assert run.returncode == 1
    assert {n.split("[")[-1] for n in run.failed} == {"sync-get_chat_messages]", "async-get_chat_messages]"}
    assert "Prism answered 422" in run.output


def _copy(package_dir: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / PACKAGE
    shutil.copytree(package_dir, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def _failed_cases(run: SuiteRun) -> set[str]:
    return {re.sub(r"^.*\[(sync|async)-", "", n).rstrip("]") for n in run.failed}


def test_suite_fails_when_a_resource_path_drifts(package_dir: Path, tmp_path: Path) -> None:
    broken = _copy(package_dir, tmp_path)
    module = broken / PACKAGE / "resources" / "chat_session.py"
    text = module.read_text(encoding="utf-8")
    assert text.count('"/api/v1/ChatSession/{chatSessionId}/Reset"') == 2
    module.write_text(
        text.replace('"/api/v1/ChatSession/{chatSessionId}/Reset"', '"/api/v1/ChatSession/{chatSessionId}/Restart"'),
        encoding="utf-8",
    )
    run = run_suite(broken, "tests/test_chat_session.py")
    assert run.returncode == 1
    assert _failed_cases(run) == {"reset_chat_session"}
    assert len(run.failed) == 2  # sync and async


def test_suite_fails_when_a_flattened_argument_goes_to_the_wrong_key(package_dir: Path, tmp_path: Path) -> None:
    broken = _copy(package_dir, tmp_path)
    module = broken / PACKAGE / "resources" / "chat_agent.py"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace('"ToAssociate": to_associate', '"ToAssociateId": to_associate'), encoding="utf-8")
    run = run_suite(broken, "tests/test_chat_agent.py")
    assert _failed_cases(run) == {"transfer_chat_session"}
    assert "request body: $.ToAssociate is missing" in run.output


def test_suite_fails_when_a_model_type_drifts(spec: dict[str, Any], package_dir: Path, tmp_path: Path) -> None:
    """The package regenerated from a spec whose property type changed, tested with the old tests."""
    import copy
    import shutil

    changed = copy.deepcopy(spec)
    props = changed["components"]["schemas"]["ChatMessage"]["properties"]
    assert props["ReadByCustomer"]["type"] == ["integer", "null"]
    props["ReadByCustomer"] = {"type": ["boolean", "null"]}
    regenerated = tmp_path / "new" / PACKAGE
    generate_into(regenerated, changed, PACKAGE)
    broken = _copy(package_dir, tmp_path)
    shutil.rmtree(broken / PACKAGE)
    shutil.copytree(regenerated / PACKAGE, broken / PACKAGE)
    run = run_suite(broken, "tests/test_chat_agent.py", "tests/test_chat_session.py")
    assert run.returncode == 1
    # Every sample carrying a chat message loses its 0/1 counter (a bool is not a number):
    # GetChatMessages of both resources (responses) and AddChatMessage (request and response).
    assert _failed_cases(run) == {"get_chat_messages", "add_chat_message"}
    assert len(run.failed) == 6  # three operations x sync/async
    assert "ReadByCustomer" in run.output


def test_unusable_samples_are_skipped_with_a_reason(spec: dict[str, Any]) -> None:
    import copy

    changed = copy.deepcopy(spec)
    operation = changed["paths"]["/api/v1/ChatSession/{id}"]["get"]
    value = operation["responses"]["200"]["content"]["application/json"]["examples"]["sample"]["value"]
    value["TopicId"] = "twelve"
    operation["x-samples"][0]["request"]["path"] = "/api/v1/Chat/4711"
    plan = build_plan(changed, package_name=PACKAGE)
    assert plan.tests is not None
    cases = {c.case_id: c for r in plan.tests.resources if r.module_name == "chat_session" for c in r.cases}
    assert (
        cases["get_chat_session_entity"].skip_reason
        == "sample path /api/v1/Chat/4711 does not match /api/v1/ChatSession/{id}"
    )
    operation["x-samples"][0]["request"]["path"] = "/api/v1/ChatSession/{id}"  # literal placeholder: uses the example
    plan = build_plan(changed, package_name=PACKAGE)
    assert plan.tests is not None
    cases = {c.case_id: c for r in plan.tests.resources if r.module_name == "chat_session" for c in r.cases}
    assert cases["get_chat_session_entity"].skip_reason == (
        'response sample contradicts the schema: response.TopicId is string "twelve", the schema says integer'
    )
    assert plan.tests.counts.skipped == 1
    assert plan.tests.counts.skip_reasons == {"response-body": 1}


@pytest.mark.corpus
def test_corpus_suite_passes_and_covers_the_sampled_pages(corpus_build: Any, tmp_path: Path) -> None:
    _, _, document, _, _ = corpus_build("superoffice-10.0.2")
    out = tmp_path / PACKAGE
    files = generate_into(out, document, PACKAGE)
    sampled = _operations_with_response_sample(document)
    data_files = [p for p in files if p.startswith("tests/samples/")]
    assert len(sampled) > 2300 and data_files
    run = run_suite(out, "-x")
    assert run.returncode == 0, run.output[-4000:]
    ran = sample_tests(run.passed)
    # Both flavours of every non-skipped case ran; >= 95% of the sampled pages are covered.
    assert len(ran) % 2 == 0
    assert len(ran) // 2 >= 0.95 * len(sampled), (len(ran) // 2, len(sampled))
    skipped_cases = {re.sub(r"\[(a?sync)-", "[", n) for n in sample_tests(run.skipped)}
    # Every operation has a case: its samples, else placeholders (the reference has no other examples).
    plan = build_plan(document, package_name=PACKAGE)
    assert plan.tests is not None
    cases = [(r.module_name, c) for r in plan.tests.resources for c in r.cases]
    assert len(ran) // 2 + len(skipped_cases) == len(cases)
    operations = {(module, c.method_name) for module, c in cases if c.skip_reason is None}
    assert len(operations) >= plan.tests.counts.operations - len(skipped_cases)
    counts = plan.tests.counts
    unsampled = counts.operations - counts.with_samples
    assert unsampled > 0 and counts.example_cases + counts.placeholder_cases >= unsampled - len(skipped_cases)
