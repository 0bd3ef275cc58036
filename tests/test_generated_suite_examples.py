"""The generated suite of a document without `x-samples`: one wire test per operation at least.

tests/fixtures/library_examples_3_0.yaml gives examples the ways public documents do (parameter
`example`, media `examples` maps with `$ref`'d and externalValue-only entries, media `example`,
schema-level `example`) and none at all for some operations. Each operation must be called
with its examples (placeholders where there are none), its request checked on the wire and its
response example parsed into the return type, in both response modes; the suite must fail
when the server's answer no longer fits the SDK, and report the examples it could not use.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from generate_support import generate_into, load_fixture, run_script
from test_generated_suite import run_suite, sample_tests

from generator.openapi import iter_operations
from generator.plan import build_plan

FIXTURE = "library_examples_3_0.yaml"


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return load_fixture(FIXTURE)


@pytest.fixture(scope="module")
def package(spec: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("library") / "library"
    generate_into(out, spec, "library")
    return out


def _cases(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    plan = build_plan(spec, package_name="library")
    assert plan.tests is not None
    return {c.case_id: c.data for r in plan.tests.resources for c in r.cases if c.skip_reason is None}


def test_every_operation_has_a_case_from_its_examples(spec: dict[str, Any]) -> None:
    cases = _cases(spec)
    operations = list(iter_operations(spec))
    assert {c["call"]["method"] for c in cases.values()} == {
        "list_books",
        "add_book",
        "get_book",
        "replace_book",
        "remove_book",
        "get_cover",
        "register_member",
        "get_member",
        "list_loans",
    }
    assert len({c["call"]["method"] for c in cases.values()}) == len(operations) == 9
    # One case per named response example (the externalValue-only one is not fetched).
    assert len(cases) == len(operations) + 1
    several, empty = cases["list_books"], cases["list_books_2"]
    assert several["call"]["kwargs"] == {"limit": 20, "genre": ["history", "science"], "x_branch": "downtown"}
    assert several["request"]["query"] == {"limit": "20", "genre": ["history", "science"]}
    assert [b["title"] for b in several["response"]["json"]] == ["If This Is a Man", "The Drowned and the Saved"]
    assert empty["response"]["json"] == []
    # Path-item parameter example, schema-level response example.
    assert cases["get_book"]["request"]["path"] == "/books/42"
    assert cases["get_book"]["response"]["json"]["title"] == "The Truce"
    assert cases["add_book"]["request"]["json"]["title"] == "The Periodic Table"
    assert cases["register_member"]["request"]["cookies"] == {"session": "s-123"}


def test_operations_without_examples_get_placeholders_that_fit_the_schema(spec: dict[str, Any]) -> None:
    cases = _cases(spec)
    member = cases["get_member"]
    assert member["source"] == "placeholders"
    assert member["request"]["path"] == "/members/00000000-0000-4000-8000-000000000000"  # format: uuid
    # A response placeholder has every property but the writeOnly password.
    assert member["response"]["json"] == {
        "id": 1,
        "name": "sample",
        "email": "user@example.com",
        "joined": "2024-01-01",
    }
    assert cases["get_cover"]["call"]["kwargs"] == {"size": "1x1"}  # pattern ^[0-9]+x[0-9]+$
    assert cases["get_cover"]["expect"] == "bytes"
    loans = cases["list_loans"]  # only a `default` response; `example: null` is no example
    assert loans["request"]["query"] == {}
    assert loans["response"]["json"]["loans"][0]["book"] == {"id": 1, "title": "sample"}


def test_examples_that_contradict_the_schema_are_reported_and_replaced(spec: dict[str, Any]) -> None:
    plan = build_plan(spec, package_name="library", source="library.yaml")
    found = {(d.file, d.code) for d in plan.diagnostics}
    mismatch = "library.yaml#/paths/~1books~1{bookId}/put/responses/200/content/application~1json/example"
    assert (mismatch, "plan-example-mismatch") in found
    assert _cases(spec)["replace_book"]["response"]["json"]["id"] == 1  # the placeholder, not "forty-two"
    message = next(d.message for d in plan.diagnostics if d.file == mismatch)
    assert 'response.id is string "forty-two"' in message


def test_generated_suite_runs_one_test_per_case_and_passes(spec: dict[str, Any], package: Path) -> None:
    run = run_suite(package)
    assert run.returncode == 0, run.output[-4000:]
    ran = sample_tests(run.passed)
    assert len(ran) == 2 * len(_cases(spec))  # sync and async
    assert not run.skipped


def test_generated_suite_fails_when_the_server_answer_changes(package: Path, tmp_path: Path) -> None:
    """A changed answer (an id that is no longer a number) fails the typed result's check."""
    data_file = package / "tests" / "samples" / "books.json"
    original = data_file.read_text(encoding="utf-8")
    cases = json.loads(original)
    cases["get_book"]["response"]["json"]["id"] = "not-a-number"
    cases["add_book"]["request"]["json"]["title"] = "Another Title"  # the client sends the example
    try:
        data_file.write_text(json.dumps(cases), encoding="utf-8")
        run = run_suite(package, "tests/test_books.py")
    finally:
        data_file.write_text(original, encoding="utf-8")
    assert run.returncode != 0
    failed = {name.split("[", 1)[1] for name in run.failed}
    assert failed == {"sync-get_book]", "async-get_book]", "sync-add_book]", "async-add_book]"}


