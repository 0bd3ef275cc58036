"""`sdkgen diff` as a user runs it: Markdown and JSON reports, exit codes, determinism, versioning."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.diff import ApiDiff, diff_specs
from generator.diff.report import to_json, to_markdown
from generator.diff.versioning import bump_kind, changelog_entry, next_version

FIXTURES = Path(__file__).parent / "fixtures" / "diff"


def base() -> dict[str, Any]:
    data = yaml.safe_load((FIXTURES / "base-3.1.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def changed() -> dict[str, Any]:
    """One breaking change (POST /api/v1/Contact removed), one addition, one docs change."""
    new = base()
    del new["paths"]["/api/v1/Contact"]
    new["components"]["schemas"]["ChatSession"]["properties"]["Topic"] = {"type": "string"}
    new["paths"]["/api/v1/Contact/{id}"]["get"]["summary"] = "Gets one contact."
    return new


def additive() -> dict[str, Any]:
    new = base()
    new["components"]["schemas"]["ChatSession"]["properties"]["Topic"] = {"type": "string"}
    return new


def write(tmp_path: Path, name: str, doc: dict[str, Any]) -> Path:
    path = tmp_path / name
    if name.endswith(".json"):
        path.write_text(json.dumps(doc), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return path


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["diff", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


# --- reports --------------------------------------------------------------------------------


def test_markdown_lists_summary_then_breaking_changes_first_grouped_by_tag() -> None:
    text = to_markdown(diff_specs(base(), changed()))
    assert "| breaking changes | 1 |" in text
    assert "| operations removed | 1 |" in text
    assert "| documentation-only changes | 1 |" in text
    breaking, non_breaking = text.index("## Breaking changes"), text.index("## Non-breaking changes")
    assert breaking < text.index("### Contact") < text.index("#### `POST /api/v1/Contact`") < non_breaking
    assert text.index("#### `ChatSession`") > non_breaking
    assert "Used by 1 operation: `POST /api/v1/Agents/Chat/RejectChatSessionTransfer`." in text
    assert "Gets one contact" not in text  # docs changes are counted, not listed


def test_markdown_for_identical_documents_says_so() -> None:
    text = to_markdown(diff_specs(base(), base()))
    assert "No API changes." in text and "## Breaking" not in text


def test_json_is_stable_and_complete() -> None:
    payload = json.loads(to_json(diff_specs(base(), changed())))
    assert payload["summary"]["breaking"] == 1 and payload["summary"]["non_breaking"] == 1
    first = payload["changes"][0]
    assert first == {
        "kind": "operation-removed",
        "severity": "breaking",
        "operation": "POST /api/v1/Contact",
        "tag": "Contact",
        "schema": None,
        "location": "#/paths/~1api~1v1~1Contact/post",
        "old": "v1ContactEntity_PostContactEntity",
        "new": None,
        "message": "operation removed (v1ContactEntity_PostContactEntity)",
        "operations": [],
    }
    assert payload["changes"][1]["location"] == "#/components/schemas/ChatSession/properties/Topic"


def _shuffled(doc: Any, rng: random.Random) -> Any:
    """The same document with every mapping's key order shuffled."""
    if isinstance(doc, dict):
        items = list(doc.items())
        rng.shuffle(items)
        return {k: _shuffled(v, rng) for k, v in items}
    if isinstance(doc, list):
        return [_shuffled(v, rng) for v in doc]
    return doc


def test_output_does_not_depend_on_key_order() -> None:
    expected_json = to_json(diff_specs(base(), changed(), include_docs=True))
    expected_md = to_markdown(diff_specs(base(), changed(), include_docs=True))
    for seed in range(5):
        rng = random.Random(seed)
        diff = diff_specs(_shuffled(base(), rng), _shuffled(changed(), rng), include_docs=True)
        assert to_json(diff) == expected_json
        assert to_markdown(diff) == expected_md


# --- command line ---------------------------------------------------------------------------


def test_cli_exit_code_1_and_markdown_when_something_breaks(tmp_path: Path) -> None:
    code, out, _ = run(write(tmp_path, "old.yaml", base()), write(tmp_path, "new.yml", changed()))
    assert code == 1
    assert out.startswith("# API changes") and "operation-removed" in out


def test_cli_exit_code_0_for_additions_only_and_json_format(tmp_path: Path) -> None:
    code, out, _ = run(write(tmp_path, "old.json", base()), write(tmp_path, "new.json", additive()), "--format", "json")
    assert code == 0
    payload = json.loads(out)
    assert [c["kind"] for c in payload["changes"]] == ["property-added"]


