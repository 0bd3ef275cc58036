"""`sdkgen diff` reports a component schema renamed between two documents as one breaking
`schema-renamed` change, not as a removal plus an addition (rule in generator/diff/renames.py)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.diff import ApiDiff, ChangeKind, Impact, diff_specs
from generator.diff.report import to_json, to_markdown
from generator.diff.versioning import bump_kind, changelog_entry

FIXTURES = Path(__file__).parent / "fixtures" / "diff"
GET, POST = "GET /api/v1/Contact/{id}", "POST /api/v1/Contact"
REJECT = "POST /api/v1/Agents/Chat/RejectChatSessionTransfer"


def base() -> dict[str, Any]:
    data = yaml.safe_load((FIXTURES / "base-3.1.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def renamed(doc: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    """`doc` with component schema `old` called `new`, every reference to it included."""
    text = json.dumps(doc).replace(f'"#/components/schemas/{old}"', f'"#/components/schemas/{new}"')
    result: dict[str, Any] = json.loads(text)
    schemas = result["components"]["schemas"]
    schemas[new] = schemas.pop(old)
    return result


def kinds(diff: ApiDiff) -> list[str]:
    return sorted(c.kind.value for c in diff.changes)


def test_pure_rename_is_one_breaking_change_with_the_users_of_both_names() -> None:
    diff = diff_specs(base(), renamed(base(), "ContactEntity", "Company"))
    assert kinds(diff) == ["schema-renamed"]
    (change,) = diff.changes
    assert (change.schema, change.old, change.new) == ("Company", "ContactEntity", "Company")
    assert change.location == "#/components/schemas/Company"
    assert change.severity is Impact.BREAKING
    assert set(change.operations) == {GET, POST}
    assert bump_kind(diff) == "major"


def test_rename_appears_in_the_reports_and_the_changelog() -> None:
    diff = diff_specs(base(), renamed(base(), "ContactEntity", "Company"))
    payload = json.loads(to_json(diff))
    assert [(c["kind"], c["severity"], c["old"], c["new"]) for c in payload["changes"]] == [
        ("schema-renamed", "breaking", "ContactEntity", "Company")
    ]
    markdown = to_markdown(diff)
    breaking = markdown.split("## Breaking changes", 1)[1]
    assert "#### `Company`" in breaking
    assert "**schema-renamed**: schema ContactEntity renamed to Company" in breaking
    assert "schema `Company`: schema ContactEntity renamed to Company" in changelog_entry(diff, "2.0.0")


def test_rename_with_one_added_property_reports_the_property_under_the_new_name() -> None:
    new = renamed(base(), "ContactEntity", "Company")
    new["components"]["schemas"]["Company"]["properties"]["Department"] = {"type": "string"}
    diff = diff_specs(base(), new)
    assert kinds(diff) == ["property-added", "schema-renamed"]
    added = next(c for c in diff.changes if c.kind is ChangeKind.PROPERTY_ADDED)
    assert added.location == "#/components/schemas/Company/properties/Department"
    assert added.schema == "Company" and added.operation is None
    # The operations referencing the model are not reported again, one by one.
    assert all(c.operation is None for c in diff.changes)


def test_rename_of_a_nested_model_is_found_through_the_operations_that_reach_it() -> None:
    new = renamed(base(), "Category", "CategoryItem")
    diff = diff_specs(base(), new)
    assert kinds(diff) == ["schema-renamed"]
    assert set(diff.changes[0].operations) == {GET, POST}


def test_rename_of_an_enum_schema() -> None:
    old = base()
    old["components"]["schemas"]["ContactEntity"]["properties"]["Kind"] = {"$ref": "#/components/schemas/Kind"}
    old["components"]["schemas"]["Kind"] = {"type": "string", "enum": ["Company", "Person", "Other", "Unknown"]}
    diff = diff_specs(old, renamed(old, "Kind", "ContactKind"))
    assert kinds(diff) == ["schema-renamed"]


def test_twin_schemas_kept_under_their_names_are_not_renames_even_when_references_swap() -> None:
    """Two models with the same columns, both in both documents; an operation switches from
    one to the other. Nothing was renamed: the operation's type change is reported in place."""
    old = base()
    old["components"]["schemas"]["ChatSessionEntity"] = copy.deepcopy(old["components"]["schemas"]["ChatSession"])
    new = copy.deepcopy(old)
    items = new["paths"]["/api/v1/Agents/Chat/RejectChatSessionTransfer"]["post"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]["items"]
    items["$ref"] = "#/components/schemas/ChatSessionEntity"
    diff = diff_specs(old, new)
    assert kinds(diff) == ["type-changed"]
    assert diff.changes[0].operation == REJECT


def test_removal_whose_users_moved_to_different_columns_stays_a_removal() -> None:
    new = base()
    del new["components"]["schemas"]["ChatSession"]
    new["components"]["schemas"]["ChatMessage"] = {
        "type": "object",
        "properties": {"MessageId": {"type": "integer"}, "Text": {"type": "string"}},
    }
    items = new["paths"]["/api/v1/Agents/Chat/RejectChatSessionTransfer"]["post"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]["items"]
    items["$ref"] = "#/components/schemas/ChatMessage"
    diff = diff_specs(base(), new)
    assert ChangeKind.SCHEMA_RENAMED.value not in kinds(diff)
    assert {"schema-removed", "schema-added"} <= set(kinds(diff))


def test_same_columns_under_a_new_name_used_by_no_former_user_is_not_a_rename() -> None:
    """Matching columns alone are no evidence: the new schema must serve an operation that used
    the old one. Here the operations now take and return free-form objects."""
    inline = json.dumps(base()).replace('{"$ref": "#/components/schemas/ContactEntity"}', '{"type": "object"}')
    new: dict[str, Any] = json.loads(inline)
    new["components"]["schemas"]["Company"] = new["components"]["schemas"].pop("ContactEntity")
    diff = diff_specs(base(), new)
    assert ChangeKind.SCHEMA_RENAMED.value not in kinds(diff)
    assert diff.count(ChangeKind.SCHEMA_REMOVED) == 1 and diff.count(ChangeKind.SCHEMA_ADDED) == 1


def test_two_equally_good_candidates_are_ambiguous_and_stay_removal_plus_additions() -> None:
    both = '{"anyOf": [{"$ref": "#/components/schemas/Company"}, {"$ref": "#/components/schemas/Organisation"}]}'
    doc = renamed(base(), "ContactEntity", "Company")
    schemas = doc.pop("components")
    new: dict[str, Any] = json.loads(json.dumps(doc).replace('{"$ref": "#/components/schemas/Company"}', both))
    new["components"] = schemas
    schemas["schemas"]["Organisation"] = copy.deepcopy(schemas["schemas"]["Company"])
    diff = diff_specs(base(), new)
    assert ChangeKind.SCHEMA_RENAMED.value not in kinds(diff)
    assert diff.count(ChangeKind.SCHEMA_REMOVED) == 1 and diff.count(ChangeKind.SCHEMA_ADDED) == 2


def test_cli_exit_code_is_breaking_for_a_rename(tmp_path: Path) -> None:
    old_file, new_file = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old_file.write_text(yaml.safe_dump(base()), encoding="utf-8")
    new_file.write_text(yaml.safe_dump(renamed(base(), "ContactEntity", "Company")), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old_file), str(new_file), "--format", "json"])
    assert result.exit_code == 1, result.output
    assert json.loads(result.output)["changes"][0]["kind"] == "schema-renamed"