def test_read_only_and_write_only_properties_are_not_required(package: Path, tmp_path: Path) -> None:
    found = run_script(package, "examples_one_way.py")
    assert found == {
        "request_without_id": {"name": "Ada", "email": "ada@example.com", "password": "pw"},
        "response_without_password": "Member",
        "required": {"Member": ["email", "name"], "Book": ["title"]},
    }
    # And for a type checker: a model without the readOnly id / writeOnly password type-checks.
    usage = tmp_path / "usage.py"
    usage.write_text(
        "from library.models import Book, Member\n\n"
        'book = Book(title="The Truce")\n'
        'member = Member(name="Ada", email="ada@example.com")\n'
        "reveal_type(book.id_)\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "mypy"), str(usage)],
        cwd=package,
        env={"MYPYPATH": str(package), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert 'Revealed type is "int | None"' in result.stdout, result.stdout
    assert result.returncode == 0 and "Success: no issues found" in result.stdout, result.stdout


def test_slightly_invalid_documents_generate_with_a_warning_at_each_problem(spec: dict[str, Any]) -> None:
    plan = build_plan(spec, package_name="library", source="library.yaml")
    found = {(d.file.removeprefix("library.yaml"), d.code) for d in plan.diagnostics}
    loans = "#/paths/~1members~1{memberId}~1loans/get"
    assert {
        (f"{loans}/responses/default/content/application~1json/schema", "plan-duplicate-required"),
        ("#/components/schemas/Member", "plan-required-missing"),
        (f"{loans}/parameters/1/example", "plan-null-example"),
    } <= found
    member = next(m for m in plan.models if m.class_name == "Member")
    assert "nickname" not in {f.wire_name for f in member.fields}
    # 3.1 has no `nullable`: reported, and read as 3.0 meant it.
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Notes", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "Note": {"type": "object", "properties": {"text": {"type": "string", "nullable": True}}},
            }
        },
    }
    diagnostics = build_plan(document, package_name="notes", source="notes.yaml").diagnostics
    assert [(d.file, d.code) for d in diagnostics] == [
        ("notes.yaml#/components/schemas/Note/properties/text", "plan-nullable-3-1")
    ]
    assert "read as nullable" in diagnostics[0].message


def test_an_incremental_build_replays_a_changed_shared_example(spec: dict[str, Any]) -> None:
    """`components/examples` entries are `$ref`'d from example maps: a change reaches the cases."""
    import copy

    from generator.plan.incremental import CaseMemo

    first = CaseMemo()
    build_plan(spec, package_name="library", memo=first)
    changed = copy.deepcopy(spec)
    changed["components"]["examples"]["TwoBooks"]["value"][0]["title"] = "Moments of Reprieve"
    plan = build_plan(changed, package_name="library", memo=CaseMemo(first.entries))
    assert plan.tests is not None
    cases = {c.case_id: c.data for r in plan.tests.resources for c in r.cases}
    assert cases["list_books"]["response"]["json"][0]["title"] == "Moments of Reprieve"


# A schema with `items` and no `type` is a list in the SDK, as `items` says; Slack's documents
# have such schemas where their examples (and the API) give objects and strings.
UNTYPED_ITEMS: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Chat", "version": "1"},
    "servers": [{"url": "https://chat.test"}],
    "paths": {
        "/channel.info": {
            "get": {
                "operationId": "channelInfo",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ChannelInfo"},
                                "examples": {"response": {"value": {"ok": True, "channel": {"id": "C1"}}}},
                            }
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Channel": {"items": {"type": "object", "properties": {"id": {"type": "string"}}}},
            "ChannelInfo": {
                "type": "object",
                "required": ["ok", "channel"],
                "properties": {"ok": {"type": "boolean"}, "channel": {"$ref": "#/components/schemas/Channel"}},
            },
        }
    },
}


def test_an_example_that_breaks_a_schema_typed_by_its_items_is_reported_and_replaced(tmp_path: Path) -> None:
    plan = build_plan(UNTYPED_ITEMS, package_name="chat", source="chat.json")
    pointer = "chat.json#/paths/~1channel.info/get/responses/200/content/application~1json/examples/response/value"
    found = [d for d in plan.diagnostics if d.code == "plan-example-mismatch"]
    assert [d.file for d in found] == [pointer]
    assert "response.channel is object, the schema says array" in found[0].message
    assert plan.tests is not None
    (case,) = [c.data for r in plan.tests.resources for c in r.cases]
    assert case["source"] == "placeholders"
    assert isinstance(case["response"]["json"]["channel"], list)
    out = tmp_path / "chat"
    generate_into(out, UNTYPED_ITEMS, "chat")
    run = run_suite(out)
    assert run.returncode == 0, run.output[-4000:]
    assert len(sample_tests(run.passed)) == 2  # sync and async
