"""spawn_map (generator/spawnmap.py) gives the serial loop's results whatever happens to its helper."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from generator import spawnmap
from generator.openapi.dump import dump_spec, yaml_member
from generator.spawnmap import MIN_ITEMS, spawn_map


def _document(paths: int) -> dict[str, Any]:
    items = {
        f"/items/{n}": {"get": {"summary": f"Item {n} " * (n % 30), "x-n": n, "x-f": -0.0, "x-t": ("a", n)}}
        for n in range(paths)
    }
    schemas = {
        f"S{n}": {"type": "object", "properties": {"a": {"type": "string", "example": "007"}}} for n in range(25)
    }
    return {"openapi": "3.1.0", "paths": items, "components": {"schemas": schemas, "parameters": {}}}


def test_parallel_yaml_is_the_serial_yaml() -> None:
    document = _document(3 * MIN_ITEMS)
    assert dump_spec(document, "yaml", parallel=True) == dump_spec(document, "yaml")


def test_helper_results_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    answers: list[list[str] | None] = []
    real_answer = spawnmap._answer

    def recorded(helper: Any, expected: int) -> list[str] | None:
        answers.append(real_answer(helper, expected))
        return answers[-1]

    monkeypatch.setattr(spawnmap, "_answer", recorded)
    jobs = [(f"k{n}", {"n": n, "s": "x" * n}, 2) for n in range(2 * MIN_ITEMS + 1)]
    assert spawn_map(yaml_member, jobs) == [yaml_member(job) for job in jobs]
    assert answers and answers[0] is not None, "the helper process gave no answer"
    assert len(answers[0]) == MIN_ITEMS  # every second job


def _not_importable_by_the_helper(job: tuple[str, Any, int]) -> str:
    return f"{job[0]}={job[1]}"


def test_a_helper_that_fails_is_replaced_by_the_parent() -> None:
    # The helper cannot import a test module's function: it exits with an error, the parent does its share.
    items = [(str(n), n, 0) for n in range(2 * MIN_ITEMS)]
    assert spawn_map(_not_importable_by_the_helper, items) == [f"{n}={n}" for n in range(2 * MIN_ITEMS)]


def test_what_yaml_dump_refuses_fails_as_before() -> None:
    class Name(str):
        pass

    document = _document(3 * MIN_ITEMS)
    document["paths"]["/items/7"]["get"]["summary"] = Name("s")  # in the helper's share, and not marshal-able
    with pytest.raises(yaml.representer.RepresenterError):
        dump_spec(document, "yaml", parallel=True)
