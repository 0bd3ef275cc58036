"""The YAML event writer (generator/openapi/yaml_events.py) writes exactly what `yaml.dump` writes.

It replaces PyYAML's representer for the spec's YAML output, so any divergence would change the
bytes of every spec sdkgen writes: quoting of strings that read as numbers, booleans or dates,
folding of long lines, empty containers, unusual characters, floats.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.openapi.dump import _OPTIONS, _dumper, dump_spec
from generator.openapi.yaml_events import EventWriter

TRICKY = [
    "",
    " ",
    "true",
    "False",
    "yes",
    "no",
    "on",
    "null",
    "~",
    "123",
    "0x1F",
    "1_000",
    "1.5e3",
    ".inf",
    "-.nan",
    "2024-01-02",
    "2024-01-02T03:04:05Z",
    "<<",
    "=",
    "- item",
    "? key",
    "key: value",
    "#comment",
    "a #b",
    "'quoted'",
    '"double"',
    "tab\there",
    "line\nbreak",
    "trailing ",
    " leading",
    "\u2028sep",
    "\x85next",
    "caf\u00e9",
    "\U0001f600",
    "\x07bell",
    "\ud800",
    "%percent",
    "@at",
    "`tick",
    "{flow}",
    "[list]",
    "*alias",
    "&anchor",
    "!tag",
    "|block",
    ">folded",
    "word " * 40,
    "x" * 300,
]

scalars = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=150),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 1e17, 1e-7, 2.5]),
    st.booleans(),
    st.none(),
)
keys = st.one_of(st.sampled_from(TRICKY), st.text(max_size=140), st.integers(), st.booleans(), st.none())
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=40,
)


def _stock(value: Any) -> str:
    text: str = yaml.dump(value, Dumper=_dumper(), **_OPTIONS)
    return text


def _outcome(write: Any, value: Any) -> str:
    """The text written, or the kind of error (an unpaired surrogate fails in libyaml either way)."""
    try:
        return str(write(value))
    except UnicodeEncodeError as error:
        return f"error: {type(error).__name__}"


@settings(max_examples=400, deadline=None)
@given(values)
def test_event_writer_matches_yaml_dump(value: Any) -> None:
    writer = EventWriter(_dumper(), **_OPTIONS)
    assert _outcome(writer.dump, {"key": value}) == _outcome(_stock, {"key": value})
    # Scalar events are shared between documents: a second dump is the same again.
    assert _outcome(writer.dump, {"other": value}) == _outcome(_stock, {"other": value})


def test_spec_dump_matches_fragment_by_fragment_yaml_dump() -> None:
    """A whole document (paths and components written fragment by fragment, indented) equals the
    same document written by yaml.dump one top-level key at a time."""
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {"/a/{id}": {"get": {"summary": "x " * 80, "parameters": [{"name": "id", "example": "007"}]}}},
        "components": {"schemas": {"A": {"type": "object", "properties": {}}}, "parameters": {}},
    }
    expected = "".join(
        [
            _stock({"openapi": "3.1.0"}),
            _stock({"info": document["info"]}),
            "paths:\n",
            "".join("  " + line for line in _stock({"/a/{id}": document["paths"]["/a/{id}"]}).splitlines(True)),
            "components:\n  schemas:\n",
            "".join("    " + line for line in _stock({"A": document["components"]["schemas"]["A"]}).splitlines(True)),
            "  parameters: {}\n",
        ]
    )
    assert dump_spec(document, "yaml") == expected
    assert dump_spec(document, "yaml", {}) == expected


def test_other_values_go_through_yaml_dump() -> None:
    """A tuple is not an event-writer value: the dump falls back to yaml.dump, which writes it as
    a list; what yaml.dump cannot represent (a str subclass) fails as it did before."""

    class Name(str):
        pass

    document: dict[str, Any] = {"paths": {"/x": {"get": {"tags": ("a", "b")}}}}
    assert dump_spec(document, "yaml") == "paths:\n  /x:\n    get:\n      tags:\n      - a\n      - b\n"
    with pytest.raises(yaml.representer.RepresenterError):
        dump_spec({"paths": {"/x": {"get": {"summary": Name("s")}}}}, "yaml")
