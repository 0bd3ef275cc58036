"""A user's script against the SDK of the whole 10.0.2 reference: runs, and type-checks clean.

tests/sdk_scripts/user_surface.py is written as a Python developer would write it (models built
by Python names, the not-modified result narrowed with isinstance, ...). It runs against the mock
transport and must pass `mypy --strict` and pyright strict with the generated package importable.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from generate_support import (
    REPO,
    SDK_SCRIPTS,
    mypy_strict_problems,
    pyright_strict_problems,
    readme_python,
    run_script,
)

SCRIPT = "user_surface.py"
CONTACT = {"ContactId": 5, "Name": "Acme", "Department": "Sales", "Unknown": 1}


@pytest.fixture(scope="module")
def sdk(sdk_1002: Path) -> Path:
    return sdk_1002


TYPOS = "user_surface_typos.py"


def _checked_copy(sdk: Path, tmp_path: Path) -> Path:
    """The scripts and their helper in a folder of their own, with the package beside them."""
    work = tmp_path / "work"
    work.mkdir()
    for name in (SCRIPT, TYPOS, "mock_transport.py"):
        shutil.copy(SDK_SCRIPTS / name, work / name)
    (work / "superoffice_webapi").symlink_to(sdk / "superoffice_webapi")
    return work


def _mypy(work: Path, script: str, cache: Path) -> tuple[int, list[str]]:
    """mypy --strict on `script`: exit code and `line: message` of each error in it."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), script],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=900,
    )
    errors = [line for line in result.stdout.splitlines() if line.startswith(f"{script}:") and ": error:" in line]
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result.returncode, [e.split(":", 1)[1] for e in errors]