def test_cli_include_docs_lists_description_changes(tmp_path: Path) -> None:
    new = base()
    new["paths"]["/api/v1/Contact/{id}"]["get"]["summary"] = "Gets one contact."
    old_path, new_path = write(tmp_path, "old.yaml", base()), write(tmp_path, "new.yaml", new)
    code, out, _ = run(old_path, new_path)
    assert code == 0 and "Gets one contact" not in out
    code, out, _ = run(old_path, new_path, "--include-docs")
    assert code == 0 and "description-changed" in out and "Gets one contact" in out


def test_cli_writes_the_report_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run(
        write(tmp_path, "a.yaml", base()), write(tmp_path, "b.yaml", changed()), "--format", "json", "-o", target
    )
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["breaking"] == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("old.txt", "openapi: 3.1.0", "expected a docs folder or an OpenAPI file"),
        ("old.yaml", "openapi: [unclosed", "not valid YAML"),
        ("old.json", "{", "not valid JSON"),
        ("old.yaml", "swagger: '2.0'", "not an OpenAPI 3.x document"),
    ],
)
def test_cli_bad_input_is_exit_code_2(tmp_path: Path, name: str, content: str, message: str) -> None:
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    code, out, err = run(bad, write(tmp_path, "new.yaml", base()))
    assert code == 2 and out == "" and message in err


def test_cli_missing_file_is_exit_code_2(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "nope.yaml", write(tmp_path, "new.yaml", base()))
    assert code == 2 and "does not exist" in err


# --- versioning -----------------------------------------------------------------------------


def test_bump_kind_follows_the_worst_change() -> None:
    docs_only = base()
    docs_only["paths"]["/api/v1/Contact/{id}"]["get"]["summary"] = "Gets one contact."
    deprecated = copy.deepcopy(docs_only)
    deprecated["paths"]["/api/v1/Contact/{id}"]["get"]["deprecated"] = True
    assert bump_kind(diff_specs(base(), changed())) == "major"
    assert bump_kind(diff_specs(base(), additive())) == "minor"
    assert bump_kind(diff_specs(base(), deprecated)) == "patch"
    assert bump_kind(diff_specs(base(), docs_only)) == "patch"
    assert bump_kind(diff_specs(base(), base())) == "none"


@pytest.mark.parametrize(
    ("version", "kind", "expected"),
    [
        ("1.2.3", "major", "2.0.0"),
        ("1.2.3", "minor", "1.3.0"),
        ("1.2.3", "patch", "1.2.4"),
        ("1.2.3", "none", "1.2.3"),
        ("0.1.0", "major", "0.2.0"),  # 0.y.z: breaking bumps y
        ("0.1.0", "minor", "0.1.1"),
        ("0.4.2", "patch", "0.4.3"),
        ("2.0.0-rc.1", "major", "2.0.0"),
        ("1.3.0-beta", "minor", "1.3.0"),
        ("1.2.4-rc.2+build.5", "patch", "1.2.4"),
        ("1.2.3+build.7", "minor", "1.3.0"),
    ],
)
def test_next_version(version: str, kind: str, expected: str) -> None:
    assert next_version(version, kind) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("version", ["1.2", "v1.2.3", "01.2.3", ""])
def test_next_version_rejects_non_semver(version: str) -> None:
    with pytest.raises(ValueError):
        next_version(version, "patch")


def test_changelog_entry_lists_changes_by_group_without_dates() -> None:
    diff: ApiDiff = diff_specs(base(), changed())
    text = changelog_entry(diff, "2.0.0")
    assert text.splitlines()[0] == "## 2.0.0"
    assert text.index("### Breaking changes") < text.index("### Added")
    assert "- `POST /api/v1/Contact`: operation removed (v1ContactEntity_PostContactEntity)" in text
    assert "- schema `ChatSession`: optional property Topic added" in text
    assert "1 documentation change." in text
    assert changelog_entry(diff_specs(base(), base()), "1.0.1") == "## 1.0.1\n\nNo API changes.\n"


def test_cli_empty_docs_folder_is_an_input_error(tmp_path: Path) -> None:
    empty = tmp_path / "docs"
    empty.mkdir()
    code, out, err = run(empty, write(tmp_path, "new.yaml", base()))
    assert code == 2 and out == "" and "no endpoint pages found" in err
