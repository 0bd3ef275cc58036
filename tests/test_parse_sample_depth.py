"""The sample depth check on the JSON text agrees with walking the parsed value."""

from __future__ import annotations

import json

import pytest

from generator.parse.sample import MAX_SAMPLE_DEPTH, json_depth, nests_deeper_than


def _nested(depth: int, leaf: str = "1") -> str:
    return (
        "".join('{"a": [' if level % 2 else "[" for level in range(depth))
        + leaf
        + "".join("]}" if level % 2 else "]" for level in reversed(range(depth)))
    )


@pytest.mark.parametrize(
    "text",
    [
        _nested(MAX_SAMPLE_DEPTH),
        _nested(MAX_SAMPLE_DEPTH + 1),
        _nested(MAX_SAMPLE_DEPTH - 1, '"]]]]}}}}"'),  # closing brackets inside a string
        _nested(MAX_SAMPLE_DEPTH + 1, '"[[[[{{{{ \\" ]]"'),  # escaped quote inside a string
        "[" + ",".join(["[]"] * 200) + "]",  # many brackets, shallow
        '{"a": ' + _nested(MAX_SAMPLE_DEPTH + 3) + ', "a": 1}',  # a repeated key drops the deep member
        '"' + "[" * 300 + '"',
    ],
)
def test_text_check_matches_the_walk(text: str) -> None:
    value = json.loads(text)
    assert nests_deeper_than(text, value, MAX_SAMPLE_DEPTH) == (json_depth(value) > MAX_SAMPLE_DEPTH)
