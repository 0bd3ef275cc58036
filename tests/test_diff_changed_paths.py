"""`diff_specs` reads only the changed path items when no component changed (a one-page docs
edit): its report must be the one the whole-document comparison gives."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.diff import ApiDiff, ChangeKind, diff_specs

SPEC = Path(__file__).resolve().parents[1] / "specs" / "openapi.yaml"


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    data = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _whole(old: dict[str, Any], new: dict[str, Any]) -> ApiDiff:
    """The comparison of every operation: the two documents' components differ by an extension
    that no rule reports."""
    old, new = copy.deepcopy(old), copy.deepcopy(new)
    old["components"]["x-compared"], new["components"]["x-compared"] = "old", "new"
    return diff_specs(old, new)


def _edited(document: dict[str, Any]) -> dict[str, Any]:
    """A description edited, an operation moved to a new path (same operationId), one removed,
    a parameter made required."""
    new = copy.deepcopy(document)
    paths = new["paths"]
    keys = sorted(paths)
    first = next(op for op in paths[keys[0]].values() if isinstance(op, dict))
    first["description"] = "Edited: " + first.get("description", "")
    moved_from = keys[1]
    paths[moved_from + "/Moved"] = paths.pop(moved_from)
    del paths[keys[2]]
    for key in keys[3:]:
        for op in paths[key].values():
            query = [
                p
                for p in op.get("parameters", [])
                if isinstance(p, dict) and p.get("in") == "query" and not p.get("required")
            ]
            if query:
                query[0]["required"] = True
                return new
    raise AssertionError("no operation with a query parameter in specs/openapi.yaml")


def test_a_paths_only_edit_reports_what_the_whole_comparison_reports(document: dict[str, Any]) -> None:
    new = _edited(document)
    fast, whole = diff_specs(document, new), _whole(document, new)
    assert fast.changes == whole.changes
    assert (fast.operations_old, fast.operations_new) == (whole.operations_old, whole.operations_new)
    assert fast.docs_changed == whole.docs_changed
    kinds = {change.kind for change in fast.changes}
    # The moved operation pairs by its operationId; the removed one is reported; so is the
    # newly required parameter, as breaking.
    assert ChangeKind.OPERATION_REMOVED in kinds
    assert any(c.breaking and "required" in c.message for c in fast.changes)


def test_an_unchanged_document_compares_to_nothing(document: dict[str, Any]) -> None:
    diff = diff_specs(document, copy.deepcopy(document))
    assert diff.changes == ()
    assert diff.operations_old == diff.operations_new == _whole(document, document).operations_new
