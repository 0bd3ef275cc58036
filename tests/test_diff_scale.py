"""`sdkgen diff` on a document the size of the SuperOffice reference (3,000 operations, 1,000
densely cross-referenced schemas): fast enough to run on every re-publish, and correct about
which operations use a changed schema."""

from __future__ import annotations

import copy
import random
import time
from typing import Any

from generator.diff import ChangeKind, Direction, Impact, diff_specs
from generator.diff.usage import propagate_directions

OPERATIONS, SCHEMAS = 3000, 1000


def big_spec(seed: int = 0) -> dict[str, Any]:
    rng = random.Random(seed)

    def ref() -> dict[str, str]:
        return {"$ref": f"#/components/schemas/S{rng.randrange(1, SCHEMAS)}"}

    schemas: dict[str, Any] = {}
    for i in range(SCHEMAS):
        props: dict[str, Any] = {
            f"P{j}": {"type": ["integer", "null"], "format": "int32", "description": f"Field {j}"} for j in range(15)
        }
        for j in range(4):
            props[f"R{j}"] = {"anyOf": [ref(), {"type": "null"}]}
        props["L"] = {"type": "array", "items": ref()}
        schemas[f"S{i}"] = {"type": "object", "properties": props}
    # S0 is used only by the first operation's request: a known, narrow user set.
    schemas["S0"] = {"type": "object", "properties": {"Id": {"type": "integer"}}}
    paths: dict[str, Any] = {}
    for i in range(OPERATIONS):
        body = {"$ref": "#/components/schemas/S0"} if i == 0 else ref()
        paths[f"/api/v1/X{i}/{{id}}"] = {
            "post": {
                "operationId": f"op{i}",
                "tags": [f"T{i % 50}"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}},
                    {"name": "$select", "in": "query", "schema": {"type": "string"}},
                ],
                "requestBody": {"content": {"application/json": {"schema": body}}},
                "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": ref()}}}},
            }
        }
    return {"openapi": "3.1.0", "paths": paths, "components": {"schemas": schemas}}


def test_full_size_diff_is_fast_and_reports_a_schema_change_once() -> None:
    old = big_spec()
    new = copy.deepcopy(old)
    new["components"]["schemas"]["S5"]["properties"]["New"] = {"type": "string"}
    new["components"]["schemas"]["S0"]["required"] = ["Id"]
    started = time.perf_counter()
    diff = diff_specs(old, new)
    elapsed = time.perf_counter() - started
    # About 0.3 s on the 2-core development machine; the margin absorbs a busy CI host.
    assert elapsed < 5.0, f"diff of {OPERATIONS} operations took {elapsed:.2f} s"
    assert [c.kind for c in diff.changes] == [ChangeKind.PROPERTY_REQUIRED_CHANGED, ChangeKind.PROPERTY_ADDED]
    required, added = diff.changes
    assert required.schema == "S0" and required.operations == ("POST /api/v1/X0/{id}",)
    assert required.severity is Impact.BREAKING  # request-only schema: optional -> required
    assert added.schema == "S5" and len(added.operations) > 100


def test_directions_flow_through_reference_cycles() -> None:
    graph = {
        "Req": frozenset({"A"}),
        "A": frozenset({"B"}),
        "B": frozenset({"A", "C"}),
        "C": frozenset(),
        "Res": frozenset({"C"}),
        "Unused": frozenset({"A"}),
    }
    directions = propagate_directions(graph, {"Req": {Direction.REQUEST}, "Res": {Direction.RESPONSE}})
    assert directions["A"] == directions["B"] == {Direction.REQUEST}
    assert directions["C"] == {Direction.REQUEST, Direction.RESPONSE}
    assert "Unused" not in directions
