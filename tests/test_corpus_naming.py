"""Model names on the real reference (../shared): the acceptance checks of the naming issue.

Without the shared corpus these skip.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import require_shared

from generator.corpus import parse_folder
from generator.docs_to_openapi import docs_to_openapi, pages_to_openapi

pytestmark = pytest.mark.corpus
CORPUS = "superoffice-10.0.2"


def _schema_name(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[1]
    if "items" in schema:
        return f"list[{_schema_name(schema['items'])}]"
    if "anyOf" in schema:
        return _schema_name(schema["anyOf"][0])
    return str(schema.get("type", "any"))


def _operations(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for item in document["paths"].values():
        for operation in item.values():
            for each in [operation, *operation.get("x-sdkgen-variants", [])]:
                found[each["operationId"]] = each
    return found


def _response(operation: dict[str, Any]) -> str:
    for code, response in sorted(operation["responses"].items()):
        if code.startswith("2") and "content" in response:
            return _schema_name(next(iter(response["content"].values()))["schema"])
    return ""


def _body(operation: dict[str, Any]) -> str:
    body = operation.get("requestBody")
    return _schema_name(next(iter(body["content"].values()))["schema"]) if body else ""


def _property(document: dict[str, Any], schema: str, prop: str) -> str:
    return _schema_name(document["components"]["schemas"][schema]["properties"][prop])


def test_few_schemas_are_named_by_fallback(corpus_build: Any) -> None:
    _root, _results, document, diagnostics, summary = corpus_build(CORPUS)
    report = summary.stats.name_report
    assert {entry["name"] for entry in report} == set(document["components"]["schemas"])
    others = [entry for entry in report if entry["named_by"] != "request-carrier"]
    fallback = [entry["name"] for entry in others if entry["named_by"] == "fallback"]
    assert summary.stats.fallback_schemas == len(fallback)
    assert len(fallback) <= 0.03 * len(others), fallback
    unnamed = {d.message.split(" named ", 1)[1].split()[0] for d in diagnostics if d.code == "schema-unnamed"}
    assert unnamed == set(fallback)
    # No name is an operation's with Item/Result/Body tacked on unless it is reported as such
    # (or the reference's words say so: `Carrier object for ExportArchiveResult.`).
    operation_names = {uid.partition("_")[2] for uid in _operations(document)}
    words = {"page-type", "type-cell", "description", "body-description", "summary", "owner"}
    derived = set()
    for entry in others:
        match = re.fullmatch(r"(\w+?)(Item|Result|Body)", entry["name"])
        if match and match.group(1) in operation_names and entry["named_by"] not in words:
            derived.add(entry["name"])
    assert derived <= set(fallback)


def test_the_issues_examples_carry_superoffices_names(corpus_build: Any) -> None:
    document = corpus_build(CORPUS)[2]
    operations = _operations(document)
    for entity in ("ContactEntity", "PersonEntity", "SaleEntity", "AppointmentEntity"):
        assert _property(document, entity, "TableRight") == "TableRight"
    assert _property(document, "ContactEntity", "Interests") == "list[SelectableMDOListItem]"
    assert _property(document, "SelectableMDOListItem", "ChildItems") == "list[SelectableMDOListItem]"
    # Emails, Urls and Phones are one element type, not the first operation that returned it.
    emails = _property(document, "ContactEntity", "Emails")
    assert emails == _property(document, "ContactEntity", "Urls") == _property(document, "PersonEntity", "MobilePhones")
    assert not emails.removeprefix("list[").startswith("Get")
    assert _body(operations["v1BusinessList_PostBusiness"]) == "ListItemEntity"
    assert _body(operations["v1BusinessList_PostBusinessHeading"]) == "HeadingEntity"
    assert _body(operations["v1ListEntity_SaveListEntityByName"]) == "ListEntity"
    assert _body(operations["v1CurrencyList_PostCurrencyEntity"]) == "CurrencyEntity"
    assert _response(operations["v1ListAgent_GetTaskList"]) == "list[Task]"
    assert _response(operations["v1ListAgent_GetPositions"]) == "list[Position]"
    assert _response(operations["v1ListAgent_GetCurrencies"]) == "list[Currency]"
    # The body of a list item keeps the entity's read-only columns.
    assert {"TableRight", "FieldProperties"} <= set(document["components"]["schemas"]["ListItemEntity"]["properties"])


def test_a_get_and_a_save_of_one_entity_use_one_model(corpus_build: Any) -> None:
    document = corpus_build(CORPUS)[2]
    operations = _operations(document)
    same = differ = 0
    for uid, operation in operations.items():
        owner, _, name = uid.partition("_")
        getter = operations.get(f"{owner}_Get{name.removeprefix('Save')}") if name.startswith("Save") else None
        body = _body(operation)
        if getter is None or not body or body.endswith("Request") or body.startswith("list["):
            continue
        if _response(getter).removesuffix("WithLinks") == body:
            same += 1
        else:
            differ += 1
    assert same > 50 and differ <= 0.02 * same
    for item in document["paths"].values():
        if "get" in item and "put" in item and item["get"]["operationId"].endswith("Entity"):
            assert _response(item["get"]).removesuffix("WithLinks") == _body(item["put"]), item["put"]["operationId"]


def test_every_type_a_newest_format_page_names_is_a_schema_of_that_name() -> None:
    root = require_shared("corpus", "newest-samples", "restful")
    document, _diagnostics, _summary = docs_to_openapi(root)
    named: set[str] = set()
    for page in root.rglob("*.md"):
        named |= _named_types(page.read_text(encoding="utf-8"))
    assert {"ChatSessionEntity", "TableRight", "Associate"} <= named
    assert named <= set(document["components"]["schemas"])


# Words the generated format writes in type cells for primitives and untyped containers.
_NOT_TYPES = {"String", "Integer", "Boolean", "Array", "Object", "Decimal", "Double", "Long", "Byte", "Stream"}


def _named_types(text: str) -> set[str]:
    """The types a page names, read independently of the parser: response headings and the type
    cells of property tables."""
    named = set(re.findall(r"^### Response body: ([A-Z]\w*)\s*$", text, flags=re.M))
    in_properties = False
    for line in text.splitlines():
        if not line.startswith("|"):
            in_properties = False
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells[0] == "Property Name":
            in_properties = True
        elif in_properties and len(cells) >= 3:
            cell = cells[1].removesuffix("[]")
            if re.fullmatch(r"[A-Z][A-Za-z0-9]*", cell) and cell not in _NOT_TYPES:
                named.add(cell)
    return named


def _copy(root: Path, target: Path, folders: list[str]) -> None:
    for folder in folders:
        shutil.copytree(root / folder, target / folder)


def _names(docs: Path) -> dict[str, tuple[str, str]]:
    document = pages_to_openapi(parse_folder(docs))[0]
    return {uid: (_response(op), _body(op)) for uid, op in _operations(document).items()}


def _model(name: str) -> str:
    return name.removeprefix("list[").removesuffix("]")


def test_adding_or_removing_a_page_renames_only_the_models_it_describes(tmp_path: Path) -> None:
    root = require_shared("corpus", CORPUS, "restful")
    folders = ["agent/List_Agent", "rest/List_Business", "rest/List_Currency", "rest/Contact"]
    base = tmp_path / "base"
    _copy(root, base, folders)
    before = _names(base)
    assert before == _names(base)  # same input, same names
    for removed in ("agent/List_Agent/v1ListAgent_GetCurrency.md", "rest/Contact/v1ContactEntity_GetContactEntity.md"):
        page = base / removed
        text = page.read_text(encoding="utf-8")
        page.unlink()
        after = _names(base)
        page.write_text(text, encoding="utf-8")
        uid = next(key for key in before if key not in after)
        described = {_model(name) for name in before[uid] if name}
        renamed = {key for key, names in after.items() if names != before[key]}
        assert all({_model(n) for n in before[key]} & described for key in renamed), (removed, renamed)
    added = root / "agent/Sentry_Agent/v1SentryAgent_GetNewTableRight.md"
    shutil.copy(added, base / "agent/List_Agent" / added.name)
    after = _names(base)
    renamed = {key for key, names in before.items() if after[key] != names}
    assert renamed == set(), renamed
