"""`sdkgen diff` between the two published releases of the reference (Aug 2021 -> 10.0.2).

The expected changes were found independently of sdkgen, by comparing the two folders of Markdown
pages: nine pages exist only in 10.0.2, some entity pages gained property rows, one carrier lost a
row, and about 1,200 pages differ only in their (randomly generated) sample data.
Each corpus is parsed once per session (the `corpus_build` fixture in conftest.py).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.diff import ApiDiff, Change, ChangeKind, Impact, diff_specs

pytestmark = pytest.mark.corpus

OLD, NEW = "superoffice-2021-08", "superoffice-10.0.2"

# Pages that exist only in 10.0.2 (operationIds).
ADDED_IN_10_0_2 = {
    "v1ConfigurationAgent_SaveAndPublish",
    "v1DashAgent_DuplicateTile",
    "v1DashAgent_GetDashList",
    "v1DashAgent_GetDashTileHtml",
    "v1DashAgent_GetDashTileHtmlList",
    "v1DashAgent_SaveDashTileHtmlList",
    "v1ListAgent_SetTicketPrioritySortOrder",
    "v1ListAgent_SetTicketStatusSortOrder",
    "v1MarketingAgent_CalculateMailingStatistics",
}


@pytest.fixture(scope="session")
def documents(corpus_build: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    try:
        old, new = corpus_build(OLD)[2], corpus_build(NEW)[2]
    except ImportError as exc:  # pragma: no cover - only while the parser is incomplete
        pytest.skip(f"the docs parser is not available: {exc}")
    return old, new


@pytest.fixture(scope="session")
def corpus_diff(documents: tuple[dict[str, Any], dict[str, Any]]) -> ApiDiff:
    return diff_specs(*documents, include_docs=True)


def _schema_changes(diff: ApiDiff, kind: ChangeKind, prop: str) -> list[Change]:
    return [
        c
        for c in diff.changes
        if c.kind is kind and c.schema is not None and c.location.endswith(f"/properties/{prop}")
    ]


def test_operations_added_in_10_0_2_are_reported_as_non_breaking(corpus_diff: ApiDiff) -> None:
    added = {c.new: c for c in corpus_diff.changes if c.kind is ChangeKind.OPERATION_ADDED}
    assert set(added) == ADDED_IN_10_0_2
    assert added["v1DashAgent_GetDashTileHtml"].operation == "POST /api/v1/Agents/Dash/GetDashTileHtml"
    assert all(c.severity is Impact.NON_BREAKING for c in added.values())
    assert corpus_diff.count(ChangeKind.OPERATION_REMOVED) == 0


def test_property_added_to_an_existing_result_is_reported_once_per_schema(corpus_diff: ApiDiff) -> None:
    # Contact pages gained a `Domains | array` row (GET /api/v1/Contact/{id} and others).
    domains = _schema_changes(corpus_diff, ChangeKind.PROPERTY_ADDED, "Domains")
    assert domains and all(c.severity is Impact.NON_BREAKING for c in domains)
    assert any("GET /api/v1/Contact/{id}" in c.operations for c in domains)
    assert len({c.schema for c in domains}) == len(domains)  # one change per schema
    assert all(c.new == "array<string>" for c in domains)
    # Person pages gained `ActiveStatusMonitorId | int32`.
    monitor = _schema_changes(corpus_diff, ChangeKind.PROPERTY_ADDED, "ActiveStatusMonitorId")
    assert any("GET /api/v1/Person/{id}" in c.operations for c in monitor)
    assert all(c.new == "integer(int32)" for c in monitor)


def test_removed_carrier_property_is_breaking(corpus_diff: ApiDiff) -> None:
    # ConfigurableScreenDelta pages replaced `UserGroupId | int32` by `UserGroupIds | array`.
    removed = _schema_changes(corpus_diff, ChangeKind.PROPERTY_REMOVED, "UserGroupId")
    assert removed and all(c.severity is Impact.BREAKING for c in removed)
    assert any("POST /api/v1/Agents/Configuration/GetConfigurableScreenDelta" in c.operations for c in removed)
    assert _schema_changes(corpus_diff, ChangeKind.PROPERTY_ADDED, "UserGroupIds")
    assert corpus_diff.has_breaking


def test_no_schema_is_renamed_between_the_releases(corpus_diff: ApiDiff) -> None:
    # The new schemas of 10.0.2 are the new pages' carriers and types, and the removed one has
    # no counterpart among them (its users now return free-form objects): no rename.
    assert corpus_diff.count(ChangeKind.SCHEMA_RENAMED) == 0
    assert corpus_diff.count(ChangeKind.SCHEMA_ADDED) >= len(ADDED_IN_10_0_2)


def test_renaming_the_most_shared_model_is_one_change(documents: tuple[dict[str, Any], dict[str, Any]]) -> None:
    """What a parser that renames a model produces: one breaking rename, listing every user."""
    new = documents[1]
    schemas = new["components"]["schemas"]
    text = json.dumps(new)
    name = max(sorted(schemas), key=lambda n: text.count(f'"#/components/schemas/{n}"'))
    renamed = json.loads(text.replace(f'"#/components/schemas/{name}"', f'"#/components/schemas/{name}Renamed"'))
    renamed["components"]["schemas"][f"{name}Renamed"] = renamed["components"]["schemas"].pop(name)
    diff = diff_specs(new, renamed)
    assert [(c.kind, c.old, c.new) for c in diff.changes] == [(ChangeKind.SCHEMA_RENAMED, name, f"{name}Renamed")]
    assert diff.changes[0].breaking and len(diff.changes[0].operations) > 100


def test_changed_description_is_listed_as_documentation(corpus_diff: ApiDiff) -> None:
    # The SendTicketMessage page reworded its description ("for example by email").
    docs = [
        c
        for c in corpus_diff.changes
        if c.kind is ChangeKind.DESCRIPTION_CHANGED and c.operation == "POST /api/v1/Agents/Ticket/SendTicketMessage"
    ]
    assert any("for example by email" in str(c.new) for c in docs)


_SAMPLE_QUERY_LINE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE) /api\S*\?.*$", re.MULTILINE)


def _without_samples(text: str) -> str:
    """A page without its sample data: the sample sections and the example query lines."""
    head = text.split("## Sample Request", 1)[0]
    return _SAMPLE_QUERY_LINE.sub("", head)


def _pages_with_only_sample_changes(old_root: Path, new_root: Path) -> set[str]:
    """operationIds of the pages whose text differs between releases only in sample data."""
    ids: set[str] = set()
    for new_page in sorted(new_root.rglob("v1*.md")):
        old_page = old_root / new_page.relative_to(new_root)
        if not old_page.exists():
            continue
        old_text, new_text = old_page.read_text(encoding="utf-8"), new_page.read_text(encoding="utf-8")
        if old_text != new_text and _without_samples(old_text) == _without_samples(new_text):
            match = re.search(r"^(?:id|uid): *(\S+)", new_text, re.MULTILINE)
            if match:
                ids.add(match.group(1))
    return ids


def test_pages_whose_only_change_is_sample_data_yield_no_change(
    corpus_build: Any, documents: tuple[dict[str, Any], dict[str, Any]], corpus_diff: ApiDiff
) -> None:
    unchanged = _pages_with_only_sample_changes(corpus_build(OLD)[0], corpus_build(NEW)[0])
    assert len(unchanged) > 1000
    operation_ids = {
        f"{method.upper()} {path}": op.get("operationId")
        for path, item in documents[1]["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "operationId" in op
    }
    noisy = sorted(
        {
            c.operation
            for c in corpus_diff.changes
            if c.operation is not None and operation_ids.get(c.operation) in unchanged
        }
    )
    assert noisy == [], f"{len(noisy)} sample-only pages report changes, e.g. {noisy[:5]}"


def test_full_corpus_diff_is_fast_and_deterministic(documents: tuple[dict[str, Any], dict[str, Any]]) -> None:
    started = time.perf_counter()
    first = diff_specs(*documents)
    elapsed = time.perf_counter() - started
    assert elapsed < 5.0, f"diff of the two corpora took {elapsed:.2f} s"
    assert diff_specs(*documents) == first
    assert diff_specs(documents[1], documents[1]).is_empty


def _diff_page_folders(corpus_build: Any, tmp_path: Path, reformat: Any) -> Any:
    """`sdkgen diff OLD_DIR NEW_DIR --include-docs` on one corpus page and a reformatted copy."""
    page = corpus_build(NEW)[0] / "agent" / "Dash_Agent" / "v1DashAgent_GetDashTileHtml.md"
    text = page.read_text(encoding="utf-8")
    for side, content in (("old", text), ("new", reformat(text))):
        folder = tmp_path / side / "agent" / "Dash_Agent"
        folder.mkdir(parents=True)
        (folder / page.name).write_text(content, encoding="utf-8")
    assert reformat(text) != text
    return CliRunner().invoke(main, ["diff", str(tmp_path / "old"), str(tmp_path / "new"), "--include-docs"])


def test_cli_diffs_docs_folders_and_table_padding_is_not_a_change(corpus_build: Any, tmp_path: Path) -> None:
    def repad(text: str) -> str:
        return re.sub(r" \| ", "   |   ", text).replace("\n## ", "\n\n\n## ")

    result = _diff_page_folders(corpus_build, tmp_path, repad)
    assert result.exit_code == 0, result.output
    assert "No API changes." in result.stdout and "| documentation-only changes | 0 |" in result.stdout


def test_rewrapped_description_is_not_a_change(corpus_build: Any, tmp_path: Path) -> None:
    def rewrap(text: str) -> str:
        return text.replace(
            "Get HTML for a dashboard tile definition with TileType = HTML",
            "Get HTML for a dashboard tile definition\nwith TileType = HTML",
        )

    result = _diff_page_folders(corpus_build, tmp_path, rewrap)
    assert result.exit_code == 0, result.output
    assert "| documentation-only changes | 0 |" in result.stdout