def _pyright(work: Path, script: str) -> list[str]:
    """pyright strict on `script`: `line: message` of each error or warning."""
    pyright = REPO / "node_modules" / ".bin" / "pyright"
    if not pyright.exists():
        pytest.skip("pyright is not installed: run `npm ci` in the checkout")
    config = {"include": [script], "typeCheckingMode": "strict"}
    (work / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    result = subprocess.run(
        [str(pyright), "--outputjson", "-p", str(work / "pyrightconfig.json"), "--pythonpath", sys.executable],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = json.loads(result.stdout)
    assert report["summary"]["filesAnalyzed"] >= 1
    return [
        f"{d['range']['start']['line'] + 1}: {d['message']}"
        for d in report["generalDiagnostics"]
        if d["severity"] in ("error", "warning")
    ]


def _marked_lines(script: str) -> set[int]:
    text = (SDK_SCRIPTS / script).read_text(encoding="utf-8")
    return {number for number, line in enumerate(text.splitlines(), 1) if line.endswith("# typo")}


def test_user_script_runs_with_python_names_and_sends_wire_names(sdk: Path) -> None:
    result = run_script(sdk, SCRIPT, CONTACT)
    assert result["entity"] == {"ContactId": 5, "Name": "Acme", "Department": "Sales", "UpdatedBy": {"AssociateId": 7}}
    assert result["by_wire"] == [5, "Acme"]
    assert result["contact_id"] == 5
    assert result["fetched"] == [5, "Acme", "Sales"]
    assert result["saved"] == "Acme"
    get, put, odata, agent, delete, async_get, conditional_get, conditional_put = result["sent"][:8]
    assert conditional_get[3]["if-modified-since"] == "Tue, 02 Jan 2024 03:04:05 GMT"
    assert "if-modified-since" not in get[3]
    assert result["not_modified"] is True
    assert conditional_put[0] == "PUT" and conditional_put[3]["if-unmodified-since"] == "Tue, 02 Jan 2024 03:04:05 GMT"
    assert get[:2] == ["GET", "https://sod.superoffice.com/Cust1/api/v1/Contact/5"]
    assert put[0] == "PUT" and json.loads(put[2]) == {"ContactId": 5, "Department": "Support"}
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(odata[1]).query)
    assert query["$filter"] == ["name begins 'A'"] and query["$options"] == ["GrandTotal=true"]
    assert query["$top"] == ["5"] and query["$select"] == ["name"]
    assert json.loads(agent[2]) == {"ChatSessionId": 798, "Extra": True}
    assert agent[3]["x-trace"] == "1" and agent[1].endswith("?debug=1")
    assert delete[0] == "DELETE" and delete[3]["so-language"] == "de"
    assert "so-language" not in get[3]
    assert async_get[3]["so-culture"] == "nb"
    assert result["async_name"] == "Acme"
    assert result["same_pool"] is True
    assert "'pass'" not in result["repr"] and result["repr"].startswith("SuperOffice(base_url=")


README_SCRIPT = "readme_examples_checked.py"


def _readme_script(sdk: Path, work: Path) -> str:
    """The generated README's Python blocks as one script beside the user script."""
    readme = (sdk / "README.md").read_text(encoding="utf-8")
    (work / README_SCRIPT).write_text(readme_python(readme), encoding="utf-8")
    return README_SCRIPT


def test_user_script_and_readme_examples_pass_mypy_strict(sdk: Path, tmp_path: Path) -> None:
    work = _checked_copy(sdk, tmp_path)
    assert mypy_strict_problems(work, [SCRIPT, _readme_script(sdk, work)]) == ""


def test_typos_in_documented_values_are_type_errors_in_both_checkers(sdk: Path, tmp_path: Path) -> None:
    """A misspelt patch operation (dict, model, TypedDict) or enum query value fails type checks."""
    work = _checked_copy(sdk, tmp_path)
    marked = _marked_lines(TYPOS)
    assert len(marked) == 4
    code, errors = _mypy(work, TYPOS, tmp_path / "cache")
    assert code == 1 and {int(e.split(":", 1)[0]) for e in errors} == marked, "\n".join(errors)
    problems = _pyright(work, TYPOS)
    assert {int(p.split(":", 1)[0]) for p in problems} == marked, "\n".join(problems)


def test_json_patch_and_merge_patch_reach_the_wire(sdk: Path) -> None:
    result = run_script(sdk, SCRIPT, CONTACT)
    bodies = [json.loads(body) for method, _, body in result["patches"]]
    assert {method for method, _, _ in result["patches"]} == {"PATCH"}
    assert bodies[0] == [{"op": "replace", "path": "/Department", "value": "Sales"}, {"op": "remove", "path": "/Info"}]
    assert bodies[1] == [{"op": "test", "path": "/Name", "value": "Acme"}]
    assert bodies[2] == [
        {"op": "replace", "path": "/Name", "value": "Acme Inc"},
        {"op": "replace", "path": "/Department", "value": "Support"},  # Python name -> wire path
        {"op": "remove", "path": "/Info"},  # no value sent for remove
        {"op": "add", "path": "/Emails/-", "value": {"Value": "a@example.com"}},
    ]
    assert bodies[3] == [
        {"op": "replace", "path": "/Department", "value": "Sales"},
        {"op": "replace", "path": "/Name", "value": "X"},
    ]
    assert bodies[4] == bodies[5] == {"Department": "Sales"}  # merge patch: only the set field, wire name
    assert result["op_value"] == "replace"
    assert "$mode=Full" in result["enum_query"] and "$output=Display" in result["enum_query"]
    assert "'departmnet'" in result["typo_caught"] and "'department'" in result["typo_caught"]


def test_user_script_and_readme_examples_pass_pyright_strict(sdk: Path, tmp_path: Path) -> None:
    work = _checked_copy(sdk, tmp_path)
    problems = pyright_strict_problems(work, [SCRIPT, _readme_script(sdk, work)])
    if problems is None:
        pytest.skip("pyright is not installed: run `npm ci` in the checkout")
    assert not problems, "\n".join(problems)


def test_readme_examples_run_against_a_mock_transport(sdk: Path) -> None:
    """The generic sections' examples run as written (the profile's need a tenant and a key file)."""
    readme = sdk / "README.md"
    result = run_script(sdk, "readme_examples.py", {"readme": str(readme), "start": "", "stop": "## SuperOffice"})
    assert result["blocks"] >= 8
    method, template = re.findall(r"^answer = client\..*  # (\S+) (\S+)$", readme.read_text(encoding="utf-8"), re.M)[0]
    pattern = re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(template)) + "$"
    assert any(m == method and re.search(pattern, urlsplit(url).path) for m, url in result["requests"]), result


def test_conditional_arguments_only_where_documented(sdk: Path) -> None:
    source = (sdk / "superoffice_webapi" / "resources" / "contact.py").read_text(encoding="utf-8")

    def signature(method: str) -> str:
        start = source.index(f"    def {method}(")
        return source[start : source.index(":\n", source.index(") ->", start))]

    assert "if_modified_since: datetime | None = None" in signature("get_contact_entity")
    assert "| NotModified" in signature("get_contact_entity")
    assert "if_unmodified_since: datetime | None = None" in signature("put_contact_entity")
    for undocumented in ("get_all", "post_contact_entity", "delete_contact_entity"):
        assert "if_modified_since" not in signature(undocumented)
        assert "if_unmodified_since" not in signature(undocumented)
        assert "NotModified" not in signature(undocumented)


def test_patch_operations_are_the_ones_the_reference_supports(corpus_build: Any) -> None:
    """The pages say "JSON PATCH supports operations 'add', 'replace', 'remove' and 'test'."."""
    schema = corpus_build("superoffice-10.0.2")[2]["components"]["schemas"]["PatchOperation"]
    assert schema["properties"]["op"]["enum"] == ["add", "replace", "remove", "test", None]
