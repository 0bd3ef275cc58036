"""Front matter: the fast reader for simple `key: value` lines agrees with YAML on every input."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.diagnostics import Diagnostics
from generator.parse.front_matter import split_front_matter, yaml_loader


def _by_yaml(block: str) -> dict[str, Any]:
    data = yaml.load(block, Loader=yaml_loader()) or {}  # the loader the slow path uses
    assert isinstance(data, dict)
    return {str(key): _plain(value) for key, value in data.items()}


def _plain(value: Any) -> Any:
    """What the reader keeps of a YAML value: JSON-like values; dates and the like as their text."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value if isinstance(value, (str, int, float, bool)) or value is None else str(value)


def _read(block: str) -> tuple[dict[str, Any], str, list[str]]:
    diags = Diagnostics()
    data, body, _ = split_front_matter(f"---\n{block}---\n# Title\n", "page.md", diags)
    return data, body, [d.code for d in diags.items]


@pytest.mark.parametrize(
    "block",
    [
        "title: POST Agents/Chat/RejectChatSessionTransfer\nid: v1ChatAgent_RejectChatSessionTransfer\n",
        "title: yes\n",  # a boolean to YAML
        "title: Null\n",
        "on: x\n",  # a boolean key
        "title: a # comment\n",
        "title: see http://example.com/a:b\n",
        "title: Text with 'quotes' and {braces} [brackets], commas\n",
        "title: trailing spaces   \n",
        "so.date: 2021-08-01\nid: x\n",  # a date: YAML reads it, we keep its text
        "keywords: [a, b]\n",
        "title: >\n  folded\n  text\n",
        "title:    many   inner   spaces\n",
        "title: x\ntitle: y\n",  # the later one wins, as in YAML
    ],
)
def test_front_matter_matches_yaml(block: str) -> None:
    data, body, codes = _read(block)
    assert body == "# Title\n"
    assert codes == []
    assert data == _by_yaml(block)


_WORD = st.text(st.sampled_from("abcXYZ019 _-.:#'\"[]{},&*!|>%@`~"), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["title", "id", "uid", "so.topic", "yes", "Off"]), _WORD), max_size=4))
def test_generated_front_matter_matches_yaml(pairs: list[tuple[str, str]]) -> None:
    block = "".join(f"{key}: {value}\n" for key, value in pairs)
    try:
        expected = _by_yaml(block) if block else {}
    except yaml.YAMLError:
        data, _, codes = _read(block)
        assert codes == ["front-matter"] and data == {}
        return
    data, _, codes = _read(block)
    assert codes == []
    assert data == expected
