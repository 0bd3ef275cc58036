"""generator/jsontext.py writes exactly json.dumps(value, indent=1, ensure_ascii=False)."""

from __future__ import annotations

import json
from collections import OrderedDict
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.jsontext import indented

ROOT = Path(__file__).resolve().parent.parent

CASES: list[Any] = [
    {},
    [],
    "text",
    3,
    None,
    {"a": [], "b": {}, "c": [[]], "d": {"e": {"f": 1}}},
    [1, 2.5, -0.0, 1e300, 10**30, True, False, None, 'é\n"\\\u2028\x00'],
    {"tuple": (1, "two", (3,))},
    {"é": "ü", "nested": [{"k": [{"x": None}]}]},
]

# What the fast path hands to json.dumps (its exact output, or its exact error).
UNUSUAL: list[Any] = [
    {1: "int key"},
    {None: 1, True: 2, 2.5: 3},
    {"n": float("nan")},
    {"i": [float("inf"), float("-inf")]},
    OrderedDict(a=1),
    {"sub": OrderedDict(b=[1])},
]


@pytest.mark.parametrize("value", CASES + UNUSUAL)
def test_same_text_as_json_dumps(value: Any) -> None:
    assert indented(value) == json.dumps(value, indent=1, ensure_ascii=False)


def test_same_error_as_json_dumps() -> None:
    cyclic: list[Any] = []
    cyclic.append(cyclic)
    with pytest.raises(ValueError, match="Circular reference"):
        json.dumps(cyclic, indent=1)
    with pytest.raises(ValueError, match="Circular reference"):
        indented(cyclic)
    with pytest.raises(TypeError):
        indented({"when": object()})


def test_repository_spec() -> None:
    spec = yaml.safe_load((ROOT / "specs" / "openapi.yaml").read_text(encoding="utf-8"))
    assert indented(spec) == json.dumps(spec, indent=1, ensure_ascii=False)
