"""What a user reads of the generated SDK: api.md, docstrings, the do-not-edit notice, reprs.

On the SDK of the whole 10.0.2 reference (the session's `sdk_1002`) and on generic documents.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from generate_support import generate_into, load_fixture, run_script

from generator.files import MAINTAINER_DIR
from generator.openapi import iter_operations
from generator.render.modules import GENERATED_NOTICE

PACKAGE = "superoffice_webapi"


def _spec_methods(document: dict[str, Any]) -> int:
    """Methods the spec calls for: each operation and each of its `x-sdkgen-variants`."""
    count = 0
    for found in iter_operations(document):
        variants = found.operation.get("x-sdkgen-variants")
        count += 1 + (len(variants) if isinstance(variants, list) else 0)
    return count


def test_api_md_lists_every_operation_of_the_spec(sdk_1002: Path, corpus_build: Any) -> None:
    document = corpus_build("superoffice-10.0.2")[2]
    api = (sdk_1002 / "api.md").read_text(encoding="utf-8")
    entries = re.findall(r"^- `(GET|PUT|POST|PATCH|DELETE|HEAD|OPTIONS|TRACE) (/\S*)`", api, re.M)
    calls = re.findall(r"^  ``client\.(\w+)\.(\w+)\(", api, re.M)
    assert len(entries) == len(calls) == _spec_methods(document)
    documented = {(method.lower(), path) for method, path in entries}
    assert documented == {(found.method, found.path) for found in iter_operations(document)}
    assert len(set(calls)) == len(calls)  # each method once: async mirrors sync, noted once
    assert "- `POST /api/v1/Agents/Chat/RejectChatSessionTransfer`" in api
    assert "``client.chat_agent.reject_chat_session_transfer(*, select: " in api
    assert "chat_session_id: int | None | NotGiven = NOT_GIVEN) -> ChatSessionEntity``" in api
    models = re.findall(r"^- `(\w+)`", api.split("\n## Models\n", 1)[1], re.M)
    # Every component schema once, plus the JSON Patch operation's TypedDict the PATCH methods accept.
    assert "PatchOperationDict" in models and "ContactEntity" in models
    assert len(models) - 1 == len(set(models) - {"PatchOperationDict"}) == len(document["components"]["schemas"])


def _method_docstring(module: Path, class_name: str, method: str) -> str:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name)
    func = next(n for n in cls.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.name == method)
    doc = ast.get_docstring(func)
    assert doc is not None
    return doc


def test_seed_method_docstring_has_the_call_and_every_argument(sdk_1002: Path) -> None:
    module = sdk_1002 / PACKAGE / "resources" / "chat_agent.py"
    for cls in ("ChatAgent", "AsyncChatAgent"):
        doc = _method_docstring(module, cls, "reject_chat_session_transfer")
        summary, _, rest = doc.partition("\n\n")
        assert summary == "Do not want."  # the reference's words first
        assert rest.startswith("Deny the transfer to the user.")
        assert "`POST /api/v1/Agents/Chat/RejectChatSessionTransfer`" in doc
        args = doc.split("\nArgs:\n", 1)[1].split("\n\nReturns:", 1)[0]
        assert "\n\n" not in args
        assert re.search(r"^    select: Optional comma separated list", args, re.M)
        assert re.search(r"^    chat_session_id: \S", args, re.M)  # the flattened body field
        assert "extra_headers" in args and "timeout" in args
        assert "\nReturns:\n    ChatSessionEntity: " in doc
        assert "\nRaises:\n" in doc and "APIStatusError" in doc and "APIConnectionError" in doc


def test_every_argument_of_every_method_is_documented(sdk_1002: Path) -> None:
    missing: list[str] = []
    for module in sorted((sdk_1002 / PACKAGE / "resources").glob("*.py")):
        for cls in ast.parse(module.read_text(encoding="utf-8")).body:
            if not isinstance(cls, ast.ClassDef) or cls.name.endswith("WithRawResponse"):
                continue
            for func in cls.body:
                if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef) or func.name.startswith("_"):
                    continue
                doc = ast.get_docstring(func) or ""
                if func.name == "with_raw_response":
                    continue
                names = [a.arg for a in func.args.args[1:] + func.args.kwonlyargs]
                api_names = names[: names.index("extra_headers")]
                args = doc.split("\nArgs:\n", 1)[1].split("\n\nReturns:", 1)[0] if "\nArgs:\n" in doc else ""
                missing += [f"{module.name}:{func.name}:{n}" for n in api_names if f"\n    {n}: " not in "\n" + args]
                if not re.search(r"`(GET|PUT|POST|PATCH|DELETE|HEAD|OPTIONS|TRACE) /", doc):
                    missing.append(f"{module.name}:{func.name}: no HTTP method and path")
    assert not missing, missing[:20]


def test_resource_docstrings_come_from_the_index_pages(sdk_1002: Path) -> None:
    for module in (sdk_1002 / PACKAGE / "resources").glob("*.py"):
        assert "Operations tagged" not in module.read_text(encoding="utf-8"), module
    contact = ast.get_docstring(ast.parse((sdk_1002 / PACKAGE / "resources" / "contact.py").read_text()))
    assert contact == "The Contact entity endpoints of the reference, under `/api/v1/Contact`."


def _notice_problems(root: Path) -> list[str]:
    problems: list[str] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")):
        if MAINTAINER_DIR in path.relative_to(root).parts[1:2]:
            continue  # <package>/lib/ is the maintainer's own code, seeded once without the notice
        first = path.read_text(encoding="utf-8").split("\n", 1)[0] if path.suffix != ".typed" else ""
        if path.suffix in (".py", ".pyi", ".toml"):
            expected = f"# {GENERATED_NOTICE}"
        elif path.suffix == ".md":
            expected = f"<!-- {GENERATED_NOTICE} -->"
        else:
            continue  # JSON data and py.typed have no comment form
        if first != expected:
            problems.append(f"{path.relative_to(root)}: {first[:80]!r}")
    return problems


def test_every_generated_module_starts_with_the_notice(sdk_1002: Path, tmp_path: Path) -> None:
    assert not _notice_problems(sdk_1002)
    assert (sdk_1002 / PACKAGE / "py.typed").read_text() == ""
    spec = load_fixture("petstore_3_0.yaml")
    first = generate_into(tmp_path / "a", spec, "petstore")
    second = generate_into(tmp_path / "b", spec, "petstore")
    assert first == second  # deterministic: no timestamps, no paths
    assert not _notice_problems(tmp_path / "a")


SECRETS = ("sdk-pass", "sdk-token", "7T:sdk-ticket", "sdk-app", "sdk-key", "c2RrLXVzZXI6c2RrLXBhc3M=")


def test_reprs_are_useful_and_never_show_secrets(sdk_1002: Path) -> None:
    result = run_script(sdk_1002, "discoverable_reprs.py", {"secrets": list(SECRETS)})
    assert result["client"] == (
        "SuperOffice(base_url='https://sod.superoffice.com/Cust1', auth=BasicAuth(username='sdk-user', password='***'))"
    )
    assert result["resource"] == f"<Contact of {result['client']}>"
    assert result["async_resource"].startswith("<AsyncContact of AsyncSuperOffice(base_url=")
    assert result["foreign_auth"].endswith("auth=<Custom>)")
    assert result["leaks"] == [], result["leaks"]
    assert len(result["checked"]) >= 12


@pytest.mark.parametrize("fixture", ["petstore_3_0.yaml"])
def test_readme_of_a_generic_spec_names_only_its_schemes_and_real_calls(fixture: str, tmp_path: Path) -> None:
    spec = load_fixture(fixture)
    files = generate_into(tmp_path, spec, "petstore")
    readme = files["README.md"]
    for section in ("## Installation", "## Usage", "## Authentication", "## Per-call options", "## Errors",
                    "## Retries and timeouts", "## Async", "## Responses and raw responses"):  # fmt: skip
        assert section in readme, section
    assert "SuperOffice" not in readme and "SoTicketAuth" not in readme
    assert "## Conditional requests" not in readme  # the petstore documents no 304/412
    call = re.findall(r"^answer = client\.(\w+)\.(\w+)\(", readme, re.M)[0]
    assert f"def {call[1]}(" in files[f"petstore/resources/{call[0]}.py"]
